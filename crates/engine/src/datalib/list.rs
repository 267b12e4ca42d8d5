//! List: the entries in ring order as DataGetFirst/DataGetNext return them, with NOTRUST
//! certificates left out unless the caller asks for any status (RACF Callable Services,
//! R_datalib usage notes,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ichd100/usgntrdata.htm>),
//! and racemu's warnings when the RACLIST images of DIGTRING/DIGTCERT are older than the
//! database it reads.

use super::locate::Located;
use super::refresh::stale_warnings;
use super::release::{release, Opening};
use super::{DatalibError, RingView, StatusFilter};

/// The ring `at` as `o.caller` is given it under `filter`: every member released or withheld
/// by [`release`], in ring order, the ones the filter leaves out kept apart in
/// [`RingView::filtered`].
pub(crate) fn list(
    tx: &racemu_store::Tx<'_>,
    o: &Opening<'_>,
    at: Located,
    filter: StatusFilter,
) -> Result<RingView, DatalibError> {
    let cert_ids: Vec<i64> = at.members.iter().map(|(c, _, _)| c.id).collect();
    let stale = stale_warnings(tx, at.ring_id, &cert_ids, &at.oname, &at.ring)
        .map_err(|e| DatalibError::internal(e.detail()))?;
    let mut entries = Vec::new();
    let mut filtered = Vec::new();
    for (cert, usage, default) in at.members {
        let admitted = filter.admits(cert.status);
        let e = release(tx, o, cert, usage, default)?;
        if admitted {
            entries.push(e);
        } else {
            filtered.push(e);
        }
    }
    Ok(RingView {
        owner: at.oname,
        name: at.ring,
        entries,
        access: o.access.clone(),
        caller: o.caller.to_string(),
        stale,
        filtered,
    })
}

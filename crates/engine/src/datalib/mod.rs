//! R_datalib's rules: what a z/OS server gets from R_datalib (DataGetFirst/DataGetNext) when
//! it opens `safkeyring://OWNER/RING` (RACF Callable Services, "R_datalib (IRRSDL00 or
//! IRRSDL64)": RACF authorization,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.ichd100/dlibauth.htm>;
//! usage notes,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ichd100/usgntrdata.htm>;
//! return and reason codes,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.ichd100/ich2d100238.htm>).
//!
//! Opening a ring is four steps, one module each:
//! * [`locate`]: the ring (real rings must exist; a virtual ring `OWNER/*` holds the owner's
//!   certificates) and its members;
//! * [`authorize`]: ring-specific checking when RDATALIB is active and RACLISTed and a profile
//!   covers `OWNER.RING.LST` (ring name folded to upper case; virtual rings use
//!   `OWNER.IRR_VIRTUAL_KEYRING.LST`), READ opening the ring; otherwise global checking,
//!   FACILITY `IRR.DIGTCERT.LISTRING`, READ for one's own ring, UPDATE for another user's;
//! * [`release`]: private keys only for certificates connected with USAGE(PERSONAL), a user's
//!   key when the caller owns it (global) or has READ (own) / UPDATE (others') to the `.LST`
//!   profile, a CERTAUTH or SITE key when the caller is SPECIAL, or has CONTROL to
//!   `IRR.DIGTCERT.GENCERT` (global) or to the `.LST` profile;
//! * [`list`]: the entries in ring order, NOTRUST certificates left out unless the caller asks
//!   for any status.
//!
//! Checks read the RACLIST snapshot of FACILITY / RDATALIB when those classes are RACLISTed;
//! rings and certificates are read from the database as they are now (racemu's documented
//! choice for DIGTCERT/DIGTRING), with [`RingView::stale`] warnings when they changed after the
//! last DIGTRING/DIGTCERT refresh. Every refusal and every withheld private key says what
//! would change it (the RDEFINE when no profile covers the resource, the PERMIT, the SETROPTS
//! REFRESH when the snapshot is older than the database): [`Decision`].

mod advice;
mod authorize;
mod decision;
mod error;
mod list;
mod locate;
mod refresh;
mod release;
mod view;

pub use decision::Decision;
pub use error::DatalibError;
pub use view::{AccessPath, RingEntry, RingView, StatusFilter};

use racemu_store::{Store, StoreError, Tx};

/// Opens `owner`'s ring `ring` (the caller's own when `owner` is `None`; `*` for a virtual
/// ring, whose owner may be `*AUTH*` or `*SITE*`) as `caller` would through R_datalib, in one
/// store transaction.
pub fn open_ring(
    store: &mut Store,
    caller: &str,
    owner: Option<&str>,
    ring: &str,
    filter: StatusFilter,
) -> Result<RingView, DatalibError> {
    let caller = caller.to_ascii_uppercase();
    store
        .transaction(|tx| Ok::<_, StoreError>(open_in(tx, &caller, owner, ring, filter)))
        .map_err(|e| DatalibError::internal(e.detail()))?
}

/// [`open_ring`] within a transaction the caller holds (`caller` in upper case): locate,
/// authorize, release, list. Reads only.
pub fn open_in(
    tx: &Tx<'_>,
    caller: &str,
    owner: Option<&str>,
    ring: &str,
    filter: StatusFilter,
) -> Result<RingView, DatalibError> {
    let db = |e: StoreError| DatalibError::internal(e.detail());
    let at = locate::locate(tx, caller, owner, ring)?;
    let (access, lst_level) = authorize::authorize(tx, caller, &at)?;
    let lst = at.lst.clone();
    let oname = at.oname.clone();
    let opening = release::Opening {
        caller,
        oname: &oname,
        lst: &lst,
        access: &access,
        lst_level,
        special: crate::authority::is_special(tx, caller).map_err(db)?,
        gencert: authorize::level(tx, caller, "FACILITY", "IRR.DIGTCERT.GENCERT").map_err(db)?,
    };
    list::list(tx, &opening, at, filter)
}

//! What the last SETROPTS RACLIST REFRESH left in effect: stale DIGTRING/DIGTCERT images
//! (the catalogue's [`m::ring_changed`] and [`m::ring_certificates_changed`]) and RDATALIB
//! profiles the RACLIST snapshot does not hold yet.

use crate::authority::protecting_profile;
use crate::messages as m;
use racemu_store::{profiles, ring_images, StoreResult, Tx};

/// The lines of a DIGTRING/DIGTCERT content image that start with `prefix`, now and at the
/// last refresh; `None` when the class is not RACLISTed (nothing to refresh).
fn image_lines(
    tx: &Tx<'_>,
    class: &str,
    prefix: &str,
) -> StoreResult<Option<(Vec<String>, Vec<String>)>> {
    let o = profiles::class_options(tx, class)?;
    if !(o.active && o.raclisted) {
        return Ok(None);
    }
    let now = ring_images::current(tx, class)?.unwrap_or_default();
    let then = ring_images::at_refresh(tx, class)?;
    let pick = |v: Vec<String>| -> Vec<String> {
        v.into_iter().filter(|l| l.starts_with(prefix)).collect()
    };
    Ok(Some((pick(now), pick(then))))
}

/// [`m::ring_changed`] when the ring's connections changed after the last DIGTRING refresh;
/// [`m::ring_certificates_changed`] when
/// one of its certificates changed (status, key, label, or is new) after the last DIGTCERT
/// refresh.
pub(crate) fn stale_warnings(
    tx: &Tx<'_>,
    ring_id: Option<i64>,
    cert_ids: &[i64],
    owner: &str,
    ring: &str,
) -> StoreResult<Vec<String>> {
    let mut out = Vec::new();
    if let Some(id) = ring_id {
        if let Some((now, then)) = image_lines(tx, "DIGTRING", &format!("{id}|"))? {
            if now != then {
                out.push(m::ring_changed(owner, ring).line());
            }
        }
    }
    let mut changed = Vec::new();
    for id in cert_ids {
        if let Some((now, then)) = image_lines(tx, "DIGTCERT", &format!("{id}|"))? {
            if now != then {
                if let Some(line) = now.first() {
                    changed.push(format!("'{}'", line.splitn(4, '|').nth(3).unwrap_or("")));
                }
            }
        }
    }
    if !changed.is_empty() {
        out.push(m::ring_certificates_changed(&changed.join(", "), owner, ring).line());
    }
    Ok(out)
}

/// ` (RDATALIB profile P covers it, but …)` when the database has an RDATALIB profile for
/// `lst` that the RACLIST snapshot does not, or RDATALIB is not active/RACLISTed.
pub(crate) fn pending_rdatalib(tx: &Tx<'_>, lst: &str) -> StoreResult<String> {
    let Some((p, _)) = protecting_profile(tx, "RDATALIB", lst, false)? else {
        return Ok(String::new());
    };
    let o = profiles::class_options(tx, "RDATALIB")?;
    Ok(if !o.active || !o.raclisted {
        format!(" in effect (RDATALIB {p} covers it, but ring-specific checking needs SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB))")
    } else {
        format!(" in effect (RDATALIB {p} covers it, but the RACLIST snapshot of RDATALIB predates it: SETROPTS RACLIST(RDATALIB) REFRESH)")
    })
}

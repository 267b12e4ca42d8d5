//! The RACF commands that would grant a refused access: shared by R_datalib's advice
//! (`datalib::advice`) and the RACDCERT refusal's RCM131I note.

use super::live_resource_access;
use racemu_racf::Access;
use racemu_store::profiles;
use racemu_store::{StoreResult as Result, Tx};

/// The commands, one per element, that would give `caller` `needed` access to `name` in
/// `class`, judged against the database as it is now: the RDEFINE when no profile covers
/// `name`, the PERMIT unless the profile already grants it, then the SETROPTS that puts it in
/// effect (CLASSACT and RACLIST when the class is not active or, for RDATALIB, not
/// RACLISTed; otherwise the REFRESH of a RACLISTed class).
pub(crate) fn grant_commands(
    tx: &Tx<'_>,
    caller: &str,
    class: &str,
    name: &str,
    needed: Access,
) -> Result<Vec<String>> {
    let o = profiles::class_options(tx, class)?;
    let mut out = Vec::new();
    let profile = match live_resource_access(tx, caller, class, name)? {
        None => {
            out.push(format!("RDEFINE {class} {name} UACC(NONE)"));
            Some(name.to_string())
        }
        Some((_, a)) if a >= needed => None,
        Some((p, _)) => Some(p),
    };
    if let Some(p) = profile {
        out.push(format!(
            "PERMIT {p} CLASS({class}) ID({caller}) ACCESS({})",
            needed.keyword()
        ));
    }
    let needs_raclist = class == "RDATALIB";
    if !o.active || (needs_raclist && !o.raclisted) {
        out.push(if needs_raclist || o.raclisted {
            format!("SETROPTS CLASSACT({class}) RACLIST({class})")
        } else {
            format!("SETROPTS CLASSACT({class})")
        });
    } else if o.raclisted {
        out.push(format!("SETROPTS RACLIST({class}) REFRESH"));
    }
    Ok(out)
}

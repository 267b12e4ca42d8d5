//! What a refusal or a withheld private key needs, in RACF commands: the profile to define
//! when none exists, the PERMIT, and the SETROPTS REFRESH when the RACLIST snapshot is older
//! than the database.
use racemu_engine::authority::{live_resource_access, protecting_profile};
use racemu_store::profiles;
use racemu_store::{StoreResult as Result, Tx};

use crate::decision::Decision;
use crate::operand::quoted;
use racemu_racf::{Access, Owner, Usage};

/// The access `userid` has to `name` in `class` as the database holds it now (not the RACLIST
/// snapshot): the protecting profile and the access, or `None` when no profile covers it.
pub(crate) fn live_access(
    tx: &Tx<'_>,
    userid: &str,
    class: &str,
    name: &str,
) -> Result<Option<(String, Access)>> {
    live_resource_access(tx, userid, class, name)
}

/// The commands that would give `caller` `needed` access to `name` in `class`, judged against
/// the database as it is now:
/// * no profile covers `name`: RDEFINE, PERMIT, SETROPTS RACLIST(class) REFRESH;
/// * the profile's access list already grants it (the snapshot predates it): the REFRESH;
/// * otherwise: PERMIT and REFRESH.
pub(crate) fn grant(
    tx: &Tx<'_>,
    caller: &str,
    class: &str,
    name: &str,
    needed: Access,
) -> Result<String> {
    let raclisted = profiles::class_options(tx, class)?.raclisted;
    let refresh = format!("SETROPTS RACLIST({class}) REFRESH");
    let live = live_access(tx, caller, class, name)?;
    Ok(match live {
        None => format!(
            "no {class} profile covers {name}: RDEFINE {class} {name} UACC(NONE), PERMIT {name} CLASS({class}) ID({caller}) ACCESS({n}){r} would grant it",
            n = needed.keyword(),
            r = if raclisted { format!(" and {refresh}") } else { String::new() },
        ),
        Some((profile, a)) if a >= needed && raclisted => format!(
            "{class} {profile} already gives {caller} {} access, but the RACLIST snapshot of {class} predates that change: {refresh} would put it in effect",
            a.keyword()
        ),
        Some((profile, _)) => format!(
            "PERMIT {profile} CLASS({class}) ID({caller}) ACCESS({n}){r} would grant it",
            n = needed.keyword(),
            r = if raclisted { format!(" and {refresh}") } else { String::new() },
        ),
    })
}

/// Why R_datalib withheld the private key of a certificate (owned by `owner`, connected with
/// `usage`) from `caller`, naming the rule and what would release it. `rdatalib` is the
/// RDATALIB profile in use (ring-specific checking), `lst` the resource it covers.
#[allow(clippy::too_many_arguments)]
pub(crate) fn withheld(
    tx: &Tx<'_>,
    caller: &str,
    owner: &Owner,
    label: &str,
    usage: Usage,
    ring_owner: &str,
    ring: &str,
    rdatalib: Option<&str>,
    lst: &str,
) -> Result<String> {
    if usage != Usage::Personal {
        return Ok(format!(
            "R_datalib returns a private key only for a certificate connected with USAGE(PERSONAL), and {} is connected with USAGE({usage}); RACDCERT ID({ring_owner}) CONNECT({} LABEL({}) RING({ring}) USAGE(PERSONAL)) would change that.",
            quoted(label),
            owner.operand(),
            quoted(label)
        ));
    }
    Ok(match (owner, rdatalib) {
        (Owner::User(u), None) => format!(
            "with global checking (FACILITY IRR.DIGTCERT.LISTRING) only {u}, the certificate's owner, gets its private key. Ring-specific checking gives it to {caller} with UPDATE access to RDATALIB {lst}: {}, with SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB) if RDATALIB is not active.",
            grant(tx, caller, "RDATALIB", lst, Access::Update)?
        ),
        (Owner::User(u), Some(_)) => format!(
            "{caller} needs UPDATE access to RDATALIB {lst} for {u}'s private key (READ opens the ring and releases only {caller}'s own keys); {}.",
            grant(tx, caller, "RDATALIB", lst, Access::Update)?
        ),
        (_, None) => format!(
            "a {} private key needs the SPECIAL attribute or CONTROL access to FACILITY IRR.DIGTCERT.GENCERT; {}.",
            owner.operand(),
            grant(tx, caller, "FACILITY", "IRR.DIGTCERT.GENCERT", Access::Control)?
        ),
        (_, Some(_)) => format!(
            "a {} private key needs the SPECIAL attribute or CONTROL access to RDATALIB {lst}; {}.",
            owner.operand(),
            grant(tx, caller, "RDATALIB", lst, Access::Control)?
        ),
    })
}

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
    let profile = match live_access(tx, caller, class, name)? {
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

/// R_datalib's decision for `caller`'s `found` access to `name` in `class`, which needed
/// `needed`: the profile in effect, the class state and the commands that would grant it.
pub(crate) fn decision(
    tx: &Tx<'_>,
    caller: &str,
    class: &'static str,
    name: &str,
    found: Access,
    needed: Access,
    note: Option<String>,
) -> Result<Decision> {
    let o = profiles::class_options(tx, class)?;
    let profile = protecting_profile(tx, class, name, o.raclisted)?.map(|(p, _)| p);
    Ok(Decision {
        class,
        resource: name.to_string(),
        profile,
        active: o.active,
        raclisted: o.raclisted,
        found,
        needed,
        note,
        fix: grant_commands(tx, caller, class, name, needed)?,
    })
}

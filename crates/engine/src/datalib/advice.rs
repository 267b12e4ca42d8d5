//! What a refusal or a withheld private key needs, in RACF commands: the profile to define
//! when none exists, the PERMIT, and the SETROPTS REFRESH when the RACLIST snapshot is older
//! than the database.
use crate::authority::grant::grant_commands;
use crate::authority::{live_resource_access, protecting_profile, resource_access};
use racemu_store::profiles;
use racemu_store::{StoreResult as Result, Tx};

use super::decision::Decision;
use racemu_racf::{Access, Owner};

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
    let live = live_resource_access(tx, caller, class, name)?;
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
/// USAGE(PERSONAL)) to `ring_owner`'s ring from `caller`, naming the rule and what would
/// release it (under global checking, [`ring_specific`]'s commands). `rdatalib` is the
/// RDATALIB profile in use (ring-specific checking), `lst` the resource it covers.
pub(crate) fn withheld(
    tx: &Tx<'_>,
    caller: &str,
    owner: &Owner,
    ring_owner: &str,
    rdatalib: Option<&str>,
    lst: &str,
) -> Result<String> {
    Ok(match (owner, rdatalib) {
        (Owner::User(u), None) => format!(
            "with global checking (FACILITY IRR.DIGTCERT.LISTRING) only {u}, the certificate's owner, gets its private key. Ring-specific checking gives it to {caller} with UPDATE access to RDATALIB {lst}, and then alone decides who opens the ring, so the IDs that open it today need a PERMIT too: {}.",
            ring_specific_fix(tx, caller, ring_owner, lst, Access::Update)?.0.join(", ")
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
        effect: None,
    })
}

/// `d` (a refusal under global checking of `owner`'s ring, or a private key of `owner`'s
/// withheld by it) with the narrowest fix in place of its own: ring-specific checking through
/// RDATALIB `lst`, `needed` access for `caller` (UPDATE when `caller` needs another user's
/// key, else READ), rather than UPDATE to FACILITY IRR.DIGTCERT.LISTRING (which opens every
/// user's ring and releases none of their keys). Once a profile covers `lst`, FACILITY no
/// longer opens the ring for anyone, so the fix also PERMITs READ (the ring and one's own
/// keys, what global checking gives them now) to every ID that opens it today: the ring's
/// owner with READ to IRR.DIGTCERT.LISTRING, and each ID with UPDATE on its access list.
/// [`Decision::effect`] says who keeps what.
pub(crate) fn ring_specific(
    tx: &Tx<'_>,
    mut d: Decision,
    caller: &str,
    owner: &str,
    lst: &str,
    needed: Access,
) -> Result<Decision> {
    let (fix, effect) = ring_specific_fix(tx, caller, owner, lst, needed)?;
    d.fix = fix;
    d.effect = Some(effect);
    Ok(d)
}

/// The commands of [`ring_specific`] and the sentence saying who keeps what.
fn ring_specific_fix(
    tx: &Tx<'_>,
    caller: &str,
    owner: &str,
    lst: &str,
    needed: Access,
) -> Result<(Vec<String>, String)> {
    const LISTRING: &str = "IRR.DIGTCERT.LISTRING";
    let facility = profiles::class_options(tx, "FACILITY")?;
    let mut keep: Vec<String> = Vec::new();
    let mut everyone = false;
    if facility.active {
        let has = |id: &str| -> Result<Access> {
            Ok(resource_access(tx, id, "FACILITY", LISTRING)?.unwrap_or(Access::None))
        };
        if owner != caller && has(owner)? >= Access::Read {
            keep.push(owner.to_string());
        }
        if let Some((p, uacc)) = protecting_profile(tx, "FACILITY", LISTRING, facility.raclisted)? {
            everyone = uacc >= Access::Update;
            for (id, a) in profiles::entries(tx, "FACILITY", &p, facility.raclisted)? {
                if a >= Access::Update && id != caller && !keep.contains(&id) {
                    keep.push(id);
                }
            }
        }
    }
    // IDs the RDATALIB profile already lets in need no PERMIT.
    let mut kept = Vec::new();
    for id in keep {
        if live_resource_access(tx, &id, "RDATALIB", lst)?.is_none_or(|(_, a)| a < Access::Read) {
            kept.push(id);
        }
    }
    let profile = live_resource_access(tx, caller, "RDATALIB", lst)?
        .map(|(p, _)| p)
        .unwrap_or_else(|| lst.to_string());
    let mut fix = grant_commands(tx, caller, "RDATALIB", lst, needed)?;
    let at = fix
        .iter()
        .position(|c| c.starts_with("SETROPTS"))
        .unwrap_or(fix.len());
    let permits = kept
        .iter()
        .map(|id| format!("PERMIT {profile} CLASS(RDATALIB) ID({id}) ACCESS(READ)"));
    fix.splice(at..at, permits);
    let mut effect = format!(
        "The fix is ring-specific (RDATALIB {profile}), not UPDATE to FACILITY {LISTRING}, which would open every user's ring to {caller} and release none of {owner}'s keys. Once RDATALIB {profile} is in effect, it alone decides who opens the ring (FACILITY {LISTRING} no longer does): {caller} gets {} ({}), ",
        needed.keyword(),
        if needed >= Access::Update {
            format!("the ring and {owner}'s private keys")
        } else {
            "the ring and its own keys".to_string()
        }
    );
    effect.push_str(&if kept.is_empty() {
        "and no other ID opens the ring through FACILITY today, so no one loses access.".to_string()
    } else {
        format!(
            "and {} keep(s) READ (the ring and their own keys, as global checking gives them now) through the PERMITs of the fix, so no one loses access.",
            kept.join(", ")
        )
    });
    if everyone {
        effect.push_str(&format!(
            " FACILITY {LISTRING} has UACC(UPDATE) or more: every user opens the ring today; give RDATALIB {profile} UACC(READ) to keep that."
        ));
    }
    if fix
        .iter()
        .any(|c| c.starts_with("SETROPTS CLASSACT(RDATALIB)"))
    {
        effect.push_str(" Activating RDATALIB also brings into effect every other RDATALIB profile already defined.");
    }
    Ok((fix, effect))
}

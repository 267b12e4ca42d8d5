//! Authorize: may the caller open the ring at all (RACF Callable Services, R_datalib, "RACF
//! authorization",
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.ichd100/dlibauth.htm>).
//!
//! Ring-specific checking when RDATALIB is active and RACLISTed and a profile covers the
//! ring's `.LST` resource (READ opens it); otherwise global checking through FACILITY
//! `IRR.DIGTCERT.LISTRING` (READ for one's own ring or a CERTAUTH/SITE ring, UPDATE for
//! another user's).

use super::locate::Located;
use super::refresh::pending_rdatalib;
use super::{advice, AccessPath, DatalibError};
use crate::authority::{protecting_profile, resource_access};
use racemu_racf::{Access, Owner, Usage};
use racemu_store::{profiles, StoreError, StoreResult, Tx};

/// The RDATALIB profile that covers `lst`, if ring-specific checking applies (RDATALIB
/// active and RACLISTed; the RACLIST snapshot decides).
pub(crate) fn rdatalib_profile(tx: &Tx<'_>, lst: &str) -> StoreResult<Option<String>> {
    let o = profiles::class_options(tx, "RDATALIB")?;
    if !(o.active && o.raclisted) {
        return Ok(None);
    }
    Ok(protecting_profile(tx, "RDATALIB", lst, true)?.map(|(p, _)| p))
}

/// `caller`'s access to `name` in `class` (`NONE` when no profile covers it).
pub(crate) fn level(tx: &Tx<'_>, caller: &str, class: &str, name: &str) -> StoreResult<Access> {
    Ok(resource_access(tx, caller, class, name)?.unwrap_or(Access::None))
}

/// R_datalib's check of `caller`'s access to the located ring (RDATALIB when a profile covers
/// its `.LST` resource, else FACILITY IRR.DIGTCERT.LISTRING): the path taken and the RDATALIB
/// access level (`NONE` on the FACILITY path), or the refusal (8/8/8) with its decision path
/// and grant.
pub(crate) fn authorize(
    tx: &Tx<'_>,
    caller: &str,
    at: &Located,
) -> Result<(AccessPath, Access), DatalibError> {
    let db = |e: StoreError| DatalibError::internal(e.detail());
    match rdatalib_profile(tx, &at.lst).map_err(db)? {
        Some(p) => {
            let a = level(tx, caller, "RDATALIB", &at.lst).map_err(db)?;
            if a < Access::Read {
                return Err(rdatalib_refusal(tx, caller, at, &p, a).map_err(db)?);
            }
            Ok((AccessPath::Rdatalib(p), a))
        }
        None => {
            let own_ring = at.oname == caller;
            let needed = if own_ring || !matches!(at.owner, Owner::User(_)) {
                Access::Read
            } else {
                Access::Update
            };
            let a = level(tx, caller, "FACILITY", "IRR.DIGTCERT.LISTRING").map_err(db)?;
            if a < needed {
                return Err(facility_refusal(tx, caller, at, a, needed).map_err(db)?);
            }
            Ok((AccessPath::Facility, Access::None))
        }
    }
}

/// Another user's private key among the ring's PERSONAL members, whose release through
/// RDATALIB needs UPDATE rather than READ.
fn others_key(caller: &str, at: &Located) -> Option<String> {
    at.members.iter().find_map(|(c, usage, _)| match &c.owner {
        Owner::User(u) if u != caller && *usage == Usage::Personal && c.private_key.is_some() => {
            Some(u.clone())
        }
        _ => None,
    })
}

/// The refusal under ring-specific checking: `caller` has `a` (less than READ) to RDATALIB
/// profile `p`.
fn rdatalib_refusal(
    tx: &Tx<'_>,
    caller: &str,
    at: &Located,
    p: &str,
    a: Access,
) -> StoreResult<DatalibError> {
    let lst = &at.lst;
    let (needed, why) = match others_key(caller, at) {
        Some(u) => (
            Access::Update,
            format!(" READ opens the ring; UPDATE also releases {u}'s private key."),
        ),
        None => (Access::Read, String::new()),
    };
    let decision = advice::decision(tx, caller, "RDATALIB", lst, a, needed, None)?;
    Ok(DatalibError::not_authorized(
        format!(
            "{caller} has {} access to RDATALIB {p}, which protects {lst}.{why} {}.",
            a.keyword(),
            advice::grant(tx, caller, "RDATALIB", lst, needed)?
        ),
        decision,
    ))
}

/// The refusal under global checking: `caller` has `a` to FACILITY IRR.DIGTCERT.LISTRING and
/// needed `needed`. For another user's ring the fix offered is the narrower, ring-specific
/// one.
fn facility_refusal(
    tx: &Tx<'_>,
    caller: &str,
    at: &Located,
    a: Access,
    needed: Access,
) -> StoreResult<DatalibError> {
    let lst = &at.lst;
    let oname = &at.oname;
    let own_ring = oname == caller;
    let pending = pending_rdatalib(tx, lst)?;
    let note = format!(
        "Ring-specific checking does not apply: no RDATALIB profile covers {lst}{pending}."
    );
    let decision = advice::decision(
        tx,
        caller,
        "FACILITY",
        "IRR.DIGTCERT.LISTRING",
        a,
        needed,
        Some(note),
    )?;
    let mut grant = advice::grant(tx, caller, "FACILITY", "IRR.DIGTCERT.LISTRING", needed)?;
    // Another user's ring: ring-specific checking is the narrower grant.
    let decision = if !own_ring && matches!(at.owner, Owner::User(_)) {
        let lst_needed = if others_key(caller, at).is_some() {
            Access::Update
        } else {
            Access::Read
        };
        let d = advice::ring_specific(tx, decision, caller, oname, lst, lst_needed)?;
        grant = format!("the narrower grant is ring-specific: {}", d.fix.join(", "));
        d
    } else {
        decision
    };
    Ok(DatalibError::not_authorized(format!(
        "{caller} needs {} access to FACILITY IRR.DIGTCERT.LISTRING to read {} ring {oname}/{} (has {}), and no RDATALIB profile covers {lst}{pending}; {grant}.",
        needed.keyword(),
        if own_ring { "its own" } else { "another user's" },
        at.ring,
        a.keyword(),
    ), decision))
}

//! Who may do what: SPECIAL, general resource profiles (discrete and generic, most specific
//! wins), access lists with groups and `*`, UACC, and RACLIST snapshots (Security Administrator's
//! Guide: authseq.htm, cracd.htm, refrac.htm).

pub mod address_space;
pub mod dataset;
pub mod dataset_open;
pub(crate) mod grant;
pub mod jes;

use crate::messages as m;
use crate::{Ctx, Fail};
use racemu_command::registry::{Authority, Levels};
use racemu_command::FunctionKind;
use racemu_racf::{Access, Owner};
use racemu_store::{groups, profiles, users, StoreResult, Tx};

/// Whether `pattern` (a generic profile name with `*`, `**`, `%`) covers `name`.
///
/// `%` matches one character, `*` any characters within one qualifier (or, as the last
/// character of the name, the rest of the name), `**` any number of qualifiers.
pub fn generic_match(pattern: &str, name: &str) -> bool {
    // A trailing `*` qualifier also matches the remaining qualifiers (RACF rule for general
    // resources: `IRR.*` covers `IRR.DIGTCERT.LIST`).
    qualifiers_match(pattern, name, true)
}

/// The generic matching that general-resource and data set profiles share: qualifier by
/// qualifier, `%` one character, `*` any characters within a qualifier, `**` any number of
/// qualifiers (none included). With `trailing_star_rest`, a last qualifier of `*` also
/// covers every remaining qualifier (general resources); without it, exactly one
/// (data sets under enhanced generic naming).
pub(crate) fn qualifiers_match(pattern: &str, name: &str, trailing_star_rest: bool) -> bool {
    fn qual(p: &[u8], n: &[u8]) -> bool {
        match (p.first(), n.first()) {
            (None, None) => true,
            (Some(b'*'), _) => qual(&p[1..], n) || (!n.is_empty() && qual(p, &n[1..])),
            (Some(b'%'), Some(_)) => qual(&p[1..], &n[1..]),
            (Some(a), Some(b)) if a == b => qual(&p[1..], &n[1..]),
            _ => false,
        }
    }
    fn quals(p: &[&str], n: &[&str], rest: bool) -> bool {
        match (p.first(), n.first()) {
            (None, None) => true,
            (Some(&"**"), _) => {
                quals(&p[1..], n, rest) || (!n.is_empty() && quals(p, &n[1..], rest))
            }
            (Some(&"*"), Some(_)) if rest && p.len() == 1 => true,
            (Some(a), Some(b)) => qual(a.as_bytes(), b.as_bytes()) && quals(&p[1..], &n[1..], rest),
            _ => false,
        }
    }
    let p: Vec<&str> = pattern.split('.').collect();
    let n: Vec<&str> = name.split('.').collect();
    quals(&p, &n, trailing_star_rest)
}

/// True when a profile name is generic.
pub fn is_generic(name: &str) -> bool {
    name.contains('*') || name.contains('%')
}

/// How specific a generic pattern is: longer literal prefixes win, then fewer wildcards.
fn specificity(pattern: &str) -> (usize, usize, usize) {
    let prefix = pattern.find(['*', '%']).unwrap_or(pattern.len());
    let wild = pattern.matches(['*', '%']).count();
    (prefix, usize::MAX - wild, pattern.len())
}

/// The profile that protects `name` in `class`: the discrete profile, else the most
/// specific generic one. Reads the RACLIST snapshot when `snapshot`.
pub fn protecting_profile(
    tx: &Tx<'_>,
    class: &str,
    name: &str,
    snapshot: bool,
) -> StoreResult<Option<(String, Access)>> {
    let cands = profiles::candidates(tx, class, snapshot)?;
    if let Some((n, _, uacc, _)) = cands.iter().find(|(n, g, _, _)| !*g && n == name) {
        return Ok(Some((n.clone(), *uacc)));
    }
    Ok(cands
        .into_iter()
        .filter(|(n, g, _, _)| *g && generic_match(n, name))
        .max_by_key(|(n, _, _, _)| specificity(n))
        .map(|(n, _, u, _)| (n, u)))
}

use racemu_store::settings;

/// Who is asking, as the access-list check sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accessor<'a> {
    /// The user ID.
    pub userid: &'a str,
    /// The groups the user is connected to (list-of-groups checking, as SETROPTS GRPLIST).
    pub groups: &'a [String],
    /// Whether the user counts as defined to RACF (ID(*) only matches defined users).
    pub defined: bool,
    /// Whether the user has the RESTRICTED attribute (ID(*) and UACC never grant access).
    pub restricted: bool,
}

/// The access an accessor gets from a profile's access list and UACC, in RACF's order
/// (z/OS Security Server RACF Security Administrator's Guide: the authorization checking
/// sequence, <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/authseq.htm>;
/// list-of-groups checking, <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/logauth.htm>;
/// restricted user IDs, <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.icha700/restuser.htm>):
/// the user's own entry; else the best entry among the user's groups; else the `ID(*)`
/// entry, for a defined user who is not RESTRICTED; else the UACC, for a user who is not
/// RESTRICTED; else NONE.
pub fn access_from_list(who: &Accessor<'_>, list: &[(String, Access)], uacc: Access) -> Access {
    let best = |pred: &dyn Fn(&str) -> bool| {
        list.iter()
            .filter(|(id, _)| pred(id))
            .map(|(_, a)| *a)
            .max()
    };
    best(&|id| id == who.userid)
        .or_else(|| best(&|id| who.groups.iter().any(|g| g == id)))
        .or_else(|| {
            (who.defined && !who.restricted)
                .then(|| best(&|id| id == "*"))
                .flatten()
        })
        .or_else(|| (!who.restricted).then_some(uacc))
        .unwrap_or(Access::None)
}

/// The access `userid` has to resource `name` in `class`, or `None` when no profile protects
/// it or the class is not active. SPECIAL users are not special here (callers decide).
///
/// A user racemu has never seen counts as defined unless `racemu setting undefined-ids error`
/// is in force, as everywhere else in racemu.
pub fn resource_access(
    tx: &Tx<'_>,
    userid: &str,
    class: &str,
    name: &str,
) -> StoreResult<Option<Access>> {
    let opts = profiles::class_options(tx, class)?;
    if !opts.active {
        return Ok(None);
    }
    Ok(access_in(tx, userid, class, name, opts.raclisted)?.map(|(_, a)| a))
}

/// The protecting profile of `name` in `class` and the access `userid` gets from it, as the
/// database holds it now (not the RACLIST snapshot) and whether or not the class is active:
/// what a PERMIT has already granted, even before its REFRESH.
pub fn live_resource_access(
    tx: &Tx<'_>,
    userid: &str,
    class: &str,
    name: &str,
) -> StoreResult<Option<(String, Access)>> {
    access_in(tx, userid, class, name, false)
}

/// The protecting profile and the access, from the RACLIST snapshot or the live profiles.
fn access_in(
    tx: &Tx<'_>,
    userid: &str,
    class: &str,
    name: &str,
    snapshot: bool,
) -> StoreResult<Option<(String, Access)>> {
    let Some((profile, uacc)) = protecting_profile(tx, class, name, snapshot)? else {
        return Ok(None);
    };
    let user = users::get(tx, userid)?;
    let defined = user.is_some() || !settings::undefined_ids_are_errors(tx)?;
    let groups = users::groups(tx, userid)?;
    let who = Accessor {
        userid,
        groups: &groups,
        defined,
        restricted: user.is_some_and(|u| u.restricted),
    };
    let list = profiles::entries(tx, class, &profile, snapshot)?;
    let access = access_from_list(&who, &list, uacc);
    Ok(Some((profile, access)))
}

/// Whether the user has the SPECIAL attribute. Undefined users do not.
pub fn is_special(tx: &Tx<'_>, userid: &str) -> StoreResult<bool> {
    Ok(users::get(tx, userid)?.map(|u| u.special).unwrap_or(false))
}

/// RACDCERT authority: SPECIAL, or at least `needed` to the FACILITY `resource` (a RACDCERT
/// function's, `IRR.DIGTCERT.<function>`, from its registry entry). A missing profile or
/// inactive FACILITY class denies (RACF Command Language Reference, xconracdfc.htm).
pub fn racdcert_allowed(
    tx: &Tx<'_>,
    userid: &str,
    resource: &str,
    needed: Access,
) -> StoreResult<bool> {
    if is_special(tx, userid)? {
        return Ok(true);
    }
    Ok(matches!(resource_access(tx, userid, "FACILITY", resource)?, Some(a) if a >= needed))
}

/// The RACDCERT authority a function needs, checked: IRRD101I (RC 8) when the issuer has
/// neither SPECIAL nor `needed` access to the function's FACILITY resource.
pub(crate) fn authorize(
    ctx: &Ctx<'_, '_>,
    function: FunctionKind,
    needed: Access,
) -> Result<(), Fail> {
    authorize_resource(ctx, function.def().resource, needed)
}

/// As [`authorize`], for a function that hands out a private key: its key resource
/// (`IRR.DIGTCERT.EXPORTKEY` for EXPORT) when its entry names one.
pub(crate) fn authorize_key(
    ctx: &Ctx<'_, '_>,
    function: FunctionKind,
    needed: Access,
) -> Result<(), Fail> {
    let def = function.def();
    authorize_resource(ctx, def.key_resource.unwrap_or(def.resource), needed)
}

/// IRRD101I (RC 8) unless the issuer has SPECIAL or `needed` access to `resource`.
/// The refusal carries racemu's RCM131I note (job log or standard error, never SYSTSPRT)
/// naming the access needed and the commands that would grant it.
fn authorize_resource(ctx: &Ctx<'_, '_>, resource: &str, needed: Access) -> Result<(), Fail> {
    if racdcert_allowed(ctx.tx, ctx.issuer, resource, needed)? {
        return Ok(());
    }
    let fix = grant::grant_commands(ctx.tx, ctx.issuer, "FACILITY", resource, needed)?;
    let mut out = crate::Output::from(m::irrd101i());
    out.hints
        .push(m::hints::rcm131i(ctx.issuer, resource, needed, &fix).line());
    Err(Fail(out))
}

/// The level `owner` calls for among `levels`: the issuer's own, another user's, or
/// CERTAUTH's and SITE's.
fn level_among(ctx: &Ctx<'_, '_>, levels: &Levels, owner: &Owner) -> Access {
    match owner {
        Owner::User(u) if u == ctx.issuer => levels.own,
        Owner::User(_) => levels.other_user,
        Owner::CertAuth | Owner::Site => levels.certauth_site,
    }
}

/// The access `function` needs for what `owner` owns, by the function's entry (RACF Command
/// Language Reference, xconracdfc.htm; Security Administrator's Guide, cracd.htm). For
/// CONNECT and REMOVE it is the level on the issuer's own ring; see [`ring_level`].
pub(crate) fn level_for(ctx: &Ctx<'_, '_>, function: FunctionKind, owner: &Owner) -> Access {
    match &function.def().authority {
        Authority::ByOwner(levels) => level_among(ctx, levels, owner),
        Authority::ByRingThenCertificate { own_ring, .. } => level_among(ctx, own_ring, owner),
    }
}

/// The access `function` (CONNECT, REMOVE) needs to put a certificate of `cert_owner` on, or
/// take it off, a ring of `ring_user`: the entry's level for another user's ring, else its
/// level for the certificate's owner. A function whose levels go by owner alone takes the
/// ring's owner.
pub(crate) fn ring_level(
    ctx: &Ctx<'_, '_>,
    function: FunctionKind,
    ring_user: &str,
    cert_owner: &Owner,
) -> Access {
    match &function.def().authority {
        Authority::ByRingThenCertificate { other_ring, .. } if ring_user != ctx.issuer => {
            *other_ring
        }
        Authority::ByRingThenCertificate { own_ring, .. } => level_among(ctx, own_ring, cert_owner),
        Authority::ByOwner(levels) => level_among(ctx, levels, &Owner::User(ring_user.to_string())),
    }
}

/// Checks that a RACDCERT owner exists: IRRD102I (RC 8) for a user ID not defined to RACF
/// under `racemu setting undefined-ids error`; see [`accept_user_id`].
pub(crate) fn ensure_user(ctx: &Ctx<'_, '_>, owner: &Owner) -> Result<(), Fail> {
    if let Owner::User(u) = owner {
        if !accept_user_id(ctx, u)? {
            return Err(Fail::from(m::irrd102i()));
        }
    }
    Ok(())
}

/// Whether a command may use user ID `user`: true when it is defined to RACF. An undefined ID
/// is refused (false) under `racemu setting undefined-ids error`; under `implicit` (the
/// default) it is treated as defined and recorded in [`Ctx::undefined`], for the RCM116I
/// note, unless it is the issuer's own ID (docs/fidelity.md, undefined user IDs).
pub(crate) fn accept_user_id(ctx: &Ctx<'_, '_>, user: &str) -> Result<bool, Fail> {
    if users::get(ctx.tx, user)?.is_some() {
        return Ok(true);
    }
    if settings::undefined_ids_are_errors(ctx.tx)? {
        return Ok(false);
    }
    if user != ctx.issuer {
        ctx.undefined.borrow_mut().insert(user.to_string());
    }
    Ok(true)
}

/// Whether `issuer` has the group-SPECIAL or group-AUDITOR attribute in a group whose scope
/// holds what `owner` owns: `owner` itself when it is a group, or a group that owns it
/// through a chain of groups owned by groups (Security Administrator's Guide, the scope of
/// group-SPECIAL and group-AUDITOR,
/// <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/scope.htm>).
pub fn group_authority_over(tx: &Tx<'_>, issuer: &str, owner: &str) -> StoreResult<bool> {
    let mut group = owner.to_string();
    // A chain of owners is at most as long as the groups defined; 64 guards a cycle.
    for _ in 0..64 {
        let Some(g) = groups::get(tx, &group)? else {
            return Ok(false);
        };
        if group_special_or_auditor(tx, issuer, &g.name)? {
            return Ok(true);
        }
        group = g.owner;
    }
    Ok(false)
}

/// Whether `issuer` is connected to `group` with the group-SPECIAL or group-AUDITOR attribute.
pub(crate) fn group_special_or_auditor(
    tx: &Tx<'_>,
    issuer: &str,
    group: &str,
) -> StoreResult<bool> {
    let attrs = groups::members(tx, group)?
        .into_iter()
        .find(|(u, _)| u == issuer)
        .map(|(_, a)| a)
        .unwrap_or_default();
    Ok(attrs
        .split_whitespace()
        .any(|a| a == "SPECIAL" || a == "AUDITOR"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(entries: &[(&str, &str)]) -> Vec<(String, Access)> {
        entries
            .iter()
            .map(|(i, a)| (i.to_string(), Access::parse(a).expect("an access keyword")))
            .collect()
    }

    #[test]
    fn access_list_order() {
        let groups = ["DEPT".to_string(), "OTHER".to_string()];
        let alice = Accessor {
            userid: "ALICE",
            groups: &groups,
            defined: true,
            restricted: false,
        };
        // 1. The user's own entry wins, even when lower than a group's, ID(*) or UACC.
        let l = list(&[("ALICE", "NONE"), ("DEPT", "UPDATE"), ("*", "READ")]);
        assert_eq!(access_from_list(&alice, &l, Access::Alter), Access::None);
        // 2. Else the best of the user's groups' entries, even when ID(*) is NONE (issue 9).
        let l = list(&[("DEPT", "READ"), ("OTHER", "UPDATE"), ("*", "NONE")]);
        assert_eq!(access_from_list(&alice, &l, Access::None), Access::Update);
        let l = list(&[("DEPT", "READ"), ("*", "NONE")]);
        assert_eq!(access_from_list(&alice, &l, Access::None), Access::Read);
        // ... and a group entry below the UACC still wins.
        let l = list(&[("DEPT", "NONE")]);
        assert_eq!(access_from_list(&alice, &l, Access::Read), Access::None);
        // 3. Else ID(*), over the UACC.
        let l = list(&[("BOB", "ALTER"), ("*", "NONE")]);
        assert_eq!(access_from_list(&alice, &l, Access::Read), Access::None);
        let l = list(&[("*", "UPDATE")]);
        assert_eq!(access_from_list(&alice, &l, Access::Read), Access::Update);
        // 4. Else the UACC.
        let l = list(&[("BOB", "ALTER"), ("ELSE", "ALTER")]);
        assert_eq!(access_from_list(&alice, &l, Access::Read), Access::Read);
        assert_eq!(
            access_from_list(&alice, &[], Access::Control),
            Access::Control
        );
    }

    #[test]
    fn id_star_needs_a_defined_user_and_restricted_users_get_neither() {
        let none: [String; 0] = [];
        let undefined = Accessor {
            userid: "GHOST",
            groups: &none,
            defined: false,
            restricted: false,
        };
        let l = list(&[("*", "UPDATE")]);
        assert_eq!(access_from_list(&undefined, &l, Access::Read), Access::Read);
        let restricted = Accessor {
            userid: "ANONYMOS",
            groups: &none,
            defined: true,
            restricted: true,
        };
        assert_eq!(
            access_from_list(&restricted, &l, Access::Read),
            Access::None
        );
        let own = list(&[("ANONYMOS", "READ"), ("*", "UPDATE")]);
        assert_eq!(
            access_from_list(&restricted, &own, Access::Alter),
            Access::Read
        );
    }

    #[test]
    fn generic_rules() {
        assert!(generic_match("IRR.DIGTCERT.*", "IRR.DIGTCERT.LIST"));
        assert!(generic_match("IRR.*", "IRR.DIGTCERT.LIST"));
        assert!(generic_match("IRR.**", "IRR.DIGTCERT.LIST"));
        assert!(generic_match("IRR.DIGTCERT.LIST*", "IRR.DIGTCERT.LISTRING"));
        assert!(generic_match("IRR.DIGTCERT.L%ST", "IRR.DIGTCERT.LIST"));
        assert!(!generic_match("IRR.DIGTCERT.L%ST", "IRR.DIGTCERT.LISTRING"));
        assert!(!generic_match("IRR.DIGTCERT.ADD", "IRR.DIGTCERT.ADDRING"));
        assert!(specificity("IRR.DIGTCERT.*") > specificity("IRR.*"));
    }
}

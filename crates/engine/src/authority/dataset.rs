//! Data set access: the DATASET class decision, in the order of RACF's authorization checking
//! (z/OS Security Server RACF Security Administrator's Guide, "How RACF checks authorization",
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/authseq.htm>).
//!
//! zosmf, jcl and the binary open data sets through [`super::dataset_open`], which asks
//! [`open_check`]; none of them decides on its own.

use super::Accessor;
use crate::messages::{ich408i_dataset, Message, Requester, Violation};
use racemu_racf::Access;
use racemu_store::{profiles, setropts, settings, users, StoreResult, Tx};

/// The class of data set profiles.
pub const DATASET: &str = "DATASET";

/// Why a data set decision came out as it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The data set's high-level qualifier is the user's ID (authseq.htm: a user's own data
    /// sets).
    HighLevelQualifier,
    /// No profile covers the data set and PROTECTALL is off: not protected.
    Unprotected,
    /// No profile covers it, PROTECTALL is on, and the user has SPECIAL (protall.htm:
    /// "users with the SPECIAL attribute can access a data set that has no RACF profile").
    SpecialUnderProtectAll,
    /// No profile covers it and PROTECTALL is on (protall.htm).
    ProtectAll,
    /// The user's own access-list entry.
    UserEntry,
    /// The best entry among the user's groups.
    GroupEntry,
    /// OPERATIONS, with neither the user nor a group on the access list (operatr.htm).
    Operations,
    /// The `ID(*)` entry.
    IdStar,
    /// The profile's UACC.
    Uacc,
    /// A RESTRICTED user on no entry: neither ID(*) nor the UACC applies (restuser.htm).
    Restricted,
}

/// The profile that covers a data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoveringProfile {
    /// The profile name.
    pub name: String,
    /// Whether it is generic (LISTDSD and ICH408I mark it `(G)`).
    pub generic: bool,
}

/// RACF's answer for one request on one data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsDecision {
    /// Whether the request may go ahead (including by WARNING).
    pub granted: bool,
    /// Granted only because the profile is in WARNING mode or PROTECTALL(WARNING): RACF
    /// still issues ICH408I.
    pub warned: bool,
    /// The access the user has.
    pub access: Access,
    /// The profile that decided, if any.
    pub profile: Option<CoveringProfile>,
    /// Which step decided.
    pub basis: Basis,
}

/// Everything the decision looks at, gathered from the store (or built by a test).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsFacts<'a> {
    /// The requester as the access list sees it.
    pub who: Accessor<'a>,
    /// SPECIAL (no data access except under PROTECTALL with no profile).
    pub special: bool,
    /// OPERATIONS.
    pub operations: bool,
    /// PROTECTALL: `Some(true)` WARNING, `Some(false)` FAILURES, `None` off.
    pub protectall: Option<bool>,
    /// The covering profile: its name, whether generic, UACC, WARNING and access list.
    pub profile: Option<ProfileFacts>,
}

/// A covering profile's parts the decision uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileFacts {
    /// Name and kind.
    pub covering: CoveringProfile,
    /// UACC.
    pub uacc: Access,
    /// WARNING mode.
    pub warning: bool,
    /// The access list.
    pub list: Vec<(String, Access)>,
}

/// Decides a request for `needed` access to data set `dsn`, in authseq.htm's order: the
/// high-level qualifier; PROTECTALL when no profile covers it; the user's entry; the groups'
/// entries; OPERATIONS when neither is on the list; ID(*) and the UACC (neither for a
/// RESTRICTED user); WARNING. SPECIAL grants no data access through a profile.
pub fn decide(dsn: &str, facts: &DsFacts<'_>, needed: Access) -> DsDecision {
    let hlq = dsn.split('.').next().unwrap_or_default();
    let plain = |granted, access, basis, profile| DsDecision {
        granted,
        warned: false,
        access,
        profile,
        basis,
    };
    if hlq == facts.who.userid {
        return plain(true, Access::Alter, Basis::HighLevelQualifier, None);
    }
    let Some(p) = &facts.profile else {
        return match facts.protectall {
            None => plain(true, Access::Alter, Basis::Unprotected, None),
            Some(_) if facts.special => {
                plain(true, Access::Alter, Basis::SpecialUnderProtectAll, None)
            }
            Some(warning) => DsDecision {
                granted: warning,
                warned: warning,
                access: Access::None,
                profile: None,
                basis: Basis::ProtectAll,
            },
        };
    };
    let best = |pred: &dyn Fn(&str) -> bool| {
        p.list
            .iter()
            .filter(|(id, _)| pred(id))
            .map(|(_, a)| *a)
            .max()
    };
    let who = &facts.who;
    let (access, basis) = if let Some(a) = best(&|id| id == who.userid) {
        (a, Basis::UserEntry)
    } else if let Some(a) = best(&|id| who.groups.iter().any(|g| g == id)) {
        (a, Basis::GroupEntry)
    } else if facts.operations {
        (Access::Alter, Basis::Operations)
    } else if who.restricted {
        (Access::None, Basis::Restricted)
    } else if let Some(a) = who.defined.then(|| best(&|id| id == "*")).flatten() {
        (a, Basis::IdStar)
    } else {
        (p.uacc, Basis::Uacc)
    };
    let enough = access >= needed;
    DsDecision {
        granted: enough || p.warning,
        warned: !enough && p.warning,
        access,
        profile: Some(p.covering.clone()),
        basis,
    }
}

/// Whether generic data set profile `pattern` covers data set `name`, with enhanced generic
/// naming, which racemu always has on (Security Administrator's Guide, "Enhanced generic
/// naming", egn.htm): `%` is one character, `*` as a whole qualifier is exactly one
/// qualifier, `*` within a qualifier any characters of that qualifier, `**` any number of
/// qualifiers, including none.
pub fn ds_generic_match(pattern: &str, name: &str) -> bool {
    super::qualifiers_match(pattern, name, false)
}

/// How specific a generic data set profile is, for choosing among the ones that cover a name:
/// position by position, a literal character beats `%`, `%` beats `*`, and `*` beats `**`
/// (the most specific profile protects; Security Administrator's Guide, "Choosing between
/// discrete and generic profiles" and egn.htm).
fn ds_specificity(pattern: &str) -> Vec<u8> {
    pattern
        .split('.')
        .enumerate()
        .flat_map(|(i, q)| {
            let dot = (i > 0).then_some(3u8);
            let chars: Vec<u8> = if q == "**" {
                vec![0, 0]
            } else {
                q.bytes()
                    .map(|b| match b {
                        b'*' => 1,
                        b'%' => 2,
                        _ => 3,
                    })
                    .collect()
            };
            dot.into_iter().chain(chars)
        })
        .collect()
}

/// True when a data set profile name is generic: it has `*` or `%`.
pub fn is_generic_dsname(name: &str) -> bool {
    name.contains(['*', '%'])
}

/// Whether generic profile checking is active for the DATASET class. racemu's new store has it
/// active (z/OS's IRRMIN00 starts with NOGENERIC, genproc.htm; docs/fidelity.md) until
/// SETROPTS NOGENERIC(DATASET); SETROPTS GENERIC(DATASET) turns it on again.
pub fn generic_checking(tx: &Tx<'_>) -> StoreResult<bool> {
    Ok(profiles::all_class_options(tx)?
        .into_iter()
        .find(|(c, _)| c == DATASET)
        .is_none_or(|(_, o)| o.generic))
}

/// Whether RACF commands may work on generic DATASET profiles: generic checking or generic
/// command processing (GENCMD) is active (genproc.htm); true for racemu's new store.
pub fn generic_commands(tx: &Tx<'_>) -> StoreResult<bool> {
    Ok(profiles::all_class_options(tx)?
        .into_iter()
        .find(|(c, _)| c == DATASET)
        .is_none_or(|(_, o)| o.generic || o.gencmd))
}

/// Every generic data set profile with its access list, as the database holds them now.
pub fn generic_profiles(tx: &Tx<'_>) -> StoreResult<Vec<ProfileFacts>> {
    let mut out = Vec::new();
    for (name, generic, uacc, warning) in profiles::candidates(tx, DATASET, false)? {
        if generic {
            let list = profiles::entries(tx, DATASET, &name, false)?;
            out.push(ProfileFacts {
                covering: CoveringProfile {
                    name,
                    generic: true,
                },
                uacc,
                warning,
                list,
            });
        }
    }
    Ok(out)
}

/// The profile that covers data set `dsn`: the discrete profile of that name, else the most
/// specific generic profile that matches (none while generic checking is inactive).
pub fn covering_profile(tx: &Tx<'_>, dsn: &str) -> StoreResult<Option<ProfileFacts>> {
    covering_profile_from(tx, dsn, None)
}

/// [`covering_profile`] with the generic profiles taken from `in_storage` (an address
/// space's copies, [`super::address_space`]) instead of the database; discrete profiles are
/// always read from the database.
pub fn covering_profile_from(
    tx: &Tx<'_>,
    dsn: &str,
    in_storage: Option<&[ProfileFacts]>,
) -> StoreResult<Option<ProfileFacts>> {
    let discrete = profiles::candidates(tx, DATASET, false)?
        .into_iter()
        .find(|(n, g, _, _)| !*g && n == dsn);
    if let Some((name, _, uacc, warning)) = discrete {
        let list = profiles::entries(tx, DATASET, &name, false)?;
        return Ok(Some(ProfileFacts {
            covering: CoveringProfile {
                name,
                generic: false,
            },
            uacc,
            warning,
            list,
        }));
    }
    if !generic_checking(tx)? {
        return Ok(None);
    }
    let live;
    let generics = match in_storage {
        Some(g) => g,
        None => {
            live = generic_profiles(tx)?;
            &live
        }
    };
    Ok(generics
        .iter()
        .filter(|p| ds_generic_match(&p.covering.name, dsn))
        .max_by_key(|p| ds_specificity(&p.covering.name))
        .cloned())
}

/// RACF's decision on `userid` asking for `needed` access to data set `dsn`, from the store.
/// A user racemu has never seen counts as defined unless `racemu setting undefined-ids error`
/// is in force, as elsewhere.
pub fn dataset_access(
    tx: &Tx<'_>,
    userid: &str,
    dsn: &str,
    needed: Access,
) -> StoreResult<DsDecision> {
    dataset_access_from(tx, userid, dsn, needed, None)
}

/// [`dataset_access`] with an address space's in-storage generic profiles
/// ([`covering_profile_from`]).
pub fn dataset_access_from(
    tx: &Tx<'_>,
    userid: &str,
    dsn: &str,
    needed: Access,
    in_storage: Option<&[ProfileFacts]>,
) -> StoreResult<DsDecision> {
    let user = users::get(tx, userid)?;
    let groups = users::groups(tx, userid)?;
    let defined = user.is_some() || !settings::undefined_ids_are_errors(tx)?;
    let facts = DsFacts {
        who: Accessor {
            userid,
            groups: &groups,
            defined,
            restricted: user.as_ref().is_some_and(|u| u.restricted),
        },
        special: user.as_ref().is_some_and(|u| u.special),
        operations: user.as_ref().is_some_and(|u| u.operations),
        protectall: setropts::protectall(tx)?,
        profile: covering_profile_from(tx, dsn, in_storage)?,
    };
    Ok(decide(dsn, &facts, needed))
}

/// The requester as ICH408I names it: user ID, default group, name.
pub fn requester(tx: &Tx<'_>, userid: &str) -> StoreResult<Requester> {
    let u = users::get(tx, userid)?;
    Ok(Requester {
        userid: userid.to_string(),
        group: u.as_ref().map(|u| u.dfltgrp.clone()).unwrap_or_default(),
        name: u.and_then(|u| u.name).unwrap_or_default(),
    })
}

/// One data set open, checked: whether it may go ahead and the ICH408I RACF issues (for a
/// refusal, or for a grant by WARNING).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCheck {
    /// Whether the open may go ahead.
    pub granted: bool,
    /// ICH408I, when RACF issues one.
    pub ich408i: Option<Message>,
}

/// Checks `userid` opening data set `dsn` (a member's name is checked as its data set's)
/// for `needed`: READ to read, UPDATE to write, ALTER to create or delete. Every way racemu
/// opens a data set (RACDCERT, jobs, `racemu ds`, z/OSMF) asks this.
pub fn open_check(tx: &Tx<'_>, userid: &str, dsn: &str, needed: Access) -> StoreResult<OpenCheck> {
    open_check_from(tx, userid, dsn, needed, None)
}

/// [`open_check`] with an address space's in-storage generic profiles
/// ([`covering_profile_from`]).
pub fn open_check_from(
    tx: &Tx<'_>,
    userid: &str,
    dsn: &str,
    needed: Access,
    in_storage: Option<&[ProfileFacts]>,
) -> StoreResult<OpenCheck> {
    let dsn = dsn.split('(').next().unwrap_or(dsn);
    let d = dataset_access_from(tx, userid, dsn, needed, in_storage)?;
    if d.granted && !d.warned {
        return Ok(OpenCheck {
            granted: true,
            ich408i: None,
        });
    }
    let kind = if d.warned {
        Violation::Warning
    } else {
        Violation::Access
    };
    let from = d.profile.as_ref().map(|p| (p.name.as_str(), p.generic));
    let who = requester(tx, userid)?;
    Ok(OpenCheck {
        granted: d.granted,
        ich408i: Some(ich408i_dataset(&who, dsn, &kind, from, needed, d.access)),
    })
}

#[cfg(test)]
#[path = "dataset_tests.rs"]
mod tests;

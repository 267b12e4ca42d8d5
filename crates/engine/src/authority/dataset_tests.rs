//! The data set decision cell by cell (Security Administrator's Guide: authseq.htm for the
//! order, operatr.htm for OPERATIONS, restuser.htm for RESTRICTED, protall.htm for
//! PROTECTALL, egn.htm for the generic rules).

use super::*;
use racemu_racf::Access::{Alter, None as NoAccess, Read, Update};

const GROUPS: &[String] = &[];

fn facts<'a>(groups: &'a [String], profile: Option<ProfileFacts>) -> DsFacts<'a> {
    DsFacts {
        who: Accessor {
            userid: "ALICE",
            groups,
            defined: true,
            restricted: false,
        },
        special: false,
        operations: false,
        protectall: None,
        profile,
    }
}

fn profile(uacc: Access, warning: bool, list: &[(&str, Access)]) -> Option<ProfileFacts> {
    Some(ProfileFacts {
        covering: CoveringProfile {
            name: "IZUSVR.**".into(),
            generic: true,
        },
        uacc,
        warning,
        list: list.iter().map(|(i, a)| (i.to_string(), *a)).collect(),
    })
}

const DSN: &str = "IZUSVR.SRV.P12";

#[test]
fn own_high_level_qualifier_is_alter_even_against_a_profile() {
    let f = facts(GROUPS, profile(NoAccess, false, &[("ALICE", NoAccess)]));
    let d = decide("ALICE.KEYS.P12", &f, Alter);
    assert!(d.granted);
    assert_eq!(d.basis, Basis::HighLevelQualifier);
}

#[test]
fn no_profile_and_no_protectall_is_unprotected() {
    let d = decide(DSN, &facts(GROUPS, None), Alter);
    assert!(d.granted && !d.warned);
    assert_eq!(d.basis, Basis::Unprotected);
}

#[test]
fn protectall_failures_warning_and_special() {
    let mut f = facts(GROUPS, None);
    f.protectall = Some(false);
    let d = decide(DSN, &f, Read);
    assert!(!d.granted);
    assert_eq!(d.basis, Basis::ProtectAll);
    f.protectall = Some(true);
    let d = decide(DSN, &f, Read);
    assert!(d.granted && d.warned);
    f.protectall = Some(false);
    f.special = true;
    let d = decide(DSN, &f, Alter);
    assert!(d.granted && !d.warned);
    assert_eq!(d.basis, Basis::SpecialUnderProtectAll);
}

#[test]
fn special_grants_no_access_through_a_profile() {
    let mut f = facts(GROUPS, profile(NoAccess, false, &[]));
    f.special = true;
    let d = decide(DSN, &f, Read);
    assert!(!d.granted);
    assert_eq!((d.access, d.basis), (NoAccess, Basis::Uacc));
}

#[test]
fn the_users_entry_wins_over_groups_star_and_uacc() {
    let groups = ["DEPT".to_string()];
    let f = facts(
        &groups,
        profile(
            Alter,
            false,
            &[("ALICE", NoAccess), ("DEPT", Alter), ("*", Alter)],
        ),
    );
    let d = decide(DSN, &f, Read);
    assert!(!d.granted);
    assert_eq!(d.basis, Basis::UserEntry);
    let f = facts(GROUPS, profile(NoAccess, false, &[("ALICE", Read)]));
    assert!(decide(DSN, &f, Read).granted);
    assert!(!decide(DSN, &f, Update).granted);
}

#[test]
fn the_best_group_entry_comes_next_even_below_the_uacc() {
    let groups = ["DEPT".to_string(), "OPS".to_string()];
    let f = facts(
        &groups,
        profile(
            Alter,
            false,
            &[("DEPT", Read), ("OPS", Update), ("*", Alter)],
        ),
    );
    let d = decide(DSN, &f, Update);
    assert!(d.granted);
    assert_eq!((d.access, d.basis), (Update, Basis::GroupEntry));
    let f = facts(&groups, profile(Alter, false, &[("DEPT", NoAccess)]));
    assert!(!decide(DSN, &f, Read).granted);
}

#[test]
fn operations_when_neither_user_nor_group_is_on_the_list() {
    let mut f = facts(GROUPS, profile(NoAccess, false, &[("*", NoAccess)]));
    f.operations = true;
    let d = decide(DSN, &f, Alter);
    assert!(d.granted);
    assert_eq!(d.basis, Basis::Operations);
    // An entry for the user overrides OPERATIONS (operatr.htm).
    let mut f = facts(GROUPS, profile(NoAccess, false, &[("ALICE", Read)]));
    f.operations = true;
    let d = decide(DSN, &f, Alter);
    assert!(!d.granted);
    assert_eq!(d.basis, Basis::UserEntry);
    // So does an entry for one of the user's groups.
    let groups = ["DEPT".to_string()];
    let mut f = facts(&groups, profile(NoAccess, false, &[("DEPT", Read)]));
    f.operations = true;
    assert_eq!(decide(DSN, &f, Alter).basis, Basis::GroupEntry);
}

#[test]
fn id_star_then_uacc() {
    let f = facts(GROUPS, profile(Read, false, &[("*", NoAccess)]));
    let d = decide(DSN, &f, Read);
    assert!(!d.granted);
    assert_eq!(d.basis, Basis::IdStar);
    let f = facts(GROUPS, profile(Read, false, &[("BOB", Alter)]));
    let d = decide(DSN, &f, Read);
    assert!(d.granted);
    assert_eq!(d.basis, Basis::Uacc);
}

#[test]
fn restricted_users_get_neither_id_star_nor_uacc() {
    let mut f = facts(GROUPS, profile(Alter, false, &[("*", Alter)]));
    f.who.restricted = true;
    let d = decide(DSN, &f, Read);
    assert!(!d.granted);
    assert_eq!(d.basis, Basis::Restricted);
    let mut f = facts(GROUPS, profile(NoAccess, false, &[("ALICE", Read)]));
    f.who.restricted = true;
    assert!(decide(DSN, &f, Read).granted);
}

#[test]
fn warning_lets_the_request_through_with_a_warning() {
    let f = facts(GROUPS, profile(NoAccess, true, &[]));
    let d = decide(DSN, &f, Update);
    assert!(d.granted && d.warned);
    let f = facts(GROUPS, profile(Update, true, &[]));
    let d = decide(DSN, &f, Update);
    assert!(d.granted && !d.warned);
}

#[test]
fn enhanced_generic_naming() {
    // egn.htm's examples: `**` is any number of qualifiers, `*` one qualifier or part of one.
    assert!(ds_generic_match("IZUSVR.**", "IZUSVR.SRV.P12"));
    assert!(ds_generic_match("IZUSVR.**", "IZUSVR"));
    assert!(ds_generic_match("IZUSVR.*", "IZUSVR.SRV"));
    assert!(!ds_generic_match("IZUSVR.*", "IZUSVR.SRV.P12"));
    assert!(!ds_generic_match("IZUSVR.*", "IZUSVR"));
    assert!(ds_generic_match("IZUSVR.*.P12", "IZUSVR.SRV.P12"));
    assert!(ds_generic_match("IZUSVR.S*", "IZUSVR.SRV"));
    assert!(ds_generic_match("IZUSVR.S*", "IZUSVR.S"));
    assert!(!ds_generic_match("IZUSVR.S*", "IZUSVR.SRV.P12"));
    assert!(ds_generic_match("IZUSVR.S%V.**", "IZUSVR.SRV.P12"));
    assert!(!ds_generic_match("IZUSVR.S%V.**", "IZUSVR.SV.P12"));
    assert!(ds_generic_match("IZUSVR.**.P12", "IZUSVR.A.B.P12"));
}

#[test]
fn the_most_specific_generic_profile_wins() {
    let order = |a: &str, b: &str| ds_specificity(a) > ds_specificity(b);
    assert!(order("IZUSVR.SRV.*", "IZUSVR.**"));
    assert!(order("IZUSVR.SRV.P12", "IZUSVR.SRV.*"));
    assert!(order("IZUSVR.*.P12", "IZUSVR.**"));
    assert!(order("IZUSVR.S%V.**", "IZUSVR.S*.**"));
    assert!(order("IZUSVR.SRV.**", "IZUSVR.S*.**"));
}

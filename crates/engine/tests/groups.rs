//! LISTGRP against real z/OS output, ADDGROUP options and CONNECT attributes (issue 9, item 7).

use racemu_engine::{Clock, Config, Engine};
use racemu_store::Store;
use time::macros::datetime;
use time::OffsetDateTime;

fn engine_at(now: OffsetDateTime) -> Engine {
    Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(now),
        Config::default(),
    )
}

fn admin(e: &mut Engine, cmds: &[&str]) {
    for c in cmds {
        let o = e.execute("IBMUSER", c);
        assert_eq!(o.rc, 0, "{c}: {:?}", o.lines);
    }
}

/// Lines with trailing blanks removed, for whole-listing comparisons.
fn trimmed(lines: &[String]) -> Vec<String> {
    lines.iter().map(|l| l.trim_end().to_string()).collect()
}

/// The IRRSMO00 capture of `LISTGRP TESTGRP0` in IBM's pyRACF tests
/// (tests/group/group_result_samples/extract_group_result_base_only_success.xml): a group
/// created on 23.150 by ESWIFT, with ESWIFT connected SPECIAL and LEONARD OPERATIONS.
#[test]
fn listgrp_matches_real_output_with_users() {
    let mut e = engine_at(datetime!(2023-05-30 12:00 UTC));
    admin(
        &mut e,
        &[
            "ADDUSER ESWIFT",
            "ADDUSER LEONARD",
            "ADDGROUP TESTGRP0 OWNER(ESWIFT)",
            "CONNECT ESWIFT GROUP(TESTGRP0) SPECIAL",
            "CONNECT LEONARD GROUP(TESTGRP0) OPERATIONS",
        ],
    );
    let o = e.execute("IBMUSER", "LISTGRP TESTGRP0");
    assert_eq!(o.rc, 0);
    let expected = [
        "INFORMATION FOR GROUP TESTGRP0",
        "    SUPERIOR GROUP=SYS1         OWNER=ESWIFT      CREATED=23.150",
        "    NO INSTALLATION DATA",
        "    NO MODEL DATA SET",
        "    TERMUACC",
        "    NO SUBGROUPS",
        "    USER(S)=      ACCESS=      ACCESS COUNT=      UNIVERSAL ACCESS=",
        "      ESWIFT        USE           000000               NONE",
        "         CONNECT ATTRIBUTES=SPECIAL",
        "         REVOKE DATE=NONE                 RESUME DATE=NONE",
        "      LEONARD       USE           000000               NONE",
        "         CONNECT ATTRIBUTES=OPERATIONS",
        "         REVOKE DATE=NONE                 RESUME DATE=NONE",
    ];
    assert_eq!(trimmed(&o.lines), expected);
}

/// The pyRACF capture of `LISTGRP TESTGRP0 OMVS` (extract_group_result_base_omvs_success.xml)
/// up to its OMVS segment, which racemu does not keep: a group without users.
#[test]
fn listgrp_matches_real_output_without_users_and_lg_alias() {
    let mut e = engine_at(datetime!(2023-05-31 08:00 UTC));
    admin(&mut e, &["ADDGROUP TESTGRP0 OWNER(ESWIFT)"]);
    let expected = [
        "INFORMATION FOR GROUP TESTGRP0",
        "    SUPERIOR GROUP=SYS1         OWNER=ESWIFT      CREATED=23.151",
        "    NO INSTALLATION DATA",
        "    NO MODEL DATA SET",
        "    TERMUACC",
        "    NO SUBGROUPS",
        "    NO USERS",
    ];
    for cmd in ["LISTGRP TESTGRP0", "LG TESTGRP0", "lg (testgrp0) omvs"] {
        let o = e.execute("IBMUSER", cmd);
        assert_eq!(
            (trimmed(&o.lines), o.rc),
            (expected.map(String::from).to_vec(), 0),
            "{cmd}"
        );
    }
}

/// Unknown groups: the real message and RC 4 (pyRACF's capture of an unknown group); the
/// other groups of the command are still listed.
#[test]
fn listgrp_unknown_group() {
    let mut e = engine_at(datetime!(2026-11-25 10:00 UTC));
    let o = e.execute("IBMUSER", "LISTGRP NOSUCH");
    assert_eq!(o.lines, ["ICH51003I NAME NOT FOUND IN RACF DATA SET"]);
    assert_eq!(o.rc, 4);
    let o = e.execute("IBMUSER", "LISTGRP (NOSUCH SYS1)");
    assert_eq!(o.rc, 4);
    assert_eq!(o.lines[0], "ICH51003I NAME NOT FOUND IN RACF DATA SET");
    assert_eq!(o.lines[1], "INFORMATION FOR GROUP SYS1");
}

/// SUPGROUP, DATA, subgroups, `LISTGRP *` and the listing of SYS1 (no superior group).
#[test]
fn listgrp_star_supgroup_data_and_subgroups() {
    let mut e = engine_at(datetime!(2026-11-25 10:00 UTC));
    admin(
        &mut e,
        &[
            "ADDGROUP DEPT DATA('Department of Keys')",
            "ADDGROUP (TEAM1 TEAM2) SUPGROUP(DEPT) OWNER(DEPT)",
            "ADDUSER ALICE DFLTGRP(TEAM1)",
        ],
    );
    let o = e.execute("IBMUSER", "LISTGRP *");
    assert_eq!(o.rc, 0);
    let expected = [
        "INFORMATION FOR GROUP DEPT",
        "    SUPERIOR GROUP=SYS1         OWNER=IBMUSER     CREATED=26.329",
        "    INSTALLATION DATA=Department of Keys",
        "    NO MODEL DATA SET",
        "    TERMUACC",
        "    SUBGROUP(S)= TEAM1    TEAM2",
        "    NO USERS",
        "",
        "INFORMATION FOR GROUP SYS1",
        "    SUPERIOR GROUP=NONE         OWNER=IBMUSER     CREATED=00.000",
        "    NO INSTALLATION DATA",
        "    NO MODEL DATA SET",
        "    TERMUACC",
        "    SUBGROUP(S)= DEPT",
        "    USER(S)=      ACCESS=      ACCESS COUNT=      UNIVERSAL ACCESS=",
        "      IBMUSER       USE           000000               NONE",
        "         CONNECT ATTRIBUTES=NONE",
        "         REVOKE DATE=NONE                 RESUME DATE=NONE",
        "",
        "INFORMATION FOR GROUP TEAM1",
        "    SUPERIOR GROUP=DEPT         OWNER=DEPT        CREATED=26.329",
        "    NO INSTALLATION DATA",
        "    NO MODEL DATA SET",
        "    TERMUACC",
        "    NO SUBGROUPS",
        "    USER(S)=      ACCESS=      ACCESS COUNT=      UNIVERSAL ACCESS=",
        "      ALICE         USE           000000               NONE",
        "         CONNECT ATTRIBUTES=NONE",
        "         REVOKE DATE=NONE                 RESUME DATE=NONE",
        "",
        "INFORMATION FOR GROUP TEAM2",
        "    SUPERIOR GROUP=DEPT         OWNER=DEPT        CREATED=26.329",
        "    NO INSTALLATION DATA",
        "    NO MODEL DATA SET",
        "    TERMUACC",
        "    NO SUBGROUPS",
        "    NO USERS",
    ];
    assert_eq!(trimmed(&o.lines), expected);
    // Without an operand, LISTGRP lists the issuer's default group.
    let o = e.execute("ALICE", "LISTGRP");
    assert_eq!(
        o.lines,
        ["ICH32002I NOT AUTHORIZED TO LIST BASE INFORMATION FOR GROUP TEAM1"]
    );
    assert_eq!(o.rc, 8);
    let o = e.execute("IBMUSER", "LISTGRP");
    assert_eq!(o.lines[0], "INFORMATION FOR GROUP SYS1");
}

/// Subgroups run six to a line; operands LISTGRP does not know are invalid segments, as
/// z/OS answers `LISTGRP ZWE ALL`.
#[test]
fn listgrp_many_subgroups_and_invalid_segment() {
    let mut e = engine_at(datetime!(2026-11-25 10:00 UTC));
    admin(
        &mut e,
        &[
            "ADDGROUP TOP",
            "ADDGROUP (G1 G2 G3 G4 G5 G6 G7) SUPGROUP(TOP)",
        ],
    );
    let o = e.execute("IBMUSER", "LISTGRP TOP");
    assert_eq!(
        trimmed(&o.lines[5..7]),
        [
            "    SUBGROUP(S)= G1       G2       G3       G4       G5       G6",
            "                G7"
        ]
    );
    let o = e.execute("IBMUSER", "LISTGRP TOP ALL");
    assert_eq!(o.lines, ["IKJ56702I INVALID SEGMENT, ALL"]);
    assert_eq!(o.rc, 12);
}

/// LISTUSER shows the group-level attributes CONNECT gave, and NOSPECIAL takes one away.
#[test]
fn listuser_shows_connect_attributes() {
    let mut e = engine_at(datetime!(2026-11-25 10:00 UTC));
    admin(
        &mut e,
        &[
            "ADDUSER ALICE",
            "ADDGROUP DEPT",
            "CONNECT ALICE GROUP(DEPT) AUDITOR SPECIAL",
        ],
    );
    let attrs = |e: &mut Engine| -> Vec<String> {
        e.execute("IBMUSER", "LISTUSER ALICE")
            .lines
            .into_iter()
            .filter(|l| l.starts_with("    CONNECT ATTRIBUTES="))
            .collect()
    };
    assert_eq!(
        attrs(&mut e),
        [
            "    CONNECT ATTRIBUTES=SPECIAL AUDITOR",
            "    CONNECT ATTRIBUTES=NONE"
        ]
    );
    admin(&mut e, &["CONNECT ALICE GROUP(DEPT) NOSPECIAL"]);
    assert_eq!(
        attrs(&mut e),
        [
            "    CONNECT ATTRIBUTES=AUDITOR",
            "    CONNECT ATTRIBUTES=NONE"
        ]
    );
}

/// ADDGROUP without SUPGROUP puts the new group under the issuer's current connect group
/// (its default group in batch) and makes the issuer its owner.
#[test]
fn addgroup_defaults_to_issuers_group_and_owner() {
    let mut e = engine_at(datetime!(2026-11-25 10:00 UTC));
    admin(
        &mut e,
        &["ADDGROUP DEPT", "ADDUSER ADMIN2 DFLTGRP(DEPT) SPECIAL"],
    );
    let o = e.execute("ADMIN2", "ADDGROUP TEAM");
    assert_eq!(o.rc, 0, "{:?}", o.lines);
    let o = e.execute("ADMIN2", "LISTGRP TEAM");
    assert_eq!(
        o.lines[1],
        "    SUPERIOR GROUP=DEPT         OWNER=ADMIN2      CREATED=26.329"
    );
}

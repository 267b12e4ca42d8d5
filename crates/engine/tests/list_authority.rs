//! Who may list what (LISTUSER, LISTGRP, RLIST, SETROPTS LIST), and the ICH messages of the
//! user, group, PERMIT and SETROPTS commands as IBM's per-command message lists give them
//! (issue 19, items 3 and 6).
//!
//! IBM's lists: <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/>
//! followed by `adduser.htm`, `ich2a6_ALTUSER_command_messages.htm`, `deluser.htm`, `connect.htm`,
//! `permit.htm`, `ich2a6_LISTUSER_command_messages.htm`, `ich2a6_LISTGRP_command_messages.htm`;
//! single messages `gk00443.htm` (ICH30002I), `gk00104.htm` (ICH06006I), `gk00263.htm`
//! (ICH14002I).

use racemu_engine::{Clock, Config, Engine, Output};
use racemu_store::Store;
use time::macros::datetime;

fn engine() -> Engine {
    Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-03-15 10:00 UTC)),
        Config::default(),
    )
}

fn admin(e: &mut Engine, cmds: &[&str]) {
    for c in cmds {
        let o = e.execute("IBMUSER", c);
        assert!(o.rc <= 4, "{c}: {:?}", o.lines);
    }
}

/// The whole output of a command as one (lines, rc) pair.
fn run(e: &mut Engine, user: &str, cmd: &str) -> (Vec<String>, u32) {
    let Output { lines, rc, .. } = e.execute(user, cmd);
    (lines.iter().map(|l| l.trim_end().to_string()).collect(), rc)
}

fn refused(line: &str, rc: u32) -> (Vec<String>, u32) {
    (vec![line.to_string()], rc)
}

/// U1 and U2 are plain users owned by IBMUSER; U3 is owned by group DEPT, in which GS is
/// group-SPECIAL and GA group-AUDITOR; AUD has AUDITOR; OWN owns U4.
fn population() -> Engine {
    let mut e = engine();
    admin(
        &mut e,
        &[
            "ADDUSER (U1 U2 GS GA AUD OWN)",
            "ALTUSER AUD AUDITOR",
            "ADDGROUP DEPT",
            "ADDGROUP SUB OWNER(DEPT) SUPGROUP(DEPT)",
            "ADDUSER U3 OWNER(DEPT)",
            "ADDUSER U5 OWNER(SUB)",
            "ADDUSER U4 OWNER(OWN)",
            "ADDUSER PRIV OWNER(DEPT) OPERATIONS",
            "CONNECT GS GROUP(DEPT) SPECIAL",
            "CONNECT GA GROUP(DEPT) AUDITOR",
        ],
    );
    e
}

fn lists(e: &mut Engine, issuer: &str, target: &str) -> bool {
    let (lines, rc) = run(e, issuer, &format!("LISTUSER {target}"));
    match rc {
        0 => {
            assert!(
                lines[0].starts_with(&format!("USER={target} ")),
                "{lines:?}"
            );
            true
        }
        _ => {
            assert_eq!(
                (lines, rc),
                refused(&format!("ICH30002I NOT AUTHORIZED TO LIST {target}"), 8)
            );
            false
        }
    }
}

/// LISTUSER, each cell of IBM's "Authorization required" rule: the user itself, SPECIAL,
/// AUDITOR, the profile's owner, group-SPECIAL and group-AUDITOR over the owning group (and
/// its subgroups), READ to FACILITY IRR.LISTUSER (not for a privileged user,
/// icha700/paluia.htm); anyone else gets ICH30002I (gk00443.htm).
#[test]
fn listuser_needs_authority_over_the_profile() {
    let mut e = population();
    assert!(lists(&mut e, "U1", "U1"), "oneself");
    assert!(!lists(&mut e, "U1", "U2"), "a plain user, another user");
    assert!(lists(&mut e, "IBMUSER", "U2"), "SPECIAL");
    assert!(lists(&mut e, "AUD", "U2"), "AUDITOR");
    assert!(lists(&mut e, "OWN", "U4"), "the profile's owner");
    assert!(!lists(&mut e, "OWN", "U2"), "not the owner");
    assert!(
        lists(&mut e, "GS", "U3"),
        "group-SPECIAL in the owning group"
    );
    assert!(
        lists(&mut e, "GS", "U5"),
        "group-SPECIAL over a subgroup it owns"
    );
    assert!(
        lists(&mut e, "GA", "U3"),
        "group-AUDITOR in the owning group"
    );
    assert!(
        !lists(&mut e, "GS", "U2"),
        "group-SPECIAL outside its scope"
    );
    // READ to IRR.LISTUSER lists a plain user, never one with OPERATIONS.
    admin(
        &mut e,
        &[
            "SETROPTS CLASSACT(FACILITY)",
            "RDEFINE FACILITY IRR.LISTUSER UACC(NONE)",
            "PERMIT IRR.LISTUSER CLASS(FACILITY) ID(U1) ACCESS(READ)",
            "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
    );
    assert!(lists(&mut e, "U1", "U2"), "READ to IRR.LISTUSER");
    assert!(
        !lists(&mut e, "U1", "PRIV"),
        "IRR.LISTUSER: not a privileged user"
    );
    assert!(
        lists(&mut e, "GS", "PRIV"),
        "group-SPECIAL: also a privileged user"
    );
}

/// ICH30002I stops the command: the IDs after it are not listed.
#[test]
fn listuser_stops_at_the_first_refusal() {
    let mut e = population();
    let (lines, rc) = run(&mut e, "U1", "LISTUSER (U1 U2 NOSUCH)");
    assert_eq!(rc, 8);
    assert!(lines[0].starts_with("USER=U1 "), "{lines:?}");
    assert_eq!(
        lines.last().map(String::as_str),
        Some("ICH30002I NOT AUTHORIZED TO LIST U2")
    );
    assert!(!lines.iter().any(|l| l.contains("NOSUCH")), "{lines:?}");
}

/// LISTGRP: SPECIAL, AUDITOR, the owner, and group-SPECIAL or group-AUDITOR in the group or
/// in a group that owns it; anyone else ICH32002I (ich2a6_LISTGRP_command_messages.htm).
#[test]
fn listgrp_authority() {
    let mut e = population();
    for (issuer, group, allowed) in [
        ("IBMUSER", "DEPT", true),
        ("AUD", "DEPT", true),
        ("GS", "DEPT", true),
        ("GA", "DEPT", true),
        ("GS", "SUB", true),
        ("GS", "SYS1", false),
        ("U1", "DEPT", false),
    ] {
        let (lines, rc) = run(&mut e, issuer, &format!("LISTGRP {group}"));
        if allowed {
            assert_eq!(rc, 0, "{issuer} {group}: {lines:?}");
            assert_eq!(lines[0], format!("INFORMATION FOR GROUP {group}"));
        } else {
            assert_eq!(
                (lines, rc),
                refused(
                    &format!("ICH32002I NOT AUTHORIZED TO LIST BASE INFORMATION FOR GROUP {group}"),
                    8
                ),
                "{issuer} {group}"
            );
        }
    }
}

/// RLIST … AUTHUSER shows the access list to SPECIAL, AUDITOR, the owner and ALTER only; a
/// READ user sees the profile without it.
#[test]
fn rlist_access_list_needs_alter() {
    let mut e = population();
    admin(
        &mut e,
        &[
            "SETROPTS CLASSACT(FACILITY)",
            "RDEFINE FACILITY A.B UACC(NONE)",
            "PERMIT A.B CLASS(FACILITY) ID(U1) ACCESS(READ)",
            "PERMIT A.B CLASS(FACILITY) ID(U2) ACCESS(ALTER)",
            "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
    );
    let shows_list = |e: &mut Engine, user: &str| {
        let (lines, rc) = run(e, user, "RLIST FACILITY A.B AUTHUSER");
        assert_eq!(rc, 0, "{user}: {lines:?}");
        lines
            .iter()
            .any(|l| l.starts_with("U1 ") || l.contains(" U1 "))
    };
    assert!(!shows_list(&mut e, "U1"), "READ");
    assert!(shows_list(&mut e, "U2"), "ALTER");
    assert!(shows_list(&mut e, "AUD"), "AUDITOR");
    assert!(shows_list(&mut e, "IBMUSER"), "SPECIAL");
}

/// SETROPTS: keywords a non-SPECIAL issuer may not specify are named in ICH14002I and
/// ignored; AUDITOR may still LIST (gk00263.htm).
#[test]
fn setropts_keywords_without_authority() {
    let mut e = population();
    assert_eq!(
        run(&mut e, "U1", "SETROPTS LIST"),
        refused(
            "ICH14002I NOT AUTHORIZED TO SPECIFY LIST; KEYWORD IGNORED.",
            8
        )
    );
    assert_eq!(
        run(
            &mut e,
            "U1",
            "SETROPTS CLASSACT(STARTED) RACLIST(STARTED) REFRESH"
        ),
        refused(
            "ICH14002I NOT AUTHORIZED TO SPECIFY CLASSACT, RACLIST, REFRESH; KEYWORD IGNORED.",
            8
        )
    );
    let (lines, rc) = run(&mut e, "AUD", "SETROPTS LIST CLASSACT(STARTED)");
    assert_eq!(
        lines[0],
        "ICH14002I NOT AUTHORIZED TO SPECIFY CLASSACT; KEYWORD IGNORED."
    );
    assert!(lines.len() > 1, "the LIST still runs: {lines:?}");
    assert_eq!(rc, 8);
    // Nothing was changed.
    let (lines, _) = run(&mut e, "IBMUSER", "SETROPTS LIST");
    let active = lines
        .iter()
        .position(|l| l.starts_with("ACTIVE CLASSES"))
        .expect("ACTIVE CLASSES");
    assert!(!lines[active].contains("STARTED"), "{lines:?}");
}

/// The user and group commands' authority and not-found messages, from each command's own
/// list.
#[test]
fn user_and_group_command_messages() {
    let mut e = population();
    let cases = [
        (
            "U1",
            "ADDUSER U9",
            "ICH01005I NOT AUTHORIZED TO ISSUE ADDUSER",
        ),
        (
            "U1",
            "ALTUSER U1 PASSWORD(XYZ)",
            "ICH21010I NOT AUTHORIZED TO ISSUE ALTUSER",
        ),
        (
            "IBMUSER",
            "ALTUSER NOSUCH SPECIAL",
            "ICH21009I UNABLE TO LOCATE NOSUCH",
        ),
        (
            "U1",
            "DELUSER U2",
            "ICH04010I NOT AUTHORIZED TO ISSUE DELUSER",
        ),
        (
            "IBMUSER",
            "DELUSER NOSUCH",
            "ICH04001I ERROR LOCATING NOSUCH",
        ),
        (
            "U1",
            "CONNECT U2 GROUP(DEPT)",
            "ICH02006I NOT AUTHORIZED TO ISSUE CONNECT",
        ),
        (
            "U1",
            "ADDGROUP G9",
            "ICH00005I NOT AUTHORIZED TO ISSUE ADDGROUP",
        ),
        (
            "IBMUSER",
            "ADDGROUP DEPT",
            "ICH00006I GROUP DEPT ALREADY DEFINED",
        ),
    ];
    for (issuer, cmd, line) in cases {
        assert_eq!(run(&mut e, issuer, cmd), refused(line, 8), "{cmd}");
    }
}

/// PERMIT: ICH06006I for an issuer without authority (processing stops), ICH06002I for
/// DELETE of an ID that is not in the access list (permit.htm).
#[test]
fn permit_messages() {
    let mut e = population();
    admin(&mut e, &["RDEFINE FACILITY (A.B A.C) UACC(NONE)"]);
    assert_eq!(
        run(
            &mut e,
            "U1",
            "PERMIT (A.B A.C) CLASS(FACILITY) ID(U2) ACCESS(READ)"
        ),
        refused("ICH06006I NOT AUTHORIZED TO A.B", 8)
    );
    assert_eq!(
        run(
            &mut e,
            "IBMUSER",
            "PERMIT A.B CLASS(FACILITY) ID(U3) DELETE"
        ),
        refused("ICH06002I U3 NOT AUTHORIZED, DELETE IGNORED", 0)
    );
}

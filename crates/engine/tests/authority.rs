//! Every RACDCERT function at every FACILITY access level, for the issuer's own certificates
//! and rings, another user's, and CERTAUTH/SITE (RACF Command Language Reference, xconracdfc.htm).

use racemu_engine::{Clock, Config, Engine};
use racemu_store::Store;
use time::macros::datetime;

const LEVELS: [&str; 4] = ["NONE", "READ", "UPDATE", "CONTROL"];

fn engine() -> Engine {
    let mut e = Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-11-25 10:00 UTC)),
        Config::default(),
    );
    let setup = [
        "ADDUSER ALICE NAME('Alice')",
        "ADDUSER BOB NAME('Bob')",
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Root')) NISTECC WITHLABEL('root')",
        "RACDCERT SITE GENCERT SUBJECTSDN(CN('Site')) NISTECC WITHLABEL('site')",
        "RACDCERT ID(ALICE) GENCERT SUBJECTSDN(CN('alice')) NISTECC WITHLABEL('mine')",
        "RACDCERT ID(BOB) GENCERT SUBJECTSDN(CN('bob')) NISTECC WITHLABEL('his')",
        "RACDCERT ID(ALICE) ADDRING(AR)",
        "RACDCERT ID(BOB) ADDRING(BR)",
        "RACDCERT ID(ALICE) CONNECT(LABEL('mine') RING(AR))",
        "RACDCERT ID(BOB) CONNECT(LABEL('his') RING(BR))",
        "RACDCERT ID(ALICE) CONNECT(CERTAUTH LABEL('root') RING(AR))",
        "RACDCERT ID(ALICE) CONNECT(SITE LABEL('site') RING(AR))",
        "RACDCERT ID(ALICE) CONNECT(ID(BOB) LABEL('his') RING(AR))",
    ];
    for c in setup {
        let o = e.execute("IBMUSER", c);
        assert_eq!(o.rc, 0, "{c}: {:?}", o.lines);
    }
    e
}

/// Runs `cmd` as ALICE with `level` to IRR.DIGTCERT.<function>; true when not refused.
fn allowed(function: &str, level: &str, cmd: &str) -> bool {
    allowed_with(&[(function, level)], cmd)
}

/// Runs `cmd` as ALICE with each (function, level) to IRR.DIGTCERT.<function>; true when not
/// refused.
fn allowed_with(grants: &[(&str, &str)], cmd: &str) -> bool {
    let mut e = engine();
    for (function, level) in grants {
        let profile = format!("IRR.DIGTCERT.{function}");
        e.execute("IBMUSER", &format!("RDEFINE FACILITY {profile} UACC(NONE)"));
        if *level != "NONE" {
            e.execute(
                "IBMUSER",
                &format!("PERMIT {profile} CLASS(FACILITY) ID(ALICE) ACCESS({level})"),
            );
        }
    }
    e.execute("IBMUSER", "SETROPTS RACLIST(FACILITY) REFRESH");
    let o = e.execute("ALICE", cmd);
    let refused = o.lines.first().map(String::as_str)
        == Some("IRRD101I You are not authorized to issue the RACDCERT command.");
    assert!(!refused || o.rc == 8);
    !refused
}

fn check(function: &str, cmd: &str, needed: &str) {
    let need = LEVELS.iter().position(|l| *l == needed).expect("level");
    for (i, level) in LEVELS.iter().enumerate() {
        assert_eq!(
            allowed(function, level, cmd),
            i >= need,
            "{cmd} with {level} to IRR.DIGTCERT.{function} (needs {needed})"
        );
    }
}

#[test]
fn certificate_functions() {
    for (f, own, other, ca) in [
        (
            "LIST",
            "RACDCERT LIST(LABEL('mine'))",
            "RACDCERT ID(BOB) LIST(LABEL('his'))",
            "RACDCERT CERTAUTH LIST(LABEL('root'))",
        ),
        (
            "LISTCHAIN",
            "RACDCERT LISTCHAIN(LABEL('mine'))",
            "RACDCERT ID(BOB) LISTCHAIN(LABEL('his'))",
            "RACDCERT SITE LISTCHAIN(LABEL('site'))",
        ),
        (
            "ALTER",
            "RACDCERT ALTER(LABEL('mine')) NOTRUST",
            "RACDCERT ID(BOB) ALTER(LABEL('his')) NOTRUST",
            "RACDCERT CERTAUTH ALTER(LABEL('root')) NOTRUST",
        ),
        (
            "DELETE",
            "RACDCERT DELETE(LABEL('mine'))",
            "RACDCERT ID(BOB) DELETE(LABEL('his'))",
            "RACDCERT SITE DELETE(LABEL('site'))",
        ),
        (
            "GENCERT",
            "RACDCERT GENCERT SUBJECTSDN(CN('n')) NISTECC WITHLABEL('new')",
            "RACDCERT ID(BOB) GENCERT SUBJECTSDN(CN('n')) NISTECC WITHLABEL('new')",
            "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('n')) NISTECC WITHLABEL('new')",
        ),
    ] {
        check(f, own, "READ");
        check(f, other, "UPDATE");
        check(f, ca, "CONTROL");
    }
    // Signing with a CERTAUTH certificate needs CONTROL even for one's own new certificate.
    check("GENCERT", "RACDCERT GENCERT SUBJECTSDN(CN('n')) NISTECC WITHLABEL('new') SIGNWITH(CERTAUTH LABEL('root'))", "CONTROL");
}

/// IBM Table 1 of each page: ADDRING "READ Create a key ring for your own user ID. UPDATE Create
/// a key ring for another user."
/// (https://ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-addring.htm);
/// DELRING "READ Delete your own key ring. UPDATE Delete another user's key ring."
/// (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-delring.htm);
/// LISTRING "READ List your own key ring. UPDATE List another user's key ring."
/// (https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-listring.htm).
#[test]
fn ring_functions() {
    for (f, own, other) in [
        (
            "ADDRING",
            "RACDCERT ADDRING(NEW)",
            "RACDCERT ID(BOB) ADDRING(NEW)",
        ),
        (
            "DELRING",
            "RACDCERT DELRING(AR)",
            "RACDCERT ID(BOB) DELRING(BR)",
        ),
        (
            "LISTRING",
            "RACDCERT LISTRING(AR)",
            "RACDCERT ID(BOB) LISTRING(BR)",
        ),
    ] {
        check(f, own, "READ");
        check(f, other, "UPDATE");
    }
}

/// IBM, RACDCERT REMOVE, Table 1
/// (https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha400/le-remove.htm):
/// "READ Remove a certificate from your own key ring. UPDATE Remove a SITE or CERTAUTH
/// certificate from your own key ring. CONTROL Remove a certificate from another user's key
/// ring."
#[test]
fn remove_levels() {
    check("REMOVE", "RACDCERT REMOVE(LABEL('mine') RING(AR))", "READ");
    check(
        "REMOVE",
        "RACDCERT REMOVE(ID(BOB) LABEL('his') RING(AR))",
        "READ",
    );
    check(
        "REMOVE",
        "RACDCERT REMOVE(CERTAUTH LABEL('root') RING(AR))",
        "UPDATE",
    );
    check(
        "REMOVE",
        "RACDCERT REMOVE(SITE LABEL('site') RING(AR))",
        "UPDATE",
    );
    check(
        "REMOVE",
        "RACDCERT ID(BOB) REMOVE(LABEL('his') RING(BR))",
        "CONTROL",
    );
}

#[test]
fn connect_levels() {
    check(
        "CONNECT",
        "RACDCERT CONNECT(LABEL('mine') RING(AR) DEFAULT)",
        "READ",
    );
    check(
        "CONNECT",
        "RACDCERT CONNECT(CERTAUTH LABEL('root') RING(AR))",
        "UPDATE",
    );
    // USAGE(PERSONAL) for a CERTAUTH certificate: CONNECT alone.
    check(
        "CONNECT",
        "RACDCERT CONNECT(CERTAUTH LABEL('root') RING(AR) USAGE(PERSONAL))",
        "UPDATE",
    );
    check(
        "CONNECT",
        "RACDCERT CONNECT(ID(BOB) LABEL('his') RING(AR))",
        "UPDATE",
    );
    check(
        "CONNECT",
        "RACDCERT ID(BOB) CONNECT(CERTAUTH LABEL('root') RING(BR))",
        "CONTROL",
    );
}

/// IBM, RACDCERT CONNECT
/// (https://ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-connect.htm):
/// authority is checked on "IRR.DIGTCERT.CONNECT" and "IRR.DIGTCERT.ADD", "based on the certificate
/// owner, key ring owner, and the USAGE value"; "The USAGE keyword is powerful, and must be
/// controlled." racemu's reading (docs/security.md): a USAGE that makes a user certificate act as a
/// CERTAUTH or SITE certificate also needs CONTROL to IRR.DIGTCERT.ADD.
#[test]
fn connect_usage_promotion_needs_control_to_add() {
    let cmd = "RACDCERT CONNECT(LABEL('mine') RING(AR) USAGE(CERTAUTH))";
    for (connect, add, ok) in [
        ("UPDATE", "CONTROL", true),
        ("READ", "CONTROL", false),
        ("CONTROL", "UPDATE", false),
        ("CONTROL", "NONE", false),
    ] {
        assert_eq!(
            allowed_with(&[("CONNECT", connect), ("ADD", add)], cmd),
            ok,
            "{connect} to CONNECT, {add} to ADD"
        );
    }
    let site = "RACDCERT CONNECT(LABEL('mine') RING(AR) USAGE(SITE))";
    assert!(allowed_with(
        &[("CONNECT", "UPDATE"), ("ADD", "CONTROL")],
        site
    ));
    assert!(!allowed_with(
        &[("CONNECT", "UPDATE"), ("ADD", "UPDATE")],
        site
    ));
}

#[test]
fn special_needs_no_profile_and_missing_profile_denies() {
    let mut e = engine();
    let o = e.execute("ALICE", "RACDCERT LIST(LABEL('mine'))");
    assert_eq!(
        o.lines,
        ["IRRD101I You are not authorized to issue the RACDCERT command."]
    );
    assert_eq!(o.rc, 8);
    // A generic profile covers every function.
    e.execute("IBMUSER", "RDEFINE FACILITY IRR.DIGTCERT.* UACC(NONE)");
    e.execute(
        "IBMUSER",
        "PERMIT IRR.DIGTCERT.* CLASS(FACILITY) ID(ALICE) ACCESS(READ)",
    );
    e.execute("IBMUSER", "SETROPTS RACLIST(FACILITY) REFRESH");
    assert_eq!(e.execute("ALICE", "RACDCERT LISTRING(AR)").rc, 0);
    // The more specific discrete profile wins over the generic one.
    e.execute(
        "IBMUSER",
        "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
    );
    e.execute("IBMUSER", "SETROPTS RACLIST(FACILITY) REFRESH");
    assert_eq!(e.execute("ALICE", "RACDCERT LISTRING(AR)").rc, 8);
    // Group access counts.
    e.execute("IBMUSER", "ADDGROUP RINGADM");
    e.execute("IBMUSER", "CONNECT ALICE GROUP(RINGADM)");
    e.execute(
        "IBMUSER",
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(RINGADM) ACCESS(READ)",
    );
    e.execute("IBMUSER", "SETROPTS RACLIST(FACILITY) REFRESH");
    assert_eq!(e.execute("ALICE", "RACDCERT LISTRING(AR)").rc, 0);
}

/// Runs every command as IBMUSER and asserts RC 0.
fn admin(e: &mut Engine, cmds: &[&str]) {
    for c in cmds {
        let o = e.execute("IBMUSER", c);
        assert_eq!(o.rc, 0, "{c}: {:?}", o.lines);
    }
}

/// Issue 9, item 3: RACF checks the user's entry, then the user's groups, then ID(*), then
/// the UACC. A group at READ with ID(*) at NONE grants READ.
#[test]
fn access_list_order_user_group_star_uacc() {
    let mut e = engine();
    admin(
        &mut e,
        &[
            "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
            "ADDGROUP RINGADM",
            "CONNECT ALICE GROUP(RINGADM)",
            "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(RINGADM) ACCESS(READ)",
            "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(*) ACCESS(NONE)",
            "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
    );
    // 2. The group's READ beats ID(*) NONE.
    assert_eq!(e.execute("ALICE", "RACDCERT LISTRING(AR)").rc, 0);
    // 1. The user's own entry beats the group's.
    admin(
        &mut e,
        &[
            "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(ALICE) ACCESS(NONE)",
            "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
    );
    assert_eq!(e.execute("ALICE", "RACDCERT LISTRING(AR)").rc, 8);
    // 3. Without user or group entries, ID(*) beats the UACC: BOB gets NONE despite UACC(READ).
    admin(
        &mut e,
        &[
            "RALTER FACILITY IRR.DIGTCERT.LISTRING UACC(READ)",
            "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
    );
    assert_eq!(e.execute("BOB", "RACDCERT LISTRING(BR)").rc, 8);
    // 4. Without any entry that applies, the UACC decides.
    admin(
        &mut e,
        &[
            "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(*) DELETE",
            "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
    );
    assert_eq!(e.execute("BOB", "RACDCERT LISTRING(BR)").rc, 0);
}

/// RESTRICTED users get nothing from ID(*) or the UACC, only from their own or their groups'
/// entries; LISTUSER shows the attribute.
#[test]
fn restricted_users_need_explicit_entries() {
    let mut e = engine();
    admin(
        &mut e,
        &[
            "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(READ)",
            "RDEFINE FACILITY IRR.DIGTCERT.LIST UACC(NONE)",
            "PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(*) ACCESS(READ)",
            "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
    );
    assert_eq!(e.execute("ALICE", "RACDCERT LISTRING(AR)").rc, 0);
    assert_eq!(e.execute("ALICE", "RACDCERT LIST(LABEL('mine'))").rc, 0);
    admin(&mut e, &["ALTUSER ALICE RESTRICTED"]);
    assert_eq!(e.execute("ALICE", "RACDCERT LISTRING(AR)").rc, 8);
    assert_eq!(e.execute("ALICE", "RACDCERT LIST(LABEL('mine'))").rc, 8);
    let lu = e.execute("IBMUSER", "LISTUSER ALICE");
    assert!(
        lu.lines
            .contains(&" ATTRIBUTES=PROTECTED RESTRICTED".to_string()),
        "{:?}",
        lu.lines
    );
    admin(
        &mut e,
        &[
            "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(ALICE) ACCESS(READ)",
            "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
    );
    assert_eq!(e.execute("ALICE", "RACDCERT LISTRING(AR)").rc, 0);
    admin(&mut e, &["ALTUSER ALICE NORESTRICTED"]);
    assert_eq!(e.execute("ALICE", "RACDCERT LIST(LABEL('mine'))").rc, 0);
}

/// ID(*) matches only users defined to RACF: with `undefined-ids error`, a user racemu has
/// never seen gets the UACC, not the ID(*) entry.
#[test]
fn id_star_only_for_defined_users() {
    let mut e = engine();
    admin(
        &mut e,
        &[
            "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
            "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(*) ACCESS(UPDATE)",
            "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
    );
    let refused = |o: racemu_engine::Output| {
        o.lines.first().map(String::as_str)
            == Some("IRRD101I You are not authorized to issue the RACDCERT command.")
    };
    // By default undefined IDs count as defined users.
    assert!(!refused(
        e.execute("GHOST", "RACDCERT ID(ALICE) LISTRING(AR)")
    ));
    e.store_mut()
        .transaction(|tx| {
            racemu_store::settings::set(tx, racemu_store::settings::Setting::UndefinedIds, "error")
        })
        .expect("setting");
    assert!(refused(
        e.execute("GHOST", "RACDCERT ID(ALICE) LISTRING(AR)")
    ));
    assert_eq!(e.execute("ALICE", "RACDCERT LISTRING(AR)").rc, 0);
}

/// A refusal keeps SYSTSPRT to IRRD101I and tells the job log which access is missing and
/// the commands that grant it (racemu's RCM131I): the RDEFINE when no profile covers the
/// resource, the PERMIT, and the SETROPTS that puts it in effect; once a profile exists, only
/// the PERMIT and the SETROPTS.
#[test]
fn a_refusal_names_the_permit_that_grants_it() {
    let mut e = engine();
    let o = e.execute("ALICE", "RACDCERT ID(BOB) LIST(LABEL('his'))");
    assert_eq!(
        (o.lines.as_slice(), o.rc),
        (
            &["IRRD101I You are not authorized to issue the RACDCERT command.".to_string()][..],
            8
        )
    );
    assert_eq!(
        o.hints,
        [
            "RCM131I RACDCERT needs UPDATE access to FACILITY IRR.DIGTCERT.LIST for ALICE. \
          To grant it: RDEFINE FACILITY IRR.DIGTCERT.LIST UACC(NONE); \
          PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(ALICE) ACCESS(UPDATE); \
          SETROPTS RACLIST(FACILITY) REFRESH."
        ]
    );
    e.execute("IBMUSER", "RDEFINE FACILITY IRR.DIGTCERT.** UACC(NONE)");
    let o = e.execute("ALICE", "RACDCERT ID(BOB) LIST(LABEL('his'))");
    assert_eq!(
        o.hints,
        [
            "RCM131I RACDCERT needs UPDATE access to FACILITY IRR.DIGTCERT.LIST for ALICE. \
          To grant it: PERMIT IRR.DIGTCERT.** CLASS(FACILITY) ID(ALICE) ACCESS(UPDATE); \
          SETROPTS RACLIST(FACILITY) REFRESH."
        ]
    );
    e.execute(
        "IBMUSER",
        "PERMIT IRR.DIGTCERT.** CLASS(FACILITY) ID(ALICE) ACCESS(UPDATE)",
    );
    e.execute("IBMUSER", "SETROPTS RACLIST(FACILITY) REFRESH");
    let o = e.execute("ALICE", "RACDCERT ID(BOB) LIST(LABEL('his'))");
    assert_eq!(o.rc, 0, "{:?}", o.lines);
}

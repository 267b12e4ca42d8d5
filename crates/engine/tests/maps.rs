//! RACDCERT MAP, ALTMAP, DELMAP and LISTMAP through the engine: keywords, messages and
//! authority cells (RACF Command Language Reference, le-map / le-altmap / le-delmap /
//! le-listmap, <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-map.htm>).

mod common;

use common::{engine, ok, ok_as, put_dataset, OutsideCa};
use racemu_engine::Engine;
use racemu_store::settings;

fn run(e: &mut Engine, user: &str, cmd: &str) -> (Vec<String>, u32) {
    let o = e.execute(user, cmd);
    (o.lines, o.rc)
}

fn users(e: &mut Engine) {
    for u in ["WEBUSER", "ALICE", "BOB"] {
        ok(e, &format!("ADDUSER {u}"));
    }
}

/// IBM MQ's example, then LISTMAP in the layout of IBM's example: header, Label, Status,
/// Issuer's Name Filter, Subject's Name Filter.
#[test]
fn map_then_listmap_whole_listing() {
    let mut e = engine();
    users(&mut e);
    ok(&mut e, "RACDCERT ID(WEBUSER) MAP WITHLABEL('filter1') TRUST SDNFILTER('O=IBM.C=UK') IDNFILTER('O=ExampleCA.L=Internet')");
    ok(&mut e, "RACDCERT MAP ID(WEBUSER) IDNFILTER('OU=Dept.O=ExampleCA.L=Internet') WITHLABEL('second') NOTRUST");
    let o = ok(&mut e, "RACDCERT ID(WEBUSER) LISTMAP");
    assert_eq!(
        o.lines,
        [
            "Mapping information for user WEBUSER:",
            "",
            " Label: filter1",
            " Status: TRUST",
            " Issuer's Name Filter:",
            "      >O=ExampleCA.L=Internet<",
            " Subject's Name Filter:",
            "      >O=IBM.C=UK<",
            "",
            " Label: second",
            " Status: NOTRUST",
            " Issuer's Name Filter:",
            "      >OU=Dept.O=ExampleCA.L=Internet<",
            " Subject's Name Filter:",
            "      ><",
            "",
        ]
    );
    let o = ok(&mut e, "RACDCERT ID(WEBUSER) LISTMAP(LABEL('second'))");
    assert_eq!(o.lines.len(), 9);
}

/// MULTIID with CRITERIA, as in IBM's additional-criteria example
/// (<https://www.ibm.com/docs/en/zos/2.5.0?topic=criteria-example>).
#[test]
fn multiid_listmap_shows_criteria() {
    let mut e = engine();
    ok(&mut e, "RACDCERT MULTIID MAP WITHLABEL('All Employees') TRUST IDNFILTER('OU=General Subscriber.O=VeriSign, Inc.L=Internet') CRITERIA(APPLID=&APPLID)");
    let o = ok(&mut e, "RACDCERT MULTIID LISTMAP(LABEL('All Employees'))");
    assert_eq!(
        o.lines,
        [
            "Mapping information for MULTIID:",
            "",
            " Label: All Employees",
            " Status: TRUST",
            " Issuer's Name Filter:",
            "      >OU=General Subscriber.O=VeriSign, Inc.L=Internet<",
            " Subject's Name Filter:",
            "      ><",
            " Criteria:",
            "      >APPLID=&APPLID<",
            "",
        ]
    );
}

/// Every refusal of MAP, each with its message and return code.
#[test]
fn map_messages() {
    let mut e = engine();
    users(&mut e);
    let cases: [(&str, &str, u32); 8] = [
        // IRRD140I (jj00008.htm): no X.509 prefix.
        ("RACDCERT ID(WEBUSER) MAP SDNFILTER('IBM.C=UK')", "IRRD140I The filter value does not begin with a valid prefix.", 8),
        ("RACDCERT ID(WEBUSER) MAP WITHLABEL('x')", "RCM401E MAP requires SDNFILTER, IDNFILTER or both. The request is not processed.", 8),
        ("RACDCERT ID(WEBUSER) MAP SDNFILTER('O=A') CRITERIA(APPLID=&APPLID)", "RCM406E CRITERIA can be specified only with MULTIID. The request is not processed.", 8),
        ("RACDCERT MULTIID MAP SDNFILTER('O=A')", "RCM407E A MULTIID mapping requires CRITERIA. The request is not processed.", 8),
        ("RACDCERT CERTAUTH MAP SDNFILTER('O=A')", "RCM409E Mappings belong to a user ID or to MULTIID, not to CERTAUTH or SITE. The request is not processed.", 8),
        ("RACDCERT ID(WEBUSER) MAP SDNFILTER('O=DUP') WITHLABEL('dup')", "", 0),
        ("RACDCERT ID(ALICE) MAP SDNFILTER('O=DUP')", "RCM403E A mapping with the same subject's and issuer's name filters already exists. The request is not processed.", 8),
        ("RACDCERT ID(WEBUSER) MAP SDNFILTER('O=OTHER') WITHLABEL('dup')", "RCM402E A mapping with label 'dup' already exists for user WEBUSER. The request is not processed.", 8),
    ];
    for (cmd, line, rc) in cases {
        let (lines, got) = run(&mut e, "IBMUSER", cmd);
        let want: Vec<&str> = if line.is_empty() { vec![] } else { vec![line] };
        assert_eq!(
            (lines, got),
            (want.iter().map(|s| s.to_string()).collect(), rc),
            "{cmd}"
        );
    }
    // Without WITHLABEL the label is generated.
    ok(&mut e, "RACDCERT ID(BOB) MAP SDNFILTER('CN=B.O=A')");
    let o = ok(&mut e, "RACDCERT ID(BOB) LISTMAP");
    assert_eq!(o.lines[2], " Label: LABEL00000001");
}

/// ALTMAP, DELMAP and LISTMAP: new label and status, not found, nothing listed.
#[test]
fn altmap_delmap_listmap() {
    let mut e = engine();
    users(&mut e);
    ok(
        &mut e,
        "RACDCERT ID(WEBUSER) MAP SDNFILTER('O=A') WITHLABEL('a')",
    );
    ok(
        &mut e,
        "RACDCERT ID(WEBUSER) ALTMAP(LABEL('a')) NEWLABEL('b') NOTRUST",
    );
    let o = ok(&mut e, "RACDCERT ID(WEBUSER) LISTMAP(LABEL('b'))");
    assert_eq!(o.lines[2..4], [" Label: b", " Status: NOTRUST"]);
    assert_eq!(
        run(
            &mut e,
            "IBMUSER",
            "RACDCERT ID(WEBUSER) ALTMAP(LABEL('a')) TRUST"
        ),
        (
            vec!["RCM404E No mapping with label 'a' was found for user WEBUSER.".to_string()],
            8
        )
    );
    assert_eq!(
        run(
            &mut e,
            "IBMUSER",
            "RACDCERT ID(WEBUSER) LISTMAP(LABEL('a'))"
        ),
        (
            vec!["RCM404E No mapping with label 'a' was found for user WEBUSER.".to_string()],
            4
        )
    );
    ok(&mut e, "RACDCERT ID(WEBUSER) DELMAP(LABEL('b'))");
    assert_eq!(
        run(&mut e, "IBMUSER", "RACDCERT ID(WEBUSER) LISTMAP"),
        (
            vec!["RCM405I No mapping information was found for user WEBUSER.".to_string()],
            4
        )
    );
    // DELMAP without LABEL deletes every mapping of the user.
    ok(
        &mut e,
        "RACDCERT ID(WEBUSER) MAP SDNFILTER('O=A') WITHLABEL('a')",
    );
    ok(
        &mut e,
        "RACDCERT ID(WEBUSER) MAP SDNFILTER('O=B') WITHLABEL('b')",
    );
    ok(&mut e, "RACDCERT ID(WEBUSER) DELMAP");
    assert_eq!(run(&mut e, "IBMUSER", "RACDCERT ID(WEBUSER) LISTMAP").1, 4);
}

/// DELUSER removes the user's mappings; DELMAP works for a user who is gone; MAP, ALTMAP and
/// LISTMAP need a defined user (le-delete.htm).
#[test]
fn deluser_and_undefined_users() {
    let mut e = engine();
    users(&mut e);
    e.store_mut()
        .transaction(|tx| settings::set(tx, settings::Setting::UndefinedIds, "error"))
        .expect("setting");
    ok(
        &mut e,
        "RACDCERT ID(ALICE) MAP SDNFILTER('O=A') WITHLABEL('a')",
    );
    ok(&mut e, "DELUSER ALICE");
    // The filter went with the user, so it is free again.
    ok(
        &mut e,
        "RACDCERT ID(BOB) MAP SDNFILTER('O=A') WITHLABEL('a')",
    );
    // MAP, ALTMAP and LISTMAP need a defined user (IRRD102I); DELMAP does not.
    let irrd102i = "IRRD102I The user ID specified is not defined to RACF.".to_string();
    for cmd in [
        "RACDCERT ID(ALICE) MAP SDNFILTER('O=X')",
        "RACDCERT ID(ALICE) ALTMAP(LABEL('a')) TRUST",
        "RACDCERT ID(ALICE) LISTMAP",
    ] {
        assert_eq!(
            run(&mut e, "IBMUSER", cmd),
            (vec![irrd102i.clone()], 8),
            "{cmd}"
        );
    }
    assert_eq!(
        run(&mut e, "IBMUSER", "RACDCERT ID(ALICE) DELMAP"),
        (
            vec!["RCM405I No mapping information was found for user ALICE.".to_string()],
            4
        )
    );
}

/// RDEFINE, RALTER and RDELETE do not operate with class DIGTNMAP (SAG, tmapp.htm); RLIST
/// DIGTNMAP * shows each profile with the user it maps to.
#[test]
fn digtnmap_class_commands() {
    let mut e = engine();
    users(&mut e);
    for (cmd, verb) in [
        ("RDEFINE DIGTNMAP X", "RDEFINE"),
        ("RALTER DIGTNMAP X", "RALTER"),
        ("RDELETE DIGTNMAP X", "RDELETE"),
    ] {
        assert_eq!(
            run(&mut e, "IBMUSER", cmd),
            (vec![format!("RCM410E {verb} does not operate with class DIGTNMAP; use RACDCERT MAP, ALTMAP and DELMAP. The request is not processed.")], 8)
        );
    }
    ok(
        &mut e,
        "RACDCERT ID(WEBUSER) MAP SDNFILTER('O=A') WITHLABEL('f1')",
    );
    let o = ok(&mut e, "RLIST DIGTNMAP *");
    assert!(
        o.lines
            .iter()
            .any(|l| l.starts_with("DIGTNMAP   WEBUSER.f1")),
        "{:?}",
        o.lines
    );
}

/// FACILITY IRR.DIGTCERT.<function>: READ for one's own mappings, UPDATE for another user's
/// or MULTIID; SPECIAL bypasses; no profile refuses.
#[test]
fn authority_cells() {
    let irrd101i = "IRRD101I You are not authorized to issue the RACDCERT command.".to_string();
    for f in ["MAP", "ALTMAP", "DELMAP", "LISTMAP"] {
        let mut e = engine();
        users(&mut e);
        ok(
            &mut e,
            "RACDCERT ID(ALICE) MAP SDNFILTER('O=ALICE') WITHLABEL('a')",
        );
        ok(
            &mut e,
            "RACDCERT ID(BOB) MAP SDNFILTER('O=BOB') WITHLABEL('a')",
        );
        ok(
            &mut e,
            "RACDCERT MULTIID MAP SDNFILTER('O=MULTI') WITHLABEL('a') CRITERIA(APPLID=&APPLID)",
        );
        let cmd = |who: &str| -> String {
            match f {
                "MAP" => format!("RACDCERT {who} MAP SDNFILTER('O=NEW') WITHLABEL('n')"),
                "ALTMAP" => format!("RACDCERT {who} ALTMAP(LABEL('a')) TRUST"),
                "DELMAP" => format!("RACDCERT {who} DELMAP(LABEL('a'))"),
                _ => format!("RACDCERT {who} LISTMAP(LABEL('a'))"),
            }
        };
        // No profile: refused even for one's own.
        assert_eq!(
            run(&mut e, "ALICE", &cmd("ID(ALICE)")),
            (vec![irrd101i.clone()], 8),
            "{f}"
        );
        ok(
            &mut e,
            &format!("RDEFINE FACILITY IRR.DIGTCERT.{f} UACC(NONE)"),
        );
        ok(
            &mut e,
            &format!("PERMIT IRR.DIGTCERT.{f} CLASS(FACILITY) ID(ALICE) ACCESS(READ)"),
        );
        ok(&mut e, "SETROPTS RACLIST(FACILITY) REFRESH");
        // READ: one's own, not another user's nor MULTIID.
        assert_eq!(
            run(&mut e, "ALICE", &cmd("ID(BOB)")),
            (vec![irrd101i.clone()], 8),
            "{f}"
        );
        assert_eq!(
            run(&mut e, "ALICE", &cmd("MULTIID")),
            (vec![irrd101i.clone()], 8),
            "{f}"
        );
        assert_eq!(run(&mut e, "ALICE", &cmd("ID(ALICE)")).1, 0, "{f}");
        // UPDATE: another user's and MULTIID.
        ok(
            &mut e,
            &format!("PERMIT IRR.DIGTCERT.{f} CLASS(FACILITY) ID(ALICE) ACCESS(UPDATE)"),
        );
        ok(&mut e, "SETROPTS RACLIST(FACILITY) REFRESH");
        let bob = if f == "MAP" {
            cmd("ID(BOB)").replace("O=NEW", "O=NEW2")
        } else {
            cmd("ID(BOB)")
        };
        assert_eq!(run(&mut e, "ALICE", &bob).1, 0, "{f}");
        let multi = if f == "MAP" {
            "RACDCERT MULTIID MAP SDNFILTER('O=NEW3') WITHLABEL('n') CRITERIA(X=&APPLID)"
                .to_string()
        } else {
            cmd("MULTIID")
        };
        assert_eq!(run(&mut e, "ALICE", &multi).1, 0, "{f}");
    }
}

/// MAP(dsn): the filters are starting points in the names of the data set's certificate
/// (IRRD141I jj00009.htm, IRRD146I jj00014.htm); the certificate is made by openssl.
#[test]
fn map_from_a_data_set() {
    let mut e = engine();
    users(&mut e);
    let mut ca = OutsideCa::new("/C=US/O=Example/OU=Issuing CA/CN=Example CA");
    let der = ca.client("/C=US/O=Example/OU=Sales/CN=alice", None);
    put_dataset(&mut e, "WEBUSER.CLIENT.DER", der);
    ok(
        &mut e,
        "RACDCERT ID(WEBUSER) MAP('WEBUSER.CLIENT.DER') SDNFILTER('OU=Sal') WITHLABEL('sales')",
    );
    let o = ok(&mut e, "RACDCERT ID(WEBUSER) LISTMAP(LABEL('sales'))");
    assert_eq!(o.lines[7], "      >OU=Sales.O=Example.C=US<");
    assert_eq!(
        run(&mut e, "IBMUSER", "RACDCERT ID(WEBUSER) MAP('WEBUSER.CLIENT.DER') SDNFILTER('OU=Nowhere')"),
        (vec!["IRRD141I The starting point specified for SDNFILTER is not found in the certificate.".to_string()], 8)
    );
    assert_eq!(
        run(&mut e, "IBMUSER", "RACDCERT ID(WEBUSER) MAP('WEBUSER.CLIENT.DER') SDNFILTER('CN=alice') IDNFILTER('O=Example')"),
        (vec!["IRRD146I SDNFILTER cannot be specified with a partial issuer's name filter.".to_string()], 8)
    );
    ok(&mut e, "RACDCERT ID(WEBUSER) MAP('WEBUSER.CLIENT.DER') SDNFILTER('CN=alice') IDNFILTER('CN=Example CA')");
}

/// While DIGTNMAP is RACLISTed, MAP notes (as a hint, never SYSTSPRT) that the change waits
/// for the refresh.
#[test]
fn refresh_note_while_raclisted() {
    let mut e = engine();
    users(&mut e);
    let o = ok(&mut e, "RACDCERT ID(WEBUSER) MAP SDNFILTER('O=A')");
    assert!(o.hints.is_empty(), "{:?}", o.hints);
    ok(&mut e, "SETROPTS CLASSACT(DIGTNMAP) RACLIST(DIGTNMAP)");
    let o = ok_as(
        &mut e,
        "IBMUSER",
        "RACDCERT ID(WEBUSER) MAP SDNFILTER('O=B')",
    );
    assert!(o.lines.is_empty());
    assert!(
        o.hints.iter().any(|h| h.starts_with("RCM408I")),
        "{:?}",
        o.hints
    );
}

/// CHECKCERT shows, to an issuer allowed to list it, the label and status of the filter that
/// would map the certificate (z/OS 2.2, le-checkcert.htm; line texts UNCONFIRMED).
#[test]
fn checkcert_shows_the_mapping() {
    let mut e = engine();
    users(&mut e);
    let mut ca = OutsideCa::new("/C=US/O=Example/CN=Example CA");
    let der = ca.client("/C=US/O=Example/OU=Sales/CN=alice", None);
    put_dataset(&mut e, "WEBUSER.CLIENT.DER", der);
    let o = ok(&mut e, "RACDCERT CHECKCERT('WEBUSER.CLIENT.DER')");
    assert!(!o.lines.iter().any(|l| l.contains("Mapping")));
    ok(
        &mut e,
        "RACDCERT ID(WEBUSER) MAP SDNFILTER('OU=Sales.O=Example.C=US') WITHLABEL('sales') NOTRUST",
    );
    let o = ok(&mut e, "RACDCERT CHECKCERT('WEBUSER.CLIENT.DER')");
    let at = o
        .lines
        .iter()
        .position(|l| l == "  Mapping Label: sales")
        .expect("mapping label");
    assert_eq!(o.lines[at + 1], "  Mapping Status: NOTRUST");
    assert_eq!(o.lines[at + 2], "");
    // An issuer without LISTMAP authority over WEBUSER's mappings does not see it.
    ok(&mut e, "ADDSD 'WEBUSER.CLIENT.DER' UACC(READ)");
    let o = e.execute("ALICE", "RACDCERT CHECKCERT('WEBUSER.CLIENT.DER')");
    assert!(o.rc == 0 && o.lines[0] == "Certificate 1:", "{:?}", o.lines);
    assert!(
        !o.lines.iter().any(|l| l.contains("Mapping")),
        "{:?}",
        o.lines
    );
}

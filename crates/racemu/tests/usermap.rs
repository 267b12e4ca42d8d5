//! `racemu usermap`: R_usermap function X'0006' from the command line, with exit codes 0, 4,
//! 8 and 12, and `--json` (RACF Callable Services, R_usermap,
//! <https://www.ibm.com/docs/en/zos/3.1.0?topic=user-function>). The client certificate is
//! made by openssl as an outside CA, at test time, so it is valid on any date.

mod common;
use common::client_ca::ClientCa;
use common::*;

#[test]
fn usermap_exit_codes_and_json() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    let db = d.join("racf.db");
    let now = (time::OffsetDateTime::now_utc() + time::Duration::minutes(10))
        .format(&time::format_description::well_known::Rfc3339)
        .expect("now");
    let ca = ClientCa::new(d, "/C=US/O=Example/CN=Example CA");
    let (pem, _) = ca.client("client", "/C=US/O=Example/CN=alice", 7);
    let pem = pem.to_str().expect("path");
    let setup = "ADDUSER ALICE\nADDUSER ZWESVUSR\nSETROPTS CLASSACT(DIGTNMAP)\nRACDCERT ID(ALICE) MAP SDNFILTER('CN=alice.O=Example.C=US') WITHLABEL('alice')";
    let r = racemu(&db, &now, &["exec", setup], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // 8: no READ to FACILITY IRR.RUSERMAP (no profile refuses).
    let r = racemu(&db, &now, &["--user", "ZWESVUSR", "usermap", pem], None);
    assert_eq!((r.code, r.stdout.as_str()), (8, ""), "{}", r.stderr);
    assert!(r.stderr.contains("IRR.RUSERMAP"), "{}", r.stderr);
    let permit = "RDEFINE FACILITY IRR.RUSERMAP UACC(NONE)\nPERMIT IRR.RUSERMAP CLASS(FACILITY) ID(ZWESVUSR) ACCESS(READ)\nSETROPTS RACLIST(FACILITY) REFRESH";
    assert_eq!(racemu(&db, &now, &["exec", permit], None).code, 0);
    // 0: the user ID on standard output, what decided on standard error.
    let r = racemu(&db, &now, &["--user", "ZWESVUSR", "usermap", pem], None);
    assert_eq!((r.code, r.stdout.as_str()), (0, "ALICE\n"), "{}", r.stderr);
    assert!(
        r.stderr.contains("'alice'") && r.stderr.contains("step 3"),
        "{}",
        r.stderr
    );
    let r = racemu(
        &db,
        &now,
        &["usermap", pem, "--user", "ZWESVUSR", "--json"],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(
        (
            v["rc"].as_u64(),
            v["user"].as_str(),
            v["decided_by"].as_str(),
            v["label"].as_str(),
            v["step"].as_u64()
        ),
        (
            Some(0),
            Some("ALICE"),
            Some("filter"),
            Some("alice"),
            Some(3)
        )
    );
    // 4: nothing maps once the filter is gone.
    assert_eq!(
        racemu(
            &db,
            &now,
            &["exec", "RACDCERT ID(ALICE) DELMAP(LABEL('alice'))"],
            None
        )
        .code,
        0
    );
    let r = racemu(&db, &now, &["--user", "ZWESVUSR", "usermap", pem], None);
    assert_eq!((r.code, r.stdout.as_str()), (4, ""), "{}", r.stderr);
    // 12: no certificate.
    let junk = d.join("junk.txt");
    std::fs::write(&junk, "not a certificate").expect("write");
    let r = racemu(
        &db,
        &now,
        &["--user", "ZWESVUSR", "usermap", junk.to_str().expect("p")],
        None,
    );
    assert_eq!(r.code, 12, "{}", r.stderr);
}

/// `Racf::usermap` in the Rust API: the user ID, `None`, or `Refused`.
#[test]
fn fixture_usermap() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    let ca = ClientCa::new(d, "/O=Example/CN=CA");
    let (pem, _) = ca.client("c", "/O=Example/CN=bob", 8);
    // Racf::usermap takes the certificate as DER or PEM.
    let der = std::fs::read(&pem).expect("pem");
    let now = time::OffsetDateTime::now_utc() + time::Duration::minutes(10);
    let mut racf = racemu::Racf::builder().now(now).build().expect("racf");
    racf.sysin("IBMUSER", "ADDUSER BOB\nSETROPTS CLASSACT(DIGTNMAP)\nRACDCERT ID(BOB) MAP SDNFILTER('CN=bob.O=Example')").expect("setup");
    assert!(matches!(
        racf.usermap("SRV", &der, None, None),
        Err(racemu::RacfError::Refused(_))
    ));
    racf.sysin("IBMUSER", "RDEFINE FACILITY IRR.RUSERMAP UACC(NONE)\nPERMIT IRR.RUSERMAP CLASS(FACILITY) ID(SRV) ACCESS(READ)\nSETROPTS RACLIST(FACILITY) REFRESH").expect("permit");
    assert_eq!(
        racf.usermap("SRV", &der, None, None)
            .expect("usermap")
            .as_deref(),
        Some("BOB")
    );
    racf.sysin("IBMUSER", "RACDCERT ID(BOB) DELMAP")
        .expect("delmap");
    assert_eq!(
        racf.usermap("SRV", &der, None, None).expect("usermap"),
        None
    );
}

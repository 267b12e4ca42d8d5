//! The ring doctor's command line: its text (80 columns, no colour when piped), JSON and exit
//! status, and `sha1-signature` on a certificate openssl signed with SHA-1.

mod common;

#[test]
fn cli_text_fits_80_columns_json_and_exit_status() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let now = "2026-11-25T12:00:00Z";
    let deck = "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Doctor CA')) RSA SIZE(2048) +
  WITHLABEL('CA') NOTAFTER(DATE(2030-12-31))
RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv.example.com') O('racemu')) RSA SIZE(2048) +
  SIGNWITH(CERTAUTH LABEL('CA')) WITHLABEL('the server certificate of SRV ok') +
  NOTAFTER(DATE(2028-12-31))
RACDCERT ID(SRV) ADDRING(Ring)
RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('CA') RING(Ring))
RACDCERT ID(SRV) CONNECT(LABEL('the server certificate of SRV ok') RING(Ring) DEFAULT)";
    let r = common::racemu(&db, now, &["exec", deck], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let args = [
        "--user",
        "SRV",
        "keyring",
        "doctor",
        "SRV/Ring",
        "--host",
        "srv.example.com",
    ];
    // No access yet: exit 8.
    let r = common::racemu(&db, now, &args, None);
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(r.stdout.contains("ERROR no-access"), "{}", r.stdout);
    let grant = "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
SETROPTS RACLIST(FACILITY) REFRESH";
    assert_eq!(common::racemu(&db, now, &["exec", grant], None).code, 0);
    let r = common::racemu(&db, now, &args, None);
    assert_eq!(r.code, 8);
    // Piped: no colour; every line within 80 columns; the fix as SYSTSIN records.
    assert!(!r.stdout.contains('\x1b'));
    for line in r.stdout.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    assert!(r
        .stdout
        .starts_with("Ring SRV/Ring judged as SRV: 1 error(s), 1 warning(s).\n"));
    assert!(r
        .stdout
        .contains("\nERROR host-not-in-san (label 'the server certificate of SRV ok')\n"));
    // JSON: the documented fields, no colour.
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let r = common::racemu(&db, now, &json_args, None);
    assert_eq!(r.code, 8);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(v["ring"], "SRV/Ring");
    assert_eq!(v["user"], "SRV");
    assert_eq!(v["findings"][0]["code"], "host-not-in-san");
    assert_eq!(v["findings"][0]["severity"], "error");
    assert_eq!(v["findings"][1]["code"], "validity-too-long");
    assert_eq!(v["findings"][1]["severity"], "warning");
    assert_eq!(v["probes"], serde_json::json!([]));
    // The reissue in the fix (at most 397 days, with the SAN) clears both findings: exit 0.
    let fix: Vec<String> = v["findings"][0]["fix"]
        .as_array()
        .expect("fix")
        .iter()
        .map(|c| c.as_str().unwrap_or_default().to_string())
        .collect();
    let r = common::racemu(&db, now, &["exec", &fix.join("\n")], None);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let r = common::racemu(&db, now, &args, None);
    assert_eq!(r.code, 0, "{}", r.stdout);
    // An unknown client is refused by the command line.
    let mut bad = args.to_vec();
    bad.extend(["--client", "netscape"]);
    assert_eq!(common::racemu(&db, now, &bad, None).code, 2);
}

/// `sha1-signature`: racemu signs with SHA-256, so openssl signs the server certificate with
/// SHA-1 using the RACF CA's key (EXPORTed as PKCS#12); the result is ADDed for SRV. The
/// certificates are made on the real clock, so racemu runs on it too.
#[test]
fn sha1_signature_from_openssl() {
    use common::interchange::{exec, get, put, s, tool};
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    let db = dir.join("racf.db");
    let ok = |cmd: &str| {
        let r = exec(&db, cmd);
        assert!(r.code <= 4, "{cmd}: {}{}", r.stdout, r.stderr);
    };
    ok(
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Doctor CA')) RSA SIZE(2048) WITHLABEL('CA')
RACDCERT CERTAUTH EXPORT(LABEL('CA')) DSN('SRV.CA.P12') FORMAT(PKCS12DER) PASSWORD('secret')",
    );
    let ca_p12 = dir.join("ca.p12");
    get(&db, "SRV.CA.P12", &ca_p12);
    let (ca_key, ca_pem) = (dir.join("ca.key"), dir.join("ca.pem"));
    let pass = ["-passin", "pass:secret"];
    tool(
        "openssl",
        &[
            &[
                "pkcs12",
                "-in",
                s(&ca_p12),
                "-nocerts",
                "-nodes",
                "-out",
                s(&ca_key),
            ][..],
            &pass,
        ]
        .concat(),
    );
    tool(
        "openssl",
        &[
            &["pkcs12", "-in", s(&ca_p12), "-nokeys", "-out", s(&ca_pem)][..],
            &pass,
        ]
        .concat(),
    );
    let (key, csr, crt, p12, ext) = (
        dir.join("srv.key"),
        dir.join("srv.csr"),
        dir.join("srv.pem"),
        dir.join("srv.p12"),
        dir.join("san.ext"),
    );
    std::fs::write(&ext, "subjectAltName=DNS:srv.example.com\n").expect("ext");
    tool(
        "openssl",
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            s(&key),
            "-out",
            s(&csr),
            "-subj",
            "/O=racemu/CN=srv.example.com",
        ],
    );
    tool(
        "openssl",
        &[
            "x509",
            "-req",
            "-sha1",
            "-in",
            s(&csr),
            "-CA",
            s(&ca_pem),
            "-CAkey",
            s(&ca_key),
            "-CAcreateserial",
            "-days",
            "200",
            "-extfile",
            s(&ext),
            "-out",
            s(&crt),
        ],
    );
    tool(
        "openssl",
        &[
            "pkcs12",
            "-export",
            "-inkey",
            s(&key),
            "-in",
            s(&crt),
            "-passout",
            "pass:secret",
            "-out",
            s(&p12),
        ],
    );
    put(&db, "SRV.SERVER.P12", &p12);
    ok(
        "RACDCERT ID(SRV) ADD('SRV.SERVER.P12') PASSWORD('secret') WITHLABEL('server') TRUST
RACDCERT ID(SRV) ADDRING(Ring)
RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('CA') RING(Ring))
RACDCERT ID(SRV) CONNECT(LABEL('server') RING(Ring) DEFAULT)
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
SETROPTS RACLIST(FACILITY) REFRESH",
    );
    let now = common::interchange::now();
    let args = ["--user", "SRV", "keyring", "doctor", "SRV/Ring", "--json"];
    let r = common::racemu(&db, &now, &args, None);
    assert_eq!(r.code, 8, "{}{}", r.stdout, r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(codes, ["sha1-signature"], "{}", r.stdout);
    let fix: Vec<&str> = v["findings"][0]["fix"]
        .as_array()
        .expect("fix")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert!(fix[0].contains("SIGNWITH(CERTAUTH LABEL('CA'))"), "{fix:?}");
    ok(&fix.join("\n"));
    let r = common::racemu(&db, &now, &args, None);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

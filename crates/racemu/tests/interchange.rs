//! Data sets and certificate interchange end to end: material made by openssl and keytool
//! ADDed by real decks, and what racemu EXPORTs / GENREQs read back by those tools.

mod common;
use common::interchange::*;
use common::*;

#[test]
fn zosconnect_client_authentication_end_to_end() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let deck = root().join("racdcert-scripts/zosconnect.jcl");
    assert_eq!(racemu(&db, &now(), &["run", s(&deck)], None).code, 0);
    // Step 5: EXPORT the CA as DER; openssl reads it and verifies the server certificate.
    let r = exec(
        &db,
        "RACDCERT CERTAUTH EXPORT(LABEL('zosConnectCA')) DSN('ZCSERV1.CERTS.ZCCA') FORMAT(CERTDER)",
    );
    assert_eq!((r.stdout.as_str(), r.code), ("", 0));
    let ca_der = tmp.path().join("zcca.der");
    get(&db, "ZCSERV1.CERTS.ZCCA", &ca_der);
    let ca_pem = tmp.path().join("zcca.pem");
    tool(
        "openssl",
        &[
            "x509",
            "-inform",
            "DER",
            "-in",
            s(&ca_der),
            "-out",
            s(&ca_pem),
        ],
    );
    let server = tmp.path().join("server.pem");
    write_pem(&server, &cert_der(&db, "ZCSERV1", "zosConnectServerCert"));
    tool("openssl", &["verify", "-CAfile", s(&ca_pem), s(&server)]);
    // The client's CA, made by keytool, put, ADDed with TRUST and connected as CERTAUTH.
    let ks = tmp.path().join("clientKey.p12");
    tool(
        "keytool",
        &[
            "-genkeypair",
            "-alias",
            "clientCA",
            "-keyalg",
            "RSA",
            "-keysize",
            "2048",
            "-dname",
            "CN=Client CA,O=Client",
            "-ext",
            "bc:c",
            "-storetype",
            "PKCS12",
            "-keystore",
            s(&ks),
            "-storepass",
            "changeit",
            "-validity",
            "365",
        ],
    );
    let cer = tmp.path().join("clientCA.cer");
    tool(
        "keytool",
        &[
            "-exportcert",
            "-alias",
            "clientCA",
            "-keystore",
            s(&ks),
            "-storepass",
            "changeit",
            "-file",
            s(&cer),
        ],
    );
    put(&db, "ZCSERV1.CERTS.CLIENTCA", &cer);
    let r = exec(
        &db,
        "RACDCERT ID(ZCSERV1) ADD('ZCSERV1.CERTS.CLIENTCA') WITHLABEL('clientCA') TRUST",
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .starts_with("IRRD199I Certificate with label 'clientCA' is added for user ZCSERV1."),
        "{}",
        r.stdout
    );
    assert_eq!(
        exec(
            &db,
            "RACDCERT ID(ZCSERV1) CONNECT(RING(Keyring.ZOSCONN) LABEL('clientCA') USAGE(CERTAUTH))"
        )
        .code,
        0
    );
    let out = normalise(&exec(&db, "RACDCERT ID(ZCSERV1) LISTRING(Keyring.ZOSCONN)").stdout);
    // The table of the IBM page (step 2 of client authentication).
    assert_eq!(
        &out[6..9],
        [
            "  zosConnectCA                       CERTAUTH       CERTAUTH     NO",
            "  zosConnectServerCert               ID(ZCSERV1)    PERSONAL     NO",
            "  clientCA                           ID(ZCSERV1)    CERTAUTH     NO",
        ]
    );
    // Adding it again, under any owner, is the real IRRD109I.
    let r = exec(
        &db,
        "RACDCERT CERTAUTH ADD('ZCSERV1.CERTS.CLIENTCA') WITHLABEL('again')",
    );
    assert!(
        r.stdout
            .starts_with("IRRD109I The certificate cannot be added.  Profile "),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains(".CN=Client¢CA.O=Client is already defined."),
        "{}",
        r.stdout
    );
}

#[test]
fn cicstls3_adds_pem_and_pkcs12_unchanged() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let ca = openssl_ca(tmp.path(), "CICS CA");
    put(&db, "USER1.CICSCA.PEM", &ca.1);
    for (dsn, cn) in [
        ("USER1.CICSCLT.P12", "cicsclient"),
        ("USER1.CICSSRV.P12", "cicsserver"),
        ("USER1.CICSUSR1.P12", "user1"),
        ("USER1.CICSUSR2.P12", "user2"),
    ] {
        let p12 = openssl_p12(tmp.path(), &ca, cn, "secret");
        put(&db, dsn, &p12);
    }
    let deck = tmp.path().join("d.jcl");
    std::fs::write(&deck, real_deck("zcee-cicstls3.jcl")).expect("w");
    let r = racemu(&db, &now(), &["run", s(&deck)], None);
    assert!(
        !r.stdout.contains("IRRD104I")
            && !r.stdout.contains("RCM003E")
            && !r.stdout.contains("IRRD103I"),
        "{}",
        r.stdout
    );
    let out = normalise(&exec(&db, "RACDCERT ID(CICSSTC) LISTRING(CICS.KeyRing)").stdout);
    assert_eq!(
        &out[6..9],
        [
            "  CICS CA                            CERTAUTH       CERTAUTH     NO",
            "  CICS Client Cert                   ID(CICSSTC)    PERSONAL     YES",
            "  CICS Server Cert                   ID(CICSSTC)    PERSONAL     NO",
        ]
    );
    let list = normalise(&exec(&db, "RACDCERT ID(CICSSTC) LIST(LABEL('CICS Server Cert'))").stdout);
    assert!(
        list.contains(&"  Private Key: YES".to_string())
            && list.contains(&"  Status: TRUST".to_string()),
        "{list:?}"
    );
    let ca_list = normalise(&exec(&db, "RACDCERT CERTAUTH LIST(LABEL('CICS CA'))").stdout);
    assert!(
        ca_list.contains(&"  Private Key: NO".to_string()),
        "{ca_list:?}"
    );
}

#[test]
fn mqtls_exports_read_by_keytool_and_openssl() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let deck = tmp.path().join("d.jcl");
    std::fs::write(&deck, real_deck("zcee-mqtls.jcl")).expect("w");
    let r = racemu(&db, "2022-06-01T09:00:00Z", &["run", s(&deck)], None);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let pem = tmp.path().join("mqca.pem");
    get(&db, "USER1.MQCACERT.PEM", &pem);
    let text = tool("openssl", &["x509", "-in", s(&pem), "-noout", "-subject"]);
    assert!(text.contains("MQ CA"), "{text}");
    let p12 = tmp.path().join("mq.p12");
    get(&db, "USER1.MQCERT.P12", &p12);
    let kt = tool(
        "keytool",
        &[
            "-list",
            "-v",
            "-storetype",
            "PKCS12",
            "-keystore",
            s(&p12),
            "-storepass",
            "secret",
        ],
    );
    assert!(
        kt.contains("PrivateKeyEntry") && kt.contains("Certificate chain length: 2"),
        "{kt}"
    );
    tool(
        "openssl",
        &[
            "pkcs12",
            "-in",
            s(&p12),
            "-passin",
            "pass:secret",
            "-nokeys",
            "-info",
        ],
    );
}

#[test]
fn zcjwtr3a_and_site_decks_run_with_their_packages() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let prov = openssl_ca(tmp.path(), "OpenIdProv CA");
    let prov_ca_p12 = tmp.path().join("provca.p12");
    tool(
        "openssl",
        &[
            "pkcs12",
            "-export",
            "-inkey",
            s(&prov.0),
            "-in",
            s(&prov.1),
            "-passout",
            "pass:secret",
            "-out",
            s(&prov_ca_p12),
        ],
    );
    put(&db, "USER1.PROVIDER.CERTAUTH.CERT.P12", &prov_ca_p12);
    put(
        &db,
        "USER1.PROVIDER.SERVER.CERT.P12",
        &openssl_p12(tmp.path(), &prov, "opserver", "secret"),
    );
    let rp = openssl_ca(tmp.path(), "Replying CA");
    let rp_ca_p12 = tmp.path().join("rpca.p12");
    tool(
        "openssl",
        &[
            "pkcs12",
            "-export",
            "-inkey",
            s(&rp.0),
            "-in",
            s(&rp.1),
            "-passout",
            "pass:secret",
            "-out",
            s(&rp_ca_p12),
        ],
    );
    put(&db, "USER1.REPLYING.CERTAUTH.CERT.P12", &rp_ca_p12);
    put(
        &db,
        "USER1.REPLYING.SERVER.CERT.P12",
        &openssl_p12(tmp.path(), &rp, "rpserver", "secret"),
    );
    let deck = tmp.path().join("d.jcl");
    std::fs::write(&deck, real_deck("zcee-zcjwtr3a.jcl")).expect("w");
    let r = racemu(&db, &now(), &["run", s(&deck)], None);
    let out = normalise(&r.stdout);
    assert!(
        out.contains(
            &"  OpenIdProv-CertAuth                CERTAUTH       CERTAUTH     NO".to_string()
        ),
        "{out:?}"
    );
    assert!(
        out.contains(
            &"  OpenIdProv-Server                  ID(ATSSERV)    PERSONAL     NO".to_string()
        ),
        "{out:?}"
    );
    // The SITE renewal deck with a Let's Encrypt-style chain in the PKCS#12.
    let le = openssl_ca(tmp.path(), "R3");
    put(
        &db,
        "IBMUSER.S0W1.DUCKDNS.ORG.P12.ZOWE",
        &openssl_p12(tmp.path(), &le, "s0w1.duckdns.org", "CERTPWD"),
    );
    for ring in ["ZCONNECT IDZOSCSRV", "IZUKeyring.IZUDFLT IDIZUSVR"] {
        let (name, id) = ring.split_once(" ID").expect("ring spec");
        assert_eq!(
            exec(&db, &format!("RACDCERT ID({id}) ADDRING({name})")).code,
            0
        );
    }
    let deck = tmp.path().join("site.jcl");
    std::fs::write(&deck, real_deck("ibmgeorge-updcert-site.jcl")).expect("w");
    let r = racemu(&db, &now(), &["run", s(&deck)], None);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let out = normalise(&exec(&db, "RACDCERT ID(IZUSVR) LISTRING(IZUKeyring.IZUDFLT)").stdout);
    assert_eq!(
        out[6],
        "  SERVERCERT                         SITE           PERSONAL     YES"
    );
}

/// Row 4.4 of the newcomer trial: EXPORT FORMAT(PKCS12B64) writes bare Base64 (no IBM text
/// shows an armour; docs/fidelity.md) in 64-column lines, which `openssl base64 -d` turns into
/// the DER PKCS#12 openssl reads; `ds get` writes it 0600 as it holds a private key; and
/// RACDCERT ADD takes the data set back.
#[test]
fn pkcs12b64_is_bare_base64_read_by_openssl_written_0600_and_added_back() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    for cmd in [
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('B64 CA')) WITHLABEL('B64 CA') NOTAFTER(DATE(2040-01-01))",
        "RACDCERT CERTAUTH EXPORT(LABEL('B64 CA')) DSN('IBMUSER.B64.P12') FORMAT(PKCS12B64) PASSWORD('secret')",
    ] {
        let r = exec(&db, cmd);
        assert!(r.code < 8, "{cmd}: {}", r.stdout);
    }
    let b64 = tmp.path().join("ca.b64");
    get(&db, "IBMUSER.B64.P12", &b64);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&b64).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a data set holding a key comes back 0600");
    }
    let text = std::fs::read_to_string(&b64).expect("text");
    assert!(!text.contains("-----"), "no armour: {text}");
    assert!(
        text.lines().all(|l| !l.is_empty() && l.len() <= 64),
        "{text}"
    );
    assert!(text.lines().rev().skip(1).all(|l| l.len() == 64), "{text}");
    let der = tmp.path().join("ca.p12");
    tool(
        "openssl",
        &["base64", "-d", "-in", s(&b64), "-out", s(&der)],
    );
    let info = tool(
        "openssl",
        &[
            "pkcs12",
            "-in",
            s(&der),
            "-passin",
            "pass:secret",
            "-nokeys",
            "-info",
        ],
    );
    assert!(info.contains("B64 CA"), "{info}");
    // The data set ADDed back, key and all, once the original is deleted.
    for cmd in [
        "RACDCERT CERTAUTH DELETE(LABEL('B64 CA'))",
        "RACDCERT CERTAUTH ADD('IBMUSER.B64.P12') WITHLABEL('Back') PASSWORD('secret') TRUST",
    ] {
        let r = exec(&db, cmd);
        assert!(r.code < 8, "{cmd}: {}", r.stdout);
    }
    let r = exec(&db, "RACDCERT CERTAUTH LIST(LABEL('Back'))");
    assert!(r.stdout.contains("Private Key: YES"), "{}", r.stdout);
}

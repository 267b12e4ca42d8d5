//! Data sets and certificate interchange end to end: material made by openssl and keytool
//! ADDed by real decks, and what racemu EXPORTs / GENREQs read back by those tools.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// These tests ADD certificates that openssl and keytool make on the real clock and hand
/// racemu's certificates to `openssl verify`, so racemu's clock is the real one too (see
/// `real_now`): a pinned instant made them fail once real time passed it.
fn now() -> String {
    real_now()
}

fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{cmd} {args:?}: {text}");
    text
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// An openssl CA in `dir`: (key, cert) paths.
fn openssl_ca(dir: &Path, cn: &str) -> (PathBuf, PathBuf) {
    let (k, c) = (dir.join(format!("{cn}.key")), dir.join(format!("{cn}.pem")));
    tool(
        "openssl",
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            s(&k),
            "-out",
            s(&c),
            "-subj",
            &format!("/O=Test/CN={cn}"),
            "-days",
            "3650",
        ],
    );
    (k, c)
}

/// A PKCS#12 with a key and a certificate signed by the CA (CA certificate included).
fn openssl_p12(dir: &Path, ca: &(PathBuf, PathBuf), cn: &str, password: &str) -> PathBuf {
    let (k, r, c, p) = (
        dir.join(format!("{cn}.key")),
        dir.join(format!("{cn}.csr")),
        dir.join(format!("{cn}.pem")),
        dir.join(format!("{cn}.p12")),
    );
    tool(
        "openssl",
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            s(&k),
            "-out",
            s(&r),
            "-subj",
            &format!("/O=Test/CN={cn}"),
        ],
    );
    tool(
        "openssl",
        &[
            "x509",
            "-req",
            "-in",
            s(&r),
            "-CA",
            s(&ca.1),
            "-CAkey",
            s(&ca.0),
            "-CAcreateserial",
            "-out",
            s(&c),
            "-days",
            "365",
        ],
    );
    tool(
        "openssl",
        &[
            "pkcs12",
            "-export",
            "-inkey",
            s(&k),
            "-in",
            s(&c),
            "-certfile",
            s(&ca.1),
            "-passout",
            &format!("pass:{password}"),
            "-name",
            cn,
            "-out",
            s(&p),
        ],
    );
    p
}

fn put(db: &Path, dsn: &str, file: &Path) {
    let r = racemu(
        db,
        &now(),
        &["ds", "put", &format!("'{dsn}'"), s(file)],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

fn get(db: &Path, dsn: &str, file: &Path) {
    let r = racemu(
        db,
        &now(),
        &["ds", "get", &format!("'{dsn}'"), s(file)],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

fn exec(db: &Path, cmd: &str) -> Run {
    racemu(db, &now(), &["exec", cmd], None)
}

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
            && !r.stdout.contains("IRRD146I")
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

#[test]
fn genreq_gencert_request_rekey_rollover() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    for c in [
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Renewal CA')) WITHLABEL('CA') NISTECC",
        "RACDCERT ID(SRV) ADDRING(R)",
        "RACDCERT SITE GENCERT SUBJECTSDN(CN('site.example.com')) ALTNAME(DOMAIN('site.example.com')) KEYUSAGE(HANDSHAKE) WITHLABEL('x') SIGNWITH(CERTAUTH LABEL('CA'))",
        "RACDCERT ID(SRV) CONNECT(SITE LABEL('x') RING(R) USAGE(PERSONAL) DEFAULT)",
        // The Ansible renewal flow (IBM z_ansible_collections_samples).
        "RACDCERT SITE REKEY(LABEL('x')) WITHLABEL('x-NEW')",
        "RACDCERT SITE GENREQ (LABEL('x-NEW')) DSN('SITE.NEW.CSR')",
        "RACDCERT SITE GENCERT ('SITE.NEW.CSR') SIGNWITH(CERTAUTH LABEL('CA')) WITHLABEL('x-SIGNED')",
    ] {
        let r = exec(&db, c);
        assert_eq!(r.code, 0, "{c}: {}", r.stdout);
    }
    let csr = tmp.path().join("new.csr");
    get(&db, "SITE.NEW.CSR", &csr);
    let text = tool(
        "openssl",
        &["req", "-in", s(&csr), "-verify", "-noout", "-text"],
    );
    assert!(
        text.contains("verify OK") && text.contains("site.example.com"),
        "{text}"
    );
    // The signed request chains to the CA; RACF holds no key for it.
    let (ca, leaf) = (tmp.path().join("ca.pem"), tmp.path().join("leaf.pem"));
    write_pem(&ca, &cert_der(&db, "irrcerta", "CA"));
    write_pem(&leaf, &cert_der(&db, "irrsitec", "x-SIGNED"));
    tool("openssl", &["verify", "-CAfile", s(&ca), s(&leaf)]);
    let list = normalise(&exec(&db, "RACDCERT SITE LIST(LABEL('x-SIGNED'))").stdout);
    assert!(list.contains(&"  Private Key: NO".to_string()), "{list:?}");
    // ROLLOVER onto the rekeyed certificate: it takes the ring connection and DEFAULT.
    assert_eq!(
        exec(&db, "RACDCERT SITE ROLLOVER(LABEL('x')) NEWLABEL('x-NEW')").code,
        0
    );
    let out = normalise(&exec(&db, "RACDCERT ID(SRV) LISTRING(R)").stdout);
    assert_eq!(
        out[6],
        "  x-NEW                              SITE           PERSONAL     YES"
    );
    let old = normalise(&exec(&db, "RACDCERT SITE LIST(LABEL('x'))").stdout);
    assert!(old.contains(&"  Private Key: NO".to_string()), "{old:?}");
    assert_eq!(exec(&db, "RACDCERT SITE DELETE(LABEL('x'))").code, 0);
    assert_eq!(
        exec(&db, "RACDCERT SITE ALTER(LABEL('x-NEW')) NEWLABEL('x')").code,
        0
    );
    // PKCS#12 without a key: the real IRRD147I.
    let r = exec(
        &db,
        "RACDCERT SITE EXPORT(LABEL('x-SIGNED')) DSN('P.P12') FORMAT(PKCS12DER) PASSWORD('pw')",
    );
    assert_eq!(r.stdout.trim_end(), "IRRD147I EXPORT in PKCS12 format requires a certificate with an associated non-ICSF private key.  The request is not processed.");
    // PKCS#7 chain export read by openssl.
    assert_eq!(
        exec(
            &db,
            "RACDCERT SITE EXPORT(LABEL('x')) DSN('P.P7B') FORMAT(PKCS7B64)"
        )
        .code,
        0
    );
    let p7 = tmp.path().join("chain.p7b");
    get(&db, "P.P7B", &p7);
    let text = tool(
        "openssl",
        &["pkcs7", "-in", s(&p7), "-print_certs", "-noout"],
    );
    assert!(text.contains("site.example.com"), "{text}");
}

#[test]
fn checkcert_and_add_errors() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let ca = openssl_ca(tmp.path(), "SSCA256");
    put(&db, "COLIN.DOCCA256.PEM", &ca.1);
    let r = exec(&db, "RACDCERT CHECKCERT('COLIN.DOCCA256.PEM')");
    let out = normalise(&r.stdout);
    assert_eq!(out[0], "Certificate 1:");
    assert!(out[1].starts_with("  Start Date: "), "{out:?}");
    assert!(out.contains(&"Chain information:".to_string()));
    assert!(
        out.contains(&"  Chain contains 1 certificate(s), chain is complete".to_string()),
        "{out:?}"
    );
    assert_eq!(
        exec(
            &db,
            "RACDCERT ADD('COLIN.DOCCA256.PEM') CERTAUTH WITHLABEL('LINUXDOCA256') TRUST"
        )
        .code,
        0
    );
    let out = normalise(&exec(&db, "RACDCERT CHECKCERT('COLIN.DOCCA256.PEM')").stdout);
    assert_eq!(out[1], "Digital certificate information for CERTAUTH:");
    assert_eq!(out[2], "  Label: LINUXDOCA256");
    // Errors: no data set, not a certificate, wrong password.
    let r = exec(&db, "RACDCERT ADD('NO.SUCH.DS') CERTAUTH");
    assert_eq!(
        (r.stdout.trim_end(), r.code),
        (
            "IRRD103I Data set NO.SUCH.DS could not be opened. The request is not processed.",
            8
        )
    );
    let junk = tmp.path().join("junk.txt");
    std::fs::write(&junk, "hello").expect("w");
    put(&db, "JUNK.DS", &junk);
    assert!(exec(&db, "RACDCERT ADD('JUNK.DS') CERTAUTH")
        .stdout
        .starts_with("IRRD104I"));
    let p12 = openssl_p12(tmp.path(), &ca, "leaf", "right");
    put(&db, "LEAF.P12", &p12);
    assert!(
        exec(&db, "RACDCERT ID(U) ADD('LEAF.P12') PASSWORD('wrong')")
            .stdout
            .starts_with("IRRD146I")
    );
    // Unquoted names get the issuer's prefix; a user without authority is refused.
    let r = racemu(
        &db,
        &now(),
        &[
            "--user",
            "USER1",
            "exec",
            "RACDCERT CERTAUTH EXPORT(LABEL('LINUXDOCA256')) DSN(ca.pem)",
        ],
        None,
    );
    assert_eq!(
        (r.stdout.trim_end(), r.code),
        (
            "IRRD101I You are not authorized to issue the RACDCERT command.",
            8
        )
    );
    let r = exec(
        &db,
        "RACDCERT CERTAUTH EXPORT(LABEL('LINUXDOCA256')) DSN(ca.pem)",
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(racemu(&db, &now(), &["ds", "ls"], None)
        .stdout
        .contains("IBMUSER.CA.PEM"));
}

#[test]
fn iebgener_puts_instream_pem_for_add() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let ca = openssl_ca(tmp.path(), "Instream CA");
    let pem = std::fs::read_to_string(&ca.1).expect("pem");
    let job = format!(
        "//PUTCA JOB\n//COPY EXEC PGM=IEBGENER\n//SYSPRINT DD SYSOUT=*\n//SYSIN DD DUMMY\n//SYSUT1 DD *\n{pem}/*\n//SYSUT2 DD DSN=USER1.INSTREAM.PEM,DISP=(NEW,CATLG)\n//ADD EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD *\n RACDCERT CERTAUTH ADD('USER1.INSTREAM.PEM') WITHLABEL('Instream CA') TRUST\n//CLEAN EXEC PGM=IEFBR14\n//DEL DD DSN=USER1.INSTREAM.PEM,DISP=(OLD,DELETE)\n"
    );
    let f = tmp.path().join("job.jcl");
    std::fs::write(&f, job).expect("w");
    let r = racemu(&db, &now(), &["run", s(&f)], None);
    assert!(
        r.stdout
            .contains("IRRD199I Certificate with label 'Instream CA' is added for CERTAUTH."),
        "{}",
        r.stdout
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!racemu(&db, &now(), &["ds", "ls"], None)
        .stdout
        .contains("USER1.INSTREAM.PEM"));
}

#[test]
fn openssl_request_signed_by_racemu() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let (key, csr) = (tmp.path().join("l.key"), tmp.path().join("l.csr"));
    tool(
        "openssl",
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-384",
            "-nodes",
            "-keyout",
            s(&key),
            "-out",
            s(&csr),
            "-subj",
            "/C=GB/O=Doc/CN=linuxcert",
        ],
    );
    put(&db, "COLIN.DOCLCERT.CSR", &csr);
    for c in [
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('DOC CA')) WITHLABEL('DOCCA') SIZE(2048)",
        "RACDCERT ID(COLIN) GENCERT('COLIN.DOCLCERT.CSR') SIGNWITH(CERTAUTH LABEL('DOCCA')) WITHLABEL('LINUXCERT') KEYUSAGE(HANDSHAKE)",
        "RACDCERT ID(COLIN) EXPORT(LABEL('LINUXCERT')) DSN('COLIN.DOCLCERT.PEM') FORMAT(CERTB64)",
    ] {
        let r = exec(&db, c);
        assert_eq!(r.code, 0, "{c}: {}", r.stdout);
    }
    let out = normalise(&exec(&db, "RACDCERT ID(COLIN) LIST(LABEL('LINUXCERT'))").stdout);
    assert!(
        out.contains(&"       >CN=linuxcert.O=Doc.C=GB<".to_string()),
        "{out:?}"
    );
    assert!(
        out.contains(&"  Key Type: NIST ECC".to_string())
            && out.contains(&"  Key Size: 384".to_string()),
        "{out:?}"
    );
    assert!(out.contains(&"  Private Key: NO".to_string()));
    let (pem, ca) = (tmp.path().join("l.pem"), tmp.path().join("ca.pem"));
    get(&db, "COLIN.DOCLCERT.PEM", &pem);
    write_pem(&ca, &cert_der(&db, "irrcerta", "DOCCA"));
    tool("openssl", &["verify", "-CAfile", s(&ca), s(&pem)]);
    // The certificate matches the key openssl kept.
    let a = tool("openssl", &["x509", "-in", s(&pem), "-noout", "-pubkey"]);
    let b = tool("openssl", &["pkey", "-in", s(&key), "-pubout"]);
    assert_eq!(a, b);
    // An invalid target name is refused.
    let r = exec(
        &db,
        "RACDCERT ID(COLIN) EXPORT(LABEL('LINUXCERT')) DSN('1BAD.NAME')",
    );
    assert_eq!(r.code, 12);
}

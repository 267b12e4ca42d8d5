//! Requests and errors through data sets: GENREQ, GENCERT of a request, REKEY/ROLLOVER,
//! CHECKCERT and ADD errors, IEBGENER-made PEM, and an openssl request signed by racemu.

mod common;
use common::interchange::*;
use common::*;

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
            .starts_with("RCM003E")
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
    // DD DATA, not DD *: a Base64 line may begin with `//`, which ends `DD *` data on z/OS as
    // in racemu (and made this test fail now and then with a random key).
    let job = format!(
        "//PUTCA JOB\n//COPY EXEC PGM=IEBGENER\n//SYSPRINT DD SYSOUT=*\n//SYSIN DD DUMMY\n//SYSUT1 DD DATA\n{pem}/*\n//SYSUT2 DD DSN=USER1.INSTREAM.PEM,DISP=(NEW,CATLG)\n//ADD EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD *\n RACDCERT CERTAUTH ADD('USER1.INSTREAM.PEM') WITHLABEL('Instream CA') TRUST\n//CLEAN EXEC PGM=IEFBR14\n//DEL DD DSN=USER1.INSTREAM.PEM,DISP=(OLD,DELETE)\n"
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

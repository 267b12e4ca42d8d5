//! Certificate renewal through ADD, end to end: GENCERT, CONNECT as DEFAULT, GENREQ, an
//! outside CA (openssl) signs the request, ADD brings the signed certificate back and it
//! replaces the self-signed one under the same label, with its private key and its ring
//! connection; `keyring serve` then presents the CA-signed certificate to openssl s_client.
//!
//! IBM, RACDCERT ADD, certificate renewal:
//! https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-add.htm

mod common;
use common::interchange::{openssl_ca, s, tool};
use common::*;
use std::path::{Path, PathBuf};

fn exec(db: &Path, now: &str, cmd: &str) -> Run {
    racemu(db, now, &["exec", cmd], None)
}

fn ok(db: &Path, now: &str, cmd: &str) -> String {
    let r = exec(db, now, cmd);
    assert_eq!(r.code, 0, "{cmd}\n{}{}", r.stdout, r.stderr);
    r.stdout
}

fn ds(db: &Path, now: &str, verb: &str, dsn: &str, file: &Path) {
    let r = racemu(db, now, &["ds", verb, &format!("'{dsn}'"), s(file)], None);
    assert_eq!(r.code, 0, "ds {verb} {dsn}: {}", r.stderr);
}

/// `notBefore`/`notAfter` of a PEM certificate as RACF's LIST prints them.
fn racf_dates(cert: &Path) -> (String, String) {
    let text = tool(
        "openssl",
        &[
            "x509",
            "-in",
            s(cert),
            "-noout",
            "-startdate",
            "-enddate",
            "-dateopt",
            "iso_8601",
        ],
    );
    let get = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .expect("date line")
            .trim_end_matches('Z')
            .replace('-', "/")
    };
    (get("notBefore="), get("notAfter="))
}

const SETUP: &str = "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('localhost')) \
    ALTNAME(IP(127.0.0.1) DOMAIN('localhost')) WITHLABEL('tls server')";

/// GENCERT, ring with the certificate as DEFAULT, GENREQ, signed by the outside CA; returns
/// the signed certificate's path.
fn signed_request(db: &Path, now: &str, dir: &Path, ca: &(PathBuf, PathBuf)) -> PathBuf {
    ok(db, now, SETUP);
    ok(db, now, "RACDCERT ID(SRV) ADDRING(Ring)");
    ok(
        db,
        now,
        "RACDCERT ID(SRV) CONNECT(LABEL('tls server') RING(Ring) DEFAULT)",
    );
    ok(
        db,
        now,
        "RACDCERT ID(SRV) GENREQ(LABEL('tls server')) DSN('SRV.TLS.CSR')",
    );
    let csr = dir.join("server.csr");
    ds(db, now, "get", "SRV.TLS.CSR", &csr);
    let signed = dir.join("server.pem");
    tool(
        "openssl",
        &[
            "x509",
            "-req",
            "-in",
            s(&csr),
            "-CA",
            s(&ca.1),
            "-CAkey",
            s(&ca.0),
            "-set_serial",
            "4660",
            "-copy_extensions",
            "copy",
            "-days",
            "20",
            "-out",
            s(&signed),
        ],
    );
    ds(db, now, "put", "SRV.TLS.SIGNED", &signed);
    for cmd in [
        "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)",
        "SETROPTS RACLIST(FACILITY) REFRESH",
    ] {
        ok(db, now, cmd);
    }
    signed
}

fn expected_list(start: &str, end: &str) -> Vec<String> {
    [
        "Digital certificate information for user SRV:",
        "",
        "  Label: tls server",
        "  Certificate ID: 2QPi2eWjk6JAooWZpYWZ",
        "  Status: TRUST",
        &format!("  Start Date: {start}"),
        &format!("  End Date:   {end}"),
        "  Serial Number:",
        "       >1234<",
        "  Issuer's Name:",
        "       >CN=Outside CA.O=Test<",
        "  Subject's Name:",
        "       >CN=localhost<",
        "  Subject's AltNames:",
        "    IP: 127.0.0.1",
        "    Domain: localhost",
        "  Signing Algorithm: sha256RSA",
        "  Key Type: RSA",
        "  Key Size: 2048",
        "  Private Key: YES",
        "  Certificate Fingerprint (SHA256):",
        "       <fingerprint>",
        "       <fingerprint>",
        "  Ring Associations:",
        "    Ring Owner: SRV",
        "    Ring:",
        "       >Ring<",
        "",
    ]
    .map(String::from)
    .to_vec()
}

const EXPECTED_RING: [&str; 8] = [
    "Digital ring information for user SRV:",
    "",
    "  Ring:",
    "       >Ring<",
    "  Certificate Label Name             Cert Owner     USAGE      DEFAULT",
    "  --------------------------------   ------------   --------   -------",
    "  tls server                         ID(SRV)        PERSONAL     YES",
    "",
];

#[test]
fn add_of_the_ca_signed_certificate_replaces_the_self_signed_one() {
    for add in [
        "RACDCERT ID(SRV) ADD('SRV.TLS.SIGNED') WITHLABEL('tls server') TRUST",
        "RACDCERT ID(SRV) ADD('SRV.TLS.SIGNED') TRUST",
    ] {
        let tmp = tempfile::tempdir().expect("tmp");
        let db = tmp.path().join("racf.db");
        let now = real_now();
        let ca = openssl_ca(tmp.path(), "Outside CA");
        let signed = signed_request(&db, &now, tmp.path(), &ca);
        let out = ok(&db, &now, add);
        assert_eq!(
            out.lines().next(),
            Some("IRRD199I Certificate with label 'tls server' is added for user SRV."),
            "{add}"
        );
        // One certificate: the CA-signed one, under the old label, with the old key.
        let (start, end) = racf_dates(&signed);
        let list = ok(&db, &now, "RACDCERT ID(SRV) LIST");
        // Signed by a CA openssl made this run (a new key each time): its fingerprint varies.
        assert_eq!(
            mask_fingerprints(&list),
            expected_list(&start, &end),
            "{add}"
        );
        let ring = ok(&db, &now, "RACDCERT ID(SRV) LISTRING(Ring)");
        assert_eq!(normalise(&ring), EXPECTED_RING, "{add}");
        // The application sees the CA-signed certificate as the ring's default.
        let server = serve(&db, "SRV", "SRV/Ring", "none");
        let (verified, text) = s_client_verifies(&server.addr, &ca.1);
        assert!(verified, "{add}\n{text}");
    }
}

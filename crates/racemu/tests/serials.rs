//! Serial numbers wider than 63 bits, as openssl and public CAs make them (RFC 5280 allows
//! 20 octets): REKEY continues from the certificate's own serial. It used to take any serial
//! that did not fit an i64 as 0 and give the copy serial 01.

mod common;
use common::*;

#[test]
fn rekey_of_a_certificate_with_a_20_byte_serial() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    let db = dir.join("racf.db");
    let now = real_now();
    let (key, cert, p12) = (dir.join("k.pem"), dir.join("c.pem"), dir.join("c.p12"));
    let p = |x: &std::path::Path| x.to_str().expect("utf-8 path").to_string();
    let serial = "7F3A9C0D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6B";
    let (ok, out) = openssl(&[
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        &p(&key),
        "-out",
        &p(&cert),
        "-subj",
        "/CN=wide",
        "-days",
        "30",
        "-set_serial",
        &format!("0x{serial}"),
    ]);
    assert!(ok, "{out}");
    let (ok, out) = openssl(&[
        "pkcs12",
        "-export",
        "-inkey",
        &p(&key),
        "-in",
        &p(&cert),
        "-passout",
        "pass:secret",
        "-out",
        &p(&p12),
    ]);
    assert!(ok, "{out}");
    let r = racemu(&db, &now, &["ds", "put", "'SRV.WIDE.P12'", &p(&p12)], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for cmd in [
        "RACDCERT ID(SRV) ADD('SRV.WIDE.P12') PASSWORD('secret') WITHLABEL('wide') TRUST",
        "RACDCERT ID(SRV) REKEY(LABEL('wide')) WITHLABEL('wide2')",
    ] {
        let r = racemu(&db, &now, &["exec", cmd], None);
        assert!(r.code == 0, "{cmd}: {}", r.stdout);
    }
    let r = racemu(
        &db,
        &now,
        &["exec", "RACDCERT ID(SRV) LIST(LABEL('wide2'))"],
        None,
    );
    let next = "7F3A9C0D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6C";
    assert!(r.stdout.contains(next), "{}", r.stdout);
}

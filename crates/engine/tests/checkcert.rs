//! RACDCERT CHECKCERT of a PKCS#7 package lists the end-entity certificate first, then its
//! issuers up the chain, and says whether the data set holds the whole chain (issue 19 item 5;
//! semantics audit C2). IBM, RACDCERT CHECKCERT:
//! https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-checkcert.htm
//! ("the certificates will be displayed with the end-entity certificate listed first, followed
//! by the subsequent issuers'" … "whether the dataset contains the complete chain").

use racemu_engine::{Clock, Config, Engine, Output};
use racemu_pki::Randomness;
use racemu_store::Store;
use time::macros::datetime;

/// A store with seeded randomness, so keys, signatures and fingerprints repeat run after run.
fn engine() -> Engine {
    Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-11-25 10:00 UTC)),
        Config {
            randomness: Randomness::seeded_u64(19),
            ..Config::default()
        },
    )
}

fn ok(e: &mut Engine, cmd: &str) -> Output {
    let o = e.execute("IBMUSER", cmd);
    assert!(o.rc == 0, "{cmd}\n -> rc {} {:?}", o.rc, o.lines);
    o
}

/// A root CA, an intermediate it signs and a server certificate the intermediate signs.
fn chain(e: &mut Engine) {
    for c in [
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Root CA') O('Test')) NISTECC WITHLABEL('ROOT') NOTAFTER(DATE(2036-12-31))",
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Mid CA') O('Test')) NISTECC WITHLABEL('MID') SIGNWITH(CERTAUTH LABEL('ROOT')) NOTAFTER(DATE(2035-12-31))",
        "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('server') O('Test')) NISTECC WITHLABEL('SRV') SIGNWITH(CERTAUTH LABEL('MID')) NOTAFTER(DATE(2034-12-31))",
    ] {
        ok(e, c);
    }
}

/// The label lines of a listing, in order.
fn labels(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| l.trim_start().starts_with("Label:"))
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn pkcs7_of_root_and_leaf_lists_the_leaf_first_and_the_chain_complete() {
    let mut e = engine();
    ok(&mut e, "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('My CA')) NISTECC WITHLABEL('CA') NOTAFTER(DATE(2036-12-31))");
    ok(&mut e, "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('leaf.example.com') OU('Web servers') O('Test Organisation')) NISTECC WITHLABEL('U1C') SIGNWITH(CERTAUTH LABEL('CA')) NOTAFTER(DATE(2034-12-31))");
    ok(
        &mut e,
        "RACDCERT ID(U1) EXPORT(LABEL('U1C')) DSN('U1.E.PKCS7DER') FORMAT(PKCS7DER)",
    );
    let o = ok(&mut e, "RACDCERT CHECKCERT('U1.E.PKCS7DER')");
    assert_eq!(
        o.lines,
        GOLDEN_ROOT_AND_LEAF
            .lines()
            .map(String::from)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_three_certificate_chain_is_listed_from_the_end_entity_up() {
    let mut e = engine();
    chain(&mut e);
    for format in ["PKCS7DER", "PKCS7B64"] {
        ok(
            &mut e,
            &format!("RACDCERT ID(U1) EXPORT(LABEL('SRV')) DSN('U1.{format}') FORMAT({format})"),
        );
        let o = ok(&mut e, &format!("RACDCERT CHECKCERT('U1.{format}')"));
        assert_eq!(
            labels(&o.lines),
            ["Label: SRV", "Label: MID", "Label: ROOT"],
            "{:?}",
            o.lines
        );
        let tail: Vec<&str> = o
            .lines
            .iter()
            .rev()
            .take(3)
            .rev()
            .map(|l| l.as_str())
            .collect();
        assert_eq!(
            tail,
            [
                "Chain information:",
                "  Chain contains 3 certificate(s), chain is complete",
                ""
            ]
        );
    }
}

#[test]
fn a_package_without_its_root_is_incomplete() {
    let mut e = engine();
    chain(&mut e);
    ok(
        &mut e,
        "RACDCERT ID(U1) EXPORT(LABEL('SRV')) DSN('U1.SRV.PEM') FORMAT(CERTB64)",
    );
    let o = ok(&mut e, "RACDCERT CHECKCERT('U1.SRV.PEM')");
    let tail: Vec<&str> = o
        .lines
        .iter()
        .rev()
        .take(3)
        .rev()
        .map(|l| l.as_str())
        .collect();
    assert_eq!(
        tail,
        [
            "Chain information:",
            "  Chain contains 1 certificate(s), chain is incomplete",
            ""
        ]
    );
}

/// The whole listing for the audit's case (C2): a CA and the certificate it signed, exported
/// as PKCS#7 (`RACDCERT CHECKCERT('U1.E.PKCS7DER')`). racemu used to list the CA first and
/// say "chain is incomplete". A PKCS#7 holds its certificates as a DER SET OF, sorted by
/// encoding; the leaf's longer name makes it sort after the CA, as in the audit's package.
const GOLDEN_ROOT_AND_LEAF: &str = "\
Certificate 1:
Digital certificate information for user U1:
  Label: U1C
  Certificate ID: 2QLk8eTxw0BA
  Status: TRUST
  Start Date: 2026/11/25 00:00:00
  End Date:   2034/12/31 23:59:59
  Serial Number:
       >01<
  Issuer's Name:
       >CN=My CA<
  Subject's Name:
       >CN=leaf.example.com.OU=Web servers.O=Test Organisation<
  Signing Algorithm: sha256ECDSA
  Key Type: NIST ECC
  Key Size: 256
  Private Key: YES
  Certificate Fingerprint (SHA256):
       FE:8B:9F:D3:BB:4B:F6:67:DE:28:66:03:DE:47:DB:79:
       4D:84:A2:CC:FF:B4:44:0F:9F:FA:D5:7E:7C:75:7F:2C
  Ring Associations:
    *** No rings associated ***

Certificate 2:
Digital certificate information for CERTAUTH:
  Label: CA
  Certificate ID: 2QiJmZmDhZmjgcPB
  Status: TRUST
  Start Date: 2026/11/25 00:00:00
  End Date:   2036/12/31 23:59:59
  Serial Number:
       >00<
  Issuer's Name:
       >CN=My CA<
  Subject's Name:
       >CN=My CA<
  Signing Algorithm: sha256ECDSA
  Key Usage: CERTSIGN
  Key Type: NIST ECC
  Key Size: 256
  Private Key: YES
  Certificate Fingerprint (SHA256):
       47:AD:0C:D7:5F:F3:F3:77:04:AF:EB:90:2A:A3:A4:0F:
       A0:F4:01:A6:30:9C:E0:30:05:E6:97:E0:07:21:EE:8C
  Ring Associations:
    *** No rings associated ***

Chain information:
  Chain contains 2 certificate(s), chain is complete

";

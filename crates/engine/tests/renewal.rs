//! ADD's certificate renewal rules, one store per test: when an added certificate replaces one
//! the owner already has (label, private key and ring connections kept) and when it does not.
//!
//! IBM, RACDCERT ADD, certificate renewal:
//! https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-add.htm

use racemu_engine::{Clock, Config, Engine, Output};
use racemu_store::Store;
use time::macros::datetime;

fn engine() -> Engine {
    let mut e = Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-11-25 10:00 UTC)),
        Config::default(),
    );
    ok(&mut e, "ADDUSER ALICE NAME('Alice')");
    ok(&mut e, "ADDUSER BOB NAME('Bob')");
    ok(
        &mut e,
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Test CA')) NISTECC WITHLABEL('CA') NOTAFTER(DATE(2030-01-01))",
    );
    e
}

fn ok(e: &mut Engine, cmd: &str) -> Output {
    let o = e.execute("IBMUSER", cmd);
    assert!(o.rc == 0, "{cmd}\n -> rc {} {:?}", o.rc, o.lines);
    o
}

/// (label, private key) of each certificate of an owner, from LIST.
fn certs(e: &mut Engine, owner: &str) -> Vec<(String, bool)> {
    let o = ok(e, &format!("RACDCERT {owner} LIST"));
    let mut out = Vec::new();
    for l in &o.lines {
        if let Some(label) = l.strip_prefix("  Label: ") {
            out.push((label.to_string(), false));
        }
        if l == "  Private Key: YES" {
            if let Some(last) = out.last_mut() {
                last.1 = true;
            }
        }
    }
    out
}

fn line_after(e: &mut Engine, cmd: &str, heading: &str) -> String {
    let o = ok(e, cmd);
    let i = o
        .lines
        .iter()
        .position(|l| l == heading)
        .expect("heading in LIST");
    o.lines[i + 1].clone()
}

/// ALICE's request for her key, signed by the RACF CA with the NOTAFTER given, written to
/// `dsn` as a certificate only (no private key) and gone from RACF again.
fn ca_signed(e: &mut Engine, notafter: &str, dsn: &str) {
    ok(
        e,
        "RACDCERT ID(ALICE) GENREQ(LABEL('mine')) DSN('ALICE.REQ')",
    );
    ok(
        e,
        &format!("RACDCERT CERTAUTH GENCERT('ALICE.REQ') SIGNWITH(CERTAUTH LABEL('CA')) WITHLABEL('tmp') NOTAFTER(DATE({notafter}))"),
    );
    ok(
        e,
        &format!("RACDCERT CERTAUTH EXPORT(LABEL('tmp')) DSN('{dsn}') FORMAT(CERTB64)"),
    );
    ok(e, "RACDCERT CERTAUTH DELETE(LABEL('tmp'))");
}

#[test]
fn same_public_key_with_private_key_is_replaced_keeping_label_key_and_rings() {
    let mut e = engine();
    ok(
        &mut e,
        "RACDCERT ID(ALICE) GENCERT SUBJECTSDN(CN('alice')) NISTECC WITHLABEL('mine')",
    );
    ok(&mut e, "RACDCERT ID(ALICE) ADDRING(R)");
    ok(
        &mut e,
        "RACDCERT ID(ALICE) CONNECT(LABEL('mine') RING(R) DEFAULT)",
    );
    ca_signed(&mut e, "2027-06-01", "ALICE.SIGNED");
    // A WITHLABEL naming another label does not make a second certificate.
    let o = ok(
        &mut e,
        "RACDCERT ID(ALICE) ADD('ALICE.SIGNED') WITHLABEL('other')",
    );
    assert_eq!(
        o.lines[0],
        "IRRD199I Certificate with label 'mine' is added for user ALICE."
    );
    assert_eq!(certs(&mut e, "ID(ALICE)"), [("mine".to_string(), true)]);
    assert_eq!(
        line_after(
            &mut e,
            "RACDCERT ID(ALICE) LIST(LABEL('mine'))",
            "  Issuer's Name:"
        ),
        "       >CN=Test CA<"
    );
    // Issued by a trusted RACF CA: TRUST without the keyword.
    assert!(ok(&mut e, "RACDCERT ID(ALICE) LIST(LABEL('mine'))")
        .lines
        .contains(&"  Status: TRUST".to_string()));
    let ring = ok(&mut e, "RACDCERT ID(ALICE) LISTRING(R)");
    assert!(ring.lines.contains(
        &"  mine                               ID(ALICE)      PERSONAL     YES".to_string()
    ));
}

#[test]
fn renewal_without_private_key_needs_same_names_and_later_end_date() {
    let mut e = engine();
    ok(
        &mut e,
        "RACDCERT ID(ALICE) GENCERT SUBJECTSDN(CN('alice')) NISTECC WITHLABEL('mine')",
    );
    ca_signed(&mut e, "2027-06-01", "ALICE.FIRST");
    ca_signed(&mut e, "2028-06-01", "ALICE.LATER");
    ca_signed(&mut e, "2027-03-01", "ALICE.EARLIER");
    // BOB holds the public certificate only (no private key).
    ok(
        &mut e,
        "RACDCERT ID(BOB) ADD('ALICE.FIRST') WITHLABEL('alice')",
    );
    // Same subject, issuer and key with a later end date: replaces BOB's certificate.
    let o = ok(&mut e, "RACDCERT ID(BOB) ADD('ALICE.LATER')");
    assert_eq!(
        o.lines[0],
        "IRRD199I Certificate with label 'alice' is added for user BOB."
    );
    assert_eq!(certs(&mut e, "ID(BOB)"), [("alice".to_string(), false)]);
    assert_eq!(
        line_after(
            &mut e,
            "RACDCERT ID(BOB) LIST(LABEL('alice'))",
            "  End Date:   2028/06/01 23:59:59"
        ),
        "  Serial Number:"
    );
    // An earlier end date is not a renewal: a second certificate.
    ok(&mut e, "RACDCERT ID(BOB) ADD('ALICE.EARLIER')");
    assert_eq!(
        certs(&mut e, "ID(BOB)"),
        [
            ("alice".to_string(), false),
            ("LABEL00000001".to_string(), false)
        ]
    );
}

#[test]
fn expired_certificate_is_not_renewed() {
    let mut e = engine();
    ok(
        &mut e,
        "RACDCERT ID(ALICE) GENCERT SUBJECTSDN(CN('alice')) NISTECC WITHLABEL('mine') NOTBEFORE(DATE(2020-01-01)) NOTAFTER(DATE(2021-01-01))",
    );
    ca_signed(&mut e, "2027-06-01", "ALICE.SIGNED");
    ok(&mut e, "RACDCERT ID(ALICE) ADD('ALICE.SIGNED')");
    assert_eq!(
        certs(&mut e, "ID(ALICE)"),
        [
            ("mine".to_string(), true),
            ("LABEL00000001".to_string(), false)
        ]
    );
}

#[test]
fn pkcs12_attaches_the_private_key_to_the_same_certificate() {
    let mut e = engine();
    ok(
        &mut e,
        "RACDCERT ID(ALICE) GENCERT SUBJECTSDN(CN('alice')) NISTECC WITHLABEL('mine')",
    );
    ok(
        &mut e,
        "RACDCERT ID(ALICE) EXPORT(LABEL('mine')) DSN('ALICE.P12') FORMAT(PKCS12DER) PASSWORD('secret')",
    );
    ok(
        &mut e,
        "RACDCERT ID(ALICE) EXPORT(LABEL('mine')) DSN('ALICE.PEM') FORMAT(CERTB64)",
    );
    ok(&mut e, "RACDCERT ID(ALICE) DELETE(LABEL('mine'))");
    ok(
        &mut e,
        "RACDCERT ID(BOB) ADD('ALICE.PEM') WITHLABEL('pub') NOTRUST",
    );
    assert_eq!(certs(&mut e, "ID(BOB)"), [("pub".to_string(), false)]);
    // The same certificate again without its key and without its label: IRRD109I as before.
    let o = e.execute("IBMUSER", "RACDCERT ID(BOB) ADD('ALICE.PEM')");
    assert_eq!(o.rc, 8);
    assert!(o.lines[0].starts_with("IRRD109I The certificate cannot be added."));
    // The same certificate under its own label: replaced, status kept.
    ok(&mut e, "RACDCERT ID(BOB) ADD('ALICE.PEM') WITHLABEL('pub')");
    // The PKCS#12 brings the key: attached to the certificate RACF has.
    let o = ok(
        &mut e,
        "RACDCERT ID(BOB) ADD('ALICE.P12') PASSWORD('secret')",
    );
    assert_eq!(
        o.lines[0],
        "IRRD199I Certificate with label 'pub' is added for user BOB."
    );
    assert_eq!(certs(&mut e, "ID(BOB)"), [("pub".to_string(), true)]);
    assert!(ok(&mut e, "RACDCERT ID(BOB) LIST(LABEL('pub'))")
        .lines
        .contains(&"  Status: NOTRUST".to_string()));
}

//! Rules IBM's pages at hand leave open and racemu settles (docs/fidelity.md, "Behaviour
//! choices" and "Return codes"): the status of a certificate GENCERT signs, NOTAFTER past the
//! signer's end, HIGHTRUST on user and SITE certificates, and the RC of "not found" messages.

use racemu_engine::{Clock, Config, Engine, Output};
use racemu_store::Store;
use time::macros::datetime;

fn engine() -> Engine {
    let mut e = Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-11-25 10:00 UTC)),
        Config::default(),
    );
    ok(&mut e, "ADDUSER U1 NAME('U one')");
    ok(
        &mut e,
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) NISTECC WITHLABEL('CA') NOTAFTER(DATE(2027-01-01))",
    );
    e
}

fn ok(e: &mut Engine, cmd: &str) -> Output {
    let o = e.execute("IBMUSER", cmd);
    assert!(o.rc == 0, "{cmd}\n -> rc {} {:?}", o.rc, o.lines);
    o
}

/// The `Status:` line LIST shows for a certificate.
fn status(e: &mut Engine, owner: &str, label: &str) -> String {
    let o = ok(e, &format!("RACDCERT {owner} LIST(LABEL('{label}'))"));
    o.lines
        .iter()
        .find(|l| l.starts_with("  Status: "))
        .cloned()
        .expect("Status line")
}

/// IBM's GENCERT page (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-gencert.htm)
/// says nothing readable about a NOTRUST or expired signer: racemu signs and, without a status
/// keyword, gives the new certificate NOTRUST, the rule ADD applies to a certificate whose
/// issuer is NOTRUST or expired.
#[test]
fn signer_notrust_or_expired_makes_the_new_certificate_notrust() {
    let mut e = engine();
    ok(
        &mut e,
        "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('a')) NISTECC WITHLABEL('a') SIGNWITH(CERTAUTH LABEL('CA'))",
    );
    assert_eq!(status(&mut e, "ID(U1)", "a"), "  Status: TRUST");
    ok(&mut e, "RACDCERT CERTAUTH ALTER(LABEL('CA')) NOTRUST");
    ok(
        &mut e,
        "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('b')) NISTECC WITHLABEL('b') SIGNWITH(CERTAUTH LABEL('CA'))",
    );
    assert_eq!(status(&mut e, "ID(U1)", "b"), "  Status: NOTRUST");
    // A status keyword is taken as given.
    ok(
        &mut e,
        "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('c')) NISTECC WITHLABEL('c') SIGNWITH(CERTAUTH LABEL('CA')) TRUST",
    );
    assert_eq!(status(&mut e, "ID(U1)", "c"), "  Status: TRUST");
    // GENCERT of a request follows the same rule.
    ok(&mut e, "RACDCERT ID(U1) GENREQ(LABEL('a')) DSN('U1.REQ')");
    ok(&mut e, "RACDCERT ID(U1) DELETE(LABEL('a'))");
    ok(
        &mut e,
        "RACDCERT ID(U1) GENCERT('U1.REQ') SIGNWITH(CERTAUTH LABEL('CA')) WITHLABEL('r')",
    );
    assert_eq!(status(&mut e, "ID(U1)", "r"), "  Status: NOTRUST");
    // An expired signer.
    ok(
        &mut e,
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Old CA')) NISTECC WITHLABEL('OLD') NOTBEFORE(DATE(2020-01-01)) NOTAFTER(DATE(2021-01-01))",
    );
    ok(
        &mut e,
        "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('d')) NISTECC WITHLABEL('d') SIGNWITH(CERTAUTH LABEL('OLD'))",
    );
    assert_eq!(status(&mut e, "ID(U1)", "d"), "  Status: NOTRUST");
}

/// No IBM text read limits NOTAFTER to the signer's end date: racemu issues the certificate
/// with the NOTAFTER given (X.509 allows it; a chain check fails once the signer expires).
#[test]
fn notafter_past_the_signer_is_kept() {
    let mut e = engine();
    ok(
        &mut e,
        "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('a')) NISTECC WITHLABEL('a') SIGNWITH(CERTAUTH LABEL('CA')) NOTAFTER(DATE(2030-01-01))",
    );
    let o = ok(&mut e, "RACDCERT ID(U1) LIST(LABEL('a'))");
    assert!(o
        .lines
        .contains(&"  End Date:   2030/01/01 23:59:59".to_string()));
}

/// HIGHTRUST is a certificate-authority status (IBM's LIST page lists "Status (trusted, not
/// trusted, or highly trusted)",
/// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-list.htm;
/// no IBM text read gives it a meaning for other certificates): racemu stores TRUST when
/// HIGHTRUST is given for a user or SITE certificate, on GENCERT, ADD and ALTER.
#[test]
fn hightrust_is_for_certauth_only() {
    let mut e = engine();
    ok(&mut e, "RACDCERT CERTAUTH ALTER(LABEL('CA')) HIGHTRUST");
    assert_eq!(status(&mut e, "CERTAUTH", "CA"), "  Status: HIGHTRUST");
    ok(
        &mut e,
        "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('a')) NISTECC WITHLABEL('a') HIGHTRUST",
    );
    assert_eq!(status(&mut e, "ID(U1)", "a"), "  Status: TRUST");
    ok(&mut e, "RACDCERT ID(U1) ALTER(LABEL('a')) NOTRUST");
    ok(&mut e, "RACDCERT ID(U1) ALTER(LABEL('a')) HIGHTRUST");
    assert_eq!(status(&mut e, "ID(U1)", "a"), "  Status: TRUST");
    ok(
        &mut e,
        "RACDCERT SITE GENCERT SUBJECTSDN(CN('s')) NISTECC WITHLABEL('s') HIGHTRUST",
    );
    assert_eq!(status(&mut e, "SITE", "s"), "  Status: TRUST");
    ok(
        &mut e,
        "RACDCERT SITE EXPORT(LABEL('s')) DSN('S.PEM') FORMAT(CERTB64)",
    );
    ok(&mut e, "RACDCERT SITE DELETE(LABEL('s'))");
    ok(
        &mut e,
        "RACDCERT ID(U1) ADD('S.PEM') WITHLABEL('s') HIGHTRUST",
    );
    assert_eq!(status(&mut e, "ID(U1)", "s"), "  Status: TRUST");
}

/// No IBM return-code table for RACDCERT was found: racemu's one rule is RC 4 when a listing
/// function (LIST, LISTCHAIN, LISTRING) has nothing to show, RC 8 when a function that changes
/// or writes something cannot find what it names (docs/fidelity.md).
#[test]
fn not_found_is_rc_4_for_listings_and_8_for_changes() {
    let mut e = engine();
    ok(&mut e, "RACDCERT ID(U1) ADDRING(R)");
    for (cmd, first, rc) in [
        ("RACDCERT ID(U1) LIST(LABEL('none'))", "IRRD107I", 4),
        ("RACDCERT ID(U1) LISTCHAIN(LABEL('none'))", "IRRD107I", 4),
        ("RACDCERT ID(U1) LISTRING(NONE)", "IRRD114I", 4),
        ("RACDCERT ID(U1) DELRING(NONE)", "IRRD114I", 8),
        (
            "RACDCERT ID(U1) CONNECT(LABEL('none') RING(R))",
            "IRRD107I",
            8,
        ),
        (
            "RACDCERT ID(U1) CONNECT(CERTAUTH LABEL('CA') RING(NONE))",
            "IRRD114I",
            8,
        ),
        (
            "RACDCERT ID(U1) REMOVE(CERTAUTH LABEL('CA') RING(NONE))",
            "IRRD114I",
            8,
        ),
        (
            "RACDCERT ID(U1) ALTER(LABEL('none')) NOTRUST",
            "IRRD107I",
            8,
        ),
        ("RACDCERT ID(U1) DELETE(LABEL('none'))", "IRRD107I", 8),
        (
            "RACDCERT ID(U1) EXPORT(LABEL('none')) DSN('X.PEM')",
            "IRRD107I",
            8,
        ),
    ] {
        let o = e.execute("IBMUSER", cmd);
        assert!(
            o.lines.first().is_some_and(|l| l.starts_with(first)),
            "{cmd}: {:?}",
            o.lines
        );
        assert_eq!(o.rc, rc, "{cmd}");
    }
}

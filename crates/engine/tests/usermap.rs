//! RACF's certificate-to-user lookup, in RACF's order, with client certificates made by
//! openssl as an outside CA (z/OS Explorer, authentication by your security software,
//! <https://www.ibm.com/docs/en/explorer-for-zos/3.2?topic=certificates-authentication-by-your-security-software>;
//! Security Administrator's Guide, gendet.htm and dighost.htm).

mod common;

use common::{engine, ok, put_dataset, OutsideCa};
use racemu_engine::maps::lookup::{Decision, FilterStep, LookupError};
use racemu_engine::Engine;

const SUBJ: &str = "/C=US/O=Example/OU=Sales/CN=alice";
const CA: &str = "/C=US/O=Example/OU=Issuing CA/CN=Example CA";
const SUBJECT: &str = "CN=alice.OU=Sales.O=Example.C=US";
const ISSUER: &str = "CN=Example CA.OU=Issuing CA.O=Example.C=US";

fn setup() -> (Engine, OutsideCa, Vec<u8>) {
    let mut e = engine();
    for u in ["WEBUSER", "ALICE", "BOB", "ROYALID", "INVID", "SRV"] {
        ok(&mut e, &format!("ADDUSER {u}"));
    }
    ok(&mut e, "SETROPTS CLASSACT(DIGTNMAP)");
    let mut ca = OutsideCa::new(CA);
    let der = ca.client(SUBJ, None);
    (e, ca, der)
}

fn user(e: &Engine, der: &[u8]) -> Option<String> {
    e.user_for_certificate(der, None, "SYS1", "SRV")
        .expect("lookup")
        .user
}

fn step(e: &Engine, der: &[u8]) -> (Option<String>, Option<FilterStep>, String) {
    let m = e
        .user_for_certificate(der, None, "SYS1", "SRV")
        .expect("lookup");
    let st = match &m.decision {
        Decision::Filter { step, .. } => Some(*step),
        _ => None,
    };
    (m.user.clone(), st, m.explain())
}

/// Subject plus issuer beats subject alone, which beats issuer; partial subject steps drop
/// the most specific RDN (gendet.htm: the six steps).
#[test]
fn six_step_order() {
    let (mut e, _ca, der) = setup();
    ok(
        &mut e,
        "RACDCERT ID(INVID) MAP IDNFILTER('O=Example.C=US') WITHLABEL('i6')",
    );
    assert_eq!(step(&e, &der).1, Some(FilterStep::PartialIssuer));
    ok(
        &mut e,
        &format!("RACDCERT ID(ROYALID) MAP IDNFILTER('{ISSUER}') WITHLABEL('i5')"),
    );
    assert_eq!(step(&e, &der).1, Some(FilterStep::Issuer));
    ok(
        &mut e,
        "RACDCERT ID(BOB) MAP SDNFILTER('O=Example.C=US') WITHLABEL('s4')",
    );
    assert_eq!(step(&e, &der).1, Some(FilterStep::PartialSubject));
    ok(
        &mut e,
        &format!("RACDCERT ID(ALICE) MAP SDNFILTER('{SUBJECT}') WITHLABEL('s3')"),
    );
    assert_eq!(step(&e, &der).1, Some(FilterStep::Subject));
    ok(&mut e, &format!("RACDCERT ID(WEBUSER) MAP SDNFILTER('OU=Sales.O=Example.C=US') IDNFILTER('{ISSUER}') WITHLABEL('s2')"));
    let (u, st, why) = step(&e, &der);
    assert_eq!(
        (u.as_deref(), st),
        (Some("WEBUSER"), Some(FilterStep::PartialSubjectIssuer))
    );
    assert!(why.contains("'s2'") && why.contains("step 2"), "{why}");
    ok(
        &mut e,
        &format!(
            "RACDCERT ID(BOB) MAP SDNFILTER('{SUBJECT}') IDNFILTER('{ISSUER}') WITHLABEL('s1')"
        ),
    );
    assert_eq!(step(&e, &der).0.as_deref(), Some("BOB"));
    // A NOTRUST filter found first maps to no one: no fall-back to less specific filters.
    ok(&mut e, "RACDCERT ID(BOB) ALTMAP(LABEL('s1')) NOTRUST");
    assert_eq!(step(&e, &der).0, None);
}

/// A registered certificate beats a filter; a NOTRUST registered certificate stops the
/// lookup; a CERTAUTH certificate is no user's identity.
#[test]
fn registered_certificate_first() {
    let (mut e, ca, der) = setup();
    ok(
        &mut e,
        &format!("RACDCERT ID(ALICE) MAP SDNFILTER('{SUBJECT}') WITHLABEL('f')"),
    );
    assert_eq!(user(&e, &der).as_deref(), Some("ALICE"));
    let pem = pem_of(&der);
    put_dataset(&mut e, "BOB.CLIENT.PEM", pem);
    ok(
        &mut e,
        "RACDCERT ID(BOB) ADD('BOB.CLIENT.PEM') WITHLABEL('bobs') TRUST",
    );
    let m = e
        .user_for_certificate(&der, None, "SYS1", "SRV")
        .expect("lookup");
    assert_eq!(m.user.as_deref(), Some("BOB"));
    assert!(m.explain().contains("registered to BOB"), "{}", m.explain());
    ok(&mut e, "RACDCERT ID(BOB) ALTER(LABEL('bobs')) NOTRUST");
    assert_eq!(user(&e, &der), None);
    ok(&mut e, "RACDCERT ID(BOB) DELETE(LABEL('bobs'))");
    assert_eq!(user(&e, &der).as_deref(), Some("ALICE"));
    put_dataset(&mut e, "IBMUSER.CA.PEM", ca.pem());
    ok(
        &mut e,
        "RACDCERT CERTAUTH ADD('IBMUSER.CA.PEM') WITHLABEL('ca') TRUST",
    );
    let ca_der = der_of(&ca.pem());
    let m = e
        .user_for_certificate(&ca_der, None, "SYS1", "SRV")
        .expect("lookup");
    assert_eq!(m.user, None);
    assert!(
        m.explain().contains("no user's identity"),
        "{}",
        m.explain()
    );
}

/// MULTIID: two DIGTCRIT profiles give two users by APPLID (SAG additional-criteria example,
/// <https://www.ibm.com/docs/en/zos/2.5.0?topic=criteria-example>).
#[test]
fn multiid_by_applid() {
    let (mut e, _ca, der) = setup();
    ok(&mut e, &format!("RACDCERT MULTIID MAP WITHLABEL('All') TRUST IDNFILTER('{ISSUER}') CRITERIA(APPLID=&APPLID)"));
    ok(&mut e, "RDEFINE DIGTCRIT APPLID=EROYAL APPLDATA(ROYALID)");
    ok(&mut e, "RDEFINE DIGTCRIT APPLID=EINV APPLDATA(INVID)");
    let u = |appl: Option<&str>| {
        e.user_for_certificate(&der, appl, "SYS1", "SRV")
            .expect("lookup")
            .user
    };
    assert_eq!(u(Some("EROYAL")).as_deref(), Some("ROYALID"));
    assert_eq!(u(Some("einv")).as_deref(), Some("INVID"));
    assert_eq!(u(Some("OTHER")), None);
    assert_eq!(u(None), None);
}

/// Filters count only while DIGTNMAP is active; while it is RACLISTed a change waits for
/// SETROPTS RACLIST(DIGTNMAP) REFRESH, and so does DIGTCRIT's.
#[test]
fn activation_and_refresh() {
    let (mut e, _ca, der) = setup();
    ok(&mut e, "SETROPTS NOCLASSACT(DIGTNMAP)");
    ok(
        &mut e,
        &format!("RACDCERT ID(ALICE) MAP SDNFILTER('{SUBJECT}') WITHLABEL('f')"),
    );
    let m = e
        .user_for_certificate(&der, None, "SYS1", "SRV")
        .expect("lookup");
    assert_eq!(m.user, None);
    assert!(
        m.explain().contains("DIGTNMAP is not active"),
        "{}",
        m.explain()
    );
    ok(&mut e, "SETROPTS CLASSACT(DIGTNMAP) RACLIST(DIGTNMAP)");
    assert_eq!(user(&e, &der).as_deref(), Some("ALICE"));
    ok(&mut e, "RACDCERT ID(ALICE) ALTMAP(LABEL('f')) NOTRUST");
    assert_eq!(
        user(&e, &der).as_deref(),
        Some("ALICE"),
        "waits for the refresh"
    );
    ok(&mut e, "SETROPTS RACLIST(DIGTNMAP) REFRESH");
    assert_eq!(user(&e, &der), None);
    // DIGTCRIT's APPLDATA too.
    ok(&mut e, "RACDCERT ID(ALICE) DELMAP");
    ok(
        &mut e,
        &format!("RACDCERT MULTIID MAP IDNFILTER('{ISSUER}') CRITERIA(APPLID=&APPLID)"),
    );
    ok(&mut e, "SETROPTS RACLIST(DIGTNMAP) REFRESH");
    ok(&mut e, "RDEFINE DIGTCRIT APPLID=EROYAL APPLDATA(ROYALID)");
    ok(&mut e, "SETROPTS CLASSACT(DIGTCRIT) RACLIST(DIGTCRIT)");
    ok(&mut e, "RALTER DIGTCRIT APPLID=EROYAL APPLDATA(INVID)");
    let u = |e: &Engine| {
        e.user_for_certificate(&der, Some("EROYAL"), "SYS1", "SRV")
            .expect("lookup")
            .user
    };
    assert_eq!(u(&e).as_deref(), Some("ROYALID"));
    ok(&mut e, "SETROPTS RACLIST(DIGTCRIT) REFRESH");
    assert_eq!(u(&e).as_deref(), Some("INVID"));
}

/// The hostIdMappings extension (OID 1.3.18.0.2.18.1), made by openssl: honoured only when
/// the issuing CA is HIGHTRUST and the server has READ to SERVAUTH IRR.HOST.<host>
/// (<https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/dighost.htm>).
#[test]
fn host_id_mappings() {
    let (mut e, mut ca, _) = setup();
    let ext = "[ext]\n1.3.18.0.2.18.1 = ASN1:SET:hostids\n[hostids]\nm1 = SEQUENCE:mapping\n[mapping]\nhost = IA5STRING:mvsdsn1\nuser = IA5STRING:webuser\n";
    let der = ca.client("/C=US/O=Example/CN=hostid client", Some(ext));
    let why = |e: &Engine| {
        let m = e
            .user_for_certificate(&der, None, "SYS1", "SRV")
            .expect("lookup");
        (m.user.clone(), m.explain())
    };
    assert!(why(&e).1.contains("not HIGHTRUST"), "{:?}", why(&e));
    put_dataset(&mut e, "IBMUSER.CA.PEM", ca.pem());
    ok(
        &mut e,
        "RACDCERT CERTAUTH ADD('IBMUSER.CA.PEM') WITHLABEL('ca') HIGHTRUST",
    );
    let (u, text) = why(&e);
    assert_eq!(u, None);
    assert!(
        text.contains("no READ access to SERVAUTH IRR.HOST.MVSDSN1"),
        "{text}"
    );
    ok(&mut e, "RDEFINE SERVAUTH IRR.HOST.MVSDSN1 UACC(NONE)");
    ok(
        &mut e,
        "PERMIT IRR.HOST.MVSDSN1 CLASS(SERVAUTH) ID(SRV) ACCESS(READ)",
    );
    ok(&mut e, "SETROPTS CLASSACT(SERVAUTH)");
    assert_eq!(why(&e).0.as_deref(), Some("WEBUSER"));
    // Another server without the access gets no one.
    let m = e
        .user_for_certificate(&der, None, "SYS1", "BOB")
        .expect("lookup");
    assert_eq!(m.user, None);
}

/// R_usermap: the caller needs READ to FACILITY IRR.RUSERMAP; no profile refuses.
#[test]
fn usermap_needs_irr_rusermap() {
    let (mut e, _ca, der) = setup();
    ok(
        &mut e,
        &format!("RACDCERT ID(ALICE) MAP SDNFILTER('{SUBJECT}')"),
    );
    assert!(matches!(
        e.usermap(&der, None, "SYS1", "SRV"),
        Err(LookupError::Refused(_))
    ));
    ok(&mut e, "RDEFINE FACILITY IRR.RUSERMAP UACC(NONE)");
    ok(
        &mut e,
        "PERMIT IRR.RUSERMAP CLASS(FACILITY) ID(SRV) ACCESS(READ)",
    );
    ok(&mut e, "SETROPTS RACLIST(FACILITY) REFRESH");
    assert_eq!(
        e.usermap(&der, None, "SYS1", "SRV")
            .expect("lookup")
            .user
            .as_deref(),
        Some("ALICE")
    );
    assert!(matches!(
        e.usermap(b"junk", None, "SYS1", "SRV"),
        Err(LookupError::NotACertificate)
    ));
}

/// `cert` converted by `openssl x509` from `inform` to `outform` (DER, PEM).
fn openssl_x509(cert: &[u8], inform: &str, outform: &str) -> Vec<u8> {
    use std::io::Write;
    let mut child = std::process::Command::new("openssl")
        .args(["x509", "-inform", inform, "-outform", outform])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("openssl");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(cert)
        .expect("write");
    child.wait_with_output().expect("openssl").stdout
}

fn pem_of(der: &[u8]) -> Vec<u8> {
    openssl_x509(der, "DER", "PEM")
}

fn der_of(pem: &[u8]) -> Vec<u8> {
    openssl_x509(pem, "PEM", "DER")
}

//! A certificate logon (what initACEE answers a server that logs a client on with its
//! certificate: Security Administrator's Guide, initACEE (IRRSIA00) callable service,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/diginit.htm>):
//! the mapped user must be defined and not revoked; the password does not matter. And the
//! routes by which a CA's certificates can map, which the AT-TLS doctor reports on.

mod common;

use common::{engine, ok, put_dataset, OutsideCa};
use racemu_engine::logon::Logon;
use racemu_engine::maps::logon::{CertificateLogon, LogonServer};
use racemu_engine::maps::routes::mapping_routes;
use racemu_racf::TrustStatus;

const ISSUER: &str = "CN=Example CA.O=Example.C=US";

#[test]
fn a_mapped_user_logs_on_whatever_the_password_and_not_when_revoked_or_undefined() {
    let mut e = engine();
    let mut ca = OutsideCa::new("/C=US/O=Example/CN=Example CA");
    let alice = ca.client("/C=US/O=Example/CN=alice", None);
    let bob = ca.client("/C=US/O=Example/CN=bob", None);
    ok(&mut e, "ADDUSER ALICE");
    // An expired password (ALTUSER PASSWORD sets an expired one) does not matter.
    ok(&mut e, "ALTUSER ALICE PASSWORD(SECRET1)");
    ok(&mut e, "SETROPTS CLASSACT(DIGTNMAP)");
    ok(
        &mut e,
        "RACDCERT ID(ALICE) MAP SDNFILTER('CN=alice.O=Example.C=US') WITHLABEL('alice')",
    );
    let logon = |e: &racemu_engine::Engine, der: &[u8], appl: Option<&str>| {
        let who = LogonServer {
            server: "SRV".into(),
            appl: appl.map(str::to_string),
            sysid: "SYS1".into(),
        };
        e.certificate_logon(der, &who).expect("logon")
    };
    let l = logon(&e, &alice, None);
    assert_eq!(l.user(), Some("ALICE"));
    assert!(
        l.explain()
            .starts_with("logged on as ALICE: certificate name filter 'alice'"),
        "{}",
        l.explain()
    );
    assert!(matches!(logon(&e, &bob, None), CertificateLogon::NoUser(_)));
    ok(&mut e, "ALTUSER ALICE REVOKE");
    let l = logon(&e, &alice, None);
    assert!(
        matches!(&l, CertificateLogon::Refused { user, logon: Logon::Revoked, .. } if user == "ALICE"),
        "{l:?}"
    );
    assert!(
        l.explain().starts_with("ALICE is revoked; "),
        "{}",
        l.explain()
    );
    ok(&mut e, "ALTUSER ALICE RESUME");
    assert_eq!(logon(&e, &alice, None).user(), Some("ALICE"));
    // A MULTIID criteria profile may name a user RACF does not know.
    ok(
        &mut e,
        &format!(
            "RACDCERT MULTIID MAP WITHLABEL('apps') IDNFILTER('{ISSUER}') CRITERIA(APPLID=&APPLID)"
        ),
    );
    ok(&mut e, "RDEFINE DIGTCRIT APPLID=GHOSTAPP APPLDATA(GHOST)");
    let l = logon(&e, &bob, Some("GHOSTAPP"));
    assert!(
        matches!(&l, CertificateLogon::Refused { user, logon: Logon::NotDefined, .. } if user == "GHOST"),
        "{l:?}"
    );
    assert!(
        l.explain().starts_with("GHOST is not defined to RACF; "),
        "{}",
        l.explain()
    );
}

#[test]
fn the_routes_of_a_cas_certificates_are_registrations_filters_and_hightrust() {
    let mut e = engine();
    let mut ca = OutsideCa::new("/C=US/O=Example/CN=Example CA");
    let routes = |e: &racemu_engine::Engine, status: TrustStatus| {
        e.store()
            .read(|tx| mapping_routes(tx, ISSUER, status))
            .expect("routes")
    };
    let r = routes(&e, TrustStatus::Trust);
    assert!(!r.any(), "{r:?}");
    assert!(routes(&e, TrustStatus::HighTrust).any());
    // A filter on a less specific part of the CA's name can match its certificates; one on
    // another issuer cannot. It counts only while DIGTNMAP is active.
    ok(&mut e, "ADDUSER ALICE");
    ok(
        &mut e,
        "RACDCERT ID(ALICE) MAP IDNFILTER('O=Example.C=US') WITHLABEL('ex')",
    );
    ok(
        &mut e,
        "RACDCERT ID(ALICE) MAP IDNFILTER('O=Other.C=US') WITHLABEL('other')",
    );
    let r = routes(&e, TrustStatus::Trust);
    assert_eq!(
        (r.filters.clone(), r.filters_active, r.any()),
        (vec!["ALICE.ex".to_string()], false, false)
    );
    ok(&mut e, "SETROPTS CLASSACT(DIGTNMAP)");
    assert!(routes(&e, TrustStatus::Trust).any());
    ok(&mut e, "SETROPTS NOCLASSACT(DIGTNMAP)");
    // A user certificate the CA signed, registered TRUST.
    let der = ca.client("/C=US/O=Example/CN=alice", None);
    put_dataset(&mut e, "IBMUSER.ALICE.DER", der);
    ok(
        &mut e,
        "RACDCERT ID(ALICE) ADD('IBMUSER.ALICE.DER') WITHLABEL('alice') TRUST",
    );
    let r = routes(&e, TrustStatus::Trust);
    assert_eq!(
        r.registered,
        vec![("ALICE".to_string(), "alice".to_string())]
    );
    assert!(r.any());
}

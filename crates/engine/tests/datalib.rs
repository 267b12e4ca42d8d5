//! R_datalib's rules as the engine's operation (`Engine::open_ring`): which user opens which
//! ring, whose private keys are released, what NOTRUST hides, and the return and reason codes
//! of a refusal (RACF Callable Services, R_datalib, "RACF authorization",
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.ichd100/dlibauth.htm>;
//! "Return and reason codes",
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.ichd100/ich2d100238.htm>).

use racemu_engine::datalib::{AccessPath, DatalibError, StatusFilter};
use racemu_engine::{messages as m, Clock, Config, Engine};
use racemu_racf::{Access, Owner, TrustStatus, Usage};
use racemu_store::Store;
use time::macros::datetime;

const SETUP: &[&str] = &[
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Ring CA')) NISTECC WITHLABEL('RingCA')",
    "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('server')) NISTECC WITHLABEL('server') SIGNWITH(CERTAUTH LABEL('RingCA'))",
    "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('distrusted')) NISTECC WITHLABEL('bad') NOTRUST",
    "RACDCERT ID(SRV) ADDRING(Ring)",
    "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('RingCA') RING(Ring))",
    "RACDCERT ID(SRV) CONNECT(LABEL('server') RING(Ring) DEFAULT)",
    "RACDCERT ID(SRV) CONNECT(LABEL('bad') RING(Ring))",
    "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
    "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)",
    "SETROPTS RACLIST(FACILITY) REFRESH",
    "SETROPTS RACLIST(DIGTCERT) REFRESH",
    "SETROPTS RACLIST(DIGTRING) REFRESH",
];

fn engine() -> Engine {
    let mut e = Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-11-25 10:00 UTC)),
        Config::default(),
    );
    for cmd in SETUP {
        let o = e.execute("IBMUSER", cmd);
        assert_eq!(o.rc, 0, "{cmd}: {:?}", o.lines);
    }
    e
}

fn refused(e: &mut Engine, caller: &str, owner: Option<&str>, ring: &str) -> DatalibError {
    e.open_ring(caller, owner, ring, StatusFilter::Trusted)
        .expect_err("refused")
}

/// The owner opens its own ring through FACILITY: its own key is released, the CERTAUTH
/// certificate's is not (USAGE(CERTAUTH)), the NOTRUST one is left out unless any status is
/// asked for; usage and status come back as RACF's nouns.
#[test]
fn own_ring_releases_own_key_and_hides_notrust() {
    let mut e = engine();
    let v = e
        .open_ring("srv", None, "Ring", StatusFilter::Trusted)
        .expect("own ring");
    assert_eq!((v.owner.as_str(), v.caller.as_str()), ("SRV", "SRV"));
    assert_eq!(v.access, AccessPath::Facility);
    let got: Vec<(&str, Usage, TrustStatus, bool, bool)> = v
        .entries
        .iter()
        .map(|x| {
            (
                x.label.as_str(),
                x.usage,
                x.status,
                x.default,
                x.private_key.is_some(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("RingCA", Usage::CertAuth, TrustStatus::Trust, false, false),
            ("server", Usage::Personal, TrustStatus::Trust, true, true),
        ]
    );
    assert_eq!(v.filtered.len(), 1);
    assert_eq!(v.filtered[0].label, "bad");
    assert_eq!(v.filtered[0].status, TrustStatus::NoTrust);
    assert!(v.stale.is_empty(), "{:?}", v.stale);
    let any = e
        .open_ring("SRV", Some("SRV"), "Ring", StatusFilter::Any)
        .expect("any status");
    assert_eq!(any.entries.len(), 3);
    let trusted = any.trusted();
    let labels = |v: &racemu_engine::datalib::RingView| -> Vec<String> {
        v.entries.iter().map(|x| x.label.clone()).collect()
    };
    assert_eq!(
        labels(&trusted),
        labels(&v),
        "trusted() is the Trusted filter"
    );
    assert_eq!(trusted.filtered.len(), 1);
}

/// Another user's ring under global checking needs UPDATE to IRR.DIGTCERT.LISTRING: 8/8/8,
/// with the decision path and the narrower ring-specific fix.
#[test]
fn another_users_ring_is_refused_with_the_decision_path() {
    let mut e = engine();
    let err = refused(&mut e, "OTHER", Some("SRV"), "Ring");
    assert_eq!((err.saf_rc, err.racf_rc, err.racf_reason), (8, 8, 8));
    assert!(err.is_not_authorized());
    assert_eq!(
        err.description,
        "not RACF authorized to use the requested service"
    );
    let d = err.decision.expect("decision");
    assert_eq!(
        (d.class, d.resource.as_str()),
        ("FACILITY", "IRR.DIGTCERT.LISTRING")
    );
    assert_eq!((d.found, d.needed), (Access::None, Access::Update));
    assert_eq!(
        d.fix,
        [
            "RDEFINE RDATALIB SRV.RING.LST UACC(NONE)",
            "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)",
            "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(SRV) ACCESS(READ)",
            "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
        ]
    );
}

/// Ring-specific checking: once RDATALIB covers the ring, UPDATE to it opens the ring and
/// releases the owner's key to another user; CONTROL also releases the CERTAUTH key when it
/// is connected PERSONAL (here it is not, so no key).
#[test]
fn rdatalib_update_releases_another_users_key() {
    let mut e = engine();
    for cmd in [
        "RDEFINE RDATALIB SRV.RING.LST UACC(NONE)",
        "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)",
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
    ] {
        assert_eq!(e.execute("IBMUSER", cmd).rc, 0, "{cmd}");
    }
    let v = e
        .open_ring("OTHER", Some("SRV"), "Ring", StatusFilter::Trusted)
        .expect("UPDATE opens");
    assert_eq!(v.access, AccessPath::Rdatalib("SRV.RING.LST".into()));
    let server = v.entry(None).expect("default");
    assert_eq!(server.owner, Owner::User("SRV".into()));
    assert!(server.private_key.is_some());
    assert!(v.entry(Some("RingCA")).expect("ca").private_key.is_none());
    // SRV itself is not on the access list: ring-specific checking alone decides now.
    let err = refused(&mut e, "SRV", None, "Ring");
    assert_eq!(err.racf_reason, 8);
    assert_eq!(err.decision.expect("decision").class, "RDATALIB");
}

/// A ring that does not exist (names are case sensitive) is 8/8/84; a reference that names no
/// ring is 8/8/28; an empty answer is 8/8/44, with IBM's descriptions.
#[test]
fn not_found_bad_reference_and_empty_codes() {
    let mut e = engine();
    let err = refused(&mut e, "SRV", None, "ring");
    assert_eq!((err.saf_rc, err.racf_rc, err.racf_reason), (8, 8, 84));
    assert_eq!(
        err.to_string(),
        "R_datalib (IRRSDL00) error: profile for ring not found (8, 8, 84). SRV has no ring named ring (ring names are case sensitive)."
    );
    assert_eq!(
        DatalibError::bad_reference("http://x").to_string(),
        "R_datalib (IRRSDL00) error: error in Ring_name or RACF_userid parameter (8, 8, 28). \"http://x\" is not a ring reference."
    );
    assert_eq!(DatalibError::empty("Empty").racf_reason, 44);
    assert!(!DatalibError::empty("Empty").is_not_authorized());
}

/// Virtual rings: `*AUTH*/*` holds the CERTAUTH certificates with USAGE(CERTAUTH); a user's
/// `OWNER/*` its own certificates as PERSONAL.
#[test]
fn virtual_rings_take_their_usage_from_the_owner() {
    let mut e = engine();
    let v = e
        .open_ring("SRV", Some("*AUTH*"), "*", StatusFilter::Trusted)
        .expect("CERTAUTH virtual ring");
    assert_eq!(v.owner, "CERTAUTH");
    assert_eq!(v.entries.len(), 1);
    assert_eq!(v.entries[0].usage, Usage::CertAuth);
    let v = e
        .open_ring("SRV", Some("SRV"), "*", StatusFilter::Trusted)
        .expect("own virtual ring");
    let labels: Vec<&str> = v.entries.iter().map(|x| x.label.as_str()).collect();
    assert_eq!(labels, ["server"]);
    assert!(v.entries.iter().all(|x| x.usage == Usage::Personal));
}

/// A ring changed after the last DIGTRING refresh carries the catalogue's RCM213W.
#[test]
fn stale_ring_image_warns_from_the_catalogue() {
    let mut e = engine();
    assert_eq!(
        e.execute("IBMUSER", "SETROPTS RACLIST(DIGTRING) REFRESH")
            .rc,
        0
    );
    assert_eq!(
        e.execute(
            "IBMUSER",
            "RACDCERT ID(SRV) REMOVE(LABEL('bad') RING(Ring))"
        )
        .rc,
        0
    );
    let v = e
        .open_ring("SRV", None, "Ring", StatusFilter::Trusted)
        .expect("own ring");
    assert_eq!(v.stale, [m::ring_changed("SRV", "Ring").line()]);
}

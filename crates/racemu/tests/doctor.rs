//! The ring doctor (issue 13): a healthy ring, one ring per finding code (the code, the exit
//! status, and the fix run through racemu clearing it). The CLI's text and JSON and the
//! openssl-made SHA-1 case are in doctor_cli.rs, the seeds' scenarios in doctor_seeds.rs.

mod common;

use racemu::doctor::{Options, Report};
use racemu::Racf;
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2026-11-25 12:00 UTC);

/// The healthy ring's parts: a CA, a server certificate signed by it, the ring, access.
struct Ring {
    ca: &'static str,
    server: &'static str,
    connect_ca: bool,
    default: bool,
    access: &'static str,
    extra: &'static str,
}

const HEALTHY: Ring = Ring {
    ca: "RSA SIZE(2048) NOTAFTER(DATE(2030-12-31))",
    server: "ALTNAME(DOMAIN('srv.example.com')) RSA SIZE(2048) NOTAFTER(DATE(2027-06-30))",
    connect_ca: true,
    default: true,
    access: "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)",
    extra: "",
};

fn build(ring: &Ring, now: OffsetDateTime) -> Racf {
    let mut racf = Racf::temporary().expect("store").with_clock(now);
    let deck = format!(
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Doctor CA') O('racemu')) {ca} WITHLABEL('CA')
RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv.example.com') O('racemu')) {server} +
         SIGNWITH(CERTAUTH LABEL('CA')) WITHLABEL('server')
RACDCERT ID(SRV) ADDRING(Ring)
{connect_ca}
RACDCERT ID(SRV) CONNECT(LABEL('server') RING(Ring){default})
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
{access}
SETROPTS RACLIST(FACILITY) REFRESH
{extra}",
        ca = ring.ca,
        server = ring.server,
        connect_ca = if ring.connect_ca {
            "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('CA') RING(Ring))"
        } else {
            ""
        },
        default = if ring.default { " DEFAULT" } else { "" },
        access = ring.access,
        extra = ring.extra,
    );
    racf.sysin("IBMUSER", &deck).expect("the deck runs");
    racf
}

fn options(now: OffsetDateTime) -> Options {
    Options::at(now)
}

fn doctor(racf: &mut Racf, user: &str, ring: &str, o: &Options) -> Report {
    racf.doctor(user, ring, o).expect("the doctor runs")
}

fn codes(r: &Report) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code).collect()
}

/// Judges SRV/Ring as SRV: exactly `expected`, exit `exit`; then runs the first finding's
/// fix as IBMUSER and judges again: `after`.
fn case(
    racf: &mut Racf,
    user: &str,
    o: &Options,
    expected: &[&str],
    exit: i32,
    after: &[&str],
) -> Report {
    let r = doctor(racf, user, "SRV/Ring", o);
    assert_eq!(codes(&r), expected, "{:#?}", r.findings);
    assert_eq!(r.exit_code(), exit);
    let fix = r.findings[0].fix.join("\n");
    assert!(!fix.is_empty(), "a fix for {}", r.findings[0].code);
    racf.sysin("IBMUSER", &fix)
        .unwrap_or_else(|e| panic!("the fix runs: {e}\n{fix}"));
    let again = doctor(racf, user, "SRV/Ring", o);
    assert_eq!(codes(&again), after, "after {fix}: {:#?}", again.findings);
    r
}

#[test]
fn a_healthy_ring_has_no_finding() {
    let mut racf = build(&HEALTHY, NOW);
    let mut o = options(NOW);
    o.hosts = vec!["srv.example.com".into()];
    o.clients = vec!["chrome".into()];
    let r = doctor(&mut racf, "SRV", "SRV/Ring", &o);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_eq!(r.exit_code(), 0);
    assert_eq!(
        r.text(false),
        ["Ring SRV/Ring judged as SRV: healthy, no findings."]
    );
}

#[test]
fn no_access_carries_the_decision_path_and_the_permit() {
    let mut racf = build(
        &Ring {
            access: "",
            ..HEALTHY
        },
        NOW,
    );
    let r = case(&mut racf, "SRV", &options(NOW), &["no-access"], 8, &[]);
    let f = &r.findings[0];
    assert_eq!(
        f.message.lines().skip(1).collect::<Vec<_>>(),
        [
            "Profile checked: FACILITY IRR.DIGTCERT.LISTRING (discrete profile)",
            "Class FACILITY: active yes, RACLISTed yes",
            "Access found: NONE; access needed: READ",
            "Ring-specific checking does not apply: no RDATALIB profile covers SRV.RING.LST.",
        ]
    );
    assert_eq!(
        f.fix,
        [
            "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)",
            "SETROPTS RACLIST(FACILITY) REFRESH"
        ]
    );
}

#[test]
fn no_key_access_for_another_users_key_under_global_checking() {
    // APP opens SRV's ring with UPDATE to IRR.DIGTCERT.LISTRING; the key stays SRV's.
    let mut racf = build(
        &Ring {
            access: "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(APP) ACCESS(UPDATE)",
            ..HEALTHY
        },
        NOW,
    );
    let r = case(&mut racf, "APP", &options(NOW), &["no-key-access"], 8, &[]);
    let f = &r.findings[0];
    assert!(f
        .message
        .contains("Profile checked: RDATALIB SRV.RING.LST (no profile covers it)"));
    assert!(f
        .message
        .contains("Access found: NONE; access needed: UPDATE"));
    assert_eq!(
        f.fix,
        [
            "RDEFINE RDATALIB SRV.RING.LST UACC(NONE)",
            "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(APP) ACCESS(UPDATE)",
            "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)"
        ]
    );
}

#[test]
fn no_default() {
    let mut racf = build(
        &Ring {
            default: false,
            ..HEALTHY
        },
        NOW,
    );
    let r = case(&mut racf, "SRV", &options(NOW), &["no-default"], 8, &[]);
    assert_eq!(
        r.findings[0].fix,
        [
            "RACDCERT ID(SRV) CONNECT(ID(SRV) LABEL('server') RING(Ring) DEFAULT)",
            "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"
        ]
    );
}

#[test]
fn default_without_key() {
    // ROLLOVER deletes the old certificate's key; the old one is then made DEFAULT again.
    let extra = "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv.example.com') O('racemu')) +
         ALTNAME(DOMAIN('srv.example.com')) RSA SIZE(2048) NOTAFTER(DATE(2027-06-30)) +
         SIGNWITH(CERTAUTH LABEL('CA')) WITHLABEL('server2')
RACDCERT ID(SRV) ROLLOVER(LABEL('server')) NEWLABEL('server2')
RACDCERT ID(SRV) CONNECT(LABEL('server') RING(Ring) DEFAULT)";
    let mut racf = build(&Ring { extra, ..HEALTHY }, NOW);
    let r = case(
        &mut racf,
        "SRV",
        &options(NOW),
        &["default-without-key"],
        8,
        &[],
    );
    assert_eq!(
        r.findings[0].fix,
        [
            "RACDCERT ID(SRV) CONNECT(ID(SRV) LABEL('server2') RING(Ring) DEFAULT)",
            "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"
        ]
    );
}

#[test]
fn label_not_in_ring() {
    let extra = "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv.example.com') O('racemu')) +
         ALTNAME(DOMAIN('srv.example.com')) RSA SIZE(2048) NOTAFTER(DATE(2027-06-30)) +
         SIGNWITH(CERTAUTH LABEL('CA')) WITHLABEL('other')";
    let mut racf = build(&Ring { extra, ..HEALTHY }, NOW);
    let mut o = options(NOW);
    o.label = Some("other".into());
    case(&mut racf, "SRV", &o, &["label-not-in-ring"], 8, &[]);
}

#[test]
fn expired_and_the_reissue_clears_it() {
    let later = datetime!(2027-07-15 12:00 UTC);
    let racf = build(&HEALTHY, NOW);
    let mut racf = racf.with_clock(later);
    let r = case(&mut racf, "SRV", &options(later), &["expired"], 8, &[]);
    let fix = &r.findings[0].fix;
    assert_eq!(
        fix[1],
        "RACDCERT ID(SRV) ROLLOVER(LABEL('server')) NEWLABEL('server-NEW')"
    );
    assert!(fix[0].contains("SIGNWITH(CERTAUTH LABEL('CA'))"), "{fix:?}");
}

#[test]
fn not_yet_valid() {
    let server = "ALTNAME(DOMAIN('srv.example.com')) RSA SIZE(2048) NOTBEFORE(DATE(2027-01-01)) NOTAFTER(DATE(2027-06-30))";
    let mut racf = build(&Ring { server, ..HEALTHY }, NOW);
    case(&mut racf, "SRV", &options(NOW), &["not-yet-valid"], 8, &[]);
}

#[test]
fn expires_soon_is_a_warning() {
    let server = "ALTNAME(DOMAIN('srv.example.com')) RSA SIZE(2048) NOTAFTER(DATE(2026-12-10))";
    let mut racf = build(&Ring { server, ..HEALTHY }, NOW);
    case(&mut racf, "SRV", &options(NOW), &["expires-soon"], 4, &[]);
}

#[test]
fn host_matched_by_cn_alone_is_not_in_the_san() {
    let server = "RSA SIZE(2048) NOTAFTER(DATE(2027-06-30))";
    let mut racf = build(&Ring { server, ..HEALTHY }, NOW);
    let mut o = options(NOW);
    o.hosts = vec!["srv.example.com".into()];
    let r = case(&mut racf, "SRV", &o, &["host-not-in-san"], 8, &[]);
    assert!(r.findings[0].message.contains("matches the CN only"));
    assert!(r.findings[0].fix[0].contains("ALTNAME(DOMAIN('srv.example.com'))"));
}

#[test]
fn chain_incomplete_connects_the_ca() {
    let mut racf = build(
        &Ring {
            connect_ca: false,
            ..HEALTHY
        },
        NOW,
    );
    let r = case(
        &mut racf,
        "SRV",
        &options(NOW),
        &["chain-incomplete"],
        8,
        &[],
    );
    assert_eq!(
        r.findings[0].fix,
        [
            "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('CA') RING(Ring) USAGE(CERTAUTH))",
            "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"
        ]
    );
}

#[test]
fn notrust_ca_in_the_chain() {
    let extra = "RACDCERT CERTAUTH ALTER(LABEL('CA')) NOTRUST";
    let mut racf = build(&Ring { extra, ..HEALTHY }, NOW);
    let r = case(
        &mut racf,
        "SRV",
        &options(NOW),
        &["notrust-in-chain"],
        8,
        &[],
    );
    assert_eq!(
        r.findings[0].fix,
        [
            "RACDCERT CERTAUTH ALTER(LABEL('CA')) TRUST",
            "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"
        ]
    );
}

#[test]
fn ec_key_signed_by_rsa_is_a_warning() {
    let server = "ALTNAME(DOMAIN('srv.example.com')) NISTECC SIZE(256) NOTAFTER(DATE(2027-06-30))";
    let mut racf = build(&Ring { server, ..HEALTHY }, NOW);
    case(
        &mut racf,
        "SRV",
        &options(NOW),
        &["ec-key-signed-by-rsa"],
        4,
        &[],
    );
}

#[test]
fn curve_p521_is_an_error_for_chrome() {
    let ring = Ring {
        ca: "NISTECC SIZE(384) NOTAFTER(DATE(2030-12-31))",
        server: "ALTNAME(DOMAIN('srv.example.com')) NISTECC SIZE(521) NOTAFTER(DATE(2027-06-30))",
        ..HEALTHY
    };
    let mut racf = build(&ring, NOW);
    let r = doctor(&mut racf, "SRV", "SRV/Ring", &options(NOW));
    assert_eq!(codes(&r), ["curve-p521"]);
    assert_eq!(r.exit_code(), 4);
    let mut o = options(NOW);
    o.clients = vec!["chrome".into()];
    let r = case(&mut racf, "SRV", &o, &["curve-p521"], 8, &[]);
    assert!(r.findings[0].fix[0].contains("NISTECC SIZE(256)"));
}

#[test]
fn weak_rsa_server_key() {
    let server = "ALTNAME(DOMAIN('srv.example.com')) RSA SIZE(1024) NOTAFTER(DATE(2027-06-30))";
    let mut racf = build(&Ring { server, ..HEALTHY }, NOW);
    case(&mut racf, "SRV", &options(NOW), &["weak-rsa-key"], 8, &[]);
}

#[test]
fn weak_rsa_ca_key_gets_a_new_ca() {
    let ca = "RSA SIZE(1024) NOTAFTER(DATE(2030-12-31))";
    let mut racf = build(&Ring { ca, ..HEALTHY }, NOW);
    let r = case(&mut racf, "SRV", &options(NOW), &["weak-rsa-key"], 8, &[]);
    assert_eq!(r.findings[0].label.as_deref(), Some("CA"));
}

#[test]
fn not_for_tls_server() {
    let server = "ALTNAME(DOMAIN('srv.example.com')) RSA SIZE(2048) KEYUSAGE(DATAENCRYPT) NOTAFTER(DATE(2027-06-30))";
    let mut racf = build(&Ring { server, ..HEALTHY }, NOW);
    case(
        &mut racf,
        "SRV",
        &options(NOW),
        &["not-for-tls-server"],
        8,
        &[],
    );
}

#[test]
fn ca_cannot_sign() {
    let ca = "RSA SIZE(2048) KEYUSAGE(HANDSHAKE) NOTAFTER(DATE(2030-12-31))";
    let mut racf = build(&Ring { ca, ..HEALTHY }, NOW);
    case(&mut racf, "SRV", &options(NOW), &["ca-cannot-sign"], 8, &[]);
}

#[test]
fn validity_too_long_is_a_warning() {
    let server = "ALTNAME(DOMAIN('srv.example.com')) RSA SIZE(2048) NOTAFTER(DATE(2028-12-31))";
    let mut racf = build(&Ring { server, ..HEALTHY }, NOW);
    case(
        &mut racf,
        "SRV",
        &options(NOW),
        &["validity-too-long"],
        4,
        &[],
    );
}

/// Row 6.8 of the newcomer trial: three `--host` names, two of them host names. RACDCERT's
/// ALTNAME holds one DOMAIN and one IP (IBM, RACDCERT GENCERT, ALTNAME:
/// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-gencert.htm):
/// the fix covers one host name and the IP and names the host it leaves out; after it the
/// doctor reports that host as `host-beyond-altname` with no fix, and proposes no `-NEW-NEW`.
#[test]
fn several_hosts_converge_on_what_one_certificate_can_hold() {
    let mut racf = build(
        &Ring {
            server: "RSA SIZE(2048) NOTAFTER(DATE(2027-06-30))",
            ..HEALTHY
        },
        NOW,
    );
    let mut o = options(NOW);
    o.hosts = vec![
        "srv.example.com".into(),
        "localhost".into(),
        "127.0.0.1".into(),
    ];
    let r = case(
        &mut racf,
        "SRV",
        &o,
        &["host-not-in-san", "host-beyond-altname"],
        8,
        &["host-beyond-altname"],
    );
    assert_eq!(
        r.findings[0].message,
        "Hosts 'srv.example.com', '127.0.0.1' are not in the subjectAltName of 'server'; it matches the CN only, which browsers ignore (RFC 6125, CA/B Forum). The fix names 'srv.example.com' and 127.0.0.1; it leaves out 'localhost' (RACDCERT's ALTNAME holds one DOMAIN and one IP: see host-beyond-altname)."
    );
    assert!(
        r.findings[0].fix[0].contains(" ALTNAME(DOMAIN('srv.example.com') IP(127.0.0.1)) "),
        "{:?}",
        r.findings[0].fix
    );
    assert!(r.findings[1].fix.is_empty());
    // Converged: the same finding, no fix, and no label-NEW-NEW, run after run.
    for _ in 0..2 {
        let again = doctor(&mut racf, "SRV", "SRV/Ring", &o);
        assert_eq!(codes(&again), ["host-beyond-altname"]);
        let f = &again.findings[0];
        assert_eq!(f.label.as_deref(), Some("server-NEW"));
        assert!(f.fix.is_empty(), "{:?}", f.fix);
        assert!(
            f.message.starts_with("Host 'localhost' cannot be in the subjectAltName of 'server-NEW' beside 'srv.example.com' and 127.0.0.1: RACDCERT's ALTNAME holds one DOMAIN and one IP"),
            "{}",
            f.message
        );
        assert!(f.message.contains("RACDCERT GENREQ"), "{}", f.message);
    }
}

/// Rows 6.9 and 6.10 of the newcomer trial: APP needs SRV's ring and SRV's key. The fix is
/// ring-specific (RDATALIB SRV.RING.LST, UPDATE for APP), not UPDATE to FACILITY
/// IRR.DIGTCERT.LISTRING (every user's ring, and still no key: IBM, R_datalib usage notes,
/// https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.ichd100/usgntrdata.htm),
/// and it PERMITs READ to the IDs that open the ring through FACILITY today (SRV, its owner,
/// and READER with UPDATE), so that the switch to ring-specific checking locks no one out.
#[test]
fn an_application_ids_fix_is_ring_specific_and_keeps_the_rings_readers() {
    let access = "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(READER) ACCESS(UPDATE)";
    let mut racf = build(&Ring { access, ..HEALTHY }, NOW);
    let o = options(NOW);
    let r = doctor(&mut racf, "APP", "SRV/Ring", &o);
    assert_eq!(codes(&r), ["no-access"], "{:#?}", r.findings);
    let f = &r.findings[0];
    assert_eq!(
        f.fix,
        [
            "RDEFINE RDATALIB SRV.RING.LST UACC(NONE)",
            "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(APP) ACCESS(UPDATE)",
            "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(SRV) ACCESS(READ)",
            "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(READER) ACCESS(READ)",
            "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
        ]
    );
    assert!(
        f.message.lines().any(|l| l.starts_with("The fix is ring-specific (RDATALIB SRV.RING.LST), not UPDATE to FACILITY IRR.DIGTCERT.LISTRING")
            && l.contains("SRV, READER keep(s) READ")),
        "{}",
        f.message
    );
    racf.sysin("IBMUSER", &f.fix.join("\n"))
        .expect("the fix runs");
    for user in ["APP", "SRV", "READER"] {
        let again = doctor(&mut racf, user, "SRV/Ring", &o);
        let left: Vec<&str> = codes(&again)
            .into_iter()
            .filter(|c| *c != "no-key-access" || user == "APP")
            .collect();
        assert!(left.is_empty(), "{user}: {:#?}", again.findings);
    }
    let app = racf.ring("APP", "SRV/Ring").expect("APP opens the ring");
    assert!(app
        .entry(Some("server"))
        .expect("server")
        .private_key
        .is_some());
    let srv = racf
        .ring("SRV", "SRV/Ring")
        .expect("SRV still opens its ring");
    assert!(srv
        .entry(Some("server"))
        .expect("server")
        .private_key
        .is_some());

    // APP already opening the ring through FACILITY (trial fix 1): the key's fix keeps SRV.
    let access = "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(APP) ACCESS(UPDATE)";
    let mut racf = build(&Ring { access, ..HEALTHY }, NOW);
    let r = case(&mut racf, "APP", &o, &["no-key-access"], 8, &[]);
    assert_eq!(
        r.findings[0].fix,
        [
            "RDEFINE RDATALIB SRV.RING.LST UACC(NONE)",
            "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(APP) ACCESS(UPDATE)",
            "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(SRV) ACCESS(READ)",
            "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
        ]
    );
    assert!(doctor(&mut racf, "SRV", "SRV/Ring", &o).findings.is_empty());
}

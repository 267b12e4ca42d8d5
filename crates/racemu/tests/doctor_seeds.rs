//! The seeds' scenarios (issue 13): each deck in racdcert-scripts run as written, and the
//! ring it builds judged by the ring doctor as the server's user ID. Each assertion names the
//! passage of the seed document (/work/shared/seeds) it reflects.

mod common;

use racemu::doctor::{Options, Report};
use racemu::Racf;
use time::macros::datetime;
use time::OffsetDateTime;

/// Runs `deck` (racdcert-scripts) at `now` as IBMUSER.
fn run_deck(deck: &str, now: OffsetDateTime) -> Racf {
    let jcl =
        std::fs::read_to_string(common::root().join("racdcert-scripts").join(deck)).expect("deck");
    let mut racf = Racf::temporary().expect("store").with_clock(now);
    let out = racf.job("IBMUSER", &jcl);
    assert!(!out.jcl_error && !out.store_failed, "{:?}", out.job_log);
    racf
}

fn judge(racf: &mut Racf, user: &str, ring: &str, o: &Options) -> Report {
    racf.doctor(user, ring, o).expect("the doctor runs")
}

fn codes(r: &Report) -> Vec<(&'static str, Option<&str>)> {
    r.findings
        .iter()
        .map(|f| (f.code, f.label.as_deref()))
        .collect()
}

/// Runs the first finding's fix as IBMUSER.
fn apply(racf: &mut Racf, r: &Report) {
    let fix = r.findings[0].fix.join("\n");
    racf.sysin("IBMUSER", &fix).expect("the fix runs");
}

fn with(now: OffsetDateTime, label: Option<&str>, hosts: &[&str], clients: &[&str]) -> Options {
    Options {
        label: label.map(str::to_string),
        hosts: hosts.iter().map(|h| h.to_string()).collect(),
        clients: clients.iter().map(|c| c.to_string()).collect(),
        now,
        probe: false,
    }
}

#[test]
fn zosconnect_ring_as_zcserv1() {
    let now = datetime!(2026-11-25 12:00 UTC);
    let mut racf = run_deck("zosconnect.jcl", now);
    let o = with(now, None, &["myServer.host.com"], &[]);
    // The deck (seed 000, steps 1-4) grants ZCSERV1 no access to its ring.
    let r = judge(&mut racf, "ZCSERV1", "ZCSERV1/Keyring.ZOSCONN", &o);
    assert_eq!(codes(&r), [("no-access", None)]);
    assert_eq!(r.exit_code(), 8);
    apply(&mut racf, &r);
    // Seed 000, step 4.1: LISTRING shows zosConnectServerCert with DEFAULT NO.
    let r = judge(&mut racf, "ZCSERV1", "ZCSERV1/Keyring.ZOSCONN", &o);
    assert_eq!(codes(&r), [("no-default", None)]);
    // Seed 000, step 3: GENCERT SUBJECTSDN(CN('myServer.host.com') …) without ALTNAME and
    // NOTAFTER(DATE(2029-12-31)): the host is in the CN only, and the certificate lives
    // three years.
    let o = with(
        now,
        Some("zosConnectServerCert"),
        &["myServer.host.com"],
        &[],
    );
    let r = judge(&mut racf, "ZCSERV1", "ZCSERV1/Keyring.ZOSCONN", &o);
    assert_eq!(
        codes(&r),
        [
            ("host-not-in-san", Some("zosConnectServerCert")),
            ("validity-too-long", Some("zosConnectServerCert"))
        ]
    );
    assert!(r.findings[0].message.contains("matches the CN only"));
}

#[test]
fn attls_ring_as_tcpcs() {
    // Seed 001 is the SHARE session of March 2015; the deck's certificates run 2010-2020.
    let now = datetime!(2015-03-02 12:00 UTC);
    let mut racf = run_deck("attls.jcl", now);
    let o = with(now, None, &["mvs098.tcp.raleigh.ibm.com"], &[]);
    let r = judge(&mut racf, "TCPCS", "TCPCS/TTLSRING", &o);
    assert_eq!(codes(&r), [("no-access", None)]);
    apply(&mut racf, &r);
    // Seed 001's GENCERTs: SIZE(1024) for the CA and the server, NOTBEFORE 2010-02-01,
    // NOTAFTER 2020-12-31 ("don't create certificates with too short a time span"): keys
    // clients refuse today and a lifetime browsers refuse. ALTNAME(DOMAIN(…)) is there.
    let r = judge(&mut racf, "TCPCS", "TCPCS/TTLSRING", &o);
    assert_eq!(
        codes(&r),
        [
            ("weak-rsa-key", Some("ABCTLS TCPSERV")),
            ("weak-rsa-key", Some("ABCTLS CA")),
            ("validity-too-long", Some("ABCTLS TCPSERV"))
        ]
    );
}

#[test]
fn mqweb_liberty_ring_as_start1() {
    let now = datetime!(2026-11-25 12:00 UTC);
    let mut racf = run_deck("mqweb-liberty.jcl", now);
    // Seed 002: RDATALIB START1.KEY.LST with UPDATE for START1 ("READ access enables
    // retrieving one's own private key"); CONNECT of 'TEMP' without DEFAULT.
    let o = with(now, None, &["10.1.1.2"], &["chrome"]);
    let r = judge(&mut racf, "START1", "START1/KEY", &o);
    assert_eq!(codes(&r), [("no-default", None)]);
    // Seed 002: "the CA needs size >= 2048 otherwise Chrome browser may ignore it" and
    // "This needs the ALTNAME so the browsers accept the certificate": with both, Chrome at
    // 10.1.1.2 accepts 'TEMP'.
    let o = with(now, Some("TEMP"), &["10.1.1.2"], &["chrome"]);
    let r = judge(&mut racf, "START1", "START1/KEY", &o);
    assert_eq!(codes(&r), []);
    assert_eq!(r.exit_code(), 0);
    // Seed 002, "Using an Elliptic Curve …": NISTECC SIZE(521) with ALTNAME(IP(10.1.1.2));
    // Chrome offers no secp521r1, and SIZE(256) "worked".
    racf.sysin(
        "IBMUSER",
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('DOCZOSCAEC')) NISTECC SIZE(256) +
           WITHLABEL('DOCZOSCAEC') NOTAFTER(DATE(2030-01-01))
         RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('CONN2') O('IBM') OU('C2PDFLT')) +
           ALTNAME(IP(10.1.1.2)) WITHLABEL('CONN2.IZUDFLT') NISTECC SIZE(521) +
           SIGNWITH(CERTAUTH LABEL('DOCZOSCAEC')) NOTAFTER(DATE(2027-06-01))
         RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('DOCZOSCAEC') RING(KEY))
         RACDCERT ID(START1) CONNECT(LABEL('CONN2.IZUDFLT') RING(KEY))",
    )
    .expect("the seed's P-521 certificate");
    let o = with(now, Some("CONN2.IZUDFLT"), &["10.1.1.2"], &["chrome"]);
    let r = judge(&mut racf, "START1", "START1/KEY", &o);
    assert_eq!(codes(&r), [("curve-p521", Some("CONN2.IZUDFLT"))]);
    assert_eq!(r.exit_code(), 8);
    assert!(r.findings[0].fix[0].contains("NISTECC SIZE(256)"));
}

#[test]
fn msgbroker_ring_as_wi02usr() {
    // Seed 003 (Message Broker on z/OS V1.8, about 2010): WI02BRK ends 2012/01/30. The deck's
    // VSR1BK (IEBGENER) is dated 2026 and is not in WI02BRK's chain: it is not judged.
    let now = datetime!(2011-06-01 12:00 UTC);
    let mut racf = run_deck("msgbroker.jcl", now);
    let o = with(now, None, &[], &[]);
    let r = judge(&mut racf, "WI02USR", "WI02USR/WI02BRK", &o);
    assert_eq!(codes(&r), [("no-access", None)]);
    apply(&mut racf, &r);
    // Seed 003: CONNECT(ID(WI02USR) LABEL('WI02BRK') RING(WI02BRK)) without DEFAULT; the
    // broker names its key by label in its keystore properties.
    let r = judge(&mut racf, "WI02USR", "WI02USR/WI02BRK", &o);
    assert_eq!(codes(&r), [("no-default", None)]);
    // Seed 003: SIZE(1024) for MQRootCA and WI02BRK.
    let o = with(now, Some("WI02BRK"), &[], &[]);
    let r = judge(&mut racf, "WI02USR", "WI02USR/WI02BRK", &o);
    assert_eq!(
        codes(&r),
        [
            ("weak-rsa-key", Some("WI02BRK")),
            ("weak-rsa-key", Some("MQRootCA"))
        ]
    );
}

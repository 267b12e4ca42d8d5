//! AT-TLS policies from the seeds, parsed, resolved and judged against rings built with
//! RACDCERT and opened through R_datalib as the server's user ID.

use racemu_attls::{judge, parse, resolve, ClientAuthType, HandshakeRole, Protocol};
use racemu_engine::{Clock, Config, Engine};
use racemu_keyring::doctor::{Finding, Severity};
use racemu_keyring::{open_ring, RingRef, RingView, StatusFilter};
use std::path::Path;

fn policy_file(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/policies")
        .join(name);
    std::fs::read_to_string(p).expect("policy fixture")
}

const SETUP: &[&str] = &[
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Doc CA') O('racemu')) RSA SIZE(2048) WITHLABEL('DOCZOSCA')",
    "RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('10.1.1.2') O('RSA2048')) ALTNAME(IP(10.1.1.2)) RSA SIZE(2048) SIGNWITH(CERTAUTH LABEL('DOCZOSCA')) WITHLABEL('RSA2048')",
    "RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('10.1.1.2') O('NISTECC256')) ALTNAME(IP(10.1.1.2)) NISTECC SIZE(256) SIGNWITH(CERTAUTH LABEL('DOCZOSCA')) WITHLABEL('NISTECC256')",
    "RACDCERT ID(START1) ADDRING(TN3270)",
    "RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('DOCZOSCA') RING(TN3270) USAGE(CERTAUTH))",
    "RACDCERT ID(START1) CONNECT(LABEL('RSA2048') RING(TN3270) DEFAULT)",
    "RACDCERT ID(START1) CONNECT(LABEL('NISTECC256') RING(TN3270))",
    "RACDCERT ID(START1) ADDRING(NOCA)",
    "RACDCERT ID(START1) CONNECT(LABEL('RSA2048') RING(NOCA) DEFAULT)",
    "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
    "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)",
    "SETROPTS RACLIST(FACILITY) REFRESH",
];

struct Racf {
    engine: Engine,
    _dir: tempfile::TempDir,
}

impl Racf {
    fn new() -> Racf {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = racemu_store::Store::open(&dir.path().join("racf.db")).expect("store");
        let mut r = Racf {
            engine: Engine::new(store, Clock::System, Config::default()),
            _dir: dir,
        };
        for c in SETUP {
            r.run(c);
        }
        r
    }

    fn run(&mut self, command: &str) {
        let out = self.engine.execute("IBMUSER", command);
        assert!(out.rc <= 4, "{command}: {:?}", out.lines);
    }

    fn ring(&mut self, reference: &str) -> RingView {
        let r = RingRef::parse(reference).expect("reference");
        open_ring(self.engine.store_mut(), "START1", &r, StatusFilter::Trusted).expect("ring")
    }
}

fn codes(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| f.code).collect()
}

fn judged(r: &mut Racf, text: &str) -> Vec<Finding> {
    let policy = parse(text).unwrap_or_else(|e| panic!("{e:?}"));
    let e = resolve(&policy, "CPJES2OUT").expect("rule");
    let ring = r.ring(&e.keyring.value);
    judge(&policy, "CPJES2OUT", &ring).expect("judged")
}

/// The seed's rule with its cipher list replaced by `suites` (one V3CipherSuites line each).
fn with_suites(suites: &[&str]) -> String {
    let text = policy_file("cpjes2out-server.txt");
    let (head, _) = text
        .split_once("TTLSCipherParms AZFCipherParms\n{\n")
        .expect("cipher parms");
    let lines: Vec<String> = suites
        .iter()
        .map(|s| format!("V3CipherSuites {s}\n"))
        .collect();
    format!(
        "{head}TTLSCipherParms AZFCipherParms\n{{\n{}}}\n",
        lines.concat()
    )
}

#[test]
fn the_seed_fragment_as_published_misses_a_brace() {
    let errors = parse(&policy_file("seed-cpjes2out.txt")).expect_err("syntax errors");
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        text,
        [
            "line 27: TTLSConnectionAction belongs in a TTLSRule, not in TTLSEnvironmentAction (line 10); is a } missing before it?",
            "line 40: TTLSCipherParms is not a parameter of TTLSRule",
            "line 52: end of file: TTLSRule CPJES2OUT (line 1) has no closing }",
        ]
    );
}

#[test]
fn the_seed_rule_resolves_to_its_ring_label_versions_and_suites() {
    let policy = parse(&policy_file("cpjes2out-server.txt")).expect("parsed");
    let e = resolve(&policy, "CPJES2OUT").expect("rule");
    assert!(e.enabled);
    assert_eq!(e.role, HandshakeRole::Server);
    assert_eq!(e.keyring.value, "start1/TN3270");
    let label = e.label.as_ref().expect("label");
    assert_eq!(label.parameter, "ServerCertificateLabel");
    assert_eq!(label.labels[0].value, "RSA2048");
    let on: Vec<Protocol> = e
        .protocols
        .iter()
        .filter(|(_, on, _)| *on)
        .map(|(p, _, _)| *p)
        .collect();
    assert_eq!(on, [Protocol::Tls1_2]);
    let suites: Vec<&str> = e
        .suites
        .iter()
        .filter_map(|s| s.suite)
        .map(|s| s.name)
        .collect();
    assert_eq!(suites.len(), 9);
    assert_eq!(suites[0], "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256");
    assert_eq!(suites[8], "TLS_CHACHA20_POLY1305_SHA256");
    assert_eq!(e.client_auth.0, ClientAuthType::PassThru);
    let missing = resolve(&policy, "NOSUCH").expect_err("no rule");
    assert_eq!(
        missing.to_string(),
        "the policy has no TTLSRule NOSUCH (rules: CPJES2OUT)"
    );
}

#[test]
fn the_seed_rule_over_its_rsa_ring_is_healthy() {
    let mut r = Racf::new();
    let f = judged(&mut r, &policy_file("cpjes2out-server.txt"));
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn ecdsa_suites_only_over_an_rsa_certificate() {
    let mut r = Racf::new();
    let text = with_suites(&[
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    ]);
    let f = judged(&mut r, &text);
    assert_eq!(codes(&f), ["attls-no-cipher-for-key"]);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(f[0].label.as_deref(), Some("RSA2048"));
    assert_eq!(
        f[0].fix[0],
        "policy: in TTLSCipherParms AZFCipherParms (line 38): add V3CipherSuites TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
    );
    // The fix, applied, clears the finding.
    let mended = text.replace(
        "{\nV3CipherSuites TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "{\nV3CipherSuites TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\nV3CipherSuites TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    );
    assert!(judged(&mut r, &mended).is_empty());
    // The same suites suit the ECC certificate.
    let ecc = text.replace(
        "ServerCertificateLabel RSA2048",
        "ServerCertificateLabel NISTECC256",
    );
    assert!(judged(&mut r, &ecc).is_empty());
}

#[test]
fn an_ecdsa_certificate_with_only_rsa_suites() {
    // The case: an ECDSA certificate and RSA cipher suites only (alert 40).
    let mut r = Racf::new();
    let text = with_suites(&[
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_RSA_WITH_AES_256_CBC_SHA",
    ])
    .replace(
        "ServerCertificateLabel RSA2048",
        "ServerCertificateLabel NISTECC256",
    );
    let f = judged(&mut r, &text);
    assert_eq!(codes(&f), ["attls-no-cipher-for-key"]);
    assert!(
        f[0].message
            .starts_with("certificate 'NISTECC256' has an ECC key (256 bits)"),
        "{}",
        f[0].message
    );
    assert_eq!(
        f[0].fix[1],
        "policy: in TTLSCipherParms AZFCipherParms (line 38): add V3CipherSuites TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
    );
}

#[test]
fn tls13_on_needs_a_tls13_suite() {
    let mut r = Racf::new();
    let on = policy_file("cpjes2out-server.txt").replace("# TLSv1.3 On", "TLSv1.3 On");
    assert!(judged(&mut r, &on).is_empty(), "CHACHA20 (1303) is there");
    let text = on.replace("V3CipherSuites TLS_CHACHA20_POLY1305_SHA256\n", "");
    let f = judged(&mut r, &text);
    assert_eq!(codes(&f), ["attls-no-tls13-cipher"]);
    assert!(
        f[0].message.contains("TLSv1.3 is On (line 21)"),
        "{}",
        f[0].message
    );
    assert_eq!(
        f[0].fix.last().map(String::as_str),
        Some("policy: or line 21: TLSv1.3 Off")
    );
    let mended = text.replace("TLSv1.3 On", "TLSv1.3 Off");
    assert!(judged(&mut r, &mended).is_empty());
}

#[test]
fn the_seed_tls13_cipher_list_has_one_code_attls_does_not_know() {
    let mut r = Racf::new();
    let seed = policy_file("seed-tls13.txt");
    let (_, ciphers) = seed.split_once("TTLSCipherParms").expect("cipher parms");
    let text = policy_file("cpjes2out-server.txt")
        .replace("# TLSv1.3 On", "TLSv1.3 On")
        .split("TTLSCipherParms AZFCipherParms\n")
        .next()
        .map(|head| format!("{head}TTLSCipherParms{ciphers}"))
        .expect("head");
    let f = judged(&mut r, &text);
    assert_eq!(codes(&f), ["attls-unknown-cipher"]);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(
        f[0].message
            .starts_with("V3CipherSuites4Char C02 (line 54) names no cipher suite"),
        "{}",
        f[0].message
    );
    // Without the stray code the list is one AT-TLS knows.
    let mended = text.replace(
        "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256 C02",
        "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256",
    );
    assert!(judged(&mut r, &mended).is_empty());
}

#[test]
fn every_tls_version_off() {
    let mut r = Racf::new();
    let text = policy_file("cpjes2out-server.txt").replace("TLSv1.2 On", "TLSv1.2 Off");
    let f = judged(&mut r, &text);
    assert_eq!(codes(&f), ["attls-no-tls-version"]);
    assert_eq!(
        f[0].fix,
        ["policy: in TTLSEnvironmentAdvancedParms (line 14): TLSv1.2 On"]
    );
    // The fix, made: the rule is healthy again.
    let mended = text.replace("TLSv1.2 Off", "TLSv1.2 On");
    assert!(judged(&mut r, &mended).is_empty());
}

#[test]
fn client_authentication_over_a_ring_without_a_ca() {
    let mut r = Racf::new();
    let text = policy_file("cpjes2out-server.txt")
        .replace("HandshakeRole Server", "HandshakeRole ServerWithClientAuth")
        .replace("ClientAuthType PassThru", "ClientAuthType Required")
        .replace("start1/TN3270", "start1/NOCA");
    let f = judged(&mut r, &text);
    assert_eq!(codes(&f), ["attls-client-auth-without-ca"]);
    assert_eq!(
        f[0].fix,
        ["RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('<label of the CA that signs the client certificates>') RING(NOCA) USAGE(CERTAUTH))"]
    );
    r.run(&f[0].fix[0].replace(
        "<label of the CA that signs the client certificates>",
        "DOCZOSCA",
    ));
    assert!(judged(&mut r, &text).is_empty());
    // PassThru does not validate, so needs no CA.
    let passthru = text.replace("ClientAuthType Required", "ClientAuthType PassThru");
    assert!(judged(&mut Racf::new(), &passthru).is_empty());
}

#[test]
fn a_label_that_is_not_in_the_ring() {
    // The seed's policy named ServerCertificateLabel NISTECC521.
    let mut r = Racf::new();
    let text = policy_file("cpjes2out-server.txt").replace(
        "ServerCertificateLabel RSA2048",
        "ServerCertificateLabel NISTECC521",
    );
    let f = judged(&mut r, &text);
    assert_eq!(codes(&f), ["attls-label-not-in-ring"]);
    assert_eq!(f[0].label.as_deref(), Some("NISTECC521"));
    assert_eq!(
        f[0].fix,
        [
            "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('NISTECC521') RING(TN3270) USAGE(PERSONAL))",
            "policy: line 33: ServerCertificateLabel RSA2048",
        ]
    );
    r.run("RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('10.1.1.2') O('NISTECC521')) NISTECC SIZE(521) SIGNWITH(CERTAUTH LABEL('DOCZOSCA')) WITHLABEL('NISTECC521')");
    r.run(&f[0].fix[0]);
    assert!(judged(&mut r, &text).is_empty());
}

/// A small deterministic generator for the mutation test.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn no_mutation_of_a_policy_panics_and_every_error_has_a_line_in_the_file() {
    let base = policy_file("cpjes2out-server.txt");
    let seed = policy_file("seed-cpjes2out.txt");
    let pieces = [
        "{",
        "}",
        "\"",
        "#",
        "\n",
        " ",
        "Ref",
        "TTLSRule",
        "TLSv1.3 On\n",
        "\u{e9}",
        "\t",
        "V3CipherSuites4Char C0",
    ];
    let mut rng = Lcg(13);
    for round in 0..3000 {
        let mut text: Vec<char> = if round % 2 == 0 {
            base.chars().collect()
        } else {
            seed.chars().collect()
        };
        for _ in 0..1 + rng.next(4) {
            let at = rng.next(text.len() + 1);
            match rng.next(3) {
                0 if at < text.len() => {
                    text.remove(at);
                }
                1 => {
                    let p = pieces[rng.next(pieces.len())];
                    for (i, c) in p.chars().enumerate() {
                        text.insert((at + i).min(text.len()), c);
                    }
                }
                _ if at < text.len() => {
                    let len = rng.next(40).min(text.len() - at);
                    text.drain(at..at + len);
                }
                _ => {}
            }
        }
        let text: String = text.into_iter().collect();
        let lines = text.lines().count().max(1);
        match parse(&text) {
            Ok(p) => {
                for rule in &p.rules {
                    let _ = resolve(&p, &rule.name);
                }
            }
            Err(errors) => {
                assert!(!errors.is_empty());
                for e in errors {
                    assert!(
                        (1..=lines).contains(&e.line),
                        "{e} in {lines} lines:\n{text}"
                    );
                }
            }
        }
    }
}

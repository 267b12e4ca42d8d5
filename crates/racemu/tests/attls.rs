//! `racemu attls serve` against `openssl s_client`: the seed's AT-TLS rule refuses exactly the
//! clients its findings say it will refuse, and accepts a suite that fits the key.

mod common;
use common::*;
use racemu::Racf;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const SETUP: &str = "
RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Doc CA') O('racemu')) RSA SIZE(2048) WITHLABEL('DOCZOSCA')
RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('localhost') O('RSA2048')) ALTNAME(IP(127.0.0.1) DOMAIN('localhost')) +
         RSA SIZE(2048) SIGNWITH(CERTAUTH LABEL('DOCZOSCA')) WITHLABEL('RSA2048')
RACDCERT ID(START1) ADDRING(TN3270)
RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('DOCZOSCA') RING(TN3270) USAGE(CERTAUTH))
RACDCERT ID(START1) CONNECT(LABEL('RSA2048') RING(TN3270) DEFAULT)
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
SETROPTS RACLIST(FACILITY) REFRESH
";

/// The seed's CPJES2OUT rule as a server (crates/attls/tests/policies).
fn seed_rule() -> String {
    std::fs::read_to_string(root().join("crates/attls/tests/policies/cpjes2out-server.txt"))
        .expect("policy")
}

/// The seed's rule with only these V3CipherSuites, in this order.
fn with_suites(suites: &[&str]) -> String {
    let text = seed_rule();
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

/// A `racemu attls serve` process, stopped when dropped, and what it said before serving.
struct AttlsServer {
    child: Child,
    addr: String,
    said: Vec<String>,
}

impl Drop for AttlsServer {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

fn attls_serve(db: &Path, policy: &Path) -> AttlsServer {
    let mut child = Command::new(env!("CARGO_BIN_EXE_racemu"))
        .args(["--db", db.to_str().expect("utf-8"), "--user", "START1"])
        .args([
            "attls",
            "serve",
            "--policy",
            policy.to_str().expect("utf-8"),
        ])
        .args(["--rule", "CPJES2OUT", "--listen", "127.0.0.1:0"])
        .env_remove("RACEMU_DB")
        .env_remove("RACEMU_NOW")
        .stderr(Stdio::piped())
        .spawn()
        .expect("attls serve");
    let mut reader = BufReader::new(child.stderr.take().expect("stderr"));
    let mut said = Vec::new();
    let mut line = String::new();
    while !line.contains("serving on") {
        line.clear();
        assert!(
            reader.read_line(&mut line).expect("stderr") > 0,
            "attls serve ended: {said:?}"
        );
        said.push(line.trim_end().to_string());
    }
    let addr = line.trim().rsplit(' ').next().expect("addr").to_string();
    AttlsServer { child, addr, said }
}

/// `openssl s_client` with the options given: (handshake completed, what openssl printed).
fn s_client(addr: &str, opts: &[&str]) -> (bool, String) {
    let out = Command::new("openssl")
        .args(["s_client", "-connect", addr, "-brief"])
        .args(opts)
        .stdin(Stdio::null())
        .output()
        .expect("openssl s_client");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.success() && text.contains("CONNECTION ESTABLISHED"),
        text,
    )
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    // Seeded as every test store is (the racemu() runs below give the same seed).
    let seed = common::SEED.parse().expect("seed");
    let mut r = Racf::builder().path(&db).seed(seed).build().expect("store");
    r.sysin("IBMUSER", SETUP).expect("setup");
    (tmp, db)
}

#[test]
fn ecdsa_suites_over_an_rsa_certificate_are_a_finding_and_a_handshake_failure() {
    let (tmp, db) = setup();
    let policy = tmp.path().join("ecdsa-only.policy");
    std::fs::write(
        &policy,
        with_suites(&[
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        ]),
    )
    .expect("policy");
    // The finding, through the same R_datalib view.
    let mut r = Racf::open(&db).expect("store");
    let ring = r.ring("START1", "start1/TN3270").expect("ring");
    let parsed =
        racemu_attls::parse(&std::fs::read_to_string(&policy).expect("read")).expect("parsed");
    let f = racemu_attls::judge(&parsed, "CPJES2OUT", &ring).expect("judged");
    let codes: Vec<&str> = f.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["attls-no-cipher-for-key"]);
    // The server says so, and openssl is refused with a handshake failure (alert 40).
    let s = attls_serve(&db, &policy);
    assert!(
        s.said.iter().any(|l| l.starts_with(
            "racemu: error attls-no-cipher-for-key: certificate 'RSA2048' has an RSA key"
        )),
        "{:?}",
        s.said
    );
    let (ok, text) = s_client(
        &s.addr,
        &["-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256"],
    );
    assert!(!ok, "{text}");
    assert!(text.contains("handshake failure"), "{text}");
    // An RSA suite the client asks for is not configured either: refused.
    let (ok, text) = s_client(
        &s.addr,
        &["-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"],
    );
    assert!(!ok, "{text}");
}

#[test]
fn the_seed_rule_accepts_a_suite_that_fits_and_keeps_policy_order() {
    let (tmp, db) = setup();
    let policy = tmp.path().join("seed.policy");
    std::fs::write(&policy, seed_rule()).expect("policy");
    let s = attls_serve(&db, &policy);
    assert!(
        s.said.iter().any(|l| l
            == "racemu: TTLSRule CPJES2OUT: cipher suites in policy order: TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
        "{:?}",
        s.said
    );
    assert!(
        s.said.iter().any(|l| l.contains("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, line 40): rustls does not have this suite; skipped")),
        "{:?}",
        s.said
    );
    let (ok, text) = s_client(
        &s.addr,
        &["-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384"],
    );
    assert!(ok, "{text}");
    assert!(
        text.contains("Ciphersuite: ECDHE-RSA-AES256-GCM-SHA384"),
        "{text}"
    );
    // The server's order wins: of the client's two, the policy's first RSA suite is chosen.
    let (ok, text) = s_client(
        &s.addr,
        &[
            "-tls1_2",
            "-cipher",
            "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256",
        ],
    );
    assert!(
        ok && text.contains("Ciphersuite: ECDHE-RSA-AES128-GCM-SHA256"),
        "{text}"
    );
    // TLSv1.3 is Off in the seed's rule.
    let (ok, text) = s_client(&s.addr, &["-tls1_3"]);
    assert!(!ok, "{text}");
}

#[test]
fn tls13_on_serves_only_the_tls13_suites_the_policy_names() {
    let (tmp, db) = setup();
    let policy = tmp.path().join("tls13.policy");
    std::fs::write(&policy, seed_rule().replace("# TLSv1.3 On", "TLSv1.3 On")).expect("policy");
    let s = attls_serve(&db, &policy);
    let (ok, text) = s_client(
        &s.addr,
        &["-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256"],
    );
    assert!(
        ok && text.contains("Ciphersuite: TLS_CHACHA20_POLY1305_SHA256"),
        "{text}"
    );
    let (ok, text) = s_client(
        &s.addr,
        &["-tls1_3", "-ciphersuites", "TLS_AES_128_GCM_SHA256"],
    );
    assert!(!ok, "{text}");
    assert!(text.contains("handshake failure"), "{text}");
}

#[test]
fn a_policy_with_syntax_errors_is_refused_with_its_lines() {
    let (tmp, db) = setup();
    let policy = tmp.path().join("seed-as-published.policy");
    std::fs::copy(
        root().join("crates/attls/tests/policies/seed-cpjes2out.txt"),
        &policy,
    )
    .expect("copy");
    let r = racemu(
        &db,
        &real_now(),
        &[
            "--user",
            "START1",
            "attls",
            "serve",
            "--policy",
            policy.to_str().expect("p"),
            "--rule",
            "CPJES2OUT",
        ],
        None,
    );
    assert_eq!(r.code, 12);
    let p = policy.display();
    assert_eq!(
        r.stderr,
        format!(
            "racemu: {p} line 27: TTLSConnectionAction belongs in a TTLSRule, not in TTLSEnvironmentAction (line 10); is a }} missing before it?\n\
             racemu: {p} line 40: TTLSCipherParms is not a parameter of TTLSRule\n\
             racemu: {p} line 52: end of file: TTLSRule CPJES2OUT (line 1) has no closing }}\n\
             racemu: {p} has 3 syntax error(s); Policy Agent would not install it as written\n"
        )
    );
}

#[test]
fn client_auth_type_required_refuses_a_client_without_a_certificate_and_passthru_does_not() {
    let (tmp, db) = setup();
    let with_auth =
        seed_rule().replace("HandshakeRole Server", "HandshakeRole ServerWithClientAuth");
    let required = tmp.path().join("required.policy");
    std::fs::write(
        &required,
        with_auth.replace("ClientAuthType PassThru", "ClientAuthType Required"),
    )
    .expect("policy");
    let s = attls_serve(&db, &required);
    let (ok, text) = s_client(
        &s.addr,
        &["-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"],
    );
    assert!(!ok, "{text}");
    drop(s);
    let passthru = tmp.path().join("passthru.policy");
    std::fs::write(&passthru, &with_auth).expect("policy");
    let s = attls_serve(&db, &passthru);
    let (ok, text) = s_client(
        &s.addr,
        &["-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"],
    );
    assert!(ok, "{text}");
    assert!(
        text.contains("Ciphersuite: ECDHE-RSA-AES128-GCM-SHA256"),
        "{text}"
    );
}

#[test]
fn safcheck_completes_the_handshake_only_for_a_client_certificate_that_maps_to_a_user() {
    // AT-TLS ClientAuthType SAFCheck: the certificate is required, validated against the key
    // ring, and must be associated with a user ID in the security product (AT-TLS handshake
    // roles, <https://www.ibm.com/docs/en/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz002/attls_handshake_roles.htm>).
    let (tmp, db) = setup();
    let ca = common::client_ca::ClientCa::new(tmp.path(), "/C=US/O=Example/CN=Example Client CA");
    let (alice, alice_key) = ca.client("alice", "/C=US/O=Example/CN=alice", 10);
    let (bob, bob_key) = ca.client("bob", "/C=US/O=Example/CN=bob", 11);
    ca.add_to_racf(
        &db,
        "RACDCERT CERTAUTH ADD('IBMUSER.CLIENTCA.PEM') TRUST WITHLABEL('Client CA')
RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Client CA') RING(TN3270) USAGE(CERTAUTH))
ADDUSER ALICE
RACDCERT ID(ALICE) MAP SDNFILTER('CN=alice.O=Example.C=US') WITHLABEL('alice')
SETROPTS CLASSACT(DIGTNMAP)",
    );
    let safcheck = tmp.path().join("safcheck.policy");
    std::fs::write(
        &safcheck,
        seed_rule()
            .replace("HandshakeRole Server", "HandshakeRole ServerWithClientAuth")
            .replace("ClientAuthType PassThru", "ClientAuthType SAFCheck"),
    )
    .expect("policy");
    let s = attls_serve(&db, &safcheck);
    assert!(
        !s.said.iter().any(|l| l.contains("SAFCheck")),
        "SAFCheck is applied, not noted: {:?}",
        s.said
    );
    let tls = ["-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"];
    let with = |cert: &Path, key: &Path| -> Vec<String> {
        let mut v: Vec<String> = tls.iter().map(|s| s.to_string()).collect();
        v.extend(["-cert".into(), cert.display().to_string()]);
        v.extend(["-key".into(), key.display().to_string()]);
        v
    };
    let opts = with(&alice, &alice_key);
    let (ok, text) = s_client(
        &s.addr,
        &opts.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(ok, "ALICE's certificate maps: {text}");
    let opts = with(&bob, &bob_key);
    let (ok, text) = s_client(
        &s.addr,
        &opts.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(!ok, "BOB's certificate maps to no one: {text}");
    let (ok, text) = s_client(&s.addr, &tls);
    assert!(!ok, "no client certificate: {text}");
}

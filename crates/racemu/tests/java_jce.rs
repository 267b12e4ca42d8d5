//! Java applications read racemu's rings unchanged (docs/java.md): the JCERACFKS,
//! JCECCARACFKS and JCEHYBRIDRACFKS key stores and the safkeyring* URL handlers of
//! crates/racemu-jce, through the Java agent and through the class path, against a plain
//! Java HTTPS server and keytool (Debian's Tomcat 10: java_tomcat.rs), with the ring built by
//! racdcert-scripts/zosconnect.jcl.
//!
//! The error texts are IBM Java's (IBM's R_datalib return and reason codes:
//! https://www.ibm.com/docs/en/zos/3.1.0?topic=library-return-reason-codes ; IBMZSecurity:
//! https://www.ibm.com/docs/en/semeru-runtime-ce-z/11?topic=guide-ibmzsecurity).
//!
//! These tests need a JDK (`javac`; .ci/run installs openjdk-17-jdk-headless) and say so
//! when it is missing. They run in the suite's first pass only: under `faketime` (the second
//! pass, which sets RACEMU_CLOCK_SHIFTED) each JVM starts about fifteen times slower, and the
//! provider reads no clock of its own; the certificates they use are valid until 2029-12-31
//! (the deck's NOTAFTER), so on either clock.

mod common;
use common::java::*;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const ZC: &str = "2 entries: [zosConnectCA] trusted, [zosConnectServerCert] key RSA chain 2";
const MIXED: &str = "2 entries: [Local Server] key EC chain 2, [zosConnectCA] trusted";

#[test]
fn agent_route_opens_every_url_shape_under_every_type() {
    let Some(b) = java() else { return };
    let tmp = tempfile::tempdir().expect("tmp");
    let db = store(tmp.path());
    let scenarios = [
        ("provider JCERACFKS", "IBMZSecurity"),
        ("provider RACFKS", "IBMZSecurity"),
        ("provider JCECCARACFKS", "IBMJCECCA"),
        ("provider JCEHYBRIDRACFKS", "IBMJCEHYBRID"),
        ("load JCERACFKS safkeyring://ZCSERV1/Keyring.ZOSCONN", ZC),
        ("load JCERACFKS safkeyring:///Keyring.ZOSCONN", ZC),
        ("load JCERACFKS safkeyring://Keyring.ZOSCONN", ZC),
        ("load JCERACFKS safkeyring:////ZCSERV1/Keyring.ZOSCONN", ZC),
        ("load RACFKS safkeyringjce://zcserv1/Keyring.ZOSCONN", ZC),
        ("load JCECCARACFKS safkeyringjcecca:///Keyring.ZOSCONN", ZC),
        ("load JCECCARACFKS safkeyringhw://ZCSERV1/Keyring.ZOSCONN", ZC),
        (
            "load JCEHYBRIDRACFKS safkeyringjcehybrid:////ZCSERV1/Keyring.ZOSCONN",
            ZC,
        ),
        ("load JCEHYBRIDRACFKS safkeyringhybrid://Keyring.ZOSCONN", ZC),
        (
            "writes JCERACFKS safkeyring://ZCSERV1/Keyring.ZOSCONN",
            "2 entries: [zosConnectServerCert] key RSA chain 2, [Added In Memory] trusted; load(null): 1 entries: [tomcat] key RSA chain 2; store: java.io.IOException: racemu: a RACF key ring is not written through KeyStore.store(); change it with RACDCERT (racemu run or racemu exec), see docs/java.md",
        ),
    ];
    let lines: Vec<&str> = scenarios.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        probe(b, Route::Agent, &db, "ZCSERV1", &lines),
        expect(&scenarios)
    );
}

/// A user ID with `#`, `@` and `$` and a mixed-case ring with a dot; the DEFAULT entry
/// first, the NOTRUST certificate ('Old Cert') left out, the label's blank kept.
#[test]
fn national_characters_default_first_and_notrust_left_out() {
    let Some(b) = java() else { return };
    let tmp = tempfile::tempdir().expect("tmp");
    let db = store(tmp.path());
    let scenarios = [
        ("load JCERACFKS safkeyring://Z#S@$/Ring.Mixed", MIXED),
        ("load JCERACFKS safkeyring:////Z#S@$/Ring.Mixed", MIXED),
        ("load JCERACFKS safkeyring:///Ring.Mixed", MIXED),
        ("load JCECCARACFKS safkeyringjcecca://Ring.Mixed", MIXED),
    ];
    let lines: Vec<&str> = scenarios.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        probe(b, Route::Agent, &db, "z#s@$", &lines),
        expect(&scenarios)
    );
}

/// Missing ring, no access, key withheld, a reference that names no ring: IBM's text in
/// getMessage(), racemu's hint in the cause, and no key store.
#[test]
fn refusals_read_as_ibm_java_prints_them() {
    let Some(b) = java() else { return };
    let tmp = tempfile::tempdir().expect("tmp");
    let db = store(tmp.path());
    let scenarios = [
        (
            "load JCERACFKS safkeyring://ZCSERV1/keyring.zosconn",
            "java.io.IOException: R_datalib (IRRSDL00) error: profile for ring not found (8, 8, 84) | cause RacemuHint: ZCSERV1 has no ring named keyring.zosconn (ring names are case sensitive).",
        ),
        (
            "load JCERACFKS safkeyring://ZCSERV1/",
            "java.io.IOException: R_datalib (IRRSDL00) error: error in Ring_name or RACF_userid parameter (8, 8, 28) | cause RacemuHint: \"safkeyring://ZCSERV1/\" is not a ring reference.",
        ),
        ("user NOBODY", "ok"),
        (
            "load JCERACFKS safkeyring:///Keyring.ZOSCONN",
            "java.io.IOException: R_datalib (IRRSDL00) error: profile for ring not found (8, 8, 84) | cause RacemuHint: NOBODY has no ring named Keyring.ZOSCONN (ring names are case sensitive).",
        ),
        (
            "load JCERACFKS safkeyring://ZCSERV1/Keyring.ZOSCONN",
            "java.io.IOException: R_datalib (IRRSDL00) error: not RACF authorized to use the requested service (8, 8, 8) | cause RacemuHint: NOBODY needs UPDATE access to FACILITY IRR.DIGTCERT.LISTRING to read another user's ring ZCSERV1/Keyring.ZOSCONN (has NONE), and no RDATALIB profile covers ZCSERV1.KEYRING.ZOSCONN.LST; the narrower grant is ring-specific: RDEFINE RDATALIB ZCSERV1.KEYRING.ZOSCONN.LST UACC(NONE), PERMIT ZCSERV1.KEYRING.ZOSCONN.LST CLASS(RDATALIB) ID(NOBODY) ACCESS(UPDATE), PERMIT ZCSERV1.KEYRING.ZOSCONN.LST CLASS(RDATALIB) ID(ZCSERV1) ACCESS(READ), PERMIT ZCSERV1.KEYRING.ZOSCONN.LST CLASS(RDATALIB) ID(OTHER) ACCESS(READ), SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB).",
        ),
        ("user OTHER", "ok"),
        (
            "load JCERACFKS safkeyring://ZCSERV1/Keyring.ZOSCONN",
            "java.io.IOException: The private key of zosConnectServerCert is not available or no authority to access the private key | cause RacemuHint: with global checking (FACILITY IRR.DIGTCERT.LISTRING) only ZCSERV1, the certificate's owner, gets its private key. Ring-specific checking gives it to OTHER with UPDATE access to RDATALIB ZCSERV1.KEYRING.ZOSCONN.LST, and then alone decides who opens the ring, so the IDs that open it today need a PERMIT too: RDEFINE RDATALIB ZCSERV1.KEYRING.ZOSCONN.LST UACC(NONE), PERMIT ZCSERV1.KEYRING.ZOSCONN.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE), PERMIT ZCSERV1.KEYRING.ZOSCONN.LST CLASS(RDATALIB) ID(ZCSERV1) ACCESS(READ), SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB).",
        ),
    ];
    let lines: Vec<&str> = scenarios.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        probe(b, Route::Agent, &db, "ZCSERV1", &lines),
        expect(&scenarios)
    );
}

/// Each load reads the ring as it is now: a deck that makes the server certificate the
/// DEFAULT and removes the CA is seen by the next load in the same JVM.
#[test]
fn every_load_sees_the_ring_as_it_is_now() {
    let Some(b) = java() else { return };
    let tmp = tempfile::tempdir().expect("tmp");
    let db = store(tmp.path());
    let scenarios = [
        ("load JCERACFKS safkeyring://ZCSERV1/Keyring.ZOSCONN", ZC),
        (
            "exec RACDCERT ID(ZCSERV1) CONNECT(RING(Keyring.ZOSCONN) LABEL('zosConnectServerCert') DEFAULT)",
            "rc 0",
        ),
        (
            "load JCERACFKS safkeyring://ZCSERV1/Keyring.ZOSCONN",
            "2 entries: [zosConnectServerCert] key RSA chain 2, [zosConnectCA] trusted",
        ),
        (
            "exec RACDCERT ID(ZCSERV1) REMOVE(CERTAUTH LABEL('zosConnectCA') RING(Keyring.ZOSCONN))",
            "rc 0",
        ),
        (
            "load JCERACFKS safkeyring://ZCSERV1/Keyring.ZOSCONN",
            "1 entries: [zosConnectServerCert] key RSA chain 1",
        ),
    ];
    let lines: Vec<&str> = scenarios.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        probe(b, Route::Agent, &db, "ZCSERV1", &lines),
        expect(&scenarios)
    );
}

/// No agent: the jar on the class path, the providers named in racemu-jce.security and
/// the URL handlers found through META-INF/services.
#[test]
fn class_path_route_with_the_security_properties_file() {
    let Some(b) = java() else { return };
    let tmp = tempfile::tempdir().expect("tmp");
    let db = store(tmp.path());
    let scenarios = [
        ("provider JCERACFKS", "IBMZSecurity"),
        ("provider JCEHYBRIDRACFKS", "IBMJCEHYBRID"),
        ("load JCERACFKS safkeyring://ZCSERV1/Keyring.ZOSCONN", ZC),
        ("load JCECCARACFKS safkeyringhw:///Keyring.ZOSCONN", ZC),
        (
            "load JCEHYBRIDRACFKS safkeyringjcehybrid:////ZCSERV1/Keyring.ZOSCONN",
            ZC,
        ),
    ];
    let lines: Vec<&str> = scenarios.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        probe(b, Route::ClassPath, &db, "ZCSERV1", &lines),
        expect(&scenarios)
    );
}

/// What Liberty and Zowe do (KeyStore.getInstance("JCERACFKS"), load a safkeyring URL's
/// stream, KeyManagerFactory and TrustManagerFactory over it), the agent through
/// JAVA_TOOL_OPTIONS and who the application is through RACEMU_USER / RACEMU_DB /
/// RACEMU_BIN; curl verifies the server with the ring's CA.
#[test]
fn java_https_server_serves_the_ring_and_curl_verifies_it() {
    let Some(b) = java() else { return };
    let tmp = tempfile::tempdir().expect("tmp");
    let db = store(tmp.path());
    let ring = "safkeyring:////Z#S@$/Ring.Mixed";
    let child = Command::new("java")
        .env(
            "JAVA_TOOL_OPTIONS",
            format!("-javaagent:{}", b.jar().display()),
        )
        .env("RACEMU_USER", "Z#S@$")
        .env("RACEMU_DB", &db)
        .env("RACEMU_BIN", env!("CARGO_BIN_EXE_racemu"))
        .arg("-cp")
        .arg(&b.classes)
        .args(["RingServer", "JCERACFKS", ring])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("java starts");
    let mut server = Reaped(child);
    let mut first = String::new();
    BufReader::new(server.0.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("the server's first line");
    let port = first
        .strip_prefix("PORT ")
        .unwrap_or_else(|| panic!("no port: {first:?}"))
        .trim()
        .to_string();
    let ca = ca_pem(&db, tmp.path());
    let (ok, body, err) = curl(&ca, &format!("https://localhost:{port}/"), None);
    assert!(ok, "curl: {err}");
    assert_eq!(body, format!("served from {ring}\n"));
}

/// `keytool -list` through the wrapper build.sh writes and through a stub file: each label,
/// case and blank kept, with its entry kind (OpenJDK's keytool says PrivateKeyEntry where
/// IBM's says keyEntry).
#[test]
fn keytool_lists_each_label_with_its_entry_kind() {
    let Some(b) = java() else { return };
    let tmp = tempfile::tempdir().expect("tmp");
    let db = store(tmp.path());
    let entries = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("Keystore ") || l.contains("Entry,"))
            .map(|l| {
                let f: Vec<&str> = l.split(", ").collect();
                match f.as_slice() {
                    [label, _, _, kind, ..] => format!("{label}: {kind}"),
                    _ => l.to_string(),
                }
            })
            .collect()
    };
    let keytool = |user: &str, args: &[&str]| -> String {
        let out = Command::new(b.dir.join("keytool"))
            .env("RACEMU_USER", user)
            .env("RACEMU_DB", &db)
            .env("RACEMU_BIN", env!("CARGO_BIN_EXE_racemu"))
            .env_remove("JAVA_TOOL_OPTIONS")
            .args(args)
            .output()
            .expect("keytool runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        text
    };
    let list = [
        "-list",
        "-storetype",
        "JCERACFKS",
        "-keystore",
        "safkeyring://Z#S@$/Ring.Mixed",
        "-storepass",
        "password",
    ];
    assert_eq!(
        entries(&keytool("Z#S@$", &list)),
        [
            "Keystore type: JCERACFKS",
            "Keystore provider: IBMZSecurity",
            "Local Server: PrivateKeyEntry",
            "zosConnectCA: trustedCertEntry",
        ]
    );
    // The stub file: what keytool opens is a file holding the URL.
    let stub = tmp.path().join("zosconnect.ring");
    std::fs::write(&stub, "safkeyring://ZCSERV1/Keyring.ZOSCONN\n").expect("stub");
    let out = Command::new("keytool")
        .env_remove("JAVA_TOOL_OPTIONS")
        .arg(format!("-J-javaagent:{}", b.jar().display()))
        .arg(format!("-J-Dracemu.bin={}", env!("CARGO_BIN_EXE_racemu")))
        .arg(format!("-J-Dracemu.db={}", db.display()))
        .arg("-J-Dracemu.user=ZCSERV1")
        .args(["-list", "-storetype", "JCECCARACFKS", "-storepass", "x"])
        .arg("-keystore")
        .arg(&stub)
        .output()
        .expect("keytool runs");
    assert_eq!(
        entries(&String::from_utf8_lossy(&out.stdout)),
        [
            "Keystore type: JCECCARACFKS",
            "Keystore provider: IBMJCECCA",
            "zosConnectCA: trustedCertEntry",
            "zosConnectServerCert: PrivateKeyEntry",
        ]
    );
}

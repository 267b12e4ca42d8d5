//! Java applications read racemu's rings unchanged (docs/java.md): the JCERACFKS,
//! JCECCARACFKS and JCEHYBRIDRACFKS key stores and the safkeyring* URL handlers of
//! crates/racemu-jce, through the Java agent and through the class path, against a plain
//! Java HTTPS server, keytool and Debian's Tomcat 10, with the ring built by
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
use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The jar, the keytool wrapper and the compiled test programs.
struct Built {
    dir: PathBuf,
    classes: PathBuf,
}

impl Built {
    fn jar(&self) -> PathBuf {
        self.dir.join("racemu-jce.jar")
    }
}

/// Builds crates/racemu-jce with its build.sh (once per test process) and compiles the test
/// programs; `None`, with the reason on standard error, when the tests cannot run here.
fn java() -> Option<&'static Built> {
    static BUILT: OnceLock<Option<Built>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            if std::env::var_os("RACEMU_CLOCK_SHIFTED").is_some() {
                eprintln!("java_jce: skipped under the shifted clock (first pass only; see the file's comment)");
                return None;
            }
            if Command::new("javac").arg("-version").output().is_err() {
                eprintln!("java_jce: skipped: javac not found (install openjdk-17-jdk-headless; .ci/run does)");
                return None;
            }
            let jce = root().join("crates/racemu-jce");
            let dir = root().join("target/racemu-jce");
            let out = Command::new(jce.join("build.sh"))
                .env("RACEMU_JCE_OUT", &dir)
                .output()
                .expect("build.sh runs");
            assert!(
                out.status.success(),
                "build.sh: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let classes = dir.join("test-classes");
            let mut javac = Command::new("javac");
            javac
                .arg("-d")
                .arg(&classes)
                .arg("-cp")
                .arg(dir.join("racemu-jce.jar"));
            for p in ["RingProbe.java", "RingServer.java"] {
                javac.arg(jce.join("test").join(p));
            }
            let out = javac.output().expect("javac runs");
            assert!(
                out.status.success(),
                "javac: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(Built { dir, classes })
        })
        .as_ref()
}

/// A store with racdcert-scripts/zosconnect.jcl's ring (ZCSERV1/Keyring.ZOSCONN: CA
/// `zosConnectCA`, server `zosConnectServerCert`) and a second ring, Z#S@$/Ring.Mixed:
/// a NOTRUST certificate, the CA, and `Local Server` (EC, localhost) as DEFAULT. ZCSERV1 and
/// Z#S@$ read their own rings; OTHER reads others' rings (UPDATE) but gets no one's key.
fn store(dir: &Path) -> PathBuf {
    let db = dir.join("racf.db");
    let now = real_now();
    let deck = root().join("racdcert-scripts/zosconnect.jcl");
    let r = racemu(&db, &now, &["run", deck.to_str().expect("utf-8")], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    for c in [
        "ADDUSER Z#S@$",
        "ADDUSER OTHER",
        "ADDUSER NOBODY",
        "RACDCERT ID(Z#S@$) ADDRING(Ring.Mixed)",
        "RACDCERT ID(Z#S@$) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(DOMAIN('localhost') IP(127.0.0.1)) NISTECC SIZE(256) SIGNWITH(CERTAUTH LABEL('zosConnectCA')) WITHLABEL('Local Server') NOTAFTER(DATE(2029-12-31))",
        "RACDCERT ID(Z#S@$) GENCERT SUBJECTSDN(CN('old')) WITHLABEL('Old Cert') NOTAFTER(DATE(2029-12-31))",
        "RACDCERT ID(Z#S@$) ALTER(LABEL('Old Cert')) NOTRUST",
        "RACDCERT ID(Z#S@$) CONNECT(LABEL('Old Cert') RING(Ring.Mixed))",
        "RACDCERT ID(Z#S@$) CONNECT(CERTAUTH LABEL('zosConnectCA') RING(Ring.Mixed) USAGE(CERTAUTH))",
        "RACDCERT ID(Z#S@$) CONNECT(LABEL('Local Server') RING(Ring.Mixed) DEFAULT)",
        "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(ZCSERV1 Z#S@$) ACCESS(READ)",
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(UPDATE)",
        "SETROPTS RACLIST(FACILITY DIGTCERT DIGTRING) REFRESH",
    ] {
        let r = racemu(&db, &now, &["exec", c], None);
        assert_eq!(r.code, 0, "{c}: {}{}", r.stdout, r.stderr);
    }
    db
}

/// How the key stores get into the JVM.
#[derive(Clone, Copy)]
enum Route {
    /// `-javaagent:racemu-jce.jar`.
    Agent,
    /// The jar on the class path with `-Djava.security.properties=racemu-jce.security`.
    ClassPath,
}

/// `java` with the route, the store and racemu's binary; the application's user ID `user`.
fn jvm(b: &Built, route: Route, db: &Path, user: &str) -> Command {
    let mut cmd = Command::new("java");
    for v in [
        "RACEMU_DB",
        "RACEMU_USER",
        "RACEMU_BIN",
        "JAVA_TOOL_OPTIONS",
    ] {
        cmd.env_remove(v);
    }
    match route {
        Route::Agent => {
            cmd.arg(format!("-javaagent:{}", b.jar().display()))
                .arg("-cp")
                .arg(&b.classes);
        }
        Route::ClassPath => {
            cmd.arg(format!(
                "-Djava.security.properties={}",
                b.dir.join("racemu-jce.security").display()
            ))
            .arg("-cp")
            .arg(format!("{}:{}", b.classes.display(), b.jar().display()));
        }
    }
    cmd.arg(format!("-Dracemu.bin={}", env!("CARGO_BIN_EXE_racemu")))
        .arg(format!("-Dracemu.db={}", db.display()))
        .arg(format!("-Dracemu.user={user}"));
    cmd
}

/// Runs RingProbe's scenarios (one a line) in one JVM; its standard output.
fn probe(b: &Built, route: Route, db: &Path, user: &str, scenarios: &[&str]) -> String {
    let mut child = jvm(b, route, db, user)
        .arg("RingProbe")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("java starts");
    {
        let mut stdin = child.stdin.take().expect("stdin");
        for s in scenarios {
            writeln!(stdin, "{s}").expect("write scenario");
        }
    }
    let out = child.wait_with_output().expect("java ends");
    assert!(
        out.status.success(),
        "RingProbe: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The lines `scenario -> result` RingProbe prints.
fn expect(pairs: &[(&str, &str)]) -> String {
    pairs.iter().map(|(s, r)| format!("{s} -> {r}\n")).collect()
}

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
            "java.io.IOException: R_datalib (IRRSDL00) error: not RACF authorized to use the requested service (8, 8, 8) | cause RacemuHint: NOBODY needs UPDATE access to FACILITY IRR.DIGTCERT.LISTRING to read another user's ring ZCSERV1/Keyring.ZOSCONN (has NONE), and no RDATALIB profile covers ZCSERV1.KEYRING.ZOSCONN.LST; PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(NOBODY) ACCESS(UPDATE) and SETROPTS RACLIST(FACILITY) REFRESH would grant it.",
        ),
        ("user OTHER", "ok"),
        (
            "load JCERACFKS safkeyring://ZCSERV1/Keyring.ZOSCONN",
            "java.io.IOException: The private key of zosConnectServerCert is not available or no authority to access the private key | cause RacemuHint: with global checking (FACILITY IRR.DIGTCERT.LISTRING) only ZCSERV1, the certificate's owner, gets its private key. Ring-specific checking gives it to OTHER with UPDATE access to RDATALIB ZCSERV1.KEYRING.ZOSCONN.LST: no RDATALIB profile covers ZCSERV1.KEYRING.ZOSCONN.LST: RDEFINE RDATALIB ZCSERV1.KEYRING.ZOSCONN.LST UACC(NONE), PERMIT ZCSERV1.KEYRING.ZOSCONN.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE) would grant it, with SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB) if RDATALIB is not active.",
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

/// Stops a child process (by its own handle) when the test ends, passed or not.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The ring's CA as PEM, for curl.
fn ca_pem(db: &Path, dir: &Path) -> PathBuf {
    let pem = dir.join("ca.pem");
    write_pem(&pem, &cert_der(db, "irrcerta", "zosConnectCA"));
    pem
}

/// curl to `url`, trusting only `ca`; (exit status, body, standard error).
fn curl(ca: &Path, url: &str, resolve: Option<&str>) -> (bool, String, String) {
    let mut cmd = Command::new("curl");
    cmd.args(["-sS", "--max-time", "20", "--cacert"]).arg(ca);
    if let Some(r) = resolve {
        cmd.args(["--resolve", r]);
    }
    let out = cmd.arg(url).output().expect("curl runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
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

/// A free TCP port on 127.0.0.1 (free when asked; Tomcat binds it moments later).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Debian's Tomcat 10 in a private CATALINA_BASE (tomcat10-user's tomcat10-instance-create),
/// started and stopped with its own scripts; server.xml's Certificate names
/// `certificateKeystoreType="JCERACFKS"` and a `safkeyring://` file, the agent comes in
/// through bin/setenv.sh; curl verifies the server with the ring's CA.
#[test]
fn tomcat_serves_https_from_a_ring_built_by_a_deck() {
    let Some(b) = java() else { return };
    let create = Path::new("/usr/bin/tomcat10-instance-create");
    if !create.exists() {
        eprintln!("java_jce: Tomcat test skipped: tomcat10-user is not installed (.ci/run installs tomcat10 and tomcat10-user)");
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let db = store(tmp.path());
    let base = tmp.path().join("tomcat");
    let (http, control, https) = (free_port(), free_port(), free_port());
    let out = Command::new(create)
        .args(["-p", &http.to_string(), "-c", &control.to_string()])
        .arg(&base)
        .stdin(Stdio::null())
        .output()
        .expect("tomcat10-instance-create runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let mut setenv = std::fs::OpenOptions::new()
        .append(true)
        .open(base.join("bin/setenv.sh"))
        .expect("setenv.sh");
    write!(
        setenv,
        "\n# racemu: the agent registers JCERACFKS and safkeyring://; who the server is and its store.\n\
         JAVA_OPTS=\"$JAVA_OPTS -javaagent:{} -Dracemu.bin={} -Dracemu.db={} -Dracemu.user=ZCSERV1\"\n\
         CATALINA_PID=\"$CATALINA_BASE/tomcat.pid\"\n",
        b.jar().display(),
        env!("CARGO_BIN_EXE_racemu"),
        db.display()
    )
    .expect("setenv.sh written");
    let server_xml = base.join("conf/server.xml");
    let xml = std::fs::read_to_string(&server_xml).expect("server.xml");
    let connector = format!(
        r#"    <Connector port="{https}" address="127.0.0.1" protocol="org.apache.coyote.http11.Http11NioProtocol"
               SSLEnabled="true" maxThreads="10">
      <SSLHostConfig>
        <Certificate certificateKeystoreFile="safkeyring://ZCSERV1/Keyring.ZOSCONN"
                     certificateKeystoreType="JCERACFKS"
                     certificateKeystorePassword="password" type="RSA" />
      </SSLHostConfig>
    </Connector>
  </Service>"#
    );
    assert!(xml.contains("  </Service>"), "server.xml has a Service");
    std::fs::write(&server_xml, xml.replacen("  </Service>", &connector, 1)).expect("server.xml");
    std::fs::create_dir_all(base.join("webapps/ROOT")).expect("ROOT");
    std::fs::write(base.join("webapps/ROOT/index.html"), "hello from Tomcat\n").expect("index");
    let start = Command::new(base.join("bin/startup.sh"))
        .env_remove("JAVA_TOOL_OPTIONS")
        .output()
        .expect("startup.sh runs");
    assert!(
        start.status.success(),
        "{}",
        String::from_utf8_lossy(&start.stderr)
    );
    let _stop = Stopped(base.clone());
    let ca = ca_pem(&db, tmp.path());
    let url = format!("https://myServer.host.com:{https}/");
    let resolve = format!("myServer.host.com:{https}:127.0.0.1");
    let deadline = Instant::now() + Duration::from_secs(120);
    let (body, err) = loop {
        let (ok, body, err) = curl(&ca, &url, Some(&resolve));
        if ok || Instant::now() > deadline {
            break (body, err);
        }
        std::thread::sleep(Duration::from_millis(500));
    };
    let mut log = String::new();
    if let Ok(mut f) = std::fs::File::open(base.join("logs/catalina.out")) {
        let _ = f.read_to_string(&mut log);
    }
    assert_eq!(
        body, "hello from Tomcat\n",
        "curl: {err}\ncatalina.out:\n{log}"
    );
    assert!(
        log.contains("configured from keystore [safkeyring://ZCSERV1/Keyring.ZOSCONN]"),
        "{log}"
    );
}

/// Stops the Tomcat of a CATALINA_BASE with its shutdown script, and its process (by the
/// pid file setenv.sh names) if it is still there.
struct Stopped(PathBuf);

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = Command::new(self.0.join("bin/shutdown.sh"))
            .env_remove("JAVA_TOOL_OPTIONS")
            .output();
        let pid = std::fs::read_to_string(self.0.join("tomcat.pid")).unwrap_or_default();
        let pid = pid.trim();
        if pid.is_empty() {
            return;
        }
        for _ in 0..40 {
            let alive = Command::new("kill")
                .args(["-0", pid])
                .stderr(Stdio::null())
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            if !alive {
                return;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        let _ = Command::new("kill").args(["-9", pid]).status();
    }
}

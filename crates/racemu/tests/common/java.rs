//! The Java key stores of crates/racemu-jce under test (java_jce.rs, java_tomcat.rs): the jar
//! built when its sources changed, a store with the rings the tests read, JVMs on either route,
//! curl with the ring's CA.

use super::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

/// The jar, the keytool wrapper and the compiled test programs.
pub struct Built {
    pub dir: PathBuf,
    pub classes: PathBuf,
}

impl Built {
    pub fn jar(&self) -> PathBuf {
        self.dir.join("racemu-jce.jar")
    }
}

/// Builds crates/racemu-jce with its build.sh and compiles the test programs (once per test
/// process, and only when a file under crates/racemu-jce is newer than the last build); `None`, with the reason on standard error, when the tests cannot run here.
pub fn java() -> Option<&'static Built> {
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
            let classes = dir.join("test-classes");
            let done = classes.join("RingServer.class");
            if newest(&jce) < modified(&done) {
                // Built by an earlier test process from these very sources.
                return Some(Built { dir, classes });
            }
            let out = Command::new(jce.join("build.sh"))
                .env("RACEMU_JCE_OUT", &dir)
                .output()
                .expect("build.sh runs");
            assert!(
                out.status.success(),
                "build.sh: {}",
                String::from_utf8_lossy(&out.stderr)
            );
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

/// When `p` was last changed (the epoch when it does not exist).
fn modified(p: &Path) -> std::time::SystemTime {
    std::fs::metadata(p)
        .and_then(|m| m.modified())
        .unwrap_or(std::time::UNIX_EPOCH)
}

/// The latest change to any file under `dir`.
fn newest(dir: &Path) -> std::time::SystemTime {
    let mut latest = modified(dir);
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        let t = if p.is_dir() { newest(&p) } else { modified(&p) };
        latest = latest.max(t);
    }
    latest
}

/// A store with racdcert-scripts/zosconnect.jcl's ring (ZCSERV1/Keyring.ZOSCONN: CA
/// `zosConnectCA`, server `zosConnectServerCert`) and a second ring, Z#S@$/Ring.Mixed:
/// a NOTRUST certificate, the CA, and `Local Server` (EC, localhost) as DEFAULT. ZCSERV1 and
/// Z#S@$ read their own rings; OTHER reads others' rings (UPDATE) but gets no one's key.
pub fn store(dir: &Path) -> PathBuf {
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
pub enum Route {
    /// `-javaagent:racemu-jce.jar`.
    Agent,
    /// The jar on the class path with `-Djava.security.properties=racemu-jce.security`.
    ClassPath,
}

/// `java` with the route, the store and racemu's binary; the application's user ID `user`.
pub fn jvm(b: &Built, route: Route, db: &Path, user: &str) -> Command {
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
pub fn probe(b: &Built, route: Route, db: &Path, user: &str, scenarios: &[&str]) -> String {
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
pub fn expect(pairs: &[(&str, &str)]) -> String {
    pairs.iter().map(|(s, r)| format!("{s} -> {r}\n")).collect()
}

/// Stops a child process (by its own handle) when the test ends, passed or not.
pub struct Reaped(pub Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The ring's CA as PEM, for curl.
pub fn ca_pem(db: &Path, dir: &Path) -> PathBuf {
    let pem = dir.join("ca.pem");
    write_pem(&pem, &cert_der(db, "irrcerta", "zosConnectCA"));
    pem
}

/// curl to `url`, trusting only `ca`; (exit status, body, standard error).
pub fn curl(ca: &Path, url: &str, resolve: Option<&str>) -> (bool, String, String) {
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

//! Debian's Tomcat 10 serves HTTPS from a racemu ring through crates/racemu-jce's JCERACFKS
//! (docs/java.md), configured as for z/OS but for the agent and the user ID in bin/setenv.sh.
//! Runs in the suite's first pass only, as java_jce.rs (whose comment says why).

mod common;
use common::java::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

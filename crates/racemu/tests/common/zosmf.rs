//! A `racemu zosmf serve` process for the z/OSMF tests: a store with IZUSVR's ring (as
//! z/OSMF's IZUKeyring, issued by a CA the clients trust) and z/OSMF users with passwords.

use super::{cert_der, racemu, real_now, write_pem};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// IZUSVR's ring (as z/OSMF's IZUKeyring), a z/OSMF user with a password, one with an
/// expired password, and SETROPTS PASSWORD(REVOKE(3)).
pub const SETUP: &str = "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('zOSMF CA') O('racemu')) NISTECC WITHLABEL('zOSMFCA')
RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(IP(127.0.0.1) DOMAIN('localhost')) +
         NISTECC KEYUSAGE(HANDSHAKE) WITHLABEL('DefaultzOSMFCert.IZUDFLT') SIGNWITH(CERTAUTH LABEL('zOSMFCA'))
RACDCERT ID(IZUSVR) ADDRING(IZUKeyring.IZUDFLT)
RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('zOSMFCA') RING(IZUKeyring.IZUDFLT))
RACDCERT ID(IZUSVR) CONNECT(LABEL('DefaultzOSMFCert.IZUDFLT') RING(IZUKeyring.IZUDFLT) DEFAULT)
ADDUSER ZOSUSR
ALTUSER ZOSUSR PASSWORD(SECRET1) NOEXPIRED
ADDUSER OLDPW
ALTUSER OLDPW PASSWORD(SECRET2)
ADDUSER VICTIM
ALTUSER VICTIM PASSWORD(SECRET3) NOEXPIRED
SETROPTS PASSWORD(REVOKE(3))
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
RDEFINE FACILITY IRR.DIGTCERT.LIST UACC(NONE)
RDEFINE FACILITY IRR.DIGTCERT.ADDRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(IZUSVR ZOSUSR VICTIM) ACCESS(READ)
PERMIT IRR.DIGTCERT.ADDRING CLASS(FACILITY) ID(ZOSUSR VICTIM) ACCESS(READ)
SETROPTS CLASSACT(FACILITY) RACLIST(FACILITY) REFRESH";

/// A `racemu zosmf serve` process, stopped with SIGTERM when dropped.
pub struct Zosmf {
    pub child: Child,
    pub port: String,
    pub ca: PathBuf,
    pub tmp: tempfile::TempDir,
    /// The server's standard error: the lines up to `serving on`, then the rest as they
    /// arrive.
    pub log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Drop for Zosmf {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

impl Zosmf {
    pub fn db(&self) -> PathBuf {
        self.tmp.path().join("racf.db")
    }

    /// Runs `commands` with `racemu exec` on the server's store (as IBMUSER, the real
    /// clock), which must end RC 0.
    pub fn exec(&self, commands: &str) {
        let r = super::racemu(&self.db(), &super::real_now(), &["exec", commands], None);
        assert_eq!(r.code, 0, "{commands}: {}{}", r.stdout, r.stderr);
    }

    /// The base URL, as `localhost` (the certificate's name).
    pub fn url(&self, path: &str) -> String {
        format!("https://localhost:{}{path}", self.port)
    }

    /// curl with `args`, trusting the ring's CA: (HTTP status, body).
    pub fn curl(&self, args: &[&str]) -> (u16, Vec<u8>) {
        let out = Command::new("curl")
            .args(["-sS", "--cacert", self.ca.to_str().expect("utf-8")])
            .args(["--resolve", &format!("localhost:{}:127.0.0.1", self.port)])
            .args(["-o", "-", "-w", "\n%{http_code}"])
            .args(args)
            .output()
            .expect("curl");
        assert!(
            out.status.success(),
            "curl: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut body = out.stdout;
        let nl = body.iter().rposition(|b| *b == b'\n').expect("status line");
        let status = String::from_utf8_lossy(&body[nl + 1..])
            .trim()
            .parse()
            .expect("status");
        body.truncate(nl);
        (status, body)
    }

    /// Submits `jcl` (text/plain) as `user` (`USER:PASSWORD`): the job document.
    pub fn submit(&self, user: &str, jcl: &str) -> serde_json::Value {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let file = self.tmp.path().join(format!("job{n}.jcl"));
        std::fs::write(&file, jcl).expect("write");
        let data = format!("@{}", file.display());
        let (status, body) = self.curl(&[
            "-u",
            user,
            "-X",
            "PUT",
            "-H",
            "X-CSRF-ZOSMF-HEADER: true",
            "-H",
            "Content-Type: text/plain",
            "--data-binary",
            &data,
            &self.url("/zosmf/restjobs/jobs"),
        ]);
        assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
        serde_json::from_slice(&body).expect("json")
    }

    /// Polls `job` as `user` until it reaches OUTPUT: its document.
    pub fn wait_output(&self, user: &str, job: &serde_json::Value) -> serde_json::Value {
        let path = job_path(job);
        for _ in 0..400 {
            let (status, body) = self.curl(&["-u", user, &self.url(&path)]);
            assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
            let v: serde_json::Value = serde_json::from_slice(&body).expect("json");
            if v["status"] == "OUTPUT" {
                return v;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("job never reached OUTPUT");
    }

    /// The spool of `job` as `user` sees it: (ddname, stepname, records) per file, each
    /// file's `byte-count` checked against its records.
    pub fn spool(&self, user: &str, job: &serde_json::Value) -> Vec<(String, String, String)> {
        let base = job_path(job);
        let (status, body) = self.curl(&["-u", user, &self.url(&format!("{base}/files"))]);
        assert_eq!(status, 200);
        let files: Vec<serde_json::Value> = serde_json::from_slice(&body).expect("json");
        files
            .iter()
            .map(|f| {
                let records = format!("{base}/files/{}/records", f["id"]);
                let (status, text) = self.curl(&["-u", user, &self.url(&records)]);
                assert_eq!(status, 200);
                assert_eq!(f["byte-count"].as_u64(), Some(text.len() as u64));
                (
                    f["ddname"].as_str().expect("dd").to_string(),
                    f["stepname"].as_str().expect("step").to_string(),
                    String::from_utf8(text).expect("utf-8"),
                )
            })
            .collect()
    }

    /// curl as ZOSUSR with the CSRF header: (status, JSON body).
    pub fn json(&self, method: &str, path: &str, body: Option<&str>) -> (u16, serde_json::Value) {
        let url = self.url(path);
        let mut args = vec![
            "-u",
            "ZOSUSR:SECRET1",
            "-X",
            method,
            "-H",
            "X-CSRF-ZOSMF-HEADER: true",
        ];
        if let Some(b) = body {
            args.extend(["-H", "Content-Type: application/json", "--data-binary", b]);
        }
        args.push(&url);
        let (status, bytes) = self.curl(&args);
        let v = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
        (status, v)
    }
}

/// The restjobs path of a job document: `/zosmf/restjobs/jobs/NAME/ID`.
fn job_path(job: &serde_json::Value) -> String {
    format!(
        "/zosmf/restjobs/jobs/{}/{}",
        job["jobname"].as_str().expect("jobname"),
        job["jobid"].as_str().expect("jobid")
    )
}

/// Sets up the store and starts the server as IZUSVR on a free port.
pub fn start() -> Zosmf {
    let (tmp, ca) = prepare();
    launch(tmp, ca)
}

/// A directory with the store set up ([`SETUP`]) and the ring's CA certificate (`ca.pem`).
pub fn prepare() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let setup = tmp.path().join("setup.txt");
    std::fs::write(&setup, SETUP).expect("setup file");
    let r = racemu(
        &db,
        &real_now(),
        &["run", "--sysin", setup.to_str().expect("utf-8")],
        None,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let ca = tmp.path().join("ca.pem");
    write_pem(&ca, &cert_der(&db, "irrcerta", "zOSMFCA"));
    (tmp, ca)
}

/// Starts the server over the store in `tmp`.
pub fn launch(tmp: tempfile::TempDir, ca: PathBuf) -> Zosmf {
    launch_with(tmp, ca, &[])
}

/// Starts the server over the store in `tmp` with more `zosmf serve` options.
pub fn launch_with(tmp: tempfile::TempDir, ca: PathBuf, options: &[&str]) -> Zosmf {
    let db = tmp.path().join("racf.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_racemu"))
        .args(["--db", db.to_str().expect("utf-8"), "--user", "IZUSVR"])
        .args([
            "zosmf",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--ring",
            "IZUSVR/IZUKeyring.IZUDFLT",
        ])
        .args(options)
        .env_remove("RACEMU_DB")
        .env_remove("RACEMU_NOW")
        .stderr(Stdio::piped())
        .spawn()
        .expect("zosmf serve");
    let mut reader = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    let mut before = Vec::new();
    while !line.contains("serving on") {
        line.clear();
        assert!(
            reader.read_line(&mut line).expect("stderr") > 0,
            "server ended: {line}"
        );
        before.push(line.trim_end().to_string());
    }
    let port = line.trim().rsplit(':').next().expect("port").to_string();
    // Keep draining standard error so the server never blocks on it.
    let log = std::sync::Arc::new(std::sync::Mutex::new(before));
    let sink = std::sync::Arc::clone(&log);
    std::thread::spawn(move || {
        for line in reader.lines().map_while(Result::ok) {
            if let Ok(mut l) = sink.lock() {
                l.push(line);
            }
        }
    });
    Zosmf {
        child,
        port,
        ca,
        tmp,
        log,
    }
}

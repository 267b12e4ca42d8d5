//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod client_ca;
pub mod interchange;
pub mod java;
pub mod rexx;
pub mod zosmf;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `dir`, recursively, in a stable order.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crates/*/src/**/*.rs` file of the workspace, crate by crate, in a stable order:
/// what the house rules and the message catalogue guard read.
pub fn crate_sources() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(crates) = std::fs::read_dir(root().join("crates")) else {
        return out;
    };
    let mut dirs: Vec<PathBuf> = crates.flatten().map(|e| e.path().join("src")).collect();
    dirs.sort();
    for dir in dirs {
        rust_files(&dir, &mut out);
    }
    out
}

/// The real clock, to the second, as `--now` takes it.
///
/// Tests that hand certificates to openssl, keytool, curl or Python (which all judge validity
/// on the real clock) and tests that ADD certificates openssl made (valid from the moment
/// openssl ran) use this instead of a pinned instant, so every certificate they touch is valid
/// at the `--now` racemu is given, on any date and under `faketime`.
pub fn real_now() -> String {
    let now = time::OffsetDateTime::now_utc();
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    now.format(&fmt).expect("the real clock formats")
}

/// What one racemu invocation printed.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// Runs the racemu binary against `db` with a fixed clock. The one line that says a new store
/// was created (RCM200I, tested by itself in cli.rs) is taken out of standard error, so tests
/// compare the job log and hints alone.
pub fn racemu(db: &Path, now: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut r = racemu_raw(db, now, args, stdin);
    if r.stderr.starts_with("racemu: RCM200I ") {
        r.stderr = r
            .stderr
            .split_once('\n')
            .map(|(_, rest)| rest.to_string())
            .unwrap_or_default();
    }
    r
}

/// Runs the racemu binary against `db` with a fixed clock, standard error untouched.
pub fn racemu_raw(db: &Path, now: &str, args: &[&str], stdin: Option<&str>) -> Run {
    racemu_with(db, now, args, stdin, Some(SEED))
}

/// As [`racemu`], without a seed: keys from the operating system (unless the store is
/// already seeded).
pub fn racemu_unseeded(db: &Path, now: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut r = racemu_with(db, now, args, stdin, None);
    if r.stderr.starts_with("racemu: RCM200I ") {
        r.stderr = r
            .stderr
            .split_once('\n')
            .map(|(_, rest)| rest.to_string())
            .unwrap_or_default();
    }
    r
}

fn racemu_with(
    db: &Path,
    now: &str,
    args: &[&str],
    stdin: Option<&str>,
    seed: Option<&str>,
) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_racemu"));
    cmd.arg("--db").arg(db).arg("--now").arg(now).args(args);
    cmd.env_remove("RACEMU_DB")
        .env_remove("RACEMU_NOW")
        .env_remove("RACEMU_SEED");
    if let Some(seed) = seed {
        cmd.env("RACEMU_SEED", seed);
    }
    if stdin.is_some() {
        cmd.stdin(std::process::Stdio::piped());
    }
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("spawn racemu");
    if let Some(input) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    }
    let out = child.wait_with_output().expect("racemu output");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// A real deck from tests/decks without our provenance line.
pub fn real_deck(name: &str) -> String {
    let text = std::fs::read_to_string(root().join("tests/decks").join(name)).expect("deck");
    text.split_once('\n')
        .map(|(_, r)| r.to_string())
        .unwrap_or_default()
}

/// Output lines with trailing blanks removed. Test stores are seeded ([`SEED`]), so
/// fingerprints of the certificates racemu makes at a pinned clock are compared as printed.
pub fn normalise(out: &str) -> Vec<String> {
    out.lines().map(|l| l.trim_end().to_string()).collect()
}

/// [`normalise`], with the two fingerprint lines after each `Certificate Fingerprint` heading
/// masked: only for listings of certificates that openssl made (new keys each run) or that
/// racemu made on the real clock (new validity dates each run).
pub fn mask_fingerprints(out: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut mask = 0;
    for l in normalise(out) {
        if mask > 0 {
            mask -= 1;
            lines.push("       <fingerprint>".to_string());
            continue;
        }
        if l.ends_with("Certificate Fingerprint (SHA256):") {
            mask = 2;
        }
        lines.push(l);
    }
    lines
}

/// The seed of every test store `racemu()` and `racemu_raw()` open ($RACEMU_SEED; an explicit
/// `--seed` wins): the same commands at the same `--now` print the same fingerprints.
pub const SEED: &str = "14";

/// Certificates (DER) of the store, by owner and label.
pub fn cert_der(db: &Path, owner: &str, label: &str) -> Vec<u8> {
    let store = racemu_store::Reader::open(db).expect("open store");
    store
        .read(|tx| {
            racemu_store::certs::by_label(tx, &racemu_racf::Owner::from_internal(owner), label)
        })
        .expect("read store")
        .expect("certificate in store")
        .der
}

/// Writes DER as PEM to `path`.
pub fn write_pem(path: &Path, der: &[u8]) {
    use std::fmt::Write;
    let b64 = base64_encode(der);
    let mut s = String::from("-----BEGIN CERTIFICATE-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        let _ = writeln!(s, "{}", String::from_utf8_lossy(chunk));
    }
    s.push_str("-----END CERTIFICATE-----\n");
    std::fs::write(path, s).expect("write pem");
}

fn base64_encode(data: &[u8]) -> String {
    // Tests shell out to openssl for the real checks; this only wraps DER for it.
    let out = Command::new("openssl")
        .args(["base64", "-A"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().expect("stdin").write_all(data)?;
            c.wait_with_output()
        })
        .expect("openssl base64");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Runs openssl with args, returning stdout+stderr and success.
pub fn openssl(args: &[&str]) -> (bool, String) {
    let out = Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl must be installed");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// A `racemu keyring serve` process, stopped when dropped.
pub struct Server {
    child: std::process::Child,
    /// The address it listens on (`127.0.0.1:port`).
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

/// Starts `racemu --user <user> keyring serve <ring>` on a free loopback port with the
/// `--client-auth` mode given, and waits until it is listening.
pub fn serve(db: &Path, user: &str, ring: &str, client_auth: &str) -> Server {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_racemu"))
        .args(["--db", db.to_str().expect("utf-8 path"), "--user", user])
        .args(["keyring", "serve", ring, "--listen", "127.0.0.1:0"])
        .args(["--client-auth", client_auth])
        .env_remove("RACEMU_DB")
        .env_remove("RACEMU_NOW")
        .env_remove("RACEMU_SEED")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("serve");
    let stderr = child.stderr.take().expect("stderr");
    // Warnings (RCM213W/RCM214W) may come first; the server says where it listens.
    let mut reader = BufReader::new(stderr);
    let mut line = String::new();
    while !line.contains("serving on") {
        line.clear();
        assert!(
            reader.read_line(&mut line).expect("stderr line") > 0,
            "server ended"
        );
    }
    let addr = line.trim().rsplit(' ').next().expect("addr").to_string();
    let stamp = line.split(' ').next().expect("time");
    assert!(
        time::OffsetDateTime::parse(stamp, &time::format_description::well_known::Rfc3339).is_ok(),
        "log lines start with the UTC time: {line}"
    );
    assert!(addr.starts_with("127.0.0.1:"), "{line}");
    Server { child, addr }
}

/// Runs racemu with `args` under `sh`, so the test can set the umask or the environment.
pub fn racemu_sh(dir: &Path, script: &str) -> Run {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("RACEMU", env!("CARGO_BIN_EXE_racemu"))
        .env_remove("RACEMU_DB")
        .env_remove("RACEMU_NOW")
        .env_remove("RACEMU_SEED")
        .current_dir(dir)
        .output()
        .expect("sh");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

pub const RING: &str = "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv')) NISTECC WITHLABEL('srv')
RACDCERT ID(SRV) ADDRING(Ring)
RACDCERT ID(SRV) CONNECT(LABEL('srv') RING(Ring) DEFAULT)
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
SETROPTS RACLIST(FACILITY) REFRESH";

#[cfg(unix)]
pub fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).expect("file").permissions().mode() & 0o777
}

/// `openssl s_client` to `addr`, verifying the server's certificate against `ca_file` and the
/// host name `localhost` (`-verify_return_error`): whether the handshake verified, and what
/// openssl printed.
pub fn s_client_verifies(addr: &str, ca_file: &Path) -> (bool, String) {
    let out = Command::new("openssl")
        .args(["s_client", "-connect", addr, "-CAfile"])
        .arg(ca_file)
        .args([
            "-verify_return_error",
            "-verify_hostname",
            "localhost",
            "-brief",
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("openssl s_client");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.success() && text.contains("Verification: OK"),
        text,
    )
}

//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
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

/// Runs the racemu binary against `db` with a fixed clock.
pub fn racemu(db: &Path, now: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_racemu"));
    cmd.arg("--db").arg(db).arg("--now").arg(now).args(args);
    cmd.env_remove("RACEMU_DB").env_remove("RACEMU_NOW");
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

/// Output lines with trailing blanks removed and the key-dependent fingerprint lines masked.
pub fn normalise(out: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut mask = 0;
    for l in out.lines() {
        let l = l.trim_end();
        if mask > 0 {
            mask -= 1;
            lines.push("       <fingerprint>".to_string());
            continue;
        }
        if l.ends_with("Certificate Fingerprint (SHA256):") {
            mask = 2;
        }
        lines.push(l.to_string());
    }
    lines
}

/// Certificates (DER) of the store, by owner and label.
pub fn cert_der(db: &Path, owner: &str, label: &str) -> Vec<u8> {
    let conn = racemu_store::rusqlite::Connection::open(db).expect("open store");
    conn.query_row(
        "SELECT der FROM certificates WHERE owner = ?1 AND label = ?2",
        [owner, label],
        |r| r.get(0),
    )
    .expect("certificate in store")
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

//! Robustness: a killed process leaves an intact store, two processes share one store,
//! hostile input gets messages and return codes, secrets stay out of racemu's own messages.

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const NOW: &str = "2026-11-25T10:00:00Z";

fn deck(prefix: &str, n: usize) -> String {
    let mut s = format!("RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('{prefix} CA')) NISTECC WITHLABEL('{prefix}CA')\nRACDCERT ID({prefix}) ADDRING(R)\n");
    for i in 0..n {
        s.push_str(&format!(
            "RACDCERT ID({prefix}) GENCERT SUBJECTSDN(CN('{prefix}{i}')) NISTECC WITHLABEL('c{i}') SIGNWITH(CERTAUTH LABEL('{prefix}CA'))\nRACDCERT ID({prefix}) CONNECT(LABEL('c{i}') RING(R))\n"
        ));
    }
    s
}

/// Certificates of `owners` in the store at `db`.
fn certificates(db: &Path, owners: &[&str]) -> usize {
    let store = racemu_store::Reader::open(db).expect("open");
    owners
        .iter()
        .map(|o| {
            store
                .read(|tx| {
                    racemu_store::certs::by_owner(tx, &racemu_racf::Owner::User(o.to_string()))
                })
                .expect("query")
                .len()
        })
        .sum()
}

#[test]
fn sigkill_mid_deck_leaves_an_intact_store() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let f = tmp.path().join("deck.txt");
    std::fs::write(&f, deck("KILL", 3000)).expect("w");
    let mut child = Command::new(env!("CARGO_BIN_EXE_racemu"))
        .args([
            "--db",
            db.to_str().expect("p"),
            "--now",
            NOW,
            "run",
            "--sysin",
            f.to_str().expect("p"),
        ])
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn");
    // Kill it once it is well into the deck.
    for _ in 0..1000 {
        std::thread::sleep(Duration::from_millis(10));
        if db.exists() {
            if let Ok(store) = racemu_store::Reader::open(&db) {
                let n = store
                    .read(|tx| {
                        racemu_store::certs::by_owner(tx, &racemu_racf::Owner::User("KILL".into()))
                    })
                    .map_or(0, |c| c.len());
                if n >= 20 {
                    break;
                }
            }
        }
    }
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    let store = racemu_store::Reader::open(&db).expect("open after kill");
    let health = store.read(racemu_store::health::check).expect("check");
    assert_eq!(health.integrity, "ok");
    assert_eq!(health.dangling_connections, 0);
    let certs = certificates(&db, &["KILL"]);
    assert!(certs > 0 && certs < 3000, "killed part-way: {certs}");
    // Every certificate that made it is whole: its connection came in its own transaction,
    // and the store still takes commands.
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(KILL) LISTRING(R)"], None);
    assert_eq!(r.code, 0);
}

#[test]
fn two_processes_write_one_store() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    racemu(&db, NOW, &["exec", "PROFILE"], None);
    let mut children = Vec::new();
    for p in ["ALPHA", "BRAVO"] {
        let f = tmp.path().join(format!("{p}.txt"));
        std::fs::write(&f, deck(p, 150)).expect("w");
        children.push(
            Command::new(env!("CARGO_BIN_EXE_racemu"))
                .args([
                    "--db",
                    db.to_str().expect("p"),
                    "--now",
                    NOW,
                    "run",
                    "--sysin",
                    f.to_str().expect("p"),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn"),
        );
    }
    for c in children {
        let out = c.wait_with_output().expect("wait");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "{text}");
        assert!(!text.to_lowercase().contains("locked"), "{text}");
        assert!(!text.contains("RCM999E"), "{text}");
    }
    assert_eq!(certificates(&db, &["ALPHA", "BRAVO"]), 300);
    let store = racemu_store::Reader::open(&db).expect("open");
    assert_eq!(
        store
            .read(racemu_store::rings::connection_count)
            .expect("count"),
        300
    );
}

#[test]
fn hostile_sysin_gets_messages_not_panics() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let mut bytes: Vec<u8> = Vec::new();
    bytes.extend_from_slice(b"RACDCERT ID(X) ADDRING(R)\n");
    bytes.extend_from_slice(b"RACDCERT LIST(LABEL('unbalanced)\n");
    bytes.extend_from_slice(b"RACDCERT LIST)) ((\n");
    bytes.extend_from_slice(&[0xff, 0xfe, 0x00, 0x80, b'\n']);
    bytes.extend_from_slice(
        format!("RACDCERT ID(X) LIST(LABEL('{}'))\n", "A".repeat(10_000)).as_bytes(),
    );
    bytes.extend_from_slice(format!("RACDCERT {}\n", "(".repeat(5000)).as_bytes());
    for _ in 0..20_000 {
        bytes.extend_from_slice(b"RACDCERT +\n");
    }
    bytes.extend_from_slice(b"LIST\n");
    let f = tmp.path().join("hostile.txt");
    std::fs::write(&f, &bytes).expect("w");
    let r = racemu(&db, NOW, &["run", "--sysin", f.to_str().expect("p")], None);
    assert!(r.code <= 12, "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(r.stdout.trim_end().ends_with("END"));
    // The ring made by the first command is intact and empty.
    let out = racemu(&db, NOW, &["exec", "RACDCERT ID(X) LISTRING(R)"], None);
    assert!(out.stdout.contains("*** No certificates connected ***"));
    // JCL that is not JCL.
    let j = tmp.path().join("bad.jcl");
    std::fs::write(
        &j,
        [
            0u8, 159, 146, 150, b'/', b'/', b'\n', b'/', b'/', b'X', b' ', b'F', b'O', b'O',
        ],
    )
    .expect("w");
    let r = racemu(&db, NOW, &["run", j.to_str().expect("p")], None);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

#[test]
fn passwords_and_keys_stay_out_of_racemu_messages() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let f = tmp.path().join("j.txt");
    std::fs::write(
        &f,
        "RACDCERT ID(U) ADD('NO.SUCH.P12') PASSWORD('Sup3rSecret')\n\
         RACDCERT ID(U) GENCERT SUBJECTSDN(CN('k')) NISTECC WITHLABEL('k')\n\
         RACDCERT ID(U) EXPORT(LABEL('k')) DSN('K.P12') FORMAT(PKCS12DER) PASSWORD('Sup3rSecret')\n\
         RACDCERT ID(U) LIST(LABEL('k'))\n",
    )
    .expect("w");
    let r = racemu(&db, NOW, &["run", "--sysin", f.to_str().expect("p")], None);
    for line in r.stdout.lines().chain(r.stderr.lines()) {
        if line.contains("Sup3rSecret") {
            // Only the command echo (z/OS echoes commands as typed).
            assert!(line.starts_with("RACDCERT"), "{line}");
        }
        assert!(!line.contains("PRIVATE KEY"), "{line}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&db).expect("db").permissions().mode() & 0o777,
            0o600
        );
    }
}

//! Seeded runs (issue 14): the same deck, clock and seed on a fresh store give the same bytes
//! everywhere racemu writes them; another seed gives other keys; a certificate's key depends
//! only on the seed, its owner, its label and its key type and size.

mod common;

use common::{racemu, racemu_raw, racemu_unseeded, real_now};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// A CA (RSA-2048), a server certificate it signs (P-256) with a SAN for openssl's host-name
/// check, both on a ring the server may read; LIST (fingerprints) and LISTRING; the server
/// certificate exported to data sets as DER, PKCS#7 and PKCS#12.
const DECK: &str = "//SEEDED   JOB (ACCT),'SEEDED',CLASS=A
//STEP1    EXEC PGM=IKJEFT01
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
  RACDCERT GENCERT CERTAUTH SUBJECTSDN(CN('Seeded CA') O('racemu')) +
           SIZE(2048) WITHLABEL('SeededCA')
  RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('localhost')) NISTECC +
           ALTNAME(DOMAIN('localhost')) SIGNWITH(CERTAUTH LABEL('SeededCA')) +
           WITHLABEL('server')
  RACDCERT ID(SRV) ADDRING(Ring)
  RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('SeededCA') RING(Ring))
  RACDCERT ID(SRV) CONNECT(LABEL('server') RING(Ring) DEFAULT)
  RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
  SETROPTS RACLIST(FACILITY) REFRESH
  RACDCERT CERTAUTH LIST(LABEL('SeededCA'))
  RACDCERT ID(SRV) LIST(LABEL('server'))
  RACDCERT ID(SRV) LISTRING(Ring)
  RACDCERT ID(SRV) EXPORT(LABEL('server')) DSN('SRV.SERVER.DER') FORMAT(CERTDER)
  RACDCERT ID(SRV) EXPORT(LABEL('server')) DSN('SRV.SERVER.P7') FORMAT(PKCS7DER)
  RACDCERT ID(SRV) EXPORT(LABEL('server')) DSN('SRV.SERVER.P12') +
           FORMAT(PKCS12DER) PASSWORD('secret')
/*
";

const DATA_SETS: [&str; 3] = ["SRV.SERVER.DER", "SRV.SERVER.P7", "SRV.SERVER.P12"];

/// Everything a seeded store puts out, as bytes: SYSTSPRT, data sets, the ring exported as
/// PEM and PKCS#12, and the certificate `keyring serve` presents.
#[derive(Debug, PartialEq, Eq)]
struct Outputs {
    systsprt: String,
    data_sets: Vec<Vec<u8>>,
    pem: Vec<u8>,
    pkcs12: Vec<u8>,
    served: String,
}

fn file(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("exported file")
}

/// Runs `deck` on a fresh store seeded with `seed` (by `--seed`, or by `RACEMU_SEED` when
/// `by_env`) at `now`, then reads back everything it wrote.
fn outputs(deck: &str, seed: &str, now: &str, by_env: bool) -> Outputs {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("racf.db");
    let jcl = dir.path().join("deck.jcl");
    std::fs::write(&jcl, deck).expect("deck");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_racemu"));
    cmd.arg("--db")
        .arg(&db)
        .args(["--now", now, "run"])
        .arg(&jcl);
    cmd.env_remove("RACEMU_DB").env_remove("RACEMU_NOW");
    if by_env {
        cmd.env("RACEMU_SEED", seed);
    } else {
        cmd.env_remove("RACEMU_SEED").args(["--seed", seed]);
    }
    let run = cmd.output().expect("racemu run");
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let systsprt = String::from_utf8(run.stdout).expect("utf-8");
    let data_sets = DATA_SETS
        .iter()
        .map(|dsn| {
            let out = dir.path().join(dsn);
            let r = racemu(&db, now, &["ds", "get", &format!("'{dsn}'"), p(&out)], None);
            assert_eq!(r.code, 0, "{}", r.stderr);
            file(&out)
        })
        .collect();
    let export = |format: &str| {
        let out = dir.path().join(format);
        let r = racemu(
            &db,
            now,
            &[
                "--user",
                "SRV",
                "keyring",
                "export",
                "SRV/Ring",
                "--format",
                format,
                "--out",
                p(&out),
                "--password",
                "secret",
            ],
            None,
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        file(&out)
    };
    Outputs {
        systsprt,
        data_sets,
        pem: export("pem"),
        pkcs12: export("pkcs12"),
        served: served_certificate(&db),
    }
}

fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// Starts `keyring serve` on the store (no seed given: the store's recorded one), checks that
/// it warns that its keys are reproducible, and returns the PEM certificate openssl s_client
/// is shown.
fn served_certificate(db: &Path) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_racemu"))
        .arg("--db")
        .arg(db)
        .args(["--user", "SRV", "keyring", "serve", "SRV/Ring", "--listen"])
        .arg("127.0.0.1:0")
        .env_remove("RACEMU_DB")
        .env_remove("RACEMU_NOW")
        .env_remove("RACEMU_SEED")
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve");
    let mut reader = BufReader::new(child.stderr.take().expect("stderr"));
    let mut before = Vec::new();
    let mut line = String::new();
    while !line.contains("serving on") {
        line.clear();
        assert!(reader.read_line(&mut line).expect("line") > 0, "{before:?}");
        before.push(line.trim_end().to_string());
    }
    assert!(
        before.iter().any(|l| l.ends_with(
            "racemu: RCM204W the keys of this store come from a seed: anyone who knows the seed can reproduce its private keys; serve them to tests only"
        )),
        "{before:?}"
    );
    let addr = line.trim().rsplit(' ').next().expect("addr").to_string();
    let out = Command::new("openssl")
        .args(["s_client", "-connect", &addr, "-showcerts"])
        .stdin(Stdio::null())
        .output()
        .expect("openssl s_client");
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let text = String::from_utf8_lossy(&out.stdout);
    let begin = text
        .find("-----BEGIN CERTIFICATE-----")
        .expect("a certificate");
    let end = text.find("-----END CERTIFICATE-----").expect("its end");
    text[begin..end].to_string()
}

/// The PKCS#8 blocks of a PEM bundle.
fn private_keys(pem: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(pem);
    text.split("-----BEGIN PRIVATE KEY-----")
        .skip(1)
        .map(|b| b.split("-----END").next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn the_same_deck_clock_and_seed_give_the_same_bytes_and_another_seed_other_keys() {
    // openssl judges the served certificate on the real clock: the real now, pinned once.
    let now = real_now();
    let a = outputs(DECK, "2026", &now, false);
    // RACEMU_SEED is the same seed as --seed.
    let b = outputs(DECK, "2026", &now, true);
    assert_eq!(a, b);
    assert!(a.systsprt.contains("Certificate Fingerprint (SHA256):"));
    assert_eq!(private_keys(&a.pem).len(), 1);
    let c = outputs(DECK, "2027", &now, false);
    assert_ne!(private_keys(&a.pem), private_keys(&c.pem));
    assert_ne!(a.systsprt, c.systsprt);
    assert_ne!(a.served, c.served);
    for (x, y) in a.data_sets.iter().zip(&c.data_sets) {
        assert_ne!(x, y);
    }
}

#[test]
fn an_unrelated_command_earlier_does_not_change_other_certificates() {
    let now = "2026-03-01T09:00:00Z";
    let with_more = DECK.replacen(
        "//SYSTSIN  DD *\n",
        "//SYSTSIN  DD *\n  RACDCERT ID(OTHER) GENCERT SUBJECTSDN(CN('other')) NISTECC +\n           WITHLABEL('other')\n",
        1,
    );
    let plain = outputs_without_serve(DECK, now);
    let more = outputs_without_serve(&with_more, now);
    // Same keys, same certificates: the ring's PEM bundle is the same byte for byte.
    assert_eq!(plain, more);
}

/// The ring as PEM after `deck`, seeded with 99 (no TLS: the clock is pinned).
fn outputs_without_serve(deck: &str, now: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("racf.db");
    let r = racemu(&db, now, &["--seed", "99", "run", "-"], Some(deck));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = dir.path().join("ring.pem");
    let r = racemu(
        &db,
        now,
        &[
            "--user",
            "SRV",
            "keyring",
            "export",
            "SRV/Ring",
            "--format",
            "pem",
            "--out",
            p(&out),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    file(&out)
}

#[test]
fn a_seeded_store_keeps_its_seed_and_says_when_another_is_not_used() {
    let dir = tempfile::tempdir().expect("tmp");
    let now = "2026-03-01T09:00:00Z";
    let gencert = |label: &str| {
        format!("RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('{label}')) NISTECC WITHLABEL('{label}')")
    };
    let list = |label: &str| format!("RACDCERT CERTAUTH LIST(LABEL('{label}'))");
    // Store A: seeded by its first command; the second command gives no seed.
    let a = dir.path().join("a.db");
    let r = racemu_raw(&a, now, &["--seed", "5", "exec", &gencert("one")], None);
    assert_eq!(
        r.stderr,
        format!(
            "racemu: RCM200I a new RACF database was created at {}\n",
            a.display()
        )
    );
    let r = racemu_unseeded(&a, now, &["exec", &gencert("two")], None);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (0, ""),
        "no seed given: no warning"
    );
    // Store B: seeded 5 throughout, the commands in the other order.
    let b = dir.path().join("b.db");
    for cmd in [gencert("two"), gencert("one")] {
        assert_eq!(
            racemu(&b, now, &["--seed", "5", "exec", &cmd], None).code,
            0
        );
    }
    for label in ["one", "two"] {
        let la = racemu(&a, now, &["exec", &list(label)], None);
        let lb = racemu(&b, now, &["exec", &list(label)], None);
        assert_eq!(la.stdout, lb.stdout, "{label}");
    }
    // Another seed on a seeded store: not used, and said so.
    let r = racemu(&a, now, &["--seed", "6", "exec", &list("one")], None);
    assert_eq!(
        r.stderr,
        format!(
            "racemu: RCM205W the store at {} is seeded with another seed; its recorded seed is used\n",
            a.display()
        )
    );
    // A seed on a store that already holds keys from the operating system: not used either.
    let c = dir.path().join("c.db");
    assert_eq!(
        racemu_unseeded(&c, now, &["exec", &gencert("one")], None).code,
        0
    );
    let r = racemu(&c, now, &["--seed", "5", "exec", &gencert("two")], None);
    assert_eq!(
        r.stderr,
        format!(
            "racemu: RCM205W the store at {} already holds certificates with keys from the operating system; the seed is not used\n",
            c.display()
        )
    );
    let one_a = racemu_unseeded(&a, now, &["exec", &list("two")], None).stdout;
    let two_c = racemu_unseeded(&c, now, &["exec", &list("two")], None).stdout;
    assert_ne!(one_a, two_c, "store C's second key is not the seed's");
}

#[test]
fn an_empty_racemu_seed_is_no_seed_and_a_bad_one_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let run = |seed: &str, db: &str| {
        Command::new(env!("CARGO_BIN_EXE_racemu"))
            .arg("--db")
            .arg(dir.path().join(db))
            .args(["--now", "2026-03-01", "exec", "LISTUSER IBMUSER"])
            .env_remove("RACEMU_DB")
            .env_remove("RACEMU_NOW")
            .env("RACEMU_SEED", seed)
            .output()
            .expect("racemu")
    };
    let empty = run("", "a.db");
    assert_eq!(empty.status.code(), Some(0));
    let store = racemu_store::Reader::open(&dir.path().join("a.db")).expect("store");
    assert_eq!(
        store.read(racemu_store::settings::seed).expect("read"),
        None,
        "an empty RACEMU_SEED seeds nothing"
    );
    let bad = run("twelve", "b.db");
    assert_eq!(bad.status.code(), Some(12));
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr),
        "racemu: RACEMU_SEED \"twelve\" is not a number from 0 to 18446744073709551615\n"
    );
}

#[test]
fn the_rust_api_takes_a_seed_keeps_it_and_refuses_another() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("racf.db");
    let now = time::macros::datetime!(2026-03-01 09:00 UTC);
    let gencert = "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) NISTECC WITHLABEL('CA')";
    let list = "RACDCERT CERTAUTH LIST(LABEL('CA'))";
    let mut a = racemu::Racf::builder()
        .path(&db)
        .seed(3)
        .now(now)
        .build()
        .expect("seeded store");
    assert!(a.is_seeded());
    a.sysin("IBMUSER", gencert).expect("gencert");
    let listed = a.sysin("IBMUSER", list).expect("list");
    drop(a);
    // Reopened without a seed: still seeded (Racf::open keeps working).
    let reopened = racemu::Racf::open(&db).expect("reopen");
    assert!(reopened.is_seeded());
    drop(reopened);
    // Another seed: refused, with RCM205W.
    match racemu::Racf::builder().path(&db).seed(4).build() {
        Err(racemu::RacfError::Seed(w)) => assert!(w.starts_with("RCM205W "), "{w}"),
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("another seed was taken"),
    }
    // A temporary store with the same seed and clock lists the same certificate.
    let mut fresh = racemu::Racf::builder()
        .seed(3)
        .now(now)
        .build()
        .expect("tmp");
    fresh.sysin("IBMUSER", gencert).expect("gencert");
    assert_eq!(fresh.sysin("IBMUSER", list).expect("list"), listed);
    assert!(!racemu::Racf::temporary().expect("tmp").is_seeded());
}

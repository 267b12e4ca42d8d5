//! TSO command input: command-name syntax, HELP, ambiguous abbreviations, user-ID syntax and
//! racemu's hints on paste mistakes — in batch (SYSTSPRT), `racemu exec` and the REPL.

mod common;
use common::*;

const NOW: &str = "2026-11-25T10:00:00Z";

/// Runs `sysin` as one IKJEFT01 step; returns SYSTSPRT lines, the job-log lines and the RC.
fn batch(db: &std::path::Path, sysin: &str) -> (Vec<String>, Vec<String>, i32) {
    let r = racemu(db, NOW, &["run", "--sysin", "-"], Some(sysin));
    (normalise(&r.stdout), normalise(&r.stderr), r.code)
}

#[test]
fn command_name_syntax_in_batch_and_exec() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let (out, log, rc) = batch(&db, "FROBNICATE X\n1ABC\n");
    assert_eq!(
        out,
        [
            "FROBNICATE X",
            "IKJ56621I INVALID COMMAND NAME SYNTAX",
            "READY",
            "1ABC",
            "IKJ56621I INVALID COMMAND NAME SYNTAX",
            "READY",
            "END"
        ]
    );
    assert!(log.is_empty(), "{log:?}");
    assert_eq!(rc, 12);
    let r = racemu(&db, NOW, &["exec", "FROBNICATE"], None);
    assert_eq!(r.stdout, "IKJ56621I INVALID COMMAND NAME SYNTAX\n");
    assert_eq!(r.code, 12);
    let r = racemu(&db, NOW, &["exec", "A.B X"], None);
    assert_eq!(r.stdout, "IKJ56621I INVALID COMMAND NAME SYNTAX\n");
}

//! racemu's notes on input that TSO takes without complaint or answers tersely (newcomer
//! trial, rows 2.2, 2.4 and 2.9): a record that lost its `+` continuation, a misspelled
//! keyword, an operand given twice. SYSTSPRT stays what z/OS prints; the notes go to the job
//! log (standard error).

mod common;
use common::*;

const NOW: &str = "2026-11-25T10:00:00Z";

/// Runs `sysin` as one IKJEFT01 step; returns SYSTSPRT lines, the job-log lines and the RC.
fn batch(db: &std::path::Path, sysin: &str) -> (Vec<String>, Vec<String>, i32) {
    let r = racemu(db, NOW, &["run", "--sysin", "-"], Some(sysin));
    (normalise(&r.stdout), normalise(&r.stderr), r.code)
}

/// Row 2.9: `CONNECT(LABEL('myLabel')` without its `+`. The orphan record's first word,
/// `RING(Ring1)`, is its command name, which breaks TSO's command-name syntax: IKJ56621I
/// (<https://www.ibm.com/docs/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikjm100/cd02299.htm>,
/// <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikjb700/synreq.htm>),
/// and RCM122I points at the missing continuation.
#[test]
fn a_missing_continuation_is_pointed_at() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let (out, log, rc) = batch(
        &db,
        "RACDCERT ADDRING(Ring1)\n\
         RACDCERT CONNECT(LABEL('myLabel')\n\
         RING(Ring1) DEFAULT)\n",
    );
    assert_eq!(
        out,
        [
            "RACDCERT ADDRING(Ring1)",
            "READY",
            "RACDCERT CONNECT(LABEL('myLabel')",
            "IRRD121I A ring name and label name must be specified.",
            "READY",
            "RING(Ring1) DEFAULT)",
            "IKJ56621I INVALID COMMAND NAME SYNTAX",
            "READY",
            "END",
        ]
    );
    assert_eq!(rc, 12);
    assert_eq!(
        log,
        [
            "RCM122I RING(Ring1) DEFAULT) is not a command, and the command before it ended with \
          IRRD121I (RC 8): if this record continues that command, the record before it lacks \
          its + or - continuation."
        ]
    );
    // After a command that worked, an unknown command gets no such note.
    let (_, log, _) = batch(&db, "LISTUSER IBMUSER\nRING(Ring1) DEFAULT)\n");
    assert!(log.is_empty(), "{log:?}");
}

/// Row 2.4: misspelled keywords get a "did you mean" (RCM120I) in the job log, as misspelled
/// command names get RCM110I; SYSTSPRT keeps TSO's IKJ56712I.
#[test]
fn misspelled_keywords_get_did_you_mean_in_the_job_log() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let (out, log, _) = batch(
        &db,
        "RACDCERT CERTAUTH GENCERT SUBJECTDN(CN('Typo CA') O('ACME')) WITHLABEL('Typo CA')\n\
         RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Typo CA')) WITHLABLE('Typo CA')\n",
    );
    assert_eq!(
        out,
        [
            "RACDCERT CERTAUTH GENCERT SUBJECTDN(CN('Typo CA') O('ACME')) WITHLABEL('Typo CA')",
            "IKJ56712I INVALID KEYWORD, SUBJECTDN(CN('TYPO CA') O('ACME'))",
            "READY",
            "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Typo CA')) WITHLABLE('Typo CA')",
            "IKJ56712I INVALID KEYWORD, WITHLABLE('TYPO CA')",
            "READY",
            "END",
        ]
    );
    assert_eq!(
        log,
        [
            "RCM120I SUBJECTDN is not a keyword here; did you mean SUBJECTSDN?",
            "RCM120I WITHLABLE is not a keyword here; did you mean WITHLABEL?",
        ]
    );
}

/// Row 2.2: a second DOMAIN in ALTNAME replaces the first, as TSO parse keeps the last of a
/// repeated keyword; RCM121I names what was kept and what was dropped.
#[test]
fn a_repeated_operand_is_reported_with_the_value_kept() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(
        &db,
        NOW,
        &[
            "exec",
            "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Liberty')) WITHLABEL('Liberty') \
             ALTNAME(DOMAIN('liberty.acme.com') DOMAIN('localhost') IP(127.0.0.1))",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(
        normalise(&r.stderr),
        [
            "RCM121I DOMAIN is given more than once in ALTNAME; TSO parse keeps the last, \
          DOMAIN('localhost'), and ignores DOMAIN('liberty.acme.com')."
        ]
    );
    // The same value twice loses nothing: no note.
    let r = racemu(
        &db,
        NOW,
        &["exec", "RACDCERT CERTAUTH LIST(LABEL('Liberty')) CERTAUTH"],
        None,
    );
    assert_eq!(r.stderr, "");
}

//! Jobs open data sets as the job's user, checked against the DATASET profiles: a refused
//! OPEN prints RACF's ICH408I and `IEC150I 913-38` and the step abends S913 (MVS System
//! Messages, ee150i.htm; Security Administrator's Guide, authseq.htm).

mod common;
use common::*;

const NOW: &str = "2026-11-25T10:00:00Z";

const SETUP: &str = "ADDUSER ALICE NAME('Alice')
ADDUSER IZUSVR
RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('izusvr')) NISTECC WITHLABEL('srv') NOTAFTER(DATE(2030-01-01))
RACDCERT ID(IZUSVR) EXPORT(LABEL('srv')) DSN('IZUSVR.SRV.P12') FORMAT(PKCS12DER) PASSWORD('secret1')
ADDSD 'IZUSVR.**' UACC(NONE)";

const STEAL: &str = "//STEAL    JOB (ACCT),'ALICE',CLASS=A,USER=ALICE
//COPY     EXEC PGM=IEBGENER
//SYSPRINT DD SYSOUT=*
//SYSIN    DD DUMMY
//SYSUT1   DD DSN=IZUSVR.SRV.P12,DISP=SHR
//SYSUT2   DD DSN=ALICE.SRV.P12,DISP=(NEW,CATLG)
";

#[test]
fn a_job_cannot_copy_a_pkcs12_it_may_not_read_until_permitted() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(&db, NOW, &["exec", SETUP], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let jcl = tmp.path().join("steal.jcl");
    std::fs::write(&jcl, STEAL).expect("jcl");
    let jcl = jcl.to_str().expect("utf-8");
    let r = racemu(&db, NOW, &["run", jcl], None);
    let log: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        log,
        [
            "ICH408I USER(ALICE   ) GROUP(SYS1    ) NAME(Alice               )",
            "  IZUSVR.SRV.P12 CL(DATASET ) VOL(RACEMU)",
            "  INSUFFICIENT ACCESS AUTHORITY",
            "  FROM IZUSVR.** (G)",
            "  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )",
            "IEC150I 913-38,IFG0194A,STEAL,COPY,SYSUT1,0A80,RACEMU,IZUSVR.SRV.P12",
            "IEF450I STEAL COPY - ABEND=S913 U0000 REASON=00000000",
        ],
        "{}",
        r.stderr
    );
    assert_ne!(r.code, 0);
    let r = racemu(
        &db,
        NOW,
        &["exec", "PERMIT 'IZUSVR.**' ID(ALICE) ACCESS(READ)"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = racemu(&db, NOW, &["run", jcl], None);
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        ["IEF142I STEAL COPY - STEP WAS EXECUTED - COND CODE 0000"],
        "{}",
        r.stderr
    );
    assert_eq!(r.code, 0);
}

/// DELETE at disposition needs ALTER: refused, RACF's ICH408I is in the job log and the data
/// set stays; the owner by high-level qualifier deletes it.
#[test]
fn delete_at_disposition_needs_alter() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(&db, NOW, &["exec", SETUP], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let jcl = tmp.path().join("del.jcl");
    let text = |user: &str| {
        format!(
            "//DEL      JOB (ACCT),'X',CLASS=A,USER={user}\n//STEP     EXEC PGM=IEFBR14\n//DD1      DD DSN=IZUSVR.SRV.P12,DISP=(OLD,DELETE)\n"
        )
    };
    std::fs::write(&jcl, text("ALICE")).expect("jcl");
    let r = racemu(&db, NOW, &["run", jcl.to_str().expect("p")], None);
    assert!(
        r.stderr
            .contains("  ACCESS INTENT(ALTER  )  ACCESS ALLOWED(NONE   )"),
        "{}",
        r.stderr
    );
    let out = tmp.path().join("p12");
    let get = |user: &str| {
        racemu(
            &db,
            NOW,
            &[
                "--user",
                user,
                "ds",
                "get",
                "'IZUSVR.SRV.P12'",
                out.to_str().expect("p"),
            ],
            None,
        )
        .code
    };
    assert_eq!(get("IZUSVR"), 0, "the data set is still there");
    std::fs::write(&jcl, text("IZUSVR")).expect("jcl");
    let r = racemu(&db, NOW, &["run", jcl.to_str().expect("p")], None);
    assert!(!r.stderr.contains("ICH408I"), "{}", r.stderr);
    assert_ne!(get("IZUSVR"), 0, "deleted by its owner");
}

/// Runs `jcl` (written to a file in `dir`) against the store `db`.
fn run_job(dir: &std::path::Path, db: &std::path::Path, jcl: &str) -> Run {
    let path = dir.join("job.jcl");
    std::fs::write(&path, jcl).expect("jcl");
    racemu(db, NOW, &["run", path.to_str().expect("utf-8")], None)
}

/// A step that creates (`DISP=NEW`) a data set its user may not create fails at allocation,
/// before the program runs: RACF's ICH408I with ACCESS INTENT(ALTER), `IEF344I … ALLOCATION
/// FAILED DUE TO DATA FACILITY SYSTEM ERROR` (iea3m8_IEF_messages.htm and the public job log
/// in docs/sources.md), `IEF272I` and the job's JCL error; nothing is created. The same under
/// PROTECTALL(FAILURES) with no covering profile (protall.htm), without FROM.
#[test]
fn disp_new_needs_alter_at_allocation() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(
        &db,
        NOW,
        &["exec", &format!("{SETUP}\nALTDSD 'IZUSVR.**' UACC(READ)")],
        None,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let job = |dsn: &str| {
        format!(
            "//MAKE     JOB (ACCT),'ALICE',CLASS=A,USER=ALICE\n//STEP1    EXEC PGM=IEFBR14\n//NEWDD    DD DSN={dsn},DISP=(NEW,CATLG)\n//STEP2    EXEC PGM=IEFBR14\n"
        )
    };
    let r = run_job(tmp.path(), &db, &job("IZUSVR.NEW.DATA"));
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        [
            "ICH408I USER(ALICE   ) GROUP(SYS1    ) NAME(Alice               )",
            "  IZUSVR.NEW.DATA CL(DATASET ) VOL(RACEMU)",
            "  INSUFFICIENT ACCESS AUTHORITY",
            "  FROM IZUSVR.** (G)",
            "  ACCESS INTENT(ALTER  )  ACCESS ALLOWED(READ   )",
            "IEF344I MAKE STEP1 NEWDD - ALLOCATION FAILED DUE TO DATA FACILITY SYSTEM ERROR",
            "IEF272I MAKE STEP1 - STEP WAS NOT EXECUTED.",
            "IEF453I MAKE - JOB FAILED - JCL ERROR",
        ],
        "{}",
        r.stderr
    );
    assert_ne!(r.code, 0);
    let ls = racemu(&db, NOW, &["ds", "ls", "'IZUSVR.**'"], None);
    assert!(!ls.stdout.contains("IZUSVR.NEW.DATA"), "{}", ls.stdout);
    // PROTECTALL(FAILURES): a data set no profile covers cannot be created.
    let r = racemu(&db, NOW, &["exec", "SETROPTS PROTECTALL(FAILURES)"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_job(tmp.path(), &db, &job("SHARED.NEW.DATA"));
    let log: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        log[..5],
        [
            "ICH408I USER(ALICE   ) GROUP(SYS1    ) NAME(Alice               )",
            "  SHARED.NEW.DATA CL(DATASET ) VOL(RACEMU)",
            "  INSUFFICIENT ACCESS AUTHORITY",
            "  ACCESS INTENT(ALTER  )  ACCESS ALLOWED(NONE   )",
            "IEF344I MAKE STEP1 NEWDD - ALLOCATION FAILED DUE TO DATA FACILITY SYSTEM ERROR",
        ],
        "{}",
        r.stderr
    );
    // ALICE's own data sets (high-level qualifier) she creates.
    let r = run_job(tmp.path(), &db, &job("ALICE.NEW.DATA"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("ICH408I"), "{}", r.stderr);
}

/// An OPEN allowed only by the profile's WARNING goes ahead; RACF's warning ICH408I is in the
/// job log before the step's IEF142I.
#[test]
fn a_job_let_through_by_warning_logs_ich408i() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(
        &db,
        NOW,
        &["exec", &format!("{SETUP}\nALTDSD 'IZUSVR.**' WARNING")],
        None,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let r = run_job(tmp.path(), &db, STEAL);
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        [
            "ICH408I USER(ALICE   ) GROUP(SYS1    ) NAME(Alice               )",
            "  IZUSVR.SRV.P12 CL(DATASET ) VOL(RACEMU)",
            "  WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED",
            "  FROM IZUSVR.** (G)",
            "  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )",
            "IEF142I STEAL COPY - STEP WAS EXECUTED - COND CODE 0000",
        ],
        "{}",
        r.stderr
    );
    assert_eq!(r.code, 0);
}

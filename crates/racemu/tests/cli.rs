//! The command line: exec, repl (piped), ds, settings, bad options.

mod common;
use common::*;

const NOW: &str = "2026-11-25T10:00:00Z";

#[test]
fn exec_prints_output_and_exits_with_rc() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(NOBODY) LISTRING(*)"], None);
    assert_eq!(r.stdout.trim_end(), "IRRD115I User NOBODY has no rings.");
    assert_eq!(r.code, 4);
    let r = racemu(&db, NOW, &["exec", "FROB X"], None);
    assert_eq!(r.stdout.trim_end(), "IKJ56500I COMMAND FROB NOT FOUND");
    assert_eq!(r.code, 12);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db).expect("db").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the store holds private keys");
    }
}

#[test]
fn repl_reads_commands_with_continuation_until_logoff() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let input = "RACDCERT ID(X) ADDRING(R)\nRACDCERT ID(X) +\n   LISTRING(R)\nLOGOFF\nRACDCERT ID(X) ADDRING(NEVER)\n";
    let r = racemu(&db, NOW, &["repl"], Some(input));
    let out = normalise(&r.stdout);
    assert_eq!(out[0], "READY");
    assert!(out.contains(&"       >R<".to_string()), "{out:?}");
    assert_eq!(r.code, 0);
    // Nothing after LOGOFF ran.
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(X) LISTRING(NEVER)"], None);
    assert_eq!(r.stdout.trim_end(), "IRRD114I Ring NEVER does not exist.");
}

#[test]
fn data_sets_round_trip_and_feed_systsin() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let cmds = tmp.path().join("cmds.txt");
    std::fs::write(
        &cmds,
        "RACDCERT ID(DSUSER) ADDRING(FROMDS)\nRACDCERT ID(DSUSER) LISTRING(*)\n",
    )
    .expect("w");
    let r = racemu(
        &db,
        NOW,
        &[
            "--user",
            "USER1",
            "ds",
            "put",
            "RACF.CMDS",
            cmds.to_str().expect("p"),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = racemu(&db, NOW, &["ds", "ls"], None);
    assert!(r.stdout.contains("USER1.RACF.CMDS"), "{}", r.stdout);
    let job = tmp.path().join("job.jcl");
    std::fs::write(&job, "//DSJOB JOB\n//S1 EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD DSN=USER1.RACF.CMDS,DISP=SHR\n//S2 EXEC PGM=NOSUCH\n//S3 EXEC PGM=IEFBR14\n").expect("w");
    let r = racemu(&db, NOW, &["run", job.to_str().expect("p")], None);
    assert!(r.stdout.contains("       >FROMDS<"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("CSV003I REQUESTED MODULE NOSUCH NOT FOUND"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("ABEND=S806"), "{}", r.stderr);
    assert_eq!(r.code, 12);
    let r = racemu(
        &db,
        NOW,
        &["ds", "put", "'BAD..NAME'", cmds.to_str().expect("p")],
        None,
    );
    assert_ne!(r.code, 0);
}

#[test]
fn undefined_ids_setting() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(&db, NOW, &["setting", "undefined-ids", "error"], None);
    assert_eq!(r.stdout.trim(), "undefined-ids = error");
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(GHOST) ADDRING(R)"], None);
    assert_eq!(
        r.stdout.trim_end(),
        "IRRD102I The user ID specified is not defined to RACF."
    );
    assert_eq!(r.code, 8);
    let r = racemu(&db, "not-a-time", &["exec", "PROFILE"], None);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("RFC 3339"));
}

#[test]
fn parm_command_and_ikjeft1b_stop_at_the_first_failure() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let job = tmp.path().join("job.jcl");
    std::fs::write(
        &job,
        "//PARMJOB JOB (ACCT),'TEST',CLASS=A\n\
         //S1 EXEC PGM=IKJEFT01,PARM='RACDCERT ID(P) ADDRING(FROMPARM)'\n\
         //SYSTSPRT DD SYSOUT=*\n\
         //SYSTSIN DD *\n RACDCERT ID(P) LISTRING(FROMPARM)\n/*\n\
         //S2 EXEC PGM=IKJEFT1B\n\
         //SYSTSPRT DD SYSOUT=*\n\
         //SYSTSIN DD *\n RACDCERT ID(P) LISTRING(NOSUCH)\n RACDCERT ID(P) ADDRING(NEVER)\n/*\n\
         //CHK IF (S2.RC = 4) THEN\n\
         //S3 EXEC PGM=IEFBR14\n\
         // ENDIF\n",
    )
    .expect("w");
    let r = racemu(&db, NOW, &["run", job.to_str().expect("p")], None);
    let out = normalise(&r.stdout);
    assert_eq!(
        out[0], "RACDCERT ID(P) ADDRING(FROMPARM)",
        "PARM= is the first command, echoed"
    );
    assert!(out.contains(&"       >FROMPARM<".to_string()), "{out:?}");
    assert!(out.contains(&"IRRD114I Ring NOSUCH does not exist.".to_string()));
    assert!(
        !out.iter().any(|l| l.contains("ADDRING(NEVER)")),
        "IKJEFT1B stops at the first non-zero RC"
    );
    assert!(
        r.stderr
            .contains("IEF142I PARMJOB S2 - STEP WAS EXECUTED - COND CODE 0004"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("IEF142I PARMJOB S3 - STEP WAS EXECUTED - COND CODE 0000"),
        "{}",
        r.stderr
    );
    assert_eq!(r.code, 4);
}

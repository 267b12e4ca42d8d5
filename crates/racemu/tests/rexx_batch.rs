//! REXX execs in batch beyond the TMP's commands (issue 26): IRXJCL (PARM, SAY to SYSTSPRT,
//! PULL from SYSTSIN, EXECIO over the step's DDs, RETURN/EXIT as the condition code, TSO not
//! available), and TSO ALLOCATE/FREE with EXECIO, SYSDSN and LISTDSI under IKJEFT01, each
//! checked against the store.
//!
//! IBM's pages: IRXJCL return codes
//! (https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikja300/jclcode.htm),
//! EXECIO (https://ibm.com/support/knowledgecenter/SSLTBW_2.3.0/com.ibm.zos.v2r3.ikja300/dup0037.htm),
//! SYSDSN, LISTDSI and MVSVAR (TSO/E REXX User's Guide, "Accessing System Information",
//! https://www.ibm.com/docs/SSLTBW_2.4.0/com.ibm.zos.v2r4.ikjc300/ikj2g2_Accessing_System_Information.htm),
//! IKJ56246I (https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.ikjm100/cd02017.htm).
//!
//! Every test skips (and says why) when Regina's library is not installed here.

mod common;

use common::racemu;
use common::rexx::{get, put, rexx_store, NOW};
use std::path::Path;

fn run(db: &Path, dir: &Path, jcl: &str) -> common::Run {
    let f = dir.join("job.jcl");
    std::fs::write(&f, format!("//J        JOB USER=IBMUSER\n{jcl}")).expect("write job");
    racemu(db, NOW, &["run", f.to_str().expect("path")], None)
}

const BATCH: &str = "/* REXX - IRXJCL: PARM, SAY, PULL, EXECIO, exit value */
parse arg first rest
say 'args:' first '/' rest 'userid' userid() 'sysname' mvsvar('SYSNAME')
parse pull line1
say 'pulled:' line1
\"EXECIO * DISKR INDD (STEM in. FINIS\"
say 'read rc' rc in.0 in.1
out.1 = 'copied' in.1
out.2 = 'second'
\"EXECIO 2 DISKW OUTDD (STEM out. FINIS\"
say 'write rc' rc
address tso \"LISTUSER\"
say 'tso rc' rc
exit 7
";

/// IRXJCL: the PARM's first word is the SYSEXEC member, the rest its argument; SAY goes to
/// SYSTSPRT, PULL reads SYSTSIN, EXECIO reads and writes the step's DDs (as the job's user),
/// ADDRESS TSO is an environment IRXJCL does not have (RC -3), SYSVAR a routine REXX cannot
/// find (IRX0043I); EXIT 7 is the condition code, a syntax error 20000 + n modulo 4096, a PARM
/// naming no exec 20021 → 3637.
#[test]
fn irxjcl_runs_an_exec_in_a_non_tso_environment() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    put(&db, tmp.path(), "'IBMUSER.REXX(BATCH)'", BATCH);
    put(
        &db,
        tmp.path(),
        "'IBMUSER.REXX(NOTSO)'",
        "/* REXX */\nsay sysvar('SYSUID')\n",
    );
    put(&db, tmp.path(), "'IBMUSER.INPUT'", "line one\nline two\n");
    let r = run(
        &db,
        tmp.path(),
        "//ALLOC    EXEC PGM=IEFBR14\n//NEW      DD DSN=IBMUSER.OUT,DISP=(NEW,CATLG)\n\
         //RUN      EXEC PGM=IRXJCL,PARM='BATCH one two three'\n\
         //SYSEXEC  DD DSN=IBMUSER.REXX,DISP=SHR\n//SYSTSPRT DD SYSOUT=*\n\
         //INDD     DD DSN=IBMUSER.INPUT,DISP=SHR\n//OUTDD    DD DSN=IBMUSER.OUT,DISP=OLD\n\
         //SYSTSIN  DD *\nfirst pulled line\n/*\n\
         //NOTSO    EXEC PGM=IRXJCL,PARM='NOTSO'\n//SYSEXEC  DD DSN=IBMUSER.REXX,DISP=SHR\n\
         //SYSTSPRT DD SYSOUT=*\n\
         //BADPARM  EXEC PGM=IRXJCL,PARM='TOOLONGNAME'\n//SYSTSPRT DD SYSOUT=*\n",
    );
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "args: one / two three userid IBMUSER sysname RACEMU",
            "pulled: first pulled line",
            "read rc 0 2 line one",
            "write rc 0",
            "    12 *-* address tso \"LISTUSER\"",
            "       +++ RC(-3) +++",
            "tso rc -3",
            "     2 +++ say sysvar('SYSUID')",
            "IRX0043I Error running NOTSO, line 2: Routine not found",
            "RCM508E IRXJCL PARM 'TOOLONGNAME' does not begin with the name of an exec (1 to 8 characters).",
        ]
    );
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        [
            "IEF142I J ALLOC - STEP WAS EXECUTED - COND CODE 0000",
            "IEF142I J RUN - STEP WAS EXECUTED - COND CODE 0007",
            "IEF142I J NOTSO - STEP WAS EXECUTED - COND CODE 3659",
            "IEF142I J BADPARM - STEP WAS EXECUTED - COND CODE 3637",
        ]
    );
    assert_eq!(
        get(&db, tmp.path(), "'IBMUSER.OUT'"),
        "copied line one\nsecond\n"
    );
}

const ALLOCX: &str = "/* REXX */
\"ALLOC F(MYIN) DA('IBMUSER.INPUT') SHR REUSE\"
say 'alloc rc' rc
\"EXECIO * DISKR MYIN (STEM l. FINIS\"
say 'read' rc l.0 l.2
\"ALLOC F(MYOUT) DA(OUTPUT.DATA) NEW\"
say 'alloc new rc' rc
l.3 = 'added by exec'
\"EXECIO 3 DISKW MYOUT (STEM l. FINIS\"
say 'diskw' rc
\"FREE F(MYOUT)\"
say 'free rc' rc
\"FREE F(MYOUT)\"
say 'free again rc' rc
\"ALLOC F(MYIN) DA('IBMUSER.INPUT') SHR\"
say 'alloc again rc' rc
\"ALLOC F(X) DA('NO.SUCH.DS') SHR\"
say 'alloc missing rc' rc
say sysdsn(\"'IBMUSER.INPUT'\") sysdsn(output.data) sysdsn(\"'IBMUSER.REXX(NOPE)'\")
say listdsi(\"'IBMUSER.REXX'\") sysdsorg sysmembers sysrecfm syslrecl
";

/// TSO ALLOCATE and FREE before EXECIO under IKJEFT01: SHR and NEW (the data set created as
/// the job's user), REUSE, IKJ56246I for a DD in use, IKJ56247I freeing one not allocated,
/// IKJ56228I for a data set not there; SYSDSN and LISTDSI ask the catalog; the data set the
/// exec wrote is in the store.
#[test]
fn allocate_free_and_execio_under_the_tmp() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    put(&db, tmp.path(), "'IBMUSER.REXX(ALLOCX)'", ALLOCX);
    put(&db, tmp.path(), "'IBMUSER.INPUT'", "line one\nline two\n");
    let r = run(
        &db,
        tmp.path(),
        "//TSO      EXEC PGM=IKJEFT01\n//SYSEXEC  DD DSN=IBMUSER.REXX,DISP=SHR\n\
         //SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n  %ALLOCX\n/*\n",
    );
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "  %ALLOCX",
            "alloc rc 0",
            "read 0 2 line two",
            "alloc new rc 0",
            "diskw 0",
            "free rc 0",
            "IKJ56247I FILE MYOUT NOT FREED, IS NOT ALLOCATED",
            "free again rc 12",
            "IKJ56246I FILE MYIN NOT ALLOCATED, FILE IN USE",
            "alloc again rc 12",
            "IKJ56228I DATA SET NO.SUCH.DS NOT IN CATALOG OR CATALOG CAN NOT BE ACCESSED",
            "alloc missing rc 12",
            "OK OK MEMBER NOT FOUND",
            "0 PO 1 FB 80",
            "READY",
            "END",
        ]
    );
    assert_eq!(
        get(&db, tmp.path(), "'IBMUSER.OUTPUT.DATA'"),
        "line one\nline two\nadded by exec\n"
    );
}

/// Exec libraries and EXECIO read as the job's user under the data-set profiles: ALICE may
/// not read `IZUSVR.**` (UACC(NONE)), so an exec in a SYSPROC library there is not run (RC
/// 12) and EXECIO of a data set there ends RC 20, each with RACF's ICH408I (naming the data
/// set, whose profile decides); after a PERMIT both work.
#[test]
fn exec_libraries_and_execio_read_as_the_jobs_user() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    put(
        &db,
        tmp.path(),
        "'IZUSVR.REXX(SECRET)'",
        "/* REXX */\nsay 'secret exec'\n",
    );
    put(&db, tmp.path(), "'IZUSVR.DATA'", "secret data\n");
    put(
        &db,
        tmp.path(),
        "'ALICE.REXX(PEEK)'",
        "/* REXX */\n\"ALLOC F(IN) DA('IZUSVR.DATA') SHR\"\n\
         \"EXECIO * DISKR IN (STEM d. FINIS\"\nsay 'execio rc' rc d.1\n",
    );
    let r = racemu(
        &db,
        NOW,
        &[
            "exec",
            "ADDUSER ALICE NAME('Alice')\nADDSD 'IZUSVR.**' UACC(NONE)",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let jcl = "//TSO      EXEC PGM=IKJEFT01\n\
               //SYSEXEC  DD DSN=ALICE.REXX,DISP=SHR\n//SYSPROC  DD DSN=IZUSVR.REXX,DISP=SHR\n\
               //SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n  %SECRET\n  %PEEK\n/*\n";
    let f = tmp.path().join("alice.jcl");
    std::fs::write(&f, format!("//A        JOB USER=ALICE\n{jcl}")).expect("write");
    let r = racemu(&db, NOW, &["run", f.to_str().expect("path")], None);
    let ich408i = |dsn: &str| {
        [
            "ICH408I USER(ALICE   ) GROUP(SYS1    ) NAME(Alice               )".to_string(),
            format!("  {dsn} CL(DATASET ) VOL(RACEMU)"),
            "  INSUFFICIENT ACCESS AUTHORITY".to_string(),
            "  FROM IZUSVR.** (G)".to_string(),
            "  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )".to_string(),
        ]
    };
    let mut expected = vec!["  %SECRET".to_string()];
    expected.extend(ich408i("IZUSVR.REXX"));
    expected.extend(["READY".to_string(), "  %PEEK".to_string()]);
    expected.extend(ich408i("IZUSVR.DATA"));
    expected.extend(["execio rc 20 D.1", "READY", "END"].map(str::to_string));
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        expected,
        "{}",
        r.stderr
    );
    let r = racemu(
        &db,
        NOW,
        &["exec", "PERMIT 'IZUSVR.**' ID(ALICE) ACCESS(READ)"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = racemu(&db, NOW, &["run", f.to_str().expect("path")], None);
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "  %SECRET",
            "secret exec",
            "READY",
            "  %PEEK",
            "execio rc 0 secret data",
            "READY",
            "END"
        ]
    );
}

/// ALLOCATE and FREE in SYSTSIN itself, as decks do before calling an exec: `ALLOC
/// F(SYSEXEC) DA(…) SHR REUSE` sets the SYSEXEC concatenation for the `%NAME` that follows
/// (searched in order), and FREE takes it away (then IKJ56500I).
#[test]
fn allocate_in_systsin_sets_sysexec_for_the_execs_that_follow() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    put(
        &db,
        tmp.path(),
        "'IBMUSER.FIRST.EXEC(HELLO)'",
        "/* REXX */\nsay 'first'\nexit 4\n",
    );
    put(
        &db,
        tmp.path(),
        "'IBMUSER.SECOND.EXEC(HELLO)'",
        "/* REXX */\nsay 'second'\n",
    );
    let r = run(
        &db,
        tmp.path(),
        "//TSO      EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n\
         \x20 ALLOC F(SYSEXEC) DA('IBMUSER.FIRST.EXEC','IBMUSER.SECOND.EXEC') SHR REUSE\n\
         \x20 %HELLO\n  FREE F(SYSEXEC)\n  %HELLO\n  ALLOC F(SYSEXEC) DA(SECOND.EXEC) SHR\n\
         \x20 HELLO\n/*\n",
    );
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "  ALLOC F(SYSEXEC) DA('IBMUSER.FIRST.EXEC','IBMUSER.SECOND.EXEC') SHR REUSE",
            "READY",
            "  %HELLO",
            "first",
            "READY",
            "  FREE F(SYSEXEC)",
            "READY",
            "  %HELLO",
            "IKJ56500I COMMAND HELLO NOT FOUND",
            "READY",
            "  ALLOC F(SYSEXEC) DA(SECOND.EXEC) SHR",
            "READY",
            "  HELLO",
            "second",
            "READY",
            "END",
        ]
    );
}

/// In the background an exec's PULL, its data stack empty, reads the SYSTSIN records that
/// follow its command (TSO/E REXX User's Guide, running an exec in the background): the TMP
/// neither echoes nor runs them, and goes on after them.
#[test]
fn pull_under_the_tmp_reads_the_records_that_follow() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    put(
        &db,
        tmp.path(),
        "'IBMUSER.REXX(ASK)'",
        "/* REXX */\nparse pull first\npull second\nsay 'got' first '/' second\n",
    );
    let r = run(
        &db,
        tmp.path(),
        "//TSO      EXEC PGM=IKJEFT01\n//SYSEXEC  DD DSN=IBMUSER.REXX,DISP=SHR\n\
         //SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n  %ASK\nFirst Answer\nsecond answer\n\
         PROFILE\n/*\n",
    );
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "  %ASK",
            "got First Answer / SECOND ANSWER",
            "READY",
            "PROFILE",
            "READY",
            "END"
        ]
    );
}

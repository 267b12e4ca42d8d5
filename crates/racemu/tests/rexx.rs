//! REXX execs under the TMP (issue 26): `%NAME`, implicit `NAME` and `EXEC` from SYSEXEC and
//! SYSPROC, ADDRESS TSO through the same command loop as SYSTSIN, OUTTRAP, SYSVAR, USERID,
//! TSO/E's IRX messages, and the ends that are not the exec's (a runaway exec).
//!
//! IBM's pages: TSO/E REXX Reference, OUTTRAP
//! (https://ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.ikja300/outtrap.htm), SYSVAR
//! (https://www.ibm.com/docs/SSLTBW_2.4.0/com.ibm.zos.v2r4.ikjc300/ikj2g2_Accessing_System_Information.htm), the explicit
//! EXEC command (https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.ikjc500/usexpl.htm),
//! the REXX identifier of SYSPROC execs
//! (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikja300/dup0003.htm),
//! RC -3 for a command TSO cannot find (no IBM page read for it: UNCONFIRMED in
//! docs/fidelity.md),
//! ERRORTEXT ("error 26 corresponds to message number IRX0026I",
//! https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikja300/errortx.htm),
//! IRXJCL's step condition code limited to 4095
//! (https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikja300/jclcode.htm).
//!
//! Every test skips (and says why) when Regina's library is not installed here; CI installs
//! it (`.ci/run`).

mod common;

use common::rexx::{put, rexx_store, NOW};
use common::{racemu, Run};
use std::path::Path;

/// Runs job `steps` (after a JOB card with USER=IBMUSER).
fn job(db: &Path, dir: &Path, steps: &str) -> Run {
    let f = dir.join("job.jcl");
    let text = format!("//RACFJOB  JOB (ACCT),'REXX',CLASS=A,USER=IBMUSER\n{steps}");
    std::fs::write(&f, text).expect("write job");
    racemu(db, NOW, &["run", f.to_str().expect("path")], None)
}

const WEBRING: &str = include_str!("rexx/WEBRING.rexx");

/// The "done when": an exec written as z/OSMF workflow and RACFADM execs are
/// (single-line RACDCERT commands built by concatenation, `ID (user)` and `CONNECT (…)`
/// spacing, `IF RC<>0 then exit 8`, `trace commands`, OUTTRAP, `substr` column parsing)
/// creates a CA, a certificate and a ring under IKJEFT01 with SYSEXEC; the whole SYSTSPRT is
/// TSO/E's; the trapped LISTRING is, line for line, what LISTRING prints; the store holds
/// the ring.
#[test]
fn keyring_exec_under_ikjeft01_creates_the_ring_and_parses_listring() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    put(&db, tmp.path(), "'IBMUSER.KEYRING.EXEC(WEBRING)'", WEBRING);
    let r = job(
        &db,
        tmp.path(),
        "//RUN      EXEC PGM=IKJEFT01\n//SYSEXEC  DD DSN=IBMUSER.KEYRING.EXEC,DISP=SHR\n\
         //SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n  %WEBRING IBMUSER WEBRING\n/*\n",
    );
    let listring = [
        "Digital ring information for user IBMUSER:",
        "",
        "  Ring:",
        "       >WEBRING<",
        "  Certificate Label Name             Cert Owner     USAGE      DEFAULT",
        "  --------------------------------   ------------   --------   -------",
        "  Racemu Test CA                     CERTAUTH       CERTAUTH     NO",
        "  Liberty server                     ID(IBMUSER)    PERSONAL     YES",
        "",
    ];
    let mut expected = vec![
        "  %WEBRING IBMUSER WEBRING".to_string(),
        "Running as IBMUSER prefix IBMUSER env BACK ISPF NOT ACTIVE".to_string(),
        "    11 *-* \"RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Racemu Test CA') OU('LIBERTY') O('EXAMPLE')) WITHLABEL('Racemu Test CA') NOTAFTER(DATE(2030-12-31))\"".to_string(),
        "IRRD175I The new profile for DIGTCERT will not be in effect until a SETROPTS REFRESH has been issued.".to_string(),
        "IRRD175I The new profile for DIGTCERT will not be in effect until a SETROPTS REFRESH has been issued.".to_string(),
        "LISTRING RC 0 lines 9 trapped 9 max 999999999 CONCAT".to_string(),
    ];
    expected.extend(listring.iter().map(|l| format!("|{l}")));
    expected.extend(
        [
            "Label: Racemu Test CA Owner: CERTAUTH Usage: CERTAUTH Default: NO",
            "Label: Liberty server Owner: ID(IBMUSER) Usage: PERSONAL Default: YES",
            "NOSUCH RC -3",
            "READY",
            "END",
        ]
        .map(str::to_string),
    );
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        expected,
        "{}",
        r.stderr
    );
    assert_eq!(
        r.stderr,
        "IEF142I RACFJOB RUN - STEP WAS EXECUTED - COND CODE 0000\n"
    );
    assert_eq!(r.code, 0);
    // The store holds the ring, and LISTRING prints what the exec trapped.
    let r = racemu(
        &db,
        NOW,
        &["exec", "RACDCERT ID(IBMUSER) LISTRING(WEBRING)"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().collect::<Vec<_>>(), listring.to_vec());
}

/// IBM's other ways to name an exec: `EXEC 'dsn(member)' 'args' EXEC`, the unquoted forms with
/// the prefix and `.EXEC` (EXEC operand) or `.CLIST` (none) added, the data set's first line
/// deciding REXX or CLIST without the operand, an implicit `NAME` (no command of that name), SYSPROC after
/// SYSEXEC, a SYSPROC member without `/* REXX */` (a CLIST, not run), an exec not found, and
/// the exec's RETURN value as the command's RC (IKJEFT1B ends the step with it).
#[test]
fn exec_forms_search_sysexec_then_sysproc_and_pass_the_rc() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    put(
        &db,
        tmp.path(),
        "'IBMUSER.A.EXEC(SHOW)'",
        "/* REXX */\nparse arg a\nsay 'A.EXEC SHOW:' a\nreturn 4\n",
    );
    put(
        &db,
        tmp.path(),
        "'IBMUSER.B.EXEC(SHOW)'",
        "/* REXX */\nsay 'B.EXEC SHOW'\n",
    );
    put(
        &db,
        tmp.path(),
        "'IBMUSER.B.EXEC(ONLYB)'",
        "/* REXX */\nsay 'ONLYB' arg(1)\n",
    );
    put(
        &db,
        tmp.path(),
        "'IBMUSER.CLIST(OLDCL)'",
        "PROC 0\nWRITE HELLO\n",
    );
    put(
        &db,
        tmp.path(),
        "'IBMUSER.CLIST(NEWRX)'",
        "/* rexx */\nsay 'REXX in SYSPROC'\n",
    );
    let sysin = [
        "ONLYB one two",
        "%NEWRX",
        "EXEC 'IBMUSER.B.EXEC(SHOW)' 'x' EXEC",
        "EX B(ONLYB) 'it''s' EXEC",
        "EX (NEWRX)",
        "%OLDCL",
        "%NOPE",
    ]
    .map(|c| format!("  {c}\n"))
    .concat();
    let r = job(
        &db,
        tmp.path(),
        &format!(
            "//RUN      EXEC PGM=IKJEFT1B\n//SYSEXEC  DD DSN=IBMUSER.A.EXEC,DISP=SHR\n\
             //         DD DSN=IBMUSER.B.EXEC,DISP=SHR\n//SYSPROC  DD DSN=IBMUSER.CLIST,DISP=SHR\n\
             //SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n{sysin}/*\n"
        ),
    );
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "  ONLYB one two",
            "ONLYB one two",
            "READY",
            "  %NEWRX",
            "REXX in SYSPROC",
            "READY",
            "  EXEC 'IBMUSER.B.EXEC(SHOW)' 'x' EXEC",
            "B.EXEC SHOW",
            "READY",
            "  EX B(ONLYB) 'it''s' EXEC",
            "ONLYB it's",
            "READY",
            "  EX (NEWRX)",
            "REXX in SYSPROC",
            "READY",
            "  %OLDCL",
            "RCM503E OLDCL is a CLIST (its first line has no /* REXX */ comment): CLIST not supported; racemu runs REXX execs only.",
            "READY",
            "END",
        ],
        "{}",
        r.stderr
    );
    assert_eq!(r.code, 12);
    // IKJEFT01 goes on after a failing command; the exec's RETURN 4 is the last RC.
    let r = job(
        &db,
        tmp.path(),
        "//RUN      EXEC PGM=IKJEFT01\n//SYSEXEC  DD DSN=IBMUSER.A.EXEC,DISP=SHR\n\
         //SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n  %NOPE\n  EXEC 'IBMUSER.NO.EXEC(X)' EXEC\n  %SHOW first arg\n/*\n",
    );
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "  %NOPE",
            "IKJ56500I COMMAND NOPE NOT FOUND",
            "READY",
            "  EXEC 'IBMUSER.NO.EXEC(X)' EXEC",
            "IKJ56228I DATA SET IBMUSER.NO.EXEC(X) NOT IN CATALOG OR CATALOG CAN NOT BE ACCESSED",
            "READY",
            "  %SHOW first arg",
            "A.EXEC SHOW: first arg",
            "READY",
            "END",
        ]
    );
    assert_eq!(
        r.stderr,
        "IEF142I RACFJOB RUN - STEP WAS EXECUTED - COND CODE 0004\n"
    );
}

/// Errors end the exec with TSO/E's `+++` line and `IRX00nnI Error running NAME, line n:`
/// message; the RC is 20000 plus the error number (as IRXEXEC gives it), modulo 4096 as a
/// step condition code. A command TSO cannot find sets RC -3 and is traced under TRACE
/// NORMAL (a failure). A runaway exec is ended at the time limit (RCM505E, RC 12) and the
/// job goes on: one that calls nothing is killed (its output is lost), one that writes or
/// calls TSO/E is halted at its next call (REXX error 48) and keeps its output.
#[test]
fn errors_and_runaway_execs_end_in_a_message_and_an_rc() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    put(
        &db,
        tmp.path(),
        "'IBMUSER.EXEC(NOLABEL)'",
        "/* REXX */\n\"NOSUCH\"\nsay 'rc' rc\ncall missing 1\n",
    );
    put(
        &db,
        tmp.path(),
        "'IBMUSER.EXEC(LOOP)'",
        "/* REXX */\ndo forever\nend\n",
    );
    put(
        &db,
        tmp.path(),
        "'IBMUSER.EXEC(CHATTY)'",
        "/* REXX */\nsay 'start'\ndo forever\n  x = sysvar('SYSUID')\nend\n",
    );
    let steps = "//RUN      EXEC PGM=IKJEFT01\n//SYSEXEC  DD DSN=IBMUSER.EXEC,DISP=SHR\n\
         //SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n  %NOLABEL\n/*\n";
    let r = job(&db, tmp.path(), steps);
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "  %NOLABEL",
            "     2 *-* \"NOSUCH\"",
            "       +++ RC(-3) +++",
            "rc -3",
            "     4 +++ call missing 1",
            "IRX0043I Error running NOLABEL, line 4: Routine not found",
            "READY",
            "END",
        ]
    );
    // 20043 as a condition code: 20043 - 4 * 4096 = 3659.
    assert_eq!(
        r.stderr,
        "IEF142I RACFJOB RUN - STEP WAS EXECUTED - COND CODE 3659\n"
    );
    let f = tmp.path().join("loop.jcl");
    std::fs::write(
        &f,
        "//RACFJOB  JOB (ACCT),'REXX',CLASS=A,USER=IBMUSER\n//RUN      EXEC PGM=IKJEFT01\n\
         //SYSEXEC  DD DSN=IBMUSER.EXEC,DISP=SHR\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n  %LOOP\n  %CHATTY\n  LISTUSER IBMUSER NORACF\n/*\n",
    )
    .expect("write job");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_racemu"))
        .args(["--db", db.to_str().expect("path"), "--now", NOW, "run"])
        .arg(&f)
        .env("RACEMU_REXX_TIME_LIMIT", "1")
        .output()
        .expect("racemu runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[..10],
        [
            "  %LOOP",
            "RCM505E REXX exec LOOP was ended at its time limit of 1 s (set RACEMU_REXX_TIME_LIMIT to change it).",
            "READY",
            "  %CHATTY",
            "start",
            "     4 +++    x = sysvar('SYSUID')",
            "IRX0048I Error running CHATTY, line 4: Failure in system service",
            "RCM505E REXX exec CHATTY was ended at its time limit of 1 s (set RACEMU_REXX_TIME_LIMIT to change it).",
            "READY",
            "  LISTUSER IBMUSER NORACF",
        ]
    );
}

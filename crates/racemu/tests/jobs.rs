//! Jobs as a newcomer writes them: JCL errors, partitioned data sets, cards over 80 columns,
//! tabs, lower case, records after a delimiter, and a SYSTSIN file run as JCL by mistake.

mod common;
use common::*;
use std::path::Path;

const NOW: &str = "2026-11-25T10:00:00Z";

fn run_text(db: &Path, dir: &Path, name: &str, text: &str, sysin: bool) -> Run {
    let f = dir.join(name);
    std::fs::write(&f, text).expect("write job");
    let f = f.to_str().expect("utf-8 path");
    if sysin {
        racemu(db, NOW, &["run", "--sysin", f], None)
    } else {
        racemu(db, NOW, &["run", f], None)
    }
}

/// The job log, line by line (`racemu()` already leaves out the line that says a new store
/// was made).
fn job_log(r: &Run) -> Vec<&str> {
    r.stderr.lines().collect()
}

fn job(steps: &str) -> String {
    format!("//RACFJOB  JOB (ACCT),'RACF',CLASS=A\n{steps}")
}

/// Forgetting `--sysin`: a file of bare TSO commands ran no step, yet racemu used to exit 0.
#[test]
fn systsin_run_as_jcl_fails_and_suggests_sysin() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = run_text(
        &db,
        tmp.path(),
        "commands.txt",
        "RACDCERT ID(ZCSERV1) ADDRING(Ring)\nRACDCERT ID(ZCSERV1) LISTRING(*)\n",
        false,
    );
    assert_eq!(r.code, 12, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(r
        .stderr
        .contains("RCM305E THE JOB HAS NO EXEC STATEMENT: NO STEP RAN"));
    assert!(r.stderr.contains("RUN IT WITH racemu run --sysin FILE"));
    // The same file with --sysin runs.
    let r = run_text(
        &db,
        tmp.path(),
        "commands.txt",
        "RACDCERT ID(ZCSERV1) ADDRING(Ring)\n",
        true,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// A DD naming a data set that does not exist is an allocation failure: a JCL error that
/// ends the job (IBM MVS System Messages: IEF212I, IEF272I, IEF453I). It used to print
/// IEF142I for the same step and run the later steps.
#[test]
fn missing_data_set_is_a_jcl_error() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let text = job(
        "//STEP1    EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD DSN=IBMUSER.NO.SUCH,DISP=SHR\n\
         //STEP2    EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n  RACDCERT ID(U1) ADDRING(NEVER)\n/*\n",
    );
    let r = run_text(&db, tmp.path(), "job.jcl", &text, false);
    let log: Vec<&str> = job_log(&r);
    assert_eq!(
        log,
        [
            "IEF212I RACFJOB STEP1 SYSTSIN - DATA SET NOT FOUND",
            "IEF272I RACFJOB STEP1 - STEP WAS NOT EXECUTED.",
            "IEF453I RACFJOB - JOB FAILED - JCL ERROR",
        ]
    );
    assert_eq!(r.stdout, "", "no step ran");
    assert_eq!(r.code, 12);
}

/// Decks live in PDS members: `ds put` to a member, SYSTSIN from a member, IEBGENER into a
/// member, RACDCERT EXPORT to and CHECKCERT from a member, and a missing member abends S013.
#[test]
fn pds_members_everywhere() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let deck = tmp.path().join("keyring.txt");
    std::fs::write(
        &deck,
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('PDS CA')) +\n  WITHLABEL('PDSCA') NISTECC\n\
         RACDCERT CERTAUTH EXPORT(LABEL('PDSCA')) +\n  DSN('IBMUSER.CERTS(PDSCA)') FORMAT(CERTB64)\n\
         RACDCERT CHECKCERT('IBMUSER.CERTS(PDSCA)')\n",
    )
    .expect("deck");
    let r = racemu(
        &db,
        NOW,
        &[
            "ds",
            "put",
            "'IBMUSER.RACF.CNTL(KEYRING)'",
            deck.to_str().expect("path"),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A member name breaking z/OS's rules is refused.
    let r = racemu(
        &db,
        NOW,
        &[
            "ds",
            "put",
            "'IBMUSER.RACF.CNTL(9BAD)'",
            deck.to_str().expect("path"),
        ],
        None,
    );
    assert_ne!(r.code, 0);
    // EXPORT needs the PDS to exist: allocate it with IEFBR14 first, as a deck would.
    let text = job(
        "//ALLOC    EXEC PGM=IEFBR14\n//NEWPDS   DD DSN=IBMUSER.CERTS(FIRST),DISP=(NEW,CATLG)\n\
         //RUN      EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD DSN=IBMUSER.RACF.CNTL(KEYRING),DISP=SHR\n\
         //COPY     EXEC PGM=IEBGENER\n//SYSPRINT DD SYSOUT=*\n//SYSIN    DD DUMMY\n\
         //SYSUT1   DD DSN=IBMUSER.CERTS(PDSCA),DISP=SHR\n//SYSUT2   DD DSN=IBMUSER.CERTS(COPY),DISP=SHR\n\
         //MISSING  EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD DSN=IBMUSER.RACF.CNTL(NOPE),DISP=SHR\n",
    );
    let r = run_text(&db, tmp.path(), "job.jcl", &text, false);
    let log: Vec<&str> = job_log(&r);
    assert_eq!(
        log,
        [
            "IEF142I RACFJOB ALLOC - STEP WAS EXECUTED - COND CODE 0000",
            "IEF142I RACFJOB RUN - STEP WAS EXECUTED - COND CODE 0000",
            "IEF142I RACFJOB COPY - STEP WAS EXECUTED - COND CODE 0000",
            "IEC141I 013-18,IGG0191B,RACFJOB,MISSING,SYSTSIN",
            "IEF450I RACFJOB MISSING - ABEND=S013 U0000 REASON=00000000",
        ],
        "{}",
        r.stdout
    );
    let listing = normalise(&r.stdout);
    assert!(
        listing.iter().filter(|l| *l == "READY").count() >= 3,
        "{listing:?}"
    );
    assert!(
        !listing.iter().any(|l| l.starts_with("IRRD103I")),
        "{listing:?}"
    );
    assert!(
        listing.iter().any(|l| l.contains("PDS CA")),
        "CHECKCERT read the member: {listing:?}"
    );
    let copy = tmp.path().join("copy.pem");
    let r = racemu(
        &db,
        NOW,
        &[
            "ds",
            "get",
            "'IBMUSER.CERTS(COPY)'",
            copy.to_str().expect("path"),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (ok, text) = openssl(&[
        "x509",
        "-in",
        copy.to_str().expect("path"),
        "-noout",
        "-subject",
    ]);
    assert!(ok && text.contains("CN = PDS CA"), "{text}");
}

/// Cards hold 80 columns: a longer record is cut, and the job log says which and where.
/// A tab is named by line and column; lower-case JCL is the converter's JCL error.
#[test]
fn cards_tabs_and_lower_case_are_named() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let long = format!(
        "  RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('long')) NISTECC{}WITHLABEL('cut')",
        " ".repeat(22)
    );
    assert!(long.len() > 80);
    let text = job(&format!(
        "//STEP1    EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n{long}\n  RACDCERT\tID(U1) LIST\n/*\n"
    ));
    let r = run_text(&db, tmp.path(), "job.jcl", &text, false);
    let cut: String = long.chars().skip(80).collect();
    let expected = format!(
        "RCM301W LINE 5 IS {} COLUMNS LONG: A CARD HOLDS 80, COLUMNS 81-{} ('{cut}') WERE NOT READ",
        long.len(),
        long.len()
    );
    assert!(r.stderr.contains(&expected), "{}", r.stderr);
    assert!(r
        .stderr
        .contains("RCM302W LINE 6 COLUMN 11 HOLDS A TAB CHARACTER"));
    // SYSTSPRT is what z/OS prints: the record as cut, no racemu notes in it.
    assert!(!r.stdout.contains("RCM"), "{}", r.stdout);
    assert!(!r.stdout.contains(&cut), "{}", r.stdout);

    let lower = "//racfjob  JOB (ACCT),'RACF'\n//STEP1    EXEC PGM=IKJEFT01\n";
    let r = run_text(&db, tmp.path(), "lower.jcl", lower, false);
    assert_eq!(r.code, 12);
    assert_eq!(
        job_log(&r),
        [
            "IEFC662I INVALID LABEL AT LINE 1",
            "RCM303I LINE 1 COLUMN 3: 'racfjob' IS IN LOWER CASE; JCL NAMES, OPERATIONS AND KEYWORDS ARE UPPER CASE ON Z/OS",
        ]
    );
    let lower = job("//STEP1    exec PGM=IKJEFT01\n");
    let r = run_text(&db, tmp.path(), "lower.jcl", &lower, false);
    assert!(r
        .stderr
        .starts_with("IEFC605I UNIDENTIFIED OPERATION FIELD exec AT LINE 2\n"));
    let lower = job("//STEP1    EXEC pgm=IKJEFT01\n");
    let r = run_text(&db, tmp.path(), "lower.jcl", &lower, false);
    assert!(r
        .stderr
        .starts_with("IEFC630I UNIDENTIFIED KEYWORD pgm AT LINE 2\n"));
}

/// Records after the `/*` that ends SYSTSIN become JES's //SYSIN DD *, which the TMP never
/// reads: z/OS drops them silently, racemu says so in the job log.
#[test]
fn records_after_the_delimiter_are_named() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let text = job(
        "//STEP1    EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n  RACDCERT ID(U1) ADDRING(R1)\n/*\n\
           RACDCERT ID(U1) ADDRING(R2)\n  RACDCERT ID(U1) ADDRING(R3)\n",
    );
    let r = run_text(&db, tmp.path(), "job.jcl", &text, false);
    assert!(
        r.stderr.contains(
            "RCM304W RECORDS 7-8 AFTER THE DELIMITER AT LINE 6 WERE NOT READ BY ANY STEP"
        ),
        "{}",
        r.stderr
    );
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(U1) LISTRING(R2)"], None);
    assert_eq!(r.code, 4, "R2 was never made: {}", r.stdout);
}

/// DISP processing that fails is reported and fails the job; it used to be dropped
/// (`let _ =` on the store transaction).
#[test]
fn failed_disp_processing_is_reported() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let seq = tmp.path().join("seq.txt");
    std::fs::write(&seq, "DATA\n").expect("write");
    let r = racemu(
        &db,
        NOW,
        &["ds", "put", "'IBMUSER.SEQ'", seq.to_str().expect("path")],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text =
        job("//S1       EXEC PGM=IEFBR14\n//DD1      DD DSN=IBMUSER.SEQ(MEM),DISP=(NEW,CATLG)\n");
    let r = run_text(&db, tmp.path(), "job.jcl", &text, false);
    assert_eq!(
        job_log(&r),
        [
            "RCM311E RACFJOB S1 DD1 - DISP PROCESSING OF IBMUSER.SEQ(MEM) FAILED: IBMUSER.SEQ is not a partitioned data set: it has no members",
            "IEF142I RACFJOB S1 - STEP WAS EXECUTED - COND CODE 0000",
        ]
    );
    assert_eq!(r.code, 12);
}

/// `COND=` on EXEC and JOB (newcomer trial 2.14): a step whose COND test is satisfied is
/// bypassed with IEF202I and IEF272I and does not touch the store; a JOB COND test that is
/// satisfied ends the job (IEF201I). The bypassed step's return code is not the job's. IBM's
/// MVS JCL Reference, COND parameter of EXEC:
/// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.ieab600/xexcond.htm
/// and of JOB: https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieab600/xjbcond.htm
#[test]
fn cond_bypasses_steps_and_leaves_the_store_alone() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    // U1 is defined, so the job log holds no RCM116I note for it.
    assert_eq!(racemu(&db, NOW, &["exec", "ADDUSER U1"], None).code, 0);
    let step = |name: &str, cond: &str, command: &str| {
        format!(
            "//{name:<8} EXEC PGM=IKJEFT01{cond}\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n  {command}\n/*\n"
        )
    };
    let text = job(&format!(
        "{}{}{}",
        step("STEP1", "", "RACDCERT ID(U1) LISTRING(NOSUCH)"),
        step("STEP2", ",COND=(4,LE)", "RACDCERT ID(U1) ADDRING(BYPASSED)"),
        step("STEP3", ",COND=(4,LT)", "RACDCERT ID(U1) ADDRING(RAN)"),
    ));
    let r = run_text(&db, tmp.path(), "job.jcl", &text, false);
    assert_eq!(
        job_log(&r),
        [
            "IEF142I RACFJOB STEP1 - STEP WAS EXECUTED - COND CODE 0004",
            "IEF202I RACFJOB STEP2 - STEP WAS NOT RUN BECAUSE OF CONDITION CODES",
            "IEF272I RACFJOB STEP2 - STEP WAS NOT EXECUTED.",
            "IEF142I RACFJOB STEP3 - STEP WAS EXECUTED - COND CODE 0000",
        ]
    );
    assert_eq!(r.code, 4, "{}", r.stderr);
    let r = racemu(
        &db,
        NOW,
        &["exec", "RACDCERT ID(U1) LISTRING(BYPASSED)"],
        None,
    );
    assert_eq!(r.code, 4, "the bypassed step made its ring: {}", r.stdout);
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(U1) LISTRING(RAN)"], None);
    assert_eq!(r.code, 0, "{}", r.stdout);

    let text = format!(
        "//RACFJOB  JOB (ACCT),'RACF',COND=(4,LE)\n{}{}",
        step("STEP1", "", "RACDCERT ID(U1) LISTRING(NOSUCH)"),
        step("STEP2", ",COND=EVEN", "RACDCERT ID(U1) ADDRING(JOBENDED)"),
    );
    let r = run_text(&db, tmp.path(), "jobcond.jcl", &text, false);
    assert_eq!(
        job_log(&r),
        [
            "IEF142I RACFJOB STEP1 - STEP WAS EXECUTED - COND CODE 0004",
            "IEF201I RACFJOB STEP2 - JOB TERMINATED BECAUSE OF CONDITION CODES",
            "IEF272I RACFJOB STEP2 - STEP WAS NOT EXECUTED.",
        ]
    );
    let r = racemu(
        &db,
        NOW,
        &["exec", "RACDCERT ID(U1) LISTRING(JOBENDED)"],
        None,
    );
    assert_eq!(r.code, 4, "the job went on after JOB COND: {}", r.stdout);
}

//! The same REXX exec in a job submitted through racemu's z/OSMF server (issue 26): the
//! server runs jobs through the same job runner as `racemu run`, and each exec in a child
//! process, so the job's SYSTSPRT is what `racemu run` prints for it and the server keeps
//! serving. Skipped (with the reason printed) when libregina.so.3 is not installed.

mod common;

use common::zosmf::{start, Zosmf};
use common::{racemu, real_now};

const EXEC: &str = "/* REXX */
parse arg owner ring .
\"RACDCERT ID(\" || owner || \") ADDRING(\" || ring || \")\"
IF RC<>0 then exit 8
x = OUTTRAP('l.')
\"RACDCERT ID(\" || owner || \") LISTRING(\" || ring || \")\"
x = OUTTRAP('OFF')
say 'Ring' strip(substr(l.4,8)) 'of' userid() 'in' sysvar('SYSENV') 'lines' l.0
exit 0
";

const JOB: &str = "//REXXJOB JOB
//STEP1    EXEC PGM=IKJEFT01
//SYSEXEC  DD DSN=ZOSUSR.REXX,DISP=SHR
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
  %MKRING ZOSUSR REXXRING
/*
";

/// Puts the exec in ZOSUSR.REXX on the server's store, as ZOSUSR.
fn put_exec(z: &Zosmf) {
    let f = z.tmp.path().join("mkring.rexx");
    std::fs::write(&f, EXEC).expect("write");
    let r = racemu(
        &z.db(),
        &real_now(),
        &[
            "--user",
            "ZOSUSR",
            "ds",
            "put",
            "'ZOSUSR.REXX(MKRING)'",
            f.to_str().expect("p"),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// The SYSTSPRT records of the job, submitted as ZOSUSR, once it is in OUTPUT, and its
/// retcode.
fn systsprt(z: &Zosmf) -> (String, String) {
    let job = z.submit("ZOSUSR:SECRET1", JOB);
    let done = z.wait_output("ZOSUSR:SECRET1", &job);
    let spool = z.spool("ZOSUSR:SECRET1", &job);
    let (_, _, text) = spool
        .into_iter()
        .find(|(dd, _, _)| dd == "SYSTSPRT")
        .expect("SYSTSPRT");
    (
        text,
        done["retcode"].as_str().unwrap_or_default().to_string(),
    )
}

#[test]
fn a_rexx_exec_in_a_job_submitted_through_zosmf_runs_as_racemu_run_runs_it() {
    if let Err(e) = racemu_rexx::available() {
        eprintln!(
            "skipped: {} cannot be opened ({e}); install libregina3",
            racemu_rexx::LIBRARY
        );
        return;
    }
    let z = start();
    put_exec(&z);
    let (text, retcode) = systsprt(&z);
    assert_eq!(
        text,
        "  %MKRING ZOSUSR REXXRING\nRing >REXXRING< of ZOSUSR in BACK lines 7\nREADY\nEND\n"
    );
    assert_eq!(retcode, "CC 0000");
    // `racemu run` of the same job on a store set up the same way prints the same SYSTSPRT.
    let other = start();
    put_exec(&other);
    let jcl = other.tmp.path().join("j.jcl");
    std::fs::write(&jcl, JOB).expect("write");
    let r = racemu(
        &other.db(),
        &real_now(),
        &["run", "--user", "ZOSUSR", jcl.to_str().expect("p")],
        None,
    );
    assert_eq!(r.stdout, text, "{}", r.stderr);
    // The server is still serving, and the store holds the ring.
    let (status, _) = z.json("GET", "/zosmf/info", None);
    assert_eq!(status, 200);
    z.exec("RACDCERT ID(ZOSUSR) LISTRING(REXXRING)");
}

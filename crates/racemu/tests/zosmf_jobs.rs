//! z/OSMF restjobs through curl: submit (text and from a data set), status and retcode,
//! spool files, surrogate submission, JESSPOOL visibility, purge, and jobs kept across a
//! server restart.

mod common;

use common::zosmf::{launch, start, Zosmf};
use common::{racemu, real_now};
use serde_json::Value;

const JOB: &str = "//RINGJOB JOB
//STEP1    EXEC PGM=IKJEFT01
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
RACDCERT ID(ZOSUSR) ADDRING(JobRing)
RACDCERT ID(ZOSUSR) LISTRING(JobRing)
/*
";

/// GET as `user`: (status, body).
fn get(z: &Zosmf, user: &str, path: &str) -> (u16, Vec<u8>) {
    z.curl(&["-u", user, &z.url(path)])
}

#[test]
fn a_submitted_job_runs_as_racemu_run_runs_it_and_its_spool_holds_the_jes_files() {
    let z = start();
    let job = z.submit("ZOSUSR:SECRET1", JOB);
    assert_eq!(job["status"], "INPUT");
    assert_eq!(
        (job["jobname"].as_str(), job["owner"].as_str()),
        (Some("RINGJOB"), Some("ZOSUSR"))
    );
    assert!(job["jobid"].as_str().expect("id").starts_with("JOB"));
    let done = z.wait_output("ZOSUSR:SECRET1", &job);
    assert_eq!(done["retcode"], "CC 0000");
    let files = z.spool("ZOSUSR:SECRET1", &job);
    let dds: Vec<(&str, &str)> = files
        .iter()
        .map(|(d, s, _)| (d.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        dds,
        [
            ("JESMSGLG", "JES2"),
            ("JESJCL", "JES2"),
            ("JESYSMSG", "JES2"),
            ("SYSTSPRT", "STEP1")
        ]
    );
    // SYSTSPRT and the job log are what `racemu run` prints for the same job (run again on a
    // copy of the store before the job, here: a fresh store with the same setup).
    let other = common::zosmf::start();
    let jcl = other.tmp.path().join("j.jcl");
    std::fs::write(&jcl, JOB).expect("write");
    let r = racemu(
        &other.db(),
        &real_now(),
        &["run", "--user", "ZOSUSR", jcl.to_str().expect("p")],
        None,
    );
    assert_eq!(files[3].2, r.stdout);
    assert_eq!(files[2].2, r.stderr);
    assert!(
        files[0].2.contains("$HASP395 RINGJOB  ENDED - RC=0000")
            || files[0].2.contains("$HASP395 RINGJOB ENDED - RC=0000"),
        "{}",
        files[0].2
    );
    assert!(
        files[0]
            .2
            .contains("IRR010I  USERID ZOSUSR   IS ASSIGNED TO THIS JOB."),
        "{}",
        files[0].2
    );
    assert_eq!(files[1].2, "         1 //RINGJOB JOB\n         2 //STEP1    EXEC PGM=IKJEFT01\n         3 //SYSTSPRT DD SYSOUT=*\n         4 //SYSTSIN  DD *\n");
    // The JCL itself.
    let (status, text) = get(
        &z,
        "ZOSUSR:SECRET1",
        &format!(
            "/zosmf/restjobs/jobs/RINGJOB/{}/files/JCL/records",
            job["jobid"].as_str().expect("i")
        ),
    );
    assert_eq!(
        (status, String::from_utf8_lossy(&text).into_owned()),
        (200, JOB.to_string())
    );
}

#[test]
fn jobs_from_a_data_set_and_their_retcodes_for_cc_and_jcl_error() {
    let z = start();
    let jcl = z.tmp.path().join("j.jcl");
    std::fs::write(
        &jcl,
        JOB.replace("ADDRING(JobRing)", "LISTRING(NoSuchRing)"),
    )
    .expect("write");
    let r = racemu(
        &z.db(),
        &real_now(),
        &[
            "ds",
            "put",
            "'ZOSUSR.JCL(RINGJOB)'",
            jcl.to_str().expect("p"),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (status, v) = z.json(
        "PUT",
        "/zosmf/restjobs/jobs",
        Some(r#"{"file":"//'ZOSUSR.JCL(RINGJOB)'"}"#),
    );
    assert_eq!(status, 201, "{v}");
    let done = z.wait_output("ZOSUSR:SECRET1", &v);
    // LISTRING of a ring that does not exist: RC 4.
    assert_eq!(done["retcode"], "CC 0004");
    // A step COND= bypasses: JESYSMSG says IEF202I and IEF272I, the retcode is the steps'
    // that ran, and only the ran step has a SYSTSPRT.
    let cond = "//CONDJOB JOB\n//STEP1 EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD *\n  RACDCERT LISTRING(NoSuchRing)\n/*\n\
//STEP2 EXEC PGM=IKJEFT01,COND=(4,LE)\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD *\n  RACDCERT ADDRING(Bypassed)\n/*\n";
    let job = z.submit("ZOSUSR:SECRET1", cond);
    assert_eq!(z.wait_output("ZOSUSR:SECRET1", &job)["retcode"], "CC 0004");
    let files = z.spool("ZOSUSR:SECRET1", &job);
    let sysmsg = files
        .iter()
        .find(|(dd, _, _)| dd == "JESYSMSG")
        .map(|(_, _, text)| text.as_str());
    assert_eq!(
        sysmsg,
        Some(
            "IEF142I CONDJOB STEP1 - STEP WAS EXECUTED - COND CODE 0004\n\
IEF202I CONDJOB STEP2 - STEP WAS NOT RUN BECAUSE OF CONDITION CODES\n\
IEF272I CONDJOB STEP2 - STEP WAS NOT EXECUTED.\n"
        )
    );
    assert!(
        !files.iter().any(|(_, step, _)| step == "STEP2"),
        "{files:?}"
    );
    let bad = "//BADJOB JOB\n//STEP1 EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD DSN=ZOSUSR.NO.SUCH,DISP=SHR\n";
    let job = z.submit("ZOSUSR:SECRET1", bad);
    assert_eq!(
        z.wait_output("ZOSUSR:SECRET1", &job)["retcode"],
        "JCL ERROR"
    );
    // Not JCL at all, and a data set that is not there.
    let (status, v) = z.json(
        "PUT",
        "/zosmf/restjobs/jobs",
        Some(r#"{"file":"//'ZOSUSR.NO.SUCH'"}"#),
    );
    assert_eq!(status, 400, "{v}");
    let (status, v) = z.json(
        "PUT",
        "/zosmf/restjobs/jobs",
        Some(r#"{"file":"../../etc/passwd"}"#),
    );
    assert_eq!(status, 400, "{v}");
    let file = z.tmp.path().join("t.txt");
    std::fs::write(&file, "LISTUSER\n").expect("write");
    let (status, body) = z.curl(&[
        "-u",
        "ZOSUSR:SECRET1",
        "-X",
        "PUT",
        "-H",
        "X-CSRF-ZOSMF-HEADER: true",
        "-H",
        "Content-Type: text/plain",
        "--data-binary",
        &format!("@{}", file.display()),
        &z.url("/zosmf/restjobs/jobs"),
    ]);
    assert_eq!(status, 400);
    assert!(
        String::from_utf8_lossy(&body).contains("Submit input data does not start with a slash")
    );
}

/// JCL submitted from a data set is read as the submitter: without READ to it (a DATASET
/// profile of UACC NONE) the request is refused with RACF's ICH408I as restfiles refuses a
/// read, and no job is queued; READ lets it through once the server's in-storage generic
/// profiles are refreshed (Security Administrator's Guide, authseq.htm). It used to be read
/// without any check.
#[test]
fn jcl_from_a_data_set_the_submitter_may_not_read_is_refused_with_ich408i() {
    let z = start();
    let jcl = z.tmp.path().join("p.jcl");
    std::fs::write(&jcl, JOB).expect("write");
    let put = racemu(
        &z.db(),
        &real_now(),
        &["ds", "put", "'PROT.JCL(RINGJOB)'", jcl.to_str().expect("p")],
        None,
    );
    assert_eq!(put.code, 0, "{}", put.stderr);
    z.exec("ADDSD 'PROT.**' UACC(NONE)");
    let body = r#"{"file":"//'PROT.JCL(RINGJOB)'"}"#;
    let (status, v) = z.json("PUT", "/zosmf/restjobs/jobs", Some(body));
    assert_eq!(status, 500, "{v}");
    assert_eq!(
        (v["category"].as_u64(), v["rc"].as_u64()),
        (Some(6), Some(8))
    );
    assert_eq!(
        v["details"][0],
        "ICH408I USER(ZOSUSR  ) GROUP(SYS1    ) NAME(                    )"
    );
    assert_eq!(v["details"][1], "  PROT.JCL CL(DATASET ) VOL(RACEMU)");
    let (_, list) = get(&z, "ZOSUSR:SECRET1", "/zosmf/restjobs/jobs");
    let list: Value = serde_json::from_slice(&list).expect("json");
    assert_eq!(list, Value::Array(Vec::new()), "no job was queued");
    // The server is a long-lived address space: its in-storage copy of the generic profile
    // sees the PERMIT after SETROPTS GENERIC(DATASET) REFRESH (docs/security.md).
    z.exec("PERMIT 'PROT.**' ID(ZOSUSR) ACCESS(READ)");
    z.exec("SETROPTS GENERIC(DATASET) REFRESH");
    let (status, v) = z.json("PUT", "/zosmf/restjobs/jobs", Some(body));
    assert_eq!(status, 201, "{v}");
    assert_eq!(z.wait_output("ZOSUSR:SECRET1", &v)["retcode"], "CC 0000");
}

#[test]
fn a_job_for_another_user_needs_surrogat_read_else_it_is_a_sec_error_and_nothing_runs() {
    let z = start();
    let jcl = JOB
        .replace("//RINGJOB JOB", "//SURRJOB JOB USER=VICTIM")
        .replace("ZOSUSR", "VICTIM");
    let job = z.submit("ZOSUSR:SECRET1", &jcl);
    assert_eq!(job["owner"], "VICTIM");
    let done = z.wait_output("ZOSUSR:SECRET1", &job);
    assert_eq!(done["retcode"], "SEC ERROR");
    let files = z.spool("ZOSUSR:SECRET1", &job);
    let msglg = &files[0].2;
    assert_eq!(files[0].0, "JESMSGLG");
    assert!(msglg.contains("ICH408I USER(ZOSUSR  ) GROUP("), "{msglg}");
    assert!(msglg.contains("  VICTIM.SUBMIT CL(SURROGAT)\n"), "{msglg}");
    assert!(msglg.contains("INSUFFICIENT ACCESS AUTHORITY"), "{msglg}");
    assert!(!files.iter().any(|(d, _, _)| d == "SYSTSPRT"));
    let r = racemu(
        &z.db(),
        &real_now(),
        &["exec", "RACDCERT ID(VICTIM) LISTRING(*)"],
        None,
    );
    assert!(!r.stdout.contains("JobRing"), "nothing ran: {}", r.stdout);
    // READ to SURROGAT VICTIM.SUBMIT lets ZOSUSR submit it.
    let r = racemu(&z.db(), &real_now(), &["exec", "SETROPTS CLASSACT(SURROGAT)\nRDEFINE SURROGAT VICTIM.SUBMIT UACC(NONE)\nPERMIT VICTIM.SUBMIT CLASS(SURROGAT) ID(ZOSUSR) ACCESS(READ)"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let job = z.submit("ZOSUSR:SECRET1", &jcl);
    assert_eq!(z.wait_output("ZOSUSR:SECRET1", &job)["retcode"], "CC 0000");
    let r = racemu(
        &z.db(),
        &real_now(),
        &["exec", "RACDCERT ID(VICTIM) LISTRING(*)"],
        None,
    );
    assert!(r.stdout.contains("JobRing"), "{}", r.stdout);
}

#[test]
fn users_see_and_purge_their_own_jobs_unless_jesspool_permits_more() {
    let z = start();
    let job = z.submit("ZOSUSR:SECRET1", JOB);
    z.wait_output("ZOSUSR:SECRET1", &job);
    let path = format!(
        "/zosmf/restjobs/jobs/RINGJOB/{}",
        job["jobid"].as_str().expect("i")
    );
    let (status, body) = get(
        &z,
        "ZOSUSR:SECRET1",
        "/zosmf/restjobs/jobs?owner=*&prefix=RING*",
    );
    assert_eq!(status, 200);
    let listed: Vec<Value> = serde_json::from_slice(&body).expect("json");
    assert_eq!(listed.len(), 1);
    // VICTIM sees nothing of it.
    let (status, body) = get(&z, "VICTIM:SECRET3", "/zosmf/restjobs/jobs?owner=*");
    assert_eq!((status, body.as_slice()), (200, &b"[]"[..]));
    let (status, body) = get(&z, "VICTIM:SECRET3", &path);
    assert_eq!(status, 400);
    assert!(String::from_utf8_lossy(&body).contains("No job found for reference: 'RINGJOB(JOB"));
    let (status, _) = z.curl(&[
        "-u",
        "VICTIM:SECRET3",
        "-X",
        "DELETE",
        "-H",
        "X-CSRF-ZOSMF-HEADER: true",
        &z.url(&path),
    ]);
    assert_eq!(status, 400);
    // JESSPOOL READ lets VICTIM see it, not purge it.
    let r = racemu(&z.db(), &real_now(), &["exec", "SETROPTS CLASSACT(JESSPOOL)\nRDEFINE JESSPOOL N1.ZOSUSR.** UACC(NONE)\nPERMIT N1.ZOSUSR.** CLASS(JESSPOOL) ID(VICTIM) ACCESS(READ)"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let (status, body) = get(&z, "VICTIM:SECRET3", "/zosmf/restjobs/jobs?owner=ZOSUSR");
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_slice::<Vec<Value>>(&body)
            .expect("json")
            .len(),
        1
    );
    let (status, _) = z.curl(&[
        "-u",
        "VICTIM:SECRET3",
        "-X",
        "DELETE",
        "-H",
        "X-CSRF-ZOSMF-HEADER: true",
        &z.url(&path),
    ]);
    assert_eq!(status, 400);
    // The owner purges it.
    let (status, v) = z.json("DELETE", &path, None);
    assert_eq!((status, v["status"].as_str()), (200, Some("0")), "{v}");
    let (status, _) = get(&z, "ZOSUSR:SECRET1", &path);
    assert_eq!(status, 400);
}

#[test]
fn a_restart_keeps_jobs_and_their_spool() {
    let z = start();
    let job = z.submit("ZOSUSR:SECRET1", JOB);
    z.wait_output("ZOSUSR:SECRET1", &job);
    let before = z.spool("ZOSUSR:SECRET1", &job);
    // Stop the server (SIGTERM) and start another over the same store.
    let mut z = z;
    let pid = z.child.id().to_string();
    assert!(std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill")
        .success());
    assert_eq!(z.child.wait().expect("wait").code(), Some(0));
    let tmp = std::mem::replace(&mut z.tmp, tempfile::tempdir().expect("tmp"));
    let ca = z.ca.clone();
    let z2 = launch(tmp, ca);
    assert_eq!(z2.wait_output("ZOSUSR:SECRET1", &job)["retcode"], "CC 0000");
    assert_eq!(z2.spool("ZOSUSR:SECRET1", &job), before);
}

#[test]
fn concurrent_clients_lose_no_job_and_leave_a_healthy_store() {
    let z = start();
    std::thread::scope(|s| {
        let submitters: Vec<_> = (0..6)
            .map(|n| {
                let z = &z;
                s.spawn(move || {
                    let jcl = JOB
                        .replace("RINGJOB", &format!("RING{n}"))
                        .replace("JobRing", &format!("Ring{n}"));
                    let job = z.submit("ZOSUSR:SECRET1", &jcl);
                    z.wait_output("ZOSUSR:SECRET1", &job)
                })
            })
            .collect();
        let talkers: Vec<_> = (0..6)
            .map(|_| {
                let z = &z;
                s.spawn(move || {
                    for _ in 0..5 {
                        let (status, v) = z.json(
                            "PUT",
                            "/zosmf/tsoApp/v1/tso",
                            Some(r#"{"tsoCmd":"RACDCERT ID(ZOSUSR) LISTRING(*)"}"#),
                        );
                        assert_eq!(status, 200, "{v}");
                    }
                })
            })
            .collect();
        let mut ids = Vec::new();
        for t in submitters {
            let done = t.join().expect("submitter");
            assert_eq!(done["retcode"], "CC 0000", "{done}");
            ids.push(done["jobid"].as_str().expect("id").to_string());
        }
        for t in talkers {
            t.join().expect("talker");
        }
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 6, "{ids:?}");
    });
    let r = racemu(
        &z.db(),
        &real_now(),
        &["exec", "RACDCERT ID(ZOSUSR) LISTRING(*)"],
        None,
    );
    for n in 0..6 {
        assert!(r.stdout.contains(&format!(">Ring{n}<")), "{}", r.stdout);
    }
    let store = racemu_store::Reader::open(&z.db()).expect("store");
    let health = store.read(racemu_store::health::check).expect("check");
    assert_eq!(
        (health.integrity.as_str(), health.dangling_connections),
        ("ok", 0)
    );
}

#[test]
fn every_sysout_dd_is_a_spool_file_and_other_output_is_not() {
    let z = start();
    let jcl = "//PRINTJOB JOB
//EXPORT   EXEC PGM=IKJEFT01
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
LISTUSER ZOSUSR
/*
//QUIET    EXEC PGM=IKJEFT01
//SYSTSPRT DD DUMMY
//SYSTSIN  DD *
LISTUSER
/*
//PRINT    EXEC PGM=IEBGENER
//SYSPRINT DD SYSOUT=*
//SYSUT1   DD *
PRINTED BY IEBGENER
/*
//SYSUT2   DD SYSOUT=*
//SYSIN    DD DUMMY
";
    let job = z.submit("ZOSUSR:SECRET1", jcl);
    assert_eq!(z.wait_output("ZOSUSR:SECRET1", &job)["retcode"], "CC 0000");
    let files = z.spool("ZOSUSR:SECRET1", &job);
    let dds: Vec<(&str, &str)> = files
        .iter()
        .map(|(d, s, _)| (d.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        dds,
        [
            ("JESMSGLG", "JES2"),
            ("JESJCL", "JES2"),
            ("JESYSMSG", "JES2"),
            ("SYSTSPRT", "EXPORT"),
            ("SYSUT2", "PRINT")
        ]
    );
    assert_eq!(files[4].2, "PRINTED BY IEBGENER\n");
}

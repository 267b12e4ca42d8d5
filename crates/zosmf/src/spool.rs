//! Running a submitted job as JES2 would: the surrogate check for a JOB card's USER=, the
//! job run through racemu's job runner, and the spool files JES2 writes (JESMSGLG, JESJCL,
//! JESYSMSG, and every SYSOUT data set the steps wrote), kept in the store.

use crate::{Backend, JobRun};
use racemu_engine::authority::resource_access;
use racemu_engine::Engine;
use racemu_racf::Access;
use racemu_store::jobs::{self, Job};
use racemu_store::{users, StoreError, Tx};
use time::OffsetDateTime;

/// Whether `submitter` may submit a job that runs as `owner`: the same user, or READ to
/// SURROGAT `owner.SUBMIT` (z/OS Security Server RACF Security Administrator's Guide,
/// surrogate job submission). No profile, or an inactive class, denies.
pub fn surrogate_allowed(tx: &Tx<'_>, submitter: &str, owner: &str) -> Result<bool, StoreError> {
    if submitter == owner {
        return Ok(true);
    }
    Ok(
        resource_access(tx, submitter, "SURROGAT", &format!("{owner}.SUBMIT"))?
            .is_some_and(|a| a >= Access::Read),
    )
}

/// Whether `user` may see (`needed` READ) or purge (ALTER) `job`: its owner and its
/// submitter always; others through JESSPOOL `N1.owner.jobname.jobid`.
pub fn spool_allowed(
    tx: &Tx<'_>,
    user: &str,
    job: &Job,
    needed: Access,
) -> Result<bool, StoreError> {
    if user == job.owner || user == job.submitter {
        return Ok(true);
    }
    let name = format!("N1.{}.{}.{}", job.owner, job.jobname, job.jobid);
    Ok(resource_access(tx, user, "JESSPOOL", &name)?.is_some_and(|a| a >= needed))
}

/// RACF's ICH408I for a surrogate submission without authority.
fn ich408i(tx: &Tx<'_>, submitter: &str, owner: &str) -> Vec<String> {
    let (group, name) = users::get(tx, submitter)
        .ok()
        .flatten()
        .map(|u| (u.dfltgrp, u.name.unwrap_or_default()))
        .unwrap_or_default();
    vec![
        format!("ICH408I USER({submitter:<8}) GROUP({group:<8}) NAME({name:<20})"),
        format!("  {owner}.SUBMIT CL(SURROGAT)"),
        "  INSUFFICIENT ACCESS AUTHORITY".to_string(),
        "  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )".to_string(),
    ]
}

/// `hh.mm.ss`.
fn clock(t: OffsetDateTime) -> String {
    format!("{:02}.{:02}.{:02}", t.hour(), t.minute(), t.second())
}

/// JESMSGLG in JES2's layout: the banner, the date line, then each message stamped with the
/// time and job ID.
fn jesmsglg(job: &Job, now: OffsetDateTime, messages: &[String]) -> Vec<String> {
    let t = clock(now);
    let day = format!(
        "{}, {:02} {} {}",
        now.weekday().to_string().to_ascii_uppercase(),
        now.day(),
        &now.month().to_string().to_ascii_uppercase()[..3],
        now.year()
    );
    let mut out = vec![
        "                    J E S 2  J O B  L O G  --  S Y S T E M  R A C E  --  N O D E  N 1"
            .to_string(),
        String::new(),
        format!("{t} {} ---- {day} ----", job.jobid),
    ];
    for m in messages {
        let mut lines = m.lines();
        if let Some(first) = lines.next() {
            out.push(format!("{t} {}  {first}", job.jobid));
        }
        out.extend(lines.map(|l| format!("{:>18}{l}", "")));
    }
    out
}

/// JESJCL: the JCL cards as the jcl crate numbers them ([`racemu_jcl::jesjcl_cards`]), in
/// JES2's layout: the number right-aligned in ten columns (blank for comments and
/// continuation cards), a blank, then the card.
fn jesjcl(jcl: &str) -> Vec<String> {
    racemu_jcl::jesjcl_cards(jcl)
        .into_iter()
        .map(|c| match c.number {
            Some(n) => format!("{n:>10} {}", c.text),
            None => format!("{:>10} {}", "", c.text),
        })
        .collect()
}

/// The z/OSMF retcode of a finished run.
pub fn retcode(run: &JobRun) -> String {
    if run.jcl_error {
        "JCL ERROR".to_string()
    } else if let Some(a) = &run.abend {
        format!("ABEND {a}")
    } else {
        format!("CC {:04}", run.max_cc.min(9999))
    }
}

/// Ends a job that failed the surrogate check: SEC ERROR, ICH408I in JESMSGLG, nothing run.
pub fn refuse(engine: &mut Engine, job: &Job) -> Result<(), StoreError> {
    let now = engine.clock().now();
    engine.store_mut().transaction(|tx| {
        let mut msgs = vec![ich408i(tx, &job.submitter, &job.owner).join("\n")];
        msgs.push(format!(
            "$HASP165 {} ENDED AT N1 - SECURITY ERROR",
            job.jobname
        ));
        jobs::add_spool(
            tx,
            &job.jobid,
            "JESMSGLG",
            "JES2",
            None,
            &jesmsglg(job, now, &msgs),
        )?;
        let jcl = jobs::jcl(tx, &job.jobid)?.unwrap_or_default();
        jobs::add_spool(tx, &job.jobid, "JESJCL", "JES2", None, &jesjcl(&jcl))?;
        jobs::set_status(tx, &job.jobid, "OUTPUT", Some("SEC ERROR"))
    })
}

/// Runs an INPUT job to OUTPUT: ACTIVE while it runs, then its spool and retcode.
pub fn run(
    engine: &mut Engine,
    programs: &dyn crate::Programs,
    job: &Job,
) -> Result<(), StoreError> {
    let jcl = engine.store_mut().transaction(|tx| {
        jobs::set_status(tx, &job.jobid, "ACTIVE", None)?;
        jobs::jcl(tx, &job.jobid)
    })?;
    let jcl = jcl.unwrap_or_default();
    let started = engine.clock().now();
    let run = programs.job(engine, &jcl, &job.owner);
    let rc = retcode(&run);
    let ended = if run.jcl_error {
        format!("$HASP396 {} TERMINATED", job.jobname)
    } else if let Some(a) = &run.abend {
        format!("$HASP395 {} ENDED - ABEND={a}", job.jobname)
    } else {
        format!(
            "$HASP395 {} ENDED - RC={:04}",
            job.jobname,
            run.max_cc.min(9999)
        )
    };
    let msgs = vec![
        format!("IRR010I  USERID {:<8} IS ASSIGNED TO THIS JOB.", job.owner),
        format!(
            "$HASP373 {:<8} STARTED - INIT 1    - CLASS {} - SYS RACE",
            job.jobname, job.class
        ),
        ended,
    ];
    engine.store_mut().transaction(|tx| {
        jobs::add_spool(
            tx,
            &job.jobid,
            "JESMSGLG",
            "JES2",
            None,
            &jesmsglg(job, started, &msgs),
        )?;
        jobs::add_spool(tx, &job.jobid, "JESJCL", "JES2", None, &jesjcl(&jcl))?;
        jobs::add_spool(tx, &job.jobid, "JESYSMSG", "JES2", None, &run.job_log)?;
        for (step, ddname, lines) in &run.sysout {
            jobs::add_spool(tx, &job.jobid, ddname, step, None, lines)?;
        }
        jobs::set_status(tx, &job.jobid, "OUTPUT", Some(&rc))
    })
}

/// Runs `job` on a blocking thread of its own; failures go to the server log.
pub fn start(backend: &Backend, job: Job) {
    let b = backend.clone();
    tokio::task::spawn_blocking(move || {
        let r = b.with_engine(|engine, programs| run(engine, programs, &job));
        if let Err(e) | Ok(Err(e)) = r {
            crate::log(&format!("job {} failed: {e}", job.jobid));
        }
    });
}

/// Restarts the jobs a stopped server left unfinished: INPUT jobs run now; a job that was
/// ACTIVE when the server stopped ends as `ABEND S222` (as a job cancelled by the operator),
/// since its commands may have partly run.
pub fn resume(backend: &Backend) {
    let b = backend.clone();
    let r = b.with_engine(|engine, _| {
        engine.store_mut().transaction(|tx| {
            let pending = jobs::unfinished(tx)?;
            let mut queued = Vec::new();
            for j in pending {
                if j.status == "ACTIVE" {
                    jobs::set_status(tx, &j.jobid, "OUTPUT", Some("ABEND S222"))?;
                } else {
                    queued.push(j);
                }
            }
            Ok::<_, StoreError>(queued)
        })
    });
    match r {
        Ok(Ok(queued)) => {
            for j in queued {
                start(backend, j);
            }
        }
        Ok(Err(e)) | Err(e) => crate::log(&format!("cannot resume jobs: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Programs;
    use racemu_engine::{Clock, Config};
    use std::sync::Arc;

    /// Programs whose every job prints one line.
    struct Fake;

    impl Programs for Fake {
        fn tso(&self, _: &mut Engine, _: &str, _: &str) -> Vec<String> {
            Vec::new()
        }
        fn job(&self, _: &mut Engine, _: &str, _: &str) -> JobRun {
            JobRun {
                sysout: vec![("S1".into(), "SYSTSPRT".into(), vec!["RAN".into()])],
                ..JobRun::default()
            }
        }
    }

    #[test]
    fn a_restart_runs_input_jobs_and_ends_active_ones_as_s222() {
        let dir = tempfile::tempdir().expect("tmp");
        let db = dir.path().join("racf.db");
        let mut store = racemu_store::Store::open(&db).expect("store");
        let (queued, active) = store
            .transaction(|tx| {
                let a = jobs::submit(tx, "QUEUED", "U1", "U1", "//QUEUED JOB\n", "t")?;
                let b = jobs::submit(tx, "ACTIVE", "U1", "U1", "//ACTIVE JOB\n", "t")?;
                jobs::set_status(tx, &b.jobid, "ACTIVE", None)?;
                Ok::<_, StoreError>((a.jobid, b.jobid))
            })
            .expect("jobs");
        let backend = Backend::new(db, Clock::System, Config::default(), Arc::new(Fake));
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async { resume(&backend) });
        // Shutting down waits for the job's blocking thread.
        rt.shutdown_timeout(std::time::Duration::from_secs(30));
        let (q, a, spool) = store
            .transaction(|tx| {
                Ok::<_, StoreError>((
                    jobs::get(tx, &queued)?,
                    jobs::get(tx, &active)?,
                    jobs::spool_files(tx, &queued)?,
                ))
            })
            .expect("read");
        let q = q.expect("queued job");
        assert_eq!(
            (q.status.as_str(), q.retcode.as_deref()),
            ("OUTPUT", Some("CC 0000"))
        );
        let a = a.expect("active job");
        assert_eq!(
            (a.status.as_str(), a.retcode.as_deref()),
            ("OUTPUT", Some("ABEND S222"))
        );
        let dds: Vec<&str> = spool.iter().map(|f| f.ddname.as_str()).collect();
        assert_eq!(dds, ["JESMSGLG", "JESJCL", "JESYSMSG", "SYSTSPRT"]);
    }

    #[test]
    fn jesjcl_numbers_statements_and_leaves_out_instream_data_and_delimiters() {
        let jcl = "//J JOB\n//* note\n//S EXEC PGM=IKJEFT01\n//IN DD DATA,DLM=$$\n/* not a delimiter here */\n//NOT A STATEMENT\n$$\n//IN2 DD *\nLISTUSER\n//OUT DD SYSOUT=*\n// DD *\nX\n/*\n";
        assert_eq!(
            jesjcl(jcl),
            [
                "         1 //J JOB",
                "           //* note",
                "         2 //S EXEC PGM=IKJEFT01",
                "         3 //IN DD DATA,DLM=$$",
                "         4 //IN2 DD *",
                "         5 //OUT DD SYSOUT=*",
                "         6 // DD *",
            ]
        );
    }

    /// JES2 ends `DD *,DLM=xx` data at the DLM characters or at the next statement (z/OS MVS
    /// JCL Reference, "DLM parameter":
    /// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieab600/xdddlm.htm),
    /// as the job runner reads it: the next statement is listed and numbered.
    #[test]
    fn jesjcl_ends_dd_star_data_with_dlm_at_the_next_statement() {
        let jcl = "//J JOB\n//S EXEC PGM=IKJEFT01\n//SYSTSIN DD *,DLM=$$\nLISTUSER\n//SYSTSPRT DD SYSOUT=*\n";
        assert_eq!(
            jesjcl(jcl),
            [
                "         1 //J JOB",
                "         2 //S EXEC PGM=IKJEFT01",
                "         3 //SYSTSIN DD *,DLM=$$",
                "         4 //SYSTSPRT DD SYSOUT=*",
            ]
        );
    }

    /// Continuation cards carry no number: JES numbers statements, as the `ON STATEMENT n` of
    /// IEF206I in a real JES2 log shows (the IF after a JOB continued over four cards is 7).
    #[test]
    fn jesjcl_leaves_continuation_cards_unnumbered() {
        let jcl = "//J JOB (MVS),\n//   MSGLEVEL=(1,1),  COMMENT\n//* note\n//   CLASS=A\n//S EXEC PGM=X,\n//   PARM='A, B'\n// IF (RC = 0) THEN\n//S2 EXEC PGM=Y\n// ENDIF\n";
        assert_eq!(
            jesjcl(jcl),
            [
                "         1 //J JOB (MVS),",
                "           //   MSGLEVEL=(1,1),  COMMENT",
                "           //* note",
                "           //   CLASS=A",
                "         2 //S EXEC PGM=X,",
                "           //   PARM='A, B'",
                "         3 // IF (RC = 0) THEN",
                "         4 //S2 EXEC PGM=Y",
                "         5 // ENDIF",
            ]
        );
    }

    #[test]
    fn retcodes_name_jcl_errors_abends_and_condition_codes() {
        let mut run = JobRun {
            max_cc: 8,
            ..JobRun::default()
        };
        assert_eq!(retcode(&run), "CC 0008");
        run.abend = Some("S806".into());
        assert_eq!(retcode(&run), "ABEND S806");
        run.jcl_error = true;
        assert_eq!(retcode(&run), "JCL ERROR");
    }
}

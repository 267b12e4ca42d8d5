//! Running a submitted job as JES2 would: the surrogate check for a JOB card's USER=, the
//! job run through racemu's job runner, and the spool files JES2 writes (JESMSGLG, JESJCL,
//! JESYSMSG, and every SYSOUT data set the steps wrote), kept in the store.

use crate::messages as m;
use crate::{Backend, JobRun};
use racemu_engine::jes::SpoolOutput;
use racemu_engine::messages::Message;
use racemu_engine::Engine;
use racemu_store::jobs::Job;
use racemu_store::StoreError;
use time::OffsetDateTime;

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

/// One of JES2's own spool files (step `JES2`).
fn jes2_file(ddname: &str, records: Vec<String>) -> SpoolOutput {
    SpoolOutput {
        ddname: ddname.to_string(),
        stepname: "JES2".to_string(),
        records,
    }
}

/// Ends a job whose surrogate submission RACF refused (the engine's ICH408I): SEC ERROR,
/// ICH408I in JESMSGLG, nothing run.
pub fn refuse(
    engine: &mut Engine,
    job: &Job,
    ich408i: &Message,
    jcl: &str,
) -> Result<(), StoreError> {
    let now = engine.clock().now();
    let msgs = [ich408i.line(), m::hasp165_security_error(&job.jobname)];
    let spool = [
        jes2_file("JESMSGLG", jesmsglg(job, now, &msgs)),
        jes2_file("JESJCL", jesjcl(jcl)),
    ];
    engine.end_job(&job.jobid, &spool, "SEC ERROR")
}

/// Runs an INPUT job to OUTPUT: ACTIVE while it runs, then its spool and retcode.
pub fn run(
    engine: &mut Engine,
    programs: &dyn crate::Programs,
    job: &Job,
) -> Result<(), StoreError> {
    let jcl = engine.start_job(&job.jobid)?.unwrap_or_default();
    let started = engine.clock().now();
    let run = programs.job(engine, &jcl, &job.owner);
    let rc = retcode(&run);
    let ended = if run.jcl_error {
        m::hasp396(&job.jobname)
    } else if let Some(a) = &run.abend {
        m::hasp395_abend(&job.jobname, a)
    } else {
        m::hasp395_rc(&job.jobname, run.max_cc)
    };
    let msgs = [
        m::irr010i(&job.owner),
        m::hasp373(&job.jobname, &job.class),
        ended,
    ];
    let mut spool = vec![
        jes2_file("JESMSGLG", jesmsglg(job, started, &msgs)),
        jes2_file("JESJCL", jesjcl(&jcl)),
        jes2_file("JESYSMSG", run.job_log),
    ];
    spool.extend(
        run.sysout
            .into_iter()
            .map(|(step, ddname, records)| SpoolOutput {
                ddname,
                stepname: step,
                records,
            }),
    );
    engine.end_job(&job.jobid, &spool, &rc)
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
    let r = b.with_engine(|engine, _| engine.requeue_unfinished_jobs());
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
    use racemu_store::jobs;
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

//! Running a JCL job, or a bare SYSTSIN stream, through the engine.

use racemu_engine::Engine;
use racemu_jcl::{DdInput, DdKind, Job, Step, StepResult};
use racemu_store::datasets;
use racemu_tso::{run_batch, BatchOutcome, EntryPoint, Executed};

/// What a job produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobOutput {
    /// SYSTSPRT of every TSO step, in step order.
    pub systsprt: Vec<String>,
    /// JES-style job log lines (step completion, JCL errors).
    pub job_log: Vec<String>,
    /// The highest condition code of the steps that ran.
    pub max_cc: u32,
}

/// SYSTSIN record length (FB 80).
pub const SYSTSIN_LRECL: usize = 80;

/// Runs SYSTSIN `records` as one TMP step issued by `user`. `lrecl` is the record length
/// (80 for in-stream data; `None` for a text file of any line length). The outcome holds
/// SYSTSPRT, the step's RC and racemu's hints for the job log.
pub fn run_sysin(
    engine: &mut Engine,
    records: &[String],
    user: &str,
    entry: EntryPoint,
    parm: Option<&str>,
    lrecl: Option<usize>,
) -> BatchOutcome {
    let user = user.to_ascii_uppercase();
    run_batch(records, lrecl, parm, entry, &mut |cmd| {
        let o = engine.execute(&user, &cmd.text);
        Executed {
            lines: o.lines,
            rc: o.rc,
            end_session: o.end_session,
            hints: o.hints,
        }
    })
}

/// Reads a cataloged data set's records (text, one record a line).
fn dataset_records(engine: &mut Engine, dsn: &str) -> Option<Vec<String>> {
    let dsn = dsn.trim_matches('\'').to_ascii_uppercase();
    let ds = engine
        .store_mut()
        .transaction(|tx| datasets::get(tx, &dsn))
        .ok()
        .flatten()?;
    let text = String::from_utf8_lossy(&ds.data).into_owned();
    Some(text.lines().map(|l| l.to_string()).collect())
}

/// IEBGENER: copies SYSUT1 (in-stream data or a data set) to the SYSUT2 data set.
fn iebgener(engine: &mut Engine, job: &Job, step: &Step, out: &mut JobOutput) -> StepResult {
    let stepname = step.name.clone().unwrap_or_default();
    let data: Vec<u8> = match step.input("SYSUT1") {
        Some(DdInput::Records(r)) => {
            let mut text = r
                .iter()
                .map(|l| l.trim_end())
                .collect::<Vec<_>>()
                .join("\n");
            text.push('\n');
            text.into_bytes()
        }
        Some(DdInput::Dataset(dsn)) => {
            let dsn = dsn.to_string();
            match engine.store_mut().transaction(|tx| datasets::get(tx, &dsn)) {
                Ok(Some(d)) => d.data,
                _ => {
                    out.job_log.push(format!(
                        "IEF212I {} {} SYSUT1 - DATA SET NOT FOUND",
                        job.name, stepname
                    ));
                    return StepResult::Completed(12);
                }
            }
        }
        Some(DdInput::Dummy) => Vec::new(),
        None => {
            out.job_log.push(format!(
                "IEB311I {} {} - SYSUT1 DD STATEMENT MISSING",
                job.name, stepname
            ));
            return StepResult::Completed(12);
        }
    };
    let target = step.dds.iter().find_map(|d| match (&d.name, &d.kind) {
        (Some(n), DdKind::Dataset { dsn, .. }) if n == "SYSUT2" => Some(dsn.clone()),
        _ => None,
    });
    let Some(dsn) = target else {
        // SYSUT2 to SYSOUT: nothing to keep.
        return StepResult::Completed(0);
    };
    let d = datasets::Dataset::holding(&dsn, data);
    let today = engine.clock().now().date().to_string();
    match engine
        .store_mut()
        .transaction(|tx| datasets::put(tx, &d, &today))
    {
        Ok(()) => StepResult::Completed(0),
        Err(e) => {
            out.job_log
                .push(format!("IEC000I {} {} SYSUT2 - {e}", job.name, stepname));
            StepResult::Completed(12)
        }
    }
}

/// DISP processing at the end of a step: `(…,DELETE)` deletes, `(NEW,CATLG)` catalogs an
/// empty data set if the step did not write one.
fn dispositions(engine: &mut Engine, step: &Step, result: StepResult) {
    let abended = matches!(result, StepResult::Abend { .. });
    let today = engine.clock().now().date().to_string();
    for dd in &step.dds {
        let DdKind::Dataset { dsn, disp } = &dd.kind else {
            continue;
        };
        let status = disp
            .first()
            .map(|s| s.to_ascii_uppercase())
            .unwrap_or_default();
        let normal = disp
            .get(1)
            .map(|s| s.to_ascii_uppercase())
            .unwrap_or_default();
        let abnormal = disp
            .get(2)
            .map(|s| s.to_ascii_uppercase())
            .unwrap_or_else(|| normal.clone());
        let action = if abended { abnormal } else { normal };
        let dsn = dsn.clone();
        let _ = engine.store_mut().transaction(|tx| {
            if action == "DELETE" {
                datasets::delete(tx, &dsn)?;
            } else if status == "NEW"
                && (action == "CATLG" || action == "KEEP")
                && datasets::get(tx, &dsn)?.is_none()
            {
                let empty = datasets::Dataset {
                    dsn: dsn.clone(),
                    recfm: "FB".into(),
                    lrecl: 80,
                    data: Vec::new(),
                };
                datasets::put(tx, &empty, &today)?;
            }
            Ok::<(), racemu_store::rusqlite::Error>(())
        });
    }
}

fn run_step(
    engine: &mut Engine,
    job: &Job,
    step: &Step,
    user: &str,
    out: &mut JobOutput,
) -> StepResult {
    let program = step
        .program
        .clone()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let stepname = step.name.clone().unwrap_or_default();
    if let Some(entry) = EntryPoint::from_program(&program) {
        let records = match step.input("SYSTSIN") {
            Some(DdInput::Records(r)) => r,
            Some(DdInput::Dataset(dsn)) => match dataset_records(engine, dsn) {
                Some(r) => r,
                None => {
                    out.job_log.push(format!(
                        "IEF212I {} {} SYSTSIN - DATA SET NOT FOUND",
                        job.name, stepname
                    ));
                    out.job_log.push(format!(
                        "IEF272I {} {} - STEP WAS NOT EXECUTED.",
                        job.name, stepname
                    ));
                    return StepResult::Completed(8);
                }
            },
            Some(DdInput::Dummy) | None => Vec::new(),
        };
        let step_out = run_sysin(
            engine,
            &records,
            user,
            entry,
            step.parm.as_deref(),
            Some(SYSTSIN_LRECL),
        );
        out.systsprt.extend(step_out.systsprt);
        out.job_log.extend(step_out.hints);
        return StepResult::Completed(step_out.rc);
    }
    match program.as_str() {
        "IEFBR14" => StepResult::Completed(0),
        "IEBGENER" | "ICEGENER" => iebgener(engine, job, step, out),
        _ => {
            out.job_log
                .push(format!("CSV003I REQUESTED MODULE {program} NOT FOUND"));
            StepResult::Abend {
                system: Some(0x806),
                user: None,
            }
        }
    }
}

/// Parses and runs a whole job. The issuer is the JOB card's `USER=`, else `default_user`.
pub fn run_job_text(engine: &mut Engine, text: &str, default_user: &str) -> JobOutput {
    let mut out = JobOutput::default();
    let job = match racemu_jcl::parse_job(text) {
        Ok(j) => j,
        Err(e) => {
            out.job_log.push(e.to_string());
            out.max_cc = 12;
            return out;
        }
    };
    out.job_log.extend(job.warnings.iter().cloned());
    let user = job.user.clone().unwrap_or_else(|| default_user.to_string());
    let result = {
        let out_ref = &mut out;
        racemu_jcl::run_job(&job, &mut |step: &Step| {
            let r = run_step(engine, &job, step, &user, out_ref);
            dispositions(engine, step, r);
            r
        })
    };
    out.job_log.extend(result.job_log);
    out.max_cc = result.max_cc;
    out
}

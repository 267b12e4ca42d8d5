//! Running a JCL job, or a bare SYSTSIN stream, through the engine.

use racemu_engine::Engine;
use racemu_jcl::{DdInput, DdKind, Job, Step, StepResult};
use racemu_store::datasets::{self, DatasetError};
use racemu_tso::EntryPoint;

pub use crate::session::{run_sysin, SYSTSIN_LRECL};

/// What a job produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobOutput {
    /// SYSTSPRT of every TSO step, in step order.
    pub systsprt: Vec<String>,
    /// JES-style job log lines (step completion, JCL errors).
    pub job_log: Vec<String>,
    /// The highest condition code of the steps that ran; at least 12 when the job failed
    /// with a JCL error, ran no step, or the store failed under it.
    pub max_cc: u32,
    /// True when the job failed with a JCL error (`IEF453I`).
    pub jcl_error: bool,
    /// True when the store failed during the job (reported in the job log as `RCM31nE`).
    pub store_failed: bool,
}

/// Why a step could not open a data set for input.
enum OpenFailure {
    /// The data set or member is not there (`IEC141I 013-18`, abend S013).
    Missing,
    /// The store failed (a racemu error, not a z/OS one).
    Store(String),
}

/// Reads a cataloged data set's (or member's) records (text, one record a line).
fn dataset_records(engine: &mut Engine, dsn: &str) -> Result<Vec<String>, OpenFailure> {
    let dsn = dsn.trim_matches('\'').to_ascii_uppercase();
    match engine.store_mut().transaction(|tx| datasets::get(tx, &dsn)) {
        Ok(Some(ds)) => {
            let text = String::from_utf8_lossy(&ds.data).into_owned();
            Ok(text.lines().map(|l| l.to_string()).collect())
        }
        Ok(None) | Err(DatasetError::Partitioned(_) | DatasetError::NotPartitioned(_)) => {
            Err(OpenFailure::Missing)
        }
        Err(e) => Err(OpenFailure::Store(e.to_string())),
    }
}

/// The job-log lines and the result for a step whose input DD could not be opened.
fn open_failed(
    job: &Job,
    stepname: &str,
    ddname: &str,
    f: OpenFailure,
    out: &mut JobOutput,
) -> StepResult {
    match f {
        OpenFailure::Missing => {
            out.job_log.push(format!(
                "IEC141I 013-18,IGG0191B,{},{},{ddname}",
                job.name, stepname
            ));
            StepResult::Abend {
                system: Some(0x013),
                user: None,
            }
        }
        OpenFailure::Store(e) => {
            out.job_log.push(format!(
                "RCM310E {} {} {ddname} - THE STORE FAILED: {e}",
                job.name, stepname
            ));
            out.store_failed = true;
            StepResult::Completed(12)
        }
    }
}

/// Allocation at step start: every DD naming an existing data set (`DISP=SHR` or `OLD`,
/// with or without a member) must find it cataloged, else `IEF212I … DATA SET NOT FOUND` and
/// the step is not executed (a JCL error, as on z/OS). A member need not exist yet: that is
/// found when the program opens it.
fn allocate(
    engine: &mut Engine,
    job: &Job,
    step: &Step,
    out: &mut JobOutput,
) -> Result<(), StepResult> {
    let stepname = step.name.clone().unwrap_or_default();
    for dd in &step.dds {
        let DdKind::Dataset { dsn, disp } = &dd.kind else {
            continue;
        };
        let status = disp.first().map(|s| s.to_ascii_uppercase());
        if !matches!(status.as_deref(), Some("SHR" | "OLD")) {
            continue;
        }
        let base = dsn.split('(').next().unwrap_or(dsn).to_string();
        let ddname = dd.name.clone().unwrap_or_default();
        match engine
            .store_mut()
            .transaction(|tx| datasets::exists(tx, &base))
        {
            Ok(true) => {}
            Ok(false) | Err(DatasetError::InvalidName(_)) => {
                out.job_log.push(format!(
                    "IEF212I {} {} {ddname} - DATA SET NOT FOUND",
                    job.name, stepname
                ));
                return Err(StepResult::NotExecuted);
            }
            Err(e) => {
                out.job_log.push(format!(
                    "RCM310E {} {} {ddname} - THE STORE FAILED: {e}",
                    job.name, stepname
                ));
                out.store_failed = true;
                return Err(StepResult::NotExecuted);
            }
        }
    }
    Ok(())
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
                Ok(None) | Err(DatasetError::Partitioned(_) | DatasetError::NotPartitioned(_)) => {
                    return open_failed(job, &stepname, "SYSUT1", OpenFailure::Missing, out)
                }
                Err(e) => {
                    let f = OpenFailure::Store(e.to_string());
                    return open_failed(job, &stepname, "SYSUT1", f, out);
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
/// empty data set if the step did not write one. A store failure is reported in the job log
/// and fails the job; it is never dropped.
fn dispositions(
    engine: &mut Engine,
    job: &Job,
    step: &Step,
    result: StepResult,
    out: &mut JobOutput,
) {
    if result == StepResult::NotExecuted {
        return;
    }
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
        let done = engine.store_mut().transaction(|tx| {
            if action == "DELETE" {
                datasets::delete(tx, &dsn)?;
            } else if status == "NEW"
                && (action == "CATLG" || action == "KEEP")
                && !datasets::exists(tx, &dsn)?
            {
                let empty = datasets::Dataset {
                    dsn: dsn.clone(),
                    recfm: "FB".into(),
                    lrecl: 80,
                    data: Vec::new(),
                };
                datasets::put(tx, &empty, &today)?;
            }
            Ok::<(), DatasetError>(())
        });
        if let Err(e) = done {
            out.job_log.push(format!(
                "RCM311E {} {} {} - DISP PROCESSING OF {dsn} FAILED: {e}",
                job.name,
                step.name.as_deref().unwrap_or_default(),
                dd.name.as_deref().unwrap_or_default()
            ));
            out.store_failed = true;
        }
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
    if let Err(not_executed) = allocate(engine, job, step, out) {
        return not_executed;
    }
    if let Some(entry) = EntryPoint::from_program(&program) {
        let records = match step.input("SYSTSIN") {
            Some(DdInput::Records(r)) => r,
            Some(DdInput::Dataset(dsn)) => match dataset_records(engine, dsn) {
                Ok(r) => r,
                Err(f) => return open_failed(job, &stepname, "SYSTSIN", f, out),
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
            out.job_log.extend(e.0.lines().map(str::to_string));
            out.jcl_error = true;
            out.max_cc = 12;
            return out;
        }
    };
    out.job_log.extend(job.warnings.iter().cloned());
    let user = job.user.clone().unwrap_or_else(|| default_user.to_string());
    let result = {
        let out_ref = &mut out;
        racemu_jcl::run_job_logged(&job, &mut |step: &Step, log: &mut Vec<String>| {
            let r = run_step(engine, &job, step, &user, out_ref);
            dispositions(engine, &job, step, r, out_ref);
            log.append(&mut out_ref.job_log);
            r
        })
    };
    out.job_log.extend(result.job_log);
    out.max_cc = result.max_cc;
    out.jcl_error = result.jcl_error;
    if result.steps.is_empty() {
        out.job_log
            .push("RCM305E THE JOB HAS NO EXEC STATEMENT: NO STEP RAN".into());
        if looks_like_systsin(text) {
            out.job_log.push(
                "RCM306I THE INPUT LOOKS LIKE TSO COMMANDS (SYSTSIN), NOT JCL: RUN IT WITH racemu run --sysin FILE"
                    .into(),
            );
        }
        out.max_cc = out.max_cc.max(12);
    }
    if out.jcl_error || out.store_failed {
        out.max_cc = out.max_cc.max(12);
    }
    out
}

/// Whether `text` reads like bare SYSTSIN: its first statement-like line is not JCL (`//` or
/// `/*`) and begins with a TSO or RACF command name racemu knows.
fn looks_like_systsin(text: &str) -> bool {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    if first.starts_with("//") || first.starts_with("/*") {
        return false;
    }
    let verb = first
        .split(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_ascii_uppercase();
    racemu_command::VERBS.contains(&verb.as_str())
}

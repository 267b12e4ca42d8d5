//! Running a JCL job, or a bare SYSTSIN stream, through the engine.

use crate::catalog::StoreCatalog;
use crate::messages;
use racemu_engine::Engine;
use racemu_jcl::{CatalogError, DatasetCatalog, JobSteps, ProgramLibrary, StepContext, StepResult};
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
    /// The SYSOUT data sets the steps wrote (each TSO step's SYSTSPRT, IEBGENER's SYSUT2),
    /// in order: what JES2 keeps on the spool.
    pub sysout: Vec<racemu_jcl::SysoutFile>,
    /// The first abend's completion code as z/OSMF writes it (`S806`, `U0012`), if a step
    /// ended abnormally.
    pub abend: Option<String>,
}

/// racemu's program library: the TSO TMP (IKJEFT01, IKJEFT1A, IKJEFT1B) running SYSTSIN
/// through the engine as the job's user, over the store's data sets.
struct Tso<'a> {
    catalog: StoreCatalog<'a>,
    user: &'a str,
    systsprt: Vec<String>,
}

impl DatasetCatalog for Tso<'_> {
    fn get(&mut self, dsn: &str) -> Result<Option<Vec<u8>>, CatalogError> {
        self.catalog.get(dsn)
    }
    fn exists(&mut self, dsn: &str) -> Result<bool, CatalogError> {
        self.catalog.exists(dsn)
    }
    fn put(&mut self, dsn: &str, data: Vec<u8>) -> Result<(), CatalogError> {
        self.catalog.put(dsn, data)
    }
    fn allocate(&mut self, dsn: &str) -> Result<(), CatalogError> {
        self.catalog.allocate(dsn)
    }
    fn delete(&mut self, dsn: &str) -> Result<bool, CatalogError> {
        self.catalog.delete(dsn)
    }
    fn take_notices(&mut self) -> Vec<String> {
        self.catalog.take_notices()
    }
}

impl ProgramLibrary for Tso<'_> {
    fn run_program(&mut self, program: &str, cx: &mut StepContext<'_>) -> Option<StepResult> {
        if program.eq_ignore_ascii_case("IRXJCL") {
            return Some(self.irxjcl(cx));
        }
        let entry = EntryPoint::from_program(program)?;
        let records = match cx.input_records(&mut self.catalog, "SYSTSIN") {
            Ok(r) => r,
            Err(result) => return Some(result),
        };
        let libraries = crate::rexx::ExecLibraries::of_step(cx.step);
        let step_out = crate::session::run_sysin_with(
            self.catalog.engine,
            &records,
            self.user,
            entry,
            cx.step.parm.as_deref(),
            Some(SYSTSIN_LRECL),
            &libraries,
        );
        cx.write_sysout("SYSTSPRT", step_out.systsprt.clone());
        self.systsprt.extend(step_out.systsprt);
        cx.log.extend(step_out.hints);
        Some(StepResult::Completed(step_out.rc))
    }
}

impl Tso<'_> {
    /// IRXJCL: the exec PARM names, from SYSEXEC, SYSTSIN for PULL, SYSTSPRT for SAY.
    fn irxjcl(&mut self, cx: &mut StepContext<'_>) -> StepResult {
        let records = match cx.input_records(&mut self.catalog, "SYSTSIN") {
            Ok(r) => r,
            Err(result) => return result,
        };
        let user = self.user.to_ascii_uppercase();
        let out = crate::rexx::irxjcl::run(self.catalog.engine, &user, cx.step, records);
        cx.write_sysout("SYSTSPRT", out.lines.clone());
        self.systsprt.extend(out.lines);
        cx.log.extend(out.hints);
        StepResult::Completed(out.rc)
    }
}

/// The instant a deck asks to run at: the text after `//* RACEMU-NOW:` on the first such
/// comment line (racemu's convention for sample decks whose dates need a fixed clock), trimmed.
pub fn deck_now(text: &str) -> Option<&str> {
    text.lines()
        .find_map(|l| l.strip_prefix("//* RACEMU-NOW:"))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Parses and runs a whole job. The issuer is the JOB card's `USER=`, else `default_user`.
pub fn run_job_text(engine: &mut Engine, text: &str, default_user: &str) -> JobOutput {
    let mut out = JobOutput::default();
    let job = match racemu_jcl::parse_job(text) {
        Ok(j) => j,
        Err(e) => {
            out.job_log.extend(e.lines());
            out.jcl_error = true;
            out.max_cc = 12;
            return out;
        }
    };
    out.job_log.extend(job.warnings.iter().cloned());
    // A job is one run: each undefined user ID it names is noted (RCM116I) once in its log.
    engine.begin_run();
    let user = job.user.clone().unwrap_or_else(|| default_user.to_string());
    let mut steps = JobSteps::new(Tso {
        catalog: StoreCatalog {
            engine,
            user: user.to_ascii_uppercase(),
            notices: Vec::new(),
        },
        user: &user,
        systsprt: Vec::new(),
    });
    let result = racemu_jcl::run_job_with(&job, &mut steps);
    out.systsprt = steps.library.systsprt;
    out.sysout = steps.sysout;
    out.abend = result.steps.iter().find_map(|s| match s.outcome {
        racemu_jcl::StepOutcome::Ran(racemu_jcl::StepResult::Abend { system, user }) => {
            Some(match (system, user) {
                (Some(code), _) => format!("S{code:03X}"),
                (None, Some(code)) => format!("U{code:04}"),
                (None, None) => "S000".to_string(),
            })
        }
        _ => None,
    });
    out.store_failed = steps.store_failed;
    out.job_log.extend(result.job_log);
    out.max_cc = result.max_cc;
    out.jcl_error = result.jcl_error;
    if result.steps.is_empty() {
        out.job_log.push(messages::no_exec_statement());
        if looks_like_systsin(text) {
            out.job_log.push(messages::input_looks_like_systsin());
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
    if racemu_jcl::starts_with_jcl(text) {
        return false;
    }
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    let verb = racemu_tso::command_name(first).to_ascii_uppercase();
    racemu_command::VERBS.contains(&verb.as_str())
}

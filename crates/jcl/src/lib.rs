//! JCL for racemu: a job stream in, steps with their DD statements out, and a runner that
//! evaluates IF/THEN/ELSE/ENDIF and the JOB and EXEC `COND=` tests on the results of earlier
//! steps.
//!
//! The crate is pure: text in, structures out, and a step runner ([`JobSteps`]: allocation,
//! IEFBR14, IEBGENER, DISP processing) over traits the caller implements
//! ([`DatasetCatalog`], [`ProgramLibrary`]). What it supports (z/OS MVS JCL Reference):
//! JOB (with USER=), EXEC PGM= with PARM=, DD `*` / `DATA` / `DLM=` / `SYSOUT=` / `DSN=` /
//! `DDNAME=` / `DUMMY`, unnamed concatenations, statement continuation, comment fields,
//! `//*` comments, `/*` delimiters, JES2 control statements (ignored), the `//` null
//! statement, `SET`, `EXPORT SYMLIST=`, symbol substitution in statements and (with
//! `SYMBOLS=JCLONLY|EXECSYS|CNVTSYS`) in in-stream data, IF/THEN/ELSE/ENDIF, and `COND=` on
//! JOB and EXEC.
#![deny(missing_docs)]

mod checks;
mod cond;
mod cond_param;
mod error;
mod fields;
mod instream;
mod listing;
mod messages;
mod operands;
mod reader;
mod runner;
mod statement;
mod steps;
mod symbols;

pub use cond::{Condition, Rel};
pub use cond_param::{parse_job_cond, AbendRule, RcTest, StepCond};
pub use error::JclError;
pub use listing::{jesjcl_cards, job_card, starts_with_jcl, JobCard, ListedCard};
pub use operands::{JclOperand, Operands, Shape, Value};
pub use steps::{
    CatalogError, CatalogErrorKind, DatasetCatalog, JobSteps, ProgramLibrary, StepContext,
    StepRunner, SysoutFile,
};

use std::collections::BTreeMap;

/// How symbols are substituted in an in-stream data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolMode {
    /// No substitution (the default).
    None,
    /// SYMBOLS=JCLONLY: exported JCL symbols.
    JclOnly,
    /// SYMBOLS=EXECSYS / CNVTSYS: exported JCL symbols and system symbols.
    System,
}

/// What a DD statement describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DdKind {
    /// In-stream data (`DD *` or `DD DATA`), symbols already substituted.
    InStream {
        /// The records, as read (after substitution).
        records: Vec<String>,
        /// The substitution mode the DD asked for.
        symbols: SymbolMode,
    },
    /// `SYSOUT=class`.
    Sysout(String),
    /// `DSN=name` with its DISP.
    Dataset {
        /// Data set name (upper case).
        dsn: String,
        /// DISP subparameters.
        disp: Vec<String>,
    },
    /// `DDNAME=other`: refers to a later DD of the same step.
    DdnameRef(String),
    /// `DUMMY` or `DSN=NULLFILE`.
    Dummy,
    /// Anything else.
    Other,
}

/// A DD statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dd {
    /// DD name (`None` for an unnamed concatenation to the previous DD).
    pub name: Option<String>,
    /// What it describes.
    pub kind: DdKind,
    /// Keyword parameters as written (after symbol substitution).
    pub params: Vec<(String, String)>,
}

/// A job step.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Step {
    /// Step name.
    pub name: Option<String>,
    /// `PGM=`.
    pub program: Option<String>,
    /// `PROC=` or a positional procedure name.
    pub procedure: Option<String>,
    /// `PARM=` without its quotes (`''` → `'`).
    pub parm: Option<String>,
    /// DD statements in order.
    pub dds: Vec<Dd>,
    /// `COND=`: return code tests and EVEN/ONLY (`None` when not coded).
    pub cond: Option<StepCond>,
}

/// Input of a step's DD as a program sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DdInput<'a> {
    /// In-stream records (concatenations joined).
    Records(Vec<String>),
    /// A cataloged data set, to be read by the caller.
    Dataset(&'a str),
    /// DUMMY (or a DDNAME= referral to a DD that is not there).
    Dummy,
}

impl Step {
    /// The input of DD `ddname`, following DDNAME= referral and concatenations; `None` when
    /// the step has no such DD.
    pub fn input(&self, ddname: &str) -> Option<DdInput<'_>> {
        let mut name = ddname.to_ascii_uppercase();
        for _ in 0..8 {
            let pos = self
                .dds
                .iter()
                .position(|d| d.name.as_deref() == Some(name.as_str()))?;
            match &self.dds[pos].kind {
                DdKind::DdnameRef(r) => {
                    let target = r.to_ascii_uppercase();
                    if !self
                        .dds
                        .iter()
                        .any(|d| d.name.as_deref() == Some(target.as_str()))
                    {
                        return Some(DdInput::Dummy);
                    }
                    name = target;
                    continue;
                }
                DdKind::Dataset { dsn, .. } => return Some(DdInput::Dataset(dsn)),
                DdKind::Dummy => return Some(DdInput::Dummy),
                DdKind::InStream { .. } => {
                    let mut recs = Vec::new();
                    for d in &self.dds[pos..] {
                        if d.name.is_some() && !std::ptr::eq(d, &self.dds[pos]) {
                            break;
                        }
                        if let DdKind::InStream { records, .. } = &d.kind {
                            recs.extend(records.iter().cloned());
                        }
                    }
                    return Some(DdInput::Records(recs));
                }
                _ => return Some(DdInput::Dummy),
            }
        }
        Some(DdInput::Dummy)
    }
}

/// An item of a job: a step, or an IF/THEN/ELSE/ENDIF construct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobItem {
    /// A step.
    Step(Step),
    /// IF (condition) THEN … [ELSE …] ENDIF.
    If {
        /// The condition.
        condition: Condition,
        /// Items run when it holds.
        then_items: Vec<JobItem>,
        /// Items run otherwise.
        else_items: Vec<JobItem>,
        /// The condition as written.
        text: String,
        /// The IF statement's number as JES counts statements (the JOB statement is 1), which
        /// `IEF206I` names for the steps it skips.
        statement: usize,
    },
}

/// A parsed job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Job name.
    pub name: String,
    /// JOB `USER=`.
    pub user: Option<String>,
    /// JOB `COND=`: when a step's return code satisfies one of these tests, the job ends
    /// (`IEF201I`) and no later step runs.
    pub cond: Vec<RcTest>,
    /// Steps and IF constructs in order.
    pub items: Vec<JobItem>,
    /// JES-style notes about statements racemu ignored.
    pub warnings: Vec<String>,
    /// The symbols in effect at the end of the job.
    pub symbols: BTreeMap<String, String>,
}

/// Parses a whole job stream (CRLF or LF). Never panics.
pub fn parse_job(text: &str) -> Result<Job, JclError> {
    reader::parse(text)
}

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepResult {
    /// Normal end with a return code.
    Completed(u32),
    /// Abnormal end.
    Abend {
        /// System completion code (e.g. 0x806).
        system: Option<u16>,
        /// User completion code.
        user: Option<u16>,
    },
    /// Allocation failed (a DD's data set does not exist, …): the step was not executed,
    /// and the job ends there with a JCL error (`IEF272I`, then `IEF453I … JOB FAILED - JCL
    /// ERROR`); no later step runs. The runner prints the allocation message (`IEF212I`).
    NotExecuted,
}

/// Whether a step ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepOutcome {
    /// It ran.
    Ran(StepResult),
    /// It was not run: an IF construct or its COND bypassed it, an earlier abend flushed it,
    /// or a JOB COND test ended the job.
    NotRun,
}

/// One step's record in the job result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRecord {
    /// Step name.
    pub name: String,
    /// Program.
    pub program: String,
    /// What happened.
    pub outcome: StepOutcome,
}

/// The result of a job.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JobResult {
    /// Every step, run or not.
    pub steps: Vec<StepRecord>,
    /// Highest return code of the steps that ran (an abend counts as 12… reported as such).
    pub max_cc: u32,
    /// JES-style job log lines.
    pub job_log: Vec<String>,
    /// True when a step's allocation failed: the job failed with a JCL error.
    pub jcl_error: bool,
}

pub use runner::{run_job, run_job_logged, run_job_with};

#[cfg(test)]
mod cond_tests;
#[cfg(test)]
mod field_properties;
#[cfg(test)]
mod steps_tests;
#[cfg(test)]
mod tests;

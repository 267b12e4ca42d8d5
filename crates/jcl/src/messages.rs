//! The jcl crate's message catalogue: every message ID the crate writes, with its text, is
//! here or in `messages/` (the converter's errors, the reader's notes, the step runner's
//! allocation and OPEN messages); no other module of the crate writes one.
//!
//! This file: the job-log messages of the job runner and of COND, one function per message,
//! each giving the whole line.
//!
//! Texts and where they come from (z/OS MVS System Messages, Vol 8 (IEF-IGD), and the MVS JCL
//! Reference; docs/sources.md lists the pages):
//! - `IEF142I`, `IEF450I`, `IEF272I`, `IEF453I`: the well-known texts, also in real JES2 job logs.
//! - `IEF202I … STEP WAS NOT RUN BECAUSE OF CONDITION CODES`: a step bypassed by its EXEC
//!   `COND=` test (or by `ONLY` when no step abended); real job logs follow it with `IEF272I`.
//! - `IEF206I … STEP WAS NOT RUN BECAUSE OF CONDITIONAL EXPRESSION ON STATEMENT n`
//!   (https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieam800/m010767.htm):
//!   a step an IF/THEN/ELSE construct skipped, `n` the IF statement's number; real job logs
//!   follow it with `IEF272I`.
//! - `IEF201I … JOB TERMINATED BECAUSE OF CONDITION CODES`: a JOB `COND=` test was satisfied.
//!   UNCONFIRMED (docs/fidelity.md): IBM's page for it could not be read here; racemu prints it
//!   once, naming the first step the job does not run, each such step then `IEF272I`.
//! - `IEFC627I INCORRECT USE OF x IN THE COND FIELD`: a `COND=` the converter rejects.
//!   UNCONFIRMED (docs/fidelity.md): the converter's message for a bad COND could not be read.
//! - `IEF344I … ALLOCATION FAILED DUE TO DATA FACILITY SYSTEM ERROR`: a DD's allocation that
//!   DFSMS failed, here because RACF refused to let the job's user create (`DISP=NEW`) the data
//!   set; real job logs show it before the DFSMS message that gives the reason and
//!   `IEF272I … STEP WAS NOT EXECUTED.` (the IEF messages index,
//!   https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieam800/iea3m8_IEF_messages.htm,
//!   and a public job log, https://ibmmainframes.com/about49261.html). The DFSMS line between
//!   them (an IGD17xxx message for SMS reason 17012, "User not authorized to define data set",
//!   idar100/smsre18.htm) is UNCONFIRMED and not written (docs/fidelity.md).
//! - `RCM308W`: racemu's own note for a COND test naming a step that is not an earlier step.

/// `IEF142I`: the step ran and ended with return code `rc`.
pub(crate) fn step_executed(job: &str, step: &str, rc: u32) -> String {
    format!("IEF142I {job} {step} - STEP WAS EXECUTED - COND CODE {rc:04}")
}

/// `IEF202I`: the step's EXEC `COND=` bypassed it.
pub(crate) fn not_run_condition_codes(job: &str, step: &str) -> String {
    format!("IEF202I {job} {step} - STEP WAS NOT RUN BECAUSE OF CONDITION CODES")
}

/// `IEF206I`: the IF statement numbered `statement` skipped the step.
pub(crate) fn not_run_conditional_expression(job: &str, step: &str, statement: usize) -> String {
    format!(
        "IEF206I {job} {step} - STEP WAS NOT RUN BECAUSE OF CONDITIONAL EXPRESSION ON STATEMENT {statement}"
    )
}

/// `IEF201I`: a JOB `COND=` test was satisfied; `step` is the first step not run.
pub(crate) fn job_terminated_condition_codes(job: &str, step: &str) -> String {
    format!("IEF201I {job} {step} - JOB TERMINATED BECAUSE OF CONDITION CODES")
}

/// `IEF272I`: the step was not executed (bypassed, flushed after an abend, or its allocation
/// failed).
pub(crate) fn step_not_executed(job: &str, step: &str) -> String {
    format!("IEF272I {job} {step} - STEP WAS NOT EXECUTED.")
}

/// `IEF450I`: the step ended abnormally with completion code `code` (`S806`, `U0012`).
pub(crate) fn abend(job: &str, step: &str, code: &str) -> String {
    format!("IEF450I {job} {step} - ABEND={code} U0000 REASON=00000000")
}

/// `IEF344I`: DD `ddname` of the step could not be allocated (RACF refused the creation).
pub(crate) fn allocation_failed_dfsms(job: &str, step: &str, ddname: &str) -> String {
    format!("IEF344I {job} {step} {ddname} - ALLOCATION FAILED DUE TO DATA FACILITY SYSTEM ERROR")
}

/// `IEF453I`: the job failed with a JCL error.
pub(crate) fn job_failed_jcl_error(job: &str) -> String {
    format!("IEF453I {job} - JOB FAILED - JCL ERROR")
}

/// `IEFC627I`: the converter rejects a `COND=` value at `what` (the subparameter that is
/// wrong, or `END OF FIELD`) on the statement at 1-based `line`.
pub(crate) fn incorrect_cond(what: &str, line: usize) -> String {
    format!("IEFC627I INCORRECT USE OF {what} IN THE COND FIELD AT LINE {line}")
}

/// `RCM308W`: a COND test on the statement at 1-based `line` names `step`, which is not an
/// earlier step of the job; the test is false whenever it is made.
pub(crate) fn cond_names_no_earlier_step(step: &str, line: usize) -> String {
    format!(
        "RCM308W THE COND TEST AT LINE {line} NAMES STEP {step}, WHICH IS NOT AN EARLIER STEP OF THE JOB: THE TEST IS ALWAYS FALSE"
    )
}

mod allocation;
mod converter;
mod notes;

pub(crate) use allocation::*;
pub(crate) use notes::*;

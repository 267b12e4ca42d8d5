//! `//S EXEC PGM=IRXJCL,PARM='member args'`: an exec in a non-TSO/E address space (TSO/E REXX
//! Reference, "Using IRXJCL to run an exec in MVS batch"; return codes:
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikja300/jclcode.htm>).
//! The exec is member `member` of the SYSEXEC concatenation; SAY writes SYSTSPRT; PULL reads
//! SYSTSIN; TSO commands and the TSO/E-only functions are not available; the exec's
//! RETURN/EXIT value is the step's condition code (modulo 4096; 20021, a PARM naming no exec,
//! is 3637).

use super::{alloc, messages, parent, ExecOutput};
use racemu_engine::Engine;

/// What IRXJCL did: SYSTSPRT, the condition code and notes.
pub fn run(
    engine: &mut Engine,
    user: &str,
    step: &racemu_jcl::Step,
    systsin: Vec<String>,
) -> ExecOutput {
    let parm = step.parm.clone().unwrap_or_default();
    let mut words = parm.trim_start().splitn(2, char::is_whitespace);
    let member = words.next().unwrap_or("").to_ascii_uppercase();
    let args = words.next().unwrap_or("").to_string();
    let valid = (1..=8).contains(&member.len())
        && member
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@#$".contains(c))
        && !member.starts_with(|c: char| c.is_ascii_digit());
    if !valid {
        return ExecOutput {
            lines: vec![messages::irxjcl_parm(parm.trim())],
            rc: 20021 % 4096,
            ..ExecOutput::default()
        };
    }
    let mut source = None;
    for dsn in super::concatenation(step, "SYSEXEC") {
        if let Ok(Ok(grant)) = engine.read_dataset_as(None, user, &format!("{dsn}({member})")) {
            if let Some(d) = grant.value {
                source = Some(String::from_utf8_lossy(&d.data).into_owned());
                break;
            }
        }
    }
    let Some(source) = source else {
        return ExecOutput {
            lines: vec![messages::exec_not_found(&member)],
            rc: 20,
            ..ExecOutput::default()
        };
    };
    let request = super::child::Request {
        mvs: true,
        pull: systsin,
        dds: alloc::of_step(step),
        ..parent::request(engine, user, &member, &source, &args)
    };
    parent::run_request(engine, &request)
}

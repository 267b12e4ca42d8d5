//! `racemu usermap CERTFILE`: what R_usermap function X'0006' (certificate to user ID)
//! answers the server `--user` (RACF Callable Services, R_usermap,
//! <https://www.ibm.com/docs/en/zos/3.1.0?topic=user-function>), and what decided.
//!
//! Exit status: 0 and the user ID on standard output when the certificate maps; 4 when no
//! user is found; 8 when RACF refuses the server (no READ to FACILITY `IRR.RUSERMAP`); 12
//! when CERTFILE (PEM or DER) cannot be read. The explanation goes to standard error, or, with
//! `--json`, one JSON object goes to standard output with the fields `rc`, `user` (or null),
//! `decided_by` (`registered`, `filter`, `hostid`, `not-valid`, `none`, `refused`), `label`,
//! `step` (1-6, for a filter) and `explanation`.

use crate::files::read_input;
use racemu_engine::maps::lookup::{Decision, LookupError, UserMapping};
use racemu_engine::Engine;
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// The system ID `&SYSID` stands for when `--sysid` is not given.
pub const DEFAULT_SYSID: &str = "RACEMU";

/// The certificate in `data`: DER, or the first certificate of a PEM file.
fn certificate(data: &[u8]) -> Option<Vec<u8>> {
    racemu_pki::decode_package(data, None)
        .ok()
        .and_then(|p| p.certificates.into_iter().next())
}

/// The JSON fields of a decision: `decided_by`, `label`, `step`.
fn fields(m: &UserMapping) -> (&'static str, Option<String>, Option<u8>) {
    match &m.decision {
        Decision::Registered { label, .. } => ("registered", Some(label.clone()), None),
        Decision::Filter { label, step, .. } => ("filter", Some(label.clone()), Some(*step as u8)),
        Decision::HostId { .. } => ("hostid", None, None),
        Decision::NotValid => ("not-valid", None, None),
        Decision::NoMatch { .. } => ("none", None, None),
    }
}

/// Runs `racemu usermap` for server `user`.
pub fn run(
    engine: &Engine,
    user: &str,
    file: &Path,
    appl: Option<&str>,
    sysid: Option<&str>,
    as_json: bool,
) -> ExitCode {
    let sysid = sysid.unwrap_or(DEFAULT_SYSID);
    let der = match read_input(file).ok().as_deref().and_then(certificate) {
        Some(d) => d,
        None => {
            return answer(
                as_json,
                12,
                None,
                ("none", None, None),
                &format!(
                    "cannot read a certificate (PEM or DER) from {}",
                    file.display()
                ),
            )
        }
    };
    match engine.usermap(&der, appl, sysid, user) {
        Ok(m) => {
            let rc = if m.user.is_some() { 0 } else { 4 };
            answer(as_json, rc, m.user.as_deref(), fields(&m), &m.explain())
        }
        Err(LookupError::Refused(why)) => answer(as_json, 8, None, ("refused", None, None), &why),
        Err(LookupError::NotACertificate) => answer(
            as_json,
            12,
            None,
            ("none", None, None),
            &format!("{} holds no X.509 certificate", file.display()),
        ),
        Err(e) => answer(as_json, 12, None, ("none", None, None), &e.to_string()),
    }
}

/// Prints the answer and gives the exit status `rc`.
fn answer(
    as_json: bool,
    rc: u8,
    user: Option<&str>,
    (decided_by, label, step): (&str, Option<String>, Option<u8>),
    explanation: &str,
) -> ExitCode {
    if as_json {
        let v = json!({
            "rc": rc,
            "user": user,
            "decided_by": decided_by,
            "label": label,
            "step": step,
            "explanation": explanation,
        });
        println!("{v}");
    } else {
        if let Some(u) = user {
            println!("{u}");
        }
        eprintln!("racemu usermap: {explanation}");
    }
    ExitCode::from(rc)
}

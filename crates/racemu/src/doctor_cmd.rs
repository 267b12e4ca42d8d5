//! `racemu keyring doctor`: the ring doctor's report as text (80 columns, colour on a
//! terminal) or JSON, with its exit status (0 healthy, 4 warnings, 8 errors), for one ring or
//! for each rule of an AT-TLS policy.

use crate::fail;
use racemu_engine::Engine;
use racemu_keyring::doctor::{Options, Report};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// What the doctor judges.
pub enum Target<'a> {
    /// One ring.
    Ring(&'a str),
    /// The rings of an AT-TLS policy's rules (one rule, or all).
    Policy {
        /// The Policy Agent file.
        file: &'a Path,
        /// Only this rule.
        rule: Option<&'a str>,
    },
}

/// Judges `target` as `user` and prints the report(s).
pub fn run(
    engine: Engine,
    user: &str,
    target: Target<'_>,
    options: &Options,
    json: bool,
) -> ExitCode {
    let mut racf = racemu::Racf::from_engine(engine);
    let colour = !json && std::io::stdout().is_terminal();
    let (file, rule) = match target {
        Target::Ring(ring) => {
            let report = match racf.doctor(user, ring, options) {
                Ok(r) => r,
                Err(e) => return fail(e),
            };
            if json {
                print_json(&report.to_json());
            } else {
                print_text(&report, colour);
            }
            return exit(report.exit_code());
        }
        Target::Policy { file, rule } => (file, rule),
    };
    let policy = match crate::attls_cmd::read_policy(file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let reports = match racf.doctor_policy(user, &policy, rule, options) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    if json {
        let rules: Vec<serde_json::Value> = reports.iter().map(|r| r.to_json()).collect();
        print_json(&serde_json::json!({
            "policy": file.display().to_string(),
            "user": user.to_ascii_uppercase(),
            "rules": rules,
        }));
    } else {
        for (i, r) in reports.iter().enumerate() {
            if i > 0 {
                println!();
            }
            println!("AT-TLS rule {} (line {}):", r.rule, r.line);
            print_text(&r.report, colour);
        }
    }
    exit(
        reports
            .iter()
            .map(|r| r.report.exit_code())
            .max()
            .unwrap_or(0),
    )
}

fn print_json(v: &serde_json::Value) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

fn print_text(report: &Report, colour: bool) {
    for line in report.text(colour) {
        println!("{line}");
    }
}

fn exit(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(8))
}

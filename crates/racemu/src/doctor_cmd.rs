//! `racemu keyring doctor`: the ring doctor's report as text (80 columns, colour on a
//! terminal) or JSON, with its exit status (0 healthy, 4 warnings, 8 errors).

use crate::fail;
use racemu_engine::Engine;
use racemu_keyring::doctor::Options;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Judges `ring` as `user` and prints the report.
pub fn run(engine: Engine, user: &str, ring: &str, options: &Options, json: bool) -> ExitCode {
    let mut racf = racemu::Racf::from_engine(engine);
    let report = match racf.doctor(user, ring, options) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report.to_json()).unwrap_or_default()
        );
    } else {
        let colour = std::io::stdout().is_terminal();
        for line in report.text(colour) {
            println!("{line}");
        }
    }
    ExitCode::from(u8::try_from(report.exit_code()).unwrap_or(8))
}

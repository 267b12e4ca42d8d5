//! OUTTRAP: TSO command output kept in REXX variables instead of SYSTSPRT.
//!
//! TSO/E REXX Reference, OUTTRAP
//! (<https://ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.ikja300/outtrap.htm>): `OUTTRAP(varname,
//! max, CONCAT|NOCONCAT)`; the lines go to `varname1`, `varname2` … (a stem `X.` gives
//! `X.1` …); `varname0` is the number of lines stored, `varnameMAX` the maximum,
//! `varnameTRAPPED` the number of lines the commands produced (stored or not) and
//! `varnameCON` `CONCAT` or `NOCONCAT`. With CONCAT each command's lines follow the previous
//! command's; with NOCONCAT each command's lines start again at 1. `OUTTRAP('OFF')` ends
//! trapping.

use crate::api::{self, Api};
use crate::exits::with_running;

/// Trapping in effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Trap {
    /// The variable name's prefix, upper case (`LINE.` or `LINE`).
    pub name: String,
    /// The most lines kept.
    pub max: u64,
    /// CONCAT (true) or NOCONCAT.
    pub concat: bool,
    /// Lines stored so far (`name0`).
    pub stored: u64,
    /// Lines produced so far (`nameTRAPPED`).
    pub trapped: u64,
}

/// The largest MAX: `*` or an omitted MAX (TSO/E: 999,999,999).
pub(crate) const MAX_DEFAULT: u64 = 999_999_999;

/// A command's output: to the trap's variables when trapping is on, else to SYSTSPRT.
pub(crate) fn deliver(api: &Api, lines: Vec<String>) {
    let sets = with_running(|r| match r.trap.as_mut() {
        None => {
            r.lines.extend(lines);
            Vec::new()
        }
        Some(t) => {
            if !t.concat {
                t.stored = 0;
                t.trapped = 0;
            }
            let mut sets = Vec::new();
            for line in lines {
                t.trapped += 1;
                if t.stored < t.max {
                    t.stored += 1;
                    sets.push((format!("{}{}", t.name, t.stored), line));
                }
            }
            sets.extend(control_variables(t));
            sets
        }
    })
    .unwrap_or_default();
    for (name, value) in sets {
        api::set_variable(api, &name, &value);
    }
}

/// `name0`, `nameMAX`, `nameTRAPPED` and `nameCON` of trap `t`.
pub(crate) fn control_variables(t: &Trap) -> Vec<(String, String)> {
    vec![
        (format!("{}0", t.name), t.stored.to_string()),
        (format!("{}MAX", t.name), t.max.to_string()),
        (format!("{}TRAPPED", t.name), t.trapped.to_string()),
        (
            format!("{}CON", t.name),
            if t.concat { "CONCAT" } else { "NOCONCAT" }.to_string(),
        ),
    ]
}

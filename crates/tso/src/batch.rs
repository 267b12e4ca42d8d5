//! The terminal monitor program in batch: SYSTSIN in, SYSTSPRT out.
//!
//! For each logical command the TMP echoes the command (joined records), runs it, prints its
//! messages and then `READY`. A blank record gives `READY` alone; a comment-only record is
//! echoed and answered by `READY`. At the end of input the TMP prints `END`.
//! (TSO/E Customization, "Executing the terminal monitor program" and "Writing JCL for
//! command execution"; the real SYSTSPRT captures in
//! docs/sources.md; no `READY` precedes the first command.)

use crate::records::{logical_commands, CommandKind, LogicalCommand};

/// The TMP entry point named on `EXEC PGM=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryPoint {
    /// IKJEFT01: keeps going after failing commands; step RC = last command's RC.
    Ikjeft01,
    /// IKJEFT1A: ends the step at the first command with a non-zero RC, passing it back.
    Ikjeft1a,
    /// IKJEFT1B: as IKJEFT1A.
    Ikjeft1b,
}

impl EntryPoint {
    /// The entry point for a program name, if it is one of the TMP's.
    pub fn from_program(pgm: &str) -> Option<EntryPoint> {
        match pgm.to_ascii_uppercase().as_str() {
            "IKJEFT01" => Some(EntryPoint::Ikjeft01),
            "IKJEFT1A" => Some(EntryPoint::Ikjeft1a),
            "IKJEFT1B" => Some(EntryPoint::Ikjeft1b),
            _ => None,
        }
    }
}

/// What one command did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Executed {
    /// Lines the command printed (messages, listings).
    pub lines: Vec<String>,
    /// The command's return code.
    pub rc: u32,
    /// True for LOGOFF / END: the TMP stops reading SYSTSIN.
    pub end_session: bool,
    /// racemu's own notes on the command, for the job log; never part of SYSTSPRT.
    pub hints: Vec<String>,
    /// How many of the logical commands after this one it read as data (a REXX exec's PULL
    /// in the background reads SYSTSIN): the TMP neither echoes nor runs them.
    pub consumed: usize,
}

/// The result of a TMP step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchOutcome {
    /// SYSTSPRT lines, without carriage control.
    pub systsprt: Vec<String>,
    /// The step's condition code.
    pub rc: u32,
    /// racemu's own notes on the step's commands (job log lines), in command order.
    pub hints: Vec<String>,
}

/// Runs SYSTSIN `records` through `exec`, one logical command at a time.
///
/// `lrecl` is the record length of SYSTSIN: a record longer than that (possible after JCL
/// symbol substitution) stops the TMP with `IKJ56600I UNRECOVERABLE COMMAND SYSTEM ERROR`
/// and RC 12 when it is read, as on z/OS. `first_command` is the command given by `PARM=`, run
/// before SYSTSIN.
pub fn run_batch(
    records: &[String],
    lrecl: Option<usize>,
    first_command: Option<&str>,
    entry: EntryPoint,
    exec: &mut dyn FnMut(&LogicalCommand) -> Executed,
) -> BatchOutcome {
    run_batch_reading(records, lrecl, first_command, entry, &mut |cmd, _| {
        exec(cmd)
    })
}

/// [`run_batch`] handing `exec` the logical commands that follow each command too: what a
/// REXX exec's PULL reads from SYSTSIN; those it read ([`Executed::consumed`]) are skipped.
pub fn run_batch_reading(
    records: &[String],
    lrecl: Option<usize>,
    first_command: Option<&str>,
    entry: EntryPoint,
    exec: &mut dyn FnMut(&LogicalCommand, &[LogicalCommand]) -> Executed,
) -> BatchOutcome {
    let mut out = Vec::new();
    let mut hints = Vec::new();
    let mut rc = 0;
    let (usable, overflow) = match lrecl {
        Some(l) => match records
            .iter()
            .position(|r| r.trim_end().chars().count() > l)
        {
            Some(p) => (&records[..p], true),
            None => (records, false),
        },
        None => (records, false),
    };
    let mut commands = Vec::new();
    if let Some(parm) = first_command.filter(|p| !p.trim().is_empty()) {
        commands.extend(logical_commands(&[parm]));
    }
    commands.extend(logical_commands(usable));
    // A command cut short by the unreadable record never runs.
    if overflow {
        if let Some(last) = usable.last() {
            let t = last.trim_end();
            if t.ends_with('+') || t.ends_with('-') {
                commands.pop();
            }
        }
    }
    let mut next = 0;
    while let Some(cmd) = commands.get(next) {
        next += 1;
        match cmd.kind {
            CommandKind::Blank => {}
            CommandKind::Comment => out.push(cmd.echo.clone()),
            CommandKind::Command => {
                out.push(cmd.echo.clone());
                let done = exec(cmd, &commands[next..]);
                next += done.consumed;
                out.extend(done.lines);
                hints.extend(done.hints);
                rc = done.rc;
                if done.end_session {
                    return BatchOutcome {
                        systsprt: out,
                        rc,
                        hints,
                    };
                }
                if rc != 0 && entry != EntryPoint::Ikjeft01 {
                    out.push("READY".to_string());
                    out.push("END".to_string());
                    return BatchOutcome {
                        systsprt: out,
                        rc,
                        hints,
                    };
                }
            }
        }
        out.push("READY".to_string());
    }
    if overflow {
        out.push(crate::messages::unrecoverable_command_system_error());
        return BatchOutcome {
            systsprt: out,
            rc: 12,
            hints,
        };
    }
    out.push("END".to_string());
    BatchOutcome {
        systsprt: out,
        rc,
        hints,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn echo_ready_end_and_last_rc() {
        let r = recs(&["/* c */", "", "  CMD1", "CMD2"]);
        let mut n = 0;
        let o = run_batch(&r, Some(80), None, EntryPoint::Ikjeft01, &mut |c| {
            n += 1;
            Executed {
                lines: vec![format!("ran {}", c.text.trim())],
                rc: if n == 1 { 8 } else { 0 },
                end_session: false,
                hints: vec![format!("RCM999I hint {n}")],
                consumed: 0,
            }
        });
        assert_eq!(o.hints, ["RCM999I hint 1", "RCM999I hint 2"]);
        assert_eq!(
            o.systsprt,
            [
                "/* c */", "READY", "READY", "  CMD1", "ran CMD1", "READY", "CMD2", "ran CMD2",
                "READY", "END"
            ]
        );
        assert_eq!(o.rc, 0);
    }

    /// A command that read the next records as data (an exec's PULL): they are neither
    /// echoed nor run.
    #[test]
    fn records_a_command_read_are_skipped() {
        let r = recs(&["EXEC", "data 1", "data 2", "CMD"]);
        let mut ran = Vec::new();
        let o = run_batch_reading(&r, Some(80), None, EntryPoint::Ikjeft01, &mut |c, rest| {
            ran.push(c.text.trim().to_string());
            Executed {
                consumed: if c.text.trim() == "EXEC" {
                    rest.len() - 1
                } else {
                    0
                },
                ..Default::default()
            }
        });
        assert_eq!(ran, ["EXEC", "CMD"]);
        assert_eq!(o.systsprt, ["EXEC", "READY", "CMD", "READY", "END"]);
    }

    #[test]
    fn ikjeft1b_stops_on_nonzero() {
        let r = recs(&["A", "B"]);
        let o = run_batch(&r, None, None, EntryPoint::Ikjeft1b, &mut |_| Executed {
            rc: 4,
            ..Default::default()
        });
        assert_eq!(o.systsprt, ["A", "READY", "END"]);
        assert_eq!(o.rc, 4);
    }

    #[test]
    fn overlong_record_is_unrecoverable() {
        let long = format!("B {}", "x".repeat(90));
        let r = vec!["A".to_string(), long];
        let o = run_batch(&r, Some(80), None, EntryPoint::Ikjeft01, &mut |_| {
            Executed::default()
        });
        assert_eq!(o.rc, 12);
        assert_eq!(
            o.systsprt.last().map(String::as_str),
            Some("IKJ56600I UNRECOVERABLE COMMAND SYSTEM ERROR")
        );
    }
}

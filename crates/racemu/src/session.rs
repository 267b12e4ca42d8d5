//! The one place where TSO commands reach the engine: `racemu exec`, the REPL, the
//! [`Racf`](crate::Racf) fixture and the TMP of a batch step ([`run_sysin`]) all run their
//! commands through here.

use crate::rexx::ExecLibraries;
use racemu_engine::{Engine, Output};
use racemu_tso::records::{logical_commands, CommandKind, LogicalCommand};
use racemu_tso::{run_batch_reading, BatchOutcome, EntryPoint, Executed};

/// What the caller of [`run_commands`] wants after a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Run the next command.
    Continue,
    /// Run no more commands of these records.
    Stop,
}

/// Runs every logical command of `records` (`+`/`-` continuation joined, comments blanked)
/// as `user`, in order, handing each command and its output to `sink`. Blank and comment-only
/// commands run nothing and reach no sink. Stops as soon as `sink` returns [`Next::Stop`].
/// Prints nothing itself: no echo, no `READY` (that is the TMP's, see [`run_sysin`]).
pub fn run_commands<S: AsRef<str>>(
    engine: &mut Engine,
    user: &str,
    records: &[S],
    sink: &mut dyn FnMut(&LogicalCommand, Output) -> Next,
) {
    let none = ExecLibraries::default();
    run_commands_with(engine, user, records, &none, false, sink)
}

/// [`run_commands`] with exec libraries (`--sysexec`): a command that names a REXX exec
/// ([`crate::rexx`]) runs it, in the foreground (the REPL: SYSVAR('SYSENV') is `FORE`) or
/// not; its lines and RC are the command's output.
pub fn run_commands_with<S: AsRef<str>>(
    engine: &mut Engine,
    user: &str,
    records: &[S],
    libraries: &ExecLibraries,
    foreground: bool,
    sink: &mut dyn FnMut(&LogicalCommand, Output) -> Next,
) {
    // ALLOCATE and FREE change the libraries and DDs of the commands that follow.
    let mut libraries = libraries.clone();
    for cmd in logical_commands(records) {
        if cmd.kind != CommandKind::Command {
            continue;
        }
        let exec = crate::rexx::run_if_exec(
            engine,
            user,
            &mut libraries,
            &cmd.text,
            foreground,
            &Vec::new,
        );
        let out = match exec {
            Some(x) => Output {
                hints: x.hints,
                ..Output::new(x.lines, x.rc)
            },
            None => engine.execute(user, &cmd.text),
        };
        if sink(&cmd, out) == Next::Stop {
            return;
        }
    }
}

/// SYSTSIN record length (FB 80).
pub const SYSTSIN_LRECL: usize = 80;

/// Runs SYSTSIN `records` as one TMP step issued by `user`: the TMP echoes each command,
/// prints `READY`, and stops at LOGOFF/END. `lrecl` is the record length (80 for in-stream
/// data; `None` for a text file of any line length). The outcome holds SYSTSPRT, the step's
/// RC and racemu's hints for the job log.
pub fn run_sysin(
    engine: &mut Engine,
    records: &[String],
    user: &str,
    entry: EntryPoint,
    parm: Option<&str>,
    lrecl: Option<usize>,
) -> BatchOutcome {
    let none = ExecLibraries::default();
    run_sysin_with(engine, records, user, entry, parm, lrecl, &none)
}

/// [`run_sysin`] with exec libraries: a command that names a REXX exec (`%NAME`, `EXEC`, or
/// a member of SYSEXEC or SYSPROC, [`crate::rexx`]) runs it, its lines and RC standing for
/// the command's.
pub fn run_sysin_with(
    engine: &mut Engine,
    records: &[String],
    user: &str,
    entry: EntryPoint,
    parm: Option<&str>,
    lrecl: Option<usize>,
    libraries: &ExecLibraries,
) -> BatchOutcome {
    let user = user.to_ascii_uppercase();
    // The previous command's RC and first message ID, for RCM122I.
    let mut previous: Option<(u32, String)> = None;
    // ALLOCATE and FREE change the libraries and DDs of the commands that follow.
    let mut libraries = libraries.clone();
    run_batch_reading(records, lrecl, parm, entry, &mut |cmd, rest| {
        // In the background an exec's PULL reads the SYSTSIN records that follow.
        let pull = || rest.iter().map(|c| c.echo.clone()).collect();
        let exec = crate::rexx::run_if_exec(engine, &user, &mut libraries, &cmd.text, false, &pull);
        if let Some(x) = exec {
            previous = None;
            return Executed {
                lines: x.lines,
                rc: x.rc,
                end_session: false,
                hints: x.hints,
                consumed: x.consumed,
            };
        }
        let o = engine.execute(&user, &cmd.text);
        let mut hints = o.hints;
        hints.extend(continuation_hint(previous.as_ref(), &cmd.text, &o.lines));
        previous = Some((o.rc, first_message_id(&o.lines)));
        Executed {
            lines: o.lines,
            rc: o.rc,
            end_session: o.end_session,
            hints,
            consumed: 0,
        }
    })
}

/// RCM122I when a record is no command (IKJ56621I or IKJ56500I) right after a command that
/// ran and failed: the typical trace of a record that lost its `+` continuation, whose operands the
/// command missed (IRRD121I, IKJ56701I) and whose rest became a command of its own.
fn continuation_hint(
    previous: Option<&(u32, String)>,
    text: &str,
    lines: &[String],
) -> Option<String> {
    let (rc, id) = previous?;
    let not_a_command = lines
        .first()
        .is_some_and(|l| racemu_command::messages::is_not_a_command(l));
    // A record that was no command either is not a command that lost its continuation.
    let previous_ran = !racemu_command::messages::is_not_a_command(id);
    (*rc != 0 && previous_ran && not_a_command)
        .then(|| racemu_engine::messages::hints::rcm122i(text, id, *rc).line())
}

/// The ID of the first message among `lines` (the first word of the first line), or `RC` alone
/// when the command printed nothing.
fn first_message_id(lines: &[String]) -> String {
    lines
        .first()
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or("no message")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_commands_skips_comments_joins_continuations_and_stops_when_asked() {
        let mut racf = crate::Racf::temporary().unwrap();
        let records = [
            "/* a comment */",
            "",
            "LISTUSER +",
            "  IBMUSER",
            "LISTUSER NOSUCH",
            "LISTUSER IBMUSER",
        ];
        let mut seen = Vec::new();
        run_commands(racf.engine(), "IBMUSER", &records, &mut |cmd, out| {
            seen.push((cmd.text.trim().to_string(), out.rc));
            if out.rc >= 4 {
                Next::Stop
            } else {
                Next::Continue
            }
        });
        assert_eq!(
            seen,
            vec![
                ("LISTUSER IBMUSER".to_string(), 0),
                ("LISTUSER NOSUCH".to_string(), 4)
            ]
        );
    }
}

//! The rexx crate's message catalogue: TSO/E REXX's `IRX` messages and racemu's own about
//! execs. No message ID is written anywhere else in the crate.
//!
//! TSO/E writes a REXX error as the `+++` trace of the clause, then
//! `IRX00nnI Error running NAME, line n: text`, where nn is the REXX error number (TSO/E REXX
//! Reference, ERRORTEXT: "error 26 corresponds to message number IRX0026I",
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikja300/errortx.htm>). Regina writes the same
//! error as `Error nn running "name", line n: text` followed by an `Error nn.m:` detail line
//! TSO/E does not have; [`from_regina`] turns the first into TSO/E's line and drops the
//! second. The texts are Regina's, which follow the ANSI standard's as TSO/E's do.

/// `IRX00nnI Error running NAME, line n: text` (without `, line n` when the error has no
/// line, as for an exec that cannot be read). The texts are Regina's, which follow the ANSI
/// standard's as TSO/E's do, except error 64 (Regina's "Syntax error while parsing"), given
/// as TSO/E's error 35, `Invalid expression`.
pub fn error_running(number: u32, name: &str, line: Option<usize>, text: &str) -> String {
    let (number, text) = match number {
        64 => (35, "Invalid expression"),
        _ => (number, text),
    };
    match line {
        Some(n) => format!("IRX{number:04}I Error running {name}, line {n}: {text}"),
        None => format!("IRX{number:04}I Error running {name}: {text}"),
    }
}

/// racemu's message when Regina cannot be opened: the exec does not run (RC 12).
pub fn no_interpreter(name: &str, reason: &str) -> String {
    format!(
        "RCM501E REXX exec {name} not run: racemu runs REXX with Regina REXX, whose library {} cannot be opened ({reason}). Install the libregina3 package (apt-get install libregina3).",
        crate::LIBRARY
    )
}

/// A trace line as TSO/E writes it: Regina traces a command's non-zero return code as
/// `+++ RC=n +++`, TSO/E as `+++ RC(n) +++` with the RC the command set. Other lines are
/// kept.
pub fn command_trace(line: &str, rc: i32) -> String {
    let t = line.trim_start();
    if t.starts_with("+++ RC=") && t.ends_with(" +++") {
        let indent = &line[..line.len() - t.len()];
        return format!("{indent}+++ RC({rc}) +++");
    }
    line.to_string()
}

/// EXECIO on a DD that is not allocated (RC 20). TSO/E's IRX0555E; the text is UNCONFIRMED
/// (docs/fidelity.md).
pub fn not_allocated(ddname: &str) -> String {
    format!(
        "IRX0555E The input or output file {ddname} is not allocated. It cannot be opened for I/O."
    )
}

/// EXECIO operands racemu does not understand or run (RC 20).
pub fn execio_operands(text: &str) -> String {
    format!("RCM510E EXECIO not run: racemu does not understand or support {text}.")
}

/// Regina did not start the exec (RexxStart's own return code `code`: bad parameters, …)
/// (RC 12).
pub fn not_started(code: i64) -> String {
    format!("RCM513E Regina did not start the exec (RexxStart returned {code}).")
}

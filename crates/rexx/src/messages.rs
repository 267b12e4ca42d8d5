//! The rexx crate's message catalogue: TSO/E REXX's `IRX` messages and racemu's own about
//! execs. No message ID is written anywhere else in the crate.
//!
//! TSO/E writes a REXX error as the `+++` trace of the clause, then
//! `IRX00nnI Error running NAME, line n: text`, where nn is the REXX error number (TSO/E REXX
//! Reference, ERRORTEXT: "error 26 corresponds to message number IRX0026I",
//! <https://www.ibm.com/docs/en/zos/3.1.0?topic=functions-errortext>). Regina writes the same
//! error as `Error nn running "name", line n: text` followed by an `Error nn.m:` detail line
//! TSO/E does not have; [`from_regina`] turns the first into TSO/E's line and drops the
//! second. The texts are Regina's, which follow the ANSI standard's as TSO/E's do.

/// What racemu does with a line Regina traces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Translated {
    /// An error message, as TSO/E prints it, with the REXX error number.
    Error {
        /// The REXX error number.
        number: u32,
        /// TSO/E's line.
        line: String,
    },
    /// A line TSO/E does not print (Regina's error detail).
    Drop,
    /// Any other trace line, printed as it is.
    Keep,
}

/// The TSO/E form of a line Regina traces in exec `name`.
pub fn from_regina(line: &str, name: &str) -> Translated {
    let Some(rest) = line.strip_prefix("Error ") else {
        return Translated::Keep;
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let Ok(number) = digits.parse::<u32>() else {
        return Translated::Keep;
    };
    let after = &rest[digits.len()..];
    if after.starts_with('.') {
        return Translated::Drop;
    }
    let Some(after) = after.strip_prefix(" running ") else {
        return Translated::Keep;
    };
    // `"name", line n: text` (Regina names the exec in quotes), or `"name": text`.
    let text_at = after.find(": ").map(|i| i + 2).unwrap_or(after.len());
    let place = &after[..text_at.saturating_sub(2).min(after.len())];
    let text = after.get(text_at..).unwrap_or("");
    let line_no = place
        .rsplit_once(", line ")
        .map(|(_, n)| n.trim().to_string());
    Translated::Error {
        number,
        line: error_running(number, name, line_no.as_deref(), text),
    }
}

/// `IRX00nnI Error running NAME, line n: text` (without `, line n` when the error has no
/// line, as for an exec that cannot be read).
pub fn error_running(number: u32, name: &str, line: Option<&str>, text: &str) -> String {
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

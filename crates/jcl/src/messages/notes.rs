//! The reader's notes for the job log: what it ignored or assumed, and what it noticed about
//! the cards. One function per message, each giving the whole line.
//!
//! - `IEFC011I`, `IEFC019I`, `IEFC657I`: the converter's notes (z/OS MVS System Messages,
//!   Vol 8 (IEF-IGD); docs/sources.md lists the pages).
//! - `RCM100I`–`RCM103W`, `RCM301W`, `RCM302W`, `RCM304W`: racemu's own, about statements it
//!   does not run and about cards no z/OS card could hold.

/// `RCM100I`: a statement racemu reads but does not act on.
pub(crate) fn statement_ignored(operation: &str, line: usize) -> String {
    format!("RCM100I {operation} STATEMENT AT LINE {line} IGNORED BY RACEMU")
}

/// `RCM101W`: an INCLUDE, with no procedure library to include from.
pub(crate) fn include_ignored(operands: &str, line: usize) -> String {
    format!("RCM101W INCLUDE {operands} AT LINE {line} IGNORED: RACEMU HAS NO PROCEDURE LIBRARIES")
}

/// `RCM102W`: an in-stream procedure's PROC or PEND.
pub(crate) fn procedure_ignored(operation: &str, line: usize) -> String {
    format!("RCM102W IN-STREAM PROCEDURE STATEMENT {operation} AT LINE {line} IGNORED")
}

/// `RCM103W`: the stream has no JOB statement.
pub(crate) fn no_job_statement() -> String {
    "RCM103W NO JOB STATEMENT: JOB NAME RACEMU ASSUMED".to_string()
}

/// `IEFC011I`: data at `line` with no step to give it to.
pub(crate) fn instream_without_step(line: usize) -> String {
    format!("IEFC011I INSTREAM DATA WITHOUT A STEP AT LINE {line} IGNORED")
}

/// `IEFC019I`: a DD statement before any EXEC.
pub(crate) fn misplaced_dd(line: usize) -> String {
    format!("IEFC019I MISPLACED DD STATEMENT AT LINE {line}")
}

/// `IEFC657I`: an in-stream record names a symbol that is not defined.
pub(crate) fn symbol_not_used(symbol: &str) -> String {
    format!("IEFC657I THE SYMBOL {symbol} WAS NOT USED")
}

/// `RCM304W`: records `first`–`last` after the delimiter at `delimiter` became `//SYSIN DD *`,
/// which a TSO step does not read.
pub(crate) fn records_after_delimiter(first: usize, last: usize, delimiter: usize) -> String {
    format!(
        "RCM304W RECORDS {first}-{last} AFTER THE DELIMITER AT LINE {delimiter} WERE NOT READ BY ANY STEP: JES MADE THEM //SYSIN DD *, WHICH THE TSO STEP DOES NOT READ"
    )
}

/// `RCM301W`: line `line` is `len` columns long; `cut` is what lies past column 80.
pub(crate) fn line_too_long(line: usize, len: usize, cut: &str) -> String {
    format!(
        "RCM301W LINE {line} IS {len} COLUMNS LONG: A CARD HOLDS 80, COLUMNS 81-{len} ('{cut}') WERE NOT READ"
    )
}

/// `RCM302W`: a tab character at `column` of `line`, in a statement or in data.
pub(crate) fn tab_character(line: usize, column: usize, in_statement: bool) -> String {
    let what = if in_statement {
        "THE CONVERTER DOES NOT TAKE IT AS A BLANK"
    } else {
        "RACEMU TAKES IT AS A BLANK IN DATA, Z/OS WOULD READ X'05'"
    };
    format!("RCM302W LINE {line} COLUMN {column} HOLDS A TAB CHARACTER: {what}")
}

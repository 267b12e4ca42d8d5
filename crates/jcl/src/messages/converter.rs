//! The converter's JCL errors ([`JclError`]) as JES prints them: an `IEFC` line, then
//! racemu's `RCM3nn` hint where one helps.
//!
//! - `IEFC605I UNIDENTIFIED OPERATION FIELD`, `IEFC630I UNIDENTIFIED KEYWORD`,
//!   `IEFC662I INVALID LABEL`, `IEFC629I INCORRECT USE OF … IN THE IF STATEMENT`,
//!   `IEFC631I`/`IEFC632I`/`IEFC633I` (ELSE, ENDIF and IF without their partner): z/OS MVS
//!   System Messages, Vol 8 (IEF-IGD); docs/sources.md lists the pages.
//! - `IEFC627I`: see the parent module.
//! - `RCM303I` (a field in lower case) and `RCM307I` (a name that breaks the name rules):
//!   racemu's own hints, naming the line and column.

use crate::JclError;
use std::fmt;

/// `RCM303I` for the field `text` at `column` of `line`.
fn lower_case_hint(line: usize, column: usize, text: &str) -> String {
    format!(
        "RCM303I LINE {line} COLUMN {column}: '{text}' IS IN LOWER CASE; JCL NAMES, OPERATIONS AND KEYWORDS ARE UPPER CASE ON Z/OS"
    )
}

impl fmt::Display for JclError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JclError::InvalidName { line, name } => write!(
                f,
                "IEFC662I INVALID LABEL AT LINE {line}\nRCM307I LINE {line} COLUMN 3: '{name}' IS NOT A VALID NAME; A NAME IS 1 TO 8 LETTERS, DIGITS OR NATIONAL CHARACTERS ($ # @), THE FIRST NOT A DIGIT"
            ),
            JclError::LowerCaseName { line, column, name } => write!(
                f,
                "IEFC662I INVALID LABEL AT LINE {line}\n{}",
                lower_case_hint(*line, *column, name)
            ),
            JclError::LowerCaseOperation {
                line,
                column,
                operation,
            } => write!(
                f,
                "IEFC605I UNIDENTIFIED OPERATION FIELD {operation} AT LINE {line}\n{}",
                lower_case_hint(*line, *column, operation)
            ),
            JclError::LowerCaseKeyword { line, keyword } => write!(
                f,
                "IEFC630I UNIDENTIFIED KEYWORD {keyword} AT LINE {line}\nRCM303I LINE {line}: KEYWORD '{keyword}' IS IN LOWER CASE; JCL NAMES, OPERATIONS AND KEYWORDS ARE UPPER CASE ON Z/OS"
            ),
            JclError::UnidentifiedOperation { line, operation } => write!(
                f,
                "IEFC605I UNIDENTIFIED OPERATION FIELD {operation} AT LINE {line}"
            ),
            JclError::IfExpression { what } => {
                write!(f, "IEFC629I INCORRECT USE OF {what} IN THE IF STATEMENT")
            }
            JclError::CondField { line, what } => {
                write!(f, "{}", super::incorrect_cond(what, *line))
            }
            JclError::ElseWithoutIf { line } => write!(
                f,
                "IEFC631I ELSE STATEMENT WITHOUT A MATCHING IF AT LINE {line}"
            ),
            JclError::EndifWithoutIf { line } => write!(
                f,
                "IEFC632I ENDIF STATEMENT WITHOUT A MATCHING IF AT LINE {line}"
            ),
            JclError::IfWithoutEndif => write!(f, "IEFC633I IF STATEMENT WITHOUT A MATCHING ENDIF"),
        }
    }
}

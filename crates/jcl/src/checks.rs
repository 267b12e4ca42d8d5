//! What the reader notices about a job stream's cards before it reads statements: records
//! longer than a card, tab characters, and lower-case JCL.
//!
//! z/OS reads JCL and in-stream data as 80-column card images in EBCDIC. A file made on a
//! workstation can hold what no card can: lines over 80 characters (the converter sees only
//! columns 1–80), tab characters (X'05' once translated, which is not a blank to the converter
//! or to TSO), and lower-case names, operations and keywords (which the converter rejects:
//! IBM's MVS JCL Reference, "JCL statement fields", says those fields are coded in upper case).
//! The messages here are racemu's own (`RCM3nn`), for the job log only; the JCL errors keep
//! the converter's IDs.

use crate::messages;
use crate::JclError;
use racemu_racf::syntax::is_name;

/// Card image width.
const CARD: usize = 80;

/// Job-log lines for lines longer than a card and for tab characters, naming the line and
/// column. `statement` tells whether a line is a JCL statement (`//` in column 1) rather than
/// data.
pub(crate) fn card_notes(lines: &[&str]) -> Vec<String> {
    let mut notes = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let line = line.trim_end_matches(['\r', '\n']);
        let len = line.chars().count();
        if len > CARD
            && !line[..]
                .trim_end()
                .chars()
                .skip(CARD)
                .all(char::is_whitespace)
        {
            let cut: String = line.chars().skip(CARD).collect();
            notes.push(messages::line_too_long(n + 1, len, cut.trim_end()));
        }
        if let Some(col) = line.chars().position(|c| c == '\t') {
            notes.push(messages::tab_character(
                n + 1,
                col + 1,
                line.starts_with("//"),
            ));
        }
    }
    notes
}

/// The column (1-based) of the first lower-case letter of `field` within `line`, if any.
fn lower_column(line: &str, field: &str) -> Option<usize> {
    let start = line.find(field)?;
    field
        .char_indices()
        .find(|(_, c)| c.is_ascii_lowercase())
        .map(|(i, _)| start + i + 1)
}

/// Whether `name` breaks z/OS's rules for a name field, case aside: one name, or two joined by
/// a period (`STEP1.SYSIN`, `TEST1.IF`), each a z/OS name ([`racemu_racf::syntax::is_name`]:
/// 1 to 8 letters, digits or national characters `$ # @`, the first not a digit) (z/OS MVS
/// JCL Reference, "Name field"). Unlike a user ID, a name field may have two parts.
fn breaks_name_rules(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() > 2 || !parts.iter().all(|p| is_name(p))
}

/// Checks the name and operation fields of a statement line (`//name op …`, 0-based `n`) for
/// lower case, as the converter does: a lower-case name is `IEFC662I INVALID LABEL`, a
/// lower-case operation `IEFC605I UNIDENTIFIED OPERATION FIELD`. The error carries a second
/// line naming the column.
pub(crate) fn statement_case(line: &str, n: usize, name: &str, op: &str) -> Result<(), JclError> {
    if !name.is_empty() && breaks_name_rules(name) {
        return Err(JclError::InvalidName {
            line: n + 1,
            name: name.to_string(),
        });
    }
    if let Some(column) = lower_column(line, name).filter(|_| !name.is_empty()) {
        return Err(JclError::LowerCaseName {
            line: n + 1,
            column,
            name: name.to_string(),
        });
    }
    let after_name = line.find(name).map_or(0, |p| p + name.len());
    if let Some(col) = lower_column(&line[after_name..], op) {
        return Err(JclError::LowerCaseOperation {
            line: n + 1,
            column: col + after_name,
            operation: op.to_string(),
        });
    }
    Ok(())
}

/// Checks the keywords of a statement's operands (`PGM=`, `DSN=` …, outside quotes and
/// parentheses) for lower case: the converter answers `IEFC630I UNIDENTIFIED KEYWORD`.
pub(crate) fn keyword_case<'a>(
    operands: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Result<(), JclError> {
    for p in operands {
        let Some((kw, _)) = p.split_once('=') else {
            continue;
        };
        let kw = kw.trim();
        if kw.starts_with(['\'', '(']) {
            continue;
        }
        if kw.chars().any(|c| c.is_ascii_lowercase()) {
            return Err(JclError::LowerCaseKeyword {
                line: n + 1,
                keyword: kw.to_string(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_and_tabs_are_named() {
        let long = format!("{}EXTRA", "X".repeat(80));
        let notes = card_notes(&["//A JOB", &long, "//S\tEXEC PGM=X", "DATA\tHERE"]);
        assert_eq!(
            notes,
            [
                "RCM301W LINE 2 IS 85 COLUMNS LONG: A CARD HOLDS 80, COLUMNS 81-85 ('EXTRA') WERE NOT READ",
                "RCM302W LINE 3 COLUMN 4 HOLDS A TAB CHARACTER: THE CONVERTER DOES NOT TAKE IT AS A BLANK",
                "RCM302W LINE 4 COLUMN 5 HOLDS A TAB CHARACTER: RACEMU TAKES IT AS A BLANK IN DATA, Z/OS WOULD READ X'05'",
            ]
        );
    }

    #[test]
    fn names_that_break_the_rules_are_invalid_labels_whatever_their_case() {
        for name in [
            "1STEP",
            "1step",
            "STEP12345",
            "STEP-1",
            "A.B.C",
            ".X",
            "X.",
            "12345678.X",
        ] {
            let line = format!("//{name} EXEC PGM=X");
            let e = statement_case(&line, 1, name, "EXEC").unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("IEFC662I INVALID LABEL AT LINE 2\nRCM307I LINE 2 COLUMN 3: '{name}' IS NOT A VALID NAME; A NAME IS 1 TO 8 LETTERS, DIGITS OR NATIONAL CHARACTERS ($ # @), THE FIRST NOT A DIGIT")
            );
        }
    }

    #[test]
    fn lower_case_fields_are_jcl_errors() {
        let e = statement_case("//step1 EXEC PGM=X", 2, "step1", "EXEC").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("IEFC662I INVALID LABEL AT LINE 3\nRCM303I LINE 3 COLUMN 3:"));
        let e = statement_case("//STEP1 exec PGM=X", 0, "STEP1", "exec").unwrap_err();
        assert!(
            e.to_string().contains(
                "IEFC605I UNIDENTIFIED OPERATION FIELD exec AT LINE 1\nRCM303I LINE 1 COLUMN 9:"
            ),
            "{e}"
        );
        assert!(statement_case("//STEP1 EXEC PGM=X", 0, "STEP1", "EXEC").is_ok());
        assert!(statement_case("//STEP1.SYSIN DD *", 0, "STEP1.SYSIN", "DD").is_ok());
        assert!(statement_case("//$#@9 DD *", 0, "$#@9", "DD").is_ok());
        let e = keyword_case(["pgm=IKJEFT01"], 0).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("IEFC630I UNIDENTIFIED KEYWORD pgm AT LINE 1"));
        assert!(keyword_case(["PARM='lower ok'", "'a=b'"], 0).is_ok());
    }
}

//! Regina's error messages in TSO/E's form.
//!
//! Regina reports an error while the exec runs through the trace exit as `   n +++ clause`
//! then `Error nn running "name", line n: text` and an `Error nn.m: detail` line TSO/E does
//! not have; an exec it cannot parse is reported on standard error, as `Error nn running
//! "name"[, line n]: text` and a detail that may say `at line n`. TSO/E prints the `+++`
//! line and `IRX00nnI Error running NAME, line n: text` ([`crate::messages::error_running`]).

use crate::messages::error_running;

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

/// Regina's `Error nn running "name"[, line n]: text`: the number, the line and the text
/// (without Regina's brackets); `Err(Some(n))` for a detail line `Error n.m: …`, `Err(None)`
/// for any other line.
fn parse(line: &str) -> Result<(u32, Option<usize>, String), Option<String>> {
    let rest = line.strip_prefix("Error ").ok_or(None)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse::<u32>().map_err(|_| None)?;
    let after = &rest[digits.len()..];
    if after.starts_with('.') {
        return Err(Some(after.to_string()));
    }
    let after = after.strip_prefix(" running ").ok_or(None)?;
    let (place, text) = after.split_once(": ").unwrap_or((after, ""));
    let line_no = place
        .rsplit_once(", line ")
        .and_then(|(_, n)| n.trim().parse().ok());
    let text = text.trim();
    let text = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text);
    Ok((number, line_no, text.to_string()))
}

/// The TSO/E form of a line Regina traces in exec `name` of `lines` source lines (a line
/// number past the end, where Regina ran out of source, is the last line).
pub fn from_regina(line: &str, name: &str, lines: usize) -> Translated {
    match parse(line) {
        Ok((number, at, text)) => Translated::Error {
            number,
            line: error_running(number, name, at.map(|n| n.min(lines.max(1))), &text),
        },
        Err(Some(_)) => Translated::Drop,
        Err(None) => Translated::Keep,
    }
}

/// The lines TSO/E prints for what Regina wrote on standard error about exec `name`
/// (`source`): for each error, the `+++` line of the source line it names and the IRX
/// message. Other lines are kept as they are.
pub fn from_stderr(err: &str, name: &str, source: &str) -> Vec<String> {
    let src: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    let mut all = err.lines().peekable();
    while let Some(l) = all.next() {
        match parse(l) {
            Ok((number, at, text)) => {
                // The detail may say where: `Error 64.1: [Syntax error at line 3]`.
                let detail_at = all.peek().and_then(|d| match parse(d) {
                    Err(Some(detail)) => detail
                        .rsplit_once("at line ")
                        .and_then(|(_, n)| n.trim_end_matches(']').trim().parse().ok()),
                    _ => None,
                });
                let at = at
                    .or(detail_at)
                    .map(|n: usize| n.clamp(1, src.len().max(1)));
                if let Some(n) = at {
                    let clause = src.get(n - 1).map(|c| c.trim()).unwrap_or("");
                    out.push(format!("{n:>6} +++ {clause}"));
                }
                out.push(error_running(number, name, at, &text));
            }
            Err(Some(_)) => {}
            Err(None) if l.trim().is_empty() || l.trim_end().ends_with("+++") => {}
            Err(None) => out.push(l.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regina_errors_become_irx_messages() {
        assert_eq!(
            from_regina("Error 43 running \"X\", line 4: Routine not found", "X", 9),
            Translated::Error {
                number: 43,
                line: "IRX0043I Error running X, line 4: Routine not found".into()
            }
        );
        assert_eq!(from_regina("Error 43.1: detail", "X", 9), Translated::Drop);
        assert_eq!(from_regina("     4 +++ call x", "X", 9), Translated::Keep);
        assert_eq!(
            from_stderr(
                "Error 64 running \"BAD\": [Syntax error while parsing]\nError 64.1: [Syntax error at line 3]\n",
                "BAD",
                "/* REXX */\nsay 1\nx = 1 +\nsay 2\n"
            ),
            [
                "     3 +++ x = 1 +",
                "IRX0035I Error running BAD, line 3: Invalid expression"
            ]
        );
        // Past the end of the source (an unended DO): the last line.
        assert_eq!(
            from_stderr(
                "Error 14 running \"B\", line 8: Incomplete DO/SELECT/IF\n",
                "B",
                "/* REXX */\nif x then do\nsay 1\n"
            ),
            [
                "     3 +++ say 1",
                "IRX0014I Error running B, line 3: Incomplete DO/SELECT/IF"
            ]
        );
    }
}

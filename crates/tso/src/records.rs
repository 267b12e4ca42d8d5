//! SYSTSIN records → logical commands, as the TSO/E terminal monitor program reads them. A
//! record's quoted strings and comments are read by nom 8 parsers.
//!
//! Rules (the TSO/E pages on continuation and the background TMP, and the real captures,
//! listed in docs/sources.md):
//! * Columns 73–80 of a record hold ISPF sequence numbers when they are all digits (or blank
//!   and digits); such a field is ignored. Anything else in those columns is data.
//! * Trailing blanks are not significant.
//! * `/* … */` comments may stand wherever a blank may stand. A comment that is not closed
//!   ends at the end of its record, so a `+` or `-` inside it is *not* a continuation.
//! * The last non-blank character of a record (outside comments) being `+` or `-` continues
//!   the command on the next record. With `+` the next record's leading delimiters (blanks,
//!   commas, comments) are dropped; with `-` they are kept.
//! * A record holding only a comment is a null command: it is echoed and answered by `READY`.
//!   A blank record is a null command that is answered by `READY` with no echo.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_till1, take_until};
use nom::character::complete::char;
use nom::combinator::{consumed, map, opt, recognize, rest};
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};

/// What a logical command is, as far as the terminal monitor program is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandKind {
    /// A record with nothing on it.
    Blank,
    /// Only comments: echoed, then `READY`, nothing runs.
    Comment,
    /// A command to run.
    Command,
}

/// One logical command assembled from one or more records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogicalCommand {
    /// The command as the TMP echoes it in SYSTSPRT: the records joined with their
    /// continuation characters removed, comments kept.
    pub echo: String,
    /// The command text to parse: as `echo`, but with every comment replaced by a blank.
    pub text: String,
    /// Zero-based index of the first record of this command.
    pub first_record: usize,
    /// Whether the command is blank, a comment or a command to run.
    pub kind: CommandKind,
}

/// Removes an ISPF sequence-number field (columns 73–80) and trailing blanks.
///
/// The field is removed only when every character in columns 73–80 is a digit or a blank and
/// at least one is a digit, so commands that really use those columns keep them.
pub fn strip_sequence_field(record: &str) -> &str {
    let record = record.trim_end_matches(['\r', '\n']);
    let chars: Vec<(usize, char)> = record.char_indices().collect();
    if chars.len() > 72 {
        let field: Vec<char> = chars[72..chars.len().min(80)]
            .iter()
            .map(|(_, c)| *c)
            .collect();
        let digits = field.iter().filter(|c| c.is_ascii_digit()).count();
        if chars.len() <= 80 && digits > 0 && field.iter().all(|c| c.is_ascii_digit() || *c == ' ')
        {
            return record[..chars[72].0].trim_end();
        }
    }
    record.trim_end()
}

/// The result of scanning one record for comments.
struct Scanned {
    /// The record with comments replaced by blanks of the same length (so byte offsets match).
    text: String,
    /// Whether the record contains any comment.
    had_comment: bool,
    /// Quote state at the end of the record.
    in_quote: bool,
}

/// One piece of a SYSTSIN record, as the comment scanner sees it.
enum Piece<'a> {
    /// Text outside comments; `open_quote` when it is a quoted string not closed on this record.
    Text { text: &'a str, open_quote: bool },
    /// A `/* … */` comment, or one that runs to the end of the record.
    Comment(&'a str),
}

/// The rest of a quoted string whose apostrophe opened earlier: up to and including the
/// closing apostrophe, or to the end of the record.
fn quote_rest(i: &str) -> IResult<&str, Piece<'_>> {
    map(
        consumed(pair(take_till(|c| c == '\''), opt(char('\'')))),
        |(text, (_, close))| Piece::Text {
            text,
            open_quote: close.is_none(),
        },
    )
    .parse(i)
}

/// A quoted string: its apostrophes and what they enclose (`''` reads as two strings, which
/// scans the same), open when the record ends first.
fn quoted(i: &str) -> IResult<&str, Piece<'_>> {
    map(
        consumed((char('\''), take_till(|c| c == '\''), opt(char('\'')))),
        |(text, (_, _, close))| Piece::Text {
            text,
            open_quote: close.is_none(),
        },
    )
    .parse(i)
}

/// One piece: a comment (`/*` to `*/`, or to the end of the record when never closed), a
/// quoted string, or a run of other characters (a lone `/` among them).
fn piece(i: &str) -> IResult<&str, Piece<'_>> {
    alt((
        map(
            recognize(preceded(
                tag("/*"),
                alt((terminated(take_until("*/"), tag("*/")), rest)),
            )),
            Piece::Comment,
        ),
        quoted,
        map(
            alt((take_till1(|c| c == '\'' || c == '/'), tag("/"))),
            |text| Piece::Text {
                text,
                open_quote: false,
            },
        ),
    ))
    .parse(i)
}

/// Replaces `/* … */` comments outside quoted strings by blanks; an unclosed comment runs to
/// the end of the record.
fn scan_comments(record: &str, in_quote: bool) -> Scanned {
    let mut text = String::with_capacity(record.len());
    let mut had_comment = false;
    let mut open_quote = in_quote;
    let mut input = record;
    if in_quote {
        if let Ok((
            rest,
            Piece::Text {
                text: t,
                open_quote: o,
            },
        )) = quote_rest(input)
        {
            text.push_str(t);
            open_quote = o;
            input = rest;
        }
    }
    while let Ok((rest, p)) = piece(input) {
        match p {
            Piece::Text {
                text: t,
                open_quote: o,
            } => {
                text.push_str(t);
                open_quote = o;
            }
            Piece::Comment(c) => {
                text.extend(std::iter::repeat_n(' ', c.len()));
                had_comment = true;
                open_quote = false;
            }
        }
        input = rest;
    }
    Scanned {
        text,
        had_comment,
        in_quote: open_quote,
    }
}

/// How a record ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Continuation {
    None,
    /// `+`: drop the next record's leading delimiters.
    Plus,
    /// `-`: keep the next record's leading blanks.
    Minus,
}

/// Leading delimiters that a `+` continuation drops: blanks, tabs and commas.
fn is_leading_delimiter(c: char) -> bool {
    c == ' ' || c == ',' || c == '\t'
}

/// Assembles logical commands from SYSTSIN records.
///
/// Every record is consumed; a continuation on the last record simply ends the command.
/// Never fails: whatever the records hold, the result is a list of commands the parser will
/// accept or reject with a TSO message.
pub fn logical_commands<S: AsRef<str>>(records: &[S]) -> Vec<LogicalCommand> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < records.len() {
        let first = i;
        let mut echo = String::new();
        let mut text = String::new();
        let mut any_comment = false;
        let mut in_quote = false;
        let mut pending = Continuation::None;
        loop {
            let raw = strip_sequence_field(records[i].as_ref());
            let scanned = scan_comments(raw, in_quote);
            any_comment |= scanned.had_comment;
            let mut raw_part: &str = raw;
            let mut text_part: &str = &scanned.text;
            if pending == Continuation::Plus {
                // Drop leading delimiters, comments included (they are blanks in `text`).
                let skip = text_part
                    .char_indices()
                    .find(|(_, c)| !is_leading_delimiter(*c))
                    .map(|(p, _)| p)
                    .unwrap_or(text_part.len());
                raw_part = raw.get(skip..).unwrap_or("");
                text_part = text_part.get(skip..).unwrap_or("");
            }
            let trimmed = text_part.trim_end();
            // The TMP looks at the record's last character whatever the quotes say, so an
            // unbalanced apostrophe does not stop a continuation (TSO parse rejects the
            // joined command later).
            let cont = if trimmed.ends_with('+') {
                Continuation::Plus
            } else if trimmed.ends_with('-') {
                Continuation::Minus
            } else {
                Continuation::None
            };
            if cont == Continuation::None {
                echo.push_str(raw_part);
                text.push_str(text_part);
            } else {
                let cut = trimmed.len() - 1;
                echo.push_str(raw_part.get(..cut).unwrap_or(raw_part));
                text.push_str(&text_part[..cut]);
            }
            in_quote = scanned.in_quote;
            i += 1;
            pending = cont;
            if cont == Continuation::None || i >= records.len() {
                break;
            }
        }
        let echo = echo.trim_end().to_string();
        let kind = if !text.trim().is_empty() {
            CommandKind::Command
        } else if any_comment {
            CommandKind::Comment
        } else {
            CommandKind::Blank
        };
        out.push(LogicalCommand {
            echo,
            text,
            first_record: first,
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmds(recs: &[&str]) -> Vec<LogicalCommand> {
        logical_commands(recs)
    }

    #[test]
    fn plus_drops_leading_blanks_and_keeps_blanks_before_plus() {
        let c = cmds(&[
            "   RACDCERT CONNECT(ID(ZWESVUSR)   +",
            "            LABEL('localhost') +",
            "            RING(ZoweKeyring) +",
            "            USAGE(PERSONAL) DEFAULT) +",
            "            ID(ZWESVUSR)",
        ]);
        assert_eq!(c.len(), 1);
        assert_eq!(
            c[0].echo,
            "   RACDCERT CONNECT(ID(ZWESVUSR)   LABEL('localhost') RING(ZoweKeyring) USAGE(PERSONAL) DEFAULT) ID(ZWESVUSR)"
        );
        assert_eq!(c[0].kind, CommandKind::Command);
    }

    #[test]
    fn minus_keeps_leading_blanks() {
        let c = cmds(&[" RDEFINE CDT ZOWE -", "    UACC(NONE)"]);
        assert_eq!(c[0].echo, " RDEFINE CDT ZOWE     UACC(NONE)");
    }

    #[test]
    fn unclosed_comment_hides_plus() {
        let c = cmds(&[
            "/* RACDCERT ADD('&DSNAME.') +",
            "/*          ID(&ZOWEUSER.) +",
            "",
            "PROFILE",
        ]);
        assert_eq!(c.len(), 4);
        assert_eq!(c[0].kind, CommandKind::Comment);
        assert_eq!(c[1].kind, CommandKind::Comment);
        assert_eq!(c[2].kind, CommandKind::Blank);
        assert_eq!(c[3].text, "PROFILE");
    }

    #[test]
    fn sequence_numbers_ignored() {
        let rec = format!("{:<72}{}", " racdcert id(x) +", "00010000");
        let c = cmds(&[rec.as_str(), " list"]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].echo, " racdcert id(x) list");
    }

    #[test]
    fn non_numeric_columns_73_80_are_data() {
        let rec = format!("{:<72}{}", " X", "ABCDEFGH");
        assert!(strip_sequence_field(&rec).ends_with("ABCDEFGH"));
    }

    #[test]
    fn comment_within_command_becomes_blank_in_text() {
        let c = cmds(&["RACDCERT /* x */ LIST"]);
        assert_eq!(c[0].echo, "RACDCERT /* x */ LIST");
        assert_eq!(
            c[0].text.split_whitespace().collect::<Vec<_>>(),
            ["RACDCERT", "LIST"]
        );
    }

    #[test]
    fn a_quote_open_at_the_end_of_a_record_hides_the_next_records_comment_marker() {
        let c = cmds(&["RACDCERT LIST(LABEL('a +", "/*b') ) /* c */"]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].text.trim_end(), "RACDCERT LIST(LABEL('a /*b') )");
        assert_eq!(c[0].echo, "RACDCERT LIST(LABEL('a /*b') ) /* c */");
    }

    #[test]
    fn comment_marker_inside_quotes_is_data() {
        let c = cmds(&["RACDCERT LIST(LABEL('a/*b'))"]);
        assert!(c[0].text.contains("'a/*b'"));
    }

    #[test]
    fn plus_then_paren_on_next_record() {
        let c = cmds(&[
            " RACDCERT ID(ATSSERV) CONNECT +",
            " ( LABEL('x') RING(r) CERTAUTH)",
        ]);
        assert_eq!(
            c[0].echo,
            " RACDCERT ID(ATSSERV) CONNECT ( LABEL('x') RING(r) CERTAUTH)"
        );
    }

    #[test]
    fn glued_plus_joins_tokens() {
        let c = cmds(&["x withlabel('JWT-Signer')+", " trust"]);
        assert_eq!(c[0].echo, "x withlabel('JWT-Signer')trust");
    }

    #[test]
    fn continuation_on_last_record_ends_command() {
        let c = cmds(&["RACDCERT LIST +"]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].echo, "RACDCERT LIST");
    }
}

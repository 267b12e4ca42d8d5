//! The lexical layer of a JCL statement, as nom 8 parsers: the card image, the name and
//! operation fields, and the operand field with its quoted strings, parentheses, commas and
//! `keyword=value` pairs.
//!
//! Inside apostrophes nothing but the closing apostrophe counts (`''` closes and reopens, which
//! reads the same); an apostrophe never closed quotes the rest. Parentheses nest; a right
//! parenthesis with no left one takes the depth below zero, where blanks and commas still
//! separate (as at depth zero) but `=` no longer marks a keyword.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_till1, take_while};
use nom::character::complete::char;
use nom::combinator::{opt, peek, recognize, rest, value};
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// Card image width and the end of the statement field.
const CARD: usize = 80;
const STMT_END: usize = 72;

/// The card image of a line: its first 80 characters, line ends dropped.
pub(crate) fn card(line: &str) -> &str {
    let line = line.trim_end_matches(['\r', '\n']);
    match line.char_indices().nth(CARD) {
        Some((i, _)) => &line[..i],
        None => line,
    }
}

/// The statement field of a card: columns 1–71 (72 is the continuation column, 73–80 the
/// sequence number).
pub(crate) fn stmt_field(line: &str) -> &str {
    match line.char_indices().nth(STMT_END) {
        Some((i, _)) => &line[..i],
        None => line,
    }
}

/// One lexical piece of an operand field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A quoted string with its apostrophes (the closing one missing at the end of the field).
    Quoted,
    Open,
    Close,
    Comma,
    Blank,
    Equals,
    /// A run of any other characters.
    Other,
}

fn is_special(c: char) -> bool {
    matches!(c, '\'' | '(' | ')' | ',' | ' ' | '=')
}

fn piece(i: &str) -> IResult<&str, Piece> {
    alt((
        value(
            Piece::Quoted,
            recognize((char('\''), take_till(|c| c == '\''), opt(char('\'')))),
        ),
        value(Piece::Open, char('(')),
        value(Piece::Close, char(')')),
        value(Piece::Comma, char(',')),
        value(Piece::Blank, char(' ')),
        value(Piece::Equals, char('=')),
        value(Piece::Other, take_till1(is_special)),
    ))
    .parse(i)
}

/// The pieces of `s` with their byte offsets and the parenthesis depth they stand at.
fn pieces(s: &str) -> impl Iterator<Item = (usize, Piece, i32)> + '_ {
    let mut input = s;
    let mut depth = 0i32;
    std::iter::from_fn(move || {
        let (rest, p) = piece(input).ok()?;
        let at = s.len() - input.len();
        let here = depth;
        match p {
            Piece::Open => depth += 1,
            Piece::Close => depth -= 1,
            _ => {}
        }
        input = rest;
        Some((at, p, here))
    })
}

/// Splits at the first blank outside quotes and parentheses: (operands, comments).
pub(crate) fn operand_field(s: &str) -> (&str, &str) {
    match pieces(s).find(|(_, p, depth)| *p == Piece::Blank && *depth <= 0) {
        Some((at, _, _)) => (&s[..at], &s[at..]),
        None => (s, ""),
    }
}

/// Splits operands at the commas outside quotes and parentheses; no operands for `""`.
pub(crate) fn split_commas(s: &str) -> Vec<String> {
    if s.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _, _) in pieces(s).filter(|(_, p, depth)| *p == Piece::Comma && *depth <= 0) {
        out.push(s[start..at].to_string());
        start = at + 1;
    }
    out.push(s[start..].to_string());
    out
}

/// Where the `=` of a keyword operand stands: the first `=` outside quotes and parentheses
/// (`None` for a positional operand).
pub(crate) fn keyword_equals(operand: &str) -> Option<usize> {
    pieces(operand)
        .find(|(_, piece, depth)| *piece == Piece::Equals && *depth == 0)
        .map(|(at, _, _)| at)
}

/// A field up to the next blank, and what follows it with leading white space skipped.
fn field(i: &str) -> IResult<&str, &str> {
    let (after, f) = take_till(|c| c == ' ').parse(i)?;
    if after.is_empty() {
        return Ok((after, f));
    }
    let (after, _) = take_while(char::is_whitespace).parse(after)?;
    Ok((after, f))
}

/// The name, operation and the rest of a statement's text after `//`.
pub(crate) fn statement_fields(body: &str) -> (&str, &str, &str) {
    match (field, field).parse(body) {
        Ok((rest, (name, op))) => (name, op, rest),
        Err(_) => (body, "", ""),
    }
}

/// The name and operation fields as the converter's case checks see them: blank-separated
/// words, the name empty when the statement text starts with a blank.
pub(crate) fn converter_fields(body: &str) -> (&str, &str) {
    let word = |i| preceded(take_while(|c| c == ' '), take_till(|c| c == ' ')).parse(i);
    let named: IResult<&str, &str> = word(body);
    let Ok((after, first)) = named else {
        return ("", "");
    };
    if body.starts_with(' ') {
        return ("", first);
    }
    let op: IResult<&str, &str> = word(after);
    (first, op.map(|(_, o)| o).unwrap_or(""))
}

/// The operand text a continuation card adds: `//`, at least one blank, then the operands
/// (white space before them skipped); `None` for a card that does not continue a statement.
pub(crate) fn continuation(line: &str) -> Option<&str> {
    let parsed: IResult<&str, &str> = preceded(
        (tag("//"), peek(char(' ')), take_while(char::is_whitespace)),
        rest,
    )
    .parse(line);
    parsed.ok().map(|(_, text)| operand_field(text).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operand_field_stops_at_a_blank_outside_quotes_and_parentheses() {
        assert_eq!(
            operand_field("PARM='A B',X=(C D) comment"),
            ("PARM='A B',X=(C D)", " comment")
        );
        assert_eq!(operand_field("A=') x"), ("A=') x", ""));
        assert_eq!(operand_field("A) B"), ("A)", " B"));
    }

    #[test]
    fn commas_and_keywords_at_the_top_level() {
        assert_eq!(split_commas("A,(B,C),'D,E',"), ["A", "(B,C)", "'D,E'", ""]);
        assert!(split_commas("").is_empty());
        assert_eq!(keyword_equals("PARM=(B=C)"), Some(4));
        assert_eq!(keyword_equals("'Q=R'"), None);
        assert_eq!(keyword_equals("A)=B"), None);
    }

    #[test]
    fn statement_and_converter_fields() {
        assert_eq!(
            statement_fields("S1 EXEC  PGM=A X"),
            ("S1", "EXEC", "PGM=A X")
        );
        assert_eq!(statement_fields(" \tDD *"), ("", "DD", "*"));
        assert_eq!(statement_fields("X"), ("X", "", ""));
        assert_eq!(converter_fields(" \tDD *"), ("", "\tDD"));
        assert_eq!(converter_fields("S1   EXEC"), ("S1", "EXEC"));
        assert_eq!(converter_fields("S1"), ("S1", ""));
    }

    #[test]
    fn continuation_cards() {
        assert_eq!(continuation("//   PARM=X  comment"), Some("PARM=X"));
        assert_eq!(continuation("//X DD"), None);
        assert_eq!(continuation("/* x"), None);
    }
}

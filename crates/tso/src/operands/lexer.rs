//! The lexical layer of TSO parse, as nom 8 parsers: delimiters, words, quoted strings,
//! parentheses. The tree of operands is assembled from these tokens by
//! [`super::parse_command`].

use nom::branch::alt;
use nom::bytes::complete::{is_not, tag, take_while, take_while1};
use nom::character::complete::char;
use nom::combinator::{map, opt, value};
use nom::error::{ErrorKind, ParseError};
use nom::multi::fold_many0;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::SyntaxError;

/// Why the lexer stopped: a TSO syntax error, or (recoverable, for `alt`/`opt`) no match.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum LexError<'a> {
    /// The command line is malformed; TSO parse rejects it.
    Syntax(SyntaxError),
    /// The parser tried did not match at this input (nom backtracks).
    NoMatch(&'a str),
}

impl<'a> ParseError<&'a str> for LexError<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        LexError::NoMatch(input)
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }
}

type LexResult<'a, T> = IResult<&'a str, T, LexError<'a>>;

/// One token of a command's operand field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// An unquoted word not followed by a value list.
    Word(&'a str),
    /// A word followed, directly or after blanks, by `(`: the `(` is consumed and opens the
    /// word's value list (`WITHLABEL ('x')` is `WITHLABEL('x')`).
    Keyword(&'a str),
    /// A quoted string's contents, doubled apostrophes collapsed.
    Quoted(String),
    /// A `(` with no word before it: a list without a keyword name.
    Open,
    /// A `)`; carries the input from the parenthesis on (for the extra-parenthesis message).
    Close(&'a str),
}

/// Operand delimiters: blanks, commas and tabs.
pub(super) fn is_delimiter(c: char) -> bool {
    c == ' ' || c == ',' || c == '\t'
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

fn is_word_char(c: char) -> bool {
    !is_delimiter(c) && c != '(' && c != ')' && c != '\''
}

/// Any run of delimiters (possibly none).
fn delimiters(i: &str) -> LexResult<'_, &str> {
    take_while(is_delimiter).parse(i)
}

/// An unquoted word: one or more characters up to a delimiter, parenthesis or apostrophe.
pub(super) fn word(i: &str) -> LexResult<'_, &str> {
    take_while1(is_word_char).parse(i)
}

/// The command name: the first word after any leading delimiters.
pub(super) fn verb(i: &str) -> LexResult<'_, &str> {
    preceded(delimiters, word).parse(i)
}

/// A quoted string: `'` … `'`, with `''` standing for one apostrophe. A string that runs to
/// the end of the command is [`SyntaxError::UnbalancedQuote`] carrying the text from the
/// opening apostrophe.
fn quoted(i: &str) -> LexResult<'_, String> {
    let (body, _) = char('\'').parse(i)?;
    let (rest, text) = fold_many0(
        alt((is_not("'"), value("'", tag("''")))),
        String::new,
        |mut text, piece| {
            text.push_str(piece);
            text
        },
    )
    .parse(body)?;
    match char::<&str, LexError<'_>>('\'').parse(rest) {
        Ok((rest, _)) => Ok((rest, text)),
        Err(_) => Err(nom::Err::Failure(LexError::Syntax(
            SyntaxError::UnbalancedQuote(i.to_string()),
        ))),
    }
}

/// A word, and whether a value list follows it (after blanks only, not commas).
fn word_or_keyword(i: &str) -> LexResult<'_, Token<'_>> {
    map(
        (word, opt(preceded(take_while(is_blank), char('(')))),
        |(w, open)| match open {
            Some(_) => Token::Keyword(w),
            None => Token::Word(w),
        },
    )
    .parse(i)
}

fn close(i: &str) -> LexResult<'_, Token<'_>> {
    map(char(')'), |_| Token::Close(i)).parse(i)
}

/// The next token after any delimiters, or `None` at the end of the command.
pub(super) fn token(i: &str) -> LexResult<'_, Option<Token<'_>>> {
    preceded(
        delimiters,
        opt(alt((
            map(quoted, Token::Quoted),
            value(Token::Open, char('(')),
            close,
            word_or_keyword,
        ))),
    )
    .parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(mut s: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        while let Ok((rest, Some(t))) = token(s) {
            out.push(t);
            s = rest;
        }
        out
    }

    #[test]
    fn tokens_of_a_command() {
        assert_eq!(
            tokens("LIST(LABEL ('it''s')) ,(X) ID ,(Y)"),
            vec![
                Token::Keyword("LIST"),
                Token::Keyword("LABEL"),
                Token::Quoted("it's".into()),
                Token::Close(")) ,(X) ID ,(Y)"),
                Token::Close(") ,(X) ID ,(Y)"),
                Token::Open,
                Token::Word("X"),
                Token::Close(") ID ,(Y)"),
                Token::Word("ID"),
                Token::Open,
                Token::Word("Y"),
                Token::Close(")"),
            ]
        );
    }

    #[test]
    fn unclosed_quote_is_a_failure() {
        assert!(matches!(
            token("  'ab''"),
            Err(nom::Err::Failure(LexError::Syntax(SyntaxError::UnbalancedQuote(s)))) if s == "'ab''"
        ));
        assert_eq!(token("'ab'''"), Ok(("", Some(Token::Quoted("ab'".into())))));
        assert_eq!(token("''"), Ok(("", Some(Token::Quoted(String::new())))));
    }
}

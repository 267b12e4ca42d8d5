//! Shared helpers: keyword lookup in operand lists, value extraction, parse-failure messages.

use nom::bytes::complete::take_while_m_n;
use nom::{IResult, Parser};
use racemu_racf::UserId;
use racemu_tso::keywords::{resolve_keyword, KeywordMatch};
use racemu_tso::operands::{Operand, OperandText, SyntaxError};

/// Why a command was rejected before it ran: TSO parse's causes, and RACF's refusal of an
/// owner operand the function does not take. [`crate::messages`] renders each as its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// The command name breaks TSO's syntax (IKJ56621I).
    InvalidCommandName,
    /// A well-formed command name that is no command (IKJ56500I).
    CommandNotFound(String),
    /// An operand that is no keyword where it stands, or a keyword given twice where only one
    /// may be (IKJ56712I), upper case.
    InvalidKeyword(String),
    /// A quoted string without its closing apostrophe, as far as the message shows it
    /// (IKJ56702I).
    InvalidQuotedString(String),
    /// A value the operand does not take (IKJ56702I INVALID what, value).
    InvalidValue {
        /// The operand's description (`USERID`, `DATE`).
        what: String,
        /// The value as the message shows it.
        value: String,
    },
    /// A required operand or value is missing (IKJ56701I).
    Missing {
        /// The operand's description.
        what: String,
        /// Its second-level description, which batch prints as a second IKJ56701I; `None`
        /// when it has none.
        prompt: Option<String>,
    },
    /// An owner operand the function does not take (IRRD136I, RC 8): the owner keyword.
    OwnerNotForFunction(&'static str),
}

/// A command rejected before it ran: its typed cause and racemu's hints.
///
/// Nothing runs when a command fails to parse; in batch no prompting is possible, so the
/// messages are printed and the command ends with RC 12 (RC 8 for IRRD136I).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.messages().join("\n"))]
pub struct ParseFailure {
    /// Why.
    pub cause: ParseError,
    /// racemu's own notes (`RCMnnnI` lines) for the job log or standard error; never SYSTSPRT.
    pub hints: Vec<String>,
}

impl From<ParseError> for ParseFailure {
    fn from(cause: ParseError) -> Self {
        ParseFailure {
            cause,
            hints: Vec::new(),
        }
    }
}

impl ParseFailure {
    /// The message lines, each starting with its message ID.
    pub fn messages(&self) -> Vec<String> {
        crate::messages::lines(&self.cause)
    }

    /// The command's return code.
    pub fn rc(&self) -> u32 {
        crate::messages::rc(&self.cause)
    }

    /// The messages TSO parse gives for a malformed command line.
    pub fn syntax(e: SyntaxError) -> Self {
        ParseFailure::from(match e {
            SyntaxError::UnbalancedQuote(rest) => {
                ParseError::InvalidQuotedString(first_token(&rest))
            }
            SyntaxError::ExtraRightParen(rest) => ParseError::InvalidKeyword(first_token(&rest)),
            SyntaxError::Empty => ParseError::CommandNotFound(String::new()),
        })
    }

    /// `IKJ56712I INVALID KEYWORD, kw`.
    pub fn invalid_keyword(kw: &str) -> Self {
        ParseFailure::from(ParseError::InvalidKeyword(kw.to_ascii_uppercase()))
    }

    /// `IKJ56712I INVALID KEYWORD, op` for an operand that is no keyword of `table`, with the
    /// RCM120I "did you mean" hint when a keyword of `table` is one or two edits from the
    /// operand's name (`SUBJECTDN` → `SUBJECTSDN`, `WITHLABLE` → `WITHLABEL`).
    pub fn unknown_keyword(op: &Operand, table: &[&str]) -> Self {
        let mut f = ParseFailure::invalid_keyword(&op.to_string());
        if let OperandText::Word(w) = &op.text {
            if let Some(k) = crate::verb::nearest(w, table) {
                f.hints.push(crate::messages::rcm120i(w, k));
            }
        }
        f
    }

    /// `IKJ56702I INVALID what, value`.
    pub fn invalid(what: &str, value: &str) -> Self {
        ParseFailure::from(ParseError::InvalidValue {
            what: what.to_string(),
            value: value.to_string(),
        })
    }

    /// `IKJ56701I MISSING first+` followed by the second-level `IKJ56701I MISSING second`
    /// (batch prints both, as the real ALTNAME(IP()) capture shows); a single
    /// `IKJ56701I MISSING first` when the operand has no second-level text.
    pub fn missing(first: &str, second: &str) -> Self {
        ParseFailure::from(ParseError::Missing {
            what: first.to_string(),
            prompt: (first != second).then(|| second.to_string()),
        })
    }

    /// IRRD136I: the owner operand `form` (`MULTIID`) is not one the function takes.
    pub fn owner_not_for_function(form: &'static str) -> Self {
        ParseFailure::from(ParseError::OwnerNotForFunction(form))
    }
}

/// The operand a syntax message names: the text up to the next blank or comma, at most 60
/// characters.
fn first_token(s: &str) -> String {
    let token: IResult<&str, &str> = take_while_m_n(0, 60, |c| c != ' ' && c != ',').parse(s);
    token.map_or_else(|_| String::new(), |(_, t)| t.to_string())
}

/// True when `id` (already upper case) is a RACF user ID or group name as [`UserId`] checks
/// one: 1–8 characters, the first alphabetic or national (`# @ $`), the rest alphanumeric or
/// national.
pub fn is_valid_user_id(id: &str) -> bool {
    UserId::is_written(id)
}

/// The user ID `value` (any case) folded to upper case, or `IKJ56702I INVALID USERID, X`
/// when RACF's syntax forbids it ([`UserId::parse`]).
pub(crate) fn checked_user_id(value: &str) -> Result<String, ParseFailure> {
    match UserId::parse(value) {
        Some(id) => Ok(id.into()),
        None => Err(ParseFailure::invalid("USERID", &value.to_ascii_uppercase())),
    }
}

/// Looks up the keyword an operand names. `Ok(None)` for a quoted string or a word that is
/// no keyword of `table` (the caller decides whether a positional operand is allowed).
pub(crate) fn keyword_of(
    op: &Operand,
    table: &[&'static str],
) -> Result<Option<&'static str>, ParseFailure> {
    match &op.text {
        OperandText::Quoted(_) => Ok(None),
        OperandText::Word(w) if w.is_empty() => Ok(None),
        OperandText::Word(w) => match resolve_keyword(w, table) {
            KeywordMatch::Found(k) => Ok(Some(k)),
            KeywordMatch::Ambiguous(hits) => {
                let mut f = ParseFailure::invalid_keyword(w);
                f.hints.push(crate::messages::rcm112i(w, &hits));
                Err(f)
            }
            KeywordMatch::Unknown => Ok(None),
        },
    }
}

/// Splits operands into keywords of `table` (last occurrence wins, as TSO parse keeps it)
/// and rejects anything else with IKJ56712I.
pub(crate) fn keywords<'a>(
    ops: &'a [Operand],
    table: &[&'static str],
) -> Result<Vec<(&'static str, &'a Operand)>, ParseFailure> {
    let mut out: Vec<(&'static str, &'a Operand)> = Vec::new();
    for op in ops {
        match keyword_of(op, table)? {
            Some(k) => {
                out.retain(|(x, _)| *x != k);
                out.push((k, op));
            }
            None => return Err(ParseFailure::unknown_keyword(op, table)),
        }
    }
    Ok(out)
}

/// The operand of keyword `k` among classified keywords.
pub(crate) fn get<'a>(kws: &[(&'static str, &'a Operand)], k: &str) -> Option<&'a Operand> {
    kws.iter().find(|(x, _)| *x == k).map(|(_, o)| *o)
}

/// True when keyword `k` was given.
pub(crate) fn has(kws: &[(&'static str, &Operand)], k: &str) -> bool {
    kws.iter().any(|(x, _)| *x == k)
}

/// The first value inside `KW(value)`, as an operand; IKJ56701I when absent or empty.
pub(crate) fn value<'a>(op: &'a Operand, what: &str) -> Result<&'a Operand, ParseFailure> {
    match op.args.as_deref() {
        Some([first, ..]) => Ok(first),
        _ => Err(ParseFailure::missing(what, what)),
    }
}

/// The text inside `KW(value)`; empty quoted strings count as missing.
pub(crate) fn text_value(op: &Operand, what: &str) -> Result<String, ParseFailure> {
    let v = value(op, what)?;
    if v.args.is_some() && !v.as_str().is_empty() {
        return Err(ParseFailure::invalid(what, &v.to_string()));
    }
    let s = v.as_str().to_string();
    if s.is_empty() {
        return Err(ParseFailure::missing(what, what));
    }
    Ok(s)
}

/// All word/quoted values inside `KW(a b c)`, in order (nested lists flattened).
pub(crate) fn list_values(op: &Operand) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(ops: &[Operand], out: &mut Vec<String>) {
        for o in ops {
            if !o.as_str().is_empty() {
                out.push(o.as_str().to_string());
            }
            if let Some(a) = &o.args {
                walk(a, out);
            }
        }
    }
    if let Some(a) = &op.args {
        walk(a, &mut out);
    }
    out
}

/// A data set name as typed: quoted names are fully qualified, unquoted ones get the prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsnOperand {
    /// The name as typed, without quotes.
    pub name: String,
    /// True when typed in quotes (fully qualified).
    pub quoted: bool,
}

impl DsnOperand {
    /// The fully qualified, upper-case name, prefixing `prefix` to unquoted names.
    pub fn qualified(&self, prefix: &str) -> String {
        if self.quoted || prefix.is_empty() {
            self.name.to_ascii_uppercase()
        } else {
            format!(
                "{}.{}",
                prefix.to_ascii_uppercase(),
                self.name.to_ascii_uppercase()
            )
        }
    }
}

/// A data set name from `KW('dsn')` / `KW(dsn)`.
pub(crate) fn dsn_value(op: &Operand, what: &str) -> Result<DsnOperand, ParseFailure> {
    let v = value(op, what)?;
    let name = v.as_str().to_string();
    if name.is_empty() {
        return Err(ParseFailure::missing(what, what));
    }
    Ok(DsnOperand {
        name,
        quoted: v.text.is_quoted(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::PARSE_RC;

    #[test]
    fn syntax_messages_name_the_operand_up_to_a_blank_or_comma() {
        let quote = ParseFailure::syntax(SyntaxError::UnbalancedQuote("'it is,x".into()));
        assert_eq!(quote.messages(), ["IKJ56702I INVALID QUOTED STRING, 'it"]);
        let paren = ParseFailure::syntax(SyntaxError::ExtraRightParen(")),ID(X)".into()));
        assert_eq!(paren.messages(), ["IKJ56712I INVALID KEYWORD, ))"]);
        let long = format!("'{}", "é".repeat(80));
        let e = ParseFailure::syntax(SyntaxError::UnbalancedQuote(long.clone()));
        let shown: String = long.chars().take(60).collect();
        assert_eq!(
            e.messages(),
            [format!("IKJ56702I INVALID QUOTED STRING, {shown}")]
        );
        assert_eq!(e.rc(), PARSE_RC);
    }
}

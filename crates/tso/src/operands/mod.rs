//! One logical command → a verb and a tree of operands, as TSO parse (IKJPARS) sees it.
//!
//! * Operands are separated by blanks or commas (tabs count as blanks).
//! * A word followed — directly or after blanks — by `(` takes the parenthesised list as its
//!   value: `WITHLABEL ('x')` is `WITHLABEL('x')`. Lists nest: `CONNECT(ID(X) LABEL('l'))`.
//! * A quoted string runs to the next apostrophe that is not doubled; `''` stands for one `'`.
//! * Right parentheses missing at the end of the command are supplied, as TSO does.
//! * An unclosed quoted string and an extra right parenthesis are syntax errors.
//!
//! Case is kept everywhere; the command layer decides what to fold to upper case.
//!
//! The tokens (words, quoted strings, parentheses, delimiters) are nom 8 parsers in `lexer`;
//! [`parse_command`] assembles the tree from them with an explicit stack of open lists.

use std::fmt;

/// The text of an operand: a word as typed, or the contents of a quoted string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OperandText {
    /// An unquoted word, case as typed.
    Word(String),
    /// A quoted string's contents with doubled apostrophes collapsed, case as typed.
    Quoted(String),
}

impl OperandText {
    /// The text without quotes.
    pub fn as_str(&self) -> &str {
        match self {
            OperandText::Word(s) | OperandText::Quoted(s) => s,
        }
    }

    /// True for a quoted string.
    pub fn is_quoted(&self) -> bool {
        matches!(self, OperandText::Quoted(_))
    }
}

/// One operand: a word or quoted string, with its parenthesised value list if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operand {
    /// The operand's own text (a keyword name, a positional value, or a quoted string).
    pub text: OperandText,
    /// The parenthesised value list, if present (`Some(vec![])` for `KEYWORD()`).
    pub args: Option<Vec<Operand>>,
}

impl Operand {
    /// The operand's text without quotes.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }
}

impl fmt::Display for Operand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.text {
            OperandText::Word(w) => write!(f, "{w}")?,
            OperandText::Quoted(q) => f.write_str(&racemu_racf::quoted(q))?,
        }
        if let Some(args) = &self.args {
            write!(f, "(")?;
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    write!(f, " ")?;
                }
                write!(f, "{a}")?;
            }
            write!(f, ")")?;
        }
        Ok(())
    }
}

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedCommand {
    /// The verb, folded to upper case.
    pub verb: String,
    /// The operands in the order typed.
    pub operands: Vec<Operand>,
}

/// A command line TSO parse rejects before any command sees it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyntaxError {
    /// A quoted string is not closed. Carries the text from the opening quote.
    #[error("unbalanced apostrophe at {0}")]
    UnbalancedQuote(String),
    /// A right parenthesis closes nothing. Carries the text that follows it.
    #[error("extra right parenthesis before {0}")]
    ExtraRightParen(String),
    /// No verb at all (the command is empty or starts with a delimiter that is not a word).
    #[error("no command")]
    Empty,
}

mod lexer;

use lexer::{LexError, Token};

/// Parses one logical command (comments already blanked out) into verb and operands.
///
/// The tokens come from nom parsers (see `lexer`); the tree is built here with an explicit
/// stack of open lists, so no nesting depth can exhaust the call stack. Never panics; every
/// input gives a command or a [`SyntaxError`].
pub fn parse_command(text: &str) -> Result<ParsedCommand, SyntaxError> {
    let Ok((rest, verb)) = lexer::verb(text) else {
        return Err(SyntaxError::Empty);
    };
    Ok(ParsedCommand {
        verb: verb.to_ascii_uppercase(),
        operands: operand_tree(rest)?,
    })
}

/// The command name as typed: the first word after any leading blanks and commas, up to a
/// delimiter, parenthesis or apostrophe; empty when the command starts with none. Available
/// even when the rest of the command is malformed.
pub fn command_name(text: &str) -> &str {
    lexer::verb(text).map_or("", |(_, verb)| verb)
}

/// The operands of `input`: lists nest, right parentheses missing at the end are supplied,
/// an extra one is [`SyntaxError::ExtraRightParen`].
fn operand_tree(mut input: &str) -> Result<Vec<Operand>, SyntaxError> {
    // The lists still open, each with its keyword and the list it belongs to.
    let mut open: Vec<(OperandText, Vec<Operand>)> = Vec::new();
    let mut list: Vec<Operand> = Vec::new();
    loop {
        let (rest, token) = lexer::token(input).map_err(|e| match e {
            nom::Err::Error(LexError::Syntax(s)) | nom::Err::Failure(LexError::Syntax(s)) => s,
            // The lexer accepts every character, so it cannot fail to match; were it to, the
            // command is rejected at that point rather than misread.
            nom::Err::Error(LexError::NoMatch(at)) | nom::Err::Failure(LexError::NoMatch(at)) => {
                SyntaxError::ExtraRightParen(at.to_string())
            }
            nom::Err::Incomplete(_) => SyntaxError::ExtraRightParen(input.to_string()),
        })?;
        input = rest;
        let operand = |text| Operand { text, args: None };
        match token {
            None => break,
            Some(Token::Word(w)) => list.push(operand(OperandText::Word(w.to_string()))),
            Some(Token::Quoted(q)) => list.push(operand(OperandText::Quoted(q))),
            Some(Token::Keyword(w)) => {
                open.push((OperandText::Word(w.to_string()), std::mem::take(&mut list)));
            }
            Some(Token::Open) => {
                open.push((OperandText::Word(String::new()), std::mem::take(&mut list)));
            }
            Some(Token::Close(at)) => {
                let Some((text, outer)) = open.pop() else {
                    return Err(SyntaxError::ExtraRightParen(at.to_string()));
                };
                let args = std::mem::replace(&mut list, outer);
                list.push(Operand {
                    text,
                    args: Some(args),
                });
            }
        }
    }
    // End of command: the missing right parentheses are supplied.
    while let Some((text, outer)) = open.pop() {
        let args = std::mem::replace(&mut list, outer);
        list.push(Operand {
            text,
            args: Some(args),
        });
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> OperandText {
        OperandText::Word(s.into())
    }

    #[test]
    fn nested_lists_and_quotes() {
        let p = parse_command("RACDCERT CONNECT(ID(X) LABEL('it''s') RING(Ring.A) DEFAULT) ID(Y)")
            .unwrap();
        assert_eq!(p.verb, "RACDCERT");
        assert_eq!(p.operands.len(), 2);
        let conn = &p.operands[0];
        assert_eq!(conn.text, w("CONNECT"));
        let args = conn.args.as_ref().unwrap();
        assert_eq!(
            args[1].args.as_ref().unwrap()[0].text,
            OperandText::Quoted("it's".into())
        );
        assert_eq!(args[2].args.as_ref().unwrap()[0].as_str(), "Ring.A");
        assert_eq!(args[3].text, w("DEFAULT"));
        assert!(args[3].args.is_none());
    }

    #[test]
    fn blank_before_paren_attaches() {
        let p = parse_command("RACDCERT ADD('A.B') CERTAUTH TRUST WITHLABEL ('IBMSHOPZ')").unwrap();
        let wl = &p.operands[3];
        assert_eq!(wl.as_str(), "WITHLABEL");
        assert_eq!(wl.args.as_ref().unwrap()[0].as_str(), "IBMSHOPZ");
    }

    #[test]
    fn missing_right_parens_supplied() {
        let p = parse_command("racdcert certauth list(label('CICS CA')").unwrap();
        assert_eq!(
            p.operands[1].args.as_ref().unwrap()[0]
                .args
                .as_ref()
                .unwrap()[0]
                .as_str(),
            "CICS CA"
        );
    }

    #[test]
    fn commas_and_blanks_separate() {
        let p = parse_command("SETROPTS RACLIST(DIGTCERT, DIGTRING,DIGTNMAP) REFRESH").unwrap();
        let a = p.operands[0].args.as_ref().unwrap();
        assert_eq!(a.len(), 3);
    }

    #[test]
    fn paren_glued_keyword() {
        let p = parse_command("RACDCERT DELETE (LABEL('Verisign CA'))CERTAUTH").unwrap();
        assert_eq!(p.operands.len(), 2);
        assert_eq!(p.operands[1].as_str(), "CERTAUTH");
    }

    #[test]
    fn unbalanced_quote_is_error() {
        let e = parse_command("RACDCERT LIST(LABEL('>>>provide label of zosmf's root CA<<<'))");
        assert!(matches!(e, Err(SyntaxError::UnbalancedQuote(_))));
    }

    #[test]
    fn extra_paren_is_error() {
        let e = parse_command(
            "RACDCERT CONNECT(SITE) LABEL('x') RING(r) USAGE(PERSONAL) DEFAULT) ID(Z)",
        );
        assert!(matches!(e, Err(SyntaxError::ExtraRightParen(_))));
    }

    #[test]
    fn command_name_even_when_the_rest_is_malformed() {
        assert_eq!(command_name(" ,\tracdcert(LIST('x"), "racdcert");
        assert_eq!(command_name("TOOLONGNAME 'unclosed"), "TOOLONGNAME");
        assert_eq!(command_name("A.B'x'"), "A.B");
        assert_eq!(command_name("(X)"), "");
        assert_eq!(command_name(""), "");
    }

    #[test]
    fn garbage_never_panics() {
        for s in [
            "(",
            ")",
            "'",
            "((((",
            "a(b'c",
            "\u{0}\u{ff}é(",
            "x ( ( ) ) )",
            "",
        ] {
            let _ = parse_command(s);
        }
    }
}

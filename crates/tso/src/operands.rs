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
            OperandText::Quoted(q) => write!(f, "'{}'", q.replace('\'', "''"))?,
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

fn is_delimiter(c: char) -> bool {
    c == ' ' || c == ',' || c == '\t'
}

struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_delimiters(&mut self) {
        while let Some(c) = self.peek() {
            if is_delimiter(c) {
                self.bump();
            } else {
                break;
            }
        }
    }

    fn skip_blanks(&mut self) {
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' {
                self.bump();
            } else {
                break;
            }
        }
    }

    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
}

fn parse_quoted(cur: &mut Cursor<'_>) -> Result<String, SyntaxError> {
    let start = cur.pos;
    cur.bump(); // opening quote
    let mut out = String::new();
    loop {
        match cur.bump() {
            None => return Err(SyntaxError::UnbalancedQuote(cur.s[start..].to_string())),
            Some('\'') => {
                if cur.peek() == Some('\'') {
                    cur.bump();
                    out.push('\'');
                } else {
                    return Ok(out);
                }
            }
            Some(c) => out.push(c),
        }
    }
}

fn parse_word(cur: &mut Cursor<'_>) -> String {
    let start = cur.pos;
    while let Some(c) = cur.peek() {
        if is_delimiter(c) || c == '(' || c == ')' || c == '\'' {
            break;
        }
        cur.bump();
    }
    cur.s[start..cur.pos].to_string()
}

/// Parses operands until the end of input (top level) or a closing parenthesis (nested).
fn parse_list(cur: &mut Cursor<'_>, nested: bool) -> Result<Vec<Operand>, SyntaxError> {
    let mut items = Vec::new();
    loop {
        cur.skip_delimiters();
        let Some(c) = cur.peek() else {
            // End of command: a nested list's missing ')' is supplied.
            return Ok(items);
        };
        match c {
            ')' => {
                if nested {
                    cur.bump();
                    return Ok(items);
                }
                return Err(SyntaxError::ExtraRightParen(cur.rest().to_string()));
            }
            '\'' => {
                let q = parse_quoted(cur)?;
                items.push(Operand {
                    text: OperandText::Quoted(q),
                    args: None,
                });
            }
            '(' => {
                cur.bump();
                let args = parse_list(cur, true)?;
                items.push(Operand {
                    text: OperandText::Word(String::new()),
                    args: Some(args),
                });
            }
            _ => {
                let word = parse_word(cur);
                let save = cur.pos;
                cur.skip_blanks();
                let args = if cur.peek() == Some('(') {
                    cur.bump();
                    Some(parse_list(cur, true)?)
                } else {
                    cur.pos = save;
                    None
                };
                items.push(Operand {
                    text: OperandText::Word(word),
                    args,
                });
            }
        }
    }
}

/// Parses one logical command (comments already blanked out) into verb and operands.
///
/// Never panics; every input gives a command or a [`SyntaxError`].
pub fn parse_command(text: &str) -> Result<ParsedCommand, SyntaxError> {
    let mut cur = Cursor { s: text, pos: 0 };
    cur.skip_delimiters();
    let verb = parse_word(&mut cur);
    if verb.is_empty() {
        return Err(SyntaxError::Empty);
    }
    let operands = parse_list(&mut cur, false)?;
    Ok(ParsedCommand {
        verb: verb.to_ascii_uppercase(),
        operands,
    })
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

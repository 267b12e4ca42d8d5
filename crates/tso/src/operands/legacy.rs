//! The hand-written operand parser that the nom parser replaced, kept only until the
//! equivalence test (tests/nom_equivalence.rs) shows both agree.
#![allow(missing_docs)]

use super::{Operand, OperandText, ParsedCommand, SyntaxError};

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
pub fn parse_command_legacy(text: &str) -> Result<ParsedCommand, SyntaxError> {
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

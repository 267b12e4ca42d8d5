//! The Policy Agent file as a tree of statements: words, `{`, `}`, `"quoted strings"` and `#`
//! comments, each statement with its line number (z/OS Communications Server: IP
//! Configuration Reference, "Policy Agent and policy applications": statements put braces and
//! parameters on separate lines; a parameter is a keyword and its values on one line).

use crate::SyntaxError;
use nom::branch::alt;
use nom::bytes::complete::{take_till1, take_while};
use nom::character::complete::char;
use nom::combinator::{map, value};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

/// One token of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Open,
    Close,
    Word(String),
}

/// Blanks between tokens: any white space, the no-break spaces of text copied from a web page
/// included.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
}

fn word_char(c: char) -> bool {
    !(c.is_whitespace() || c == '{' || c == '}' || c == '#' || c == '"')
}

fn token(i: &str) -> IResult<&str, Tok> {
    alt((
        value(Tok::Open, char('{')),
        value(Tok::Close, char('}')),
        map(
            delimited(char('"'), take_while(|c| c != '"'), char('"')),
            |s: &str| Tok::Word(s.to_string()),
        ),
        map(take_till1(|c| !word_char(c)), |s: &str| {
            Tok::Word(s.to_string())
        }),
    ))
    .parse(i)
}

/// The tokens of one line, its `#` comment dropped.
fn line_tokens(line: &str) -> Result<Vec<Tok>, String> {
    let mut rest = line;
    let mut out = Vec::new();
    loop {
        let (r, _) = take_while::<_, &str, nom::error::Error<&str>>(is_blank)
            .parse(rest)
            .map_err(|e| e.to_string())?;
        rest = r;
        if rest.is_empty() || rest.starts_with('#') {
            return Ok(out);
        }
        match preceded(take_while(is_blank), token).parse(rest) {
            Ok((r, t)) => {
                out.push(t);
                rest = r;
            }
            Err(_) if rest.starts_with('"') => {
                return Err("a quoted string has no closing \"".to_string())
            }
            Err(_) => return Err(format!("unexpected text {rest:?}")),
        }
    }
}

/// A statement or parameter: its keyword, the values after it on its line, and its block when
/// it opens one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub keyword: String,
    pub values: Vec<String>,
    pub line: usize,
    pub block: Option<Vec<Node>>,
}

impl Node {
    fn new(words: Vec<String>, line: usize) -> Option<Node> {
        let mut it = words.into_iter();
        let keyword = it.next()?;
        Some(Node {
            keyword,
            values: it.collect(),
            line,
            block: None,
        })
    }
}

struct Open {
    node: Option<Node>,
    children: Vec<Node>,
}

/// The file's statements as a tree. Every line that cannot be read is an error with its line
/// number; reading goes on after an error, so all of them are reported.
pub(crate) fn tree(text: &str) -> (Vec<Node>, Vec<SyntaxError>) {
    let mut errors = Vec::new();
    let mut stack: Vec<Open> = vec![Open {
        node: None,
        children: Vec::new(),
    }];
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let toks = match line_tokens(raw) {
            Ok(t) => t,
            Err(e) => {
                errors.push(SyntaxError::new(line, e));
                continue;
            }
        };
        let mut words: Vec<String> = Vec::new();
        for t in toks {
            match t {
                Tok::Word(w) => words.push(w),
                Tok::Open => {
                    let header = match Node::new(std::mem::take(&mut words), line) {
                        Some(h) => Some(h),
                        // `{` on its own line opens the statement on the line before it.
                        None => {
                            let top = stack.last_mut().map(|o| &mut o.children);
                            match top.and_then(|c| c.pop()) {
                                Some(prev) if prev.block.is_none() => Some(prev),
                                Some(prev) => {
                                    if let Some(o) = stack.last_mut() {
                                        o.children.push(prev);
                                    }
                                    None
                                }
                                None => None,
                            }
                        }
                    };
                    if header.is_none() {
                        errors.push(SyntaxError::new(
                            line,
                            "{ does not follow a statement name".to_string(),
                        ));
                    }
                    stack.push(Open {
                        node: header,
                        children: Vec::new(),
                    });
                }
                Tok::Close => {
                    if let (Some(node), Some(o)) = (
                        Node::new(std::mem::take(&mut words), line),
                        stack.last_mut(),
                    ) {
                        o.children.push(node);
                    }
                    if stack.len() == 1 {
                        errors.push(SyntaxError::new(line, "} closes no statement".to_string()));
                        continue;
                    }
                    if let Some(open) = stack.pop() {
                        if let (Some(mut node), Some(parent)) = (open.node, stack.last_mut()) {
                            node.block = Some(open.children);
                            parent.children.push(node);
                        }
                    }
                }
            }
        }
        if let (Some(node), Some(o)) = (Node::new(words, line), stack.last_mut()) {
            o.children.push(node);
        }
    }
    while stack.len() > 1 {
        if let Some(open) = stack.pop() {
            let what = open
                .node
                .as_ref()
                .map(|n| {
                    format!(
                        "{}{} (line {})",
                        n.keyword,
                        n.values
                            .first()
                            .map(|v| format!(" {v}"))
                            .unwrap_or_default(),
                        n.line
                    )
                })
                .unwrap_or_else(|| "a block".to_string());
            let last = text.lines().count().max(1);
            errors.push(SyntaxError::new(
                last,
                format!("end of file: {what} has no closing }}"),
            ));
            if let (Some(mut node), Some(parent)) = (open.node, stack.last_mut()) {
                node.block = Some(open.children);
                parent.children.push(node);
            }
        }
    }
    let top = stack.pop().map(|o| o.children).unwrap_or_default();
    (top, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_on_their_own_lines_open_the_statement_before() {
        let (t, e) = tree("TTLSRule R # comment\n{\n  Direction Inbound\n}\n");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].keyword, "TTLSRule");
        assert_eq!(t[0].values, ["R"]);
        let b = t[0].block.as_ref().expect("block");
        assert_eq!(b[0].keyword, "Direction");
        assert_eq!(b[0].line, 3);
    }

    #[test]
    fn quoted_values_keep_blanks_and_errors_have_lines() {
        let (t, e) = tree("CertificateLabel \"my label\"\n}\nKeyring \"open\n");
        assert_eq!(t[0].values, ["my label"]);
        let lines: Vec<usize> = e.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3], "{e:?}");
    }

    #[test]
    fn no_break_spaces_copied_from_a_page_are_blanks() {
        let (t, e) = tree("Keyring\u{a0}start1/TN3270\r\n");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(t[0].values, ["start1/TN3270"]);
    }

    #[test]
    fn unclosed_statements_are_named() {
        let (_, e) = tree("TTLSRule R\n{\nTTLSGroupAction\n{\n");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[1].message.contains("TTLSRule R (line 1)"), "{e:?}");
    }
}

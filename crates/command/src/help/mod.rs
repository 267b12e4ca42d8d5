//! The TSO HELP command (alias H) for the commands racemu supports.
//!
//! `HELP` lists the commands; `HELP name` shows a command's FUNCTION, SYNTAX and OPERANDS
//! sections in the layout of TSO's HELP members (`)F FUNCTION -`, `)X SYNTAX -`,
//! `)O OPERANDS -`, `))keyword` entries); `HELP name FUNCTION`, `SYNTAX`, `OPERANDS` and
//! `OPERANDS(op …)` narrow it, `ALL` shows everything. The text is racemu's own, kept as data
//! in [`racdcert`], [`racf`] and [`tso`]. Syntax of HELP itself: z/OS Security Server RACF
//! Command Language Reference, HELP (<https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha400/help.htm>).

mod datasets;
mod racdcert;
mod racf;
mod tso;

use crate::operand::{keyword_of, ParseFailure};
use racemu_tso::keywords::{resolve_keyword, KeywordMatch};
use racemu_tso::operands::{Operand, OperandText};

/// One operand's help entry: the keyword (as HELP OPERANDS(x) finds it), how it is written,
/// and its description lines.
#[derive(Debug, Clone, Copy)]
pub struct OperandHelp {
    /// The keyword, upper case (`GENCERT`, `SUBJECTSDN`).
    pub keyword: &'static str,
    /// How the operand is written in the entry's first line (`GENCERT('request-dsn')`).
    pub shown: &'static str,
    /// Description lines.
    pub text: &'static [&'static str],
}

/// Help for one command.
#[derive(Debug)]
pub struct CommandHelp {
    /// The command name.
    pub name: &'static str,
    /// Its aliases.
    pub aliases: &'static [&'static str],
    /// The group the command is listed under by `HELP` with no operands.
    pub group: &'static str,
    /// One line for the command list.
    pub summary: &'static str,
    /// FUNCTION section lines.
    pub function: &'static [&'static str],
    /// SYNTAX section lines (already indented as they should appear).
    pub syntax: &'static [&'static str],
    /// OPERANDS section entries.
    pub operands: &'static [OperandHelp],
}

/// Every command racemu supports, in the order `HELP` lists them.
pub fn commands() -> impl Iterator<Item = &'static CommandHelp> {
    racdcert::HELP
        .iter()
        .chain(racf::HELP.iter())
        .chain(datasets::HELP.iter())
        .chain(tso::HELP.iter())
}

/// The help entry for a command name or alias (any case).
pub fn lookup(name: &str) -> Option<&'static CommandHelp> {
    let up = name.to_ascii_uppercase();
    commands().find(|c| c.name == up || c.aliases.contains(&up.as_str()))
}

/// A HELP command as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HelpRequest {
    /// The command asked about (upper case); `None` lists the commands.
    pub command: Option<String>,
    /// FUNCTION was given.
    pub function: bool,
    /// SYNTAX was given.
    pub syntax: bool,
    /// OPERANDS was given; the named operands, upper case (empty: all of them).
    pub operands: Option<Vec<String>>,
    /// ALL was given.
    pub all: bool,
}

/// Parses HELP's operands: `[command-name] [ALL] [FUNCTION] [SYNTAX] [OPERANDS[(op …)]]`.
pub fn parse(ops: &[Operand]) -> Result<HelpRequest, ParseFailure> {
    let mut req = HelpRequest::default();
    let mut rest = ops;
    if let Some(first) = ops.first() {
        let keyword = keyword_of(first, &["ALL", "FUNCTION", "SYNTAX", "OPERANDS"])?;
        if keyword.is_none() && first.args.is_none() {
            if let OperandText::Word(w) = &first.text {
                req.command = Some(w.to_ascii_uppercase());
                rest = &ops[1..];
            }
        }
    }
    for op in rest {
        match keyword_of(op, &["ALL", "FUNCTION", "SYNTAX", "OPERANDS"])? {
            Some("ALL") => req.all = true,
            Some("FUNCTION") => req.function = true,
            Some("SYNTAX") => req.syntax = true,
            Some("OPERANDS") => {
                let names = op
                    .args
                    .as_deref()
                    .unwrap_or(&[])
                    .iter()
                    .map(|a| a.as_str().to_ascii_uppercase())
                    .filter(|s| !s.is_empty())
                    .collect();
                req.operands = Some(names);
            }
            _ => return Err(ParseFailure::invalid_keyword(&op.to_string())),
        }
    }
    Ok(req)
}

/// What HELP printed: its lines, return code and racemu's hints.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HelpOutput {
    /// SYSTSPRT lines.
    pub lines: Vec<String>,
    /// Return code.
    pub rc: u32,
    /// RCMnnnI notes for the job log.
    pub hints: Vec<String>,
}

/// Produces HELP's output for a request.
///
/// A command racemu does not know gives `IKJ56800I HELP NOT AVAILABLE FOR name` and RC 12
/// (racemu's choice; see docs/fidelity.md).
pub fn render(req: &HelpRequest) -> HelpOutput {
    let Some(name) = &req.command else {
        return HelpOutput {
            lines: command_list(),
            ..HelpOutput::default()
        };
    };
    let Some(help) = lookup(name) else {
        let names: Vec<&str> = commands().map(|c| c.name).collect();
        let out = HelpOutput {
            lines: vec![crate::messages::help_not_available(name)],
            rc: 12,
            hints: crate::verb::not_found(name, &names).hints,
        };
        return out;
    };
    let everything = req.all || !(req.function || req.syntax || req.operands.is_some());
    let mut out = HelpOutput::default();
    if everything || req.function {
        out.lines.push("FUNCTION -".into());
        out.lines
            .extend(fill(help.function, WIDTH - 2).iter().map(|l| indent(l)));
    }
    if everything || req.syntax {
        out.lines.push("SYNTAX -".into());
        out.lines.extend(help.syntax.iter().map(|l| indent(l)));
    }
    let wanted = req.operands.clone().unwrap_or_default();
    if everything || req.operands.is_some() {
        out.lines.push("OPERANDS -".into());
        let keywords: Vec<&str> = help.operands.iter().map(|o| o.keyword).collect();
        let mut chosen: Vec<&OperandHelp> = Vec::new();
        for w in &wanted {
            match resolve_keyword(w, &keywords) {
                KeywordMatch::Found(k) => {
                    if let Some(o) = help.operands.iter().find(|o| o.keyword == k) {
                        if !chosen.iter().any(|c| c.keyword == k) {
                            chosen.push(o);
                        }
                    }
                }
                _ => out.hints.push(crate::messages::rcm111i(w, help.name)),
            }
        }
        if wanted.is_empty() {
            chosen = help.operands.iter().collect();
            if chosen.is_empty() {
                out.lines
                    .push(format!("  {} has no operands racemu uses.", help.name));
            }
        }
        for o in chosen {
            operand_lines(o, &mut out.lines);
        }
    }
    out
}

fn indent(line: &str) -> String {
    if line.is_empty() {
        String::new()
    } else {
        format!("  {line}")
    }
}

/// The widest line HELP prints (a 3270 screen is 80 columns).
const WIDTH: usize = 80;

/// Fills `text` (paragraphs separated by empty lines) into lines of at most `width`
/// characters; a word longer than that stands alone.
fn fill(text: &[&str], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split(|l| l.is_empty()) {
        if !out.is_empty() {
            out.push(String::new());
        }
        let mut line = String::new();
        for word in para.iter().flat_map(|l| l.split_whitespace()) {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out
}

/// One operand entry: `  KEYWORD - text` with continuation lines aligned under the text,
/// or, when the operand's written form is long, `  KEYWORD -` alone and the text below it.
fn operand_lines(o: &OperandHelp, lines: &mut Vec<String>) {
    let (mut lead, pad) = if o.shown.len() <= 16 {
        let lead = format!("  {:<16} - ", o.shown);
        let pad = " ".repeat(lead.len());
        (Some(lead), pad)
    } else {
        lines.push(format!("  {} -", o.shown));
        (None, " ".repeat(6))
    };
    for t in fill(o.text, WIDTH - pad.len()) {
        match lead.take() {
            Some(l) => lines.push(format!("{l}{t}")),
            None if t.is_empty() => lines.push(String::new()),
            None => lines.push(format!("{pad}{t}")),
        }
    }
}

fn command_list() -> Vec<String> {
    let mut lines = Vec::new();
    let mut group = "";
    for c in commands() {
        if c.group != group {
            group = c.group;
            lines.push(format!("{group}:"));
        }
        let name = if c.aliases.is_empty() {
            c.name.to_string()
        } else {
            format!("{} ({})", c.name, c.aliases.join(", "))
        };
        lines.push(format!("  {name:<16} {}", c.summary));
    }
    lines.push("Enter HELP and a command name for its function, syntax and operands.".into());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_supported_verb_has_help() {
        for v in crate::VERBS.iter() {
            assert!(lookup(v).is_some(), "{v}");
        }
        assert!(lookup("H").is_some());
        for c in commands() {
            assert!(!c.function.is_empty() && !c.syntax.is_empty(), "{}", c.name);
        }
    }

    #[test]
    fn every_line_fits_a_terminal() {
        let mut reqs = vec![HelpRequest::default()];
        for c in commands() {
            reqs.push(HelpRequest {
                command: Some(c.name.to_string()),
                ..HelpRequest::default()
            });
        }
        for r in &reqs {
            let out = render(r);
            assert_eq!(out.rc, 0);
            for l in &out.lines {
                assert!(l.chars().count() <= 80, "{} chars: {l}", l.len());
            }
        }
    }
}

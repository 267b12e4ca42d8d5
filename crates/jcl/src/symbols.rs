//! JCL symbols: `&NAME` and `&NAME.` (a period ends the symbol and is consumed; `..` leaves
//! one period). `&&` starts a temporary data set name, never a symbol. A reference is read by
//! a nom 8 parser.

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, satisfy};
use nom::combinator::{opt, recognize};
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};
use std::collections::BTreeMap;

/// System symbols available with SYMBOLS=EXECSYS/CNVTSYS (racemu's emulated system).
pub(crate) fn system_symbols() -> BTreeMap<String, String> {
    [
        ("SYSNAME", "RACEMU"),
        ("SYSCLONE", "RE"),
        ("SYSPLEX", "RACEMUPX"),
        ("SYSUID", ""),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn is_sym_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '@' | '#' | '$' | '_')
}

/// A symbol reference at the start of `i`: `&`, a name of one to eight characters (the first a
/// letter, `@`, `#` or `$`), and an optional period that ends it. Gives the name, upper-cased.
fn reference(i: &str) -> IResult<&str, String> {
    terminated(
        preceded(
            char('&'),
            recognize(pair(
                satisfy(|c| c.is_ascii_alphabetic() || matches!(c, '@' | '#' | '$')),
                take_while_m_n(0, 7, is_sym_char),
            )),
        ),
        opt(char('.')),
    )
    .map(str::to_ascii_uppercase)
    .parse(i)
}

/// Finds the next symbol reference at or after byte `from`: (start, end, name) where `end` is
/// past the optional terminating period. `&&` (a temporary data set name) is skipped whole.
fn next_symbol(s: &str, from: usize) -> Option<(usize, usize, String)> {
    let mut i = from;
    while let Some(at) = s.get(i..)?.find('&') {
        let start = i + at;
        let here = &s[start..];
        if here.starts_with("&&") {
            i = start + 2;
            continue;
        }
        if let Ok((rest, name)) = reference(here) {
            return Some((start, s.len() - rest.len(), name));
        }
        i = start + 1;
    }
    None
}

/// Substitutes symbols in a JCL statement's operand text. Undefined symbols stay as written.
pub(crate) fn substitute_statement(text: &str, symbols: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    while let Some((start, end, name)) = next_symbol(text, pos) {
        out.push_str(&text[pos..start]);
        match symbols.get(&name) {
            Some(v) => out.push_str(v),
            None => out.push_str(&text[start..end]),
        }
        pos = end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Substitutes symbols in an in-stream record, keeping columns where a value is shorter than
/// its reference: the characters up to the next blank move left and that blank run widens
/// by the difference (inferred from real SYSTSPRT captures, docs/sources.md). A longer value
/// pushes the rest of the record right. Returns the record and the names of undefined symbols.
pub(crate) fn substitute_instream(
    record: &str,
    symbols: &BTreeMap<String, String>,
) -> (String, Vec<String>) {
    let mut cur = record.to_string();
    let mut pos = 0;
    let mut undefined = Vec::new();
    while let Some((start, end, name)) = next_symbol(&cur, pos) {
        let Some(value) = symbols.get(&name) else {
            undefined.push(name);
            pos = end;
            continue;
        };
        let removed = end - start;
        let mut next = String::with_capacity(cur.len() + value.len());
        next.push_str(&cur[..start]);
        next.push_str(value);
        let rest = &cur[end..];
        if value.len() < removed {
            let pad = removed - value.len();
            // Find the next blank in the rest: widen it by `pad`.
            match rest.find(' ') {
                Some(b) => {
                    next.push_str(&rest[..b]);
                    next.push_str(&" ".repeat(pad));
                    next.push_str(&rest[b..]);
                }
                None => next.push_str(rest),
            }
        } else {
            next.push_str(rest);
        }
        pos = start + value.len();
        cur = next;
    }
    (cur, undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syms() -> BTreeMap<String, String> {
        [
            ("ZOWEUSER", "ZWESVUSR"),
            ("ZOWERING", "ZoweKeyring"),
            ("IPADDRES", ""),
            ("LOCALCA", "localca"),
        ]
        .into_iter()
        .map(|(k, v)| (k.into(), v.into()))
        .collect()
    }

    #[test]
    fn shorter_value_keeps_columns() {
        let (r, _) = substitute_instream("   RACDCERT CONNECT(ID(&ZOWEUSER.) +", &syms());
        assert_eq!(r, "   RACDCERT CONNECT(ID(ZWESVUSR)   +");
    }

    #[test]
    fn double_dot() {
        let (r, _) = substitute_instream(
            "   RDEFINE RDATALIB &ZOWEUSER..&ZOWERING..LST UACC(NONE)",
            &syms(),
        );
        assert!(
            r.starts_with("   RDEFINE RDATALIB ZWESVUSR.ZoweKeyring.LST "),
            "{r}"
        );
        assert!(r.ends_with(" UACC(NONE)"));
    }

    #[test]
    fn empty_value_and_no_period() {
        let (r, _) = substitute_instream("ALTNAME(IP(&IPADDRES) +", &syms());
        assert!(r.starts_with("ALTNAME(IP() "));
        let (r, _) = substitute_instream("WITHLABEL('&LOCALCA') +", &syms());
        assert!(r.starts_with("WITHLABEL('localca') "));
    }

    #[test]
    fn a_name_stops_after_eight_characters() {
        let mut s = syms();
        s.insert("LONGNAME".into(), "v".into());
        assert_eq!(substitute_statement("&LONGNAMEX &1A &_A", &s), "vX &1A &_A");
    }

    #[test]
    fn temporary_dsn_is_not_a_symbol() {
        assert_eq!(substitute_statement("DSN=&&TEMP", &syms()), "DSN=&&TEMP");
    }
}

//! JCL symbols: `&NAME` and `&NAME.` (a period ends the symbol and is consumed; `..` leaves
//! one period). `&&` starts a temporary data set name, never a symbol.

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

fn is_sym_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'@' | b'#' | b'$' | b'_')
}

/// Finds the next symbol reference at or after `from`: (start, end, name) where `end` is
/// past the optional terminating period.
fn next_symbol(s: &[u8], from: usize) -> Option<(usize, usize, String)> {
    let mut i = from;
    while i < s.len() {
        if s[i] == b'&' {
            if s.get(i + 1) == Some(&b'&') {
                i += 2;
                continue;
            }
            let start = i;
            let mut j = i + 1;
            while j < s.len() && is_sym_char(s[j]) && j - start <= 8 {
                j += 1;
            }
            if j > start + 1
                && (s[start + 1].is_ascii_alphabetic()
                    || matches!(s[start + 1], b'@' | b'#' | b'$'))
            {
                let name = String::from_utf8_lossy(&s[start + 1..j]).to_ascii_uppercase();
                let end = if s.get(j) == Some(&b'.') { j + 1 } else { j };
                return Some((start, end, name));
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// Substitutes symbols in a JCL statement's operand text. Undefined symbols stay as written.
pub(crate) fn substitute_statement(text: &str, symbols: &BTreeMap<String, String>) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    while let Some((start, end, name)) = next_symbol(bytes, pos) {
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
    while let Some((start, end, name)) = next_symbol(cur.as_bytes(), pos) {
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

#[cfg(any())]
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
    fn temporary_dsn_is_not_a_symbol() {
        assert_eq!(substitute_statement("DSN=&&TEMP", &syms()), "DSN=&&TEMP");
    }
}

//! DD statements and in-stream data: what a DD describes, its records up to the delimiter,
//! and records with no DD in front of them.

use super::Reader;
use crate::fields::card;
use crate::instream::Delimiter;
use crate::messages;
use crate::operands::Operands;
use crate::statement::Statement;
use crate::symbols::substitute_instream;
use crate::{Dd, DdKind, SymbolMode};

impl Reader<'_> {
    /// Records at line `self.i` with no DD in front of them: JES makes them `//SYSIN DD *` of
    /// the current step (IEFC011I when there is none); RCM304W when they follow an in-stream
    /// delimiter in a TSO step. Leaves `self.i` after them.
    pub(super) fn unlabelled_data(&mut self) {
        let first_data = self.i;
        let after_delimiter = self.after_delimiter;
        let Some(step) = self.current.as_mut() else {
            self.warnings
                .push(messages::instream_without_step(self.i + 1));
            self.i += 1;
            return;
        };
        let mut records = Vec::new();
        while self.i < self.lines.len() {
            let l = card(self.lines[self.i]);
            if l.starts_with("//") || l.starts_with("/*") {
                break;
            }
            records.push(l.to_string());
            self.i += 1;
        }
        if let Some(d) = after_delimiter.filter(|_| {
            step.program
                .as_deref()
                .is_some_and(|p| p.starts_with("IKJEFT"))
        }) {
            self.warnings
                .push(messages::records_after_delimiter(first_data + 1, self.i, d));
        }
        if self.i < self.lines.len() && card(self.lines[self.i]).starts_with("/*") {
            self.i += 1;
        }
        step.dds.push(Dd {
            name: Some("SYSIN".into()),
            kind: DdKind::InStream {
                records,
                symbols: SymbolMode::None,
            },
            params: Vec::new(),
        });
    }

    /// The DD statement `st` with its operands, and its in-stream records from line `self.i`
    /// on; IEFC019I when no step precedes it. Leaves `self.i` after its data and delimiter.
    pub(super) fn dd(&mut self, st: &Statement, ops: &Operands) {
        let first = ops
            .positional()
            .next()
            .map(|p| p.written().trim().to_ascii_uppercase());
        let symbols = match ops.keyword("SYMBOLS").and_then(|v| v.items().first()) {
            Some(v) => symbol_mode(&v.written().trim().to_ascii_uppercase()),
            None => SymbolMode::None,
        };
        let kind = if let Some(delimiter) = Delimiter::of_dd(ops) {
            let records = self.instream(&delimiter, symbols);
            if self.i < self.lines.len() && delimiter.is_delimiter(card(self.lines[self.i])) {
                self.i += 1;
                self.after_delimiter = Some(self.i);
            }
            DdKind::InStream { records, symbols }
        } else if first.as_deref() == Some("DUMMY") {
            DdKind::Dummy
        } else {
            described(ops)
        };
        let dd = Dd {
            name: Some(st.name.to_ascii_uppercase()).filter(|n| !n.is_empty()),
            kind,
            params: ops
                .keywords()
                .map(|(k, v)| (k.to_string(), v.written().to_string()))
                .collect(),
        };
        match self.current.as_mut() {
            Some(step) => step.dds.push(dd),
            None => self.warnings.push(messages::misplaced_dd(st.line + 1)),
        }
    }

    /// The in-stream records from line `self.i` up to (not including) the card that ends
    /// them. Symbols are substituted per `symbols` (IEFC657I once for each undefined one).
    /// Leaves `self.i` at that card.
    fn instream(&mut self, delimiter: &Delimiter, symbols: SymbolMode) -> Vec<String> {
        let subst = self.instream_symbols(symbols);
        let mut records = Vec::new();
        while self.i < self.lines.len() {
            let l = card(self.lines[self.i]);
            if delimiter.ends(l) {
                break;
            }
            let rec = if symbols == SymbolMode::None {
                l.to_string()
            } else {
                let (s, undefined) = substitute_instream(l, &subst);
                for u in undefined {
                    let w = messages::symbol_not_used(&u);
                    if !self.warnings.contains(&w) {
                        self.warnings.push(w);
                    }
                }
                s
            };
            records.push(rec);
            self.i += 1;
        }
        records
    }
}

/// `SYMBOLS=`'s first subparameter as a substitution mode.
fn symbol_mode(first: &str) -> SymbolMode {
    if first.starts_with("JCLONLY") {
        SymbolMode::JclOnly
    } else if first.starts_with("EXECSYS") || first.starts_with("CNVTSYS") {
        SymbolMode::System
    } else {
        SymbolMode::None
    }
}

/// What a DD that is neither in-stream nor DUMMY describes: `SYSOUT=`, `DDNAME=`, or
/// `DSN=` (`NULLFILE` is DUMMY) with its DISP.
fn described(ops: &Operands) -> DdKind {
    if let Some(s) = ops.keyword("SYSOUT") {
        DdKind::Sysout(s.written().to_string())
    } else if let Some(d) = ops.keyword("DDNAME") {
        DdKind::DdnameRef(d.written().trim().to_ascii_uppercase())
    } else if let Some(d) = ops.keyword("DSN").or_else(|| ops.keyword("DSNAME")) {
        let dsn = d.text().to_ascii_uppercase();
        if dsn == "NULLFILE" {
            DdKind::Dummy
        } else {
            DdKind::Dataset {
                dsn,
                disp: ops
                    .keyword("DISP")
                    .map(|v| v.item_texts())
                    .unwrap_or_default(),
            }
        }
    } else {
        DdKind::Other
    }
}

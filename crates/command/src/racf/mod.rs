//! The RACF commands key-ring decks use around RACDCERT: SETROPTS, RDEFINE/RALTER, RDELETE,
//! PERMIT, RLIST, ADDSD/ALTDSD/DELDSD/LISTDSD/SEARCH, ADDUSER/ALTUSER/LISTUSER/DELUSER, ADDGROUP, CONNECT and LISTGRP.
//!
//! Positional operands (class, profile names, user IDs) come first, as TSO parse takes them;
//! profile names and user IDs are folded to upper case.

mod datasets;
mod groups;
mod resources;
mod setropts;
mod users;

pub use datasets::*;
pub use groups::*;
pub use resources::*;
pub use setropts::*;
pub use users::*;

use crate::operand::{checked_user_id, list_values, text_value, ParseFailure};
use racemu_tso::operands::{Operand, OperandText};

/// An operand's list of names, upper case.
pub(crate) fn classes(op: &Operand) -> Vec<String> {
    list_values(op)
        .into_iter()
        .map(|s| s.to_ascii_uppercase())
        .collect()
}

pub(crate) fn is_quoted(op: &Operand) -> bool {
    matches!(op.text, OperandText::Quoted(_))
}

/// The positional operands: first `n` operands that are not recognised as keywords with
/// arguments; a positional may carry a parenthesised list of names.
pub(crate) fn positionals(ops: &[Operand], n: usize) -> (Vec<Vec<String>>, &[Operand]) {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut i = 0;
    while i < ops.len() && out.len() < n {
        let op = &ops[i];
        let mut names = Vec::new();
        if !op.as_str().is_empty() {
            names.push(op.as_str().to_ascii_uppercase());
        }
        if let Some(args) = &op.args {
            let inner: Vec<String> = args
                .iter()
                .map(|a| a.as_str().to_ascii_uppercase())
                .collect();
            if op.as_str().is_empty() {
                names = inner;
            } else if out.len() + 1 < n {
                // `CLASS (P1 P2)`: the list is the next positional.
                out.push(names);
                names = inner;
            } else {
                names.extend(inner);
            }
        }
        out.push(names);
        i += 1;
    }
    (out, &ops[i..])
}

pub(crate) fn string_value(op: &Operand, what: &str) -> Result<String, ParseFailure> {
    let v = text_value(op, what)?;
    let inner = op.args.as_deref().and_then(|a| a.first());
    Ok(match inner {
        Some(o) if is_quoted(o) => v,
        _ => v.to_ascii_uppercase(),
    })
}

/// The first positional's names as user IDs or group names (1 to 8 characters).
pub(crate) fn user_ids(pos: &[Vec<String>]) -> Result<Vec<String>, ParseFailure> {
    let ids = pos.first().cloned().unwrap_or_default();
    for id in &ids {
        checked_user_id(id)?;
    }
    Ok(ids)
}

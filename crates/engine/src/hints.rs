//! racemu's hints on commands pasted or typed with common mistakes (RCMnnnI/W lines).
//!
//! Hints never change what a command does or prints in SYSTSPRT; they go to the job log or
//! standard error through [`crate::Output::hints`].
//!
//! * RCM113I — IRRD107I for a label that the owner has in another case (labels are
//!   case-sensitive).
//! * RCM114I — IRRD107I for an unquoted label: TSO folded it to upper case, and the owner has
//!   it as typed.
//! * RCM115W — the command holds typographic quotes (U+2018, U+2019, U+201C, U+201D), which
//!   TSO does not take for apostrophes.
//! * RCM121I — a keyword given more than once with different values in one operand list
//!   (`ALTNAME(DOMAIN('a') DOMAIN('b'))`): TSO parse keeps the last, the others are ignored.

use crate::messages::hints as m;
use racemu_command::{Connect, Function, Racdcert, Remove};
use racemu_racf::Owner;
use racemu_store::{certs, Tx};
use racemu_tso::operands::{parse_command, Operand, OperandText};

/// The typographic quotes that web pages put where an apostrophe was meant.
const TYPOGRAPHIC_QUOTES: &[char] = &['\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}'];

/// RCM115W when `text` holds typographic quotes.
pub(crate) fn typographic_quotes(text: &str) -> Option<String> {
    let found: String = TYPOGRAPHIC_QUOTES
        .iter()
        .filter(|q| text.contains(**q))
        .collect();
    (!found.is_empty()).then(|| m::rcm115w(&found).line())
}

/// RCM121I for every keyword that `text` gives more than once, with different values, in the
/// same operand list: the value kept (the last) and the values ignored. Keywords are compared
/// by their name as typed (upper case), so an abbreviation next to the full name is not seen.
pub(crate) fn repeated_operands(text: &str) -> Vec<String> {
    let Ok(parsed) = parse_command(text) else {
        return Vec::new();
    };
    let mut hints = Vec::new();
    // (list, the keyword the list belongs to); walked without recursion.
    let mut lists: Vec<(&[Operand], String)> = vec![(&parsed.operands, parsed.verb.clone())];
    while let Some((ops, owner)) = lists.pop() {
        let mut seen: Vec<String> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            let Some(args) = &op.args else {
                continue;
            };
            let OperandText::Word(w) = &op.text else {
                continue;
            };
            lists.push((args, w.to_ascii_uppercase()));
            let name = w.to_ascii_uppercase();
            if w.is_empty() || seen.contains(&name) {
                continue;
            }
            seen.push(name.clone());
            let same: Vec<&Operand> = ops[i..]
                .iter()
                .filter(|o| o.args.is_some())
                .filter(|o| matches!(&o.text, OperandText::Word(x) if x.eq_ignore_ascii_case(w)))
                .collect();
            let Some((kept, earlier)) = same.split_last() else {
                continue;
            };
            let ignored: Vec<String> = earlier
                .iter()
                .filter(|o| o.to_string() != kept.to_string())
                .map(|o| o.to_string())
                .collect();
            if !ignored.is_empty() {
                hints.push(m::rcm121i(&name, &owner, &kept.to_string(), &ignored).line());
            }
        }
    }
    hints
}

/// The owners whose certificates a RACDCERT command may have looked a label up in: the
/// command's owner (or the issuer), owners named inside CONNECT / REMOVE / SIGNWITH, CERTAUTH
/// and SITE.
fn owners(cmd: &Racdcert, issuer: &str) -> Vec<Owner> {
    let mut v = vec![cmd
        .owner
        .clone()
        .unwrap_or_else(|| Owner::User(issuer.to_string()))];
    match &cmd.function {
        Function::Connect(Connect {
            cert_owner: Some(o),
            ..
        })
        | Function::Remove(Remove {
            cert_owner: Some(o),
            ..
        }) => v.push(o.clone()),
        _ => {}
    }
    v.push(Owner::CertAuth);
    v.push(Owner::Site);
    let mut seen = Vec::new();
    v.retain(|o| {
        let new = !seen.contains(o);
        seen.push(o.clone());
        new
    });
    v
}

/// RCM113I / RCM114I for a RACDCERT command that ended with IRRD107I: labels it named that
/// exist only in another case, or (unquoted) only as typed.
/// The labels come from the typed command ([`Racdcert::labels`]), as the user typed them.
pub(crate) fn label_case(tx: &Tx<'_>, cmd: &Racdcert, issuer: &str) -> Vec<String> {
    let owners = owners(cmd, issuer);
    let mut hints = Vec::new();
    for label in &cmd.labels {
        let (typed, quoted, effective) = (&label.typed, label.quoted, label.effective());
        let mut found: Vec<(Owner, String)> = Vec::new();
        for o in &owners {
            let labels = certs::labels(tx, o).unwrap_or_default();
            if labels.contains(&effective) {
                found.clear();
                break;
            }
            if let Some(l) = labels.iter().find(|l| l.eq_ignore_ascii_case(&effective)) {
                found.push((o.clone(), l.clone()));
            }
        }
        for (o, l) in found {
            let owner = crate::lookup::owner_text(&o);
            hints.push(
                if !quoted && l == *typed {
                    m::rcm114i(typed, &effective, &owner)
                } else {
                    m::rcm113i(&owner, &effective, &l)
                }
                .line(),
            );
        }
    }
    hints
}

//! Typed commands for racemu, built from TSO operand trees.
//!
//! The parser knows syntax only: no store, no I/O. Every input gives either a [`Command`] or a
//! [`ParseFailure`] carrying the exact TSO/RACF messages a real system prints (IKJ56500I,
//! IKJ56701I, IKJ56702I, IKJ56712I …) and the return code.
#![deny(missing_docs)]

mod operand;
pub mod racdcert;
pub mod racf;

pub use operand::{DsnOperand, ParseFailure};
pub use racdcert::*;
pub use racf::*;

use racemu_tso::operands::{parse_command as tso_parse, SyntaxError};

/// A command racemu can run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// RACDCERT with its owner and function.
    Racdcert(Racdcert),
    /// SETROPTS (alias SETR).
    Setropts(Setropts),
    /// RDEFINE (alias RDEF).
    Rdefine(Rdefine),
    /// RALTER (alias RALT).
    Ralter(Rdefine),
    /// RDELETE (alias RDEL).
    Rdelete(Rdelete),
    /// PERMIT (alias PE).
    Permit(Permit),
    /// RLIST (alias RL).
    Rlist(Rlist),
    /// ADDUSER (alias AU).
    AddUser(UserSpec),
    /// ALTUSER (alias ALU).
    AltUser(UserSpec),
    /// LISTUSER (alias LU).
    ListUser(Vec<String>),
    /// DELUSER (alias DU).
    DelUser(Vec<String>),
    /// ADDGROUP (alias AG).
    AddGroup(GroupSpec),
    /// RACF CONNECT (alias CO): a user to a group.
    ConnectGroup(GroupConnect),
    /// LISTGRP (alias LG): group names, `*` for all, none for the issuer's default group.
    ListGroup(Vec<String>),
    /// TSO PROFILE: accepted, RC 0.
    Profile,
    /// TSO END / LOGOFF: ends the session.
    Logoff,
}

/// Verbs and their aliases, for messages and completion.
pub const VERBS: &[&str] = &[
    "RACDCERT", "SETROPTS", "SETR", "RDEFINE", "RDEF", "RALTER", "RALT", "RDELETE", "RDEL",
    "PERMIT", "PE", "RLIST", "RL", "ADDUSER", "AU", "ALTUSER", "ALU", "LISTUSER", "LU", "DELUSER",
    "DU", "ADDGROUP", "AG", "CONNECT", "CO", "LISTGRP", "LG", "PROFILE", "PROF", "END", "LOGOFF",
];

/// Parses one logical command (comments already blanked out).
///
/// Never panics. An unknown verb gives `IKJ56500I COMMAND xxx NOT FOUND` with RC 12.
pub fn parse(text: &str) -> Result<Command, ParseFailure> {
    let parsed = match tso_parse(text) {
        Ok(p) => p,
        Err(SyntaxError::Empty) => {
            let verb = text
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            return Err(ParseFailure::new(
                vec![format!("IKJ56500I COMMAND {verb} NOT FOUND")],
                12,
            ));
        }
        Err(e) => return Err(ParseFailure::syntax(e)),
    };
    let ops = &parsed.operands;
    match parsed.verb.as_str() {
        "RACDCERT" => racdcert::parse(ops).map(Command::Racdcert),
        "SETROPTS" | "SETR" => racf::parse_setropts(ops).map(Command::Setropts),
        "RDEFINE" | "RDEF" => racf::parse_rdefine(ops, false).map(Command::Rdefine),
        "RALTER" | "RALT" => racf::parse_rdefine(ops, true).map(Command::Ralter),
        "RDELETE" | "RDEL" => racf::parse_rdelete(ops).map(Command::Rdelete),
        "PERMIT" | "PE" => racf::parse_permit(ops).map(Command::Permit),
        "RLIST" | "RL" => racf::parse_rlist(ops).map(Command::Rlist),
        "ADDUSER" | "AU" => racf::parse_user(ops, false).map(Command::AddUser),
        "ALTUSER" | "ALU" => racf::parse_user(ops, true).map(Command::AltUser),
        "LISTUSER" | "LU" => racf::parse_user_list(ops, "LISTUSER").map(Command::ListUser),
        "DELUSER" | "DU" => racf::parse_user_list(ops, "DELUSER").map(Command::DelUser),
        "ADDGROUP" | "AG" => racf::parse_group(ops).map(Command::AddGroup),
        "CONNECT" | "CO" => racf::parse_connect_group(ops).map(Command::ConnectGroup),
        "LISTGRP" | "LG" => racf::parse_listgrp(ops).map(Command::ListGroup),
        "PROFILE" | "PROF" => Ok(Command::Profile),
        "END" | "LOGOFF" => Ok(Command::Logoff),
        v => {
            let shown: String = v.chars().take(8).collect();
            Err(ParseFailure::new(
                vec![format!("IKJ56500I COMMAND {shown} NOT FOUND")],
                12,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_verb() {
        let e = parse("FOO BAR").unwrap_err();
        assert_eq!(e.messages, ["IKJ56500I COMMAND FOO NOT FOUND"]);
        assert_eq!(e.rc, 12);
    }

    #[test]
    fn aliases() {
        assert!(matches!(
            parse("setr raclist(digtcert) refr"),
            Ok(Command::Setropts(_))
        ));
        assert!(matches!(parse("PROFILE"), Ok(Command::Profile)));
        assert!(matches!(parse("logoff"), Ok(Command::Logoff)));
    }
}

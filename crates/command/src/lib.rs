//! Typed commands for racemu, built from TSO operand trees.
//!
//! The parser knows syntax only: no store, no I/O. Every input gives either a [`Command`] or a
//! [`ParseFailure`] carrying the exact TSO/RACF messages a real system prints (IKJ56500I,
//! IKJ56701I, IKJ56702I, IKJ56712I …) and the return code.
#![deny(missing_docs)]

pub mod help;
mod operand;
pub mod racdcert;
pub mod racf;
mod values;
pub mod verb;

pub use operand::{is_valid_user_id, DsnOperand, ParseFailure};
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
    /// ADDSD (alias AD).
    AddSd(DsProfileSpec),
    /// ALTDSD (alias ALD).
    AltDsd(DsProfileSpec),
    /// DELDSD (alias DD).
    DelDsd(Deldsd),
    /// LISTDSD (alias LD).
    ListDsd(Listdsd),
    /// SEARCH (alias SR).
    Search(Search),
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
    /// TSO HELP (alias H).
    Help(help::HelpRequest),
    /// TSO END / LOGOFF: ends the session.
    Logoff,
}

/// Verbs and their aliases, for messages and completion.
pub const VERBS: &[&str] = &[
    "RACDCERT", "SETROPTS", "SETR", "RDEFINE", "RDEF", "RALTER", "RALT", "RDELETE", "RDEL",
    "PERMIT", "PE", "RLIST", "RL", "ADDSD", "AD", "ALTDSD", "ALD", "DELDSD", "DD", "LISTDSD", "LD",
    "SEARCH", "SR", "ADDUSER", "AU", "ALTUSER", "ALU", "LISTUSER", "LU", "DELUSER", "DU",
    "ADDGROUP", "AG", "CONNECT", "CO", "LISTGRP", "LG", "PROFILE", "PROF", "END", "LOGOFF", "HELP",
    "H",
];

/// Parses one logical command (comments already blanked out).
///
/// Never panics. A command name that breaks TSO's syntax (more than eight characters, a
/// first character that is not alphabetic or national, other characters that are not
/// alphanumeric or national) gives `IKJ56621I INVALID COMMAND NAME SYNTAX`; an unknown but
/// well-formed name gives `IKJ56500I COMMAND xxx NOT FOUND`. Both end with RC 12.
pub fn parse(text: &str) -> Result<Command, ParseFailure> {
    let parsed = match tso_parse(text) {
        Ok(p) => p,
        Err(SyntaxError::Empty) => return Err(verb::invalid_name_syntax("", VERBS)),
        Err(e) => {
            let verb = racemu_tso::command_name(text);
            if !verb::is_valid_command_name(verb) {
                return Err(verb::invalid_name_syntax(verb, VERBS));
            }
            return Err(ParseFailure::syntax(e));
        }
    };
    if !verb::is_valid_command_name(&parsed.verb) {
        return Err(verb::invalid_name_syntax(&parsed.verb, VERBS));
    }
    let ops = &parsed.operands;
    match parsed.verb.as_str() {
        "RACDCERT" => racdcert::parse(ops).map(Command::Racdcert),
        "SETROPTS" | "SETR" => racf::parse_setropts(ops).map(Command::Setropts),
        "RDEFINE" | "RDEF" => racf::parse_rdefine(ops, false).map(Command::Rdefine),
        "RALTER" | "RALT" => racf::parse_rdefine(ops, true).map(Command::Ralter),
        "RDELETE" | "RDEL" => racf::parse_rdelete(ops).map(Command::Rdelete),
        "PERMIT" | "PE" => racf::parse_permit(ops).map(Command::Permit),
        "RLIST" | "RL" => racf::parse_rlist(ops).map(Command::Rlist),
        "ADDSD" | "AD" => racf::parse_dsprofile(ops, false).map(Command::AddSd),
        "ALTDSD" | "ALD" => racf::parse_dsprofile(ops, true).map(Command::AltDsd),
        "DELDSD" | "DD" => racf::parse_deldsd(ops).map(Command::DelDsd),
        "LISTDSD" | "LD" => racf::parse_listdsd(ops).map(Command::ListDsd),
        "SEARCH" | "SR" => racf::parse_search(ops).map(Command::Search),
        "ADDUSER" | "AU" => racf::parse_user(ops, false).map(Command::AddUser),
        "ALTUSER" | "ALU" => racf::parse_user(ops, true).map(Command::AltUser),
        "LISTUSER" | "LU" => racf::parse_user_list(ops, "LISTUSER").map(Command::ListUser),
        "DELUSER" | "DU" => racf::parse_user_list(ops, "DELUSER").map(Command::DelUser),
        "ADDGROUP" | "AG" => racf::parse_group(ops).map(Command::AddGroup),
        "CONNECT" | "CO" => racf::parse_connect_group(ops).map(Command::ConnectGroup),
        "LISTGRP" | "LG" => racf::parse_listgrp(ops).map(Command::ListGroup),
        "PROFILE" | "PROF" => Ok(Command::Profile),
        "HELP" | "H" => help::parse(ops).map(Command::Help),
        "END" | "LOGOFF" => Ok(Command::Logoff),
        v => Err(verb::not_found(v, VERBS)),
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
    fn command_name_syntax_errors() {
        for text in [
            "FROBNICATE X",
            "1RACF LIST",
            "A.B",
            "RAC&X ID(A)",
            "(X)",
            "RACDCERTX ID(A) LIST",
            "TOOLONGNAME 'unclosed",
            ",,TOOLONGNAME ')",
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(
                e.messages,
                ["IKJ56621I INVALID COMMAND NAME SYNTAX"],
                "{text}"
            );
            assert_eq!(e.rc, 12);
        }
        // A well-formed name of eight characters is searched for.
        let e = parse("ABCDEFGH").unwrap_err();
        assert_eq!(e.messages, ["IKJ56500I COMMAND ABCDEFGH NOT FOUND"]);
        assert!(parse("$X").is_err_and(|e| e.messages[0].starts_with("IKJ56500I")));
        // A syntax error after a well-formed name is parse's, not command scan's.
        let e = parse(" ,RACDCERT LIST(LABEL('x").unwrap_err();
        assert_eq!(e.messages, ["IKJ56702I INVALID QUOTED STRING, 'x"]);
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

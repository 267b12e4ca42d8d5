//! Typed commands for racemu, built from TSO operand trees.
//!
//! The parser knows syntax only: no store, no I/O. Every input gives either a [`Command`] or a
//! [`ParseFailure`] carrying the exact TSO/RACF messages a real system prints (IKJ56500I,
//! IKJ56701I, IKJ56702I, IKJ56712I …) and the return code.
#![deny(missing_docs)]

pub mod commands;
pub mod help;
pub mod messages;
mod operand;
pub mod racdcert;
pub mod racf;
mod values;
pub mod verb;

pub use commands::{completion_words, VERBS};
pub use operand::{is_valid_user_id, DsnOperand, ParseError, ParseFailure};
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

/// Parses one logical command (comments already blanked out).
///
/// Never panics. A command name that breaks TSO's syntax (more than eight characters, a
/// first character that is not alphabetic or national, other characters that are not
/// alphanumeric or national) gives `IKJ56621I INVALID COMMAND NAME SYNTAX`; an unknown but
/// well-formed name gives `IKJ56500I COMMAND xxx NOT FOUND`. Both end with RC 12.
pub fn parse(text: &str) -> Result<Command, ParseFailure> {
    // Command scan reads the name up to the first blank, comma or tab, before any operand is
    // parsed: `RING(Ring1) DEFAULT)` names the command `RING(Ring1)`, which breaks the name
    // rules, whatever its operands hold.
    let field = name_field(text);
    if !field.is_empty() && !verb::is_valid_command_name(field) {
        return Err(verb::invalid_name_syntax(field, &VERBS));
    }
    let parsed = match tso_parse(text) {
        Ok(p) => p,
        Err(SyntaxError::Empty) => return Err(verb::invalid_name_syntax("", &VERBS)),
        Err(e) => {
            let verb = racemu_tso::command_name(text);
            if !verb::is_valid_command_name(verb) {
                return Err(verb::invalid_name_syntax(verb, &VERBS));
            }
            return Err(ParseFailure::syntax(e));
        }
    };
    if !verb::is_valid_command_name(&parsed.verb) {
        return Err(verb::invalid_name_syntax(&parsed.verb, &VERBS));
    }
    match commands::lookup(&parsed.verb) {
        Some(c) => (c.parse)(&parsed.operands),
        None => Err(verb::not_found(&parsed.verb, &VERBS)),
    }
}

/// The command-name field as command scan reads it: after leading blanks and commas, up to
/// the next blank, comma or tab (a parenthesis or apostrophe does not end it).
fn name_field(text: &str) -> &str {
    let delimiter = |c: char| c == ' ' || c == ',' || c == '\t';
    let t = text.trim_start_matches(delimiter);
    t.find(delimiter).map_or(t, |end| &t[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_verb() {
        let e = parse("FOO BAR").unwrap_err();
        assert_eq!(e.messages(), ["IKJ56500I COMMAND FOO NOT FOUND"]);
        assert_eq!(e.rc(), 12);
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
                e.messages(),
                ["IKJ56621I INVALID COMMAND NAME SYNTAX"],
                "{text}"
            );
            assert_eq!(e.rc(), 12);
        }
        // A well-formed name of eight characters is searched for.
        let e = parse("ABCDEFGH").unwrap_err();
        assert_eq!(e.messages(), ["IKJ56500I COMMAND ABCDEFGH NOT FOUND"]);
        assert!(parse("$X").is_err_and(|e| e.messages()[0].starts_with("IKJ56500I")));
        // A syntax error after a well-formed name is parse's, not command scan's.
        let e = parse(" ,RACDCERT LIST(LABEL('x").unwrap_err();
        assert_eq!(e.messages(), ["IKJ56702I INVALID QUOTED STRING, 'x"]);
    }

    /// An orphan record left by a missing `+` (newcomer trial row 2.9): its first word with
    /// the parenthesis glued to it is the command name, and that name breaks TSO's rules, so
    /// command scan answers IKJ56621I before any operand is looked at
    /// (<https://www.ibm.com/docs/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikjm100/cd02299.htm>,
    /// <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikjb700/synreq.htm>).
    #[test]
    fn a_parenthesis_glued_to_the_command_name_is_invalid_name_syntax() {
        for text in [
            "RING(Ring1) DEFAULT)",
            "  RING(Ring1) DEFAULT",
            "FOO(x) y)",
            "LABEL('x')",
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(
                e.messages(),
                ["IKJ56621I INVALID COMMAND NAME SYNTAX"],
                "{text}"
            );
            assert_eq!(e.rc(), 12);
        }
        // A blank or comma after the name ends it; the operands' errors are parse's.
        let e = parse("FOO (x) y").unwrap_err();
        assert_eq!(e.messages(), ["IKJ56500I COMMAND FOO NOT FOUND"]);
    }

    /// Misspelled keywords get RCM120I "did you mean" (newcomer trial row 2.4); SYSTSPRT keeps
    /// TSO's IKJ56712I.
    #[test]
    fn misspelled_keywords_get_did_you_mean() {
        let cases = [
            (
                "RACDCERT GENCERT CERTAUTH SUBJECTDN(CN('Typo CA') O('ACME')) WITHLABEL('t')",
                "IKJ56712I INVALID KEYWORD, SUBJECTDN(CN('TYPO CA') O('ACME'))",
                "RCM120I SUBJECTDN is not a keyword here; did you mean SUBJECTSDN?",
            ),
            (
                "RACDCERT GENCERT SUBJECTSDN(CN('x')) WITHLABLE('t')",
                "IKJ56712I INVALID KEYWORD, WITHLABLE('T')",
                "RCM120I WITHLABLE is not a keyword here; did you mean WITHLABEL?",
            ),
            (
                "RACDCERT CONNECT(LABEL('l') RINGG(R1)) ID(U)",
                "IKJ56712I INVALID KEYWORD, RINGG(R1)",
                "RCM120I RINGG is not a keyword here; did you mean RING?",
            ),
            (
                "RACDCERT GENCERT SUBJECTSDN(CN('x')) ALTNAME(DOMIAN('a.b'))",
                "IKJ56712I INVALID KEYWORD, DOMIAN('A.B')",
                "RCM120I DOMIAN is not a keyword here; did you mean DOMAIN?",
            ),
            (
                "SETROPTS CLASACT(DIGTCERT)",
                "IKJ56712I INVALID KEYWORD, CLASACT(DIGTCERT)",
                "RCM120I CLASACT is not a keyword here; did you mean CLASSACT?",
            ),
        ];
        for (text, message, hint) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(e.messages(), [message], "{text}");
            assert_eq!(e.hints, [hint], "{text}");
        }
        // Nothing near: no guess.
        let e = parse("RACDCERT FROBNICATE").unwrap_err();
        assert!(e.hints.is_empty(), "{:?}", e.hints);
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

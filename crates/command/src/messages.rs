//! The command crate's message catalogue: every TSO parse message (IKJnnnnnI) and RACF message
//! (IRRDnnnI) a rejected command prints, rendered from its typed cause ([`ParseError`]), TSO
//! HELP's own message, and racemu's hints on a rejected command (RCMnnnI, for the job log or
//! standard error, never SYSTSPRT). No other file of this crate writes a message ID.
//!
//! Sources: TSO/E Messages, IKJ56500I, IKJ56621I, IKJ56701I, IKJ56702I, IKJ56712I
//! (<https://www.ibm.com/docs/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikjm100/cd02299.htm>); RACF
//! Messages and Codes, IRRD136I
//! (<https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/jj00004.htm>).

use crate::operand::ParseError;

/// The ID of `IKJ56621I INVALID COMMAND NAME SYNTAX` (TSO/E Messages,
/// <https://www.ibm.com/docs/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikjm100/cd02299.htm>).
pub const IKJ56621I: &str = "IKJ56621I";

/// The ID of `IKJ56500I COMMAND name NOT FOUND`.
pub const IKJ56500I: &str = "IKJ56500I";

/// The ID of `IKJ56702I INVALID what, value`; the engine raises it too, for values the
/// grammar takes and RACF refuses, with the text of [`invalid_value_text`].
pub const IKJ56702I: &str = "IKJ56702I";

/// The ID of `ICH408I`, the access-violation message, as a literal for texts built with
/// `concat!` (the HELP text of WARNING).
macro_rules! ich408i_id {
    () => {
        "ICH408I"
    };
}
pub(crate) use ich408i_id;

/// Return code of a command that failed TSO parse.
pub const PARSE_RC: u32 = 12;

/// True when `line` is one of the messages TSO gives for a record whose first word is no
/// command (IKJ56621I or IKJ56500I).
pub fn is_not_a_command(line: &str) -> bool {
    line.starts_with(IKJ56621I) || line.starts_with(IKJ56500I)
}

/// The text of IKJ56702I after its ID: `INVALID what, value`.
pub fn invalid_value_text(what: &str, value: &str) -> String {
    format!("INVALID {what}, {value}")
}

/// The lines a parse failure prints, each starting with its message ID.
pub(crate) fn lines(cause: &ParseError) -> Vec<String> {
    match cause {
        ParseError::InvalidCommandName => vec![format!("{IKJ56621I} INVALID COMMAND NAME SYNTAX")],
        ParseError::CommandNotFound(name) => vec![format!("{IKJ56500I} COMMAND {name} NOT FOUND")],
        ParseError::InvalidKeyword(kw) => vec![format!("IKJ56712I INVALID KEYWORD, {kw}")],
        ParseError::InvalidQuotedString(text) => {
            vec![format!("{IKJ56702I} INVALID QUOTED STRING, {text}")]
        }
        ParseError::InvalidValue { what, value } => {
            vec![format!("{IKJ56702I} {}", invalid_value_text(what, value))]
        }
        ParseError::Missing { what, prompt: None } => vec![format!("IKJ56701I MISSING {what}")],
        ParseError::Missing {
            what,
            prompt: Some(prompt),
        } => vec![
            format!("IKJ56701I MISSING {what}+"),
            format!("IKJ56701I MISSING {prompt}"),
        ],
        ParseError::OwnerNotForFunction(form) => vec![format!(
            "IRRD136I {form} cannot be used for the function specified."
        )],
    }
}

/// The return code a parse failure ends the command with: 12 for TSO parse's messages, 8 for
/// RACF's refusal of an owner (IRRD136I).
pub(crate) fn rc(cause: &ParseError) -> u32 {
    match cause {
        ParseError::OwnerNotForFunction(_) => 8,
        _ => PARSE_RC,
    }
}

/// `IKJ56800I HELP NOT AVAILABLE FOR name` (racemu's choice of text; docs/fidelity.md).
pub(crate) fn help_not_available(name: &str) -> String {
    format!("IKJ56800I HELP NOT AVAILABLE FOR {name}")
}

/// RCM110I: `name` is no command; `nearest` is one or two edits away.
pub(crate) fn rcm110i(name: &str, nearest: &str) -> String {
    format!("RCM110I {name} is not a command; did you mean {nearest}?")
}

/// RCM111I: HELP was asked about `operand`, which is no operand of `command`.
pub(crate) fn rcm111i(operand: &str, command: &str) -> String {
    format!("RCM111I {operand} is not an operand of {command}; HELP {command} OPERANDS lists them.")
}

/// RCM112I: an abbreviation that fits several keywords, and which ones.
///
/// TSO parse accepts a keyword abbreviation only when it is unique; an ambiguous one is
/// rejected like any unknown keyword (IKJ56712I INVALID KEYWORD in batch). The hint says why.
pub(crate) fn rcm112i(typed: &str, hits: &[&str]) -> String {
    format!(
        "RCM112I {} is an abbreviation of more than one keyword: {}. Type more of the keyword.",
        typed.to_ascii_uppercase(),
        hits.join(", ")
    )
}

/// RCM120I: `typed` is no keyword where it stands; `nearest` is one or two edits away.
pub fn rcm120i(typed: &str, nearest: &str) -> String {
    format!(
        "RCM120I {} is not a keyword here; did you mean {nearest}?",
        typed.to_ascii_uppercase()
    )
}

/// `IRRD136I MULTIID cannot be used for the function specified.`: MULTIID with a function
/// other than MAP, ALTMAP, DELMAP and LISTMAP (RACF Messages and Codes,
/// <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/jj00004.htm>).
pub fn irrd136i() -> String {
    "IRRD136I MULTIID cannot be used for the function specified.".to_string()
}

//! The command crate's catalogue of the messages it adds: racemu's hints on a command that TSO
//! parse rejected (RCMnnnI, for the job log or standard error, never SYSTSPRT) and the IDs of
//! the TSO messages other crates recognise a rejected command by.

/// The ID of `IKJ56621I INVALID COMMAND NAME SYNTAX` (TSO/E Messages,
/// <https://www.ibm.com/docs/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikjm100/cd02299.htm>).
pub const IKJ56621I: &str = "IKJ56621I";

/// The ID of `IKJ56500I COMMAND name NOT FOUND`.
pub const IKJ56500I: &str = "IKJ56500I";

/// True when `line` is one of the messages TSO gives for a record whose first word is no
/// command (IKJ56621I or IKJ56500I).
pub fn is_not_a_command(line: &str) -> bool {
    line.starts_with(IKJ56621I) || line.starts_with(IKJ56500I)
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

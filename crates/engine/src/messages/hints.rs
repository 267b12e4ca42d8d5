//! racemu's hints (RCMnnnI/W): notes for the job log or standard error, never SYSTSPRT, so
//! they set no return code.

use super::Message;

/// RCM113I: labels are case-sensitive; `owner` has `found` but not `wanted`.
pub fn rcm113i(owner: &str, wanted: &str, found: &str) -> Message {
    Message::new(
        "RCM113I",
        format!("Labels are case-sensitive: {owner} has no label '{wanted}' but has '{found}'."),
        0,
    )
}

/// RCM114I: an unquoted label that TSO folded to upper case; `owner` has it as typed.
pub fn rcm114i(typed: &str, folded: &str, owner: &str) -> Message {
    Message::new(
        "RCM114I",
        format!(
            "LABEL({typed}) is not quoted, so TSO folded it to {folded}; \
             {owner} has the label '{typed}': write LABEL('{typed}')."
        ),
        0,
    )
}

/// RCM115W: the command holds typographic quotes (`found`).
pub fn rcm115w(found: &str) -> Message {
    Message::new(
        "RCM115W",
        format!(
            "The command contains typographic quotes ({found}), often pasted from web pages; \
             TSO takes only the apostrophe (') as a quote, so they became part of the values."
        ),
        0,
    )
}

/// RCM130W: RACDCERT ADD gave the certificate `label` of `owner` (`user WEBSRV`,
/// `CERTAUTH`) NOTRUST status because of
/// `reason` (its issuer is not in RACF, is NOTRUST, or its dates); `fix` makes it TRUST.
/// SYSTSPRT keeps RACF's IRRD199I alone; this note goes to the job log and standard error.
pub fn rcm130w(owner: &str, label: &str, reason: &str, fix: &str) -> Message {
    Message::new(
        "RCM130W",
        format!(
            "Certificate '{label}' of {owner} was added with NOTRUST status: {reason}. \
             R_datalib leaves NOTRUST certificates out of a key ring, so a server opening a \
             ring it is connected to does not see it. To make it TRUST: {fix}."
        ),
        0,
    )
}

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

/// RCM121I: `keyword` is given more than once in the operands of `within`; TSO parse keeps
/// the last (`kept`) and ignores the others (`ignored`).
pub fn rcm121i(keyword: &str, within: &str, kept: &str, ignored: &[String]) -> Message {
    Message::new(
        "RCM121I",
        format!(
            "{keyword} is given more than once in {within}; TSO parse keeps the last, {kept}, \
             and ignores {}.",
            ignored.join(", ")
        ),
        0,
    )
}

/// RCM122I: `record` is no command, and the command before it ended with RC `rc` (its first
/// message `previous`): the record before may lack its `+` or `-` continuation.
pub fn rcm122i(record: &str, previous: &str, rc: u32) -> Message {
    let shown: String = record.trim().chars().take(60).collect();
    Message::new(
        "RCM122I",
        format!(
            "{shown} is not a command, and the command before it ended with {previous} (RC {rc}): \
             if this record continues that command, the record before it lacks its + or - \
             continuation."
        ),
        0,
    )
}

/// RCM123I: `racemu run` took its clock, `instant`, from the deck's `//* RACEMU-NOW:` comment
/// (no `--now` and no `$RACEMU_NOW` given).
pub fn rcm123i(instant: &str) -> Message {
    Message::new(
        "RCM123I",
        format!(
            "THE CLOCK IS {instant}, FROM THE DECK'S //* RACEMU-NOW: COMMENT; \
             --now OR $RACEMU_NOW OVERRIDES IT"
        ),
        0,
    )
}

/// RCM116I: `user` is not defined to RACF; under `racemu setting undefined-ids implicit` (the
/// default) racemu treats it as defined, where z/OS answers IRRD102I (RACDCERT), ICH06007I
/// (PERMIT) or ICH02003I (CONNECT). Given once per undefined ID per run.
pub fn rcm116i(user: &str) -> Message {
    Message::new(
        "RCM116I",
        format!(
            "User ID {user} is not defined to RACF; racemu treats it as defined \
             (z/OS would refuse it with IRRD102I, ICH06007I or ICH02003I). \
             To refuse undefined IDs as z/OS does: racemu setting undefined-ids error"
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

/// RCM131I: RACDCERT refused `issuer` (IRRD101I) for want of `needed` access to FACILITY
/// `resource`; `fix` are the commands a security administrator would issue to grant it (the
/// RDEFINE when no profile covers it, the PERMIT, the SETROPTS that puts it in effect).
/// SYSTSPRT keeps IRRD101I alone; this note goes to the job log and standard error.
pub fn rcm131i(
    issuer: &str,
    resource: &str,
    needed: racemu_racf::Access,
    fix: &[String],
) -> Message {
    Message::new(
        "RCM131I",
        format!(
            "RACDCERT needs {} access to FACILITY {resource} for {issuer}. To grant it: {}.",
            needed.keyword(),
            fix.join("; ")
        ),
        0,
    )
}

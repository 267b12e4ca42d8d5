//! User commands: ADDUSER / ALTUSER, LISTUSER, DELUSER.

use super::{positionals, string_value, user_ids};
use crate::operand::{keywords, text_value, ParseFailure};
use racemu_tso::operands::Operand;

/// ADDUSER / ALTUSER operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserSpec {
    /// User IDs.
    pub ids: Vec<String>,
    /// NAME('…').
    pub name: Option<String>,
    /// OWNER.
    pub owner: Option<String>,
    /// DFLTGRP.
    pub dfltgrp: Option<String>,
    /// SPECIAL / NOSPECIAL.
    pub special: Option<bool>,
    /// OPERATIONS / NOOPERATIONS.
    pub operations: Option<bool>,
    /// AUDITOR / NOAUDITOR.
    pub auditor: Option<bool>,
    /// RESTRICTED / NORESTRICTED.
    pub restricted: Option<bool>,
    /// Other operands (segments, PASSWORD …) as typed, accepted without effect.
    pub other: Vec<String>,
}

/// Parses ADDUSER (or ALTUSER when `alter`).
pub fn parse_user(ops: &[Operand], alter: bool) -> Result<UserSpec, ParseFailure> {
    let (pos, rest) = positionals(ops, 1);
    let ids = user_ids(&pos)?;
    if ids.is_empty() {
        return Err(ParseFailure::missing("USERID", "USERID"));
    }
    let table = [
        "NAME",
        "OWNER",
        "DFLTGRP",
        "SPECIAL",
        "NOSPECIAL",
        "OPERATIONS",
        "NOOPERATIONS",
        "AUDITOR",
        "NOAUDITOR",
        "PASSWORD",
        "NOPASSWORD",
        "PHRASE",
        "NOPHRASE",
        "DATA",
        "NODATA",
        "OMVS",
        "NOOMVS",
        "TSO",
        "NOTSO",
        "RESTRICTED",
        "NORESTRICTED",
        "AUTHORITY",
        "UACC",
        "GROUP",
        "REVOKE",
        "RESUME",
        "EXPIRED",
        "NOEXPIRED",
        "WHEN",
        "CICS",
        "KERB",
        "LANGUAGE",
        "NETVIEW",
        "OPERPARM",
        "WORKATTR",
        "DCE",
        "OVM",
        "LNOTES",
        "NDS",
        "EIM",
        "PROXY",
        "MFA",
        "NOMFA",
        "CSDATA",
        "ADDCATEGORY",
        "SECLABEL",
        "SECLEVEL",
        "CLAUTH",
        "NOCLAUTH",
        "GRPACC",
        "NOGRPACC",
        "ADSP",
        "NOADSP",
        "MODEL",
        "UAUDIT",
        "NOUAUDIT",
    ];
    let kws = keywords(rest, &table)?;
    let _ = alter;
    let mut u = UserSpec {
        ids,
        ..Default::default()
    };
    for (k, op) in &kws {
        match *k {
            "NAME" => u.name = Some(string_value(op, "NAME")?),
            "OWNER" => u.owner = Some(text_value(op, "OWNER")?.to_ascii_uppercase()),
            "DFLTGRP" => u.dfltgrp = Some(text_value(op, "GROUP NAME")?.to_ascii_uppercase()),
            "SPECIAL" => u.special = Some(true),
            "NOSPECIAL" => u.special = Some(false),
            "OPERATIONS" => u.operations = Some(true),
            "NOOPERATIONS" => u.operations = Some(false),
            "AUDITOR" => u.auditor = Some(true),
            "NOAUDITOR" => u.auditor = Some(false),
            "RESTRICTED" => u.restricted = Some(true),
            "NORESTRICTED" => u.restricted = Some(false),
            "PASSWORD" | "PHRASE" => u.other.push(format!("{k}(********)")),
            _ => u.other.push(op.to_string()),
        }
    }
    Ok(u)
}

/// Parses LISTUSER / DELUSER: user IDs, other operands accepted.
pub fn parse_user_list(ops: &[Operand], verb: &str) -> Result<Vec<String>, ParseFailure> {
    let (pos, _rest) = positionals(ops, 1);
    let ids = user_ids(&pos)?;
    if ids.is_empty() && verb == "DELUSER" {
        return Err(ParseFailure::missing("USERID", "USERID"));
    }
    Ok(ids)
}

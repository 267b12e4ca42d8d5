//! User commands: ADDUSER / ALTUSER, LISTUSER, DELUSER.

use super::{positionals, string_value, user_ids};
use crate::operand::{keywords, text_value, ParseFailure};
use racemu_tso::operands::Operand;

/// A password or password phrase typed in a command. Its `Debug` form hides the text, so
/// it never reaches a log or a message by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps the text.
    pub fn new(text: impl Into<String>) -> Secret {
        Secret(text.into())
    }

    /// The text, for hashing or checking it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(********)")
    }
}

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
    /// PASSWORD(password), folded to upper case as RACF keeps passwords.
    pub password: Option<Secret>,
    /// NOPASSWORD.
    pub nopassword: bool,
    /// PHRASE('password phrase'), case kept when quoted.
    pub phrase: Option<Secret>,
    /// NOPHRASE.
    pub nophrase: bool,
    /// EXPIRED / NOEXPIRED (with PASSWORD or PHRASE).
    pub expired: Option<bool>,
    /// REVOKE (true) / RESUME (false), without a date: at once.
    pub revoke: Option<bool>,
    /// REVOKE(mm/dd/yy), as yyyy-mm-dd.
    pub revoke_date: Option<String>,
    /// RESUME(mm/dd/yy), as yyyy-mm-dd.
    pub resume_date: Option<String>,
    /// Other operands (segments …) as typed, accepted without effect.
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
            "PASSWORD" => {
                u.password = Some(Secret::new(
                    text_value(op, "PASSWORD")?.to_ascii_uppercase(),
                ))
            }
            "NOPASSWORD" => u.nopassword = true,
            "PHRASE" => u.phrase = Some(Secret::new(string_value(op, "PASSWORD PHRASE")?)),
            "NOPHRASE" => u.nophrase = true,
            "EXPIRED" => u.expired = Some(true),
            "NOEXPIRED" => u.expired = Some(false),
            "REVOKE" if op.args.is_some() => u.revoke_date = Some(racf_date(op)?),
            "RESUME" if op.args.is_some() => u.resume_date = Some(racf_date(op)?),
            "REVOKE" => u.revoke = Some(true),
            "RESUME" => u.revoke = Some(false),
            _ => u.other.push(op.to_string()),
        }
    }
    Ok(u)
}

/// A RACF command date `mm/dd/yy` (years 71–99 are 19yy, 00–70 are 20yy) as yyyy-mm-dd;
/// `IKJ56702I INVALID DATE, value` when it is not a calendar date.
fn racf_date(op: &Operand) -> Result<String, ParseFailure> {
    let v = text_value(op, "DATE")?;
    let bad = || ParseFailure::invalid("DATE", &v);
    let (m, d, y) = crate::values::racf_date(&v).ok_or_else(bad)?;
    let year = if y >= 71 { 1900 + y } else { 2000 + y };
    let month = u8::try_from(m)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .ok_or_else(bad)?;
    let day = u8::try_from(d).map_err(|_| bad())?;
    let date = time::Date::from_calendar_date(year as i32, month, day).map_err(|_| bad())?;
    // Formatting a Date with these components fails only on I/O, which a String never has.
    Ok(date
        .format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default())
}

/// Parses LISTUSER / DELUSER: user IDs, other operands accepted.
pub fn parse_user_list(ops: &[Operand], verb: &str) -> Result<Vec<String>, ParseFailure> {
    let (pos, _rest) = positionals(ops, 1);
    // LISTUSER * (every user) is the one place `*` stands for user IDs.
    let all = verb == "LISTUSER" && pos.first().is_some_and(|v| v.len() == 1 && v[0] == "*");
    let ids = if all {
        vec!["*".to_string()]
    } else {
        user_ids(&pos)?
    };
    if ids.is_empty() && verb == "DELUSER" {
        return Err(ParseFailure::missing("USERID", "USERID"));
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use crate::{parse, Command};

    #[test]
    fn revoke_and_resume_dates_are_mm_dd_yy() {
        let Ok(Command::AltUser(u)) = parse("ALTUSER BOB REVOKE(12/01/26) RESUME(02/29/28)") else {
            panic!("not parsed");
        };
        assert_eq!(u.revoke_date.as_deref(), Some("2026-12-01"));
        assert_eq!(u.resume_date.as_deref(), Some("2028-02-29"));
        // Years 71-99 are 19yy.
        let Ok(Command::AltUser(u)) = parse("ALTUSER BOB REVOKE(01/02/71)") else {
            panic!("not parsed");
        };
        assert_eq!(u.revoke_date.as_deref(), Some("1971-01-02"));
        // Stray or extra parts are not skipped over: the date is invalid as typed.
        for bad in [
            "12/x/01/26",
            "12/01/26/",
            "/12/01/26",
            "02/29/27",
            "12/1/26",
            "13/01/26",
            "00/10/26",
            "04/31/26",
            "04/00/26",
        ] {
            let e = parse(&format!("ALTUSER BOB REVOKE({bad})")).unwrap_err();
            assert_eq!(e.messages(), [format!("IKJ56702I INVALID DATE, {bad}")]);
            assert_eq!(e.rc(), 12);
        }
    }
}

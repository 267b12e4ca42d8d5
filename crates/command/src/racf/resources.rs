//! General resource commands: RDEFINE / RALTER, RDELETE, PERMIT, RLIST.

use super::{classes, positionals, string_value};
use crate::operand::{
    checked_user_id, dsn_value, has, keywords, text_value, DsnOperand, ParseFailure,
};
use racemu_racf::Access;
use racemu_tso::operands::Operand;

/// RDEFINE / RALTER operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rdefine {
    /// Class name (upper case).
    pub class: String,
    /// Profile names (upper case).
    pub profiles: Vec<String>,
    /// UACC.
    pub uacc: Option<Access>,
    /// OWNER.
    pub owner: Option<String>,
    /// DATA('installation data').
    pub data: Option<String>,
    /// APPLDATA('application data').
    pub appldata: Option<String>,
    /// WARNING.
    pub warning: Option<bool>,
    /// Other operands as typed (segments such as STDATA, CDTINFO, SSIGNON), kept as text.
    pub other: Vec<String>,
}

/// The keywords RDEFINE and RALTER share (z/OS Security Server RACF Command Language
/// Reference, RDEFINE and RALTER), the segments among them, followed by `$extra`.
macro_rules! resource_keywords {
    ($($extra:literal),* $(,)?) => {
        &[
            "UACC", "OWNER", "DATA", "APPLDATA", "AUDIT", "NOTIFY", "WARNING", "LEVEL",
            "ADDMEM", "STDATA", "CDTINFO", "SSIGNON", "ICSF", "SESSION", "KERB", "DLFDATA",
            "EIM", "PROXY", "SIGVER", "TME", "ALIAS", "CSDATA", "IDTPARMS", "JES", "MFPOLICY",
            "SVFMR", "CFDEF", "SECLABEL", "SECLEVEL", "ADDCATEGORY", "SINGLEDSN", "TVTOC",
            "TIMEZONE", "WHEN", "RESOWNER", "APPCLU", "GENERIC",
            $($extra),*
        ]
    };
}

/// Keywords of RDEFINE: the shared ones and the FROM group, which copies a profile. RDEFINE
/// has no NO-forms and nothing to delete.
const RDEFINE_KEYWORDS: &[&str] = resource_keywords!("FROM", "FCLASS", "FVOLUME", "FGENERIC");

/// Keywords of RALTER: the shared ones, the NO- and DEL-forms that change an existing
/// profile, ADDVOL, and GLOBALAUDIT, which only RALTER sets.
const RALTER_KEYWORDS: &[&str] = resource_keywords!(
    "NODATA",
    "NOAPPLDATA",
    "GLOBALAUDIT",
    "NONOTIFY",
    "NOWARNING",
    "DELMEM",
    "ADDVOL",
    "DELVOL",
    "DELCATEGORY",
    "NORESOWNER",
);

/// The two positionals of a general-resource command, upper case: the class (empty when
/// missing) and the profile names (`CLASS (P1 P2)` or `CLASS P1`; empty when missing), then
/// the remaining operands.
fn class_and_profiles(ops: &[Operand]) -> (String, Vec<String>, &[Operand]) {
    let (pos, rest) = positionals(ops, 2);
    let class = pos
        .first()
        .and_then(|v| v.first())
        .cloned()
        .unwrap_or_default();
    let profiles = pos.get(1).cloned().unwrap_or_default();
    (class, profiles, rest)
}

/// Parses RDEFINE (or RALTER when `alter`).
pub fn parse_rdefine(ops: &[Operand], alter: bool) -> Result<Rdefine, ParseFailure> {
    let (class, profiles, rest) = class_and_profiles(ops);
    if class.is_empty() {
        return Err(ParseFailure::missing("CLASS NAME", "CLASS NAME"));
    }
    if profiles.is_empty() {
        return Err(ParseFailure::missing("PROFILE NAME(S)", "PROFILE NAME(S)"));
    }
    let table = if alter {
        RALTER_KEYWORDS
    } else {
        RDEFINE_KEYWORDS
    };
    let kws = keywords(rest, table)?;
    let mut r = Rdefine {
        class,
        profiles,
        ..Default::default()
    };
    for (k, op) in &kws {
        match *k {
            "UACC" => {
                let v = text_value(op, "UNIVERSAL ACCESS")?;
                r.uacc = Some(
                    Access::parse(&v)
                        .ok_or_else(|| ParseFailure::invalid("UACC", &v.to_ascii_uppercase()))?,
                );
            }
            "OWNER" => r.owner = Some(text_value(op, "OWNER")?.to_ascii_uppercase()),
            "DATA" => r.data = Some(string_value(op, "INSTALLATION DATA")?),
            "APPLDATA" => r.appldata = Some(string_value(op, "APPLICATION DATA")?),
            "WARNING" => r.warning = Some(true),
            "NOWARNING" => r.warning = Some(false),
            _ => r.other.push(op.to_string()),
        }
    }
    Ok(r)
}

/// RDELETE operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rdelete {
    /// Class name.
    pub class: String,
    /// Profile names.
    pub profiles: Vec<String>,
}

/// Parses RDELETE.
pub fn parse_rdelete(ops: &[Operand]) -> Result<Rdelete, ParseFailure> {
    let (class, profiles, rest) = class_and_profiles(ops);
    if class.is_empty() || profiles.is_empty() {
        return Err(ParseFailure::missing("PROFILE NAME(S)", "PROFILE NAME(S)"));
    }
    keywords(rest, &["GENERIC"])?;
    Ok(Rdelete { class, profiles })
}

/// PERMIT operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Permit {
    /// Profile names.
    pub profiles: Vec<String>,
    /// CLASS (default DATASET).
    pub class: String,
    /// ID(user or group …).
    pub ids: Vec<String>,
    /// ACCESS (default READ).
    pub access: Option<Access>,
    /// DELETE: remove the IDs from the access list.
    pub delete: bool,
    /// RESET: clear the access list.
    pub reset: bool,
    /// FROM(profile): copy its access list.
    pub from: Option<String>,
    /// FCLASS(class) of FROM.
    pub fclass: Option<String>,
    /// The profile names as typed, with their quotes: for the DATASET class an unquoted name
    /// is prefixed with the issuer's user ID.
    pub dsnames: Vec<DsnOperand>,
    /// FROM as typed, with its quotes (DATASET class).
    pub from_dsn: Option<DsnOperand>,
    /// GENERIC.
    pub generic: bool,
}

/// Parses PERMIT.
pub fn parse_permit(ops: &[Operand]) -> Result<Permit, ParseFailure> {
    let dsnames = permit_dsnames(ops);
    let (pos, rest) = positionals(ops, 1);
    let profiles = pos.first().cloned().unwrap_or_default();
    if profiles.is_empty() {
        return Err(ParseFailure::missing("PROFILE NAME(S)", "PROFILE NAME(S)"));
    }
    let table = [
        "CLASS", "ID", "ACCESS", "DELETE", "RESET", "FROM", "FCLASS", "FGENERIC", "FVOLUME",
        "GENERIC", "VOLUME", "WHEN",
    ];
    let kws = keywords(rest, &table)?;
    let mut p = Permit {
        profiles,
        class: "DATASET".into(),
        dsnames,
        generic: has(&kws, "GENERIC"),
        ..Default::default()
    };
    for (k, op) in &kws {
        match *k {
            "CLASS" => p.class = text_value(op, "CLASS NAME")?.to_ascii_uppercase(),
            "ID" => {
                p.ids = classes(op);
                for id in p.ids.iter().filter(|i| *i != "*") {
                    checked_user_id(id)?;
                }
            }
            "ACCESS" => {
                let v = text_value(op, "ACCESS AUTHORITY")?;
                p.access = Some(
                    Access::parse(&v)
                        .ok_or_else(|| ParseFailure::invalid("ACCESS", &v.to_ascii_uppercase()))?,
                );
            }
            "DELETE" => p.delete = true,
            "RESET" => p.reset = true,
            "FROM" => {
                p.from = Some(text_value(op, "PROFILE NAME")?.to_ascii_uppercase());
                p.from_dsn = Some(dsn_value(op, "PROFILE NAME")?);
            }
            "FCLASS" => p.fclass = Some(text_value(op, "CLASS NAME")?.to_ascii_uppercase()),
            _ => {}
        }
    }
    if p.ids.is_empty() && !p.reset && p.from.is_none() {
        return Err(ParseFailure::missing(
            "USERID(S) OR GROUP NAME(S)",
            "USERID(S) OR GROUP NAME(S)",
        ));
    }
    Ok(p)
}

/// PERMIT's profile names with their quotes (the first operand, or its parenthesised list).
fn permit_dsnames(ops: &[Operand]) -> Vec<DsnOperand> {
    let one = |o: &Operand| DsnOperand {
        name: o.as_str().to_string(),
        quoted: o.text.is_quoted(),
    };
    match ops.first() {
        Some(f) if !f.as_str().is_empty() && f.args.is_none() => vec![one(f)],
        Some(f) if f.as_str().is_empty() => f
            .args
            .as_deref()
            .unwrap_or_default()
            .iter()
            .filter(|a| !a.as_str().is_empty())
            .map(one)
            .collect(),
        _ => Vec::new(),
    }
}

/// RLIST operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rlist {
    /// Class name.
    pub class: String,
    /// Profile names (`*` = all).
    pub profiles: Vec<String>,
    /// ALL.
    pub all: bool,
    /// AUTHUSER.
    pub authuser: bool,
    /// GENERIC.
    pub generic: bool,
}

/// Parses RLIST.
pub fn parse_rlist(ops: &[Operand]) -> Result<Rlist, ParseFailure> {
    let (class, profiles, rest) = class_and_profiles(ops);
    if class.is_empty() || profiles.is_empty() {
        return Err(ParseFailure::missing("PROFILE NAME(S)", "PROFILE NAME(S)"));
    }
    let table = [
        "ALL",
        "AUTHUSER",
        "GENERIC",
        "NORACF",
        "RESGROUP",
        "STATISTICS",
        "STDATA",
        "CDTINFO",
        "SSIGNON",
        "ICSF",
        "SESSION",
        "KERB",
        "DLFDATA",
        "EIM",
        "PROXY",
        "SIGVER",
        "TME",
        "NOGENERIC",
        "ALIAS",
        "CSDATA",
        "MFPOLICY",
        "IDTPARMS",
        "JES",
        "SVFMR",
        "CFDEF",
    ];
    let kws = keywords(rest, &table)?;
    Ok(Rlist {
        class,
        profiles,
        all: has(&kws, "ALL"),
        authuser: has(&kws, "AUTHUSER"),
        generic: has(&kws, "GENERIC"),
    })
}

#[cfg(test)]
mod tests {
    use crate::{parse, Command};

    use super::*;

    #[test]
    fn permit_with_list_and_abbrev() {
        let Ok(Command::Permit(p)) =
            parse("PERMIT IRRPTAUTH.BBGZDFLT.* ID(LIBSERV,USER1) CLASS(PTKTDATA) ACC(UPDATE)")
        else {
            panic!()
        };
        assert_eq!(p.ids, ["LIBSERV", "USER1"]);
        assert_eq!(p.access, Some(Access::Update));
        assert_eq!(p.class, "PTKTDATA");
    }

    #[test]
    fn rdelete_parenthesised_profile() {
        let Ok(Command::Rdelete(r)) = parse("RDELETE STARTED (ZWESVSTC.*)") else {
            panic!()
        };
        assert_eq!(r.class, "STARTED");
        assert_eq!(r.profiles, ["ZWESVSTC.*"]);
    }

    #[test]
    fn rdefine_and_ralter_each_take_their_own_keywords() {
        let ikj = |cmd: &str| match parse(cmd) {
            Err(e) => e.messages(),
            Ok(c) => vec![format!("parsed: {c:?}")],
        };
        assert_eq!(
            ikj("RDEFINE FACILITY X NODATA"),
            ["IKJ56712I INVALID KEYWORD, NODATA"]
        );
        assert_eq!(
            ikj("RDEFINE FACILITY X DELMEM(A)"),
            ["IKJ56712I INVALID KEYWORD, DELMEM(A)"]
        );
        assert_eq!(
            ikj("RALTER FACILITY X FROM(Y)"),
            ["IKJ56712I INVALID KEYWORD, FROM(Y)"]
        );
        assert!(matches!(
            parse("RALTER FACILITY X NODATA NOWARNING"),
            Ok(Command::Ralter(_))
        ));
        assert!(matches!(
            parse("RDEFINE FACILITY X FROM(Y) FCLASS(FACILITY)"),
            Ok(Command::Rdefine(_))
        ));
    }

    #[test]
    fn rdefine_folds_profile() {
        let Ok(Command::Rdefine(r)) = parse("RDEFINE RDATALIB ZWESVUSR.ZoweKeyring.LST UACC(NONE)")
        else {
            panic!()
        };
        assert_eq!(r.profiles, ["ZWESVUSR.ZOWEKEYRING.LST"]);
        assert_eq!(r.uacc, Some(Access::None));
    }

    #[test]
    fn setropts_lists() {
        let Ok(Command::Setropts(s)) = parse("SETROPTS RACLIST(DIGTCERT, DIGTRING) REFRESH") else {
            panic!()
        };
        assert_eq!(s.raclist, ["DIGTCERT", "DIGTRING"]);
        assert!(s.refresh);
    }
}

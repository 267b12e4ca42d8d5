//! The RACF commands key-ring decks use around RACDCERT: SETROPTS, RDEFINE/RALTER, RDELETE,
//! PERMIT, RLIST, ADDUSER/ALTUSER/LISTUSER/DELUSER, ADDGROUP and CONNECT.
//!
//! Positional operands (class, profile names, user IDs) come first, as TSO parse takes them;
//! profile names and user IDs are folded to upper case.

use crate::operand::{checked_user_id, get, has, keywords, list_values, text_value, ParseFailure};
use racemu_tso::operands::{Operand, OperandText};

/// An access level, in increasing order of power.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    /// NONE.
    None,
    /// EXECUTE.
    Execute,
    /// READ.
    Read,
    /// UPDATE.
    Update,
    /// CONTROL.
    Control,
    /// ALTER.
    Alter,
}

impl Access {
    /// Parses an access keyword, abbreviations allowed (`READ`, `UPD`, `CON` …).
    pub fn parse(s: &str) -> Option<Access> {
        let up = s.to_ascii_uppercase();
        let table = [
            ("NONE", Access::None),
            ("EXECUTE", Access::Execute),
            ("READ", Access::Read),
            ("UPDATE", Access::Update),
            ("CONTROL", Access::Control),
            ("ALTER", Access::Alter),
        ];
        table
            .iter()
            .find(|(n, _)| *n == up)
            .or_else(|| {
                let hits: Vec<_> = table
                    .iter()
                    .filter(|(n, _)| n.starts_with(&up) && !up.is_empty())
                    .collect();
                if hits.len() == 1 {
                    Some(hits[0])
                } else {
                    None
                }
            })
            .map(|(_, a)| *a)
    }

    /// The RACF keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            Access::None => "NONE",
            Access::Execute => "EXECUTE",
            Access::Read => "READ",
            Access::Update => "UPDATE",
            Access::Control => "CONTROL",
            Access::Alter => "ALTER",
        }
    }
}

/// SETROPTS operands that racemu gives meaning to; everything else is remembered as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Setropts {
    /// CLASSACT(classes).
    pub classact: Vec<String>,
    /// NOCLASSACT(classes).
    pub noclassact: Vec<String>,
    /// RACLIST(classes).
    pub raclist: Vec<String>,
    /// NORACLIST(classes).
    pub noraclist: Vec<String>,
    /// GENERIC(classes).
    pub generic: Vec<String>,
    /// NOGENERIC(classes).
    pub nogeneric: Vec<String>,
    /// GENCMD(classes).
    pub gencmd: Vec<String>,
    /// REFRESH.
    pub refresh: bool,
    /// LIST.
    pub list: bool,
    /// Other options, as typed (upper case), remembered but without effect.
    pub other: Vec<String>,
}

const SETROPTS_KEYWORDS: &[&str] = &[
    "CLASSACT",
    "NOCLASSACT",
    "RACLIST",
    "NORACLIST",
    "GENERIC",
    "NOGENERIC",
    "GENCMD",
    "NOGENCMD",
    "REFRESH",
    "LIST",
    "GLOBAL",
    "NOGLOBAL",
    "AUDIT",
    "NOAUDIT",
    "LOGOPTIONS",
    "PASSWORD",
    "STATISTICS",
    "NOSTATISTICS",
    "GENLIST",
    "NOGENLIST",
    "WHEN",
    "NOWHEN",
    "PROTECTALL",
    "NOPROTECTALL",
    "ERASE",
    "NOERASE",
    "JES",
    "INACTIVE",
    "NOINACTIVE",
    "INITSTATS",
    "NOINITSTATS",
    "GRPLIST",
    "NOGRPLIST",
    "SAUDIT",
    "NOSAUDIT",
    "CMDVIOL",
    "NOCMDVIOL",
    "OPERAUDIT",
    "NOOPERAUDIT",
    "REALDSN",
    "NOREALDSN",
    "TAPEDSN",
    "NOTAPEDSN",
    "ADSP",
    "NOADSP",
    "EGN",
    "NOEGN",
    "MLS",
    "NOMLS",
    "MLACTIVE",
    "NOMLACTIVE",
    "SECLABELCONTROL",
    "NOSECLABELCONTROL",
    "CATDSNS",
    "NOCATDSNS",
    "KERBLVL",
    "PREFIX",
    "NOPREFIX",
    "RETPD",
    "RVARYPW",
    "SESSIONINTERVAL",
    "NOSESSIONINTERVAL",
    "TERMINAL",
    "WARNING",
    "NOWARNING",
    "COMPATMODE",
    "NOCOMPATMODE",
    "MLQUIET",
    "NOMLQUIET",
    "APPLAUDIT",
    "NOAPPLAUDIT",
    "PRIMARY",
    "SECONDARY",
    "LANGUAGE",
    "MLSTABLE",
    "NOMLSTABLE",
    "MLFSOBJ",
    "MLIPCOBJ",
    "MLNAMES",
    "NOMLNAMES",
    "SECLBYSYSTEM",
    "NOSECLBYSYSTEM",
    "SECLEVELAUDIT",
    "NOSECLEVELAUDIT",
    "DLFDATA",
];

fn classes(op: &Operand) -> Vec<String> {
    list_values(op)
        .into_iter()
        .map(|s| s.to_ascii_uppercase())
        .collect()
}

/// Parses SETROPTS.
pub fn parse_setropts(ops: &[Operand]) -> Result<Setropts, ParseFailure> {
    let kws = keywords(ops, SETROPTS_KEYWORDS)?;
    let mut s = Setropts::default();
    for (k, op) in &kws {
        match *k {
            "CLASSACT" => s.classact = classes(op),
            "NOCLASSACT" => s.noclassact = classes(op),
            "RACLIST" => s.raclist = classes(op),
            "NORACLIST" => s.noraclist = classes(op),
            "GENERIC" => s.generic = classes(op),
            "NOGENERIC" => s.nogeneric = classes(op),
            "GENCMD" => s.gencmd = classes(op),
            "REFRESH" => s.refresh = true,
            "LIST" => s.list = true,
            _ => s.other.push(op.to_string().to_ascii_uppercase()),
        }
    }
    for (k, list) in [
        ("CLASSACT", &s.classact),
        ("RACLIST", &s.raclist),
        ("GENERIC", &s.generic),
        ("NOCLASSACT", &s.noclassact),
        ("NORACLIST", &s.noraclist),
    ] {
        if has(&kws, k) && list.is_empty() {
            return Err(ParseFailure::missing(
                &format!("CLASS NAMES FOR {k}"),
                &format!("CLASS NAMES FOR {k}"),
            ));
        }
    }
    Ok(s)
}

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

const RDEFINE_KEYWORDS: &[&str] = &[
    "UACC",
    "OWNER",
    "DATA",
    "NODATA",
    "APPLDATA",
    "NOAPPLDATA",
    "AUDIT",
    "GLOBALAUDIT",
    "NOTIFY",
    "NONOTIFY",
    "WARNING",
    "NOWARNING",
    "LEVEL",
    "ADDMEM",
    "DELMEM",
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
    "ALIAS",
    "CSDATA",
    "IDTPARMS",
    "JES",
    "MFPOLICY",
    "SVFMR",
    "CFDEF",
    "SECLABEL",
    "SECLEVEL",
    "ADDCATEGORY",
    "DELCATEGORY",
    "SINGLEDSN",
    "TVTOC",
    "TIMEZONE",
    "WHEN",
    "FROM",
    "FCLASS",
    "FVOLUME",
    "FGENERIC",
    "RESOWNER",
    "NORESOWNER",
    "ADDVOL",
    "DELVOL",
    "APPCLU",
    "GENERIC",
];

fn is_quoted(op: &Operand) -> bool {
    matches!(op.text, OperandText::Quoted(_))
}

/// The positional operands: first `n` operands that are not recognised as keywords with
/// arguments; a positional may carry a parenthesised list of names.
fn positionals(ops: &[Operand], n: usize) -> (Vec<Vec<String>>, &[Operand]) {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut i = 0;
    while i < ops.len() && out.len() < n {
        let op = &ops[i];
        let mut names = Vec::new();
        if !op.as_str().is_empty() {
            names.push(op.as_str().to_ascii_uppercase());
        }
        if let Some(args) = &op.args {
            let inner: Vec<String> = args
                .iter()
                .map(|a| a.as_str().to_ascii_uppercase())
                .collect();
            if op.as_str().is_empty() {
                names = inner;
            } else if out.len() + 1 < n {
                // `CLASS (P1 P2)`: the list is the next positional.
                out.push(names);
                names = inner;
            } else {
                names.extend(inner);
            }
        }
        out.push(names);
        i += 1;
    }
    (out, &ops[i..])
}

fn string_value(op: &Operand, what: &str) -> Result<String, ParseFailure> {
    let v = text_value(op, what)?;
    let inner = op.args.as_deref().and_then(|a| a.first());
    Ok(match inner {
        Some(o) if is_quoted(o) => v,
        _ => v.to_ascii_uppercase(),
    })
}

/// Parses RDEFINE (or RALTER when `alter`).
pub fn parse_rdefine(ops: &[Operand], alter: bool) -> Result<Rdefine, ParseFailure> {
    let (pos, rest) = positionals(ops, 2);
    let class = pos
        .first()
        .and_then(|v| v.first())
        .cloned()
        .unwrap_or_default();
    let profiles = pos.get(1).cloned().unwrap_or_default();
    if class.is_empty() {
        return Err(ParseFailure::missing("CLASS NAME", "CLASS NAME"));
    }
    if profiles.is_empty() {
        return Err(ParseFailure::missing("PROFILE NAME(S)", "PROFILE NAME(S)"));
    }
    let _ = alter;
    let kws = keywords(rest, RDEFINE_KEYWORDS)?;
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
    let (pos, rest) = positionals(ops, 2);
    let class = pos
        .first()
        .and_then(|v| v.first())
        .cloned()
        .unwrap_or_default();
    let profiles = pos.get(1).cloned().unwrap_or_default();
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
}

/// Parses PERMIT.
pub fn parse_permit(ops: &[Operand]) -> Result<Permit, ParseFailure> {
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
            "FROM" => p.from = Some(text_value(op, "PROFILE NAME")?.to_ascii_uppercase()),
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
    let (pos, rest) = positionals(ops, 2);
    let class = pos
        .first()
        .and_then(|v| v.first())
        .cloned()
        .unwrap_or_default();
    let profiles = pos.get(1).cloned().unwrap_or_default();
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
    /// Other operands (segments, PASSWORD …) as typed, accepted without effect.
    pub other: Vec<String>,
}

fn user_ids(pos: &[Vec<String>]) -> Result<Vec<String>, ParseFailure> {
    let ids = pos.first().cloned().unwrap_or_default();
    for id in &ids {
        checked_user_id(id)?;
    }
    Ok(ids)
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
            "PASSWORD" | "PHRASE" => u.other.push(format!("{k}(********)")),
            _ => u.other.push(op.to_string()),
        }
    }
    Ok(u)
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

/// ADDGROUP operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupSpec {
    /// Group names.
    pub groups: Vec<String>,
    /// OWNER.
    pub owner: Option<String>,
    /// SUPGROUP.
    pub supgroup: Option<String>,
}

/// Parses ADDGROUP.
pub fn parse_group(ops: &[Operand]) -> Result<GroupSpec, ParseFailure> {
    let (pos, rest) = positionals(ops, 1);
    let groups = user_ids(&pos)?;
    if groups.is_empty() {
        return Err(ParseFailure::missing("GROUP NAME", "GROUP NAME"));
    }
    let kws = keywords(
        rest,
        &[
            "OWNER",
            "SUPGROUP",
            "DATA",
            "OMVS",
            "TERMUACC",
            "NOTERMUACC",
            "UNIVERSAL",
            "MODEL",
            "CSDATA",
            "DFP",
            "OVM",
            "TME",
        ],
    )?;
    Ok(GroupSpec {
        groups,
        owner: get(&kws, "OWNER")
            .map(|o| text_value(o, "OWNER"))
            .transpose()?
            .map(|s| s.to_ascii_uppercase()),
        supgroup: get(&kws, "SUPGROUP")
            .map(|o| text_value(o, "GROUP NAME"))
            .transpose()?
            .map(|s| s.to_ascii_uppercase()),
    })
}

/// RACF CONNECT operands (a user to a group).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupConnect {
    /// User IDs.
    pub ids: Vec<String>,
    /// GROUP (default: the issuer's current group).
    pub group: Option<String>,
}

/// Parses RACF CONNECT.
pub fn parse_connect_group(ops: &[Operand]) -> Result<GroupConnect, ParseFailure> {
    let (pos, rest) = positionals(ops, 1);
    let ids = user_ids(&pos)?;
    if ids.is_empty() {
        return Err(ParseFailure::missing("USERID", "USERID"));
    }
    let kws = keywords(
        rest,
        &[
            "GROUP",
            "OWNER",
            "AUTHORITY",
            "UACC",
            "SPECIAL",
            "NOSPECIAL",
            "OPERATIONS",
            "NOOPERATIONS",
            "AUDITOR",
            "NOAUDITOR",
            "REVOKE",
            "RESUME",
            "ADSP",
            "NOADSP",
            "GRPACC",
            "NOGRPACC",
        ],
    )?;
    Ok(GroupConnect {
        ids,
        group: get(&kws, "GROUP")
            .map(|o| text_value(o, "GROUP NAME"))
            .transpose()?
            .map(|s| s.to_ascii_uppercase()),
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

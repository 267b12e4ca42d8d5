//! SETROPTS operands.

use super::classes;
use crate::operand::{has, keywords, text_value, ParseFailure};
use racemu_tso::operands::Operand;

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
    /// PASSWORD(INTERVAL(n)).
    pub password_interval: Option<u32>,
    /// PASSWORD(REVOKE(n)) as `Some(Some(n))`, PASSWORD(NOREVOKE) as `Some(None)`.
    pub password_revoke: Option<Option<u32>>,
    /// PROTECTALL(FAILURES|WARNING) as `Some(Some(..))`, NOPROTECTALL as `Some(None)`.
    pub protectall: Option<Option<ProtectAll>>,
    /// Other options, as typed (upper case), remembered but without effect.
    pub other: Vec<String>,
}

/// SETROPTS PROTECTALL's mode (Command Language Reference, SETROPTS PROTECTALL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtectAll {
    /// PROTECTALL or PROTECTALL(FAILURES): a data set no profile covers cannot be used.
    Failures,
    /// PROTECTALL(WARNING): it can, with a warning.
    Warning,
}

/// PROTECTALL's operand: FAILURES (the default) or WARNING.
fn protectall_mode(op: &Operand) -> Result<ProtectAll, ParseFailure> {
    match op.args.as_deref().and_then(|a| a.first()) {
        None => Ok(ProtectAll::Failures),
        Some(v) => match v.as_str().to_ascii_uppercase().as_str() {
            "FAILURES" | "FAILURE" | "FAIL" | "F" => Ok(ProtectAll::Failures),
            "WARNING" | "WARN" | "W" => Ok(ProtectAll::Warning),
            other => Err(ParseFailure::invalid("PROTECTALL", other)),
        },
    }
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

const PASSWORD_KEYWORDS: &[&str] = &[
    "INTERVAL",
    "REVOKE",
    "NOREVOKE",
    "HISTORY",
    "NOHISTORY",
    "WARNING",
    "NOWARNING",
    "MINCHANGE",
    "MIXEDCASE",
    "NOMIXEDCASE",
    "SPECIALCHARS",
    "NOSPECIALCHARS",
    "ALGORITHM",
    "NORULES",
    "RULE1",
    "RULE2",
    "RULE3",
    "RULE4",
    "RULE5",
    "RULE6",
    "RULE7",
    "RULE8",
];

/// A number within `range` inside `KW(n)`.
fn number(
    op: &Operand,
    what: &str,
    range: std::ops::RangeInclusive<u32>,
) -> Result<u32, ParseFailure> {
    let v = text_value(op, what)?;
    v.parse()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| ParseFailure::invalid(what, &v))
}

/// PASSWORD(INTERVAL(n) REVOKE(n) NOREVOKE …): INTERVAL 1–254, REVOKE 1–255 (RACF's ranges).
fn password_options(op: &Operand, s: &mut Setropts) -> Result<(), ParseFailure> {
    let subs = op.args.as_deref().unwrap_or_default();
    for (k, sub) in keywords(subs, PASSWORD_KEYWORDS)? {
        match k {
            "INTERVAL" => s.password_interval = Some(number(sub, "INTERVAL", 1..=254)?),
            "REVOKE" => s.password_revoke = Some(Some(number(sub, "REVOKE", 1..=255)?)),
            "NOREVOKE" => s.password_revoke = Some(None),
            _ => {}
        }
    }
    Ok(())
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
            "PROTECTALL" => s.protectall = Some(Some(protectall_mode(op)?)),
            "NOPROTECTALL" => s.protectall = Some(None),
            "PASSWORD" => {
                password_options(op, &mut s)?;
                s.other.push(op.to_string().to_ascii_uppercase());
            }
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

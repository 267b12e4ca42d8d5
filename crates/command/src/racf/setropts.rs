//! SETROPTS operands.

use super::classes;
use crate::operand::{has, keywords, ParseFailure};
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

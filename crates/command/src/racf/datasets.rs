//! Data set profile commands: ADDSD / ALTDSD, DELDSD, LISTDSD, and SEARCH (z/OS Security
//! Server RACF Command Language Reference, ADDSD, ALTDSD, DELDSD, LISTDSD, SEARCH).
//!
//! Profile names keep whether they were typed in quotes: an unquoted name is prefixed with the
//! issuer's user ID when the engine runs the command (TSO's data set naming convention).

use super::string_value;
use crate::operand::{has, keywords, text_value, DsnOperand, ParseFailure};
use racemu_racf::Access;
use racemu_tso::operands::Operand;

/// ADDSD / ALTDSD operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DsProfileSpec {
    /// The profile names, as typed.
    pub names: Vec<DsnOperand>,
    /// UACC.
    pub uacc: Option<Access>,
    /// OWNER.
    pub owner: Option<String>,
    /// DATA('installation data'); `Some(None)` for ALTDSD NODATA.
    pub data: Option<Option<String>>,
    /// WARNING (`Some(true)`) or NOWARNING (`Some(false)`).
    pub warning: Option<bool>,
    /// NOTIFY(user) (`Some(Some(..))`) or NONOTIFY (`Some(None)`): recorded only.
    pub notify: Option<Option<String>>,
    /// AUDIT(...) as typed: recorded only.
    pub audit: Option<String>,
    /// FROM(profile): copy that profile's UACC, WARNING, DATA and access list.
    pub from: Option<DsnOperand>,
    /// GENERIC: the name is a generic profile even without `*` or `%`.
    pub generic: bool,
}

/// ADDSD keywords (Command Language Reference, ADDSD); those racemu only records are accepted.
const ADDSD_KEYWORDS: &[&str] = &[
    "UACC", "OWNER", "DATA", "WARNING", "NOTIFY", "AUDIT", "FROM", "FCLASS", "FGENERIC", "FVOLUME",
    "GENERIC", "SET", "NOSET", "UNIT", "VOLUME", "ERASE", "NOERASE", "LEVEL", "SECLEVEL",
    "CATEGORY", "SECLABEL", "RETPD", "DFP", "TAPE", "MODEL", "NOTIFY", "TME",
];

/// ALTDSD keywords (Command Language Reference, ALTDSD).
const ALTDSD_KEYWORDS: &[&str] = &[
    "UACC",
    "OWNER",
    "DATA",
    "NODATA",
    "WARNING",
    "NOWARNING",
    "NOTIFY",
    "NONOTIFY",
    "AUDIT",
    "GLOBALAUDIT",
    "GENERIC",
    "UNIT",
    "VOLUME",
    "ADDVOL",
    "DELVOL",
    "ERASE",
    "NOERASE",
    "LEVEL",
    "SECLEVEL",
    "NOSECLEVEL",
    "ADDCATEGORY",
    "DELCATEGORY",
    "SECLABEL",
    "NOSECLABEL",
    "RETPD",
    "DFP",
    "NODFP",
    "TME",
    "NOTME",
    "ALTVOL",
];

/// The data set names of the first operand: `'A.B'`, `A`, or a parenthesised list.
fn dsn_positional(ops: &[Operand]) -> (Vec<DsnOperand>, &[Operand]) {
    let Some(first) = ops.first() else {
        return (Vec::new(), ops);
    };
    let one = |o: &Operand| DsnOperand {
        name: o.as_str().to_string(),
        quoted: o.text.is_quoted(),
    };
    let mut names = Vec::new();
    if !first.as_str().is_empty() {
        // A keyword is not a positional: `ADDSD UACC(READ)` names no profile.
        if first.args.is_some() {
            return (names, ops);
        }
        names.push(one(first));
    } else if let Some(args) = &first.args {
        names.extend(args.iter().filter(|a| !a.as_str().is_empty()).map(one));
    }
    (names, &ops[1..])
}

/// The missing-profile failure of the data set commands.
fn missing_names() -> ParseFailure {
    ParseFailure::missing("DATA SET PROFILE NAME(S)", "DATA SET PROFILE NAME(S)")
}

/// A data set name operand value, `KW('A.B')` / `KW(A.B)`.
fn dsn_of(op: &Operand, what: &str) -> Result<DsnOperand, ParseFailure> {
    crate::operand::dsn_value(op, what)
}

/// Parses ADDSD (or ALTDSD when `alter`).
pub fn parse_dsprofile(ops: &[Operand], alter: bool) -> Result<DsProfileSpec, ParseFailure> {
    let (names, rest) = dsn_positional(ops);
    if names.is_empty() {
        return Err(missing_names());
    }
    let table = if alter {
        ALTDSD_KEYWORDS
    } else {
        ADDSD_KEYWORDS
    };
    let mut d = DsProfileSpec {
        names,
        ..Default::default()
    };
    for (k, op) in keywords(rest, table)? {
        match k {
            "UACC" => {
                let v = text_value(op, "UNIVERSAL ACCESS")?;
                d.uacc = Some(
                    Access::parse(&v)
                        .ok_or_else(|| ParseFailure::invalid("UACC", &v.to_ascii_uppercase()))?,
                );
            }
            "OWNER" => d.owner = Some(text_value(op, "OWNER")?.to_ascii_uppercase()),
            "DATA" => d.data = Some(Some(string_value(op, "INSTALLATION DATA")?)),
            "NODATA" => d.data = Some(None),
            "WARNING" => d.warning = Some(true),
            "NOWARNING" => d.warning = Some(false),
            "NOTIFY" => {
                let who = op
                    .args
                    .as_deref()
                    .and_then(|a| a.first())
                    .map(|v| v.as_str().to_ascii_uppercase());
                d.notify = Some(who);
            }
            "NONOTIFY" => d.notify = Some(None),
            "AUDIT" => d.audit = Some(op.to_string().to_ascii_uppercase()),
            "FROM" => d.from = Some(dsn_of(op, "PROFILE NAME")?),
            "GENERIC" => d.generic = true,
            _ => {}
        }
    }
    Ok(d)
}

/// DELDSD operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deldsd {
    /// The profile names, as typed.
    pub names: Vec<DsnOperand>,
    /// GENERIC.
    pub generic: bool,
}

/// Parses DELDSD.
pub fn parse_deldsd(ops: &[Operand]) -> Result<Deldsd, ParseFailure> {
    let (names, rest) = dsn_positional(ops);
    if names.is_empty() {
        return Err(missing_names());
    }
    let kws = keywords(rest, &["GENERIC", "NOSET", "SET", "VOLUME"])?;
    Ok(Deldsd {
        names,
        generic: has(&kws, "GENERIC"),
    })
}

/// LISTDSD operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listdsd {
    /// DATASET(names) or the positional names, as typed.
    pub names: Vec<DsnOperand>,
    /// PREFIX(prefix): every profile that starts with it.
    pub prefix: Option<String>,
    /// ID(user or group): every profile whose high-level qualifier it is.
    pub id: Option<String>,
    /// ALL.
    pub all: bool,
    /// AUTHUSER.
    pub authuser: bool,
    /// GENERIC: the generic profile that protects each name.
    pub generic: bool,
}

/// Parses LISTDSD.
pub fn parse_listdsd(ops: &[Operand]) -> Result<Listdsd, ParseFailure> {
    let (mut names, rest) = dsn_positional(ops);
    let table = [
        "DATASET",
        "PREFIX",
        "ID",
        "ALL",
        "AUTHUSER",
        "GENERIC",
        "NOGENERIC",
        "STATISTICS",
        "HISTORY",
        "DSNS",
        "VOLUME",
        "DFP",
        "TME",
        "RESGROUP",
    ];
    let kws = keywords(rest, &table)?;
    let mut l = Listdsd {
        all: has(&kws, "ALL"),
        authuser: has(&kws, "AUTHUSER"),
        generic: has(&kws, "GENERIC"),
        ..Default::default()
    };
    for (k, op) in &kws {
        match *k {
            "DATASET" => {
                for a in op.args.as_deref().unwrap_or_default() {
                    if !a.as_str().is_empty() {
                        names.push(DsnOperand {
                            name: a.as_str().to_string(),
                            quoted: a.text.is_quoted(),
                        });
                    }
                }
            }
            "PREFIX" => l.prefix = Some(text_value(op, "PREFIX")?.to_ascii_uppercase()),
            "ID" => l.id = Some(text_value(op, "USERID OR GROUP NAME")?.to_ascii_uppercase()),
            _ => {}
        }
    }
    if names.is_empty() && l.prefix.is_none() && l.id.is_none() {
        return Err(missing_names());
    }
    l.names = names;
    Ok(l)
}

/// SEARCH operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Search {
    /// CLASS (default DATASET).
    pub class: String,
    /// FILTER(pattern) (`*`, `**`, `%` as in generic names).
    pub filter: Option<String>,
    /// MASK(prefix).
    pub mask: Option<String>,
    /// GENERIC: only generic profiles.
    pub generic: bool,
    /// NOGENERIC: only discrete profiles.
    pub nogeneric: bool,
    /// USER(userid): profiles whose high-level qualifier is this user.
    pub user: Option<String>,
}

/// Parses SEARCH.
pub fn parse_search(ops: &[Operand]) -> Result<Search, ParseFailure> {
    let table = [
        "CLASS",
        "FILTER",
        "MASK",
        "NOMASK",
        "GENERIC",
        "NOGENERIC",
        "USER",
        "ALL",
        "AGE",
        "LIST",
        "NOLIST",
        "CLIST",
        "VOLUME",
        "WARNING",
        "NOWARNING",
        "EXPIRES",
        "LEVEL",
        "CATEGORY",
        "SECLEVEL",
        "SECLABEL",
    ];
    let kws = keywords(ops, &table)?;
    let mut s = Search {
        class: "DATASET".into(),
        generic: has(&kws, "GENERIC"),
        nogeneric: has(&kws, "NOGENERIC"),
        ..Default::default()
    };
    for (k, op) in &kws {
        match *k {
            "CLASS" => s.class = text_value(op, "CLASS NAME")?.to_ascii_uppercase(),
            "FILTER" => s.filter = Some(text_value(op, "FILTER")?.to_ascii_uppercase()),
            "MASK" => s.mask = Some(text_value(op, "MASK")?.to_ascii_uppercase()),
            "USER" => s.user = Some(text_value(op, "USERID")?.to_ascii_uppercase()),
            _ => {}
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use crate::{parse, Command};

    #[test]
    fn addsd_keeps_quotes_and_keywords() {
        let Ok(Command::AddSd(d)) = parse(
            "ADDSD 'IZUSVR.**' UACC(NONE) OWNER(izusvr) WARNING NOTIFY(IBMUSER) AUDIT(ALL(READ))",
        ) else {
            panic!()
        };
        assert_eq!(d.names.len(), 1);
        assert!(d.names[0].quoted);
        assert_eq!(d.names[0].qualified("ALICE"), "IZUSVR.**");
        assert_eq!(d.uacc, Some(racemu_racf::Access::None));
        assert_eq!(d.owner.as_deref(), Some("IZUSVR"));
        assert_eq!(d.warning, Some(true));
        assert_eq!(d.notify, Some(Some("IBMUSER".into())));
        assert_eq!(d.audit.as_deref(), Some("AUDIT(ALL(READ))"));
        let Ok(Command::AddSd(d)) = parse("AD ('A.B' C.D) GENERIC") else {
            panic!()
        };
        assert_eq!(d.names[1].qualified("ALICE"), "ALICE.C.D");
        assert!(d.generic);
    }

    #[test]
    fn data_set_commands_need_a_name_and_their_own_keywords() {
        let msgs = |c: &str| parse(c).err().map(|e| e.messages()).unwrap_or_default();
        assert_eq!(
            msgs("ADDSD UACC(READ)"),
            ["IKJ56701I MISSING DATA SET PROFILE NAME(S)"]
        );
        assert_eq!(
            msgs("ADDSD 'A.B' NODATA"),
            ["IKJ56712I INVALID KEYWORD, NODATA"]
        );
        assert!(matches!(
            parse("ALD 'A.B' NODATA NOWARNING"),
            Ok(Command::AltDsd(_))
        ));
        assert!(matches!(parse("DD 'A.B' GENERIC"), Ok(Command::DelDsd(_))));
        let Ok(Command::ListDsd(l)) = parse("LD DA('A.B') ALL") else {
            panic!()
        };
        assert!(l.all && l.names[0].quoted);
        let Ok(Command::Search(s)) = parse("SEARCH FILTER(IZUSVR.**) GENERIC") else {
            panic!()
        };
        assert_eq!(s.class, "DATASET");
        assert_eq!(s.filter.as_deref(), Some("IZUSVR.**"));
    }

    #[test]
    fn setropts_protectall_modes() {
        use crate::ProtectAll;
        let mode = |c: &str| match parse(c) {
            Ok(Command::Setropts(s)) => Ok(s.protectall),
            Err(e) => Err(e.messages()),
            Ok(other) => Err(vec![format!("{other:?}")]),
        };
        assert_eq!(
            mode("SETR PROTECTALL"),
            Ok(Some(Some(ProtectAll::Failures)))
        );
        assert_eq!(
            mode("SETR PROTECTALL(FAILURES)"),
            Ok(Some(Some(ProtectAll::Failures)))
        );
        assert_eq!(
            mode("SETR PROTECTALL(WARNING)"),
            Ok(Some(Some(ProtectAll::Warning)))
        );
        assert_eq!(mode("SETR NOPROTECTALL"), Ok(Some(None)));
        assert_eq!(
            mode("SETR PROTECTALL(SOMETIMES)"),
            Err(vec!["IKJ56702I INVALID PROTECTALL, SOMETIMES".to_string()])
        );
    }
}

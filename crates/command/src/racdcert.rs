//! RACDCERT: owner selector plus one function with its keywords (reference §1).
//!
//! Case rules (reference §1): keywords in any case; user IDs folded to upper case; quoted
//! strings keep their case; unquoted labels and DN values are folded to upper case, as TSO
//! parse folds unquoted operands; ring names keep their case even when unquoted.

use crate::operand::{
    checked_user_id, dsn_value, get, has, keyword_of, text_value, value, DsnOperand, ParseFailure,
};
use racemu_tso::operands::{Operand, OperandText};

/// Who owns a certificate: a user, CERTAUTH or SITE.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    /// A RACF user ID (upper case).
    User(String),
    /// Certificate-authority certificates (stored under `irrcerta`).
    CertAuth,
    /// Site certificates (stored under `irrsitec`).
    Site,
}

impl Owner {
    /// The owner as RACF stores it: the user ID, `irrcerta` or `irrsitec`.
    pub fn internal_id(&self) -> &str {
        match self {
            Owner::User(u) => u,
            Owner::CertAuth => "irrcerta",
            Owner::Site => "irrsitec",
        }
    }

    /// The owner from its stored form.
    pub fn from_internal(s: &str) -> Owner {
        match s {
            "irrcerta" => Owner::CertAuth,
            "irrsitec" => Owner::Site,
            u => Owner::User(u.to_string()),
        }
    }
}

/// A certificate's TRUST status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrustStatus {
    /// TRUST.
    Trust,
    /// NOTRUST.
    NoTrust,
    /// HIGHTRUST.
    HighTrust,
}

impl TrustStatus {
    /// The RACF keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            TrustStatus::Trust => "TRUST",
            TrustStatus::NoTrust => "NOTRUST",
            TrustStatus::HighTrust => "HIGHTRUST",
        }
    }

    /// Parses the RACF keyword (upper case).
    pub fn from_keyword(s: &str) -> Option<TrustStatus> {
        match s {
            "TRUST" => Some(TrustStatus::Trust),
            "NOTRUST" => Some(TrustStatus::NoTrust),
            "HIGHTRUST" => Some(TrustStatus::HighTrust),
            _ => None,
        }
    }
}

/// How a certificate is used in a ring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Usage {
    /// PERSONAL.
    Personal,
    /// CERTAUTH.
    CertAuth,
    /// SITE.
    Site,
}

impl Usage {
    /// The RACF keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            Usage::Personal => "PERSONAL",
            Usage::CertAuth => "CERTAUTH",
            Usage::Site => "SITE",
        }
    }

    /// Parses the RACF keyword (upper case).
    pub fn from_keyword(s: &str) -> Option<Usage> {
        match s {
            "PERSONAL" => Some(Usage::Personal),
            "CERTAUTH" => Some(Usage::CertAuth),
            "SITE" => Some(Usage::Site),
            _ => None,
        }
    }
}

/// Which certificate a function names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertSelector {
    /// `LABEL('label')`.
    Label(String),
    /// `SERIALNUMBER(hex) [ISSUERSDN('dn')]`.
    Serial {
        /// Serial number in hex, upper case.
        serial: String,
        /// Issuer DN in RACF dotted form, if given.
        issuer: Option<String>,
    },
}

/// `LISTRING(ring)` or `LISTRING(*)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RingSelector {
    /// One ring by name (case kept).
    Named(String),
    /// `*`: every ring of the owner.
    All,
}

/// Key algorithm keywords of GENCERT / REKEY.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAlgorithmKeyword {
    /// RSA (the default).
    Rsa,
    /// NISTECC.
    NistEcc,
    /// BPECC (Brainpool).
    Bpecc,
    /// DSA.
    Dsa,
}

/// A DATE/TIME pair of NOTBEFORE / NOTAFTER.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateTimeSpec {
    /// `DATE(yyyy-mm-dd)` or `DATE(yyyy/mm/dd)`: year, month, day (not yet range-checked).
    pub date: Option<(i32, u8, u8)>,
    /// `TIME(hh:mm:ss)` (also `hh:mm` and `hh`).
    pub time: Option<(u8, u8, u8)>,
}

/// Subject DN parts of SUBJECTSDN, in display order CN, T, OU…, O, L, SP, C.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SubjectSpec {
    /// (tag, value) pairs; tags are `CN`, `T`, `OU`, `O`, `L`, `SP`, `C`.
    pub parts: Vec<(&'static str, String)>,
}

/// ALTNAME values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AltNameSpec {
    /// IP(address).
    pub ip: Option<String>,
    /// DOMAIN('name').
    pub domain: Option<String>,
    /// EMAIL('address').
    pub email: Option<String>,
    /// URI('uri').
    pub uri: Option<String>,
}

impl AltNameSpec {
    /// True when no value was given.
    pub fn is_empty(&self) -> bool {
        self.ip.is_none() && self.domain.is_none() && self.email.is_none() && self.uri.is_none()
    }
}

/// KEYUSAGE keywords.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyUsageSpec {
    /// HANDSHAKE.
    pub handshake: bool,
    /// DATAENCRYPT.
    pub dataencrypt: bool,
    /// DOCSIGN.
    pub docsign: bool,
    /// CERTSIGN.
    pub certsign: bool,
    /// KEYAGREE.
    pub keyagree: bool,
}

/// SIGNWITH([CERTAUTH|SITE] LABEL('x')).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignWithSpec {
    /// The signer's owner: CERTAUTH, SITE, or `None` for the new certificate's own owner.
    pub owner: Option<Owner>,
    /// The signer's label.
    pub label: String,
}

/// GENCERT operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GenCert {
    /// `GENCERT('request-dsn')`: sign a PKCS#10 request instead of generating a key.
    pub request: Option<DsnOperand>,
    /// SUBJECTSDN.
    pub subject: Option<SubjectSpec>,
    /// SIZE(n).
    pub size: Option<u32>,
    /// RSA / NISTECC / BPECC / DSA.
    pub algorithm: Option<KeyAlgorithmKeyword>,
    /// Key placement keywords given (ICSF, PCICC, PKDS, TOKEN): accepted, keys stay in the store.
    pub key_placement: Option<String>,
    /// NOTBEFORE.
    pub not_before: Option<DateTimeSpec>,
    /// NOTAFTER.
    pub not_after: Option<DateTimeSpec>,
    /// WITHLABEL.
    pub label: Option<String>,
    /// SIGNWITH.
    pub sign_with: Option<SignWithSpec>,
    /// KEYUSAGE.
    pub key_usage: Option<KeyUsageSpec>,
    /// ALTNAME.
    pub alt_name: AltNameSpec,
    /// TRUST / NOTRUST / HIGHTRUST.
    pub status: Option<TrustStatus>,
}

/// EXPORT formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// CERTDER.
    CertDer,
    /// CERTB64 (default).
    CertB64,
    /// PKCS7DER.
    Pkcs7Der,
    /// PKCS7B64.
    Pkcs7B64,
    /// PKCS12DER.
    Pkcs12Der,
    /// PKCS12B64.
    Pkcs12B64,
}

/// The RACDCERT function and its operands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Function {
    /// LIST (no selector: every certificate of the owner).
    List(Option<CertSelector>),
    /// LISTRING.
    ListRing(RingSelector),
    /// LISTCHAIN.
    ListChain(CertSelector),
    /// ADDRING.
    AddRing(String),
    /// DELRING.
    DelRing(String),
    /// CONNECT.
    Connect {
        /// Certificate owner inside CONNECT (default: the ring owner).
        cert_owner: Option<Owner>,
        /// LABEL.
        label: Option<String>,
        /// RING.
        ring: Option<String>,
        /// USAGE.
        usage: Option<Usage>,
        /// DEFAULT.
        default: bool,
    },
    /// REMOVE.
    Remove {
        /// Certificate owner inside REMOVE (default: the ring owner).
        cert_owner: Option<Owner>,
        /// LABEL.
        label: Option<String>,
        /// RING.
        ring: Option<String>,
    },
    /// DELETE.
    Delete(Option<CertSelector>),
    /// ALTER.
    Alter {
        /// The certificate.
        selector: Option<CertSelector>,
        /// New status.
        status: Option<TrustStatus>,
        /// NEWLABEL.
        new_label: Option<String>,
    },
    /// GENCERT.
    GenCert(Box<GenCert>),
    /// ADD.
    Add {
        /// Data set holding the certificate or package.
        dsn: DsnOperand,
        /// TRUST / NOTRUST / HIGHTRUST.
        status: Option<TrustStatus>,
        /// WITHLABEL.
        label: Option<String>,
        /// PASSWORD for PKCS#12.
        password: Option<String>,
    },
    /// EXPORT.
    Export {
        /// The certificate.
        selector: Option<CertSelector>,
        /// DSN.
        dsn: Option<DsnOperand>,
        /// FORMAT.
        format: Option<ExportFormat>,
        /// PASSWORD.
        password: Option<String>,
    },
    /// GENREQ.
    GenReq {
        /// The certificate.
        selector: Option<CertSelector>,
        /// DSN.
        dsn: Option<DsnOperand>,
    },
    /// CHECKCERT.
    CheckCert {
        /// Data set to inspect.
        dsn: DsnOperand,
        /// PASSWORD for PKCS#12.
        password: Option<String>,
    },
    /// REKEY.
    Rekey {
        /// The certificate.
        selector: Option<CertSelector>,
        /// The new certificate's operands (WITHLABEL, SIZE, algorithm, dates).
        params: Box<GenCert>,
    },
    /// ROLLOVER.
    Rollover {
        /// The certificate.
        selector: Option<CertSelector>,
        /// NEWLABEL.
        new_label: Option<String>,
        /// FORCE.
        force: bool,
    },
    /// A function racemu knows by name but does not emulate (tokens, mappings, IMPORT, BIND).
    NotEmulated(&'static str),
}

/// A whole RACDCERT command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Racdcert {
    /// ID(x) / CERTAUTH / SITE; `None` = the issuer.
    pub owner: Option<Owner>,
    /// The function (LIST when none was named).
    pub function: Function,
}

/// Every RACDCERT top-level keyword, for abbreviation and completion; the functions come first
/// ([`FUNCTION_COUNT`] of them).
pub const RACDCERT_KEYWORDS: &[&str] = &[
    "ADD",
    "ADDRING",
    "ADDTOKEN",
    "ALTER",
    "ALTMAP",
    "BIND",
    "CHECKCERT",
    "CONNECT",
    "DELETE",
    "DELMAP",
    "DELRING",
    "DELTOKEN",
    "EXPORT",
    "GENCERT",
    "GENREQ",
    "IMPORT",
    "LIST",
    "LISTCHAIN",
    "LISTMAP",
    "LISTRING",
    "LISTTOKEN",
    "MAP",
    "REKEY",
    "REMOVE",
    "ROLLOVER",
    "UNBIND",
    "ID",
    "SITE",
    "CERTAUTH",
    "MULTIID",
    "WITHLABEL",
    "TRUST",
    "NOTRUST",
    "HIGHTRUST",
    "PASSWORD",
    "ICSF",
    "PCICC",
    "PKDS",
    "TOKEN",
    "SUBJECTSDN",
    "SIZE",
    "NOTBEFORE",
    "NOTAFTER",
    "SIGNWITH",
    "RSA",
    "NISTECC",
    "BPECC",
    "DSA",
    "KEYUSAGE",
    "ALTNAME",
    "DSN",
    "FORMAT",
    "NEWLABEL",
    "FORCE",
    "SDNFILTER",
    "IDNFILTER",
    "CRITERIA",
    "FROMICSF",
    "REQONLY",
];

/// How many of [`RACDCERT_KEYWORDS`] are functions (they come first).
pub const FUNCTION_COUNT: usize = 26;

fn is_function(k: &str) -> bool {
    RACDCERT_KEYWORDS[..FUNCTION_COUNT].contains(&k)
}

fn upper(s: &str) -> String {
    s.to_ascii_uppercase()
}

/// A label value: quoted keeps case, unquoted is folded.
fn label_text(v: &Operand) -> String {
    match &v.text {
        OperandText::Quoted(q) => q.clone(),
        OperandText::Word(w) => upper(w),
    }
}

fn user_id(op: &Operand) -> Result<String, ParseFailure> {
    checked_user_id(&text_value(op, "USERID")?)
}

/// LABEL('x') | SERIALNUMBER(hex) ISSUERSDN('dn') inside a function's parentheses.
fn selector(args: &[Operand]) -> Result<Option<CertSelector>, ParseFailure> {
    let table = ["LABEL", "SERIALNUMBER", "ISSUERSDN"];
    let mut label = None;
    let mut serial = None;
    let mut issuer = None;
    for a in args {
        match keyword_of(a, &table)? {
            Some("LABEL") => label = Some(label_text(value(a, "LABEL")?)),
            Some("SERIALNUMBER") => serial = Some(upper(&text_value(a, "SERIAL NUMBER")?)),
            Some("ISSUERSDN") => issuer = Some(text_value(a, "ISSUER'S DISTINGUISHED NAME")?),
            _ => return Err(ParseFailure::invalid_keyword(&a.to_string())),
        }
    }
    if let Some(l) = label {
        return Ok(Some(CertSelector::Label(l)));
    }
    Ok(serial.map(|serial| CertSelector::Serial { serial, issuer }))
}

fn owner_inside(a: &Operand, k: &str) -> Result<Option<Owner>, ParseFailure> {
    Ok(match k {
        "ID" => Some(Owner::User(user_id(a)?)),
        "SITE" => Some(Owner::Site),
        "CERTAUTH" => Some(Owner::CertAuth),
        _ => None,
    })
}

fn parse_date(s: &str) -> Option<(i32, u8, u8)> {
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return None;
    }
    Some((
        parts[0].parse().ok()?,
        parts[1].parse().ok()?,
        parts[2].parse().ok()?,
    ))
}

fn parse_time(s: &str) -> Option<(u8, u8, u8)> {
    let parts: Vec<&str> = s.split(':').collect();
    if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.len() != 2) {
        return None;
    }
    let n = |i: usize| -> Option<u8> { parts.get(i).map_or(Some(0), |p| p.parse().ok()) };
    Some((n(0)?, n(1)?, n(2)?))
}

fn date_time(op: &Operand, kw: &str) -> Result<DateTimeSpec, ParseFailure> {
    let mut spec = DateTimeSpec::default();
    for a in op.args.as_deref().unwrap_or(&[]) {
        match keyword_of(a, &["DATE", "TIME"])? {
            Some("DATE") => {
                let v = text_value(a, "DATE")?;
                spec.date = Some(parse_date(&v).ok_or_else(|| ParseFailure::invalid("DATE", &v))?);
            }
            Some("TIME") => {
                let v = text_value(a, "TIME")?;
                spec.time = Some(parse_time(&v).ok_or_else(|| ParseFailure::invalid("TIME", &v))?);
            }
            _ => return Err(ParseFailure::invalid_keyword(&a.to_string())),
        }
    }
    if spec.date.is_none() && spec.time.is_none() {
        return Err(ParseFailure::missing(kw, kw));
    }
    Ok(spec)
}

fn subject(op: &Operand) -> Result<SubjectSpec, ParseFailure> {
    const TAGS: &[&str] = &["CN", "T", "OU", "O", "L", "SP", "C"];
    let mut found: Vec<(&'static str, Vec<String>)> = Vec::new();
    for a in op.args.as_deref().unwrap_or(&[]) {
        let Some(tag) = keyword_of(a, TAGS)? else {
            return Err(ParseFailure::invalid_keyword(&a.to_string()));
        };
        let vals: Vec<String> = a
            .args
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .map(label_text)
            .collect();
        if vals.is_empty() || vals.iter().any(|v| v.is_empty()) {
            return Err(ParseFailure::missing(tag, tag));
        }
        found.retain(|(t, _)| *t != tag);
        found.push((tag, vals));
    }
    let mut parts = Vec::new();
    for tag in TAGS {
        if let Some((_, vals)) = found.iter().find(|(t, _)| t == tag) {
            let take = if *tag == "OU" { vals.len() } else { 1 };
            for v in vals.iter().take(take) {
                parts.push((*tag, v.clone()));
            }
        }
    }
    Ok(SubjectSpec { parts })
}

fn alt_names(op: &Operand) -> Result<AltNameSpec, ParseFailure> {
    let mut spec = AltNameSpec::default();
    for a in op.args.as_deref().unwrap_or(&[]) {
        let k = keyword_of(a, &["IP", "DOMAIN", "EMAIL", "URI"])?;
        let v = a
            .args
            .as_deref()
            .and_then(|v| v.first())
            .map(|v| v.as_str().to_string());
        match k {
            Some("IP") => match v.filter(|s| !s.is_empty()) {
                Some(ip) => spec.ip = Some(ip),
                None => {
                    return Err(ParseFailure::missing(
                        "Internet Protocol (IP) Address",
                        "The Internet Protocol (IP) Address in either IPv4 or IPv6 form, e.g. IPv4, 10.120.184.248, IPv6, 12cd:0:afed:45:109f:16c:743d:8001",
                    ))
                }
            },
            Some("DOMAIN") => match v.filter(|s| !s.is_empty()) {
                Some(d) => spec.domain = Some(d),
                None => return Err(ParseFailure::missing("Domain Name", "The Domain Name, e.g. www.ibm.com")),
            },
            Some("EMAIL") => match v.filter(|s| !s.is_empty()) {
                Some(e) => spec.email = Some(e),
                None => return Err(ParseFailure::missing("Email Address", "The Email Address, e.g. name@ibm.com")),
            },
            Some("URI") => match v.filter(|s| !s.is_empty()) {
                Some(u) => spec.uri = Some(u),
                None => return Err(ParseFailure::missing("Uniform Resource Identifier", "The Uniform Resource Identifier, e.g. http://www.ibm.com")),
            },
            _ => return Err(ParseFailure::invalid_keyword(&a.to_string())),
        }
    }
    Ok(spec)
}

fn key_usage(op: &Operand) -> Result<KeyUsageSpec, ParseFailure> {
    let table = [
        "HANDSHAKE",
        "DATAENCRYPT",
        "DOCSIGN",
        "CERTSIGN",
        "KEYAGREE",
    ];
    let mut ku = KeyUsageSpec::default();
    for a in op.args.as_deref().unwrap_or(&[]) {
        match keyword_of(a, &table)? {
            Some("HANDSHAKE") => ku.handshake = true,
            Some("DATAENCRYPT") => ku.dataencrypt = true,
            Some("DOCSIGN") => ku.docsign = true,
            Some("CERTSIGN") => ku.certsign = true,
            Some("KEYAGREE") => ku.keyagree = true,
            _ => return Err(ParseFailure::invalid_keyword(&a.to_string())),
        }
    }
    Ok(ku)
}

fn sign_with(op: &Operand) -> Result<SignWithSpec, ParseFailure> {
    let mut owner = None;
    let mut label = None;
    for a in op.args.as_deref().unwrap_or(&[]) {
        match keyword_of(a, &["CERTAUTH", "SITE", "LABEL"])? {
            Some("CERTAUTH") => owner = Some(Owner::CertAuth),
            Some("SITE") => owner = Some(Owner::Site),
            Some("LABEL") => label = Some(label_text(value(a, "LABEL")?)),
            _ => return Err(ParseFailure::invalid_keyword(&a.to_string())),
        }
    }
    match label {
        Some(l) if !l.is_empty() => Ok(SignWithSpec { owner, label: l }),
        _ => Err(ParseFailure::missing("LABEL", "LABEL")),
    }
}

fn gencert_keywords(kws: &[(&'static str, &Operand)], g: &mut GenCert) -> Result<(), ParseFailure> {
    for (k, op) in kws {
        match *k {
            "SUBJECTSDN" => g.subject = Some(subject(op)?),
            "SIZE" => {
                let v = text_value(op, "KEY SIZE")?;
                g.size = Some(v.parse().map_err(|_| ParseFailure::invalid("SIZE", &v))?);
            }
            "RSA" => g.algorithm = Some(KeyAlgorithmKeyword::Rsa),
            "NISTECC" => g.algorithm = Some(KeyAlgorithmKeyword::NistEcc),
            "BPECC" => g.algorithm = Some(KeyAlgorithmKeyword::Bpecc),
            "DSA" => g.algorithm = Some(KeyAlgorithmKeyword::Dsa),
            "ICSF" | "PCICC" | "PKDS" | "TOKEN" => g.key_placement = Some(k.to_string()),
            "NOTBEFORE" => g.not_before = Some(date_time(op, "NOTBEFORE")?),
            "NOTAFTER" => g.not_after = Some(date_time(op, "NOTAFTER")?),
            "WITHLABEL" => g.label = Some(label_text(value(op, "LABEL")?)),
            "SIGNWITH" => g.sign_with = Some(sign_with(op)?),
            "KEYUSAGE" => g.key_usage = Some(key_usage(op)?),
            "ALTNAME" => g.alt_name = alt_names(op)?,
            "TRUST" | "NOTRUST" | "HIGHTRUST" => g.status = TrustStatus::from_keyword(k),
            _ => {}
        }
        if matches!(*k, "RSA" | "NISTECC" | "BPECC" | "DSA") {
            if let Some(inner) = op.args.as_deref().and_then(|a| a.first()) {
                g.key_placement = Some(upper(inner.as_str()));
            }
        }
    }
    Ok(())
}

fn status_of(kws: &[(&'static str, &Operand)]) -> Option<TrustStatus> {
    kws.iter()
        .rev()
        .find_map(|(k, _)| TrustStatus::from_keyword(k))
}

fn opt_text(
    kws: &[(&'static str, &Operand)],
    k: &str,
    what: &str,
) -> Result<Option<String>, ParseFailure> {
    get(kws, k).map(|op| text_value(op, what)).transpose()
}

/// Parses RACDCERT operands.
pub fn parse(ops: &[Operand]) -> Result<Racdcert, ParseFailure> {
    let mut kws: Vec<(&'static str, &Operand)> = Vec::new();
    for op in ops {
        match keyword_of(op, RACDCERT_KEYWORDS)? {
            Some(k) => {
                kws.retain(|(x, _)| *x != k);
                kws.push((k, op));
            }
            None => return Err(ParseFailure::invalid_keyword(&op.to_string())),
        }
    }
    let functions: Vec<(&'static str, &Operand)> = kws
        .iter()
        .filter(|(k, _)| is_function(k))
        .copied()
        .collect();
    if functions.len() > 1 {
        return Err(ParseFailure::invalid_keyword(functions[1].0));
    }
    let owners: Vec<&(&'static str, &Operand)> = kws
        .iter()
        .filter(|(k, _)| matches!(*k, "ID" | "SITE" | "CERTAUTH" | "MULTIID"))
        .collect();
    if owners.len() > 1 {
        return Err(ParseFailure::invalid_keyword(owners[1].0));
    }
    let owner = match owners.first() {
        Some(("ID", op)) => Some(Owner::User(user_id(op)?)),
        Some(("SITE", _)) => Some(Owner::Site),
        Some(("CERTAUTH", _)) => Some(Owner::CertAuth),
        Some(("MULTIID", _)) => {
            return Err(ParseFailure::new(
                vec!["IRRD136I MULTIID cannot be used for the function specified.".into()],
                8,
            ))
        }
        _ => None,
    };
    let (fname, fop) = match functions.first() {
        Some((n, o)) => (*n, Some(*o)),
        None => ("LIST", None),
    };
    let fargs: &[Operand] = fop.and_then(|o| o.args.as_deref()).unwrap_or(&[]);
    let function = match fname {
        "LIST" => Function::List(selector(fargs)?),
        "LISTCHAIN" => match selector(fargs)? {
            Some(s) => Function::ListChain(s),
            None => return Err(ParseFailure::missing("LABEL", "LABEL")),
        },
        "LISTRING" => {
            let v = fargs
                .first()
                .map(|v| v.as_str().to_string())
                .unwrap_or_default();
            if v.is_empty() {
                return Err(ParseFailure::missing("RING NAME", "RING NAME"));
            }
            Function::ListRing(if v == "*" {
                RingSelector::All
            } else {
                RingSelector::Named(v)
            })
        }
        "ADDRING" | "DELRING" => {
            let v = fargs
                .first()
                .map(|v| v.as_str().to_string())
                .unwrap_or_default();
            if v.is_empty() {
                return Err(ParseFailure::missing("RING NAME", "RING NAME"));
            }
            if fname == "ADDRING" {
                Function::AddRing(v)
            } else {
                Function::DelRing(v)
            }
        }
        "CONNECT" | "REMOVE" => {
            let table = [
                "ID", "SITE", "CERTAUTH", "LABEL", "RING", "USAGE", "DEFAULT",
            ];
            let mut cert_owner = None;
            let mut label = None;
            let mut ring = None;
            let mut usage = None;
            let mut default = false;
            for a in fargs {
                match keyword_of(a, &table)? {
                    Some(k @ ("ID" | "SITE" | "CERTAUTH")) => cert_owner = owner_inside(a, k)?,
                    Some("LABEL") => label = Some(label_text(value(a, "LABEL")?)),
                    Some("RING") => ring = Some(text_value(a, "RING NAME")?),
                    Some("USAGE") => {
                        let v = upper(&text_value(a, "USAGE")?);
                        let u = match keyword_of(
                            value(a, "USAGE")?,
                            &["PERSONAL", "CERTAUTH", "SITE"],
                        )? {
                            Some(k) => Usage::from_keyword(k),
                            None => None,
                        };
                        usage = Some(u.ok_or_else(|| ParseFailure::invalid("USAGE", &v))?);
                    }
                    Some("DEFAULT") => default = true,
                    _ => return Err(ParseFailure::invalid_keyword(&a.to_string())),
                }
            }
            if fname == "CONNECT" {
                Function::Connect {
                    cert_owner,
                    label,
                    ring,
                    usage,
                    default,
                }
            } else {
                Function::Remove {
                    cert_owner,
                    label,
                    ring,
                }
            }
        }
        "DELETE" => Function::Delete(selector(fargs)?),
        "ALTER" => Function::Alter {
            selector: selector(fargs)?,
            status: status_of(&kws),
            new_label: get(&kws, "NEWLABEL")
                .map(|o| value(o, "LABEL").map(label_text))
                .transpose()?,
        },
        "GENCERT" => {
            let mut g = GenCert::default();
            if let Some(first) = fargs.first() {
                if !first.as_str().is_empty() {
                    g.request = Some(DsnOperand {
                        name: first.as_str().to_string(),
                        quoted: first.text.is_quoted(),
                    });
                }
            }
            gencert_keywords(&kws, &mut g)?;
            Function::GenCert(Box::new(g))
        }
        "REKEY" => {
            let mut g = GenCert::default();
            gencert_keywords(&kws, &mut g)?;
            Function::Rekey {
                selector: selector(fargs)?,
                params: Box::new(g),
            }
        }
        "ROLLOVER" => Function::Rollover {
            selector: selector(fargs)?,
            new_label: get(&kws, "NEWLABEL")
                .map(|o| value(o, "LABEL").map(label_text))
                .transpose()?,
            force: has(&kws, "FORCE"),
        },
        "ADD" | "CHECKCERT" => {
            let dsn = match fop {
                Some(op) => dsn_value(op, "DATA SET NAME")?,
                None => return Err(ParseFailure::missing("DATA SET NAME", "DATA SET NAME")),
            };
            let password = opt_text(&kws, "PASSWORD", "PASSWORD")?;
            if fname == "ADD" {
                Function::Add {
                    dsn,
                    status: status_of(&kws),
                    label: get(&kws, "WITHLABEL")
                        .map(|o| value(o, "LABEL").map(label_text))
                        .transpose()?,
                    password,
                }
            } else {
                Function::CheckCert { dsn, password }
            }
        }
        "EXPORT" | "GENREQ" => {
            let dsn = get(&kws, "DSN")
                .map(|o| dsn_value(o, "DATA SET NAME"))
                .transpose()?;
            let selector = selector(fargs)?;
            if fname == "GENREQ" {
                Function::GenReq { selector, dsn }
            } else {
                let format = match get(&kws, "FORMAT") {
                    None => None,
                    Some(op) => {
                        let v = upper(&text_value(op, "FORMAT")?);
                        let table = [
                            "CERTDER",
                            "CERTB64",
                            "PKCS7DER",
                            "PKCS7B64",
                            "PKCS12DER",
                            "PKCS12B64",
                        ];
                        let f = match keyword_of(value(op, "FORMAT")?, &table)? {
                            Some("CERTDER") => ExportFormat::CertDer,
                            Some("CERTB64") => ExportFormat::CertB64,
                            Some("PKCS7DER") => ExportFormat::Pkcs7Der,
                            Some("PKCS7B64") => ExportFormat::Pkcs7B64,
                            Some("PKCS12DER") => ExportFormat::Pkcs12Der,
                            Some("PKCS12B64") => ExportFormat::Pkcs12B64,
                            _ => return Err(ParseFailure::invalid("FORMAT", &v)),
                        };
                        Some(f)
                    }
                };
                Function::Export {
                    selector,
                    dsn,
                    format,
                    password: opt_text(&kws, "PASSWORD", "PASSWORD")?,
                }
            }
        }
        other => Function::NotEmulated(other),
    };
    Ok(Racdcert { owner, function })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse as parse_cmd, Command};

    fn rd(s: &str) -> Racdcert {
        match parse_cmd(s) {
            Ok(Command::Racdcert(r)) => r,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn owner_after_function_and_lower_case() {
        let r = rd("racdcert connect(ring(zOSMFRing2) certauth label('zOSMFCA2')) id(izusvr)");
        assert_eq!(r.owner, Some(Owner::User("IZUSVR".into())));
        match r.function {
            Function::Connect {
                cert_owner,
                label,
                ring,
                usage,
                default,
            } => {
                assert_eq!(cert_owner, Some(Owner::CertAuth));
                assert_eq!(label.as_deref(), Some("zOSMFCA2"));
                assert_eq!(ring.as_deref(), Some("zOSMFRing2"));
                assert_eq!(usage, None);
                assert!(!default);
            }
            f => panic!("{f:?}"),
        }
    }

    #[test]
    fn gencert_full() {
        let r = rd("RACDCERT ID(ZWESVUSR) GENCERT SUBJECTSDN(CN('Zowe Service') OU('API Mediation Layer') O('Zowe Sample') L('Prague') SP('Prague') C('CZ')) SIZE(2048) NOTAFTER(DATE(2030/05/01)) WITHLABEL('localhost') KEYUSAGE(HANDSHAKE,DATAENCRYPT) ALTNAME(IP(10.1.1.1) DOMAIN('host')) SIGNWITH(CERTAUTH LABEL('localca'))");
        let Function::GenCert(g) = r.function else {
            panic!()
        };
        assert_eq!(
            g.subject.unwrap().parts[0],
            ("CN", "Zowe Service".to_string())
        );
        assert_eq!(g.size, Some(2048));
        assert_eq!(g.not_after.unwrap().date, Some((2030, 5, 1)));
        assert!(g.key_usage.as_ref().unwrap().dataencrypt);
        assert_eq!(g.alt_name.ip.as_deref(), Some("10.1.1.1"));
        assert_eq!(g.sign_with.unwrap().owner, Some(Owner::CertAuth));
    }

    #[test]
    fn empty_ip_is_missing() {
        let e = parse_cmd("RACDCERT GENCERT ALTNAME(IP() DOMAIN('x'))").unwrap_err();
        assert_eq!(
            e.messages[0],
            "IKJ56701I MISSING Internet Protocol (IP) Address+"
        );
        assert_eq!(e.messages.len(), 2);
    }

    #[test]
    fn bare_owner_is_list() {
        assert_eq!(rd("RACDCERT ID(x)").function, Function::List(None));
        assert_eq!(
            rd("RACDCERT LISTR(*) ID(x)").function,
            Function::ListRing(RingSelector::All)
        );
    }

    #[test]
    fn keyword_first_add() {
        let r = rd("racdcert CERTAUTH withlabel('CICS CA') add('USER1.CICSCA.PEM') trust");
        match r.function {
            Function::Add {
                dsn, label, status, ..
            } => {
                assert!(dsn.quoted);
                assert_eq!(label.as_deref(), Some("CICS CA"));
                assert_eq!(status, Some(TrustStatus::Trust));
            }
            f => panic!("{f:?}"),
        }
    }

    #[test]
    fn two_functions_rejected() {
        assert!(parse_cmd("RACDCERT LIST ADDRING(X)").is_err());
    }
}

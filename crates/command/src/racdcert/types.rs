//! RACDCERT's typed command: owners, selectors, function operands.

use super::registry::FunctionKind;
use crate::operand::DsnOperand;
use racemu_racf::{AltNames, KeyAlgorithm, KeyUsage, Owner, TrustStatus, Usage};

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
    pub algorithm: Option<KeyAlgorithm>,
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
    pub key_usage: Option<KeyUsage>,
    /// ALTNAME, the IP address as typed (checked when the command runs).
    pub alt_name: AltNames<String>,
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

impl ExportFormat {
    /// Every format, in the order RACF's reference lists them.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::CertDer,
        ExportFormat::CertB64,
        ExportFormat::Pkcs7Der,
        ExportFormat::Pkcs7B64,
        ExportFormat::Pkcs12Der,
        ExportFormat::Pkcs12B64,
    ];

    /// The FORMAT keyword (`CERTB64`).
    pub fn keyword(self) -> &'static str {
        match self {
            ExportFormat::CertDer => "CERTDER",
            ExportFormat::CertB64 => "CERTB64",
            ExportFormat::Pkcs7Der => "PKCS7DER",
            ExportFormat::Pkcs7B64 => "PKCS7B64",
            ExportFormat::Pkcs12Der => "PKCS12DER",
            ExportFormat::Pkcs12B64 => "PKCS12B64",
        }
    }

    /// The format a full, upper-case FORMAT keyword names.
    pub fn from_keyword(k: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.keyword() == k)
    }
}

/// CONNECT operands: which certificate joins which ring, and how.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Connect {
    /// Certificate owner inside CONNECT (`None`: the ring owner).
    pub cert_owner: Option<Owner>,
    /// LABEL: the certificate's label.
    pub label: Option<String>,
    /// RING: the ring's name (case kept).
    pub ring: Option<String>,
    /// USAGE(PERSONAL|CERTAUTH|SITE): the usage in this ring.
    pub usage: Option<Usage>,
    /// DEFAULT: the certificate becomes the ring's default.
    pub default: bool,
}

/// REMOVE operands: which certificate leaves which ring.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Remove {
    /// Certificate owner inside REMOVE (`None`: the ring owner).
    pub cert_owner: Option<Owner>,
    /// LABEL: the certificate's label.
    pub label: Option<String>,
    /// RING: the ring's name (case kept).
    pub ring: Option<String>,
}

/// ALTER operands: a certificate's new trust status and / or label.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Alter {
    /// The certificate.
    pub selector: Option<CertSelector>,
    /// TRUST / NOTRUST / HIGHTRUST: the new status.
    pub status: Option<TrustStatus>,
    /// NEWLABEL: the new label.
    pub new_label: Option<String>,
}

/// ADD operands: a certificate or package read from a data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Add {
    /// Data set holding the certificate or package.
    pub dsn: DsnOperand,
    /// TRUST / NOTRUST / HIGHTRUST.
    pub status: Option<TrustStatus>,
    /// WITHLABEL.
    pub label: Option<String>,
    /// PASSWORD for PKCS#12.
    pub password: Option<String>,
}

/// EXPORT operands: a certificate (and perhaps its chain and key) written to a data set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Export {
    /// The certificate.
    pub selector: Option<CertSelector>,
    /// DSN: the data set written.
    pub dsn: Option<DsnOperand>,
    /// FORMAT (`None`: CERTB64).
    pub format: Option<ExportFormat>,
    /// PASSWORD protecting a PKCS#12 package.
    pub password: Option<String>,
}

/// GENREQ operands: a PKCS#10 request for a certificate's key, written to a data set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GenReq {
    /// The certificate.
    pub selector: Option<CertSelector>,
    /// DSN: the data set written.
    pub dsn: Option<DsnOperand>,
}

/// CHECKCERT operands: a data set whose certificate or package is inspected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckCert {
    /// Data set to inspect.
    pub dsn: DsnOperand,
    /// PASSWORD for PKCS#12.
    pub password: Option<String>,
}

/// REKEY operands: a certificate whose replacement with a new key is generated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rekey {
    /// The certificate.
    pub selector: Option<CertSelector>,
    /// The new certificate's operands (WITHLABEL, SIZE, algorithm, dates).
    pub params: Box<GenCert>,
}

/// ROLLOVER operands: a certificate replaced by its rekeyed successor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rollover {
    /// The certificate.
    pub selector: Option<CertSelector>,
    /// NEWLABEL: the successor's label.
    pub new_label: Option<String>,
    /// FORCE.
    pub force: bool,
}

/// MAP operands: a certificate name filter and whom it maps to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Map {
    /// MULTIID: the user ID comes from DIGTCRIT profiles named by CRITERIA.
    pub multi_id: bool,
    /// `MAP(dsn)`: a certificate whose names the filters are starting points in.
    pub dsn: Option<DsnOperand>,
    /// PASSWORD for a PKCS#12 data set.
    pub password: Option<String>,
    /// SDNFILTER, as typed (quoted keeps case).
    pub subject_filter: Option<String>,
    /// IDNFILTER, as typed (quoted keeps case).
    pub issuer_filter: Option<String>,
    /// CRITERIA: the DIGTCRIT profile-name template, e.g. `APPLID=&APPLID`.
    pub criteria: Option<String>,
    /// WITHLABEL.
    pub label: Option<String>,
    /// TRUST or NOTRUST.
    pub status: Option<TrustStatus>,
}

/// ALTMAP operands: a mapping's new label, status or criteria.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AltMap {
    /// MULTIID.
    pub multi_id: bool,
    /// `ALTMAP(LABEL('label'))`: the mapping (required).
    pub label: String,
    /// NEWLABEL.
    pub new_label: Option<String>,
    /// TRUST or NOTRUST.
    pub status: Option<TrustStatus>,
    /// CRITERIA.
    pub criteria: Option<String>,
}

/// DELMAP or LISTMAP operands: one mapping by label, or every mapping of the owner.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapSelector {
    /// MULTIID.
    pub multi_id: bool,
    /// `(LABEL('label'))`, if given.
    pub label: Option<String>,
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
    Connect(Connect),
    /// REMOVE.
    Remove(Remove),
    /// DELETE.
    Delete(Option<CertSelector>),
    /// ALTER.
    Alter(Alter),
    /// GENCERT.
    GenCert(Box<GenCert>),
    /// ADD.
    Add(Add),
    /// EXPORT.
    Export(Export),
    /// GENREQ.
    GenReq(GenReq),
    /// CHECKCERT.
    CheckCert(CheckCert),
    /// REKEY.
    Rekey(Rekey),
    /// ROLLOVER.
    Rollover(Rollover),
    /// MAP.
    Map(Box<Map>),
    /// ALTMAP.
    AltMap(AltMap),
    /// DELMAP.
    DelMap(MapSelector),
    /// LISTMAP.
    ListMap(MapSelector),
    /// A function racemu knows by name but does not emulate (tokens, IMPORT, BIND).
    NotEmulated(FunctionKind),
}

impl Function {
    /// Which function this is.
    pub fn kind(&self) -> FunctionKind {
        match self {
            Function::List(_) => FunctionKind::List,
            Function::ListRing(_) => FunctionKind::ListRing,
            Function::ListChain(_) => FunctionKind::ListChain,
            Function::AddRing(_) => FunctionKind::AddRing,
            Function::DelRing(_) => FunctionKind::DelRing,
            Function::Connect(_) => FunctionKind::Connect,
            Function::Remove(_) => FunctionKind::Remove,
            Function::Delete(_) => FunctionKind::Delete,
            Function::Alter(_) => FunctionKind::Alter,
            Function::GenCert(_) => FunctionKind::GenCert,
            Function::Add(_) => FunctionKind::Add,
            Function::Export(_) => FunctionKind::Export,
            Function::GenReq(_) => FunctionKind::GenReq,
            Function::CheckCert(_) => FunctionKind::CheckCert,
            Function::Rekey(_) => FunctionKind::Rekey,
            Function::Rollover(_) => FunctionKind::Rollover,
            Function::Map(_) => FunctionKind::Map,
            Function::AltMap(_) => FunctionKind::AltMap,
            Function::DelMap(_) => FunctionKind::DelMap,
            Function::ListMap(_) => FunctionKind::ListMap,
            Function::NotEmulated(k) => *k,
        }
    }
}

/// A `LABEL(value)` operand as typed, wherever it stands in the command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedLabel {
    /// The value as typed, case kept (TSO folds it when unquoted).
    pub typed: String,
    /// Whether it was typed in apostrophes (its case is then kept).
    pub quoted: bool,
}

impl TypedLabel {
    /// The label RACF looks up: as typed when quoted, else folded to upper case.
    pub fn effective(&self) -> String {
        if self.quoted {
            self.typed.clone()
        } else {
            self.typed.to_ascii_uppercase()
        }
    }
}

/// A whole RACDCERT command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Racdcert {
    /// ID(x) / CERTAUTH / SITE; `None` = the issuer (or MULTIID, which the mapping
    /// functions carry).
    pub owner: Option<Owner>,
    /// The function (LIST when none was named).
    pub function: Function,
    /// Every `LABEL(value)` operand as typed, in order, for racemu's hints on a label not
    /// found (the label's case, whether it was quoted).
    pub labels: Vec<TypedLabel>,
}

//! RACDCERT's typed command: owners, selectors, function operands.

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

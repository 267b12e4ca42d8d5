//! What R_datalib hands the caller that opened a ring: the entries in ring order, each with
//! its private key only where the rules release it, and what the status filter left out.

use super::decision::Decision;
use racemu_pki::CertificateInfo;
use racemu_racf::{Owner, TrustStatus, Usage};

/// Which certificate statuses the caller asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// TRUST and HIGHTRUST (what System SSL and Java ask for).
    #[default]
    Trusted,
    /// Every status, NOTRUST included.
    Any,
}

impl StatusFilter {
    /// Whether a certificate with `status` is returned under this filter: NOTRUST only to a
    /// caller asking for any status.
    pub fn admits(self, status: TrustStatus) -> bool {
        self == StatusFilter::Any || status != TrustStatus::NoTrust
    }
}

/// How the caller was authorised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccessPath {
    /// Global checking through FACILITY IRR.DIGTCERT.LISTRING.
    Facility,
    /// Ring-specific checking through this RDATALIB profile.
    Rdatalib(String),
}

/// One certificate as the application sees it.
#[derive(Debug, Clone)]
pub struct RingEntry {
    /// Label.
    pub label: String,
    /// Owner.
    pub owner: Owner,
    /// How the certificate is connected to the ring (for a virtual ring: the owner's kind).
    pub usage: Usage,
    /// DEFAULT.
    pub default: bool,
    /// The certificate's trust status.
    pub status: TrustStatus,
    /// The certificate, DER.
    pub der: Vec<u8>,
    /// The private key (PKCS#8 DER) when released to this caller.
    pub private_key: Option<Vec<u8>>,
    /// When RACF holds the key of a certificate connected with USAGE(PERSONAL) that was
    /// withheld from this caller: the rule that withheld it and the command(s) that would
    /// release it. `None` for a CERTAUTH- or SITE-usage entry: R_datalib returns no key for
    /// those to anyone (a trust anchor needs none), so nothing is withheld.
    pub key_withheld: Option<String>,
    /// When the key was withheld by an access check: R_datalib's decision path (`None` when
    /// it was withheld because of the connection's USAGE).
    pub key_decision: Option<Decision>,
    /// RACF holds this certificate's private key, whether or not R_datalib returned it.
    pub key_in_racf: bool,
    /// Parsed certificate.
    pub info: CertificateInfo,
}

impl RingEntry {
    /// Whether the entry is connected with USAGE(PERSONAL), the only usage R_datalib returns
    /// a private key for.
    pub fn is_personal(&self) -> bool {
        self.usage == Usage::Personal
    }
}

/// A ring opened by a caller.
#[derive(Debug, Clone)]
pub struct RingView {
    /// Ring owner as RACF names it (user ID, `CERTAUTH`, `SITE`).
    pub owner: String,
    /// Ring name (`*` for a virtual ring).
    pub name: String,
    /// Entries in ring order.
    pub entries: Vec<RingEntry>,
    /// How access was granted.
    pub access: AccessPath,
    /// The user ID that opened the ring.
    pub caller: String,
    /// The ring's NOTRUST certificates that the status filter left out (R_datalib returns
    /// TRUST and HIGHTRUST certificates only to a caller asking for trusted ones), in ring
    /// order, so that a listing can name them.
    pub filtered: Vec<RingEntry>,
    /// racemu's warnings when the ring or its certificates changed after the last
    /// `SETROPTS RACLIST(DIGTRING|DIGTCERT) REFRESH` (the catalogue's
    /// [`crate::messages::ring_changed`] and [`crate::messages::ring_certificates_changed`]):
    /// racemu shows them as they are now, where z/OS may not yet.
    pub stale: Vec<String>,
}

impl RingView {
    /// The ring as [`StatusFilter::Trusted`] opens it: this view without its NOTRUST entries
    /// (the filter drops them and changes nothing else).
    pub fn trusted(&self) -> RingView {
        let (entries, left_out): (Vec<RingEntry>, Vec<RingEntry>) = self
            .entries
            .iter()
            .cloned()
            .partition(|e| StatusFilter::Trusted.admits(e.status));
        let mut filtered = self.filtered.clone();
        filtered.extend(left_out);
        RingView {
            entries,
            filtered,
            ..self.clone()
        }
    }

    /// The DEFAULT entry, or the one labelled `label`.
    pub fn entry(&self, label: Option<&str>) -> Option<&RingEntry> {
        match label {
            Some(l) => self.entries.iter().find(|e| e.label == l),
            None => self.entries.iter().find(|e| e.default),
        }
    }
}

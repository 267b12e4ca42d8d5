//! `racemu keyring list`: a ring as its caller opened it, as one data structure that renders
//! as text ([`RingListing::text`]) and that the binary turns into JSON field by field.

use crate::operand::quoted;
use crate::{AccessPath, RingEntry, RingView};
use racemu_pki::hex_colons;
use racemu_racf::{Owner, TrustStatus, Usage};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Whether a certificate is within its validity period at the listing's instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// Not before ≤ now ≤ not after.
    Valid,
    /// Now is after not after.
    Expired,
    /// Now is before not before.
    NotYetValid,
}

impl Validity {
    /// `valid`, `expired` or `not yet valid`.
    pub fn as_str(self) -> &'static str {
        match self {
            Validity::Valid => "valid",
            Validity::Expired => "expired",
            Validity::NotYetValid => "not yet valid",
        }
    }
}

/// What the caller got of a certificate's private key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRelease {
    /// R_datalib returned the key.
    Released,
    /// RACF holds a key, but not for this caller.
    Withheld,
    /// RACF holds a key, but the entry is connected with USAGE(CERTAUTH) or USAGE(SITE):
    /// R_datalib returns no key for it to anyone, and a trust anchor needs none (not
    /// withheld, not counted as withheld).
    NotReturned,
    /// RACF holds no key.
    None,
}

impl KeyRelease {
    /// `released`, `withheld`, `not returned` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyRelease::Released => "released",
            KeyRelease::Withheld => "withheld",
            KeyRelease::NotReturned => "not returned",
            KeyRelease::None => "none",
        }
    }
}

/// One ring entry as listed; every field is as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedEntry {
    /// Label.
    pub label: String,
    /// Owner: a user, CERTAUTH or SITE.
    pub owner: Owner,
    /// How the certificate is connected to the ring.
    pub usage: Usage,
    /// The ring's DEFAULT.
    pub default: bool,
    /// The certificate's trust status.
    pub trust: TrustStatus,
    /// Subject in RACF's dotted form.
    pub subject: String,
    /// Subject as RFC 4514 writes it.
    pub subject_rfc4514: String,
    /// Issuer in RACF's dotted form.
    pub issuer: String,
    /// Start of validity, RFC 3339.
    pub not_before: String,
    /// End of validity, RFC 3339.
    pub not_after: String,
    /// Validity at the listing's instant.
    pub validity: Validity,
    /// SHA-256 fingerprint, colon-separated hex.
    pub sha256: String,
    /// What the caller got of the private key.
    pub private_key: KeyRelease,
    /// Why a key was withheld, and what would release it.
    pub withheld_because: Option<String>,
}

/// A ring as its caller opened it, at an instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingListing {
    /// Ring owner as RACF names it.
    pub owner: String,
    /// Ring name.
    pub ring: String,
    /// The user ID that opened it.
    pub user: String,
    /// How access was granted, as printed (`FACILITY IRR.DIGTCERT.LISTRING`, `RDATALIB …`).
    pub access: String,
    /// Entries in ring order.
    pub entries: Vec<ListedEntry>,
    /// The ring's NOTRUST certificates, which R_datalib left out (they are not in
    /// `entries`: the caller does not get them).
    pub filtered: Vec<ListedEntry>,
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

fn listed(e: &RingEntry, now: OffsetDateTime) -> ListedEntry {
    let validity = if now > e.info.not_after {
        Validity::Expired
    } else if now < e.info.not_before {
        Validity::NotYetValid
    } else {
        Validity::Valid
    };
    ListedEntry {
        label: e.label.clone(),
        owner: e.owner.clone(),
        usage: e.usage,
        default: e.default,
        trust: e.status,
        subject: e.info.subject.racf_dotted(),
        subject_rfc4514: crate::export::subject_rfc4514(e),
        issuer: e.info.issuer.racf_dotted(),
        not_before: rfc3339(e.info.not_before),
        not_after: rfc3339(e.info.not_after),
        validity,
        sha256: hex_colons(&e.info.sha256_fingerprint),
        private_key: if e.private_key.is_some() {
            KeyRelease::Released
        } else if e.key_withheld.is_some() {
            KeyRelease::Withheld
        } else if e.key_in_racf {
            KeyRelease::NotReturned
        } else {
            KeyRelease::None
        },
        withheld_because: e.key_withheld.clone(),
    }
}

/// A ring as `racemu keyring list` shows it.
pub trait Listing {
    /// The ring as listed at `now` (which marks expired and not yet valid certificates).
    fn listing(&self, now: OffsetDateTime) -> RingListing;
}

impl Listing for RingView {
    fn listing(&self, now: OffsetDateTime) -> RingListing {
        RingListing {
            owner: self.owner.clone(),
            ring: self.name.clone(),
            user: self.caller.clone(),
            access: match &self.access {
                AccessPath::Facility => "FACILITY IRR.DIGTCERT.LISTRING".to_string(),
                AccessPath::Rdatalib(p) => format!("RDATALIB {p}"),
            },
            entries: self.entries.iter().map(|e| listed(e, now)).collect(),
            filtered: self.filtered.iter().map(|e| listed(e, now)).collect(),
        }
    }
}

/// The `Private key:` value; for a key not returned, why (its USAGE) and that a trust anchor
/// needs none.
fn key_text(e: &ListedEntry) -> String {
    match e.private_key {
        KeyRelease::NotReturned => format!(
            "not returned (USAGE({}): R_datalib returns private keys only for USAGE(PERSONAL); a trust anchor needs none)",
            e.usage
        ),
        k => k.as_str().to_string(),
    }
}

fn yes_no(b: bool) -> String {
    if b { "YES" } else { "NO" }.to_string()
}

impl RingListing {
    /// The listing as text, one line a `String`: a heading, then per entry a blank line and
    /// `  Title:       value` lines.
    pub fn text(&self) -> Vec<String> {
        let mut out = vec![format!(
            "Ring {}/{} opened by {} (access through {})",
            self.owner, self.ring, self.user, self.access
        )];
        for e in &self.entries {
            out.push(String::new());
            let mut not_before = e.not_before.clone();
            let mut not_after = e.not_after.clone();
            match e.validity {
                Validity::Expired => not_after.push_str("  (EXPIRED)"),
                Validity::NotYetValid => not_before.push_str("  (NOT YET VALID)"),
                Validity::Valid => {}
            }
            let mut fields = vec![
                ("Label", e.label.clone()),
                ("Owner", e.owner.name().to_string()),
                ("Usage", e.usage.keyword().to_string()),
                ("Default", yes_no(e.default)),
                ("Trust", e.trust.keyword().to_string()),
                ("Subject", e.subject.clone()),
                ("RFC 4514", e.subject_rfc4514.clone()),
                ("Issuer", e.issuer.clone()),
                ("Not before", not_before),
                ("Not after", not_after),
                ("SHA-256", e.sha256.clone()),
                ("Private key", key_text(e)),
            ];
            if let Some(why) = &e.withheld_because {
                fields.push(("Withheld", why.clone()));
            }
            for (title, value) in fields {
                out.push(format!("  {:<12} {value}", format!("{title}:")));
            }
        }
        for e in &self.filtered {
            out.push(String::new());
            out.push(format!(
                "  Left out:    {} (owner {}, usage {}{}) is NOTRUST: R_datalib returns TRUST and HIGHTRUST certificates only, so {} does not get it.{}",
                quoted(&e.label),
                e.owner.name(),
                e.usage,
                if e.default { ", the ring's DEFAULT" } else { "" },
                self.user,
                if matches!(e.owner, Owner::User(_)) {
                    format!(" Once its issuer is in RACF with TRUST status, RACDCERT {} ALTER(LABEL({})) TRUST would change that.", e.owner.operand(), quoted(&e.label))
                } else {
                    format!(" RACDCERT {} ALTER(LABEL({})) TRUST would change that.", e.owner.operand(), quoted(&e.label))
                }
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_marks_validity_and_explains_a_withheld_key() {
        let entry = ListedEntry {
            label: "next".into(),
            owner: Owner::Site,
            usage: Usage::Site,
            default: false,
            trust: TrustStatus::HighTrust,
            subject: "CN=next".into(),
            subject_rfc4514: "CN=next".into(),
            issuer: "CN=next".into(),
            not_before: "2031-01-01T00:00:00Z".into(),
            not_after: "2032-01-01T23:59:59Z".into(),
            validity: Validity::NotYetValid,
            sha256: "AB:CD".into(),
            private_key: KeyRelease::Withheld,
            withheld_because: Some("because".into()),
        };
        let listing = RingListing {
            owner: "SRV".into(),
            ring: "Ring".into(),
            user: "APP".into(),
            access: "RDATALIB SRV.Ring.LST".into(),
            entries: vec![entry],
            filtered: Vec::new(),
        };
        assert_eq!(
            listing.text(),
            [
                "Ring SRV/Ring opened by APP (access through RDATALIB SRV.Ring.LST)",
                "",
                "  Label:       next",
                "  Owner:       SITE",
                "  Usage:       SITE",
                "  Default:     NO",
                "  Trust:       HIGHTRUST",
                "  Subject:     CN=next",
                "  RFC 4514:    CN=next",
                "  Issuer:      CN=next",
                "  Not before:  2031-01-01T00:00:00Z  (NOT YET VALID)",
                "  Not after:   2032-01-01T23:59:59Z",
                "  SHA-256:     AB:CD",
                "  Private key: withheld",
                "  Withheld:    because",
            ]
        );
    }
}

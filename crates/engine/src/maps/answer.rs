//! What RACF's certificate-to-user lookup is asked ([`Query`]) and what it answers
//! ([`UserMapping`], [`Decision`], the name-filter [`FilterStep`]): the nouns both the lookup
//! ([`super::lookup`]) and the hostIdMappings step ([`super::hostid`]) use, kept in a leaf so
//! that neither imports the other.

use racemu_racf::{MapOwner, Owner, TrustStatus};
use time::OffsetDateTime;

/// The six steps of the name-filter search, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FilterStep {
    /// 1. subject's full name . issuer's full name.
    SubjectIssuer = 1,
    /// 2. subject's partial name . issuer's full name.
    PartialSubjectIssuer = 2,
    /// 3. subject's full name.
    Subject = 3,
    /// 4. subject's partial name.
    PartialSubject = 4,
    /// 5. issuer's full name.
    Issuer = 5,
    /// 6. issuer's partial name.
    PartialIssuer = 6,
}

impl FilterStep {
    /// IBM's wording of the step.
    pub fn describe(self) -> &'static str {
        match self {
            FilterStep::SubjectIssuer => "subject's full name with issuer's full name",
            FilterStep::PartialSubjectIssuer => "subject's partial name with issuer's full name",
            FilterStep::Subject => "subject's full name",
            FilterStep::PartialSubject => "subject's partial name",
            FilterStep::Issuer => "issuer's full name",
            FilterStep::PartialIssuer => "issuer's partial name",
        }
    }
}

/// What decided the lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The certificate is registered in DIGTCERT under `owner` with `label` and `status`.
    Registered {
        /// The certificate's owner.
        owner: Owner,
        /// Its label.
        label: String,
        /// Its trust status.
        status: TrustStatus,
    },
    /// A certificate name filter matched at `step`.
    Filter {
        /// The mapping's owner (a user or MULTIID).
        owner: MapOwner,
        /// The mapping's label.
        label: String,
        /// TRUST or NOTRUST.
        status: TrustStatus,
        /// The search step that found it.
        step: FilterStep,
        /// For MULTIID: the DIGTCRIT profile the criteria named, and whether it exists.
        criteria: Option<(String, bool)>,
    },
    /// The hostIdMappings extension named `host`; `granted` when the CA is HIGHTRUST and the
    /// server may use the host (READ to SERVAUTH `IRR.HOST.<host>`).
    HostId {
        /// The host name.
        host: String,
        /// Why it was or was not honoured.
        why: String,
    },
    /// The certificate is outside its validity at the lookup's instant.
    NotValid,
    /// Nothing matched; `filters_active` says whether DIGTNMAP was active.
    NoMatch {
        /// Whether DIGTNMAP was active (filters counted).
        filters_active: bool,
    },
}

/// The lookup's answer: the user, if any, and what decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserMapping {
    /// The RACF user ID the certificate maps to.
    pub user: Option<String>,
    /// What decided.
    pub decision: Decision,
}

impl UserMapping {
    /// One sentence saying what decided.
    pub fn explain(&self) -> String {
        match &self.decision {
            Decision::Registered { owner, label, status } => match (owner, status) {
                (Owner::User(u), TrustStatus::NoTrust) => format!(
                    "the certificate is registered to {u} with label '{label}' and status NOTRUST: it maps to no one"
                ),
                (Owner::User(u), s) => {
                    format!("the certificate is registered to {u} with label '{label}' and status {s}")
                }
                (o, _) => format!(
                    "the certificate is registered as a {} certificate with label '{label}', which is no user's identity",
                    o.name()
                ),
            },
            Decision::Filter { owner, label, status, step, criteria } => {
                let head = format!(
                    "certificate name filter '{label}' of {} matched at step {} ({})",
                    owner.listing_name(),
                    *step as u8,
                    step.describe()
                );
                match (status, criteria) {
                    (TrustStatus::NoTrust, _) => format!("{head}; its status NOTRUST maps to no one"),
                    (_, Some((p, true))) => format!("{head}; DIGTCRIT profile {p} gives the user"),
                    (_, Some((p, false))) => {
                        format!("{head}; no DIGTCRIT profile {p} with APPLDATA: no user")
                    }
                    _ => head,
                }
            }
            Decision::HostId { host, why } => format!("hostIdMappings names host {host}: {why}"),
            Decision::NotValid => "the certificate is outside its validity period".into(),
            Decision::NoMatch { filters_active: true } => {
                "the certificate is not registered, no certificate name filter matches and it has no usable hostIdMappings extension".into()
            }
            Decision::NoMatch { filters_active: false } => {
                "the certificate is not registered, DIGTNMAP is not active (filters do not count) and it has no usable hostIdMappings extension".into()
            }
        }
    }
}

/// What the lookup is asked with.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    /// The certificate, DER.
    pub der: &'a [u8],
    /// The application ID (`&APPLID` in CRITERIA).
    pub appl: Option<&'a str>,
    /// The system ID (`&SYSID` in CRITERIA).
    pub sysid: &'a str,
    /// The asking server's user ID (SERVAUTH `IRR.HOST.<host>` for hostIdMappings).
    pub server: &'a str,
    /// The instant of the lookup.
    pub now: OffsetDateTime,
}

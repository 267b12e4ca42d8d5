//! Between the typed command's nouns and the store's: certificate owners and trust statuses.

use racemu_command::{Owner, TrustStatus, Usage};
use racemu_store::{certs, rings};

/// The store's form of a certificate owner.
pub fn stored_owner(o: &Owner) -> certs::Owner {
    match o {
        Owner::User(u) => certs::Owner::User(u.clone()),
        Owner::CertAuth => certs::Owner::CertAuth,
        Owner::Site => certs::Owner::Site,
    }
}

/// The command's form of a stored certificate owner.
pub fn owner(o: &certs::Owner) -> Owner {
    match o {
        certs::Owner::User(u) => Owner::User(u.clone()),
        certs::Owner::CertAuth => Owner::CertAuth,
        certs::Owner::Site => Owner::Site,
    }
}

/// The stored form of a ring usage.
pub fn stored_usage(u: Usage) -> rings::Usage {
    match u {
        Usage::Personal => rings::Usage::Personal,
        Usage::CertAuth => rings::Usage::CertAuth,
        Usage::Site => rings::Usage::Site,
    }
}

/// The stored form of a status keyword.
pub fn stored_status(s: TrustStatus) -> certs::Status {
    match s {
        TrustStatus::Trust => certs::Status::Trust,
        TrustStatus::NoTrust => certs::Status::NoTrust,
        TrustStatus::HighTrust => certs::Status::HighTrust,
    }
}

/// The status keyword of a stored status.
pub fn trust_status(s: certs::Status) -> TrustStatus {
    match s {
        certs::Status::Trust => TrustStatus::Trust,
        certs::Status::NoTrust => TrustStatus::NoTrust,
        certs::Status::HighTrust => TrustStatus::HighTrust,
    }
}

//! A certificate's trust status and its usage in a key ring.

use std::fmt;

/// A certificate's trust status (TRUST, NOTRUST or HIGHTRUST).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrustStatus {
    /// TRUST: the certificate may be used.
    Trust,
    /// NOTRUST: the certificate is kept but not to be trusted.
    NoTrust,
    /// HIGHTRUST: a certificate authority's certificate trusted above TRUST.
    HighTrust,
}

impl TrustStatus {
    /// Every status, in RACF's order.
    pub const ALL: [TrustStatus; 3] = [
        TrustStatus::Trust,
        TrustStatus::NoTrust,
        TrustStatus::HighTrust,
    ];

    /// RACF's keyword: `TRUST`, `NOTRUST` or `HIGHTRUST`.
    pub fn keyword(self) -> &'static str {
        match self {
            TrustStatus::Trust => "TRUST",
            TrustStatus::NoTrust => "NOTRUST",
            TrustStatus::HighTrust => "HIGHTRUST",
        }
    }

    /// The status a keyword names (upper case); `None` for anything else.
    pub fn from_keyword(k: &str) -> Option<TrustStatus> {
        TrustStatus::ALL.into_iter().find(|s| s.keyword() == k)
    }
}

impl fmt::Display for TrustStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// How a certificate is used in a key ring (PERSONAL, CERTAUTH or SITE).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Usage {
    /// PERSONAL: the ring owner's own certificate, private key included.
    Personal,
    /// CERTAUTH: a certificate authority's certificate.
    CertAuth,
    /// SITE: a site certificate.
    Site,
}

impl Usage {
    /// Every usage, in RACF's order.
    pub const ALL: [Usage; 3] = [Usage::Personal, Usage::CertAuth, Usage::Site];

    /// RACF's keyword: `PERSONAL`, `CERTAUTH` or `SITE`.
    pub fn keyword(self) -> &'static str {
        match self {
            Usage::Personal => "PERSONAL",
            Usage::CertAuth => "CERTAUTH",
            Usage::Site => "SITE",
        }
    }

    /// The usage a keyword names (upper case); `None` for anything else.
    pub fn from_keyword(k: &str) -> Option<Usage> {
        Usage::ALL.into_iter().find(|u| u.keyword() == k)
    }
}

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

#[cfg(test)]
mod tests {
    use super::{TrustStatus, Usage};

    /// Each status and usage reads back from its keyword; lower case and other text do not.
    #[test]
    fn keywords_round_trip_and_only_upper_case_keywords_parse() {
        for s in TrustStatus::ALL {
            assert_eq!(TrustStatus::from_keyword(s.keyword()), Some(s));
            assert_eq!(s.to_string(), s.keyword());
        }
        for u in Usage::ALL {
            assert_eq!(Usage::from_keyword(u.keyword()), Some(u));
            assert_eq!(u.to_string(), u.keyword());
        }
        assert_eq!(TrustStatus::from_keyword("trust"), None);
        assert_eq!(Usage::from_keyword("PERS"), None);
        assert_eq!(
            TrustStatus::ALL.map(TrustStatus::keyword),
            ["TRUST", "NOTRUST", "HIGHTRUST"]
        );
        assert_eq!(
            Usage::ALL.map(Usage::keyword),
            ["PERSONAL", "CERTAUTH", "SITE"]
        );
    }
}

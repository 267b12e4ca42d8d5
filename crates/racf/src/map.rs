//! Certificate name filters (the DIGTNMAP profiles RACDCERT MAP defines) and whom they map to.
//!
//! A filter is written in RACF's dotted display form, most specific RDN first, with no blanks
//! between RDNs (`CN=myClient.host.com.O=IBM.C=US`): the text RACDCERT LIST prints for the
//! certificate's name (z/OS Security Server RACF Security Administrator's Guide, creating
//! certificate name filters,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/icha700_Creating_certificate_name_filters.htm>).

/// Who a mapping maps to: one user, or MULTIID (the user ID comes from the DIGTCRIT profile
/// that the mapping's CRITERIA names), kept under RACF's internal user ID `irrmulti`
/// (<https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha700/irrids.htm>).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MapOwner {
    /// A RACF user ID (upper case).
    User(String),
    /// MULTIID: the user ID is chosen by additional criteria.
    MultiId,
}

impl MapOwner {
    /// The owner as RACF stores it: the user ID or `irrmulti`.
    pub fn internal_id(&self) -> &str {
        match self {
            MapOwner::User(u) => u,
            MapOwner::MultiId => "irrmulti",
        }
    }

    /// The owner from its stored form; any text other than `irrmulti` is a user ID.
    pub fn from_internal(s: &str) -> MapOwner {
        match s {
            "irrmulti" => MapOwner::MultiId,
            u => MapOwner::User(u.to_string()),
        }
    }

    /// The owner as LISTMAP's header names it: `user WEBUSER` or `MULTIID`.
    pub fn listing_name(&self) -> String {
        match self {
            MapOwner::User(u) => format!("user {u}"),
            MapOwner::MultiId => "MULTIID".into(),
        }
    }

    /// The owner as RACDCERT's owner operand names it: `ID(user)` or `MULTIID`.
    pub fn operand(&self) -> String {
        match self {
            MapOwner::User(u) => format!("ID({u})"),
            MapOwner::MultiId => "MULTIID".into(),
        }
    }
}

/// The attribute tags a filter's RDNs may start with: the tags RACF's dotted display prints
/// (racemu's list; IBM's prefix table could not be read, docs/fidelity.md).
pub const FILTER_PREFIXES: [&str; 20] = [
    "CN",
    "T",
    "OU",
    "O",
    "L",
    "SP",
    "C",
    "STREET",
    "SERIALNUMBER",
    "POSTALCODE",
    "NAME",
    "SURNAME",
    "GIVENNAME",
    "INITIALS",
    "GENERATIONQUALIFIER",
    "DNQ",
    "PSEUDONYM",
    "DC",
    "UID",
    "EMAIL",
];

/// Why a filter value is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterError {
    /// The value does not begin with an X.509 attribute prefix such as `C=` or `OU=`
    /// (IRRD140I).
    BadPrefix,
}

/// A certificate name filter: a subject's or an issuer's name, whole or the least specific
/// part of it, in RACF's dotted form. The text is kept exactly as given (case, blanks inside
/// values): a certificate matches only when its displayed name, or that name with its most
/// specific RDNs removed, equals the filter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NameFilter(String);

impl NameFilter {
    /// A filter from its text, checked as RACDCERT MAP checks it: it must begin with an
    /// attribute prefix such as `C=` or `OU=` (IRRD140I,
    /// <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/jj00008.htm>).
    pub fn parse(text: &str) -> Result<NameFilter, FilterError> {
        if starts_with_prefix(text) {
            Ok(NameFilter(text.to_string()))
        } else {
            Err(FilterError::BadPrefix)
        }
    }

    /// A filter from text the store kept (already checked when the mapping was made).
    pub fn from_stored(text: &str) -> NameFilter {
        NameFilter(text.to_string())
    }

    /// The filter's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The filter's RDNs, most specific first: the text split before each `.` that is
    /// followed by an attribute prefix (a value may hold dots: `CN=host.example.com`).
    pub fn rdns(&self) -> Vec<&str> {
        split_rdns(&self.0)
    }
}

impl std::fmt::Display for NameFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `text` begins with `TAG=` for one of [`FILTER_PREFIXES`] or a dotted OID.
fn starts_with_prefix(text: &str) -> bool {
    let Some((tag, _)) = text.split_once('=') else {
        return false;
    };
    FILTER_PREFIXES.contains(&tag)
        || (!tag.is_empty()
            && tag.split('.').count() > 1
            && tag
                .split('.')
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
}

/// Splits a dotted name into its RDNs, most specific first.
pub fn split_rdns(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('.') {
        if i > start && starts_with_prefix(&text[i + 1..]) {
            out.push(&text[start..i]);
            start = i + 1;
        }
    }
    if start < text.len() || out.is_empty() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// IRRD140I: the value must begin with an X.509 identifier such as C= or OU=.
    #[test]
    fn prefix_rule() {
        assert!(NameFilter::parse("OU=Sales.O=IBM.C=US").is_ok());
        assert!(NameFilter::parse("CN=myClient.host.com.O=IBM.C=US").is_ok());
        assert!(NameFilter::parse("2.5.4.3=x").is_ok());
        for bad in ["", "IBM", "XX=IBM", "=IBM", "cn=lower", " CN=X"] {
            assert_eq!(NameFilter::parse(bad), Err(FilterError::BadPrefix), "{bad}");
        }
    }

    /// A value may hold dots; only a dot before a prefix ends an RDN.
    #[test]
    fn rdns_of_a_dotted_name() {
        let f = NameFilter::parse("CN=myClient.host.com.O=IBM, Inc.C=US").unwrap();
        assert_eq!(f.rdns(), ["CN=myClient.host.com", "O=IBM, Inc", "C=US"]);
    }

    #[test]
    fn multiid_is_irrmulti() {
        assert_eq!(MapOwner::MultiId.internal_id(), "irrmulti");
        assert_eq!(MapOwner::from_internal("irrmulti"), MapOwner::MultiId);
        assert_eq!(
            MapOwner::from_internal("WEBUSER"),
            MapOwner::User("WEBUSER".into())
        );
        assert_eq!(MapOwner::MultiId.listing_name(), "MULTIID");
        assert_eq!(
            MapOwner::User("WEBUSER".into()).listing_name(),
            "user WEBUSER"
        );
    }
}

//! Data set names as z/OS writes them: `HLQ.QUAL` for a data set, `HLQ.QUAL(MEMBER)` for a
//! member of a partitioned data set (z/OS DFSMS Using Data Sets, "Data set names"; a member
//! name follows the same rule as a qualifier, without the hyphen).

use crate::syntax::is_name_with;

/// A parsed data set name: the data set and, for a PDS member, the member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsName {
    /// The data set (upper case).
    pub dsn: String,
    /// The member (upper case), if one was named.
    pub member: Option<String>,
}

/// Whether `q` follows z/OS's rule for a qualifier or member name: a name
/// ([`crate::syntax::is_name`]: 1–8 characters, the first alphabetic or national, the rest
/// alphanumeric or national), with `-` allowed after the first character in qualifiers only.
fn valid_part(q: &str, hyphen: bool) -> bool {
    is_name_with(q, if hyphen { &['-'] } else { &[] })
}

impl DsName {
    /// Parses `NAME` or `NAME(MEMBER)` (already upper case and unquoted). The data set name
    /// has qualifiers of 1–8 characters and 44 characters in all; a member name is 1–8
    /// characters, the first alphabetic or national, the rest alphanumeric or national.
    pub fn parse(name: &str) -> Option<DsName> {
        let (dsn, member) = match name.split_once('(') {
            Some((d, rest)) => (d, Some(rest.strip_suffix(')')?)),
            None => (name, None),
        };
        let dsn_ok = dsn.len() <= 44 && dsn.split('.').all(|q| valid_part(q, true));
        let member_ok = member.is_none_or(|m| valid_part(m, false));
        (dsn_ok && member_ok).then(|| DsName {
            dsn: dsn.to_string(),
            member: member.map(str::to_string),
        })
    }
}

impl std::fmt::Display for DsName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.member {
            Some(m) => write!(f, "{}({m})", self.dsn),
            None => f.write_str(&self.dsn),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_members_follow_zos_rules() {
        let n = DsName::parse("IBMUSER.RACF.CNTL(KEYRING)").expect("valid");
        assert_eq!(n.dsn, "IBMUSER.RACF.CNTL");
        assert_eq!(n.member.as_deref(), Some("KEYRING"));
        assert_eq!(n.to_string(), "IBMUSER.RACF.CNTL(KEYRING)");
        assert!(DsName::parse("$A.#B.@C-1").is_some());
        for bad in [
            "A..B",
            "1A.B",
            "A.B(M-1)",
            "A.B(TOOLONGMM)",
            "A.B()",
            "A.B(M",
            "ABCDEFGHI.B",
        ] {
            assert!(DsName::parse(bad).is_none(), "{bad}");
        }
        assert!(DsName::parse(&format!("A.{}", "B2345678.".repeat(5) + "C")).is_none());
    }
}

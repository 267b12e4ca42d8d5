//! RACF user IDs.

use crate::syntax::is_name;
use std::fmt;

/// A RACF user ID, checked once: 1–8 characters, the first alphabetic or national (`#`, `@`,
/// `$`), the rest alphanumeric or national, held in upper case.
///
/// This is the rule IBM gives for a TSO user ID and for JCL's USER= (ADDUSER:
/// <https://www.ibm.com/docs/SSLTBW_2.4.0/com.ibm.zos.v2r4.icha400/adduser.htm>; "Syntax of
/// RACF commands and operands":
/// <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.icha400/xsyntax.htm>).
/// That page also lets a user ID that is not a TSO user's begin with a digit; racemu refuses
/// such IDs everywhere (docs/fidelity.md). A group name has the same syntax.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UserId(String);

impl UserId {
    /// The user ID `text` names (any case), folded to upper case; `None` when RACF's syntax
    /// forbids it.
    pub fn parse(text: &str) -> Option<UserId> {
        is_name(text).then(|| UserId(text.to_ascii_uppercase()))
    }

    /// True when `text` is a user ID as RACF writes one: valid and already upper case (so
    /// RACF's internal owner IDs `irrcerta` and `irrsitec` are not).
    pub fn is_written(text: &str) -> bool {
        UserId::parse(text).is_some_and(|u| u.0 == text)
    }

    /// The user ID, upper case.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for UserId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<UserId> for String {
    fn from(u: UserId) -> String {
        u.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_ids_follow_racf_syntax() {
        for (typed, held) in [
            ("IBMUSER", "IBMUSER"),
            ("ibmuser", "IBMUSER"),
            ("#@$", "#@$"),
            ("$A1", "$A1"),
            ("Zz345678", "ZZ345678"),
            ("A", "A"),
        ] {
            let u = UserId::parse(typed).expect(typed);
            assert_eq!(u.as_str(), held);
            assert_eq!(u.to_string(), held);
            assert_eq!(String::from(u.clone()), held);
            assert_eq!(UserId::parse(u.as_str()), Some(u), "round trip");
        }
        for bad in [
            "",
            "ABCDEFGHI",
            "1ABC",
            "A.B",
            "A-B",
            "A B",
            "*",
            "A%",
            "É",
            "'A'",
        ] {
            assert_eq!(UserId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn written_user_ids_are_upper_case() {
        assert!(UserId::is_written("IBMUSER"));
        assert!(UserId::is_written("@#$9"));
        assert!(!UserId::is_written("irrcerta"));
        assert!(!UserId::is_written("IbmUser"));
        assert!(!UserId::is_written("9LIVES"));
        assert!(!UserId::is_written(""));
    }
}

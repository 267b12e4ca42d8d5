//! Access levels of resource profiles.

use std::fmt;

/// An access level, in RACF's increasing order of power: NONE < EXECUTE < READ < UPDATE <
/// CONTROL < ALTER (the derived `Ord` follows it, so `max` picks the stronger level).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    /// NONE.
    None,
    /// EXECUTE.
    Execute,
    /// READ.
    Read,
    /// UPDATE.
    Update,
    /// CONTROL.
    Control,
    /// ALTER.
    Alter,
}

impl Access {
    /// Every level, weakest first.
    pub const ALL: [Access; 6] = [
        Access::None,
        Access::Execute,
        Access::Read,
        Access::Update,
        Access::Control,
        Access::Alter,
    ];

    /// RACF's keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            Access::None => "NONE",
            Access::Execute => "EXECUTE",
            Access::Read => "READ",
            Access::Update => "UPDATE",
            Access::Control => "CONTROL",
            Access::Alter => "ALTER",
        }
    }

    /// Parses an access keyword in any case, abbreviations allowed (`READ`, `upd`, `CON` …)
    /// by TSO's rule for keywords: the exact keyword, else the one keyword the text begins.
    /// The six levels start with six different letters, so every non-empty prefix names at
    /// most one level. Empty or quoted text and anything else give `None`.
    pub fn parse(s: &str) -> Option<Access> {
        if s.is_empty() {
            return None;
        }
        let up = s.to_ascii_uppercase();
        Access::ALL
            .into_iter()
            .find(|a| a.keyword().starts_with(&up))
    }
}

impl fmt::Display for Access {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

#[cfg(test)]
mod tests {
    use super::Access;

    #[test]
    fn access_levels_abbreviate_like_every_keyword() {
        assert_eq!(Access::parse("upd"), Some(Access::Update));
        assert_eq!(Access::parse("R"), Some(Access::Read));
        assert_eq!(Access::parse("CONTROL"), Some(Access::Control));
        assert_eq!(Access::parse("e"), Some(Access::Execute));
        assert_eq!(Access::parse(""), None);
        assert_eq!(Access::parse("READX"), None);
        assert_eq!(Access::parse("'READ'"), None);
    }

    /// RACF's order of power: each level is stronger than the one before it.
    #[test]
    fn levels_are_ordered_by_power() {
        assert!(Access::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Access::ALL.into_iter().max(), Some(Access::Alter));
        assert_eq!(
            Access::ALL.map(Access::keyword),
            ["NONE", "EXECUTE", "READ", "UPDATE", "CONTROL", "ALTER"]
        );
    }
}

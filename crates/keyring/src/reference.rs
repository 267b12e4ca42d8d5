//! Ring references as consumers write them (RACF Callable Services, R_datalib
//! usage notes; AT-TLS, Liberty and Java documentation, listed in docs/sources.md).

/// A parsed ring reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingRef {
    /// The ring owner as written (upper case), or `None` for the caller's own ring.
    pub owner: Option<String>,
    /// The ring name (case kept); `*` for a virtual ring.
    pub ring: String,
}

/// The URL schemes Java's RACF key stores use.
pub const SCHEMES: &[&str] = &[
    "safkeyring",
    "safkeyringjce",
    "safkeyringjcehybrid",
    "safkeyringhybrid",
    "safkeyringhw",
    "safkeyringjcecca",
];

impl RingRef {
    /// Parses `safkeyring://OWNER/RING`, `safkeyring:///RING` (the caller's ring),
    /// `safkeyring:////OWNER/RING` (Zowe's four slashes), the other `safkeyring*` schemes,
    /// `OWNER/RING` (System SSL, AT-TLS) and a bare `RING` (the caller's). A `&label` suffix
    /// (Zowe) is ignored. Returns `None` for an empty ring name.
    pub fn parse(text: &str) -> Option<RingRef> {
        let mut t = text.trim();
        if let Some((scheme, rest)) = t.split_once("://") {
            if !SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
                return None;
            }
            t = rest;
            // `safkeyring:///RING` = own ring; `safkeyring:////OWNER/RING` = OWNER's.
            if let Some(r) = t.strip_prefix("//") {
                t = r;
            } else if let Some(r) = t.strip_prefix('/') {
                return Self::named(None, r);
            }
        }
        let t = t.split('&').next().unwrap_or(t);
        match t.split_once('/') {
            Some((owner, ring)) if !owner.is_empty() => Self::named(Some(owner), ring),
            Some((_, ring)) => Self::named(None, ring),
            None => Self::named(None, t),
        }
    }

    fn named(owner: Option<&str>, ring: &str) -> Option<RingRef> {
        let ring = ring.split('&').next().unwrap_or(ring).trim();
        if ring.is_empty() {
            return None;
        }
        Some(RingRef {
            owner: owner.map(|o| o.trim().to_ascii_uppercase()),
            ring: ring.to_string(),
        })
    }

    /// True for a virtual ring (`OWNER/*`, `*AUTH*/*`, `*SITE*/*`).
    pub fn is_virtual(&self) -> bool {
        self.ring == "*"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(o: Option<&str>, ring: &str) -> Option<RingRef> {
        Some(RingRef {
            owner: o.map(str::to_string),
            ring: ring.to_string(),
        })
    }

    #[test]
    fn every_form() {
        assert_eq!(
            RingRef::parse("safkeyring://zwesvusr/ZoweKeyring"),
            r(Some("ZWESVUSR"), "ZoweKeyring")
        );
        assert_eq!(
            RingRef::parse("safkeyring:///MYKEYRING"),
            r(None, "MYKEYRING")
        );
        assert_eq!(
            RingRef::parse("safkeyring:////IZUSVR/ZoweKeyringPKI"),
            r(Some("IZUSVR"), "ZoweKeyringPKI")
        );
        assert_eq!(
            RingRef::parse("safkeyringjce://START1/KEY"),
            r(Some("START1"), "KEY")
        );
        assert_eq!(
            RingRef::parse("safkeyringjcehybrid://START1/KEY"),
            r(Some("START1"), "KEY")
        );
        assert_eq!(
            RingRef::parse("safkeyringhw://START1/KEY"),
            r(Some("START1"), "KEY")
        );
        assert_eq!(
            RingRef::parse("safkeyringjcecca://START1/KEY"),
            r(Some("START1"), "KEY")
        );
        assert_eq!(RingRef::parse("IBMUSER/SHOPZ"), r(Some("IBMUSER"), "SHOPZ"));
        assert_eq!(RingRef::parse("WI02BRK"), r(None, "WI02BRK"));
        assert_eq!(RingRef::parse("*AUTH*/*"), r(Some("*AUTH*"), "*"));
        assert_eq!(
            RingRef::parse("safkeyring://ZWESVUSR/ZoweKeyring&localhost"),
            r(Some("ZWESVUSR"), "ZoweKeyring")
        );
        assert_eq!(RingRef::parse("http://x/y"), None);
        assert_eq!(RingRef::parse("safkeyring:///"), None);
    }
}

//! Keyword abbreviation, as TSO parse accepts it: an exact match wins; otherwise a prefix that
//! matches exactly one of the command's keywords.

/// The outcome of resolving a typed keyword against a command's keyword list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeywordMatch<'a> {
    /// The keyword as defined (exact or unique-prefix match).
    Found(&'a str),
    /// The prefix matches several keywords.
    Ambiguous(Vec<&'a str>),
    /// No keyword matches.
    Unknown,
}

/// Resolves `typed` (any case) against `candidates` (upper case).
///
/// Exact matches win over prefixes, so `LIST` is never taken for `LISTRING`.
pub fn resolve_keyword<'a>(typed: &str, candidates: &[&'a str]) -> KeywordMatch<'a> {
    if typed.is_empty() {
        return KeywordMatch::Unknown;
    }
    let up = typed.to_ascii_uppercase();
    if let Some(c) = candidates.iter().find(|c| **c == up) {
        return KeywordMatch::Found(c);
    }
    let hits: Vec<&'a str> = candidates
        .iter()
        .copied()
        .filter(|c| c.starts_with(&up))
        .collect();
    match hits.len() {
        0 => KeywordMatch::Unknown,
        1 => KeywordMatch::Found(hits[0]),
        _ => KeywordMatch::Ambiguous(hits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_beats_prefix() {
        let c = ["LIST", "LISTRING", "LISTCHAIN"];
        assert_eq!(resolve_keyword("list", &c), KeywordMatch::Found("LIST"));
        assert_eq!(
            resolve_keyword("LISTR", &c),
            KeywordMatch::Found("LISTRING")
        );
        assert!(matches!(
            resolve_keyword("LISTC", &c),
            KeywordMatch::Found("LISTCHAIN")
        ));
        assert!(matches!(
            resolve_keyword("LI", &c),
            KeywordMatch::Ambiguous(_)
        ));
    }

    #[test]
    fn ambiguous_and_unknown() {
        let c = ["REFRESH", "RACLIST"];
        assert_eq!(resolve_keyword("refr", &c), KeywordMatch::Found("REFRESH"));
        assert!(matches!(
            resolve_keyword("R", &c),
            KeywordMatch::Ambiguous(_)
        ));
        assert_eq!(resolve_keyword("X", &c), KeywordMatch::Unknown);
    }
}

//! Data set name patterns as z/OS catalog searches take them (ISPF's DSLEVEL, the catalog
//! search interface's filter key): `%` is one character, `*` is any characters within ONE
//! qualifier (a lone `*` is one whole qualifier), `**` as a qualifier of its own is zero or
//! more qualifiers, so `A.*.C` matches `A.B.C` but not `A.C`, and `A.**.C` matches both
//! (IBM: <https://www.ibm.com/docs/en/developer-for-zos/17.0.x?topic=files-creating-filter-mvs>;
//! the catalog search interface's generic filter key,
//! <https://www.ibm.com/docs/SSLTBW_2.1.0/com.ibm.zos.v2r1.idac100/hcatser.htm>).

/// A parsed pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    qualifiers: Vec<String>,
}

impl Pattern {
    /// The pattern `text` (upper-cased; qualifiers separated by `.`).
    pub fn new(text: &str) -> Pattern {
        Pattern {
            qualifiers: text
                .trim()
                .to_ascii_uppercase()
                .split('.')
                .map(str::to_string)
                .collect(),
        }
    }

    /// Whether the data set name `dsn` matches the pattern.
    pub fn matches(&self, dsn: &str) -> bool {
        let names: Vec<&str> = dsn.split('.').collect();
        let pats: Vec<&str> = self.qualifiers.iter().map(String::as_str).collect();
        qualifiers_match(&pats, &names)
    }

    /// A SQL LIKE pattern every matching name also matches (the store narrows its query with
    /// it, then applies [`Pattern::matches`]): `*` and `**` become `%`, `%` becomes `_`, and
    /// LIKE's own `_` is escaped with `\`.
    pub(crate) fn like(&self) -> String {
        let mut out = String::new();
        for (i, q) in self.qualifiers.iter().enumerate() {
            if q == "**" {
                // Zero qualifiers: the dots on both sides collapse into one (or none, first).
                if i > 0 {
                    out.pop();
                    out.push('%');
                    if i + 1 < self.qualifiers.len() {
                        out.push('.');
                    }
                } else {
                    out.push('%');
                }
                continue;
            }
            for c in q.chars() {
                match c {
                    '*' => out.push('%'),
                    '%' => out.push('_'),
                    '_' => out.push_str("\\_"),
                    c => out.push(c),
                }
            }
            if i + 1 < self.qualifiers.len() {
                out.push('.');
            }
        }
        out
    }
}

fn qualifiers_match(pats: &[&str], names: &[&str]) -> bool {
    match pats.split_first() {
        None => names.is_empty(),
        Some((&"**", rest)) => (0..=names.len()).any(|skip| qualifiers_match(rest, &names[skip..])),
        Some((p, rest)) => match names.split_first() {
            Some((n, more)) => {
                qualifier_matches(p.as_bytes(), n.as_bytes()) && qualifiers_match(rest, more)
            }
            None => false,
        },
    }
}

/// One qualifier against one qualifier: `*` any characters, `%` exactly one.
fn qualifier_matches(p: &[u8], n: &[u8]) -> bool {
    match p.split_first() {
        None => n.is_empty(),
        Some((b'*', rest)) => (0..=n.len()).any(|skip| qualifier_matches(rest, &n[skip..])),
        Some((b'%', rest)) => !n.is_empty() && qualifier_matches(rest, &n[1..]),
        Some((c, rest)) => n.first() == Some(c) && qualifier_matches(rest, &n[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, n: &str) -> bool {
        Pattern::new(p).matches(n)
    }

    #[test]
    fn one_star_stays_within_one_qualifier() {
        assert!(m("USER1.*", "USER1.CA"));
        assert!(!m("USER1.*", "USER1.CA.PEM"));
        assert!(m("USER1.C*.PEM", "USER1.CA.PEM"));
        assert!(!m("USER1.C*", "USER1.CA.PEM"));
        assert!(m("USER1.*.PEM", "USER1.CA.PEM"));
        assert!(!m("USER1.*.PEM", "USER1.PEM"));
        assert!(m("U*1.CA", "USER1.CA"));
    }

    #[test]
    fn two_stars_cross_qualifiers_zero_or_more() {
        assert!(m("USER1.**", "USER1.CA.PEM"));
        assert!(m("USER1.**", "USER1.CA"));
        assert!(m("USER1.**", "USER1"));
        assert!(m("**.PEM", "USER1.CA.PEM"));
        assert!(m("**.PEM", "PEM"));
        assert!(m("**", "USER1.CA"));
        assert!(m("A.*.C", "A.B.C") && !m("A.*.C", "A.C"));
        assert!(m("A.**.C", "A.B.C") && m("A.**.C", "A.C"));
        assert!(m("USER1.**.PEM", "USER1.PEM"));
        assert!(m("USER1.**.PEM", "USER1.A.B.PEM"));
        assert!(!m("USER1.**.PEM", "USER1.A.B.DER"));
        assert!(!m("USER1.**", "USER2.CA"));
    }

    #[test]
    fn percent_is_one_character_and_names_match_exactly() {
        assert!(m("USER%.CA", "USER1.CA"));
        assert!(!m("USER%.CA", "USER12.CA"));
        assert!(m("user1.ca", "USER1.CA"));
        assert!(!m("USER1.CA", "USER1.CA.PEM"));
    }

    #[test]
    fn like_pattern_admits_every_match() {
        assert_eq!(Pattern::new("USER1.*").like(), "USER1.%");
        assert_eq!(Pattern::new("USER1.**").like(), "USER1%");
        assert_eq!(Pattern::new("**.PEM").like(), "%PEM");
        assert_eq!(Pattern::new("**").like(), "%");
        assert_eq!(Pattern::new("A.**.B").like(), "A%.B");
        assert_eq!(Pattern::new("A_%.B").like(), "A\\__.B");
    }
}

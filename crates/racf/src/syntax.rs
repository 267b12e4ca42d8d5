//! The syntax RACF's names and operands share: z/OS's national characters, the shape of a
//! name (a user ID, a group name, a data set qualifier, a member name, a JCL name field), and
//! how a text is written as a quoted operand.
//!
//! A name here is the common shape only: 1–8 characters, the first alphabetic or national,
//! the rest alphanumeric or national. Each kind of name adds its own rule on top, named where
//! it is checked: a user ID is also upper case ([`crate::UserId`]); a data set qualifier may
//! also hold `-` and the whole data set name is at most 44 characters ([`crate::DsName`]); a
//! JCL name field may be two names joined by a period (the jcl crate); a z/OSMF owner or
//! prefix filter is a pattern with `*` and `%`, not a name (the zosmf crate).

/// Whether `c` is one of z/OS's national characters: `#` (X'7B'), `@` (X'7C'), `$` (X'5B').
pub fn is_national(c: char) -> bool {
    matches!(c, '#' | '@' | '$')
}

/// Whether `name` has the shape of a z/OS name: 1–8 characters, the first alphabetic (either
/// case; callers that require upper case check it) or national, the rest alphanumeric or
/// national (z/OS Security Server RACF Command Language Reference, "Syntax of RACF commands
/// and operands": <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.icha400/xsyntax.htm>;
/// z/OS MVS JCL Reference, "Name field").
pub fn is_name(name: &str) -> bool {
    is_name_with(name, &[])
}

/// [`is_name`], with the characters in `also` allowed after the first (a data set
/// qualifier's `-`).
pub fn is_name_with(name: &str, also: &[char]) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    name.chars().count() <= 8
        && (first.is_ascii_alphabetic() || is_national(first))
        && chars.all(|c| c.is_ascii_alphanumeric() || is_national(c) || also.contains(&c))
}

/// `text` as a quoted TSO/RACF operand: between apostrophes, each apostrophe in it doubled
/// (`it's` → `'it''s'`), the form the TSO parser reads back as `text`.
pub fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Valid and invalid cells of the name shape.
    #[test]
    fn names_are_one_to_eight_characters_starting_alphabetic_or_national() {
        for ok in ["A", "IBMUSER", "#@$", "$1", "@ABCDEFG", "a1b2", "Z2345678"] {
            assert!(is_name(ok), "{ok}");
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
            "AÉ",
            "-A",
        ] {
            assert!(!is_name(bad), "{bad}");
        }
        assert!(is_name_with("A-B", &['-']));
        assert!(!is_name_with("-AB", &['-']));
        assert!(is_national('#') && is_national('@') && is_national('$'));
        assert!(!is_national('%') && !is_national('A'));
    }

    /// Quoting doubles apostrophes and nothing else.
    #[test]
    fn quoting_doubles_apostrophes() {
        assert_eq!(quoted("it's"), "'it''s'");
        assert_eq!(quoted(""), "''");
        assert_eq!(quoted("''"), "''''''");
        assert_eq!(quoted("Ring.A b"), "'Ring.A b'");
    }
}

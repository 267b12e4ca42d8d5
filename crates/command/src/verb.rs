//! Command names, as the TSO/E command scan service sees them before any command runs.
//!
//! A command name is 1–8 characters: the first alphabetic or national (`@ # $`), the rest
//! alphanumeric or national. A name that breaks the rule is not searched for: the TMP prints
//! `IKJ56621I INVALID COMMAND NAME SYNTAX` and, since z/OS V2R4, sets RC 12. A well-formed
//! name that is no command gives `IKJ56500I COMMAND name NOT FOUND`, RC 12.
//! Sources: TSO/E Programming Services, syntax requirements for command names
//! (<https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikjb700/synreq.htm>);
//! IBM Z community note on the z/OS V2R4 change to IKJ56621I's return code
//! (<https://community.ibm.com/community/user/ibmz-and-linuxone/blogs/shigeki-kimura1/2022/08/17/sharing-zos-upgrade-info-by-professor-kimura-077j>).

use crate::operand::{ParseError, ParseFailure};
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::satisfy;
use nom::combinator::{eof, recognize};
use nom::{IResult, Parser};

fn is_national(c: char) -> bool {
    matches!(c, '@' | '#' | '$')
}

/// The command-name grammar as a nom parser: an alphabetic or national character, then up to
/// seven alphanumeric or national ones, then the end of the name.
fn command_name(name: &str) -> IResult<&str, &str> {
    recognize((
        satisfy(|c| c.is_ascii_alphabetic() || is_national(c)),
        take_while_m_n(0, 7, |c: char| c.is_ascii_alphanumeric() || is_national(c)),
        eof,
    ))
    .parse(name)
}

/// True when `name` meets TSO's command-name syntax (case is not significant).
pub fn is_valid_command_name(name: &str) -> bool {
    command_name(name).is_ok()
}

/// `IKJ56621I INVALID COMMAND NAME SYNTAX`, RC 12, with the RCM110I "did you mean" hint
/// when `name` is one or two edits from a command in `known` (`RACDCERTS`).
pub fn invalid_name_syntax(name: &str, known: &[&str]) -> ParseFailure {
    let mut f = ParseFailure::from(ParseError::InvalidCommandName);
    f.hints.extend(did_you_mean(name, known));
    f
}

fn did_you_mean(name: &str, known: &[&str]) -> Option<String> {
    let up = name.to_ascii_uppercase();
    nearest(&up, known).map(|s| crate::messages::rcm110i(&up, s))
}

/// `IKJ56500I COMMAND name NOT FOUND`, RC 12, with a "did you mean" hint (RCM110I) when a
/// command racemu knows is one or two edits away.
pub fn not_found(name: &str, known: &[&str]) -> ParseFailure {
    let mut f = ParseFailure::from(ParseError::CommandNotFound(name.to_string()));
    f.hints.extend(did_you_mean(name, known));
    f
}

/// The known command closest to `name` by edit distance, when it is at most 2 edits away
/// (and `name` is long enough for that to mean something: 1 edit for names of 3 or 4
/// characters, none below). Ties go to the first in `known`.
pub fn nearest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let up = name.to_ascii_uppercase();
    let len = up.chars().count();
    let limit = match len {
        0..=2 => return None,
        3..=4 => 1,
        _ => 2,
    };
    known
        .iter()
        .map(|k| (edit_distance(&up, k), *k))
        .filter(|(d, _)| *d > 0 && *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance (insertions, deletions, substitutions) over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_name_syntax() {
        for ok in [
            "RACDCERT", "racdcert", "$X", "@A1", "#12345Z", "A", "ABCDEFGH",
        ] {
            assert!(is_valid_command_name(ok), "{ok}");
        }
        for bad in [
            "FROBNICATE",
            "ABCDEFGHI",
            "1ABC",
            "A.B",
            "A-B",
            "",
            "RAC&X",
            "ÄB",
            "AÄ",
            "A B",
        ] {
            assert!(!is_valid_command_name(bad), "{bad}");
        }
    }

    #[test]
    fn near_misses() {
        let known = ["RACDCERT", "SETROPTS", "PERMIT", "RLIST", "LISTUSER"];
        assert_eq!(nearest("RACDCRT", &known), Some("RACDCERT"));
        assert_eq!(nearest("racdcret", &known), Some("RACDCERT"));
        assert_eq!(nearest("PERMT", &known), Some("PERMIT"));
        assert_eq!(nearest("FROB", &known), None);
        assert_eq!(nearest("RL", &known), None);
        assert_eq!(edit_distance("KITTEN", "SITTING"), 3);
    }
}

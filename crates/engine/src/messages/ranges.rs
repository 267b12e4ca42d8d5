//! racemu's own message numbers (`RCMnnn`): which range belongs to which part of racemu.
//!
//! z/OS has no message for what only racemu says (a hint, a note on a job, a function it does
//! not emulate), so racemu numbers its own messages `RCMnnnX` (`X` the severity: I, W or E).
//! Each number is defined once, in the catalogue of a crate the number's range names, with one
//! severity letter. docs/fidelity.md lists these ranges; `crates/racemu/tests/catalogue.rs`
//! keeps that list equal to [`RCM_RANGES`] and checks every `RCMnnn` defined in `crates/*/src`
//! against it.

/// One range of racemu's own message numbers and the part of racemu that owns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RcmRange {
    /// The first number of the range.
    pub first: u16,
    /// The last number of the range (inclusive).
    pub last: u16,
    /// Where the messages go and what they are about, as docs/fidelity.md lists it.
    pub part: &'static str,
    /// The crates (directory names under `crates/`) whose catalogues define its numbers.
    pub crates: &'static [&'static str],
}

impl RcmRange {
    /// Whether `number` falls in the range.
    pub fn holds(&self, number: u16) -> bool {
        (self.first..=self.last).contains(&number)
    }
}

/// Every range of racemu's own message numbers, in ascending order, none overlapping. A
/// number outside them all is not to be used until a range here is given to its part.
pub const RCM_RANGES: &[RcmRange] = &[
    RcmRange {
        first: 1,
        last: 99,
        part: "SYSTSPRT: what racemu cannot do or does not emulate, where z/OS has no honest message",
        crates: &["engine"],
    },
    RcmRange {
        first: 100,
        last: 109,
        part: "job log: JCL statements racemu ignores",
        crates: &["jcl"],
    },
    RcmRange {
        first: 110,
        last: 199,
        part: "job log or standard error: hints on a command (did you mean, labels in another case, undefined user IDs)",
        crates: &["command", "engine"],
    },
    RcmRange {
        first: 200,
        last: 209,
        part: "standard error: the command line (a new store, exports, data sets, seeds)",
        crates: &["racemu"],
    },
    RcmRange {
        first: 210,
        last: 219,
        part: "standard error: serving a key ring over TLS (keys the server cannot use, stale RACLIST images)",
        crates: &["keyring", "engine"],
    },
    RcmRange {
        first: 220,
        last: 229,
        part: "standard error: the REPL",
        crates: &["racemu"],
    },
    RcmRange {
        first: 300,
        last: 399,
        part: "job log: JCL and jobs (cards, tabs, lower case, COND, no step, store failures)",
        crates: &["jcl", "racemu"],
    },
    RcmRange {
        first: 400,
        last: 419,
        part: "SYSTSPRT or job log: certificate name filters (MAP, ALTMAP, DELMAP, LISTMAP) where IBM's pages give no message",
        crates: &["engine"],
    },
    RcmRange {
        first: 500,
        last: 519,
        part: "SYSTSPRT: REXX execs (no interpreter, not found, a CLIST, ended by the time limit or a crash)",
        crates: &["rexx", "racemu"],
    },
    RcmRange {
        first: 999,
        last: 999,
        part: "SYSTSPRT: an internal error, the store failed (RC 12)",
        crates: &["engine"],
    },
];

/// The range that holds `number`, if one does.
pub fn range_of(number: u16) -> Option<&'static RcmRange> {
    RCM_RANGES.iter().find(|r| r.holds(number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_ascend_and_do_not_overlap() {
        for pair in RCM_RANGES.windows(2) {
            assert!(pair[0].first <= pair[0].last, "{pair:?}");
            assert!(pair[0].last < pair[1].first, "{pair:?}");
        }
        assert_eq!(range_of(113).map(|r| r.first), Some(110));
        assert_eq!(range_of(250), None);
    }
}

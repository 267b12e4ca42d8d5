//! Value grammars inside operands, as nom 8 parsers: RACDCERT's `DATE(yyyy-mm-dd)` and
//! `TIME(hh:mm:ss)`, and RACF's command dates `mm/dd/yy` (ALTUSER REVOKE(date) and
//! RESUME(date)).

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, one_of};
use nom::combinator::{eof, map_res, opt};
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// Exactly `n` characters that are not `sep`, read as a number of type `T`.
fn number<'a, T: std::str::FromStr>(
    n: usize,
    sep: &'static str,
) -> impl Parser<&'a str, Output = T, Error = nom::error::Error<&'a str>> {
    map_res(
        take_while_m_n(n, n, move |c| !sep.contains(c)),
        str::parse::<T>,
    )
}

/// RACDCERT's date, `yyyy-mm-dd` (`/` also separates): year, month, day as typed, not yet
/// checked against the calendar.
pub(crate) fn racdcert_date(s: &str) -> Option<(i32, u8, u8)> {
    let parsed: IResult<&str, _> = (
        number::<i32>(4, "-/"),
        one_of("-/"),
        number::<u8>(2, "-/"),
        one_of("-/"),
        number::<u8>(2, "-/"),
        eof,
    )
        .parse(s);
    parsed.ok().map(|(_, (y, _, m, _, d, _))| (y, m, d))
}

/// RACDCERT's time, `hh`, `hh:mm` or `hh:mm:ss` (omitted parts are 0), not yet range-checked.
pub(crate) fn racdcert_time(s: &str) -> Option<(u8, u8, u8)> {
    let parsed: IResult<&str, _> = (
        number::<u8>(2, ":"),
        opt(preceded(char(':'), number::<u8>(2, ":"))),
        opt(preceded(char(':'), number::<u8>(2, ":"))),
        eof,
    )
        .parse(s);
    parsed
        .ok()
        .map(|(_, (h, m, sec, _))| (h, m.unwrap_or(0), sec.unwrap_or(0)))
}

/// Two decimal digits.
fn two_digits(i: &str) -> IResult<&str, u32> {
    map_res(
        take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(i)
}

/// A RACF command date `mm/dd/yy` as (month, day, two-digit year), not yet checked against
/// the calendar.
pub(crate) fn racf_date(s: &str) -> Option<(u32, u32, u32)> {
    let parsed: IResult<&str, _> = (
        two_digits,
        char('/'),
        two_digits,
        char('/'),
        two_digits,
        eof,
    )
        .parse(s);
    parsed.ok().map(|(_, (m, _, d, _, y, _))| (m, d, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn racdcert_dates_and_times() {
        assert_eq!(racdcert_date("2030-12-31"), Some((2030, 12, 31)));
        assert_eq!(racdcert_date("2030/01/02"), Some((2030, 1, 2)));
        for bad in [
            "2030-1-31",
            "30-12-31",
            "2030-12-31-",
            "2030-12",
            "",
            "2030-1x-31",
        ] {
            assert_eq!(racdcert_date(bad), None, "{bad}");
        }
        assert_eq!(racdcert_time("23"), Some((23, 0, 0)));
        assert_eq!(racdcert_time("23:59"), Some((23, 59, 0)));
        assert_eq!(racdcert_time("23:59:58"), Some((23, 59, 58)));
        for bad in ["", "1", "12:", "1234", "12:3", "12:34:56:78", "ab"] {
            assert_eq!(racdcert_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn racf_dates_are_mm_dd_yy_and_nothing_more() {
        assert_eq!(racf_date("12/31/25"), Some((12, 31, 25)));
        for bad in [
            "12/31/2025",
            "1/31/25",
            "12/31/25/",
            "12/x/31/25",
            "12-31-25",
            "",
        ] {
            assert_eq!(racf_date(bad), None, "{bad}");
        }
    }
}

//! The RACF commands around RACDCERT (RACF Command Language Reference;
//! SETROPTS RACLIST semantics from the Security Administrator's Guide, refrac.htm): SETROPTS, the
//! general resource commands, and the user and group commands.

pub(crate) mod credentials;
pub(crate) mod datasets;
mod groups;
mod resources;
mod setropts;
mod users;

pub(crate) use datasets::{addsd, altdsd, deldsd, listdsd, search};
pub(crate) use groups::{addgroup, connect_group, listgrp};
pub(crate) use resources::{permit, rdefine, rdelete, rlist};
pub(crate) use setropts::setropts;
pub(crate) use users::{adduser, deluser, listuser};

use crate::authority::is_special;
use crate::messages::Message;
use crate::{Ctx, Fail};

/// Today's date as the store keeps the dates it records and never compares (`created`):
/// `yyyy-mm-dd`. The dates RACF compares (REVOKE and RESUME dates, when a password was set)
/// are `time::Date`s up to the store ([`racemu_store::users::Credentials`]).
pub(crate) fn today(ctx: &Ctx<'_, '_>) -> String {
    store_date(ctx.now.date())
}

/// A date as the store keeps it (`yyyy-mm-dd`); `None` for any other text.
pub(crate) fn parse_store_date(date: &str) -> Option<time::Date> {
    time::Date::parse(
        date,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// `date` as the store keeps dates (`yyyy-mm-dd`, ISO 8601's calendar date).
pub fn store_date(date: time::Date) -> String {
    // Formatting a Date with these components fails only on I/O, which a String never has.
    date.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// Passes for a SPECIAL issuer; otherwise fails with `refusal`.
pub(crate) fn require_special(ctx: &Ctx<'_, '_>, refusal: Message) -> Result<(), Fail> {
    if is_special(ctx.tx, ctx.issuer)? {
        Ok(())
    } else {
        Err(Fail::from(refusal))
    }
}

/// `yyyy-mm-dd` → RACF's `yy.ddd`; anything else (the initial IBMUSER) → `00.000`.
pub(crate) fn julian(date: &str) -> String {
    parse_store_date(date).map_or_else(|| "00.000".into(), julian_date)
}

/// `date` as RACF's `yy.ddd`.
pub(crate) fn julian_date(date: time::Date) -> String {
    // Formatting a Date with these components fails only on I/O, which a String never has.
    date.format(time::macros::format_description!(
        "[year repr:last_two].[ordinal]"
    ))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    #[test]
    fn store_dates_are_iso_calendar_dates_with_zeros() {
        assert_eq!(super::store_date(date!(2026 - 01 - 05)), "2026-01-05");
        assert_eq!(super::store_date(date!(0999 - 12 - 31)), "0999-12-31");
    }

    #[test]
    fn julian_dates_are_yy_ddd() {
        assert_eq!(super::julian("2026-01-05"), "26.005");
        assert_eq!(super::julian("2024-12-31"), "24.366");
        assert_eq!(super::julian("2000-02-29"), "00.060");
        for other in ["", "2026-02-30", "2026-257-01", "2026-01", "x"] {
            assert_eq!(super::julian(other), "00.000", "{other}");
        }
    }
}

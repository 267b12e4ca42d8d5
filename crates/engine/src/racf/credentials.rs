//! PASSWORD, PHRASE, EXPIRED, REVOKE and RESUME on ADDUSER / ALTUSER, and how LISTUSER shows
//! them. Secrets are hashed at once; no message ever contains one.

use super::{julian_date, parse_store_date, today};
use crate::messages as m;
use crate::{Ctx, Fail};
use racemu_command::UserSpec;
use racemu_store::{passwords, setropts, users};

/// RACF's password syntax: 1 to 8 characters, letters, digits and the national characters.
pub(crate) fn valid_password(pw: &str) -> bool {
    (1..=8).contains(&pw.len())
        && pw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '#' | '$'))
}

/// RACF's basic password-phrase rules (z/OS Security Server RACF System Programmer's Guide,
/// "New-password-phrase exit (ICHPWX11)"): 14 to 100 characters, the user ID not in it,
/// at least 2 letters and 2 other characters, no character 3 times in a row.
pub(crate) fn valid_phrase(userid: &str, phrase: &str) -> bool {
    let chars: Vec<char> = phrase.chars().collect();
    let letters = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    (14..=100).contains(&chars.len())
        && !phrase.contains(&userid.to_ascii_uppercase())
        && !phrase.contains(&userid.to_ascii_lowercase())
        && letters >= 2
        && chars.len() - letters >= 2
        && !chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2])
}

/// Applies the credential operands of `u` to user `id` (already stored). Returns the RC of
/// the warnings it printed (4) or 0.
pub(crate) fn apply(
    ctx: &Ctx<'_, '_>,
    id: &str,
    u: &UserSpec,
    out: &mut Vec<String>,
) -> Result<u32, Fail> {
    let mut c = users::credentials(ctx.tx, id)?.unwrap_or_default();
    let mut rc = 0;
    let mut changed = false;
    if u.nopassword && u.password.is_none() {
        c.password_hash = None;
        c.passdate = None;
    }
    if u.nophrase && u.phrase.is_none() {
        c.phrase_hash = None;
        c.phrasedate = None;
    }
    if let Some(pw) = &u.password {
        if valid_password(pw.expose()) {
            let salt =
                ctx.config
                    .randomness
                    .salt(&[id.as_bytes(), b"PASSWORD", today(ctx).as_bytes()]);
            c.password_hash = Some(passwords::hash(pw.expose(), &salt)?);
            c.passdate = Some(ctx.now.date());
            changed = true;
        } else {
            let refused = m::ich21034i();
            rc = rc.max(refused.rc);
            out.push(refused.line());
        }
    }
    if let Some(ph) = &u.phrase {
        if valid_phrase(id, ph.expose()) {
            let salt =
                ctx.config
                    .randomness
                    .salt(&[id.as_bytes(), b"PHRASE", today(ctx).as_bytes()]);
            c.phrase_hash = Some(passwords::hash(ph.expose(), &salt)?);
            c.phrasedate = Some(ctx.now.date());
            changed = true;
        } else {
            let refused = m::ich01021i();
            rc = rc.max(refused.rc);
            out.push(refused.line());
        }
    }
    if changed {
        // An administrator's new password is expired unless NOEXPIRED is given, and the
        // count of failed logons starts again.
        c.expired = u.expired.unwrap_or(true);
        c.failed_logons = 0;
    } else if u.expired.is_some() && u.password.is_none() && u.phrase.is_none() {
        out.push(m::ich21007i().line());
    }
    let day = ctx.now.date();
    match u.revoke {
        // REVOKE now; a RESUME date still to come stays pending.
        Some(true) => {
            c.revoked = true;
            c.revoke_date = None;
            c.resume_date = c.resume_date.filter(|r| *r > day);
        }
        // RESUME now; a REVOKE date still to come stays pending.
        Some(false) => {
            c.revoked = false;
            c.revoke_date = c.revoke_date.filter(|r| *r > day);
            c.resume_date = None;
            c.failed_logons = 0;
        }
        None => {}
    }
    if let Some(d) = &u.revoke_date {
        c.revoke_date = Some(parsed_date(d)?);
    }
    if let Some(d) = &u.resume_date {
        c.resume_date = Some(parsed_date(d)?);
    }
    users::set_credentials(ctx.tx, id, &c)?;
    Ok(rc)
}

/// LISTUSER's `PASSDATE=… PASS-INTERVAL=… PHRASEDATE=…` values and the REVOKED / PROTECTED
/// attributes: dates as yy.ddd, `00.000` while expired, `N/A` without a password or phrase.
pub(crate) struct Shown {
    /// PASSDATE value.
    pub passdate: String,
    /// PASS-INTERVAL value.
    pub interval: String,
    /// PHRASEDATE value.
    pub phrasedate: String,
    /// The user is revoked today.
    pub revoked: bool,
    /// REVOKE DATE value.
    pub revoke_date: String,
    /// RESUME DATE value.
    pub resume_date: String,
    /// The user has neither password nor phrase.
    pub protected: bool,
}

/// What LISTUSER shows of user `id`'s credentials.
pub(crate) fn shown(ctx: &Ctx<'_, '_>, id: &str) -> Result<Shown, Fail> {
    let c = users::credentials(ctx.tx, id)?.unwrap_or_default();
    let opts = setropts::password_options(ctx.tx)?;
    let date = |hash: &Option<String>, date: &Option<time::Date>| match (hash, date) {
        (None, _) => "N/A".to_string(),
        (Some(_), Some(d)) if !c.expired => julian_date(*d),
        (Some(_), _) => "00.000".to_string(),
    };
    Ok(Shown {
        passdate: date(&c.password_hash, &c.passdate),
        interval: if c.password_hash.is_some() || c.phrase_hash.is_some() {
            format!("{:>3}", opts.interval)
        } else {
            "N/A".into()
        },
        phrasedate: date(&c.phrase_hash, &c.phrasedate),
        revoked: c.revoked_on(ctx.now.date()),
        revoke_date: long_date(c.revoke_date),
        resume_date: long_date(c.resume_date),
        protected: c.password_hash.is_none() && c.phrase_hash.is_none(),
    })
}

/// A date as LISTUSER's REVOKE DATE / RESUME DATE show it (`OCTOBER 22, 2023`, pyRACF's
/// capture), or `NONE`.
fn long_date(date: Option<time::Date>) -> String {
    date.map_or_else(
        || "NONE".into(),
        |d| {
            let month = d.month().to_string().to_ascii_uppercase();
            format!("{month} {}, {}", d.day(), d.year())
        },
    )
}

/// A REVOKE or RESUME date as the parser hands it over (`yyyy-mm-dd`, a calendar date it has
/// checked) as the date the store keeps.
fn parsed_date(date: &str) -> Result<time::Date, Fail> {
    parse_store_date(date)
        .ok_or_else(|| Fail::from(m::internal(&format!("date {date} is not yyyy-mm-dd"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revoke_and_resume_dates_are_shown_long() {
        use time::macros::date;
        assert_eq!(long_date(Some(date!(2023 - 10 - 22))), "OCTOBER 22, 2023");
        assert_eq!(long_date(Some(date!(2026 - 01 - 05))), "JANUARY 5, 2026");
        assert_eq!(long_date(None), "NONE");
        assert_eq!(parsed_date("2028-02-29").ok(), Some(date!(2028 - 02 - 29)));
        assert!(parsed_date("02/29/28").is_err());
    }

    #[test]
    fn password_and_phrase_rules() {
        assert!(valid_password("SYS1") && valid_password("A@#$1234"));
        assert!(!valid_password("") && !valid_password("TOOLONGPW") && !valid_password("A B"));
        assert!(valid_phrase("ALICE", "correct horse 42 battery"));
        assert!(!valid_phrase("ALICE", "short 1 phr"));
        assert!(!valid_phrase("ALICE", "my name is ALICE 42"));
        assert!(!valid_phrase("ALICE", "my name is alice 42"));
        assert!(!valid_phrase("ALICE", "onlylettershere"));
        assert!(!valid_phrase("ALICE", "12345678901234567"));
        assert!(!valid_phrase("ALICE", "sooo long phrase 42"));
        assert!(!valid_phrase("ALICE", &"ab1".repeat(34)));
    }
}

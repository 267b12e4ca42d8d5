//! Logon verification, as RACROUTE REQUEST=VERIFY checks a user ID and password (or
//! password phrase) for a server that logs users on (z/OSMF, for one).

use crate::racf::credentials::{valid_password, valid_phrase};
use racemu_pki::Randomness;
use racemu_store::{passwords, setropts, users, StoreResult, Tx};
use time::{Date, Duration};

/// The outcome of a logon attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Logon {
    /// The password or phrase is right and current.
    Ok,
    /// The password or phrase is right but expired (set by an administrator, or older than
    /// SETROPTS PASSWORD(INTERVAL(n)) days): it must be changed before the user may work.
    Expired,
    /// The user is revoked (ALTUSER REVOKE, a REVOKE date that has come and no RESUME date
    /// after it, or too many failed logons).
    Revoked,
    /// The password or phrase is wrong, or the user has neither (a PROTECTED user).
    Wrong,
    /// The user ID is not defined to RACF.
    NotDefined,
    /// The secret was right but the new one was refused: it breaks RACF's password or
    /// phrase rules, or equals the current one. Nothing changed.
    NewRejected,
}

/// Checks `secret` for `userid` at `today`, inside the caller's transaction.
///
/// Up to 8 characters is a password (folded to upper case, as RACF keeps passwords without
/// SETROPTS PASSWORD(MIXEDCASE)); longer is a password phrase (case kept). A wrong secret
/// counts a failed logon; when SETROPTS PASSWORD(REVOKE(n)) is in force, the n-th failure
/// in a row revokes the user (the attempt itself answers `Wrong`, later ones `Revoked`). A
/// right secret, even an expired one, sets the count back to zero. A revoked user is
/// answered `Revoked` without the secret being checked or counted.
pub fn verify(tx: &Tx<'_>, userid: &str, secret: &str, today: Date) -> StoreResult<Logon> {
    let userid = userid.to_ascii_uppercase();
    let Some(mut c) = users::credentials(tx, &userid)? else {
        return Ok(Logon::NotDefined);
    };
    if c.revoked_on(today) {
        return Ok(Logon::Revoked);
    }
    let opts = setropts::password_options(tx)?;
    let (hash, set_on) = if secret.chars().count() <= 8 {
        (&c.password_hash, &c.passdate)
    } else {
        (&c.phrase_hash, &c.phrasedate)
    };
    let candidate = if secret.chars().count() <= 8 {
        secret.to_ascii_uppercase()
    } else {
        secret.to_string()
    };
    let right = hash
        .as_deref()
        .is_some_and(|h| passwords::verify(&candidate, h));
    if !right {
        c.failed_logons = c.failed_logons.saturating_add(1);
        if opts.revoke.is_some_and(|n| c.failed_logons >= n) {
            c.revoked = true;
            c.resume_date = c.resume_date.filter(|r| *r > today);
        }
        users::set_credentials(tx, &userid, &c)?;
        return Ok(Logon::Wrong);
    }
    let too_old = set_on.is_some_and(|d| d + Duration::days(i64::from(opts.interval)) <= today);
    let outcome = if c.expired || too_old {
        Logon::Expired
    } else {
        Logon::Ok
    };
    if c.failed_logons != 0 {
        c.failed_logons = 0;
        users::set_credentials(tx, &userid, &c)?;
    }
    Ok(outcome)
}

/// Checks `secret` as [`verify`] does and, when it is right (even expired), replaces it with
/// `new` (a password when up to 8 characters, else a phrase), not expired, dated `today`:
/// the logon-time change of an expired password. A `new` that breaks RACF's rules or equals
/// the current secret gives `NewRejected` and changes nothing. The new secret's salt comes
/// from `randomness`.
pub fn verify_and_change(
    tx: &Tx<'_>,
    userid: &str,
    secret: &str,
    new: &str,
    today: Date,
    randomness: &Randomness,
) -> StoreResult<Logon> {
    match verify(tx, userid, secret, today)? {
        Logon::Ok | Logon::Expired => {}
        other => return Ok(other),
    }
    let userid = userid.to_ascii_uppercase();
    let Some(mut c) = users::credentials(tx, &userid)? else {
        return Ok(Logon::NotDefined);
    };
    let is_phrase = new.chars().count() > 8;
    let new = if is_phrase {
        new.to_string()
    } else {
        new.to_ascii_uppercase()
    };
    let current = if is_phrase {
        &c.phrase_hash
    } else {
        &c.password_hash
    };
    let valid = if is_phrase {
        valid_phrase(&userid, &new)
    } else {
        valid_password(&new)
    };
    if !valid
        || current
            .as_deref()
            .is_some_and(|h| passwords::verify(&new, h))
    {
        return Ok(Logon::NewRejected);
    }
    let date = Some(today);
    let kind: &[u8] = if is_phrase { b"PHRASE" } else { b"PASSWORD" };
    let salt = randomness.salt(&[userid.as_bytes(), kind, today.to_string().as_bytes()]);
    if is_phrase {
        c.phrase_hash = Some(passwords::hash(&new, &salt)?);
        c.phrasedate = date;
    } else {
        c.password_hash = Some(passwords::hash(&new, &salt)?);
        c.passdate = date;
    }
    c.expired = false;
    users::set_credentials(tx, &userid, &c)?;
    Ok(Logon::Ok)
}

/// The stored hash a secret is checked against, for a server that remembers good logons
/// (z/OSMF's logon cache): it must see a password change, a revocation or an expiry at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSecret {
    /// The Argon2id hash of the password (a secret of up to 8 characters) or of the phrase.
    pub hash: String,
    /// Whether a logon with it may succeed today: neither expired nor revoked.
    pub usable: bool,
}

impl crate::Engine {
    /// The hash `secret` would be checked against for `userid`, the password's or the
    /// phrase's as [`verify`] chooses, and whether it is usable today; `None` when the user
    /// is not defined or has no such secret. Reads without the writer's lock.
    pub fn stored_secret(&self, userid: &str, secret: &str) -> StoreResult<Option<StoredSecret>> {
        let today = self.clock.now().date();
        self.store.read(|tx| {
            let Some(c) = users::credentials(tx, userid)? else {
                return Ok(None);
            };
            let usable = !c.expired && !c.revoked_on(today);
            let hash = if secret.chars().count() <= 8 {
                c.password_hash
            } else {
                c.phrase_hash
            };
            Ok(hash.map(|hash| StoredSecret { hash, usable }))
        })
    }
}

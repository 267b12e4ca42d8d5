//! RACF user profiles (the BASE segment racemu keeps).

use crate::{StoreResult, Tx};
use rusqlite::{params, OptionalExtension};
use time::Date;

/// A user profile.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct User {
    /// User ID (upper case).
    pub userid: String,
    /// NAME.
    pub name: Option<String>,
    /// OWNER.
    pub owner: String,
    /// DFLTGRP.
    pub dfltgrp: String,
    /// SPECIAL attribute.
    pub special: bool,
    /// OPERATIONS attribute.
    pub operations: bool,
    /// AUDITOR attribute.
    pub auditor: bool,
    /// RESTRICTED attribute: ID(*) entries and UACC never grant this user access.
    pub restricted: bool,
    /// Creation date (yyyy-mm-dd) or `initial`.
    pub created: String,
}

const COLUMNS: &str =
    "userid, name, owner, dfltgrp, special, operations, auditor, created, restricted";

fn map(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        userid: r.get(0)?,
        name: r.get(1)?,
        owner: r.get(2)?,
        dfltgrp: r.get(3)?,
        special: r.get(4)?,
        operations: r.get(5)?,
        auditor: r.get(6)?,
        created: r.get(7)?,
        restricted: r.get(8)?,
    })
}

/// The user, if defined.
pub fn get(tx: &Tx<'_>, userid: &str) -> StoreResult<Option<User>> {
    Ok(tx
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE userid = ?1"),
            [userid],
            map,
        )
        .optional()?)
}

/// Inserts or replaces a user's BASE attributes (the password columns are left alone).
pub fn put(tx: &Tx<'_>, u: &User) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO users (userid, name, owner, dfltgrp, special, operations, auditor, created, restricted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (userid) DO UPDATE SET name = excluded.name, owner = excluded.owner,
           dfltgrp = excluded.dfltgrp, special = excluded.special,
           operations = excluded.operations, auditor = excluded.auditor,
           restricted = excluded.restricted",
    )?.execute(
        params![
            u.userid,
            u.name,
            u.owner,
            u.dfltgrp,
            u.special,
            u.operations,
            u.auditor,
            u.created,
            u.restricted
        ],
    )?;
    Ok(())
}

/// Deletes a user; returns whether it existed.
pub fn delete(tx: &Tx<'_>, userid: &str) -> StoreResult<bool> {
    tx.prepare_cached("DELETE FROM group_members WHERE userid = ?1")?
        .execute([userid])?;
    Ok(tx
        .prepare_cached("DELETE FROM users WHERE userid = ?1")?
        .execute([userid])?
        > 0)
}

/// Groups the user is connected to, in name order.
pub fn groups(tx: &Tx<'_>, userid: &str) -> StoreResult<Vec<String>> {
    let mut st =
        tx.prepare_cached("SELECT grp FROM group_members WHERE userid = ?1 ORDER BY grp")?;
    let rows = st.query_map([userid], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A user's password, password phrase and logon state.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Credentials {
    /// Argon2id hash of the password; `None` without a password.
    pub password_hash: Option<String>,
    /// When the password was set, for the change interval.
    pub passdate: Option<Date>,
    /// Argon2id hash of the password phrase; `None` without a phrase.
    pub phrase_hash: Option<String>,
    /// When the phrase was set.
    pub phrasedate: Option<Date>,
    /// The password and phrase are expired: the next logon must change them.
    pub expired: bool,
    /// The REVOKE attribute: the user cannot log on.
    pub revoked: bool,
    /// REVOKE(date): revoked from that day on.
    pub revoke_date: Option<Date>,
    /// RESUME(date): no longer revoked from that day on.
    pub resume_date: Option<Date>,
    /// Failed logons since the last good one.
    pub failed_logons: u32,
}

impl Credentials {
    /// Whether the user is revoked on `today`: REVOKE, or a REVOKE date that has come, unless
    /// a RESUME date on or after it has come too.
    pub fn revoked_on(&self, today: Date) -> bool {
        let since = if self.revoked {
            Some(Date::MIN)
        } else {
            self.revoke_date.filter(|d| *d <= today)
        };
        since.is_some_and(|since| !self.resume_date.is_some_and(|r| r <= today && r >= since))
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("password", &self.password_hash.as_ref().map(|_| "<hash>"))
            .field("passdate", &self.passdate)
            .field("phrase", &self.phrase_hash.as_ref().map(|_| "<hash>"))
            .field("phrasedate", &self.phrasedate)
            .field("expired", &self.expired)
            .field("revoked", &self.revoked)
            .field("revoke_date", &self.revoke_date)
            .field("resume_date", &self.resume_date)
            .field("failed_logons", &self.failed_logons)
            .finish()
    }
}

/// The user's credentials, if the user is defined.
pub fn credentials(tx: &Tx<'_>, userid: &str) -> StoreResult<Option<Credentials>> {
    Ok(tx.prepare_cached(
        "SELECT password_hash, passdate, phrase_hash, phrasedate, expired, revoked, failed_logons,
           revoke_date, resume_date
         FROM users WHERE userid = ?1",
    )?
    .query_row([userid], |r| {
        Ok(Credentials {
            password_hash: r.get(0)?,
            passdate: r.get(1)?,
            phrase_hash: r.get(2)?,
            phrasedate: r.get(3)?,
            expired: r.get(4)?,
            revoked: r.get(5)?,
            failed_logons: r.get(6)?,
            revoke_date: r.get(7)?,
            resume_date: r.get(8)?,
        })
    })
    .optional()?)
}

/// Writes the user's credentials (the user must be defined).
pub fn set_credentials(tx: &Tx<'_>, userid: &str, c: &Credentials) -> StoreResult<()> {
    tx.prepare_cached(
        "UPDATE users SET password_hash = ?2, passdate = ?3, phrase_hash = ?4, phrasedate = ?5,
           expired = ?6, revoked = ?7, failed_logons = ?8, revoke_date = ?9, resume_date = ?10
         WHERE userid = ?1",
    )?
    .execute(params![
        userid,
        c.password_hash,
        c.passdate,
        c.phrase_hash,
        c.phrasedate,
        c.expired,
        c.revoked,
        c.failed_logons,
        c.revoke_date,
        c.resume_date
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use time::macros::date;

    /// REVOKE and RESUME dates compare as days.
    #[test]
    fn revoked_on_compares_days() {
        let on = |c: &Credentials, d| c.revoked_on(d);
        let revoke_from = Credentials {
            revoke_date: Some(date!(2026 - 12 - 01)),
            ..Credentials::default()
        };
        assert!(!on(&revoke_from, date!(2026 - 11 - 30)));
        assert!(on(&revoke_from, date!(2026 - 12 - 01)));
        assert!(on(&revoke_from, date!(9999 - 12 - 31)));
        let resumed = Credentials {
            resume_date: Some(date!(2027 - 01 - 01)),
            ..revoke_from.clone()
        };
        assert!(on(&resumed, date!(2026 - 12 - 31)));
        assert!(!on(&resumed, date!(2027 - 01 - 01)));
        // A RESUME date before the REVOKE date does not end it.
        let earlier = Credentials {
            resume_date: Some(date!(2026 - 06 - 01)),
            ..revoke_from.clone()
        };
        assert!(on(&earlier, date!(2027 - 01 - 01)));
        // REVOKE now: any RESUME date that has come ends it.
        let revoked = Credentials {
            revoked: true,
            resume_date: Some(date!(1971 - 01 - 01)),
            ..Credentials::default()
        };
        assert!(!on(&revoked, date!(2026 - 12 - 07)));
        assert!(on(
            &Credentials {
                revoked: true,
                ..Credentials::default()
            },
            date!(1971 - 01 - 01)
        ));
        assert!(!on(&Credentials::default(), date!(2026 - 12 - 07)));
    }

    /// The dates are kept as `yyyy-mm-dd` text, as before they were typed; any other text in
    /// a date column is an error, never a guess.
    #[test]
    fn credential_dates_are_kept_as_iso_text() {
        let mut s = Store::open_in_memory().unwrap();
        let (c, raw) = s
            .transaction(|tx| -> StoreResult<_> {
                let c = Credentials {
                    passdate: Some(date!(2026 - 01 - 05)),
                    revoke_date: Some(date!(2026 - 12 - 01)),
                    ..Credentials::default()
                };
                set_credentials(tx, "IBMUSER", &c)?;
                let raw: (String, String) = tx.query_row(
                    "SELECT passdate, revoke_date FROM users WHERE userid = 'IBMUSER'",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                Ok((credentials(tx, "IBMUSER")?, raw))
            })
            .unwrap();
        assert_eq!(raw, ("2026-01-05".to_string(), "2026-12-01".to_string()));
        assert_eq!(c.and_then(|c| c.passdate), Some(date!(2026 - 01 - 05)));
        let damaged = s.transaction(|tx| -> StoreResult<_> {
            tx.execute(
                "UPDATE users SET revoke_date = '12/01/26' WHERE userid = 'IBMUSER'",
                [],
            )?;
            credentials(tx, "IBMUSER")
        });
        assert!(damaged.is_err());
    }
}

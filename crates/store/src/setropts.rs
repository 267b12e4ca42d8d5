//! SETROPTS options that racemu gives meaning to outside class options.

use crate::{StoreResult, Tx};
use rusqlite::{params, OptionalExtension};

/// SETROPTS PASSWORD(INTERVAL(n)) default, as on a new RACF database.
pub const DEFAULT_INTERVAL: u32 = 30;

/// The password options of SETROPTS PASSWORD(...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordOptions {
    /// INTERVAL(n): days a password or phrase stays valid.
    pub interval: u32,
    /// REVOKE(n): failed logons that revoke a user; `None` for NOREVOKE (the default).
    pub revoke: Option<u32>,
}

fn get(tx: &Tx<'_>, key: &str) -> StoreResult<Option<String>> {
    Ok(tx
        .prepare_cached("SELECT value FROM setropts_options WHERE option = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

fn set(tx: &Tx<'_>, key: &str, value: &str) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO setropts_options (option, value) VALUES (?1, ?2)
         ON CONFLICT (option) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// The password options in force.
pub fn password_options(tx: &Tx<'_>) -> StoreResult<PasswordOptions> {
    let interval = get(tx, "PASSWORD.INTERVAL")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_INTERVAL);
    let revoke = get(tx, "PASSWORD.REVOKE")?.and_then(|v| v.parse().ok());
    Ok(PasswordOptions { interval, revoke })
}

/// Writes the password options.
pub fn set_password_options(tx: &Tx<'_>, o: PasswordOptions) -> StoreResult<()> {
    set(tx, "PASSWORD.INTERVAL", &o.interval.to_string())?;
    set(
        tx,
        "PASSWORD.REVOKE",
        &o.revoke.map(|n| n.to_string()).unwrap_or_default(),
    )
}

/// SETROPTS PROTECTALL in force: `Some(true)` for PROTECTALL(WARNING), `Some(false)` for
/// PROTECTALL(FAILURES), `None` for NOPROTECTALL (a new RACF database).
pub fn protectall(tx: &Tx<'_>) -> StoreResult<Option<bool>> {
    // Older stores kept the operand as typed (`PROTECTALL(WARNING)`) under the same key.
    Ok(get(tx, "PROTECTALL")?
        .filter(|v| !v.is_empty())
        .map(|v| v.contains("WARN")))
}

/// Sets PROTECTALL: `Some(true)` WARNING, `Some(false)` FAILURES, `None` NOPROTECTALL.
pub fn set_protectall(tx: &Tx<'_>, warning: Option<bool>) -> StoreResult<()> {
    let value = match warning {
        Some(true) => "WARNING",
        Some(false) => "FAILURES",
        None => "",
    };
    set(tx, "PROTECTALL", value)
}

/// How many times SETROPTS GENERIC(`class`) REFRESH has been issued: an address space that
/// keeps in-storage generic profiles (racemu's z/OSMF server) reloads them when this changes.
pub fn generic_refreshes(tx: &Tx<'_>, class: &str) -> StoreResult<u64> {
    Ok(get(tx, &format!("GENERIC.REFRESH.{class}"))?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// Records one SETROPTS GENERIC(`class`) REFRESH.
pub fn note_generic_refresh(tx: &Tx<'_>, class: &str) -> StoreResult<()> {
    let n = generic_refreshes(tx, class)?.saturating_add(1);
    set(tx, &format!("GENERIC.REFRESH.{class}"), &n.to_string())
}

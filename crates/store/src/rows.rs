//! Typed rows and the queries on them, grouped by RACF concept.
//!
//! Every function takes the open transaction of the command that calls it.

use rusqlite::{params, OptionalExtension, Transaction};

/// Store-wide settings and counters.
pub mod meta {
    use super::*;

    /// Reads a setting.
    pub fn get(tx: &Transaction<'_>, key: &str) -> rusqlite::Result<Option<String>> {
        tx.prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()
    }

    /// Writes a setting.
    pub fn set(tx: &Transaction<'_>, key: &str, value: &str) -> rusqlite::Result<()> {
        tx.prepare_cached(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?.execute(
            params![key, value],
        )?;
        Ok(())
    }

    /// The next value of the store's creation sequence (orders rings, connections, certificates).
    pub fn next_seq(tx: &Transaction<'_>) -> rusqlite::Result<i64> {
        let n: i64 = tx.prepare_cached(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq' RETURNING CAST(value AS INTEGER)",
    )?.query_row(
            [],
            |r| r.get(0),
        )?;
        Ok(n)
    }
}

/// Digital certificates (the DIGTCERT profiles).
pub mod certs;

/// Key rings (the DIGTRING profiles) and their connections.
pub mod rings;

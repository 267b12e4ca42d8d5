//! Typed rows and the queries on them, grouped by RACF concept.
//!
//! Every function takes the open transaction of the command that calls it.

use crate::{StoreResult, Tx};
use rusqlite::{params, OptionalExtension};

/// Store-wide settings and counters.
pub mod meta {
    use super::*;

    /// Reads a setting.
    pub fn get(tx: &Tx<'_>, key: &str) -> StoreResult<Option<String>> {
        Ok(tx
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// Writes a setting.
    pub fn set(tx: &Tx<'_>, key: &str, value: &str) -> StoreResult<()> {
        tx.prepare_cached(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?.execute(
            params![key, value],
        )?;
        Ok(())
    }

    /// The next value of the store's creation sequence (orders rings, connections, certificates).
    pub fn next_seq(tx: &Tx<'_>) -> StoreResult<i64> {
        let n: i64 = tx.prepare_cached(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq' RETURNING CAST(value AS INTEGER)",
    )?.query_row(
            [],
            |r| r.get(0),
        )?;
        Ok(n)
    }
}

pub(crate) mod columns;

/// Digital certificates (the DIGTCERT profiles).
pub mod certs;

/// Key rings (the DIGTRING profiles) and their connections.
pub mod rings;

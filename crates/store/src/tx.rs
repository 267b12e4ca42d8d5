//! The store's own transaction and error types: callers never see SQLite.

use rusqlite::{CachedStatement, Connection, Params, Row};
use std::path::PathBuf;

/// Errors from the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database reported an error (a corrupt file, a full disk, a constraint broken).
    #[error("store error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file could not be created or opened.
    #[error("cannot open store {path}: {source}")]
    Io {
        /// The store path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file was written by a newer racemu.
    #[error("store {0} has schema version {1}, newer than this racemu understands ({2})")]
    TooNew(PathBuf, i64, i64),
}

impl StoreError {
    /// What went wrong without the "store error" heading: for a database error, the
    /// database's own words (what RCM999E and R_datalib's internal error carry).
    pub fn detail(&self) -> String {
        match self {
            StoreError::Sqlite(e) => e.to_string(),
            other => other.to_string(),
        }
    }
}

/// The result of a store query.
pub type StoreResult<T> = Result<T, StoreError>;

/// One command's view of the store: an open write transaction (from
/// [`Store::transaction`](crate::Store::transaction)) or a read-only view (from
/// [`Store::read`](crate::Store::read) and [`Reader::read`](crate::Reader::read)).
/// Every query function of the store takes one; only the store can run SQL through it.
pub struct Tx<'a> {
    conn: &'a Connection,
}

impl<'a> Tx<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Tx<'a> {
        Tx { conn }
    }

    pub(crate) fn prepare_cached(&self, sql: &str) -> rusqlite::Result<CachedStatement<'a>> {
        self.conn.prepare_cached(sql)
    }

    pub(crate) fn execute<P: Params>(&self, sql: &str, p: P) -> rusqlite::Result<usize> {
        self.conn.execute(sql, p)
    }

    pub(crate) fn execute_batch(&self, sql: &str) -> rusqlite::Result<()> {
        self.conn.execute_batch(sql)
    }

    pub(crate) fn query_row<T, P: Params, F: FnOnce(&Row<'_>) -> rusqlite::Result<T>>(
        &self,
        sql: &str,
        p: P,
        f: F,
    ) -> rusqlite::Result<T> {
        self.conn.query_row(sql, p, f)
    }

    pub(crate) fn last_insert_rowid(&self) -> i64 {
        self.conn.last_insert_rowid()
    }
}

impl std::fmt::Debug for Tx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tx")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RCM999E carries the database's own words, as before the store had an error type.
    #[test]
    fn detail_is_the_database_message_without_the_heading() {
        let e = StoreError::from(rusqlite::Error::QueryReturnedNoRows);
        assert_eq!(e.detail(), rusqlite::Error::QueryReturnedNoRows.to_string());
        assert_eq!(e.to_string(), format!("store error: {}", e.detail()));
    }
}

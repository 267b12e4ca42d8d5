//! racemu's RACF database: one SQLite file.
//!
//! Guarantees:
//! * The file is created with mode 0600 and initialised on first use (schema, IBMUSER with
//!   SPECIAL and the expired password SYS1, as a new RACF database has).
//! * Passwords and password phrases are stored only as salted Argon2id hashes.
//! * WAL journal, `synchronous=NORMAL`, foreign keys on: a killed process leaves a consistent
//!   store, and ring connections can never refer to a missing certificate or ring.
//! * [`Store::transaction`] runs one command as one `BEGIN IMMEDIATE` transaction and retries
//!   when another process holds the write lock, so "database is locked" never reaches a user
//!   while the other writer makes progress.
//! * Nothing loads the whole store: every query is indexed by owner, label, ring or profile.
#![deny(missing_docs)]

pub mod completion;
pub mod datasets;
pub mod dslevel;
pub mod groups;
pub mod health;
pub mod jobs;
pub mod passwords;
pub mod profiles;
pub mod ring_images;
pub mod rows;
mod schema;
pub mod setropts;
pub mod settings;
mod tx;
pub mod users;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use rows::*;
pub use tx::{StoreError, StoreResult, Tx};

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

fn create_private(path: &Path) -> Result<(), StoreError> {
    if path.exists() {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        }
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
        .map(|_| ())
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })
}

impl Store {
    /// Opens (creating and initialising if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        create_private(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )?;
        Self::setup(conn, path.to_path_buf())
    }

    /// Opens a private in-memory store (tests, throw-away runs).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        Self::setup(conn, PathBuf::from(":memory:"))
    }

    fn setup(conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        conn.busy_timeout(Duration::from_secs(30))?;
        // Every query the store runs stays prepared for the life of the connection (a deck
        // runs the same few dozen statements thousands of times).
        conn.set_prepared_statement_cache_capacity(128);
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if path.as_os_str() != ":memory:" {
            // Switching a new file to WAL needs the database to itself, and SQLite answers
            // "locked" at once (without the busy handler) while another process creates or
            // migrates the same store: wait for it like any other writer.
            // journal_mode returns a row; query it rather than "update".
            let _mode: String =
                with_busy_retry(|| conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0)))?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        let mut store = Store { conn, path };
        let version = store.transaction(schema::migrate)?;
        if version > schema::SCHEMA_VERSION {
            return Err(StoreError::TooNew(
                store.path,
                version,
                schema::SCHEMA_VERSION,
            ));
        }
        Ok(store)
    }

    /// The file this store lives in (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one write transaction (`BEGIN IMMEDIATE`), committing when it returns
    /// `Ok` and rolling back when it returns `Err`. A busy database is retried with backoff
    /// for up to about a minute before the error is returned.
    pub fn transaction<T, E>(&mut self, mut f: impl FnMut(&Tx<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let mut delay = Duration::from_millis(5);
        let mut waited = Duration::ZERO;
        loop {
            let tx = match self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
            {
                Ok(tx) => tx,
                Err(e) if is_busy(&e) && waited < Duration::from_secs(60) => {
                    std::thread::sleep(delay);
                    waited += delay;
                    delay = (delay * 2).min(Duration::from_millis(200));
                    continue;
                }
                Err(e) => return Err(StoreError::from(e).into()),
            };
            let out = f(&Tx::new(&tx))?;
            match tx.commit() {
                Ok(()) => return Ok(out),
                Err(e) if is_busy(&e) && waited < Duration::from_secs(60) => {
                    std::thread::sleep(delay);
                    waited += delay;
                    delay = (delay * 2).min(Duration::from_millis(200));
                }
                Err(e) => return Err(StoreError::from(e).into()),
            }
        }
    }

    /// Runs `f` on a view of the store outside any command's transaction (hints after a
    /// command, the application view). `f` must only read.
    pub fn read<T>(&self, f: impl FnOnce(&Tx<'_>) -> T) -> T {
        f(&Tx::new(&self.conn))
    }
}

/// A read-only handle on a store file another process owns (the REPL's completion).
pub struct Reader {
    conn: Connection,
}

impl Reader {
    /// Opens the existing store at `path` read-only; never creates or migrates it.
    pub fn open(path: &Path) -> StoreResult<Reader> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Ok(Reader { conn })
    }

    /// Runs `f` on a read-only view of the store.
    pub fn read<T>(&self, f: impl FnOnce(&Tx<'_>) -> T) -> T {
        f(&Tx::new(&self.conn))
    }
}

/// Dates the rows a new store is seeded with undated (IBMUSER, SYS1): they get `date`
/// (`yyyy-mm-dd`). Rows that already carry a date are left alone.
pub fn date_initial(tx: &Tx<'_>, date: &str) -> StoreResult<()> {
    tx.execute(
        "UPDATE users SET created = ?1 WHERE created = 'initial'",
        [date],
    )?;
    tx.execute(
        "UPDATE groups SET created = ?1 WHERE created = 'initial'",
        [date],
    )?;
    Ok(())
}

/// How long a command waits for other processes' write locks before giving up.
const BUSY_LIMIT: Duration = Duration::from_secs(60);

/// Runs `f` until it does not fail with "busy"/"locked", backing off from 5 ms to 200 ms,
/// for up to [`BUSY_LIMIT`].
fn with_busy_retry<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let mut delay = Duration::from_millis(5);
    let mut waited = Duration::ZERO;
    loop {
        match f() {
            Err(e) if is_busy(&e) && waited < BUSY_LIMIT => {
                std::thread::sleep(delay);
                waited += delay;
                delay = (delay * 2).min(Duration::from_millis(200));
            }
            other => return other,
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::DatabaseBusy || f.code == rusqlite::ErrorCode::DatabaseLocked
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue: two processes starting on a store that did not exist yet; one failed with
    /// "database is locked" while the other switched the new file to WAL.
    #[test]
    fn many_openers_create_one_store_together() {
        for _ in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("racf.db");
            let openers: Vec<_> = (0..6)
                .map(|_| {
                    let p = p.clone();
                    std::thread::spawn(move || {
                        let mut s = Store::open(&p).map_err(|e| e.to_string())?;
                        s.transaction(|tx| users::get(tx, "IBMUSER"))
                            .map(|u| u.is_some())
                            .map_err(|e| e.to_string())
                    })
                })
                .collect();
            for o in openers {
                assert!(o.join().unwrap().unwrap(), "every opener sees IBMUSER");
            }
        }
    }

    #[test]
    fn creates_private_file_with_ibmuser() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/racf.db");
        let mut s = Store::open(&p).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let u = s
            .transaction(|tx| users::get(tx, "IBMUSER"))
            .unwrap()
            .unwrap();
        assert!(u.special);
        let c = s
            .transaction(|tx| users::credentials(tx, "IBMUSER"))
            .unwrap()
            .unwrap();
        assert!(c.expired);
        assert!(passwords::verify(
            "SYS1",
            c.password_hash.as_deref().unwrap()
        ));
        assert!(!c.password_hash.unwrap().contains("SYS1"));
    }

    /// A store written by racemu 0.1 (schema V1) opens, keeps its rows and gains the new
    /// columns; a store from a newer racemu is refused.
    #[test]
    fn migrates_v1_store_and_refuses_newer() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("racf.db");
        {
            let conn = Connection::open(&p).unwrap();
            let tx = conn.unchecked_transaction().unwrap();
            schema::create_v1_for_tests(&Tx::new(&tx)).unwrap();
            tx.execute(
                "INSERT INTO users (userid, owner, dfltgrp, created) VALUES ('OLD', 'IBMUSER', 'SYS1', '2025-01-02'), ('IBMUSER', 'IBMUSER', 'SYS1', 'initial')",
                [],
            )
            .unwrap();
            tx.commit().unwrap();
        }
        let mut s = Store::open(&p).unwrap();
        let u = s.transaction(|tx| users::get(tx, "OLD")).unwrap().unwrap();
        assert!(!u.restricted);
        // The old IBMUSER gains RACF's initial password, SYS1, expired; other users none.
        let c = s
            .transaction(|tx| users::credentials(tx, "IBMUSER"))
            .unwrap()
            .unwrap();
        assert!(c.expired && passwords::verify("SYS1", c.password_hash.as_deref().unwrap()));
        let c = s
            .transaction(|tx| users::credentials(tx, "OLD"))
            .unwrap()
            .unwrap();
        assert_eq!(c.password_hash, None);
        // V4: the old data sets table gains DSORG, and PDS members can be written.
        let member = datasets::Dataset::holding("OLD.CNTL(DECK)", b"PROFILE\n".to_vec());
        s.transaction(|tx| datasets::put(tx, &member, "2026-11-25"))
            .unwrap();
        let back = s
            .transaction(|tx| datasets::get(tx, "OLD.CNTL(DECK)"))
            .unwrap();
        assert_eq!(back, Some(member));
        let v: String = s
            .read(|tx| {
                tx.query_row(
                    "SELECT value FROM meta WHERE key = 'schema_version'",
                    [],
                    |r| r.get(0),
                )
            })
            .unwrap();
        assert_eq!(v, schema::SCHEMA_VERSION.to_string());
        s.read(|tx| {
            tx.execute(
                "UPDATE meta SET value = '999' WHERE key = 'schema_version'",
                [],
            )
        })
        .unwrap();
        drop(s);
        assert!(matches!(
            Store::open(&p),
            Err(StoreError::TooNew(_, 999, _))
        ));
    }
}

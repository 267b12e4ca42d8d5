//! What the REXX tests share: their fixed clock, whether Regina can run here, and data sets
//! put into and read from a store.

use std::path::Path;

/// The clock the REXX tests pin (`--now`); their certificates are valid at that instant.
pub const NOW: &str = "2026-06-01T00:00:00Z";

/// Whether Regina can run here; prints why a test is skipped when not (CI installs
/// libregina3).
pub fn regina() -> bool {
    match racemu_rexx::available() {
        Ok(()) => true,
        Err(e) => {
            eprintln!(
                "skipped: {} cannot be opened ({e}); install libregina3",
                racemu_rexx::LIBRARY
            );
            false
        }
    }
}

/// Puts `data` as data set (member) `dsn` of the store `db` (a file in `dir` carries it).
pub fn put(db: &Path, dir: &Path, dsn: &str, data: impl AsRef<[u8]>) {
    let f = dir.join("member.txt");
    std::fs::write(&f, data).expect("write member");
    let r = super::racemu(
        db,
        NOW,
        &["ds", "put", dsn, f.to_str().expect("path")],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// The text of data set `dsn` of the store `db`.
pub fn get(db: &Path, dir: &Path, dsn: &str) -> String {
    let f = dir.join("got.txt");
    let r = super::racemu(
        db,
        NOW,
        &["ds", "get", dsn, f.to_str().expect("path")],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::read_to_string(f).expect("read got")
}

/// A new store for a REXX test (a directory and its `racf.db`), or `None`, after saying why,
/// when Regina cannot run here.
pub fn rexx_store() -> Option<(tempfile::TempDir, std::path::PathBuf)> {
    if !regina() {
        return None;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    Some((tmp, db))
}

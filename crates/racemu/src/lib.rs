//! racemu's wiring: running JCL jobs and SYSTSIN streams through the engine, and the REPL.
//!
//! The binary (`racemu`) is a thin clap front end over these functions; [`Racf`] is the
//! API for tests in other projects.
#![deny(missing_docs)]

pub mod attls_doctor;
pub mod catalog;
pub mod fixture;
pub mod job;
pub mod messages;
pub mod repl;
pub mod rexx;
pub mod seeding;
pub mod serve;
pub mod session;

pub use fixture::{Racf, RacfBuilder, RacfError};
pub use racemu_attls::doctor::RuleReport;
pub use racemu_keyring::doctor;
pub use racemu_keyring::{
    ClientAuth, DatalibError, Export, Listing, RingEntry, RingView, TlsConfigs,
};

use std::path::PathBuf;

/// The default store: `$RACEMU_DB` is handled by clap; otherwise
/// `$XDG_DATA_HOME/racemu/racf.db` or `~/.local/share/racemu/racf.db`.
pub fn default_db_path() -> PathBuf {
    data_dir().join("racf.db")
}

/// racemu's data directory (store, REPL history).
pub fn data_dir() -> PathBuf {
    if let Some(x) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return PathBuf::from(x).join("racemu");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|v| !v.is_empty()) {
        return PathBuf::from(h).join(".local/share/racemu");
    }
    PathBuf::from(".racemu")
}

/// Dates a new store: IBMUSER and SYS1, which the store seeds without a date, get `date`
/// (`yyyy-mm-dd`, the clock's date when the store was created), so LISTUSER shows the store's
/// creation date instead of `00.000`. Rows that already carry a date are left alone.
pub fn date_new_store(
    store: &mut racemu_store::Store,
    date: time::Date,
) -> Result<(), racemu_store::StoreError> {
    let d = racemu_engine::store_date(date);
    store.transaction(|tx| racemu_store::date_initial(tx, &d))
}

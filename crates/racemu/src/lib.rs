//! racemu's wiring: running JCL jobs and SYSTSIN streams through the engine, and the REPL.
//!
//! The binary (`racemu`) is a thin clap front end over these functions; [`Racf`] is the
//! API for tests in other projects.
#![deny(missing_docs)]

pub mod fixture;
pub mod job;
pub mod repl;
pub mod serve;

pub use fixture::{Racf, RacfError};
pub use racemu_keyring::{ClientAuth, DatalibError, RingEntry, RingView};

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

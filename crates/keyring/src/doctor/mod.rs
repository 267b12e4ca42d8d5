//! The ring doctor: why a server, or the TLS clients of a server, would reject a key ring,
//! and the RACF commands that mend it.
//!
//! A [`Report`] is a list of [`Finding`]s (each with a stable code, a message and the exact
//! commands of its fix) and, when asked for, the outcome of a real handshake per client
//! ([`Probe`]). Its [`Report::exit_code`] is the CLI's: 0 healthy, 4 warnings only, 8 at
//! least one error.

mod finding;

pub use finding::{Finding, Probe, Report, Severity};

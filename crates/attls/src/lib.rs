//! AT-TLS off z/OS: Policy Agent TTLS statements parsed ([`parse`]), a rule's effective
//! settings ([`resolve`]), the rule judged against its key ring as the server's user ID sees
//! it through R_datalib ([`judge`]), the ring doctor's report per rule ([`doctor`]), and a
//! rustls server that applies the rule ([`server_config`]).
//!
//! Statement and parameter names, values and defaults follow z/OS Communications Server: IP
//! Configuration Reference ("AT-TLS policy statements"); cipher suite codes follow z/OS
//! Cryptographic Services System SSL Programming ("Cipher suite definitions").
#![deny(missing_docs)]

pub mod ciphers;
pub mod doctor;
mod judge;
mod lexer;
pub mod model;
mod params;
mod parse;
mod resolve;
mod safcheck;
mod tls;

pub use judge::{fix_suites, judge, judge_effective, suite_fits_key, suite_fits_protocols};
pub use model::{ClientAuthType, HandshakeRole, Policy, Protocol};
pub use parse::parse;
pub use resolve::{resolve, Effective, LabelChoice, PolicyError};
pub use tls::{server_config, AttlsServer};

/// A line of the policy file that Policy Agent would reject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The line (1-based).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl SyntaxError {
    pub(crate) fn new(line: usize, message: String) -> Self {
        SyntaxError { line, message }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

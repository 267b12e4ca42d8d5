//! `racemu keyring open`: a ring as an application's key store reads it (the Java provider
//! in crates/racemu-jce, docs/java.md): one JSON document on standard output, never a file.
//!
//! The document holds exactly what R_datalib gives the caller (the rules of
//! [`racemu_engine::Engine::open_ring`] with the TRUST/HIGHTRUST status filter Java asks for):
//! each entry's DER certificate, and its PKCS#8 private key only when R_datalib releases it
//! to that user ID, as `keyring export` does. A refusal is the same document with an `error`
//! object (SAF, RACF and reason codes, IBM's description and racemu's hint) and exit status 8.

use racemu_keyring::{DatalibError, RingView};
use std::process::ExitCode;

/// The `format` member of every document: readers refuse a format they do not know.
pub const FORMAT: &str = "racemu-keyring-open/1";

/// Exit status of a refusal (R_datalib's SAF return code).
const REFUSED: u8 = 8;

/// Prints the ring (or the refusal) as JSON on standard output.
pub fn run(opened: Result<RingView, DatalibError>, user: &str) -> ExitCode {
    let (doc, code) = match opened {
        Ok(view) => (document(&view), ExitCode::SUCCESS),
        Err(e) => (refusal(&e, user), ExitCode::from(REFUSED)),
    };
    println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    code
}

/// The opened ring: entries in ring order, the DEFAULT one marked.
pub fn document(view: &RingView) -> serde_json::Value {
    let entries: Vec<serde_json::Value> = view
        .entries
        .iter()
        .map(|e| {
            serde_json::json!({
                "label": e.label,
                "owner": e.owner.name(),
                "usage": e.usage.keyword(),
                "default": e.default,
                "status": e.status.keyword(),
                "certificate": base64(&e.der),
                "private_key": e.private_key.as_deref().map(base64),
                "key_withheld": e.key_withheld,
            })
        })
        .collect();
    serde_json::json!({
        "format": FORMAT,
        "user": view.caller,
        "owner": view.owner,
        "ring": view.name,
        "entries": entries,
        "warnings": view.stale,
        "error": null,
    })
}

/// A refusal: IBM's codes and description, and what would change it.
pub fn refusal(e: &DatalibError, user: &str) -> serde_json::Value {
    serde_json::json!({
        "format": FORMAT,
        "user": user.to_ascii_uppercase(),
        "entries": [],
        "warnings": [],
        "error": {
            "saf_rc": e.saf_rc,
            "racf_rc": e.racf_rc,
            "racf_reason": e.racf_reason,
            "description": e.description,
            "hint": e.explanation,
        },
    })
}

/// Standard base64 (RFC 4648, with padding), as `java.util.Base64.getDecoder()` reads it.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

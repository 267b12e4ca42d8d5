//! keyring's and attls's message IDs are written only in keyring's catalogue
//! (`src/messages.rs`); the messages that come from R_datalib's rules are the engine's.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Message ID literals in `text`: a quote, a known prefix, then a digit.
fn message_ids(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for prefix in [
        "\"IRRD", "\"IRR", "\"ICH", "\"IKJ", "\"IEF", "\"IEC", "\"IZUG", "\"EZD", "\"RCM",
    ] {
        for (at, _) in text.match_indices(prefix) {
            if text[at + prefix.len()..].starts_with(|c: char| c.is_ascii_digit()) {
                found.push(text[at..].chars().take(12).collect());
            }
        }
    }
    found
}

#[test]
fn message_ids_are_written_only_in_the_catalogue() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let catalogue = here.join("src").join("messages.rs");
    let mut files = Vec::new();
    sources(&here.join("src"), &mut files);
    sources(&here.join("../attls/src"), &mut files);
    let mut stray = Vec::new();
    for f in files.iter().filter(|f| **f != catalogue) {
        let text = std::fs::read_to_string(f).expect("read");
        for id in message_ids(&text) {
            stray.push(format!("{}: {id}", f.display()));
        }
    }
    assert!(
        stray.is_empty(),
        "message IDs outside the catalogue: {stray:#?}"
    );
    assert!(!message_ids(&std::fs::read_to_string(&catalogue).expect("catalogue")).is_empty());
}

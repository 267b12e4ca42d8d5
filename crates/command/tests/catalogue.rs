//! The command crate writes message IDs only in its catalogue (`src/messages.rs`): no string
//! literal elsewhere in `src` (unit tests excepted) holds an ID such as `IKJ56712I`,
//! `IRRD136I` or `RCM120I`.

use std::fs;
use std::path::{Path, PathBuf};

/// Whether `word` looks like a message ID: three or four capital letters, three to five
/// digits, one capital letter (`IKJ56712I`, `IRRD136I`, `RCM120I`, `ICH408I`).
fn is_message_id(word: &str) -> bool {
    let letters = word.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let rest = &word[letters..];
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    let tail = &rest[digits..];
    (3..=4).contains(&letters)
        && (3..=5).contains(&digits)
        && tail.len() == 1
        && tail.chars().all(|c| c.is_ascii_uppercase())
}

/// The string literals of one line of code (comments skipped), naively: text between quotes.
fn literals(line: &str) -> Vec<&str> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    code.split('"').skip(1).step_by(2).collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir)
        .expect("a readable source directory")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn message_ids_are_written_only_in_the_catalogue() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with("messages.rs")) {
        let text = fs::read_to_string(file).expect("a readable source file");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            for lit in literals(line) {
                let words = lit.split(|c: char| !c.is_ascii_alphanumeric());
                if words.into_iter().any(is_message_id) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "message IDs outside the catalogue:\n{}",
        found.join("\n")
    );
    assert!(is_message_id("IKJ56712I") && is_message_id("RCM120I"));
    assert!(!is_message_id("IRR") && !is_message_id("PKCS12B64") && !is_message_id("RACDCERT"));
}

//! zosmf decides nothing about RACF and never opens the store: every store access and every
//! authority decision goes through the engine's operations (docs/design.md). This test keeps
//! it so: no source file of the crate (outside its unit tests) reaches the store or the
//! engine's authority checks directly.

use std::path::Path;

/// What only the engine may do: open the store, run transactions on it, decide access.
const FORBIDDEN: &[&str] = &[
    ".store()",
    ".store_mut()",
    "into_store()",
    "Store::open",
    "Reader::open",
    "resource_access",
    "open_check",
    "dataset_access",
    "surrogate_check",
    "spool_allowed",
];

#[test]
fn zosmf_sources_ask_the_engine_and_never_the_store() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../zosmf/src");
    let mut offences = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&src).expect("src") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).expect("read");
        // Unit tests may set up a store of their own.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            for f in FORBIDDEN {
                if line.contains(f) {
                    offences.push(format!("{}:{}: {f}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(files > 5, "the crate's sources were found");
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

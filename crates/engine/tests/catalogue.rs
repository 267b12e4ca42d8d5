//! The engine's message catalogue is the only place a message ID is written.

use std::path::Path;

/// Every `.rs` file under `dir`, recursively.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A message ID literal: a quote, a known prefix, digits, a severity letter.
fn message_ids(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for prefix in ["\"IRRD", "\"ICH", "\"IKJ", "\"RCM", "\"IRR"] {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                found.push(text[at..].chars().take(12).collect());
            }
        }
    }
    found
}

#[test]
fn message_ids_are_written_only_in_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let catalogue = root.join("messages");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut stray = Vec::new();
    for f in files {
        if f == root.join("messages.rs") || f.starts_with(&catalogue) {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("read");
        for id in message_ids(&text) {
            stray.push(format!("{}: {id}", f.display()));
        }
    }
    assert!(
        stray.is_empty(),
        "message IDs outside the catalogue: {stray:#?}"
    );
}

#[test]
fn catalogue_lines_and_return_codes() {
    use racemu_engine::messages as m;
    let msg = m::irrd107i();
    assert_eq!(
        msg.line(),
        "IRRD107I No matching certificate was found for this user."
    );
    assert_eq!(msg.rc, 8);
    assert_eq!(msg.with_rc(4).rc, 4);
    assert_eq!(
        m::ich30001i("ZWE").line(),
        "ICH30001I UNABLE TO LOCATE USER    ENTRY ZWE"
    );
    assert_eq!(m::ich30001i("ZWE").rc, 4);
    assert_eq!(
        m::invalid_dsname("A B").line(),
        "IKJ56702I INVALID DATA SET NAME, 'A B'"
    );
    assert_eq!(m::invalid_dsname("A B").rc, 12);
    assert_eq!(
        m::ich00005i().line(),
        "ICH00005I NOT AUTHORIZED TO ISSUE ADDGROUP"
    );
    // gk00263.htm: "ICH14002I NOT AUTHORIZED TO SPECIFY keyword [,keyword...]; KEYWORD
    // IGNORED."
    assert_eq!(
        m::ich14002i(&["CLASSACT", "LIST"]).line(),
        "ICH14002I NOT AUTHORIZED TO SPECIFY CLASSACT, LIST; KEYWORD IGNORED."
    );
    // IBM's IRRD146I is a MAP message; a wrong PKCS#12 password is racemu's RCM003E.
    assert_eq!(m::bad_password().id, "RCM003E");
    assert_eq!(m::bad_password().rc, 8);
}

//! The house's size rules, kept true by a test: no source file under `crates/*/src` is longer
//! than 600 lines, and no function there is longer than 150 lines.
//!
//! The scanner is deliberately simple. A function starts at a line whose first word (after
//! visibility, `const`, `async`, `unsafe` and `extern "…"`) is `fn`; it ends at the first later
//! line that holds only a closing brace (optionally followed by a comment) at the same
//! indentation. A declaration without a body (a trait method ending in `;`) is skipped. The
//! length counts both lines.

mod common;

/// Longest source file the house allows, in lines.
const MAX_FILE_LINES: usize = 600;
/// Longest function the house allows, in lines, from its `fn` line to its closing brace.
const MAX_FN_LINES: usize = 150;

/// The indentation of `line` in columns (leading spaces and tabs).
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// Whether `line` opens a function item: after the qualifiers its first word is `fn`.
fn opens_fn(line: &str) -> bool {
    let mut rest = line.trim_start();
    loop {
        let before = rest;
        for qualifier in [
            "pub(crate) ",
            "pub(super) ",
            "pub ",
            "const ",
            "async ",
            "unsafe ",
        ] {
            rest = rest.strip_prefix(qualifier).unwrap_or(rest);
        }
        if let Some(after) = rest.strip_prefix("extern \"") {
            rest = after.split_once("\" ").map_or(rest, |(_, tail)| tail);
        }
        if rest == before {
            break;
        }
    }
    rest.starts_with("fn ")
}

/// Whether `line` is a closing brace alone at column `col` (a trailing comment is allowed).
fn closes_at(line: &str, col: usize) -> bool {
    let body = line.trim_start_matches([' ', '\t']);
    indent(line) == col && (body == "}" || body.starts_with("} //"))
}

/// Each function in `text` longer than `MAX_FN_LINES`, as (first line number, length, header).
fn long_fns(text: &str) -> Vec<(usize, usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        if !opens_fn(line) {
            continue;
        }
        let col = indent(line);
        // A one-line function, or a declaration ending in `;` before any `{`.
        let header_end = lines[start..]
            .iter()
            .position(|l| l.contains('{') || l.trim_end().ends_with(';'));
        let Some(offset) = header_end else { continue };
        let head = lines[start + offset];
        if !head.contains('{') || head.trim_end().ends_with('}') {
            continue;
        }
        let end = lines[start + 1..]
            .iter()
            .position(|l| closes_at(l, col))
            .map(|p| start + 1 + p);
        if let Some(end) = end {
            let length = end - start + 1;
            if length > MAX_FN_LINES {
                out.push((start + 1, length, line.trim().to_string()));
            }
        }
    }
    out
}

#[test]
fn no_source_file_is_over_600_lines() {
    let files = common::crate_sources();
    assert!(
        files.len() > 50,
        "the scan found too few source files: {}",
        files.len()
    );
    let mut over = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let count = text.lines().count();
        if count > MAX_FILE_LINES {
            over.push(format!("{}: {count} lines", file.display()));
        }
    }
    assert!(
        over.is_empty(),
        "files over {MAX_FILE_LINES} lines (split by concept):\n{}",
        over.join("\n")
    );
}

#[test]
fn no_function_is_over_150_lines() {
    let mut over = Vec::new();
    for file in common::crate_sources() {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (line, length, header) in long_fns(&text) {
            over.push(format!(
                "{}:{line}: {length} lines: {header}",
                file.display()
            ));
        }
    }
    assert!(
        over.is_empty(),
        "functions over {MAX_FN_LINES} lines (split them):\n{}",
        over.join("\n")
    );
}

#[test]
fn the_scanner_measures_a_function_from_fn_to_its_brace() {
    let body = "    let x = 1;\n".repeat(MAX_FN_LINES - 1);
    let long = format!("pub fn long() {{\n{body}}}\n");
    let short = format!(
        "fn short() {{\n{}}}\n",
        "    x();\n".repeat(MAX_FN_LINES - 2)
    );
    assert_eq!(
        long_fns(&long),
        vec![(1, MAX_FN_LINES + 1, "pub fn long() {".to_string())]
    );
    assert_eq!(long_fns(&short), Vec::new());
    let nested = format!(
        "impl A {{\n    pub(crate) async fn m(\n        a: u8,\n    ) -> u8 {{\n{body}    }}\n}}\n"
    );
    assert_eq!(long_fns(&nested).len(), 1);
    assert_eq!(long_fns("trait T {\n    fn f(&self);\n}\n"), Vec::new());
    assert_eq!(long_fns("fn one() { 1 }\n"), Vec::new());
}

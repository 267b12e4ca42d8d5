//! The house's message catalogue rule, kept true by a test (issue 22 §3).
//!
//! 1. A message ID (`IRRD107I`, `ICH408I`, `IKJ56702I`, `IEFC662I`, `IEC141I`, `IRR010I`,
//!    `IRX0040I`, `IZUG846W`, `ISRZ002`, `IEA995I`, `$HASP395`, `RCM203I` …) is written in a
//!    string literal under `crates/*/src` only in a catalogue: a file named `messages.rs`, or a
//!    file under a `messages/` directory. Test code is not scanned: `#[cfg(test)]` items and the
//!    files of `#[cfg(test)] mod x;` declarations (`*_tests.rs`, `tests.rs`). Comments are not
//!    scanned either. Java and Python strings (crates/racemu-jce, crates/racemu-py) are not Rust
//!    source; docs/design.md lists where they name message IDs.
//! 2. racemu's own numbers (`RCMnnn`) fall in the range of the crate that defines them
//!    (`racemu_engine::messages::ranges::RCM_RANGES`), docs/fidelity.md lists exactly those
//!    ranges, and a number is defined in one file only, with one severity letter.

mod common;

use racemu_engine::messages::ranges::{RcmRange, RCM_RANGES};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The prefixes of the message IDs the house prints, longest first where one begins another.
const PREFIXES: &[&str] = &[
    "$HASP", "IRRD", "IEFC", "IZUG", "ISRZ", "ICH", "IKJ", "IEF", "IEC", "IRR", "IRX", "IEA", "RCM",
];

/// The prefixes whose IDs carry no severity letter (`$HASP395`, `ISRZ002`).
const NO_SEVERITY: &[&str] = &["$HASP", "ISRZ"];

/// A string literal as the compiler reads it (escapes decoded), with the source line of each
/// character.
#[derive(Debug, Clone, Default)]
struct Literal {
    text: Vec<char>,
    lines: Vec<usize>,
}

/// A token of Rust source, as far as this scan needs one.
#[derive(Debug)]
enum Token {
    Str(Literal),
    Word(String),
    Punct(char),
}

/// Rust source as a stream of tokens, without comments.
struct Lexer {
    chars: Vec<char>,
    at: usize,
    line: usize,
}

impl Lexer {
    fn new(source: &str) -> Lexer {
        Lexer {
            chars: source.chars().collect(),
            at: 0,
            line: 1,
        }
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    /// Skips a `/* … */` comment (they nest), the opening `/*` already read.
    fn block_comment(&mut self) {
        let mut depth = 1;
        while depth > 0 {
            match (self.bump(), self.peek(0)) {
                (Some('/'), Some('*')) => {
                    self.bump();
                    depth += 1;
                }
                (Some('*'), Some('/')) => {
                    self.bump();
                    depth -= 1;
                }
                (None, _) => return,
                _ => {}
            }
        }
    }

    /// A `"…"` literal, the opening quote already read: escapes decoded, a `\` at the end of a
    /// line skipping the line break and the next line's leading blanks.
    fn string(&mut self) -> Literal {
        let mut lit = Literal::default();
        while let Some(c) = self.bump() {
            let line = self.line;
            match c {
                '"' => break,
                '\\' => match self.bump() {
                    Some('n') => lit.push('\n', line),
                    Some('t') => lit.push('\t', line),
                    Some('r') => lit.push('\r', line),
                    Some('0') => lit.push('\0', line),
                    Some('\n') => {
                        while self.peek(0).is_some_and(char::is_whitespace) {
                            self.bump();
                        }
                    }
                    Some('u') | Some('x') => lit.push('?', line),
                    Some(other) => lit.push(other, line),
                    None => break,
                },
                other => lit.push(other, line),
            }
        }
        lit
    }

    /// A raw literal (`r"…"`, `r#"…"#`), the `r` read and `hashes` `#` ahead of the quote.
    fn raw_string(&mut self, hashes: usize) -> Literal {
        for _ in 0..=hashes {
            self.bump();
        }
        let mut lit = Literal::default();
        while let Some(c) = self.bump() {
            if c == '"' && (0..hashes).all(|i| self.peek(i) == Some('#')) {
                for _ in 0..hashes {
                    self.bump();
                }
                break;
            }
            lit.push(c, self.line);
        }
        lit
    }

    /// How many `#` stand before a `"` at the cursor, if a raw literal starts there.
    fn raw_hashes(&self) -> Option<usize> {
        let hashes = (0..).take_while(|&i| self.peek(i) == Some('#')).count();
        (self.peek(hashes) == Some('"')).then_some(hashes)
    }

    /// A `'`: a character literal is skipped whole (so `'"'` and `'{'` are not read as a
    /// quote or a brace); a lifetime or label only loses its `'`.
    fn quote(&mut self) {
        match (self.peek(0), self.peek(1)) {
            (Some('\\'), _) => {
                self.bump();
                self.bump();
                while let Some(c) = self.bump() {
                    if c == '\'' {
                        break;
                    }
                }
            }
            (Some(_), Some('\'')) => {
                self.bump();
                self.bump();
            }
            _ => {}
        }
    }

    fn tokens(mut self) -> Vec<Token> {
        let mut out = Vec::new();
        while let Some(c) = self.bump() {
            match c {
                '/' if self.peek(0) == Some('/') => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                '/' if self.peek(0) == Some('*') => {
                    self.bump();
                    self.block_comment();
                }
                '"' => out.push(Token::Str(self.string())),
                '\'' => self.quote(),
                c if c.is_alphanumeric() || c == '_' => {
                    let mut word = c.to_string();
                    while let Some(n) = self.peek(0).filter(|n| n.is_alphanumeric() || *n == '_') {
                        word.push(n);
                        self.bump();
                    }
                    let raw = self
                        .raw_hashes()
                        .filter(|_| ["r", "br", "cr"].contains(&&*word));
                    if let Some(hashes) = raw {
                        out.push(Token::Str(self.raw_string(hashes)));
                    } else if ["b", "c"].contains(&&*word) && self.peek(0) == Some('"') {
                        self.bump();
                        out.push(Token::Str(self.string()));
                    } else {
                        out.push(Token::Word(word));
                    }
                }
                c if c.is_whitespace() => {}
                c => out.push(Token::Punct(c)),
            }
        }
        out
    }
}

impl Literal {
    fn push(&mut self, c: char, line: usize) {
        self.text.push(c);
        self.lines.push(line);
    }
}

/// What one source file holds: its string literals outside test-only items, and the files
/// of the modules it declares test-only.
#[derive(Debug, Default)]
struct Scan {
    literals: Vec<Literal>,
    test_files: Vec<PathBuf>,
}

/// Whether `tokens[i..]` starts with `#[cfg(test)]`.
fn is_cfg_test(tokens: &[Token], i: usize) -> bool {
    let want = ["#", "[", "cfg", "(", "test", ")", "]"];
    want.iter()
        .enumerate()
        .all(|(k, w)| match tokens.get(i + k) {
            Some(Token::Punct(p)) => w.len() == 1 && w.starts_with(*p),
            Some(Token::Word(x)) => x == w,
            _ => false,
        })
}

/// The index after the bracketed group that opens at `tokens[i]`.
fn after_group(tokens: &[Token], i: usize) -> usize {
    let mut depth = 0i32;
    for (k, t) in tokens.iter().enumerate().skip(i) {
        match t {
            Token::Punct('(' | '[' | '{') => depth += 1,
            Token::Punct(')' | ']' | '}') => {
                depth -= 1;
                if depth <= 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// The item that starts at `tokens[i]` (after its attributes): the index after it, and the
/// module name when it is `mod name;`. It ends with a `;` or `,` outside brackets, after a
/// braced body, or before a closer that belongs to the enclosing item (a field, an arm).
fn item_end(tokens: &[Token], i: usize) -> (usize, Option<String>) {
    let mut k = i;
    while let Some(t) = tokens.get(k) {
        match t {
            Token::Punct(';' | ',') => {
                let module = match tokens.get(k.wrapping_sub(2)..k) {
                    Some([Token::Word(m), Token::Word(name)]) if m == "mod" => Some(name.clone()),
                    _ => None,
                };
                return (k + 1, module);
            }
            Token::Punct('{') => return (after_group(tokens, k), None),
            Token::Punct('(' | '[') => k = after_group(tokens, k),
            Token::Punct(')' | ']' | '}') => return (k, None),
            _ => k += 1,
        }
    }
    (k, None)
}

/// The literals of `file` (whose text is `source`) outside `#[cfg(test)]` items, and the
/// files of its `#[cfg(test)] mod x;` declarations (honouring `#[path = "…"]`).
fn scan(file: &Path, source: &str) -> Scan {
    let tokens = Lexer::new(source).tokens();
    let mut out = Scan::default();
    let mut i = 0;
    while i < tokens.len() {
        if !is_cfg_test(&tokens, i) {
            if let Token::Str(lit) = &tokens[i] {
                out.literals.push(lit.clone());
            }
            i += 1;
            continue;
        }
        // The attributes after `#[cfg(test)]`, and a `#[path = "…"]` among them.
        let mut k = i + 7;
        let mut path_attr = None;
        while matches!(tokens.get(k), Some(Token::Punct('#'))) {
            let end = after_group(&tokens, k + 1);
            if let (Some(Token::Word(w)), Some(Token::Str(p))) =
                (tokens.get(k + 2), tokens.get(k + 4))
            {
                if w == "path" {
                    path_attr = Some(p.text.iter().collect::<String>());
                }
            }
            k = end;
        }
        let (end, module) = item_end(&tokens, k);
        if let Some(name) = module {
            out.test_files.extend(module_files(file, &name, path_attr));
        }
        i = end.max(i + 1);
    }
    out
}

/// Where `mod name;` declared in `file` lives: `#[path]` relative to the file's directory,
/// else `name.rs` or `name/mod.rs` beside a `lib.rs`/`main.rs`/`mod.rs`, or in the file's own
/// directory otherwise.
fn module_files(file: &Path, name: &str, path_attr: Option<String>) -> Vec<PathBuf> {
    let dir = file.parent().unwrap_or(Path::new("."));
    if let Some(p) = path_attr {
        return vec![dir.join(p)];
    }
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let base = if ["lib", "main", "mod"].contains(&stem) {
        dir.to_path_buf()
    } else {
        dir.join(stem)
    };
    vec![base.join(format!("{name}.rs")), base.join(name)]
}

/// One message ID found in a literal: the ID and the source line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    id: String,
    line: usize,
}

/// The message IDs in `lit`: a known prefix at a word's start, three or more digits, the
/// severity letter (none for `$HASP` and `ISRZ`), and no letter or digit after.
fn message_ids(lit: &Literal) -> Vec<Found> {
    let text = &lit.text;
    let prefixes: Vec<(&str, Vec<char>)> =
        PREFIXES.iter().map(|p| (*p, p.chars().collect())).collect();
    let mut out = Vec::new();
    for start in 0..text.len() {
        if start > 0 && text[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        for (prefix, p) in &prefixes {
            if !text[start..].starts_with(p) {
                continue;
            }
            let mut end = start + p.len();
            let digits = text[end..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            end += digits;
            if text.get(end).is_some_and(char::is_ascii_uppercase) {
                end += 1;
            } else if !NO_SEVERITY.contains(prefix) {
                continue;
            }
            if digits >= 3 && !text.get(end).is_some_and(char::is_ascii_alphanumeric) {
                out.push(Found {
                    id: text[start..end].iter().collect(),
                    line: lit.lines[start],
                });
                break;
            }
        }
    }
    out
}

/// Whether `rel` (relative to the workspace) is a catalogue: a `messages.rs` file, or a file
/// under a `messages/` directory.
fn is_catalogue(rel: &Path) -> bool {
    rel.file_name().is_some_and(|n| n == "messages.rs")
        || rel
            .parent()
            .is_some_and(|d| d.components().any(|c| c.as_os_str() == "messages"))
}

/// Every message ID written in the non-test code of `crates/*/src`, by file (relative to the
/// workspace), in a stable order; scanned once for all the tests here.
fn ids_by_file() -> &'static BTreeMap<PathBuf, Vec<Found>> {
    static IDS: OnceLock<BTreeMap<PathBuf, Vec<Found>>> = OnceLock::new();
    IDS.get_or_init(scan_workspace)
}

/// Scans every `.rs` file of `crates/*/src` (see [`ids_by_file`]).
fn scan_workspace() -> BTreeMap<PathBuf, Vec<Found>> {
    let root = common::root();
    let files = common::crate_sources();
    let mut scans = BTreeMap::new();
    let mut test_only: Vec<PathBuf> = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap_or_default();
        let s = scan(file, &source);
        test_only.extend(s.test_files.iter().cloned());
        scans.insert(file.clone(), s);
    }
    let mut out = BTreeMap::new();
    for (file, s) in scans {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with("_tests.rs") || test_only.iter().any(|t| file.starts_with(t)) {
            continue;
        }
        let found: Vec<Found> = s.literals.iter().flat_map(message_ids).collect();
        if !found.is_empty() {
            let rel = file.strip_prefix(&root).unwrap_or(&file).to_path_buf();
            out.insert(rel, found);
        }
    }
    out
}

#[test]
fn message_ids_are_written_only_in_catalogues() {
    let mut stray = Vec::new();
    for (file, found) in ids_by_file() {
        if is_catalogue(file) {
            continue;
        }
        for f in found {
            stray.push(format!("{}:{}: {}", file.display(), f.line, f.id));
        }
    }
    assert!(
        stray.is_empty(),
        "message IDs outside a catalogue (a messages.rs file or a messages/ directory):\n{}",
        stray.join("\n")
    );
}

#[test]
fn the_scan_finds_ids_in_literals_only_outside_tests() {
    let source = r####"
//! IRRD107I in a comment is prose.
/* ICH408I in a block /* nested IKJ56702I */ comment */
const A: char = '"';
const B: &str = "x \"IEF453I\" and\nRCM305E";
fn f() -> String { format!(r#"{} IEFC662I "quoted" $HASP395"#, 'a') }
const C: &str = b"ISRZ002 and IRR.DIGTCERT.LIST and XICH408I and IKJ56702IX";
#[cfg(test)]
#[path = "f_tests.rs"]
mod probe;
#[cfg(test)]
mod tests {
    const D: &str = "RCM999I";
    fn g() { let x = '}'; }
}
const E: &str = "IZUG846W: after the test module; \
                 IEC141I 013-18";
"####;
    let s = scan(Path::new("crates/x/src/lib.rs"), source);
    let ids: Vec<(String, usize)> = s
        .literals
        .iter()
        .flat_map(message_ids)
        .map(|f| (f.id, f.line))
        .collect();
    let want = [
        ("IEF453I", 5),
        ("RCM305E", 5),
        ("IEFC662I", 6),
        ("$HASP395", 6),
        ("ISRZ002", 7),
        ("IZUG846W", 16),
        ("IEC141I", 17),
    ];
    let want: Vec<(String, usize)> = want.iter().map(|(i, l)| (i.to_string(), *l)).collect();
    assert_eq!(ids, want);
    assert_eq!(s.test_files, [PathBuf::from("crates/x/src/f_tests.rs")]);
}

/// The ranges' rows as docs/fidelity.md writes them.
fn range_row(r: &RcmRange) -> String {
    let numbers = if r.first == r.last {
        format!("RCM{:03}", r.first)
    } else {
        format!("RCM{:03}–RCM{:03}", r.first, r.last)
    };
    format!("| {numbers} | {} | {} |", r.part, r.crates.join(", "))
}

#[test]
fn fidelity_lists_the_rcm_ranges_of_the_code() {
    let doc = std::fs::read_to_string(common::root().join("docs/fidelity.md")).unwrap_or_default();
    let heading = "## racemu's own message numbers (RCM ranges)";
    let section = doc.split_once(heading).map_or("", |(_, rest)| rest);
    let rows: Vec<&str> = section
        .lines()
        .skip_while(|l| !l.starts_with("| RCM"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    let want: Vec<String> = RCM_RANGES.iter().map(range_row).collect();
    assert_eq!(
        rows,
        want,
        "docs/fidelity.md, under {heading:?}, must list racemu_engine::messages::ranges::RCM_RANGES:\n{}",
        want.join("\n")
    );
}

#[test]
fn every_rcm_number_is_in_its_crates_range_and_defined_once() {
    // number -> severity letters, and the files defining it.
    let mut letters: BTreeMap<u16, BTreeSet<char>> = BTreeMap::new();
    let mut files: BTreeMap<u16, BTreeSet<PathBuf>> = BTreeMap::new();
    let mut wrong = Vec::new();
    for (file, found) in ids_by_file() {
        let krate = file
            .components()
            .nth(1)
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("");
        for f in found.iter().filter(|f| f.id.starts_with("RCM")) {
            let digits: String = f.id[3..].chars().filter(char::is_ascii_digit).collect();
            let Ok(number) = digits.parse::<u16>() else {
                continue;
            };
            match RCM_RANGES.iter().find(|r| r.holds(number)) {
                Some(r) if r.crates.contains(&krate) => {}
                Some(r) => wrong.push(format!(
                    "{}:{}: {} belongs to {:?} ({})",
                    file.display(),
                    f.line,
                    f.id,
                    r.crates,
                    r.part
                )),
                None => wrong.push(format!(
                    "{}:{}: {} is in no range of RCM_RANGES",
                    file.display(),
                    f.line,
                    f.id
                )),
            }
            letters
                .entry(number)
                .or_default()
                .extend(f.id.chars().last());
            files.entry(number).or_default().insert(file.clone());
        }
    }
    for (number, l) in &letters {
        if l.len() > 1 {
            wrong.push(format!("RCM{number:03} has several severities: {l:?}"));
        }
    }
    for (number, f) in &files {
        if f.len() > 1 {
            wrong.push(format!(
                "RCM{number:03} is defined in several files (one message, one catalogue): {f:?}"
            ));
        }
    }
    assert!(letters.len() > 30, "too few RCM numbers found: {letters:?}");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

//! The nom operand parser and the hand-written one it replaces agree on every command of the
//! fuzz seed corpus (fuzz/corpus/tso_parse), the decks, their deterministic mutations (the
//! same mutator as crates/racemu/tests/mutation.rs) and hand-picked edge cases.

use racemu_tso::operands::legacy::parse_command_legacy;
use racemu_tso::{logical_commands, parse_command};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &str) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = std::fs::read_dir(root().join(dir))
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| !e.path().to_string_lossy().ends_with(".systsprt"))
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    v.sort();
    v
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    let interesting: &[&[u8]] = &[
        b"(", b")", b"'", b"+", b"-", b"/*", b"*/", b"&", b"..", b"//", b"\n", b",", b"\xff", b"0",
        b"''", b" (", b"\t",
    ];
    for _ in 0..=rng.below(8) {
        if v.is_empty() {
            v.extend_from_slice(interesting[rng.below(interesting.len())]);
            continue;
        }
        let at = rng.below(v.len());
        match rng.below(5) {
            0 => v[at] = (rng.next() & 0xff) as u8,
            1 => {
                let s = interesting[rng.below(interesting.len())];
                v.splice(at..at, s.iter().copied());
            }
            2 => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(64)).min(v.len());
                let chunk: Vec<u8> = v[at..end].to_vec();
                v.splice(at..at, chunk);
            }
            _ => v.truncate(at),
        }
    }
    v
}

/// Both parsers on every logical command of `data` (and on every raw line); returns how many
/// commands were compared.
fn agree(data: &[u8]) -> usize {
    let text = String::from_utf8_lossy(data);
    let records: Vec<&str> = text.lines().collect();
    let mut n = 0;
    let commands = logical_commands(&records)
        .into_iter()
        .map(|c| c.text)
        .chain(records.iter().map(|r| r.to_string()));
    for cmd in commands {
        assert_eq!(parse_command(&cmd), parse_command_legacy(&cmd), "{cmd:?}");
        n += 1;
    }
    n
}

#[test]
fn nom_parser_agrees_with_the_old_one_on_the_seed_corpus_and_decks() {
    let mut seeds = files("fuzz/corpus/tso_parse");
    seeds.extend(files("racdcert-scripts"));
    seeds.extend(files("tests/decks"));
    let n: usize = seeds.iter().map(|s| agree(s)).sum();
    assert!(n > 500, "only {n} commands compared");
}

#[test]
fn nom_parser_agrees_with_the_old_one_on_mutations() {
    let seeds = files("fuzz/corpus/tso_parse");
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let mut n = 0;
    for i in 0..6000 {
        n += agree(&mutate(&mut rng, &seeds[i % seeds.len()]));
    }
    assert!(n > 6000, "only {n} commands compared");
}

#[test]
fn nom_parser_agrees_with_the_old_one_on_edge_cases() {
    for s in [
        "",
        " ",
        ",",
        "(",
        ")",
        "'",
        "''",
        "((((",
        "))))",
        "a(b'c",
        "\u{0}\u{ff}é(",
        "x ( ( ) ) )",
        "X A ,(B) C\t(D) E,(F)",
        "X 'a''b'(c) 'd''",
        "X 'a'''",
        "X A() B( ) C(,) D(()) E(')')",
        "RACDCERT(LIST) ID(X",
        "RACDCERT LIST)) ((",
        "RACDCERT LIST(LABEL('unbalanced)",
        "  ,\tRACDCERT ,, LIST ,,",
        "RACDCERT\tCONNECT(ID(X) LABEL('it''s') RING(Ring.A) DEFAULT) ID(Y)",
    ] {
        assert_eq!(parse_command(s), parse_command_legacy(s), "{s:?}");
    }
}

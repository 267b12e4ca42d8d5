//! Properties of the statement fields over every card of the fuzz seed corpus
//! (fuzz/corpus/jcl_reader), the decks and their deterministic mutations (the mutator of
//! crates/racemu/tests/mutation.rs): the operand field and its comments, and the operands
//! between top-level commas, put back together give the text they came from; every operand
//! is positional or a keyword. (Until the nom reader replaced the hand-written one, this file
//! proved both read the same jobs; see the history of crates/jcl/src/stmt.rs.)

use crate::fields::{card, operand_field, params, split_commas, statement_fields, stmt_field};

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
        b"=", b" ", b"\t", b"//*", b"\n// ", b",\n//  ", b"''", b"a",
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

/// Checks the properties on every statement card of `data`; returns how many were checked.
fn fields_rebuild(data: &[u8]) -> usize {
    let text = String::from_utf8_lossy(data);
    let mut n = 0;
    for line in text.lines() {
        let Some(body) = stmt_field(card(line)).strip_prefix("//") else {
            continue;
        };
        let (_, _, rest) = statement_fields(body);
        let (operands, comments) = operand_field(rest);
        assert_eq!(format!("{operands}{comments}"), rest, "{line:?}");
        let split = split_commas(operands);
        assert_eq!(split.join(","), operands, "{line:?}");
        let (pos, kw) = params(operands);
        assert_eq!(pos.len() + kw.len(), split.len(), "{line:?}");
        n += 1;
    }
    // Reading the whole job never panics.
    let _ = crate::reader::parse(&text);
    n
}

#[test]
fn fields_rebuild_their_text_on_the_seed_corpus_and_decks() {
    let mut seeds = files("fuzz/corpus/jcl_reader");
    seeds.extend(files("racdcert-scripts"));
    seeds.extend(files("tests/decks"));
    let n: usize = seeds.iter().map(|s| fields_rebuild(s)).sum();
    assert!(n > 200, "only {n} statements checked");
}

#[test]
fn fields_rebuild_their_text_on_mutations() {
    let mut seeds = files("fuzz/corpus/jcl_reader");
    seeds.extend(files("tests/decks"));
    let mut rng = Rng(0x2545f4914f6cdd1d);
    let mut n = 0;
    for i in 0..4000 {
        n += fields_rebuild(&mutate(&mut rng, &seeds[i % seeds.len()]));
    }
    assert!(n > 20_000, "only {n} statements checked");
}

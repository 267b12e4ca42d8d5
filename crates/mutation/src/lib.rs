//! Deterministic mutation of test inputs, shared by the property tests of the TSO lexer and
//! the JCL fields and by the robustness tests of the binary: the seed corpora under
//! `fuzz/corpus/`, the decks, and a mutator that edits them the way the coverage-guided
//! fuzzers of `fuzz/` do (random bytes, interesting tokens, deletions, duplications,
//! truncation), so a test run is the same on every machine.
#![deny(missing_docs)]

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::{Path, PathBuf};

/// The repository's top directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file of `dir` (relative to the repository's top) except `*.systsprt` listings, sorted
/// by content so the order does not depend on the file system.
///
/// # Panics
/// When `dir` cannot be read: a test's corpus is part of the repository.
pub fn files(dir: &str) -> Vec<Vec<u8>> {
    let path = repo_root().join(dir);
    let mut v: Vec<Vec<u8>> = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .filter_map(|e| e.ok())
        .filter(|e| !e.path().to_string_lossy().ends_with(".systsprt"))
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    v.sort();
    v
}

/// Tokens every mutator inserts: the TSO and JCL delimiters and a byte that is not UTF-8.
const COMMON_TOKENS: &[&[u8]] = &[
    b"(", b")", b"'", b"+", b"-", b"/*", b"*/", b"&", b"..", b"//", b"\n", b",", b"\xff", b"0",
];

/// A seeded mutator: the same seed and inputs give the same mutations.
pub struct Mutator {
    rng: ChaCha8Rng,
    tokens: Vec<&'static [u8]>,
}

impl Mutator {
    /// A mutator seeded with `seed` that inserts the common tokens and `extra_tokens` (the
    /// grammar's own: `=` for JCL, `''` for TSO …).
    pub fn new(seed: u64, extra_tokens: &[&'static [u8]]) -> Mutator {
        let mut tokens = COMMON_TOKENS.to_vec();
        tokens.extend_from_slice(extra_tokens);
        Mutator {
            rng: ChaCha8Rng::seed_from_u64(seed),
            tokens,
        }
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.rng.next_u64() % n.max(1) as u64) as usize
    }

    /// `input` with one to nine edits: a random byte, an inserted token, a deleted or
    /// duplicated run of up to 64 bytes, or a truncation.
    pub fn mutate(&mut self, input: &[u8]) -> Vec<u8> {
        let mut v = input.to_vec();
        for _ in 0..=self.below(8) {
            if v.is_empty() {
                let k = self.below(self.tokens.len());
                let t = self.tokens[k];
                v.extend_from_slice(t);
                continue;
            }
            let at = self.below(v.len());
            match self.below(5) {
                0 => v[at] = (self.rng.next_u32() & 0xff) as u8,
                1 => {
                    let k = self.below(self.tokens.len());
                    let t = self.tokens[k];
                    v.splice(at..at, t.iter().copied());
                }
                2 => {
                    let end = (at + self.below(64)).min(v.len());
                    v.drain(at..end);
                }
                3 => {
                    let end = (at + self.below(64)).min(v.len());
                    let chunk = v[at..end].to_vec();
                    v.splice(at..at, chunk);
                }
                _ => v.truncate(at),
            }
        }
        v
    }

    /// `count` mutations of `seeds`, taken in turn.
    pub fn mutations<'a>(
        &'a mut self,
        seeds: &'a [Vec<u8>],
        count: usize,
    ) -> impl Iterator<Item = Vec<u8>> + 'a {
        (0..count).filter_map(move |i| {
            let seed = seeds.get(i % seeds.len().max(1))?;
            Some(self.mutate(seed))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_mutations_and_another_seed_others() {
        let seeds = vec![b"RACDCERT ID(X) LIST".to_vec(), b"//S EXEC PGM=X".to_vec()];
        let a: Vec<_> = Mutator::new(1, &[]).mutations(&seeds, 50).collect();
        let b: Vec<_> = Mutator::new(1, &[]).mutations(&seeds, 50).collect();
        let c: Vec<_> = Mutator::new(2, &[]).mutations(&seeds, 50).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 50);
        assert!(a.iter().any(|m| m != &seeds[0] && m != &seeds[1]));
    }

    #[test]
    fn the_corpora_are_there() {
        assert!(files("fuzz/corpus/tso_parse").len() >= 3);
        assert!(files("racdcert-scripts").iter().all(|f| !f.is_empty()));
    }
}

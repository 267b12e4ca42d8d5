//! The nom statement reader and the hand-written one it replaces read every job of the fuzz
//! seed corpus (fuzz/corpus/jcl_reader), the decks and their deterministic mutations (the
//! mutator of crates/racemu/tests/mutation.rs) to the same job or the same error.

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

fn agree(data: &[u8]) -> bool {
    let text = String::from_utf8_lossy(data);
    let new = crate::reader::parse(&text);
    assert_eq!(new, crate::stmt_legacy::parse(&text), "{text}");
    new.is_ok()
}

#[test]
fn nom_reader_agrees_with_the_old_one_on_the_seed_corpus_and_decks() {
    let mut seeds = files("fuzz/corpus/jcl_reader");
    seeds.extend(files("racdcert-scripts"));
    seeds.extend(files("tests/decks"));
    let ok = seeds.iter().filter(|s| agree(s)).count();
    assert!(ok >= 16, "only {ok} jobs read");
}

#[test]
fn nom_reader_agrees_with_the_old_one_on_mutations() {
    let mut seeds = files("fuzz/corpus/jcl_reader");
    seeds.extend(files("tests/decks"));
    let mut rng = Rng(0x2545f4914f6cdd1d);
    let mut ok = 0;
    for i in 0..4000 {
        ok += usize::from(agree(&mutate(&mut rng, &seeds[i % seeds.len()])));
    }
    assert!(ok > 1000, "only {ok} jobs read");
}

#[test]
fn nom_reader_agrees_with_the_old_one_on_edge_cases() {
    for s in [
        "",
        "//",
        "//X JOB\n//S EXEC PGM=IKJEFT01,PARM='A,B'\n//SYSTSIN DD *\nLIST\n/*\n",
        "//X JOB USER=(A)),B=C\n//S EXEC PGM=P,X)=Y,(Z=1\n",
        "//X JOB\n// SET A='it''s',B=(1,2)\n//S EXEC PGM=X,\n//* c\n//  PARM=(A,\n//  B)  comment\n",
        "//X JOB\n// IF (RC = 0) \n//  THEN\n//S EXEC PGM=A\n// ENDIF\n",
        "//X JOB\n//S EXEC PGM=A\n//D DD DATA,DLM=$$\n//x\n$$\n",
        "// \tJOB\n//X\tJOB  A\u{a0}B\n",
        "//X JOB\n//S EXEC PGM='A B' C=D\n//S2 EXEC 'unterminated,X=1\n",
        "//X JOB\n//S EXEC PGM=A\n//D DD DSN='A.B',DISP=(SHR,KEEP)\n//E DD DSN=NULLFILE\n",
        "//X JOB\n// EXPORT SYMLIST=(A,*)\n// SET A=1\n//S EXEC PGM=A\n//D DD *,SYMBOLS=JCLONLY\n&A\n",
    ] {
        agree(s.as_bytes());
    }
}

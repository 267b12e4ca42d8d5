//! Properties of the operand parser over the fuzz seed corpus (fuzz/corpus/tso_parse), the
//! decks, their deterministic mutations (the mutator of crates/racemu/tests/mutation.rs) and
//! hand-picked edge cases: a parsed command rendered back in canonical form (commas between
//! operands, quotes doubled) parses to the same tree, and no nesting depth overflows.
//! (Until the nom parser replaced the hand-written one, this file proved both agree on the
//! same inputs; see the history of crates/tso/src/operands.)

use racemu_tso::{logical_commands, parse_command, Operand, OperandText, ParsedCommand};
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

/// `operands` in canonical form: commas between operands, so no word takes a list it did not
/// have; quoted strings with apostrophes doubled.
fn render(operands: &[Operand]) -> String {
    let mut out = Vec::new();
    for o in operands {
        let mut s = match &o.text {
            OperandText::Word(w) => w.clone(),
            OperandText::Quoted(q) => format!("'{}'", q.replace('\'', "''")),
        };
        if let Some(args) = &o.args {
            s.push('(');
            s.push_str(&render(args));
            s.push(')');
        }
        out.push(s);
    }
    out.join(",")
}

/// The canonical-form round trip on every logical command of `data` (and on every raw
/// line); returns how many commands parsed.
fn round_trip(data: &[u8]) -> usize {
    let text = String::from_utf8_lossy(data);
    let records: Vec<&str> = text.lines().collect();
    let mut n = 0;
    let commands = logical_commands(&records)
        .into_iter()
        .map(|c| c.text)
        .chain(records.iter().map(|r| r.to_string()));
    for cmd in commands {
        if let Ok(p) = parse_command(&cmd) {
            let again = format!("{} {}", p.verb, render(&p.operands));
            assert_eq!(parse_command(&again), Ok(p), "{cmd:?} -> {again:?}");
            n += 1;
        }
    }
    n
}

#[test]
fn canonical_form_round_trips_on_the_seed_corpus_and_decks() {
    let mut seeds = files("fuzz/corpus/tso_parse");
    seeds.extend(files("racdcert-scripts"));
    seeds.extend(files("tests/decks"));
    let n: usize = seeds.iter().map(|s| round_trip(s)).sum();
    assert!(n > 500, "only {n} commands parsed");
}

#[test]
fn canonical_form_round_trips_on_mutations() {
    let seeds = files("fuzz/corpus/tso_parse");
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let mut n = 0;
    for i in 0..6000 {
        n += round_trip(&mutate(&mut rng, &seeds[i % seeds.len()]));
    }
    assert!(n > 3000, "only {n} commands parsed");
}

fn w(s: &str) -> Operand {
    Operand {
        text: OperandText::Word(s.into()),
        args: None,
    }
}

fn q(s: &str) -> Operand {
    Operand {
        text: OperandText::Quoted(s.into()),
        args: None,
    }
}

fn list(s: &str, args: Vec<Operand>) -> Operand {
    Operand {
        text: OperandText::Word(s.into()),
        args: Some(args),
    }
}

#[test]
fn edge_cases_parse_as_tso_does() {
    use racemu_tso::SyntaxError::*;
    let ok = |verb: &str, operands| {
        Ok(ParsedCommand {
            verb: verb.into(),
            operands,
        })
    };
    for (s, want) in [
        ("", Err(Empty)),
        (" ,\t", Err(Empty)),
        ("(X)", Err(Empty)),
        ("'X'", Err(Empty)),
        (
            "X A ,(B) C\t(D) E,(F)",
            ok(
                "X",
                vec![
                    w("A"),
                    list("", vec![w("B")]),
                    list("C", vec![w("D")]),
                    w("E"),
                    list("", vec![w("F")]),
                ],
            ),
        ),
        (
            "x 'a''b'(c) 'd'''",
            ok("X", vec![q("a'b"), list("", vec![w("c")]), q("d'")]),
        ),
        ("X 'a''", Err(UnbalancedQuote("'a''".into()))),
        (
            "X A() B( ) C(,) E(')')",
            ok(
                "X",
                vec![
                    list("A", vec![]),
                    list("B", vec![]),
                    list("C", vec![]),
                    list("E", vec![q(")")]),
                ],
            ),
        ),
        (
            "RACDCERT(LIST) ID(X",
            ok(
                "RACDCERT",
                vec![list("", vec![w("LIST")]), list("ID", vec![w("X")])],
            ),
        ),
        ("RACDCERT LIST)) ((", Err(ExtraRightParen(")) ((".into()))),
        (
            "RACDCERT LIST(LABEL('unbalanced)",
            Err(UnbalancedQuote("'unbalanced)".into())),
        ),
        ("  ,\tracdcert ,, LIST ,,", ok("RACDCERT", vec![w("LIST")])),
    ] {
        assert_eq!(parse_command(s), want, "{s:?}");
    }
}

#[test]
fn no_nesting_depth_overflows() {
    let deep = format!("RACDCERT {}", "(".repeat(200_000));
    let p = parse_command(&deep).expect("supplied parentheses");
    let mut depth = 0;
    let mut at = &p.operands;
    while let Some(args) = at.first().and_then(|o| o.args.as_ref()) {
        depth += 1;
        at = args;
    }
    assert_eq!(depth, 200_000);
    // Dropped level by level, so that dropping the tree cannot overflow either.
    let mut level = p.operands;
    while let Some(mut o) = level.pop() {
        level = o.args.take().unwrap_or_default();
    }
    // (A tree this deep is freed recursively when a parse fails, so the failing case stays at
    // a depth whose drop fits a test thread's stack.)
    let closed = format!("RACDCERT {}{}", "(".repeat(1_000), ")".repeat(1_001));
    assert_eq!(
        parse_command(&closed),
        Err(racemu_tso::SyntaxError::ExtraRightParen(")".into()))
    );
}

//! Properties of the operand parser over the fuzz seed corpus (fuzz/corpus/tso_parse), the
//! decks, their deterministic mutations (racemu-mutation's mutator) and
//! hand-picked edge cases: a parsed command rendered back in canonical form (commas between
//! operands, quotes doubled) parses to the same tree, and no nesting depth overflows.
//! (Until the nom parser replaced the hand-written one, this file proved both agree on the
//! same inputs; see the history of crates/tso/src/operands.)

use racemu_mutation::{files, Mutator};
use racemu_tso::{logical_commands, parse_command, Operand, OperandText, ParsedCommand};

/// TSO's own tokens, inserted besides the common ones.
const TSO_TOKENS: &[&[u8]] = &[b"''", b" (", b"\t"];

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
    let mut mutator = Mutator::new(0x9e3779b97f4a7c15, TSO_TOKENS);
    let mut n = 0;
    for data in mutator.mutations(&seeds, 6000) {
        n += round_trip(&data);
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

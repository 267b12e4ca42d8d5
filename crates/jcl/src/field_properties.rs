//! Properties of the statement fields over every card of the fuzz seed corpus
//! (fuzz/corpus/jcl_reader), the decks and their deterministic mutations (racemu-mutation's
//! mutator): the operand field and its comments, and the operands
//! between top-level commas, put back together give the text they came from; every operand
//! is positional or a keyword. (Until the nom reader replaced the hand-written one, this file
//! proved both read the same jobs; see the history of crates/jcl/src/stmt.rs.)

use crate::fields::{card, operand_field, split_commas, statement_fields, stmt_field};
use crate::operands::Operands;

use racemu_mutation::{files, Mutator};

/// JCL's own tokens, inserted besides the common ones.
const JCL_TOKENS: &[&[u8]] = &[b"=", b" ", b"\t", b"//*", b"\n// ", b",\n//  ", b"''", b"a"];

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
        let ops = Operands::parse(operands);
        let (pos, kw) = (ops.positional().count(), ops.keywords().count());
        assert_eq!(pos + kw, split.len(), "{line:?}");
        // Every operand's tree keeps the text it was read from.
        let written: Vec<&str> = ops.iter().map(|o| o.written()).collect();
        assert_eq!(written, split, "{line:?}");
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
    let mut mutator = Mutator::new(0x2545f4914f6cdd1d, JCL_TOKENS);
    let mut n = 0;
    for data in mutator.mutations(&seeds, 4000) {
        n += fields_rebuild(&data);
    }
    assert!(n > 20_000, "only {n} statements checked");
}

//! TSO ALLOCATE and FREE as execs use them before EXECIO: `ALLOC F(dd) DA('dsn') SHR|OLD|MOD|NEW
//! [REUSE] …` and `FREE F(dd)` (TSO/E Command Reference, ALLOCATE and FREE). Other operands
//! (space, DCB attributes, UNIT …) are accepted and ignored. The messages are TSO/E's
//! (IKJ56228I, IKJ56246I, IKJ56247I; texts in docs/fidelity.md).

use super::alloc::{dataset, Allocation, Allocations};
use super::messages;
use racemu_engine::Engine;
use racemu_rexx::Dataset;

/// The operands of ALLOCATE or FREE: each keyword with its parenthesised values.
fn operands(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        let mut word = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || c == '(' || c == ',' {
                break;
            }
            word.push(c.to_ascii_uppercase());
            chars.next();
        }
        let mut values = Vec::new();
        if chars.peek() == Some(&'(') {
            chars.next();
            let mut depth = 1;
            let mut quoted = false;
            let mut v = String::new();
            for c in chars.by_ref() {
                match c {
                    '\'' => {
                        quoted = !quoted;
                        v.push(c);
                    }
                    '(' if !quoted => {
                        depth += 1;
                        v.push(c);
                    }
                    ')' if !quoted => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                        v.push(c);
                    }
                    ',' | ' ' if !quoted && depth == 1 => {
                        if !v.is_empty() {
                            values.push(std::mem::take(&mut v));
                        }
                    }
                    _ => v.push(c),
                }
            }
            if !v.is_empty() {
                values.push(v);
            }
        }
        if word.is_empty() && values.is_empty() {
            return out;
        }
        out.push((word, values));
    }
}

/// A data set name operand: quoted is fully qualified, unquoted gets the prefix.
fn qualify(name: &str, prefix: &str) -> String {
    match name.strip_prefix('\'') {
        Some(q) => q.trim_end_matches('\'').to_ascii_uppercase(),
        None => format!("{prefix}.{}", name.to_ascii_uppercase()),
    }
}

/// Whether `verb` is ALLOCATE or FREE (with TSO's abbreviations).
pub fn is_alloc_or_free(verb: &str) -> bool {
    matches!(
        verb.to_ascii_uppercase().as_str(),
        "ALLOC" | "ALLOCATE" | "FREE"
    )
}

/// What ALLOCATE or FREE did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Done {
    /// Its messages.
    pub lines: Vec<String>,
    /// Its RC.
    pub rc: u32,
    /// The DDs it allocated, each with its data sets in concatenation order (empty for a DD
    /// it freed).
    pub changed: Vec<(String, Vec<String>)>,
}

/// Runs ALLOCATE or FREE `text` against `dds`.
pub fn run(engine: &mut Engine, user: &str, dds: &mut Allocations, text: &str) -> Done {
    let (lines, rc, changed) = run_parts(engine, user, dds, text);
    Done { lines, rc, changed }
}

/// Messages, RC and the DDs changed.
type Parts = (Vec<String>, u32, Vec<(String, Vec<String>)>);

fn run_parts(engine: &mut Engine, user: &str, dds: &mut Allocations, text: &str) -> Parts {
    let t = text.trim();
    let (verb, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let ops = operands(rest);
    let values = |names: &[&str]| {
        ops.iter()
            .find(|(k, _)| names.contains(&k.as_str()))
            .map(|(_, v)| v.clone())
    };
    let files = values(&["F", "FI", "FILE", "DD", "DDNAME"]).unwrap_or_default();
    let datasets: Vec<String> = values(&["DA", "DSN", "DSNAME", "DATASET"])
        .unwrap_or_default()
        .iter()
        .map(|d| qualify(d, user))
        .collect();
    let has = |k: &str| ops.iter().any(|(o, _)| o == k);
    if verb.eq_ignore_ascii_case("FREE") {
        let (lines, rc) = free(dds, &files, &datasets);
        let freed = files
            .iter()
            .map(|f| (f.to_ascii_uppercase(), Vec::new()))
            .collect();
        return (lines, rc, freed);
    }
    let (Some(dd), Some(dsn)) = (files.first(), datasets.first()) else {
        return (vec![messages::allocate_operands()], 12, Vec::new());
    };
    let dd = dd.to_ascii_uppercase();
    if dds.contains_key(&dd) && !(has("REUSE") || has("REU")) {
        return (vec![messages::file_in_use(&dd)], 12, Vec::new());
    }
    let disp = ["SHR", "OLD", "MOD", "NEW"]
        .into_iter()
        .find(|d| has(d))
        .unwrap_or("OLD");
    for dsn in &datasets {
        match dataset(engine, dsn) {
            Dataset::InvalidName => return (vec![messages::not_in_catalog(dsn)], 12, Vec::new()),
            Dataset::Found { .. } | Dataset::MemberNotFound if disp != "SHR" => {}
            Dataset::Found { .. } => {}
            _ if disp == "NEW" => {
                if let Err(lines) = create(engine, user, dsn) {
                    return (lines, 12, Vec::new());
                }
            }
            _ => return (vec![messages::not_in_catalog(dsn)], 12, Vec::new()),
        }
    }
    dds.insert(
        dd.clone(),
        Allocation::Dataset {
            dsn: dsn.clone(),
            disp: disp.to_string(),
        },
    );
    (Vec::new(), 0, vec![(dd, datasets)])
}

/// A NEW data set: created empty as `user` (RACF decides as for any create).
fn create(engine: &mut Engine, user: &str, dsn: &str) -> Result<(), Vec<String>> {
    match engine.write_dataset_as(None, user, dsn, Vec::new()) {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(refusal)) => Err(refusal.ich408i),
        Err(e) => Err(vec![messages::dataset_failed(dsn, &e.to_string())]),
    }
}

/// FREE FILE(dd …) or DATASET(dsn …).
fn free(dds: &mut Allocations, files: &[String], datasets: &[String]) -> (Vec<String>, u32) {
    let mut lines = Vec::new();
    for f in files {
        let f = f.to_ascii_uppercase();
        if dds.remove(&f).is_none() {
            lines.push(messages::file_not_freed(&f));
        }
    }
    for d in datasets {
        let before = dds.len();
        dds.retain(|_, a| !matches!(a, Allocation::Dataset { dsn, .. } if dsn == d));
        if dds.len() == before {
            lines.push(messages::dataset_not_freed(d));
        }
    }
    if files.is_empty() && datasets.is_empty() {
        lines.push(messages::allocate_operands());
    }
    let rc = if lines.is_empty() { 0 } else { 12 };
    (lines, rc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operands_split_keywords_values_and_quotes() {
        assert_eq!(
            operands("F(OUT) DA('IBMUSER.A(B)',X) SHR REUSE LRECL(80)"),
            vec![
                ("F".to_string(), vec!["OUT".to_string()]),
                (
                    "DA".to_string(),
                    vec!["'IBMUSER.A(B)'".to_string(), "X".to_string()]
                ),
                ("SHR".to_string(), vec![]),
                ("REUSE".to_string(), vec![]),
                ("LRECL".to_string(), vec!["80".to_string()]),
            ]
        );
    }
}

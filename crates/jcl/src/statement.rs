//! Statements as the converter gathers them: the name and operation fields, the operand field
//! up to its comments, continuation cards, and IF conditions running to THEN.

use crate::fields::{card, continuation, operand_field, statement_fields, stmt_field};

/// One JCL statement after continuation.
pub(crate) struct Statement {
    /// The name field (empty when the statement has none).
    pub(crate) name: String,
    /// The operation field, upper case.
    pub(crate) op: String,
    /// The operand field, continuation cards joined, comments dropped.
    pub(crate) operands: String,
    /// The 0-based line of the statement's first card.
    pub(crate) line: usize,
}

/// Reads the statement starting at `lines[i]`; returns it and the number of lines used.
pub(crate) fn gather(lines: &[&str], i: usize) -> (Statement, usize) {
    let first = stmt_field(card(lines[i]));
    let (name, op, rest) = statement_fields(&first[2..]);
    let op = op.to_ascii_uppercase();
    let mut used = 1;
    if op == "IF" {
        // The condition runs to THEN, possibly over several lines.
        let mut text = rest.to_string();
        while !text
            .to_ascii_uppercase()
            .split_whitespace()
            .any(|w| w == "THEN")
            && i + used < lines.len()
        {
            let l = stmt_field(card(lines[i + used]));
            used += 1;
            if l.starts_with("//*") {
                continue;
            }
            if let Some(c) = l.strip_prefix("//") {
                text.push(' ');
                text.push_str(c.trim());
            }
        }
        let upper = text.to_ascii_uppercase();
        let cond = match upper.rfind("THEN") {
            Some(p) => text[..p].trim().to_string(),
            None => text.trim().to_string(),
        };
        return (
            Statement {
                name: name.to_string(),
                op,
                operands: cond,
                line: i,
            },
            used,
        );
    }
    let (ops, _) = operand_field(rest);
    let mut operands = ops.to_string();
    // Continuation: operand field ends with a comma.
    while operands.ends_with(',') && i + used < lines.len() {
        let l = stmt_field(card(lines[i + used]));
        if l.starts_with("//*") {
            used += 1;
            continue;
        }
        let Some(more) = continuation(l) else { break };
        used += 1;
        operands.push_str(more);
    }
    (
        Statement {
            name: name.to_string(),
            op,
            operands,
            line: i,
        },
        used,
    )
}

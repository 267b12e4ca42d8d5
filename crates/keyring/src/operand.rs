//! RACF operand quoting, shared by the advice, TLS and doctor texts that print commands.

/// A label as a RACDCERT operand: `'label'`, apostrophes doubled.
pub(crate) fn quoted(label: &str) -> String {
    format!("'{}'", label.replace('\'', "''"))
}

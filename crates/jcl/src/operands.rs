//! JCL operands as a tree, read once from a statement's operand field: positional and
//! keyword parameters, values that are words, quoted strings (`''` standing for one
//! apostrophe), sublists in parentheses (nesting), and null positions (`A,,B`, `DISP=(,CATLG)`).
//!
//! Every node keeps the text it was read from, so that what a caller shows (a `DD`'s
//! parameters, an INCLUDE's operands) is what the JCL said. A value that is not well formed
//! (`(A` with no closing parenthesis) is a word holding its text.

use crate::fields::{keyword_equals, split_commas};

/// What a value is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// Nothing coded: a null position, or `KEYWORD=` with no value.
    Null,
    /// Unquoted text.
    Word,
    /// `'…'`: the text between the apostrophes, `''` read as one apostrophe.
    Quoted(String),
    /// `(a,b,…)`: the subparameters, each a value (null ones included).
    Sublist(Vec<Value>),
}

/// A parameter's value, with the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    written: String,
    shape: Shape,
}

impl Value {
    /// Reads `text` (one parameter's value, or one subparameter).
    pub fn parse(text: &str) -> Value {
        let t = text.trim();
        let shape = if t.is_empty() {
            Shape::Null
        } else if t.len() >= 2 && t.starts_with('\'') && t.ends_with('\'') {
            Shape::Quoted(t[1..t.len() - 1].replace("''", "'"))
        } else if t.len() >= 2 && t.starts_with('(') && t.ends_with(')') {
            Shape::Sublist(
                split_commas(&t[1..t.len() - 1])
                    .iter()
                    .map(|s| Value::parse(s))
                    .collect(),
            )
        } else {
            Shape::Word
        };
        Value {
            written: text.to_string(),
            shape,
        }
    }

    /// What the value is.
    pub fn shape(&self) -> &Shape {
        &self.shape
    }

    /// The value exactly as written.
    pub fn written(&self) -> &str {
        &self.written
    }

    /// The value as a program gets it: a quoted string's text, otherwise the value as
    /// written without surrounding blanks (a sublist keeps its parentheses).
    pub fn text(&self) -> String {
        match &self.shape {
            Shape::Quoted(s) => s.clone(),
            _ => self.written.trim().to_string(),
        }
    }

    /// The subparameters: a sublist's items, a single value as a list of one, and none for a
    /// null value.
    pub fn items(&self) -> &[Value] {
        match &self.shape {
            Shape::Null => &[],
            Shape::Sublist(items) => items,
            _ => std::slice::from_ref(self),
        }
    }

    /// The subparameters as written, each without surrounding blanks (`DISP=(,CATLG)` gives
    /// `["", "CATLG"]`).
    pub fn item_texts(&self) -> Vec<String> {
        self.items()
            .iter()
            .map(|v| v.written.trim().to_string())
            .collect()
    }
}

/// One operand of a statement: positional, or `KEYWORD=value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JclOperand {
    written: String,
    keyword: Option<String>,
    value: Value,
}

impl JclOperand {
    /// Reads one operand (the text between two top-level commas).
    pub fn parse(text: &str) -> JclOperand {
        let (keyword, value) = match keyword_equals(text) {
            Some(at) => (
                Some(text[..at].trim().to_ascii_uppercase()),
                Value::parse(&text[at + 1..]),
            ),
            None => (None, Value::parse(text)),
        };
        JclOperand {
            written: text.to_string(),
            keyword,
            value,
        }
    }

    /// The keyword, upper case (`None` for a positional operand).
    pub fn keyword(&self) -> Option<&str> {
        self.keyword.as_deref()
    }

    /// The value (for a positional operand, the whole operand).
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// The operand exactly as written.
    pub fn written(&self) -> &str {
        &self.written
    }
}

/// A statement's operands in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Operands(Vec<JclOperand>);

impl Operands {
    /// Reads an operand field (continuations joined, comments dropped, symbols substituted).
    pub fn parse(field: &str) -> Operands {
        Operands(
            split_commas(field)
                .iter()
                .map(|o| JclOperand::parse(o))
                .collect(),
        )
    }

    /// Every operand in order.
    pub fn iter(&self) -> std::slice::Iter<'_, JclOperand> {
        self.0.iter()
    }

    /// The positional operands in order (null positions included).
    pub fn positional(&self) -> impl Iterator<Item = &Value> {
        self.0
            .iter()
            .filter(|o| o.keyword.is_none())
            .map(|o| &o.value)
    }

    /// The keyword operands in order, with their keywords.
    pub fn keywords(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0
            .iter()
            .filter_map(|o| Some((o.keyword.as_deref()?, &o.value)))
    }

    /// The value of the first `keyword=` operand (`keyword` upper case).
    pub fn keyword(&self, keyword: &str) -> Option<&Value> {
        self.keywords().find(|(k, _)| *k == keyword).map(|(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operands_are_positional_or_keyword_with_values_as_trees() {
        let ops = Operands::parse("X,,PGM=A,PARM=(B=C),'Q=R',DISP=(,CATLG),N=,A)=B");
        let pos: Vec<&str> = ops.positional().map(Value::written).collect();
        assert_eq!(pos, ["X", "", "'Q=R'", "A)=B"]);
        assert_eq!(
            ops.positional().nth(1).map(Value::shape),
            Some(&Shape::Null)
        );
        let kw: Vec<(&str, &str)> = ops.keywords().map(|(k, v)| (k, v.written())).collect();
        assert_eq!(
            kw,
            [
                ("PGM", "A"),
                ("PARM", "(B=C)"),
                ("DISP", "(,CATLG)"),
                ("N", "")
            ]
        );
        let disp = ops.keyword("DISP").expect("DISP");
        assert_eq!(disp.item_texts(), ["", "CATLG"]);
        assert_eq!(disp.items()[0].shape(), &Shape::Null);
        assert_eq!(ops.keyword("N").map(|v| v.items().len()), Some(0));
    }

    #[test]
    fn quoted_strings_undouble_apostrophes_and_sublists_nest() {
        let v = Value::parse("'IT''S, A TEST'");
        assert_eq!(v.shape(), &Shape::Quoted("IT'S, A TEST".into()));
        assert_eq!(v.text(), "IT'S, A TEST");
        let v = Value::parse("(A,(B,C),'D,E')");
        assert_eq!(v.item_texts(), ["A", "(B,C)", "'D,E'"]);
        assert_eq!(v.items()[1].item_texts(), ["B", "C"]);
        assert_eq!(v.text(), "(A,(B,C),'D,E')");
        // Not well formed: a word holding its text.
        let v = Value::parse("(A");
        assert_eq!(
            (v.shape(), v.item_texts()),
            (&Shape::Word, vec!["(A".into()])
        );
    }
}

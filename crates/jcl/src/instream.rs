//! Where in-stream data ends, as JES2 reads it (z/OS MVS JCL Reference, "DLM parameter",
//! https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieab600/xdddlm.htm):
//! `DD *` ends at `/*` or at the next statement (`//`); `DD DATA` only at `/*`; `DLM=`
//! replaces `/*`, and on `DD *` the next statement still ends the data.

use crate::operands::Operands;

/// The end of one in-stream data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Delimiter {
    /// `DLM=`, if coded.
    dlm: Option<String>,
    /// `DD DATA`: a statement does not end the data.
    data: bool,
}

impl Delimiter {
    /// The delimiter of a DD statement's in-stream data, from its operands; `None` when the
    /// DD is not `DD *` or `DD DATA`.
    pub(crate) fn of_dd(operands: &Operands) -> Option<Delimiter> {
        let first = operands
            .positional()
            .next()?
            .written()
            .trim()
            .to_ascii_uppercase();
        let data = match first.as_str() {
            "*" => false,
            "DATA" => true,
            _ => return None,
        };
        Some(Delimiter {
            dlm: operands.keyword("DLM").map(|d| d.text()),
            data,
        })
    }

    /// Whether `card` ends the data (it is not part of it).
    pub(crate) fn ends(&self, card: &str) -> bool {
        match &self.dlm {
            Some(d) => card.starts_with(d.as_str()) || (!self.data && card.starts_with("//")),
            None if self.data => card.starts_with("/*"),
            None => card.starts_with("/*") || card.starts_with("//"),
        }
    }

    /// Whether `card`, which ended the data, is its delimiter (read with the data and not a
    /// statement): anything but a `//` statement, or the `DLM=` characters.
    pub(crate) fn is_delimiter(&self, card: &str) -> bool {
        !card.starts_with("//") || self.dlm.as_deref().is_some_and(|d| card.starts_with(d))
    }
}

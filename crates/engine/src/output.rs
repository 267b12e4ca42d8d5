//! What a command leaves behind: its SYSTSPRT lines and return code ([`Output`]), and the
//! failure that rolls its transaction back ([`Fail`]).

use crate::messages::{self, Outcome};
use racemu_command::ParseFailure;
use racemu_store::StoreError;

/// What a command printed and the return code it set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// Lines as SYSTSPRT shows them (no carriage control).
    pub lines: Vec<String>,
    /// The command's return code.
    pub rc: u32,
    /// True for LOGOFF / END.
    pub end_session: bool,
    /// racemu's own notes on the command (`RCMnnnI`/`RCMnnnW` lines: hints such as "did you
    /// mean"), for the job log or standard error. They never reach SYSTSPRT, which stays
    /// exactly what z/OS prints.
    pub hints: Vec<String>,
    /// The notable result the command ended with, set by the catalogue function that built
    /// the message reporting it, so that callers act on the result without reading the
    /// printed lines. `None` for every other result.
    pub outcome: Option<Outcome>,
}

impl Output {
    /// Output with lines and RC.
    pub fn new(lines: Vec<String>, rc: u32) -> Self {
        Output {
            lines,
            rc,
            end_session: false,
            hints: Vec::new(),
            outcome: None,
        }
    }

    /// RC 0, no lines.
    pub fn ok() -> Self {
        Output::default()
    }
}

impl From<ParseFailure> for Output {
    fn from(p: ParseFailure) -> Self {
        let (messages, rc) = (p.messages(), p.rc());
        Output {
            hints: p.hints,
            ..Output::new(messages, rc)
        }
    }
}

/// A command that failed: its messages and RC; the transaction is rolled back.
#[derive(Debug)]
pub(crate) struct Fail(pub Output);

impl From<StoreError> for Fail {
    fn from(e: StoreError) -> Self {
        Fail::from(messages::internal(&e.detail()))
    }
}

impl From<racemu_pki::PkiError> for Fail {
    /// What racemu cannot produce (RCM001E, RC 8), or an internal error (RCM999E, RC 12).
    fn from(e: racemu_pki::PkiError) -> Self {
        match e {
            racemu_pki::PkiError::Unsupported(what) => Fail::from(messages::not_supported(&what)),
            other => Fail::from(messages::internal(&other.to_string())),
        }
    }
}

impl From<messages::Message> for Fail {
    fn from(m: messages::Message) -> Self {
        Fail(Output::from(m))
    }
}

impl From<messages::Message> for Output {
    /// The message as the command's only line, with its return code and its outcome.
    fn from(m: messages::Message) -> Self {
        Output {
            outcome: m.outcome,
            ..Output::new(vec![m.line()], m.rc)
        }
    }
}

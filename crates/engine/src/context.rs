//! What a command runs with: the engine's clock and settings, and the context of one command
//! inside its transaction ([`Ctx`]).

use crate::RingLayout;
use racemu_store::Tx;
use std::cell::RefCell;
use std::collections::BTreeSet;
use time::OffsetDateTime;

/// The clock the engine uses for defaults such as NOTBEFORE.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    /// The system clock, in UTC.
    System,
    /// A fixed instant (`--now`), so runs can be reproduced.
    Fixed(OffsetDateTime),
}

impl Clock {
    /// The current time.
    pub fn now(&self) -> OffsetDateTime {
        match self {
            Clock::System => OffsetDateTime::now_utc(),
            Clock::Fixed(t) => *t,
        }
    }
}

/// Engine settings.
#[derive(Debug, Clone, Copy, Default)]
pub struct Config {
    /// LISTRING layout.
    pub ring_layout: RingLayout,
    /// Where new keys and signatures get their randomness (the OS by default).
    pub randomness: racemu_pki::Randomness,
}

/// Context of one command inside its transaction: everything a concept module may use.
pub(crate) struct Ctx<'a, 'b> {
    /// The command's transaction (rolled back when the command fails).
    pub tx: &'a Tx<'b>,
    /// The issuing user ID, upper case.
    pub issuer: &'a str,
    /// The instant the command runs at, from the engine's [`Clock`].
    pub now: OffsetDateTime,
    /// The engine's settings.
    pub config: Config,
    /// The user IDs the command named that are not defined to RACF and that racemu treated
    /// as defined (`racemu setting undefined-ids implicit`): the engine notes each once per
    /// run (RCM116I).
    pub undefined: RefCell<BTreeSet<String>>,
    /// The ICH408I warnings RACF issued while the command ran (a data set opened only by
    /// WARNING): printed before the command's own messages, whether it then succeeds or not.
    pub warnings: RefCell<Vec<String>>,
}

//! One definition per command: its name, its aliases, its operand parser and the words the
//! REPL completes for it. [`crate::parse`] dispatches through [`COMMANDS`], and [`VERBS`]
//! (names and aliases, for command scan's messages and completion) is read from it; the HELP
//! entries are found by the same names ([`crate::help::lookup`]). RACDCERT's functions have
//! their own registry ([`crate::racdcert::registry`]).
//!
//! Adding a command is one entry here, one [`Command`] variant, a HELP entry and an engine
//! handler; the engine's exhaustive `match` over [`Command`] says what is missing.

use crate::help;
use crate::operand::ParseFailure;
use crate::racdcert;
use crate::racf;
use crate::Command;
use racemu_tso::operands::Operand;
use std::sync::LazyLock;

/// One command racemu runs.
#[derive(Debug)]
pub struct CommandDef {
    /// The command's name (`RDEFINE`).
    pub name: &'static str,
    /// Its aliases (`RDEF`).
    pub aliases: &'static [&'static str],
    /// Builds the typed command from its operands.
    pub parse: fn(&[Operand]) -> Result<Command, ParseFailure>,
    /// Keywords the REPL completes after the command name (RACDCERT's come from its registry).
    pub completion: &'static [&'static str],
}

impl CommandDef {
    /// Whether `verb` (upper case) is this command's name or one of its aliases.
    pub fn is_named(&self, verb: &str) -> bool {
        self.name == verb || self.aliases.contains(&verb)
    }
}

/// The access keywords of PERMIT and UACC.
const ACCESS_WORDS: &[&str] = &["READ", "UPDATE", "CONTROL", "ALTER", "NONE"];

/// Every command, in the order command scan's "did you mean" hints prefer them.
pub static COMMANDS: &[CommandDef] = &[
    CommandDef {
        name: "RACDCERT",
        aliases: &[],
        parse: |ops| racdcert::parse(ops).map(Command::Racdcert),
        completion: &[],
    },
    CommandDef {
        name: "SETROPTS",
        aliases: &["SETR"],
        parse: |ops| racf::parse_setropts(ops).map(Command::Setropts),
        completion: &[
            "RACLIST", "CLASSACT", "REFRESH", "GENERIC", "FACILITY", "RDATALIB", "DIGTCERT",
            "DIGTRING",
        ],
    },
    CommandDef {
        name: "RDEFINE",
        aliases: &["RDEF"],
        parse: |ops| racf::parse_rdefine(ops, false).map(Command::Rdefine),
        completion: &["UACC", "FACILITY", "RDATALIB"],
    },
    CommandDef {
        name: "RALTER",
        aliases: &["RALT"],
        parse: |ops| racf::parse_rdefine(ops, true).map(Command::Ralter),
        completion: &["UACC", "FACILITY", "RDATALIB"],
    },
    CommandDef {
        name: "RDELETE",
        aliases: &["RDEL"],
        parse: |ops| racf::parse_rdelete(ops).map(Command::Rdelete),
        completion: &["FACILITY", "RDATALIB"],
    },
    CommandDef {
        name: "PERMIT",
        aliases: &["PE"],
        parse: |ops| racf::parse_permit(ops).map(Command::Permit),
        completion: &["CLASS", "ID", "ACCESS", "FACILITY", "RDATALIB"],
    },
    CommandDef {
        name: "RLIST",
        aliases: &["RL"],
        parse: |ops| racf::parse_rlist(ops).map(Command::Rlist),
        completion: &["FACILITY", "RDATALIB", "AUTHUSER"],
    },
    CommandDef {
        name: "ADDSD",
        aliases: &["AD"],
        parse: |ops| racf::parse_dsprofile(ops, false).map(Command::AddSd),
        completion: &["UACC", "GENERIC"],
    },
    CommandDef {
        name: "ALTDSD",
        aliases: &["ALD"],
        parse: |ops| racf::parse_dsprofile(ops, true).map(Command::AltDsd),
        completion: &["UACC", "GENERIC"],
    },
    CommandDef {
        name: "DELDSD",
        aliases: &["DD"],
        parse: |ops| racf::parse_deldsd(ops).map(Command::DelDsd),
        completion: &["GENERIC"],
    },
    CommandDef {
        name: "LISTDSD",
        aliases: &["LD"],
        parse: |ops| racf::parse_listdsd(ops).map(Command::ListDsd),
        completion: &["GENERIC", "AUTHUSER"],
    },
    CommandDef {
        name: "SEARCH",
        aliases: &["SR"],
        parse: |ops| racf::parse_search(ops).map(Command::Search),
        completion: &["CLASS", "GENERIC"],
    },
    CommandDef {
        name: "ADDUSER",
        aliases: &["AU"],
        parse: |ops| racf::parse_user(ops, false).map(Command::AddUser),
        completion: &[],
    },
    CommandDef {
        name: "ALTUSER",
        aliases: &["ALU"],
        parse: |ops| racf::parse_user(ops, true).map(Command::AltUser),
        completion: &[],
    },
    CommandDef {
        name: "LISTUSER",
        aliases: &["LU"],
        parse: |ops| racf::parse_user_list(ops, "LISTUSER").map(Command::ListUser),
        completion: &[],
    },
    CommandDef {
        name: "DELUSER",
        aliases: &["DU"],
        parse: |ops| racf::parse_user_list(ops, "DELUSER").map(Command::DelUser),
        completion: &[],
    },
    CommandDef {
        name: "ADDGROUP",
        aliases: &["AG"],
        parse: |ops| racf::parse_group(ops).map(Command::AddGroup),
        completion: &[],
    },
    CommandDef {
        name: "CONNECT",
        aliases: &["CO"],
        parse: |ops| racf::parse_connect_group(ops).map(Command::ConnectGroup),
        completion: &[],
    },
    CommandDef {
        name: "LISTGRP",
        aliases: &["LG"],
        parse: |ops| racf::parse_listgrp(ops).map(Command::ListGroup),
        completion: &[],
    },
    CommandDef {
        name: "PROFILE",
        aliases: &["PROF"],
        parse: |_| Ok(Command::Profile),
        completion: &[],
    },
    CommandDef {
        name: "END",
        aliases: &["LOGOFF"],
        parse: |_| Ok(Command::Logoff),
        completion: &[],
    },
    CommandDef {
        name: "HELP",
        aliases: &["H"],
        parse: |ops| help::parse(ops).map(Command::Help),
        completion: &[],
    },
];

/// The command named `verb` (upper case) by its name or an alias.
pub fn lookup(verb: &str) -> Option<&'static CommandDef> {
    COMMANDS.iter().find(|c| c.is_named(verb))
}

/// Every command name and alias, each name followed by its aliases, for command scan's
/// messages and the REPL's completion of the first word.
pub static VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    COMMANDS
        .iter()
        .flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()))
        .collect()
});

/// Every keyword the REPL offers after the command name: RACDCERT's top-level keywords, the
/// words of each RACDCERT function and of each command, and the access keywords.
pub fn completion_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = racdcert::racdcert_keywords().to_vec();
    for f in racdcert::FUNCTIONS {
        words.extend(f.completion);
    }
    for c in COMMANDS {
        words.extend(c.completion);
    }
    words.extend(ACCESS_WORDS);
    words.sort_unstable();
    words.dedup();
    words
}

//! TSO/E input handling for racemu.
//!
//! This crate knows TSO syntax only — no store, no I/O:
//!
//! * [`records`] turns SYSTSIN records into logical commands the way the terminal monitor
//!   program (IKJEFT01) reads them: sequence numbers in columns 73–80, `+`/`-` continuation,
//!   `/* … */` comments, blank records.
//! * [`operands`] turns one logical command into a verb and a tree of operands
//!   (`KEYWORD(value value …)`, quoted strings with doubled apostrophes, nested keywords),
//!   supplying missing right parentheses at the end of the command as TSO parse does (a nom 8
//!   lexer; the tree is built without recursion).
//! * [`keywords`] resolves keyword abbreviations (exact match first, then a unique prefix).
//! * [`batch`] drives a whole SYSTSIN stream through a command executor and produces SYSTSPRT.
//! * [`messages`] is the crate's message catalogue: the only place a message ID is written.
#![deny(missing_docs)]

pub mod batch;
pub mod keywords;
pub mod messages;
pub mod operands;
pub mod records;

pub use batch::{run_batch, run_batch_reading, BatchOutcome, EntryPoint, Executed};
pub use keywords::{resolve_keyword, KeywordMatch};
pub use operands::{command_name, parse_command, Operand, OperandText, ParsedCommand, SyntaxError};
pub use records::{logical_commands, LogicalCommand};

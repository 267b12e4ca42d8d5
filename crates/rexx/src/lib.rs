//! REXX execs through Regina REXX, the way TSO/E runs them.
//!
//! racemu does not interpret REXX: [`run`] hands an exec to Regina (`libregina.so.3`, opened
//! at run time, see [`available`]) with exits that make it behave as TSO/E REXX does:
//! host commands of `ADDRESS TSO` (the default environment under the TMP) go to the caller's
//! [`Host`] and set `RC` as TSO/E does (-3 for a command TSO cannot find), `SAY` and trace
//! output become SYSTSPRT lines, Regina's error messages become TSO/E's `IRX00nnI` lines, and
//! the TSO/E functions OUTTRAP, SYSVAR and USERID answer as the TSO/E REXX Reference
//! documents (<https://ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.ikja300/outtrap.htm>). Regina runs
//! restricted (`RXRESTRICTED`): an exec reaches no file and no shell of the host.
//!
//! An exec runs on the calling thread and uses per-thread state: one exec at a time per
//! thread. Regina itself is not known to be safe for two execs at once in one process, so
//! racemu runs each exec in a child process of its own.
#![deny(missing_docs)]

mod api;
pub mod errors;
mod execio;
mod exits;
pub mod ffi;
mod functions;
mod listdsi;
pub mod messages;
mod outtrap;

pub use api::{LIBRARY, LIBRARY_VAR};

/// Where the exec runs: the environment TSO/E's language processor environment gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    /// Under the TSO/E TMP (IKJEFT01/1A/1B, `racemu exec`, the REPL): `ADDRESS TSO` by
    /// default, the TSO/E functions available.
    Tso,
    /// A non-TSO/E address space (IRXJCL): `ADDRESS MVS` by default; TSO commands and the
    /// TSO/E-only functions are not available.
    Mvs,
}

/// What a TSO command did when an exec issued it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// The command ran: the lines it printed and its return code.
    Ran {
        /// The command's output.
        lines: Vec<String>,
        /// Its return code.
        rc: i32,
    },
    /// TSO found no such command: `RC` is -3 and the FAILURE condition is raised.
    NotFound,
}

/// What a data set is, as the catalog tells it (SYSDSN, LISTDSI): no data set is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dataset {
    /// The name is not a data set name.
    InvalidName,
    /// No such data set.
    NotFound,
    /// The data set is there, the member is not.
    MemberNotFound,
    /// A member of a data set that is not partitioned.
    NotPartitioned,
    /// The data set (or member).
    Found {
        /// `PO` or `PS`.
        dsorg: String,
        /// The record format (`FB` …).
        recfm: String,
        /// The record length.
        lrecl: i64,
        /// The number of members of a PDS.
        members: Option<usize>,
    },
}

/// What an exec asks of its caller.
pub trait Host {
    /// Runs TSO command `text` (from `ADDRESS TSO`).
    fn command(&mut self, text: &str) -> Command;
    /// The next line for PULL or PARSE EXTERNAL when the data stack is empty (SYSTSIN in
    /// batch); `None` at its end.
    fn pull(&mut self) -> Option<String>;
    /// The records of the data set allocated to DD `ddname` (EXECIO DISKR), read as the
    /// exec's user; `Err` holds the lines to print (not allocated, not authorized …).
    fn read_dd(&mut self, ddname: &str) -> Result<Vec<String>, Vec<String>> {
        Err(vec![messages::not_allocated(ddname)])
    }
    /// Replaces the records of the data set allocated to DD `ddname` with `records` (EXECIO
    /// DISKW: what was written since the file was opened), written as the exec's user.
    fn write_dd(&mut self, ddname: &str, records: &[String]) -> Result<(), Vec<String>> {
        let _ = records;
        Err(vec![messages::not_allocated(ddname)])
    }
    /// Data set `dsn` (fully qualified, upper case, with `(member)` if any) as the catalog
    /// tells it.
    fn dataset(&mut self, dsn: &str) -> Dataset {
        let _ = dsn;
        Dataset::NotFound
    }
    /// The data set name allocated to DD `ddname`, if one is (LISTDSI … FILE).
    fn dd_dataset(&mut self, ddname: &str) -> Option<String> {
        let _ = ddname;
        None
    }
}

/// Who runs the exec and where: what SYSVAR and USERID() answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The RACF user ID (USERID(), SYSVAR('SYSUID')).
    pub user: String,
    /// The TSO prefix (SYSVAR('SYSPREF')); empty for none.
    pub prefix: String,
    /// True in the foreground (the REPL): SYSVAR('SYSENV') is `FORE`, else `BACK`.
    pub foreground: bool,
    /// MVSVAR('SYSNAME'): the system's name.
    pub sysname: String,
    /// MVSVAR('SYSPLEX'): the sysplex's name.
    pub sysplex: String,
}

/// An exec to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exec<'a> {
    /// The exec's name as TSO/E names it in messages (the member name).
    pub name: &'a str,
    /// The exec's text, one record a line.
    pub source: &'a str,
    /// The argument string (`ARG`).
    pub args: &'a str,
    /// The environment.
    pub environment: Environment,
    /// Who runs it.
    pub profile: &'a Profile,
    /// When to halt the exec if it is still running then: at its next SAY, trace line, host
    /// command or TSO/E function call it ends with REXX error 48 (IRX0048I). An exec that
    /// calls none of them (`do forever; end`) is ended by its caller's time limit instead.
    pub deadline: Option<std::time::Instant>,
}

/// The most SYSTSPRT lines an exec may write; it is halted (REXX error 48) at its next line.
pub const MAX_LINES: usize = 1_000_000;

/// Why racemu halted an exec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Halted {
    /// It ran past its deadline.
    TimeLimit,
    /// It wrote more than [`MAX_LINES`] lines.
    OutputLimit,
}

/// How an exec ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    /// What the exec wrote to SYSTSPRT (SAY, traces, error messages, command output not
    /// trapped), in order.
    pub lines: Vec<String>,
    /// The exec's return code: the numeric value of RETURN or EXIT (0 when none or not a
    /// whole number); 20000 plus the error number after a syntax error, as IRXEXEC returns it.
    pub rc: i32,
    /// The REXX error number when the exec ended with a syntax error.
    pub syntax_error: Option<u32>,
    /// Why racemu halted the exec, if it did.
    pub halted: Option<Halted>,
}

/// Whether Regina can be opened here; the loader's reason when not.
pub fn available() -> Result<(), String> {
    api::api().map(|_| ()).map_err(str::to_string)
}

/// Runs `exec` with Regina, its TSO commands through `host`. `Err` holds the loader's reason
/// when `libregina.so.3` cannot be opened (the caller prints [`messages::no_interpreter`]).
pub fn run(exec: &Exec<'_>, host: &mut dyn Host) -> Result<Ended, String> {
    let api = api::api().map_err(str::to_string)?;
    exits::run(api, exec, host)
}

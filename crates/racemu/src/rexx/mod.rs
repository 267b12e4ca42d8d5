//! REXX execs under the TMP: `%NAME args`, an implicit `NAME args`, and the EXEC command,
//! found in the SYSEXEC then SYSPROC concatenations of the step (`--sysexec` for
//! `racemu exec` and the REPL), run by Regina ([`racemu_rexx`]) in a child process so that an
//! interpreter crash or a runaway exec ends as a message and an RC ([`child`]).

pub mod alloc;
pub mod child;
mod invocation;
pub mod irxjcl;
pub mod messages;
mod parent;
mod tso_alloc;

pub use invocation::{invocation, Invocation, Library};
pub use parent::{run_exec, TIME_LIMIT_VAR};

use racemu_engine::Engine;

/// What a TMP step gives its execs: the exec libraries (the data sets of SYSEXEC, then those
/// of SYSPROC, in concatenation order) and the step's DDs (for EXECIO and LISTDSI).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecLibraries {
    /// SYSEXEC's data sets.
    pub sysexec: Vec<String>,
    /// SYSPROC's data sets.
    pub sysproc: Vec<String>,
    /// The step's DDs.
    pub dds: alloc::Allocations,
}

impl ExecLibraries {
    /// Whether there is no library at all.
    pub fn is_empty(&self) -> bool {
        self.sysexec.is_empty() && self.sysproc.is_empty()
    }

    /// The libraries of a JCL step: the data sets of DD `SYSEXEC` and `SYSPROC` and of the
    /// unnamed DDs concatenated to each.
    pub fn of_step(step: &racemu_jcl::Step) -> ExecLibraries {
        ExecLibraries {
            sysexec: concatenation(step, "SYSEXEC"),
            sysproc: concatenation(step, "SYSPROC"),
            dds: alloc::of_step(step),
        }
    }
}

/// The data set names of DD `ddname` and the unnamed DDs that follow it.
pub(crate) fn concatenation(step: &racemu_jcl::Step, ddname: &str) -> Vec<String> {
    let Some(pos) = step
        .dds
        .iter()
        .position(|d| d.name.as_deref() == Some(ddname))
    else {
        return Vec::new();
    };
    step.dds[pos..]
        .iter()
        .enumerate()
        .take_while(|(i, d)| *i == 0 || d.name.is_none())
        .filter_map(|(_, d)| match &d.kind {
            racemu_jcl::DdKind::Dataset { dsn, .. } => {
                Some(dsn.trim_matches('\'').to_ascii_uppercase())
            }
            _ => None,
        })
        .collect()
}

/// What a TMP command that ran an exec printed, with its RC and racemu's notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecOutput {
    /// SYSTSPRT lines.
    pub lines: Vec<String>,
    /// The exec's return code as the TMP passes it on.
    pub rc: u32,
    /// racemu's notes for the job log.
    pub hints: Vec<String>,
    /// How many of the lines offered to PULL the exec read.
    pub consumed: usize,
}

/// Runs command `text` as an exec when it is one (`%NAME`, `EXEC`, or a name found in the
/// libraries), or as TSO ALLOCATE/FREE, which change the DDs later execs see (`ALLOC
/// F(SYSEXEC) DA('MY.REXX','OTHER.REXX') SHR REUSE` before `%NAME` sets the SYSEXEC
/// concatenation); `None` when it is a command for the engine. `pull` gives the records an
/// exec's PULL may read, asked for only when an exec runs.
pub fn run_if_exec(
    engine: &mut Engine,
    user: &str,
    libraries: &mut ExecLibraries,
    text: &str,
    foreground: bool,
    pull: &dyn Fn() -> Vec<String>,
) -> Option<ExecOutput> {
    let verb = text.split_whitespace().next().unwrap_or("");
    if tso_alloc::is_alloc_or_free(verb) {
        let done = tso_alloc::run(engine, user, &mut libraries.dds, text);
        for (dd, datasets) in done.changed {
            match dd.as_str() {
                "SYSEXEC" => libraries.sysexec = datasets,
                "SYSPROC" => libraries.sysproc = datasets,
                _ => {}
            }
        }
        return Some(ExecOutput {
            lines: done.lines,
            rc: done.rc,
            ..ExecOutput::default()
        });
    }
    let inv = invocation(engine, user, libraries, text)?;
    Some(run_exec(engine, user, &inv, libraries, foreground, &pull()))
}

//! The child's side: `racemu __rexx-child` reads a [`Request`] (JSON) on standard input,
//! opens the store, runs the exec with Regina, its TSO commands through the engine as the
//! job's user, and writes a [`Response`] (JSON) on standard output.

use super::alloc::{self, Allocation, Allocations};
use racemu_engine::{Clock, Config, Engine, RingLayout};
use racemu_rexx::{Command, Dataset, Environment, Exec, Host, Profile};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::process::ExitCode;

/// The hidden first argument that makes racemu the child.
pub const SUBCOMMAND: &str = "__rexx-child";

/// What the parent asks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// The store's path.
    pub db: String,
    /// The fixed clock (RFC 3339), if the parent's is fixed.
    pub now: Option<String>,
    /// LISTRING's z/OS 3.1 layout.
    pub spaced: bool,
    /// The parent's seed, if its randomness is seeded.
    pub seed: Option<Vec<u8>>,
    /// The job's user ID.
    pub user: String,
    /// The exec's name.
    pub name: String,
    /// Its text.
    pub source: String,
    /// Its argument string.
    pub args: String,
    /// True under IRXJCL (a non-TSO/E environment).
    pub mvs: bool,
    /// True in the foreground (the REPL).
    pub foreground: bool,
    /// The lines PULL reads once the data stack is empty.
    pub pull: Vec<String>,
    /// The step's DDs.
    pub dds: Allocations,
    /// The SYSEXEC concatenation (for the execs the exec calls).
    pub sysexec: Vec<String>,
    /// The SYSPROC concatenation.
    pub sysproc: Vec<String>,
}

/// What the child answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Response {
    /// SYSTSPRT lines.
    pub lines: Vec<String>,
    /// The exec's return code.
    pub rc: i64,
    /// racemu's notes for the job log.
    pub hints: Vec<String>,
    /// How many of the request's PULL lines the exec read.
    pub pulled: usize,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

impl Request {
    /// The request as JSON.
    pub fn to_json(&self) -> Vec<u8> {
        json!({
            "db": self.db, "now": self.now, "spaced": self.spaced, "seed": self.seed,
            "user": self.user, "name": self.name, "source": self.source, "args": self.args,
            "mvs": self.mvs, "foreground": self.foreground, "pull": self.pull,
            "dds": self.dds.iter().map(|(name, a)| match a {
                Allocation::Dataset { dsn, disp } => json!({"name": name, "dsn": dsn, "disp": disp}),
                Allocation::Records(r) => json!({"name": name, "records": r}),
                Allocation::Dummy => json!({"name": name}),
            }).collect::<Vec<_>>(),
            "sysexec": self.sysexec, "sysproc": self.sysproc,
        })
        .to_string()
        .into_bytes()
    }

    /// The request read from JSON; `None` when it is not one.
    pub fn from_json(bytes: &[u8]) -> Option<Request> {
        let v: Value = serde_json::from_slice(bytes).ok()?;
        let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let flag = |k: &str| v.get(k).and_then(Value::as_bool).unwrap_or(false);
        Some(Request {
            db: text("db"),
            now: v.get("now").and_then(Value::as_str).map(str::to_string),
            spaced: flag("spaced"),
            seed: v.get("seed").and_then(Value::as_array).map(|a| {
                a.iter()
                    .filter_map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
                    .collect()
            }),
            user: text("user"),
            name: text("name"),
            source: text("source"),
            args: text("args"),
            mvs: flag("mvs"),
            foreground: flag("foreground"),
            pull: strings(v.get("pull").unwrap_or(&Value::Null)),
            dds: v
                .get("dds")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(allocation).collect())
                .unwrap_or_default(),
            sysexec: strings(v.get("sysexec").unwrap_or(&Value::Null)),
            sysproc: strings(v.get("sysproc").unwrap_or(&Value::Null)),
        })
    }
}

/// One DD of a request's JSON.
fn allocation(v: &Value) -> Option<(String, Allocation)> {
    let name = v.get("name")?.as_str()?.to_string();
    let a = if let Some(dsn) = v.get("dsn").and_then(Value::as_str) {
        Allocation::Dataset {
            dsn: dsn.to_string(),
            disp: v
                .get("disp")
                .and_then(Value::as_str)
                .unwrap_or("OLD")
                .to_string(),
        }
    } else if let Some(r) = v.get("records") {
        Allocation::Records(strings(r))
    } else {
        Allocation::Dummy
    };
    Some((name, a))
}

impl Response {
    /// The response as JSON.
    pub fn to_json(&self) -> Vec<u8> {
        json!({ "lines": self.lines, "rc": self.rc, "hints": self.hints, "pulled": self.pulled })
            .to_string()
            .into_bytes()
    }

    /// The response read from JSON; `None` when it is not one.
    pub fn from_json(bytes: &[u8]) -> Option<Response> {
        let v: Value = serde_json::from_slice(bytes).ok()?;
        Some(Response {
            lines: strings(v.get("lines")?),
            rc: v.get("rc")?.as_i64()?,
            hints: strings(v.get("hints").unwrap_or(&Value::Null)),
            pulled: v
                .get("pulled")
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(0),
        })
    }
}

/// The engine the request names: the store at its path, the parent's clock, layout and
/// randomness (the store's recorded seed, else the parent's, else the operating system's).
fn engine(req: &Request) -> Result<Engine, String> {
    let clock = match &req.now {
        Some(t) => Clock::Fixed(
            time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
                .map_err(|e| e.to_string())?,
        ),
        None => Clock::System,
    };
    let mut store =
        racemu_store::Store::open(std::path::Path::new(&req.db)).map_err(|e| e.to_string())?;
    let requested = match req.seed.as_deref().map(<[u8; 32]>::try_from) {
        Some(Ok(seed)) => racemu_pki::Randomness::seeded(seed),
        _ => racemu_pki::Randomness::os(),
    };
    let seeding = crate::seeding::settle(&mut store, requested).map_err(|e| e.to_string())?;
    let config = Config {
        ring_layout: if req.spaced {
            RingLayout::Spaced
        } else {
            RingLayout::Compact
        },
        randomness: seeding.randomness,
    };
    Ok(Engine::new(store, clock, config))
}

/// The exec's host: TSO commands through the engine as the job's user, data sets through
/// the engine's open as that user.
struct Tso<'a> {
    engine: &'a mut Engine,
    user: String,
    hints: Vec<String>,
    pull: std::vec::IntoIter<String>,
    /// How many lines PULL read.
    pulled: usize,
    /// The exec libraries and DDs (ALLOCATE and FREE change them; an exec the exec calls
    /// runs in a child of its own with them).
    libraries: super::ExecLibraries,
    foreground: bool,
    /// The records a MOD data set held before the exec wrote to it.
    original: BTreeMap<String, Vec<String>>,
}

impl Host for Tso<'_> {
    fn command(&mut self, text: &str) -> Command {
        let (lines, rc) = match super::run_if_exec(
            self.engine,
            &self.user,
            &mut self.libraries,
            text,
            self.foreground,
            &Vec::new,
        ) {
            // ALLOCATE, FREE, or an exec the exec calls.
            Some(x) => {
                self.hints.extend(x.hints);
                (x.lines, x.rc)
            }
            None => {
                let out = self.engine.execute(&self.user, text);
                self.hints.extend(out.hints);
                (out.lines, out.rc)
            }
        };
        let not_found = lines
            .first()
            .is_some_and(|l| racemu_command::messages::is_not_a_command(l));
        if not_found {
            return Command::NotFound;
        }
        Command::Ran {
            lines,
            rc: i32::try_from(rc).unwrap_or(i32::MAX),
        }
    }

    fn pull(&mut self) -> Option<String> {
        let line = self.pull.next();
        self.pulled += usize::from(line.is_some());
        line
    }

    fn read_dd(&mut self, ddname: &str) -> Result<Vec<String>, Vec<String>> {
        alloc::read(self.engine, &self.user, &self.libraries.dds, ddname)
    }

    fn write_dd(&mut self, ddname: &str, records: &[String]) -> Result<(), Vec<String>> {
        alloc::write(
            self.engine,
            &self.user,
            &self.libraries.dds,
            ddname,
            records,
            &mut self.original,
        )
    }

    fn dataset(&mut self, dsn: &str) -> Dataset {
        alloc::dataset(self.engine, dsn)
    }

    fn dd_dataset(&mut self, ddname: &str) -> Option<String> {
        match self.libraries.dds.get(ddname)? {
            Allocation::Dataset { dsn, .. } => Some(dsn.clone()),
            _ => None,
        }
    }
}

/// The environment variable naming the system (MVSVAR('SYSNAME'); default `RACEMU`).
pub const SYSNAME_VAR: &str = "RACEMU_SYSNAME";
/// The environment variable naming the sysplex (MVSVAR('SYSPLEX'); default `LOCALPLX`).
pub const SYSPLEX_VAR: &str = "RACEMU_SYSPLEX";

/// `$var` upper case, or `default`.
fn system_name(var: &str, default: &str) -> String {
    std::env::var(var)
        .ok()
        .map(|v| v.trim().to_ascii_uppercase())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
}

/// Runs `req` to its response.
pub fn answer(req: Request) -> Response {
    if let Err(reason) = racemu_rexx::available() {
        return Response {
            lines: vec![racemu_rexx::messages::no_interpreter(&req.name, &reason)],
            rc: 12,
            ..Response::default()
        };
    }
    let mut engine = match engine(&req) {
        Ok(e) => e,
        Err(e) => {
            return Response {
                lines: vec![super::messages::exec_not_started(&req.name, &e)],
                rc: 12,
                ..Response::default()
            }
        }
    };
    let profile = Profile {
        user: req.user.clone(),
        prefix: req.user.clone(),
        foreground: req.foreground,
        sysname: system_name(SYSNAME_VAR, "RACEMU"),
        sysplex: system_name(SYSPLEX_VAR, "LOCALPLX"),
    };
    let exec = Exec {
        name: &req.name,
        source: &req.source,
        args: &req.args,
        environment: if req.mvs {
            Environment::Mvs
        } else {
            Environment::Tso
        },
        profile: &profile,
        deadline: Some(
            std::time::Instant::now() + std::time::Duration::from_secs(super::parent::time_limit()),
        ),
    };
    let mut host = Tso {
        engine: &mut engine,
        user: req.user.clone(),
        hints: Vec::new(),
        pull: req.pull.clone().into_iter(),
        pulled: 0,
        libraries: super::ExecLibraries {
            sysexec: req.sysexec.clone(),
            sysproc: req.sysproc.clone(),
            dds: req.dds.clone(),
        },
        foreground: req.foreground,
        original: BTreeMap::new(),
    };
    match racemu_rexx::run(&exec, &mut host) {
        Ok(ended) => {
            let mut lines = ended.lines;
            let rc = match ended.halted {
                None => i64::from(ended.rc),
                Some(halted) => {
                    lines.push(halt_message(&req.name, halted));
                    12
                }
            };
            Response {
                lines,
                rc,
                hints: host.hints,
                pulled: host.pulled,
            }
        }
        Err(reason) => Response {
            lines: vec![racemu_rexx::messages::no_interpreter(&req.name, &reason)],
            rc: 12,
            hints: host.hints,
            pulled: host.pulled,
        },
    }
}

/// Why racemu halted the exec, as its message.
fn halt_message(name: &str, halted: racemu_rexx::Halted) -> String {
    match halted {
        racemu_rexx::Halted::TimeLimit => super::messages::exec_timed_out(
            name,
            super::parent::time_limit(),
            super::parent::TIME_LIMIT_VAR,
        ),
        racemu_rexx::Halted::OutputLimit => {
            super::messages::exec_output_limit(name, racemu_rexx::MAX_LINES)
        }
    }
}

/// `racemu __rexx-child`: one request on standard input, its response on standard output.
/// The child dies with its parent (so an exec an exec called does not outlive a caller that
/// was ended at its time limit).
pub fn main() -> ExitCode {
    die_with_parent();
    let mut input = Vec::new();
    if std::io::stdin().read_to_end(&mut input).is_err() {
        return ExitCode::from(12);
    }
    let Some(req) = Request::from_json(&input) else {
        return ExitCode::from(12);
    };
    let resp = answer(req);
    let mut out = std::io::stdout().lock();
    if out.write_all(&resp.to_json()).is_err() || out.flush().is_err() {
        return ExitCode::from(12);
    }
    ExitCode::SUCCESS
}

/// Asks Linux to kill this process when its parent ends; ends at once if the parent already
/// has.
fn die_with_parent() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: getppid and prctl(PR_SET_PDEATHSIG) have no memory-safety preconditions.
        unsafe {
            let parent = libc::getppid();
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            if libc::getppid() != parent {
                libc::_exit(12);
            }
        }
    }
}

//! The parent's side: an exec runs in a child process (the racemu binary again, `racemu
//! __rexx-child`), which opens its own engine over the same store and answers with the
//! exec's SYSTSPRT lines and RC. The parent holds no transaction meanwhile (each engine
//! command is its own), so the child's commands see and change the same store.

use super::child::{Request, Response};
use super::invocation::{Invocation, Library};
use super::{messages, ExecOutput};
use racemu_engine::{Clock, Engine, RingLayout};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The environment variable that sets the time limit of one exec, in seconds (default
/// [`DEFAULT_TIME_LIMIT`]): an exec still running then is ended (RCM505E, RC 12).
pub const TIME_LIMIT_VAR: &str = "RACEMU_REXX_TIME_LIMIT";

/// The default time limit of one exec, in seconds.
pub const DEFAULT_TIME_LIMIT: u64 = 300;

/// The environment variable naming the racemu binary that runs execs, for programs that
/// link racemu as a library (tests); the running binary when it is racemu.
pub const BINARY_VAR: &str = "RACEMU_BIN";

/// Runs the exec `inv` names as `user` under the TMP; a refusal is its message and RC 12.
pub fn run_exec(
    engine: &mut Engine,
    user: &str,
    inv: &Invocation,
    libraries: &super::ExecLibraries,
    foreground: bool,
    pull: &[String],
) -> ExecOutput {
    let (name, source, args) = match inv {
        Invocation::Refused(lines) => {
            return ExecOutput {
                lines: lines.clone(),
                rc: 12,
                ..ExecOutput::default()
            }
        }
        Invocation::Found {
            name,
            source,
            args,
            library: Library::Sysexec | Library::Sysproc | Library::Named,
        } => (name, source, args),
    };
    let request = Request {
        foreground,
        pull: pull.to_vec(),
        dds: libraries.dds.clone(),
        sysexec: libraries.sysexec.clone(),
        sysproc: libraries.sysproc.clone(),
        ..request(engine, user, name, source, args)
    };
    run_request(engine, &request)
}

/// Runs `request` in a child process: its output, or the message saying why there is none
/// (RC 12). The RC is taken modulo 4096, as a step's condition code is.
pub(crate) fn run_request(engine: &Engine, request: &Request) -> ExecOutput {
    if !engine.store().path().is_file() {
        return failed(messages::exec_needs_file_store(&request.name));
    }
    match spawn(request) {
        Ok(r) => ExecOutput {
            lines: r.lines,
            rc: u32::try_from(r.rc.rem_euclid(4096)).unwrap_or(12),
            hints: r.hints,
            consumed: r.pulled,
        },
        Err(line) => failed(line),
    }
}

/// The request for exec `name` (`source`, `args`) as `user`, with the engine's store, clock,
/// layout and seed.
pub(crate) fn request(
    engine: &Engine,
    user: &str,
    name: &str,
    source: &str,
    args: &str,
) -> Request {
    Request {
        db: engine.store().path().display().to_string(),
        now: match engine.clock() {
            Clock::Fixed(t) => t
                .format(&time::format_description::well_known::Rfc3339)
                .ok(),
            Clock::System => None,
        },
        spaced: engine.config().ring_layout == RingLayout::Spaced,
        seed: engine.config().randomness.seed_bytes().map(|s| s.to_vec()),
        user: user.to_ascii_uppercase(),
        name: name.to_string(),
        source: source.to_string(),
        args: args.to_string(),
        ..Request::default()
    }
}

fn failed(line: String) -> ExecOutput {
    ExecOutput {
        lines: vec![line],
        rc: 12,
        ..ExecOutput::default()
    }
}

/// The racemu binary: `$RACEMU_BIN`, the running program when it is racemu, else the racemu
/// beside it or one directory up (a test binary in `target/*/deps`).
fn binary() -> Option<PathBuf> {
    if let Some(b) = std::env::var_os(BINARY_VAR).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(b));
    }
    let exe = std::env::current_exe().ok()?;
    if exe.file_stem().is_some_and(|s| s == "racemu") {
        return Some(exe);
    }
    let dir = exe.parent()?;
    [dir.join("racemu"), dir.parent()?.join("racemu")]
        .into_iter()
        .find(|p| p.is_file())
}

/// The environment variable that tells a child how deeply it is nested (an exec that calls
/// an exec runs it in a child of its own).
const DEPTH_VAR: &str = "RACEMU_REXX_DEPTH";

/// How deeply execs may call execs.
pub const MAX_DEPTH: u32 = 16;

/// The seconds after the time limit at which an exec that did not halt is killed.
const KILL_GRACE: u64 = 2;

/// The time limit: `$RACEMU_REXX_TIME_LIMIT` seconds, else the default.
pub(crate) fn time_limit() -> u64 {
    std::env::var(TIME_LIMIT_VAR)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&s| s > 0)
        .unwrap_or(DEFAULT_TIME_LIMIT)
}

/// Runs the child for `request`: its answer, or the message saying why there is none.
pub(crate) fn spawn(request: &Request) -> Result<Response, String> {
    let name = &request.name;
    let bin = binary()
        .ok_or_else(|| messages::exec_not_started(name, "the racemu binary was not found"))?;
    let depth: u32 = std::env::var(DEPTH_VAR)
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or(0);
    if depth >= MAX_DEPTH {
        return Err(messages::exec_too_deep(name, MAX_DEPTH));
    }
    let mut child = Command::new(&bin)
        .arg(super::child::SUBCOMMAND)
        .env(DEPTH_VAR, (depth + 1).to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| messages::exec_not_started(name, &format!("{}: {e}", bin.display())))?;
    let body = request.to_json();
    if let Some(mut stdin) = child.stdin.take() {
        // A child that ended early is reported by its exit status below.
        let _ = stdin.write_all(&body);
    }
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(s) = stdout.as_mut() {
            let _ = s.read_to_end(&mut v);
        }
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.read_to_end(&mut v);
        }
        v
    });
    let limit = time_limit();
    // The child halts the exec at the limit itself (at its next line, command or call);
    // an exec that calls nothing is killed a little later.
    let deadline = Instant::now() + Duration::from_secs(limit + KILL_GRACE);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(messages::exec_timed_out(name, limit, TIME_LIMIT_VAR));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(messages::exec_not_started(name, &e.to_string())),
        }
    };
    let out = out.join().unwrap_or_default();
    let err = String::from_utf8_lossy(&err.join().unwrap_or_default()).into_owned();
    match Response::from_json(&out) {
        Some(mut r) => {
            // Regina reports an exec it cannot parse on standard error.
            r.lines.extend(racemu_rexx::errors::from_stderr(
                &err,
                name,
                &request.source,
            ));
            Ok(r)
        }
        None => {
            use std::os::unix::process::ExitStatusExt;
            let how = match status.signal() {
                Some(sig) => format!("signal {sig}"),
                None => format!("exit status {}", status.code().unwrap_or(-1)),
            };
            Err(messages::exec_crashed(name, &how))
        }
    }
}

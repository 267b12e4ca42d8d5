//! `racemu`: run RACDCERT key-ring decks off the mainframe.

mod attls_cmd;
mod cli;
mod doctor_cmd;
mod ds_cmd;
mod files;
mod keyring_cmd;
mod keyring_open;
mod usermap_cmd;
mod zosmf_cmd;

use clap::Parser;
use cli::{Before, Cli, Cmd, EngineOpts, Layout};
use racemu::job::run_job_text;
use racemu::rexx::ExecLibraries;
use racemu::session::{run_commands_with, run_sysin, Next};
use racemu_engine::{Clock, Config, Engine, RingLayout};
use racemu_store::settings::{self, Setting};
use racemu_store::Store;
use racemu_tso::EntryPoint;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

/// Prints `racemu: msg` on standard error; exit status 12.
pub(crate) fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("racemu: {msg}");
    ExitCode::from(12)
}

fn exit_rc(rc: u32) -> ExitCode {
    ExitCode::from(u8::try_from(rc).unwrap_or(255))
}

/// `--now`: an RFC 3339 timestamp, or a bare date meaning 00:00:00 UTC that day.
pub(crate) fn parse_now(s: &str) -> Result<OffsetDateTime, String> {
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Ok(t);
    }
    let date_format = time::macros::format_description!("[year]-[month]-[day]");
    match Date::parse(s.trim(), &date_format) {
        Ok(d) => Ok(d.midnight().assume_utc()),
        Err(_) => Err(format!(
            "--now {s:?} is neither an RFC 3339 timestamp nor a date; e.g. 2026-01-31T09:00:00Z or 2026-01-31 (00:00 UTC)"
        )),
    }
}

/// The clock: the first of `given` (after the subcommand), `before` (before it), $RACEMU_NOW;
/// else the system clock.
fn clock(given: Option<&str>, before: &Before) -> Result<Clock, String> {
    let env = std::env::var("RACEMU_NOW").ok().filter(|v| !v.is_empty());
    match given.or(before.now.as_deref()).or(env.as_deref()) {
        None => Ok(Clock::System),
        Some(s) => parse_now(s).map(Clock::Fixed),
    }
}

/// The seed: `--seed`, else $RACEMU_SEED (unset or empty: none).
fn seed_of(cli: &Cli) -> Result<Option<u64>, String> {
    if cli.seed.is_some() {
        return Ok(cli.seed);
    }
    match std::env::var("RACEMU_SEED").ok().filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| format!("RACEMU_SEED {v:?} is not a number from 0 to {}", u64::MAX)),
    }
}

/// The store path: `--db`, $RACEMU_DB, or the default store.
fn db_path(cli: &Cli) -> PathBuf {
    cli.db
        .clone()
        .or_else(|| {
            std::env::var_os("RACEMU_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(racemu::default_db_path)
}

/// Opens the store; creating one says so on standard error (RCM200I), so a mistyped
/// `--db` or $RACEMU_DB does not go unnoticed, and dates it with the clock.
fn open_store(db: &Path, clock: Clock) -> Result<Store, String> {
    let new = !db.exists();
    let mut store = Store::open(db).map_err(|e| e.to_string())?;
    if new {
        racemu::date_new_store(&mut store, clock.now().date()).map_err(|e| e.to_string())?;
        eprintln!("racemu: {}", racemu::messages::store_created(db));
    }
    Ok(store)
}

fn user_of(given: Option<String>, before: &Before) -> String {
    given
        .or_else(|| before.user.clone())
        .unwrap_or_else(|| "IBMUSER".into())
        .to_ascii_uppercase()
}

fn config_of(opts: &EngineOpts, before: &Before) -> Config {
    Config {
        ring_layout: match opts.listring_layout.or(before.listring_layout) {
            Some(Layout::Zos31) => RingLayout::Spaced,
            Some(Layout::Zos25) | None => RingLayout::Compact,
        },
        ..Config::default()
    }
}

/// Lets a closed pipe end racemu the way it ends other Unix tools (`racemu … | head`):
/// SIGPIPE kills the process quietly instead of a write error turning into a panic. Sockets
/// are unaffected (the standard library sends with MSG_NOSIGNAL).
fn default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE at start-up, before any thread
    // exists, has no memory-safety preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Lets writes to a closed pipe fail with EPIPE instead of ending the process: for the TLS
/// server, whose log lines must not stop it.
pub(crate) fn ignore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting SIGPIPE to SIG_IGN has no memory-safety preconditions; it is called
    // before the server starts any thread.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}

fn main() -> ExitCode {
    default_sigpipe();
    // The child process that runs one REXX exec (racemu::rexx): not a user command.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == racemu::rexx::child::SUBCOMMAND)
    {
        return racemu::rexx::child::main();
    }
    let cli = Cli::parse();
    let db = db_path(&cli);
    let before = &cli.before;
    // The clock and user of the subcommand, then the engine over the store.
    let (now, user, config) = match &cli.command {
        Cmd::Run { user, opts, .. } | Cmd::Exec { user, opts, .. } | Cmd::Repl { user, opts } => (
            opts.now.clone(),
            user_of(user.clone(), before),
            config_of(opts, before),
        ),
        Cmd::Keyring(k) => (
            match &k.command {
                cli::KeyringCmd::List { now, .. } | cli::KeyringCmd::Doctor { now, .. } => {
                    now.clone()
                }
                _ => None,
            },
            user_of(k.user.clone(), before),
            Config::default(),
        ),
        Cmd::Attls(a) => (None, user_of(a.user.clone(), before), Config::default()),
        Cmd::Ds(d) => (
            match &d.command {
                cli::DsCmd::Put { now, .. } => now.clone(),
                _ => None,
            },
            user_of(d.user.clone(), before),
            Config::default(),
        ),
        Cmd::Zosmf(z) => (None, user_of(z.user.clone(), before), Config::default()),
        Cmd::Setting { .. } => (None, user_of(None, before), Config::default()),
        Cmd::Usermap { user, now, .. } => (
            now.clone(),
            user_of(user.clone(), before),
            Config::default(),
        ),
    };
    let seed = match seed_of(&cli) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    // `racemu run` reads its deck before the clock is set: with no --now and no $RACEMU_NOW,
    // the deck's `//* RACEMU-NOW:` comment sets it (RCM123I in the job log says so).
    let deck = match &cli.command {
        Cmd::Run { file, .. } => match files::read_input(file) {
            Ok(b) => Some(b),
            Err(e) => return fail(format!("cannot read {}: {e}", file.display())),
        },
        _ => None,
    };
    let mut clock = match clock(now.as_deref(), before) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let mut clock_note = None;
    if let (Clock::System, Some(bytes)) = (clock, &deck) {
        let text = String::from_utf8_lossy(bytes);
        if let Some(instant) = racemu::job::deck_now(&text) {
            match parse_now(instant) {
                Ok(t) => {
                    clock = Clock::Fixed(t);
                    clock_note = Some(racemu_engine::messages::hints::rcm123i(instant).line());
                }
                Err(e) => return fail(format!("the deck's //* RACEMU-NOW: comment: {e}")),
            }
        }
    }
    let mut store = match open_store(&db, clock) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let seeding = match racemu::seeding::settle(&mut store, racemu::seeding::randomness_of(seed)) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    if let Some(w) = &seeding.warning {
        eprintln!("racemu: {w}");
    }
    let config = Config {
        randomness: seeding.randomness,
        ..config
    };
    let mut engine = Engine::new(store, clock, config);
    let libraries = ExecLibraries {
        sysexec: before
            .sysexec
            .iter()
            .map(|d| d.trim().trim_matches('\'').to_ascii_uppercase())
            .collect(),
        ..ExecLibraries::default()
    };
    match cli.command {
        Cmd::Run { sysin, .. } => {
            let bytes = deck.unwrap_or_default();
            run(&mut engine, &user, &bytes, sysin, clock_note.as_deref())
        }
        Cmd::Exec { command, .. } => exec(&mut engine, &user, &command, &libraries),
        Cmd::Repl { .. } => {
            let history = racemu::data_dir().join("history");
            match racemu::repl::run(&mut engine, &user, Some(&db), &history, &libraries) {
                Ok(rc) => exit_rc(rc),
                Err(e) => fail(e),
            }
        }
        Cmd::Ds(ds) => ds_cmd::run(&mut engine, &user, ds.command),
        Cmd::Keyring(k) => keyring_cmd::run(engine, &user, k.command),
        Cmd::Attls(a) => attls_cmd::run(engine, &user, a.command),
        Cmd::Zosmf(z) => zosmf_cmd::run(engine, &db, &user, z.command),
        Cmd::Setting { name, value } => setting(&mut engine, &name, value.as_deref()),
        Cmd::Usermap {
            file,
            appl,
            sysid,
            json,
            ..
        } => usermap_cmd::run(
            &engine,
            &user,
            &file,
            appl.as_deref(),
            sysid.as_deref(),
            json,
        ),
    }
}

/// `racemu run FILE [--sysin]`, over the file's `bytes`; `clock_note` (RCM123I) opens the
/// job log when the deck set the clock.
fn run(
    engine: &mut Engine,
    user: &str,
    bytes: &[u8],
    sysin: bool,
    clock_note: Option<&str>,
) -> ExitCode {
    let text = String::from_utf8_lossy(bytes);
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    if let Some(note) = clock_note {
        eprintln!("{note}");
    }
    if sysin {
        let records: Vec<String> = text
            .lines()
            .map(|l| l.trim_end_matches('\r').to_string())
            .collect();
        let out = run_sysin(engine, &records, user, EntryPoint::Ikjeft01, None, None);
        for l in &out.systsprt {
            let _ = writeln!(lock, "{l}");
        }
        for l in &out.hints {
            eprintln!("{l}");
        }
        exit_rc(out.rc)
    } else {
        let out = run_job_text(engine, &text, user);
        for l in &out.systsprt {
            let _ = writeln!(lock, "{l}");
        }
        for l in &out.job_log {
            eprintln!("{l}");
        }
        exit_rc(out.max_cc)
    }
}

/// `racemu exec COMMANDS`: every logical command of the text, in order (`%NAME` and EXEC run
/// REXX execs from the `--sysexec` libraries).
fn exec(engine: &mut Engine, user: &str, command: &str, libraries: &ExecLibraries) -> ExitCode {
    let records: Vec<&str> = command.lines().collect();
    let mut rc = 0;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    run_commands_with(engine, user, &records, libraries, false, &mut |_, out| {
        for l in &out.lines {
            let _ = writeln!(lock, "{l}");
        }
        for l in &out.hints {
            eprintln!("{l}");
        }
        rc = out.rc;
        Next::Continue
    });
    exit_rc(rc)
}

/// `racemu setting NAME [VALUE]`.
fn setting(engine: &mut Engine, name: &str, value: Option<&str>) -> ExitCode {
    let Some(setting) = Setting::from_name(name) else {
        let known: Vec<&str> = Setting::ALL.iter().map(|s| s.name()).collect();
        return fail(format!(
            "unknown setting {name:?}; known: {}",
            known.join(", ")
        ));
    };
    let r = engine.store_mut().transaction(|tx| {
        if let Some(v) = value {
            if !settings::set(tx, setting, v)? {
                return Ok(Err(v.to_string()));
            }
        }
        settings::get(tx, setting).map(Ok)
    });
    match r {
        Ok(Ok(v)) => {
            println!("{name} = {v}");
            ExitCode::SUCCESS
        }
        Ok(Err(v)) => fail(format!(
            "{name} must be one of {}, not {v:?}",
            setting.values().join(", ")
        )),
        Err(e) => fail(e),
    }
}

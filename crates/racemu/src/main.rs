//! `racemu`: run RACDCERT key-ring decks off the mainframe.

use clap::{Args, Parser, Subcommand, ValueEnum};
use racemu::job::{run_job_text, run_sysin};
use racemu_engine::{Clock, Config, Engine, RingLayout};
use racemu_store::{datasets, meta, Store};
use racemu_tso::records::{logical_commands, CommandKind};
use racemu_tso::EntryPoint;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Emulates the z/OS RACF digital-certificate and key-ring service (RACDCERT) off the
/// mainframe: runs real JCL decks unchanged and prints SYSTSPRT as z/OS does.
#[derive(Parser, Debug)]
#[command(name = "racemu", version, about, long_about = None, after_help = "Example:\n  racemu run racdcert-scripts/zosconnect.jcl")]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Args, Debug)]
struct Global {
    /// The RACF database (a SQLite file, created with mode 0600 on first use).
    #[arg(long, global = true, env = "RACEMU_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// The user ID issuing commands (a JOB card's USER= takes precedence in `run`).
    #[arg(long, global = true, default_value = "IBMUSER", value_name = "USERID")]
    user: String,
    /// The clock for defaults such as NOTBEFORE (RFC 3339), so runs can be reproduced.
    #[arg(long, global = true, env = "RACEMU_NOW", value_name = "TIMESTAMP")]
    now: Option<String>,
    /// LISTRING layout: `zos25` (no blank line between rows) or `zos31` (blank line between rows).
    #[arg(long, global = true, value_enum, default_value = "zos25")]
    listring_layout: Layout,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Layout {
    Zos25,
    Zos31,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Run a JCL job (or, with --sysin, a bare SYSTSIN member as one IKJEFT01 step).
    ///
    /// Prints the SYSTSPRT of each TSO step in order; the job log goes to standard error.
    /// The exit status is the job's highest step condition code.
    #[command(
        after_help = "Examples:\n  racemu run racdcert-scripts/zosconnect.jcl\n  racemu run --sysin commands.txt"
    )]
    Run {
        /// The job (or SYSTSIN member with --sysin); `-` reads standard input.
        file: PathBuf,
        /// Treat FILE as SYSTSIN records, not JCL.
        #[arg(long)]
        sysin: bool,
    },
    /// Run one command and print its output; the exit status is its return code.
    #[command(after_help = "Example:\n  racemu exec \"RACDCERT ID(IBMUSER) LISTRING(*)\"")]
    Exec {
        /// The command, as typed at READY (continuations with + or - allowed).
        command: String,
    },
    /// TSO READY mode: type commands, `+`/`-` continues a line, LOGOFF or END leaves.
    #[command(after_help = "Example:\n  racemu --user IBMUSER repl")]
    Repl,
    /// Key rings as applications see them (`safkeyring://OWNER/RING`, R_datalib rules), for
    /// the application's user ID given by --user.
    #[command(subcommand)]
    Keyring(KeyringCmd),
    /// Data sets in the store (what ADD reads and EXPORT writes).
    #[command(
        subcommand,
        after_help = "Example:\n  racemu ds put \"'USER1.CLIENTCA.PEM'\" ca.pem"
    )]
    Ds(DsCmd),
    /// Store settings.
    #[command(
        after_help = "Examples:\n  racemu setting undefined-ids error\n  racemu setting pkcs12-encryption legacy"
    )]
    Setting {
        /// `undefined-ids`: `implicit` (IDs a deck names but never defines are treated as existing
        /// users) or `error`; `pkcs12-encryption`: `aes256` (default) or `legacy` (Triple-DES and
        /// SHA-1 MAC, for older Java and macOS).
        name: String,
        /// The new value; omitted: print the current one.
        value: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum KeyringCmd {
    /// The ring's entries as the application sees them.
    #[command(
        after_help = "Example:\n  racemu --user ZCSERV1 keyring list safkeyring://ZCSERV1/Keyring.ZOSCONN"
    )]
    List {
        /// safkeyring://OWNER/RING, safkeyring:///RING, OWNER/RING or RING.
        ring: String,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write the ring as one PEM bundle or a PKCS#12 keystore.
    #[command(
        after_help = "Example:\n  racemu --user ZCSERV1 keyring export ZCSERV1/Keyring.ZOSCONN --format pkcs12 --out ring.p12 --password secret"
    )]
    Export {
        /// The ring reference.
        ring: String,
        /// pem or pkcs12.
        #[arg(long, value_enum)]
        format: ExportFmt,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
        /// PKCS#12 password.
        #[arg(long)]
        password: Option<String>,
        /// PKCS#12 in the legacy Triple-DES layout (older Java, macOS).
        #[arg(long)]
        legacy: bool,
    },
    /// A TLS 1.2/1.3 endpoint presenting the ring's DEFAULT (or --label) certificate.
    #[command(
        after_help = "Example:\n  racemu --user ZCSERV1 keyring serve ZCSERV1/Keyring.ZOSCONN --listen 127.0.0.1:8443 --client-auth required"
    )]
    Serve {
        /// The ring reference.
        ring: String,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8443")]
        listen: String,
        /// The certificate to present instead of the DEFAULT one.
        #[arg(long)]
        label: Option<String>,
        /// Client certificates: none, optional or required.
        #[arg(long, value_enum, default_value = "none")]
        client_auth: ClientAuthArg,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExportFmt {
    Pem,
    Pkcs12,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ClientAuthArg {
    None,
    Optional,
    Required,
}

#[derive(Subcommand, Debug)]
enum DsCmd {
    /// Store FILE (`-` = stdin) as data set DSN (unquoted names get the --user prefix).
    #[command(after_help = "Example:\n  racemu ds put \"'USER1.CICSCA.PEM'\" ca.pem")]
    Put { dsn: String, file: PathBuf },
    /// Write data set DSN to FILE (`-` = stdout).
    #[command(after_help = "Example:\n  racemu ds get \"'USER1.MQCERT.P12'\" mq.p12")]
    Get { dsn: String, file: PathBuf },
    /// List data sets matching PATTERN (`*` within a qualifier, `**` any qualifiers).
    #[command(after_help = "Example:\n  racemu ds ls \"'USER1.**'\"")]
    Ls { pattern: Option<String> },
    /// Delete data set DSN.
    #[command(after_help = "Example:\n  racemu ds rm \"'USER1.CICSCA.PEM'\"")]
    Rm { dsn: String },
}

fn qualify(dsn: &str, user: &str) -> String {
    let t = dsn.trim();
    if t.starts_with('\'') {
        t.trim_matches('\'').to_ascii_uppercase()
    } else {
        format!("{}.{}", user.to_ascii_uppercase(), t.to_ascii_uppercase())
    }
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("racemu: {msg}");
    ExitCode::from(12)
}

fn exit_rc(rc: u32) -> ExitCode {
    ExitCode::from(u8::try_from(rc).unwrap_or(255))
}

fn read_input(path: &PathBuf) -> std::io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::stdin().read_to_end(&mut v)?;
        Ok(v)
    } else {
        std::fs::read(path)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let g = &cli.global;
    let clock = match &g.now {
        None => Clock::System,
        Some(s) => match OffsetDateTime::parse(s, &Rfc3339) {
            Ok(t) => Clock::Fixed(t),
            Err(e) => {
                return fail(format!(
                    "--now {s:?} is not an RFC 3339 timestamp ({e}); e.g. 2026-01-31T09:00:00Z"
                ))
            }
        },
    };
    let db = g.db.clone().unwrap_or_else(racemu::default_db_path);
    let store = match Store::open(&db) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let config = Config {
        ring_layout: match g.listring_layout {
            Layout::Zos25 => RingLayout::Compact,
            Layout::Zos31 => RingLayout::Spaced,
        },
    };
    let mut engine = Engine::new(store, clock, config);
    let user = g.user.to_ascii_uppercase();
    let stdout = std::io::stdout();
    match cli.command {
        Cmd::Run { file, sysin } => {
            let bytes = match read_input(&file) {
                Ok(b) => b,
                Err(e) => return fail(format!("cannot read {}: {e}", file.display())),
            };
            let text = String::from_utf8_lossy(&bytes);
            let mut lock = stdout.lock();
            if sysin {
                let records: Vec<String> = text
                    .lines()
                    .map(|l| l.trim_end_matches('\r').to_string())
                    .collect();
                let out = run_sysin(
                    &mut engine,
                    &records,
                    &user,
                    EntryPoint::Ikjeft01,
                    None,
                    None,
                );
                for l in &out.systsprt {
                    let _ = writeln!(lock, "{l}");
                }
                for l in &out.hints {
                    eprintln!("{l}");
                }
                exit_rc(out.rc)
            } else {
                let out = run_job_text(&mut engine, &text, &user);
                for l in &out.systsprt {
                    let _ = writeln!(lock, "{l}");
                }
                for l in &out.job_log {
                    eprintln!("{l}");
                }
                exit_rc(out.max_cc)
            }
        }
        Cmd::Exec { command } => {
            let records: Vec<&str> = command.lines().collect();
            let mut rc = 0;
            let mut lock = stdout.lock();
            for cmd in logical_commands(&records) {
                if cmd.kind != CommandKind::Command {
                    continue;
                }
                let out = engine.execute(&user, &cmd.text);
                for l in &out.lines {
                    let _ = writeln!(lock, "{l}");
                }
                for l in &out.hints {
                    eprintln!("{l}");
                }
                rc = out.rc;
            }
            exit_rc(rc)
        }
        Cmd::Repl => {
            let history = racemu::data_dir().join("history");
            match racemu::repl::run(&mut engine, &user, Some(&db), &history) {
                Ok(rc) => exit_rc(rc),
                Err(e) => fail(e),
            }
        }
        Cmd::Ds(ds) => run_ds(&mut engine, &user, ds),
        Cmd::Keyring(k) => run_keyring(engine, &user, k),
        Cmd::Setting { name, value } => setting(&mut engine, &name, value.as_deref()),
    }
}

fn hex_colons(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

fn run_keyring(engine: Engine, user: &str, k: KeyringCmd) -> ExitCode {
    let reference = match &k {
        KeyringCmd::List { ring, .. }
        | KeyringCmd::Export { ring, .. }
        | KeyringCmd::Serve { ring, .. } => ring.clone(),
    };
    let mut racf = racemu::Racf::from_engine(engine);
    let view = match racf.ring(user, &reference) {
        Ok(v) => v,
        Err(e) => return fail(e),
    };
    match k {
        KeyringCmd::List { json, .. } => {
            let entries: Vec<serde_json::Value> = view
                .entries
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "label": e.label,
                        "owner": match &e.owner { racemu_command::Owner::User(u) => u.clone(), racemu_command::Owner::CertAuth => "CERTAUTH".into(), racemu_command::Owner::Site => "SITE".into() },
                        "usage": e.usage,
                        "default": e.default,
                        "trust": e.status,
                        "subject": e.info.subject.racf_dotted(),
                        "issuer": e.info.issuer.racf_dotted(),
                        "not_before": rfc3339(e.info.not_before),
                        "not_after": rfc3339(e.info.not_after),
                        "sha256": hex_colons(&e.info.sha256_fingerprint),
                        "private_key": if e.private_key.is_some() { "released" } else if e.key_withheld { "withheld" } else { "none" },
                    })
                })
                .collect();
            if json {
                let doc = serde_json::json!({ "owner": view.owner, "ring": view.name, "user": user, "entries": entries });
                println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
            } else {
                let access = match &view.access {
                    racemu_keyring::AccessPath::Facility => {
                        "FACILITY IRR.DIGTCERT.LISTRING".to_string()
                    }
                    racemu_keyring::AccessPath::Rdatalib(p) => format!("RDATALIB {p}"),
                };
                println!(
                    "Ring {}/{} opened by {user} (access through {access})",
                    view.owner, view.name
                );
                for e in &entries {
                    println!();
                    for (k, title) in [
                        ("label", "Label"),
                        ("owner", "Owner"),
                        ("usage", "Usage"),
                        ("default", "Default"),
                        ("trust", "Trust"),
                        ("subject", "Subject"),
                        ("issuer", "Issuer"),
                        ("not_before", "Not before"),
                        ("not_after", "Not after"),
                        ("sha256", "SHA-256"),
                        ("private_key", "Private key"),
                    ] {
                        let v = &e[k];
                        let text = v.as_str().map(str::to_string).unwrap_or_else(|| {
                            if v.as_bool() == Some(true) {
                                "YES".into()
                            } else {
                                "NO".into()
                            }
                        });
                        println!("  {:<12} {text}", format!("{title}:"));
                    }
                }
            }
            ExitCode::SUCCESS
        }
        KeyringCmd::Export {
            format,
            out,
            password,
            legacy,
            ..
        } => {
            if view.entries.is_empty() {
                return fail(racemu_keyring::DatalibError::empty(&view.name));
            }
            let bytes = match format {
                ExportFmt::Pem => view.pem_bundle().into_bytes(),
                ExportFmt::Pkcs12 => {
                    let Some(pw) = password else {
                        return fail("--password is required for pkcs12");
                    };
                    let enc = if legacy {
                        racemu_pki::Pkcs12Encryption::LegacyTripleDes
                    } else {
                        racemu_pki::Pkcs12Encryption::Aes256
                    };
                    match view.pkcs12(&pw, enc) {
                        Ok(b) => b,
                        Err(e) => return fail(e),
                    }
                }
            };
            match std::fs::write(&out, bytes) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(format!("cannot write {}: {e}", out.display())),
            }
        }
        KeyringCmd::Serve {
            listen,
            label,
            client_auth,
            ..
        } => {
            let mode = match client_auth {
                ClientAuthArg::None => racemu::ClientAuth::None,
                ClientAuthArg::Optional => racemu::ClientAuth::Optional,
                ClientAuthArg::Required => racemu::ClientAuth::Required,
            };
            let config = match view.server_config(label.as_deref(), mode) {
                Ok(c) => c,
                Err(e) => return fail(e),
            };
            match racemu::serve::serve(config, &listen) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
    }
}

/// `racemu setting NAME [VALUE]`.
fn setting(engine: &mut Engine, name: &str, value: Option<&str>) -> ExitCode {
    let (key, allowed, default): (&str, &[&str], &str) = match name {
        "undefined-ids" => ("undefined_ids", &["implicit", "error"], "implicit"),
        "pkcs12-encryption" => ("pkcs12_encryption", &["aes256", "legacy"], "aes256"),
        other => {
            return fail(format!(
                "unknown setting {other:?}; known: undefined-ids, pkcs12-encryption"
            ))
        }
    };
    if let Some(v) = value {
        if !allowed.contains(&v) {
            return fail(format!(
                "{name} must be one of {}, not {v:?}",
                allowed.join(", ")
            ));
        }
    }
    let r = engine.store_mut().transaction(|tx| {
        if let Some(v) = value {
            meta::set(tx, key, v)?;
        }
        meta::get(tx, key)
    });
    match r {
        Ok(v) => {
            println!("{name} = {}", v.unwrap_or_else(|| default.to_string()));
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

fn like_pattern(p: &str) -> String {
    let mut out = String::new();
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                out.push('%');
            }
            '*' => out.push('%'),
            '%' => out.push('_'),
            '_' => out.push_str("\\_"),
            c => out.push(c),
        }
    }
    out
}

fn run_ds(engine: &mut Engine, user: &str, ds: DsCmd) -> ExitCode {
    let created = engine.clock().now().date().to_string();
    let store = engine.store_mut();
    match ds {
        DsCmd::Put { dsn, file } => {
            let dsn = qualify(&dsn, user);
            if !datasets::valid_name(&dsn) {
                return fail(format!(
                    "{dsn} is not a valid data set name (qualifiers of 1-8 characters, 44 in all)"
                ));
            }
            let data = match read_input(&file) {
                Ok(d) => d,
                Err(e) => return fail(format!("cannot read {}: {e}", file.display())),
            };
            let d = datasets::Dataset::holding(&dsn, data);
            match store.transaction(|tx| datasets::put(tx, &d, &created)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        DsCmd::Get { dsn, file } => {
            let dsn = qualify(&dsn, user);
            match store.transaction(|tx| datasets::get(tx, &dsn)) {
                Ok(Some(d)) => {
                    let r = if file.as_os_str() == "-" {
                        std::io::stdout().write_all(&d.data)
                    } else {
                        std::fs::write(&file, &d.data)
                    };
                    match r {
                        Ok(()) => ExitCode::SUCCESS,
                        Err(e) => fail(e),
                    }
                }
                Ok(None) => fail(format!("data set {dsn} not found")),
                Err(e) => fail(e),
            }
        }
        DsCmd::Ls { pattern } => {
            let like = match pattern {
                Some(p) => like_pattern(&qualify(&p, user)),
                None => "%".into(),
            };
            match store.transaction(|tx| datasets::list(tx, &like)) {
                Ok(rows) => {
                    for (dsn, recfm, lrecl, len) in rows {
                        println!("{dsn:<44} {recfm:<3} {lrecl:>5} {len:>10}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        DsCmd::Rm { dsn } => {
            let dsn = qualify(&dsn, user);
            match store.transaction(|tx| datasets::delete(tx, &dsn)) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => fail(format!("data set {dsn} not found")),
                Err(e) => fail(e),
            }
        }
    }
}

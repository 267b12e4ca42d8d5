//! `racemu attls serve`: a TLS endpoint that applies one AT-TLS rule to its key ring.

use crate::cli::AttlsCmd;
use crate::fail;
use racemu_engine::Engine;
use racemu_keyring::{ClientLogons, RacfLogons};
use std::process::ExitCode;
use std::sync::Arc;

/// Runs one `attls` subcommand for the server's user ID `user`.
pub fn run(engine: Engine, user: &str, cmd: AttlsCmd) -> ExitCode {
    match cmd {
        AttlsCmd::Serve {
            policy,
            rule,
            listen,
        } => serve(engine, user, &policy, &rule, &listen),
    }
}

/// Reads and parses the Policy Agent file `file`; on failure, says why on standard error
/// (each syntax error with its line: Policy Agent installs no part of such a file) and gives
/// the exit status.
pub fn read_policy(file: &std::path::Path) -> Result<racemu_attls::Policy, ExitCode> {
    let text = match std::fs::read(file) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => return Err(fail(format!("cannot read {}: {e}", file.display()))),
    };
    racemu_attls::parse(&text).map_err(|errors| {
        for e in &errors {
            eprintln!("racemu: {} {e}", file.display());
        }
        fail(format!(
            "{} has {} syntax error(s); Policy Agent would not install it as written",
            file.display(),
            errors.len()
        ))
    })
}

fn serve(engine: Engine, user: &str, file: &std::path::Path, rule: &str, listen: &str) -> ExitCode {
    let policy = match read_policy(file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let effective = match racemu_attls::resolve(&policy, rule) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    let seeded = engine.config().randomness.is_seeded();
    let mut racf = racemu::Racf::from_engine(engine);
    let ring = match racf.ring(user, &effective.keyring.value) {
        Ok(v) => v,
        Err(e) => {
            return fail(format!(
                "Keyring {} (line {}): {e}",
                effective.keyring.value, effective.keyring.line
            ))
        }
    };
    for w in &ring.stale {
        eprintln!("racemu: {w}");
    }
    for f in racemu_attls::judge_effective(&effective, &ring) {
        eprintln!("racemu: {} {}: {}", f.severity.as_str(), f.code, f.message);
        for fix in &f.fix {
            eprintln!("racemu:   fix: {fix}");
        }
    }
    // SAFCheck, and the connection reports, ask RACF whom a client certificate logs on.
    let logons = racf.into_engine().map(|engine| {
        Arc::new(RacfLogons::new(
            engine,
            user,
            None,
            crate::usermap_cmd::DEFAULT_SYSID,
        )) as Arc<dyn ClientLogons>
    });
    let asks = effective.role == racemu_attls::HandshakeRole::ServerWithClientAuth;
    let server = match racemu_attls::server_config(&effective, &ring, logons.clone()) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    for n in &server.notes {
        eprintln!("racemu: {n}");
    }
    eprintln!(
        "racemu: TTLSRule {}: cipher suites in policy order: {}",
        effective.rule,
        if server.suites.is_empty() {
            "rustls's defaults".to_string()
        } else {
            server.suites.join(" ")
        }
    );
    crate::ignore_sigpipe();
    match racemu::serve::serve(server.config, listen, seeded, logons.filter(|_| asks)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

//! `racemu --user IZUSVR zosmf serve --listen ADDR --ring OWNER/RING [--label L]
//! [--client-auth none|optional|required] [--appl IZUDFLT]`: z/OSMF's REST interfaces over
//! HTTPS, the server certificate from a RACF ring opened as `--user`, client certificates
//! verified against the ring's CA certificates and mapped to users by RACF.

use crate::cli::{ClientAuthArg, ZosmfCmd};
use crate::fail;
use racemu::job::run_job_text;
use racemu::session::{run_commands, Next};
use racemu::TlsConfigs;
use racemu_engine::maps::logon::LogonServer;
use racemu_engine::Engine;
use racemu_zosmf::{Backend, JobRun, Programs};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// racemu's programs as z/OSMF runs them: TSO commands through the one command loop, jobs
/// through the job runner of `racemu run`.
struct Racemu;

impl Programs for Racemu {
    fn tso(&self, engine: &mut Engine, user: &str, text: &str) -> Vec<String> {
        let records: Vec<&str> = text.lines().collect();
        let mut lines = Vec::new();
        run_commands(engine, user, &records, &mut |_, out| {
            lines.extend(out.lines);
            Next::Continue
        });
        lines
    }

    fn job(&self, engine: &mut Engine, jcl: &str, user: &str) -> JobRun {
        let out = run_job_text(engine, jcl, user);
        JobRun {
            sysout: out
                .sysout
                .into_iter()
                .map(|f| (f.step, f.ddname, f.records))
                .collect(),
            job_log: out.job_log,
            max_cc: out.max_cc,
            jcl_error: out.jcl_error,
            abend: out.abend,
        }
    }
}

/// Runs a `zosmf` subcommand: the server's user ID is `user`.
pub fn run(engine: Engine, db: &Path, user: &str, cmd: ZosmfCmd) -> ExitCode {
    match cmd {
        ZosmfCmd::Serve {
            listen,
            ring,
            label,
            client_auth,
            appl,
        } => {
            let clock = engine.clock();
            // Every engine of the server draws on the store's randomness: a seeded store's
            // keys made over z/OSMF come from its seed too.
            let config = *engine.config();
            let mut racf = racemu::Racf::from_engine(engine);
            let view = match racf.ring(user, &ring) {
                Ok(v) => v,
                Err(e) => return fail(e),
            };
            for w in &view.stale {
                eprintln!("racemu: {w}");
            }
            let mut mode = match client_auth {
                ClientAuthArg::None => racemu::ClientAuth::None,
                ClientAuthArg::Optional => racemu::ClientAuth::Optional,
                ClientAuthArg::Required => racemu::ClientAuth::Required,
            };
            if mode == racemu::ClientAuth::Optional && view.root_store().is_empty() {
                eprintln!(
                    "racemu: {}",
                    racemu_keyring::rcm215w_no_ca_for_clients(&view.owner, &view.name)
                );
                mode = racemu::ClientAuth::None;
            }
            let tls = match view.server_config(label.as_deref(), mode) {
                Ok(c) => c,
                Err(e) => return fail(e),
            };
            let certificates = (mode != racemu::ClientAuth::None).then(|| LogonServer {
                server: user.to_ascii_uppercase(),
                appl: Some(appl),
                sysid: crate::usermap_cmd::DEFAULT_SYSID.to_string(),
            });
            drop(racf);
            crate::ignore_sigpipe();
            if config.randomness.is_seeded() {
                eprintln!("racemu: {}", racemu::seeding::REPRODUCIBLE_KEYS);
            }
            let backend = Backend::new(db.to_path_buf(), clock, config, Arc::new(Racemu));
            match racemu_zosmf::serve(tls, &listen, backend, certificates) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
    }
}

//! `racemu --user IZUSVR zosmf serve --listen ADDR --ring OWNER/RING [--label L]`: z/OSMF's
//! REST interfaces over HTTPS, the server certificate from a RACF ring opened as `--user`.

use crate::cli::ZosmfCmd;
use crate::fail;
use racemu::job::run_job_text;
use racemu::session::{run_commands, Next};
use racemu::TlsConfigs;
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
            let tls = match view.server_config(label.as_deref(), racemu::ClientAuth::None) {
                Ok(c) => c,
                Err(e) => return fail(e),
            };
            drop(racf);
            crate::ignore_sigpipe();
            if config.randomness.is_seeded() {
                eprintln!("racemu: {}", racemu::seeding::REPRODUCIBLE_KEYS);
            }
            let backend = Backend::new(db.to_path_buf(), clock, config, Arc::new(Racemu));
            match racemu_zosmf::serve(tls, &listen, backend) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
    }
}

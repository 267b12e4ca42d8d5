//! racemu's z/OSMF: the REST interfaces Zowe CLI, the Zowe SDKs, Galasa, Ansible and curl
//! scripts use to reach z/OS, served over HTTPS from a RACF key ring.
//!
//! Guarantees:
//! * HTTPS only: the server certificate comes from the ring the caller opened under
//!   R_datalib's rules (racemu-keyring, in the binary), handed in as a rustls `ServerConfig`.
//! * Every request except `GET /zosmf/info` is authenticated, by the TLS client certificate
//!   RACF maps to a user ([`racemu_engine::Engine::certificate_logon`]) or with HTTP Basic
//!   against the user's RACF password or phrase ([`racemu_engine::Engine::verify_logon`]),
//!   and runs with that user's authority; non-GET requests need `X-CSRF-ZOSMF-HEADER`.
//! * RACF work runs on blocking threads, each with an [`Engine`] of its own over the same
//!   store file (the store serialises writers); the async side never touches the store.
//! * No request can crash the server: bad input gets a 4xx answer in z/OSMF's error JSON.
#![deny(missing_docs)]

mod auth;
mod error;
mod files;
mod info;
mod jobs;
mod logon_cache;
mod messages;
mod server;
mod sessions;
mod spool;
mod state;
mod tso;

pub use server::{serve, ServeError};

use racemu_engine::{Clock, Config, Engine};
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What the server runs on behalf of a user: racemu's one command loop and its job runner,
/// handed in by the binary so this crate does not depend on it.
pub trait Programs: Send + Sync + 'static {
    /// Runs `text` (TSO commands, one per line, `+`/`-` continuation) as `user`, returning
    /// the SYSTSPRT lines of each command in order (no echo, no `READY`).
    fn tso(&self, engine: &mut Engine, user: &str, text: &str) -> Vec<String>;

    /// Runs the JCL job `jcl` as `user` (the job's owner: the JOB card's USER=, already
    /// checked), as `racemu run` runs it.
    fn job(&self, engine: &mut Engine, jcl: &str, user: &str) -> JobRun;
}

/// What a job produced, as [`Programs::job`] reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobRun {
    /// The SYSOUT data sets the steps wrote, in order: (step, DD name, records).
    pub sysout: Vec<(String, String, Vec<String>)>,
    /// The job log `racemu run` prints on standard error (IEF142I, IEF453I, racemu's notes).
    pub job_log: Vec<String>,
    /// The highest condition code.
    pub max_cc: u32,
    /// Whether the job failed with a JCL error.
    pub jcl_error: bool,
    /// The first abend's code (`S806`, `U0012`).
    pub abend: Option<String>,
}

/// How to reach the store and run commands.
#[derive(Clone)]
pub struct Backend {
    db: PathBuf,
    clock: Clock,
    config: Config,
    programs: Arc<dyn Programs>,
    pool: Arc<Mutex<Vec<Engine>>>,
}

/// Engines kept open between requests.
const POOL_SIZE: usize = 16;

impl Backend {
    /// A backend over the store at `db`.
    pub fn new(db: PathBuf, clock: Clock, config: Config, programs: Arc<dyn Programs>) -> Self {
        Backend {
            db,
            clock,
            config,
            programs,
            pool: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Runs `f` with an engine of its own (from the pool, or newly opened over the store);
    /// call on a blocking thread.
    pub(crate) fn with_engine<T>(
        &self,
        f: impl FnOnce(&mut Engine, &dyn Programs) -> T,
    ) -> Result<T, racemu_store::StoreError> {
        let pooled = self.pool.lock().ok().and_then(|mut p| p.pop());
        let mut engine = match pooled {
            Some(e) => e,
            None => racemu_engine::open(&self.db, self.clock, self.config)?,
        };
        let out = f(&mut engine, self.programs.as_ref());
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < POOL_SIZE {
                p.push(engine);
            }
        }
        Ok(out)
    }

    /// Runs `f` with an engine on a blocking thread.
    pub(crate) async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Engine, &dyn Programs) -> T + Send + 'static,
    ) -> Result<T, error::ZosmfError> {
        let me = self.clone();
        match tokio::task::spawn_blocking(move || me.with_engine(f)).await {
            Ok(Ok(t)) => Ok(t),
            Ok(Err(e)) => Err(error::ZosmfError::internal(&e.to_string())),
            Err(e) => Err(error::ZosmfError::internal(&e.to_string())),
        }
    }
}

/// A log line on standard error, stamped with the UTC time. A closed standard error does not
/// stop the server.
pub(crate) fn log(line: &str) {
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let _ = writeln!(std::io::stderr(), "{now} racemu zosmf: {line}");
}

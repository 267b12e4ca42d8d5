//! A RACF database for tests in other projects: build a key ring with real RACDCERT
//! commands or a whole deck, then open it as a z/OS server would and hand it to your code as
//! PEM, PKCS#12 or rustls configurations.
//!
//! ```
//! use racemu::{Export, Racf, TlsConfigs};
//!
//! let mut racf = Racf::temporary().unwrap();
//! racf.sysin("IBMUSER", "
//!     RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Test CA')) NISTECC WITHLABEL('CA')
//!     RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(DOMAIN('localhost')) +
//!              NISTECC WITHLABEL('server') SIGNWITH(CERTAUTH LABEL('CA'))
//!     RACDCERT ID(SRV) ADDRING(Ring)
//!     RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('CA') RING(Ring))
//!     RACDCERT ID(SRV) CONNECT(LABEL('server') RING(Ring) DEFAULT)
//!     RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
//!     PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
//!     SETROPTS RACLIST(FACILITY) REFRESH
//! ").unwrap();
//! let ring = racf.ring("SRV", "safkeyring://SRV/Ring").unwrap();
//! assert_eq!(ring.entries.len(), 2);
//! assert!(ring.entry(None).unwrap().private_key.is_some());
//! let server = ring.server_config(None, racemu::ClientAuth::None).unwrap();
//! let client = ring.client_config().unwrap();
//! # let _ = (server, client);
//! assert!(ring.pem_bundle().contains("-----BEGIN PRIVATE KEY-----"));
//! ```

use crate::job::{run_job_text, JobOutput};
use crate::session::{run_commands, run_sysin, Next};
use racemu_engine::{Clock, Config, Engine, Output};
use racemu_keyring::{DatalibError, RingRef, RingView, StatusFilter};
use racemu_store::{Store, StoreError};
use racemu_tso::EntryPoint;
use std::path::{Path, PathBuf};

/// Builds a [`Racf`]: where its store is, its clock, and its seed.
#[derive(Debug, Default, Clone)]
pub struct RacfBuilder {
    path: Option<PathBuf>,
    now: Option<time::OffsetDateTime>,
    seed: Option<u64>,
}

impl RacfBuilder {
    /// Derive every key, ECDSA signature and PKCS#12 salt from `seed` (as `--seed` does):
    /// the same commands with the same clock and seed on a fresh store give byte-identical
    /// output. The seed is recorded in the store. The keys are not secret.
    pub fn seed(mut self, seed: u64) -> RacfBuilder {
        self.seed = Some(seed);
        self
    }

    /// A fixed clock instead of the system's.
    pub fn now(mut self, now: time::OffsetDateTime) -> RacfBuilder {
        self.now = Some(now);
        self
    }

    /// The store at `path` (created if needed) instead of a temporary one.
    pub fn path(mut self, path: &Path) -> RacfBuilder {
        self.path = Some(path.to_path_buf());
        self
    }

    /// Opens (or creates, dated by the clock) the store. A seed that the store cannot take
    /// (see [`crate::seeding::settle`]) is [`RacfError::Seed`].
    pub fn build(self) -> Result<Racf, RacfError> {
        let (dir, path) = match self.path {
            Some(p) => (None, p),
            None => {
                let dir = tempfile::tempdir().map_err(RacfError::Io)?;
                let p = dir.path().join("racf.db");
                (Some(dir), p)
            }
        };
        let clock = self.now.map_or(Clock::System, Clock::Fixed);
        let new = !path.exists();
        let mut store = Store::open(&path).map_err(RacfError::Store)?;
        if new {
            crate::date_new_store(&mut store, clock.now().date()).map_err(RacfError::Store)?;
        }
        let seeding = crate::seeding::settle(&mut store, crate::seeding::randomness_of(self.seed))
            .map_err(RacfError::Store)?;
        if let Some(w) = seeding.warning {
            return Err(RacfError::Seed(w));
        }
        let config = Config {
            randomness: seeding.randomness,
            ..Config::default()
        };
        Ok(Racf {
            engine: Engine::new(store, clock, config),
            _dir: dir,
        })
    }
}

/// R_datalib's reason 28 for a reference that does not parse ([`DatalibError::bad_reference`]).
fn parse_reference(reference: &str) -> Result<RingRef, DatalibError> {
    RingRef::parse(reference).ok_or_else(|| DatalibError::bad_reference(reference))
}

/// A RACF database with an engine over it.
pub struct Racf {
    engine: Engine,
    _dir: Option<tempfile::TempDir>,
}

/// Errors of the fixture API.
#[derive(Debug)]
pub enum RacfError {
    /// The store could not be created or opened.
    Store(StoreError),
    /// A temporary directory could not be made.
    Io(std::io::Error),
    /// The seed asked for is not the store's (RCM205W): the store is seeded with another
    /// seed, or already holds keys from the operating system.
    Seed(String),
    /// RACF refused a request (R_usermap without READ to FACILITY `IRR.RUSERMAP`) or its
    /// input was not usable; says why.
    Refused(String),
    /// A command ended with a return code above 4; carries its output.
    Command {
        /// The command.
        command: String,
        /// Its return code.
        rc: u32,
        /// What it printed.
        lines: Vec<String>,
    },
}

impl std::fmt::Display for RacfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RacfError::Store(e) => write!(f, "{e}"),
            RacfError::Io(e) => write!(f, "{e}"),
            RacfError::Seed(w) | RacfError::Refused(w) => write!(f, "{w}"),
            RacfError::Command { command, rc, lines } => {
                write!(f, "{command} ended RC {rc}: {}", lines.join(" / "))
            }
        }
    }
}

impl std::error::Error for RacfError {}

impl Racf {
    /// A new, empty RACF database in a temporary directory, removed when dropped. The clock
    /// is the system's and keys come from the operating system; see [`Racf::builder`] for a
    /// seed, a fixed clock or a path.
    pub fn temporary() -> Result<Racf, RacfError> {
        Racf::builder().build()
    }

    /// The RACF database at `path` (created, and dated today, if needed). A seeded store
    /// keeps deriving from its recorded seed.
    pub fn open(path: &Path) -> Result<Racf, RacfError> {
        Racf::builder().path(path).build()
    }

    /// A builder: [`RacfBuilder::seed`], [`RacfBuilder::now`], [`RacfBuilder::path`].
    ///
    /// ```
    /// let now = time::macros::datetime!(2026-03-01 09:00 UTC);
    /// let list = |seed: u64| {
    ///     let mut racf = racemu::Racf::builder().seed(seed).now(now).build().unwrap();
    ///     racf.sysin("IBMUSER", "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) NISTECC WITHLABEL('CA')")
    ///         .unwrap();
    ///     racf.sysin("IBMUSER", "RACDCERT CERTAUTH LIST(LABEL('CA'))").unwrap()
    /// };
    /// // Fingerprints included: the same seed and clock print the same listing.
    /// assert_eq!(list(2026), list(2026));
    /// assert_ne!(list(2026), list(2027));
    /// ```
    pub fn builder() -> RacfBuilder {
        RacfBuilder::default()
    }

    /// Whether the store's keys come from a seed (recorded in the store).
    pub fn is_seeded(&self) -> bool {
        self.engine.config().randomness.is_seeded()
    }

    /// Wraps an engine (the binary's).
    pub fn from_engine(engine: Engine) -> Racf {
        Racf { engine, _dir: None }
    }

    /// The engine back from a wrapper made by [`Racf::from_engine`]; `None` for a temporary
    /// database (made by [`Racf::temporary`] or a builder without a path), which is removed
    /// with its wrapper.
    pub fn into_engine(self) -> Option<Engine> {
        match self._dir {
            None => Some(self.engine),
            Some(_) => None,
        }
    }

    /// The same database with a fixed clock (RFC 3339 instants via the `time` crate).
    pub fn with_clock(self, now: time::OffsetDateTime) -> Racf {
        let Racf { engine, _dir } = self;
        let config = *engine.config();
        let store = engine.into_store();
        Racf {
            engine: Engine::new(store, Clock::Fixed(now), config),
            _dir,
        }
    }

    /// Runs one command as `user`; its output and return code.
    pub fn command(&mut self, user: &str, command: &str) -> Output {
        let mut last = Output::ok();
        run_commands(&mut self.engine, user, &[command], &mut |_, o| {
            last = o;
            Next::Continue
        });
        last
    }

    /// Runs SYSTSIN text (records, `+`/`-` continuation, comments) as one IKJEFT01 step.
    /// Fails on the first command that ends above RC 4, with its messages.
    pub fn sysin(&mut self, user: &str, text: &str) -> Result<Vec<String>, RacfError> {
        let mut out = Vec::new();
        let mut failed = None;
        let records: Vec<&str> = text.lines().collect();
        run_commands(&mut self.engine, user, &records, &mut |cmd, o| {
            if o.rc > 4 {
                failed = Some(RacfError::Command {
                    command: cmd.echo.trim().to_string(),
                    rc: o.rc,
                    lines: o.lines,
                });
                return Next::Stop;
            }
            out.extend(o.lines);
            Next::Continue
        });
        match failed {
            Some(e) => Err(e),
            None => Ok(out),
        }
    }

    /// Runs SYSTSIN records as z/OS would, printing SYSTSPRT: (lines, step RC).
    pub fn systsin(&mut self, user: &str, text: &str) -> (Vec<String>, u32) {
        let records: Vec<String> = text.lines().map(str::to_string).collect();
        let out = run_sysin(
            &mut self.engine,
            &records,
            user,
            EntryPoint::Ikjeft01,
            None,
            None,
        );
        (out.systsprt, out.rc)
    }

    /// Runs a JCL job; `user` issues the commands unless the JOB card names one.
    pub fn job(&mut self, user: &str, jcl: &str) -> JobOutput {
        run_job_text(&mut self.engine, jcl, user)
    }

    /// Opens `reference` (`safkeyring://OWNER/RING`, `OWNER/RING`, …) as `user` would through
    /// R_datalib: same certificates, same private keys, same refusals.
    pub fn ring(&mut self, user: &str, reference: &str) -> Result<RingView, DatalibError> {
        let r = parse_reference(reference)?;
        self.engine
            .open_ring(user, r.owner.as_deref(), &r.ring, StatusFilter::Trusted)
    }

    /// The ring doctor: judges `reference` as `user` (the server's user ID) opens it through
    /// R_datalib, with the same findings, messages and fixes as `racemu keyring doctor`.
    /// `Err` only when the reference does not parse, the ring does not exist or the database
    /// fails; a refusal is the finding `no-access`.
    pub fn doctor(
        &mut self,
        user: &str,
        reference: &str,
        options: &racemu_keyring::doctor::Options,
    ) -> Result<racemu_keyring::doctor::Report, DatalibError> {
        let r = parse_reference(reference)?;
        racemu_keyring::doctor::diagnose(self.engine.store_mut(), user, &r, options)
    }

    /// The RACF user ID a client certificate (`cert`: DER, or PEM) maps to, as R_usermap
    /// function X'0006' answers the server `server` (see `racemu usermap`): `Ok(None)` when no
    /// user is found, [`RacfError::Refused`] when `server` lacks READ to FACILITY
    /// `IRR.RUSERMAP` or `cert` holds no certificate. `appl` and `sysid` fill `&APPLID` and
    /// `&SYSID` in MULTIID criteria (`sysid` defaults to `RACEMU`).
    pub fn usermap(
        &self,
        server: &str,
        cert: &[u8],
        appl: Option<&str>,
        sysid: Option<&str>,
    ) -> Result<Option<String>, RacfError> {
        let der = racemu_pki::decode_package(cert, None)
            .ok()
            .and_then(|p| p.certificates.into_iter().next())
            .ok_or_else(|| RacfError::Refused("no X.509 certificate (PEM or DER)".into()))?;
        self.engine
            .usermap(&der, appl, sysid.unwrap_or("RACEMU"), server)
            .map(|m| m.user)
            .map_err(|e| RacfError::Refused(e.to_string()))
    }

    /// The engine, for anything else.
    pub fn engine(&mut self) -> &mut Engine {
        &mut self.engine
    }
}

//! racemu's engine: what RACF does with a command.
//!
//! The engine is deterministic given its inputs: the store, the clock and the randomness
//! source ([`Config::randomness`]) are passed in, never reached for. With a seeded source the
//! same commands at the same clock give the same keys, signatures, PKCS#12 packages and
//! listings byte for byte; with the operating system's, keys differ each run.
//!
//! Every command runs as one store transaction: it happens whole or not at all. A command
//! that fails (RC 8 or more) changes nothing.
#![deny(missing_docs)]

pub mod authority;
mod certificates;
mod context;
pub mod datalib;
mod dataset_io;
mod datasets;
mod dispatch;
mod hints;
mod interchange;
mod issue;
pub mod jes;
pub mod listing;
pub mod logon;
mod lookup;
pub mod maps;
pub mod messages;
mod output;
mod racf;
mod rings;

use racemu_command::{parse, Command};
use racemu_store::{Store, StoreError};
use std::cell::RefCell;
use std::collections::BTreeSet;

pub(crate) use context::Ctx;
pub use context::{Clock, Config};
pub use dataset_io::{CatalogEntry, Members};
pub use listing::RingLayout;
pub use messages::Outcome;
pub(crate) use output::Fail;
pub use output::Output;
pub use racf::store_date;

/// The engine: a store, a clock and settings.
pub struct Engine {
    store: Store,
    clock: Clock,
    config: Config,
    /// The undefined user IDs already noted (RCM116I) in this run.
    noted: BTreeSet<String>,
}

impl Engine {
    /// An engine over `store`.
    pub fn new(store: Store, clock: Clock, config: Config) -> Engine {
        Engine {
            store,
            clock,
            config,
            noted: BTreeSet::new(),
        }
    }

    /// Starts a new run (a job): the RCM116I note on an undefined user ID is given once per
    /// run, so IDs noted before are noted again. One engine is one run unless this is called
    /// (`racemu exec`, a REPL session).
    pub fn begin_run(&mut self) {
        self.noted.clear();
    }

    /// The store (for the application view and completion). The z/OSMF server never uses
    /// it: it asks the engine's operations ([`jes`], [`Engine::read_dataset_as`] and the
    /// others, [`Engine::stored_secret`]).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store, mutable: the binary's data set catalog and `racemu ds`, the ring doctor and
    /// the fixture (not the z/OSMF server, which asks the engine's operations).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Gives the store back.
    pub fn into_store(self) -> Store {
        self.store
    }

    /// The clock.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// The configuration the engine was made with (layout, randomness).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Runs `op` on data set `dsn` for `userid` once RACF allows `intent`, as one store
    /// transaction: the engine's one data set open check
    /// ([`authority::dataset_open::open_dataset`]), which job steps and `racemu ds` use.
    pub fn open_dataset<T>(
        &mut self,
        userid: &str,
        dsn: &str,
        intent: authority::dataset_open::Intent,
        mut op: impl FnMut(&racemu_store::Tx<'_>) -> Result<T, racemu_store::datasets::DatasetError>,
    ) -> Result<authority::dataset_open::Opened<T>, racemu_store::datasets::DatasetError> {
        self.store.transaction(|tx| {
            authority::dataset_open::open_dataset(tx, userid, dsn, intent, || op(tx))
        })
    }

    /// Opens `owner`'s ring `ring` (the caller's own when `owner` is `None`, `*` for a
    /// virtual ring) as `caller` would through R_datalib, as one transaction: R_datalib's
    /// rules decide whether the ring opens, whose private keys are released and what the
    /// status filter leaves out (see [`datalib`]).
    pub fn open_ring(
        &mut self,
        caller: &str,
        owner: Option<&str>,
        ring: &str,
        filter: datalib::StatusFilter,
    ) -> Result<datalib::RingView, datalib::DatalibError> {
        datalib::open_ring(&mut self.store, caller, owner, ring, filter)
    }

    /// Verifies a logon of `userid` with a password or password phrase, as one transaction
    /// (see [`logon::verify`]): counts failed attempts and revokes per SETROPTS
    /// PASSWORD(REVOKE(n)).
    pub fn verify_logon(&mut self, userid: &str, secret: &str) -> Result<logon::Logon, StoreError> {
        let today = self.clock.now().date();
        self.store
            .transaction(|tx| logon::verify(tx, userid, secret, today))
    }

    /// Verifies a logon and changes its password or phrase to `new` (see
    /// [`logon::verify_and_change`]), as one transaction: how an expired password is renewed.
    pub fn change_at_logon(
        &mut self,
        userid: &str,
        secret: &str,
        new: &str,
    ) -> Result<logon::Logon, StoreError> {
        let today = self.clock.now().date();
        let randomness = self.config.randomness;
        self.store
            .transaction(|tx| logon::verify_and_change(tx, userid, secret, new, today, &randomness))
    }

    /// The RACF user ID a client certificate (DER) maps to and what decided, in RACF's order
    /// (see [`maps::lookup`]): registered certificate, name filters (while DIGTNMAP is
    /// active; `appl` and `sysid` fill `&APPLID` and `&SYSID` in MULTIID criteria), then the
    /// hostIdMappings extension (which needs `server`'s READ to SERVAUTH `IRR.HOST.<host>`).
    pub fn user_for_certificate(
        &self,
        der: &[u8],
        appl: Option<&str>,
        sysid: &str,
        server: &str,
    ) -> Result<maps::lookup::UserMapping, maps::lookup::LookupError> {
        let server = server.to_ascii_uppercase();
        let q = maps::lookup::Query {
            der,
            appl,
            sysid,
            server: &server,
            now: self.clock.now(),
        };
        self.store
            .read(|tx| maps::lookup::user_for_certificate(tx, &q))
    }

    /// R_usermap function X'0006' (certificate to user ID) as `server` calls it: refused
    /// ([`maps::lookup::LookupError::Refused`]) unless `server` has READ to FACILITY
    /// `IRR.RUSERMAP` (no profile, or FACILITY inactive, refuses); else
    /// [`Engine::user_for_certificate`].
    pub fn usermap(
        &self,
        der: &[u8],
        appl: Option<&str>,
        sysid: &str,
        server: &str,
    ) -> Result<maps::lookup::UserMapping, maps::lookup::LookupError> {
        let server = server.to_ascii_uppercase();
        let access = self
            .store
            .read(|tx| authority::resource_access(tx, &server, "FACILITY", "IRR.RUSERMAP"))?;
        if !matches!(access, Some(a) if a >= racemu_racf::Access::Read) {
            return Err(maps::lookup::LookupError::Refused(format!(
                "{server} has no READ access to FACILITY IRR.RUSERMAP"
            )));
        }
        self.user_for_certificate(der, appl, sysid, &server)
    }

    /// Runs one logical command (comments already blanked) issued by `issuer`.
    ///
    /// Never panics; every input ends in messages and a return code.
    /// racemu's hints on the command (typographic quotes, labels in the wrong case) are added
    /// to [`Output::hints`]; SYSTSPRT lines are never changed by them.
    pub fn execute(&mut self, issuer: &str, text: &str) -> Output {
        let mut out = match parse(text) {
            Ok(cmd) => {
                let mut out = self.run(issuer, &cmd);
                if let Command::Racdcert(r) = &cmd {
                    if out.outcome == Some(Outcome::NoMatchingCertificate) {
                        let issuer = issuer.to_ascii_uppercase();
                        out.hints
                            .extend(self.store.read(|tx| hints::label_case(tx, r, &issuer)));
                    }
                }
                out.hints.extend(hints::repeated_operands(text));
                out
            }
            Err(p) => p.into(),
        };
        out.hints.extend(hints::typographic_quotes(text));
        out
    }

    /// Runs a typed command issued by `issuer`, as one transaction.
    pub fn run(&mut self, issuer: &str, cmd: &Command) -> Output {
        if matches!(cmd, Command::Logoff) {
            return Output {
                end_session: true,
                ..Output::ok()
            };
        }
        if matches!(cmd, Command::Profile) {
            return Output::ok();
        }
        if let Command::Help(req) = cmd {
            let h = racemu_command::help::render(req);
            return Output {
                hints: h.hints,
                ..Output::new(h.lines, h.rc)
            };
        }
        let now = self.clock.now();
        let config = self.config;
        let issuer = issuer.to_ascii_uppercase();
        let mut undefined = BTreeSet::new();
        let mut warnings = Vec::new();
        let result: Result<Output, Fail> = self.store.transaction(|tx| {
            let mut ctx = Ctx {
                tx,
                issuer: &issuer,
                now,
                config,
                undefined: RefCell::new(BTreeSet::new()),
                warnings: RefCell::new(Vec::new()),
            };
            let out = dispatch::dispatch(&mut ctx, cmd);
            undefined = ctx.undefined.take();
            warnings = ctx.warnings.take();
            out
        });
        let mut out = match result {
            Ok(o) => o,
            Err(Fail(o)) => o,
        };
        if !warnings.is_empty() {
            warnings.append(&mut out.lines);
            out.lines = warnings;
        }
        for id in undefined {
            if !self.noted.contains(&id) {
                out.hints.push(messages::hints::rcm116i(&id).line());
                self.noted.insert(id);
            }
        }
        out
    }
}

/// Opens the store at `path` and builds an engine.
pub fn open(path: &std::path::Path, clock: Clock, config: Config) -> Result<Engine, StoreError> {
    Ok(Engine::new(Store::open(path)?, clock, config))
}

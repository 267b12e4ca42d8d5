//! The ring doctor: why a server, or the TLS clients of a server, would reject a key ring,
//! and the RACF commands that mend it.
//!
//! A [`Report`] is a list of [`Finding`]s (each with a stable code, a message and the exact
//! commands of its fix) and, when asked for, the outcome of a real handshake per client
//! ([`Probe`]). Its [`Report::exit_code`] is the CLI's: 0 healthy, 4 warnings only, 8 at
//! least one error.
//!
//! [`diagnose`] judges a ring exactly as [`open_ring`] shows it to the server's user ID
//! (R_datalib's rules, NOTRUST certificates included so that they can be named), then the
//! chosen certificate and its chain as TLS clients judge them. docs/doctor.md lists every
//! code with its sources.

mod access;
mod certificate;
mod chain;
mod finding;
mod fix;
mod policy;
mod render;
mod san;
mod x509;

pub use crate::probe::Probe;
pub use finding::{Finding, Report, Severity};

use crate::{open_ring, DatalibError, RingEntry, RingRef, RingView, StatusFilter};
use fix::Certified;
use racemu_racf::Owner;
use racemu_store::{certs, profiles, Store, StoreResult, Tx};
use std::collections::HashSet;
use time::OffsetDateTime;

/// The client names `--client` takes (the TLS clients whose published limits the doctor
/// knows).
pub use crate::probe::CLIENTS;

/// What to judge besides the ring itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The certificate to judge; `None` = the ring's DEFAULT.
    pub label: Option<String>,
    /// Host names or IP addresses clients will connect to; each must be in the
    /// certificate's subjectAltName.
    pub hosts: Vec<String>,
    /// The clients that will connect (names from [`CLIENTS`]); `chrome` makes a P-521 key an
    /// error.
    pub clients: Vec<String>,
    /// The instant validity is judged at.
    pub now: OffsetDateTime,
    /// Whether to serve the ring in-process and handshake with each client profile
    /// ([`crate::probe`]): the named clients, or every one of [`CLIENTS`] when none is named.
    pub probe: bool,
}

impl Options {
    /// No label, hosts or clients, judged at `now`.
    pub fn at(now: OffsetDateTime) -> Options {
        Options {
            label: None,
            hosts: Vec::new(),
            clients: Vec::new(),
            now,
            probe: false,
        }
    }
}

/// What the judges share: the ring as the server sees it, the options, and what RACF holds
/// outside the ring.
pub(crate) struct Ctx<'a> {
    /// The ring, every status included.
    pub view: &'a RingView,
    /// The options.
    pub options: &'a Options,
    /// `(owner name, label)` pairs RACF already uses.
    pub labels_in_use: HashSet<(String, String)>,
    /// DIGTCERT is RACLISTed.
    pub digtcert_raclisted: bool,
    /// DIGTRING is RACLISTed.
    pub digtring_raclisted: bool,
    /// The chosen certificate's issuers, nearest first, from the ring or RACF.
    pub chain: Vec<Certified>,
    /// The chain ends in a self-signed certificate.
    pub chain_complete: bool,
}

impl Ctx<'_> {
    /// The issuer of `e` among the chain's certificates.
    pub(crate) fn issuer_of(&self, e: &RingEntry) -> Option<&Certified> {
        self.chain
            .iter()
            .find(|c| racemu_pki::verify_issued_by(&e.der, &c.der))
    }
}

/// Judges `ring` as `user` (the server's user ID) would open it through R_datalib, for the
/// DEFAULT certificate or `options.label`. Findings come errors first. A refusal to open the
/// ring is the finding `no-access`, not an error; an `Err` is a ring that does not exist, a
/// bad reference or a database failure.
pub fn diagnose(
    store: &mut Store,
    user: &str,
    ring: &RingRef,
    options: &Options,
) -> Result<Report, DatalibError> {
    examine(store, user, ring, options).map(|(report, _)| report)
}

/// As [`diagnose`], also giving the ring as the server is given it (TRUST and HIGHTRUST
/// certificates only, as [`StatusFilter::Trusted`] opens it); `None` when `user` is refused.
/// The ring is opened once.
pub fn examine(
    store: &mut Store,
    user: &str,
    ring: &RingRef,
    options: &Options,
) -> Result<(Report, Option<RingView>), DatalibError> {
    let user = user.to_ascii_uppercase();
    let view = match open_ring(store, &user, ring, StatusFilter::Any) {
        Ok(v) => v,
        Err(e) if e.is_not_authorized() => {
            let owner = ring.owner.clone().unwrap_or_else(|| user.clone());
            let refused = report(
                format!("{owner}/{}", ring.ring),
                &user,
                vec![access::no_access(&e)],
            );
            return Ok((refused, None));
        }
        Err(e) => return Err(e),
    };
    let findings = store
        .transaction(|tx| judge(tx, &view, options))
        .map_err(DatalibError::internal)?;
    let mut report = report(format!("{}/{}", view.owner, view.name), &user, findings);
    // Clients see what the server is given.
    let served = view.trusted();
    if options.probe {
        let clients: Vec<&str> = if options.clients.is_empty() {
            CLIENTS.to_vec()
        } else {
            options.clients.iter().map(String::as_str).collect()
        };
        report.probes = crate::probe(&served, options.label.as_deref(), &clients);
    }
    Ok((report, Some(served)))
}

fn report(ring: String, user: &str, mut findings: Vec<Finding>) -> Report {
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    Report {
        ring,
        user: user.to_string(),
        findings,
        probes: Vec::new(),
    }
}

/// Every finding about the opened ring.
fn judge(tx: &Tx<'_>, view: &RingView, options: &Options) -> StoreResult<Vec<Finding>> {
    let mut findings = Vec::new();
    let leaf = match access::choose(view, options) {
        Ok(e) => e,
        Err(why) => {
            let ctx = context(tx, view, options, None)?;
            return Ok(access::not_chosen(&ctx, why));
        }
    };
    let ctx = context(tx, view, options, Some(leaf))?;
    findings.extend(access::key(&ctx, leaf));
    findings.extend(certificate::judge(&ctx, leaf));
    findings.extend(chain::judge(&ctx, leaf));
    Ok(findings)
}

/// The shared context; the chain of `leaf` walked through the ring, then RACF. A store
/// failure is an error, never an empty answer.
fn context<'a>(
    tx: &Tx<'_>,
    view: &'a RingView,
    options: &'a Options,
    leaf: Option<&RingEntry>,
) -> StoreResult<Ctx<'a>> {
    let raclisted = |c: &str| profiles::class_options(tx, c).map(|o| o.raclisted);
    let mut labels_in_use = HashSet::new();
    let mut owners: Vec<Owner> = view.entries.iter().map(|e| e.owner.clone()).collect();
    owners.push(Owner::CertAuth);
    owners.push(Owner::User(view.owner.clone()));
    for o in owners {
        for l in certs::labels(tx, &o)? {
            labels_in_use.insert((o.name().to_string(), l));
        }
    }
    let (chain, chain_complete) = match leaf {
        Some(l) => chain::walk(tx, view, l)?,
        None => (Vec::new(), true),
    };
    Ok(Ctx {
        view,
        options,
        labels_in_use,
        digtcert_raclisted: raclisted("DIGTCERT")?,
        digtring_raclisted: raclisted("DIGTRING")?,
        chain,
        chain_complete,
    })
}

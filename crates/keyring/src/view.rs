//! The application view of a key ring: what a z/OS server gets from R_datalib
//! (DataGetFirst/DataGetNext) when it opens `safkeyring://OWNER/RING` (RACF Callable
//! Services, R_datalib: dlibauth.htm, usgntrdata.htm, "Return and reason codes").
//!
//! Rules:
//! * Ring-specific checking: when RDATALIB is active and RACLISTed and a profile covers
//!   `OWNER.RING.LST` (ring name folded to upper case; virtual rings use
//!   `OWNER.IRR_VIRTUAL_KEYRING.LST`), READ to it opens the ring.
//! * Otherwise global checking: FACILITY `IRR.DIGTCERT.LISTRING`, READ for one's own ring,
//!   UPDATE for another user's.
//! * Private keys only for certificates connected with USAGE(PERSONAL): a user's key when the
//!   caller owns it (global) or has READ (own) / UPDATE (others') to the `.LST` profile;
//!   a CERTAUTH or SITE key when the caller is SPECIAL, or has CONTROL to
//!   `IRR.DIGTCERT.GENCERT` (global) or to the `.LST` profile.
//! * NOTRUST certificates are left out unless the caller asks for any status.
//! * Checks read the RACLIST snapshot of FACILITY / RDATALIB when those classes are RACLISTed;
//!   rings and certificates are read from the database as they are now (racemu's documented
//!   choice for DIGTCERT/DIGTRING), with [`RingView::stale`] warnings when they changed after
//!   the last DIGTRING/DIGTCERT refresh.
//! * Every refusal and every withheld private key says what would change it (the RDEFINE when
//!   no profile covers the resource, the PERMIT, the SETROPTS REFRESH when the snapshot is
//!   older than the database).
use racemu_engine::authority::{is_special, protecting_profile, resource_access};
use racemu_pki::{parse_certificate, CertificateInfo};
use racemu_store::{certs, profiles, rings, users, Store};
use racemu_store::{StoreResult, Tx};
use std::fmt;

use crate::decision::Decision;
use crate::refresh::{pending_rdatalib, stale_warnings};
use crate::{advice, RingRef};
use racemu_racf::{Access, Owner, Usage};

/// An R_datalib failure: SAF and RACF return codes, reason code, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatalibError {
    /// SAF return code.
    pub saf_rc: u32,
    /// RACF return code.
    pub racf_rc: u32,
    /// RACF reason code.
    pub racf_reason: u32,
    /// IBM's short description.
    pub description: &'static str,
    /// What is missing, in a sentence, and the PERMIT that would grant it.
    pub explanation: String,
    /// For a refusal (reason 8): the decision path, with the commands that would grant access.
    pub decision: Option<Box<Decision>>,
}

impl fmt::Display for DatalibError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "R_datalib (IRRSDL00) error: {} ({}, {}, {}). {}",
            self.description, self.saf_rc, self.racf_rc, self.racf_reason, self.explanation
        )
    }
}

impl std::error::Error for DatalibError {}

impl DatalibError {
    fn not_found(explanation: String) -> Self {
        DatalibError {
            saf_rc: 8,
            racf_rc: 8,
            racf_reason: 84,
            description: "profile for ring not found",
            explanation,
            decision: None,
        }
    }
    fn not_authorized(explanation: String, decision: Decision) -> Self {
        DatalibError {
            saf_rc: 8,
            racf_rc: 8,
            racf_reason: 8,
            description: "not RACF authorized to use the requested service",
            explanation,
            decision: Some(Box::new(decision)),
        }
    }
    pub(crate) fn internal(e: impl fmt::Display) -> Self {
        DatalibError {
            saf_rc: 8,
            racf_rc: 8,
            racf_reason: 12,
            description: "internal error",
            explanation: e.to_string(),
            decision: None,
        }
    }
    /// DataGetFirst found nothing with the requested status.
    pub fn empty(ring: &str) -> Self {
        DatalibError {
            saf_rc: 8,
            racf_rc: 8,
            racf_reason: 44,
            description: "no certificate found with the specified status",
            explanation: format!("ring {ring} has no certificate the caller may see."),
            decision: None,
        }
    }
}

/// Which certificate statuses the caller asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// TRUST and HIGHTRUST (what System SSL and Java ask for).
    #[default]
    Trusted,
    /// Every status, NOTRUST included.
    Any,
}

/// How the caller was authorised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccessPath {
    /// Global checking through FACILITY IRR.DIGTCERT.LISTRING.
    Facility,
    /// Ring-specific checking through this RDATALIB profile.
    Rdatalib(String),
}

/// One certificate as the application sees it.
#[derive(Debug, Clone)]
pub struct RingEntry {
    /// Label.
    pub label: String,
    /// Owner.
    pub owner: Owner,
    /// PERSONAL / CERTAUTH / SITE.
    pub usage: String,
    /// DEFAULT.
    pub default: bool,
    /// TRUST / HIGHTRUST / NOTRUST.
    pub status: String,
    /// The certificate, DER.
    pub der: Vec<u8>,
    /// The private key (PKCS#8 DER) when released to this caller.
    pub private_key: Option<Vec<u8>>,
    /// When RACF holds the key of a certificate connected with USAGE(PERSONAL) that was
    /// withheld from this caller: the rule that withheld it and the command(s) that would
    /// release it. `None` for a CERTAUTH- or SITE-usage entry: R_datalib returns no key for
    /// those to anyone (a trust anchor needs none), so nothing is withheld.
    pub key_withheld: Option<String>,
    /// When the key was withheld by an access check: R_datalib's decision path (`None` when
    /// it was withheld because of the connection's USAGE).
    pub key_decision: Option<Decision>,
    /// RACF holds this certificate's private key, whether or not R_datalib returned it.
    pub key_in_racf: bool,
    /// Parsed certificate.
    pub info: CertificateInfo,
}

/// A ring opened by a caller.
#[derive(Debug, Clone)]
pub struct RingView {
    /// Ring owner as RACF names it (user ID, `CERTAUTH`, `SITE`).
    pub owner: String,
    /// Ring name (`*` for a virtual ring).
    pub name: String,
    /// Entries in ring order.
    pub entries: Vec<RingEntry>,
    /// How access was granted.
    pub access: AccessPath,
    /// The user ID that opened the ring.
    pub caller: String,
    /// The ring's NOTRUST certificates that the status filter left out (R_datalib returns
    /// TRUST and HIGHTRUST certificates only to a caller asking for trusted ones), in ring
    /// order, so that a listing can name them.
    pub filtered: Vec<RingEntry>,
    /// Warnings (RCM213W, RCM214W) when the ring or its certificates changed after the last
    /// `SETROPTS RACLIST(DIGTRING|DIGTCERT) REFRESH`: racemu shows them as they are now, where
    /// z/OS may not yet.
    pub stale: Vec<String>,
}

impl RingView {
    /// The ring as [`StatusFilter::Trusted`] opens it: this view without its NOTRUST entries
    /// (the filter drops them and changes nothing else).
    pub fn trusted(&self) -> RingView {
        let notrust = racemu_racf::TrustStatus::NoTrust.to_string();
        let (left_out, entries): (Vec<RingEntry>, Vec<RingEntry>) = self
            .entries
            .iter()
            .cloned()
            .partition(|e| e.status == notrust);
        let mut filtered = self.filtered.clone();
        filtered.extend(left_out);
        RingView {
            entries,
            filtered,
            ..self.clone()
        }
    }

    /// The DEFAULT entry, or the one labelled `label`.
    pub fn entry(&self, label: Option<&str>) -> Option<&RingEntry> {
        match label {
            Some(l) => self.entries.iter().find(|e| e.label == l),
            None => self.entries.iter().find(|e| e.default),
        }
    }
}

fn virtual_owner(o: &str) -> Option<Owner> {
    match o {
        "*AUTH*" | "CERTAUTH" | "IRRCERTA" => Some(Owner::CertAuth),
        "*SITE*" | "SITE" | "IRRSITEC" => Some(Owner::Site),
        _ => None,
    }
}

/// The RDATALIB profile that covers a ring, if ring-specific checking applies.
fn rdatalib_profile(tx: &Tx<'_>, lst: &str) -> StoreResult<Option<String>> {
    let o = profiles::class_options(tx, "RDATALIB")?;
    if !(o.active && o.raclisted) {
        return Ok(None);
    }
    Ok(protecting_profile(tx, "RDATALIB", lst, true)?.map(|(p, _)| p))
}

fn level(tx: &Tx<'_>, caller: &str, class: &str, name: &str) -> StoreResult<Access> {
    Ok(resource_access(tx, caller, class, name)?.unwrap_or(Access::None))
}

/// Opens a ring as `caller` would through R_datalib.
pub fn open_ring(
    store: &mut Store,
    caller: &str,
    r: &RingRef,
    filter: StatusFilter,
) -> Result<RingView, DatalibError> {
    let caller = caller.to_ascii_uppercase();
    store
        .transaction(|tx| Ok::<_, racemu_store::StoreError>(open_in(tx, &caller, r, filter)))
        .map_err(|e| DatalibError::internal(e.detail()))?
}

fn open_in(
    tx: &Tx<'_>,
    caller: &str,
    r: &RingRef,
    filter: StatusFilter,
) -> Result<RingView, DatalibError> {
    let db = |e: racemu_store::StoreError| DatalibError::internal(e.detail());
    let written_owner = r.owner.clone().unwrap_or_else(|| caller.to_string());
    let owner = if r.is_virtual() {
        virtual_owner(&written_owner).unwrap_or(Owner::User(written_owner.clone()))
    } else {
        Owner::User(written_owner.clone())
    };
    let oname = owner.name().to_string();
    let lst = if r.is_virtual() {
        format!("{oname}.IRR_VIRTUAL_KEYRING.LST")
    } else {
        format!("{oname}.{}.LST", r.ring.to_ascii_uppercase())
    };
    let (ring_id, members) = members_of(tx, r, &owner)?;
    let (access, lst_level) = authorize_ring(tx, caller, r, &owner, &lst, &members)?;
    let opening = Opening {
        caller,
        oname: &oname,
        lst: &lst,
        access: &access,
        lst_level,
        special: is_special(tx, caller).map_err(db)?,
        gencert: level(tx, caller, "FACILITY", "IRR.DIGTCERT.GENCERT").map_err(db)?,
    };
    let cert_ids: Vec<i64> = members.iter().map(|(c, _, _)| c.id).collect();
    let stale = stale_warnings(tx, ring_id, &cert_ids, &oname, &r.ring).map_err(db)?;
    let mut entries = Vec::new();
    let mut filtered = Vec::new();
    for (cert, usage, default) in members {
        let left_out =
            filter == StatusFilter::Trusted && cert.status == racemu_racf::TrustStatus::NoTrust;
        let e = entry(tx, &opening, cert, usage, default)?;
        if left_out {
            filtered.push(e);
        } else {
            entries.push(e);
        }
    }
    Ok(RingView {
        owner: oname,
        name: r.ring.clone(),
        entries,
        access,
        caller: caller.to_string(),
        stale,
        filtered,
    })
}

/// A ring member: its certificate, its usage in the ring and whether it is the default.
type Member = (certs::CertRow, Usage, bool);

/// The ring's row ID (`None` for a virtual ring) and its members in order. A real ring must
/// exist; a user must exist (or own certificates) for its virtual ring.
fn members_of(
    tx: &Tx<'_>,
    r: &RingRef,
    owner: &Owner,
) -> Result<(Option<i64>, Vec<Member>), DatalibError> {
    let db = |e: racemu_store::StoreError| DatalibError::internal(e.detail());
    let oname = owner.name().to_string();
    // The ring (real rings must exist; a user must exist for its virtual ring).
    let ring_row = if r.is_virtual() {
        if let Owner::User(u) = &owner {
            let has_certs = !certs::by_owner(tx, &Owner::User(u.clone()))
                .map_err(db)?
                .is_empty();
            if users::get(tx, u).map_err(db)?.is_none() && !has_certs {
                return Err(DatalibError::not_found(format!(
                    "user {u} is not defined to RACF."
                )));
            }
        }
        None
    } else {
        match rings::get(tx, &oname, &r.ring).map_err(db)? {
            Some(row) => Some(row),
            None => {
                return Err(DatalibError::not_found(format!(
                    "{oname} has no ring named {} (ring names are case sensitive).",
                    r.ring
                )))
            }
        }
    };
    // Members: (cert row, usage, default).
    let members: Vec<Member> = match &ring_row {
        Some(row) => {
            let mut v = Vec::new();
            for c in rings::connections(tx, row.id).map_err(db)? {
                if let Some(cert) = certs::by_id(tx, c.cert_id).map_err(db)? {
                    v.push((cert, c.usage, c.is_default));
                }
            }
            v
        }
        None => {
            let usage = match owner {
                Owner::User(_) => Usage::Personal,
                Owner::CertAuth => Usage::CertAuth,
                Owner::Site => Usage::Site,
            };
            certs::by_owner(tx, owner)
                .map_err(db)?
                .into_iter()
                .map(|c| (c, usage, false))
                .collect()
        }
    };
    Ok((ring_row.map(|row| row.id), members))
}

/// R_datalib's check of `caller`'s access to the ring (RDATALIB when a profile covers `lst`,
/// else FACILITY IRR.DIGTCERT.LISTRING): the path taken and the RDATALIB access level
/// (`NONE` on the FACILITY path), or the refusal with its decision path and grant.
fn authorize_ring(
    tx: &Tx<'_>,
    caller: &str,
    r: &RingRef,
    owner: &Owner,
    lst: &str,
    members: &[Member],
) -> Result<(AccessPath, Access), DatalibError> {
    let db = |e: racemu_store::StoreError| DatalibError::internal(e.detail());
    let oname = owner.name();
    let own_ring = oname == caller;
    let rdatalib = rdatalib_profile(tx, lst).map_err(db)?;
    // Through RDATALIB, READ opens the ring; another user's private key needs UPDATE.
    let others_key = members
        .iter()
        .find_map(|(c, usage, _)| match c.owner.clone() {
            Owner::User(u)
                if u != caller && *usage == Usage::Personal && c.private_key.is_some() =>
            {
                Some(u)
            }
            _ => None,
        });
    let lst_needed = if others_key.is_some() {
        Access::Update
    } else {
        Access::Read
    };
    Ok(match &rdatalib {
        Some(p) => {
            let a = level(tx, caller, "RDATALIB", lst).map_err(db)?;
            if a < Access::Read {
                let (needed, why) = match &others_key {
                    Some(u) => (
                        Access::Update,
                        format!(" READ opens the ring; UPDATE also releases {u}'s private key."),
                    ),
                    None => (Access::Read, String::new()),
                };
                let decision =
                    advice::decision(tx, caller, "RDATALIB", lst, a, needed, None).map_err(db)?;
                return Err(DatalibError::not_authorized(
                    format!(
                        "{caller} has {} access to RDATALIB {p}, which protects {lst}.{why} {}.",
                        a.keyword(),
                        advice::grant(tx, caller, "RDATALIB", lst, needed).map_err(db)?
                    ),
                    decision,
                ));
            }
            (AccessPath::Rdatalib(p.clone()), a)
        }
        None => {
            let needed = if own_ring || !matches!(owner, Owner::User(_)) {
                Access::Read
            } else {
                Access::Update
            };
            let a = level(tx, caller, "FACILITY", "IRR.DIGTCERT.LISTRING").map_err(db)?;
            if a < needed {
                let pending = pending_rdatalib(tx, lst).map_err(db)?;
                let note = format!(
                    "Ring-specific checking does not apply: no RDATALIB profile covers {lst}{pending}."
                );
                let decision = advice::decision(
                    tx,
                    caller,
                    "FACILITY",
                    "IRR.DIGTCERT.LISTRING",
                    a,
                    needed,
                    Some(note),
                )
                .map_err(db)?;
                let mut grant =
                    advice::grant(tx, caller, "FACILITY", "IRR.DIGTCERT.LISTRING", needed)
                        .map_err(db)?;
                // Another user's ring: ring-specific checking is the narrower grant.
                let decision = if !own_ring && matches!(owner, Owner::User(_)) {
                    let d = advice::ring_specific(tx, decision, caller, oname, lst, lst_needed)
                        .map_err(db)?;
                    grant = format!("the narrower grant is ring-specific: {}", d.fix.join(", "));
                    d
                } else {
                    decision
                };
                return Err(DatalibError::not_authorized(format!(
                    "{caller} needs {} access to FACILITY IRR.DIGTCERT.LISTRING to read {} ring {oname}/{} (has {}), and no RDATALIB profile covers {lst}{pending}; {grant}.",
                    needed.keyword(),
                    if own_ring { "its own" } else { "another user's" },
                    r.ring,
                    a.keyword(),
                ), decision));
            }
            (AccessPath::Facility, Access::None)
        }
    })
}

/// What R_datalib decided for the whole ring, which each entry's key release depends on.
struct Opening<'a> {
    caller: &'a str,
    /// The ring owner's name (`CERTAUTH`, `SITE` or the user ID).
    oname: &'a str,
    /// The ring's RDATALIB resource, `owner.ring.LST`.
    lst: &'a str,
    access: &'a AccessPath,
    /// The caller's RDATALIB access (`NONE` on the FACILITY path).
    lst_level: Access,
    special: bool,
    /// The caller's access to FACILITY IRR.DIGTCERT.GENCERT.
    gencert: Access,
}

/// The entry for one member as `o.caller` sees it: the private key only where R_datalib
/// releases it, else why it is withheld and the decision path.
fn entry(
    tx: &Tx<'_>,
    o: &Opening<'_>,
    cert: certs::CertRow,
    usage: Usage,
    default: bool,
) -> Result<RingEntry, DatalibError> {
    let db = |e: racemu_store::StoreError| DatalibError::internal(e.detail());
    let Opening {
        caller,
        oname,
        lst,
        access,
        lst_level,
        special,
        gencert,
    } = *o;
    let cert_owner = cert.owner.clone();
    let may_have_key = usage == Usage::Personal
        && match &cert_owner {
            Owner::User(u) => match access {
                AccessPath::Facility => u == caller,
                AccessPath::Rdatalib(_) => {
                    lst_level
                        >= if u == caller {
                            Access::Read
                        } else {
                            Access::Update
                        }
                }
            },
            Owner::CertAuth | Owner::Site => {
                special
                    || match access {
                        AccessPath::Facility => gencert >= Access::Control,
                        AccessPath::Rdatalib(_) => lst_level >= Access::Control,
                    }
            }
        };
    let info = parse_certificate(&cert.der).map_err(DatalibError::internal)?;
    let key_decision = if cert.private_key.is_some() && !may_have_key && usage == Usage::Personal {
        let (class, resource, found, needed) = match (&cert_owner, access) {
            (Owner::User(u), _) => (
                "RDATALIB",
                lst,
                lst_level,
                if u == caller {
                    Access::Read
                } else {
                    Access::Update
                },
            ),
            (_, AccessPath::Facility) => {
                ("FACILITY", "IRR.DIGTCERT.GENCERT", gencert, Access::Control)
            }
            (_, AccessPath::Rdatalib(_)) => ("RDATALIB", lst, lst_level, Access::Control),
        };
        let note = match (&cert_owner, access) {
            (Owner::User(u), AccessPath::Facility) => Some(format!(
                "With global checking (FACILITY IRR.DIGTCERT.LISTRING) only {u}, the certificate's owner, gets its private key; ring-specific checking (RDATALIB {lst}) releases it with UPDATE."
            )),
            (Owner::CertAuth | Owner::Site, _) => Some(format!(
                "A {} private key also goes to a SPECIAL user.",
                cert_owner.operand()
            )),
            _ => None,
        };
        let d = advice::decision(tx, caller, class, resource, found, needed, note).map_err(db)?;
        Some(match (&cert_owner, access) {
            (Owner::User(_), AccessPath::Facility) => {
                advice::ring_specific(tx, d, caller, oname, lst, Access::Update).map_err(db)?
            }
            _ => d,
        })
    } else {
        None
    };
    let key_withheld = if cert.private_key.is_some() && !may_have_key && usage == Usage::Personal {
        let rdatalib = match access {
            AccessPath::Rdatalib(p) => Some(p.as_str()),
            AccessPath::Facility => None,
        };
        Some(advice::withheld(tx, caller, &cert_owner, oname, rdatalib, lst).map_err(db)?)
    } else {
        None
    };
    Ok(RingEntry {
        label: cert.label.clone(),
        owner: cert_owner,
        usage: usage.to_string(),
        default,
        status: cert.status.to_string(),
        private_key: if may_have_key {
            cert.private_key.clone()
        } else {
            None
        },
        key_withheld,
        key_decision,
        key_in_racf: cert.private_key.is_some(),
        der: cert.der,
        info,
    })
}

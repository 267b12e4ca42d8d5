//! Release: whose private keys the caller gets (RACF Callable Services, R_datalib, "RACF
//! authorization",
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.ichd100/dlibauth.htm>).
//!
//! A private key only for a certificate connected with USAGE(PERSONAL): a user's key when the
//! caller owns it (global checking) or has READ (own) / UPDATE (another user's) to the ring's
//! `.LST` profile; a CERTAUTH or SITE key when the caller is SPECIAL, or has CONTROL to
//! FACILITY `IRR.DIGTCERT.GENCERT` (global) or to the `.LST` profile. Every withheld key says
//! what would release it.

use super::decision::Decision;
use super::{advice, AccessPath, DatalibError, RingEntry};
use racemu_pki::parse_certificate;
use racemu_racf::{Access, Owner, Usage};
use racemu_store::{certs, StoreError, StoreResult, Tx};

/// What R_datalib decided for the whole ring, which each entry's key release depends on.
pub(crate) struct Opening<'a> {
    pub caller: &'a str,
    /// The ring owner's name (`CERTAUTH`, `SITE` or the user ID).
    pub oname: &'a str,
    /// The ring's RDATALIB resource, `owner.ring.LST`.
    pub lst: &'a str,
    pub access: &'a AccessPath,
    /// The caller's RDATALIB access (`NONE` on the FACILITY path).
    pub lst_level: Access,
    pub special: bool,
    /// The caller's access to FACILITY IRR.DIGTCERT.GENCERT.
    pub gencert: Access,
}

impl Opening<'_> {
    /// The access to the ring's `.LST` profile that releases a key of `u`'s: READ for one's
    /// own, UPDATE for another user's.
    fn lst_needed_for(&self, u: &str) -> Access {
        if u == self.caller {
            Access::Read
        } else {
            Access::Update
        }
    }

    /// Whether a key of a certificate owned by `owner` and connected with `usage` goes to the
    /// caller.
    fn releases(&self, owner: &Owner, usage: Usage) -> bool {
        usage == Usage::Personal
            && match owner {
                Owner::User(u) => match self.access {
                    AccessPath::Facility => u == self.caller,
                    AccessPath::Rdatalib(_) => self.lst_level >= self.lst_needed_for(u),
                },
                Owner::CertAuth | Owner::Site => {
                    self.special
                        || match self.access {
                            AccessPath::Facility => self.gencert >= Access::Control,
                            AccessPath::Rdatalib(_) => self.lst_level >= Access::Control,
                        }
                }
            }
    }
}

/// The entry for one member as `o.caller` sees it: the private key only where R_datalib
/// releases it, else why it is withheld and the decision path.
pub(crate) fn release(
    tx: &Tx<'_>,
    o: &Opening<'_>,
    cert: certs::CertRow,
    usage: Usage,
    default: bool,
) -> Result<RingEntry, DatalibError> {
    let db = |e: StoreError| DatalibError::internal(e.detail());
    let released = o.releases(&cert.owner, usage);
    let info = parse_certificate(&cert.der).map_err(DatalibError::internal)?;
    let withheld = cert.private_key.is_some() && !released && usage == Usage::Personal;
    let (key_decision, key_withheld) = if withheld {
        (
            Some(key_decision(tx, o, &cert.owner).map_err(db)?),
            Some(withheld_reason(tx, o, &cert.owner).map_err(db)?),
        )
    } else {
        (None, None)
    };
    Ok(RingEntry {
        label: cert.label.clone(),
        owner: cert.owner.clone(),
        usage,
        default,
        status: cert.status,
        private_key: if released {
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

/// R_datalib's decision path for a PERSONAL key of `owner`'s withheld from `o.caller`: the
/// resource checked, the access found and needed, and the commands that would release it
/// (under global checking, the ring-specific fix).
fn key_decision(tx: &Tx<'_>, o: &Opening<'_>, owner: &Owner) -> StoreResult<Decision> {
    let (class, resource, found, needed) = match (owner, o.access) {
        (Owner::User(u), _) => ("RDATALIB", o.lst, o.lst_level, o.lst_needed_for(u)),
        (_, AccessPath::Facility) => (
            "FACILITY",
            "IRR.DIGTCERT.GENCERT",
            o.gencert,
            Access::Control,
        ),
        (_, AccessPath::Rdatalib(_)) => ("RDATALIB", o.lst, o.lst_level, Access::Control),
    };
    let note = match (owner, o.access) {
        (Owner::User(u), AccessPath::Facility) => Some(format!(
            "With global checking (FACILITY IRR.DIGTCERT.LISTRING) only {u}, the certificate's owner, gets its private key; ring-specific checking (RDATALIB {}) releases it with UPDATE.",
            o.lst
        )),
        (Owner::CertAuth | Owner::Site, _) => Some(format!(
            "A {} private key also goes to a SPECIAL user.",
            owner.operand()
        )),
        _ => None,
    };
    let d = advice::decision(tx, o.caller, class, resource, found, needed, note)?;
    Ok(match (owner, o.access) {
        (Owner::User(_), AccessPath::Facility) => {
            advice::ring_specific(tx, d, o.caller, o.oname, o.lst, Access::Update)?
        }
        _ => d,
    })
}

/// Why the PERSONAL key of `owner`'s was withheld from `o.caller`, in a sentence with the
/// commands that would release it.
fn withheld_reason(tx: &Tx<'_>, o: &Opening<'_>, owner: &Owner) -> StoreResult<String> {
    let rdatalib = match o.access {
        AccessPath::Rdatalib(p) => Some(p.as_str()),
        AccessPath::Facility => None,
    };
    advice::withheld(tx, o.caller, owner, o.oname, rdatalib, o.lst)
}

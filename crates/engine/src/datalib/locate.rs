//! Locate: the ring a reference names and its members, before any authority check
//! (RACF Callable Services, R_datalib usage notes, virtual rings:
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ichd100/usgntrdata.htm>).

use super::DatalibError;
use racemu_racf::{Owner, Usage};
use racemu_store::{certs, rings, users, StoreError, Tx};

/// A ring member: its certificate, its usage in the ring and whether it is the default.
pub(crate) type Member = (certs::CertRow, Usage, bool);

/// The ring a caller asked for, found in the database.
pub(crate) struct Located {
    /// The ring's owner (`CERTAUTH`/`SITE` only for their virtual rings).
    pub owner: Owner,
    /// The owner's name as RACF writes it (`CERTAUTH`, `SITE` or the user ID).
    pub oname: String,
    /// The ring's name as written (`*` for a virtual ring).
    pub ring: String,
    /// The RDATALIB resource that guards reading it: `OWNER.RING.LST` (ring name in upper
    /// case), `OWNER.IRR_VIRTUAL_KEYRING.LST` for a virtual ring.
    pub lst: String,
    /// The ring's row ID; `None` for a virtual ring.
    pub ring_id: Option<i64>,
    /// The members in ring order.
    pub members: Vec<Member>,
}

/// The owner a virtual ring's owner operand names: `*AUTH*` (or `CERTAUTH`, `IRRCERTA`) and
/// `*SITE*` (or `SITE`, `IRRSITEC`); `None` for a user ID.
fn virtual_owner(o: &str) -> Option<Owner> {
    match o {
        "*AUTH*" | "CERTAUTH" | "IRRCERTA" => Some(Owner::CertAuth),
        "*SITE*" | "SITE" | "IRRSITEC" => Some(Owner::Site),
        _ => None,
    }
}

/// Finds `owner`'s (the caller's when `None`) ring `ring` (`*` for the virtual ring) and its
/// members. A real ring must exist (8/8/84 otherwise); a user must be defined, or own
/// certificates, for its virtual ring. A virtual ring holds the owner's certificates, with
/// the usage its owner's kind gives (PERSONAL for a user), none of them the default.
pub(crate) fn locate(
    tx: &Tx<'_>,
    caller: &str,
    owner: Option<&str>,
    ring: &str,
) -> Result<Located, DatalibError> {
    let db = |e: StoreError| DatalibError::internal(e.detail());
    let is_virtual = ring == "*";
    let written = owner.unwrap_or(caller).to_string();
    let owner = match virtual_owner(&written) {
        Some(o) if is_virtual => o,
        _ => Owner::User(written),
    };
    let oname = owner.name().to_string();
    let lst = if is_virtual {
        format!("{oname}.IRR_VIRTUAL_KEYRING.LST")
    } else {
        format!("{oname}.{}.LST", ring.to_ascii_uppercase())
    };
    let (ring_id, members) = if is_virtual {
        if let Owner::User(u) = &owner {
            let has_certs = !certs::by_owner(tx, &owner).map_err(db)?.is_empty();
            if users::get(tx, u).map_err(db)?.is_none() && !has_certs {
                return Err(DatalibError::not_found(format!(
                    "user {u} is not defined to RACF."
                )));
            }
        }
        let usage = match owner {
            Owner::User(_) => Usage::Personal,
            Owner::CertAuth => Usage::CertAuth,
            Owner::Site => Usage::Site,
        };
        let members = certs::by_owner(tx, &owner)
            .map_err(db)?
            .into_iter()
            .map(|c| (c, usage, false))
            .collect();
        (None, members)
    } else {
        let Some(row) = rings::get(tx, &oname, ring).map_err(db)? else {
            return Err(DatalibError::not_found(format!(
                "{oname} has no ring named {ring} (ring names are case sensitive)."
            )));
        };
        let mut members = Vec::new();
        for c in rings::connections(tx, row.id).map_err(db)? {
            if let Some(cert) = certs::by_id(tx, c.cert_id).map_err(db)? {
                members.push((cert, c.usage, c.is_default));
            }
        }
        (Some(row.id), members)
    };
    Ok(Located {
        owner,
        oname,
        ring: ring.to_string(),
        lst,
        ring_id,
        members,
    })
}

//! Certificate name filters: the DIGTNMAP profiles RACDCERT MAP defines (label, the user or
//! `irrmulti` they map to, subject and issuer filters, CRITERIA, TRUST or NOTRUST), and their
//! RACLIST image: what they held at the last `SETROPTS RACLIST(DIGTNMAP)` or REFRESH, which
//! is what RACF's certificate-to-user lookup uses while the class is RACLISTed.

use crate::meta;
use crate::rows::columns::Col;
use crate::{StoreResult, Tx};
use racemu_racf::{MapOwner, NameFilter, TrustStatus};
use rusqlite::{params, OptionalExtension};

/// One mapping (one DIGTNMAP profile).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapRow {
    /// The user the filter maps to, or MULTIID.
    pub owner: MapOwner,
    /// The label, unique per owner.
    pub label: String,
    /// SDNFILTER: the subject's name filter, if any.
    pub subject: Option<NameFilter>,
    /// IDNFILTER: the issuer's name filter, if any.
    pub issuer: Option<NameFilter>,
    /// CRITERIA: the DIGTCRIT profile-name template (MULTIID).
    pub criteria: Option<String>,
    /// TRUST or NOTRUST.
    pub status: TrustStatus,
}

impl MapRow {
    /// The DIGTNMAP profile's name as RLIST shows it: the user ID it maps to (or `irrmulti`),
    /// a period and the label, so that the user ID stands under RLIST's NAME heading as the
    /// DISA STIG check reads it (racemu's form; IBM's could not be read, docs/fidelity.md).
    pub fn profile_name(&self) -> String {
        format!("{}.{}", self.owner.internal_id(), self.label)
    }
}

const COLS: &str = "owner, label, subject, issuer, criteria, status";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MapRow> {
    let filter = |s: String| (!s.is_empty()).then(|| NameFilter::from_stored(&s));
    Ok(MapRow {
        owner: MapOwner::from_internal(&r.get::<_, String>(0)?),
        label: r.get(1)?,
        subject: filter(r.get(2)?),
        issuer: filter(r.get(3)?),
        criteria: r.get(4)?,
        status: r.get::<_, Col<TrustStatus>>(5)?.0,
    })
}

fn text(f: &Option<NameFilter>) -> &str {
    f.as_ref().map_or("", NameFilter::as_str)
}

/// Adds a mapping. The caller has checked that the label and the filter pair are free.
pub fn insert(tx: &Tx<'_>, m: &MapRow) -> StoreResult<()> {
    let seq = meta::next_seq(tx)?;
    tx.prepare_cached(
        "INSERT INTO maps (owner, label, subject, issuer, criteria, status, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        m.owner.internal_id(),
        m.label,
        text(&m.subject),
        text(&m.issuer),
        m.criteria,
        Col(m.status),
        seq
    ])?;
    Ok(())
}

/// The mapping `label` of `owner`.
pub fn get(tx: &Tx<'_>, owner: &MapOwner, label: &str) -> StoreResult<Option<MapRow>> {
    Ok(tx
        .prepare_cached(&format!(
            "SELECT {COLS} FROM maps WHERE owner = ?1 AND label = ?2"
        ))?
        .query_row(params![owner.internal_id(), label], row)
        .optional()?)
}

/// Every mapping of `owner`, in the order they were made.
pub fn of_owner(tx: &Tx<'_>, owner: &MapOwner) -> StoreResult<Vec<MapRow>> {
    let mut st = tx.prepare_cached(&format!(
        "SELECT {COLS} FROM maps WHERE owner = ?1 ORDER BY seq"
    ))?;
    let rows = st.query_map([owner.internal_id()], row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The mapping (of any owner) with exactly these subject and issuer filters, from the
/// database as it is now or from the RACLIST image (`snapshot`).
pub fn with_filters(
    tx: &Tx<'_>,
    subject: &str,
    issuer: &str,
    snapshot: bool,
) -> StoreResult<Option<MapRow>> {
    let table = if snapshot { "raclist_maps" } else { "maps" };
    Ok(tx
        .prepare_cached(&format!(
            "SELECT {COLS} FROM {table} WHERE subject = ?1 AND issuer = ?2"
        ))?
        .query_row(params![subject, issuer], row)
        .optional()?)
}

/// Every mapping, live or from the RACLIST image, in profile-name order (subject, issuer).
pub fn all(tx: &Tx<'_>, snapshot: bool) -> StoreResult<Vec<MapRow>> {
    let table = if snapshot { "raclist_maps" } else { "maps" };
    let mut st = tx.prepare_cached(&format!(
        "SELECT {COLS} FROM {table} ORDER BY subject, issuer"
    ))?;
    let rows = st.query_map([], row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces the mapping `label` of `m.owner` with `m` (a new label, status or criteria).
pub fn update(tx: &Tx<'_>, label: &str, m: &MapRow) -> StoreResult<bool> {
    Ok(tx
        .prepare_cached(
            "UPDATE maps SET label = ?3, criteria = ?4, status = ?5 WHERE owner = ?1 AND label = ?2",
        )?
        .execute(params![
            m.owner.internal_id(),
            label,
            m.label,
            m.criteria,
            Col(m.status)
        ])?
        > 0)
}

/// Deletes the mapping `label` of `owner`; whether it existed.
pub fn delete(tx: &Tx<'_>, owner: &MapOwner, label: &str) -> StoreResult<bool> {
    Ok(tx
        .prepare_cached("DELETE FROM maps WHERE owner = ?1 AND label = ?2")?
        .execute(params![owner.internal_id(), label])?
        > 0)
}

/// Deletes every mapping of `owner` (DELUSER, DELMAP without LABEL); how many there were.
pub fn delete_owner(tx: &Tx<'_>, owner: &MapOwner) -> StoreResult<usize> {
    Ok(tx
        .prepare_cached("DELETE FROM maps WHERE owner = ?1")?
        .execute([owner.internal_id()])?)
}

/// Records the mappings as the RACLIST image (SETROPTS RACLIST(DIGTNMAP) and its REFRESH).
pub fn record(tx: &Tx<'_>) -> StoreResult<()> {
    forget(tx)?;
    tx.prepare_cached(&format!(
        "INSERT INTO raclist_maps ({COLS}) SELECT {COLS} FROM maps"
    ))?
    .execute([])?;
    Ok(())
}

/// Forgets the RACLIST image (NORACLIST).
pub fn forget(tx: &Tx<'_>) -> StoreResult<()> {
    tx.prepare_cached("DELETE FROM raclist_maps")?.execute([])?;
    Ok(())
}

/// The APPLDATA of the DIGTCRIT profile `name`, from the RACLIST snapshot (`snapshot`) or the
/// database as it is now; `None` when there is no such profile.
pub fn criteria_appldata(tx: &Tx<'_>, name: &str, snapshot: bool) -> StoreResult<Option<String>> {
    let table = if snapshot {
        "raclist_profiles"
    } else {
        "profiles"
    };
    Ok(tx
        .prepare_cached(&format!(
            "SELECT appldata FROM {table} WHERE class = 'DIGTCRIT' AND name = ?1"
        ))?
        .query_row([name], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .map(Option::unwrap_or_default))
}

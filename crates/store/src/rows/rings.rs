//! Key rings (the DIGTRING profiles) and their connections.

use super::columns::Col;
use super::meta;
use crate::{StoreResult, Tx};
use racemu_racf::Usage;
use rusqlite::{params, OptionalExtension};

/// A ring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingRow {
    /// Row ID.
    pub id: i64,
    /// Owning user ID.
    pub owner: String,
    /// Ring name (case kept).
    pub name: String,
}

/// A certificate connected to a ring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionRow {
    /// The ring.
    pub ring_id: i64,
    /// The certificate.
    pub cert_id: i64,
    /// PERSONAL / CERTAUTH / SITE.
    pub usage: Usage,
    /// DEFAULT.
    pub is_default: bool,
    /// Connection sequence.
    pub seq: i64,
}

/// The ring `owner.name`.
pub fn get(tx: &Tx<'_>, owner: &str, name: &str) -> StoreResult<Option<RingRow>> {
    Ok(tx
        .prepare_cached("SELECT id, owner, name FROM rings WHERE owner = ?1 AND name = ?2")?
        .query_row(params![owner, name], |r| {
            Ok(RingRow {
                id: r.get(0)?,
                owner: r.get(1)?,
                name: r.get(2)?,
            })
        })
        .optional()?)
}

/// Every ring of an owner, in creation order.
pub fn by_owner(tx: &Tx<'_>, owner: &str) -> StoreResult<Vec<RingRow>> {
    let mut st =
        tx.prepare_cached("SELECT id, owner, name FROM rings WHERE owner = ?1 ORDER BY seq")?;
    let rows = st.query_map([owner], |r| {
        Ok(RingRow {
            id: r.get(0)?,
            owner: r.get(1)?,
            name: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Creates a ring.
pub fn add(tx: &Tx<'_>, owner: &str, name: &str) -> StoreResult<i64> {
    let seq = meta::next_seq(tx)?;
    tx.prepare_cached("INSERT INTO rings (owner, name, seq) VALUES (?1, ?2, ?3)")?
        .execute(params![owner, name, seq])?;
    Ok(tx.last_insert_rowid())
}

/// Deletes a ring and its connections.
pub fn delete(tx: &Tx<'_>, id: i64) -> StoreResult<()> {
    tx.prepare_cached("DELETE FROM rings WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Deletes every ring of an owner (DELUSER).
pub fn delete_owner(tx: &Tx<'_>, owner: &str) -> StoreResult<usize> {
    Ok(tx
        .prepare_cached("DELETE FROM rings WHERE owner = ?1")?
        .execute([owner])?)
}

/// Connections of a ring, in connection order.
pub fn connections(tx: &Tx<'_>, ring_id: i64) -> StoreResult<Vec<ConnectionRow>> {
    let mut st = tx.prepare_cached(
        "SELECT ring_id, cert_id, usage, is_default, seq FROM connections WHERE ring_id = ?1 ORDER BY seq",
    )?;
    let rows = st.query_map([ring_id], |r| {
        Ok(ConnectionRow {
            ring_id: r.get(0)?,
            cert_id: r.get(1)?,
            usage: r.get::<_, Col<Usage>>(2)?.0,
            is_default: r.get(3)?,
            seq: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Rings a certificate is connected to, as (ring owner, ring name), in ring owner then
/// ring creation order.
pub fn of_certificate(tx: &Tx<'_>, cert_id: i64) -> StoreResult<Vec<RingRow>> {
    let mut st = tx.prepare_cached(
        "SELECT r.id, r.owner, r.name FROM connections c JOIN rings r ON r.id = c.ring_id
         WHERE c.cert_id = ?1 ORDER BY r.owner, r.seq",
    )?;
    let rows = st.query_map([cert_id], |r| {
        Ok(RingRow {
            id: r.get(0)?,
            owner: r.get(1)?,
            name: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Connects (or re-connects, keeping the original position) a certificate to a ring.
/// A new DEFAULT takes DEFAULT away from the ring's previous default.
pub fn connect(
    tx: &Tx<'_>,
    ring_id: i64,
    cert_id: i64,
    usage: Usage,
    default: bool,
) -> StoreResult<()> {
    if default {
        tx.prepare_cached("UPDATE connections SET is_default = 0 WHERE ring_id = ?1")?
            .execute([ring_id])?;
    }
    let existing: Option<i64> = tx
        .query_row(
            "SELECT seq FROM connections WHERE ring_id = ?1 AND cert_id = ?2",
            params![ring_id, cert_id],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(_) => {
            tx.prepare_cached(
                "UPDATE connections SET usage = ?3, is_default = CASE WHEN ?4 THEN 1 ELSE is_default END WHERE ring_id = ?1 AND cert_id = ?2",
    )?.execute(
                params![ring_id, cert_id, Col(usage), default],
            )?;
        }
        None => {
            let seq = meta::next_seq(tx)?;
            tx.prepare_cached(
                "INSERT INTO connections (ring_id, cert_id, usage, is_default, seq) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?.execute(
                params![ring_id, cert_id, Col(usage), default, seq],
            )?;
        }
    }
    Ok(())
}

/// Removes a certificate from a ring; returns whether it was connected.
pub fn remove(tx: &Tx<'_>, ring_id: i64, cert_id: i64) -> StoreResult<bool> {
    Ok(tx
        .prepare_cached("DELETE FROM connections WHERE ring_id = ?1 AND cert_id = ?2")?
        .execute(params![ring_id, cert_id])?
        > 0)
}

/// ROLLOVER's ring changes: where `from` is connected with PERSONAL usage, `to` takes its
/// place (usage, DEFAULT and position kept, `from` leaves the ring); where `from` is connected
/// with CERTAUTH or SITE usage, `to` is added with the same usage (not as DEFAULT) and `from`
/// stays connected.
pub fn rollover(tx: &Tx<'_>, from: i64, to: i64) -> StoreResult<()> {
    tx.prepare_cached(
        "DELETE FROM connections WHERE cert_id = ?2 AND ring_id IN
           (SELECT ring_id FROM connections WHERE cert_id = ?1 AND usage = 'PERSONAL')",
    )?
    .execute(params![from, to])?;
    tx.prepare_cached(
        "UPDATE connections SET cert_id = ?2 WHERE cert_id = ?1 AND usage = 'PERSONAL'",
    )?
    .execute(params![from, to])?;
    let others: Vec<(i64, Usage)> = {
        let mut st = tx.prepare_cached(
            "SELECT ring_id, usage FROM connections WHERE cert_id = ?1 AND usage <> 'PERSONAL'
               AND ring_id NOT IN (SELECT ring_id FROM connections WHERE cert_id = ?2)
             ORDER BY seq",
        )?;
        let rows = st.query_map(params![from, to], |r| {
            Ok((r.get(0)?, r.get::<_, Col<Usage>>(1)?.0))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (ring_id, usage) in others {
        connect(tx, ring_id, to, usage, false)?;
    }
    Ok(())
}

/// Every ring, in owner then creation order (the DIGTRING profiles).
pub fn all(tx: &Tx<'_>) -> StoreResult<Vec<RingRow>> {
    let mut st = tx.prepare_cached("SELECT id, owner, name FROM rings ORDER BY owner, seq")?;
    let rows = st.query_map([], |r| {
        Ok(RingRow {
            id: r.get(0)?,
            owner: r.get(1)?,
            name: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many ring connections the store holds, over all rings.
pub fn connection_count(tx: &Tx<'_>) -> StoreResult<i64> {
    Ok(tx.query_row("SELECT COUNT(*) FROM connections", [], |r| r.get(0))?)
}

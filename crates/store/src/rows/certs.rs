//! Digital certificates (the DIGTCERT profiles).

use super::columns::Col;
use super::meta;
use crate::{StoreResult, Tx};
use racemu_racf::{Owner, TrustStatus};
use rusqlite::params;

/// A certificate row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertRow {
    /// Row ID.
    pub id: i64,
    /// The certificate's owner.
    pub owner: Owner,
    /// Label (case kept).
    pub label: String,
    /// The certificate, DER.
    pub der: Vec<u8>,
    /// PKCS#8 private key, when RACF holds one.
    pub private_key: Option<Vec<u8>>,
    /// TRUST / NOTRUST / HIGHTRUST.
    pub status: TrustStatus,
    /// Serial number, hex upper case.
    pub serial_hex: String,
    /// Issuer DN, RACF dotted form.
    pub issuer_dn: String,
    /// Subject DN, RACF dotted form.
    pub subject_dn: String,
    /// DIGTCERT profile name (`serial.issuer` with ¢ for blanks).
    pub profile_name: String,
    /// Last serial number issued with this certificate as signer (CERTLSER).
    pub last_serial: i64,
    /// Who created it (the DIGTCERT profile owner).
    pub created_by: String,
    /// Creation sequence.
    pub seq: i64,
}

const COLS: &str = "id, owner, label, der, private_key, status, serial_hex, issuer_dn, subject_dn, profile_name, last_serial, created_by, seq";

fn map(r: &rusqlite::Row<'_>) -> rusqlite::Result<CertRow> {
    Ok(CertRow {
        id: r.get(0)?,
        owner: r.get::<_, Col<Owner>>(1)?.0,
        label: r.get(2)?,
        der: r.get(3)?,
        private_key: r.get(4)?,
        status: r.get::<_, Col<TrustStatus>>(5)?.0,
        serial_hex: r.get(6)?,
        issuer_dn: r.get(7)?,
        subject_dn: r.get(8)?,
        profile_name: r.get(9)?,
        last_serial: r.get(10)?,
        created_by: r.get(11)?,
        seq: r.get(12)?,
    })
}

fn query(tx: &Tx<'_>, where_: &str, p: impl rusqlite::Params) -> StoreResult<Vec<CertRow>> {
    let sql = format!("SELECT {COLS} FROM certificates WHERE {where_}");
    let mut st = tx.prepare_cached(&sql)?;
    let rows = st.query_map(p, map)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The certificate with this owner and label.
pub fn by_label(tx: &Tx<'_>, owner: &Owner, label: &str) -> StoreResult<Option<CertRow>> {
    Ok(
        query(tx, "owner = ?1 AND label = ?2", params![Col(owner), label])?
            .into_iter()
            .next(),
    )
}

/// The certificate with this row ID.
pub fn by_id(tx: &Tx<'_>, id: i64) -> StoreResult<Option<CertRow>> {
    Ok(query(tx, "id = ?1", params![id])?.into_iter().next())
}

/// Certificates of an owner with this serial (and issuer, if given).
pub fn by_serial(tx: &Tx<'_>, owner: &Owner, serial_hex: &str) -> StoreResult<Vec<CertRow>> {
    query(
        tx,
        "owner = ?1 AND serial_hex = ?2 ORDER BY seq",
        params![Col(owner), serial_hex],
    )
}

/// The certificate whose DIGTCERT profile has this name, under any owner.
pub fn by_profile(tx: &Tx<'_>, profile: &str) -> StoreResult<Option<CertRow>> {
    Ok(query(tx, "profile_name = ?1", params![profile])?
        .into_iter()
        .next())
}

/// All certificates of an owner, in creation order.
pub fn by_owner(tx: &Tx<'_>, owner: &Owner) -> StoreResult<Vec<CertRow>> {
    query(tx, "owner = ?1 ORDER BY seq", params![Col(owner)])
}

/// Certificates whose subject DN is `dn` (issuer candidates), in creation order.
pub fn by_subject(tx: &Tx<'_>, dn: &str) -> StoreResult<Vec<CertRow>> {
    query(tx, "subject_dn = ?1 ORDER BY seq", params![dn])
}

/// Certificates whose issuer DN is `dn` (those a CA signed), in creation order.
pub fn by_issuer(tx: &Tx<'_>, dn: &str) -> StoreResult<Vec<CertRow>> {
    query(tx, "issuer_dn = ?1 ORDER BY seq", params![dn])
}

/// Whether the owner already uses this label.
pub fn label_exists(tx: &Tx<'_>, owner: &Owner, label: &str) -> StoreResult<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM certificates WHERE owner = ?1 AND label = ?2)",
        )?
        .query_row(params![Col(owner), label], |r| r.get(0))?)
}

/// Inserts a certificate; returns its row ID. `row.id` and `row.seq` are ignored.
pub fn insert(tx: &Tx<'_>, row: &CertRow) -> StoreResult<i64> {
    let seq = meta::next_seq(tx)?;
    tx.prepare_cached(
        "INSERT INTO certificates (owner, label, der, private_key, status, serial_hex, issuer_dn, subject_dn, profile_name, last_serial, created_by, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?.execute(
        params![Col(&row.owner), row.label, row.der, row.private_key, Col(row.status), row.serial_hex, row.issuer_dn, row.subject_dn, row.profile_name, row.last_serial, row.created_by, seq],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Replaces the certificate of row `id` with `row`'s certificate (renewal by ADD): DER,
/// serial, issuer, subject, profile name, status and private key change; the row ID (and so
/// every ring connection, DEFAULT included), owner, label, serial counter and creation order
/// stay.
pub fn replace(tx: &Tx<'_>, id: i64, row: &CertRow) -> StoreResult<()> {
    tx.prepare_cached(
        "UPDATE certificates SET der = ?2, private_key = ?3, status = ?4, serial_hex = ?5,
           issuer_dn = ?6, subject_dn = ?7, profile_name = ?8 WHERE id = ?1",
    )?
    .execute(params![
        id,
        row.der,
        row.private_key,
        Col(row.status),
        row.serial_hex,
        row.issuer_dn,
        row.subject_dn,
        row.profile_name
    ])?;
    Ok(())
}

/// Sets the signer's last-issued serial number.
pub fn set_last_serial(tx: &Tx<'_>, id: i64, last: i64) -> StoreResult<()> {
    tx.prepare_cached("UPDATE certificates SET last_serial = ?2 WHERE id = ?1")?
        .execute(params![id, last])?;
    Ok(())
}

/// Changes status and/or label.
pub fn alter(
    tx: &Tx<'_>,
    id: i64,
    status: Option<TrustStatus>,
    label: Option<&str>,
) -> StoreResult<()> {
    if let Some(s) = status {
        tx.prepare_cached("UPDATE certificates SET status = ?2 WHERE id = ?1")?
            .execute(params![id, Col(s)])?;
    }
    if let Some(l) = label {
        tx.prepare_cached("UPDATE certificates SET label = ?2 WHERE id = ?1")?
            .execute(params![id, l])?;
    }
    Ok(())
}

/// Removes the private key (ROLLOVER retires the old key).
pub fn drop_private_key(tx: &Tx<'_>, id: i64) -> StoreResult<()> {
    tx.prepare_cached("UPDATE certificates SET private_key = NULL WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Deletes a certificate; its ring connections go with it (foreign key cascade).
pub fn delete(tx: &Tx<'_>, id: i64) -> StoreResult<()> {
    tx.prepare_cached("DELETE FROM certificates WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Deletes every certificate of an owner (DELUSER).
pub fn delete_owner(tx: &Tx<'_>, owner: &Owner) -> StoreResult<usize> {
    Ok(tx
        .prepare_cached("DELETE FROM certificates WHERE owner = ?1")?
        .execute([Col(owner)])?)
}

/// Whether the store holds any certificate.
pub fn any(tx: &Tx<'_>) -> StoreResult<bool> {
    Ok(tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM certificates)")?
        .query_row([], |r| r.get(0))?)
}

/// Every DIGTCERT profile: (profile name, creator, status, owner), in name order.
pub fn profiles(tx: &Tx<'_>) -> StoreResult<Vec<(String, String, TrustStatus, Owner)>> {
    let mut st = tx.prepare_cached(
        "SELECT profile_name, created_by, status, owner FROM certificates ORDER BY profile_name",
    )?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get::<_, Col<TrustStatus>>(2)?.0,
            r.get::<_, Col<Owner>>(3)?.0,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Labels of an owner, in creation order.
pub fn labels(tx: &Tx<'_>, owner: &Owner) -> StoreResult<Vec<String>> {
    let mut st =
        tx.prepare_cached("SELECT label FROM certificates WHERE owner = ?1 ORDER BY seq")?;
    let rows = st.query_map([Col(owner)], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

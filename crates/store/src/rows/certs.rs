//! Digital certificates (the DIGTCERT profiles).

use super::meta;
use crate::{StoreResult, Tx};
use rusqlite::params;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// Who owns a certificate, as the store keeps it: a user ID, or RACF's internal owners
/// `irrcerta` (CERTAUTH) and `irrsitec` (SITE).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    /// A RACF user ID (upper case).
    User(String),
    /// Certificate-authority certificates, stored under `irrcerta`.
    CertAuth,
    /// Site certificates, stored under `irrsitec`.
    Site,
}

impl Owner {
    /// The owner as RACF stores it: the user ID, `irrcerta` or `irrsitec`. Query functions
    /// that take an owner as text take this form.
    pub fn stored(&self) -> &str {
        match self {
            Owner::User(u) => u,
            Owner::CertAuth => "irrcerta",
            Owner::Site => "irrsitec",
        }
    }

    /// The owner from its stored form.
    pub fn from_stored(s: &str) -> Owner {
        match s {
            "irrcerta" => Owner::CertAuth,
            "irrsitec" => Owner::Site,
            u => Owner::User(u.to_string()),
        }
    }
}

impl ToSql for Owner {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.stored()))
    }
}

impl FromSql for Owner {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        Ok(Owner::from_stored(v.as_str()?))
    }
}

/// A certificate's trust status, stored as RACF's keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// TRUST: the certificate may be used.
    Trust,
    /// NOTRUST: the certificate is kept but not to be trusted.
    NoTrust,
    /// HIGHTRUST: a certificate authority's certificate trusted above TRUST.
    HighTrust,
}

impl Status {
    /// RACF's keyword: `TRUST`, `NOTRUST` or `HIGHTRUST`.
    pub fn keyword(self) -> &'static str {
        match self {
            Status::Trust => "TRUST",
            Status::NoTrust => "NOTRUST",
            Status::HighTrust => "HIGHTRUST",
        }
    }

    /// The status a keyword names (upper case); `None` for anything else.
    pub fn from_keyword(k: &str) -> Option<Status> {
        match k {
            "TRUST" => Some(Status::Trust),
            "NOTRUST" => Some(Status::NoTrust),
            "HIGHTRUST" => Some(Status::HighTrust),
            _ => None,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.keyword())
    }
}

impl ToSql for Status {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.keyword()))
    }
}

impl FromSql for Status {
    /// A status column that holds no RACF keyword is a damaged store, reported as an error.
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let k = v.as_str()?;
        Status::from_keyword(k)
            .ok_or_else(|| FromSqlError::Other(format!("unknown certificate status {k:?}").into()))
    }
}

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
    pub status: Status,
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
        owner: r.get(1)?,
        label: r.get(2)?,
        der: r.get(3)?,
        private_key: r.get(4)?,
        status: r.get(5)?,
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
        query(tx, "owner = ?1 AND label = ?2", params![owner, label])?
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
        params![owner, serial_hex],
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
    query(tx, "owner = ?1 ORDER BY seq", params![owner])
}

/// Certificates whose subject DN is `dn` (issuer candidates), in creation order.
pub fn by_subject(tx: &Tx<'_>, dn: &str) -> StoreResult<Vec<CertRow>> {
    query(tx, "subject_dn = ?1 ORDER BY seq", params![dn])
}

/// Whether the owner already uses this label.
pub fn label_exists(tx: &Tx<'_>, owner: &Owner, label: &str) -> StoreResult<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM certificates WHERE owner = ?1 AND label = ?2)",
        )?
        .query_row(params![owner, label], |r| r.get(0))?)
}

/// Inserts a certificate; returns its row ID. `row.id` and `row.seq` are ignored.
pub fn insert(tx: &Tx<'_>, row: &CertRow) -> StoreResult<i64> {
    let seq = meta::next_seq(tx)?;
    tx.prepare_cached(
        "INSERT INTO certificates (owner, label, der, private_key, status, serial_hex, issuer_dn, subject_dn, profile_name, last_serial, created_by, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?.execute(
        params![row.owner, row.label, row.der, row.private_key, row.status, row.serial_hex, row.issuer_dn, row.subject_dn, row.profile_name, row.last_serial, row.created_by, seq],
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
        row.status,
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
pub fn alter(tx: &Tx<'_>, id: i64, status: Option<Status>, label: Option<&str>) -> StoreResult<()> {
    if let Some(s) = status {
        tx.prepare_cached("UPDATE certificates SET status = ?2 WHERE id = ?1")?
            .execute(params![id, s])?;
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
        .execute([owner])?)
}

/// Every DIGTCERT profile: (profile name, creator, status, owner), in name order.
pub fn profiles(tx: &Tx<'_>) -> StoreResult<Vec<(String, String, Status, Owner)>> {
    let mut st = tx.prepare_cached(
        "SELECT profile_name, created_by, status, owner FROM certificates ORDER BY profile_name",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Labels of an owner, in creation order.
pub fn labels(tx: &Tx<'_>, owner: &Owner) -> StoreResult<Vec<String>> {
    let mut st =
        tx.prepare_cached("SELECT label FROM certificates WHERE owner = ?1 ORDER BY seq")?;
    let rows = st.query_map([owner], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    /// Each status is stored as RACF's keyword and read back; a column holding anything else
    /// is reported as an error, not read as some status.
    #[test]
    fn status_is_stored_as_its_keyword_and_unknown_text_is_an_error() {
        let s = Store::open_in_memory().unwrap();
        for st in [Status::Trust, Status::NoTrust, Status::HighTrust] {
            let (text, back): (String, Status) = s
                .read(|tx| tx.query_row("SELECT ?1, ?1", [st], |r| Ok((r.get(0)?, r.get(1)?))))
                .unwrap();
            assert_eq!((text.as_str(), back), (st.keyword(), st));
        }
        let bad = s.read(|tx| tx.query_row("SELECT 'trust'", [], |r| r.get::<_, Status>(0)));
        assert!(bad.is_err());
    }

    /// CERTAUTH and SITE are stored under RACF's internal owner IDs, users under their IDs.
    #[test]
    fn owner_is_stored_as_racf_internal_id() {
        let s = Store::open_in_memory().unwrap();
        for (o, text) in [
            (Owner::CertAuth, "irrcerta"),
            (Owner::Site, "irrsitec"),
            (Owner::User("ALICE".into()), "ALICE"),
        ] {
            let (stored, back): (String, Owner) = s
                .read(|tx| tx.query_row("SELECT ?1, ?1", [&o], |r| Ok((r.get(0)?, r.get(1)?))))
                .unwrap();
            assert_eq!((stored.as_str(), back), (text, o));
        }
    }
}

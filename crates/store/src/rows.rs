//! Typed rows and the queries on them, grouped by RACF concept.
//!
//! Every function takes the open transaction of the command that calls it.

use rusqlite::{params, OptionalExtension, Transaction};

/// Store-wide settings and counters.
pub mod meta {
    use super::*;

    /// Reads a setting.
    pub fn get(tx: &Transaction<'_>, key: &str) -> rusqlite::Result<Option<String>> {
        tx.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
    }

    /// Writes a setting.
    pub fn set(tx: &Transaction<'_>, key: &str, value: &str) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// The next value of the store's creation sequence (orders rings, connections, certificates).
    pub fn next_seq(tx: &Transaction<'_>) -> rusqlite::Result<i64> {
        let n: i64 = tx.query_row(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq' RETURNING CAST(value AS INTEGER)",
            [],
            |r| r.get(0),
        )?;
        Ok(n)
    }
}

/// Digital certificates (the DIGTCERT profiles).
pub mod certs {
    use super::*;

    /// A certificate row.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CertRow {
        /// Row ID.
        pub id: i64,
        /// Owner as stored: user ID, `irrcerta` or `irrsitec`.
        pub owner: String,
        /// Label (case kept).
        pub label: String,
        /// The certificate, DER.
        pub der: Vec<u8>,
        /// PKCS#8 private key, when RACF holds one.
        pub private_key: Option<Vec<u8>>,
        /// TRUST / NOTRUST / HIGHTRUST.
        pub status: String,
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

    fn query(
        tx: &Transaction<'_>,
        where_: &str,
        p: impl rusqlite::Params,
    ) -> rusqlite::Result<Vec<CertRow>> {
        let sql = format!("SELECT {COLS} FROM certificates WHERE {where_}");
        let mut st = tx.prepare_cached(&sql)?;
        let rows = st.query_map(p, map)?;
        rows.collect()
    }

    /// The certificate with this owner and label.
    pub fn by_label(
        tx: &Transaction<'_>,
        owner: &str,
        label: &str,
    ) -> rusqlite::Result<Option<CertRow>> {
        Ok(
            query(tx, "owner = ?1 AND label = ?2", params![owner, label])?
                .into_iter()
                .next(),
        )
    }

    /// The certificate with this row ID.
    pub fn by_id(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<Option<CertRow>> {
        Ok(query(tx, "id = ?1", params![id])?.into_iter().next())
    }

    /// Certificates of an owner with this serial (and issuer, if given).
    pub fn by_serial(
        tx: &Transaction<'_>,
        owner: &str,
        serial_hex: &str,
    ) -> rusqlite::Result<Vec<CertRow>> {
        query(
            tx,
            "owner = ?1 AND serial_hex = ?2 ORDER BY seq",
            params![owner, serial_hex],
        )
    }

    /// The certificate whose DIGTCERT profile has this name, under any owner.
    pub fn by_profile(tx: &Transaction<'_>, profile: &str) -> rusqlite::Result<Option<CertRow>> {
        Ok(query(tx, "profile_name = ?1", params![profile])?
            .into_iter()
            .next())
    }

    /// All certificates of an owner, in creation order.
    pub fn by_owner(tx: &Transaction<'_>, owner: &str) -> rusqlite::Result<Vec<CertRow>> {
        query(tx, "owner = ?1 ORDER BY seq", params![owner])
    }

    /// Certificates whose subject DN is `dn` (issuer candidates), in creation order.
    pub fn by_subject(tx: &Transaction<'_>, dn: &str) -> rusqlite::Result<Vec<CertRow>> {
        query(tx, "subject_dn = ?1 ORDER BY seq", params![dn])
    }

    /// Whether the owner already uses this label.
    pub fn label_exists(tx: &Transaction<'_>, owner: &str, label: &str) -> rusqlite::Result<bool> {
        tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM certificates WHERE owner = ?1 AND label = ?2)",
            params![owner, label],
            |r| r.get(0),
        )
    }

    /// Inserts a certificate; returns its row ID. `row.id` and `row.seq` are ignored.
    pub fn insert(tx: &Transaction<'_>, row: &CertRow) -> rusqlite::Result<i64> {
        let seq = meta::next_seq(tx)?;
        tx.execute(
            "INSERT INTO certificates (owner, label, der, private_key, status, serial_hex, issuer_dn, subject_dn, profile_name, last_serial, created_by, seq)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![row.owner, row.label, row.der, row.private_key, row.status, row.serial_hex, row.issuer_dn, row.subject_dn, row.profile_name, row.last_serial, row.created_by, seq],
        )?;
        Ok(tx.last_insert_rowid())
    }

    /// Sets the signer's last-issued serial number.
    pub fn set_last_serial(tx: &Transaction<'_>, id: i64, last: i64) -> rusqlite::Result<()> {
        tx.execute(
            "UPDATE certificates SET last_serial = ?2 WHERE id = ?1",
            params![id, last],
        )?;
        Ok(())
    }

    /// Changes status and/or label.
    pub fn alter(
        tx: &Transaction<'_>,
        id: i64,
        status: Option<&str>,
        label: Option<&str>,
    ) -> rusqlite::Result<()> {
        if let Some(s) = status {
            tx.execute(
                "UPDATE certificates SET status = ?2 WHERE id = ?1",
                params![id, s],
            )?;
        }
        if let Some(l) = label {
            tx.execute(
                "UPDATE certificates SET label = ?2 WHERE id = ?1",
                params![id, l],
            )?;
        }
        Ok(())
    }

    /// Removes the private key (ROLLOVER retires the old key).
    pub fn drop_private_key(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
        tx.execute(
            "UPDATE certificates SET private_key = NULL WHERE id = ?1",
            [id],
        )?;
        Ok(())
    }

    /// Deletes a certificate; its ring connections go with it (foreign key cascade).
    pub fn delete(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
        tx.execute("DELETE FROM certificates WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Deletes every certificate of an owner (DELUSER).
    pub fn delete_owner(tx: &Transaction<'_>, owner: &str) -> rusqlite::Result<usize> {
        tx.execute("DELETE FROM certificates WHERE owner = ?1", [owner])
    }

    /// Every DIGTCERT profile: (profile name, creator, status, owner), in name order.
    pub fn profiles(
        tx: &Transaction<'_>,
    ) -> rusqlite::Result<Vec<(String, String, String, String)>> {
        let mut st = tx.prepare_cached("SELECT profile_name, created_by, status, owner FROM certificates ORDER BY profile_name")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect()
    }

    /// Labels of an owner (completion).
    pub fn labels(conn: &rusqlite::Connection, owner: &str) -> rusqlite::Result<Vec<String>> {
        let mut st =
            conn.prepare_cached("SELECT label FROM certificates WHERE owner = ?1 ORDER BY seq")?;
        let rows = st.query_map([owner], |r| r.get(0))?;
        rows.collect()
    }
}

/// Key rings (the DIGTRING profiles) and their connections.
pub mod rings {
    use super::*;

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
        pub usage: String,
        /// DEFAULT.
        pub is_default: bool,
        /// Connection sequence.
        pub seq: i64,
    }

    /// The ring `owner.name`.
    pub fn get(tx: &Transaction<'_>, owner: &str, name: &str) -> rusqlite::Result<Option<RingRow>> {
        tx.query_row(
            "SELECT id, owner, name FROM rings WHERE owner = ?1 AND name = ?2",
            params![owner, name],
            |r| {
                Ok(RingRow {
                    id: r.get(0)?,
                    owner: r.get(1)?,
                    name: r.get(2)?,
                })
            },
        )
        .optional()
    }

    /// Every ring of an owner, in creation order.
    pub fn by_owner(tx: &Transaction<'_>, owner: &str) -> rusqlite::Result<Vec<RingRow>> {
        let mut st =
            tx.prepare_cached("SELECT id, owner, name FROM rings WHERE owner = ?1 ORDER BY seq")?;
        let rows = st.query_map([owner], |r| {
            Ok(RingRow {
                id: r.get(0)?,
                owner: r.get(1)?,
                name: r.get(2)?,
            })
        })?;
        rows.collect()
    }

    /// Creates a ring.
    pub fn add(tx: &Transaction<'_>, owner: &str, name: &str) -> rusqlite::Result<i64> {
        let seq = meta::next_seq(tx)?;
        tx.execute(
            "INSERT INTO rings (owner, name, seq) VALUES (?1, ?2, ?3)",
            params![owner, name, seq],
        )?;
        Ok(tx.last_insert_rowid())
    }

    /// Deletes a ring and its connections.
    pub fn delete(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
        tx.execute("DELETE FROM rings WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Deletes every ring of an owner (DELUSER).
    pub fn delete_owner(tx: &Transaction<'_>, owner: &str) -> rusqlite::Result<usize> {
        tx.execute("DELETE FROM rings WHERE owner = ?1", [owner])
    }

    /// Connections of a ring, in connection order.
    pub fn connections(tx: &Transaction<'_>, ring_id: i64) -> rusqlite::Result<Vec<ConnectionRow>> {
        let mut st = tx.prepare_cached(
            "SELECT ring_id, cert_id, usage, is_default, seq FROM connections WHERE ring_id = ?1 ORDER BY seq",
        )?;
        let rows = st.query_map([ring_id], |r| {
            Ok(ConnectionRow {
                ring_id: r.get(0)?,
                cert_id: r.get(1)?,
                usage: r.get(2)?,
                is_default: r.get(3)?,
                seq: r.get(4)?,
            })
        })?;
        rows.collect()
    }

    /// Rings a certificate is connected to, as (ring owner, ring name), in ring owner then
    /// ring creation order.
    pub fn of_certificate(tx: &Transaction<'_>, cert_id: i64) -> rusqlite::Result<Vec<RingRow>> {
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
        rows.collect()
    }

    /// Connects (or re-connects, keeping the original position) a certificate to a ring.
    /// A new DEFAULT takes DEFAULT away from the ring's previous default.
    pub fn connect(
        tx: &Transaction<'_>,
        ring_id: i64,
        cert_id: i64,
        usage: &str,
        default: bool,
    ) -> rusqlite::Result<()> {
        if default {
            tx.execute(
                "UPDATE connections SET is_default = 0 WHERE ring_id = ?1",
                [ring_id],
            )?;
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
                tx.execute(
                    "UPDATE connections SET usage = ?3, is_default = CASE WHEN ?4 THEN 1 ELSE is_default END WHERE ring_id = ?1 AND cert_id = ?2",
                    params![ring_id, cert_id, usage, default],
                )?;
            }
            None => {
                let seq = meta::next_seq(tx)?;
                tx.execute(
                    "INSERT INTO connections (ring_id, cert_id, usage, is_default, seq) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![ring_id, cert_id, usage, default, seq],
                )?;
            }
        }
        Ok(())
    }

    /// Removes a certificate from a ring; returns whether it was connected.
    pub fn remove(tx: &Transaction<'_>, ring_id: i64, cert_id: i64) -> rusqlite::Result<bool> {
        Ok(tx.execute(
            "DELETE FROM connections WHERE ring_id = ?1 AND cert_id = ?2",
            params![ring_id, cert_id],
        )? > 0)
    }

    /// Moves every connection of `from` to `to`, keeping usage, DEFAULT and position (ROLLOVER).
    pub fn transfer(tx: &Transaction<'_>, from: i64, to: i64) -> rusqlite::Result<()> {
        tx.execute("DELETE FROM connections WHERE cert_id = ?2 AND ring_id IN (SELECT ring_id FROM connections WHERE cert_id = ?1)", params![from, to])?;
        tx.execute(
            "UPDATE connections SET cert_id = ?2 WHERE cert_id = ?1",
            params![from, to],
        )?;
        Ok(())
    }

    /// Every ring, in owner then creation order (the DIGTRING profiles).
    pub fn all(tx: &Transaction<'_>) -> rusqlite::Result<Vec<RingRow>> {
        let mut st = tx.prepare_cached("SELECT id, owner, name FROM rings ORDER BY owner, seq")?;
        let rows = st.query_map([], |r| {
            Ok(RingRow {
                id: r.get(0)?,
                owner: r.get(1)?,
                name: r.get(2)?,
            })
        })?;
        rows.collect()
    }

    /// Ring names of an owner (completion).
    pub fn names(conn: &rusqlite::Connection, owner: &str) -> rusqlite::Result<Vec<String>> {
        let mut st = conn.prepare_cached("SELECT name FROM rings WHERE owner = ?1 ORDER BY seq")?;
        let rows = st.query_map([owner], |r| r.get(0))?;
        rows.collect()
    }
}

/// Data sets.
pub mod datasets {
    use super::*;

    /// A data set.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Dataset {
        /// Fully qualified name.
        pub dsn: String,
        /// RECFM.
        pub recfm: String,
        /// LRECL.
        pub lrecl: i64,
        /// Contents.
        pub data: Vec<u8>,
    }

    /// Whether `dsn` is a valid fully qualified data set name, as z/OS checks it: qualifiers of
    /// 1–8 characters, the first alphabetic or national (`@ # $`), the rest alphanumeric,
    /// national or hyphen; 44 characters in all.
    pub fn valid_name(dsn: &str) -> bool {
        dsn.len() <= 44
            && dsn.split('.').all(|q| {
                let b = q.as_bytes();
                !b.is_empty()
                    && b.len() <= 8
                    && (b[0].is_ascii_alphabetic() || b"@#$".contains(&b[0]))
                    && b[1..]
                        .iter()
                        .all(|c| c.is_ascii_alphanumeric() || b"@#$-".contains(c))
            })
    }

    impl Dataset {
        /// A data set holding `data`: RECFM=VB LRECL=84 for binary content (as RACF's
        /// PKCS#12 data sets are), FB 80 for text.
        pub fn holding(dsn: &str, data: Vec<u8>) -> Dataset {
            let binary = data.iter().any(|b| *b == 0 || *b > 0x7f);
            Dataset {
                dsn: dsn.to_string(),
                recfm: if binary { "VB".into() } else { "FB".into() },
                lrecl: if binary { 84 } else { 80 },
                data,
            }
        }
    }

    /// The data set, if cataloged.
    pub fn get(tx: &Transaction<'_>, dsn: &str) -> rusqlite::Result<Option<Dataset>> {
        tx.query_row(
            "SELECT dsn, recfm, lrecl, data FROM datasets WHERE dsn = ?1",
            [dsn],
            |r| {
                Ok(Dataset {
                    dsn: r.get(0)?,
                    recfm: r.get(1)?,
                    lrecl: r.get(2)?,
                    data: r.get(3)?,
                })
            },
        )
        .optional()
    }

    /// Writes (creating or replacing) a data set.
    pub fn put(tx: &Transaction<'_>, d: &Dataset, created: &str) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT INTO datasets (dsn, recfm, lrecl, data, created) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (dsn) DO UPDATE SET recfm = excluded.recfm, lrecl = excluded.lrecl, data = excluded.data",
            params![d.dsn, d.recfm, d.lrecl, d.data, created],
        )?;
        Ok(())
    }

    /// Deletes a data set; returns whether it existed.
    pub fn delete(tx: &Transaction<'_>, dsn: &str) -> rusqlite::Result<bool> {
        Ok(tx.execute("DELETE FROM datasets WHERE dsn = ?1", [dsn])? > 0)
    }

    /// Names matching a SQL LIKE pattern, in order.
    pub fn list(
        tx: &Transaction<'_>,
        like: &str,
    ) -> rusqlite::Result<Vec<(String, String, i64, i64)>> {
        let mut st = tx.prepare_cached("SELECT dsn, recfm, lrecl, length(data) FROM datasets WHERE dsn LIKE ?1 ESCAPE '\\' ORDER BY dsn")?;
        let rows = st.query_map([like], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect()
    }
}

//! Data sets: sequential data sets and partitioned data sets (PDS) with members.
//!
//! A name is written as z/OS writes it: `HLQ.QUAL` for a data set, `HLQ.QUAL(MEMBER)` for a
//! member of a partitioned one. Every function here takes such a name, already fully
//! qualified (TSO prefixing happens above the store).
//!
//! Guarantees:
//! * A name is checked with [`DsName::parse`] before it reaches SQL; an invalid name is an
//!   error, never a silently empty result.
//! * Writing a member of a data set that does not exist yet allocates it as a PDS (as an
//!   upload to a new member does); writing a member of a sequential data set, or writing a PDS
//!   as a whole, is refused with [`DatasetError::NotPartitioned`] / [`DatasetError::Partitioned`].
//! * Deleting a PDS deletes its members.

use crate::dslevel::Pattern;
use crate::{StoreResult, Tx};
use rusqlite::{params, OptionalExtension};

/// A data set's organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dsorg {
    /// Physical sequential (`PS`).
    Sequential,
    /// Partitioned (`PO`): a PDS with members.
    Partitioned,
}

impl Dsorg {
    /// The DSORG value as ISPF 3.4 and LISTCAT show it.
    pub fn code(self) -> &'static str {
        match self {
            Dsorg::Sequential => "PS",
            Dsorg::Partitioned => "PO",
        }
    }
}

/// A data set (or, for a member, the member's contents with its PDS's attributes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    /// Fully qualified name, with `(MEMBER)` for a member.
    pub dsn: String,
    /// RECFM.
    pub recfm: String,
    /// LRECL.
    pub lrecl: i64,
    /// Contents (empty for a PDS as a whole).
    pub data: Vec<u8>,
}

/// Why a data set operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// The name breaks z/OS's rules for data set or member names.
    #[error("{0} is not a valid data set name")]
    InvalidName(String),
    /// A member was named, but the data set is sequential.
    #[error("{0} is not a partitioned data set: it has no members")]
    NotPartitioned(String),
    /// The data set is partitioned and was named without a member.
    #[error("{0} is a partitioned data set: name one of its members")]
    Partitioned(String),
    /// The store failed.
    #[error("{0}")]
    Store(#[from] crate::StoreError),
}

impl From<rusqlite::Error> for DatasetError {
    fn from(e: rusqlite::Error) -> Self {
        DatasetError::Store(e.into())
    }
}

pub use racemu_racf::DsName;

/// Whether `dsn` is a valid fully qualified data set name, with or without a member, as z/OS
/// checks it (see [`DsName::parse`]).
pub fn valid_name(dsn: &str) -> bool {
    DsName::parse(dsn).is_some()
}

fn parse(name: &str) -> Result<DsName, DatasetError> {
    DsName::parse(name).ok_or_else(|| DatasetError::InvalidName(name.to_string()))
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

/// The organisation of data set `dsn` (no member), if it is cataloged.
pub fn dsorg(tx: &Tx<'_>, dsn: &str) -> StoreResult<Option<Dsorg>> {
    let org: Option<String> = tx
        .prepare_cached("SELECT dsorg FROM datasets WHERE dsn = ?1")?
        .query_row([dsn], |r| r.get(0))
        .optional()?;
    Ok(org.map(|o| {
        if o == "PO" {
            Dsorg::Partitioned
        } else {
            Dsorg::Sequential
        }
    }))
}

/// Whether `name` (a data set, or a member of one) exists.
pub fn exists(tx: &Tx<'_>, name: &str) -> Result<bool, DatasetError> {
    Ok(match get(tx, name) {
        Ok(d) => d.is_some(),
        Err(DatasetError::Partitioned(_)) => true,
        Err(DatasetError::NotPartitioned(_)) => false,
        Err(e) => return Err(e),
    })
}

/// The data set or member, if cataloged. Naming a PDS without a member is
/// [`DatasetError::Partitioned`]; naming a member of a sequential data set is
/// [`DatasetError::NotPartitioned`].
pub fn get(tx: &Tx<'_>, name: &str) -> Result<Option<Dataset>, DatasetError> {
    let n = parse(name)?;
    let row = tx
        .prepare_cached("SELECT recfm, lrecl, data, dsorg FROM datasets WHERE dsn = ?1")?
        .query_row([&n.dsn], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })
        .optional()?;
    let Some((recfm, lrecl, data, org)) = row else {
        return Ok(None);
    };
    match (&n.member, org == "PO") {
        (None, false) => Ok(Some(Dataset {
            dsn: n.dsn,
            recfm,
            lrecl,
            data,
        })),
        (None, true) => Err(DatasetError::Partitioned(n.dsn)),
        (Some(_), false) => Err(DatasetError::NotPartitioned(n.dsn)),
        (Some(m), true) => {
            let data: Option<Vec<u8>> = tx
                .prepare_cached("SELECT data FROM members WHERE dsn = ?1 AND member = ?2")?
                .query_row([&n.dsn, m], |r| r.get(0))
                .optional()?;
            Ok(data.map(|data| Dataset {
                dsn: n.to_string(),
                recfm,
                lrecl,
                data,
            }))
        }
    }
}

/// Writes (creating or replacing) a data set or member. A member of a data set that does not
/// exist allocates the PDS with the member's RECFM and LRECL.
pub fn put(tx: &Tx<'_>, d: &Dataset, created: &str) -> Result<(), DatasetError> {
    let n = parse(&d.dsn)?;
    let org = dsorg(tx, &n.dsn)?;
    match (&n.member, org) {
        (None, Some(Dsorg::Partitioned)) => Err(DatasetError::Partitioned(n.dsn)),
        (None, _) => {
            tx.prepare_cached(
                "INSERT INTO datasets (dsn, recfm, lrecl, data, created, dsorg) VALUES (?1, ?2, ?3, ?4, ?5, 'PS')
                 ON CONFLICT (dsn) DO UPDATE SET recfm = excluded.recfm, lrecl = excluded.lrecl, data = excluded.data",
            )?
            .execute(params![n.dsn, d.recfm, d.lrecl, d.data, created])?;
            Ok(())
        }
        (Some(_), Some(Dsorg::Sequential)) => Err(DatasetError::NotPartitioned(n.dsn)),
        (Some(m), org) => {
            if org.is_none() {
                allocate_pds(tx, &n.dsn, &d.recfm, d.lrecl, created)?;
            }
            tx.prepare_cached(
                "INSERT INTO members (dsn, member, data, created) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (dsn, member) DO UPDATE SET data = excluded.data",
            )?
            .execute(params![n.dsn, m, d.data, created])?;
            Ok(())
        }
    }
}

/// Allocates an empty PDS (`DSORG=PO`); a data set of that name must not exist.
pub fn allocate_pds(
    tx: &Tx<'_>,
    dsn: &str,
    recfm: &str,
    lrecl: i64,
    created: &str,
) -> Result<(), DatasetError> {
    let n = parse(dsn)?;
    tx.prepare_cached(
        "INSERT INTO datasets (dsn, recfm, lrecl, data, created, dsorg) VALUES (?1, ?2, ?3, x'', ?4, 'PO')",
    )?
    .execute(params![n.dsn, recfm, lrecl, created])?;
    Ok(())
}

/// Deletes a data set (a PDS with all its members) or one member; returns whether it existed.
pub fn delete(tx: &Tx<'_>, name: &str) -> Result<bool, DatasetError> {
    let n = parse(name)?;
    Ok(match &n.member {
        None => {
            tx.execute("DELETE FROM members WHERE dsn = ?1", [&n.dsn])?;
            tx.execute("DELETE FROM datasets WHERE dsn = ?1", [&n.dsn])? > 0
        }
        Some(m) => {
            tx.execute(
                "DELETE FROM members WHERE dsn = ?1 AND member = ?2",
                [&n.dsn, m],
            )? > 0
        }
    })
}

/// One row of a data set listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The data set name.
    pub dsn: String,
    /// Its organisation.
    pub dsorg: Dsorg,
    /// RECFM.
    pub recfm: String,
    /// LRECL.
    pub lrecl: i64,
    /// Bytes held (for a PDS, all members together).
    pub bytes: i64,
    /// The member count of a PDS (0 for a sequential data set).
    pub members: i64,
}

/// Data sets whose names match `pattern` (every data set when `None`), in name order: (name,
/// RECFM, LRECL, bytes held). The pattern is a catalog filter: `*` within one qualifier, `**`
/// any qualifiers, `%` one character ([`Pattern`]).
pub fn list(
    tx: &Tx<'_>,
    pattern: Option<&Pattern>,
) -> StoreResult<Vec<(String, String, i64, i64)>> {
    let like = pattern.map_or_else(|| "%".to_string(), Pattern::like);
    Ok(catalog(tx, &like)?
        .into_iter()
        .filter(|l| pattern.is_none_or(|p| p.matches(&l.dsn)))
        .map(|l| (l.dsn, l.recfm, l.lrecl, l.bytes))
        .collect())
}

/// Data sets whose names match a SQL LIKE pattern (`\\` escapes), in name order, with their
/// organisation and member counts.
fn catalog(tx: &Tx<'_>, like: &str) -> StoreResult<Vec<Listed>> {
    let mut st = tx.prepare_cached(
        "SELECT d.dsn, d.dsorg, d.recfm, d.lrecl,
                length(d.data) + coalesce((SELECT sum(length(m.data)) FROM members m WHERE m.dsn = d.dsn), 0),
                (SELECT count(*) FROM members m WHERE m.dsn = d.dsn)
         FROM datasets d WHERE d.dsn LIKE ?1 ESCAPE '\\' ORDER BY d.dsn",
    )?;
    let rows = st.query_map([like], |r| {
        let org: String = r.get(1)?;
        Ok(Listed {
            dsn: r.get(0)?,
            dsorg: if org == "PO" {
                Dsorg::Partitioned
            } else {
                Dsorg::Sequential
            },
            recfm: r.get(2)?,
            lrecl: r.get(3)?,
            bytes: r.get(4)?,
            members: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The members of PDS `dsn` with their sizes, in name order.
pub fn members(tx: &Tx<'_>, dsn: &str) -> StoreResult<Vec<(String, i64)>> {
    let mut st = tx.prepare_cached(
        "SELECT member, length(data) FROM members WHERE dsn = ?1 ORDER BY member",
    )?;
    let rows = st.query_map([dsn], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Brings an older store's data set tables up to this layout (members and DSORG): schema V4.
/// Safe to run twice (a store made while V4 was being written may have either already).
pub(crate) fn migrate(tx: &Tx<'_>) -> StoreResult<()> {
    let has_dsorg: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('datasets') WHERE name = 'dsorg')",
        [],
        |r| r.get(0),
    )?;
    if !has_dsorg {
        tx.execute_batch("ALTER TABLE datasets ADD COLUMN dsorg TEXT NOT NULL DEFAULT 'PS';")?;
    }
    Ok(tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS members (
             dsn     TEXT NOT NULL,
             member  TEXT NOT NULL,
             data    BLOB NOT NULL,
             created TEXT NOT NULL,
             PRIMARY KEY (dsn, member)
         );",
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn with<T>(f: impl FnOnce(&Tx<'_>) -> T) -> T {
        let mut s = Store::open_in_memory().unwrap();
        let mut f = Some(f);
        s.transaction(|tx| Ok::<_, crate::StoreError>(f.take().unwrap()(tx)))
            .unwrap()
    }

    #[test]
    fn names_follow_zos_rules() {
        for ok in [
            "A.B",
            "IBMUSER.RACF.CNTL(KEYRING)",
            "$A.#B.@C(@1#$)",
            "A-B.C(M)",
        ] {
            assert!(valid_name(ok), "{ok}");
        }
        for bad in [
            "A..B",
            "1A.B",
            "A.B(1M)",
            "A.B(M-1)",
            "A.B(TOOLONGMM)",
            "A.B()",
            "A.B(M",
            "A.B(M)X",
            "ABCDEFGHI.B",
        ] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn members_live_in_their_pds() {
        with(|tx| {
            let m = Dataset::holding("IBMUSER.RACF.CNTL(KEYRING)", b"RACDCERT LIST\n".to_vec());
            put(tx, &m, "2026-11-25").unwrap();
            assert_eq!(
                dsorg(tx, "IBMUSER.RACF.CNTL").unwrap(),
                Some(Dsorg::Partitioned)
            );
            assert_eq!(get(tx, "IBMUSER.RACF.CNTL(KEYRING)").unwrap(), Some(m));
            assert!(get(tx, "IBMUSER.RACF.CNTL(OTHER)").unwrap().is_none());
            assert!(matches!(
                get(tx, "IBMUSER.RACF.CNTL"),
                Err(DatasetError::Partitioned(_))
            ));
            let seq = Dataset::holding("IBMUSER.SEQ", b"x\n".to_vec());
            put(tx, &seq, "2026-11-25").unwrap();
            let into_seq = Dataset::holding("IBMUSER.SEQ(M)", b"x\n".to_vec());
            assert!(matches!(
                put(tx, &into_seq, "2026-11-25"),
                Err(DatasetError::NotPartitioned(_))
            ));
            assert_eq!(members(tx, "IBMUSER.RACF.CNTL").unwrap().len(), 1);
            let listed = catalog(tx, "IBMUSER.%").unwrap();
            assert_eq!(listed.len(), 2);
            assert_eq!(listed[0].members, 1);
            assert!(delete(tx, "IBMUSER.RACF.CNTL").unwrap());
            assert!(get(tx, "IBMUSER.RACF.CNTL(KEYRING)").unwrap().is_none());
            assert!(members(tx, "IBMUSER.RACF.CNTL").unwrap().is_empty());
        });
    }
}

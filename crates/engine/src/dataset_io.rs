//! Data sets read, written, listed and deleted on a user's behalf (z/OSMF's restfiles), as
//! engine operations: each open is RACF's decision ([`open_check`]: READ to read, UPDATE to
//! replace, ALTER to create or delete) taken in the same transaction as the operation;
//! callers never open the store.
//!
//! Guarantees:
//! * Reads run outside any write transaction ([`racemu_store::Store::read`]), so they neither
//!   take nor wait for the writer's lock; writes and deletes are one write transaction.
//! * A refused open changes nothing and carries RACF's ICH408I.

use crate::authority::dataset::{open_check, OpenCheck};
use crate::Engine;
use racemu_racf::Access;
use racemu_store::datasets::{self, Dataset, DatasetError, Dsorg};
use racemu_store::dslevel::Pattern;
use racemu_store::StoreResult;

/// An operation on a data set: refused by RACF, or done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened<T> {
    /// RACF refused the access asked for; nothing was done.
    Refused {
        /// The access the operation needed.
        needed: Access,
        /// RACF's decision, with its ICH408I.
        check: OpenCheck,
    },
    /// The operation's outcome.
    Done(T),
}

/// One data set of a catalog listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEntry {
    /// The data set name.
    pub dsname: String,
    /// Its record format.
    pub recfm: String,
    /// Its record length.
    pub lrecl: i64,
    /// Sequential or partitioned.
    pub dsorg: Dsorg,
}

/// What a data set holds by way of members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Members {
    /// The data set is not cataloged.
    NotCataloged,
    /// The data set is sequential: no members.
    Sequential,
    /// A partitioned data set's members with their sizes, in name order.
    Partitioned(Vec<(String, i64)>),
}

impl Engine {
    /// The data sets whose names match `pattern`, in name order (a catalog search: no data
    /// set is opened).
    pub fn catalog(&self, pattern: &Pattern) -> StoreResult<Vec<CatalogEntry>> {
        self.store.read(|tx| {
            let mut rows = Vec::new();
            for (dsname, recfm, lrecl, _) in datasets::list(tx, Some(pattern))? {
                let dsorg = datasets::dsorg(tx, &dsname)?.unwrap_or(Dsorg::Sequential);
                rows.push(CatalogEntry {
                    dsname,
                    recfm,
                    lrecl,
                    dsorg,
                });
            }
            Ok(rows)
        })
    }

    /// Data set (or member) `dsn` as `user` reads it (READ): `None` inside when it is not
    /// there.
    pub fn read_dataset_as(
        &self,
        user: &str,
        dsn: &str,
    ) -> Result<Opened<Option<Dataset>>, DatasetError> {
        self.store.read(|tx| {
            let check = open_check(tx, user, dsn, Access::Read)?;
            if !check.granted {
                return Ok(Opened::Refused {
                    needed: Access::Read,
                    check,
                });
            }
            Ok(Opened::Done(datasets::get(tx, dsn)?))
        })
    }

    /// Writes `data` to data set (or member) `dsn` as `user`, dated today: UPDATE to replace
    /// it, ALTER to create it. Done(true) when it was created.
    pub fn write_dataset_as(
        &mut self,
        user: &str,
        dsn: &str,
        data: Vec<u8>,
    ) -> Result<Opened<bool>, DatasetError> {
        let today = self.clock.now().date().to_string();
        let d = Dataset::holding(dsn, data);
        self.store.transaction(|tx| {
            let existed = datasets::exists(tx, dsn)?;
            let needed = if existed {
                Access::Update
            } else {
                Access::Alter
            };
            let check = open_check(tx, user, dsn, needed)?;
            if !check.granted {
                return Ok(Opened::Refused { needed, check });
            }
            datasets::put(tx, &d, &today)?;
            Ok(Opened::Done(!existed))
        })
    }

    /// Deletes (scratches) data set `dsn`, a PDS with its members, or a member, as `user`
    /// (ALTER). Done(false) when it was not there.
    pub fn delete_dataset_as(
        &mut self,
        user: &str,
        dsn: &str,
    ) -> Result<Opened<bool>, DatasetError> {
        self.store.transaction(|tx| {
            let check = open_check(tx, user, dsn, Access::Alter)?;
            if !check.granted {
                return Ok(Opened::Refused {
                    needed: Access::Alter,
                    check,
                });
            }
            Ok(Opened::Done(datasets::delete(tx, dsn)?))
        })
    }

    /// The members of data set `dsn` (a directory listing: no data set is opened).
    pub fn members(&self, dsn: &str) -> StoreResult<Members> {
        self.store.read(|tx| {
            Ok(match datasets::dsorg(tx, dsn)? {
                None => Members::NotCataloged,
                Some(Dsorg::Sequential) => Members::Sequential,
                Some(Dsorg::Partitioned) => Members::Partitioned(datasets::members(tx, dsn)?),
            })
        })
    }
}

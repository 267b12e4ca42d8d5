//! Data sets read, written, listed and deleted on a user's behalf (z/OSMF's restfiles and
//! `racemu ds`), as engine operations: each open is the engine's one data set open check
//! ([`open_dataset_in`]: READ to read, UPDATE to replace, ALTER to create or delete), taken
//! in the same transaction as the operation, in the caller's address space (the z/OSMF
//! server's in-storage generic profiles, [`AddressSpace`]); callers never open the store.
//!
//! Guarantees:
//! * Reads run outside any write transaction ([`racemu_store::Store::read`]), so they neither
//!   take nor wait for the writer's lock; writes and deletes are one write transaction.
//! * A refused open changes nothing and carries RACF's ICH408I; a grant by WARNING carries
//!   the warning ICH408I beside the outcome.

use crate::authority::address_space::AddressSpace;
use crate::authority::dataset_open::{open_dataset_in, Intent, Opened};
use crate::Engine;
use racemu_store::datasets::{self, Dataset, DatasetError, Dsorg};
use racemu_store::dslevel::Pattern;
use racemu_store::StoreResult;

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

    /// Data set (or member) `dsn` as `user` reads it (READ) in address space `space`:
    /// `None` inside when it is not there.
    pub fn read_dataset_as(
        &self,
        space: Option<&mut AddressSpace>,
        user: &str,
        dsn: &str,
    ) -> Result<Opened<Option<Dataset>>, DatasetError> {
        self.store.read(|tx| {
            open_dataset_in(tx, space, user, dsn, Intent::Read, || {
                datasets::get(tx, dsn)
            })
        })
    }

    /// Writes `data` to data set (or member) `dsn` as `user` in address space `space`, dated
    /// today: UPDATE to replace it, ALTER to create it. The grant's value is true when it was
    /// created.
    pub fn write_dataset_as(
        &mut self,
        mut space: Option<&mut AddressSpace>,
        user: &str,
        dsn: &str,
        data: Vec<u8>,
    ) -> Result<Opened<bool>, DatasetError> {
        let today = self.clock.now().date().to_string();
        let d = Dataset::holding(dsn, data);
        self.store.transaction(|tx| {
            let existed = datasets::exists(tx, dsn)?;
            open_dataset_in(tx, space.as_deref_mut(), user, dsn, Intent::Write, || {
                datasets::put(tx, &d, &today).map(|()| !existed)
            })
        })
    }

    /// Deletes (scratches) data set `dsn`, a PDS with its members, or a member, as `user` in
    /// address space `space` (ALTER). The grant's value is false when it was not there.
    pub fn delete_dataset_as(
        &mut self,
        mut space: Option<&mut AddressSpace>,
        user: &str,
        dsn: &str,
    ) -> Result<Opened<bool>, DatasetError> {
        self.store.transaction(|tx| {
            open_dataset_in(tx, space.as_deref_mut(), user, dsn, Intent::Delete, || {
                datasets::delete(tx, dsn)
            })
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

//! The data set catalog JCL steps use ([`racemu_jcl::DatasetCatalog`]), over the store's
//! data sets. Each request is one store transaction.

use racemu_engine::authority::dataset::open_check;
use racemu_engine::Engine;
use racemu_jcl::{CatalogError, CatalogErrorKind, DatasetCatalog};
use racemu_racf::Access;
use racemu_store::datasets::{self, DatasetError};

/// The engine's store seen as a data set catalog; data sets it writes are dated by the
/// engine's clock. Every open is checked as the job's user by the engine
/// ([`open_check`]): READ to read, UPDATE to replace, ALTER to create or delete; a refusal
/// is [`CatalogErrorKind::NotAuthorized`] carrying RACF's ICH408I.
pub struct StoreCatalog<'a> {
    /// The engine whose store holds the data sets.
    pub engine: &'a mut Engine,
    /// The job's user ID.
    pub user: String,
}

/// A request RACF refused, or the store's answer.
type Checked<T> = Result<Result<T, CatalogError>, DatasetError>;

/// Runs `op` once the engine has granted `user` `needed` to `dsn`.
fn checked<T>(
    tx: &racemu_store::Tx<'_>,
    user: &str,
    dsn: &str,
    needed: Access,
    op: impl FnOnce() -> Result<T, DatasetError>,
) -> Checked<T> {
    let c = open_check(tx, user, dsn, needed)?;
    if !c.granted {
        return Ok(Err(CatalogError {
            kind: CatalogErrorKind::NotAuthorized,
            message: c.ich408i.map(|m| m.line()).unwrap_or_default(),
        }));
    }
    op().map(Ok)
}

/// The catalog's view of a store refusal, with the store's wording.
fn refusal(e: DatasetError) -> CatalogError {
    let kind = match e {
        DatasetError::InvalidName(_) => CatalogErrorKind::InvalidName,
        DatasetError::Partitioned(_) | DatasetError::NotPartitioned(_) => {
            CatalogErrorKind::WrongOrganization
        }
        _ => CatalogErrorKind::StoreFailed,
    };
    CatalogError {
        kind,
        message: e.to_string(),
    }
}

impl DatasetCatalog for StoreCatalog<'_> {
    fn get(&mut self, dsn: &str) -> Result<Option<Vec<u8>>, CatalogError> {
        let user = &self.user;
        self.engine
            .store_mut()
            .transaction(|tx| checked(tx, user, dsn, Access::Read, || datasets::get(tx, dsn)))
            .map_err(refusal)?
            .map(|d| d.map(|d| d.data))
    }

    fn exists(&mut self, dsn: &str) -> Result<bool, CatalogError> {
        self.engine
            .store_mut()
            .transaction(|tx| datasets::exists(tx, dsn))
            .map_err(refusal)
    }

    fn put(&mut self, dsn: &str, data: Vec<u8>) -> Result<(), CatalogError> {
        let d = datasets::Dataset::holding(dsn, data);
        let today = self.engine.clock().now().date().to_string();
        let user = &self.user;
        self.engine
            .store_mut()
            .transaction(|tx| {
                let needed = if datasets::exists(tx, dsn)? {
                    Access::Update
                } else {
                    Access::Alter
                };
                checked(tx, user, dsn, needed, || datasets::put(tx, &d, &today))
            })
            .map_err(refusal)?
    }

    fn delete(&mut self, dsn: &str) -> Result<bool, CatalogError> {
        let user = &self.user;
        self.engine
            .store_mut()
            .transaction(|tx| checked(tx, user, dsn, Access::Alter, || datasets::delete(tx, dsn)))
            .map_err(refusal)?
    }
}

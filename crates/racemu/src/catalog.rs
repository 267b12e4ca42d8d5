//! The data set catalog JCL steps use ([`racemu_jcl::DatasetCatalog`]), over the store's
//! data sets. Each request is one store transaction.

use racemu_engine::authority::dataset_open::{Intent, Opened};
use racemu_engine::Engine;
use racemu_jcl::{CatalogError, CatalogErrorKind, DatasetCatalog};
use racemu_store::datasets::{self, DatasetError};

/// The engine's store seen as a data set catalog; data sets it writes are dated by the
/// engine's clock. Every open is the engine's data set open check
/// ([`Engine::open_dataset`]) as the job's user: a refusal is
/// [`CatalogErrorKind::NotAuthorized`] carrying RACF's ICH408I; the ICH408I of a grant by
/// WARNING is kept for the job log ([`DatasetCatalog::take_notices`]).
pub struct StoreCatalog<'a> {
    /// The engine whose store holds the data sets.
    pub engine: &'a mut Engine,
    /// The job's user ID.
    pub user: String,
    /// ICH408I warnings not yet written to the job log.
    pub notices: Vec<String>,
}

impl StoreCatalog<'_> {
    /// The engine's answer as the catalog gives it: the outcome, or the refusal's ICH408I.
    fn answer<T>(&mut self, opened: Result<Opened<T>, DatasetError>) -> Result<T, CatalogError> {
        match opened.map_err(refusal)? {
            Ok(grant) => {
                self.notices.extend(grant.warning);
                Ok(grant.value)
            }
            Err(r) => Err(CatalogError {
                kind: CatalogErrorKind::NotAuthorized,
                message: r.ich408i.join("\n"),
            }),
        }
    }
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
        let user = self.user.clone();
        let opened = self.engine.read_dataset_as(None, &user, dsn);
        self.answer(opened).map(|d| d.map(|d| d.data))
    }

    fn exists(&mut self, dsn: &str) -> Result<bool, CatalogError> {
        self.engine
            .store()
            .read(|tx| datasets::exists(tx, dsn))
            .map_err(refusal)
    }

    fn put(&mut self, dsn: &str, data: Vec<u8>) -> Result<(), CatalogError> {
        let user = self.user.clone();
        let opened = self.engine.write_dataset_as(None, &user, dsn, data);
        self.answer(opened).map(|_created| ())
    }

    fn allocate(&mut self, dsn: &str) -> Result<(), CatalogError> {
        let user = self.user.clone();
        let opened = self
            .engine
            .open_dataset(&user, dsn, Intent::Create, |_| Ok(()));
        self.answer(opened)
    }

    fn delete(&mut self, dsn: &str) -> Result<bool, CatalogError> {
        let user = self.user.clone();
        let opened = self.engine.delete_dataset_as(None, &user, dsn);
        self.answer(opened)
    }

    fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }
}

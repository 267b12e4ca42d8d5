//! The data set catalog JCL steps use ([`racemu_jcl::DatasetCatalog`]), over the store's
//! data sets. Each request is one store transaction.

use racemu_engine::Engine;
use racemu_jcl::{CatalogError, CatalogErrorKind, DatasetCatalog};
use racemu_store::datasets::{self, DatasetError};

/// The engine's store seen as a data set catalog; data sets it writes are dated by the
/// engine's clock.
pub struct StoreCatalog<'a> {
    /// The engine whose store holds the data sets.
    pub engine: &'a mut Engine,
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
        self.engine
            .store_mut()
            .transaction(|tx| datasets::get(tx, dsn))
            .map(|d| d.map(|d| d.data))
            .map_err(refusal)
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
        self.engine
            .store_mut()
            .transaction(|tx| datasets::put(tx, &d, &today))
            .map_err(refusal)
    }

    fn delete(&mut self, dsn: &str) -> Result<bool, CatalogError> {
        self.engine
            .store_mut()
            .transaction(|tx| datasets::delete(tx, dsn))
            .map_err(refusal)
    }
}

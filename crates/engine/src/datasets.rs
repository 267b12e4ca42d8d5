//! The data sets RACDCERT reads (ADD, CHECKCERT, GENCERT from a request) and writes
//! (EXPORT, GENREQ), with RACF's failures for names that are not valid or cannot be opened.

use crate::messages as m;
use crate::{Ctx, Fail};
use racemu_command::DsnOperand;
use racemu_store::datasets::{self, DatasetError};

pub(crate) fn read_dataset(ctx: &Ctx<'_, '_>, dsn: &DsnOperand) -> Result<(String, Vec<u8>), Fail> {
    let name = dsn.qualified(ctx.issuer);
    if !datasets::valid_name(&name) {
        return Err(Fail::from(m::invalid_dsname(&name)));
    }
    match datasets::get(ctx.tx, &name) {
        Ok(Some(d)) => Ok((name, d.data)),
        // A missing data set or member, a member of a sequential data set and a PDS named
        // without a member all fail to open for reading.
        Ok(None) | Err(DatasetError::Partitioned(_) | DatasetError::NotPartitioned(_)) => {
            Err(Fail::from(m::dataset_not_found(&name)))
        }
        Err(e) => Err(dataset_fail(e)),
    }
}

fn dataset_fail(e: DatasetError) -> Fail {
    match e {
        DatasetError::InvalidName(n) => Fail::from(m::invalid_dsname(&n)),
        DatasetError::Store(e) => Fail::from(e),
        DatasetError::Partitioned(n) | DatasetError::NotPartitioned(n) => {
            Fail::from(m::dataset_not_found(&n))
        }
    }
}

/// Writes `data` to data set `name` (created or replaced), dated today.
pub(crate) fn write_dataset(ctx: &Ctx<'_, '_>, name: &str, data: Vec<u8>) -> Result<(), Fail> {
    if !datasets::valid_name(name) {
        return Err(Fail::from(m::invalid_dsname(name)));
    }
    datasets::put(
        ctx.tx,
        &datasets::Dataset::holding(name, data),
        &crate::racf::today(ctx),
    )
    .map_err(dataset_fail)
}

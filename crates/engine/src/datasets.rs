//! The data sets RACDCERT reads (ADD, CHECKCERT, GENCERT from a request) and writes
//! (EXPORT, GENREQ), with RACF's failures for names that are not valid or cannot be opened.
//!
//! Each open is checked as the issuer against the DATASET class
//! ([`crate::authority::dataset`]): READ to read, UPDATE to replace, ALTER to create. A refusal
//! prints ICH408I followed by IRRD103I, the data set could not be opened.

use crate::authority::dataset::open_check;
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::DsnOperand;
use racemu_racf::Access;
use racemu_store::datasets::{self, DatasetError};

pub(crate) fn read_dataset(ctx: &Ctx<'_, '_>, dsn: &DsnOperand) -> Result<(String, Vec<u8>), Fail> {
    let name = dsn.qualified(ctx.issuer);
    if !datasets::valid_name(&name) {
        return Err(Fail::from(m::invalid_dsname(&name)));
    }
    check_access(ctx, &name, Access::Read)?;
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

/// RACF's decision on the issuer opening `name` with `needed`: on a refusal, ICH408I and
/// IRRD103I (RC 8). A grant by WARNING goes ahead (its ICH408I goes to the console on z/OS,
/// not to SYSTSPRT).
fn check_access(ctx: &Ctx<'_, '_>, name: &str, needed: Access) -> Result<(), Fail> {
    let c = open_check(ctx.tx, ctx.issuer, name, needed)?;
    if c.granted {
        return Ok(());
    }
    let opened = m::dataset_not_found(name);
    let mut lines: Vec<String> = c.ich408i.iter().map(|m| m.line()).collect();
    lines.push(opened.line());
    Err(Fail(Output::new(lines, opened.rc)))
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
    let exists = datasets::exists(ctx.tx, name).map_err(dataset_fail)?;
    check_access(
        ctx,
        name,
        if exists {
            Access::Update
        } else {
            Access::Alter
        },
    )?;
    datasets::put(
        ctx.tx,
        &datasets::Dataset::holding(name, data),
        &crate::racf::today(ctx),
    )
    .map_err(dataset_fail)
}

/// The certificates (and private key) of a data set's content, as ADD and CHECKCERT read
/// it: IRRD104I when it holds no certificate, RCM003E when the PKCS#12 password is missing
/// or wrong.
pub(crate) fn decode_package(
    data: &[u8],
    password: Option<&str>,
) -> Result<racemu_pki::Package, Fail> {
    racemu_pki::decode_package(data, password).map_err(|e| match e {
        racemu_pki::PackageError::NotACertificate => Fail::from(m::not_a_certificate()),
        racemu_pki::PackageError::PasswordRequired | racemu_pki::PackageError::BadPassword => {
            Fail::from(m::bad_password())
        }
    })
}

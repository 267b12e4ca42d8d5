//! The data sets RACDCERT reads (ADD, CHECKCERT, GENCERT from a request) and writes
//! (EXPORT, GENREQ), with RACF's failures for names that are not valid or cannot be opened.
//!
//! Each open is checked as the issuer against the DATASET class
//! ([`crate::authority::dataset_open`]): READ to read, UPDATE to replace, ALTER to create. A
//! refusal prints ICH408I followed by IRRD103I, the data set could not be opened; a grant by
//! WARNING prints the warning ICH408I before the command's messages and goes ahead.

use crate::authority::dataset_open::{open_dataset, Intent};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::DsnOperand;
use racemu_store::datasets::{self, DatasetError};

pub(crate) fn read_dataset(ctx: &Ctx<'_, '_>, dsn: &DsnOperand) -> Result<(String, Vec<u8>), Fail> {
    let name = dsn.qualified(ctx.issuer);
    if !datasets::valid_name(&name) {
        return Err(Fail::from(m::invalid_dsname(&name)));
    }
    let got = checked(ctx, &name, Intent::Read, || {
        match datasets::get(ctx.tx, &name) {
            // A missing data set or member, a member of a sequential data set and a PDS named
            // without a member all fail to open for reading.
            Err(DatasetError::Partitioned(_) | DatasetError::NotPartitioned(_)) => Ok(None),
            other => other,
        }
    })?;
    match got {
        Some(d) => Ok((name, d.data)),
        None => Err(Fail::from(m::dataset_not_found(&name))),
    }
}

/// Runs `op` once RACF lets the issuer do `intent` to `name`: on a refusal, ICH408I and
/// IRRD103I (RC 8); a grant by WARNING notes its ICH408I for the command's output (z/OS sends
/// it to the job log and the security console; racemu prints it in SYSTSPRT, as it does the
/// refusal's, docs/fidelity.md).
fn checked<T>(
    ctx: &Ctx<'_, '_>,
    name: &str,
    intent: Intent,
    op: impl FnOnce() -> Result<T, DatasetError>,
) -> Result<T, Fail> {
    match open_dataset(ctx.tx, ctx.issuer, name, intent, op).map_err(dataset_fail)? {
        Ok(grant) => {
            ctx.warnings.borrow_mut().extend(grant.warning);
            Ok(grant.value)
        }
        Err(refusal) => {
            let opened = m::dataset_not_found(name);
            let mut lines = refusal.ich408i;
            lines.push(opened.line());
            Err(Fail(Output::new(lines, opened.rc)))
        }
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
    let today = crate::racf::today(ctx);
    checked(ctx, name, Intent::Write, || {
        datasets::put(ctx.tx, &datasets::Dataset::holding(name, data), &today)
    })
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

//! `racemu ds put|get|ls|rm`: data sets in the store, opened as `--user`: the engine's data
//! set check ([`open_check`]) decides, READ to get, UPDATE to replace, ALTER to create or
//! remove. A refusal prints RACF's ICH408I on standard error and exits 12. `ls` lists names
//! as a catalog search does, whether or not the user may open them.

use crate::cli::DsCmd;
use crate::fail;
use crate::files::{holds_private_key, read_input, write_output};
use racemu_engine::authority::dataset::{open_check, OpenCheck};
use racemu_engine::Engine;
use racemu_racf::Access;
use racemu_store::datasets;
use racemu_store::dslevel::Pattern;
use std::process::ExitCode;

/// The data set name TSO would use: quoted names as they are, unquoted ones with the prefix.
fn qualify(dsn: &str, user: &str) -> String {
    let t = dsn.trim();
    if t.starts_with('\'') {
        t.trim_matches('\'').to_ascii_uppercase()
    } else {
        format!("{}.{}", user.to_ascii_uppercase(), t.to_ascii_uppercase())
    }
}

/// Prints RACF's refusal and fails the command.
fn refused(dsn: &str, needed: Access, c: &OpenCheck) -> ExitCode {
    if let Some(m) = &c.ich408i {
        eprintln!("{}", m.line());
    }
    fail(format!(
        "not authorized: {} access to data set {dsn} refused by RACF",
        needed.keyword()
    ))
}

/// A data set operation RACF refused, or its outcome.
enum Checked<T> {
    Refused(Access, OpenCheck),
    Done(T),
}

/// Runs `op` once the engine has granted `user` `needed` to `dsn`.
fn checked<T>(
    tx: &racemu_store::Tx<'_>,
    user: &str,
    dsn: &str,
    needed: Access,
    op: impl FnOnce() -> Result<T, datasets::DatasetError>,
) -> Result<Checked<T>, datasets::DatasetError> {
    let c = open_check(tx, user, dsn, needed)?;
    if !c.granted {
        return Ok(Checked::Refused(needed, c));
    }
    if let Some(m) = &c.ich408i {
        eprintln!("{}", m.line());
    }
    op().map(Checked::Done)
}

/// Runs one `ds` subcommand as `user` (the prefix of unquoted names).
pub fn run(engine: &mut Engine, user: &str, ds: DsCmd) -> ExitCode {
    let created = engine.clock().now().date().to_string();
    let store = engine.store_mut();
    match ds {
        DsCmd::Put { dsn, file, .. } => {
            let dsn = qualify(&dsn, user);
            if !datasets::valid_name(&dsn) {
                return fail(format!(
                    "{dsn} is not a valid data set name (qualifiers of 1-8 characters, 44 in all)"
                ));
            }
            let data = match read_input(&file) {
                Ok(d) => d,
                Err(e) => return fail(format!("cannot read {}: {e}", file.display())),
            };
            let len = data.len();
            let d = datasets::Dataset::holding(&dsn, data);
            let user = user.to_ascii_uppercase();
            let put = |tx: &racemu_store::Tx<'_>| {
                let needed = if datasets::exists(tx, &dsn)? {
                    Access::Update
                } else {
                    Access::Alter
                };
                checked(tx, &user, &dsn, needed, || datasets::put(tx, &d, &created))
            };
            match store.transaction(put) {
                Ok(Checked::Refused(needed, c)) => refused(&dsn, needed, &c),
                Ok(Checked::Done(())) => {
                    eprintln!("racemu: {}", racemu::messages::data_set_stored(&dsn, len));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        DsCmd::Get { dsn, file } => {
            let dsn = qualify(&dsn, user);
            let user = user.to_ascii_uppercase();
            let get = |tx: &racemu_store::Tx<'_>| {
                checked(tx, &user, &dsn, Access::Read, || datasets::get(tx, &dsn))
            };
            match store.transaction(get) {
                Ok(Checked::Refused(needed, c)) => refused(&dsn, needed, &c),
                Ok(Checked::Done(Some(d))) => {
                    match write_output(&file, &d.data, holds_private_key(&d.data)) {
                        Ok(()) => ExitCode::SUCCESS,
                        Err(e) => fail(format!("cannot write {}: {e}", file.display())),
                    }
                }
                Ok(Checked::Done(None)) => fail(format!("data set {dsn} not found")),
                Err(e) => fail(e),
            }
        }
        DsCmd::Ls { pattern } => {
            let pattern = pattern.map(|p| Pattern::new(&qualify(&p, user)));
            match store.transaction(|tx| datasets::list(tx, pattern.as_ref())) {
                Ok(rows) => {
                    println!(
                        "{:<44} {:<5} {:>5} {:>10}",
                        "DSN", "RECFM", "LRECL", "BYTES"
                    );
                    for (dsn, recfm, lrecl, len) in rows {
                        println!("{dsn:<44} {recfm:<5} {lrecl:>5} {len:>10}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        DsCmd::Rm { dsn } => {
            let dsn = qualify(&dsn, user);
            let user = user.to_ascii_uppercase();
            let rm = |tx: &racemu_store::Tx<'_>| {
                checked(tx, &user, &dsn, Access::Alter, || {
                    datasets::delete(tx, &dsn)
                })
            };
            match store.transaction(rm) {
                Ok(Checked::Refused(needed, c)) => refused(&dsn, needed, &c),
                Ok(Checked::Done(true)) => ExitCode::SUCCESS,
                Ok(Checked::Done(false)) => fail(format!("data set {dsn} not found")),
                Err(e) => fail(e),
            }
        }
    }
}

//! `racemu ds put|get|ls|rm`: data sets in the store, opened as `--user` through the same
//! engine operations z/OSMF's restfiles use ([`Engine::read_dataset_as`] and its siblings, each
//! a new address space here): the engine's data set open check decides, READ to get, UPDATE to
//! replace, ALTER to create or remove. A refusal prints RACF's ICH408I on standard error and exits 12; an access
//! allowed only by WARNING prints RACF's warning ICH408I on standard error and goes ahead.
//! `ls` lists names as a catalog search does, whether or not the user may open them.

use crate::cli::DsCmd;
use crate::fail;
use crate::files::{holds_private_key, read_input, write_output};
use racemu_engine::authority::dataset_open::Opened;
use racemu_engine::Engine;
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

/// Carries out the engine's answer: a grant's outcome (its warning ICH408I on standard
/// error), or RACF's refusal printed on standard error and the command failed.
fn answer<T>(dsn: &str, opened: Opened<T>) -> Result<T, ExitCode> {
    match opened {
        Ok(grant) => {
            for w in &grant.warning {
                eprintln!("{w}");
            }
            Ok(grant.value)
        }
        Err(r) => {
            for m in &r.ich408i {
                eprintln!("{m}");
            }
            Err(fail(format!(
                "not authorized: {} access to data set {dsn} refused by RACF",
                r.needed.keyword()
            )))
        }
    }
}

/// Runs one `ds` subcommand as `user` (the prefix of unquoted names).
pub fn run(engine: &mut Engine, user: &str, ds: DsCmd) -> ExitCode {
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
            let put = engine.write_dataset_as(None, user, &dsn, data);
            match put.map(|o| answer(&dsn, o)) {
                Ok(Err(code)) => code,
                Ok(Ok(_created)) => {
                    eprintln!("racemu: {}", racemu::messages::data_set_stored(&dsn, len));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        DsCmd::Get { dsn, file } => {
            let dsn = qualify(&dsn, user);
            let get = engine.read_dataset_as(None, user, &dsn);
            match get.map(|o| answer(&dsn, o)) {
                Ok(Err(code)) => code,
                Ok(Ok(Some(d))) => match write_output(&file, &d.data, holds_private_key(&d.data)) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) => fail(format!("cannot write {}: {e}", file.display())),
                },
                Ok(Ok(None)) => fail(format!("data set {dsn} not found")),
                Err(e) => fail(e),
            }
        }
        DsCmd::Ls { pattern } => {
            let pattern = pattern.map(|p| Pattern::new(&qualify(&p, user)));
            match engine
                .store()
                .read(|tx| datasets::list(tx, pattern.as_ref()))
            {
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
            let rm = engine.delete_dataset_as(None, user, &dsn);
            match rm.map(|o| answer(&dsn, o)) {
                Ok(Err(code)) => code,
                Ok(Ok(true)) => ExitCode::SUCCESS,
                Ok(Ok(false)) => fail(format!("data set {dsn} not found")),
                Err(e) => fail(e),
            }
        }
    }
}

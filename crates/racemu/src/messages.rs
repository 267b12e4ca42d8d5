//! The binary's message catalogue: racemu's own messages of the command line (`RCM2nn`, on
//! standard error after `racemu: `) and of the jobs it runs (`RCM305E`, `RCM306I`, in the job
//! log), one function per message giving the line from its ID on. SYSTSPRT never holds them.
//! No message ID is written anywhere else in this crate (unit tests excepted); the numbers
//! belong to the ranges of `racemu_engine::messages::ranges` (docs/fidelity.md lists them).

use std::path::Path;

/// RCM200I: a new RACF database (store) was created at `path`.
pub fn store_created(path: &Path) -> String {
    format!(
        "RCM200I a new RACF database was created at {}",
        path.display()
    )
}

/// RCM201I: `keyring export` wrote `target` (a file, or `standard output`) in `format` (`PEM`,
/// `PKCS#12`), holding `certificates` certificates and `keys` private keys; `withheld` more
/// private keys were not released (RACF's rules; `keyring list` says why).
pub fn exported(
    target: &str,
    format: &str,
    certificates: usize,
    keys: usize,
    withheld: usize,
) -> String {
    let withheld = if withheld > 0 {
        format!(", {withheld} private key(s) withheld (see keyring list)")
    } else {
        String::new()
    };
    format!(
        "RCM201I wrote {target} ({format}): {certificates} certificate(s), {keys} private key(s){withheld}"
    )
}

/// RCM203I: `ds put` stored the data set `dsn` (after TSO prefixing), `bytes` long.
pub fn data_set_stored(dsn: &str, bytes: usize) -> String {
    format!("RCM203I data set {dsn} stored ({bytes} bytes)")
}

/// RCM204W: a server on a seeded store, before it listens: its keys are reproducible by
/// anyone who knows the seed.
pub const REPRODUCIBLE_KEYS: &str = "RCM204W the keys of this store come from a seed: anyone who knows the seed can reproduce its private keys; serve them to tests only";

/// RCM205W: the seed asked for is not used, because the store at `path` already holds
/// certificates with keys from the operating system (it stays unseeded).
pub fn seed_unused_keys_from_os(path: &str) -> String {
    format!(
        "RCM205W the store at {path} already holds certificates with keys from the operating system; the seed is not used"
    )
}

/// RCM205W: the seed asked for is not used, because the store at `path` is seeded with
/// another seed (its recorded seed is used).
pub fn seed_unused_other_seed(path: &str) -> String {
    format!("RCM205W the store at {path} is seeded with another seed; its recorded seed is used")
}

/// RCM220I: the REPL's banner, naming the `store` and the `user`, and how to leave.
pub fn repl_banner(store: &str, user: &str) -> String {
    format!(
        "RCM220I READY mode on {store} as {user}; LOGOFF, END or Ctrl-D leaves, a line ending in + or - continues"
    )
}

/// RCM305E: the job had no EXEC statement, so no step ran (the job ends with 12).
pub fn no_exec_statement() -> String {
    "RCM305E THE JOB HAS NO EXEC STATEMENT: NO STEP RAN".to_string()
}

/// RCM306I: after RCM305E, when the input looks like TSO commands (SYSTSIN), not JCL.
pub fn input_looks_like_systsin() -> String {
    "RCM306I THE INPUT LOOKS LIKE TSO COMMANDS (SYSTSIN), NOT JCL: RUN IT WITH racemu run --sysin FILE"
        .to_string()
}

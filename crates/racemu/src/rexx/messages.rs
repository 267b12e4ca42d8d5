//! racemu's messages about REXX execs under the TMP (RCM500–RCM519), where TSO/E has no
//! message racemu can give honestly.

/// An exec named by EXEC or `%NAME` that is not in the store (RC 12).
pub fn exec_not_found(what: &str) -> String {
    format!("RCM502E REXX exec {what} was not found in the store's data sets.")
}

/// A SYSPROC member (or EXEC … CLIST) that is a CLIST: racemu runs REXX only (RC 12).
pub fn clist_not_supported(name: &str) -> String {
    format!(
        "RCM503E {name} is a CLIST (its first line has no /* REXX */ comment): CLIST not supported; racemu runs REXX execs only."
    )
}

/// The child process that runs the exec could not be started or answered nothing usable
/// (RC 12).
pub fn exec_not_started(name: &str, reason: &str) -> String {
    format!("RCM504E REXX exec {name} could not be run: {reason}.")
}

/// The exec ran longer than the time limit and was ended (RC 12).
pub fn exec_timed_out(name: &str, seconds: u64, var: &str) -> String {
    format!(
        "RCM505E REXX exec {name} was ended after {seconds} seconds (the limit; set {var} to change it)."
    )
}

/// The interpreter ended abnormally (a signal) while running the exec (RC 12).
pub fn exec_crashed(name: &str, how: &str) -> String {
    format!("RCM506E REXX exec {name} ended abnormally ({how}); its output so far is lost.")
}

/// An exec needs a store on disk: the child process opens the same store.
pub fn exec_needs_file_store(name: &str) -> String {
    format!(
        "RCM507E REXX exec {name} not run: execs run in a child process over the same store, and this store is not a file."
    )
}

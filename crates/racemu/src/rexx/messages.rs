//! racemu's messages about REXX execs under the TMP (RCM500–RCM519), where TSO/E has no
//! message racemu can give honestly.

/// `%NAME` when no SYSEXEC or SYSPROC data set holds NAME (RC 12): TSO's
/// `IKJ56500I COMMAND NAME NOT FOUND`, as for any command TSO cannot find.
pub fn command_not_found(name: &str) -> String {
    let id = racemu_command::messages::IKJ56500I;
    format!("{id} COMMAND {name} NOT FOUND")
}

/// IRXJCL's exec not in SYSEXEC (condition code 20).
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
        "RCM505E REXX exec {name} was ended at its time limit of {seconds} s (set {var} to change it)."
    )
}

/// The exec wrote more lines than racemu keeps and was halted (RC 12).
pub fn exec_output_limit(name: &str, lines: usize) -> String {
    format!("RCM509E REXX exec {name} was ended after writing more than {lines} lines.")
}

/// An exec called from execs nested `depth` deep (RC 12).
pub fn exec_too_deep(name: &str, depth: u32) -> String {
    format!("RCM514E REXX exec {name} not run: execs may call execs only {depth} deep.")
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

/// ALLOCATE of a data set that is not there (RC 12): TSO/E's IKJ56228I (text UNCONFIRMED,
/// docs/fidelity.md).
pub fn not_in_catalog(dsn: &str) -> String {
    format!("IKJ56228I DATA SET {dsn} NOT IN CATALOG OR CATALOG CAN NOT BE ACCESSED")
}

/// ALLOCATE of a DD already allocated, without REUSE (RC 12): TSO/E's IKJ56246I
/// (https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.ikjm100/cd02017.htm).
pub fn file_in_use(dd: &str) -> String {
    format!("IKJ56246I FILE {dd} NOT ALLOCATED, FILE IN USE")
}

/// FREE of a DD that is not allocated (RC 12): TSO/E's IKJ56247I (text UNCONFIRMED).
pub fn file_not_freed(dd: &str) -> String {
    format!("IKJ56247I FILE {dd} NOT FREED, IS NOT ALLOCATED")
}

/// FREE of a data set no DD is allocated to (RC 12): IKJ56247I (text UNCONFIRMED).
pub fn dataset_not_freed(dsn: &str) -> String {
    format!("IKJ56247I DATA SET {dsn} NOT FREED, IS NOT ALLOCATED")
}

/// ALLOCATE or FREE without the operands racemu needs (TSO would prompt; a batch TMP cannot
/// answer) (RC 12).
pub fn allocate_operands() -> String {
    "RCM511E ALLOCATE needs FILE(ddname) and DATASET(dsname); FREE needs FILE(ddname) or DATASET(dsname).".to_string()
}

/// The store failed under a data set an exec reads or writes (RC 20 for EXECIO).
pub fn dataset_failed(dsn: &str, reason: &str) -> String {
    format!("RCM512E Data set {dsn} could not be used: {reason}.")
}

/// IRXJCL's PARM names no exec (blank, or a name longer than 8 characters): RC 20021,
/// condition code 3637 (TSO/E REXX Reference, IRXJCL return codes,
/// https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikja300/jclcode.htm).
pub fn irxjcl_parm(parm: &str) -> String {
    format!(
        "RCM508E IRXJCL PARM '{parm}' does not begin with the name of an exec (1 to 8 characters)."
    )
}

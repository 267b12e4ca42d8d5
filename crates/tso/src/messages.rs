//! The TSO crate's message catalogue: the messages the terminal monitor program (IKJEFT01)
//! itself prints in SYSTSPRT, one function per message giving the whole line. No message ID
//! is written anywhere else in the crate (unit tests excepted); the TSO parse messages of a
//! command (IKJ56702I, IKJ56712I …) are the command crate's and the engine's.

/// `IKJ56600I UNRECOVERABLE COMMAND SYSTEM ERROR`: a SYSTSIN record longer than its LRECL (after
/// JCL symbol substitution) stops the TMP when it is read, with RC 12. The text is the one a
/// real job log shows (docs/sources.md: zowe-install-packaging issue 1666).
pub fn unrecoverable_command_system_error() -> String {
    "IKJ56600I UNRECOVERABLE COMMAND SYSTEM ERROR".to_string()
}

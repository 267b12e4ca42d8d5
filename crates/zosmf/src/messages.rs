//! The z/OSMF, JES2 and RACF job-initiation messages this crate writes, each built only
//! here: z/OSMF's IZUG846W, ISPF's ISRZ002 in restfiles answers, and the JESMSGLG lines
//! (IRR010I, $HASP165, $HASP373, $HASP395, $HASP396). RACF's ICH408I comes from the engine's
//! catalogue. What racemu knowingly writes differently from z/OS is in docs/fidelity.md
//! (z/OSMF): the layout follows JES2 job logs seen in public captures, the `$HASP165 ...
//! SECURITY ERROR` wording and IZUG846W's text are racemu's (UNCONFIRMED).

/// IZUG846W, the ID z/OSMF answers a request that is not a GET without
/// `X-CSRF-ZOSMF-HEADER` with; IBM's full text was not at hand, racemu's wording names the
/// header (UNCONFIRMED, docs/fidelity.md).
pub fn izug846w() -> &'static str {
    "IZUG846W: An HTTP request for a z/OSMF REST service was received from a remote site. The request was rejected, because the remote site is not permitted to z/OSMF server (the X-CSRF-ZOSMF-HEADER header is missing)."
}

/// ISRZ002 as z/OSMF's restfiles gives it for a data set that is not cataloged (the text
/// follows what z/OSMF is seen to answer).
pub fn isrz002_not_cataloged(dsn: &str) -> String {
    format!("ISRZ002 Data set not cataloged - '{dsn}' was not found in catalog.")
}

/// IRR010I: RACF names the user a job runs as, first in JESMSGLG.
pub fn irr010i(userid: &str) -> String {
    format!("IRR010I  USERID {userid:<8} IS ASSIGNED TO THIS JOB.")
}

/// $HASP373: the job started (racemu has one initiator, INIT 1, on system RACE).
pub fn hasp373(jobname: &str, class: &str) -> String {
    format!("$HASP373 {jobname:<8} STARTED - INIT 1    - CLASS {class} - SYS RACE")
}

/// $HASP395 for a job that ended with condition code `cc` (shown as four digits, at most
/// 9999).
pub fn hasp395_rc(jobname: &str, cc: u32) -> String {
    format!("$HASP395 {jobname} ENDED - RC={:04}", cc.min(9999))
}

/// $HASP395 for a job that ended with abend `code` (`S806`, `U0012`).
pub fn hasp395_abend(jobname: &str, code: &str) -> String {
    format!("$HASP395 {jobname} ENDED - ABEND={code}")
}

/// $HASP396: the job ended with a JCL error, nothing run.
pub fn hasp396(jobname: &str) -> String {
    format!("$HASP396 {jobname} TERMINATED")
}

/// $HASP165 for a job RACF refused at initiation (SURROGAT): racemu's wording
/// (UNCONFIRMED).
pub fn hasp165_security_error(jobname: &str) -> String {
    format!("$HASP165 {jobname} ENDED AT N1 - SECURITY ERROR")
}

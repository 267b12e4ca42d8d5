//! The step runner's messages about programs and data sets: allocation, OPEN, IEBGENER and
//! DISP processing. One function per message, each giving the whole line.
//!
//! - `IEF212I … DATA SET NOT FOUND`, `CSV003I REQUESTED MODULE … NOT FOUND`,
//!   `IEC141I 013-18`, `IEC150I 913-38` (MVS System Messages, ee150i.htm:
//!   `913-rc,mod,jjj,sss,ddname,dev,ser,dsname`; module and device are racemu's),
//!   `IEB311I`: z/OS MVS System Messages; docs/sources.md lists the pages.
//! - `IEC000I`: IEBGENER could not write SYSUT2 for a reason the catalogue gave.
//! - `RCM310E`, `RCM311E`: racemu's own, for a store failure under a step.

/// `RCM310E`: the store failed under DD `ddname` of `step`.
pub(crate) fn store_failed(job: &str, step: &str, ddname: &str, error: &str) -> String {
    format!("RCM310E {job} {step} {ddname} - THE STORE FAILED: {error}")
}

/// `IEC141I 013-18`: OPEN found no data set (or one of the wrong organization) for `ddname`.
pub(crate) fn open_not_found(job: &str, step: &str, ddname: &str) -> String {
    format!("IEC141I 013-18,IGG0191B,{job},{step},{ddname}")
}

/// `IEC150I 913-38`: RACF refused the OPEN of `dsn` under `ddname`.
pub(crate) fn open_not_authorized(job: &str, step: &str, ddname: &str, dsn: &str) -> String {
    format!("IEC150I 913-38,IFG0194A,{job},{step},{ddname},0A80,RACEMU,{dsn}")
}

/// `CSV003I`: the step's program is not in the library.
pub(crate) fn module_not_found(program: &str) -> String {
    format!("CSV003I REQUESTED MODULE {program} NOT FOUND")
}

/// `IEF212I`: allocation found no data set for `ddname`.
pub(crate) fn dataset_not_found(job: &str, step: &str, ddname: &str) -> String {
    format!("IEF212I {job} {step} {ddname} - DATA SET NOT FOUND")
}

/// `IEB311I`: IEBGENER's step has no SYSUT1 DD.
pub(crate) fn sysut1_missing(job: &str, step: &str) -> String {
    format!("IEB311I {job} {step} - SYSUT1 DD STATEMENT MISSING")
}

/// `IEC000I`: IEBGENER could not write SYSUT2.
pub(crate) fn sysut2_failed(job: &str, step: &str, error: &str) -> String {
    format!("IEC000I {job} {step} SYSUT2 - {error}")
}

/// `RCM311E`: DISP processing of `dsn` under `ddname` failed in the store.
pub(crate) fn disp_failed(job: &str, step: &str, ddname: &str, dsn: &str, error: &str) -> String {
    format!("RCM311E {job} {step} {ddname} - DISP PROCESSING OF {dsn} FAILED: {error}")
}

//! racemu's warnings on a ring opened through R_datalib (RCM213W, RCM214W): racemu reads rings
//! and certificates from the database as they are now, where z/OS reads the RACLIST images of
//! DIGTRING and DIGTCERT until the next SETROPTS RACLIST REFRESH. They go to standard error or
//! the application, never SYSTSPRT, so they set no return code.

use super::Message;

/// RCM213W: `owner`'s ring `ring` changed after the last DIGTRING refresh.
pub fn ring_changed(owner: &str, ring: &str) -> Message {
    Message::new(
        "RCM213W",
        format!(
            "ring {owner}/{ring} changed after the last SETROPTS RACLIST(DIGTRING) REFRESH. racemu shows it as the RACF database holds it now; on z/OS issue SETROPTS RACLIST(DIGTRING) REFRESH and have the server re-read the ring (most read it when they start)."
        ),
        0,
    )
}

/// RCM214W: the certificates `labels` (quoted, comma-separated) of `owner`'s ring `ring`
/// changed after the last DIGTCERT refresh.
pub fn ring_certificates_changed(labels: &str, owner: &str, ring: &str) -> Message {
    Message::new(
        "RCM214W",
        format!(
            "certificate(s) {labels} in ring {owner}/{ring} changed after the last SETROPTS RACLIST(DIGTCERT) REFRESH. racemu shows them as the RACF database holds them now; on z/OS issue SETROPTS RACLIST(DIGTCERT) REFRESH and have the server re-read the ring."
        ),
        0,
    )
}

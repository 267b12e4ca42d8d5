//! Messages of the data set profile commands (ADDSD and DELDSD ICH09xxx, ALTDSD ICH22xxx,
//! SEARCH ICH31xxx, LISTDSD ICH35xxx) and RACF's ICH408I for a data set request it refuses
//! (z/OS Security Server RACF Messages and Codes, "ICH messages for RACF commands",
//! <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha600/cmdmsg.htm>).
//! Texts marked UNCONFIRMED are racemu's choices, listed in docs/fidelity.md.

use super::Message;
use racemu_racf::Access;

/// ICH09020I (CONFIRMED: gk00153.htm): DELDSD of a profile that is not defined (a fully
/// qualified generic profile needs GENERIC), RC 8.
pub fn ich09020i(profile: &str) -> Message {
    Message::new("ICH09020I", format!("{profile} NOT DEFINED TO RACF"), 8)
}

/// ICH09005I (UNCONFIRMED ID and text): ADDSD of a profile that is already defined, RC 8.
pub fn ich09005i(profile: &str) -> Message {
    Message::new("ICH09005I", format!("{profile} ALREADY DEFINED TO RACF"), 8)
}

/// ICH09035I (CONFIRMED: gk00168.htm): ADDSD FROM a profile the issuer may not use, RC 8.
pub fn ich09035i(profile: &str) -> Message {
    Message::new(
        "ICH09035I",
        format!("COMMAND PROCESSING TERMINATED. USER NOT AUTHORIZED TO 'FROM' PROFILE {profile}"),
        8,
    )
}

/// ICH09034I (CONFIRMED: gk00167.htm,
/// <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/gk00167.htm>):
/// ADDSD or DELDSD of a generic profile while generic command processing is inactive for
/// DATASET (NOGENERIC and NOGENCMD); command processing stops, RC 8.
pub fn ich09034i() -> Message {
    Message::new(
        "ICH09034I",
        "GENERIC INVALID, GENERIC COMMAND PROCESSING IS INACTIVE",
        8,
    )
}

/// ICH22020I (CONFIRMED: gk00424.htm,
/// <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/gk00424.htm>):
/// ALTDSD of a generic profile while generic command processing is inactive; RC 8.
pub fn ich22020i() -> Message {
    Message::new(
        "ICH22020I",
        "GENERIC INVALID, GENERIC COMMAND PROCESSING NOT ACTIVE",
        8,
    )
}

/// ICH06010I (CONFIRMED text: PERMIT command messages,
/// <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/permit.htm>):
/// PERMIT of a generic data set profile while generic command processing is inactive; RC 8.
pub fn ich06010i() -> Message {
    Message::new(
        "ICH06010I",
        "GENERIC INVALID, GENERIC COMMAND PROCESSING IS INACTIVE.",
        8,
    )
}

/// ICH22001I (UNCONFIRMED ID and text): ALTDSD of a profile that is not defined, RC 8.
pub fn ich22001i(profile: &str) -> Message {
    Message::new("ICH22001I", format!("{profile} NOT DEFINED TO RACF"), 8)
}

/// ICH22005I (UNCONFIRMED ID and text): ALTDSD by a user without authority over the profile,
/// RC 8.
pub fn ich22005i(profile: &str) -> Message {
    Message::new("ICH22005I", format!("NOT AUTHORIZED TO ALTER {profile}"), 8)
}

/// ICH09006I (UNCONFIRMED ID and text): DELDSD by a user without authority over the
/// profile, RC 8.
pub fn ich09006i(profile: &str) -> Message {
    Message::new(
        "ICH09006I",
        format!("NOT AUTHORIZED TO DELETE {profile}"),
        8,
    )
}

/// ICH31005I (UNCONFIRMED text): SEARCH found nothing, RC 4.
pub fn ich31005i() -> Message {
    Message::new("ICH31005I", "NO ENTRIES MEET SEARCH CRITERIA", 4)
}

/// ICH35002I (UNCONFIRMED ID and text): LISTDSD of a profile the issuer may not list, RC 8.
pub fn ich35002i(profile: &str) -> Message {
    Message::new("ICH35002I", format!("NOT AUTHORIZED TO LIST {profile}"), 8)
}

/// ICH35003I (UNCONFIRMED text): LISTDSD of a name no profile covers, RC 4.
pub fn ich35003i(dsn: &str) -> Message {
    Message::new(
        "ICH35003I",
        format!("NO RACF DESCRIPTION FOUND FOR {dsn}"),
        4,
    )
}

/// ICH35005I (CONFIRMED: real capture in zowe/zowe-install-packaging PR 994): LISTDSD
/// PREFIX or ID with nothing to list, RC 4.
pub fn ich35005i() -> Message {
    Message::new("ICH35005I", "NO DATASETS LISTED", 4)
}

/// What ICH408I says about a data set request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// The request was refused: `INSUFFICIENT ACCESS AUTHORITY`.
    Access,
    /// Granted by WARNING: `WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED`.
    Warning,
    /// ADDSD or a DISP=NEW creation without authority: `DEFINE - INSUFFICIENT AUTHORITY`
    /// (CONFIRMED: gk00572.htm).
    Define,
}

/// Who ICH408I names: user ID, current group, name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requester {
    /// User ID.
    pub userid: String,
    /// Default (current) group.
    pub group: String,
    /// The user's name.
    pub name: String,
}

/// ICH408I for a data set (Messages and Codes, "ICH408I", gk00572.htm and its siblings): the
/// user line, the data set with `CL(DATASET )` and its volume, the reason, the profile that
/// decided (`FROM name (G)`) and the access asked for and allowed. The layout of the lines
/// after the first follows the public captures of ICH408I; their column spacing is
/// UNCONFIRMED.
pub fn ich408i_dataset(
    who: &Requester,
    dsn: &str,
    kind: &Violation,
    from: Option<(&str, bool)>,
    intent: Access,
    allowed: Access,
) -> Message {
    let mut lines = vec![
        format!(
            "USER({:<8}) GROUP({:<8}) NAME({:<20})",
            who.userid, who.group, who.name
        ),
        format!("  {dsn} CL(DATASET ) VOL(RACEMU)"),
    ];
    match kind {
        Violation::Access => lines.push("  INSUFFICIENT ACCESS AUTHORITY".into()),
        Violation::Warning => {
            lines.push("  WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED".into())
        }
        Violation::Define => lines.push("  DEFINE - INSUFFICIENT AUTHORITY".into()),
    }
    if let Some((profile, generic)) = from {
        lines.push(format!(
            "  FROM {profile}{}",
            if generic { " (G)" } else { "" }
        ));
    }
    if !matches!(kind, Violation::Define) {
        lines.push(format!(
            "  ACCESS INTENT({:<7})  ACCESS ALLOWED({:<7})",
            intent.keyword(),
            allowed.keyword()
        ));
    }
    Message::new("ICH408I", lines.join("\n"), 8)
}

/// IEC150I 913-38 (CONFIRMED format: ee150i.htm, `IEC150I 913-rc,mod,jjj,sss,ddname[-#],dev,
/// ser,dsname(member)`): OPEN refused by RACF; the step ends with ABEND S913. The module
/// name and device number are racemu's (UNCONFIRMED).
pub fn iec150i_913_38(job: &str, step: &str, ddname: &str, dsn: &str) -> Message {
    Message::new(
        "IEC150I",
        format!("913-38,IFG0194A,{job},{step},{ddname},0A80,RACEMU,{dsn}"),
        12,
    )
}

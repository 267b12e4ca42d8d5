//! The RACF commands' ICH messages (SETROPTS, RDEFINE, RALTER, RDELETE, PERMIT, RLIST, the
//! user and group commands), each with its return code. The command's number is the two
//! digits after `ICH` (cmdmsg.htm: 00 ADDGROUP, 01 ADDUSER, 02 CONNECT, 04 DELUSER, 06 PERMIT,
//! 13 RLIST, 14 SETROPTS, 21 ALTUSER, 30 LISTUSER, 32 LISTGRP).

use super::Message;

/// IBM's per-command message lists (z/OS Security Server RACF Messages and Codes), by
/// command: <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/>
/// followed by `adduser.htm`, `ich2a6_ALTUSER_command_messages.htm`, `deluser.htm`, `connect.htm`,
/// `permit.htm`, `ich2a6_LISTUSER_command_messages.htm`, `ich2a6_LISTGRP_command_messages.htm`.
///
/// ICH00005I: ADDGROUP by an issuer who is not SPECIAL, RC 8. UNCONFIRMED: IBM's ADDGROUP
/// list could not be read; the number is ADDGROUP's (cmdmsg.htm: `00 ADDGROUP`) and the text
/// follows ICH01005I / ICH04010I / ICH05005I (`NOT AUTHORIZED TO ISSUE command`).
pub fn ich00005i() -> Message {
    Message::new("ICH00005I", "NOT AUTHORIZED TO ISSUE ADDGROUP", 8)
}

/// ICH00006I: ADDGROUP of a group already defined, RC 8. UNCONFIRMED: IBM's ADDGROUP list
/// could not be read; racemu's choice within ADDGROUP's ICH00 range.
pub fn ich00006i(group: &str) -> Message {
    Message::new("ICH00006I", format!("GROUP {group} ALREADY DEFINED"), 8)
}

/// ICH01005I (CONFIRMED, adduser.htm): ADDUSER by an issuer who is not SPECIAL, RC 8.
pub fn ich01005i() -> Message {
    Message::new("ICH01005I", "NOT AUTHORIZED TO ISSUE ADDUSER", 8)
}

/// ICH01006I: ADDUSER / ALTUSER DFLTGRP of an undefined group, RC 8.
pub fn ich01006i(group: &str) -> Message {
    Message::new("ICH01006I", format!("GROUP {group} NOT DEFINED TO RACF"), 8)
}

/// ICH01021I: the phrase breaks RACF's phrase rules, RC 4.
pub fn ich01021i() -> Message {
    Message::new("ICH01021I", "NEW PASS PHRASE REJECTED BY RACF RULES", 4)
}

/// ICH01024I: ADDUSER of a user already defined, RC 8.
pub fn ich01024i(user: &str) -> Message {
    Message::new("ICH01024I", format!("USER {user} IS ALREADY DEFINED"), 8)
}

/// ICH02003I (CONFIRMED text, connect.htm): CONNECT of a user ID not defined to RACF under
/// `racemu setting undefined-ids error`, RC 8 (the RC is racemu's choice).
pub fn ich02003i(user: &str) -> Message {
    Message::new("ICH02003I", format!("{user} NOT CONNECTED"), 8)
}

/// ICH02006I (CONFIRMED, connect.htm): CONNECT by an issuer who is not SPECIAL, RC 8.
pub fn ich02006i() -> Message {
    Message::new("ICH02006I", "NOT AUTHORIZED TO ISSUE CONNECT", 8)
}

/// ICH04001I (CONFIRMED text, deluser.htm): DELUSER of an undefined user, RC 8.
pub fn ich04001i(user: &str) -> Message {
    Message::new("ICH04001I", format!("ERROR LOCATING {user}"), 8)
}

/// ICH04010I (CONFIRMED, deluser.htm): DELUSER by an issuer who is not SPECIAL, RC 8.
pub fn ich04010i() -> Message {
    Message::new("ICH04010I", "NOT AUTHORIZED TO ISSUE DELUSER", 8)
}

/// ICH06002I (CONFIRMED, permit.htm): PERMIT DELETE of an ID that is not in the access list;
/// the other IDs are still processed, RC 0 (the RC is racemu's choice).
pub fn ich06002i(id: &str) -> Message {
    Message::new(
        "ICH06002I",
        format!("{id} NOT AUTHORIZED, DELETE IGNORED"),
        0,
    )
}

/// ICH06004I: PERMIT of an undefined profile, RC 8.
pub fn ich06004i(profile: &str) -> Message {
    Message::new("ICH06004I", format!("{profile} NOT DEFINED TO RACF"), 8)
}

/// ICH06006I (CONFIRMED, permit.htm and gk00104.htm): PERMIT by an issuer who neither is
/// SPECIAL nor owns the profile; command processing stops, RC 8.
pub fn ich06006i(profile: &str) -> Message {
    Message::new("ICH06006I", format!("NOT AUTHORIZED TO {profile}"), 8)
}

/// ICH06007I (CONFIRMED text, permit.htm): PERMIT of an ID not defined to RACF under
/// `racemu setting undefined-ids error`; the other IDs are still processed, RC 8 (the RC is
/// racemu's choice).
pub fn ich06007i(id: &str) -> Message {
    Message::new("ICH06007I", format!("{id} NOT DEFINED TO RACF"), 8)
}

/// ICH06011I (CONFIRMED; no final period), RC 0.
pub fn ich06011i(class: &str) -> Message {
    Message::new(
        "ICH06011I",
        format!("RACLISTED PROFILES FOR {class} WILL NOT REFLECT THE UPDATE(S) UNTIL A SETROPTS REFRESH IS ISSUED"),
        0,
    )
}

/// ICH10006I (CONFIRMED), RC 0.
pub fn ich10006i(class: &str) -> Message {
    Message::new(
        "ICH10006I",
        format!("RACLISTED PROFILES FOR {class} WILL NOT REFLECT THE ADDITION(S) UNTIL A SETROPTS REFRESH IS ISSUED."),
        0,
    )
}

/// ICH10102I (CONFIRMED form), RC 8.
pub fn ich10102i(profile: &str, class: &str) -> Message {
    Message::new(
        "ICH10102I",
        format!("{profile} ALREADY DEFINED TO CLASS {class}."),
        8,
    )
}

/// ICH10103I (CONFIRMED), RC 8.
pub fn ich10103i(profile: &str) -> Message {
    Message::new(
        "ICH10103I",
        format!("NOT AUTHORIZED TO DEFINE {profile}."),
        8,
    )
}

/// ICH11009I, RC 0.
pub fn ich11009i(class: &str) -> Message {
    Message::new(
        "ICH11009I",
        format!("RACLISTED PROFILES FOR {class} WILL NOT REFLECT THE UPDATE(S) UNTIL A SETROPTS REFRESH IS ISSUED."),
        0,
    )
}

/// ICH11102I: RALTER of an undefined profile, RC 8.
pub fn ich11102i(profile: &str, class: &str) -> Message {
    Message::new(
        "ICH11102I",
        format!("{profile} NOT DEFINED TO CLASS {class}."),
        8,
    )
}

/// ICH11103I: RALTER by a user who neither is SPECIAL nor owns the profile, RC 8.
pub fn ich11103i(profile: &str) -> Message {
    Message::new(
        "ICH11103I",
        format!("NOT AUTHORIZED TO ALTER {profile}."),
        8,
    )
}

/// ICH12002I (CONFIRMED), RC 0.
pub fn ich12002i(class: &str) -> Message {
    Message::new(
        "ICH12002I",
        format!("RACLISTED PROFILES FOR {class} WILL NOT REFLECT THE DELETION(S) UNTIL A SETROPTS REFRESH IS ISSUED."),
        0,
    )
}

/// ICH12102I, RC 8.
pub fn ich12102i(profile: &str, class: &str) -> Message {
    Message::new(
        "ICH12102I",
        format!("{profile} NOT DEFINED TO CLASS {class}."),
        8,
    )
}

/// ICH12103I (CONFIRMED), RC 8.
pub fn ich12103i(profile: &str) -> Message {
    Message::new(
        "ICH12103I",
        format!("NOT AUTHORIZED TO DELETE {profile}."),
        8,
    )
}

/// ICH13003I (CONFIRMED), RC 4.
pub fn ich13003i(profile: &str) -> Message {
    Message::new("ICH13003I", format!("{profile} NOT FOUND"), 4)
}

/// ICH13004I: RLIST of a class with no profiles, RC 4.
pub fn ich13004i() -> Message {
    Message::new("ICH13004I", "NOTHING TO LIST", 4)
}

/// ICH14002I (CONFIRMED text, gk00263.htm): SETROPTS keywords the issuer may not specify;
/// RACF ignores them and goes on with the others. `keywords` are joined with `, ` (racemu's
/// reading of `keyword [,keyword...]`), RC 8 (the RC is racemu's choice).
pub fn ich14002i(keywords: &[&str]) -> Message {
    Message::new(
        "ICH14002I",
        format!(
            "NOT AUTHORIZED TO SPECIFY {}; KEYWORD IGNORED.",
            keywords.join(", ")
        ),
        8,
    )
}

/// ICH14041I (CONFIRMED), RC 0.
pub fn ich14041i(class: &str) -> Message {
    Message::new(
        "ICH14041I",
        format!("RACLIST REFRESH of class {class} ignored. The class is not active yet."),
        0,
    )
}

/// ICH14070I, RC 0.
pub fn ich14070i(class: &str) -> Message {
    Message::new(
        "ICH14070I",
        format!("SETROPTS RACLIST REFRESH had no effect on class {class}"),
        0,
    )
}

/// ICH21009I (CONFIRMED, ich2a6_ALTUSER_command_messages.htm): ALTUSER of an undefined
/// user, RC 8.
pub fn ich21009i(user: &str) -> Message {
    Message::new("ICH21009I", format!("UNABLE TO LOCATE {user}"), 8)
}

/// ICH21010I (CONFIRMED, ich2a6_ALTUSER_command_messages.htm): ALTUSER by an issuer who is
/// not SPECIAL, RC 8.
pub fn ich21010i() -> Message {
    Message::new("ICH21010I", "NOT AUTHORIZED TO ISSUE ALTUSER", 8)
}

/// ICH21007I: EXPIRED or NOEXPIRED without PASSWORD or PHRASE, RC 0.
pub fn ich21007i() -> Message {
    Message::new("ICH21007I", "EXPIRED/NOEXPIRED OPERAND IGNORED", 0)
}

/// ICH21034I: the password does not follow RACF's syntax (1 to 8 letters, digits, @ # $),
/// RC 4.
pub fn ich21034i() -> Message {
    Message::new(
        "ICH21034I",
        "PASSWORD CHANGE REJECTED BY INSTALLATION SYNTAX RULES",
        4,
    )
}

/// ICH30001I (CONFIRMED; USER padded to 8), RC 4.
pub fn ich30001i(user: &str) -> Message {
    Message::new(
        "ICH30001I",
        format!("UNABLE TO LOCATE USER    ENTRY {user}"),
        4,
    )
}

/// ICH30002I (CONFIRMED, gk00443.htm): LISTUSER of a user the issuer may not list; command
/// processing stops, RC 8.
pub fn ich30002i(user: &str) -> Message {
    Message::new("ICH30002I", format!("NOT AUTHORIZED TO LIST {user}"), 8)
}

/// ICH32002I: LISTGRP of a group the issuer may not list, RC 8.
pub fn ich32002i(group: &str) -> Message {
    Message::new(
        "ICH32002I",
        format!("NOT AUTHORIZED TO LIST BASE INFORMATION FOR GROUP {group}"),
        8,
    )
}

/// ICH51003I: LISTGRP of an undefined group, RC 4.
pub fn ich51003i() -> Message {
    Message::new("ICH51003I", "NAME NOT FOUND IN RACF DATA SET", 4)
}

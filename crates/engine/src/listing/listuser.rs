//! LISTUSER: the BASE segment of each user (RACF Command Language Reference, LISTUSER; the real
//! capture in zowe/zowe-install-packaging pull 994, see docs/sources.md).

use crate::messages as m;

/// A group connection as LISTUSER shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectView {
    /// Group name.
    pub group: String,
    /// Connect attributes (`SPECIAL OPERATIONS AUDITOR` or some of them); empty for none.
    pub attributes: String,
}

/// What LISTUSER shows of one user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserView {
    /// User ID.
    pub userid: String,
    /// NAME, `UNKNOWN` when not set.
    pub name: Option<String>,
    /// OWNER.
    pub owner: String,
    /// CREATED, as `yy.ddd` (also each CONNECT-DATE).
    pub created: String,
    /// DEFAULT-GROUP.
    pub dfltgrp: String,
    /// PASSDATE value.
    pub passdate: String,
    /// PASS-INTERVAL value.
    pub interval: String,
    /// PHRASEDATE value.
    pub phrasedate: String,
    /// ATTRIBUTES, in RACF's order (SPECIAL OPERATIONS AUDITOR REVOKED PROTECTED RESTRICTED).
    pub attributes: Vec<&'static str>,
    /// REVOKE DATE value.
    pub revoke_date: String,
    /// RESUME DATE value.
    pub resume_date: String,
    /// The groups the user is connected to.
    pub groups: Vec<ConnectView>,
}

/// One user ID LISTUSER was asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserEntry {
    /// The user.
    User(Box<UserView>),
    /// No such user: ICH30001I.
    NotFound(String),
    /// The issuer may not list the user: ICH30002I (the listing stops there).
    NotAuthorized(String),
}

/// A whole LISTUSER listing.
pub fn listuser(entries: &[UserEntry]) -> Vec<String> {
    let mut out = Vec::new();
    for entry in entries {
        match entry {
            UserEntry::NotFound(id) => out.push(m::ich30001i(id).line()),
            UserEntry::NotAuthorized(id) => out.push(m::ich30002i(id).line()),
            UserEntry::User(u) => out.extend(user(u)),
        }
    }
    out
}

/// The lines of one user.
fn user(u: &UserView) -> Vec<String> {
    let mut out = vec![
        format!(
            "USER={:<8} NAME={:<20} OWNER={:<8}  CREATED={}",
            u.userid,
            u.name.as_deref().unwrap_or("UNKNOWN"),
            u.owner,
            u.created,
        ),
        format!(
            " DEFAULT-GROUP={:<8} PASSDATE={:<6} PASS-INTERVAL={} PHRASEDATE={}",
            u.dfltgrp, u.passdate, u.interval, u.phrasedate
        ),
        format!(
            " ATTRIBUTES={}",
            if u.attributes.is_empty() {
                "NONE".to_string()
            } else {
                u.attributes.join(" ")
            }
        ),
        format!(
            " REVOKE DATE={}   RESUME DATE={}",
            u.revoke_date, u.resume_date
        ),
    ];
    out.extend(
        [
            " LAST-ACCESS=UNKNOWN",
            " CLASS AUTHORIZATIONS=NONE",
            " NO-INSTALLATION-DATA",
            " NO-MODEL-NAME",
            " LOGON ALLOWED   (DAYS)          (TIME)",
            " ---------------------------------------------",
            " ANYDAY                          ANYTIME",
        ]
        .map(String::from),
    );
    for g in &u.groups {
        out.push(format!(
            "  GROUP={:<8}  AUTH=USE      CONNECT-OWNER={:<8}  CONNECT-DATE={}",
            g.group, u.owner, u.created
        ));
        out.push("    CONNECTS=    00  UACC=NONE     LAST-CONNECT=UNKNOWN".into());
        out.push(format!(
            "    CONNECT ATTRIBUTES={}",
            if g.attributes.is_empty() {
                "NONE"
            } else {
                &g.attributes
            }
        ));
        out.push("    REVOKE DATE=NONE   RESUME DATE=NONE".into());
    }
    out.extend(
        [
            "SECURITY-LEVEL=NONE SPECIFIED",
            "CATEGORY-AUTHORIZATION",
            " NONE SPECIFIED",
            "SECURITY-LABEL=NONE SPECIFIED",
        ]
        .map(String::from),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::{capture, trimmed};

    /// Real SYSTSPRT of `LISTUSER ZWE` for a user RACF does not have
    /// (github.com/zowe/zowe-install-packaging/pull/994; docs/sources.md), the command's
    /// output only.
    const LISTUSER_UNKNOWN: &str = "\
ICH30001I UNABLE TO LOCATE USER    ENTRY ZWE
";

    #[test]
    fn unknown_user_matches_real_capture() {
        let got = listuser(&[UserEntry::NotFound("ZWE".into())]);
        assert_eq!(got, capture(LISTUSER_UNKNOWN));
    }

    #[test]
    fn whole_user_listing() {
        let u = UserView {
            userid: "ALICE".into(),
            name: None,
            owner: "IBMUSER".into(),
            created: "26.329".into(),
            dfltgrp: "SYS1".into(),
            passdate: "N/A".into(),
            interval: "N/A".into(),
            phrasedate: "N/A".into(),
            attributes: vec!["PROTECTED"],
            revoke_date: "NONE".into(),
            resume_date: "NONE".into(),
            groups: vec![ConnectView {
                group: "SYS1".into(),
                attributes: String::new(),
            }],
        };
        let want = capture(
            "\
USER=ALICE    NAME=UNKNOWN              OWNER=IBMUSER   CREATED=26.329
 DEFAULT-GROUP=SYS1     PASSDATE=N/A    PASS-INTERVAL=N/A PHRASEDATE=N/A
 ATTRIBUTES=PROTECTED
 REVOKE DATE=NONE   RESUME DATE=NONE
 LAST-ACCESS=UNKNOWN
 CLASS AUTHORIZATIONS=NONE
 NO-INSTALLATION-DATA
 NO-MODEL-NAME
 LOGON ALLOWED   (DAYS)          (TIME)
 ---------------------------------------------
 ANYDAY                          ANYTIME
  GROUP=SYS1      AUTH=USE      CONNECT-OWNER=IBMUSER   CONNECT-DATE=26.329
    CONNECTS=    00  UACC=NONE     LAST-CONNECT=UNKNOWN
    CONNECT ATTRIBUTES=NONE
    REVOKE DATE=NONE   RESUME DATE=NONE
SECURITY-LEVEL=NONE SPECIFIED
CATEGORY-AUTHORIZATION
 NONE SPECIFIED
SECURITY-LABEL=NONE SPECIFIED
",
        );
        assert_eq!(trimmed(&listuser(&[UserEntry::User(Box::new(u))])), want);
    }
}

//! RLIST: general resource profiles (RACF Command Language Reference, RLIST; real captures in
//! docs/sources.md).

use crate::messages as m;
use racemu_racf::Access;

/// One entry of a profile's access list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    /// User or group ID (`*` for ID(*)).
    pub id: String,
    /// The access level.
    pub access: Access,
    /// Access count.
    pub count: i64,
}

/// What RLIST shows of one profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileView {
    /// Class.
    pub class: String,
    /// Profile name.
    pub name: String,
    /// Generic profile (shown ` (G)`).
    pub generic: bool,
    /// Owner.
    pub owner: String,
    /// UACC.
    pub uacc: Access,
    /// The issuer's own access.
    pub your_access: Access,
    /// WARNING mode.
    pub warning: bool,
    /// INSTALLATION DATA.
    pub data: Option<String>,
    /// APPLICATION DATA.
    pub appldata: Option<String>,
    /// The access list, when AUTHUSER or ALL asked for it.
    pub access_list: Option<Vec<AccessEntry>>,
}

/// One name RLIST was asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RlistEntry {
    /// The profile.
    Profile(ProfileView),
    /// No such profile: ICH13003I.
    NotFound(String),
}

/// A whole RLIST listing; `all` adds the SECLEVEL, CATEGORIES and SECLABEL sections.
pub fn rlist(entries: &[RlistEntry], all: bool) -> Vec<String> {
    let mut out = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let p = match entry {
            RlistEntry::NotFound(name) => {
                out.push(m::ich13003i(name).line());
                continue;
            }
            RlistEntry::Profile(p) => p,
        };
        if i > 0 {
            out.push(String::new());
        }
        out.extend(profile(p, all));
    }
    out
}

/// The lines of one profile.
fn profile(p: &ProfileView, all: bool) -> Vec<String> {
    let mut out = vec![
        "CLASS      NAME".to_string(),
        "-----      ----".into(),
        format!(
            "{:<8}   {}{}",
            p.class,
            p.name,
            if p.generic { " (G)" } else { "" }
        ),
        String::new(),
        "LEVEL  OWNER      UNIVERSAL ACCESS  YOUR ACCESS  WARNING".into(),
        "-----  --------   ----------------  -----------  -------".into(),
        format!(
            " {:02}    {:<8}{:>12}{:>19}    {}",
            0,
            p.owner,
            p.uacc.keyword(),
            p.your_access.keyword(),
            if p.warning { "YES" } else { "NO" }
        ),
        String::new(),
        "INSTALLATION DATA".into(),
        "-----------------".into(),
        p.data.clone().unwrap_or_else(|| "NONE".into()),
        String::new(),
        "APPLICATION DATA".into(),
        "----------------".into(),
        p.appldata.clone().unwrap_or_else(|| "NONE".into()),
        String::new(),
    ];
    if all {
        for (h, v) in [
            ("SECLEVEL", "NO SECLEVEL"),
            ("CATEGORIES", "NO CATEGORIES"),
            ("SECLABEL", "NO SECLABEL"),
        ] {
            out.push(h.into());
            out.push("-".repeat(h.len()));
            out.push(v.into());
            out.push(String::new());
        }
    }
    out.extend(
        [
            "AUDITING",
            "--------",
            "FAILURES(READ)",
            "",
            "NOTIFY",
            "------",
            "NO USER TO BE NOTIFIED",
        ]
        .map(String::from),
    );
    // The access list is shown with AUTHUSER or ALL (as the real `RL FACILITY BPX.SUPERUSER AU`
    // shows).
    if let Some(list) = &p.access_list {
        out.push(String::new());
        out.push("USER      ACCESS   ACCESS COUNT".into());
        out.push("----      ------   ------ -----".into());
        if list.is_empty() {
            out.push("NO USERS IN ACCESS LIST".into());
        }
        for e in list {
            out.push(format!(
                "{:<8}  {:<8}    {:06}",
                e.id,
                e.access.keyword(),
                e.count
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::{capture, trimmed};

    fn view(class: &str, name: &str, generic: bool, your: Access) -> ProfileView {
        ProfileView {
            class: class.into(),
            name: name.into(),
            generic,
            owner: "IBMUSER".into(),
            uacc: Access::None,
            your_access: your,
            warning: false,
            data: None,
            appldata: None,
            access_list: None,
        }
    }

    /// Real `RL FACILITY BPX.SUPERUSER AU`
    /// (github.com/ozgurhepsag/Basic-z-OS-Utilities-and-Practices; docs/sources.md). The published
    /// copy shows the profile's first and last sections only; each is compared whole.
    const FACILITY_AU_HEAD: &str = "\
CLASS      NAME
-----      ----
FACILITY   BPX.SUPERUSER

LEVEL  OWNER      UNIVERSAL ACCESS  YOUR ACCESS  WARNING
-----  --------   ----------------  -----------  -------
 00    IBMUSER         NONE               READ    NO
";
    const FACILITY_AU_TAIL: &str = "\
USER      ACCESS   ACCESS COUNT
----      ------   ------ -----
IBMUSER   READ        000000
";

    #[test]
    fn rlist_authuser_matches_real_capture() {
        let mut p = view("FACILITY", "BPX.SUPERUSER", false, Access::Read);
        p.access_list = Some(vec![AccessEntry {
            id: "IBMUSER".into(),
            access: Access::Read,
            count: 0,
        }]);
        let got = trimmed(&rlist(&[RlistEntry::Profile(p)], false));
        let head = capture(FACILITY_AU_HEAD);
        let tail = capture(FACILITY_AU_TAIL);
        assert_eq!(got[..head.len()], head[..]);
        assert_eq!(got[got.len() - tail.len()..], tail[..]);
        // Between them, the sections racemu prints in the order docs/fidelity.md gives.
        assert_eq!(
            got[head.len()..got.len() - tail.len()],
            capture(
                "
INSTALLATION DATA
-----------------
NONE

APPLICATION DATA
----------------
NONE

AUDITING
--------
FAILURES(READ)

NOTIFY
------
NO USER TO BE NOTIFIED

"
            )[..]
        );
    }

    /// Real RLIST of a generic SURROGAT profile (same source; docs/sources.md): its first
    /// section, compared whole.
    const SURROGAT_HEAD: &str = "\
CLASS      NAME                                               
-----      ----                                               
SURROGAT   &SUSERS.SUBMIT (G)                                 

LEVEL  OWNER      UNIVERSAL ACCESS  YOUR ACCESS  WARNING      
-----  --------   ----------------  -----------  -------      
 00    IBMUSER         NONE              ALTER    NO          
";

    #[test]
    fn rlist_generic_matches_real_capture() {
        let p = view("SURROGAT", "&SUSERS.SUBMIT", true, Access::Alter);
        let got = trimmed(&rlist(&[RlistEntry::Profile(p)], false));
        let want = capture(SURROGAT_HEAD);
        assert_eq!(got[..want.len()], want[..]);
    }

    #[test]
    fn rlist_not_found_and_two_profiles() {
        let entries = [
            RlistEntry::NotFound("NOSUCH".into()),
            RlistEntry::Profile(view("FACILITY", "A", false, Access::Alter)),
        ];
        let got = rlist(&entries, false);
        assert_eq!(got[0], m::ich13003i("NOSUCH").line());
        assert_eq!(got[1], "");
        assert_eq!(got[2], "CLASS      NAME");
        assert_eq!(
            got.last().map(String::as_str),
            Some("NO USER TO BE NOTIFIED")
        );
    }
}

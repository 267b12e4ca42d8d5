//! LISTGRP: the BASE segment of each group in RACF's layout (the IRRSMO00 capture of
//! `LISTGRP TESTGRP0` in IBM's pyRACF tests; a z/OS capture of `LG SYS1` for subgroups).

use crate::messages as m;

/// What LISTGRP shows of one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupView {
    /// Group name.
    pub name: String,
    /// SUPERIOR GROUP (`NONE` for SYS1).
    pub supgroup: Option<String>,
    /// OWNER.
    pub owner: String,
    /// CREATED, as `yy.ddd`.
    pub created: String,
    /// INSTALLATION DATA.
    pub data: Option<String>,
    /// Subgroups, in name order.
    pub subgroups: Vec<String>,
    /// Connected users and their connect attributes (empty for none).
    pub members: Vec<(String, String)>,
}

/// One group name LISTGRP was asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupEntry {
    /// The group.
    Group(GroupView),
    /// No such group: ICH51003I.
    NotFound,
    /// The issuer may not list the group: ICH32002I.
    NotAuthorized(String),
}

/// A whole LISTGRP listing: groups after the first are preceded by a blank line.
pub fn listgrp(entries: &[GroupEntry]) -> Vec<String> {
    let mut out = Vec::new();
    let mut listed = false;
    for entry in entries {
        match entry {
            GroupEntry::NotFound => out.push(m::ich51003i().line()),
            GroupEntry::NotAuthorized(name) => out.push(m::ich32002i(name).line()),
            GroupEntry::Group(g) => {
                if listed {
                    out.push(String::new());
                }
                listed = true;
                out.extend(group(g));
            }
        }
    }
    out
}

/// The lines LISTGRP prints for one group.
fn group(g: &GroupView) -> Vec<String> {
    let mut out = vec![
        format!("INFORMATION FOR GROUP {}", g.name),
        format!(
            "    SUPERIOR GROUP={:<8}     OWNER={:<8}    CREATED={}",
            g.supgroup.as_deref().unwrap_or("NONE"),
            g.owner,
            g.created
        ),
        match &g.data {
            Some(d) => format!("    INSTALLATION DATA={d}"),
            None => "    NO INSTALLATION DATA".into(),
        },
        "    NO MODEL DATA SET".into(),
        "    TERMUACC".into(),
    ];
    if g.subgroups.is_empty() {
        out.push("    NO SUBGROUPS".into());
    }
    // Six names a line, each in nine columns; continuation lines as in a z/OS capture of
    // `LG SYS1`.
    for (i, chunk) in g.subgroups.chunks(6).enumerate() {
        let names: Vec<String> = chunk.iter().map(|n| format!("{n:<8}")).collect();
        let lead = if i == 0 {
            "    SUBGROUP(S)= "
        } else {
            "                "
        };
        out.push(format!("{lead}{}", names.join(" ")).trim_end().to_string());
    }
    if g.members.is_empty() {
        out.push("    NO USERS".into());
    } else {
        out.push("    USER(S)=      ACCESS=      ACCESS COUNT=      UNIVERSAL ACCESS=".into());
    }
    for (m, attributes) in &g.members {
        out.push(format!(
            "      {m:<8}      {:<8}      {:06}               {}",
            "USE", 0, "NONE"
        ));
        out.push(format!(
            "         CONNECT ATTRIBUTES={}",
            if attributes.is_empty() {
                "NONE"
            } else {
                attributes
            }
        ));
        out.push("         REVOKE DATE=NONE                 RESUME DATE=NONE".into());
    }
    out
}

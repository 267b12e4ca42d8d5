//! Group commands: ADDGROUP, CONNECT (a user to a group), LISTGRP.

use super::{positionals, string_value, user_ids};
use crate::operand::{get, keywords, text_value, ParseFailure};
use racemu_tso::operands::Operand;

/// ADDGROUP operands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupSpec {
    /// Group names.
    pub groups: Vec<String>,
    /// OWNER.
    pub owner: Option<String>,
    /// SUPGROUP.
    pub supgroup: Option<String>,
    /// DATA('installation data').
    pub data: Option<String>,
}

/// Parses ADDGROUP.
pub fn parse_group(ops: &[Operand]) -> Result<GroupSpec, ParseFailure> {
    let (pos, rest) = positionals(ops, 1);
    let groups = user_ids(&pos)?;
    if groups.is_empty() {
        return Err(ParseFailure::missing("GROUP NAME", "GROUP NAME"));
    }
    let kws = keywords(
        rest,
        &[
            "OWNER",
            "SUPGROUP",
            "DATA",
            "OMVS",
            "TERMUACC",
            "NOTERMUACC",
            "UNIVERSAL",
            "MODEL",
            "CSDATA",
            "DFP",
            "OVM",
            "TME",
        ],
    )?;
    Ok(GroupSpec {
        groups,
        owner: get(&kws, "OWNER")
            .map(|o| text_value(o, "OWNER"))
            .transpose()?
            .map(|s| s.to_ascii_uppercase()),
        supgroup: get(&kws, "SUPGROUP")
            .map(|o| text_value(o, "GROUP NAME"))
            .transpose()?
            .map(|s| s.to_ascii_uppercase()),
        data: get(&kws, "DATA")
            .map(|o| string_value(o, "INSTALLATION DATA"))
            .transpose()?,
    })
}

/// RACF CONNECT operands (a user to a group).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupConnect {
    /// User IDs.
    pub ids: Vec<String>,
    /// GROUP (default: the issuer's current group).
    pub group: Option<String>,
    /// Group-level attributes: SPECIAL / NOSPECIAL, OPERATIONS / NOOPERATIONS,
    /// AUDITOR / NOAUDITOR, as (attribute, on).
    pub attributes: Vec<(&'static str, bool)>,
}

/// Parses RACF CONNECT.
pub fn parse_connect_group(ops: &[Operand]) -> Result<GroupConnect, ParseFailure> {
    let (pos, rest) = positionals(ops, 1);
    let ids = user_ids(&pos)?;
    if ids.is_empty() {
        return Err(ParseFailure::missing("USERID", "USERID"));
    }
    let kws = keywords(
        rest,
        &[
            "GROUP",
            "OWNER",
            "AUTHORITY",
            "UACC",
            "SPECIAL",
            "NOSPECIAL",
            "OPERATIONS",
            "NOOPERATIONS",
            "AUDITOR",
            "NOAUDITOR",
            "REVOKE",
            "RESUME",
            "ADSP",
            "NOADSP",
            "GRPACC",
            "NOGRPACC",
        ],
    )?;
    let mut attributes = Vec::new();
    for (k, _) in &kws {
        match *k {
            "SPECIAL" | "OPERATIONS" | "AUDITOR" => attributes.push((*k, true)),
            "NOSPECIAL" => attributes.push(("SPECIAL", false)),
            "NOOPERATIONS" => attributes.push(("OPERATIONS", false)),
            "NOAUDITOR" => attributes.push(("AUDITOR", false)),
            _ => {}
        }
    }
    Ok(GroupConnect {
        ids,
        attributes,
        group: get(&kws, "GROUP")
            .map(|o| text_value(o, "GROUP NAME"))
            .transpose()?
            .map(|s| s.to_ascii_uppercase()),
    })
}

/// Parses LISTGRP (alias LG): group names, `*` for every group, none for the issuer's
/// default group. Segment keywords are accepted (racemu keeps no segments); any other word
/// is `IKJ56702I INVALID SEGMENT, word`, as z/OS answers `LISTGRP ZWE ALL`.
pub fn parse_listgrp(ops: &[Operand]) -> Result<Vec<String>, ParseFailure> {
    let (pos, rest) = positionals(ops, 1);
    // LISTGRP * lists every group; names otherwise follow the user-ID rules.
    let groups = if pos.first().is_some_and(|v| v.len() == 1 && v[0] == "*") {
        vec!["*".to_string()]
    } else {
        user_ids(&pos)?
    };
    let table = ["CSDATA", "DFP", "OMVS", "OVM", "TME", "NORACF"];
    for op in rest {
        if keywords(std::slice::from_ref(op), &table).is_err() {
            let word = op.to_string().to_ascii_uppercase();
            return Err(ParseFailure::invalid("SEGMENT", &word));
        }
    }
    Ok(groups)
}

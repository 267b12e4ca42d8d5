//! RACDCERT LISTMAP: a header and one block per mapping (RACF Command Language Reference,
//! RACDCERT LISTMAP,
//! <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-listmap.htm>;
//! layout from the Security Administrator's Guide's MULTIID example,
//! <https://www.ibm.com/docs/en/zos/2.5.0?topic=criteria-example>).

use racemu_racf::{MapOwner, TrustStatus};

/// What LISTMAP shows of one mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapView {
    /// Label.
    pub label: String,
    /// TRUST or NOTRUST.
    pub status: TrustStatus,
    /// The issuer's name filter (empty: none).
    pub issuer: String,
    /// The subject's name filter (empty: none).
    pub subject: String,
    /// CRITERIA, for a MULTIID mapping.
    pub criteria: Option<String>,
}

/// A filter or criteria value as `>…<` at column 7 (IBM's example indents six blanks), split
/// every [`super::DN_CHUNK`] characters; `><` when empty.
fn value_lines(v: &str) -> Vec<String> {
    super::chunked(v)
        .into_iter()
        .map(|l| l.replacen("       >", "      >", 1))
        .collect()
}

/// One mapping's block: Label, Status, Issuer's Name Filter, Subject's Name Filter and, for
/// MULTIID, Criteria.
pub fn map_block(v: &MapView) -> Vec<String> {
    let mut out = vec![
        format!(" Label: {}", v.label),
        format!(" Status: {}", v.status),
        " Issuer's Name Filter:".into(),
    ];
    out.extend(value_lines(&v.issuer));
    out.push(" Subject's Name Filter:".into());
    out.extend(value_lines(&v.subject));
    if let Some(c) = &v.criteria {
        out.push(" Criteria:".into());
        out.extend(value_lines(c));
    }
    out
}

/// A whole LISTMAP: `Mapping information for …:`, a blank line, each block followed by a
/// blank line (as LIST lays out its blocks).
pub fn listmap(owner: &MapOwner, maps: &[MapView]) -> Vec<String> {
    let mut out = vec![
        format!("Mapping information for {}:", owner.listing_name()),
        String::new(),
    ];
    for m in maps {
        out.extend(map_block(m));
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start of IBM's MULTIID example as the Security Administrator's Guide prints it
    /// (<https://www.ibm.com/docs/en/zos/2.5.0?topic=criteria-example>); the stored copy ends
    /// at "Crit", so the Criteria value is racemu's reading.
    #[test]
    fn listmap_matches_ibm_multiid_example() {
        let v = MapView {
            label: "All Michael's Music Employees".into(),
            status: TrustStatus::Trust,
            issuer: "OU=Michael's Music General Subscriber.O=VeriSign, Inc.L=Internet".into(),
            subject: String::new(),
            criteria: Some("APPLID=&APPLID".into()),
        };
        let want = [
            "Mapping information for MULTIID:",
            "",
            " Label: All Michael's Music Employees",
            " Status: TRUST",
            " Issuer's Name Filter:",
            "      >OU=Michael's Music General Subscriber.O=VeriSign, Inc.L=Internet<",
            " Subject's Name Filter:",
            "      ><",
            " Criteria:",
            "      >APPLID=&APPLID<",
            "",
        ];
        assert_eq!(listmap(&MapOwner::MultiId, &[v]), want);
    }
}

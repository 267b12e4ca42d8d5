//! The messages of the mapping functions (MAP, ALTMAP, DELMAP, LISTMAP) and of the
//! certificate-to-user lookup. IRRD140I, IRRD141I, IRRD142I and IRRD146I are IBM's (RACF
//! Messages and Codes, pages jj00008, jj00009, jj00010 and jj00014); IBM's texts for a missing
//! filter, a label or filter already used, a mapping not found and the rest could not be read,
//! so racemu gives its own RCM messages for them (docs/fidelity.md, certificate name filters).

use super::Message;

const JJ: &str =
    "https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/";

/// The IBM page of a confirmed message (for tests and docs).
pub fn page(id: &str) -> Option<String> {
    let p = match id {
        "IRRD140I" => "jj00008",
        "IRRD141I" => "jj00009",
        "IRRD142I" => "jj00010",
        "IRRD146I" => "jj00014",
        _ => return None,
    };
    Some(format!("{JJ}{p}.htm"))
}

/// IRRD140I (CONFIRMED): a filter that does not begin with an X.509 prefix, RC 8.
pub fn irrd140i() -> Message {
    Message::new(
        "IRRD140I",
        "The filter value does not begin with a valid prefix.",
        8,
    )
}

/// IRRD141I (CONFIRMED): MAP(dsn) with a starting point the certificate's name lacks, RC 8.
pub fn irrd141i(keyword: &str) -> Message {
    Message::new(
        "IRRD141I",
        format!("The starting point specified for {keyword} is not found in the certificate."),
        8,
    )
}

/// IRRD142I (CONFIRMED): MAP(dsn) whose filter from the starting point to the end of the
/// name would be longer than 255 characters, RC 8.
pub fn irrd142i(keyword: &str) -> Message {
    Message::new(
        "IRRD142I",
        format!("The starting point specified for {keyword} results in a filter that is too long."),
        8,
    )
}

/// IRRD146I (CONFIRMED): MAP(dsn) with SDNFILTER and a partial issuer's filter, RC 8.
pub fn irrd146i() -> Message {
    Message::new(
        "IRRD146I",
        "SDNFILTER cannot be specified with a partial issuer's name filter.",
        8,
    )
}

/// RCM401E: MAP without SDNFILTER or IDNFILTER, RC 8.
pub fn no_filter() -> Message {
    Message::new(
        "RCM401E",
        "MAP requires SDNFILTER, IDNFILTER or both. The request is not processed.",
        8,
    )
}

/// RCM402E: the owner already has a mapping with this label, RC 8.
pub fn map_label_exists(label: &str, owner: &str) -> Message {
    Message::new(
        "RCM402E",
        format!("A mapping with label '{label}' already exists for {owner}. The request is not processed."),
        8,
    )
}

/// RCM403E: a mapping with the same subject's and issuer's filters exists (for any user), RC 8.
pub fn filter_exists() -> Message {
    Message::new(
        "RCM403E",
        "A mapping with the same subject's and issuer's name filters already exists. The request is not processed.",
        8,
    )
}

/// RCM404E: no mapping with this label; RC 8 (RC 4 for LISTMAP).
pub fn map_not_found(label: &str, owner: &str) -> Message {
    Message::new(
        "RCM404E",
        format!("No mapping with label '{label}' was found for {owner}."),
        8,
    )
}

/// RCM405I: LISTMAP or DELMAP found no mappings for the owner, RC 4.
pub fn no_mappings(owner: &str) -> Message {
    Message::new(
        "RCM405I",
        format!("No mapping information was found for {owner}."),
        4,
    )
}

/// RCM406E: CRITERIA on a mapping of one user (racemu allows it only with MULTIID), RC 8.
pub fn criteria_needs_multiid() -> Message {
    Message::new(
        "RCM406E",
        "CRITERIA can be specified only with MULTIID. The request is not processed.",
        8,
    )
}

/// RCM407E: a MULTIID mapping without CRITERIA would map no one, RC 8.
pub fn multiid_needs_criteria() -> Message {
    Message::new(
        "RCM407E",
        "A MULTIID mapping requires CRITERIA. The request is not processed.",
        8,
    )
}

/// RCM408I (a hint, never SYSTSPRT): the change waits for the DIGTNMAP refresh.
pub fn refresh_note() -> Message {
    Message::new(
        "RCM408I",
        "DIGTNMAP is RACLISTed: the certificate name filter change takes effect at SETROPTS RACLIST(DIGTNMAP) REFRESH.",
        0,
    )
}

/// RCM409E: CERTAUTH or SITE named as a mapping's owner, RC 8.
pub fn map_owner_not_user() -> Message {
    Message::new(
        "RCM409E",
        "Mappings belong to a user ID or to MULTIID, not to CERTAUTH or SITE. The request is not processed.",
        8,
    )
}

/// RCM410E: RDEFINE, RALTER or RDELETE of class DIGTNMAP, which "do not operate with the
/// DIGTNMAP class" (Security Administrator's Guide, tmapp.htm), RC 8.
pub fn digtnmap_not_for(command: &str) -> Message {
    Message::new(
        "RCM410E",
        format!("{command} does not operate with class DIGTNMAP; use RACDCERT MAP, ALTMAP and DELMAP. The request is not processed."),
        8,
    )
}

//! RACF's ICH408I for a general resource request it refuses (SURROGAT at job submission):
//! z/OS Security Server RACF Messages and Codes, "ICH408I",
//! <https://ibm.com/docs/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha600/gk00572.htm> and its siblings.
//! The lines after the first follow the public captures of ICH408I; their column spacing is
//! UNCONFIRMED (docs/fidelity.md).

use super::{Message, Requester};
use racemu_racf::Access;

/// ICH408I for `resource` in general resource class `class`: the user line, the resource with
/// `CL(class)`, `INSUFFICIENT ACCESS AUTHORITY`, and the access asked for and allowed. RC 8.
pub fn ich408i_resource(
    who: &Requester,
    resource: &str,
    class: &str,
    intent: Access,
    allowed: Access,
) -> Message {
    let lines = [
        format!(
            "USER({:<8}) GROUP({:<8}) NAME({:<20})",
            who.userid, who.group, who.name
        ),
        format!("  {resource} CL({class})"),
        "  INSUFFICIENT ACCESS AUTHORITY".to_string(),
        format!(
            "  ACCESS INTENT({:<7})  ACCESS ALLOWED({:<7})",
            intent.keyword(),
            allowed.keyword()
        ),
    ];
    Message::new("ICH408I", lines.join("\n"), 8)
}

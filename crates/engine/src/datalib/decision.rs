//! R_datalib's decision path for one refusal: which profile was checked, whether its class
//! is active and RACLISTed, the access found and the access needed, and the commands that
//! would grant it. The ring doctor prints it for `no-access` and `no-key-access`.

use racemu_racf::Access;

/// How R_datalib decided to refuse a ring or a private key to its caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The class checked: `RDATALIB` (ring-specific checking) or `FACILITY` (global).
    pub class: &'static str,
    /// The resource checked (`OWNER.RING.LST`, `IRR.DIGTCERT.LISTRING`,
    /// `IRR.DIGTCERT.GENCERT`).
    pub resource: String,
    /// The profile that covers the resource in the RACLIST snapshot (or the database, when the
    /// class is not RACLISTed); `None` when no profile covers it.
    pub profile: Option<String>,
    /// SETROPTS CLASSACT is in effect for the class.
    pub active: bool,
    /// SETROPTS RACLIST is in effect for the class.
    pub raclisted: bool,
    /// The access the caller has.
    pub found: Access,
    /// The access the request needs.
    pub needed: Access,
    /// What else decided it (for global checking: why ring-specific checking did not apply).
    pub note: Option<String>,
    /// The commands that would grant the access, in the order they must run.
    pub fix: Vec<String>,
    /// What running `fix` changes for other IDs (switching a ring to ring-specific checking
    /// changes who may open it), when it changes anything beyond the caller's access.
    pub effect: Option<String>,
}

impl Decision {
    /// The decision path as short lines: profile checked, class state, access found and
    /// needed, and the note.
    pub fn lines(&self) -> Vec<String> {
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        let mut out = vec![
            format!(
                "Profile checked: {} {} ({})",
                self.class,
                self.resource,
                match &self.profile {
                    Some(p) if *p == self.resource => "discrete profile".to_string(),
                    Some(p) => format!("covered by {p}"),
                    None => "no profile covers it".to_string(),
                }
            ),
            format!(
                "Class {}: active {}, RACLISTed {}",
                self.class,
                yes_no(self.active),
                yes_no(self.raclisted)
            ),
            format!(
                "Access found: {}; access needed: {}",
                self.found.keyword(),
                self.needed.keyword()
            ),
        ];
        if let Some(n) = &self.note {
            out.push(n.clone());
        }
        if let Some(e) = &self.effect {
            out.push(e.clone());
        }
        out
    }
}

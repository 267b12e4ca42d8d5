//! SETROPTS LIST: the options racemu keeps, in RACF's order (racemu's layout of the lines it
//! has; no real capture of a whole SETROPTS LIST is at hand).

/// What SETROPTS LIST shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SetroptsView {
    /// Classes active (CLASSACT).
    pub active: Vec<String>,
    /// Classes with GENERIC.
    pub generic: Vec<String>,
    /// Classes with GENCMD.
    pub gencmd: Vec<String>,
    /// Classes RACLISTed.
    pub raclisted: Vec<String>,
    /// PASSWORD(INTERVAL(n)).
    pub password_interval: u32,
    /// PASSWORD(REVOKE(n)), when set.
    pub password_revoke: Option<u32>,
}

/// A class list, or `NONE`.
fn names(classes: &[String]) -> String {
    if classes.is_empty() {
        "NONE".into()
    } else {
        classes.join(" ")
    }
}

/// A whole SETROPTS LIST listing.
pub fn setropts_list(v: &SetroptsView) -> Vec<String> {
    let mut out = vec![
        "ATTRIBUTES = INITSTATS WHEN(PROGRAM -- BASIC)".to_string(),
        "PASSWORD PROCESSING OPTIONS:".to_string(),
        format!(
            "  PASSWORD CHANGE INTERVAL IS {:>4} DAYS.",
            v.password_interval
        ),
    ];
    if let Some(n) = v.password_revoke {
        out.push(format!(
            "  AFTER {n:>3} CONSECUTIVE UNSUCCESSFUL PASSWORD ATTEMPTS, A USERID WILL BE REVOKED."
        ));
    }
    out.extend([
        format!("ACTIVE CLASSES = {}", names(&v.active)),
        format!("GENERIC PROFILE CLASSES = {}", names(&v.generic)),
        format!("GENERIC COMMAND CLASSES = {}", names(&v.gencmd)),
        "GENLIST CLASSES = NONE".to_string(),
        "GLOBAL CHECKING CLASSES = NONE".to_string(),
        format!("SETR RACLIST CLASSES = {}", names(&v.raclisted)),
    ]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_setropts_list() {
        let v = SetroptsView {
            active: vec!["DIGTCERT".into(), "FACILITY".into()],
            generic: vec!["FACILITY".into()],
            gencmd: Vec::new(),
            raclisted: vec!["FACILITY".into()],
            password_interval: 30,
            password_revoke: Some(3),
        };
        assert_eq!(
            setropts_list(&v),
            [
                "ATTRIBUTES = INITSTATS WHEN(PROGRAM -- BASIC)",
                "PASSWORD PROCESSING OPTIONS:",
                "  PASSWORD CHANGE INTERVAL IS   30 DAYS.",
                "  AFTER   3 CONSECUTIVE UNSUCCESSFUL PASSWORD ATTEMPTS, A USERID WILL BE REVOKED.",
                "ACTIVE CLASSES = DIGTCERT FACILITY",
                "GENERIC PROFILE CLASSES = FACILITY",
                "GENERIC COMMAND CLASSES = NONE",
                "GENLIST CLASSES = NONE",
                "GLOBAL CHECKING CLASSES = NONE",
                "SETR RACLIST CLASSES = FACILITY",
            ]
        );
    }
}

//! SETROPTS LIST: every section RACF prints, in RACF's order, with racemu's values.
//!
//! The order and texts follow real SETROPTS LIST output returned by IRRSMO00 in pyRACF's test
//! captures (ambitus/pyracf, tests/setropts/setropts_result_samples/list_setropts_result_success.xml
//! and _3.xml): ATTRIBUTES, STATISTICS, (AUDIT CLASSES when any), ACTIVE CLASSES, GENERIC
//! PROFILE CLASSES, GENERIC COMMAND CLASSES, GENLIST, GLOBAL CHECKING, SETR RACLIST, GLOBAL=YES
//! RACLIST ONLY, the data-set options, PASSWORD PROCESSING OPTIONS, then the RVARY, security
//! label, JES, session-key, ADDCREATOR, KERBLVL, multilevel and language options. IRRSMO00
//! strips leading blanks, so the indentation of the password lines (two blanks) is racemu's.
//! Options racemu does not keep show the values a newly initialised RACF database has.

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
    /// The options for data sets (PROTECTALL, EGN, ADSP …).
    pub datasets: DatasetOptions,
}

/// The data-set options of SETROPTS LIST, in one place for the data-set profile work to fill.
/// The default is a newly initialised RACF database: every option off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DatasetOptions {
    /// ADSP.
    pub adsp: bool,
    /// EGN (enhanced generic naming).
    pub egn: bool,
    /// PROTECTALL(FAILURES) when `Some(true)`, PROTECTALL(WARNING) when `Some(false)`.
    pub protectall: Option<bool>,
    /// GRPLIST (list-of-groups access checking).
    pub grplist: bool,
}

/// A class list after `label`, or `NONE`.
fn classes(label: &str, names: &[String]) -> String {
    if names.is_empty() {
        format!("{label}NONE")
    } else {
        format!("{label}{}", names.join(" "))
    }
}

/// `IS IN EFFECT` / `IS NOT IN EFFECT`.
fn in_effect(what: &str, on: bool) -> String {
    if on {
        format!("{what} IS IN EFFECT")
    } else {
        format!("{what} IS NOT IN EFFECT")
    }
}

/// The data-set option lines, from AUTOMATIC DATASET PROTECTION to data set modelling.
fn dataset_lines(d: &DatasetOptions) -> Vec<String> {
    let mut out = vec![
        in_effect("AUTOMATIC DATASET PROTECTION", d.adsp),
        in_effect("ENHANCED GENERIC NAMING", d.egn),
        "REAL DATA SET NAMES OPTION IS INACTIVE".to_string(),
        "JES-BATCHALLRACF OPTION IS INACTIVE".to_string(),
        "JES-XBMALLRACF OPTION IS INACTIVE".to_string(),
        "JES-EARLYVERIFY OPTION IS INACTIVE".to_string(),
    ];
    match d.protectall {
        None => out.push("PROTECT-ALL OPTION IS NOT IN EFFECT".to_string()),
        Some(fail) => {
            out.push("PROTECT-ALL IS ACTIVE, CURRENT OPTIONS:".to_string());
            out.push(if fail {
                "  PROTECT-ALL FAIL OPTION IS IN EFFECT".to_string()
            } else {
                "  PROTECT-ALL WARNING OPTION IS IN EFFECT".to_string()
            });
        }
    }
    out.extend([
        "TAPE DATA SET PROTECTION IS INACTIVE".to_string(),
        "SECURITY RETENTION PERIOD IN EFFECT IS     0 DAYS.".to_string(),
        "ERASE-ON-SCRATCH IS INACTIVE".to_string(),
        "SINGLE LEVEL NAMES NOT ALLOWED".to_string(),
        format!(
            "LIST OF GROUPS ACCESS CHECKING IS {}.",
            if d.grplist { "ACTIVE" } else { "INACTIVE" }
        ),
        "INACTIVE USERIDS ARE NOT BEING AUTOMATICALLY REVOKED.".to_string(),
        "NO DATA SET MODELLING BEING DONE.".to_string(),
    ]);
    out
}

/// The PASSWORD PROCESSING OPTIONS section.
fn password_lines(v: &SetroptsView) -> Vec<String> {
    let mut out = vec![
        "PASSWORD PROCESSING OPTIONS:".to_string(),
        "  THE ACTIVE PASSWORD ENCRYPTION ALGORITHM IS LEGACY".to_string(),
        format!(
            "  PASSWORD CHANGE INTERVAL IS {:>3} DAYS.",
            v.password_interval
        ),
        "  PASSWORD MINIMUM CHANGE INTERVAL IS   0 DAYS.".to_string(),
        "  MIXED CASE PASSWORD SUPPORT IS NOT IN EFFECT".to_string(),
        "  SPECIAL CHARACTERS ARE NOT ALLOWED.".to_string(),
        "  NO PASSWORD HISTORY BEING MAINTAINED.".to_string(),
    ];
    match v.password_revoke {
        Some(n) => {
            out.push(format!(
                "  AFTER {n:>3} CONSECUTIVE UNSUCCESSFUL PASSWORD ATTEMPTS,"
            ));
            out.push("  A USERID WILL BE REVOKED.".to_string());
        }
        None => out.push("  USERIDS NOT BEING AUTOMATICALLY REVOKED.".to_string()),
    }
    out.extend([
        "  NO PASSWORD EXPIRATION WARNING MESSAGES WILL BE ISSUED.".to_string(),
        "  NO INSTALLATION PASSWORD SYNTAX RULES ARE PRESENT.".to_string(),
    ]);
    out
}

/// The options after the password section, from the RVARY passwords to the languages.
fn closing_lines() -> Vec<String> {
    [
        "DEFAULT RVARY PASSWORD IS IN EFFECT FOR THE SWITCH FUNCTION.",
        "DEFAULT RVARY PASSWORD IS IN EFFECT FOR THE STATUS FUNCTION.",
        "SECLABEL CONTROL IS NOT IN EFFECT",
        "GENERIC OWNER ONLY IS NOT IN EFFECT",
        "COMPATIBILITY MODE IS NOT IN EFFECT",
        "MULTI-LEVEL QUIET IS NOT IN EFFECT",
        "MULTI-LEVEL STABLE IS NOT IN EFFECT",
        "NO WRITE-DOWN IS NOT IN EFFECT",
        "MULTI-LEVEL ACTIVE IS NOT IN EFFECT",
        "CATALOGUED DATA SETS ONLY, IS NOT IN EFFECT",
        "USER-ID FOR JES NJEUSERID IS : ????????",
        "USER-ID FOR JES UNDEFINEDUSER IS : ++++++++",
        "PARTNER LU-VERIFICATION SESSIONKEY INTERVAL MAXIMUM/DEFAULT IS    30 DAYS.",
        "ADDCREATOR IS NOT IN EFFECT",
        "KERBLVL =     0",
        "MULTI-LEVEL FILE SYSTEM IS NOT IN EFFECT",
        "MULTI-LEVEL INTERPROCESS COMMUNICATIONS IS NOT IN EFFECT",
        "MULTI-LEVEL NAME HIDING IS NOT IN EFFECT",
        "SECURITY LABEL BY SYSTEM IS NOT IN EFFECT",
        "PRIMARY LANGUAGE DEFAULT : ENU",
        "SECONDARY LANGUAGE DEFAULT : ENU",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// A whole SETROPTS LIST listing, every section in RACF's order.
pub fn setropts_list(v: &SetroptsView) -> Vec<String> {
    let mut out = vec![
        "ATTRIBUTES = INITSTATS WHEN(PROGRAM -- BASIC)".to_string(),
        "STATISTICS = NONE".to_string(),
        classes("ACTIVE CLASSES = ", &v.active),
        classes("GENERIC PROFILE CLASSES =  ", &v.generic),
        classes("GENERIC COMMAND CLASSES =  ", &v.gencmd),
        "GENLIST CLASSES =  NONE".to_string(),
        "GLOBAL CHECKING CLASSES =  NONE".to_string(),
        classes("SETR RACLIST CLASSES =  ", &v.raclisted),
        "GLOBAL=YES RACLIST ONLY =  NONE".to_string(),
    ];
    out.extend(dataset_lines(&v.datasets));
    out.extend(password_lines(v));
    out.extend(closing_lines());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole listing against the layout of the pyRACF capture
    /// (list_setropts_result_success.xml), with racemu's values.
    #[test]
    fn whole_setropts_list() {
        let v = SetroptsView {
            active: vec!["DIGTCERT".into(), "FACILITY".into()],
            generic: vec!["FACILITY".into()],
            gencmd: Vec::new(),
            raclisted: vec!["FACILITY".into()],
            password_interval: 30,
            password_revoke: Some(3),
            datasets: DatasetOptions::default(),
        };
        assert_eq!(
            setropts_list(&v),
            [
                "ATTRIBUTES = INITSTATS WHEN(PROGRAM -- BASIC)",
                "STATISTICS = NONE",
                "ACTIVE CLASSES = DIGTCERT FACILITY",
                "GENERIC PROFILE CLASSES =  FACILITY",
                "GENERIC COMMAND CLASSES =  NONE",
                "GENLIST CLASSES =  NONE",
                "GLOBAL CHECKING CLASSES =  NONE",
                "SETR RACLIST CLASSES =  FACILITY",
                "GLOBAL=YES RACLIST ONLY =  NONE",
                "AUTOMATIC DATASET PROTECTION IS NOT IN EFFECT",
                "ENHANCED GENERIC NAMING IS NOT IN EFFECT",
                "REAL DATA SET NAMES OPTION IS INACTIVE",
                "JES-BATCHALLRACF OPTION IS INACTIVE",
                "JES-XBMALLRACF OPTION IS INACTIVE",
                "JES-EARLYVERIFY OPTION IS INACTIVE",
                "PROTECT-ALL OPTION IS NOT IN EFFECT",
                "TAPE DATA SET PROTECTION IS INACTIVE",
                "SECURITY RETENTION PERIOD IN EFFECT IS     0 DAYS.",
                "ERASE-ON-SCRATCH IS INACTIVE",
                "SINGLE LEVEL NAMES NOT ALLOWED",
                "LIST OF GROUPS ACCESS CHECKING IS INACTIVE.",
                "INACTIVE USERIDS ARE NOT BEING AUTOMATICALLY REVOKED.",
                "NO DATA SET MODELLING BEING DONE.",
                "PASSWORD PROCESSING OPTIONS:",
                "  THE ACTIVE PASSWORD ENCRYPTION ALGORITHM IS LEGACY",
                "  PASSWORD CHANGE INTERVAL IS  30 DAYS.",
                "  PASSWORD MINIMUM CHANGE INTERVAL IS   0 DAYS.",
                "  MIXED CASE PASSWORD SUPPORT IS NOT IN EFFECT",
                "  SPECIAL CHARACTERS ARE NOT ALLOWED.",
                "  NO PASSWORD HISTORY BEING MAINTAINED.",
                "  AFTER   3 CONSECUTIVE UNSUCCESSFUL PASSWORD ATTEMPTS,",
                "  A USERID WILL BE REVOKED.",
                "  NO PASSWORD EXPIRATION WARNING MESSAGES WILL BE ISSUED.",
                "  NO INSTALLATION PASSWORD SYNTAX RULES ARE PRESENT.",
                "DEFAULT RVARY PASSWORD IS IN EFFECT FOR THE SWITCH FUNCTION.",
                "DEFAULT RVARY PASSWORD IS IN EFFECT FOR THE STATUS FUNCTION.",
                "SECLABEL CONTROL IS NOT IN EFFECT",
                "GENERIC OWNER ONLY IS NOT IN EFFECT",
                "COMPATIBILITY MODE IS NOT IN EFFECT",
                "MULTI-LEVEL QUIET IS NOT IN EFFECT",
                "MULTI-LEVEL STABLE IS NOT IN EFFECT",
                "NO WRITE-DOWN IS NOT IN EFFECT",
                "MULTI-LEVEL ACTIVE IS NOT IN EFFECT",
                "CATALOGUED DATA SETS ONLY, IS NOT IN EFFECT",
                "USER-ID FOR JES NJEUSERID IS : ????????",
                "USER-ID FOR JES UNDEFINEDUSER IS : ++++++++",
                "PARTNER LU-VERIFICATION SESSIONKEY INTERVAL MAXIMUM/DEFAULT IS    30 DAYS.",
                "ADDCREATOR IS NOT IN EFFECT",
                "KERBLVL =     0",
                "MULTI-LEVEL FILE SYSTEM IS NOT IN EFFECT",
                "MULTI-LEVEL INTERPROCESS COMMUNICATIONS IS NOT IN EFFECT",
                "MULTI-LEVEL NAME HIDING IS NOT IN EFFECT",
                "SECURITY LABEL BY SYSTEM IS NOT IN EFFECT",
                "PRIMARY LANGUAGE DEFAULT : ENU",
                "SECONDARY LANGUAGE DEFAULT : ENU",
            ]
        );
    }

    /// NOREVOKE and PROTECTALL(FAILURES): the lines RACF prints for them.
    #[test]
    fn norevoke_and_protectall() {
        let v = SetroptsView {
            password_interval: 186,
            datasets: DatasetOptions {
                protectall: Some(true),
                ..DatasetOptions::default()
            },
            ..SetroptsView::default()
        };
        let out = setropts_list(&v);
        assert!(out.contains(&"  PASSWORD CHANGE INTERVAL IS 186 DAYS.".to_string()));
        assert!(out.contains(&"  USERIDS NOT BEING AUTOMATICALLY REVOKED.".to_string()));
        let at = out
            .iter()
            .position(|l| l == "PROTECT-ALL IS ACTIVE, CURRENT OPTIONS:");
        assert!(at.is_some_and(|i| out[i + 1] == "  PROTECT-ALL FAIL OPTION IS IN EFFECT"));
    }
}

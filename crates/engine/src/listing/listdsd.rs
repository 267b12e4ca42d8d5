//! LISTDSD, laid out as the public capture of `LISTDSD DATASET('…') GENERIC ALL` shows it
//! (GitHub, a z/OS `tsocmd` capture quoted in a dchmod utility; z/OS Security Server RACF
//! General User's Guide, "Finding out how a data set is protected",
//! <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha100/findd.htm>).
//! The discrete-profile dates and counts lines are UNCONFIRMED (the capture is of a generic
//! profile).

use racemu_racf::Access;

/// One data set profile as LISTDSD shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsProfileView {
    /// Profile name.
    pub name: String,
    /// Generic (`(G)` after the name).
    pub generic: bool,
    /// OWNER.
    pub owner: String,
    /// UACC.
    pub uacc: Access,
    /// WARNING.
    pub warning: bool,
    /// AUDIT as recorded (`FAILURES(READ)` by default).
    pub audit: String,
    /// NOTIFY user, if any.
    pub notify: Option<String>,
    /// The issuer's access.
    pub your_access: Access,
    /// The creation group (the owner's default group).
    pub creation_group: String,
    /// Installation data.
    pub data: Option<String>,
    /// Creation date as `yy.ddd`.
    pub created: String,
    /// The access list (shown with ALL or AUTHUSER).
    pub access_list: Option<Vec<(String, Access)>>,
}

/// The lines of one profile; `all` adds the dates and counts.
pub fn listdsd(p: &DsProfileView, all: bool) -> Vec<String> {
    let yn = |b: bool| if b { "YES" } else { "NO" };
    let mut out = vec![
        format!(
            "INFORMATION FOR DATASET {}{}",
            p.name,
            if p.generic { " (G)" } else { "" }
        ),
        String::new(),
        "LEVEL  OWNER    UNIVERSAL ACCESS   WARNING   ERASE".into(),
        "-----  -------- ----------------   -------   -----".into(),
        format!(
            " 00    {:<8}{:>12}{:>12}{:>8}",
            p.owner,
            p.uacc.keyword(),
            yn(p.warning),
            "NO"
        ),
        String::new(),
        "AUDITING".into(),
        "--------".into(),
        p.audit.clone(),
        String::new(),
        "NOTIFY".into(),
        "--------".into(),
        p.notify
            .clone()
            .unwrap_or_else(|| "NO USER TO BE NOTIFIED".into()),
        String::new(),
        "YOUR ACCESS  CREATION GROUP  DATASET TYPE".into(),
        "-----------  --------------  ------------".into(),
        format!(
            "{:>8}        {:<8}       NON-VSAM",
            p.your_access.keyword(),
            p.creation_group
        ),
        String::new(),
    ];
    match &p.data {
        Some(d) => out.extend([
            "INSTALLATION DATA".into(),
            "-----------------".into(),
            d.clone(),
        ]),
        None => out.push("NO INSTALLATION DATA".into()),
    }
    let Some(list) = &p.access_list else {
        return out;
    };
    out.extend(
        [
            "",
            "              SECURITY LEVEL",
            "------------------------------------------",
            "NO SECURITY LEVEL",
            "",
            "CATEGORIES",
            "----------",
            "NO CATEGORIES",
            "",
            "SECLABEL",
            "--------",
            "NO SECLABEL",
        ]
        .map(String::from),
    );
    if all {
        out.extend(dates_and_counts(p));
    }
    out.push(String::new());
    out.push("   ID     ACCESS".into());
    out.push("--------  -------".into());
    if list.is_empty() {
        out.push("NO USERS IN ACCESS LIST".into());
    }
    out.extend(
        list.iter()
            .map(|(id, a)| format!("{id:<8}   {}", a.keyword())),
    );
    out.extend(
        [
            "",
            "   ID    ACCESS   CLASS                ENTITY NAME",
            "-------- ------- -------- ----------------------------------------------------",
            "NO ENTRIES IN CONDITIONAL ACCESS LIST",
        ]
        .map(String::from),
    );
    out
}

/// The dates and access counts of LISTDSD ALL.
fn dates_and_counts(p: &DsProfileView) -> Vec<String> {
    let (day, year) = p
        .created
        .split_once('.')
        .map(|(y, d)| (d.to_string(), y.to_string()))
        .unwrap_or_default();
    let mut out: Vec<String> = [
        "",
        "CREATION DATE  LAST REFERENCE DATE  LAST CHANGE DATE",
        "(DAY) (YEAR)        (DAY) (YEAR)      (DAY) (YEAR)",
        "-------------  -------------------  ----------------",
    ]
    .map(String::from)
    .into();
    if p.generic {
        out.push(format!(
            " {day:>3}    {year:>2}      NOT APPLICABLE FOR GENERIC PROFILE"
        ));
    } else {
        out.push(format!(
            " {day:>3}    {year:>2}          {day:>3}    {year:>2}        {day:>3}    {year:>2}"
        ));
    }
    out.extend(
        [
            "",
            "ALTER COUNT  CONTROL COUNT  UPDATE COUNT  READ COUNT",
            "-----------  -------------  ------------  ----------",
        ]
        .map(String::from),
    );
    out.push(if p.generic {
        "NOT APPLICABLE FOR GENERIC PROFILE".into()
    } else {
        "  000000        000000         000000        000000".into()
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The public capture of `LISTDSD DATASET('FULTONM.MY.FILE') GENERIC ALL`, with its masked
    /// creation date filled in.
    #[test]
    fn generic_all_matches_the_capture() {
        let view = DsProfileView {
            name: "FULTONM.MY.FILE".into(),
            generic: true,
            owner: "FULTONM".into(),
            uacc: Access::None,
            warning: false,
            audit: "FAILURES(READ)".into(),
            notify: None,
            your_access: Access::Alter,
            creation_group: "CDEV".into(),
            data: None,
            created: "26.341".into(),
            access_list: Some(vec![
                ("*".into(), Access::Read),
                ("CDEV".into(), Access::Read),
            ]),
        };
        let want = "\
INFORMATION FOR DATASET FULTONM.MY.FILE (G)

LEVEL  OWNER    UNIVERSAL ACCESS   WARNING   ERASE
-----  -------- ----------------   -------   -----
 00    FULTONM         NONE          NO      NO

AUDITING
--------
FAILURES(READ)

NOTIFY
--------
NO USER TO BE NOTIFIED

YOUR ACCESS  CREATION GROUP  DATASET TYPE
-----------  --------------  ------------
   ALTER        CDEV           NON-VSAM

NO INSTALLATION DATA

              SECURITY LEVEL
------------------------------------------
NO SECURITY LEVEL

CATEGORIES
----------
NO CATEGORIES

SECLABEL
--------
NO SECLABEL

CREATION DATE  LAST REFERENCE DATE  LAST CHANGE DATE
(DAY) (YEAR)        (DAY) (YEAR)      (DAY) (YEAR)
-------------  -------------------  ----------------
 341    26      NOT APPLICABLE FOR GENERIC PROFILE

ALTER COUNT  CONTROL COUNT  UPDATE COUNT  READ COUNT
-----------  -------------  ------------  ----------
NOT APPLICABLE FOR GENERIC PROFILE

   ID     ACCESS
--------  -------
*          READ
CDEV       READ

   ID    ACCESS   CLASS                ENTITY NAME
-------- ------- -------- ----------------------------------------------------
NO ENTRIES IN CONDITIONAL ACCESS LIST";
        assert_eq!(listdsd(&view, true).join("\n"), want);
    }
}

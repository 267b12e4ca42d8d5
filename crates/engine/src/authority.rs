//! Who may do what: SPECIAL, general resource profiles (discrete and generic, most specific
//! wins), access lists with groups and `*`, UACC, and RACLIST snapshots (reference §7, §8).

use racemu_command::Access;
use racemu_store::{profiles, rusqlite::Transaction, users};

/// Whether `pattern` (a generic profile name with `*`, `**`, `%`) covers `name`.
///
/// `%` matches one character, `*` any characters within one qualifier (or, as the last
/// character of the name, the rest of the name), `**` any number of qualifiers.
pub fn generic_match(pattern: &str, name: &str) -> bool {
    let p: Vec<&str> = pattern.split('.').collect();
    let n: Vec<&str> = name.split('.').collect();
    fn qual(p: &[u8], n: &[u8]) -> bool {
        match (p.first(), n.first()) {
            (None, None) => true,
            (Some(b'*'), _) => qual(&p[1..], n) || (!n.is_empty() && qual(p, &n[1..])),
            (Some(b'%'), Some(_)) => qual(&p[1..], &n[1..]),
            (Some(a), Some(b)) if a == b => qual(&p[1..], &n[1..]),
            _ => false,
        }
    }
    fn quals(p: &[&str], n: &[&str]) -> bool {
        match (p.first(), n.first()) {
            (None, None) => true,
            (Some(&"**"), _) => quals(&p[1..], n) || (!n.is_empty() && quals(p, &n[1..])),
            // A trailing `*` qualifier also matches the remaining qualifiers (RACF rule for
            // general resources: `IRR.*` covers `IRR.DIGTCERT.LIST`).
            (Some(&"*"), Some(_)) if p.len() == 1 => true,
            (Some(a), Some(b)) => qual(a.as_bytes(), b.as_bytes()) && quals(&p[1..], &n[1..]),
            _ => false,
        }
    }
    quals(&p, &n)
}

/// True when a profile name is generic.
pub fn is_generic(name: &str) -> bool {
    name.contains('*') || name.contains('%')
}

/// How specific a generic pattern is: longer literal prefixes win, then fewer wildcards.
fn specificity(pattern: &str) -> (usize, usize, usize) {
    let prefix = pattern.find(['*', '%']).unwrap_or(pattern.len());
    let wild = pattern.matches(['*', '%']).count();
    (prefix, usize::MAX - wild, pattern.len())
}

/// The profile that protects `name` in `class`: the discrete profile, else the most
/// specific generic one. Reads the RACLIST snapshot when `snapshot`.
pub fn protecting_profile(
    tx: &Transaction<'_>,
    class: &str,
    name: &str,
    snapshot: bool,
) -> rusqlite::Result<Option<(String, String)>> {
    let cands = profiles::candidates(tx, class, snapshot)?;
    if let Some((n, _, uacc, _)) = cands.iter().find(|(n, g, _, _)| !*g && n == name) {
        return Ok(Some((n.clone(), uacc.clone())));
    }
    Ok(cands
        .into_iter()
        .filter(|(n, g, _, _)| *g && generic_match(n, name))
        .max_by_key(|(n, _, _, _)| specificity(n))
        .map(|(n, _, u, _)| (n, u)))
}

use racemu_store::rusqlite;

/// The access `userid` has to resource `name` in `class`, or `None` when no profile protects
/// it or the class is not active. SPECIAL users are not special here (callers decide).
pub fn resource_access(
    tx: &Transaction<'_>,
    userid: &str,
    class: &str,
    name: &str,
) -> rusqlite::Result<Option<Access>> {
    let opts = profiles::class_options(tx, class)?;
    if !opts.active {
        return Ok(None);
    }
    let snapshot = opts.raclisted;
    let Some((profile, uacc)) = protecting_profile(tx, class, name, snapshot)? else {
        return Ok(None);
    };
    let mut ids = vec![userid.to_string()];
    ids.extend(users::groups(tx, userid)?);
    let listed = profiles::access_of(tx, class, &profile, &ids, snapshot)?;
    let user_entry = profiles::access_of(tx, class, &profile, &[userid.to_string()], snapshot)?;
    let pick = |v: &[String]| v.iter().filter_map(|a| Access::parse(a)).max();
    // A user's own entry wins over group entries; then the best group entry; then UACC.
    let access = pick(&user_entry)
        .or_else(|| pick(&listed))
        .or_else(|| Access::parse(&uacc))
        .unwrap_or(Access::None);
    Ok(Some(access))
}

/// Whether the user has the SPECIAL attribute. Undefined users do not.
pub fn is_special(tx: &Transaction<'_>, userid: &str) -> rusqlite::Result<bool> {
    Ok(users::get(tx, userid)?.map(|u| u.special).unwrap_or(false))
}

/// RACDCERT authority: SPECIAL, or at least `needed` to FACILITY `IRR.DIGTCERT.<function>`.
/// A missing profile or inactive FACILITY class denies (reference §7.1).
pub fn racdcert_allowed(
    tx: &Transaction<'_>,
    userid: &str,
    function: &str,
    needed: Access,
) -> rusqlite::Result<bool> {
    if is_special(tx, userid)? {
        return Ok(true);
    }
    let resource = format!("IRR.DIGTCERT.{function}");
    Ok(matches!(resource_access(tx, userid, "FACILITY", &resource)?, Some(a) if a >= needed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_rules() {
        assert!(generic_match("IRR.DIGTCERT.*", "IRR.DIGTCERT.LIST"));
        assert!(generic_match("IRR.*", "IRR.DIGTCERT.LIST"));
        assert!(generic_match("IRR.**", "IRR.DIGTCERT.LIST"));
        assert!(generic_match("IRR.DIGTCERT.LIST*", "IRR.DIGTCERT.LISTRING"));
        assert!(generic_match("IRR.DIGTCERT.L%ST", "IRR.DIGTCERT.LIST"));
        assert!(!generic_match("IRR.DIGTCERT.L%ST", "IRR.DIGTCERT.LISTRING"));
        assert!(!generic_match("IRR.DIGTCERT.ADD", "IRR.DIGTCERT.ADDRING"));
        assert!(specificity("IRR.DIGTCERT.*") > specificity("IRR.*"));
    }
}

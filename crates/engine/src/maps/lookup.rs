//! RACF's certificate-to-user lookup (what initACEE and R_usermap function X'0006' answer),
//! in RACF's order (z/OS Explorer, authentication by your security software,
//! <https://www.ibm.com/docs/en/explorer-for-zos/3.2?topic=certificates-authentication-by-your-security-software>;
//! Security Administrator's Guide, how RACF determines the user ID,
//! <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/gendet.htm>):
//!
//! 1. a certificate registered in DIGTCERT: TRUST or HIGHTRUST maps to its user, NOTRUST to
//!    no one (the lookup stops), CERTAUTH and SITE certificates are no user's identity;
//! 2. else the name filters, while DIGTNMAP is active, in IBM's six steps; the first filter
//!    found decides (TRUST maps, NOTRUST does not); MULTIID filters take the user from the
//!    APPLDATA of the DIGTCRIT profile their CRITERIA names;
//! 3. else the hostIdMappings extension ([`super::hostid`]).

pub use super::answer::{Decision, FilterStep, Query, UserMapping};
use super::hostid;
use crate::lookup::profile_of;
use racemu_pki as pki;
use racemu_racf::{split_rdns, MapOwner, Owner, TrustStatus};
use racemu_store::maps::{self, MapRow};
use racemu_store::{certs, profiles, StoreResult, Tx};

/// The candidate (subject, issuer) filter keys in IBM's six-step order.
pub fn candidates(subject: &str, issuer: &str) -> Vec<(FilterStep, String, String)> {
    let s = split_rdns(subject);
    let i = split_rdns(issuer);
    let partial =
        |rdns: &[&str]| -> Vec<String> { (1..rdns.len()).map(|k| rdns[k..].join(".")).collect() };
    let mut out = vec![(
        FilterStep::SubjectIssuer,
        subject.to_string(),
        issuer.to_string(),
    )];
    out.extend(
        partial(&s)
            .into_iter()
            .map(|p| (FilterStep::PartialSubjectIssuer, p, issuer.to_string())),
    );
    out.push((FilterStep::Subject, subject.to_string(), String::new()));
    out.extend(
        partial(&s)
            .into_iter()
            .map(|p| (FilterStep::PartialSubject, p, String::new())),
    );
    out.push((FilterStep::Issuer, String::new(), issuer.to_string()));
    out.extend(
        partial(&i)
            .into_iter()
            .map(|p| (FilterStep::PartialIssuer, String::new(), p)),
    );
    out
}

/// `template` with `&APPLID` and `&SYSID` replaced, upper case; `None` when it needs
/// `&APPLID` and no application ID was given.
pub fn substitute(template: &str, appl: Option<&str>, sysid: &str) -> Option<String> {
    let upper = template.to_ascii_uppercase();
    if upper.contains("&APPLID") && appl.is_none() {
        return None;
    }
    Some(
        upper
            .replace("&APPLID", &appl.unwrap_or_default().to_ascii_uppercase())
            .replace("&SYSID", &sysid.to_ascii_uppercase()),
    )
}

/// The filter step of the lookup: the first mapping found decides.
fn by_filter(
    tx: &Tx<'_>,
    q: &Query<'_>,
    info: &pki::CertificateInfo,
) -> StoreResult<Option<UserMapping>> {
    let opts = profiles::class_options(tx, "DIGTNMAP")?;
    if !opts.active {
        return Ok(None);
    }
    let (subject, issuer) = (info.subject.racf_dotted(), info.issuer.racf_dotted());
    for (step, s, i) in candidates(&subject, &issuer) {
        if let Some(row) = maps::with_filters(tx, &s, &i, opts.raclisted)? {
            return Ok(Some(decide_filter(tx, q, row, step)?));
        }
    }
    Ok(None)
}

/// What a matched mapping gives.
fn decide_filter(
    tx: &Tx<'_>,
    q: &Query<'_>,
    row: MapRow,
    step: FilterStep,
) -> StoreResult<UserMapping> {
    let trusted = row.status != TrustStatus::NoTrust;
    let (user, criteria) = match &row.owner {
        MapOwner::User(u) => (trusted.then(|| u.clone()), None),
        MapOwner::MultiId => {
            let name = row
                .criteria
                .as_deref()
                .and_then(|t| substitute(t, q.appl, q.sysid));
            match name {
                Some(n) => {
                    let crit = profiles::class_options(tx, "DIGTCRIT")?;
                    let data = maps::criteria_appldata(tx, &n, crit.raclisted)?
                        .map(|d| d.trim().to_ascii_uppercase())
                        .filter(|d| !d.is_empty());
                    let found = data.is_some();
                    (data.filter(|_| trusted), Some((n, found)))
                }
                None => (
                    None,
                    Some((row.criteria.clone().unwrap_or_default(), false)),
                ),
            }
        }
    };
    Ok(UserMapping {
        user,
        decision: Decision::Filter {
            owner: row.owner,
            label: row.label,
            status: row.status,
            step,
            criteria,
        },
    })
}

/// Why the lookup could not answer.
#[derive(Debug)]
pub enum LookupError {
    /// The bytes are no X.509 certificate.
    NotACertificate,
    /// RACF refuses the caller (R_usermap: no READ to FACILITY `IRR.RUSERMAP`).
    Refused(String),
    /// The store failed.
    Store(racemu_store::StoreError),
}

impl std::fmt::Display for LookupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LookupError::NotACertificate => f.write_str("not an X.509 certificate"),
            LookupError::Refused(why) => f.write_str(why),
            LookupError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for LookupError {}

impl From<racemu_store::StoreError> for LookupError {
    fn from(e: racemu_store::StoreError) -> Self {
        LookupError::Store(e)
    }
}

/// The whole lookup, in RACF's order.
pub fn user_for_certificate(tx: &Tx<'_>, q: &Query<'_>) -> Result<UserMapping, LookupError> {
    let info = pki::parse_certificate(q.der).map_err(|_| LookupError::NotACertificate)?;
    let run = || -> StoreResult<UserMapping> {
        if q.now < info.not_before || q.now > info.not_after {
            return Ok(UserMapping {
                user: None,
                decision: Decision::NotValid,
            });
        }
        if let Some(row) = certs::by_profile(tx, &profile_of(&info))? {
            let user = match (&row.owner, row.status) {
                (Owner::User(u), TrustStatus::Trust | TrustStatus::HighTrust) => Some(u.clone()),
                _ => None,
            };
            return Ok(UserMapping {
                user,
                decision: Decision::Registered {
                    owner: row.owner,
                    label: row.label,
                    status: row.status,
                },
            });
        }
        if let Some(m) = by_filter(tx, q, &info)? {
            return Ok(m);
        }
        if let Some(m) = hostid::by_host_id(tx, q, &info)? {
            return Ok(m);
        }
        let filters_active = profiles::class_options(tx, "DIGTNMAP")?.active;
        Ok(UserMapping {
            user: None,
            decision: Decision::NoMatch { filters_active },
        })
    };
    Ok(run()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// IBM's six steps (gendet.htm), each partial step dropping the most specific RDN.
    #[test]
    fn six_steps_in_order() {
        let c = candidates("CN=A.OU=B.O=C", "OU=CA.O=C");
        let got: Vec<(u8, &str, &str)> = c
            .iter()
            .map(|(st, s, i)| (*st as u8, s.as_str(), i.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "CN=A.OU=B.O=C", "OU=CA.O=C"),
                (2, "OU=B.O=C", "OU=CA.O=C"),
                (2, "O=C", "OU=CA.O=C"),
                (3, "CN=A.OU=B.O=C", ""),
                (4, "OU=B.O=C", ""),
                (4, "O=C", ""),
                (5, "", "OU=CA.O=C"),
                (6, "", "O=C"),
            ]
        );
    }

    #[test]
    fn criteria_variables() {
        assert_eq!(
            substitute("APPLID=&APPLID", Some("eroyal"), "SYS1"),
            Some("APPLID=EROYAL".into())
        );
        assert_eq!(substitute("APPLID=&APPLID", None, "SYS1"), None);
        assert_eq!(
            substitute("SYS=&SYSID", None, "ZOS1"),
            Some("SYS=ZOS1".into())
        );
    }
}

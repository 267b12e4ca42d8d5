//! MAP(dsn): filters given as starting points inside the names of the certificate a data set
//! holds. The filter runs "from the specified starting point to the end of the actual name"
//! (RACF Messages and Codes, IRRD141I, IRRD142I and IRRD146I:
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/jj00009.htm>).

use crate::datasets::{decode_package, read_dataset};
use crate::messages::maps as mm;
use crate::messages::not_a_certificate;
use crate::{Ctx, Fail};
use racemu_command::{DsnOperand, Map};
use racemu_pki as pki;
use racemu_racf::{split_rdns, NameFilter};

/// The longest filter a starting point may give (IRRD142I).
const MAX_FILTER: usize = 255;

/// Where in `name` (RACF's dotted form) the filter starting with `start` begins: the first
/// RDN boundary at which the rest of the name begins with `start`.
fn starting_point(name: &str, start: &str) -> Option<usize> {
    let mut at = 0;
    for rdn in split_rdns(name) {
        if name[at..].starts_with(start) {
            return Some(at);
        }
        at += rdn.len() + 1;
    }
    None
}

/// The filter of `keyword` (SDNFILTER or IDNFILTER) from starting point `start` in `name`,
/// and whether it is the whole name.
fn from_start(keyword: &str, name: &str, start: &str) -> Result<(NameFilter, bool), Fail> {
    let at = starting_point(name, start).ok_or_else(|| Fail::from(mm::irrd141i(keyword)))?;
    let rest = &name[at..];
    if rest.chars().count() > MAX_FILTER {
        return Err(Fail::from(mm::irrd142i(keyword)));
    }
    Ok((NameFilter::from_stored(rest), at == 0))
}

/// The subject's and issuer's filters of MAP(dsn): each typed value is a starting point in
/// the certificate's name. SDNFILTER with a partial issuer's filter is IRRD146I.
pub(super) fn filters_from_dataset(
    ctx: &Ctx<'_, '_>,
    dsn: &DsnOperand,
    m: &Map,
) -> Result<(Option<NameFilter>, Option<NameFilter>), Fail> {
    let (_, data) = read_dataset(ctx, dsn)?;
    let pkg = decode_package(&data, m.password.as_deref())?;
    let der = pkg
        .certificates
        .first()
        .ok_or_else(|| Fail::from(not_a_certificate()))?;
    let info = pki::parse_certificate(der).map_err(|_| Fail::from(not_a_certificate()))?;
    let subject = m
        .subject_filter
        .as_deref()
        .map(|s| from_start("SDNFILTER", &info.subject.racf_dotted(), s))
        .transpose()?;
    let issuer = m
        .issuer_filter
        .as_deref()
        .map(|s| from_start("IDNFILTER", &info.issuer.racf_dotted(), s))
        .transpose()?;
    if let (Some(_), Some((_, false))) = (&subject, &issuer) {
        return Err(Fail::from(mm::irrd146i()));
    }
    Ok((subject.map(|(f, _)| f), issuer.map(|(f, _)| f)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The starting point is a prefix of the rest of the name at an RDN boundary (the CA Top
    /// Secret parallel: `OU=BobsAcc` starts `OU=BobsAccountingDept.O=BobsMart.L=internet`).
    #[test]
    fn starting_points() {
        let name = "CN=Bob Smith.OU=BobsAccountingDept.O=BobsMart.L=internet";
        assert_eq!(starting_point(name, "OU=BobsAcc"), Some(13));
        assert_eq!(starting_point(name, "CN=Bob"), Some(0));
        assert_eq!(starting_point(name, "O=Nobody"), None);
        assert_eq!(starting_point(name, "Smith"), None);
    }
}

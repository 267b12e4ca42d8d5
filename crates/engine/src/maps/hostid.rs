//! The third step of the certificate-to-user lookup: the hostIdMappings extension, honoured
//! only when the certificate's issuer is in RACF as a HIGHTRUST certificate, the user ID is
//! 1 to 8 characters, and the asking server has READ to SERVAUTH `IRR.HOST.<host>` (Security
//! Administrator's Guide,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/dighost.htm>).

use super::answer::{Decision, Query, UserMapping};
use crate::authority::resource_access;
use racemu_pki as pki;
use racemu_racf::{Access, TrustStatus};
use racemu_store::{certs, StoreResult, Tx};

/// Whether the certificate's issuer is in RACF with status HIGHTRUST (and signed it).
fn issuer_high_trust(tx: &Tx<'_>, der: &[u8], info: &pki::CertificateInfo) -> StoreResult<bool> {
    Ok(certs::by_subject(tx, &info.issuer.racf_dotted())?
        .iter()
        .any(|c| c.status == TrustStatus::HighTrust && pki::verify_issued_by(der, &c.der)))
}

/// The user the hostIdMappings extension gives, or why it gives none; `None` without the
/// extension.
pub(super) fn by_host_id(
    tx: &Tx<'_>,
    q: &Query<'_>,
    info: &pki::CertificateInfo,
) -> StoreResult<Option<UserMapping>> {
    let pairs = pki::host_id_mappings(q.der);
    if pairs.is_empty() {
        return Ok(None);
    }
    let high = issuer_high_trust(tx, q.der, info)?;
    let mut last = None;
    for (host, user) in pairs {
        let host = host.to_ascii_uppercase();
        let user = user.to_ascii_uppercase();
        let resource = format!("IRR.HOST.{host}");
        let why = if !high {
            "the issuing CA is not HIGHTRUST in RACF".to_string()
        } else if user.is_empty() || user.len() > 8 {
            format!("the user ID '{user}' is not 1 to 8 characters")
        } else if !matches!(resource_access(tx, q.server, "SERVAUTH", &resource)?, Some(a) if a >= Access::Read)
        {
            format!("{} has no READ access to SERVAUTH {resource}", q.server)
        } else {
            return Ok(Some(UserMapping {
                user: Some(user),
                decision: Decision::HostId {
                    host,
                    why: format!(
                        "the issuing CA is HIGHTRUST and {} may use {resource}",
                        q.server
                    ),
                },
            }));
        };
        last = Some(UserMapping {
            user: None,
            decision: Decision::HostId { host, why },
        });
    }
    Ok(last)
}

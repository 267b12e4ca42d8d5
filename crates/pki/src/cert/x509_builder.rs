//! The x509-cert certificate builder: what racemu issues when rcgen cannot hold the names
//! or the public key (a repeated or multi-valued RDN, an issuer name in another string type,
//! a key algorithm rcgen does not know; docs/design.md, "rcgen and x509-cert").

use super::Parts;
use crate::PkiError;
use der::asn1::{BitString, GeneralizedTime, UtcTime};
use der::Encode;
use x509_cert::certificate::{Certificate, TbsCertificate, Version};
use x509_cert::time::{Time, Validity};

fn to_time(t: time::OffsetDateTime) -> Result<Time, PkiError> {
    let d = std::time::Duration::from_secs(super::unix_secs(t)?);
    if t.year() < 2050 {
        Ok(Time::UtcTime(
            UtcTime::from_unix_duration(d).map_err(|e| PkiError::Signing(e.to_string()))?,
        ))
    } else {
        Ok(Time::GeneralTime(
            GeneralizedTime::from_unix_duration(d).map_err(|e| PkiError::Signing(e.to_string()))?,
        ))
    }
}

/// Assembles and signs the certificate with x509-cert.
pub(super) fn build(p: Parts<'_>) -> Result<Vec<u8>, PkiError> {
    let sig_alg = p.signer.signature_algorithm();
    let tbs = TbsCertificate {
        version: Version::V3,
        serial_number: p.serial,
        signature: sig_alg.clone(),
        issuer: p.issuer,
        validity: Validity {
            not_before: to_time(p.template.not_before)?,
            not_after: to_time(p.template.not_after)?,
        },
        subject: p.subject,
        subject_public_key_info: p.spki,
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: Some(p.extensions),
    };
    let tbs_der = tbs.to_der().map_err(|e| PkiError::Signing(e.to_string()))?;
    let sig = p.signer.sign(&tbs_der, p.randomness)?;
    let cert = Certificate {
        tbs_certificate: tbs,
        signature_algorithm: sig_alg,
        signature: BitString::from_bytes(&sig).map_err(|e| PkiError::Signing(e.to_string()))?,
    };
    cert.to_der().map_err(|e| PkiError::Signing(e.to_string()))
}

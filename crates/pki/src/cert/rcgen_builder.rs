//! The rcgen certificate builder: serial number, validity, names and public key written by
//! rcgen, RACF's extensions handed over as custom extensions (in RACF's order), the
//! signature made by the caller's key.

use super::Parts;
use crate::rcgen_glue::{custom_extension, rcgen_name, same_der, RcgenSigner};
use crate::PkiError;
use der::Decode;
use rcgen::{CertificateParams, Issuer, SerialNumber};
use time::UtcOffset;
use x509_cert::certificate::Certificate;
use x509_cert::spki::SubjectPublicKeyInfoOwned;

/// The certificate, or `None` when rcgen cannot encode these names or this public key
/// exactly as RACF would (checked on the result, not assumed).
pub(super) fn build(p: &Parts<'_>) -> Result<Option<Vec<u8>>, PkiError> {
    let (Some(subject), Some(issuer_dn)) = (rcgen_name(&p.subject), rcgen_name(&p.issuer)) else {
        return Ok(None);
    };
    let Some(signer) = RcgenSigner::new(p.signer, p.randomness) else {
        return Ok(None);
    };
    let Ok(spki_der) = der::Encode::to_der(&p.spki) else {
        return Ok(None);
    };
    let Ok(public_key) = rcgen::SubjectPublicKeyInfo::from_der(&spki_der) else {
        return Ok(None);
    };
    let mut params = CertificateParams::default();
    params.serial_number = Some(SerialNumber::from_slice(p.serial.as_bytes()));
    params.not_before = p.template.not_before.to_offset(UtcOffset::UTC);
    params.not_after = p.template.not_after.to_offset(UtcOffset::UTC);
    params.distinguished_name = subject;
    params.custom_extensions = p.extensions.iter().map(custom_extension).collect();
    let mut issuer_params = CertificateParams::default();
    issuer_params.distinguished_name = issuer_dn;
    let issuer = Issuer::new(issuer_params, signer);
    let cert = params
        .signed_by(&public_key, &issuer)
        .map_err(|e| PkiError::Signing(e.to_string()))?;
    let der = cert.der().to_vec();
    // rcgen must have written what RACF would: the same names, key and extensions.
    let Ok(c) = Certificate::from_der(&der) else {
        return Ok(None);
    };
    let tbs = &c.tbs_certificate;
    let exact = same_der(&tbs.subject, &p.subject)
        && same_der(&tbs.issuer, &p.issuer)
        && same_der::<SubjectPublicKeyInfoOwned, _>(&tbs.subject_public_key_info, &p.spki)
        && tbs.serial_number == p.serial
        && tbs.extensions.as_deref() == Some(p.extensions.as_slice());
    Ok(exact.then_some(der))
}

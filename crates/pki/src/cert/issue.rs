//! Issuing certificates (GENCERT, GENCERT from a request, REKEY): rcgen assembles and signs
//! the certificate; the x509-cert builder stands in only where rcgen cannot hold a name or a
//! public key (docs/design.md, "rcgen and x509-cert").

use super::extensions::{extensions, key_id};
use super::{rcgen_builder, x509_builder, CertTemplate, SignWith};
use crate::{PkiError, Randomness};
use der::Decode;
use x509_cert::certificate::Certificate;
use x509_cert::ext::pkix::SubjectKeyIdentifier;
use x509_cert::ext::Extension;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;

/// Everything a new certificate holds, decided before either builder runs.
#[derive(Clone)]
pub(super) struct Parts<'a> {
    pub template: &'a CertTemplate,
    pub serial: SerialNumber,
    pub issuer: Name,
    pub subject: Name,
    pub spki: SubjectPublicKeyInfoOwned,
    pub extensions: Vec<Extension>,
    pub signer: &'a crate::KeyPair,
    pub randomness: &'a Randomness,
}

/// Seconds since 1970 of `t`: racemu encodes no earlier dates.
pub(super) fn unix_secs(t: time::OffsetDateTime) -> Result<u64, PkiError> {
    u64::try_from(t.unix_timestamp())
        .map_err(|_| PkiError::Signing("dates before 1970 cannot be encoded".into()))
}

/// Issues a certificate for the public key `subject_spki_der`.
///
/// Extensions: basicConstraints CA:TRUE (critical) when `is_ca`; keyUsage (critical) and
/// subjectAltName (IP, e-mail, DNS, URI in that order) when given; subjectKeyIdentifier
/// always; authorityKeyIdentifier (the issuer's key ID) when signed by an issuer. The issuer
/// name is the issuer certificate's subject, byte for byte. Validity instants before 2050
/// are UTCTime, later ones GeneralizedTime; the serial number is a positive INTEGER of at
/// most 20 bytes with its DER sign byte. The signature draws on `randomness`.
pub fn issue_certificate(
    t: &CertTemplate,
    subject_spki_der: &[u8],
    sign_with: SignWith<'_>,
    randomness: &Randomness,
) -> Result<Vec<u8>, PkiError> {
    let subject = t.subject.to_name()?;
    let p = parts(t, subject, subject_spki_der, sign_with, randomness)?;
    issue(p)
}

/// As [`issue_certificate`], with the subject given as a DER Name (a PKCS#10 request's, or
/// the one REKEY copies); `t.subject` is ignored.
pub fn issue_certificate_for_name(
    t: &CertTemplate,
    subject_name_der: &[u8],
    subject_spki_der: &[u8],
    sign_with: SignWith<'_>,
    randomness: &Randomness,
) -> Result<Vec<u8>, PkiError> {
    let subject =
        Name::from_der(subject_name_der).map_err(|e| PkiError::InvalidName(e.to_string()))?;
    let p = parts(t, subject, subject_spki_der, sign_with, randomness)?;
    issue(p)
}

/// The parts of the certificate, as both builders must encode them.
fn parts<'a>(
    t: &'a CertTemplate,
    subject: Name,
    subject_spki_der: &[u8],
    sign_with: SignWith<'a>,
    randomness: &'a Randomness,
) -> Result<Parts<'a>, PkiError> {
    let spki = SubjectPublicKeyInfoOwned::from_der(subject_spki_der)
        .map_err(|e| PkiError::InvalidKey(e.to_string()))?;
    let (issuer, issuer_kid, signer) = match sign_with {
        SignWith::SelfSigned(k) => (subject.clone(), None, k),
        SignWith::Issuer { cert_der, key } => {
            let ic = Certificate::from_der(cert_der)
                .map_err(|e| PkiError::InvalidCertificate(e.to_string()))?;
            let kid = match ic.tbs_certificate.get::<SubjectKeyIdentifier>() {
                Ok(Some((_, ski))) => ski.0.as_bytes().to_vec(),
                _ => key_id(&ic.tbs_certificate.subject_public_key_info),
            };
            (ic.tbs_certificate.subject, Some(kid), key)
        }
    };
    // Validity and serial number are checked here, so that both builders refuse alike.
    unix_secs(t.not_before)?;
    unix_secs(t.not_after)?;
    let serial = SerialNumber::new(&t.serial).map_err(|e| PkiError::Signing(e.to_string()))?;
    let extensions = extensions(t, &subject, &spki, issuer_kid)?;
    Ok(Parts {
        template: t,
        serial,
        issuer,
        subject,
        spki,
        extensions,
        signer,
        randomness,
    })
}

fn issue(p: Parts<'_>) -> Result<Vec<u8>, PkiError> {
    match rcgen_builder::build(&p)? {
        Some(der) => Ok(der),
        None => x509_builder::build(p),
    }
}

#[cfg(test)]
pub(super) fn issue_with_x509_builder(
    t: &CertTemplate,
    subject_spki_der: &[u8],
    sign_with: SignWith<'_>,
) -> Result<Vec<u8>, PkiError> {
    x509_builder::build(parts(
        t,
        t.subject.to_name()?,
        subject_spki_der,
        sign_with,
        &Randomness::os(),
    )?)
}

#[cfg(test)]
pub(super) fn issue_with_rcgen(
    t: &CertTemplate,
    subject_spki_der: &[u8],
    sign_with: SignWith<'_>,
) -> Result<Option<Vec<u8>>, PkiError> {
    rcgen_builder::build(&parts(
        t,
        t.subject.to_name()?,
        subject_spki_der,
        sign_with,
        &Randomness::os(),
    )?)
}

//! Certificates: what GENCERT and REKEY issue ([`issue_certificate`]) and what LIST, ADD and
//! CHECKCERT read ([`parse_certificate`]).

mod extensions;
mod hostid;
mod issue;
mod rcgen_builder;
#[cfg(test)]
mod tests;
mod x509_builder;

pub use hostid::host_id_mappings;
pub use issue::{issue_certificate, issue_certificate_for_name};
use issue::{unix_secs, Parts};

use crate::dn::{DistinguishedName, NameSpec};
use crate::key::{spki_type_and_size, KeyPair, KeyType};
use crate::PkiError;
use der::asn1::ObjectIdentifier;
use der::{Decode, Encode};
use racemu_racf::{AltNames, KeyUsage};
use sha2::{Digest, Sha256};
use std::net::IpAddr;
use time::OffsetDateTime;
use x509_cert::certificate::Certificate;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, KeyUsage as X509KeyUsage, KeyUsages, SubjectAltName,
    SubjectKeyIdentifier,
};
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Time;

/// Kinds of subject alternative names LIST shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AltNameKind {
    /// `IP:`.
    Ip,
    /// `EMail:`.
    Email,
    /// `Domain:`.
    Domain,
    /// `URI:`.
    Uri,
}

/// What to put in a new certificate.
#[derive(Debug, Clone)]
pub struct CertTemplate {
    /// Serial number, big-endian unsigned magnitude (`vec![0]` for serial 00).
    pub serial: Vec<u8>,
    /// Subject, in RACF display order.
    pub subject: NameSpec,
    /// Start of validity.
    pub not_before: OffsetDateTime,
    /// End of validity.
    pub not_after: OffsetDateTime,
    /// KEYUSAGE; `None` = no keyUsage extension.
    pub key_usage: Option<KeyUsage>,
    /// ALTNAME; empty = no subjectAltName extension.
    pub alt_names: AltNames,
    /// basicConstraints CA:TRUE (critical).
    pub is_ca: bool,
}

/// Who signs a new certificate.
pub enum SignWith<'a> {
    /// The subject's own key.
    SelfSigned(&'a KeyPair),
    /// An issuing certificate and its key.
    Issuer {
        /// The issuer's certificate, DER.
        cert_der: &'a [u8],
        /// The issuer's private key.
        key: &'a KeyPair,
    },
}

/// What RACF shows about a certificate.
#[derive(Debug, Clone)]
pub struct CertificateInfo {
    /// Serial number as encoded (big-endian, DER sign byte included).
    pub serial: Vec<u8>,
    /// Issuer.
    pub issuer: DistinguishedName,
    /// Subject.
    pub subject: DistinguishedName,
    /// Start of validity.
    pub not_before: OffsetDateTime,
    /// End of validity.
    pub not_after: OffsetDateTime,
    /// RACF's name of the signature algorithm (`sha256RSA`, `sha384ECDSA`, … or `UNKNOWN`).
    pub signature_algorithm: String,
    /// The KEYUSAGE the keyUsage extension's bits amount to (HANDSHAKE for digitalSignature
    /// or keyEncipherment, CERTSIGN for keyCertSign or cRLSign); `None` without the extension.
    pub key_usage: Option<KeyUsage>,
    /// Key type.
    pub key_type: KeyType,
    /// Key size in bits.
    pub key_size: u32,
    /// Subject alternative names LIST shows, in extension order.
    pub alt_names: Vec<(AltNameKind, String)>,
    /// SHA-256 of the DER.
    pub sha256_fingerprint: [u8; 32],
    /// SubjectPublicKeyInfo, DER.
    pub spki_der: Vec<u8>,
    /// subjectKeyIdentifier.
    pub subject_key_id: Option<Vec<u8>>,
    /// authorityKeyIdentifier keyIdentifier.
    pub authority_key_id: Option<Vec<u8>>,
    /// basicConstraints CA.
    pub is_ca: bool,
    /// Issuer equals subject and the signature verifies with the certificate's own key.
    pub self_signed: bool,
}

/// ecdsa-with-SHA1 (ANSI X9.62), which const-oid's database does not hold.
const ECDSA_WITH_SHA_1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.1");

fn sig_name(oid: &ObjectIdentifier) -> &'static str {
    use const_oid::db::rfc5912 as a;
    const NAMES: [(ObjectIdentifier, &str); 15] = [
        (a::MD_2_WITH_RSA_ENCRYPTION, "md2RSA"),
        (a::MD_5_WITH_RSA_ENCRYPTION, "md5RSA"),
        (a::SHA_1_WITH_RSA_ENCRYPTION, "sha1RSA"),
        (a::SHA_256_WITH_RSA_ENCRYPTION, "sha256RSA"),
        (a::SHA_384_WITH_RSA_ENCRYPTION, "sha384RSA"),
        (a::SHA_512_WITH_RSA_ENCRYPTION, "sha512RSA"),
        (a::SHA_224_WITH_RSA_ENCRYPTION, "sha224RSA"),
        (a::DSA_WITH_SHA_1, "sha1DSA"),
        (a::DSA_WITH_SHA_224, "sha224DSA"),
        (a::DSA_WITH_SHA_256, "sha256DSA"),
        (ECDSA_WITH_SHA_1, "sha1ECDSA"),
        (a::ECDSA_WITH_SHA_224, "sha224ECDSA"),
        (a::ECDSA_WITH_SHA_256, "sha256ECDSA"),
        (a::ECDSA_WITH_SHA_384, "sha384ECDSA"),
        (a::ECDSA_WITH_SHA_512, "sha512ECDSA"),
    ];
    NAMES
        .iter()
        .find(|(o, _)| o == oid)
        .map_or("UNKNOWN", |(_, n)| *n)
}

fn offset(t: &Time) -> OffsetDateTime {
    let secs = t.to_unix_duration().as_secs();
    OffsetDateTime::from_unix_timestamp(i64::try_from(secs).unwrap_or(i64::MAX))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Parses a DER certificate. Never panics on malformed input.
pub fn parse_certificate(der: &[u8]) -> Result<CertificateInfo, PkiError> {
    let cert =
        Certificate::from_der(der).map_err(|e| PkiError::InvalidCertificate(e.to_string()))?;
    let tbs = &cert.tbs_certificate;
    let (key_type, key_size) = spki_type_and_size(&tbs.subject_public_key_info);
    let key_usage = match tbs.get::<X509KeyUsage>() {
        Ok(Some((_, ku))) => {
            let f = ku.0;
            Some(KeyUsage {
                handshake: f.contains(KeyUsages::DigitalSignature)
                    || f.contains(KeyUsages::KeyEncipherment),
                dataencrypt: f.contains(KeyUsages::DataEncipherment),
                docsign: f.contains(KeyUsages::NonRepudiation),
                certsign: f.contains(KeyUsages::KeyCertSign) || f.contains(KeyUsages::CRLSign),
                keyagree: f.contains(KeyUsages::KeyAgreement),
            })
        }
        _ => None,
    };
    let mut alt_names = Vec::new();
    if let Ok(Some((_, san))) = tbs.get::<SubjectAltName>() {
        for n in san.0 {
            match n {
                GeneralName::IpAddress(o) => {
                    let b = o.as_bytes();
                    let ip = match b.len() {
                        4 => Some(IpAddr::from([b[0], b[1], b[2], b[3]])),
                        16 => <[u8; 16]>::try_from(b).ok().map(IpAddr::from),
                        _ => None,
                    };
                    if let Some(ip) = ip {
                        alt_names.push((AltNameKind::Ip, ip.to_string()));
                    }
                }
                GeneralName::Rfc822Name(s) => alt_names.push((AltNameKind::Email, s.to_string())),
                GeneralName::DnsName(s) => alt_names.push((AltNameKind::Domain, s.to_string())),
                GeneralName::UniformResourceIdentifier(s) => {
                    alt_names.push((AltNameKind::Uri, s.to_string()))
                }
                _ => {}
            }
        }
    }
    let subject_key_id = match tbs.get::<SubjectKeyIdentifier>() {
        Ok(Some((_, s))) => Some(s.0.as_bytes().to_vec()),
        _ => None,
    };
    let authority_key_id = match tbs.get::<AuthorityKeyIdentifier>() {
        Ok(Some((_, a))) => a.key_identifier.map(|k| k.as_bytes().to_vec()),
        _ => None,
    };
    let is_ca = matches!(tbs.get::<BasicConstraints>(), Ok(Some((_, b))) if b.ca);
    let spki_der = tbs
        .subject_public_key_info
        .to_der()
        .map_err(|e| PkiError::InvalidCertificate(e.to_string()))?;
    let fp: [u8; 32] = Sha256::digest(der).into();
    let self_signed = tbs.issuer == tbs.subject && verify_with(&cert, &tbs.subject_public_key_info);
    Ok(CertificateInfo {
        serial: tbs.serial_number.as_bytes().to_vec(),
        issuer: DistinguishedName::from_name(&tbs.issuer)?,
        subject: DistinguishedName::from_name(&tbs.subject)?,
        not_before: offset(&tbs.validity.not_before),
        not_after: offset(&tbs.validity.not_after),
        signature_algorithm: sig_name(&cert.signature_algorithm.oid).to_string(),
        key_usage,
        key_type,
        key_size,
        alt_names,
        sha256_fingerprint: fp,
        spki_der,
        subject_key_id,
        authority_key_id,
        is_ca,
        self_signed,
    })
}

fn verify_with(cert: &Certificate, issuer_spki: &SubjectPublicKeyInfoOwned) -> bool {
    let Ok(tbs) = cert.tbs_certificate.to_der() else {
        return false;
    };
    let Some(sig) = cert.signature.as_bytes() else {
        return false;
    };
    verify_signature(&tbs, sig, &cert.signature_algorithm.oid, issuer_spki)
}

/// Whether `sig` (algorithm `sig_oid`) over `msg` verifies with the public key `spki`.
pub(crate) fn verify_signature(
    msg: &[u8],
    sig: &[u8],
    sig_oid: &ObjectIdentifier,
    spki: &SubjectPublicKeyInfoOwned,
) -> bool {
    use aws_lc_rs::signature as s;
    let Some(key) = spki.subject_public_key.as_bytes() else {
        return false;
    };
    let (kt, bits) = spki_type_and_size(spki);
    let alg: &dyn s::VerificationAlgorithm = match (sig_name(sig_oid), kt, bits) {
        ("sha1RSA", KeyType::Rsa, _) => &s::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
        ("sha256RSA", KeyType::Rsa, _) => &s::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
        ("sha384RSA", KeyType::Rsa, _) => &s::RSA_PKCS1_2048_8192_SHA384,
        ("sha512RSA", KeyType::Rsa, _) => &s::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
        ("sha256ECDSA", KeyType::NistEcc, 256) => &s::ECDSA_P256_SHA256_ASN1,
        ("sha384ECDSA", KeyType::NistEcc, 256) => &s::ECDSA_P256_SHA384_ASN1,
        ("sha256ECDSA", KeyType::NistEcc, 384) => &s::ECDSA_P384_SHA256_ASN1,
        ("sha384ECDSA", KeyType::NistEcc, 384) => &s::ECDSA_P384_SHA384_ASN1,
        ("sha512ECDSA", KeyType::NistEcc, 521) => &s::ECDSA_P521_SHA512_ASN1,
        ("sha384ECDSA", KeyType::NistEcc, 521) => &s::ECDSA_P521_SHA384_ASN1,
        ("sha256ECDSA", KeyType::NistEcc, 521) => &s::ECDSA_P521_SHA256_ASN1,
        _ => return false,
    };
    s::UnparsedPublicKey::new(alg, key).verify(msg, sig).is_ok()
}

/// Whether `cert_der` carries a valid signature by the key of `issuer_cert_der` (and names
/// that certificate's subject as its issuer).
pub fn verify_issued_by(cert_der: &[u8], issuer_cert_der: &[u8]) -> bool {
    let (Ok(c), Ok(i)) = (
        Certificate::from_der(cert_der),
        Certificate::from_der(issuer_cert_der),
    ) else {
        return false;
    };
    c.tbs_certificate.issuer == i.tbs_certificate.subject
        && verify_with(&c, &i.tbs_certificate.subject_public_key_info)
}

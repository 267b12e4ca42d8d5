//! Issuing certificates (GENCERT) and reading them (LIST, ADD, CHECKCERT).

use crate::dn::{DistinguishedName, NameSpec};
use crate::key::{spki_type_and_size, KeyPair, KeyType};
use crate::PkiError;
use der::asn1::{BitString, GeneralizedTime, Ia5String, OctetString, UtcTime};
use der::{Decode, Encode};
use sha2::{Digest, Sha256};
use std::net::IpAddr;
use time::OffsetDateTime;
use x509_cert::certificate::{Certificate, TbsCertificate, Version};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, KeyUsage as X509KeyUsage, KeyUsages, SubjectAltName,
    SubjectKeyIdentifier,
};
use x509_cert::ext::{AsExtension, Extension};
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::{Time, Validity};

/// RACDCERT KEYUSAGE keywords.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyUsage {
    /// HANDSHAKE: digitalSignature (+ keyEncipherment for RSA).
    pub handshake: bool,
    /// DATAENCRYPT: dataEncipherment.
    pub dataencrypt: bool,
    /// DOCSIGN: nonRepudiation.
    pub docsign: bool,
    /// CERTSIGN: keyCertSign + cRLSign.
    pub certsign: bool,
    /// KEYAGREE: keyAgreement.
    pub keyagree: bool,
}

/// ALTNAME values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AltNames {
    /// IP address.
    pub ip: Option<IpAddr>,
    /// DNS name.
    pub domain: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// URI.
    pub uri: Option<String>,
}

impl AltNames {
    fn is_empty(&self) -> bool {
        self.ip.is_none() && self.domain.is_none() && self.email.is_none() && self.uri.is_none()
    }
}

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

fn to_time(t: OffsetDateTime) -> Result<Time, PkiError> {
    let secs = t.unix_timestamp();
    if secs < 0 {
        return Err(PkiError::Signing(
            "dates before 1970 cannot be encoded".into(),
        ));
    }
    let d = std::time::Duration::from_secs(secs as u64);
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

fn key_id(spki: &SubjectPublicKeyInfoOwned) -> Vec<u8> {
    let bits = spki.subject_public_key.raw_bytes();
    Sha256::digest(bits)[..20].to_vec()
}

fn ext<T: AsExtension>(subject: &x509_cert::name::Name, v: &T) -> Result<Extension, PkiError> {
    v.to_extension(subject, &[])
        .map_err(|e| PkiError::Signing(e.to_string()))
}

/// Issues a certificate for the public key `subject_spki_der`.
///
/// Extensions: subjectKeyIdentifier always; authorityKeyIdentifier (the issuer's key ID)
/// when signed by an issuer; basicConstraints CA:TRUE when `is_ca`; keyUsage (critical)
/// and subjectAltName (IP, e-mail, DNS, URI in that order) when given. The issuer name is
/// the issuer certificate's subject, byte for byte.
pub fn issue_certificate(
    t: &CertTemplate,
    subject_spki_der: &[u8],
    sign_with: SignWith<'_>,
) -> Result<Vec<u8>, PkiError> {
    let subject = t.subject.to_name()?;
    issue_with_name(t, subject, subject_spki_der, sign_with)
}

/// As [`issue_certificate`], with the subject given as a DER Name (a PKCS#10 request's, or
/// the one REKEY copies); `t.subject` is ignored.
pub fn issue_certificate_for_name(
    t: &CertTemplate,
    subject_name_der: &[u8],
    subject_spki_der: &[u8],
    sign_with: SignWith<'_>,
) -> Result<Vec<u8>, PkiError> {
    let subject = x509_cert::name::Name::from_der(subject_name_der)
        .map_err(|e| PkiError::InvalidName(e.to_string()))?;
    issue_with_name(t, subject, subject_spki_der, sign_with)
}

fn issue_with_name(
    t: &CertTemplate,
    subject: x509_cert::name::Name,
    subject_spki_der: &[u8],
    sign_with: SignWith<'_>,
) -> Result<Vec<u8>, PkiError> {
    let spki = SubjectPublicKeyInfoOwned::from_der(subject_spki_der)
        .map_err(|e| PkiError::InvalidKey(e.to_string()))?;
    let (issuer_name, issuer_kid, signer) = match &sign_with {
        SignWith::SelfSigned(k) => (subject.clone(), None, *k),
        SignWith::Issuer { cert_der, key } => {
            let ic = Certificate::from_der(cert_der)
                .map_err(|e| PkiError::InvalidCertificate(e.to_string()))?;
            let kid = match ic.tbs_certificate.get::<SubjectKeyIdentifier>() {
                Ok(Some((_, ski))) => ski.0.as_bytes().to_vec(),
                _ => key_id(&ic.tbs_certificate.subject_public_key_info),
            };
            (ic.tbs_certificate.subject.clone(), Some(kid), *key)
        }
    };
    let (key_type, _) = spki_type_and_size(&spki);
    let mut exts = Vec::new();
    if t.is_ca {
        let mut e = ext(
            &subject,
            &BasicConstraints {
                ca: true,
                path_len_constraint: None,
            },
        )?;
        e.critical = true;
        exts.push(e);
    }
    if let Some(ku) = &t.key_usage {
        let mut flags = der::flagset::FlagSet::<KeyUsages>::default();
        if ku.handshake {
            flags |= KeyUsages::DigitalSignature;
            if key_type == KeyType::Rsa {
                flags |= KeyUsages::KeyEncipherment;
            }
        }
        if ku.dataencrypt {
            flags |= KeyUsages::DataEncipherment;
        }
        if ku.docsign {
            flags |= KeyUsages::NonRepudiation;
        }
        if ku.certsign {
            flags |= KeyUsages::KeyCertSign | KeyUsages::CRLSign;
        }
        if ku.keyagree {
            flags |= KeyUsages::KeyAgreement;
        }
        let mut e = ext(&subject, &X509KeyUsage(flags))?;
        e.critical = true;
        exts.push(e);
    }
    if !t.alt_names.is_empty() {
        let mut names = Vec::new();
        if let Some(ip) = t.alt_names.ip {
            let bytes = match ip {
                IpAddr::V4(v) => v.octets().to_vec(),
                IpAddr::V6(v) => v.octets().to_vec(),
            };
            names.push(GeneralName::IpAddress(
                OctetString::new(bytes).map_err(|e| PkiError::Signing(e.to_string()))?,
            ));
        }
        let ia5 =
            |s: &str| Ia5String::new(s).map_err(|e| PkiError::InvalidName(format!("{s}: {e}")));
        if let Some(e) = &t.alt_names.email {
            names.push(GeneralName::Rfc822Name(ia5(e)?));
        }
        if let Some(d) = &t.alt_names.domain {
            names.push(GeneralName::DnsName(ia5(d)?));
        }
        if let Some(u) = &t.alt_names.uri {
            names.push(GeneralName::UniformResourceIdentifier(ia5(u)?));
        }
        exts.push(ext(&subject, &SubjectAltName(names))?);
    }
    let ski = key_id(&spki);
    exts.push(ext(
        &subject,
        &SubjectKeyIdentifier(OctetString::new(ski).map_err(|e| PkiError::Signing(e.to_string()))?),
    )?);
    if let Some(kid) = issuer_kid {
        exts.push(ext(
            &subject,
            &AuthorityKeyIdentifier {
                key_identifier: Some(
                    OctetString::new(kid).map_err(|e| PkiError::Signing(e.to_string()))?,
                ),
                authority_cert_issuer: None,
                authority_cert_serial_number: None,
            },
        )?);
    }
    let sig_alg = signer.signature_algorithm();
    let tbs = TbsCertificate {
        version: Version::V3,
        serial_number: SerialNumber::new(&t.serial)
            .map_err(|e| PkiError::Signing(e.to_string()))?,
        signature: sig_alg.clone(),
        issuer: issuer_name,
        validity: Validity {
            not_before: to_time(t.not_before)?,
            not_after: to_time(t.not_after)?,
        },
        subject,
        subject_public_key_info: spki,
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: Some(exts),
    };
    let tbs_der = tbs.to_der().map_err(|e| PkiError::Signing(e.to_string()))?;
    let sig = signer.sign(&tbs_der)?;
    let cert = Certificate {
        tbs_certificate: tbs,
        signature_algorithm: sig_alg,
        signature: BitString::from_bytes(&sig).map_err(|e| PkiError::Signing(e.to_string()))?,
    };
    cert.to_der().map_err(|e| PkiError::Signing(e.to_string()))
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
    /// RACF keywords of the keyUsage extension, in RACF order; `None` without the extension.
    pub key_usage: Option<Vec<&'static str>>,
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

fn sig_name(oid: &str) -> &'static str {
    match oid {
        "1.2.840.113549.1.1.2" => "md2RSA",
        "1.2.840.113549.1.1.4" => "md5RSA",
        "1.2.840.113549.1.1.5" => "sha1RSA",
        "1.2.840.113549.1.1.11" => "sha256RSA",
        "1.2.840.113549.1.1.12" => "sha384RSA",
        "1.2.840.113549.1.1.13" => "sha512RSA",
        "1.2.840.113549.1.1.14" => "sha224RSA",
        "1.2.840.10040.4.3" => "sha1DSA",
        "2.16.840.1.101.3.4.3.1" => "sha224DSA",
        "2.16.840.1.101.3.4.3.2" => "sha256DSA",
        "1.2.840.10045.4.1" => "sha1ECDSA",
        "1.2.840.10045.4.3.1" => "sha224ECDSA",
        "1.2.840.10045.4.3.2" => "sha256ECDSA",
        "1.2.840.10045.4.3.3" => "sha384ECDSA",
        "1.2.840.10045.4.3.4" => "sha512ECDSA",
        _ => "UNKNOWN",
    }
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
            let mut v = Vec::new();
            if f.contains(KeyUsages::DigitalSignature) || f.contains(KeyUsages::KeyEncipherment) {
                v.push("HANDSHAKE");
            }
            if f.contains(KeyUsages::DataEncipherment) {
                v.push("DATAENCRYPT");
            }
            if f.contains(KeyUsages::NonRepudiation) {
                v.push("DOCSIGN");
            }
            if f.contains(KeyUsages::KeyCertSign) || f.contains(KeyUsages::CRLSign) {
                v.push("CERTSIGN");
            }
            if f.contains(KeyUsages::KeyAgreement) {
                v.push("KEYAGREE");
            }
            Some(v)
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
        signature_algorithm: sig_name(&cert.signature_algorithm.oid.to_string()).to_string(),
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
    verify_signature(
        &tbs,
        sig,
        &cert.signature_algorithm.oid.to_string(),
        issuer_spki,
    )
}

/// Whether `sig` (algorithm `sig_oid`) over `msg` verifies with the public key `spki`.
pub(crate) fn verify_signature(
    msg: &[u8],
    sig: &[u8],
    sig_oid: &str,
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

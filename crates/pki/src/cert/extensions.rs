//! The extensions RACDCERT puts in a certificate, in RACF's order, encoded by x509-cert.
//!
//! rcgen writes its own extensions in a fixed order of its choosing (authorityKeyIdentifier
//! first, subjectKeyIdentifier only beside basicConstraints), so racemu encodes each
//! extension here and hands them to rcgen as custom extensions, in the order today's
//! certificates carry them (docs/design.md, "rcgen and x509-cert").

use super::{CertTemplate, KeyType};
use crate::PkiError;
use der::asn1::{Ia5String, OctetString};
use sha2::{Digest, Sha256};
use std::net::IpAddr;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, KeyUsage as X509KeyUsage, KeyUsages, SubjectAltName,
    SubjectKeyIdentifier,
};
use x509_cert::ext::{AsExtension, Extension};
use x509_cert::name::Name;
use x509_cert::spki::SubjectPublicKeyInfoOwned;

/// RACF's key identifier: the first 20 bytes of the SHA-256 of the subjectPublicKey bits.
pub(crate) fn key_id(spki: &SubjectPublicKeyInfoOwned) -> Vec<u8> {
    let bits = spki.subject_public_key.raw_bytes();
    Sha256::digest(bits)[..20].to_vec()
}

fn ext<T: AsExtension>(subject: &Name, v: &T) -> Result<Extension, PkiError> {
    v.to_extension(subject, &[])
        .map_err(|e| PkiError::Signing(e.to_string()))
}

fn octets(bytes: Vec<u8>) -> Result<OctetString, PkiError> {
    OctetString::new(bytes).map_err(|e| PkiError::Signing(e.to_string()))
}

/// The extensions of a new certificate, in this order: basicConstraints CA:TRUE (critical)
/// when `is_ca`; keyUsage (critical) when given; subjectAltName (IP, e-mail, DNS, URI) when
/// given; subjectKeyIdentifier always; authorityKeyIdentifier when `issuer_kid` is given.
pub(crate) fn extensions(
    t: &CertTemplate,
    subject: &Name,
    spki: &SubjectPublicKeyInfoOwned,
    issuer_kid: Option<Vec<u8>>,
) -> Result<Vec<Extension>, PkiError> {
    let (key_type, _) = crate::key::spki_type_and_size(spki);
    let mut exts = Vec::new();
    if t.is_ca {
        let mut e = ext(
            subject,
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
        let mut e = ext(subject, &X509KeyUsage(flags))?;
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
            names.push(GeneralName::IpAddress(octets(bytes)?));
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
        exts.push(ext(subject, &SubjectAltName(names))?);
    }
    exts.push(ext(subject, &SubjectKeyIdentifier(octets(key_id(spki))?))?);
    if let Some(kid) = issuer_kid {
        exts.push(ext(
            subject,
            &AuthorityKeyIdentifier {
                key_identifier: Some(octets(kid)?),
                authority_cert_issuer: None,
                authority_cert_serial_number: None,
            },
        )?);
    }
    Ok(exts)
}

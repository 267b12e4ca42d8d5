//! Certificate interchange: what RACDCERT ADD reads and EXPORT / GENREQ write.
//!
//! * one certificate, DER or Base64 (with or without PEM armour);
//! * PKCS#7 certificate packages (degenerate SignedData), DER or Base64;
//! * PKCS#12 (with a password) through p12-keystore, AES-256 (PBES2) or the legacy
//!   Triple-DES layout;
//! * PKCS#10 certification requests ([`crate::request`]).

use crate::key::KeyPair;
use crate::PkiError;
use base64::Engine as _;
use der::asn1::SetOfVec;
use der::{Decode, Encode, Reader, SliceReader};
use x509_cert::certificate::Certificate;

use const_oid::db::rfc5911::{ID_DATA as OID_DATA, ID_SIGNED_DATA as OID_SIGNED_DATA};

/// What a data set held.
#[derive(Debug, Clone, Default)]
pub struct Package {
    /// Certificates, DER, in the order found (a PKCS#12's key certificate first).
    pub certificates: Vec<Vec<u8>>,
    /// The private key (PKCS#12 only).
    pub private_key: Option<KeyPair>,
}

/// Why a data set could not be read as a certificate package.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackageError {
    /// Nothing in it is a certificate or package racemu knows.
    #[error("the data set does not contain a certificate or certificate package")]
    NotACertificate,
    /// A PKCS#12 package and no password.
    #[error("a password is required for a PKCS#12 package")]
    PasswordRequired,
    /// A PKCS#12 package and the wrong password.
    #[error("the password is not valid for the PKCS#12 package")]
    BadPassword,
}

fn base64_body(text: &str) -> Option<Vec<u8>> {
    let body: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if body.is_empty() {
        return None;
    }
    base64::engine::general_purpose::STANDARD
        .decode(body.as_bytes())
        .ok()
}

/// The binary forms in `bytes`: itself, its PEM blocks, or its Base64 body.
pub(crate) fn candidates(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![bytes.to_vec()];
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok(blocks) = pem::parse_many(text) {
            let all: Vec<u8> = Vec::new();
            let mut joined = all;
            let mut certs = Vec::new();
            for b in &blocks {
                if b.tag() == "CERTIFICATE"
                    || b.tag() == "X509 CERTIFICATE"
                    || b.tag() == "TRUSTED CERTIFICATE"
                {
                    certs.push(b.contents().to_vec());
                } else {
                    out.push(b.contents().to_vec());
                }
            }
            if !certs.is_empty() {
                // Several PEM certificates: a bundle, handled by the caller through `pem_certs`.
                joined.extend(certs.concat());
                out.push(joined);
            }
        }
        if let Some(b) = base64_body(text) {
            out.push(b);
        }
    }
    out
}

fn pem_certs(bytes: &[u8]) -> Vec<Vec<u8>> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Vec::new();
    };
    pem::parse_many(text)
        .map(|blocks| {
            blocks
                .into_iter()
                .filter(|b| b.tag().ends_with("CERTIFICATE") && !b.tag().contains("REQUEST"))
                .map(|b| b.contents().to_vec())
                .collect()
        })
        .unwrap_or_default()
}

/// RFC 5652's SignedData with the certificate SET OF read as written. cms's `SignedData`
/// decodes it into der's `SetOfVec`, which sorts; RACDCERT ADD takes a package's first
/// certificate as the one to add and the rest as its chain, so their written order matters
/// (openssl does not sort the SET OF). Only the certificates are read.
#[derive(der::Sequence)]
struct SignedDataAsWritten {
    version: cms::content_info::CmsVersion,
    digest_algorithms: der::Any,
    encap_content_info: der::Any,
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    certificates: Option<Vec<Certificate>>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    crls: Option<Vec<der::Any>>,
    signer_infos: der::Any,
}

/// Certificates of a PKCS#7 ContentInfo(SignedData), in the order encoded.
fn pkcs7_certs(der: &[u8]) -> Option<Vec<Vec<u8>>> {
    let ci = cms::content_info::ContentInfo::from_der(der).ok()?;
    if ci.content_type != OID_SIGNED_DATA {
        return None;
    }
    let sd: SignedDataAsWritten = ci.content.decode_as().ok()?;
    sd.certificates
        .unwrap_or_default()
        .iter()
        .map(|c| c.to_der().ok())
        .collect()
}

/// Decodes what RACDCERT ADD accepts. For PKCS#12 the key's certificate comes first.
pub fn decode_package(bytes: &[u8], password: Option<&str>) -> Result<Package, PackageError> {
    let bundle = pem_certs(bytes);
    if !bundle.is_empty() && bundle.iter().all(|c| Certificate::from_der(c).is_ok()) {
        return Ok(Package {
            certificates: bundle,
            private_key: None,
        });
    }
    for cand in candidates(bytes) {
        if Certificate::from_der(&cand).is_ok() {
            return Ok(Package {
                certificates: vec![cand],
                private_key: None,
            });
        }
        if let Some(certs) = pkcs7_certs(&cand) {
            if !certs.is_empty() {
                return Ok(Package {
                    certificates: certs,
                    private_key: None,
                });
            }
        }
        if looks_like_pkcs12(&cand) {
            let Some(pw) = password else {
                return Err(PackageError::PasswordRequired);
            };
            let archive = p12_keystore::Pkcs12Archive::from_pkcs12(&cand, pw)
                .map_err(|_| PackageError::BadPassword)?;
            let mut certs: Vec<(Option<Vec<u8>>, Vec<u8>)> = archive
                .certs
                .iter()
                .map(|c| (c.local_key_id.clone(), c.cert.as_der().to_vec()))
                .collect();
            let mut key = None;
            if let Some(k) = archive.keys.first() {
                key = KeyPair::from_pkcs8_der(k.key.as_der()).ok();
                if let Some(id) = &k.local_key_id {
                    certs.sort_by_key(|(cid, _)| cid.as_deref() != Some(id.0.as_slice()));
                }
            }
            return Ok(Package {
                certificates: certs.into_iter().map(|(_, d)| d).collect(),
                private_key: key,
            });
        }
    }
    Err(PackageError::NotACertificate)
}

/// PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData … }.
fn looks_like_pkcs12(der: &[u8]) -> bool {
    let Ok(mut r) = SliceReader::new(der) else {
        return false;
    };
    r.sequence(|seq| {
        let v = der::asn1::Int::decode(seq)?;
        let ci = cms::content_info::ContentInfo::decode(seq)?;
        while !seq.is_finished() {
            der::Any::decode(seq)?;
        }
        if v.as_bytes() == [3] && ci.content_type == OID_DATA {
            Ok(())
        } else {
            Err(der::ErrorKind::Failed.into())
        }
    })
    .is_ok()
}

/// A degenerate PKCS#7 SignedData carrying `certs` (no signers).
pub fn export_pkcs7_der(certs: &[&[u8]]) -> Result<Vec<u8>, PkiError> {
    let mut set = Vec::new();
    for c in certs {
        let cert =
            Certificate::from_der(c).map_err(|e| PkiError::InvalidCertificate(e.to_string()))?;
        set.push(cms::cert::CertificateChoices::Certificate(cert));
    }
    let sd = cms::signed_data::SignedData {
        version: cms::content_info::CmsVersion::V1,
        digest_algorithms: SetOfVec::new(),
        encap_content_info: cms::signed_data::EncapsulatedContentInfo {
            econtent_type: OID_DATA,
            econtent: None,
        },
        certificates: Some(cms::signed_data::CertificateSet(
            SetOfVec::try_from(set).map_err(|e| PkiError::Signing(e.to_string()))?,
        )),
        crls: None,
        signer_infos: cms::signed_data::SignerInfos(SetOfVec::new()),
    };
    let ci = cms::content_info::ContentInfo {
        content_type: OID_SIGNED_DATA,
        content: der::Any::encode_from(&sd).map_err(|e| PkiError::Signing(e.to_string()))?,
    };
    ci.to_der().map_err(|e| PkiError::Signing(e.to_string()))
}

/// PKCS#12 encryption layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pkcs12Encryption {
    /// PBES2 with AES-256 and HMAC-SHA256 (current z/OS default).
    Aes256,
    /// pbeWithSHAAnd3-KeyTripleDES-CBC with a SHA-1 MAC, for older Java and macOS.
    LegacyTripleDes,
}

/// One entry of a PKCS#12 keystore.
pub enum KeystoreItem<'a> {
    /// A PrivateKeyEntry: the key and its chain (leaf first).
    Key {
        /// Alias (Java lower-cases it).
        alias: &'a str,
        /// The private key.
        key: &'a KeyPair,
        /// The certificate chain, leaf first.
        chain: Vec<&'a [u8]>,
    },
    /// A trustedCertEntry.
    Trusted {
        /// Alias.
        alias: &'a str,
        /// The certificate.
        cert: &'a [u8],
    },
}

/// A PKCS#12 keystore holding `items`; Java's keytool reads it (PrivateKeyEntry and
/// trustedCertEntry). Its salts and IVs come from `randomness`: a seeded source writes the
/// same items with the same password byte for byte.
pub fn export_keystore_der(
    items: &[KeystoreItem<'_>],
    password: &str,
    enc: Pkcs12Encryption,
    randomness: &crate::Randomness,
) -> Result<Vec<u8>, PkiError> {
    let mut keys = Vec::new();
    let mut trusted = Vec::new();
    for item in items {
        match item {
            KeystoreItem::Key { alias, key, chain } => {
                let id = sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(
                    key.public_key_spki_der(),
                ))[..20]
                    .to_vec();
                keys.push(crate::pkcs12::KeyEntry {
                    alias,
                    pkcs8: key.pkcs8_der(),
                    local_key_id: id,
                    chain: chain.clone(),
                });
            }
            KeystoreItem::Trusted { alias, cert } => trusted.push((*alias, *cert)),
        }
    }
    let ciphers = match enc {
        Pkcs12Encryption::Aes256 => crate::pkcs12::Ciphers::Aes256,
        Pkcs12Encryption::LegacyTripleDes => crate::pkcs12::Ciphers::TripleDes,
    };
    crate::pkcs12::write_pfx(keys, trusted, password, ciphers, randomness)
}

/// A PKCS#12 keystore: with a key, one PrivateKeyEntry (alias `friendly_name`) holding the
/// chain; without, trusted-certificate entries. Java's keytool reads it.
pub fn export_pkcs12_der(
    key: Option<&KeyPair>,
    chain: &[&[u8]],
    friendly_name: &str,
    password: &str,
    enc: Pkcs12Encryption,
    randomness: &crate::Randomness,
) -> Result<Vec<u8>, PkiError> {
    let aliases: Vec<String> = (0..chain.len())
        .map(|i| {
            if i == 0 {
                friendly_name.to_string()
            } else {
                format!("{friendly_name}-{i}")
            }
        })
        .collect();
    let items: Vec<KeystoreItem<'_>> = match key {
        Some(k) => vec![KeystoreItem::Key {
            alias: friendly_name,
            key: k,
            chain: chain.to_vec(),
        }],
        None => chain
            .iter()
            .zip(aliases.iter())
            .map(|(c, a)| KeystoreItem::Trusted { alias: a, cert: c })
            .collect(),
    };
    export_keystore_der(&items, password, enc, randomness)
}

/// PEM armour with 64-character lines.
pub fn pem_armour(der: &[u8], label: &str) -> String {
    let p = pem::Pem::new(label, der.to_vec());
    pem::encode_config(
        &p,
        pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF),
    )
}

/// Width of the lines of [`base64_lines`]: 64 characters, as in the body of a PEM block, so
/// that every line fits a FB 80 data set.
pub const BASE64_LINE: usize = 64;

/// `der` as bare Base64 (no `-----BEGIN` armour), in lines of [`BASE64_LINE`] characters,
/// each ending in a newline: racemu's form of a `FORMAT(PKCS12B64)` export, which decodes to
/// the DER PKCS#12 (`openssl base64 -d`).
pub fn base64_lines(der: &[u8]) -> String {
    let text = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = String::with_capacity(text.len() + text.len() / BASE64_LINE + 1);
    for chunk in text.as_bytes().chunks(BASE64_LINE) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out
}

/// True when `data` is a PKCS#12 PFX in Base64 text (bare, or inside any PEM armour): a data
/// set that holds a private key as a `FORMAT(PKCS12B64)` export writes it.
pub fn is_base64_pkcs12(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
    };
    let bare = base64_body(text);
    let armoured = pem::parse(text).ok().map(|p| p.contents().to_vec());
    bare.into_iter()
        .chain(armoured)
        .any(|der| looks_like_pkcs12(&der))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{issue_certificate, CertTemplate, DnTag, KeySpec, NameSpec, Randomness, SignWith};
    use racemu_racf::{AltNames, KeyAlgorithm};
    use time::macros::datetime;

    fn cert(cn: &str) -> Vec<u8> {
        let os = Randomness::os();
        let spec = KeySpec {
            algorithm: KeyAlgorithm::NistEcc,
            size: 256,
        };
        let key = KeyPair::generate(&spec, &os, "U", cn).unwrap();
        let t = CertTemplate {
            serial: vec![1],
            subject: NameSpec(vec![(DnTag::Cn, cn.into())]),
            not_before: datetime!(2026-01-01 00:00:00 UTC),
            not_after: datetime!(2030-01-01 00:00:00 UTC),
            key_usage: None,
            alt_names: AltNames::default(),
            is_ca: false,
        };
        issue_certificate(
            &t,
            &key.public_key_spki_der(),
            SignWith::SelfSigned(&key),
            &os,
        )
        .unwrap()
    }

    /// cms's SignedData sorts the certificate SET OF as it decodes it (der's `SetOfVec`);
    /// ADD needs the order the package was written in, which `SignedDataAsWritten` keeps.
    #[test]
    fn pkcs7_certificates_come_back_in_the_order_encoded_which_cms_would_sort() {
        let (a, b) = (cert("first"), cert("second"));
        let p7 = export_pkcs7_der(&[&a, &b]).unwrap();
        // The SET OF is written sorted: find the order, then swap the two certificates.
        let (pa, pb) = (
            p7.windows(a.len()).position(|w| w == a.as_slice()).unwrap(),
            p7.windows(b.len()).position(|w| w == b.as_slice()).unwrap(),
        );
        let (lo, hi) = if pa < pb { (&a, &b) } else { (&b, &a) };
        let start = pa.min(pb);
        let mut swapped = p7[..start].to_vec();
        swapped.extend_from_slice(hi);
        swapped.extend_from_slice(lo);
        swapped.extend_from_slice(&p7[start + lo.len() + hi.len()..]);
        let pkg = decode_package(&swapped, None).unwrap();
        assert_eq!(pkg.certificates, vec![hi.clone(), lo.clone()]);
        // cms would have given them back sorted.
        let ci = cms::content_info::ContentInfo::from_der(&swapped).unwrap();
        let sd: cms::signed_data::SignedData = ci.content.decode_as().unwrap();
        let by_cms: Vec<Vec<u8>> = sd
            .certificates
            .unwrap()
            .0
            .iter()
            .map(|c| c.to_der().unwrap())
            .collect();
        assert_eq!(by_cms, vec![lo.clone(), hi.clone()]);
    }
}

//! Writing PKCS#12 (RFC 7292) with its salts and IVs drawn from the caller's [`Randomness`].
//!
//! p12-keystore (which racemu still uses to read PKCS#12) draws its salts and IVs from the
//! thread's generator, which a seed cannot reach; this writer builds the same layout from
//! RustCrypto's `pkcs12`, `pkcs5` and `cms` types: certificates in one encrypted SafeContents,
//! each private key in a PKCS#8 shrouded key bag, and an HMAC over the whole. Bags are in
//! alias order, as p12-keystore wrote them.

use crate::randomness::Randomness;
use crate::PkiError;
use cbc::cipher::{block_padding::Pkcs7, BlockModeEncrypt, KeyIvInit};
use hmac13::{KeyInit, Mac};
use pkcs12::cms::cert::x509::attr::{Attribute, AttributeValue, Attributes};
use pkcs12::cms::cert::x509::spki::AlgorithmIdentifierOwned;
use pkcs12::cms::content_info::{CmsVersion, ContentInfo};
use pkcs12::cms::encrypted_data::EncryptedData;
use pkcs12::cms::enveloped_data::EncryptedContentInfo;
use pkcs12::pbe_params::EncryptedPrivateKeyInfo;
use pkcs12::{kdf, CertBag, DigestInfo, MacData, SafeBag};
use pkcs5::der::asn1::{BmpString, ObjectIdentifier, OctetString, OctetStringRef, SetOfVec};
use pkcs5::der::{Any, Decode, Encode};
use std::collections::BTreeMap;

const DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ENCRYPTED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.6");
const FRIENDLY_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.20");
const LOCAL_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.21");
const X509_CERTIFICATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.22.1");
const CERT_BAG: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.3");
const SHROUDED_KEY_BAG: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.2");
const PBES2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.13");
const PBE_SHA1_3DES: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.1.3");
/// Java's trustedCertEntry marker (Oracle's trusted key usage: any extended key usage).
const ORACLE_TRUSTED_KEY_USAGE: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.113894.746875.1.1");
const ANY_EXTENDED_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37.0");
const SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");

/// Iterations of the key derivations (encryption and MAC), as p12-keystore and OpenSSL 3.
const ITERATIONS: u32 = 10_000;

/// The ciphers of a package: AES-256 (PBES2, HMAC-SHA256 MAC) or the legacy 3DES (PKCS#12
/// PBE with SHA-1, SHA-1 MAC).
#[derive(Clone, Copy)]
pub(crate) enum Ciphers {
    Aes256,
    TripleDes,
}

/// A private key with its chain (leaf first) under `alias`.
pub(crate) struct KeyEntry<'a> {
    pub alias: &'a str,
    pub pkcs8: &'a [u8],
    pub local_key_id: Vec<u8>,
    pub chain: Vec<&'a [u8]>,
}

enum Entry<'a> {
    Key(KeyEntry<'a>),
    Trusted(&'a [u8]),
}

fn err(e: impl std::fmt::Display) -> PkiError {
    PkiError::Signing(format!("PKCS#12: {e}"))
}

/// The PFX of `keys` and `trusted` certificates (alias, DER). One entry per alias: a later
/// entry of the same alias replaces an earlier one, as in a Java keystore.
pub(crate) fn write_pfx(
    keys: Vec<KeyEntry<'_>>,
    trusted: Vec<(&str, &[u8])>,
    password: &str,
    ciphers: Ciphers,
    randomness: &Randomness,
) -> Result<Vec<u8>, PkiError> {
    let mut entries: BTreeMap<String, Entry<'_>> = BTreeMap::new();
    for (alias, der) in trusted {
        entries.insert(alias.to_string(), Entry::Trusted(der));
    }
    for k in keys {
        entries.insert(k.alias.to_string(), Entry::Key(k));
    }
    let mut cert_bags = Vec::new();
    for (alias, e) in &entries {
        if let Entry::Trusted(der) = e {
            cert_bags.push(cert_bag(der, Some(alias), None, true)?);
        }
    }
    for e in entries.values() {
        if let Entry::Key(k) = e {
            for (i, der) in k.chain.iter().enumerate() {
                let id = (i == 0).then_some(k.local_key_id.as_slice());
                let subject = crate::parse_certificate(der)
                    .map(|c| c.subject.racf_dotted())
                    .ok();
                cert_bags.push(cert_bag(der, subject.as_deref(), id, false)?);
            }
        }
    }
    let cert_safe_der = cert_bags.to_der().map_err(err)?;
    let (alg, encrypted) = encrypt(ciphers, &cert_safe_der, password, randomness)?;
    let certs_safe = ContentInfo {
        content_type: ENCRYPTED_DATA,
        content: Any::from_der(
            &EncryptedData {
                version: CmsVersion::V0,
                enc_content_info: EncryptedContentInfo {
                    content_type: DATA,
                    content_enc_alg: alg,
                    encrypted_content: Some(OctetString::new(encrypted).map_err(err)?),
                },
                unprotected_attrs: None,
            }
            .to_der()
            .map_err(err)?,
        )
        .map_err(err)?,
    };
    let mut key_bags = Vec::new();
    for (alias, e) in &entries {
        if let Entry::Key(k) = e {
            key_bags.push(key_bag(k, alias, password, ciphers, randomness)?);
        }
    }
    let keys_safe = data_content(&key_bags.to_der().map_err(err)?)?;
    let auth_safe = data_content(&vec![certs_safe, keys_safe].to_der().map_err(err)?)?;
    let mac_data = mac(auth_safe.content.value(), password, ciphers, randomness)?;
    pkcs12::pfx::Pfx {
        version: pkcs12::pfx::Version::V3,
        auth_safe,
        mac_data: Some(mac_data),
    }
    .to_der()
    .map_err(err)
}

fn data_content(bytes: &[u8]) -> Result<ContentInfo, PkiError> {
    Ok(ContentInfo {
        content_type: DATA,
        content: Any::from_der(
            &OctetString::new(bytes)
                .map_err(err)?
                .to_der()
                .map_err(err)?,
        )
        .map_err(err)?,
    })
}

fn attribute(oid: ObjectIdentifier, value_der: &[u8]) -> Result<Attribute, PkiError> {
    let values = SetOfVec::<AttributeValue>::from_iter([Any::from_der(value_der).map_err(err)?])
        .map_err(err)?;
    Ok(Attribute { oid, values })
}

fn bag_attributes(
    alias: Option<&str>,
    local_key_id: Option<&[u8]>,
) -> Result<Attributes, PkiError> {
    let mut attrs = Attributes::new();
    if let Some(name) = alias.filter(|n| n.chars().all(|c| u32::from(c) <= 0xffff)) {
        let bmp = BmpString::from_utf8(name).map_err(err)?;
        attrs
            .insert(attribute(FRIENDLY_NAME, &bmp.to_der().map_err(err)?)?)
            .map_err(err)?;
    }
    if let Some(id) = local_key_id {
        let octets = OctetStringRef::new(id).map_err(err)?;
        attrs
            .insert(attribute(LOCAL_KEY_ID, &octets.to_der().map_err(err)?)?)
            .map_err(err)?;
    }
    Ok(attrs)
}

fn cert_bag(
    der: &[u8],
    friendly_name: Option<&str>,
    local_key_id: Option<&[u8]>,
    trusted: bool,
) -> Result<SafeBag, PkiError> {
    let mut attrs = bag_attributes(friendly_name, local_key_id)?;
    if trusted {
        attrs
            .insert(attribute(
                ORACLE_TRUSTED_KEY_USAGE,
                &ANY_EXTENDED_KEY_USAGE.to_der().map_err(err)?,
            )?)
            .map_err(err)?;
    }
    let bag = CertBag {
        cert_id: X509_CERTIFICATE,
        cert_value: OctetString::new(der).map_err(err)?,
    };
    Ok(SafeBag {
        bag_id: CERT_BAG,
        bag_value: bag.to_der().map_err(err)?,
        bag_attributes: Some(attrs),
    })
}

fn key_bag(
    k: &KeyEntry<'_>,
    alias: &str,
    password: &str,
    ciphers: Ciphers,
    randomness: &Randomness,
) -> Result<SafeBag, PkiError> {
    let attrs = bag_attributes(Some(alias), Some(&k.local_key_id))?;
    let (alg, encrypted) = encrypt(ciphers, k.pkcs8, password, randomness)?;
    let info = EncryptedPrivateKeyInfo {
        encryption_algorithm: alg,
        encrypted_data: OctetString::new(encrypted).map_err(err)?,
    };
    Ok(SafeBag {
        bag_id: SHROUDED_KEY_BAG,
        bag_value: info.to_der().map_err(err)?,
        bag_attributes: Some(attrs),
    })
}

/// Salt (and IV) for encrypting `plaintext`: from the OS, or when seeded from the seed, the
/// use and the plaintext, so the same content is encrypted the same way and different
/// contents never share a salt and IV.
fn encrypt(
    ciphers: Ciphers,
    plaintext: &[u8],
    password: &str,
    randomness: &Randomness,
) -> Result<(AlgorithmIdentifierOwned, Vec<u8>), PkiError> {
    let digest = <sha2::Sha256 as sha2::Digest>::digest(plaintext);
    match ciphers {
        Ciphers::Aes256 => {
            let mut salt = [0u8; 32];
            let mut iv = [0u8; 16];
            randomness.fill(&[b"pkcs12 pbes2 salt", &digest], &mut salt);
            randomness.fill(&[b"pkcs12 pbes2 iv", &digest], &mut iv);
            let params =
                pkcs5::pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(ITERATIONS, &salt, iv)
                    .map_err(err)?;
            let encrypted = params
                .encrypt(password.as_bytes(), plaintext)
                .map_err(err)?;
            let alg = AlgorithmIdentifierOwned {
                oid: PBES2,
                parameters: Some(Any::from_der(&params.to_der().map_err(err)?).map_err(err)?),
            };
            Ok((alg, encrypted))
        }
        Ciphers::TripleDes => {
            let mut salt = [0u8; 20];
            randomness.fill(&[b"pkcs12 pbe-sha1-3des salt", &digest], &mut salt);
            let derive = |kind, len| {
                kdf::derive_key_utf8::<sha1::Sha1>(password, &salt, kind, ITERATIONS as i32, len)
                    .map_err(err)
            };
            let key = derive(kdf::Pkcs12KeyType::EncryptionKey, 24)?;
            let iv = derive(kdf::Pkcs12KeyType::Iv, 8)?;
            let cipher = cbc::Encryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
                .map_err(|_| err("3DES key or IV length"))?;
            let encrypted = cipher.encrypt_padded_vec::<Pkcs7>(plaintext);
            let params = pkcs12::pbe_params::Pkcs12PbeParams {
                salt: OctetString::new(salt.to_vec()).map_err(err)?,
                iterations: ITERATIONS as i32,
            };
            let alg = AlgorithmIdentifierOwned {
                oid: PBE_SHA1_3DES,
                parameters: Some(Any::from_der(&params.to_der().map_err(err)?).map_err(err)?),
            };
            Ok((alg, encrypted))
        }
    }
}

/// The MacData over `data`: HMAC-SHA256 (AES packages) or HMAC-SHA1 (legacy), its key from
/// the PKCS#12 KDF with an 8-byte salt.
fn mac(
    data: &[u8],
    password: &str,
    ciphers: Ciphers,
    randomness: &Randomness,
) -> Result<MacData, PkiError> {
    let mut salt = [0u8; 8];
    let digest = <sha2::Sha256 as sha2::Digest>::digest(data);
    randomness.fill(&[b"pkcs12 mac salt", &digest], &mut salt);
    let (oid, tag) = match ciphers {
        Ciphers::Aes256 => {
            let key = kdf::derive_key_utf8::<sha2_011::Sha256>(
                password,
                &salt,
                kdf::Pkcs12KeyType::Mac,
                ITERATIONS as i32,
                32,
            )
            .map_err(err)?;
            let mut m = hmac13::Hmac::<sha2_011::Sha256>::new_from_slice(&key).map_err(err)?;
            m.update(data);
            (SHA256, m.finalize().into_bytes().to_vec())
        }
        Ciphers::TripleDes => {
            let key = kdf::derive_key_utf8::<sha1::Sha1>(
                password,
                &salt,
                kdf::Pkcs12KeyType::Mac,
                ITERATIONS as i32,
                20,
            )
            .map_err(err)?;
            let mut m = hmac13::Hmac::<sha1::Sha1>::new_from_slice(&key).map_err(err)?;
            m.update(data);
            (SHA1, m.finalize().into_bytes().to_vec())
        }
    };
    Ok(MacData {
        mac: DigestInfo {
            algorithm: AlgorithmIdentifierOwned {
                oid,
                parameters: None,
            },
            digest: OctetString::new(tag).map_err(err)?,
        },
        mac_salt: OctetString::new(salt.to_vec()).map_err(err)?,
        iterations: ITERATIONS as i32,
    })
}

#[cfg(test)]
mod tests {
    use crate::{
        decode_package, export_pkcs12_der, issue_certificate, CertTemplate, DnTag, KeyPair,
        KeySpec, NameSpec, Pkcs12Encryption, Randomness, SignWith,
    };
    use racemu_racf::{AltNames, KeyAlgorithm};
    use time::macros::datetime;

    fn cert(r: &Randomness) -> (KeyPair, Vec<u8>) {
        let spec = KeySpec {
            algorithm: KeyAlgorithm::NistEcc,
            size: 256,
        };
        let key = KeyPair::generate(&spec, r, "IBMUSER", "web").unwrap();
        let t = CertTemplate {
            serial: vec![1],
            subject: NameSpec(vec![(DnTag::Cn, "web".into())]),
            not_before: datetime!(2026-01-01 00:00:00 UTC),
            not_after: datetime!(2036-01-01 00:00:00 UTC),
            key_usage: None,
            alt_names: AltNames::default(),
            is_ca: false,
        };
        let der = issue_certificate(
            &t,
            &key.public_key_spki_der(),
            SignWith::SelfSigned(&key),
            r,
        )
        .unwrap();
        (key, der)
    }

    #[test]
    fn a_seeded_package_is_the_same_each_time_and_reads_back() {
        for enc in [Pkcs12Encryption::Aes256, Pkcs12Encryption::LegacyTripleDes] {
            let seeded = Randomness::seeded_u64(5);
            let (key, der) = cert(&seeded);
            let p12 = |r: &Randomness| {
                export_pkcs12_der(Some(&key), &[&der], "web", "secret", enc, r).unwrap()
            };
            let a = p12(&seeded);
            assert_eq!(a, p12(&seeded), "{enc:?}");
            assert_ne!(a, p12(&Randomness::seeded_u64(6)), "{enc:?}");
            assert_ne!(p12(&Randomness::os()), p12(&Randomness::os()), "{enc:?}");
            // What racemu writes, racemu (p12-keystore) reads: the key and the certificate.
            let pkg = decode_package(&a, Some("secret")).unwrap();
            assert_eq!(pkg.certificates, vec![der.clone()], "{enc:?}");
            assert_eq!(
                pkg.private_key.map(|k| k.pkcs8_der().to_vec()),
                Some(key.pkcs8_der().to_vec())
            );
            assert!(decode_package(&a, Some("wrong")).is_err());
        }
    }
}

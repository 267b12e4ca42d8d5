//! Key pairs: generation, PKCS#8 storage, public keys and signatures.
//!
//! RSA 2048/3072/4096 and NIST P-256/P-384/P-521 come from aws-lc-rs. Other RSA sizes
//! (512–4096, e.g. the 1024-bit keys of older decks) come from the RustCrypto `rsa` crate,
//! since aws-lc-rs neither generates nor signs with them. Brainpool and DSA keys are refused
//! with [`PkiError::Unsupported`]: there is no mature Rust implementation, and racemu makes
//! no fake keys.

use crate::randomness::{KeyRng, Randomness};
use crate::PkiError;
use aws_lc_rs::encoding::{AsDer, PublicKeyX509Der};
use aws_lc_rs::rsa::{KeyPair as AwsRsa, KeySize};
use aws_lc_rs::signature::{self, EcdsaKeyPair, KeyPair as _};
use der::asn1::ObjectIdentifier;
use der::{Decode, Encode};
use racemu_racf::KeyAlgorithm;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey};
use std::fmt;
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

/// A key to generate: algorithm and size in bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySpec {
    /// The algorithm.
    pub algorithm: KeyAlgorithm,
    /// Size in bits (RSA modulus, or curve size 256/384/521).
    pub size: u32,
}

/// Key types as RACDCERT LIST shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    /// `RSA`.
    Rsa,
    /// `NIST ECC`.
    NistEcc,
    /// `Brainpool ECC`.
    BrainpoolEcc,
    /// `DSA`.
    Dsa,
    /// A key type RACF would not know.
    Unknown,
}

impl fmt::Display for KeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyType::Rsa => "RSA",
            KeyType::NistEcc => "NIST ECC",
            KeyType::BrainpoolEcc => "Brainpool ECC",
            KeyType::Dsa => "DSA",
            KeyType::Unknown => "UNKNOWN",
        })
    }
}

use const_oid::db::rfc5912::{
    ECDSA_WITH_SHA_256 as OID_ECDSA_SHA256, ECDSA_WITH_SHA_384 as OID_ECDSA_SHA384,
    ECDSA_WITH_SHA_512 as OID_ECDSA_SHA512, ID_DSA as OID_DSA, ID_EC_PUBLIC_KEY as OID_EC,
    RSA_ENCRYPTION as OID_RSA, SECP_224_R_1 as OID_P224, SECP_256_R_1 as OID_P256,
    SECP_384_R_1 as OID_P384, SECP_521_R_1 as OID_P521,
    SHA_256_WITH_RSA_ENCRYPTION as OID_SHA256_RSA,
};
/// secp192r1 (prime192v1, ANSI X9.62), which const-oid's database does not hold.
const OID_P192: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.1");
/// The arc of the Brainpool curves (RFC 5639, ecStdCurvesAndGeneration versionOne), which
/// const-oid's database does not hold.
const BRAINPOOL_ARC: &str = "1.3.36.3.3.2.8.1.1.";

/// A private key RACF holds, kept as PKCS#8 DER.
#[derive(Clone)]
pub struct KeyPair {
    pkcs8: Vec<u8>,
    key_type: KeyType,
    bits: u32,
    spki: Vec<u8>,
}

impl fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print key material.
        f.debug_struct("KeyPair")
            .field("key_type", &self.key_type)
            .field("bits", &self.bits)
            .finish()
    }
}

/// An EC key whose private scalar is drawn from `rng`: big-endian bytes of the curve's
/// size (P-521's top byte cut to its one bit), drawn again until aws-lc-rs accepts the
/// scalar (zero or not below the group order is refused).
fn seeded_ec_key(
    bits: u32,
    alg: &'static signature::EcdsaSigningAlgorithm,
    rng: &mut KeyRng,
) -> Result<EcdsaKeyPair, PkiError> {
    use aws_lc_rs::agreement;
    let (ecdh, len) = match bits {
        256 => (&agreement::ECDH_P256, 32),
        384 => (&agreement::ECDH_P384, 48),
        _ => (&agreement::ECDH_P521, 66),
    };
    let mut scalar = vec![0u8; len];
    for _ in 0..64 {
        rsa::rand_core::RngCore::fill_bytes(rng, &mut scalar);
        if bits == 521 {
            scalar[0] &= 0x01;
        }
        let Ok(private) = agreement::PrivateKey::from_private_key(ecdh, &scalar) else {
            continue;
        };
        let rfc5915: aws_lc_rs::encoding::EcPrivateKeyRfc5915Der<'_> = private
            .as_der()
            .map_err(|_| PkiError::InvalidKey("EC key encoding failed".into()))?;
        return EcdsaKeyPair::from_private_key_der(alg, rfc5915.as_ref())
            .map_err(|e| PkiError::InvalidKey(e.to_string()));
    }
    Err(PkiError::InvalidKey(
        "no EC private key from the seed".into(),
    ))
}

fn ec_alg(bits: u32) -> Option<&'static signature::EcdsaSigningAlgorithm> {
    match bits {
        256 => Some(&signature::ECDSA_P256_SHA256_ASN1_SIGNING),
        384 => Some(&signature::ECDSA_P384_SHA384_ASN1_SIGNING),
        521 => Some(&signature::ECDSA_P521_SHA512_ASN1_SIGNING),
        _ => None,
    }
}

impl KeyPair {
    /// Generates the key pair for `owner`'s certificate `label` from `randomness`.
    ///
    /// From the OS: RSA 2048/3072/4096 and the NIST curves from aws-lc-rs, other RSA sizes
    /// from the `rsa` crate. Seeded: RSA (any size) from crypto-primes's prime search and
    /// NIST EC private scalars drawn from the seeded ChaCha20 stream (rejection sampling),
    /// both imported as PKCS#8.
    ///
    /// Errors: [`PkiError::Unsupported`] for BPECC, DSA, NISTECC 192/224 and RSA sizes outside
    /// 512–4096.
    pub fn generate(
        spec: &KeySpec,
        randomness: &Randomness,
        owner: &str,
        label: &str,
    ) -> Result<KeyPair, PkiError> {
        let mut rng = randomness.key_rng(spec.algorithm, spec.size, owner, label);
        match spec.algorithm {
            KeyAlgorithm::Rsa => {
                if !(512..=4096).contains(&spec.size) {
                    return Err(PkiError::Unsupported(format!("RSA key size {}", spec.size)));
                }
                let aws = match spec.size {
                    2048 => Some(KeySize::Rsa2048),
                    3072 => Some(KeySize::Rsa3072),
                    4096 => Some(KeySize::Rsa4096),
                    _ => None,
                };
                if let (Some(size), true) = (aws, rng.is_os()) {
                    let kp = AwsRsa::generate(size)
                        .map_err(|_| PkiError::InvalidKey("RSA generation failed".into()))?;
                    let der: der::Document = kp
                        .as_der()
                        .map(|d| der::Document::try_from(d.as_ref()))
                        .map_err(|_| PkiError::InvalidKey("RSA key encoding failed".into()))?
                        .map_err(|e| PkiError::InvalidKey(e.to_string()))?;
                    return KeyPair::from_pkcs8_der(der.as_bytes());
                }
                let key = if rng.is_os() {
                    rsa::RsaPrivateKey::new(&mut rng, spec.size as usize)
                        .map_err(|e| PkiError::InvalidKey(e.to_string()))?
                } else {
                    crate::seeded_rsa::generate(&mut rng, spec.size)?
                };
                let doc = key
                    .to_pkcs8_der()
                    .map_err(|e| PkiError::InvalidKey(e.to_string()))?;
                KeyPair::from_pkcs8_der(doc.as_bytes())
            }
            KeyAlgorithm::NistEcc => {
                let alg = ec_alg(spec.size).ok_or_else(|| {
                    PkiError::Unsupported(format!("NISTECC key size {}", spec.size))
                })?;
                let kp = if rng.is_os() {
                    EcdsaKeyPair::generate(alg)
                        .map_err(|_| PkiError::InvalidKey("EC generation failed".into()))?
                } else {
                    seeded_ec_key(spec.size, alg, &mut rng)?
                };
                let doc = kp
                    .to_pkcs8v1()
                    .map_err(|_| PkiError::InvalidKey("EC key encoding failed".into()))?;
                KeyPair::from_pkcs8_der(doc.as_ref())
            }
            KeyAlgorithm::Bpecc => Err(PkiError::Unsupported(
                "BPECC (Brainpool) key generation".into(),
            )),
            KeyAlgorithm::Dsa => Err(PkiError::Unsupported("DSA key generation".into())),
        }
    }

    /// Loads a PKCS#8 private key (RSA or NIST EC).
    pub fn from_pkcs8_der(der: &[u8]) -> Result<KeyPair, PkiError> {
        let info = rsa::pkcs8::PrivateKeyInfo::from_der(der)
            .map_err(|e| PkiError::InvalidKey(e.to_string()))?;
        let oid = info.algorithm.oid;
        if oid == OID_RSA {
            let key = rsa::RsaPrivateKey::from_pkcs8_der(der)
                .map_err(|e| PkiError::InvalidKey(e.to_string()))?;
            let bits = (rsa::traits::PublicKeyParts::n(&key).bits()) as u32;
            let spki = key
                .to_public_key()
                .to_public_key_der()
                .map_err(|e| PkiError::InvalidKey(e.to_string()))?
                .into_vec();
            Ok(KeyPair {
                pkcs8: der.to_vec(),
                key_type: KeyType::Rsa,
                bits,
                spki,
            })
        } else if oid == OID_EC {
            let curve: Option<ObjectIdentifier> = info
                .algorithm
                .parameters
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
            let bits = match curve {
                Some(c) if c == OID_P256 => 256,
                Some(c) if c == OID_P384 => 384,
                Some(c) if c == OID_P521 => 521,
                _ => return Err(PkiError::Unsupported("this elliptic curve".into())),
            };
            let alg =
                ec_alg(bits).ok_or_else(|| PkiError::Unsupported("this elliptic curve".into()))?;
            let kp = EcdsaKeyPair::from_pkcs8(alg, der)
                .map_err(|e| PkiError::InvalidKey(e.to_string()))?;
            let spki: PublicKeyX509Der<'_> = kp
                .public_key()
                .as_der()
                .map_err(|_| PkiError::InvalidKey("EC public key".into()))?;
            Ok(KeyPair {
                pkcs8: der.to_vec(),
                key_type: KeyType::NistEcc,
                bits,
                spki: spki.as_ref().to_vec(),
            })
        } else {
            Err(PkiError::Unsupported(format!(
                "private keys of algorithm {oid}"
            )))
        }
    }

    /// The PKCS#8 DER of the private key.
    pub fn pkcs8_der(&self) -> &[u8] {
        &self.pkcs8
    }

    /// The key type.
    pub fn key_type(&self) -> KeyType {
        self.key_type
    }

    /// The key size in bits.
    pub fn size_bits(&self) -> u32 {
        self.bits
    }

    /// The public key as a DER SubjectPublicKeyInfo.
    pub fn public_key_spki_der(&self) -> Vec<u8> {
        self.spki.clone()
    }

    /// The signature algorithm this key signs with: sha256RSA for RSA; sha256/384/512ECDSA
    /// for P-256/P-384/P-521.
    pub(crate) fn signature_algorithm(&self) -> AlgorithmIdentifierOwned {
        match (self.key_type, self.bits) {
            (KeyType::Rsa, _) => AlgorithmIdentifierOwned {
                oid: OID_SHA256_RSA,
                parameters: Some(der::asn1::Null.into()),
            },
            (_, 384) => AlgorithmIdentifierOwned {
                oid: OID_ECDSA_SHA384,
                parameters: None,
            },
            (_, 521) => AlgorithmIdentifierOwned {
                oid: OID_ECDSA_SHA512,
                parameters: None,
            },
            _ => AlgorithmIdentifierOwned {
                oid: OID_ECDSA_SHA256,
                parameters: None,
            },
        }
    }

    /// Signs `msg` with [`Self::signature_algorithm`], drawing on `randomness`.
    ///
    /// RSA PKCS#1 v1.5 needs none. ECDSA from the OS goes through aws-lc-rs, which draws its
    /// nonces itself; seeded, the nonce comes from a ChaCha20 stream derived from the seed,
    /// the key and the message, so a seeded run signs the same bytes the same way.
    pub(crate) fn sign(&self, msg: &[u8], randomness: &Randomness) -> Result<Vec<u8>, PkiError> {
        let rng = randomness.aws_lc_random();
        match self.key_type {
            KeyType::Rsa if self.bits >= 2048 => {
                let kp = AwsRsa::from_pkcs8(&self.pkcs8)
                    .map_err(|e| PkiError::Signing(e.to_string()))?;
                let mut sig = vec![0u8; kp.public_modulus_len()];
                kp.sign(&signature::RSA_PKCS1_SHA256, &rng, msg, &mut sig)
                    .map_err(|_| PkiError::Signing("RSA signature failed".into()))?;
                Ok(sig)
            }
            KeyType::Rsa => {
                use rsa::signature::{SignatureEncoding, Signer};
                let key = rsa::RsaPrivateKey::from_pkcs8_der(&self.pkcs8)
                    .map_err(|e| PkiError::Signing(e.to_string()))?;
                let sk = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key);
                let sig = sk
                    .try_sign(msg)
                    .map_err(|e| PkiError::Signing(e.to_string()))?;
                Ok(sig.to_vec())
            }
            KeyType::NistEcc if randomness.is_seeded() => {
                let mut rng = randomness.signature_rng(&self.pkcs8, msg);
                ecdsa_with_rng(&self.pkcs8, self.bits, msg, &mut rng)
            }
            KeyType::NistEcc => {
                let alg = ec_alg(self.bits).ok_or_else(|| PkiError::Signing("curve".into()))?;
                let kp = EcdsaKeyPair::from_pkcs8(alg, &self.pkcs8)
                    .map_err(|e| PkiError::Signing(e.to_string()))?;
                let sig = kp
                    .sign(&rng, msg)
                    .map_err(|_| PkiError::Signing("ECDSA signature failed".into()))?;
                Ok(sig.as_ref().to_vec())
            }
            _ => Err(PkiError::Unsupported("signing with this key type".into())),
        }
    }
}

/// ECDSA with its nonce drawn from `rng` (RustCrypto's p256/p384/p521; for P-256 and P-384
/// RFC 6979 nonces hedged with `rng`'s bytes): SHA-256 for P-256, SHA-384 for P-384, SHA-512
/// for P-521, as [`KeyPair::signature_algorithm`] names them; the signature DER-encoded.
fn ecdsa_with_rng(
    pkcs8: &[u8],
    bits: u32,
    msg: &[u8],
    rng: &mut KeyRng,
) -> Result<Vec<u8>, PkiError> {
    use p256::ecdsa::signature::RandomizedSigner;
    use p256::pkcs8::DecodePrivateKey;
    let key_err = |e: p256::pkcs8::Error| PkiError::Signing(e.to_string());
    let sig_err = |e: p256::ecdsa::Error| PkiError::Signing(e.to_string());
    Ok(match bits {
        256 => {
            let sk = p256::ecdsa::SigningKey::from_pkcs8_der(pkcs8).map_err(key_err)?;
            let sig: p256::ecdsa::Signature = sk.try_sign_with_rng(rng, msg).map_err(sig_err)?;
            sig.to_der().as_bytes().to_vec()
        }
        384 => {
            let sk = p384::ecdsa::SigningKey::from_pkcs8_der(pkcs8).map_err(key_err)?;
            let sig: p384::ecdsa::Signature = sk.try_sign_with_rng(rng, msg).map_err(sig_err)?;
            sig.to_der().as_bytes().to_vec()
        }
        521 => {
            let secret = p521::SecretKey::from_pkcs8_der(pkcs8).map_err(key_err)?;
            let sk = p521::ecdsa::SigningKey::from_bytes(&secret.to_bytes()).map_err(sig_err)?;
            let sig: p521::ecdsa::Signature = sk.try_sign_with_rng(rng, msg).map_err(sig_err)?;
            sig.to_der().as_bytes().to_vec()
        }
        _ => return Err(PkiError::Unsupported(format!("NISTECC key size {bits}"))),
    })
}

/// Key type and size of a SubjectPublicKeyInfo.
pub(crate) fn spki_type_and_size(spki: &SubjectPublicKeyInfoOwned) -> (KeyType, u32) {
    let oid = spki.algorithm.oid;
    if oid == OID_RSA {
        let bits = spki
            .subject_public_key
            .as_bytes()
            .and_then(|b| rsa::pkcs1::RsaPublicKey::from_der(b).ok())
            .map(|k| {
                let m = k.modulus.as_bytes();
                let lead = m.iter().position(|b| *b != 0).unwrap_or(m.len());
                let m = &m[lead..];
                match m.first() {
                    Some(f) => (m.len() as u32 - 1) * 8 + (8 - f.leading_zeros()),
                    None => 0,
                }
            })
            .unwrap_or(0);
        (KeyType::Rsa, bits)
    } else if oid == OID_EC {
        let curve = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
        match curve {
            Some(c) if c == OID_P256 => (KeyType::NistEcc, 256),
            Some(c) if c == OID_P384 => (KeyType::NistEcc, 384),
            Some(c) if c == OID_P521 => (KeyType::NistEcc, 521),
            Some(c) if c == OID_P192 => (KeyType::NistEcc, 192),
            Some(c) if c == OID_P224 => (KeyType::NistEcc, 224),
            Some(c) if c.to_string().starts_with(BRAINPOOL_ARC) => {
                let bits = match c.arcs().last() {
                    Some(1) => 160,
                    Some(3) => 192,
                    Some(5) => 224,
                    Some(7) => 256,
                    Some(9) => 320,
                    Some(11) => 384,
                    Some(13) => 512,
                    _ => 0,
                };
                (KeyType::BrainpoolEcc, bits)
            }
            _ => (KeyType::Unknown, 0),
        }
    } else if oid == OID_DSA {
        let bits = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.to_der().ok())
            .and_then(|d| {
                // Dss-Parms ::= SEQUENCE { p INTEGER, q, g }: size of p.
                let any = der::Any::from_der(&d).ok()?;
                let mut reader = der::SliceReader::new(any.value()).ok()?;
                let p = der::asn1::UintRef::decode(&mut reader).ok()?;
                Some(p.as_bytes().len() as u32 * 8)
            })
            .unwrap_or(0);
        (KeyType::Dsa, bits)
    } else {
        (KeyType::Unknown, 0)
    }
}

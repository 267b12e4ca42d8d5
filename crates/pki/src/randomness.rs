//! Where key generation and signatures get their randomness: chosen by the caller, never
//! reached for by the library.

use racemu_racf::KeyAlgorithm;
use rand_chacha::rand_core::{CryptoRng, RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;
use sha2::{Digest, Sha256};
use std::fmt;

/// The source of randomness for key generation and signatures.
///
/// [`Randomness::os`] (the default) is the operating system's generator: keys from
/// aws-lc-rs come from its DRBG, seeded by the OS; keys from the `rsa` crate from the OS.
/// [`Randomness::seeded`] derives every key from the seed and what the key is for (owner,
/// label, algorithm and size) through ChaCha20, so the same seed gives the same keys.
/// Signatures: RSA PKCS#1 v1.5 signatures are deterministic under either source. ECDSA from
/// the OS is aws-lc-rs's, which draws its nonces itself; seeded, ECDSA nonces come from a
/// ChaCha20 stream of the seed, the key and the message (RustCrypto's p256/p384/p521), so a
/// seeded run gives the same certificates byte for byte.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Randomness(Source);

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Source {
    #[default]
    Os,
    Seeded([u8; 32]),
}

impl fmt::Debug for Randomness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A seed determines private keys: never print it.
        f.write_str(match self.0 {
            Source::Os => "Randomness::Os",
            Source::Seeded(_) => "Randomness::Seeded",
        })
    }
}

impl Randomness {
    /// The operating system's generator.
    pub const fn os() -> Randomness {
        Randomness(Source::Os)
    }

    /// Keys derived from `seed`: the same seed, owner, label, algorithm and size give the
    /// same key.
    pub fn seeded(seed: [u8; 32]) -> Randomness {
        Randomness(Source::Seeded(seed))
    }

    /// As [`Randomness::seeded`], from a number (its SHA-256, so that nearby numbers give
    /// unrelated keys).
    pub fn seeded_u64(seed: u64) -> Randomness {
        let mut h = Sha256::new_with_prefix(b"racemu seed");
        h.update(seed.to_be_bytes());
        Randomness::seeded(h.finalize().into())
    }

    /// Whether keys come from a seed.
    pub fn is_seeded(&self) -> bool {
        matches!(self.0, Source::Seeded(_))
    }

    /// The 32-byte seed of a seeded source (what a seeded store records, so that every
    /// later process on it derives from the same seed); `None` for the OS.
    pub fn seed_bytes(&self) -> Option<[u8; 32]> {
        match self.0 {
            Source::Os => None,
            Source::Seeded(seed) => Some(seed),
        }
    }

    /// The generator aws-lc-rs signing functions are handed. Its `SecureRandom` trait is
    /// sealed, so this is aws-lc-rs's own (OS-seeded) generator; the signatures racemu makes
    /// through aws-lc-rs do not draw on it (RSA PKCS#1 v1.5 is deterministic, ECDSA from the
    /// OS takes its nonces from aws-lc's DRBG; seeded ECDSA does not go through aws-lc-rs).
    pub(crate) fn aws_lc_random(&self) -> aws_lc_rs::rand::SystemRandom {
        aws_lc_rs::rand::SystemRandom::new()
    }

    /// The generator for the key (`algorithm`, `size` in bits) of `owner`'s certificate
    /// `label`: a ChaCha20 stream of its own when seeded (seed and purpose hashed, each
    /// length-prefixed), else the OS.
    pub(crate) fn key_rng(
        &self,
        algorithm: KeyAlgorithm,
        size: u32,
        owner: &str,
        label: &str,
    ) -> KeyRng {
        let Source::Seeded(seed) = self.0 else {
            return KeyRng::Os(rsa::rand_core::OsRng);
        };
        // RACF's keyword: the stream of a seeded run must not change with racemu's names.
        let algorithm = algorithm.keyword().as_bytes();
        let mut h = Sha256::new_with_prefix(b"racemu key");
        h.update(seed);
        for part in [owner.as_bytes(), label.as_bytes(), algorithm] {
            h.update((part.len() as u64).to_be_bytes());
            h.update(part);
        }
        h.update(size.to_be_bytes());
        KeyRng::Seeded(Box::new(ChaCha20Rng::from_seed(h.finalize().into())))
    }
}

impl Randomness {
    /// The generator for one signature of `msg` by the key `pkcs8`: the OS, or when seeded a
    /// ChaCha20 stream of the seed, the key and the message (each length-prefixed), so the
    /// same seed signs the same bytes the same way and different messages never share a
    /// nonce.
    pub(crate) fn signature_rng(&self, pkcs8: &[u8], msg: &[u8]) -> KeyRng {
        let Source::Seeded(seed) = self.0 else {
            return KeyRng::Os(rsa::rand_core::OsRng);
        };
        let mut h = Sha256::new_with_prefix(b"racemu signature");
        h.update(seed);
        for part in [pkcs8, msg] {
            h.update((part.len() as u64).to_be_bytes());
            h.update(part);
        }
        KeyRng::Seeded(Box::new(ChaCha20Rng::from_seed(h.finalize().into())))
    }
}

impl Randomness {
    /// A 16-byte salt for a password hash: from the OS, or when seeded the first 16 bytes
    /// of SHA-256 of the seed and `purpose` (each part length-prefixed), so a seeded run
    /// salts the same secret of the same purpose the same way and different purposes
    /// differently.
    pub fn salt(&self, purpose: &[&[u8]]) -> [u8; 16] {
        let mut salt = [0u8; 16];
        let Source::Seeded(seed) = self.0 else {
            rsa::rand_core::OsRng.fill_bytes(&mut salt);
            return salt;
        };
        let mut h = Sha256::new_with_prefix(b"racemu salt");
        h.update(seed);
        for part in purpose {
            h.update((part.len() as u64).to_be_bytes());
            h.update(part);
        }
        salt.copy_from_slice(&h.finalize()[..16]);
        salt
    }
}

impl Randomness {
    /// Fills `out` for `purpose` (a PKCS#12 salt or IV): from the OS, or when seeded from a
    /// ChaCha20 stream of the seed and `purpose` (each part length-prefixed), so the same
    /// purpose gets the same bytes and different purposes unrelated ones.
    pub(crate) fn fill(&self, purpose: &[&[u8]], out: &mut [u8]) {
        let Source::Seeded(seed) = self.0 else {
            rsa::rand_core::OsRng.fill_bytes(out);
            return;
        };
        let mut h = Sha256::new_with_prefix(b"racemu bytes");
        h.update(seed);
        for part in purpose {
            h.update((part.len() as u64).to_be_bytes());
            h.update(part);
        }
        ChaCha20Rng::from_seed(h.finalize().into()).fill_bytes(out);
    }
}

/// A generator for one key or one signature.
pub(crate) enum KeyRng {
    /// The operating system's.
    Os(rsa::rand_core::OsRng),
    /// ChaCha20 from a seed.
    Seeded(Box<ChaCha20Rng>),
}

impl KeyRng {
    /// Whether this is the operating system's generator.
    pub(crate) fn is_os(&self) -> bool {
        matches!(self, KeyRng::Os(_))
    }
}

impl RngCore for KeyRng {
    fn next_u32(&mut self) -> u32 {
        match self {
            KeyRng::Os(r) => r.next_u32(),
            KeyRng::Seeded(r) => r.next_u32(),
        }
    }

    fn next_u64(&mut self) -> u64 {
        match self {
            KeyRng::Os(r) => r.next_u64(),
            KeyRng::Seeded(r) => r.next_u64(),
        }
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        match self {
            KeyRng::Os(r) => r.fill_bytes(dest),
            KeyRng::Seeded(r) => r.fill_bytes(dest),
        }
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_chacha::rand_core::Error> {
        match self {
            KeyRng::Os(r) => r.try_fill_bytes(dest),
            KeyRng::Seeded(r) => r.try_fill_bytes(dest),
        }
    }
}

impl CryptoRng for KeyRng {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        issue_certificate, parse_certificate, verify_issued_by, CertTemplate, DnTag, KeyPair,
        KeySpec, NameSpec, SignWith,
    };
    use racemu_racf::AltNames;
    use racemu_racf::KeyAlgorithm;
    use time::macros::datetime;

    #[test]
    fn seeded_salts_are_reproducible_and_per_purpose() {
        let r = Randomness::seeded_u64(7);
        assert_eq!(
            r.salt(&[b"ALICE", b"PASSWORD"]),
            r.salt(&[b"ALICE", b"PASSWORD"])
        );
        assert_ne!(
            r.salt(&[b"ALICE", b"PASSWORD"]),
            r.salt(&[b"ALICE", b"PHRASE"])
        );
        assert_ne!(r.salt(&[b"AB", b"C"]), r.salt(&[b"A", b"BC"]));
        let other = Randomness::seeded_u64(8);
        assert_ne!(r.salt(&[b"ALICE"]), other.salt(&[b"ALICE"]));
        let os = Randomness::os();
        assert_ne!(os.salt(&[b"ALICE"]), os.salt(&[b"ALICE"]));
    }

    const SPECS: [KeySpec; 5] = [
        KeySpec {
            algorithm: KeyAlgorithm::NistEcc,
            size: 256,
        },
        KeySpec {
            algorithm: KeyAlgorithm::NistEcc,
            size: 384,
        },
        KeySpec {
            algorithm: KeyAlgorithm::NistEcc,
            size: 521,
        },
        KeySpec {
            algorithm: KeyAlgorithm::Rsa,
            size: 1024,
        },
        KeySpec {
            algorithm: KeyAlgorithm::Rsa,
            size: 2048,
        },
    ];

    fn key(r: &Randomness, spec: &KeySpec, owner: &str, label: &str) -> KeyPair {
        KeyPair::generate(spec, r, owner, label).unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_key_and_another_seed_another() {
        for spec in &SPECS {
            let a = key(&Randomness::seeded_u64(7), spec, "irrcerta", "Local CA");
            let b = key(&Randomness::seeded_u64(7), spec, "irrcerta", "Local CA");
            let c = key(&Randomness::seeded_u64(8), spec, "irrcerta", "Local CA");
            let d = key(&Randomness::seeded([7; 32]), spec, "irrcerta", "Local CA");
            assert_eq!(a.pkcs8_der(), b.pkcs8_der(), "{spec:?}");
            assert_ne!(a.pkcs8_der(), c.pkcs8_der(), "{spec:?}");
            assert_ne!(a.pkcs8_der(), d.pkcs8_der(), "{spec:?}");
            assert_eq!((a.key_type(), a.size_bits()), (c.key_type(), spec.size));
        }
    }

    #[test]
    fn a_seed_gives_each_owner_label_and_size_its_own_key() {
        let r = Randomness::seeded_u64(1);
        let spec = SPECS[0];
        let base = key(&r, &spec, "IBMUSER", "web");
        assert_ne!(
            base.pkcs8_der(),
            key(&r, &spec, "IBMUSER", "web2").pkcs8_der()
        );
        assert_ne!(
            base.pkcs8_der(),
            key(&r, &spec, "WEBSRV", "web").pkcs8_der()
        );
        // Length prefixes: ("AB", "C") and ("A", "BC") are different purposes.
        assert_ne!(
            key(&r, &spec, "AB", "C").pkcs8_der(),
            key(&r, &spec, "A", "BC").pkcs8_der()
        );
        let p384 = key(&r, &SPECS[1], "IBMUSER", "web");
        assert_eq!(p384.size_bits(), 384);
    }

    #[test]
    fn the_os_gives_a_new_key_each_time_and_is_the_default() {
        assert_eq!(Randomness::default(), Randomness::os());
        assert!(!Randomness::os().is_seeded() && Randomness::seeded_u64(0).is_seeded());
        assert_eq!(
            format!("{:?}", Randomness::seeded([9; 32])),
            "Randomness::Seeded"
        );
        for spec in [SPECS[0], SPECS[3], SPECS[4]] {
            let a = key(&Randomness::os(), &spec, "U", "L");
            let b = key(&Randomness::os(), &spec, "U", "L");
            assert_ne!(a.pkcs8_der(), b.pkcs8_der(), "{spec:?}");
        }
    }

    #[test]
    fn seeded_keys_sign_the_same_certificate_each_time_and_it_verifies() {
        let r = Randomness::seeded_u64(42);
        for spec in &SPECS {
            let k = key(&r, spec, "irrcerta", "CA");
            let t = CertTemplate {
                serial: vec![1],
                subject: NameSpec(vec![(DnTag::Cn, "Seeded CA".into())]),
                not_before: datetime!(2026-01-01 00:00:00 UTC),
                not_after: datetime!(2036-01-01 00:00:00 UTC),
                key_usage: None,
                alt_names: AltNames::default(),
                is_ca: true,
            };
            let issue = |r: &Randomness| {
                issue_certificate(&t, &k.public_key_spki_der(), SignWith::SelfSigned(&k), r)
                    .unwrap()
            };
            let der = issue(&r);
            assert!(verify_issued_by(&der, &der), "{spec:?}");
            assert!(parse_certificate(&der).unwrap().self_signed);
            // Seeded, the same bytes are signed the same way (ECDSA included); the seed
            // decides the signature, and the OS gives a new ECDSA signature each time.
            assert_eq!(der, issue(&r), "{spec:?}");
            if spec.algorithm == KeyAlgorithm::NistEcc {
                assert_ne!(der, issue(&Randomness::seeded_u64(43)), "{spec:?}");
                let os = issue(&Randomness::os());
                assert!(verify_issued_by(&os, &os));
                assert_ne!(os, issue(&Randomness::os()), "{spec:?}");
            }
        }
    }
}

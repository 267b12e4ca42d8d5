//! Seeded RSA keys: the two primes found by crypto-primes (a sieve of small factors, then
//! Miller-Rabin base 2 and a strong Lucas test, Baillie-PSW) from the key's seeded stream,
//! and the key built from them by the `rsa` crate. About three times faster than the `rsa`
//! crate's own prime search (docs/performance.md), and as reproducible: the same stream
//! gives the same primes.

use crate::PkiError;
use crypto_bigint::BoxedUint;
use crypto_primes::hazmat::{SetBits, SmallFactorsSieveFactory};
use crypto_primes::{is_prime, sieve_and_find, Flavor};
use rsa::rand_core::RngCore;
use rsa::BigUint;
use std::convert::Infallible;

/// The seeded stream as crypto-primes's generator (rand_core 0.10).
struct Stream<'a, R: RngCore>(&'a mut R);

impl<R: RngCore> rand_core10::TryRng for Stream<'_, R> {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(self.0.next_u32())
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(self.0.next_u64())
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        self.0.fill_bytes(dst);
        Ok(())
    }
}

impl<R: RngCore> rand_core10::TryCryptoRng for Stream<'_, R> {}

/// A prime of exactly `bits` bits with its two top bits set (so that the product of two has
/// exactly twice the bits).
fn prime<R: RngCore>(rng: &mut Stream<'_, R>, bits: u32) -> Result<BigUint, PkiError> {
    let factory = SmallFactorsSieveFactory::<BoxedUint>::new(Flavor::Any, bits, SetBits::TwoMsb)
        .map_err(|e| PkiError::InvalidKey(e.to_string()))?;
    let p = sieve_and_find(rng, factory, |_, c| is_prime(Flavor::Any, c))
        .map_err(|e| PkiError::InvalidKey(e.to_string()))?
        .ok_or_else(|| PkiError::InvalidKey("no prime found".into()))?;
    Ok(BigUint::from_bytes_be(&p.to_be_bytes()))
}

/// An RSA key of `bits` bits (exponent 65537) from `rng`.
pub(crate) fn generate<R: RngCore>(rng: &mut R, bits: u32) -> Result<rsa::RsaPrivateKey, PkiError> {
    let mut stream = Stream(rng);
    // Pairs whose p-1 or q-1 share a factor with 65537 are drawn again; a handful of tries
    // suffice with overwhelming probability.
    for _ in 0..64 {
        let p = prime(&mut stream, bits - bits / 2)?;
        let q = prime(&mut stream, bits / 2)?;
        if p == q {
            continue;
        }
        if let Ok(key) = rsa::RsaPrivateKey::from_p_q(p, q, BigUint::from(65_537u32)) {
            if rsa::traits::PublicKeyParts::n(&key).bits() == bits as usize {
                return Ok(key);
            }
        }
    }
    Err(PkiError::InvalidKey("RSA generation failed".into()))
}

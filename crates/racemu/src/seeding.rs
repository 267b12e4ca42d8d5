//! Seeded stores: which randomness a store's keys, signatures and PKCS#12 salts come from.
//!
//! A seed (`--seed S`, `$RACEMU_SEED`, [`RacfBuilder::seed`](crate::fixture::RacfBuilder::seed))
//! is recorded in the store the first time it is given to a store that holds no certificate
//! yet. From then on the store *is* seeded: every process on it derives from the recorded
//! seed, with or without `--seed`. A seed that does not match the recorded one, or a seed
//! given to a store that already holds keys from the operating system, is not used; the
//! caller is told why (RCM205W), and the store keeps what it recorded.

use crate::messages;
use racemu_pki::Randomness;
use racemu_store::rows::certs;
use racemu_store::settings;
use racemu_store::{Store, StoreError};

/// What a store's randomness was settled to.
#[derive(Debug)]
pub struct Seeding {
    /// The randomness the engine is to use.
    pub randomness: Randomness,
    /// Why a requested seed was not used (RCM205W), if it was not.
    pub warning: Option<String>,
}

/// The randomness of a number: what `--seed S` and `RACEMU_SEED` mean.
pub fn randomness_of(seed: Option<u64>) -> Randomness {
    seed.map_or(Randomness::os(), Randomness::seeded_u64)
}

/// Settles the randomness of `store` given the one `requested`: the store's recorded seed
/// when it has one; else the requested seed, recorded, when the store holds no certificate;
/// else the operating system. Only recording a seed writes (one transaction); every other
/// start only reads.
pub fn settle(store: &mut Store, requested: Randomness) -> Result<Seeding, StoreError> {
    let path = store.path().display().to_string();
    if let Some(recorded) = store.read(settings::seed)? {
        return Ok(recorded_seed(recorded, requested, &path));
    }
    let Some(seed) = requested.seed_bytes() else {
        return Ok(Seeding {
            randomness: Randomness::os(),
            warning: None,
        });
    };
    store.transaction(|tx| {
        // Another process may have recorded a seed since the read.
        if let Some(recorded) = settings::seed(tx)? {
            return Ok(recorded_seed(recorded, requested, &path));
        }
        if certs::any(tx)? {
            return Ok(Seeding {
                randomness: Randomness::os(),
                warning: Some(messages::seed_unused_keys_from_os(&path)),
            });
        }
        settings::record_seed(tx, &seed)?;
        Ok(Seeding {
            randomness: requested,
            warning: None,
        })
    })
}

/// A seeded store's randomness, with RCM205W when `requested` was another seed.
fn recorded_seed(recorded: [u8; 32], requested: Randomness, path: &str) -> Seeding {
    let warning = match requested.seed_bytes() {
        Some(s) if s != recorded => Some(messages::seed_unused_other_seed(path)),
        _ => None,
    };
    Seeding {
        randomness: Randomness::seeded(recorded),
        warning,
    }
}

/// The warning `keyring serve` (and any server on a seeded store) prints on standard error
/// (RCM204W, from the catalogue).
pub use crate::messages::REPRODUCIBLE_KEYS;

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("racf.db")).unwrap();
        (dir, s)
    }

    #[test]
    fn a_fresh_store_records_the_seed_and_keeps_it_without_one() {
        let (_d, mut s) = store();
        let seeded = randomness_of(Some(7));
        let first = settle(&mut s, seeded).unwrap();
        assert_eq!(first.randomness, seeded);
        assert!(first.warning.is_none());
        // Later, without a seed: still seeded, silently.
        let later = settle(&mut s, Randomness::os()).unwrap();
        assert_eq!(later.randomness, seeded);
        assert!(later.warning.is_none());
        // With another seed: the recorded one, and a warning.
        let other = settle(&mut s, randomness_of(Some(8))).unwrap();
        assert_eq!(other.randomness, seeded);
        assert!(other.warning.unwrap().starts_with("RCM205W "));
    }

    #[test]
    fn an_unseeded_store_with_certificates_stays_unseeded() {
        let mut racf = crate::Racf::temporary().unwrap();
        racf.sysin(
            "IBMUSER",
            "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) NISTECC WITHLABEL('CA')",
        )
        .unwrap();
        let s = racf.engine().store_mut();
        let r = settle(s, randomness_of(Some(1))).unwrap();
        assert_eq!(r.randomness, Randomness::os());
        assert!(r.warning.unwrap().contains("already holds certificates"));
        assert_eq!(
            settle(s, Randomness::os()).unwrap().randomness,
            Randomness::os()
        );
    }
}

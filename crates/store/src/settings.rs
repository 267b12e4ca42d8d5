//! racemu's own settings (`racemu setting NAME [VALUE]`): choices where racemu, not RACF,
//! decides, kept in the store so every process on it decides alike.

use crate::meta;
use crate::{StoreResult, Tx};

/// A racemu setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// `undefined-ids`: whether a user ID racemu has never seen counts as defined
    /// (`implicit`, the default) or is refused as undefined (`error`).
    UndefinedIds,
    /// `pkcs12-encryption`: how EXPORT protects a PKCS#12 package: `aes256` (the default) or
    /// `legacy` (3DES and RC2, for old readers).
    Pkcs12Encryption,
}

impl Setting {
    /// Every setting, in the order `racemu setting` names them.
    pub const ALL: [Setting; 2] = [Setting::UndefinedIds, Setting::Pkcs12Encryption];

    /// The setting's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Setting::UndefinedIds => "undefined-ids",
            Setting::Pkcs12Encryption => "pkcs12-encryption",
        }
    }

    /// The setting a command-line name names.
    pub fn from_name(name: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The values the setting takes; the first is the default.
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Setting::UndefinedIds => &["implicit", "error"],
            Setting::Pkcs12Encryption => &["aes256", "legacy"],
        }
    }

    fn key(self) -> &'static str {
        match self {
            Setting::UndefinedIds => "undefined_ids",
            Setting::Pkcs12Encryption => "pkcs12_encryption",
        }
    }
}

/// The setting's value: the one set, else its default.
pub fn get(tx: &Tx<'_>, s: Setting) -> StoreResult<String> {
    Ok(meta::get(tx, s.key())?.unwrap_or_else(|| s.values()[0].to_string()))
}

/// Sets `s` to `value`; `false` (and nothing written) when `value` is not one of
/// [`Setting::values`].
pub fn set(tx: &Tx<'_>, s: Setting, value: &str) -> StoreResult<bool> {
    if !s.values().contains(&value) {
        return Ok(false);
    }
    meta::set(tx, s.key(), value)?;
    Ok(true)
}

/// Whether user IDs racemu has never seen are refused as undefined (`undefined-ids error`).
pub fn undefined_ids_are_errors(tx: &Tx<'_>) -> StoreResult<bool> {
    Ok(get(tx, Setting::UndefinedIds)? == "error")
}

/// Whether PKCS#12 packages are written with the legacy ciphers (`pkcs12-encryption legacy`).
pub fn pkcs12_legacy(tx: &Tx<'_>) -> StoreResult<bool> {
    Ok(get(tx, Setting::Pkcs12Encryption)? == "legacy")
}

/// The seed a seeded store records (`meta` key `seed`, 64 hex digits); `None` for a store
/// whose keys come from the operating system. The store holds its private keys in the
/// clear, so recording the seed beside them discloses nothing the file does not already
/// hold; it lets every later process on the store derive its keys from the same seed.
pub fn seed(tx: &Tx<'_>) -> StoreResult<Option<[u8; 32]>> {
    Ok(meta::get(tx, SEED_KEY)?.and_then(|hex| parse_seed(&hex)))
}

/// Records that the store is seeded with `seed` (see [`seed`]).
pub fn record_seed(tx: &Tx<'_>, seed: &[u8; 32]) -> StoreResult<()> {
    meta::set(tx, SEED_KEY, &hex::encode(seed))
}

const SEED_KEY: &str = "seed";

fn parse_seed(text: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    hex::decode_to_slice(text, &mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn settings_default_take_only_their_values_and_read_back() {
        let mut s = Store::open_in_memory().unwrap();
        s.transaction(|tx| {
            assert_eq!(get(tx, Setting::UndefinedIds)?, "implicit");
            assert!(!undefined_ids_are_errors(tx)?);
            assert!(!set(tx, Setting::UndefinedIds, "legacy")?);
            assert_eq!(get(tx, Setting::UndefinedIds)?, "implicit");
            assert!(set(tx, Setting::UndefinedIds, "error")?);
            assert!(undefined_ids_are_errors(tx)?);
            assert!(!pkcs12_legacy(tx)?);
            assert!(set(tx, Setting::Pkcs12Encryption, "legacy")?);
            assert!(pkcs12_legacy(tx)?);
            assert_eq!(
                Setting::from_name("pkcs12-encryption"),
                Some(Setting::Pkcs12Encryption)
            );
            assert_eq!(Setting::from_name("undefined_ids"), None);
            Ok::<_, crate::StoreError>(())
        })
        .unwrap();
    }

    #[test]
    fn a_store_records_its_seed_and_reads_it_back() {
        let mut s = Store::open_in_memory().unwrap();
        s.transaction(|tx| {
            assert_eq!(seed(tx)?, None);
            let mut sd = [0u8; 32];
            sd[0] = 0xab;
            sd[31] = 7;
            record_seed(tx, &sd)?;
            assert_eq!(seed(tx)?, Some(sd));
            meta::set(tx, SEED_KEY, "not hex")?;
            assert_eq!(seed(tx)?, None);
            Ok::<_, crate::StoreError>(())
        })
        .unwrap();
    }
}

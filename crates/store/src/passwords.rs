//! Passwords and password phrases as RACF keeps them: one-way. racemu stores a salted
//! Argon2id hash (the `argon2` crate's default parameters, PHC string format) and never the
//! text.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// RACF's initial IBMUSER password, SYS1, hashed once (Argon2id, default parameters, PHC
/// string) and kept here: the password is public knowledge — every new RACF database has it,
/// expired — so a salt of its own per store would protect nothing, and hashing it again would
/// cost every new store about 20 ms and 19 MiB. Every password set later gets its own salt.
pub const INITIAL_IBMUSER: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$VWQAmxJWMkobXahTd9Y5gA$zhGRbXHF5mXTBiKXE8A5H1iixY/5ZJepDhxI90ZmWlM";

/// Hashes `secret` with `salt` (16 bytes the caller draws from its source of randomness:
/// the store never reaches for a generator itself). The result verifies with [`verify`].
pub fn hash(secret: &str, salt: &[u8; 16]) -> crate::StoreResult<String> {
    let salt = SaltString::encode_b64(salt).map_err(|e| {
        crate::StoreError::from(rusqlite::Error::ToSqlConversionFailure(
            e.to_string().into(),
        ))
    })?;
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.to_string().into()).into())
}

/// Whether `secret` matches a hash made by [`hash`]. A damaged hash matches nothing.
pub fn verify(secret: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(secret.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salted_one_way_hashes() {
        let a = hash("SYS1", &[1; 16]).unwrap();
        let b = hash("SYS1", &[2; 16]).unwrap();
        assert_ne!(a, b, "each hash has its own salt");
        assert!(a.starts_with("$argon2id$"));
        assert!(!a.contains("SYS1"));
        assert!(verify("SYS1", &a) && verify("SYS1", &b));
        assert!(!verify("SYS2", &a));
        assert!(!verify("SYS1", "not a hash"));
        assert_eq!(
            a,
            hash("SYS1", &[1; 16]).unwrap(),
            "the salt is the caller's"
        );
    }

    #[test]
    fn initial_ibmuser_hash_is_sys1() {
        assert!(verify("SYS1", INITIAL_IBMUSER));
        assert!(!verify("SYS2", INITIAL_IBMUSER));
    }
}

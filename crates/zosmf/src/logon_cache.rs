//! Recent good logons, so a client sending the same HTTP Basic credentials on every request
//! does not pay for an Argon2id verification each time (z/OSMF keeps an LTPA session for the
//! same reason).
//!
//! Guarantees:
//! * Only logons that RACF accepted are remembered, for at most [`TTL`], keyed by a salted
//!   SHA-256 of the user ID and secret (never the secret itself).
//! * A remembered logon counts only while the user's stored password (or phrase) hash is the
//!   one it was checked against and the user is neither revoked nor expired: a password
//!   change, ALTUSER REVOKE or EXPIRED ends it at once. Failed logons are never remembered,
//!   so every wrong password still counts toward SETROPTS PASSWORD(REVOKE(n)).

use racemu_engine::Engine;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a good logon is remembered.
pub const TTL: Duration = Duration::from_secs(60);

/// The most logons remembered at once.
const MAX: usize = 4096;

/// Remembered logons by key: the stored hash they were checked against, and when.
type Remembered = HashMap<[u8; 32], (String, Instant)>;

/// Remembered logons.
#[derive(Clone)]
pub struct LogonCache {
    salt: [u8; 16],
    map: Arc<Mutex<Remembered>>,
}

impl LogonCache {
    /// An empty cache whose keys are salted with `salt` (from the engine's randomness: the
    /// operating system's, or the store's seed).
    pub fn new(salt: [u8; 16]) -> Self {
        LogonCache {
            salt,
            map: Arc::new(Mutex::new(HashMap::new())),
        }
    }
}

/// The stored hash `secret` is checked against and whether it is usable today, as the
/// engine gives it; a store failure counts as nothing remembered (the logon is verified again).
fn stored_hash(engine: &Engine, userid: &str, secret: &str) -> Option<(String, bool)> {
    engine
        .stored_secret(userid, secret)
        .ok()
        .flatten()
        .map(|s| (s.hash, s.usable))
}

impl LogonCache {
    fn key(&self, userid: &str, secret: &str) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(self.salt);
        h.update(userid.as_bytes());
        h.update([0]);
        h.update(secret.as_bytes());
        h.finalize().into()
    }

    /// Whether `userid` logged on with `secret` within [`TTL`] and nothing about its
    /// credentials changed since.
    pub fn accepts(&self, engine: &Engine, userid: &str, secret: &str) -> bool {
        let key = self.key(userid, secret);
        let Some((hash, at)) = self.map.lock().ok().and_then(|m| m.get(&key).cloned()) else {
            return false;
        };
        let ok = at.elapsed() < TTL
            && stored_hash(engine, userid, secret).is_some_and(|(h, usable)| usable && h == hash);
        if !ok {
            if let Ok(mut m) = self.map.lock() {
                m.remove(&key);
            }
        }
        ok
    }

    /// Remembers a logon RACF has just accepted.
    pub fn remember(&self, engine: &Engine, userid: &str, secret: &str) {
        let Some((hash, true)) = stored_hash(engine, userid, secret) else {
            return;
        };
        let key = self.key(userid, secret);
        if let Ok(mut m) = self.map.lock() {
            if m.len() >= MAX {
                m.retain(|_, (_, at)| at.elapsed() < TTL);
                if m.len() >= MAX {
                    m.clear();
                }
            }
            m.insert(key, (hash, Instant::now()));
        }
    }
}

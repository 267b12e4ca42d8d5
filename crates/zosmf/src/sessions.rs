//! TSO address spaces started through the z/OSMF TSO/E address-space API, by servlet key.

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The most address spaces the server keeps at once.
const MAX_SESSIONS: usize = 1000;

/// An address space started through the address-space API (or a stateful v1 command).
#[derive(Debug, Default)]
pub(crate) struct Session {
    /// The user who started it: only that user may use it.
    user: String,
    /// Messages not yet received.
    pub(crate) pending: Vec<Value>,
}

/// The address spaces, by servlet key.
#[derive(Clone, Default)]
pub struct Sessions {
    map: Arc<Mutex<HashMap<String, Session>>>,
    next: Arc<AtomicU64>,
    /// The secret the keys' letters are derived from.
    salt: [u8; 16],
}

impl Sessions {
    /// No address spaces yet; servlet keys are derived from `salt` (from the engine's
    /// randomness: the OS's, so a key cannot be guessed, or the seed's, so a `--seed` run
    /// hands out the same keys).
    pub fn new(salt: [u8; 16]) -> Self {
        Sessions {
            salt,
            ..Sessions::default()
        }
    }

    /// The servlet key of `user`'s `n`th address space: `USER-n-xxxxxxxx`, as z/OSMF makes
    /// them, the eight letters (`a` to `p`) from SHA-256 of the salt, the user and `n`.
    pub(crate) fn key(&self, user: &str, n: u64) -> String {
        let mut h = Sha256::new_with_prefix(self.salt);
        h.update((user.len() as u64).to_be_bytes());
        h.update(user.as_bytes());
        h.update(n.to_be_bytes());
        let letters: String = h.finalize()[..4]
            .iter()
            .flat_map(|b| [b >> 4, b & 0x0f])
            .map(|d| char::from(b'a' + d))
            .collect();
        format!("{user}-{n}-{letters}")
    }

    /// Starts an address space for `user`: its servlet key (see [`Sessions::key`]), or
    /// `None` when the server holds too many.
    pub(crate) fn start(&self, user: &str) -> Option<String> {
        let n = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let key = self.key(user, n);
        let mut map = self.map.lock().ok()?;
        if map.len() >= MAX_SESSIONS {
            return None;
        }
        map.insert(
            key.clone(),
            Session {
                user: user.to_string(),
                pending: Vec::new(),
            },
        );
        Some(key)
    }

    /// Runs `f` on `user`'s address space `key`.
    pub(crate) fn with<T>(
        &self,
        key: &str,
        user: &str,
        f: impl FnOnce(&mut Session) -> T,
    ) -> Option<T> {
        let mut map = self.map.lock().ok()?;
        map.get_mut(key).filter(|s| s.user == user).map(f)
    }

    /// Ends `user`'s address space `key`; false when there is none.
    pub(crate) fn stop(&self, key: &str, user: &str) -> bool {
        let Ok(mut map) = self.map.lock() else {
            return false;
        };
        if map.get(key).is_some_and(|s| s.user == user) {
            map.remove(key);
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same salt (a seeded run's) hands out the same servlet keys; another salt others.
    #[test]
    fn servlet_keys_come_from_the_salt_not_the_clock() {
        let keys = |salt: [u8; 16]| {
            let sessions = Sessions::new(salt);
            [sessions.start("IBMUSER"), sessions.start("IBMUSER")]
        };
        let first = keys([7; 16]);
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert_eq!(first, keys([7; 16]));
        assert_ne!(first, keys([8; 16]));
        let [Some(one), Some(two)] = first else {
            panic!("no servlet key: {first:?}")
        };
        assert!(
            one.starts_with("IBMUSER-1-") && two.starts_with("IBMUSER-2-"),
            "{one} {two}"
        );
        let letters = &one["IBMUSER-1-".len()..];
        assert_eq!(letters.len(), 8, "{one}");
        assert!(letters.bytes().all(|b| (b'a'..=b'p').contains(&b)), "{one}");
    }
}

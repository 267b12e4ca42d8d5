//! The store's own check of itself: SQLite's integrity check and the ring connections that
//! would refer to a missing certificate or ring (foreign keys forbid them; this proves it).

use crate::{StoreResult, Tx};

/// What a check of the store found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// SQLite's `PRAGMA integrity_check` answer: `ok`, or the first problem it reports.
    pub integrity: String,
    /// Ring connections whose certificate or ring is missing.
    pub dangling_connections: i64,
}

/// Checks the store.
pub fn check(tx: &Tx<'_>) -> StoreResult<Health> {
    let integrity = tx.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let dangling_connections = tx.query_row(
        "SELECT COUNT(*) FROM connections c LEFT JOIN certificates x ON x.id = c.cert_id \
         LEFT JOIN rings r ON r.id = c.ring_id WHERE x.id IS NULL OR r.id IS NULL",
        [],
        |r| r.get(0),
    )?;
    Ok(Health {
        integrity,
        dangling_connections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn a_new_store_is_healthy() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(
            s.read(check).unwrap(),
            Health {
                integrity: "ok".into(),
                dangling_connections: 0
            }
        );
    }
}

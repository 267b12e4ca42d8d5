//! The words the REPL offers to complete a command: certificate labels, ring names and user
//! IDs as the store holds them.

use crate::{StoreResult, Tx};
use racemu_racf::{Owner, UserId};

/// Words for completion, each list sorted and without duplicates.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Words {
    /// The labels of the certificates of one owner.
    pub labels: Vec<String>,
    /// Ring names, over all owners.
    pub rings: Vec<String>,
    /// User IDs: defined ones, and those only referenced (certificate and ring owners,
    /// access-list entries), as RACF's implicit IDs are: those spelled as a [`UserId`]. The
    /// internal owners of CERTAUTH's and SITE's certificates (`irrcerta`, `irrsitec`) are not
    /// user IDs and are left out.
    pub users: Vec<String>,
}

/// The completion words, with the labels of `label_owner`'s certificates.
pub fn words(tx: &Tx<'_>, label_owner: &Owner) -> StoreResult<Words> {
    let column = |sql: &str, params: &[&str]| -> StoreResult<Vec<String>> {
        let mut st = tx.prepare_cached(sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let labels = column(
        "SELECT label FROM certificates WHERE owner = ?1 ORDER BY label",
        &[label_owner.internal_id()],
    )?;
    let rings = column("SELECT DISTINCT name FROM rings ORDER BY name", &[])?;
    let mut users = column(
        "SELECT userid FROM users UNION SELECT owner FROM certificates \
         UNION SELECT owner FROM rings UNION SELECT id FROM access_list",
        &[],
    )?;
    users.retain(|u| UserId::is_written(u));
    users.sort();
    users.dedup();
    Ok(Words {
        labels,
        rings,
        users,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn words_hold_labels_rings_and_referenced_users_but_not_internal_owners() {
        let mut s = Store::open_in_memory().unwrap();
        let w = s
            .transaction(|tx| {
                for (owner, name) in [
                    ("ALICE", "R2"),
                    ("BOB", "R1"),
                    ("BOB", "R2"),
                    ("irrsitec", "S"),
                    ("9LIVES", "R1"),
                ] {
                    crate::rings::add(tx, owner, name)?;
                }
                words(tx, &Owner::User("ALICE".into()))
            })
            .unwrap();
        assert_eq!(w.labels, Vec::<String>::new());
        assert_eq!(w.rings, ["R1", "R2", "S"]);
        assert_eq!(w.users, ["ALICE", "BOB", "IBMUSER"]);
    }
}

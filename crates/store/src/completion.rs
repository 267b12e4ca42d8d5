//! The words the REPL offers to complete a command: certificate labels, mapping labels, ring
//! names and user IDs as the store holds them.

use crate::{StoreResult, Tx};
use racemu_racf::{MapOwner, Owner, UserId};

/// Words for completion, each list sorted and without duplicates.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Words {
    /// The labels of the certificates of one owner.
    pub labels: Vec<String>,
    /// The labels of the certificate name filters (MAP) of one owner: a user, or MULTIID.
    pub map_labels: Vec<String>,
    /// Ring names, over all owners.
    pub rings: Vec<String>,
    /// User IDs: defined ones, and those only referenced (certificate and ring owners,
    /// access-list entries), as RACF's implicit IDs are: those spelled as a [`UserId`]. The
    /// internal owners of CERTAUTH's and SITE's certificates (`irrcerta`, `irrsitec`) are not
    /// user IDs and are left out.
    pub users: Vec<String>,
}

/// The completion words, with the labels of `label_owner`'s certificates and of
/// `map_owner`'s mappings (none when `map_owner` is `None`: CERTAUTH and SITE own none).
pub fn words(tx: &Tx<'_>, label_owner: &Owner, map_owner: Option<&MapOwner>) -> StoreResult<Words> {
    let column = |sql: &str, params: &[&str]| -> StoreResult<Vec<String>> {
        let mut st = tx.prepare_cached(sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let labels = column(
        "SELECT label FROM certificates WHERE owner = ?1 ORDER BY label",
        &[label_owner.internal_id()],
    )?;
    let map_labels = match map_owner {
        Some(o) => column(
            "SELECT label FROM maps WHERE owner = ?1 ORDER BY label",
            &[o.internal_id()],
        )?,
        None => Vec::new(),
    };
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
        map_labels,
        rings,
        users,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn words_hold_labels_map_labels_rings_and_referenced_users_but_not_internal_owners() {
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
                for (owner, label) in [
                    (MapOwner::User("ALICE".into()), "Sales"),
                    (MapOwner::User("ALICE".into()), "Audit"),
                    (MapOwner::User("BOB".into()), "Bobs"),
                    (MapOwner::MultiId, "ByAppl"),
                ] {
                    crate::maps::insert(
                        tx,
                        &crate::maps::MapRow {
                            owner,
                            label: label.into(),
                            subject: racemu_racf::NameFilter::parse(&format!("OU={label}")).ok(),
                            issuer: None,
                            criteria: None,
                            status: racemu_racf::TrustStatus::Trust,
                        },
                    )?;
                }
                let multi = words(tx, &Owner::User("ALICE".into()), Some(&MapOwner::MultiId))?;
                assert_eq!(multi.map_labels, ["ByAppl"]);
                words(
                    tx,
                    &Owner::User("ALICE".into()),
                    Some(&MapOwner::User("ALICE".into())),
                )
            })
            .unwrap();
        assert_eq!(w.labels, Vec::<String>::new());
        assert_eq!(w.map_labels, ["Audit", "Sales"]);
        assert_eq!(w.rings, ["R1", "R2", "S"]);
        assert_eq!(w.users, ["ALICE", "BOB", "IBMUSER"]);
    }
}

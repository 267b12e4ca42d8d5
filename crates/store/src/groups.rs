//! RACF group profiles and connections.

use crate::{StoreResult, Tx};
use rusqlite::{params, OptionalExtension};

/// A group profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Group name (upper case).
    pub name: String,
    /// OWNER.
    pub owner: String,
    /// SUPGROUP; `None` only for SYS1.
    pub supgroup: Option<String>,
    /// DATA('installation data').
    pub data: Option<String>,
    /// Creation date (yyyy-mm-dd) or `initial`.
    pub created: String,
}

/// Whether the group exists.
pub fn exists(tx: &Tx<'_>, name: &str) -> StoreResult<bool> {
    Ok(tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM groups WHERE name = ?1)")?
        .query_row([name], |r| r.get(0))?)
}

/// The group, if defined.
pub fn get(tx: &Tx<'_>, name: &str) -> StoreResult<Option<Group>> {
    Ok(tx
        .prepare_cached("SELECT name, owner, supgroup, data, created FROM groups WHERE name = ?1")?
        .query_row([name], |r| {
            Ok(Group {
                name: r.get(0)?,
                owner: r.get(1)?,
                supgroup: r.get(2)?,
                data: r.get(3)?,
                created: r.get(4)?,
            })
        })
        .optional()?)
}

/// Defines a group.
pub fn add(tx: &Tx<'_>, g: &Group) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO groups (name, owner, supgroup, data, created) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![g.name, g.owner, g.supgroup, g.data, g.created])?;
    Ok(())
}

/// Every group name, in order.
pub fn names(tx: &Tx<'_>) -> StoreResult<Vec<String>> {
    let mut st = tx.prepare_cached("SELECT name FROM groups ORDER BY name")?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The groups whose superior group is `name`, in order.
pub fn subgroups(tx: &Tx<'_>, name: &str) -> StoreResult<Vec<String>> {
    let mut st = tx.prepare_cached("SELECT name FROM groups WHERE supgroup = ?1 ORDER BY name")?;
    let rows = st.query_map([name], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The users connected to the group with their group-level attributes (blank-separated,
/// empty for none), in the order they were connected.
pub fn members(tx: &Tx<'_>, name: &str) -> StoreResult<Vec<(String, String)>> {
    let mut st = tx.prepare_cached(
        "SELECT userid, attributes FROM group_members WHERE grp = ?1 ORDER BY rowid",
    )?;
    let rows = st.query_map([name], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sets a connection's group-level attributes (blank-separated).
pub fn set_connect_attributes(
    tx: &Tx<'_>,
    grp: &str,
    userid: &str,
    attributes: &str,
) -> StoreResult<()> {
    tx.prepare_cached("UPDATE group_members SET attributes = ?3 WHERE grp = ?1 AND userid = ?2")?
        .execute(params![grp, userid, attributes])?;
    Ok(())
}

/// Connects a user to a group (idempotent).
pub fn connect(tx: &Tx<'_>, grp: &str, userid: &str) -> StoreResult<()> {
    tx.prepare_cached("INSERT OR IGNORE INTO group_members (grp, userid) VALUES (?1, ?2)")?
        .execute(params![grp, userid])?;
    Ok(())
}

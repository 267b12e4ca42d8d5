//! General resource profiles, access lists, class options and RACLIST snapshots.

use crate::meta;
use crate::rows::columns::Col;
use crate::{StoreResult, Tx};
use racemu_racf::Access;
use rusqlite::{params, OptionalExtension};

/// A general resource profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Class (upper case).
    pub class: String,
    /// Profile name (upper case).
    pub name: String,
    /// Generic (contains `*`, `**` or `%`).
    pub generic: bool,
    /// OWNER.
    pub owner: String,
    /// UACC.
    pub uacc: Access,
    /// Installation data.
    pub data: Option<String>,
    /// Application data.
    pub appldata: Option<String>,
    /// WARNING mode.
    pub warning: bool,
    /// Other segments as typed.
    pub other: String,
    /// Creation date.
    pub created: String,
}

/// One access-list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    /// User or group.
    pub id: String,
    /// The access level.
    pub access: Access,
    /// Access count.
    pub count: i64,
}

fn map(r: &rusqlite::Row<'_>) -> rusqlite::Result<Profile> {
    Ok(Profile {
        class: r.get(0)?,
        name: r.get(1)?,
        generic: r.get(2)?,
        owner: r.get(3)?,
        uacc: r.get::<_, Col<Access>>(4)?.0,
        data: r.get(5)?,
        appldata: r.get(6)?,
        warning: r.get(7)?,
        other: r.get(8)?,
        created: r.get(9)?,
    })
}

/// The profile `class name` (exact name).
pub fn get(tx: &Tx<'_>, class: &str, name: &str) -> StoreResult<Option<Profile>> {
    Ok(tx.prepare_cached(
        "SELECT class, name, generic, owner, uacc, data, appldata, warning, other, created FROM profiles WHERE class = ?1 AND name = ?2",
    )?.query_row(
        params![class, name],
        map,
    )
    .optional()?)
}

/// Every profile of a class, in name order.
pub fn in_class(tx: &Tx<'_>, class: &str) -> StoreResult<Vec<Profile>> {
    let mut st = tx.prepare_cached(
        "SELECT class, name, generic, owner, uacc, data, appldata, warning, other, created FROM profiles WHERE class = ?1 ORDER BY name",
    )?;
    let rows = st.query_map([class], map)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Inserts or replaces a profile (access list untouched).
pub fn put(tx: &Tx<'_>, p: &Profile) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO profiles (class, name, generic, owner, uacc, data, appldata, warning, other, created)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (class, name) DO UPDATE SET owner = excluded.owner, uacc = excluded.uacc,
           data = excluded.data, appldata = excluded.appldata, warning = excluded.warning, other = excluded.other",
    )?.execute(
        params![p.class, p.name, p.generic, p.owner, Col(p.uacc), p.data, p.appldata, p.warning, p.other, p.created],
    )?;
    Ok(())
}

/// Deletes a profile and its access list.
pub fn delete(tx: &Tx<'_>, class: &str, name: &str) -> StoreResult<bool> {
    Ok(tx
        .prepare_cached("DELETE FROM profiles WHERE class = ?1 AND name = ?2")?
        .execute(params![class, name])?
        > 0)
}

/// The access list, in the order entries were added.
pub fn access_list(tx: &Tx<'_>, class: &str, name: &str) -> StoreResult<Vec<AccessEntry>> {
    let mut st = tx.prepare_cached(
        "SELECT id, access, count FROM access_list WHERE class = ?1 AND name = ?2 ORDER BY seq",
    )?;
    let rows = st.query_map(params![class, name], |r| {
        Ok(AccessEntry {
            id: r.get(0)?,
            access: r.get::<_, Col<Access>>(1)?.0,
            count: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds or changes an access-list entry.
pub fn permit(tx: &Tx<'_>, class: &str, name: &str, id: &str, access: Access) -> StoreResult<()> {
    let seq = meta::next_seq(tx)?;
    tx.prepare_cached(
        "INSERT INTO access_list (class, name, id, access, count, seq) VALUES (?1, ?2, ?3, ?4, 0, ?5)
         ON CONFLICT (class, name, id) DO UPDATE SET access = excluded.access",
    )?.execute(
        params![class, name, id, Col(access), seq],
    )?;
    Ok(())
}

/// Removes an access-list entry; returns whether it existed.
pub fn unpermit(tx: &Tx<'_>, class: &str, name: &str, id: &str) -> StoreResult<bool> {
    Ok(tx
        .prepare_cached("DELETE FROM access_list WHERE class = ?1 AND name = ?2 AND id = ?3")?
        .execute(params![class, name, id])?
        > 0)
}

/// Clears an access list.
pub fn reset(tx: &Tx<'_>, class: &str, name: &str) -> StoreResult<()> {
    tx.prepare_cached("DELETE FROM access_list WHERE class = ?1 AND name = ?2")?
        .execute(params![class, name])?;
    Ok(())
}

/// Class options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClassOptions {
    /// CLASSACT.
    pub active: bool,
    /// RACLIST.
    pub raclisted: bool,
    /// GENERIC.
    pub generic: bool,
    /// GENCMD.
    pub gencmd: bool,
}

/// The options of a class (all off when never set).
pub fn class_options(tx: &Tx<'_>, class: &str) -> StoreResult<ClassOptions> {
    Ok(tx
        .query_row(
            "SELECT active, raclisted, generic, gencmd FROM class_options WHERE class = ?1",
            [class],
            |r| {
                Ok(ClassOptions {
                    active: r.get(0)?,
                    raclisted: r.get(1)?,
                    generic: r.get(2)?,
                    gencmd: r.get(3)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

/// Writes the options of a class.
pub fn set_class_options(tx: &Tx<'_>, class: &str, o: ClassOptions) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO class_options (class, active, raclisted, generic, gencmd) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (class) DO UPDATE SET active = excluded.active, raclisted = excluded.raclisted,
           generic = excluded.generic, gencmd = excluded.gencmd",
    )?.execute(
        params![class, o.active, o.raclisted, o.generic, o.gencmd],
    )?;
    Ok(())
}

/// Every class with options set, in name order.
pub fn all_class_options(tx: &Tx<'_>) -> StoreResult<Vec<(String, ClassOptions)>> {
    let mut st = tx.prepare_cached(
        "SELECT class, active, raclisted, generic, gencmd FROM class_options ORDER BY class",
    )?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get(0)?,
            ClassOptions {
                active: r.get(1)?,
                raclisted: r.get(2)?,
                generic: r.get(3)?,
                gencmd: r.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Copies the class's profiles and access lists into its RACLIST snapshot
/// (SETROPTS RACLIST(class) and RACLIST(class) REFRESH).
///
/// For DIGTRING and DIGTCERT the snapshot also records what the rings and certificates held
/// ([`crate::ring_images`]), so applications can be told when a ring changed after it; for
/// DIGTNMAP it records the certificate name filters ([`crate::maps`]), which the
/// certificate-to-user lookup reads while the class is RACLISTed.
pub fn snapshot(tx: &Tx<'_>, class: &str) -> StoreResult<()> {
    drop_snapshot(tx, class)?;
    crate::ring_images::record(tx, class)?;
    if class == "DIGTNMAP" {
        crate::maps::record(tx)?;
    }
    tx.prepare_cached(
        "INSERT INTO raclist_profiles (class, name, generic, owner, uacc, warning, appldata)
         SELECT class, name, generic, owner, uacc, warning, appldata FROM profiles WHERE class = ?1",
    )?
    .execute([class])?;
    tx.prepare_cached(
        "INSERT INTO raclist_access (class, name, id, access) SELECT class, name, id, access FROM access_list WHERE class = ?1",
    )?.execute(
        [class],
    )?;
    Ok(())
}

/// Drops the RACLIST snapshot of a class (NORACLIST).
pub fn drop_snapshot(tx: &Tx<'_>, class: &str) -> StoreResult<()> {
    crate::ring_images::forget(tx, class)?;
    if class == "DIGTNMAP" {
        crate::maps::forget(tx)?;
    }
    tx.prepare_cached("DELETE FROM raclist_profiles WHERE class = ?1")?
        .execute([class])?;
    tx.prepare_cached("DELETE FROM raclist_access WHERE class = ?1")?
        .execute([class])?;
    Ok(())
}

/// Profiles (name, generic, uacc, warning) of a class from the live database or the snapshot.
pub fn candidates(
    tx: &Tx<'_>,
    class: &str,
    from_snapshot: bool,
) -> StoreResult<Vec<(String, bool, Access, bool)>> {
    let sql = if from_snapshot {
        "SELECT name, generic, uacc, warning FROM raclist_profiles WHERE class = ?1"
    } else {
        "SELECT name, generic, uacc, warning FROM profiles WHERE class = ?1"
    };
    let mut st = tx.prepare_cached(sql)?;
    let rows = st.query_map([class], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get::<_, Col<Access>>(2)?.0,
            r.get(3)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A profile's access list as (ID, access) pairs, live or from the RACLIST snapshot.
pub fn entries(
    tx: &Tx<'_>,
    class: &str,
    name: &str,
    from_snapshot: bool,
) -> StoreResult<Vec<(String, Access)>> {
    let sql = if from_snapshot {
        "SELECT id, access FROM raclist_access WHERE class = ?1 AND name = ?2"
    } else {
        "SELECT id, access FROM access_list WHERE class = ?1 AND name = ?2"
    };
    let mut st = tx.prepare_cached(sql)?;
    let rows = st.query_map(params![class, name], |r| {
        Ok((r.get(0)?, r.get::<_, Col<Access>>(1)?.0))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Remembers a SETROPTS option that has no further effect in racemu.
pub fn set_option(tx: &Tx<'_>, option: &str, value: &str) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO setropts_options (option, value) VALUES (?1, ?2) ON CONFLICT (option) DO UPDATE SET value = excluded.value",
    )?.execute(
        params![option, value],
    )?;
    Ok(())
}

//! Typed rows and the queries on them, grouped by RACF concept.
//!
//! Every function takes the open transaction of the command that calls it.

use rusqlite::{params, OptionalExtension, Transaction};

/// Store-wide settings and counters.
pub mod meta {
    use super::*;

    /// Reads a setting.
    pub fn get(tx: &Transaction<'_>, key: &str) -> rusqlite::Result<Option<String>> {
        tx.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
    }

    /// Writes a setting.
    pub fn set(tx: &Transaction<'_>, key: &str, value: &str) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// The next value of the store's creation sequence (orders rings, connections, certificates).
    pub fn next_seq(tx: &Transaction<'_>) -> rusqlite::Result<i64> {
        let n: i64 = tx.query_row(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq' RETURNING CAST(value AS INTEGER)",
            [],
            |r| r.get(0),
        )?;
        Ok(n)
    }
}

/// RACF users.
pub mod users {
    use super::*;

    /// A user profile.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct User {
        /// User ID (upper case).
        pub userid: String,
        /// NAME.
        pub name: Option<String>,
        /// OWNER.
        pub owner: String,
        /// DFLTGRP.
        pub dfltgrp: String,
        /// SPECIAL attribute.
        pub special: bool,
        /// OPERATIONS attribute.
        pub operations: bool,
        /// AUDITOR attribute.
        pub auditor: bool,
        /// Creation date (yyyy-mm-dd) or `initial`.
        pub created: String,
    }

    fn map(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
        Ok(User {
            userid: r.get(0)?,
            name: r.get(1)?,
            owner: r.get(2)?,
            dfltgrp: r.get(3)?,
            special: r.get(4)?,
            operations: r.get(5)?,
            auditor: r.get(6)?,
            created: r.get(7)?,
        })
    }

    /// The user, if defined.
    pub fn get(tx: &Transaction<'_>, userid: &str) -> rusqlite::Result<Option<User>> {
        tx.query_row(
            "SELECT userid, name, owner, dfltgrp, special, operations, auditor, created FROM users WHERE userid = ?1",
            [userid],
            map,
        )
        .optional()
    }

    /// Inserts or replaces a user.
    pub fn put(tx: &Transaction<'_>, u: &User) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT INTO users (userid, name, owner, dfltgrp, special, operations, auditor, created)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (userid) DO UPDATE SET name = excluded.name, owner = excluded.owner,
               dfltgrp = excluded.dfltgrp, special = excluded.special,
               operations = excluded.operations, auditor = excluded.auditor",
            params![u.userid, u.name, u.owner, u.dfltgrp, u.special, u.operations, u.auditor, u.created],
        )?;
        Ok(())
    }

    /// Deletes a user; returns whether it existed.
    pub fn delete(tx: &Transaction<'_>, userid: &str) -> rusqlite::Result<bool> {
        tx.execute("DELETE FROM group_members WHERE userid = ?1", [userid])?;
        Ok(tx.execute("DELETE FROM users WHERE userid = ?1", [userid])? > 0)
    }

    /// Groups the user is connected to, in name order.
    pub fn groups(tx: &Transaction<'_>, userid: &str) -> rusqlite::Result<Vec<String>> {
        let mut st =
            tx.prepare_cached("SELECT grp FROM group_members WHERE userid = ?1 ORDER BY grp")?;
        let rows = st.query_map([userid], |r| r.get(0))?;
        rows.collect()
    }

    /// All user IDs (for completion), in order.
    pub fn ids(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<String>> {
        let mut st = conn.prepare_cached("SELECT userid FROM users ORDER BY userid")?;
        let rows = st.query_map([], |r| r.get(0))?;
        rows.collect()
    }
}

/// RACF groups.
pub mod groups {
    use super::*;

    /// Whether the group exists.
    pub fn exists(tx: &Transaction<'_>, name: &str) -> rusqlite::Result<bool> {
        tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM groups WHERE name = ?1)",
            [name],
            |r| r.get(0),
        )
    }

    /// Defines a group.
    pub fn add(
        tx: &Transaction<'_>,
        name: &str,
        owner: &str,
        supgroup: Option<&str>,
        created: &str,
    ) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT INTO groups (name, owner, supgroup, created) VALUES (?1, ?2, ?3, ?4)",
            params![name, owner, supgroup, created],
        )?;
        Ok(())
    }

    /// Connects a user to a group (idempotent).
    pub fn connect(tx: &Transaction<'_>, grp: &str, userid: &str) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT OR IGNORE INTO group_members (grp, userid) VALUES (?1, ?2)",
            params![grp, userid],
        )?;
        Ok(())
    }
}

/// Digital certificates (the DIGTCERT profiles).
pub mod certs;

/// Key rings (the DIGTRING profiles) and their connections.
pub mod rings;

/// General resource profiles, access lists, class options and RACLIST snapshots.
pub mod profiles {
    use super::*;

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
        /// UACC keyword.
        pub uacc: String,
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
        /// Access keyword.
        pub access: String,
        /// Access count.
        pub count: i64,
    }

    fn map(r: &rusqlite::Row<'_>) -> rusqlite::Result<Profile> {
        Ok(Profile {
            class: r.get(0)?,
            name: r.get(1)?,
            generic: r.get(2)?,
            owner: r.get(3)?,
            uacc: r.get(4)?,
            data: r.get(5)?,
            appldata: r.get(6)?,
            warning: r.get(7)?,
            other: r.get(8)?,
            created: r.get(9)?,
        })
    }

    /// The profile `class name` (exact name).
    pub fn get(tx: &Transaction<'_>, class: &str, name: &str) -> rusqlite::Result<Option<Profile>> {
        tx.query_row(
            "SELECT class, name, generic, owner, uacc, data, appldata, warning, other, created FROM profiles WHERE class = ?1 AND name = ?2",
            params![class, name],
            map,
        )
        .optional()
    }

    /// Every profile of a class, in name order.
    pub fn in_class(tx: &Transaction<'_>, class: &str) -> rusqlite::Result<Vec<Profile>> {
        let mut st = tx.prepare_cached(
            "SELECT class, name, generic, owner, uacc, data, appldata, warning, other, created FROM profiles WHERE class = ?1 ORDER BY name",
        )?;
        let rows = st.query_map([class], map)?;
        rows.collect()
    }

    /// Inserts or replaces a profile (access list untouched).
    pub fn put(tx: &Transaction<'_>, p: &Profile) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT INTO profiles (class, name, generic, owner, uacc, data, appldata, warning, other, created)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (class, name) DO UPDATE SET owner = excluded.owner, uacc = excluded.uacc,
               data = excluded.data, appldata = excluded.appldata, warning = excluded.warning, other = excluded.other",
            params![p.class, p.name, p.generic, p.owner, p.uacc, p.data, p.appldata, p.warning, p.other, p.created],
        )?;
        Ok(())
    }

    /// Deletes a profile and its access list.
    pub fn delete(tx: &Transaction<'_>, class: &str, name: &str) -> rusqlite::Result<bool> {
        Ok(tx.execute(
            "DELETE FROM profiles WHERE class = ?1 AND name = ?2",
            params![class, name],
        )? > 0)
    }

    /// The access list, in the order entries were added.
    pub fn access_list(
        tx: &Transaction<'_>,
        class: &str,
        name: &str,
    ) -> rusqlite::Result<Vec<AccessEntry>> {
        let mut st = tx.prepare_cached(
            "SELECT id, access, count FROM access_list WHERE class = ?1 AND name = ?2 ORDER BY seq",
        )?;
        let rows = st.query_map(params![class, name], |r| {
            Ok(AccessEntry {
                id: r.get(0)?,
                access: r.get(1)?,
                count: r.get(2)?,
            })
        })?;
        rows.collect()
    }

    /// Adds or changes an access-list entry.
    pub fn permit(
        tx: &Transaction<'_>,
        class: &str,
        name: &str,
        id: &str,
        access: &str,
    ) -> rusqlite::Result<()> {
        let seq = meta::next_seq(tx)?;
        tx.execute(
            "INSERT INTO access_list (class, name, id, access, count, seq) VALUES (?1, ?2, ?3, ?4, 0, ?5)
             ON CONFLICT (class, name, id) DO UPDATE SET access = excluded.access",
            params![class, name, id, access, seq],
        )?;
        Ok(())
    }

    /// Removes an access-list entry; returns whether it existed.
    pub fn unpermit(
        tx: &Transaction<'_>,
        class: &str,
        name: &str,
        id: &str,
    ) -> rusqlite::Result<bool> {
        Ok(tx.execute(
            "DELETE FROM access_list WHERE class = ?1 AND name = ?2 AND id = ?3",
            params![class, name, id],
        )? > 0)
    }

    /// Clears an access list.
    pub fn reset(tx: &Transaction<'_>, class: &str, name: &str) -> rusqlite::Result<()> {
        tx.execute(
            "DELETE FROM access_list WHERE class = ?1 AND name = ?2",
            params![class, name],
        )?;
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
    pub fn class_options(tx: &Transaction<'_>, class: &str) -> rusqlite::Result<ClassOptions> {
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
    pub fn set_class_options(
        tx: &Transaction<'_>,
        class: &str,
        o: ClassOptions,
    ) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT INTO class_options (class, active, raclisted, generic, gencmd) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (class) DO UPDATE SET active = excluded.active, raclisted = excluded.raclisted,
               generic = excluded.generic, gencmd = excluded.gencmd",
            params![class, o.active, o.raclisted, o.generic, o.gencmd],
        )?;
        Ok(())
    }

    /// Every class with options set, in name order.
    pub fn all_class_options(
        tx: &Transaction<'_>,
    ) -> rusqlite::Result<Vec<(String, ClassOptions)>> {
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
        rows.collect()
    }

    /// Copies the class's profiles and access lists into its RACLIST snapshot
    /// (SETROPTS RACLIST(class) and RACLIST(class) REFRESH).
    ///
    /// For DIGTRING and DIGTCERT the snapshot also records what the rings and certificates held
    /// ([`crate::ring_images`]), so applications can be told when a ring changed after it.
    pub fn snapshot(tx: &Transaction<'_>, class: &str) -> rusqlite::Result<()> {
        drop_snapshot(tx, class)?;
        crate::ring_images::record(tx, class)?;
        tx.execute(
            "INSERT INTO raclist_profiles (class, name, generic, owner, uacc, warning)
             SELECT class, name, generic, owner, uacc, warning FROM profiles WHERE class = ?1",
            [class],
        )?;
        tx.execute(
            "INSERT INTO raclist_access (class, name, id, access) SELECT class, name, id, access FROM access_list WHERE class = ?1",
            [class],
        )?;
        Ok(())
    }

    /// Drops the RACLIST snapshot of a class (NORACLIST).
    pub fn drop_snapshot(tx: &Transaction<'_>, class: &str) -> rusqlite::Result<()> {
        crate::ring_images::forget(tx, class)?;
        tx.execute("DELETE FROM raclist_profiles WHERE class = ?1", [class])?;
        tx.execute("DELETE FROM raclist_access WHERE class = ?1", [class])?;
        Ok(())
    }

    /// Profiles (name, generic, uacc, warning) of a class from the live database or the snapshot.
    pub fn candidates(
        tx: &Transaction<'_>,
        class: &str,
        from_snapshot: bool,
    ) -> rusqlite::Result<Vec<(String, bool, String, bool)>> {
        let sql = if from_snapshot {
            "SELECT name, generic, uacc, warning FROM raclist_profiles WHERE class = ?1"
        } else {
            "SELECT name, generic, uacc, warning FROM profiles WHERE class = ?1"
        };
        let mut st = tx.prepare_cached(sql)?;
        let rows = st.query_map([class], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        rows.collect()
    }

    /// The access an ID has in a profile's list (live or snapshot).
    pub fn access_of(
        tx: &Transaction<'_>,
        class: &str,
        name: &str,
        ids: &[String],
        from_snapshot: bool,
    ) -> rusqlite::Result<Vec<String>> {
        let sql = if from_snapshot {
            "SELECT id, access FROM raclist_access WHERE class = ?1 AND name = ?2"
        } else {
            "SELECT id, access FROM access_list WHERE class = ?1 AND name = ?2"
        };
        let mut st = tx.prepare_cached(sql)?;
        let rows = st.query_map(params![class, name], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, access) = row?;
            if ids.contains(&id) || id == "*" {
                out.push(access);
            }
        }
        Ok(out)
    }

    /// Remembers a SETROPTS option that has no further effect in racemu.
    pub fn set_option(tx: &Transaction<'_>, option: &str, value: &str) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT INTO setropts_options (option, value) VALUES (?1, ?2) ON CONFLICT (option) DO UPDATE SET value = excluded.value",
            params![option, value],
        )?;
        Ok(())
    }
}

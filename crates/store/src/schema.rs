//! Schema and migrations.

use crate::{StoreResult, Tx};

/// The schema version this racemu writes.
pub const SCHEMA_VERSION: i64 = 6;

/// Migrations after V1, in order: (version reached, SQL). Each only adds, so an older store
/// keeps every row and gains the new columns with RACF's defaults.
const MIGRATIONS: &[(i64, &str)] = &[(2, V2), (3, V3), (4, ""), (5, V5), (6, V6)];

// V4: data set organisation (DSORG) and PDS members, added by `datasets::migrate` (in code,
// since a column can only be added once and SQLite has no ADD COLUMN IF NOT EXISTS).

/// V6: certificate name filters (the DIGTNMAP profiles of RACDCERT MAP) and their RACLIST
/// image, and APPLDATA in RACLIST snapshots (the DIGTCRIT profiles' user IDs).
const V6: &str = r#"
CREATE TABLE maps (
    owner    TEXT NOT NULL,
    label    TEXT NOT NULL,
    subject  TEXT NOT NULL DEFAULT '',
    issuer   TEXT NOT NULL DEFAULT '',
    criteria TEXT,
    status   TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (owner, label),
    UNIQUE (subject, issuer)
);
CREATE TABLE raclist_maps (
    owner    TEXT NOT NULL,
    label    TEXT NOT NULL,
    subject  TEXT NOT NULL DEFAULT '',
    issuer   TEXT NOT NULL DEFAULT '',
    criteria TEXT,
    status   TEXT NOT NULL,
    PRIMARY KEY (subject, issuer)
);
ALTER TABLE raclist_profiles ADD COLUMN appldata TEXT;
"#;

/// V5: jobs submitted through z/OSMF's restjobs interface and their spool files (JES2's
/// job queue and spool, kept so a server restart keeps them).
const V5: &str = r#"
CREATE TABLE jobs (
    number    INTEGER PRIMARY KEY AUTOINCREMENT,
    jobid     TEXT NOT NULL UNIQUE,
    jobname   TEXT NOT NULL,
    owner     TEXT NOT NULL,
    submitter TEXT NOT NULL,
    class     TEXT NOT NULL,
    status    TEXT NOT NULL,
    retcode   TEXT,
    jcl       TEXT NOT NULL,
    submitted TEXT NOT NULL
);
CREATE INDEX jobs_by_owner ON jobs (owner, jobname);
CREATE TABLE spool (
    jobid    TEXT NOT NULL REFERENCES jobs (jobid) ON DELETE CASCADE,
    id       INTEGER NOT NULL,
    ddname   TEXT NOT NULL,
    stepname TEXT NOT NULL,
    procstep TEXT,
    records  TEXT NOT NULL,
    PRIMARY KEY (jobid, id)
);
"#;

/// V2: the RESTRICTED user attribute, group installation data, and group-level connect
/// attributes (SPECIAL, OPERATIONS, AUDITOR as a blank-separated list).
const V2: &str = r#"
ALTER TABLE users ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE groups ADD COLUMN data TEXT;
ALTER TABLE group_members ADD COLUMN attributes TEXT NOT NULL DEFAULT '';
"#;

/// V3: passwords and password phrases (Argon2id hashes, never text), the dates they were
/// set, EXPIRED, REVOKE (now or from a date), RESUME (from a date) and the count of failed logons since the last good one.
const V3: &str = r#"
ALTER TABLE users ADD COLUMN password_hash TEXT;
ALTER TABLE users ADD COLUMN passdate TEXT;
ALTER TABLE users ADD COLUMN phrase_hash TEXT;
ALTER TABLE users ADD COLUMN phrasedate TEXT;
ALTER TABLE users ADD COLUMN expired INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN revoked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN revoke_date TEXT;
ALTER TABLE users ADD COLUMN resume_date TEXT;
ALTER TABLE users ADD COLUMN failed_logons INTEGER NOT NULL DEFAULT 0;
"#;

const V1: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE users (
    userid     TEXT PRIMARY KEY,
    name       TEXT,
    owner      TEXT NOT NULL,
    dfltgrp    TEXT NOT NULL,
    special    INTEGER NOT NULL DEFAULT 0,
    operations INTEGER NOT NULL DEFAULT 0,
    auditor    INTEGER NOT NULL DEFAULT 0,
    created    TEXT NOT NULL
);
CREATE TABLE groups (
    name     TEXT PRIMARY KEY,
    owner    TEXT NOT NULL,
    supgroup TEXT,
    created  TEXT NOT NULL
);
CREATE TABLE group_members (
    grp    TEXT NOT NULL,
    userid TEXT NOT NULL,
    PRIMARY KEY (grp, userid)
);
CREATE TABLE certificates (
    id           INTEGER PRIMARY KEY,
    owner        TEXT NOT NULL,
    label        TEXT NOT NULL,
    der          BLOB NOT NULL,
    private_key  BLOB,
    status       TEXT NOT NULL,
    serial_hex   TEXT NOT NULL,
    issuer_dn    TEXT NOT NULL,
    subject_dn   TEXT NOT NULL,
    profile_name TEXT NOT NULL UNIQUE,
    last_serial  INTEGER NOT NULL DEFAULT 0,
    created_by   TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    UNIQUE (owner, label)
);
CREATE INDEX certificates_subject ON certificates (subject_dn);
CREATE INDEX certificates_serial ON certificates (serial_hex);
CREATE TABLE rings (
    id    INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    name  TEXT NOT NULL,
    seq   INTEGER NOT NULL,
    UNIQUE (owner, name)
);
CREATE TABLE connections (
    ring_id    INTEGER NOT NULL REFERENCES rings (id) ON DELETE CASCADE,
    cert_id    INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
    usage      TEXT NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (ring_id, cert_id)
);
CREATE INDEX connections_cert ON connections (cert_id);
CREATE TABLE profiles (
    class    TEXT NOT NULL,
    name     TEXT NOT NULL,
    generic  INTEGER NOT NULL,
    owner    TEXT NOT NULL,
    uacc     TEXT NOT NULL,
    data     TEXT,
    appldata TEXT,
    warning  INTEGER NOT NULL DEFAULT 0,
    other    TEXT NOT NULL DEFAULT '',
    created  TEXT NOT NULL,
    PRIMARY KEY (class, name)
);
CREATE TABLE access_list (
    class  TEXT NOT NULL,
    name   TEXT NOT NULL,
    id     TEXT NOT NULL,
    access TEXT NOT NULL,
    count  INTEGER NOT NULL DEFAULT 0,
    seq    INTEGER NOT NULL,
    PRIMARY KEY (class, name, id),
    FOREIGN KEY (class, name) REFERENCES profiles (class, name) ON DELETE CASCADE
);
CREATE TABLE class_options (
    class     TEXT PRIMARY KEY,
    active    INTEGER NOT NULL DEFAULT 0,
    raclisted INTEGER NOT NULL DEFAULT 0,
    generic   INTEGER NOT NULL DEFAULT 0,
    gencmd    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE raclist_profiles (
    class    TEXT NOT NULL,
    name     TEXT NOT NULL,
    generic  INTEGER NOT NULL,
    owner    TEXT NOT NULL,
    uacc     TEXT NOT NULL,
    warning  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (class, name)
);
CREATE TABLE raclist_access (
    class  TEXT NOT NULL,
    name   TEXT NOT NULL,
    id     TEXT NOT NULL,
    access TEXT NOT NULL,
    PRIMARY KEY (class, name, id)
);
CREATE TABLE setropts_options (
    option TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
CREATE TABLE datasets (
    dsn     TEXT PRIMARY KEY,
    recfm   TEXT NOT NULL,
    lrecl   INTEGER NOT NULL,
    data    BLOB NOT NULL,
    created TEXT NOT NULL
);
"#;

/// Brings the schema up to [`SCHEMA_VERSION`], seeding a new store, and returns the store's
/// version. A version above [`SCHEMA_VERSION`] (a newer racemu wrote the file) is returned
/// untouched for the caller to refuse.
pub fn migrate(tx: &Tx<'_>) -> StoreResult<i64> {
    let has_meta: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta')",
        [],
        |r| r.get(0),
    )?;
    if !has_meta {
        create_v1(tx)?;
    }
    let mut version: i64 = tx.query_row(
        "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'",
        [],
        |r| r.get(0),
    )?;
    if version > SCHEMA_VERSION {
        return Ok(version);
    }
    for (to, sql) in MIGRATIONS {
        if *to > version {
            tx.execute_batch(sql)?;
            tx.execute(
                "UPDATE meta SET value = ?1 WHERE key = 'schema_version'",
                [to.to_string()],
            )?;
            version = *to;
            if *to == 3 {
                initial_ibmuser_password(tx)?;
            }
            if *to == 4 {
                crate::datasets::migrate(tx)?;
            }
        }
    }
    if !has_meta {
        seed(tx)?;
    }
    Ok(version)
}

/// The V1 tables, as racemu 0.1 created them.
fn create_v1(tx: &Tx<'_>) -> StoreResult<()> {
    tx.execute_batch(V1)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('schema_version', '1'), ('seq', '0'), ('undefined_ids', 'implicit')",
        [],
    )?;
    Ok(())
}

/// RACF's initial IBMUSER password: SYS1, expired. Given to an IBMUSER that has neither a
/// password nor a phrase (a store from before V3).
fn initial_ibmuser_password(tx: &Tx<'_>) -> StoreResult<()> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM users WHERE userid = 'IBMUSER'
           AND password_hash IS NULL AND phrase_hash IS NULL)",
        [],
        |r| r.get(0),
    )?;
    if exists {
        tx.execute(
            "UPDATE users SET password_hash = ?1, expired = 1 WHERE userid = 'IBMUSER'",
            [crate::passwords::INITIAL_IBMUSER],
        )?;
    }
    Ok(())
}

/// What a new RACF database holds: IBMUSER (password SYS1, expired), group SYS1, and the
/// classes of a typical system.
fn seed(tx: &Tx<'_>) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO users (userid, name, owner, dfltgrp, special, operations, auditor, created)
         VALUES ('IBMUSER', 'IBMUSER', 'IBMUSER', 'SYS1', 1, 1, 0, 'initial')",
        [],
    )?;
    initial_ibmuser_password(tx)?;
    tx.execute(
        "INSERT INTO groups (name, owner, supgroup, created) VALUES ('SYS1', 'IBMUSER', NULL, 'initial')",
        [],
    )?;
    tx.execute(
        "INSERT INTO group_members (grp, userid) VALUES ('SYS1', 'IBMUSER')",
        [],
    )?;
    // A new store looks like a typical installed system: FACILITY, DIGTCERT and DIGTRING
    // active and RACLISTed, FACILITY generic.
    tx.execute_batch(
        "INSERT INTO class_options (class, active, raclisted, generic, gencmd) VALUES
           ('FACILITY', 1, 1, 1, 1), ('DIGTCERT', 1, 1, 0, 0), ('DIGTRING', 1, 1, 0, 0);",
    )?;
    Ok(())
}

/// The V1 tables alone, as racemu 0.1 left a store (migration tests).
#[cfg(test)]
pub(crate) fn create_v1_for_tests(tx: &Tx<'_>) -> StoreResult<()> {
    create_v1(tx)
}

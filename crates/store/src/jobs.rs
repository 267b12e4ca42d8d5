//! Jobs and their spool files, as JES2 keeps them for z/OSMF's restjobs interface.
//!
//! Guarantees:
//! * Job IDs are `JOBnnnnn`, numbered from 1 and never reused within a store.
//! * A job's spool files are numbered from 1 in the order they were written, and go with
//!   the job when it is purged.
//! * Owner and job-name filters are patterns (`*` any characters, `%` one), matched in SQL
//!   with every other character taken literally.

use crate::{StoreResult, Tx};
use rusqlite::{params, OptionalExtension, Row};

/// A job on the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// `JOBnnnnn`.
    pub jobid: String,
    /// The JOB statement's name.
    pub jobname: String,
    /// The user the job runs as (the JOB card's USER=, else the submitter).
    pub owner: String,
    /// The user who submitted it.
    pub submitter: String,
    /// The job class.
    pub class: String,
    /// `INPUT`, `ACTIVE` or `OUTPUT`.
    pub status: String,
    /// `CC nnnn`, `ABEND Sxxx`, `JCL ERROR`, `SEC ERROR`; none before the job ends.
    pub retcode: Option<String>,
    /// When it was submitted (RFC 3339).
    pub submitted: String,
}

/// A spool file's description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpoolFile {
    /// Its number within the job, from 1.
    pub id: i64,
    /// DD name (JESMSGLG, JESJCL, JESYSMSG, SYSTSPRT, …).
    pub ddname: String,
    /// The step that wrote it (`JES2` for the JES files).
    pub stepname: String,
    /// The procedure step, if any.
    pub procstep: Option<String>,
    /// Records (lines).
    pub record_count: i64,
    /// Bytes, counting one newline per record.
    pub byte_count: i64,
}

const JOB_COLUMNS: &str = "jobid, jobname, owner, submitter, class, status, retcode, submitted";

fn job_of(r: &Row<'_>) -> rusqlite::Result<Job> {
    Ok(Job {
        jobid: r.get(0)?,
        jobname: r.get(1)?,
        owner: r.get(2)?,
        submitter: r.get(3)?,
        class: r.get(4)?,
        status: r.get(5)?,
        retcode: r.get(6)?,
        submitted: r.get(7)?,
    })
}

/// Puts a job on the queue with status INPUT; returns it with its new job ID.
pub fn submit(
    tx: &Tx<'_>,
    jobname: &str,
    owner: &str,
    submitter: &str,
    jcl: &str,
    submitted: &str,
) -> StoreResult<Job> {
    tx.prepare_cached(
        "INSERT INTO jobs (jobid, jobname, owner, submitter, class, status, jcl, submitted)
         VALUES ('', ?1, ?2, ?3, 'A', 'INPUT', ?4, ?5)",
    )?
    .execute(params![jobname, owner, submitter, jcl, submitted])?;
    let number = tx.last_insert_rowid();
    let jobid = if number <= 99_999 {
        format!("JOB{number:05}")
    } else {
        format!("J{number:07}")
    };
    tx.prepare_cached("UPDATE jobs SET jobid = ?1 WHERE number = ?2")?
        .execute(params![jobid, number])?;
    Ok(get(tx, &jobid)?.unwrap_or(Job {
        jobid,
        jobname: jobname.into(),
        owner: owner.into(),
        submitter: submitter.into(),
        class: "A".into(),
        status: "INPUT".into(),
        retcode: None,
        submitted: submitted.into(),
    }))
}

/// The job `jobid`.
pub fn get(tx: &Tx<'_>, jobid: &str) -> StoreResult<Option<Job>> {
    Ok(tx
        .prepare_cached(&format!("SELECT {JOB_COLUMNS} FROM jobs WHERE jobid = ?1"))?
        .query_row([jobid], job_of)
        .optional()?)
}

/// The JCL the job was submitted with.
pub fn jcl(tx: &Tx<'_>, jobid: &str) -> StoreResult<Option<String>> {
    Ok(tx
        .prepare_cached("SELECT jcl FROM jobs WHERE jobid = ?1")?
        .query_row([jobid], |r| r.get(0))
        .optional()?)
}

/// A job pattern (`*`, `%`) as SQL LIKE with `\` escapes.
fn like(pattern: &str) -> String {
    let mut out = String::new();
    for c in pattern.chars() {
        match c {
            '*' => out.push('%'),
            '%' => out.push('_'),
            '_' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Jobs whose owner and name match the patterns (and whose ID is `jobid`, when given), in
/// submission order, at most `max`.
pub fn list(
    tx: &Tx<'_>,
    owner: &str,
    prefix: &str,
    jobid: Option<&str>,
    max: usize,
) -> StoreResult<Vec<Job>> {
    let mut st = tx.prepare_cached(&format!(
        "SELECT {JOB_COLUMNS} FROM jobs
         WHERE owner LIKE ?1 ESCAPE '\\' AND jobname LIKE ?2 ESCAPE '\\'
           AND (?3 IS NULL OR jobid = ?3)
         ORDER BY number LIMIT ?4"
    ))?;
    let rows = st.query_map(
        params![
            like(owner),
            like(prefix),
            jobid,
            i64::try_from(max).unwrap_or(i64::MAX)
        ],
        job_of,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sets a job's status (and its return code).
pub fn set_status(
    tx: &Tx<'_>,
    jobid: &str,
    status: &str,
    retcode: Option<&str>,
) -> StoreResult<()> {
    tx.prepare_cached("UPDATE jobs SET status = ?2, retcode = ?3 WHERE jobid = ?1")?
        .execute(params![jobid, status, retcode])?;
    Ok(())
}

/// Adds a spool file (its records joined with newlines) after the job's others; returns its
/// number.
pub fn add_spool(
    tx: &Tx<'_>,
    jobid: &str,
    ddname: &str,
    stepname: &str,
    procstep: Option<&str>,
    records: &[String],
) -> StoreResult<i64> {
    let next: i64 = tx
        .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM spool WHERE jobid = ?1")?
        .query_row([jobid], |r| r.get(0))?;
    let mut text = records.join("\n");
    if !records.is_empty() {
        text.push('\n');
    }
    tx.prepare_cached(
        "INSERT INTO spool (jobid, id, ddname, stepname, procstep, records) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![jobid, next, ddname, stepname, procstep, text])?;
    Ok(next)
}

/// The job's spool files, in order.
pub fn spool_files(tx: &Tx<'_>, jobid: &str) -> StoreResult<Vec<SpoolFile>> {
    let mut st = tx.prepare_cached(
        "SELECT id, ddname, stepname, procstep,
                length(records) - length(replace(records, char(10), '')), length(CAST(records AS BLOB))
         FROM spool WHERE jobid = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([jobid], |r| {
        Ok(SpoolFile {
            id: r.get(0)?,
            ddname: r.get(1)?,
            stepname: r.get(2)?,
            procstep: r.get(3)?,
            record_count: r.get(4)?,
            byte_count: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The records of spool file `id` of the job, newline-terminated.
pub fn spool_records(tx: &Tx<'_>, jobid: &str, id: i64) -> StoreResult<Option<String>> {
    Ok(tx
        .prepare_cached("SELECT records FROM spool WHERE jobid = ?1 AND id = ?2")?
        .query_row(params![jobid, id], |r| r.get(0))
        .optional()?)
}

/// Purges the job and its spool; whether it existed.
pub fn purge(tx: &Tx<'_>, jobid: &str) -> StoreResult<bool> {
    tx.prepare_cached("DELETE FROM spool WHERE jobid = ?1")?
        .execute([jobid])?;
    Ok(tx
        .prepare_cached("DELETE FROM jobs WHERE jobid = ?1")?
        .execute([jobid])?
        > 0)
}

/// Jobs that have not reached OUTPUT (a server stopped under them), in submission order.
pub fn unfinished(tx: &Tx<'_>) -> StoreResult<Vec<Job>> {
    let mut st = tx.prepare_cached(&format!(
        "SELECT {JOB_COLUMNS} FROM jobs WHERE status <> 'OUTPUT' ORDER BY number"
    ))?;
    let rows = st.query_map([], job_of)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn jobs_are_numbered_listed_by_pattern_and_purged_with_their_spool() {
        let mut s = Store::open_in_memory().expect("store");
        s.transaction(|tx| {
            let a = submit(tx, "ZWEKRING", "IBMUSER", "IBMUSER", "//J JOB", "t")?;
            let b = submit(tx, "MYJOB_1", "USER1", "USER1", "//J JOB", "t")?;
            assert_eq!(
                (a.jobid.as_str(), b.jobid.as_str()),
                ("JOB00001", "JOB00002")
            );
            assert_eq!(a.status, "INPUT");
            add_spool(
                tx,
                "JOB00001",
                "JESMSGLG",
                "JES2",
                None,
                &["one".into(), "two".into()],
            )?;
            add_spool(tx, "JOB00001", "SYSTSPRT", "STEP1", None, &[])?;
            let files = spool_files(tx, "JOB00001")?;
            assert_eq!(files.len(), 2);
            assert_eq!(
                (files[0].id, files[0].record_count, files[0].byte_count),
                (1, 2, 8)
            );
            assert_eq!(
                spool_records(tx, "JOB00001", 1)?.as_deref(),
                Some("one\ntwo\n")
            );
            let names = |v: Vec<Job>| v.into_iter().map(|j| j.jobid).collect::<Vec<_>>();
            assert_eq!(names(list(tx, "*", "ZWE*", None, 10)?), ["JOB00001"]);
            assert_eq!(names(list(tx, "USER1", "*", None, 10)?), ["JOB00002"]);
            // `_` is literal, `%` one character.
            assert_eq!(names(list(tx, "*", "MYJOB_%", None, 10)?), ["JOB00002"]);
            assert!(list(tx, "*", "MYJOBX1", None, 10)?.is_empty());
            assert_eq!(
                names(list(tx, "*", "*", Some("JOB00002"), 10)?),
                ["JOB00002"]
            );
            set_status(tx, "JOB00001", "OUTPUT", Some("CC 0000"))?;
            assert_eq!(names(unfinished(tx)?), ["JOB00002"]);
            assert!(purge(tx, "JOB00001")?);
            assert!(spool_files(tx, "JOB00001")?.is_empty());
            assert!(!purge(tx, "JOB00001")?);
            // Numbers are not reused.
            assert_eq!(submit(tx, "J", "A", "A", "", "t")?.jobid, "JOB00003");
            Ok::<(), crate::StoreError>(())
        })
        .expect("jobs");
    }
}

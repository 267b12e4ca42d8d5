//! The job queue as JES2 keeps it for z/OSMF's restjobs interface, offered as engine
//! operations: submitting a job (with the SURROGAT check), starting and ending it, the jobs
//! and spool a user may see (JESSPOOL), and purging. The RACF decisions are
//! [`crate::authority::jes`]'s; callers never open the store.
//!
//! Guarantees:
//! * Every operation that changes the queue is one write transaction; every one that only
//!   reads runs outside any write transaction ([`racemu_store::Store::read`]): each query is
//!   a read transaction of its own, which, the journal being WAL, neither takes nor waits for
//!   the writer's lock (z/OSMF's many status polls never queue behind a running job).
//! * A job a user may not see is answered as if it were not there (`None`).

use crate::authority::jes::{spool_allowed, surrogate_check};
use crate::messages::Message;
use crate::Engine;
use racemu_racf::Access;
use racemu_store::jobs::{self, Job, SpoolFile};
use racemu_store::{StoreError, StoreResult};

/// A job just put on the queue, and RACF's ICH408I when its JOB card's USER= may not be
/// used by the submitter (the job must then end as `SEC ERROR` without running).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// The job, status INPUT.
    pub job: Job,
    /// ICH408I for a refused surrogate submission.
    pub refused: Option<Message>,
}

/// One spool file a finished job leaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpoolOutput {
    /// DD name (JESMSGLG, JESJCL, SYSTSPRT, ...).
    pub ddname: String,
    /// The step that wrote it (`JES2` for JES2's own files).
    pub stepname: String,
    /// Its records.
    pub records: Vec<String>,
}

/// Which spool file of a job: its number, or the JCL it was submitted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpoolFileId {
    /// The submitted JCL.
    Jcl,
    /// Spool file number `n` (from 1).
    Number(i64),
}

/// The retcode racemu gives a job that was ACTIVE when its server stopped: the operator's
/// cancel, since its commands may have partly run.
pub const CANCELLED_RETCODE: &str = "ABEND S222";

impl Engine {
    /// Puts a job named `jobname` running as `owner` on the queue for `submitter`, with its
    /// SURROGAT check, in one transaction; `submitted` is the RFC 3339 time stamp.
    pub fn submit_job(
        &mut self,
        submitter: &str,
        jobname: &str,
        owner: &str,
        jcl: &str,
    ) -> StoreResult<Submission> {
        let submitted = self
            .clock
            .now()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        self.store.transaction(|tx| {
            let check = surrogate_check(tx, submitter, owner)?;
            let job = jobs::submit(tx, jobname, owner, submitter, jcl, &submitted)?;
            Ok(Submission {
                job,
                refused: check.ich408i.filter(|_| !check.granted),
            })
        })
    }

    /// Marks job `jobid` ACTIVE and gives its JCL (`None` when the job is gone).
    pub fn start_job(&mut self, jobid: &str) -> StoreResult<Option<String>> {
        self.store.transaction(|tx| {
            jobs::set_status(tx, jobid, "ACTIVE", None)?;
            jobs::jcl(tx, jobid)
        })
    }

    /// Ends job `jobid`: its spool files in order, status OUTPUT and `retcode`, in one
    /// transaction.
    pub fn end_job(
        &mut self,
        jobid: &str,
        spool: &[SpoolOutput],
        retcode: &str,
    ) -> StoreResult<()> {
        self.store.transaction(|tx| {
            for f in spool {
                jobs::add_spool(tx, jobid, &f.ddname, &f.stepname, None, &f.records)?;
            }
            jobs::set_status(tx, jobid, "OUTPUT", Some(retcode))
        })
    }

    /// After a restart: ends every job left ACTIVE as [`CANCELLED_RETCODE`] and gives the
    /// INPUT jobs, to be run again.
    pub fn requeue_unfinished_jobs(&mut self) -> StoreResult<Vec<Job>> {
        self.store.transaction(|tx| {
            let mut queued = Vec::new();
            for j in jobs::unfinished(tx)? {
                if j.status == "ACTIVE" {
                    jobs::set_status(tx, &j.jobid, "OUTPUT", Some(CANCELLED_RETCODE))?;
                } else {
                    queued.push(j);
                }
            }
            Ok::<_, StoreError>(queued)
        })
    }

    /// The jobs `user` may see (JESSPOOL READ) among those whose owner and name match the
    /// patterns (`*`, `%`) and whose ID is `jobid` when given, in submission order, at most
    /// `max`.
    pub fn visible_jobs(
        &self,
        user: &str,
        owner: &str,
        prefix: &str,
        jobid: Option<&str>,
        max: usize,
    ) -> StoreResult<Vec<Job>> {
        self.store.read(|tx| {
            let mut seen = Vec::new();
            for j in jobs::list(tx, owner, prefix, jobid, usize::MAX)? {
                if seen.len() >= max {
                    break;
                }
                if spool_allowed(tx, user, &j, Access::Read)? {
                    seen.push(j);
                }
            }
            Ok(seen)
        })
    }

    /// Job `jobid` named `jobname`, when `user` may act on it with `needed` (READ to see,
    /// ALTER to purge).
    pub fn job(
        &self,
        user: &str,
        jobname: &str,
        jobid: &str,
        needed: Access,
    ) -> StoreResult<Option<Job>> {
        self.store
            .read(|tx| visible(tx, user, jobname, jobid, needed))
    }

    /// The spool files of job `jobname`/`jobid`, when `user` may see it.
    pub fn spool_files(
        &self,
        user: &str,
        jobname: &str,
        jobid: &str,
    ) -> StoreResult<Option<(Job, Vec<SpoolFile>)>> {
        self.store.read(|tx| {
            let Some(job) = visible(tx, user, jobname, jobid, Access::Read)? else {
                return Ok(None);
            };
            let files = jobs::spool_files(tx, &job.jobid)?;
            Ok(Some((job, files)))
        })
    }

    /// The text of one spool file of job `jobname`/`jobid` (`None` inside when the job has
    /// no such file), when `user` may see the job.
    pub fn spool_records(
        &self,
        user: &str,
        jobname: &str,
        jobid: &str,
        file: SpoolFileId,
    ) -> StoreResult<Option<(Job, Option<String>)>> {
        self.store.read(|tx| {
            let Some(job) = visible(tx, user, jobname, jobid, Access::Read)? else {
                return Ok(None);
            };
            let text = match file {
                SpoolFileId::Jcl => jobs::jcl(tx, &job.jobid)?,
                SpoolFileId::Number(n) => jobs::spool_records(tx, &job.jobid, n)?,
            };
            Ok(Some((job, text)))
        })
    }

    /// Purges job `jobname`/`jobid` and its spool when `user` may (JESSPOOL ALTER), in one
    /// transaction; gives the job purged.
    pub fn purge_job(
        &mut self,
        user: &str,
        jobname: &str,
        jobid: &str,
    ) -> StoreResult<Option<Job>> {
        self.store.transaction(|tx| {
            let Some(job) = visible(tx, user, jobname, jobid, Access::Alter)? else {
                return Ok(None);
            };
            jobs::purge(tx, &job.jobid)?;
            Ok(Some(job))
        })
    }
}

/// Job `jobid` when it is named `jobname` and `user` may act on it with `needed`.
fn visible(
    tx: &racemu_store::Tx<'_>,
    user: &str,
    jobname: &str,
    jobid: &str,
    needed: Access,
) -> StoreResult<Option<Job>> {
    let Some(job) = jobs::get(tx, jobid)?.filter(|j| j.jobname == jobname) else {
        return Ok(None);
    };
    Ok(spool_allowed(tx, user, &job, needed)?.then_some(job))
}

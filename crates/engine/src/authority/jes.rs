//! JES2's RACF checks on jobs: surrogate job submission (SURROGAT) and access to a job's
//! spool (JESSPOOL). zosmf asks these; it decides nothing itself.
//!
//! * SURROGAT: a user may submit a job whose JOB card names another user (USER=) without
//!   that user's password when it has READ to SURROGAT `user.SUBMIT` (z/OS Planning for
//!   Multilevel Security and the Common Criteria, "Surrogate job submission",
//!   <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.3.0/com.ibm.zos.v2r3.e0ze100/e0ze100_Surrogate_job_submission.htm>).
//!   No profile, or an inactive class, denies (docs/fidelity.md).
//! * JESSPOOL: the resource of a job's spool is `node.userid.jobname.jobid` (the first four
//!   of the six qualifiers of a spool data set's profile name, RACF Security Administrator's
//!   Guide, "Defining profiles for SYSIN and SYSOUT data sets",
//!   <https://www.ibm.com/docs/en/zos/latest?topic=data-defining-profiles-sysin-sysout-sets>).
//!   "If there is no profile for a data set, only the user that created the data set can
//!   access" it, the class failing by default
//!   (<https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/pdssp.htm>);
//!   users "can always access the JESSPOOL resources they own"
//!   (<https://ibm.com/docs/SSLTBW_2.4.0/com.ibm.zos.v2r4.isfa500/jbotin.htm>). racemu also lets
//!   the submitter of a surrogate job see and purge it (docs/fidelity.md). READ sees a job,
//!   ALTER purges it.

use super::{dataset::requester, resource_access};
use crate::messages::{ich408i_resource, Message};
use racemu_racf::Access;
use racemu_store::jobs::Job;
use racemu_store::{StoreResult, Tx};

/// The class of surrogate profiles.
pub const SURROGAT: &str = "SURROGAT";

/// The class of spool profiles.
pub const JESSPOOL: &str = "JESSPOOL";

/// racemu's one JES2 node: the first qualifier of every JESSPOOL resource.
pub const NODE: &str = "N1";

/// The SURROGAT resource that lets a user submit jobs running as `owner`: `owner.SUBMIT`.
pub fn surrogat_resource(owner: &str) -> String {
    format!("{owner}.SUBMIT")
}

/// The JESSPOOL resource of a job's spool: `N1.owner.jobname.jobid`.
pub fn jesspool_resource(owner: &str, jobname: &str, jobid: &str) -> String {
    format!("{NODE}.{owner}.{jobname}.{jobid}")
}

/// Whether `submitter` may submit a job that runs as `owner`, given the access it has to
/// SURROGAT `owner.SUBMIT` (`None`: no profile, or the class is inactive): its own jobs
/// always; another's with READ or more.
pub fn surrogate_decision(submitter: &str, owner: &str, access: Option<Access>) -> bool {
    submitter == owner || access.is_some_and(|a| a >= Access::Read)
}

/// Whether `user` may act with `needed` on the spool of a job that `owner` runs and
/// `submitter` submitted, given the access `user` has to its JESSPOOL resource (`None`: no
/// profile, or the class is inactive): the owner and the submitter always; others with
/// `needed` or more.
pub fn spool_decision(
    user: &str,
    owner: &str,
    submitter: &str,
    access: Option<Access>,
    needed: Access,
) -> bool {
    user == owner || user == submitter || access.is_some_and(|a| a >= needed)
}

/// RACF's answer on one surrogate submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurrogateCheck {
    /// Whether the job may run as its owner.
    pub granted: bool,
    /// ICH408I for a refusal, as JES2's job log shows it.
    pub ich408i: Option<Message>,
}

/// Checks `submitter` submitting a job that runs as `owner` ([`surrogate_decision`]), with
/// ICH408I (`owner.SUBMIT CL(SURROGAT)`, intent READ) when refused.
pub fn surrogate_check(tx: &Tx<'_>, submitter: &str, owner: &str) -> StoreResult<SurrogateCheck> {
    if submitter == owner {
        return Ok(SurrogateCheck {
            granted: true,
            ich408i: None,
        });
    }
    let resource = surrogat_resource(owner);
    let access = resource_access(tx, submitter, SURROGAT, &resource)?;
    if surrogate_decision(submitter, owner, access) {
        return Ok(SurrogateCheck {
            granted: true,
            ich408i: None,
        });
    }
    let who = requester(tx, submitter)?;
    let allowed = access.unwrap_or(Access::None);
    Ok(SurrogateCheck {
        granted: false,
        ich408i: Some(ich408i_resource(
            &who,
            &resource,
            SURROGAT,
            Access::Read,
            allowed,
        )),
    })
}

/// Whether `user` may see (`needed` READ) or purge (ALTER) `job` ([`spool_decision`]).
pub fn spool_allowed(tx: &Tx<'_>, user: &str, job: &Job, needed: Access) -> StoreResult<bool> {
    if user == job.owner || user == job.submitter {
        return Ok(true);
    }
    let resource = jesspool_resource(&job.owner, &job.jobname, &job.jobid);
    let access = resource_access(tx, user, JESSPOOL, &resource)?;
    Ok(spool_decision(
        user,
        &job.owner,
        &job.submitter,
        access,
        needed,
    ))
}

#[cfg(test)]
#[path = "jes_tests.rs"]
mod tests;

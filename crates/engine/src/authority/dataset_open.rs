//! The one data set open check every path shares: RACDCERT, job steps, `racemu ds` and
//! z/OSMF's REST files service all ask [`open_dataset`] (or [`crate::Engine::open_dataset`])
//! and carry out its answer; none decides data set access or writes an ICH408I itself.
//!
//! What RACF checks is the access the request needs (Security Administrator's Guide,
//! "How RACF checks authorization", authseq.htm): READ to read; UPDATE to replace an existing
//! data set; ALTER to create (allocate) or delete (scratch) one.

use super::address_space::AddressSpace;
use super::dataset::open_check_from;
use racemu_racf::Access;
use racemu_store::datasets::{self, DatasetError};
use racemu_store::Tx;

/// What a request does with a data set, which decides the access RACF checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Read it: READ.
    Read,
    /// Write it: UPDATE when it exists, ALTER when the write creates it.
    Write,
    /// Create (allocate) it, as `DISP=NEW` does: ALTER whether or not it exists.
    Create,
    /// Delete (scratch) it: ALTER.
    Delete,
}

/// RACF refused the request: the access it needed and RACF's ICH408I (one entry, its lines
/// joined by newlines, as the catalogue writes it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The access the request needed.
    pub needed: Access,
    /// ICH408I (`INSUFFICIENT ACCESS AUTHORITY`); empty only if RACF issued none.
    pub ich408i: Vec<String>,
}

/// RACF let the request go ahead: the operation's outcome, and the ICH408I RACF still issues
/// when the access was allowed only by WARNING (`WARNING: INSUFFICIENT AUTHORITY -
/// TEMPORARY ACCESS ALLOWED`); empty for a plain grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant<T> {
    /// What the operation returned.
    pub value: T,
    /// ICH408I for a grant by WARNING (the profile's or PROTECTALL(WARNING)); else empty.
    pub warning: Vec<String>,
}

/// A checked data set request: granted (with the operation's outcome) or refused.
pub type Opened<T> = Result<Grant<T>, Refusal>;

/// The access `intent` needs on data set `dsn` (whose existence is read for
/// [`Intent::Write`]).
pub fn needed_access(tx: &Tx<'_>, dsn: &str, intent: Intent) -> Result<Access, DatasetError> {
    Ok(match intent {
        Intent::Read => Access::Read,
        Intent::Write if datasets::exists(tx, dsn)? => Access::Update,
        Intent::Write | Intent::Create | Intent::Delete => Access::Alter,
    })
}

/// Checks `userid` doing `intent` to data set `dsn` (a member is checked as its data set) and,
/// when RACF allows it, runs `op` in the same transaction. A refusal runs nothing and carries
/// RACF's ICH408I; a grant by WARNING carries the warning ICH408I beside `op`'s outcome.
pub fn open_dataset<T>(
    tx: &Tx<'_>,
    userid: &str,
    dsn: &str,
    intent: Intent,
    op: impl FnOnce() -> Result<T, DatasetError>,
) -> Result<Opened<T>, DatasetError> {
    open_dataset_in(tx, None, userid, dsn, intent, op)
}

/// [`open_dataset`] in a long-lived address space (`space`), whose in-storage generic
/// profiles decide instead of the database's ([`AddressSpace`]); `None` is a new address
/// space, which sees the database's.
pub fn open_dataset_in<T>(
    tx: &Tx<'_>,
    space: Option<&mut AddressSpace>,
    userid: &str,
    dsn: &str,
    intent: Intent,
    op: impl FnOnce() -> Result<T, DatasetError>,
) -> Result<Opened<T>, DatasetError> {
    let userid = userid.to_ascii_uppercase();
    let base = dsn.split('(').next().unwrap_or(dsn);
    let needed = needed_access(tx, dsn, intent)?;
    let in_storage = match space {
        Some(s) => Some(s.generics(tx, &userid, base)?),
        None => None,
    };
    let c = open_check_from(tx, &userid, base, needed, in_storage)?;
    let ich408i: Vec<String> = c.ich408i.iter().map(|m| m.line()).collect();
    if !c.granted {
        return Ok(Err(Refusal { needed, ich408i }));
    }
    Ok(Ok(Grant {
        value: op()?,
        warning: ich408i,
    }))
}

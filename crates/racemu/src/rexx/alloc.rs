//! The allocations an exec sees: the step's DDs and those TSO ALLOCATE adds (TSO/E Command
//! Reference, ALLOCATE and FREE), with the data-set side of EXECIO, SYSDSN and LISTDSI.
//! Every read and write is the engine's data-set open as the exec's user.

use super::messages;
use racemu_engine::{Engine, Members};
use racemu_rexx::Dataset;
use std::collections::BTreeMap;

/// What a DD is allocated to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Allocation {
    /// A cataloged data set (or member) with its disposition (`SHR`, `OLD`, `MOD`, `NEW`).
    Dataset {
        /// The data set name.
        dsn: String,
        /// Its disposition.
        disp: String,
    },
    /// In-stream records (read only).
    Records(Vec<String>),
    /// DUMMY, SYSOUT or anything else: reads nothing, writes are dropped.
    Dummy,
}

/// The exec's DDs by name.
pub type Allocations = BTreeMap<String, Allocation>;

/// The DDs of a JCL step (the first of a concatenation), for an exec.
pub fn of_step(step: &racemu_jcl::Step) -> Allocations {
    let mut out = Allocations::new();
    for dd in &step.dds {
        let Some(name) = &dd.name else { continue };
        let a = match &dd.kind {
            racemu_jcl::DdKind::Dataset { dsn, disp } => Allocation::Dataset {
                dsn: dsn.trim_matches('\'').to_ascii_uppercase(),
                disp: disp.first().cloned().unwrap_or_else(|| "OLD".into()),
            },
            racemu_jcl::DdKind::InStream { records, .. } => Allocation::Records(records.clone()),
            _ => Allocation::Dummy,
        };
        out.insert(name.to_ascii_uppercase(), a);
    }
    out
}

/// The records of `dd` read as `user`; the lines to print when it cannot be read.
pub fn read(
    engine: &mut Engine,
    user: &str,
    dds: &Allocations,
    dd: &str,
) -> Result<Vec<String>, Vec<String>> {
    match dds.get(dd) {
        None => Err(vec![racemu_rexx::messages::not_allocated(dd)]),
        Some(Allocation::Records(r)) => Ok(r.clone()),
        Some(Allocation::Dummy) => Ok(Vec::new()),
        Some(Allocation::Dataset { dsn, .. }) => match engine.read_dataset_as(None, user, dsn) {
            Ok(Ok(grant)) => Ok(grant
                .value
                .map(|d| {
                    String::from_utf8_lossy(&d.data)
                        .lines()
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()),
            Ok(Err(refusal)) => Err(refusal.ich408i),
            Err(e) => Err(vec![messages::dataset_failed(dsn, &e.to_string())]),
        },
    }
}

/// Writes `records` to `dd` as `user` (after the data set's records for MOD).
pub fn write(
    engine: &mut Engine,
    user: &str,
    dds: &Allocations,
    dd: &str,
    records: &[String],
    original: &mut BTreeMap<String, Vec<String>>,
) -> Result<(), Vec<String>> {
    let (dsn, disp) = match dds.get(dd) {
        None => return Err(vec![racemu_rexx::messages::not_allocated(dd)]),
        Some(Allocation::Dataset { dsn, disp }) => (dsn.clone(), disp.clone()),
        Some(_) => return Ok(()),
    };
    let mut all = Vec::new();
    if disp.eq_ignore_ascii_case("MOD") {
        if !original.contains_key(dd) {
            let before = read(engine, user, dds, dd).unwrap_or_default();
            original.insert(dd.to_string(), before);
        }
        all.extend(original[dd].iter().cloned());
    }
    all.extend(records.iter().cloned());
    let mut text = all.join("\n");
    if !all.is_empty() {
        text.push('\n');
    }
    match engine.write_dataset_as(None, user, &dsn, text.into_bytes()) {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(refusal)) => Err(refusal.ich408i),
        Err(e) => Err(vec![messages::dataset_failed(&dsn, &e.to_string())]),
    }
}

/// Data set `dsn` (with `(member)` if any) as the catalog tells it: no open, no RACF check.
pub fn dataset(engine: &Engine, dsn: &str) -> Dataset {
    let (base, member) = match dsn.split_once('(') {
        Some((b, m)) => (b, Some(m.trim_end_matches(')'))),
        None => (dsn, None),
    };
    if racemu_racf::DsName::parse(dsn).is_none() {
        return Dataset::InvalidName;
    }
    let attrs = |dsorg: &str, members: Option<usize>| {
        let (recfm, lrecl) = engine
            .store()
            .read(|tx| racemu_store::datasets::get(tx, base))
            .ok()
            .flatten()
            .map(|d| (d.recfm, d.lrecl))
            .unwrap_or_else(|| ("FB".into(), 80));
        Dataset::Found {
            dsorg: dsorg.to_string(),
            recfm,
            lrecl,
            members,
        }
    };
    match (engine.members(base), member) {
        (Ok(Members::Sequential), None) => attrs("PS", None),
        (Ok(Members::Sequential), Some(_)) => Dataset::NotPartitioned,
        (Ok(Members::Partitioned(list)), None) => attrs("PO", Some(list.len())),
        (Ok(Members::Partitioned(list)), Some(m)) => {
            if list.iter().any(|(n, _)| n.eq_ignore_ascii_case(m)) {
                attrs("PO", None)
            } else {
                Dataset::MemberNotFound
            }
        }
        _ => Dataset::NotFound,
    }
}

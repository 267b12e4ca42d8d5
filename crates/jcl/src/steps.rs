//! Running a job's steps as z/OS does: allocation at step start, the utilities every system
//! has (IEFBR14, IEBGENER/ICEGENER), any other program through a [`ProgramLibrary`], and DISP
//! processing at step end. Data sets live behind a [`DatasetCatalog`], so this crate stays
//! free of any store.

use crate::messages;
use crate::{DdInput, DdKind, Job, Step, StepResult};

/// What kind of refusal a [`CatalogError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogErrorKind {
    /// The name breaks z/OS's rules for data set or member names.
    InvalidName,
    /// The data set has the wrong organisation for the request: a member of a sequential
    /// data set, or a partitioned data set named without a member.
    WrongOrganization,
    /// The catalog's storage failed.
    StoreFailed,
    /// RACF refused the job's user the data set; `message` is RACF's ICH408I.
    NotAuthorized,
}

/// Why a [`DatasetCatalog`] refused a request; `message` is printed in the job log as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct CatalogError {
    /// What kind of refusal.
    pub kind: CatalogErrorKind,
    /// The refusal in words.
    pub message: String,
}

/// The cataloged data sets (and PDS members, named `DSN(MEMBER)`) a job's steps use.
pub trait DatasetCatalog {
    /// The contents of data set or member `dsn`; `None` when it is not cataloged.
    fn get(&mut self, dsn: &str) -> Result<Option<Vec<u8>>, CatalogError>;
    /// Whether data set or member `dsn` is cataloged.
    fn exists(&mut self, dsn: &str) -> Result<bool, CatalogError>;
    /// Writes (creating or replacing) data set or member `dsn`.
    fn put(&mut self, dsn: &str, data: Vec<u8>) -> Result<(), CatalogError>;
    /// Deletes data set or member `dsn`; whether it existed.
    fn delete(&mut self, dsn: &str) -> Result<bool, CatalogError>;
    /// Allocates new data set `dsn` (`DISP=NEW` at step start): only the check that the
    /// job's user may create it; the data set is written by the step or cataloged at its end.
    /// A catalog without access control allows every allocation.
    fn allocate(&mut self, dsn: &str) -> Result<(), CatalogError> {
        let _ = dsn;
        Ok(())
    }
    /// Messages the catalog's requests produced that were not refusals (RACF's ICH408I for
    /// an access allowed only by WARNING), for the job log; each is given once.
    fn take_notices(&mut self) -> Vec<String> {
        Vec::new()
    }
}

/// Runs one step of a job, writing its own job-log lines (allocation and open messages) to
/// `log`, before the step's `IEF142I`.
pub trait StepRunner {
    /// Runs `step` of `job`.
    fn run(&mut self, job: &Job, step: &Step, log: &mut Vec<String>) -> StepResult;
}

/// The programs beyond the utilities of [`JobSteps`] (for racemu: the TSO TMP).
pub trait ProgramLibrary: DatasetCatalog {
    /// Runs `program` (upper case) for the step in `cx`; `None` when the library has no such
    /// program (the step then abends S806 with `CSV003I`).
    fn run_program(&mut self, program: &str, cx: &mut StepContext<'_>) -> Option<StepResult>;
}

/// A SYSOUT data set a step wrote: what JES2 keeps on the spool for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SysoutFile {
    /// The step's name (empty for an unnamed step).
    pub step: String,
    /// The DD name.
    pub ddname: String,
    /// The output class (`SYSOUT=A`; `*` as written).
    pub class: String,
    /// The records written.
    pub records: Vec<String>,
}

/// The step a [`ProgramLibrary`] runs, with the job log it writes to.
pub struct StepContext<'a> {
    /// The job.
    pub job: &'a Job,
    /// The step.
    pub step: &'a Step,
    /// The job log.
    pub log: &'a mut Vec<String>,
    store_failed: &'a mut bool,
    sysout: &'a mut Vec<SysoutFile>,
}

impl StepContext<'_> {
    fn stepname(&self) -> &str {
        self.step.name.as_deref().unwrap_or_default()
    }

    /// Writes `records` to DD `ddname` when the step's DD is a SYSOUT data set (directly or
    /// through `DDNAME=`): JES2 keeps it on the spool as a [`SysoutFile`]. Output to any other
    /// DD (a data set, DUMMY, none) is not kept here.
    pub fn write_sysout(&mut self, ddname: &str, records: Vec<String>) {
        let find = |name: &str| {
            self.step
                .dds
                .iter()
                .find(|d| d.name.as_deref() == Some(name))
                .map(|d| &d.kind)
        };
        let kind = match find(ddname) {
            Some(DdKind::DdnameRef(other)) => find(other),
            k => k,
        };
        if let Some(DdKind::Sysout(class)) = kind {
            self.sysout.push(SysoutFile {
                step: self.stepname().to_string(),
                ddname: ddname.to_string(),
                class: class.clone(),
                records,
            });
        }
    }

    /// Writes the catalog's notices (RACF's warning ICH408I) to the job log.
    fn notices(&mut self, catalog: &mut dyn DatasetCatalog) {
        for n in catalog.take_notices() {
            self.log.extend(n.lines().map(str::to_string));
        }
    }

    /// Reports a store failure under DD `ddname` (`RCM310E`); the job ends with CC 12 or more.
    fn store_failed(&mut self, ddname: &str, e: &CatalogError) {
        self.log.push(messages::store_failed(
            &self.job.name,
            self.stepname(),
            ddname,
            &e.to_string(),
        ));
        *self.store_failed = true;
    }

    /// The records (text, one a line) DD `ddname` gives the program: in-stream data, a
    /// cataloged data set or member read from `catalog`, or none (DUMMY, no DD). A data set
    /// that is not there abends the step (`IEC141I 013-18`, S013): the error is the step's
    /// result.
    pub fn input_records(
        &mut self,
        catalog: &mut dyn DatasetCatalog,
        ddname: &str,
    ) -> Result<Vec<String>, StepResult> {
        match self.step.input(ddname) {
            Some(DdInput::Records(r)) => Ok(r),
            Some(DdInput::Dataset(dsn)) => {
                let dsn = dsn.trim_matches('\'').to_ascii_uppercase();
                let data = self.open(catalog, &dsn, ddname)?;
                let text = String::from_utf8_lossy(&data).into_owned();
                Ok(text.lines().map(|l| l.to_string()).collect())
            }
            Some(DdInput::Dummy) | None => Ok(Vec::new()),
        }
    }

    /// Opens `dsn` for input under DD `ddname`: its contents, or the step's result when it
    /// is not there (`IEC141I 013-18`, S013) or the store failed (`RCM310E`, CC 12).
    fn open(
        &mut self,
        catalog: &mut dyn DatasetCatalog,
        dsn: &str,
        ddname: &str,
    ) -> Result<Vec<u8>, StepResult> {
        let got = catalog.get(dsn);
        self.notices(catalog);
        match got {
            Ok(Some(data)) => Ok(data),
            Ok(None)
            | Err(CatalogError {
                kind: CatalogErrorKind::WrongOrganization,
                ..
            }) => {
                self.log.push(messages::open_not_found(
                    &self.job.name,
                    self.stepname(),
                    ddname,
                ));
                Err(StepResult::Abend {
                    system: Some(0x013),
                    user: None,
                })
            }
            Err(e) if e.kind == CatalogErrorKind::NotAuthorized => {
                Err(self.not_authorized(ddname, dsn, &e))
            }
            Err(e) => {
                self.store_failed(ddname, &e);
                Err(StepResult::Completed(12))
            }
        }
    }

    /// An OPEN RACF refused: its ICH408I, then `IEC150I 913-38` (MVS System Messages,
    /// ee150i.htm: `913-rc,mod,jjj,sss,ddname,dev,ser,dsname`; module and device are
    /// racemu's), and the step abends S913.
    fn not_authorized(&mut self, ddname: &str, dsn: &str, e: &CatalogError) -> StepResult {
        self.log.extend(e.message.lines().map(str::to_string));
        self.log.push(messages::open_not_authorized(
            &self.job.name,
            self.stepname(),
            ddname,
            dsn,
        ));
        StepResult::Abend {
            system: Some(0x913),
            user: None,
        }
    }
}

/// The step runner of a z/OS system over a [`ProgramLibrary`].
pub struct JobSteps<L> {
    /// The programs (and the catalog they share).
    pub library: L,
    /// True once the store failed under a step (`RCM310E`/`RCM311E` in the job log).
    pub store_failed: bool,
    /// The SYSOUT data sets the steps wrote, in the order they were written.
    pub sysout: Vec<SysoutFile>,
}

impl<L: ProgramLibrary> JobSteps<L> {
    /// Steps run over `library`.
    pub fn new(library: L) -> Self {
        JobSteps {
            library,
            store_failed: false,
            sysout: Vec::new(),
        }
    }
}

impl<L: ProgramLibrary> StepRunner for JobSteps<L> {
    fn run(&mut self, job: &Job, step: &Step, log: &mut Vec<String>) -> StepResult {
        let mut cx = StepContext {
            job,
            step,
            log,
            store_failed: &mut self.store_failed,
            sysout: &mut self.sysout,
        };
        let result = match allocate(&mut self.library, &mut cx) {
            Err(not_executed) => return not_executed,
            Ok(()) => run_program(&mut self.library, &mut cx),
        };
        dispositions(&mut self.library, &mut cx, result);
        result
    }
}

fn run_program<L: ProgramLibrary>(library: &mut L, cx: &mut StepContext<'_>) -> StepResult {
    let program = cx
        .step
        .program
        .as_deref()
        .unwrap_or_default()
        .to_ascii_uppercase();
    match program.as_str() {
        "IEFBR14" => StepResult::Completed(0),
        "IEBGENER" | "ICEGENER" => iebgener(library, cx),
        _ => library.run_program(&program, cx).unwrap_or_else(|| {
            cx.log.push(messages::module_not_found(&program));
            StepResult::Abend {
                system: Some(0x806),
                user: None,
            }
        }),
    }
}

/// Allocation at step start: every DD naming an existing data set (`DISP=SHR` or `OLD`,
/// with or without a member) must find it cataloged, else `IEF212I … DATA SET NOT FOUND` and
/// the step is not executed (a JCL error, as on z/OS). A member need not exist yet: that is
/// found when the program opens it. A DD creating a data set (`DISP=NEW`, or no status,
/// which is NEW) needs the job's user to be allowed to create it ([`DatasetCatalog::allocate`]):
/// a refusal writes RACF's ICH408I and `IEF344I … ALLOCATION FAILED DUE TO DATA FACILITY
/// SYSTEM ERROR`, and the step is not executed.
fn allocate(catalog: &mut dyn DatasetCatalog, cx: &mut StepContext<'_>) -> Result<(), StepResult> {
    for dd in &cx.step.dds {
        let DdKind::Dataset { dsn, disp } = &dd.kind else {
            continue;
        };
        let status = disp.first().map(|s| s.to_ascii_uppercase());
        let base = dsn.split('(').next().unwrap_or(dsn);
        let ddname = dd.name.as_deref().unwrap_or_default();
        if matches!(status.as_deref(), None | Some("" | "NEW")) && !base.starts_with('&') {
            let created = catalog.allocate(base);
            cx.notices(catalog);
            match created {
                Ok(()) => {}
                Err(e) if e.kind == CatalogErrorKind::NotAuthorized => {
                    cx.log.extend(e.message.lines().map(str::to_string));
                    cx.log.push(messages::allocation_failed_dfsms(
                        &cx.job.name,
                        cx.stepname(),
                        ddname,
                    ));
                    return Err(StepResult::NotExecuted);
                }
                // A name the catalog refuses is found when the step writes it.
                Err(_) => {}
            }
            continue;
        }
        if !matches!(status.as_deref(), Some("SHR" | "OLD")) {
            continue;
        }
        match catalog.exists(base) {
            Ok(true) => {}
            Ok(false)
            | Err(CatalogError {
                kind: CatalogErrorKind::InvalidName,
                ..
            }) => {
                cx.log.push(messages::dataset_not_found(
                    &cx.job.name,
                    cx.stepname(),
                    ddname,
                ));
                return Err(StepResult::NotExecuted);
            }
            Err(e) => {
                cx.store_failed(ddname, &e);
                return Err(StepResult::NotExecuted);
            }
        }
    }
    Ok(())
}

/// IEBGENER: copies SYSUT1 (in-stream data or a data set) to the SYSUT2 data set.
fn iebgener(catalog: &mut dyn DatasetCatalog, cx: &mut StepContext<'_>) -> StepResult {
    let data: Vec<u8> = match cx.step.input("SYSUT1") {
        Some(DdInput::Records(r)) => {
            let mut text = r
                .iter()
                .map(|l| l.trim_end())
                .collect::<Vec<_>>()
                .join("\n");
            text.push('\n');
            text.into_bytes()
        }
        Some(DdInput::Dataset(dsn)) => match cx.open(catalog, dsn, "SYSUT1") {
            Ok(data) => data,
            Err(result) => return result,
        },
        Some(DdInput::Dummy) => Vec::new(),
        None => {
            cx.log
                .push(messages::sysut1_missing(&cx.job.name, cx.stepname()));
            return StepResult::Completed(12);
        }
    };
    let target = cx.step.dds.iter().find_map(|d| match (&d.name, &d.kind) {
        (Some(n), DdKind::Dataset { dsn, .. }) if n == "SYSUT2" => Some(dsn.as_str()),
        _ => None,
    });
    let Some(dsn) = target else {
        // SYSUT2 to SYSOUT (or DUMMY): the copy goes to the spool when it is SYSOUT.
        let text = String::from_utf8_lossy(&data);
        cx.write_sysout("SYSUT2", text.lines().map(str::to_string).collect());
        return StepResult::Completed(0);
    };
    let put = catalog.put(dsn, data);
    cx.notices(catalog);
    match put {
        Ok(()) => StepResult::Completed(0),
        Err(e) if e.kind == CatalogErrorKind::NotAuthorized => {
            let dsn = dsn.trim_matches('\'').to_ascii_uppercase();
            cx.not_authorized("SYSUT2", &dsn, &e)
        }
        Err(e) => {
            cx.log.push(messages::sysut2_failed(
                &cx.job.name,
                cx.stepname(),
                &e.to_string(),
            ));
            StepResult::Completed(12)
        }
    }
}

/// DISP processing at the end of a step: `(…,DELETE)` deletes, `(NEW,CATLG)` catalogs an
/// empty data set if the step did not write one. A store failure is reported in the job log
/// (`RCM311E`) and fails the job; it is never dropped. A deletion or creation RACF refuses
/// (ALTER needed) leaves RACF's ICH408I in the job log and the data set as it was.
fn dispositions(catalog: &mut dyn DatasetCatalog, cx: &mut StepContext<'_>, result: StepResult) {
    if result == StepResult::NotExecuted {
        return;
    }
    let abended = matches!(result, StepResult::Abend { .. });
    for dd in &cx.step.dds {
        let DdKind::Dataset { dsn, disp } = &dd.kind else {
            continue;
        };
        let sub = |i: usize| disp.get(i).map(|s| s.to_ascii_uppercase());
        let status = sub(0).unwrap_or_default();
        let normal = sub(1).unwrap_or_default();
        let abnormal = sub(2).unwrap_or_else(|| normal.clone());
        let action = if abended { abnormal } else { normal };
        let done = if action == "DELETE" {
            catalog.delete(dsn).map(|_| ())
        } else if status == "NEW" && (action == "CATLG" || action == "KEEP") {
            match catalog.exists(dsn) {
                Ok(false) => catalog.put(dsn, Vec::new()),
                other => other.map(|_| ()),
            }
        } else {
            Ok(())
        };
        cx.notices(catalog);
        if let Err(e) = &done {
            if e.kind == CatalogErrorKind::NotAuthorized {
                // RACF refused the deletion (or creation): its ICH408I; the data set is
                // kept and the step's condition code stands.
                cx.log.extend(e.message.lines().map(str::to_string));
                continue;
            }
        }
        if let Err(e) = done {
            cx.log.push(messages::disp_failed(
                &cx.job.name,
                cx.stepname(),
                dd.name.as_deref().unwrap_or_default(),
                dsn,
                &e.to_string(),
            ));
            *cx.store_failed = true;
        }
    }
}

//! [`JobSteps`] over an in-memory catalog: the utilities, allocation, DISP processing and the
//! program library, with no store.

use super::*;
use std::collections::BTreeMap;

/// Data sets by name; `fail` makes every request a store failure.
#[derive(Default)]
struct Memory {
    sets: BTreeMap<String, Vec<u8>>,
    fail: bool,
    tmp_input: Vec<Vec<String>>,
}

impl Memory {
    fn check(&self) -> Result<(), CatalogError> {
        if self.fail {
            return Err(CatalogError {
                kind: CatalogErrorKind::StoreFailed,
                message: "disk on fire".into(),
            });
        }
        Ok(())
    }
}

impl DatasetCatalog for Memory {
    fn get(&mut self, dsn: &str) -> Result<Option<Vec<u8>>, CatalogError> {
        self.check()?;
        Ok(self.sets.get(dsn).cloned())
    }
    fn exists(&mut self, dsn: &str) -> Result<bool, CatalogError> {
        self.check()?;
        Ok(self.sets.contains_key(dsn))
    }
    fn put(&mut self, dsn: &str, data: Vec<u8>) -> Result<(), CatalogError> {
        self.check()?;
        self.sets.insert(dsn.to_string(), data);
        Ok(())
    }
    fn delete(&mut self, dsn: &str) -> Result<bool, CatalogError> {
        self.check()?;
        Ok(self.sets.remove(dsn).is_some())
    }
}

impl ProgramLibrary for Memory {
    fn run_program(&mut self, program: &str, cx: &mut StepContext<'_>) -> Option<StepResult> {
        if program != "TMP" {
            return None;
        }
        Some(match cx.input_records(self, "SYSTSIN") {
            Ok(r) => {
                self.tmp_input.push(r);
                StepResult::Completed(4)
            }
            Err(result) => result,
        })
    }
}

fn run(memory: Memory, jcl: &str) -> (JobSteps<Memory>, JobResult) {
    let job = parse_job(jcl).unwrap();
    let mut steps = JobSteps::new(memory);
    let result = run_job_with(&job, &mut steps);
    (steps, result)
}

#[test]
fn utilities_copy_catalog_and_delete_through_the_catalog() {
    let jcl = "//J JOB\n\
//S1 EXEC PGM=IEBGENER\n\
//SYSUT1 DD *\n\
HELLO   \n\
/*\n\
//SYSUT2 DD DSN=A.COPY,DISP=(NEW,CATLG)\n\
//S2 EXEC PGM=IEFBR14\n\
//DD1 DD DSN=A.EMPTY,DISP=(NEW,CATLG)\n\
//DD2 DD DSN=A.OLD,DISP=(OLD,DELETE)\n\
//S3 EXEC PGM=TMP\n\
//SYSTSIN DD DSN=A.COPY,DISP=SHR\n";
    let mut memory = Memory::default();
    memory.sets.insert("A.OLD".into(), b"x".to_vec());
    let (steps, result) = run(memory, jcl);
    assert_eq!(
        result.job_log,
        vec![
            "IEF142I J S1 - STEP WAS EXECUTED - COND CODE 0000",
            "IEF142I J S2 - STEP WAS EXECUTED - COND CODE 0000",
            "IEF142I J S3 - STEP WAS EXECUTED - COND CODE 0004",
        ]
    );
    assert_eq!(result.max_cc, 4);
    assert!(!steps.store_failed);
    let sets = &steps.library.sets;
    assert_eq!(sets.keys().collect::<Vec<_>>(), vec!["A.COPY", "A.EMPTY"]);
    assert_eq!(sets["A.COPY"], b"HELLO\n");
    assert_eq!(sets["A.EMPTY"], b"");
    assert_eq!(steps.library.tmp_input, vec![vec!["HELLO".to_string()]]);
}

#[test]
fn missing_data_sets_and_programs_end_steps_as_z_os_does() {
    let (_, result) = run(
        Memory::default(),
        "//J JOB\n//S1 EXEC PGM=NOSUCH\n//S2 EXEC PGM=TMP\n//SYSTSIN DD DSN=A.GONE(MEM),DISP=MOD\n",
    );
    assert_eq!(
        result.job_log,
        vec![
            "CSV003I REQUESTED MODULE NOSUCH NOT FOUND",
            "IEF450I J S1 - ABEND=S806 U0000 REASON=00000000",
            "IEF272I J S2 - STEP WAS NOT EXECUTED.",
        ]
    );
    let (_, result) = run(
        Memory::default(),
        "//J JOB\n//S1 EXEC PGM=TMP\n//SYSTSIN DD DSN=A.GONE,DISP=MOD\n\
//S2 EXEC PGM=IEFBR14\n//IN DD DSN=A.GONE,DISP=SHR\n",
    );
    assert_eq!(
        result.job_log,
        vec![
            "IEC141I 013-18,IGG0191B,J,S1,SYSTSIN",
            "IEF450I J S1 - ABEND=S013 U0000 REASON=00000000",
            "IEF272I J S2 - STEP WAS NOT EXECUTED.",
        ]
    );
    let (_, result) = run(
        Memory::default(),
        "//J JOB\n//S1 EXEC PGM=IEFBR14\n//IN DD DSN=A.GONE,DISP=SHR\n",
    );
    assert_eq!(
        result.job_log,
        vec![
            "IEF212I J S1 IN - DATA SET NOT FOUND",
            "IEF272I J S1 - STEP WAS NOT EXECUTED.",
            "IEF453I J - JOB FAILED - JCL ERROR",
        ]
    );
    assert!(result.jcl_error);
}

#[test]
fn a_failing_catalog_is_reported_and_never_dropped() {
    let failing = || Memory {
        fail: true,
        ..Memory::default()
    };
    let (steps, result) = run(
        failing(),
        "//J JOB\n//S1 EXEC PGM=IEFBR14\n//OUT DD DSN=A.NEW,DISP=(NEW,CATLG)\n",
    );
    assert_eq!(
        result.job_log,
        vec![
            "RCM311E J S1 OUT - DISP PROCESSING OF A.NEW FAILED: disk on fire",
            "IEF142I J S1 - STEP WAS EXECUTED - COND CODE 0000",
        ]
    );
    assert!(steps.store_failed);
    let (steps, result) = run(
        failing(),
        "//J JOB\n//S1 EXEC PGM=IEBGENER\n//SYSUT1 DD DSN=A.IN,DISP=MOD\n",
    );
    assert_eq!(
        result.job_log,
        vec![
            "RCM310E J S1 SYSUT1 - THE STORE FAILED: disk on fire",
            "IEF142I J S1 - STEP WAS EXECUTED - COND CODE 0012",
        ]
    );
    assert!(steps.store_failed);
}

#[test]
fn sysout_output_is_kept_for_the_spool_and_other_output_is_not() {
    let jcl = "//J JOB\n\
//S1 EXEC PGM=IEBGENER\n\
//SYSUT1 DD *\n\
LINE ONE\n\
/*\n\
//SYSUT2 DD SYSOUT=A\n\
//S2 EXEC PGM=IEBGENER\n\
//SYSUT1 DD DSN=A.IN,DISP=SHR\n\
//SYSUT2 DD DDNAME=OUT\n\
//OUT DD SYSOUT=*\n\
//S3 EXEC PGM=IEBGENER\n\
//SYSUT1 DD DSN=A.IN,DISP=SHR\n\
//SYSUT2 DD DUMMY\n";
    let mut memory = Memory::default();
    memory
        .sets
        .insert("A.IN".into(), b"FROM A DATA SET\nSECOND\n".to_vec());
    let (steps, result) = run(memory, jcl);
    assert_eq!(result.max_cc, 0, "{:?}", result.job_log);
    assert_eq!(
        steps.sysout,
        vec![
            SysoutFile {
                step: "S1".into(),
                ddname: "SYSUT2".into(),
                class: "A".into(),
                records: vec!["LINE ONE".into()],
            },
            SysoutFile {
                step: "S2".into(),
                ddname: "SYSUT2".into(),
                class: "*".into(),
                records: vec!["FROM A DATA SET".into(), "SECOND".into()],
            },
        ]
    );
}

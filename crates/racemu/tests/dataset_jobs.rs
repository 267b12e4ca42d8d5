//! Jobs open data sets as the job's user, checked against the DATASET profiles: a refused
//! OPEN prints RACF's ICH408I and `IEC150I 913-38` and the step abends S913 (MVS System
//! Messages, ee150i.htm; Security Administrator's Guide, authseq.htm).

mod common;
use common::*;

const NOW: &str = "2026-11-25T10:00:00Z";

const SETUP: &str = "ADDUSER ALICE NAME('Alice')
ADDUSER IZUSVR
RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('izusvr')) NISTECC WITHLABEL('srv') NOTAFTER(DATE(2030-01-01))
RACDCERT ID(IZUSVR) EXPORT(LABEL('srv')) DSN('IZUSVR.SRV.P12') FORMAT(PKCS12DER) PASSWORD('secret1')
ADDSD 'IZUSVR.**' UACC(NONE)";

const STEAL: &str = "//STEAL    JOB (ACCT),'ALICE',CLASS=A,USER=ALICE
//COPY     EXEC PGM=IEBGENER
//SYSPRINT DD SYSOUT=*
//SYSIN    DD DUMMY
//SYSUT1   DD DSN=IZUSVR.SRV.P12,DISP=SHR
//SYSUT2   DD DSN=ALICE.SRV.P12,DISP=(NEW,CATLG)
";

#[test]
fn a_job_cannot_copy_a_pkcs12_it_may_not_read_until_permitted() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(&db, NOW, &["exec", SETUP], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let jcl = tmp.path().join("steal.jcl");
    std::fs::write(&jcl, STEAL).expect("jcl");
    let jcl = jcl.to_str().expect("utf-8");
    let r = racemu(&db, NOW, &["run", jcl], None);
    let log: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        log,
        [
            "ICH408I USER(ALICE   ) GROUP(SYS1    ) NAME(Alice               )",
            "  IZUSVR.SRV.P12 CL(DATASET ) VOL(RACEMU)",
            "  INSUFFICIENT ACCESS AUTHORITY",
            "  FROM IZUSVR.** (G)",
            "  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )",
            "IEC150I 913-38,IFG0194A,STEAL,COPY,SYSUT1,0A80,RACEMU,IZUSVR.SRV.P12",
            "IEF450I STEAL COPY - ABEND=S913 U0000 REASON=00000000",
        ],
        "{}",
        r.stderr
    );
    assert_ne!(r.code, 0);
    let r = racemu(
        &db,
        NOW,
        &["exec", "PERMIT 'IZUSVR.**' ID(ALICE) ACCESS(READ)"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = racemu(&db, NOW, &["run", jcl], None);
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        ["IEF142I STEAL COPY - STEP WAS EXECUTED - COND CODE 0000"],
        "{}",
        r.stderr
    );
    assert_eq!(r.code, 0);
}

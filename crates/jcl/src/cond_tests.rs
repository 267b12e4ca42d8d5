//! `COND=` on EXEC and JOB: the grammar, its JCL errors, and the runner's decisions beside
//! IF/THEN/ELSE and abends, against IBM's own examples where there are some.

use super::*;
use std::collections::BTreeMap;

/// Parses `COND=text` on a statement at line 3 and shows the tests compactly, or the error.
fn exec_cond(text: &str) -> String {
    match StepCond::parse(text, 3) {
        Ok(c) => {
            let tests: Vec<String> = c
                .tests
                .iter()
                .map(|t| {
                    let step = match (&t.step, &t.procstep) {
                        (Some(s), Some(p)) => format!(",{s}.{p}"),
                        (Some(s), None) => format!(",{s}"),
                        _ => String::new(),
                    };
                    format!("({},{:?}{step})", t.code, t.operator)
                })
                .collect();
            format!("{} {:?}", tests.join(""), c.abend)
        }
        Err(e) => e.to_string(),
    }
}

/// Runs `jcl`; each step named in `rcs` ends with that return code, `ABEND` abends S0C4.
fn run_rcs(jcl: &str, rcs: &[(&str, u32)]) -> JobResult {
    let rcs: BTreeMap<&str, u32> = rcs.iter().copied().collect();
    let job = parse_job(jcl).expect("parses");
    run_job(&job, &mut |s: &Step| {
        let name = s.name.clone().unwrap_or_default();
        match rcs.get(name.as_str()) {
            Some(&u32::MAX) => StepResult::Abend {
                system: Some(0x0C4),
                user: None,
            },
            Some(rc) => StepResult::Completed(*rc),
            None => StepResult::Completed(0),
        }
    })
}

/// IBM's forms (MVS JCL Reference, COND parameter of EXEC, syntax:
/// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.ieab600/iea3b6_Syntax86.htm).
#[test]
fn every_form_of_exec_cond_parses() {
    assert_eq!(exec_cond("(4,LE)"), "(4,Le) Neither");
    assert_eq!(exec_cond("(4,GT,STEP3)"), "(4,Gt,STEP3) Neither");
    assert_eq!(exec_cond("(60,GT,FIND.LATE)"), "(60,Gt,FIND.LATE) Neither");
    assert_eq!(exec_cond("((4,LT),EVEN)"), "(4,Lt) Even");
    assert_eq!(
        exec_cond("(ONLY,(16,GE),(90,LE,STEP1))"),
        "(16,Ge)(90,Le,STEP1) Only"
    );
    assert_eq!(exec_cond("((2,EQ),(4,EQ))"), "(2,Eq)(4,Eq) Neither");
    assert_eq!(exec_cond("EVEN"), " Even");
    assert_eq!(exec_cond("ONLY"), " Only");
    assert_eq!(exec_cond("(EVEN)"), " Even");
    assert_eq!(exec_cond("(0,ne)"), "(0,Ne) Neither");
    let eight = "((0,EQ),(1,EQ),(2,EQ),(3,EQ),(4,EQ),(5,EQ),(6,EQ),(4095,NE))";
    assert!(exec_cond(eight).ends_with("(4095,Ne) Neither"));
    let seven_even = "((0,EQ),(1,EQ),(2,EQ),(3,EQ),(4,EQ),(5,EQ),EVEN,(6,EQ))";
    assert!(exec_cond(seven_even).ends_with("(6,Eq) Even"));
}

/// Up to eight tests, seven with EVEN or ONLY; no null subparameters; codes 0-4095.
#[test]
fn bad_cond_values_are_jcl_errors_naming_the_subparameter() {
    let nine = "((0,EQ),(1,EQ),(2,EQ),(3,EQ),(4,EQ),(5,EQ),(6,EQ),(7,EQ),(8,EQ))";
    let eight_even = "((0,EQ),(1,EQ),(2,EQ),(3,EQ),(4,EQ),(5,EQ),(6,EQ),(7,EQ),ONLY)";
    for (value, what) in [
        ("(4,XX)", "XX"),
        ("(4096,LT)", "4096"),
        ("(-1,LT)", "-1"),
        ("((4,LT),,EVEN)", ","),
        ("(4,LT", "END OF FIELD"),
        ("", "END OF FIELD"),
        ("(4,LT,STEP12345)", "STEP12345"),
        ("(4,LT,STEP1.)", ")"),
        ("((4,LT),ALWAYS)", "ALWAYS"),
        ("(EVEN,ONLY)", "ONLY"),
        (nine, "TEST 9"),
        (eight_even, "TEST 8"),
    ] {
        assert_eq!(
            exec_cond(value),
            format!("IEFC627I INCORRECT USE OF {what} IN THE COND FIELD AT LINE 3"),
            "COND={value}"
        );
    }
}

/// JOB COND: tests without step names, no EVEN or ONLY (MVS JCL Reference, JOB COND examples:
/// https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieab600/iea3b6_Examples_of_the_COND_parameter1.htm).
#[test]
fn job_cond_takes_tests_only() {
    let tests = parse_job_cond("((20,GE),(30,LT))", 1).expect("parses");
    assert_eq!(tests.len(), 2);
    assert_eq!((tests[1].code, tests[1].operator), (30, Rel::Lt));
    for (value, what) in [("(7,LT,STEP1)", "STEP1"), ("((7,LT),EVEN)", "EVEN")] {
        assert_eq!(
            parse_job_cond(value, 1).map_err(|e| e.to_string()),
            Err(format!(
                "IEFC627I INCORRECT USE OF {what} IN THE COND FIELD AT LINE 1"
            ))
        );
    }
    let job = parse_job("//J JOB 1,X,\n//  COND=(7,LT)\n//S EXEC PGM=A\n").expect("parses");
    assert_eq!(job.cond.len(), 1);
    let err = parse_job("//J JOB\n//S1 EXEC PGM=A\n//S2 EXEC PGM=B,COND=(4,XX)\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "IEFC627I INCORRECT USE OF XX IN THE COND FIELD AT LINE 3"
    );
}

/// IBM's worked example, step by step ("Examples of COND return code testing in a job":
/// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieab500/iea3b5_Examples_of_COND_return_code_testing_in_a_job.htm):
/// ONLY without an abend bypasses STEP3, a test on STEP1's 6 bypasses STEP4, a test naming
/// the bypassed STEP4 is false, and STEP7's 12 satisfies the JOB COND, which ends the job.
#[test]
fn ibm_worked_example_of_job_and_exec_cond() {
    let jcl = "//MYJOB JOB ,A.SMITH,COND=(10,LT)\n\
//STEP1 EXEC PGM=A\n\
//STEP2 EXEC PGM=B,COND=((2,EQ),(4,EQ))\n\
//STEP3 EXEC PGM=C,COND=ONLY\n\
//STEP4 EXEC PGM=D,\n\
//  COND=((5,GT,STEP1),(2,EQ))\n\
//STEP5 EXEC PGM=E\n\
//STEP6 EXEC PGM=F,\n\
//  COND=((8,GT,STEP5),EVEN)\n\
//STEP7 EXEC PGM=G,COND=(4,GT,STEP4)\n\
//STEP8 EXEC PGM=H\n\
//STEP9 EXEC PGM=I,COND=ONLY\n";
    let rcs = [
        ("STEP1", 6),
        ("STEP2", 2),
        ("STEP5", 9),
        ("STEP6", 10),
        ("STEP7", 12),
    ];
    let r = run_rcs(jcl, &rcs);
    assert_eq!(
        r.job_log,
        [
            "IEF142I MYJOB STEP1 - STEP WAS EXECUTED - COND CODE 0006",
            "IEF142I MYJOB STEP2 - STEP WAS EXECUTED - COND CODE 0002",
            "IEF202I MYJOB STEP3 - STEP WAS NOT RUN BECAUSE OF CONDITION CODES",
            "IEF272I MYJOB STEP3 - STEP WAS NOT EXECUTED.",
            "IEF202I MYJOB STEP4 - STEP WAS NOT RUN BECAUSE OF CONDITION CODES",
            "IEF272I MYJOB STEP4 - STEP WAS NOT EXECUTED.",
            "IEF142I MYJOB STEP5 - STEP WAS EXECUTED - COND CODE 0009",
            "IEF142I MYJOB STEP6 - STEP WAS EXECUTED - COND CODE 0010",
            "IEF142I MYJOB STEP7 - STEP WAS EXECUTED - COND CODE 0012",
            "IEF201I MYJOB STEP8 - JOB TERMINATED BECAUSE OF CONDITION CODES",
            "IEF272I MYJOB STEP8 - STEP WAS NOT EXECUTED.",
            "IEF272I MYJOB STEP9 - STEP WAS NOT EXECUTED.",
        ]
    );
    assert_eq!(r.max_cc, 12);
    let ran: Vec<&str> = r
        .steps
        .iter()
        .filter(|s| matches!(s.outcome, StepOutcome::Ran(_)))
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(ran, ["STEP1", "STEP2", "STEP5", "STEP6", "STEP7"]);
}

/// The trial's case (newcomer-trial 2.14): `COND=(4,LE)` after CC 4 bypasses the step, and the
/// bypassed step's return code is not the job's.
#[test]
fn a_bypassed_step_does_not_run_and_adds_no_return_code() {
    let jcl = "//CONDJOB JOB\n//STEP1 EXEC PGM=A\n//STEP2 EXEC PGM=B,COND=(4,LE)\n\
//STEP3 EXEC PGM=C,COND=(0,NE)\n";
    let r = run_rcs(jcl, &[("STEP1", 4), ("STEP2", 16)]);
    assert_eq!(
        r.job_log,
        [
            "IEF142I CONDJOB STEP1 - STEP WAS EXECUTED - COND CODE 0004",
            "IEF202I CONDJOB STEP2 - STEP WAS NOT RUN BECAUSE OF CONDITION CODES",
            "IEF272I CONDJOB STEP2 - STEP WAS NOT EXECUTED.",
            "IEF202I CONDJOB STEP3 - STEP WAS NOT RUN BECAUSE OF CONDITION CODES",
            "IEF272I CONDJOB STEP3 - STEP WAS NOT EXECUTED.",
        ]
    );
    assert_eq!(r.max_cc, 4);
}

/// After an abend: no COND flushes (IEF272I), EVEN and ONLY run, EVEN's tests still bypass,
/// and a step under an IF that tests ABEND runs (MVS JCL Reference, "Summary of COND
/// parameters", table 2:
/// https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieab600/iea3b6_Summary_of_COND_parameters.htm).
#[test]
fn even_and_only_after_an_abend() {
    let jcl = "//J JOB\n//S1 EXEC PGM=A\n//S2 EXEC PGM=B\n//S3 EXEC PGM=C,COND=EVEN\n\
//S4 EXEC PGM=D,COND=ONLY\n//S5 EXEC PGM=E,COND=((0,LE),EVEN)\n\
//CHK IF ABEND THEN\n//S6 EXEC PGM=F\n// ENDIF\n";
    let r = run_rcs(jcl, &[("S1", u32::MAX)]);
    assert_eq!(
        r.job_log,
        [
            "IEF450I J S1 - ABEND=S0C4 U0000 REASON=00000000",
            "IEF272I J S2 - STEP WAS NOT EXECUTED.",
            "IEF142I J S3 - STEP WAS EXECUTED - COND CODE 0000",
            "IEF142I J S4 - STEP WAS EXECUTED - COND CODE 0000",
            "IEF202I J S5 - STEP WAS NOT RUN BECAUSE OF CONDITION CODES",
            "IEF272I J S5 - STEP WAS NOT EXECUTED.",
            "IEF142I J S6 - STEP WAS EXECUTED - COND CODE 0000",
        ]
    );
}

/// The first step's COND is evaluated as false, ONLY included (MVS JCL Reference,
/// "Relationship of the COND parameters on JOB and EXEC statements":
/// https://ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.ieab500/iea3b5_Relationship_of_the_COND_parameters_on_JOB_and_EXEC_statements.htm).
#[test]
fn the_first_steps_cond_is_false() {
    let r = run_rcs("//J JOB\n//S1 EXEC PGM=A,COND=ONLY\n//S2 EXEC PGM=B\n", &[]);
    assert_eq!(
        r.job_log,
        [
            "IEF142I J S1 - STEP WAS EXECUTED - COND CODE 0000",
            "IEF142I J S2 - STEP WAS EXECUTED - COND CODE 0000",
        ]
    );
}

/// A step runs only when its IF construct and its COND both say so; a step an IF skips is
/// IEF206I naming the IF statement's number as JES counts statements (continuations and
/// in-stream data are not statements), then IEF272I, as in a real JES2 job log; IEF206I:
/// https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieam800/m010767.htm
#[test]
fn if_then_else_and_cond_together() {
    let jcl = "//MATEDK01 JOB (MVS),\n//             MSGLEVEL=(1,1),\n\
//             MSGCLASS=H,\n//             CLASS=A\n\
//STEP01   EXEC PGM=IDCAMS\n//SYSIN    DD *\n  LISTCAT ENTRIES(MATEDK.TOO.GOOD) ALL\n/*\n\
//SYSPRINT DD SYSOUT=*\n//SYSOUT   DD SYSOUT=*\n//AMSDUMP  DD SYSOUT=*\n\
//         IF (STEP01.RC = 4 ) THEN\n//STEP02   EXEC PGM=IEFBR14\n\
//STEP03   EXEC PGM=IEFBR14,COND=(4,EQ,STEP01)\n//         ELSE\n\
//STEP06   EXEC PGM=IEFBR14,COND=EVEN\n//STEP07   EXEC PGM=IEFBR14\n//         ENDIF\n";
    let r = run_rcs(jcl, &[("STEP01", 4)]);
    assert_eq!(
        r.job_log,
        [
            "IEF142I MATEDK01 STEP01 - STEP WAS EXECUTED - COND CODE 0004",
            "IEF142I MATEDK01 STEP02 - STEP WAS EXECUTED - COND CODE 0000",
            "IEF202I MATEDK01 STEP03 - STEP WAS NOT RUN BECAUSE OF CONDITION CODES",
            "IEF272I MATEDK01 STEP03 - STEP WAS NOT EXECUTED.",
            "IEF206I MATEDK01 STEP06 - STEP WAS NOT RUN BECAUSE OF CONDITIONAL EXPRESSION ON STATEMENT 7",
            "IEF272I MATEDK01 STEP06 - STEP WAS NOT EXECUTED.",
            "IEF206I MATEDK01 STEP07 - STEP WAS NOT RUN BECAUSE OF CONDITIONAL EXPRESSION ON STATEMENT 7",
            "IEF272I MATEDK01 STEP07 - STEP WAS NOT EXECUTED.",
        ]
    );
}

/// A test naming a step that is not an earlier one is false (IBM: a test on a step that did
/// not run is false), and racemu says so in the job log (`RCM308W`).
#[test]
fn a_test_naming_no_earlier_step_is_false_and_noted() {
    let jcl = "//J JOB\n//S1 EXEC PGM=A\n//S2 EXEC PGM=B,COND=((0,EQ,NOSUCH),(0,EQ,S3))\n\
//S3 EXEC PGM=C\n";
    let job = parse_job(jcl).expect("parses");
    assert_eq!(
        job.warnings,
        [
            "RCM308W THE COND TEST AT LINE 3 NAMES STEP NOSUCH, WHICH IS NOT AN EARLIER STEP OF THE JOB: THE TEST IS ALWAYS FALSE",
            "RCM308W THE COND TEST AT LINE 3 NAMES STEP S3, WHICH IS NOT AN EARLIER STEP OF THE JOB: THE TEST IS ALWAYS FALSE",
        ]
    );
    let r = run_rcs(jcl, &[]);
    assert_eq!(r.job_log.len(), 3);
    assert!(r.job_log[1].starts_with("IEF142I J S2 "), "{:?}", r.job_log);
}

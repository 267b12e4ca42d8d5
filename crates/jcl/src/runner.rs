//! Running a job's steps in order, deciding for each whether it runs: the JCL error that ends
//! the job, a JOB `COND=` test that ended it, the IF/THEN/ELSE constructs around the step, an
//! earlier abend, and the step's own EXEC `COND=`, in that order (z/OS MVS JCL Reference:
//! "Relationship of the COND parameters on JOB and EXEC statements",
//! https://ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.ieab500/iea3b5_Relationship_of_the_COND_parameters_on_JOB_and_EXEC_statements.htm;
//! "Relationship to other parameters": a step runs only when both its IF construct and its
//! COND say so,
//! https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.2.0/com.ibm.zos.v2r2.ieab600/iea3b6_Relationship_to_other_parameters66.htm).

use crate::cond_param::{Decision, StepCond};
use crate::messages;
use crate::{Job, JobItem, JobResult, Step, StepOutcome, StepRecord, StepResult, StepRunner};

/// Runs a job: calls `exec` for each step that runs, evaluating IF constructs and COND on the
/// way. After an abend the remaining steps are flushed unless their COND says EVEN or ONLY or
/// an IF that holds tests ABEND.
pub fn run_job(job: &Job, exec: &mut dyn FnMut(&Step) -> StepResult) -> JobResult {
    run_job_logged(job, &mut |step, _| exec(step))
}

/// [`run_job`] for step runners that write job-log lines of their own (allocation and open
/// messages): `exec` gets the job log, so its lines stand before the step's `IEF142I`, in the
/// order z/OS prints them.
pub fn run_job_logged(
    job: &Job,
    exec: &mut dyn FnMut(&Step, &mut Vec<String>) -> StepResult,
) -> JobResult {
    let mut run = Run {
        job,
        exec,
        result: JobResult::default(),
        job_cond: JobCond::Testing,
    };
    run.items(&job.items, Gate::Open { abend_if: false });
    if run.result.jcl_error {
        run.result
            .job_log
            .push(messages::job_failed_jcl_error(&job.name));
    }
    run.result
}

/// [`run_job_logged`] with a [`StepRunner`] (such as [`JobSteps`](crate::JobSteps)) running
/// each step.
pub fn run_job_with(job: &Job, runner: &mut dyn StepRunner) -> JobResult {
    run_job_logged(job, &mut |step, log| runner.run(job, step, log))
}

/// Where the JOB statement's COND tests stand.
#[derive(Clone, Copy, PartialEq, Eq)]
enum JobCond {
    /// No test satisfied yet.
    Testing,
    /// A test was satisfied; `IEF201I` is still to be printed for the first step not run.
    Ended,
    /// A test was satisfied and `IEF201I` was printed.
    Reported,
}

/// What the IF constructs around a step say.
#[derive(Clone, Copy)]
enum Gate {
    /// Every enclosing IF lets the step run; `abend_if` when one of them tests ABEND.
    Open { abend_if: bool },
    /// The IF statement numbered `statement` skips the step.
    Closed { statement: usize },
}

/// A job being run.
struct Run<'a> {
    job: &'a Job,
    exec: &'a mut dyn FnMut(&Step, &mut Vec<String>) -> StepResult,
    result: JobResult,
    job_cond: JobCond,
}

impl Run<'_> {
    fn items(&mut self, items: &[JobItem], gate: Gate) {
        for item in items {
            if self.result.jcl_error {
                // A JCL error ends the job: later steps are neither run nor listed.
                return;
            }
            match item {
                JobItem::Step(step) => self.step(step, gate),
                JobItem::If {
                    condition,
                    then_items,
                    else_items,
                    statement,
                    ..
                } => {
                    let (then_gate, else_gate) = match gate {
                        Gate::Open { abend_if } => {
                            let holds = condition.evaluate(&self.result.steps);
                            let closed = Gate::Closed {
                                statement: *statement,
                            };
                            let open = Gate::Open {
                                abend_if: abend_if || condition.tests_abend(),
                            };
                            if holds {
                                (open, closed)
                            } else {
                                (closed, open)
                            }
                        }
                        closed => (closed, closed),
                    };
                    self.items(then_items, then_gate);
                    self.items(else_items, else_gate);
                }
            }
        }
    }

    /// Records a step that did not run, after its job-log lines.
    fn not_run(&mut self, name: String, program: String, lines: Vec<String>) {
        self.result.job_log.extend(lines);
        self.result.steps.push(StepRecord {
            name,
            program,
            outcome: StepOutcome::NotRun,
        });
    }

    fn step(&mut self, step: &Step, gate: Gate) {
        let job = self.job.name.as_str();
        let name = step.name.clone().unwrap_or_default();
        let program = step
            .program
            .clone()
            .or_else(|| step.procedure.clone())
            .unwrap_or_default();
        let not_executed = messages::step_not_executed(job, &name);
        match self.job_cond {
            JobCond::Testing => {}
            JobCond::Ended => {
                self.job_cond = JobCond::Reported;
                let ended = messages::job_terminated_condition_codes(job, &name);
                return self.not_run(name, program, vec![ended, not_executed]);
            }
            JobCond::Reported => return self.not_run(name, program, vec![not_executed]),
        }
        let abend_if = match gate {
            Gate::Closed { statement } => {
                let skipped = messages::not_run_conditional_expression(job, &name, statement);
                return self.not_run(name, program, vec![skipped, not_executed]);
            }
            Gate::Open { abend_if } => abend_if,
        };
        let first = self.result.steps.is_empty();
        let none = StepCond::default();
        let cond = step.cond.as_ref().unwrap_or(&none);
        match cond.decide(&self.result.steps, first, abend_if) {
            Decision::Run => {}
            Decision::Bypass => {
                let bypassed = messages::not_run_condition_codes(job, &name);
                return self.not_run(name, program, vec![bypassed, not_executed]);
            }
            Decision::Flush => return self.not_run(name, program, vec![not_executed]),
        }
        let r = (self.exec)(step, &mut self.result.job_log);
        match r {
            StepResult::NotExecuted => {
                self.result.jcl_error = true;
                return self.not_run(name, program, vec![not_executed]);
            }
            StepResult::Completed(rc) => {
                self.result.max_cc = self.result.max_cc.max(rc);
                self.result
                    .job_log
                    .push(messages::step_executed(job, &name, rc));
            }
            StepResult::Abend { system, user } => {
                self.result.max_cc = self.result.max_cc.max(12);
                let code = match (system, user) {
                    (Some(s), _) => format!("S{s:03X}"),
                    (None, Some(u)) => format!("U{u:04}"),
                    _ => "S000".into(),
                };
                self.result.job_log.push(messages::abend(job, &name, &code));
            }
        }
        self.result.steps.push(StepRecord {
            name,
            program,
            outcome: StepOutcome::Ran(r),
        });
        if self
            .job
            .cond
            .iter()
            .any(|t| t.satisfied(&self.result.steps))
        {
            self.job_cond = JobCond::Ended;
        }
    }
}

//! The JCL reader and the IF/THEN/ELSE runner: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(job) = racemu_jcl::parse_job(&text) {
        let mut rc = 0;
        let _ = racemu_jcl::run_job(&job, &mut |step| {
            rc = (rc + 4) % 16;
            let _ = step.input("SYSTSIN");
            racemu_jcl::StepResult::Completed(rc)
        });
    }
});

//! Deterministic mutation runs over the fuzz corpus (fuzz/corpus): the TSO parser, the JCL
//! reader and certificate import never panic. The coverage-guided fuzzers (`cargo +nightly
//! fuzz run …`, see fuzz/) go further; findings are kept here as regression inputs.

use racemu_mutation::Mutator;

fn corpus(target: &str) -> Vec<Vec<u8>> {
    racemu_mutation::files(&format!("fuzz/corpus/{target}"))
}

#[test]
fn tso_parser_survives_mutations() {
    let mut mutator = Mutator::new(0x9e3779b97f4a7c15, &[]);
    let seeds = corpus("tso_parse");
    for data in mutator.mutations(&seeds, 3000) {
        let text = String::from_utf8_lossy(&data);
        let records: Vec<&str> = text.lines().collect();
        for cmd in racemu_tso::logical_commands(&records) {
            let _ = racemu_command::parse(&cmd.text);
        }
    }
}

#[test]
fn jcl_reader_survives_mutations() {
    let mut mutator = Mutator::new(0x2545f4914f6cdd1d, &[]);
    let seeds = corpus("jcl_reader");
    for data in mutator.mutations(&seeds, 1500) {
        if let Ok(job) = racemu_jcl::parse_job(&String::from_utf8_lossy(&data)) {
            let _ = racemu_jcl::run_job(&job, &mut |s| {
                let _ = s.input("SYSTSIN");
                racemu_jcl::StepResult::Completed(4)
            });
        }
    }
}

#[test]
fn certificate_import_survives_mutations() {
    let mut mutator = Mutator::new(0xdeadbeefcafef00d, &[]);
    let seeds = corpus("cert_import");
    assert!(seeds.len() >= 5);
    for data in mutator.mutations(&seeds, 1500) {
        let _ = racemu_pki::parse_certificate(&data);
        let _ = racemu_pki::decode_package(&data, Some("secret"));
        let _ = racemu_pki::parse_pkcs10(&data);
    }
}

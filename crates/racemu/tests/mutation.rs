//! Deterministic mutation runs over the fuzz corpus (fuzz/corpus): the TSO parser, the JCL
//! reader and certificate import never panic. The coverage-guided fuzzers (`cargo +nightly
//! fuzz run …`, see fuzz/) go further; findings are kept here as regression inputs.

mod common;
use common::root;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = root().join("fuzz/corpus").join(target);
    let mut v: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(|e| e.ok())
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    v.sort();
    v
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    let interesting: &[&[u8]] = &[
        b"(", b")", b"'", b"+", b"-", b"/*", b"*/", b"&", b"..", b"//", b"\n", b",", b"\xff", b"0",
    ];
    for _ in 0..=rng.below(8) {
        if v.is_empty() {
            v.extend_from_slice(interesting[rng.below(interesting.len())]);
            continue;
        }
        let at = rng.below(v.len());
        match rng.below(5) {
            0 => v[at] = (rng.next() & 0xff) as u8,
            1 => {
                let s = interesting[rng.below(interesting.len())];
                v.splice(at..at, s.iter().copied());
            }
            2 => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(64)).min(v.len());
                let chunk: Vec<u8> = v[at..end].to_vec();
                v.splice(at..at, chunk);
            }
            _ => v.truncate(at),
        }
    }
    v
}

#[test]
fn tso_parser_survives_mutations() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let seeds = corpus("tso_parse");
    for i in 0..3000 {
        let data = mutate(&mut rng, &seeds[i % seeds.len()]);
        let text = String::from_utf8_lossy(&data);
        let records: Vec<&str> = text.lines().collect();
        for cmd in racemu_tso::logical_commands(&records) {
            let _ = racemu_command::parse(&cmd.text);
        }
    }
}

#[test]
fn jcl_reader_survives_mutations() {
    let mut rng = Rng(0x2545f4914f6cdd1d);
    let seeds = corpus("jcl_reader");
    for i in 0..1500 {
        let data = mutate(&mut rng, &seeds[i % seeds.len()]);
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
    let mut rng = Rng(0xdeadbeefcafef00d);
    let seeds = corpus("cert_import");
    assert!(seeds.len() >= 5);
    for i in 0..1500 {
        let data = mutate(&mut rng, &seeds[i % seeds.len()]);
        let _ = racemu_pki::parse_certificate(&data);
        let _ = racemu_pki::decode_package(&data, Some("secret"));
        let _ = racemu_pki::parse_pkcs10(&data);
    }
}

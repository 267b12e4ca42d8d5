//! The engine generates keys and signs from the randomness source in its `Config`: seeded,
//! two stores given the same commands hold the same keys and the same certificates (RSA and
//! ECDSA signatures alike); from the OS (the default), new keys every run.

use racemu_engine::{Clock, Config, Engine, Output};
use racemu_pki::Randomness;
use racemu_store::Store;
use time::macros::datetime;

fn engine(randomness: Randomness) -> Engine {
    Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-11-25 10:00 UTC)),
        Config {
            randomness,
            ..Config::default()
        },
    )
}

fn ok(e: &mut Engine, cmd: &str) -> Output {
    let o = e.execute("IBMUSER", cmd);
    assert!(o.rc == 0, "{cmd}\n -> rc {} {:?}", o.rc, o.lines);
    o
}

/// A CA, a server certificate it signs, self-signed EC certificates and REKEYs; the LIST of
/// both owners' certificates (fingerprints included).
fn run(randomness: Randomness) -> Vec<String> {
    let mut e = engine(randomness);
    for cmd in [
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Seed CA')) SIZE(2048) WITHLABEL('CA') NOTAFTER(DATE(2030-01-01))",
        "RACDCERT ID(IBMUSER) GENCERT SUBJECTSDN(CN('web')) SIZE(1024) WITHLABEL('web') SIGNWITH(CERTAUTH LABEL('CA')) NOTAFTER(DATE(2028-01-01))",
        "RACDCERT ID(IBMUSER) REKEY(LABEL('web')) WITHLABEL('web2')",
        "RACDCERT ID(IBMUSER) GENCERT SUBJECTSDN(CN('ec')) NISTECC SIZE(384) WITHLABEL('ec') NOTAFTER(DATE(2028-01-01))",
        "RACDCERT ID(IBMUSER) REKEY(LABEL('ec')) WITHLABEL('ec2') NISTECC SIZE(521)",
    ] {
        ok(&mut e, cmd);
    }
    let mut lines = ok(&mut e, "RACDCERT CERTAUTH LIST").lines;
    lines.extend(ok(&mut e, "RACDCERT ID(IBMUSER) LIST").lines);
    lines
}

#[test]
fn a_seeded_engine_issues_the_same_certificates_twice() {
    let a = run(Randomness::seeded_u64(2026));
    assert_eq!(a, run(Randomness::seeded_u64(2026)));
    assert_ne!(a, run(Randomness::seeded_u64(2027)));
}

#[test]
fn the_default_engine_makes_new_keys_each_run() {
    assert_eq!(Config::default().randomness, Randomness::os());
    assert_ne!(run(Randomness::os()), run(Randomness::os()));
}

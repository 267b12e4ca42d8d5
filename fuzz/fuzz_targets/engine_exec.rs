//! SYSTSIN records → commands → the engine, executed on an in-memory store with a fixed
//! clock: every input ends in messages and a return code, never a panic, and the store stays
//! consistent (every command one transaction).
#![no_main]
use libfuzzer_sys::fuzz_target;
use racemu_engine::{Clock, Config, Engine};
use racemu_store::Store;

/// Commands run per input at most: enough for a deck's worth of setup and use.
const MAX_COMMANDS: usize = 64;

fuzz_target!(|data: &[u8]| {
    let Ok(store) = Store::open_in_memory() else {
        return;
    };
    let now = time::macros::datetime!(2026-11-25 10:00 UTC);
    let mut engine = Engine::new(store, Clock::Fixed(now), Config::default());
    let text = String::from_utf8_lossy(data);
    let records: Vec<&str> = text.lines().collect();
    let commands = racemu_tso::logical_commands(&records);
    for (i, cmd) in commands.iter().take(MAX_COMMANDS).enumerate() {
        // Alternate a SPECIAL issuer with an ordinary one so authority paths run too.
        let issuer = if i % 3 == 2 { "FUZZUSR" } else { "IBMUSER" };
        let out = engine.execute(issuer, &cmd.text);
        assert!(out.rc <= 16, "rc {} for {:?}", out.rc, cmd.text);
    }
    let health = engine.store().read(racemu_store::health::check);
    let health = health.expect("the store answers its own check");
    assert_eq!(health.integrity, "ok");
    assert_eq!(health.dangling_connections, 0);
});

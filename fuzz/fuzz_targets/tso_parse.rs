//! SYSTSIN records → logical commands → typed commands: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let records: Vec<&str> = text.lines().collect();
    for cmd in racemu_tso::logical_commands(&records) {
        let _ = racemu_command::parse(&cmd.text);
    }
});

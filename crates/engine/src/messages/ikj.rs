//! The TSO parse message the engine itself raises: `IKJ56702I INVALID <what>, <value>` for an
//! operand the grammar accepted but RACF's rules refuse (a label, date, ring name, data set
//! name or IP address), RC 12. Its ID and text are the command crate's catalogue's, which
//! renders the same message for the values the grammar refuses.

use super::Message;
use racemu_command::messages::{invalid_value_text, IKJ56702I, PARSE_RC};

/// IKJ56702I for `value` of operand `what`, RC 12.
fn ikj56702i(what: &str, value: &str) -> Message {
    Message::new(IKJ56702I, invalid_value_text(what, value), PARSE_RC)
}

/// IKJ56702I INVALID LABEL.
pub fn invalid_label(label: &str) -> Message {
    ikj56702i("LABEL", label)
}

/// IKJ56702I INVALID RING NAME.
pub fn invalid_ring_name(name: &str) -> Message {
    ikj56702i("RING NAME", name)
}

/// IKJ56702I INVALID DATA SET NAME (the name shown in apostrophes).
pub fn invalid_dsname(name: &str) -> Message {
    ikj56702i("DATA SET NAME", &format!("'{name}'"))
}

/// IKJ56702I INVALID DATE (`yyyy-mm-dd`).
pub fn invalid_date(d: (i32, u8, u8)) -> Message {
    // Not a calendar date (that is why it is invalid), so `time::Date` cannot hold it.
    ikj56702i("DATE", &format!("{:04}-{:02}-{:02}", d.0, d.1, d.2))
}

/// IKJ56702I INVALID TIME (`hh:mm:ss`).
pub fn invalid_time(t: (u8, u8, u8)) -> Message {
    // Not a time of day (that is why it is invalid), so `time::Time` cannot hold it.
    ikj56702i("TIME", &format!("{:02}:{:02}:{:02}", t.0, t.1, t.2))
}

/// IKJ56702I INVALID Internet Protocol (IP) Address.
pub fn invalid_ip(ip: &str) -> Message {
    ikj56702i("Internet Protocol (IP) Address", ip)
}

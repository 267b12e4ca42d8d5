//! The doctor's date policy: the limits its certificate findings and its fixes share.

/// Days before the end date from which `expires-soon` warns.
pub(crate) const SOON_DAYS: i64 = 30;

/// The longest validity the CA/Browser Forum allows a TLS server certificate (398 days); a
/// new one gets 397, a day to spare.
pub(crate) const MAX_SERVER_DAYS: i64 = 398;

//! Key rings for other tools: the application view of a RACF key ring, as a z/OS server sees
//! it through R_datalib (`safkeyring://OWNER/RING`), and the ring as a PEM bundle, a PKCS#12
//! keystore or rustls configurations.
#![deny(missing_docs)]

mod advice;
mod decision;
pub mod doctor;
mod export;
mod listing;
mod operand;
mod probe;
mod reference;
mod refresh;
mod tls;
mod view;

pub use decision::Decision;
pub use listing::{KeyRelease, ListedEntry, RingListing, Validity};
pub use probe::{probe, probe_with, CLIENTS};
pub use reference::{RingRef, SCHEMES};
pub use rustls;
pub use tls::{ClientAuth, TlsError};
pub use view::{open_ring, AccessPath, DatalibError, RingEntry, RingView, StatusFilter};

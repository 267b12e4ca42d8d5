//! Key rings for other tools: the application view of a RACF key ring, as a z/OS server sees
//! it through R_datalib (`safkeyring://OWNER/RING`), and the ring as a PEM bundle, a PKCS#12
//! keystore or rustls configurations.
#![deny(missing_docs)]

pub mod doctor;
mod export;
mod listing;
mod logons;
mod messages;
mod operand;
mod probe;
mod reference;
mod tls;

pub use export::Export;
pub use listing::{KeyRelease, ListedEntry, Listing, RingListing, Validity};
pub use logons::{ClientLogons, RacfLogons};
pub use messages::rcm215w_no_ca_for_clients;
pub use probe::{probe, probe_with, CLIENTS};
pub use racemu_engine::datalib::{
    AccessPath, DatalibError, Decision, RingEntry, RingView, StatusFilter,
};
pub use reference::{RingRef, SCHEMES};
pub use rustls;
pub use tls::{ClientAuth, TlsConfigs, TlsError};

/// Opens the ring `r` names as `caller` would through R_datalib. The rules (who opens which
/// ring, whose private keys are released, what NOTRUST hides) are the engine's
/// ([`racemu_engine::datalib`]); this only hands it the parsed reference.
pub fn open_ring(
    store: &mut racemu_store::Store,
    caller: &str,
    r: &RingRef,
    filter: StatusFilter,
) -> Result<RingView, DatalibError> {
    racemu_engine::datalib::open_ring(store, caller, r.owner.as_deref(), &r.ring, filter)
}

//! What every z/OSMF handler shares: the axum state.

use crate::logon_cache::LogonCache;
use crate::sessions::Sessions;
use crate::Backend;
use racemu_engine::authority::address_space::AddressSpace;
use racemu_engine::maps::logon::LogonServer;
use std::sync::{Arc, Mutex};

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The store and the programs.
    pub backend: Backend,
    /// The port listened on, for `/zosmf/info`.
    pub port: u16,
    /// TSO address spaces started through the address-space API.
    pub tso: Sessions,
    /// Recent good logons.
    pub logons: LogonCache,
    /// The server's in-storage generic data set profiles: the server is one long-lived
    /// address space, which sees new generic profiles only after SETROPTS
    /// GENERIC(DATASET) REFRESH ([`AddressSpace`]).
    pub datasets: Arc<Mutex<AddressSpace>>,
    /// Who the server is to RACF when it logs clients on with their certificates; `None`
    /// when it asks for none (`--client-auth none`).
    pub certificates: Option<Arc<LogonServer>>,
}

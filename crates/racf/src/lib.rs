//! RACF's nouns, defined once for every racemu crate: who owns a certificate ([`Owner`]),
//! the user a certificate name filter maps to ([`MapOwner`]) and the filter itself
//! ([`NameFilter`]), its trust status ([`TrustStatus`]), how a ring uses it ([`Usage`]) and the access levels
//! of resource profiles ([`Access`]), and what a new certificate carries ([`KeyAlgorithm`],
//! [`KeyUsage`], [`AltNames`]), who a user is ([`UserId`]) and where data lives ([`DsName`], a
//! data set or PDS member). [`syntax`] holds the shape these names share and RACF's operand
//! quoting.
//!
//! Each type knows its RACF keyword (`keyword()` / `from_keyword()`), the text RACF prints and
//! the text the store keeps. The crate depends on no other racemu crate: the parser, the PKI
//! layer, the store and the engine all name these types, and none converts between copies.
#![deny(missing_docs)]

mod access;
mod cert;
mod dsname;
mod map;
mod owner;
mod status;
pub mod syntax;
mod userid;

pub use access::Access;
pub use cert::{AltNames, KeyAlgorithm, KeyUsage};
pub use dsname::DsName;
pub use map::{split_rdns, FilterError, MapOwner, NameFilter, FILTER_PREFIXES};
pub use owner::Owner;
pub use status::{TrustStatus, Usage};
pub use syntax::quoted;
pub use userid::UserId;

//! The ways a client certificate issued by one CA can map to a user ID, for a server that
//! logs clients on with their certificates (AT-TLS `ClientAuthType SAFCheck`, z/OSMF): the
//! three routes of RACF's lookup ([`super::lookup`]) seen from the CA's side. When none is
//! open, every certificate that CA signs is refused, whatever the client.

use racemu_racf::{split_rdns, Owner, TrustStatus};
use racemu_store::maps;
use racemu_store::{certs, profiles, StoreResult, Tx};

/// What could map a certificate issued by one CA.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MappingRoutes {
    /// User certificates signed by the CA registered TRUST or HIGHTRUST: (user, label).
    pub registered: Vec<(String, String)>,
    /// Whether DIGTNMAP is active (name filters count only then).
    pub filters_active: bool,
    /// TRUST name filters a certificate from the CA can match, as `USER.label` (`irrmulti`
    /// for MULTIID): those with no issuer filter, or one equal to the CA's name or to a
    /// less specific part of it. Listed whether or not DIGTNMAP is active.
    pub filters: Vec<String>,
    /// Whether the CA is HIGHTRUST, so that a hostIdMappings extension in the certificates it
    /// signs can name a user.
    pub hightrust: bool,
}

impl MappingRoutes {
    /// Whether some certificate the CA signs can map to a user.
    pub fn any(&self) -> bool {
        !self.registered.is_empty()
            || (self.filters_active && !self.filters.is_empty())
            || self.hightrust
    }
}

/// The routes for certificates issued by the CA whose subject is `ca_subject` (RACF's dotted
/// form) and whose trust status is `ca_status`.
pub fn mapping_routes(
    tx: &Tx<'_>,
    ca_subject: &str,
    ca_status: TrustStatus,
) -> StoreResult<MappingRoutes> {
    let registered = certs::by_issuer(tx, ca_subject)?
        .into_iter()
        .filter(|c| c.status != TrustStatus::NoTrust)
        .filter_map(|c| match c.owner {
            Owner::User(u) => Some((u, c.label)),
            _ => None,
        })
        .collect();
    let options = profiles::class_options(tx, "DIGTNMAP")?;
    let rdns = split_rdns(ca_subject);
    let parts: Vec<String> = (0..rdns.len()).map(|k| rdns[k..].join(".")).collect();
    let filters = maps::all(tx, options.raclisted)?
        .into_iter()
        .filter(|m| m.status != TrustStatus::NoTrust)
        .filter(|m| {
            m.issuer
                .as_ref()
                .is_none_or(|f| parts.iter().any(|p| p == f.as_str()))
        })
        .map(|m| m.profile_name())
        .collect();
    Ok(MappingRoutes {
        registered,
        filters_active: options.active,
        filters,
        hightrust: ca_status == TrustStatus::HighTrust,
    })
}

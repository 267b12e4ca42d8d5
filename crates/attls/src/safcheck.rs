//! The doctor's finding for `ClientAuthType SAFCheck`: AT-TLS then admits only a client whose
//! certificate maps to a user ID (authentication level 2), so a rule whose ring trusts CAs
//! whose certificates cannot map refuses every such client however good its certificate.
//! The routes themselves are RACF's ([`racemu_engine::maps::routes`]).

use crate::model::{ClientAuthType, HandshakeRole};
use crate::resolve::Effective;
use racemu_engine::maps::routes::{mapping_routes, MappingRoutes};
use racemu_keyring::doctor::{Finding, Severity};
use racemu_keyring::RingView;
use racemu_racf::{Owner, Usage};
use racemu_store::Store;

/// `attls-safcheck-no-mapping` for each CERTAUTH certificate of `ring` whose certificates
/// cannot map to a user ID, when rule `e` is a SAFCheck server: an error when no CA of the
/// ring has a route, else a warning. The ring's own PERSONAL certificates (the server's) are
/// not counted as a client's route. Nothing for other rules, or when the store cannot be
/// read.
pub fn findings(store: &Store, e: &Effective, ring: &RingView) -> Vec<Finding> {
    if e.role != HandshakeRole::ServerWithClientAuth || e.client_auth.0 != ClientAuthType::SafCheck
    {
        return Vec::new();
    }
    let cas: Vec<(&racemu_keyring::RingEntry, MappingRoutes)> = ring
        .entries
        .iter()
        .filter(|x| x.usage == Usage::CertAuth)
        .filter_map(|x| {
            let subject = x.info.subject.racf_dotted();
            let mut routes = store
                .read(|tx| mapping_routes(tx, &subject, x.status))
                .ok()?;
            routes.registered.retain(|(user, label)| {
                !ring.entries.iter().any(|p| {
                    p.is_personal() && p.label == *label && p.owner == Owner::User(user.clone())
                })
            });
            Some((x, routes))
        })
        .collect();
    let severity = if cas.iter().any(|(_, r)| r.any()) {
        Severity::Warning
    } else {
        Severity::Error
    };
    cas.iter()
        .filter(|(_, r)| !r.any())
        .map(|(ca, r)| no_mapping(e, ring, ca, r, severity))
        .collect()
}

fn no_mapping(
    e: &Effective,
    ring: &RingView,
    ca: &racemu_keyring::RingEntry,
    r: &MappingRoutes,
    severity: Severity,
) -> Finding {
    let subject = ca.info.subject.racf_dotted();
    let filters = if r.filters.is_empty() {
        "no certificate name filter (RACDCERT MAP) matches the certificates it signs".to_string()
    } else {
        format!(
            "DIGTNMAP is not active, so the name filters {} are not used",
            r.filters.join(", ")
        )
    };
    let line = e
        .client_auth
        .1
        .map(|l| format!(" (line {l})"))
        .unwrap_or_default();
    let message = format!(
        "TTLSRule {}: ClientAuthType SAFCheck{line} admits only a client certificate that maps to a user ID, and no certificate signed by CA '{}' ({subject}) in ring {}/{} can: no user certificate it signed is registered, {filters}, and it is not HIGHTRUST (hostIdMappings).",
        e.rule, ca.label, ring.owner, ring.name
    );
    let mut fix = vec![format!(
        "RACDCERT ID(<client user>) MAP SDNFILTER('<client certificate subject>') IDNFILTER('{subject}') WITHLABEL('<label>')"
    )];
    if !r.filters_active {
        fix.push("SETROPTS CLASSACT(DIGTNMAP) RACLIST(DIGTNMAP)".to_string());
    } else {
        fix.push("SETROPTS RACLIST(DIGTNMAP) REFRESH".to_string());
    }
    Finding {
        severity,
        code: "attls-safcheck-no-mapping",
        label: Some(ca.label.clone()),
        message,
        fix,
    }
}

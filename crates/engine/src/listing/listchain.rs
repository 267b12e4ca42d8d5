//! RACDCERT LISTCHAIN: each certificate of a chain as LIST shows it, then the chain summary
//! (reference §5.3, §12.7).

use super::{cert_block, cert_header, ring_associations, CertView};

/// A certificate and the issuers RACF has for it, as LISTCHAIN shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainView {
    /// The certificate first, then each issuer.
    pub certs: Vec<CertView>,
    /// The chain ends in a self-signed certificate.
    pub complete: bool,
    /// Some certificate of the chain has expired.
    pub expired: bool,
    /// Some certificate of the chain is NOTRUST.
    pub notrust: bool,
    /// The rings every certificate of the chain is connected to: (ring owner, ring name).
    pub common_rings: Vec<(String, String)>,
}

/// `Chain information:` and the summary lines, shared with CHECKCERT.
pub(crate) fn chain_summary(count: usize, complete: bool, expired: bool) -> Vec<String> {
    let mut out = vec![
        "Chain information:".to_string(),
        format!(
            "  Chain contains {count} certificate(s), chain is {}",
            if complete { "complete" } else { "incomplete" }
        ),
    ];
    if expired {
        out.push("  Chain contains expired certificate(s)".into());
    }
    out
}

/// A whole LISTCHAIN listing.
pub fn listchain(chain: &ChainView) -> Vec<String> {
    let mut out = Vec::new();
    for (i, c) in chain.certs.iter().enumerate() {
        out.push(format!("Certificate {}:", i + 1));
        out.push(cert_header(&c.owner));
        out.extend(cert_block(c));
        out.push(String::new());
    }
    out.extend(chain_summary(
        chain.certs.len(),
        chain.complete,
        chain.expired,
    ));
    if chain.notrust {
        out.push("  Chain contains NOTRUST certificate(s)".into());
    }
    out.extend(ring_associations(&chain.common_rings));
    out.push(String::new());
    out
}

//! RACDCERT CHECKCERT: the certificates of a data set, each as LIST shows it when RACF holds
//! it (and the issuer may list it) or its details alone otherwise, then the chain summary
//! (reference §1.4, §12.7).

use super::listchain::chain_summary;
use super::{cert_block, cert_details, cert_header, CertDetails, CertView};

/// One certificate of the data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckedCert {
    /// RACF holds it and the issuer may list it: shown as LIST shows it.
    InRacf(CertView),
    /// Not in RACF (or not listable): its details only.
    Outside(CertDetails),
}

/// What CHECKCERT found in a data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckCertView {
    /// The certificates in the data set's order.
    pub certs: Vec<CheckedCert>,
    /// The last certificate is self-signed.
    pub complete: bool,
    /// Some certificate has expired.
    pub expired: bool,
}

/// A whole CHECKCERT listing.
pub fn checkcert(v: &CheckCertView) -> Vec<String> {
    let mut out = Vec::new();
    for (i, c) in v.certs.iter().enumerate() {
        out.push(format!("Certificate {}:", i + 1));
        match c {
            CheckedCert::InRacf(view) => {
                out.push(cert_header(&view.owner));
                out.extend(cert_block(view));
            }
            CheckedCert::Outside(details) => out.extend(cert_details(details, None)),
        }
        out.push(String::new());
    }
    out.extend(chain_summary(v.certs.len(), v.complete, v.expired));
    out.push(String::new());
    out
}

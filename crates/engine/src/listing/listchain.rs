//! RACDCERT LISTCHAIN: each certificate of a chain as LIST shows it, then the chain summary
//! (RACF Command Language Reference, RACDCERT LISTCHAIN, le-listch.htm; Security
//! Administrator's Guide, "Examples of listing digital certificate chain information").

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::{cert_details, list::CertDetails, ring_associations, trimmed};
    use racemu_racf::Owner;
    use time::macros::datetime;

    fn cert(owner: Owner, label: &str, issuer: &str, subject: &str) -> CertView {
        CertView {
            owner,
            label: label.into(),
            status: racemu_racf::TrustStatus::Trust,
            details: CertDetails {
                not_before: datetime!(2026-01-01 00:00:00 UTC),
                not_after: datetime!(2027-01-01 23:59:59 UTC),
                serial: vec![1],
                issuer: issuer.into(),
                subject: subject.into(),
                alt_names: Vec::new(),
                signature_algorithm: "sha256RSA".into(),
                key_usage: None,
                key_type: "RSA".into(),
                key_size: 2048,
                fingerprint: [0; 32],
            },
            private_key: false,
            rings: vec![("CHOI".into(), "testring".into())],
        }
    }

    /// A whole LISTCHAIN of a certificate and its CERTAUTH issuer, in the layout of IBM's
    /// example ("Examples of listing digital certificate chain information",
    /// https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/ExamplesOfListingDigitalCertificateChainInformation.htm),
    /// whose published copy is hand-edited and cut short, so the expected lines are built from the
    /// LIST blocks the chain shows.
    #[test]
    fn whole_listchain() {
        let leaf = cert(
            Owner::User("CHOI".into()),
            "samplecert",
            "CN=sampleCA",
            "CN=samplecert",
        );
        let ca = cert(Owner::CertAuth, "sampleCA", "CN=sampleCA", "CN=sampleCA");
        let chain = ChainView {
            certs: vec![leaf.clone(), ca.clone()],
            complete: true,
            expired: false,
            notrust: true,
            common_rings: vec![("CHOI".into(), "testring".into())],
        };
        let mut want = vec![
            "Certificate 1:".to_string(),
            "Digital certificate information for user CHOI:".into(),
        ];
        want.extend(cert_block(&leaf));
        want.push(String::new());
        want.push("Certificate 2:".into());
        want.push("Digital certificate information for CERTAUTH:".into());
        want.extend(cert_block(&ca));
        want.push(String::new());
        want.extend(
            [
                "Chain information:",
                "  Chain contains 2 certificate(s), chain is complete",
                "  Chain contains NOTRUST certificate(s)",
                "  Ring Associations:",
                "    Ring Owner: CHOI",
                "    Ring:",
                "       >testring<",
                "",
            ]
            .map(String::from),
        );
        assert_eq!(trimmed(&listchain(&chain)), trimmed(&want));
        assert_eq!(
            cert_block(&leaf)[3..],
            {
                let mut d = cert_details(&leaf.details, Some(false));
                d.extend(ring_associations(&leaf.rings));
                d
            }[..]
        );
    }
}

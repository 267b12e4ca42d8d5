//! The parts of a certificate the doctor reads that RACF's LIST does not show: the raw
//! keyUsage bits, extendedKeyUsage, basicConstraints and the subject's attributes.

use der::Decode;
use x509_cert::certificate::Certificate;
use x509_cert::ext::pkix::{BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsages};

/// id-kp-serverAuth (RFC 5280, 4.2.1.12).
const SERVER_AUTH: &str = "1.3.6.1.5.5.7.3.1";
/// anyExtendedKeyUsage (RFC 5280, 4.2.1.12).
const ANY_EKU: &str = "2.5.29.37.0";

/// What the doctor needs of one certificate's extensions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Extensions {
    /// keyUsage is present.
    pub key_usage: bool,
    /// keyUsage digitalSignature.
    pub digital_signature: bool,
    /// keyUsage keyEncipherment.
    pub key_encipherment: bool,
    /// keyUsage keyCertSign.
    pub key_cert_sign: bool,
    /// extendedKeyUsage, as dotted OIDs; `None` without the extension.
    pub eku: Option<Vec<String>>,
    /// basicConstraints is present.
    pub basic_constraints: bool,
    /// basicConstraints cA.
    pub ca: bool,
}

impl Extensions {
    /// Reads `der`; a certificate that does not parse has no extensions.
    pub(crate) fn of(der: &[u8]) -> Extensions {
        let Ok(cert) = Certificate::from_der(der) else {
            return Extensions::default();
        };
        let tbs = &cert.tbs_certificate;
        let mut e = Extensions::default();
        if let Ok(Some((_, ku))) = tbs.get::<KeyUsage>() {
            e.key_usage = true;
            e.digital_signature = ku.0.contains(KeyUsages::DigitalSignature);
            e.key_encipherment = ku.0.contains(KeyUsages::KeyEncipherment);
            e.key_cert_sign = ku.0.contains(KeyUsages::KeyCertSign);
        }
        if let Ok(Some((_, eku))) = tbs.get::<ExtendedKeyUsage>() {
            e.eku = Some(eku.0.iter().map(|o| o.to_string()).collect());
        }
        if let Ok(Some((_, bc))) = tbs.get::<BasicConstraints>() {
            e.basic_constraints = true;
            e.ca = bc.ca;
        }
        e
    }

    /// Whether extendedKeyUsage, when present, allows a TLS server.
    pub(crate) fn eku_allows_server(&self) -> bool {
        self.eku
            .as_ref()
            .is_none_or(|v| v.iter().any(|o| o == SERVER_AUTH || o == ANY_EKU))
    }
}

/// The subject's attributes that RACDCERT's SUBJECTSDN can write, as `(keyword, value)` in
/// RACF's display order (most specific first); other attributes are left out.
pub(crate) fn subject_attributes(der: &[u8]) -> Vec<(&'static str, String)> {
    racemu_pki::NameSpec::of_certificate(der)
        .0
        .into_iter()
        .map(|(tag, value)| (tag.keyword(), value))
        .collect()
}

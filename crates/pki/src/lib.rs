//! Keys, X.509 certificates, distinguished names and RACF Certificate IDs for racemu.
//!
//! Everything produced here is real: certificates are X.509 v3 signed with real keys, read
//! by openssl and keytool; everything read here comes from standard encodings (x509-cert,
//! der). No ASN.1 or Base64 codec is hand-written.
#![deny(missing_docs)]

mod cert;
mod dn;
mod ebcdic;
mod interchange;
mod key;
mod pkcs12;
mod randomness;
mod rcgen_glue;
mod request;
mod seeded_rsa;

pub use cert::{
    host_id_mappings, issue_certificate, issue_certificate_for_name, parse_certificate,
    verify_issued_by, AltNameKind, CertTemplate, CertificateInfo, SignWith,
};
pub use dn::{DistinguishedName, DnTag, NameSpec};
pub use ebcdic::to_ebcdic_cp037;
pub use interchange::{
    base64_lines, decode_package, export_keystore_der, export_pkcs12_der, export_pkcs7_der,
    is_base64_pkcs12, pem_armour, KeystoreItem, Package, PackageError, Pkcs12Encryption,
};
pub use key::{KeyPair, KeySpec, KeyType};
pub use randomness::Randomness;
pub use request::{create_pkcs10, parse_pkcs10, RequestInfo};

use base64::Engine as _;

/// Upper-case hexadecimal, two digits per byte, as RACF shows serial numbers and values it
/// cannot show as text.
pub fn hex_upper(bytes: &[u8]) -> String {
    hex::encode_upper(bytes)
}

/// Upper-case hexadecimal byte pairs joined by `:`, as RACF shows fingerprints.
pub fn hex_colons(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| hex::encode_upper([*b]))
        .collect::<Vec<_>>()
        .join(":")
}

/// Errors from key and certificate handling. Messages never contain key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PkiError {
    /// racemu cannot do this (Brainpool, DSA, unusual sizes): no fake results.
    #[error("{0} is not supported")]
    Unsupported(String),
    /// A key could not be made or read.
    #[error("invalid key: {0}")]
    InvalidKey(String),
    /// Bytes that are not a certificate.
    #[error("not a valid certificate: {0}")]
    InvalidCertificate(String),
    /// A name that cannot be encoded.
    #[error("invalid name: {0}")]
    InvalidName(String),
    /// Signing or encoding failed.
    #[error("signing failed: {0}")]
    Signing(String),
}

/// RACF's Certificate ID (decoded from the IDs real LIST captures show; docs/sources.md): Base64 of
/// the EBCDIC (cp037) bytes X'D9' ‖ length of owner ‖ owner ‖ label, blank-padded (X'40') to a
/// multiple of 3 bytes.
///
/// `owner` is the stored owner: a user ID, `irrcerta` (CERTAUTH) or `irrsitec` (SITE).
pub fn certificate_id(owner: &str, label: &str) -> String {
    let owner_e = to_ebcdic_cp037(owner);
    let mut bytes = vec![0xD9, u8::try_from(owner_e.len()).unwrap_or(u8::MAX)];
    bytes.extend(owner_e);
    bytes.extend(to_ebcdic_cp037(label));
    while bytes.len() % 3 != 0 {
        bytes.push(0x40);
    }
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_upper_case_two_digits_a_byte() {
        assert_eq!(hex_upper(&[0x00, 0x0a, 0xff]), "000AFF");
        assert_eq!(hex_colons(&[0x00, 0x0a, 0xff]), "00:0A:FF");
        assert_eq!(hex_colons(&[]), "");
    }

    #[test]
    fn certificate_ids_match_real_systems() {
        assert_eq!(
            certificate_id("irrcerta", "zOSMFCA"),
            "2QiJmZmDhZmjganW4tTGw8FA"
        );
        assert_eq!(certificate_id("irrcerta", "MQ CA"), "2QiJmZmDhZmjgdTYQMPB");
        assert_eq!(certificate_id("WFCHOI", "ipcert2"), "2QbmxsPI1smJl4OFmaPy");
        assert_eq!(
            certificate_id("GTM", "GTM Certificate"),
            "2QPH49TH49RAw4WZo4mGiYOBo4VA"
        );
        assert_eq!(certificate_id("AN01X", "billtst"), "2QXB1fDx54KJk5OjoqNA");
    }
}

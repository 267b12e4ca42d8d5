//! The hostIdMappings extension (OID 1.3.18.0.2.18.1): pairs of a host name and the user ID
//! the certificate's subject has on that host, which RACF honours under conditions (Security
//! Administrator's Guide, hostIdMappings extension,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/dighost.htm>).
//!
//! ```text
//! HostIdMappings ::= SET OF HostIdMapping
//! HostIdMapping  ::= SEQUENCE { hostName IA5String, subjectID IA5String }
//! ```

use der::asn1::{Ia5String, ObjectIdentifier, SetOfVec};
use der::{Decode, Sequence, ValueOrd};
use x509_cert::certificate::Certificate;

/// The extension's OID.
pub const HOST_ID_MAPPINGS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.18.0.2.18.1");

#[derive(Debug, Clone, PartialEq, Eq, Sequence, ValueOrd)]
struct HostIdMapping {
    host_name: Ia5String,
    subject_id: Ia5String,
}

/// The (host name, subject ID) pairs of a certificate's hostIdMappings extension, in the
/// order encoded; empty without the extension or when it cannot be read. Never panics.
pub fn host_id_mappings(der: &[u8]) -> Vec<(String, String)> {
    let Ok(cert) = Certificate::from_der(der) else {
        return Vec::new();
    };
    let Some(exts) = &cert.tbs_certificate.extensions else {
        return Vec::new();
    };
    exts.iter()
        .filter(|e| e.extn_id == HOST_ID_MAPPINGS)
        .filter_map(|e| SetOfVec::<HostIdMapping>::from_der(e.extn_value.as_bytes()).ok())
        .flat_map(|set| set.into_vec())
        .map(|m| (m.host_name.to_string(), m.subject_id.to_string()))
        .collect()
}

//! PKCS#10 certification requests: GENREQ writes them (rcgen), GENCERT reads them.

use crate::cert::verify_signature;
use crate::interchange::candidates;
use crate::key::KeyPair;
use crate::rcgen_glue::{custom_extension, rcgen_name, same_der, RcgenSigner};
use crate::{PkiError, Randomness};
use der::asn1::SetOfVec;
use der::{Decode, Encode};
use x509_cert::certificate::Certificate;
use x509_cert::ext::Extension;
use x509_cert::name::Name;
use x509_cert::request::{CertReq, CertReqInfo, ExtensionReq, Version as ReqVersion};
use x509_cert::spki::SubjectPublicKeyInfoOwned;

/// What a request copies from the certificate: its subject, public key and these extensions.
struct RequestParts {
    subject: Name,
    public_key: SubjectPublicKeyInfoOwned,
    extensions: Vec<Extension>,
}

fn request_parts(cert_der: &[u8]) -> Result<RequestParts, PkiError> {
    use const_oid::db::rfc5280 as ids;
    let cert =
        Certificate::from_der(cert_der).map_err(|e| PkiError::InvalidCertificate(e.to_string()))?;
    let tbs = cert.tbs_certificate;
    let keep = [
        ids::ID_CE_SUBJECT_ALT_NAME,
        ids::ID_CE_KEY_USAGE,
        ids::ID_CE_BASIC_CONSTRAINTS,
        ids::ID_CE_EXT_KEY_USAGE,
        ids::ID_CE_SUBJECT_KEY_IDENTIFIER,
    ];
    Ok(RequestParts {
        subject: tbs.subject,
        public_key: tbs.subject_public_key_info,
        extensions: tbs
            .extensions
            .unwrap_or_default()
            .into_iter()
            .filter(|e| keep.contains(&e.extn_id))
            .collect(),
    })
}

/// A PKCS#10 request for `cert_der`'s subject and public key, with its subjectAltName,
/// keyUsage, basicConstraints, extKeyUsage and subjectKeyIdentifier extensions (in the
/// certificate's order, in one extensionRequest attribute, none without them), signed with
/// `key` drawing on `randomness`.
pub fn create_pkcs10(
    cert_der: &[u8],
    key: &KeyPair,
    randomness: &Randomness,
) -> Result<Vec<u8>, PkiError> {
    let p = request_parts(cert_der)?;
    match request_with_rcgen(&p, key, randomness)? {
        Some(der) => Ok(der),
        None => request_with_x509_cert(p, key, randomness),
    }
}

/// The request written by rcgen; `None` when rcgen cannot hold the subject, or the key's
/// public key is not the certificate's (checked on the result).
fn request_with_rcgen(
    p: &RequestParts,
    key: &KeyPair,
    randomness: &Randomness,
) -> Result<Option<Vec<u8>>, PkiError> {
    let (Some(subject), Some(signer)) = (rcgen_name(&p.subject), RcgenSigner::new(key, randomness))
    else {
        return Ok(None);
    };
    let mut params = rcgen::CertificateParams::default();
    params.distinguished_name = subject;
    params.custom_extensions = p.extensions.iter().map(custom_extension).collect();
    let csr = params
        .serialize_request(&signer)
        .map_err(|e| PkiError::Signing(e.to_string()))?;
    let der = csr.der().to_vec();
    let Ok(req) = CertReq::from_der(&der) else {
        return Ok(None);
    };
    let exact = same_der(&req.info.subject, &p.subject)
        && same_der(&req.info.public_key, &p.public_key)
        && same_der(&req.info.attributes, &extension_attributes(&p.extensions)?);
    Ok(exact.then_some(der))
}

fn extension_attributes(
    exts: &[Extension],
) -> Result<SetOfVec<x509_cert::attr::Attribute>, PkiError> {
    let mut attributes = SetOfVec::new();
    if !exts.is_empty() {
        let attr = x509_cert::attr::Attribute::try_from(ExtensionReq(exts.to_vec()))
            .map_err(|e| PkiError::Signing(e.to_string()))?;
        attributes
            .insert(attr)
            .map_err(|e| PkiError::Signing(e.to_string()))?;
    }
    Ok(attributes)
}

/// The request assembled by x509-cert: for subjects rcgen cannot hold (a repeated or
/// multi-valued RDN).
fn request_with_x509_cert(
    p: RequestParts,
    key: &KeyPair,
    randomness: &Randomness,
) -> Result<Vec<u8>, PkiError> {
    let info = CertReqInfo {
        version: ReqVersion::V1,
        attributes: extension_attributes(&p.extensions)?,
        subject: p.subject,
        public_key: p.public_key,
    };
    let info_der = info
        .to_der()
        .map_err(|e| PkiError::Signing(e.to_string()))?;
    let sig = key.sign(&info_der, randomness)?;
    let req = CertReq {
        info,
        algorithm: key.signature_algorithm(),
        signature: der::asn1::BitString::from_bytes(&sig)
            .map_err(|e| PkiError::Signing(e.to_string()))?,
    };
    req.to_der().map_err(|e| PkiError::Signing(e.to_string()))
}

/// What a PKCS#10 request asks for.
#[derive(Debug, Clone)]
pub struct RequestInfo {
    /// Requested subject.
    pub subject: crate::DistinguishedName,
    /// The public key, SubjectPublicKeyInfo DER.
    pub spki_der: Vec<u8>,
}

/// Reads a PKCS#10 request (DER, Base64 or PEM) and verifies its signature.
pub fn parse_pkcs10(bytes: &[u8]) -> Result<RequestInfo, PkiError> {
    for cand in candidates(bytes) {
        if let Ok(req) = CertReq::from_der(&cand) {
            let info_der = req
                .info
                .to_der()
                .map_err(|e| PkiError::InvalidCertificate(e.to_string()))?;
            let sig = req.signature.as_bytes().unwrap_or_default();
            if !verify_signature(&info_der, sig, &req.algorithm.oid, &req.info.public_key) {
                return Err(PkiError::InvalidCertificate(
                    "the request's signature does not verify".into(),
                ));
            }
            return Ok(RequestInfo {
                subject: crate::DistinguishedName::from_name(&req.info.subject)?,
                spki_der: req
                    .info
                    .public_key
                    .to_der()
                    .map_err(|e| PkiError::InvalidCertificate(e.to_string()))?,
            });
        }
    }
    Err(PkiError::InvalidCertificate(
        "not a PKCS#10 certification request".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{issue_certificate, CertTemplate, DnTag, KeySpec, NameSpec, SignWith};
    use racemu_racf::{AltNames, KeyAlgorithm, KeyUsage};
    use time::macros::datetime;

    fn cert(key: &KeyPair, subject: NameSpec, alt: AltNames) -> Vec<u8> {
        let t = CertTemplate {
            serial: vec![0],
            subject,
            not_before: datetime!(2024-01-01 00:00:00 UTC),
            not_after: datetime!(2030-01-01 00:00:00 UTC),
            key_usage: Some(KeyUsage {
                handshake: true,
                ..KeyUsage::default()
            }),
            alt_names: alt,
            is_ca: true,
        };
        issue_certificate(
            &t,
            &key.public_key_spki_der(),
            SignWith::SelfSigned(key),
            &Randomness::os(),
        )
        .unwrap()
    }

    #[test]
    fn rcgen_writes_the_request_the_x509_builder_wrote() {
        let alt = AltNames {
            domain: Some("zos.example.com".into()),
            ..AltNames::default()
        };
        let subject = NameSpec(vec![(DnTag::Cn, "Zürich".into()), (DnTag::O, "IBM".into())]);
        for (algorithm, size) in [(KeyAlgorithm::Rsa, 2048), (KeyAlgorithm::NistEcc, 384)] {
            let key = KeyPair::generate(&KeySpec { algorithm, size }, &Randomness::os(), "U", "L")
                .unwrap();
            let c = cert(&key, subject.clone(), alt.clone());
            let new = request_with_rcgen(&request_parts(&c).unwrap(), &key, &Randomness::os())
                .unwrap()
                .expect("rcgen can express this request");
            let old = request_with_x509_cert(request_parts(&c).unwrap(), &key, &Randomness::os())
                .unwrap();
            let info = |d: &[u8]| CertReq::from_der(d).unwrap().info.to_der().unwrap();
            assert_eq!(info(&new), info(&old));
            if algorithm == KeyAlgorithm::Rsa {
                assert_eq!(new, old);
            }
            let parsed = parse_pkcs10(&new).unwrap();
            assert_eq!(parsed.spki_der, key.public_key_spki_der());
            assert_eq!(parsed.subject.racf_dotted(), "CN=Zürich.O=IBM");
        }
    }

    #[test]
    fn requests_for_names_rcgen_cannot_hold_stay_on_x509_cert() {
        let key = KeyPair::generate(
            &KeySpec {
                algorithm: KeyAlgorithm::Rsa,
                size: 2048,
            },
            &Randomness::os(),
            "U",
            "L",
        )
        .unwrap();
        let subject = NameSpec(vec![
            (DnTag::Cn, "web".into()),
            (DnTag::Ou, "A".into()),
            (DnTag::Ou, "B".into()),
        ]);
        let c = cert(&key, subject, AltNames::default());
        assert_eq!(
            request_with_rcgen(&request_parts(&c).unwrap(), &key, &Randomness::os()).unwrap(),
            None
        );
        let req = create_pkcs10(&c, &key, &Randomness::os()).unwrap();
        assert_eq!(
            req,
            request_with_x509_cert(request_parts(&c).unwrap(), &key, &Randomness::os()).unwrap()
        );
        assert_eq!(
            parse_pkcs10(&req).unwrap().subject.racf_dotted(),
            "CN=web.OU=A.OU=B"
        );
    }
}

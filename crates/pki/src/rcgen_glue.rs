//! What rcgen needs from racemu: a signing key that signs through [`KeyPair`], names and
//! extensions in rcgen's types. Each conversion answers `None` where rcgen cannot hold the
//! value exactly; the caller then keeps that part on x509-cert.

use crate::key::{KeyPair, KeyType};
use crate::Randomness;
use der::asn1::ObjectIdentifier;
use der::{Encode, Tag, Tagged};
use rcgen::string::{BmpString, Ia5String, PrintableString, TeletexString};
use rcgen::{CustomExtension, DistinguishedName, DnType, DnValue, SignatureAlgorithm};
use x509_cert::ext::Extension;
use x509_cert::name::Name;

/// A [`KeyPair`] as rcgen's signing key: rcgen writes the algorithm identifiers, the key
/// signs.
pub(crate) struct RcgenSigner<'a> {
    key: &'a KeyPair,
    randomness: &'a Randomness,
    public_key: Vec<u8>,
    alg: &'static SignatureAlgorithm,
}

impl<'a> RcgenSigner<'a> {
    /// The signer for `key`, signing with `randomness`; `None` for a key rcgen has no algorithm for.
    pub(crate) fn new(key: &'a KeyPair, randomness: &'a Randomness) -> Option<RcgenSigner<'a>> {
        let alg = match (key.key_type(), key.size_bits()) {
            (KeyType::Rsa, _) => &rcgen::PKCS_RSA_SHA256,
            (KeyType::NistEcc, 256) => &rcgen::PKCS_ECDSA_P256_SHA256,
            (KeyType::NistEcc, 384) => &rcgen::PKCS_ECDSA_P384_SHA384,
            (KeyType::NistEcc, 521) => &rcgen::PKCS_ECDSA_P521_SHA512,
            _ => return None,
        };
        let spki = x509_cert::spki::SubjectPublicKeyInfoOwned::try_from(
            key.public_key_spki_der().as_slice(),
        )
        .ok()?;
        Some(RcgenSigner {
            key,
            randomness,
            public_key: spki.subject_public_key.raw_bytes().to_vec(),
            alg,
        })
    }
}

impl rcgen::PublicKeyData for RcgenSigner<'_> {
    fn der_bytes(&self) -> &[u8] {
        &self.public_key
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        self.alg
    }
}

impl rcgen::SigningKey for RcgenSigner<'_> {
    fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, rcgen::Error> {
        self.key
            .sign(msg, self.randomness)
            .map_err(|_| rcgen::Error::RingUnspecified)
    }
}

fn arcs(oid: &ObjectIdentifier) -> Vec<u64> {
    oid.arcs().map(u64::from).collect()
}

/// `name` as rcgen holds it: one attribute per RDN, each attribute type once, a string type
/// rcgen knows. `None` otherwise (rcgen keeps one value per attribute type).
pub(crate) fn rcgen_name(name: &Name) -> Option<DistinguishedName> {
    let mut dn = DistinguishedName::new();
    let mut seen = Vec::new();
    for rdn in name.0.iter() {
        let mut atvs = rdn.0.iter();
        let atv = atvs.next()?;
        if atvs.next().is_some() || seen.contains(&atv.oid) {
            return None;
        }
        seen.push(atv.oid);
        let bytes = atv.value.value();
        let text = || std::str::from_utf8(bytes).ok();
        let value = match atv.value.tag() {
            Tag::PrintableString => {
                DnValue::PrintableString(PrintableString::try_from(text()?).ok()?)
            }
            Tag::Utf8String => DnValue::Utf8String(text()?.to_string()),
            Tag::Ia5String => DnValue::Ia5String(Ia5String::try_from(text()?).ok()?),
            Tag::TeletexString => DnValue::TeletexString(TeletexString::try_from(text()?).ok()?),
            Tag::BmpString => DnValue::BmpString(BmpString::from_utf16be(bytes.to_vec()).ok()?),
            _ => return None,
        };
        dn.push(DnType::from_oid(&arcs(&atv.oid)), value);
    }
    Some(dn)
}

/// An extension as rcgen writes a custom one: same OID, criticality and value.
pub(crate) fn custom_extension(e: &Extension) -> CustomExtension {
    let mut c =
        CustomExtension::from_oid_content(&arcs(&e.extn_id), e.extn_value.as_bytes().to_vec());
    c.set_criticality(e.critical);
    c
}

/// Whether two encodable values have the same DER.
pub(crate) fn same_der<A: Encode, B: Encode>(a: &A, b: &B) -> bool {
    matches!((a.to_der(), b.to_der()), (Ok(x), Ok(y)) if x == y)
}

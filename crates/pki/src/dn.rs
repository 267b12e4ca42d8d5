//! Distinguished names: building them from RACF SUBJECTSDN parts and showing them in RACF's
//! dotted form (Security Administrator's Guide, eocdci.htm).

use crate::PkiError;
use der::asn1::{Any, ObjectIdentifier, PrintableStringRef, SetOfVec, Utf8StringRef};
use der::{Decode, Encode, Tag, Tagged};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};

/// The RDN tags SUBJECTSDN accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DnTag {
    /// CN: common name.
    Cn,
    /// T: title.
    T,
    /// OU: organizational unit.
    Ou,
    /// O: organization.
    O,
    /// L: locality.
    L,
    /// SP: state or province.
    Sp,
    /// C: country.
    C,
}

impl DnTag {
    /// Every tag, in RACF's display order (most specific first).
    pub const ALL: [DnTag; 7] = [
        DnTag::Cn,
        DnTag::T,
        DnTag::Ou,
        DnTag::O,
        DnTag::L,
        DnTag::Sp,
        DnTag::C,
    ];

    /// The SUBJECTSDN keyword (`CN`, `T`, `OU`, `O`, `L`, `SP`, `C`).
    pub fn keyword(self) -> &'static str {
        match self {
            DnTag::Cn => "CN",
            DnTag::T => "T",
            DnTag::Ou => "OU",
            DnTag::O => "O",
            DnTag::L => "L",
            DnTag::Sp => "SP",
            DnTag::C => "C",
        }
    }

    /// The tag whose SUBJECTSDN keyword is `keyword` (upper case), if any.
    pub fn from_keyword(keyword: &str) -> Option<DnTag> {
        DnTag::ALL.into_iter().find(|t| t.keyword() == keyword)
    }

    fn oid(self) -> ObjectIdentifier {
        use const_oid::db::rfc4519 as at;
        match self {
            DnTag::Cn => at::CN,
            DnTag::T => at::TITLE,
            DnTag::Ou => at::OU,
            DnTag::O => at::O,
            DnTag::L => at::L,
            DnTag::Sp => at::ST,
            DnTag::C => at::C,
        }
    }
}

/// A subject DN given as RACF parts, in RACF DISPLAY order (most specific first: CN, T, OU…,
/// O, L, SP, C). The certificate encodes them in the reverse order, so the display of the
/// issued certificate shows them exactly as given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameSpec(pub Vec<(DnTag, String)>);

fn printable(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphanumeric() || " '()+,-./:=?".contains(c))
}

impl NameSpec {
    /// The parts of a certificate's subject that SUBJECTSDN can write, in RACF's display order
    /// (most specific first); other attributes are left out, and so is everything when `der`
    /// is not a certificate.
    pub fn of_certificate(der: &[u8]) -> NameSpec {
        let Ok(cert) = x509_cert::Certificate::from_der(der) else {
            return NameSpec::default();
        };
        let mut parts = Vec::new();
        for rdn in cert.tbs_certificate.subject.0.iter().rev() {
            for atv in rdn.0.iter() {
                if let Some(tag) = DnTag::ALL.into_iter().find(|t| t.oid() == atv.oid) {
                    parts.push((tag, value_text(&atv.value)));
                }
            }
        }
        NameSpec(parts)
    }

    /// The X.509 Name: one RDN per part, in encoding order.
    pub(crate) fn to_name(&self) -> Result<Name, PkiError> {
        let mut rdns = Vec::new();
        for (tag, value) in self.0.iter().rev() {
            let any = if printable(value) {
                Any::from(
                    PrintableStringRef::new(value)
                        .map_err(|e| PkiError::InvalidName(e.to_string()))?,
                )
            } else {
                Any::from(
                    Utf8StringRef::new(value).map_err(|e| PkiError::InvalidName(e.to_string()))?,
                )
            };
            let atv = AttributeTypeAndValue {
                oid: tag.oid(),
                value: any,
            };
            let set =
                SetOfVec::try_from(vec![atv]).map_err(|e| PkiError::InvalidName(e.to_string()))?;
            rdns.push(RelativeDistinguishedName(set));
        }
        Ok(RdnSequence(rdns))
    }
}

/// A distinguished name from a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistinguishedName {
    der: Vec<u8>,
    dotted: String,
}

fn tag_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    use const_oid::db::{rfc3280, rfc4519 as at};
    const TAGS: [(ObjectIdentifier, &str); 20] = [
        (at::CN, "CN"),
        (at::TITLE, "T"),
        (at::OU, "OU"),
        (at::O, "O"),
        (at::L, "L"),
        (at::ST, "SP"),
        (at::C, "C"),
        (at::STREET, "STREET"),
        (at::SERIAL_NUMBER, "SERIALNUMBER"),
        (at::POSTAL_CODE, "POSTALCODE"),
        (at::NAME, "NAME"),
        (at::SN, "SURNAME"),
        (at::GIVEN_NAME, "GIVENNAME"),
        (at::INITIALS, "INITIALS"),
        (at::GENERATION_QUALIFIER, "GENERATIONQUALIFIER"),
        (at::DN_QUALIFIER, "DNQ"),
        (rfc3280::PSEUDONYM, "PSEUDONYM"),
        (at::DC, "DC"),
        (at::UID, "UID"),
        (rfc3280::EMAIL_ADDRESS, "EMAIL"),
    ];
    TAGS.iter().find(|(o, _)| o == oid).map(|(_, t)| *t)
}

/// The text of a directory-string value.
fn value_text(v: &Any) -> String {
    let bytes = v.value();
    match v.tag() {
        Tag::Utf8String
        | Tag::PrintableString
        | Tag::Ia5String
        | Tag::VisibleString
        | Tag::NumericString => String::from_utf8_lossy(bytes).into_owned(),
        // T.61 / Teletex: treat as Latin-1, as most producers do.
        Tag::TeletexString => bytes.iter().map(|b| *b as char).collect(),
        Tag::BmpString => {
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => {
            format!("#{}", crate::hex_upper(&v.to_der().unwrap_or_default()))
        }
    }
}

impl DistinguishedName {
    /// The DN of `name`, with its DER encoding. A name that cannot be encoded is an error,
    /// never an empty DN (which would match any other empty DN when issuers are looked up).
    pub(crate) fn from_name(name: &Name) -> Result<DistinguishedName, PkiError> {
        let der = name
            .to_der()
            .map_err(|e| PkiError::InvalidName(e.to_string()))?;
        // RACF shows the most specific RDN first: the reverse of the encoding order.
        let mut parts = Vec::new();
        for rdn in name.0.iter().rev() {
            let atvs: Vec<String> = rdn
                .0
                .iter()
                .map(|atv| {
                    let tag = tag_name(&atv.oid)
                        .map(str::to_string)
                        .unwrap_or_else(|| atv.oid.to_string());
                    format!("{tag}={}", value_text(&atv.value))
                })
                .collect();
            parts.push(atvs.join("+"));
        }
        Ok(DistinguishedName {
            der,
            dotted: parts.join("."),
        })
    }

    /// Parses a DER Name.
    pub fn from_der(der: &[u8]) -> Result<DistinguishedName, PkiError> {
        let name = Name::from_der(der).map_err(|e| PkiError::InvalidName(e.to_string()))?;
        DistinguishedName::from_name(&name)
    }

    /// RACF's dotted display: `TAG=value` joined by `.`, most specific first, no escaping.
    ///
    /// Tags: CN, T, OU, O, L, SP, C, and for other attributes STREET, SERIALNUMBER,
    /// POSTALCODE, NAME, SURNAME, GIVENNAME, INITIALS, GENERATIONQUALIFIER, DNQ, PSEUDONYM,
    /// DC, UID, EMAIL (emailAddress); unknown attributes show their dotted OID. Values of a
    /// multi-valued RDN are joined with `+`.
    pub fn racf_dotted(&self) -> String {
        self.dotted.clone()
    }

    /// The DER encoding of the Name.
    pub fn der(&self) -> &[u8] {
        &self.der
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_order_is_given_order() {
        let spec = NameSpec(vec![
            (DnTag::Cn, "CA for zosConnect".into()),
            (DnTag::Ou, "zosConnect".into()),
            (DnTag::O, "IBM".into()),
            (DnTag::C, "US".into()),
        ]);
        let name = spec.to_name().unwrap();
        let dn = DistinguishedName::from_name(&name).unwrap();
        assert_eq!(
            dn.racf_dotted(),
            "CN=CA for zosConnect.OU=zosConnect.O=IBM.C=US"
        );
        // Encoded C first.
        assert_eq!(
            name.0[0].0.iter().next().unwrap().oid,
            const_oid::db::rfc4519::C
        );
    }

    #[test]
    fn keywords_round_trip_and_a_certificate_gives_back_its_subjectsdn() {
        for t in DnTag::ALL {
            assert_eq!(DnTag::from_keyword(t.keyword()), Some(t));
        }
        assert_eq!(DnTag::from_keyword("STREET"), None);
        let spec = NameSpec(vec![
            (DnTag::Cn, "srv.example.com".into()),
            (DnTag::Ou, "Unit A".into()),
            (DnTag::Ou, "Unit B".into()),
            (DnTag::O, "racemu".into()),
            (DnTag::C, "US".into()),
        ]);
        let r = crate::Randomness::seeded_u64(1);
        let keyspec = crate::KeySpec {
            algorithm: racemu_racf::KeyAlgorithm::NistEcc,
            size: 256,
        };
        let key = crate::KeyPair::generate(&keyspec, &r, "U", "L").unwrap();
        let t = crate::CertTemplate {
            serial: vec![1],
            subject: spec.clone(),
            not_before: time::macros::datetime!(2026-01-01 00:00:00 UTC),
            not_after: time::macros::datetime!(2030-01-01 00:00:00 UTC),
            key_usage: None,
            alt_names: racemu_racf::AltNames::default(),
            is_ca: false,
        };
        let der = crate::issue_certificate(
            &t,
            &key.public_key_spki_der(),
            crate::SignWith::SelfSigned(&key),
            &r,
        )
        .unwrap();
        assert_eq!(NameSpec::of_certificate(&der), spec);
        assert_eq!(
            NameSpec::of_certificate(b"not a certificate"),
            NameSpec::default()
        );
    }
}

//! RACDCERT LIST: a header and one block per certificate (RACF Command
//! Language Reference, RACDCERT LIST, le-list.htm; real captures in docs/sources.md).

use super::{
    alt_label, cert_header, chunked, fingerprint_lines, racf_date, ring_associations, serial_hex,
};
use racemu_pki::{AltNameKind, CertificateInfo};
use racemu_racf::{KeyUsage, Owner};
use time::OffsetDateTime;

/// What LIST shows of a certificate itself, from `Start Date:` through the fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertDetails {
    /// Start of validity.
    pub not_before: OffsetDateTime,
    /// End of validity.
    pub not_after: OffsetDateTime,
    /// Serial number as encoded (a DER sign byte is not shown).
    pub serial: Vec<u8>,
    /// Issuer's name, RACF's dotted form.
    pub issuer: String,
    /// Subject's name, RACF's dotted form.
    pub subject: String,
    /// Subject alternative names, in extension order.
    pub alt_names: Vec<(AltNameKind, String)>,
    /// RACF's name of the signature algorithm (`sha256RSA` …).
    pub signature_algorithm: String,
    /// The key usage; `None` without the extension.
    pub key_usage: Option<KeyUsage>,
    /// Key type as LIST shows it (`RSA`, `NIST ECC` …).
    pub key_type: String,
    /// Key size in bits.
    pub key_size: u32,
    /// SHA-256 of the DER.
    pub fingerprint: [u8; 32],
}

impl From<&CertificateInfo> for CertDetails {
    fn from(info: &CertificateInfo) -> Self {
        CertDetails {
            not_before: info.not_before,
            not_after: info.not_after,
            serial: info.serial.clone(),
            issuer: info.issuer.racf_dotted(),
            subject: info.subject.racf_dotted(),
            alt_names: info.alt_names.clone(),
            signature_algorithm: info.signature_algorithm.clone(),
            key_usage: info.key_usage,
            key_type: info.key_type.to_string(),
            key_size: info.key_size,
            fingerprint: info.sha256_fingerprint,
        }
    }
}

/// What LIST shows about one certificate RACF holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertView {
    /// Owner.
    pub owner: Owner,
    /// Label.
    pub label: String,
    /// TRUST / NOTRUST / HIGHTRUST.
    pub status: racemu_racf::TrustStatus,
    /// The certificate itself.
    pub details: CertDetails,
    /// Whether RACF holds the private key.
    pub private_key: bool,
    /// Rings the certificate is connected to: (ring owner, ring name).
    pub rings: Vec<(String, String)>,
}

/// The certificate part of a LIST block (from `Start Date:` through the fingerprint), shared
/// by LIST, LISTCHAIN and CHECKCERT; `Private Key:` only when `private_key` is given.
pub fn cert_details(d: &CertDetails, private_key: Option<bool>) -> Vec<String> {
    let mut out = vec![
        format!("  Start Date: {}", racf_date(d.not_before)),
        format!("  End Date:   {}", racf_date(d.not_after)),
        "  Serial Number:".into(),
        format!("       >{}<", serial_hex(&d.serial)),
        "  Issuer's Name:".into(),
    ];
    out.extend(chunked(&d.issuer));
    out.push("  Subject's Name:".into());
    out.extend(chunked(&d.subject));
    if !d.alt_names.is_empty() {
        out.push("  Subject's AltNames:".into());
        for (kind, v) in &d.alt_names {
            out.push(format!("    {}: {}", alt_label(kind), v));
        }
    }
    out.push(format!("  Signing Algorithm: {}", d.signature_algorithm));
    if let Some(ku) = d.key_usage.filter(|ku| !ku.is_empty()) {
        out.push(format!("  Key Usage: {}", ku.keywords().join(", ")));
    }
    out.push(format!("  Key Type: {}", d.key_type));
    out.push(format!("  Key Size: {}", d.key_size));
    if let Some(pk) = private_key {
        out.push(format!("  Private Key: {}", if pk { "YES" } else { "NO" }));
    }
    out.push("  Certificate Fingerprint (SHA256):".into());
    out.extend(fingerprint_lines(&d.fingerprint));
    out
}

/// One certificate's LIST block (no header), without the trailing blank line.
pub fn cert_block(v: &CertView) -> Vec<String> {
    let mut out = vec![
        format!("  Label: {}", v.label),
        format!(
            "  Certificate ID: {}",
            racemu_pki::certificate_id(v.owner.internal_id(), &v.label)
        ),
        format!("  Status: {}", v.status),
    ];
    out.extend(cert_details(&v.details, Some(v.private_key)));
    out.extend(ring_associations(&v.rings));
    out
}

/// A whole LIST: header, a blank line, each block followed by a blank line.
pub fn list(owner: &Owner, certs: &[CertView]) -> Vec<String> {
    let mut out = vec![cert_header(owner), String::new()];
    for c in certs {
        out.extend(cert_block(c));
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::{capture, trimmed};
    use time::macros::datetime;

    /// z/OS 2.5 ADCD capture of `RACDCERT CERTAUTH LIST(LABEL('zOSMFCA'))`
    /// (github.com/zeditor01/Z25A, ShopZ_Usage.md), as published.
    const ZOS25_CERTAUTH_LIST: &str = "\
Digital certificate information for CERTAUTH:
  Label: zOSMFCA
  Certificate ID: 2QiJmZmDhZmjganW4tTGw8FA
  Status: TRUST
  Start Date: 2013/11/18 16:00:00
  End Date:   2021/08/21 15:59:59
  Serial Number:
       >00<
  Issuer's Name:
       >CN=z/OSMF CertAuth for Security Domain.OU=IZUDFLT<
  Subject's Name:
       >CN=z/OSMF CertAuth for Security Domain.OU=IZUDFLT<
  Signing Algorithm: sha1RSA
  Key Usage: CERTSIGN
  Key Type: RSA
  Key Size: 1024
  Private Key: YES
  Certificate Fingerprint (SHA256):
       A3:F2:E0:6F:09:94:E4:9D:68:00:48:8F:3F:4B:EF:9F:
       9F:C8:B1:50:0A:de:57:23:AB:DC:B1:02:0B:A4:33:07
  Ring Associations:
    Ring Owner: IZUSVR
    Ring:
       >IZUKeyring.IZUDFLT<
    Ring Owner: START1
    Ring:
       >JES2EDS<
";

    #[test]
    fn list_matches_zos25_certauth_capture() {
        let fingerprint: Vec<u8> =
            "A3F2E06F0994E49D6800488F3F4BEF9F9FC8B1500ADE5723ABDCB1020BA43307"
                .as_bytes()
                .chunks(2)
                .map(|h| {
                    u8::from_str_radix(std::str::from_utf8(h).unwrap_or("00"), 16).unwrap_or(0)
                })
                .collect();
        let dn = "CN=z/OSMF CertAuth for Security Domain.OU=IZUDFLT".to_string();
        let view = CertView {
            owner: Owner::CertAuth,
            label: "zOSMFCA".into(),
            status: racemu_racf::TrustStatus::Trust,
            details: CertDetails {
                not_before: datetime!(2013-11-18 16:00:00 UTC),
                not_after: datetime!(2021-08-21 15:59:59 UTC),
                serial: vec![0],
                issuer: dn.clone(),
                subject: dn,
                alt_names: Vec::new(),
                signature_algorithm: "sha1RSA".into(),
                key_usage: Some(KeyUsage {
                    certsign: true,
                    ..KeyUsage::default()
                }),
                key_type: "RSA".into(),
                key_size: 1024,
                fingerprint: fingerprint.try_into().unwrap_or([0; 32]),
            },
            private_key: true,
            rings: vec![
                ("IZUSVR".into(), "IZUKeyring.IZUDFLT".into()),
                ("START1".into(), "JES2EDS".into()),
            ],
        };
        // Two slips of the published copy, corrected here (docs/sources.md): the lower-case
        // `de` of the fingerprint (RACF prints upper-case hex) and the blank line after the
        // header, which the author dropped.
        let mut want = capture(&ZOS25_CERTAUTH_LIST.replace(":de:", ":DE:"));
        want.insert(1, String::new());
        want.push(String::new());
        assert_eq!(trimmed(&list(&Owner::CertAuth, &[view])), want);
    }
}

//! RACDCERT CHECKCERT: the certificates of a data set, each as LIST shows it when RACF holds
//! it (and the issuer may list it) or its details alone otherwise, then the chain summary
//! (RACF Command Language Reference, RACDCERT CHECKCERT, le-checkcert.htm; Security
//! Administrator's Guide, eocdci.htm).

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
    /// The certificates, end-entity first, then its issuers up the chain (then any others).
    pub certs: Vec<CheckedCert>,
    /// The data set holds the whole chain: it ends in a self-signed certificate.
    pub complete: bool,
    /// Some certificate has expired.
    pub expired: bool,
    /// The certificate name filter that would map the first certificate (label, status),
    /// shown to an issuer who may list it (z/OS 2.2 and later).
    pub mapping: Option<(String, racemu_racf::TrustStatus)>,
}

/// A whole CHECKCERT listing. The first certificate's block ends with `Mapping Label:` and
/// `Mapping Status:` when a certificate name filter would map it ("For authorized users,
/// CHECKCERT lists … the certificates Mapping Label and Mapping Status if defined",
/// <https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha400/le-checkcert.htm>; the
/// line texts are racemu's, docs/fidelity.md).
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
        if let (0, Some((label, status))) = (i, &v.mapping) {
            out.push(format!("  Mapping Label: {label}"));
            out.push(format!("  Mapping Status: {status}"));
        }
        out.push(String::new());
    }
    out.extend(chain_summary(v.certs.len(), v.complete, v.expired));
    out.push(String::new());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use racemu_racf::Owner;
    use time::macros::datetime;

    /// IBM's CHECKCERT example ("Examples of checking digital certificate information",
    /// https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/eocdci.htm):
    /// not a real capture, and the documentation site collapsed its blanks, so lines are compared
    /// with runs of blanks collapsed. The example ends at `Private Key:`. Its Certificate ID was
    /// edited too: it encodes the label `GTM Certificate`, not the label shown (checked below
    /// against racemu's encoding of that label).
    const IBM_CHECKCERT_EXAMPLE: &str = "\
Digital certificate information for user GTM:
Label: LABEL00000001
Certificate ID: 2QPH49TH49RAw4WZo4mGiYOBo4VA
Status: NOTRUST
Start Date: 2010/11/11 00:00:00
End Date: 2011/11/11 23:59:59
Serial Number:
>84<
Issuer's Name:
>CN=BobsBank Class 2<
Subject's Name:
>loanOf@BobsBank.com.CN=G.T.Miles.T=President.OU=Loans.O=BobsBank,INC<
>..SP=NY.L=Internet.C=USA<
Signing Algorithm: sha1RSA
Key Type: RSA
Key Size: 1024
Private Key: NO
";

    fn collapsed(l: &str) -> String {
        l.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn checkcert_matches_ibm_example() {
        let view = CheckCertView {
            certs: vec![CheckedCert::InRacf(CertView {
                owner: Owner::User("GTM".into()),
                label: "LABEL00000001".into(),
                status: racemu_racf::TrustStatus::NoTrust,
                details: CertDetails {
                    not_before: datetime!(2010-11-11 00:00:00 UTC),
                    not_after: datetime!(2011-11-11 23:59:59 UTC),
                    serial: vec![0x00, 0x84],
                    issuer: "CN=BobsBank Class 2".into(),
                    subject: "loanOf@BobsBank.com.CN=G.T.Miles.T=President.OU=Loans.O=BobsBank,INC..SP=NY.L=Internet.C=USA".into(),
                    alt_names: Vec::new(),
                    signature_algorithm: "sha1RSA".into(),
                    key_usage: None,
                    key_type: "RSA".into(),
                    key_size: 1024,
                    fingerprint: [0; 32],
                },
                private_key: false,
                rings: Vec::new(),
            })],
            complete: false,
            expired: true,
            mapping: None,
        };
        let got: Vec<String> = checkcert(&view).iter().map(|l| collapsed(l)).collect();
        let example_id = "Certificate ID: 2QPH49TH49RAw4WZo4mGiYOBo4VA";
        assert_eq!(
            example_id,
            format!(
                "Certificate ID: {}",
                racemu_pki::certificate_id("GTM", "GTM Certificate")
            )
        );
        let shown_id = format!(
            "Certificate ID: {}",
            racemu_pki::certificate_id("GTM", "LABEL00000001")
        );
        let want: Vec<String> = IBM_CHECKCERT_EXAMPLE
            .replace(example_id, &shown_id)
            .lines()
            .map(collapsed)
            .collect();
        assert_eq!(got[0], "Certificate 1:");
        assert_eq!(got[1..=want.len()], want[..]);
        // After the example's end: the fingerprint, the rings, and the chain summary.
        assert_eq!(
            got[want.len() + 1..],
            [
                "Certificate Fingerprint (SHA256):",
                &collapsed(&crate::listing::fingerprint_lines(&[0; 32])[0]),
                &collapsed(&crate::listing::fingerprint_lines(&[0; 32])[1]),
                "Ring Associations:",
                "*** No rings associated ***",
                "",
                "Chain information:",
                "Chain contains 1 certificate(s), chain is incomplete",
                "Chain contains expired certificate(s)",
                "",
            ]
            .map(String::from)
        );
    }
}

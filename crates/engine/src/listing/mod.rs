//! LIST, LISTRING and LISTCHAIN renderers: pure functions from data to lines, laid out
//! column for column as z/OS prints them (reference §5, §12).

use racemu_command::Owner;
use racemu_pki::CertificateInfo;
use time::OffsetDateTime;

/// Width of one `>…<` chunk of a distinguished name (reference §2.1: IBM's example splits
/// after 68 characters).
pub const DN_CHUNK: usize = 68;

/// What LIST shows about one certificate.
#[derive(Debug, Clone)]
pub struct CertView<'a> {
    /// Owner.
    pub owner: &'a Owner,
    /// Label.
    pub label: &'a str,
    /// TRUST / NOTRUST / HIGHTRUST.
    pub status: &'a str,
    /// Parsed certificate.
    pub info: &'a CertificateInfo,
    /// Whether RACF holds the private key.
    pub private_key: bool,
    /// Rings the certificate is connected to: (ring owner, ring name).
    pub rings: Vec<(String, String)>,
}

/// `Digital certificate information for …:` header line.
pub fn cert_header(owner: &Owner) -> String {
    match owner {
        Owner::User(u) => format!("Digital certificate information for user {u}:"),
        Owner::CertAuth => "Digital certificate information for CERTAUTH:".into(),
        Owner::Site => "Digital certificate information for SITE:".into(),
    }
}

/// `yyyy/mm/dd hh:mm:ss`.
pub fn racf_date(t: OffsetDateTime) -> String {
    format!(
        "{:04}/{:02}/{:02} {:02}:{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A value shown as `>…<` lines at column 7, split every [`DN_CHUNK`] characters.
pub fn chunked(value: &str) -> Vec<String> {
    let chars: Vec<char> = value.chars().collect();
    if chars.is_empty() {
        return vec!["       ><".into()];
    }
    chars
        .chunks(DN_CHUNK)
        .map(|c| format!("       >{}<", c.iter().collect::<String>()))
        .collect()
}

/// Upper-case hex of a serial number, two digits per byte.
pub fn serial_hex(serial: &[u8]) -> String {
    // The DER sign byte of a positive serial (00 before a byte of 80 or more) is not shown.
    let serial = match serial {
        [0, next, ..] if *next >= 0x80 => &serial[1..],
        _ => serial,
    };
    let s: String = serial.iter().map(|b| format!("{b:02X}")).collect();
    if s.is_empty() {
        "00".into()
    } else {
        s
    }
}

/// The two fingerprint lines (16 bytes each, colon-separated, the first ending in `:`).
pub fn fingerprint_lines(fp: &[u8; 32]) -> [String; 2] {
    let hex = |b: &[u8]| {
        b.iter()
            .map(|x| format!("{x:02X}"))
            .collect::<Vec<_>>()
            .join(":")
    };
    [
        format!("       {}:", hex(&fp[..16])),
        format!("       {}", hex(&fp[16..])),
    ]
}

/// The certificate part of a LIST block (from `Start Date:` through the fingerprint), shared
/// by LIST, LISTCHAIN and CHECKCERT.
pub fn cert_details(info: &CertificateInfo, private_key: Option<bool>) -> Vec<String> {
    let mut out = vec![
        format!("  Start Date: {}", racf_date(info.not_before)),
        format!("  End Date:   {}", racf_date(info.not_after)),
        "  Serial Number:".into(),
        format!("       >{}<", serial_hex(&info.serial)),
        "  Issuer's Name:".into(),
    ];
    out.extend(chunked(&info.issuer.racf_dotted()));
    out.push("  Subject's Name:".into());
    out.extend(chunked(&info.subject.racf_dotted()));
    if !info.alt_names.is_empty() {
        out.push("  Subject's AltNames:".into());
        for (kind, v) in &info.alt_names {
            out.push(format!("    {}: {}", alt_label(kind), v));
        }
    }
    out.push(format!("  Signing Algorithm: {}", info.signature_algorithm));
    if let Some(ku) = &info.key_usage {
        if !ku.is_empty() {
            out.push(format!("  Key Usage: {}", ku.join(", ")));
        }
    }
    out.push(format!("  Key Type: {}", info.key_type));
    out.push(format!("  Key Size: {}", info.key_size));
    if let Some(pk) = private_key {
        out.push(format!("  Private Key: {}", if pk { "YES" } else { "NO" }));
    }
    out.push("  Certificate Fingerprint (SHA256):".into());
    out.extend(fingerprint_lines(&info.sha256_fingerprint));
    out
}

/// The label LIST prints before an alternative name.
pub fn alt_label(kind: &racemu_pki::AltNameKind) -> &'static str {
    match kind {
        racemu_pki::AltNameKind::Ip => "IP",
        racemu_pki::AltNameKind::Email => "EMail",
        racemu_pki::AltNameKind::Domain => "Domain",
        racemu_pki::AltNameKind::Uri => "URI",
    }
}

/// `Ring Associations:` and its entries.
pub fn ring_associations(rings: &[(String, String)]) -> Vec<String> {
    let mut out = vec!["  Ring Associations:".to_string()];
    if rings.is_empty() {
        out.push("    *** No rings associated ***".into());
    }
    for (owner, ring) in rings {
        out.push(format!("    Ring Owner: {owner}"));
        out.push("    Ring:".into());
        out.push(format!("       >{ring}<"));
    }
    out
}

/// One certificate's LIST block (no header), without the trailing blank line.
pub fn cert_block(v: &CertView<'_>) -> Vec<String> {
    let mut out = vec![
        format!("  Label: {}", v.label),
        format!(
            "  Certificate ID: {}",
            racemu_pki::certificate_id(v.owner.internal_id(), v.label)
        ),
        format!("  Status: {}", v.status),
    ];
    out.extend(cert_details(v.info, Some(v.private_key)));
    out.extend(ring_associations(&v.rings));
    out
}

/// A whole LIST: header, a blank line, each block followed by a blank line.
pub fn list(owner: &Owner, certs: &[CertView<'_>]) -> Vec<String> {
    let mut out = vec![cert_header(owner), String::new()];
    for c in certs {
        out.extend(cert_block(c));
        out.push(String::new());
    }
    out
}

/// One row of a LISTRING table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingRow {
    /// Certificate label.
    pub label: String,
    /// Certificate owner as LISTRING shows it: `CERTAUTH`, `SITE` or `ID(userid)`.
    pub owner: String,
    /// PERSONAL / CERTAUTH / SITE.
    pub usage: String,
    /// DEFAULT.
    pub default: bool,
}

/// A ring and its rows, for LISTRING.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingView {
    /// Ring name.
    pub name: String,
    /// Rows in connection order.
    pub rows: Vec<RingRow>,
}

/// LISTRING layout variants (reference §5.2: z/OS 3.1 captures show a blank line after each
/// row but the last; z/OS 2.5 and a 2026 capture show none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RingLayout {
    /// z/OS 2.5 layout (default).
    #[default]
    Compact,
    /// Blank line between rows, as one z/OS 3.1 capture shows.
    Spaced,
}

/// A LISTRING listing for one user's rings.
pub fn listring(user: &str, rings: &[RingView], layout: RingLayout) -> Vec<String> {
    let mut out = vec![
        format!("Digital ring information for user {user}:"),
        String::new(),
    ];
    for r in rings {
        out.push("  Ring:".into());
        out.push(format!("       >{}<", r.name));
        if r.rows.is_empty() {
            out.push(String::new());
            out.push("  *** No certificates connected ***".into());
            out.push(String::new());
            continue;
        }
        out.push("  Certificate Label Name             Cert Owner     USAGE      DEFAULT".into());
        out.push("  --------------------------------   ------------   --------   -------".into());
        for (i, row) in r.rows.iter().enumerate() {
            out.push(format!(
                "  {:<32}   {:<12}   {:<8}     {}",
                row.label,
                row.owner,
                row.usage,
                if row.default { "YES" } else { "NO" }
            ));
            if layout == RingLayout::Spaced && i + 1 < r.rows.len() {
                out.push(String::new());
            }
        }
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listring_matches_zos_25_capture() {
        let rings = vec![RingView {
            name: "zOSMFRing2".into(),
            rows: vec![
                RingRow {
                    label: "zOSMFCA2".into(),
                    owner: "CERTAUTH".into(),
                    usage: "CERTAUTH".into(),
                    default: false,
                },
                RingRow {
                    label: "zOSMFServer2".into(),
                    owner: "ID(IZUSVR)".into(),
                    usage: "PERSONAL".into(),
                    default: true,
                },
            ],
        }];
        let got = listring("IZUSVR", &rings, RingLayout::Compact);
        // Verbatim from reference §12.2 (trailing blanks stripped).
        let want = "Digital ring information for user IZUSVR:

  Ring:
       >zOSMFRing2<
  Certificate Label Name             Cert Owner     USAGE      DEFAULT
  --------------------------------   ------------   --------   -------
  zOSMFCA2                           CERTAUTH       CERTAUTH     NO
  zOSMFServer2                       ID(IZUSVR)     PERSONAL     YES

";
        let got: Vec<&str> = got.iter().map(|l| l.trim_end()).collect();
        assert_eq!(got.join("\n") + "\n", want);
    }

    #[test]
    fn dn_chunks_at_68() {
        let dn = "loanOf@BobsBank.com.CN=G.T.Miles.T=President.OU=Loans.O=BobsBank,INC..SP=NY.L=Internet.C=USA";
        let c = chunked(dn);
        assert_eq!(
            c[0],
            "       >loanOf@BobsBank.com.CN=G.T.Miles.T=President.OU=Loans.O=BobsBank,INC<"
        );
        assert_eq!(c[1], "       >..SP=NY.L=Internet.C=USA<");
    }

    #[test]
    fn fingerprint_layout() {
        let mut fp = [0u8; 32];
        fp[0] = 0xA3;
        fp[31] = 0x07;
        let l = fingerprint_lines(&fp);
        assert!(l[0].starts_with("       A3:00:"));
        assert!(l[0].ends_with(':'));
        assert!(l[1].ends_with(":07"));
        assert_eq!(l[0].len(), 7 + 48);
        assert_eq!(l[1].len(), 7 + 47);
    }
}

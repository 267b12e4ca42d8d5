//! The listings RACF prints, one pure renderer per listing: each is a function from data the
//! engine gathered to lines, laid out column for column as z/OS prints them (RACF Command
//! Language Reference, and the real captures in docs/sources.md). No renderer reads the store.
//!
//! * [`list`] — RACDCERT LIST;
//! * [`listring`] — RACDCERT LISTRING, both layouts;
//! * [`listchain`] — RACDCERT LISTCHAIN;
//! * [`checkcert`] — RACDCERT CHECKCERT;
//! * [`listmap`] — RACDCERT LISTMAP;
//! * [`rlist`] — RLIST;
//! * [`listuser`] — LISTUSER;
//! * [`listgrp`] — LISTGRP;
//! * [`listdsd`] — LISTDSD;
//! * [`setropts`] — SETROPTS LIST.
//!
//! This module holds the pieces several listings share: headers, dates, `>…<` values, serial
//! numbers, fingerprints and ring associations.

pub mod checkcert;
pub mod list;
pub mod listchain;
pub mod listdsd;
pub mod listgrp;
pub mod listmap;
pub mod listring;
pub mod listuser;
pub mod rlist;
pub mod setropts;

pub use list::{cert_block, cert_details, CertDetails, CertView};
pub use listring::{RingLayout, RingRow, RingView};
use racemu_racf::Owner;
use time::OffsetDateTime;

/// Width of one `>…<` chunk of a distinguished name (Security Administrator's Guide, eocdci.htm:
/// IBM's example splits after 68 characters).
pub const DN_CHUNK: usize = 68;

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
    // Formatting a date and time with these components fails only on I/O, which a String
    // never has.
    t.format(time::macros::format_description!(
        "[year]/[month]/[day] [hour]:[minute]:[second]"
    ))
    .unwrap_or_default()
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
    if serial.is_empty() {
        "00".into()
    } else {
        racemu_pki::hex_upper(serial)
    }
}

/// The two fingerprint lines (16 bytes each, colon-separated, the first ending in `:`).
pub fn fingerprint_lines(fp: &[u8; 32]) -> [String; 2] {
    [
        format!("       {}:", racemu_pki::hex_colons(&fp[..16])),
        format!("       {}", racemu_pki::hex_colons(&fp[16..])),
    ]
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

/// `Ring Associations:` and its entries: (ring owner, ring name) pairs.
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

/// Lines with trailing blanks removed: what golden tests compare.
#[cfg(test)]
pub(crate) fn trimmed(lines: &[String]) -> Vec<String> {
    lines.iter().map(|l| l.trim_end().to_string()).collect()
}

/// A capture's text as lines, trailing blanks removed.
#[cfg(test)]
pub(crate) fn capture(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim_end().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn dates_and_serials_as_racf_prints_them() {
        let t = time::macros::datetime!(2026-01-05 03:04:05 UTC);
        assert_eq!(racf_date(t), "2026/01/05 03:04:05");
        assert_eq!(serial_hex(&[0x00, 0x80, 0x0A]), "800A");
        assert_eq!(serial_hex(&[0x00, 0x7F]), "007F");
        assert_eq!(serial_hex(&[]), "00");
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

//! RACDCERT LISTRING: a user's rings and, for each, its certificates in connection order
//! (RACF Command Language Reference, RACDCERT LISTRING, le-listring.htm; the real captures
//! below are listed in docs/sources.md).

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

/// LISTRING layout variants (docs/sources.md: z/OS 3.1 captures show a blank line after each
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
    use crate::listing::{capture, trimmed};

    fn row(label: &str, owner: &str, usage: &str, default: bool) -> RingRow {
        RingRow {
            label: label.into(),
            owner: owner.into(),
            usage: usage.into(),
            default,
        }
    }

    /// z/OS 2.5 ADCD capture of `racdcert listring(zOSMFRing2) id(izusvr)`
    /// (github.com/zeditor01/Z25A; docs/sources.md), without the terminal's `***` marker.
    const ZOS25_LISTRING: &str = "\
Digital ring information for user IZUSVR:                             
                                                                      
  Ring:                                                               
       >zOSMFRing2<                                                   
  Certificate Label Name             Cert Owner     USAGE      DEFAULT
  --------------------------------   ------------   --------   -------
  zOSMFCA2                           CERTAUTH       CERTAUTH     NO   
  zOSMFServer2                       ID(IZUSVR)     PERSONAL     YES  
                                                                      
";

    #[test]
    fn listring_matches_zos25_capture() {
        let rings = vec![RingView {
            name: "zOSMFRing2".into(),
            rows: vec![
                row("zOSMFCA2", "CERTAUTH", "CERTAUTH", false),
                row("zOSMFServer2", "ID(IZUSVR)", "PERSONAL", true),
            ],
        }];
        let got = listring("IZUSVR", &rings, RingLayout::Compact);
        assert_eq!(trimmed(&got), capture(ZOS25_LISTRING));
    }

    /// z/OS 3.1 ADCD capture of `racdcert id(ZWESVUSR) listring(ZoweKeyring)` (zeditor01
    /// repositories; docs/sources.md): a blank line between rows. The capture ends at the last
    /// row; the blank line after it is the ring's closing line.
    const ZOS31_ZOWE_LISTRING: &str = "\
Digital ring information for user ZWESVUSR:                           
                                                                      
  Ring:                                                               
       >ZoweKeyring<                                                  
  Certificate Label Name             Cert Owner     USAGE      DEFAULT
  --------------------------------   ------------   --------   -------
  zowes0w1ca                         CERTAUTH       CERTAUTH     NO   
                                                                      
  zowes0w1                           ID(ZWESVUSR)   PERSONAL     YES  
                                                                      
  zOSMFCA                            CERTAUTH       CERTAUTH     NO   
";

    #[test]
    fn spaced_listring_matches_zos31_zowe_capture() {
        let rings = vec![RingView {
            name: "ZoweKeyring".into(),
            rows: vec![
                row("zowes0w1ca", "CERTAUTH", "CERTAUTH", false),
                row("zowes0w1", "ID(ZWESVUSR)", "PERSONAL", true),
                row("zOSMFCA", "CERTAUTH", "CERTAUTH", false),
            ],
        }];
        let mut want = capture(ZOS31_ZOWE_LISTRING);
        want.push(String::new());
        let got = listring("ZWESVUSR", &rings, RingLayout::Spaced);
        assert_eq!(trimmed(&got), want);
    }

    /// Real `RACDCERT ID(ZWESVUSR) LISTRING(*)` with two rings, pasted into
    /// github.com/zowe/zowe-install-packaging/issues/4692 (2026; docs/sources.md). The paste
    /// indented the `>name<` lines by 4 where the other captures show 7, and the stored copy
    /// breaks off in the third row of the second ring: the comparison covers the lines before
    /// it, with the name lines compared without their leading blanks.
    const ZOWE_LISTRING_ALL: &str = "\
Digital ring information for user ZWESVUSR:

  Ring:
    >ZoweKeyring<
  Certificate Label Name             Cert Owner     USAGE      DEFAULT
  --------------------------------   ------------   --------   -------
  2048 bit cert zOSMF AQHO           ID(IZUSVR)     PERSONAL     NO
  IBMCAPKI Intermediate CA           CERTAUTH       CERTAUTH     NO
  IBMCAPKI Root CA                   CERTAUTH       CERTAUTH     NO
  2048 bit cert zOSMF AQHO - 2025    ID(IZUSVR)     PERSONAL     YES

  Ring:
    >ZWESVUSR_keyring<
  Certificate Label Name             Cert Owner     USAGE      DEFAULT
  --------------------------------   ------------   --------   -------
  IBMCAPKI Root CA                   CERTAUTH       CERTAUTH     NO
  IBMCAPKI Intermediate CA           CERTAUTH       CERTAUTH     NO
";

    #[test]
    fn listring_all_matches_two_ring_capture() {
        let rings = vec![
            RingView {
                name: "ZoweKeyring".into(),
                rows: vec![
                    row("2048 bit cert zOSMF AQHO", "ID(IZUSVR)", "PERSONAL", false),
                    row("IBMCAPKI Intermediate CA", "CERTAUTH", "CERTAUTH", false),
                    row("IBMCAPKI Root CA", "CERTAUTH", "CERTAUTH", false),
                    row(
                        "2048 bit cert zOSMF AQHO - 2025",
                        "ID(IZUSVR)",
                        "PERSONAL",
                        true,
                    ),
                ],
            },
            RingView {
                name: "ZWESVUSR_keyring".into(),
                rows: vec![
                    row("IBMCAPKI Root CA", "CERTAUTH", "CERTAUTH", false),
                    row("IBMCAPKI Intermediate CA", "CERTAUTH", "CERTAUTH", false),
                    row("2048_bit_cert_ZWESVUSR", "ID(ZWESVUSR)", "PERSONAL", true),
                ],
            },
        ];
        let name_lines = |l: String| {
            if l.trim_start().starts_with('>') {
                l.trim_start().to_string()
            } else {
                l
            }
        };
        let want: Vec<String> = capture(ZOWE_LISTRING_ALL)
            .into_iter()
            .map(name_lines)
            .collect();
        let got: Vec<String> = trimmed(&listring("ZWESVUSR", &rings, RingLayout::Compact))
            .into_iter()
            .map(name_lines)
            .take(want.len())
            .collect();
        assert_eq!(got, want);
    }

    /// The RACF lab's LISTRING of an empty ring (github.com/P-dot/mainframe-racf-security-evidence,
    /// Lab 32; docs/sources.md). The author normalised the indentation, so lines are compared
    /// without leading blanks.
    const LAB32_EMPTY_RING: &str = "\
Digital ring information for user H7USER:

Ring:
     >LAB32RING<

*** No certificates connected ***
";

    #[test]
    fn empty_ring_matches_lab_capture() {
        let rings = vec![RingView {
            name: "LAB32RING".into(),
            rows: Vec::new(),
        }];
        let strip =
            |v: Vec<String>| -> Vec<String> { v.iter().map(|l| l.trim().to_string()).collect() };
        let mut want = strip(capture(LAB32_EMPTY_RING));
        want.push(String::new());
        let got = strip(listring("H7USER", &rings, RingLayout::Compact));
        assert_eq!(got, want);
    }
}

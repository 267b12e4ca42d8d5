//! What a new certificate carries: its key algorithm, KEYUSAGE and ALTNAME.

use std::fmt;
use std::net::IpAddr;

/// The key algorithms RACDCERT GENCERT and REKEY name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyAlgorithm {
    /// RSA (GENCERT's default).
    Rsa,
    /// NISTECC: NIST elliptic curves.
    NistEcc,
    /// BPECC: Brainpool elliptic curves.
    Bpecc,
    /// DSA.
    Dsa,
}

impl KeyAlgorithm {
    /// Every algorithm, in the order RACDCERT's syntax lists them.
    pub const ALL: [KeyAlgorithm; 4] = [
        KeyAlgorithm::Rsa,
        KeyAlgorithm::NistEcc,
        KeyAlgorithm::Bpecc,
        KeyAlgorithm::Dsa,
    ];

    /// RACF's keyword: `RSA`, `NISTECC`, `BPECC` or `DSA`.
    pub fn keyword(self) -> &'static str {
        match self {
            KeyAlgorithm::Rsa => "RSA",
            KeyAlgorithm::NistEcc => "NISTECC",
            KeyAlgorithm::Bpecc => "BPECC",
            KeyAlgorithm::Dsa => "DSA",
        }
    }

    /// The algorithm a keyword names (upper case); `None` for anything else.
    pub fn from_keyword(k: &str) -> Option<KeyAlgorithm> {
        KeyAlgorithm::ALL.into_iter().find(|a| a.keyword() == k)
    }
}

impl fmt::Display for KeyAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// The KEYUSAGE keywords of GENCERT: each says which X.509 key usages the certificate gets.
///
/// The keywords, their order and what each sets are those of RACDCERT GENCERT
/// (<https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-gencert.htm>);
/// LIST's `Key Usage:` line names them in the same order ([`KeyUsage::keywords`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct KeyUsage {
    /// HANDSHAKE: digitalSignature (+ keyEncipherment for RSA).
    pub handshake: bool,
    /// DATAENCRYPT: dataEncipherment.
    pub dataencrypt: bool,
    /// DOCSIGN: nonRepudiation.
    pub docsign: bool,
    /// CERTSIGN: keyCertSign + cRLSign.
    pub certsign: bool,
    /// KEYAGREE: keyAgreement.
    pub keyagree: bool,
}

impl KeyUsage {
    /// RACF's KEYUSAGE keywords, in the order GENCERT's syntax lists them and LIST prints them.
    pub const KEYWORDS: [&'static str; 5] = [
        "HANDSHAKE",
        "DATAENCRYPT",
        "DOCSIGN",
        "CERTSIGN",
        "KEYAGREE",
    ];

    /// The flags in [`KeyUsage::KEYWORDS`] order.
    fn flags(&self) -> [bool; 5] {
        [
            self.handshake,
            self.dataencrypt,
            self.docsign,
            self.certsign,
            self.keyagree,
        ]
    }

    /// The usages whose flags are set, in [`KeyUsage::KEYWORDS`] order.
    fn from_flags([handshake, dataencrypt, docsign, certsign, keyagree]: [bool; 5]) -> KeyUsage {
        KeyUsage {
            handshake,
            dataencrypt,
            docsign,
            certsign,
            keyagree,
        }
    }

    /// The keywords of the usages set, in RACF's order (LIST's `Key Usage:` line); empty when
    /// none is set.
    pub fn keywords(&self) -> Vec<&'static str> {
        KeyUsage::KEYWORDS
            .into_iter()
            .zip(self.flags())
            .filter_map(|(k, on)| on.then_some(k))
            .collect()
    }

    /// The usages `keywords` name (each upper case and spelled out; repeats are allowed), or
    /// the first word that is not a KEYUSAGE keyword.
    pub fn from_keywords<'a>(
        keywords: impl IntoIterator<Item = &'a str>,
    ) -> Result<KeyUsage, &'a str> {
        let mut flags = [false; 5];
        for k in keywords {
            let i = KeyUsage::KEYWORDS
                .iter()
                .position(|known| *known == k)
                .ok_or(k)?;
            if let Some(f) = flags.get_mut(i) {
                *f = true;
            }
        }
        Ok(KeyUsage::from_flags(flags))
    }

    /// True when no usage is set.
    pub fn is_empty(&self) -> bool {
        !self.flags().contains(&true)
    }
}

/// The ALTNAME values of GENCERT: the certificate's subject alternative names.
///
/// `Ip` is how the IP address is held: the parser keeps the text as typed
/// (`AltNames<String>`), since RACF checks the address only when the command runs; the
/// certificate builder takes a checked address (`AltNames<IpAddr>`, the default).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AltNames<Ip = IpAddr> {
    /// IP(address).
    pub ip: Option<Ip>,
    /// DOMAIN('name').
    pub domain: Option<String>,
    /// EMAIL('address').
    pub email: Option<String>,
    /// URI('uri').
    pub uri: Option<String>,
}

impl<Ip> Default for AltNames<Ip> {
    fn default() -> Self {
        AltNames {
            ip: None,
            domain: None,
            email: None,
            uri: None,
        }
    }
}

impl<Ip> AltNames<Ip> {
    /// True when no value was given.
    pub fn is_empty(&self) -> bool {
        self.ip.is_none() && self.domain.is_none() && self.email.is_none() && self.uri.is_none()
    }

    /// The same names with the IP address converted by `f` (e.g. checked); the first error
    /// `f` gives is returned.
    pub fn try_map_ip<J, E>(&self, f: impl FnOnce(&Ip) -> Result<J, E>) -> Result<AltNames<J>, E> {
        Ok(AltNames {
            ip: self.ip.as_ref().map(f).transpose()?,
            domain: self.domain.clone(),
            email: self.email.clone(),
            uri: self.uri.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_algorithm_keywords_round_trip() {
        for a in KeyAlgorithm::ALL {
            assert_eq!(KeyAlgorithm::from_keyword(a.keyword()), Some(a));
        }
        assert_eq!(
            KeyAlgorithm::ALL.map(KeyAlgorithm::keyword),
            ["RSA", "NISTECC", "BPECC", "DSA"]
        );
        assert_eq!(KeyAlgorithm::from_keyword("rsa"), None);
    }

    /// Every set of keywords round-trips, in RACF's order whatever the input order.
    #[test]
    fn key_usage_keywords_round_trip_in_racf_order() {
        for bits in 0u8..32 {
            let words: Vec<&str> = KeyUsage::KEYWORDS
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, k)| *k)
                .collect();
            let ku = KeyUsage::from_keywords(words.iter().rev().copied()).unwrap();
            assert_eq!(ku.keywords(), words);
            assert_eq!(ku.is_empty(), bits == 0);
        }
        let all = KeyUsage::from_keywords(KeyUsage::KEYWORDS).unwrap();
        assert_eq!(
            all,
            KeyUsage {
                handshake: true,
                dataencrypt: true,
                docsign: true,
                certsign: true,
                keyagree: true,
            }
        );
        assert_eq!(
            KeyUsage::from_keywords(["CERTSIGN", "CERTSIGN"]).unwrap(),
            KeyUsage {
                certsign: true,
                ..KeyUsage::default()
            }
        );
        assert_eq!(
            KeyUsage {
                docsign: true,
                handshake: true,
                ..KeyUsage::default()
            }
            .keywords(),
            ["HANDSHAKE", "DOCSIGN"]
        );
    }

    /// Only the spelled-out, upper-case keywords are KEYUSAGE keywords (the parser resolves
    /// abbreviations and case before it asks).
    #[test]
    fn key_usage_refuses_other_words() {
        assert_eq!(KeyUsage::from_keywords(["HANDSHAKE", "SIGN"]), Err("SIGN"));
        assert_eq!(KeyUsage::from_keywords(["handshake"]), Err("handshake"));
        assert_eq!(KeyUsage::from_keywords(["HANDS"]), Err("HANDS"));
        assert_eq!(KeyUsage::from_keywords([""]), Err(""));
        assert_eq!(KeyUsage::from_keywords([]), Ok(KeyUsage::default()));
    }

    /// The typed IP text is checked by the caller's function; other names are kept as given.
    #[test]
    fn alt_names_check_the_ip_and_keep_the_rest() {
        let typed = AltNames::<String> {
            ip: Some("10.1.2.3".into()),
            domain: Some("host.example".into()),
            ..Default::default()
        };
        let checked = typed.try_map_ip(|s| s.parse::<IpAddr>()).unwrap();
        assert_eq!(checked.ip, Some(IpAddr::from([10, 1, 2, 3])));
        assert_eq!(checked.domain.as_deref(), Some("host.example"));
        assert!(!checked.is_empty());
        let bad = AltNames::<String> {
            ip: Some("10.1.2".into()),
            ..Default::default()
        };
        assert!(bad.try_map_ip(|s| s.parse::<IpAddr>()).is_err());
        assert!(AltNames::<IpAddr>::default().is_empty());
    }
}

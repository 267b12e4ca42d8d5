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
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
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

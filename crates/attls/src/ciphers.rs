//! The TLS cipher suites AT-TLS knows (z/OS Cryptographic Services System SSL Programming,
//! "Cipher suite definitions": the 4-character codes of `V3CipherSuites4Char`, the 2-character
//! codes of `V3CipherSuites` for the 00xx suites, and the `TLS_*` constant names either takes),
//! and what each needs of the server's key.

/// What a cipher suite needs of the server certificate's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyNeed {
    /// TLS 1.3: any RSA or ECC key (the key is used through the signature algorithms).
    Any,
    /// An RSA key (RSA key exchange, ECDHE_RSA, DHE_RSA).
    Rsa,
    /// An ECC key (ECDHE_ECDSA, and the fixed ECDH_ECDSA and ECDH_RSA suites).
    Ecc,
    /// A DSA key (DHE_DSS).
    Dsa,
    /// A Diffie-Hellman key in the certificate (the fixed DH_DSS and DH_RSA suites).
    Dh,
}

/// One cipher suite AT-TLS knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suite {
    /// The IANA code (`0x002F`), as `V3CipherSuites4Char` writes it in hexadecimal.
    pub code: u16,
    /// The constant name (`TLS_RSA_WITH_AES_128_CBC_SHA`).
    pub name: &'static str,
}

impl Suite {
    /// The 4-character code, as `V3CipherSuites4Char` takes it (`C02F`).
    pub fn hex(&self) -> String {
        format!("{:04X}", self.code)
    }

    /// Whether this is a TLS 1.3 suite (`13xx`); those are used by TLS 1.3 only.
    pub fn is_tls13(&self) -> bool {
        self.code >> 8 == 0x13
    }

    /// Whether the suite needs TLS 1.2 (GCM and SHA-256/SHA-384 suites).
    pub fn needs_tls12(&self) -> bool {
        !self.is_tls13()
            && (self.name.contains("_GCM_")
                || self.name.ends_with("SHA256")
                || self.name.ends_with("SHA384"))
    }

    /// What the suite needs of the server's key.
    pub fn key_need(&self) -> KeyNeed {
        let n = self.name;
        if self.is_tls13() {
            KeyNeed::Any
        } else if n.contains("_ECDH_") || n.contains("_ECDHE_ECDSA_") {
            KeyNeed::Ecc
        } else if n.contains("_DHE_DSS_") {
            KeyNeed::Dsa
        } else if n.contains("_DH_DSS_") || n.contains("_DH_RSA_") {
            KeyNeed::Dh
        } else {
            KeyNeed::Rsa
        }
    }
}

/// Every suite AT-TLS knows, in code order.
pub const SUITES: &[(u16, &str)] = &[
    (0x0001, "TLS_RSA_WITH_NULL_MD5"),
    (0x0002, "TLS_RSA_WITH_NULL_SHA"),
    (0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5"),
    (0x0004, "TLS_RSA_WITH_RC4_128_MD5"),
    (0x0005, "TLS_RSA_WITH_RC4_128_SHA"),
    (0x0006, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5"),
    (0x0009, "TLS_RSA_WITH_DES_CBC_SHA"),
    (0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
    (0x000C, "TLS_DH_DSS_WITH_DES_CBC_SHA"),
    (0x000D, "TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA"),
    (0x000F, "TLS_DH_RSA_WITH_DES_CBC_SHA"),
    (0x0010, "TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA"),
    (0x0012, "TLS_DHE_DSS_WITH_DES_CBC_SHA"),
    (0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA"),
    (0x0015, "TLS_DHE_RSA_WITH_DES_CBC_SHA"),
    (0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"),
    (0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA"),
    (0x0030, "TLS_DH_DSS_WITH_AES_128_CBC_SHA"),
    (0x0031, "TLS_DH_RSA_WITH_AES_128_CBC_SHA"),
    (0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA"),
    (0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"),
    (0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"),
    (0x0036, "TLS_DH_DSS_WITH_AES_256_CBC_SHA"),
    (0x0037, "TLS_DH_RSA_WITH_AES_256_CBC_SHA"),
    (0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA"),
    (0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"),
    (0x003B, "TLS_RSA_WITH_NULL_SHA256"),
    (0x003C, "TLS_RSA_WITH_AES_128_CBC_SHA256"),
    (0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256"),
    (0x003E, "TLS_DH_DSS_WITH_AES_128_CBC_SHA256"),
    (0x003F, "TLS_DH_RSA_WITH_AES_128_CBC_SHA256"),
    (0x0040, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256"),
    (0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"),
    (0x0068, "TLS_DH_DSS_WITH_AES_256_CBC_SHA256"),
    (0x0069, "TLS_DH_RSA_WITH_AES_256_CBC_SHA256"),
    (0x006A, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256"),
    (0x006B, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"),
    (0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256"),
    (0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384"),
    (0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
    (0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
    (0x00A0, "TLS_DH_RSA_WITH_AES_128_GCM_SHA256"),
    (0x00A1, "TLS_DH_RSA_WITH_AES_256_GCM_SHA384"),
    (0x00A2, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256"),
    (0x00A3, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384"),
    (0x00A4, "TLS_DH_DSS_WITH_AES_128_GCM_SHA256"),
    (0x00A5, "TLS_DH_DSS_WITH_AES_256_GCM_SHA384"),
    (0x1301, "TLS_AES_128_GCM_SHA256"),
    (0x1302, "TLS_AES_256_GCM_SHA384"),
    (0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
    (0xC001, "TLS_ECDH_ECDSA_WITH_NULL_SHA"),
    (0xC002, "TLS_ECDH_ECDSA_WITH_RC4_128_SHA"),
    (0xC003, "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA"),
    (0xC004, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA"),
    (0xC005, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA"),
    (0xC006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA"),
    (0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA"),
    (0xC008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA"),
    (0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
    (0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
    (0xC00B, "TLS_ECDH_RSA_WITH_NULL_SHA"),
    (0xC00C, "TLS_ECDH_RSA_WITH_RC4_128_SHA"),
    (0xC00D, "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA"),
    (0xC00E, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA"),
    (0xC00F, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA"),
    (0xC010, "TLS_ECDHE_RSA_WITH_NULL_SHA"),
    (0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA"),
    (0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"),
    (0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
    (0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
    (0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
    (0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
    (0xC025, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256"),
    (0xC026, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384"),
    (0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
    (0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
    (0xC029, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256"),
    (0xC02A, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384"),
    (0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
    (0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
    (0xC02D, "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256"),
    (0xC02E, "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384"),
    (0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
    (0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
    (0xC031, "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256"),
    (0xC032, "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384"),
];

fn suite(code: u16, name: &'static str) -> Suite {
    Suite { code, name }
}

/// The suite with this IANA code.
pub fn by_code(code: u16) -> Option<Suite> {
    SUITES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|&(c, n)| suite(c, n))
}

/// The suite with this constant name (case-insensitive).
pub fn by_name(name: &str) -> Option<Suite> {
    SUITES
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(name))
        .map(|&(c, n)| suite(c, n))
}

/// The suites one `V3CipherSuites` (`width` 2) or `V3CipherSuites4Char` (`width` 4) value
/// names: a constant name, or a string of 2- or 4-character hexadecimal codes. `Err` is the
/// part that names no suite AT-TLS knows.
pub fn parse_value(value: &str, width: usize) -> Vec<Result<Suite, String>> {
    if value.len() > 4
        && value
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("TLS_"))
    {
        return vec![by_name(value).ok_or_else(|| value.to_string())];
    }
    if value.is_empty() || value.len() % width != 0 || !value.chars().all(|c| c.is_ascii_hexdigit())
    {
        return vec![Err(value.to_string())];
    }
    value
        .as_bytes()
        .chunks(width)
        .map(|chunk| {
            let text = String::from_utf8_lossy(chunk).to_string();
            u16::from_str_radix(&text, 16)
                .ok()
                .and_then(by_code)
                .ok_or(text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes() {
        assert_eq!(
            by_name("tls_aes_128_gcm_sha256").map(|s| s.code),
            Some(0x1301)
        );
        let codes: Vec<u16> = parse_value("C02FC030", 4)
            .into_iter()
            .flatten()
            .map(|s| s.code)
            .collect();
        assert_eq!(codes, [0xC02F, 0xC030]);
        assert_eq!(parse_value("352F", 2).len(), 2);
        assert_eq!(parse_value("C02", 4), vec![Err("C02".to_string())]);
        assert_eq!(parse_value("TLS_FOO", 2), vec![Err("TLS_FOO".to_string())]);
    }

    #[test]
    fn key_needs() {
        let need = |n| by_name(n).map(|s| s.key_need());
        assert_eq!(
            need("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Some(KeyNeed::Ecc)
        );
        assert_eq!(
            need("TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256"),
            Some(KeyNeed::Ecc)
        );
        assert_eq!(
            need("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Some(KeyNeed::Rsa)
        );
        assert_eq!(need("TLS_RSA_WITH_AES_128_CBC_SHA"), Some(KeyNeed::Rsa));
        assert_eq!(need("TLS_CHACHA20_POLY1305_SHA256"), Some(KeyNeed::Any));
        assert!(by_name("TLS_RSA_WITH_AES_128_GCM_SHA256").is_some_and(|s| s.needs_tls12()));
        assert!(!by_name("TLS_RSA_WITH_AES_128_CBC_SHA").is_some_and(|s| s.needs_tls12()));
    }
}

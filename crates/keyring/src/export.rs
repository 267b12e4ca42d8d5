//! A ring as files other tools read: one PEM bundle, or a Java-compatible PKCS#12 keystore.

use crate::{RingEntry, RingView};
use racemu_pki::{
    export_keystore_der, pem_armour, verify_issued_by, KeyPair, KeystoreItem, Pkcs12Encryption,
    PkiError, Randomness,
};

/// The chain of `leaf` built from the ring's own entries (issuer by signature), leaf first.
pub(crate) fn chain_in_ring<'a>(view: &'a RingView, leaf: &'a RingEntry) -> Vec<&'a [u8]> {
    let mut chain: Vec<&[u8]> = vec![&leaf.der];
    let mut current = leaf;
    while chain.len() < 10 && !current.info.self_signed {
        let next = view
            .entries
            .iter()
            .find(|e| !chain.contains(&e.der.as_slice()) && verify_issued_by(&current.der, &e.der));
        match next {
            Some(n) => {
                chain.push(&n.der);
                current = n;
            }
            None => break,
        }
    }
    chain
}

/// A ring as files: what `racemu keyring export` writes.
pub trait Export {
    /// One PEM bundle, each certificate preceded by a `# label: …` comment line (label, owner,
    /// usage, DEFAULT, key) and by its private key (PKCS#8 `PRIVATE KEY`) when the caller may
    /// have it. Entries with a released key come first (DEFAULT first), then the rest in ring
    /// order, so tools that take "the first key and certificate" (OpenSSL, Python's ssl, curl)
    /// find the right pair and its chain. PEM readers skip text outside the armour.
    fn pem_bundle(&self) -> String;

    /// A PKCS#12 keystore: PERSONAL entries with a released key become PrivateKeyEntry
    /// (alias = label, with the chain found in the ring); every other entry becomes a
    /// trusted certificate. AES-256 unless `enc` says otherwise. Salts and IVs come from
    /// `randomness` (a seeded store's export is the same byte for byte each time).
    fn pkcs12(
        &self,
        password: &str,
        enc: Pkcs12Encryption,
        randomness: &Randomness,
    ) -> Result<Vec<u8>, PkiError>;
}

impl Export for RingView {
    fn pem_bundle(&self) -> String {
        let mut order: Vec<&RingEntry> = self.entries.iter().collect();
        order.sort_by_key(|e| (e.private_key.is_none(), !e.default));
        let mut out = String::new();
        for e in order {
            out.push_str(&format!(
                "# label: {} (owner {}, usage {}{}{})\n",
                e.label,
                e.owner.name(),
                e.usage,
                if e.default { ", DEFAULT" } else { "" },
                if e.private_key.is_some() {
                    ", private key"
                } else if e.key_withheld.is_some() {
                    ", private key withheld"
                } else {
                    ""
                }
            ));
            if let Some(k) = &e.private_key {
                out.push_str(&pem_armour(k, "PRIVATE KEY"));
            }
            out.push_str(&pem_armour(&e.der, "CERTIFICATE"));
        }
        out
    }

    fn pkcs12(
        &self,
        password: &str,
        enc: Pkcs12Encryption,
        randomness: &Randomness,
    ) -> Result<Vec<u8>, PkiError> {
        let keys: Vec<Option<KeyPair>> = self
            .entries
            .iter()
            .map(|e| {
                e.private_key
                    .as_ref()
                    .map(|k| KeyPair::from_pkcs8_der(k))
                    .transpose()
            })
            .collect::<Result<_, _>>()?;
        let mut items = Vec::new();
        for (e, k) in self.entries.iter().zip(keys.iter()) {
            match k {
                Some(key) => items.push(KeystoreItem::Key {
                    alias: &e.label,
                    key,
                    chain: chain_in_ring(self, e),
                }),
                None => items.push(KeystoreItem::Trusted {
                    alias: &e.label,
                    cert: &e.der,
                }),
            }
        }
        export_keystore_der(&items, password, enc, randomness)
    }
}

/// The subject of `e` as RFC 4514 writes it (`CN=server,O=racemu`, values escaped), beside
/// RACF's dotted form; the dotted form when the DER name cannot be read.
pub(crate) fn subject_rfc4514(e: &RingEntry) -> String {
    use x509_cert::der::Decode;
    x509_cert::name::Name::from_der(e.info.subject.der())
        .map(|n| n.to_string())
        .unwrap_or_else(|_| e.info.subject.racf_dotted())
}

//! Proof by handshake: the ring served in-process, as `keyring serve` serves it, and a real
//! TLS handshake by rustls client profiles modelled on each client's published TLS support.
//!
//! A profile is the client's key-exchange groups, the signature algorithms it offers and
//! accepts in certificates, and its minimum RSA key size. Sources:
//! * chrome: BoringSSL removed P-521 (boringssl commit e9fc3e547e557492316932b62881c3386973ceb2;
//!   "Chrome … prohibit[s] such certificates within TLS connections", w3c/openscreenprotocol#277);
//!   groups X25519MLKEM768, X25519, P-256, P-384; RSA keys of 2048 bits and more (CA/Browser
//!   Forum Baseline Requirements 6.1.5, which Chrome's root program enforces).
//! * firefox: NSS offers and mozilla::pkix accepts P-256, P-384 and P-521 (pkixcheck.cpp);
//!   RSA 2048 bits and more (Baseline Requirements 6.1.5, Mozilla Root Store Policy 5.1).
//! * java: JDK 17 `java.security`: `jdk.certpath.disabledAlgorithms` has `RSA keySize < 1024`
//!   and `EC keySize < 224`; SunEC offers P-256, P-384, P-521 and X25519.
//! * openssl: OpenSSL 3.x at security level 2 (Debian's and Ubuntu's default;
//!   SSL_CTX_set_security_level(3)): RSA keys of 2048 bits and more, P-256 to P-521.
//! * curl: built on OpenSSL 3.x on Linux, so the openssl profile's rules.
//!
//! The clients trust the ring's CERTAUTH and SITE certificates and its self-signed PERSONAL
//! certificates (what a client is given as its trust store); host names are not checked (the
//! doctor's `host-not-in-san` does that).

use crate::ClientAuth;
use crate::{RingView, TlsConfigs};
use racemu_pki::{parse_certificate, KeyType};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{aws_lc_rs, CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::{alg_id, CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, ClientConnection, DigitallySignedStruct, Error, NamedGroup,
    RootCertStore, ServerConfig, ServerConnection, SignatureScheme,
};
use std::sync::{Arc, OnceLock};

/// The clients [`probe`] knows.
pub const CLIENTS: &[&str] = &["chrome", "firefox", "java", "openssl", "curl"];

/// A client's published TLS support.
struct Profile {
    name: &'static str,
    groups: &'static [NamedGroup],
    /// Whether P-521 keys are accepted (in certificates and handshake signatures).
    p521: bool,
    min_rsa_bits: u32,
    /// What the client reports: no common algorithm, an untrusted chain, a weak key.
    no_overlap: &'static str,
    untrusted: &'static str,
    weak_key: &'static str,
}

const BROWSER_GROUPS: &[NamedGroup] = &[
    NamedGroup::X25519MLKEM768,
    NamedGroup::X25519,
    NamedGroup::secp256r1,
    NamedGroup::secp384r1,
];
const ALL_GROUPS: &[NamedGroup] = &[
    NamedGroup::X25519,
    NamedGroup::secp256r1,
    NamedGroup::secp384r1,
    NamedGroup::secp521r1,
];

const PROFILES: [Profile; 5] = [
    Profile {
        name: "chrome",
        groups: BROWSER_GROUPS,
        p521: false,
        min_rsa_bits: 2048,
        no_overlap: "ERR_SSL_VERSION_OR_CIPHER_MISMATCH",
        untrusted: "NET::ERR_CERT_AUTHORITY_INVALID",
        weak_key: "NET::ERR_CERT_WEAK_KEY",
    },
    Profile {
        name: "firefox",
        groups: BROWSER_GROUPS,
        p521: true,
        min_rsa_bits: 2048,
        no_overlap: "SSL_ERROR_NO_CYPHER_OVERLAP",
        untrusted: "SEC_ERROR_UNKNOWN_ISSUER",
        weak_key: "SSL_ERROR_WEAK_SERVER_CERT_KEY",
    },
    Profile {
        name: "java",
        groups: ALL_GROUPS,
        p521: true,
        min_rsa_bits: 1024,
        no_overlap: "javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure",
        untrusted: "javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target",
        weak_key: "javax.net.ssl.SSLHandshakeException: Algorithm constraints check failed on keysize limits",
    },
    Profile {
        name: "openssl",
        groups: ALL_GROUPS,
        p521: true,
        min_rsa_bits: 2048,
        no_overlap: "alert handshake failure",
        untrusted: "verify error:num=20:unable to get local issuer certificate",
        weak_key: "verify error:num=66:EE certificate key too weak",
    },
    Profile {
        name: "curl",
        groups: ALL_GROUPS,
        p521: true,
        min_rsa_bits: 2048,
        no_overlap: "curl: (35) OpenSSL/3: error:0A000410:SSL routines::sslv3 alert handshake failure",
        untrusted: "curl: (60) SSL certificate problem: unable to get local issuer certificate",
        weak_key: "curl: (60) SSL certificate problem: EE certificate key too weak",
    },
];

fn base() -> CryptoProvider {
    aws_lc_rs::default_provider()
}

/// The signature algorithms of `p`: the provider's, without P-521 when `p` lacks it. Built
/// once per profile (rustls takes them as `'static`).
fn algorithms(index: usize) -> WebPkiSupportedAlgorithms {
    static CACHE: [OnceLock<WebPkiSupportedAlgorithms>; 5] = [const { OnceLock::new() }; 5];
    *CACHE[index % 5].get_or_init(|| {
        let p = &PROFILES[index % 5];
        let b = base().signature_verification_algorithms;
        let keep = |a: &&'static dyn rustls::pki_types::SignatureVerificationAlgorithm| {
            p.p521 || a.public_key_alg_id() != alg_id::ECDSA_P521
        };
        let all: Vec<_> = b.all.iter().copied().filter(keep).collect();
        let mapping: Vec<_> = b
            .mapping
            .iter()
            .filter(|(s, _)| p.p521 || *s != SignatureScheme::ECDSA_NISTP521_SHA512)
            .map(|(s, algs)| {
                let algs: Vec<_> = algs.iter().copied().filter(keep).collect();
                (*s, &*Box::leak(algs.into_boxed_slice()))
            })
            .collect();
        WebPkiSupportedAlgorithms {
            all: Box::leak(all.into_boxed_slice()),
            mapping: Box::leak(mapping.into_boxed_slice()),
        }
    })
}

#[derive(Debug)]
struct ProfileVerifier {
    index: usize,
    inner: Arc<WebPkiServerVerifier>,
    /// The ring holds a CA certificate with an RSA key under 2048 bits.
    short_rsa_anchor: bool,
    /// Set when a chain was accepted without its signatures verified (see above).
    unverified: Arc<std::sync::Mutex<bool>>,
}

impl ProfileVerifier {
    fn profile(&self) -> &'static Profile {
        &PROFILES[self.index % 5]
    }
}

/// Whether a certificate's key is one the profile refuses, and why. `ca` for the issuers.
fn key_refused(p: &Profile, der: &[u8], ca: bool) -> Option<String> {
    let info = parse_certificate(der).ok()?;
    let who = info.subject.racf_dotted();
    match info.key_type {
        KeyType::Rsa if info.key_size < p.min_rsa_bits => Some(format!(
            "{} ({} needs RSA keys of {} bits or more; {who} has {})",
            if ca {
                p.weak_key.replace("num=66:EE", "num=67:CA")
            } else {
                p.weak_key.to_string()
            },
            p.name,
            p.min_rsa_bits,
            info.key_size
        )),
        KeyType::NistEcc if info.key_size == 521 && !p.p521 => Some(format!(
            "{} ({} does not accept P-521 keys; {who} has one)",
            p.no_overlap, p.name
        )),
        _ => None,
    }
}

impl ServerCertVerifier for ProfileVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let p = self.profile();
        let mut short_rsa = false;
        for (i, der) in std::iter::once(end_entity).chain(intermediates).enumerate() {
            if let Some(why) = key_refused(p, der, i > 0) {
                return Err(Error::General(why));
            }
            short_rsa |= parse_certificate(der)
                .is_ok_and(|c| c.key_type == KeyType::Rsa && c.key_size < 2048);
        }
        // The issuer's key may be outside the chain sent (the trust anchor).
        short_rsa |= self.short_rsa_anchor;
        match self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Ok(v) => Ok(v),
            Err(Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            // webpki (aws-lc-rs) verifies RSA signatures of keys of 2048 bits or more only;
            // a client that accepts shorter keys is taken at its rules.
            Err(Error::InvalidCertificate(CertificateError::BadSignature))
            | Err(Error::InvalidCertificate(CertificateError::UnknownIssuer))
                if short_rsa =>
            {
                *self.unverified.lock().unwrap_or_else(|e| e.into_inner()) = true;
                Ok(ServerCertVerified::assertion())
            }
            Err(e) => Err(Error::General(format!("{} ({e})", p.untrusted))),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// The trust store a client is given: the ring's CA certificates and its self-signed
/// PERSONAL ones.
fn trust(ring: &RingView) -> RootCertStore {
    let mut roots = ring.root_store();
    for e in ring
        .entries
        .iter()
        .filter(|e| e.is_personal() && e.info.self_signed)
    {
        let _ = roots.add(CertificateDer::from(e.der.clone()));
    }
    roots
}

fn client_config(
    index: usize,
    ring: &RingView,
    unverified: Arc<std::sync::Mutex<bool>>,
) -> Result<ClientConfig, String> {
    let p = &PROFILES[index % 5];
    let b = base();
    let provider = Arc::new(CryptoProvider {
        kx_groups: b
            .kx_groups
            .iter()
            .copied()
            .filter(|g| p.groups.contains(&g.name()))
            .collect(),
        signature_verification_algorithms: algorithms(index),
        ..b
    });
    let inner =
        WebPkiServerVerifier::builder_with_provider(Arc::new(trust(ring)), Arc::clone(&provider))
            .build()
            .map_err(|e| format!("{} trusts no certificate of the ring: {e}", p.name))?;
    let config = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(ProfileVerifier {
            index,
            inner,
            short_rsa_anchor: ring.entries.iter().any(|e| {
                !e.is_personal() && e.info.key_type == KeyType::Rsa && e.info.key_size < 2048
            }),
            unverified,
        }))
        .with_no_client_auth();
    Ok(config)
}

/// Moves the bytes one side has to send to the other; `Err` is the receiver's error.
fn pump(
    from: &mut dyn FnMut(&mut Vec<u8>) -> std::io::Result<usize>,
    to: &mut dyn FnMut(&[u8]) -> Result<(), Error>,
) -> Result<bool, Error> {
    let mut buf = Vec::new();
    while from(&mut buf).map_err(|e| Error::General(e.to_string()))? > 0 {}
    if buf.is_empty() {
        return Ok(false);
    }
    to(&buf)?;
    Ok(true)
}

/// One in-memory handshake: what it negotiated, or the failure.
fn handshake(
    server: &mut ServerConnection,
    client: &mut ClientConnection,
) -> Result<String, (bool, Error)> {
    for _ in 0..32 {
        let c2s = pump(&mut |b| client.write_tls(b), &mut |mut d: &[u8]| {
            while !d.is_empty() {
                server
                    .read_tls(&mut d)
                    .map_err(|e| Error::General(e.to_string()))?;
            }
            server.process_new_packets().map(|_| ())
        })
        .map_err(|e| (false, e))?;
        let s2c = pump(&mut |b| server.write_tls(b), &mut |mut d: &[u8]| {
            while !d.is_empty() {
                client
                    .read_tls(&mut d)
                    .map_err(|e| Error::General(e.to_string()))?;
            }
            client.process_new_packets().map(|_| ())
        })
        .map_err(|e| (true, e))?;
        if !client.is_handshaking() && !server.is_handshaking() {
            let version = client
                .protocol_version()
                .map(|v| format!("{v:?}").replace('_', "."))
                .unwrap_or_default();
            let suite = client
                .negotiated_cipher_suite()
                .map(|s| format!("{:?}", s.suite()).replace("TLS13_", "TLS_"))
                .unwrap_or_default();
            return Ok(format!("{version} {suite}"));
        }
        if !c2s && !s2c {
            break;
        }
    }
    Err((
        true,
        Error::General("the handshake did not complete".into()),
    ))
}

/// The outcome of a real TLS handshake by one client profile against the served ring.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    /// The client profile (`chrome`, `firefox`, `java`, `openssl`, `curl`).
    pub client: String,
    /// Whether the handshake completed and the client accepted the server's certificate.
    pub accepted: bool,
    /// What the handshake negotiated, or the failure that client would report.
    pub detail: String,
}

/// Serves `ring`'s DEFAULT certificate (or `label`) in-process and handshakes with each of
/// `clients` (names from [`CLIENTS`]; others are reported as unknown). Each probe says
/// whether that client would accept the server, and what it negotiated or the failure it
/// would report.
pub fn probe(ring: &RingView, label: Option<&str>, clients: &[&str]) -> Vec<Probe> {
    let server = ring
        .server_config(label, ClientAuth::None)
        .map(Arc::new)
        .map_err(|e| e.to_string());
    probe_with(ring, &server, clients)
}

/// As [`probe`], with the server `server` (an AT-TLS rule's versions and suites, say) in
/// place of `keyring serve`'s; `Err` is why that server cannot start, which every probe
/// reports. The clients trust the ring's CA certificates, as in [`probe`].
pub fn probe_with(
    ring: &RingView,
    server: &Result<Arc<ServerConfig>, String>,
    clients: &[&str],
) -> Vec<Probe> {
    clients
        .iter()
        .map(|name| {
            let refused = |detail: String| Probe {
                client: name.to_string(),
                accepted: false,
                detail,
            };
            let Some(index) = PROFILES.iter().position(|p| p.name == *name) else {
                return refused(format!(
                    "no profile for {name}; known: {}",
                    CLIENTS.join(", ")
                ));
            };
            let p = &PROFILES[index];
            let server = match server {
                Ok(c) => Arc::clone(c),
                Err(e) => return refused(format!("the server cannot start: {e}")),
            };
            let unverified = Arc::new(std::sync::Mutex::new(false));
            let client = match client_config(index, ring, Arc::clone(&unverified)) {
                Ok(c) => c,
                Err(e) => return refused(format!("{} ({e})", p.untrusted)),
            };
            let name_ = ServerName::try_from("localhost").map(|n| n.to_owned());
            let (Ok(mut s), Ok(sn)) = (ServerConnection::new(server), name_) else {
                return refused("the server connection could not be made".into());
            };
            let Ok(mut c) = ClientConnection::new(Arc::new(client), sn) else {
                return refused("the client connection could not be made".into());
            };
            match handshake(&mut s, &mut c) {
                Ok(negotiated) => Probe {
                    client: name.to_string(),
                    accepted: true,
                    detail: if *unverified.lock().unwrap_or_else(|e| e.into_inner()) {
                        format!("{negotiated} (accepted by {}'s key-size rules; racemu cannot verify signatures made with RSA keys under 2048 bits)", p.name)
                    } else {
                        negotiated
                    },
                },
                Err((_, Error::General(why))) => refused(why),
                Err((true, e)) => refused(format!("{} ({e})", p.untrusted)),
                Err((false, e)) => refused(format!("{} (server: {e})", p.no_overlap)),
            }
        })
        .collect()
}

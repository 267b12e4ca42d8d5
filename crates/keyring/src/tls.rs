//! rustls configurations from a ring: what an AT-TLS or Liberty server on z/OS presents and
//! trusts.

use crate::export::chain_in_ring;
use crate::logons::{ClientLogons, SafCheck};
use crate::messages as m;
use crate::operand::quoted;
use crate::{RingEntry, RingView};
use racemu_pki::KeyType;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::danger::ClientCertVerifier;
use rustls::server::WebPkiClientVerifier;
use rustls::{ClientConfig, RootCertStore, ServerConfig, SupportedProtocolVersion};
use std::sync::Arc;

/// Client certificate policy of a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientAuth {
    /// No client certificate asked for.
    #[default]
    None,
    /// Asked for, verified when sent.
    Optional,
    /// Required and verified.
    Required,
    /// Asked for, optional, and not verified (AT-TLS `ClientAuthType PassThru`).
    Unverified,
}

/// Why a TLS configuration could not be made.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// No DEFAULT (or labelled) certificate, or its key is not released to the caller.
    #[error("{0}")]
    NoServerCertificate(String),
    /// No `--label` and no DEFAULT certificate in the ring (RCM211E, with the choices).
    #[error("{0}")]
    NoDefault(String),
    /// An RSA key shorter than 2048 bits, which the TLS library here does not use (RCM210E,
    /// with the REKEY and ROLLOVER that would replace it).
    #[error("{0}")]
    ShortRsaKey(String),
    /// rustls refused the material.
    #[error("rustls: {0}")]
    Rustls(#[from] rustls::Error),
    /// The client verifier could not be built (e.g. no CERTAUTH certificates).
    #[error("client verifier: {0}")]
    Verifier(String),
}

/// Why `entry`'s key cannot be used for TLS here, when it is an RSA key under 2048 bits
/// (aws-lc-rs, rustls's provider, accepts 2048 to 8192 bits), with the commands that would
/// replace it.
fn short_rsa_key(entry: &RingEntry) -> Option<String> {
    if entry.info.key_type != KeyType::Rsa || entry.info.key_size >= 2048 {
        return None;
    }
    // A new label of at most 32 characters.
    let base: String = entry.label.chars().take(27).collect();
    let new = format!("{base}-2048");
    let resign = if entry.info.self_signed {
        String::new()
    } else {
        " REKEY makes a self-signed copy: as the certificate was issued by a CA, have the copy signed (RACDCERT GENREQ, then GENCERT with SIGNWITH or an external CA and ADD) before the ROLLOVER.".to_string()
    };
    Some(m::rcm210e(
        &entry.owner,
        &entry.label,
        entry.info.key_size,
        &new,
        &resign,
    ))
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::aws_lc_rs::default_provider())
}

/// rustls configurations from a ring as its caller opened it: what a server presents and
/// trusts, and what a client trusts and presents.
pub trait TlsConfigs {
    /// The ring's CERTAUTH- and SITE-usage certificates as trust anchors.
    fn root_store(&self) -> RootCertStore;

    /// A TLS 1.2/1.3 server presenting the DEFAULT certificate (or `label`) with its chain,
    /// trusting the ring's CERTAUTH certificates for client certificates.
    fn server_config(
        &self,
        label: Option<&str>,
        client_auth: ClientAuth,
    ) -> Result<ServerConfig, TlsError>;

    /// A server presenting the DEFAULT certificate (or `label`) with its chain, with the
    /// cipher suites of `provider` (in its order) and the protocol `versions` given; the same
    /// refusals as [`TlsConfigs::server_config`]: RCM211E without a DEFAULT or label, RCM212E
    /// when the key is not released, RCM210E for an RSA key rustls does not use.
    fn server_config_with(
        &self,
        label: Option<&str>,
        client_auth: ClientAuth,
        provider: Arc<CryptoProvider>,
        versions: &[&'static SupportedProtocolVersion],
    ) -> Result<ServerConfig, TlsError>;

    /// A server that admits only clients whose certificate chains to the ring's CERTAUTH or
    /// SITE certificates and logs a user on (`logons`): AT-TLS `ClientAuthType SAFCheck`.
    /// The handshake of any other client fails, naming why (no user, a revoked user). The
    /// same refusals as [`TlsConfigs::server_config_with`] otherwise.
    fn server_config_admitting(
        &self,
        label: Option<&str>,
        logons: Arc<dyn ClientLogons>,
        provider: Arc<CryptoProvider>,
        versions: &[&'static SupportedProtocolVersion],
    ) -> Result<ServerConfig, TlsError>;

    /// A TLS client trusting the ring's CERTAUTH certificates, presenting the DEFAULT
    /// certificate when its key is released.
    fn client_config(&self) -> Result<ClientConfig, TlsError>;
}

impl TlsConfigs for RingView {
    fn root_store(&self) -> RootCertStore {
        let mut roots = RootCertStore::empty();
        for e in self.entries.iter().filter(|e| !e.is_personal()) {
            let _ = roots.add(CertificateDer::from(e.der.clone()));
        }
        roots
    }

    fn server_config(
        &self,
        label: Option<&str>,
        client_auth: ClientAuth,
    ) -> Result<ServerConfig, TlsError> {
        self.server_config_with(
            label,
            client_auth,
            provider(),
            &[&rustls::version::TLS13, &rustls::version::TLS12],
        )
    }

    fn server_config_with(
        &self,
        label: Option<&str>,
        client_auth: ClientAuth,
        provider: Arc<CryptoProvider>,
        versions: &[&'static SupportedProtocolVersion],
    ) -> Result<ServerConfig, TlsError> {
        let verifier: Option<Arc<dyn ClientCertVerifier>> = match client_auth {
            ClientAuth::None => None,
            ClientAuth::Unverified => Some(Arc::new(AnyClientCertificate(Arc::clone(&provider)))),
            mode => Some(ring_verifier(self, mode, &provider)?),
        };
        server_with(self, label, verifier, provider, versions)
    }

    fn server_config_admitting(
        &self,
        label: Option<&str>,
        logons: Arc<dyn ClientLogons>,
        provider: Arc<CryptoProvider>,
        versions: &[&'static SupportedProtocolVersion],
    ) -> Result<ServerConfig, TlsError> {
        let inner = ring_verifier(self, ClientAuth::Required, &provider)?;
        let verifier: Arc<dyn ClientCertVerifier> = Arc::new(SafCheck::new(inner, logons));
        server_with(self, label, Some(verifier), provider, versions)
    }

    fn client_config(&self) -> Result<ClientConfig, TlsError> {
        let builder = ClientConfig::builder_with_provider(provider())
            .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])?
            .with_root_certificates(self.root_store());
        match self
            .entry(None)
            .and_then(|e| e.private_key.clone().map(|k| (e, k)))
        {
            Some((e, key)) => {
                let chain = chain_in_ring(self, e)
                    .into_iter()
                    .map(|d| CertificateDer::from(d.to_vec()))
                    .collect();
                Ok(builder.with_client_auth_cert(
                    chain,
                    PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key)),
                )?)
            }
            None => Ok(builder.with_no_client_auth()),
        }
    }
}

/// The verifier of client certificates against the ring's CERTAUTH and SITE certificates:
/// required, or (`ClientAuth::Optional`) only when sent.
fn ring_verifier(
    view: &RingView,
    mode: ClientAuth,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<dyn ClientCertVerifier>, TlsError> {
    let roots = Arc::new(view.root_store());
    let b = WebPkiClientVerifier::builder_with_provider(roots, Arc::clone(provider));
    let b = if mode == ClientAuth::Optional {
        b.allow_unauthenticated()
    } else {
        b
    };
    b.build().map_err(|e| TlsError::Verifier(e.to_string()))
}

/// A server presenting the DEFAULT certificate (or `label`) of `view` with its chain, with
/// `verifier` for client certificates (none asked for without one).
fn server_with(
    view: &RingView,
    label: Option<&str>,
    verifier: Option<Arc<dyn ClientCertVerifier>>,
    provider: Arc<CryptoProvider>,
    versions: &[&'static SupportedProtocolVersion],
) -> Result<ServerConfig, TlsError> {
    let entry = match label {
        Some(l) => view.entry(Some(l)).ok_or_else(|| {
            TlsError::NoServerCertificate(
                if view.filtered.iter().any(|e| e.label == l) {
                    format!(
                        "the certificate {} of ring {}/{} is NOTRUST, and R_datalib leaves NOTRUST certificates out (see keyring list)",
                        quoted(l),
                        view.owner,
                        view.name
                    )
                } else {
                    format!(
                        "ring {}/{} has no certificate labelled {l} (labels are case sensitive)",
                        view.owner, view.name
                    )
                },
            )
        })?,
        None => view
            .entry(None)
            .ok_or_else(|| TlsError::NoDefault(no_default(view)))?,
    };
    let key = entry
        .private_key
        .clone()
        .ok_or_else(|| TlsError::NoServerCertificate(key_not_available(view, entry)))?;
    if let Some(why) = short_rsa_key(entry) {
        return Err(TlsError::ShortRsaKey(why));
    }
    let chain: Vec<CertificateDer<'static>> = chain_in_ring(view, entry)
        .into_iter()
        .map(|d| CertificateDer::from(d.to_vec()))
        .collect();
    let builder = ServerConfig::builder_with_provider(provider).with_protocol_versions(versions)?;
    let builder = match verifier {
        None => builder.with_no_client_auth(),
        Some(v) => builder.with_client_cert_verifier(v),
    };
    Ok(builder.with_single_cert(chain, PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key)))?)
}

/// RCM211E: the ring has no DEFAULT; the PERSONAL certificates whose keys the caller has,
/// and the `--label` or `CONNECT … DEFAULT` that would choose one.
fn no_default(view: &RingView) -> String {
    if let Some(d) = view.filtered.iter().find(|e| e.default) {
        return m::rcm211e_default_notrust(
            &view.owner,
            &view.name,
            &d.label,
            &view.caller,
            &d.owner,
        );
    }
    let keyed: Vec<&RingEntry> = view
        .entries
        .iter()
        .filter(|e| e.is_personal() && e.private_key.is_some())
        .collect();
    let mut msg = m::rcm211e_no_default(&view.owner, &view.name);
    let Some(first) = keyed.first() else {
        msg.push_str(&format!(
            " No PERSONAL certificate in it has a private key released to {} (see keyring list).",
            view.caller
        ));
        return msg;
    };
    let labels: Vec<String> = keyed.iter().map(|e| quoted(&e.label)).collect();
    msg.push_str(&format!(
        " PERSONAL certificates with a private key: {}. Choose one with --label {}",
        labels.join(", "),
        quoted(&first.label)
    ));
    if view.name != "*" {
        msg.push_str(&format!(
            ", or make it the ring's DEFAULT: RACDCERT ID({}) CONNECT({} LABEL({}) RING({}) DEFAULT)",
            view.owner,
            first.owner.operand(),
            quoted(&first.label),
            view.name
        ));
    }
    msg.push('.');
    msg
}

/// Why the key of `entry` is not available to the caller (RCM212E).
fn key_not_available(view: &RingView, entry: &RingEntry) -> String {
    match &entry.key_withheld {
        Some(why) => m::rcm212e_withheld(&entry.label, &view.caller, why),
        None if entry.key_in_racf => m::rcm212e_not_returned(
            &entry.label,
            entry.usage,
            &view.owner,
            &view.name,
            &entry.owner,
        ),
        None => m::rcm212e_no_key(&entry.label, entry.usage),
    }
}

/// AT-TLS `ClientAuthType PassThru`: a client certificate is asked for, optional, and not
/// validated; only the handshake signature made with its key is checked.
#[derive(Debug)]
struct AnyClientCertificate(Arc<CryptoProvider>);

impl rustls::server::danger::ClientCertVerifier for AnyClientCertificate {
    fn client_auth_mandatory(&self) -> bool {
        false
    }

    fn root_hint_subjects(&self) -> &[rustls::DistinguishedName] {
        &[]
    }

    fn verify_client_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::server::danger::ClientCertVerified, rustls::Error> {
        Ok(rustls::server::danger::ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

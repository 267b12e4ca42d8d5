//! rustls configurations from a ring: what an AT-TLS or Liberty server on z/OS presents and
//! trusts.

use crate::export::chain_in_ring;
use crate::view::RingView;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::WebPkiClientVerifier;
use rustls::{ClientConfig, RootCertStore, ServerConfig};
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
}

/// Why a TLS configuration could not be made.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// No DEFAULT (or labelled) certificate, or its key is not released to the caller.
    #[error("{0}")]
    NoServerCertificate(String),
    /// rustls refused the material.
    #[error("rustls: {0}")]
    Rustls(#[from] rustls::Error),
    /// The client verifier could not be built (e.g. no CERTAUTH certificates).
    #[error("client verifier: {0}")]
    Verifier(String),
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::aws_lc_rs::default_provider())
}

impl RingView {
    /// The ring's CERTAUTH- and SITE-usage certificates as trust anchors.
    pub fn root_store(&self) -> RootCertStore {
        let mut roots = RootCertStore::empty();
        for e in self.entries.iter().filter(|e| e.usage != "PERSONAL") {
            let _ = roots.add(CertificateDer::from(e.der.clone()));
        }
        roots
    }

    /// A TLS 1.2/1.3 server presenting the DEFAULT certificate (or `label`) with its chain,
    /// trusting the ring's CERTAUTH certificates for client certificates.
    pub fn server_config(
        &self,
        label: Option<&str>,
        client_auth: ClientAuth,
    ) -> Result<ServerConfig, TlsError> {
        let entry = self.entry(label).ok_or_else(|| {
            TlsError::NoServerCertificate(match label {
                Some(l) => format!(
                    "ring {}/{} has no certificate labelled {l}",
                    self.owner, self.name
                ),
                None => format!(
                    "ring {}/{} has no DEFAULT certificate",
                    self.owner, self.name
                ),
            })
        })?;
        let key = entry.private_key.clone().ok_or_else(|| {
            TlsError::NoServerCertificate(format!(
                "the private key of {} is not available or no authority to access the private key",
                entry.label
            ))
        })?;
        let chain: Vec<CertificateDer<'static>> = chain_in_ring(self, entry)
            .into_iter()
            .map(|d| CertificateDer::from(d.to_vec()))
            .collect();
        let builder = ServerConfig::builder_with_provider(provider())
            .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])?;
        let builder = match client_auth {
            ClientAuth::None => builder.with_no_client_auth(),
            mode => {
                let roots = Arc::new(self.root_store());
                let b = WebPkiClientVerifier::builder_with_provider(roots, provider());
                let b = if mode == ClientAuth::Optional {
                    b.allow_unauthenticated()
                } else {
                    b
                };
                builder.with_client_cert_verifier(
                    b.build().map_err(|e| TlsError::Verifier(e.to_string()))?,
                )
            }
        };
        Ok(builder.with_single_cert(chain, PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key)))?)
    }

    /// A TLS client trusting the ring's CERTAUTH certificates, presenting the DEFAULT
    /// certificate when its key is released.
    pub fn client_config(&self) -> Result<ClientConfig, TlsError> {
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

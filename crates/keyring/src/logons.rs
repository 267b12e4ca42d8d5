//! Client-certificate logon for the TLS servers racemu runs: after the TLS layer has checked
//! a client certificate's chain against the ring's CA certificates, the server asks RACF which
//! user the certificate logs on (initACEE's question; the rules are the engine's,
//! [`racemu_engine::maps::logon`]). [`SafCheck`] makes the answer part of the handshake, as
//! AT-TLS `ClientAuthType SAFCheck` does: a certificate that logs no one on ends the
//! handshake.

use racemu_engine::maps::logon::{CertificateLogon, LogonServer};
use racemu_engine::Engine;
use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{CertificateError, DistinguishedName, OtherError, SignatureScheme};
use std::sync::{Arc, Mutex};

/// What a server asks RACF about a client certificate whose chain the TLS layer verified.
pub trait ClientLogons: Send + Sync + std::fmt::Debug {
    /// RACF's answer for the certificate (DER); `Err` says why RACF could not be asked (the
    /// store failed, the bytes are no certificate).
    fn logon(&self, der: &[u8]) -> Result<CertificateLogon, String>;
}

/// RACF asked by the server's user ID through an engine of its own over the store (one
/// lookup at a time).
pub struct RacfLogons {
    engine: Mutex<Engine>,
    who: LogonServer,
}

impl RacfLogons {
    /// Logons for the server running as `server`: `appl` and `sysid` fill `&APPLID` and
    /// `&SYSID` in MULTIID criteria.
    pub fn new(engine: Engine, server: &str, appl: Option<&str>, sysid: &str) -> RacfLogons {
        RacfLogons {
            engine: Mutex::new(engine),
            who: LogonServer {
                server: server.to_ascii_uppercase(),
                appl: appl.map(str::to_string),
                sysid: sysid.to_string(),
            },
        }
    }
}

impl std::fmt::Debug for RacfLogons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RacfLogons")
            .field("who", &self.who)
            .finish_non_exhaustive()
    }
}

impl ClientLogons for RacfLogons {
    fn logon(&self, der: &[u8]) -> Result<CertificateLogon, String> {
        let engine = self
            .engine
            .lock()
            .map_err(|_| "the RACF lookup failed earlier in another connection".to_string())?;
        engine
            .certificate_logon(der, &self.who)
            .map_err(|e| e.to_string())
    }
}

/// Why a client certificate was refused after its chain was verified.
#[derive(Debug)]
struct NoLogon(String);

impl std::fmt::Display for NoLogon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NoLogon {}

/// AT-TLS `ClientAuthType SAFCheck`: the client certificate is required and verified by
/// `inner`, then must log a user on; otherwise the handshake fails with the reason.
#[derive(Debug)]
pub(crate) struct SafCheck {
    inner: Arc<dyn ClientCertVerifier>,
    logons: Arc<dyn ClientLogons>,
}

impl SafCheck {
    /// `inner`'s verification, then `logons`.
    pub(crate) fn new(inner: Arc<dyn ClientCertVerifier>, logons: Arc<dyn ClientLogons>) -> Self {
        SafCheck { inner, logons }
    }
}

impl ClientCertVerifier for SafCheck {
    fn offer_client_auth(&self) -> bool {
        true
    }

    fn client_auth_mandatory(&self) -> bool {
        true
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        let verified = self
            .inner
            .verify_client_cert(end_entity, intermediates, now)?;
        let refuse = |why: String| {
            rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(
                NoLogon(why),
            ))))
        };
        match self.logons.logon(end_entity.as_ref()) {
            Ok(l) if l.user().is_some() => Ok(verified),
            Ok(l) => Err(refuse(format!("SAFCheck: {}", l.explain()))),
            Err(e) => Err(refuse(format!("SAFCheck: {e}"))),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

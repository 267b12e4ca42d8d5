//! A rustls server that applies a rule as AT-TLS would: the rule's ring and label, its TLS
//! versions, its cipher suites in policy order (the server's order wins, as System SSL's
//! does) and its `ClientAuthType`.

use crate::model::{ClientAuthType, HandshakeRole, Protocol};
use crate::resolve::Effective;
use racemu_keyring::rustls::crypto::{aws_lc_rs, CryptoProvider};
use racemu_keyring::rustls::{self, ServerConfig, SupportedProtocolVersion};
use racemu_keyring::{ClientAuth, ClientLogons, RingView, TlsConfigs};
use std::sync::Arc;

/// A server configuration for a rule, and what of the rule it could not apply.
#[derive(Debug)]
pub struct AttlsServer {
    /// The rustls configuration.
    pub config: ServerConfig,
    /// The rule's suites that rustls has, in policy order (IANA names).
    pub suites: Vec<String>,
    /// What is not applied: suites rustls lacks, protocols it does not speak, checks not
    /// emulated (one sentence each).
    pub notes: Vec<String>,
}

/// The rustls server for settings `e` over `ring` (the rule's `Keyring` opened as the
/// server's user ID). `Err` says why no handshake could be served: a client role, no TLS
/// version rustls speaks, no usable suite, or the ring's refusal (missing label or key).
///
/// `ClientAuthType SAFCheck` with `logons` completes a handshake only for a client
/// certificate that logs a user on: "validated against the key ring and must be associated
/// with a user ID" (AT-TLS handshake roles,
/// <https://www.ibm.com/docs/en/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz002/attls_handshake_roles.htm>);
/// without `logons` (the doctor's
/// probes, which send no client certificate) it is served as `Required`, and a note says so.
pub fn server_config(
    e: &Effective,
    ring: &RingView,
    logons: Option<Arc<dyn ClientLogons>>,
) -> Result<AttlsServer, String> {
    let mut notes = Vec::new();
    if !e.enabled {
        notes.push(format!(
            "TTLSRule {}: its TTLSGroupAction does not say TTLSEnabled On, so on z/OS AT-TLS would not protect these connections; served as if it did",
            e.rule
        ));
    }
    let client_auth = match (e.role, e.client_auth.0) {
        (HandshakeRole::Client, _) => {
            return Err(format!(
                "TTLSRule {} has HandshakeRole Client: AT-TLS is the TLS client there, and there is nothing to serve",
                e.rule
            ))
        }
        (HandshakeRole::Server, _) => ClientAuth::None,
        (HandshakeRole::ServerWithClientAuth, ClientAuthType::PassThru) => ClientAuth::Unverified,
        (HandshakeRole::ServerWithClientAuth, ClientAuthType::Full) => ClientAuth::Optional,
        (HandshakeRole::ServerWithClientAuth, ClientAuthType::Required) => ClientAuth::Required,
        (HandshakeRole::ServerWithClientAuth, ClientAuthType::SafCheck) => {
            if logons.is_none() {
                notes.push("ClientAuthType SAFCheck: the client certificate is required and validated; its mapping to a user ID is not checked here".to_string());
            }
            ClientAuth::Required
        }
    };
    let mut versions: Vec<&'static SupportedProtocolVersion> = Vec::new();
    if e.is_on(Protocol::Tls1_3) {
        versions.push(&rustls::version::TLS13);
    }
    if e.is_on(Protocol::Tls1_2) {
        versions.push(&rustls::version::TLS12);
    }
    for p in [
        Protocol::Ssl2,
        Protocol::Ssl3,
        Protocol::Tls1_0,
        Protocol::Tls1_1,
    ] {
        if e.is_on(p) {
            notes.push(format!(
                "{} On: rustls does not speak it; not served",
                p.keyword()
            ));
        }
    }
    if versions.is_empty() {
        return Err(format!(
            "TTLSRule {}: neither TLSv1.2 nor TLSv1.3 is On, and rustls speaks no other version",
            e.rule
        ));
    }
    let base = aws_lc_rs::default_provider();
    let mut suites = Vec::new();
    let mut names = Vec::new();
    if e.suites.is_empty() {
        notes.push("no TTLSCipherParms: System SSL's default list is not emulated; rustls's default suites are served".to_string());
        suites = base.cipher_suites.clone();
    }
    for s in &e.suites {
        let Some(suite) = s.suite else {
            notes.push(format!(
                "{} {} (line {}): not a cipher suite AT-TLS knows; left out",
                s.parameter, s.written, s.line
            ));
            continue;
        };
        if !crate::suite_fits_protocols(&suite, e) {
            notes.push(format!(
                "{} {} (line {}): no TLS version it works with is On; not offered",
                s.parameter, s.written, s.line
            ));
            continue;
        }
        match base
            .cipher_suites
            .iter()
            .find(|r| u16::from(r.suite()) == suite.code)
        {
            Some(r)
                if !suites
                    .iter()
                    .any(|x: &rustls::SupportedCipherSuite| x.suite() == r.suite()) =>
            {
                suites.push(*r);
                names.push(suite.name.to_string());
            }
            Some(_) => {}
            None => notes.push(format!(
                "{} {} ({}, line {}): rustls does not have this suite; skipped",
                s.parameter, s.written, suite.name, s.line
            )),
        }
    }
    let provider = CryptoProvider {
        cipher_suites: suites,
        ..base
    };
    let label = e.label.as_ref().and_then(|c| {
        let present: Vec<&str> = c
            .labels
            .iter()
            .map(|l| l.value.as_str())
            .filter(|l| ring.entry(Some(l)).is_some())
            .collect();
        if c.labels.len() > 1 && present.len() > 1 {
            notes.push(format!(
                "{} names {} certificates; racemu presents the first in the ring, {}",
                c.parameter,
                c.labels.len(),
                present[0]
            ));
        }
        present
            .first()
            .map(|l| l.to_string())
            .or_else(|| c.labels.first().map(|l| l.value.clone()))
    });
    let safcheck = e.role == HandshakeRole::ServerWithClientAuth
        && e.client_auth.0 == ClientAuthType::SafCheck;
    let mut config = match logons.filter(|_| safcheck) {
        Some(logons) => {
            ring.server_config_admitting(label.as_deref(), logons, Arc::new(provider), &versions)
        }
        None => {
            ring.server_config_with(label.as_deref(), client_auth, Arc::new(provider), &versions)
        }
    }
    .map_err(|err| err.to_string())?;
    config.ignore_client_order = true;
    Ok(AttlsServer {
        config,
        suites: names,
        notes,
    })
}

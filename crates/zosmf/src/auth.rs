//! Who is asking: a client certificate RACF maps to a user (initACEE's rules, through
//! [`racemu_engine::Engine::certificate_logon`]), else HTTP Basic checked against RACF
//! (RACROUTE REQUEST=VERIFY's rules, through [`racemu_engine::Engine::verify_logon`]); and
//! z/OSMF's cross-site request check.
//!
//! A certificate is tried first and, when it logs no one on, Basic credentials sent with it
//! are tried next: Liberty's `allowFailOverToBasicAuth` ("fail over to basic authentication
//! when certificate authentication fails",
//! <https://openliberty.io/docs/latest/reference/config/webAppSecurity.html>), as z/OSMF's
//! server is set up (docs/certificate-logon.md). A certificate logon needs no password, so
//! an expired password does not stop it; a revoked user is refused either way.

use crate::error::ZosmfError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use racemu_engine::logon::Logon;
use racemu_engine::maps::logon::CertificateLogon;
use racemu_racf::UserId;

/// The authenticated user of a request (upper case), put in the request's extensions.
#[derive(Debug, Clone)]
pub struct User(pub String);

/// How the user of a request logged on, put in the response's extensions for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogonMethod {
    /// HTTP Basic: a password or password phrase.
    Basic,
    /// The client certificate of the TLS connection.
    Certificate,
}

impl LogonMethod {
    /// The word the request log uses.
    pub fn as_str(self) -> &'static str {
        match self {
            LogonMethod::Basic => "basic",
            LogonMethod::Certificate => "certificate",
        }
    }
}

/// The client certificate (DER) of the request's TLS connection, verified by the TLS layer
/// against the ring's CA certificates; put in the request's extensions by the server.
#[derive(Debug, Clone)]
pub struct PeerCertificate(pub std::sync::Arc<Vec<u8>>);

/// The header z/OSMF requires on every request that is not a GET.
pub const CSRF_HEADER: &str = "X-CSRF-ZOSMF-HEADER";

/// The user ID and secret of an `Authorization: Basic` header, when it is one.
fn basic_credentials(req: &Request) -> Option<(String, String)> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, b64) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let raw = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .ok()?;
    let text = String::from_utf8(raw).ok()?;
    let (user, secret) = text.split_once(':')?;
    Some((user.to_string(), secret.to_string()))
}

/// A 401 answer with the Basic challenge.
fn unauthorized(message: &str, reason: u32) -> ZosmfError {
    let mut e = ZosmfError::new(StatusCode::UNAUTHORIZED, 4, 8, reason, message);
    e.challenge = true;
    e
}

/// Refuses non-GET requests without `X-CSRF-ZOSMF-HEADER`, then authenticates the request and
/// records its [`User`].
pub async fn authenticate(State(app): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET && !req.headers().contains_key(CSRF_HEADER) {
        return ZosmfError::new(StatusCode::FORBIDDEN, 4, 8, 13, crate::messages::izug846w())
            .into_response();
    }
    let basic = basic_credentials(&req);
    let certificate = req.extensions().get::<PeerCertificate>().cloned();
    let mut refused = None;
    if let (Some(PeerCertificate(der)), Some(who)) = (certificate, app.certificates.clone()) {
        let subject = racemu_pki::parse_certificate(&der)
            .map(|i| i.subject.racf_dotted())
            .unwrap_or_default();
        let asked = app
            .backend
            .run(move |engine, _| engine.certificate_logon(&der, &who))
            .await;
        match asked {
            Ok(Ok(CertificateLogon::LoggedOn { user, .. })) => {
                return logged_on(req, next, user, LogonMethod::Certificate).await
            }
            Ok(Ok(other)) => {
                crate::log(&format!(
                    "certificate logon refused for {subject}: {}",
                    other.explain()
                ));
                refused = Some(other);
            }
            Ok(Err(e)) => return ZosmfError::internal(&e.to_string()).into_response(),
            Err(e) => return e.into_response(),
        }
    }
    let Some((userid, secret)) = basic else {
        return match refused {
            Some(CertificateLogon::Refused {
                user,
                logon: Logon::Revoked,
                ..
            }) => unauthorized(&format!("The user ID {user} is revoked."), 4),
            Some(_) => unauthorized(
                "The client certificate does not map to a RACF user ID, and no user ID and password were sent with HTTP Basic.",
                5,
            ),
            None => unauthorized("Authentication is required: send the user ID and password (or password phrase) with HTTP Basic.", 1),
        }
        .into_response();
    };
    let userid = userid.to_ascii_uppercase();
    if UserId::parse(&userid).is_none() || secret.is_empty() || secret.len() > 100 {
        return unauthorized("The user ID or password is not valid.", 2).into_response();
    }
    let (u, s, cache) = (userid.clone(), secret, app.logons.clone());
    let outcome = app
        .backend
        .run(move |engine, _| {
            if cache.accepts(engine, &u, &s) {
                return Ok(Logon::Ok);
            }
            let outcome = engine.verify_logon(&u, &s);
            if matches!(outcome, Ok(Logon::Ok)) {
                cache.remember(engine, &u, &s);
            }
            outcome
        })
        .await;
    match outcome {
        Ok(Ok(Logon::Ok)) => logged_on(req, next, userid, LogonMethod::Basic).await,
        Ok(Ok(Logon::Expired)) => unauthorized(
            &format!("The password of {userid} has expired: change it before using z/OSMF."),
            3,
        )
        .into_response(),
        Ok(Ok(Logon::Revoked)) => {
            unauthorized(&format!("The user ID {userid} is revoked."), 4).into_response()
        }
        Ok(Ok(_)) => unauthorized("The user ID or password is not valid.", 2).into_response(),
        Ok(Err(e)) => ZosmfError::internal(&e.to_string()).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Runs the request as `user`, who logged on by `how`, and marks the response for the log.
async fn logged_on(mut req: Request, next: Next, user: String, how: LogonMethod) -> Response {
    req.extensions_mut().insert(User(user.clone()));
    let mut response = next.run(req).await;
    response.extensions_mut().insert(User(user));
    response.extensions_mut().insert(how);
    response
}

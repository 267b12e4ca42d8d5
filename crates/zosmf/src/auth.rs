//! Who is asking: HTTP Basic checked against RACF (RACROUTE REQUEST=VERIFY's rules, through
//! [`racemu_engine::Engine::verify_logon`]), and z/OSMF's cross-site request check.

use crate::error::ZosmfError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use racemu_engine::logon::Logon;
use racemu_racf::UserId;

/// The authenticated user of a request (upper case), put in the request's extensions.
#[derive(Debug, Clone)]
pub struct User(pub String);

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
pub async fn authenticate(State(app): State<AppState>, mut req: Request, next: Next) -> Response {
    if req.method() != Method::GET && !req.headers().contains_key(CSRF_HEADER) {
        return ZosmfError::new(StatusCode::FORBIDDEN, 4, 8, 13, crate::messages::izug846w())
            .into_response();
    }
    let Some((userid, secret)) = basic_credentials(&req) else {
        return unauthorized("Authentication is required: send the user ID and password (or password phrase) with HTTP Basic.", 1).into_response();
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
        Ok(Ok(Logon::Ok)) => {
            req.extensions_mut().insert(User(userid.clone()));
            let mut response = next.run(req).await;
            response.extensions_mut().insert(User(userid));
            response
        }
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

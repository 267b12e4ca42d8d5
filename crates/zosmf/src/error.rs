//! z/OSMF's error answers: an HTTP status and a JSON object with `rc`, `reason`,
//! `category` and `message` (the shape the restfiles and restjobs services use).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// An error answer.
#[derive(Debug)]
pub struct ZosmfError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The JSON body.
    pub body: Value,
    /// A `WWW-Authenticate` challenge (401 answers).
    pub challenge: bool,
}

impl ZosmfError {
    /// `status` with `category`/`rc`/`reason` and `message`.
    pub fn new(status: StatusCode, category: u32, rc: u32, reason: u32, message: &str) -> Self {
        ZosmfError {
            status,
            body: json!({
                "category": category,
                "rc": rc,
                "reason": reason,
                "message": message,
            }),
            challenge: false,
        }
    }

    /// HTTP 400: the request is wrong (category 1: a parameter error).
    pub fn bad_request(message: &str) -> Self {
        ZosmfError::new(StatusCode::BAD_REQUEST, 1, 4, 7, message)
    }

    /// HTTP 404: no such resource.
    pub fn not_found(message: &str) -> Self {
        ZosmfError::new(StatusCode::NOT_FOUND, 6, 4, 8, message)
    }

    /// HTTP 500: racemu failed under the request (the store, a thread).
    pub fn internal(message: &str) -> Self {
        ZosmfError::new(StatusCode::INTERNAL_SERVER_ERROR, 9, 8, 0, message)
    }

    /// With extra `details` lines.
    pub fn details(mut self, lines: &[String]) -> Self {
        self.body["details"] = json!(lines);
        self
    }
}

impl IntoResponse for ZosmfError {
    fn into_response(self) -> Response {
        let mut r = (self.status, axum::Json(self.body)).into_response();
        if self.challenge {
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"SAFRealm\""),
            );
        }
        r
    }
}

/// Gives every 4xx answer that is not already JSON (axum's own refusals: a path or query that
/// is not UTF-8, a body over the limit, a method the path does not take) z/OSMF's error JSON,
/// with the refusal's text as the message.
pub async fn json_refusals(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    if !status.is_client_error() || is_json {
        return response;
    }
    let text = axum::body::to_bytes(response.into_body(), 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let message = if text.is_empty() {
        status
            .canonical_reason()
            .unwrap_or("Bad request")
            .to_string()
    } else {
        text
    };
    ZosmfError::new(status, 1, 4, 0, &message).into_response()
}

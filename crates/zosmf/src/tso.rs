//! TSO/E: `PUT /zosmf/tsoApp/v1/tso` (issue a command, stateless or stateful) and the
//! address-space API (`POST /zosmf/tsoApp/tso`, `PUT`/`GET`/`DELETE
//! /zosmf/tsoApp/tso/{servletKey}`, `PUT /zosmf/tsoApp/tso/ping/{servletKey}`).
//!
//! Each command runs as the authenticated user through racemu's command loop; its messages
//! are exactly the SYSTSPRT lines the command writes, followed by the `READY ` prompt.

use crate::auth::User;
use crate::error::ZosmfError;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde_json::{json, Value};
use std::collections::HashMap;

/// A request body as JSON; malformed JSON (or invalid UTF-8) is HTTP 400.
pub(crate) fn json_body(body: &Bytes) -> Result<Value, ZosmfError> {
    serde_json::from_slice(body)
        .map_err(|e| ZosmfError::bad_request(&format!("The request body is not valid JSON: {e}")))
}

/// Runs `command` as `user`: the SYSTSPRT lines.
async fn run_tso(app: &AppState, user: &str, command: String) -> Result<Vec<String>, ZosmfError> {
    let user = user.to_string();
    app.backend
        .run(move |engine, programs| programs.tso(engine, &user, &command))
        .await
}

/// The v1 request.
fn v1_fields(body: &Value) -> Result<(String, bool, Option<String>), ZosmfError> {
    let cmd = body
        .get("tsoCmd")
        .and_then(Value::as_str)
        .filter(|c| !c.trim().is_empty())
        .ok_or_else(|| ZosmfError::bad_request("The request body has no tsoCmd."))?;
    let stateful = match body.get("cmdState").and_then(Value::as_str) {
        None => false,
        Some(s) if s.eq_ignore_ascii_case("stateless") => false,
        Some(s) if s.eq_ignore_ascii_case("stateful") => true,
        Some(other) => {
            return Err(ZosmfError::bad_request(&format!(
                "cmdState must be stateless or stateful, not {other:?}."
            )))
        }
    };
    let key = body
        .get("servletKey")
        .and_then(Value::as_str)
        .map(str::to_string);
    Ok((cmd.to_string(), stateful, key))
}

/// `PUT /zosmf/tsoApp/v1/tso`: `{"tsoCmd": …, "cmdState": "stateless"|"stateful"}` →
/// `{"cmdResponse": [{"message": …}, …, {"message": "READY "}], "tsoPromptReceived": "Y"}`,
/// with the `servletKey` of the address space when stateful.
pub async fn issue(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    body: Bytes,
) -> Result<Json<Value>, ZosmfError> {
    let (cmd, stateful, key) = v1_fields(&json_body(&body)?)?;
    let key = match (stateful, key) {
        (false, _) => None,
        (true, Some(k)) => {
            if app.tso.with(&k, &user, |_| ()).is_none() {
                return Err(ZosmfError::not_found(&format!(
                    "The TSO/E address space {k} does not exist or belongs to another user."
                )));
            }
            Some(k)
        }
        (true, None) => Some(app.tso.start(&user).ok_or_else(too_many)?),
    };
    let lines = run_tso(&app, &user, cmd).await?;
    let mut messages: Vec<Value> = lines.into_iter().map(|l| json!({"message": l})).collect();
    messages.push(json!({"message": "READY "}));
    let mut answer = json!({"cmdResponse": messages, "tsoPromptReceived": "Y"});
    if let Some(k) = key {
        answer["servletKey"] = json!(k);
    }
    Ok(Json(answer))
}

fn too_many() -> ZosmfError {
    ZosmfError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        9,
        8,
        0,
        "The maximum number of TSO/E address spaces is reached; end one with DELETE /zosmf/tsoApp/tso/{servletKey}.",
    )
}

fn tso_message(line: &str) -> Value {
    json!({"TSO MESSAGE": {"VERSION": "0100", "DATA": line}})
}

fn prompt() -> Value {
    json!({"TSO PROMPT": {"VERSION": "0100", "HIDDEN": "FALSE"}})
}

/// The address-space API's answer for `key` with `data`.
fn as_answer(key: &str, data: Option<Vec<Value>>) -> Json<Value> {
    let mut a = json!({"servletKey": key, "ver": "0100", "reused": false, "timeout": false});
    if let Some(d) = data {
        a["tsoData"] = json!(d);
    }
    Json(a)
}

fn no_session(key: &str) -> ZosmfError {
    ZosmfError::not_found(&format!(
        "The TSO/E address space {key} does not exist or belongs to another user."
    ))
}

/// `POST /zosmf/tsoApp/tso?acct=…&proc=…`: starts an address space; its first messages are
/// the `READY ` prompt.
pub async fn start(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
) -> Result<Json<Value>, ZosmfError> {
    let key = app.tso.start(&user).ok_or_else(too_many)?;
    Ok(as_answer(&key, Some(vec![tso_message("READY "), prompt()])))
}

/// `PUT /zosmf/tsoApp/tso/{servletKey}[?readReply=false]` with `{"TSO RESPONSE": {"VERSION":
/// "0100", "DATA": command}}`: runs the command; its messages come back now, or with
/// `readReply=false` wait for the next GET.
pub async fn send(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path(key): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Result<Json<Value>, ZosmfError> {
    let body = json_body(&body)?;
    let cmd = body
        .get("TSO RESPONSE")
        .and_then(|r| r.get("DATA"))
        .and_then(Value::as_str)
        .ok_or_else(|| ZosmfError::bad_request("The request body has no \"TSO RESPONSE\" DATA."))?
        .to_string();
    app.tso
        .with(&key, &user, |_| ())
        .ok_or_else(|| no_session(&key))?;
    let lines = run_tso(&app, &user, cmd).await?;
    let mut data: Vec<Value> = lines.iter().map(|l| tso_message(l)).collect();
    data.push(tso_message("READY "));
    data.push(prompt());
    let read_reply = !q
        .get("readReply")
        .is_some_and(|v| v.eq_ignore_ascii_case("false"));
    if read_reply {
        return Ok(as_answer(&key, Some(data)));
    }
    app.tso
        .with(&key, &user, |s| s.pending.extend(data))
        .ok_or_else(|| no_session(&key))?;
    Ok(as_answer(&key, None))
}

/// `GET /zosmf/tsoApp/tso/{servletKey}`: the messages not yet received.
pub async fn receive(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path(key): Path<String>,
) -> Result<Json<Value>, ZosmfError> {
    let data = app
        .tso
        .with(&key, &user, |s| std::mem::take(&mut s.pending))
        .ok_or_else(|| no_session(&key))?;
    let data = if data.is_empty() {
        vec![prompt()]
    } else {
        data
    };
    Ok(as_answer(&key, Some(data)))
}

/// `DELETE /zosmf/tsoApp/tso/{servletKey}`: ends the address space.
pub async fn stop(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path(key): Path<String>,
) -> Result<Json<Value>, ZosmfError> {
    if app.tso.stop(&key, &user) {
        Ok(as_answer(&key, None))
    } else {
        Err(no_session(&key))
    }
}

/// `PUT /zosmf/tsoApp/tso/ping/{servletKey}`: whether the address space is there.
pub async fn ping(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path(key): Path<String>,
) -> Result<Json<Value>, ZosmfError> {
    app.tso
        .with(&key, &user, |_| ())
        .ok_or_else(|| no_session(&key))?;
    Ok(as_answer(&key, None))
}

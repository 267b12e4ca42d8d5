//! z/OS data set REST interface: `GET /zosmf/restfiles/ds?dslevel=` lists data sets, and
//! `GET`/`PUT`/`DELETE /zosmf/restfiles/ds/{dsn}` read, write and delete one, as text or with
//! `X-IBM-Data-Type: binary`. These are the data sets decks read (ADD) and write (EXPORT).

use crate::auth::User;
use crate::error::ZosmfError;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use racemu_engine::authority::address_space::AddressSpace;
use racemu_engine::authority::dataset_open::{Opened, Refusal};
use racemu_engine::Members;
use racemu_store::datasets::{self, DatasetError};
use racemu_store::dslevel::Pattern;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Whether the request asks for binary transfer (`X-IBM-Data-Type: binary`; `record` is
/// treated as binary too). Anything else is text.
fn binary(headers: &HeaderMap) -> bool {
    headers
        .get("X-IBM-Data-Type")
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .is_some_and(|t| t == "binary" || t == "record")
}

/// The data set name of the path, upper case, checked against z/OS's rules (so `..`, `/`
/// and other path tricks are refused before the store sees them).
fn checked_name(raw: &str) -> Result<String, ZosmfError> {
    let name = raw.trim().trim_matches('\'').to_ascii_uppercase();
    if datasets::valid_name(&name) {
        Ok(name)
    } else {
        Err(ZosmfError::bad_request(&format!(
            "{} is not a valid data set name: qualifiers of 1 to 8 characters (A-Z, 0-9, @ # $, not a digit first), 44 characters in all, and an optional (MEMBER).",
            raw.chars().take(60).collect::<String>()
        )))
    }
}

/// z/OSMF's answer for a data set that is not cataloged (HTTP 404).
fn not_cataloged(dsn: &str) -> ZosmfError {
    ZosmfError::new(StatusCode::NOT_FOUND, 6, 8, 4, "Dynamic allocation Error")
        .details(&[crate::messages::isrz002_not_cataloged(dsn)])
}

/// z/OSMF's answer when RACF refuses the logged-on user the data set (HTTP 500, category 6
/// "Read or write function", IZUHPINFO_API_RESTFILES_Error_Categories.htm; the rc, reason
/// and message are UNCONFIRMED, docs/fidelity.md), with RACF's ICH408I as the details. The
/// decision is the engine's ([`open_dataset_in`]).
pub(crate) fn refused(dsn: &str, r: Refusal) -> ZosmfError {
    let lines: Vec<String> = r
        .ich408i
        .iter()
        .flat_map(|m| m.lines().map(str::to_string))
        .collect();
    ZosmfError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        6,
        8,
        0,
        &format!(
            "Data set {dsn} could not be opened: RACF refused {} access.",
            r.needed.keyword()
        ),
    )
    .details(&lines)
}

/// The engine's answer carried out: the operation's outcome, or z/OSMF's refusal. RACF's
/// warning ICH408I for an access allowed only by WARNING goes to the server's log, as on
/// z/OS it goes to the console and the server's job log, not to the REST client.
pub(crate) fn answer<T>(dsn: &str, opened: Opened<T>) -> Result<T, ZosmfError> {
    match opened {
        Ok(grant) => {
            for line in grant.warning.iter().flat_map(|w| w.lines()) {
                crate::log(line);
            }
            Ok(grant.value)
        }
        Err(r) => Err(refused(dsn, r)),
    }
}

/// The server's address space, locked for one request (a poisoned lock is taken over: the
/// lists are only caches).
pub(crate) fn space(s: &Arc<Mutex<AddressSpace>>) -> std::sync::MutexGuard<'_, AddressSpace> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

fn dataset_error(e: DatasetError) -> ZosmfError {
    match e {
        DatasetError::InvalidName(n) => checked_name(&n)
            .err()
            .unwrap_or_else(|| ZosmfError::bad_request(&n)),
        DatasetError::NotPartitioned(n) => ZosmfError::bad_request(&format!(
            "{n} is not a partitioned data set: it has no members."
        )),
        DatasetError::Partitioned(n) => ZosmfError::bad_request(&format!(
            "{n} is a partitioned data set: name one of its members, {n}(MEMBER)."
        )),
        DatasetError::Store(e) => ZosmfError::internal(&e.to_string()),
    }
}

/// `GET /zosmf/restfiles/ds?dslevel=HLQ.*`: `{"items": [{"dsname": …}, …], "returnedRows",
/// "totalRows", "JSONversion": 1}`; with `X-IBM-Attributes: base`, each item also has
/// `dsorg`, `recfm`, `lrecl`. `X-IBM-Max-Items` bounds the items (0: all; default 1000).
pub async fn list(
    State(app): State<AppState>,
    Extension(User(_user)): Extension<User>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Json<Value>, ZosmfError> {
    let level = q
        .get("dslevel")
        .map(|l| l.trim().trim_matches('\'').to_ascii_uppercase())
        .filter(|l| !l.is_empty())
        .ok_or_else(|| ZosmfError::bad_request("query parameter dslevel is required"))?;
    // A DSLEVEL is a pattern over data set names, not a `racemu_racf::DsName`: `*`, `**` and
    // `%` stand for characters or qualifiers, so only its characters and length are checked.
    if level.len() > 44
        || !level
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@#$.*%-".contains(c))
    {
        return Err(ZosmfError::bad_request(&format!(
            "dslevel {level} is not a data set name pattern."
        )));
    }
    let max = headers
        .get("X-IBM-Max-Items")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1000);
    let base = headers
        .get("X-IBM-Attributes")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("base"));
    let pattern = Pattern::new(&level);
    let rows = app
        .backend
        .run(move |engine, _| engine.catalog(&pattern))
        .await?
        .map_err(|e| ZosmfError::internal(&e.to_string()))?;
    let total = rows.len();
    let take = if max == 0 { total } else { max.min(total) };
    let items: Vec<Value> = rows
        .into_iter()
        .take(take)
        .map(|e| {
            if base {
                json!({"dsname": e.dsname, "dsorg": e.dsorg.code(), "recfm": e.recfm, "lrecl": e.lrecl.to_string(), "vol": "RACEMU"})
            } else {
                json!({"dsname": e.dsname})
            }
        })
        .collect();
    Ok(Json(json!({
        "items": items,
        "returnedRows": take,
        "totalRows": total,
        "moreRows": take < total,
        "JSONversion": 1,
    })))
}

/// `GET /zosmf/restfiles/ds/{dsn}`: the contents, as text/plain, or as
/// application/octet-stream with `X-IBM-Data-Type: binary`.
pub async fn read(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path(dsn): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ZosmfError> {
    let name = checked_name(&dsn)?;
    let n = name.clone();
    let sp = app.datasets.clone();
    let got = app
        .backend
        .run(move |engine, _| engine.read_dataset_as(Some(&mut space(&sp)), &user, &n))
        .await?
        .map_err(dataset_error)?;
    let data = match answer(&name, got)? {
        Some(d) => d.data,
        None => return Err(not_cataloged(&name)),
    };
    let content_type = if binary(&headers) {
        "application/octet-stream"
    } else {
        "text/plain; charset=UTF-8"
    };
    Ok(([(header::CONTENT_TYPE, content_type)], data).into_response())
}

/// `PUT /zosmf/restfiles/ds/{dsn}`: writes the body (created if new: 201; replaced: 204).
/// Text keeps its lines (CR-LF becomes LF); binary is stored byte for byte.
pub async fn write(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path(dsn): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ZosmfError> {
    let name = checked_name(&dsn)?;
    let data = if binary(&headers) {
        body.to_vec()
    } else {
        let text = std::str::from_utf8(&body).map_err(|_| {
            ZosmfError::bad_request(
                "Text data is not valid UTF-8; send it with X-IBM-Data-Type: binary.",
            )
        })?;
        text.replace("\r\n", "\n").into_bytes()
    };
    let n = name.clone();
    let sp = app.datasets.clone();
    let created = app
        .backend
        // Replacing needs UPDATE; creating (allocating) needs ALTER.
        .run(move |engine, _| engine.write_dataset_as(Some(&mut space(&sp)), &user, &n, data))
        .await?
        .map_err(dataset_error)?;
    let created = answer(&name, created)?;
    Ok(if created {
        StatusCode::CREATED
    } else {
        StatusCode::NO_CONTENT
    })
}

/// `DELETE /zosmf/restfiles/ds/{dsn}`: deletes the data set (a PDS with its members) or
/// member: 204, or 404 when it is not there.
pub async fn remove(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path(dsn): Path<String>,
) -> Result<StatusCode, ZosmfError> {
    let name = checked_name(&dsn)?;
    let n = name.clone();
    let sp = app.datasets.clone();
    let existed = app
        .backend
        // Deleting (scratching) a data set needs ALTER.
        .run(move |engine, _| engine.delete_dataset_as(Some(&mut space(&sp)), &user, &n))
        .await?
        .map_err(dataset_error)?;
    let existed = answer(&name, existed)?;
    if existed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_cataloged(&name))
    }
}

/// `GET /zosmf/restfiles/ds/{dsn}/member`: the members of a PDS, `{"items": [{"member": …}],
/// "returnedRows", "JSONversion": 1}`; 404 when the data set is not cataloged, 400 when it is
/// sequential.
pub async fn members(
    State(app): State<AppState>,
    Extension(User(_user)): Extension<User>,
    Path(dsn): Path<String>,
) -> Result<Json<Value>, ZosmfError> {
    let name = checked_name(&dsn)?;
    if name.contains('(') {
        return Err(ZosmfError::bad_request(&format!(
            "{name} names a member, not a data set."
        )));
    }
    let n = name.clone();
    let found = app
        .backend
        .run(move |engine, _| engine.members(&n))
        .await?
        .map_err(|e| ZosmfError::internal(&e.to_string()))?;
    match found {
        Members::NotCataloged => Err(not_cataloged(&name)),
        Members::Sequential => Err(dataset_error(DatasetError::NotPartitioned(name))),
        Members::Partitioned(members) => {
            let items: Vec<Value> = members.iter().map(|(m, _)| json!({"member": m})).collect();
            Ok(Json(
                json!({"items": items, "returnedRows": items.len(), "JSONversion": 1}),
            ))
        }
    }
}

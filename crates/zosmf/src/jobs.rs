//! z/OS jobs REST interface: `PUT /zosmf/restjobs/jobs` submits JCL (text/plain, or JSON
//! `{"file": "//'DSN'"}`), `GET /zosmf/restjobs/jobs` lists jobs (owner, prefix, jobid,
//! max-jobs), `GET …/{jobname}/{jobid}` gives a job's status and retcode, `GET …/files` and
//! `GET …/files/{n}/records` its spool, and `DELETE …/{jobname}/{jobid}` purges it.
//!
//! A user sees and purges its own jobs; others' only through JESSPOOL (READ to see, ALTER
//! to purge).

use crate::auth::User;
use crate::error::ZosmfError;
use crate::spool;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use racemu_engine::jes::SpoolFileId;
use racemu_racf::Access;
use racemu_store::jobs::{Job, SpoolFile};
use racemu_store::{datasets, StoreError};
use serde_json::{json, Value};
use std::collections::HashMap;

/// `https://host:port` of the request, for the URLs in answers.
fn base(headers: &HeaderMap, port: u16) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .map(str::to_string)
        .unwrap_or_else(|| format!("localhost:{port}"));
    format!("https://{host}")
}

/// The job as z/OSMF's job document.
fn job_json(job: &Job, base: &str) -> Value {
    let (phase, phase_name) = match job.status.as_str() {
        "INPUT" => (10, "Job is queued for conversion"),
        "ACTIVE" => (14, "Job is actively executing"),
        _ => (20, "Job is on the hard copy queue"),
    };
    let url = format!("{base}/zosmf/restjobs/jobs/{}/{}", job.jobname, job.jobid);
    json!({
        "jobid": job.jobid,
        "jobname": job.jobname,
        "subsystem": "JES2",
        "owner": job.owner,
        "status": job.status,
        "type": "JOB",
        "class": job.class,
        "retcode": job.retcode,
        "url": url,
        "files-url": format!("{url}/files"),
        "job-correlator": format!("{}RACEMU", job.jobid),
        "phase": phase,
        "phase-name": phase_name,
    })
}

fn file_json(job: &Job, f: &SpoolFile, base: &str) -> Value {
    json!({
        "jobname": job.jobname,
        "jobid": job.jobid,
        "id": f.id,
        "ddname": f.ddname,
        "stepname": f.stepname,
        "procstep": f.procstep,
        "class": job.class,
        "recfm": "UA",
        "lrecl": 133,
        "byte-count": f.byte_count,
        "record-count": f.record_count,
        "subsystem": "JES2",
        "job-correlator": format!("{}RACEMU", job.jobid),
        "records-url": format!("{base}/zosmf/restjobs/jobs/{}/{}/files/{}/records", job.jobname, job.jobid, f.id),
    })
}

/// z/OSMF's answer for a job that is not there (or not visible to the user).
fn no_job(name: &str, id: &str) -> ZosmfError {
    ZosmfError::new(
        StatusCode::BAD_REQUEST,
        6,
        4,
        10,
        &format!(
            "No job found for reference: '{}({})'",
            name.chars().take(8).collect::<String>(),
            id.chars().take(8).collect::<String>()
        ),
    )
}

fn store_error(e: StoreError) -> ZosmfError {
    ZosmfError::internal(&e.to_string())
}

/// The JCL of a submit request: the text/plain body, or the data set a JSON body's `file`
/// names (`//'DSN'` or `//'DSN(MEMBER)'`).
async fn submitted_jcl(
    app: &AppState,
    user: &str,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<String, ZosmfError> {
    let json_body = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("json"));
    if !json_body {
        return std::str::from_utf8(body)
            .map(|s| s.replace("\r\n", "\n"))
            .map_err(|_| ZosmfError::bad_request("The JCL is not valid UTF-8 text."));
    }
    let v = crate::tso::json_body(body)?;
    let file = v
        .get("file")
        .and_then(Value::as_str)
        .ok_or_else(|| ZosmfError::bad_request("The request body has no file."))?;
    let dsn = file
        .strip_prefix("//")
        .map(|d| d.trim().trim_matches('\'').to_ascii_uppercase())
        .filter(|d| datasets::valid_name(d))
        .ok_or_else(|| {
            ZosmfError::bad_request(&format!(
                "file {} is not a data set reference of the form //'DSN' or //'DSN(MEMBER)'.",
                file.chars().take(60).collect::<String>()
            ))
        })?;
    let (d, u, sp) = (dsn.clone(), user.to_string(), app.datasets.clone());
    let got = app
        .backend
        .run(move |engine, _| engine.read_dataset_as(Some(&mut crate::files::space(&sp)), &u, &d))
        .await?;
    let not_found =
        || ZosmfError::bad_request(&format!("Data set {dsn} was not found or cannot hold JCL."));
    match got.map(|opened| crate::files::answer(&dsn, opened)) {
        Ok(Ok(Some(ds))) => String::from_utf8(ds.data)
            .map_err(|_| ZosmfError::bad_request(&format!("{dsn} does not hold text JCL."))),
        Ok(Err(refusal)) => Err(refusal),
        Ok(Ok(None)) | Err(_) => Err(not_found()),
    }
}

/// `PUT /zosmf/restjobs/jobs`: submits the job (201, status INPUT). A JOB card naming
/// another user without SURROGAT authority makes a job that ends at once as SEC ERROR.
pub async fn submit(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ZosmfError> {
    let jcl = submitted_jcl(&app, &user, &headers, &body).await?;
    if !jcl.trim_start().starts_with("//") {
        return Err(ZosmfError::bad_request(
            "Submit input data does not start with a slash",
        ));
    }
    let racemu_jcl::JobCard {
        name: jobname,
        user: card_user,
    } = racemu_jcl::job_card(&jcl);
    let owner = card_user.unwrap_or_else(|| user.clone());
    let submitter = user.clone();
    let (job, allowed) = app
        .backend
        .run(move |engine, _| {
            let s = engine.submit_job(&submitter, &jobname, &owner, &jcl)?;
            if let Some(ich408i) = &s.refused {
                spool::refuse(engine, &s.job, ich408i, &jcl)?;
            }
            Ok::<_, StoreError>((s.job, s.refused.is_none()))
        })
        .await?
        .map_err(store_error)?;
    let answer = job_json(&job, &base(&headers, app.port));
    if allowed {
        spool::start(&app.backend, job);
    }
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// `GET /zosmf/restjobs/jobs?owner=&prefix=&jobid=&max-jobs=`: the jobs the user may see.
/// owner defaults to the user, prefix to `*`, max-jobs to 1000.
pub async fn list(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Json<Value>, ZosmfError> {
    // An owner or prefix filter is a pattern, not a name (`racemu_racf::syntax::is_name`):
    // `*` and `%` may stand anywhere, the first character included.
    let pattern = |v: &str, what: &str| -> Result<String, ZosmfError> {
        let v = v.trim().to_ascii_uppercase();
        if v.is_empty()
            || v.len() > 8
            || !v
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "@#$*%".contains(c))
        {
            return Err(ZosmfError::bad_request(&format!(
                "{what} {v} is not valid."
            )));
        }
        Ok(v)
    };
    let owner = pattern(
        q.get("owner").map_or(user.as_str(), String::as_str),
        "owner",
    )?;
    let prefix = pattern(q.get("prefix").map_or("*", String::as_str), "prefix")?;
    let jobid = q.get("jobid").map(|j| pattern(j, "jobid")).transpose()?;
    let max = match q.get("max-jobs") {
        None => 1000,
        Some(m) => m
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|m| (1..=10_000).contains(m))
            .ok_or_else(|| ZosmfError::bad_request("max-jobs must be a number from 1 to 10000."))?,
    };
    let found = app
        .backend
        .run(move |engine, _| engine.visible_jobs(&user, &owner, &prefix, jobid.as_deref(), max))
        .await?
        .map_err(store_error)?;
    let b = base(&headers, app.port);
    Ok(Json(Value::Array(
        found.iter().map(|j| job_json(j, &b)).collect(),
    )))
}

/// The job `name`/`id` when the user may act on it with `needed` access.
async fn visible(
    app: &AppState,
    user: &str,
    name: &str,
    id: &str,
    needed: Access,
) -> Result<Job, ZosmfError> {
    let (u, n, i) = (
        user.to_string(),
        name.to_ascii_uppercase(),
        id.to_ascii_uppercase(),
    );
    let job = app
        .backend
        .run(move |engine, _| engine.job(&u, &n, &i, needed))
        .await?
        .map_err(store_error)?;
    job.ok_or_else(|| no_job(name, id))
}

/// `GET /zosmf/restjobs/jobs/{jobname}/{jobid}`: status and retcode.
pub async fn status(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path((name, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<Value>, ZosmfError> {
    let job = visible(&app, &user, &name, &id, Access::Read).await?;
    Ok(Json(job_json(&job, &base(&headers, app.port))))
}

/// `GET /zosmf/restjobs/jobs/{jobname}/{jobid}/files`: the spool files.
pub async fn files(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path((name, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<Value>, ZosmfError> {
    let (n, i) = (name.to_ascii_uppercase(), id.to_ascii_uppercase());
    let (job, files) = app
        .backend
        .run(move |engine, _| engine.spool_files(&user, &n, &i))
        .await?
        .map_err(store_error)?
        .ok_or_else(|| no_job(&name, &id))?;
    let b = base(&headers, app.port);
    Ok(Json(Value::Array(
        files.iter().map(|f| file_json(&job, f, &b)).collect(),
    )))
}

/// `GET /zosmf/restjobs/jobs/{jobname}/{jobid}/files/{n}/records` (or `files/JCL/records`):
/// the spool file as text.
pub async fn records(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path((name, id, file)): Path<(String, String, String)>,
) -> Result<Response, ZosmfError> {
    let which = if file.eq_ignore_ascii_case("JCL") {
        SpoolFileId::Jcl
    } else {
        SpoolFileId::Number(file.parse::<i64>().map_err(|_| {
            ZosmfError::bad_request(&format!(
                "File ID {} is not a number.",
                file.chars().take(20).collect::<String>()
            ))
        })?)
    };
    let (n, i) = (name.to_ascii_uppercase(), id.to_ascii_uppercase());
    let (job, text) = app
        .backend
        .run(move |engine, _| engine.spool_records(&user, &n, &i, which))
        .await?
        .map_err(store_error)?
        .ok_or_else(|| no_job(&name, &id))?;
    match text {
        Some(t) => Ok(([(header::CONTENT_TYPE, "text/plain; charset=UTF-8")], t).into_response()),
        None => Err(ZosmfError::new(
            StatusCode::BAD_REQUEST,
            6,
            4,
            12,
            &format!(
                "Job '{}({})' does not contain spool file id {file}",
                job.jobname, job.jobid
            ),
        )),
    }
}

/// `DELETE /zosmf/restjobs/jobs/{jobname}/{jobid}`: purges the job and its spool.
pub async fn purge(
    State(app): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path((name, id)): Path<(String, String)>,
) -> Result<Json<Value>, ZosmfError> {
    let (n, i) = (name.to_ascii_uppercase(), id.to_ascii_uppercase());
    let job = app
        .backend
        .run(move |engine, _| engine.purge_job(&user, &n, &i))
        .await?
        .map_err(store_error)?
        .ok_or_else(|| no_job(&name, &id))?;
    Ok(Json(json!({
        "jobid": job.jobid,
        "jobname": job.jobname,
        "original-jobid": job.jobid,
        "owner": job.owner,
        "member": "JES2",
        "sysname": "RACE",
        "job-correlator": format!("{}RACEMU", job.jobid),
        "status": "0",
    })))
}

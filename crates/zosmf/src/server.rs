//! The HTTPS server: tokio, tokio-rustls and hyper under axum's router; SIGINT and SIGTERM
//! stop it cleanly.

use crate::sessions::Sessions;
use crate::state::AppState;
use crate::{auth, files, info, jobs, log, spool, tso, Backend};
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, put};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::signal::unix::{signal, SignalKind};
use tokio_rustls::TlsAcceptor;

/// The largest request body accepted (larger ones get HTTP 413).
pub const MAX_BODY: usize = 8 * 1024 * 1024;

/// Why the server could not run.
#[derive(Debug)]
pub struct ServeError(pub std::io::Error);

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for ServeError {}

impl From<std::io::Error> for ServeError {
    fn from(e: std::io::Error) -> Self {
        ServeError(e)
    }
}

/// One log line per request: user (once authenticated), how the user logged on (`basic`,
/// `certificate`; `-` when no one did), method, path (at most 200 characters, as sent) and
/// status. Bodies, queries and credentials are never logged.
async fn access_log(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let method = req.method().clone();
    let path: String = req.uri().path().chars().take(200).collect();
    let response = next.run(req).await;
    let user = response
        .extensions()
        .get::<auth::User>()
        .map_or("-", |u| u.0.as_str());
    let how = response
        .extensions()
        .get::<auth::LogonMethod>()
        .map_or("-", |h| h.as_str());
    log(&format!(
        "{user} {how} {method} {path} {}",
        response.status().as_u16()
    ));
    response
}

/// The routes: `/zosmf/info` open to all, everything else behind authentication.
fn router(state: AppState) -> Router {
    let authenticated = Router::new()
        .route("/zosmf/tsoApp/v1/tso", put(tso::issue))
        .route("/zosmf/tsoApp/tso", axum::routing::post(tso::start))
        .route(
            "/zosmf/tsoApp/tso/{key}",
            put(tso::send).get(tso::receive).delete(tso::stop),
        )
        .route("/zosmf/tsoApp/tso/ping/{key}", put(tso::ping))
        .route("/zosmf/restjobs/jobs", put(jobs::submit).get(jobs::list))
        .route(
            "/zosmf/restjobs/jobs/{name}/{id}",
            get(jobs::status).delete(jobs::purge),
        )
        .route("/zosmf/restjobs/jobs/{name}/{id}/files", get(jobs::files))
        .route(
            "/zosmf/restjobs/jobs/{name}/{id}/files/{file}/records",
            get(jobs::records),
        )
        .route("/zosmf/restfiles/ds", get(files::list))
        .route(
            "/zosmf/restfiles/ds/{dsn}",
            get(files::read).put(files::write).delete(files::remove),
        )
        .route("/zosmf/restfiles/ds/{dsn}/member", get(files::members))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::authenticate,
        ));
    Router::new()
        .route("/zosmf/info", get(info::info))
        .merge(authenticated)
        .fallback(|| async {
            crate::error::ZosmfError::not_found("The requested z/OSMF resource does not exist.")
        })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn(refuse_oversized))
        .layer(axum::middleware::map_response(crate::error::json_refusals))
        .layer(axum::middleware::from_fn(access_log))
        .with_state(state)
}

/// Answers 413 to a request whose Content-Length is over [`MAX_BODY`] before anything else
/// runs (logon included) and before any of its body is read, so that a client that sent
/// `Expect: 100-continue` never sends the body and one that did not gets the answer at once.
/// Bodies without a Content-Length are still bounded by `DefaultBodyLimit` as they are read.
async fn refuse_oversized(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    match declared {
        Some(n) if n > MAX_BODY as u64 => axum::response::IntoResponse::into_response((
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "length limit exceeded",
        )),
        _ => next.run(request).await,
    }
}

/// Serves z/OSMF on `listen` with `tls` until SIGINT or SIGTERM. Logs the bound address
/// first (useful with port 0). With `certificates`, a client certificate the TLS layer
/// verified logs on the user RACF maps it to ([`auth::authenticate`]); `tls` decides whether
/// certificates are asked for.
pub fn serve(
    mut tls: rustls::ServerConfig,
    listen: &str,
    backend: Backend,
    certificates: Option<racemu_engine::maps::logon::LogonServer>,
) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .worker_threads(2)
        .max_blocking_threads(64)
        .build()?;
    let result = rt.block_on(async move {
        let listener = TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        tls.alpn_protocols = vec![b"http/1.1".to_vec()];
        let acceptor = TlsAcceptor::from(Arc::new(tls));
        spool::resume(&backend);
        let salt = backend.config.randomness.salt(&[b"zosmf logon cache"]);
        let servlet_salt = backend.config.randomness.salt(&[b"zosmf servlet key"]);
        let app = router(AppState {
            backend,
            port: addr.port(),
            tso: Sessions::new(servlet_salt),
            logons: crate::logon_cache::LogonCache::new(salt),
            datasets: Default::default(),
            certificates: certificates.map(Arc::new),
        });
        let mut term = signal(SignalKind::terminate())?;
        let mut int = signal(SignalKind::interrupt())?;
        log(&format!("serving on {addr}"));
        loop {
            tokio::select! {
                _ = term.recv() => break,
                _ = int.recv() => break,
                accepted = listener.accept() => {
                    let Ok((tcp, peer)) = accepted else { continue };
                    let acceptor = acceptor.clone();
                    let app = app.clone();
                    tokio::spawn(async move {
                        let handshake = tokio::time::timeout(Duration::from_secs(10), acceptor.accept(tcp)).await;
                        let stream = match handshake {
                            Ok(Ok(stream)) => stream,
                            Ok(Err(e)) => return log(&format!("{peer} TLS handshake failed: {e}")),
                            Err(_) => return log(&format!("{peer} TLS handshake timed out")),
                        };
                        // The connection's client certificate goes with each of its requests.
                        let peer = stream
                            .get_ref()
                            .1
                            .peer_certificates()
                            .and_then(|c| c.first())
                            .map(|c| auth::PeerCertificate(Arc::new(c.as_ref().to_vec())));
                        let app = match peer {
                            Some(p) => app.layer(axum::Extension(p)),
                            None => app,
                        };
                        let service = TowerToHyperService::new(app);
                        let _ = hyper::server::conn::http1::Builder::new()
                            .timer(TokioTimer::new())
                            .header_read_timeout(Duration::from_secs(30))
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                    });
                }
            }
        }
        Ok::<(), ServeError>(())
    });
    // Requests in flight finish their store transactions (blocking threads) before exit.
    rt.shutdown_timeout(Duration::from_secs(10));
    log("stopped");
    result
}

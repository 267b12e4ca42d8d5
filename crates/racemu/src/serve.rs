//! `racemu keyring serve`: a TLS endpoint presenting a ring the way AT-TLS or Liberty would.
//!
//! Each connection completes a handshake, reads the client's request (if any) for up to two
//! seconds, and gets a short text report (as an HTTP/1.0 response, so curl shows it): protocol
//! (`TLSv1.3`), cipher suite (IANA name), client certificate subject and, when the server
//! logs clients on with their certificates, the RACF user the certificate logs on (or why
//! none: RACF's lookup, [`racemu_engine::maps::logon`]). One log line per
//! connection goes to standard error, stamped with the UTC time; a closed standard error does
//! not stop the server. SIGINT or SIGTERM stops the server cleanly.

use racemu_keyring::rustls::{
    CipherSuite, ProtocolVersion, ServerConfig, ServerConnection, StreamOwned,
};
use racemu_keyring::ClientLogons;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn subject_of(der: &[u8]) -> String {
    racemu_pki::parse_certificate(der)
        .map(|i| i.subject.racf_dotted())
        .unwrap_or_else(|_| "(unreadable certificate)".into())
}

/// `TLSv1.3`, `TLSv1.2`: the names OpenSSL, curl and Python print.
fn protocol_name(v: ProtocolVersion) -> String {
    format!("{v:?}").replace('_', ".")
}

/// The IANA name of a cipher suite (`TLS_AES_256_GCM_SHA384`, not rustls's `TLS13_…`).
fn suite_name(s: CipherSuite) -> String {
    let name = format!("{s:?}");
    match name.strip_prefix("TLS13_") {
        Some(rest) => format!("TLS_{rest}"),
        None => name,
    }
}

/// A log line on standard error, stamped with the UTC time. A closed standard error does not
/// stop the server.
fn log(line: &str) {
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let _ = writeln!(std::io::stderr(), "{now} racemu: {line}");
}

/// The user a client certificate logs on, or why none: (report line, log field).
fn client_user(logons: &dyn ClientLogons, cert: Option<&[u8]>) -> (String, String) {
    let Some(der) = cert else {
        return (
            "none (no client certificate was sent)".into(),
            "user=none".into(),
        );
    };
    match logons.logon(der) {
        Ok(l) => match l.user() {
            Some(u) => (format!("{u} ({})", l.explain()), format!("user={u}")),
            None => (
                format!("none ({})", l.explain()),
                format!("user=none ({})", l.explain()),
            ),
        },
        Err(e) => (format!("none ({e})"), format!("user=none ({e})")),
    }
}

fn handle(config: Arc<ServerConfig>, tcp: TcpStream, logons: Option<&dyn ClientLogons>) -> String {
    let peer = tcp
        .peer_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| "?".into());
    let _ = tcp.set_read_timeout(Some(Duration::from_secs(10)));
    let conn = match ServerConnection::new(config) {
        Ok(c) => c,
        Err(e) => return format!("{peer} setup failed: {e}"),
    };
    let mut tls = StreamOwned::new(conn, tcp);
    while tls.conn.is_handshaking() {
        if let Err(e) = tls.conn.complete_io(&mut tls.sock) {
            return format!("{peer} handshake failed: {e}");
        }
    }
    let protocol = tls
        .conn
        .protocol_version()
        .map(protocol_name)
        .unwrap_or_default();
    let suite = tls
        .conn
        .negotiated_cipher_suite()
        .map(|s| suite_name(s.suite()))
        .unwrap_or_default();
    let peer_cert = tls
        .conn
        .peer_certificates()
        .and_then(|c| c.first())
        .map(|c| c.as_ref().to_vec());
    let client = peer_cert
        .as_deref()
        .map(subject_of)
        .unwrap_or_else(|| "none".into());
    let user = logons.map(|l| client_user(l, peer_cert.as_deref()));
    // Read what the client sends (an HTTP request from curl), briefly.
    let _ = tls.sock.set_read_timeout(Some(Duration::from_secs(2)));
    let mut buf = [0u8; 4096];
    let mut seen = Vec::new();
    while !seen.windows(4).any(|w| w == b"\r\n\r\n") && seen.len() < 65536 {
        match tls.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
    let mut report = format!("racemu keyring serve\nprotocol: {protocol}\ncipher suite: {suite}\nclient certificate: {client}\n");
    if let Some((line, _)) = &user {
        report.push_str(&format!("client user: {line}\n"));
    }
    let response = format!(
        "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{report}",
        report.len()
    );
    let _ = tls.write_all(response.as_bytes());
    tls.conn.send_close_notify();
    let _ = tls.flush();
    match user {
        Some((_, field)) => format!("{peer} {protocol} {suite} client={client} {field}"),
        None => format!("{peer} {protocol} {suite} client={client}"),
    }
}

/// Serves until SIGINT/SIGTERM. Prints the bound address first (useful with port 0). A
/// server on a `seeded` store first says on standard error that its keys are reproducible
/// by anyone who knows the seed (RCM204W). With `logons`, each connection's report and log
/// line name the user its client certificate logs on, or why none.
pub fn serve(
    config: ServerConfig,
    listen: &str,
    seeded: bool,
    logons: Option<Arc<dyn ClientLogons>>,
) -> std::io::Result<()> {
    let listener = TcpListener::bind(listen)?;
    listener.set_nonblocking(true)?;
    if seeded {
        log(crate::seeding::REPRODUCIBLE_KEYS);
    }
    log(&format!("serving on {}", listener.local_addr()?));
    let stop = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&stop))?;
    signal_hook::flag::register(signal_hook::consts::SIGTERM, Arc::clone(&stop))?;
    let config = Arc::new(config);
    while !stop.load(Ordering::Relaxed) {
        match listener.accept() {
            Ok((tcp, _)) => {
                let _ = tcp.set_nonblocking(false);
                let cfg = Arc::clone(&config);
                let logons = logons.clone();
                std::thread::spawn(move || log(&handle(cfg, tcp, logons.as_deref())));
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(20))
            }
            Err(e) => return Err(e),
        }
    }
    log("stopped");
    Ok(())
}

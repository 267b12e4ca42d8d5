//! Client-certificate logon in `racemu zosmf serve` and `racemu keyring serve`, with curl as
//! the client and a CA openssl makes outside racemu (a site's own PKI). RACF maps each
//! certificate to a user with certificate name filters (RACDCERT MAP, le-map:
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-map.htm>);
//! the server runs the request as that user, refuses a certificate that maps to no one or to
//! a revoked user, and falls back to HTTP Basic as Liberty's `allowFailOverToBasicAuth` does
//! (<https://openliberty.io/docs/latest/reference/config/webAppSecurity.html>).

mod common;

use common::client_ca::{clients_and_mappings, Clients};
use common::zosmf::{launch_with, prepare, Zosmf};
use std::path::Path;
use std::process::Command;

/// The z/OSMF server with the client CA in its ring, started with `options`.
fn zosmf(options: &[&str]) -> (Zosmf, Clients) {
    let (tmp, ca) = prepare();
    let clients = clients_and_mappings(tmp.path(), &tmp.path().join("racf.db"));
    (launch_with(tmp, ca, options), clients)
}

/// A PUT of `body` (`content_type`) to `path` with `auth` (curl options) and the CSRF
/// header: (HTTP status, body).
fn put(z: &Zosmf, auth: &[&str], path: &str, content_type: &str, body: &str) -> (u16, Vec<u8>) {
    let url = z.url(path);
    let header = format!("Content-Type: {content_type}");
    let mut args: Vec<&str> = auth.to_vec();
    args.extend([
        "-X",
        "PUT",
        "-H",
        "X-CSRF-ZOSMF-HEADER: true",
        "-H",
        &header,
        "--data-binary",
        body,
        &url,
    ]);
    z.curl(&args)
}

/// LISTUSER (the issuer's own profile) over the TSO API with `auth` (curl options): (HTTP
/// status, the user LISTUSER shows or the error JSON).
fn whoami(z: &Zosmf, auth: &[&str]) -> (u16, String) {
    let (status, body) = put(
        z,
        auth,
        "/zosmf/tsoApp/v1/tso",
        "application/json",
        r#"{"tsoCmd":"LISTUSER","cmdState":"stateless"}"#,
    );
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let user = v["cmdResponse"]
        .as_array()
        .and_then(|lines| {
            lines.iter().find_map(|l| {
                l["message"]
                    .as_str()
                    .and_then(|m| m.strip_prefix("USER="))
                    .and_then(|m| m.split_whitespace().next())
                    .map(str::to_string)
            })
        })
        .unwrap_or_else(|| v.to_string());
    (status, user)
}

/// curl's options presenting `cert` (certificate, key).
fn with(cert: &(String, String)) -> Vec<&str> {
    vec!["--cert", &cert.0, "--key", &cert.1]
}

#[test]
fn zosmf_logs_a_mapped_certificate_on_refuses_unmapped_and_revoked_and_keeps_basic() {
    let (z, c) = zosmf(&[]);
    let (alice, alice_key) = c.cert("alice");
    let alice_cert = (alice.clone(), alice_key.clone());
    // ALICE has no password: only her certificate can log her on.
    assert_eq!(whoami(&z, &with(&alice_cert)), (200, "ALICE".into()));
    // An expired password does not stop a certificate logon.
    assert_eq!(whoami(&z, &with(&c.cert("oldpw"))), (200, "OLDPW".into()));
    // No mapping, and no Basic credentials: z/OSMF's 401 with the challenge.
    let (status, body) = whoami(&z, &with(&c.cert("bob")));
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(
        (status, v["rc"].as_u64(), v["reason"].as_u64()),
        (401, Some(8), Some(5)),
        "{v}"
    );
    // Mapped to a revoked user.
    let (status, body) = whoami(&z, &with(&c.cert("carol")));
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!((status, v["reason"].as_u64()), (401, Some(4)), "{v}");
    assert_eq!(v["message"], "The user ID CAROL is revoked.");
    // Basic beside certificates: alone, as the fallback of an unmapped certificate; a
    // certificate that maps wins over Basic credentials sent with it.
    let basic = ["-u", "ZOSUSR:SECRET1"];
    assert_eq!(whoami(&z, &basic), (200, "ZOSUSR".into()));
    let bob = c.cert("bob");
    let mut bob_basic = with(&bob);
    bob_basic.extend(basic);
    assert_eq!(whoami(&z, &bob_basic), (200, "ZOSUSR".into()));
    let mut alice_basic = with(&alice_cert);
    alice_basic.extend(basic);
    assert_eq!(whoami(&z, &alice_basic), (200, "ALICE".into()));
    // A job submitted with the certificate is ALICE's.
    let jcl = "//ALICEJOB JOB\n//S1 EXEC PGM=IEFBR14\n";
    let (status, body) = put(
        &z,
        &with(&alice_cert),
        "/zosmf/restjobs/jobs",
        "text/plain",
        jcl,
    );
    let job: serde_json::Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(
        (status, job["owner"].as_str()),
        (201, Some("ALICE")),
        "{job}"
    );
    // A data set written with the certificate is written as ALICE.
    let note = "/zosmf/restfiles/ds/ALICE.NOTE";
    let written = put(
        &z,
        &with(&alice_cert),
        note,
        "text/plain",
        "written by a certificate",
    );
    assert_eq!(written.0, 201);
    let (status, text) = z.curl(&[&with(&alice_cert)[..], &[z.url(note).as_str()]].concat());
    assert_eq!(
        (status, String::from_utf8_lossy(&text).trim()),
        (200, "written by a certificate")
    );
    // The log names the user and how each request logged on, and why a certificate did not.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let log = z.log.lock().expect("log").join("\n");
    for line in [
        "racemu zosmf: ALICE certificate PUT /zosmf/tsoApp/v1/tso 200",
        "racemu zosmf: OLDPW certificate PUT /zosmf/tsoApp/v1/tso 200",
        "racemu zosmf: ZOSUSR basic PUT /zosmf/tsoApp/v1/tso 200",
        "racemu zosmf: - - PUT /zosmf/tsoApp/v1/tso 401",
        "racemu zosmf: certificate logon refused for CN=carol.O=Example.C=US: CAROL is revoked; certificate name filter 'carol' of user CAROL matched at step 3 (subject's full name)",
    ] {
        assert!(log.contains(line), "{line} not in:\n{log}");
    }
    assert!(
        log.contains("racemu zosmf: certificate logon refused for CN=bob.O=Example.C=US: no user: the certificate is not registered, no certificate name filter matches"),
        "{log}"
    );
    drop(c.ca);
}

/// curl to `url` trusting `ca`, with `extra` options: (curl's exit code, body).
fn curl_raw(ca: &Path, url: &str, port: &str, extra: &[&str]) -> (i32, String) {
    let out = Command::new("curl")
        .args(["-sS", "--cacert", ca.to_str().expect("utf-8")])
        .args(["--resolve", &format!("localhost:{port}:127.0.0.1")])
        .args(extra)
        .arg(url)
        .output()
        .expect("curl");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn zosmf_client_auth_required_refuses_a_client_without_a_certificate_and_none_asks_for_none() {
    let (z, c) = zosmf(&["--client-auth", "required"]);
    let url = z.url("/zosmf/info");
    let (code, _) = curl_raw(&z.ca, &url, &z.port, &[]);
    assert_ne!(
        code, 0,
        "a client without a certificate completes no handshake"
    );
    let (alice, key) = c.cert("alice");
    let (code, body) = curl_raw(&z.ca, &url, &z.port, &["--cert", &alice, "--key", &key]);
    assert_eq!(code, 0, "{body}");
    drop(z);
    let (z, c) = zosmf(&["--client-auth", "none"]);
    let (alice, key) = c.cert("alice");
    // No certificate is asked for, so ALICE's is never sent: no one logs on.
    assert_eq!(whoami(&z, &["--cert", &alice, "--key", &key]).0, 401);
}

#[test]
fn keyring_serve_reports_the_user_a_client_certificate_logs_on() {
    // The store of `prepare` holds IZUSVR's ring, issued by the CA in `ca`.
    let (tmp, ca) = prepare();
    let db = tmp.path().join("racf.db");
    let c = clients_and_mappings(tmp.path(), &db);
    let server = common::serve(&db, "IZUSVR", "IZUKeyring.IZUDFLT", "required");
    let port = server.addr.rsplit(':').next().expect("port").to_string();
    let url = format!("https://localhost:{port}/");
    let (alice, key) = c.cert("alice");
    let (code, body) = curl_raw(&ca, &url, &port, &["--cert", &alice, "--key", &key]);
    assert_eq!(code, 0, "{body}");
    assert!(
        body.contains("client certificate: CN=alice.O=Example.C=US\nclient user: ALICE (logged on as ALICE: certificate name filter 'alice' of user ALICE matched at step 3 (subject's full name))\n"),
        "{body}"
    );
    let (bob, key) = c.cert("bob");
    let (code, body) = curl_raw(&ca, &url, &port, &["--cert", &bob, "--key", &key]);
    assert_eq!(code, 0, "{body}");
    assert!(body.contains("client user: none (no user: "), "{body}");
}

//! `racemu zosmf serve` driven by real clients: curl and Python's urllib, over HTTPS trusting
//! the ring's CA: z/OSMF info, authentication, TSO and data sets.

mod common;

use common::real_now;
use common::zosmf::start;
use common::{cert_der, racemu};
use std::path::Path;
use std::process::Command;

#[test]
fn info_needs_no_authentication_and_names_a_level_zowe_8_uses_the_v1_tso_api_on() {
    let z = start();
    let (status, body) = z.curl(&[&z.url("/zosmf/info")]);
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(v["zosmf_version"], "28");
    assert_eq!(v["zos_version"], "04.28.00");
    assert_eq!(v["zosmf_full_version"], "28.0");
    assert_eq!(v["api_version"], "1");
    assert_eq!(v["zosmf_saf_realm"], "SAFRealm");
    assert_eq!(v["zosmf_hostname"], "localhost");
    assert_eq!(v["zosmf_port"], z.port.as_str());
    assert!(
        v["plugins"].as_array().is_some_and(|p| !p.is_empty()),
        "{v}"
    );
}

#[test]
fn basic_authentication_answers_401_for_wrong_expired_and_revoked_and_revokes_after_three() {
    let z = start();
    let tso = z.url("/zosmf/tsoApp/v1/tso");
    let body = r#"{"tsoCmd":"LISTUSER","cmdState":"stateless"}"#;
    let call = |user: &str| {
        z.curl(&[
            "-u",
            user,
            "-X",
            "PUT",
            "-H",
            "X-CSRF-ZOSMF-HEADER: true",
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            body,
            &tso,
        ])
    };
    let (status, out) = call("ZOSUSR:SECRET1");
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&out));
    // No credentials, a wrong password, an expired one.
    let (status, _) = z.curl(&[
        "-X",
        "PUT",
        "-H",
        "X-CSRF-ZOSMF-HEADER: true",
        "--data-binary",
        body,
        &tso,
    ]);
    assert_eq!(status, 401);
    let (status, out) = call("OLDPW:SECRET2");
    assert_eq!(status, 401);
    assert!(
        String::from_utf8_lossy(&out).contains("has expired"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    // Three wrong passwords revoke VICTIM (SETROPTS PASSWORD(REVOKE(3))); the right one is
    // then refused as revoked.
    for _ in 0..3 {
        let (status, out) = call("VICTIM:WRONG1");
        assert_eq!(status, 401);
        assert!(String::from_utf8_lossy(&out).contains("not valid"));
    }
    let (status, out) = call("VICTIM:SECRET3");
    assert_eq!(status, 401);
    assert!(
        String::from_utf8_lossy(&out).contains("is revoked"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    let r = racemu(&z.db(), &real_now(), &["exec", "LISTUSER VICTIM"], None);
    assert!(r.stdout.contains("REVOKED"), "{}", r.stdout);
}

#[test]
fn a_remembered_logon_ends_when_racf_changes_the_password_or_revokes_the_user() {
    let z = start();
    let listuser = r#"{"tsoCmd":"LISTUSER"}"#;
    let call = |user: &str| {
        let url = z.url("/zosmf/tsoApp/v1/tso");
        z.curl(&[
            "-u",
            user,
            "-X",
            "PUT",
            "-H",
            "X-CSRF-ZOSMF-HEADER: true",
            "--data-binary",
            listuser,
            &url,
        ])
        .0
    };
    assert_eq!(call("ZOSUSR:SECRET1"), 200);
    assert_eq!(call("ZOSUSR:SECRET1"), 200);
    z.exec("ALTUSER ZOSUSR PASSWORD(NEWPW1) NOEXPIRED");
    assert_eq!(call("ZOSUSR:SECRET1"), 401);
    assert_eq!(call("ZOSUSR:NEWPW1"), 200);
    z.exec("ALTUSER ZOSUSR REVOKE");
    assert_eq!(call("ZOSUSR:NEWPW1"), 401);
    z.exec("ALTUSER ZOSUSR RESUME");
    assert_eq!(call("ZOSUSR:NEWPW1"), 200);
}

#[test]
fn requests_other_than_get_need_the_csrf_header() {
    let z = start();
    let (status, body) = z.curl(&[
        "-u",
        "ZOSUSR:SECRET1",
        "-X",
        "PUT",
        "-H",
        "Content-Type: application/json",
        "--data-binary",
        r#"{"tsoCmd":"LISTUSER"}"#,
        &z.url("/zosmf/tsoApp/v1/tso"),
    ]);
    assert_eq!(status, 403);
    assert!(String::from_utf8_lossy(&body).contains("IZUG846W"));
}

#[test]
fn tso_v1_returns_the_systsprt_lines_then_ready_and_runs_as_the_authenticated_user() {
    let z = start();
    let (status, v) = z.json(
        "PUT",
        "/zosmf/tsoApp/v1/tso",
        Some(r#"{"tsoCmd":"RACDCERT ID(IZUSVR) LISTRING(*)","cmdState":"stateless"}"#),
    );
    assert_eq!(status, 200, "{v}");
    let got: Vec<String> = v["cmdResponse"]
        .as_array()
        .expect("cmdResponse")
        .iter()
        .map(|m| m["message"].as_str().expect("message").to_string())
        .collect();
    // ZOSUSR has no READ to IRR.DIGTCERT.LISTRING: RACF's refusal, as SYSTSPRT shows it.
    let exec = racemu(
        &z.db(),
        &real_now(),
        &[
            "exec",
            "--user",
            "ZOSUSR",
            "RACDCERT ID(IZUSVR) LISTRING(*)",
        ],
        None,
    );
    let mut want: Vec<String> = exec.stdout.lines().map(str::to_string).collect();
    want.push("READY ".into());
    assert_eq!(got, want);
    assert!(got[0].starts_with("IRRD101I"), "{got:?}");
    assert_eq!(v["tsoPromptReceived"], "Y");
    assert!(v.get("servletKey").is_none());
    // Stateful: a servlet key comes back and can be used again.
    let (status, v) = z.json(
        "PUT",
        "/zosmf/tsoApp/v1/tso",
        Some(r#"{"tsoCmd":"LISTUSER","cmdState":"stateful"}"#),
    );
    assert_eq!(status, 200);
    let key = v["servletKey"].as_str().expect("servletKey").to_string();
    assert!(key.starts_with("ZOSUSR-"), "{key}");
    let again = format!(r#"{{"tsoCmd":"LISTUSER","cmdState":"stateful","servletKey":"{key}"}}"#);
    let (status, v2) = z.json("PUT", "/zosmf/tsoApp/v1/tso", Some(&again));
    assert_eq!(status, 200);
    assert_eq!(v2["servletKey"], key.as_str());
    assert_eq!(v2["cmdResponse"], v["cmdResponse"]);
}

#[test]
fn tso_address_space_api_starts_sends_receives_and_stops() {
    let z = start();
    let (status, v) = z.json("POST", "/zosmf/tsoApp/tso?acct=IZUACCT&proc=IZUFPROC", None);
    assert_eq!(status, 200, "{v}");
    let key = v["servletKey"].as_str().expect("key").to_string();
    assert_eq!(v["tsoData"][0]["TSO MESSAGE"]["DATA"], "READY ");
    let send = r#"{"TSO RESPONSE":{"VERSION":"0100","DATA":"LISTUSER ZOSUSR"}}"#;
    let (status, v) = z.json(
        "PUT",
        &format!("/zosmf/tsoApp/tso/{key}?readReply=false"),
        Some(send),
    );
    assert_eq!(status, 200, "{v}");
    assert!(v.get("tsoData").is_none());
    let (status, v) = z.json("GET", &format!("/zosmf/tsoApp/tso/{key}"), None);
    assert_eq!(status, 200);
    let data: Vec<String> = v["tsoData"]
        .as_array()
        .expect("tsoData")
        .iter()
        .filter_map(|m| m["TSO MESSAGE"]["DATA"].as_str().map(str::to_string))
        .collect();
    let exec = racemu(
        &z.db(),
        &real_now(),
        &["exec", "--user", "ZOSUSR", "LISTUSER ZOSUSR"],
        None,
    );
    let mut want: Vec<String> = exec.stdout.lines().map(str::to_string).collect();
    want.push("READY ".into());
    assert_eq!(data, want);
    assert!(v["tsoData"]
        .as_array()
        .expect("d")
        .last()
        .expect("p")
        .get("TSO PROMPT")
        .is_some());
    let (status, _) = z.json("PUT", &format!("/zosmf/tsoApp/tso/ping/{key}"), None);
    assert_eq!(status, 200);
    // The address space is ZOSUSR's alone.
    let (status, _) = z.curl(&[
        "-u",
        "VICTIM:SECRET3",
        &z.url(&format!("/zosmf/tsoApp/tso/{key}")),
    ]);
    assert_eq!(status, 404);
    let (status, v) = z.json("DELETE", &format!("/zosmf/tsoApp/tso/{key}"), None);
    assert_eq!(
        (status, v["servletKey"].as_str()),
        (200, Some(key.as_str()))
    );
    let (status, _) = z.json("GET", &format!("/zosmf/tsoApp/tso/{key}"), None);
    assert_eq!(status, 404);
}

#[test]
fn restfiles_reads_writes_lists_and_deletes_the_data_sets_decks_use() {
    let z = start();
    let dsn = "/zosmf/restfiles/ds/ZOSUSR.TEST.TEXT";
    let put = |path: &str, binary: bool, data: &Path| {
        let mut args = vec![
            "-u",
            "ZOSUSR:SECRET1",
            "-X",
            "PUT",
            "-H",
            "X-CSRF-ZOSMF-HEADER: true",
        ];
        if binary {
            args.extend(["-H", "X-IBM-Data-Type: binary"]);
        }
        let data = format!("@{}", data.display());
        let url = z.url(path);
        z.curl(&[&args[..], &["--data-binary", &data, &url]].concat())
    };
    let text = z.tmp.path().join("t.txt");
    std::fs::write(&text, "LINE ONE\nLINE TWO\n").expect("write");
    assert_eq!(put(dsn, false, &text).0, 201);
    assert_eq!(put(dsn, false, &text).0, 204);
    let (status, body) = z.curl(&["-u", "ZOSUSR:SECRET1", &z.url(dsn)]);
    assert_eq!(
        (status, body.as_slice()),
        (200, &b"LINE ONE\nLINE TWO\n"[..])
    );
    // Binary, byte for byte; the deck-side tool sees the same data set.
    let bin = z.tmp.path().join("b.bin");
    let bytes: Vec<u8> = (0..=255u8).collect();
    std::fs::write(&bin, &bytes).expect("write");
    assert_eq!(
        put("/zosmf/restfiles/ds/ZOSUSR.TEST.BIN", true, &bin).0,
        201
    );
    let (status, body) = z.curl(&[
        "-u",
        "ZOSUSR:SECRET1",
        "-H",
        "X-IBM-Data-Type: binary",
        &z.url("/zosmf/restfiles/ds/ZOSUSR.TEST.BIN"),
    ]);
    assert_eq!((status, body), (200, bytes.clone()));
    let out = z.tmp.path().join("out.bin");
    let r = racemu(
        &z.db(),
        &real_now(),
        &["ds", "get", "'ZOSUSR.TEST.BIN'", out.to_str().expect("p")],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read(&out).expect("read"), bytes);
    // The list, then a delete.
    let (status, v) = z.json("GET", "/zosmf/restfiles/ds?dslevel=ZOSUSR.TEST.*", None);
    assert_eq!(status, 200, "{v}");
    assert_eq!(
        v["items"],
        serde_json::json!([{"dsname": "ZOSUSR.TEST.BIN"}, {"dsname": "ZOSUSR.TEST.TEXT"}])
    );
    assert_eq!(
        (v["returnedRows"].as_u64(), v["totalRows"].as_u64()),
        (Some(2), Some(2))
    );
    // A PDS: its members, and its organisation in the base attributes.
    assert_eq!(
        put("/zosmf/restfiles/ds/ZOSUSR.TEST.PDS(MEMB)", false, &text).0,
        201
    );
    let (status, v) = z.json("GET", "/zosmf/restfiles/ds/ZOSUSR.TEST.PDS/member", None);
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["items"], serde_json::json!([{"member": "MEMB"}]));
    let (status, _) = z.json("GET", "/zosmf/restfiles/ds/ZOSUSR.TEST.TEXT/member", None);
    assert_eq!(status, 400);
    let (status, body) = z.curl(&[
        "-u",
        "ZOSUSR:SECRET1",
        "-H",
        "X-IBM-Attributes: base",
        &z.url("/zosmf/restfiles/ds?dslevel=ZOSUSR.TEST.P*"),
    ]);
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(
        (
            v["items"][0]["dsname"].as_str(),
            v["items"][0]["dsorg"].as_str()
        ),
        (Some("ZOSUSR.TEST.PDS"), Some("PO"))
    );
    let (status, _) = z.json("DELETE", dsn, None);
    assert_eq!(status, 204);
    let (status, v) = z.json("GET", dsn, None);
    assert_eq!(status, 404);
    assert_eq!(
        v["details"][0],
        "ISRZ002 Data set not cataloged - 'ZOSUSR.TEST.TEXT' was not found in catalog."
    );
}

#[test]
fn hostile_requests_get_4xx_answers_and_the_server_keeps_serving() {
    let z = start();
    let tso = "/zosmf/tsoApp/v1/tso";
    for bad in [
        "{",
        "[]",
        r#"{"tsoCmd":5}"#,
        r#"{"tsoCmd":"LISTUSER","cmdState":"sideways"}"#,
        r#"{"tsoCmd":"  "}"#,
        "\u{1}",
    ] {
        let (status, v) = z.json("PUT", tso, Some(bad));
        assert_eq!(status, 400, "{bad}: {v}");
        assert!(v["message"].is_string(), "{v}");
    }
    // Invalid UTF-8 in JSON and in a text upload.
    let junk = z.tmp.path().join("junk");
    std::fs::write(&junk, [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]).expect("write");
    let junk_arg = format!("@{}", junk.display());
    for path in [tso, "/zosmf/restfiles/ds/ZOSUSR.JUNK"] {
        let (status, _) = z.curl(&[
            "-u",
            "ZOSUSR:SECRET1",
            "-X",
            "PUT",
            "-H",
            "X-CSRF-ZOSMF-HEADER: true",
            "--data-binary",
            &junk_arg,
            &z.url(path),
        ]);
        assert_eq!(status, 400, "{path}");
    }
    // A body over the limit.
    let huge = z.tmp.path().join("huge");
    std::fs::write(&huge, vec![b'A'; 9 * 1024 * 1024]).expect("write");
    let huge_arg = format!("@{}", huge.display());
    // With `Expect: 100-continue` (and curl waiting for the answer however loaded the machine
    // is) the server's 413 comes before any of the body is sent: no race with a closed socket.
    let (status, _) = z.curl(&[
        "-u",
        "ZOSUSR:SECRET1",
        "-X",
        "PUT",
        "-H",
        "X-CSRF-ZOSMF-HEADER: true",
        "-H",
        "Expect: 100-continue",
        "--expect100-timeout",
        "120",
        "--data-binary",
        &huge_arg,
        &z.url("/zosmf/restfiles/ds/ZOSUSR.HUGE"),
    ]);
    assert_eq!(status, 413);
    // A method the path does not take.
    let (status, v) = z.json("POST", "/zosmf/info", None);
    assert_eq!(status, 405);
    assert!(v["message"].is_string(), "{v}");
    // Bad names and path traversal.
    for name in [
        "1BAD.NAME",
        "TOO.LONGQUALIF",
        "A..B",
        "..%2F..%2Fetc%2Fpasswd",
        "%2E%2E",
        "A.B(TOOLONGMEM)",
        "A%00B",
    ] {
        let (status, v) = z.json("GET", &format!("/zosmf/restfiles/ds/{name}"), None);
        assert_eq!(status, 400, "{name}: {v}");
    }
    let (status, _) = z.json("GET", "/zosmf/restfiles/ds/../../etc/passwd", None);
    assert!((400..500).contains(&status), "{status}");
    let (status, _) = z.json("GET", "/zosmf/restfiles/ds?dslevel=A;DROP", None);
    assert_eq!(status, 400);
    // Invalid UTF-8 in the path and in the query.
    let (status, v) = z.json("GET", "/zosmf/restfiles/ds/A.%FF%FE", None);
    assert_eq!(status, 400);
    assert!(v["message"].is_string(), "z/OSMF's error JSON: {v}");
    let (status, _) = z.json("GET", "/zosmf/restfiles/ds?dslevel=%FF", None);
    assert_eq!(status, 400);
    let (status, _) = z.json("GET", "/zosmf/restjobs/jobs?owner=%C3%28", None);
    assert_eq!(status, 400);
    let (status, _) = z.json("GET", "/zosmf/nothing/here", None);
    assert_eq!(status, 404);
    // Still serving.
    let (status, _) = z.json("GET", "/zosmf/info", None);
    assert_eq!(status, 200);
}

#[test]
fn python_urllib_issues_a_tso_command_trusting_the_rings_ca() {
    let z = start();
    let script = format!(
        r#"
import base64, json, ssl, urllib.request
ctx = ssl.create_default_context(cafile={ca:?})
req = urllib.request.Request("https://localhost:{port}/zosmf/tsoApp/v1/tso", method="PUT",
    data=json.dumps({{"tsoCmd": "LISTUSER ZOSUSR", "cmdState": "stateless"}}).encode(),
    headers={{"Content-Type": "application/json", "X-CSRF-ZOSMF-HEADER": "true",
             "Authorization": "Basic " + base64.b64encode(b"zosusr:secret1").decode()}})
with urllib.request.urlopen(req, context=ctx) as r:
    body = json.load(r)
print("\n".join(m["message"] for m in body["cmdResponse"]))
"#,
        ca = z.ca.display().to_string(),
        port = z.port
    );
    let out = Command::new("python3")
        .arg("-c")
        .arg(&script)
        .env("no_proxy", "*")
        .output()
        .expect("python3");
    // localhost resolves to 127.0.0.1 for Python.
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exec = racemu(
        &z.db(),
        &real_now(),
        &["exec", "--user", "ZOSUSR", "LISTUSER ZOSUSR"],
        None,
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{}READY \n", exec.stdout)
    );
}

#[test]
fn sigterm_and_sigint_stop_the_server_cleanly() {
    for signal in ["-TERM", "-INT"] {
        let mut z = start();
        let (status, _) = z.json("GET", "/zosmf/info", None);
        assert_eq!(status, 200);
        let pid = z.child.id().to_string();
        assert!(Command::new("kill")
            .args([signal, &pid])
            .status()
            .expect("kill")
            .success());
        let status = z.child.wait().expect("wait");
        assert_eq!(status.code(), Some(0), "{signal}");
    }
}

/// The test stores are seeded (common::SEED), so the server's engines draw on that seed: a
/// key made over z/OSMF is the key `racemu exec` makes from the same seed for the same owner,
/// label, type and size, and the server says its keys are reproducible (RCM204W).
#[test]
fn a_seeded_store_serves_with_its_seed_and_says_so() {
    let z = start();
    let said = z.log.lock().expect("log").clone();
    assert!(
        said.iter().any(|l| l.starts_with("racemu: RCM204W ")),
        "{said:?}"
    );
    z.exec(
        "RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)
PERMIT IRR.DIGTCERT.GENCERT CLASS(FACILITY) ID(ZOSUSR) ACCESS(READ)
RDEFINE FACILITY IRR.DIGTCERT.ADD UACC(NONE)
PERMIT IRR.DIGTCERT.ADD CLASS(FACILITY) ID(ZOSUSR) ACCESS(READ)
SETROPTS RACLIST(FACILITY) REFRESH",
    );
    let gencert = "RACDCERT GENCERT SUBJECTSDN(CN('seeded')) NISTECC SIZE(256) WITHLABEL('seeded')";
    let body = serde_json::json!({"tsoCmd": gencert, "cmdState": "stateless"}).to_string();
    let (status, v) = z.json("PUT", "/zosmf/tsoApp/v1/tso", Some(&body));
    assert_eq!(status, 200, "{v}");
    let over_zosmf = cert_der(&z.db(), "ZOSUSR", "seeded");

    // The same certificate's key from `racemu exec` on a fresh store with the same seed.
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(
        &db,
        &real_now(),
        &[
            "exec",
            &format!(
                "ADDUSER ZOSUSR\nRACDCERT ID(ZOSUSR) {}",
                &gencert["RACDCERT ".len()..]
            ),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let by_exec = cert_der(&db, "ZOSUSR", "seeded");
    let spki = |der: &[u8]| {
        racemu_pki::parse_certificate(der)
            .expect("certificate")
            .spki_der
    };
    assert_eq!(spki(&over_zosmf), spki(&by_exec));
}

//! `racemu keyring` from the command line: standard output, warnings, listings.

mod common;
use common::*;

const NOW: &str = "2026-11-25T10:00:00Z";

#[test]
fn export_to_standard_output_with_a_dash() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    assert_eq!(racemu(&db, NOW, &["exec", RING], None).code, 0);
    let script = format!(
        "\"$RACEMU\" --db {} --now {NOW} --user SRV keyring export SRV/Ring --format pem --out -",
        db.display()
    );
    let r = racemu_sh(tmp.path(), &script);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(
            "# label: srv (owner SRV, usage PERSONAL, DEFAULT, private key)\n-----BEGIN PRIVATE KEY-----\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("-----BEGIN CERTIFICATE-----\n"),
        "{}",
        r.stdout
    );
    assert!(!tmp.path().join("-").exists(), "no file named -");
    assert_eq!(
        r.stderr.trim_end(),
        "racemu: RCM201I wrote standard output (PEM): 1 certificate(s), 1 private key(s)"
    );
}

#[test]
fn keyring_list_warns_on_standard_error_until_the_refresh() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    assert_eq!(racemu(&db, NOW, &["exec", RING], None).code, 0);
    let r = racemu(
        &db,
        NOW,
        &["--user", "SRV", "keyring", "list", "SRV/Ring"],
        None,
    );
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        [
            "racemu: RCM213W ring SRV/Ring changed after the last SETROPTS RACLIST(DIGTRING) REFRESH. racemu shows it as the RACF database holds it now; on z/OS issue SETROPTS RACLIST(DIGTRING) REFRESH and have the server re-read the ring (most read it when they start).",
            "racemu: RCM214W certificate(s) 'srv' in ring SRV/Ring changed after the last SETROPTS RACLIST(DIGTCERT) REFRESH. racemu shows them as the RACF database holds them now; on z/OS issue SETROPTS RACLIST(DIGTCERT) REFRESH and have the server re-read the ring.",
        ]
    );
    assert!(
        r.stdout.contains("  Default:     YES"),
        "read as it is now: {}",
        r.stdout
    );
    let r = racemu(
        &db,
        NOW,
        &["exec", "SETROPTS RACLIST(DIGTRING DIGTCERT) REFRESH"],
        None,
    );
    assert_eq!(r.code, 0);
    let r = racemu(
        &db,
        NOW,
        &["--user", "SRV", "keyring", "list", "SRV/Ring"],
        None,
    );
    assert_eq!(r.stderr, "");
}

#[test]
fn keyring_list_marks_expired_certificates_and_shows_rfc_4514_subjects() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let setup = "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Old CA') O('Ex, Inc') C('US')) NOTAFTER(DATE(2020-12-31)) WITHLABEL('old')
RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv')) NISTECC NOTAFTER(DATE(2030-01-01)) WITHLABEL('srv')
RACDCERT ID(SRV) ADDRING(Ring)
RACDCERT ID(SRV) CONNECT(LABEL('srv') RING(Ring) DEFAULT)
RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('old') RING(Ring))
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
SETROPTS RACLIST(FACILITY DIGTRING DIGTCERT) REFRESH";
    assert_eq!(racemu(&db, "2019-06-01", &["exec", setup], None).code, 0);
    let r = racemu(
        &db,
        "2025-06-01",
        &["--user", "SRV", "keyring", "list", "SRV/Ring"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The store is seeded (common::SEED) and the clock pinned: fingerprints as printed.
    let out = normalise(&r.stdout);
    assert_eq!(
        out,
        [
            "Ring SRV/Ring opened by SRV (access through FACILITY IRR.DIGTCERT.LISTRING)",
            "",
            "  Label:       srv",
            "  Owner:       SRV",
            "  Usage:       PERSONAL",
            "  Default:     YES",
            "  Trust:       TRUST",
            "  Subject:     CN=srv",
            "  RFC 4514:    CN=srv",
            "  Issuer:      CN=srv",
            "  Not before:  2019-06-01T00:00:00Z",
            "  Not after:   2030-01-01T23:59:59Z",
            "  SHA-256:     35:37:9B:1B:9F:92:19:CC:04:EC:65:0B:85:47:69:6E:FA:01:87:FE:94:EB:DB:43:20:49:94:EF:AF:BD:4C:B0",
            "  Private key: released",
            "",
            "  Label:       old",
            "  Owner:       CERTAUTH",
            "  Usage:       CERTAUTH",
            "  Default:     NO",
            "  Trust:       TRUST",
            "  Subject:     CN=Old CA.O=Ex, Inc.C=US",
            "  RFC 4514:    CN=Old CA,O=Ex\\, Inc,C=US",
            "  Issuer:      CN=Old CA.O=Ex, Inc.C=US",
            "  Not before:  2019-06-01T00:00:00Z",
            "  Not after:   2020-12-31T23:59:59Z  (EXPIRED)",
            "  SHA-256:     53:50:5C:B3:33:C3:C8:C3:CB:71:8D:FF:8A:2B:4F:5B:26:43:5C:64:6E:2F:24:80:81:F2:D2:88:AB:6E:E7:E1",
            "  Private key: not returned (USAGE(CERTAUTH): R_datalib returns private keys only for USAGE(PERSONAL); a trust anchor needs none)",
        ]
    );
    let r = racemu(
        &db,
        "2025-06-01",
        &["--user", "SRV", "keyring", "list", "SRV/Ring", "--json"],
        None,
    );
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(
        doc,
        serde_json::json!({
            "owner": "SRV", "ring": "Ring", "user": "SRV",
            "entries": [
                {
                    "label": "srv", "owner": "SRV", "usage": "PERSONAL", "default": true,
                    "trust": "TRUST", "subject": "CN=srv", "subject_rfc4514": "CN=srv",
                    "issuer": "CN=srv", "not_before": "2019-06-01T00:00:00Z",
                    "not_after": "2030-01-01T23:59:59Z", "expired": false, "validity": "valid",
                    "sha256": "35:37:9B:1B:9F:92:19:CC:04:EC:65:0B:85:47:69:6E:FA:01:87:FE:94:EB:DB:43:20:49:94:EF:AF:BD:4C:B0",
                    "private_key": "released",
                    "withheld_because": null,
                },
                {
                    "label": "old", "owner": "CERTAUTH", "usage": "CERTAUTH", "default": false,
                    "trust": "TRUST", "subject": "CN=Old CA.O=Ex, Inc.C=US",
                    "subject_rfc4514": "CN=Old CA,O=Ex\\, Inc,C=US",
                    "issuer": "CN=Old CA.O=Ex, Inc.C=US", "not_before": "2019-06-01T00:00:00Z",
                    "not_after": "2020-12-31T23:59:59Z", "expired": true, "validity": "expired",
                    "sha256": "53:50:5C:B3:33:C3:C8:C3:CB:71:8D:FF:8A:2B:4F:5B:26:43:5C:64:6E:2F:24:80:81:F2:D2:88:AB:6E:E7:E1",
                    "private_key": "not returned",
                    "withheld_because": null,
                },
            ],
            "filtered": [],
        })
    );
}

/// `keyring open`: the document the Java key stores read (docs/java.md): the DER
/// certificate and the PKCS#8 key R_datalib releases, as standard base64.
#[test]
fn keyring_open_prints_the_ring_as_one_json_document() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    assert_eq!(racemu(&db, NOW, &["exec", RING], None).code, 0);
    let r = racemu(
        &db,
        NOW,
        &["--user", "srv", "keyring", "open", "safkeyring:///Ring"],
        None,
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let entry = &doc["entries"][0];
    let b64 = |v: &serde_json::Value| {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD
            .decode(v.as_str().expect("base64 text"))
            .expect("base64")
    };
    assert_eq!(b64(&entry["certificate"]), cert_der(&db, "SRV", "srv"));
    assert!(
        b64(&entry["private_key"]).starts_with(&[0x30]),
        "PKCS#8 DER"
    );
    let mut shown = doc.clone();
    shown["entries"][0]["certificate"] = "…".into();
    shown["entries"][0]["private_key"] = "…".into();
    assert_eq!(
        shown,
        serde_json::json!({
            "format": "racemu-keyring-open/1",
            "user": "SRV",
            "owner": "SRV",
            "ring": "Ring",
            "entries": [{
                "label": "srv",
                "owner": "SRV",
                "usage": "PERSONAL",
                "default": true,
                "status": "TRUST",
                "certificate": "…",
                "private_key": "…",
                "key_withheld": null,
            }],
            "warnings": [
                "RCM213W ring SRV/Ring changed after the last SETROPTS RACLIST(DIGTRING) REFRESH. racemu shows it as the RACF database holds it now; on z/OS issue SETROPTS RACLIST(DIGTRING) REFRESH and have the server re-read the ring (most read it when they start).",
                "RCM214W certificate(s) 'srv' in ring SRV/Ring changed after the last SETROPTS RACLIST(DIGTCERT) REFRESH. racemu shows them as the RACF database holds them now; on z/OS issue SETROPTS RACLIST(DIGTCERT) REFRESH and have the server re-read the ring.",
            ],
            "error": null,
        })
    );
}

/// A refusal is the same document with IBM's codes and racemu's hint, exit status 8, and
/// nothing on standard error.
#[test]
fn keyring_open_refusal_is_a_document_with_the_codes_and_the_hint() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    assert_eq!(racemu(&db, NOW, &["exec", RING], None).code, 0);
    let r = racemu(
        &db,
        NOW,
        &["--user", "SRV", "keyring", "open", "SRV/ring"],
        None,
    );
    assert_eq!((r.code, r.stderr.as_str()), (8, ""));
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(
        doc,
        serde_json::json!({
            "format": "racemu-keyring-open/1",
            "user": "SRV",
            "entries": [],
            "warnings": [],
            "error": {
                "saf_rc": 8,
                "racf_rc": 8,
                "racf_reason": 84,
                "description": "profile for ring not found",
                "hint": "SRV has no ring named ring (ring names are case sensitive).",
            },
        })
    );
}

/// Row 5.2 of the newcomer trial: a CA connected USAGE(CERTAUTH) to a server's ring is a
/// trust anchor. R_datalib returns a key only for a certificate connected with USAGE(PERSONAL)
/// (IBM, R_datalib, "Usage notes", item 4:
/// https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.ichd100/usgntrdata.htm), so `keyring list` says
/// so without advising USAGE(PERSONAL) and no export counts its key as withheld.
#[test]
fn a_trust_anchors_key_is_not_returned_nor_counted_as_withheld() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let deck = "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('ACME Root CA')) NISTECC WITHLABEL('ACME Root CA')
RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv')) NISTECC SIGNWITH(CERTAUTH LABEL('ACME Root CA')) WITHLABEL('srv')
RACDCERT ID(SRV) ADDRING(Ring)
RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('ACME Root CA') RING(Ring) USAGE(CERTAUTH))
RACDCERT ID(SRV) CONNECT(LABEL('srv') RING(Ring) DEFAULT)
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
SETROPTS RACLIST(FACILITY DIGTRING DIGTCERT) REFRESH";
    let r = racemu(&db, NOW, &["exec", deck], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let list = racemu(
        &db,
        NOW,
        &["--user", "SRV", "keyring", "list", "SRV/Ring"],
        None,
    );
    assert_eq!(list.code, 0, "{}", list.stderr);
    let keys: Vec<&str> = list
        .stdout
        .lines()
        .filter(|l| l.starts_with("  Private key:") || l.starts_with("  Withheld:"))
        .collect();
    assert_eq!(
        keys,
        [
            "  Private key: not returned (USAGE(CERTAUTH): R_datalib returns private keys only for USAGE(PERSONAL); a trust anchor needs none)",
            "  Private key: released",
        ],
        "{}",
        list.stdout
    );
    assert!(!list.stdout.contains("USAGE(PERSONAL))"), "{}", list.stdout);
    let out = tmp.path().join("ring.pem");
    let export = racemu(
        &db,
        NOW,
        &[
            "--user",
            "SRV",
            "keyring",
            "export",
            "SRV/Ring",
            "--format",
            "pem",
            "--out",
            out.to_str().expect("path"),
        ],
        None,
    );
    assert_eq!(export.code, 0, "{}", export.stderr);
    assert_eq!(
        export.stderr.trim_end(),
        format!(
            "racemu: RCM201I wrote {} (PEM): 2 certificate(s), 1 private key(s)",
            out.display()
        )
    );
    let pem = std::fs::read_to_string(&out).expect("bundle");
    assert!(
        pem.contains("# label: ACME Root CA (owner CERTAUTH, usage CERTAUTH)\n"),
        "{pem}"
    );
}

/// Rows 4.2 and 5.5 of the newcomer trial: a certificate ADDed before its CA is in RACF is
/// NOTRUST (IBM, RACDCERT ADD:
/// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-add.htm).
/// SYSTSPRT keeps IRRD199I alone; racemu's RCM130W on standard error says why and how to make
/// it TRUST; `keyring list` names the certificate R_datalib leaves out; `keyring serve` names
/// NOTRUST as the reason it gets no DEFAULT.
#[test]
fn a_certificate_added_notrust_is_explained_listed_and_named_by_serve() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    // An outside CA's certificate for WEBSRV, in a data set; the CA itself not in RACF.
    let make = "ADDUSER WEBSRV
RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Outside CA')) NISTECC WITHLABEL('OCA')
RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('web')) NISTECC SIGNWITH(CERTAUTH LABEL('OCA')) WITHLABEL('tmp')
RACDCERT ID(WEBSRV) EXPORT(LABEL('tmp')) DSN('WEB.CERT') FORMAT(CERTDER)
RACDCERT CERTAUTH EXPORT(LABEL('OCA')) DSN('OCA.CERT') FORMAT(CERTDER)
RACDCERT ID(WEBSRV) DELETE(LABEL('tmp'))
RACDCERT CERTAUTH DELETE(LABEL('OCA'))
RACDCERT ID(WEBSRV) ADDRING(WebRing)
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEBSRV) ACCESS(READ)
SETROPTS RACLIST(FACILITY) REFRESH";
    let r = racemu(&db, NOW, &["exec", make], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let add = "RACDCERT ID(WEBSRV) ADD('WEB.CERT') WITHLABEL('WebCert')
RACDCERT ID(WEBSRV) CONNECT(LABEL('WebCert') RING(WebRing) DEFAULT)";
    let r = racemu(&db, NOW, &["exec", add], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(
        r.stdout.lines().next(),
        Some("IRRD199I Certificate with label 'WebCert' is added for user WEBSRV."),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("RCM130W"),
        "SYSTSPRT unchanged: {}",
        r.stdout
    );
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        ["RCM130W Certificate 'WebCert' of user WEBSRV was added with NOTRUST status: its issuer (CN=Outside CA) is not defined to RACF. R_datalib leaves NOTRUST certificates out of a key ring, so a server opening a ring it is connected to does not see it. To make it TRUST: ADD the CA certificate as CERTAUTH with TRUST (RACDCERT CERTAUTH ADD('dsn') WITHLABEL('label') TRUST), then RACDCERT ID(WEBSRV) ALTER(LABEL('WebCert')) TRUST."]
    );
    let list = racemu(
        &db,
        NOW,
        &["--user", "WEBSRV", "keyring", "list", "WebRing"],
        None,
    );
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert_eq!(
        list.stdout.lines().collect::<Vec<_>>(),
        [
            "Ring WEBSRV/WebRing opened by WEBSRV (access through FACILITY IRR.DIGTCERT.LISTRING)",
            "",
            "  Left out:    'WebCert' (owner WEBSRV, usage PERSONAL, the ring's DEFAULT) is NOTRUST: R_datalib returns TRUST and HIGHTRUST certificates only, so WEBSRV does not get it. Once its issuer is in RACF with TRUST status, RACDCERT ID(WEBSRV) ALTER(LABEL('WebCert')) TRUST would change that.",
        ]
    );
    let json = racemu(
        &db,
        NOW,
        &["--user", "WEBSRV", "keyring", "list", "WebRing", "--json"],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(v["entries"], serde_json::json!([]));
    assert_eq!(v["filtered"][0]["label"], "WebCert");
    assert_eq!(v["filtered"][0]["trust"], "NOTRUST");
    let serve = racemu(
        &db,
        NOW,
        &[
            "--user",
            "WEBSRV",
            "keyring",
            "serve",
            "WebRing",
            "--listen",
            "127.0.0.1:0",
        ],
        None,
    );
    assert_ne!(serve.code, 0);
    assert!(
        serve.stderr.contains("RCM211E ring WEBSRV/WebRing has a DEFAULT certificate, 'WebCert', but it is NOTRUST, and R_datalib leaves NOTRUST certificates out: WEBSRV gets no DEFAULT."),
        "{}",
        serve.stderr
    );
    // The fix the note gives: the CA as CERTAUTH TRUST, then ALTER … TRUST.
    let fix = "RACDCERT CERTAUTH ADD('OCA.CERT') WITHLABEL('OCA') TRUST
RACDCERT ID(WEBSRV) ALTER(LABEL('WebCert')) TRUST";
    let r = racemu(&db, NOW, &["exec", fix], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let list = racemu(
        &db,
        NOW,
        &["--user", "WEBSRV", "keyring", "list", "WebRing"],
        None,
    );
    assert!(
        list.stdout.contains("  Label:       WebCert"),
        "{}",
        list.stdout
    );
    assert!(!list.stdout.contains("Left out"), "{}", list.stdout);
}

//! `keyring doctor --attls-policy` and `--probe`: each AT-TLS rule's ring judged as the
//! server's user ID with the rule's own findings beside the ring's, and handshake probes in
//! the report. The rings are the AT-TLS seed's (START1/TN3270: an RSA server certificate and
//! an ECDSA one under one CA; START1/NOCA without its CA). The probes hand certificates to
//! rustls, which checks them on the real clock, so these tests run on it.

mod common;

use racemu::doctor::Options;
use racemu::Racf;
use std::path::Path;

const SETUP: &str = "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Doc CA') O('racemu')) RSA SIZE(2048) WITHLABEL('DOCZOSCA')
RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('10.1.1.2') O('RSA2048')) ALTNAME(IP(10.1.1.2)) RSA SIZE(2048) SIGNWITH(CERTAUTH LABEL('DOCZOSCA')) WITHLABEL('RSA2048')
RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('10.1.1.2') O('NISTECC256')) ALTNAME(IP(10.1.1.2)) NISTECC SIZE(256) SIGNWITH(CERTAUTH LABEL('DOCZOSCA')) WITHLABEL('NISTECC256')
RACDCERT ID(START1) ADDRING(TN3270)
RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('DOCZOSCA') RING(TN3270) USAGE(CERTAUTH))
RACDCERT ID(START1) CONNECT(LABEL('RSA2048') RING(TN3270) DEFAULT)
RACDCERT ID(START1) CONNECT(LABEL('NISTECC256') RING(TN3270))
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
SETROPTS RACLIST(FACILITY) REFRESH";

/// The seed's CPJES2OUT rule (as in crates/attls/tests/policies), with `suites` as its
/// cipher list, `label` as its ServerCertificateLabel, and a second rule naming a ring that
/// does not exist.
fn policy(suites: &[&str], label: &str) -> String {
    let suites: String = suites
        .iter()
        .map(|s| format!("V3CipherSuites {s}\n"))
        .collect();
    format!(
        "# Two rules: the seed's server rule, and one whose ring was never made.
TTLSRule CPJES2OUT
{{
LocalPortRange 2175
TTLSGroupAction {{ TTLSEnabled On }}
TTLSEnvironmentAction
{{
HandshakeRole Server
TTLSEnvironmentAdvancedParms {{ ClientAuthType PassThru }}
TTLSKeyringParms {{ Keyring start1/TN3270 }}
}}
TTLSConnectionAction
{{
TTLSCipherParms
{{
{suites}}}
TTLSConnectionAdvancedParms {{ ServerCertificateLabel {label} }}
}}
}}
TTLSRule NORING
{{
TTLSGroupAction {{ TTLSEnabled On }}
TTLSEnvironmentAction
{{
HandshakeRole Server
TTLSKeyringParms {{ Keyring START1/NEVERMADE }}
}}
}}
"
    )
}

fn setup(db: &Path, now: &str) {
    let r = common::racemu(db, now, &["exec", SETUP], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

fn doctor(db: &Path, now: &str, file: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec![
        "--user",
        "START1",
        "keyring",
        "doctor",
        "--attls-policy",
        file.to_str().expect("path"),
    ];
    args.extend_from_slice(extra);
    common::racemu(db, now, &args, None)
}

#[test]
fn each_rule_is_judged_with_its_ring_and_its_own_findings() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let now = common::real_now();
    setup(&db, &now);
    let file = tmp.path().join("policy.conf");
    // Only ECDSA suites over the RSA certificate the rule names.
    let ecdsa_only = ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"];
    std::fs::write(&file, policy(&ecdsa_only, "RSA2048")).expect("policy");

    let r = doctor(&db, &now, &file, &["--json"]);
    assert_eq!(r.code, 8, "{}{}", r.stdout, r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(v["user"], "START1");
    let rules = v["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[0]["rule"], "CPJES2OUT");
    assert_eq!(rules[0]["line"], 2);
    assert_eq!(rules[0]["ring"], "START1/TN3270");
    let codes = |rule: &serde_json::Value| -> Vec<String> {
        rule["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["code"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(codes(&rules[0]), ["attls-no-cipher-for-key"]);
    assert_eq!(rules[0]["findings"][0]["label"], "RSA2048");
    assert_eq!(rules[1]["rule"], "NORING");
    assert_eq!(codes(&rules[1]), ["no-ring"]);
    assert_eq!(
        rules[1]["findings"][0]["fix"][0],
        "RACDCERT ID(START1) ADDRING(NEVERMADE)"
    );

    // One rule, as text; an ECDHE_RSA suite added to the policy mends it.
    let both = [ecdsa_only[0], "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"];
    std::fs::write(&file, policy(&both, "RSA2048")).expect("policy");
    let r = doctor(&db, &now, &file, &["--rule", "CPJES2OUT"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(
        r.stdout,
        "AT-TLS rule CPJES2OUT (line 2):\nRing START1/TN3270 judged as START1: healthy, no findings.\n"
    );

    // A label the ring lacks is the rule's finding alone (not also the doctor's own).
    std::fs::write(&file, policy(&ecdsa_only, "NISTECC521")).expect("policy");
    let r = doctor(&db, &now, &file, &["--rule", "CPJES2OUT", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(codes(&v["rules"][0]), ["attls-label-not-in-ring"]);

    // An unknown rule and a ring operand beside the policy are refused.
    let r = doctor(&db, &now, &file, &["--rule", "NOSUCH"]);
    assert_eq!(r.code, 12, "{}", r.stderr);
    assert!(r.stderr.contains("NOSUCH"), "{}", r.stderr);
    let r = doctor(&db, &now, &file, &["START1/TN3270"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn probes_join_the_report_and_the_api_gives_the_same_rules() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let now = common::real_now();
    setup(&db, &now);
    let args = [
        "--user",
        "START1",
        "keyring",
        "doctor",
        "start1/TN3270",
        "--probe",
        "--client",
        "java",
        "--client",
        "openssl",
        "--json",
    ];
    let r = common::racemu(&db, &now, &args, None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let probes = v["probes"].as_array().expect("probes");
    let clients: Vec<&str> = probes.iter().filter_map(|p| p["client"].as_str()).collect();
    assert_eq!(clients, ["java", "openssl"]);
    assert!(probes.iter().all(|p| p["accepted"] == true), "{probes:?}");

    // The Rust API over the same policy: the rule's findings as the CLI gives them.
    let mut racf = Racf::temporary().expect("store");
    racf.sysin("IBMUSER", SETUP).expect("setup");
    let text = policy(&["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"], "RSA2048");
    let parsed = racemu_attls::parse(&text).expect("policy parses");
    let options = Options::at(time::OffsetDateTime::now_utc());
    let reports = racf
        .doctor_policy("START1", &parsed, Some("CPJES2OUT"), &options)
        .expect("judged");
    assert_eq!(reports.len(), 1);
    let codes: Vec<&str> = reports[0].report.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["attls-no-cipher-for-key"]);
    assert_eq!(reports[0].report.exit_code(), 8);
}

/// Row 6.11 of the newcomer trial: with `--attls-policy`, the probes serve the rule (its
/// versions and suites, as `attls serve` does), not the ring as `keyring serve` would. Only
/// an ECDSA suite over the RSA certificate: every probe fails as `attls-no-cipher-for-key`
/// says; with an ECDHE_RSA suite added, the probe negotiates that TLS 1.2 suite (the rule
/// names no TLS 1.3 suite), not TLS 1.3.
#[test]
fn probes_under_a_policy_apply_the_rules_versions_and_suites() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let now = common::real_now();
    setup(&db, &now);
    let file = tmp.path().join("policy.conf");
    let ecdsa_only = ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"];
    std::fs::write(&file, policy(&ecdsa_only, "RSA2048")).expect("policy");
    let probe = [
        "--rule",
        "CPJES2OUT",
        "--probe",
        "--client",
        "openssl",
        "--json",
    ];
    let r = doctor(&db, &now, &file, &probe);
    assert_eq!(r.code, 8, "{}{}", r.stdout, r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let rule = &v["rules"][0];
    assert_eq!(rule["findings"][0]["code"], "attls-no-cipher-for-key");
    let probes = rule["probes"].as_array().expect("probes");
    assert_eq!(probes.len(), 1, "{probes:?}");
    assert_eq!(probes[0]["client"], "openssl");
    assert_eq!(probes[0]["accepted"], false, "{probes:?}");
    let detail = probes[0]["detail"].as_str().unwrap_or_default();
    assert!(!detail.contains("TLSv1.3"), "{detail}");

    let both = [ecdsa_only[0], "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"];
    std::fs::write(&file, policy(&both, "RSA2048")).expect("policy");
    let r = doctor(&db, &now, &file, &probe);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let probes = v["rules"][0]["probes"].as_array().expect("probes");
    assert_eq!(probes[0]["accepted"], true, "{probes:?}");
    assert_eq!(
        probes[0]["detail"],
        "TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
    );
}

#[test]
fn a_safcheck_rule_whose_ca_certificates_cannot_map_is_a_finding_until_a_filter_is_active() {
    // SAFCheck admits only a client certificate associated with a user ID (AT-TLS handshake
    // roles, <https://www.ibm.com/docs/en/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz002/attls_handshake_roles.htm>).
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let now = common::real_now();
    setup(&db, &now);
    let file = tmp.path().join("policy.conf");
    let rsa = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"];
    let safcheck = policy(&rsa, "RSA2048")
        .replacen(
            "HandshakeRole Server\n",
            "HandshakeRole ServerWithClientAuth\n",
            1,
        )
        .replace("ClientAuthType PassThru", "ClientAuthType SAFCheck");
    std::fs::write(&file, safcheck).expect("policy");
    let finding = |db: &Path| -> Option<serde_json::Value> {
        let r = doctor(db, &now, &file, &["--rule", "CPJES2OUT", "--json"]);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
        v["rules"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["code"] == "attls-safcheck-no-mapping")
            .cloned()
    };
    let f = finding(&db).expect("no route for DOCZOSCA's certificates");
    assert_eq!(
        (f["severity"].as_str(), f["label"].as_str()),
        (Some("error"), Some("DOCZOSCA"))
    );
    assert_eq!(
        f["message"],
        "TTLSRule CPJES2OUT: ClientAuthType SAFCheck (line 9) admits only a client certificate that maps to a user ID, and no certificate signed by CA 'DOCZOSCA' (CN=Doc CA.O=racemu) in ring START1/TN3270 can: no user certificate it signed is registered, no certificate name filter (RACDCERT MAP) matches the certificates it signs, and it is not HIGHTRUST (hostIdMappings)."
    );
    assert_eq!(
        f["fix"],
        serde_json::json!([
            "RACDCERT ID(<client user>) MAP SDNFILTER('<client certificate subject>') IDNFILTER('CN=Doc CA.O=racemu') WITHLABEL('<label>')",
            "SETROPTS CLASSACT(DIGTNMAP) RACLIST(DIGTNMAP)"
        ])
    );
    // A filter on the CA's name, while DIGTNMAP is inactive, is named but not used.
    let map =
        "ADDUSER ALICE\nRACDCERT ID(ALICE) MAP IDNFILTER('CN=Doc CA.O=racemu') WITHLABEL('doc')";
    assert_eq!(common::racemu(&db, &now, &["exec", map], None).code, 0);
    let f = finding(&db).expect("DIGTNMAP inactive");
    assert!(
        f["message"]
            .as_str()
            .is_some_and(|m| m
                .contains("DIGTNMAP is not active, so the name filters ALICE.doc are not used")),
        "{f}"
    );
    let on = "SETROPTS CLASSACT(DIGTNMAP)";
    assert_eq!(common::racemu(&db, &now, &["exec", on], None).code, 0);
    assert_eq!(finding(&db), None);
}

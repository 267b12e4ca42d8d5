//! A rule judged against its ring as the server's user ID sees it through R_datalib: the
//! `attls-*` findings, each with the policy lines or RACDCERT commands that mend it.

use crate::ciphers::{by_name, KeyNeed, Suite};
use crate::model::{ClientAuthType, HandshakeRole, Policy, Protocol};
use crate::resolve::{resolve, Effective, PolicyError};
use racemu_keyring::doctor::{Finding, Severity};
use racemu_keyring::{RingEntry, RingView};
use racemu_pki::KeyType;
use racemu_racf::quoted;
use racemu_racf::Usage;

/// The suites a fix adds for a key type (IANA names, strongest first).
fn suites_for(key: KeyType) -> &'static [&'static str] {
    match key {
        KeyType::Rsa => &[
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        ],
        _ => &[
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        ],
    }
}

const TLS13_SUITES: &[&str] = &["TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"];

/// Whether `suite` can be negotiated with a certificate whose key is `key`.
pub fn suite_fits_key(suite: &Suite, key: KeyType) -> bool {
    match suite.key_need() {
        KeyNeed::Any => matches!(key, KeyType::Rsa | KeyType::NistEcc | KeyType::BrainpoolEcc),
        KeyNeed::Rsa => key == KeyType::Rsa,
        KeyNeed::Ecc => matches!(key, KeyType::NistEcc | KeyType::BrainpoolEcc),
        KeyNeed::Dsa => key == KeyType::Dsa,
        KeyNeed::Dh => false,
    }
}

/// Whether `suite` can be negotiated under one of the protocols `e` switches on.
pub fn suite_fits_protocols(suite: &Suite, e: &Effective) -> bool {
    if suite.is_tls13() {
        e.is_on(Protocol::Tls1_3)
    } else if suite.needs_tls12() {
        e.is_on(Protocol::Tls1_2)
    } else {
        [Protocol::Tls1_0, Protocol::Tls1_1, Protocol::Tls1_2]
            .into_iter()
            .any(|p| e.is_on(p))
    }
}

/// Where the rule's cipher suites are written, for a fix.
fn cipher_parms_at(e: &Effective) -> String {
    match &e.cipher_parms {
        Some((name, line)) => format!(
            "in TTLSCipherParms{} (line {line})",
            name.as_ref().map(|n| format!(" {n}")).unwrap_or_default()
        ),
        None => "in the rule's TTLSCipherParms".to_string(),
    }
}

fn advanced_at(e: &Effective) -> String {
    match &e.advanced_at {
        Some((name, line)) => format!(
            "in TTLSEnvironmentAdvancedParms{} (line {line})",
            name.as_ref().map(|n| format!(" {n}")).unwrap_or_default()
        ),
        None => "in a TTLSEnvironmentAdvancedParms of the rule's TTLSEnvironmentAction".to_string(),
    }
}

fn policy_fix(at: &str, edit: &str) -> String {
    format!("policy: {at}: {edit}")
}

fn finding(
    severity: Severity,
    code: &'static str,
    label: Option<&str>,
    message: String,
    fix: Vec<String>,
) -> Finding {
    Finding {
        severity,
        code,
        label: label.map(str::to_string),
        message,
        fix,
    }
}

/// The certificates the rule uses from the ring: (label written, entry when present, line).
fn chosen<'a>(e: &Effective, ring: &'a RingView) -> Vec<(String, Option<&'a RingEntry>, usize)> {
    match &e.label {
        Some(choice) => choice
            .labels
            .iter()
            .map(|l| (l.value.clone(), ring.entry(Some(&l.value)), l.line))
            .collect(),
        None => vec![("DEFAULT".to_string(), ring.entry(None), e.keyring.line)],
    }
}

fn label_findings(e: &Effective, ring: &RingView, out: &mut Vec<Finding>) {
    let ring_name = format!("{}/{}", ring.owner, ring.name);
    let keyed: Vec<&RingEntry> = ring
        .entries
        .iter()
        .filter(|x| x.is_personal() && x.private_key.is_some())
        .collect();
    for (label, entry, line) in chosen(e, ring) {
        if entry.is_some() {
            continue;
        }
        let Some(choice) = &e.label else {
            if !e.is_server() {
                // A client sends a certificate only when it has one.
                continue;
            }
            let mut fix = Vec::new();
            if let Some(first) = keyed.first() {
                fix.push(format!(
                    "RACDCERT ID({}) CONNECT({} LABEL({}) RING({}) DEFAULT)",
                    ring.owner,
                    first.owner.operand(),
                    quoted(&first.label),
                    ring.name
                ));
            }
            out.push(finding(
                Severity::Error,
                "no-default",
                None,
                format!(
                    "TTLSRule {} names no certificate label, and ring {ring_name} has no DEFAULT certificate that {} can see.",
                    e.rule, ring.caller
                ),
                fix,
            ));
            continue;
        };
        let others: Vec<String> = keyed.iter().map(|x| quoted(&x.label)).collect();
        let mut fix = vec![format!(
            "RACDCERT ID({}) CONNECT(ID({}) LABEL({}) RING({}) USAGE(PERSONAL))",
            ring.owner,
            ring.owner,
            quoted(&label),
            ring.name
        )];
        if let Some(first) = keyed.first() {
            fix.push(policy_fix(
                &format!("line {line}"),
                &format!("{} {}", choice.parameter, first.label),
            ));
        }
        out.push(finding(
            Severity::Error,
            "attls-label-not-in-ring",
            Some(&label),
            format!(
                "{} {label} (line {line}) is not in ring {ring_name} as {} sees it (labels are case sensitive); the ring's certificates with a private key: {}.",
                choice.parameter,
                ring.caller,
                if others.is_empty() { "none".to_string() } else { others.join(", ") }
            ),
            fix,
        ));
    }
}

fn cipher_findings(e: &Effective, ring: &RingView, out: &mut Vec<Finding>) {
    for s in e.suites.iter().filter(|s| s.suite.is_none()) {
        out.push(finding(
            Severity::Warning,
            "attls-unknown-cipher",
            None,
            format!(
                "{} {} (line {}) names no cipher suite AT-TLS knows; AT-TLS leaves it out of the list.",
                s.parameter, s.written, s.line
            ),
            vec![policy_fix(
                &format!("line {}", s.line),
                &format!("remove {} (or write a TLS_* name or code that System SSL lists)", s.written),
            )],
        ));
    }
    let known: Vec<Suite> = e.suites.iter().filter_map(|s| s.suite).collect();
    if known.is_empty() {
        return;
    }
    if e.is_on(Protocol::Tls1_3) && !known.iter().any(Suite::is_tls13) {
        let line = e
            .protocols
            .iter()
            .find(|(p, _, _)| *p == Protocol::Tls1_3)
            .and_then(|(_, _, l)| *l);
        let mut fix: Vec<String> = TLS13_SUITES
            .iter()
            .map(|s| policy_fix(&cipher_parms_at(e), &format!("add V3CipherSuites {s}")))
            .collect();
        if let Some(l) = line {
            fix.push(policy_fix(&format!("or line {l}"), "TLSv1.3 Off"));
        }
        out.push(finding(
            Severity::Error,
            "attls-no-tls13-cipher",
            None,
            format!(
                "TLSv1.3 is On{} but no TLSv1.3 cipher suite (1301, 1302, 1303) is configured {}: a TLS 1.3 handshake fails with alert 40 (CTRACE: No SSL V3 cipher specs enabled for TLS V1.3).",
                line.map(|l| format!(" (line {l})")).unwrap_or_default(),
                cipher_parms_at(e)
            ),
            fix,
        ));
    }
    let any_tls = [
        Protocol::Tls1_0,
        Protocol::Tls1_1,
        Protocol::Tls1_2,
        Protocol::Tls1_3,
    ]
    .into_iter()
    .any(|p| e.is_on(p));
    if !e.is_server() || !any_tls {
        return;
    }
    for (label, entry, _) in chosen(e, ring) {
        let Some(entry) = entry else { continue };
        let key = entry.info.key_type;
        if known
            .iter()
            .any(|s| suite_fits_key(s, key) && suite_fits_protocols(s, e))
        {
            continue;
        }
        let mut fix: Vec<String> = suites_for(key)
            .iter()
            .map(|s| policy_fix(&cipher_parms_at(e), &format!("add V3CipherSuites {s}")))
            .collect();
        if e.is_on(Protocol::Tls1_3) {
            fix.push(policy_fix(
                &cipher_parms_at(e),
                &format!("add V3CipherSuites {}", TLS13_SUITES[0]),
            ));
        }
        let kind = match key {
            KeyType::Rsa => "an RSA",
            KeyType::NistEcc | KeyType::BrainpoolEcc => "an ECC",
            KeyType::Dsa => "a DSA",
            KeyType::Unknown => "an unknown",
        };
        let label = if label == "DEFAULT" {
            entry.label.clone()
        } else {
            label
        };
        out.push(finding(
            Severity::Error,
            "attls-no-cipher-for-key",
            Some(&label),
            format!(
                "certificate {} has {kind} key ({} bits), and no cipher suite configured {} can use it under the TLS versions that are On: every handshake fails with alert 40 (handshake failure).",
                quoted(&label),
                entry.info.key_size,
                cipher_parms_at(e)
            ),
            fix,
        ));
    }
}

fn version_findings(e: &Effective, out: &mut Vec<Finding>) {
    let tls = [
        Protocol::Tls1_0,
        Protocol::Tls1_1,
        Protocol::Tls1_2,
        Protocol::Tls1_3,
    ];
    if tls.iter().any(|p| e.is_on(*p)) {
        return;
    }
    out.push(finding(
        Severity::Error,
        "attls-no-tls-version",
        None,
        format!(
            "TTLSRule {}: TLSv1, TLSv1.1, TLSv1.2 and TLSv1.3 are all Off, so no TLS handshake can succeed.",
            e.rule
        ),
        vec![policy_fix(&advanced_at(e), "TLSv1.2 On")],
    ));
}

fn client_auth_findings(e: &Effective, ring: &RingView, out: &mut Vec<Finding>) {
    if e.role != HandshakeRole::ServerWithClientAuth {
        return;
    }
    let (kind, line) = e.client_auth;
    let severity = match kind {
        ClientAuthType::PassThru => return,
        ClientAuthType::Full => Severity::Warning,
        ClientAuthType::Required | ClientAuthType::SafCheck => Severity::Error,
    };
    if ring.entries.iter().any(|x| x.usage == Usage::CertAuth) {
        return;
    }
    let name = match kind {
        ClientAuthType::Full => "Full",
        ClientAuthType::SafCheck => "SAFCheck",
        _ => "Required",
    };
    out.push(finding(
        severity,
        "attls-client-auth-without-ca",
        None,
        format!(
            "HandshakeRole ServerWithClientAuth with ClientAuthType {name}{} validates client certificates against ring {}/{}, which has no CERTAUTH certificate {} can see: {}.",
            line.map(|l| format!(" (line {l})")).unwrap_or(" (the default)".to_string()),
            ring.owner,
            ring.name,
            ring.caller,
            if severity == Severity::Error {
                "every client is refused"
            } else {
                "a client that sends a certificate is refused"
            }
        ),
        vec![format!(
            "RACDCERT ID({}) CONNECT(CERTAUTH LABEL('<label of the CA that signs the client certificates>') RING({}) USAGE(CERTAUTH))",
            ring.owner, ring.name
        )],
    ));
}

/// The findings for rule `rule` of `policy` over `ring` (the rule's `Keyring`, opened as the
/// server's user ID), errors first. `Err` when the rule is missing or incomplete.
pub fn judge(policy: &Policy, rule: &str, ring: &RingView) -> Result<Vec<Finding>, PolicyError> {
    let e = resolve(policy, rule)?;
    Ok(judge_effective(&e, ring))
}

/// The findings for settings already resolved, errors first.
pub fn judge_effective(e: &Effective, ring: &RingView) -> Vec<Finding> {
    let mut out = Vec::new();
    label_findings(e, ring, &mut out);
    version_findings(e, &mut out);
    cipher_findings(e, ring, &mut out);
    client_auth_findings(e, ring, &mut out);
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// The IANA names of the suites a fix for `key` adds (for docs and tests).
pub fn fix_suites(key: KeyType) -> Vec<Suite> {
    suites_for(key).iter().filter_map(|n| by_name(n)).collect()
}

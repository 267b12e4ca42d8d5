//! The ring doctor over an AT-TLS policy: each rule's key ring and certificate judged as the
//! server's user ID opens them through R_datalib (the findings of `keyring doctor`), with
//! the rule's own findings (`attls-*`: label, cipher suites, versions, client
//! authentication) beside them, in one report per rule.
//!
//! The merge is this module's: a rule's `attls-label-not-in-ring` replaces the ring doctor's
//! `label-not-in-ring`, a client rule drops the findings that only concern a certificate a
//! server presents, and a ring that cannot be opened or named is `no-ring` with the RACDCERT
//! ADDRING or policy line that would mend it. The RACF rules themselves (who opens the ring,
//! whose keys are released) are the engine's, through [`racemu_keyring::doctor::examine`].

use crate::{
    judge_effective, resolve, server_config, Effective, HandshakeRole, Policy, PolicyError,
};
use racemu_keyring::doctor::{Finding, Options, Probe, Report, Severity};
use racemu_keyring::RingRef;
use racemu_store::Store;

/// Codes that only concern a certificate a server presents: dropped for a rule whose
/// handshake role is client.
const SERVER_ONLY: &[&str] = &[
    "host-not-in-san",
    "host-beyond-altname",
    "not-for-tls-server",
    "validity-too-long",
];

/// The doctor's report on one AT-TLS rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleReport {
    /// The rule's name (`TTLSRule name`).
    pub rule: String,
    /// The line of its `TTLSRule` statement.
    pub line: usize,
    /// The findings about its ring and certificate and about the rule itself.
    pub report: Report,
}

impl RuleReport {
    /// The report as JSON: the report's fields (see [`Report::to_json`]) with `rule` and
    /// `line` added.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = self.report.to_json();
        if let Some(o) = v.as_object_mut() {
            o.insert("rule".into(), self.rule.clone().into());
            o.insert("line".into(), self.line.into());
        }
        v
    }
}

fn finding(code: &'static str, message: String, fix: Vec<String>) -> Finding {
    Finding {
        severity: Severity::Error,
        code,
        label: None,
        message,
        fix,
    }
}

/// Judges the rules of `policy` (every `TTLSRule`, or only `rule`) in the RACF database
/// `store` as `user`, the ID the application and so AT-TLS run under. A rule's certificate is its
/// `ServerCertificateLabel`/`CertificateLabel` (the first one), else the ring's DEFAULT,
/// unless `options.label` names one.
///
/// `Err` only when `rule` names no rule of the policy. A rule that does not resolve (no
/// environment action, no key ring) is the finding `attls-rule-incomplete`; a key ring
/// that does not exist or cannot be named is `no-ring`.
pub fn doctor_policy(
    store: &mut Store,
    user: &str,
    policy: &Policy,
    rule: Option<&str>,
    options: &Options,
) -> Result<Vec<RuleReport>, PolicyError> {
    let rules: Vec<(String, usize)> = match rule {
        Some(name) => {
            let r = policy.rule_named(name)?;
            vec![(r.name.clone(), r.line)]
        }
        None => policy
            .rules
            .iter()
            .map(|r| (r.name.clone(), r.line))
            .collect(),
    };
    Ok(rules
        .into_iter()
        .map(|(name, line)| RuleReport {
            report: judge_rule(store, user, policy, &name, options),
            rule: name,
            line,
        })
        .collect())
}

/// One rule's report: the ring doctor's findings on the rule's ring and certificate, merged
/// with the rule's own.
fn judge_rule(
    store: &mut Store,
    user: &str,
    policy: &Policy,
    rule: &str,
    options: &Options,
) -> Report {
    let user = user.to_ascii_uppercase();
    let alone = |ring: String, f: Finding| Report {
        ring,
        user: user.clone(),
        findings: vec![f],
        probes: Vec::new(),
    };
    let effective = match resolve(policy, rule) {
        Ok(e) => e,
        Err(e) => {
            let fix = vec![format!("policy: {e}")];
            return alone(
                String::new(),
                finding("attls-rule-incomplete", e.to_string(), fix),
            );
        }
    };
    let keyring = &effective.keyring;
    let Some(reference) = RingRef::parse(&keyring.value) else {
        let message = format!(
            "Keyring {} (line {}) is not a ring reference",
            keyring.value, keyring.line
        );
        let fix = vec![format!("policy: line {}: Keyring OWNER/RING", keyring.line)];
        return alone(keyring.value.clone(), finding("no-ring", message, fix));
    };
    let mut judged = options.clone();
    if judged.label.is_none() {
        judged.label = effective
            .label
            .as_ref()
            .and_then(|l| l.labels.first())
            .map(|l| l.value.clone());
    }
    // The probes serve the rule (its versions, suites and label), as `attls serve` does,
    // not the ring as `keyring serve` would.
    let probe = std::mem::replace(&mut judged.probe, false);
    let (mut report, served) =
        match racemu_keyring::doctor::examine(store, &user, &reference, &judged) {
            Ok(r) => r,
            Err(e) => {
                let owner = reference.owner.clone().unwrap_or_else(|| user.clone());
                let message = format!("Keyring {} (line {}): {e}", keyring.value, keyring.line);
                let fix = vec![format!("RACDCERT ID({owner}) ADDRING({})", reference.ring)];
                return alone(keyring.value.clone(), finding("no-ring", message, fix));
            }
        };
    // The rule's own findings need the ring as the server is given it; when it is
    // refused, `no-access` already says so.
    let rule_findings = served
        .as_ref()
        .map(|view| {
            let mut f = judge_effective(&effective, view);
            f.extend(crate::safcheck::findings(store, &effective, view));
            f
        })
        .unwrap_or_default();
    if let (true, Some(view)) = (probe, &served) {
        report.probes = rule_probes(&effective, view, &judged.clients);
    }
    if rule_findings
        .iter()
        .any(|f| f.code == "attls-label-not-in-ring")
    {
        report.findings.retain(|f| f.code != "label-not-in-ring");
    }
    if effective.role == HandshakeRole::Client {
        report.findings.retain(|f| !SERVER_ONLY.contains(&f.code));
    }
    report.findings.extend(rule_findings);
    report
        .findings
        .sort_by_key(|f| std::cmp::Reverse(f.severity));
    report
}

/// Each client's handshake against the rule's own server ([`server_config`]:
/// its TLS versions, cipher suites in policy order and certificate label), every client of
/// [`racemu_keyring::CLIENTS`] when `clients` is empty. A rule that cannot be served (a
/// client role, no version rustls speaks, no usable suite) makes every probe say why.
fn rule_probes(
    effective: &Effective,
    view: &racemu_keyring::RingView,
    clients: &[String],
) -> Vec<Probe> {
    let names: Vec<&str> = if clients.is_empty() {
        racemu_keyring::CLIENTS.to_vec()
    } else {
        clients.iter().map(String::as_str).collect()
    };
    let server = server_config(effective, view, None)
        .map(|s| std::sync::Arc::new(s.config))
        .map_err(|e| format!("the rule cannot be served: {e}"));
    racemu_keyring::probe_with(view, &server, &names)
}

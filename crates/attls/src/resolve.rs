//! A rule's effective settings: the environment's, with the connection action's overrides.

use crate::model::*;

/// Why a rule has no effective settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// No `TTLSRule` of that name.
    #[error("the policy has no TTLSRule {rule} (rules: {known})")]
    NoRule {
        /// The name asked for.
        rule: String,
        /// The rules the policy has, comma-separated.
        known: String,
    },
    /// The rule is incomplete: a required statement or parameter is missing.
    #[error("TTLSRule {rule} (line {line}): {what}")]
    Incomplete {
        /// The rule.
        rule: String,
        /// Its line.
        line: usize,
        /// What is missing.
        what: String,
    },
}

/// Where the certificate label comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelChoice {
    /// `ServerCertificateLabel` or `CertificateLabel`.
    pub parameter: &'static str,
    /// The labels, in order (several only for `ServerCertificateLabel`).
    pub labels: Vec<Line<String>>,
}

/// What AT-TLS applies to a rule's connections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effective {
    /// The rule's name.
    pub rule: String,
    /// The line of `TTLSRule`.
    pub rule_line: usize,
    /// `TTLSEnabled` of the rule's group action.
    pub enabled: bool,
    /// The handshake role (the connection action's, else the environment's).
    pub role: HandshakeRole,
    /// `Keyring`, as written (`OWNER/RING`).
    pub keyring: Line<String>,
    /// The certificate label(s); `None`: the ring's DEFAULT certificate.
    pub label: Option<LabelChoice>,
    /// Each protocol, on or off, with the line that said so (`None`: AT-TLS's default).
    pub protocols: Vec<(Protocol, bool, Option<usize>)>,
    /// The cipher suites in policy order (the connection's `TTLSCipherParms`, else the
    /// environment's); empty when no `TTLSCipherParms` applies (System SSL's default list).
    pub suites: Vec<SuiteEntry>,
    /// The `TTLSCipherParms` the suites come from: its name and line.
    pub cipher_parms: Option<(Option<String>, usize)>,
    /// `ClientAuthType` (default `Required`), with its line.
    pub client_auth: (ClientAuthType, Option<usize>),
    /// The advanced parameters that set the protocols: the environment's statement (name,
    /// line), where a fix adds a protocol line.
    pub advanced_at: Option<(Option<String>, usize)>,
}

impl Effective {
    /// Whether `p` is on.
    pub fn is_on(&self, p: Protocol) -> bool {
        self.protocols.iter().any(|(q, on, _)| *q == p && *on)
    }

    /// Whether the handshake is done as a server.
    pub fn is_server(&self) -> bool {
        self.role != HandshakeRole::Client
    }
}

fn incomplete(r: &Rule, what: impl Into<String>) -> PolicyError {
    PolicyError::Incomplete {
        rule: r.name.clone(),
        line: r.line,
        what: what.into(),
    }
}

impl Policy {
    /// The `TTLSRule` named `name` (names are case-sensitive, as Policy Agent's are), or
    /// [`PolicyError::NoRule`] listing the rules there are.
    pub fn rule_named(&self, name: &str) -> Result<&Rule, PolicyError> {
        self.rule(name).ok_or_else(|| PolicyError::NoRule {
            rule: name.to_string(),
            known: self
                .rules
                .iter()
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
    }
}

/// The effective settings of the rule named `rule`.
pub fn resolve(policy: &Policy, rule: &str) -> Result<Effective, PolicyError> {
    let r = policy.rule_named(rule)?;
    let enabled = r
        .group
        .as_ref()
        .and_then(|g| deref(g, &policy.group_actions))
        .and_then(|g| g.enabled.as_ref())
        .is_some_and(|e| e.value);
    let env = r
        .environment
        .as_ref()
        .and_then(|e| deref(e, &policy.environment_actions))
        .ok_or_else(|| incomplete(r, "it has no TTLSEnvironmentAction"))?;
    let conn = r
        .connection
        .as_ref()
        .and_then(|c| deref(c, &policy.connection_actions));
    let role = conn
        .and_then(|c| c.role.as_ref())
        .or(env.role.as_ref())
        .map(|l| l.value)
        .ok_or_else(|| incomplete(r, "its TTLSEnvironmentAction has no HandshakeRole"))?;
    let keyring = env
        .keyring
        .as_ref()
        .and_then(|k| deref(k, &policy.keyrings))
        .and_then(|k| k.keyring.clone())
        .ok_or_else(|| {
            incomplete(
                r,
                "its TTLSEnvironmentAction has no TTLSKeyringParms with a Keyring",
            )
        })?;
    let env_adv = env
        .advanced
        .as_ref()
        .and_then(|a| deref(a, &policy.environment_advanced));
    let conn_adv = conn
        .and_then(|c| c.advanced.as_ref())
        .and_then(|a| deref(a, &policy.connection_advanced));
    let protocols = Protocol::ALL
        .into_iter()
        .map(|p| {
            let set = |a: Option<&AdvancedParms>| {
                a.and_then(|a| a.protocols.iter().rev().find(|(q, _)| *q == p))
                    .map(|(_, l)| (l.value, Some(l.line)))
            };
            let (on, line) = set(conn_adv)
                .or_else(|| set(env_adv))
                .unwrap_or((p.default_on(), None));
            (p, on, line)
        })
        .collect();
    let server_labels = |a: Option<&AdvancedParms>| {
        a.map(|a| a.server_certificate_labels.clone())
            .filter(|l| !l.is_empty())
    };
    let cert_label = |a: Option<&AdvancedParms>| a.and_then(|a| a.certificate_label.clone());
    let label = match (
        role,
        server_labels(conn_adv).or_else(|| server_labels(env_adv)),
    ) {
        (HandshakeRole::Client, _) | (_, None) => cert_label(conn_adv)
            .or_else(|| cert_label(env_adv))
            .map(|l| LabelChoice {
                parameter: "CertificateLabel",
                labels: vec![l],
            }),
        (_, Some(labels)) => Some(LabelChoice {
            parameter: "ServerCertificateLabel",
            labels,
        }),
    };
    let ciphers = conn
        .and_then(|c| c.ciphers.as_ref())
        .or(env.ciphers.as_ref())
        .and_then(|c| deref(c, &policy.ciphers));
    let client_auth = env_adv
        .and_then(|a| a.client_auth.as_ref())
        .map(|l| (l.value, Some(l.line)))
        .unwrap_or((ClientAuthType::default(), None));
    Ok(Effective {
        rule: r.name.clone(),
        rule_line: r.line,
        enabled,
        role,
        keyring,
        label,
        protocols,
        suites: ciphers.map(|c| c.suites.clone()).unwrap_or_default(),
        cipher_parms: ciphers.map(|c| (c.name.clone(), c.line)),
        client_auth,
        advanced_at: env_adv.map(|a| (a.name.clone(), a.line)),
    })
}

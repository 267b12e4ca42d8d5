//! What the doctor reports: findings, probes and the report that carries them.

use crate::probe::Probe;
use serde_json::{json, Value};

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The ring works, but a client or a future date may reject it.
    Warning,
    /// The server or its clients will reject the ring as it is.
    Error,
}

impl Severity {
    /// `"warning"` or `"error"`, as the JSON report spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem with a ring, as seen by one user ID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code, such as `host-not-in-san` (docs/doctor.md lists them all).
    pub code: &'static str,
    /// The label of the certificate the finding is about, when it is about one.
    pub label: Option<String>,
    /// What is wrong: one sentence, followed for `no-access` and `no-key-access` by the lines
    /// of R_datalib's decision path.
    pub message: String,
    /// The commands that mend it, each a complete RACF or TSO command with the ring's real
    /// labels, owners and names, in the order they must run. Empty when no command can.
    pub fix: Vec<String>,
}

/// The doctor's verdict on one ring for one user ID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The ring, as `OWNER/RING`.
    pub ring: String,
    /// The user ID the ring was judged as (the server's).
    pub user: String,
    /// Every finding, errors first.
    pub findings: Vec<Finding>,
    /// Handshake outcomes, when probes were asked for.
    pub probes: Vec<Probe>,
}

impl Report {
    /// 0 when there is no finding, 4 when there are warnings only, 8 when there is an error.
    pub fn exit_code(&self) -> i32 {
        match self.findings.iter().map(|f| f.severity).max() {
            None => 0,
            Some(Severity::Warning) => 4,
            Some(Severity::Error) => 8,
        }
    }

    /// The report as JSON:
    /// `{"ring", "user", "findings": [{"severity", "code", "label", "message", "fix"}], "probes": [{"client", "accepted", "detail"}]}`,
    /// where `label` is `null` when a finding is about no one certificate and `fix` is the
    /// list of commands.
    pub fn to_json(&self) -> Value {
        let findings: Vec<Value> = self
            .findings
            .iter()
            .map(|f| {
                json!({
                    "severity": f.severity.as_str(),
                    "code": f.code,
                    "label": f.label,
                    "message": f.message,
                    "fix": f.fix,
                })
            })
            .collect();
        let probes: Vec<Value> = self
            .probes
            .iter()
            .map(|p| json!({"client": p.client, "accepted": p.accepted, "detail": p.detail}))
            .collect();
        json!({"ring": self.ring, "user": self.user, "findings": findings, "probes": probes})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(severity: Severity) -> Finding {
        Finding {
            severity,
            code: "expires-soon",
            label: Some("server".into()),
            message: "m".into(),
            fix: vec!["RACDCERT ID(SRV) REKEY(LABEL('server'))".into()],
        }
    }

    #[test]
    fn exit_code_follows_the_worst_finding() {
        let mut report = Report {
            ring: "SRV/Ring".into(),
            user: "SRV".into(),
            findings: vec![],
            probes: vec![],
        };
        assert_eq!(report.exit_code(), 0);
        report.findings.push(finding(Severity::Warning));
        assert_eq!(report.exit_code(), 4);
        report.findings.push(finding(Severity::Error));
        assert_eq!(report.exit_code(), 8);
    }

    #[test]
    fn json_has_the_documented_fields() {
        let report = Report {
            ring: "SRV/Ring".into(),
            user: "SRV".into(),
            findings: vec![finding(Severity::Warning)],
            probes: vec![Probe {
                client: "java".into(),
                accepted: true,
                detail: "TLSv1.3".into(),
            }],
        };
        let v = report.to_json();
        assert_eq!(v["ring"], "SRV/Ring");
        assert_eq!(v["findings"][0]["severity"], "warning");
        assert_eq!(
            v["findings"][0]["fix"][0],
            "RACDCERT ID(SRV) REKEY(LABEL('server'))"
        );
        assert_eq!(v["probes"][0]["accepted"], true);
    }
}

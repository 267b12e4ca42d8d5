//! The hosts a server certificate must name, against what one RACDCERT certificate can hold:
//! RACDCERT GENCERT's ALTNAME takes one DOMAIN and one IP (IBM, RACDCERT GENCERT, ALTNAME:
//! https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-gencert.htm),
//! so of several `--host` names of one kind a reissued certificate can cover only one. The
//! plan says which hosts the doctor's fix covers and which no RACDCERT-made certificate can
//! cover beside them, so that the fix converges instead of proposing `label-NEW-NEW`.

use super::fix::Link;
use super::x509::subject_attributes;
use super::{Ctx, Finding, Severity};
use crate::operand::quoted;
use crate::RingEntry;
use racemu_pki::AltNameKind;
use std::net::IpAddr;

/// Whether `host` is one of the certificate's DNS or IP subjectAltNames (a wildcard matches
/// one left-most label, RFC 6125 6.4.3). The CN is not consulted (RFC 6125 6.4.4; browsers
/// ignore it).
pub(crate) fn in_san(e: &RingEntry, host: &str) -> bool {
    e.info
        .alt_names
        .iter()
        .any(|(k, v)| name_matches(*k, v, host))
}

/// Whether the subjectAltName `(kind, value)` names `host`.
fn name_matches(kind: AltNameKind, value: &str, host: &str) -> bool {
    let ip: Option<IpAddr> = host.parse().ok();
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    match (kind, ip) {
        (AltNameKind::Ip, Some(ip)) => value.parse::<IpAddr>().is_ok_and(|a| a == ip),
        (AltNameKind::Domain, None) => {
            let v = value.trim_end_matches('.').to_ascii_lowercase();
            match v.strip_prefix("*.") {
                Some(rest) => h.split_once('.').is_some_and(|(_, tail)| tail == rest),
                None => v == h,
            }
        }
        _ => false,
    }
}

/// What a reissued certificate names, and which missing hosts that covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SanPlan {
    /// The DOMAIN of the reissued certificate: the certificate's own when it already names
    /// one of the hosts, else the first host name asked for, else the certificate's own.
    pub domain: Option<String>,
    /// The IP of the reissued certificate, chosen the same way.
    pub ip: Option<String>,
    /// Hosts the certificate lacks that the reissued one names.
    pub fixable: Vec<String>,
    /// Hosts the certificate lacks that a RACDCERT certificate naming `domain` and `ip`
    /// cannot also name.
    pub beyond: Vec<String>,
}

/// The plan for certificate `e` and the hosts clients connect to.
pub(crate) fn plan(e: &RingEntry, hosts: &[String]) -> SanPlan {
    let own = |k: AltNameKind| {
        e.info
            .alt_names
            .iter()
            .find(|(kk, _)| *kk == k)
            .map(|(_, v)| v.clone())
    };
    let choose = |kind: AltNameKind, is_ip: bool| -> Option<String> {
        let of_kind: Vec<&String> = hosts
            .iter()
            .filter(|h| h.parse::<IpAddr>().is_ok() == is_ip)
            .collect();
        match own(kind) {
            Some(v) if of_kind.iter().any(|h| name_matches(kind, &v, h)) => Some(v),
            mine => of_kind.first().map(|h| h.to_string()).or(mine),
        }
    };
    let domain = choose(AltNameKind::Domain, false);
    let ip = choose(AltNameKind::Ip, true);
    let covered = |h: &str| {
        domain
            .as_deref()
            .is_some_and(|d| name_matches(AltNameKind::Domain, d, h))
            || ip
                .as_deref()
                .is_some_and(|i| name_matches(AltNameKind::Ip, i, h))
    };
    let (fixable, beyond) = hosts
        .iter()
        .filter(|h| !in_san(e, h))
        .cloned()
        .partition(|h| covered(h));
    SanPlan {
        domain,
        ip,
        fixable,
        beyond,
    }
}

/// `host-not-in-san` for the hosts a reissued certificate covers (its fix the reissue, with
/// the hosts it leaves out named), and `host-beyond-altname` for the hosts no RACDCERT
/// certificate can name beside them (no fix: another certificate, or an outside CA's).
pub(crate) fn findings(ctx: &Ctx<'_>, e: &RingEntry) -> Vec<Finding> {
    let plan = plan(e, &ctx.options.hosts);
    let l = quoted(&e.label);
    let list = |hosts: &[String]| {
        hosts
            .iter()
            .map(|h| quoted(h))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let named: Vec<String> = plan
        .domain
        .iter()
        .map(|d| quoted(d))
        .chain(plan.ip.iter().cloned())
        .collect();
    let mut out = Vec::new();
    if !plan.fixable.is_empty() {
        let cn = subject_attributes(&e.der)
            .into_iter()
            .find(|(k, _)| *k == "CN")
            .map(|(_, v)| v.to_ascii_lowercase());
        let by_cn = plan
            .fixable
            .iter()
            .any(|h| Some(h.to_ascii_lowercase()) == cn);
        let mut message = format!(
            "{} not in the subjectAltName of {l}{}.",
            if plan.fixable.len() == 1 {
                format!("Host {} is", list(&plan.fixable))
            } else {
                format!("Hosts {} are", list(&plan.fixable))
            },
            if by_cn {
                "; it matches the CN only, which browsers ignore (RFC 6125, CA/B Forum)"
            } else {
                ""
            }
        );
        if !plan.beyond.is_empty() {
            message.push_str(&format!(
                " The fix names {}; it leaves out {} (RACDCERT's ALTNAME holds one DOMAIN and one IP: see host-beyond-altname).",
                named.join(" and "),
                list(&plan.beyond)
            ));
        }
        out.push(Finding {
            severity: Severity::Error,
            code: "host-not-in-san",
            label: Some(e.label.clone()),
            message,
            fix: ctx.reissue(e, None, false, Link::Rollover),
        });
    }
    if !plan.beyond.is_empty() {
        out.push(Finding {
            severity: Severity::Error,
            code: "host-beyond-altname",
            label: Some(e.label.clone()),
            message: format!(
                "{} cannot be in the subjectAltName of {l} beside {}: RACDCERT's ALTNAME holds one DOMAIN and one IP, so no certificate RACDCERT GENCERT makes names them all. Clients connecting to {} reject the server. Cover {} with another certificate (RACDCERT GENCERT … ALTNAME(DOMAIN(…)) for each, presented by another ring or label), or have an outside CA sign one certificate naming every host (RACDCERT GENREQ, then RACDCERT ADD of the signed certificate, which replaces {l} and keeps its key and connections).",
                if plan.beyond.len() == 1 {
                    format!("Host {}", list(&plan.beyond))
                } else {
                    format!("Hosts {}", list(&plan.beyond))
                },
                if named.is_empty() {
                    "the names it holds".to_string()
                } else {
                    named.join(" and ")
                },
                list(&plan.beyond),
                if plan.beyond.len() == 1 { "it" } else { "them" },
            ),
            fix: Vec::new(),
        });
    }
    out
}

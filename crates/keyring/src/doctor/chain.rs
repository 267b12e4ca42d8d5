//! Findings about the chain of the server certificate: issuers the ring lacks
//! (`chain-incomplete`), NOTRUST certificates the application never sees
//! (`notrust-in-chain`), and CAs that clients refuse (`ca-cannot-sign`, `weak-rsa-key`,
//! dates).

use super::certificate::dates;
use super::fix::Certified;
use super::x509::Extensions;
use super::{Ctx, Finding, Severity};
use crate::operand::quoted;
use crate::{RingEntry, RingView};
use racemu_pki::{parse_certificate, verify_issued_by, KeyType};
use racemu_racf::{Owner, TrustStatus};
use racemu_store::certs::{self, CertRow};
use racemu_store::{StoreResult, Tx};

/// The issuers of `leaf`, nearest first: from the ring (any status) where it has them, else
/// from RACF (CERTAUTH first); and whether the walk reached a self-signed certificate. A
/// store failure is an error, never an issuer missing from RACF.
pub(crate) fn walk(
    tx: &Tx<'_>,
    view: &RingView,
    leaf: &RingEntry,
) -> StoreResult<(Vec<Certified>, bool)> {
    let mut chain: Vec<Certified> = Vec::new();
    let mut der = leaf.der.clone();
    let mut info = leaf.info.clone();
    while chain.len() < 10 {
        if info.self_signed {
            return Ok((chain, true));
        }
        let seen = |d: &[u8]| d == leaf.der.as_slice() || chain.iter().any(|c| c.der == d);
        let from_ring = view
            .entries
            .iter()
            .find(|e| !seen(&e.der) && verify_issued_by(&der, &e.der))
            .map(|e| Certified {
                owner: e.owner.clone(),
                label: e.label.clone(),
                status: e.status,
                der: e.der.clone(),
                info: e.info.clone(),
                has_key: e.key_in_racf,
                in_ring: true,
            });
        let next = match from_ring {
            Some(c) => Some(c),
            None => {
                let mut rows = certs::by_subject(tx, &info.issuer.racf_dotted())?;
                rows.retain(|r| !seen(&r.der) && verify_issued_by(&der, &r.der));
                rows.sort_by_key(|r| (r.owner != Owner::CertAuth, r.seq));
                rows.into_iter().next().and_then(from_racf)
            }
        };
        let Some(n) = next else {
            return Ok((chain, false));
        };
        der = n.der.clone();
        info = n.info.clone();
        chain.push(n);
    }
    Ok((chain, false))
}

/// An issuer found in RACF (not in the ring); `None` when its certificate cannot be parsed.
fn from_racf(r: CertRow) -> Option<Certified> {
    let parsed = parse_certificate(&r.der).ok()?;
    Some(Certified {
        owner: r.owner,
        label: r.label,
        status: r.status,
        der: r.der,
        info: parsed,
        has_key: r.private_key.is_some(),
        in_ring: false,
    })
}

/// `RACDCERT owner ALTER(LABEL('l')) TRUST`.
fn trust_fix(owner: &Owner, label: &str) -> String {
    format!(
        "RACDCERT {} ALTER(LABEL({})) TRUST",
        owner.operand(),
        quoted(label)
    )
}

/// Every finding about the chain of `leaf` (and `leaf`'s own trust status).
pub(crate) fn judge(ctx: &Ctx<'_>, leaf: &RingEntry) -> Vec<Finding> {
    let mut out = Vec::new();
    if leaf.status == TrustStatus::NoTrust {
        let mut fix = vec![trust_fix(&leaf.owner, &leaf.label)];
        fix.extend(ctx.digt_refresh());
        out.push(Finding {
            severity: Severity::Error,
            code: "notrust-in-chain",
            label: Some(leaf.label.clone()),
            message: format!(
                "The server certificate {} is NOTRUST: R_datalib does not return it to the application, which sees no certificate by that label.",
                quoted(&leaf.label)
            ),
            fix,
        });
    }
    for c in &ctx.chain {
        let l = quoted(&c.label);
        if c.status == TrustStatus::NoTrust {
            let mut fix = vec![trust_fix(&c.owner, &c.label)];
            if !c.in_ring {
                fix.push(ctx.connect(&c.owner, &c.label, "USAGE(CERTAUTH)"));
            }
            fix.extend(ctx.digt_refresh());
            out.push(Finding {
                severity: Severity::Error,
                code: "notrust-in-chain",
                label: Some(c.label.clone()),
                message: format!(
                    "The CA certificate {l} ({}) in the chain of {} is NOTRUST: R_datalib leaves it out, so the application cannot send or trust it.",
                    c.info.subject.racf_dotted(),
                    quoted(&leaf.label)
                ),
                fix,
            });
        } else if !c.in_ring {
            let mut fix = vec![ctx.connect(&c.owner, &c.label, "USAGE(CERTAUTH)")];
            fix.extend(ctx.digt_refresh());
            out.push(Finding {
                severity: Severity::Error,
                code: "chain-incomplete",
                label: Some(c.label.clone()),
                message: format!(
                    "The issuer {l} ({} {}) of the chain of {} is in RACF but not in ring {}/{}: the server cannot send it and clients cannot build the chain.",
                    c.owner.operand(),
                    c.info.subject.racf_dotted(),
                    quoted(&leaf.label),
                    ctx.view.owner,
                    ctx.view.name
                ),
                fix,
            });
        }
        let ext = Extensions::of(&c.der);
        if !ext.ca || (ext.key_usage && !ext.key_cert_sign) {
            let why = if !ext.basic_constraints {
                "it has no basicConstraints extension"
            } else if !ext.ca {
                "its basicConstraints say it is not a CA"
            } else {
                "its keyUsage lacks keyCertSign (CERTSIGN)"
            };
            out.push(Finding {
                severity: Severity::Error,
                code: "ca-cannot-sign",
                label: Some(c.label.clone()),
                message: format!(
                    "The CA certificate {l} cannot sign certificates for clients that check: {why}."
                ),
                fix: ctx.replace_ca(c, leaf),
            });
        }
        if c.info.key_type == KeyType::Rsa && c.info.key_size < 2048 {
            out.push(Finding {
                severity: Severity::Error,
                code: "weak-rsa-key",
                label: Some(c.label.clone()),
                message: format!(
                    "The CA certificate {l} has a {}-bit RSA key; browsers ignore CAs with RSA keys under 2048 bits.",
                    c.info.key_size
                ),
                fix: ctx.replace_ca(c, leaf),
            });
        }
        if let Some((severity, code, m)) = dates(ctx.options.now, &c.info) {
            out.push(Finding {
                severity,
                code,
                label: Some(c.label.clone()),
                message: format!("The CA certificate {l}: {m}"),
                fix: ctx.replace_ca(c, leaf),
            });
        }
    }
    if !ctx.chain_complete {
        let last = ctx.chain.last();
        let (label, issuer) = match last {
            Some(c) => (c.label.clone(), c.info.issuer.racf_dotted()),
            None => (leaf.label.clone(), leaf.info.issuer.racf_dotted()),
        };
        out.push(Finding {
            severity: Severity::Error,
            code: "chain-incomplete",
            label: Some(label.clone()),
            message: format!(
                "The issuer of {} ({issuer}) is in neither the ring nor RACF: ADD it (RACDCERT CERTAUTH ADD(data set) WITHLABEL(…) TRUST) and CONNECT it to ring {}/{}.",
                quoted(&label),
                ctx.view.owner,
                ctx.view.name
            ),
            fix: Vec::new(),
        });
    }
    out
}

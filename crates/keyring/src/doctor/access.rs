//! Findings about what R_datalib gives the server: the ring (`no-access`), the chosen
//! certificate (`no-default`, `label-not-in-ring`) and its private key (`no-key-access`,
//! `default-without-key`). The rules are [`crate::open_ring`]'s; this module only reads its
//! outcome and decision path.

use super::fix::Link;
use super::{Ctx, Finding, Options, Severity};
use crate::operand::quoted;
use crate::{DatalibError, RingEntry, RingView};
use racemu_racf::Owner;

/// Why no certificate was chosen.
pub(crate) enum NotChosen {
    /// No `--label` and no DEFAULT.
    NoDefault,
    /// `--label` names no certificate in the ring.
    LabelNotInRing(String),
}

/// The certificate to judge: `--label`, else the DEFAULT.
pub(crate) fn choose<'a>(view: &'a RingView, o: &Options) -> Result<&'a RingEntry, NotChosen> {
    match &o.label {
        Some(l) => view
            .entry(Some(l))
            .ok_or_else(|| NotChosen::LabelNotInRing(l.clone())),
        None => view.entry(None).ok_or(NotChosen::NoDefault),
    }
}

/// `no-access`: R_datalib refused the ring; the message carries its decision path.
pub(crate) fn no_access(e: &DatalibError) -> Finding {
    let mut message = format!(
        "R_datalib refuses the ring: {} (SAF RC {}, RACF RC {}, reason {}).",
        e.description, e.saf_rc, e.racf_rc, e.racf_reason
    );
    let mut fix = Vec::new();
    if let Some(d) = &e.decision {
        for l in d.lines() {
            message.push('\n');
            message.push_str(&l);
        }
        fix = d.fix.clone();
    } else {
        message.push(' ');
        message.push_str(&e.explanation);
    }
    Finding {
        severity: Severity::Error,
        code: "no-access",
        label: None,
        message,
        fix,
    }
}

/// `no-default` or `label-not-in-ring`.
pub(crate) fn not_chosen(ctx: &Ctx<'_>, why: NotChosen) -> Vec<Finding> {
    let v = ctx.view;
    match why {
        NotChosen::NoDefault => {
            let keyed = v.entries.iter().find(|e| e.is_personal() && e.key_in_racf);
            let mut fix = Vec::new();
            if let Some(e) = keyed {
                fix.push(ctx.connect(&e.owner, &e.label, "DEFAULT"));
                fix.extend(ctx.digt_refresh());
            }
            vec![Finding {
                severity: Severity::Error,
                code: "no-default",
                label: None,
                message: format!(
                    "Ring {}/{} has no DEFAULT certificate and no --label was given: System SSL, AT-TLS without a certificate label and Liberty without serverKeyAlias present the DEFAULT.{}",
                    v.owner,
                    v.name,
                    match keyed {
                        Some(e) => format!(" {} is a PERSONAL certificate with a private key.", quoted(&e.label)),
                        None => " No PERSONAL certificate in it has a private key.".into(),
                    }
                ),
                fix,
            }]
        }
        NotChosen::LabelNotInRing(l) => {
            let owner = Owner::User(v.owner.clone());
            let mut fix = Vec::new();
            if ctx.labels_in_use.contains(&(v.owner.clone(), l.clone())) {
                fix.push(ctx.connect(&owner, &l, ""));
                fix.extend(ctx.digt_refresh());
            }
            vec![Finding {
                severity: Severity::Error,
                code: "label-not-in-ring",
                label: Some(l.clone()),
                message: format!(
                    "Ring {}/{} has no certificate labelled {} (labels are case sensitive).",
                    v.owner,
                    v.name,
                    quoted(&l)
                ),
                fix,
            }]
        }
    }
}

/// `no-key-access` or `default-without-key` for the chosen certificate.
pub(crate) fn key(ctx: &Ctx<'_>, e: &RingEntry) -> Vec<Finding> {
    if e.private_key.is_some() {
        return Vec::new();
    }
    if let Some(why) = &e.key_withheld {
        let (message, fix) = match &e.key_decision {
            Some(d) => {
                let mut m = format!(
                    "R_datalib withholds the private key of {} from {}.",
                    quoted(&e.label),
                    ctx.view.caller
                );
                for l in d.lines() {
                    m.push('\n');
                    m.push_str(&l);
                }
                (m, d.fix.clone())
            }
            None => (
                format!(
                    "R_datalib withholds the private key of {} from {}: {why}",
                    quoted(&e.label),
                    ctx.view.caller
                ),
                Vec::new(),
            ),
        };
        return vec![Finding {
            severity: Severity::Error,
            code: "no-key-access",
            label: Some(e.label.clone()),
            message,
            fix,
        }];
    }
    if e.key_in_racf && !e.is_personal() {
        // The server certificate itself, connected as a trust anchor: its key is never
        // returned until it is connected as PERSONAL.
        return vec![Finding {
            severity: Severity::Error,
            code: "no-key-access",
            label: Some(e.label.clone()),
            message: format!(
                "R_datalib returns a private key only for a certificate connected with USAGE(PERSONAL), and the server certificate {} is connected with USAGE({}).",
                quoted(&e.label),
                e.usage
            ),
            fix: vec![ctx.connect(&e.owner, &e.label, "USAGE(PERSONAL)")],
        }];
    }
    let other = ctx
        .view
        .entries
        .iter()
        .find(|o| o.label != e.label && o.is_personal() && o.private_key.is_some());
    let fix = match other {
        Some(o) => {
            let mut f = vec![ctx.connect(&o.owner, &o.label, "DEFAULT")];
            f.extend(ctx.digt_refresh());
            f
        }
        None => ctx.reissue(e, None, false, Link::ConnectDefault),
    };
    vec![Finding {
        severity: Severity::Error,
        code: "default-without-key",
        label: Some(e.label.clone()),
        message: format!(
            "The certificate {} has no private key in RACF{}: a server cannot present it.",
            quoted(&e.label),
            if e.is_personal() {
                String::new()
            } else {
                format!(
                    " usable by the server (it is connected with USAGE({}))",
                    e.usage
                )
            }
        ),
        fix,
    }]
}

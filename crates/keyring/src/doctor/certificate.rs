//! Findings about the server certificate itself, as TLS clients judge it: its dates, key,
//! signature, usage, names and lifetime.

use super::fix::Link;
use super::policy::{MAX_SERVER_DAYS, SOON_DAYS};
use super::x509::Extensions;
use super::{Ctx, Finding, Severity};
use crate::operand::quoted;
use crate::RingEntry;
use racemu_pki::KeyType;
use time::Duration;

fn finding(
    severity: Severity,
    code: &'static str,
    e: &RingEntry,
    message: String,
    fix: Vec<String>,
) -> Finding {
    Finding {
        severity,
        code,
        label: Some(e.label.clone()),
        message,
        fix,
    }
}

/// A fix for a date problem: REKEY and ROLLOVER for a self-signed certificate, otherwise a
/// new certificate from the same signer and a ROLLOVER.
fn renew(ctx: &Ctx<'_>, e: &RingEntry) -> Vec<String> {
    if !e.info.self_signed || !e.key_in_racf {
        return ctx.reissue(e, None, false, Link::Rollover);
    }
    let owner = e.owner.operand();
    let new = ctx.new_label(&e.owner, &e.label, "-NEW");
    let end = (ctx.options.now + Duration::days(MAX_SERVER_DAYS - 1)).date();
    let mut out = vec![
        format!(
            "RACDCERT {owner} REKEY(LABEL({})) WITHLABEL({}) NOTAFTER(DATE({:04}-{:02}-{:02}))",
            quoted(&e.label),
            quoted(&new),
            end.year(),
            u8::from(end.month()),
            end.day()
        ),
        format!(
            "RACDCERT {owner} ROLLOVER(LABEL({})) NEWLABEL({})",
            quoted(&e.label),
            quoted(&new)
        ),
    ];
    out.extend(ctx.digt_refresh());
    out
}

/// The validity finding of a certificate at `now`, if any: `expired`, `not-yet-valid` or
/// `expires-soon`, with the message's second half.
pub(crate) fn dates(
    now: time::OffsetDateTime,
    info: &racemu_pki::CertificateInfo,
) -> Option<(Severity, &'static str, String)> {
    if now > info.not_after {
        Some((
            Severity::Error,
            "expired",
            format!("it expired on {}.", info.not_after.date()),
        ))
    } else if now < info.not_before {
        Some((
            Severity::Error,
            "not-yet-valid",
            format!("it is not valid before {}.", info.not_before.date()),
        ))
    } else if info.not_after - now < Duration::days(SOON_DAYS) {
        Some((
            Severity::Warning,
            "expires-soon",
            format!(
                "it expires on {}, in {} day(s) (fewer than {SOON_DAYS}).",
                info.not_after.date(),
                (info.not_after - now).whole_days()
            ),
        ))
    } else {
        None
    }
}

/// Every finding about the server certificate `e`.
pub(crate) fn judge(ctx: &Ctx<'_>, e: &RingEntry) -> Vec<Finding> {
    let mut out = Vec::new();
    let l = quoted(&e.label);
    let info = &e.info;
    if let Some((severity, code, m)) = dates(ctx.options.now, info) {
        out.push(finding(
            severity,
            code,
            e,
            format!("The server certificate {l}: {m}"),
            renew(ctx, e),
        ));
    }
    let rollover = || ctx.reissue(e, None, false, Link::Rollover);
    if info.key_type == KeyType::Rsa && info.key_size < 2048 {
        out.push(finding(Severity::Error, "weak-rsa-key", e, format!(
            "The server certificate {l} has a {}-bit RSA key; browsers, Java and OpenSSL at security level 2 refuse RSA keys under 2048 bits.",
            info.key_size), rollover()));
    }
    if info.signature_algorithm.starts_with("sha1") || info.signature_algorithm.starts_with("md") {
        out.push(finding(Severity::Error, "sha1-signature", e, format!(
            "The server certificate {l} is signed with {}; browsers and current TLS libraries reject SHA-1 signatures on certificates.",
            info.signature_algorithm), rollover()));
    }
    let ext = Extensions::of(&e.der);
    if (ext.key_usage && !ext.digital_signature) || !ext.eku_allows_server() {
        let why = if !ext.eku_allows_server() {
            "its extendedKeyUsage does not include serverAuth".to_string()
        } else {
            "its keyUsage lacks digitalSignature (HANDSHAKE), which ECDHE key exchange and TLS 1.3 need".to_string()
        };
        out.push(finding(
            Severity::Error,
            "not-for-tls-server",
            e,
            format!("The server certificate {l} cannot be used by a TLS server: {why}."),
            rollover(),
        ));
    }
    if info.key_type == KeyType::NistEcc && info.key_size == 521 {
        let chrome = ctx.options.clients.iter().any(|c| c == "chrome");
        out.push(finding(
            if chrome { Severity::Error } else { Severity::Warning },
            "curve-p521", e, format!(
            "The server certificate {l} has a P-521 (secp521r1) key; Chrome offers no secp521r1 signature scheme and rejects it{}.",
            if chrome { " (Chrome is named with --client)" } else { "" }), rollover()));
    }
    if matches!(info.key_type, KeyType::NistEcc | KeyType::BrainpoolEcc)
        && info.signature_algorithm.contains("RSA")
    {
        out.push(finding(Severity::Warning, "ec-key-signed-by-rsa", e, format!(
            "The server certificate {l} has an EC key but is signed by an RSA CA ({}): under TLS 1.0 and 1.1 (RFC 4492) only ECDH_RSA suites fit it, not ECDHE_ECDSA, and some clients (Java among them) fail on an EC certificate under an RSA CA; an EC CA, or an RSA key under this one, avoids both.",
            info.signature_algorithm), ctx.reissue(e, None, true, Link::Rollover)));
    }
    out.extend(super::san::findings(ctx, e));
    let days = (info.not_after - info.not_before).whole_days();
    if !info.is_ca && days > MAX_SERVER_DAYS {
        out.push(finding(Severity::Warning, "validity-too-long", e, format!(
            "The server certificate {l} is valid for {days} days; browsers refuse server certificates valid for more than {MAX_SERVER_DAYS} days."),
            rollover()));
    }
    out
}

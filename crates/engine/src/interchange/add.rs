//! RACDCERT ADD: a certificate, a PKCS#7 package or a PKCS#12 package from a data set, and the
//! certificate renewal rules under which the added certificate replaces one RACF already has.
//!
//! IBM, RACDCERT ADD, "certificate renewal"
//! (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-add.htm):
//! the added certificate replaces an existing certificate of the same owner, keeping its label,
//! private key and ring connections, when it
//! * is the same certificate (serial number and issuer) under the same label, or
//! * has the subject, issuer and public key of an existing certificate that has not expired,
//!   and a later end date, or
//! * has the public key of an existing certificate with a private key that has not expired
//!   (the certificate an outside CA signed from a GENREQ request).

use crate::authority::{authorize, level_for};
use crate::datasets::read_dataset;
use crate::issue::{cert_row, digtcert_reminder, insert_cert, owner_status};
use crate::lookup::{default_label, new_label, owner_text, parse_info, profile_of};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::Add;
use racemu_command::FunctionKind;
use racemu_pki as pki;
use racemu_racf::{quoted, Owner, TrustStatus};
use racemu_store::certs::{self, CertRow};

/// Why an added certificate got NOTRUST when no status was given.
#[derive(Debug, Clone, PartialEq, Eq)]
enum NoTrust {
    /// It is outside its validity period at the command's instant.
    Dates,
    /// No certificate RACF holds under its issuer's name signed it.
    IssuerNotInRacf,
    /// Its issuer is in RACF, with NOTRUST status (its label and owner operand).
    IssuerNotTrusted(String, String),
}

/// Status for an added certificate when none was given: TRUST when self-signed or issued by a
/// trusted certificate in RACF and within its validity; NOTRUST otherwise, with the reason.
fn default_status(
    ctx: &Ctx<'_, '_>,
    der: &[u8],
    info: &pki::CertificateInfo,
) -> Result<(TrustStatus, Option<NoTrust>), Fail> {
    if info.not_after < ctx.now || info.not_before > ctx.now {
        return Ok((TrustStatus::NoTrust, Some(NoTrust::Dates)));
    }
    if info.self_signed {
        return Ok((TrustStatus::Trust, None));
    }
    let issuers: Vec<CertRow> = certs::by_subject(ctx.tx, &info.issuer.racf_dotted())?
        .into_iter()
        .filter(|i| pki::verify_issued_by(der, &i.der))
        .collect();
    if issuers.iter().any(|i| i.status != TrustStatus::NoTrust) {
        return Ok((TrustStatus::Trust, None));
    }
    let why = match issuers.first() {
        Some(i) => NoTrust::IssuerNotTrusted(i.label.clone(), i.owner.operand()),
        None => NoTrust::IssuerNotInRacf,
    };
    Ok((TrustStatus::NoTrust, Some(why)))
}

/// RCM130W for a certificate ADD made NOTRUST because of `why`: the reason and the commands
/// that make it TRUST.
fn notrust_note(
    owner: &Owner,
    label: &str,
    info: &pki::CertificateInfo,
    why: &NoTrust,
    now: time::OffsetDateTime,
) -> String {
    let alter = format!(
        "RACDCERT {} ALTER(LABEL({})) TRUST",
        owner.operand(),
        quoted(label)
    );
    let issuer = info.issuer.racf_dotted();
    let (reason, fix) = match why {
        NoTrust::Dates => (
            format!(
                "it is not valid at {} (valid from {} to {})",
                now.date(),
                info.not_before.date(),
                info.not_after.date()
            ),
            "renew it (a certificate valid now, ADDed again)".to_string(),
        ),
        NoTrust::IssuerNotInRacf => (
            format!("its issuer ({issuer}) is not defined to RACF"),
            format!("ADD the CA certificate as CERTAUTH with TRUST (RACDCERT CERTAUTH ADD('dsn') WITHLABEL('label') TRUST), then {alter}"),
        ),
        NoTrust::IssuerNotTrusted(l, o) => (
            format!("its issuer ({issuer}, {o} label '{l}') has NOTRUST status"),
            format!("RACDCERT {o} ALTER(LABEL({})) TRUST, then {alter}", quoted(l)),
        ),
    };
    m::hints::rcm130w(&owner_text(owner), label, &reason, &fix).line()
}

/// How an added certificate relates to the existing one it replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Renewal {
    /// The same certificate (serial and issuer) again, e.g. with its private key.
    SameCertificate,
    /// A new certificate for the same key pair (renewed, or signed by a CA).
    NewCertificate,
}

/// The owner's certificate the added one replaces under the renewal rules, if any.
///
/// `label` is the WITHLABEL value; `brings_key` is true when the package holds the private key
/// of the added certificate.
fn renewal_target(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    info: &pki::CertificateInfo,
    label: Option<&str>,
    brings_key: bool,
) -> Result<Option<(CertRow, Renewal)>, Fail> {
    let profile = profile_of(info);
    let existing = certs::by_owner(ctx.tx, owner)?;
    // The same certificate: under the label it has, or bringing the private key it lacks.
    if let Some(c) = existing.iter().find(|c| c.profile_name == profile) {
        let same_label = label == Some(c.label.as_str());
        let adds_key = label.is_none() && brings_key && c.private_key.is_none();
        return Ok((same_label || adds_key).then(|| (c.clone(), Renewal::SameCertificate)));
    }
    let subject = info.subject.racf_dotted();
    let issuer = info.issuer.racf_dotted();
    let mut by_key = None;
    let mut by_name = None;
    for c in existing {
        let old = parse_info(&c)?;
        if old.spki_der != info.spki_der || old.not_after < ctx.now {
            continue;
        }
        if c.private_key.is_some() {
            by_key.get_or_insert(c);
        } else if c.subject_dn == subject && c.issuer_dn == issuer && info.not_after > old.not_after
        {
            by_name.get_or_insert(c);
        }
    }
    Ok(by_key.or(by_name).map(|c| (c, Renewal::NewCertificate)))
}

/// ADD: a certificate, a PKCS#7 package or a PKCS#12 package from a data set; CA certificates
/// of a package go to CERTAUTH unless RACF has them. The first certificate either replaces the
/// owner's certificate it renews (label, private key and ring connections kept) or is added as
/// a new certificate under WITHLABEL or the next free default label.
pub(crate) fn add(ctx: &Ctx<'_, '_>, owner: &Owner, a: &Add) -> Result<Output, Fail> {
    let (dsn, status, label) = (&a.dsn, a.status, a.label.as_deref());
    let password = a.password.as_deref();
    authorize(
        ctx,
        FunctionKind::Add,
        level_for(ctx, FunctionKind::Add, owner),
    )?;
    let (_, data) = read_dataset(ctx, dsn)?;
    let pkg = super::decode_package(&data, password)?;
    let Some(first) = pkg.certificates.first().cloned() else {
        return Err(Fail::from(m::not_a_certificate()));
    };
    let info = pki::parse_certificate(&first).map_err(|_| Fail::from(m::not_a_certificate()))?;
    let key = match &pkg.private_key {
        Some(k) if k.public_key_spki_der() == info.spki_der => Some(k.pkcs8_der().to_vec()),
        _ => None,
    };
    let status = status.map(|s| owner_status(owner, s));
    let target = renewal_target(ctx, owner, &info, label, key.is_some())?;
    let new_label = match &target {
        Some((old, _)) => old.label.clone(),
        None => new_label(ctx, owner, label)?,
    };
    // CA certificates in the package first (so the added certificate's issuer is known), under
    // CERTAUTH unless RACF already has them.
    for extra in pkg.certificates.iter().skip(1).rev() {
        let Ok(info) = pki::parse_certificate(extra) else {
            continue;
        };
        let profile = profile_of(&info);
        if certs::by_profile(ctx.tx, &profile)?.is_some() {
            continue;
        }
        let (st, _) = default_status(ctx, extra, &info)?;
        let l = default_label(ctx, &Owner::CertAuth)?;
        insert_cert(ctx, &Owner::CertAuth, l, extra.clone(), None, st)?;
    }
    let mut notrust = None;
    match target {
        None => {
            let status = match status {
                Some(s) => s,
                None => {
                    let (s, why) = default_status(ctx, &first, &info)?;
                    notrust = why;
                    s
                }
            };
            insert_cert(ctx, owner, new_label.clone(), first, key, status)?;
        }
        Some((old, how)) => {
            let status = match (status, how) {
                (Some(s), _) => s,
                (None, Renewal::SameCertificate) => old.status,
                (None, Renewal::NewCertificate) => {
                    let (s, why) = default_status(ctx, &first, &info)?;
                    notrust = why;
                    s
                }
            };
            let key = old.private_key.clone().or(key);
            let row = cert_row(ctx, owner, new_label.clone(), first, key, status)?;
            if certs::by_profile(ctx.tx, &row.profile_name)?.is_some_and(|c| c.id != old.id) {
                return Err(Fail::from(m::irrd109i(&row.profile_name)));
            }
            certs::replace(ctx.tx, old.id, &row)?;
        }
    }
    let mut out = vec![m::irrd199i(&new_label, &owner_text(owner)).line()];
    out.extend(digtcert_reminder(ctx)?.lines);
    let mut output = Output::new(out, 0);
    if let Some(why) = &notrust {
        output
            .hints
            .push(notrust_note(owner, &new_label, &info, why, ctx.now));
    }
    Ok(output)
}

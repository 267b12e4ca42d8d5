//! Issuing certificates: RACDCERT GENCERT (self-signed, signed with SIGNWITH, or from a
//! request), and the rules every new certificate follows: validity defaults, status, the
//! DIGTCERT profile it is stored under (RACF Command Language Reference,
//! RACDCERT GENCERT, le-gencert.htm). REKEY and ROLLOVER are in [`rekey`].

pub(crate) mod rekey;
mod serial;

use crate::authority::{authorize, level_for};
use crate::datasets::read_dataset;
use crate::listing;
use crate::lookup::{new_label, parse_info, profile_name, signer};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::FunctionKind;
use racemu_command::{DateTimeSpec, DsnOperand, GenCert};
use racemu_pki as pki;
use racemu_racf::{Access, AltNames, KeyAlgorithm, KeyUsage, Owner, TrustStatus};
use racemu_store::certs::{self, CertRow};
use racemu_store::{profiles, users};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

fn to_date(d: (i32, u8, u8)) -> Result<Date, Fail> {
    let month = Month::try_from(d.1).map_err(|_| Fail::from(m::invalid_date(d)))?;
    Date::from_calendar_date(d.0, month, d.2).map_err(|_| Fail::from(m::invalid_date(d)))
}

fn to_time(t: (u8, u8, u8)) -> Result<Time, Fail> {
    Time::from_hms(t.0, t.1, t.2).map_err(|_| Fail::from(m::invalid_time(t)))
}

/// NOTBEFORE/NOTAFTER with RACF's defaults: today 00:00:00, and one year later 23:59:59.
pub(crate) fn validity(
    ctx: &Ctx<'_, '_>,
    nb: Option<&DateTimeSpec>,
    na: Option<&DateTimeSpec>,
) -> Result<(OffsetDateTime, OffsetDateTime), Fail> {
    let today = ctx.now.date();
    let nb_date = match nb.and_then(|s| s.date) {
        Some(d) => to_date(d)?,
        None => today,
    };
    let nb_time = match nb.and_then(|s| s.time) {
        Some(t) => to_time(t)?,
        None => Time::MIDNIGHT,
    };
    let not_before = PrimitiveDateTime::new(nb_date, nb_time).assume_utc();
    let na_date = match na.and_then(|s| s.date) {
        Some(d) => to_date(d)?,
        None => {
            let y = nb_date.year() + 1;
            Date::from_calendar_date(y, nb_date.month(), nb_date.day())
                .or_else(|_| Date::from_calendar_date(y, nb_date.month(), 28))
                .map_err(|_| Fail::from(m::irrd133i()))?
        }
    };
    let na_time = match na.and_then(|s| s.time) {
        Some(t) => to_time(t)?,
        None => Time::from_hms(23, 59, 59).map_err(|_| Fail::from(m::irrd133i()))?,
    };
    let not_after = PrimitiveDateTime::new(na_date, na_time).assume_utc();
    if not_before >= not_after {
        return Err(Fail::from(m::irrd133i()));
    }
    Ok((not_before, not_after))
}

/// The status a certificate is stored with. A status keyword is taken as given, except that
/// HIGHTRUST, meaningful for certificate-authority certificates only, is TRUST for a user or
/// SITE certificate. Without a keyword: TRUST, or NOTRUST when the signer is NOTRUST or
/// outside its validity period (the rule ADD applies to an added certificate's issuer).
pub(crate) fn new_status(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    given: Option<TrustStatus>,
    signer: Option<&CertRow>,
) -> Result<TrustStatus, Fail> {
    if let Some(s) = given {
        return Ok(owner_status(owner, s));
    }
    let Some(signer) = signer else {
        return Ok(TrustStatus::Trust);
    };
    let info = parse_info(signer)?;
    let valid = info.not_before <= ctx.now && ctx.now <= info.not_after;
    Ok(if valid && signer.status != TrustStatus::NoTrust {
        TrustStatus::Trust
    } else {
        TrustStatus::NoTrust
    })
}

/// HIGHTRUST applies to certificate-authority certificates; a user or SITE certificate given
/// HIGHTRUST is TRUST.
pub(crate) fn owner_status(owner: &Owner, status: TrustStatus) -> TrustStatus {
    match (owner, status) {
        (Owner::User(_) | Owner::Site, TrustStatus::HighTrust) => TrustStatus::Trust,
        (_, s) => s,
    }
}

/// The certificate's subject alternative names from ALTNAME: every GENCERT (plain or from a
/// request) goes through here, so an IP address that is not one is refused the same way
/// (`IKJ56702I`, RC 12) and never dropped.
pub(crate) fn alt_names(spec: &AltNames<String>) -> Result<AltNames, Fail> {
    spec.try_map_ip(|ip| ip.parse().map_err(|_| Fail::from(m::invalid_ip(ip))))
}

fn dn_tag(t: &str) -> pki::DnTag {
    // The parser only lets SUBJECTSDN's keywords through.
    pki::DnTag::from_keyword(t).unwrap_or(pki::DnTag::C)
}

/// GENCERT: a new key pair and certificate under WITHLABEL (or the next default label),
/// self-signed or signed with the SIGNWITH certificate's private key; GENCERT('dsn') signs a
/// request instead. The signer's serial counter advances only when the certificate is stored.
pub(crate) fn gencert(ctx: &Ctx<'_, '_>, owner: &Owner, g: &GenCert) -> Result<Output, Fail> {
    // Authority: ADD-like for the owner, CONTROL to sign with CERTAUTH/SITE.
    authorize(
        ctx,
        FunctionKind::GenCert,
        level_for(ctx, FunctionKind::GenCert, owner),
    )?;
    if let Some(sw) = &g.sign_with {
        if matches!(sw.owner, Some(Owner::CertAuth) | Some(Owner::Site)) {
            authorize(ctx, FunctionKind::GenCert, Access::Control)?;
        }
    }
    if let Some(req) = &g.request {
        return gencert_request(ctx, owner, req, g);
    }
    let label = new_label(ctx, owner, g.label.as_deref())?;
    // Key type and size.
    let (algorithm, default_size, kind) = match g.algorithm.unwrap_or(KeyAlgorithm::Rsa) {
        a @ KeyAlgorithm::Rsa => (a, 2048, "RSA"),
        a @ KeyAlgorithm::NistEcc => (a, 256, "NISTECC"),
        KeyAlgorithm::Bpecc => {
            return Err(Fail::from(m::not_supported(
                "BPECC (Brainpool) key generation",
            )))
        }
        KeyAlgorithm::Dsa => return Err(Fail::from(m::not_supported("DSA key generation"))),
    };
    let size = g.size.unwrap_or(default_size);
    let size_ok = match algorithm {
        KeyAlgorithm::Rsa => (512..=4096).contains(&size),
        _ => matches!(size, 192 | 224 | 256 | 384 | 521),
    };
    if !size_ok {
        return Err(Fail::from(m::invalid_size(size, kind)));
    }
    // Key usage.
    let ku = match &g.key_usage {
        Some(k) => Some(*k),
        None if *owner == Owner::CertAuth => Some(KeyUsage {
            certsign: true,
            ..Default::default()
        }),
        None => None,
    };
    if let Some(k) = &ku {
        let ecc = algorithm == KeyAlgorithm::NistEcc;
        if (ecc && k.dataencrypt) || (!ecc && k.keyagree) {
            return Err(Fail::from(m::irrd156i()));
        }
    }
    let (not_before, not_after) = validity(ctx, g.not_before.as_ref(), g.not_after.as_ref())?;
    // Subject.
    let parts: Vec<(pki::DnTag, String)> = match &g.subject {
        Some(s) if !s.parts.is_empty() => s
            .parts
            .iter()
            .map(|(t, v)| (dn_tag(t), v.clone()))
            .collect(),
        _ => {
            let cn = match owner {
                Owner::User(u) => users::get(ctx.tx, u)?
                    .and_then(|x| x.name)
                    .unwrap_or_else(|| u.clone()),
                Owner::CertAuth => "CERTAUTH".to_string(),
                Owner::Site => "SITE".to_string(),
            };
            vec![(pki::DnTag::Cn, cn)]
        }
    };
    let alt = alt_names(&g.alt_name)?;
    // Signer.
    let signer = match &g.sign_with {
        None => None,
        Some(sw) => Some(signer(ctx, owner, sw)?),
    };
    // Self-signed: serial 0 (two self-signed certificates with one subject collide, as in
    // RACF); signed: the next serial of the signer's lineage (see [`serial`]).
    let serial = match &signer {
        None => vec![0],
        Some((row, _)) => {
            serial::next_for(ctx, &row.subject_dn, &format!("{:X}", row.last_serial))?
        }
    };
    let key = pki::KeyPair::generate(
        &pki::KeySpec { algorithm, size },
        &ctx.config.randomness,
        owner.internal_id(),
        &label,
    )?;
    let key_usage = ku;
    let is_ca = *owner == Owner::CertAuth || key_usage.as_ref().is_some_and(|k| k.certsign);
    let template = pki::CertTemplate {
        serial: serial.clone(),
        subject: pki::NameSpec(parts),
        not_before,
        not_after,
        key_usage,
        alt_names: alt,
        is_ca,
    };
    let spki = key.public_key_spki_der();
    let der = match &signer {
        None => pki::issue_certificate(
            &template,
            &spki,
            pki::SignWith::SelfSigned(&key),
            &ctx.config.randomness,
        ),
        Some((row, skey)) => pki::issue_certificate(
            &template,
            &spki,
            pki::SignWith::Issuer {
                cert_der: &row.der,
                key: skey,
            },
            &ctx.config.randomness,
        ),
    }
    .map_err(|e| Fail::from(m::internal(&e.to_string())))?;
    if let Some((row, _)) = &signer {
        serial::record(ctx, &row.subject_dn, &serial)?;
    }
    // A duplicate serial.issuer profile fails here (IRRD109I) and rolls the counter back.
    let status = new_status(ctx, owner, g.status, signer.as_ref().map(|(row, _)| row))?;
    insert_cert(
        ctx,
        owner,
        label,
        der,
        Some(key.pkcs8_der().to_vec()),
        status,
    )?;
    digtcert_reminder(ctx)
}

/// GENCERT('request-dsn'): sign a PKCS#10 request; RACF keeps no private key for it.
pub(crate) fn gencert_request(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    req: &DsnOperand,
    g: &GenCert,
) -> Result<Output, Fail> {
    let (_, data) = read_dataset(ctx, req)?;
    let request = pki::parse_pkcs10(&data).map_err(|_| Fail::from(m::not_a_request()))?;
    let Some(sw) = &g.sign_with else {
        return Err(Fail::from(m::irrd130i("SIGNWITH")));
    };
    let (signer, skey) = signer(ctx, owner, sw)?;
    let label = new_label(ctx, owner, g.label.as_deref())?;
    let (not_before, not_after) = validity(ctx, g.not_before.as_ref(), g.not_after.as_ref())?;
    let serial = serial::next_for(
        ctx,
        &signer.subject_dn,
        &format!("{:X}", signer.last_serial),
    )?;
    let key_usage = g.key_usage;
    let alt = alt_names(&g.alt_name)?;
    let template = pki::CertTemplate {
        serial: serial.clone(),
        subject: pki::NameSpec::default(),
        not_before,
        not_after,
        is_ca: key_usage.as_ref().is_some_and(|k| k.certsign) || *owner == Owner::CertAuth,
        key_usage,
        alt_names: alt,
    };
    let der = pki::issue_certificate_for_name(
        &template,
        request.subject.der(),
        &request.spki_der,
        pki::SignWith::Issuer {
            cert_der: &signer.der,
            key: &skey,
        },
        &ctx.config.randomness,
    )?;
    serial::record(ctx, &signer.subject_dn, &serial)?;
    insert_cert(
        ctx,
        owner,
        label,
        der,
        None,
        new_status(ctx, owner, g.status, Some(&signer))?,
    )?;
    digtcert_reminder(ctx)
}

pub(crate) fn insert_cert(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    label: String,
    der: Vec<u8>,
    key: Option<Vec<u8>>,
    status: TrustStatus,
) -> Result<(), Fail> {
    let row = cert_row(ctx, owner, label, der, key, status)?;
    if certs::by_profile(ctx.tx, &row.profile_name)?.is_some() {
        return Err(Fail::from(m::irrd109i(&row.profile_name)));
    }
    certs::insert(ctx.tx, &row)?;
    Ok(())
}

/// The row a certificate would be stored as (its DIGTCERT profile name derived from serial and
/// issuer); the "not a certificate" failure when the DER does not parse.
pub(crate) fn cert_row(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    label: String,
    der: Vec<u8>,
    key: Option<Vec<u8>>,
    status: TrustStatus,
) -> Result<CertRow, Fail> {
    let info = pki::parse_certificate(&der).map_err(|_| Fail::from(m::not_a_certificate()))?;
    let serial_hex = listing::serial_hex(&info.serial);
    let issuer_dn = info.issuer.racf_dotted();
    let profile = profile_name(&serial_hex, &issuer_dn);
    Ok(CertRow {
        id: 0,
        owner: owner.clone(),
        label,
        der,
        private_key: key,
        status,
        serial_hex,
        issuer_dn,
        subject_dn: info.subject.racf_dotted(),
        profile_name: profile,
        last_serial: 0,
        created_by: ctx.issuer.to_string(),
        seq: 0,
    })
}

/// IRRD175I when DIGTCERT is RACLISTed.
pub(crate) fn digtcert_reminder(ctx: &Ctx<'_, '_>) -> Result<Output, Fail> {
    let o = profiles::class_options(ctx.tx, "DIGTCERT")?;
    if o.raclisted {
        Ok(Output::from(m::irrd175i()))
    } else {
        Ok(Output::ok())
    }
}

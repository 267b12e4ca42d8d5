//! RACDCERT GENCERT: a key pair and a certificate, self-signed or signed with SIGNWITH; and
//! the validity and serial number rules GENCERT shares with REKEY and GENCERT from a request
//! (reference §1.9).

use crate::messages as m;
use crate::racdcert::{authorize, digtcert_reminder, level_for, new_label, parse_info};
use crate::{Ctx, Fail, Output};
use racemu_command::{
    Access, AltNameSpec, DateTimeSpec, GenCert, KeyAlgorithmKeyword, Owner, TrustStatus,
};
use racemu_pki as pki;
use racemu_store::certs::CertRow;
use racemu_store::{certs, users};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

fn to_date(d: (i32, u8, u8)) -> Result<Date, Fail> {
    let month = Month::try_from(d.1).map_err(|_| {
        Fail::msg(
            format!("IKJ56702I INVALID DATE, {:04}-{:02}-{:02}", d.0, d.1, d.2),
            12,
        )
    })?;
    Date::from_calendar_date(d.0, month, d.2).map_err(|_| {
        Fail::msg(
            format!("IKJ56702I INVALID DATE, {:04}-{:02}-{:02}", d.0, d.1, d.2),
            12,
        )
    })
}

fn to_time(t: (u8, u8, u8)) -> Result<Time, Fail> {
    Time::from_hms(t.0, t.1, t.2).map_err(|_| {
        Fail::msg(
            format!("IKJ56702I INVALID TIME, {:02}:{:02}:{:02}", t.0, t.1, t.2),
            12,
        )
    })
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
                .map_err(|_| Fail::msg(m::irrd133i(), 8))?
        }
    };
    let na_time = match na.and_then(|s| s.time) {
        Some(t) => to_time(t)?,
        None => Time::from_hms(23, 59, 59).map_err(|_| Fail::msg(m::irrd133i(), 8))?,
    };
    let not_after = PrimitiveDateTime::new(na_date, na_time).assume_utc();
    if not_before >= not_after {
        return Err(Fail::msg(m::irrd133i(), 8));
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
    Ok(if valid && signer.status != "NOTRUST" {
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

/// A serial number as the shortest big-endian byte string (0 is one zero byte).
pub(crate) fn serial_bytes(n: i64) -> Vec<u8> {
    let b = n.max(0).to_be_bytes();
    let first = b.iter().position(|x| *x != 0).unwrap_or(7);
    b[first..].to_vec()
}

/// The serial number one above `serial_hex` (as LIST shows it), at any width: serial numbers
/// of imported certificates are often 16–20 bytes, more than any machine integer holds.
/// `None` when `serial_hex` is not hexadecimal.
pub(crate) fn serial_after(serial_hex: &str) -> Option<Vec<u8>> {
    let padded = if serial_hex.len() % 2 == 1 {
        format!("0{serial_hex}")
    } else {
        serial_hex.to_string()
    };
    let mut bytes = padded
        .as_bytes()
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    let mut carry = true;
    for b in bytes.iter_mut().rev() {
        let (v, overflow) = b.overflowing_add(u8::from(carry));
        *b = v;
        carry = overflow;
        if !carry {
            break;
        }
    }
    if carry {
        bytes.insert(0, 1);
    }
    let first = bytes
        .iter()
        .position(|x| *x != 0)
        .unwrap_or(bytes.len().saturating_sub(1));
    Some(bytes.split_off(first))
}

/// The certificate's subject alternative names from ALTNAME: every GENCERT (plain or from a
/// request) goes through here, so an IP address that is not one is refused the same way
/// (`IKJ56702I`, RC 12) and never dropped.
pub(crate) fn alt_names(spec: &AltNameSpec) -> Result<pki::AltNames, Fail> {
    let mut alt = pki::AltNames::default();
    if let Some(ip) = &spec.ip {
        alt.ip = Some(ip.parse().map_err(|_| {
            Fail::msg(
                format!("IKJ56702I INVALID Internet Protocol (IP) Address, {ip}"),
                12,
            )
        })?);
    }
    alt.domain = spec.domain.clone();
    alt.email = spec.email.clone();
    alt.uri = spec.uri.clone();
    Ok(alt)
}

fn dn_tag(t: &str) -> pki::DnTag {
    match t {
        "CN" => pki::DnTag::Cn,
        "T" => pki::DnTag::T,
        "OU" => pki::DnTag::Ou,
        "O" => pki::DnTag::O,
        "L" => pki::DnTag::L,
        "SP" => pki::DnTag::Sp,
        _ => pki::DnTag::C,
    }
}

/// GENCERT: a new key pair and certificate under WITHLABEL (or the next default label),
/// self-signed or signed with the SIGNWITH certificate's private key; GENCERT('dsn') signs a
/// request instead. The signer's serial counter advances only when the certificate is stored.
pub(crate) fn gencert(ctx: &Ctx<'_, '_>, owner: &Owner, g: &GenCert) -> Result<Output, Fail> {
    // Authority: ADD-like for the owner, CONTROL to sign with CERTAUTH/SITE.
    authorize(ctx, "GENCERT", level_for(ctx, owner))?;
    if let Some(sw) = &g.sign_with {
        if matches!(sw.owner, Some(Owner::CertAuth) | Some(Owner::Site)) {
            authorize(ctx, "GENCERT", Access::Control)?;
        }
    }
    if let Some(req) = &g.request {
        return crate::interchange::gencert_request(ctx, owner, req, g);
    }
    let label = new_label(ctx, owner, g.label.as_deref())?;
    // Key type and size.
    let (algorithm, default_size, kind) = match g.algorithm.unwrap_or(KeyAlgorithmKeyword::Rsa) {
        KeyAlgorithmKeyword::Rsa => (pki::KeyAlgorithm::Rsa, 2048, "RSA"),
        KeyAlgorithmKeyword::NistEcc => (pki::KeyAlgorithm::NistEcc, 256, "NISTECC"),
        KeyAlgorithmKeyword::Bpecc => {
            return Err(Fail::msg(
                m::not_supported("BPECC (Brainpool) key generation"),
                8,
            ))
        }
        KeyAlgorithmKeyword::Dsa => {
            return Err(Fail::msg(m::not_supported("DSA key generation"), 8))
        }
    };
    let size = g.size.unwrap_or(default_size);
    let size_ok = match algorithm {
        pki::KeyAlgorithm::Rsa => (512..=4096).contains(&size),
        _ => matches!(size, 192 | 224 | 256 | 384 | 521),
    };
    if !size_ok {
        return Err(Fail::msg(m::invalid_size(size, kind), 8));
    }
    // Key usage.
    let ku = match &g.key_usage {
        Some(k) => Some(k.clone()),
        None if *owner == Owner::CertAuth => Some(racemu_command::KeyUsageSpec {
            certsign: true,
            ..Default::default()
        }),
        None => None,
    };
    if let Some(k) = &ku {
        let ecc = algorithm == pki::KeyAlgorithm::NistEcc;
        if (ecc && k.dataencrypt) || (!ecc && k.keyagree) {
            return Err(Fail::msg(m::irrd156i(), 8));
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
        Some(sw) => {
            let so = sw.owner.clone().unwrap_or_else(|| owner.clone());
            let Some(row) = certs::by_label(ctx.tx, so.internal_id(), &sw.label)? else {
                return Err(Fail::msg(m::signer_not_found(), 8));
            };
            let Some(key) = &row.private_key else {
                return Err(Fail::msg(m::irrd128i("GENCERT"), 8));
            };
            let key = pki::KeyPair::from_pkcs8_der(key)
                .map_err(|e| Fail::msg(m::internal(&e.to_string()), 12))?;
            Some((row, key))
        }
    };
    let serial_n = signer.as_ref().map_or(0, |(row, _)| row.last_serial + 1);
    let key = pki::KeyPair::generate(
        &pki::KeySpec { algorithm, size },
        &ctx.config.randomness,
        owner.internal_id(),
        &label,
    )
    .map_err(|e| match e {
        pki::PkiError::Unsupported(what) => Fail::msg(m::not_supported(&what), 8),
        other => Fail::msg(m::internal(&other.to_string()), 12),
    })?;
    let key_usage = ku.map(|k| pki::KeyUsage {
        handshake: k.handshake,
        dataencrypt: k.dataencrypt,
        docsign: k.docsign,
        certsign: k.certsign,
        keyagree: k.keyagree,
    });
    let is_ca = *owner == Owner::CertAuth || key_usage.as_ref().is_some_and(|k| k.certsign);
    let template = pki::CertTemplate {
        serial: serial_bytes(serial_n),
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
    .map_err(|e| Fail::msg(m::internal(&e.to_string()), 12))?;
    if let Some((row, _)) = &signer {
        certs::set_last_serial(ctx.tx, row.id, serial_n)?;
    }
    // A duplicate serial.issuer profile fails here (IRRD109I) and rolls the counter back.
    let status = new_status(ctx, owner, g.status, signer.as_ref().map(|(row, _)| row))?;
    crate::interchange::insert_cert(
        ctx,
        owner,
        label,
        der,
        Some(key.pkcs8_der().to_vec()),
        status,
    )?;
    digtcert_reminder(ctx)
}

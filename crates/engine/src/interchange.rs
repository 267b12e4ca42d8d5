//! RACDCERT functions that move certificates through data sets: ADD, EXPORT, GENREQ,
//! GENCERT from a request, CHECKCERT; and REKEY / ROLLOVER (reference §1.1, §1.4, §1.8–1.10,
//! §1.15).

use crate::gencert::{new_status, serial_after, serial_bytes, validity};
use crate::listing::{self, cert_details};
use crate::messages as m;
use crate::racdcert::{
    authorize, block, digtcert_reminder, find_cert, find_issuer, level_for, new_label, parse_info,
    profile_name,
};
use crate::{Ctx, Fail, Output};
use racemu_command::{Access, CertSelector, DsnOperand, ExportFormat, GenCert, Owner, TrustStatus};
use racemu_pki as pki;
use racemu_store::certs::CertRow;
use racemu_store::datasets::{self, DatasetError};
use racemu_store::{certs, meta, rings};

pub(crate) fn read_dataset(ctx: &Ctx<'_, '_>, dsn: &DsnOperand) -> Result<(String, Vec<u8>), Fail> {
    let name = dsn.qualified(ctx.issuer);
    if !datasets::valid_name(&name) {
        return Err(Fail::msg(
            format!("IKJ56702I INVALID DATA SET NAME, '{name}'"),
            12,
        ));
    }
    match datasets::get(ctx.tx, &name) {
        Ok(Some(d)) => Ok((name, d.data)),
        // A missing data set or member, a member of a sequential data set and a PDS named
        // without a member all fail to open for reading.
        Ok(None) | Err(DatasetError::Partitioned(_) | DatasetError::NotPartitioned(_)) => {
            Err(Fail::msg(m::dataset_not_found(&name), 8))
        }
        Err(e) => Err(dataset_fail(e)),
    }
}

fn dataset_fail(e: DatasetError) -> Fail {
    match e {
        DatasetError::InvalidName(n) => {
            Fail::msg(format!("IKJ56702I INVALID DATA SET NAME, '{n}'"), 12)
        }
        DatasetError::Sqlite(e) => Fail::from(e),
        DatasetError::Partitioned(n) | DatasetError::NotPartitioned(n) => {
            Fail::msg(m::dataset_not_found(&n), 8)
        }
    }
}

fn write_dataset(ctx: &Ctx<'_, '_>, name: &str, data: Vec<u8>) -> Result<(), Fail> {
    if !datasets::valid_name(name) {
        return Err(Fail::msg(
            format!("IKJ56702I INVALID DATA SET NAME, '{name}'"),
            12,
        ));
    }
    datasets::put(
        ctx.tx,
        &datasets::Dataset::holding(name, data),
        &crate::racf::today(ctx),
    )
    .map_err(dataset_fail)
}

fn pki_fail(e: pki::PkiError) -> Fail {
    match e {
        pki::PkiError::Unsupported(what) => Fail::msg(m::not_supported(&what), 8),
        other => Fail::msg(m::internal(&other.to_string()), 12),
    }
}

/// The certificate and its issuers as RACF has them.
fn chain_of(ctx: &Ctx<'_, '_>, first: CertRow) -> Result<Vec<CertRow>, Fail> {
    let mut chain = vec![first];
    while chain.len() < 16 {
        let last = &chain[chain.len() - 1];
        match find_issuer(ctx, last)? {
            Some(i) if !chain.iter().any(|c| c.id == i.id) => chain.push(i),
            _ => break,
        }
    }
    Ok(chain)
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
        return Err(Fail::msg(m::irrd109i(&row.profile_name), 8));
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
    let info = pki::parse_certificate(&der).map_err(|_| Fail::msg(m::not_a_certificate(), 8))?;
    let serial_hex = listing::serial_hex(&info.serial);
    let issuer_dn = info.issuer.racf_dotted();
    let profile = profile_name(&serial_hex, &issuer_dn);
    Ok(CertRow {
        id: 0,
        owner: owner.internal_id().to_string(),
        label,
        der,
        private_key: key,
        status: status.keyword().to_string(),
        serial_hex,
        issuer_dn,
        subject_dn: info.subject.racf_dotted(),
        profile_name: profile,
        last_serial: 0,
        created_by: ctx.issuer.to_string(),
        seq: 0,
    })
}

fn pkcs12_encryption(ctx: &Ctx<'_, '_>) -> Result<pki::Pkcs12Encryption, Fail> {
    Ok(match meta::get(ctx.tx, "pkcs12_encryption")?.as_deref() {
        Some("legacy") => pki::Pkcs12Encryption::LegacyTripleDes,
        _ => pki::Pkcs12Encryption::Aes256,
    })
}

/// EXPORT: certificate, chain (PKCS#7) or certificate, key and chain (PKCS#12) to a data set.
pub(crate) fn export(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: Option<&CertSelector>,
    dsn: Option<&DsnOperand>,
    format: Option<ExportFormat>,
    password: Option<&str>,
) -> Result<Output, Fail> {
    let format = format.unwrap_or(ExportFormat::CertB64);
    let pkcs12 = matches!(format, ExportFormat::Pkcs12Der | ExportFormat::Pkcs12B64);
    authorize(
        ctx,
        if pkcs12 { "EXPORTKEY" } else { "EXPORT" },
        level_for(ctx, owner),
    )?;
    let Some(dsn) = dsn else {
        return Err(Fail::msg(m::irrd130i("DSN"), 8));
    };
    let Some(row) = find_cert(ctx, owner, sel)? else {
        return Err(Fail::msg(m::irrd107i(), 8));
    };
    let name = dsn.qualified(ctx.issuer);
    let data = match format {
        ExportFormat::CertDer => row.der.clone(),
        ExportFormat::CertB64 => pki::pem_armour(&row.der, "CERTIFICATE").into_bytes(),
        ExportFormat::Pkcs7Der | ExportFormat::Pkcs7B64 => {
            let chain = chain_of(ctx, row)?;
            let ders: Vec<&[u8]> = chain.iter().map(|c| c.der.as_slice()).collect();
            let p7 = pki::export_pkcs7_der(&ders).map_err(pki_fail)?;
            if format == ExportFormat::Pkcs7Der {
                p7
            } else {
                pki::pem_armour(&p7, "PKCS7").into_bytes()
            }
        }
        ExportFormat::Pkcs12Der | ExportFormat::Pkcs12B64 => {
            let Some(pw) = password.filter(|p| !p.is_empty()) else {
                return Err(Fail::msg(m::irrd130i("PASSWORD"), 8));
            };
            let Some(key) = &row.private_key else {
                return Err(Fail::msg(m::irrd147i(), 8));
            };
            let key = pki::KeyPair::from_pkcs8_der(key).map_err(pki_fail)?;
            let label = row.label.clone();
            let chain = chain_of(ctx, row)?;
            let ders: Vec<&[u8]> = chain.iter().map(|c| c.der.as_slice()).collect();
            let p12 =
                pki::export_pkcs12_der(Some(&key), &ders, &label, pw, pkcs12_encryption(ctx)?)
                    .map_err(pki_fail)?;
            if format == ExportFormat::Pkcs12Der {
                p12
            } else {
                pki::pem_armour(&p12, "PKCS12").into_bytes()
            }
        }
    };
    write_dataset(ctx, &name, data)?;
    Ok(Output::ok())
}

/// GENREQ: a Base64 PKCS#10 request for the certificate, signed with its private key.
pub(crate) fn genreq(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: Option<&CertSelector>,
    dsn: Option<&DsnOperand>,
) -> Result<Output, Fail> {
    authorize(ctx, "GENREQ", level_for(ctx, owner))?;
    let (Some(dsn), Some(_)) = (dsn, sel) else {
        return Err(Fail::msg(m::irrd130i("DSN and LABEL"), 8));
    };
    let Some(row) = find_cert(ctx, owner, sel)? else {
        return Err(Fail::msg(m::irrd107i(), 8));
    };
    let Some(key) = &row.private_key else {
        return Err(Fail::msg(m::irrd128i("GENREQ"), 8));
    };
    let key = pki::KeyPair::from_pkcs8_der(key).map_err(pki_fail)?;
    let req = pki::create_pkcs10(&row.der, &key, &ctx.config.randomness).map_err(pki_fail)?;
    let name = dsn.qualified(ctx.issuer);
    write_dataset(
        ctx,
        &name,
        pki::pem_armour(&req, "NEW CERTIFICATE REQUEST").into_bytes(),
    )?;
    Ok(Output::ok())
}

/// GENCERT('request-dsn'): sign a PKCS#10 request; RACF keeps no private key for it.
pub(crate) fn gencert_request(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    req: &DsnOperand,
    g: &GenCert,
) -> Result<Output, Fail> {
    let (_, data) = read_dataset(ctx, req)?;
    let request = pki::parse_pkcs10(&data).map_err(|_| Fail::msg(m::not_a_request(), 8))?;
    let Some(sw) = &g.sign_with else {
        return Err(Fail::msg(m::irrd130i("SIGNWITH"), 8));
    };
    let so = sw.owner.clone().unwrap_or_else(|| owner.clone());
    let Some(signer) = certs::by_label(ctx.tx, so.internal_id(), &sw.label)? else {
        return Err(Fail::msg(m::signer_not_found(), 8));
    };
    let Some(skey) = &signer.private_key else {
        return Err(Fail::msg(m::irrd128i("GENCERT"), 8));
    };
    let skey = pki::KeyPair::from_pkcs8_der(skey).map_err(pki_fail)?;
    let label = new_label(ctx, owner, g.label.as_deref())?;
    let (not_before, not_after) = validity(ctx, g.not_before.as_ref(), g.not_after.as_ref())?;
    let serial_n = signer.last_serial + 1;
    let key_usage = g.key_usage.as_ref().map(|k| pki::KeyUsage {
        handshake: k.handshake,
        dataencrypt: k.dataencrypt,
        docsign: k.docsign,
        certsign: k.certsign,
        keyagree: k.keyagree,
    });
    let alt = crate::gencert::alt_names(&g.alt_name)?;
    let template = pki::CertTemplate {
        serial: serial_bytes(serial_n),
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
    )
    .map_err(pki_fail)?;
    certs::set_last_serial(ctx.tx, signer.id, serial_n)?;
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

/// CHECKCERT: the certificates of a data set as LIST would show them, and the chain summary.
pub(crate) fn checkcert(
    ctx: &Ctx<'_, '_>,
    dsn: &DsnOperand,
    password: Option<&str>,
) -> Result<Output, Fail> {
    let (_, data) = read_dataset(ctx, dsn)?;
    let pkg = pki::decode_package(&data, password).map_err(|e| match e {
        pki::PackageError::NotACertificate => Fail::msg(m::not_a_certificate(), 8),
        _ => Fail::msg(m::bad_password(), 8),
    })?;
    let may_list = crate::authority::racdcert_allowed(ctx.tx, ctx.issuer, "LIST", Access::Read)?;
    let mut out = Vec::new();
    let mut expired = false;
    let mut infos = Vec::new();
    for (i, der) in pkg.certificates.iter().enumerate() {
        let info = pki::parse_certificate(der).map_err(|_| Fail::msg(m::not_a_certificate(), 8))?;
        out.push(format!("Certificate {}:", i + 1));
        let profile = profile_name(
            &listing::serial_hex(&info.serial),
            &info.issuer.racf_dotted(),
        );
        match certs::by_profile(ctx.tx, &profile)? {
            Some(row) if may_list => {
                let o = Owner::from_internal(&row.owner);
                out.push(listing::cert_header(&o));
                out.extend(block(ctx, &o, &row)?);
            }
            _ => out.extend(cert_details(&info, None)),
        }
        out.push(String::new());
        expired |= info.not_after < ctx.now;
        infos.push(info);
    }
    let complete = infos.last().is_some_and(|l| l.self_signed);
    out.push("Chain information:".into());
    out.push(format!(
        "  Chain contains {} certificate(s), chain is {}",
        infos.len(),
        if complete { "complete" } else { "incomplete" }
    ));
    if expired {
        out.push("  Chain contains expired certificate(s)".into());
    }
    out.push(String::new());
    Ok(Output::new(out, 0))
}

/// REKEY: a copy of the certificate (subject, key usage, alternative names) with a new key
/// pair, self-signed, under the WITHLABEL label.
pub(crate) fn rekey(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: Option<&CertSelector>,
    g: &GenCert,
) -> Result<Output, Fail> {
    authorize(ctx, "REKEY", level_for(ctx, owner))?;
    let Some(new_label) = &g.label else {
        return Err(Fail::msg(m::irrd130i("WITHLABEL"), 8));
    };
    let Some(old) = find_cert(ctx, owner, sel)? else {
        return Err(Fail::msg(m::irrd107i(), 8));
    };
    let Some(old_key) = &old.private_key else {
        return Err(Fail::msg(m::irrd128i("REKEY"), 8));
    };
    let new_label = self::new_label(ctx, owner, Some(new_label))?;
    let old_key = pki::KeyPair::from_pkcs8_der(old_key).map_err(pki_fail)?;
    let info = parse_info(&old)?;
    let algorithm = match g.algorithm {
        Some(racemu_command::KeyAlgorithmKeyword::NistEcc) => pki::KeyAlgorithm::NistEcc,
        Some(racemu_command::KeyAlgorithmKeyword::Rsa) => pki::KeyAlgorithm::Rsa,
        Some(racemu_command::KeyAlgorithmKeyword::Bpecc) => pki::KeyAlgorithm::Bpecc,
        Some(racemu_command::KeyAlgorithmKeyword::Dsa) => pki::KeyAlgorithm::Dsa,
        None if old_key.key_type() == pki::KeyType::NistEcc => pki::KeyAlgorithm::NistEcc,
        None => pki::KeyAlgorithm::Rsa,
    };
    let size = g.size.unwrap_or(if g.algorithm.is_none() {
        old_key.size_bits()
    } else if algorithm == pki::KeyAlgorithm::NistEcc {
        256
    } else {
        2048
    });
    let key = pki::KeyPair::generate(
        &pki::KeySpec { algorithm, size },
        &ctx.config.randomness,
        owner.internal_id(),
        &new_label,
    )
    .map_err(pki_fail)?;
    let (not_before, not_after) = validity(ctx, g.not_before.as_ref(), g.not_after.as_ref())?;
    let ku = info.key_usage.as_ref().map(|k| pki::KeyUsage {
        handshake: k.contains(&"HANDSHAKE"),
        dataencrypt: k.contains(&"DATAENCRYPT") && algorithm == pki::KeyAlgorithm::Rsa,
        docsign: k.contains(&"DOCSIGN"),
        certsign: k.contains(&"CERTSIGN"),
        keyagree: k.contains(&"KEYAGREE") && algorithm == pki::KeyAlgorithm::NistEcc,
    });
    let mut alt = pki::AltNames::default();
    for (kind, v) in &info.alt_names {
        match kind {
            pki::AltNameKind::Ip => {
                alt.ip = Some(v.parse().map_err(|_| {
                    Fail::msg(
                        m::internal(&format!("stored IP address {v} is not valid")),
                        12,
                    )
                })?)
            }
            pki::AltNameKind::Domain => alt.domain = Some(v.clone()),
            pki::AltNameKind::Email => alt.email = Some(v.clone()),
            pki::AltNameKind::Uri => alt.uri = Some(v.clone()),
        }
    }
    // Self-signed under the same name: the serial continues from the old certificate's so
    // the DIGTCERT profile name stays unique.
    let bad_serial = || Fail::msg(m::internal("stored serial number is not hexadecimal"), 12);
    let mut serial = serial_after(&old.serial_hex).ok_or_else(bad_serial)?;
    let issuer_dn = info.subject.racf_dotted();
    while certs::by_profile(
        ctx.tx,
        &profile_name(&listing::serial_hex(&serial), &issuer_dn),
    )?
    .is_some()
    {
        serial = serial_after(&listing::serial_hex(&serial)).ok_or_else(bad_serial)?;
    }
    let template = pki::CertTemplate {
        serial,
        subject: pki::NameSpec::default(),
        not_before,
        not_after,
        key_usage: ku,
        alt_names: alt,
        is_ca: info.is_ca,
    };
    let der = pki::issue_certificate_for_name(
        &template,
        info.subject.der(),
        &key.public_key_spki_der(),
        pki::SignWith::SelfSigned(&key),
        &ctx.config.randomness,
    )
    .map_err(pki_fail)?;
    let status = TrustStatus::from_keyword(&old.status).unwrap_or(TrustStatus::Trust);
    insert_cert(
        ctx,
        owner,
        new_label.clone(),
        der,
        Some(key.pkcs8_der().to_vec()),
        status,
    )?;
    digtcert_reminder(ctx)
}

/// ROLLOVER: the old private key is retired; in every ring where the old certificate is
/// connected with PERSONAL usage the NEWLABEL certificate takes its place (DEFAULT included),
/// where it is connected with CERTAUTH or SITE usage the new one is added beside it (IBM,
/// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-rollover.htm).
pub(crate) fn rollover(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: Option<&CertSelector>,
    new_label: Option<&str>,
    force: bool,
) -> Result<Output, Fail> {
    authorize(ctx, "ROLLOVER", level_for(ctx, owner))?;
    let Some(new_label) = new_label else {
        return Err(Fail::msg(m::irrd130i("NEWLABEL"), 8));
    };
    let Some(old) = find_cert(ctx, owner, sel)? else {
        return Err(Fail::msg(m::irrd107i(), 8));
    };
    let Some(new) = certs::by_label(ctx.tx, owner.internal_id(), new_label)? else {
        return Err(Fail::msg(m::irrd107i(), 8));
    };
    if new.private_key.is_none() && !force {
        return Err(Fail::msg(m::irrd128i("ROLLOVER"), 8));
    }
    rings::rollover(ctx.tx, old.id, new.id)?;
    certs::drop_private_key(ctx.tx, old.id)?;
    Ok(Output::ok())
}

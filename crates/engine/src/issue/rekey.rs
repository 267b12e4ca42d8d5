//! RACDCERT REKEY and ROLLOVER: a certificate's successor with a new key pair, and the switch
//! of rings from the old certificate to the new one (RACF Command Language Reference,
//! RACDCERT REKEY and ROLLOVER, le-rekey.htm and le-rollover.htm).

use super::{digtcert_reminder, insert_cert, validity};
use crate::authority::{authorize, level_for};
use crate::listing;
use crate::lookup::{find_cert, new_label, parse_info, profile_name, serial_after};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::FunctionKind;
use racemu_command::{Rekey, Rollover};
use racemu_pki as pki;
use racemu_racf::{AltNames, KeyAlgorithm, KeyUsage, Owner};
use racemu_store::{certs, rings};

/// REKEY: a copy of the certificate (subject, key usage, alternative names) with a new key
/// pair, self-signed, under the WITHLABEL label.
pub(crate) fn rekey(ctx: &Ctx<'_, '_>, owner: &Owner, r: &Rekey) -> Result<Output, Fail> {
    let (sel, g) = (r.selector.as_ref(), &*r.params);
    authorize(
        ctx,
        FunctionKind::Rekey,
        level_for(ctx, FunctionKind::Rekey, owner),
    )?;
    let Some(new_label) = &g.label else {
        return Err(Fail::from(m::irrd130i("WITHLABEL")));
    };
    let Some(old) = find_cert(ctx, owner, sel)? else {
        return Err(Fail::from(m::irrd107i()));
    };
    let Some(old_key) = &old.private_key else {
        return Err(Fail::from(m::irrd128i("REKEY")));
    };
    let new_label = self::new_label(ctx, owner, Some(new_label))?;
    let old_key = pki::KeyPair::from_pkcs8_der(old_key)?;
    let info = parse_info(&old)?;
    let algorithm = match g.algorithm {
        Some(a) => a,
        None if old_key.key_type() == pki::KeyType::NistEcc => KeyAlgorithm::NistEcc,
        None => KeyAlgorithm::Rsa,
    };
    let size = g.size.unwrap_or(if g.algorithm.is_none() {
        old_key.size_bits()
    } else if algorithm == KeyAlgorithm::NistEcc {
        256
    } else {
        2048
    });
    let key = pki::KeyPair::generate(
        &pki::KeySpec { algorithm, size },
        &ctx.config.randomness,
        owner.internal_id(),
        &new_label,
    )?;
    let (not_before, not_after) = validity(ctx, g.not_before.as_ref(), g.not_after.as_ref())?;
    // The old certificate's usages, less those the new key's algorithm cannot have.
    let ku = info.key_usage.map(|k| KeyUsage {
        dataencrypt: k.dataencrypt && algorithm == KeyAlgorithm::Rsa,
        keyagree: k.keyagree && algorithm == KeyAlgorithm::NistEcc,
        ..k
    });
    let mut alt = AltNames::default();
    for (kind, v) in &info.alt_names {
        match kind {
            pki::AltNameKind::Ip => {
                alt.ip = Some(v.parse().map_err(|_| {
                    Fail::from(m::internal(&format!("stored IP address {v} is not valid")))
                })?)
            }
            pki::AltNameKind::Domain => alt.domain = Some(v.clone()),
            pki::AltNameKind::Email => alt.email = Some(v.clone()),
            pki::AltNameKind::Uri => alt.uri = Some(v.clone()),
        }
    }
    // Self-signed under the old certificate's subject name: the serial continues above the old
    // certificate's own and its lineage's (see [`super::serial`]), and past any profile
    // already defined, so the DIGTCERT profile name stays unique.
    let bad_serial = || Fail::from(m::internal("stored serial number is not hexadecimal"));
    let issuer_dn = info.subject.racf_dotted();
    let mut serial = super::serial::next_for(ctx, &issuer_dn, &old.serial_hex)?;
    while certs::by_profile(
        ctx.tx,
        &profile_name(&listing::serial_hex(&serial), &issuer_dn),
    )?
    .is_some()
    {
        serial = serial_after(&listing::serial_hex(&serial)).ok_or_else(bad_serial)?;
    }
    let template = pki::CertTemplate {
        serial: serial.clone(),
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
    )?;
    let status = old.status;
    insert_cert(
        ctx,
        owner,
        new_label.clone(),
        der,
        Some(key.pkcs8_der().to_vec()),
        status,
    )?;
    // The copy's own serial is used under the lineage's name: the counters move past it.
    super::serial::record(ctx, &issuer_dn, &serial)?;
    digtcert_reminder(ctx)
}

/// ROLLOVER: the old private key is retired; in every ring where the old certificate is
/// connected with PERSONAL usage the NEWLABEL certificate takes its place (DEFAULT included),
/// where it is connected with CERTAUTH or SITE usage the new one is added beside it (IBM,
/// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-rollover.htm).
pub(crate) fn rollover(ctx: &Ctx<'_, '_>, owner: &Owner, r: &Rollover) -> Result<Output, Fail> {
    let (sel, new_label, force) = (r.selector.as_ref(), r.new_label.as_deref(), r.force);
    authorize(
        ctx,
        FunctionKind::Rollover,
        level_for(ctx, FunctionKind::Rollover, owner),
    )?;
    let Some(new_label) = new_label else {
        return Err(Fail::from(m::irrd130i("NEWLABEL")));
    };
    let Some(old) = find_cert(ctx, owner, sel)? else {
        return Err(Fail::from(m::irrd107i()));
    };
    let Some(new) = certs::by_label(ctx.tx, owner, new_label)? else {
        return Err(Fail::from(m::irrd107i()));
    };
    if new.private_key.is_none() && !force {
        return Err(Fail::from(m::irrd128i("ROLLOVER")));
    }
    rings::rollover(ctx.tx, old.id, new.id)?;
    certs::drop_private_key(ctx.tx, old.id)?;
    Ok(Output::ok())
}

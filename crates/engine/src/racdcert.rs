//! RACDCERT semantics (reference §0, §1, §5, §6).

use crate::authority::racdcert_allowed;
use crate::listing::{self, CertView, RingRow, RingView};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::{
    Access, CertSelector, DateTimeSpec, Function, GenCert, KeyAlgorithmKeyword, Owner, Racdcert,
    RingSelector, TrustStatus, Usage,
};
use racemu_pki::{self as pki, CertificateInfo};
use racemu_store::certs::CertRow;
use racemu_store::{certs, meta, profiles, rings, users};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

/// The owner text used in IRRD105I / IRRD199I: `user X`, `CERTAUTH`, `SITE`.
pub(crate) fn owner_text(o: &Owner) -> String {
    match o {
        Owner::User(u) => format!("user {u}"),
        Owner::CertAuth => "CERTAUTH".into(),
        Owner::Site => "SITE".into(),
    }
}

/// LISTRING's Cert Owner column.
fn ring_owner_column(o: &Owner) -> String {
    match o {
        Owner::User(u) => format!("ID({u})"),
        Owner::CertAuth => "CERTAUTH".into(),
        Owner::Site => "SITE".into(),
    }
}

/// Required access for a certificate function by owner (reference §7.1).
pub(crate) fn level_for(ctx: &Ctx<'_, '_>, owner: &Owner) -> Access {
    match owner {
        Owner::User(u) if u == ctx.issuer => Access::Read,
        Owner::User(_) => Access::Update,
        Owner::CertAuth | Owner::Site => Access::Control,
    }
}

pub(crate) fn authorize(ctx: &Ctx<'_, '_>, function: &str, needed: Access) -> Result<(), Fail> {
    if racdcert_allowed(ctx.tx, ctx.issuer, function, needed)? {
        Ok(())
    } else {
        Err(Fail::msg(m::irrd101i(), 8))
    }
}

/// Checks that a user ID exists (or is treated as existing, reference: undefined IDs).
pub(crate) fn ensure_user(ctx: &Ctx<'_, '_>, owner: &Owner) -> Result<(), Fail> {
    if let Owner::User(u) = owner {
        if users::get(ctx.tx, u)?.is_none()
            && meta::get(ctx.tx, "undefined_ids")?.as_deref() == Some("error")
        {
            return Err(Fail::msg(m::irrd102i(), 8));
        }
    }
    Ok(())
}

pub(crate) fn run(ctx: &mut Ctx<'_, '_>, r: &Racdcert) -> Result<Output, Fail> {
    let owner = r
        .owner
        .clone()
        .unwrap_or_else(|| Owner::User(ctx.issuer.to_string()));
    ensure_user(ctx, &owner)?;
    match &r.function {
        Function::List(sel) => list(ctx, &owner, sel.as_ref()),
        Function::ListRing(sel) => listring(ctx, &owner, sel),
        Function::ListChain(sel) => listchain(ctx, &owner, sel),
        Function::AddRing(name) => addring(ctx, &owner, name),
        Function::DelRing(name) => delring(ctx, &owner, name),
        Function::Connect {
            cert_owner,
            label,
            ring,
            usage,
            default,
        } => connect(
            ctx,
            &owner,
            cert_owner.as_ref(),
            label.as_deref(),
            ring.as_deref(),
            *usage,
            *default,
        ),
        Function::Remove {
            cert_owner,
            label,
            ring,
        } => remove(
            ctx,
            &owner,
            cert_owner.as_ref(),
            label.as_deref(),
            ring.as_deref(),
        ),
        Function::Delete(sel) => delete(ctx, &owner, sel.as_ref()),
        Function::Alter {
            selector,
            status,
            new_label,
        } => alter(
            ctx,
            &owner,
            selector.as_ref(),
            *status,
            new_label.as_deref(),
        ),
        Function::GenCert(g) => gencert(ctx, &owner, g),
        Function::NotEmulated(f) => Err(Fail::msg(m::not_emulated(f), 8)),
        Function::Add {
            dsn,
            status,
            label,
            password,
        } => crate::add::add(
            ctx,
            &owner,
            dsn,
            *status,
            label.as_deref(),
            password.as_deref(),
        ),
        Function::Export {
            selector,
            dsn,
            format,
            password,
        } => crate::interchange::export(
            ctx,
            &owner,
            selector.as_ref(),
            dsn.as_ref(),
            *format,
            password.as_deref(),
        ),
        Function::GenReq { selector, dsn } => {
            crate::interchange::genreq(ctx, &owner, selector.as_ref(), dsn.as_ref())
        }
        Function::CheckCert { dsn, password } => {
            crate::interchange::checkcert(ctx, dsn, password.as_deref())
        }
        Function::Rekey { selector, params } => {
            crate::interchange::rekey(ctx, &owner, selector.as_ref(), params)
        }
        Function::Rollover {
            selector,
            new_label,
            force,
        } => crate::interchange::rollover(
            ctx,
            &owner,
            selector.as_ref(),
            new_label.as_deref(),
            *force,
        ),
    }
}

/// Finds the certificate a selector names for an owner.
pub(crate) fn find_cert(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: Option<&CertSelector>,
) -> Result<Option<CertRow>, Fail> {
    let id = owner.internal_id();
    Ok(match sel {
        Some(CertSelector::Label(l)) => certs::by_label(ctx.tx, id, l)?,
        Some(CertSelector::Serial { serial, issuer }) => {
            let serial = normalise_serial(serial);
            certs::by_serial(ctx.tx, id, &serial)?
                .into_iter()
                .find(|c| {
                    issuer
                        .as_ref()
                        .is_none_or(|i| c.issuer_dn.eq_ignore_ascii_case(i))
                })
        }
        None => {
            // With one certificate only, the label may be omitted.
            let all = certs::by_owner(ctx.tx, id)?;
            if all.len() == 1 {
                all.into_iter().next()
            } else {
                None
            }
        }
    })
}

fn normalise_serial(s: &str) -> String {
    let t = s.trim_start_matches('0');
    let t = if t.is_empty() { "0" } else { t };
    let t = t.to_ascii_uppercase();
    if t.len() % 2 == 1 {
        format!("0{t}")
    } else {
        t
    }
}

pub(crate) fn parse_info(row: &CertRow) -> Result<CertificateInfo, Fail> {
    pki::parse_certificate(&row.der).map_err(|e| Fail::msg(m::internal(&e.to_string()), 12))
}

pub(crate) fn rings_of(ctx: &Ctx<'_, '_>, cert_id: i64) -> Result<Vec<(String, String)>, Fail> {
    Ok(rings::of_certificate(ctx.tx, cert_id)?
        .into_iter()
        .map(|r| (r.owner, r.name))
        .collect())
}

pub(crate) fn block(ctx: &Ctx<'_, '_>, owner: &Owner, row: &CertRow) -> Result<Vec<String>, Fail> {
    let info = parse_info(row)?;
    let v = CertView {
        owner,
        label: &row.label,
        status: &row.status,
        info: &info,
        private_key: row.private_key.is_some(),
        rings: rings_of(ctx, row.id)?,
    };
    Ok(listing::cert_block(&v))
}

fn list(ctx: &Ctx<'_, '_>, owner: &Owner, sel: Option<&CertSelector>) -> Result<Output, Fail> {
    authorize(ctx, "LIST", level_for(ctx, owner))?;
    let rows = match sel {
        Some(_) => match find_cert(ctx, owner, sel)? {
            Some(r) => vec![r],
            None => return Ok(Output::new(vec![m::irrd107i()], 4)),
        },
        None => certs::by_owner(ctx.tx, owner.internal_id())?,
    };
    if rows.is_empty() {
        return Ok(Output::new(vec![m::irrd105i(&owner_text(owner))], 4));
    }
    let mut out = vec![listing::cert_header(owner), String::new()];
    for r in &rows {
        out.extend(block(ctx, owner, r)?);
        out.push(String::new());
    }
    Ok(Output::new(out, 0))
}

fn ring_owner(owner: &Owner) -> Result<&str, Fail> {
    match owner {
        Owner::User(u) => Ok(u),
        Owner::CertAuth => Err(Fail::msg(m::irrd120i(true), 8)),
        Owner::Site => Err(Fail::msg(m::irrd120i(false), 8)),
    }
}

fn ring_view(ctx: &Ctx<'_, '_>, ring: &rings::RingRow) -> Result<RingView, Fail> {
    let mut rows = Vec::new();
    for c in rings::connections(ctx.tx, ring.id)? {
        if let Some(cert) = certs::by_id(ctx.tx, c.cert_id)? {
            rows.push(RingRow {
                label: cert.label.clone(),
                owner: ring_owner_column(&Owner::from_internal(&cert.owner)),
                usage: c.usage.clone(),
                default: c.is_default,
            });
        }
    }
    Ok(RingView {
        name: ring.name.clone(),
        rows,
    })
}

fn listring(ctx: &Ctx<'_, '_>, owner: &Owner, sel: &RingSelector) -> Result<Output, Fail> {
    let user = ring_owner(owner)?;
    authorize(
        ctx,
        "LISTRING",
        if user == ctx.issuer {
            Access::Read
        } else {
            Access::Update
        },
    )?;
    let list = match sel {
        RingSelector::All => {
            let all = rings::by_owner(ctx.tx, user)?;
            if all.is_empty() {
                return Ok(Output::new(vec![m::irrd115i(user)], 4));
            }
            all
        }
        RingSelector::Named(n) => match rings::get(ctx.tx, user, n)? {
            Some(r) => vec![r],
            None => return Ok(Output::new(vec![m::irrd114i(n)], 4)),
        },
    };
    let views = list
        .iter()
        .map(|r| ring_view(ctx, r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Output::new(
        listing::listring(user, &views, ctx.config.ring_layout),
        0,
    ))
}

/// The issuer of `row` in RACF: same owner first, then CERTAUTH, then any owner.
pub(crate) fn find_issuer(ctx: &Ctx<'_, '_>, row: &CertRow) -> Result<Option<CertRow>, Fail> {
    if row.issuer_dn == row.subject_dn {
        return Ok(None);
    }
    let mut cands = certs::by_subject(ctx.tx, &row.issuer_dn)?;
    cands.retain(|c| c.id != row.id && pki::verify_issued_by(&row.der, &c.der));
    cands.sort_by_key(|c| {
        (
            if c.owner == row.owner {
                0
            } else if c.owner == "irrcerta" {
                1
            } else {
                2
            },
            c.seq,
        )
    });
    Ok(cands.into_iter().next())
}

fn listchain(ctx: &Ctx<'_, '_>, owner: &Owner, sel: &CertSelector) -> Result<Output, Fail> {
    authorize(ctx, "LISTCHAIN", level_for(ctx, owner))?;
    let Some(first) = find_cert(ctx, owner, Some(sel))? else {
        return Ok(Output::new(vec![m::irrd107i()], 4));
    };
    let mut chain = vec![first];
    let mut complete = false;
    while chain.len() < 16 {
        let last = &chain[chain.len() - 1];
        if last.issuer_dn == last.subject_dn {
            complete = true;
            break;
        }
        match find_issuer(ctx, last)? {
            Some(i) if !chain.iter().any(|c| c.id == i.id) => chain.push(i),
            _ => break,
        }
    }
    let mut out = Vec::new();
    let mut expired = false;
    let mut notrust = false;
    let mut common: Option<Vec<(String, String)>> = None;
    for (i, row) in chain.iter().enumerate() {
        let o = Owner::from_internal(&row.owner);
        out.push(format!("Certificate {}:", i + 1));
        out.push(listing::cert_header(&o));
        out.extend(block(ctx, &o, row)?);
        out.push(String::new());
        let info = parse_info(row)?;
        expired |= info.not_after < ctx.now;
        notrust |= row.status == "NOTRUST";
        let r = rings_of(ctx, row.id)?;
        common = Some(match common {
            None => r,
            Some(c) => c.into_iter().filter(|x| r.contains(x)).collect(),
        });
    }
    out.push("Chain information:".into());
    out.push(format!(
        "  Chain contains {} certificate(s), chain is {}",
        chain.len(),
        if complete { "complete" } else { "incomplete" }
    ));
    if expired {
        out.push("  Chain contains expired certificate(s)".into());
    }
    if notrust {
        out.push("  Chain contains NOTRUST certificate(s)".into());
    }
    out.extend(listing::ring_associations(&common.unwrap_or_default()));
    out.push(String::new());
    Ok(Output::new(out, 0))
}

fn valid_ring_name(name: &str) -> bool {
    !name.is_empty() && name.chars().count() <= 237 && !name.contains(' ') && name != "*"
}

fn addring(ctx: &Ctx<'_, '_>, owner: &Owner, name: &str) -> Result<Output, Fail> {
    let user = ring_owner(owner)?;
    authorize(
        ctx,
        "ADDRING",
        if user == ctx.issuer {
            Access::Read
        } else {
            Access::Update
        },
    )?;
    if !valid_ring_name(name) {
        return Err(Fail::msg(
            format!("IKJ56702I INVALID RING NAME, {name}"),
            12,
        ));
    }
    if rings::get(ctx.tx, user, name)?.is_some() {
        return Err(Fail::msg(m::irrd122i(name), 8));
    }
    rings::add(ctx.tx, user, name)?;
    Ok(Output::ok())
}

fn delring(ctx: &Ctx<'_, '_>, owner: &Owner, name: &str) -> Result<Output, Fail> {
    let user = ring_owner(owner)?;
    authorize(
        ctx,
        "DELRING",
        if user == ctx.issuer {
            Access::Read
        } else {
            Access::Update
        },
    )?;
    match rings::get(ctx.tx, user, name)? {
        Some(r) => {
            rings::delete(ctx.tx, r.id)?;
            Ok(Output::ok())
        }
        None => Err(Fail::msg(m::irrd114i(name), 8)),
    }
}

pub(crate) fn category_usage(owner: &Owner) -> Usage {
    match owner {
        Owner::User(_) => Usage::Personal,
        Owner::CertAuth => Usage::CertAuth,
        Owner::Site => Usage::Site,
    }
}

fn connect(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    cert_owner: Option<&Owner>,
    label: Option<&str>,
    ring: Option<&str>,
    usage: Option<Usage>,
    default: bool,
) -> Result<Output, Fail> {
    let user = ring_owner(owner)?;
    let cert_owner = cert_owner.cloned().unwrap_or_else(|| owner.clone());
    let needed = if user != ctx.issuer {
        Access::Control
    } else if !matches!(&cert_owner, Owner::User(u) if u == ctx.issuer)
        || usage.is_some_and(|u| u != category_usage(&cert_owner))
    {
        Access::Update
    } else {
        Access::Read
    };
    authorize(ctx, "CONNECT", needed)?;
    let (Some(label), Some(ring_name)) = (label, ring) else {
        return Err(Fail::msg(m::irrd121i(), 8));
    };
    ensure_user(ctx, &cert_owner)?;
    let Some(ring) = rings::get(ctx.tx, user, ring_name)? else {
        return Err(Fail::msg(m::irrd114i(ring_name), 8));
    };
    let Some(cert) = certs::by_label(ctx.tx, cert_owner.internal_id(), label)? else {
        return Err(Fail::msg(m::irrd107i(), 8));
    };
    let usage = usage.unwrap_or_else(|| category_usage(&cert_owner));
    rings::connect(ctx.tx, ring.id, cert.id, usage.keyword(), default)?;
    Ok(Output::ok())
}

fn remove(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    cert_owner: Option<&Owner>,
    label: Option<&str>,
    ring: Option<&str>,
) -> Result<Output, Fail> {
    let user = ring_owner(owner)?;
    authorize(
        ctx,
        "REMOVE",
        if user == ctx.issuer {
            Access::Read
        } else {
            Access::Update
        },
    )?;
    let (Some(label), Some(ring_name)) = (label, ring) else {
        return Err(Fail::msg(m::irrd121i(), 8));
    };
    let cert_owner = cert_owner.cloned().unwrap_or_else(|| owner.clone());
    let Some(ring) = rings::get(ctx.tx, user, ring_name)? else {
        return Err(Fail::msg(m::irrd114i(ring_name), 8));
    };
    let cert = certs::by_label(ctx.tx, cert_owner.internal_id(), label)?;
    match cert {
        Some(c) if rings::remove(ctx.tx, ring.id, c.id)? => Ok(Output::ok()),
        _ => Err(Fail::msg(m::irrd116i(label, ring_name, user), 8)),
    }
}

fn delete(ctx: &Ctx<'_, '_>, owner: &Owner, sel: Option<&CertSelector>) -> Result<Output, Fail> {
    authorize(ctx, "DELETE", level_for(ctx, owner))?;
    match find_cert(ctx, owner, sel)? {
        Some(c) => {
            certs::delete(ctx.tx, c.id)?;
            Ok(Output::ok())
        }
        None => Err(Fail::msg(m::irrd107i(), 8)),
    }
}

fn alter(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: Option<&CertSelector>,
    status: Option<TrustStatus>,
    new_label: Option<&str>,
) -> Result<Output, Fail> {
    authorize(ctx, "ALTER", level_for(ctx, owner))?;
    let Some(c) = find_cert(ctx, owner, sel)? else {
        return Err(Fail::msg(m::irrd107i(), 8));
    };
    if let Some(nl) = new_label {
        check_label(nl)?;
        if nl != c.label && certs::label_exists(ctx.tx, owner.internal_id(), nl)? {
            return Err(Fail::msg(m::irrd110i(nl), 8));
        }
    }
    certs::alter(ctx.tx, c.id, status.map(|s| s.keyword()), new_label)?;
    Ok(Output::ok())
}

pub(crate) fn check_label(label: &str) -> Result<(), Fail> {
    if label.is_empty() || label.chars().count() > 32 {
        return Err(Fail::msg(format!("IKJ56702I INVALID LABEL, {label}"), 12));
    }
    Ok(())
}

/// The label for a new certificate of `owner`: the one given (valid and not yet used by the
/// owner, else IRRD110I), or the first free `LABELnnnnnnnn`.
pub(crate) fn new_label(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    given: Option<&str>,
) -> Result<String, Fail> {
    match given {
        Some(l) => {
            check_label(l)?;
            if certs::label_exists(ctx.tx, owner.internal_id(), l)? {
                return Err(Fail::msg(m::irrd110i(l), 8));
            }
            Ok(l.to_string())
        }
        None => default_label(ctx, owner),
    }
}

/// The first free `LABELnnnnnnnn` for an owner.
pub(crate) fn default_label(ctx: &Ctx<'_, '_>, owner: &Owner) -> Result<String, Fail> {
    for n in 1..=99_999_999u32 {
        let l = format!("LABEL{n:08}");
        if !certs::label_exists(ctx.tx, owner.internal_id(), &l)? {
            return Ok(l);
        }
    }
    Err(Fail::msg(m::internal("no free default label"), 12))
}

/// The DIGTCERT profile name: `serial.issuer` with `¢` for blanks (reference §0.2).
pub(crate) fn profile_name(serial_hex: &str, issuer_dn: &str) -> String {
    let name = format!("{serial_hex}.{}", issuer_dn.replace(' ', "¢"));
    if name.chars().count() <= 246 {
        return name;
    }
    // Long names: serial, start of the issuer, a hash, end of the issuer.
    let chars: Vec<char> = name.chars().collect();
    let head: String = chars[..120].iter().collect();
    let tail: String = chars[chars.len() - 100..].iter().collect();
    let mut h: u64 = 0xcbf29ce484222325;
    for b in name.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
    }
    format!("{head}{h:016X}{tail}")
}

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

pub(crate) fn serial_bytes(n: i64) -> Vec<u8> {
    let b = n.max(0).to_be_bytes();
    let first = b.iter().position(|x| *x != 0).unwrap_or(7);
    b[first..].to_vec()
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

fn gencert(ctx: &Ctx<'_, '_>, owner: &Owner, g: &GenCert) -> Result<Output, Fail> {
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
    // Alternative names.
    let mut alt = pki::AltNames::default();
    if let Some(ip) = &g.alt_name.ip {
        alt.ip = Some(ip.parse().map_err(|_| {
            Fail::msg(
                format!("IKJ56702I INVALID Internet Protocol (IP) Address, {ip}"),
                12,
            )
        })?);
    }
    alt.domain = g.alt_name.domain.clone();
    alt.email = g.alt_name.email.clone();
    alt.uri = g.alt_name.uri.clone();
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
    let key = pki::KeyPair::generate(&pki::KeySpec { algorithm, size }).map_err(|e| match e {
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
        None => pki::issue_certificate(&template, &spki, pki::SignWith::SelfSigned(&key)),
        Some((row, skey)) => pki::issue_certificate(
            &template,
            &spki,
            pki::SignWith::Issuer {
                cert_der: &row.der,
                key: skey,
            },
        ),
    }
    .map_err(|e| Fail::msg(m::internal(&e.to_string()), 12))?;
    if let Some((row, _)) = &signer {
        certs::set_last_serial(ctx.tx, row.id, serial_n)?;
    }
    // A duplicate serial.issuer profile fails here (IRRD109I) and rolls the counter back.
    let status = g.status.unwrap_or(TrustStatus::Trust);
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

/// IRRD175I when DIGTCERT is RACLISTed.
pub(crate) fn digtcert_reminder(ctx: &Ctx<'_, '_>) -> Result<Output, Fail> {
    let o = profiles::class_options(ctx.tx, "DIGTCERT")?;
    if o.raclisted {
        Ok(Output::new(vec![m::irrd175i()], 0))
    } else {
        Ok(Output::ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_names() {
        assert_eq!(
            profile_name(
                "01",
                "CN=Zowe Development Instances CA.OU=API Mediation Layer"
            ),
            "01.CN=Zowe¢Development¢Instances¢CA.OU=API¢Mediation¢Layer"
        );
        let long = "CN=".to_string() + &"x".repeat(400);
        assert!(profile_name("00", &long).chars().count() <= 246);
    }

    #[test]
    fn serials() {
        assert_eq!(serial_bytes(0), vec![0]);
        assert_eq!(serial_bytes(1), vec![1]);
        assert_eq!(serial_bytes(256), vec![1, 0]);
        assert_eq!(normalise_serial("0001"), "01");
        assert_eq!(normalise_serial("abc"), "0ABC");
    }
}

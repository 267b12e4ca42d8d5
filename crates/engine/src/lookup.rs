//! RACDCERT semantics (reference §0, §1, §5, §6).

use crate::authority::racdcert_allowed;
use crate::listing::listchain::ChainView;
use crate::listing::{self, CertDetails, CertView};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::{Access, CertSelector, Function, Owner, Racdcert, TrustStatus};
use racemu_pki::{self as pki, CertificateInfo};
use racemu_store::certs::CertRow;
use racemu_store::{certs, meta, profiles, rings, users};

/// The owner text used in IRRD105I / IRRD199I: `user X`, `CERTAUTH`, `SITE`.
pub(crate) fn owner_text(o: &Owner) -> String {
    match o {
        Owner::User(u) => format!("user {u}"),
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
        Err(Fail::from(m::irrd101i()))
    }
}

/// Checks that a user ID exists (or is treated as existing, reference: undefined IDs).
pub(crate) fn ensure_user(ctx: &Ctx<'_, '_>, owner: &Owner) -> Result<(), Fail> {
    if let Owner::User(u) = owner {
        if users::get(ctx.tx, u)?.is_none()
            && meta::get(ctx.tx, "undefined_ids")?.as_deref() == Some("error")
        {
            return Err(Fail::from(m::irrd102i()));
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
        Function::ListRing(sel) => crate::rings::listring(ctx, &owner, sel),
        Function::ListChain(sel) => listchain(ctx, &owner, sel),
        Function::AddRing(name) => crate::rings::addring(ctx, &owner, name),
        Function::DelRing(name) => crate::rings::delring(ctx, &owner, name),
        Function::Connect {
            cert_owner,
            label,
            ring,
            usage,
            default,
        } => crate::rings::connect(
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
        } => crate::rings::remove(
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
        Function::GenCert(g) => crate::issue::gencert(ctx, &owner, g),
        Function::NotEmulated(f) => Err(Fail::from(m::not_emulated(f))),
        Function::Add {
            dsn,
            status,
            label,
            password,
        } => crate::interchange::add::add(
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
    pki::parse_certificate(&row.der).map_err(|e| Fail::from(m::internal(&e.to_string())))
}

pub(crate) fn rings_of(ctx: &Ctx<'_, '_>, cert_id: i64) -> Result<Vec<(String, String)>, Fail> {
    Ok(rings::of_certificate(ctx.tx, cert_id)?
        .into_iter()
        .map(|r| (r.owner, r.name))
        .collect())
}

/// What LIST shows of a certificate RACF holds for `owner`.
pub(crate) fn cert_view(ctx: &Ctx<'_, '_>, owner: &Owner, row: &CertRow) -> Result<CertView, Fail> {
    let info = parse_info(row)?;
    Ok(CertView {
        owner: owner.clone(),
        label: row.label.clone(),
        status: row.status.clone(),
        details: CertDetails::from(&info),
        private_key: row.private_key.is_some(),
        rings: rings_of(ctx, row.id)?,
    })
}

fn list(ctx: &Ctx<'_, '_>, owner: &Owner, sel: Option<&CertSelector>) -> Result<Output, Fail> {
    authorize(ctx, "LIST", level_for(ctx, owner))?;
    let rows = match sel {
        Some(_) => match find_cert(ctx, owner, sel)? {
            Some(r) => vec![r],
            None => return Ok(Output::from(m::irrd107i().with_rc(4))),
        },
        None => certs::by_owner(ctx.tx, owner.internal_id())?,
    };
    if rows.is_empty() {
        return Ok(Output::from(m::irrd105i(&owner_text(owner))));
    }
    let views = rows
        .iter()
        .map(|r| cert_view(ctx, owner, r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Output::new(listing::list::list(owner, &views), 0))
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
        return Ok(Output::from(m::irrd107i().with_rc(4)));
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
    let mut view = ChainView {
        certs: Vec::new(),
        complete,
        expired: false,
        notrust: false,
        common_rings: Vec::new(),
    };
    let mut common: Option<Vec<(String, String)>> = None;
    for row in &chain {
        let cert = cert_view(ctx, &Owner::from_internal(&row.owner), row)?;
        view.expired |= cert.details.not_after < ctx.now;
        view.notrust |= row.status == "NOTRUST";
        let r = cert.rings.clone();
        common = Some(match common {
            None => r,
            Some(c) => c.into_iter().filter(|x| r.contains(x)).collect(),
        });
        view.certs.push(cert);
    }
    view.common_rings = common.unwrap_or_default();
    Ok(Output::new(listing::listchain::listchain(&view), 0))
}

fn delete(ctx: &Ctx<'_, '_>, owner: &Owner, sel: Option<&CertSelector>) -> Result<Output, Fail> {
    authorize(ctx, "DELETE", level_for(ctx, owner))?;
    match find_cert(ctx, owner, sel)? {
        Some(c) => {
            certs::delete(ctx.tx, c.id)?;
            Ok(Output::ok())
        }
        None => Err(Fail::from(m::irrd107i())),
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
        return Err(Fail::from(m::irrd107i()));
    };
    if let Some(nl) = new_label {
        check_label(nl)?;
        if nl != c.label && certs::label_exists(ctx.tx, owner.internal_id(), nl)? {
            return Err(Fail::from(m::irrd110i(nl)));
        }
    }
    let status = status.map(|s| crate::issue::owner_status(owner, s));
    certs::alter(ctx.tx, c.id, status.map(|s| s.keyword()), new_label)?;
    Ok(Output::ok())
}

pub(crate) fn check_label(label: &str) -> Result<(), Fail> {
    if label.is_empty() || label.chars().count() > 32 {
        return Err(Fail::from(m::invalid_label(label)));
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
                return Err(Fail::from(m::irrd110i(l)));
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
    Err(Fail::from(m::internal("no free default label")))
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

/// IRRD175I when DIGTCERT is RACLISTed.
pub(crate) fn digtcert_reminder(ctx: &Ctx<'_, '_>) -> Result<Output, Fail> {
    let o = profiles::class_options(ctx.tx, "DIGTCERT")?;
    if o.raclisted {
        Ok(Output::from(m::irrd175i()))
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
    fn serials_after_any_width() {
        use crate::issue::serial_after;
        assert_eq!(serial_after("00"), Some(vec![1]));
        assert_eq!(serial_after("FF"), Some(vec![1, 0]));
        assert_eq!(serial_after("1"), Some(vec![2]));
        // Wider than 63 bits: REKEY of such a certificate used to restart at serial 01.
        let wide = "7F3A9C0D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6B";
        let mut expected: Vec<u8> = (0..wide.len() / 2)
            .map(|i| u8::from_str_radix(&wide[2 * i..2 * i + 2], 16).expect("hex"))
            .collect();
        if let Some(last) = expected.last_mut() {
            *last += 1;
        }
        assert_eq!(serial_after(wide), Some(expected));
        let mut carried = vec![1];
        carried.extend([0u8; 9]);
        assert_eq!(serial_after("FFFFFFFFFFFFFFFFFF"), Some(carried));
        assert_eq!(serial_after("XYZ"), None);
    }

    #[test]
    fn serials() {
        use crate::issue::serial_bytes;
        assert_eq!(serial_bytes(0), vec![0]);
        assert_eq!(serial_bytes(1), vec![1]);
        assert_eq!(serial_bytes(256), vec![1, 0]);
        assert_eq!(normalise_serial("0001"), "01");
        assert_eq!(normalise_serial("abc"), "0ABC");
    }
}

//! RACDCERT key ring functions: ADDRING, DELRING, LISTRING, CONNECT and REMOVE (RACF
//! Command Language Reference, RACDCERT pages le-addring, le-delring, le-listring,
//! le-connect and le-remove).

use crate::authority::{authorize, ensure_user, level_for, ring_level};
use crate::listing::{self, RingRow, RingView};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::FunctionKind;
use racemu_command::{Connect, Remove, RingSelector};
use racemu_racf::{Access, Owner, Usage};
use racemu_store::{certs, rings};

fn ring_owner(owner: &Owner) -> Result<&str, Fail> {
    match owner {
        Owner::User(u) => Ok(u),
        Owner::CertAuth => Err(Fail::from(m::irrd120i(true))),
        Owner::Site => Err(Fail::from(m::irrd120i(false))),
    }
}

fn ring_view(ctx: &Ctx<'_, '_>, ring: &rings::RingRow) -> Result<RingView, Fail> {
    let mut rows = Vec::new();
    for c in rings::connections(ctx.tx, ring.id)? {
        if let Some(cert) = certs::by_id(ctx.tx, c.cert_id)? {
            rows.push(RingRow {
                label: cert.label.clone(),
                owner: cert.owner.operand(),
                usage: c.usage.keyword().to_string(),
                default: c.is_default,
            });
        }
    }
    Ok(RingView {
        name: ring.name.clone(),
        rows,
    })
}

/// LISTRING: one ring or all of a user's rings (`*`); IRRD114I / IRRD115I with RC 4 when there
/// is nothing to list.
pub(crate) fn listring(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: &RingSelector,
) -> Result<Output, Fail> {
    let user = ring_owner(owner)?;
    authorize(
        ctx,
        FunctionKind::ListRing,
        level_for(ctx, FunctionKind::ListRing, &Owner::User(user.to_string())),
    )?;
    let list = match sel {
        RingSelector::All => {
            let all = rings::by_owner(ctx.tx, user)?;
            if all.is_empty() {
                return Ok(Output::from(m::irrd115i(user)));
            }
            all
        }
        RingSelector::Named(n) => match rings::get(ctx.tx, user, n)? {
            Some(r) => vec![r],
            None => return Ok(Output::from(m::irrd114i(n).with_rc(4))),
        },
    };
    let views = list
        .iter()
        .map(|r| ring_view(ctx, r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Output::new(
        listing::listring::listring(user, &views, ctx.config.ring_layout),
        0,
    ))
}

fn valid_ring_name(name: &str) -> bool {
    !name.is_empty() && name.chars().count() <= 237 && !name.contains(' ') && name != "*"
}

/// ADDRING: creates an empty ring for a user; IRRD120I for CERTAUTH/SITE, IRRD122I when it
/// exists.
pub(crate) fn addring(ctx: &Ctx<'_, '_>, owner: &Owner, name: &str) -> Result<Output, Fail> {
    let user = ring_owner(owner)?;
    authorize(
        ctx,
        FunctionKind::AddRing,
        level_for(ctx, FunctionKind::AddRing, &Owner::User(user.to_string())),
    )?;
    if !valid_ring_name(name) {
        return Err(Fail::from(m::invalid_ring_name(name)));
    }
    if rings::get(ctx.tx, user, name)?.is_some() {
        return Err(Fail::from(m::irrd122i(name)));
    }
    rings::add(ctx.tx, user, name)?;
    Ok(Output::ok())
}

/// DELRING: deletes a ring and its connections (the certificates stay); IRRD114I when missing.
pub(crate) fn delring(ctx: &Ctx<'_, '_>, owner: &Owner, name: &str) -> Result<Output, Fail> {
    let user = ring_owner(owner)?;
    authorize(
        ctx,
        FunctionKind::DelRing,
        level_for(ctx, FunctionKind::DelRing, &Owner::User(user.to_string())),
    )?;
    match rings::get(ctx.tx, user, name)? {
        Some(r) => {
            rings::delete(ctx.tx, r.id)?;
            Ok(Output::ok())
        }
        None => Err(Fail::from(m::irrd114i(name))),
    }
}

/// The ring usage that matches a certificate owner's category.
pub(crate) fn category_usage(owner: &Owner) -> Usage {
    match owner {
        Owner::User(_) => Usage::Personal,
        Owner::CertAuth => Usage::CertAuth,
        Owner::Site => Usage::Site,
    }
}

/// CONNECT: adds a certificate to a ring, or changes the usage or DEFAULT of one already in it;
/// USAGE defaults to the certificate's own category and a new DEFAULT takes DEFAULT from the
/// ring's previous default.
pub(crate) fn connect(ctx: &Ctx<'_, '_>, owner: &Owner, c: &Connect) -> Result<Output, Fail> {
    let (label, ring, usage) = (c.label.as_deref(), c.ring.as_deref(), c.usage);
    let user = ring_owner(owner)?;
    let cert_owner = c.cert_owner.clone().unwrap_or_else(|| owner.clone());
    // A USAGE other than the certificate's own category needs what another's certificate
    // needs (le-connect.htm).
    let mut needed = ring_level(ctx, FunctionKind::Connect, user, &cert_owner);
    if usage.is_some_and(|u| u != category_usage(&cert_owner)) {
        needed = needed.max(Access::Update);
    }
    authorize(ctx, FunctionKind::Connect, needed)?;
    // A USAGE that makes a certificate act as a CERTAUTH or SITE certificate it is not is, in
    // effect, adding one: the CONTROL to IRR.DIGTCERT.ADD that adding a CERTAUTH or SITE
    // certificate needs (IBM le-connect.htm names IRR.DIGTCERT.ADD beside
    // IRR.DIGTCERT.CONNECT and says "The USAGE keyword is powerful, and must be controlled").
    if usage.is_some_and(|u| u != Usage::Personal && u != category_usage(&cert_owner)) {
        authorize(ctx, FunctionKind::Add, Access::Control)?;
    }
    let (Some(label), Some(ring_name)) = (label, ring) else {
        return Err(Fail::from(m::irrd121i()));
    };
    ensure_user(ctx, &cert_owner)?;
    let Some(ring) = rings::get(ctx.tx, user, ring_name)? else {
        return Err(Fail::from(m::irrd114i(ring_name)));
    };
    let Some(cert) = certs::by_label(ctx.tx, &cert_owner, label)? else {
        return Err(Fail::from(m::irrd107i()));
    };
    let usage = usage.unwrap_or_else(|| category_usage(&cert_owner));
    rings::connect(ctx.tx, ring.id, cert.id, usage, c.default)?;
    Ok(Output::ok())
}

/// REMOVE: takes a certificate out of a ring (the certificate stays in RACF); IRRD114I for a
/// ring that does not exist, IRRD116I for a certificate not in the ring.
pub(crate) fn remove(ctx: &Ctx<'_, '_>, owner: &Owner, r: &Remove) -> Result<Output, Fail> {
    let (label, ring) = (r.label.as_deref(), r.ring.as_deref());
    let user = ring_owner(owner)?;
    let cert_owner = r.cert_owner.clone().unwrap_or_else(|| owner.clone());
    authorize(
        ctx,
        FunctionKind::Remove,
        ring_level(ctx, FunctionKind::Remove, user, &cert_owner),
    )?;
    let (Some(label), Some(ring_name)) = (label, ring) else {
        return Err(Fail::from(m::irrd121i()));
    };
    let Some(ring) = rings::get(ctx.tx, user, ring_name)? else {
        return Err(Fail::from(m::irrd114i(ring_name)));
    };
    let cert = certs::by_label(ctx.tx, &cert_owner, label)?;
    match cert {
        Some(c) if rings::remove(ctx.tx, ring.id, c.id)? => Ok(Output::ok()),
        _ => Err(Fail::from(m::irrd116i(label, ring_name, user))),
    }
}

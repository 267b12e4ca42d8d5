//! The RACDCERT functions on certificates RACF holds: LIST, LISTCHAIN, DELETE and ALTER
//! (RACF Command Language Reference, RACDCERT pages le-list, le-listch, le-alter; Security
//! Administrator's Guide, "Deleting a user certificate").

use crate::authority::{authorize, level_for};
use crate::issue::owner_status;
use crate::listing::listchain::ChainView;
use crate::listing::{self, CertDetails, CertView};
use crate::lookup::{chain_of, check_label, find_cert, owner_text, parse_info, rings_of};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::FunctionKind;
use racemu_command::{Alter, CertSelector};
use racemu_racf::{Owner, TrustStatus};
use racemu_store::certs::{self, CertRow};

/// What LIST shows of a certificate RACF holds for `owner`.
pub(crate) fn cert_view(ctx: &Ctx<'_, '_>, owner: &Owner, row: &CertRow) -> Result<CertView, Fail> {
    let info = parse_info(row)?;
    Ok(CertView {
        owner: owner.clone(),
        label: row.label.clone(),
        status: row.status,
        details: CertDetails::from(&info),
        private_key: row.private_key.is_some(),
        rings: rings_of(ctx, row.id)?,
    })
}

pub(crate) fn list(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: Option<&CertSelector>,
) -> Result<Output, Fail> {
    authorize(
        ctx,
        FunctionKind::List,
        level_for(ctx, FunctionKind::List, owner),
    )?;
    let rows = match sel {
        Some(_) => match find_cert(ctx, owner, sel)? {
            Some(r) => vec![r],
            None => return Ok(Output::from(m::irrd107i().with_rc(4))),
        },
        None => certs::by_owner(ctx.tx, owner)?,
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

pub(crate) fn listchain(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: &CertSelector,
) -> Result<Output, Fail> {
    authorize(
        ctx,
        FunctionKind::ListChain,
        level_for(ctx, FunctionKind::ListChain, owner),
    )?;
    let Some(first) = find_cert(ctx, owner, Some(sel))? else {
        return Ok(Output::from(m::irrd107i().with_rc(4)));
    };
    let chain = chain_of(ctx, first)?;
    let mut view = ChainView {
        certs: Vec::new(),
        complete: chain.complete,
        expired: false,
        notrust: false,
        common_rings: Vec::new(),
    };
    let mut common: Option<Vec<(String, String)>> = None;
    for row in &chain.rows {
        let cert = cert_view(ctx, &row.owner, row)?;
        view.expired |= cert.details.not_after < ctx.now;
        view.notrust |= row.status == TrustStatus::NoTrust;
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

pub(crate) fn delete(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: Option<&CertSelector>,
) -> Result<Output, Fail> {
    authorize(
        ctx,
        FunctionKind::Delete,
        level_for(ctx, FunctionKind::Delete, owner),
    )?;
    match find_cert(ctx, owner, sel)? {
        Some(c) => {
            certs::delete(ctx.tx, c.id)?;
            Ok(Output::ok())
        }
        None => Err(Fail::from(m::irrd107i())),
    }
}

/// ALTER: a certificate's new trust status and / or label (IRRD110I for a label the owner
/// already uses on another certificate).
pub(crate) fn alter(ctx: &Ctx<'_, '_>, owner: &Owner, a: &Alter) -> Result<Output, Fail> {
    let (sel, status, new_label) = (a.selector.as_ref(), a.status, a.new_label.as_deref());
    authorize(
        ctx,
        FunctionKind::Alter,
        level_for(ctx, FunctionKind::Alter, owner),
    )?;
    let Some(c) = find_cert(ctx, owner, sel)? else {
        return Err(Fail::from(m::irrd107i()));
    };
    if let Some(nl) = new_label {
        check_label(nl)?;
        if nl != c.label && certs::label_exists(ctx.tx, owner, nl)? {
            return Err(Fail::from(m::irrd110i(nl)));
        }
    }
    let status = status.map(|s| owner_status(owner, s));
    certs::alter(ctx.tx, c.id, status, new_label)?;
    Ok(Output::ok())
}

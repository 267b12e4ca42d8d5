//! ADDUSER / ALTUSER, LISTUSER and DELUSER.

use super::{credentials, julian, require_special, today};
use crate::authority::{group_authority_over, resource_access};
use crate::listing::{
    self,
    listuser::{ConnectView, UserEntry, UserView},
};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::UserSpec;
use racemu_racf::{Access, Owner};
use racemu_store::{certs, groups, rings, users};

pub(crate) fn adduser(ctx: &mut Ctx<'_, '_>, u: &UserSpec, alter: bool) -> Result<Output, Fail> {
    require_special(
        ctx,
        if alter {
            m::ich21010i()
        } else {
            m::ich01005i()
        },
    )?;
    let mut out = Vec::new();
    let mut failed = false;
    let mut warned = 0;
    for id in &u.ids {
        let existing = users::get(ctx.tx, id)?;
        let mut user = match (existing, alter) {
            (Some(_), false) => {
                out.push(m::ich01024i(id).line());
                failed = true;
                continue;
            }
            (None, true) => {
                out.push(m::ich21009i(id).line());
                failed = true;
                continue;
            }
            (Some(e), true) => e,
            (None, false) => users::User {
                userid: id.clone(),
                name: None,
                owner: ctx.issuer.to_string(),
                dfltgrp: "SYS1".into(),
                special: false,
                operations: false,
                auditor: false,
                restricted: false,
                created: today(ctx),
            },
        };
        if let Some(n) = &u.name {
            user.name = Some(n.clone());
        }
        if let Some(o) = &u.owner {
            user.owner = o.clone();
        }
        if let Some(g) = &u.dfltgrp {
            if !groups::exists(ctx.tx, g)? {
                out.push(m::ich01006i(g).line());
                failed = true;
                continue;
            }
            user.dfltgrp = g.clone();
        }
        user.special = u.special.unwrap_or(user.special);
        user.operations = u.operations.unwrap_or(user.operations);
        user.auditor = u.auditor.unwrap_or(user.auditor);
        user.restricted = u.restricted.unwrap_or(user.restricted);
        users::put(ctx.tx, &user)?;
        groups::connect(ctx.tx, &user.dfltgrp, id)?;
        warned = warned.max(credentials::apply(ctx, id, u, &mut out)?);
    }
    Ok(Output::new(out, if failed { 8 } else { warned }))
}

pub(crate) fn listuser(ctx: &mut Ctx<'_, '_>, ids: &[String]) -> Result<Output, Fail> {
    let ids: Vec<String> = if ids.is_empty() {
        vec![ctx.issuer.to_string()]
    } else {
        ids.to_vec()
    };
    let mut entries = Vec::new();
    let mut rc = 0;
    for id in &ids {
        let Some(u) = users::get(ctx.tx, id)? else {
            rc = m::ich30001i(id).rc;
            entries.push(UserEntry::NotFound(id.clone()));
            continue;
        };
        if !may_list(ctx, &u)? {
            // ICH30002I: "Command processing stops" (gk00443.htm).
            rc = m::ich30002i(id).rc;
            entries.push(UserEntry::NotAuthorized(id.clone()));
            break;
        }
        let shown = credentials::shown(ctx, id)?;
        let attributes = [
            (u.special, "SPECIAL"),
            (u.operations, "OPERATIONS"),
            (u.auditor, "AUDITOR"),
            (shown.revoked, "REVOKED"),
            (shown.protected, "PROTECTED"),
            (u.restricted, "RESTRICTED"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
        let mut connects = Vec::new();
        for g in users::groups(ctx.tx, id)? {
            let attributes = groups::members(ctx.tx, &g)?
                .into_iter()
                .find(|(m, _)| m == id)
                .map(|(_, a)| a)
                .unwrap_or_default();
            connects.push(ConnectView {
                group: g,
                attributes,
            });
        }
        entries.push(UserEntry::User(Box::new(UserView {
            userid: u.userid,
            name: u.name,
            owner: u.owner,
            created: julian(&u.created),
            dfltgrp: u.dfltgrp,
            passdate: shown.passdate,
            interval: shown.interval,
            phrasedate: shown.phrasedate,
            attributes,
            revoke_date: shown.revoke_date,
            resume_date: shown.resume_date,
            groups: connects,
        })));
    }
    Ok(Output::new(listing::listuser::listuser(&entries), rc))
}

/// Whether the issuer may list `target`'s BASE segment (RACF Command Language Reference,
/// LISTUSER, "Authorization required"; Security Administrator's Guide, paluia.htm): the
/// issuer is the user, has SPECIAL or AUDITOR, owns the profile, has group-SPECIAL or
/// group-AUDITOR over the group that owns it ([`group_authority_over`]), or has READ to
/// FACILITY IRR.LISTUSER, which does not reach a user with SPECIAL, AUDITOR or OPERATIONS.
fn may_list(ctx: &Ctx<'_, '_>, target: &users::User) -> Result<bool, Fail> {
    if target.userid == ctx.issuer || target.owner == ctx.issuer {
        return Ok(true);
    }
    if users::get(ctx.tx, ctx.issuer)?.is_some_and(|u| u.special || u.auditor) {
        return Ok(true);
    }
    if group_authority_over(ctx.tx, ctx.issuer, &target.owner)? {
        return Ok(true);
    }
    let privileged = target.special || target.auditor || target.operations;
    Ok(!privileged
        && matches!(
            resource_access(ctx.tx, ctx.issuer, "FACILITY", "IRR.LISTUSER")?,
            Some(a) if a >= Access::Read
        ))
}

pub(crate) fn deluser(ctx: &mut Ctx<'_, '_>, ids: &[String]) -> Result<Output, Fail> {
    require_special(ctx, m::ich04010i())?;
    let mut out = Vec::new();
    let mut rc = 0;
    for id in ids {
        if !users::delete(ctx.tx, id)? {
            out.push(m::ich04001i(id).line());
            rc = 8;
            continue;
        }
        // As in RACF, the user's certificates, key rings and certificate name filters go with
        // the user (le-delete.htm).
        certs::delete_owner(ctx.tx, &Owner::User(id.to_string()))?;
        rings::delete_owner(ctx.tx, id)?;
        racemu_store::maps::delete_owner(ctx.tx, &racemu_racf::MapOwner::User(id.to_string()))?;
    }
    Ok(Output::new(out, rc))
}

//! ADDGROUP, CONNECT and LISTGRP.

use super::{julian, require_special, today};
use crate::authority::{accept_user_id, group_authority_over};
use crate::listing::{
    self,
    listgrp::{GroupEntry, GroupView},
};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::{GroupConnect, GroupSpec};
use racemu_store::{groups, users};

/// ADDGROUP: OWNER defaults to the issuer and SUPGROUP to the issuer's current connect group
/// (in batch, the default group; SYS1 for a user racemu has never seen).
pub(crate) fn addgroup(ctx: &mut Ctx<'_, '_>, g: &GroupSpec) -> Result<Output, Fail> {
    require_special(ctx, m::ich00005i())?;
    let current = users::get(ctx.tx, ctx.issuer)?
        .map(|u| u.dfltgrp)
        .unwrap_or_else(|| "SYS1".into());
    let mut out = Vec::new();
    let mut rc = 0;
    for name in &g.groups {
        if groups::exists(ctx.tx, name)? {
            out.push(m::ich00006i(name).line());
            rc = 8;
            continue;
        }
        let owner = g.owner.clone().unwrap_or_else(|| ctx.issuer.to_string());
        groups::add(
            ctx.tx,
            &groups::Group {
                name: name.clone(),
                owner,
                supgroup: Some(g.supgroup.clone().unwrap_or_else(|| current.clone())),
                data: g.data.clone(),
                created: today(ctx),
            },
        )?;
    }
    Ok(Output::new(out, rc))
}

pub(crate) fn connect_group(ctx: &mut Ctx<'_, '_>, c: &GroupConnect) -> Result<Output, Fail> {
    require_special(ctx, m::ich02006i())?;
    let group = c.group.clone().unwrap_or_else(|| "SYS1".into());
    if !groups::exists(ctx.tx, &group)? {
        // Decks connect to groups they never define: define it, as for undefined users.
        groups::add(
            ctx.tx,
            &groups::Group {
                name: group.clone(),
                owner: ctx.issuer.to_string(),
                supgroup: Some("SYS1".into()),
                data: None,
                created: today(ctx),
            },
        )?;
    }
    let mut out = Vec::new();
    let mut rc = 0;
    for id in &c.ids {
        if !accept_user_id(ctx, id)? {
            let refused = m::ich02003i(id);
            rc = refused.rc;
            out.push(refused.line());
            continue;
        }
        groups::connect(ctx.tx, &group, id)?;
        if !c.attributes.is_empty() {
            let current = groups::members(ctx.tx, &group)?
                .into_iter()
                .find(|(u, _)| u == id)
                .map(|(_, a)| a)
                .unwrap_or_default();
            let mut on: Vec<&str> = current.split_whitespace().collect();
            for (attr, set) in &c.attributes {
                on.retain(|a| a != attr);
                if *set {
                    on.push(attr);
                }
            }
            // RACF's order: SPECIAL OPERATIONS AUDITOR.
            let ordered: Vec<&str> = ["SPECIAL", "OPERATIONS", "AUDITOR"]
                .into_iter()
                .filter(|a| on.contains(a))
                .collect();
            groups::set_connect_attributes(ctx.tx, &group, id, &ordered.join(" "))?;
        }
    }
    Ok(Output::new(out, rc))
}

/// LISTGRP: the BASE segment of each group in RACF's layout (the IRRSMO00 capture of
/// `LISTGRP TESTGRP0` in IBM's pyRACF tests). Unknown groups give `ICH51003I NAME NOT FOUND
/// IN RACF DATA SET` and RC 4; a group the issuer may not list gives ICH32002I and RC 8. The
/// issuer may list a group with SPECIAL or AUDITOR, as its owner, or with group-SPECIAL or
/// group-AUDITOR in it or in a group that owns it ([`group_authority_over`]).
pub(crate) fn listgrp(ctx: &mut Ctx<'_, '_>, names: &[String]) -> Result<Output, Fail> {
    let names: Vec<String> = if names.iter().any(|n| n == "*") {
        groups::names(ctx.tx)?
    } else if names.is_empty() {
        vec![users::get(ctx.tx, ctx.issuer)?
            .map(|u| u.dfltgrp)
            .unwrap_or_else(|| "SYS1".into())]
    } else {
        names.to_vec()
    };
    let issuer = users::get(ctx.tx, ctx.issuer)?;
    let privileged = issuer.as_ref().is_some_and(|u| u.special || u.auditor);
    let mut entries = Vec::new();
    let mut rc = 0;
    for name in &names {
        let Some(g) = groups::get(ctx.tx, name)? else {
            rc = rc.max(m::ich51003i().rc);
            entries.push(GroupEntry::NotFound);
            continue;
        };
        if !privileged
            && g.owner != ctx.issuer
            && !group_authority_over(ctx.tx, ctx.issuer, &g.name)?
        {
            rc = rc.max(m::ich32002i(name).rc);
            entries.push(GroupEntry::NotAuthorized(name.clone()));
            continue;
        }
        entries.push(GroupEntry::Group(GroupView {
            subgroups: groups::subgroups(ctx.tx, &g.name)?,
            members: groups::members(ctx.tx, &g.name)?,
            created: julian(&g.created),
            name: g.name,
            supgroup: g.supgroup,
            owner: g.owner,
            data: g.data,
        }));
    }
    Ok(Output::new(listing::listgrp::listgrp(&entries), rc))
}

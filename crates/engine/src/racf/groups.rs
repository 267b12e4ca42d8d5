//! ADDGROUP, CONNECT and LISTGRP.

use super::{require_special, today};
use crate::{Ctx, Fail, Output};
use racemu_command::{GroupConnect, GroupSpec};
use racemu_store::groups;

pub(crate) fn addgroup(ctx: &mut Ctx<'_, '_>, g: &GroupSpec) -> Result<Output, Fail> {
    require_special(ctx, "ICH00005I NOT AUTHORIZED TO ADD GROUP".into())?;
    let mut out = Vec::new();
    let mut rc = 0;
    for name in &g.groups {
        if groups::exists(ctx.tx, name)? {
            out.push(format!("ICH02004I GROUP {name} ALREADY DEFINED"));
            rc = 8;
            continue;
        }
        let owner = g.owner.clone().unwrap_or_else(|| ctx.issuer.to_string());
        groups::add(
            ctx.tx,
            &groups::Group {
                name: name.clone(),
                owner,
                supgroup: Some(g.supgroup.clone().unwrap_or_else(|| "SYS1".into())),
                data: g.data.clone(),
                created: today(ctx),
            },
        )?;
    }
    Ok(Output::new(out, rc))
}

pub(crate) fn connect_group(ctx: &mut Ctx<'_, '_>, c: &GroupConnect) -> Result<Output, Fail> {
    require_special(ctx, "ICH00005I NOT AUTHORIZED TO CONNECT".into())?;
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
    for id in &c.ids {
        groups::connect(ctx.tx, &group, id)?;
    }
    Ok(Output::ok())
}

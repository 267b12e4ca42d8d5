//! ADDGROUP, CONNECT and LISTGRP.

use super::{julian, require_special, today};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::{GroupConnect, GroupSpec};
use racemu_store::{groups, users};

/// ADDGROUP: OWNER defaults to the issuer and SUPGROUP to the issuer's current connect group
/// (in batch, the default group; SYS1 for a user racemu has never seen).
pub(crate) fn addgroup(ctx: &mut Ctx<'_, '_>, g: &GroupSpec) -> Result<Output, Fail> {
    require_special(ctx, m::ich00005i("ADD GROUP"))?;
    let current = users::get(ctx.tx, ctx.issuer)?
        .map(|u| u.dfltgrp)
        .unwrap_or_else(|| "SYS1".into());
    let mut out = Vec::new();
    let mut rc = 0;
    for name in &g.groups {
        if groups::exists(ctx.tx, name)? {
            out.push(m::ich02004i(name).line());
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
    require_special(ctx, m::ich00005i("CONNECT"))?;
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
    Ok(Output::ok())
}

/// LISTGRP: the BASE segment of each group in RACF's layout (the IRRSMO00 capture of
/// `LISTGRP TESTGRP0` in IBM's pyRACF tests). Unknown groups give `ICH51003I NAME NOT FOUND
/// IN RACF DATA SET` and RC 4; a group the issuer may not list gives ICH32002I and RC 8.
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
    let mut out = Vec::new();
    let mut rc = 0;
    for name in &names {
        let Some(g) = groups::get(ctx.tx, name)? else {
            out.push(m::ich51003i().line());
            rc = rc.max(4);
            continue;
        };
        if !privileged && g.owner != ctx.issuer {
            out.push(m::ich32002i(name).line());
            rc = rc.max(8);
            continue;
        }
        if out
            .iter()
            .any(|l: &String| l.starts_with("INFORMATION FOR GROUP"))
        {
            out.push(String::new());
        }
        out.extend(group_listing(ctx, &g)?);
    }
    Ok(Output::new(out, rc))
}

/// The lines LISTGRP prints for one group.
fn group_listing(ctx: &Ctx<'_, '_>, g: &groups::Group) -> Result<Vec<String>, Fail> {
    let mut out = vec![
        format!("INFORMATION FOR GROUP {}", g.name),
        format!(
            "    SUPERIOR GROUP={:<8}     OWNER={:<8}    CREATED={}",
            g.supgroup.as_deref().unwrap_or("NONE"),
            g.owner,
            julian(&g.created)
        ),
        match &g.data {
            Some(d) => format!("    INSTALLATION DATA={d}"),
            None => "    NO INSTALLATION DATA".into(),
        },
        "    NO MODEL DATA SET".into(),
        "    TERMUACC".into(),
    ];
    let subgroups = groups::subgroups(ctx.tx, &g.name)?;
    if subgroups.is_empty() {
        out.push("    NO SUBGROUPS".into());
    }
    // Six names a line, each in nine columns; continuation lines as in a z/OS capture of
    // `LG SYS1`.
    for (i, chunk) in subgroups.chunks(6).enumerate() {
        let names: Vec<String> = chunk.iter().map(|n| format!("{n:<8}")).collect();
        let lead = if i == 0 {
            "    SUBGROUP(S)= "
        } else {
            "                "
        };
        out.push(format!("{lead}{}", names.join(" ")).trim_end().to_string());
    }
    let members = groups::members(ctx.tx, &g.name)?;
    if members.is_empty() {
        out.push("    NO USERS".into());
    } else {
        out.push("    USER(S)=      ACCESS=      ACCESS COUNT=      UNIVERSAL ACCESS=".into());
    }
    for (m, attributes) in members {
        out.push(format!(
            "      {m:<8}      {:<8}      {:06}               {}",
            "USE", 0, "NONE"
        ));
        out.push(format!(
            "         CONNECT ATTRIBUTES={}",
            if attributes.is_empty() {
                "NONE"
            } else {
                &attributes
            }
        ));
        out.push("         REVOKE DATE=NONE                 RESUME DATE=NONE".into());
    }
    Ok(out)
}

//! ADDUSER / ALTUSER, LISTUSER and DELUSER.

use super::{credentials, julian, require_special, today};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::UserSpec;
use racemu_store::{certs, groups, rings, users};

pub(crate) fn adduser(ctx: &mut Ctx<'_, '_>, u: &UserSpec, alter: bool) -> Result<Output, Fail> {
    require_special(
        ctx,
        m::ich00005i(if alter { "ALTER USER" } else { "ADD USER" }),
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
                out.push(m::ich21001i(id).line());
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
    let mut out = Vec::new();
    let mut rc = 0;
    for id in &ids {
        let Some(u) = users::get(ctx.tx, id)? else {
            out.push(m::ich30001i(id).line());
            rc = 4;
            continue;
        };
        let mut attrs = Vec::new();
        if u.special {
            attrs.push("SPECIAL");
        }
        if u.operations {
            attrs.push("OPERATIONS");
        }
        if u.auditor {
            attrs.push("AUDITOR");
        }
        let shown = credentials::shown(ctx, id)?;
        if shown.revoked {
            attrs.push("REVOKED");
        }
        if shown.protected {
            attrs.push("PROTECTED");
        }
        if u.restricted {
            attrs.push("RESTRICTED");
        }
        let created = julian(&u.created);
        out.push(format!(
            "USER={:<8} NAME={:<20} OWNER={:<8}  CREATED={created}",
            u.userid,
            u.name.clone().unwrap_or_else(|| "UNKNOWN".into()),
            u.owner,
        ));
        out.push(format!(
            " DEFAULT-GROUP={:<8} PASSDATE={:<6} PASS-INTERVAL={} PHRASEDATE={}",
            u.dfltgrp, shown.passdate, shown.interval, shown.phrasedate
        ));
        out.push(format!(
            " ATTRIBUTES={}",
            if attrs.is_empty() {
                "NONE".to_string()
            } else {
                attrs.join(" ")
            }
        ));
        out.push(format!(
            " REVOKE DATE={}   RESUME DATE={}",
            shown.revoke_date, shown.resume_date
        ));
        out.push(" LAST-ACCESS=UNKNOWN".into());
        out.push(" CLASS AUTHORIZATIONS=NONE".into());
        out.push(" NO-INSTALLATION-DATA".into());
        out.push(" NO-MODEL-NAME".into());
        out.push(" LOGON ALLOWED   (DAYS)          (TIME)".into());
        out.push(" ---------------------------------------------".into());
        out.push(" ANYDAY                          ANYTIME".into());
        for g in users::groups(ctx.tx, id)? {
            out.push(format!(
                "  GROUP={g:<8}  AUTH=USE      CONNECT-OWNER={:<8}  CONNECT-DATE={created}",
                u.owner
            ));
            out.push("    CONNECTS=    00  UACC=NONE     LAST-CONNECT=UNKNOWN".into());
            let attributes = groups::members(ctx.tx, &g)?
                .into_iter()
                .find(|(m, _)| m == id)
                .map(|(_, a)| a)
                .filter(|a| !a.is_empty())
                .unwrap_or_else(|| "NONE".into());
            out.push(format!("    CONNECT ATTRIBUTES={attributes}"));
            out.push("    REVOKE DATE=NONE   RESUME DATE=NONE".into());
        }
        out.push("SECURITY-LEVEL=NONE SPECIFIED".into());
        out.push("CATEGORY-AUTHORIZATION".into());
        out.push(" NONE SPECIFIED".into());
        out.push("SECURITY-LABEL=NONE SPECIFIED".into());
    }
    Ok(Output::new(out, rc))
}

pub(crate) fn deluser(ctx: &mut Ctx<'_, '_>, ids: &[String]) -> Result<Output, Fail> {
    require_special(ctx, m::ich00005i("DELETE USER"))?;
    let mut out = Vec::new();
    let mut rc = 0;
    for id in ids {
        if !users::delete(ctx.tx, id)? {
            out.push(m::ich04001i(id).line());
            rc = 8;
            continue;
        }
        // As in RACF, the user's certificates and key rings go with the user.
        certs::delete_owner(ctx.tx, id)?;
        rings::delete_owner(ctx.tx, id)?;
    }
    Ok(Output::new(out, rc))
}

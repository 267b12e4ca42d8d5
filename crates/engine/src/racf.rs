//! SETROPTS, RDEFINE/RALTER/RDELETE, PERMIT, RLIST and the user commands (reference §8, §9).

use crate::authority::{is_generic, is_special, resource_access};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::{
    Access, GroupConnect, GroupSpec, Permit, Rdefine, Rdelete, Rlist, Setropts, UserSpec,
};
use racemu_store::{certs, groups, profiles, rings, users};

fn today(ctx: &Ctx<'_, '_>) -> String {
    let d = ctx.now.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn require_special(ctx: &Ctx<'_, '_>, msg: String) -> Result<(), Fail> {
    if is_special(ctx.tx, ctx.issuer)? {
        Ok(())
    } else {
        Err(Fail::msg(msg, 8))
    }
}

pub(crate) fn setropts(ctx: &mut Ctx<'_, '_>, s: &Setropts) -> Result<Output, Fail> {
    require_special(ctx, "ICH14002I NOT AUTHORIZED TO ISSUE SETROPTS".into())?;
    let mut out = Vec::new();
    type Set = fn(&mut profiles::ClassOptions);
    let flags: [(&[String], Set); 5] = [
        (&s.classact, |o| o.active = true),
        (&s.noclassact, |o| o.active = false),
        (&s.generic, |o| o.generic = true),
        (&s.nogeneric, |o| o.generic = false),
        (&s.gencmd, |o| o.gencmd = true),
    ];
    for (classes, set) in flags {
        for c in classes {
            let mut o = profiles::class_options(ctx.tx, c)?;
            set(&mut o);
            profiles::set_class_options(ctx.tx, c, o)?;
        }
    }
    for c in &s.raclist {
        let mut o = profiles::class_options(ctx.tx, c)?;
        if s.refresh {
            if !o.active {
                out.push(m::ich14041i(c));
            } else if !o.raclisted {
                out.push(m::ich14070i(c));
            } else {
                profiles::snapshot(ctx.tx, c)?;
            }
        } else {
            o.raclisted = true;
            profiles::set_class_options(ctx.tx, c, o)?;
            profiles::snapshot(ctx.tx, c)?;
        }
    }
    for c in &s.noraclist {
        let mut o = profiles::class_options(ctx.tx, c)?;
        o.raclisted = false;
        profiles::set_class_options(ctx.tx, c, o)?;
        profiles::drop_snapshot(ctx.tx, c)?;
    }
    for opt in &s.other {
        let key = opt.split('(').next().unwrap_or(opt);
        profiles::set_option(ctx.tx, key, opt)?;
    }
    if s.list {
        out.extend(setropts_list(ctx)?);
    }
    Ok(Output::new(out, 0))
}

fn setropts_list(ctx: &Ctx<'_, '_>) -> Result<Vec<String>, Fail> {
    let all = profiles::all_class_options(ctx.tx)?;
    let names = |f: &dyn Fn(&profiles::ClassOptions) -> bool| -> String {
        let v: Vec<&str> = all
            .iter()
            .filter(|(_, o)| f(o))
            .map(|(c, _)| c.as_str())
            .collect();
        if v.is_empty() {
            "NONE".into()
        } else {
            v.join(" ")
        }
    };
    Ok(vec![
        "ATTRIBUTES = INITSTATS WHEN(PROGRAM -- BASIC)".into(),
        format!("ACTIVE CLASSES = {}", names(&|o| o.active)),
        format!("GENERIC PROFILE CLASSES = {}", names(&|o| o.generic)),
        format!("GENERIC COMMAND CLASSES = {}", names(&|o| o.gencmd)),
        format!("GENLIST CLASSES = NONE"),
        format!("GLOBAL CHECKING CLASSES = NONE"),
        format!("SETR RACLIST CLASSES = {}", names(&|o| o.raclisted)),
    ])
}

/// Whether the issuer may define or change profiles of a class: SPECIAL, or the owner.
fn can_change(ctx: &Ctx<'_, '_>, owner: Option<&str>) -> Result<bool, Fail> {
    Ok(is_special(ctx.tx, ctx.issuer)? || owner == Some(ctx.issuer))
}

pub(crate) fn rdefine(ctx: &mut Ctx<'_, '_>, r: &Rdefine, alter: bool) -> Result<Output, Fail> {
    let mut out = Vec::new();
    let opts = profiles::class_options(ctx.tx, &r.class)?;
    let mut changed = false;
    let mut failed = false;
    for name in &r.profiles {
        let existing = profiles::get(ctx.tx, &r.class, name)?;
        if alter {
            let Some(mut p) = existing else {
                out.push(format!(
                    "ICH11102I {name} NOT DEFINED TO CLASS {}.",
                    r.class
                ));
                failed = true;
                continue;
            };
            if !can_change(ctx, Some(&p.owner))? {
                out.push(format!("ICH11103I NOT AUTHORIZED TO ALTER {name}."));
                failed = true;
                continue;
            }
            if let Some(u) = r.uacc {
                p.uacc = u.keyword().into();
            }
            if let Some(o) = &r.owner {
                p.owner = o.clone();
            }
            if r.data.is_some() {
                p.data = r.data.clone();
            }
            if r.appldata.is_some() {
                p.appldata = r.appldata.clone();
            }
            if let Some(w) = r.warning {
                p.warning = w;
            }
            profiles::put(ctx.tx, &p)?;
            changed = true;
        } else {
            if !is_special(ctx.tx, ctx.issuer)? {
                out.push(m::ich10103i(name));
                failed = true;
                continue;
            }
            if existing.is_some() {
                out.push(m::ich10102i(name, &r.class));
                failed = true;
                continue;
            }
            profiles::put(
                ctx.tx,
                &profiles::Profile {
                    class: r.class.clone(),
                    name: name.clone(),
                    generic: is_generic(name),
                    owner: r.owner.clone().unwrap_or_else(|| ctx.issuer.to_string()),
                    uacc: r.uacc.unwrap_or(Access::None).keyword().into(),
                    data: r.data.clone(),
                    appldata: r.appldata.clone(),
                    warning: r.warning.unwrap_or(false),
                    other: r.other.join(" "),
                    created: today(ctx),
                },
            )?;
            changed = true;
        }
    }
    if changed && opts.raclisted {
        out.push(if alter {
            m::ich11009i(&r.class)
        } else {
            m::ich10006i(&r.class)
        });
    }
    Ok(Output::new(out, if failed { 8 } else { 0 }))
}

pub(crate) fn rdelete(ctx: &mut Ctx<'_, '_>, r: &Rdelete) -> Result<Output, Fail> {
    let mut out = Vec::new();
    let mut changed = false;
    let mut failed = false;
    for name in &r.profiles {
        match profiles::get(ctx.tx, &r.class, name)? {
            None => {
                out.push(m::ich12102i(name, &r.class));
                failed = true;
            }
            Some(p) if !can_change(ctx, Some(&p.owner))? => {
                out.push(m::ich12103i(name));
                failed = true;
            }
            Some(_) => {
                profiles::delete(ctx.tx, &r.class, name)?;
                changed = true;
            }
        }
    }
    if changed && profiles::class_options(ctx.tx, &r.class)?.raclisted {
        out.push(m::ich12002i(&r.class));
    }
    Ok(Output::new(out, if failed { 8 } else { 0 }))
}

pub(crate) fn permit(ctx: &mut Ctx<'_, '_>, p: &Permit) -> Result<Output, Fail> {
    let mut out = Vec::new();
    let mut changed = false;
    let mut failed = false;
    for name in &p.profiles {
        let Some(prof) = profiles::get(ctx.tx, &p.class, name)? else {
            out.push(m::ich06004i(name));
            failed = true;
            continue;
        };
        if !can_change(ctx, Some(&prof.owner))? {
            out.push(format!(
                "ICH06002I NOT AUTHORIZED TO ISSUE PERMIT FOR {name}"
            ));
            failed = true;
            continue;
        }
        if p.reset {
            profiles::reset(ctx.tx, &p.class, name)?;
            changed = true;
        }
        if let Some(from) = &p.from {
            let fclass = p.fclass.clone().unwrap_or_else(|| p.class.clone());
            for e in profiles::access_list(ctx.tx, &fclass, from)? {
                profiles::permit(ctx.tx, &p.class, name, &e.id, &e.access)?;
            }
            changed = true;
        }
        for id in &p.ids {
            if p.delete {
                if profiles::unpermit(ctx.tx, &p.class, name, id)? {
                    changed = true;
                } else {
                    out.push(m::ich06007i(id));
                }
            } else {
                let access = p.access.unwrap_or(Access::Read);
                profiles::permit(ctx.tx, &p.class, name, id, access.keyword())?;
                changed = true;
            }
        }
    }
    if changed && profiles::class_options(ctx.tx, &p.class)?.raclisted {
        out.push(m::ich06011i(&p.class));
    }
    Ok(Output::new(out, if failed { 8 } else { 0 }))
}

/// The DIGTCERT / DIGTRING profiles RACDCERT keeps (reference §0.2, §0.3): one per
/// certificate (`serial.issuer`, UACC encoding the status, APPLDATA the owning user ID, owner
/// the user who created it) and one per ring (`owner.ring`).
fn racdcert_profiles(
    ctx: &Ctx<'_, '_>,
    class: &str,
) -> Result<Option<Vec<profiles::Profile>>, Fail> {
    let make =
        |name: String, owner: String, uacc: &str, appldata: Option<String>| profiles::Profile {
            class: class.to_string(),
            name,
            generic: false,
            owner,
            uacc: uacc.to_string(),
            data: None,
            appldata,
            warning: false,
            other: String::new(),
            created: today(ctx),
        };
    Ok(match class {
        "DIGTCERT" => Some(
            certs::profiles(ctx.tx)?
                .into_iter()
                .map(|(name, creator, status, owner)| {
                    let uacc = match status.as_str() {
                        "TRUST" => "READ",
                        "HIGHTRUST" => "CONTROL",
                        _ => "NONE",
                    };
                    make(name, creator, uacc, Some(owner))
                })
                .collect(),
        ),
        "DIGTRING" => Some(
            rings::all(ctx.tx)?
                .into_iter()
                .map(|r| make(format!("{}.{}", r.owner, r.name), r.owner, "NONE", None))
                .collect(),
        ),
        _ => None,
    })
}

pub(crate) fn rlist(ctx: &mut Ctx<'_, '_>, r: &Rlist) -> Result<Output, Fail> {
    let mut out = Vec::new();
    let digt = racdcert_profiles(ctx, &r.class)?;
    let names: Vec<String> = match (&digt, r.profiles.iter().any(|p| p == "*")) {
        (Some(all), true) => all.iter().map(|p| p.name.clone()).collect(),
        (None, true) => profiles::in_class(ctx.tx, &r.class)?
            .into_iter()
            .map(|p| p.name)
            .collect(),
        (_, false) => r.profiles.clone(),
    };
    if names.is_empty() {
        return Ok(Output::new(vec!["ICH13004I NOTHING TO LIST".into()], 4));
    }
    let special = is_special(ctx.tx, ctx.issuer)?;
    let mut rc = 0;
    for (i, name) in names.iter().enumerate() {
        let found = match &digt {
            // RACDCERT's profile names keep their case; RLIST operands are folded.
            Some(all) => all
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name))
                .cloned(),
            None => profiles::get(ctx.tx, &r.class, name)?,
        };
        let Some(p) = found else {
            out.push(m::ich13003i(name));
            rc = 4;
            continue;
        };
        if i > 0 {
            out.push(String::new());
        }
        let your = if special || p.owner == ctx.issuer {
            Access::Alter
        } else {
            resource_access(ctx.tx, ctx.issuer, &r.class, name)?.unwrap_or(Access::None)
        };
        out.push("CLASS      NAME".into());
        out.push("-----      ----".into());
        out.push(format!(
            "{:<8}   {}{}",
            p.class,
            p.name,
            if p.generic { " (G)" } else { "" }
        ));
        out.push(String::new());
        out.push("LEVEL  OWNER      UNIVERSAL ACCESS  YOUR ACCESS  WARNING".into());
        out.push("-----  --------   ----------------  -----------  -------".into());
        out.push(format!(
            " {:02}    {:<8}{:>12}{:>19}    {}",
            0,
            p.owner,
            p.uacc,
            your.keyword(),
            if p.warning { "YES" } else { "NO" }
        ));
        out.push(String::new());
        out.push("INSTALLATION DATA".into());
        out.push("-----------------".into());
        out.push(p.data.clone().unwrap_or_else(|| "NONE".into()));
        out.push(String::new());
        out.push("APPLICATION DATA".into());
        out.push("----------------".into());
        out.push(p.appldata.clone().unwrap_or_else(|| "NONE".into()));
        out.push(String::new());
        if r.all {
            for (h, v) in [
                ("SECLEVEL", "NO SECLEVEL"),
                ("CATEGORIES", "NO CATEGORIES"),
                ("SECLABEL", "NO SECLABEL"),
            ] {
                out.push(h.into());
                out.push("-".repeat(h.len()));
                out.push(v.into());
                out.push(String::new());
            }
        }
        out.push("AUDITING".into());
        out.push("--------".into());
        out.push("FAILURES(READ)".into());
        out.push(String::new());
        out.push("NOTIFY".into());
        out.push("------".into());
        out.push("NO USER TO BE NOTIFIED".into());
        out.push(String::new());
        // The access list is shown with AUTHUSER or ALL (reference §9.1 layout).
        if r.all || r.authuser {
            let list = profiles::access_list(ctx.tx, &r.class, name)?;
            out.push("USER      ACCESS   ACCESS COUNT".into());
            out.push("----      ------   ------ -----".into());
            if list.is_empty() {
                out.push("NO USERS IN ACCESS LIST".into());
            }
            for e in &list {
                out.push(format!("{:<8}  {:<8}    {:06}", e.id, e.access, e.count));
            }
        } else if out.last().is_some_and(|l| l.is_empty()) {
            out.pop();
        }
    }
    Ok(Output::new(out, rc))
}

pub(crate) fn adduser(ctx: &mut Ctx<'_, '_>, u: &UserSpec, alter: bool) -> Result<Output, Fail> {
    require_special(
        ctx,
        format!(
            "ICH00005I NOT AUTHORIZED TO {} USER",
            if alter { "ALTER" } else { "ADD" }
        ),
    )?;
    let mut out = Vec::new();
    let mut failed = false;
    for id in &u.ids {
        let existing = users::get(ctx.tx, id)?;
        let mut user = match (existing, alter) {
            (Some(_), false) => {
                out.push(format!("ICH01024I USER {id} IS ALREADY DEFINED"));
                failed = true;
                continue;
            }
            (None, true) => {
                out.push(format!("ICH21001I {id} NOT DEFINED TO RACF"));
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
                out.push(format!("ICH01006I GROUP {g} NOT DEFINED TO RACF"));
                failed = true;
                continue;
            }
            user.dfltgrp = g.clone();
        }
        user.special = u.special.unwrap_or(user.special);
        user.operations = u.operations.unwrap_or(user.operations);
        user.auditor = u.auditor.unwrap_or(user.auditor);
        users::put(ctx.tx, &user)?;
        groups::connect(ctx.tx, &user.dfltgrp, id)?;
    }
    Ok(Output::new(out, if failed { 8 } else { 0 }))
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
            out.push(m::ich30001i(id));
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
        let created = julian(&u.created);
        out.push(format!(
            "USER={:<8} NAME={:<20} OWNER={:<8}  CREATED={created}",
            u.userid,
            u.name.clone().unwrap_or_else(|| "UNKNOWN".into()),
            u.owner,
        ));
        out.push(format!(
            " DEFAULT-GROUP={:<8} PASSDATE=N/A    PASS-INTERVAL=N/A PHRASEDATE=N/A",
            u.dfltgrp
        ));
        out.push(format!(
            " ATTRIBUTES={}",
            if attrs.is_empty() {
                "NONE".to_string()
            } else {
                attrs.join(" ")
            }
        ));
        out.push(" REVOKE DATE=NONE   RESUME DATE=NONE".into());
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
            out.push("    CONNECT ATTRIBUTES=NONE".into());
            out.push("    REVOKE DATE=NONE   RESUME DATE=NONE".into());
        }
        out.push("SECURITY-LEVEL=NONE SPECIFIED".into());
        out.push("CATEGORY-AUTHORIZATION".into());
        out.push(" NONE SPECIFIED".into());
        out.push("SECURITY-LABEL=NONE SPECIFIED".into());
    }
    Ok(Output::new(out, rc))
}

/// `yyyy-mm-dd` → RACF's `yy.ddd`; anything else (the initial IBMUSER) → `00.000`.
fn julian(date: &str) -> String {
    let parts: Vec<i32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    if let [y, m, d] = parts[..] {
        if let Ok(month) = time::Month::try_from(m as u8) {
            if let Ok(dt) = time::Date::from_calendar_date(y, month, d as u8) {
                return format!("{:02}.{:03}", y % 100, dt.ordinal());
            }
        }
    }
    "00.000".into()
}

pub(crate) fn deluser(ctx: &mut Ctx<'_, '_>, ids: &[String]) -> Result<Output, Fail> {
    require_special(ctx, "ICH00005I NOT AUTHORIZED TO DELETE USER".into())?;
    let mut out = Vec::new();
    let mut rc = 0;
    for id in ids {
        if !users::delete(ctx.tx, id)? {
            out.push(format!("ICH04001I {id} NOT DEFINED TO RACF"));
            rc = 8;
            continue;
        }
        // As in RACF, the user's certificates and key rings go with the user.
        certs::delete_owner(ctx.tx, id)?;
        rings::delete_owner(ctx.tx, id)?;
    }
    Ok(Output::new(out, rc))
}

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
            name,
            &owner,
            g.supgroup.as_deref().or(Some("SYS1")),
            &today(ctx),
        )?;
    }
    Ok(Output::new(out, rc))
}

pub(crate) fn connect_group(ctx: &mut Ctx<'_, '_>, c: &GroupConnect) -> Result<Output, Fail> {
    require_special(ctx, "ICH00005I NOT AUTHORIZED TO CONNECT".into())?;
    let group = c.group.clone().unwrap_or_else(|| "SYS1".into());
    if !groups::exists(ctx.tx, &group)? {
        // Decks connect to groups they never define: define it, as for undefined users.
        groups::add(ctx.tx, &group, ctx.issuer, Some("SYS1"), &today(ctx))?;
    }
    for id in &c.ids {
        groups::connect(ctx.tx, &group, id)?;
    }
    Ok(Output::ok())
}

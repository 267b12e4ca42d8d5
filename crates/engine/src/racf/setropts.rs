//! SETROPTS.

use crate::listing::{self, setropts::SetroptsView};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::{ProtectAll, Setropts};
use racemu_store::{profiles, setropts, users};

/// Whether the issuer has group-SPECIAL or group-AUDITOR in any group.
fn group_attribute_anywhere(ctx: &Ctx<'_, '_>) -> Result<bool, Fail> {
    for g in users::groups(ctx.tx, ctx.issuer)? {
        if crate::authority::group_special_or_auditor(ctx.tx, ctx.issuer, &g)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The keywords of a SETROPTS command other than LIST, by name, in RACF's order.
fn change_keywords(s: &Setropts) -> Vec<&str> {
    let lists: [(&[String], &str); 7] = [
        (&s.classact, "CLASSACT"),
        (&s.noclassact, "NOCLASSACT"),
        (&s.raclist, "RACLIST"),
        (&s.noraclist, "NORACLIST"),
        (&s.generic, "GENERIC"),
        (&s.nogeneric, "NOGENERIC"),
        (&s.gencmd, "GENCMD"),
    ];
    let mut names: Vec<&str> = lists
        .into_iter()
        .filter(|(classes, _)| !classes.is_empty())
        .map(|(_, name)| name)
        .collect();
    if s.refresh {
        names.push("REFRESH");
    }
    if s.password_interval.is_some() || s.password_revoke.is_some() {
        names.push("PASSWORD");
    }
    match s.protectall {
        Some(Some(_)) => names.push("PROTECTALL"),
        Some(None) => names.push("NOPROTECTALL"),
        None => {}
    }
    names.extend(s.other.iter().map(|o| o.split('(').next().unwrap_or(o)));
    names
}

/// SETROPTS. Only a SPECIAL issuer may change options; LIST also needs AUDITOR, or
/// group-SPECIAL or group-AUDITOR in some group (UNCONFIRMED: IBM's SETROPTS authorization
/// paragraph could not be read). Keywords the issuer may not specify are named in ICH14002I
/// and ignored, the others still run (gk00263.htm).
pub(crate) fn setropts(ctx: &mut Ctx<'_, '_>, s: &Setropts) -> Result<Output, Fail> {
    let issuer = users::get(ctx.tx, ctx.issuer)?;
    let special = issuer.as_ref().is_some_and(|u| u.special);
    if !special {
        let may_list = issuer.as_ref().is_some_and(|u| u.auditor) || group_attribute_anywhere(ctx)?;
        let mut denied = change_keywords(s);
        if s.list && !may_list {
            denied.push("LIST");
        }
        let mut out = Vec::new();
        let mut rc = 0;
        if !denied.is_empty() {
            let refused = m::ich14002i(&denied);
            rc = refused.rc;
            out.push(refused.line());
        }
        if s.list && may_list {
            out.extend(setropts_list(ctx)?);
        }
        return Ok(Output::new(out, rc));
    }
    let mut out = Vec::new();
    type Set = fn(&mut profiles::ClassOptions);
    let flags: [(&[String], Set); 5] = [
        (&s.classact, |o| o.active = true),
        (&s.noclassact, |o| o.active = false),
        // GENERIC(class) REFRESH refreshes the in-storage generic profiles; it does not
        // activate generic checking (refgen.htm).
        (if s.refresh { &[] } else { &s.generic }, |o| {
            o.generic = true
        }),
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
    if s.refresh {
        for c in &s.generic {
            setropts::note_generic_refresh(ctx.tx, c)?;
        }
    }
    for c in &s.raclist {
        let mut o = profiles::class_options(ctx.tx, c)?;
        if s.refresh {
            if !o.active {
                out.push(m::ich14041i(c).line());
            } else if !o.raclisted {
                out.push(m::ich14070i(c).line());
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
    if s.password_interval.is_some() || s.password_revoke.is_some() {
        let mut o = setropts::password_options(ctx.tx)?;
        o.interval = s.password_interval.unwrap_or(o.interval);
        o.revoke = s.password_revoke.unwrap_or(o.revoke);
        setropts::set_password_options(ctx.tx, o)?;
    }
    if let Some(mode) = s.protectall {
        set_protectall(ctx, mode)?;
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

/// What SETROPTS LIST shows, gathered from the store.
fn setropts_list(ctx: &Ctx<'_, '_>) -> Result<Vec<String>, Fail> {
    let all = profiles::all_class_options(ctx.tx)?;
    let names = |f: &dyn Fn(&profiles::ClassOptions) -> bool| -> Vec<String> {
        all.iter()
            .filter(|(_, o)| f(o))
            .map(|(c, _)| c.clone())
            .collect()
    };
    let pw = setropts::password_options(ctx.tx)?;
    Ok(listing::setropts::setropts_list(&SetroptsView {
        active: names(&|o| o.active),
        generic: names(&|o| o.generic),
        gencmd: names(&|o| o.gencmd),
        raclisted: names(&|o| o.raclisted),
        password_interval: pw.interval,
        password_revoke: pw.revoke,
        // Enhanced generic naming is always on for data set profiles (docs/fidelity.md);
        // PROTECTALL is kept in the store; the other data-set options are a new database's.
        datasets: listing::setropts::DatasetOptions {
            egn: true,
            protectall: setropts::protectall(ctx.tx)?.map(|warning| !warning),
            ..listing::setropts::DatasetOptions::default()
        },
    }))
}

/// SETROPTS PROTECTALL / NOPROTECTALL (Security Administrator's Guide, protall.htm).
fn set_protectall(ctx: &Ctx<'_, '_>, mode: Option<ProtectAll>) -> Result<(), Fail> {
    setropts::set_protectall(ctx.tx, mode.map(|m| m == ProtectAll::Warning))?;
    Ok(())
}

//! SETROPTS.

use super::require_special;
use crate::listing::{self, setropts::SetroptsView};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::{ProtectAll, Setropts};
use racemu_store::{profiles, setropts};

pub(crate) fn setropts(ctx: &mut Ctx<'_, '_>, s: &Setropts) -> Result<Output, Fail> {
    require_special(ctx, m::ich14002i())?;
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
        out.extend(protectall_lines(ctx)?);
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
    }))
}

/// SETROPTS PROTECTALL / NOPROTECTALL (Security Administrator's Guide, protall.htm).
fn set_protectall(ctx: &Ctx<'_, '_>, mode: Option<ProtectAll>) -> Result<(), Fail> {
    setropts::set_protectall(ctx.tx, mode.map(|m| m == ProtectAll::Warning))?;
    Ok(())
}

/// SETROPTS LIST's PROTECT-ALL lines, shown only while PROTECTALL is active so that the
/// listing of a store that never set it is unchanged (the text is UNCONFIRMED,
/// docs/fidelity.md).
fn protectall_lines(ctx: &Ctx<'_, '_>) -> Result<Vec<String>, Fail> {
    Ok(match setropts::protectall(ctx.tx)? {
        None => Vec::new(),
        Some(warning) => vec![
            "PROTECT-ALL IS ACTIVE, CURRENT OPTIONS:".to_string(),
            if warning {
                " PROTECT-ALL WARNING OPTION IS IN EFFECT".to_string()
            } else {
                " PROTECT-ALL FAIL OPTION IS IN EFFECT".to_string()
            },
        ],
    })
}

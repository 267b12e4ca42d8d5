//! RDEFINE / RALTER, RDELETE, PERMIT and RLIST for any class.

use super::today;
use crate::authority::{accept_user_id, is_generic, is_special, resource_access};
use crate::listing::{
    self,
    rlist::{AccessEntry, ProfileView, RlistEntry},
};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::{Permit, Rdefine, Rdelete, Rlist};
use racemu_racf::{Access, TrustStatus};
use racemu_store::{certs, groups, profiles, rings, users};

/// Whether the issuer may define or change profiles of a class: SPECIAL, or the owner.
fn can_change(ctx: &Ctx<'_, '_>, owner: Option<&str>) -> Result<bool, Fail> {
    Ok(is_special(ctx.tx, ctx.issuer)? || owner == Some(ctx.issuer))
}

pub(crate) fn rdefine(ctx: &mut Ctx<'_, '_>, r: &Rdefine, alter: bool) -> Result<Output, Fail> {
    if r.class == "DIGTNMAP" {
        let command = if alter { "RALTER" } else { "RDEFINE" };
        return Err(Fail::from(m::maps::digtnmap_not_for(command)));
    }
    let mut out = Vec::new();
    let opts = profiles::class_options(ctx.tx, &r.class)?;
    let mut changed = false;
    let mut failed = false;
    for name in &r.profiles {
        let existing = profiles::get(ctx.tx, &r.class, name)?;
        if alter {
            let Some(mut p) = existing else {
                out.push(m::ich11102i(name, &r.class).line());
                failed = true;
                continue;
            };
            if !can_change(ctx, Some(&p.owner))? {
                out.push(m::ich11103i(name).line());
                failed = true;
                continue;
            }
            if let Some(u) = r.uacc {
                p.uacc = u;
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
                out.push(m::ich10103i(name).line());
                failed = true;
                continue;
            }
            if existing.is_some() {
                out.push(m::ich10102i(name, &r.class).line());
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
                    uacc: r.uacc.unwrap_or(Access::None),
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
        out.push(
            if alter {
                m::ich11009i(&r.class)
            } else {
                m::ich10006i(&r.class)
            }
            .line(),
        );
    }
    Ok(Output::new(out, if failed { 8 } else { 0 }))
}

pub(crate) fn rdelete(ctx: &mut Ctx<'_, '_>, r: &Rdelete) -> Result<Output, Fail> {
    if r.class == "DIGTNMAP" {
        return Err(Fail::from(m::maps::digtnmap_not_for("RDELETE")));
    }
    let mut out = Vec::new();
    let mut changed = false;
    let mut failed = false;
    for name in &r.profiles {
        match profiles::get(ctx.tx, &r.class, name)? {
            None => {
                out.push(m::ich12102i(name, &r.class).line());
                failed = true;
            }
            Some(p) if !can_change(ctx, Some(&p.owner))? => {
                out.push(m::ich12103i(name).line());
                failed = true;
            }
            Some(_) => {
                profiles::delete(ctx.tx, &r.class, name)?;
                changed = true;
            }
        }
    }
    if changed && profiles::class_options(ctx.tx, &r.class)?.raclisted {
        out.push(m::ich12002i(&r.class).line());
    }
    Ok(Output::new(out, if failed { 8 } else { 0 }))
}

/// Whether a PERMIT ID names something RACF knows: `*`, a group, or a user ID that
/// [`accept_user_id`] accepts (an undefined user ID only under `undefined-ids implicit`).
fn names_defined_id(ctx: &Ctx<'_, '_>, id: &str) -> Result<bool, Fail> {
    Ok(id == "*" || groups::exists(ctx.tx, id)? || accept_user_id(ctx, id)?)
}

/// PERMIT (messages from IBM's PERMIT list, permit.htm): ICH06004I for an undefined profile,
/// ICH06006I when the issuer neither is SPECIAL nor owns the profile (processing stops),
/// ICH06002I for DELETE of an ID not in the access list, ICH06007I for an ID not defined to
/// RACF under `racemu setting undefined-ids error`.
pub(crate) fn permit(ctx: &mut Ctx<'_, '_>, p: &Permit) -> Result<Output, Fail> {
    if p.class == super::datasets::DATASET_CLASS {
        return super::datasets::permit_dataset(ctx, p);
    }
    let mut out = Vec::new();
    let mut changed = false;
    let mut failed = false;
    for name in &p.profiles {
        let Some(prof) = profiles::get(ctx.tx, &p.class, name)? else {
            out.push(m::ich06004i(name).line());
            failed = true;
            continue;
        };
        if !can_change(ctx, Some(&prof.owner))? {
            // ICH06006I: "Command processing stops" (gk00104.htm).
            out.push(m::ich06006i(name).line());
            failed = true;
            break;
        }
        if p.reset {
            profiles::reset(ctx.tx, &p.class, name)?;
            changed = true;
        }
        if let Some(from) = &p.from {
            let fclass = p.fclass.clone().unwrap_or_else(|| p.class.clone());
            for e in profiles::access_list(ctx.tx, &fclass, from)? {
                profiles::permit(ctx.tx, &p.class, name, &e.id, e.access)?;
            }
            changed = true;
        }
        for id in &p.ids {
            if p.delete {
                if profiles::unpermit(ctx.tx, &p.class, name, id)? {
                    changed = true;
                } else {
                    out.push(m::ich06002i(id).line());
                }
            } else if !names_defined_id(ctx, id)? {
                out.push(m::ich06007i(id).line());
                failed = true;
            } else {
                let access = p.access.unwrap_or(Access::Read);
                profiles::permit(ctx.tx, &p.class, name, id, access)?;
                changed = true;
            }
        }
    }
    if changed && profiles::class_options(ctx.tx, &p.class)?.raclisted {
        out.push(m::ich06011i(&p.class).line());
    }
    Ok(Output::new(out, if failed { 8 } else { 0 }))
}

/// The DIGTCERT / DIGTRING profiles RACDCERT keeps (Security Administrator's Guide,
/// tcertp.htm and tringp.htm): one per
/// certificate (`serial.issuer`, UACC encoding the status, APPLDATA the owning user ID, owner
/// the user who created it) and one per ring (`owner.ring`).
fn racdcert_profiles(
    ctx: &Ctx<'_, '_>,
    class: &str,
) -> Result<Option<Vec<profiles::Profile>>, Fail> {
    let make =
        |name: String, owner: String, uacc: Access, appldata: Option<String>| profiles::Profile {
            class: class.to_string(),
            name,
            generic: false,
            owner,
            uacc,
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
                    let uacc = match status {
                        TrustStatus::Trust => Access::Read,
                        TrustStatus::HighTrust => Access::Control,
                        TrustStatus::NoTrust => Access::None,
                    };
                    make(name, creator, uacc, Some(owner.internal_id().to_string()))
                })
                .collect(),
        ),
        "DIGTRING" => Some(
            rings::all(ctx.tx)?
                .into_iter()
                .map(|r| {
                    make(
                        format!("{}.{}", r.owner, r.name),
                        r.owner,
                        Access::None,
                        None,
                    )
                })
                .collect(),
        ),
        // One profile per certificate name filter, named for the user it maps to
        // (docs/fidelity.md); UACC encodes the status as for DIGTCERT.
        "DIGTNMAP" => Some(
            racemu_store::maps::all(ctx.tx, false)?
                .into_iter()
                .map(|mp| {
                    let uacc = match mp.status {
                        TrustStatus::NoTrust => Access::None,
                        _ => Access::Read,
                    };
                    let owner = mp.owner.internal_id().to_string();
                    make(mp.profile_name(), owner, uacc, None)
                })
                .collect(),
        ),
        _ => None,
    })
}

pub(crate) fn rlist(ctx: &mut Ctx<'_, '_>, r: &Rlist) -> Result<Output, Fail> {
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
        return Ok(Output::from(m::ich13004i()));
    }
    let special = is_special(ctx.tx, ctx.issuer)?;
    let auditor = users::get(ctx.tx, ctx.issuer)?.is_some_and(|u| u.auditor);
    let mut rc = 0;
    let mut entries = Vec::new();
    for name in &names {
        let found = match &digt {
            // RACDCERT's profile names keep their case; RLIST operands are folded.
            Some(all) => all
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name))
                .cloned(),
            None => profiles::get(ctx.tx, &r.class, name)?,
        };
        let Some(p) = found else {
            rc = m::ich13003i(name).rc;
            entries.push(RlistEntry::NotFound(name.clone()));
            continue;
        };
        let your = if special || p.owner == ctx.issuer {
            Access::Alter
        } else {
            resource_access(ctx.tx, ctx.issuer, &r.class, name)?.unwrap_or(Access::None)
        };
        // The access list is shown only to an issuer who may change it: SPECIAL or AUDITOR,
        // the owner, or ALTER access (UNCONFIRMED: IBM's RLIST authorization paragraph could
        // not be read; docs/fidelity.md).
        let sees_list = special || auditor || p.owner == ctx.issuer || your == Access::Alter;
        let access_list = if (r.all || r.authuser) && sees_list {
            Some(
                profiles::access_list(ctx.tx, &r.class, name)?
                    .into_iter()
                    .map(|e| AccessEntry {
                        id: e.id,
                        access: e.access,
                        count: e.count,
                    })
                    .collect(),
            )
        } else {
            None
        };
        entries.push(RlistEntry::Profile(ProfileView {
            class: p.class,
            name: p.name,
            generic: p.generic,
            owner: p.owner,
            uacc: p.uacc,
            your_access: your,
            warning: p.warning,
            data: p.data,
            appldata: p.appldata,
            access_list,
        }));
    }
    Ok(Output::new(listing::rlist::rlist(&entries, r.all), rc))
}

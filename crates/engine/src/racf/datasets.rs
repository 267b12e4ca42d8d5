//! ADDSD / ALTDSD, DELDSD, LISTDSD, SEARCH and PERMIT for data set profiles (RACF Command
//! Language Reference: ADDSD, ALTDSD, DELDSD, LISTDSD, PERMIT, SEARCH). Data set profiles are
//! kept beside the general resource profiles, in class DATASET.
//!
//! Who may change a profile: SPECIAL, its owner, the user whose ID is its high-level
//! qualifier, or a user with ALTER to it (Security Administrator's Guide, "Protecting user
//! data sets", icha700_Protecting_user_data_sets.htm).

use super::{julian, today};
use crate::authority::dataset::{
    covering_profile, dataset_access, ds_generic_match, generic_commands, is_generic_dsname,
    DATASET,
};
use crate::authority::is_special;
use crate::listing::{self, listdsd::DsProfileView};
use crate::messages::{self as m, Requester, Violation};
use crate::{Ctx, Fail, Output};
use racemu_command::{Deldsd, DsProfileSpec, Listdsd, Permit, Search};
use racemu_racf::Access;
use racemu_store::{profiles, users, Tx};

/// The class PERMIT without CLASS names.
pub(crate) const DATASET_CLASS: &str = DATASET;

/// The requester as ICH408I names it.
pub(crate) fn requester(tx: &Tx<'_>, userid: &str) -> Result<Requester, Fail> {
    Ok(crate::authority::dataset::requester(tx, userid)?)
}

/// Whether the issuer may change (or list the access list of) data set profile `p`.
fn may_change(ctx: &Ctx<'_, '_>, p: &profiles::Profile) -> Result<bool, Fail> {
    let hlq = p.name.split('.').next().unwrap_or_default();
    if is_special(ctx.tx, ctx.issuer)? || p.owner == ctx.issuer || hlq == ctx.issuer {
        return Ok(true);
    }
    let entries = profiles::entries(ctx.tx, DATASET, &p.name, false)?;
    Ok(entries
        .iter()
        .any(|(id, a)| id == ctx.issuer && *a == Access::Alter))
}

/// AUDIT and NOTIFY as recorded in the profile's `other` column (`AUDIT(...)`, `NOTIFY(id)`).
fn recorded(other: &str, key: &str) -> Option<String> {
    other
        .split(' ')
        .find(|w| w.starts_with(&format!("{key}(")))
        .map(str::to_string)
}

/// `other` with `key(...)` replaced by `value` (or removed when `None`).
fn with_recorded(other: &str, key: &str, value: Option<String>) -> String {
    other
        .split(' ')
        .filter(|w| !w.is_empty() && !w.starts_with(&format!("{key}(")))
        .map(str::to_string)
        .chain(value)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Applies the operands ADDSD and ALTDSD share to `p`.
fn apply(p: &mut profiles::Profile, d: &DsProfileSpec) {
    if let Some(u) = d.uacc {
        p.uacc = u;
    }
    if let Some(o) = &d.owner {
        p.owner = o.clone();
    }
    if let Some(data) = &d.data {
        p.data = data.clone();
    }
    if let Some(w) = d.warning {
        p.warning = w;
    }
    if let Some(n) = &d.notify {
        let v = n.as_ref().map(|id| format!("NOTIFY({id})"));
        p.other = with_recorded(&p.other, "NOTIFY", v);
    }
    if let Some(a) = &d.audit {
        p.other = with_recorded(&p.other, "AUDIT", Some(a.clone()));
    }
}

/// ADDSD: a new profile for the issuer's own data sets (high-level qualifier = user ID) or,
/// for SPECIAL, any; ICH408I `DEFINE - INSUFFICIENT AUTHORITY` otherwise (gk00572.htm). A
/// discrete profile is defined whether or not the data set exists (docs/fidelity.md).
pub(crate) fn addsd(ctx: &mut Ctx<'_, '_>, d: &DsProfileSpec) -> Result<Output, Fail> {
    let mut out = Vec::new();
    let mut rc = 0;
    let special = is_special(ctx.tx, ctx.issuer)?;
    for dsn in &d.names {
        let name = dsn.qualified(ctx.issuer);
        if (d.generic || is_generic_dsname(&name)) && !generic_commands(ctx.tx)? {
            // Command processing stops (gk00167.htm).
            out.push(m::ich09034i().line());
            return Ok(Output::new(out, 8));
        }
        let hlq = name.split('.').next().unwrap_or_default();
        if !special && hlq != ctx.issuer {
            let who = requester(ctx.tx, ctx.issuer)?;
            let msg = m::ich408i_dataset(
                &who,
                &name,
                &Violation::Define,
                None,
                Access::Alter,
                Access::None,
            );
            out.push(msg.line());
            rc = rc.max(msg.rc);
            continue;
        }
        if profiles::get(ctx.tx, DATASET, &name)?.is_some() {
            let msg = m::ich09005i(&name);
            out.push(msg.line());
            rc = rc.max(msg.rc);
            continue;
        }
        let mut p = profiles::Profile {
            class: DATASET.into(),
            name: name.clone(),
            generic: d.generic || is_generic_dsname(&name),
            owner: ctx.issuer.to_string(),
            uacc: Access::None,
            data: None,
            appldata: None,
            warning: false,
            other: String::new(),
            created: today(ctx),
        };
        let mut from_list = Vec::new();
        if let Some(from) = &d.from {
            let fname = from.qualified(ctx.issuer);
            match profiles::get(ctx.tx, DATASET, &fname)? {
                Some(f) if may_change(ctx, &f)? || f.uacc >= Access::Read => {
                    p.uacc = f.uacc;
                    p.warning = f.warning;
                    p.data = f.data;
                    p.other = f.other;
                    from_list = profiles::access_list(ctx.tx, DATASET, &fname)?;
                }
                _ => return Err(Fail::from(m::ich09035i(&fname))),
            }
        }
        apply(&mut p, d);
        profiles::put(ctx.tx, &p)?;
        for e in from_list {
            profiles::permit(ctx.tx, DATASET, &name, &e.id, e.access)?;
        }
    }
    Ok(Output::new(out, rc))
}

/// ALTDSD: changes an existing profile (a generic one when its name has `*` or `%` or
/// GENERIC is given).
pub(crate) fn altdsd(ctx: &mut Ctx<'_, '_>, d: &DsProfileSpec) -> Result<Output, Fail> {
    let mut out = Vec::new();
    let mut rc = 0;
    for dsn in &d.names {
        let name = dsn.qualified(ctx.issuer);
        if (d.generic || is_generic_dsname(&name)) && !generic_commands(ctx.tx)? {
            out.push(m::ich22020i().line());
            return Ok(Output::new(out, 8));
        }
        let msg = match profiles::get(ctx.tx, DATASET, &name)? {
            None => m::ich22001i(&name),
            Some(p) if !may_change(ctx, &p)? => m::ich22005i(&name),
            Some(mut p) => {
                apply(&mut p, d);
                profiles::put(ctx.tx, &p)?;
                continue;
            }
        };
        out.push(msg.line());
        rc = rc.max(msg.rc);
    }
    Ok(Output::new(out, rc))
}

/// DELDSD: a discrete profile, or a generic one when the name has `*` or `%` or GENERIC is
/// given; ICH09020I when there is none (gk00153.htm).
pub(crate) fn deldsd(ctx: &mut Ctx<'_, '_>, d: &Deldsd) -> Result<Output, Fail> {
    let mut out = Vec::new();
    let mut rc = 0;
    for dsn in &d.names {
        let name = dsn.qualified(ctx.issuer);
        let want_generic = d.generic || is_generic_dsname(&name);
        if want_generic && !generic_commands(ctx.tx)? {
            out.push(m::ich09034i().line());
            return Ok(Output::new(out, 8));
        }
        let msg = match profiles::get(ctx.tx, DATASET, &name)? {
            Some(p) if p.generic == want_generic => {
                if may_change(ctx, &p)? {
                    profiles::delete(ctx.tx, DATASET, &name)?;
                    continue;
                }
                m::ich09006i(&name)
            }
            _ => m::ich09020i(&name),
        };
        out.push(msg.line());
        rc = rc.max(msg.rc);
    }
    Ok(Output::new(out, rc))
}

/// PERMIT for the DATASET class: unquoted names take the issuer's prefix; ID(*) is allowed.
pub(crate) fn permit_dataset(ctx: &mut Ctx<'_, '_>, p: &Permit) -> Result<Output, Fail> {
    let mut out = Vec::new();
    let mut rc = 0;
    for dsn in &p.dsnames {
        let name = dsn.qualified(ctx.issuer);
        if (p.generic || is_generic_dsname(&name)) && !generic_commands(ctx.tx)? {
            out.push(m::ich06010i().line());
            return Ok(Output::new(out, 8));
        }
        let Some(prof) = profiles::get(ctx.tx, DATASET, &name)? else {
            let msg = m::ich06004i(&name);
            out.push(msg.line());
            rc = rc.max(msg.rc);
            continue;
        };
        if !may_change(ctx, &prof)? {
            let msg = m::ich06002i(&name);
            out.push(msg.line());
            rc = rc.max(msg.rc);
            continue;
        }
        if p.reset {
            profiles::reset(ctx.tx, DATASET, &name)?;
        }
        if let Some(from) = &p.from_dsn {
            let fclass = p.fclass.clone().unwrap_or_else(|| DATASET.into());
            let fname = if fclass == DATASET {
                from.qualified(ctx.issuer)
            } else {
                from.name.to_ascii_uppercase()
            };
            for e in profiles::access_list(ctx.tx, &fclass, &fname)? {
                profiles::permit(ctx.tx, DATASET, &name, &e.id, e.access)?;
            }
        }
        for id in &p.ids {
            if p.delete {
                if !profiles::unpermit(ctx.tx, DATASET, &name, id)? {
                    out.push(m::ich06007i(id).line());
                }
            } else {
                let access = p.access.unwrap_or(Access::Read);
                profiles::permit(ctx.tx, DATASET, &name, id, access)?;
            }
        }
    }
    Ok(Output::new(out, rc))
}

/// The profiles LISTDSD lists: the named ones (or, with GENERIC, the generic profile that
/// protects each name), PREFIX's, or ID's.
fn listdsd_targets(
    ctx: &Ctx<'_, '_>,
    l: &Listdsd,
) -> Result<Vec<Result<profiles::Profile, String>>, Fail> {
    let mut targets = Vec::new();
    for dsn in &l.names {
        let name = dsn.qualified(ctx.issuer);
        let found = match profiles::get(ctx.tx, DATASET, &name)? {
            Some(p) if !l.generic || p.generic => Some(p),
            _ if l.generic => match covering_profile(ctx.tx, &name)? {
                Some(c) => profiles::get(ctx.tx, DATASET, &c.covering.name)?,
                None => None,
            },
            _ => None,
        };
        targets.push(found.ok_or(name));
    }
    if l.prefix.is_some() || l.id.is_some() {
        let all = profiles::in_class(ctx.tx, DATASET)?;
        let picked: Vec<_> = all
            .into_iter()
            .filter(|p| {
                l.prefix
                    .as_ref()
                    .is_none_or(|x| p.name.starts_with(x.as_str()))
            })
            .filter(|p| {
                l.id.as_ref()
                    .is_none_or(|x| p.name.split('.').next() == Some(x.as_str()))
            })
            .map(Ok)
            .collect();
        if picked.is_empty() && l.names.is_empty() {
            return Err(Fail::from(m::ich35005i()));
        }
        targets.extend(picked);
    }
    Ok(targets)
}

/// LISTDSD: each profile as the capture lays it out; ICH35003I for a name no profile
/// covers. The access list needs authority over the profile.
pub(crate) fn listdsd(ctx: &mut Ctx<'_, '_>, l: &Listdsd) -> Result<Output, Fail> {
    let mut out = Vec::new();
    let mut rc = 0;
    for target in listdsd_targets(ctx, l)? {
        let p = match target {
            Ok(p) => p,
            Err(name) => {
                let msg = m::ich35003i(&name);
                out.push(msg.line());
                rc = rc.max(msg.rc);
                continue;
            }
        };
        let owner_of = may_change(ctx, &p)?;
        let your = if owner_of {
            Access::Alter
        } else {
            dataset_access(ctx.tx, ctx.issuer, &p.name, Access::Read)?.access
        };
        if !owner_of && your < Access::Read {
            let msg = m::ich35002i(&p.name);
            out.push(msg.line());
            rc = rc.max(msg.rc);
            continue;
        }
        let access_list = if (l.all || l.authuser) && owner_of {
            Some(
                profiles::access_list(ctx.tx, DATASET, &p.name)?
                    .into_iter()
                    .map(|e| (e.id, e.access))
                    .collect(),
            )
        } else {
            None
        };
        let creation_group = users::get(ctx.tx, &p.owner)?
            .map(|u| u.dfltgrp)
            .unwrap_or_else(|| p.owner.clone());
        if !out.is_empty() {
            out.push(String::new());
        }
        out.extend(listing::listdsd::listdsd(
            &DsProfileView {
                audit: recorded(&p.other, "AUDIT")
                    .map(|a| {
                        a.trim_start_matches("AUDIT(")
                            .trim_end_matches(')')
                            .to_string()
                    })
                    .unwrap_or_else(|| "FAILURES(READ)".into()),
                notify: recorded(&p.other, "NOTIFY").map(|n| {
                    n.trim_start_matches("NOTIFY(")
                        .trim_end_matches(')')
                        .to_string()
                }),
                name: p.name,
                generic: p.generic,
                owner: p.owner,
                uacc: p.uacc,
                warning: p.warning,
                your_access: your,
                creation_group,
                data: p.data,
                created: julian(&p.created),
                access_list,
            },
            l.all,
        ));
    }
    Ok(Output::new(out, rc))
}

/// SEARCH: the names of the profiles of a class (DATASET by default) that match FILTER
/// (generic rules) or start with MASK, that belong to USER's high-level qualifier, and are
/// generic (GENERIC) or discrete (NOGENERIC); ICH31005I when none does.
pub(crate) fn search(ctx: &mut Ctx<'_, '_>, s: &Search) -> Result<Output, Fail> {
    let special = is_special(ctx.tx, ctx.issuer)?;
    let mut names = Vec::new();
    for p in profiles::in_class(ctx.tx, &s.class)? {
        let hlq = p.name.split('.').next().unwrap_or_default().to_string();
        let keep = s
            .filter
            .as_ref()
            .is_none_or(|f| ds_generic_match(f, &p.name) || *f == p.name)
            && s.mask
                .as_ref()
                .is_none_or(|x| p.name.starts_with(x.as_str()))
            && s.user.as_ref().is_none_or(|u| *u == hlq)
            && (!s.generic || p.generic)
            && (!s.nogeneric || !p.generic)
            && (special || p.owner == ctx.issuer || hlq == ctx.issuer);
        if keep {
            names.push(if p.generic {
                format!("{} (G)", p.name)
            } else {
                p.name
            });
        }
    }
    if names.is_empty() {
        return Ok(Output::from(m::ich31005i()));
    }
    Ok(Output::new(names, 0))
}

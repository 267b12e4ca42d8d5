//! Certificate name filters: RACDCERT MAP, ALTMAP, DELMAP and LISTMAP (RACF Command Language
//! Reference, le-map, le-altmap, le-delmap, le-listmap:
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-map.htm>),
//! and RACF's certificate-to-user lookup ([`lookup`]).
//!
//! Authority: FACILITY `IRR.DIGTCERT.MAP|ALTMAP|DELMAP|LISTMAP`, READ for one's own mappings,
//! UPDATE for another user's or MULTIID's; SPECIAL bypasses. A mapping is a DIGTNMAP profile
//! owned by its user or by `irrmulti`; while DIGTNMAP is RACLISTed a change takes effect at
//! `SETROPTS RACLIST(DIGTNMAP) REFRESH`.

mod answer;
mod hostid;
pub mod logon;
pub mod lookup;
pub mod routes;
mod start;

use crate::authority::authorize;
use crate::listing::listmap::{self, MapView};
use crate::messages::maps as mm;
use crate::{Ctx, Fail, Output};
use racemu_command::racdcert::registry::Authority;
use racemu_command::{AltMap, FunctionKind, Map, MapSelector};
use racemu_racf::{Access, FilterError, MapOwner, NameFilter, Owner, TrustStatus};
use racemu_store::maps::{self, MapRow};
use racemu_store::profiles;

/// Whom the mapping functions act for: MULTIID, or the user the owner operand names (the
/// issuer when none); CERTAUTH and SITE own no mappings (RCM309E).
pub(crate) fn map_owner(owner: &Owner, multi_id: bool) -> Result<MapOwner, Fail> {
    if multi_id {
        return Ok(MapOwner::MultiId);
    }
    match owner {
        Owner::User(u) => Ok(MapOwner::User(u.clone())),
        Owner::CertAuth | Owner::Site => Err(Fail::from(mm::map_owner_not_user())),
    }
}

/// The access `function`'s registry entry asks for: READ for one's own mappings, UPDATE for
/// another user's or MULTIID's (the entry's `certauth_site` level).
fn level(ctx: &Ctx<'_, '_>, function: FunctionKind, owner: &MapOwner) -> Access {
    let levels = match function.def().authority {
        Authority::ByOwner(l) => l,
        Authority::ByRingThenCertificate { own_ring, .. } => own_ring,
    };
    match owner {
        MapOwner::User(u) if u == ctx.issuer => levels.own,
        MapOwner::User(_) => levels.other_user,
        MapOwner::MultiId => levels.certauth_site,
    }
}

/// The owner as messages name it: `user WEBUSER` or `MULTIID`.
fn owner_text(owner: &MapOwner) -> String {
    owner.listing_name()
}

/// A typed filter checked: IRRD140I when it does not begin with an X.509 prefix.
fn filter(text: &str) -> Result<NameFilter, Fail> {
    NameFilter::parse(text).map_err(|FilterError::BadPrefix| Fail::from(mm::irrd140i()))
}

/// The note while DIGTNMAP is RACLISTed (a hint, never SYSTSPRT).
fn with_refresh_note(ctx: &Ctx<'_, '_>, mut out: Output) -> Result<Output, Fail> {
    if profiles::class_options(ctx.tx, "DIGTNMAP")?.raclisted {
        out.hints.push(mm::refresh_note().line());
    }
    Ok(out)
}

/// The first free `LABELnnnnnnnn` of an owner's mappings (the label RACF generates when
/// WITHLABEL is omitted, as for certificates initACEE registers).
fn default_label(ctx: &Ctx<'_, '_>, owner: &MapOwner) -> Result<String, Fail> {
    for n in 1..=99_999_999u32 {
        let l = format!("LABEL{n:08}");
        if maps::get(ctx.tx, owner, &l)?.is_none() {
            return Ok(l);
        }
    }
    Err(Fail::from(crate::messages::internal(
        "no free default label",
    )))
}

/// Checks CRITERIA against the owner: only MULTIID mappings carry it, and they need it.
fn check_criteria(owner: &MapOwner, criteria: Option<&str>) -> Result<(), Fail> {
    match (owner, criteria) {
        (MapOwner::User(_), Some(_)) => Err(Fail::from(mm::criteria_needs_multiid())),
        (MapOwner::MultiId, None) => Err(Fail::from(mm::multiid_needs_criteria())),
        _ => Ok(()),
    }
}

/// MAP: a new mapping. Checks, in order: authority, at least one filter, the filters'
/// prefixes (IRRD140I) or their starting points in the data set's certificate (IRRD141I,
/// IRRD142I, IRRD146I), CRITERIA, the label, and that no mapping has the same filters.
pub(crate) fn map(ctx: &Ctx<'_, '_>, owner: &Owner, m: &Map) -> Result<Output, Fail> {
    let owner = map_owner(owner, m.multi_id)?;
    authorize(
        ctx,
        FunctionKind::Map,
        level(ctx, FunctionKind::Map, &owner),
    )?;
    if m.subject_filter.is_none() && m.issuer_filter.is_none() {
        return Err(Fail::from(mm::no_filter()));
    }
    let (subject, issuer) = match &m.dsn {
        Some(dsn) => start::filters_from_dataset(ctx, dsn, m)?,
        None => (
            m.subject_filter.as_deref().map(filter).transpose()?,
            m.issuer_filter.as_deref().map(filter).transpose()?,
        ),
    };
    check_criteria(&owner, m.criteria.as_deref())?;
    let label = match &m.label {
        Some(l) => {
            crate::lookup::check_label(l)?;
            if maps::get(ctx.tx, &owner, l)?.is_some() {
                return Err(Fail::from(mm::map_label_exists(l, &owner_text(&owner))));
            }
            l.clone()
        }
        None => default_label(ctx, &owner)?,
    };
    let row = MapRow {
        owner,
        label,
        subject,
        issuer,
        criteria: m.criteria.clone(),
        status: m.status.unwrap_or(TrustStatus::Trust),
    };
    let key = |f: &Option<NameFilter>| f.as_ref().map_or(String::new(), |f| f.to_string());
    if maps::with_filters(ctx.tx, &key(&row.subject), &key(&row.issuer), false)?.is_some() {
        return Err(Fail::from(mm::filter_exists()));
    }
    maps::insert(ctx.tx, &row)?;
    with_refresh_note(ctx, Output::ok())
}

/// The mapping `label` of `owner`, or RCM304E with `rc`.
fn find(ctx: &Ctx<'_, '_>, owner: &MapOwner, label: &str, rc: u32) -> Result<MapRow, Fail> {
    maps::get(ctx.tx, owner, label)?
        .ok_or_else(|| Fail::from(mm::map_not_found(label, &owner_text(owner)).with_rc(rc)))
}

/// ALTMAP: a mapping's new label, status or criteria.
pub(crate) fn altmap(ctx: &Ctx<'_, '_>, owner: &Owner, a: &AltMap) -> Result<Output, Fail> {
    let owner = map_owner(owner, a.multi_id)?;
    authorize(
        ctx,
        FunctionKind::AltMap,
        level(ctx, FunctionKind::AltMap, &owner),
    )?;
    let label = &a.label;
    let mut row = find(ctx, &owner, label, 8)?;
    if let Some(c) = &a.criteria {
        check_criteria(&owner, Some(c))?;
        row.criteria = Some(c.clone());
    }
    if let Some(s) = a.status {
        row.status = s;
    }
    if let Some(new) = &a.new_label {
        crate::lookup::check_label(new)?;
        if new != label && maps::get(ctx.tx, &owner, new)?.is_some() {
            return Err(Fail::from(mm::map_label_exists(new, &owner_text(&owner))));
        }
        row.label = new.clone();
    }
    maps::update(ctx.tx, label, &row)?;
    with_refresh_note(ctx, Output::ok())
}

/// DELMAP: one mapping by label, or every mapping of the owner when no LABEL is given
/// (racemu's reading, docs/fidelity.md). Works for a user no longer defined.
pub(crate) fn delmap(ctx: &Ctx<'_, '_>, owner: &Owner, d: &MapSelector) -> Result<Output, Fail> {
    let owner = map_owner(owner, d.multi_id)?;
    authorize(
        ctx,
        FunctionKind::DelMap,
        level(ctx, FunctionKind::DelMap, &owner),
    )?;
    match &d.label {
        Some(label) => {
            find(ctx, &owner, label, 8)?;
            maps::delete(ctx.tx, &owner, label)?;
        }
        None => {
            if maps::delete_owner(ctx.tx, &owner)? == 0 {
                return Ok(Output::from(mm::no_mappings(&owner_text(&owner))));
            }
        }
    }
    with_refresh_note(ctx, Output::ok())
}

/// What LISTMAP shows of a mapping.
pub(crate) fn view(row: &MapRow) -> MapView {
    MapView {
        label: row.label.clone(),
        status: row.status,
        issuer: row.issuer.as_ref().map_or(String::new(), |f| f.to_string()),
        subject: row
            .subject
            .as_ref()
            .map_or(String::new(), |f| f.to_string()),
        criteria: match row.owner {
            MapOwner::MultiId => Some(row.criteria.clone().unwrap_or_default()),
            MapOwner::User(_) => row.criteria.clone(),
        },
    }
}

/// LISTMAP: one mapping by label (RCM304E, RC 4, when none), or every mapping of the owner
/// (RCM305I, RC 4, when none).
pub(crate) fn listmap(ctx: &Ctx<'_, '_>, owner: &Owner, l: &MapSelector) -> Result<Output, Fail> {
    let owner = map_owner(owner, l.multi_id)?;
    authorize(
        ctx,
        FunctionKind::ListMap,
        level(ctx, FunctionKind::ListMap, &owner),
    )?;
    let rows = match &l.label {
        Some(label) => vec![find(ctx, &owner, label, 4)?],
        None => maps::of_owner(ctx.tx, &owner)?,
    };
    if rows.is_empty() {
        return Ok(Output::from(mm::no_mappings(&owner_text(&owner))));
    }
    let views: Vec<MapView> = rows.iter().map(view).collect();
    Ok(Output::new(listmap::listmap(&owner, &views), 0))
}

/// The certificate name filter that would map the certificate `info` (the first found in
/// IBM's six steps, among the filters defined now), as CHECKCERT shows it to an issuer with
/// SPECIAL or the LISTMAP authority over the mapping's owner.
pub(crate) fn mapping_shown(
    ctx: &Ctx<'_, '_>,
    info: &racemu_pki::CertificateInfo,
) -> Result<Option<(String, TrustStatus)>, Fail> {
    let (subject, issuer) = (info.subject.racf_dotted(), info.issuer.racf_dotted());
    for (_, s, i) in lookup::candidates(&subject, &issuer) {
        if let Some(row) = maps::with_filters(ctx.tx, &s, &i, false)? {
            let allowed = crate::authority::racdcert_allowed(
                ctx.tx,
                ctx.issuer,
                FunctionKind::ListMap.def().resource,
                level(ctx, FunctionKind::ListMap, &row.owner),
            )?;
            return Ok(allowed.then_some((row.label, row.status)));
        }
    }
    Ok(None)
}

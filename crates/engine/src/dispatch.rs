//! Dispatch: each typed command to the module of its RACF concept. Nothing else in the engine
//! imports this module; it imports the concept modules and they never import each other back.

use crate::authority::ensure_user;
use crate::messages as m;
use crate::{certificates, interchange, issue, racf, rings};
use crate::{Ctx, Fail, Output};
use racemu_command::{Command, Function, Racdcert};
use racemu_racf::Owner;

/// Runs one command inside its transaction.
pub(crate) fn dispatch(ctx: &mut Ctx<'_, '_>, cmd: &Command) -> Result<Output, Fail> {
    match cmd {
        Command::Racdcert(r) => racdcert(ctx, r),
        Command::Setropts(s) => racf::setropts(ctx, s),
        Command::Rdefine(r) => racf::rdefine(ctx, r, false),
        Command::Ralter(r) => racf::rdefine(ctx, r, true),
        Command::Rdelete(r) => racf::rdelete(ctx, r),
        Command::Permit(p) => racf::permit(ctx, p),
        Command::Rlist(r) => racf::rlist(ctx, r),
        Command::AddUser(u) => racf::adduser(ctx, u, false),
        Command::AltUser(u) => racf::adduser(ctx, u, true),
        Command::ListUser(ids) => racf::listuser(ctx, ids),
        Command::DelUser(ids) => racf::deluser(ctx, ids),
        Command::AddGroup(g) => racf::addgroup(ctx, g),
        Command::ConnectGroup(c) => racf::connect_group(ctx, c),
        Command::ListGroup(g) => racf::listgrp(ctx, g),
        Command::Profile | Command::Logoff | Command::Help(_) => Ok(Output::ok()),
    }
}

/// RACDCERT: the owner (the issuer when none is given) must exist, then the function runs.
fn racdcert(ctx: &mut Ctx<'_, '_>, r: &Racdcert) -> Result<Output, Fail> {
    let owner = r
        .owner
        .clone()
        .unwrap_or_else(|| Owner::User(ctx.issuer.to_string()));
    ensure_user(ctx, &owner)?;
    match &r.function {
        Function::List(sel) => certificates::list(ctx, &owner, sel.as_ref()),
        Function::ListRing(sel) => rings::listring(ctx, &owner, sel),
        Function::ListChain(sel) => certificates::listchain(ctx, &owner, sel),
        Function::AddRing(name) => rings::addring(ctx, &owner, name),
        Function::DelRing(name) => rings::delring(ctx, &owner, name),
        Function::Connect {
            cert_owner,
            label,
            ring,
            usage,
            default,
        } => rings::connect(
            ctx,
            &owner,
            cert_owner.as_ref(),
            label.as_deref(),
            ring.as_deref(),
            *usage,
            *default,
        ),
        Function::Remove {
            cert_owner,
            label,
            ring,
        } => rings::remove(
            ctx,
            &owner,
            cert_owner.as_ref(),
            label.as_deref(),
            ring.as_deref(),
        ),
        Function::Delete(sel) => certificates::delete(ctx, &owner, sel.as_ref()),
        Function::Alter {
            selector,
            status,
            new_label,
        } => certificates::alter(
            ctx,
            &owner,
            selector.as_ref(),
            *status,
            new_label.as_deref(),
        ),
        Function::GenCert(g) => issue::gencert(ctx, &owner, g),
        Function::NotEmulated(f) => Err(Fail::from(m::not_emulated(f))),
        Function::Add {
            dsn,
            status,
            label,
            password,
        } => interchange::add::add(
            ctx,
            &owner,
            dsn,
            *status,
            label.as_deref(),
            password.as_deref(),
        ),
        Function::Export {
            selector,
            dsn,
            format,
            password,
        } => interchange::export(
            ctx,
            &owner,
            selector.as_ref(),
            dsn.as_ref(),
            *format,
            password.as_deref(),
        ),
        Function::GenReq { selector, dsn } => {
            interchange::genreq(ctx, &owner, selector.as_ref(), dsn.as_ref())
        }
        Function::CheckCert { dsn, password } => {
            interchange::checkcert(ctx, dsn, password.as_deref())
        }
        Function::Rekey { selector, params } => {
            issue::rekey::rekey(ctx, &owner, selector.as_ref(), params)
        }
        Function::Rollover {
            selector,
            new_label,
            force,
        } => issue::rekey::rollover(ctx, &owner, selector.as_ref(), new_label.as_deref(), *force),
    }
}

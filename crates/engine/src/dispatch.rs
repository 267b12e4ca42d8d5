//! Dispatch: each typed command to the module of its RACF concept. Nothing else in the engine
//! imports this module; it imports the concept modules and they never import each other back.

use crate::authority::ensure_user;
use crate::messages as m;
use crate::{certificates, interchange, issue, maps, racf, rings};
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
        Command::AddSd(d) => racf::addsd(ctx, d),
        Command::AltDsd(d) => racf::altdsd(ctx, d),
        Command::DelDsd(d) => racf::deldsd(ctx, d),
        Command::ListDsd(l) => racf::listdsd(ctx, l),
        Command::Search(s) => racf::search(ctx, s),
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

/// RACDCERT: the owner (the issuer when none is given) must exist unless the function's
/// registry entry takes an undefined user (DELETE, DELRING and DELMAP, which remove what a
/// deleted user left: RACF Command Language Reference, RACDCERT DELETE,
/// <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-delete.htm>),
/// then the function runs. The `match` is exhaustive over the typed [`Function`]: a function
/// added to the registry without a handler here does not compile.
fn racdcert(ctx: &mut Ctx<'_, '_>, r: &Racdcert) -> Result<Output, Fail> {
    let owner = r
        .owner
        .clone()
        .unwrap_or_else(|| Owner::User(ctx.issuer.to_string()));
    if !r.function.kind().def().owners.undefined_user {
        ensure_user(ctx, &owner)?;
    }
    match &r.function {
        Function::List(sel) => certificates::list(ctx, &owner, sel.as_ref()),
        Function::ListRing(sel) => rings::listring(ctx, &owner, sel),
        Function::ListChain(sel) => certificates::listchain(ctx, &owner, sel),
        Function::AddRing(name) => rings::addring(ctx, &owner, name),
        Function::DelRing(name) => rings::delring(ctx, &owner, name),
        Function::Connect(c) => rings::connect(ctx, &owner, c),
        Function::Remove(r) => rings::remove(ctx, &owner, r),
        Function::Delete(sel) => certificates::delete(ctx, &owner, sel.as_ref()),
        Function::Alter(a) => certificates::alter(ctx, &owner, a),
        Function::GenCert(g) => issue::gencert(ctx, &owner, g),
        Function::NotEmulated(f) => Err(Fail::from(m::not_emulated(f.keyword()))),
        Function::Add(a) => interchange::add::add(ctx, &owner, a),
        Function::Export(e) => interchange::export(ctx, &owner, e),
        Function::GenReq(g) => interchange::genreq(ctx, &owner, g),
        Function::CheckCert(c) => interchange::checkcert(ctx, c),
        Function::Rekey(r) => issue::rekey::rekey(ctx, &owner, r),
        Function::Rollover(r) => issue::rekey::rollover(ctx, &owner, r),
        Function::Map(m) => maps::map(ctx, &owner, m),
        Function::AltMap(a) => maps::altmap(ctx, &owner, a),
        Function::DelMap(d) => maps::delmap(ctx, &owner, d),
        Function::ListMap(l) => maps::listmap(ctx, &owner, l),
    }
}

//! The operand parsers of the functions racemu emulates, one per function; the registry's
//! entries point at them.

use super::operands::*;
use super::registry::FunctionOperands;
use super::types::*;
use crate::operand::{
    dsn_value, get, has, keyword_of, text_value, value, DsnOperand, ParseFailure,
};
use racemu_racf::Usage;
use racemu_tso::operands::Operand;

/// LIST[(selector)].
pub(super) fn list(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    Ok(Function::List(selector(o.args)?))
}

/// LISTCHAIN(selector): the selector is required.
pub(super) fn listchain(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    match selector(o.args)? {
        Some(s) => Ok(Function::ListChain(s)),
        None => Err(ParseFailure::missing("LABEL", "LABEL")),
    }
}

/// LISTRING(ring | *).
pub(super) fn listring(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let v = ring_name(o.args)?;
    Ok(Function::ListRing(if v == "*" {
        RingSelector::All
    } else {
        RingSelector::Named(v)
    }))
}

/// ADDRING(ring).
pub(super) fn addring(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    Ok(Function::AddRing(ring_name(o.args)?))
}

/// DELRING(ring).
pub(super) fn delring(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    Ok(Function::DelRing(ring_name(o.args)?))
}

/// CONNECT(owner LABEL RING USAGE DEFAULT).
pub(super) fn connect(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let r = ring_operands(o.args)?;
    Ok(Function::Connect(Connect {
        cert_owner: r.cert_owner,
        label: r.label,
        ring: r.ring,
        usage: r.usage,
        default: r.default,
    }))
}

/// REMOVE(owner LABEL RING).
pub(super) fn remove(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let r = ring_operands(o.args)?;
    Ok(Function::Remove(Remove {
        cert_owner: r.cert_owner,
        label: r.label,
        ring: r.ring,
    }))
}

/// DELETE[(selector)].
pub(super) fn delete(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    Ok(Function::Delete(selector(o.args)?))
}

/// ALTER(selector) [TRUST|NOTRUST|HIGHTRUST] [NEWLABEL].
pub(super) fn alter(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    Ok(Function::Alter(Alter {
        selector: selector(o.args)?,
        status: status_of(o.keywords),
        new_label: new_label(o.keywords)?,
    }))
}

/// GENCERT[('request-dsn')] and its keywords.
pub(super) fn gencert(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let mut g = GenCert::default();
    if let Some(first) = o.args.first() {
        if !first.as_str().is_empty() {
            g.request = Some(DsnOperand {
                name: first.as_str().to_string(),
                quoted: first.text.is_quoted(),
            });
        }
    }
    gencert_keywords(o.keywords, &mut g)?;
    Ok(Function::GenCert(Box::new(g)))
}

/// REKEY(selector) and GENCERT's keywords for the new certificate.
pub(super) fn rekey(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let mut g = GenCert::default();
    gencert_keywords(o.keywords, &mut g)?;
    Ok(Function::Rekey(Rekey {
        selector: selector(o.args)?,
        params: Box::new(g),
    }))
}

/// ROLLOVER(selector) [NEWLABEL] [FORCE].
pub(super) fn rollover(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    Ok(Function::Rollover(Rollover {
        selector: selector(o.args)?,
        new_label: new_label(o.keywords)?,
        force: has(o.keywords, "FORCE"),
    }))
}

/// ADD('dsn') [TRUST|NOTRUST|HIGHTRUST] [WITHLABEL] [PASSWORD].
pub(super) fn add(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let dsn = function_dsn(o)?;
    let password = opt_text(o.keywords, "PASSWORD", "PASSWORD")?;
    Ok(Function::Add(Add {
        dsn,
        status: status_of(o.keywords),
        label: get(o.keywords, "WITHLABEL")
            .map(|op| value(op, "LABEL").map(label_text))
            .transpose()?,
        password,
    }))
}

/// CHECKCERT('dsn') [PASSWORD].
pub(super) fn checkcert(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let dsn = function_dsn(o)?;
    let password = opt_text(o.keywords, "PASSWORD", "PASSWORD")?;
    Ok(Function::CheckCert(CheckCert { dsn, password }))
}

/// EXPORT(selector) [DSN] [FORMAT] [PASSWORD].
pub(super) fn export(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let dsn = keyword_dsn(o)?;
    let selector = selector(o.args)?;
    let format = export_format(o.keywords)?;
    Ok(Function::Export(Export {
        selector,
        dsn,
        format,
        password: opt_text(o.keywords, "PASSWORD", "PASSWORD")?,
    }))
}

/// GENREQ(selector) [DSN].
pub(super) fn genreq(o: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
    let dsn = keyword_dsn(o)?;
    let selector = selector(o.args)?;
    Ok(Function::GenReq(GenReq { selector, dsn }))
}

/// NEWLABEL('label'), when given.
fn new_label(kws: &[(&'static str, &Operand)]) -> Result<Option<String>, ParseFailure> {
    get(kws, "NEWLABEL")
        .map(|o| value(o, "LABEL").map(label_text))
        .transpose()
}

/// The data set inside the function's parentheses (ADD, CHECKCERT): required.
fn function_dsn(o: &FunctionOperands<'_>) -> Result<DsnOperand, ParseFailure> {
    match o.operand {
        Some(op) => dsn_value(op, "DATA SET NAME"),
        None => Err(ParseFailure::missing("DATA SET NAME", "DATA SET NAME")),
    }
}

/// DSN('dsn') beside the function (EXPORT, GENREQ), when given.
fn keyword_dsn(o: &FunctionOperands<'_>) -> Result<Option<DsnOperand>, ParseFailure> {
    get(o.keywords, "DSN")
        .map(|op| dsn_value(op, "DATA SET NAME"))
        .transpose()
}

/// The operands inside CONNECT or REMOVE.
struct RingOperands {
    cert_owner: Option<racemu_racf::Owner>,
    label: Option<String>,
    ring: Option<String>,
    usage: Option<Usage>,
    default: bool,
}

/// The operands inside CONNECT or REMOVE: the certificate's owner, label, ring, usage and
/// DEFAULT (REMOVE takes USAGE and DEFAULT too and ignores them, as racemu always has).
fn ring_operands(fargs: &[Operand]) -> Result<RingOperands, ParseFailure> {
    let table = [
        "ID", "SITE", "CERTAUTH", "LABEL", "RING", "USAGE", "DEFAULT",
    ];
    let mut r = RingOperands {
        cert_owner: None,
        label: None,
        ring: None,
        usage: None,
        default: false,
    };
    for a in fargs {
        match keyword_of(a, &table)? {
            Some(k @ ("ID" | "SITE" | "CERTAUTH")) => r.cert_owner = owner_inside(a, k)?,
            Some("LABEL") => r.label = Some(label_text(value(a, "LABEL")?)),
            Some("RING") => r.ring = Some(text_value(a, "RING NAME")?),
            Some("USAGE") => r.usage = Some(usage(a)?),
            Some("DEFAULT") => r.default = true,
            _ => return Err(ParseFailure::unknown_keyword(a, &table)),
        }
    }
    Ok(r)
}

/// USAGE(PERSONAL | CERTAUTH | SITE), abbreviations allowed.
fn usage(a: &Operand) -> Result<Usage, ParseFailure> {
    let v = upper(&text_value(a, "USAGE")?);
    let table: Vec<&'static str> = Usage::ALL.iter().map(|u| u.keyword()).collect();
    let u = match keyword_of(value(a, "USAGE")?, &table)? {
        Some(k) => Usage::from_keyword(k),
        None => None,
    };
    u.ok_or_else(|| ParseFailure::invalid("USAGE", &v))
}

/// The ring name of LISTRING, ADDRING or DELRING (required).
fn ring_name(fargs: &[Operand]) -> Result<String, ParseFailure> {
    let v = fargs
        .first()
        .map(|v| v.as_str().to_string())
        .unwrap_or_default();
    if v.is_empty() {
        return Err(ParseFailure::missing("RING NAME", "RING NAME"));
    }
    Ok(v)
}

/// The FORMAT operand of EXPORT, when given.
fn export_format(kws: &[(&'static str, &Operand)]) -> Result<Option<ExportFormat>, ParseFailure> {
    let Some(op) = get(kws, "FORMAT") else {
        return Ok(None);
    };
    let v = upper(&text_value(op, "FORMAT")?);
    let table: Vec<&'static str> = ExportFormat::ALL.iter().map(|f| f.keyword()).collect();
    let format = keyword_of(value(op, "FORMAT")?, &table)?.and_then(ExportFormat::from_keyword);
    format
        .map(Some)
        .ok_or_else(|| ParseFailure::invalid("FORMAT", &v))
}

//! The operands inside RACDCERT's keywords: labels, user IDs, selectors, dates, SUBJECTSDN,
//! ALTNAME, KEYUSAGE, SIGNWITH and the GENCERT / REKEY keywords.

use super::types::*;
use crate::operand::{checked_user_id, get, keyword_of, text_value, value, ParseFailure};
use crate::values::{racdcert_date, racdcert_time};
use racemu_racf::{AltNames, KeyAlgorithm, KeyUsage, Owner, TrustStatus};
use racemu_tso::operands::{Operand, OperandText};

pub(super) fn upper(s: &str) -> String {
    s.to_ascii_uppercase()
}

/// A label value: quoted keeps case, unquoted is folded.
pub(super) fn label_text(v: &Operand) -> String {
    match &v.text {
        OperandText::Quoted(q) => q.clone(),
        OperandText::Word(w) => upper(w),
    }
}

pub(super) fn user_id(op: &Operand) -> Result<String, ParseFailure> {
    checked_user_id(&text_value(op, "USERID")?)
}

/// LABEL('x') | SERIALNUMBER(hex) ISSUERSDN('dn') inside a function's parentheses.
pub(super) fn selector(args: &[Operand]) -> Result<Option<CertSelector>, ParseFailure> {
    let table = ["LABEL", "SERIALNUMBER", "ISSUERSDN"];
    let mut label = None;
    let mut serial = None;
    let mut issuer = None;
    for a in args {
        match keyword_of(a, &table)? {
            Some("LABEL") => label = Some(label_text(value(a, "LABEL")?)),
            Some("SERIALNUMBER") => serial = Some(upper(&text_value(a, "SERIAL NUMBER")?)),
            Some("ISSUERSDN") => issuer = Some(text_value(a, "ISSUER'S DISTINGUISHED NAME")?),
            _ => return Err(ParseFailure::unknown_keyword(a, &table)),
        }
    }
    if let Some(l) = label {
        return Ok(Some(CertSelector::Label(l)));
    }
    Ok(serial.map(|serial| CertSelector::Serial { serial, issuer }))
}

pub(super) fn owner_inside(a: &Operand, k: &str) -> Result<Option<Owner>, ParseFailure> {
    Ok(match k {
        "ID" => Some(Owner::User(user_id(a)?)),
        "SITE" => Some(Owner::Site),
        "CERTAUTH" => Some(Owner::CertAuth),
        _ => None,
    })
}

pub(super) fn date_time(op: &Operand, kw: &str) -> Result<DateTimeSpec, ParseFailure> {
    let mut spec = DateTimeSpec::default();
    for a in op.args.as_deref().unwrap_or(&[]) {
        match keyword_of(a, &["DATE", "TIME"])? {
            Some("DATE") => {
                let v = text_value(a, "DATE")?;
                spec.date =
                    Some(racdcert_date(&v).ok_or_else(|| ParseFailure::invalid("DATE", &v))?);
            }
            Some("TIME") => {
                let v = text_value(a, "TIME")?;
                spec.time =
                    Some(racdcert_time(&v).ok_or_else(|| ParseFailure::invalid("TIME", &v))?);
            }
            _ => return Err(ParseFailure::unknown_keyword(a, &["DATE", "TIME"])),
        }
    }
    if spec.date.is_none() && spec.time.is_none() {
        return Err(ParseFailure::missing(kw, kw));
    }
    Ok(spec)
}

pub(super) fn subject(op: &Operand) -> Result<SubjectSpec, ParseFailure> {
    const TAGS: &[&str] = &["CN", "T", "OU", "O", "L", "SP", "C"];
    let mut found: Vec<(&'static str, Vec<String>)> = Vec::new();
    for a in op.args.as_deref().unwrap_or(&[]) {
        let Some(tag) = keyword_of(a, TAGS)? else {
            return Err(ParseFailure::unknown_keyword(a, TAGS));
        };
        let vals: Vec<String> = a
            .args
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .map(label_text)
            .collect();
        if vals.is_empty() || vals.iter().any(|v| v.is_empty()) {
            return Err(ParseFailure::missing(tag, tag));
        }
        found.retain(|(t, _)| *t != tag);
        found.push((tag, vals));
    }
    let mut parts = Vec::new();
    for tag in TAGS {
        if let Some((_, vals)) = found.iter().find(|(t, _)| t == tag) {
            let take = if *tag == "OU" { vals.len() } else { 1 };
            for v in vals.iter().take(take) {
                parts.push((*tag, v.clone()));
            }
        }
    }
    Ok(SubjectSpec { parts })
}

pub(super) fn alt_names(op: &Operand) -> Result<AltNames<String>, ParseFailure> {
    let mut spec = AltNames::<String>::default();
    for a in op.args.as_deref().unwrap_or(&[]) {
        let k = keyword_of(a, &["IP", "DOMAIN", "EMAIL", "URI"])?;
        let v = a
            .args
            .as_deref()
            .and_then(|v| v.first())
            .map(|v| v.as_str().to_string());
        match k {
            Some("IP") => match v.filter(|s| !s.is_empty()) {
                Some(ip) => spec.ip = Some(ip),
                None => {
                    return Err(ParseFailure::missing(
                        "Internet Protocol (IP) Address",
                        "The Internet Protocol (IP) Address in either IPv4 or IPv6 form, e.g. IPv4, 10.120.184.248, IPv6, 12cd:0:afed:45:109f:16c:743d:8001",
                    ))
                }
            },
            Some("DOMAIN") => match v.filter(|s| !s.is_empty()) {
                Some(d) => spec.domain = Some(d),
                None => return Err(ParseFailure::missing("Domain Name", "The Domain Name, e.g. www.ibm.com")),
            },
            Some("EMAIL") => match v.filter(|s| !s.is_empty()) {
                Some(e) => spec.email = Some(e),
                None => return Err(ParseFailure::missing("Email Address", "The Email Address, e.g. name@ibm.com")),
            },
            Some("URI") => match v.filter(|s| !s.is_empty()) {
                Some(u) => spec.uri = Some(u),
                None => return Err(ParseFailure::missing("Uniform Resource Identifier", "The Uniform Resource Identifier, e.g. http://www.ibm.com")),
            },
            _ => return Err(ParseFailure::unknown_keyword(a, &["IP", "DOMAIN", "EMAIL", "URI"])),
        }
    }
    Ok(spec)
}

pub(super) fn key_usage(op: &Operand) -> Result<KeyUsage, ParseFailure> {
    let table = &KeyUsage::KEYWORDS;
    let mut words = Vec::new();
    for a in op.args.as_deref().unwrap_or(&[]) {
        match keyword_of(a, table)? {
            Some(k) => words.push(k),
            None => return Err(ParseFailure::unknown_keyword(a, table)),
        }
    }
    KeyUsage::from_keywords(words).map_err(|_| ParseFailure::unknown_keyword(op, table))
}

pub(super) fn sign_with(op: &Operand) -> Result<SignWithSpec, ParseFailure> {
    let mut owner = None;
    let mut label = None;
    for a in op.args.as_deref().unwrap_or(&[]) {
        match keyword_of(a, &["CERTAUTH", "SITE", "LABEL"])? {
            Some("CERTAUTH") => owner = Some(Owner::CertAuth),
            Some("SITE") => owner = Some(Owner::Site),
            Some("LABEL") => label = Some(label_text(value(a, "LABEL")?)),
            _ => {
                return Err(ParseFailure::unknown_keyword(
                    a,
                    &["CERTAUTH", "SITE", "LABEL"],
                ))
            }
        }
    }
    match label {
        Some(l) if !l.is_empty() => Ok(SignWithSpec { owner, label: l }),
        _ => Err(ParseFailure::missing("LABEL", "LABEL")),
    }
}

pub(super) fn gencert_keywords(
    kws: &[(&'static str, &Operand)],
    g: &mut GenCert,
) -> Result<(), ParseFailure> {
    for (k, op) in kws {
        match *k {
            "SUBJECTSDN" => g.subject = Some(subject(op)?),
            "SIZE" => {
                let v = text_value(op, "KEY SIZE")?;
                g.size = Some(v.parse().map_err(|_| ParseFailure::invalid("SIZE", &v))?);
            }
            "ICSF" | "PCICC" | "PKDS" | "TOKEN" => g.key_placement = Some(k.to_string()),
            "NOTBEFORE" => g.not_before = Some(date_time(op, "NOTBEFORE")?),
            "NOTAFTER" => g.not_after = Some(date_time(op, "NOTAFTER")?),
            "WITHLABEL" => g.label = Some(label_text(value(op, "LABEL")?)),
            "SIGNWITH" => g.sign_with = Some(sign_with(op)?),
            "KEYUSAGE" => g.key_usage = Some(key_usage(op)?),
            "ALTNAME" => g.alt_name = alt_names(op)?,
            "TRUST" | "NOTRUST" | "HIGHTRUST" => g.status = TrustStatus::from_keyword(k),
            _ => {}
        }
        if let Some(algorithm) = KeyAlgorithm::from_keyword(k) {
            g.algorithm = Some(algorithm);
            if let Some(inner) = op.args.as_deref().and_then(|a| a.first()) {
                g.key_placement = Some(upper(inner.as_str()));
            }
        }
    }
    Ok(())
}

pub(super) fn status_of(kws: &[(&'static str, &Operand)]) -> Option<TrustStatus> {
    kws.iter()
        .rev()
        .find_map(|(k, _)| TrustStatus::from_keyword(k))
}

pub(super) fn opt_text(
    kws: &[(&'static str, &Operand)],
    k: &str,
    what: &str,
) -> Result<Option<String>, ParseFailure> {
    get(kws, k).map(|op| text_value(op, what)).transpose()
}

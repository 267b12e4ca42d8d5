//! RACDCERT: owner selector plus one function with its keywords (RACF Command Language Reference,
//! RACDCERT, radcertg.htm).
//!
//! Case rules (RACF Command Language Reference, RACDCERT; the z/OS 2.5 captures in
//! docs/sources.md): keywords in any case; user IDs folded to upper case; quoted
//! strings keep their case; unquoted labels and DN values are folded to upper case, as TSO
//! parse folds unquoted operands; ring names keep their case even when unquoted.

mod keywords;
mod maps;
mod operands;
mod types;

pub use keywords::{FUNCTION_COUNT, RACDCERT_KEYWORDS};
pub use types::*;

use crate::operand::{
    dsn_value, get, has, keyword_of, text_value, value, DsnOperand, ParseFailure,
};
use keywords::is_function;
use operands::*;
use racemu_racf::{Owner, Usage};
use racemu_tso::operands::Operand;

/// Parses RACDCERT operands.
pub fn parse(ops: &[Operand]) -> Result<Racdcert, ParseFailure> {
    let mut kws: Vec<(&'static str, &Operand)> = Vec::new();
    for op in ops {
        match keyword_of(op, RACDCERT_KEYWORDS)? {
            Some(k) => {
                kws.retain(|(x, _)| *x != k);
                kws.push((k, op));
            }
            None => return Err(ParseFailure::unknown_keyword(op, RACDCERT_KEYWORDS)),
        }
    }
    let functions: Vec<(&'static str, &Operand)> = kws
        .iter()
        .filter(|(k, _)| is_function(k))
        .copied()
        .collect();
    if functions.len() > 1 {
        return Err(ParseFailure::invalid_keyword(functions[1].0));
    }
    let owners: Vec<&(&'static str, &Operand)> = kws
        .iter()
        .filter(|(k, _)| matches!(*k, "ID" | "SITE" | "CERTAUTH" | "MULTIID"))
        .collect();
    if owners.len() > 1 {
        return Err(ParseFailure::invalid_keyword(owners[1].0));
    }
    let owner = match owners.first() {
        Some(("ID", op)) => Some(Owner::User(user_id(op)?)),
        Some(("SITE", _)) => Some(Owner::Site),
        Some(("CERTAUTH", _)) => Some(Owner::CertAuth),
        _ => None,
    };
    let (fname, fop) = match functions.first() {
        Some((n, o)) => (*n, Some(*o)),
        None => ("LIST", None),
    };
    let multi_id = matches!(owners.first(), Some(("MULTIID", _)));
    if multi_id && !matches!(fname, "MAP" | "ALTMAP" | "DELMAP" | "LISTMAP") {
        return Err(ParseFailure::new(vec![crate::messages::irrd136i()], 8));
    }
    let fargs: &[Operand] = fop.and_then(|o| o.args.as_deref()).unwrap_or(&[]);
    let function = match fname {
        "LIST" => Function::List(selector(fargs)?),
        "LISTCHAIN" => match selector(fargs)? {
            Some(s) => Function::ListChain(s),
            None => return Err(ParseFailure::missing("LABEL", "LABEL")),
        },
        "LISTRING" => {
            let v = ring_name(fargs)?;
            Function::ListRing(if v == "*" {
                RingSelector::All
            } else {
                RingSelector::Named(v)
            })
        }
        "ADDRING" | "DELRING" => {
            let v = ring_name(fargs)?;
            if fname == "ADDRING" {
                Function::AddRing(v)
            } else {
                Function::DelRing(v)
            }
        }
        "CONNECT" | "REMOVE" => connect_or_remove(fname, fargs)?,
        "DELETE" => Function::Delete(selector(fargs)?),
        "ALTER" => Function::Alter(Alter {
            selector: selector(fargs)?,
            status: status_of(&kws),
            new_label: get(&kws, "NEWLABEL")
                .map(|o| value(o, "LABEL").map(label_text))
                .transpose()?,
        }),
        "GENCERT" => {
            let mut g = GenCert::default();
            if let Some(first) = fargs.first() {
                if !first.as_str().is_empty() {
                    g.request = Some(DsnOperand {
                        name: first.as_str().to_string(),
                        quoted: first.text.is_quoted(),
                    });
                }
            }
            gencert_keywords(&kws, &mut g)?;
            Function::GenCert(Box::new(g))
        }
        "REKEY" => {
            let mut g = GenCert::default();
            gencert_keywords(&kws, &mut g)?;
            Function::Rekey(Rekey {
                selector: selector(fargs)?,
                params: Box::new(g),
            })
        }
        "ROLLOVER" => Function::Rollover(Rollover {
            selector: selector(fargs)?,
            new_label: get(&kws, "NEWLABEL")
                .map(|o| value(o, "LABEL").map(label_text))
                .transpose()?,
            force: has(&kws, "FORCE"),
        }),
        "ADD" | "CHECKCERT" => {
            let dsn = match fop {
                Some(op) => dsn_value(op, "DATA SET NAME")?,
                None => return Err(ParseFailure::missing("DATA SET NAME", "DATA SET NAME")),
            };
            let password = opt_text(&kws, "PASSWORD", "PASSWORD")?;
            if fname == "ADD" {
                Function::Add(Add {
                    dsn,
                    status: status_of(&kws),
                    label: get(&kws, "WITHLABEL")
                        .map(|o| value(o, "LABEL").map(label_text))
                        .transpose()?,
                    password,
                })
            } else {
                Function::CheckCert(CheckCert { dsn, password })
            }
        }
        "EXPORT" | "GENREQ" => {
            let dsn = get(&kws, "DSN")
                .map(|o| dsn_value(o, "DATA SET NAME"))
                .transpose()?;
            let selector = selector(fargs)?;
            if fname == "GENREQ" {
                Function::GenReq(GenReq { selector, dsn })
            } else {
                let format = export_format(&kws)?;
                Function::Export(Export {
                    selector,
                    dsn,
                    format,
                    password: opt_text(&kws, "PASSWORD", "PASSWORD")?,
                })
            }
        }
        "MAP" => maps::map(multi_id, fop, &kws)?,
        "ALTMAP" => maps::altmap(multi_id, fargs, &kws)?,
        "DELMAP" | "LISTMAP" => maps::delmap_or_listmap(multi_id, fname == "LISTMAP", fargs)?,
        other => Function::NotEmulated(other),
    };
    Ok(Racdcert { owner, function })
}

/// The operands of CONNECT or REMOVE (`fname`): the certificate's owner, label, ring, usage
/// and DEFAULT.
fn connect_or_remove(fname: &str, fargs: &[Operand]) -> Result<Function, ParseFailure> {
    let table = [
        "ID", "SITE", "CERTAUTH", "LABEL", "RING", "USAGE", "DEFAULT",
    ];
    let mut cert_owner = None;
    let mut label = None;
    let mut ring = None;
    let mut usage = None;
    let mut default = false;
    for a in fargs {
        match keyword_of(a, &table)? {
            Some(k @ ("ID" | "SITE" | "CERTAUTH")) => cert_owner = owner_inside(a, k)?,
            Some("LABEL") => label = Some(label_text(value(a, "LABEL")?)),
            Some("RING") => ring = Some(text_value(a, "RING NAME")?),
            Some("USAGE") => {
                let v = upper(&text_value(a, "USAGE")?);
                let u = match keyword_of(value(a, "USAGE")?, &["PERSONAL", "CERTAUTH", "SITE"])? {
                    Some(k) => Usage::from_keyword(k),
                    None => None,
                };
                usage = Some(u.ok_or_else(|| ParseFailure::invalid("USAGE", &v))?);
            }
            Some("DEFAULT") => default = true,
            _ => return Err(ParseFailure::unknown_keyword(a, &table)),
        }
    }
    Ok(if fname == "CONNECT" {
        Function::Connect(Connect {
            cert_owner,
            label,
            ring,
            usage,
            default,
        })
    } else {
        Function::Remove(Remove {
            cert_owner,
            label,
            ring,
        })
    })
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
    Ok(match get(kws, "FORMAT") {
        None => None,
        Some(op) => {
            let v = upper(&text_value(op, "FORMAT")?);
            let table = [
                "CERTDER",
                "CERTB64",
                "PKCS7DER",
                "PKCS7B64",
                "PKCS12DER",
                "PKCS12B64",
            ];
            let f = match keyword_of(value(op, "FORMAT")?, &table)? {
                Some("CERTDER") => ExportFormat::CertDer,
                Some("CERTB64") => ExportFormat::CertB64,
                Some("PKCS7DER") => ExportFormat::Pkcs7Der,
                Some("PKCS7B64") => ExportFormat::Pkcs7B64,
                Some("PKCS12DER") => ExportFormat::Pkcs12Der,
                Some("PKCS12B64") => ExportFormat::Pkcs12B64,
                _ => return Err(ParseFailure::invalid("FORMAT", &v)),
            };
            Some(f)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse as parse_cmd, Command};
    use racemu_racf::TrustStatus;

    fn rd(s: &str) -> Racdcert {
        match parse_cmd(s) {
            Ok(Command::Racdcert(r)) => r,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn owner_after_function_and_lower_case() {
        let r = rd("racdcert connect(ring(zOSMFRing2) certauth label('zOSMFCA2')) id(izusvr)");
        assert_eq!(r.owner, Some(Owner::User("IZUSVR".into())));
        match r.function {
            Function::Connect(Connect {
                cert_owner,
                label,
                ring,
                usage,
                default,
            }) => {
                assert_eq!(cert_owner, Some(Owner::CertAuth));
                assert_eq!(label.as_deref(), Some("zOSMFCA2"));
                assert_eq!(ring.as_deref(), Some("zOSMFRing2"));
                assert_eq!(usage, None);
                assert!(!default);
            }
            f => panic!("{f:?}"),
        }
    }

    #[test]
    fn gencert_full() {
        let r = rd("RACDCERT ID(ZWESVUSR) GENCERT SUBJECTSDN(CN('Zowe Service') OU('API Mediation Layer') O('Zowe Sample') L('Prague') SP('Prague') C('CZ')) SIZE(2048) NOTAFTER(DATE(2030/05/01)) WITHLABEL('localhost') KEYUSAGE(HANDSHAKE,DATAENCRYPT) ALTNAME(IP(10.1.1.1) DOMAIN('host')) SIGNWITH(CERTAUTH LABEL('localca'))");
        let Function::GenCert(g) = r.function else {
            panic!()
        };
        assert_eq!(
            g.subject.unwrap().parts[0],
            ("CN", "Zowe Service".to_string())
        );
        assert_eq!(g.size, Some(2048));
        assert_eq!(g.not_after.unwrap().date, Some((2030, 5, 1)));
        assert!(g.key_usage.as_ref().unwrap().dataencrypt);
        assert_eq!(g.alt_name.ip.as_deref(), Some("10.1.1.1"));
        assert_eq!(g.sign_with.unwrap().owner, Some(Owner::CertAuth));
    }

    #[test]
    fn empty_ip_is_missing() {
        let e = parse_cmd("RACDCERT GENCERT ALTNAME(IP() DOMAIN('x'))").unwrap_err();
        assert_eq!(
            e.messages[0],
            "IKJ56701I MISSING Internet Protocol (IP) Address+"
        );
        assert_eq!(e.messages.len(), 2);
    }

    #[test]
    fn bare_owner_is_list() {
        assert_eq!(rd("RACDCERT ID(x)").function, Function::List(None));
        assert_eq!(
            rd("RACDCERT LISTR(*) ID(x)").function,
            Function::ListRing(RingSelector::All)
        );
    }

    #[test]
    fn keyword_first_add() {
        let r = rd("racdcert CERTAUTH withlabel('CICS CA') add('USER1.CICSCA.PEM') trust");
        match r.function {
            Function::Add(Add {
                dsn, label, status, ..
            }) => {
                assert!(dsn.quoted);
                assert_eq!(label.as_deref(), Some("CICS CA"));
                assert_eq!(status, Some(TrustStatus::Trust));
            }
            f => panic!("{f:?}"),
        }
    }

    #[test]
    fn two_functions_rejected() {
        assert!(parse_cmd("RACDCERT LIST ADDRING(X)").is_err());
    }
}

//! RACDCERT: owner selector plus one function with its keywords (RACF Command Language Reference,
//! RACDCERT, radcertg.htm).
//!
//! Case rules (RACF Command Language Reference, RACDCERT; the z/OS 2.5 captures in
//! docs/sources.md): keywords in any case; user IDs folded to upper case; quoted
//! strings keep their case; unquoted labels and DN values are folded to upper case, as TSO
//! parse folds unquoted operands; ring names keep their case even when unquoted.

mod entries;
mod functions;
mod keywords;
pub(crate) mod maps;
mod operands;
pub mod registry;
mod types;

pub use keywords::racdcert_keywords;
pub use registry::{FunctionDef, FunctionKind, FUNCTIONS};
pub use types::*;

use crate::operand::{keyword_of, ParseFailure};
use operands::*;
use racemu_racf::Owner;
use racemu_tso::operands::Operand;
use registry::FunctionOperands;

/// The keyword of an owner operand as typed: `MULTIID`, `SITE`, `CERTAUTH` or `ID`.
fn owner_keyword(owner: Option<&Owner>, multiid: bool) -> &'static str {
    match owner {
        _ if multiid => "MULTIID",
        Some(Owner::Site) => "SITE",
        Some(Owner::CertAuth) => "CERTAUTH",
        _ => "ID",
    }
}

/// Parses RACDCERT operands: the owner, then the one function (LIST when none is named),
/// whose registry entry parses its operands.
pub fn parse(ops: &[Operand]) -> Result<Racdcert, ParseFailure> {
    let table = racdcert_keywords();
    let mut kws: Vec<(&'static str, &Operand)> = Vec::new();
    for op in ops {
        match keyword_of(op, table)? {
            Some(k) => {
                kws.retain(|(x, _)| *x != k);
                kws.push((k, op));
            }
            None => return Err(ParseFailure::unknown_keyword(op, table)),
        }
    }
    let functions: Vec<(&'static FunctionDef, &Operand)> = kws
        .iter()
        .filter_map(|(k, op)| registry::lookup(k).map(|d| (d, *op)))
        .collect();
    if let Some((second, _)) = functions.get(1) {
        return Err(ParseFailure::invalid_keyword(second.keyword));
    }
    let owners: Vec<&(&'static str, &Operand)> = kws
        .iter()
        .filter(|(k, _)| matches!(*k, "ID" | "SITE" | "CERTAUTH" | "MULTIID"))
        .collect();
    if let Some((second, _)) = owners.get(1) {
        return Err(ParseFailure::invalid_keyword(second));
    }
    let (multiid, owner) = match owners.first() {
        Some(("ID", op)) => (false, Some(Owner::User(user_id(op)?))),
        Some(("SITE", _)) => (false, Some(Owner::Site)),
        Some(("CERTAUTH", _)) => (false, Some(Owner::CertAuth)),
        Some(("MULTIID", _)) => (true, None),
        _ => (false, None),
    };
    let (def, operand) = match functions.first() {
        Some((d, o)) => (*d, Some(*o)),
        None => (FunctionKind::List.def(), None),
    };
    if !def.takes_owner(owner.as_ref(), multiid) {
        return Err(ParseFailure::owner_not_for_function(owner_keyword(
            owner.as_ref(),
            multiid,
        )));
    }
    let function = def.parse(&FunctionOperands {
        operand,
        args: operand.and_then(|o| o.args.as_deref()).unwrap_or(&[]),
        keywords: &kws,
        multiid,
    })?;
    let mut labels = Vec::new();
    typed_labels(ops, &mut labels);
    Ok(Racdcert {
        owner,
        function,
        labels,
    })
}

/// The `LABEL(value)` operands anywhere in `ops`, as typed.
fn typed_labels(ops: &[Operand], out: &mut Vec<TypedLabel>) {
    for op in ops {
        let Some(args) = &op.args else {
            continue;
        };
        if keyword_named(op, "LABEL") {
            if let Some(v) = args.first() {
                out.push(TypedLabel {
                    typed: v.as_str().to_string(),
                    quoted: v.text.is_quoted(),
                });
            }
        }
        typed_labels(args, out);
    }
}

/// Whether `op` is the keyword `name` written in full (any case).
fn keyword_named(op: &Operand, name: &str) -> bool {
    matches!(&op.text, racemu_tso::operands::OperandText::Word(w) if w.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse as parse_cmd, Command};
    use racemu_racf::TrustStatus;

    /// The RACDCERT command `s` parses to (panics on anything else).
    pub(super) fn rd(s: &str) -> Racdcert {
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
            e.messages()[0],
            "IKJ56701I MISSING Internet Protocol (IP) Address+"
        );
        assert_eq!(e.messages().len(), 2);
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

    /// The typed command keeps each LABEL as typed, so hints need not parse the text again.
    #[test]
    fn labels_keep_how_they_were_typed() {
        let r = rd("RACDCERT LIST(LABEL(MyCert)) ID(U)");
        let typed = TypedLabel {
            typed: "MyCert".into(),
            quoted: false,
        };
        assert_eq!(typed.effective(), "MYCERT");
        assert_eq!(r.labels, [typed]);
        let r = rd("racdcert connect(label('My CA') ring(R) certauth) id(u)");
        assert_eq!(
            r.labels,
            [TypedLabel {
                typed: "My CA".into(),
                quoted: true,
            }]
        );
        assert!(rd("RACDCERT ADDRING(R)").labels.is_empty());
    }

    #[test]
    fn two_functions_rejected() {
        assert!(parse_cmd("RACDCERT LIST ADDRING(X)").is_err());
    }
}

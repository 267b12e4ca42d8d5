//! The RACDCERT function registry and the command registry: every entry complete, and the
//! keywords, abbreviations, verbs and completion words the parallel tables they replaced held.
//! Functions: RACF Command Language Reference, RACDCERT
//! (<https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/radcertg.htm>).

use racemu_command::help::{self, HelpRequest};
use racemu_command::racdcert::registry::{lookup, Authority, FunctionKind, Parser};
use racemu_command::{
    completion_words, parse, racdcert_keywords, Command, Function, ParseError, FUNCTIONS, VERBS,
};
use racemu_tso::keywords::resolve_keyword;
use std::collections::BTreeSet;

/// RACDCERT's keyword table before the registry (`keywords.rs` with `FUNCTION_COUNT` = 26).
const OLD_KEYWORDS: &[&str] = &[
    "ADD",
    "ADDRING",
    "ADDTOKEN",
    "ALTER",
    "ALTMAP",
    "BIND",
    "CHECKCERT",
    "CONNECT",
    "DELETE",
    "DELMAP",
    "DELRING",
    "DELTOKEN",
    "EXPORT",
    "GENCERT",
    "GENREQ",
    "IMPORT",
    "LIST",
    "LISTCHAIN",
    "LISTMAP",
    "LISTRING",
    "LISTTOKEN",
    "MAP",
    "REKEY",
    "REMOVE",
    "ROLLOVER",
    "UNBIND",
    "ID",
    "SITE",
    "CERTAUTH",
    "MULTIID",
    "WITHLABEL",
    "TRUST",
    "NOTRUST",
    "HIGHTRUST",
    "PASSWORD",
    "ICSF",
    "PCICC",
    "PKDS",
    "TOKEN",
    "SUBJECTSDN",
    "SIZE",
    "NOTBEFORE",
    "NOTAFTER",
    "SIGNWITH",
    "RSA",
    "NISTECC",
    "BPECC",
    "DSA",
    "KEYUSAGE",
    "ALTNAME",
    "DSN",
    "FORMAT",
    "NEWLABEL",
    "FORCE",
    "SDNFILTER",
    "IDNFILTER",
    "CRITERIA",
    "FROMICSF",
    "REQONLY",
];

/// The REPL's `OTHER_KEYWORDS` before the registries.
const OLD_OTHER_KEYWORDS: &[&str] = &[
    "LABEL",
    "RING",
    "USAGE",
    "DEFAULT",
    "PERSONAL",
    "SERIALNUMBER",
    "ISSUERSDN",
    "CN",
    "OU",
    "DATE",
    "TIME",
    "HANDSHAKE",
    "DATAENCRYPT",
    "DOCSIGN",
    "CERTSIGN",
    "KEYAGREE",
    "IP",
    "DOMAIN",
    "EMAIL",
    "URI",
    "CLASS",
    "ACCESS",
    "UACC",
    "RACLIST",
    "CLASSACT",
    "REFRESH",
    "GENERIC",
    "AUTHUSER",
    "READ",
    "UPDATE",
    "CONTROL",
    "ALTER",
    "NONE",
    "FACILITY",
    "RDATALIB",
    "DIGTCERT",
    "DIGTRING",
];

/// `VERBS` before the command registry.
const OLD_VERBS: &[&str] = &[
    "RACDCERT", "SETROPTS", "SETR", "RDEFINE", "RDEF", "RALTER", "RALT", "RDELETE", "RDEL",
    "PERMIT", "PE", "RLIST", "RL", "ADDSD", "AD", "ALTDSD", "ALD", "DELDSD", "DD", "LISTDSD", "LD",
    "SEARCH", "SR", "ADDUSER", "AU", "ALTUSER", "ALU", "LISTUSER", "LU", "DELUSER", "DU",
    "ADDGROUP", "AG", "CONNECT", "CO", "LISTGRP", "LG", "PROFILE", "PROF", "END", "LOGOFF", "HELP",
    "H",
];

#[test]
fn every_function_entry_has_help_completion_and_a_resource() {
    let mut keywords = BTreeSet::new();
    for f in FUNCTIONS {
        assert!(keywords.insert(f.keyword), "{} twice", f.keyword);
        assert_eq!(f.kind.def().keyword, f.keyword, "{:?}", f.kind);
        assert_eq!(lookup(f.keyword).map(|d| d.kind), Some(f.kind));
        let own = f.help.first().expect("a help entry");
        assert_eq!(own.keyword, f.keyword, "its own HELP entry first");
        assert!(f
            .help
            .iter()
            .all(|h| !h.text.is_empty() && !h.shown.is_empty()));
        assert_eq!(f.completion.first(), Some(&f.keyword), "{}", f.keyword);
        assert!(f.resource.starts_with("IRR.DIGTCERT."), "{}", f.resource);
        assert!(
            f.owners.id && f.owners.site && f.owners.certauth,
            "{}",
            f.keyword
        );
        assert_eq!(
            f.owners.multiid,
            f.keyword.ends_with("MAP"),
            "MULTIID belongs to the mapping functions only: {}",
            f.keyword
        );
    }
    assert_eq!(FUNCTIONS.len(), 26);
    let emulated: Vec<&str> = FUNCTIONS
        .iter()
        .filter(|f| matches!(f.parser, Parser::Emulated(_)))
        .map(|f| f.keyword)
        .collect();
    assert_eq!(emulated.len(), 20, "{emulated:?}");
    assert_eq!(
        FunctionKind::Export.def().key_resource,
        Some("IRR.DIGTCERT.EXPORTKEY")
    );
    assert!(matches!(
        FunctionKind::Connect.def().authority,
        Authority::ByRingThenCertificate { .. }
    ));
}

#[test]
fn every_old_keyword_is_recognised_with_the_same_abbreviations() {
    let new = racdcert_keywords();
    assert_eq!(new, OLD_KEYWORDS);
    for k in OLD_KEYWORDS {
        for end in 1..=k.len() {
            let typed = &k[..end];
            assert_eq!(
                resolve_keyword(typed, new),
                resolve_keyword(typed, OLD_KEYWORDS),
                "{typed}"
            );
        }
    }
    for (typed, full) in [
        ("LISTR(*)", "LISTRING"),
        ("GENC", "GENCERT"),
        ("CHECKC('A.B')", "CHECKCERT"),
    ] {
        let text = format!("RACDCERT ID(U) {typed}");
        let r = match parse(&text) {
            Ok(Command::Racdcert(r)) => r,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(r.function.kind().keyword(), full, "{text}");
    }
}

#[test]
fn verbs_and_completion_words_are_those_of_the_old_tables() {
    assert_eq!(VERBS.as_slice(), OLD_VERBS);
    let old: BTreeSet<&str> = OLD_KEYWORDS
        .iter()
        .chain(OLD_OTHER_KEYWORDS)
        .copied()
        .collect();
    let new: BTreeSet<&str> = completion_words().into_iter().collect();
    assert_eq!(new, old);
    for v in VERBS.iter() {
        assert!(help::lookup(v).is_some(), "{v} has HELP");
    }
}

/// Only the functions that remove what a deleted user left (DELETE, DELRING, DELMAP) take an
/// owner who is not defined; every other function needs the owner defined (IRRD102I;
/// RACF Command Language Reference, RACDCERT DELETE,
/// <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-delete.htm>).
#[test]
fn only_the_removing_functions_take_an_undefined_owner() {
    let taking: BTreeSet<&str> = FUNCTIONS
        .iter()
        .filter(|f| f.owners.undefined_user)
        .map(|f| f.keyword)
        .collect();
    assert_eq!(taking, BTreeSet::from(["DELETE", "DELMAP", "DELRING"]));
}

/// MULTIID is refused with IRRD136I (RC 8) for any function but the mapping ones
/// (RACF Messages and Codes, IRRD136I,
/// <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha600/jj00004.htm>;
/// the irrmulti user ID anchors mappings only,
/// <https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha700/irrids.htm>).
#[test]
fn multiid_belongs_to_the_mapping_functions() {
    for text in [
        "RACDCERT MULTIID",
        "RACDCERT MULTIID LIST",
        "RACDCERT LISTRING(*) MULTIID",
    ] {
        let e = parse(text).unwrap_err();
        assert_eq!(
            e.cause,
            ParseError::OwnerNotForFunction("MULTIID"),
            "{text}"
        );
        assert_eq!(
            e.messages(),
            ["IRRD136I MULTIID cannot be used for the function specified."]
        );
        assert_eq!(e.rc(), 8);
    }
    // The mapping functions take it.
    for (text, kind) in [
        ("RACDCERT MULTIID MAP('U.CERT')", FunctionKind::Map),
        (
            "RACDCERT MULTIID LISTMAP(LABEL('x'))",
            FunctionKind::ListMap,
        ),
        ("RACDCERT MULTIID DELMAP(LABEL('x'))", FunctionKind::DelMap),
        ("RACDCERT MULTIID ALTMAP(LABEL('x'))", FunctionKind::AltMap),
    ] {
        match parse(text) {
            Ok(Command::Racdcert(r)) => {
                assert_eq!(r.function.kind(), kind, "{text}");
                assert!(!matches!(r.function, Function::NotEmulated(_)), "{text}");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

/// HELP RACDCERT OPERANDS shows MAP, and names the functions racemu recognises but does not run.
#[test]
fn help_lists_the_functions_racemu_does_not_emulate() {
    let out = help::render(&HelpRequest {
        command: Some("RACDCERT".into()),
        operands: Some(vec!["MAP".into(), "ADDTOKEN".into()]),
        ..HelpRequest::default()
    });
    assert!(out.hints.is_empty(), "{:?}", out.hints);
    let text = out.lines.join("\n");
    assert!(text.contains("MAP[('dsn')]"), "{text}");
    assert!(text.contains("ADDTOKEN(token-name)"), "{text}");
    assert!(text.contains("not emulated"), "{text}");
}

/// Parse failures are typed causes; the catalogue renders their lines.
#[test]
fn parse_failures_are_typed_causes() {
    let cases = [
        ("FOO", ParseError::CommandNotFound("FOO".into())),
        ("FROBNICATE X", ParseError::InvalidCommandName),
        (
            "RACDCERT LIST ADDRING(X)",
            ParseError::InvalidKeyword("ADDRING".into()),
        ),
        (
            "RACDCERT LISTRING",
            ParseError::Missing {
                what: "RING NAME".into(),
                prompt: None,
            },
        ),
        (
            "RACDCERT CONNECT(LABEL('x') RING(R) USAGE(OTHER))",
            ParseError::InvalidValue {
                what: "USAGE".into(),
                value: "OTHER".into(),
            },
        ),
        (
            "RACDCERT EXPORT(LABEL('x')) FORMAT(PKCS99)",
            ParseError::InvalidValue {
                what: "FORMAT".into(),
                value: "PKCS99".into(),
            },
        ),
    ];
    for (text, cause) in cases {
        let e = parse(text).unwrap_err();
        assert_eq!(e.cause, cause, "{text}");
        assert_eq!(e.rc(), 12, "{text}");
    }
    let e = parse("RACDCERT CONNECT(LABEL('x') RING(R) USAGE(OTHER))").unwrap_err();
    assert_eq!(e.messages(), ["IKJ56702I INVALID USAGE, OTHER"]);
}

//! The RACDCERT functions racemu recognises but does not emulate: their commands parse, and
//! the engine refuses them with RC 8. Their levels are never read.

use crate::help::OperandHelp;
use crate::racdcert::registry::{
    Authority::ByOwner, FunctionDef, FunctionKind, Parser, CERTIFICATE_OWNERS, OWNER_LEVELS,
};

pub(super) static ADDTOKEN: FunctionDef = FunctionDef {
    kind: FunctionKind::AddToken,
    keyword: "ADDTOKEN",
    parser: Parser::NotEmulated,
    resource: "IRR.DIGTCERT.ADDTOKEN",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "ADDTOKEN",
        shown: "ADDTOKEN(token-name)",
        text: &["RACF's function for a z/OS PKCS #11 token: recognised, not emulated (RC 8)."],
    }],
    completion: &["ADDTOKEN"],
};

pub(super) static BIND: FunctionDef = FunctionDef {
    kind: FunctionKind::Bind,
    keyword: "BIND",
    parser: Parser::NotEmulated,
    resource: "IRR.DIGTCERT.BIND",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "BIND",
        shown: "BIND(TOKEN(token-name) ...)",
        text: &["RACF's function for a certificate bound to a PKCS #11 token: recognised, not emulated (RC 8)."],
    }],
    completion: &["BIND"],
};

pub(super) static DELTOKEN: FunctionDef = FunctionDef {
    kind: FunctionKind::DelToken,
    keyword: "DELTOKEN",
    parser: Parser::NotEmulated,
    resource: "IRR.DIGTCERT.DELTOKEN",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "DELTOKEN",
        shown: "DELTOKEN(token-name)",
        text: &["RACF's function for a z/OS PKCS #11 token: recognised, not emulated (RC 8)."],
    }],
    completion: &["DELTOKEN"],
};

pub(super) static IMPORT: FunctionDef = FunctionDef {
    kind: FunctionKind::Import,
    keyword: "IMPORT",
    parser: Parser::NotEmulated,
    resource: "IRR.DIGTCERT.IMPORT",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "IMPORT",
        shown: "IMPORT(TOKEN(token-name) ...)",
        text: &["RACF's function for a certificate from a PKCS #11 token: recognised, not emulated (RC 8)."],
    }],
    completion: &["IMPORT"],
};

pub(super) static LISTTOKEN: FunctionDef = FunctionDef {
    kind: FunctionKind::ListToken,
    keyword: "LISTTOKEN",
    parser: Parser::NotEmulated,
    resource: "IRR.DIGTCERT.LISTTOKEN",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "LISTTOKEN",
        shown: "LISTTOKEN(token-name)",
        text: &["RACF's function for a z/OS PKCS #11 token: recognised, not emulated (RC 8)."],
    }],
    completion: &["LISTTOKEN"],
};

pub(super) static UNBIND: FunctionDef = FunctionDef {
    kind: FunctionKind::Unbind,
    keyword: "UNBIND",
    parser: Parser::NotEmulated,
    resource: "IRR.DIGTCERT.UNBIND",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "UNBIND",
        shown: "UNBIND(TOKEN(token-name) ...)",
        text: &["RACF's function for a certificate bound to a PKCS #11 token: recognised, not emulated (RC 8)."],
    }],
    completion: &["UNBIND"],
};

//! One definition per RACDCERT function, as ripgrep defines its flags: each [`FunctionDef`]
//! holds the function's keyword (TSO abbreviates it to any unique prefix), its operand parser,
//! its FACILITY resource and access levels, its HELP entry, its completion words and the owner
//! forms it takes. The parser, HELP, the REPL's completion and the engine's authority check all
//! read [`FUNCTIONS`]; nothing else lists the functions.
//!
//! Adding a function is one entry in `entries.rs` (with a [`FunctionKind`] variant) plus one
//! engine module; the engine's exhaustive `match` over [`crate::Function`] says what is missing.
//! Functions and their authority: RACF Command Language Reference, RACDCERT
//! (<https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/radcertg.htm>)
//! and Security Administrator's Guide, controlling the use of the RACDCERT command
//! (<https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/cracd.htm>).

use super::types::Function;
use crate::help::OperandHelp;
use crate::operand::ParseFailure;
use racemu_racf::{Access, Owner};
use racemu_tso::operands::Operand;

pub use super::entries::FUNCTIONS;

/// Every RACDCERT function, by name. [`FunctionKind::def`] gives its definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FunctionKind {
    /// ADD: a certificate or package from a data set.
    Add,
    /// ADDRING: a new key ring.
    AddRing,
    /// ADDTOKEN: a PKCS #11 token (not emulated).
    AddToken,
    /// ALTER: a certificate's status or label.
    Alter,
    /// ALTMAP: a certificate name filter changed.
    AltMap,
    /// BIND: a certificate bound to a token (not emulated).
    Bind,
    /// CHECKCERT: a data set's certificates shown.
    CheckCert,
    /// CONNECT: a certificate put on a ring.
    Connect,
    /// DELETE: a certificate deleted.
    Delete,
    /// DELMAP: certificate name filters deleted.
    DelMap,
    /// DELRING: a key ring deleted.
    DelRing,
    /// DELTOKEN: a PKCS #11 token deleted (not emulated).
    DelToken,
    /// EXPORT: a certificate (and perhaps its key) written to a data set.
    Export,
    /// GENCERT: a key pair and certificate generated, or a request signed.
    GenCert,
    /// GENREQ: a PKCS #10 request written.
    GenReq,
    /// IMPORT: a certificate from a token (not emulated).
    Import,
    /// LIST: certificates shown.
    List,
    /// LISTCHAIN: a certificate's chain shown.
    ListChain,
    /// LISTMAP: certificate name filters shown.
    ListMap,
    /// LISTRING: key rings shown.
    ListRing,
    /// LISTTOKEN: PKCS #11 tokens shown (not emulated).
    ListToken,
    /// MAP: a certificate name filter created.
    Map,
    /// REKEY: a copy of a certificate with a new key pair.
    Rekey,
    /// REMOVE: a certificate taken off a ring.
    Remove,
    /// ROLLOVER: a certificate replaced by its rekeyed successor.
    Rollover,
    /// UNBIND: a certificate unbound from a token (not emulated).
    Unbind,
}

impl FunctionKind {
    /// The function's definition (one entry in `entries.rs`; the compiler asks for it).
    pub fn def(self) -> &'static FunctionDef {
        super::entries::def(self)
    }

    /// The function's keyword, upper case (`LISTRING`).
    pub fn keyword(self) -> &'static str {
        self.def().keyword
    }
}

/// The definition of the function whose full keyword is `keyword` (upper case).
pub fn lookup(keyword: &str) -> Option<&'static FunctionDef> {
    FUNCTIONS.iter().copied().find(|d| d.keyword == keyword)
}

/// The access to a function's FACILITY resource that one kind of owner needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Levels {
    /// The issuer's own certificate (or ring, or mapping).
    pub own: Access,
    /// Another user's.
    pub other_user: Access,
    /// A CERTAUTH or SITE certificate (or a MULTIID mapping).
    pub certauth_site: Access,
}

/// The mapping functions' levels: READ for one's own mappings, UPDATE for another user's or
/// MULTIID's (RACF Command Language Reference, RACDCERT MAP, le-map.htm).
pub const MAPPING_LEVELS: Levels = Levels {
    own: Access::Read,
    other_user: Access::Update,
    certauth_site: Access::Update,
};

/// Levels most functions use: READ for one's own, UPDATE for another user's, CONTROL for
/// CERTAUTH and SITE (cracd.htm).
pub const OWNER_LEVELS: Levels = Levels {
    own: Access::Read,
    other_user: Access::Update,
    certauth_site: Access::Control,
};

/// How the access a function needs is decided; the engine applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Authority {
    /// By who owns the certificate, ring or mapping the command names.
    ByOwner(Levels),
    /// CONNECT and REMOVE: on another user's ring `other_ring`; on the issuer's own ring, by
    /// who owns the certificate.
    ByRingThenCertificate {
        /// On the issuer's own ring, by the certificate's owner.
        own_ring: Levels,
        /// On another user's ring.
        other_ring: Access,
    },
}

/// The owner operands a function takes besides its own (`RACDCERT ID(x) | SITE | CERTAUTH |
/// MULTIID function`). A form the function does not take gives IRRD136I-style refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnerForms {
    /// ID(userid), and no owner (the issuer).
    pub id: bool,
    /// SITE.
    pub site: bool,
    /// CERTAUTH.
    pub certauth: bool,
    /// MULTIID: only the mapping functions (irrmulti).
    pub multiid: bool,
    /// ID(userid) of a user who is not (or no longer) defined is taken, to remove what a
    /// deleted user left behind: DELETE, DELRING and DELMAP. Every other function needs the
    /// owner defined (IRRD102I).
    pub undefined_user: bool,
}

/// ID, SITE and CERTAUTH: every certificate and ring function.
pub const CERTIFICATE_OWNERS: OwnerForms = OwnerForms {
    id: true,
    site: true,
    certauth: true,
    multiid: false,
    undefined_user: false,
};

/// As [`CERTIFICATE_OWNERS`], and a user who is no longer defined: DELETE and DELRING remove
/// a deleted user's residual certificates and rings (RACF Command Language Reference,
/// RACDCERT DELETE, le-delete.htm).
pub const RESIDUAL_CERTIFICATE_OWNERS: OwnerForms = OwnerForms {
    undefined_user: true,
    ..CERTIFICATE_OWNERS
};

/// ID, SITE, CERTAUTH and MULTIID: the mapping functions.
pub const MAPPING_OWNERS: OwnerForms = OwnerForms {
    id: true,
    site: true,
    certauth: true,
    multiid: true,
    undefined_user: false,
};

/// As [`MAPPING_OWNERS`], and a user who is no longer defined: DELMAP removes a deleted
/// user's mappings.
pub const RESIDUAL_MAPPING_OWNERS: OwnerForms = OwnerForms {
    undefined_user: true,
    ..MAPPING_OWNERS
};

/// What a function's operand parser sees: the function's own operand and the command's
/// top-level keywords (last occurrence of each, full names).
#[derive(Debug, Clone, Copy)]
pub struct FunctionOperands<'a> {
    /// The function's operand (`LIST(LABEL('x'))`); `None` when no function was named (LIST).
    pub operand: Option<&'a Operand>,
    /// The values inside the function's parentheses.
    pub args: &'a [Operand],
    /// Every top-level keyword of the command with its operand.
    pub keywords: &'a [(&'static str, &'a Operand)],
    /// Whether the command named MULTIID as its owner (only the mapping functions take it).
    pub multiid: bool,
}

/// How a function's operands become the typed [`Function`].
#[derive(Debug, Clone, Copy)]
pub enum Parser {
    /// racemu emulates the function: this builds it.
    Emulated(fn(&FunctionOperands<'_>) -> Result<Function, ParseFailure>),
    /// racemu recognises the function but does not run it ([`Function::NotEmulated`]).
    NotEmulated,
}

/// One RACDCERT function.
#[derive(Debug)]
pub struct FunctionDef {
    /// Which function.
    pub kind: FunctionKind,
    /// Its keyword, upper case; TSO takes any unique prefix among RACDCERT's keywords.
    pub keyword: &'static str,
    /// How its operands are parsed.
    pub parser: Parser,
    /// The FACILITY resource that guards it (`IRR.DIGTCERT.LIST`).
    pub resource: &'static str,
    /// The resource checked instead when the function hands out a private key (EXPORT in
    /// PKCS#12: `IRR.DIGTCERT.EXPORTKEY`).
    pub key_resource: Option<&'static str>,
    /// The access it needs.
    pub authority: Authority,
    /// The owner operands it takes.
    pub owners: OwnerForms,
    /// HELP RACDCERT OPERANDS entries: the function's own first, then the top-level operands
    /// it introduces.
    pub help: &'static [OperandHelp],
    /// Keywords used inside or beside it, offered by the REPL's completion.
    pub completion: &'static [&'static str],
}

impl FunctionDef {
    /// Whether the function takes `owner` (`None`: the issuer), given as `multiid` when the
    /// command said MULTIID.
    pub fn takes_owner(&self, owner: Option<&Owner>, multiid: bool) -> bool {
        if multiid {
            return self.owners.multiid;
        }
        match owner {
            None | Some(Owner::User(_)) => self.owners.id,
            Some(Owner::Site) => self.owners.site,
            Some(Owner::CertAuth) => self.owners.certauth,
        }
    }

    /// The typed function its operands give.
    pub fn parse(&self, ops: &FunctionOperands<'_>) -> Result<Function, ParseFailure> {
        match self.parser {
            Parser::Emulated(parse) => parse(ops),
            Parser::NotEmulated => Ok(Function::NotEmulated(self.kind)),
        }
    }
}

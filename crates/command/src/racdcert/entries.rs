//! The RACDCERT functions, one [`FunctionDef`] each: the registry's table. HELP RACDCERT lists
//! their OPERANDS entries in this order.
//!
//! Authority: RACF Command Language Reference, one page per function (for example RACDCERT
//! CONNECT, <https://ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-connect.htm>,
//! RACDCERT REMOVE, <https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha400/le-remove.htm>).
//! The levels of a function racemu does not emulate are never read.

mod mapping;
mod recognised;

use super::functions;
use super::registry::Authority::{self, ByOwner};
use super::registry::Levels;
use super::registry::{
    FunctionDef, FunctionKind, Parser, CERTIFICATE_OWNERS, OWNER_LEVELS,
    RESIDUAL_CERTIFICATE_OWNERS,
};
use crate::help::OperandHelp;
use racemu_racf::Access;

/// CONNECT: READ on one's own ring for one's own certificate, UPDATE for another's or a
/// CERTAUTH or SITE certificate, CONTROL on another user's ring (le-connect.htm).
const CONNECT_AUTHORITY: Authority = Authority::ByRingThenCertificate {
    own_ring: Levels {
        own: Access::Read,
        other_user: Access::Update,
        certauth_site: Access::Update,
    },
    other_ring: Access::Control,
};

/// REMOVE: READ on one's own ring, UPDATE for a CERTAUTH or SITE certificate, CONTROL on
/// another user's ring (le-remove.htm, Table 1).
const REMOVE_AUTHORITY: Authority = Authority::ByRingThenCertificate {
    own_ring: Levels {
        own: Access::Read,
        other_user: Access::Read,
        certauth_site: Access::Update,
    },
    other_ring: Access::Control,
};

/// Every function, in HELP's order: the emulated ones, then those racemu only recognises.
pub static FUNCTIONS: &[&FunctionDef] = &[
    &LIST,
    &LISTCHAIN,
    &LISTRING,
    &ADDRING,
    &DELRING,
    &CONNECT,
    &REMOVE,
    &GENCERT,
    &ADD,
    &ALTER,
    &DELETE,
    &EXPORT,
    &GENREQ,
    &CHECKCERT,
    &REKEY,
    &ROLLOVER,
    &mapping::MAP,
    &mapping::ALTMAP,
    &mapping::DELMAP,
    &mapping::LISTMAP,
    &recognised::ADDTOKEN,
    &recognised::BIND,
    &recognised::DELTOKEN,
    &recognised::IMPORT,
    &recognised::LISTTOKEN,
    &recognised::UNBIND,
];

/// The definition of `kind`.
pub(super) fn def(kind: FunctionKind) -> &'static FunctionDef {
    match kind {
        FunctionKind::List => &LIST,
        FunctionKind::ListChain => &LISTCHAIN,
        FunctionKind::ListRing => &LISTRING,
        FunctionKind::AddRing => &ADDRING,
        FunctionKind::DelRing => &DELRING,
        FunctionKind::Connect => &CONNECT,
        FunctionKind::Remove => &REMOVE,
        FunctionKind::GenCert => &GENCERT,
        FunctionKind::Add => &ADD,
        FunctionKind::Alter => &ALTER,
        FunctionKind::Delete => &DELETE,
        FunctionKind::Export => &EXPORT,
        FunctionKind::GenReq => &GENREQ,
        FunctionKind::CheckCert => &CHECKCERT,
        FunctionKind::Rekey => &REKEY,
        FunctionKind::Rollover => &ROLLOVER,
        FunctionKind::AddToken => &recognised::ADDTOKEN,
        FunctionKind::AltMap => &mapping::ALTMAP,
        FunctionKind::Bind => &recognised::BIND,
        FunctionKind::DelMap => &mapping::DELMAP,
        FunctionKind::DelToken => &recognised::DELTOKEN,
        FunctionKind::Import => &recognised::IMPORT,
        FunctionKind::ListMap => &mapping::LISTMAP,
        FunctionKind::ListToken => &recognised::LISTTOKEN,
        FunctionKind::Map => &mapping::MAP,
        FunctionKind::Unbind => &recognised::UNBIND,
    }
}

static LIST: FunctionDef = FunctionDef {
    kind: FunctionKind::List,
    keyword: "LIST",
    parser: Parser::Emulated(functions::list),
    resource: "IRR.DIGTCERT.LIST",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "LIST",
        shown: "LIST[(LABEL('label'))]",
        text: &[
            "Shows one certificate, or every certificate of the owner: label, status,",
            "validity dates, serial number, issuer and subject, key usage, alternative",
            "names, the rings it is connected to and whether a private key is held.",
        ],
    }],
    completion: &["LIST", "LABEL", "SERIALNUMBER", "ISSUERSDN"],
};

static LISTCHAIN: FunctionDef = FunctionDef {
    kind: FunctionKind::ListChain,
    keyword: "LISTCHAIN",
    parser: Parser::Emulated(functions::listchain),
    resource: "IRR.DIGTCERT.LISTCHAIN",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "LISTCHAIN",
        shown: "LISTCHAIN(LABEL('label'))",
        text: &["Shows the certificate and the issuers above it, as far as RACF has them."],
    }],
    completion: &["LISTCHAIN", "LABEL", "SERIALNUMBER", "ISSUERSDN"],
};

static LISTRING: FunctionDef = FunctionDef {
    kind: FunctionKind::ListRing,
    keyword: "LISTRING",
    parser: Parser::Emulated(functions::listring),
    resource: "IRR.DIGTCERT.LISTRING",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "LISTRING",
        shown: "LISTRING(ringname | *)",
        text: &[
            "Shows a key ring's certificates with their owner, usage and DEFAULT mark;",
            "* shows every ring of the owner. Ring names keep their case.",
        ],
    }],
    completion: &["LISTRING"],
};

static ADDRING: FunctionDef = FunctionDef {
    kind: FunctionKind::AddRing,
    keyword: "ADDRING",
    parser: Parser::Emulated(functions::addring),
    resource: "IRR.DIGTCERT.ADDRING",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "ADDRING",
        shown: "ADDRING(ringname)",
        text: &["Creates an empty key ring for the user."],
    }],
    completion: &["ADDRING"],
};

static DELRING: FunctionDef = FunctionDef {
    kind: FunctionKind::DelRing,
    keyword: "DELRING",
    parser: Parser::Emulated(functions::delring),
    resource: "IRR.DIGTCERT.DELRING",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: RESIDUAL_CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "DELRING",
        shown: "DELRING(ringname)",
        text: &["Deletes a key ring; the certificates stay in RACF."],
    }],
    completion: &["DELRING"],
};

static CONNECT: FunctionDef = FunctionDef {
    kind: FunctionKind::Connect,
    keyword: "CONNECT",
    parser: Parser::Emulated(functions::connect),
    resource: "IRR.DIGTCERT.CONNECT",
    key_resource: None,
    authority: CONNECT_AUTHORITY,
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "CONNECT",
        shown: "CONNECT(... LABEL('label') RING(ringname) ...)",
        text: &[
            "Puts a certificate on a ring. ID, CERTAUTH or SITE inside the parentheses",
            "names the certificate's owner (default: the ring's owner). USAGE gives how",
            "applications use it; DEFAULT makes it the ring's default certificate.",
        ],
    }],
    completion: &[
        "CONNECT", "ID", "SITE", "CERTAUTH", "LABEL", "RING", "USAGE", "PERSONAL", "DEFAULT",
    ],
};

static REMOVE: FunctionDef = FunctionDef {
    kind: FunctionKind::Remove,
    keyword: "REMOVE",
    parser: Parser::Emulated(functions::remove),
    resource: "IRR.DIGTCERT.REMOVE",
    key_resource: None,
    authority: REMOVE_AUTHORITY,
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "REMOVE",
        shown: "REMOVE(... LABEL('label') RING(ringname))",
        text: &["Takes a certificate off a ring; the certificate stays in RACF."],
    }],
    completion: &["REMOVE", "ID", "SITE", "CERTAUTH", "LABEL", "RING"],
};

static GENCERT: FunctionDef = FunctionDef {
    kind: FunctionKind::GenCert,
    keyword: "GENCERT",
    parser: Parser::Emulated(functions::gencert),
    resource: "IRR.DIGTCERT.GENCERT",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[
        OperandHelp {
            keyword: "GENCERT",
            shown: "GENCERT[('request-dsn')]",
            text: &[
                "Generates a key pair and a certificate, self-signed or signed by the",
                "certificate SIGNWITH names. With a data set name, signs the PKCS#10 request",
                "it holds instead (SIGNWITH is then required; no private key is kept).",
            ],
        },
        OperandHelp {
            keyword: "SUBJECTSDN",
            shown: "SUBJECTSDN(CN('n') T('t') OU('u') O('o') L('l') SP('s') C('cc'))",
            text: &["The subject's distinguished name; OU may be repeated."],
        },
        OperandHelp {
            keyword: "SIZE",
            shown: "SIZE(n)",
            text: &[
                "The key size in bits (RSA: default 2048; NISTECC: 256 (default), 384 or 521).",
            ],
        },
        OperandHelp {
            keyword: "RSA",
            shown: "RSA | NISTECC",
            text: &["The key type. BPECC and DSA are recognised but not generated by racemu."],
        },
        OperandHelp {
            keyword: "NOTBEFORE",
            shown: "NOTBEFORE(DATE(yyyy-mm-dd) TIME(hh:mm:ss))",
            text: &["When the certificate becomes valid (default: today, 00:00:00)."],
        },
        OperandHelp {
            keyword: "NOTAFTER",
            shown: "NOTAFTER(DATE(yyyy-mm-dd) TIME(hh:mm:ss))",
            text: &["When the certificate expires (default: one year after NOTBEFORE)."],
        },
        OperandHelp {
            keyword: "WITHLABEL",
            shown: "WITHLABEL('label')",
            text: &[
                "The new certificate's label, unique for its owner. Quote it to keep its",
                "case: an unquoted label is folded to upper case.",
            ],
        },
        OperandHelp {
            keyword: "SIGNWITH",
            shown: "SIGNWITH([CERTAUTH|SITE] LABEL('label'))",
            text: &["The certificate whose private key signs the new one."],
        },
        OperandHelp {
            keyword: "KEYUSAGE",
            shown: "KEYUSAGE(HANDSHAKE DATAENCRYPT DOCSIGN CERTSIGN KEYAGREE)",
            text: &["What the key may be used for."],
        },
        OperandHelp {
            keyword: "ALTNAME",
            shown: "ALTNAME(IP(a) DOMAIN('d') EMAIL('e') URI('u'))",
            text: &["Subject alternative names."],
        },
        OperandHelp {
            keyword: "TRUST",
            shown: "TRUST | NOTRUST | HIGHTRUST",
            text: &["The certificate's status. NOTRUST certificates are not used by applications."],
        },
    ],
    completion: &[
        "GENCERT",
        "SUBJECTSDN",
        "CN",
        "OU",
        "SIZE",
        "RSA",
        "NISTECC",
        "BPECC",
        "DSA",
        "ICSF",
        "PCICC",
        "PKDS",
        "TOKEN",
        "NOTBEFORE",
        "NOTAFTER",
        "DATE",
        "TIME",
        "WITHLABEL",
        "SIGNWITH",
        "CERTAUTH",
        "SITE",
        "LABEL",
        "KEYUSAGE",
        "HANDSHAKE",
        "DATAENCRYPT",
        "DOCSIGN",
        "CERTSIGN",
        "KEYAGREE",
        "ALTNAME",
        "IP",
        "DOMAIN",
        "EMAIL",
        "URI",
        "TRUST",
        "NOTRUST",
        "HIGHTRUST",
    ],
};

static ADD: FunctionDef = FunctionDef {
    kind: FunctionKind::Add,
    keyword: "ADD",
    parser: Parser::Emulated(functions::add),
    resource: "IRR.DIGTCERT.ADD",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "ADD",
        shown: "ADD('dsn')",
        text: &[
            "Adds the certificate, PKCS#7 chain or PKCS#12 package (with its key) held in",
            "a data set. PASSWORD opens a PKCS#12 package.",
        ],
    }],
    completion: &[
        "ADD",
        "WITHLABEL",
        "TRUST",
        "NOTRUST",
        "HIGHTRUST",
        "PASSWORD",
    ],
};

static ALTER: FunctionDef = FunctionDef {
    kind: FunctionKind::Alter,
    keyword: "ALTER",
    parser: Parser::Emulated(functions::alter),
    resource: "IRR.DIGTCERT.ALTER",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[
        OperandHelp {
            keyword: "ALTER",
            shown: "ALTER(LABEL('label'))",
            text: &["Changes a certificate's status or, with NEWLABEL, its label."],
        },
        OperandHelp {
            keyword: "NEWLABEL",
            shown: "NEWLABEL('label')",
            text: &["The new label for ALTER or the replacement certificate of ROLLOVER."],
        },
    ],
    completion: &[
        "ALTER",
        "LABEL",
        "SERIALNUMBER",
        "ISSUERSDN",
        "TRUST",
        "NOTRUST",
        "HIGHTRUST",
        "NEWLABEL",
    ],
};

static DELETE: FunctionDef = FunctionDef {
    kind: FunctionKind::Delete,
    keyword: "DELETE",
    parser: Parser::Emulated(functions::delete),
    resource: "IRR.DIGTCERT.DELETE",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: RESIDUAL_CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "DELETE",
        shown: "DELETE(LABEL('label'))",
        text: &["Deletes a certificate and takes it off every ring."],
    }],
    completion: &["DELETE", "LABEL", "SERIALNUMBER", "ISSUERSDN"],
};

static EXPORT: FunctionDef = FunctionDef {
    kind: FunctionKind::Export,
    keyword: "EXPORT",
    parser: Parser::Emulated(functions::export),
    resource: "IRR.DIGTCERT.EXPORT",
    key_resource: Some("IRR.DIGTCERT.EXPORTKEY"),
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[
        OperandHelp {
            keyword: "EXPORT",
            shown: "EXPORT(LABEL('label'))",
            text: &["Writes a certificate (or, in PKCS#12, with its key) to the DSN data set."],
        },
        OperandHelp {
            keyword: "FORMAT",
            shown: "FORMAT(CERTDER|CERTB64|PKCS7DER|PKCS7B64|PKCS12DER|PKCS12B64)",
            text: &["The EXPORT format (default CERTB64)."],
        },
        OperandHelp {
            keyword: "DSN",
            shown: "DSN('dsn')",
            text: &["The data set EXPORT or GENREQ writes. Unquoted names get your prefix."],
        },
        OperandHelp {
            keyword: "PASSWORD",
            shown: "PASSWORD('password')",
            text: &["The PKCS#12 password for ADD, CHECKCERT and EXPORT."],
        },
    ],
    completion: &[
        "EXPORT",
        "LABEL",
        "SERIALNUMBER",
        "ISSUERSDN",
        "DSN",
        "FORMAT",
        "PASSWORD",
    ],
};

static GENREQ: FunctionDef = FunctionDef {
    kind: FunctionKind::GenReq,
    keyword: "GENREQ",
    parser: Parser::Emulated(functions::genreq),
    resource: "IRR.DIGTCERT.GENREQ",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "GENREQ",
        shown: "GENREQ(LABEL('label'))",
        text: &["Writes a PKCS#10 certificate request for the certificate's key to DSN."],
    }],
    completion: &["GENREQ", "LABEL", "SERIALNUMBER", "ISSUERSDN", "DSN"],
};

static CHECKCERT: FunctionDef = FunctionDef {
    kind: FunctionKind::CheckCert,
    keyword: "CHECKCERT",
    parser: Parser::Emulated(functions::checkcert),
    resource: "IRR.DIGTCERT.LIST",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "CHECKCERT",
        shown: "CHECKCERT('dsn')",
        text: &["Shows the certificates a data set holds, without adding them."],
    }],
    completion: &["CHECKCERT", "PASSWORD"],
};

static REKEY: FunctionDef = FunctionDef {
    kind: FunctionKind::Rekey,
    keyword: "REKEY",
    parser: Parser::Emulated(functions::rekey),
    resource: "IRR.DIGTCERT.REKEY",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "REKEY",
        shown: "REKEY(LABEL('label'))",
        text: &["Makes a self-signed copy of a certificate with a new key pair (WITHLABEL)."],
    }],
    completion: &[
        "REKEY",
        "LABEL",
        "SERIALNUMBER",
        "ISSUERSDN",
        "WITHLABEL",
        "SIZE",
        "RSA",
        "NISTECC",
        "NOTBEFORE",
        "NOTAFTER",
    ],
};

static ROLLOVER: FunctionDef = FunctionDef {
    kind: FunctionKind::Rollover,
    keyword: "ROLLOVER",
    parser: Parser::Emulated(functions::rollover),
    resource: "IRR.DIGTCERT.ROLLOVER",
    key_resource: None,
    authority: ByOwner(OWNER_LEVELS),
    owners: CERTIFICATE_OWNERS,
    help: &[OperandHelp {
        keyword: "ROLLOVER",
        shown: "ROLLOVER(LABEL('label'))",
        text: &[
            "Moves the certificate's ring connections to the NEWLABEL certificate and",
            "deletes the old private key. FORCE allows it when the new one is not valid yet.",
        ],
    }],
    completion: &[
        "ROLLOVER",
        "LABEL",
        "SERIALNUMBER",
        "ISSUERSDN",
        "NEWLABEL",
        "FORCE",
    ],
};

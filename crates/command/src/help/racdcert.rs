//! HELP text for RACDCERT, in racemu's own words. The OPERANDS section is the owner operands,
//! then each function's entries from the RACDCERT registry, in the registry's order.

use super::{CommandHelp, OperandHelp};
use crate::racdcert::FUNCTIONS;
use std::sync::LazyLock;

/// RACDCERT's help entry.
pub(super) static HELP: LazyLock<[CommandHelp; 1]> = LazyLock::new(|| {
    [CommandHelp {
        name: "RACDCERT",
        aliases: &[],
        group: "RACF certificate commands",
        summary: "Manage digital certificates, their keys and key rings.",
        function: &[
            "RACDCERT creates, lists, changes and deletes digital certificates and the key",
            "rings that hold them. A certificate belongs to a user (ID), to CERTAUTH (the",
            "certificate authorities) or to SITE. A key ring belongs to a user and lists",
            "certificates with their usage. One command names one function; with no",
            "function RACDCERT lists the owner's certificates.",
        ],
        syntax: &[
            "RACDCERT  [ ID(userid) | CERTAUTH | SITE | MULTIID ]  function",
            "",
            "function is one of:",
            "  LIST[(LABEL('label') | SERIALNUMBER(hex) ISSUERSDN('dn'))]",
            "  LISTCHAIN(LABEL('label'))",
            "  LISTRING(ringname | *)",
            "  ADDRING(ringname)       DELRING(ringname)",
            "  CONNECT([ID(userid)|CERTAUTH|SITE] LABEL('label') RING(ringname)",
            "          [USAGE(PERSONAL|CERTAUTH|SITE)] [DEFAULT])",
            "  REMOVE([ID(userid)|CERTAUTH|SITE] LABEL('label') RING(ringname))",
            "  GENCERT[('request-dsn')] SUBJECTSDN(...) [SIZE(n)] [RSA|NISTECC]",
            "          [NOTBEFORE(DATE(..) TIME(..))] [NOTAFTER(DATE(..) TIME(..))]",
            "          [WITHLABEL('label')] [SIGNWITH([CERTAUTH|SITE] LABEL('label'))]",
            "          [KEYUSAGE(...)] [ALTNAME(...)] [TRUST|NOTRUST|HIGHTRUST]",
            "  ADD('dsn') [WITHLABEL('label')] [TRUST|NOTRUST|HIGHTRUST] [PASSWORD('pw')]",
            "  ALTER(LABEL('label')) [TRUST|NOTRUST|HIGHTRUST] [NEWLABEL('label')]",
            "  DELETE(LABEL('label'))",
            "  EXPORT(LABEL('label')) DSN('dsn') [FORMAT(fmt)] [PASSWORD('pw')]",
            "  GENREQ(LABEL('label')) DSN('dsn')",
            "  CHECKCERT('dsn') [PASSWORD('pw')]",
            "  REKEY(LABEL('label')) WITHLABEL('label') [SIZE(n)] [RSA|NISTECC]",
            "  ROLLOVER(LABEL('label')) NEWLABEL('label') [FORCE]",
            "  MAP[('dsn')] SDNFILTER('filter') IDNFILTER('filter') [CRITERIA(..)]",
            "          [WITHLABEL('label')] [TRUST|NOTRUST]",
            "  ALTMAP(LABEL('label')) [NEWLABEL('label')] [TRUST|NOTRUST] [CRITERIA(..)]",
            "  DELMAP[(LABEL('label'))]     LISTMAP[(LABEL('label'))]",
            "",
            "REQUIRED - a function's own operands, as shown",
            "DEFAULTS - the issuer's own certificates; function LIST",
            "ALIAS    - NONE",
        ],
        operands: &OPERANDS,
    }]
});

/// Every OPERANDS entry: the owners, then each function's (its own entry first).
static OPERANDS: LazyLock<Vec<OperandHelp>> = LazyLock::new(|| {
    OWNER_OPERANDS
        .iter()
        .chain(FUNCTIONS.iter().flat_map(|f| f.help.iter()))
        .copied()
        .collect()
});

/// The owner operands, before the functions' entries.
static OWNER_OPERANDS: &[OperandHelp] = &[
    OperandHelp {
        keyword: "ID",
        shown: "ID(userid)",
        text: &[
            "The user who owns the certificates or ring. Without ID, CERTAUTH or SITE",
            "the command works on the issuer's own.",
        ],
    },
    OperandHelp {
        keyword: "CERTAUTH",
        shown: "CERTAUTH",
        text: &["Work on certificate-authority certificates."],
    },
    OperandHelp {
        keyword: "SITE",
        shown: "SITE",
        text: &["Work on site certificates."],
    },
    OperandHelp {
        keyword: "MULTIID",
        shown: "MULTIID",
        text: &[
            "Work on the mappings whose user ID is chosen by CRITERIA (MAP, ALTMAP,",
            "DELMAP and LISTMAP only).",
        ],
    },
];

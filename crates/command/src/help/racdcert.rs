//! HELP text for RACDCERT, in racemu's own words.

use super::{CommandHelp, OperandHelp};

/// RACDCERT's help entry.
pub(super) static HELP: &[CommandHelp] = &[CommandHelp {
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
    operands: OPERANDS,
}];

static OPERANDS: &[OperandHelp] = &[
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
        keyword: "LIST",
        shown: "LIST[(LABEL('label'))]",
        text: &[
            "Shows one certificate, or every certificate of the owner: label, status,",
            "validity dates, serial number, issuer and subject, key usage, alternative",
            "names, the rings it is connected to and whether a private key is held.",
        ],
    },
    OperandHelp {
        keyword: "LISTCHAIN",
        shown: "LISTCHAIN(LABEL('label'))",
        text: &["Shows the certificate and the issuers above it, as far as RACF has them."],
    },
    OperandHelp {
        keyword: "LISTRING",
        shown: "LISTRING(ringname | *)",
        text: &[
            "Shows a key ring's certificates with their owner, usage and DEFAULT mark;",
            "* shows every ring of the owner. Ring names keep their case.",
        ],
    },
    OperandHelp {
        keyword: "ADDRING",
        shown: "ADDRING(ringname)",
        text: &["Creates an empty key ring for the user."],
    },
    OperandHelp {
        keyword: "DELRING",
        shown: "DELRING(ringname)",
        text: &["Deletes a key ring; the certificates stay in RACF."],
    },
    OperandHelp {
        keyword: "CONNECT",
        shown: "CONNECT(... LABEL('label') RING(ringname) ...)",
        text: &[
            "Puts a certificate on a ring. ID, CERTAUTH or SITE inside the parentheses",
            "names the certificate's owner (default: the ring's owner). USAGE gives how",
            "applications use it; DEFAULT makes it the ring's default certificate.",
        ],
    },
    OperandHelp {
        keyword: "REMOVE",
        shown: "REMOVE(... LABEL('label') RING(ringname))",
        text: &["Takes a certificate off a ring; the certificate stays in RACF."],
    },
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
        text: &["The key size in bits (RSA: default 2048; NISTECC: 256 (default), 384 or 521)."],
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
    OperandHelp {
        keyword: "ADD",
        shown: "ADD('dsn')",
        text: &[
            "Adds the certificate, PKCS#7 chain or PKCS#12 package (with its key) held in",
            "a data set. PASSWORD opens a PKCS#12 package.",
        ],
    },
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
    OperandHelp {
        keyword: "DELETE",
        shown: "DELETE(LABEL('label'))",
        text: &["Deletes a certificate and takes it off every ring."],
    },
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
    OperandHelp {
        keyword: "GENREQ",
        shown: "GENREQ(LABEL('label'))",
        text: &["Writes a PKCS#10 certificate request for the certificate's key to DSN."],
    },
    OperandHelp {
        keyword: "CHECKCERT",
        shown: "CHECKCERT('dsn')",
        text: &["Shows the certificates a data set holds, without adding them."],
    },
    OperandHelp {
        keyword: "REKEY",
        shown: "REKEY(LABEL('label'))",
        text: &["Makes a self-signed copy of a certificate with a new key pair (WITHLABEL)."],
    },
    OperandHelp {
        keyword: "ROLLOVER",
        shown: "ROLLOVER(LABEL('label'))",
        text: &[
            "Moves the certificate's ring connections to the NEWLABEL certificate and",
            "deletes the old private key. FORCE allows it when the new one is not valid yet.",
        ],
    },
    OperandHelp {
        keyword: "MULTIID",
        shown: "MULTIID",
        text: &[
            "Work on the mappings whose user ID is chosen by CRITERIA (MAP, ALTMAP,",
            "DELMAP and LISTMAP only).",
        ],
    },
    OperandHelp {
        keyword: "MAP",
        shown: "MAP[('dsn')]",
        text: &[
            "Defines a certificate name filter that maps certificates to the user:",
            "SDNFILTER and/or IDNFILTER in the dotted form LIST prints. With a data set",
            "each filter is a starting point in that certificate's names.",
        ],
    },
    OperandHelp {
        keyword: "SDNFILTER",
        shown: "SDNFILTER('filter')",
        text: &["The subject's name, or its least specific part: 'OU=Sales.O=IBM.C=US'."],
    },
    OperandHelp {
        keyword: "IDNFILTER",
        shown: "IDNFILTER('filter')",
        text: &["The issuer's name, or its least specific part."],
    },
    OperandHelp {
        keyword: "CRITERIA",
        shown: "CRITERIA(APPLID=&APPLID)",
        text: &[
            "MULTIID: the DIGTCRIT profile whose APPLDATA is the user ID, after &APPLID",
            "and &SYSID are replaced.",
        ],
    },
    OperandHelp {
        keyword: "ALTMAP",
        shown: "ALTMAP(LABEL('label'))",
        text: &["Changes a mapping's label (NEWLABEL), status or CRITERIA."],
    },
    OperandHelp {
        keyword: "DELMAP",
        shown: "DELMAP[(LABEL('label'))]",
        text: &["Deletes one mapping, or every mapping of the owner."],
    },
    OperandHelp {
        keyword: "LISTMAP",
        shown: "LISTMAP[(LABEL('label'))]",
        text: &["Shows one mapping, or every mapping of the owner."],
    },
];

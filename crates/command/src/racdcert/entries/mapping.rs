//! The mapping functions: MAP, ALTMAP, DELMAP and LISTMAP (certificate name filters; RACF
//! Command Language Reference, RACDCERT MAP,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-map.htm>).
//! They alone take MULTIID; READ lets a user work on their own mappings, UPDATE on another
//! user's or MULTIID's.

use crate::help::OperandHelp;
use crate::racdcert::maps;
use crate::racdcert::registry::{
    Authority::ByOwner, FunctionDef, FunctionKind, Parser, MAPPING_LEVELS, MAPPING_OWNERS,
    RESIDUAL_MAPPING_OWNERS,
};

/// MAP: a certificate name filter that maps certificates to a user (or, with MULTIID and
/// CRITERIA, to the user a DIGTCRIT profile names).
pub(super) static MAP: FunctionDef = FunctionDef {
    kind: FunctionKind::Map,
    keyword: "MAP",
    parser: Parser::Emulated(maps::map),
    resource: "IRR.DIGTCERT.MAP",
    key_resource: None,
    authority: ByOwner(MAPPING_LEVELS),
    owners: MAPPING_OWNERS,
    help: &[
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
    ],
    completion: &[
        "MAP",
        "SDNFILTER",
        "IDNFILTER",
        "CRITERIA",
        "WITHLABEL",
        "TRUST",
        "NOTRUST",
        "MULTIID",
    ],
};

/// ALTMAP: a mapping's label, status or criteria changed.
pub(super) static ALTMAP: FunctionDef = FunctionDef {
    kind: FunctionKind::AltMap,
    keyword: "ALTMAP",
    parser: Parser::Emulated(maps::altmap),
    resource: "IRR.DIGTCERT.ALTMAP",
    key_resource: None,
    authority: ByOwner(MAPPING_LEVELS),
    owners: MAPPING_OWNERS,
    help: &[OperandHelp {
        keyword: "ALTMAP",
        shown: "ALTMAP(LABEL('label'))",
        text: &["Changes a mapping's label (NEWLABEL), status or CRITERIA."],
    }],
    completion: &[
        "ALTMAP", "LABEL", "NEWLABEL", "CRITERIA", "TRUST", "NOTRUST",
    ],
};

/// DELMAP: one mapping, or every mapping of the owner, deleted.
pub(super) static DELMAP: FunctionDef = FunctionDef {
    kind: FunctionKind::DelMap,
    keyword: "DELMAP",
    parser: Parser::Emulated(maps::delmap),
    resource: "IRR.DIGTCERT.DELMAP",
    key_resource: None,
    authority: ByOwner(MAPPING_LEVELS),
    owners: RESIDUAL_MAPPING_OWNERS,
    help: &[OperandHelp {
        keyword: "DELMAP",
        shown: "DELMAP[(LABEL('label'))]",
        text: &["Deletes one mapping, or every mapping of the owner."],
    }],
    completion: &["DELMAP", "LABEL"],
};

/// LISTMAP: one mapping, or every mapping of the owner, shown.
pub(super) static LISTMAP: FunctionDef = FunctionDef {
    kind: FunctionKind::ListMap,
    keyword: "LISTMAP",
    parser: Parser::Emulated(maps::listmap),
    resource: "IRR.DIGTCERT.LISTMAP",
    key_resource: None,
    authority: ByOwner(MAPPING_LEVELS),
    owners: MAPPING_OWNERS,
    help: &[OperandHelp {
        keyword: "LISTMAP",
        shown: "LISTMAP[(LABEL('label'))]",
        text: &["Shows one mapping, or every mapping of the owner."],
    }],
    completion: &["LISTMAP", "LABEL"],
};

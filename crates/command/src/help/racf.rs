//! HELP text for the RACF commands racemu supports around RACDCERT, in racemu's own words.

use super::{CommandHelp, OperandHelp};

const fn op(
    keyword: &'static str,
    shown: &'static str,
    text: &'static [&'static str],
) -> OperandHelp {
    OperandHelp {
        keyword,
        shown,
        text,
    }
}

/// The RACF commands' help entries.
pub(super) static HELP: &[CommandHelp] = &[
    CommandHelp {
        name: "SETROPTS",
        aliases: &["SETR"],
        group: "RACF profile commands",
        summary: "Activate and RACLIST classes; refresh in-storage profiles.",
        function: &[
            "SETROPTS sets RACF system options. racemu gives meaning to class activation,",
            "RACLIST (in-storage profiles), REFRESH, GENERIC and LIST; other options are",
            "accepted and remembered.",
        ],
        syntax: &[
            "SETROPTS  [CLASSACT(class ...)] [NOCLASSACT(class ...)]",
            "          [RACLIST(class ...) [REFRESH]] [NORACLIST(class ...)]",
            "          [GENERIC(class ...)] [NOGENERIC(class ...)] [GENCMD(class ...)]",
            "          [LIST]",
            "",
            "ALIAS    - SETR",
        ],
        operands: &[
            op(
                "CLASSACT",
                "CLASSACT(class ...)",
                &["Activate the classes."],
            ),
            op(
                "NOCLASSACT",
                "NOCLASSACT(class ...)",
                &["Deactivate the classes."],
            ),
            op(
                "RACLIST",
                "RACLIST(class ...)",
                &[
                    "Keep the classes' profiles in storage: later changes take effect only",
                    "after SETROPTS RACLIST(class) REFRESH.",
                ],
            ),
            op(
                "NORACLIST",
                "NORACLIST(class ...)",
                &["Stop keeping the classes in storage."],
            ),
            op(
                "REFRESH",
                "REFRESH",
                &["With RACLIST: reload the in-storage profiles."],
            ),
            op(
                "GENERIC",
                "GENERIC(class ...)",
                &["Allow generic profiles (*, **, %) in the classes."],
            ),
            op(
                "NOGENERIC",
                "NOGENERIC(class ...)",
                &["Stop generic profile checking."],
            ),
            op(
                "GENCMD",
                "GENCMD(class ...)",
                &["Allow generic profile commands."],
            ),
            op("LIST", "LIST", &["Show the class options in effect."]),
        ],
    },
    CommandHelp {
        name: "RDEFINE",
        aliases: &["RDEF"],
        group: "RACF profile commands",
        summary: "Define general resource profiles.",
        function: &["RDEFINE defines profiles in a general resource class such as FACILITY."],
        syntax: &[
            "RDEFINE  class  (profile ...)  [UACC(access)] [OWNER(id)]",
            "         [DATA('text')] [APPLDATA('text')] [WARNING|NOWARNING]",
            "",
            "REQUIRED - class and profile names",
            "ALIAS    - RDEF",
        ],
        operands: RESOURCE_OPERANDS,
    },
    CommandHelp {
        name: "RALTER",
        aliases: &["RALT"],
        group: "RACF profile commands",
        summary: "Change general resource profiles.",
        function: &["RALTER changes profiles that RDEFINE defined."],
        syntax: &[
            "RALTER  class  (profile ...)  [UACC(access)] [OWNER(id)]",
            "        [DATA('text')] [APPLDATA('text')] [WARNING|NOWARNING]",
            "",
            "REQUIRED - class and profile names",
            "ALIAS    - RALT",
        ],
        operands: RESOURCE_OPERANDS,
    },
    CommandHelp {
        name: "RDELETE",
        aliases: &["RDEL"],
        group: "RACF profile commands",
        summary: "Delete general resource profiles.",
        function: &["RDELETE deletes profiles from a general resource class."],
        syntax: &["RDELETE  class  (profile ...)", "", "ALIAS    - RDEL"],
        operands: &[],
    },
    CommandHelp {
        name: "PERMIT",
        aliases: &["PE"],
        group: "RACF profile commands",
        summary: "Change a profile's access list.",
        function: &[
            "PERMIT gives users or groups access to a profile, changes it, or takes it",
            "away (DELETE). RESET empties the access list; FROM copies another one.",
        ],
        syntax: &[
            "PERMIT  (profile ...)  CLASS(class)  ID(id ...)  [ACCESS(access)]",
            "        [DELETE] [RESET] [FROM(profile) [FCLASS(class)]]",
            "",
            "REQUIRED - profile names; ID unless RESET or FROM",
            "DEFAULTS - CLASS(DATASET) ACCESS(READ)",
            "ALIAS    - PE",
        ],
        operands: &[
            op("CLASS", "CLASS(class)", &["The profile's class."]),
            op(
                "ID",
                "ID(id ...)",
                &["The users or groups (1-8 characters each)."],
            ),
            op(
                "ACCESS",
                "ACCESS(NONE|EXECUTE|READ|UPDATE|CONTROL|ALTER)",
                &["The access to give."],
            ),
            op(
                "DELETE",
                "DELETE",
                &["Remove the IDs from the access list."],
            ),
            op(
                "RESET",
                "RESET",
                &["Remove every entry of the access list."],
            ),
            op(
                "FROM",
                "FROM(profile)",
                &["Copy the access list of another profile (FCLASS: its class)."],
            ),
        ],
    },
    CommandHelp {
        name: "RLIST",
        aliases: &["RL"],
        group: "RACF profile commands",
        summary: "List general resource profiles.",
        function: &[
            "RLIST shows general resource profiles. RLIST DIGTCERT * and RLIST DIGTRING *",
            "show the profiles RACDCERT keeps for certificates and rings.",
        ],
        syntax: &[
            "RLIST  class  (profile ... | *)  [AUTHUSER] [ALL] [GENERIC]",
            "",
            "ALIAS    - RL",
        ],
        operands: &[
            op("AUTHUSER", "AUTHUSER", &["Show the access list."]),
            op(
                "ALL",
                "ALL",
                &["Show everything, the access list included."],
            ),
            op(
                "GENERIC",
                "GENERIC",
                &["List the generic profile that protects the name."],
            ),
        ],
    },
    CommandHelp {
        name: "ADDUSER",
        aliases: &["AU"],
        group: "RACF user and group commands",
        summary: "Define users.",
        function: &["ADDUSER defines users to RACF."],
        syntax: &[
            "ADDUSER  (userid ...)  [NAME('name')] [OWNER(id)] [DFLTGRP(group)]",
            "         [SPECIAL] [OPERATIONS] [AUDITOR]",
            "",
            "ALIAS    - AU",
        ],
        operands: USER_OPERANDS,
    },
    CommandHelp {
        name: "ALTUSER",
        aliases: &["ALU"],
        group: "RACF user and group commands",
        summary: "Change users.",
        function: &["ALTUSER changes users' attributes."],
        syntax: &[
            "ALTUSER  (userid ...)  [NAME('name')] [OWNER(id)] [DFLTGRP(group)]",
            "         [SPECIAL|NOSPECIAL] [OPERATIONS|NOOPERATIONS] [AUDITOR|NOAUDITOR]",
            "",
            "ALIAS    - ALU",
        ],
        operands: USER_OPERANDS,
    },
    CommandHelp {
        name: "LISTUSER",
        aliases: &["LU"],
        group: "RACF user and group commands",
        summary: "List users.",
        function: &["LISTUSER shows users' RACF profiles (the issuer's without a user ID)."],
        syntax: &["LISTUSER  [(userid ...)]", "", "ALIAS    - LU"],
        operands: &[],
    },
    CommandHelp {
        name: "DELUSER",
        aliases: &["DU"],
        group: "RACF user and group commands",
        summary: "Delete users, with their certificates and rings.",
        function: &["DELUSER deletes users; their certificates and key rings go with them."],
        syntax: &["DELUSER  (userid ...)", "", "ALIAS    - DU"],
        operands: &[],
    },
    CommandHelp {
        name: "ADDGROUP",
        aliases: &["AG"],
        group: "RACF user and group commands",
        summary: "Define groups.",
        function: &["ADDGROUP defines groups to RACF."],
        syntax: &[
            "ADDGROUP  (group ...)  [OWNER(id)] [SUPGROUP(group)] [DATA('text')]",
            "",
            "ALIAS    - AG",
        ],
        operands: &[
            op("OWNER", "OWNER(id)", &["The group's owner."]),
            op("SUPGROUP", "SUPGROUP(group)", &["The superior group."]),
            op(
                "DATA",
                "DATA('text')",
                &["Installation data, shown by LISTGRP."],
            ),
        ],
    },
    CommandHelp {
        name: "LISTGRP",
        aliases: &["LG"],
        group: "RACF user and group commands",
        summary: "List groups.",
        function: &[
            "LISTGRP shows groups' RACF profiles: superior group, owner, installation",
            "data, subgroups and connected users (the issuer's default group without a",
            "group name; every group with *).",
        ],
        syntax: &["LISTGRP  [(group ...) | *]", "", "ALIAS    - LG"],
        operands: &[],
    },
    CommandHelp {
        name: "CONNECT",
        aliases: &["CO"],
        group: "RACF user and group commands",
        summary: "Connect users to a group.",
        function: &["CONNECT makes users members of a group."],
        syntax: &["CONNECT  (userid ...)  GROUP(group)", "", "ALIAS    - CO"],
        operands: &[op(
            "GROUP",
            "GROUP(group)",
            &["The group to connect the users to."],
        )],
    },
];

static RESOURCE_OPERANDS: &[OperandHelp] = &[
    OperandHelp {
        keyword: "UACC",
        shown: "UACC(NONE|READ|UPDATE|CONTROL|ALTER)",
        text: &["The access users get when the access list does not name them."],
    },
    OperandHelp {
        keyword: "OWNER",
        shown: "OWNER(id)",
        text: &["The profile's owner (default: the issuer)."],
    },
    OperandHelp {
        keyword: "DATA",
        shown: "DATA('text')",
        text: &["Installation data."],
    },
    OperandHelp {
        keyword: "APPLDATA",
        shown: "APPLDATA('text')",
        text: &["Application data."],
    },
    OperandHelp {
        keyword: "WARNING",
        shown: "WARNING | NOWARNING",
        text: &["Warning mode: access is allowed and logged instead of refused."],
    },
];

static USER_OPERANDS: &[OperandHelp] = &[
    OperandHelp {
        keyword: "NAME",
        shown: "NAME('name')",
        text: &["The user's name."],
    },
    OperandHelp {
        keyword: "OWNER",
        shown: "OWNER(id)",
        text: &["The user's owner."],
    },
    OperandHelp {
        keyword: "DFLTGRP",
        shown: "DFLTGRP(group)",
        text: &["The user's default group."],
    },
    OperandHelp {
        keyword: "SPECIAL",
        shown: "SPECIAL | NOSPECIAL",
        text: &["The SPECIAL attribute: authority over every RACF profile."],
    },
    OperandHelp {
        keyword: "OPERATIONS",
        shown: "OPERATIONS | NOOPERATIONS",
        text: &["The OPERATIONS attribute."],
    },
    OperandHelp {
        keyword: "AUDITOR",
        shown: "AUDITOR | NOAUDITOR",
        text: &["The AUDITOR attribute."],
    },
];

//! HELP text for the data set profile commands, in racemu's own words.

use super::{CommandHelp, OperandHelp};
use crate::messages::ich408i_id;

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

const GROUP: &str = "RACF data set commands";

/// The data set commands' help entries.
pub(super) static HELP: &[CommandHelp] = &[
    CommandHelp {
        name: "ADDSD",
        aliases: &["AD"],
        group: GROUP,
        summary: "Protect data sets with a discrete or generic profile.",
        function: &[
            "ADDSD defines a DATASET profile. Names with * ** or % are generic. You may",
            "protect your own data sets (high-level qualifier = your user ID); SPECIAL",
            "users may protect any.",
        ],
        syntax: &[
            "ADDSD  (profile-name ...) [UACC(access)] [OWNER(id)] [DATA('text')]",
            "       [WARNING] [NOTIFY(id)] [AUDIT(...)] [FROM(profile)] [GENERIC]",
            "",
            "ALIAS    - AD",
        ],
        operands: &[
            op(
                "UACC",
                "UACC(access)",
                &["Universal access: NONE READ UPDATE CONTROL ALTER."],
            ),
            op(
                "OWNER",
                "OWNER(id)",
                &["The profile's owner (default: you)."],
            ),
            op(
                "WARNING",
                "WARNING",
                &[concat!(
                    "Allow access that would fail, with ",
                    ich408i_id!(),
                    "."
                )],
            ),
            op(
                "FROM",
                "FROM(profile)",
                &["Copy UACC, WARNING, DATA and the access list."],
            ),
            op("GENERIC", "GENERIC", &["Treat the name as generic."]),
        ],
    },
    CommandHelp {
        name: "ALTDSD",
        aliases: &["ALD"],
        group: GROUP,
        summary: "Change a data set profile.",
        function: &["ALTDSD changes the UACC, owner, data and WARNING of a DATASET profile."],
        syntax: &[
            "ALTDSD  (profile-name ...) [UACC(access)] [OWNER(id)] [DATA('text')|NODATA]",
            "        [WARNING|NOWARNING] [NOTIFY(id)|NONOTIFY] [GENERIC]",
            "",
            "ALIAS    - ALD",
        ],
        operands: &[op("UACC", "UACC(access)", &["The new universal access."])],
    },
    CommandHelp {
        name: "DELDSD",
        aliases: &["DD"],
        group: GROUP,
        summary: "Delete a data set profile.",
        function: &[
            "DELDSD deletes a DATASET profile. A name without * or % is a discrete",
            "profile unless GENERIC is given.",
        ],
        syntax: &["DELDSD  (profile-name ...) [GENERIC]", "", "ALIAS    - DD"],
        operands: &[op("GENERIC", "GENERIC", &["The profile is generic."])],
    },
    CommandHelp {
        name: "LISTDSD",
        aliases: &["LD"],
        group: GROUP,
        summary: "List data set profiles.",
        function: &[
            "LISTDSD shows how data sets are protected: the profile, its UACC, your",
            "access and, for its owner, the access list.",
        ],
        syntax: &[
            "LISTDSD  DATASET(name ...) | PREFIX(prefix) | ID(id)",
            "         [GENERIC] [AUTHUSER] [ALL]",
            "",
            "ALIAS    - LD",
        ],
        operands: &[
            op(
                "GENERIC",
                "GENERIC",
                &["List the generic profile that protects each name."],
            ),
            op("ALL", "ALL", &["Add dates, counts and the access list."]),
        ],
    },
    CommandHelp {
        name: "SEARCH",
        aliases: &["SR"],
        group: GROUP,
        summary: "List the names of profiles that match.",
        function: &["SEARCH lists profile names of a class (DATASET by default)."],
        syntax: &[
            "SEARCH  [CLASS(class)] [FILTER(pattern)] [MASK(prefix)] [USER(id)]",
            "        [GENERIC|NOGENERIC]",
            "",
            "ALIAS    - SR",
        ],
        operands: &[op("FILTER", "FILTER(pattern)", &["A name with * ** or %."])],
    },
];

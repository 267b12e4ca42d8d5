//! HELP text for the TSO commands racemu supports: HELP, PROFILE, END and LOGOFF.

use super::{CommandHelp, OperandHelp};

/// The TSO commands' help entries.
pub(super) static HELP: &[CommandHelp] = &[
    CommandHelp {
        name: "HELP",
        aliases: &["H"],
        group: "Session commands",
        summary: "List the commands, or explain one of them.",
        function: &[
            "HELP with no operands lists the commands racemu supports. With a command",
            "name it shows that command's function, syntax and operands; FUNCTION,",
            "SYNTAX and OPERANDS narrow the display.",
        ],
        syntax: &[
            "HELP  [command-name]  [ALL | FUNCTION | SYNTAX | OPERANDS[(operand ...)]]",
            "",
            "REQUIRED - NONE",
            "DEFAULTS - ALL when a command name is given",
            "ALIAS    - H",
        ],
        operands: &[
            OperandHelp {
                keyword: "ALL",
                shown: "ALL",
                text: &["Show the function, syntax and operands."],
            },
            OperandHelp {
                keyword: "FUNCTION",
                shown: "FUNCTION",
                text: &["Show what the command does."],
            },
            OperandHelp {
                keyword: "SYNTAX",
                shown: "SYNTAX",
                text: &["Show how the command is written."],
            },
            OperandHelp {
                keyword: "OPERANDS",
                shown: "OPERANDS[(operand ...)]",
                text: &["Show every operand, or only those named (abbreviations accepted)."],
            },
        ],
    },
    CommandHelp {
        name: "PROFILE",
        aliases: &["PROF"],
        group: "Session commands",
        summary: "Accepted and ignored; sets return code 0.",
        function: &[
            "PROFILE changes TSO session settings on z/OS. racemu accepts it with any",
            "operands and ends with return code 0, so a deck that ends with PROFILE",
            "ends its step with condition code 0, as on z/OS.",
        ],
        syntax: &["PROFILE  [operands]", "", "ALIAS    - PROF"],
        operands: &[],
    },
    CommandHelp {
        name: "END",
        aliases: &[],
        group: "Session commands",
        summary: "End the session (batch: stop reading SYSTSIN).",
        function: &["END ends the session. In batch the rest of SYSTSIN is not read."],
        syntax: &["END"],
        operands: &[],
    },
    CommandHelp {
        name: "LOGOFF",
        aliases: &[],
        group: "Session commands",
        summary: "End the session, as END does.",
        function: &["LOGOFF ends the session. In batch the rest of SYSTSIN is not read."],
        syntax: &["LOGOFF"],
        operands: &[],
    },
];

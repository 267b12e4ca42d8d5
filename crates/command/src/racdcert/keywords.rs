//! RACDCERT's top-level keywords: the functions (from the registry) and the operands beside
//! them.

use super::registry::FUNCTIONS;
use std::sync::LazyLock;

/// RACDCERT's top-level keywords that are no function: the owners, then the operands.
const OPERAND_KEYWORDS: &[&str] = &[
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

/// Every RACDCERT top-level keyword, as TSO parse resolves abbreviations against them: the
/// functions in alphabetical order, then [`OPERAND_KEYWORDS`]. The order only decides the
/// order of the keywords an ambiguous abbreviation lists (RCM112I) and which of two equally
/// near keywords RCM120I suggests.
static KEYWORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut functions: Vec<&'static str> = FUNCTIONS.iter().map(|f| f.keyword).collect();
    functions.sort_unstable();
    functions
        .into_iter()
        .chain(OPERAND_KEYWORDS.iter().copied())
        .collect()
});

/// Every RACDCERT top-level keyword: functions, owners and operands.
pub fn racdcert_keywords() -> &'static [&'static str] {
    &KEYWORDS
}

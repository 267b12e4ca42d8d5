//! R_datalib's failures as the caller receives them: the SAF and RACF return codes, the reason
//! code and IBM's description of it (RACF Callable Services, R_datalib "Return and reason
//! codes", <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.4.0/com.ibm.zos.v2r4.ichd100/ich2d100238.htm>),
//! with racemu's sentence on what is missing.

use super::decision::Decision;
use std::fmt;

/// An R_datalib failure: SAF and RACF return codes, reason code, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatalibError {
    /// SAF return code.
    pub saf_rc: u32,
    /// RACF return code.
    pub racf_rc: u32,
    /// RACF reason code.
    pub racf_reason: u32,
    /// IBM's short description.
    pub description: &'static str,
    /// What is missing, in a sentence, and the PERMIT that would grant it.
    pub explanation: String,
    /// For a refusal (reason 8): the decision path, with the commands that would grant access.
    pub decision: Option<Box<Decision>>,
}

impl fmt::Display for DatalibError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "R_datalib (IRRSDL00) error: {} ({}, {}, {}). {}",
            self.description, self.saf_rc, self.racf_rc, self.racf_reason, self.explanation
        )
    }
}

impl std::error::Error for DatalibError {}

impl DatalibError {
    /// 8/8/84: the ring (or, for a virtual ring, its owner) does not exist.
    pub(crate) fn not_found(explanation: String) -> Self {
        DatalibError {
            saf_rc: 8,
            racf_rc: 8,
            racf_reason: 84,
            description: "profile for ring not found",
            explanation,
            decision: None,
        }
    }

    /// 8/8/8: the caller may not open the ring; `decision` says why and what would grant it.
    pub(crate) fn not_authorized(explanation: String, decision: Decision) -> Self {
        DatalibError {
            saf_rc: 8,
            racf_rc: 8,
            racf_reason: 8,
            description: "not RACF authorized to use the requested service",
            explanation,
            decision: Some(Box::new(decision)),
        }
    }

    /// Whether this is the refusal of 8/8/8 (the caller is not authorized).
    pub fn is_not_authorized(&self) -> bool {
        self.racf_reason == 8
    }

    /// 8/8/12: something failed inside (a database or certificate error), described by `e`.
    pub fn internal(e: impl fmt::Display) -> Self {
        DatalibError {
            saf_rc: 8,
            racf_rc: 8,
            racf_reason: 12,
            description: "internal error",
            explanation: e.to_string(),
            decision: None,
        }
    }

    /// 8/8/28: `reference` names no ring (an error in the Ring_name or RACF_userid parameter).
    pub fn bad_reference(reference: &str) -> Self {
        DatalibError {
            saf_rc: 8,
            racf_rc: 8,
            racf_reason: 28,
            description: "error in Ring_name or RACF_userid parameter",
            explanation: format!("{reference:?} is not a ring reference."),
            decision: None,
        }
    }

    /// 8/8/44: DataGetFirst found nothing with the requested status in `ring`.
    pub fn empty(ring: &str) -> Self {
        DatalibError {
            saf_rc: 8,
            racf_rc: 8,
            racf_reason: 44,
            description: "no certificate found with the specified status",
            explanation: format!("ring {ring} has no certificate the caller may see."),
            decision: None,
        }
    }
}

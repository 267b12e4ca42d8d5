//! The engine's message catalogue: every message the engine prints, one function per
//! message, each giving the message's ID, its text and the return code it sets.
//!
//! No message ID is written anywhere else in the engine. Texts confirmed by IBM's RACF
//! Messages and Codes pages or a real capture (docs/sources.md) are reproduced exactly; the others
//! are racemu's documented choices (see `docs/fidelity.md`). RACDCERT's IRRD messages and racemu's
//! own RCM messages are here; the RACF commands' ICH messages are in [`ich`], the TSO parse
//! messages the engine itself raises in [`ikj`], racemu's hints in [`hints`]. Which crate
//! owns which range of racemu's own numbers (`RCMnnn`) is in [`ranges`].

pub mod datalib;
pub mod dataset;
pub mod hints;
pub mod ich;
pub mod ikj;
pub mod maps;
pub mod ranges;
pub mod resource;

pub use datalib::*;
pub use dataset::*;
pub use ich::*;
pub use ikj::*;
pub use resource::*;

use std::fmt;

/// One message: its ID, its text (after the ID) and the return code it sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The message ID, e.g. `IRRD107I`.
    pub id: &'static str,
    /// The text after the ID and one blank.
    pub text: String,
    /// The return code the command ends with when this message is its outcome.
    pub rc: u32,
    /// The notable result this message reports, when the engine acts on it (a hint); the
    /// engine reads this, never the printed text.
    pub outcome: Option<Outcome>,
}

impl Message {
    /// A message with `id`, `text` and `rc`.
    pub(crate) fn new(id: &'static str, text: impl Into<String>, rc: u32) -> Message {
        Message {
            id,
            text: text.into(),
            rc,
            outcome: None,
        }
    }

    /// The same message, reporting `outcome` to the code that acts on the command's result.
    fn with_outcome(self, outcome: Outcome) -> Message {
        Message {
            outcome: Some(outcome),
            ..self
        }
    }

    /// The same message with another return code: the "not found" messages that end a
    /// change with RC 8 end a listing with RC 4, as RACF does.
    pub fn with_rc(self, rc: u32) -> Message {
        Message { rc, ..self }
    }

    /// The line SYSTSPRT shows: the ID, one blank, the text.
    pub fn line(&self) -> String {
        self.to_string()
    }
}

/// A notable result of a command, one the engine (or a caller) acts on beyond printing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// IRRD107I: no certificate matched what the command named (a label, a serial number);
    /// the engine then looks for the label in another case (RCM113I, RCM114I).
    NoMatchingCertificate,
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.id, self.text)
    }
}

/// IRRD101I (CONFIRMED), RC 8.
pub fn irrd101i() -> Message {
    Message::new(
        "IRRD101I",
        "You are not authorized to issue the RACDCERT command.",
        8,
    )
}

/// IRRD102I: user ID not defined (wording SUPPORTED, number unconfirmed), RC 8.
pub fn irrd102i() -> Message {
    Message::new(
        "IRRD102I",
        "The user ID specified is not defined to RACF.",
        8,
    )
}

/// IRRD103I: the input data set could not be opened (racemu's choice of number and text),
/// RC 8.
pub fn dataset_not_found(dsn: &str) -> Message {
    Message::new(
        "IRRD103I",
        format!("Data set {dsn} could not be opened. The request is not processed."),
        8,
    )
}

/// IRRD104I: the data set holds no certificate or package racemu can read (racemu's
/// choice), RC 8.
pub fn not_a_certificate() -> Message {
    Message::new(
        "IRRD104I",
        "The input data set does not contain a valid certificate or certificate package. The request is not processed.",
        8,
    )
}

/// IRRD104I: the data set holds no PKCS#10 request (racemu's choice), RC 8.
pub fn not_a_request() -> Message {
    Message::new(
        "IRRD104I",
        "The input data set does not contain a valid certificate request. The request is not processed.",
        8,
    )
}

/// IRRD105I: the owner has no certificates, RC 4.
pub fn irrd105i(owner_text: &str) -> Message {
    Message::new(
        "IRRD105I",
        format!("No certificate information was found for {owner_text}."),
        4,
    )
}

/// IRRD107I (CONFIRMED), RC 8 (RC 4 when a listing finds nothing).
pub fn irrd107i() -> Message {
    Message::new(
        "IRRD107I",
        "No matching certificate was found for this user.",
        8,
    )
    .with_outcome(Outcome::NoMatchingCertificate)
}

/// The signing certificate was not found (racemu's choice of text: IRRD107I's wording).
pub fn signer_not_found() -> Message {
    irrd107i()
}

/// IRRD109I (CONFIRMED): two blanks after "added.", RC 8.
pub fn irrd109i(profile: &str) -> Message {
    Message::new(
        "IRRD109I",
        format!("The certificate cannot be added.  Profile {profile} is already defined."),
        8,
    )
}

/// IRRD110I: the label is already in use for this owner (racemu's choice of number/text),
/// RC 8.
pub fn irrd110i(label: &str) -> Message {
    Message::new(
        "IRRD110I",
        format!("The label '{label}' is already in use. The request is not processed."),
        8,
    )
}

/// IRRD113I: informational on ADD of a self-signed certificate, RC 0.
pub fn irrd113i() -> Message {
    Message::new(
        "IRRD113I",
        "The certificate that you are adding is self-signed. The certificate is added with TRUST status.",
        0,
    )
}

/// IRRD114I (CONFIRMED), RC 8 (RC 4 from LISTRING).
pub fn irrd114i(ring: &str) -> Message {
    let shown: String = ring.chars().take(200).collect();
    Message::new("IRRD114I", format!("Ring {shown} does not exist."), 8)
}

/// IRRD115I (CONFIRMED), RC 4.
pub fn irrd115i(user: &str) -> Message {
    Message::new("IRRD115I", format!("User {user} has no rings."), 4)
}

/// IRRD116I (CONFIRMED), RC 8.
pub fn irrd116i(label: &str, ring: &str, user: &str) -> Message {
    let shown: String = ring.chars().take(100).collect();
    Message::new(
        "IRRD116I",
        format!("Label {label} does not exist in ring {shown} for user {user}."),
        8,
    )
}

/// IRRD120I (CONFIRMED), RC 8.
pub fn irrd120i(certauth: bool) -> Message {
    let text = if certauth {
        "Incorrect use of CERTAUTH. A Certificate Authority cannot own a key ring."
    } else {
        "Incorrect use of SITE. A Site Certificate cannot own a key ring."
    };
    Message::new("IRRD120I", text, 8)
}

/// IRRD121I (CONFIRMED), RC 8.
pub fn irrd121i() -> Message {
    Message::new(
        "IRRD121I",
        "A ring name and label name must be specified.",
        8,
    )
}

/// IRRD122I: the ring already exists (number SUPPORTED by Galasa; text racemu's choice),
/// RC 8.
pub fn irrd122i(ring: &str) -> Message {
    Message::new(
        "IRRD122I",
        format!("Ring {ring} already exists. The request is not processed."),
        8,
    )
}

/// IRRD128I (CONFIRMED), RC 8.
pub fn irrd128i(function: &str) -> Message {
    Message::new(
        "IRRD128I",
        format!("{function} requires a certificate with an associated private key. The request is not processed."),
        8,
    )
}

/// IRRD130I (CONFIRMED), RC 8.
pub fn irrd130i(keywords: &str) -> Message {
    Message::new(
        "IRRD130I",
        format!("The {keywords} keyword(s) must be specified. The request is not processed."),
        8,
    )
}

/// IRRD133I (CONFIRMED), RC 8.
pub fn irrd133i() -> Message {
    Message::new(
        "IRRD133I",
        "The NOTBEFORE value must be earlier than the NOTAFTER value. The certificate is not created.",
        8,
    )
}

/// IRRD135I: the key size is not valid for the key type (racemu's choice of text), RC 8.
pub fn invalid_size(size: u32, kind: &str) -> Message {
    Message::new(
        "IRRD135I",
        format!("The key size {size} is not valid for {kind} keys. The request is not processed."),
        8,
    )
}

/// RCM003E: the PKCS#12 password is missing or wrong, RC 8. racemu's own ID: IBM's IRRD146I
/// is a MAP message ("SDNFILTER cannot be specified with a partial issuer's name filter.") and
/// no IRRD message for a wrong PKCS#12 password could be found in IBM's pages.
pub fn bad_password() -> Message {
    Message::new(
        "RCM003E",
        "The PKCS#12 password is missing or not valid. The request is not processed.",
        8,
    )
}

/// IRRD147I (text seen verbatim in Zowe's scripts; two blanks before "The"), RC 8.
pub fn irrd147i() -> Message {
    Message::new(
        "IRRD147I",
        "EXPORT in PKCS12 format requires a certificate with an associated non-ICSF private key.  The request is not processed.",
        8,
    )
}

/// IRRD156I (CONFIRMED), RC 8.
pub fn irrd156i() -> Message {
    Message::new(
        "IRRD156I",
        "Keyusage is incompatible with Key algorithm.",
        8,
    )
}

/// IRRD175I: DIGTCERT is RACLISTed (text recalled), RC 0.
pub fn irrd175i() -> Message {
    Message::new(
        "IRRD175I",
        "The new profile for DIGTCERT will not be in effect until a SETROPTS REFRESH has been issued.",
        0,
    )
}

/// IRRD199I: ADD success on newer releases, RC 0.
pub fn irrd199i(label: &str, owner_text: &str) -> Message {
    Message::new(
        "IRRD199I",
        format!("Certificate with label '{label}' is added for {owner_text}."),
        0,
    )
}

/// RCM001E: racemu cannot produce what was asked (no fake keys): honest, racemu-specific,
/// RC 8.
pub fn not_supported(what: &str) -> Message {
    Message::new(
        "RCM001E",
        format!("{what} is not supported by racemu. The request is not processed."),
        8,
    )
}

/// RCM002E: a function racemu knows by name but does not emulate, RC 8.
pub fn not_emulated(function: &str) -> Message {
    Message::new(
        "RCM002E",
        format!("RACDCERT {function} is not emulated by racemu. The request is not processed."),
        8,
    )
}

/// RCM999E: an internal error (store I/O); the command did not change anything, RC 12.
pub fn internal(detail: &str) -> Message {
    Message::new(
        "RCM999E",
        format!("racemu internal error: {detail}. The command made no change."),
        12,
    )
}

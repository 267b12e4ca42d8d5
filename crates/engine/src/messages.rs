//! Message texts, one function per message ID, so every wording lives in one place.
//!
//! Texts marked CONFIRMED in the reference are reproduced exactly; the others are racemu's
//! documented choices (see `docs/fidelity.md`).

/// IRRD101I (CONFIRMED).
pub fn irrd101i() -> String {
    "IRRD101I You are not authorized to issue the RACDCERT command.".into()
}

/// IRRD102I: user ID not defined (wording SUPPORTED, number unconfirmed).
pub fn irrd102i() -> String {
    "IRRD102I The user ID specified is not defined to RACF.".into()
}

/// IRRD105I: the owner has no certificates.
pub fn irrd105i(owner_text: &str) -> String {
    format!("IRRD105I No certificate information was found for {owner_text}.")
}

/// IRRD107I (CONFIRMED).
pub fn irrd107i() -> String {
    "IRRD107I No matching certificate was found for this user.".into()
}

/// IRRD109I (CONFIRMED): two blanks after "added.".
pub fn irrd109i(profile: &str) -> String {
    format!("IRRD109I The certificate cannot be added.  Profile {profile} is already defined.")
}

/// IRRD110I: the label is already in use for this owner (racemu's choice of number/text).
pub fn irrd110i(label: &str) -> String {
    format!("IRRD110I The label '{label}' is already in use. The request is not processed.")
}

/// IRRD113I: informational on ADD of a self-signed certificate.
pub fn irrd113i() -> String {
    "IRRD113I The certificate that you are adding is self-signed. The certificate is added with TRUST status.".into()
}

/// IRRD114I (CONFIRMED).
pub fn irrd114i(ring: &str) -> String {
    let shown: String = ring.chars().take(200).collect();
    format!("IRRD114I Ring {shown} does not exist.")
}

/// IRRD115I (CONFIRMED).
pub fn irrd115i(user: &str) -> String {
    format!("IRRD115I User {user} has no rings.")
}

/// IRRD116I (CONFIRMED).
pub fn irrd116i(label: &str, ring: &str, user: &str) -> String {
    let shown: String = ring.chars().take(100).collect();
    format!("IRRD116I Label {label} does not exist in ring {shown} for user {user}.")
}

/// IRRD120I (CONFIRMED).
pub fn irrd120i(certauth: bool) -> String {
    if certauth {
        "IRRD120I Incorrect use of CERTAUTH. A Certificate Authority cannot own a key ring.".into()
    } else {
        "IRRD120I Incorrect use of SITE. A Site Certificate cannot own a key ring.".into()
    }
}

/// IRRD121I (CONFIRMED).
pub fn irrd121i() -> String {
    "IRRD121I A ring name and label name must be specified.".into()
}

/// IRRD122I: the ring already exists (number SUPPORTED by Galasa; text racemu's choice).
pub fn irrd122i(ring: &str) -> String {
    format!("IRRD122I Ring {ring} already exists. The request is not processed.")
}

/// IRRD128I (CONFIRMED).
pub fn irrd128i(function: &str) -> String {
    format!("IRRD128I {function} requires a certificate with an associated private key. The request is not processed.")
}

/// IRRD130I (CONFIRMED).
pub fn irrd130i(keywords: &str) -> String {
    format!("IRRD130I The {keywords} keyword(s) must be specified. The request is not processed.")
}

/// IRRD133I (CONFIRMED).
pub fn irrd133i() -> String {
    "IRRD133I The NOTBEFORE value must be earlier than the NOTAFTER value. The certificate is not created.".into()
}

/// IRRD156I (CONFIRMED).
pub fn irrd156i() -> String {
    "IRRD156I Keyusage is incompatible with Key algorithm.".into()
}

/// IRRD175I: DIGTCERT is RACLISTed (text recalled).
pub fn irrd175i() -> String {
    "IRRD175I The new profile for DIGTCERT will not be in effect until a SETROPTS REFRESH has been issued.".into()
}

/// IRRD199I: ADD success on newer releases.
pub fn irrd199i(label: &str, owner_text: &str) -> String {
    format!("IRRD199I Certificate with label '{label}' is added for {owner_text}.")
}

/// The signing certificate was not found (racemu's choice of text: IRRD107I's wording).
pub fn signer_not_found() -> String {
    irrd107i()
}

/// racemu cannot produce what was asked (no fake keys): honest, racemu-specific.
pub fn not_supported(what: &str) -> String {
    format!("RCM001E {what} is not supported by racemu. The request is not processed.")
}

/// A function racemu knows by name but does not emulate.
pub fn not_emulated(function: &str) -> String {
    format!("RCM002E RACDCERT {function} is not emulated by racemu. The request is not processed.")
}

/// An internal error (store I/O): the command did not change anything.
pub fn internal(detail: &str) -> String {
    format!("RCM999E racemu internal error: {detail}. The command made no change.")
}

/// The key size is not valid for the key type (racemu's choice of text).
pub fn invalid_size(size: u32, kind: &str) -> String {
    format!(
        "IRRD135I The key size {size} is not valid for {kind} keys. The request is not processed."
    )
}

/// ICH10006I (CONFIRMED).
pub fn ich10006i(class: &str) -> String {
    format!("ICH10006I RACLISTED PROFILES FOR {class} WILL NOT REFLECT THE ADDITION(S) UNTIL A SETROPTS REFRESH IS ISSUED.")
}

/// ICH06011I (CONFIRMED; no final period).
pub fn ich06011i(class: &str) -> String {
    format!("ICH06011I RACLISTED PROFILES FOR {class} WILL NOT REFLECT THE UPDATE(S) UNTIL A SETROPTS REFRESH IS ISSUED")
}

/// ICH11009I.
pub fn ich11009i(class: &str) -> String {
    format!("ICH11009I RACLISTED PROFILES FOR {class} WILL NOT REFLECT THE UPDATE(S) UNTIL A SETROPTS REFRESH IS ISSUED.")
}

/// ICH12002I (CONFIRMED).
pub fn ich12002i(class: &str) -> String {
    format!("ICH12002I RACLISTED PROFILES FOR {class} WILL NOT REFLECT THE DELETION(S) UNTIL A SETROPTS REFRESH IS ISSUED.")
}

/// ICH10102I (CONFIRMED form).
pub fn ich10102i(profile: &str, class: &str) -> String {
    format!("ICH10102I {profile} ALREADY DEFINED TO CLASS {class}.")
}

/// ICH10103I (CONFIRMED).
pub fn ich10103i(profile: &str) -> String {
    format!("ICH10103I NOT AUTHORIZED TO DEFINE {profile}.")
}

/// ICH12102I.
pub fn ich12102i(profile: &str, class: &str) -> String {
    format!("ICH12102I {profile} NOT DEFINED TO CLASS {class}.")
}

/// ICH12103I (CONFIRMED).
pub fn ich12103i(profile: &str) -> String {
    format!("ICH12103I NOT AUTHORIZED TO DELETE {profile}.")
}

/// ICH13003I (CONFIRMED).
pub fn ich13003i(profile: &str) -> String {
    format!("ICH13003I {profile} NOT FOUND")
}

/// ICH06004I: PERMIT of an undefined profile.
pub fn ich06004i(profile: &str) -> String {
    format!("ICH06004I {profile} NOT DEFINED TO RACF")
}

/// ICH06007I: PERMIT DELETE of an ID not on the list.
pub fn ich06007i(id: &str) -> String {
    format!("ICH06007I {id} NOT FOUND IN ACCESS LIST")
}

/// ICH30001I (CONFIRMED; USER padded to 8).
pub fn ich30001i(user: &str) -> String {
    format!("ICH30001I UNABLE TO LOCATE USER    ENTRY {user}")
}

/// ICH14041I (CONFIRMED).
pub fn ich14041i(class: &str) -> String {
    format!("ICH14041I RACLIST REFRESH of class {class} ignored. The class is not active yet.")
}

/// ICH14070I.
pub fn ich14070i(class: &str) -> String {
    format!("ICH14070I SETROPTS RACLIST REFRESH had no effect on class {class}")
}

/// The input data set could not be opened (racemu's choice of number and text).
pub fn dataset_not_found(dsn: &str) -> String {
    format!("IRRD103I Data set {dsn} could not be opened. The request is not processed.")
}

/// The data set holds no certificate or package racemu can read (racemu's choice).
pub fn not_a_certificate() -> String {
    "IRRD104I The input data set does not contain a valid certificate or certificate package. The request is not processed.".into()
}

/// The data set holds no PKCS#10 request (racemu's choice).
pub fn not_a_request() -> String {
    "IRRD104I The input data set does not contain a valid certificate request. The request is not processed.".into()
}

/// PKCS#12 password missing or wrong (racemu's choice).
pub fn bad_password() -> String {
    "IRRD146I The PKCS#12 password is missing or not valid. The request is not processed.".into()
}

/// IRRD147I (text seen verbatim in Zowe's scripts; two blanks before "The").
pub fn irrd147i() -> String {
    "IRRD147I EXPORT in PKCS12 format requires a certificate with an associated non-ICSF private key.  The request is not processed.".into()
}

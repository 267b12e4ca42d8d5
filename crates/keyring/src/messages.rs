//! keyring's message catalogue: racemu's own messages of the command line that come from the
//! application view of a ring (RCM210E-RCM212E, listed in docs/fidelity.md), one function per
//! message giving the whole line. No message ID is written anywhere else in this crate. The
//! warnings on a ring read after it changed (RCM213W, RCM214W) are the engine's, as R_datalib's
//! rules are.

use crate::operand::quoted;
use racemu_racf::{Owner, Usage};

/// RCM210E: `label` (owned by `owner`, with a `size`-bit RSA key) cannot be served by rustls;
/// the REKEY and ROLLOVER that would replace it with `new`, and `resign` (how to have a
/// CA-signed copy signed, or nothing for a self-signed one).
pub(crate) fn rcm210e(owner: &Owner, label: &str, size: u32, new: &str, resign: &str) -> String {
    let owner = owner.operand();
    format!(
        "RCM210E the certificate {} has a {size}-bit RSA key. The TLS library racemu serves with (rustls over aws-lc-rs) does not use RSA keys shorter than 2048 bits; System SSL on z/OS would still accept this key. A 2048-bit replacement, connected where the old one is: RACDCERT {owner} REKEY(LABEL({})) WITHLABEL({}) SIZE(2048), then RACDCERT {owner} ROLLOVER(LABEL({})) NEWLABEL({}).{resign}",
        quoted(label),
        quoted(label),
        quoted(new),
        quoted(label),
        quoted(new),
    )
}

/// RCM211E: ring `owner`/`ring` has a DEFAULT, `label` (owned by `cert_owner`), but it is
/// NOTRUST, so `caller` gets no DEFAULT; the ALTER that would trust it.
pub(crate) fn rcm211e_default_notrust(
    owner: &str,
    ring: &str,
    label: &str,
    caller: &str,
    cert_owner: &Owner,
) -> String {
    format!(
        "RCM211E ring {owner}/{ring} has a DEFAULT certificate, {}, but it is NOTRUST, and R_datalib leaves NOTRUST certificates out: {caller} gets no DEFAULT. Once its issuer is in RACF with TRUST status (RACDCERT CERTAUTH ADD … TRUST), RACDCERT {} ALTER(LABEL({})) TRUST makes it the DEFAULT the server gets; racemu keyring doctor names the cause (notrust-in-chain).",
        quoted(label),
        cert_owner.operand(),
        quoted(label)
    )
}

/// RCM211E: ring `owner`/`ring` has no DEFAULT and no `--label` was given (the caller of the
/// message adds the choices).
pub(crate) fn rcm211e_no_default(owner: &str, ring: &str) -> String {
    format!("RCM211E ring {owner}/{ring} has no DEFAULT certificate, and no --label was given.")
}

/// RCM212E: the private key of `label` is withheld from `caller`, `why` (the rule and what
/// would release it).
pub(crate) fn rcm212e_withheld(label: &str, caller: &str, why: &str) -> String {
    format!(
        "RCM212E the private key of {} is withheld from {caller}: {why}",
        quoted(label)
    )
}

/// RCM212E: RACF holds the private key of `label` (owned by `cert_owner`), but it is
/// connected to ring `owner`/`ring` with `usage`, for which R_datalib returns no key; the
/// CONNECT that would present it.
pub(crate) fn rcm212e_not_returned(
    label: &str,
    usage: Usage,
    owner: &str,
    ring: &str,
    cert_owner: &Owner,
) -> String {
    let l = quoted(label);
    format!(
        "RCM212E the private key of {l} is not returned to anyone: R_datalib returns a private key only for a certificate connected with USAGE(PERSONAL), and {l} is connected with USAGE({usage}) (a trust anchor). To present it as a server certificate: RACDCERT ID({owner}) CONNECT({} LABEL({l}) RING({ring}) USAGE(PERSONAL)).",
        cert_owner.operand(),
    )
}

/// RCM212E: RACF holds no private key for `label`, connected with `usage`.
pub(crate) fn rcm212e_no_key(label: &str, usage: Usage) -> String {
    format!(
        "RCM212E the certificate {} has no private key in RACF{}; a server needs a certificate with its key.",
        quoted(label),
        if usage != Usage::Personal {
            format!(" usable here (it is connected with USAGE({usage}))")
        } else {
            String::new()
        }
    )
}

/// RCM215W: a server asked to accept client certificates (`zosmf serve --client-auth
/// optional`) over ring `owner`/`ring`, which has no CERTAUTH or SITE certificate to verify
/// them against: it asks for none, and clients log on with HTTP Basic only.
pub fn rcm215w_no_ca_for_clients(owner: &str, ring: &str) -> String {
    format!(
        "RCM215W ring {owner}/{ring} has no CERTAUTH or SITE certificate to verify client certificates against: no client certificate is asked for, and clients log on with a user ID and password only. RACDCERT ID({owner}) CONNECT(CERTAUTH LABEL('<label of the CA that signs the client certificates>') RING({ring}) USAGE(CERTAUTH)) lets them log on with certificates."
    )
}

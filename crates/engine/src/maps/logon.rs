//! A certificate logon: what initACEE answers a server that logs a client on with the
//! certificate the client sent in its TLS handshake (z/OSMF, Liberty, AT-TLS
//! `ClientAuthType SAFCheck`). RACF first finds the user the certificate maps to
//! ([`super::lookup`]); the user must then be defined and not revoked, as at any logon. A
//! certificate logon needs no password, so an expired password does not stop it
//! (Security Administrator's Guide, initACEE (IRRSIA00) callable service,
//! <https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/diginit.htm>).

use super::lookup::{LookupError, UserMapping};
use crate::logon::Logon;
use racemu_store::users;

/// What a certificate logon answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertificateLogon {
    /// The certificate maps to `user`, who is defined and not revoked: the client works as
    /// `user`.
    LoggedOn {
        /// The RACF user ID.
        user: String,
        /// What decided the mapping.
        mapping: UserMapping,
    },
    /// The certificate maps to no user (the mapping says why).
    NoUser(UserMapping),
    /// The certificate maps to `user`, who may not log on: [`Logon::Revoked`] or
    /// [`Logon::NotDefined`].
    Refused {
        /// The RACF user ID the certificate maps to.
        user: String,
        /// Why the user may not log on.
        logon: Logon,
        /// What decided the mapping.
        mapping: UserMapping,
    },
}

impl CertificateLogon {
    /// The user logged on, when one is.
    pub fn user(&self) -> Option<&str> {
        match self {
            CertificateLogon::LoggedOn { user, .. } => Some(user),
            _ => None,
        }
    }

    /// One sentence: who logged on and what decided, or why no one did.
    pub fn explain(&self) -> String {
        match self {
            CertificateLogon::LoggedOn { user, mapping } => {
                format!("logged on as {user}: {}", mapping.explain())
            }
            CertificateLogon::NoUser(mapping) => format!("no user: {}", mapping.explain()),
            CertificateLogon::Refused {
                user,
                logon,
                mapping,
            } => {
                let why = match logon {
                    Logon::Revoked => "is revoked",
                    _ => "is not defined to RACF",
                };
                format!("{user} {why}; {}", mapping.explain())
            }
        }
    }
}

/// Who logs clients on, as RACF's lookup needs to know it: the server's user ID (for the
/// hostIdMappings' SERVAUTH check), and what `&APPLID` and `&SYSID` stand for in MULTIID
/// criteria.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogonServer {
    /// The server's user ID (z/OSMF: IZUSVR).
    pub server: String,
    /// The application ID (z/OSMF: IZUDFLT), if the server has one.
    pub appl: Option<String>,
    /// The system ID.
    pub sysid: String,
}

impl crate::Engine {
    /// Logs a client on with its certificate (DER) as `who` asks RACF to (initACEE, no
    /// IRR.RUSERMAP needed): the user [`crate::Engine::user_for_certificate`] finds, when
    /// that user is defined and not revoked today. The password's state is not looked at.
    /// Reads only; a failed certificate logon counts no failed password attempt.
    pub fn certificate_logon(
        &self,
        der: &[u8],
        who: &LogonServer,
    ) -> Result<CertificateLogon, LookupError> {
        let mapping =
            self.user_for_certificate(der, who.appl.as_deref(), &who.sysid, &who.server)?;
        let Some(user) = mapping.user.clone() else {
            return Ok(CertificateLogon::NoUser(mapping));
        };
        let today = self.clock.now().date();
        let credentials = self.store.read(|tx| users::credentials(tx, &user))?;
        let refusal = match credentials {
            None => Some(Logon::NotDefined),
            Some(c) if c.revoked_on(today) => Some(Logon::Revoked),
            Some(_) => None,
        };
        Ok(match refusal {
            None => CertificateLogon::LoggedOn { user, mapping },
            Some(logon) => CertificateLogon::Refused {
                user,
                logon,
                mapping,
            },
        })
    }
}

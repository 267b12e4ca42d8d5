//! The Rust API's entry to the ring doctor over an AT-TLS policy: the judging and merging are
//! [`racemu_attls::doctor`]'s; this hands it the fixture's store.

use crate::Racf;
use racemu_attls::doctor::RuleReport;
use racemu_attls::{Policy, PolicyError};
use racemu_keyring::doctor::Options;

impl Racf {
    /// Judges the rules of `policy` (every `TTLSRule`, or only `rule`) as `user`, the ID the
    /// application and so AT-TLS run under ([`racemu_attls::doctor::doctor_policy`]).
    ///
    /// `Err` only when `rule` names no rule of the policy.
    pub fn doctor_policy(
        &mut self,
        user: &str,
        policy: &Policy,
        rule: Option<&str>,
        options: &Options,
    ) -> Result<Vec<RuleReport>, PolicyError> {
        racemu_attls::doctor::doctor_policy(self.engine().store_mut(), user, policy, rule, options)
    }
}

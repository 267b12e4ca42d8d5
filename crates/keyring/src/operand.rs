//! RACF operand quoting for the advice, TLS and doctor texts that print commands: the one
//! rule, `racemu_racf::quoted` (`'label'`, apostrophes doubled), under the name keyring's
//! modules use.

pub(crate) use racemu_racf::quoted;

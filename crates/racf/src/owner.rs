//! Certificate owners.

/// Who owns a certificate: a user, CERTAUTH or SITE.
///
/// RACF keeps CERTAUTH certificates under the internal user ID `irrcerta` and SITE
/// certificates under `irrsitec` (z/OS Security Server RACF Command Language Reference,
/// RACDCERT); [`Owner::internal_id`] and [`Owner::from_internal`] convert both ways.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    /// A RACF user ID (upper case).
    User(String),
    /// Certificate-authority certificates, stored under `irrcerta`.
    CertAuth,
    /// Site certificates, stored under `irrsitec`.
    Site,
}

impl Owner {
    /// The owner as RACF stores it: the user ID, `irrcerta` or `irrsitec`.
    pub fn internal_id(&self) -> &str {
        match self {
            Owner::User(u) => u,
            Owner::CertAuth => "irrcerta",
            Owner::Site => "irrsitec",
        }
    }

    /// The owner as RACDCERT's owner operand names it: `ID(user)`, `CERTAUTH` or `SITE` (also
    /// LISTRING's Cert Owner column).
    pub fn operand(&self) -> String {
        match self {
            Owner::User(u) => format!("ID({u})"),
            Owner::CertAuth => "CERTAUTH".into(),
            Owner::Site => "SITE".into(),
        }
    }

    /// The owner's name: the user ID, `CERTAUTH` or `SITE`.
    pub fn name(&self) -> &str {
        match self {
            Owner::User(u) => u,
            Owner::CertAuth => "CERTAUTH",
            Owner::Site => "SITE",
        }
    }

    /// The owner from its stored form; any text other than `irrcerta` and `irrsitec` is a
    /// user ID.
    pub fn from_internal(s: &str) -> Owner {
        match s {
            "irrcerta" => Owner::CertAuth,
            "irrsitec" => Owner::Site,
            u => Owner::User(u.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Owner;

    /// CERTAUTH and SITE map to RACF's internal IDs and back; users keep their IDs.
    #[test]
    fn internal_ids_round_trip() {
        for (o, id) in [
            (Owner::CertAuth, "irrcerta"),
            (Owner::Site, "irrsitec"),
            (Owner::User("ALICE".into()), "ALICE"),
        ] {
            assert_eq!(o.internal_id(), id);
            assert_eq!(Owner::from_internal(id), o);
        }
    }

    /// The operand and name forms RACDCERT and its listings print.
    #[test]
    fn operand_and_name_forms() {
        let alice = Owner::User("ALICE".into());
        assert_eq!(
            [&alice, &Owner::CertAuth, &Owner::Site].map(Owner::operand),
            ["ID(ALICE)", "CERTAUTH", "SITE"]
        );
        assert_eq!(
            [&alice, &Owner::CertAuth, &Owner::Site].map(Owner::name),
            ["ALICE", "CERTAUTH", "SITE"]
        );
    }
}

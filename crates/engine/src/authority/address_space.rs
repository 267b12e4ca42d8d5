//! In-storage generic data set profiles of a long-lived address space.
//!
//! On z/OS each address space keeps, per user (chained off the ACEE, genlist.htm), lists of
//! the generic DATASET profiles for each high-level qualifier it has referenced (System
//! Programmer's Guide, "Using generic profiles", per_gen_prof.htm). A list is loaded at the
//! first request for a data set with that qualifier and kept: generic profiles added or
//! changed afterwards are not seen until SETROPTS GENERIC(DATASET) REFRESH or a new logon
//! (Command Language Reference, ALTDSD, altdsd.htm; Security Administrator's Guide,
//! refgen.htm). Discrete profiles are read from the database at every request.
//!
//! racemu models one such address space: its z/OSMF server, which lives across commands.
//! Every other way racemu opens a data set (a job, `racemu ds`, a RACDCERT command) is a new
//! address space and sees the database's generic profiles at once.

use super::dataset::{generic_profiles, ProfileFacts, DATASET};
use racemu_store::{setropts, StoreResult, Tx};
use std::collections::HashMap;

/// The generic DATASET profiles an address space holds in storage, per user and high-level
/// qualifier, each list with the SETROPTS GENERIC(DATASET) REFRESH it was loaded after.
#[derive(Debug, Default)]
pub struct AddressSpace {
    lists: HashMap<(String, String), (u64, Vec<ProfileFacts>)>,
}

impl AddressSpace {
    /// An address space that has referenced no data set yet.
    pub fn new() -> AddressSpace {
        AddressSpace::default()
    }

    /// The generic profiles `userid` sees for data set `dsn` here: the list for its
    /// high-level qualifier as loaded at the first request, reloaded once SETROPTS
    /// GENERIC(DATASET) REFRESH has been issued since.
    pub fn generics(
        &mut self,
        tx: &Tx<'_>,
        userid: &str,
        dsn: &str,
    ) -> StoreResult<&[ProfileFacts]> {
        let hlq = dsn.split('.').next().unwrap_or_default().to_string();
        let refreshed = setropts::generic_refreshes(tx, DATASET)?;
        let key = (userid.to_ascii_uppercase(), hlq);
        let stale = self
            .lists
            .get(&key)
            .is_none_or(|(loaded, _)| *loaded != refreshed);
        if stale {
            let list = generic_profiles(tx)?
                .into_iter()
                .filter(|p| covers_qualifier(&p.covering.name, &key.1))
                .collect();
            self.lists.insert(key.clone(), (refreshed, list));
        }
        Ok(self
            .lists
            .get(&key)
            .map(|(_, l)| l.as_slice())
            .unwrap_or_default())
    }
}

/// Whether generic profile `pattern` can cover data sets whose high-level qualifier is `hlq`.
fn covers_qualifier(pattern: &str, hlq: &str) -> bool {
    let first = pattern.split('.').next().unwrap_or_default();
    first == "**" || super::qualifiers_match(first, hlq, false)
}

//! How RACF's nouns ([`racemu_racf`]) sit in SQLite columns: each as its RACF text.
//!
//! The nouns live in a crate that knows nothing of SQLite, so the store wraps them in
//! [`Col`] to bind and read them; rusqlite stays inside the store.

use racemu_racf::{Access, Owner, TrustStatus, Usage};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// A RACF noun as a column value: an owner as its internal ID (`irrcerta`, `irrsitec` or the
/// user ID), a status, usage or access level as its keyword.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Col<T>(pub T);

impl ToSql for Col<&Owner> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.internal_id()))
    }
}

impl FromSql for Col<Owner> {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        Ok(Col(Owner::from_internal(v.as_str()?)))
    }
}

impl ToSql for Col<TrustStatus> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.keyword()))
    }
}

impl FromSql for Col<TrustStatus> {
    /// A status column that holds no RACF keyword is a damaged store, reported as an error.
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let k = v.as_str()?;
        TrustStatus::from_keyword(k)
            .map(Col)
            .ok_or_else(|| FromSqlError::Other(format!("unknown certificate status {k:?}").into()))
    }
}

impl ToSql for Col<Usage> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.keyword()))
    }
}

impl FromSql for Col<Usage> {
    /// A usage column that holds no RACF keyword is a damaged store, reported as an error.
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let k = v.as_str()?;
        Usage::from_keyword(k)
            .map(Col)
            .ok_or_else(|| FromSqlError::Other(format!("unknown ring usage {k:?}").into()))
    }
}

impl ToSql for Col<Access> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.keyword()))
    }
}

impl FromSql for Col<Access> {
    /// An access column that holds no RACF access keyword (in full) is a damaged store,
    /// reported as an error.
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let k = v.as_str()?;
        Access::ALL
            .into_iter()
            .find(|a| a.keyword() == k)
            .map(Col)
            .ok_or_else(|| FromSqlError::Other(format!("unknown access level {k:?}").into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    /// Each status is stored as RACF's keyword and read back; a column holding anything else
    /// is reported as an error, not read as some status.
    #[test]
    fn status_is_stored_as_its_keyword_and_unknown_text_is_an_error() {
        let s = Store::open_in_memory().unwrap();
        for st in TrustStatus::ALL {
            let (text, back): (String, Col<TrustStatus>) = s
                .read(|tx| tx.query_row("SELECT ?1, ?1", [Col(st)], |r| Ok((r.get(0)?, r.get(1)?))))
                .unwrap();
            assert_eq!((text.as_str(), back.0), (st.keyword(), st));
        }
        let bad =
            s.read(|tx| tx.query_row("SELECT 'trust'", [], |r| r.get::<_, Col<TrustStatus>>(0)));
        assert!(bad.is_err());
    }

    /// Each usage is stored as RACF's keyword and read back; other text is an error.
    #[test]
    fn usage_is_stored_as_its_keyword_and_unknown_text_is_an_error() {
        let s = Store::open_in_memory().unwrap();
        for u in Usage::ALL {
            let (text, back): (String, Col<Usage>) = s
                .read(|tx| tx.query_row("SELECT ?1, ?1", [Col(u)], |r| Ok((r.get(0)?, r.get(1)?))))
                .unwrap();
            assert_eq!((text.as_str(), back.0), (u.keyword(), u));
        }
        let bad = s.read(|tx| tx.query_row("SELECT 'personal'", [], |r| r.get::<_, Col<Usage>>(0)));
        assert!(bad.is_err());
    }

    /// CERTAUTH and SITE are stored under RACF's internal owner IDs, users under their IDs.
    #[test]
    fn owner_is_stored_as_racf_internal_id() {
        let s = Store::open_in_memory().unwrap();
        for (o, text) in [
            (Owner::CertAuth, "irrcerta"),
            (Owner::Site, "irrsitec"),
            (Owner::User("ALICE".into()), "ALICE"),
        ] {
            let (stored, back): (String, Col<Owner>) = s
                .read(|tx| tx.query_row("SELECT ?1, ?1", [Col(&o)], |r| Ok((r.get(0)?, r.get(1)?))))
                .unwrap();
            assert_eq!((stored.as_str(), back.0), (text, o));
        }
    }

    /// Each access level is stored as RACF's keyword (the text stores always held) and read
    /// back; an abbreviation or other text in the column is an error.
    #[test]
    fn access_is_stored_as_its_keyword_and_unknown_text_is_an_error() {
        let s = Store::open_in_memory().unwrap();
        for a in Access::ALL {
            let (text, back): (String, Col<Access>) = s
                .read(|tx| tx.query_row("SELECT ?1, ?1", [Col(a)], |r| Ok((r.get(0)?, r.get(1)?))))
                .unwrap();
            assert_eq!((text.as_str(), back.0), (a.keyword(), a));
        }
        for bad in ["READ ", "read", "UPD", ""] {
            let got = s.read(|tx| tx.query_row("SELECT ?1", [bad], |r| r.get::<_, Col<Access>>(0)));
            assert!(got.is_err(), "{bad:?}");
        }
    }
}

//! Serial numbers used under each issuer's name. A DIGTCERT profile is named
//! `serial.issuer's-name`, so a serial number may be used once per issuer name; the store
//! remembers the highest one ever stored under each name (its high-water mark), so that a
//! certificate deleted since, or one held by a rekeyed copy of the signer, is never reissued.

use super::meta;
use crate::{StoreResult, Tx};
use std::cmp::Ordering;

fn key(issuer_dn: &str) -> String {
    format!("serial_high.{issuer_dn}")
}

/// The hex digits of a serial number without leading zeros, upper case ("0" for zero).
fn digits(serial_hex: &str) -> String {
    let t = serial_hex.trim_start_matches('0').to_ascii_uppercase();
    if t.is_empty() {
        "0".into()
    } else {
        t
    }
}

/// Compares two serial numbers written in hex (as LIST shows them) by value, at any width.
pub fn compare(a: &str, b: &str) -> Ordering {
    let (a, b) = (digits(a), digits(b));
    a.len().cmp(&b.len()).then_with(|| a.cmp(&b))
}

/// The highest serial number (hex) ever stored under issuer name `issuer_dn` (RACF dotted
/// form): of the certificates in the store now and of every certificate recorded since the
/// store began keeping the mark, deleted ones included. `None` when the name issued nothing.
pub fn highest(tx: &Tx<'_>, issuer_dn: &str) -> StoreResult<Option<String>> {
    let mut st = tx.prepare_cached("SELECT serial_hex FROM certificates WHERE issuer_dn = ?1")?;
    let rows = st.query_map([issuer_dn], |r| r.get::<_, String>(0))?;
    let mut best = meta::get(tx, &key(issuer_dn))?;
    for s in rows {
        let s = s?;
        if best
            .as_deref()
            .is_none_or(|b| compare(&s, b) == Ordering::Greater)
        {
            best = Some(s);
        }
    }
    Ok(best)
}

/// Records that `serial_hex` is used under `issuer_dn`: the name's mark rises to it when it
/// is higher, and never falls.
pub fn record(tx: &Tx<'_>, issuer_dn: &str, serial_hex: &str) -> StoreResult<()> {
    let k = key(issuer_dn);
    let higher = match meta::get(tx, &k)? {
        Some(mark) => compare(serial_hex, &mark) == Ordering::Greater,
        None => true,
    };
    if higher {
        meta::set(tx, &k, &digits(serial_hex))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn serials_compare_by_value_at_any_width() {
        assert_eq!(compare("0A", "9"), Ordering::Greater);
        assert_eq!(compare("00FF", "FF"), Ordering::Equal);
        assert_eq!(compare("0100", "FF"), Ordering::Greater);
        assert_eq!(compare("00", "0"), Ordering::Equal);
        assert_eq!(compare("ab", "AA"), Ordering::Greater);
    }

    #[test]
    fn the_mark_only_rises() {
        let mut s = Store::open_in_memory().unwrap();
        s.transaction(|tx| {
            assert_eq!(highest(tx, "CN=CA")?, None);
            record(tx, "CN=CA", "05")?;
            record(tx, "CN=CA", "03")?;
            assert_eq!(highest(tx, "CN=CA")?.as_deref(), Some("5"));
            assert_eq!(highest(tx, "CN=Other")?, None);
            StoreResult::Ok(())
        })
        .unwrap();
    }
}

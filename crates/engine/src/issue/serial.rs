//! The serial number of a certificate RACF signs. RACF keeps the last serial number a
//! certificate signed in that certificate's DIGTCERT profile, and names every certificate's
//! profile `serial.issuer's-name` (RACF Command Language Reference, RACDCERT ADD,
//! https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-add.htm).
//! A CA renewed with REKEY and ROLLOVER
//! (https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha400/le-rekey.htm) signs under the
//! name of the certificate it replaces, so its numbers must continue the old one's.
//!
//! racemu's rule: the certificates in the store with the signer's subject name (the CA and its
//! rekeyed copies, its *lineage*) share one counter. The next serial is one above the highest
//! of their counters and of their own serial numbers where they are self-issued (a rekeyed copy
//! is self-signed under that name); signing moves every lineage member's counter to it, so
//! deleting the old CA after ROLLOVER loses nothing. A CA deleted and created again is a new
//! lineage and starts at 01, as RACF does (the real IRRD109I capture in docs/sources.md).

use crate::lookup::serial_after;
use crate::messages as m;
use crate::{Ctx, Fail};
use racemu_store::certs;
use std::cmp::Ordering;

/// The hex digits of a serial number without leading zeros, upper case (`0` for zero).
fn digits(serial_hex: &str) -> String {
    let t = serial_hex.trim_start_matches('0').to_ascii_uppercase();
    if t.is_empty() {
        "0".into()
    } else {
        t
    }
}

/// Compares two serial numbers written in hex (as LIST shows them) by value, at any width.
pub(crate) fn compare(a: &str, b: &str) -> Ordering {
    let (a, b) = (digits(a), digits(b));
    a.len().cmp(&b.len()).then_with(|| a.cmp(&b))
}

/// The highest serial number (hex) the lineage of subject name `subject_dn` has used: its
/// members' counters and the serials of those that are self-issued (up to 60 bits); at least
/// `floor_hex`.
fn lineage_high(ctx: &Ctx<'_, '_>, subject_dn: &str, floor_hex: &str) -> Result<String, Fail> {
    let mut top = floor_hex.to_string();
    for row in certs::by_subject(ctx.tx, subject_dn)? {
        let mut used = vec![format!("{:X}", row.last_serial)];
        // A self-issued member's own serial (a rekeyed copy's, say) when it is in the
        // counters' range: an imported CA's random 20-byte serial cannot meet them, and
        // counting it would make every certificate it signs 20 bytes wide.
        if row.issuer_dn == row.subject_dn && digits(&row.serial_hex).len() <= 15 {
            used.push(row.serial_hex.clone());
        }
        for u in used {
            if compare(&u, &top) == Ordering::Greater {
                top = u;
            }
        }
    }
    Ok(top)
}

/// The serial number for a certificate signed by a certificate of subject name `subject_dn`
/// (see the module's rule), above `floor_hex` too.
pub(crate) fn next_for(
    ctx: &Ctx<'_, '_>,
    subject_dn: &str,
    floor_hex: &str,
) -> Result<Vec<u8>, Fail> {
    let top = lineage_high(ctx, subject_dn, floor_hex)?;
    serial_after(&top)
        .ok_or_else(|| Fail::from(m::internal("stored serial number is not hexadecimal")))
}

/// Records `serial` as used by the lineage of `subject_dn`: every member's counter rises to it
/// (never falls). A serial wider than the counter holds leaves the counters as they are.
pub(crate) fn record(ctx: &Ctx<'_, '_>, subject_dn: &str, serial: &[u8]) -> Result<(), Fail> {
    let Some(n) = counter(serial) else {
        return Ok(());
    };
    for row in certs::by_subject(ctx.tx, subject_dn)? {
        if row.last_serial < n {
            certs::set_last_serial(ctx.tx, row.id, n)?;
        }
    }
    Ok(())
}

/// The counter value (CERTLSER) for `serial`, a big-endian number; `None` when it does not
/// fit.
fn counter(serial: &[u8]) -> Option<i64> {
    let first = serial.iter().position(|b| *b != 0).unwrap_or(serial.len());
    let digits = &serial[first..];
    if digits.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[8 - digits.len()..].copy_from_slice(digits);
    i64::try_from(u64::from_be_bytes(buf)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_hold_what_fits() {
        assert_eq!(counter(&[0]), Some(0));
        assert_eq!(counter(&[1, 0]), Some(256));
        assert_eq!(
            counter(&[0, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
            Some(i64::MAX)
        );
        assert_eq!(counter(&[0x80, 0, 0, 0, 0, 0, 0, 0]), None);
        assert_eq!(counter(&[1, 0, 0, 0, 0, 0, 0, 0, 0]), None);
    }

    #[test]
    fn serials_compare_by_value_at_any_width() {
        assert_eq!(compare("0A", "9"), Ordering::Greater);
        assert_eq!(compare("00FF", "FF"), Ordering::Equal);
        assert_eq!(compare("0100", "FF"), Ordering::Greater);
        assert_eq!(compare("00", "0"), Ordering::Equal);
        assert_eq!(compare("ab", "AA"), Ordering::Greater);
    }
}

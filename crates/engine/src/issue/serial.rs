//! The serial number of a certificate RACF signs. A DIGTCERT profile is named
//! `serial.issuer's-name` (RACF Command Language Reference, RACDCERT ADD,
//! https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-add.htm), so the rule is
//! per issuer name, not per signing certificate: a CA renewed with REKEY and ROLLOVER
//! (https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha400/le-rekey.htm) signs
//! under the same name as the certificate it replaces.
//!
//! racemu's rule: the next serial number under an issuer name is one above the highest of the
//! signer's own counter (CERTLSER), every certificate in the store issued under that name, and
//! the name's high-water mark (which keeps deleted certificates' numbers from being reused).

use crate::lookup::serial_after;
use crate::messages as m;
use crate::{Ctx, Fail};
use racemu_store::serials;
use std::cmp::Ordering;

/// The serial number one above the highest used under `issuer_dn` (RACF dotted form) and
/// above `floor_hex` (hex, as LIST shows it); never one a certificate of that issuer name in
/// the store has, or had before it was deleted.
pub(crate) fn next_under(
    ctx: &Ctx<'_, '_>,
    issuer_dn: &str,
    floor_hex: &str,
) -> Result<Vec<u8>, Fail> {
    let mut top = floor_hex.to_string();
    if let Some(high) = serials::highest(ctx.tx, issuer_dn)? {
        if serials::compare(&high, &top) == Ordering::Greater {
            top = high;
        }
    }
    serial_after(&top)
        .ok_or_else(|| Fail::from(m::internal("stored serial number is not hexadecimal")))
}

/// The signer's counter (CERTLSER) for `serial`, a big-endian number; `None` when it does not
/// fit (the issuer name's high-water mark still holds it).
pub(crate) fn counter(serial: &[u8]) -> Option<i64> {
    let first = serial.iter().position(|b| *b != 0).unwrap_or(serial.len());
    let digits = &serial[first..];
    if digits.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[8 - digits.len()..].copy_from_slice(digits);
    let n = u64::from_be_bytes(buf);
    i64::try_from(n).ok()
}

#[cfg(test)]
mod tests {
    use super::counter;

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
}

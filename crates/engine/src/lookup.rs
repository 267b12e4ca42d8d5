//! Finding things RACF holds: a certificate by label or serial number, its issuer, the one
//! chain walk, the signing certificate of SIGNWITH, free labels, DIGTCERT profile names and
//! serial numbers (RACF Command Language Reference, RACDCERT ADD, le-add.htm).

use crate::listing;
use crate::messages as m;
use crate::{Ctx, Fail};
use racemu_command::{CertSelector, SignWithSpec};
use racemu_pki::{self as pki, CertificateInfo};
use racemu_racf::Owner;
use racemu_store::certs::{self, CertRow};
use racemu_store::rings;

/// The owner text used in IRRD105I / IRRD199I: `user X`, `CERTAUTH`, `SITE`.
pub(crate) fn owner_text(o: &Owner) -> String {
    match o {
        Owner::User(u) => format!("user {u}"),
        Owner::CertAuth => "CERTAUTH".into(),
        Owner::Site => "SITE".into(),
    }
}

/// Finds the certificate a selector names for an owner.
pub(crate) fn find_cert(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sel: Option<&CertSelector>,
) -> Result<Option<CertRow>, Fail> {
    Ok(match sel {
        Some(CertSelector::Label(l)) => certs::by_label(ctx.tx, owner, l)?,
        Some(CertSelector::Serial { serial, issuer }) => {
            let serial = normalise_serial(serial);
            certs::by_serial(ctx.tx, owner, &serial)?
                .into_iter()
                .find(|c| {
                    issuer
                        .as_ref()
                        .is_none_or(|i| c.issuer_dn.eq_ignore_ascii_case(i))
                })
        }
        None => {
            // With one certificate only, the label may be omitted.
            let all = certs::by_owner(ctx.tx, owner)?;
            if all.len() == 1 {
                all.into_iter().next()
            } else {
                None
            }
        }
    })
}

fn normalise_serial(s: &str) -> String {
    let t = s.trim_start_matches('0');
    let t = if t.is_empty() { "0" } else { t };
    let t = t.to_ascii_uppercase();
    if t.len() % 2 == 1 {
        format!("0{t}")
    } else {
        t
    }
}

pub(crate) fn parse_info(row: &CertRow) -> Result<CertificateInfo, Fail> {
    pki::parse_certificate(&row.der).map_err(|e| Fail::from(m::internal(&e.to_string())))
}

pub(crate) fn rings_of(ctx: &Ctx<'_, '_>, cert_id: i64) -> Result<Vec<(String, String)>, Fail> {
    Ok(rings::of_certificate(ctx.tx, cert_id)?
        .into_iter()
        .map(|r| (r.owner, r.name))
        .collect())
}

/// The issuer of `row` in RACF: same owner first, then CERTAUTH, then any owner.
pub(crate) fn find_issuer(ctx: &Ctx<'_, '_>, row: &CertRow) -> Result<Option<CertRow>, Fail> {
    if row.issuer_dn == row.subject_dn {
        return Ok(None);
    }
    let mut cands = certs::by_subject(ctx.tx, &row.issuer_dn)?;
    cands.retain(|c| c.id != row.id && pki::verify_issued_by(&row.der, &c.der));
    cands.sort_by_key(|c| {
        (
            if c.owner == row.owner {
                0
            } else if c.owner == Owner::CertAuth {
                1
            } else {
                2
            },
            c.seq,
        )
    });
    Ok(cands.into_iter().next())
}

/// A certificate and the issuers RACF has for it.
pub(crate) struct Chain {
    /// The certificate first, then each issuer (at most 16 in all).
    pub rows: Vec<CertRow>,
    /// The chain ends in a self-signed certificate.
    pub complete: bool,
}

/// The one chain walk: from `first` through the issuers RACF has ([`find_issuer`]), until a
/// self-signed certificate (complete), an issuer RACF does not have or one already in the
/// chain (incomplete), or 16 certificates.
pub(crate) fn chain_of(ctx: &Ctx<'_, '_>, first: CertRow) -> Result<Chain, Fail> {
    let mut rows = vec![first];
    let mut complete = false;
    while let Some(last) = rows.last().filter(|_| rows.len() < 16) {
        if last.issuer_dn == last.subject_dn {
            complete = true;
            break;
        }
        match find_issuer(ctx, last)? {
            Some(i) if !rows.iter().any(|c| c.id == i.id) => rows.push(i),
            _ => break,
        }
    }
    Ok(Chain { rows, complete })
}

/// The SIGNWITH certificate (of the owner SIGNWITH names, else of `owner`) and its private
/// key: IRRD107I's wording when RACF has no such certificate, IRRD128I when it has no
/// private key.
pub(crate) fn signer(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    sign_with: &SignWithSpec,
) -> Result<(CertRow, pki::KeyPair), Fail> {
    let so = sign_with.owner.clone().unwrap_or_else(|| owner.clone());
    let Some(row) = certs::by_label(ctx.tx, &so, &sign_with.label)? else {
        return Err(Fail::from(m::signer_not_found()));
    };
    let Some(key) = &row.private_key else {
        return Err(Fail::from(m::irrd128i("GENCERT")));
    };
    let key = pki::KeyPair::from_pkcs8_der(key)?;
    Ok((row, key))
}

pub(crate) fn check_label(label: &str) -> Result<(), Fail> {
    if label.is_empty() || label.chars().count() > 32 {
        return Err(Fail::from(m::invalid_label(label)));
    }
    Ok(())
}

/// The label for a new certificate of `owner`: the one given (valid and not yet used by the
/// owner, else IRRD110I), or the first free `LABELnnnnnnnn`.
pub(crate) fn new_label(
    ctx: &Ctx<'_, '_>,
    owner: &Owner,
    given: Option<&str>,
) -> Result<String, Fail> {
    match given {
        Some(l) => {
            check_label(l)?;
            if certs::label_exists(ctx.tx, owner, l)? {
                return Err(Fail::from(m::irrd110i(l)));
            }
            Ok(l.to_string())
        }
        None => default_label(ctx, owner),
    }
}

/// The first free `LABELnnnnnnnn` for an owner.
pub(crate) fn default_label(ctx: &Ctx<'_, '_>, owner: &Owner) -> Result<String, Fail> {
    for n in 1..=99_999_999u32 {
        let l = format!("LABEL{n:08}");
        if !certs::label_exists(ctx.tx, owner, &l)? {
            return Ok(l);
        }
    }
    Err(Fail::from(m::internal("no free default label")))
}

/// The DIGTCERT profile name of a certificate: [`profile_name`] of its serial number as LIST
/// shows it and its issuer's name.
pub(crate) fn profile_of(info: &CertificateInfo) -> String {
    profile_name(
        &listing::serial_hex(&info.serial),
        &info.issuer.racf_dotted(),
    )
}

/// The DIGTCERT profile name: `serial.issuer` with `¢` for blanks (RACF Command Language
/// Reference, RACDCERT ADD, le-add.htm; the real captures in docs/sources.md).
pub(crate) fn profile_name(serial_hex: &str, issuer_dn: &str) -> String {
    let name = format!("{serial_hex}.{}", issuer_dn.replace(' ', "¢"));
    if name.chars().count() <= 246 {
        return name;
    }
    // Long names: serial, start of the issuer, a hash, end of the issuer.
    let chars: Vec<char> = name.chars().collect();
    let head: String = chars[..120].iter().collect();
    let tail: String = chars[chars.len() - 100..].iter().collect();
    let mut h: u64 = 0xcbf29ce484222325;
    for b in name.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
    }
    format!("{head}{h:016X}{tail}")
}

/// The serial number one above `serial_hex` (as LIST shows it), at any width: serial numbers
/// of imported certificates are often 16–20 bytes, more than any machine integer holds.
/// `None` when `serial_hex` is not hexadecimal.
pub(crate) fn serial_after(serial_hex: &str) -> Option<Vec<u8>> {
    let padded = if serial_hex.len() % 2 == 1 {
        format!("0{serial_hex}")
    } else {
        serial_hex.to_string()
    };
    let mut bytes = padded
        .as_bytes()
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    let mut carry = true;
    for b in bytes.iter_mut().rev() {
        let (v, overflow) = b.overflowing_add(u8::from(carry));
        *b = v;
        carry = overflow;
        if !carry {
            break;
        }
    }
    if carry {
        bytes.insert(0, 1);
    }
    let first = bytes
        .iter()
        .position(|x| *x != 0)
        .unwrap_or(bytes.len().saturating_sub(1));
    Some(bytes.split_off(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_names() {
        assert_eq!(
            profile_name(
                "01",
                "CN=Zowe Development Instances CA.OU=API Mediation Layer"
            ),
            "01.CN=Zowe¢Development¢Instances¢CA.OU=API¢Mediation¢Layer"
        );
        let long = "CN=".to_string() + &"x".repeat(400);
        assert!(profile_name("00", &long).chars().count() <= 246);
    }

    #[test]
    fn serials_after_any_width() {
        assert_eq!(serial_after("00"), Some(vec![1]));
        assert_eq!(serial_after("FF"), Some(vec![1, 0]));
        assert_eq!(serial_after("1"), Some(vec![2]));
        // Wider than 63 bits: REKEY of such a certificate used to restart at serial 01.
        let wide = "7F3A9C0D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6B";
        let mut expected: Vec<u8> = (0..wide.len() / 2)
            .map(|i| u8::from_str_radix(&wide[2 * i..2 * i + 2], 16).expect("hex"))
            .collect();
        if let Some(last) = expected.last_mut() {
            *last += 1;
        }
        assert_eq!(serial_after(wide), Some(expected));
        let mut carried = vec![1];
        carried.extend([0u8; 9]);
        assert_eq!(serial_after("FFFFFFFFFFFFFFFFFF"), Some(carried));
        assert_eq!(serial_after("XYZ"), None);
    }

    #[test]
    fn serials() {
        assert_eq!(normalise_serial("0001"), "01");
        assert_eq!(normalise_serial("abc"), "0ABC");
    }
}

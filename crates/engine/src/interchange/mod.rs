//! RACDCERT functions that move certificates through data sets: ADD (in [`add`]), EXPORT,
//! GENREQ and CHECKCERT (RACF Command Language Reference, RACDCERT pages le-add, le-export,
//! le-genreq, le-checkcert).

pub(crate) mod add;

use crate::authority::{authorize, level_for};
use crate::certificates::cert_view;
use crate::datasets::{read_dataset, write_dataset};
use crate::listing::checkcert::{CheckCertView, CheckedCert};
use crate::listing::{self, CertDetails};
use crate::lookup::{chain_of, find_cert, profile_of};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::{CheckCert, Export, ExportFormat, GenReq};
use racemu_pki as pki;
use racemu_racf::{Access, Owner};
use racemu_store::{certs, settings};

fn pkcs12_encryption(ctx: &Ctx<'_, '_>) -> Result<pki::Pkcs12Encryption, Fail> {
    Ok(if settings::pkcs12_legacy(ctx.tx)? {
        pki::Pkcs12Encryption::LegacyTripleDes
    } else {
        pki::Pkcs12Encryption::Aes256
    })
}

/// The certificates (and private key) of a data set's content, as ADD and CHECKCERT read
/// it: IRRD104I when it holds no certificate, RCM003E when the PKCS#12 password is missing
/// or wrong.
pub(crate) fn decode_package(data: &[u8], password: Option<&str>) -> Result<pki::Package, Fail> {
    pki::decode_package(data, password).map_err(|e| match e {
        pki::PackageError::NotACertificate => Fail::from(m::not_a_certificate()),
        pki::PackageError::PasswordRequired | pki::PackageError::BadPassword => {
            Fail::from(m::bad_password())
        }
    })
}

/// EXPORT: certificate, chain (PKCS#7) or certificate, key and chain (PKCS#12) to a data set.
pub(crate) fn export(ctx: &Ctx<'_, '_>, owner: &Owner, e: &Export) -> Result<Output, Fail> {
    let (sel, dsn, password) = (e.selector.as_ref(), e.dsn.as_ref(), e.password.as_deref());
    let format = e.format.unwrap_or(ExportFormat::CertB64);
    let pkcs12 = matches!(format, ExportFormat::Pkcs12Der | ExportFormat::Pkcs12B64);
    authorize(
        ctx,
        if pkcs12 { "EXPORTKEY" } else { "EXPORT" },
        level_for(ctx, owner),
    )?;
    let Some(dsn) = dsn else {
        return Err(Fail::from(m::irrd130i("DSN")));
    };
    let Some(row) = find_cert(ctx, owner, sel)? else {
        return Err(Fail::from(m::irrd107i()));
    };
    let name = dsn.qualified(ctx.issuer);
    let data = match format {
        ExportFormat::CertDer => row.der.clone(),
        ExportFormat::CertB64 => pki::pem_armour(&row.der, "CERTIFICATE").into_bytes(),
        ExportFormat::Pkcs7Der | ExportFormat::Pkcs7B64 => {
            let chain = chain_of(ctx, row)?.rows;
            let ders: Vec<&[u8]> = chain.iter().map(|c| c.der.as_slice()).collect();
            let p7 = pki::export_pkcs7_der(&ders)?;
            if format == ExportFormat::Pkcs7Der {
                p7
            } else {
                pki::pem_armour(&p7, "PKCS7").into_bytes()
            }
        }
        ExportFormat::Pkcs12Der | ExportFormat::Pkcs12B64 => {
            let Some(pw) = password.filter(|p| !p.is_empty()) else {
                return Err(Fail::from(m::irrd130i("PASSWORD")));
            };
            let Some(key) = &row.private_key else {
                return Err(Fail::from(m::irrd147i()));
            };
            let key = pki::KeyPair::from_pkcs8_der(key)?;
            let label = row.label.clone();
            let chain = chain_of(ctx, row)?.rows;
            let ders: Vec<&[u8]> = chain.iter().map(|c| c.der.as_slice()).collect();
            let p12 = pki::export_pkcs12_der(
                Some(&key),
                &ders,
                &label,
                pw,
                pkcs12_encryption(ctx)?,
                &ctx.config.randomness,
            )?;
            if format == ExportFormat::Pkcs12Der {
                p12
            } else {
                // No IBM text shows RACF's armour for PKCS12B64: bare Base64 that decodes to
                // the DER package (docs/fidelity.md).
                pki::base64_lines(&p12).into_bytes()
            }
        }
    };
    write_dataset(ctx, &name, data)?;
    Ok(Output::ok())
}

/// GENREQ: a Base64 PKCS#10 request for the certificate, signed with its private key.
pub(crate) fn genreq(ctx: &Ctx<'_, '_>, owner: &Owner, g: &GenReq) -> Result<Output, Fail> {
    let (sel, dsn) = (g.selector.as_ref(), g.dsn.as_ref());
    authorize(ctx, "GENREQ", level_for(ctx, owner))?;
    let (Some(dsn), Some(_)) = (dsn, sel) else {
        return Err(Fail::from(m::irrd130i("DSN and LABEL")));
    };
    let Some(row) = find_cert(ctx, owner, sel)? else {
        return Err(Fail::from(m::irrd107i()));
    };
    let Some(key) = &row.private_key else {
        return Err(Fail::from(m::irrd128i("GENREQ")));
    };
    let key = pki::KeyPair::from_pkcs8_der(key)?;
    let req = pki::create_pkcs10(&row.der, &key, &ctx.config.randomness)?;
    let name = dsn.qualified(ctx.issuer);
    write_dataset(
        ctx,
        &name,
        pki::pem_armour(&req, "NEW CERTIFICATE REQUEST").into_bytes(),
    )?;
    Ok(Output::ok())
}

/// CHECKCERT: the certificates of a data set as LIST would show them, and the chain summary.
pub(crate) fn checkcert(ctx: &Ctx<'_, '_>, c: &CheckCert) -> Result<Output, Fail> {
    let (_, data) = read_dataset(ctx, &c.dsn)?;
    let pkg = decode_package(&data, c.password.as_deref())?;
    let may_list = crate::authority::racdcert_allowed(ctx.tx, ctx.issuer, "LIST", Access::Read)?;
    let mut view = CheckCertView {
        certs: Vec::new(),
        complete: false,
        expired: false,
    };
    for der in &pkg.certificates {
        let info = pki::parse_certificate(der).map_err(|_| Fail::from(m::not_a_certificate()))?;
        let profile = profile_of(&info);
        view.certs.push(match certs::by_profile(ctx.tx, &profile)? {
            Some(row) if may_list => CheckedCert::InRacf(cert_view(ctx, &row.owner, &row)?),
            _ => CheckedCert::Outside(CertDetails::from(&info)),
        });
        view.expired |= info.not_after < ctx.now;
        view.complete = info.self_signed;
    }
    Ok(Output::new(listing::checkcert::checkcert(&view), 0))
}

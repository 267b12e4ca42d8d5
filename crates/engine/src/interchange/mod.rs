//! RACDCERT functions that move certificates through data sets: ADD (in [`add`]), EXPORT,
//! GENREQ and CHECKCERT (RACF Command Language Reference, RACDCERT pages le-add, le-export,
//! le-genreq, le-checkcert).

pub(crate) mod add;

use crate::authority::{authorize, authorize_key, level_for};
use crate::certificates::cert_view;
pub(crate) use crate::datasets::decode_package;
use crate::datasets::{read_dataset, write_dataset};
use crate::listing::checkcert::{CheckCertView, CheckedCert};
use crate::listing::{self, CertDetails};
use crate::lookup::{chain_of, find_cert, profile_of};
use crate::messages as m;
use crate::{Ctx, Fail, Output};
use racemu_command::FunctionKind;
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

/// EXPORT: certificate, chain (PKCS#7) or certificate, key and chain (PKCS#12) to a data set.
pub(crate) fn export(ctx: &Ctx<'_, '_>, owner: &Owner, e: &Export) -> Result<Output, Fail> {
    let (sel, dsn, password) = (e.selector.as_ref(), e.dsn.as_ref(), e.password.as_deref());
    let format = e.format.unwrap_or(ExportFormat::CertB64);
    let pkcs12 = matches!(format, ExportFormat::Pkcs12Der | ExportFormat::Pkcs12B64);
    let needed = level_for(ctx, FunctionKind::Export, owner);
    if pkcs12 {
        authorize_key(ctx, FunctionKind::Export, needed)?;
    } else {
        authorize(ctx, FunctionKind::Export, needed)?;
    }
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
    authorize(
        ctx,
        FunctionKind::GenReq,
        level_for(ctx, FunctionKind::GenReq, owner),
    )?;
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

/// The order CHECKCERT shows a data set's certificates in, and whether they hold the whole
/// chain: IBM's CHECKCERT page says "the certificates will be displayed with the end-entity
/// certificate listed first, followed by the subsequent issuers'" and the summary
/// says "whether the dataset contains the complete chain"
/// (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-checkcert.htm).
///
/// The end-entity certificate is the first (in the data set's order) that signed no other
/// certificate of the data set; its issuers follow, each the certificate of the data set that
/// signed the one before; certificates off that chain come last, in the data set's order. The
/// chain is complete when it ends in a self-signed certificate. `infos[i]` is `ders[i]` parsed.
pub(crate) fn chain_order(ders: &[Vec<u8>], infos: &[pki::CertificateInfo]) -> (Vec<usize>, bool) {
    let n = ders.len().min(infos.len());
    let issuer_of = |i: usize| {
        (0..n)
            .find(|&j| j != i && !infos[i].self_signed && pki::verify_issued_by(&ders[i], &ders[j]))
    };
    let issuers: Vec<Option<usize>> = (0..n).map(issuer_of).collect();
    let Some(leaf) =
        (0..n)
            .find(|&j| !issuers.contains(&Some(j)))
            .or(if n > 0 { Some(0) } else { None })
    else {
        return (Vec::new(), false);
    };
    let mut order = vec![leaf];
    let mut cur = leaf;
    while let Some(next) = issuers[cur].filter(|j| !order.contains(j)) {
        order.push(next);
        cur = next;
    }
    let complete = infos[cur].self_signed;
    let rest: Vec<usize> = (0..n).filter(|i| !order.contains(i)).collect();
    order.extend(rest);
    (order, complete)
}

/// CHECKCERT: the certificates of a data set as LIST would show them, end-entity first, and
/// the chain summary.
pub(crate) fn checkcert(ctx: &Ctx<'_, '_>, c: &CheckCert) -> Result<Output, Fail> {
    let (_, data) = read_dataset(ctx, &c.dsn)?;
    let pkg = decode_package(&data, c.password.as_deref())?;
    let may_list = crate::authority::racdcert_allowed(
        ctx.tx,
        ctx.issuer,
        FunctionKind::CheckCert.def().resource,
        Access::Read,
    )?;
    let infos = pkg
        .certificates
        .iter()
        .map(|der| pki::parse_certificate(der).map_err(|_| Fail::from(m::not_a_certificate())))
        .collect::<Result<Vec<_>, Fail>>()?;
    let (order, complete) = chain_order(&pkg.certificates, &infos);
    let mut view = CheckCertView {
        certs: Vec::new(),
        complete,
        expired: false,
        mapping: None,
    };
    for info in order.iter().filter_map(|&i| infos.get(i)) {
        let profile = profile_of(info);
        view.certs.push(match certs::by_profile(ctx.tx, &profile)? {
            Some(row) if may_list => CheckedCert::InRacf(cert_view(ctx, &row.owner, &row)?),
            _ => CheckedCert::Outside(CertDetails::from(info)),
        });
        view.expired |= info.not_after < ctx.now;
    }
    if let Some(first) = order.first().and_then(|&i| infos.get(i)) {
        view.mapping = crate::maps::mapping_shown(ctx, first)?;
    }
    Ok(Output::new(listing::checkcert::checkcert(&view), 0))
}

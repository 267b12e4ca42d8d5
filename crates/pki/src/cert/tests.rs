//! rcgen against the x509-cert builder racemu issued with before: the same template, key and
//! issuer must give the same DER (the whole certificate for RSA, whose PKCS#1 v1.5
//! signatures are deterministic; the TBSCertificate for ECDSA, whose signatures are not).

use super::issue::{issue_with_rcgen, issue_with_x509_builder};
use super::*;
use crate::Randomness;
use crate::{DnTag, KeySpec};
use racemu_racf::{AltNames, KeyAlgorithm, KeyUsage};
use time::macros::datetime;

const OS: Randomness = Randomness::os();

fn key(algorithm: KeyAlgorithm, size: u32) -> KeyPair {
    KeyPair::generate(&KeySpec { algorithm, size }, &Randomness::os(), "U", "L").unwrap()
}

fn template() -> CertTemplate {
    CertTemplate {
        serial: vec![0],
        subject: NameSpec(vec![
            (DnTag::Cn, "CA for zosConnect".into()),
            (DnTag::T, "Boss".into()),
            (DnTag::Ou, "zosConnect".into()),
            (DnTag::O, "IBM".into()),
            (DnTag::L, "Poughkeepsie".into()),
            (DnTag::Sp, "New York".into()),
            (DnTag::C, "US".into()),
        ]),
        not_before: datetime!(2024-01-01 00:00:00 UTC),
        not_after: datetime!(2049-12-31 23:59:59 UTC),
        key_usage: None,
        alt_names: AltNames::default(),
        is_ca: false,
    }
}

fn tbs(der: &[u8]) -> Vec<u8> {
    Certificate::from_der(der)
        .unwrap()
        .tbs_certificate
        .to_der()
        .unwrap()
}

/// Issues `t` both ways and compares; returns the rcgen certificate.
fn same_both_ways(
    t: &CertTemplate,
    subject: &KeyPair,
    issuer: Option<(&[u8], &KeyPair)>,
) -> Vec<u8> {
    let spki = subject.public_key_spki_der();
    let sign = || match issuer {
        None => SignWith::SelfSigned(subject),
        Some((cert_der, key)) => SignWith::Issuer { cert_der, key },
    };
    let old = issue_with_x509_builder(t, &spki, sign()).unwrap();
    let new = issue_with_rcgen(t, &spki, sign())
        .unwrap()
        .expect("rcgen can express this template");
    assert_eq!(tbs(&new), tbs(&old), "TBSCertificate differs for {t:?}");
    if subject.key_type() == KeyType::Rsa
        && issuer.is_none_or(|(_, k)| k.key_type() == KeyType::Rsa)
    {
        assert_eq!(new, old, "certificate differs for {t:?}");
    }
    let issuer_der = issuer.map_or(new.as_slice(), |(c, _)| c);
    assert!(verify_issued_by(&new, issuer_der));
    new
}

#[test]
fn rcgen_issues_what_the_x509_builder_issued_for_every_key_type() {
    for (alg, size) in [
        (KeyAlgorithm::Rsa, 2048),
        (KeyAlgorithm::Rsa, 1024),
        (KeyAlgorithm::NistEcc, 256),
        (KeyAlgorithm::NistEcc, 384),
        (KeyAlgorithm::NistEcc, 521),
    ] {
        let k = key(alg, size);
        let mut t = template();
        t.is_ca = true;
        t.key_usage = Some(KeyUsage {
            certsign: true,
            ..KeyUsage::default()
        });
        same_both_ways(&t, &k, None);
    }
}

#[test]
fn rcgen_keeps_serial_numbers_of_any_width() {
    let k = key(KeyAlgorithm::Rsa, 2048);
    for serial in [
        vec![0],
        vec![1],
        vec![0x7f],
        vec![0x80],
        vec![0, 0, 0x80, 0],
        vec![0xff; 19],
        vec![0x7f; 20],
    ] {
        let t = CertTemplate {
            serial,
            ..template()
        };
        same_both_ways(&t, &k, None);
    }
    // Over 20 bytes (with the sign byte) is refused by both.
    for serial in [vec![0x80; 20], vec![1; 21]] {
        let t = CertTemplate {
            serial,
            ..template()
        };
        let spki = k.public_key_spki_der();
        assert!(issue_with_x509_builder(&t, &spki, SignWith::SelfSigned(&k)).is_err());
        assert!(issue_certificate(&t, &spki, SignWith::SelfSigned(&k), &OS).is_err());
    }
}

#[test]
fn rcgen_writes_utctime_before_2050_and_generalizedtime_after() {
    let k = key(KeyAlgorithm::NistEcc, 256);
    for (nb, na) in [
        (
            datetime!(1970-01-01 00:00:00 UTC),
            datetime!(2049-12-31 23:59:59 UTC),
        ),
        (
            datetime!(2049-12-31 23:59:59 UTC),
            datetime!(2050-01-01 00:00:00 UTC),
        ),
        (
            datetime!(2026-11-25 13:30:15.75 UTC),
            datetime!(9999-12-31 23:59:59 UTC),
        ),
        (
            datetime!(2026-11-25 13:30:15 +02:00),
            datetime!(2060-06-30 12:00:00 -05:00),
        ),
    ] {
        let t = CertTemplate {
            not_before: nb,
            not_after: na,
            ..template()
        };
        same_both_ways(&t, &k, None);
    }
    let t = CertTemplate {
        not_before: datetime!(1969-12-31 23:59:59 UTC),
        ..template()
    };
    let spki = k.public_key_spki_der();
    assert!(issue_certificate(&t, &spki, SignWith::SelfSigned(&k), &OS).is_err());
}

#[test]
fn rcgen_keeps_keyusage_altname_and_name_encodings() {
    let rsa = key(KeyAlgorithm::Rsa, 2048);
    let ec = key(KeyAlgorithm::NistEcc, 256);
    let all = KeyUsage {
        handshake: true,
        dataencrypt: true,
        docsign: true,
        certsign: true,
        keyagree: true,
    };
    let handshake = KeyUsage {
        handshake: true,
        ..KeyUsage::default()
    };
    let alt_all = AltNames {
        ip: Some("10.1.2.3".parse().unwrap()),
        domain: Some("zos.example.com".into()),
        email: Some("sec@example.com".into()),
        uri: Some("https://zos.example.com/x".into()),
    };
    let alt_v6 = AltNames {
        ip: Some("2001:db8::1".parse().unwrap()),
        ..AltNames::default()
    };
    for k in [&rsa, &ec] {
        for ku in [None, Some(handshake), Some(all)] {
            for alt in [AltNames::default(), alt_all.clone(), alt_v6.clone()] {
                for is_ca in [false, true] {
                    let t = CertTemplate {
                        key_usage: ku,
                        alt_names: alt.clone(),
                        is_ca,
                        ..template()
                    };
                    same_both_ways(&t, k, None);
                }
            }
        }
    }
    // UTF-8 values, a one-part subject and an empty subject.
    for subject in [
        NameSpec(vec![
            (DnTag::Cn, "Zürich café".into()),
            (DnTag::C, "CH".into()),
        ]),
        NameSpec(vec![(DnTag::Cn, "SITE".into())]),
        NameSpec::default(),
    ] {
        let t = CertTemplate {
            subject,
            alt_names: alt_all.clone(),
            ..template()
        };
        same_both_ways(&t, &rsa, None);
    }
}

#[test]
fn rcgen_signs_with_an_issuer_and_names_its_key() {
    let ca_key = key(KeyAlgorithm::Rsa, 2048);
    let mut ca_t = template();
    ca_t.is_ca = true;
    let ca = same_both_ways(&ca_t, &ca_key, None);
    let ec_ca_key = key(KeyAlgorithm::NistEcc, 384);
    let ec_ca = same_both_ways(&ca_t, &ec_ca_key, None);
    let leaf_t = CertTemplate {
        serial: vec![0x80, 1],
        subject: NameSpec(vec![(DnTag::Cn, "server".into()), (DnTag::O, "IBM".into())]),
        key_usage: Some(KeyUsage {
            handshake: true,
            ..KeyUsage::default()
        }),
        ..template()
    };
    for leaf in [
        key(KeyAlgorithm::Rsa, 2048),
        key(KeyAlgorithm::NistEcc, 256),
    ] {
        let rsa_signed = same_both_ways(&leaf_t, &leaf, Some((&ca, &ca_key)));
        let ec_signed = same_both_ways(&leaf_t, &leaf, Some((&ec_ca, &ec_ca_key)));
        for (cert, ca) in [(rsa_signed, &ca), (ec_signed, &ec_ca)] {
            let info = parse_certificate(&cert).unwrap();
            let ca_info = parse_certificate(ca).unwrap();
            assert_eq!(info.authority_key_id, ca_info.subject_key_id);
            assert_eq!(info.issuer.der(), ca_info.subject.der());
        }
    }
}

#[test]
fn names_rcgen_cannot_hold_stay_on_x509_cert() {
    // Two OUs: rcgen keeps one value per attribute type.
    let k = key(KeyAlgorithm::Rsa, 2048);
    let t = CertTemplate {
        subject: NameSpec(vec![
            (DnTag::Cn, "web".into()),
            (DnTag::Ou, "Payments".into()),
            (DnTag::Ou, "Cards".into()),
            (DnTag::O, "Bank".into()),
        ]),
        ..template()
    };
    let spki = k.public_key_spki_der();
    assert_eq!(
        issue_with_rcgen(&t, &spki, SignWith::SelfSigned(&k)).unwrap(),
        None
    );
    let old = issue_with_x509_builder(&t, &spki, SignWith::SelfSigned(&k)).unwrap();
    let new = issue_certificate(&t, &spki, SignWith::SelfSigned(&k), &OS).unwrap();
    assert_eq!(new, old);
    assert_eq!(
        parse_certificate(&new).unwrap().subject.racf_dotted(),
        "CN=web.OU=Payments.OU=Cards.O=Bank"
    );
}

#[test]
fn public_keys_rcgen_does_not_know_stay_on_x509_cert() {
    // A request's Brainpool P-256 key (GENCERT signs requests racemu could not generate).
    let ec = key(KeyAlgorithm::NistEcc, 256);
    let mut spki = SubjectPublicKeyInfoOwned::from_der(&ec.public_key_spki_der()).unwrap();
    let brainpool_p256r1 = ObjectIdentifier::new_unwrap("1.3.36.3.3.2.8.1.1.7");
    spki.algorithm.parameters = Some(der::Any::from(&brainpool_p256r1));
    let spki = spki.to_der().unwrap();
    let ca_key = key(KeyAlgorithm::Rsa, 2048);
    let mut ca_t = template();
    ca_t.is_ca = true;
    let ca = same_both_ways(&ca_t, &ca_key, None);
    let sign = || SignWith::Issuer {
        cert_der: &ca,
        key: &ca_key,
    };
    let t = template();
    assert_eq!(issue_with_rcgen(&t, &spki, sign()).unwrap(), None);
    let new = issue_certificate(&t, &spki, sign(), &OS).unwrap();
    assert_eq!(new, issue_with_x509_builder(&t, &spki, sign()).unwrap());
    let info = parse_certificate(&new).unwrap();
    assert_eq!((info.key_type, info.key_size), (KeyType::BrainpoolEcc, 256));
    assert!(verify_issued_by(&new, &ca));
}

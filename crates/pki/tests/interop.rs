//! racemu's certificates, packages and requests handed to openssl and keytool, and theirs
//! read by racemu.

use racemu_pki::*;
use racemu_racf::{AltNames, KeyAlgorithm, KeyUsage};
use std::path::Path;
use std::process::Command;
use time::macros::datetime;

fn run(cmd: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} must be installed: {e}"));
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

struct Chain {
    ca_key: KeyPair,
    ca: Vec<u8>,
    leaf_key: KeyPair,
    leaf: Vec<u8>,
}

fn chain(alg: KeyAlgorithm, size: u32) -> Chain {
    let ca_key = KeyPair::generate(
        &KeySpec {
            algorithm: alg,
            size,
        },
        &Randomness::os(),
        "irrcerta",
        "Interop",
    )
    .unwrap();
    let ca = issue_certificate(
        &CertTemplate {
            serial: vec![0],
            subject: NameSpec(vec![
                (DnTag::Cn, "Interop CA".into()),
                (DnTag::O, "racemu".into()),
                (DnTag::C, "US".into()),
            ]),
            not_before: datetime!(2026-01-01 0:00 UTC),
            not_after: datetime!(2036-01-01 0:00 UTC),
            key_usage: Some(KeyUsage {
                certsign: true,
                ..Default::default()
            }),
            alt_names: AltNames::default(),
            is_ca: true,
        },
        &ca_key.public_key_spki_der(),
        SignWith::SelfSigned(&ca_key),
        &Randomness::os(),
    )
    .unwrap();
    let leaf_key = KeyPair::generate(
        &KeySpec {
            algorithm: alg,
            size,
        },
        &Randomness::os(),
        "irrcerta",
        "Interop",
    )
    .unwrap();
    let leaf = issue_certificate(
        &CertTemplate {
            serial: vec![1],
            subject: NameSpec(vec![
                (DnTag::Cn, "server.example.com".into()),
                (DnTag::Ou, "A".into()),
                (DnTag::Ou, "B".into()),
                (DnTag::O, "racemu".into()),
            ]),
            not_before: datetime!(2026-01-01 0:00 UTC),
            not_after: datetime!(2030-01-01 0:00 UTC),
            key_usage: Some(KeyUsage {
                handshake: true,
                ..Default::default()
            }),
            alt_names: AltNames {
                ip: Some("10.1.1.2".parse().unwrap()),
                domain: Some("server.example.com".into()),
                ..Default::default()
            },
            is_ca: false,
        },
        &leaf_key.public_key_spki_der(),
        SignWith::Issuer {
            cert_der: &ca,
            key: &ca_key,
        },
        &Randomness::os(),
    )
    .unwrap();
    Chain {
        ca_key,
        ca,
        leaf_key,
        leaf,
    }
}

#[test]
fn openssl_verifies_and_reads_racemu_certificates() {
    for (alg, size, sig) in [
        (KeyAlgorithm::Rsa, 2048, "sha256WithRSAEncryption"),
        (KeyAlgorithm::Rsa, 1024, "sha256WithRSAEncryption"),
        (KeyAlgorithm::NistEcc, 256, "ecdsa-with-SHA256"),
        (KeyAlgorithm::NistEcc, 384, "ecdsa-with-SHA384"),
        (KeyAlgorithm::NistEcc, 521, "ecdsa-with-SHA512"),
    ] {
        let c = chain(alg, size);
        let dir = tempfile::tempdir().unwrap();
        let (ca, leaf) = (dir.path().join("ca.pem"), dir.path().join("leaf.pem"));
        std::fs::write(&ca, pem_armour(&c.ca, "CERTIFICATE")).unwrap();
        std::fs::write(&leaf, pem_armour(&c.leaf, "CERTIFICATE")).unwrap();
        let (ok, out) = run("openssl", &["verify", "-CAfile", p(&ca), p(&leaf)]);
        assert!(ok, "{size}: {out}");
        let (_, text) = run("openssl", &["x509", "-in", p(&leaf), "-noout", "-text"]);
        assert!(
            text.contains(&format!("Signature Algorithm: {sig}")),
            "{text}"
        );
        assert!(
            text.contains("Subject: O=racemu, OU=B, OU=A, CN=server.example.com")
                || text.contains("Subject: O = racemu, OU = B, OU = A, CN = server.example.com"),
            "{text}"
        );
        assert!(
            text.contains("IP Address:10.1.1.2") && text.contains("DNS:server.example.com"),
            "{text}"
        );
        assert!(text.contains("Digital Signature"), "{text}");
        let (_, catext) = run("openssl", &["x509", "-in", p(&ca), "-noout", "-text"]);
        assert!(
            catext.contains("CA:TRUE") && catext.contains("Certificate Sign, CRL Sign"),
            "{catext}"
        );
        // Our parse agrees with openssl on the fingerprint and the RACF view of the DN.
        let (_, fp) = run(
            "openssl",
            &["x509", "-in", p(&leaf), "-noout", "-fingerprint", "-sha256"],
        );
        let info = parse_certificate(&c.leaf).unwrap();
        let ours = racemu_pki::hex_colons(&info.sha256_fingerprint);
        assert!(fp.contains(&ours), "{fp}");
        assert_eq!(
            info.subject.racf_dotted(),
            "CN=server.example.com.OU=A.OU=B.O=racemu"
        );
        assert_eq!(info.key_size, size);
        assert!(verify_issued_by(&c.leaf, &c.ca));
        assert!(!verify_issued_by(&c.ca, &c.leaf));
        assert!(parse_certificate(&c.ca).unwrap().self_signed);
    }
}

#[test]
fn pkcs12_pkcs7_and_pkcs10_out() {
    let c = chain(KeyAlgorithm::Rsa, 2048);
    let dir = tempfile::tempdir().unwrap();
    for (enc, name) in [
        (Pkcs12Encryption::Aes256, "aes.p12"),
        (Pkcs12Encryption::LegacyTripleDes, "3des.p12"),
    ] {
        let p12 = export_pkcs12_der(
            Some(&c.leaf_key),
            &[&c.leaf, &c.ca],
            "My Server",
            "secret",
            enc,
            &Randomness::os(),
        )
        .unwrap();
        let f = dir.path().join(name);
        std::fs::write(&f, &p12).unwrap();
        let (ok, out) = run(
            "openssl",
            &[
                "pkcs12",
                "-in",
                p(&f),
                "-passin",
                "pass:secret",
                "-nokeys",
                "-info",
            ],
        );
        assert!(ok, "{out}");
        assert_eq!(
            out.matches("-----BEGIN CERTIFICATE-----").count(),
            2,
            "{out}"
        );
        let (ok, out) = run(
            "keytool",
            &[
                "-list",
                "-v",
                "-storetype",
                "PKCS12",
                "-keystore",
                p(&f),
                "-storepass",
                "secret",
            ],
        );
        assert!(ok, "{out}");
        assert!(
            out.contains("PrivateKeyEntry") && out.to_lowercase().contains("my server"),
            "{out}"
        );
        assert!(out.contains("Certificate chain length: 2"), "{out}");
        // And back.
        let back = decode_package(&p12, Some("secret")).unwrap();
        assert_eq!(back.certificates[0], c.leaf);
        assert!(back.private_key.is_some());
        assert!(matches!(
            decode_package(&p12, Some("wrong")),
            Err(PackageError::BadPassword)
        ));
        assert!(matches!(
            decode_package(&p12, None),
            Err(PackageError::PasswordRequired)
        ));
    }
    let p7 = export_pkcs7_der(&[&c.leaf, &c.ca]).unwrap();
    let f = dir.path().join("chain.p7b");
    std::fs::write(&f, &p7).unwrap();
    let (ok, out) = run(
        "openssl",
        &[
            "pkcs7",
            "-inform",
            "DER",
            "-in",
            p(&f),
            "-print_certs",
            "-noout",
        ],
    );
    assert!(ok, "{out}");
    assert!(
        out.contains("server.example.com") && out.contains("Interop CA"),
        "{out}"
    );
    let csr = create_pkcs10(&c.leaf, &c.leaf_key, &Randomness::os()).unwrap();
    let f = dir.path().join("req.der");
    std::fs::write(&f, &csr).unwrap();
    let (ok, out) = run(
        "openssl",
        &[
            "req",
            "-inform",
            "DER",
            "-in",
            p(&f),
            "-verify",
            "-noout",
            "-text",
        ],
    );
    assert!(ok && out.contains("verify OK"), "{out}");
    assert!(out.contains("DNS:server.example.com"), "{out}");
    let info = parse_pkcs10(pem_armour(&csr, "CERTIFICATE REQUEST").as_bytes()).unwrap();
    assert_eq!(
        info.subject.racf_dotted(),
        "CN=server.example.com.OU=A.OU=B.O=racemu"
    );
    let _ = c.ca_key;
}

#[test]
fn openssl_and_keytool_material_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = |n: &str| dir.path().join(n);
    assert!(
        run(
            "openssl",
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                p(&d("ca.key")),
                "-out",
                p(&d("ca.pem")),
                "-subj",
                "/C=GB/O=Doc/OU=CA/CN=SSCA256",
                "-days",
                "365"
            ]
        )
        .0
    );
    assert!(
        run(
            "openssl",
            &[
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                p(&d("leaf.key")),
                "-out",
                p(&d("leaf.csr")),
                "-subj",
                "/C=GB/O=Doc/CN=docec256"
            ]
        )
        .0
    );
    assert!(
        run(
            "openssl",
            &[
                "x509",
                "-req",
                "-in",
                p(&d("leaf.csr")),
                "-CA",
                p(&d("ca.pem")),
                "-CAkey",
                p(&d("ca.key")),
                "-set_serial",
                "0x0279",
                "-out",
                p(&d("leaf.pem")),
                "-days",
                "30"
            ]
        )
        .0
    );
    // PEM certificate.
    let pkg = decode_package(&std::fs::read(d("ca.pem")).unwrap(), None).unwrap();
    let info = parse_certificate(&pkg.certificates[0]).unwrap();
    assert_eq!(info.subject.racf_dotted(), "CN=SSCA256.OU=CA.O=Doc.C=GB");
    assert!(info.self_signed);
    let leaf = decode_package(&std::fs::read(d("leaf.pem")).unwrap(), None).unwrap();
    let li = parse_certificate(&leaf.certificates[0]).unwrap();
    assert_eq!(li.serial, vec![0x02, 0x79]);
    assert_eq!(li.key_type, KeyType::NistEcc);
    assert!(verify_issued_by(
        &leaf.certificates[0],
        &pkg.certificates[0]
    ));
    // DER certificate.
    assert!(
        run(
            "openssl",
            &[
                "x509",
                "-in",
                p(&d("ca.pem")),
                "-outform",
                "DER",
                "-out",
                p(&d("ca.der"))
            ]
        )
        .0
    );
    assert_eq!(
        decode_package(&std::fs::read(d("ca.der")).unwrap(), None)
            .unwrap()
            .certificates,
        pkg.certificates
    );
    // PKCS#7 from openssl (unsorted SET OF).
    assert!(
        run(
            "openssl",
            &[
                "crl2pkcs7",
                "-nocrl",
                "-certfile",
                p(&d("leaf.pem")),
                "-certfile",
                p(&d("ca.pem")),
                "-out",
                p(&d("chain.p7b"))
            ]
        )
        .0
    );
    let p7 = decode_package(&std::fs::read(d("chain.p7b")).unwrap(), None).unwrap();
    // In the order openssl wrote them: the leaf, then its CA.
    assert_eq!(
        p7.certificates,
        vec![leaf.certificates[0].clone(), pkg.certificates[0].clone()]
    );
    // PKCS#12 from openssl.
    assert!(
        run(
            "openssl",
            &[
                "pkcs12",
                "-export",
                "-inkey",
                p(&d("leaf.key")),
                "-in",
                p(&d("leaf.pem")),
                "-certfile",
                p(&d("ca.pem")),
                "-passout",
                "pass:pw",
                "-name",
                "docec256",
                "-out",
                p(&d("leaf.p12"))
            ]
        )
        .0
    );
    let p12 = decode_package(&std::fs::read(d("leaf.p12")).unwrap(), Some("pw")).unwrap();
    assert_eq!(p12.certificates[0], leaf.certificates[0]);
    assert_eq!(
        p12.private_key.as_ref().map(|k| k.key_type()),
        Some(KeyType::NistEcc)
    );
    // PKCS#10 from openssl.
    let req = parse_pkcs10(&std::fs::read(d("leaf.csr")).unwrap()).unwrap();
    assert_eq!(req.subject.racf_dotted(), "CN=docec256.O=Doc.C=GB");
    // keytool keystore (RSA key pair).
    assert!(
        run(
            "keytool",
            &[
                "-genkeypair",
                "-alias",
                "client",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=client,O=racemu",
                "-storetype",
                "PKCS12",
                "-keystore",
                p(&d("kt.p12")),
                "-storepass",
                "changeit",
                "-validity",
                "30"
            ]
        )
        .0
    );
    let kt = decode_package(&std::fs::read(d("kt.p12")).unwrap(), Some("changeit")).unwrap();
    assert_eq!(
        parse_certificate(&kt.certificates[0])
            .unwrap()
            .subject
            .racf_dotted(),
        "CN=client.O=racemu"
    );
    assert!(kt.private_key.is_some());
    // Not a certificate at all.
    assert!(matches!(
        decode_package(b"hello world", None),
        Err(PackageError::NotACertificate)
    ));
}

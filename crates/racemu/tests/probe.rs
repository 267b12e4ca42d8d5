//! Probes: the java and openssl client profiles give the verdict the real tools give (Java 17
//! HttpsURLConnection with the ring's PKCS#12 as trust store; `openssl s_client
//! -verify_return_error` with the profile's groups and signature algorithms) for an RSA, a
//! P-256 and a P-521 ring; chrome refuses P-521, as openssl does when offered only what
//! Chrome offers.

mod common;
use common::*;
use racemu::{Export, Racf};
use std::path::Path;
use std::process::{Command, Stdio};

const SETUP: &str = "
RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Probe RSA CA')) RSA SIZE(2048) WITHLABEL('RsaCA')
RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Probe EC CA')) NISTECC SIZE(256) WITHLABEL('EcCA')
RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(DOMAIN('localhost')) RSA SIZE(2048) +
         SIGNWITH(CERTAUTH LABEL('RsaCA')) WITHLABEL('rsa')
RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(DOMAIN('localhost')) NISTECC SIZE(256) +
         SIGNWITH(CERTAUTH LABEL('EcCA')) WITHLABEL('p256')
RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(DOMAIN('localhost')) NISTECC SIZE(521) +
         SIGNWITH(CERTAUTH LABEL('EcCA')) WITHLABEL('p521')
RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Probe weak CA')) RSA SIZE(1024) WITHLABEL('WeakCA')
RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(DOMAIN('localhost')) RSA SIZE(2048) +
         SIGNWITH(CERTAUTH LABEL('WeakCA')) WITHLABEL('weakca')
RACDCERT ID(SRV) ADDRING(WeakCaRing)
RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('WeakCA') RING(WeakCaRing))
RACDCERT ID(SRV) CONNECT(LABEL('weakca') RING(WeakCaRing) DEFAULT)
RACDCERT ID(SRV) ADDRING(RsaRing)
RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('RsaCA') RING(RsaRing))
RACDCERT ID(SRV) CONNECT(LABEL('rsa') RING(RsaRing) DEFAULT)
RACDCERT ID(SRV) ADDRING(P256Ring)
RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('EcCA') RING(P256Ring))
RACDCERT ID(SRV) CONNECT(LABEL('p256') RING(P256Ring) DEFAULT)
RACDCERT ID(SRV) ADDRING(P521Ring)
RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('EcCA') RING(P521Ring))
RACDCERT ID(SRV) CONNECT(LABEL('p521') RING(P521Ring) DEFAULT)
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)
SETROPTS RACLIST(FACILITY) REFRESH
";

const JAVA: &str = r#"
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URL;
import java.security.KeyStore;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

public class Probe {
    public static void main(String[] a) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(a[1])) {
            ks.load(in, a[2].toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpsURLConnection c = (HttpsURLConnection) new URL(a[0]).openConnection();
        c.setSSLSocketFactory(ctx.getSocketFactory());
        c.setHostnameVerifier((h, s) -> true);
        try {
            System.out.println("OK " + c.getResponseCode() + " " + c.getCipherSuite());
        } catch (Exception e) {
            System.out.println("FAIL " + e);
            System.exit(1);
        }
    }
}
"#;

/// The signature algorithms the profiles offer (rustls over aws-lc-rs), in OpenSSL's names.
const SIGALGS: &str = "ecdsa_secp256r1_sha256:ecdsa_secp384r1_sha384:ecdsa_secp521r1_sha512:rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:rsa_pkcs1_sha256:rsa_pkcs1_sha384:rsa_pkcs1_sha512:ed25519";
/// What Chrome offers: no P-521.
const CHROME_SIGALGS: &str = "ecdsa_secp256r1_sha256:ecdsa_secp384r1_sha384:rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:rsa_pkcs1_sha256:rsa_pkcs1_sha384:rsa_pkcs1_sha512";

fn s_client(addr: &str, ca: &Path, groups: &str, sigalgs: &str) -> (bool, String) {
    let out = Command::new("openssl")
        .args([
            "s_client",
            "-connect",
            addr,
            "-brief",
            "-verify_return_error",
        ])
        .arg("-CAfile")
        .arg(ca)
        .args(["-groups", groups, "-sigalgs", sigalgs])
        .stdin(Stdio::null())
        .output()
        .expect("openssl");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.success() && text.contains("Verification: OK"),
        text,
    )
}

fn java(classes: &Path, addr: &str, p12: &Path) -> (bool, String) {
    let out = Command::new("java")
        .arg("-cp")
        .arg(classes)
        .arg("Probe")
        .arg(format!("https://{addr}/"))
        .arg(p12)
        .arg("probe-pw")
        .output()
        .expect("java");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success() && text.starts_with("OK 200"), text)
}

#[test]
fn java_and_openssl_profiles_give_the_real_tools_verdicts() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let classes = tmp.path().join("classes");
    std::fs::create_dir_all(&classes).expect("dir");
    std::fs::write(classes.join("Probe.java"), JAVA).expect("java source");
    let javac = Command::new("javac")
        .arg("-d")
        .arg(&classes)
        .arg(classes.join("Probe.java"))
        .output()
        .expect("javac");
    assert!(
        javac.status.success(),
        "{}",
        String::from_utf8_lossy(&javac.stderr)
    );
    let mut r = Racf::open(&db).expect("store");
    r.sysin("IBMUSER", SETUP).expect("setup");
    // (ring, chrome, firefox, java, openssl and curl)
    for (ring, chrome, firefox, java_ok, openssl_ok) in [
        ("RsaRing", true, true, true, true),
        ("P256Ring", true, true, true, true),
        ("P521Ring", false, true, true, true),
        // A CA under 2048 bits: Java 17 takes RSA keys from 1024 bits, OpenSSL at level 2
        // and the browsers do not.
        ("WeakCaRing", false, false, true, false),
    ] {
        let view = r.ring("SRV", &format!("SRV/{ring}")).expect("ring");
        let probes = racemu_keyring::probe(&view, None, racemu_keyring::CLIENTS);
        let verdict = |c: &str| {
            probes
                .iter()
                .find(|p| p.client == c)
                .map(|p| p.accepted)
                .expect("probe")
        };
        let details: Vec<String> = probes
            .iter()
            .map(|p| format!("{} {} {}", p.client, p.accepted, p.detail))
            .collect();
        assert_eq!(verdict("chrome"), chrome, "{ring}: {details:?}");
        assert_eq!(verdict("firefox"), firefox, "{ring}: {details:?}");
        assert_eq!(verdict("java"), java_ok, "{ring}: {details:?}");
        assert_eq!(verdict("openssl"), openssl_ok, "{ring}: {details:?}");
        assert_eq!(verdict("curl"), openssl_ok, "{ring}: {details:?}");
        if ring == "WeakCaRing" {
            let detail = |c: &str| {
                probes
                    .iter()
                    .find(|p| p.client == c)
                    .map(|p| p.detail.clone())
                    .unwrap_or_default()
            };
            assert!(
                detail("openssl").starts_with("verify error:num=67:CA certificate key too weak (openssl needs RSA keys of 2048 bits or more; CN=Probe weak CA has 1024)"),
                "{details:?}"
            );
            assert!(
                detail("java").contains("accepted by java's key-size rules"),
                "{details:?}"
            );
        }
        if ring == "P521Ring" {
            let detail = &probes[0].detail;
            assert!(
                detail.starts_with("ERR_SSL_VERSION_OR_CIPHER_MISMATCH"),
                "{detail}"
            );
        }
        // The real tools, against the same ring served by keyring serve.
        let pem = tmp.path().join(format!("{ring}.pem"));
        std::fs::write(&pem, view.pem_bundle()).expect("pem");
        let p12 = tmp.path().join(format!("{ring}.p12"));
        let bytes = view
            .pkcs12(
                "probe-pw",
                racemu_pki::Pkcs12Encryption::Aes256,
                &racemu_pki::Randomness::os(),
            )
            .expect("pkcs12");
        std::fs::write(&p12, bytes).expect("p12");
        let s = serve(&db, "SRV", &format!("SRV/{ring}"), "none");
        let (ok, text) = s_client(&s.addr, &pem, "X25519:P-256:P-384:P-521", SIGALGS);
        assert_eq!(ok, verdict("openssl"), "{ring} openssl: {text}");
        let (ok, text) = java(&classes, &s.addr, &p12);
        assert_eq!(ok, verdict("java"), "{ring} java: {text}");
        // openssl offering only what Chrome offers agrees with the chrome profile.
        let (ok, text) = s_client(&s.addr, &pem, "X25519:P-256:P-384", CHROME_SIGALGS);
        if ring != "WeakCaRing" {
            assert_eq!(ok, chrome, "{ring} openssl as chrome: {text}");
        }
    }
}

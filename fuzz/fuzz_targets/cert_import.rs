//! What RACDCERT ADD, CHECKCERT and GENCERT('request') read: certificates (DER, Base64,
//! PEM), PKCS#7, PKCS#12 and PKCS#10. Never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = racemu_pki::parse_certificate(data);
    if let Ok(p) = racemu_pki::decode_package(data, Some("secret")) {
        for c in &p.certificates {
            if let Ok(info) = racemu_pki::parse_certificate(c) {
                let _ = info.subject.racf_dotted();
            }
        }
    }
    let _ = racemu_pki::parse_pkcs10(data);
});

//! Reading input and writing output files: `-` for standard input/output, and mode 0600 for
//! anything that holds a private key, whatever the umask.

use std::io::{Read, Write};
use std::path::Path;

/// The bytes of `path`, or of standard input for `-`.
pub fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::stdin().read_to_end(&mut v)?;
        Ok(v)
    } else {
        std::fs::read(path)
    }
}

/// True when `data` holds a private key: PEM with a `PRIVATE KEY` block (PKCS#8, encrypted
/// PKCS#8, RSA or EC), a DER PKCS#12 PFX (`SEQUENCE { INTEGER 3, … }`), or a PKCS#12 PFX in
/// Base64 (`FORMAT(PKCS12B64)`, bare or armoured).
pub fn holds_private_key(data: &[u8]) -> bool {
    let pem_key = data
        .windows(b"PRIVATE KEY-----".len())
        .any(|w| w == b"PRIVATE KEY-----");
    pem_key || looks_like_pfx(data) || racemu_pki::is_base64_pkcs12(data)
}

/// A DER SEQUENCE whose first element is INTEGER 3: the PFX version of PKCS#12.
fn looks_like_pfx(der: &[u8]) -> bool {
    if der.first() != Some(&0x30) {
        return false;
    }
    let Some(&len0) = der.get(1) else {
        return false;
    };
    let header = if len0 < 0x80 {
        2
    } else {
        2 + usize::from(len0 & 0x7f)
    };
    der.get(header..header + 3) == Some(&[0x02, 0x01, 0x03][..])
}

/// Writes `data` to `path`, or to standard output for `-`. When `private` the file is created
/// with mode 0600 whatever the umask, and an existing file is set to 0600 before it is
/// overwritten.
pub fn write_output(path: &Path, data: &[u8], private: bool) -> std::io::Result<()> {
    if path.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        lock.write_all(data)?;
        return lock.flush();
    }
    if !private {
        return std::fs::write(path, data);
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let mut f = options.open(path)?;
        // `mode` applies only when the file is created; an existing file keeps its mode.
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        f.write_all(data)?;
        f.flush()
    }
    #[cfg(not(unix))]
    {
        let mut f = options.open(path)?;
        f.write_all(data)?;
        f.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_keys_are_recognised() {
        assert!(holds_private_key(
            b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
        ));
        assert!(holds_private_key(b"-----BEGIN EC PRIVATE KEY-----\n"));
        assert!(holds_private_key(&[
            0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x03
        ]));
        assert!(!holds_private_key(b"-----BEGIN CERTIFICATE-----\n"));
        assert!(!holds_private_key(&[0x30, 0x82, 0x01, 0x00, 0x30, 0x01]));
        assert!(!holds_private_key(b""));
    }
}

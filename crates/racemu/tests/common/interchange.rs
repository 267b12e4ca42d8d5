//! openssl/keytool helpers and data-set shortcuts for the interchange tests. Those tests
//! hand certificates to openssl, so they run on the real clock (see `real_now`).

use super::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// These tests ADD certificates that openssl and keytool make on the real clock and hand
/// racemu's certificates to `openssl verify`, so racemu's clock is the real one too (see
/// `real_now`): a pinned instant made them fail once real time passed it.
pub fn now() -> String {
    real_now()
}

pub fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{cmd} {args:?}: {text}");
    text
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// An openssl CA in `dir`: (key, cert) paths.
pub fn openssl_ca(dir: &Path, cn: &str) -> (PathBuf, PathBuf) {
    let (k, c) = (dir.join(format!("{cn}.key")), dir.join(format!("{cn}.pem")));
    tool(
        "openssl",
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            s(&k),
            "-out",
            s(&c),
            "-subj",
            &format!("/O=Test/CN={cn}"),
            "-days",
            "3650",
        ],
    );
    (k, c)
}

/// A PKCS#12 with a key and a certificate signed by the CA (CA certificate included).
pub fn openssl_p12(dir: &Path, ca: &(PathBuf, PathBuf), cn: &str, password: &str) -> PathBuf {
    let (k, r, c, p) = (
        dir.join(format!("{cn}.key")),
        dir.join(format!("{cn}.csr")),
        dir.join(format!("{cn}.pem")),
        dir.join(format!("{cn}.p12")),
    );
    tool(
        "openssl",
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            s(&k),
            "-out",
            s(&r),
            "-subj",
            &format!("/O=Test/CN={cn}"),
        ],
    );
    tool(
        "openssl",
        &[
            "x509",
            "-req",
            "-in",
            s(&r),
            "-CA",
            s(&ca.1),
            "-CAkey",
            s(&ca.0),
            "-CAcreateserial",
            "-out",
            s(&c),
            "-days",
            "365",
        ],
    );
    tool(
        "openssl",
        &[
            "pkcs12",
            "-export",
            "-inkey",
            s(&k),
            "-in",
            s(&c),
            "-certfile",
            s(&ca.1),
            "-passout",
            &format!("pass:{password}"),
            "-name",
            cn,
            "-out",
            s(&p),
        ],
    );
    p
}

pub fn put(db: &Path, dsn: &str, file: &Path) {
    let r = racemu(
        db,
        &now(),
        &["ds", "put", &format!("'{dsn}'"), s(file)],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

pub fn get(db: &Path, dsn: &str, file: &Path) {
    let r = racemu(
        db,
        &now(),
        &["ds", "get", &format!("'{dsn}'"), s(file)],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

pub fn exec(db: &Path, cmd: &str) -> Run {
    racemu(db, &now(), &["exec", cmd], None)
}

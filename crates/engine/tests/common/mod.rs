//! Shared by the mapping tests: an engine whose clock is the test's own instant (so that
//! certificates openssl makes now are valid, under any date and under faketime), and an
//! outside CA run by openssl.
#![allow(dead_code)]

use racemu_engine::{Clock, Config, Engine, Output};
use racemu_store::{datasets, Store};
use std::path::{Path, PathBuf};
use std::process::Command;
use time::OffsetDateTime;

/// An engine over a new in-memory store, its clock fixed ten minutes after the current
/// instant (so that certificates openssl makes during the test have begun their validity).
pub fn engine() -> Engine {
    Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(OffsetDateTime::now_utc() + time::Duration::minutes(10)),
        Config::default(),
    )
}

/// Runs `cmd` as `user`; panics unless RC 0.
pub fn ok_as(e: &mut Engine, user: &str, cmd: &str) -> Output {
    let o = e.execute(user, cmd);
    assert!(o.rc == 0, "{cmd}\n -> rc {} {:?}", o.rc, o.lines);
    o
}

/// Runs `cmd` as IBMUSER (SPECIAL); panics unless RC 0.
pub fn ok(e: &mut Engine, cmd: &str) -> Output {
    ok_as(e, "IBMUSER", cmd)
}

/// Puts `data` into data set `dsn`.
pub fn put_dataset(e: &mut Engine, dsn: &str, data: Vec<u8>) {
    let d = datasets::Dataset::holding(dsn, data);
    e.store_mut()
        .transaction(|tx| Ok::<_, racemu_store::StoreError>(datasets::put(tx, &d, "2026-01-01")))
        .expect("store")
        .expect("data set written");
}

/// A CA and the client certificates it signs, made by openssl in a temporary directory.
pub struct OutsideCa {
    dir: tempfile::TempDir,
    serial: u32,
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl runs");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

impl OutsideCa {
    /// A self-signed P-256 CA with subject `subj` (openssl's `/C=US/O=…` form), valid for
    /// 100 years from now.
    pub fn new(subj: &str) -> OutsideCa {
        let dir = tempfile::tempdir().expect("temporary directory");
        openssl(
            dir.path(),
            &[
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "36500",
                "-subj",
                subj,
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
        OutsideCa { dir, serial: 100 }
    }

    /// The CA certificate, PEM.
    pub fn pem(&self) -> Vec<u8> {
        std::fs::read(self.dir.path().join("ca.pem")).expect("ca.pem")
    }

    /// A client certificate for `subj`, DER, signed by this CA; with `extensions`, an openssl
    /// config whose section `[ext]` is added (e.g. the hostIdMappings extension).
    pub fn client(&mut self, subj: &str, extensions: Option<&str>) -> Vec<u8> {
        self.serial += 1;
        let d = self.dir.path();
        let name = format!("c{}", self.serial);
        let (key, csr, der) = (
            format!("{name}.key"),
            format!("{name}.csr"),
            format!("{name}.der"),
        );
        openssl(
            d,
            &[
                "req",
                "-new",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                &key,
                "-out",
                &csr,
                "-subj",
                subj,
            ],
        );
        let serial = self.serial.to_string();
        let mut args = vec![
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-set_serial",
            &serial,
            "-days",
            "36500",
            "-outform",
            "DER",
            "-out",
            &der,
        ];
        let conf: PathBuf = d.join(format!("{name}.cnf"));
        let conf_s = conf.to_string_lossy().to_string();
        if let Some(ext) = extensions {
            std::fs::write(&conf, ext).expect("config written");
            args.extend(["-extfile", &conf_s, "-extensions", "ext"]);
        }
        openssl(d, &args);
        std::fs::read(d.join(&der)).expect("client certificate")
    }
}

//! Zowe CLI 8 against `racemu zosmf serve`: the ZWEKRING deck submitted with
//! `--wait-for-output --view-all-spool-content`, a RACDCERT through `zos-tso issue command`, a
//! PKCS#12 uploaded with `zos-files upload file-to-data-set --binary` and ADDed, and an EXPORT
//! downloaded. Zowe CLI comes from `npm install --prefix target/zowe @zowe/cli@8` (.ci/run does
//! it); without that directory the test says so and does nothing else.

mod common;

use common::client_ca::clients_and_mappings;
use common::zosmf::{launch_with, prepare, start, Zosmf};
use common::{openssl, racemu, real_deck, real_now, root};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Zowe CLI installed under target/zowe; `None` only when that directory is absent (a
/// directory without the CLI in it fails the test).
fn zowe_cli() -> Option<PathBuf> {
    let dir = root().join("target/zowe");
    if !dir.is_dir() {
        return None;
    }
    let bin = dir.join("node_modules/.bin/zowe");
    assert!(
        bin.exists(),
        "{} has no Zowe CLI: rerun npm install --prefix target/zowe @zowe/cli@8",
        dir.display()
    );
    Some(bin)
}

/// A Zowe home with a zowe.config.json whose default zosmf profile points at the server
/// (user and password in the profile, the ring's CA trusted through NODE_EXTRA_CA_CERTS).
fn zowe_home(z: &Zosmf) -> PathBuf {
    zowe_home_as(z, Some(("ZOSUSR", "SECRET1")))
}

/// As [`zowe_home`], with `credentials` (user, password) in the profile, or none.
fn zowe_home_as(z: &Zosmf, credentials: Option<(&str, &str)>) -> PathBuf {
    let home = z.tmp.path().join("zowe-home");
    std::fs::create_dir_all(&home).expect("zowe home");
    let config = serde_json::json!({
        "$schema": "./zowe.schema.json",
        "profiles": {
            "racemu": {
                "type": "zosmf",
                "properties": {
                    "host": "localhost",
                    "port": z.port.parse::<u16>().expect("port"),
                    "rejectUnauthorized": true
                },
                "secure": []
            },
            "tso": {"type": "tso", "properties": {"account": "IZUACCT"}, "secure": []}
        },
        "defaults": {"zosmf": "racemu", "tso": "tso"},
        "autoStore": false
    });
    let mut config = config;
    if let Some((user, password)) = credentials {
        config["profiles"]["racemu"]["properties"]["user"] = user.into();
        config["profiles"]["racemu"]["properties"]["password"] = password.into();
    }
    std::fs::write(home.join("zowe.config.json"), config.to_string()).expect("config");
    home
}

/// Runs Zowe CLI with `args`: (exit code, stdout, stderr).
fn zowe(bin: &Path, home: &Path, z: &Zosmf, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(bin)
        .args(args)
        .env("ZOWE_CLI_HOME", home)
        .env("NODE_EXTRA_CA_CERTS", &z.ca)
        .env("FORCE_COLOR", "0")
        .current_dir(z.tmp.path())
        .output()
        .expect("zowe");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn zowe_cli_8_submits_zwekring_issues_racdcert_uploads_a_pkcs12_and_downloads_an_export() {
    let Some(bin) = zowe_cli() else {
        println!("SKIPPED: Zowe CLI is not installed under target/zowe (npm install --prefix target/zowe @zowe/cli@8, as .ci/run does)");
        return;
    };
    let z = start();
    z.exec("ALTUSER ZOSUSR SPECIAL");
    let home = zowe_home(&z);
    // The ZWEKRING deck, waited for, with all its spool.
    let deck = z.tmp.path().join("zwekring.jcl");
    std::fs::write(&deck, real_deck("zowe-zwekring.jcl")).expect("deck");
    let (code, out, err) = zowe(
        &bin,
        &home,
        &z,
        &[
            "zos-jobs",
            "submit",
            "local-file",
            deck.to_str().expect("p"),
            "--wait-for-output",
            "--view-all-spool-content",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    for want in [
        "Spool file: JESMSGLG (ID #1, Step: JES2)",
        "$HASP395 ZWEKRING ENDED - RC=0000",
        "Spool file: JESJCL (ID #2, Step: JES2)",
        "Spool file: JESYSMSG (ID #3, Step: JES2)",
        "IEF142I ZWEKRING RUNRACF - STEP WAS EXECUTED - COND CODE 0000",
        "Spool file: SYSTSPRT (ID #4, Step: RUNRACF)",
    ] {
        assert!(out.contains(want), "{want} missing from:\n{out}");
    }
    // The TSO command's output is what SYSTSPRT shows, then READY.
    let (code, out, err) = zowe(
        &bin,
        &home,
        &z,
        &[
            "zos-tso",
            "issue",
            "command",
            "RACDCERT ID(ZWESVUSR) LISTRING(*)",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let exec = racemu(
        &z.db(),
        &real_now(),
        &[
            "exec",
            "--user",
            "ZOSUSR",
            "RACDCERT ID(ZWESVUSR) LISTRING(*)",
        ],
        None,
    );
    assert!(exec.stdout.contains("ZoweKeyring"), "{}", exec.stdout);
    assert_eq!(out, format!("{}READY \n", exec.stdout));
    // A PKCS#12 uploaded in binary, then ADDed by a deck.
    let (pem_key, pem_cert, p12) = (
        z.tmp.path().join("k.pem"),
        z.tmp.path().join("c.pem"),
        z.tmp.path().join("c.p12"),
    );
    let (ok, text) = openssl(&[
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        pem_key.to_str().expect("p"),
        "-out",
        pem_cert.to_str().expect("p"),
        "-subj",
        "/CN=uploaded",
        "-days",
        "30",
    ]);
    assert!(ok, "{text}");
    let (ok, text) = openssl(&[
        "pkcs12",
        "-export",
        "-in",
        pem_cert.to_str().expect("p"),
        "-inkey",
        pem_key.to_str().expect("p"),
        "-out",
        p12.to_str().expect("p"),
        "-passout",
        "pass:p12pass",
    ]);
    assert!(ok, "{text}");
    let (code, out, err) = zowe(
        &bin,
        &home,
        &z,
        &[
            "zos-files",
            "upload",
            "file-to-data-set",
            p12.to_str().expect("p"),
            "ZOSUSR.CERT.P12",
            "--binary",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let add = z.tmp.path().join("add.jcl");
    std::fs::write(&add, "//ADDP12 JOB\n//S1 EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD *\nRACDCERT ID(ZOSUSR) ADD('ZOSUSR.CERT.P12') WITHLABEL('uploaded') +\n         PASSWORD('p12pass') TRUST\nRACDCERT ID(ZOSUSR) EXPORT(LABEL('uploaded')) +\n         DSN('ZOSUSR.EXPORT.PEM') FORMAT(CERTB64)\n/*\n").expect("write");
    let (code, out, err) = zowe(
        &bin,
        &home,
        &z,
        &[
            "zos-jobs",
            "submit",
            "local-file",
            add.to_str().expect("p"),
            "--wait-for-output",
            "--view-all-spool-content",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("IRRD199I Certificate with label 'uploaded' is added for user ZOSUSR."),
        "{out}"
    );
    assert!(
        out.contains("$HASP395 ADDP12   ENDED - RC=0000")
            || out.contains("$HASP395 ADDP12 ENDED - RC=0000"),
        "{out}"
    );
    // The EXPORT, downloaded, is the certificate that was uploaded.
    let got = z.tmp.path().join("export.pem");
    let (code, out, err) = zowe(
        &bin,
        &home,
        &z,
        &[
            "zos-files",
            "download",
            "data-set",
            "ZOSUSR.EXPORT.PEM",
            "-f",
            got.to_str().expect("p"),
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let der = |p: &Path| {
        let out = Command::new("openssl")
            .args(["x509", "-outform", "der", "-in"])
            .arg(p)
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    assert_eq!(der(&got), der(&pem_cert));
}

/// `zos-files download data-set` of another user's PKCS#12 is refused by RACF (a DATASET
/// profile with UACC(NONE)) until the user is PERMITted READ and the server's in-storage
/// generic profiles are refreshed.
#[test]
fn zowe_cli_8_downloads_a_protected_pkcs12_only_once_permitted() {
    let Some(bin) = zowe_cli() else {
        println!("SKIPPED: Zowe CLI is not installed under target/zowe (npm install --prefix target/zowe @zowe/cli@8, as .ci/run does)");
        return;
    };
    let z = start();
    z.exec("RACDCERT ID(IZUSVR) EXPORT(LABEL('DefaultzOSMFCert.IZUDFLT')) DSN('IZUSVR.SRV.P12') FORMAT(PKCS12DER) PASSWORD('secret1')");
    z.exec("ADDSD 'IZUSVR.**' UACC(NONE)");
    let home = zowe_home(&z);
    let got = z.tmp.path().join("srv.p12");
    let download = || {
        zowe(
            &bin,
            &home,
            &z,
            &[
                "zos-files",
                "download",
                "data-set",
                "IZUSVR.SRV.P12",
                "-b",
                "-f",
                got.to_str().expect("p"),
            ],
        )
    };
    let (code, out, err) = download();
    assert_ne!(code, 0, "{out}{err}");
    assert!(!got.exists());
    // The server is a long-lived address space: its in-storage copy of the generic profile
    // sees the PERMIT after SETROPTS GENERIC(DATASET) REFRESH (docs/security.md).
    z.exec("PERMIT 'IZUSVR.**' ID(ZOSUSR) ACCESS(READ)");
    z.exec("SETROPTS GENERIC(DATASET) REFRESH");
    let (code, out, err) = download();
    assert_eq!(code, 0, "{out}{err}");
    // What Zowe downloaded is the export, byte for byte.
    let kept = z.tmp.path().join("kept.p12");
    let r = racemu(
        &z.db(),
        &real_now(),
        &["ds", "get", "'IZUSVR.SRV.P12'", kept.to_str().expect("p")],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read(&got).expect("downloaded"),
        std::fs::read(&kept).expect("kept")
    );
}

/// Zowe CLI 8 with `--cert-file` and `--cert-key-file` (a profile without user or password):
/// the client certificate logs ALICE on, whom a certificate name filter maps it to, and the
/// TSO command and the job run as ALICE (docs/certificate-logon.md).
#[test]
fn zowe_cli_8_with_a_client_certificate_runs_tso_and_submits_a_job_as_the_mapped_user() {
    let Some(bin) = zowe_cli() else {
        println!("SKIPPED: Zowe CLI is not installed under target/zowe (npm install --prefix target/zowe @zowe/cli@8, as .ci/run does)");
        return;
    };
    let (tmp, ca) = prepare();
    let clients = clients_and_mappings(tmp.path(), &tmp.path().join("racf.db"));
    let z = launch_with(tmp, ca, &[]);
    let home = zowe_home_as(&z, None);
    let (cert, key) = clients.cert("alice");
    let with_cert = |args: &[&str]| -> (i32, String, String) {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--cert-file", &cert, "--cert-key-file", &key]);
        zowe(&bin, &home, &z, &all)
    };
    let (code, out, err) = with_cert(&["zos-tso", "issue", "command", "LISTUSER"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("USER=ALICE "), "{out}");
    let jcl = z.tmp.path().join("alice.jcl");
    std::fs::write(&jcl, "//ALICEJOB JOB\n//S1 EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD *\nLISTUSER\n/*\n")
        .expect("jcl");
    let (code, out, err) = with_cert(&[
        "zos-jobs",
        "submit",
        "local-file",
        jcl.to_str().expect("p"),
        "--wait-for-output",
        "--rfj",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        (v["data"]["owner"].as_str(), v["data"]["retcode"].as_str()),
        (Some("ALICE"), Some("CC 0000")),
        "{v}"
    );
    let log = z.log.lock().expect("log").join("\n");
    assert!(
        log.contains("ALICE certificate PUT /zosmf/restjobs/jobs 201"),
        "{log}"
    );
}

//! The command line: exec, repl (piped), ds, settings, bad options.

mod common;
use common::*;
use std::path::Path;

const NOW: &str = "2026-11-25T10:00:00Z";

#[test]
fn exec_prints_output_and_exits_with_rc() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(NOBODY) LISTRING(*)"], None);
    assert_eq!(r.stdout.trim_end(), "IRRD115I User NOBODY has no rings.");
    assert_eq!(r.code, 4);
    let r = racemu(&db, NOW, &["exec", "FROB X"], None);
    assert_eq!(r.stdout.trim_end(), "IKJ56500I COMMAND FROB NOT FOUND");
    assert_eq!(r.code, 12);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db).expect("db").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the store holds private keys");
    }
}

#[test]
fn data_sets_round_trip_and_feed_systsin() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let cmds = tmp.path().join("cmds.txt");
    std::fs::write(
        &cmds,
        "RACDCERT ID(DSUSER) ADDRING(FROMDS)\nRACDCERT ID(DSUSER) LISTRING(*)\n",
    )
    .expect("w");
    let r = racemu(
        &db,
        NOW,
        &[
            "--user",
            "USER1",
            "ds",
            "put",
            "RACF.CMDS",
            cmds.to_str().expect("p"),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = racemu(&db, NOW, &["ds", "ls"], None);
    assert!(r.stdout.contains("USER1.RACF.CMDS"), "{}", r.stdout);
    let job = tmp.path().join("job.jcl");
    std::fs::write(&job, "//DSJOB JOB\n//S1 EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD DSN=USER1.RACF.CMDS,DISP=SHR\n//S2 EXEC PGM=NOSUCH\n//S3 EXEC PGM=IEFBR14\n").expect("w");
    let r = racemu(&db, NOW, &["run", job.to_str().expect("p")], None);
    assert!(r.stdout.contains("       >FROMDS<"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("CSV003I REQUESTED MODULE NOSUCH NOT FOUND"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("ABEND=S806"), "{}", r.stderr);
    assert_eq!(r.code, 12);
    let r = racemu(
        &db,
        NOW,
        &["ds", "put", "'BAD..NAME'", cmds.to_str().expect("p")],
        None,
    );
    assert_ne!(r.code, 0);
}

#[test]
fn undefined_ids_setting() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(&db, NOW, &["setting", "undefined-ids", "error"], None);
    assert_eq!(r.stdout.trim(), "undefined-ids = error");
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(GHOST) ADDRING(R)"], None);
    assert_eq!(
        r.stdout.trim_end(),
        "IRRD102I The user ID specified is not defined to RACF."
    );
    assert_eq!(r.code, 8);
    let r = racemu(&db, "not-a-time", &["exec", "PROFILE"], None);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("RFC 3339"));
}

/// Issue 19, item 4: an undefined user ID is accepted by default and noted once per run
/// (one `racemu exec`, one job) on standard error or in the job log, never in SYSTSPRT.
#[test]
fn undefined_ids_are_noted_once_per_run() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let note = "RCM116I User ID GHOST is not defined to RACF; racemu treats it as defined \
        (z/OS would refuse it with IRRD102I, ICH06007I or ICH02003I). \
        To refuse undefined IDs as z/OS does: racemu setting undefined-ids error";
    let r = racemu(
        &db,
        NOW,
        &[
            "exec",
            "RACDCERT ID(GHOST) ADDRING(R1)\nRACDCERT ID(GHOST) LISTRING(R1)",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.stderr.trim_end(), note);
    assert!(!r.stdout.contains("RCM"), "{}", r.stdout);
    let job = tmp.path().join("job.jcl");
    std::fs::write(
        &job,
        "//GHOSTS JOB\n//S1 EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD *\n\
         RACDCERT ID(GHOST) LISTRING(*)\n\
         CONNECT GHOST GROUP(SYS1)\n/*\n\
         //S2 EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD *\n\
         RDEFINE FACILITY GHOST.RES UACC(NONE)\n\
         PERMIT GHOST.RES CLASS(FACILITY) ID(GHOST) ACCESS(READ)\n/*\n",
    )
    .expect("w");
    let r = racemu(&db, NOW, &["run", job.to_str().expect("p")], None);
    assert_eq!(r.stderr.matches("RCM116I").count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains(note), "{}", r.stderr);
    assert!(!r.stdout.contains("RCM116I"), "{}", r.stdout);
}

#[test]
fn parm_command_and_ikjeft1b_stop_at_the_first_failure() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let job = tmp.path().join("job.jcl");
    std::fs::write(
        &job,
        "//PARMJOB JOB (ACCT),'TEST',CLASS=A\n\
         //S1 EXEC PGM=IKJEFT01,PARM='RACDCERT ID(P) ADDRING(FROMPARM)'\n\
         //SYSTSPRT DD SYSOUT=*\n\
         //SYSTSIN DD *\n RACDCERT ID(P) LISTRING(FROMPARM)\n/*\n\
         //S2 EXEC PGM=IKJEFT1B\n\
         //SYSTSPRT DD SYSOUT=*\n\
         //SYSTSIN DD *\n RACDCERT ID(P) LISTRING(NOSUCH)\n RACDCERT ID(P) ADDRING(NEVER)\n/*\n\
         //CHK IF (S2.RC = 4) THEN\n\
         //S3 EXEC PGM=IEFBR14\n\
         // ENDIF\n",
    )
    .expect("w");
    let r = racemu(&db, NOW, &["run", job.to_str().expect("p")], None);
    let out = normalise(&r.stdout);
    assert_eq!(
        out[0], "RACDCERT ID(P) ADDRING(FROMPARM)",
        "PARM= is the first command, echoed"
    );
    assert!(out.contains(&"       >FROMPARM<".to_string()), "{out:?}");
    assert!(out.contains(&"IRRD114I Ring NOSUCH does not exist.".to_string()));
    assert!(
        !out.iter().any(|l| l.contains("ADDRING(NEVER)")),
        "IKJEFT1B stops at the first non-zero RC"
    );
    assert!(
        r.stderr
            .contains("IEF142I PARMJOB S2 - STEP WAS EXECUTED - COND CODE 0004"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("IEF142I PARMJOB S3 - STEP WAS EXECUTED - COND CODE 0000"),
        "{}",
        r.stderr
    );
    assert_eq!(r.code, 4);
}

/// Runs racemu with its standard output a pipe whose reading end is already closed.
#[cfg(unix)]
fn racemu_into_closed_pipe(db: &Path, args: &[&str]) -> (std::process::ExitStatus, String) {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: pipe() fills two new descriptors, each then owned by exactly one OwnedFd.
    let (read, write) = unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]))
    };
    drop(read);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_racemu"))
        .arg("--db")
        .arg(db)
        .args(["--now", NOW])
        .args(args)
        .env_remove("RACEMU_DB")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::from(write))
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("racemu");
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_every_subcommand_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    assert_eq!(racemu(&db, NOW, &["exec", RING], None).code, 0);
    let sysin = tmp.path().join("cmds.txt");
    std::fs::write(&sysin, "RACDCERT ID(SRV) LISTRING(Ring)\n").expect("w");
    let sysin = sysin.to_str().expect("p");
    let key = tmp.path().join("key.pem");
    std::fs::write(&key, "-----BEGIN PRIVATE KEY-----\n").expect("w");
    assert_eq!(
        racemu(
            &db,
            NOW,
            &["ds", "put", "'SRV.KEY'", key.to_str().expect("p")],
            None
        )
        .code,
        0
    );
    let cases: &[&[&str]] = &[
        &["exec", "RACDCERT ID(SRV) LISTRING(Ring)"],
        &["run", "--sysin", sysin],
        &["repl"],
        &["--user", "SRV", "keyring", "list", "SRV/Ring"],
        &["--user", "SRV", "keyring", "list", "SRV/Ring", "--json"],
        &[
            "--user", "SRV", "keyring", "export", "SRV/Ring", "--format", "pem", "--out", "-",
        ],
        &["ds", "ls"],
        &["ds", "get", "'SRV.KEY'", "-"],
        &["setting", "undefined-ids"],
        &["--help"],
    ];
    for args in cases {
        let (status, stderr) = racemu_into_closed_pipe(&db, args);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(
            status.signal(),
            Some(libc::SIGPIPE),
            "{args:?}: {status:?} {stderr}"
        );
    }
}

#[test]
#[cfg(unix)]
fn files_holding_private_keys_are_0600_whatever_the_umask() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    assert_eq!(racemu(&db, NOW, &["exec", RING], None).code, 0);
    std::fs::write(
        tmp.path().join("key.pem"),
        "-----BEGIN PRIVATE KEY-----\nMC4=\n-----END PRIVATE KEY-----\n",
    )
    .expect("w");
    std::fs::write(tmp.path().join("cert.pem"), "-----BEGIN CERTIFICATE-----\n").expect("w");
    // An existing world-readable file is tightened before the key goes in.
    std::fs::write(tmp.path().join("old.pem"), "").expect("w");
    let script = format!(
        "umask 000; D={db}; N={NOW}
         \"$RACEMU\" --db $D --now $N --user SRV keyring export SRV/Ring --format pem --out ring.pem &&
         \"$RACEMU\" --db $D --now $N --user SRV keyring export SRV/Ring --format pem --out old.pem &&
         \"$RACEMU\" --db $D --now $N --user SRV keyring export SRV/Ring --format pkcs12 --out ring.p12 --password pw &&
         \"$RACEMU\" --db $D --now $N ds put \"'SRV.KEY.PEM'\" key.pem &&
         \"$RACEMU\" --db $D --now $N ds put \"'SRV.CERT.PEM'\" cert.pem &&
         \"$RACEMU\" --db $D --now $N exec \"RACDCERT ID(SRV) EXPORT(LABEL('srv')) DSN('SRV.SRV.P12') FORMAT(PKCS12DER) PASSWORD('pw')\" &&
         \"$RACEMU\" --db $D --now $N ds get \"'SRV.KEY.PEM'\" key.out &&
         \"$RACEMU\" --db $D --now $N ds get \"'SRV.SRV.P12'\" p12.out &&
         \"$RACEMU\" --db $D --now $N ds get \"'SRV.CERT.PEM'\" cert.out",
        db = db.display()
    );
    let r = racemu_sh(tmp.path(), &script);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    for f in ["ring.pem", "old.pem", "ring.p12", "key.out", "p12.out"] {
        assert_eq!(mode(&tmp.path().join(f)), 0o600, "{f}");
    }
    assert_eq!(
        mode(&tmp.path().join("cert.out")),
        0o666,
        "no key: the umask decides"
    );
}

#[test]
fn now_takes_a_bare_date_as_midnight_utc() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(
        &db,
        "2025-06-01",
        &[
            "exec",
            "RACDCERT ID(D) GENCERT SUBJECTSDN(CN('d')) WITHLABEL('d')\nRACDCERT ID(D) LIST",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let out = normalise(&r.stdout);
    assert!(
        out.contains(&"  Start Date: 2025/06/01 00:00:00".to_string()),
        "{out:?}"
    );
    assert!(
        out.contains(&"  End Date:   2026/06/01 23:59:59".to_string()),
        "{out:?}"
    );
    let r = racemu(&db, "2025-13-01", &["exec", "PROFILE"], None);
    assert_eq!(r.code, 12);
    assert!(
        r.stderr
            .contains("neither an RFC 3339 timestamp nor a date"),
        "{}",
        r.stderr
    );
}

#[test]
fn creating_a_store_says_so_once() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("typo/dir/racf.db");
    let r = racemu_raw(&db, NOW, &["exec", "PROFILE"], None);
    assert_eq!(
        r.stderr.trim_end(),
        format!(
            "racemu: RCM200I a new RACF database was created at {}",
            db.display()
        )
    );
    let r = racemu_raw(&db, NOW, &["exec", "PROFILE"], None);
    assert_eq!(r.stderr, "", "an existing store is opened silently");
}

#[test]
fn each_subcommand_help_shows_only_what_applies_to_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let help = |args: &[&str]| {
        let mut a = args.to_vec();
        a.push("--help");
        racemu(&db, NOW, &a, None).stdout
    };
    for sub in [
        &["keyring", "export"][..],
        &["keyring", "serve"],
        &["ds", "ls"],
        &["setting"],
    ] {
        let h = help(sub);
        assert!(!h.contains("--listring-layout"), "{sub:?}: {h}");
        assert!(!h.contains("--now"), "{sub:?}: {h}");
    }
    for sub in [
        &["keyring", "list"][..],
        &["keyring", "export"],
        &["keyring", "serve"],
    ] {
        let h = help(sub);
        assert!(
            h.contains("The application's (server's) user ID"),
            "{sub:?}: {h}"
        );
        assert!(!h.contains("JOB card"), "{sub:?}: {h}");
    }
    let h = help(&["run"]);
    assert!(
        h.contains("--listring-layout") && h.contains("--now") && h.contains("JOB card's USER="),
        "{h}"
    );
    // A usage error with $RACEMU_DB set does not call --db required.
    let r = racemu_sh(
        tmp.path(),
        &format!(
            "RACEMU_DB={} \"$RACEMU\" --user SRV keyring export SRV/Ring --out x",
            db.display()
        ),
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("Usage: racemu keyring export --format <FORMAT> --out <OUT> <RING>"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("--db"), "{}", r.stderr);
}

#[test]
fn ds_and_export_say_what_they_did() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    assert_eq!(racemu(&db, NOW, &["exec", RING], None).code, 0);
    let f = tmp.path().join("cmds.txt");
    std::fs::write(&f, "RACDCERT ID(SRV) LISTRING(*)\n").expect("w");
    let r = racemu(
        &db,
        NOW,
        &[
            "--user",
            "USER1",
            "ds",
            "put",
            "RACF.CNTL",
            f.to_str().expect("p"),
        ],
        None,
    );
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr.trim_end(),
        "racemu: RCM203I data set USER1.RACF.CNTL stored (29 bytes)"
    );
    let r = racemu(&db, NOW, &["ds", "ls"], None);
    assert_eq!(
        normalise(&r.stdout),
        [
            "DSN                                          RECFM LRECL      BYTES",
            "USER1.RACF.CNTL                              FB       80         29",
        ]
    );
    // PKCS#12 with the password from a file, then from the environment.
    std::fs::write(tmp.path().join("pw.txt"), "from-file\n").expect("w");
    let script = format!(
        "\"$RACEMU\" --db {db} --user SRV keyring export SRV/Ring --format pkcs12 --out a.p12 --password-file pw.txt &&
         RACEMU_PASSWORD=from-env \"$RACEMU\" --db {db} --user SRV keyring export SRV/Ring --format pkcs12 --out b.p12",
        db = db.display()
    );
    let r = racemu_sh(tmp.path(), &script);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        [
            "racemu: RCM201I wrote a.p12 (PKCS#12): 1 certificate(s), 1 private key(s)",
            "racemu: RCM201I wrote b.p12 (PKCS#12): 1 certificate(s), 1 private key(s)",
        ]
    );
    for (file, pw) in [("a.p12", "pass:from-file"), ("b.p12", "pass:from-env")] {
        let p = tmp.path().join(file);
        let (ok, text) = openssl(&[
            "pkcs12",
            "-in",
            p.to_str().expect("p"),
            "-passin",
            pw,
            "-nokeys",
        ]);
        assert!(ok, "{file}: {text}");
    }
    let r = racemu_sh(
        tmp.path(),
        &format!(
            "\"$RACEMU\" --db {} --user SRV keyring export SRV/Ring --format pkcs12 --out c.p12",
            db.display()
        ),
    );
    assert_eq!(r.code, 12);
    assert_eq!(
        r.stderr.trim_end(),
        "racemu: a PKCS#12 password is required: --password, --password-file or $RACEMU_PASSWORD"
    );
}

#[test]
fn exec_runs_every_line_as_its_help_says() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(&db, NOW, &["exec", "--help"], None);
    assert!(
        r.stdout
            .contains("Run TSO commands, one per line (continuation with + or - allowed)"),
        "{}",
        r.stdout
    );
    let r = racemu(
        &db,
        NOW,
        &[
            "exec",
            "RACDCERT ID(X) ADDRING(A)\nRACDCERT ID(X) +\n  LISTRING(A)",
        ],
        None,
    );
    assert_eq!(r.code, 0);
    assert!(
        normalise(&r.stdout).contains(&"       >A<".to_string()),
        "{}",
        r.stdout
    );
}

#[test]
fn listuser_ibmuser_shows_the_store_creation_date() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(&db, NOW, &["exec", "LISTUSER IBMUSER"], None);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let out = normalise(&r.stdout);
    assert_eq!(
        out[0],
        "USER=IBMUSER  NAME=IBMUSER              OWNER=IBMUSER   CREATED=26.329"
    );
    assert!(
        out.iter()
            .any(|l| l.ends_with("CONNECT-OWNER=IBMUSER   CONNECT-DATE=26.329")),
        "{out:?}"
    );
    // Later runs with another clock keep the creation date.
    let r = racemu(&db, "2027-02-01", &["exec", "LISTUSER IBMUSER"], None);
    assert!(
        r.stdout.starts_with(
            "USER=IBMUSER  NAME=IBMUSER              OWNER=IBMUSER   CREATED=26.329\n"
        ),
        "{}",
        r.stdout
    );
}

/// `ds ls` takes a catalog filter: `*` stays within one qualifier, `**` crosses qualifiers
/// (before, `*` became LIKE's `%` and listed names with more qualifiers too).
#[test]
fn ds_ls_star_matches_one_qualifier_and_two_stars_any() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let f = tmp.path().join("data.txt");
    std::fs::write(&f, "X\n").expect("w");
    for dsn in [
        "'USER1.CA'",
        "'USER1.CA.PEM'",
        "'USER1.CB.PEM'",
        "'USER2.CA'",
    ] {
        let r = racemu(&db, NOW, &["ds", "put", dsn, f.to_str().expect("p")], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let names = |pattern: &str| -> Vec<String> {
        let r = racemu(&db, NOW, &["ds", "ls", pattern], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
            .lines()
            .skip(1)
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .collect()
    };
    assert_eq!(names("'USER1.*'"), ["USER1.CA"]);
    assert_eq!(names("'USER1.*.PEM'"), ["USER1.CA.PEM", "USER1.CB.PEM"]);
    assert_eq!(
        names("'USER1.**'"),
        ["USER1.CA", "USER1.CA.PEM", "USER1.CB.PEM"]
    );
    assert_eq!(names("'**.CA'"), ["USER1.CA", "USER2.CA"]);
    assert_eq!(names("'USER%.CA'"), ["USER1.CA", "USER2.CA"]);
}

/// `racemu setting` names the settings and values it knows, and a refused value is not stored.
#[test]
fn setting_refuses_unknown_names_and_values() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let r = racemu(&db, NOW, &["setting", "colour"], None);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr
            .contains("unknown setting \"colour\"; known: undefined-ids, pkcs12-encryption"),
        "{}",
        r.stderr
    );
    let r = racemu(&db, NOW, &["setting", "pkcs12-encryption", "des"], None);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr
            .contains("pkcs12-encryption must be one of aes256, legacy, not \"des\""),
        "{}",
        r.stderr
    );
    let r = racemu(&db, NOW, &["setting", "pkcs12-encryption"], None);
    assert_eq!(r.stdout, "pkcs12-encryption = aes256\n");
    let r = racemu(&db, NOW, &["setting", "pkcs12-encryption", "legacy"], None);
    assert_eq!(r.stdout, "pkcs12-encryption = legacy\n");
}

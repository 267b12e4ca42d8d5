//! TSO command input: command-name syntax, HELP, ambiguous abbreviations, user-ID syntax and
//! racemu's hints on paste mistakes — in batch (SYSTSPRT), `racemu exec` and the REPL.

mod common;
use common::*;

const NOW: &str = "2026-11-25T10:00:00Z";

/// Runs `sysin` as one IKJEFT01 step; returns SYSTSPRT lines, the job-log lines and the RC.
fn batch(db: &std::path::Path, sysin: &str) -> (Vec<String>, Vec<String>, i32) {
    let r = racemu(db, NOW, &["run", "--sysin", "-"], Some(sysin));
    (normalise(&r.stdout), normalise(&r.stderr), r.code)
}

#[test]
fn command_name_syntax_in_batch_and_exec() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let (out, log, rc) = batch(&db, "FROBNICATE X\n1ABC\n");
    assert_eq!(
        out,
        [
            "FROBNICATE X",
            "IKJ56621I INVALID COMMAND NAME SYNTAX",
            "READY",
            "1ABC",
            "IKJ56621I INVALID COMMAND NAME SYNTAX",
            "READY",
            "END"
        ]
    );
    assert!(log.is_empty(), "{log:?}");
    assert_eq!(rc, 12);
    let r = racemu(&db, NOW, &["exec", "FROBNICATE"], None);
    assert_eq!(r.stdout, "IKJ56621I INVALID COMMAND NAME SYNTAX\n");
    assert_eq!(r.code, 12);
    let r = racemu(&db, NOW, &["exec", "A.B X"], None);
    assert_eq!(r.stdout, "IKJ56621I INVALID COMMAND NAME SYNTAX\n");
}

#[test]
fn help_in_batch_exec_and_repl() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let (out, log, rc) = batch(
        &db,
        "HELP RACDCERT OPERANDS(GENCERT WITHL)\nh end\nHELP NOSUCH\n",
    );
    assert_eq!(
        out,
        [
            "HELP RACDCERT OPERANDS(GENCERT WITHL)",
            "OPERANDS -",
            "  GENCERT[('request-dsn')] -",
            "      Generates a key pair and a certificate, self-signed or signed by the",
            "      certificate SIGNWITH names. With a data set name, signs the PKCS#10",
            "      request it holds instead (SIGNWITH is then required; no private key is",
            "      kept).",
            "  WITHLABEL('label') -",
            "      The new certificate's label, unique for its owner. Quote it to keep its",
            "      case: an unquoted label is folded to upper case.",
            "READY",
            "h end",
            "FUNCTION -",
            "  END ends the session. In batch the rest of SYSTSIN is not read.",
            "SYNTAX -",
            "  END",
            "OPERANDS -",
            "  END has no operands racemu uses.",
            "READY",
            "HELP NOSUCH",
            "IKJ56800I HELP NOT AVAILABLE FOR NOSUCH",
            "READY",
            "END",
        ]
    );
    assert!(log.is_empty(), "{log:?}");
    assert_eq!(rc, 12);

    let r = racemu(&db, NOW, &["exec", "HELP PERMIT SYNTAX"], None);
    assert_eq!(
        normalise(&r.stdout),
        [
            "SYNTAX -",
            "  PERMIT  (profile ...)  CLASS(class)  ID(id ...)  [ACCESS(access)]",
            "          [DELETE] [RESET] [FROM(profile) [FCLASS(class)]]",
            "",
            "  REQUIRED - profile names; ID unless RESET or FROM",
            "  DEFAULTS - CLASS(DATASET) ACCESS(READ)",
            "  ALIAS    - PE",
        ]
    );
    assert_eq!(r.code, 0);

    let r = racemu(&db, NOW, &["exec", "HELP RACDCRT"], None);
    assert_eq!(r.stdout, "IKJ56800I HELP NOT AVAILABLE FOR RACDCRT\n");
    assert_eq!(
        r.stderr,
        "RCM110I RACDCRT is not a command; did you mean RACDCERT?\n"
    );
    assert_eq!(r.code, 12);

    // The REPL: `help` lists every command racemu supports, then READY.
    let r = racemu(&db, NOW, &["repl"], Some("help\nLOGOFF\n"));
    let out = normalise(&r.stdout);
    for verb in [
        "RACDCERT", "SETROPTS", "RDEFINE", "RALTER", "RDELETE", "PERMIT", "RLIST", "ADDUSER",
        "ALTUSER", "LISTUSER", "DELUSER", "ADDGROUP", "CONNECT", "HELP", "PROFILE", "END",
        "LOGOFF",
    ] {
        assert!(
            out.iter().any(|l| l.starts_with(&format!("  {verb} "))),
            "{verb}: {out:?}"
        );
    }
    assert!(!r.stdout.contains("IKJ56500I"), "{}", r.stdout);
    assert_eq!(r.code, 0);
}

#[test]
fn ambiguous_abbreviation_is_explained_in_the_job_log() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let (out, log, rc) = batch(&db, "RACDCERT ID(ZCSERV1) LIS\n");
    assert_eq!(
        out,
        [
            "RACDCERT ID(ZCSERV1) LIS",
            "IKJ56712I INVALID KEYWORD, LIS",
            "READY",
            "END"
        ]
    );
    assert_eq!(
        log,
        ["RCM112I LIS is an abbreviation of more than one keyword: LIST, LISTCHAIN, LISTMAP, LISTRING, LISTTOKEN. Type more of the keyword."]
    );
    assert_eq!(rc, 12);
    // exec: SYSTSPRT lines on standard output, the hint on standard error.
    let r = racemu(&db, NOW, &["exec", "SETROPTS R(FACILITY)"], None);
    assert_eq!(r.stdout, "IKJ56712I INVALID KEYWORD, R\n");
    assert!(
        r.stderr
            .starts_with("RCM112I R is an abbreviation of more than one keyword: RACLIST, "),
        "{}",
        r.stderr
    );
    // A unique abbreviation still works, and gives no hint.
    // (ZCSERV1 would be an undefined user ID, which gets its own RCM116I note.)
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(IBMUSER) LISTR(*)"], None);
    assert_eq!(r.stdout, "IRRD115I User IBMUSER has no rings.\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn user_ids_racf_syntax_forbids_are_refused_everywhere() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let cases = [
        ("RACDCERT ID(&A) ADDRING(R)", "&A"),
        ("RACDCERT ID(A.B) ADDRING(R)", "A.B"),
        ("RACDCERT ID(TOOLONGID9) ADDRING(R)", "TOOLONGID9"),
        ("RACDCERT ID(1ABC) LIST", "1ABC"),
        (
            "RACDCERT ID(OK1) CONNECT(ID(B-C) LABEL('x') RING(R))",
            "B-C",
        ),
        ("RACDCERT ID(OK1) REMOVE(ID(A.B) LABEL('x') RING(R))", "A.B"),
        (
            "PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(OK1,A.B) ACCESS(READ)",
            "A.B",
        ),
        ("ADDUSER A.B", "A.B"),
        ("ALTUSER (OK1 9X) SPECIAL", "9X"),
        ("LISTUSER A%B", "A%B"),
        ("DELUSER TOOLONGID9", "TOOLONGID9"),
        ("CONNECT A.B GROUP(SYS1)", "A.B"),
    ];
    for (cmd, bad) in cases {
        let r = racemu(&db, NOW, &["exec", cmd], None);
        assert_eq!(
            r.stdout,
            format!("IKJ56702I INVALID USERID, {bad}\n"),
            "{cmd}"
        );
        assert_eq!(r.code, 12, "{cmd}");
    }
    // Nothing was created: no user has a ring.
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(A) LISTRING(*)"], None);
    assert_eq!(r.stdout, "IRRD115I User A has no rings.\n");
    // National characters, digits after the first character, PERMIT ID(*) and LISTUSER *
    // are RACF syntax.
    for ok in [
        "RACDCERT ID(#SYS$1@) ADDRING(R)",
        "RACDCERT ID(a1) ADDRING(R)",
        "PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(*) ACCESS(READ)",
    ] {
        let r = racemu(&db, NOW, &["exec", ok], None);
        assert!(!r.stdout.contains("IKJ5670"), "{ok}: {}", r.stdout);
    }
    let r = racemu(&db, NOW, &["exec", "LISTUSER *"], None);
    assert!(!r.stdout.contains("IKJ56702I"), "{}", r.stdout);
}

#[test]
fn paste_mistakes_get_job_log_hints() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let job = "//HINTS    JOB\n\
//STEP1    EXEC PGM=IKJEFT01\n\
//SYSTSPRT DD SYSOUT=*\n\
//SYSTSIN  DD *\n\
 RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('zosConnectCA')\n\
 RACDCERT CERTAUTH LIST(LABEL('zosconnectca'))\n\
 RACDCERT CERTAUTH LIST(LABEL(zosConnectCA))\n\
 RACDCRT CERTAUTH LIST\n\
/*\n";
    let r = racemu(&db, NOW, &["run", "-"], Some(job));
    assert_eq!(
        normalise(&r.stdout),
        [
            "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('zosConnectCA')",
            "IRRD175I The new profile for DIGTCERT will not be in effect until a SETROPTS REFRESH has been issued.",
            "READY",
            "RACDCERT CERTAUTH LIST(LABEL('zosconnectca'))",
            "IRRD107I No matching certificate was found for this user.",
            "READY",
            "RACDCERT CERTAUTH LIST(LABEL(zosConnectCA))",
            "IRRD107I No matching certificate was found for this user.",
            "READY",
            "RACDCRT CERTAUTH LIST",
            "IKJ56500I COMMAND RACDCRT NOT FOUND",
            "READY",
            "END",
        ]
    );
    let log = normalise(&r.stderr);
    for hint in [
        "RCM113I Labels are case-sensitive: CERTAUTH has no label 'zosconnectca' but has 'zosConnectCA'.",
        "RCM114I LABEL(zosConnectCA) is not quoted, so TSO folded it to ZOSCONNECTCA; CERTAUTH has the label 'zosConnectCA': write LABEL('zosConnectCA').",
        "RCM110I RACDCRT is not a command; did you mean RACDCERT?",
    ] {
        assert!(log.iter().any(|l| l == hint), "{hint}\n{log:?}");
    }
    assert!(!r.stdout.contains("RCM1"), "hints never reach SYSTSPRT");

    // Typographic quotes pasted from a web page (blog 002's ALTER).
    let r = racemu(
        &db,
        NOW,
        &[
            "exec",
            "RACDCERT CERTAUTH ALTER(LABEL(\u{2018}zosConnectCA\u{2019}))TRUST",
        ],
        None,
    );
    assert_eq!(
        r.stdout,
        "IRRD107I No matching certificate was found for this user.\n"
    );
    assert_eq!(
        r.stderr,
        "RCM115W The command contains typographic quotes (\u{2018}\u{2019}), often pasted from web \
         pages; TSO takes only the apostrophe (') as a quote, so they became part of the values.\n"
    );
    // The exact label gives no hint at all.
    let r = racemu(
        &db,
        NOW,
        &[
            "exec",
            "RACDCERT CERTAUTH ALTER(LABEL('zosConnectCA')) TRUST",
        ],
        None,
    );
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, 0);
    // A command name too long to be one, but close to one.
    let r = racemu(&db, NOW, &["exec", "RACDCERTS CERTAUTH LIST"], None);
    assert_eq!(r.stdout, "IKJ56621I INVALID COMMAND NAME SYNTAX\n");
    assert_eq!(
        r.stderr,
        "RCM110I RACDCERTS is not a command; did you mean RACDCERT?\n"
    );
}

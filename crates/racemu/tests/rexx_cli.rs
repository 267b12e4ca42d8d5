//! REXX execs from `racemu exec` and the REPL with the global `--sysexec DSN` (repeatable,
//! searched in order), and malformed execs (seeded mutations and garbage): each ends in a
//! message and an RC, never a crash of racemu (issue 26). Skipped (with the reason printed)
//! when libregina.so.3 is not installed.

mod common;

use common::racemu;
use common::rexx::{put, rexx_store, NOW};
use racemu_mutation::Mutator;
use std::path::Path;
use std::process::{Command, Stdio};

/// racemu with `args` on `db` (the clock fixed, a short exec time limit): (stdout, stderr,
/// exit code, or `None` when a signal ended it).
fn racemu_raw(db: &Path, args: &[&str], stdin: &str) -> (String, String, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_racemu"))
        .args(["--db", db.to_str().expect("path"), "--now", NOW])
        .args(args)
        .env("RACEMU_REXX_TIME_LIMIT", "5")
        .env_remove("RACEMU_DB")
        .env_remove("RACEMU_NOW")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("racemu runs");
    if let Some(mut i) = child.stdin.take() {
        use std::io::Write;
        let _ = i.write_all(stdin.as_bytes());
    }
    let out = child.wait_with_output().expect("racemu ends");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// `racemu --sysexec A --sysexec B exec "%NAME args"`: A before B; the exec's RC is
/// racemu's exit status; an exec in the REPL runs in the foreground (SYSVAR('SYSENV')
/// `FORE`).
#[test]
fn exec_and_repl_run_execs_from_sysexec_libraries_in_order() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    let show = b"/* REXX */\nparse arg a\nsay 'A' a sysvar('SYSENV') userid()\nreturn 3\n";
    put(&db, tmp.path(), "'IBMUSER.A.EXEC(SHOW)'", show);
    put(
        &db,
        tmp.path(),
        "'IBMUSER.B.EXEC(SHOW)'",
        b"/* REXX */\nsay 'B'\n",
    );
    put(
        &db,
        tmp.path(),
        "'IBMUSER.B.EXEC(ONLYB)'",
        b"/* REXX */\nsay 'only B'\n",
    );
    let libs = [
        "--sysexec",
        "IBMUSER.A.EXEC",
        "--sysexec",
        "'IBMUSER.B.EXEC'",
    ];
    let mut args = libs.to_vec();
    args.extend(["exec", "%SHOW x y\nONLYB\n%NONE"]);
    let (out, err, code) = racemu_raw(&db, &args, "");
    assert_eq!(
        out, "A x y BACK IBMUSER\nonly B\nIKJ56500I COMMAND NONE NOT FOUND\n",
        "{err}"
    );
    assert_eq!(code, Some(12));
    let (out, _, code) = racemu_raw(&db, &libs[..2], "");
    assert_ne!(code, Some(0), "{out}");
    let mut args = libs.to_vec();
    args.push("repl");
    let (out, err, code) = racemu_raw(&db, &args, "%SHOW in repl\nLOGOFF\n");
    assert_eq!(out, "READY\nA in repl FORE IBMUSER\nREADY\n", "{err}");
    assert_eq!(code, Some(3));
}

/// Seeded mutations of execs that issue commands, trap output and do I/O, and garbage, run
/// with `racemu exec`: every one ends with an exit status (no signal, no panic), and any
/// REXX error is TSO/E's IRX message.
#[test]
fn malformed_execs_end_in_a_message_and_an_rc() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    let seeds: Vec<Vec<u8>> = vec![
        b"/* REXX */\nx = outtrap('l.')\n\"RACDCERT ID(IBMUSER) LISTRING(*)\"\n\
          call outtrap 'off'\ndo i = 1 to l.0\n  say substr(l.i,3,32) '|' substr(l.i,38,12)\nend\n\
          if rc <> 0 then exit 8\nsay sysvar('SYSUID') userid() sysdsn('X.Y')\nexit rc\n"
            .to_vec(),
        b"/* REXX */\n\"ALLOC F(IN) DA('IBMUSER.A.EXEC(SHOW)') SHR REUSE\"\n\
          \"EXECIO * DISKR IN (STEM s. FINIS\"\nsay s.0 listdsi(\"'IBMUSER.A.EXEC'\") sysdsorg\n\
          select\n when s.0 > 2 then say 'many'\n otherwise nop\nend\nsignal on syntax\n\
          interpret 'say 1 +'\nexit\nsyntax: say 'syntax' rc sigl\nreturn 4\n"
            .to_vec(),
    ];
    put(
        &db,
        tmp.path(),
        "'IBMUSER.A.EXEC(SHOW)'",
        b"/* REXX */\nsay 'a'\n",
    );
    let mut m = Mutator::new(26, &[b"\"", b";", b"do", b"end", b"exit", b"(", b"."]);
    let mut inputs: Vec<Vec<u8>> = m.mutations(&seeds, 24).collect();
    inputs.push(vec![0xff, 0x00, b'"', b'(', 0x80]);
    inputs.push(b"/*".to_vec());
    inputs.push(Vec::new());
    for (i, exec) in inputs.iter().enumerate() {
        put(&db, tmp.path(), "'IBMUSER.FUZZ.EXEC(FUZZ)'", exec);
        let (out, err, code) = racemu_raw(
            &db,
            &["--sysexec", "IBMUSER.FUZZ.EXEC", "exec", "%FUZZ"],
            "",
        );
        let shown = String::from_utf8_lossy(exec);
        assert!(
            code.is_some(),
            "#{i} ended by a signal: {shown:?}\n{out}{err}"
        );
        assert!(!err.contains("panicked"), "#{i} {shown:?}: {err}");
        let regina: Vec<&str> = out.lines().filter(|l| l.starts_with("Error ")).collect();
        assert!(
            regina.is_empty(),
            "#{i}: Regina's messages reached SYSTSPRT: {regina:?}\n{shown:?}"
        );
    }
}

/// Without Regina's library an exec does not run: RCM501E names the libregina3 package and
/// the RC is 12 (docs/rexx.md). Runs everywhere: `RACEMU_REGINA` names a library that is not
/// there.
#[test]
fn without_the_library_an_exec_gets_rcm501e_and_rc_12() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    put(
        &db,
        tmp.path(),
        "'IBMUSER.EXEC(SHOW)'",
        b"/* REXX */\nsay 'hi'\n",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_racemu"))
        .args(["--db", db.to_str().expect("path"), "--now", NOW])
        .args(["--sysexec", "IBMUSER.EXEC", "exec", "%SHOW"])
        .env(
            racemu_rexx::LIBRARY_VAR,
            tmp.path().join("no-libregina.so.3"),
        )
        .output()
        .expect("racemu runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("RCM501E REXX exec SHOW not run: racemu runs REXX with Regina REXX, whose library libregina.so.3 cannot be opened ("),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("Install the libregina3 package (apt-get install libregina3).\n"),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(12));
}

/// An OUTTRAPped LISTRING is what LISTRING prints, line for line, in both layouts (the
/// z/OS 3.1 one with `--listring-layout zos31`), so column parsing gets the same fields.
#[test]
fn outtrapped_listring_is_listring_in_both_layouts() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    let setup = "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Layout CA')) NISTECC WITHLABEL('Layout CA') NOTAFTER(DATE(2030-12-31))
RACDCERT ID(IBMUSER) GENCERT SUBJECTSDN(CN('srv')) NISTECC WITHLABEL('srv') SIGNWITH(CERTAUTH LABEL('Layout CA')) NOTAFTER(DATE(2029-12-31))
RACDCERT ID(IBMUSER) ADDRING(LAYOUT)
RACDCERT ID(IBMUSER) CONNECT(CERTAUTH LABEL('Layout CA') RING(LAYOUT) USAGE(CERTAUTH))
RACDCERT ID(IBMUSER) CONNECT(LABEL('srv') RING(LAYOUT) DEFAULT)";
    let r = racemu(&db, NOW, &["exec", setup], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    put(
        &db,
        tmp.path(),
        "'IBMUSER.EXEC(TRAPLR)'",
        b"/* REXX */\nx = outtrap('l.')\n\"RACDCERT ID(IBMUSER) LISTRING(LAYOUT)\"\n\
          x = outtrap('off')\ndo i = 1 to l.0\n  say l.i\nend\n\
          do i = 1 to l.0\n  if substr(l.i,53,8) = 'PERSONAL' then say substr(l.i,3,32)'|'substr(l.i,66,3)\nend\n",
    );
    for layout in [None, Some("zos31")] {
        let mut base = vec![];
        if let Some(l) = layout {
            base.extend(["--listring-layout", l]);
        }
        let mut direct = base.clone();
        direct.extend(["exec", "RACDCERT ID(IBMUSER) LISTRING(LAYOUT)"]);
        let (listing, _, _) = racemu_raw(&db, &direct, "");
        let mut trapped = base.clone();
        trapped.extend(["--sysexec", "IBMUSER.EXEC", "exec", "%TRAPLR"]);
        let (out, err, code) = racemu_raw(&db, &trapped, "");
        assert_eq!(code, Some(0), "{err}");
        let expected = format!("{listing}{:<32}|YES\n", "srv");
        assert_eq!(out, expected, "{layout:?}");
        assert_eq!(
            listing.lines().filter(|l| l.is_empty()).count() > 2,
            layout.is_some(),
            "{listing}"
        );
    }
}

/// An exec calls another (`%INNER args` or `INNER args` from ADDRESS TSO): it runs with the
/// same libraries and DDs, its RETURN value is RC, its SAY lines are the command's output
/// (trapped by OUTTRAP), `%NOPE` sets RC -3; execs nest at most 16 deep (RCM514E).
#[test]
fn an_exec_calls_an_exec() {
    let Some((tmp, db)) = rexx_store() else {
        return;
    };
    let outer = b"/* REXX */\nsay 'outer start'\n\"%INNER a b\"\nsay 'inner rc' rc\n\
        x = outtrap('t.')\n\"INNER c\"\nx = outtrap('off')\nsay 'trapped' t.0 t.1\n\
        \"%NOPE\"\nsay 'nope rc' rc\n";
    put(&db, tmp.path(), "'IBMUSER.NEST(OUTER)'", outer);
    let inner = b"/* REXX */\nparse arg x\nsay 'inner' x userid()\nreturn 5\n";
    put(&db, tmp.path(), "'IBMUSER.NEST(INNER)'", inner);
    let recur = b"/* REXX */\nparse arg n\nif n > 14 then say 'level' n\n\"%RECUR\" n+1\nexit rc\n";
    put(&db, tmp.path(), "'IBMUSER.NEST(RECUR)'", recur);
    let (out, err, code) = racemu_raw(&db, &["--sysexec", "IBMUSER.NEST", "exec", "%OUTER"], "");
    assert_eq!(
        out,
        "outer start\ninner a b IBMUSER\ninner rc 5\ntrapped 1 inner c IBMUSER\n\
         \x20    9 *-* \"%NOPE\"\n       +++ RC(-3) +++\nnope rc -3\n",
        "{err}"
    );
    assert_eq!(code, Some(0));
    let (out, err, code) = racemu_raw(&db, &["--sysexec", "IBMUSER.NEST", "exec", "%RECUR 1"], "");
    assert_eq!(
        out,
        "level 15\nlevel 16\nRCM514E REXX exec RECUR not run: execs may call execs only 16 deep.\n",
        "{err}"
    );
    assert_eq!(code, Some(12));
}

//! The REPL: piped input, completion, and a terminal (tmux).

mod common;
use common::*;

const NOW: &str = "2026-11-25T10:00:00Z";

#[test]
fn repl_reads_commands_with_continuation_until_logoff() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let input = "RACDCERT ID(X) ADDRING(R)\nRACDCERT ID(X) +\n   LISTRING(R)\nLOGOFF\nRACDCERT ID(X) ADDRING(NEVER)\n";
    let r = racemu(&db, NOW, &["repl"], Some(input));
    let out = normalise(&r.stdout);
    assert_eq!(out[0], "READY");
    assert!(out.contains(&"       >R<".to_string()), "{out:?}");
    assert_eq!(r.code, 0);
    // Nothing after LOGOFF ran.
    let r = racemu(&db, NOW, &["exec", "RACDCERT ID(X) LISTRING(NEVER)"], None);
    assert_eq!(r.stdout.trim_end(), "IRRD114I Ring NEVER does not exist.");
}

#[test]
fn repl_banner_and_exit_status_after_end_or_logoff() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    assert_eq!(racemu(&db, NOW, &["exec", "PROFILE"], None).code, 0);
    for leave in ["END", "LOGOFF", ""] {
        let input = format!("RACDCERT LISTRING(NONE)\n{leave}\n");
        let r = racemu(&db, NOW, &["--user", "ibmuser", "repl"], Some(&input));
        assert_eq!(r.code, 4, "{leave:?} leaves with the last command's RC");
        assert_eq!(
            r.stderr.trim_end(),
            format!("racemu: RCM220I READY mode on {} as IBMUSER; LOGOFF, END or Ctrl-D leaves, a line ending in + or - continues", db.display())
        );
    }
}

#[test]
fn repl_completes_referenced_ids_and_the_owners_labels() {
    use rustyline::completion::Completer;
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let setup = "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('ca')) NISTECC WITHLABEL('zosConnectCA')
RACDCERT ID(ZCSERV1) GENCERT SUBJECTSDN(CN('s')) NISTECC WITHLABEL('zosConnectServerCert')
RACDCERT ID(ZCSERV1) ADDRING(Keyring.ZOSCONN)";
    assert_eq!(racemu(&db, NOW, &["exec", setup], None).code, 0);
    let c = racemu::repl::TsoCompleter::new(Some(&db), "IBMUSER");
    let history = rustyline::history::DefaultHistory::new();
    let ctx = rustyline::Context::new(&history);
    let complete = |line: &str| -> Vec<String> {
        let (_, pairs) = c.complete(line, line.len(), &ctx).expect("complete");
        pairs.into_iter().map(|p| p.replacement).collect()
    };
    assert_eq!(
        complete("RACDCERT ID(Z"),
        ["ZCSERV1"],
        "an implicit, never ADDUSERed ID"
    );
    assert_eq!(complete("RACDCERT ID(I"), ["IBMUSER"]);
    assert_eq!(
        complete("RACDCERT CERTAUTH LIST(LABEL('zos"),
        ["zosConnectCA"]
    );
    assert_eq!(
        complete("RACDCERT ID(ZCSERV1) LIST(LABEL('zos"),
        ["zosConnectServerCert"]
    );
    assert_eq!(
        complete("RACDCERT ID(ZCSERV1) CONNECT(CERTAUTH LABEL('"),
        ["zosConnectCA"]
    );
}

/// The REPL on a terminal (tmux): the continuation prompt, Tab completion, END's exit status.
#[test]
fn repl_on_a_terminal_prompts_for_continuation() {
    if std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("tmux is not installed; the terminal REPL test needs it");
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    assert_eq!(
        racemu(
            &db,
            NOW,
            &["exec", "RACDCERT ID(ZCSERV1) ADDRING(R1)"],
            None
        )
        .code,
        0
    );
    let socket = format!("racemu-test-{}", std::process::id());
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("tmux")
    };
    let cmd = format!(
        "env HOME={home} XDG_DATA_HOME= {bin} --db {db} --now {NOW} repl; echo EXIT=$?; sleep 60",
        home = tmp.path().display(),
        bin = env!("CARGO_BIN_EXE_racemu"),
        db = db.display()
    );
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "160",
        "-y",
        "40",
        &cmd,
    ]);
    // Waits until `want` shows `n` times (rustyline discards keys typed before it reads).
    let screen_n = |want: &str, n: usize| -> String {
        let mut text = String::new();
        for _ in 0..200 {
            text = String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "t"]).stdout)
                .into_owned();
            if text.matches(want).count() >= n {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        text
    };
    let screen = |want: &str| screen_n(want, 1);
    let keys = |text: &str| {
        tmux(&["send-keys", "-t", "t", "-l", text]);
    };
    screen("READY");
    keys("RACDCERT ID(ZCS");
    tmux(&["send-keys", "-t", "t", "Tab"]);
    keys(") +");
    tmux(&["send-keys", "-t", "t", "Enter"]);
    let s = screen("+>");
    keys("LISTRING(NONE)");
    tmux(&["send-keys", "-t", "t", "Enter"]);
    screen_n("READY", 2);
    keys("END");
    tmux(&["send-keys", "-t", "t", "Enter"]);
    let end = screen("EXIT=");
    tmux(&["kill-server"]);
    let lines: Vec<&str> = end.lines().map(str::trim_end).collect();
    assert!(s.contains("RACDCERT ID(ZCSERV1) +\n+>"), "{s}");
    assert!(lines.contains(&"+> LISTRING(NONE)"), "{end}");
    assert!(
        lines.contains(&"IRRD114I Ring NONE does not exist."),
        "{end}"
    );
    assert!(lines.contains(&"EXIT=4"), "{end}");
}

/// Up, Enter re-runs a continued command as it ran the first time (newcomer trial 3.4: it gave
/// `IKJ56712I INVALID KEYWORD, +`, the history holding the records with a newline between).
#[test]
fn repl_on_a_terminal_reruns_a_recalled_continued_command() {
    if std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("tmux is not installed; the terminal REPL test needs it");
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let socket = format!("racemu-test-recall-{}", std::process::id());
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("tmux")
    };
    let cmd = format!(
        "env HOME={home} XDG_DATA_HOME= {bin} --db {db} --now {NOW} repl; echo EXIT=$?; sleep 60",
        home = tmp.path().display(),
        bin = env!("CARGO_BIN_EXE_racemu"),
        db = db.display()
    );
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "160",
        "-y",
        "40",
        &cmd,
    ]);
    let screen_n = |want: &str, n: usize| -> String {
        let mut text = String::new();
        for _ in 0..200 {
            text = String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "t"]).stdout)
                .into_owned();
            if text.matches(want).count() >= n {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        text
    };
    let keys = |text: &str| {
        tmux(&["send-keys", "-t", "t", "-l", text]);
    };
    let enter = || {
        tmux(&["send-keys", "-t", "t", "Enter"]);
    };
    screen_n("READY", 1);
    keys("RACDCERT ID(LIBSRV) +");
    enter();
    screen_n("+>", 1);
    keys("   LISTRING(NONE)");
    enter();
    screen_n("READY", 2);
    tmux(&["send-keys", "-t", "t", "Up"]);
    std::thread::sleep(std::time::Duration::from_millis(200));
    enter();
    screen_n("READY", 3);
    keys("END");
    enter();
    let end = screen_n("EXIT=", 1);
    tmux(&["kill-server"]);
    let lines: Vec<&str> = end.lines().map(str::trim_end).collect();
    let answers = lines
        .iter()
        .filter(|l| **l == "IRRD114I Ring NONE does not exist.")
        .count();
    assert_eq!(
        answers, 2,
        "the recalled command ran as the first did:\n{end}"
    );
    assert!(!end.contains("IKJ56712I"), "{end}");
    assert!(lines.contains(&"EXIT=4"), "{end}");
}

//! A TSO READY-mode REPL: `READY`, a command (continued with `+` or `-` at the end of a line),
//! its output, `READY` again; LOGOFF or END leaves. History is kept in racemu's data
//! directory; Tab completes verbs, keywords, and labels and ring names from the store.

use racemu_command::{RACDCERT_KEYWORDS, VERBS};
use racemu_engine::Engine;
use racemu_tso::records::{logical_commands, CommandKind};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Completion of verbs, keywords, labels and ring names.
pub struct TsoCompleter {
    db: Option<PathBuf>,
}

const OTHER_KEYWORDS: &[&str] = &[
    "LABEL",
    "RING",
    "USAGE",
    "DEFAULT",
    "PERSONAL",
    "SERIALNUMBER",
    "ISSUERSDN",
    "CN",
    "OU",
    "DATE",
    "TIME",
    "HANDSHAKE",
    "DATAENCRYPT",
    "DOCSIGN",
    "CERTSIGN",
    "KEYAGREE",
    "IP",
    "DOMAIN",
    "EMAIL",
    "URI",
    "CLASS",
    "ACCESS",
    "UACC",
    "RACLIST",
    "CLASSACT",
    "REFRESH",
    "GENERIC",
    "AUTHUSER",
    "READ",
    "UPDATE",
    "CONTROL",
    "ALTER",
    "NONE",
    "FACILITY",
    "RDATALIB",
    "DIGTCERT",
    "DIGTRING",
];

/// Store words a completion can offer.
#[derive(Default)]
struct StoreWords {
    labels: Vec<String>,
    rings: Vec<String>,
    users: Vec<String>,
}

impl TsoCompleter {
    fn store_words(&self) -> StoreWords {
        let mut w = StoreWords::default();
        let Some(db) = &self.db else { return w };
        let Ok(conn) = racemu_store::rusqlite::Connection::open_with_flags(
            db,
            racemu_store::rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        ) else {
            return w;
        };
        for (sql, out) in [
            (
                "SELECT DISTINCT label FROM certificates ORDER BY label",
                &mut w.labels,
            ),
            (
                "SELECT DISTINCT name FROM rings ORDER BY name",
                &mut w.rings,
            ),
            ("SELECT userid FROM users ORDER BY userid", &mut w.users),
        ] {
            if let Ok(mut st) = conn.prepare(sql) {
                if let Ok(rows) = st.query_map([], |r| r.get::<_, String>(0)) {
                    out.extend(rows.flatten());
                }
            }
        }
        w
    }
}

/// The keyword whose value is being typed: the word before the innermost open `(`.
fn value_of(head: &str) -> Option<String> {
    let open = head.rfind('(')?;
    if head[open..].contains(')') {
        return None;
    }
    let before = head[..open].trim_end();
    let kw: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    Some(kw.to_ascii_uppercase())
}

impl Completer for TsoCompleter {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let head = &line[..pos];
        let start = head.rfind([' ', '(', ',', '\'']).map_or(0, |i| i + 1);
        let word = &head[start..];
        let first_word = head[..start].trim().is_empty();
        let mut cands: Vec<String> = Vec::new();
        match value_of(head).as_deref() {
            Some("RING" | "LISTRING" | "ADDRING" | "DELRING") => {
                cands.extend(self.store_words().rings)
            }
            Some("LABEL" | "WITHLABEL" | "NEWLABEL") => cands.extend(self.store_words().labels),
            Some("ID") => cands.extend(self.store_words().users),
            _ => {
                let up = word.to_ascii_uppercase();
                let lists: Vec<&[&str]> = if first_word {
                    vec![VERBS]
                } else {
                    vec![RACDCERT_KEYWORDS, OTHER_KEYWORDS]
                };
                for l in lists {
                    cands.extend(
                        l.iter()
                            .filter(|k| k.starts_with(&up))
                            .map(|k| k.to_string()),
                    );
                }
            }
        }
        let mut pairs: Vec<Pair> = cands
            .into_iter()
            .filter(|c| {
                c.starts_with(word)
                    || c.to_ascii_uppercase()
                        .starts_with(&word.to_ascii_uppercase())
            })
            .map(|c| Pair {
                display: c.clone(),
                replacement: c,
            })
            .collect();
        pairs.sort_by(|a, b| a.display.cmp(&b.display));
        pairs.dedup_by(|a, b| a.display == b.display);
        Ok((start, pairs))
    }
}

impl Hinter for TsoCompleter {
    type Hint = String;
}
impl Highlighter for TsoCompleter {}
impl Validator for TsoCompleter {}
impl Helper for TsoCompleter {}

/// Runs the REPL until LOGOFF/END or end of input. Returns the last command's RC.
pub fn run(
    engine: &mut Engine,
    user: &str,
    db: Option<&Path>,
    history: &Path,
) -> rustyline::Result<u32> {
    let mut ed: Editor<TsoCompleter, rustyline::history::DefaultHistory> = Editor::new()?;
    ed.set_helper(Some(TsoCompleter {
        db: db.map(Path::to_path_buf),
    }));
    let _ = ed.load_history(history);
    let user = user.to_ascii_uppercase();
    let mut rc = 0;
    let stdout = std::io::stdout();
    'session: loop {
        println!("READY");
        let mut records: Vec<String> = Vec::new();
        loop {
            match ed.readline("") {
                Ok(line) => {
                    let t = line.trim_end();
                    let cont = t.ends_with('+') || t.ends_with('-');
                    records.push(line.clone());
                    if !cont {
                        break;
                    }
                }
                Err(ReadlineError::Interrupted) => {
                    records.clear();
                    continue 'session;
                }
                Err(ReadlineError::Eof) => break 'session,
                Err(e) => return Err(e),
            }
        }
        let joined = records.join("\n");
        if !joined.trim().is_empty() {
            let _ = ed.add_history_entry(joined.as_str());
        }
        for cmd in logical_commands(&records) {
            if cmd.kind != CommandKind::Command {
                continue;
            }
            let out = engine.execute(&user, &cmd.text);
            let mut lock = stdout.lock();
            for l in &out.lines {
                let _ = writeln!(lock, "{l}");
            }
            for l in &out.hints {
                eprintln!("{l}");
            }
            rc = out.rc;
            if out.end_session {
                break 'session;
            }
        }
    }
    if let Some(dir) = history.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = ed.save_history(history);
    Ok(rc)
}

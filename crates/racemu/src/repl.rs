//! A TSO READY-mode REPL: a banner on standard error (store, user, how to leave), `READY`, a
//! command (continued with `+` or `-` at the end of a line, with a `+> ` prompt on a terminal),
//! its output, `READY` again; LOGOFF or END leaves. The exit status is the last command's
//! return code, however the session ends. History is kept in racemu's data directory; Tab
//! completes verbs, keywords, and labels (of the owner the command names; mapping labels after
//! ALTMAP, DELMAP and LISTMAP), ring names and user IDs (defined or only referenced) from the
//! store.

use crate::rexx::ExecLibraries;
use crate::session::{run_commands_with, Next};
use racemu_command::{completion_words, VERBS};
use racemu_engine::Engine;
use racemu_racf::{MapOwner, Owner};
use racemu_store::completion::{self, Words};
use racemu_store::Reader;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};
use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The prompt of a line that continues the command (after a `+` or `-`).
pub const CONTINUATION_PROMPT: &str = "+> ";

/// Completion of verbs, keywords, labels, ring names and user IDs.
pub struct TsoCompleter {
    db: Option<PathBuf>,
    user: String,
    /// The lines of the command typed so far (before a continuation line).
    pending: RefCell<String>,
}

impl TsoCompleter {
    /// A completer reading the store at `db` (if any) for `user`'s session.
    pub fn new(db: Option<&Path>, user: &str) -> TsoCompleter {
        TsoCompleter {
            db: db.map(Path::to_path_buf),
            user: user.to_ascii_uppercase(),
            pending: RefCell::new(String::new()),
        }
    }

    /// The store's completion words; none when there is no store or it cannot be read.
    fn store_words(&self, label_owner: &Owner, map_owner: Option<&MapOwner>) -> Words {
        let Some(db) = &self.db else {
            return Words::default();
        };
        let Ok(reader) = Reader::open(db) else {
            return Words::default();
        };
        reader
            .read(|tx| completion::words(tx, label_owner, map_owner))
            .unwrap_or_default()
    }
}

/// The owner of the labels a command names before the cursor: the last `ID(x)`, `CERTAUTH` or
/// `SITE` (not `USAGE(CERTAUTH)`), else the issuing user.
fn label_owner(text: &str, user: &str) -> Owner {
    let up = text.to_ascii_uppercase();
    let mut best: Option<(usize, Owner)> = None;
    let mut consider = |pos: usize, o: Owner| {
        if best.as_ref().is_none_or(|(p, _)| pos > *p) {
            best = Some((pos, o));
        }
    };
    let word_start = |i: usize| i == 0 || !up.as_bytes()[i - 1].is_ascii_alphanumeric();
    for (i, _) in up.match_indices("ID(") {
        if word_start(i) {
            let rest = &text[i + 3..];
            let id: String = rest
                .chars()
                .take_while(|c| !matches!(c, ')' | ' ' | ','))
                .collect();
            if !id.is_empty() {
                consider(i, Owner::User(id.trim_matches('\'').to_ascii_uppercase()));
            }
        }
    }
    for (kw, o) in [("CERTAUTH", Owner::CertAuth), ("SITE", Owner::Site)] {
        for (i, _) in up.match_indices(kw) {
            let end = i + kw.len();
            let word_end = up
                .as_bytes()
                .get(end)
                .is_none_or(|b| !b.is_ascii_alphanumeric());
            if word_start(i) && word_end && !up[..i].trim_end().ends_with("USAGE(") {
                consider(i, o.clone());
            }
        }
    }
    best.map(|(_, o)| o)
        .unwrap_or_else(|| Owner::User(user.to_string()))
}

/// Whose mapping labels a command's LABEL takes: `Some` when the command before the cursor is
/// ALTMAP, DELMAP or LISTMAP (MULTIID's, else the user `owner` names); CERTAUTH and SITE own
/// no mappings.
fn map_owner(text: &str, owner: &Owner) -> Option<MapOwner> {
    let up = text.to_ascii_uppercase();
    let mapping = up
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| matches!(w, "ALTMAP" | "DELMAP" | "LISTMAP"));
    if !mapping {
        return None;
    }
    if up
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "MULTIID")
    {
        return Some(MapOwner::MultiId);
    }
    match owner {
        Owner::User(u) => Some(MapOwner::User(u.clone())),
        Owner::CertAuth | Owner::Site => None,
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
        let context = format!("{} {head}", self.pending.borrow());
        let owner = label_owner(&context, &self.user);
        let mapping = map_owner(&context, &owner);
        match value_of(head).as_deref() {
            Some("RING" | "LISTRING" | "ADDRING" | "DELRING") => {
                cands.extend(self.store_words(&owner, None).rings)
            }
            Some("LABEL" | "NEWLABEL") if mapping.is_some() => {
                cands.extend(self.store_words(&owner, mapping.as_ref()).map_labels)
            }
            Some("LABEL" | "WITHLABEL" | "NEWLABEL") => {
                cands.extend(self.store_words(&owner, None).labels)
            }
            Some("ID") => cands.extend(self.store_words(&owner, None).users),
            _ => {
                let up = word.to_ascii_uppercase();
                let words = if first_word {
                    VERBS.to_vec()
                } else {
                    completion_words()
                };
                cands.extend(
                    words
                        .iter()
                        .filter(|k| k.starts_with(&up))
                        .map(|k| k.to_string()),
                );
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

/// Whether a record continues on the next one: it ends (before trailing blanks) in `+` or `-`.
fn continues(record: &str) -> bool {
    let t = record.trim_end();
    t.ends_with('+') || t.ends_with('-')
}

/// The records one line from the editor holds. A line typed is one record; a command recalled
/// from history that was typed as several records (continued with `+` or `-`) comes back as
/// one line with a newline between its records, and is split into them again, so it runs as
/// it ran the first time.
pub fn records_of(line: &str) -> Vec<String> {
    line.split('\n')
        .map(|r| r.strip_suffix('\r').unwrap_or(r).to_string())
        .collect()
}

/// Runs the REPL until LOGOFF/END or end of input, with `libraries` for `%NAME`, `NAME` and
/// EXEC (REXX execs in the foreground). Returns the last command's RC.
pub fn run(
    engine: &mut Engine,
    user: &str,
    db: Option<&Path>,
    history: &Path,
    libraries: &ExecLibraries,
) -> rustyline::Result<u32> {
    let mut ed: Editor<TsoCompleter, rustyline::history::DefaultHistory> = Editor::new()?;
    ed.set_helper(Some(TsoCompleter::new(db, user)));
    let _ = ed.load_history(history);
    let user = user.to_ascii_uppercase();
    let mut rc = 0;
    let stdout = std::io::stdout();
    let store = db.map_or_else(|| "a temporary store".into(), |p| p.display().to_string());
    eprintln!("racemu: {}", crate::messages::repl_banner(&store, &user));
    'session: loop {
        println!("READY");
        let mut records: Vec<String> = Vec::new();
        loop {
            if let Some(h) = ed.helper() {
                *h.pending.borrow_mut() = records.join(" ");
            }
            let prompt = if records.is_empty() {
                ""
            } else {
                CONTINUATION_PROMPT
            };
            match ed.readline(prompt) {
                Ok(line) => {
                    let read = records_of(&line);
                    let cont = read.last().is_some_and(|r| continues(r));
                    records.extend(read);
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
        let mut end_session = false;
        run_commands_with(engine, &user, &records, libraries, true, &mut |_, out| {
            let mut lock = stdout.lock();
            for l in &out.lines {
                let _ = writeln!(lock, "{l}");
            }
            for l in &out.hints {
                eprintln!("{l}");
            }
            // LOGOFF and END leave with the previous command's return code, as Ctrl-D does.
            if out.end_session {
                end_session = true;
                return Next::Stop;
            }
            rc = out.rc;
            Next::Continue
        });
        if end_session {
            break 'session;
        }
    }
    if let Some(dir) = history.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = ed.save_history(history);
    Ok(rc)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// LABEL after ALTMAP, DELMAP or LISTMAP completes the mapping labels of MULTIID or of the
    /// user the command names; other functions' LABEL completes certificate labels.
    #[test]
    fn mapping_functions_complete_mapping_labels() {
        let alice = Owner::User("ALICE".into());
        assert_eq!(
            map_owner("RACDCERT ID(ALICE) ALTMAP(LABEL('", &alice),
            Some(MapOwner::User("ALICE".into()))
        );
        assert_eq!(
            map_owner("racdcert multiid delmap(label(", &alice),
            Some(MapOwner::MultiId)
        );
        assert_eq!(
            map_owner("RACDCERT CERTAUTH LISTMAP(LABEL(", &Owner::CertAuth),
            None
        );
        assert_eq!(map_owner("RACDCERT ID(ALICE) LIST(LABEL('", &alice), None);
    }

    /// newcomer trial 3.4: Up, Enter on a continued command gave `IKJ56712I INVALID KEYWORD, +`.
    #[test]
    fn a_recalled_continued_command_is_split_into_its_records() {
        assert_eq!(
            records_of("RACDCERT ID(LIBSRV) +\n   LISTRING(*)"),
            ["RACDCERT ID(LIBSRV) +", "   LISTRING(*)"]
        );
        assert_eq!(records_of("RACDCERT LISTRING(*)"), ["RACDCERT LISTRING(*)"]);
        assert_eq!(records_of("A -\r\nB"), ["A -", "B"]);
        assert_eq!(records_of(""), [""]);
        let records = records_of("RACDCERT ID(LIBSRV) +\n   LISTRING(*)");
        let refs: Vec<&str> = records.iter().map(String::as_str).collect();
        let cmds = racemu_tso::logical_commands(&refs);
        assert_eq!(cmds.len(), 1);
        assert_eq!(
            cmds[0].text.split_whitespace().collect::<Vec<_>>(),
            ["RACDCERT", "ID(LIBSRV)", "LISTRING(*)"]
        );
    }

    #[test]
    fn labels_belong_to_the_owner_the_command_names() {
        assert_eq!(
            label_owner("RACDCERT CERTAUTH LIST(LABEL('zos", "IBMUSER"),
            Owner::CertAuth
        );
        assert_eq!(
            label_owner("RACDCERT ID(zcserv1) CONNECT(LABEL('", "IBMUSER"),
            Owner::User("ZCSERV1".into())
        );
        assert_eq!(
            label_owner("RACDCERT ID(ZCSERV1) CONNECT(CERTAUTH LABEL('", "IBMUSER"),
            Owner::CertAuth
        );
        assert_eq!(
            label_owner(
                "RACDCERT ID(A) CONNECT(SITE LABEL('x') RING(R) USAGE(CERTAUTH)) LABEL(",
                "IBMUSER"
            ),
            Owner::Site
        );
        assert_eq!(
            label_owner("RACDCERT LIST(LABEL('", "USER1"),
            Owner::User("USER1".into())
        );
        assert_eq!(
            label_owner(
                "RACDCERT ID(SRV) GENCERT SIGNWITH(CERTAUTH LABEL('",
                "USER1"
            ),
            Owner::CertAuth
        );
    }
}

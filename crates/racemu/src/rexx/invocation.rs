//! Which TMP commands run an exec, and where the exec is: `%name` looks in SYSEXEC then
//! SYSPROC; an implicit `name` too, once TSO finds no command of that name; `EXEC` names the
//! data set (TSO/E REXX User's Guide, "Using the explicit form of the EXEC command",
//! <https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.ikjc500/usexpl.htm>).

use super::messages;
use super::ExecLibraries;
use racemu_engine::Engine;

/// Which library an exec was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Library {
    /// A SYSEXEC data set: REXX whatever its first line.
    Sysexec,
    /// A SYSPROC data set, or a data set named on EXEC without the EXEC operand: REXX only
    /// with `REXX` in a comment on the first line (TSO/E REXX Reference, "Using SYSPROC and
    /// SYSEXEC for REXX execs",
    /// <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ikja300/dup0003.htm>).
    Sysproc,
    /// A data set named on EXEC with the EXEC operand: REXX whatever its first line.
    Named,
}

/// An exec to run, or why it cannot run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invocation {
    /// The exec was found.
    Found {
        /// The name TSO/E gives it in messages (the member name).
        name: String,
        /// Its text.
        source: String,
        /// The argument string.
        args: String,
        /// Where it was found.
        library: Library,
    },
    /// A message and RC 12 instead (not found, a CLIST, a refusal).
    Refused(Vec<String>),
}

/// The exec command `text` runs, if it runs one: `%NAME args`, `EXEC|EX dsn ['args']
/// [EXEC|CLIST]`, or `NAME args` when NAME is no command racemu knows and a member of that
/// name is in the libraries.
pub fn invocation(
    engine: &mut Engine,
    user: &str,
    libraries: &ExecLibraries,
    text: &str,
) -> Option<Invocation> {
    let t = text.trim();
    let verb_end = t.find(|c: char| c.is_whitespace()).unwrap_or(t.len());
    let (verb, rest) = (&t[..verb_end], t[verb_end..].trim());
    let upper = verb.to_ascii_uppercase();
    if let Some(name) = upper.strip_prefix('%') {
        if !is_member_name(name) {
            return None;
        }
        return Some(
            search(engine, user, libraries, name, rest)
                .unwrap_or_else(|| Invocation::Refused(vec![messages::command_not_found(name)])),
        );
    }
    if upper == "EXEC" || upper == "EX" {
        return Some(explicit(engine, user, rest));
    }
    if racemu_command::VERBS.contains(&upper.as_str()) || !is_member_name(&upper) {
        return None;
    }
    search(engine, user, libraries, &upper, rest)
}

/// Whether `name` can be a member name (1–8 characters, national or alphanumeric, not
/// starting with a digit).
fn is_member_name(name: &str) -> bool {
    let ok = |c: char| c.is_ascii_alphanumeric() || "@#$".contains(c);
    (1..=8).contains(&name.len())
        && name.chars().all(ok)
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// Member `name` of the first library holding it, SYSEXEC's before SYSPROC's.
fn search(
    engine: &mut Engine,
    user: &str,
    libraries: &ExecLibraries,
    name: &str,
    args: &str,
) -> Option<Invocation> {
    let sysexec = libraries.sysexec.iter().map(|d| (d, Library::Sysexec));
    let sysproc = libraries.sysproc.iter().map(|d| (d, Library::Sysproc));
    for (dsn, library) in sysexec.chain(sysproc) {
        match read(engine, user, &format!("{dsn}({name})")) {
            Ok(None) => continue,
            Ok(Some(source)) => return Some(found(name, source, args.to_string(), library)),
            Err(lines) => return Some(Invocation::Refused(lines)),
        }
    }
    None
}

/// `EXEC dsn ['args'] [EXEC|CLIST]` (TSO/E REXX User's Guide, "Using the explicit form of the
/// EXEC command", <https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.ikjc500/usexpl.htm>):
/// a quoted name as it is; an unquoted one gets the prefix (the user ID) before it and
/// `.EXEC` after it with the EXEC operand, `.CLIST` without (`EXEC lib(mem) EXEC` →
/// `'USER.LIB.EXEC(MEM)'`, `EXEC (mem) EXEC` → `'USER.EXEC(MEM)'`). With EXEC the data set is
/// REXX; with CLIST a CLIST; with neither, REXX when its first line is a comment holding
/// `REXX`.
fn explicit(engine: &mut Engine, user: &str, rest: &str) -> Invocation {
    let quoted = rest.starts_with('\'');
    let (name_text, after) = match rest.strip_prefix('\'') {
        Some(q) => match q.find('\'') {
            Some(end) => (q[..end].to_ascii_uppercase(), q[end + 1..].trim()),
            None => (q.to_ascii_uppercase(), ""),
        },
        None => {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (rest[..end].to_ascii_uppercase(), rest[end..].trim())
        }
    };
    let (args, keyword) = quoted_args(after);
    let keyword = keyword.to_ascii_uppercase();
    let dsn = if quoted {
        name_text
    } else {
        let suffix = if keyword == "EXEC" { "EXEC" } else { "CLIST" };
        let (base, member) = match name_text.split_once('(') {
            Some((b, m)) => (b.to_string(), format!("({m}")),
            None => (name_text.clone(), String::new()),
        };
        let base = match base.as_str() {
            "" => suffix.to_string(),
            b if b.ends_with(&format!(".{suffix}")) => b.to_string(),
            b => format!("{b}.{suffix}"),
        };
        format!("{user}.{base}{member}")
    };
    let name = dsn
        .split_once('(')
        .map(|(_, m)| m.trim_end_matches(')').to_string())
        .unwrap_or_else(|| dsn.rsplit('.').next().unwrap_or(&dsn).to_string());
    if keyword == "CLIST" {
        return Invocation::Refused(vec![messages::clist_not_supported(&name)]);
    }
    let library = if keyword == "EXEC" {
        Library::Named
    } else {
        Library::Sysproc
    };
    match read(engine, user, &dsn) {
        Ok(Some(source)) => found(&name, source, args, library),
        Ok(None) => Invocation::Refused(vec![messages::not_in_catalog(&dsn)]),
        Err(lines) => Invocation::Refused(lines),
    }
}

/// The quoted argument string (`''` inside it is one quote) and the keyword after it.
fn quoted_args(text: &str) -> (String, &str) {
    let Some(q) = text.strip_prefix('\'') else {
        return (String::new(), text.trim());
    };
    let mut args = String::new();
    let mut chars = q.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().map(|p| p.1) == Some('\'') {
                args.push('\'');
                chars.next();
                continue;
            }
            return (args, q[i + 1..].trim());
        }
        args.push(c);
    }
    (args, "")
}

/// The exec found: a SYSPROC member without `REXX` in a comment on its first line is a
/// CLIST.
fn found(name: &str, source: String, args: String, library: Library) -> Invocation {
    let first = source.lines().next().unwrap_or("");
    let rexx = first.contains("/*") && first.to_ascii_uppercase().contains("REXX");
    if library == Library::Sysproc && !rexx {
        return Invocation::Refused(vec![messages::clist_not_supported(name)]);
    }
    Invocation::Found {
        name: name.to_string(),
        source,
        args,
        library,
    }
}

/// Data set `dsn` read as `user` under the engine's open check: its text, `None` when it is
/// not there, or the refusal's ICH408I lines.
fn read(engine: &mut Engine, user: &str, dsn: &str) -> Result<Option<String>, Vec<String>> {
    match engine.read_dataset_as(None, user, dsn) {
        Ok(Ok(grant)) => Ok(grant
            .value
            .map(|d| String::from_utf8_lossy(&d.data).into_owned())),
        Ok(Err(refusal)) => Err(refusal.ich408i),
        Err(_) => Ok(None),
    }
}

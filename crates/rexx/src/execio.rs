//! EXECIO (TSO/E REXX Reference, EXECIO,
//! <https://ibm.com/support/knowledgecenter/SSLTBW_2.3.0/com.ibm.zos.v2r3.ikja300/dup0037.htm>):
//! `EXECIO lines|* DISKR|DISKRU ddname [linenum] [(STEM var.|FIFO|LIFO [OPEN] [FINIS] [SKIP]]`
//! and `EXECIO lines|* DISKW ddname [(STEM var. [OPEN] [FINIS]]`, over the data sets the
//! host has allocated (JCL DDs, TSO ALLOCATE). RC 0; 1 when a record was truncated; 2 when
//! DISKR reached the end of the file before `lines` records; 20 on a severe error (the file
//! is not allocated, the operands are not valid), with a message.

use crate::api::{self, Api};
use crate::exits::{with_host, with_running};
use crate::messages;
use std::collections::BTreeMap;

/// An open file of the exec.
#[derive(Debug, Clone, Default)]
pub(crate) struct File {
    /// The records read (DISKR), once the file is open for input.
    records: Option<Vec<String>>,
    /// The next record to read (0-based).
    next: usize,
    /// The records written since the file was opened for output.
    written: Option<Vec<String>>,
}

/// The files of the running exec, by DD name.
pub(crate) type Files = BTreeMap<String, File>;

/// An EXECIO command's operands.
struct Operands {
    lines: Option<usize>,
    write: bool,
    ddname: String,
    linenum: Option<usize>,
    stem: Option<String>,
    lifo: bool,
    finis: bool,
    skip: bool,
}

fn parse(text: &str) -> Option<Operands> {
    let (head, options) = match text.split_once('(') {
        Some((h, o)) => (h, o.trim_end().trim_end_matches(')')),
        None => (text, ""),
    };
    let words: Vec<String> = head
        .split_whitespace()
        .map(|w| w.to_ascii_uppercase())
        .collect();
    if words.first().map(String::as_str) != Some("EXECIO") || words.len() < 4 {
        return None;
    }
    let lines = match words[1].as_str() {
        "*" => None,
        n => Some(n.parse().ok()?),
    };
    let write = match words[2].as_str() {
        "DISKW" => true,
        "DISKR" | "DISKRU" => false,
        _ => return None,
    };
    let linenum = match words.get(4) {
        Some(n) if !write => Some(n.parse().ok().filter(|&n: &usize| n > 0)?),
        Some(_) => return None,
        None => None,
    };
    let mut ops = Operands {
        lines,
        write,
        ddname: words[3].clone(),
        linenum,
        stem: None,
        lifo: false,
        finis: false,
        skip: false,
    };
    let mut opts = options.split_whitespace().map(|w| w.to_string());
    while let Some(o) = opts.next() {
        match o.to_ascii_uppercase().as_str() {
            "STEM" => ops.stem = Some(opts.next()?.to_ascii_uppercase()),
            "FINIS" => ops.finis = true,
            "OPEN" => {}
            "FIFO" => {}
            "LIFO" => ops.lifo = true,
            "SKIP" => ops.skip = true,
            _ => return None,
        }
    }
    Some(ops)
}

/// Whether host command `text` is EXECIO.
pub(crate) fn is_execio(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("EXECIO"))
}

/// Runs EXECIO `text`: its RC.
pub(crate) fn run(api: &Api, text: &str) -> i32 {
    let Some(ops) = parse(text) else {
        print(vec![messages::execio_operands(text.trim())]);
        return 20;
    };
    if ops.write {
        write(api, &ops)
    } else {
        read(api, &ops)
    }
}

fn print(lines: Vec<String>) {
    with_running(|r| r.lines.extend(lines));
}

fn file(dd: &str) -> File {
    with_running(|r| r.files.get(dd).cloned())
        .flatten()
        .unwrap_or_default()
}

fn keep(dd: &str, f: Option<File>) {
    with_running(|r| match f {
        Some(f) => {
            r.files.insert(dd.to_string(), f);
        }
        None => {
            r.files.remove(dd);
        }
    });
}

fn read(api: &Api, ops: &Operands) -> i32 {
    let mut f = file(&ops.ddname);
    if f.records.is_none() {
        match with_host(|h| h.read_dd(&ops.ddname)) {
            Some(Ok(records)) => f.records = Some(records),
            Some(Err(lines)) => {
                print(lines);
                return 20;
            }
            None => return 20,
        }
    }
    if let Some(n) = ops.linenum {
        f.next = n - 1;
    }
    let records = f.records.clone().unwrap_or_default();
    let available = records.len().saturating_sub(f.next);
    let want = ops.lines.unwrap_or(available);
    let got: Vec<String> = records.iter().skip(f.next).take(want).cloned().collect();
    f.next += got.len();
    if !ops.skip {
        match &ops.stem {
            Some(stem) => {
                for (i, line) in got.iter().enumerate() {
                    api::set_variable(api, &format!("{stem}{}", i + 1), line);
                }
                api::set_variable(api, &format!("{stem}0"), &got.len().to_string());
            }
            None => {
                let ordered: Box<dyn Iterator<Item = &String>> = if ops.lifo {
                    Box::new(got.iter().rev())
                } else {
                    Box::new(got.iter())
                };
                for line in ordered {
                    api::queue(api, line, ops.lifo);
                }
            }
        }
    }
    let short = ops.lines.is_some_and(|n| got.len() < n);
    keep(&ops.ddname, (!ops.finis).then_some(f));
    if short {
        2
    } else {
        0
    }
}

fn write(api: &Api, ops: &Operands) -> i32 {
    let Some(stem) = &ops.stem else {
        // Lines from the data stack: racemu writes from variables only.
        print(vec![messages::execio_operands(
            "DISKW without STEM (from the data stack)",
        )]);
        return 20;
    };
    let mut f = file(&ops.ddname);
    let mut written = f.written.take().unwrap_or_default();
    let mut i = 1;
    loop {
        if ops.lines.is_some_and(|n| i > n) {
            break;
        }
        let value = api::fetch_variable(api, &format!("{stem}{i}"));
        match (value, ops.lines) {
            (Some(v), _) if ops.lines.is_some() || !v.is_empty() => written.push(v),
            // `*`: up to the first unset or empty variable.
            (_, None) => break,
            // A count: an unset variable is written as its name, as REXX gives it.
            (None, Some(_)) => written.push(format!("{stem}{i}")),
            (Some(v), Some(_)) => written.push(v),
        }
        i += 1;
    }
    let result = with_host(|h| h.write_dd(&ops.ddname, &written));
    f.written = Some(written);
    keep(&ops.ddname, (!ops.finis).then_some(f));
    match result {
        Some(Ok(())) => 0,
        Some(Err(lines)) => {
            print(lines);
            20
        }
        None => 20,
    }
}

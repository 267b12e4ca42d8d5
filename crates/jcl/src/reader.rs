//! The job reader: statements → job structure (steps, DD statements, in-stream data, symbols,
//! IF/THEN/ELSE/ENDIF).

use crate::cond::Condition;
use crate::cond_param::{parse_job_cond, RcTest, StepCond};
use crate::fields::{card, converter_fields, params, split_commas, stmt_field, sublist, unquote};
use crate::messages;
use crate::statement::{gather, Statement};
use crate::symbols::{substitute_instream, substitute_statement, system_symbols};
use crate::{Dd, DdKind, JclError, Job, JobItem, Step, SymbolMode};
use std::collections::{BTreeMap, BTreeSet};

/// An open IF construct.
struct Frame {
    condition: Condition,
    statement: usize,
    text: String,
    then_items: Vec<JobItem>,
    else_items: Option<Vec<JobItem>>,
}

struct Reader {
    symbols: BTreeMap<String, String>,
    exported: Option<BTreeSet<String>>,
    export_all: bool,
    top: Vec<JobItem>,
    frames: Vec<Frame>,
    current: Option<Step>,
    warnings: Vec<String>,
    job_name: String,
    user: Option<String>,
    cond: Vec<RcTest>,
    /// Statements read so far, as JES numbers them (comments and delimiters aside).
    statements: usize,
    /// The names of the EXEC statements read so far.
    step_names: Vec<String>,
}

impl Reader {
    fn active(&mut self) -> &mut Vec<JobItem> {
        match self.frames.last_mut() {
            Some(f) => match &mut f.else_items {
                Some(e) => e,
                None => &mut f.then_items,
            },
            None => &mut self.top,
        }
    }

    fn flush(&mut self) {
        if let Some(s) = self.current.take() {
            self.active().push(JobItem::Step(s));
        }
    }

    /// An EXEC statement's `COND=` (`line` 1-based), with an `RCM308W` note for each test that
    /// names a step that is not an earlier step of the job.
    fn step_cond(&mut self, text: &str, line: usize) -> Result<StepCond, JclError> {
        let cond = StepCond::parse(text, line)?;
        for t in &cond.tests {
            if let Some(step) = &t.step {
                if !self.step_names.contains(step) {
                    self.warnings
                        .push(messages::cond_names_no_earlier_step(step, line));
                }
            }
        }
        Ok(cond)
    }

    fn instream_symbols(&self, mode: SymbolMode) -> BTreeMap<String, String> {
        let mut m = BTreeMap::new();
        if mode == SymbolMode::None {
            return m;
        }
        if mode == SymbolMode::System {
            m.extend(system_symbols());
        }
        for (k, v) in &self.symbols {
            let exported = self.export_all || self.exported.as_ref().is_some_and(|e| e.contains(k));
            if exported {
                m.insert(k.clone(), v.clone());
            }
        }
        m
    }
}

/// Reads a job stream into a [`Job`].
pub(crate) fn parse(text: &str) -> Result<Job, JclError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut r = Reader {
        symbols: BTreeMap::new(),
        exported: None,
        export_all: false,
        top: Vec::new(),
        frames: Vec::new(),
        current: None,
        warnings: Vec::new(),
        job_name: String::new(),
        user: None,
        cond: Vec::new(),
        statements: 0,
        step_names: Vec::new(),
    };
    r.warnings.extend(crate::checks::card_notes(&lines));
    let mut i = 0;
    let mut seen_job = false;
    // The line after the last in-stream delimiter, while no statement has followed it.
    let mut after_delimiter: Option<usize> = None;
    while i < lines.len() {
        let raw = card(lines[i]);
        if raw.starts_with("//*") {
            i += 1;
            continue;
        }
        if raw.starts_with("/*") {
            // A stray delimiter or a JES2 control statement (/*JOBPARM, /*ROUTE …).
            i += 1;
            continue;
        }
        if !raw.starts_with("//") {
            if raw.trim().is_empty() && r.current.is_none() {
                i += 1;
                continue;
            }
            // Data with no DD in front of it: JES supplies //SYSIN DD *.
            r.unlabelled_data(&lines, &mut i, after_delimiter);
            continue;
        }
        if stmt_field(raw)[2..].trim().is_empty() {
            // The null statement ends the job.
            break;
        }
        let (st, used) = gather(&lines, i);
        r.statements += 1;
        after_delimiter = None;
        {
            let (name, op) = converter_fields(&stmt_field(raw)[2..]);
            crate::checks::statement_case(raw, i, name, op)?;
        }
        i += used;
        let ops = substitute_statement(&st.operands, &r.symbols);
        if matches!(st.op.as_str(), "JOB" | "EXEC" | "DD") {
            crate::checks::keyword_case(&split_commas(&ops), st.line)?;
        }
        match st.op.as_str() {
            "JOB" => {
                seen_job = true;
                r.job_name = st.name.to_ascii_uppercase();
                let (_, kw) = params(&ops);
                r.user = kw
                    .iter()
                    .find(|(k, _)| k == "USER")
                    .map(|(_, v)| unquote(v).to_ascii_uppercase());
                if let Some((_, v)) = kw.iter().find(|(k, _)| k == "COND") {
                    r.cond = parse_job_cond(v, st.line + 1)?;
                }
            }
            "SET" => {
                let (_, kw) = params(&ops);
                for (k, v) in kw {
                    r.symbols.insert(k, unquote(&v));
                }
            }
            "EXPORT" => {
                let (_, kw) = params(&ops);
                for (k, v) in kw {
                    if k == "SYMLIST" {
                        let list = sublist(&v);
                        if list.iter().any(|s| s == "*") {
                            r.export_all = true;
                        } else {
                            r.exported
                                .get_or_insert_with(BTreeSet::new)
                                .extend(list.into_iter().map(|s| s.to_ascii_uppercase()));
                        }
                    }
                }
            }
            "EXEC" => r.exec(&st, &ops)?,
            "DD" => after_delimiter = r.dd(&st, &ops, &lines, &mut i),
            "IF" | "ELSE" | "ENDIF" => r.if_then_else(&st, &ops)?,
            "JCLLIB" | "OUTPUT" | "CNTL" | "ENDCNTL" | "XMIT" | "COMMAND" | "JOBGROUP"
            | "SCHEDULE" => {
                r.warnings.push(format!(
                    "RCM100I {} STATEMENT AT LINE {} IGNORED BY RACEMU",
                    st.op,
                    st.line + 1
                ));
            }
            "INCLUDE" => {
                r.warnings.push(format!(
                    "RCM101W INCLUDE {} AT LINE {} IGNORED: RACEMU HAS NO PROCEDURE LIBRARIES",
                    ops,
                    st.line + 1
                ));
            }
            "PROC" | "PEND" => {
                r.warnings.push(format!(
                    "RCM102W IN-STREAM PROCEDURE STATEMENT {} AT LINE {} IGNORED",
                    st.op,
                    st.line + 1
                ));
            }
            other => {
                return Err(JclError(format!(
                    "IEFC605I UNIDENTIFIED OPERATION FIELD {other} AT LINE {}",
                    st.line + 1
                )));
            }
        }
    }
    r.flush();
    if !r.frames.is_empty() {
        return Err(JclError(
            "IEFC633I IF STATEMENT WITHOUT A MATCHING ENDIF".into(),
        ));
    }
    if !seen_job {
        r.warnings
            .push("RCM103W NO JOB STATEMENT: JOB NAME RACEMU ASSUMED".into());
        r.job_name = "RACEMU".into();
    }
    Ok(Job {
        name: r.job_name,
        user: r.user,
        cond: r.cond,
        items: r.top,
        warnings: r.warnings,
        symbols: r.symbols,
    })
}

impl Reader {
    /// Records at line `*i` with no DD in front of them: JES makes them `//SYSIN DD *` of the
    /// current step (IEFC011I when there is none); RCM304W when they follow the in-stream
    /// delimiter at line `after_delimiter` of a TSO step. Leaves `*i` after them.
    fn unlabelled_data(&mut self, lines: &[&str], i: &mut usize, after_delimiter: Option<usize>) {
        let first_data = *i;
        let Some(step) = self.current.as_mut() else {
            self.warnings.push(format!(
                "IEFC011I INSTREAM DATA WITHOUT A STEP AT LINE {} IGNORED",
                *i + 1
            ));
            *i += 1;
            return;
        };
        let mut records = Vec::new();
        while *i < lines.len() {
            let l = card(lines[*i]);
            if l.starts_with("//") || l.starts_with("/*") {
                break;
            }
            records.push(l.to_string());
            *i += 1;
        }
        if let Some(d) = after_delimiter.filter(|_| {
            step.program
                .as_deref()
                .is_some_and(|p| p.starts_with("IKJEFT"))
        }) {
            self.warnings.push(format!(
                "RCM304W RECORDS {}-{} AFTER THE DELIMITER AT LINE {d} WERE NOT READ BY ANY STEP: JES MADE THEM //SYSIN DD *, WHICH THE TSO STEP DOES NOT READ",
                first_data + 1,
                *i
            ));
        }
        if *i < lines.len() && card(lines[*i]).starts_with("/*") {
            *i += 1;
        }
        step.dds.push(Dd {
            name: Some("SYSIN".into()),
            kind: DdKind::InStream {
                records,
                symbols: SymbolMode::None,
            },
            params: Vec::new(),
        });
    }

    /// The DD statement `st` (operands `ops`, symbols substituted), with its in-stream
    /// records from line `*i` on; IEFC019I when no step precedes it. Returns the line after
    /// the in-stream delimiter it consumed, if any, and leaves `*i` after its data.
    fn dd(&mut self, st: &Statement, ops: &str, lines: &[&str], i: &mut usize) -> Option<usize> {
        let (pos, kw) = params(ops);
        let first = pos.first().map(|p| p.trim().to_ascii_uppercase());
        let get = |k: &str| kw.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone());
        let symbols = match get("SYMBOLS").map(|v| v.trim_start_matches('(').to_ascii_uppercase()) {
            Some(v) if v.starts_with("JCLONLY") => SymbolMode::JclOnly,
            Some(v) if v.starts_with("EXECSYS") || v.starts_with("CNVTSYS") => SymbolMode::System,
            _ => SymbolMode::None,
        };
        let mut after_delimiter = None;
        let kind = match first.as_deref() {
            Some("*") | Some("DATA") => {
                let data = first.as_deref() == Some("DATA");
                let dlm = get("DLM").map(|d| unquote(&d));
                let records = self.instream(lines, i, data, dlm.as_deref(), symbols);
                if *i < lines.len() {
                    let l = card(lines[*i]);
                    if !l.starts_with("//") || dlm.as_deref().is_some_and(|d| l.starts_with(d)) {
                        *i += 1;
                        after_delimiter = Some(*i);
                    }
                }
                DdKind::InStream { records, symbols }
            }
            Some("DUMMY") => DdKind::Dummy,
            _ => {
                if let Some(s) = get("SYSOUT") {
                    DdKind::Sysout(s)
                } else if let Some(d) = get("DDNAME") {
                    DdKind::DdnameRef(d.trim().to_ascii_uppercase())
                } else if let Some(d) = get("DSN").or_else(|| get("DSNAME")) {
                    let dsn = unquote(&d).to_ascii_uppercase();
                    if dsn == "NULLFILE" {
                        DdKind::Dummy
                    } else {
                        DdKind::Dataset {
                            dsn,
                            disp: get("DISP").map(|v| sublist(&v)).unwrap_or_default(),
                        }
                    }
                } else {
                    DdKind::Other
                }
            }
        };
        let dd = Dd {
            name: Some(st.name.to_ascii_uppercase()).filter(|n| !n.is_empty()),
            kind,
            params: kw,
        };
        match self.current.as_mut() {
            Some(step) => step.dds.push(dd),
            None => self.warnings.push(format!(
                "IEFC019I MISPLACED DD STATEMENT AT LINE {}",
                st.line + 1
            )),
        }
        after_delimiter
    }

    /// The in-stream records from line `*i` up to (not including) the delimiter: `dlm`, else
    /// `/*` (and `//` unless `data`, DD DATA). Symbols are substituted per `symbols`
    /// (IEFC657I once for each undefined one). Leaves `*i` at the delimiter.
    fn instream(
        &mut self,
        lines: &[&str],
        i: &mut usize,
        data: bool,
        dlm: Option<&str>,
        symbols: SymbolMode,
    ) -> Vec<String> {
        let subst = self.instream_symbols(symbols);
        let mut records = Vec::new();
        while *i < lines.len() {
            let l = card(lines[*i]);
            let ends = match dlm {
                Some(d) => l.starts_with(d) || (!data && l.starts_with("//")),
                None if data => l.starts_with("/*"),
                None => l.starts_with("/*") || l.starts_with("//"),
            };
            if ends {
                break;
            }
            let rec = if symbols == SymbolMode::None {
                l.to_string()
            } else {
                let (s, undefined) = substitute_instream(l, &subst);
                for u in undefined {
                    let w = format!("IEFC657I THE SYMBOL {u} WAS NOT USED");
                    if !self.warnings.contains(&w) {
                        self.warnings.push(w);
                    }
                }
                s
            };
            records.push(rec);
            *i += 1;
        }
        records
    }
}

impl Reader {
    /// The EXEC statement `st` (operands `ops`): a new current step running PGM= or a
    /// procedure (PROC= or the first positional operand).
    fn exec(&mut self, st: &Statement, ops: &str) -> Result<(), JclError> {
        self.flush();
        let (pos, kw) = params(ops);
        let mut step = Step {
            name: Some(st.name.to_ascii_uppercase()).filter(|n| !n.is_empty()),
            ..Default::default()
        };
        for (k, v) in &kw {
            match k.as_str() {
                "PGM" => step.program = Some(v.trim().to_ascii_uppercase()),
                "PROC" => step.procedure = Some(v.trim().to_ascii_uppercase()),
                "PARM" => step.parm = Some(unquote(&sublist_or_self(v))),
                "COND" => step.cond = Some(self.step_cond(v, st.line + 1)?),
                _ => {}
            }
        }
        if step.program.is_none() && step.procedure.is_none() {
            step.procedure = pos.first().map(|p| p.trim().to_ascii_uppercase());
        }
        self.step_names.extend(step.name.clone());
        self.current = Some(step);
        Ok(())
    }

    /// The IF, ELSE or ENDIF statement `st` (operands `ops`): opens, turns or closes a
    /// construct; IEFC631I/IEFC632I for an ELSE or ENDIF without its IF.
    fn if_then_else(&mut self, st: &Statement, ops: &str) -> Result<(), JclError> {
        self.flush();
        match st.op.as_str() {
            "IF" => {
                let condition = Condition::parse(ops)?;
                self.frames.push(Frame {
                    condition,
                    statement: self.statements,
                    text: ops.to_string(),
                    then_items: Vec::new(),
                    else_items: None,
                });
            }
            "ELSE" => match self.frames.last_mut() {
                Some(f) if f.else_items.is_none() => f.else_items = Some(Vec::new()),
                _ => {
                    return Err(JclError(format!(
                        "IEFC631I ELSE STATEMENT WITHOUT A MATCHING IF AT LINE {}",
                        st.line + 1
                    )))
                }
            },
            _ => {
                let Some(f) = self.frames.pop() else {
                    return Err(JclError(format!(
                        "IEFC632I ENDIF STATEMENT WITHOUT A MATCHING IF AT LINE {}",
                        st.line + 1
                    )));
                };
                self.active().push(JobItem::If {
                    condition: f.condition,
                    then_items: f.then_items,
                    else_items: f.else_items.unwrap_or_default(),
                    text: f.text,
                    statement: f.statement,
                });
            }
        }
        Ok(())
    }
}

/// `PARM=(a,b)` keeps its text; `PARM='x'` is unquoted by the caller.
fn sublist_or_self(v: &str) -> String {
    v.trim().to_string()
}

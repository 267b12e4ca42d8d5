//! The job reader: statements → job structure (steps, DD statements, in-stream data, symbols,
//! IF/THEN/ELSE/ENDIF).
//!
//! [`Reader`] holds the state between statements; each kind of card has its own method:
//! comments and delimiters ([`Reader::card`]), data with no DD in front of it, and each
//! statement kind ([`Operation`]): JOB, SET, EXPORT, EXEC, DD (`dd.rs`, with its in-stream
//! data), IF, ELSE, ENDIF, and the statements racemu notes and passes over.

mod dd;

use crate::cond::Condition;
use crate::cond_param::{parse_job_cond, RcTest, StepCond};
use crate::fields::{card, converter_fields, stmt_field};
use crate::messages;
use crate::operands::Operands;
use crate::statement::{gather, Statement};
use crate::symbols::{substitute_statement, system_symbols};
use crate::{JclError, Job, JobItem, Step, SymbolMode};
use std::collections::{BTreeMap, BTreeSet};

/// An open IF construct.
struct Frame {
    condition: Condition,
    statement: usize,
    text: String,
    then_items: Vec<JobItem>,
    else_items: Option<Vec<JobItem>>,
}

/// The statement kinds the reader knows, by their operation field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Operation {
    Job,
    Set,
    Export,
    Exec,
    Dd,
    If,
    Else,
    Endif,
    /// JCLLIB, OUTPUT, CNTL …: read and noted (`RCM100I`), not acted on.
    Ignored,
    Include,
    /// PROC and PEND of an in-stream procedure.
    Procedure,
}

impl Operation {
    /// The kind of an operation field (upper case); `None` for one the converter does not know.
    fn of(op: &str) -> Option<Operation> {
        Some(match op {
            "JOB" => Operation::Job,
            "SET" => Operation::Set,
            "EXPORT" => Operation::Export,
            "EXEC" => Operation::Exec,
            "DD" => Operation::Dd,
            "IF" => Operation::If,
            "ELSE" => Operation::Else,
            "ENDIF" => Operation::Endif,
            "JCLLIB" | "OUTPUT" | "CNTL" | "ENDCNTL" | "XMIT" | "COMMAND" | "JOBGROUP"
            | "SCHEDULE" => Operation::Ignored,
            "INCLUDE" => Operation::Include,
            "PROC" | "PEND" => Operation::Procedure,
            _ => return None,
        })
    }
}

/// The reader's state between cards.
struct Reader<'t> {
    /// The job stream's lines.
    lines: Vec<&'t str>,
    /// The next line to read (0-based).
    i: usize,
    symbols: BTreeMap<String, String>,
    exported: Option<BTreeSet<String>>,
    export_all: bool,
    top: Vec<JobItem>,
    frames: Vec<Frame>,
    current: Option<Step>,
    warnings: Vec<String>,
    seen_job: bool,
    job_name: String,
    user: Option<String>,
    cond: Vec<RcTest>,
    /// Statements read so far, as JES numbers them (comments and delimiters aside).
    statements: usize,
    /// The names of the EXEC statements read so far.
    step_names: Vec<String>,
    /// The line after the last in-stream delimiter, while no statement has followed it.
    after_delimiter: Option<usize>,
}

/// Reads a job stream into a [`Job`].
pub(crate) fn parse(text: &str) -> Result<Job, JclError> {
    let mut r = Reader::new(text);
    while r.i < r.lines.len() {
        if !r.card()? {
            break;
        }
    }
    r.finish()
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Reader<'t> {
        let lines: Vec<&str> = text.lines().collect();
        let warnings = crate::checks::card_notes(&lines);
        Reader {
            lines,
            i: 0,
            symbols: BTreeMap::new(),
            exported: None,
            export_all: false,
            top: Vec::new(),
            frames: Vec::new(),
            current: None,
            warnings,
            seen_job: false,
            job_name: String::new(),
            user: None,
            cond: Vec::new(),
            statements: 0,
            step_names: Vec::new(),
            after_delimiter: None,
        }
    }

    /// Reads the card at `self.i` (and what belongs to it); `false` at the null statement,
    /// which ends the job.
    fn card(&mut self) -> Result<bool, JclError> {
        let raw = card(self.lines[self.i]);
        if raw.starts_with("/*") {
            // A stray delimiter or a JES2 control statement (/*JOBPARM, /*ROUTE …).
            self.i += 1;
        } else if !raw.starts_with("//") {
            if raw.trim().is_empty() && self.current.is_none() {
                self.i += 1;
            } else {
                // Data with no DD in front of it: JES supplies //SYSIN DD *.
                self.unlabelled_data();
            }
        } else if raw.starts_with("//*") {
            self.i += 1;
        } else if stmt_field(raw)[2..].trim().is_empty() {
            return Ok(false);
        } else {
            self.statement()?;
        }
        Ok(true)
    }

    /// The statement starting at `self.i`: its fields checked, continuation cards joined,
    /// symbols substituted, then read by the method for its kind.
    fn statement(&mut self) -> Result<(), JclError> {
        let raw = card(self.lines[self.i]);
        let (st, used) = gather(&self.lines, self.i);
        self.statements += 1;
        self.after_delimiter = None;
        let (name, op) = converter_fields(&stmt_field(raw)[2..]);
        crate::checks::statement_case(raw, self.i, name, op)?;
        self.i += used;
        let text = substitute_statement(&st.operands, &self.symbols);
        let Some(operation) = Operation::of(&st.op) else {
            return Err(JclError::UnidentifiedOperation {
                line: st.line + 1,
                operation: st.op.clone(),
            });
        };
        let ops = Operands::parse(&text);
        if matches!(operation, Operation::Job | Operation::Exec | Operation::Dd) {
            crate::checks::keyword_case(ops.iter().map(|o| o.written()), st.line)?;
        }
        match operation {
            Operation::Job => self.job(&st, &ops)?,
            Operation::Set => self.set(&ops),
            Operation::Export => self.export(&ops),
            Operation::Exec => self.exec(&st, &ops)?,
            Operation::Dd => self.dd(&st, &ops),
            Operation::If => self.if_(&text)?,
            Operation::Else => self.else_(&st)?,
            Operation::Endif => self.endif(&st)?,
            Operation::Ignored => self
                .warnings
                .push(messages::statement_ignored(&st.op, st.line + 1)),
            Operation::Include => self
                .warnings
                .push(messages::include_ignored(&text, st.line + 1)),
            Operation::Procedure => self
                .warnings
                .push(messages::procedure_ignored(&st.op, st.line + 1)),
        }
        Ok(())
    }

    /// The job once every card is read: IEFC633I for an IF left open; job name RACEMU
    /// (RCM103W) when there was no JOB statement.
    fn finish(mut self) -> Result<Job, JclError> {
        self.flush();
        if !self.frames.is_empty() {
            return Err(JclError::IfWithoutEndif);
        }
        if !self.seen_job {
            self.warnings.push(messages::no_job_statement());
            self.job_name = "RACEMU".into();
        }
        Ok(Job {
            name: self.job_name,
            user: self.user,
            cond: self.cond,
            items: self.top,
            warnings: self.warnings,
            symbols: self.symbols,
        })
    }

    /// The items the next step or IF construct joins: the open IF's THEN or ELSE branch, or
    /// the job's top level.
    fn active(&mut self) -> &mut Vec<JobItem> {
        match self.frames.last_mut() {
            Some(f) => match &mut f.else_items {
                Some(e) => e,
                None => &mut f.then_items,
            },
            None => &mut self.top,
        }
    }

    /// Ends the current step, adding it to the active items.
    fn flush(&mut self) {
        if let Some(s) = self.current.take() {
            self.active().push(JobItem::Step(s));
        }
    }

    /// The JOB statement: the job name, `USER=` and `COND=`.
    fn job(&mut self, st: &Statement, ops: &Operands) -> Result<(), JclError> {
        self.seen_job = true;
        self.job_name = st.name.to_ascii_uppercase();
        self.user = ops.keyword("USER").map(|v| v.text().to_ascii_uppercase());
        if let Some(v) = ops.keyword("COND") {
            self.cond = parse_job_cond(v.written(), st.line + 1)?;
        }
        Ok(())
    }

    /// The SET statement: each `symbol=value` defines a symbol.
    fn set(&mut self, ops: &Operands) {
        for (k, v) in ops.keywords() {
            self.symbols.insert(k.to_string(), v.text());
        }
    }

    /// The EXPORT statement: `SYMLIST=(…)` names the symbols in-stream data may use (`*` all).
    fn export(&mut self, ops: &Operands) {
        for (_, v) in ops.keywords().filter(|(k, _)| *k == "SYMLIST") {
            let list = v.item_texts();
            if list.iter().any(|s| s == "*") {
                self.export_all = true;
            } else {
                self.exported
                    .get_or_insert_with(BTreeSet::new)
                    .extend(list.into_iter().map(|s| s.to_ascii_uppercase()));
            }
        }
    }

    /// The symbols substituted in in-stream data read with `mode`: the exported JCL symbols
    /// (and the system symbols for EXECSYS and CNVTSYS).
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

    /// The EXEC statement `st`: a new current step running PGM= or a procedure (PROC= or the
    /// first positional operand).
    fn exec(&mut self, st: &Statement, ops: &Operands) -> Result<(), JclError> {
        self.flush();
        let mut step = Step {
            name: Some(st.name.to_ascii_uppercase()).filter(|n| !n.is_empty()),
            ..Default::default()
        };
        for (k, v) in ops.keywords() {
            match k {
                "PGM" => step.program = Some(v.written().trim().to_ascii_uppercase()),
                "PROC" => step.procedure = Some(v.written().trim().to_ascii_uppercase()),
                "PARM" => step.parm = Some(v.text()),
                "COND" => step.cond = Some(self.step_cond(v.written(), st.line + 1)?),
                _ => {}
            }
        }
        if step.program.is_none() && step.procedure.is_none() {
            step.procedure = ops
                .positional()
                .next()
                .map(|p| p.written().trim().to_ascii_uppercase());
        }
        self.step_names.extend(step.name.clone());
        self.current = Some(step);
        Ok(())
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

    /// The IF statement with its condition `text` (to THEN): opens a construct.
    fn if_(&mut self, text: &str) -> Result<(), JclError> {
        self.flush();
        let condition = Condition::parse(text)?;
        self.frames.push(Frame {
            condition,
            statement: self.statements,
            text: text.to_string(),
            then_items: Vec::new(),
            else_items: None,
        });
        Ok(())
    }

    /// The ELSE statement `st`: turns the open construct to its ELSE branch; IEFC631I when
    /// there is none, or it already has one.
    fn else_(&mut self, st: &Statement) -> Result<(), JclError> {
        self.flush();
        match self.frames.last_mut() {
            Some(f) if f.else_items.is_none() => {
                f.else_items = Some(Vec::new());
                Ok(())
            }
            _ => Err(JclError::ElseWithoutIf { line: st.line + 1 }),
        }
    }

    /// The ENDIF statement `st`: closes the open construct; IEFC632I when there is none.
    fn endif(&mut self, st: &Statement) -> Result<(), JclError> {
        self.flush();
        let Some(f) = self.frames.pop() else {
            return Err(JclError::EndifWithoutIf { line: st.line + 1 });
        };
        self.active().push(JobItem::If {
            condition: f.condition,
            then_items: f.then_items,
            else_items: f.else_items.unwrap_or_default(),
            text: f.text,
            statement: f.statement,
        });
        Ok(())
    }
}

//! IF statement conditions: `RC`, `stepname.RC`, `ABEND`, `¬ABEND`, `ABENDCC`, `RUN`,
//! numbers, `NOT`/`¬`, `AND`/`&`, `OR`/`|`, and the relational operators
//! `EQ NE GT LT GE LE NG NL = ¬= > < >= <= ¬> ¬<`.

use crate::{JclError, StepOutcome, StepRecord, StepResult};

/// A parsed IF condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// A comparison of two operands.
    Compare(Operand, Rel, Operand),
    /// `ABEND` (optionally of a step): true when a step abended.
    Abend(Option<String>),
    /// `stepname.RUN`: true when the step ran.
    Run(String),
    /// A bare operand (a number: true when non-zero).
    Value(Operand),
    /// NOT.
    Not(Box<Condition>),
    /// AND.
    And(Box<Condition>, Box<Condition>),
    /// OR.
    Or(Box<Condition>, Box<Condition>),
}

/// A comparison operand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operand {
    /// The highest RC so far (`RC`) or a step's RC (`stepname.RC`).
    Rc(Option<String>),
    /// A number.
    Number(i64),
}

/// Relational operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// EQ / =.
    Eq,
    /// NE / ¬=.
    Ne,
    /// GT / >.
    Gt,
    /// LT / <.
    Lt,
    /// GE / >= / NL / ¬<.
    Ge,
    /// LE / <= / NG / ¬>.
    Le,
}

fn tokenize(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '(' || c == ')' || c == '&' || c == '|' {
            out.push(c.to_string());
            i += 1;
            continue;
        }
        if c == '¬' || c == '^' || c == '>' || c == '<' || c == '=' {
            let mut t = c.to_string();
            if let Some(&n) = chars.get(i + 1) {
                if n == '=' || ((c == '¬' || c == '^') && (n == '>' || n == '<')) {
                    t.push(n);
                    i += 1;
                }
            }
            out.push(t);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !"()&|¬^<>=".contains(chars[i]) {
            i += 1;
        }
        out.push(
            chars[start..i]
                .iter()
                .collect::<String>()
                .to_ascii_uppercase(),
        );
    }
    out
}

struct P {
    toks: Vec<String>,
    pos: usize,
}

impl P {
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.pos).map(String::as_str)
    }
    fn next(&mut self) -> Option<String> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn err(&self) -> JclError {
        JclError(format!(
            "IEFC629I INCORRECT USE OF {} IN THE IF STATEMENT",
            self.peek().unwrap_or("END OF STATEMENT")
        ))
    }
    fn or(&mut self) -> Result<Condition, JclError> {
        let mut l = self.and()?;
        while matches!(self.peek(), Some("OR") | Some("|")) {
            self.next();
            let r = self.and()?;
            l = Condition::Or(Box::new(l), Box::new(r));
        }
        Ok(l)
    }
    fn and(&mut self) -> Result<Condition, JclError> {
        let mut l = self.not()?;
        while matches!(self.peek(), Some("AND") | Some("&")) {
            self.next();
            let r = self.not()?;
            l = Condition::And(Box::new(l), Box::new(r));
        }
        Ok(l)
    }
    fn not(&mut self) -> Result<Condition, JclError> {
        if matches!(self.peek(), Some("NOT") | Some("¬") | Some("^")) {
            self.next();
            return Ok(Condition::Not(Box::new(self.not()?)));
        }
        self.rel()
    }
    fn operand(&mut self) -> Result<Operand, JclError> {
        let t = self.next().ok_or_else(|| self.err())?;
        if t == "RC" {
            return Ok(Operand::Rc(None));
        }
        if let Some(step) = t.strip_suffix(".RC") {
            return Ok(Operand::Rc(Some(step.to_string())));
        }
        t.parse::<i64>().map(Operand::Number).map_err(|_| {
            self.pos -= 1;
            self.err()
        })
    }
    fn rel(&mut self) -> Result<Condition, JclError> {
        if self.peek() == Some("(") {
            self.next();
            let c = self.or()?;
            if self.next().as_deref() != Some(")") {
                return Err(self.err());
            }
            return Ok(c);
        }
        match self.peek() {
            Some("ABEND") | Some("ABENDCC") => {
                self.next();
                if self.peek() == Some("=") || self.peek() == Some("EQ") {
                    // ABENDCC=Sxxx: any abend matches racemu's check.
                    self.next();
                    self.next();
                }
                return Ok(Condition::Abend(None));
            }
            Some(t) if t.ends_with(".ABEND") => {
                let step = t.trim_end_matches(".ABEND").to_string();
                self.next();
                return Ok(Condition::Abend(Some(step)));
            }
            Some(t) if t.ends_with(".RUN") => {
                let step = t.trim_end_matches(".RUN").to_string();
                self.next();
                return Ok(Condition::Run(step));
            }
            _ => {}
        }
        let l = self.operand()?;
        let rel = match self.peek() {
            Some("EQ") | Some("=") => Rel::Eq,
            Some("NE") | Some("¬=") | Some("^=") => Rel::Ne,
            Some("GT") | Some(">") => Rel::Gt,
            Some("LT") | Some("<") => Rel::Lt,
            Some("GE") | Some(">=") | Some("NL") | Some("¬<") | Some("^<") => Rel::Ge,
            Some("LE") | Some("<=") | Some("NG") | Some("¬>") | Some("^>") => Rel::Le,
            _ => return Ok(Condition::Value(l)),
        };
        self.next();
        let r = self.operand()?;
        Ok(Condition::Compare(l, rel, r))
    }
}

impl Condition {
    /// Parses the text between IF and THEN.
    pub fn parse(text: &str) -> Result<Condition, JclError> {
        let mut p = P {
            toks: tokenize(text),
            pos: 0,
        };
        if p.toks.is_empty() {
            return Err(JclError(
                "IEFC629I INCORRECT USE OF IF IN THE IF STATEMENT".into(),
            ));
        }
        let c = p.or()?;
        if p.pos < p.toks.len() {
            return Err(p.err());
        }
        Ok(c)
    }

    fn value(op: &Operand, steps: &[StepRecord]) -> i64 {
        match op {
            Operand::Number(n) => *n,
            Operand::Rc(None) => steps
                .iter()
                .filter_map(|s| match s.outcome {
                    StepOutcome::Ran(StepResult::Completed(rc)) => Some(i64::from(rc)),
                    _ => None,
                })
                .max()
                .unwrap_or(0),
            Operand::Rc(Some(step)) => steps
                .iter()
                .rev()
                .find(|s| s.name.eq_ignore_ascii_case(step))
                .and_then(|s| match s.outcome {
                    StepOutcome::Ran(StepResult::Completed(rc)) => Some(i64::from(rc)),
                    _ => None,
                })
                .unwrap_or(0),
        }
    }

    /// Evaluates the condition against the steps so far.
    pub fn evaluate(&self, steps: &[StepRecord]) -> bool {
        match self {
            Condition::Compare(l, rel, r) => {
                let (a, b) = (Self::value(l, steps), Self::value(r, steps));
                match rel {
                    Rel::Eq => a == b,
                    Rel::Ne => a != b,
                    Rel::Gt => a > b,
                    Rel::Lt => a < b,
                    Rel::Ge => a >= b,
                    Rel::Le => a <= b,
                }
            }
            Condition::Abend(step) => steps.iter().any(|s| {
                matches!(s.outcome, StepOutcome::Ran(StepResult::Abend { .. }))
                    && step.as_ref().is_none_or(|n| s.name.eq_ignore_ascii_case(n))
            }),
            Condition::Run(step) => steps.iter().any(|s| {
                s.name.eq_ignore_ascii_case(step) && matches!(s.outcome, StepOutcome::Ran(_))
            }),
            Condition::Value(v) => Self::value(v, steps) != 0,
            Condition::Not(c) => !c.evaluate(steps),
            Condition::And(a, b) => a.evaluate(steps) && b.evaluate(steps),
            Condition::Or(a, b) => a.evaluate(steps) || b.evaluate(steps),
        }
    }
}

//! IF statement conditions: `RC`, `stepname.RC`, `ABEND`, `¬ABEND`, `ABENDCC`, `RUN`,
//! numbers, `NOT`/`¬`, `AND`/`&`, `OR`/`|`, and the relational operators
//! `EQ NE GT LT GE LE NG NL = ¬= > < >= <= ¬> ¬<`, read by a nom 8 grammar (OR binds loosest,
//! then AND, then NOT).

use crate::{JclError, StepOutcome, StepRecord, StepResult};
use nom::branch::alt;
use nom::bytes::complete::take_till1;
use nom::character::complete::{char, multispace0, one_of};
use nom::combinator::{cut, map, map_opt, opt, recognize, verify};
use nom::multi::fold_many0;
use nom::sequence::{delimited, pair, preceded, terminated};
use nom::{IResult, Parser};

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

/// Characters that end a word of a condition.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || "()&|¬^<>=".contains(c)
}

/// One token of a condition, after any blanks: a parenthesis, `&`, `|`, a relational or NOT
/// symbol (`¬=`, `^<`, `>=` …), or a word (upper-cased: a keyword, a number, `step.RC`).
fn token(i: &str) -> IResult<&str, String> {
    preceded(
        multispace0,
        alt((
            map(one_of("()&|"), String::from),
            map(
                alt((
                    // `¬=`, `¬>`, `¬<` (and `^…`) are single operators.
                    recognize(pair(one_of("¬^"), opt(one_of("=><")))),
                    // `>=`, `<=`, `==`; `>>` is two.
                    recognize(pair(one_of("><="), opt(char('=')))),
                )),
                String::from,
            ),
            map(take_till1(is_separator), str::to_ascii_uppercase),
        )),
    )
    .parse(i)
}

/// A token that is one of `words`.
fn one_of_tokens<'a>(
    words: &'static [&'static str],
) -> impl Parser<&'a str, Output = String, Error = nom::error::Error<&'a str>> {
    verify(token, move |t: &String| words.contains(&t.as_str()))
}

/// `a OR b OR …` (`|` for OR); binds loosest. After an operator the operand is required.
fn or_expr(i: &str) -> IResult<&str, Condition> {
    let (i, first) = and_expr(i)?;
    fold_many0(
        preceded(one_of_tokens(&["OR", "|"]), cut(and_expr)),
        move || first.clone(),
        |l, r| Condition::Or(Box::new(l), Box::new(r)),
    )
    .parse(i)
}

/// `a AND b AND …` (`&` for AND).
fn and_expr(i: &str) -> IResult<&str, Condition> {
    let (i, first) = not_expr(i)?;
    fold_many0(
        preceded(one_of_tokens(&["AND", "&"]), cut(not_expr)),
        move || first.clone(),
        |l, r| Condition::And(Box::new(l), Box::new(r)),
    )
    .parse(i)
}

/// `NOT c` (`¬` or `^` for NOT), any number of times.
fn not_expr(i: &str) -> IResult<&str, Condition> {
    alt((
        map(
            preceded(one_of_tokens(&["NOT", "¬", "^"]), cut(not_expr)),
            |c| Condition::Not(Box::new(c)),
        ),
        relation,
    ))
    .parse(i)
}

/// An operand: `RC`, `stepname.RC` or a number.
fn operand(i: &str) -> IResult<&str, Operand> {
    map_opt(token, |t| {
        if t == "RC" {
            Some(Operand::Rc(None))
        } else if let Some(step) = t.strip_suffix(".RC") {
            Some(Operand::Rc(Some(step.to_string())))
        } else {
            t.parse::<i64>().ok().map(Operand::Number)
        }
    })
    .parse(i)
}

/// A relational operator.
fn rel(i: &str) -> IResult<&str, Rel> {
    map_opt(token, |t| {
        Some(match t.as_str() {
            "EQ" | "=" => Rel::Eq,
            "NE" | "¬=" | "^=" => Rel::Ne,
            "GT" | ">" => Rel::Gt,
            "LT" | "<" => Rel::Lt,
            "GE" | ">=" | "NL" | "¬<" | "^<" => Rel::Ge,
            "LE" | "<=" | "NG" | "¬>" | "^>" => Rel::Le,
            _ => return None,
        })
    })
    .parse(i)
}

/// A parenthesised condition, `ABEND`/`ABENDCC[=code]`, `step.ABEND`, `step.RUN`, or a
/// comparison (a bare operand is true when non-zero).
fn relation(i: &str) -> IResult<&str, Condition> {
    alt((
        delimited(
            one_of_tokens(&["("]),
            cut(or_expr),
            cut(one_of_tokens(&[")"])),
        ),
        map(
            (
                one_of_tokens(&["ABEND", "ABENDCC"]),
                // ABENDCC=Sxxx: any abend matches racemu's check.
                opt(pair(one_of_tokens(&["=", "EQ"]), opt(token))),
            ),
            |_| Condition::Abend(None),
        ),
        map_opt(token, |t| {
            if let Some(step) = t.strip_suffix(".ABEND") {
                Some(Condition::Abend(Some(step.to_string())))
            } else {
                t.strip_suffix(".RUN")
                    .map(|step| Condition::Run(step.to_string()))
            }
        }),
        map(
            pair(operand, opt(pair(rel, cut(operand)))),
            |(l, r)| match r {
                Some((rel, r)) => Condition::Compare(l, rel, r),
                None => Condition::Value(l),
            },
        ),
    ))
    .parse(i)
}

/// IEFC629I naming the token at `rest`, or END OF STATEMENT.
fn incorrect_use(rest: &str) -> JclError {
    let what = match token(rest) {
        Ok((_, t)) => t,
        Err(_) => "END OF STATEMENT".to_string(),
    };
    JclError::IfExpression { what }
}

impl Condition {
    /// Parses the text between IF and THEN. A condition that does not parse is IEFC629I,
    /// naming the first token the grammar could not use (or END OF STATEMENT).
    pub fn parse(text: &str) -> Result<Condition, JclError> {
        if text.trim().is_empty() {
            return Err(JclError::IfExpression {
                what: "IF".to_string(),
            });
        }
        match terminated(or_expr, multispace0).parse(text) {
            Ok(("", c)) => Ok(c),
            Ok((rest, _)) => Err(incorrect_use(rest)),
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(incorrect_use(e.input)),
            Err(nom::Err::Incomplete(_)) => Err(incorrect_use("")),
        }
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

    /// Whether the condition tests ABEND, ¬ABEND or ABENDCC anywhere: steps in such a
    /// construct may run after an abend (z/OS MVS JCL Reference, "COND parameter").
    pub fn tests_abend(&self) -> bool {
        match self {
            Condition::Abend(_) => true,
            Condition::Not(c) => c.tests_abend(),
            Condition::And(a, b) | Condition::Or(a, b) => a.tests_abend() || b.tests_abend(),
            Condition::Compare(..) | Condition::Run(_) | Condition::Value(_) => false,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        match Condition::parse(text) {
            Err(e) => e.to_string(),
            Ok(c) => format!("parsed: {c:?}"),
        }
    }

    #[test]
    fn precedence_or_and_not() {
        let c = Condition::parse("NOT RC = 0 | STEP1.RC<8 & ABEND").map(|c| format!("{c:?}"));
        assert_eq!(
            c.as_deref(),
            Ok("Or(Not(Compare(Rc(None), Eq, Number(0))), And(Compare(Rc(Some(\"STEP1\")), Lt, Number(8)), Abend(None)))")
        );
    }

    #[test]
    fn symbols_and_words_for_every_relation() {
        for (a, b) in [
            ("=", "EQ"),
            ("¬=", "NE"),
            (">", "GT"),
            ("<", "LT"),
            (">=", "GE"),
            ("¬<", "NL"),
            ("<=", "LE"),
            ("^>", "NG"),
        ] {
            let l = Condition::parse(&format!("RC {a} 4"));
            let r = Condition::parse(&format!("rc {b} 4"));
            assert_eq!(l, r, "{a} {b}");
            assert!(l.is_ok());
        }
    }

    #[test]
    fn iefc629i_names_the_token_that_is_wrong() {
        assert_eq!(
            err("(RC = 4 X"),
            "IEFC629I INCORRECT USE OF X IN THE IF STATEMENT"
        );
        assert_eq!(
            err("RC = 4 AND"),
            "IEFC629I INCORRECT USE OF END OF STATEMENT IN THE IF STATEMENT"
        );
        assert_eq!(
            err("RC >> 4"),
            "IEFC629I INCORRECT USE OF > IN THE IF STATEMENT"
        );
        assert_eq!(err(""), "IEFC629I INCORRECT USE OF IF IN THE IF STATEMENT");
        assert_eq!(err("ABENDCC=S0C4"), "parsed: Abend(None)");
        assert_eq!(err("STEP1.RUN"), "parsed: Run(\"STEP1\")");
    }
}

//! The `COND=` parameter of the EXEC and JOB statements (z/OS MVS JCL Reference, "COND
//! parameter"), read by a nom 8 grammar, and the return code tests it makes.
//!
//! EXEC: `COND=(code,operator)`, `COND=(code,operator,stepname[.procstepname])`,
//! `COND=((test),(test)…[,EVEN|ONLY])` with up to eight tests (seven with EVEN or ONLY, which
//! may stand before, between or after them), and `COND=EVEN` / `COND=ONLY`
//! (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.ieab600/iea3b6_Syntax86.htm).
//! JOB: `COND=(code,operator)` or up to eight such tests, no step names, no EVEN or ONLY
//! (https://www-01.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieab600/xjbcond.htm).
//! `code` is 0 to 4095; the operators are GT GE EQ LT LE NE; a test is satisfied when
//! `code operator RC` holds (`COND=(4,LE)` bypasses the step when 4 <= RC).

use crate::cond::Rel;
use crate::{JclError, StepOutcome, StepRecord, StepResult};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::{all_consuming, cut, map, map_opt, opt, peek, recognize, value, verify};
use nom::multi::many0;
use nom::sequence::{delimited, pair, preceded};
use nom::{IResult, Parser};
use racemu_racf::syntax::is_national;

/// The most return code tests one COND parameter holds.
const MAX_TESTS: usize = 8;

/// The highest return code a test may name.
const MAX_CODE: u16 = 4095;

/// One return code test: `(code,operator[,stepname[.procstepname]])`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RcTest {
    /// The number compared with return codes, 0 to 4095.
    pub code: u16,
    /// The comparison: the test is satisfied when `code operator RC` holds.
    pub operator: Rel,
    /// The step whose return code is tested (every earlier step when `None`).
    pub step: Option<String>,
    /// The procedure step within `step`, for `stepname.procstepname`.
    pub procstep: Option<String>,
}

/// What an EXEC COND parameter says about earlier abends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AbendRule {
    /// Neither EVEN nor ONLY: the step is not run after an abend.
    #[default]
    Neither,
    /// EVEN: the step runs whether or not an earlier step abended.
    Even,
    /// ONLY: the step runs only when an earlier step abended.
    Only,
}

/// The COND parameter of an EXEC statement.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepCond {
    /// The return code tests, in order (none for `COND=EVEN` or `COND=ONLY`).
    pub tests: Vec<RcTest>,
    /// EVEN, ONLY or neither.
    pub abend: AbendRule,
}

/// What the runner does with a step, as its COND parameter and earlier abends decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// The step runs.
    Run,
    /// A return code test was satisfied, or ONLY found no abend: IEF202I, IEF272I.
    Bypass,
    /// An earlier step abended and the step has neither EVEN nor ONLY: IEF272I.
    Flush,
}

/// One item of a COND list: a test, EVEN or ONLY.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Test(RcTest),
    Rule(AbendRule),
}

/// A name: 1 to 8 letters, digits or national characters.
fn name(i: &str) -> IResult<&str, String> {
    map(
        verify(
            take_while1(|c: char| c.is_ascii_alphanumeric() || is_national(c)),
            |n: &str| n.len() <= 8,
        ),
        str::to_string,
    )
    .parse(i)
}

/// A return code, 0 to 4095.
fn code(i: &str) -> IResult<&str, u16> {
    map_opt(digit1, |d: &str| {
        d.parse::<u16>().ok().filter(|c| *c <= MAX_CODE)
    })
    .parse(i)
}

/// GT GE EQ LT LE NE.
fn operator(i: &str) -> IResult<&str, Rel> {
    alt((
        value(Rel::Gt, tag("GT")),
        value(Rel::Ge, tag("GE")),
        value(Rel::Eq, tag("EQ")),
        value(Rel::Lt, tag("LT")),
        value(Rel::Le, tag("LE")),
        value(Rel::Ne, tag("NE")),
    ))
    .parse(i)
}

/// `(code,operator[,stepname[.procstepname]])`.
fn test(i: &str) -> IResult<&str, RcTest> {
    map(
        delimited(
            char('('),
            (
                code,
                preceded(char(','), operator),
                opt(preceded(
                    char(','),
                    cut(pair(name, opt(preceded(char('.'), cut(name))))),
                )),
            ),
            char(')'),
        ),
        |(code, operator, step)| {
            let (step, procstep) = match step {
                Some((s, p)) => (Some(s), p),
                None => (None, None),
            };
            RcTest {
                code,
                operator,
                step,
                procstep,
            }
        },
    )
    .parse(i)
}

/// EVEN or ONLY.
fn rule(i: &str) -> IResult<&str, AbendRule> {
    alt((
        value(AbendRule::Even, tag("EVEN")),
        value(AbendRule::Only, tag("ONLY")),
    ))
    .parse(i)
}

/// A test once its `(` is seen: an error inside it is final, naming where it went wrong.
fn committed_test(i: &str) -> IResult<&str, RcTest> {
    preceded(peek(char('(')), cut(test)).parse(i)
}

/// The whole value: EVEN or ONLY alone, one test (`(` and a digit), or a parenthesised list
/// of tests, EVEN and ONLY.
fn items(i: &str) -> IResult<&str, Vec<Item>> {
    let item = || alt((map(rule, Item::Rule), map(committed_test, Item::Test)));
    alt((
        map(rule, |r| vec![Item::Rule(r)]),
        preceded(
            peek(pair(char('('), digit1)),
            map(committed_test, |t| vec![Item::Test(t)]),
        ),
        delimited(
            char('('),
            cut(map(
                pair(item(), many0(preceded(char(','), cut(item())))),
                |(first, mut rest)| {
                    rest.insert(0, first);
                    rest
                },
            )),
            cut(char(')')),
        ),
    ))
    .parse(i)
}

/// The subparameter at `rest` (up to the next comma or parenthesis), or END OF FIELD.
fn offending(rest: &str) -> String {
    let word: IResult<&str, &str> =
        recognize(nom::bytes::complete::take_till1(|c| ",()".contains(c))).parse(rest);
    match word {
        Ok((_, w)) => w.to_string(),
        Err(_) => rest
            .chars()
            .next()
            .map_or_else(|| "END OF FIELD".to_string(), String::from),
    }
}

/// Reads a COND value into its items; `line` (1-based) is for the error.
fn parse_items(text: &str, line: usize) -> Result<Vec<Item>, JclError> {
    let upper = text.trim().to_ascii_uppercase();
    let parsed = all_consuming(items).parse(upper.as_str());
    let what = match parsed {
        Ok((_, items)) => return Ok(items),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => offending(e.input),
        Err(nom::Err::Incomplete(_)) => "END OF FIELD".to_string(),
    };
    Err(JclError::CondField { line, what })
}

impl StepCond {
    /// Parses an EXEC statement's `COND=` value (`line` is the statement's 1-based line).
    /// More than eight tests, more than seven with EVEN or ONLY, or both EVEN and ONLY, is the
    /// converter's JCL error, as is anything the grammar does not take.
    pub fn parse(text: &str, line: usize) -> Result<StepCond, JclError> {
        let mut cond = StepCond::default();
        let mut rules = 0;
        for item in parse_items(text, line)? {
            match item {
                Item::Test(t) => cond.tests.push(t),
                Item::Rule(r) => {
                    rules += 1;
                    cond.abend = r;
                }
            }
        }
        let limit = if rules > 0 { MAX_TESTS - 1 } else { MAX_TESTS };
        if rules > 1 {
            return Err(JclError::CondField {
                line,
                what: (if cond.abend == AbendRule::Even {
                    "EVEN"
                } else {
                    "ONLY"
                })
                .to_string(),
            });
        }
        if cond.tests.len() > limit {
            return Err(JclError::CondField {
                line,
                what: format!("TEST {}", limit + 1),
            });
        }
        Ok(cond)
    }

    /// What to do with the step, given the steps so far. `first` is true for the job's first
    /// step, whose COND IBM evaluates as false; `abend_if` is true when an enclosing IF that
    /// holds tests ABEND, which lets the step run after an abend as EVEN would.
    pub(crate) fn decide(&self, steps: &[StepRecord], first: bool, abend_if: bool) -> Decision {
        if first {
            return Decision::Run;
        }
        let abended = steps
            .iter()
            .any(|s| matches!(s.outcome, StepOutcome::Ran(StepResult::Abend { .. })));
        let rule = match self.abend {
            AbendRule::Neither if abend_if => AbendRule::Even,
            r => r,
        };
        match (rule, abended) {
            (AbendRule::Neither, true) => Decision::Flush,
            (AbendRule::Only, false) => Decision::Bypass,
            _ if self.tests.iter().any(|t| t.satisfied(steps)) => Decision::Bypass,
            _ => Decision::Run,
        }
    }
}

/// Parses a JOB statement's `COND=` value: up to eight `(code,operator)` tests.
pub fn parse_job_cond(text: &str, line: usize) -> Result<Vec<RcTest>, JclError> {
    let mut tests = Vec::new();
    for item in parse_items(text, line)? {
        match item {
            Item::Test(t) if t.step.is_none() => tests.push(t),
            Item::Test(t) => {
                return Err(JclError::CondField {
                    line,
                    what: t.step.clone().unwrap_or_default(),
                })
            }
            Item::Rule(r) => {
                let word = if r == AbendRule::Even { "EVEN" } else { "ONLY" };
                return Err(JclError::CondField {
                    line,
                    what: word.to_string(),
                });
            }
        }
    }
    if tests.len() > MAX_TESTS {
        return Err(JclError::CondField {
            line,
            what: format!("TEST {}", MAX_TESTS + 1),
        });
    }
    Ok(tests)
}

impl RcTest {
    /// Whether the test is satisfied by the steps so far: by the named step's return code
    /// (its first occurrence, as IBM says), or by any earlier step's. A step that was bypassed,
    /// abended, or is not there gives no return code, and the test is false for it.
    pub fn satisfied(&self, steps: &[StepRecord]) -> bool {
        let rc = |s: &StepRecord| match s.outcome {
            StepOutcome::Ran(StepResult::Completed(rc)) => Some(rc),
            _ => None,
        };
        match &self.step {
            Some(name) => {
                let full = match &self.procstep {
                    Some(p) => format!("{name}.{p}"),
                    None => name.clone(),
                };
                steps
                    .iter()
                    .find(|s| s.name.eq_ignore_ascii_case(&full))
                    .and_then(rc)
                    .is_some_and(|rc| self.holds(rc))
            }
            None => steps.iter().filter_map(rc).any(|rc| self.holds(rc)),
        }
    }

    /// `code operator rc`.
    fn holds(&self, rc: u32) -> bool {
        let code = u32::from(self.code);
        match self.operator {
            Rel::Gt => code > rc,
            Rel::Ge => code >= rc,
            Rel::Eq => code == rc,
            Rel::Lt => code < rc,
            Rel::Le => code <= rc,
            Rel::Ne => code != rc,
        }
    }
}

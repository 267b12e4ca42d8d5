//! A job stream as JES2 shows it before it runs: the JCL cards numbered as JES2 numbers
//! statements (the JESJCL listing, whose numbers `IEF206I` names), and a lenient reading of
//! the JOB card for a job the reader refuses.

use crate::fields::card;
use crate::instream::Delimiter;
use crate::operands::Operands;
use crate::statement::gather;

/// A line without its carriage return.
fn listed(line: &str) -> &str {
    line.trim_end_matches('\r')
}

/// One JCL card as JESJCL lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedCard<'t> {
    /// The statement number for the first card of a statement; `None` for a comment or a
    /// continuation card.
    pub number: Option<usize>,
    /// The card as written (line end dropped).
    pub text: &'t str,
}

/// The JCL cards of a job stream as JES2 lists them in JESJCL: each statement numbered from 1
/// (the JOB statement), its continuation cards and `//*` comments unnumbered, and in-stream
/// data with its delimiter, `/*` JES2 statements and stray data left out. The numbers are the
/// reader's: the IF statement `IEF206I` names has the same number here. Never panics.
pub fn jesjcl_cards(text: &str) -> Vec<ListedCard<'_>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut number = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = listed(lines[i]);
        if !line.starts_with("//") || line.starts_with("//*") {
            if line.starts_with("//*") {
                out.push(ListedCard {
                    number: None,
                    text: line,
                });
            }
            i += 1;
            continue;
        }
        let (statement, used) = gather(&lines, i);
        number += 1;
        out.push(ListedCard {
            number: Some(number),
            text: line,
        });
        out.extend(
            lines[i + 1..i + used]
                .iter()
                .map(|l| listed(l))
                .filter(|l| l.starts_with("//"))
                .map(|l| ListedCard {
                    number: None,
                    text: l,
                }),
        );
        i += used;
        if statement.op != "DD" {
            continue;
        }
        if let Some(delimiter) = Delimiter::of_dd(&Operands::parse(&statement.operands)) {
            while i < lines.len() && !delimiter.ends(card(lines[i])) {
                i += 1;
            }
            if i < lines.len() && delimiter.is_delimiter(card(lines[i])) {
                i += 1;
            }
        }
    }
    out
}

/// The name and `USER=` of a job's JOB card, read leniently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobCard {
    /// The job name, upper case, at most 8 characters.
    pub name: String,
    /// `USER=`, upper case, when the job reads.
    pub user: Option<String>,
}

/// The JOB card of a job stream. When the reader refuses the job (it then ends with a JCL
/// error), the name is the first card's name field as far as it holds letters, digits and
/// national characters (`JOB` when there is none), cut to 8, and there is no user.
pub fn job_card(text: &str) -> JobCard {
    if let Ok(job) = crate::parse_job(text) {
        return JobCard {
            name: job.name.to_ascii_uppercase(),
            user: job.user.map(|u| u.to_ascii_uppercase()),
        };
    }
    let name: String = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("//"))
        .map(|l| {
            l.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "@#$".contains(*c))
                .take(8)
                .collect()
        })
        .unwrap_or_default();
    JobCard {
        name: if name.is_empty() {
            "JOB".to_string()
        } else {
            name.to_ascii_uppercase()
        },
        user: None,
    }
}

/// Whether `text` starts as a job stream: its first line that is not blank begins with `//`
/// or `/*` (leading blanks aside).
pub fn starts_with_jcl(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.starts_with("//") || l.starts_with("/*"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::JobItem;

    fn numbered(text: &str) -> Vec<(Option<usize>, &str)> {
        jesjcl_cards(text)
            .into_iter()
            .map(|c| (c.number, c.text))
            .collect()
    }

    /// JES2 ends `DD *,DLM=xx` data at the DLM characters or at the next statement (z/OS MVS
    /// JCL Reference, "DLM parameter":
    /// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieab600/xdddlm.htm);
    /// `DD DATA,DLM=xx` only at the DLM characters. The listing and the reader agree.
    #[test]
    fn dd_star_with_dlm_ends_at_the_next_statement_too() {
        let jcl = "//J JOB\n//S EXEC PGM=IKJEFT01\n//IN DD *,DLM=$$\nLISTUSER\n//OUT DD SYSOUT=*\n//D DD DATA,DLM=$$\n//NOT A STATEMENT\n$$\n";
        assert_eq!(
            numbered(jcl),
            [
                (Some(1), "//J JOB"),
                (Some(2), "//S EXEC PGM=IKJEFT01"),
                (Some(3), "//IN DD *,DLM=$$"),
                (Some(4), "//OUT DD SYSOUT=*"),
                (Some(5), "//D DD DATA,DLM=$$"),
            ]
        );
        let job = crate::parse_job(jcl).expect("job");
        let JobItem::Step(step) = &job.items[0] else {
            panic!("a step")
        };
        let names: Vec<Option<&str>> = step.dds.iter().map(|d| d.name.as_deref()).collect();
        assert_eq!(names, [Some("IN"), Some("OUT"), Some("D")]);
    }

    /// An IF condition continued over cards to its THEN is one statement, in the listing as
    /// in IEF206I's `ON STATEMENT n`.
    #[test]
    fn an_if_continued_to_its_then_is_one_statement() {
        let jcl = "//J JOB\n//S EXEC PGM=X\n// IF (RC = 0 |\n//* note\n//     RC = 4) THEN\n//S2 EXEC PGM=Y\n// ENDIF\n";
        assert_eq!(
            numbered(jcl),
            [
                (Some(1), "//J JOB"),
                (Some(2), "//S EXEC PGM=X"),
                (Some(3), "// IF (RC = 0 |"),
                (None, "//* note"),
                (None, "//     RC = 4) THEN"),
                (Some(4), "//S2 EXEC PGM=Y"),
                (Some(5), "// ENDIF"),
            ]
        );
        let job = crate::parse_job(jcl).expect("job");
        assert!(matches!(job.items[1], JobItem::If { statement: 3, .. }));
    }

    #[test]
    fn the_job_card_is_read_even_when_the_job_does_not_parse() {
        let card = job_card("//MYJOB JOB USER=other\n//S EXEC PGM=IKJEFT01\n");
        assert_eq!(
            (card.name.as_str(), card.user.as_deref()),
            ("MYJOB", Some("OTHER"))
        );
        let card = job_card("//LONGJOBNAME XJOB ???");
        assert_eq!((card.name.as_str(), card.user), ("LONGJOBN", None));
        assert_eq!(job_card("//* X\n//S exec PGM=X\n").name, "JOB");
        // A stream the reader takes without a JOB card: the job name the reader assumes.
        assert_eq!(job_card("").name, "RACEMU");
    }

    #[test]
    fn a_job_stream_starts_with_a_jcl_card() {
        assert!(starts_with_jcl("\n  //J JOB\n"));
        assert!(starts_with_jcl("/*JOBPARM\n"));
        assert!(!starts_with_jcl("LISTUSER\n//J JOB\n"));
        assert!(!starts_with_jcl("  \n"));
    }
}

//! The doctor's report as text: at most 80 columns, colour (ANSI) only when asked for.

use super::{Report, Severity};

/// The text report's width.
pub const WIDTH: usize = 80;

/// Words of `text` in lines of at most `width - indent` characters, each prefixed by
/// `indent` blanks; a word longer than that stands on its own line.
fn wrap(text: &str, indent: usize, width: usize) -> Vec<String> {
    let room = width.saturating_sub(indent).max(20);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            out.push(format!("{}{line}", " ".repeat(indent)));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(format!("{}{line}", " ".repeat(indent)));
    }
    out
}

/// A command as SYSTSIN records of at most `width` columns: broken at blanks outside
/// quotes, each record but the last ending in ` +` (TSO continuation, which drops the next
/// record's leading blanks), continuation records indented by 2 more.
pub fn command_lines(cmd: &str, indent: usize, width: usize) -> Vec<String> {
    // Split into words at blanks outside apostrophes.
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for ch in cmd.chars() {
        if ch == '\'' {
            quoted = !quoted;
        }
        if ch == ' ' && !quoted {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(ch);
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    let mut out = Vec::new();
    let mut line = String::new();
    let mut pad = indent;
    for (i, w) in words.iter().enumerate() {
        let last = i + 1 == words.len();
        let extra = if last { 0 } else { 2 };
        if !line.is_empty() && pad + line.chars().count() + 1 + w.chars().count() + extra > width {
            out.push(format!("{}{line} +", " ".repeat(pad)));
            line.clear();
            pad = indent + 2;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.is_empty() {
        out.push(format!("{}{line}", " ".repeat(pad)));
    }
    out
}

impl Report {
    /// The report as text lines of at most 80 columns (a single word or quoted label longer
    /// than that aside): a heading, then per finding its severity, code and label, the
    /// message and the fix's commands as SYSTSIN records. `colour` adds ANSI colour to the
    /// severities.
    pub fn text(&self, colour: bool) -> Vec<String> {
        let errors = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = self.findings.len() - errors;
        let mut out = wrap(
            &format!(
                "Ring {} judged as {}: {}",
                self.ring,
                self.user,
                if self.findings.is_empty() {
                    "healthy, no findings.".to_string()
                } else {
                    format!("{errors} error(s), {warnings} warning(s).")
                }
            ),
            0,
            WIDTH,
        );
        for f in &self.findings {
            out.push(String::new());
            let tag = match (f.severity, colour) {
                (Severity::Error, true) => "\x1b[1;31mERROR\x1b[0m".to_string(),
                (Severity::Warning, true) => "\x1b[1;33mWARNING\x1b[0m".to_string(),
                (s, false) => s.as_str().to_ascii_uppercase(),
            };
            let label = f
                .label
                .as_ref()
                .map(|l| format!(" (label '{l}')"))
                .unwrap_or_default();
            out.push(format!("{tag} {}{label}", f.code));
            for para in f.message.lines() {
                out.extend(wrap(para, 2, WIDTH));
            }
            if !f.fix.is_empty() {
                out.push("  Fix:".to_string());
                for c in &f.fix {
                    out.extend(command_lines(c, 4, WIDTH));
                }
            }
        }
        for p in &self.probes {
            out.push(String::new());
            out.extend(wrap(
                &format!(
                    "Probe {}: {} ({})",
                    p.client,
                    if p.accepted { "accepted" } else { "refused" },
                    p.detail
                ),
                0,
                WIDTH,
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_break_at_blanks_outside_quotes_with_tso_continuation() {
        let cmd = "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('a long common name with blanks') O('IBM')) ALTNAME(DOMAIN('host.example.com')) RSA SIZE(2048) WITHLABEL('server')";
        let lines = command_lines(cmd, 4, 60);
        assert_eq!(
            lines,
            [
                "    RACDCERT ID(SRV) GENCERT +",
                "      SUBJECTSDN(CN('a long common name with blanks') +",
                "      O('IBM')) ALTNAME(DOMAIN('host.example.com')) RSA +",
                "      SIZE(2048) WITHLABEL('server')",
            ]
        );
        let joined: String = lines
            .iter()
            .map(|l| l.trim_start().trim_end_matches('+'))
            .collect();
        assert_eq!(joined, cmd);
    }

    #[test]
    fn colour_marks_only_the_severity() {
        let report = Report {
            ring: "SRV/Ring".into(),
            user: "SRV".into(),
            findings: vec![super::super::Finding {
                severity: Severity::Error,
                code: "no-default",
                label: None,
                message: "m".into(),
                fix: vec!["RACDCERT ID(SRV) LISTRING(Ring)".into()],
            }],
            probes: vec![],
        };
        let plain = report.text(false);
        let coloured = report.text(true);
        assert_eq!(plain[2], "ERROR no-default");
        assert_eq!(coloured[2], "\x1b[1;31mERROR\x1b[0m no-default");
        assert_eq!(plain[3..], coloured[3..]);
        assert!(plain.iter().all(|l| !l.contains('\x1b')));
    }

    #[test]
    fn wrap_keeps_to_the_width() {
        let text = "word ".repeat(40);
        for l in wrap(&text, 2, 30) {
            assert!(l.len() <= 30, "{l}");
        }
    }
}

//! The statements of the tree turned into the [`Policy`] model, every misplaced, unknown or
//! malformed statement or parameter an error with its line.

use crate::ciphers;
use crate::lexer::{tree, Node};
use crate::model::*;
use crate::params::*;
use crate::SyntaxError;

fn is(node: &Node, keyword: &str) -> bool {
    node.keyword.eq_ignore_ascii_case(keyword)
}

fn listed(node: &Node, list: &[&str]) -> bool {
    list.iter().any(|k| is(node, k))
}

struct Builder {
    errors: Vec<SyntaxError>,
}

impl Builder {
    fn err(&mut self, line: usize, msg: impl Into<String>) {
        self.errors.push(SyntaxError::new(line, msg.into()));
    }

    /// The one value of a parameter line.
    fn one(&mut self, n: &Node) -> Option<String> {
        if n.block.is_some() {
            self.err(
                n.line,
                format!("{} is a parameter and takes no {{ }}", n.keyword),
            );
            return None;
        }
        match n.values.as_slice() {
            [v] => Some(v.clone()),
            [] => {
                self.err(n.line, format!("{} needs a value", n.keyword));
                None
            }
            _ => {
                self.err(
                    n.line,
                    format!("{} takes one value, not {}", n.keyword, n.values.join(" ")),
                );
                None
            }
        }
    }

    fn choice<T: Copy>(&mut self, n: &Node, choices: &[(&str, T)]) -> Option<Line<T>> {
        let v = self.one(n)?;
        match choices.iter().find(|(k, _)| k.eq_ignore_ascii_case(&v)) {
            Some((_, t)) => Some(Line {
                value: *t,
                line: n.line,
            }),
            None => {
                let names: Vec<&str> = choices.iter().map(|(k, _)| *k).collect();
                self.err(
                    n.line,
                    format!("{} {v}: the value must be {}", n.keyword, names.join(", ")),
                );
                None
            }
        }
    }

    fn on_off(&mut self, n: &Node) -> Option<Line<bool>> {
        self.choice(n, &[("On", true), ("Off", false)])
    }

    fn role(&mut self, n: &Node) -> Option<Line<HandshakeRole>> {
        self.choice(
            n,
            &[
                ("Client", HandshakeRole::Client),
                ("Server", HandshakeRole::Server),
                ("ServerWithClientAuth", HandshakeRole::ServerWithClientAuth),
            ],
        )
    }

    fn text(&mut self, n: &Node) -> Option<Line<String>> {
        self.one(n).map(|value| Line {
            value,
            line: n.line,
        })
    }

    /// `Keyword { … }` inline, or `KeywordRef name`; `None` when `n` is neither.
    fn inline_or_ref<T>(
        &mut self,
        n: &Node,
        keyword: &str,
        build: impl FnOnce(&mut Self, &Node) -> T,
    ) -> Option<Option<Obj<T>>> {
        if is(n, keyword) {
            if n.block.is_none() {
                self.err(
                    n.line,
                    format!("{keyword} needs {{ }}, or write {keyword}Ref and a name"),
                );
                return Some(None);
            }
            return Some(Some(Obj::Inline(build(self, n))));
        }
        if n.keyword.eq_ignore_ascii_case(&format!("{keyword}Ref")) {
            return Some(self.text(n).map(Obj::Ref));
        }
        None
    }

    /// A parameter racemu reads past, or an error naming the statement.
    fn other(&mut self, n: &Node, statement: &str, list: &[&str]) {
        if !listed(n, list) {
            self.err(
                n.line,
                format!("{} is not a parameter of {statement}", n.keyword),
            );
        }
    }

    fn children<'a>(&mut self, n: &'a Node) -> &'a [Node] {
        n.block.as_deref().unwrap_or(&[])
    }

    fn rule(&mut self, n: &Node, name: String) -> Rule {
        let mut r = Rule {
            name,
            line: n.line,
            group: None,
            environment: None,
            connection: None,
            conditions: Vec::new(),
        };
        for c in self.children(n) {
            if let Some(g) = self.inline_or_ref(c, "TTLSGroupAction", Self::group) {
                r.group = g;
            } else if let Some(e) = self.inline_or_ref(c, "TTLSEnvironmentAction", Self::env) {
                r.environment = e;
            } else if let Some(x) = self.inline_or_ref(c, "TTLSConnectionAction", Self::conn) {
                r.connection = x;
            } else if listed(c, RULE_CONDITIONS) {
                r.conditions.push((c.keyword.clone(), c.values.clone()));
            } else {
                self.other(c, "TTLSRule", &[]);
            }
        }
        r
    }

    fn group(&mut self, n: &Node) -> GroupAction {
        let mut g = GroupAction {
            name: n.values.first().cloned(),
            line: n.line,
            enabled: None,
        };
        for c in self.children(n) {
            if is(c, "TTLSEnabled") {
                g.enabled = self.on_off(c);
            } else {
                self.other(c, "TTLSGroupAction", GROUP_OTHER);
            }
        }
        g
    }

    fn env(&mut self, n: &Node) -> EnvironmentAction {
        let mut e = EnvironmentAction {
            name: n.values.first().cloned(),
            line: n.line,
            ..Default::default()
        };
        for c in self.children(n) {
            if is(c, "HandshakeRole") {
                e.role = self.role(c);
            } else if let Some(k) = self.inline_or_ref(c, "TTLSKeyringParms", Self::keyring) {
                e.keyring = k;
            } else if let Some(k) = self.inline_or_ref(c, "TTLSCipherParms", Self::cipher) {
                e.ciphers = k;
            } else if let Some(k) = self.inline_or_ref(c, "TTLSEnvironmentAdvancedParms", |b, n| {
                b.advanced(n, true)
            }) {
                e.advanced = k;
            } else if is(c, "TTLSConnectionAction") || is(c, "TTLSConnectionActionRef") {
                self.err(
                    c.line,
                    format!(
                        "{} belongs in a TTLSRule, not in TTLSEnvironmentAction (line {}); is a }} missing before it?",
                        c.keyword, n.line
                    ),
                );
            } else {
                self.other(c, "TTLSEnvironmentAction", ENV_OTHER);
            }
        }
        e
    }

    fn conn(&mut self, n: &Node) -> ConnectionAction {
        let mut x = ConnectionAction {
            name: n.values.first().cloned(),
            line: n.line,
            ..Default::default()
        };
        for c in self.children(n) {
            if is(c, "HandshakeRole") {
                x.role = self.role(c);
            } else if let Some(k) = self.inline_or_ref(c, "TTLSCipherParms", Self::cipher) {
                x.ciphers = k;
            } else if let Some(k) = self.inline_or_ref(c, "TTLSConnectionAdvancedParms", |b, n| {
                b.advanced(n, false)
            }) {
                x.advanced = k;
            } else {
                self.other(c, "TTLSConnectionAction", CONN_OTHER);
            }
        }
        x
    }

    fn advanced(&mut self, n: &Node, environment: bool) -> AdvancedParms {
        let statement = if environment {
            "TTLSEnvironmentAdvancedParms"
        } else {
            "TTLSConnectionAdvancedParms"
        };
        let mut a = AdvancedParms {
            name: n.values.first().cloned(),
            line: n.line,
            ..Default::default()
        };
        for c in self.children(n) {
            if let Some(p) = Protocol::from_keyword(&c.keyword) {
                if let Some(v) = self.on_off(c) {
                    a.protocols.push((p, v));
                }
            } else if is(c, "ClientAuthType") && environment {
                a.client_auth = self.choice(
                    c,
                    &[
                        ("PassThru", ClientAuthType::PassThru),
                        ("Full", ClientAuthType::Full),
                        ("Required", ClientAuthType::Required),
                        ("SAFCheck", ClientAuthType::SafCheck),
                    ],
                );
            } else if is(c, "CertificateLabel") {
                a.certificate_label = self.text(c);
            } else if is(c, "ServerCertificateLabel") {
                if let Some(l) = self.text(c) {
                    if a.server_certificate_labels.len() == 8 {
                        self.err(c.line, "at most 8 ServerCertificateLabel parameters");
                    } else {
                        a.server_certificate_labels.push(l);
                    }
                }
            } else {
                self.other(c, statement, ADVANCED_OTHER);
            }
        }
        a
    }

    fn keyring(&mut self, n: &Node) -> KeyringParms {
        let mut k = KeyringParms {
            name: n.values.first().cloned(),
            line: n.line,
            keyring: None,
        };
        for c in self.children(n) {
            if is(c, "Keyring") {
                k.keyring = self.text(c);
            } else {
                self.other(c, "TTLSKeyringParms", KEYRING_OTHER);
            }
        }
        k
    }

    fn cipher(&mut self, n: &Node) -> CipherParms {
        let mut p = CipherParms {
            name: n.values.first().cloned(),
            line: n.line,
            suites: Vec::new(),
        };
        for c in self.children(n) {
            let (parameter, width) = if is(c, "V3CipherSuites") {
                ("V3CipherSuites", 2)
            } else if is(c, "V3CipherSuites4Char") {
                ("V3CipherSuites4Char", 4)
            } else {
                self.other(c, "TTLSCipherParms", &["V2CipherSuites"]);
                continue;
            };
            if c.values.is_empty() || c.block.is_some() {
                self.err(c.line, format!("{parameter} needs cipher suites"));
                continue;
            }
            for v in &c.values {
                for s in ciphers::parse_value(v, width) {
                    let (written, suite) = match s {
                        Ok(s) => (if v.len() > 4 { v.clone() } else { s.hex() }, Some(s)),
                        Err(w) => (w, None),
                    };
                    p.suites.push(SuiteEntry {
                        parameter,
                        written,
                        suite,
                        line: c.line,
                    });
                }
            }
        }
        p
    }
}

fn check_unique<T: Named>(b: &mut Builder, list: &[T], keyword: &str, lines: &[usize]) {
    for (i, t) in list.iter().enumerate() {
        if list[..i].iter().any(|u| u.name() == t.name()) {
            b.err(
                lines.get(i).copied().unwrap_or(0),
                format!(
                    "{keyword} {} is defined more than once",
                    t.name().unwrap_or("")
                ),
            );
        }
    }
}

fn check_ref<T: Named>(b: &mut Builder, o: &Option<Obj<T>>, list: &[T], keyword: &str) {
    if let Some(Obj::Ref(name)) = o {
        if !list.iter().any(|t| t.name() == Some(name.value.as_str())) {
            b.err(
                name.line,
                format!("{keyword}Ref {} names no {keyword} statement", name.value),
            );
        }
    }
}

fn check_refs(b: &mut Builder, p: &Policy) {
    let mut envs: Vec<&EnvironmentAction> = p.environment_actions.iter().collect();
    let mut conns: Vec<&ConnectionAction> = p.connection_actions.iter().collect();
    for r in &p.rules {
        check_ref(b, &r.group, &p.group_actions, "TTLSGroupAction");
        check_ref(
            b,
            &r.environment,
            &p.environment_actions,
            "TTLSEnvironmentAction",
        );
        check_ref(
            b,
            &r.connection,
            &p.connection_actions,
            "TTLSConnectionAction",
        );
        if let Some(Obj::Inline(e)) = &r.environment {
            envs.push(e);
        }
        if let Some(Obj::Inline(c)) = &r.connection {
            conns.push(c);
        }
    }
    for e in envs {
        check_ref(b, &e.keyring, &p.keyrings, "TTLSKeyringParms");
        check_ref(b, &e.ciphers, &p.ciphers, "TTLSCipherParms");
        check_ref(
            b,
            &e.advanced,
            &p.environment_advanced,
            "TTLSEnvironmentAdvancedParms",
        );
    }
    for c in conns {
        check_ref(b, &c.ciphers, &p.ciphers, "TTLSCipherParms");
        check_ref(
            b,
            &c.advanced,
            &p.connection_advanced,
            "TTLSConnectionAdvancedParms",
        );
    }
}

/// Parses a Policy Agent AT-TLS configuration. `Err` holds every syntax error, in line order.
pub fn parse(text: &str) -> Result<Policy, Vec<SyntaxError>> {
    let (nodes, errors) = tree(text);
    let mut b = Builder { errors };
    let mut p = Policy::default();
    let mut lines: [Vec<usize>; 7] = Default::default();
    for n in &nodes {
        let name = n.values.first().cloned();
        let kind = [
            "TTLSRule",
            "TTLSGroupAction",
            "TTLSEnvironmentAction",
            "TTLSConnectionAction",
            "TTLSEnvironmentAdvancedParms",
            "TTLSConnectionAdvancedParms",
            "TTLSKeyringParms",
            "TTLSCipherParms",
        ]
        .iter()
        .position(|k| is(n, k));
        let Some(kind) = kind else {
            if listed(n, OTHER_TOP) {
                p.other.push((n.keyword.clone(), name, n.line));
            } else {
                b.err(
                    n.line,
                    format!("{} is not a Policy Agent AT-TLS statement", n.keyword),
                );
            }
            continue;
        };
        if n.block.is_none() {
            b.err(n.line, format!("{} needs {{ }}", n.keyword));
            continue;
        }
        let Some(name) = name else {
            b.err(
                n.line,
                format!("{} needs a name when it is not inline", n.keyword),
            );
            continue;
        };
        if n.values.len() > 1 {
            b.err(
                n.line,
                format!("{} {name}: a name is one word (or quoted)", n.keyword),
            );
        }
        match kind {
            0 => {
                if p.rules.iter().any(|r| r.name == name) {
                    b.err(n.line, format!("TTLSRule {name} is defined more than once"));
                }
                let r = b.rule(n, name);
                p.rules.push(r);
            }
            1 => {
                let g = b.group(n);
                lines[0].push(n.line);
                p.group_actions.push(g);
            }
            2 => {
                let e = b.env(n);
                lines[1].push(n.line);
                p.environment_actions.push(e);
            }
            3 => {
                let c = b.conn(n);
                lines[2].push(n.line);
                p.connection_actions.push(c);
            }
            4 => {
                let a = b.advanced(n, true);
                lines[3].push(n.line);
                p.environment_advanced.push(a);
            }
            5 => {
                let a = b.advanced(n, false);
                lines[4].push(n.line);
                p.connection_advanced.push(a);
            }
            6 => {
                let k = b.keyring(n);
                lines[5].push(n.line);
                p.keyrings.push(k);
            }
            _ => {
                let c = b.cipher(n);
                lines[6].push(n.line);
                p.ciphers.push(c);
            }
        }
    }
    check_unique(&mut b, &p.group_actions, "TTLSGroupAction", &lines[0]);
    check_unique(
        &mut b,
        &p.environment_actions,
        "TTLSEnvironmentAction",
        &lines[1],
    );
    check_unique(
        &mut b,
        &p.connection_actions,
        "TTLSConnectionAction",
        &lines[2],
    );
    check_unique(
        &mut b,
        &p.environment_advanced,
        "TTLSEnvironmentAdvancedParms",
        &lines[3],
    );
    check_unique(
        &mut b,
        &p.connection_advanced,
        "TTLSConnectionAdvancedParms",
        &lines[4],
    );
    check_unique(&mut b, &p.keyrings, "TTLSKeyringParms", &lines[5]);
    check_unique(&mut b, &p.ciphers, "TTLSCipherParms", &lines[6]);
    check_refs(&mut b, &p);
    if b.errors.is_empty() {
        Ok(p)
    } else {
        b.errors.sort_by_key(|e| e.line);
        Err(b.errors)
    }
}

//! A seeded random walk of MAP, ALTMAP, DELMAP, ADD, ALTER, DELETE and DELUSER: after every
//! step the engine's certificate-to-user lookup equals a plain model of RACF's rules
//! (registered certificate first, NOTRUST stops; then the six filter steps, the first filter
//! found decides; gendet.htm,
//! <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha700/gendet.htm>).

mod common;

use common::{engine, ok, put_dataset, OutsideCa};
use std::collections::BTreeMap;

const USERS: [&str; 3] = ["U1", "U2", "U3"];
const LABELS: [&str; 3] = ["L1", "L2", "L3"];
const ISSUER: &str = "CN=Walk CA.O=Ex.C=US";
const SUBJECTS: [&str; 3] = [
    "CN=a.OU=Sales.O=Ex.C=US",
    "CN=b.OU=Sales.O=Ex.C=US",
    "CN=c.OU=Eng.O=Ex.C=US",
];

/// The filters the walk maps: (subject part, issuer part), empty for none.
fn filters() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in SUBJECTS
        .iter()
        .copied()
        .chain(["OU=Sales.O=Ex.C=US", "O=Ex.C=US"])
    {
        out.push((s.to_string(), String::new()));
        out.push((s.to_string(), ISSUER.to_string()));
    }
    out.push((String::new(), ISSUER.to_string()));
    out.push((String::new(), "O=Ex.C=US".to_string()));
    out
}

/// xorshift64*: a small deterministic generator.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

#[derive(Default)]
struct Model {
    /// (subject, issuer) -> (user, label, trusted)
    filters: BTreeMap<(String, String), (String, String, bool)>,
    /// certificate index -> (user, trusted)
    registered: BTreeMap<usize, (String, bool)>,
}

impl Model {
    fn label_used(&self, user: &str, label: &str) -> bool {
        self.filters
            .values()
            .any(|(u, l, _)| u == user && l == label)
    }

    /// The plain rules: registered first; then subject.issuer, partial subjects with the
    /// issuer, subject, partial subjects, issuer, partial issuers.
    fn lookup(&self, cert: usize) -> Option<String> {
        if let Some((u, trusted)) = self.registered.get(&cert) {
            return trusted.then(|| u.clone());
        }
        let rdns: Vec<&str> = SUBJECTS[cert].split('.').collect();
        let partial: Vec<String> = (1..rdns.len()).map(|k| rdns[k..].join(".")).collect();
        let subject = SUBJECTS[cert].to_string();
        let mut keys = vec![(subject.clone(), ISSUER.to_string())];
        keys.extend(partial.iter().map(|p| (p.clone(), ISSUER.to_string())));
        keys.push((subject, String::new()));
        keys.extend(partial.iter().map(|p| (p.clone(), String::new())));
        keys.push((String::new(), ISSUER.to_string()));
        keys.push((String::new(), "O=Ex.C=US".to_string()));
        keys.push((String::new(), "C=US".to_string()));
        keys.iter()
            .find_map(|k| self.filters.get(k))
            .and_then(|(u, _, trusted)| trusted.then(|| u.clone()))
    }
}

fn map_command(user: &str, label: &str, (s, i): &(String, String), trusted: bool) -> String {
    let mut cmd = format!("RACDCERT ID({user}) MAP WITHLABEL('{label}')");
    if !s.is_empty() {
        cmd += &format!(" SDNFILTER('{s}')");
    }
    if !i.is_empty() {
        cmd += &format!(" IDNFILTER('{i}')");
    }
    cmd + if trusted { " TRUST" } else { " NOTRUST" }
}

#[test]
fn random_walk_keeps_the_lookup_equal_to_the_model() {
    let mut e = engine();
    for u in USERS {
        ok(&mut e, &format!("ADDUSER {u}"));
    }
    ok(&mut e, "SETROPTS CLASSACT(DIGTNMAP)");
    let mut ca = OutsideCa::new("/C=US/O=Ex/CN=Walk CA");
    let subjects = [
        "/C=US/O=Ex/OU=Sales/CN=a",
        "/C=US/O=Ex/OU=Sales/CN=b",
        "/C=US/O=Ex/OU=Eng/CN=c",
    ];
    let certs: Vec<Vec<u8>> = subjects.iter().map(|s| ca.client(s, None)).collect();
    for (i, der) in certs.iter().enumerate() {
        put_dataset(&mut e, &format!("IBMUSER.CERT{i}.DER"), der.clone());
    }
    let all = filters();
    let mut model = Model::default();
    let mut rng = Rng(0x5EED_0023);
    let (mut mapped, mut unmapped, mut refused) = (0, 0, 0);
    for step in 0..160 {
        let user = USERS[rng.below(3)];
        let label = LABELS[rng.below(3)];
        let cert = rng.below(3);
        let trusted = rng.below(3) > 0;
        let (cmd, want_rc) = match rng.below(7) {
            0 | 1 => {
                let f = all[rng.below(all.len())].clone();
                let rc = if model.label_used(user, label) || model.filters.contains_key(&f) {
                    8
                } else {
                    model
                        .filters
                        .insert(f.clone(), (user.into(), label.into(), trusted));
                    0
                };
                (map_command(user, label, &f, trusted), rc)
            }
            2 => {
                let hit = model
                    .filters
                    .values_mut()
                    .find(|(u, l, _)| u == user && l == label);
                let rc = match hit {
                    Some(v) => {
                        v.2 = trusted;
                        0
                    }
                    None => 8,
                };
                let st = if trusted { "TRUST" } else { "NOTRUST" };
                (
                    format!("RACDCERT ID({user}) ALTMAP(LABEL('{label}')) {st}"),
                    rc,
                )
            }
            3 => {
                let before = model.filters.len();
                model
                    .filters
                    .retain(|_, (u, l, _)| !(u == user && l == label));
                let rc = if before == model.filters.len() { 8 } else { 0 };
                (format!("RACDCERT ID({user}) DELMAP(LABEL('{label}'))"), rc)
            }
            4 => {
                // Re-adding a registered certificate is ADD's own business (renewal,
                // IRRD109I); the walk adds only certificates RACF does not have.
                if model.registered.contains_key(&cert) {
                    continue;
                }
                model.registered.insert(cert, (user.into(), trusted));
                let st = if trusted { "TRUST" } else { "NOTRUST" };
                (format!("RACDCERT ID({user}) ADD('IBMUSER.CERT{cert}.DER') WITHLABEL('C{cert}') {st}"), 0)
            }
            5 => match model.registered.get_mut(&cert) {
                Some((owner, t)) => {
                    *t = trusted;
                    let st = if trusted { "TRUST" } else { "NOTRUST" };
                    (
                        format!("RACDCERT ID({owner}) ALTER(LABEL('C{cert}')) {st}"),
                        0,
                    )
                }
                None => match model.registered.remove(&((cert + 1) % 3)) {
                    Some((owner, _)) => (
                        format!("RACDCERT ID({owner}) DELETE(LABEL('C{}'))", (cert + 1) % 3),
                        0,
                    ),
                    None => continue,
                },
            },
            _ => {
                model.filters.retain(|_, (u, _, _)| u != user);
                model.registered.retain(|_, (u, _)| u != user);
                (format!("DELUSER {user}\nADDUSER {user}"), 0)
            }
        };
        let mut rc = 0;
        for line in cmd.lines() {
            rc = rc.max(e.execute("IBMUSER", line).rc);
        }
        assert_eq!(rc, want_rc, "step {step}: {cmd}");
        refused += usize::from(rc == 8);
        for (i, der) in certs.iter().enumerate() {
            let got = e
                .user_for_certificate(der, None, "SYS1", "SRV")
                .expect("lookup");
            assert_eq!(
                got.user,
                model.lookup(i),
                "step {step} after {cmd}: certificate {i}: {}",
                got.explain()
            );
            if got.user.is_some() {
                mapped += 1;
            } else {
                unmapped += 1;
            }
        }
    }
    // The walk saw every kind of answer.
    assert!(
        mapped > 50 && unmapped > 50 && refused > 5,
        "{mapped} {unmapped} {refused}"
    );
}

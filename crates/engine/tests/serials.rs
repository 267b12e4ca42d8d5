//! Serial numbers of the certificates RACF signs never collide under one issuer name,
//! whatever REKEY, ROLLOVER, DELETE and ADD did before (issue 19 item 1; semantics audit C1).
//!
//! IBM documents REKEY then ROLLOVER as the way to renew a certificate, a CA's included
//! (RACDCERT REKEY, https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.icha400/le-rekey.htm;
//! RACDCERT ROLLOVER, https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-rollover.htm);
//! the DIGTCERT profile is named `serial-number.issuer's-distinguished-name` (RACDCERT ADD,
//! https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-add.htm), so a renewed
//! CA signing under its old name must continue that name's serial numbers. (A CA deleted and
//! created again under the same name starts over and collides, as the real RACF capture in
//! `racdcert.rs`, `serial_counter_and_duplicate_profile_irrd109i`, shows.)

use racemu_engine::{Clock, Config, Engine, Output};
use racemu_racf::Owner;
use racemu_store::{certs, Store};
use std::collections::HashSet;
use time::macros::datetime;

fn engine() -> Engine {
    Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-11-25 10:00 UTC)),
        Config::default(),
    )
}

fn run(e: &mut Engine, cmd: &str) -> Output {
    e.execute("IBMUSER", cmd)
}

fn ok(e: &mut Engine, cmd: &str) -> Output {
    let o = run(e, cmd);
    assert!(o.rc == 0, "{cmd}\n -> rc {} {:?}", o.rc, o.lines);
    o
}

/// The serial number LIST shows for a certificate.
fn serial(e: &mut Engine, owner: &str, label: &str) -> String {
    let o = ok(e, &format!("RACDCERT {owner} LIST(LABEL('{label}'))"));
    let i = o
        .lines
        .iter()
        .position(|l| l.trim() == "Serial Number:")
        .expect("serial heading in LIST");
    o.lines[i + 1].trim().to_string()
}

#[test]
fn a_ca_renewed_with_rekey_and_rollover_keeps_signing() {
    let mut e = engine();
    ok(
        &mut e,
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('My CA')) NISTECC WITHLABEL('CA1')",
    );
    ok(&mut e, "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('a')) NISTECC WITHLABEL('A') SIGNWITH(CERTAUTH LABEL('CA1'))");
    ok(
        &mut e,
        "RACDCERT CERTAUTH REKEY(LABEL('CA1')) WITHLABEL('CA2')",
    );
    // The rekeyed copy is self-signed under the same name: serial 02, above A's 01.
    assert_eq!(serial(&mut e, "CERTAUTH", "CA2"), ">02<");
    // The old CA still signs before ROLLOVER, past the copy's serial.
    ok(&mut e, "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('b')) NISTECC WITHLABEL('B') SIGNWITH(CERTAUTH LABEL('CA1'))");
    assert_eq!(serial(&mut e, "ID(U1)", "B"), ">03<");
    ok(
        &mut e,
        "RACDCERT CERTAUTH ROLLOVER(LABEL('CA1')) NEWLABEL('CA2')",
    );
    // The renewed CA signs again and again, continuing the name's numbers.
    for (label, want) in [("C", ">04<"), ("D", ">05<"), ("E", ">06<")] {
        ok(&mut e, &format!("RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('{label}')) NISTECC WITHLABEL('{label}') SIGNWITH(CERTAUTH LABEL('CA2'))"));
        assert_eq!(serial(&mut e, "ID(U1)", label), want);
    }
    // Deleting the retired CA, the renewal's last step, loses none of the name's numbers.
    ok(&mut e, "RACDCERT CERTAUTH DELETE(LABEL('CA1'))");
    ok(&mut e, "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('g')) NISTECC WITHLABEL('G') SIGNWITH(CERTAUTH LABEL('CA2'))");
    assert_eq!(serial(&mut e, "ID(U1)", "G"), ">07<");
}

#[test]
fn a_retired_ca_cannot_sign() {
    let mut e = engine();
    ok(
        &mut e,
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('My CA')) NISTECC WITHLABEL('CA1')",
    );
    ok(
        &mut e,
        "RACDCERT CERTAUTH REKEY(LABEL('CA1')) WITHLABEL('CA2')",
    );
    ok(
        &mut e,
        "RACDCERT CERTAUTH ROLLOVER(LABEL('CA1')) NEWLABEL('CA2')",
    );
    // The retired CA cannot sign (ROLLOVER deleted its private key).
    let o = run(&mut e, "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('f')) NISTECC WITHLABEL('F') SIGNWITH(CERTAUTH LABEL('CA1'))");
    assert_eq!(o.rc, 8);
    assert!(
        o.lines[0].starts_with("IRRD128I GENCERT requires"),
        "{:?}",
        o.lines
    );
}

#[test]
fn a_deleted_certificates_serial_is_not_reissued() {
    let mut e = engine();
    ok(
        &mut e,
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) NISTECC WITHLABEL('CA')",
    );
    ok(&mut e, "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('a')) NISTECC WITHLABEL('A') SIGNWITH(CERTAUTH LABEL('CA'))");
    ok(
        &mut e,
        "RACDCERT CERTAUTH REKEY(LABEL('CA')) WITHLABEL('CA2')",
    );
    ok(
        &mut e,
        "RACDCERT ID(U1) EXPORT(LABEL('A')) DSN('U1.A.PEM') FORMAT(CERTB64)",
    );
    ok(&mut e, "RACDCERT ID(U1) DELETE(LABEL('A'))");
    ok(&mut e, "RACDCERT CERTAUTH DELETE(LABEL('CA2'))");
    // Serials 01 (A) and 02 (CA2) are gone from the store but were used under CN=CA.
    ok(&mut e, "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('b')) NISTECC WITHLABEL('B') SIGNWITH(CERTAUTH LABEL('CA'))");
    assert_eq!(serial(&mut e, "ID(U1)", "B"), ">03<");
    // So the deleted certificate can come back without colliding.
    ok(&mut e, "RACDCERT ID(U1) ADD('U1.A.PEM') WITHLABEL('A')");
}

/// A small deterministic PRNG (SplitMix64): the same seed gives the same sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What the sequence built so far: CA labels with their private key, the rekeyed copy not yet
/// rolled over, CAs ROLLOVER retired, leaf certificates, and exported certificates deleted
/// since (ADD brings them back).
#[derive(Default)]
struct Model {
    signers: Vec<String>,
    pending: Option<(String, String)>,
    retired: Vec<String>,
    leaves: Vec<String>,
    deleted: Vec<(String, String)>,
    n: usize,
}

/// One random step. Panics when any command fails: GENCERT or REKEY colliding (IRRD109I), the
/// ADD of a deleted certificate colliding with one issued since, ROLLOVER or DELETE failing.
fn step(e: &mut Engine, rng: &mut Rng, m: &mut Model, log: &mut Vec<String>) {
    m.n += 1;
    let n = m.n;
    let mut must = |e: &mut Engine, cmd: String| {
        let o = run(e, &cmd);
        log.push(format!("{cmd} -> {}", o.rc));
        assert!(
            !o.lines.iter().any(|l| l.starts_with("IRRD109I")),
            "collision\n{}\n{:?}",
            log.join("\n"),
            o.lines
        );
        assert_eq!(o.rc, 0, "\n{}\n{:?}", log.join("\n"), o.lines);
    };
    match rng.below(10) {
        0..=3 => {
            let signer = m.signers[rng.below(m.signers.len())].clone();
            let owner = format!("U{}", rng.below(3));
            must(e, format!("RACDCERT ID({owner}) GENCERT SUBJECTSDN(CN('leaf{n}')) NISTECC WITHLABEL('L{n}') SIGNWITH(CERTAUTH LABEL('{signer}'))"));
            m.leaves.push(format!("{owner}|L{n}"));
        }
        4 if m.pending.is_none() => {
            let old = m.signers[rng.below(m.signers.len())].clone();
            must(
                e,
                format!("RACDCERT CERTAUTH REKEY(LABEL('{old}')) WITHLABEL('CA{n}')"),
            );
            m.signers.push(format!("CA{n}"));
            m.pending = Some((old, format!("CA{n}")));
        }
        5 if m.pending.is_some() => {
            let Some((old, new)) = m.pending.take() else {
                return;
            };
            must(
                e,
                format!("RACDCERT CERTAUTH ROLLOVER(LABEL('{old}')) NEWLABEL('{new}')"),
            );
            m.signers.retain(|s| *s != old);
        }
        6 | 7 if !m.leaves.is_empty() => {
            let i = rng.below(m.leaves.len());
            let leaf = m.leaves.swap_remove(i);
            let (owner, label) = leaf.split_once('|').unwrap_or_default();
            let dsn = format!("{owner}.D{n}");
            must(
                e,
                format!(
                    "RACDCERT ID({owner}) EXPORT(LABEL('{label}')) DSN('{dsn}') FORMAT(CERTB64)"
                ),
            );
            must(e, format!("RACDCERT ID({owner}) DELETE(LABEL('{label}'))"));
            m.deleted.push((owner.to_string(), dsn));
        }
        9 if !m.retired.is_empty() && rng.below(2) == 0 => {
            // The CA superseded by ROLLOVER, deleted as the renewal's last step.
            let old = m.retired.swap_remove(rng.below(m.retired.len()));
            must(e, format!("RACDCERT CERTAUTH DELETE(LABEL('{old}'))"));
        }
        8 if !m.deleted.is_empty() => {
            let (owner, dsn) = m.deleted.swap_remove(rng.below(m.deleted.len()));
            must(
                e,
                format!("RACDCERT ID({owner}) ADD('{dsn}') WITHLABEL('A{n}')"),
            );
            m.leaves.push(format!("{owner}|A{n}"));
        }
        _ => {
            // A self-signed CA of its own name, which may sign later.
            must(
                e,
                format!(
                    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA{n}')) NISTECC WITHLABEL('CA{n}')"
                ),
            );
            m.signers.push(format!("CA{n}"));
        }
    }
}

/// Every (issuer name, serial number) pair in the store, checked unique by value.
fn assert_pairs_unique(e: &Engine) {
    let rows = e
        .store()
        .read(|tx| {
            let mut all = certs::by_owner(tx, &Owner::CertAuth)?;
            for u in 0..3 {
                all.extend(certs::by_owner(tx, &Owner::User(format!("U{u}")))?);
            }
            racemu_store::StoreResult::Ok(all)
        })
        .expect("read");
    let mut seen = HashSet::new();
    for r in &rows {
        let digits = r.serial_hex.trim_start_matches('0').to_ascii_uppercase();
        assert!(
            seen.insert((r.issuer_dn.clone(), digits)),
            "duplicate serial {} under {}",
            r.serial_hex,
            r.issuer_dn
        );
    }
}

#[test]
fn random_rekey_gencert_rollover_delete_add_sequences_never_collide() {
    const SEEDS: u64 = 12;
    const STEPS: usize = 30;
    for seed in 0..SEEDS {
        let mut rng = Rng(seed);
        let mut e = engine();
        let mut m = Model::default();
        ok(
            &mut e,
            "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('My CA')) NISTECC WITHLABEL('CA0')",
        );
        m.signers.push("CA0".into());
        let mut log = vec![format!("seed {seed}")];
        for _ in 0..STEPS {
            step(&mut e, &mut rng, &mut m, &mut log);
        }
        assert_pairs_unique(&e);
    }
}

//! Passwords and password phrases (issue 9, item 8): stored as hashes, shown by LISTUSER as
//! RACF shows them, checked at logon with EXPIRED, REVOKE/RESUME and SETROPTS
//! PASSWORD(INTERVAL(n) REVOKE(n)).

use racemu_engine::logon::Logon;
use racemu_engine::{Clock, Config, Engine};
use racemu_store::Store;
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

fn engine() -> Engine {
    Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(NOW),
        Config::default(),
    )
}

fn admin(e: &mut Engine, cmds: &[&str]) {
    for c in cmds {
        let o = e.execute("IBMUSER", c);
        assert_eq!(o.rc, 0, "{c}: {:?}", o.lines);
    }
}

fn logon(e: &mut Engine, user: &str, secret: &str) -> Logon {
    e.verify_logon(user, secret).expect("store")
}

/// The LISTUSER lines that carry the password fields and attributes.
fn listed(e: &mut Engine, user: &str) -> (String, String) {
    let o = e.execute("IBMUSER", &format!("LISTUSER {user}"));
    (o.lines[1].clone(), o.lines[2].clone())
}

#[test]
fn new_store_has_ibmuser_with_expired_sys1() {
    let mut e = engine();
    assert_eq!(logon(&mut e, "IBMUSER", "SYS1"), Logon::Expired);
    assert_eq!(logon(&mut e, "ibmuser", "sys1"), Logon::Expired);
    assert_eq!(logon(&mut e, "IBMUSER", "SYS2"), Logon::Wrong);
    assert_eq!(logon(&mut e, "NOBODY", "SYS1"), Logon::NotDefined);
    assert_eq!(
        listed(&mut e, "IBMUSER"),
        (
            " DEFAULT-GROUP=SYS1     PASSDATE=00.000 PASS-INTERVAL= 30 PHRASEDATE=N/A".into(),
            " ATTRIBUTES=SPECIAL OPERATIONS".into()
        )
    );
}

#[test]
fn adduser_and_altuser_passwords() {
    let mut e = engine();
    // Without PASSWORD or PHRASE a user is PROTECTED: no logon at all.
    admin(&mut e, &["ADDUSER BOB"]);
    assert_eq!(
        listed(&mut e, "BOB"),
        (
            " DEFAULT-GROUP=SYS1     PASSDATE=N/A    PASS-INTERVAL=N/A PHRASEDATE=N/A".into(),
            " ATTRIBUTES=PROTECTED".into()
        )
    );
    assert_eq!(logon(&mut e, "BOB", "ANYTHING"), Logon::Wrong);
    // ADDUSER's password is expired.
    admin(&mut e, &["ADDUSER ALICE PASSWORD(secret1)"]);
    assert_eq!(logon(&mut e, "ALICE", "SECRET1"), Logon::Expired);
    assert!(listed(&mut e, "ALICE")
        .0
        .contains("PASSDATE=00.000 PASS-INTERVAL= 30"));
    // NOEXPIRED makes it usable; PASSDATE is the day it was set (2026-11-25 = 26.329).
    admin(&mut e, &["ALTUSER ALICE PASSWORD(SECRET2) NOEXPIRED"]);
    assert_eq!(logon(&mut e, "ALICE", "secret2"), Logon::Ok);
    assert_eq!(logon(&mut e, "ALICE", "SECRET1"), Logon::Wrong);
    assert_eq!(
        listed(&mut e, "ALICE"),
        (
            " DEFAULT-GROUP=SYS1     PASSDATE=26.329 PASS-INTERVAL= 30 PHRASEDATE=N/A".into(),
            " ATTRIBUTES=NONE".into()
        )
    );
    // ALTUSER PASSWORD without NOEXPIRED expires it again.
    admin(&mut e, &["ALTUSER ALICE PASSWORD(SECRET3)"]);
    assert_eq!(logon(&mut e, "ALICE", "SECRET3"), Logon::Expired);
    // NOPASSWORD leaves a PROTECTED user.
    admin(&mut e, &["ALTUSER ALICE NOPASSWORD"]);
    assert_eq!(logon(&mut e, "ALICE", "SECRET3"), Logon::Wrong);
    assert_eq!(listed(&mut e, "ALICE").1, " ATTRIBUTES=PROTECTED");
}

#[test]
fn password_phrases() {
    let mut e = engine();
    admin(
        &mut e,
        &["ADDUSER ALICE PHRASE('Correct horse 42 battery') NOEXPIRED"],
    );
    assert_eq!(
        logon(&mut e, "ALICE", "Correct horse 42 battery"),
        Logon::Ok
    );
    assert_eq!(
        logon(&mut e, "ALICE", "CORRECT HORSE 42 BATTERY"),
        Logon::Wrong
    );
    assert_eq!(
        listed(&mut e, "ALICE").0,
        " DEFAULT-GROUP=SYS1     PASSDATE=N/A    PASS-INTERVAL= 30 PHRASEDATE=26.329"
    );
    admin(&mut e, &["ALTUSER ALICE NOPHRASE"]);
    assert_eq!(
        logon(&mut e, "ALICE", "Correct horse 42 battery"),
        Logon::Wrong
    );
}

#[test]
fn rejected_passwords_phrases_and_lone_expired() {
    let mut e = engine();
    admin(&mut e, &["ADDUSER ALICE"]);
    let o = e.execute("IBMUSER", "ALTUSER ALICE PASSWORD(TOOLONGPW)");
    assert_eq!(
        (o.lines, o.rc),
        (
            vec!["ICH21034I PASSWORD CHANGE REJECTED BY INSTALLATION SYNTAX RULES".to_string()],
            4
        )
    );
    let o = e.execute("IBMUSER", "ALTUSER ALICE PHRASE('alice is short1')");
    assert_eq!(
        (o.lines, o.rc),
        (
            vec!["ICH01021I NEW PASS PHRASE REJECTED BY RACF RULES".to_string()],
            4
        )
    );
    assert_eq!(logon(&mut e, "ALICE", "alice is short1"), Logon::Wrong);
    let o = e.execute("IBMUSER", "ALTUSER ALICE NOEXPIRED");
    assert_eq!(o.lines, ["ICH21007I EXPIRED/NOEXPIRED OPERAND IGNORED"]);
}

#[test]
fn revoke_resume_and_failed_logons() {
    let mut e = engine();
    admin(&mut e, &["ADDUSER ALICE PASSWORD(GOOD) NOEXPIRED"]);
    // REVOKE and RESUME.
    admin(&mut e, &["ALTUSER ALICE REVOKE"]);
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Revoked);
    assert_eq!(listed(&mut e, "ALICE").1, " ATTRIBUTES=REVOKED");
    admin(&mut e, &["ALTUSER ALICE RESUME"]);
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Ok);
    // Without SETROPTS PASSWORD(REVOKE(n)) failures never revoke.
    for _ in 0..5 {
        assert_eq!(logon(&mut e, "ALICE", "BAD"), Logon::Wrong);
    }
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Ok);
    // With REVOKE(3): a good logon restarts the count; the third failure in a row revokes.
    admin(&mut e, &["SETROPTS PASSWORD(REVOKE(3) INTERVAL(60))"]);
    assert_eq!(logon(&mut e, "ALICE", "BAD"), Logon::Wrong);
    assert_eq!(logon(&mut e, "ALICE", "BAD"), Logon::Wrong);
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Ok);
    assert_eq!(logon(&mut e, "ALICE", "BAD"), Logon::Wrong);
    assert_eq!(logon(&mut e, "ALICE", "BAD"), Logon::Wrong);
    assert_eq!(logon(&mut e, "ALICE", "BAD"), Logon::Wrong);
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Revoked);
    assert_eq!(
        listed(&mut e, "ALICE"),
        (
            " DEFAULT-GROUP=SYS1     PASSDATE=26.329 PASS-INTERVAL= 60 PHRASEDATE=N/A".into(),
            " ATTRIBUTES=REVOKED".into()
        )
    );
    admin(&mut e, &["ALTUSER ALICE RESUME"]);
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Ok);
    // SETROPTS LIST shows the options; NOREVOKE turns revocation off.
    let o = e.execute("IBMUSER", "SETROPTS LIST");
    let at = o
        .lines
        .iter()
        .position(|l| l == "PASSWORD PROCESSING OPTIONS:");
    let password: Vec<&str> = at
        .map(|i| o.lines[i + 2..i + 8].iter().map(String::as_str).collect())
        .unwrap_or_default();
    assert_eq!(
        password,
        [
            "  PASSWORD CHANGE INTERVAL IS  60 DAYS.",
            "  PASSWORD MINIMUM CHANGE INTERVAL IS   0 DAYS.",
            "  MIXED CASE PASSWORD SUPPORT IS NOT IN EFFECT",
            "  SPECIAL CHARACTERS ARE NOT ALLOWED.",
            "  NO PASSWORD HISTORY BEING MAINTAINED.",
            "  AFTER   3 CONSECUTIVE UNSUCCESSFUL PASSWORD ATTEMPTS,",
        ]
    );
    admin(&mut e, &["SETROPTS PASSWORD(NOREVOKE)"]);
    let o = e.execute("IBMUSER", "SETROPTS LIST");
    assert_eq!(o.lines[2], "ACTIVE CLASSES = DIGTCERT DIGTRING FACILITY");
    assert!(o
        .lines
        .contains(&"  USERIDS NOT BEING AUTOMATICALLY REVOKED.".to_string()));
    let o = e.execute("IBMUSER", "SETROPTS PASSWORD(INTERVAL(0))");
    assert_eq!(
        (o.lines, o.rc),
        (vec!["IKJ56702I INVALID INTERVAL, 0".to_string()], 12)
    );
}

#[test]
fn passwords_expire_after_the_interval() {
    let mut e = engine();
    admin(
        &mut e,
        &[
            "ADDUSER ALICE PASSWORD(GOOD) NOEXPIRED",
            "SETROPTS PASSWORD(INTERVAL(30))",
        ],
    );
    let store = e.into_store();
    let mut later = Engine::new(
        store,
        Clock::Fixed(datetime!(2026-12-24 10:00 UTC)),
        Config::default(),
    );
    assert_eq!(logon(&mut later, "ALICE", "GOOD"), Logon::Ok);
    let store = later.into_store();
    let mut later = Engine::new(
        store,
        Clock::Fixed(datetime!(2026-12-25 10:00 UTC)),
        Config::default(),
    );
    assert_eq!(logon(&mut later, "ALICE", "GOOD"), Logon::Expired);
}

/// No password or phrase ever reaches an output line, the parsed command's debug form, or
/// the store file: only salted hashes are kept.
#[test]
fn secrets_never_stored_or_shown() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("racf.db");
    let mut e = Engine::new(
        Store::open(&path).expect("store"),
        Clock::Fixed(NOW),
        Config::default(),
    );
    let cmds = [
        "ADDUSER ALICE PASSWORD(TOPSECRT) PHRASE('Purple 42 monkeys dance')",
        "ALTUSER ALICE PASSWORD(NEWSECRT) NOEXPIRED",
        "ALTUSER ALICE PASSWORD(BADSECRET99)",
        "ALTUSER ALICE PHRASE('alice 42 short')",
        "LISTUSER ALICE",
    ];
    let secrets = [
        "TOPSECRT",
        "Purple 42 monkeys dance",
        "NEWSECRT",
        "BADSECRET99",
        "alice 42 short",
    ];
    for c in cmds {
        let parsed = format!("{:?}", racemu_command::parse(c));
        let o = e.execute("IBMUSER", c);
        for s in secrets {
            assert!(!parsed.contains(s), "{c}: parsed form shows {s}");
            assert!(
                o.lines.iter().all(|l| !l.contains(s)),
                "{c}: output shows {s}"
            );
        }
    }
    assert_eq!(logon(&mut e, "ALICE", "NEWSECRT"), Logon::Ok);
    drop(e);
    for file in ["racf.db", "racf.db-wal"] {
        if let Ok(bytes) = std::fs::read(dir.path().join(file)) {
            let text = String::from_utf8_lossy(&bytes);
            for s in secrets {
                assert!(!text.contains(s), "{file} holds {s}");
            }
            assert!(file == "racf.db-wal" || text.contains("$argon2id$"));
        }
    }
}

/// An expired password is renewed at logon: the old one must be right, the new one must
/// follow RACF's rules and differ from the current one.
#[test]
fn expired_password_changed_at_logon() {
    let mut e = engine();
    let change = |e: &mut Engine, old: &str, new: &str| {
        e.change_at_logon("IBMUSER", old, new).expect("store")
    };
    assert_eq!(change(&mut e, "WRONG", "NEWPW1"), Logon::Wrong);
    assert_eq!(change(&mut e, "SYS1", "SYS1"), Logon::NewRejected);
    assert_eq!(change(&mut e, "SYS1", "BAD PW"), Logon::NewRejected);
    assert_eq!(logon(&mut e, "IBMUSER", "SYS1"), Logon::Expired);
    assert_eq!(change(&mut e, "sys1", "newpw1"), Logon::Ok);
    assert_eq!(logon(&mut e, "IBMUSER", "NEWPW1"), Logon::Ok);
    assert_eq!(logon(&mut e, "IBMUSER", "SYS1"), Logon::Wrong);
    assert!(listed(&mut e, "IBMUSER").0.contains("PASSDATE=26.329"));
    // A phrase can be set the same way, alongside the password.
    assert_eq!(change(&mut e, "NEWPW1", "Seven 7 blue horses"), Logon::Ok);
    assert_eq!(logon(&mut e, "IBMUSER", "Seven 7 blue horses"), Logon::Ok);
    assert!(listed(&mut e, "IBMUSER").0.ends_with("PHRASEDATE=26.329"));
}

/// An engine over the same store at another instant.
fn at(e: Engine, now: OffsetDateTime) -> Engine {
    Engine::new(e.into_store(), Clock::Fixed(now), Config::default())
}

/// REVOKE(date) and RESUME(date): pending until the day comes; LISTUSER shows them as
/// pyRACF's capture does (`REVOKE DATE=OCTOBER 22, 2023   RESUME DATE=NOVEMBER 2, 2023`).
#[test]
fn revoke_and_resume_dates() {
    let mut e = engine();
    admin(
        &mut e,
        &["ADDUSER ALICE PASSWORD(GOOD) NOEXPIRED REVOKE(12/01/26) RESUME(12/10/26)"],
    );
    let lines = |e: &mut Engine| -> (String, String) {
        let o = e.execute("IBMUSER", "LISTUSER ALICE");
        (o.lines[2].clone(), o.lines[3].clone())
    };
    let dates = " REVOKE DATE=DECEMBER 1, 2026   RESUME DATE=DECEMBER 10, 2026".to_string();
    assert_eq!(lines(&mut e), (" ATTRIBUTES=NONE".into(), dates.clone()));
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Ok);
    let mut e = at(e, datetime!(2026-12-05 10:00 UTC));
    assert_eq!(lines(&mut e), (" ATTRIBUTES=REVOKED".into(), dates));
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Revoked);
    let mut e = at(e, datetime!(2026-12-10 00:01 UTC));
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Ok);
    // REVOKE now with a RESUME date to come.
    admin(&mut e, &["ALTUSER ALICE REVOKE RESUME(01/15/27)"]);
    assert_eq!(
        lines(&mut e),
        (
            " ATTRIBUTES=REVOKED".into(),
            " REVOKE DATE=NONE   RESUME DATE=JANUARY 15, 2027".into()
        )
    );
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Revoked);
    let mut e = at(e, datetime!(2027-01-15 08:00 UTC));
    // Resumed; by now the password is older than the 30-day interval.
    assert_eq!(logon(&mut e, "ALICE", "GOOD"), Logon::Expired);
    // Dates must be calendar dates.
    let o = e.execute("IBMUSER", "ALTUSER ALICE REVOKE(02/29/27)");
    assert_eq!(
        (o.lines, o.rc),
        (vec!["IKJ56702I INVALID DATE, 02/29/27".to_string()], 12)
    );
}

/// The hashes of passwords and phrases set by one seeded engine and by another of the same
/// seed, and by one of another seed.
fn hashes_under(seed: u64) -> (Option<String>, Option<String>) {
    let mut e = Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(NOW),
        Config {
            randomness: racemu_pki::Randomness::seeded_u64(seed),
            ..Config::default()
        },
    );
    admin(
        &mut e,
        &["ADDUSER ALICE PASSWORD(PASSW0RD) PHRASE('ALONG PASSWORD PHRASE 1')"],
    );
    let c = e
        .store()
        .read(|tx| racemu_store::users::credentials(tx, "ALICE"))
        .expect("store")
        .expect("ALICE has credentials");
    (c.password_hash, c.phrase_hash)
}

#[test]
fn salts_come_from_the_engines_randomness() {
    let (pw, ph) = hashes_under(1);
    assert!(pw.is_some() && ph.is_some());
    assert_eq!(
        (pw.clone(), ph.clone()),
        hashes_under(1),
        "a seed gives reproducible salts"
    );
    let (pw2, ph2) = hashes_under(2);
    assert!(pw != pw2 && ph != ph2);
    assert_ne!(pw, ph);
}

//! SURROGAT and JESSPOOL cell by cell: the decisions alone, then through the store with real
//! profiles (e0ze100_Surrogate_job_submission.htm; pdssp.htm and jbotin.htm for JESSPOOL).

use super::*;
use crate::{Clock, Config, Engine};
use racemu_racf::Access::{Alter, None as NoAccess, Read, Update};
use racemu_store::{jobs, Store};

#[test]
fn surrogate_own_jobs_always_others_with_read() {
    assert!(surrogate_decision("ALICE", "ALICE", None));
    assert!(!surrogate_decision("ALICE", "BOB", None));
    assert!(!surrogate_decision("ALICE", "BOB", Some(NoAccess)));
    assert!(surrogate_decision("ALICE", "BOB", Some(Read)));
    assert!(surrogate_decision("ALICE", "BOB", Some(Alter)));
}

#[test]
fn spool_owner_and_submitter_always_others_by_jesspool() {
    // (user, access, needed) for a job BOB runs and CAROL submitted.
    let cell = |user, access, needed| spool_decision(user, "BOB", "CAROL", access, needed);
    assert!(cell("BOB", None, Alter));
    assert!(cell("CAROL", None, Alter));
    assert!(!cell("ALICE", None, Read));
    assert!(!cell("ALICE", Some(NoAccess), Read));
    assert!(cell("ALICE", Some(Read), Read));
    assert!(!cell("ALICE", Some(Read), Alter));
    assert!(!cell("ALICE", Some(Update), Alter));
    assert!(cell("ALICE", Some(Alter), Alter));
}

#[test]
fn resource_names() {
    assert_eq!(surrogat_resource("BOB"), "BOB.SUBMIT");
    assert_eq!(
        jesspool_resource("BOB", "PAYROLL", "JOB00042"),
        "N1.BOB.PAYROLL.JOB00042"
    );
}

/// An engine over a fresh in-memory store after `commands` (issued by IBMUSER, SPECIAL).
fn engine_after(commands: &[&str]) -> Engine {
    let store = Store::open_in_memory().expect("store");
    let mut e = Engine::new(store, Clock::System, Config::default());
    for c in commands {
        let out = e.execute("IBMUSER", c);
        assert!(out.rc <= 4, "{c}: {:?}", out.lines);
    }
    e
}

const USERS: &[&str] = &["ADDUSER ALICE NAME('ALICE SMITH')", "ADDUSER BOB"];

#[test]
fn surrogate_refused_without_a_profile_with_ich408i() {
    let e = engine_after(USERS);
    let c = e
        .store
        .read(|tx| surrogate_check(tx, "ALICE", "BOB"))
        .expect("check");
    assert!(!c.granted);
    // The ID itself is checked through z/OSMF's job log (racemu/tests/zosmf_jobs.rs): the
    // engine's sources write message IDs only in the catalogue.
    let m = c.ich408i.expect("a violation message");
    assert_eq!(
        m.text,
        [
            "USER(ALICE   ) GROUP(SYS1    ) NAME(ALICE SMITH         )",
            "  BOB.SUBMIT CL(SURROGAT)",
            "  INSUFFICIENT ACCESS AUTHORITY",
            "  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )",
        ]
        .join("\n")
    );
    assert_eq!(m.rc, 8);
    let own = e
        .store
        .read(|tx| surrogate_check(tx, "ALICE", "ALICE"))
        .expect("check");
    assert!(own.granted && own.ich408i.is_none());
}

#[test]
fn surrogate_needs_an_active_class_and_read() {
    let mut setup = USERS.to_vec();
    setup.extend([
        "RDEFINE SURROGAT BOB.SUBMIT UACC(NONE)",
        "PERMIT BOB.SUBMIT CLASS(SURROGAT) ID(ALICE) ACCESS(READ)",
    ]);
    let mut e = engine_after(&setup);
    let check = |e: &Engine| {
        e.store
            .read(|tx| surrogate_check(tx, "ALICE", "BOB"))
            .expect("check")
            .granted
    };
    assert!(!check(&e), "SURROGAT is not active");
    assert_eq!(e.execute("IBMUSER", "SETROPTS CLASSACT(SURROGAT)").rc, 0);
    assert!(check(&e));
    assert_eq!(
        e.execute(
            "IBMUSER",
            "PERMIT BOB.SUBMIT CLASS(SURROGAT) ID(ALICE) ACCESS(NONE)"
        )
        .rc,
        0
    );
    assert!(!check(&e), "NONE is not enough");
}

#[test]
fn jesspool_own_job_and_another_users_with_and_without_a_profile() {
    let mut e = engine_after(USERS);
    let job = e
        .store
        .transaction(|tx| jobs::submit(tx, "PAY", "BOB", "BOB", "//PAY JOB\n", "t"))
        .expect("job");
    let allowed = |e: &Engine, user: &str, needed| {
        e.store
            .read(|tx| spool_allowed(tx, user, &job, needed))
            .expect("check")
    };
    assert!(allowed(&e, "BOB", Alter), "the owner purges its own job");
    assert!(!allowed(&e, "ALICE", Read), "no JESSPOOL profile");
    for c in [
        "SETROPTS CLASSACT(JESSPOOL) GENERIC(JESSPOOL)",
        "RDEFINE JESSPOOL N1.BOB.** UACC(NONE)",
        "PERMIT N1.BOB.** CLASS(JESSPOOL) ID(ALICE) ACCESS(READ)",
    ] {
        assert!(e.execute("IBMUSER", c).rc <= 4, "{c}");
    }
    assert!(allowed(&e, "ALICE", Read), "READ sees");
    assert!(!allowed(&e, "ALICE", Alter), "READ does not purge");
    assert!(!allowed(&e, "IBMUSER", Read), "SPECIAL is not special here");
}

#[test]
fn the_submitter_of_a_surrogate_job_sees_and_purges_it() {
    let mut e = engine_after(USERS);
    let job = e
        .store
        .transaction(|tx| jobs::submit(tx, "PAY", "BOB", "ALICE", "//PAY JOB\n", "t"))
        .expect("job");
    assert!(e
        .store
        .read(|tx| spool_allowed(tx, "ALICE", &job, Alter))
        .expect("check"));
}

//! User IDs that were never defined (issue 19, item 4). By default (`racemu setting
//! undefined-ids implicit`) RACDCERT, PERMIT and CONNECT accept them, with one RCM116I note per
//! ID per run, never in SYSTSPRT; under `undefined-ids error` they are refused as z/OS refuses
//! them, except that DELETE and DELRING still remove a deleted user's residual certificates
//! and rings (RACF Command Language Reference, RACDCERT DELETE:
//! <https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.3.0/com.ibm.zos.v2r3.icha400/le-delete.htm>).

use racemu_engine::{Clock, Config, Engine};
use racemu_store::{settings, Store};
use time::macros::datetime;

fn engine(strict: bool) -> Engine {
    let mut store = Store::open_in_memory().expect("store");
    if strict {
        store
            .transaction(|tx| settings::set(tx, settings::Setting::UndefinedIds, "error"))
            .expect("setting");
    }
    Engine::new(
        store,
        Clock::Fixed(datetime!(2026-03-15 10:00 UTC)),
        Config::default(),
    )
}

const NOTE: &str = "RCM116I User ID GHOST is not defined to RACF; racemu treats it as defined \
     (z/OS would refuse it with IRRD102I, ICH06007I or ICH02003I). \
     To refuse undefined IDs as z/OS does: racemu setting undefined-ids error";

#[test]
fn implicit_ids_are_accepted_with_one_note_per_id_per_run() {
    let mut e = engine(false);
    let o = e.execute("IBMUSER", "RACDCERT ID(GHOST) ADDRING(R1)");
    assert_eq!((o.lines.len(), o.rc), (0, 0), "{:?}", o.lines);
    assert_eq!(o.hints, vec![NOTE.to_string()]);
    // The same ID again in this run: accepted, not noted again, whatever the command.
    for cmd in [
        "RACDCERT ID(GHOST) LISTRING(R1)",
        "RDEFINE FACILITY A.B UACC(NONE)",
        "PERMIT A.B CLASS(FACILITY) ID(GHOST) ACCESS(READ)",
        "CONNECT GHOST GROUP(SYS1)",
    ] {
        let o = e.execute("IBMUSER", cmd);
        assert!(o.rc == 0, "{cmd}: {:?}", o.lines);
        assert!(o.hints.is_empty(), "{cmd}: {:?}", o.hints);
        assert!(
            !o.lines.iter().any(|l| l.starts_with("RCM")),
            "{:?}",
            o.lines
        );
    }
    // Another ID is noted once; a defined ID and the issuer's own ID never.
    let o = e.execute(
        "IBMUSER",
        "PERMIT A.B CLASS(FACILITY) ID(GHOST2 IBMUSER) ACCESS(READ)",
    );
    assert_eq!(o.hints.len(), 1, "{:?}", o.hints);
    assert!(o.hints[0].starts_with("RCM116I User ID GHOST2 "));
    let own = e.execute("NEWBIE", "RACDCERT LISTRING(*)");
    assert!(
        !own.hints.iter().any(|h| h.starts_with("RCM116I")),
        "{:?}",
        own.hints
    );
    // A new run notes GHOST again.
    e.begin_run();
    assert_eq!(
        e.execute("IBMUSER", "CONNECT GHOST GROUP(SYS1)").hints,
        vec![NOTE.to_string()]
    );
}

#[test]
fn strict_ids_are_refused_as_zos_refuses_them() {
    let mut e = engine(true);
    let o = e.execute("IBMUSER", "RACDCERT ID(GHOST) ADDRING(R1)");
    assert_eq!(
        (o.lines, o.rc),
        (
            vec!["IRRD102I The user ID specified is not defined to RACF.".to_string()],
            8
        )
    );
    assert_eq!(
        e.execute("IBMUSER", "RDEFINE FACILITY A.B UACC(NONE)").rc,
        0
    );
    // permit.htm: ICH06007I name NOT DEFINED TO RACF; the other IDs are still permitted.
    let o = e.execute(
        "IBMUSER",
        "PERMIT A.B CLASS(FACILITY) ID(GHOST SYS1 IBMUSER) ACCESS(READ)",
    );
    assert_eq!(o.lines[0], "ICH06007I GHOST NOT DEFINED TO RACF");
    assert_eq!(o.rc, 8);
    let list = e.execute("IBMUSER", "RLIST FACILITY A.B AUTHUSER").lines;
    assert!(list.iter().any(|l| l.starts_with("SYS1 ")), "{list:?}");
    assert!(list.iter().any(|l| l.starts_with("IBMUSER ")), "{list:?}");
    assert!(!list.iter().any(|l| l.contains("GHOST")), "{list:?}");
    // connect.htm: ICH02003I userid NOT CONNECTED.
    let o = e.execute("IBMUSER", "CONNECT GHOST GROUP(SYS1)");
    assert_eq!(
        (o.lines, o.rc),
        (vec!["ICH02003I GHOST NOT CONNECTED".to_string()], 8)
    );
    let o = e.execute("IBMUSER", "LISTGRP SYS1");
    assert!(
        !o.lines.iter().any(|l| l.contains("GHOST")),
        "{:?}",
        o.lines
    );
    assert!(o.hints.is_empty());
}

/// A user deleted with DELUSER after its certificates and rings were made under another
/// name's ID: DELETE and DELRING of the residue work under `undefined-ids error`, and the
/// other functions still refuse the ID.
#[test]
fn strict_ids_still_delete_residual_certificates_and_rings() {
    let mut e = engine(false);
    for cmd in [
        "ADDUSER LEAVER",
        "RACDCERT ID(LEAVER) GENCERT SUBJECTSDN(CN('leaver')) WITHLABEL('OLD')",
        "RACDCERT ID(LEAVER) ADDRING(RING1)",
    ] {
        assert_eq!(e.execute("IBMUSER", cmd).rc, 0, "{cmd}");
    }
    // The residue of a user that is gone: rows a DELUSER would have removed, left behind by
    // a store where the user never existed (implicit), then the setting is made strict.
    let store = e.into_store();
    let mut store = store;
    store
        .transaction(|tx| {
            racemu_store::users::delete(tx, "LEAVER")?;
            settings::set(tx, settings::Setting::UndefinedIds, "error")
        })
        .expect("residue");
    let mut e = Engine::new(
        store,
        Clock::Fixed(datetime!(2026-03-15 10:00 UTC)),
        Config::default(),
    );
    let o = e.execute("IBMUSER", "RACDCERT ID(LEAVER) LIST");
    assert_eq!(o.rc, 8, "{:?}", o.lines);
    for cmd in [
        "RACDCERT ID(LEAVER) DELETE(LABEL('OLD'))",
        "RACDCERT ID(LEAVER) DELRING(RING1)",
    ] {
        let o = e.execute("IBMUSER", cmd);
        assert_eq!((o.rc, o.lines.len()), (0, 0), "{cmd}: {:?}", o.lines);
    }
    let o = e.execute("IBMUSER", "RACDCERT ID(LEAVER) DELETE(LABEL('OLD'))");
    assert_eq!(
        (o.lines, o.rc),
        (
            vec!["IRRD107I No matching certificate was found for this user.".to_string()],
            8
        )
    );
}

//! Data set profiles: ADDSD, ALTDSD, DELDSD, LISTDSD, SEARCH, PERMIT without CLASS, SETROPTS
//! PROTECTALL, and RACDCERT's data set opens checked against them (RACF Command Language
//! Reference; Security Administrator's Guide, authseq.htm and protall.htm; Messages and Codes,
//! gk00153.htm for ICH09020I, gk00572.htm for ICH408I DEFINE).

use racemu_engine::{Clock, Config, Engine, Output};
use racemu_store::Store;
use time::macros::datetime;

fn engine() -> Engine {
    let mut e = Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-11-25 10:00 UTC)),
        Config::default(),
    );
    for c in [
        "ADDUSER IZUSVR NAME('z/OSMF server')",
        "ADDUSER ALICE NAME('Alice')",
        "ADDUSER OPER NAME('Operator') OPERATIONS",
        "RDEFINE FACILITY IRR.DIGTCERT.* UACC(CONTROL)",
        "SETROPTS RACLIST(FACILITY) REFRESH",
        "RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('izusvr')) NISTECC WITHLABEL('srv') NOTAFTER(DATE(2030-01-01))",
    ] {
        let o = e.execute("IBMUSER", c);
        assert_eq!(o.rc, 0, "{c}: {:?}", o.lines);
    }
    let o = e.execute(
        "IZUSVR",
        "RACDCERT ID(IZUSVR) EXPORT(LABEL('srv')) DSN('IZUSVR.SRV.P12') FORMAT(PKCS12DER) PASSWORD('secret1')",
    );
    assert_eq!(o.rc, 0, "{:?}", o.lines);
    e
}

fn run(e: &mut Engine, who: &str, cmd: &str) -> Output {
    e.execute(who, cmd)
}

/// Reads the PKCS#12 export (RACDCERT CHECKCERT reads its data set).
const ADD_FROM_P12: &str = "RACDCERT CHECKCERT('IZUSVR.SRV.P12') PASSWORD('secret1')";
/// Adds the export's certificate and key to ALICE (RACDCERT ADD reads its data set).
const STEAL: &str =
    "RACDCERT ID(ALICE) ADD('IZUSVR.SRV.P12') WITHLABEL('stolen') PASSWORD('secret1')";

#[test]
fn a_new_store_stays_open() {
    let mut e = engine();
    let o = run(&mut e, "ALICE", ADD_FROM_P12);
    assert_eq!(o.rc, 0, "{:?}", o.lines);
}

#[test]
fn a_generic_profile_keeps_the_pkcs12_to_its_owner_until_permitted() {
    let mut e = engine();
    let o = run(&mut e, "IBMUSER", "ADDSD 'IZUSVR.**' UACC(NONE)");
    assert_eq!((o.rc, o.lines.len()), (0, 0), "{:?}", o.lines);
    let o = run(&mut e, "ALICE", ADD_FROM_P12);
    assert_eq!(o.rc, 8);
    assert_eq!(
        o.lines,
        [
            "ICH408I USER(ALICE   ) GROUP(SYS1    ) NAME(Alice               )\n  IZUSVR.SRV.P12 CL(DATASET ) VOL(RACEMU)\n  INSUFFICIENT ACCESS AUTHORITY\n  FROM IZUSVR.** (G)\n  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )",
            "IRRD103I Data set IZUSVR.SRV.P12 could not be opened. The request is not processed.",
        ]
    );
    let o = run(&mut e, "ALICE", STEAL);
    assert_eq!(o.rc, 8);
    assert_eq!(
        o.lines[1],
        "IRRD103I Data set IZUSVR.SRV.P12 could not be opened. The request is not processed."
    );
    // The owner by high-level qualifier still reads it.
    let o = run(
        &mut e,
        "IZUSVR",
        "RACDCERT ID(IZUSVR) CHECKCERT('IZUSVR.SRV.P12') PASSWORD('secret1')",
    );
    assert_eq!(o.rc, 0, "{:?}", o.lines);
    // PERMIT without CLASS is for DATASET.
    let o = run(
        &mut e,
        "IBMUSER",
        "PERMIT 'IZUSVR.**' ID(ALICE) ACCESS(READ)",
    );
    assert_eq!((o.rc, o.lines.len()), (0, 0), "{:?}", o.lines);
    // Now the data set opens; ADD goes on to find the certificate already defined (it is
    // IZUSVR's own), which shows RACF let ALICE read it.
    let o = run(&mut e, "ALICE", STEAL);
    assert!(o.lines[0].starts_with("IRRD109I "), "{:?}", o.lines);
    assert_eq!(run(&mut e, "ALICE", ADD_FROM_P12).rc, 0);
    // READ does not let ALICE replace it.
    let o = run(
        &mut e,
        "ALICE",
        "RACDCERT ID(IZUSVR) EXPORT(LABEL('srv')) DSN('IZUSVR.SRV.P12') FORMAT(CERTDER)",
    );
    assert_eq!(o.rc, 8, "{:?}", o.lines);
    assert!(o.lines[0].contains("ACCESS INTENT(UPDATE )  ACCESS ALLOWED(READ   )"));
}

#[test]
fn the_discrete_profile_beats_the_generic_one_and_id_star_applies() {
    let mut e = engine();
    run(&mut e, "IBMUSER", "ADDSD 'IZUSVR.**' UACC(READ)");
    run(&mut e, "IZUSVR", "ADDSD SRV.P12 UACC(NONE)");
    let o = run(&mut e, "ALICE", ADD_FROM_P12);
    assert!(
        o.lines[0].contains("FROM IZUSVR.SRV.P12\n"),
        "{:?}",
        o.lines
    );
    run(&mut e, "IZUSVR", "PERMIT SRV.P12 ID(*) ACCESS(READ)");
    assert_eq!(run(&mut e, "ALICE", ADD_FROM_P12).rc, 0);
}

#[test]
fn protectall_refuses_unprotected_data_sets_except_to_special() {
    let mut e = engine();
    let o = run(&mut e, "IBMUSER", "SETROPTS PROTECTALL(FAILURES) LIST");
    let listing: Vec<&str> = o.lines.iter().flat_map(|l| l.lines()).collect();
    assert!(
        listing.windows(2).any(|w| w
            == [
                "PROTECT-ALL IS ACTIVE, CURRENT OPTIONS:",
                "  PROTECT-ALL FAIL OPTION IS IN EFFECT",
            ]),
        "{listing:?}"
    );
    let o = run(&mut e, "ALICE", ADD_FROM_P12);
    assert_eq!(o.rc, 8);
    assert!(!o.lines[0].contains("FROM"), "{:?}", o.lines);
    assert_eq!(run(&mut e, "IBMUSER", ADD_FROM_P12).rc, 0);
    run(&mut e, "IBMUSER", "SETROPTS PROTECTALL(WARNING)");
    assert_eq!(run(&mut e, "ALICE", ADD_FROM_P12).rc, 0);
    // SETROPTS GENERIC(DATASET) REFRESH is accepted (each command is a new address space,
    // which sees the generic profiles at once; the z/OSMF server is the one that waits).
    assert_eq!(
        run(&mut e, "IBMUSER", "SETROPTS GENERIC(DATASET) REFRESH").rc,
        0
    );
    // Only SPECIAL sets PROTECTALL.
    assert_eq!(run(&mut e, "ALICE", "SETROPTS NOPROTECTALL").rc, 8);
    run(&mut e, "IBMUSER", "SETROPTS NOPROTECTALL");
    let o = run(&mut e, "IBMUSER", "SETROPTS LIST");
    let listing: Vec<&str> = o.lines.iter().flat_map(|l| l.lines()).collect();
    assert!(
        listing.contains(&"PROTECT-ALL OPTION IS NOT IN EFFECT")
            && !listing.iter().any(|l| l.contains("PROTECT-ALL IS ACTIVE")),
        "{listing:?}"
    );
}

#[test]
fn addsd_needs_the_high_level_qualifier_or_special() {
    let mut e = engine();
    let o = run(&mut e, "ALICE", "ADDSD 'IZUSVR.**' UACC(ALTER)");
    assert_eq!(o.rc, 8);
    assert_eq!(
        o.lines,
        ["ICH408I USER(ALICE   ) GROUP(SYS1    ) NAME(Alice               )\n  IZUSVR.** CL(DATASET )\n  DEFINE - INSUFFICIENT AUTHORITY"
            .replace(" CL(DATASET )\n", " CL(DATASET ) VOL(RACEMU)\n")]
    );
    assert_eq!(run(&mut e, "ALICE", "ADDSD 'ALICE.**' UACC(NONE)").rc, 0);
    let o = run(&mut e, "ALICE", "ADDSD 'ALICE.**'");
    assert_eq!(o.lines, ["ICH09005I ALICE.** ALREADY DEFINED TO RACF"]);
}

#[test]
fn deldsd_altdsd_and_their_messages() {
    let mut e = engine();
    run(&mut e, "IBMUSER", "ADDSD 'IZUSVR.**' UACC(NONE)");
    // ALICE may neither alter nor delete IZUSVR's profile.
    let o = run(&mut e, "ALICE", "ALTDSD 'IZUSVR.**' UACC(READ)");
    assert_eq!(o.lines, ["ICH22005I NOT AUTHORIZED TO ALTER IZUSVR.**"]);
    let o = run(&mut e, "ALICE", "DELDSD 'IZUSVR.**'");
    assert_eq!(o.lines, ["ICH09006I NOT AUTHORIZED TO DELETE IZUSVR.**"]);
    // gk00153.htm: a name without generic characters is looked up as a discrete profile.
    let o = run(&mut e, "IBMUSER", "DELDSD 'IZUSVR.SRV.P12'");
    assert_eq!(
        (o.lines.as_slice(), o.rc),
        (
            ["ICH09020I IZUSVR.SRV.P12 NOT DEFINED TO RACF".to_string()].as_slice(),
            8
        )
    );
    let o = run(&mut e, "IBMUSER", "ALTDSD 'IZUSVR.NONE' UACC(READ)");
    assert_eq!(o.lines, ["ICH22001I IZUSVR.NONE NOT DEFINED TO RACF"]);
    assert_eq!(run(&mut e, "IZUSVR", "ALTDSD '**' GENERIC").rc, 8);
    assert_eq!(
        run(&mut e, "IZUSVR", "ALTDSD 'IZUSVR.**' UACC(READ) WARNING").rc,
        0
    );
    assert_eq!(run(&mut e, "IZUSVR", "DD 'IZUSVR.**'").rc, 0);
    let o = run(&mut e, "IZUSVR", "LD DA('IZUSVR.**')");
    assert_eq!(
        o.lines,
        ["ICH35003I NO RACF DESCRIPTION FOUND FOR IZUSVR.**"]
    );
}

#[test]
fn listdsd_generic_all_as_the_owner() {
    let mut e = engine();
    run(
        &mut e,
        "IZUSVR",
        "ADDSD 'IZUSVR.**' UACC(NONE) DATA('server keys') NOTIFY(IZUSVR)",
    );
    run(
        &mut e,
        "IZUSVR",
        "PERMIT 'IZUSVR.**' ID(ALICE) ACCESS(READ)",
    );
    let o = run(
        &mut e,
        "IZUSVR",
        "LISTDSD DATASET('IZUSVR.SRV.P12') GENERIC ALL",
    );
    assert_eq!(o.rc, 0, "{:?}", o.lines);
    let text = o.lines.join("\n");
    assert!(text.starts_with(
        "INFORMATION FOR DATASET IZUSVR.** (G)\n\nLEVEL  OWNER    UNIVERSAL ACCESS   WARNING   ERASE\n-----  -------- ----------------   -------   -----\n 00    IZUSVR          NONE          NO      NO\n\nAUDITING\n--------\nFAILURES(READ)\n\nNOTIFY\n--------\nIZUSVR\n\nYOUR ACCESS  CREATION GROUP  DATASET TYPE\n-----------  --------------  ------------\n   ALTER        SYS1           NON-VSAM\n\nINSTALLATION DATA\n-----------------\nserver keys\n"
    ), "{text}");
    assert!(
        text.contains(" 329    26      NOT APPLICABLE FOR GENERIC PROFILE"),
        "{text}"
    );
    assert!(text.contains("\nALICE      READ\n"), "{text}");
    // ALICE, with READ, sees the profile but not its access list.
    let o = run(&mut e, "ALICE", "LD DA('IZUSVR.SRV.P12') GENERIC ALL");
    assert!(
        o.lines
            .iter()
            .any(|l| l == "    READ        SYS1           NON-VSAM"),
        "{:?}",
        o.lines
    );
    assert!(!o.lines.iter().any(|l| l.starts_with("ALICE ")));
    // Without GENERIC only a profile of exactly that name is listed.
    let o = run(&mut e, "IZUSVR", "LD DA('IZUSVR.SRV.P12')");
    assert_eq!(
        o.lines,
        ["ICH35003I NO RACF DESCRIPTION FOUND FOR IZUSVR.SRV.P12"]
    );
    // PREFIX with nothing to list: ICH35005I, as the real capture shows.
    let o = run(&mut e, "IZUSVR", "LD PREFIX(ZWE)");
    assert_eq!(o.lines, ["ICH35005I NO DATASETS LISTED"]);
}

#[test]
fn search_lists_profile_names() {
    let mut e = engine();
    run(&mut e, "IBMUSER", "ADDSD 'IZUSVR.**' UACC(NONE)");
    run(&mut e, "IBMUSER", "ADDSD 'IZUSVR.SRV.P12' UACC(NONE)");
    let o = run(&mut e, "IBMUSER", "SEARCH FILTER(IZUSVR.**)");
    assert_eq!(o.lines, ["IZUSVR.** (G)", "IZUSVR.SRV.P12"]);
    let o = run(&mut e, "IBMUSER", "SEARCH MASK(IZUSVR) GENERIC");
    assert_eq!(o.lines, ["IZUSVR.** (G)"]);
    let o = run(&mut e, "IBMUSER", "SR FILTER(ZWE.**)");
    assert_eq!(
        (o.lines.as_slice(), o.rc),
        (
            ["ICH31005I NO ENTRIES MEET SEARCH CRITERIA".to_string()].as_slice(),
            4
        )
    );
    let o = run(&mut e, "ALICE", "SEARCH FILTER(IZUSVR.**)");
    assert_eq!(o.rc, 4);
}

#[test]
fn operations_reaches_data_sets_unless_the_access_list_names_the_user() {
    let mut e = engine();
    run(&mut e, "IBMUSER", "ADDSD 'IZUSVR.**' UACC(NONE)");
    let read = ADD_FROM_P12;
    assert_eq!(run(&mut e, "OPER", read).rc, 0);
    run(
        &mut e,
        "IBMUSER",
        "PERMIT 'IZUSVR.**' ID(OPER) ACCESS(NONE)",
    );
    assert_eq!(run(&mut e, "OPER", read).rc, 8);
}

/// The ICH408I RACF issues for an access allowed only by WARNING.
fn warning(dsn: &str, from: Option<&str>, intent: &str) -> String {
    let from = from.map(|f| format!("  FROM {f}\n")).unwrap_or_default();
    format!(
        "ICH408I USER(ALICE   ) GROUP(SYS1    ) NAME(Alice               )\n  {dsn} CL(DATASET ) VOL(RACEMU)\n  WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED\n{from}  ACCESS INTENT({intent:<7})  ACCESS ALLOWED(NONE   )"
    )
}

/// RACDCERT's data set opens let through by WARNING go ahead and print RACF's warning ICH408I
/// first in the output: ADD and CHECKCERT read (READ), EXPORT and GENREQ write (ALTER to
/// create, UPDATE to replace).
#[test]
fn racdcert_let_through_by_warning_prints_ich408i() {
    let mut e = engine();
    run(&mut e, "IBMUSER", "ADDSD 'IZUSVR.**' UACC(NONE) WARNING");
    let o = run(&mut e, "ALICE", ADD_FROM_P12);
    assert_eq!(o.rc, 0, "{:?}", o.lines);
    assert_eq!(
        o.lines[0],
        warning("IZUSVR.SRV.P12", Some("IZUSVR.** (G)"), "READ")
    );
    assert!(o.lines.len() > 1, "CHECKCERT's listing follows");
    // ADD reads the data set (the warning), then fails on its own (the certificate is
    // IZUSVR's already): the warning stays, the failure follows it.
    let o = run(&mut e, "ALICE", STEAL);
    assert_eq!(
        (o.rc, o.lines[0].as_str()),
        (
            8,
            warning("IZUSVR.SRV.P12", Some("IZUSVR.** (G)"), "READ").as_str()
        )
    );
    assert!(o.lines[1].starts_with("IRRD109I"), "{:?}", o.lines);
    let export = "RACDCERT ID(IZUSVR) EXPORT(LABEL('srv')) DSN('IZUSVR.COPY.PEM') FORMAT(CERTB64)";
    let o = run(&mut e, "ALICE", export);
    assert_eq!(
        (o.rc, o.lines.as_slice()),
        (
            0,
            [warning("IZUSVR.COPY.PEM", Some("IZUSVR.** (G)"), "ALTER")].as_slice()
        )
    );
    let o = run(&mut e, "ALICE", export);
    assert_eq!(
        o.lines,
        [warning("IZUSVR.COPY.PEM", Some("IZUSVR.** (G)"), "UPDATE")]
    );
    let o = run(
        &mut e,
        "ALICE",
        "RACDCERT ID(IZUSVR) GENREQ(LABEL('srv')) DSN('IZUSVR.SRV.REQ')",
    );
    assert_eq!(
        (o.rc, o.lines.as_slice()),
        (
            0,
            [warning("IZUSVR.SRV.REQ", Some("IZUSVR.** (G)"), "ALTER")].as_slice()
        )
    );
    // PROTECTALL(WARNING) with no covering profile: the same warning, without FROM.
    run(&mut e, "IBMUSER", "DELDSD 'IZUSVR.**'");
    run(&mut e, "IBMUSER", "SETROPTS PROTECTALL(WARNING)");
    let o = run(&mut e, "ALICE", ADD_FROM_P12);
    assert_eq!(o.lines[0], warning("IZUSVR.SRV.P12", None, "READ"));
    // A refusal after the warning still shows it: the warning is RACF's, the failure
    // RACDCERT's.
    let o = run(
        &mut e,
        "ALICE",
        "RACDCERT CHECKCERT('IZUSVR.SRV.P12') PASSWORD('wrong')",
    );
    assert_eq!(o.lines[0], warning("IZUSVR.SRV.P12", None, "READ"));
    assert!(o.rc >= 8, "{:?}", o.lines);
}

/// Generic profiles protect only while generic profile checking is active for DATASET:
/// after SETROPTS NOGENERIC(DATASET) only discrete profiles (and PROTECTALL) apply, until
/// SETROPTS GENERIC(DATASET) (genproc.htm). GENERIC(DATASET) REFRESH refreshes and does not
/// activate (refgen.htm).
#[test]
fn nogeneric_dataset_leaves_only_discrete_profiles() {
    let mut e = engine();
    run(&mut e, "IBMUSER", "ADDSD 'IZUSVR.**' UACC(NONE)");
    assert_eq!(run(&mut e, "ALICE", ADD_FROM_P12).rc, 8);
    assert_eq!(run(&mut e, "IBMUSER", "SETROPTS NOGENERIC(DATASET)").rc, 0);
    assert_eq!(run(&mut e, "ALICE", ADD_FROM_P12).rc, 0);
    assert_eq!(
        run(&mut e, "IBMUSER", "SETROPTS GENERIC(DATASET) REFRESH").rc,
        0
    );
    assert_eq!(
        run(&mut e, "ALICE", ADD_FROM_P12).rc,
        0,
        "REFRESH does not activate generic checking"
    );
    // A discrete profile still protects.
    run(&mut e, "IZUSVR", "ADDSD 'IZUSVR.SRV.P12' UACC(NONE)");
    let o = run(&mut e, "ALICE", ADD_FROM_P12);
    assert_eq!(o.rc, 8);
    assert!(
        o.lines[0].contains("FROM IZUSVR.SRV.P12\n"),
        "{:?}",
        o.lines
    );
    run(&mut e, "IZUSVR", "DELDSD 'IZUSVR.SRV.P12'");
    assert_eq!(run(&mut e, "ALICE", ADD_FROM_P12).rc, 0);
    // With neither GENERIC nor GENCMD, generic profiles cannot be defined, altered or
    // deleted (gk00167.htm, gk00424.htm); GENCMD alone allows it.
    let o = run(&mut e, "IZUSVR", "ADDSD 'IZUSVR.KEYS.*' UACC(NONE)");
    assert_eq!(
        (o.rc, o.lines.as_slice()),
        (
            8,
            ["ICH09034I GENERIC INVALID, GENERIC COMMAND PROCESSING IS INACTIVE".to_string()]
                .as_slice()
        )
    );
    let o = run(&mut e, "IZUSVR", "ALTDSD 'IZUSVR.**' UACC(READ)");
    assert_eq!(
        o.lines,
        ["ICH22020I GENERIC INVALID, GENERIC COMMAND PROCESSING NOT ACTIVE"]
    );
    let o = run(&mut e, "IZUSVR", "DELDSD 'IZUSVR.**'");
    assert_eq!(
        o.lines,
        ["ICH09034I GENERIC INVALID, GENERIC COMMAND PROCESSING IS INACTIVE"]
    );
    let o = run(
        &mut e,
        "IZUSVR",
        "PERMIT 'IZUSVR.**' ID(ALICE) ACCESS(READ)",
    );
    assert_eq!(
        (o.rc, o.lines.as_slice()),
        (
            8,
            ["ICH06010I GENERIC INVALID, GENERIC COMMAND PROCESSING IS INACTIVE.".to_string()]
                .as_slice()
        )
    );
    assert_eq!(run(&mut e, "IBMUSER", "SETROPTS GENCMD(DATASET)").rc, 0);
    assert_eq!(
        run(&mut e, "IZUSVR", "ADDSD 'IZUSVR.KEYS.*' UACC(NONE)").rc,
        0
    );
    assert_eq!(
        run(&mut e, "ALICE", ADD_FROM_P12).rc,
        0,
        "still not checked"
    );
    assert_eq!(run(&mut e, "IBMUSER", "SETROPTS GENERIC(DATASET)").rc, 0);
    let o = run(&mut e, "ALICE", ADD_FROM_P12);
    assert_eq!(o.rc, 8);
    assert!(o.lines[0].contains("FROM IZUSVR.** (G)\n"), "{:?}", o.lines);
}

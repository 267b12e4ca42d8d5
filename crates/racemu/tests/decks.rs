//! The sample decks in racdcert-scripts/ against their expected SYSTSPRT, and the real
//! public decks in tests/decks/ run unchanged.

mod common;
use common::*;

const DEFAULT_NOW: &str = "2026-11-25T10:00:00Z";

/// `//* RACEMU-NOW: <timestamp>` in a deck sets the clock it runs with.
fn deck_now(text: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix("//* RACEMU-NOW:"))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| DEFAULT_NOW.to_string())
}

#[test]
fn sample_scripts_match_expected_systsprt() {
    let dir = root().join("racdcert-scripts");
    let mut decks: Vec<_> = std::fs::read_dir(&dir)
        .expect("racdcert-scripts")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jcl"))
        .collect();
    decks.sort();
    assert!(decks.len() >= 4, "the seed scenarios are all there");
    let bless = std::env::var_os("RACEMU_BLESS").is_some();
    for deck in decks {
        let tmp = tempfile::tempdir().expect("tmp");
        let db = tmp.path().join("racf.db");
        let text = std::fs::read_to_string(&deck).expect("deck");
        let run = racemu(
            &db,
            &deck_now(&text),
            &["run", deck.to_str().expect("path")],
            None,
        );
        let expected_path = deck.with_extension("systsprt");
        let got = normalise(&run.stdout);
        if bless {
            std::fs::write(&expected_path, got.join("\n") + "\n").expect("bless");
            continue;
        }
        let want_text = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no expected SYSTSPRT", deck.display()));
        let want = normalise(&want_text);
        for (i, (g, w)) in got.iter().zip(want.iter()).enumerate() {
            assert_eq!(g, w, "{}: line {} differs", deck.display(), i + 1);
        }
        assert_eq!(got.len(), want.len(), "{}: line count", deck.display());
        assert_eq!(run.code, 0, "{}: condition code", deck.display());
    }
}

#[test]
fn zowe_zwekring_runs_unchanged_and_fails_where_racf_fails() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let deck = tmp.path().join("zwekring.jcl");
    std::fs::write(&deck, real_deck("zowe-zwekring.jcl")).expect("write");
    let run = racemu(
        &db,
        DEFAULT_NOW,
        &["run", deck.to_str().expect("path")],
        None,
    );
    // Real RACF with the sample's empty IPADDRES: the GENCERT fails in TSO parse, the
    // CONNECT of its label then finds nothing (zowe-install-packaging issue #3980).
    let out = normalise(&run.stdout);
    let i = out
        .iter()
        .position(|l| l == "IKJ56701I MISSING Internet Protocol (IP) Address+")
        .expect("IP() is rejected");
    assert!(out[i + 1].starts_with(
        "IKJ56701I MISSING The Internet Protocol (IP) Address in either IPv4 or IPv6 form"
    ));
    let c = out
        .iter()
        .position(|l| l == "   RACDCERT CONNECT(ID(ZWESVUSR)   LABEL('localhost') RING(ZoweKeyring) USAGE(PERSONAL) DEFAULT) ID(ZWESVUSR)")
        .expect("CONNECT echoed as on z/OS");
    assert_eq!(
        out[c + 1],
        "IRRD107I No matching certificate was found for this user."
    );
    assert_eq!(run.code, 0, "the job ends RC 0 by design (PROFILE last)");
    // The RDATALIB part: RLIST shows the access the deck granted.
    let r = out
        .iter()
        .position(|l| l == "   RLIST  RDATALIB ZWESVUSR.ZoweKeyring.LST   ALL")
        .expect("RLIST echoed");
    assert_eq!(out[r + 3], "RDATALIB   ZWESVUSR.ZOWEKEYRING.LST");
    assert!(out[r..].contains(&"ZWESVUSR  CONTROL     000000".to_string()));
    assert!(run
        .stderr
        .contains("IEF142I ZWEKRING RUNOPT1 - STEP WAS EXECUTED - COND CODE 0000"));
    assert!(run.stderr.contains("RUNOPT2 - STEP WAS NOT RUN"));
}

#[test]
fn zowe_zwekring_with_an_ip_address_builds_the_whole_ring() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let deck = tmp.path().join("zwekring.jcl");
    let text = real_deck("zowe-zwekring.jcl")
        .replace("SET IPADDRES=''", "SET IPADDRES='10.1.1.2'")
        .replace("SET HOSTNAME=''", "SET HOSTNAME='zos.example.com'");
    std::fs::write(&deck, text).expect("write");
    let run = racemu(
        &db,
        DEFAULT_NOW,
        &["run", deck.to_str().expect("path")],
        None,
    );
    let out = normalise(&run.stdout);
    let want = [
        "Digital ring information for user ZWESVUSR:",
        "",
        "  Ring:",
        "       >ZoweKeyring<",
        "  Certificate Label Name             Cert Owner     USAGE      DEFAULT",
        "  --------------------------------   ------------   --------   -------",
        "  localca                            CERTAUTH       CERTAUTH     NO",
        "  localhost                          ID(ZWESVUSR)   PERSONAL     YES",
    ];
    let start = out
        .iter()
        .position(|l| l == want[0])
        .expect("LISTRING printed");
    assert_eq!(&out[start..start + want.len()], &want);
    // The server certificate carries the SAN and chains to the CA: openssl agrees.
    let ca = tmp.path().join("ca.pem");
    let leaf = tmp.path().join("leaf.pem");
    write_pem(&ca, &cert_der(&db, "irrcerta", "localca"));
    write_pem(&leaf, &cert_der(&db, "ZWESVUSR", "localhost"));
    let (ok, v) = openssl(&[
        "verify",
        "-CAfile",
        ca.to_str().expect("p"),
        leaf.to_str().expect("p"),
    ]);
    assert!(ok, "{v}");
    let (_, text) = openssl(&["x509", "-in", leaf.to_str().expect("p"), "-noout", "-text"]);
    assert!(text.contains("IP Address:10.1.1.2"), "{text}");
    assert!(text.contains("DNS:zos.example.com"), "{text}");
    assert!(text.contains("Serial Number: 1 (0x1)"), "{text}");
}

#[test]
fn zcee_zceetlss_runs_unchanged() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let deck = tmp.path().join("d.jcl");
    std::fs::write(&deck, real_deck("zcee-zceetlss.jcl")).expect("write");
    // NOTAFTER(DATE(2022/12/31)): run it when the workshop did.
    let run = racemu(
        &db,
        "2022-06-01T09:00:00Z",
        &["run", deck.to_str().expect("path")],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    let list = racemu(
        &db,
        "2022-06-01T09:00:00Z",
        &["exec", "RACDCERT ID(LIBSERV) LISTRING(Liberty.KeyRing)"],
        None,
    );
    let out = normalise(&list.stdout);
    assert!(
        out.contains(
            &"  Liberty Client Cert                ID(LIBSERV)    PERSONAL     YES".to_string()
        ),
        "{out:?}"
    );
    assert!(
        out.contains(
            &"  Liberty CA                         CERTAUTH       CERTAUTH     NO".to_string()
        ),
        "{out:?}"
    );
}

#[test]
fn zowe_zwekring_2020_rejects_the_undoubled_apostrophe_and_goes_on() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let deck = tmp.path().join("d.jcl");
    std::fs::write(&deck, real_deck("zowe-zwekring-2020.jcl")).expect("write");
    let run = racemu(
        &db,
        DEFAULT_NOW,
        &["run", deck.to_str().expect("path")],
        None,
    );
    let out = normalise(&run.stdout);
    // The continued command is joined, then TSO parse rejects the unbalanced quote.
    let i = out
        .iter()
        .position(|l| {
            l.contains(
                "LABEL('>>>provide label of zosmf's root CA<<<') RING(ZoweKeyring)) ID(ZWESVUSR)",
            )
        })
        .expect("joined echo");
    assert!(out[i + 1].starts_with("IKJ56702I"), "{}", out[i + 1]);
    // Everything else runs: the ring ends up with the CA and the JWT certificate.
    assert!(out.contains(
        &"  jwtsecret                          ID(ZWESVUSR)   PERSONAL     NO".to_string()
    ));
    assert_eq!(run.code, 0);
}

#[test]
fn systsin_member_runs_with_sysin_flag() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    let member = tmp.path().join("delocert.txt");
    std::fs::write(&member, real_deck("colinpaice-delocert.sysin.jcl")).expect("write");
    let run = racemu(
        &db,
        DEFAULT_NOW,
        &["run", "--sysin", member.to_str().expect("p")],
        None,
    );
    let out = normalise(&run.stdout);
    // The IBM default CERTAUTH set is not in a new store: each DELETE says so, as RACF does.
    let deletes = out
        .iter()
        .filter(|l| l.starts_with("RACDCERT DELETE (LABEL("))
        .count();
    let misses = out
        .iter()
        .filter(|l| *l == "IRRD107I No matching certificate was found for this user.")
        .count();
    assert!(deletes >= 15, "{out:?}");
    assert_eq!(deletes, misses);
    assert_eq!(out.last().map(String::as_str), Some("END"));
}

/// Runs `racemu run deck` with no `--now` and no `$RACEMU_NOW` (row 1.3 of the newcomer
/// trial): standard output, standard error without the new-store line, exit code.
fn run_without_now(
    db: &std::path::Path,
    deck: &std::path::Path,
) -> (Vec<String>, Vec<String>, i32) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_racemu"))
        .arg("--db")
        .arg(db)
        .arg("run")
        .arg(deck)
        .env_remove("RACEMU_DB")
        .env_remove("RACEMU_NOW")
        .env("RACEMU_SEED", SEED)
        .output()
        .expect("racemu runs");
    let log = normalise(&String::from_utf8_lossy(&out.stderr))
        .into_iter()
        .filter(|l| !l.starts_with("racemu: RCM200I "))
        .collect();
    (
        normalise(&String::from_utf8_lossy(&out.stdout)),
        log,
        out.status.code().unwrap_or(-1),
    )
}

/// A sample deck whose dates need a fixed clock carries `//* RACEMU-NOW:`; `racemu run` takes
/// its clock from it when no `--now` is given, says so in the job log (RCM123I), and matches
/// the deck's golden SYSTSPRT on any date. `--now` still wins.
#[test]
fn run_takes_its_clock_from_the_decks_racemu_now_comment() {
    let tmp = tempfile::tempdir().expect("tmp");
    let deck = root().join("racdcert-scripts/msgbroker.jcl");
    let (out, log, code) = run_without_now(&tmp.path().join("a.db"), &deck);
    let want =
        normalise(&std::fs::read_to_string(deck.with_extension("systsprt")).expect("golden"));
    assert_eq!(out, want);
    assert_eq!(code, 0);
    assert_eq!(
        log.first().map(String::as_str),
        Some(
            "RCM123I THE CLOCK IS 2010-06-01T09:00:00Z, FROM THE DECK'S //* RACEMU-NOW: COMMENT; \
             --now OR $RACEMU_NOW OVERRIDES IT"
        )
    );
    // --now on the command line wins: today's clock, and the deck's dates fail as on z/OS.
    let run = racemu(
        &tmp.path().join("b.db"),
        DEFAULT_NOW,
        &["run", deck.to_str().expect("path")],
        None,
    );
    assert!(run.stdout.contains("IRRD133I"), "{}", run.stdout);
    assert!(!run.stderr.contains("RCM123I"), "{}", run.stderr);
}

//! A PKCS#12 export kept to its owner by a DATASET profile, through every way racemu opens a
//! data set from outside a job: z/OSMF's restfiles with curl (as the logged-on user) and
//! `racemu ds get|put|rm` as `--user` (RACF Command Language Reference, ADDSD and PERMIT;
//! Security Administrator's Guide, authseq.htm; z/OSMF REST files error categories,
//! IZUHPINFO_API_RESTFILES_Error_Categories.htm).

mod common;

use common::racemu;
use common::real_now;
use common::zosmf::start;

const EXPORT: &str = "RACDCERT ID(IZUSVR) EXPORT(LABEL('DefaultzOSMFCert.IZUDFLT')) DSN('IZUSVR.SRV.P12') FORMAT(PKCS12DER) PASSWORD('secret1')";
const P12: &str = "/zosmf/restfiles/ds/IZUSVR.SRV.P12";

/// The exported PKCS#12, read in binary through restfiles as `user` (`USER:PASSWORD`):
/// (HTTP status, body).
fn get_p12(z: &common::zosmf::Zosmf, user: &str) -> (u16, Vec<u8>) {
    let url = z.url(P12);
    z.curl(&[
        "-u",
        user,
        "-H",
        "X-CSRF-ZOSMF-HEADER: true",
        "-H",
        "X-IBM-Data-Type: binary",
        &url,
    ])
}

#[test]
fn zosmf_and_ds_open_the_pkcs12_only_as_racf_allows() {
    let z = start();
    z.exec(EXPORT);
    let get = |user: &str| get_p12(&z, user);
    // A new store is as open as before: any user reads it.
    let (status, body) = get("ZOSUSR:SECRET1");
    assert_eq!(status, 200);
    assert!(body.len() > 100);
    // The server already holds ZOSUSR's generic profiles for IZUSVR (none): the new profile
    // reaches it with SETROPTS GENERIC(DATASET) REFRESH, as on z/OS.
    z.exec("ADDSD 'IZUSVR.**' UACC(NONE)\nSETROPTS GENERIC(DATASET) REFRESH");
    let (status, body) = get("ZOSUSR:SECRET1");
    assert_eq!(status, 500, "{}", String::from_utf8_lossy(&body));
    let v: serde_json::Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(
        (v["category"].as_u64(), v["rc"].as_u64()),
        (Some(6), Some(8))
    );
    assert_eq!(
        v["details"][0],
        "ICH408I USER(ZOSUSR  ) GROUP(SYS1    ) NAME(                    )"
    );
    assert_eq!(v["details"][3], "  FROM IZUSVR.** (G)");
    // Nor may ZOSUSR delete or overwrite it.
    let (status, _) = z.json("DELETE", P12, None);
    assert_eq!(status, 500);
    let (status, _) = z.json("PUT", P12, Some("x"));
    assert_eq!(status, 500);
    // racemu ds as ZOSUSR is refused the same way.
    let out = z.tmp.path().join("srv.p12");
    let out = out.to_str().expect("utf-8");
    let ds = |user: &str, args: &[&str]| {
        let mut all = vec!["--user", user, "ds"];
        all.extend_from_slice(args);
        racemu(&z.db(), &real_now(), &all, None)
    };
    let r = ds("ZOSUSR", &["get", "'IZUSVR.SRV.P12'", out]);
    assert_eq!(r.code, 12);
    assert!(
        r.stderr.starts_with("ICH408I USER(ZOSUSR  )"),
        "{}",
        r.stderr
    );
    assert_eq!(ds("ZOSUSR", &["rm", "'IZUSVR.SRV.P12'"]).code, 12);
    // IZUSVR, the owner by high-level qualifier, still reads it.
    assert_eq!(ds("IZUSVR", &["get", "'IZUSVR.SRV.P12'", out]).code, 0);
    // Once PERMITted READ, ZOSUSR reads it, but still may not delete it.
    z.exec("PERMIT 'IZUSVR.**' ID(ZOSUSR) ACCESS(READ)\nSETROPTS GENERIC(DATASET) REFRESH");
    let (status, body) = get("ZOSUSR:SECRET1");
    assert_eq!(status, 200);
    assert!(body.len() > 100);
    assert_eq!(ds("ZOSUSR", &["get", "'IZUSVR.SRV.P12'", out]).code, 0);
    let (status, _) = z.json("DELETE", P12, None);
    assert_eq!(status, 500);
    // ALTER lets ZOSUSR delete it.
    z.exec("PERMIT 'IZUSVR.**' ID(ZOSUSR) ACCESS(ALTER)\nSETROPTS GENERIC(DATASET) REFRESH");
    let (status, _) = z.json("DELETE", P12, None);
    assert_eq!(status, 204);
}

/// An access allowed only by WARNING goes ahead everywhere, and RACF's warning ICH408I goes
/// where z/OS sends it for that path: z/OSMF's server log (the console and the server's job
/// log on z/OS; the REST client sees a plain 200), `racemu ds` standard error.
#[test]
fn warning_mode_lets_zosmf_and_ds_through_with_ich408i() {
    let z = start();
    z.exec(EXPORT);
    z.exec("ADDSD 'IZUSVR.**' UACC(NONE) WARNING");
    let url = z.url(P12);
    let (status, body) = z.curl(&[
        "-u",
        "ZOSUSR:SECRET1",
        "-H",
        "X-CSRF-ZOSMF-HEADER: true",
        "-H",
        "X-IBM-Data-Type: binary",
        &url,
    ]);
    assert_eq!(status, 200);
    assert!(body.len() > 100);
    let expected = [
        "ICH408I USER(ZOSUSR  ) GROUP(SYS1    ) NAME(                    )",
        "  IZUSVR.SRV.P12 CL(DATASET ) VOL(RACEMU)",
        "  WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED",
        "  FROM IZUSVR.** (G)",
        "  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )",
    ];
    let mut logged = Vec::new();
    for _ in 0..50 {
        logged = z
            .log
            .lock()
            .map(|l| l.clone())
            .unwrap_or_default()
            .iter()
            .filter_map(|l| l.split_once(" racemu zosmf: ").map(|(_, m)| m.to_string()))
            .filter(|m| m.starts_with("ICH408I") || m.starts_with("  "))
            .collect();
        if logged.len() >= expected.len() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(logged, expected);
    let out = z.tmp.path().join("srv.p12");
    let r = racemu(
        &z.db(),
        &real_now(),
        &[
            "--user",
            "ZOSUSR",
            "ds",
            "get",
            "'IZUSVR.SRV.P12'",
            out.to_str().expect("utf-8"),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr.lines().collect::<Vec<_>>(), expected);
}

/// The z/OSMF server is one long-lived address space: a user's generic profiles for a
/// high-level qualifier are loaded at the user's first request and kept, so a new or changed
/// generic profile reaches it only after SETROPTS GENERIC(DATASET) REFRESH (ALTDSD,
/// altdsd.htm; refgen.htm; per_gen_prof.htm). A user's first request loads the current
/// profiles; discrete profiles and every new address space (`racemu ds`) see changes at once.
#[test]
fn the_zosmf_server_sees_new_generic_profiles_after_generic_refresh() {
    let z = start();
    z.exec(EXPORT);
    let get = |user: &str| get_p12(&z, user).0;
    let out = z.tmp.path().join("srv.p12");
    let ds_get = |user: &str| {
        racemu(
            &z.db(),
            &real_now(),
            &[
                "--user",
                user,
                "ds",
                "get",
                "'IZUSVR.SRV.P12'",
                out.to_str().expect("utf-8"),
            ],
            None,
        )
        .code
    };
    assert_eq!(get("ZOSUSR:SECRET1"), 200);
    z.exec("ADDSD 'IZUSVR.**' UACC(NONE)");
    // ZOSUSR's list for IZUSVR was loaded before the profile existed.
    assert_eq!(get("ZOSUSR:SECRET1"), 200);
    // VICTIM's first request loads the lists now: the profile applies.
    assert_eq!(get("VICTIM:SECRET3"), 500);
    // A new address space sees it at once.
    assert_eq!(ds_get("ZOSUSR"), 12);
    z.exec("SETROPTS GENERIC(DATASET) REFRESH");
    assert_eq!(get("ZOSUSR:SECRET1"), 500);
    // A changed access list waits for the refresh too.
    z.exec("PERMIT 'IZUSVR.**' ID(ZOSUSR) ACCESS(READ)");
    assert_eq!(get("ZOSUSR:SECRET1"), 500);
    assert_eq!(ds_get("ZOSUSR"), 0);
    z.exec("SETROPTS GENERIC(DATASET) REFRESH");
    assert_eq!(get("ZOSUSR:SECRET1"), 200);
    // A discrete profile is read from the database at every request.
    z.exec("ADDSD 'IZUSVR.SRV.P12' UACC(NONE)");
    assert_eq!(get("ZOSUSR:SECRET1"), 500);
}

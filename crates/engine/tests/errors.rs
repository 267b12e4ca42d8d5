//! Errors that used to be swallowed reach the user with a message and a return code
//! (issue: "Errors that are swallowed").

use racemu_engine::{Clock, Config, Engine};
use racemu_store::Store;
use time::macros::datetime;

fn engine() -> Engine {
    Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-11-25 10:00 UTC)),
        Config::default(),
    )
}

/// GENCERT from a request takes ALTNAME like plain GENCERT: an IP address that is not one is
/// refused with TSO's message, where it used to be dropped from the certificate silently.
#[test]
fn gencert_from_a_request_refuses_a_bad_ip_address() {
    let mut e = engine();
    for cmd in [
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) NISTECC WITHLABEL('CA')",
        "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv')) NISTECC WITHLABEL('srv')",
        "RACDCERT ID(SRV) GENREQ(LABEL('srv')) DSN('SRV.REQ')",
    ] {
        let o = e.execute("IBMUSER", cmd);
        assert!(o.rc == 0, "{cmd}: {:?}", o.lines);
    }
    let plain = e.execute(
        "IBMUSER",
        "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('x')) ALTNAME(IP(999.1.1.1)) WITHLABEL('x')",
    );
    let from_request = e.execute(
        "IBMUSER",
        "RACDCERT ID(SRV) GENCERT('SRV.REQ') ALTNAME(IP(999.1.1.1)) \
         SIGNWITH(CERTAUTH LABEL('CA')) WITHLABEL('signed')",
    );
    assert_eq!(
        from_request.lines,
        ["IKJ56702I INVALID Internet Protocol (IP) Address, 999.1.1.1"]
    );
    assert_eq!(from_request.rc, 12);
    assert_eq!(
        (plain.lines, plain.rc),
        (from_request.lines, from_request.rc)
    );
    // Nothing was made.
    let o = e.execute("IBMUSER", "RACDCERT ID(SRV) LIST(LABEL('signed'))");
    assert_eq!(o.rc, 4, "{:?}", o.lines);
    // With a good address the request is signed and carries it.
    let o = e.execute(
        "IBMUSER",
        "RACDCERT ID(SRV) GENCERT('SRV.REQ') ALTNAME(IP(10.1.2.3)) \
         SIGNWITH(CERTAUTH LABEL('CA')) WITHLABEL('signed')",
    );
    assert!(o.rc == 0, "{:?}", o.lines);
    let o = e.execute("IBMUSER", "RACDCERT ID(SRV) LIST(LABEL('signed'))");
    assert!(
        o.lines.iter().any(|l| l.trim() == "IP: 10.1.2.3"),
        "{:?}",
        o.lines
    );
}

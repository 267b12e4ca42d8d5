//! The application view: R_datalib access rules and refusals, virtual rings, exports read by
//! keytool and Python, and `keyring serve` against openssl s_client, curl and Python.

mod common;
use common::*;
use racemu::{ClientAuth, Export, Racf, TlsConfigs};
use std::path::Path;
use std::process::Command;

const SETUP: &str = "
RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Ring CA') O('racemu')) NISTECC WITHLABEL('RingCA')
RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('localhost')) ALTNAME(IP(127.0.0.1) DOMAIN('localhost')) +
         NISTECC KEYUSAGE(HANDSHAKE) WITHLABEL('server') SIGNWITH(CERTAUTH LABEL('RingCA'))
RACDCERT ID(CLIENT1) GENCERT SUBJECTSDN(CN('client one')) NISTECC KEYUSAGE(HANDSHAKE) +
         WITHLABEL('client') SIGNWITH(CERTAUTH LABEL('RingCA'))
RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('distrusted')) NISTECC WITHLABEL('bad') NOTRUST
RACDCERT ID(SRV) ADDRING(Ring)
RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('RingCA') RING(Ring))
RACDCERT ID(SRV) CONNECT(LABEL('server') RING(Ring) DEFAULT)
RACDCERT ID(SRV) CONNECT(LABEL('bad') RING(Ring))
RACDCERT ID(CLIENT1) ADDRING(ClientRing)
RACDCERT ID(CLIENT1) CONNECT(CERTAUTH LABEL('RingCA') RING(ClientRing))
RACDCERT ID(CLIENT1) CONNECT(LABEL('client') RING(ClientRing) DEFAULT)
RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV CLIENT1) ACCESS(READ)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(READER) ACCESS(UPDATE)
SETROPTS RACLIST(FACILITY) REFRESH
";

fn racf() -> Racf {
    let mut r = Racf::temporary().expect("store");
    r.sysin("IBMUSER", SETUP).expect("setup");
    r
}

fn refusal(r: &mut Racf, user: &str, reference: &str) -> (u32, u32, u32, String) {
    let e = r.ring(user, reference).expect_err("refused");
    (e.saf_rc, e.racf_rc, e.racf_reason, e.to_string())
}

#[test]
fn facility_rules_keys_and_notrust() {
    let mut r = racf();
    let v = r.ring("SRV", "safkeyring:///Ring").expect("own ring");
    let labels: Vec<&str> = v.entries.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["RingCA", "server"], "NOTRUST left out");
    assert!(
        v.entry(None).expect("default").private_key.is_some(),
        "own key released"
    );
    assert!(v.entries[0].private_key.is_none(), "CERTAUTH usage: no key");
    // Another user's ring needs UPDATE; READER has it but gets no private keys. The hint is
    // the narrower ring-specific grant, keeping SRV and READER (issue 20, trial row 6.9).
    let (s, rc, rs, text) = refusal(&mut r, "CLIENT1", "safkeyring://SRV/Ring");
    assert_eq!((s, rc, rs), (8, 8, 8));
    assert!(
        text.ends_with("the narrower grant is ring-specific: RDEFINE RDATALIB SRV.RING.LST UACC(NONE), PERMIT SRV.RING.LST CLASS(RDATALIB) ID(CLIENT1) ACCESS(UPDATE), PERMIT SRV.RING.LST CLASS(RDATALIB) ID(SRV) ACCESS(READ), PERMIT SRV.RING.LST CLASS(RDATALIB) ID(READER) ACCESS(READ), SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)."),
        "{text}"
    );
    assert!(!text.contains("PERMIT IRR.DIGTCERT.LISTRING"), "{text}");
    let v = r
        .ring("READER", "SRV/Ring")
        .expect("UPDATE reads another's ring");
    assert!(v.entries.iter().all(|e| e.private_key.is_none()));
    // Not found: ring, or owner.
    assert_eq!(
        refusal(&mut r, "SRV", "safkeyring://SRV/ring").2,
        84,
        "ring names are case sensitive"
    );
    assert_eq!(
        refusal(&mut r, "READER", "safkeyring://UNKNWN99/Ring").2,
        84
    );
    assert_eq!(refusal(&mut r, "SRV", "http://x").2, 28);
    // An empty ring opens; exporting it is DataGetFirst's "nothing found" (8, 8, 44).
    r.sysin("IBMUSER", "RACDCERT ID(SRV) ADDRING(Empty)")
        .expect("empty ring");
    assert!(r
        .ring("SRV", "SRV/Empty")
        .expect("opens")
        .entries
        .is_empty());
    let e = racemu_keyring::DatalibError::empty("Empty");
    assert_eq!((e.saf_rc, e.racf_rc, e.racf_reason), (8, 8, 44));
}

/// `RingView::trusted` of a view opened with every status is the view `StatusFilter::Trusted`
/// opens: the same entries, keys and access, NOTRUST left out.
#[test]
fn the_trusted_part_of_a_full_view_is_the_trusted_view() {
    use racemu_keyring::{open_ring, RingRef, StatusFilter};
    let mut r = racf();
    let reference = RingRef::parse("SRV/Ring").expect("reference");
    let store = r.engine().store_mut();
    let any = open_ring(store, "SRV", &reference, StatusFilter::Any).expect("any");
    let trusted = open_ring(store, "SRV", &reference, StatusFilter::Trusted).expect("trusted");
    assert_eq!(any.entries.len(), 3, "NOTRUST included");
    let shape = |v: &racemu::RingView| {
        let entries: Vec<_> = v
            .entries
            .iter()
            .map(|e| {
                (
                    e.label.clone(),
                    e.status,
                    e.der.clone(),
                    e.private_key.clone(),
                )
            })
            .collect();
        (
            v.owner.clone(),
            v.name.clone(),
            v.access.clone(),
            v.caller.clone(),
            v.stale.clone(),
            entries,
        )
    };
    assert_eq!(shape(&any.trusted()), shape(&trusted));
}

#[test]
fn rdatalib_rules_and_control_for_certauth_keys() {
    let mut r = racf();
    r.sysin(
        "IBMUSER",
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)
         RDEFINE RDATALIB SRV.RING.LST UACC(NONE)
         PERMIT SRV.RING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)
         PERMIT SRV.RING.LST CLASS(RDATALIB) ID(SRV) ACCESS(READ)
         RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('RingCA') RING(Ring) USAGE(PERSONAL))",
    )
    .expect("rdatalib");
    // Before the refresh the snapshot has no profile: FACILITY rules still apply, and the
    // refusal names the profile waiting for the refresh.
    let (_, _, rs, text) = refusal(&mut r, "OTHER", "SRV/Ring");
    assert_eq!(rs, 8);
    assert!(
        text.contains("no RDATALIB profile covers SRV.RING.LST in effect (RDATALIB SRV.RING.LST covers it, but the RACLIST snapshot of RDATALIB predates it: SETROPTS RACLIST(RDATALIB) REFRESH)"),
        "{text}"
    );
    r.sysin("IBMUSER", "SETROPTS RACLIST(RDATALIB) REFRESH")
        .expect("refresh");
    let v = r.ring("OTHER", "SRV/Ring").expect("UPDATE to .LST");
    assert!(matches!(&v.access, racemu_keyring::AccessPath::Rdatalib(p) if p == "SRV.RING.LST"));
    assert!(
        v.entry(Some("server"))
            .expect("server")
            .private_key
            .is_some(),
        "UPDATE releases others' keys"
    );
    assert!(
        v.entry(Some("RingCA")).expect("ca").private_key.is_none(),
        "CERTAUTH key needs CONTROL"
    );
    let v = r.ring("SRV", "SRV/Ring").expect("READ");
    assert!(v
        .entry(Some("server"))
        .expect("server")
        .private_key
        .is_some());
    r.sysin("IBMUSER", "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(CONTROL)\nSETROPTS RACLIST(RDATALIB) REFRESH").expect("control");
    let v = r
        .ring("OTHER", "safkeyringjce://SRV/Ring")
        .expect("CONTROL");
    assert!(v.entry(Some("RingCA")).expect("ca").private_key.is_some());
    // Without access to the profile: refused, naming the profile.
    let (_, _, rs, text) = refusal(&mut r, "NOBODY", "SRV/Ring");
    assert_eq!(rs, 8);
    assert!(text.contains("RDATALIB SRV.RING.LST"), "{text}");
}

#[test]
fn virtual_rings() {
    let mut r = racf();
    let v = r.ring("SRV", "*AUTH*/*").expect("CERTAUTH virtual ring");
    assert_eq!(v.entries.len(), 1);
    assert_eq!(v.entries[0].usage, racemu_racf::Usage::CertAuth);
    let v = r
        .ring("SRV", "safkeyring://SRV/*")
        .expect("own virtual ring");
    let labels: Vec<&str> = v.entries.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["server"]);
    assert!(v.entries[0].private_key.is_some());
}

fn write(path: &Path, data: impl AsRef<[u8]>) {
    std::fs::write(path, data).expect("write");
}

#[test]
fn exports_read_by_keytool_and_python() {
    let mut r = racf();
    let tmp = tempfile::tempdir().expect("tmp");
    let v = r.ring("SRV", "SRV/Ring").expect("ring");
    let p12 = tmp.path().join("ring.p12");
    write(
        &p12,
        v.pkcs12(
            "secret",
            racemu_pki::Pkcs12Encryption::Aes256,
            &racemu_pki::Randomness::os(),
        )
        .expect("p12"),
    );
    let out = Command::new("keytool")
        .args([
            "-list",
            "-v",
            "-storetype",
            "PKCS12",
            "-keystore",
            p12.to_str().expect("p"),
            "-storepass",
            "secret",
        ])
        .output()
        .expect("keytool");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("Alias name: server") && text.contains("PrivateKeyEntry"),
        "{text}"
    );
    assert!(
        text.contains("Alias name: ringca") && text.contains("trustedCertEntry"),
        "{text}"
    );
    // Python's ssl: a server from the PEM bundle, a client trusting the bundle's CA.
    let pem = tmp.path().join("ring.pem");
    write(&pem, v.pem_bundle());
    let script = format!(
        r#"
import socket, ssl, threading
srv = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
srv.load_cert_chain("{pem}")
cli = ssl.create_default_context(cafile="{pem}")
ls = socket.socket(); ls.bind(("127.0.0.1", 0)); ls.listen(1)
port = ls.getsockname()[1]
def serve():
    c, _ = ls.accept()
    with srv.wrap_socket(c, server_side=True) as s:
        s.sendall(b"hello")
t = threading.Thread(target=serve); t.start()
with socket.create_connection(("127.0.0.1", port)) as raw:
    with cli.wrap_socket(raw, server_hostname="localhost") as s:
        print(s.version(), s.recv(5).decode())
t.join()
"#,
        pem = pem.display()
    );
    let out = Command::new("python3")
        .args(["-c", &script])
        .output()
        .expect("python3");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success() && text.contains("hello"), "{text}");
    // rustls configurations build (server with required client auth, client with its cert).
    v.server_config(None, ClientAuth::Required)
        .expect("server config");
    v.client_config().expect("client config");
}

#[test]
fn serve_handshakes_with_openssl_curl_and_mutual_tls() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("racf.db");
    {
        let mut r = Racf::open(&db).expect("store");
        r.sysin("IBMUSER", SETUP).expect("setup");
        let ca = r
            .ring("CLIENT1", "CLIENT1/ClientRing")
            .expect("client ring");
        write(&tmp.path().join("client.pem"), ca.pem_bundle());
    }
    write_pem(
        &tmp.path().join("ca.pem"),
        &cert_der(&db, "irrcerta", "RingCA"),
    );
    let ca = tmp.path().join("ca.pem");
    let client = tmp.path().join("client.pem");
    let s = serve(&db, "SRV", "SRV/Ring", "none");
    let (verified, text) = s_client_verifies(&s.addr, &ca);
    assert!(verified, "{text}");
    let (ok, text, err) = curl(&s, &ca, None);
    assert!(
        ok && text.contains("protocol: TLSv1.3\ncipher suite: TLS_AES_"),
        "{text}{err}"
    );
    drop(s);
    // Mutual TLS: the client certificate issued by the ring's CA is accepted and reported;
    // a client without one is refused under `required`.
    let s = serve(&db, "SRV", "SRV/Ring", "required");
    let (ok, text, err) = curl(&s, &ca, Some(&client));
    assert!(
        ok && text.contains("client certificate: CN=client one"),
        "{text}{err}"
    );
    let (ok, text, _) = curl(&s, &ca, None);
    assert!(
        !ok || !text.contains("cipher suite"),
        "a client without a certificate must be refused"
    );
}

/// curl to the server as `localhost`, trusting `ca`, optionally presenting `cert`:
/// (success, stdout, stderr).
fn curl(s: &Server, ca: &Path, cert: Option<&Path>) -> (bool, String, String) {
    let port = s.addr.rsplit(':').next().expect("port");
    let mut cmd = Command::new("curl");
    cmd.args(["-sS", "--cacert", ca.to_str().expect("p")]);
    if let Some(c) = cert {
        cmd.args(["--cert", c.to_str().expect("p")]);
    }
    cmd.args([
        "--resolve",
        &format!("localhost:{port}:127.0.0.1"),
        &format!("https://localhost:{port}/"),
    ]);
    let out = cmd.output().expect("curl");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn facility_refusal_names_the_missing_profile_then_the_missing_refresh() {
    let mut r = Racf::temporary().expect("store");
    r.sysin(
        "IBMUSER",
        "RACDCERT ID(ZCSERV1) GENCERT SUBJECTSDN(CN('zc')) NISTECC WITHLABEL('srv')
         RACDCERT ID(ZCSERV1) ADDRING(Keyring.ZOSCONN)
         RACDCERT ID(ZCSERV1) CONNECT(LABEL('srv') RING(Keyring.ZOSCONN) DEFAULT)",
    )
    .expect("ring");
    let head = "R_datalib (IRRSDL00) error: not RACF authorized to use the requested service (8, 8, 8). ZCSERV1 needs READ access to FACILITY IRR.DIGTCERT.LISTRING to read its own ring ZCSERV1/Keyring.ZOSCONN (has NONE), and no RDATALIB profile covers ZCSERV1.KEYRING.ZOSCONN.LST; ";
    let (_, _, rs, text) = refusal(&mut r, "ZCSERV1", "safkeyring:///Keyring.ZOSCONN");
    assert_eq!(rs, 8);
    assert_eq!(text, format!("{head}no FACILITY profile covers IRR.DIGTCERT.LISTRING: RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE), PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(ZCSERV1) ACCESS(READ) and SETROPTS RACLIST(FACILITY) REFRESH would grant it."));
    r.sysin(
        "IBMUSER",
        "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
         PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(ZCSERV1) ACCESS(READ)",
    )
    .expect("permit");
    let (_, _, _, text) = refusal(&mut r, "ZCSERV1", "safkeyring:///Keyring.ZOSCONN");
    assert_eq!(text, format!("{head}FACILITY IRR.DIGTCERT.LISTRING already gives ZCSERV1 READ access, but the RACLIST snapshot of FACILITY predates that change: SETROPTS RACLIST(FACILITY) REFRESH would put it in effect."));
    r.sysin("IBMUSER", "SETROPTS RACLIST(FACILITY) REFRESH")
        .expect("refresh");
    r.ring("ZCSERV1", "safkeyring:///Keyring.ZOSCONN")
        .expect("opens after the refresh");
}

#[test]
fn withheld_private_keys_name_the_rule_and_the_permit() {
    let mut r = racf();
    r.sysin(
        "IBMUSER",
        "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('RingCA') RING(Ring) USAGE(PERSONAL))
         SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)
         RDEFINE RDATALIB SRV.RING.LST UACC(NONE)
         SETROPTS RACLIST(RDATALIB) REFRESH",
    )
    .expect("rdatalib");
    // With no access, the hint asks for UPDATE: READ would open the ring but keep SRV's key.
    let (_, _, _, text) = refusal(&mut r, "STCRSE", "safkeyring://SRV/Ring");
    assert_eq!(text, "R_datalib (IRRSDL00) error: not RACF authorized to use the requested service (8, 8, 8). STCRSE has NONE access to RDATALIB SRV.RING.LST, which protects SRV.RING.LST. READ opens the ring; UPDATE also releases SRV's private key. PERMIT SRV.RING.LST CLASS(RDATALIB) ID(STCRSE) ACCESS(UPDATE) and SETROPTS RACLIST(RDATALIB) REFRESH would grant it.");
    r.sysin(
        "IBMUSER",
        "PERMIT SRV.RING.LST CLASS(RDATALIB) ID(STCRSE) ACCESS(READ)
         SETROPTS RACLIST(RDATALIB) REFRESH",
    )
    .expect("read");
    let v = r.ring("STCRSE", "SRV/Ring").expect("READ opens");
    let server = v.entry(Some("server")).expect("server");
    assert!(server.private_key.is_none());
    assert_eq!(
        server.key_withheld.as_deref(),
        Some("STCRSE needs UPDATE access to RDATALIB SRV.RING.LST for SRV's private key (READ opens the ring and releases only STCRSE's own keys); PERMIT SRV.RING.LST CLASS(RDATALIB) ID(STCRSE) ACCESS(UPDATE) and SETROPTS RACLIST(RDATALIB) REFRESH would grant it.")
    );
    assert_eq!(
        v.entry(Some("RingCA")).expect("ca").key_withheld.as_deref(),
        Some("a CERTAUTH private key needs the SPECIAL attribute or CONTROL access to RDATALIB SRV.RING.LST; PERMIT SRV.RING.LST CLASS(RDATALIB) ID(STCRSE) ACCESS(CONTROL) and SETROPTS RACLIST(RDATALIB) REFRESH would grant it.")
    );
    let e = v
        .server_config(Some("server"), ClientAuth::None)
        .expect_err("no key");
    assert_eq!(
        e.to_string(),
        format!(
            "RCM212E the private key of 'server' is withheld from STCRSE: {}",
            server.key_withheld.as_deref().expect("reason")
        )
    );
    // Global checking: another user's key stays with its owner; RDATALIB UPDATE would release it.
    let mut r = racf();
    let v = r.ring("READER", "SRV/Ring").expect("UPDATE to LISTRING");
    assert_eq!(
        v.entry(Some("server")).expect("server").key_withheld.as_deref(),
        Some("with global checking (FACILITY IRR.DIGTCERT.LISTRING) only SRV, the certificate's owner, gets its private key. Ring-specific checking gives it to READER with UPDATE access to RDATALIB SRV.RING.LST, and then alone decides who opens the ring, so the IDs that open it today need a PERMIT too: RDEFINE RDATALIB SRV.RING.LST UACC(NONE), PERMIT SRV.RING.LST CLASS(RDATALIB) ID(READER) ACCESS(UPDATE), PERMIT SRV.RING.LST CLASS(RDATALIB) ID(SRV) ACCESS(READ), SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB).")
    );
    // A CA connected as CERTAUTH is a trust anchor: its key is not returned, and nothing
    // advises releasing it (issue 20, trial row 5.2).
    let ca = v.entry(Some("RingCA")).expect("ca");
    assert_eq!(
        ca.key_withheld, None,
        "a CA connected as CERTAUTH gives no key"
    );
    assert!(ca.key_in_racf && ca.private_key.is_none());
}

#[test]
fn serve_explains_short_rsa_keys_and_a_missing_default() {
    let mut r = Racf::temporary().expect("store");
    r.sysin(
        "IBMUSER",
        "RACDCERT ID(WI02USR) GENCERT SUBJECTSDN(CN('broker')) SIZE(1024) WITHLABEL('WI02BRK')
         RACDCERT ID(WI02USR) GENCERT SUBJECTSDN(CN('other')) NISTECC WITHLABEL('other')
         RACDCERT ID(WI02USR) GENCERT SUBJECTSDN(CN('nokey')) NISTECC WITHLABEL('ca') 
         RACDCERT ID(WI02USR) ADDRING(WI02BRK)
         RACDCERT ID(WI02USR) CONNECT(LABEL('WI02BRK') RING(WI02BRK))
         RACDCERT ID(WI02USR) CONNECT(LABEL('other') RING(WI02BRK))
         RACDCERT ID(WI02USR) CONNECT(LABEL('ca') RING(WI02BRK) USAGE(CERTAUTH))
         RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
         PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WI02USR) ACCESS(READ)
         SETROPTS RACLIST(FACILITY) REFRESH",
    )
    .expect("ring");
    let v = r.ring("WI02USR", "WI02USR/WI02BRK").expect("ring");
    let e = v
        .server_config(None, ClientAuth::None)
        .expect_err("no DEFAULT");
    assert_eq!(e.to_string(), "RCM211E ring WI02USR/WI02BRK has no DEFAULT certificate, and no --label was given. PERSONAL certificates with a private key: 'WI02BRK', 'other'. Choose one with --label 'WI02BRK', or make it the ring's DEFAULT: RACDCERT ID(WI02USR) CONNECT(ID(WI02USR) LABEL('WI02BRK') RING(WI02BRK) DEFAULT).");
    let e = v
        .server_config(Some("WI02BRK"), ClientAuth::None)
        .expect_err("1024-bit RSA");
    assert_eq!(e.to_string(), "RCM210E the certificate 'WI02BRK' has a 1024-bit RSA key. The TLS library racemu serves with (rustls over aws-lc-rs) does not use RSA keys shorter than 2048 bits; System SSL on z/OS would still accept this key. A 2048-bit replacement, connected where the old one is: RACDCERT ID(WI02USR) REKEY(LABEL('WI02BRK')) WITHLABEL('WI02BRK-2048') SIZE(2048), then RACDCERT ID(WI02USR) ROLLOVER(LABEL('WI02BRK')) NEWLABEL('WI02BRK-2048').");
    let e = v
        .server_config(Some("ca"), ClientAuth::None)
        .expect_err("CERTAUTH usage");
    assert_eq!(e.to_string(), "RCM212E the private key of 'ca' is not returned to anyone: R_datalib returns a private key only for a certificate connected with USAGE(PERSONAL), and 'ca' is connected with USAGE(CERTAUTH) (a trust anchor). To present it as a server certificate: RACDCERT ID(WI02USR) CONNECT(ID(WI02USR) LABEL('ca') RING(WI02BRK) USAGE(PERSONAL)).");
    v.server_config(Some("other"), ClientAuth::None)
        .expect("P-256 serves");
    // Following the advice: REKEY and ROLLOVER give a key the TLS library takes.
    r.sysin(
        "IBMUSER",
        "RACDCERT ID(WI02USR) REKEY(LABEL('WI02BRK')) WITHLABEL('WI02BRK-2048') SIZE(2048)
         RACDCERT ID(WI02USR) ROLLOVER(LABEL('WI02BRK')) NEWLABEL('WI02BRK-2048')",
    )
    .expect("rekey");
    let v = r.ring("WI02USR", "WI02USR/WI02BRK").expect("ring");
    v.server_config(Some("WI02BRK-2048"), ClientAuth::None)
        .expect("2048-bit RSA serves");
}

#[test]
fn ring_changes_after_the_last_refresh_are_flagged() {
    let mut r = racf();
    let v = r.ring("SRV", "SRV/Ring").expect("ring");
    assert_eq!(
        v.stale,
        [
            "RCM213W ring SRV/Ring changed after the last SETROPTS RACLIST(DIGTRING) REFRESH. racemu shows it as the RACF database holds it now; on z/OS issue SETROPTS RACLIST(DIGTRING) REFRESH and have the server re-read the ring (most read it when they start).",
            "RCM214W certificate(s) 'RingCA', 'server', 'bad' in ring SRV/Ring changed after the last SETROPTS RACLIST(DIGTCERT) REFRESH. racemu shows them as the RACF database holds them now; on z/OS issue SETROPTS RACLIST(DIGTCERT) REFRESH and have the server re-read the ring.",
        ],
        "a ring built since the store's RACLIST"
    );
    r.sysin("IBMUSER", "SETROPTS RACLIST(DIGTRING DIGTCERT) REFRESH")
        .expect("refresh");
    assert!(r.ring("SRV", "SRV/Ring").expect("ring").stale.is_empty());
    // A new DEFAULT is seen at once (racemu reads the database), with the warning.
    r.sysin(
        "IBMUSER",
        "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('RingCA') RING(Ring) DEFAULT USAGE(PERSONAL))",
    )
    .expect("connect");
    let v = r.ring("SRV", "SRV/Ring").expect("ring");
    assert!(v.entry(Some("RingCA")).expect("ca").default);
    assert_eq!(v.stale.len(), 1);
    assert!(
        v.stale[0].starts_with("RCM213W ring SRV/Ring changed"),
        "{:?}",
        v.stale
    );
    r.sysin("IBMUSER", "SETROPTS RACLIST(DIGTRING) REFRESH")
        .expect("refresh");
    assert!(r.ring("SRV", "SRV/Ring").expect("ring").stale.is_empty());
    // Not RACLISTed: nothing to refresh, nothing to say.
    r.sysin(
        "IBMUSER",
        "SETROPTS NORACLIST(DIGTRING)\nRACDCERT ID(SRV) REMOVE(LABEL('bad') RING(Ring))",
    )
    .expect("noraclist");
    assert!(r.ring("SRV", "SRV/Ring").expect("ring").stale.is_empty());
}

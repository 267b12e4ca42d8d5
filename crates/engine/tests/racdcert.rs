//! RACDCERT and RACF command behaviour through the engine, one store per test.

use racemu_engine::{Clock, Config, Engine, Outcome, Output};
use racemu_store::Store;
use time::macros::datetime;

fn engine() -> Engine {
    Engine::new(
        Store::open_in_memory().expect("store"),
        Clock::Fixed(datetime!(2026-11-25 10:00 UTC)),
        Config::default(),
    )
}

fn ok(e: &mut Engine, cmd: &str) -> Output {
    let o = e.execute("IBMUSER", cmd);
    assert!(o.rc == 0, "{cmd}\n -> rc {} {:?}", o.rc, o.lines);
    o
}

fn msg(e: &mut Engine, user: &str, cmd: &str) -> (Vec<String>, u32) {
    let o = e.execute(user, cmd);
    (o.lines, o.rc)
}

fn ring_rows(e: &mut Engine, owner: &str, ring: &str) -> Vec<String> {
    let o = ok(e, &format!("RACDCERT ID({owner}) LISTRING({ring})"));
    o.lines
        .iter()
        .skip(4)
        .filter(|l| {
            !l.trim().is_empty()
                && !l.starts_with("  Certificate Label Name")
                && !l.starts_with("  ----")
        })
        .map(|l| l.trim_end().to_string())
        .collect()
}

fn ca(e: &mut Engine, label: &str) {
    ok(e, &format!("RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('{label} CA') O('Test')) NISTECC SIZE(256) WITHLABEL('{label}')"));
}

#[test]
fn syntax_quirks_of_real_decks() {
    let mut e = engine();
    // Lower case, owner after the function, ring name keeps its case, blank before '('.
    ok(&mut e, "racdcert addring(zOSMFRing2) id(izusvr)");
    ok(&mut e, "racdcert certauth gencert subjectsdn(cn('zOSMF CA 2') o('IBM') c('AU')) size (2048) withlabel ('zOSMFCA2') notafter(date(2031-12-31))");
    ok(&mut e, "racdcert id(izusvr) gencert subjectsdn(cn('zOSMF Server 2') o('IBM') c('AU')) size(2048) withlabel('zOSMFServer2') notafter(date(2031/12/31)) signwith(certauth label('zOSMFCA2'))");
    // SETR abbreviation, REFR abbreviation.
    ok(&mut e, "setr raclist(digtcert) refr");
    ok(
        &mut e,
        "racdcert connect(ring(zOSMFRing2) certauth label('zOSMFCA2')) id(izusvr)",
    );
    // Missing final parenthesis is supplied.
    ok(
        &mut e,
        "racdcert connect(ring(zOSMFRing2) id(izusvr) label('zOSMFServer2') default) id(izusvr",
    );
    assert_eq!(
        ring_rows(&mut e, "IZUSVR", "zOSMFRing2"),
        [
            "  zOSMFCA2                           CERTAUTH       CERTAUTH     NO",
            "  zOSMFServer2                       ID(IZUSVR)     PERSONAL     YES",
        ]
    );
    // No blank between ')' and the next keyword; blank before '('.
    ca(&mut e, "Verisign Class 1 Primary CA");
    ok(
        &mut e,
        "RACDCERT DELETE (LABEL('Verisign Class 1 Primary CA'))CERTAUTH",
    );
    let (l, rc) = msg(
        &mut e,
        "IBMUSER",
        "RACDCERT CERTAUTH LIST(LABEL('Verisign Class 1 Primary CA'))",
    );
    assert_eq!(
        (l, rc),
        (
            vec!["IRRD107I No matching certificate was found for this user.".to_string()],
            4
        )
    );
    // Keyword before the function, mixed case keyword.
    ok(
        &mut e,
        "RACDCERT ID(IZUSVR) Withlabel('lower') GENCERT SUBJECTSDN(CN('x')) NISTECC",
    );
    // Comma lists and comma+blank lists in SETROPTS.
    ok(&mut e, "SETROPTS RACLIST(DIGTCERT, DIGTRING) REFRESH");
    ok(&mut e, "SETROPTS RACLIST(DIGTCERT,DIGTRING) REFRESH");
    // Duplicate keyword: the last one wins.
    ok(&mut e, "RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('dup') OU('A') OU('B')) WITHLABEL('dup') NISTECC");
    let l = ok(&mut e, "RACDCERT ID(IZUSVR) LIST(LABEL('dup'))").lines;
    assert!(l.contains(&"       >CN=dup.OU=B<".to_string()), "{l:?}");
}

#[test]
fn list_block_layout() {
    let mut e = engine();
    ok(&mut e, "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('MQ CA') OU('ATS') O('IBM') C('US')) KEYUSAGE(CERTSIGN) WITHLABEL('MQ CA') NOTBEFORE(DATE(2025-03-10)) NOTAFTER(DATE(2025-03-31))");
    let l = ok(&mut e, "racdcert certauth list(label('MQ CA'))").lines;
    // The MQ lab's real capture (docs/sources.md), with racemu's fingerprint and ring lines after
    // it.
    let want = [
        "Digital certificate information for CERTAUTH:",
        "",
        "  Label: MQ CA",
        "  Certificate ID: 2QiJmZmDhZmjgdTYQMPB",
        "  Status: TRUST",
        "  Start Date: 2025/03/10 00:00:00",
        "  End Date:   2025/03/31 23:59:59",
        "  Serial Number:",
        "       >00<",
        "  Issuer's Name:",
        "       >CN=MQ CA.OU=ATS.O=IBM.C=US<",
        "  Subject's Name:",
        "       >CN=MQ CA.OU=ATS.O=IBM.C=US<",
        "  Signing Algorithm: sha256RSA",
        "  Key Usage: CERTSIGN",
        "  Key Type: RSA",
        "  Key Size: 2048",
        "  Private Key: YES",
        "  Certificate Fingerprint (SHA256):",
    ];
    assert_eq!(&l[..want.len()], &want);
    assert_eq!(l[want.len() + 2], "  Ring Associations:");
    assert_eq!(l[want.len() + 3], "    *** No rings associated ***");
}

#[test]
fn ring_errors_use_real_messages() {
    let mut e = engine();
    let (l, rc) = msg(&mut e, "IBMUSER", "RACDCERT ID(H7USER) LISTRING(*)");
    assert_eq!(
        (l[0].as_str(), rc),
        ("IRRD115I User H7USER has no rings.", 4)
    );
    let (l, rc) = msg(&mut e, "IBMUSER", "RACDCERT ID(H7USER) LISTRING(NOPE)");
    assert_eq!(
        (l[0].as_str(), rc),
        ("IRRD114I Ring NOPE does not exist.", 4)
    );
    let (l, _) = msg(&mut e, "IBMUSER", "RACDCERT CERTAUTH ADDRING(X)");
    assert_eq!(
        l[0],
        "IRRD120I Incorrect use of CERTAUTH. A Certificate Authority cannot own a key ring."
    );
    let (l, _) = msg(&mut e, "IBMUSER", "RACDCERT SITE ADDRING(X)");
    assert_eq!(
        l[0],
        "IRRD120I Incorrect use of SITE. A Site Certificate cannot own a key ring."
    );
    ok(&mut e, "RACDCERT ID(H7USER) ADDRING(LAB32RING)");
    let (_, rc) = msg(&mut e, "IBMUSER", "RACDCERT ID(H7USER) ADDRING(LAB32RING)");
    assert_eq!(rc, 8);
    let (l, _) = msg(
        &mut e,
        "IBMUSER",
        "RACDCERT ID(H7USER) CONNECT(RING(LAB32RING))",
    );
    assert_eq!(
        l[0],
        "IRRD121I A ring name and label name must be specified."
    );
    let (l, _) = msg(
        &mut e,
        "IBMUSER",
        "RACDCERT ID(H7USER) REMOVE(LABEL('x') RING(LAB32RING))",
    );
    assert_eq!(
        l[0],
        "IRRD116I Label x does not exist in ring LAB32RING for user H7USER."
    );
    let out = ok(&mut e, "RACDCERT ID(H7USER) LISTRING(LAB32RING)").lines;
    assert_eq!(
        out,
        [
            "Digital ring information for user H7USER:",
            "",
            "  Ring:",
            "       >LAB32RING<",
            "",
            "  *** No certificates connected ***",
            "",
        ]
    );
}

#[test]
fn serial_counter_and_duplicate_profile_irrd109i() {
    // The real Zowe failure (zowe-install-packaging PR 2168): the CA is recreated, its first
    // certificate gets serial 01 again, and RACF refuses the duplicate profile.
    let mut e = engine();
    let dn = "SUBJECTSDN(CN('Zowe Development Instances CA') OU('API Mediation Layer') O('Zowe Sample') L('Prague') SP('Prague') C('CZ'))";
    ok(
        &mut e,
        &format!("RACDCERT GENCERT CERTAUTH {dn} WITHLABEL('localca') KEYUSAGE(CERTSIGN) NISTECC"),
    );
    ok(&mut e, "RACDCERT GENCERT ID(ZWESVUSR) SUBJECTSDN(CN('a')) WITHLABEL('ZoweCert') NISTECC SIGNWITH(CERTAUTH LABEL('localca'))");
    ok(&mut e, "RACDCERT GENCERT ID(ZWESVUSR) SUBJECTSDN(CN('b')) WITHLABEL('second') NISTECC SIGNWITH(CERTAUTH LABEL('localca'))");
    let l = ok(&mut e, "RACDCERT ID(ZWESVUSR) LIST(LABEL('second'))").lines;
    assert!(l.contains(&"       >02<".to_string()));
    ok(&mut e, "RACDCERT DELETE(LABEL('localca')) CERTAUTH");
    ok(
        &mut e,
        &format!("RACDCERT GENCERT CERTAUTH {dn} WITHLABEL('localca') KEYUSAGE(CERTSIGN) NISTECC"),
    );
    let (l, rc) = msg(&mut e, "IBMUSER", "RACDCERT GENCERT ID(ZWESVUSR) SUBJECTSDN(CN('c')) WITHLABEL('third') NISTECC SIGNWITH(CERTAUTH LABEL('localca'))");
    assert_eq!(rc, 8);
    assert_eq!(
        l[0],
        "IRRD109I The certificate cannot be added.  Profile 01.CN=Zowe¢Development¢Instances¢CA.OU=API¢Mediation¢Layer.O=Zowe¢Sample.L=Prague.SP=Prague.C=CZ is already defined."
    );
    // The failed command changed nothing: no label 'third', and the CA's counter was not used up.
    let (l, _) = msg(
        &mut e,
        "IBMUSER",
        "RACDCERT ID(ZWESVUSR) LIST(LABEL('third'))",
    );
    assert_eq!(
        l[0],
        "IRRD107I No matching certificate was found for this user."
    );
}

#[test]
fn gencert_validations() {
    let mut e = engine();
    let (l, rc) = msg(&mut e, "IBMUSER", "RACDCERT GENCERT SUBJECTSDN(CN('x')) NOTBEFORE(DATE(2030-01-01)) NOTAFTER(DATE(2029-01-01))");
    assert_eq!((l[0].as_str(), rc), ("IRRD133I The NOTBEFORE value must be earlier than the NOTAFTER value. The certificate is not created.", 8));
    let (l, _) = msg(
        &mut e,
        "IBMUSER",
        "RACDCERT GENCERT SUBJECTSDN(CN('x')) NISTECC KEYUSAGE(DATAENCRYPT)",
    );
    assert_eq!(
        l[0],
        "IRRD156I Keyusage is incompatible with Key algorithm."
    );
    let (l, _) = msg(
        &mut e,
        "IBMUSER",
        "RACDCERT GENCERT SUBJECTSDN(CN('x')) BPECC",
    );
    assert!(l[0].starts_with("RCM001E"));
    let (l, rc) = msg(&mut e, "IBMUSER", "RACDCERT GENCERT ALTNAME(IP())");
    assert_eq!((l.len(), rc), (2, 12));
    // Default label LABEL00000001, then LABEL00000002.
    ok(&mut e, "RACDCERT GENCERT SUBJECTSDN(CN('x')) NISTECC");
    ok(&mut e, "RACDCERT GENCERT SUBJECTSDN(CN('y')) NISTECC");
    let l = ok(&mut e, "RACDCERT LIST").lines;
    assert!(
        l.contains(&"  Label: LABEL00000001".to_string())
            && l.contains(&"  Label: LABEL00000002".to_string())
    );
    // Label in use.
    let (_, rc) = msg(
        &mut e,
        "IBMUSER",
        "RACDCERT GENCERT SUBJECTSDN(CN('z')) NISTECC WITHLABEL('LABEL00000001')",
    );
    assert_eq!(rc, 8);
}

#[test]
fn default_moves_and_delete_leaves_rings() {
    let mut e = engine();
    ca(&mut e, "Root");
    ok(&mut e, "RACDCERT ID(SRV) ADDRING(R)");
    for l in ["a", "b"] {
        ok(&mut e, &format!("RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('{l}')) WITHLABEL('{l}') NISTECC SIGNWITH(CERTAUTH LABEL('Root'))"));
    }
    ok(
        &mut e,
        "RACDCERT ID(SRV) CONNECT(LABEL('a') RING(R) DEFAULT)",
    );
    ok(
        &mut e,
        "RACDCERT ID(SRV) CONNECT(LABEL('b') RING(R) DEFAULT)",
    );
    ok(
        &mut e,
        "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Root') RING(R) USAGE(PERSONAL))",
    );
    assert_eq!(
        ring_rows(&mut e, "SRV", "R"),
        [
            "  a                                  ID(SRV)        PERSONAL     NO",
            "  b                                  ID(SRV)        PERSONAL     YES",
            "  Root                               CERTAUTH       PERSONAL     NO",
        ]
    );
    ok(&mut e, "RACDCERT ID(SRV) DELETE(LABEL('b'))");
    assert_eq!(ring_rows(&mut e, "SRV", "R").len(), 2);
    ok(
        &mut e,
        "RACDCERT ID(SRV) REMOVE(CERTAUTH LABEL('Root') RING(R))",
    );
    assert_eq!(ring_rows(&mut e, "SRV", "R").len(), 1);
    ok(
        &mut e,
        "RACDCERT ID(SRV) ALTER(LABEL('a')) NOTRUST NEWLABEL('a2')",
    );
    let l = ok(&mut e, "RACDCERT ID(SRV) LIST(LABEL('a2'))").lines;
    assert!(l.contains(&"  Status: NOTRUST".to_string()));
    ok(&mut e, "RACDCERT ID(SRV) DELRING(R)");
    let (l, _) = msg(&mut e, "IBMUSER", "RACDCERT ID(SRV) LISTRING(*)");
    assert_eq!(l[0], "IRRD115I User SRV has no rings.");
}

#[test]
fn facility_authority_follows_raclist_refresh() {
    // RACF lab 32's real capture (docs/sources.md): refused before the permit, allowed after PERMIT
    // + REFRESH, still allowed after the permit is removed until FACILITY is refreshed again.
    let mut e = engine();
    let (l, rc) = msg(&mut e, "H7USER", "RACDCERT ADDRING(LAB32RING)");
    assert_eq!(
        (l[0].as_str(), rc),
        (
            "IRRD101I You are not authorized to issue the RACDCERT command.",
            8
        )
    );
    ok(&mut e, "RDEFINE FACILITY IRR.DIGTCERT.ADDRING UACC(NONE)");
    ok(
        &mut e,
        "PERMIT IRR.DIGTCERT.ADDRING CLASS(FACILITY) ID(H7USER) ACCESS(READ)",
    );
    let (_, rc) = msg(&mut e, "H7USER", "RACDCERT ADDRING(LAB32RING)");
    assert_eq!(rc, 8, "not in effect before the refresh");
    ok(&mut e, "SETROPTS RACLIST(FACILITY) REFRESH");
    let (_, rc) = msg(&mut e, "H7USER", "RACDCERT ADDRING(LAB32RING)");
    assert_eq!(rc, 0);
    // Another user's ring needs UPDATE.
    let (_, rc) = msg(&mut e, "H7USER", "RACDCERT ID(OTHER) ADDRING(X)");
    assert_eq!(rc, 8);
    ok(
        &mut e,
        "PERMIT IRR.DIGTCERT.ADDRING CLASS(FACILITY) ID(H7USER) DELETE",
    );
    ok(&mut e, "RACDCERT ID(H7USER) DELRING(LAB32RING)");
    let (_, rc) = msg(&mut e, "H7USER", "RACDCERT ADDRING(LAB32RING)");
    assert_eq!(rc, 0, "the snapshot still has the permit");
    ok(&mut e, "SETROPTS RACLIST(FACILITY) REFRESH");
    let (_, rc) = msg(&mut e, "H7USER", "RACDCERT ADDRING(OTHER2)");
    assert_eq!(rc, 8);
}

#[test]
fn racf_command_messages() {
    let mut e = engine();
    let (l, _) = msg(
        &mut e,
        "IBMUSER",
        "RDEFINE FACILITY IRR.DIGTCERT.LIST UACC(NONE)",
    );
    assert_eq!(l, ["ICH10006I RACLISTED PROFILES FOR FACILITY WILL NOT REFLECT THE ADDITION(S) UNTIL A SETROPTS REFRESH IS ISSUED."]);
    let (l, rc) = msg(
        &mut e,
        "IBMUSER",
        "RDEFINE FACILITY IRR.DIGTCERT.LIST UACC(NONE)",
    );
    assert_eq!(
        (l[0].as_str(), rc),
        (
            "ICH10102I IRR.DIGTCERT.LIST ALREADY DEFINED TO CLASS FACILITY.",
            8
        )
    );
    let (l, _) = msg(
        &mut e,
        "IBMUSER",
        "PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(A) ACCESS(READ)",
    );
    assert_eq!(l, ["ICH06011I RACLISTED PROFILES FOR FACILITY WILL NOT REFLECT THE UPDATE(S) UNTIL A SETROPTS REFRESH IS ISSUED"]);
    let (l, _) = msg(&mut e, "IBMUSER", "RLIST FACILITY NOPE");
    assert_eq!(l, ["ICH13003I NOPE NOT FOUND"]);
    let (l, _) = msg(&mut e, "IBMUSER", "RDELETE FACILITY NOPE");
    assert_eq!(l, ["ICH12102I NOPE NOT DEFINED TO CLASS FACILITY."]);
    let (l, _) = msg(&mut e, "IBMUSER", "LISTUSER ZWE");
    assert_eq!(l, ["ICH30001I UNABLE TO LOCATE USER    ENTRY ZWE"]);
    let l = ok(&mut e, "RL FACILITY IRR.DIGTCERT.LIST AU").lines;
    assert_eq!(l[6], " 00    IBMUSER         NONE              ALTER    NO");
    assert!(
        l.contains(&"A         READ        000000".to_string()),
        "{l:?}"
    );
    let (l, _) = msg(&mut e, "H7USER", "RDEFINE FACILITY X.Y");
    assert_eq!(l, ["ICH10103I NOT AUTHORIZED TO DEFINE X.Y."]);
    let (l, rc) = msg(&mut e, "IBMUSER", "SETROPTS RACLIST(CDT) REFRESH");
    assert_eq!(
        (l[0].as_str(), rc),
        (
            "ICH14041I RACLIST REFRESH of class CDT ignored. The class is not active yet.",
            0
        )
    );
}

#[test]
fn deluser_removes_certificates_and_rings() {
    let mut e = engine();
    ok(&mut e, "ADDUSER SRV NAME('Server') DFLTGRP(SYS1)");
    ok(
        &mut e,
        "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('s')) WITHLABEL('s') NISTECC",
    );
    ok(&mut e, "RACDCERT ID(SRV) ADDRING(R)");
    ok(&mut e, "DELUSER SRV");
    let (l, _) = msg(&mut e, "IBMUSER", "RACDCERT ID(SRV) LIST");
    assert_eq!(
        l[0],
        "IRRD105I No certificate information was found for user SRV."
    );
    let (l, _) = msg(&mut e, "IBMUSER", "RACDCERT ID(SRV) LISTRING(*)");
    assert_eq!(l[0], "IRRD115I User SRV has no rings.");
}

#[test]
fn hostile_input_never_panics_or_changes_the_store() {
    let mut e = engine();
    ok(&mut e, "RACDCERT ID(X) ADDRING(R)");
    let long = "A".repeat(10_000);
    let inputs = [
        "RACDCERT ID(X) CONNECT(LABEL('x RING(R))".to_string(),
        "RACDCERT ID(X)) LISTRING(R)".to_string(),
        format!("RACDCERT ID(X) ADDRING({long})"),
        format!("RACDCERT ID({long}) LIST"),
        "RACDCERT ((((((((((((((((((((".to_string(),
        "\u{0}\u{1}\u{7f}é€".to_string(),
        "RACDCERT GENCERT SIZE(99999999999999999999)".to_string(),
        "RACDCERT GENCERT NOTAFTER(DATE(2030-02-31))".to_string(),
        "RACDCERT GENCERT NOTAFTER(DATE(20300231))".to_string(),
        "RACDCERT GENCERT ALTNAME(IP(999.1.1.1))".to_string(),
        "SETROPTS".to_string(),
        "PERMIT".to_string(),
        "RLIST".to_string(),
        "RACDCERT LIST(SERIALNUMBER(ZZ))".to_string(),
    ];
    for i in &inputs {
        let o = e.execute("IBMUSER", i);
        assert!(!o.lines.is_empty() || o.rc == 0, "{i}");
    }
    assert_eq!(
        ring_rows(&mut e, "X", "R"),
        ["  *** No certificates connected ***"]
    );
}

#[test]
fn rlist_shows_racdcert_profiles() {
    let mut e = engine();
    ok(
        &mut e,
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('My Root CA')) NISTECC WITHLABEL('root')",
    );
    ok(&mut e, "RACDCERT ID(IZUSVR) ADDRING(IZUKeyring.IZUDFLT)");
    let l = ok(&mut e, "RLIST DIGTCERT *").lines;
    assert_eq!(l[2], "DIGTCERT   00.CN=My¢Root¢CA");
    assert_eq!(
        l[6], " 00    IBMUSER         READ              ALTER    NO",
        "UACC READ encodes TRUST"
    );
    assert!(
        l.contains(&"irrcerta".to_string()),
        "APPLDATA is the owner: {l:?}"
    );
    let l = ok(&mut e, "RLIST DIGTRING IZUSVR.IZUKeyring.IZUDFLT").lines;
    assert_eq!(l[2], "DIGTRING   IZUSVR.IZUKeyring.IZUDFLT");
}

/// IBM, RACDCERT ROLLOVER
/// (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.icha400/le-rollover.htm):
/// "If the source certificate is connected with PERSONAL usage, the source certificate is
/// replaced by the target certificate" and "If the source certificate is connected with
/// CERTAUTH or SITE usage, the target certificate is added to the key ring and the source
/// certificate remains connected."
#[test]
fn rollover_replaces_personal_and_adds_beside_certauth_and_site() {
    let mut e = engine();
    ca(&mut e, "CA");
    ok(
        &mut e,
        "RACDCERT SITE GENCERT SUBJECTSDN(CN('site')) NISTECC WITHLABEL('S')",
    );
    ok(
        &mut e,
        "RACDCERT ID(U1) GENCERT SUBJECTSDN(CN('u1')) NISTECC WITHLABEL('U') SIGNWITH(CERTAUTH LABEL('CA'))",
    );
    ok(&mut e, "RACDCERT ID(U1) ADDRING(R1)");
    ok(
        &mut e,
        "RACDCERT ID(U1) CONNECT(CERTAUTH LABEL('CA') RING(R1))",
    );
    ok(&mut e, "RACDCERT ID(U1) CONNECT(SITE LABEL('S') RING(R1))");
    ok(
        &mut e,
        "RACDCERT ID(U1) CONNECT(LABEL('U') RING(R1) DEFAULT)",
    );
    for (owner, old, new) in [
        ("CERTAUTH", "CA", "CA2"),
        ("SITE", "S", "S2"),
        ("ID(U1)", "U", "U2"),
    ] {
        ok(
            &mut e,
            &format!("RACDCERT {owner} REKEY(LABEL('{old}')) WITHLABEL('{new}')"),
        );
        ok(
            &mut e,
            &format!("RACDCERT {owner} ROLLOVER(LABEL('{old}')) NEWLABEL('{new}')"),
        );
    }
    let o = ok(&mut e, "RACDCERT ID(U1) LISTRING(R1)");
    assert_eq!(
        o.lines.iter().map(|l| l.trim_end()).collect::<Vec<_>>(),
        [
            "Digital ring information for user U1:",
            "",
            "  Ring:",
            "       >R1<",
            "  Certificate Label Name             Cert Owner     USAGE      DEFAULT",
            "  --------------------------------   ------------   --------   -------",
            "  CA                                 CERTAUTH       CERTAUTH     NO",
            "  S                                  SITE           SITE         NO",
            "  U2                                 ID(U1)         PERSONAL     YES",
            "  CA2                                CERTAUTH       CERTAUTH     NO",
            "  S2                                 SITE           SITE         NO",
            "",
        ]
    );
}

/// A command that ends with IRRD107I reports it as a typed outcome, set by the catalogue with
/// the message; the engine acts on it (the RCM113I case hint) without reading the printed
/// lines. IRRD107I's text is the one real captures show (docs/sources.md: zowe-install-packaging
/// issue 3980).
#[test]
fn irrd107i_is_a_typed_outcome_the_case_hint_follows() {
    let mut e = engine();
    ca(&mut e, "zosConnectCA");
    let o = e.execute(
        "IBMUSER",
        "RACDCERT CERTAUTH ALTER(LABEL('zosconnectca')) TRUST",
    );
    assert_eq!(
        o.lines,
        ["IRRD107I No matching certificate was found for this user."]
    );
    assert_eq!(o.rc, 8);
    assert_eq!(o.outcome, Some(Outcome::NoMatchingCertificate));
    assert_eq!(
        o.hints,
        ["RCM113I Labels are case-sensitive: CERTAUTH has no label 'zosconnectca' but has 'zosConnectCA'."]
    );
    // A listing that finds nothing ends with RC 4 and the same outcome.
    let o = e.execute("IBMUSER", "RACDCERT CERTAUTH LIST(LABEL('nosuch'))");
    assert_eq!((o.rc, o.outcome), (4, Some(Outcome::NoMatchingCertificate)));
    // Any other result carries none.
    let o = ok(&mut e, "RACDCERT CERTAUTH LIST(LABEL('zosConnectCA'))");
    assert_eq!(o.outcome, None);
    let o = e.execute("IBMUSER", "RACDCERT ID(NOSUCH) LIST");
    assert_eq!(o.outcome, None, "{:?}", o.lines);
}

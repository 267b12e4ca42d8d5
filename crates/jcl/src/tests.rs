use super::*;

fn deck(name: &str) -> String {
    let path = format!("{}/../../tests/decks/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("deck");
    // Line 1 is our provenance line.
    text.split_once('\n')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_default()
}

fn steps(items: &[JobItem]) -> Vec<&Step> {
    let mut out = Vec::new();
    for i in items {
        match i {
            JobItem::Step(s) => out.push(s),
            JobItem::If {
                then_items,
                else_items,
                ..
            } => {
                out.extend(steps(then_items));
                out.extend(steps(else_items));
            }
        }
    }
    out
}

fn records(step: &Step) -> Vec<String> {
    match step.input("SYSTSIN") {
        Some(DdInput::Records(r)) => r,
        other => panic!("{other:?}"),
    }
}

#[test]
fn zowe_zwekring_symbols_ddname_and_if() {
    let job = parse_job(&deck("zowe-zwekring.jcl")).unwrap();
    assert_eq!(job.name, "ZWEKRING");
    let all = steps(&job.items);
    let first = records(all[0]);
    assert!(
        first
            .iter()
            .any(|r| r == "   RACDCERT ADDRING(ZoweKeyring) ID(ZWESVUSR)"),
        "{first:?}"
    );
    // Option 1 is selected at run time.
    let mut ran = Vec::new();
    let res = run_job(&job, &mut |s: &Step| {
        ran.push(s.name.clone().unwrap_or_default());
        StepResult::Completed(0)
    });
    assert!(ran.contains(&"RUNOPT1".to_string()));
    assert!(!ran.contains(&"RUNOPT2".to_string()));
    assert_eq!(res.max_cc, 0);
    // The RDATALIB profile keeps its unbroken name.
    let all_text: Vec<String> = all
        .iter()
        .filter_map(|s| match s.input("SYSTSIN") {
            Some(DdInput::Records(r)) => Some(r.join("\n")),
            _ => None,
        })
        .collect();
    assert!(all_text
        .iter()
        .any(|t| t.contains("ZWESVUSR.ZoweKeyring.LST")));
    // ACF2 and TSS streams are not what SYSTSIN refers to.
    assert!(!all_text
        .iter()
        .any(|t| t.contains("SET PROFILE(USER) DIV(KEYRING)")));
}

#[test]
fn zcee_decks_parse_with_crlf_and_sequence_numbers() {
    for name in [
        "zcee-mqtls.jcl",
        "zcee-cicstls3.jcl",
        "zcee-zcjwtr3a.jcl",
        "zcee-zceetlss.jcl",
        "ibmgeorge-updcert-site.jcl",
        "zowe-zwekring-2020.jcl",
    ] {
        let job = parse_job(&deck(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let all = steps(&job.items);
        assert!(!all.is_empty(), "{name}");
        let recs = records(all.iter().find(|s| s.input("SYSTSIN").is_some()).unwrap());
        assert!(
            recs.iter()
                .any(|r| r.to_ascii_uppercase().contains("RACDCERT")),
            "{name}"
        );
    }
}

#[test]
fn dlm_and_data() {
    let job = parse_job(
        "//J JOB\n//S EXEC PGM=IKJEFT01\n//SYSTSIN DD DATA,DLM=$$\n//NOT A STATEMENT\n$$\n",
    )
    .unwrap();
    let s = steps(&job.items);
    assert_eq!(records(s[0]), ["//NOT A STATEMENT"]);
}

#[test]
fn if_else_on_rc() {
    let text = "//J JOB USER=ALICE\n//A EXEC PGM=X\n//T IF (A.RC GT 4) THEN\n//B EXEC PGM=B\n// ELSE\n//C EXEC PGM=C\n// ENDIF\n";
    let job = parse_job(text).unwrap();
    assert_eq!(job.user.as_deref(), Some("ALICE"));
    let mut ran = Vec::new();
    run_job(&job, &mut |s: &Step| {
        ran.push(s.program.clone().unwrap_or_default());
        StepResult::Completed(8)
    });
    assert_eq!(ran, ["X", "B"]);
}

#[test]
fn continuation_and_parm() {
    let job = parse_job(
        "//J JOB (ACCT),'NAME',\n//   CLASS=A\n//S EXEC PGM=IKJEFT01,\n//   PARM='LISTUSER'\n",
    )
    .unwrap();
    assert_eq!(steps(&job.items)[0].parm.as_deref(), Some("LISTUSER"));
}

#[test]
fn garbage_never_panics() {
    let base = deck("zowe-zwekring.jcl");
    let bytes = base.as_bytes();
    for cut in (0..bytes.len()).step_by(97) {
        let s = String::from_utf8_lossy(&bytes[..cut]);
        let _ = parse_job(&s);
        let mangled: String = s.chars().map(|c| if c == ')' { '(' } else { c }).collect();
        let _ = parse_job(&mangled);
    }
    for s in [
        "",
        "//",
        "// IF",
        "//X IF (RC",
        "//  ENDIF",
        "//A EXEC PGM=X,PARM='",
        "&&&&",
        "//S DD *",
    ] {
        let _ = parse_job(s);
    }
}

//! `racemu keyring list|export|serve`: a ring as an application opens it.

use crate::cli::{ClientAuthArg, ExportFmt, KeyringCmd};
use crate::fail;
use crate::files::write_output;
use racemu_engine::Engine;
use racemu_keyring::{AccessPath, RingView};
use racemu_pki::hex_colons;
use std::path::Path;
use std::process::ExitCode;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// Runs one `keyring` subcommand for the application user ID `user`.
pub fn run(engine: Engine, user: &str, k: KeyringCmd) -> ExitCode {
    let reference = match &k {
        KeyringCmd::List { ring, .. }
        | KeyringCmd::Export { ring, .. }
        | KeyringCmd::Serve { ring, .. } => ring.clone(),
    };
    let now = engine.clock().now();
    let mut racf = racemu::Racf::from_engine(engine);
    let view = match racf.ring(user, &reference) {
        Ok(v) => v,
        Err(e) => return fail(e),
    };
    if matches!(k, KeyringCmd::List { .. } | KeyringCmd::Serve { .. }) {
        for w in &view.stale {
            eprintln!("racemu: {w}");
        }
    }
    match k {
        KeyringCmd::List { json, .. } => list(&view, user, json, now),
        KeyringCmd::Export {
            format,
            out,
            password,
            password_file,
            legacy,
            ..
        } => {
            let password = match password_of(password, password_file.as_deref()) {
                Ok(p) => p,
                Err(e) => return fail(e),
            };
            export(&view, format, &out, password, legacy)
        }
        KeyringCmd::Serve {
            listen,
            label,
            client_auth,
            ..
        } => {
            let mode = match client_auth {
                ClientAuthArg::None => racemu::ClientAuth::None,
                ClientAuthArg::Optional => racemu::ClientAuth::Optional,
                ClientAuthArg::Required => racemu::ClientAuth::Required,
            };
            let config = match view.server_config(label.as_deref(), mode) {
                Ok(c) => c,
                Err(e) => return fail(e),
            };
            crate::ignore_sigpipe();
            match racemu::serve::serve(config, &listen) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
    }
}

/// The PKCS#12 password: `--password`, the first line of `--password-file`, or
/// $RACEMU_PASSWORD.
fn password_of(given: Option<String>, file: Option<&Path>) -> Result<Option<String>, String> {
    if given.is_some() {
        return Ok(given);
    }
    if let Some(f) = file {
        let text = std::fs::read_to_string(f)
            .map_err(|e| format!("cannot read --password-file {}: {e}", f.display()))?;
        let first = text.lines().next().unwrap_or("");
        return Ok(Some(first.trim_end_matches('\r').to_string()));
    }
    Ok(std::env::var("RACEMU_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty()))
}

/// `expired` / `not yet valid` at `now`, or `None`.
fn validity_note(e: &racemu_keyring::RingEntry, now: OffsetDateTime) -> Option<&'static str> {
    if now > e.info.not_after {
        Some("expired")
    } else if now < e.info.not_before {
        Some("not yet valid")
    } else {
        None
    }
}

/// `keyring list`: the entries as text or JSON; expired certificates are marked at `now`.
fn list(view: &RingView, user: &str, json: bool, now: OffsetDateTime) -> ExitCode {
    let entries: Vec<serde_json::Value> = view
        .entries
        .iter()
        .map(|e| {
            serde_json::json!({
                "label": e.label,
                "owner": match &e.owner { racemu_command::Owner::User(u) => u.clone(), racemu_command::Owner::CertAuth => "CERTAUTH".into(), racemu_command::Owner::Site => "SITE".into() },
                "usage": e.usage,
                "default": e.default,
                "trust": e.status,
                "subject": e.info.subject.racf_dotted(),
                "subject_rfc4514": e.subject_rfc4514(),
                "issuer": e.info.issuer.racf_dotted(),
                "not_before": rfc3339(e.info.not_before),
                "not_after": rfc3339(e.info.not_after),
                "expired": now > e.info.not_after,
                "validity": validity_note(e, now).unwrap_or("valid"),
                "sha256": hex_colons(&e.info.sha256_fingerprint),
                "private_key": if e.private_key.is_some() { "released" } else if e.key_withheld.is_some() { "withheld" } else { "none" },
                "withheld_because": e.key_withheld,
            })
        })
        .collect();
    if json {
        let doc = serde_json::json!({ "owner": view.owner, "ring": view.name, "user": user, "entries": entries });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    let access = match &view.access {
        AccessPath::Facility => "FACILITY IRR.DIGTCERT.LISTRING".to_string(),
        AccessPath::Rdatalib(p) => format!("RDATALIB {p}"),
    };
    println!(
        "Ring {}/{} opened by {user} (access through {access})",
        view.owner, view.name
    );
    for e in &entries {
        println!();
        for (k, title) in [
            ("label", "Label"),
            ("owner", "Owner"),
            ("usage", "Usage"),
            ("default", "Default"),
            ("trust", "Trust"),
            ("subject", "Subject"),
            ("subject_rfc4514", "RFC 4514"),
            ("issuer", "Issuer"),
            ("not_before", "Not before"),
            ("not_after", "Not after"),
            ("sha256", "SHA-256"),
            ("private_key", "Private key"),
        ] {
            let v = &e[k];
            let mut text = v.as_str().map(str::to_string).unwrap_or_else(|| {
                if v.as_bool() == Some(true) {
                    "YES".into()
                } else {
                    "NO".into()
                }
            });
            if k == "not_after" || k == "not_before" {
                match e["validity"].as_str() {
                    Some("expired") if k == "not_after" => text.push_str("  (EXPIRED)"),
                    Some("not yet valid") if k == "not_before" => {
                        text.push_str("  (NOT YET VALID)")
                    }
                    _ => {}
                }
            }
            println!("  {:<12} {text}", format!("{title}:"));
        }
        if let Some(why) = e["withheld_because"].as_str() {
            println!("  {:<12} {why}", "Withheld:");
        }
    }
    ExitCode::SUCCESS
}

/// `keyring export`: the bundle or keystore to `out` (`-` = standard output), created 0600
/// when it holds a private key; a summary on standard error (RCM201I).
fn export(
    view: &RingView,
    format: ExportFmt,
    out: &Path,
    password: Option<String>,
    legacy: bool,
) -> ExitCode {
    if view.entries.is_empty() {
        return fail(racemu_keyring::DatalibError::empty(&view.name));
    }
    let keys = view
        .entries
        .iter()
        .filter(|e| e.private_key.is_some())
        .count();
    let bytes = match format {
        ExportFmt::Pem => view.pem_bundle().into_bytes(),
        ExportFmt::Pkcs12 => {
            let Some(pw) = password else {
                return fail(
                    "a PKCS#12 password is required: --password, --password-file or $RACEMU_PASSWORD",
                );
            };
            let enc = if legacy {
                racemu_pki::Pkcs12Encryption::LegacyTripleDes
            } else {
                racemu_pki::Pkcs12Encryption::Aes256
            };
            match view.pkcs12(&pw, enc) {
                Ok(b) => b,
                Err(e) => return fail(e),
            }
        }
    };
    if let Err(e) = write_output(out, &bytes, keys > 0) {
        return fail(format!("cannot write {}: {e}", out.display()));
    }
    let target = if out.as_os_str() == "-" {
        "standard output".to_string()
    } else {
        out.display().to_string()
    };
    let withheld = view
        .entries
        .iter()
        .filter(|e| e.key_withheld.is_some())
        .count();
    eprintln!(
        "racemu: RCM201I wrote {target} ({}): {} certificate(s), {keys} private key(s){}",
        match format {
            ExportFmt::Pem => "PEM",
            ExportFmt::Pkcs12 => "PKCS#12",
        },
        view.entries.len(),
        if withheld > 0 {
            format!(", {withheld} private key(s) withheld (see keyring list)")
        } else {
            String::new()
        }
    );
    ExitCode::SUCCESS
}

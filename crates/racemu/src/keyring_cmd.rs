//! `racemu keyring list|export|serve` (and the dispatch of `keyring doctor` and `keyring open`): a ring as an application opens it.

use crate::cli::{ClientAuthArg, ExportFmt, KeyringCmd};
use crate::fail;
use crate::files::write_output;
use racemu_engine::Engine;
use racemu_keyring::{
    ClientLogons, Export, Listing, RacfLogons, RingListing, RingView, TlsConfigs, Validity,
};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use time::OffsetDateTime;

/// Runs one `keyring` subcommand for the application user ID `user`.
pub fn run(engine: Engine, user: &str, k: KeyringCmd) -> ExitCode {
    let reference = match &k {
        KeyringCmd::Doctor {
            ring,
            label,
            hosts,
            clients,
            probe,
            attls_policy,
            rule,
            json,
            ..
        } => {
            // The doctor opens the ring itself: a refusal is one of its findings.
            let options = racemu_keyring::doctor::Options {
                label: label.clone(),
                hosts: hosts.clone(),
                clients: clients.clone(),
                now: engine.clock().now(),
                probe: *probe,
            };
            let target = match (ring, attls_policy) {
                (_, Some(file)) => crate::doctor_cmd::Target::Policy {
                    file,
                    rule: rule.as_deref(),
                },
                (Some(ring), None) => crate::doctor_cmd::Target::Ring(ring),
                (None, None) => return fail("name a ring or --attls-policy"),
            };
            return crate::doctor_cmd::run(engine, user, target, &options, *json);
        }
        KeyringCmd::Open { ring } => {
            let mut racf = racemu::Racf::from_engine(engine);
            return crate::keyring_open::run(racf.ring(user, ring), user);
        }
        KeyringCmd::List { ring, .. }
        | KeyringCmd::Export { ring, .. }
        | KeyringCmd::Serve { ring, .. } => ring.clone(),
    };
    let now = engine.clock().now();
    let randomness = engine.config().randomness;
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
        KeyringCmd::Doctor { .. } | KeyringCmd::Open { .. } => {
            fail("keyring doctor and keyring open run before the ring is opened")
        }
        KeyringCmd::List { json, .. } => list(&view, json, now),
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
            export(&view, format, &out, password, legacy, &randomness)
        }
        KeyringCmd::Serve {
            listen,
            label,
            client_auth,
            appl,
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
            // A server that asks for client certificates reports whom each logs on.
            let logons = match (mode, racf.into_engine()) {
                (racemu::ClientAuth::None, _) | (_, None) => None,
                (_, Some(engine)) => Some(Arc::new(RacfLogons::new(
                    engine,
                    user,
                    appl.as_deref(),
                    crate::usermap_cmd::DEFAULT_SYSID,
                )) as Arc<dyn ClientLogons>),
            };
            crate::ignore_sigpipe();
            match racemu::serve::serve(config, &listen, randomness.is_seeded(), logons) {
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

/// `keyring list`: the entries as text or JSON, both from one [`RingListing`]; expired
/// certificates are marked at `now`.
fn list(view: &RingView, json: bool, now: OffsetDateTime) -> ExitCode {
    let listing = view.listing(now);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&listing_json(&listing)).unwrap_or_default()
        );
    } else {
        for line in listing.text() {
            println!("{line}");
        }
    }
    ExitCode::SUCCESS
}

/// `keyring list --json`: the listing's fields under their snake_case names; `filtered`
/// holds the NOTRUST certificates R_datalib left out, in the entries' shape.
fn listing_json(l: &RingListing) -> serde_json::Value {
    let entry = |e: &racemu_keyring::ListedEntry| {
        serde_json::json!({
            "label": e.label,
            "owner": e.owner.name(),
            "usage": e.usage.keyword(),
            "default": e.default,
            "trust": e.trust.keyword(),
            "subject": e.subject,
            "subject_rfc4514": e.subject_rfc4514,
            "issuer": e.issuer,
            "not_before": e.not_before,
            "not_after": e.not_after,
            "expired": e.validity == Validity::Expired,
            "validity": e.validity.as_str(),
            "sha256": e.sha256,
            "private_key": e.private_key.as_str(),
            "withheld_because": e.withheld_because,
        })
    };
    let entries: Vec<serde_json::Value> = l.entries.iter().map(entry).collect();
    let filtered: Vec<serde_json::Value> = l.filtered.iter().map(entry).collect();
    serde_json::json!({
        "owner": l.owner,
        "ring": l.ring,
        "user": l.user,
        "entries": entries,
        "filtered": filtered,
    })
}

/// `keyring export`: the bundle or keystore to `out` (`-` = standard output), created 0600
/// when it holds a private key; a summary on standard error (RCM201I).
fn export(
    view: &RingView,
    format: ExportFmt,
    out: &Path,
    password: Option<String>,
    legacy: bool,
    randomness: &racemu_pki::Randomness,
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
            match view.pkcs12(&pw, enc, randomness) {
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
    let format = match format {
        ExportFmt::Pem => "PEM",
        ExportFmt::Pkcs12 => "PKCS#12",
    };
    eprintln!(
        "racemu: {}",
        racemu::messages::exported(&target, format, view.entries.len(), keys, withheld)
    );
    ExitCode::SUCCESS
}

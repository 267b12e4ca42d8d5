//! The data set and system functions of TSO/E (TSO/E REXX User's Guide, "Accessing System
//! Information",
//! <https://www.ibm.com/docs/SSLTBW_2.4.0/com.ibm.zos.v2r4.ikjc300/ikj2g2_Accessing_System_Information.htm>):
//! SYSDSN and LISTDSI ask the catalog (no data set is opened), MSG keeps the exec's message
//! setting, MVSVAR answers racemu's system names.

use crate::api::{self, Api};
use crate::exits::{with_host, with_running};
use crate::functions::Answer;
use crate::{Dataset, Profile};

/// A data set name as TSO/E takes it: quoted is fully qualified, unquoted gets the prefix.
pub(crate) fn qualify(name: &str, prefix: &str) -> String {
    let t = name.trim();
    match t.strip_prefix('\'') {
        Some(q) => q.trim_end_matches('\'').to_ascii_uppercase(),
        None if prefix.is_empty() => t.to_ascii_uppercase(),
        None => format!("{prefix}.{}", t.to_ascii_uppercase()),
    }
}

/// SYSDSN(dsn): `OK`, `DATASET NOT FOUND`, `MEMBER NOT FOUND`, `MEMBER SPECIFIED, BUT
/// DATASET IS NOT PARTITIONED`, `INVALID DATASET NAME, dsn` or `MISSING DATASET NAME`.
pub(crate) fn sysdsn(name: Option<String>, p: &Profile) -> Answer {
    let name = name.unwrap_or_default();
    if name.trim().is_empty() {
        return Answer::Value("MISSING DATASET NAME".to_string());
    }
    let dsn = qualify(&name, &p.prefix);
    Answer::Value(
        match with_host(|h| h.dataset(&dsn)).unwrap_or(Dataset::NotFound) {
            Dataset::Found { .. } => "OK".to_string(),
            Dataset::NotFound => "DATASET NOT FOUND".to_string(),
            Dataset::MemberNotFound => "MEMBER NOT FOUND".to_string(),
            Dataset::NotPartitioned => {
                "MEMBER SPECIFIED, BUT DATASET IS NOT PARTITIONED".to_string()
            }
            Dataset::InvalidName => format!("INVALID DATASET NAME, {}", name.trim()),
        },
    )
}

/// LISTDSI(dsn | ddname FILE): 0 with SYSDSNAME, SYSDSORG, SYSRECFM, SYSLRECL, SYSBLKSIZE,
/// SYSMEMBERS, SYSUNIT, SYSVOLUME and SYSREASON 0 set; 16 with SYSREASON (2 no such DD,
/// 5 not cataloged) when the data set cannot be listed.
pub(crate) fn listdsi(api: &Api, args: &[Option<String>], p: &Profile) -> Answer {
    let first = args.first().cloned().flatten().unwrap_or_default();
    let file = args
        .get(1)
        .cloned()
        .flatten()
        .is_some_and(|a| a.trim().eq_ignore_ascii_case("FILE"));
    let mut words = first.split_whitespace();
    let name = words.next().unwrap_or("").to_string();
    let file = file || words.next().is_some_and(|w| w.eq_ignore_ascii_case("FILE"));
    let set = |n: &str, v: &str| api::set_variable(api, n, v);
    let dsn = if file {
        match with_host(|h| h.dd_dataset(&name.to_ascii_uppercase())).flatten() {
            Some(d) => d,
            None => {
                set("SYSREASON", "0002");
                return Answer::Value("16".to_string());
            }
        }
    } else {
        qualify(&name, &p.prefix)
    };
    set("SYSDSNAME", &dsn);
    match with_host(|h| h.dataset(&dsn)).unwrap_or(Dataset::NotFound) {
        Dataset::Found {
            dsorg,
            recfm,
            lrecl,
            members,
        } => {
            let blksize = if recfm.starts_with('F') && lrecl > 0 {
                27998 / lrecl * lrecl
            } else {
                27998
            };
            set("SYSDSORG", &dsorg);
            set("SYSRECFM", &recfm);
            set("SYSLRECL", &lrecl.to_string());
            set("SYSBLKSIZE", &blksize.to_string());
            set("SYSUNIT", "3390");
            set("SYSVOLUME", "RACEMU");
            set(
                "SYSMEMBERS",
                &members.map(|m| m.to_string()).unwrap_or_default(),
            );
            set("SYSREASON", "0000");
            Answer::Value("0".to_string())
        }
        _ => {
            set("SYSREASON", "0005");
            Answer::Value("16".to_string())
        }
    }
}

/// MSG([ON|OFF]): the previous setting; the setting is kept but does not hide messages.
pub(crate) fn msg(arg: Option<String>) -> Answer {
    let new = match arg.as_deref().map(|a| a.trim().to_ascii_uppercase()) {
        None => None,
        Some(a) if a == "ON" => Some(true),
        Some(a) if a == "OFF" => Some(false),
        Some(_) => return Answer::BadCall,
    };
    let old = with_running(|r| {
        let old = r.msg;
        if let Some(n) = new {
            r.msg = n;
        }
        old
    })
    .unwrap_or(true);
    Answer::Value(if old { "ON" } else { "OFF" }.to_string())
}

/// MVSVAR(name): the system names racemu has (docs/rexx.md).
pub(crate) fn mvsvar(name: Option<String>, p: &Profile) -> Answer {
    let name = name.unwrap_or_default().trim().to_ascii_uppercase();
    Answer::Value(match name.as_str() {
        "SYSNAME" => p.sysname.clone(),
        "SYSPLEX" => p.sysplex.clone(),
        "SYSCLONE" => p
            .sysname
            .chars()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect(),
        "SYSSMFID" => p.sysname.chars().take(4).collect(),
        "SYSMVS" | "SYSDFP" | "SYSAPPCLU" | "SYSSECLAB" => String::new(),
        "SYSSMS" => "INACTIVE".to_string(),
        _ => return Answer::BadCall,
    })
}

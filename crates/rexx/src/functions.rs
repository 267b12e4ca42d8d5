//! The TSO/E external functions racemu answers (TSO/E REXX Reference, "TSO/E external
//! functions", <https://www.ibm.com/docs/SSLTBW_2.4.0/com.ibm.zos.v2r4.ikjc300/ikj2g2_Accessing_System_Information.htm>):
//! OUTTRAP, SYSVAR, SYSDSN, LISTDSI, MSG, MVSVAR and USERID. OUTTRAP, SYSVAR, SYSDSN, LISTDSI
//! and MSG exist only in the TSO/E environment: under IRXJCL a call is a routine REXX cannot
//! find (error 43); MVSVAR and USERID answer in any environment.

use crate::api::Api;
use crate::exits::with_running;
use crate::outtrap::{control_variables, Trap, MAX_DEFAULT};
use crate::Environment;

/// The private function the exec's USERID routine calls (see `exits::start`).
pub(crate) const USERID: &str = "RACEMU.USERID";

/// A function's answer.
pub(crate) enum Answer {
    /// The function's value.
    Value(String),
    /// The arguments are not valid: REXX error 40, "Incorrect call to routine".
    BadCall,
    /// No such function here: REXX error 43, "Routine not found".
    NotFound,
}

/// Calls function `name` (upper case) with `args` (`None` for an omitted argument); `None`
/// when the function is not one of racemu's (Regina's own or the exec's).
pub(crate) fn call(api: &Api, name: &str, args: &[Option<String>]) -> Option<Answer> {
    let arg = |i: usize| args.get(i).cloned().flatten();
    let (environment, profile) = with_running(|r| (r.environment, r.profile.clone()))?;
    let tso_only = matches!(name, "OUTTRAP" | "SYSVAR" | "MSG" | "SYSDSN" | "LISTDSI");
    if tso_only && environment != Environment::Tso {
        return Some(Answer::NotFound);
    }
    Some(match name {
        // Regina's USERID() answers the Unix login; TSO/E's the RACF user ID.
        USERID => Answer::Value(profile.user.clone()),
        "SYSVAR" => match (args.len(), arg(0)) {
            (1, Some(v)) => sysvar(&v.trim().to_ascii_uppercase(), &profile),
            _ => Answer::BadCall,
        },
        "OUTTRAP" => outtrap(api, arg(0), arg(1), arg(2)),
        "SYSDSN" if args.len() <= 1 => crate::listdsi::sysdsn(arg(0), &profile),
        "SYSDSN" => Answer::BadCall,
        "LISTDSI" if !args.is_empty() => crate::listdsi::listdsi(api, args, &profile),
        "LISTDSI" => Answer::BadCall,
        "MSG" if args.len() <= 1 => crate::listdsi::msg(arg(0)),
        "MSG" => Answer::BadCall,
        "MVSVAR" if args.len() == 1 => crate::listdsi::mvsvar(arg(0), &profile),
        "MVSVAR" => Answer::BadCall,
        _ => return None,
    })
}

/// SYSVAR (<https://www.ibm.com/docs/SSLTBW_2.4.0/com.ibm.zos.v2r4.ikjc300/ikj2g2_Accessing_System_Information.htm>): the user
/// information racemu has; any other name is not valid (error 40).
fn sysvar(name: &str, p: &crate::Profile) -> Answer {
    Answer::Value(match name {
        "SYSUID" => p.user.clone(),
        "SYSPREF" => p.prefix.clone(),
        "SYSENV" => if p.foreground { "FORE" } else { "BACK" }.to_string(),
        "SYSISPF" => "NOT ACTIVE".to_string(),
        "SYSRACF" => "AVAILABLE".to_string(),
        "SYSNEST" => "NO".to_string(),
        "SYSPCMD" | "SYSSCMD" | "SYSHSM" | "SYSLRACF" | "SYSJES" | "SYSNODE" | "SYSCPU"
        | "SYSSRV" | "SYSTSOE" | "SYSDTERM" | "SYSKTERM" | "SYSPLANG" | "SYSSLANG" | "SYSPROC"
        | "SYSICMD" | "SYSUDATE" => String::new(),
        "SYSLTERM" | "SYSWTERM" => "0".to_string(),
        _ => return Answer::BadCall,
    })
}

/// OUTTRAP(varname, max, concat); `OFF` ends trapping. The value is the variable name, or
/// `OFF`.
fn outtrap(api: &Api, name: Option<String>, max: Option<String>, concat: Option<String>) -> Answer {
    let name = name.unwrap_or_default().trim().to_ascii_uppercase();
    if name.is_empty() {
        return Answer::BadCall;
    }
    if name == "OFF" {
        with_running(|r| r.trap = None);
        return Answer::Value("OFF".to_string());
    }
    let max = match max.as_deref().map(str::trim) {
        None | Some("") | Some("*") => MAX_DEFAULT,
        Some(m) => match m.parse::<u64>() {
            Ok(n) if n <= MAX_DEFAULT => n,
            _ => return Answer::BadCall,
        },
    };
    let concat = match concat.as_deref().map(|c| c.trim().to_ascii_uppercase()) {
        None => true,
        Some(c) if c.is_empty() || c == "CONCAT" => true,
        Some(c) if c == "NOCONCAT" => false,
        Some(_) => return Answer::BadCall,
    };
    let trap = Trap {
        name: name.clone(),
        max,
        concat,
        stored: 0,
        trapped: 0,
    };
    let sets = control_variables(&trap);
    with_running(|r| r.trap = Some(trap));
    for (n, v) in sets {
        crate::api::set_variable(api, &n, &v);
    }
    Answer::Value(name)
}

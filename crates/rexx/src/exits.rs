//! RexxStart and the exits Regina calls while an exec runs: RXSIO (SAY, trace and error
//! output, PULL), RXCMD (host commands) and RXFNC (the TSO/E functions).

use crate::api::{self, Api};
use crate::ffi::{self, RxString};
use crate::outtrap::Trap;
use crate::{messages, Command, Ended, Environment, Exec, Halted, Host, Profile};
use std::cell::RefCell;
use std::ffi::CString;
use std::os::raw::{c_long, c_short, c_uchar};

/// The exec running on this thread: what the exits read and write.
pub(crate) struct Running {
    /// The caller's host; only dereferenced while [`run`] is on the stack.
    host: *mut (dyn Host + 'static),
    pub(crate) lines: Vec<String>,
    pub(crate) trap: Option<Trap>,
    pub(crate) name: String,
    pub(crate) environment: Environment,
    pub(crate) profile: Profile,
    syntax_error: Option<u32>,
    /// When to halt the exec.
    deadline: Option<std::time::Instant>,
    /// Why it was halted.
    halted: Option<Halted>,
    /// The number of lines of the exec's source.
    source_lines: usize,
    /// The exec's open files (EXECIO).
    pub(crate) files: crate::execio::Files,
    /// MSG's setting.
    pub(crate) msg: bool,
    /// Whether Regina traced a line since the last host command ended.
    traced: bool,
    /// Whether the trace lines of the command that just ended are to be dropped.
    drop_trace: bool,
    /// Whether the clause line of that command was dropped (its RC line goes too).
    dropped_clause: bool,
    /// The last host command's RC, for the trace's `+++ RC(n) +++` line.
    last_rc: i32,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// Runs `f` on the running exec's state; `None` when no exec runs on this thread.
pub(crate) fn with_running<T>(f: impl FnOnce(&mut Running) -> T) -> Option<T> {
    RUNNING.with(|r| r.try_borrow_mut().ok()?.as_mut().map(f))
}

impl Running {
    /// A line Regina traces: error messages as TSO/E's, a command's RC as TSO/E's. Under
    /// TRACE NORMAL (and FAILURE) Regina also traces a command that ended with a positive
    /// RC (an ERROR), after it ran; TSO/E traces only failures (a negative RC) there, so
    /// those two lines are dropped: a command whose clause was not traced before it ran
    /// (no TRACE COMMANDS, ALL …), that ended with RC > 0 and whose clause Regina then
    /// traces. (Under TRACE ERRORS Regina writes the `+++` line alone, which is kept.)
    fn trace(&mut self, line: &str) {
        if self.drop_trace {
            if line.contains(" *-* ") {
                self.dropped_clause = true;
                return;
            }
            let rc_line = line.trim_start().starts_with("+++ RC");
            let dropped = self.dropped_clause;
            self.drop_trace = false;
            self.dropped_clause = false;
            if rc_line && dropped {
                return;
            }
        }
        self.traced = true;
        match crate::errors::from_regina(line, &self.name, self.source_lines) {
            crate::errors::Translated::Error { number, line } => {
                self.syntax_error.get_or_insert(number);
                self.lines.push(line);
            }
            crate::errors::Translated::Drop => {}
            crate::errors::Translated::Keep => {
                self.lines.push(messages::command_trace(line, self.last_rc))
            }
        }
        // A command's trace ends with its RC.
        if line.trim_start().starts_with("+++ RC") {
            self.traced = false;
        }
    }
}

/// The RC of an exec Regina did not start.
const NOT_STARTED_RC: i32 = 12;

/// The name racemu registers its exit handler under.
const EXIT_NAME: &std::ffi::CStr = c"RACEMUTSO";

pub(crate) fn run(
    api: &'static Api,
    exec: &Exec<'_>,
    host: &mut dyn Host,
) -> Result<Ended, String> {
    // SAFETY: the 'static lifetime is a lie told only to the thread-local slot, which is
    // emptied before this function returns, so the pointer is never used after `host` ends.
    let host: *mut (dyn Host + 'static) = unsafe { std::mem::transmute(host) };
    RUNNING.with(|r| {
        *r.borrow_mut() = Some(Running {
            host,
            lines: Vec::new(),
            trap: None,
            name: exec.name.to_ascii_uppercase(),
            environment: exec.environment,
            profile: exec.profile.clone(),
            syntax_error: None,
            last_rc: 0,
            files: Default::default(),
            msg: true,
            traced: false,
            drop_trace: false,
            dropped_clause: false,
            source_lines: exec.source.lines().count(),
            deadline: exec.deadline,
            halted: None,
        })
    });
    let outcome = start(api, exec);
    let running = RUNNING.with(|r| r.borrow_mut().take());
    let running = running.ok_or_else(|| "the exec's state was lost".to_string())?;
    let (rc, syntax_error) = match (outcome, running.syntax_error) {
        (_, Some(n)) => (20000 + n as i32, Some(n)),
        (Err(n), None) => (20000 + n as i32, Some(n)),
        (Ok(rc), None) => (rc, None),
    };
    Ok(Ended {
        lines: running.lines,
        rc,
        syntax_error,
        halted: running.halted,
    })
}

/// RexxStart with the exits: `Ok(rc)` from RETURN/EXIT, `Err(n)` for REXX error `n`.
fn start(api: &Api, exec: &Exec<'_>) -> Result<i32, u32> {
    // SAFETY: registering an exit handler with a static name and a handler of the declared
    // signature; re-registration (a second exec in the process) is refused harmlessly.
    unsafe {
        (api.register_exit)(EXIT_NAME.as_ptr(), exit_handler, std::ptr::null_mut());
    }
    let mut exits = [
        ffi::RxSysExit {
            name: EXIT_NAME.as_ptr(),
            code: ffi::RXSIO,
        },
        ffi::RxSysExit {
            name: EXIT_NAME.as_ptr(),
            code: ffi::RXCMD,
        },
        ffi::RxSysExit {
            name: EXIT_NAME.as_ptr(),
            code: ffi::RXFNC,
        },
        ffi::RxSysExit {
            name: std::ptr::null(),
            code: ffi::RXENDLST,
        },
    ];
    // Regina reads the exec from the in-storage copy (instore[0]); instore[1] is the
    // tokenised image it may fill in.
    // USERID() is a Regina built-in answering the Unix login; an internal routine of the
    // same name, after the exec's last line, takes precedence and answers the RACF user
    // (the exit before it keeps falling off the end the same as before).
    // Added only when the exec names USERID, so that other execs run as written.
    let source = exec.source.replace("\r\n", "\n");
    let mut source = if source.to_ascii_uppercase().contains("USERID") {
        format!(
            "{source}\n\nexit\nUSERID: return '{}'()",
            crate::functions::USERID
        )
    } else {
        source
    }
    .into_bytes();
    let mut instore = [
        RxString {
            len: source.len() as std::os::raw::c_ulong,
            ptr: source.as_mut_ptr() as *mut std::os::raw::c_char,
        },
        RxString::NULL,
    ];
    let mut args = exec.args.as_bytes().to_vec();
    let mut argv = [RxString {
        len: args.len() as std::os::raw::c_ulong,
        ptr: args.as_mut_ptr() as *mut std::os::raw::c_char,
    }];
    let argc = if exec.args.is_empty() { 0 } else { 1 };
    let name = CString::new(exec.name.replace('\0', "")).unwrap_or_default();
    let env = match exec.environment {
        Environment::Tso => c"TSO",
        Environment::Mvs => c"MVS",
    };
    let mut rc: c_short = 0;
    let mut result = RxString::NULL;
    // SAFETY: every pointer handed over points to memory that outlives the call (locals of
    // this frame); Regina allocates `result`, released below with RexxFreeMemory.
    let ret = unsafe {
        (api.start)(
            argc,
            argv.as_mut_ptr(),
            name.as_ptr(),
            instore.as_mut_ptr(),
            env.as_ptr(),
            ffi::RXCOMMAND | ffi::RXRESTRICTED,
            exits.as_mut_ptr(),
            &mut rc,
            &mut result,
        )
    };
    // SAFETY: `result` is null or a string Regina allocated for the caller.
    let text = unsafe { result.text() };
    if !result.ptr.is_null() {
        // SAFETY: as above; freed once.
        unsafe {
            (api.free)(result.ptr as *mut std::ffi::c_void);
        }
    }
    if !instore[1].ptr.is_null() {
        // SAFETY: the tokenised image Regina allocated for the caller, freed once.
        unsafe {
            (api.free)(instore[1].ptr as *mut std::ffi::c_void);
        }
    }
    let ret = ret as std::os::raw::c_long as i64;
    if ret < 0 {
        return Err(u32::try_from(-ret).unwrap_or(0));
    }
    if ret > 0 {
        // RX_START_BADP … RX_DIDNT_START: the exec did not run.
        with_running(|r| r.lines.push(messages::not_started(ret)));
        return Ok(NOT_STARTED_RC);
    }
    Ok(text.trim().parse::<i32>().unwrap_or(i32::from(rc)))
}

/// The one exit handler: dispatches on the exit code.
unsafe extern "C" fn exit_handler(code: c_long, sub: c_long, parm: *mut c_uchar) -> c_long {
    // A panic must not unwind into C: it ends the exit as not handled.
    std::panic::catch_unwind(|| {
        let Ok(api) = api::api() else {
            return ffi::RXEXIT_NOT_HANDLED;
        };
        if over_limit() {
            // Regina 3.6 has no halt exit (RXHLT): an exit that fails ends the exec with
            // REXX error 48, "Failure in system service".
            return ffi::RXEXIT_RAISE_ERROR;
        }
        // SAFETY: Regina passes the parameter block that `code` and `sub` name.
        unsafe {
            match (code, sub) {
                (ffi::RXSIO, s) => sio(api, s, parm),
                (ffi::RXCMD, ffi::RXCMDHST) => host_command(api, parm as *mut ffi::RxCmdHstParm),
                (ffi::RXFNC, ffi::RXFNCCAL) => function(api, parm as *mut ffi::RxFncCalParm),
                _ => ffi::RXEXIT_NOT_HANDLED,
            }
        }
    })
    .unwrap_or(ffi::RXEXIT_NOT_HANDLED)
}

/// RXSIO: SAY and trace lines to SYSTSPRT (Regina's error messages as TSO/E's), PULL from the
/// host.
unsafe fn sio(api: &Api, sub: c_long, parm: *mut c_uchar) -> c_long {
    let p = parm as *mut ffi::RxSioParm;
    match sub {
        ffi::RXSIOSAY | ffi::RXSIOTRC => {
            // SAFETY: RXSIOSAY_PARM and RXSIOTRC_PARM hold one string Regina owns.
            let text = unsafe { (*p).string.text() };
            with_running(|r| {
                for line in text.split('\n') {
                    if sub == ffi::RXSIOTRC {
                        r.trace(line);
                    } else {
                        r.drop_trace = false;
                        r.traced = false;
                        r.lines.push(line.to_string());
                    }
                }
            });
            ffi::RXEXIT_HANDLED
        }
        ffi::RXSIOTRD | ffi::RXSIODTR => {
            let line = if sub == ffi::RXSIOTRD {
                // SAFETY: the host pointer is live while the exec runs (see `run`).
                with_host(|h| h.pull()).flatten().unwrap_or_default()
            } else {
                String::new()
            };
            // SAFETY: RXSIOTRD_PARM holds the answer string, which Regina takes over.
            unsafe {
                (*p).string = api::rx_string(api, &line);
            }
            ffi::RXEXIT_HANDLED
        }
        _ => ffi::RXEXIT_NOT_HANDLED,
    }
}

/// Calls the host of the running exec, with the thread's state unborrowed (the host may take
/// its time; it never re-enters this crate).
pub(crate) fn with_host<T>(f: impl FnOnce(&mut dyn Host) -> T) -> Option<T> {
    let host = with_running(|r| r.host)?;
    // SAFETY: `host` was set by `run` from a live `&mut dyn Host` and is only used while
    // `run` is on the stack (exits are called from inside RexxStart).
    Some(f(unsafe { &mut *host }))
}

/// RXCMD: a host command. `ADDRESS TSO` goes to the host when the exec runs under TSO/E;
/// any other environment (and TSO outside TSO/E) is one TSO/E cannot find: RC -3, FAILURE.
unsafe fn host_command(api: &Api, p: *mut ffi::RxCmdHstParm) -> c_long {
    // SAFETY: RXCMDHST_PARM as rexxsaa.h declares it; the strings are Regina's.
    let (address, text) = unsafe {
        let a = &*p;
        let address = if a.address.is_null() {
            String::new()
        } else {
            let bytes = std::slice::from_raw_parts(a.address, a.address_len as usize);
            String::from_utf8_lossy(bytes).to_ascii_uppercase()
        };
        (address, a.command.text())
    };
    let (environment, traced_before) = with_running(|r| {
        r.drop_trace = false;
        (r.environment, r.traced)
    })
    .unwrap_or((Environment::Mvs, false));
    let execio = crate::execio::is_execio(&text) && (address == "TSO" || address == "MVS");
    let outcome = if execio {
        Command::Ran {
            lines: Vec::new(),
            rc: crate::execio::run(api, &text),
        }
    } else if address == "TSO" && environment == Environment::Tso {
        with_host(|h| h.command(&text)).unwrap_or(Command::NotFound)
    } else {
        Command::NotFound
    };
    let rc = match outcome {
        Command::NotFound => -3,
        Command::Ran { lines, rc } => {
            crate::outtrap::deliver(api, lines);
            rc
        }
    };
    with_running(|r| {
        r.last_rc = rc;
        r.traced = false;
        r.drop_trace = rc > 0 && !traced_before;
    });
    // SAFETY: as above; the return code string is allocated for Regina to take over.
    unsafe {
        let a = &mut *p;
        // Bit 0 rxfcfail (FAILURE), bit 1 rxfcerr (ERROR).
        a.flags = match rc {
            -3 => 1,
            0 => 0,
            _ => 2,
        };
        a.retc = api::rx_string(api, &rc.to_string());
    }
    ffi::RXEXIT_HANDLED
}

/// RXFNC: the TSO/E functions racemu answers; any other function is left to Regina.
unsafe fn function(api: &Api, p: *mut ffi::RxFncCalParm) -> c_long {
    // SAFETY: RXFNCCAL_PARM as rexxsaa.h declares it; name and arguments are Regina's.
    let (name, args) = unsafe {
        let f = &*p;
        let name = if f.name.is_null() {
            String::new()
        } else {
            let bytes = std::slice::from_raw_parts(f.name, f.name_len as usize);
            String::from_utf8_lossy(bytes).to_ascii_uppercase()
        };
        let mut args = Vec::new();
        for i in 0..f.argc as usize {
            let a = &*f.argv.add(i);
            args.push((!a.ptr.is_null()).then(|| a.text()));
        }
        (name, args)
    };
    let Some(answer) = crate::functions::call(api, &name, &args) else {
        return ffi::RXEXIT_NOT_HANDLED;
    };
    // SAFETY: as above; the result string is allocated for Regina to take over.
    unsafe {
        let f = &mut *p;
        match answer {
            crate::functions::Answer::Value(v) => f.retc = api::rx_string(api, &v),
            // Bit 0 rxfferr: "Incorrect call to routine" (error 40).
            crate::functions::Answer::BadCall => f.flags |= 1,
            // Bit 1 rxffnfnd: "Routine not found" (error 43).
            crate::functions::Answer::NotFound => f.flags |= 2,
        }
    }
    ffi::RXEXIT_HANDLED
}

/// Whether the running exec is past its deadline or wrote more than [`crate::MAX_LINES`]
/// lines: it is then halted (once; its error message still reaches SYSTSPRT).
fn over_limit() -> bool {
    with_running(|r| {
        if r.halted.is_some() {
            return false;
        }
        if r.deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            r.halted = Some(Halted::TimeLimit);
        } else if r.lines.len() > crate::MAX_LINES {
            r.halted = Some(Halted::OutputLimit);
        }
        r.halted.is_some()
    })
    .unwrap_or(false)
}

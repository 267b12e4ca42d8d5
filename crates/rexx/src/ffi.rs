//! The part of Regina's SAA API racemu uses, declared from `rexxsaa.h` (libregina3-dev 3.6):
//! loaded from `libregina.so.3` at run time, so that building racemu needs no REXX package.
//!
//! On Linux (LP64) Regina's `ULONG` and `LONG` are C `long` (64 bits), `APIRET` is `ULONG`.

use std::os::raw::{c_char, c_long, c_short, c_uchar, c_ulong, c_ushort};

/// `RXSTRING`: a counted string; `strptr` null is a null string.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct RxString {
    /// `strlength`.
    pub len: c_ulong,
    /// `strptr`.
    pub ptr: *mut c_char,
}

impl RxString {
    /// The null string.
    pub const NULL: RxString = RxString {
        len: 0,
        ptr: std::ptr::null_mut(),
    };

    /// The bytes of the string (empty for a null string).
    ///
    /// # Safety
    /// `ptr` must be null or point to `len` readable bytes that live as long as the result.
    pub unsafe fn bytes<'a>(&self) -> &'a [u8] {
        if self.ptr.is_null() {
            return &[];
        }
        // SAFETY: the caller guarantees `ptr` points to `len` readable bytes.
        unsafe { std::slice::from_raw_parts(self.ptr as *const u8, self.len as usize) }
    }

    /// The string as text (lossy).
    ///
    /// # Safety
    /// As [`RxString::bytes`].
    pub unsafe fn text(&self) -> String {
        // SAFETY: as the caller guarantees for `bytes`.
        String::from_utf8_lossy(unsafe { self.bytes() }).into_owned()
    }
}

/// `RXSYSEXIT`: one exit handler's registered name and the exit code it serves.
#[repr(C)]
pub struct RxSysExit {
    /// `sysexit_name`.
    pub name: *const c_char,
    /// `sysexit_code` (`RXSIO`, `RXCMD`, `RXENDLST`).
    pub code: c_long,
}

/// `SHVBLOCK`: one request to the variable pool.
#[repr(C)]
pub struct ShvBlock {
    /// `shvnext`.
    pub next: *mut ShvBlock,
    /// `shvname`.
    pub name: RxString,
    /// `shvvalue`.
    pub value: RxString,
    /// `shvnamelen`.
    pub namelen: c_ulong,
    /// `shvvaluelen`.
    pub valuelen: c_ulong,
    /// `shvcode`.
    pub code: c_uchar,
    /// `shvret`.
    pub ret: c_uchar,
}

/// `RXCMDHST_PARM`: a host command (the RXCMD exit). The flags are C bit fields in one
/// `unsigned int`: bit 0 `rxfcfail`, bit 1 `rxfcerr` (GCC allocates bit fields from bit 0).
#[repr(C)]
pub struct RxCmdHstParm {
    /// `rxcmd_flags`.
    pub flags: u32,
    /// `rxcmd_address`.
    pub address: *const c_uchar,
    /// `rxcmd_addressl`.
    pub address_len: c_ushort,
    /// `rxcmd_dll`.
    pub dll: *const c_uchar,
    /// `rxcmd_dll_len`.
    pub dll_len: c_ushort,
    /// `rxcmd_command`.
    pub command: RxString,
    /// `rxcmd_retc`.
    pub retc: RxString,
}

/// `RXFNCCAL_PARM`: an external function call (the RXFNC exit). Flags as [`RxCmdHstParm`]:
/// bit 0 `rxfferr`, bit 1 `rxffnfnd`, bit 2 `rxffsub`.
#[repr(C)]
pub struct RxFncCalParm {
    /// `rxfnc_flags`.
    pub flags: u32,
    /// `rxfnc_name`.
    pub name: *const c_uchar,
    /// `rxfnc_namel`.
    pub name_len: c_ushort,
    /// `rxfnc_que`.
    pub que: *const c_uchar,
    /// `rxfnc_quel`.
    pub que_len: c_ushort,
    /// `rxfnc_argc`.
    pub argc: c_ushort,
    /// `rxfnc_argv`.
    pub argv: *const RxString,
    /// `rxfnc_retc`.
    pub retc: RxString,
}

/// `RXSIOSAY_PARM` / `RXSIOTRC_PARM` (one string) and `RXSIOTRD_PARM` / `RXSIODTR_PARM` (the
/// answer).
#[repr(C)]
pub struct RxSioParm {
    /// The string said or traced, or the line read.
    pub string: RxString,
}

/// `RXHLTTST_PARM`: bit 0 `rxfhhalt` asks the interpreter to halt.
#[repr(C)]
pub struct RxHltTstParm {
    /// `rxhlt_flags`.
    pub flags: u32,
}

/// `RexxExitHandler`.
pub type ExitHandler = unsafe extern "C" fn(c_long, c_long, *mut c_uchar) -> c_long;

/// `RexxStart`.
pub type RexxStart = unsafe extern "C" fn(
    c_long,
    *mut RxString,
    *const c_char,
    *mut RxString,
    *const c_char,
    c_long,
    *mut RxSysExit,
    *mut c_short,
    *mut RxString,
) -> c_ulong;
/// `RexxRegisterExitExe`.
pub type RexxRegisterExitExe =
    unsafe extern "C" fn(*const c_char, ExitHandler, *mut c_uchar) -> c_ulong;
/// `RexxVariablePool`.
pub type RexxVariablePool = unsafe extern "C" fn(*mut ShvBlock) -> c_ulong;
/// `RexxAllocateMemory`.
pub type RexxAllocateMemory = unsafe extern "C" fn(c_ulong) -> *mut std::ffi::c_void;
/// `RexxFreeMemory`.
pub type RexxFreeMemory = unsafe extern "C" fn(*mut std::ffi::c_void) -> c_ulong;

/// `RexxAddQueue`: queues a line on a named queue (`SESSION`: the exec's data stack).
pub type RexxAddQueue = unsafe extern "C" fn(*const c_char, *mut RxString, c_ulong) -> c_ulong;
/// `RXQUEUE_FIFO`.
pub const RXQUEUE_FIFO: c_ulong = 0;
/// `RXQUEUE_LIFO`.
pub const RXQUEUE_LIFO: c_ulong = 1;

/// `RXCOMMAND`: the exec is called as a command (one argument string).
pub const RXCOMMAND: c_long = 0;
/// `RXRESTRICTED`: Regina's restricted mode (no file or shell access from the exec).
pub const RXRESTRICTED: c_long = 256;
/// `RXFNC` exit code, subfunction `RXFNCCAL`.
pub const RXFNC: c_long = 2;
/// `RXFNCCAL`.
pub const RXFNCCAL: c_long = 1;
/// `RXCMD` exit code, subfunction `RXCMDHST`.
pub const RXCMD: c_long = 3;
/// `RXCMDHST`.
pub const RXCMDHST: c_long = 1;
/// `RXSIO` exit code.
pub const RXSIO: c_long = 5;
/// `RXSIOSAY`.
pub const RXSIOSAY: c_long = 1;
/// `RXSIOTRC`.
pub const RXSIOTRC: c_long = 2;
/// `RXSIOTRD`.
pub const RXSIOTRD: c_long = 3;
/// `RXSIODTR`.
pub const RXSIODTR: c_long = 4;
/// `RXHLT` exit code.
pub const RXHLT: c_long = 7;
/// `RXHLTTST`.
pub const RXHLTTST: c_long = 2;
/// `RXENDLST`: ends the exit list.
pub const RXENDLST: c_long = 0;
/// `RXEXIT_HANDLED`.
pub const RXEXIT_HANDLED: c_long = 0;
/// `RXEXIT_NOT_HANDLED`.
pub const RXEXIT_NOT_HANDLED: c_long = 1;
/// `RXEXIT_RAISE_ERROR`: the exit failed; Regina raises REXX error 48.
pub const RXEXIT_RAISE_ERROR: c_long = -1;
/// `RXSHV_SET`: set a variable by its exact (direct) name.
pub const RXSHV_SET: c_uchar = 0x00;
/// `RXSHV_FETCH`: fetch a variable by its exact (direct) name.
pub const RXSHV_FETCH: c_uchar = 0x01;
/// `RXSHV_NEWV`: the variable was not set.
pub const RXSHV_NEWV: c_uchar = 0x01;

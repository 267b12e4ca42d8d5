//! Regina's library, opened once per process: the entry points racemu calls.

use crate::ffi;
use std::sync::OnceLock;

/// The shared object racemu opens: Debian's and Ubuntu's `libregina3` package installs it.
pub const LIBRARY: &str = "libregina.so.3";

/// The environment variable that names another Regina library to open (a path, for a Regina
/// installed elsewhere) instead of [`LIBRARY`].
pub const LIBRARY_VAR: &str = "RACEMU_REGINA";

/// The entry points of an opened Regina.
pub(crate) struct Api {
    pub start: ffi::RexxStart,
    pub register_exit: ffi::RexxRegisterExitExe,
    pub variable_pool: ffi::RexxVariablePool,
    pub allocate: ffi::RexxAllocateMemory,
    pub free: ffi::RexxFreeMemory,
    pub add_queue: ffi::RexxAddQueue,
}

static API: OnceLock<Result<Api, String>> = OnceLock::new();

/// Regina's entry points, opening the library on first use; the reason (the loader's words)
/// when it cannot be opened.
pub(crate) fn api() -> Result<&'static Api, &'static str> {
    API.get_or_init(open).as_ref().map_err(String::as_str)
}

fn open() -> Result<Api, String> {
    // SAFETY: loading Regina runs its initialisers, which have no preconditions (a library
    // named by $RACEMU_REGINA is the user's own configuration, trusted as racemu's); the
    // library is leaked below, so the function pointers taken from it stay valid for the
    // process.
    let name = std::env::var_os(LIBRARY_VAR)
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| LIBRARY.into());
    let lib = unsafe { libloading::Library::new(&name) }.map_err(|e| e.to_string())?;
    let lib: &'static libloading::Library = Box::leak(Box::new(lib));
    // SAFETY: each symbol is declared with the signature rexxsaa.h (Regina 3.x) gives it.
    unsafe {
        Ok(Api {
            start: *lib
                .get::<ffi::RexxStart>(b"RexxStart\0")
                .map_err(|e| e.to_string())?,
            register_exit: *lib
                .get::<ffi::RexxRegisterExitExe>(b"RexxRegisterExitExe\0")
                .map_err(|e| e.to_string())?,
            variable_pool: *lib
                .get::<ffi::RexxVariablePool>(b"RexxVariablePool\0")
                .map_err(|e| e.to_string())?,
            allocate: *lib
                .get::<ffi::RexxAllocateMemory>(b"RexxAllocateMemory\0")
                .map_err(|e| e.to_string())?,
            free: *lib
                .get::<ffi::RexxFreeMemory>(b"RexxFreeMemory\0")
                .map_err(|e| e.to_string())?,
            add_queue: *lib
                .get::<ffi::RexxAddQueue>(b"RexxAddQueue\0")
                .map_err(|e| e.to_string())?,
        })
    }
}

/// An RXSTRING holding a copy of `text` in memory Regina may free.
pub(crate) fn rx_string(api: &Api, text: &str) -> ffi::RxString {
    let len = text.len();
    // SAFETY: RexxAllocateMemory returns a block of at least `len + 1` bytes or null.
    let p = unsafe { (api.allocate)((len + 1) as std::os::raw::c_ulong) } as *mut u8;
    if p.is_null() {
        return ffi::RxString::NULL;
    }
    // SAFETY: `p` holds `len + 1` writable bytes that do not overlap `text`.
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), p, len);
        *p.add(len) = 0;
    }
    ffi::RxString {
        len: len as std::os::raw::c_ulong,
        ptr: p as *mut std::os::raw::c_char,
    }
}

/// Sets REXX variable `name` (its exact name: an upper-case stem and a tail as written) to
/// `value` through the variable pool of the exec running on this thread.
pub(crate) fn set_variable(api: &Api, name: &str, value: &str) {
    let mut block = ffi::ShvBlock {
        next: std::ptr::null_mut(),
        name: ffi::RxString {
            len: name.len() as std::os::raw::c_ulong,
            ptr: name.as_ptr() as *mut std::os::raw::c_char,
        },
        value: ffi::RxString {
            len: value.len() as std::os::raw::c_ulong,
            ptr: value.as_ptr() as *mut std::os::raw::c_char,
        },
        namelen: name.len() as std::os::raw::c_ulong,
        valuelen: value.len() as std::os::raw::c_ulong,
        code: ffi::RXSHV_SET,
        ret: 0,
    };
    // SAFETY: the block and the strings it points to live across the call; Regina copies
    // them and only reads them for RXSHV_SET.
    unsafe {
        (api.variable_pool)(&mut block);
    }
}

/// The value of REXX variable `name` (exact name), if it is set.
pub(crate) fn fetch_variable(api: &Api, name: &str) -> Option<String> {
    let mut block = ffi::ShvBlock {
        next: std::ptr::null_mut(),
        name: ffi::RxString {
            len: name.len() as std::os::raw::c_ulong,
            ptr: name.as_ptr() as *mut std::os::raw::c_char,
        },
        value: ffi::RxString::NULL,
        namelen: name.len() as std::os::raw::c_ulong,
        valuelen: 0,
        code: ffi::RXSHV_FETCH,
        ret: 0,
    };
    // SAFETY: as in `set_variable`; with a null value Regina allocates the answer, which is
    // copied and given back with RexxFreeMemory.
    unsafe {
        (api.variable_pool)(&mut block);
        if block.ret & ffi::RXSHV_NEWV != 0 || block.value.ptr.is_null() {
            return None;
        }
        let text = block.value.text();
        (api.free)(block.value.ptr as *mut std::ffi::c_void);
        Some(text)
    }
}

/// Queues `line` on the exec's data stack (Regina's `SESSION` queue), last (FIFO) or first
/// (LIFO).
pub(crate) fn queue(api: &Api, line: &str, lifo: bool) {
    let mut data = line.as_bytes().to_vec();
    let mut s = ffi::RxString {
        len: data.len() as std::os::raw::c_ulong,
        ptr: data.as_mut_ptr() as *mut std::os::raw::c_char,
    };
    let flag = if lifo {
        ffi::RXQUEUE_LIFO
    } else {
        ffi::RXQUEUE_FIFO
    };
    // SAFETY: the queue name is a static C string and the line lives across the call;
    // Regina copies it.
    unsafe {
        (api.add_queue)(c"SESSION".as_ptr(), &mut s, flag);
    }
}

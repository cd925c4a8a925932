//! The Zig side: a shim shared library loaded into this process.

use std::path::Path;

use crate::value::Value;

/// `int32_t zigport_<name>(in, in_len, out, out_cap, *out_len)`.
type ShimEntry = unsafe extern "C" fn(*const u8, usize, *mut u8, usize, *mut usize) -> i32;
type SetPanicFd = unsafe extern "C" fn(i32);

#[derive(Debug, thiserror::Error)]
pub enum ZigError {
    #[error("cannot load {path}: {message}")]
    Load { path: String, message: String },
    #[error("the shim has no function `{0}`")]
    Missing(String),
    #[error("the shim returned malformed output")]
    Malformed,
}

/// A loaded shim library. Functions taken from it stay valid while it lives.
pub struct ZigLibrary {
    lib: libloading::Library,
}

/// One exported shim function.
#[derive(Clone, Copy)]
pub struct ZigFn {
    entry: ShimEntry,
    set_panic_fd: SetPanicFd,
}

impl ZigLibrary {
    pub fn open(path: &Path) -> Result<Self, ZigError> {
        // SAFETY: the library is a shim generated and built by our oracle:
        // its initialisers are Zig's, which run no user code on load.
        let lib = unsafe { libloading::Library::new(path) }.map_err(|e| ZigError::Load {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Ok(ZigLibrary { lib })
    }

    pub fn function(&self, name: &str) -> Result<ZigFn, ZigError> {
        let symbol = format!("zigport_{name}");
        // SAFETY: every `zigport_*` export of a generated shim has the
        // `ShimEntry` signature (see `zigport_oracle::shim`), and
        // `zigport_set_panic_fd` takes one i32.
        unsafe {
            let entry = *self
                .lib
                .get::<ShimEntry>(symbol.as_bytes())
                .map_err(|_| ZigError::Missing(symbol.clone()))?;
            let set_panic_fd = *self
                .lib
                .get::<SetPanicFd>(b"zigport_set_panic_fd")
                .map_err(|_| ZigError::Missing("zigport_set_panic_fd".into()))?;
            Ok(ZigFn {
                entry,
                set_panic_fd,
            })
        }
    }
}

impl ZigFn {
    /// Calls with encoded arguments, writing the encoded result into
    /// `out`. Does not allocate (safe to use in a forked child).
    /// Returns the result length, or `None` if `out` was too small.
    pub fn call_raw(&self, input: &[u8], out: &mut [u8]) -> Option<usize> {
        let mut len = 0usize;
        // SAFETY: `input` and `out` are valid for their lengths for the
        // whole call; the shim reads only `input` and writes only within
        // `out[..out_cap]` and `*out_len`.
        let rc = unsafe {
            (self.entry)(
                input.as_ptr(),
                input.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        };
        (rc == 0).then_some(len)
    }

    /// Calls and decodes; grows the output buffer as needed.
    pub fn call(&self, args: &[Value]) -> Result<Value, ZigError> {
        let input = crate::value::encode_args(args);
        let mut out = vec![0u8; 4096];
        loop {
            if let Some(n) = self.call_raw(&input, &mut out) {
                return Value::decode(&out[..n])
                    .map(|(v, _)| v)
                    .ok_or(ZigError::Malformed);
            }
            out.resize(out.len() * 4, 0);
        }
    }

    /// Where the shim's panic handler writes its message frame.
    pub fn set_panic_fd(&self, fd: i32) {
        // SAFETY: a plain setter of an i32 global in the shim.
        unsafe { (self.set_panic_fd)(fd) }
    }
}

//! Builds a shim as a ReleaseSafe shared library with the pinned Zig.
//! Builds are cached by a hash of everything that goes into them.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::toolchain::Toolchain;

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("zig build-lib failed:\n{stderr}")]
    Zig { stderr: String },
}

/// A Zig module the shim imports as `@import(name)`.
#[derive(Debug, Clone)]
pub struct Module {
    pub name: String,
    pub root: PathBuf,
}

/// Builds `shim_source` into `<cache_dir>/<hash>/libzigport_shim.so` (or
/// the platform's name) and returns the library path.
pub fn build_shared_library(
    toolchain: &Toolchain,
    shim_source: &str,
    modules: &[Module],
    cache_dir: &Path,
) -> Result<PathBuf, BuildError> {
    let mut hasher = DefaultHasher::new();
    shim_source.hash(&mut hasher);
    toolchain.version.hash(&mut hasher);
    for m in modules {
        m.name.hash(&mut hasher);
        // The module's whole directory may be imported; its root file's
        // content is the key (a changed dependency needs a new root hash too).
        std::fs::read(&m.root).unwrap_or_default().hash(&mut hasher);
    }
    // Zig runs inside the cache directory: every path it gets is absolute.
    let cache_dir = &std::path::absolute(cache_dir).map_err(|source| BuildError::Io {
        path: cache_dir.to_path_buf(),
        source,
    })?;
    let dir = cache_dir.join(format!("{:016x}", hasher.finish()));
    let lib = dir.join(library_file_name("zigport_shim"));
    if lib.is_file() {
        return Ok(lib);
    }
    std::fs::create_dir_all(&dir).map_err(|source| BuildError::Io {
        path: dir.clone(),
        source,
    })?;
    let shim = dir.join("shim.zig");
    std::fs::write(&shim, shim_source).map_err(|source| BuildError::Io {
        path: shim.clone(),
        source,
    })?;
    let mut cmd = Command::new(&toolchain.zig);
    cmd.args([
        "build-lib",
        "-dynamic",
        "-OReleaseSafe",
        "-fPIC",
        "--name",
        "zigport_shim",
    ])
    .current_dir(&dir)
    .arg(format!("-femit-bin={}", lib.display()))
    .env("ZIG_GLOBAL_CACHE_DIR", cache_dir.join("zig-global-cache"))
    .env("ZIG_LOCAL_CACHE_DIR", cache_dir.join("zig-local-cache"))
    .stdin(Stdio::null());
    for m in modules {
        cmd.args(["--dep", &m.name]);
    }
    cmd.arg("-Mroot=shim.zig");
    for m in modules {
        cmd.arg(format!("-M{}={}", m.name, m.root.display()));
    }
    let output = cmd.output().map_err(|source| BuildError::Io {
        path: toolchain.zig.clone(),
        source,
    })?;
    if !output.status.success() {
        return Err(BuildError::Zig {
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        });
    }
    Ok(lib)
}

fn library_file_name(name: &str) -> String {
    if cfg!(target_os = "macos") {
        format!("lib{name}.dylib")
    } else if cfg!(windows) {
        format!("{name}.dll")
    } else {
        format!("lib{name}.so")
    }
}

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
/// the platform's name) and returns the library path. The modules it
/// imports see only each other's `pub` declarations.
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
    let (dir, lib) = build_dir(cache_dir, hasher.finish())?;
    if lib.is_file() {
        return Ok(lib);
    }
    write(&dir.join("shim.zig"), shim_source.as_bytes())?;
    compile(toolchain, &dir, &lib, modules)
}

/// Where [`build_embedded_library`] puts its copy of the module's files,
/// inside the build directory. Compiler messages name the copy as
/// `zigport-src/<path>`.
pub const EMBEDDED_SOURCE_DIR: &str = "zigport-src";

/// Builds exports appended to a copy of the module whose root file is
/// `root`, so they reach its private declarations: the files the module
/// reaches through relative `@import`s and `@embedFile`s are copied
/// (layout kept) into the build directory, `exports` is appended to the
/// copy of `root`, and `root_source` (the wire prelude, importing the
/// copy as `target`) is the library's root. The user's files are only
/// read. Cached by the content of every copied file.
pub fn build_embedded_library(
    toolchain: &Toolchain,
    root_source: &str,
    root: &Path,
    exports: &str,
    cache_dir: &Path,
) -> Result<PathBuf, BuildError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BuildError::Io { path, source }
    };
    let base = root.parent().unwrap_or(Path::new("."));
    let files = reachable_files(root);
    let mut contents = Vec::with_capacity(files.len());
    let mut hasher = DefaultHasher::new();
    (root_source, exports, &toolchain.version).hash(&mut hasher);
    for rel in &files {
        let text = std::fs::read(base.join(rel)).map_err(io(&base.join(rel)))?;
        (rel, &text).hash(&mut hasher);
        contents.push(text);
    }
    let (dir, lib) = build_dir(cache_dir, hasher.finish())?;
    if lib.is_file() {
        return Ok(lib);
    }
    let src = dir.join(EMBEDDED_SOURCE_DIR);
    for (rel, mut text) in files.iter().zip(contents) {
        let copy = src.join(rel);
        if let Some(parent) = copy.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        if copy == src.join(root_file_name(root)) {
            text.extend_from_slice(exports.as_bytes());
        }
        write(&copy, &text)?;
    }
    write(&dir.join("shim.zig"), root_source.as_bytes())?;
    let target = Module {
        name: crate::shim::EMBEDDED_MODULE.into(),
        root: src.join(root_file_name(root)),
    };
    compile(toolchain, &dir, &lib, &[target])
}

fn root_file_name(root: &Path) -> &std::ffi::OsStr {
    root.file_name().unwrap_or_default()
}

/// Most files a module may reach (a bound on the copy, never hit by a
/// real module).
const MAX_REACHABLE_FILES: usize = 20_000;

/// `root` and every file it reaches through relative `@import("x.zig")`
/// and `@embedFile("x")`, as paths relative to `root`'s directory (Zig
/// itself refuses files outside it). Found by scanning the text, so a
/// mention in a comment or string costs a copy, never a miss.
pub fn reachable_files(root: &Path) -> Vec<PathBuf> {
    let base = root.parent().unwrap_or(Path::new("."));
    let mut seen = std::collections::BTreeSet::new();
    let mut queue = vec![PathBuf::from(root_file_name(root))];
    while let Some(rel) = queue.pop() {
        if seen.len() >= MAX_REACHABLE_FILES || !seen.insert(rel.clone()) {
            continue;
        }
        if rel.extension().is_none_or(|e| e != "zig") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(base.join(&rel)) else {
            continue;
        };
        let dir = rel.parent().unwrap_or(Path::new(""));
        for name in quoted_arguments(&text, "@import(\"")
            .filter(|n| n.ends_with(".zig"))
            .chain(quoted_arguments(&text, "@embedFile(\""))
        {
            if let Some(next) = normalise(&dir.join(name))
                && base.join(&next).is_file()
            {
                queue.push(next);
            }
        }
    }
    seen.into_iter()
        .filter(|rel| base.join(rel).is_file())
        .collect()
}

/// The string literal arguments after each `prefix` (`@import("`).
fn quoted_arguments<'t>(text: &'t str, prefix: &'t str) -> impl Iterator<Item = &'t str> {
    text.match_indices(prefix).filter_map(move |(at, _)| {
        let rest = &text[at + prefix.len()..];
        let name = &rest[..rest.find('"')?];
        (!name.contains('\\')).then_some(name)
    })
}

/// `a/./b/../c` → `a/c`; `None` when it climbs out of its base or is
/// absolute.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::Normal(n) => out.push(n),
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// The build directory for a key, and the library path in it. Zig runs
/// inside the cache directory: every path it gets is absolute.
fn build_dir(cache_dir: &Path, key: u64) -> Result<(PathBuf, PathBuf), BuildError> {
    let cache_dir = std::path::absolute(cache_dir).map_err(|source| BuildError::Io {
        path: cache_dir.to_path_buf(),
        source,
    })?;
    let dir = cache_dir.join(format!("{key:016x}"));
    let lib = dir.join(library_file_name("zigport_shim"));
    Ok((dir, lib))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    let io = |source| BuildError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    std::fs::write(path, bytes).map_err(io)
}

/// `zig build-lib` of `dir/shim.zig` (ReleaseSafe, position independent),
/// with `modules` as its dependencies; caches beside `dir`.
fn compile(
    toolchain: &Toolchain,
    dir: &Path,
    lib: &Path,
    modules: &[Module],
) -> Result<PathBuf, BuildError> {
    let cache_dir = dir.parent().unwrap_or(dir);
    let mut cmd = Command::new(&toolchain.zig);
    cmd.args([
        "build-lib",
        "-dynamic",
        "-OReleaseSafe",
        "-fPIC",
        "--name",
        "zigport_shim",
    ])
    .current_dir(dir)
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
    Ok(lib.to_path_buf())
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

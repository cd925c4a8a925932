//! Finding, checking and provisioning the pinned Zig toolchain.
//!
//! Search order: `$ZIG`, then the project-local install
//! (`<project>/.zigport/toolchain/zig-<version>`, or
//! `$ZIGPORT_TOOLCHAIN_DIR/zig-<version>`) when there is one, then the
//! per-user cache (`<cache>/toolchain/zig-<version>`, see [`cache_root`]),
//! then `zig` on `PATH`.
//!
//! Provisioning installs the `ziglang` wheel from PyPI with pip into the
//! user cache, so one install serves every project of the user. It is
//! atomic: pip writes into a private staging directory, which is checked
//! and then renamed into place. A rename never replaces a non-empty
//! directory, so of several concurrent installers the first one wins and
//! the others discard their copy: a half-finished or mixed install is never
//! picked up.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;

/// Where a toolchain was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// The `ZIG` environment variable.
    Env,
    /// `<project>/.zigport/toolchain/zig-<version>` (or
    /// `$ZIGPORT_TOOLCHAIN_DIR/zig-<version>`).
    ProjectLocal,
    /// `<cache>/toolchain/zig-<version>`, shared by all projects of the user.
    UserCache,
    /// `zig` on `PATH`.
    Path,
}

impl Origin {
    /// How messages name the origin.
    pub fn label(self) -> &'static str {
        match self {
            Origin::Env => "$ZIG",
            Origin::ProjectLocal => "project-local",
            Origin::UserCache => "user cache",
            Origin::Path => "PATH",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Toolchain {
    pub zig: PathBuf,
    pub version: String,
    pub lib_dir: PathBuf,
    pub std_dir: PathBuf,
    pub origin: Origin,
}

/// What to look for, and where the project keeps its local install.
#[derive(Debug, Clone)]
pub struct ToolchainRequest {
    pub version: String,
    /// Directory holding `.zigport/` (the project root).
    pub project_dir: PathBuf,
}

/// Reads an environment variable; the process environment in production,
/// a fixed map in tests (which then need not touch the global one).
type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<OsString>;

fn process_env(name: &str) -> Option<OsString> {
    std::env::var_os(name)
}

fn non_empty(env: EnvLookup, name: &str) -> Option<OsString> {
    env(name).filter(|v| !v.is_empty())
}

impl ToolchainRequest {
    /// The project-local install, an override that is used when present
    /// and never written: `$ZIGPORT_TOOLCHAIN_DIR/zig-<version>` or
    /// `<project>/.zigport/toolchain/zig-<version>`.
    pub fn local_dir(&self) -> PathBuf {
        self.local_dir_in(&process_env)
    }

    /// The per-user install, `<cache>/toolchain/zig-<version>`; `None` when
    /// no cache directory can be determined (see [`cache_root`]).
    pub fn user_cache_dir(&self) -> Option<PathBuf> {
        self.user_cache_dir_in(&process_env)
    }

    /// Where [`install`] puts the toolchain: the user cache, or the
    /// project-local directory when there is no user cache.
    pub fn install_dir(&self) -> PathBuf {
        self.install_dir_in(&process_env)
    }

    fn version_dir(&self) -> String {
        format!("zig-{}", self.version)
    }

    fn local_dir_in(&self, env: EnvLookup) -> PathBuf {
        let base = non_empty(env, "ZIGPORT_TOOLCHAIN_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| self.project_dir.join(".zigport").join("toolchain"));
        base.join(self.version_dir())
    }

    fn user_cache_dir_in(&self, env: EnvLookup) -> Option<PathBuf> {
        cache_root_in(env).map(|root| root.join("toolchain").join(self.version_dir()))
    }

    fn install_dir_in(&self, env: EnvLookup) -> PathBuf {
        self.user_cache_dir_in(env)
            .unwrap_or_else(|| self.local_dir_in(env))
    }
}

/// The directory of an install (`zig-<version>`) → its `zig` binary.
fn zig_in(install_dir: &Path) -> PathBuf {
    install_dir.join("ziglang").join(zig_exe_name())
}

/// zigport's per-user cache directory: `$ZIGPORT_CACHE_DIR` if set, else
/// `zigport/` in the user's cache directory — `$XDG_CACHE_HOME` (when
/// absolute) or `$HOME/.cache`, `%LOCALAPPDATA%` on Windows: where Zig
/// keeps its own global cache, so `zigport/` sits next to Zig's `zig/`.
/// `None` when none of these variables is set.
pub fn cache_root() -> Option<PathBuf> {
    cache_root_in(&process_env)
}

fn cache_root_in(env: EnvLookup) -> Option<PathBuf> {
    if let Some(dir) = non_empty(env, "ZIGPORT_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    let base = if cfg!(windows) {
        non_empty(env, "LOCALAPPDATA").map(PathBuf::from)
    } else {
        // The XDG Base Directory spec: a relative value is invalid, ignore it.
        non_empty(env, "XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| non_empty(env, "HOME").map(|h| PathBuf::from(h).join(".cache")))
    };
    base.map(|b| b.join("zigport"))
}

/// Result of a search, without installing anything.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Found {
    Ok(Toolchain),
    /// A Zig was found but has another version than the pinned one.
    VersionMismatch {
        found: Toolchain,
        wanted: String,
    },
    Missing {
        wanted: String,
        searched: Vec<String>,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum ToolchainError {
    #[error(
        "$ZIG points to Zig {found} at {path}, but this project pins {wanted}; unset ZIG or change [toolchain] zig in zigport.toml"
    )]
    EnvMismatch {
        path: PathBuf,
        found: String,
        wanted: String,
    },
    #[error("cannot run {path}: {message}")]
    Probe { path: PathBuf, message: String },
    #[error(
        "installing ziglang=={version} with `{python} -m pip` failed ({status}); is Python 3 with pip installed and PyPI reachable?"
    )]
    Install {
        version: String,
        python: String,
        status: String,
    },
    #[error("{path} holds no working Zig {version} ({message}); remove it and run again")]
    Broken {
        path: PathBuf,
        version: String,
        message: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn zig_exe_name() -> &'static str {
    if cfg!(windows) { "zig.exe" } else { "zig" }
}

/// Searches without installing.
pub fn find(request: &ToolchainRequest) -> Found {
    find_in(request, &process_env)
}

fn find_in(request: &ToolchainRequest, env: EnvLookup) -> Found {
    let mut searched = Vec::new();
    let mut mismatch = None;
    let mut candidates: Vec<(PathBuf, Origin)> = Vec::new();
    if let Some(zig) = non_empty(env, "ZIG") {
        candidates.push((PathBuf::from(zig), Origin::Env));
    }
    candidates.push((zig_in(&request.local_dir_in(env)), Origin::ProjectLocal));
    if let Some(dir) = request.user_cache_dir_in(env) {
        candidates.push((zig_in(&dir), Origin::UserCache));
    }
    if let Some(on_path) = which(zig_exe_name(), env) {
        candidates.push((on_path, Origin::Path));
    }
    for (i, (path, origin)) in candidates.iter().enumerate() {
        // `ZIGPORT_TOOLCHAIN_DIR` may name the user cache itself.
        if candidates[..i].iter().any(|(p, _)| p == path) {
            continue;
        }
        searched.push(format!("{} ({})", path.display(), origin.label()));
        // The installs are looked for, not assumed: skip the spawn when
        // there is nothing there.
        if *origin != Origin::Env && !path.is_file() {
            continue;
        }
        let Ok(found) = probe(path, *origin) else {
            continue;
        };
        if found.version == request.version {
            return Found::Ok(found);
        }
        // $ZIG is an explicit choice: report it rather than look further.
        if *origin == Origin::Env {
            return Found::VersionMismatch {
                found,
                wanted: request.version.clone(),
            };
        }
        mismatch.get_or_insert(found);
    }
    match mismatch {
        Some(found) => Found::VersionMismatch {
            found,
            wanted: request.version.clone(),
        },
        None => Found::Missing {
            wanted: request.version.clone(),
            searched,
        },
    }
}

/// Finds the pinned toolchain, installing it into the user cache when it is
/// missing (or only other versions exist). `notify` receives one-line
/// messages for the user (what is being installed, where).
pub fn ensure(
    request: &ToolchainRequest,
    notify: &dyn Fn(&str),
) -> Result<Toolchain, ToolchainError> {
    match find(request) {
        Found::Ok(t) => Ok(t),
        Found::VersionMismatch { found, wanted } if found.origin == Origin::Env => {
            Err(ToolchainError::EnvMismatch {
                path: found.zig,
                found: found.version,
                wanted,
            })
        }
        Found::VersionMismatch { found, .. } => {
            notify(&format!(
                "found Zig {} at {}, but the project pins {}",
                found.version,
                found.zig.display(),
                request.version
            ));
            install(request, notify)
        }
        Found::Missing { .. } => {
            notify(&format!("Zig {} not found", request.version));
            install(request, notify)
        }
    }
}

/// Installs `ziglang==<version>` from PyPI into [`ToolchainRequest::install_dir`]
/// (the user cache). pip's own output is shown on stderr.
pub fn install(
    request: &ToolchainRequest,
    notify: &dyn Fn(&str),
) -> Result<Toolchain, ToolchainError> {
    let target = request.install_dir();
    let origin = if request.user_cache_dir().as_ref() == Some(&target) {
        Origin::UserCache
    } else {
        Origin::ProjectLocal
    };
    let parent = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|source| ToolchainError::Io {
        path: parent.to_path_buf(),
        source,
    })?;
    // An install that landed meanwhile is used; a broken one in the way is
    // reported before anything is downloaded.
    if zig_in(&target).exists() {
        return landed(&target, &request.version, origin, None);
    }
    let staging = staging_for(&target);
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    notify(&format!(
        "installing ziglang=={} from PyPI into {} (about 90 MB)",
        request.version,
        target.display()
    ));
    // pip's stdout goes to our stderr: the user sees pip's own progress
    // (a download bar on a terminal, plain lines in CI) and `--json`
    // output on our stdout stays clean.
    let status = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--no-input",
            "--disable-pip-version-check",
        ])
        .args(["--no-deps", "--target"])
        .arg(&staging)
        .arg(format!("ziglang=={}", request.version))
        .stdin(Stdio::null())
        .stdout(std::io::stderr())
        .stderr(Stdio::inherit())
        .status();
    let failed = |status: String| {
        let _ = std::fs::remove_dir_all(&staging);
        ToolchainError::Install {
            version: request.version.clone(),
            python: python.clone(),
            status,
        }
    };
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => return Err(failed(status.to_string())),
        Err(e) => return Err(failed(e.to_string())),
    }
    // Check the copy before it can be found: a broken one never lands.
    match probe(&zig_in(&staging), origin) {
        Ok(t) if t.version == request.version => {}
        other => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(other.err().unwrap_or_else(|| ToolchainError::Probe {
                path: zig_in(&staging),
                message: format!("pip installed another version than {}", request.version),
            }));
        }
    }
    let toolchain = place(&staging, &target, &request.version, origin)?;
    notify(&format!(
        "installed Zig {} at {}",
        toolchain.version,
        toolchain.zig.display()
    ));
    Ok(toolchain)
}

/// `<dir>/.<name>.partial-<pid>-<n>`: a staging directory next to `target`
/// (so that the final rename stays on one file system) that no other
/// installer, process or thread, uses.
fn staging_for(target: &Path) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(
        ".{name}.partial-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Moves a complete, checked install from `staging` to `target` by
/// renaming it. Renaming a directory onto an existing one that is not empty
/// fails, so when several installers race, the first rename wins and the
/// others discard their copy and use the winner's. Nothing ever replaces or
/// removes an existing install: a reader sees none or a whole one, never a
/// mix.
fn place(
    staging: &Path,
    target: &Path,
    version: &str,
    origin: Origin,
) -> Result<Toolchain, ToolchainError> {
    let renamed = std::fs::rename(staging, target);
    if renamed.is_err() {
        let _ = std::fs::remove_dir_all(staging);
    }
    landed(target, version, origin, renamed.err())
}

/// The install at `target`, which must be a working Zig of `version`. One
/// that is not cannot come from [`install`] (each copy is checked before it
/// lands), so it is reported for the user to remove rather than deleted.
/// `rename_error` is why our own copy did not land, if it did not.
fn landed(
    target: &Path,
    version: &str,
    origin: Origin,
    rename_error: Option<std::io::Error>,
) -> Result<Toolchain, ToolchainError> {
    let broken = |message: String| ToolchainError::Broken {
        path: target.to_path_buf(),
        version: version.to_string(),
        message,
    };
    match probe(&zig_in(target), origin) {
        Ok(t) if t.version == version => Ok(t),
        Ok(t) => Err(broken(format!("it is Zig {}", t.version))),
        Err(e) => match rename_error {
            Some(source) if !target.exists() => Err(ToolchainError::Io {
                path: target.to_path_buf(),
                source,
            }),
            _ => Err(broken(e.to_string())),
        },
    }
}

/// Runs `zig env` and reads the version and library directories from it.
pub fn probe(zig: &Path, origin: Origin) -> Result<Toolchain, ToolchainError> {
    let probe_err = |message: String| ToolchainError::Probe {
        path: zig.to_path_buf(),
        message,
    };
    let output = Command::new(zig)
        .arg("env")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| probe_err(e.to_string()))?;
    if !output.status.success() {
        return Err(probe_err(format!(
            "`zig env` exited with {}",
            output.status
        )));
    }
    let env = String::from_utf8_lossy(&output.stdout);
    let field = |name: &str| {
        env_field(&env, name).ok_or_else(|| probe_err(format!("`zig env` has no {name}")))
    };
    Ok(Toolchain {
        zig: zig.to_path_buf(),
        version: field("version")?,
        lib_dir: PathBuf::from(field("lib_dir")?),
        std_dir: PathBuf::from(field("std_dir")?),
        origin,
    })
}

/// Reads `name` from `zig env` output: ZON (`.name = "v",`, Zig ≥ 0.14) or
/// JSON (`"name": "v",`, older releases).
fn env_field(env: &str, name: &str) -> Option<String> {
    let zon_key = format!(".{name}");
    let json_key = format!("\"{name}\"");
    env.lines().find_map(|line| {
        let line = line.trim();
        let rest = line
            .strip_prefix(&zon_key)
            .and_then(|r| r.trim_start().strip_prefix('='))
            .or_else(|| {
                line.strip_prefix(&json_key)
                    .and_then(|r| r.trim_start().strip_prefix(':'))
            })?;
        let value = rest.trim().trim_end_matches(',');
        let inner = value.strip_prefix('"')?.strip_suffix('"')?;
        Some(inner.replace("\\\\", "\\"))
    })
}

fn which(exe: &str, env: EnvLookup) -> Option<PathBuf> {
    let path = env("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(exe))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tests that write scripts or spawn processes run one at a time: a
    /// child forked while another thread still has a script open for
    /// writing keeps that file busy, and executing it fails (ETXTBSY).
    fn serial() -> std::sync::MutexGuard<'static, ()> {
        static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
        LOCK.lock().unwrap_or_else(|e| e.into_inner())
    }

    #[test]
    fn reads_zon_and_json_env() {
        let zon = ".{\n    .zig_exe = \"/z/zig\",\n    .lib_dir = \"/z/lib\",\n    .std_dir = \"/z/lib/std\",\n    .version = \"0.15.2\",\n}";
        assert_eq!(env_field(zon, "version").as_deref(), Some("0.15.2"));
        assert_eq!(env_field(zon, "std_dir").as_deref(), Some("/z/lib/std"));
        let json = "{\n \"zig_exe\": \"/z/zig\",\n \"lib_dir\": \"C:\\\\z\\\\lib\",\n \"version\": \"0.13.0\"\n}";
        assert_eq!(env_field(json, "version").as_deref(), Some("0.13.0"));
        assert_eq!(env_field(json, "lib_dir").as_deref(), Some("C:\\z\\lib"));
        assert_eq!(env_field(json, "std_dir"), None);
    }

    #[test]
    fn probe_of_a_missing_binary_is_an_error_not_a_panic() {
        let _serial = serial();
        let err = probe(Path::new("/nonexistent/zig"), Origin::Path).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/zig"));
    }

    /// An environment made of `pairs` only (nothing from the process).
    fn env_of(pairs: &[(&str, &Path)]) -> impl Fn(&str) -> Option<OsString> + use<> {
        let pairs: Vec<(String, OsString)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_os_str().to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    fn request(version: &str, project_dir: &Path) -> ToolchainRequest {
        ToolchainRequest {
            version: version.into(),
            project_dir: project_dir.to_path_buf(),
        }
    }

    #[test]
    fn cache_root_honours_the_override_then_xdg_then_home() {
        let root = |pairs: &[(&str, &Path)]| cache_root_in(&env_of(pairs));
        let (over, xdg, home) = (Path::new("/o"), Path::new("/x"), Path::new("/h"));
        assert_eq!(root(&[]), None);
        if cfg!(windows) {
            return;
        }
        assert_eq!(root(&[("HOME", home)]), Some("/h/.cache/zigport".into()));
        assert_eq!(
            root(&[("HOME", home), ("XDG_CACHE_HOME", xdg)]),
            Some("/x/zigport".into())
        );
        // A relative XDG_CACHE_HOME is invalid per the spec.
        assert_eq!(
            root(&[("HOME", home), ("XDG_CACHE_HOME", Path::new("rel"))]),
            Some("/h/.cache/zigport".into())
        );
        assert_eq!(
            root(&[
                ("HOME", home),
                ("XDG_CACHE_HOME", xdg),
                ("ZIGPORT_CACHE_DIR", over)
            ]),
            Some("/o".into())
        );
        let r = request("0.15.2", Path::new("/p"));
        let env = env_of(&[("HOME", home)]);
        assert_eq!(
            r.user_cache_dir_in(&env),
            Some("/h/.cache/zigport/toolchain/zig-0.15.2".into())
        );
        assert_eq!(r.install_dir_in(&env), r.user_cache_dir_in(&env).unwrap());
        assert_eq!(
            r.local_dir_in(&env),
            PathBuf::from("/p/.zigport/toolchain/zig-0.15.2")
        );
        // Without any cache directory, installs stay in the project.
        assert_eq!(r.install_dir_in(&env_of(&[])), r.local_dir_in(&env_of(&[])));
    }

    #[cfg(unix)]
    mod fake {
        use super::*;
        use std::os::unix::fs::PermissionsExt;

        /// A `zig` script at `<dir>/ziglang/zig` whose `zig env` says
        /// `version`, with `std_dir` naming `dir` so that a test can tell
        /// installs apart.
        pub fn install(dir: &Path, version: &str) -> PathBuf {
            let zig = zig_in(dir);
            std::fs::create_dir_all(zig.parent().unwrap()).unwrap();
            script(&zig, version, dir);
            zig
        }

        pub fn script(path: &Path, version: &str, tag: &Path) {
            let body = format!(
                "#!/bin/sh\nprintf '.{{\\n    .lib_dir = \"/fake/lib\",\\n    .std_dir = \"{}\",\\n    .version = \"{version}\",\\n}}\\n'\n",
                tag.display()
            );
            // Written aside and renamed, so that no test execs a file that
            // is still open for writing (ETXTBSY under parallel tests).
            let tmp = path.with_extension("tmp");
            std::fs::write(&tmp, body).unwrap();
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755)).unwrap();
            std::fs::rename(&tmp, path).unwrap();
        }
    }

    #[cfg(unix)]
    #[test]
    fn every_project_resolves_to_the_one_user_cache_install() {
        let _serial = serial();
        let tmp = tempfile::tempdir().unwrap();
        let cache = tmp.path().join("cache");
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let empty_path = tmp.path().join("no-bin");
        let env = env_of(&[("ZIGPORT_CACHE_DIR", &cache), ("PATH", &empty_path)]);
        let (ra, rb) = (request("0.15.2", &a), request("0.15.2", &b));

        // Nothing anywhere: both miss, and both would install to one place.
        let Found::Missing { searched, .. } = find_in(&ra, &env) else {
            panic!("expected missing");
        };
        assert!(
            searched.iter().any(|s| s.ends_with("(user cache)")),
            "{searched:?}"
        );
        assert_eq!(ra.install_dir_in(&env), rb.install_dir_in(&env));
        assert_eq!(
            ra.install_dir_in(&env),
            cache.join("toolchain").join("zig-0.15.2")
        );

        let cached = fake::install(&ra.install_dir_in(&env), "0.15.2");
        for r in [&ra, &rb] {
            let Found::Ok(t) = find_in(r, &env) else {
                panic!(
                    "expected the user cache install for {}",
                    r.project_dir.display()
                );
            };
            assert_eq!(
                (t.zig.as_path(), t.origin),
                (cached.as_path(), Origin::UserCache)
            );
        }

        // Another pinned version is another directory: not found.
        assert!(matches!(
            find_in(&request("0.14.1", &a), &env),
            Found::Missing { .. }
        ));

        // A project-local install overrides the cache, for that project only.
        let local = fake::install(&ra.local_dir_in(&env), "0.15.2");
        let Found::Ok(t) = find_in(&ra, &env) else {
            panic!()
        };
        assert_eq!(
            (t.zig.as_path(), t.origin),
            (local.as_path(), Origin::ProjectLocal)
        );
        let Found::Ok(t) = find_in(&rb, &env) else {
            panic!()
        };
        assert_eq!(t.origin, Origin::UserCache);

        // $ZIG overrides both.
        let explicit = tmp.path().join("zig-explicit");
        fake::script(&explicit, "0.15.2", tmp.path());
        let with_zig = env_of(&[
            ("ZIGPORT_CACHE_DIR", &cache),
            ("PATH", &empty_path),
            ("ZIG", &explicit),
        ]);
        for r in [&ra, &rb] {
            let Found::Ok(t) = find_in(r, &with_zig) else {
                panic!()
            };
            assert_eq!(
                (t.zig.as_path(), t.origin),
                (explicit.as_path(), Origin::Env)
            );
        }
        // ...and one of another version is reported, not skipped.
        fake::script(&explicit, "0.13.0", tmp.path());
        let Found::VersionMismatch { found, .. } = find_in(&rb, &with_zig) else {
            panic!()
        };
        assert_eq!(
            (found.origin, found.version.as_str()),
            (Origin::Env, "0.13.0")
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_user_cache_comes_before_path_and_path_is_the_last_resort() {
        let _serial = serial();
        let tmp = tempfile::tempdir().unwrap();
        let cache = tmp.path().join("cache");
        let bin = tmp.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        fake::script(&bin.join("zig"), "0.15.2", &bin);
        let env = env_of(&[("ZIGPORT_CACHE_DIR", &cache), ("PATH", &bin)]);
        let r = request("0.15.2", tmp.path());
        let Found::Ok(t) = find_in(&r, &env) else {
            panic!()
        };
        assert_eq!(t.origin, Origin::Path);
        fake::install(&r.install_dir_in(&env), "0.15.2");
        let Found::Ok(t) = find_in(&r, &env) else {
            panic!()
        };
        assert_eq!(t.origin, Origin::UserCache);
    }

    #[cfg(unix)]
    #[test]
    fn zigport_toolchain_dir_relocates_the_project_local_install() {
        let _serial = serial();
        let tmp = tempfile::tempdir().unwrap();
        let (cache, shared) = (tmp.path().join("cache"), tmp.path().join("shared"));
        let env = env_of(&[
            ("ZIGPORT_CACHE_DIR", &cache),
            ("ZIGPORT_TOOLCHAIN_DIR", &shared),
            ("PATH", &tmp.path().join("no-bin")),
        ]);
        let r = request("0.15.2", &tmp.path().join("p"));
        assert_eq!(r.local_dir_in(&env), shared.join("zig-0.15.2"));
        fake::install(&r.install_dir_in(&env), "0.15.2");
        fake::install(&r.local_dir_in(&env), "0.15.2");
        let Found::Ok(t) = find_in(&r, &env) else {
            panic!()
        };
        assert_eq!(t.origin, Origin::ProjectLocal);
        // Installs still go to the user cache.
        assert_eq!(r.install_dir_in(&env), cache.join("toolchain/zig-0.15.2"));
    }

    #[cfg(unix)]
    #[test]
    fn concurrent_installers_leave_one_whole_install() {
        let _serial = serial();
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("toolchain").join("zig-0.15.2");
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let target = target.as_path();
        // Each installer has a complete copy (its script names its staging
        // directory, and so does a payload file) and places it at once.
        let race = |version: &'static str| -> Vec<Result<Toolchain, ToolchainError>> {
            let installers = 6;
            let barrier = std::sync::Barrier::new(installers);
            let stagings: Vec<PathBuf> = (0..installers)
                .map(|_| {
                    let staging = staging_for(target);
                    fake::install(&staging, version);
                    std::fs::write(
                        staging.join("payload"),
                        staging.to_string_lossy().as_bytes(),
                    )
                    .unwrap();
                    staging
                })
                .collect();
            std::thread::scope(|s| {
                let handles: Vec<_> = stagings
                    .iter()
                    .map(|staging| {
                        let barrier = &barrier;
                        s.spawn(move || {
                            barrier.wait();
                            place(staging, target, "0.15.2", Origin::UserCache)
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            })
        };
        let left = || -> Vec<OsString> {
            std::fs::read_dir(target.parent().unwrap())
                .unwrap()
                .flatten()
                .map(|e| e.file_name())
                .collect()
        };

        for result in race("0.15.2") {
            assert_eq!(result.unwrap().zig, zig_in(target));
        }
        // One winner's copy, whole: its script and its payload agree.
        let t = probe(&zig_in(target), Origin::UserCache).unwrap();
        assert_eq!(t.version, "0.15.2");
        let payload = std::fs::read_to_string(target.join("payload")).unwrap();
        assert_eq!(t.std_dir, PathBuf::from(&payload));
        // No staging copy is left behind.
        assert_eq!(left(), vec![OsString::from("zig-0.15.2")]);

        // Something broken in the way is reported, and neither removed nor
        // mixed with a new copy.
        std::fs::remove_dir_all(target).unwrap();
        fake::install(target, "0.0.1");
        let before = std::fs::read_to_string(target.join("payload")).ok();
        for result in race("0.15.2") {
            let err = result.unwrap_err();
            assert!(matches!(err, ToolchainError::Broken { .. }), "{err}");
            assert!(err.to_string().contains("remove it"), "{err}");
        }
        assert_eq!(
            probe(&zig_in(target), Origin::UserCache).unwrap().version,
            "0.0.1"
        );
        assert_eq!(std::fs::read_to_string(target.join("payload")).ok(), before);
        assert_eq!(left(), vec![OsString::from("zig-0.15.2")]);
    }
}

//! Finding, checking and provisioning the pinned Zig toolchain.
//!
//! Search order: `$ZIG`, then the project-local install
//! (`<project>/.zigport/toolchain/zig-<version>`), then `zig` on `PATH`.
//! Provisioning installs the `ziglang` wheel from PyPI with pip into the
//! project-local directory (atomically: a half-finished install is never
//! picked up).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Serialize;

/// Where a toolchain was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// The `ZIG` environment variable.
    Env,
    /// `<project>/.zigport/toolchain/zig-<version>`.
    ProjectLocal,
    /// `zig` on `PATH`.
    Path,
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

impl ToolchainRequest {
    /// `$ZIGPORT_TOOLCHAIN_DIR/zig-<version>` or
    /// `<project>/.zigport/toolchain/zig-<version>`.
    pub fn local_dir(&self) -> PathBuf {
        let base = std::env::var_os("ZIGPORT_TOOLCHAIN_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| self.project_dir.join(".zigport").join("toolchain"));
        base.join(format!("zig-{}", self.version))
    }

    fn local_zig(&self) -> PathBuf {
        self.local_dir().join("ziglang").join(zig_exe_name())
    }
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
    let mut searched = Vec::new();
    let mut mismatch = None;
    let mut candidates: Vec<(PathBuf, Origin)> = Vec::new();
    if let Some(env) = std::env::var_os("ZIG").filter(|v| !v.is_empty()) {
        candidates.push((PathBuf::from(env), Origin::Env));
    }
    candidates.push((request.local_zig(), Origin::ProjectLocal));
    if let Some(on_path) = which(zig_exe_name()) {
        candidates.push((on_path, Origin::Path));
    }
    for (path, origin) in candidates {
        searched.push(format!("{} ({})", path.display(), origin_label(origin)));
        let Ok(found) = probe(&path, origin) else {
            continue;
        };
        if found.version == request.version {
            return Found::Ok(found);
        }
        // $ZIG is an explicit choice: report it rather than look further.
        if origin == Origin::Env {
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

fn origin_label(origin: Origin) -> &'static str {
    match origin {
        Origin::Env => "$ZIG",
        Origin::ProjectLocal => "project-local",
        Origin::Path => "PATH",
    }
}

/// Finds the pinned toolchain, installing it project-locally when it is
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

/// Installs `ziglang==<version>` from PyPI into the project-local
/// directory. pip's own output is shown on stderr.
pub fn install(
    request: &ToolchainRequest,
    notify: &dyn Fn(&str),
) -> Result<Toolchain, ToolchainError> {
    let target = request.local_dir();
    let parent = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|source| ToolchainError::Io {
        path: parent.to_path_buf(),
        source,
    })?;
    let staging = parent.join(format!(
        ".zig-{}.partial-{}",
        request.version,
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&staging);
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
        .status()
        .map_err(|e| ToolchainError::Install {
            version: request.version.clone(),
            python: python.clone(),
            status: e.to_string(),
        })?;
    if !status.success() {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(ToolchainError::Install {
            version: request.version.clone(),
            python,
            status: status.to_string(),
        });
    }
    // Several processes may provision at once (parallel tests): a valid
    // install that appeared meanwhile wins, and is never removed.
    if std::fs::rename(&staging, &target).is_err() {
        if probe(&request.local_zig(), Origin::ProjectLocal).is_ok() {
            let _ = std::fs::remove_dir_all(&staging);
        } else {
            let _ = std::fs::remove_dir_all(&target);
            std::fs::rename(&staging, &target).map_err(|source| ToolchainError::Io {
                path: target.clone(),
                source,
            })?;
        }
    }
    let toolchain = probe(&request.local_zig(), Origin::ProjectLocal)?;
    notify(&format!(
        "installed Zig {} at {}",
        toolchain.version,
        toolchain.zig.display()
    ));
    Ok(toolchain)
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

fn which(exe: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(exe))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let err = probe(Path::new("/nonexistent/zig"), Origin::Path).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/zig"));
    }
}

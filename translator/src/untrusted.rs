//! Cargo on a generated crate. Such a crate may hold code a model wrote
//! (see the threat model in ARCHITECTURE.md), so every cargo zigport runs
//! on one — `clippy` and `clippy --fix` here, `build` and `test` in the
//! CLI — starts from [`cargo`]: a cleared environment with only what a
//! build needs, so no API key or other secret of the user's environment
//! reaches a build script, a proc-macro, rustc or a test.
//!
//! What passes ([`PASSED`]): `PATH` (to find rustc and the linker),
//! `CARGO_HOME` and `RUSTUP_HOME` (resolved from `$HOME` when unset, so
//! the child needs no `HOME`), `RUSTUP_TOOLCHAIN` (the toolchain zigport's
//! caller chose), `CARGO_TARGET_DIR` (where the caller builds) and
//! `TMPDIR`. Nothing else: no `HOME`, no `RUSTFLAGS`/`RUSTC_WRAPPER`, no
//! `OPENAI_API_KEY`, no `ZIGPORT_*`.
//!
//! The test binaries of such a crate run under a runner program
//! ([`cargo_test`]): the CLI passes zigport's sandboxed exec
//! (`zigport __zigport-exec --`, in `zigport-harness`); this crate only
//! wires it into cargo.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The variables of zigport's environment a build of a generated crate
/// sees (`CARGO_HOME` and `RUSTUP_HOME` also from their defaults).
pub const PASSED: &[&str] = &[
    "PATH",
    "CARGO_HOME",
    "RUSTUP_HOME",
    "RUSTUP_TOOLCHAIN",
    "CARGO_TARGET_DIR",
    "TMPDIR",
];

/// `PATH` when zigport's own is unset.
const DEFAULT_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// Clears `cmd`'s environment down to [`PASSED`], taken from this
/// process's environment.
pub fn clear_env(cmd: &mut Command) -> &mut Command {
    cmd.env_clear();
    for (key, value) in build_env(|k| std::env::var_os(k)) {
        cmd.env(key, value);
    }
    cmd
}

/// The environment of a build, from a lookup of the parent's variables.
pub fn build_env(var: impl Fn(&str) -> Option<OsString>) -> Vec<(&'static str, OsString)> {
    let var = |k: &str| var(k).filter(|v| !v.is_empty());
    let home = var("HOME").map(PathBuf::from);
    let under_home = |dir: &str| home.as_ref().map(|h| h.join(dir).into_os_string());
    let mut env = vec![("PATH", var("PATH").unwrap_or_else(|| DEFAULT_PATH.into()))];
    if let Some(v) = var("CARGO_HOME").or_else(|| under_home(".cargo")) {
        env.push(("CARGO_HOME", v));
    }
    if let Some(v) = var("RUSTUP_HOME").or_else(|| under_home(".rustup")) {
        env.push(("RUSTUP_HOME", v));
    }
    for key in ["RUSTUP_TOOLCHAIN", "CARGO_TARGET_DIR", "TMPDIR"] {
        if let Some(v) = var(key) {
            env.push((key, v));
        }
    }
    env
}

/// `cargo` (the one running zigport under cargo, else the one on `PATH`)
/// in `crate_dir`, with the cleared environment and no stdin. Callers add
/// the subcommand, and may set `CARGO_TARGET_DIR`.
pub fn cargo(crate_dir: &Path) -> Command {
    let program = std::env::var_os("CARGO")
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(program);
    clear_env(&mut cmd);
    cmd.current_dir(crate_dir).stdin(Stdio::null());
    cmd
}

/// `cargo test` in `crate_dir` with every test binary run through
/// `runner` (a program and its first arguments; cargo appends the test
/// binary and its arguments). The host target is named explicitly, so the
/// runner key this sets (`target.<host>.runner`, given on the command line
/// and so above any configuration file) is the one cargo uses, whatever a
/// configuration file says about `build.target` or runners.
pub fn cargo_test(crate_dir: &Path, runner: &[OsString]) -> Result<Command, String> {
    if runner.is_empty() {
        return Err("no test runner".into());
    }
    let host = host_triple()?;
    let runner = runner
        .iter()
        .map(|a| {
            a.to_str()
                .map(|s| toml::Value::String(s.to_owned()))
                .ok_or_else(|| format!("the test runner path {a:?} is not UTF-8"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut cmd = cargo(crate_dir);
    cmd.arg("test")
        .args(["--target", &host, "--config"])
        .arg(format!(
            "target.{host}.runner={}",
            toml::Value::Array(runner)
        ));
    Ok(cmd)
}

/// The host's target triple (`rustc -vV`), once per process.
pub fn host_triple() -> Result<String, String> {
    static HOST: OnceLock<Result<String, String>> = OnceLock::new();
    HOST.get_or_init(|| {
        let mut rustc = Command::new("rustc");
        clear_env(&mut rustc);
        let out = rustc
            .arg("-vV")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run rustc -vV: {e}"))?;
        parse_host(&out.stdout).ok_or_else(|| "rustc -vV names no host".to_string())
    })
    .clone()
}

fn parse_host(version: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(version).ok()?;
    let host = text.lines().find_map(|l| l.strip_prefix("host: "))?.trim();
    // A triple is a cargo configuration key as it stands.
    (!host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then(|| host.to_owned())
}

/// Whether `key` is one a build sees (for tests and messages).
pub fn is_passed(key: &OsStr) -> bool {
    PASSED.iter().any(|k| OsStr::new(k) == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_build_variables_pass() {
        let parent = |k: &str| -> Option<OsString> {
            match k {
                "PATH" => Some("/bin".into()),
                "HOME" => Some("/home/u".into()),
                "OPENAI_API_KEY" | "ZIGPORT_LLM_API_KEY" => Some("secret".into()),
                "RUSTUP_TOOLCHAIN" => Some("stable".into()),
                _ => None,
            }
        };
        let env = build_env(parent);
        assert_eq!(
            env,
            [
                ("PATH", OsString::from("/bin")),
                ("CARGO_HOME", "/home/u/.cargo".into()),
                ("RUSTUP_HOME", "/home/u/.rustup".into()),
                ("RUSTUP_TOOLCHAIN", "stable".into()),
            ]
        );
        assert!(env.iter().all(|(k, _)| is_passed(OsStr::new(k))));
    }

    #[test]
    fn the_cleared_command_has_no_other_variable() {
        let cmd = cargo(Path::new("."));
        // Only the passed keys are set, on a cleared environment (std's
        // `Debug` shows the clearing as `env -i`).
        assert!(
            cmd.get_envs()
                .all(|(k, v)| is_passed(k) && v.is_some_and(|v| !v.is_empty()))
        );
        assert!(cmd.get_envs().any(|(k, _)| k == "PATH"));
        assert!(format!("{cmd:?}").contains("env -i "), "{cmd:?}");
    }

    #[test]
    fn the_host_is_read_from_rustc() {
        let v = b"rustc 1.95.0\nbinary: rustc\nhost: x86_64-unknown-linux-gnu\nrelease: 1.95.0\n";
        assert_eq!(parse_host(v).as_deref(), Some("x86_64-unknown-linux-gnu"));
        assert_eq!(parse_host(b"host: a.b\n"), None);
        assert_eq!(parse_host(b"nothing\n"), None);
    }
}

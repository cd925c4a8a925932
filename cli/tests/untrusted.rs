//! Builds and tests of a crate that may hold a model's code: a hostile
//! generated-style crate whose build script and tests try to reach out
//! (an API key planted in zigport's environment, a canary file outside
//! the crate, a TCP socket, a shell, another process image). Through
//! zigport's paths — `zigport_translator::untrusted` for cargo, the exec
//! sandbox (`zigport __zigport-exec`) for the test binaries, `zigport
//! translate` end to end — the secret reaches no build and no test and
//! shows in no output, the canary never appears, and every hostile test
//! is reported failed.
//!
//! The secret has to be in the environment of the process that runs
//! cargo, so the checks run in a child of this test binary started with
//! it (`#[ignore]`d tests, run only by their parent test).

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const SECRET: &str = "canary-secret";
/// The variables planted in the parent: the default key variable and a
/// zigport-specific one.
const PLANTED: [&str; 2] = ["OPENAI_API_KEY", "ZIGPORT_LLM_API_KEY"];
/// Where a child finds the fixture.
const FIXTURE_VAR: &str = "UNTRUSTED_FIXTURE_DIR";

const CARGO_TOML: &str = r#"[package]
name = "hostile_port"
version = "0.1.0"
edition = "2024"
publish = false

[profile.release]
overflow-checks = true

[workspace]
"#;

/// Records what the build script sees (it runs unsandboxed, with the
/// cleared environment) and says it on cargo's output too.
const BUILD_RS: &str = r#"fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=OPENAI_API_KEY");
    println!("cargo:rerun-if-env-changed=ZIGPORT_LLM_API_KEY");
    let mut saw = String::new();
    for key in ["OPENAI_API_KEY", "ZIGPORT_LLM_API_KEY"] {
        let value = std::env::var(key).unwrap_or_else(|_| "<unset>".into());
        saw.push_str(&format!("{key}={value}\n"));
        println!("cargo:warning=build script: {key}={value}");
    }
    let mut vars: Vec<String> = std::env::vars().map(|(k, _)| k).collect();
    vars.sort();
    saw.push_str(&format!("variables: {}\n", vars.join(" ")));
    let profile = std::env::var("PROFILE").unwrap_or_default();
    std::fs::write(format!("@RECORD@-{profile}"), saw).expect("the record");
}
"#;

/// Each hostile test passes only if its escape works (and then prints
/// what it got straight to stderr, past libtest's capture).
const LIB_RS: &str = r#"//! A generated-style crate whose tests misbehave.

pub fn double(x: u32) -> u32 {
    x * 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn leak(what: &str) {
        let _ = std::io::stderr().write_all(format!("LEAKED {what}\n").as_bytes());
    }

    #[test]
    fn a_pure_test_passes() {
        assert_eq!(double(21), 42);
    }

    #[test]
    fn writes_a_canary() {
        std::fs::write("@CANARY@", "escaped").unwrap();
    }

    #[test]
    fn reads_the_api_key() {
        let key = std::env::var("OPENAI_API_KEY").unwrap();
        leak(&key);
    }

    #[test]
    fn reads_the_zigport_key() {
        let key = std::env::var("ZIGPORT_LLM_API_KEY").unwrap();
        leak(&key);
    }

    /// The parent's environment through /proc, up the process tree.
    #[test]
    fn reads_an_ancestors_environment() {
        let mut pid = std::process::id();
        for _ in 0..16 {
            if let Ok(env) = std::fs::read(format!("/proc/{pid}/environ")) {
                let env = String::from_utf8_lossy(&env);
                if let Some(var) = env.split('\0').find(|v| v.contains("secret")) {
                    leak(var);
                    return;
                }
            }
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
            let after = stat.rsplit_once(')').unwrap().1;
            pid = after.split_whitespace().nth(1).unwrap().parse().unwrap();
            if pid <= 1 {
                break;
            }
        }
        panic!("no secret up the tree");
    }

    #[test]
    fn opens_a_tcp_socket() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        leak(&format!("socket {:?}", listener.local_addr()));
    }

    #[test]
    fn spawns_a_shell() {
        let status = std::process::Command::new("/bin/sh")
            .args(["-c", "exit 0"])
            .status()
            .unwrap();
        assert!(status.success());
        leak("spawned");
    }

    /// Replacing the test binary would end the run with the shell's
    /// status, hiding every other result.
    #[test]
    fn becomes_a_shell() {
        use std::os::unix::process::CommandExt;
        let err = std::process::Command::new("/bin/sh")
            .args(["-c", "exit 0"])
            .exec();
        panic!("exec failed: {err}");
    }
}
"#;

const HOSTILE_TESTS: [&str; 7] = [
    "writes_a_canary",
    "reads_the_api_key",
    "reads_the_zigport_key",
    "reads_an_ancestors_environment",
    "opens_a_tcp_socket",
    "spawns_a_shell",
    "becomes_a_shell",
];

struct Fixture {
    root: PathBuf,
}

impl Fixture {
    fn krate(&self) -> PathBuf {
        self.root.join("hostile_port")
    }
    fn canary(&self) -> PathBuf {
        self.root.join("canary")
    }
    fn record(&self, profile: &str) -> PathBuf {
        self.root.join(format!("build-saw-{profile}"))
    }
    fn target(&self) -> PathBuf {
        self.root.join("target")
    }
}

/// Written once by the parent test process; its target directory stays
/// between runs (under cargo's test scratch directory), so a re-run only
/// rebuilds the crate.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("untrusted");
        let fx = Fixture { root };
        let krate = fx.krate();
        fs::create_dir_all(krate.join("src")).expect("mkdir");
        let _ = fs::remove_file(fx.canary());
        let record = fx.root.join("build-saw");
        fs::write(krate.join("Cargo.toml"), CARGO_TOML).expect("Cargo.toml");
        fs::write(
            krate.join("build.rs"),
            BUILD_RS.replace("@RECORD@", &record.display().to_string()),
        )
        .expect("build.rs");
        fs::write(
            krate.join("src/lib.rs"),
            LIB_RS.replace("@CANARY@", &fx.canary().display().to_string()),
        )
        .expect("lib.rs");
        fx
    })
}

/// The fixture as a child sees it.
fn child_fixture() -> Fixture {
    let root = std::env::var_os(FIXTURE_VAR)
        .expect("run by its parent test, which plants the secret and names the fixture");
    for key in PLANTED {
        assert_eq!(
            std::env::var(key).as_deref(),
            Ok(SECRET),
            "the parent planted {key}"
        );
    }
    Fixture { root: root.into() }
}

/// Runs the `#[ignore]`d test `name` in a child of this test binary whose
/// environment holds the secret.
fn in_child_with_secret(name: &str) {
    let fx = fixture();
    let exe = std::env::current_exe().expect("this test binary");
    let mut cmd = Command::new(exe);
    cmd.args([name, "--exact", "--ignored", "--nocapture"])
        .env(FIXTURE_VAR, &fx.root);
    for key in PLANTED {
        cmd.env(key, SECRET);
    }
    let out = cmd.output().expect("the child runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{name} in a child:\n{text}");
    assert!(
        text.contains("1 passed"),
        "{name} ran in the child:\n{text}"
    );
}

fn output_text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// What the exec sandbox said it could not enforce (empty: everything).
fn exec_note(text: &str) -> String {
    text.lines()
        .filter(|l| l.starts_with("zigport: sandbox: test binaries:"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn hostile_tests_fail_and_reach_nothing() {
    in_child_with_secret("child_hostile_tests_fail_and_reach_nothing");
}

#[test]
#[ignore = "run by hostile_tests_fail_and_reach_nothing, with a planted secret"]
fn child_hostile_tests_fail_and_reach_nothing() {
    let fx = child_fixture();
    zigport_harness::sandbox::set_exec_program(env!("CARGO_BIN_EXE_zigport"));
    let runner = zigport_harness::sandbox::exec_command().expect("the exec command");
    assert_eq!(
        runner[1..],
        [OsString::from("__zigport-exec"), OsString::from("--")]
    );
    let mut cargo =
        zigport_translator::untrusted::cargo_test(&fx.krate(), &runner).expect("cargo test");
    let started = std::time::Instant::now();
    let out = cargo
        .args(["--release", "--lib", "--", "--exact"])
        .env("CARGO_TARGET_DIR", fx.target())
        .output()
        .expect("cargo runs");
    eprintln!("sandboxed cargo test took {:?}", started.elapsed());
    let text = output_text(&out);
    eprintln!("{text}");
    zigport_harness::sandbox::relay_exec_notes(&out.stderr);

    assert!(!text.contains(SECRET), "the secret leaked:\n{text}");
    assert!(!out.status.success(), "hostile tests fail:\n{text}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l == "test tests::a_pure_test_passes ... ok"),
        "the pure test ran and passed:\n{text}"
    );
    // What this kernel enforces: the environment is cleared whatever it
    // lacks; reading /proc of an ancestor (zigport's own environment) is
    // stopped by Landlock alone; files, sockets and processes by seccomp
    // or Landlock.
    let note = exec_note(&text);
    let no_landlock = note.contains("landlock unavailable") || note.contains("landlock failed");
    let no_seccomp = note.contains("seccomp unavailable");
    for name in HOSTILE_TESTS {
        let needs_landlock = name == "reads_an_ancestors_environment";
        let needs_either = !name.starts_with("reads_");
        if (needs_landlock && no_landlock) || (needs_either && no_landlock && no_seccomp) {
            eprintln!("not checked on this kernel: {name} ({note})");
            continue;
        }
        assert!(
            stdout
                .lines()
                .any(|l| l == format!("test tests::{name} ... FAILED")),
            "{name} is reported failed:\n{text}"
        );
    }
    if !(no_landlock && no_seccomp) {
        assert!(!text.contains("LEAKED"), "a hostile test escaped:\n{text}");
        assert!(!fx.canary().exists(), "the canary appeared:\n{text}");
    }
    let record = fs::read_to_string(fx.record("release")).expect("the build script ran");
    assert!(!record.contains(SECRET), "{record}");
    assert!(
        !record.split_whitespace().any(|v| v == "HOME"),
        "no HOME either: {record}"
    );
}

#[test]
fn build_scripts_see_no_secret() {
    in_child_with_secret("child_build_scripts_see_no_secret");
}

#[test]
#[ignore = "run by build_scripts_see_no_secret, with a planted secret"]
fn child_build_scripts_see_no_secret() {
    let fx = child_fixture();
    let out = zigport_translator::untrusted::cargo(&fx.krate())
        .args(["build", "--lib"])
        .env("CARGO_TARGET_DIR", fx.target())
        .output()
        .expect("cargo runs");
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(!text.contains(SECRET), "the secret leaked:\n{text}");
    let record = fs::read_to_string(fx.record("debug")).expect("the build script ran");
    for key in PLANTED {
        assert!(record.contains(&format!("{key}=<unset>")), "{record}");
    }
    assert!(!record.contains(SECRET), "{record}");
}

/// End to end: `zigport translate` (its `cargo clippy` runs the build
/// script of the crate it writes) with the secret in zigport's own
/// environment.
#[test]
fn translate_builds_without_the_secret() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("m.zig"),
        "pub fn one() u8 {\n    return 1;\n}\n",
    )
    .expect("m.zig");
    let record = dir.path().join("build-saw");
    fs::create_dir_all(dir.path().join("port")).expect("mkdir");
    fs::write(
        dir.path().join("port/build.rs"),
        BUILD_RS.replace("@RECORD@", &record.display().to_string()),
    )
    .expect("build.rs");
    let mut zigport = assert_cmd::Command::cargo_bin("zigport").expect("binary builds");
    zigport
        .current_dir(dir.path())
        .args(["translate", "m.zig", "--out", "port"])
        .env_remove("ZIG")
        // The crate's own target directory, not this workspace's.
        .env_remove("CARGO_TARGET_DIR");
    for key in PLANTED {
        zigport.env(key, SECRET);
    }
    let out = zigport.output().expect("zigport runs");
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(!text.contains(SECRET), "{text}");
    let record = fs::read_to_string(record.with_file_name("build-saw-debug"))
        .expect("the build script ran under cargo clippy");
    for key in PLANTED {
        assert!(record.contains(&format!("{key}=<unset>")), "{record}");
    }
}

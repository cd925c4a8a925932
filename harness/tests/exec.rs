//! The exec sandbox (`__zigport-exec -- PROGRAM ARGS...`, here through
//! the harness's `zigport-runner`) on a shell: the program runs, with an
//! empty environment, and cannot write, read outside the system
//! libraries, signal out, start a process or become another program.
//! What the kernel lacks is said on stderr; the checks that need it are
//! skipped then, never passed silently.

use std::process::{Command, Output};

use zigport_harness::sandbox::{EXEC_ARG, exec::elf_interpreter};

const SECRET: &str = "canary-secret";

/// `sh -c script` in the exec sandbox, with a secret in the sandbox's own
/// environment and stdout/stderr as pipes.
fn sandboxed_sh(script: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zigport-runner"))
        .args([EXEC_ARG, "--", "/bin/sh", "-c", script])
        .env("OPENAI_API_KEY", SECRET)
        .output()
        .expect("the exec sandbox starts")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// What the sandbox said it lacks on this kernel (empty: nothing).
fn lacks() -> String {
    let out = sandboxed_sh("exit 0");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_program_runs_with_an_empty_environment() {
    // `export -p` lists the environment the shell was given (plus the
    // `PWD` it sets itself).
    let out = sandboxed_sh("export -p; exit 7");
    assert_eq!(out.status.code(), Some(7), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let inherited: Vec<&str> = stdout
        .lines()
        .filter(|l| !l.starts_with("export PWD="))
        .collect();
    assert!(inherited.is_empty(), "{}", text(&out));
    assert!(!text(&out).contains(SECRET));
}

#[test]
fn writes_processes_signals_and_other_programs_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let canary = dir.path().join("canary");
    let lacks = lacks();
    if lacks.contains("seccomp unavailable")
        && (lacks.contains("landlock unavailable") || lacks.contains("landlock failed"))
    {
        eprintln!("neither seccomp nor landlock here: not checked ({lacks})");
        return;
    }
    let script = format!(
        "echo x > {c} && echo WROTE; \
         kill -0 $PPID && echo SIGNALLED; \
         /bin/true && echo SPAWNED; \
         exec /bin/sh -c 'echo REPLACED'",
        c = canary.display()
    );
    let out = sandboxed_sh(&script);
    let all = text(&out);
    for escape in ["WROTE", "SIGNALLED", "SPAWNED", "REPLACED"] {
        assert!(!all.contains(escape), "{escape}:\n{all}");
    }
    assert!(!canary.exists(), "{all}");
    assert!(
        !out.status.success(),
        "the refused exec ends the shell: {all}"
    );
}

#[test]
fn reading_beyond_the_system_libraries_is_refused_under_landlock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let secret = dir.path().join("secret");
    std::fs::write(&secret, SECRET).expect("secret");
    let lacks = lacks();
    let out = sandboxed_sh(&format!(
        "cat < {s}; read l < /proc/self/environ && echo PROC",
        s = secret.display()
    ));
    if lacks.contains("landlock") {
        eprintln!("landlock not (fully) enforced here: reads not checked ({lacks})");
        return;
    }
    let all = text(&out);
    assert!(!all.contains(SECRET), "{all}");
    assert!(!all.contains("PROC"), "{all}");
}

#[test]
fn a_missing_program_is_reported() {
    let out = Command::new(env!("CARGO_BIN_EXE_zigport-runner"))
        .args([EXEC_ARG, "--", "/definitely/not/here"])
        .output()
        .expect("the exec sandbox starts");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("zigport: sandbox: cannot run /definitely/not/here"),
        "{stderr}"
    );
}

#[test]
fn the_elf_interpreter_is_read_from_the_program() {
    let sh = std::fs::canonicalize("/bin/sh").expect("/bin/sh");
    if let Some(interp) = elf_interpreter(&sh) {
        assert!(interp.is_absolute() && interp.exists(), "{interp:?}");
    }
    assert_eq!(elf_interpreter(std::path::Path::new("/etc/hostname")), None);
    assert_eq!(elf_interpreter(std::path::Path::new("/no/such/file")), None);
}

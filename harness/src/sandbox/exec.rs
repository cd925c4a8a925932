//! The exec sandbox: `zigport __zigport-exec -- PROGRAM ARGS...` locks
//! itself down and then becomes `PROGRAM` (`execve`), which keeps every
//! restriction. It is cargo's test runner for a generated crate (see
//! `zigport_translator::untrusted::cargo_test`): the crate's test
//! binaries hold code a model may have written.
//!
//! The restrictions are a runner's and its worker's together (see the
//! parent module): an empty environment; no descriptors beyond stdin,
//! stdout and stderr; resource limits (address space, CPU time, no file
//! growth, no core dumps, few descriptors); Landlock (read only the
//! system's shared libraries, execute only the program and its ELF
//! interpreter, write nothing, no TCP, no signals or abstract sockets out
//! of the sandbox); seccomp (no sockets, no new processes — threads are
//! fine —, signals only to itself, no file creation or mutation, and no
//! `execve` but the sandbox's own). The program runs in cargo's process
//! group, so cargo still sees it end; a test binary needs no more (the
//! ported tests are pure: in-memory inputs, std's testing allocator).
//!
//! What the kernel lacks is said once on stderr (a line starting
//! [`NOTE_PREFIX`], which zigport relays) and the strongest remaining
//! protection kept; without seccomp, `RLIMIT_NPROC` 0 stands in for the
//! process filter (root ignores it).

use std::ffi::{CString, OsStr, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::filters::{self, Landlock};
use super::runner::{close_from, kernel_release, set_limit};

/// How the exec sandbox's lines on stderr begin.
pub const NOTE_PREFIX: &str = "zigport: sandbox: ";

/// The limits of a program run in the exec sandbox (all its threads).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExecLimits {
    /// `RLIMIT_AS` in bytes.
    pub address_space: u64,
    /// `RLIMIT_CPU` in seconds: CPU time of the whole program (every test
    /// of a test binary together).
    pub cpu_secs: u64,
    /// `RLIMIT_NOFILE`.
    pub open_files: u64,
}

/// The limits every test binary runs under.
pub const LIMITS: ExecLimits = ExecLimits {
    address_space: 4 << 30,
    cpu_secs: 600,
    open_files: 64,
};

/// `zigport __zigport-exec -- PROGRAM ARGS...` (`args`: what follows
/// `__zigport-exec`). Returns only when the program could not be started.
pub(super) fn main(args: Vec<OsString>) -> i32 {
    let rest = match args.split_first() {
        Some((dashes, rest)) if dashes == "--" => rest,
        _ => &args[..],
    };
    let Some((program, _)) = rest.split_first() else {
        eprintln!("{NOTE_PREFIX}usage: zigport __zigport-exec -- PROGRAM [ARGS...]");
        return 2;
    };
    // SAFETY: this process is single-threaded (`run_if_runner` runs first
    // in `main`); these calls only close descriptors it did not mean to
    // pass on (a jobserver's) and ignore SIGXFSZ, so that with
    // RLIMIT_FSIZE 0 a write to a file fails with EFBIG instead of killing
    // the writer (an ignored signal stays ignored across execve).
    unsafe {
        close_from(3);
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let path = match std::path::absolute(program) {
        Ok(p) => p,
        Err(e) => {
            eprintln!(
                "{NOTE_PREFIX}cannot run {}: {e}",
                Path::new(program).display()
            );
            return 127;
        }
    };
    let interpreter = elf_interpreter(&path);
    let c_args: Option<Vec<CString>> = rest
        .iter()
        .map(|a| CString::new(a.as_bytes()).ok())
        .collect();
    let (Ok(c_path), Some(c_args)) = (CString::new(path.as_os_str().as_bytes()), c_args) else {
        eprintln!("{NOTE_PREFIX}cannot run {}: a NUL byte", path.display());
        return 127;
    };
    let argv: Vec<*const libc::c_char> = c_args
        .iter()
        .map(|a| a.as_ptr())
        .chain(std::iter::once(std::ptr::null()))
        .collect();
    let envp: [*const libc::c_char; 1] = [std::ptr::null()];

    let mut run = vec![path.as_path()];
    run.extend(interpreter.as_deref());
    let note = lock_down(&run, LIMITS, c_path.as_ptr() as u64);
    if !note.is_empty() {
        eprintln!("{NOTE_PREFIX}test binaries: {note}");
    }
    // Last, so that the line above reaches a stderr that is a file: from
    // here on no file grows (the program's stdout and stderr must be pipes
    // or terminals, as they are under cargo run by zigport).
    if !set_limit(libc::RLIMIT_FSIZE, 0) {
        eprintln!("{NOTE_PREFIX}test binaries: the file size limit could not be set");
    }
    // SAFETY: NUL-terminated path, argument and (empty) environment
    // arrays that live across the call; on success this process is the
    // program, with every restriction above.
    unsafe { libc::execve(c_path.as_ptr(), argv.as_ptr(), envp.as_ptr()) };
    let err = std::io::Error::last_os_error();
    eprintln!("{NOTE_PREFIX}cannot run {}: {err}", path.display());
    126
}

/// Everything the exec sandbox enforces before the `execve` of the path
/// at address `exec_path` (but `RLIMIT_FSIZE`, set last); what is
/// missing, said for people (empty when nothing is).
fn lock_down(run: &[&Path], limits: ExecLimits, exec_path: u64) -> String {
    let mut missing = Vec::new();
    let mut rlimits = true;
    rlimits &= set_limit(libc::RLIMIT_CORE, 0);
    rlimits &= set_limit(libc::RLIMIT_AS, limits.address_space);
    rlimits &= set_limit(libc::RLIMIT_CPU, limits.cpu_secs);
    let landlock = match filters::landlock_exec(run) {
        Ok(Landlock::Full) => true,
        Ok(Landlock::Partial) => {
            missing.push(format!(
                "landlock only partly enforced (kernel {})",
                kernel_release()
            ));
            true
        }
        Ok(Landlock::None) => {
            missing.push(format!(
                "landlock unavailable (kernel {})",
                kernel_release()
            ));
            false
        }
        Err(e) => {
            missing.push(format!("landlock failed: {e}"));
            false
        }
    };
    // After Landlock, which opens descriptors for its rules.
    rlimits &= set_limit(libc::RLIMIT_NOFILE, limits.open_files);
    let seccomp = match filters::apply_exec(exec_path) {
        Ok(()) => true,
        Err(e) => {
            missing.push(format!("seccomp unavailable ({e})"));
            // No filter to forbid new processes: RLIMIT_NPROC 0 makes
            // every fork (and thread) of this user fail instead.
            rlimits &= set_limit(libc::RLIMIT_NPROC, 0);
            false
        }
    };
    if !rlimits {
        missing.push("some resource limits could not be set".into());
    }
    if missing.is_empty() {
        return String::new();
    }
    let on: Vec<&str> = [
        (rlimits, "rlimits"),
        (seccomp, "seccomp"),
        (landlock, "landlock"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, name)| *name)
    .collect();
    format!("{}: running with {}", missing.join("; "), on.join(" + "))
}

/// The ELF interpreter a dynamically linked program names (`PT_INTERP`),
/// which the kernel executes too. Only 64-bit little-endian ELF is read
/// (anything else, or a static program: `None`); every offset is checked.
pub fn elf_interpreter(program: &Path) -> Option<PathBuf> {
    use std::os::unix::fs::FileExt;
    const PT_INTERP: u32 = 3;
    let file = std::fs::File::open(program).ok()?;
    let mut header = [0u8; 64];
    file.read_exact_at(&mut header, 0).ok()?;
    // Magic, ELFCLASS64, ELFDATA2LSB.
    if header[..4] != *b"\x7fELF" || header[4] != 2 || header[5] != 1 {
        return None;
    }
    let u16_at =
        |b: &[u8], at: usize| Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?));
    let u32_at =
        |b: &[u8], at: usize| Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?));
    let u64_at =
        |b: &[u8], at: usize| Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?));
    let phoff = u64_at(&header, 0x20)?;
    let phentsize = u64::from(u16_at(&header, 0x36)?);
    let phnum = u64::from(u16_at(&header, 0x38)?);
    if phentsize < 56 {
        return None;
    }
    for i in 0..phnum {
        let mut ph = [0u8; 56];
        file.read_exact_at(&mut ph, phoff.checked_add(i.checked_mul(phentsize)?)?)
            .ok()?;
        if u32_at(&ph, 0)? != PT_INTERP {
            continue;
        }
        let (offset, size) = (u64_at(&ph, 8)?, u64_at(&ph, 32)?);
        if size == 0 || size > 4096 {
            return None;
        }
        let mut name = vec![0u8; usize::try_from(size).ok()?];
        file.read_exact_at(&mut name, offset).ok()?;
        let name = name.split(|&b| b == 0).next()?;
        return (!name.is_empty()).then(|| PathBuf::from(OsStr::from_bytes(name)));
    }
    None
}

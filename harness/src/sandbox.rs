//! The sandbox around untrusted libraries (a Zig shim, a Rust port built
//! as a cdylib): zigport never `dlopen`s one in its own process.
//!
//! Per library, zigport spawns a *runner*: a fresh process (zigport
//! itself, re-executed with [`RUNNER_ARG`], or the harness's
//! `zigport-runner` binary) with an empty environment, no inherited
//! descriptors beyond its pipes, in its own process group. Before it reads
//! any request the runner locks itself down: resource limits (address
//! space, no file growth, no core dumps, few descriptors), Landlock (read
//! only the library and the system's library directories, write nothing,
//! no TCP, no signals out of the sandbox) and a seccomp filter (no
//! sockets, no `execve`, no file creation or mutation, no `setsid`). The
//! runner itself never loads the library: for each request it forks a
//! *worker*, which adds a second filter (no new processes, signals only to
//! itself) and a CPU limit, and only then `dlopen`s the library — so even
//! a load-time constructor runs inside every restriction. The worker
//! streams framed results to zigport and exits; the runner reports its
//! exit status and waits for the next request, so a trap costs one fork.
//!
//! zigport (the trusted side) enforces the wall-clock budget: past its
//! timeout it kills the runner's whole process group and spawns a new
//! runner. Everything read from the pipe after a worker started is
//! untrusted data: frames are size-checked and decoded defensively.

use std::ffi::OsString;
use std::io::Write;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex, Once};
use std::time::Duration;

/// The hidden first argument that turns a zigport binary into a runner.
pub const RUNNER_ARG: &str = "__zigport-runner";

/// Frame tags on the runner's pipe (see also `isolate`).
pub(crate) mod tag {
    pub const RESULT: u8 = 1;
    pub const TOO_LARGE: u8 = 2;
    /// From the runner: the worker ended; payload `i32` wait status.
    pub const END: u8 = 3;
    /// A probe loaded the library and found the symbol.
    pub const LOADED: u8 = 4;
    /// The worker could not load the library or find the symbol.
    pub const LOAD_ERROR: u8 = 5;
    /// A bench round's time inside the worker: `u64` nanoseconds.
    pub const TIME: u8 = 6;
    /// The runner's greeting: magic, then its sandbox report.
    pub const HELLO: u8 = 0x10;
    pub const PANIC: u8 = zigport_oracle::abi::Wire::PANIC;
}

/// Request kinds, parent to runner.
mod request {
    pub const PROBE: u8 = 1;
    pub const BATCH: u8 = 2;
    pub const BENCH: u8 = 3;
}

const MAGIC: &[u8; 8] = b"ZPRUNR01";

/// Resource limits of a runner and its workers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// `RLIMIT_AS` in bytes: an allocation past it fails (Rust aborts,
    /// Zig returns `error.OutOfMemory`).
    pub address_space: u64,
    /// `RLIMIT_NOFILE`.
    pub open_files: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            address_space: 4 << 30,
            open_files: 32,
        }
    }
}

/// What a runner could enforce on this kernel (reported once on stderr
/// when anything is missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxStatus {
    pub rlimits: bool,
    pub seccomp: bool,
    /// Landlock enforced in full (the ABI this crate asks for).
    pub landlock: bool,
    /// Landlock enforced in part (an older kernel ABI).
    pub landlock_partial: bool,
    /// Human-readable: what is missing and why, empty when nothing is.
    pub note: String,
}

impl SandboxStatus {
    fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(
            u8::from(self.rlimits)
                | u8::from(self.seccomp) << 1
                | u8::from(self.landlock) << 2
                | u8::from(self.landlock_partial) << 3,
        );
        out.extend(self.note.as_bytes());
        out
    }

    fn decode(payload: &[u8]) -> Option<SandboxStatus> {
        let rest = payload.strip_prefix(MAGIC)?;
        let (&flags, note) = rest.split_first()?;
        Some(SandboxStatus {
            rlimits: flags & 1 != 0,
            seccomp: flags & 2 != 0,
            landlock: flags & 4 != 0,
            landlock_partial: flags & 8 != 0,
            note: String::from_utf8_lossy(note).into_owned(),
        })
    }
}

// ---------------------------------------------------------------------
// Untrusted programs (a generated crate's test binaries): the exec sandbox.
// ---------------------------------------------------------------------

pub mod exec;

/// The hidden first argument that turns a zigport binary into the exec
/// sandbox: `zigport __zigport-exec -- PROGRAM ARGS...` locks itself down
/// as a runner's worker is (see [`exec`]) and then becomes `PROGRAM`.
pub const EXEC_ARG: &str = "__zigport-exec";

static EXEC_PROGRAM: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Sets the program started as the exec sandbox (with [`EXEC_ARG`]). The
/// default is this executable, which works in a binary whose `main` calls
/// [`run_if_runner`] first (zigport's and the harness's `zigport-runner`
/// do); test binaries point this at one of those.
pub fn set_exec_program(program: impl Into<PathBuf>) {
    let mut slot = EXEC_PROGRAM.lock().unwrap_or_else(|e| e.into_inner());
    *slot = Some(program.into());
}

/// The command line that runs a program in the exec sandbox, up to the
/// program: `[zigport, __zigport-exec, --]` (cargo's test runner; the
/// test binary and its arguments follow).
pub fn exec_command() -> Result<Vec<OsString>, String> {
    let configured = EXEC_PROGRAM
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let program = match configured {
        Some(p) => p,
        None => std::env::current_exe().map_err(|e| format!("no current executable: {e}"))?,
    };
    Ok(vec![program.into(), EXEC_ARG.into(), "--".into()])
}

/// Passes on what the exec sandbox said on a run's stderr (its lines
/// start `zigport: sandbox:`: a protection the kernel lacks, a program it
/// could not start), each distinct line once per process. The run's
/// stderr is the untrusted program's too: a line is cut at 240 bytes and
/// anything but printable ASCII replaced.
pub fn relay_exec_notes(stderr: &[u8]) {
    static SEEN: Mutex<std::collections::BTreeSet<String>> =
        Mutex::new(std::collections::BTreeSet::new());
    for line in stderr.split(|&b| b == b'\n') {
        let Some(note) = line.strip_prefix(exec::NOTE_PREFIX.as_bytes()) else {
            continue;
        };
        let note: String = note
            .iter()
            .take(240)
            .map(|&b| {
                if b.is_ascii_graphic() || b == b' ' {
                    char::from(b)
                } else {
                    '?'
                }
            })
            .collect();
        let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
        if seen.insert(note.clone()) {
            eprintln!("{}{note}", exec::NOTE_PREFIX);
        }
    }
}

// ---------------------------------------------------------------------
// The trusted side: spawning and talking to runners.
// ---------------------------------------------------------------------

static RUNNER_COMMAND: Mutex<Option<(PathBuf, Vec<OsString>)>> = Mutex::new(None);

/// Sets the program started as a runner (with `args`). The default is
/// this executable with [`RUNNER_ARG`], which works in a binary whose
/// `main` calls [`run_if_runner`] first (zigport's does); test binaries
/// point this at the harness's `zigport-runner`.
pub fn set_runner(program: impl Into<PathBuf>, args: Vec<OsString>) {
    let mut slot = RUNNER_COMMAND.lock().unwrap_or_else(|e| e.into_inner());
    *slot = Some((program.into(), args));
}

fn runner_command() -> Result<Command, String> {
    let configured = RUNNER_COMMAND
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let (program, args) = match configured {
        Some(c) => c,
        None => (
            std::env::current_exe().map_err(|e| format!("no current executable: {e}"))?,
            vec![OsString::from(RUNNER_ARG)],
        ),
    };
    let mut cmd = Command::new(program);
    cmd.args(args);
    Ok(cmd)
}

/// One untrusted library and its idle runners.
pub(crate) struct Sandbox {
    pub(crate) path: PathBuf,
    limits: Limits,
    idle: Mutex<Vec<Runner>>,
    pub(crate) status: SandboxStatus,
}

impl Sandbox {
    /// Spawns the first runner (checking the handshake) and probes that
    /// the library loads in a worker.
    pub(crate) fn open(path: &Path, limits: Limits) -> Result<Arc<Sandbox>, String> {
        let path = std::path::absolute(path).map_err(|e| e.to_string())?;
        let runner = Runner::spawn(&path, limits)?;
        let status = runner.status.clone();
        let sandbox = Arc::new(Sandbox {
            path,
            limits,
            idle: Mutex::new(Vec::new()),
            status,
        });
        sandbox.checkin(runner);
        sandbox.probe("")?;
        Ok(sandbox)
    }

    /// An idle runner, or a new one.
    pub(crate) fn checkout(&self) -> Result<Runner, String> {
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        match idle {
            Some(r) => Ok(r),
            None => Runner::spawn(&self.path, self.limits),
        }
    }

    /// Returns a runner whose last request ended cleanly.
    pub(crate) fn checkin(&self, runner: Runner) {
        self.idle
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(runner);
    }

    /// Loads the library in a worker and looks up `zigport_<symbol>`
    /// (`""`: only the load and `zigport_set_panic_fd`).
    pub(crate) fn probe(&self, symbol: &str) -> Result<(), String> {
        let mut runner = self.checkout()?;
        let mut req = vec![request::PROBE];
        put_bytes(&mut req, symbol.as_bytes());
        runner.send(&req)?;
        let (result, closed) = match runner.next(PROBE_TIMEOUT) {
            Event::Frame(tag::LOADED, _) => (Ok(()), false),
            Event::Frame(tag::LOAD_ERROR, msg) => {
                (Err(String::from_utf8_lossy(&msg).into_owned()), false)
            }
            Event::Frame(tag::END, status) => (
                Err(format!(
                    "the library's worker {} while loading it",
                    describe_status(&status)
                )),
                true,
            ),
            other => return Err(format!("the sandbox runner {}", other.describe())),
        };
        // The worker exits right after answering; the runner's END frame
        // closes the request.
        if closed || runner.await_end(PROBE_TIMEOUT).is_some() {
            self.checkin(runner);
        }
        result
    }
}

const PROBE_TIMEOUT: Duration = Duration::from_secs(20);
const HELLO_TIMEOUT: Duration = Duration::from_secs(20);

/// A live runner process.
pub(crate) struct Runner {
    child: Child,
    stdin: ChildStdin,
    reader: FrameReader,
    pub(crate) status: SandboxStatus,
}

impl Runner {
    fn spawn(lib: &Path, limits: Limits) -> Result<Runner, String> {
        use std::os::unix::process::CommandExt;
        let mut cmd = runner_command()?;
        cmd.env_clear()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0);
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot start the sandbox runner: {e}"))?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err("the sandbox runner has no pipes".into());
        };
        let mut runner = Runner {
            child,
            stdin,
            reader: FrameReader::new(stdout),
            status: SandboxStatus {
                rlimits: false,
                seccomp: false,
                landlock: false,
                landlock_partial: false,
                note: String::new(),
            },
        };
        let mut init = Vec::new();
        init.extend(limits.address_space.to_le_bytes());
        init.extend(limits.open_files.to_le_bytes());
        put_bytes(&mut init, lib.as_os_str().as_encoded_bytes());
        runner.send(&init)?;
        match runner.next(HELLO_TIMEOUT) {
            Event::Frame(tag::HELLO, payload) => match SandboxStatus::decode(&payload) {
                Some(status) => runner.status = status,
                None => return Err("the sandbox runner sent a bad greeting".into()),
            },
            other => {
                return Err(format!(
                    "the sandbox runner {} instead of greeting (is {} a zigport runner?)",
                    other.describe(),
                    RUNNER_ARG
                ));
            }
        }
        warn_once(&runner.status);
        Ok(runner)
    }

    /// Writes one length-prefixed request.
    pub(crate) fn send(&mut self, body: &[u8]) -> Result<(), String> {
        let mut msg = Vec::with_capacity(body.len() + 4);
        put_bytes(&mut msg, body);
        self.stdin
            .write_all(&msg)
            .and_then(|()| self.stdin.flush())
            .map_err(|e| format!("the sandbox runner is gone ({e})"))
    }

    /// Writes raw bytes (bench commands read by the worker itself).
    pub(crate) fn send_raw(&mut self, bytes: &[u8]) -> Result<(), String> {
        self.stdin
            .write_all(bytes)
            .and_then(|()| self.stdin.flush())
            .map_err(|e| format!("the sandbox runner is gone ({e})"))
    }

    pub(crate) fn next(&mut self, timeout: Duration) -> Event {
        self.reader.next(timeout)
    }

    /// Reads up to the END frame of the current request, discarding
    /// anything else; the wait status, or `None` when the runner must be
    /// dropped (it died, hung or flooded the pipe).
    pub(crate) fn await_end(&mut self, timeout: Duration) -> Option<Vec<u8>> {
        for _ in 0..1024 {
            match self.next(timeout) {
                Event::Frame(tag::END, status) => return Some(status),
                Event::Frame(_, _) => continue,
                _ => return None,
            }
        }
        None
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        // The whole group: the runner and any worker it forked.
        // SAFETY: signalling a process group we created.
        unsafe { libc::kill(-(self.child.id() as i32), libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

/// Says once per process what the sandbox could not enforce.
fn warn_once(status: &SandboxStatus) {
    static WARNED: Once = Once::new();
    if !status.note.is_empty() {
        WARNED.call_once(|| eprintln!("zigport: sandbox: {}", status.note));
    }
}

/// A wait status from an END frame, described.
pub(crate) fn describe_status(payload: &[u8]) -> String {
    let Ok(raw) = <[u8; 4]>::try_from(payload) else {
        return "ended (status unknown)".into();
    };
    let status = i32::from_le_bytes(raw);
    if libc::WIFSIGNALED(status) {
        let sig = libc::WTERMSIG(status);
        let why = match sig {
            libc::SIGABRT => " (abort)",
            libc::SIGKILL => " (killed)",
            libc::SIGSEGV => " (segmentation fault or stack overflow)",
            libc::SIGXCPU => " (CPU time limit)",
            libc::SIGXFSZ => " (file size limit: writing files is not allowed)",
            libc::SIGSYS => " (forbidden system call)",
            _ => "",
        };
        format!("killed by signal {sig}{why}")
    } else {
        format!("exited with status {}", libc::WEXITSTATUS(status))
    }
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend((bytes.len() as u32).to_le_bytes());
    out.extend(bytes);
}

pub(crate) enum Event {
    Frame(u8, Vec<u8>),
    Eof,
    Timeout,
    /// A frame header announcing more than any answer can hold.
    Oversized,
}

impl Event {
    fn describe(&self) -> String {
        match self {
            Event::Frame(t, _) => format!("sent an unexpected frame {t:#x}"),
            Event::Eof => "exited".into(),
            Event::Timeout => "did not answer in time".into(),
            Event::Oversized => "sent an oversized frame".into(),
        }
    }
}

/// No frame is larger: a result buffer is at most this (the harness asks
/// for 1 MiB) plus headers.
const MAX_FRAME: usize = 64 << 20;

pub(crate) struct FrameReader {
    pipe: ChildStdout,
    buf: Vec<u8>,
}

impl FrameReader {
    fn new(pipe: ChildStdout) -> Self {
        FrameReader {
            pipe,
            buf: Vec::new(),
        }
    }

    pub(crate) fn next(&mut self, timeout: Duration) -> Event {
        loop {
            if self.buf.len() >= 5 {
                let len = u32::from_le_bytes([self.buf[1], self.buf[2], self.buf[3], self.buf[4]])
                    as usize;
                if len > MAX_FRAME {
                    return Event::Oversized;
                }
                if self.buf.len() >= 5 + len {
                    let tag = self.buf[0];
                    let payload = self.buf[5..5 + len].to_vec();
                    self.buf.drain(..5 + len);
                    return Event::Frame(tag, payload);
                }
            }
            let mut pfd = libc::pollfd {
                fd: self.pipe.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
            // SAFETY: one valid pollfd.
            let ready = unsafe { libc::poll(&mut pfd, 1, ms) };
            if ready == 0 {
                return Event::Timeout;
            }
            if ready < 0 {
                if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Event::Eof;
            }
            let mut chunk = [0u8; 65536];
            // SAFETY: `chunk` is valid for its length.
            let n = unsafe {
                libc::read(
                    self.pipe.as_raw_fd(),
                    chunk.as_mut_ptr().cast(),
                    chunk.len(),
                )
            };
            if n <= 0 {
                return Event::Eof;
            }
            self.buf.extend_from_slice(&chunk[..n as usize]);
        }
    }
}

/// Encodes a batch or bench request.
pub(crate) fn work_request(
    bench: bool,
    symbol: &str,
    out_cap: usize,
    cpu_secs: u64,
    inputs: &[Vec<u8>],
) -> Vec<u8> {
    let mut req = vec![if bench {
        request::BENCH
    } else {
        request::BATCH
    }];
    put_bytes(&mut req, symbol.as_bytes());
    req.extend((out_cap as u64).to_le_bytes());
    req.extend(cpu_secs.to_le_bytes());
    req.extend((inputs.len() as u32).to_le_bytes());
    for input in inputs {
        put_bytes(&mut req, input);
    }
    req
}

// ---------------------------------------------------------------------
// The runner (and its workers): this process, started by the above.
// ---------------------------------------------------------------------

/// When this process was started as a runner (first argument
/// [`RUNNER_ARG`]) or as the exec sandbox ([`EXEC_ARG`]), runs it and
/// exits; otherwise returns at once. Call it first thing in `main`, before
/// any thread starts.
pub fn run_if_runner() {
    let mut args = std::env::args_os().skip(1);
    match args.next() {
        Some(a) if a == RUNNER_ARG => std::process::exit(runner_main()),
        Some(a) if a == EXEC_ARG => std::process::exit(exec::main(args.collect())),
        _ => {}
    }
}

/// The runner's main loop; returns its exit code.
pub fn runner_main() -> i32 {
    runner::main()
}

mod runner {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::time::Instant;

    use super::{Limits, SandboxStatus, request, tag};

    /// Where frames go: the pipe zigport reads (stdout at start, moved so
    /// that library code printing to stdout cannot corrupt the framing).
    const FRAMES: i32 = 3;

    pub(super) fn main() -> i32 {
        // SAFETY: this process is single-threaded (`run_if_runner` runs
        // first in `main`); these calls only rearrange its descriptors.
        unsafe {
            close_from(3);
            if libc::dup2(1, FRAMES) != FRAMES || libc::dup2(2, 1) != 1 {
                return 3;
            }
            // With RLIMIT_FSIZE 0 a write to a file fails with EFBIG
            // instead of killing the writer: a denial, not a crash.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        }
        let Some(init) = read_message() else {
            return 5;
        };
        let Some((limits, lib)) = parse_init(&init) else {
            return 6;
        };
        let status = lock_down(&lib, limits);
        frame(tag::HELLO, &status.encode());
        let Ok(lib_c) = CString::new(lib.as_os_str().as_bytes()) else {
            return 7;
        };
        while let Some(req) = read_message() {
            let Some((&kind, body)) = req.split_first() else {
                return 8;
            };
            let Some(work) = Work::parse(kind, body) else {
                return 8;
            };
            // SAFETY: getpid has no preconditions.
            let me = unsafe { libc::getpid() };
            // SAFETY: this process is single-threaded, and the child only
            // runs `worker`.
            let pid = unsafe { libc::fork() };
            if pid < 0 {
                frame(tag::END, &(-1i32).to_le_bytes());
                continue;
            }
            if pid == 0 {
                worker(&work, &lib_c, status.seccomp, me);
            }
            match wait_worker(pid) {
                Some(wstatus) => frame(tag::END, &wstatus.to_le_bytes()),
                None => return 0, // zigport is gone
            }
        }
        0
    }

    /// Waits for the worker, or for zigport to go away (its end of our
    /// stdin closes): then the worker is killed and `None` returned. (No
    /// `PR_SET_PDEATHSIG` here: it fires when the zigport *thread* that
    /// spawned this runner exits, and runners outlive threads.)
    fn wait_worker(pid: i32) -> Option<i32> {
        // SAFETY: pidfd_open on our own child; descriptors we own.
        let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as i32;
        if pidfd >= 0 {
            loop {
                let mut fds = [
                    libc::pollfd {
                        fd: pidfd,
                        events: libc::POLLIN,
                        revents: 0,
                    },
                    libc::pollfd {
                        fd: 0,
                        events: 0,
                        revents: 0,
                    },
                ];
                // SAFETY: two valid pollfds.
                let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, -1) };
                if n < 0 {
                    if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                        continue;
                    }
                    break;
                }
                if fds[0].revents != 0 {
                    break;
                }
                if fds[1].revents & (libc::POLLHUP | libc::POLLERR) != 0 {
                    // SAFETY: killing and reaping our own child.
                    unsafe {
                        libc::kill(pid, libc::SIGKILL);
                        libc::waitpid(pid, std::ptr::null_mut(), 0);
                        libc::close(pidfd);
                    }
                    return None;
                }
            }
            // SAFETY: closing our descriptor.
            unsafe { libc::close(pidfd) };
        }
        let mut wstatus = 0;
        // SAFETY: reaping our own child.
        while unsafe { libc::waitpid(pid, &mut wstatus, 0) } < 0 {
            if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                break;
            }
        }
        Some(wstatus)
    }

    struct Work {
        kind: u8,
        symbol: Vec<u8>,
        out_cap: usize,
        cpu_secs: u64,
        inputs: Vec<Vec<u8>>,
    }

    impl Work {
        fn parse(kind: u8, body: &[u8]) -> Option<Work> {
            let mut r = Cursor(body);
            let symbol = r.bytes()?.to_vec();
            if kind == request::PROBE {
                return Some(Work {
                    kind,
                    symbol,
                    out_cap: 0,
                    cpu_secs: 10,
                    inputs: Vec::new(),
                });
            }
            if kind != request::BATCH && kind != request::BENCH {
                return None;
            }
            let out_cap = usize::try_from(r.u64()?).ok()?.min(super::MAX_FRAME - 64);
            let cpu_secs = r.u64()?;
            let n = r.u32()?;
            let inputs = (0..n)
                .map(|_| r.bytes().map(<[u8]>::to_vec))
                .collect::<Option<Vec<_>>>()?;
            Some(Work {
                kind,
                symbol,
                out_cap,
                cpu_secs,
                inputs,
            })
        }
    }

    struct Cursor<'a>(&'a [u8]);

    impl<'a> Cursor<'a> {
        fn take(&mut self, n: usize) -> Option<&'a [u8]> {
            if self.0.len() < n {
                return None;
            }
            let (head, rest) = self.0.split_at(n);
            self.0 = rest;
            Some(head)
        }
        fn u32(&mut self) -> Option<u32> {
            Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
        }
        fn u64(&mut self) -> Option<u64> {
            Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
        }
        fn bytes(&mut self) -> Option<&'a [u8]> {
            let n = self.u32()? as usize;
            self.take(n)
        }
    }

    fn parse_init(init: &[u8]) -> Option<(Limits, std::path::PathBuf)> {
        let mut r = Cursor(init);
        let address_space = r.u64()?;
        let open_files = r.u64()?;
        let path = r.bytes()?;
        Some((
            Limits {
                address_space,
                open_files,
            },
            Path::new(std::ffi::OsStr::from_bytes(path)).to_path_buf(),
        ))
    }

    type Entry = unsafe extern "C" fn(*const u8, usize, *mut u8, usize, *mut usize) -> i32;
    type SetPanicFd = unsafe extern "C" fn(i32);

    /// The forked worker: last restrictions, then the library, then the
    /// work. Never returns.
    fn worker(work: &Work, lib: &CString, seccomp: bool, runner: i32) -> ! {
        // SAFETY: a plain prctl; then, if the runner died before it took
        // effect, leave.
        unsafe {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            if libc::getppid() != runner {
                libc::_exit(0);
            }
        }
        set_limit(libc::RLIMIT_CPU, work.cpu_secs.max(1));
        if !(seccomp && super::filters::apply_worker().is_ok()) {
            // No filter to forbid new processes: RLIMIT_NPROC 0 makes
            // every fork (and thread) of this user fail here instead.
            set_limit(libc::RLIMIT_NPROC, 0);
        }
        // SAFETY: dlopen of the library under test: its constructors run
        // here, inside every restriction above.
        let handle = unsafe { libc::dlopen(lib.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
        if handle.is_null() {
            load_error(&format!("cannot load the library: {}", dl_error()));
        }
        let mut name = b"zigport_".to_vec();
        name.extend(&work.symbol);
        let set_panic_fd = symbol(handle, b"zigport_set_panic_fd");
        let entry = if work.symbol.is_empty() {
            None
        } else {
            Some(symbol(handle, &name))
        };
        let Some(set_panic_fd) = set_panic_fd else {
            load_error("the library has no function `zigport_set_panic_fd`");
        };
        let entry = match entry {
            Some(Some(e)) => Some(e),
            Some(None) => load_error(&format!(
                "the library has no function `{}`",
                String::from_utf8_lossy(&name)
            )),
            None => None,
        };
        // SAFETY: every `zigport_*` export of a shim library has the
        // `Entry` signature and `zigport_set_panic_fd` takes one i32 (see
        // `zigport_oracle::shim`); a library that lies only hurts this
        // sandboxed process.
        let (set_panic_fd, entry): (SetPanicFd, Option<Entry>) = unsafe {
            (
                std::mem::transmute::<*mut libc::c_void, SetPanicFd>(set_panic_fd),
                entry.map(|e| std::mem::transmute::<*mut libc::c_void, Entry>(e)),
            )
        };
        // SAFETY: see above.
        unsafe { set_panic_fd(FRAMES) };
        let entry = match (work.kind, entry) {
            (request::PROBE, _) | (_, None) => {
                frame(tag::LOADED, &[]);
                exit(0)
            }
            (_, Some(e)) => e,
        };
        let mut out = vec![0u8; work.out_cap.max(16)];
        let call = |input: &[u8], out: &mut [u8]| -> Option<usize> {
            let mut len = 0usize;
            // SAFETY: `input` and `out` are valid for their lengths for
            // the whole call; the shim ABI writes only within them.
            let rc = unsafe {
                entry(
                    input.as_ptr(),
                    input.len(),
                    out.as_mut_ptr(),
                    out.len(),
                    &mut len,
                )
            };
            (rc == 0 && len <= out.len()).then_some(len)
        };
        if work.kind == request::BATCH {
            for input in &work.inputs {
                match call(input, &mut out) {
                    Some(n) => frame(tag::RESULT, &out[..n]),
                    None => frame(tag::TOO_LARGE, &[]),
                }
            }
            exit(0)
        }
        // BENCH: zigport sends pass counts (u32 each, 0 ends) straight to
        // this worker; each is answered with the time those passes took.
        loop {
            let mut cmd = [0u8; 4];
            if !read_exact(0, &mut cmd) {
                exit(0)
            }
            let passes = u32::from_le_bytes(cmd);
            if passes == 0 {
                exit(0)
            }
            let started = Instant::now();
            for _ in 0..passes {
                for input in &work.inputs {
                    std::hint::black_box(call(input, &mut out));
                }
            }
            let nanos = started.elapsed().as_nanos().min(u64::MAX as u128) as u64;
            frame(tag::TIME, &nanos.to_le_bytes());
        }
    }

    fn symbol(handle: *mut libc::c_void, name: &[u8]) -> Option<*mut libc::c_void> {
        let name = CString::new(name).ok()?;
        // SAFETY: a valid handle and NUL-terminated name.
        let p = unsafe { libc::dlsym(handle, name.as_ptr()) };
        (!p.is_null()).then_some(p)
    }

    fn dl_error() -> String {
        // SAFETY: dlerror returns NULL or a C string valid until the next
        // dl call in this thread.
        unsafe {
            let e = libc::dlerror();
            if e.is_null() {
                "unknown error".into()
            } else {
                std::ffi::CStr::from_ptr(e).to_string_lossy().into_owned()
            }
        }
    }

    fn load_error(msg: &str) -> ! {
        frame(tag::LOAD_ERROR, msg.as_bytes());
        exit(0)
    }

    fn exit(code: i32) -> ! {
        // SAFETY: ends this process without running the library's or our
        // atexit handlers.
        unsafe { libc::_exit(code) }
    }

    /// Everything the runner enforces on itself (and so on its workers)
    /// before it runs any request.
    fn lock_down(lib: &Path, limits: Limits) -> SandboxStatus {
        let mut missing = Vec::new();
        let mut rlimits = true;
        rlimits &= set_limit(libc::RLIMIT_CORE, 0);
        rlimits &= set_limit(libc::RLIMIT_FSIZE, 0);
        rlimits &= set_limit(libc::RLIMIT_AS, limits.address_space);
        // Generous for the runner (it only forks and waits); each worker
        // gets its own budget.
        rlimits &= set_limit(libc::RLIMIT_CPU, 3600);
        let (landlock, landlock_partial) = match super::filters::landlock(lib) {
            Ok(super::filters::Landlock::Full) => (true, false),
            Ok(super::filters::Landlock::Partial) => {
                missing.push(format!(
                    "landlock only partly enforced (kernel {})",
                    kernel_release()
                ));
                (false, true)
            }
            Ok(super::filters::Landlock::None) => {
                missing.push(format!(
                    "landlock unavailable (kernel {})",
                    kernel_release()
                ));
                (false, false)
            }
            Err(e) => {
                missing.push(format!("landlock failed: {e}"));
                (false, false)
            }
        };
        // After Landlock, which opens descriptors for its rules.
        rlimits &= set_limit(libc::RLIMIT_NOFILE, limits.open_files);
        if !rlimits {
            missing.push("some resource limits could not be set".into());
        }
        let seccomp = match super::filters::apply_runner() {
            Ok(()) => true,
            Err(e) => {
                missing.push(format!("seccomp unavailable ({e})"));
                false
            }
        };
        let mut note = missing.join("; ");
        if !note.is_empty() {
            let mut on = vec![];
            if rlimits {
                on.push("rlimits");
            }
            if seccomp {
                on.push("seccomp");
            }
            if landlock || landlock_partial {
                on.push("landlock");
            }
            note.push_str(&format!(": running with {}", on.join(" + ")));
        }
        SandboxStatus {
            rlimits,
            seccomp,
            landlock,
            landlock_partial,
            note,
        }
    }

    /// From `uname` (a system call: `/proc` may be out of reach by now).
    pub(super) fn kernel_release() -> String {
        // SAFETY: uname fills the zeroed struct; `release` is a
        // NUL-terminated array inside it.
        unsafe {
            let mut u: libc::utsname = std::mem::zeroed();
            if libc::uname(&mut u) != 0 {
                return "unknown".into();
            }
            std::ffi::CStr::from_ptr(u.release.as_ptr())
                .to_string_lossy()
                .into_owned()
        }
    }

    pub(super) fn set_limit(resource: libc::__rlimit_resource_t, value: u64) -> bool {
        let lim = libc::rlimit {
            rlim_cur: value,
            rlim_max: value,
        };
        // SAFETY: a valid rlimit struct.
        unsafe { libc::setrlimit(resource, &lim) == 0 }
    }

    /// Closes every descriptor from `low` up (those zigport did not mean
    /// to pass, e.g. a jobserver's).
    ///
    /// # Safety
    /// Only at start, before anything else holds descriptors.
    pub(super) unsafe fn close_from(low: i32) {
        // SAFETY: per the function contract.
        unsafe {
            if libc::syscall(libc::SYS_close_range, low as u32, u32::MAX, 0u32) != 0 {
                for fd in low..1024 {
                    libc::close(fd);
                }
            }
        }
    }

    fn read_exact(fd: i32, mut buf: &mut [u8]) -> bool {
        while !buf.is_empty() {
            // SAFETY: `buf` is valid for its length.
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            if n <= 0 {
                return false;
            }
            buf = &mut buf[n as usize..];
        }
        true
    }

    /// One length-prefixed message from stdin, read exactly (no read-ahead:
    /// a bench worker reads its commands from the same pipe).
    fn read_message() -> Option<Vec<u8>> {
        let mut len = [0u8; 4];
        if !read_exact(0, &mut len) {
            return None;
        }
        let len = u32::from_le_bytes(len) as usize;
        let mut buf = vec![0u8; len];
        read_exact(0, &mut buf).then_some(buf)
    }

    fn frame(tag: u8, payload: &[u8]) {
        let mut msg = Vec::with_capacity(payload.len() + 5);
        msg.push(tag);
        msg.extend((payload.len() as u32).to_le_bytes());
        msg.extend(payload);
        let mut data = &msg[..];
        while !data.is_empty() {
            // SAFETY: `data` is valid for its length.
            let n = unsafe { libc::write(FRAMES, data.as_ptr().cast(), data.len()) };
            if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            if n <= 0 {
                return;
            }
            data = &data[n as usize..];
        }
    }
}

mod filters {
    //! Seccomp filters and the Landlock ruleset.

    use std::collections::BTreeMap;
    use std::path::Path;

    use seccompiler::{
        BpfProgram, SeccompAction, SeccompCmpArgLen as Len, SeccompCmpOp as Op, SeccompCondition,
        SeccompFilter, SeccompRule, TargetArch,
    };

    type Rules = BTreeMap<i64, Vec<SeccompRule>>;

    /// Syscalls denied outright to the runner and its workers: network,
    /// new programs, leaving the process group, touching other processes,
    /// and every call that creates, removes or changes a file.
    fn denied() -> Vec<i64> {
        let mut v = vec![
            libc::SYS_socket,
            libc::SYS_socketpair,
            libc::SYS_connect,
            libc::SYS_bind,
            libc::SYS_listen,
            libc::SYS_accept,
            libc::SYS_accept4,
            libc::SYS_execve,
            libc::SYS_execveat,
            libc::SYS_setsid,
            libc::SYS_setpgid,
            libc::SYS_unshare,
            libc::SYS_setns,
            libc::SYS_ptrace,
            libc::SYS_process_vm_readv,
            libc::SYS_process_vm_writev,
            libc::SYS_mkdirat,
            libc::SYS_unlinkat,
            libc::SYS_renameat,
            libc::SYS_renameat2,
            libc::SYS_linkat,
            libc::SYS_symlinkat,
            libc::SYS_mknodat,
            libc::SYS_truncate,
            libc::SYS_fchmodat,
            libc::SYS_fchownat,
            libc::SYS_utimensat,
            libc::SYS_setxattr,
            libc::SYS_lsetxattr,
            libc::SYS_fsetxattr,
            libc::SYS_removexattr,
            libc::SYS_lremovexattr,
            libc::SYS_fremovexattr,
            libc::SYS_name_to_handle_at,
            libc::SYS_open_by_handle_at,
            libc::SYS_mount,
            libc::SYS_umount2,
            libc::SYS_pivot_root,
            libc::SYS_chroot,
            libc::SYS_swapon,
            libc::SYS_swapoff,
            libc::SYS_reboot,
            libc::SYS_init_module,
            libc::SYS_finit_module,
            libc::SYS_delete_module,
            libc::SYS_kexec_load,
            libc::SYS_bpf,
            libc::SYS_perf_event_open,
            libc::SYS_userfaultfd,
            libc::SYS_keyctl,
            libc::SYS_add_key,
            libc::SYS_request_key,
            // io_uring performs I/O the filter never sees.
            libc::SYS_io_uring_setup,
            libc::SYS_io_uring_enter,
            libc::SYS_io_uring_register,
        ];
        #[cfg(target_arch = "x86_64")]
        v.extend([
            libc::SYS_creat,
            libc::SYS_mkdir,
            libc::SYS_rmdir,
            libc::SYS_unlink,
            libc::SYS_rename,
            libc::SYS_link,
            libc::SYS_symlink,
            libc::SYS_mknod,
            libc::SYS_chmod,
            libc::SYS_chown,
            libc::SYS_lchown,
            libc::SYS_utime,
            libc::SYS_utimes,
            libc::SYS_futimesat,
        ]);
        v
    }

    fn cond(arg: u8, op: Op, value: u64) -> SeccompCondition {
        SeccompCondition::new(arg, Len::Dword, op, value).expect("a valid seccomp condition")
    }

    /// `open`/`openat` with any flag that writes or creates.
    fn open_for_writing(rules: &mut Rules, syscall: i64, flags_arg: u8) {
        let write_flags = [
            libc::O_WRONLY,
            libc::O_RDWR,
            libc::O_CREAT,
            libc::O_TRUNC,
            libc::O_APPEND,
        ];
        rules.insert(
            syscall,
            write_flags
                .iter()
                .map(|&f| {
                    SeccompRule::new(vec![cond(flags_arg, Op::MaskedEq(f as u64), f as u64)])
                        .expect("a valid seccomp rule")
                })
                .collect(),
        );
    }

    fn compile(rules: Rules, action: SeccompAction) -> Result<BpfProgram, String> {
        let arch = TargetArch::try_from(std::env::consts::ARCH).map_err(|e| e.to_string())?;
        let filter = SeccompFilter::new(rules, SeccompAction::Allow, action, arch)
            .map_err(|e| e.to_string())?;
        filter
            .try_into()
            .map_err(|e: seccompiler::BackendError| e.to_string())
    }

    fn install(rules: Rules, action: SeccompAction) -> Result<(), String> {
        let program = compile(rules, action)?;
        seccompiler::apply_filter(&program).map_err(|e| e.to_string())
    }

    /// The runner's filter (inherited by its workers).
    pub(super) fn apply_runner() -> Result<(), String> {
        let mut rules: Rules = denied().into_iter().map(|s| (s, vec![])).collect();
        open_for_writing(&mut rules, libc::SYS_openat, 2);
        #[cfg(target_arch = "x86_64")]
        open_for_writing(&mut rules, libc::SYS_open, 1);
        install(rules, SeccompAction::Errno(libc::EPERM as u32))?;
        install_enosys()
    }

    /// A worker's own filter: no new processes (threads are fine), and
    /// signals only to itself.
    pub(super) fn apply_worker() -> Result<(), String> {
        // SAFETY: getpid has no preconditions.
        let me = unsafe { libc::getpid() } as u64;
        let mut rules: Rules = BTreeMap::new();
        no_processes(&mut rules, me)?;
        install(rules, SeccompAction::Errno(libc::EPERM as u32))
    }

    /// No new processes (`clone` without `CLONE_THREAD`, `fork`, `vfork`),
    /// signals only to process `me`.
    fn no_processes(rules: &mut Rules, me: u64) -> Result<(), String> {
        rules.insert(
            libc::SYS_clone,
            vec![
                SeccompRule::new(vec![cond(0, Op::MaskedEq(libc::CLONE_THREAD as u64), 0)])
                    .map_err(|e| e.to_string())?,
            ],
        );
        for kill in [libc::SYS_kill, libc::SYS_tgkill] {
            rules.insert(
                kill,
                vec![SeccompRule::new(vec![cond(0, Op::Ne, me)]).map_err(|e| e.to_string())?],
            );
        }
        rules.insert(libc::SYS_tkill, vec![]);
        #[cfg(target_arch = "x86_64")]
        {
            rules.insert(libc::SYS_fork, vec![]);
            rules.insert(libc::SYS_vfork, vec![]);
        }
        Ok(())
    }

    /// The filter of a program exec'd in the sandbox (`exec`): the
    /// runner's and a worker's together — no sockets, no file creation or
    /// mutation, no new processes (threads are fine), signals only to
    /// itself — and `execve` only of the path at address `path` (the one
    /// exec the sandbox itself makes; after it the program's image has
    /// replaced ours, and no other call names that address by chance).
    pub(super) fn apply_exec(path: u64) -> Result<(), String> {
        // SAFETY: getpid has no preconditions (and the pid survives execve).
        let me = unsafe { libc::getpid() } as u64;
        let mut rules: Rules = denied()
            .into_iter()
            .filter(|&s| s != libc::SYS_execve)
            .map(|s| (s, vec![]))
            .collect();
        let other_path = SeccompCondition::new(0, Len::Qword, Op::Ne, path)
            .and_then(|c| SeccompRule::new(vec![c]))
            .map_err(|e| e.to_string())?;
        rules.insert(libc::SYS_execve, vec![other_path]);
        open_for_writing(&mut rules, libc::SYS_openat, 2);
        #[cfg(target_arch = "x86_64")]
        open_for_writing(&mut rules, libc::SYS_open, 1);
        no_processes(&mut rules, me)?;
        install(rules, SeccompAction::Errno(libc::EPERM as u32))?;
        install_enosys()
    }

    /// Calls whose arguments a filter cannot read: "not implemented", so
    /// libc falls back to `openat` and `clone`, which a filter can read.
    fn install_enosys() -> Result<(), String> {
        let enosys: Rules = [libc::SYS_openat2, libc::SYS_clone3]
            .into_iter()
            .map(|s| (s, vec![]))
            .collect();
        install(enosys, SeccompAction::Errno(libc::ENOSYS as u32))
    }

    pub(super) enum Landlock {
        Full,
        Partial,
        None,
    }

    /// Read-only access to the library and the system's shared libraries;
    /// no writes anywhere, no TCP, no signals or abstract sockets out of
    /// the sandbox.
    pub(super) fn landlock(lib: &Path) -> Result<Landlock, String> {
        let read = landlock::AccessFs::from_read(LANDLOCK_ABI);
        restrict(&[(&system_libraries(), read), (&[lib], read)])
    }

    /// For a program about to be exec'd: the system's shared libraries
    /// readable but not executable, the program and its ELF interpreter
    /// readable and executable (nothing else can be exec'd); no writes,
    /// no TCP, no signals or abstract sockets out of the sandbox.
    pub(super) fn landlock_exec(run: &[&Path]) -> Result<Landlock, String> {
        use landlock::AccessFs;
        restrict(&[
            (&system_libraries(), AccessFs::ReadFile | AccessFs::ReadDir),
            (run, AccessFs::ReadFile | AccessFs::Execute),
        ])
    }

    const LANDLOCK_ABI: landlock::ABI = landlock::ABI::V6;

    /// Where the dynamic loader finds the system's shared libraries.
    fn system_libraries() -> [&'static Path; 5] {
        [
            "/usr/lib",
            "/usr/lib64",
            "/lib",
            "/lib64",
            "/etc/ld.so.cache",
        ]
        .map(Path::new)
    }

    /// Handles every filesystem and network access and every scope, then
    /// allows only `rules` (paths that do not exist are left out).
    fn restrict(
        rules: &[(&[&Path], landlock::BitFlags<landlock::AccessFs>)],
    ) -> Result<Landlock, String> {
        use landlock::{
            Access, AccessFs, AccessNet, Ruleset, RulesetAttr, RulesetCreatedAttr, RulesetStatus,
            Scope, path_beneath_rules,
        };
        let abi = LANDLOCK_ABI;
        let mut ruleset = Ruleset::default()
            .handle_access(AccessFs::from_all(abi))
            .and_then(|r| r.handle_access(AccessNet::from_all(abi)))
            .and_then(|r| r.scope(Scope::from_all(abi)))
            .and_then(|r| r.create())
            .map_err(|e| e.to_string())?;
        for (paths, access) in rules {
            ruleset = ruleset
                .add_rules(path_beneath_rules(paths.iter(), *access))
                .map_err(|e| e.to_string())?;
        }
        let status = ruleset.restrict_self().map_err(|e| e.to_string())?;
        Ok(match status.ruleset {
            RulesetStatus::FullyEnforced => Landlock::Full,
            RulesetStatus::PartiallyEnforced => Landlock::Partial,
            RulesetStatus::NotEnforced => Landlock::None,
        })
    }
}

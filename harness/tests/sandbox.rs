//! The sandbox around untrusted libraries, against a hostile Rust cdylib
//! built here: a load-time constructor that writes a canary file, runaway
//! functions (memory, stack, CPU), and functions that try to reach out
//! (environment, files, sockets, processes, signals). zigport's own
//! process never loads the library; each attempt is contained or blocked,
//! and the harness stays up.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use zigport_harness::isolate::run_isolated;
use zigport_harness::sandbox::Limits;
use zigport_harness::value::encode_args;
use zigport_harness::zig::{ZigFn, ZigLibrary};
use zigport_harness::{Outcome, Value};

/// The hostile library's source; `@CANARY@` and `@SECRET@` become paths.
const HOSTILE: &str = r#"
use std::io::Write;
use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};

static CTOR_PID: AtomicU32 = AtomicU32::new(0);
static PANIC_FD: AtomicI32 = AtomicI32::new(-1);

unsafe extern "C" {
    fn kill(pid: i32, sig: i32) -> i32;
    fn getppid() -> i32;
}

/// Runs when the library is loaded, before any function is called.
extern "C" fn constructor() {
    CTOR_PID.store(std::process::id(), Ordering::SeqCst);
    let _ = std::fs::write("@CANARY@", std::process::id().to_string());
}

#[used]
#[unsafe(link_section = ".init_array")]
static INIT: extern "C" fn() = constructor;

fn put(out: *mut u8, cap: usize, len: *mut usize, bytes: &[u8]) -> i32 {
    if bytes.len() > cap {
        return 1;
    }
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), out, bytes.len());
        *len = bytes.len();
    }
    0
}

fn boolean(out: *mut u8, cap: usize, len: *mut usize, b: bool) -> i32 {
    put(out, cap, len, &[1, u8::from(b)])
}

fn uint(out: *mut u8, cap: usize, len: *mut usize, v: u128) -> i32 {
    let mut bytes = vec![3];
    bytes.extend(v.to_le_bytes());
    put(out, cap, len, &bytes)
}

macro_rules! shim {
    ($name:ident, |$o:ident, $c:ident, $l:ident| $body:expr) => {
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(_i: *const u8, _il: usize, $o: *mut u8, $c: usize, $l: *mut usize) -> i32 {
            $body
        }
    };
}

#[unsafe(no_mangle)]
pub extern "C" fn zigport_set_panic_fd(fd: i32) {
    PANIC_FD.store(fd, Ordering::SeqCst);
}

shim!(zigport_ctor_pid, |o, c, l| uint(o, c, l, u128::from(CTOR_PID.load(Ordering::SeqCst))));
shim!(zigport_env_count, |o, c, l| uint(o, c, l, std::env::vars_os().count() as u128));
shim!(zigport_write_file, |o, c, l| {
    let wrote = std::fs::File::create("@CANARY@.written")
        .and_then(|mut f| f.write_all(b"escaped"))
        .is_ok();
    boolean(o, c, l, wrote)
});
shim!(zigport_read_secret, |o, c, l| boolean(o, c, l, std::fs::read("@SECRET@").is_ok()));
shim!(zigport_open_socket, |o, c, l| {
    let tcp = std::net::TcpListener::bind("127.0.0.1:0").is_ok();
    let udp = std::net::UdpSocket::bind("127.0.0.1:0").is_ok();
    boolean(o, c, l, tcp || udp)
});
shim!(zigport_spawn, |o, c, l| {
    let ran = std::process::Command::new("/bin/true").status().is_ok();
    boolean(o, c, l, ran)
});
shim!(zigport_signal_parent, |o, c, l| boolean(o, c, l, unsafe { kill(getppid(), 0) } == 0));
shim!(zigport_alloc_forever, |o, c, l| {
    let mut hoard: Vec<Vec<u8>> = Vec::new();
    loop {
        hoard.push(vec![1u8; 16 << 20]);
        std::hint::black_box(&hoard);
        if hoard.len() > 1 << 20 {
            return uint(o, c, l, hoard.len() as u128);
        }
    }
});
#[inline(never)]
fn recurse(n: u64) -> u64 {
    let pad = std::hint::black_box([n; 64]);
    recurse(pad[0] + 1) + pad[63]
}
shim!(zigport_recurse, |o, c, l| uint(o, c, l, u128::from(recurse(0))));
shim!(zigport_spin, |o, c, l| {
    let mut x = 0u64;
    while std::hint::black_box(x) != u64::MAX {
        x = x.wrapping_add(2) | 1;
    }
    uint(o, c, l, u128::from(x))
});
shim!(zigport_panics, |_o, _c, _l| {
    let fd = PANIC_FD.load(Ordering::SeqCst);
    let msg = b"hostile panic";
    let mut frame = vec![0xFF];
    frame.extend((msg.len() as u32).to_le_bytes());
    frame.extend(msg);
    unsafe { libc_write(fd, frame.as_ptr(), frame.len()) };
    std::process::exit(134)
});
unsafe extern "C" {
    #[link_name = "write"]
    fn libc_write(fd: i32, buf: *const u8, n: usize) -> isize;
}
"#;

struct Fixture {
    _dir: tempfile::TempDir,
    lib: PathBuf,
    canary: PathBuf,
    secret: PathBuf,
}

/// Builds the hostile cdylib once per test binary (offline, no deps).
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        common::use_test_runner();
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let canary = root.join("canary");
        let secret = root.join("secret");
        std::fs::write(&secret, "api key").expect("secret");
        std::fs::create_dir_all(root.join("hostile/src")).expect("mkdir");
        std::fs::write(
            root.join("hostile/Cargo.toml"),
            "[package]\nname = \"hostile\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
             [lib]\ncrate-type = [\"cdylib\"]\n\n[workspace]\n",
        )
        .expect("Cargo.toml");
        let source = HOSTILE
            .replace("@CANARY@", &canary.display().to_string())
            .replace("@SECRET@", &secret.display().to_string());
        std::fs::write(root.join("hostile/src/lib.rs"), source).expect("lib.rs");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let out = std::process::Command::new(cargo)
            .args(["build", "--quiet", "--offline", "--lib"])
            .current_dir(root.join("hostile"))
            .env("CARGO_TARGET_DIR", root.join("target"))
            .output()
            .expect("cargo runs");
        assert!(
            out.status.success(),
            "the hostile fixture builds:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Fixture {
            lib: root.join("target/debug/libhostile.so"),
            _dir: dir,
            canary,
            secret,
        }
    })
}

/// The hostile library under a small address space, so the unbounded
/// allocation hits its limit fast.
fn library() -> &'static ZigLibrary {
    static LIB: OnceLock<ZigLibrary> = OnceLock::new();
    LIB.get_or_init(|| {
        let limits = Limits {
            address_space: 512 << 20,
            ..Limits::default()
        };
        ZigLibrary::open_with(&fixture().lib, limits).expect("the sandbox loads the library")
    })
}

fn function(name: &str) -> ZigFn {
    library().function(name).expect("exported")
}

fn run(name: &str, timeout: Duration) -> Outcome {
    let input = encode_args(&[]);
    let mut outcomes = run_isolated(
        &function(name),
        std::slice::from_ref(&input),
        1 << 16,
        timeout,
        1,
    );
    assert_eq!(outcomes.len(), 1, "{outcomes:?}");
    outcomes.pop().expect("one outcome")
}

fn returned(name: &str) -> Value {
    match run(name, Duration::from_secs(10)) {
        Outcome::Returned(v) => v,
        other => panic!("{name}: {other:?}"),
    }
}

fn mapped_in_this_process(lib: &Path) -> bool {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("/proc/self/maps");
    let name = lib.file_name().expect("file name").to_string_lossy();
    maps.lines().any(|l| l.ends_with(&*name))
}

#[test]
fn the_library_and_its_constructor_never_run_in_this_process() {
    let fx = fixture();
    let lib = library();
    let Value::UInt(ctor_pid) = returned("ctor_pid") else {
        panic!("ctor_pid returns an integer")
    };
    assert_ne!(ctor_pid, 0, "the constructor ran where the function ran");
    assert_ne!(
        ctor_pid,
        u128::from(std::process::id()),
        "the constructor ran in a sandbox worker, not in this process"
    );
    assert!(
        !mapped_in_this_process(&fx.lib),
        "the library is not mapped into this process"
    );
    let status = lib.sandbox_status();
    eprintln!("sandbox status: {status:?}");
    if status.seccomp || status.landlock {
        assert!(
            !fx.canary.exists(),
            "the constructor's write was blocked ({status:?})"
        );
    } else if let Ok(pid) = std::fs::read_to_string(&fx.canary) {
        assert_ne!(pid, std::process::id().to_string(), "{status:?}");
    }
}

#[test]
fn the_worker_environment_is_empty() {
    assert!(std::env::vars_os().count() > 0, "this process has one");
    assert_eq!(returned("env_count"), Value::UInt(0));
}

#[test]
fn writing_a_file_is_blocked() {
    let outcome = run("write_file", Duration::from_secs(10));
    // Seccomp/Landlock: the open fails; rlimits alone: SIGXFSZ on write.
    assert_ne!(outcome, Outcome::Returned(Value::Bool(true)));
    let written = fixture().canary.with_extension("written");
    let size = std::fs::metadata(&written).map_or(0, |m| m.len());
    assert_eq!(size, 0, "nothing was written");
    if library().sandbox_status().seccomp {
        assert!(!written.exists(), "not even created");
    }
}

#[test]
fn sockets_processes_and_signals_out_are_blocked() {
    let status = library().sandbox_status();
    if status.seccomp || status.landlock {
        assert_eq!(returned("open_socket"), Value::Bool(false), "no socket");
        assert_eq!(returned("signal_parent"), Value::Bool(false), "no signal");
    } else {
        eprintln!("no seccomp nor landlock here: sockets and signals are not checked");
    }
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    if status.seccomp || !root {
        // Seccomp, or RLIMIT_NPROC 0 (which root ignores).
        assert_eq!(returned("spawn"), Value::Bool(false), "no new process");
    }
}

#[test]
fn reading_outside_the_library_is_blocked_under_landlock() {
    let lib = library();
    let read = returned("read_secret");
    if lib.sandbox_status().landlock {
        assert_eq!(read, Value::Bool(false));
    } else {
        eprintln!(
            "landlock not enforced here ({}): reads are not restricted",
            lib.sandbox_status().note
        );
        assert!(fixture().secret.exists());
    }
}

#[test]
fn unbounded_allocation_hits_the_memory_limit() {
    let outcome = run("alloc_forever", Duration::from_secs(30));
    assert!(matches!(outcome, Outcome::Trapped(_)), "{outcome:?}");
    assert!(matches!(returned("ctor_pid"), Value::UInt(_)), "still up");
}

#[test]
fn endless_recursion_traps() {
    let outcome = run("recurse", Duration::from_secs(30));
    let Outcome::Trapped(msg) = &outcome else {
        panic!("{outcome:?}")
    };
    assert!(msg.contains("signal"), "{msg}");
    assert!(matches!(returned("ctor_pid"), Value::UInt(_)), "still up");
}

#[test]
fn an_endless_loop_hangs_within_the_budget_and_the_run_goes_on() {
    let started = std::time::Instant::now();
    let outcome = run("spin", Duration::from_millis(500));
    assert_eq!(outcome, Outcome::Hung);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(matches!(returned("ctor_pid"), Value::UInt(_)), "still up");
}

#[test]
fn a_panic_frame_is_a_trap_and_later_cases_still_run() {
    let f = function("panics");
    let input = encode_args(&[]);
    let outcomes = run_isolated(
        &f,
        &[input.clone(), input.clone(), input],
        1 << 16,
        Duration::from_secs(10),
        1,
    );
    assert_eq!(
        outcomes,
        vec![Outcome::Trapped("hostile panic".into()); 3],
        "each case trapped on its own"
    );
}

#[test]
fn a_missing_function_is_reported() {
    assert!(library().function("no_such_function").is_err());
}

//! Crash isolation for the Zig side: batches run in a forked child.
//!
//! The child calls the shim for each pre-encoded input and streams framed
//! results through a pipe (`[tag][u32 len][payload]`, tag 1 = result). A
//! Zig safety panic writes a `0xFF` frame with its message and exits; a
//! signal or a hang ends the child too. Either way the parent records that
//! case's outcome and forks again from the next case, so one trap never
//! ends the run. The child does not allocate (the parent may be
//! multi-threaded, and only async-signal-safe work is sound after fork).

use std::time::Duration;

use crate::value::{Outcome, Value};
use crate::zig::ZigFn;

const RESULT: u8 = 1;
const TOO_LARGE: u8 = 2;
const PANIC: u8 = zigport_oracle::abi::Wire::PANIC;

/// Runs every input (already encoded) through `f`, isolated.
/// `timeout` bounds the time without progress before a case is `Hung`;
/// after `max_hangs` hangs the run stops early (fewer outcomes return).
pub fn run_isolated(
    f: &ZigFn,
    inputs: &[Vec<u8>],
    out_cap: usize,
    timeout: Duration,
    max_hangs: usize,
) -> Vec<Outcome> {
    let mut outcomes = Vec::with_capacity(inputs.len());
    let mut out_buf = vec![0u8; out_cap];
    while outcomes.len() < inputs.len() {
        // Each hang costs a full timeout; past the budget, stop early.
        if outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Hung))
            .count()
            >= max_hangs
        {
            break;
        }
        let start = outcomes.len();
        match run_batch(f, &inputs[start..], &mut out_buf, timeout, &mut outcomes) {
            Ok(()) => {}
            Err(reason) => outcomes.push(Outcome::Trapped(format!(
                "zigport: cannot isolate: {reason}"
            ))),
        }
    }
    outcomes
}

fn run_batch(
    f: &ZigFn,
    inputs: &[Vec<u8>],
    out_buf: &mut [u8],
    timeout: Duration,
    outcomes: &mut Vec<Outcome>,
) -> Result<(), String> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors pipe() writes.
    if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
        return Err("pipe() failed".into());
    }
    let (read_fd, write_fd) = (fds[0], fds[1]);
    // SAFETY: the child only calls the shim (which does not allocate for
    // the functions we shim), libc::write and _exit: no locks are taken.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        // SAFETY: closing descriptors we own.
        unsafe {
            libc::close(read_fd);
            libc::close(write_fd);
        }
        return Err("fork() failed".into());
    }
    if pid == 0 {
        // SAFETY: child side; see above.
        unsafe {
            libc::close(read_fd);
            f.set_panic_fd(write_fd);
            for input in inputs {
                match f.call_raw(input, out_buf) {
                    Some(n) => write_frame(write_fd, RESULT, &out_buf[..n]),
                    None => write_frame(write_fd, TOO_LARGE, &[]),
                }
            }
            libc::_exit(0);
        }
    }
    // SAFETY: the parent does not write; closing its copy lets EOF arrive.
    unsafe { libc::close(write_fd) };
    let expected = outcomes.len() + inputs.len();
    let mut reader = FrameReader {
        fd: read_fd,
        buf: Vec::new(),
    };
    let mut ended_by = None;
    while outcomes.len() < expected {
        match reader.next(timeout) {
            Event::Frame(RESULT, payload) => outcomes.push(match Value::decode(&payload) {
                Some((v, _)) => Outcome::Returned(v),
                None => Outcome::Trapped("zigport: malformed shim output".into()),
            }),
            Event::Frame(TOO_LARGE, _) => outcomes.push(Outcome::Trapped(
                "zigport: result larger than the output buffer".into(),
            )),
            Event::Frame(PANIC, msg) => {
                outcomes.push(Outcome::Trapped(String::from_utf8_lossy(&msg).into_owned()));
                ended_by = Some(Ended::Panic);
                break;
            }
            Event::Frame(_, _) => {
                outcomes.push(Outcome::Trapped("zigport: unknown frame".into()));
                ended_by = Some(Ended::Panic);
                break;
            }
            Event::Eof => {
                ended_by = Some(Ended::Eof);
                break;
            }
            Event::Timeout => {
                // SAFETY: killing our own child.
                unsafe { libc::kill(pid, libc::SIGKILL) };
                outcomes.push(Outcome::Hung);
                ended_by = Some(Ended::Killed);
                break;
            }
        }
    }
    // SAFETY: closing our descriptor and reaping our child.
    let status = unsafe {
        libc::close(read_fd);
        let mut status = 0;
        libc::waitpid(pid, &mut status, 0);
        status
    };
    if let Some(Ended::Eof) = ended_by {
        // The child died without a panic frame: a signal or an exit.
        let reason = if libc::WIFSIGNALED(status) {
            format!("killed by signal {}", libc::WTERMSIG(status))
        } else {
            format!("exited with status {}", libc::WEXITSTATUS(status))
        };
        outcomes.push(Outcome::Trapped(reason));
    }
    Ok(())
}

enum Ended {
    Panic,
    Eof,
    Killed,
}

/// Writes a whole frame (the child never allocates: two writes).
///
/// # Safety
/// `fd` must be an open descriptor.
unsafe fn write_frame(fd: i32, tag: u8, payload: &[u8]) {
    let mut header = [0u8; 5];
    header[0] = tag;
    header[1..5].copy_from_slice(&(payload.len() as u32).to_le_bytes());
    // SAFETY: per the function contract.
    unsafe {
        write_all(fd, &header);
        write_all(fd, payload);
    }
}

/// # Safety
/// `fd` must be an open descriptor.
unsafe fn write_all(fd: i32, mut data: &[u8]) {
    while !data.is_empty() {
        // SAFETY: `data` is valid for `data.len()` bytes.
        let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if n <= 0 {
            return;
        }
        data = &data[n as usize..];
    }
}

enum Event {
    Frame(u8, Vec<u8>),
    Eof,
    Timeout,
}

struct FrameReader {
    fd: i32,
    buf: Vec<u8>,
}

impl FrameReader {
    fn next(&mut self, timeout: Duration) -> Event {
        loop {
            if self.buf.len() >= 5 {
                let len = u32::from_le_bytes([self.buf[1], self.buf[2], self.buf[3], self.buf[4]])
                    as usize;
                if self.buf.len() >= 5 + len {
                    let tag = self.buf[0];
                    let payload = self.buf[5..5 + len].to_vec();
                    self.buf.drain(..5 + len);
                    return Event::Frame(tag, payload);
                }
            }
            let mut pfd = libc::pollfd {
                fd: self.fd,
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
            // SAFETY: one valid pollfd.
            let ready = unsafe { libc::poll(&mut pfd, 1, ms) };
            if ready == 0 {
                return Event::Timeout;
            }
            let mut chunk = [0u8; 65536];
            // SAFETY: `chunk` is valid for its length.
            let n = unsafe { libc::read(self.fd, chunk.as_mut_ptr().cast(), chunk.len()) };
            if n <= 0 {
                return Event::Eof;
            }
            self.buf.extend_from_slice(&chunk[..n as usize]);
        }
    }
}

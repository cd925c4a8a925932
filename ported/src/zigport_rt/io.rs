//! `std.Io.Writer` as the port sees it: the bytes written go to a buffer,
//! which `flush` hands to the sink (stdout, stderr) when there is one. An
//! allocating writer (`std.Io.Writer.Allocating`) never flushes: `written`
//! is its result. Writes into the buffer cannot fail, so the rules drop
//! the `try` on them; `flush` reports Zig's `error.WriteFailed`.

use super::fmt::{Arg, format};
use std::io::Write as _;

/// Where a flush sends the buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    Memory,
    Stdout,
    Stderr,
}

#[derive(Debug)]
pub struct Writer {
    buffer: Vec<u8>,
    sink: Sink,
}

/// `error.WriteFailed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteFailed;

impl Writer {
    /// `std.Io.Writer.Allocating.init(allocator)`.
    pub fn allocating() -> Self {
        Writer {
            buffer: Vec::new(),
            sink: Sink::Memory,
        }
    }

    /// `std.fs.File.stdout().writer(&buf)` (streaming or positional alike).
    pub fn stdout() -> Self {
        Writer {
            buffer: Vec::new(),
            sink: Sink::Stdout,
        }
    }

    /// `std.fs.File.stderr().writer(&buf)`.
    pub fn stderr() -> Self {
        Writer {
            buffer: Vec::new(),
            sink: Sink::Stderr,
        }
    }

    pub fn write_all(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    pub fn write_byte(&mut self, byte: u8) {
        self.buffer.push(byte);
    }

    /// `splatByteAll(byte, n)`.
    pub fn splat_byte_all(&mut self, byte: u8, n: usize) {
        self.buffer.extend(std::iter::repeat_n(byte, n));
    }

    /// `print(fmt, args)` with Zig's format string.
    pub fn print(&mut self, fmt: &[u8], args: &[&dyn Arg]) {
        format(&mut self.buffer, fmt, args);
    }

    /// What an allocating writer holds (`Allocating.written()`), or what a
    /// streaming one has not flushed yet.
    pub fn written(&self) -> &[u8] {
        &self.buffer
    }

    pub fn flush(&mut self) -> Result<(), WriteFailed> {
        let result = match self.sink {
            Sink::Memory => return Ok(()),
            Sink::Stdout => std::io::stdout()
                .write_all(&self.buffer)
                .and_then(|_| std::io::stdout().flush()),
            Sink::Stderr => std::io::stderr().write_all(&self.buffer),
        };
        self.buffer.clear();
        result.map_err(|_| WriteFailed)
    }
}

/// `std.fs.File.stdin().reader(&buf)`.
#[derive(Debug)]
pub struct Reader;

/// The errors of `Reader.allocRemaining`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    ReadFailed,
    StreamTooLong,
}

impl Reader {
    pub fn stdin() -> Self {
        Reader
    }

    /// `allocRemaining(gpa, .limited(n))`: everything left, at most `limit`
    /// bytes (`StreamTooLong` past it, as Zig). Standard input is read once
    /// and kept for the rest of the process, as the arena Zig reads it into.
    pub fn alloc_remaining(&mut self, limit: usize) -> Result<&'static [u8], ReadError> {
        use std::io::Read as _;
        let mut out = Vec::new();
        let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        std::io::stdin()
            .take(cap)
            .read_to_end(&mut out)
            .map_err(|_| ReadError::ReadFailed)?;
        if out.len() > limit {
            return Err(ReadError::StreamTooLong);
        }
        Ok(out.leak())
    }
}

/// `std.process.argsAlloc`: the process arguments, for the whole run (Zig
/// frees them at exit; here they live as long as the process).
pub fn args() -> Vec<&'static [u8]> {
    std::env::args_os()
        .map(|a| &*Box::leak(a.into_encoded_bytes().into_boxed_slice()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_allocating_writer_collects() {
        let mut w = Writer::allocating();
        w.write_all(b"v=");
        w.print(b"{d}", &[&42u32]);
        w.write_byte(b'\n');
        w.splat_byte_all(b'-', 2);
        assert_eq!(w.flush(), Ok(()));
        assert_eq!(w.written(), b"v=42\n--");
    }
}

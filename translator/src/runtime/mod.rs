//! Zig std semantics the port relies on where Rust's std has no function
//! with the same behaviour. Written by zigport into every ported crate
//! (`src/zigport_rt/`); the twins are the `zigport-support` crate's own
//! sources, checked against the Zig std by the harness's parity tests.
#![allow(dead_code)]
// The twins keep Zig's names (`Utf8Error::Utf8ExpectedContinuation`).
#![allow(clippy::enum_variant_names)]

pub mod ascii;
pub mod atomic;
pub mod base64;
pub mod bitset;
pub mod fmt;
pub mod io;
pub mod map;
pub mod mem;
pub mod parse;
pub mod random;
pub mod split;
pub mod unicode;
pub mod wyhash;

//! zigport's oracle: the Zig side of every comparison. It finds and
//! provisions the pinned toolchain, maps Zig signatures to the shim ABI,
//! generates the C-ABI shims for the functions under test (Zig's, and the
//! port's Rust twins) and builds the Zig ones as ReleaseSafe shared
//! libraries.

pub mod abi;
pub mod build;
pub mod mutate;
pub mod rust_shim;
pub mod sequence;
pub mod shim;
pub mod signature;
pub mod toolchain;

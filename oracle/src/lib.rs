//! zigport's oracle: the Zig side of every comparison. It finds and
//! provisions the pinned toolchain, generates C-ABI shims for the functions
//! under test and builds them as ReleaseSafe shared libraries.

pub mod abi;
pub mod build;
pub mod shim;
pub mod toolchain;

//! zigport's oracle: the Zig side of every comparison. Today it finds and
//! provisions the pinned toolchain; building Zig modules as reference
//! libraries lands here next (see ARCHITECTURE.md).

pub mod toolchain;

//! zigport's translator crate: the Zig front end (tree-sitter → typed IR),
//! the per-file index, the module graph and the `plan` report, and the rule
//! engine that translates the IR into Rust.

pub mod config;
pub mod diagnostics;
pub mod emit;
pub mod graph;
pub mod index;
pub mod plan;
pub mod rules;
pub mod sema;
pub mod stub;
pub mod syntax;
pub mod translate;
pub mod untrusted;

/// The `zigport-support` twin of Zig's pdq sort: the translator orders
/// `StaticStringMap` tables with it, as Zig's comptime init does.
#[allow(dead_code)] // the slice entry point is all the rules need
#[path = "../../support/src/sort.rs"]
mod zig_sort;
/// The runtime module's own parts (`runtime/`, written into every ported
/// crate as `zigport_rt`), compiled and tested here too, in the same layout
/// so their `super::` paths resolve; its twins are the `zigport-support`
/// crate's sources, tested there (wyhash is here because `map` hashes
/// with it).
#[cfg(test)]
#[allow(dead_code)] // the port uses what the tests here do not
mod runtime {
    mod atomic;
    mod bitset;
    mod fmt;
    mod io;
    mod map;
    mod mem;
    mod split;
    #[path = "../../../support/src/wyhash.rs"]
    mod wyhash;
}

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
pub mod syntax;
pub mod translate;

/// The runtime module written into every ported crate, compiled and tested
/// here too.
#[cfg(test)]
#[path = "runtime/zigport_rt.rs"]
mod zigport_rt;

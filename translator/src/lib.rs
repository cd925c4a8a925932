//! zigport's translator crate: the Zig front end (tree-sitter → typed IR),
//! the per-file index, the module graph and the `plan` report.

pub mod config;
pub mod diagnostics;
pub mod graph;
pub mod index;
pub mod plan;
pub mod syntax;

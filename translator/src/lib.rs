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

#[cfg(test)]
#[allow(dead_code)] // the port uses what the tests here do not
#[path = "runtime/fmt.rs"]
mod fmt;
/// The `zigport-support` twin of Zig's pdq sort: the translator orders
/// `StaticStringMap` tables with it, as Zig's comptime init does.
#[allow(dead_code)] // the slice entry point is all the rules need
#[path = "../../support/src/sort.rs"]
mod zig_sort;
#[cfg(test)]
#[allow(dead_code)] // the port uses what the tests here do not
#[path = "runtime/bitset.rs"]
mod zigport_rt_bitset;
#[cfg(test)]
#[allow(dead_code)] // the port uses what the tests here do not
#[path = "runtime/io.rs"]
mod zigport_rt_io;
#[cfg(test)]
#[path = "runtime/map.rs"]
mod zigport_rt_map;
/// The runtime module's own `std.mem` part, compiled and tested here too
/// (its other parts are the `zigport-support` crate's sources).
#[cfg(test)]
#[allow(dead_code)] // the port uses what the tests here do not
#[path = "runtime/mem.rs"]
mod zigport_rt_mem;
#[cfg(test)]
#[allow(dead_code)] // the port uses what the tests here do not
#[path = "runtime/split.rs"]
mod zigport_rt_split;

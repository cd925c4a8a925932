//! The Zig front end: tree-sitter parse, syntax diagnostics, lowering to IR.

pub mod ir;
mod literal;
mod lower;
mod parse;
pub mod visit;
pub mod visit_mut;

pub use lower::{MAX_NESTING, lower};
pub use parse::{ParseOutput, ZigParser, parse_source};

//! zigport's harness: differential runs of a Zig original (through an
//! oracle-built shim) against its Rust port (a cdylib with the same ABI),
//! on proptest inputs; counterexamples are shrunk, diffed and saved as
//! regression seeds; benchmarks interleave both. Both libraries are
//! untrusted: they are loaded and run only in sandboxed worker processes
//! (see [`sandbox`]), never in the process that uses this crate.

pub mod bench;
pub mod isolate;
pub mod run;
pub mod sandbox;
pub mod script;
pub mod strategy;
pub mod value;
pub mod zig;

pub use run::{Counterexample, RunConfig, RustSide, Subject, Verdict, sample_inputs, verify};
pub use value::{Outcome, Value};

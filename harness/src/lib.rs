//! zigport's harness: differential runs of a Zig original (through an
//! oracle-built shim, isolated in forked children) against its Rust port
//! (in process, panics caught), on proptest inputs; counterexamples are
//! shrunk, diffed and saved as regression seeds; benchmarks interleave both.

pub mod bench;
pub mod isolate;
pub mod run;
pub mod strategy;
pub mod value;
pub mod zig;

pub use run::{Counterexample, RunConfig, RustSide, Subject, Verdict, sample_inputs, verify};
pub use value::{Outcome, Value};

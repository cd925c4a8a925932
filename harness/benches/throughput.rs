//! `cargo bench -p zigport-harness --bench throughput`: differential
//! throughput (cases/s, Zig in sandboxed worker batches + Rust in process)
//! and the interleaved Rust/Zig speed ratio, on `std.ascii.isDigit` and
//! `std.hash.Wyhash.hash`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use common::*;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use zigport_harness::bench::bench;
use zigport_harness::{RunConfig, RustSide, Subject, Value, verify};
use zigport_oracle::abi::AbiType;

fn main() {
    let is_digit = |a: &[Value]| Value::Bool(zigport_support::ascii::is_digit(byte(a, 0)));
    let cases = 200_000;
    let subject = Subject {
        name: "is_digit".into(),
        ret: AbiType::Bool,
        zig: zig_fn("is_digit"),
        rust: RustSide::InProcess(&is_digit),
        inputs: arguments(&[u8_t()], &Dictionary::default()),
    };
    let started = Instant::now();
    let verdict = verify(
        &subject,
        &RunConfig {
            cases,
            ..RunConfig::default()
        },
    );
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "differential throughput (std.ascii.isDigit): {} cases in {seconds:.2} s = {:.0} cases/s ({} diverged)",
        verdict.cases,
        verdict.cases as f64 / seconds,
        verdict.diverged
    );

    let mut runner = TestRunner::deterministic();
    let strategy = arguments(
        &[AbiType::int(false, 64), AbiType::Bytes],
        &Dictionary::default(),
    );
    let inputs: Vec<Vec<Value>> = (0..10_000)
        .filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current()))
        .collect();
    let wyhash = |a: &[Value]| {
        Value::UInt(u128::from(zigport_support::wyhash::hash(
            uint(a, 0) as u64,
            bytes(a, 1),
        )))
    };
    let r = bench("wyhash", &zig_fn("wyhash"), &wyhash, &inputs, 11).expect("bench runs");
    println!(
        "std.hash.Wyhash.hash: Rust/Zig ratio {:.2} (min {:.2}, max {:.2}; {} calls x {} rounds; zig {:.0} ns/call, rust {:.0} ns/call, both incl. argument encoding)",
        r.ratio,
        r.ratio_min,
        r.ratio_max,
        r.calls_per_round,
        r.rounds,
        r.zig_ns_per_call,
        r.rust_ns_per_call
    );
}

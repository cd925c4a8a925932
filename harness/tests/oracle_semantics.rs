//! The oracle's own semantics, on real Zig: agreement, a wrong twin caught
//! and shrunk with a diff, a Zig safety trap against a Rust function that
//! does not trap, and the run going on after traps.

mod common;

use common::*;
use zigport_harness::{Outcome, Value};
use zigport_oracle::abi::AbiType;

#[test]
fn an_exact_twin_agrees() {
    let v = check(
        "is_digit",
        &[u8_t()],
        AbiType::Bool,
        &Dictionary::default(),
        &|a| Value::Bool(zigport_support::ascii::is_digit(byte(a, 0))),
        10_000,
    );
    assert_eq!(
        (v.cases, v.diverged, v.agreed),
        (10_000, 0, 10_000),
        "{v:#?}"
    );
}

#[test]
fn an_off_by_one_twin_is_caught_shrunk_and_diffed() {
    // Validates all but the last byte: wrong whenever the last byte matters.
    let wrong = |a: &[Value]| {
        let s = bytes(a, 0);
        Value::Bool(std::str::from_utf8(&s[..s.len().saturating_sub(1)]).is_ok())
    };
    let v = check(
        "utf8_validate",
        &[AbiType::Bytes],
        AbiType::Bool,
        &Dictionary::default(),
        &wrong,
        2_000,
    );
    assert!(v.diverged > 0, "{v:#?}");
    let cx = v.counterexample.expect("a counterexample");
    let [Value::Bytes(input)] = &cx.input[..] else {
        panic!("{cx:#?}")
    };
    assert_eq!(input.len(), 1, "shrunk to one byte: {cx:#?}");
    assert!(
        input[0] >= 0x80,
        "a lone non-ASCII byte is the minimal failure: {cx:#?}"
    );
    assert!(
        cx.diff.contains("-    Bool(\n-        false") || cx.diff.contains("false"),
        "{}",
        cx.diff
    );
    assert!(cx.diff.starts_with("--- zig\n+++ rust\n"), "{}", cx.diff);
}

#[test]
fn a_zig_trap_against_a_quiet_rust_function_diverges_and_the_run_goes_on() {
    // Zig ReleaseSafe traps on `x + 200` overflowing; wrapping Rust does not.
    let v = check(
        "overflowing",
        &[u8_t()],
        u8_t(),
        &Dictionary::default(),
        &|a| Value::UInt(u128::from(byte(a, 0).wrapping_add(200))),
        3_000,
    );
    assert_eq!(v.cases, 3_000, "every case ran despite the traps: {v:#?}");
    assert!(v.zig_traps > 0 && v.rust_traps == 0, "{v:#?}");
    assert_eq!(v.diverged, v.zig_traps, "{v:#?}");
    let cx = v.counterexample.expect("a counterexample");
    assert!(
        matches!(cx.zig, Outcome::Trapped(ref m) if m.contains("overflow")),
        "{cx:#?}"
    );
    assert_eq!(
        cx.input,
        vec![Value::UInt(56)],
        "the smallest overflowing input: {cx:#?}"
    );
}

#[test]
fn both_trapping_is_agreement() {
    let v = check(
        "panics_on_seven",
        &[u8_t()],
        u8_t(),
        &Dictionary::default(),
        &|a| {
            let x = byte(a, 0);
            assert!(x != 7, "seven");
            Value::UInt(u128::from(x))
        },
        3_000,
    );
    assert_eq!(v.diverged, 0, "{v:#?}");
    assert!(v.zig_traps > 0 && v.zig_traps == v.rust_traps, "{v:#?}");
}

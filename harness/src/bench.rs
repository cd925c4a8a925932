//! Side-by-side benchmark: the same inputs through both implementations,
//! interleaved round by round, reported as the ratio Rust/Zig with its
//! spread (never a single absolute time). Untrusted libraries run and are
//! timed in sandboxed workers (see [`crate::sandbox`]), never here.

use std::time::Instant;

use serde::Serialize;

use crate::isolate::BenchSession;
use crate::run::RustFn;
use crate::value::{Value, encode_args};
use crate::zig::{ZigError, ZigFn};

#[derive(Debug, Clone, Serialize)]
pub struct BenchResult {
    pub name: String,
    /// Calls timed per round on each side (passes over the sample times
    /// its size).
    pub calls_per_round: usize,
    pub rounds: usize,
    /// Median over rounds of (Rust time / Zig time).
    pub ratio: f64,
    pub ratio_min: f64,
    pub ratio_max: f64,
    pub zig_ns_per_call: f64,
    pub rust_ns_per_call: f64,
}

/// Zig through its shim against a trusted Rust function in this process
/// (the Rust side encodes its result into a reused buffer, as the shim
/// does). The Zig side runs in a sandboxed worker, timed there around its
/// calls; use inputs a differential run showed trap-free.
pub fn bench(
    name: &str,
    zig: &ZigFn,
    rust: RustFn,
    inputs: &[Vec<Value>],
    rounds: usize,
) -> Result<BenchResult, ZigError> {
    let encoded: Vec<Vec<u8>> = inputs.iter().map(|i| encode_args(i)).collect();
    let mut session = BenchSession::start(zig, &encoded, OUT_CAP).map_err(ZigError::Sandbox)?;
    let mut buf = Vec::with_capacity(OUT_CAP);
    let passes = passes_per_round(session.time(1).map_err(ZigError::Sandbox)?);
    interleaved(
        name,
        inputs.len() * passes,
        rounds,
        &mut || session.time(passes),
        &mut || {
            let t = Instant::now();
            for _ in 0..passes {
                for i in inputs {
                    buf.clear();
                    rust(std::hint::black_box(i)).encode(&mut buf);
                    std::hint::black_box(&buf);
                }
            }
            Ok(t.elapsed().as_secs_f64())
        },
    )
    .map_err(ZigError::Sandbox)
}

/// Both sides behind the shim ABI (the same encoding and decoding work on
/// each side), as `zigport verify` loads them: each in its own sandboxed
/// worker, each timed inside its worker around the same call loop, so the
/// ratio compares the two libraries and nothing else.
pub fn bench_libraries(
    name: &str,
    zig: &ZigFn,
    rust: &ZigFn,
    inputs: &[Vec<Value>],
    rounds: usize,
) -> Result<BenchResult, ZigError> {
    let encoded: Vec<Vec<u8>> = inputs.iter().map(|i| encode_args(i)).collect();
    let mut zig_session = BenchSession::start(zig, &encoded, OUT_CAP).map_err(ZigError::Sandbox)?;
    let mut rust_session =
        BenchSession::start(rust, &encoded, OUT_CAP).map_err(ZigError::Sandbox)?;
    let passes = passes_per_round(zig_session.time(1).map_err(ZigError::Sandbox)?);
    interleaved(
        name,
        inputs.len() * passes,
        rounds,
        &mut || zig_session.time(passes),
        &mut || rust_session.time(passes),
    )
    .map_err(ZigError::Sandbox)
}

/// Output buffer of a benchmarked call.
const OUT_CAP: usize = 1 << 16;

/// Shortest round worth timing: a pass over 2,000 small inputs can take
/// under a millisecond, where timer and frequency noise moved ratios by
/// ±0.2 between runs.
const MIN_ROUND_SECS: f64 = 0.005;

/// Passes over the sample per round so that a round lasts `MIN_ROUND_SECS`,
/// given how long one pass took.
fn passes_per_round(one_pass_secs: f64) -> usize {
    (MIN_ROUND_SECS / one_pass_secs.max(1e-9))
        .ceil()
        .clamp(1.0, 10_000.0) as usize
}

/// Runs both timers `rounds` times, alternating which goes first, and
/// summarises the per-round ratios (`calls`: calls per round per side).
fn interleaved(
    name: &str,
    calls: usize,
    rounds: usize,
    zig: &mut dyn FnMut() -> Result<f64, String>,
    rust: &mut dyn FnMut() -> Result<f64, String>,
) -> Result<BenchResult, String> {
    let rounds = rounds.max(1);
    let mut ratios = Vec::with_capacity(rounds);
    let (mut zig_total, mut rust_total) = (0f64, 0f64);
    for round in 0..rounds {
        let (z, r) = if round % 2 == 0 {
            let z = zig()?;
            (z, rust()?)
        } else {
            let r = rust()?;
            (zig()?, r)
        };
        zig_total += z;
        rust_total += r;
        ratios.push(r / z.max(1e-12));
    }
    ratios.sort_by(f64::total_cmp);
    let total_calls = (calls * rounds).max(1) as f64;
    Ok(BenchResult {
        name: name.to_string(),
        calls_per_round: calls,
        rounds,
        ratio: ratios[ratios.len() / 2],
        ratio_min: ratios[0],
        ratio_max: ratios[ratios.len() - 1],
        zig_ns_per_call: zig_total * 1e9 / total_calls,
        rust_ns_per_call: rust_total * 1e9 / total_calls,
    })
}

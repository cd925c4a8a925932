//! The differential run of one function: the same inputs through the Zig
//! original and the Rust port (both sandboxed when they are libraries),
//! compared, shrunk, diffed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use proptest::strategy::{BoxedStrategy, Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde::Serialize;
use zigport_oracle::abi::AbiType;

use crate::isolate::run_isolated;
use crate::value::{Outcome, Value, encode_args};
use crate::zig::ZigFn;

/// A Rust function in this process: arguments in, result out (may panic).
pub type RustFn<'a> = &'a (dyn Fn(&[Value]) -> Value + Sync);

/// The Rust side of a pair.
#[derive(Clone)]
pub enum RustSide<'a> {
    /// Trusted code called in process (the harness's own twins); panics
    /// are caught.
    InProcess(RustFn<'a>),
    /// A port built as a shared library with the same shim ABI: untrusted,
    /// so sandboxed like the Zig side and never loaded in this process.
    Library(ZigFn),
}

/// One function pair under test.
pub struct Subject<'a> {
    pub name: String,
    pub ret: AbiType,
    pub zig: ZigFn,
    pub rust: RustSide<'a>,
    pub inputs: proptest::strategy::BoxedStrategy<Vec<Value>>,
}

#[derive(Debug, Clone)]
pub struct RunConfig {
    pub cases: usize,
    pub seed: u64,
    /// Inputs replayed first, and where new counterexamples are saved.
    pub seeds_file: Option<PathBuf>,
    pub timeout: Duration,
    /// Cases per sandboxed worker process.
    pub batch: usize,
    /// Stop a function after this many hangs: each costs a full timeout,
    /// and more of them add no information.
    pub max_hangs: usize,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            cases: 10_000,
            seed: 0x2161_9099,
            seeds_file: None,
            timeout: Duration::from_secs(5),
            batch: 4096,
            max_hangs: 3,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub name: String,
    pub cases: usize,
    pub agreed: usize,
    pub diverged: usize,
    pub zig_traps: usize,
    pub rust_traps: usize,
    /// Cases where the Zig side returned an error value (`error.X`).
    pub zig_errors: usize,
    pub hangs: usize,
    pub seconds: f64,
    pub counterexample: Option<Counterexample>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counterexample {
    /// The minimal input found by shrinking.
    pub input: Vec<Value>,
    pub zig: Outcome,
    pub rust: Outcome,
    /// Unified diff of the two outcomes.
    pub diff: String,
    pub shrink_steps: usize,
}

/// The first `n` generated inputs of a run with `seed` (the same ones
/// `verify` checks first), for benchmarks on known-good inputs.
pub fn sample_inputs(strategy: &BoxedStrategy<Vec<Value>>, seed: u64, n: usize) -> Vec<Vec<Value>> {
    let mut runner = seeded_runner(seed);
    (0..n)
        .filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current()))
        .collect()
}

fn seeded_runner(seed: u64) -> TestRunner {
    TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes(seed)),
    )
}

pub fn verify(subject: &Subject, config: &RunConfig) -> Verdict {
    let started = Instant::now();
    let mut runner = seeded_runner(config.seed);
    let seeds = load_seeds(config);
    let mut trees = Vec::with_capacity(config.cases);
    let mut inputs: Vec<Vec<Value>> = seeds.clone();
    while inputs.len() < config.cases.max(seeds.len()) {
        match subject.inputs.new_tree(&mut runner) {
            Ok(tree) => {
                inputs.push(tree.current());
                trees.push(tree);
            }
            Err(_) => break,
        }
    }
    let mut verdict = Verdict {
        name: subject.name.clone(),
        cases: inputs.len(),
        agreed: 0,
        diverged: 0,
        zig_traps: 0,
        rust_traps: 0,
        zig_errors: 0,
        hangs: 0,
        seconds: 0.0,
        counterexample: None,
    };
    let mut first_divergence = None;
    let mut run = 0;
    for (chunk_index, chunk) in inputs.chunks(config.batch.max(1)).enumerate() {
        if verdict.hangs >= config.max_hangs {
            break;
        }

        // Both sides at once: each runs in its own sandboxed worker.
        let (zig, rust) = std::thread::scope(|scope| {
            let (zig_fn, ret) = (&subject.zig, &subject.ret);
            let zig = scope.spawn(move || isolated_outcomes(zig_fn, ret, chunk, config));
            let rust: Vec<Outcome> = match &subject.rust {
                RustSide::InProcess(_) => chunk
                    .iter()
                    .map(|input| rust_outcome(subject, input, config))
                    .collect(),
                RustSide::Library(f) => isolated_outcomes(f, &subject.ret, chunk, config),
            };
            let zig = zig.join().unwrap_or_default();
            (zig, rust)
        });
        for (i, ((_, z), r)) in chunk.iter().zip(zig).zip(rust).enumerate() {
            run += 1;
            count(&mut verdict, &z, &r);
            if !z.agrees_with(&r) && !both_hung(&z, &r) && first_divergence.is_none() {
                first_divergence = Some((chunk_index * config.batch.max(1) + i, z, r));
            }
        }
    }
    verdict.cases = run.min(inputs.len());
    if let Some((index, zig, rust)) = first_divergence {
        let counterexample = match index
            .checked_sub(seeds.len())
            .and_then(|t| trees.get_mut(t))
        {
            // A hang is not shrunk: every candidate could cost a timeout.
            Some(tree) if zig != Outcome::Hung && rust != Outcome::Hung => {
                shrink(subject, config, tree.as_mut())
            }
            _ => make_counterexample(inputs[index].clone(), zig, rust, 0),
        };
        save_seed(config, &counterexample.input);
        verdict.counterexample = Some(counterexample);
    }
    verdict.seconds = started.elapsed().as_secs_f64();
    verdict
}

/// Neither side answered in time: nothing to compare (a hang, not a
/// divergence).
fn both_hung(zig: &Outcome, rust: &Outcome) -> bool {
    matches!((zig, rust), (Outcome::Hung, Outcome::Hung))
}

fn count(v: &mut Verdict, zig: &Outcome, rust: &Outcome) {
    if zig.agrees_with(rust) {
        v.agreed += 1;
    } else if !both_hung(zig, rust) {
        v.diverged += 1;
    }
    v.zig_traps += usize::from(matches!(zig, Outcome::Trapped(_)));
    v.rust_traps += usize::from(matches!(rust, Outcome::Trapped(_)));
    v.zig_errors += usize::from(matches!(zig, Outcome::Returned(Value::Error(_))));
    v.hangs += usize::from(matches!(zig, Outcome::Hung) || matches!(rust, Outcome::Hung));
}

fn isolated_outcomes(
    f: &ZigFn,
    ret: &AbiType,
    inputs: &[Vec<Value>],
    config: &RunConfig,
) -> Vec<Outcome> {
    let encoded: Vec<Vec<u8>> = inputs.iter().map(|i| encode_args(i)).collect();
    run_isolated(f, &encoded, 1 << 20, config.timeout, config.max_hangs)
        .into_iter()
        .map(|o| match o {
            Outcome::Returned(v) => Outcome::Returned(v.conform(ret)),
            other => other,
        })
        .collect()
}

fn rust_outcome(subject: &Subject, input: &[Value], config: &RunConfig) -> Outcome {
    let rust = match &subject.rust {
        RustSide::InProcess(f) => *f,
        RustSide::Library(f) => {
            return isolated_outcomes(
                f,
                &subject.ret,
                std::slice::from_ref(&input.to_vec()),
                config,
            )
            .pop()
            .unwrap_or(Outcome::Hung);
        }
    };
    quiet_panics();
    QUIET.with(|q| q.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| rust(input)));
    QUIET.with(|q| q.set(false));
    match result {
        Ok(v) => Outcome::Returned(v.conform(&subject.ret)),
        Err(payload) => Outcome::Trapped(
            payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into()),
        ),
    }
}

/// Proptest's shrink loop, each candidate checked on both sides.
fn shrink(
    subject: &Subject,
    config: &RunConfig,
    tree: &mut dyn ValueTree<Value = Vec<Value>>,
) -> Counterexample {
    let check = |input: &Vec<Value>| {
        let zig = isolated_outcomes(
            &subject.zig,
            &subject.ret,
            std::slice::from_ref(input),
            config,
        )
        .pop()
        .unwrap_or(Outcome::Hung);
        let rust = rust_outcome(subject, input, config);
        (zig, rust)
    };
    let mut best = tree.current();
    let (mut zig, mut rust) = check(&best);
    let mut steps = 0;
    // Proptest's loop: a failing candidate is simplified further; a
    // passing one is complicated back towards the last failure.
    let mut more = tree.simplify();
    let deadline = Instant::now() + Duration::from_secs(20);
    while more && steps < 1024 && Instant::now() < deadline {
        steps += 1;
        let candidate = tree.current();
        let (z, r) = check(&candidate);
        if z.agrees_with(&r) {
            more = tree.complicate();
        } else {
            best = candidate;
            zig = z;
            rust = r;
            more = tree.simplify();
        }
    }
    make_counterexample(best, zig, rust, steps)
}

fn make_counterexample(
    input: Vec<Value>,
    zig: Outcome,
    rust: Outcome,
    shrink_steps: usize,
) -> Counterexample {
    let left = format!("{zig:#?}\n");
    let right = format!("{rust:#?}\n");
    let diff = similar::TextDiff::from_lines(&left, &right)
        .unified_diff()
        .header("zig", "rust")
        .to_string();
    Counterexample {
        input,
        zig,
        rust,
        diff,
        shrink_steps,
    }
}

fn seed_bytes(seed: u64) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, chunk) in out.chunks_mut(8).enumerate() {
        chunk.copy_from_slice(
            &seed
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .wrapping_add(i as u64)
                .to_le_bytes(),
        );
    }
    out
}

fn load_seeds(config: &RunConfig) -> Vec<Vec<Value>> {
    let Some(path) = &config.seeds_file else {
        return Vec::new();
    };
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Appends a counterexample to the seeds file (a JSON list of inputs), so
/// the next run replays it first.
fn save_seed(config: &RunConfig, input: &[Value]) {
    let Some(path) = &config.seeds_file else {
        return;
    };
    let mut seeds = load_seeds(config);
    if seeds.iter().any(|s| s == input) {
        return;
    }
    seeds.push(input.to_vec());
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(text) = serde_json::to_string_pretty(&seeds) {
        let _ = std::fs::write(path, text);
    }
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Panics of the Rust side are outcomes, not noise: the default hook is
/// silenced while the harness calls a Rust function.
fn quiet_panics() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                default(info);
            }
        }));
    });
}

//! `zigport verify CRATE_DIR [--cases N] [--json]`: every clean pub fn of a
//! translated crate against its Zig original, plus both sides' tests and a
//! benchmark per function.
//!
//! Both sides are shared libraries with the same shim ABI: the oracle
//! builds the Zig one (ReleaseSafe); here the Rust one gets generated
//! `extern "C"` shims (`src/zigport_shims.rs`) and is built as a cdylib.
//! Both are untrusted: the harness loads and runs them only in sandboxed
//! worker processes (`zigport_harness::sandbox`), never in this one.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use clap::Args;
use serde::Serialize;
use zigport_harness::bench::{BenchResult, bench_libraries};
use zigport_harness::script::explain;
use zigport_harness::strategy::{Dictionary, arguments};
use zigport_harness::value::Value;
use zigport_harness::zig::ZigLibrary;
use zigport_harness::{RunConfig, RustSide, Subject, Verdict, sample_inputs, verify};
use zigport_oracle::abi::{AbiType, ShimFn};
use zigport_oracle::build::{EMBEDDED_SOURCE_DIR, build_embedded_library};
use zigport_translator::config::PortConfig;
use zigport_translator::syntax::ir::{DeclKind, Expr, ExprKind, FnDecl, SourceFile};
use zigport_translator::syntax::visit::{self, Visitor};
use zigport_translator::syntax::{ZigParser, parse_source};
use zigport_translator::translate::{FnStatus, PORT_MANIFEST, PortManifest};

use crate::{Failure, exit, notify, toolchain_request};
use zigport_oracle::rust_shim::{self, RustShim};
use zigport_oracle::sequence::{SequenceSpec, discover};
use zigport_oracle::signature::{
    ModuleFn, abi_signature, abi_signature_or_gap, module_functions, rust_container_name,
};

#[derive(Args)]
pub struct VerifyArgs {
    /// A crate written by `zigport translate`.
    krate: PathBuf,
    /// Cases per function.
    #[arg(long, default_value_t = 10_000)]
    cases: usize,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
pub struct Report {
    pub functions: Vec<FunctionReport>,
    pub skipped: Vec<Skipped>,
    pub zig_tests: TestCounts,
    pub rust_tests: TestCounts,
    /// Per Rust module: its Zig file's tests and its translated tests.
    pub module_tests: std::collections::BTreeMap<String, (TestCounts, TestCounts)>,
    pub divergences: usize,
}

#[derive(Serialize)]
pub struct FunctionReport {
    pub module: String,
    pub function: String,
    pub verdict: Verdict,
    pub bench: Option<BenchResult>,
    /// The type whose call sequences verified it (the verdict and the
    /// benchmark are the sequences').
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence: Option<String>,
    /// Method calls those sequences made, constructors not counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps: Option<usize>,
}

/// A call-sequence verdict as one report per function it covers. A
/// divergence is the member's whose step the shrunk sequence diverged
/// at; its counterexample is the call script and that step's diff.
fn sequence_reports(
    p: &Pair,
    seq: &Sequence,
    mut verdict: Verdict,
    bench: Option<BenchResult>,
    steps: usize,
) -> Vec<FunctionReport> {
    let mut blamed = None;
    if let Some(c) = verdict.counterexample.as_mut() {
        let d = explain(&seq.spec, &c.input, &c.zig, &c.rust);
        c.diff = format!(
            "{}
{}",
            d.script, d.diff
        );
        blamed = d.member.filter(|m| seq.covers.contains(m));
    }
    let blamed = blamed.or_else(|| seq.covers.first().cloned());
    seq.covers
        .iter()
        .map(|name| {
            let mut v = verdict.clone();
            if Some(name) != blamed.as_ref() {
                v.diverged = 0;
                v.counterexample = None;
            }
            FunctionReport {
                module: p.module.clone(),
                function: name.clone(),
                verdict: v,
                bench: bench.clone(),
                sequence: Some(seq.spec.display.clone()),
                steps: Some(steps),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct Skipped {
    pub module: String,
    pub function: String,
    pub reason: String,
}

#[derive(Serialize, serde::Deserialize, Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct TestCounts {
    pub passed: usize,
    pub failed: usize,
    /// Translated tests not run because they are not ported clean.
    #[serde(default)]
    pub not_ported: usize,
}

impl TestCounts {
    pub fn plus(self, other: TestCounts) -> TestCounts {
        TestCounts {
            passed: self.passed + other.passed,
            failed: self.failed + other.failed,
            not_ported: self.not_ported + other.not_ported,
        }
    }
}

/// What to verify and how hard.
pub struct VerifyOptions {
    pub cases: usize,
    /// Only these `(module, zig function)` pairs (all when `None`).
    pub only: Option<std::collections::BTreeSet<(String, String)>>,
    /// Only these Rust modules, functions and tests (all when `None`).
    pub modules: Option<std::collections::BTreeSet<String>>,
    /// Run both sides' test blocks.
    pub tests: bool,
    /// Benchmark every agreeing function.
    pub bench: bool,
}

/// A function both sides can be called through the shim ABI.
struct Pair {
    /// Literals of its body and of the arguments its tests pass it.
    dictionary: Dictionary,
    module: String,
    /// The module's Zig path, for reports.
    display: String,
    /// `parse`, or `Point.scale` for a method.
    zig_name: String,
    /// What the Zig shim calls, `{0}`... standing for the arguments.
    zig_call: String,
    rust_path: String,
    symbol: String,
    params: Vec<AbiType>,
    ret: AbiType,
    /// A type's call sequences instead of one function: `zig_name` is the
    /// type, `params`/`ret` the export's.
    sequence: Option<Sequence>,
}

/// A call-sequence pair: the export, and the functions it verifies.
struct Sequence {
    spec: SequenceSpec,
    /// Its members not verified one call at a time.
    covers: Vec<String>,
}

impl Pair {
    /// The shim's Zig export, appended to the module's copy.
    fn zig_export(&self) -> String {
        match &self.sequence {
            Some(s) => s.spec.zig_export(zigport_oracle::shim::EMBEDDED_ROOT),
            None => zigport_oracle::shim::embedded_export(&ShimFn {
                name: self.symbol.clone(),
                params: self.params.clone(),
                ret: self.ret.clone(),
                zig_call: self.zig_call.clone(),
            }),
        }
    }

    /// What the shims return for one input.
    fn output(&self) -> AbiType {
        match &self.sequence {
            Some(s) => s.spec.output(),
            None => zigport_oracle::abi::output_type(&self.params, &self.ret),
        }
    }
}

/// Drops a pair whose shim does not build, reported as skipped with why;
/// the others are still verified.
fn reject(pairs: &mut Vec<Pair>, skipped: &mut Vec<Skipped>, symbol: &str, reason: &str) {
    if let Some(i) = pairs.iter().position(|p| p.symbol == symbol) {
        let p = pairs.remove(i);
        skipped.push(Skipped {
            module: p.display,
            function: p.zig_name,
            reason: reason.into(),
        });
    }
}

/// Rounds of dropping the shims a compiler blames before giving up.
const SHIM_BUILD_ROUNDS: usize = 4;

/// The first `error` line of a compiler's output, for a skip reason.
fn first_error(diagnostics: &str) -> String {
    diagnostics
        .lines()
        .find(|l| l.contains("error"))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Builds a module's Zig shim library: the exports appended to a copy of
/// the module (`root`), so private declarations are reachable. Shims the
/// compiler blames are dropped (returned with the reason) and the rest
/// rebuilt; a failure that blames no shim rejects them all.
fn build_zig_side(
    zig: &zigport_oracle::toolchain::Toolchain,
    mut fns: Vec<(String, String)>,
    root: &Path,
    cache: &Path,
) -> (Option<PathBuf>, Vec<(String, String)>) {
    let mut rejected = Vec::new();
    let original = std::fs::read_to_string(root).unwrap_or_default();
    let copy_name = format!(
        "{EMBEDDED_SOURCE_DIR}/{}",
        root.file_name().unwrap_or_default().to_string_lossy()
    );
    let prelude = zigport_oracle::shim::embedded_root();
    for _ in 0..SHIM_BUILD_ROUNDS {
        let texts: Vec<String> = fns.iter().map(|(_, text)| text.clone()).collect();
        let exports = zigport_oracle::shim::embedded_exports_of(&texts);
        let error = match build_embedded_library(zig, &prelude, root, &exports, cache) {
            Ok(lib) => return (Some(lib), rejected),
            Err(e) => e.to_string(),
        };
        let copy = format!("{original}{exports}");
        let blamed = zigport_oracle::shim::blamed_exports(&copy, &error, &copy_name);
        let reason = format!("the Zig side does not build: {}", first_error(&error));
        if blamed.is_empty() || blamed.len() == fns.len() {
            reject_all(&mut fns, &mut rejected, &reason);
            return (None, rejected);
        }
        drop_blamed(&mut fns, |(name, _)| name, &blamed, &reason, &mut rejected);
    }
    reject_all(&mut fns, &mut rejected, "the Zig side does not build");
    (None, rejected)
}

/// Removes the shims the compiler blamed (by symbol), recording why.
fn drop_blamed<T>(
    shims: &mut Vec<T>,
    symbol: impl Fn(&T) -> &String,
    blamed: &std::collections::BTreeSet<String>,
    reason: &str,
    rejected: &mut Vec<(String, String)>,
) {
    shims.retain(|s| {
        let keep = !blamed.contains(symbol(s));
        if !keep {
            rejected.push((symbol(s).clone(), reason.to_string()));
        }
        keep
    });
}

fn reject_all(fns: &mut Vec<(String, String)>, rejected: &mut Vec<(String, String)>, reason: &str) {
    rejected.extend(fns.drain(..).map(|(name, _)| (name, reason.to_string())));
}

pub fn run(args: &VerifyArgs, config: &PortConfig) -> Result<u8> {
    let options = VerifyOptions {
        cases: args.cases,
        only: None,
        modules: None,
        tests: true,
        bench: true,
    };
    let report = verify_crate(&args.krate, config, &options)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report);
    }
    Ok(
        if report.divergences == 0 && report.zig_tests.failed == 0 && report.rust_tests.failed == 0
        {
            exit::OK
        } else {
            exit::FAILED
        },
    )
}

/// The port manifest of a crate `translate` wrote.
pub fn load_manifest(krate: &Path) -> Result<PortManifest> {
    let manifest_path = krate.join(PORT_MANIFEST);
    let text = std::fs::read_to_string(&manifest_path).with_context(|| {
        format!(
            "{}: not a crate written by `zigport translate`",
            manifest_path.display()
        )
    })?;
    serde_json::from_str(&text).with_context(|| format!("{}", manifest_path.display()))
}

/// The port manifest's entry for `f`: by Zig name and line (several Rust
/// instances of one generic share them); in a manifest without lines, an
/// unambiguous name.
fn manifest_entry<'m>(
    m: &'m zigport_translator::translate::PortedModule,
    f: &ModuleFn,
    source: &str,
) -> Option<&'m zigport_translator::translate::PortedFunction> {
    let line = line_of(source, f.span.start);
    let named = || m.functions.iter().filter(|p| p.zig_name == f.decl.name);
    // Instances of one type constructor share the method's line; each is
    // the port's type of the instance's name.
    let owner = rust_container_name(&f.owners).map(|o| format!("{o}::"));
    let at_line = || named().filter(|p| p.zig_line == line);
    at_line()
        .find(|p| {
            owner
                .as_ref()
                .is_some_and(|o| p.rust_path.starts_with(o.as_str()))
        })
        .or_else(|| at_line().next())
        .or_else(|| {
            let mut old = named().filter(|p| p.zig_line == 0);
            old.next().filter(|_| old.next().is_none())
        })
}

/// Whether `verify` can call the top-level function `f` through the shim
/// ABI (pub or not: the shims are compiled inside the module).
pub fn oracle_checkable(f: &FnDecl, file: &SourceFile, zig_path: &str) -> bool {
    module_functions(file).iter().any(|m| {
        m.owners.is_empty()
            && std::ptr::eq(m.decl, f)
            && m.not_verifiable().is_none()
            && abi_signature(m, file, zig_path).is_some()
    })
}

/// Verifies the crate at `krate` (written by `zigport translate`).
pub fn verify_crate(krate: &Path, config: &PortConfig, options: &VerifyOptions) -> Result<Report> {
    let krate = std::path::absolute(krate)?;
    let args = &VerifyArgs {
        krate,
        cases: options.cases,
        json: false,
    };
    let manifest = load_manifest(&args.krate)?;
    let zig = zigport_oracle::toolchain::ensure(&toolchain_request(config), &notify)?;

    let mut pairs = Vec::new();
    let mut skipped = Vec::new();
    let mut parser = ZigParser::new();
    let selected = |module: &str| {
        options
            .modules
            .as_ref()
            .is_none_or(|set| set.contains(module))
    };
    // Every verifiable function gets a Rust shim (so the crate's shim
    // module does not depend on the selection); only selected ones run.
    let mut unselected = Vec::new();
    for m in &manifest.modules {
        let zig_file = m.zig_path(&args.krate);
        let source = std::fs::read_to_string(&zig_file)
            .with_context(|| format!("cannot read {}", zig_file.display()))?;
        let file = parse_source(&mut parser, &source).file;
        for f in module_functions(&file) {
            let name = f.display();
            let chosen = selected(&m.module)
                && options
                    .only
                    .as_ref()
                    .is_none_or(|only| only.contains(&(m.module.clone(), name.clone())));
            let (pairs, skipped) = if chosen {
                (&mut pairs, &mut skipped)
            } else {
                (&mut unselected, &mut Vec::new())
            };
            let status = manifest_entry(m, &f, &source);
            let skip = |reason: &str| Skipped {
                module: m.display.clone(),
                function: name.clone(),
                reason: reason.into(),
            };
            // A program's entry point depends on its process (arguments,
            // stdin): the script suite (`cli-parity`) checks it, not the oracle.
            if name == "main" {
                skipped.push(skip("the program's entry point (see cli-parity)"));
                continue;
            }
            if let Some(why) = f.not_verifiable() {
                skipped.push(skip(why));
                continue;
            }
            match (status, abi_signature_or_gap(&f, &file, &m.display)) {
                (Some(p), Ok((params, ret))) if p.status == FnStatus::Clean => {
                    let placeholders: Vec<String> =
                        (0..params.len()).map(|i| format!("{{{i}}}")).collect();
                    pairs.push(Pair {
                        dictionary: literals_for(f.decl, &file, &params),
                        module: m.module.clone(),
                        display: m.display.clone(),
                        zig_name: name.clone(),
                        zig_call: format!("{name}({})", placeholders.join(", ")),
                        rust_path: p.rust_path.clone(),
                        symbol: f.symbol(&m.module),
                        params,
                        ret,
                        sequence: None,
                    })
                }
                (Some(_), Ok(_)) => skipped.push(skip("not ported clean")),
                (_, Err(gap)) => skipped.push(skip(&gap.describe(&source))),
                (None, Ok(_)) => skipped.push(skip("not in the port")),
            }
        }
        // Types with constructors and methods are driven through call
        // sequences; their methods are then not called one at a time on
        // generated states (which mostly break the type's invariants).
        let clean = |f: &ModuleFn| {
            manifest_entry(m, f, &source)
                .filter(|p| p.status == FnStatus::Clean)
                .map(|p| p.rust_path.clone())
        };
        let fns = module_functions(&file);
        // A function the port has that no shim can name (a method of a
        // type-constructor instance the module makes only inside a body)
        // is listed too: none is left out of the totals.
        let reached: std::collections::BTreeSet<(&str, u32)> = fns
            .iter()
            .map(|f| (f.decl.name.as_str(), line_of(&source, f.span.start)))
            .collect();
        let mut unnamed = std::collections::BTreeSet::new();
        for p in &m.functions {
            if !p.rust_path.starts_with("tests::")
                && p.zig_line != 0
                && !reached.contains(&(p.zig_name.as_str(), p.zig_line))
                && unnamed.insert((p.zig_name.clone(), p.zig_line))
                && selected(&m.module)
            {
                skipped.push(Skipped {
                    module: m.display.clone(),
                    function: p.zig_name.clone(),
                    reason: "a method of a type-constructor instance that no constant names: no instance to call".into(),
                });
            }
        }
        let mut covered = std::collections::BTreeSet::new();
        for spec in discover(&m.module, &file, &m.display, clean) {
            let direct = |name: &str| {
                pairs
                    .iter()
                    .chain(&unselected)
                    .any(|p| p.module == m.module && p.zig_name == name)
            };
            let is_method = |name: &str| spec.methods.iter().any(|x| x.display == name);
            let covers: Vec<String> = (spec.constructors.iter())
                .filter(|c| !direct(&c.display))
                .chain(&spec.methods)
                .map(|x| x.display.clone())
                // A free function may serve two types: reported once.
                .filter(|d| covered.insert(d.clone()))
                .collect();
            pairs.retain(|p| !(p.module == m.module && is_method(&p.zig_name)));
            unselected.retain(|p| !(p.module == m.module && is_method(&p.zig_name)));
            skipped.retain(|s| !(s.module == m.display && covers.contains(&s.function)));
            let chosen = selected(&m.module)
                && options.only.as_ref().is_none_or(|only| {
                    covers
                        .iter()
                        .any(|c| only.contains(&(m.module.clone(), c.clone())))
                });
            // The members' literals (their tests' argument lists fit one
            // member, not the sequence).
            let mut dictionary = Dictionary::default();
            for member in spec.constructors.iter().chain(&spec.methods) {
                if let Some(f) = fns.iter().find(|f| f.display() == member.display) {
                    let d = literals_for(f.decl, &file, &member.params);
                    dictionary.fragments.extend(d.fragments);
                    dictionary.ints.extend(d.ints);
                }
            }
            dictionary.fragments.sort();
            dictionary.fragments.dedup();
            dictionary.ints.sort_unstable();
            dictionary.ints.dedup();
            let pair = Pair {
                dictionary,
                module: m.module.clone(),
                display: m.display.clone(),
                zig_name: spec.display.clone(),
                zig_call: String::new(),
                rust_path: format!("{} (call sequences)", spec.display),
                symbol: spec.symbol.clone(),
                params: spec.params(),
                ret: spec.output(),
                sequence: Some(Sequence { spec, covers }),
            };
            if chosen {
                pairs.push(pair);
            } else {
                unselected.push(pair);
            }
        }
    }
    if pairs.is_empty() && !options.tests {
        bail!(
            "no function of {} can be verified yet",
            args.krate.display()
        );
    }

    notify(&format!(
        "building the Zig side of {} functions (ReleaseSafe)",
        pairs.len()
    ));
    let cache = args.krate.join("target").join("zigport-oracle");
    let mut zig_libs = Vec::new();
    for m in &manifest.modules {
        let module_pairs: Vec<&Pair> = pairs.iter().filter(|p| p.module == m.module).collect();
        if module_pairs.is_empty() {
            continue;
        }
        let fns: Vec<(String, String)> = module_pairs
            .iter()
            .map(|p| (p.symbol.clone(), p.zig_export()))
            .collect();
        let (lib, rejected) = build_zig_side(&zig, fns, &m.zig_path(&args.krate), &cache);
        for (symbol, reason) in rejected {
            reject(&mut pairs, &mut skipped, &symbol, &reason);
        }
        if let Some(lib) = lib {
            zig_libs.push((m.module.clone(), ZigLibrary::open(&lib)?));
        }
    }

    notify("building the Rust side as a shared library");
    let mut shimmed: Vec<&Pair> = pairs.iter().chain(&unselected).collect();
    shimmed.sort_by(|a, b| a.symbol.cmp(&b.symbol));
    let modules: Vec<&str> = manifest.modules.iter().map(|m| m.module.as_str()).collect();
    let (rust_lib, rejected) = build_rust_side(&args.krate, &modules, shimmed)?;
    for (symbol, reason) in rejected {
        reject(&mut pairs, &mut skipped, &symbol, &reason);
    }
    let rust_lib = ZigLibrary::open(&rust_lib)?;
    let progress = crate::progress_bar(pairs.len(), "verifying");

    let mut functions = Vec::new();
    for p in &pairs {
        let Some((_, zlib)) = zig_libs.iter().find(|(m, _)| *m == p.module) else {
            continue;
        };
        let (zig_fn, rust_fn) = (zlib.function(&p.symbol)?, rust_lib.function(&p.symbol)?);
        let seeds = args
            .krate
            .join("zigport-seeds")
            .join(format!("{}.json", p.symbol));
        let config = RunConfig {
            cases: args.cases,
            seeds_file: Some(seeds),
            timeout: std::time::Duration::from_secs(1),
            ..RunConfig::default()
        };
        let subject_for = |dictionary: &Dictionary| Subject {
            name: format!("{}::{}", p.module, p.rust_path),
            ret: p.output(),
            zig: zig_fn.clone(),
            rust: RustSide::Library(rust_fn.clone()),
            inputs: arguments(&p.params, dictionary),
        };
        let mut subject = subject_for(&p.dictionary);
        let mut verdict = verify(&subject, &config);
        // Stopped by hangs: integers too large for the loops they bound.
        // Once more with small ones, so the cases reach the code.
        if verdict.hangs >= config.max_hangs {
            let small = Dictionary {
                small_ints: true,
                ..p.dictionary.clone()
            };
            subject = subject_for(&small);
            verdict = verify(&subject, &config);
        }
        let inputs = subject.inputs.clone();
        // Benchmark only on inputs the run just showed to be trap-free
        // (the same seed regenerates them): a trap would end the bench's
        // sandboxed worker, and with it the benchmark.
        let bench = (options.bench
            && verdict.zig_traps == 0
            && verdict.rust_traps == 0
            && verdict.hangs == 0)
            .then(|| {
                let sample =
                    sample_inputs(&inputs, RunConfig::default().seed, verdict.cases.min(2_000));
                bench_libraries(&subject.name, &zig_fn, &rust_fn, &sample, 9)
                    .map_err(|e| notify(&format!("no benchmark of {}: {e}", subject.name)))
                    .ok()
            })
            .flatten();
        match &p.sequence {
            None => functions.push(FunctionReport {
                module: p.module.clone(),
                function: p.zig_name.clone(),
                verdict,
                bench,
                sequence: None,
                steps: None,
            }),
            Some(seq) => {
                // The run's inputs again (same seed), to count their steps.
                let steps = sample_inputs(&inputs, RunConfig::default().seed, verdict.cases)
                    .iter()
                    .map(|input| match input.get(1) {
                        Some(Value::Tuple(steps)) => steps.len(),
                        _ => 0,
                    })
                    .sum();
                functions.extend(sequence_reports(p, seq, verdict, bench, steps));
            }
        }
        progress.inc(1);
    }
    progress.finish_and_clear();

    let mut module_tests = std::collections::BTreeMap::new();
    let (mut zig_tests, mut rust_tests) = (TestCounts::default(), TestCounts::default());
    if options.tests {
        notify("running the Zig tests and the translated tests");
        // Translated tests that are not ported clean (they call unported
        // functions, or carry TODOs) are not run: they would only test
        // the placeholders. They are counted as not ported.
        let unported: Vec<String> = manifest
            .modules
            .iter()
            .flat_map(|m| {
                m.functions
                    .iter()
                    .filter(|f| f.rust_path.starts_with("tests::") && f.status != FnStatus::Clean)
                    .map(move |f| format!("{}::{}", m.module, f.rust_path))
            })
            .collect();
        let rust_by_module = cargo_test(&args.krate, &unported);
        // The tests did not build at all: every module's translated tests
        // count as failing (none of them ran).
        let unbuilt = rust_by_module.get("").is_some_and(|c| c.failed > 0);
        for m in manifest.modules.iter().filter(|m| selected(&m.module)) {
            let z = zig_test(&zig.zig, &m.zig_path(&args.krate));
            let mut r = rust_by_module.get(&m.module).copied().unwrap_or_default();
            if unbuilt {
                r.failed += 1;
            }
            zig_tests = zig_tests.plus(z);
            rust_tests = rust_tests.plus(r);
            module_tests.insert(m.module.clone(), (z, r));
        }
    }
    let divergences = functions.iter().map(|f| f.verdict.diverged).sum();
    Ok(Report {
        functions,
        skipped,
        zig_tests,
        rust_tests,
        module_tests,
        divergences,
    })
}

fn print_report(r: &Report) {
    println!(
        "{:<40} {:>7} {:>7} {:>8} {:>6} {:>6} {:>10}",
        "function", "cases", "agreed", "diverged", "ztraps", "rtraps", "rust/zig"
    );
    for f in &r.functions {
        let v = &f.verdict;
        let ratio = f
            .bench
            .as_ref()
            .map_or("-".to_string(), |b| format!("{:.2}", b.ratio));
        println!(
            "{:<40} {:>7} {:>7} {:>8} {:>6} {:>6} {:>10}",
            v.name, v.cases, v.agreed, v.diverged, v.zig_traps, v.rust_traps, ratio
        );
        if let Some(cx) = &v.counterexample {
            println!(
                "  counterexample (after {} shrink steps): {:?}\n{}",
                cx.shrink_steps, cx.input, cx.diff
            );
        }
    }
    for s in &r.skipped {
        println!("skipped {}::{}: {}", s.module, s.function, s.reason);
    }
    println!(
        "zig tests: {} passed, {} failed; rust tests: {} passed, {} failed; divergences: {}",
        r.zig_tests.passed,
        r.zig_tests.failed,
        r.rust_tests.passed,
        r.rust_tests.failed,
        r.divergences
    );
}

/// Literals to bias a function's inputs with: strings, characters and
/// integers in its body, the literal arguments its `test` blocks pass to
/// it (the module's own examples), and, where every argument of such a
/// call is a literal, the whole argument list as a seed.
fn literals_for(f: &FnDecl, file: &SourceFile, params: &[AbiType]) -> Dictionary {
    struct Literals<'a> {
        dict: Dictionary,
        /// When set, only literal arguments of calls to this function
        /// (`name(..)` or `Owner.name(..)`), whose parameters these are.
        calls_to: Option<(&'a str, &'a [AbiType])>,
    }
    impl Literals<'_> {
        fn add(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::Str(b) if b.len() <= 64 => self.dict.fragments.push(b.clone()),
                ExprKind::Char(c) => {
                    if let Ok(b) = u8::try_from(*c) {
                        self.dict.fragments.push(vec![b]);
                    }
                    self.dict.ints.push(i128::from(*c));
                }
                ExprKind::Int(text) => {
                    if let Some(v) = parse_int_literal(text) {
                        self.dict.ints.push(v);
                        self.dict.fragments.push(v.to_string().into_bytes());
                    }
                }
                _ => {}
            }
        }
    }
    impl Visitor<'_> for Literals<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            match (self.calls_to, &e.kind) {
                (None, _) => self.add(e),
                (Some((name, params)), ExprKind::Call { callee, args })
                    if matches!(&callee.kind, ExprKind::Ident(n) if n == name)
                        || matches!(&callee.kind, ExprKind::Field { object, member }
                            if member == name && matches!(object.kind, ExprKind::Ident(_))) =>
                {
                    args.iter().for_each(|a| self.add(a));
                    if args.len() == params.len()
                        && let Some(seed) = args
                            .iter()
                            .zip(params)
                            .filter(|(_, t)| t.carried_in())
                            .map(|(a, t)| literal_value(a, t))
                            .collect::<Option<Vec<_>>>()
                    {
                        self.dict.seeds.push(seed);
                    }
                }
                _ => {}
            }
            visit::walk_expr(self, e);
        }
    }
    let mut body = Literals {
        dict: Dictionary::default(),
        calls_to: None,
    };
    if let Some(b) = &f.body {
        visit::walk_block(&mut body, b);
    }
    let mut tests = Literals {
        dict: body.dict,
        calls_to: Some((&f.name, params)),
    };
    for d in &file.members {
        if let DeclKind::Test(t) = &d.kind {
            visit::walk_block(&mut tests, &t.body);
        }
    }
    let mut dict = tests.dict;
    dict.fragments.sort();
    dict.fragments.dedup();
    dict.ints.sort_unstable();
    dict.ints.dedup();
    dict.seeds.dedup();
    dict
}

/// A literal argument as the wire carries a value of `ty`, when it is one.
fn literal_value(e: &Expr, ty: &AbiType) -> Option<Value> {
    match (&e.kind, ty) {
        (ExprKind::Str(b), AbiType::Bytes | AbiType::MutBytes) => Some(Value::Bytes(b.clone())),
        (ExprKind::Bool(b), AbiType::Bool) => Some(Value::Bool(*b)),
        (ExprKind::Null, AbiType::Optional { .. }) => Some(Value::Null),
        (_, AbiType::Optional { inner }) => literal_value(e, inner),
        (ExprKind::DotName(tag), AbiType::Enum { tags, .. }) => tags
            .iter()
            .position(|t| t == tag)
            .map(|i| Value::UInt(i as u128)),
        (ExprKind::Float(text), AbiType::Float { .. }) => {
            text.replace('_', "").parse::<f64>().ok().map(Value::float)
        }
        (_, AbiType::Int { signed, bits }) => {
            let v = match &e.kind {
                ExprKind::Int(text) => parse_int_literal(text)?,
                ExprKind::Char(c) => i128::from(*c),
                ExprKind::Unary {
                    op: zigport_translator::syntax::ir::UnaryOp::Neg,
                    operand,
                } => match &operand.kind {
                    ExprKind::Int(text) => -parse_int_literal(text)?,
                    _ => return None,
                },
                _ => return None,
            };
            let bits = u32::from(*bits).min(127);
            if *signed {
                let max = (1i128 << (bits.max(1) - 1)) - 1;
                (-max - 1..=max).contains(&v).then_some(Value::Int(v))
            } else {
                let v = u128::try_from(v).ok()?;
                (bits == 127 || v < (1u128 << bits)).then_some(Value::UInt(v))
            }
        }
        _ => None,
    }
}

fn parse_int_literal(text: &str) -> Option<i128> {
    let t = text.replace('_', "");
    let (digits, radix) = match t.get(..2) {
        Some("0x") => (&t[2..], 16),
        Some("0o") => (&t[2..], 8),
        Some("0b") => (&t[2..], 2),
        _ => (t.as_str(), 10),
    };
    i128::from_str_radix(digits, radix).ok()
}

/// Leaves an unchanged file alone, so cargo does not rebuild the crate
/// for every module `port` verifies.
fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text)
}

/// 1-based line of byte `offset` (as the port manifest counts lines).
fn line_of(source: &str, offset: u32) -> u32 {
    let upto = source.get(..offset as usize).unwrap_or(source);
    upto.bytes().filter(|&b| b == b'\n').count() as u32 + 1
}

/// Writes the shims (the prelude as `src/zigport_shims.rs`, each module's
/// as its child `src/<module>/zigport_shims.rs`), makes the crate a
/// cdylib too, builds it with overflow checks (the parity profile) and
/// the `zigport-shims` feature, returns the library path and the shims
/// dropped because they did not compile (with why).
fn build_rust_side(
    krate: &Path,
    modules: &[&str],
    mut pairs: Vec<&Pair>,
) -> Result<(PathBuf, Vec<(String, String)>)> {
    let lib_rs = krate.join("src/lib.rs");
    let mut lib = std::fs::read_to_string(&lib_rs)?;
    if !lib.contains("mod zigport_shims;") {
        lib.push_str(
            "\n#[cfg(feature = \"zigport-shims\")]\n#[doc(hidden)]\npub mod zigport_shims;\n",
        );
        std::fs::write(&lib_rs, lib)?;
    }
    // Modules written before the hook existed (or edited since) get it.
    for module in modules {
        let path = krate.join("src").join(format!("{module}.rs"));
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let hooked = zigport_translator::emit::with_shim_hook(&text);
        if hooked != text {
            std::fs::write(&path, hooked)?;
        }
    }
    let cargo_toml = krate.join("Cargo.toml");
    let mut manifest = std::fs::read_to_string(&cargo_toml)?;
    if !manifest.contains("cdylib") {
        manifest = manifest.replacen(
            "[profile.release]",
            "[lib]\ncrate-type = [\"rlib\", \"cdylib\"]\n\n[profile.release]",
            1,
        );
        std::fs::write(&cargo_toml, &manifest)?;
    }
    if !manifest.contains("zigport-shims") {
        manifest.push_str("\n[features]\nzigport-shims = []\n");
        std::fs::write(&cargo_toml, &manifest)?;
    }
    write_if_changed(&krate.join("src/zigport_shims.rs"), rust_shim::prelude())?;
    let mut rejected = Vec::new();
    for round in 0.. {
        let mut sources = Vec::new();
        for module in modules {
            let shims: Vec<RustShim> = pairs
                .iter()
                .filter(|p| p.module == *module)
                .map(|p| RustShim {
                    symbol: &p.symbol,
                    rust_path: &p.rust_path,
                    params: &p.params,
                    ret: &p.ret,
                })
                .collect();
            let sequences: Vec<String> = pairs
                .iter()
                .filter(|p| p.module == *module)
                .filter_map(|p| Some(p.sequence.as_ref()?.spec.rust_export()))
                .collect();
            let shims: Vec<RustShim> = shims
                .into_iter()
                .filter(|s| {
                    pairs
                        .iter()
                        .any(|p| p.symbol == s.symbol && p.sequence.is_none())
                })
                .collect();
            let source = rust_shim::module_shims(&shims, &sequences);
            let dir = krate.join("src").join(module);
            std::fs::create_dir_all(&dir)?;
            write_if_changed(&dir.join("zigport_shims.rs"), &source)?;
            sources.push((format!("src/{module}/zigport_shims.rs"), source));
        }
        // The crate may hold a model's code: cargo with a cleared environment.
        let output = zigport_translator::untrusted::cargo(krate)
            .args([
                "build",
                "--release",
                "--lib",
                "--quiet",
                "--features",
                "zigport-shims",
            ])
            // Where the library is looked for, whatever the caller's
            // environment says.
            .env("CARGO_TARGET_DIR", krate.join("target"))
            .output()?;
        if output.status.success() {
            break;
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        let blamed: std::collections::BTreeSet<String> = sources
            .iter()
            .flat_map(|(file, source)| zigport_oracle::shim::blamed_exports(source, &stderr, file))
            .collect();
        if blamed.is_empty() || round + 1 >= SHIM_BUILD_ROUNDS {
            // Only the errors: warnings of generated code are the summary's job.
            let errors: Vec<&str> = stderr
                .split("\n\n")
                .filter(|block| block.starts_with("error"))
                .take(5)
                .collect();
            // Not bad input: a shim zigport generated that does not build
            // is zigport's failure; the crate's own modules, a failed check.
            let in_shims = errors.iter().any(|e| e.contains("zigport_shims.rs"));
            return Err(Failure {
                code: if in_shims {
                    exit::TRANSLATOR
                } else {
                    exit::FAILED
                },
                message: format!(
                    "the Rust side does not build (cargo build --release --features zigport-shims in {}):\n{}",
                    krate.display(),
                    errors.join("\n\n")
                ),
            }
            .into());
        }
        let reason = format!("the Rust shim does not compile: {}", first_error(&stderr));
        drop_blamed(&mut pairs, |p| &p.symbol, &blamed, &reason, &mut rejected);
    }
    let name = manifest
        .lines()
        .find_map(|l| {
            l.strip_prefix("name = \"")
                .and_then(|r| r.strip_suffix('"'))
        })
        .unwrap_or("ported")
        .replace('-', "_");
    Ok((
        krate.join("target/release").join(format!("lib{name}.so")),
        rejected,
    ))
}

impl TestCounts {
    /// A test command that could not even start counts as one failure.
    const NOT_RUN: TestCounts = TestCounts {
        passed: 0,
        failed: 1,
        not_ported: 0,
    };
}

/// Runs a test command with no stdin; `None` if it cannot be started.
fn test_output(cmd: &mut Command) -> Option<std::process::Output> {
    cmd.stdin(Stdio::null()).output().ok()
}

/// `zig test FILE`: passed and failed counts from its summary.
fn zig_test(zig: &Path, file: &Path) -> TestCounts {
    let Some(out) = test_output(Command::new(zig).arg("test").arg(file)) else {
        return TestCounts::NOT_RUN;
    };
    let text = String::from_utf8_lossy(&out.stderr);
    let number = |after: &str| {
        text.split(after)
            .nth(1)
            .and_then(|r| r.split_whitespace().next()?.parse().ok())
    };
    if out.status.success() {
        let passed = number("All ").unwrap_or(0);
        TestCounts {
            passed,
            failed: 0,
            not_ported: 0,
        }
    } else {
        let passed = text
            .lines()
            .last()
            .and_then(|l| {
                l.split(" passed")
                    .next()?
                    .split_whitespace()
                    .last()?
                    .parse()
                    .ok()
            })
            .unwrap_or(0);
        let failed = text
            .split(" failed")
            .next()
            .and_then(|l| l.split_whitespace().last()?.parse().ok())
            .unwrap_or(1);
        TestCounts {
            passed,
            failed,
            not_ported: 0,
        }
    }
}

/// `cargo test --release` in the port, per module (the first segment of
/// each test's path; `""` for a crate that did not build). The build gets
/// a cleared environment and the test binary runs in the exec sandbox
/// (`zigport __zigport-exec`, see `zigport_harness::sandbox::exec`).
fn cargo_test(krate: &Path, skip: &[String]) -> std::collections::BTreeMap<String, TestCounts> {
    let mut by_module: std::collections::BTreeMap<String, TestCounts> = Default::default();
    let cargo = zigport_harness::sandbox::exec_command()
        .and_then(|runner| zigport_translator::untrusted::cargo_test(krate, &runner));
    let mut cargo = match cargo {
        Ok(c) => c,
        Err(e) => {
            notify(&format!("the translated tests cannot run sandboxed: {e}"));
            by_module.insert(String::new(), TestCounts::NOT_RUN);
            return by_module;
        }
    };
    cargo.args(["--release", "--lib", "--", "--exact"]);
    for name in skip {
        cargo.args(["--skip", name]);
        let module = name.split("::").next().unwrap_or_default().to_string();
        by_module.entry(module).or_default().not_ported += 1;
    }
    let Some(out) = test_output(&mut cargo) else {
        by_module.insert(String::new(), TestCounts::NOT_RUN);
        return by_module;
    };
    zigport_harness::sandbox::relay_exec_notes(&out.stderr);
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, verdict)) = rest.rsplit_once(" ... ") else {
            continue;
        };
        let module = name.split("::").next().unwrap_or_default().to_string();
        let counts = by_module.entry(module).or_default();
        match verdict.trim() {
            "ok" => counts.passed += 1,
            v if v.starts_with("FAILED") => counts.failed += 1,
            _ => {}
        }
    }
    if !out.status.success() && by_module.values().all(|c| c.failed == 0) {
        by_module.entry(String::new()).or_default().failed += 1; // did not build
    }
    by_module
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_literal_argument_lists_of_test_calls_are_seeds() {
        let src = r#"
const Kind = enum { major, minor };
fn bump(text: []const u8, kind: Kind, by: i8, gpa: std.mem.Allocator) ?u32 { _ = gpa; _ = text; _ = kind; return @intCast(by); }
test "bump" {
    try std.testing.expectEqual(bump("1.2.3", .minor, -2, std.testing.allocator), null);
    _ = Self.bump("0.1.0", .major, 300, std.testing.allocator);
    _ = bump(some_var, .major, 1, std.testing.allocator);
}
"#;
        let file = parse_source(&mut ZigParser::new(), src).file;
        let DeclKind::Fn(f) = &file.members[1].kind else {
            panic!()
        };
        let params = [
            AbiType::Bytes,
            AbiType::Enum {
                zig: "Kind".into(),
                rust: "Kind".into(),
                tags: vec!["major".into(), "minor".into()],
            },
            AbiType::int(true, 8),
            AbiType::Allocator,
        ];
        let dict = literals_for(f, &file, &params);
        // `300` does not fit an i8 and `some_var` is not a literal: only
        // the first call is a seed (the allocator is not on the wire).
        assert_eq!(
            dict.seeds,
            [vec![
                Value::Bytes(b"1.2.3".to_vec()),
                Value::UInt(1),
                Value::Int(-2)
            ]]
        );
    }
}

//! `zigport verify CRATE_DIR [--cases N] [--json]`: every clean pub fn of a
//! translated crate against its Zig original, plus both sides' tests and a
//! benchmark per function.
//!
//! Both sides are shared libraries with the same shim ABI: the oracle
//! builds the Zig one (ReleaseSafe); here the Rust one gets generated
//! `extern "C"` shims (`src/zigport_shims.rs`) and is built as a cdylib.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use clap::Args;
use serde::Serialize;
use zigport_harness::bench::{BenchResult, bench_libraries};
use zigport_harness::strategy::{Dictionary, arguments};
use zigport_harness::zig::ZigLibrary;
use zigport_harness::{RunConfig, RustSide, Subject, Verdict, sample_inputs, verify};
use zigport_oracle::abi::{AbiType, ShimFn};
use zigport_oracle::build::{Module, build_shared_library};
use zigport_translator::config::PortConfig;
use zigport_translator::rules::names::snake_case;
use zigport_translator::syntax::ir::{
    ContainerKind, ContainerLayout, DeclKind, Expr, ExprKind, FnDecl, ParamType, PointerSize,
    SourceFile,
};
use zigport_translator::syntax::visit::{self, Visitor};
use zigport_translator::syntax::{ZigParser, parse_source};
use zigport_translator::translate::{FnStatus, PORT_MANIFEST, PortManifest};

use crate::{exit, notify, toolchain_request};

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
    zig_name: String,
    rust_path: String,
    symbol: String,
    params: Vec<AbiType>,
    ret: AbiType,
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

/// Whether `verify` can call `f` through the shim ABI: a top-level pub fn
/// whose parameter and result types the ABI carries.
pub fn oracle_checkable(f: &FnDecl, file: &SourceFile) -> bool {
    abi_signature(f, file).is_some()
}

/// Verifies the crate at `krate` (written by `zigport translate`).
pub fn verify_crate(krate: &Path, config: &PortConfig, options: &VerifyOptions) -> Result<Report> {
    let krate = std::path::absolute(krate)?;
    let args = &VerifyArgs {
        krate,
        cases: options.cases,
        json: false,
    };
    let manifest_path = args.krate.join(PORT_MANIFEST);
    let text = std::fs::read_to_string(&manifest_path).with_context(|| {
        format!(
            "{}: not a crate written by `zigport translate`",
            manifest_path.display()
        )
    })?;
    let manifest: PortManifest =
        serde_json::from_str(&text).with_context(|| format!("{}", manifest_path.display()))?;
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
        for decl in file.members.iter().filter(|d| d.is_pub) {
            let DeclKind::Fn(f) = &decl.kind else {
                continue;
            };
            let chosen = selected(&m.module)
                && options
                    .only
                    .as_ref()
                    .is_none_or(|only| only.contains(&(m.module.clone(), f.name.clone())));
            let (pairs, skipped) = if chosen {
                (&mut pairs, &mut skipped)
            } else {
                (&mut unselected, &mut Vec::new())
            };
            let status = m.functions.iter().find(|p| p.zig_name == f.name);
            let skip = |reason: &str| Skipped {
                module: m.display.clone(),
                function: f.name.clone(),
                reason: reason.into(),
            };
            // A program's entry point depends on its process (arguments,
            // stdin): the script suite (`cli-parity`) checks it, not the oracle.
            if f.name == "main" {
                skipped.push(skip("the program's entry point (see cli-parity)"));
                continue;
            }
            match (status, abi_signature(f, &file)) {
                (Some(p), Some((params, ret)))
                    if p.status == FnStatus::Clean && !p.rust_path.contains("::") =>
                {
                    pairs.push(Pair {
                        dictionary: literals_for(f, &file),
                        module: m.module.clone(),
                        zig_name: f.name.clone(),
                        rust_path: p.rust_path.clone(),
                        symbol: format!("{}__{}", m.module, snake_case(&f.name)),
                        params,
                        ret,
                    })
                }
                (Some(p), Some(_)) if p.status != FnStatus::Clean => {
                    skipped.push(skip("not ported clean"))
                }
                (_, None) => skipped.push(skip("signature has no shim ABI yet")),
                _ => skipped.push(skip("not in the port")),
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
        let fns: Vec<ShimFn> = module_pairs
            .iter()
            .map(|p| ShimFn {
                name: p.symbol.clone(),
                params: p.params.clone(),
                ret: p.ret.clone(),
                zig_call: format!(
                    "target.{}({})",
                    p.zig_name,
                    (0..p.params.len())
                        .map(|i| format!("{{{i}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
            .collect();
        let source = zigport_oracle::shim::generate(&fns, "const target = @import(\"target\");");
        let module = Module {
            name: "target".into(),
            root: m.zig_path(&args.krate),
        };
        match build_shared_library(&zig, &source, &[module], &cache) {
            Ok(lib) => zig_libs.push((m.module.clone(), ZigLibrary::open(&lib)?)),
            Err(e) => {
                // A module whose Zig does not build is reported, not fatal.
                let first = e.to_string().lines().nth(1).unwrap_or_default().to_string();
                for p in &module_pairs {
                    skipped.push(Skipped {
                        module: m.display.clone(),
                        function: p.zig_name.clone(),
                        reason: format!("the Zig side does not build: {first}"),
                    });
                }
            }
        }
    }

    notify("building the Rust side as a shared library");
    let mut shimmed: Vec<&Pair> = pairs.iter().chain(&unselected).collect();
    shimmed.sort_by(|a, b| a.symbol.cmp(&b.symbol));
    let rust_lib = build_rust_side(&args.krate, &shimmed)?;
    let rust_lib = ZigLibrary::open(&rust_lib)?;
    let progress = crate::progress_bar(pairs.len(), "verifying");

    let mut functions = Vec::new();
    for p in &pairs {
        let Some((_, zlib)) = zig_libs.iter().find(|(m, _)| *m == p.module) else {
            continue;
        };
        let (zig_fn, rust_fn) = (zlib.function(&p.symbol)?, rust_lib.function(&p.symbol)?);
        let inputs = arguments(&p.params, &p.dictionary);
        let subject = Subject {
            name: format!("{}::{}", p.module, p.rust_path),
            ret: zigport_oracle::abi::output_type(&p.params, &p.ret),
            zig: zig_fn,
            rust: RustSide::Library(rust_fn),
            inputs: inputs.clone(),
        };
        let seeds = args
            .krate
            .join("zigport-seeds")
            .join(format!("{}.json", p.symbol));
        let verdict = verify(
            &subject,
            &RunConfig {
                cases: args.cases,
                seeds_file: Some(seeds),
                timeout: std::time::Duration::from_secs(1),
                ..RunConfig::default()
            },
        );
        // Benchmark only on inputs the run just showed to be trap-free
        // (the same seed regenerates them): the libraries are called
        // unisolated here.
        let bench = (options.bench
            && verdict.zig_traps == 0
            && verdict.rust_traps == 0
            && verdict.hangs == 0)
            .then(|| {
                let sample =
                    sample_inputs(&inputs, RunConfig::default().seed, verdict.cases.min(2_000));
                bench_libraries(&subject.name, &zig_fn, &rust_fn, &sample, 9)
            });
        functions.push(FunctionReport {
            module: p.module.clone(),
            function: p.zig_name.clone(),
            verdict,
            bench,
        });
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
/// integers in its body, and the literal arguments its `test` blocks pass
/// to it (the module's own examples).
fn literals_for(f: &FnDecl, file: &SourceFile) -> Dictionary {
    struct Literals<'a> {
        dict: Dictionary,
        /// When set, only literal arguments of calls to this function.
        calls_to: Option<&'a str>,
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
    impl Visitor for Literals<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            match (self.calls_to, &e.kind) {
                (None, _) => self.add(e),
                (Some(name), ExprKind::Call { callee, args }) if matches!(&callee.kind, ExprKind::Ident(n) if n == name) =>
                {
                    args.iter().for_each(|a| self.add(a));
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
        calls_to: Some(&f.name),
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
    dict
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

/// The shim ABI of a Zig signature, when it has one: parameters of bool,
/// integers and `[]const u8`; results of those, optionals, error unions.
fn abi_signature(f: &FnDecl, file: &SourceFile) -> Option<(Vec<AbiType>, AbiType)> {
    let params = f
        .proto
        .params
        .iter()
        .map(|p| match &p.ty {
            ParamType::Type(t) if !p.is_comptime => param_type(t),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some((params, result_type(&f.proto.return_type, file)?))
}

/// `a.b.c` for an identifier or a chain of field accesses.
fn dotted(t: &Expr) -> Option<String> {
    match &t.kind {
        ExprKind::Ident(name) => Some(name.clone()),
        ExprKind::Field { object, member } => Some(format!("{}.{member}", dotted(object)?)),
        _ => None,
    }
}

fn param_type(t: &Expr) -> Option<AbiType> {
    match &t.kind {
        ExprKind::PrimitiveType(name) => primitive(name),
        // `std.mem.Allocator`, or the usual `Allocator` alias of it.
        _ if dotted(t).is_some_and(|d| d == "std.mem.Allocator" || d == "Allocator") => {
            Some(AbiType::Allocator)
        }
        // `[]const u8` is an input; `[]u8` an output buffer (its final
        // contents are compared too).
        ExprKind::Pointer(p) if p.size == PointerSize::Slice && p.sentinel.is_none() => {
            matches!(&p.child.kind, ExprKind::PrimitiveType(c) if c == "u8").then_some(
                if p.is_const {
                    AbiType::Bytes
                } else {
                    AbiType::MutBytes
                },
            )
        }
        _ => None,
    }
}

fn result_type(t: &Expr, file: &SourceFile) -> Option<AbiType> {
    match &t.kind {
        ExprKind::PrimitiveType(name) if name == "void" => Some(AbiType::Void),
        ExprKind::Optional(inner) => Some(AbiType::Optional {
            inner: Box::new(result_type(inner, file)?),
        }),
        ExprKind::ErrorUnion { payload, .. } => Some(AbiType::ErrorUnion {
            payload: Box::new(result_type(payload, file)?),
        }),
        _ if dotted(t).as_deref() == Some("std.math.Order") => Some(AbiType::EnumName),
        ExprKind::Ident(name) => named_type(name, file),
        _ => match param_type(t)? {
            AbiType::MutBytes => Some(AbiType::Bytes),
            AbiType::Allocator => None,
            p => Some(p),
        },
    }
}

/// A type declared in the file: an enum (reported by tag name), or a
/// plain struct whose fields are all scalars or such enums.
fn named_type(name: &str, file: &SourceFile) -> Option<AbiType> {
    let container = file.members.iter().find_map(|d| match &d.kind {
        DeclKind::Var(v) if v.name == name => match &v.init.as_ref()?.kind {
            ExprKind::Container(c) => Some(c),
            _ => None,
        },
        _ => None,
    })?;
    let fields = container.members.iter().filter_map(|d| match &d.kind {
        DeclKind::Field(f) => Some(f),
        _ => None,
    });
    match container.kind {
        ContainerKind::Enum => Some(AbiType::EnumName),
        ContainerKind::Struct if container.layout == ContainerLayout::Auto => {
            let fields = fields
                .map(|f| {
                    let ty = match &f.ty.as_ref()?.kind {
                        ExprKind::PrimitiveType(p) => primitive(p)?,
                        ExprKind::Ident(n) if n != name => match named_type(n, file)? {
                            AbiType::EnumName => AbiType::EnumName,
                            _ => return None,
                        },
                        _ => return None,
                    };
                    Some((f.name.clone(), ty))
                })
                .collect::<Option<Vec<_>>>()?;
            (!fields.is_empty()).then_some(AbiType::Struct { fields })
        }
        _ => None,
    }
}

fn primitive(name: &str) -> Option<AbiType> {
    match name {
        "bool" => Some(AbiType::Bool),
        "f16" => Some(AbiType::Float { bits: 16 }),
        "f32" => Some(AbiType::Float { bits: 32 }),
        "f64" => Some(AbiType::Float { bits: 64 }),
        "usize" => Some(AbiType::int(false, 64)),
        "isize" => Some(AbiType::int(true, 64)),
        _ => {
            let (signed, digits) = match name.as_bytes().first()? {
                b'u' => (false, &name[1..]),
                b'i' => (true, &name[1..]),
                _ => return None,
            };
            let bits: u16 = digits.parse().ok()?;
            (1..=128)
                .contains(&bits)
                .then_some(AbiType::int(signed, bits))
        }
    }
}

/// Writes `src/zigport_shims.rs`, makes the crate a cdylib too, builds it
/// with overflow checks (the parity profile), returns the library path.
fn build_rust_side(krate: &Path, pairs: &[&Pair]) -> Result<PathBuf> {
    std::fs::write(krate.join("src/zigport_shims.rs"), rust_shims(pairs))?;
    let lib_rs = krate.join("src/lib.rs");
    let mut lib = std::fs::read_to_string(&lib_rs)?;
    if !lib.contains("mod zigport_shims;") {
        lib.push_str("\n#[doc(hidden)]\npub mod zigport_shims;\n");
        std::fs::write(&lib_rs, lib)?;
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
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "--lib", "--quiet"])
        .current_dir(krate)
        .stdin(Stdio::null())
        .output()?;
    if !output.status.success() {
        // Only the errors: warnings of generated code are the summary's job.
        let stderr = String::from_utf8_lossy(&output.stderr);
        let errors: Vec<&str> = stderr
            .split("\n\n")
            .filter(|block| block.starts_with("error"))
            .take(5)
            .collect();
        bail!(
            "the Rust side does not build (cargo build --release in {}):\n{}",
            krate.display(),
            errors.join("\n\n")
        );
    }
    let name = manifest
        .lines()
        .find_map(|l| {
            l.strip_prefix("name = \"")
                .and_then(|r| r.strip_suffix('"'))
        })
        .unwrap_or("ported")
        .replace('-', "_");
    Ok(krate.join("target/release").join(format!("lib{name}.so")))
}

/// Rust `extern "C"` twins of the Zig shims: same symbols, same wire format.
fn rust_shims(pairs: &[&Pair]) -> String {
    let mut out = String::from(RUST_SHIM_PRELUDE);
    for p in pairs {
        // Output buffers (`[]u8`) are copied into a Vec and passed `&mut`.
        let mut buffers = String::new();
        let args: Vec<String> = p
            .params
            .iter()
            .enumerate()
            .map(|(i, t)| match t {
                AbiType::Bool => "r.boolean()".to_string(),
                // The parameter's own type (`usize`, `u21` in a `u32`...) decides.
                AbiType::Int { .. } => "r.int() as _".to_string(),
                AbiType::Float { .. } => "r.float() as _".to_string(),
                AbiType::MutBytes => {
                    let _ = writeln!(buffers, "    let mut m{i} = r.bytes().to_vec();");
                    format!("&mut m{i}")
                }
                AbiType::Allocator => String::new(),
                _ => "r.bytes()".to_string(),
            })
            .filter(|a| !a.is_empty())
            .collect();
        let mutated: Vec<usize> = (0..p.params.len())
            .filter(|&i| p.params[i] == AbiType::MutBytes)
            .collect();
        let mut encode = String::new();
        if !mutated.is_empty() {
            let _ = writeln!(encode, "    w.tuple({});", mutated.len() + 1);
        }
        encode.push_str(&encode_rust(&p.ret, "result", 1));
        for i in &mutated {
            let _ = writeln!(encode, "    w.bytes(&m{i});");
        }
        let _ = write!(
            out,
            "#[unsafe(no_mangle)]\npub extern \"C\" fn zigport_{sym}(i: *const u8, il: usize, o: *mut u8, oc: usize, ol: *mut usize) -> i32 {{\n    \
             // SAFETY: the harness passes buffers valid for the given lengths.\n    \
             let (input, out) = unsafe {{ (std::slice::from_raw_parts(i, il), std::slice::from_raw_parts_mut(o, oc)) }};\n    \
             let mut r = Reader {{ buf: input, pos: 0 }};\n    let mut w = Writer {{ buf: out, len: 0, overflow: false }};\n\
             {buffers}    let result = crate::{module}::{path}({args});\n{encode}    \
             // SAFETY: `ol` is the harness's valid out-length pointer.\n    unsafe {{ w.finish(ol) }}\n}}\n\n",
            sym = p.symbol,
            module = p.module,
            path = p.rust_path,
            args = args.join(", "),
        );
    }
    out
}

fn encode_rust(ty: &AbiType, expr: &str, depth: usize) -> String {
    let pad = "    ".repeat(depth);
    match ty {
        AbiType::Void => format!("{pad}let _ = {expr};\n{pad}w.tag(0);\n"),
        AbiType::Bool => format!("{pad}w.boolean({expr});\n"),
        AbiType::Int { signed: true, .. } => format!("{pad}w.int({expr} as i128);\n"),
        AbiType::Int { signed: false, .. } => format!("{pad}w.uint({expr} as u128);\n"),
        AbiType::Float { .. } => format!("{pad}w.float({expr} as f64);\n"),
        AbiType::Bytes => format!("{pad}w.bytes(&{expr}[..]);\n"),
        AbiType::EnumName => format!("{pad}w.bytes({expr}.zig_tag_name().as_bytes());\n"),
        AbiType::Struct { fields } => {
            let mut out = format!("{pad}w.tuple({});\n", fields.len());
            for (name, ty) in fields {
                out.push_str(&encode_rust(
                    ty,
                    &format!(
                        "{expr}.{}",
                        zigport_translator::rules::names::snake_case(name)
                    ),
                    depth,
                ));
            }
            out
        }
        AbiType::Optional { inner } => {
            let v = format!("v{depth}");
            format!(
                "{pad}match {expr} {{\n{pad}    Some({v}) => {{\n{}{pad}    }}\n{pad}    None => w.tag(5),\n{pad}}}\n",
                encode_rust(inner, &v, depth + 2)
            )
        }
        AbiType::ErrorUnion { payload } => {
            let v = format!("v{depth}");
            format!(
                "{pad}match {expr} {{\n{pad}    Ok({v}) => {{\n{}{pad}    }}\n{pad}    Err(e) => w.err(e.name()),\n{pad}}}\n",
                encode_rust(payload, &v, depth + 2)
            )
        }
        _ => format!("{pad}unreachable!();\n"),
    }
}

const RUST_SHIM_PRELUDE: &str = r#"//! Generated by `zigport verify`: C-ABI entry points with the oracle's wire
//! format, so the harness drives this port exactly like the Zig original.
#![allow(clippy::all, unused)]

/// Zig's tag names for std types the port maps to Rust ones; enums the
/// port declares have an inherent `zig_tag_name`.
trait ZigTagName {
    fn zig_tag_name(&self) -> &'static str;
}

impl ZigTagName for core::cmp::Ordering {
    fn zig_tag_name(&self) -> &'static str {
        match self {
            core::cmp::Ordering::Less => "lt",
            core::cmp::Ordering::Equal => "eq",
            core::cmp::Ordering::Greater => "gt",
        }
    }
}

static PANIC_FD: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1);

/// Like the Zig shim's panic handler: report the message as a `0xFF`
/// frame on the harness's pipe, then exit (a panic must not unwind out of
/// an `extern "C"` function).
#[unsafe(no_mangle)]
pub extern "C" fn zigport_set_panic_fd(fd: i32) {
    use std::io::Write;
    use std::os::fd::FromRawFd;
    PANIC_FD.store(fd, std::sync::atomic::Ordering::SeqCst);
    std::panic::set_hook(Box::new(|info| {
        let fd = PANIC_FD.load(std::sync::atomic::Ordering::SeqCst);
        if fd >= 0 {
            let msg = info.payload().downcast_ref::<String>().cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into());
            let mut frame = vec![0xFF];
            frame.extend((msg.len() as u32).to_le_bytes());
            frame.extend(msg.as_bytes());
            // SAFETY: the harness's pipe stays open for the child's life;
            // ManuallyDrop keeps it open after this write.
            let mut pipe = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
            let _ = pipe.write_all(&frame);
        }
        std::process::exit(134);
    }));
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        s
    }
    fn boolean(&mut self) -> bool {
        self.take(1);
        self.take(1)[0] != 0
    }
    fn int(&mut self) -> i128 {
        let tag = self.take(1)[0];
        let raw: [u8; 16] = self.take(16).try_into().unwrap_or([0; 16]);
        if tag == 3 { u128::from_le_bytes(raw) as i128 } else { i128::from_le_bytes(raw) }
    }
    fn float(&mut self) -> f64 {
        self.take(1);
        f64::from_bits(u64::from_le_bytes(self.take(8).try_into().unwrap_or([0; 8])))
    }
    fn bytes(&mut self) -> &'a [u8] {
        self.take(1);
        let n = u32::from_le_bytes(self.take(4).try_into().unwrap_or([0; 4])) as usize;
        self.take(n)
    }
}

/// Writes straight into the harness's buffer, as the Zig shim does, so
/// benchmarks compare like with like.
struct Writer<'a> {
    buf: &'a mut [u8],
    len: usize,
    overflow: bool,
}

impl Writer<'_> {
    fn put(&mut self, data: &[u8]) {
        if self.overflow || self.len + data.len() > self.buf.len() {
            self.overflow = true;
            return;
        }
        self.buf[self.len..self.len + data.len()].copy_from_slice(data);
        self.len += data.len();
    }
    fn tag(&mut self, t: u8) {
        self.put(&[t]);
    }
    fn boolean(&mut self, v: bool) {
        self.put(&[1, v as u8]);
    }
    fn int(&mut self, v: i128) {
        self.tag(2);
        self.put(&v.to_le_bytes());
    }
    fn uint(&mut self, v: u128) {
        self.tag(3);
        self.put(&v.to_le_bytes());
    }
    fn tuple(&mut self, count: u32) {
        self.tag(7);
        self.put(&count.to_le_bytes());
    }
    fn float(&mut self, v: f64) {
        self.tag(8);
        self.put(&v.to_bits().to_le_bytes());
    }
    fn prefixed(&mut self, t: u8, d: &[u8]) {
        self.tag(t);
        self.put(&(d.len() as u32).to_le_bytes());
        self.put(d);
    }
    fn bytes(&mut self, d: &[u8]) {
        self.prefixed(4, d);
    }
    fn err(&mut self, name: &str) {
        self.prefixed(6, name.as_bytes());
    }
    /// # Safety
    /// `out_len` must be valid for a write.
    unsafe fn finish(self, out_len: *mut usize) -> i32 {
        // SAFETY: per the function contract.
        unsafe { *out_len = self.len };
        i32::from(self.overflow)
    }
}

"#;

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
/// each test's path; `""` for a crate that did not build).
fn cargo_test(krate: &Path, skip: &[String]) -> std::collections::BTreeMap<String, TestCounts> {
    let mut by_module: std::collections::BTreeMap<String, TestCounts> = Default::default();
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo.args(["test", "--release", "--lib", "--", "--exact"]);
    for name in skip {
        cargo.args(["--skip", name]);
        let module = name.split("::").next().unwrap_or_default().to_string();
        by_module.entry(module).or_default().not_ported += 1;
    }
    let Some(out) = test_output(cargo.current_dir(krate)) else {
        by_module.insert(String::new(), TestCounts::NOT_RUN);
        return by_module;
    };
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

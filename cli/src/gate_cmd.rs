//! `zigport gate CRATE_DIR`: the CI check of a committed port. Fails on a
//! stale module (its Zig changed since the port, or something it imports
//! did), a compile failure, a divergence, a failing test on either side, or
//! a benchmark regression past a threshold. `--shard i/n` takes every n-th
//! module so a CI matrix can split the work. Never writes the port state.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use serde::Serialize;
use zigport_translator::config::PortConfig;

use crate::state::{self, ModuleState};
use crate::verify_cmd::{VerifyOptions, verify_crate};
use crate::{exit, port_cmd, report, translate_cmd};

#[derive(Args)]
pub struct GateArgs {
    /// A crate written by `zigport port`.
    krate: PathBuf,
    /// This job's share of the modules: `i/n` (1-based).
    #[arg(long, value_parser = parse_shard)]
    shard: Option<(usize, usize)>,
    /// Oracle cases per function (default: what the port used).
    #[arg(long)]
    cases: Option<usize>,
    /// A module's Rust/Zig ratio may grow by this factor over the one
    /// recorded at port time before the gate fails (timing noise).
    #[arg(long, default_value_t = 1.5)]
    bench_tolerance: f64,
    /// Skip benchmarks.
    #[arg(long)]
    no_bench: bool,
    #[arg(long)]
    json: bool,
}

fn parse_shard(text: &str) -> Result<(usize, usize), String> {
    let (i, n) = text
        .split_once('/')
        .ok_or_else(|| format!("`{text}`: expected i/n, for example 2/4"))?;
    let (i, n): (usize, usize) = (
        i.trim()
            .parse()
            .map_err(|_| format!("`{i}` is not a number"))?,
        n.trim()
            .parse()
            .map_err(|_| format!("`{n}` is not a number"))?,
    );
    if n == 0 || i == 0 || i > n {
        return Err(format!("`{text}`: need 1 <= i <= n"));
    }
    Ok((i, n))
}

#[derive(Serialize)]
struct GateReport {
    shard: Option<(usize, usize)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cli: Option<crate::state::CliState>,
    modules: Vec<ModuleGate>,
    failed: usize,
}

#[derive(Serialize)]
struct ModuleGate {
    zig: String,
    passed: bool,
    problems: Vec<String>,
    /// Facts for the log when it passes.
    summary: String,
}

pub fn run(args: &GateArgs, config: &PortConfig) -> Result<u8> {
    let Some(port) = state::load_or_explain(&args.krate) else {
        return Ok(exit::INPUT);
    };
    let source = port_cmd::source_dir(&args.krate, &port)?;
    let units = translate_cmd::discover(&source)?;
    let mut blobs = BTreeMap::new();
    for u in &units {
        blobs.insert(u.display.clone(), state::blob_id(&std::fs::read(&u.path)?)?);
    }
    let imports: BTreeMap<String, Vec<String>> = port
        .modules
        .iter()
        .map(|(zig, m)| (zig.clone(), m.imports.clone()))
        .collect();
    let stale = state::stale_modules(&port, &blobs, &imports);

    let mut names: Vec<&String> = blobs.keys().chain(port.modules.keys()).collect();
    names.sort();
    names.dedup();
    let mine: Vec<&String> = names
        .into_iter()
        .enumerate()
        .filter(|(i, _)| args.shard.is_none_or(|(k, n)| i % n == k - 1))
        .map(|(_, z)| z)
        .collect();

    let fresh: BTreeSet<String> = mine
        .iter()
        .filter(|z| !stale.contains(**z))
        .filter_map(|z| port.modules.get(*z).map(|m| m.module.clone()))
        .collect();
    let cases = args.cases.unwrap_or(port.cases.max(1));
    let verified = if fresh.is_empty() {
        None
    } else {
        let options = VerifyOptions {
            cases,
            only: None,
            modules: Some(fresh),
            tests: true,
            bench: !args.no_bench,
        };
        match verify_crate(&args.krate, config, &options) {
            Ok(r) => Some(Ok(r)),
            Err(e) => Some(Err(format!("{e:#}"))),
        }
    };

    let mut modules = Vec::new();
    for zig in mine {
        let mut problems = Vec::new();
        let recorded = port.modules.get(zig);
        let mut summary = String::new();
        match (recorded, blobs.get(zig)) {
            (None, _) => problems.push("stale: not ported yet (new Zig file)".into()),
            (Some(_), None) => problems.push("stale: its Zig file is gone".into()),
            (Some(m), Some(blob)) if &m.zig_blob != blob => problems.push(format!(
                "stale: the Zig changed since the port (blob {} -> {})",
                short(&m.zig_blob),
                short(blob)
            )),
            (Some(m), Some(_)) if stale.contains(zig) => problems.push(format!(
                "stale: imports a changed module ({})",
                m.imports
                    .iter()
                    .filter(|d| stale.contains(*d))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            (Some(m), Some(_)) => {
                check_module(m, verified.as_ref(), args, &mut problems, &mut summary)
            }
        }
        modules.push(ModuleGate {
            zig: zig.clone(),
            passed: problems.is_empty(),
            problems,
            summary,
        });
    }
    // The script suite runs once, in the first shard.
    let cli = match args.shard {
        Some((i, _)) if i != 1 => None,
        _ => crate::cli_parity::run_configured(config, &args.krate)?,
    };
    let cli_failed = cli.as_ref().is_some_and(|c| c.diverged > 0);
    let failed = modules.iter().filter(|m| !m.passed).count() + usize::from(cli_failed);
    let gate = GateReport {
        shard: args.shard,
        modules,
        failed,
        cli,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&gate)?);
    } else {
        print_gate(&gate, &source);
        if let Some(c) = &gate.cli {
            let verdict = if c.diverged == 0 { "PASS" } else { "FAIL" };
            println!(
                "{verdict} cli script suite ({} cases: {} agree, {} diverge, {} not ported)",
                c.cases, c.agreed, c.diverged, c.not_ported
            );
            for d in &c.divergences {
                println!("  diverges: {d}");
            }
        }
    }
    Ok(if failed == 0 { exit::OK } else { exit::FAILED })
}

fn check_module(
    m: &ModuleState,
    verified: Option<&Result<crate::verify_cmd::Report, String>>,
    args: &GateArgs,
    problems: &mut Vec<String>,
    summary: &mut String,
) {
    let report = match verified {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            problems.push(format!(
                "does not build: {}",
                e.lines().next().unwrap_or("")
            ));
            return;
        }
        None => return,
    };
    let fns: Vec<_> = report
        .functions
        .iter()
        .filter(|f| f.module == m.module)
        .collect();
    for f in &fns {
        if f.verdict.diverged > 0 {
            let input = f
                .verdict
                .counterexample
                .as_ref()
                .map(|c| format!(" (minimal input {:?})", c.input))
                .unwrap_or_default();
            problems.push(format!(
                "{} diverges from the Zig on {} of {} cases{input}",
                f.function, f.verdict.diverged, f.verdict.cases
            ));
        }
    }
    for recorded in &m.verified {
        if !fns.iter().any(|f| f.function == recorded.function) {
            problems.push(format!(
                "{} was verified at port time and no longer is",
                recorded.function
            ));
        }
    }
    if let Some((zig, rust)) = report.module_tests.get(&m.module) {
        if zig.failed > 0 {
            problems.push(format!("{} Zig tests fail", zig.failed));
        }
        if rust.failed > 0 {
            problems.push(format!("{} translated tests fail", rust.failed));
        }
    }
    let mut now: Vec<f64> = fns
        .iter()
        .filter_map(|f| f.bench.as_ref().map(|b| b.ratio))
        .collect();
    now.sort_by(f64::total_cmp);
    let ratio = now.get(now.len() / 2).copied();
    if !args.no_bench
        && let (Some(now), Some(then)) = (ratio, report::module_ratio(m))
        && now > then * args.bench_tolerance
    {
        problems.push(format!(
            "benchmark regression: Rust/Zig {now:.2}, was {then:.2} (tolerance ×{})",
            args.bench_tolerance
        ));
    }
    *summary = format!(
        "{} fns verified, {} cases each{}",
        fns.len(),
        fns.first().map(|f| f.verdict.cases).unwrap_or(0),
        ratio.map(|r| format!(", ratio {r:.2}")).unwrap_or_default()
    );
}

fn short(blob: &str) -> &str {
    blob.get(..10).unwrap_or(blob)
}

/// One line per module; GitHub Actions also gets `::error` annotations on
/// the Zig file.
fn print_gate(gate: &GateReport, source: &std::path::Path) {
    let github = std::env::var_os("GITHUB_ACTIONS").is_some();
    for m in &gate.modules {
        if m.passed {
            println!("PASS {} ({})", m.zig, m.summary);
            continue;
        }
        for p in &m.problems {
            println!("FAIL {}: {p}", m.zig);
            if github {
                println!("::error file={}::{p}", source.join(&m.zig).display());
            }
        }
    }
    let shard = gate
        .shard
        .map(|(i, n)| format!(" (shard {i}/{n})"))
        .unwrap_or_default();
    println!(
        "gate{shard}: {} modules, {} failed",
        gate.modules.len(),
        gate.failed
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_syntax() {
        assert_eq!(parse_shard("2/4"), Ok((2, 4)));
        assert!(parse_shard("0/4").is_err());
        assert!(parse_shard("5/4").is_err());
        assert!(parse_shard("x").is_err());
    }
}

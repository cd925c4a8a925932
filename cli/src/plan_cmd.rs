//! `zigport plan DIR [--json]` and `zigport ir FILE`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use zigport_translator::config::PortConfig;
use zigport_translator::diagnostics::render;
use zigport_translator::plan::{DEFAULT_MAX_FILE_BYTES, Plan, PlanError, PlanOptions, plan};
use zigport_translator::syntax::{ZigParser, lower};

use crate::{exit, notify, toolchain_request};

/// How many diagnostics the human output renders in full.
const RENDERED_DIAGNOSTICS: usize = 10;

#[derive(Args)]
pub struct PlanArgs {
    /// A directory (every .zig file under it) or a single .zig file.
    #[arg(required_unless_present = "zig_lib")]
    target: Option<PathBuf>,
    /// Plan the pinned Zig toolchain's own lib/ (installs Zig if missing).
    #[arg(long, conflicts_with = "target")]
    zig_lib: bool,
    /// Machine-readable output on stdout.
    #[arg(long)]
    json: bool,
    /// List every module of the port order, not only the first ones.
    #[arg(long)]
    all: bool,
    /// With --json: include each module's index (functions with signatures,
    /// types, constants, tests, imports).
    #[arg(long, requires = "json")]
    details: bool,
    /// Files larger than this many bytes are reported, not parsed.
    #[arg(long, default_value_t = DEFAULT_MAX_FILE_BYTES)]
    max_file_size: u64,
}

pub fn run(args: &PlanArgs, config: &PortConfig) -> Result<u8> {
    let target = match (&args.target, args.zig_lib) {
        (Some(t), _) => t.clone(),
        (None, _) => {
            let toolchain = zigport_oracle::toolchain::ensure(&toolchain_request(config), &notify)?;
            toolchain.lib_dir
        }
    };
    let options = PlanOptions {
        max_file_bytes: args.max_file_size,
        config: config.clone(),
    };
    let progress = ProgressBar::hidden();
    if std::io::stderr().is_terminal() {
        progress.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        progress.set_style(
            ProgressStyle::with_template(
                "{spinner} parsing {pos}/{len} files {wide_bar} {elapsed}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    }
    let started = Instant::now();
    let result = plan(
        &target,
        &options,
        &|n| progress.set_length(n as u64),
        &|| progress.inc(1),
    );
    progress.finish_and_clear();
    let plan = match result {
        Ok(p) => p,
        Err(e @ (PlanError::NotFound(_) | PlanError::NotZig(_) | PlanError::NoZigFiles(_))) => {
            eprintln!("error: {e}");
            return Ok(exit::INPUT);
        }
        Err(e) => return Err(e.into()),
    };
    let elapsed = started.elapsed();
    for s in &plan.skipped {
        eprintln!("warning: skipped {}: {}", s.path, s.reason);
    }
    if args.json {
        let mut json = serde_json::to_value(&plan)?;
        if args.details
            && let Some(order) = json.get_mut("order").and_then(|o| o.as_array_mut())
        {
            // `order` and `reports` are both in port order.
            for (entry, report) in order.iter_mut().zip(&plan.reports) {
                entry["index"] = serde_json::to_value(&report.index)?;
            }
        }
        println!("{}", serde_json::to_string_pretty(&json)?);
    } else {
        print_human(&plan, args.all, elapsed.as_secs_f64());
    }
    Ok(exit::OK)
}

fn print_human(plan: &Plan, all: bool, seconds: f64) {
    println!(
        "Planned {} files ({} lines, {:.1} MB) under {} in {seconds:.2} s",
        plan.files,
        plan.lines,
        plan.bytes as f64 / 1e6,
        plan.root,
    );
    println!(
        "  clean files   {} of {} ({:.1}%)",
        plan.clean_files,
        plan.files,
        100.0 * plan.clean_files as f64 / plan.files.max(1) as f64
    );
    println!("  diagnostics   {}", plan.diagnostics);
    let unsupported: Vec<String> = plan
        .unsupported
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    println!(
        "  unsupported   {}",
        if unsupported.is_empty() {
            "none".to_string()
        } else {
            unsupported.join(", ")
        }
    );
    let largest = plan.cycles.iter().map(Vec::len).max().unwrap_or(0);
    println!(
        "  cycles        {} (largest {largest} modules)",
        plan.cycles.len()
    );
    println!("  unresolved    {} imports", plan.unresolved_imports.len());
    println!();
    println!("Port order (leaves first):");
    println!(
        "  {:>5}  {:<48} {:>6} {:>4} {:>4}  status",
        "#", "module", "lines", "in", "out"
    );
    let shown = if all { plan.order.len() } else { 25 };
    for (i, m) in plan.order.iter().take(shown).enumerate() {
        let status = match (m.clean, m.cycle) {
            (true, None) => "clean".to_string(),
            (true, Some(c)) => format!("clean, cycle {c}"),
            (false, _) => format!("{} diagnostics", m.diagnostics.len()),
        };
        println!(
            "  {:>5}  {:<48} {:>6} {:>4} {:>4}  {status}",
            i + 1,
            m.module,
            m.lines,
            m.fan_in,
            m.fan_out
        );
    }
    if plan.order.len() > shown {
        println!(
            "  ... {} more (--all to list them, --json for everything)",
            plan.order.len() - shown
        );
    }
    for u in plan.unresolved_imports.iter().take(RENDERED_DIAGNOSTICS) {
        println!(
            "warning: {}:{}:{}: unresolved import \"{}\": {}",
            u.module, u.line, u.column, u.import, u.reason
        );
    }
    print_diagnostics(plan);
}

fn print_diagnostics(plan: &Plan) {
    let color = std::io::stdout().is_terminal();
    let mut rendered = 0;
    for report in &plan.reports {
        if rendered >= RENDERED_DIAGNOSTICS {
            break;
        }
        let Some(source) = &report.source else {
            continue;
        };
        let take = (RENDERED_DIAGNOSTICS - rendered).min(report.diagnostics.len());
        let path = Path::new(&plan.root).join(&report.module);
        print!(
            "{}",
            render(
                &path.display().to_string(),
                source,
                &report.diagnostics[..take],
                color
            )
        );
        rendered += take;
    }
    if plan.diagnostics > rendered {
        println!(
            "... {} more diagnostics (--json lists them all)",
            plan.diagnostics - rendered
        );
    }
}

pub fn print_ir(file: &Path) -> Result<u8> {
    let (_, ir) = read_ir(file)?;
    println!("{}", serde_json::to_string_pretty(&ir)?);
    Ok(exit::OK)
}

/// `zigport sema FILE`: the semantic model's view of one file.
pub fn print_sema(
    file: &Path,
    json: bool,
    std: Option<&zigport_translator::sema::StdLib>,
) -> Result<u8> {
    let (source, ir) = read_ir(file)?;
    use zigport_translator::sema::FileModel;
    let model = match std.and_then(|std| Some((std, std.home_of(file)?))) {
        Some((std, home)) => FileModel::analyze_std_file(&ir, std, &home),
        None => FileModel::analyze_with(&ir, std),
    };
    let dump = model.dump(&source);
    if json {
        println!("{}", serde_json::to_string_pretty(&dump)?);
        return Ok(exit::OK);
    }
    for f in &dump {
        println!("fn {} ({}) -> {}", f.name, f.at, f.ret);
        for p in &f.params {
            println!("  param {p}");
        }
        for l in &f.locals {
            println!("  local {l}");
        }
        for e in &f.exprs {
            println!("  {e}");
        }
    }
    Ok(exit::OK)
}

/// The source and lowered IR of one file.
fn read_ir(file: &Path) -> Result<(String, zigport_translator::syntax::ir::SourceFile)> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let Ok(source) = String::from_utf8(bytes) else {
        bail!("{}: not valid UTF-8", file.display());
    };
    let mut parser = ZigParser::new();
    let Some(tree) = parser.parse_tree(&source) else {
        bail!("{}: the parser returned no tree", file.display());
    };
    let ir = lower(tree.root_node(), &source);
    Ok((source, ir))
}

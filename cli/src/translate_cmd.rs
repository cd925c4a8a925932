//! `zigport translate PATH --out CRATE_DIR [--json]` and `zigport eval`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;
use serde::{Deserialize, Serialize};
use zigport_translator::config::{PortConfig, TranslateConfig};
use zigport_translator::translate::{
    Counts, FnStatus, SourceUnit, TranslateReport, translate_units,
};

use crate::{Failure, exit, notify, refine, toolchain_request};

#[derive(Args)]
pub struct TranslateArgs {
    /// A .zig file or a directory of them.
    path: PathBuf,
    /// The crate to write (created if missing; generated files are rewritten).
    #[arg(long)]
    out: PathBuf,
    /// Machine-readable summary on stdout.
    #[arg(long)]
    json: bool,
    /// Skip `cargo clippy` on the generated crate.
    #[arg(long)]
    no_check: bool,
    /// Overwrite module files edited by hand since zigport wrote them
    /// (they are kept by default).
    #[arg(long)]
    force: bool,
    /// Where the rules leave TODOs or errors, ask the LLM configured in
    /// `[llm]`; only code that compiles and agrees with the Zig is kept.
    #[arg(long)]
    llm: bool,
    /// With `--llm`: print the prompts, send nothing.
    #[arg(long, requires = "llm")]
    dry_run: bool,
}

#[derive(Args)]
pub struct EvalArgs {
    /// The manifest of std modules to translate.
    #[arg(long, default_value = "corpus/manifests/zig-std-eval.toml")]
    manifest: PathBuf,
    /// Where the generated crate goes.
    #[arg(long, default_value = "target/zigport-eval")]
    out: PathBuf,
    #[arg(long)]
    json: bool,
}

pub fn translate(args: &TranslateArgs, config: &PortConfig) -> Result<u8> {
    let units = discover(&args.path)?;
    let mut config = config.clone();
    refine::apply_accepted(&mut config.translate, &args.out);
    let report = run(&units, &args.out, &config, !args.no_check, args.force)?;
    if !args.llm {
        if args.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            print_summary(&report, None);
        }
        return Ok(exit_code(&report));
    }
    if args.no_check {
        bail!("--llm needs the compile check (drop --no-check)");
    }
    let retranslate = |translate: &TranslateConfig| {
        let mut c = config.clone();
        c.translate = translate.clone();
        run(&units, &args.out, &c, true, args.force)
    };
    let refined = refine::refine(
        &units,
        &args.out,
        &config,
        report,
        args.dry_run,
        &retranslate,
    )?;
    if args.json {
        #[derive(Serialize)]
        struct WithLlm<'a> {
            #[serde(flatten)]
            report: &'a TranslateReport,
            llm: &'a [refine::FnOutcome],
            llm_usage: &'a std::collections::BTreeMap<String, refine::Usage>,
        }
        let out = WithLlm {
            report: &refined.report,
            llm: &refined.outcomes,
            llm_usage: &refined.usage,
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else if !args.dry_run {
        print_summary(&refined.report, None);
        refine::print_outcomes(&refined.outcomes, &refined.usage);
    }
    Ok(exit_code(&refined.report))
}

/// `OK`, or the code of [`build_failure`] after its message (on stderr,
/// so `--json` stdout stays the report).
fn exit_code(report: &TranslateReport) -> u8 {
    match build_failure(report) {
        Some(failure) => {
            eprintln!("error: {failure}");
            failure.code
        }
        None => exit::OK,
    }
}

/// The written crate still does not build after stubbing: where (file,
/// line and column of the failing Rust) and what was tried. A failure in
/// zigport's own output is [`exit::TRANSLATOR`], never bad input; errors
/// only in modules edited by hand (never stubbed) are the user's to fix:
/// [`exit::FAILED`].
pub(crate) fn build_failure(report: &TranslateReport) -> Option<Failure> {
    const SHOWN: usize = 10;
    if report.build_errors.is_empty() {
        return None;
    }
    let ours = report.build_errors.iter().any(|e| !e.hand_edited);
    let mut message = if ours {
        format!(
            "the crate zigport wrote in {} does not build after stubbing; this is a zigport bug, not a problem with the Zig input:",
            report.crate_dir
        )
    } else {
        format!(
            "modules of {} edited by hand do not compile (zigport keeps them as they are and does not stub them; --force regenerates them):",
            report.crate_dir
        )
    };
    let shown: Vec<_> = report
        .build_errors
        .iter()
        .filter(|e| ours != e.hand_edited)
        .collect();
    for e in shown.iter().take(SHOWN) {
        message.push_str(&format!(
            "\n  {}:{}:{}: {}",
            Path::new(&report.crate_dir).join(&e.file).display(),
            e.line,
            e.column,
            e.message.replace(['\n', '\r'], " ")
        ));
    }
    if shown.len() > SHOWN {
        message.push_str(&format!("\n  ... and {} more", shown.len() - SHOWN));
    }
    if ours {
        let s = report.stubbing;
        message.push_str(&format!(
            "\ntried: {} rounds of stubbing and `cargo clippy`: {} function bodies stubbed ({} `const fn`s made non-const), {} whole functions stubbed, {} items commented out",
            s.rounds, s.bodies, s.const_dropped, s.signatures, s.items
        ));
        message.push_str("\nplease report it with the Zig source (ZIGPORT_KEEP_UNSTUBBED=DIR keeps the rules' output before stubbing)");
    }
    Some(Failure {
        code: if ours { exit::TRANSLATOR } else { exit::FAILED },
        message,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    module: Vec<ManifestModule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestModule {
    path: String,
    #[serde(default)]
    functions: Option<Vec<String>>,
}

#[derive(Serialize)]
struct EvalSummary<'a> {
    modules: usize,
    files_parsing: usize,
    counted: Counts,
    clean_percent: f64,
    todo_percent: f64,
    error_percent: f64,
    clippy_warnings: usize,
    /// Per Zig function rather than per Rust function: a generic Zig
    /// function monomorphised into several Rust instances counts once, and
    /// clean only when every instance is.
    zig_functions: ZigFunctionCounts,
    report: &'a TranslateReport,
}

#[derive(Serialize, Default)]
struct ZigFunctionCounts {
    total: usize,
    clean: usize,
    clean_percent: f64,
}

fn zig_function_counts(report: &TranslateReport) -> ZigFunctionCounts {
    let mut all_clean: std::collections::BTreeMap<(&str, &str, u32), bool> = Default::default();
    for file in &report.files {
        for f in &file.functions {
            let clean = all_clean
                .entry((file.zig.as_str(), f.zig_name.as_str(), f.zig_line))
                .or_insert(true);
            *clean &= f.status == FnStatus::Clean;
        }
    }
    let total = all_clean.len();
    let clean = all_clean.values().filter(|c| **c).count();
    ZigFunctionCounts {
        total,
        clean,
        clean_percent: 100.0 * clean as f64 / total.max(1) as f64,
    }
}

pub fn eval(args: &EvalArgs, config: &PortConfig) -> Result<u8> {
    let text = std::fs::read_to_string(&args.manifest)
        .with_context(|| format!("cannot read {}", args.manifest.display()))?;
    let manifest: Manifest = toml::from_str(&text)
        .with_context(|| format!("{}: invalid manifest", args.manifest.display()))?;
    let zig = zigport_oracle::toolchain::ensure(&toolchain_request(config), &notify)?;
    let units: Vec<SourceUnit> = manifest
        .module
        .iter()
        .map(|m| SourceUnit {
            path: zig.std_dir.join(&m.path),
            display: format!("std/{}", m.path),
        })
        .collect();
    // The eval crate is zigport's own scratch space: always regenerated.
    let mut report = run(&units, &args.out, config, true, true)?;
    // Count only the listed functions where the manifest narrows a module.
    let mut counted = Counts::default();
    for (file, m) in report.files.iter_mut().zip(&manifest.module) {
        if let Some(keep) = &m.functions {
            file.functions.retain(|f| keep.contains(&f.zig_name));
        }
        for f in &file.functions {
            counted.functions += 1;
            match f.status {
                FnStatus::Clean => counted.clean += 1,
                FnStatus::Todo => counted.todo += 1,
                FnStatus::Error => counted.error += 1,
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / counted.functions.max(1) as f64;
    let summary = EvalSummary {
        modules: report.files.len(),
        files_parsing: report.files.iter().filter(|f| f.parses).count(),
        counted,
        clean_percent: pct(counted.clean),
        todo_percent: pct(counted.todo),
        error_percent: pct(counted.error),
        clippy_warnings: report.clippy_warnings,
        zig_functions: zig_function_counts(&report),
        report: &report,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_summary(&report, Some(counted));
        println!(
            "eval: {} modules, {} produce Rust that parses; functions {}: clean {:.1}%, todo {:.1}%, error {:.1}%",
            summary.modules,
            summary.files_parsing,
            counted.functions,
            summary.clean_percent,
            summary.todo_percent,
            summary.error_percent
        );
        println!(
            "eval: Zig functions {} (each counted once over its monomorphised instances): clean {:.1}%",
            summary.zig_functions.total, summary.zig_functions.clean_percent
        );
    }
    Ok(exit_code(&report))
}

pub(crate) fn discover(path: &Path) -> Result<Vec<SourceUnit>> {
    let meta = std::fs::metadata(path)
        .with_context(|| format!("{}: no such file or directory", path.display()))?;
    if meta.is_file() {
        let display = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        return Ok(vec![SourceUnit {
            path: path.to_path_buf(),
            display,
        }]);
    }
    let mut units = Vec::new();
    for entry in walkdir_files(path) {
        let display = entry
            .strip_prefix(path)
            .unwrap_or(&entry)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        units.push(SourceUnit {
            path: entry,
            display,
        });
    }
    if units.is_empty() {
        bail!("{}: no .zig files found", path.display());
    }
    Ok(units)
}

fn walkdir_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                if !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.') || n == "zig-out")
                {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|e| e == "zig") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

pub(crate) fn run(
    units: &[SourceUnit],
    out: &Path,
    config: &PortConfig,
    check: bool,
    force: bool,
) -> Result<TranslateReport> {
    let progress = crate::progress_bar(units.len(), "translating");
    let crate_name = out
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        })
        .filter(|n| !n.is_empty() && !n.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or_else(|| "ported".into());
    if check {
        notify(&format!(
            "writing {} and checking it with cargo clippy",
            out.display()
        ));
    }
    let mut translate_config = config.translate.clone();
    if translate_config.std_lib.is_none() {
        translate_config.std_lib = crate::pinned_std(config);
    }
    let report = translate_units(
        units,
        out,
        &crate_name,
        &translate_config,
        check,
        force,
        &|f| {
            progress.set_message(f.to_string());
            progress.inc(1);
        },
    )?;
    progress.finish_and_clear();
    Ok(report)
}

fn print_summary(report: &TranslateReport, counted: Option<Counts>) {
    println!(
        "{:<40} {:>5} {:>6} {:>5} {:>6} {:>6}",
        "module", "fns", "clean", "todo", "error", "TODOs"
    );
    for f in &report.files {
        if f.hand_edited {
            println!(
                "{:<40} kept: edited by hand since zigport wrote it (--force overwrites)",
                f.zig
            );
        }
        if !f.parses {
            println!(
                "{:<40} rules produced invalid Rust: {}",
                f.zig,
                f.failure.as_deref().unwrap_or("")
            );
            continue;
        }
        let c = f.counts;
        println!(
            "{:<40} {:>5} {:>6} {:>5} {:>6} {:>6}",
            f.zig, c.functions, c.clean, c.todo, c.error, c.todo_markers
        );
    }
    let t = counted.unwrap_or(report.totals);
    let pct = |n: usize| 100.0 * n as f64 / t.functions.max(1) as f64;
    println!(
        "total: {} functions, clean {} ({:.1}%), todo {} ({:.1}%), error {} ({:.1}%); {} errors outside functions; clippy warnings {}{}",
        t.functions,
        t.clean,
        pct(t.clean),
        t.todo,
        pct(t.todo),
        t.error,
        pct(t.error),
        report.errors_outside_functions,
        report.clippy_warnings,
        if report.checked { "" } else { " (not checked)" }
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use zigport_translator::translate::BuildError;

    fn report(errors: &[(&str, bool)]) -> TranslateReport {
        TranslateReport {
            crate_dir: "port".into(),
            totals: Counts::default(),
            files: Vec::new(),
            clippy_warnings: 0,
            errors_outside_functions: 0,
            checked: true,
            stubbing: Default::default(),
            build_errors: errors
                .iter()
                .enumerate()
                .map(|(i, (file, hand_edited))| BuildError {
                    file: file.to_string(),
                    line: i + 3,
                    column: 7,
                    message: "cannot call non-const formatting macro\nin constant functions".into(),
                    hand_edited: *hand_edited,
                })
                .collect(),
        }
    }

    /// A crate of zigport's own that does not build is a translator
    /// failure (never bad input), located and with what was tried.
    #[test]
    fn a_crate_that_does_not_build_is_a_translator_failure() {
        assert!(build_failure(&report(&[])).is_none());
        let failure = build_failure(&report(&[("src/m.rs", false), ("src/h.rs", true)])).unwrap();
        assert_eq!(failure.code, exit::TRANSLATOR);
        assert_ne!(failure.code, exit::INPUT);
        assert!(
            failure.message.contains(
                "port/src/m.rs:3:7: cannot call non-const formatting macro in constant functions"
            ),
            "{}",
            failure.message
        );
        assert!(
            failure.message.contains("zigport bug"),
            "{}",
            failure.message
        );
        assert!(
            failure.message.contains("tried: 0 rounds"),
            "{}",
            failure.message
        );
        // Errors only in modules edited by hand are the user's: checked, not bad input.
        let failure = build_failure(&report(&[("src/h.rs", true)])).unwrap();
        assert_eq!(failure.code, exit::FAILED);
        assert!(
            failure.message.contains("port/src/h.rs:3:7"),
            "{}",
            failure.message
        );
    }
}

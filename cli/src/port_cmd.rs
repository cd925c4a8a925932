//! `zigport port DIR --out CRATE_DIR`: the whole job. plan → translate →
//! (LLM, with `--llm`) → verify → state → reports.
//!
//! Incremental: a module is redone only when its Zig changed (git blob id),
//! something it imports changed, the translation settings changed, or its
//! last verification did not complete (an interrupted run). With nothing
//! changed, `port` does no work. State is saved after every module, so an
//! interruption loses at most the module in flight.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;
use sha2::{Digest, Sha256};
use zigport_translator::config::PortConfig;
use zigport_translator::plan::{PlanOptions, plan};
use zigport_translator::translate::{SourceUnit, TranslateReport};

use crate::state::{self, Counterexample, FnVerdict, ModuleState, PortState};
use crate::verify_cmd::{Report, VerifyOptions, verify_crate};
use crate::{exit, notify, refine, report, translate_cmd};

#[derive(Args)]
pub struct PortArgs {
    /// The Zig tree to port (a directory of .zig files).
    path: PathBuf,
    /// The crate to write (committed as the port).
    #[arg(long)]
    out: PathBuf,
    /// Where the parity reports go (Markdown, HTML, JSON).
    #[arg(long, default_value = "reports")]
    reports: PathBuf,
    /// Oracle cases per pub fn.
    #[arg(long, default_value_t = 10_000)]
    cases: usize,
    /// Ask the configured LLM where the rules leave TODOs (see `translate --llm`).
    #[arg(long)]
    llm: bool,
    /// Redo every module, even unchanged ones.
    #[arg(long)]
    all: bool,
    /// Overwrite module files edited by hand.
    #[arg(long)]
    force: bool,
    #[arg(long)]
    json: bool,
}

pub fn run(args: &PortArgs, config: &PortConfig) -> Result<u8> {
    let units = translate_cmd::discover(&args.path)?;
    let plan = plan(
        &args.path,
        &PlanOptions {
            config: config.clone(),
            ..PlanOptions::default()
        },
        &|_| {},
        &|| {},
    )?;
    let imports: BTreeMap<String, Vec<String>> = plan
        .order
        .iter()
        .map(|m| (m.module.clone(), m.imports.clone()))
        .collect();
    let mut blobs = BTreeMap::new();
    for u in &units {
        let bytes =
            std::fs::read(&u.path).with_context(|| format!("cannot read {}", u.path.display()))?;
        blobs.insert(u.display.clone(), state::blob_id(&bytes)?);
    }
    let settings_hash = settings_hash(config, args.cases);
    let previous = state::load(&args.out).filter(|s| s.settings_hash == settings_hash);
    let redo: BTreeSet<String> = match &previous {
        Some(prev) if !args.all => {
            let mut redo = state::stale_modules(prev, &blobs, &imports);
            redo.extend(
                prev.modules
                    .iter()
                    .filter(|(_, m)| !m.complete || rust_changed(&args.out, m))
                    .map(|(zig, _)| zig.clone()),
            );
            redo.retain(|zig| blobs.contains_key(zig));
            redo
        }
        _ => blobs.keys().cloned().collect(),
    };
    if redo.is_empty() {
        notify(&format!(
            "{} is up to date with {}: nothing to do",
            args.out.display(),
            args.path.display()
        ));
        return Ok(exit::OK);
    }
    notify(&format!(
        "porting {} of {} modules: {}",
        redo.len(),
        units.len(),
        redo.iter().cloned().collect::<Vec<_>>().join(", ")
    ));

    let translated = translate(args, config, &units)?;
    let mut state = previous.unwrap_or_default();
    state.source = zigport_translator::translate::relative_path(&args.path, &args.out)
        .display()
        .to_string();
    state.settings_hash = settings_hash;
    state.cases = args.cases;
    state.modules.retain(|zig, _| blobs.contains_key(zig));
    let llm_state = refine::load_state(&args.out);
    let lines: BTreeMap<&str, usize> = plan
        .order
        .iter()
        .map(|m| (m.module.as_str(), m.lines))
        .collect();
    let manifest = zigport_translator::translate::read_port_manifest(&args.out);
    // Fresh translation facts for every module; verdicts only for `redo`.
    for file in &translated.files {
        let entry = state.modules.entry(file.zig.clone()).or_default();
        entry.module = file.module.clone();
        entry.zig_blob = blobs.get(&file.zig).cloned().unwrap_or_default();
        entry.rust_sha256 = manifest.get(&file.module).cloned().unwrap_or_default();
        entry.made_by = if file.hand_edited {
            "hand-edited".into()
        } else if llm_state
            .accepted
            .get(&file.zig)
            .is_some_and(|a| !a.is_empty())
        {
            "rules+llm".into()
        } else {
            "rules".into()
        };
        entry.imports = imports.get(&file.zig).cloned().unwrap_or_default();
        entry.llm = llm_state.usage.get(&file.zig).cloned();
        entry.lines = lines.get(file.zig.as_str()).copied().unwrap_or(0);
        entry.counts = file.counts;
        let todos: BTreeSet<String> = file
            .functions
            .iter()
            .flat_map(|f| f.todos.iter().cloned())
            .collect();
        entry.open_todos = todos.into_iter().collect();
        entry.perf_notes = file
            .functions
            .iter()
            .filter(|f| !f.perf_notes.is_empty())
            .map(|f| (f.zig_name.clone(), f.perf_notes.clone()))
            .collect();
        if redo.contains(&file.zig) {
            entry.complete = false;
        }
    }
    state::save(&args.out, &state)?;

    let progress = crate::progress_bar(redo.len(), "verifying modules");
    for zig in &redo {
        progress.set_message(zig.clone());
        let Some(module) = state.modules.get(zig).map(|m| m.module.clone()) else {
            continue;
        };
        let options = VerifyOptions {
            cases: args.cases,
            only: None,
            modules: Some([module.clone()].into()),
            tests: true,
            bench: true,
        };
        let verified = verify_crate(&args.out, config, &options)?;
        if let Some(entry) = state.modules.get_mut(zig) {
            record(entry, &verified);
        }
        state::save(&args.out, &state)?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    // The program as a whole: its script suite, when configured (cheap
    // next to verification, and any module can change its output).
    if !redo.is_empty() || state.cli.is_none() {
        state.cli = crate::cli_parity::run_configured(config, &args.out)?;
        state::save(&args.out, &state)?;
    }

    report::write_reports(&state, &args.reports)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&state)?);
    } else {
        report::print_summary(&state);
        notify(&format!("reports written to {}", args.reports.display()));
    }
    Ok(if report::all_green(&state) {
        exit::OK
    } else {
        exit::FAILED
    })
}

fn translate(
    args: &PortArgs,
    config: &PortConfig,
    units: &[SourceUnit],
) -> Result<TranslateReport> {
    let mut config = config.clone();
    refine::apply_accepted(&mut config.translate, &args.out);
    let report = translate_cmd::run(units, &args.out, &config, true, args.force)?;
    // Nothing can be verified in a crate that does not build.
    if let Some(failure) = translate_cmd::build_failure(&report) {
        return Err(failure.into());
    }
    if !args.llm {
        return Ok(report);
    }
    let retranslate = |t: &zigport_translator::config::TranslateConfig| {
        let mut c = config.clone();
        c.translate = t.clone();
        translate_cmd::run(units, &args.out, &c, true, args.force)
    };
    let refined = refine::refine(units, &args.out, &config, report, false, &retranslate)?;
    refine::print_outcomes(&refined.outcomes, &refined.usage);
    if let Some(failure) = translate_cmd::build_failure(&refined.report) {
        return Err(failure.into());
    }
    Ok(refined.report)
}

/// Verdicts of one module's `verify` run into its state.
fn record(entry: &mut ModuleState, verified: &Report) {
    entry.verified = verified
        .functions
        .iter()
        .map(|f| FnVerdict {
            function: f.function.clone(),
            cases: f.verdict.cases,
            agreed: f.verdict.agreed,
            diverged: f.verdict.diverged,
            zig_traps: f.verdict.zig_traps,
            rust_traps: f.verdict.rust_traps,
            hangs: f.verdict.hangs,
            zig_errors: f.verdict.zig_errors,
            steps: f.steps,
            ratio: f.bench.as_ref().map(|b| b.ratio),
            ratio_min: f.bench.as_ref().map(|b| b.ratio_min),
            ratio_max: f.bench.as_ref().map(|b| b.ratio_max),
            counterexample: f.verdict.counterexample.as_ref().map(|c| Counterexample {
                input: format!("{:?}", c.input),
                diff: c.diff.clone(),
            }),
        })
        .collect();
    entry.not_verified = verified
        .skipped
        .iter()
        .map(|s| (s.function.clone(), s.reason.clone()))
        .collect();
    let (zig, rust) = verified
        .module_tests
        .get(&entry.module)
        .copied()
        .unwrap_or_default();
    entry.zig_tests = zig;
    entry.rust_tests = rust;
    entry.complete = true;
}

/// The module file no longer is what zigport wrote (edited by hand).
fn rust_changed(krate: &Path, m: &ModuleState) -> bool {
    let path = krate.join("src").join(format!("{}.rs", m.module));
    let sha = |text: &str| format!("{:x}", Sha256::digest(text));
    match std::fs::read_to_string(&path) {
        // (The shim hook `verify` adds to a module is not an edit.)
        Ok(text) => {
            sha(&text) != m.rust_sha256
                && sha(zigport_translator::emit::without_shim_hook(&text)) != m.rust_sha256
        }
        Err(_) => true,
    }
}

/// What, besides the sources, decides the port: zigport's version, the
/// translation settings and the oracle's case count.
fn settings_hash(config: &PortConfig, cases: usize) -> String {
    let text = format!(
        "{}|{:?}|{:?}|{:?}|{cases}",
        env!("CARGO_PKG_VERSION"),
        config.translate.crates,
        config.translate.rewrite,
        config.translate.overrides
    );
    format!("{:x}", Sha256::digest(text))
}

/// Resolves the state's `source` against the crate directory.
pub fn source_dir(krate: &Path, state: &PortState) -> Result<PathBuf> {
    if state.source.is_empty() {
        bail!("{}: the port state names no source tree", krate.display());
    }
    Ok(krate.join(&state.source))
}

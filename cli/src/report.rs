//! Parity reports from the port state: Markdown (a PR comment), HTML (a
//! per-module table and a chart of the Rust/Zig ratios) and JSON. Output is
//! deterministic (sorted, no timestamps), so committed reports change in
//! review exactly when the port does.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;
use serde::Serialize;

use crate::state::{FnVerdict, ModuleState, PortState};
use crate::{exit, state};

#[derive(Args)]
pub struct ReportArgs {
    /// A crate written by `zigport port`.
    krate: PathBuf,
    /// Where the reports go.
    #[arg(long, default_value = "reports")]
    out: PathBuf,
}

pub fn run(args: &ReportArgs) -> Result<u8> {
    let Some(state) = state::load_or_explain(&args.krate) else {
        return Ok(exit::INPUT);
    };
    write_reports(&state, &args.out)?;
    print_summary(&state);
    Ok(exit::OK)
}

/// Figures over the whole port.
#[derive(Debug, Serialize, Default)]
pub struct Summary {
    pub modules: usize,
    pub lines: usize,
    pub functions: usize,
    pub clean: usize,
    pub todo: usize,
    pub error: usize,
    pub verified_functions: usize,
    /// Functions the oracle considered (every `fn` of the Zig; test
    /// blocks are run as tests instead): verified plus not verified.
    pub oracle_functions: usize,
    pub cases: usize,
    pub divergences: usize,
    pub zig_tests_passed: usize,
    pub zig_tests_failed: usize,
    pub rust_tests_passed: usize,
    pub rust_tests_failed: usize,
    pub unsafe_blocks: usize,
    pub todo_markers: usize,
    /// Median over modules of each module's median Rust/Zig ratio.
    pub median_ratio: Option<f64>,
    pub max_ratio: Option<(String, f64)>,
}

pub fn summary(state: &PortState) -> Summary {
    let mut s = Summary {
        modules: state.modules.len(),
        ..Summary::default()
    };
    let mut ratios = Vec::new();
    for (zig, m) in &state.modules {
        s.lines += m.lines;
        s.functions += m.counts.functions;
        s.clean += m.counts.clean;
        s.todo += m.counts.todo;
        s.error += m.counts.error;
        s.verified_functions += m.verified.len();
        s.oracle_functions += m.verified.len() + m.not_verified.len();
        s.cases += m.verified.iter().map(|v| v.cases).sum::<usize>();
        s.divergences += m.divergences();
        s.zig_tests_passed += m.zig_tests.passed;
        s.zig_tests_failed += m.zig_tests.failed;
        s.rust_tests_passed += m.rust_tests.passed;
        s.rust_tests_failed += m.rust_tests.failed;
        s.unsafe_blocks += m.counts.unsafe_blocks;
        s.todo_markers += m.counts.todo_markers;
        if let Some(r) = module_ratio(m) {
            ratios.push(r);
            if s.max_ratio.as_ref().is_none_or(|(_, max)| r > *max) {
                s.max_ratio = Some((zig.clone(), r));
            }
        }
    }
    s.median_ratio = median(&mut ratios);
    s
}

/// Rust/Zig ratio past which a function or module counts as slower than
/// Zig (the showcase's budget; the chart colours bars above it red).
pub const SLOW_RATIO: f64 = 1.15;

/// Benchmarked functions above [`SLOW_RATIO`], slowest first, with the
/// `PERF(port)` notes on their path.
pub fn slow_functions(state: &PortState) -> Vec<(&String, &FnVerdict, &[String])> {
    let mut slow: Vec<_> = state
        .modules
        .iter()
        .flat_map(|(zig, m)| {
            m.verified.iter().map(move |v| {
                let notes = m.perf_notes.get(&v.function).map(Vec::as_slice);
                (zig, v, notes.unwrap_or_default())
            })
        })
        .filter(|(_, v, _)| v.ratio.is_some_and(|r| r > SLOW_RATIO))
        .collect();
    slow.sort_by(|a, b| f64::total_cmp(&b.1.ratio.unwrap_or(0.0), &a.1.ratio.unwrap_or(0.0)));
    slow
}

/// The module's median Rust/Zig ratio over its benchmarked functions.
pub fn module_ratio(m: &ModuleState) -> Option<f64> {
    let mut r: Vec<f64> = m.verified.iter().filter_map(|v| v.ratio).collect();
    median(&mut r)
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    Some(values[values.len() / 2])
}

/// Everything ported agrees with the Zig: no divergence, no failing test
/// on either side. (What is not ported yet is reported, not failed: the
/// port is incomplete, not wrong.)
pub fn all_green(state: &PortState) -> bool {
    let s = summary(state);
    s.divergences == 0
        && s.zig_tests_failed == 0
        && s.rust_tests_failed == 0
        && state.cli.as_ref().is_none_or(|c| c.diverged == 0)
}

/// The script-suite sentence of the reports, if the port has one.
pub fn cli_line(state: &PortState) -> Option<String> {
    let c = state.cli.as_ref()?;
    Some(format!(
        "CLI script suite: {} cases, {} agree, {} diverge, {} not ported yet (the port reaches a TODO).",
        c.cases, c.agreed, c.diverged, c.not_ported
    ))
}

pub fn write_reports(state: &PortState, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let s = summary(state);
    let write = |name: &str, text: String| {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
    };
    #[derive(Serialize)]
    struct Json<'a> {
        summary: &'a Summary,
        state: &'a PortState,
    }
    write(
        "parity.json",
        serde_json::to_string_pretty(&Json { summary: &s, state })? + "\n",
    )?;
    write("parity.md", markdown(state, &s))?;
    write("parity.html", html(state, &s))?;
    Ok(())
}

fn pct(n: usize, of: usize) -> String {
    format!("{:.1}%", 100.0 * n as f64 / of.max(1) as f64)
}

fn ratio_text(r: Option<f64>) -> String {
    r.map(|r| format!("{r:.2}")).unwrap_or_else(|| "–".into())
}

fn markdown(state: &PortState, s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# zigport parity report: `{}`\n", state.source);
    let _ = writeln!(
        out,
        "**{}** modules, {} lines of Zig, {} functions: **{} clean ({})**, {} todo, {} error. \
         **{} of {} functions verified ({})** at {} cases or call sequences each (private ones and methods included; test blocks are run as tests): **{} divergences**. Zig tests {} passed / {} failed; \
         translated tests {} passed / {} failed. Median Rust/Zig time ratio {}{}. `unsafe` blocks: {}. Open TODO markers: {}.\n",
        s.modules,
        s.lines,
        s.functions,
        s.clean,
        pct(s.clean, s.functions),
        s.todo,
        s.error,
        s.verified_functions,
        s.oracle_functions,
        pct(s.verified_functions, s.oracle_functions),
        state.cases,
        s.divergences,
        s.zig_tests_passed,
        s.zig_tests_failed,
        s.rust_tests_passed,
        s.rust_tests_failed,
        ratio_text(s.median_ratio),
        s.max_ratio
            .as_ref()
            .map(|(m, r)| format!(" (max {r:.2}, {m})"))
            .unwrap_or_default(),
        s.unsafe_blocks,
        s.todo_markers
    );
    if let Some(line) = cli_line(state) {
        let _ = writeln!(out, "{line}\n");
        for d in state.cli.iter().flat_map(|c| &c.divergences) {
            let _ = writeln!(out, "- diverges: `{d}`");
        }
    }
    let _ = writeln!(
        out,
        "| module | made by | lines | fns | clean | todo | error | verified | diverged | zig tests | rust tests | tests not ported | ratio | unsafe | TODOs |"
    );
    let _ = writeln!(
        out,
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|"
    );
    for (zig, m) in &state.modules {
        let mut cells = vec![format!("`{zig}`")];
        cells.extend(module_cells(m));
        cells.insert(11, m.rust_tests.not_ported.to_string());
        cells.push(m.counts.todo_markers.to_string());
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push_str(&reach_section(state));
    let divergent: Vec<_> = state
        .modules
        .iter()
        .flat_map(|(zig, m)| m.verified.iter().map(move |v| (zig, v)))
        .filter(|(_, v)| v.diverged > 0)
        .collect();
    if !divergent.is_empty() {
        let _ = writeln!(out, "\n## Divergences\n");
        for (zig, v) in divergent {
            let _ = writeln!(
                out,
                "### `{zig}` `{}`: {} of {} cases\n",
                v.function, v.diverged, v.cases
            );
            if let Some(c) = &v.counterexample {
                let _ = writeln!(
                    out,
                    "Minimal input: `{}`\n\n```diff\n{}\n```\n",
                    c.input,
                    c.diff.trim_end()
                );
            }
        }
    }
    let llm: Vec<_> = state
        .modules
        .iter()
        .filter_map(|(zig, m)| m.llm.as_ref().map(|u| (zig, u)))
        .collect();
    if !llm.is_empty() {
        let _ = writeln!(out, "\n## LLM usage\n");
        let _ = writeln!(
            out,
            "| module | requests | cached replies | tokens in | tokens out | cost (USD) |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|");
        for (zig, u) in llm {
            let _ = writeln!(
                out,
                "| `{zig}` | {} | {} | {} | {} | {} |",
                u.requests,
                u.cached_replies,
                u.input_tokens,
                u.output_tokens,
                u.cost_usd
                    .map(|c| format!("{c:.4}"))
                    .unwrap_or_else(|| "–".into())
            );
        }
    }
    let slow = slow_functions(state);
    if !slow.is_empty() {
        let _ = writeln!(
            out,
            "\n## Slower than Zig by more than {:.0}%\n\nMedian Rust/Zig time over the benchmark rounds (min–max). The likely causes listed are the `PERF(port)` notes on the function's path (its body and the module functions it calls), where the port gave up a Zig performance idiom.\n",
            (SLOW_RATIO - 1.0) * 100.0
        );
        for (zig, v, notes) in slow {
            let range = match (v.ratio_min, v.ratio_max) {
                (Some(lo), Some(hi)) => format!(" ({lo:.2}–{hi:.2})"),
                _ => String::new(),
            };
            let why = if notes.is_empty() {
                "no `PERF(port)` note on its path: not explained yet".to_string()
            } else {
                notes
                    .iter()
                    .map(|n| n.trim_start_matches("PERF(port): "))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let _ = writeln!(
                out,
                "- `{zig}` `{}`: {}{range}. {why}",
                v.function,
                ratio_text(v.ratio)
            );
        }
    }
    let _ = writeln!(out, "\n## Not verified\n");
    for (zig, m) in &state.modules {
        for (f, why) in &m.not_verified {
            let _ = writeln!(out, "- `{zig}` `{f}`: {why}");
        }
    }
    let _ = writeln!(out, "\n## Open TODOs (why the rules stopped)\n");
    for (zig, m) in &state.modules {
        for t in &m.open_todos {
            let _ = writeln!(out, "- `{zig}`: {}", t.replace('\n', " "));
        }
    }
    out
}

/// The per-module figures both tables show, in column order: made by,
/// lines, fns, clean, todo, error, verified, diverged, zig tests, rust
/// tests, ratio, unsafe.
/// Under this share of cases returning a value, a function's agreement
/// says little about its code past the input checks.
const WEAK_REACH: f64 = 0.10;

/// How far the cases reached: the median share of cases returning a
/// value, and the functions whose cases mostly stopped at an error, a
/// trap or a hang (their generated inputs need seeds or structure).
fn reach_section(state: &PortState) -> String {
    let all: Vec<(&String, &FnVerdict)> = state
        .modules
        .iter()
        .flat_map(|(zig, m)| m.verified.iter().map(move |v| (zig, v)))
        .collect();
    if all.is_empty() {
        return String::new();
    }
    let mut shares: Vec<f64> = all.iter().map(|(_, v)| v.returned_share()).collect();
    shares.sort_by(f64::total_cmp);
    let median = shares[shares.len() / 2];
    let mut weak: Vec<_> = all
        .iter()
        .filter(|(_, v)| v.returned_share() < WEAK_REACH)
        .collect();
    weak.sort_by(|a, b| a.1.returned_share().total_cmp(&b.1.returned_share()));
    let mut out = format!(
        "\n## How far the cases reached\n\nMedian share of cases in which the Zig side returned a value (not an error, a trap or a hang): {:.0}%. {} of {} verified functions returned a value in under {:.0}% of their cases:\n\n",
        median * 100.0,
        weak.len(),
        all.len(),
        WEAK_REACH * 100.0
    );
    for (zig, v) in weak {
        let _ = writeln!(
            out,
            "- `{zig}` `{}`: {:.1}% returned ({} errors, {} traps, {} hangs of {})",
            v.function,
            v.returned_share() * 100.0,
            v.zig_errors,
            v.zig_traps,
            v.hangs,
            v.cases
        );
    }
    out
}

fn module_cells(m: &ModuleState) -> Vec<String> {
    let tests = |t: &crate::verify_cmd::TestCounts| format!("{}/{}", t.passed, t.passed + t.failed);
    vec![
        m.made_by.clone(),
        m.lines.to_string(),
        m.counts.functions.to_string(),
        m.counts.clean.to_string(),
        m.counts.todo.to_string(),
        m.counts.error.to_string(),
        format!(
            "{}/{}",
            m.verified.len(),
            m.verified.len() + m.not_verified.len()
        ),
        m.divergences().to_string(),
        tests(&m.zig_tests),
        tests(&m.rust_tests),
        ratio_text(module_ratio(m)),
        m.counts.unsafe_blocks.to_string(),
    ]
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html(state: &PortState, s: &Summary) -> String {
    let mut rows = String::new();
    for (zig, m) in &state.modules {
        let class = if m.divergences() > 0 || m.counts.error > 0 || m.rust_tests.failed > 0 {
            "bad"
        } else if m.counts.todo > 0 {
            "todo"
        } else {
            "ok"
        };
        let cells: String = std::iter::once(escape(zig))
            .chain(module_cells(m).into_iter().map(|c| escape(&c)))
            .map(|c| format!("<td>{c}</td>"))
            .collect();
        let _ = writeln!(rows, "<tr class=\"{class}\">{cells}</tr>");
    }
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>zigport parity: {source}</title>\n<style>\
body{{font-family:system-ui,sans-serif;margin:2em;max-width:70em}}table{{border-collapse:collapse}}\
td,th{{border:1px solid #ccc;padding:.2em .6em;text-align:right}}td:first-child,td:nth-child(2){{text-align:left}}\
tr.ok td:first-child{{border-left:4px solid #2a2}}tr.todo td:first-child{{border-left:4px solid #db2}}tr.bad td:first-child{{border-left:4px solid #d22}}\
</style></head><body>\n<h1>zigport parity: <code>{source}</code></h1>\n\
<p>{modules} modules, {functions} functions: <b>{clean} clean ({clean_pct})</b>, {todo} todo, {error} error. \
<b>{verified} of {oracle_functions} functions verified ({verified_pct})</b> at {cases} cases or call sequences each: <b>{div} divergences</b>. \
Zig tests {zp}/{zt}, translated tests {rp}/{rt}. Median Rust/Zig ratio {median}. unsafe blocks: {unsafe_blocks}.</p>\n{cli}\
<h2>Rust/Zig time ratio per module (median of its functions; lower is faster)</h2>\n{chart}\n\
<h2>Modules</h2>\n<table><tr><th>module</th><th>made by</th><th>lines</th><th>fns</th><th>clean</th><th>todo</th><th>error</th><th>verified</th><th>diverged</th><th>zig tests</th><th>rust tests</th><th>ratio</th><th>unsafe</th></tr>\n{rows}</table>\n</body></html>\n",
        source = escape(&state.source),
        modules = s.modules,
        functions = s.functions,
        clean = s.clean,
        clean_pct = pct(s.clean, s.functions),
        todo = s.todo,
        error = s.error,
        verified = s.verified_functions,
        oracle_functions = s.oracle_functions,
        verified_pct = pct(s.verified_functions, s.oracle_functions),
        cases = state.cases,
        div = s.divergences,
        zp = s.zig_tests_passed,
        zt = s.zig_tests_passed + s.zig_tests_failed,
        rp = s.rust_tests_passed,
        rt = s.rust_tests_passed + s.rust_tests_failed,
        median = ratio_text(s.median_ratio),
        unsafe_blocks = s.unsafe_blocks,
        chart = ratio_chart(state),
        rows = rows,
        cli = cli_line(state)
            .map(|l| format!("<p>{}</p>\n", escape(&l)))
            .unwrap_or_default(),
    )
}

/// A horizontal bar chart (inline SVG, no scripts) with a line at 1.0.
fn ratio_chart(state: &PortState) -> String {
    let bars: Vec<(&String, f64)> = state
        .modules
        .iter()
        .filter_map(|(zig, m)| module_ratio(m).map(|r| (zig, r)))
        .collect();
    if bars.is_empty() {
        return "<p>No benchmarks yet.</p>".into();
    }
    let max = bars.iter().map(|(_, r)| *r).fold(1.5, f64::max);
    let (label_w, plot_w, row_h) = (220.0, 480.0, 22.0);
    let height = row_h * bars.len() as f64 + 30.0;
    let x = |r: f64| label_w + plot_w * r / max;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\" font-size=\"12\">\n",
        label_w + plot_w + 60.0
    );
    for (i, (zig, r)) in bars.iter().enumerate() {
        let y = 10.0 + row_h * i as f64;
        let color = if *r <= 1.0 {
            "#2a2"
        } else if *r <= SLOW_RATIO {
            "#db2"
        } else {
            "#d22"
        };
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{:.1}\" height=\"{}\" fill=\"{color}\"/><text x=\"{:.1}\" y=\"{}\">{r:.2}</text>",
            label_w - 6.0,
            y + 14.0,
            escape(zig),
            x(*r) - label_w,
            row_h - 6.0,
            x(*r) + 4.0,
            y + 14.0
        );
    }
    let _ = writeln!(
        svg,
        "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"0\" y2=\"{1}\" stroke=\"#333\" stroke-dasharray=\"4\"/><text x=\"{0:.1}\" y=\"{2}\" text-anchor=\"middle\">1.0</text></svg>",
        x(1.0),
        height - 14.0,
        height - 2.0
    );
    svg
}

pub fn print_summary(state: &PortState) {
    let s = summary(state);
    if let Some(line) = cli_line(state) {
        println!("{line}");
    }
    println!(
        "{:<28} {:>6} {:>5} {:>6} {:>5} {:>6} {:>9} {:>9} {:>11} {:>11} {:>6}",
        "module",
        "lines",
        "fns",
        "clean",
        "todo",
        "error",
        "verified",
        "diverged",
        "zig tests",
        "rust tests",
        "ratio"
    );
    for (zig, m) in &state.modules {
        println!(
            "{:<28} {:>6} {:>5} {:>6} {:>5} {:>6} {:>9} {:>9} {:>11} {:>11} {:>6}",
            zig,
            m.lines,
            m.counts.functions,
            m.counts.clean,
            m.counts.todo,
            m.counts.error,
            m.verified.len(),
            m.divergences(),
            format!(
                "{}/{}",
                m.zig_tests.passed,
                m.zig_tests.passed + m.zig_tests.failed
            ),
            format!(
                "{}/{}",
                m.rust_tests.passed,
                m.rust_tests.passed + m.rust_tests.failed
            ),
            ratio_text(module_ratio(m))
        );
    }
    println!(
        "total: {} modules, {} functions, clean {} ({}), todo {}, error {}; verified {} of {} fns, {} divergences; zig tests {}/{}, rust tests {}/{}; median ratio {}",
        s.modules,
        s.functions,
        s.clean,
        pct(s.clean, s.functions),
        s.todo,
        s.error,
        s.verified_functions,
        s.oracle_functions,
        s.divergences,
        s.zig_tests_passed,
        s.zig_tests_passed + s.zig_tests_failed,
        s.rust_tests_passed,
        s.rust_tests_passed + s.rust_tests_failed,
        ratio_text(s.median_ratio)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::FnVerdict;

    fn verdict(function: &str, ratio: f64) -> FnVerdict {
        FnVerdict {
            function: function.into(),
            cases: 10,
            agreed: 10,
            diverged: 0,
            zig_traps: 0,
            rust_traps: 0,
            hangs: 0,
            zig_errors: 0,
            steps: None,
            ratio: Some(ratio),
            ratio_min: Some(ratio - 0.1),
            ratio_max: Some(ratio + 0.1),
            counterexample: None,
        }
    }

    #[test]
    fn functions_whose_cases_mostly_stop_at_errors_are_listed() {
        let rejecting = FnVerdict {
            zig_errors: 6,
            zig_traps: 3,
            hangs: 1,
            ..verdict("parse", 1.0)
        };
        let m = ModuleState {
            verified: vec![verdict("healthy", 1.0), rejecting],
            ..ModuleState::default()
        };
        let mut state = PortState::default();
        state.modules.insert("semver.zig".into(), m);
        let md = markdown(&state, &summary(&state));
        assert!(
            md.contains("1 of 2 verified functions returned a value in under 10%"),
            "{md}"
        );
        assert!(
            md.contains("- `semver.zig` `parse`: 0.0% returned (6 errors, 3 traps, 1 hangs of 10)"),
            "{md}"
        );
        assert!(!md.contains("`healthy`:"), "{md}");
    }

    #[test]
    fn slow_functions_are_listed_slowest_first_with_the_perf_notes_on_their_path() {
        let mut m = ModuleState {
            verified: vec![
                verdict("fast", 0.9),
                verdict("match", 1.7),
                verdict("unexplained", 1.3),
            ],
            ..ModuleState::default()
        };
        m.perf_notes.insert(
            "match".into(),
            vec!["PERF(port): zero-initialised; Zig left it undefined".into()],
        );
        let mut state = PortState::default();
        state.modules.insert("glob.zig".into(), m);

        let slow = slow_functions(&state);
        let names: Vec<&str> = slow.iter().map(|(_, v, _)| v.function.as_str()).collect();
        assert_eq!(names, ["match", "unexplained"]);

        let md = markdown(&state, &summary(&state));
        assert!(md.contains("## Slower than Zig by more than 15%"), "{md}");
        assert!(
            md.contains(
                "- `glob.zig` `match`: 1.70 (1.60–1.80). zero-initialised; Zig left it undefined"
            ),
            "{md}"
        );
        assert!(
            md.contains("`unexplained`: 1.30 (1.20–1.40). no `PERF(port)` note"),
            "{md}"
        );
        assert!(!md.contains("`fast`"), "{md}");
    }
}

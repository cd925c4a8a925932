//! `zigport cli-parity`: the original Zig program and its Rust port run on
//! the same script cases (`args<TAB>stdin` per line, `\n`/`\t`/`\\` escapes
//! in stdin); they agree when stdout, the class of stderr (empty, `usage`,
//! the `error: Name` line) and the exit code are equal. A Rust side that
//! stops on a `TODO(port)` is counted "not ported", apart from divergences.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::Args;
use serde::Serialize;
use wait_timeout::ChildExt;
use zigport_translator::config::PortConfig;

use crate::{exit, notify, toolchain_request};

#[derive(Args)]
pub struct CliParityArgs {
    /// The crate written by `translate`/`port` (it has a binary when the
    /// Zig had a `pub fn main`).
    krate: PathBuf,
    /// The Zig program's root file (`src/main.zig`).
    #[arg(long)]
    zig_main: PathBuf,
    /// The script cases: one per line, `args<TAB>stdin`.
    #[arg(long)]
    cases: PathBuf,
    #[arg(long)]
    json: bool,
}

/// One script line.
#[derive(Debug, Clone, Serialize)]
pub struct CliCase {
    pub line: usize,
    pub args: Vec<String>,
    #[serde(skip)]
    pub stdin: Vec<u8>,
}

/// What one run of a program showed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr_class: String,
    /// `None` when the program was killed (timeout) or died by a signal.
    pub exit_code: Option<i32>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Agree,
    Diverge,
    /// The Rust side reached code the rules left as `TODO(port)`.
    NotPorted,
}

#[derive(Debug, Serialize)]
pub struct CaseResult {
    pub case: CliCase,
    pub verdict: Verdict,
    pub zig: Outcome,
    pub rust: Outcome,
    /// Unified diff of the two stdouts (divergences only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CliReport {
    pub cases: usize,
    pub agreed: usize,
    pub diverged: usize,
    pub not_ported: usize,
    /// Every case that did not agree.
    pub disagreements: Vec<CaseResult>,
}

/// Parses a script file; a malformed line is an error naming it.
pub fn read_cases(path: &Path) -> Result<Vec<CliCase>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        // Blank lines and `#` comments; a case with no arguments is `<TAB>stdin`.
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (args, stdin) = line.split_once('\t').unwrap_or((line, ""));
        let args: Vec<String> = args
            .split(' ')
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect();
        cases.push(CliCase {
            line: i + 1,
            args,
            stdin: unescape(stdin),
        });
    }
    Ok(cases)
}

fn unescape(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        if b != b'\\' {
            out.push(b);
            continue;
        }
        match bytes.next() {
            Some(b'n') => out.push(b'\n'),
            Some(b't') => out.push(b'\t'),
            Some(b'\\') => out.push(b'\\'),
            Some(other) => out.extend([b'\\', other]),
            None => out.push(b'\\'),
        }
    }
    out
}

/// The class of a stderr: what a script can rely on across the two
/// programs (Zig adds return traces, Rust panic messages differ).
fn stderr_class(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let first = text.lines().next().unwrap_or("").trim();
    if first.is_empty() {
        String::new()
    } else if first.starts_with("usage:") {
        "usage".into()
    } else if first.starts_with("error: ") {
        first.into()
    } else if text.contains("panicked") || text.contains("panic:") {
        "panic".into()
    } else {
        "other".into()
    }
}

fn run_case(program: &Path, case: &CliCase) -> Result<(Outcome, String)> {
    let mut child = Command::new(program)
        .args(&case.args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run {}", program.display()))?;
    if let Some(mut stdin) = child.stdin.take() {
        // A program that does not read stdin closes it: not an error.
        let _ = stdin.write_all(&case.stdin);
    }
    let status = match child.wait_timeout(Duration::from_secs(20))? {
        Some(status) => Some(status),
        None => {
            let _ = child.kill();
            None
        }
    };
    let output = child.wait_with_output()?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    Ok((
        Outcome {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr_class: stderr_class(&output.stderr),
            exit_code: status.and_then(|s| s.code()),
        },
        stderr,
    ))
}

/// Builds both programs and runs every case on each.
pub fn cli_parity(
    zig: &Path,
    zig_main: &Path,
    krate: &Path,
    cases: &[CliCase],
    on_case: &dyn Fn(usize),
) -> Result<CliReport> {
    let out_dir = krate.join("target").join("zigport-cli");
    std::fs::create_dir_all(&out_dir)?;
    let zig_bin = out_dir.join("zig-program");
    let status = Command::new(zig)
        .arg("build-exe")
        .arg(zig_main)
        .args(["-O", "ReleaseSafe", "--cache-dir"])
        .arg(out_dir.join("zig-cache"))
        .arg(format!("-femit-bin={}", zig_bin.display()))
        .stdout(Stdio::null())
        .status()
        .context("cannot run zig build-exe")?;
    if !status.success() {
        bail!("zig build-exe {} failed", zig_main.display());
    }
    let name = crate_name(krate)?;
    // The crate may hold a model's code: cargo with a cleared environment.
    let build = zigport_translator::untrusted::cargo(krate)
        .args(["build", "--release", "--quiet", "--bin", &name])
        // Where `rust_bin` looks, whatever the caller's environment says.
        .env(
            "CARGO_TARGET_DIR",
            std::path::absolute(krate.join("target"))?,
        )
        .output()
        .context("cannot run cargo build")?;
    if !build.status.success() {
        bail!(
            "the port's binary `{name}` does not build (does the Zig have `pub fn main`?):\n{}",
            String::from_utf8_lossy(&build.stderr)
        );
    }
    let rust_bin = krate.join("target").join("release").join(&name);
    let mut report = CliReport {
        cases: cases.len(),
        agreed: 0,
        diverged: 0,
        not_ported: 0,
        disagreements: Vec::new(),
    };
    for (i, case) in cases.iter().enumerate() {
        on_case(i);
        let (zig_out, _) = run_case(&zig_bin, case)?;
        let (rust_out, rust_stderr) = run_case(&rust_bin, case)?;
        let verdict = if zig_out == rust_out {
            Verdict::Agree
        } else if rust_stderr.contains("TODO(port)") {
            Verdict::NotPorted
        } else {
            Verdict::Diverge
        };
        match verdict {
            Verdict::Agree => report.agreed += 1,
            Verdict::Diverge => report.diverged += 1,
            Verdict::NotPorted => report.not_ported += 1,
        }
        if verdict != Verdict::Agree {
            let diff =
                (verdict == Verdict::Diverge && zig_out.stdout != rust_out.stdout).then(|| {
                    similar::TextDiff::from_lines(&zig_out.stdout, &rust_out.stdout)
                        .unified_diff()
                        .header("zig", "rust")
                        .to_string()
                });
            report.disagreements.push(CaseResult {
                case: case.clone(),
                verdict,
                zig: zig_out,
                rust: rust_out,
                diff,
            });
        }
    }
    Ok(report)
}

/// Runs the configured script suite (`[cli]`) on a port: what `port` keeps
/// in its state and `gate` checks.
pub fn run_configured(config: &PortConfig, krate: &Path) -> Result<Option<crate::state::CliState>> {
    let Some(cli) = &config.cli else {
        return Ok(None);
    };
    let (main, cases_path) = (
        config.base_dir.join(&cli.main),
        config.base_dir.join(&cli.cases),
    );
    let cases = read_cases(&cases_path)?;
    let zig = zigport_oracle::toolchain::ensure(&toolchain_request(config), &notify)?;
    let bar = crate::progress_bar(cases.len(), "cli cases");
    let report = cli_parity(&zig.zig, &main, krate, &cases, &|i| {
        bar.set_position(i as u64)
    })?;
    bar.finish_and_clear();
    let shown = zigport_translator::translate::relative_path(&cases_path, &config.base_dir);
    Ok(Some(crate::state::CliState {
        cases: report.cases,
        agreed: report.agreed,
        diverged: report.diverged,
        not_ported: report.not_ported,
        divergences: report
            .disagreements
            .iter()
            .filter(|r| r.verdict == Verdict::Diverge)
            .map(|r| {
                format!(
                    "{}:{} {}",
                    shown.display(),
                    r.case.line,
                    r.case.args.join(" ")
                )
            })
            .collect(),
    }))
}

fn crate_name(krate: &Path) -> Result<String> {
    let manifest = std::fs::read_to_string(krate.join("Cargo.toml"))
        .with_context(|| format!("{} is not a crate", krate.display()))?;
    let value: toml::Value = toml::from_str(&manifest)?;
    value["package"]["name"]
        .as_str()
        .map(String::from)
        .context("Cargo.toml has no package name")
}

pub fn run(args: &CliParityArgs, config: &PortConfig) -> Result<u8> {
    let cases = read_cases(&args.cases)?;
    let zig = zigport_oracle::toolchain::ensure(&toolchain_request(config), &notify)?;
    let bar = crate::progress_bar(cases.len(), "cli cases");
    let report = cli_parity(&zig.zig, &args.zig_main, &args.krate, &cases, &|i| {
        bar.set_position(i as u64)
    })?;
    bar.finish_and_clear();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report, &args.cases);
    }
    Ok(if report.diverged > 0 {
        exit::FAILED
    } else {
        exit::OK
    })
}

fn print_report(report: &CliReport, cases: &Path) {
    for r in &report.disagreements {
        let tag = match r.verdict {
            Verdict::Diverge => "DIVERGE",
            _ => "NOT PORTED",
        };
        println!(
            "{tag} {}:{}: {}",
            cases.display(),
            r.case.line,
            r.case.args.join(" ")
        );
        if r.verdict == Verdict::Diverge {
            println!(
                "  zig: exit {:?}, stderr {:?}; rust: exit {:?}, stderr {:?}",
                r.zig.exit_code, r.zig.stderr_class, r.rust.exit_code, r.rust.stderr_class
            );
            if let Some(d) = &r.diff {
                println!("{d}");
            }
        }
    }
    println!(
        "cli cases: {}, agreed {}, diverged {}, not ported {}",
        report.cases, report.agreed, report.diverged, report.not_ported
    );
}

//! `translate --llm`: where the rules left TODOs or code that does not
//! compile, ask the LLM; accept only what compiles and then agrees with the
//! Zig under the oracle. Everything else keeps the rules' draft, and the
//! summary says why.
//!
//! One round asks about every pending function at once (the client bounds
//! concurrency), splices the screened replies in, compiles the crate once,
//! and runs the oracle on what compiled. rustc errors and counterexamples go
//! back on the next round, up to `max_attempts` turns per function.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use zigport_llm::prompt::{outline, repair_messages};
use zigport_llm::{Cache, Feedback, FnTask, LlmClient, Message, Settings, extract_function};
use zigport_translator::config::{AcceptedFn, PortConfig, TranslateConfig};
use zigport_translator::syntax::ir::{DeclKind, SourceFile};
use zigport_translator::syntax::{ZigParser, parse_source};
use zigport_translator::translate::{
    FileReport, FnStatus, SourceUnit, TranslateReport, fn_line_ranges,
};

use crate::notify;
use crate::verify_cmd::{VerifyOptions, oracle_checkable, verify_crate};

/// The crate's LLM state: accepted functions (re-applied on every
/// translate, with or without `--llm`) and the last run's outcomes.
pub const LLM_STATE: &str = "zigport-llm.json";
/// Requests and replies, content-addressed (see `zigport_llm::cache`).
pub const LLM_CACHE: &str = "zigport-llm-cache";

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct LlmState {
    /// Zig file (display path) → function key → accepted Rust.
    #[serde(default)]
    pub accepted: BTreeMap<String, BTreeMap<String, AcceptedFn>>,
    #[serde(default)]
    pub outcomes: Vec<FnOutcome>,
    /// Per Zig file, over the last run.
    #[serde(default)]
    pub usage: BTreeMap<String, Usage>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FnOutcome {
    pub zig: String,
    pub function: String,
    pub accepted: bool,
    pub attempts: u32,
    /// Why it was accepted or not, in a sentence.
    pub reason: String,
    /// What each rejected attempt ran into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<String>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Usage {
    pub requests: u64,
    pub cached_replies: u64,
    pub input_tokens: u64,
    pub output_tokens: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_usd: Option<f64>,
}

pub fn load_state(krate: &Path) -> LlmState {
    std::fs::read_to_string(krate.join(LLM_STATE))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn save_state(krate: &Path, state: &LlmState) -> Result<()> {
    let path = krate.join(LLM_STATE);
    std::fs::write(&path, serde_json::to_string_pretty(state)? + "\n")
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Accepted functions go into the translation config, so a plain
/// `translate` keeps what an earlier `--llm` run earned.
pub fn apply_accepted(config: &mut TranslateConfig, krate: &Path) {
    config.accepted = load_state(krate).accepted;
}

/// A function the LLM is asked about, and its conversation so far.
struct Pending {
    task: FnTask,
    module: String,
    turns: Vec<(String, Feedback)>,
    /// The screened candidate of the current round.
    candidate: Option<String>,
    accepted: bool,
}

/// How the rules' translation gets redone with a given config.
pub type Retranslate<'a> = dyn Fn(&TranslateConfig) -> Result<TranslateReport> + 'a;

pub struct RefineResult {
    pub report: TranslateReport,
    pub outcomes: Vec<FnOutcome>,
    pub usage: BTreeMap<String, Usage>,
}

/// Runs the loop over `report` (the rules' translation of `units` into
/// `krate`). With `dry_run`, prints the first-turn prompts and sends nothing.
pub fn refine(
    units: &[SourceUnit],
    krate: &Path,
    config: &PortConfig,
    report: TranslateReport,
    dry_run: bool,
    retranslate: &Retranslate,
) -> Result<RefineResult> {
    let mut state = load_state(krate);
    let (mut pending, mut outcomes) = candidates(units, krate, config, &report)?;
    if dry_run {
        for p in &pending {
            println!("=== {} :: {} ===", p.task.zig_path, p.task.zig_name);
            for m in zigport_llm::prompt::translate_messages(&p.task) {
                println!("--- {} ---\n{}", m.role, m.content);
            }
        }
        notify(&format!("dry run: {} prompts, nothing sent", pending.len()));
        return Ok(RefineResult {
            report,
            outcomes,
            usage: BTreeMap::new(),
        });
    }
    if pending.is_empty() {
        return Ok(RefineResult {
            report,
            outcomes,
            usage: BTreeMap::new(),
        });
    }
    let settings = Settings::resolve(&config.llm)?;
    let client = LlmClient::new(settings.clone(), Cache::new(krate.join(LLM_CACHE)))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let mut usage: BTreeMap<String, Usage> = BTreeMap::new();
    let mut accepted = state.accepted.clone();

    for round in 1..=settings.max_attempts {
        if pending.is_empty() {
            break;
        }
        notify(&format!(
            "LLM round {round}/{}: asking about {} functions",
            settings.max_attempts,
            pending.len()
        ));
        let asks: Vec<Vec<Message>> = pending
            .iter()
            .map(|p| repair_messages(&p.task, &p.turns))
            .collect();
        let replies = runtime.block_on(futures::future::join_all(
            asks.iter().map(|messages| client.complete(messages)),
        ));
        // Screen every reply; what survives is tried in the crate.
        let mut trial = accepted.clone();
        let mut failed = Vec::new();
        for (i, (p, reply)) in pending.iter_mut().zip(replies).enumerate() {
            p.candidate = None;
            let u = usage.entry(p.task.zig_path.clone()).or_default();
            let completion = match reply {
                Ok(c) => c,
                Err(e) => {
                    // No reply is no turn: the conversation does not grow.
                    failed.push((i, format!("no reply: {e}")));
                    continue;
                }
            };
            if completion.cached {
                u.cached_replies += 1;
            } else {
                u.requests += 1;
            }
            u.input_tokens += completion.input_tokens;
            u.output_tokens += completion.output_tokens;
            match extract_function(
                &completion.content,
                p.task.rust_name(),
                p.task.is_method(),
                false,
            ) {
                Ok(code) => {
                    trial.entry(p.task.zig_path.clone()).or_default().insert(
                        p.task.zig_name.clone(),
                        AcceptedFn {
                            rust: code.clone(),
                            provenance: format!("the LLM ({}), under review", settings.model),
                        },
                    );
                    p.candidate = Some(code);
                    p.turns
                        .push((completion.content, Feedback::Rejected(String::new())));
                }
                Err(why) => p
                    .turns
                    .push((completion.content, Feedback::Rejected(why.to_string()))),
            }
        }
        // Endpoint failures end that function's run: retries already
        // happened in the client.
        for (i, why) in failed.into_iter().rev() {
            let p = pending.remove(i);
            outcomes.push(outcome(&p, false, why));
        }
        let mut translate_config = config.translate.clone();
        translate_config.accepted = trial;
        let compiled = retranslate(&translate_config)?;
        let mut to_check = BTreeSet::new();
        for p in pending.iter_mut().filter(|p| p.candidate.is_some()) {
            match find_fn(&compiled.files, &p.task.zig_path, &p.task.rust_path) {
                Some(f) if f.status == FnStatus::Error => {
                    set_feedback(p, Feedback::CompileErrors(f.errors.clone()))
                }
                Some(_) => {
                    to_check.insert((p.module.clone(), p.task.zig_name.clone()));
                }
                None => set_feedback(
                    p,
                    Feedback::Rejected("the function is missing from the module".into()),
                ),
            }
        }
        let verdicts = if to_check.is_empty() {
            Vec::new()
        } else {
            let options = VerifyOptions {
                cases: settings.oracle_cases,
                only: Some(to_check.clone()),
                modules: None,
                tests: false,
                bench: false,
            };
            verify_crate(krate, config, &options)?.functions
        };
        for p in pending.iter_mut() {
            if !to_check.contains(&(p.module.clone(), p.task.zig_name.clone())) {
                continue;
            }
            let verdict = verdicts
                .iter()
                .find(|v| v.module == p.module && v.function == p.task.zig_name);
            match verdict {
                Some(v) if v.verdict.diverged == 0 && v.verdict.hangs == 0 => {
                    let code = p.candidate.take().unwrap_or_default();
                    accepted.entry(p.task.zig_path.clone()).or_default().insert(
                        p.task.zig_name.clone(),
                        AcceptedFn {
                            rust: code,
                            provenance: format!(
                                "the LLM ({}); compiled and agreed with the Zig on {} oracle cases",
                                settings.model, v.verdict.cases
                            ),
                        },
                    );
                    p.turns.pop();
                    p.accepted = true;
                }
                Some(v) => {
                    let (input, diff) = match &v.verdict.counterexample {
                        Some(c) => (format!("{:?}", c.input), c.diff.clone()),
                        None => ("(none recorded)".into(), "(no diff)".into()),
                    };
                    set_feedback(p, Feedback::Counterexample { input, diff });
                }
                None => set_feedback(p, Feedback::Rejected("the oracle could not run it".into())),
            }
        }
        let (done, rest): (Vec<Pending>, Vec<Pending>) =
            pending.into_iter().partition(|p| p.accepted);
        for p in done {
            outcomes.push(outcome(
                &p,
                true,
                "compiled and agreed with the Zig under the oracle".into(),
            ));
        }
        pending = rest;
    }
    for p in &pending {
        let last = p
            .turns
            .last()
            .map(|(_, f)| feedback_summary(f))
            .unwrap_or_default();
        outcomes.push(outcome(
            p,
            false,
            format!("not accepted after {} attempts: {last}", p.turns.len()),
        ));
    }
    for u in usage.values_mut() {
        u.cost_usd = settings.cost(u.input_tokens, u.output_tokens);
    }
    // The crate on disk ends with exactly the accepted functions.
    let mut final_config = config.translate.clone();
    final_config.accepted = accepted.clone();
    let report = retranslate(&final_config)?;
    state.accepted = accepted;
    state.outcomes = outcomes.clone();
    state.usage = usage.clone();
    save_state(krate, &state)?;
    Ok(RefineResult {
        report,
        outcomes,
        usage,
    })
}

/// Replaces the placeholder feedback of the current turn with the real one.
fn set_feedback(p: &mut Pending, feedback: Feedback) {
    p.candidate = None;
    if let Some(last) = p.turns.last_mut() {
        last.1 = feedback;
    }
}

fn outcome(p: &Pending, accepted: bool, reason: String) -> FnOutcome {
    FnOutcome {
        zig: p.task.zig_path.clone(),
        function: p.task.zig_name.clone(),
        accepted,
        attempts: p.turns.len() as u32 + u32::from(accepted),
        reason,
        history: p.turns.iter().map(|(_, f)| feedback_summary(f)).collect(),
    }
}

fn feedback_summary(f: &Feedback) -> String {
    match f {
        Feedback::Rejected(why) => format!("rejected: {why}"),
        Feedback::CompileErrors(e) => format!(
            "does not compile: {}",
            e.first().map(String::as_str).unwrap_or("?")
        ),
        Feedback::Counterexample { input, .. } => format!("diverged from the Zig on {input}"),
    }
}

fn find_fn<'r>(
    files: &'r [FileReport],
    zig: &str,
    rust_path: &str,
) -> Option<&'r zigport_translator::translate::FnReport> {
    files
        .iter()
        .find(|f| f.zig == zig)?
        .functions
        .iter()
        .find(|f| f.rust_path == rust_path)
}

/// The functions worth asking about: not clean by the rules' own doing
/// (their TODOs or their errors, not merely a blocked callee), in a file
/// not edited by hand, and callable by the oracle, which is the only way
/// anything gets accepted.
fn candidates(
    units: &[SourceUnit],
    krate: &Path,
    config: &PortConfig,
    report: &TranslateReport,
) -> Result<(Vec<Pending>, Vec<FnOutcome>)> {
    let mut pending = Vec::new();
    let mut skipped = Vec::new();
    let mut parser = ZigParser::new();
    let config_rules = config_rules(&config.translate);
    for file in report.files.iter().filter(|f| f.parses && !f.hand_edited) {
        let wants: Vec<_> = file
            .functions
            .iter()
            .filter(|f| {
                f.status == FnStatus::Error || (f.status == FnStatus::Todo && !f.todos.is_empty())
            })
            .filter(|f| !f.rust_path.starts_with("tests::"))
            .collect();
        if wants.is_empty() {
            continue;
        }
        let Some(unit) = units.iter().find(|u| u.display == file.zig) else {
            continue;
        };
        let source = std::fs::read_to_string(&unit.path)
            .with_context(|| format!("cannot read {}", unit.path.display()))?;
        let parsed = parse_source(&mut parser, &source).file;
        let rust_text =
            std::fs::read_to_string(krate.join("src").join(format!("{}.rs", file.module)))
                .unwrap_or_default();
        let ranges = fn_line_ranges(&rust_text);
        let module_outline = outline(&rust_text) + &dependency_outlines(krate, &rust_text);
        for f in wants {
            let Some(zig_source) = checkable_fn_source(&parsed, &source, &f.zig_name, &f.rust_path)
            else {
                skipped.push(FnOutcome {
                    zig: file.zig.clone(),
                    function: f.zig_name.clone(),
                    accepted: false,
                    attempts: 0,
                    reason: "not attempted: the oracle cannot call it (not a top-level pub fn with a shim-ABI signature), so nothing could be accepted".into(),
                    history: Vec::new(),
                });
                continue;
            };
            let rules_draft = ranges
                .get(&f.rust_path)
                .map(|(a, b)| {
                    rust_text
                        .lines()
                        .skip(a.saturating_sub(1))
                        .take(b + 1 - a)
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default();
            let mut todos = f.todos.clone();
            todos.extend(f.errors.iter().map(|e| format!("rustc: {e}")));
            pending.push(Pending {
                task: FnTask {
                    zig_path: file.zig.clone(),
                    zig_name: f.zig_name.clone(),
                    rust_path: f.rust_path.clone(),
                    zig_source,
                    rules_draft,
                    todos,
                    module_outline: module_outline.clone(),
                    config_rules: config_rules.clone(),
                },
                module: file.module.clone(),
                turns: Vec::new(),
                candidate: None,
                accepted: false,
            });
        }
    }
    Ok((pending, skipped))
}

/// Signatures of the crate's other modules this one uses (`super::m`), so
/// the LLM calls already-ported dependencies as they are.
fn dependency_outlines(krate: &Path, rust_text: &str) -> String {
    let used: BTreeSet<&str> = rust_text
        .match_indices("super::")
        .filter_map(|(i, _)| {
            let rest = &rust_text[i + "super::".len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            (end > 0).then(|| &rest[..end])
        })
        .collect();
    let mut out = String::new();
    for m in used {
        let path = krate.join("src").join(format!("{m}.rs"));
        if let Ok(text) = std::fs::read_to_string(path) {
            out.push_str(&format!(
                "\n// ---- module super::{m} ----\n{}",
                outline(&text)
            ));
        }
    }
    out
}

/// The Zig text of the top-level pub fn `name` when the oracle can call it.
fn checkable_fn_source(
    file: &SourceFile,
    source: &str,
    name: &str,
    rust_path: &str,
) -> Option<String> {
    if rust_path.contains("::") {
        return None;
    }
    file.members.iter().find_map(|d| match &d.kind {
        DeclKind::Fn(f) if d.is_pub && f.name == name && oracle_checkable(f, file, "") => source
            .get(d.span.start as usize..d.span.end as usize)
            .map(str::to_string),
        _ => None,
    })
}

/// zigport.toml's translation rules, as the prompt states them.
fn config_rules(config: &TranslateConfig) -> String {
    let mut out = String::new();
    for (zig, rust) in &config.crates {
        out.push_str(&format!("- Zig `{zig}` is the Rust path `{rust}`\n"));
    }
    for r in &config.rewrite {
        out.push_str(&format!(
            "- a call to `{}` is written `{}`\n",
            r.zig, r.rust
        ));
    }
    out
}

/// The summary lines `translate --llm` prints.
pub fn print_outcomes(outcomes: &[FnOutcome], usage: &BTreeMap<String, Usage>) {
    if outcomes.is_empty() {
        return;
    }
    println!("LLM:");
    for o in outcomes {
        println!(
            "  {}::{} {} ({} attempts): {}",
            o.zig,
            o.function,
            if o.accepted {
                "accepted"
            } else {
                "kept the rules' draft"
            },
            o.attempts,
            o.reason
        );
    }
    let total = usage.values().fold(Usage::default(), |a, u| Usage {
        requests: a.requests + u.requests,
        cached_replies: a.cached_replies + u.cached_replies,
        input_tokens: a.input_tokens + u.input_tokens,
        output_tokens: a.output_tokens + u.output_tokens,
        cost_usd: match (a.cost_usd, u.cost_usd) {
            (Some(x), Some(y)) => Some(x + y),
            (x, y) => x.or(y),
        },
    });
    println!(
        "  requests {}, cached replies {}, tokens in {} out {}{}",
        total.requests,
        total.cached_replies,
        total.input_tokens,
        total.output_tokens,
        total
            .cost_usd
            .map(|c| format!(", cost ${c:.4}"))
            .unwrap_or_default()
    );
}

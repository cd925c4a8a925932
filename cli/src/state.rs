//! The port state (`zigport-state.json`, one per ported crate): for each
//! module, the git blob id of the Zig it was ported from, the hash of the
//! Rust as zigport wrote it, who made it, and the last verdicts. `port`
//! writes it, `gate` and `report` read it.
//!
//! Blob ids are git's (`git2::Oid::hash_object`), so they match `git
//! ls-tree` and need no repository: a Zig file outside git still has one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::verify_cmd::TestCounts;

pub const STATE_FILE: &str = "zigport-state.json";

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PortState {
    /// The Zig tree, as given to `port` (relative to the crate when possible).
    pub source: String,
    /// Hash of the translation settings; a change re-ports everything.
    pub settings_hash: String,
    /// Cases per function the verdicts were obtained with.
    pub cases: usize,
    pub modules: BTreeMap<String, ModuleState>,
    /// The script suite's result (when `[cli]` is configured).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cli: Option<CliState>,
}

/// The two programs on the script suite.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct CliState {
    pub cases: usize,
    pub agreed: usize,
    pub diverged: usize,
    pub not_ported: usize,
    /// `file:line args` of each divergence.
    pub divergences: Vec<String>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct ModuleState {
    /// The Rust module name.
    pub module: String,
    /// Git blob id of the Zig source this port was made from.
    pub zig_blob: String,
    /// SHA-256 of the module file as zigport wrote it.
    pub rust_sha256: String,
    /// `rules`, `rules+llm`, or `hand-edited`.
    pub made_by: String,
    /// Modules of the tree it imports.
    pub imports: Vec<String>,
    pub lines: usize,
    /// The translation's counts for the module (functions by status,
    /// markers, `unsafe` blocks).
    #[serde(flatten)]
    pub counts: zigport_translator::translate::Counts,
    /// Why the rules left markers (deduplicated).
    pub open_todos: Vec<String>,
    /// Zig function → the `PERF(port)` notes on its path (only functions
    /// that have some): what the report gives as the likely cause when
    /// the function is slower than Zig.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub perf_notes: BTreeMap<String, Vec<String>>,
    pub verified: Vec<FnVerdict>,
    /// Pub functions not verified, and why.
    pub not_verified: Vec<(String, String)>,
    pub zig_tests: TestCounts,
    pub rust_tests: TestCounts,
    /// LLM requests, tokens and cost of the last `--llm` run on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub llm: Option<crate::refine::Usage>,
    /// Set once the module's verdicts are complete for `zig_blob`; an
    /// interrupted `port` leaves it unset and the next run redoes it.
    pub complete: bool,
}

impl FnVerdict {
    /// The share of cases in which the Zig side returned a value (not an
    /// error, a trap or a hang): how much of the run reached past the
    /// function's input checks.
    pub fn returned_share(&self) -> f64 {
        let rejected = self.zig_errors + self.zig_traps + self.hangs;
        if self.cases == 0 {
            return 0.0;
        }
        self.cases.saturating_sub(rejected) as f64 / self.cases as f64
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FnVerdict {
    pub function: String,
    pub cases: usize,
    pub agreed: usize,
    pub diverged: usize,
    pub zig_traps: usize,
    pub rust_traps: usize,
    pub hangs: usize,
    /// Cases where the Zig side returned an error value.
    #[serde(default)]
    pub zig_errors: usize,
    /// Method calls made, for a function verified through call sequences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<usize>,
    /// Median Rust/Zig time, with min and max over rounds.
    pub ratio: Option<f64>,
    pub ratio_min: Option<f64>,
    pub ratio_max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterexample: Option<Counterexample>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Counterexample {
    pub input: String,
    pub diff: String,
}

impl ModuleState {
    pub fn divergences(&self) -> usize {
        self.verified.iter().map(|v| v.diverged).sum()
    }
}

/// Git's blob id of `bytes`.
pub fn blob_id(bytes: &[u8]) -> Result<String> {
    Ok(git2::Oid::hash_object(git2::ObjectType::Blob, bytes)?.to_string())
}

pub fn load(krate: &Path) -> Option<PortState> {
    let text = std::fs::read_to_string(krate.join(STATE_FILE)).ok()?;
    serde_json::from_str(&text).ok()
}

/// [`load`] for commands that need a port: says what to do when there is none.
pub fn load_or_explain(krate: &Path) -> Option<PortState> {
    let state = load(krate);
    if state.is_none() {
        eprintln!(
            "error: {}: no {STATE_FILE} (run `zigport port` first)",
            krate.display()
        );
    }
    state
}

/// Writes atomically: an interrupted run never leaves half a state.
pub fn save(krate: &Path, state: &PortState) -> Result<()> {
    let path = krate.join(STATE_FILE);
    let tmp = krate.join(format!("{STATE_FILE}.tmp"));
    std::fs::write(&tmp, serde_json::to_string_pretty(state)? + "\n")
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))
}

/// Modules whose Zig changed (by blob id, or missing from `current`, or
/// new), plus everything that imports them, transitively.
pub fn stale_modules(
    state: &PortState,
    current: &BTreeMap<String, String>,
    imports: &BTreeMap<String, Vec<String>>,
) -> BTreeSet<String> {
    let mut stale: BTreeSet<String> = current
        .iter()
        .filter(|(zig, blob)| state.modules.get(*zig).is_none_or(|m| &m.zig_blob != *blob))
        .map(|(zig, _)| zig.clone())
        .collect();
    stale.extend(
        state
            .modules
            .keys()
            .filter(|zig| !current.contains_key(*zig))
            .cloned(),
    );
    loop {
        let before = stale.len();
        for (zig, deps) in imports {
            if deps.iter().any(|d| stale.contains(d)) {
                stale.insert(zig.clone());
            }
        }
        if stale.len() == before {
            return stale;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_ids_are_gits() {
        // `printf 'hello\n' | git hash-object --stdin`
        assert_eq!(
            blob_id(b"hello\n").unwrap(),
            "ce013625030ba8dba906f756967f9e9ca394464a"
        );
    }

    #[test]
    fn staleness_flows_to_importers() {
        let mut state = PortState::default();
        for (zig, blob) in [("a.zig", "1"), ("b.zig", "2"), ("c.zig", "3")] {
            state.modules.insert(
                zig.into(),
                ModuleState {
                    zig_blob: blob.into(),
                    ..ModuleState::default()
                },
            );
        }
        let current: BTreeMap<String, String> =
            [("a.zig", "1"), ("b.zig", "changed"), ("c.zig", "3")]
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
        let imports: BTreeMap<String, Vec<String>> = [
            ("a.zig".to_string(), vec!["c.zig".to_string()]),
            ("c.zig".to_string(), vec!["b.zig".to_string()]),
        ]
        .into_iter()
        .collect();
        let stale = stale_modules(&state, &current, &imports);
        assert_eq!(
            stale.into_iter().collect::<Vec<_>>(),
            ["a.zig", "b.zig", "c.zig"]
        );
        let unchanged: BTreeMap<String, String> = state
            .modules
            .iter()
            .map(|(k, m)| (k.clone(), m.zig_blob.clone()))
            .collect();
        assert!(stale_modules(&state, &unchanged, &imports).is_empty());
    }
}

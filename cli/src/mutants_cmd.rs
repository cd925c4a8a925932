//! `zigport mutants CRATE_DIR [--sample N] [--seed S] [--cases N] [--json]`:
//! the mutation score of the differential tests alone. A seeded sample of
//! mutants (operators swapped, negations dropped, literals off by one) is
//! planted one at a time in a scratch copy of the crate, and each module
//! is verified with the translated tests switched off: a mutant is killed
//! when some function diverges from the Zig. Survivors are listed with why
//! (their function is not verified, or its cases did not tell).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use serde::Serialize;
use zigport_oracle::mutate::{Mutant, mutants};
use zigport_translator::config::PortConfig;
use zigport_translator::translate::{PORT_MANIFEST, PortManifest};

use crate::verify_cmd::{VerifyOptions, load_manifest, verify_crate};
use crate::{exit, notify};

#[derive(Args)]
pub struct MutantsArgs {
    /// A crate written by `zigport translate` (left untouched: mutants are
    /// planted in a scratch copy).
    krate: PathBuf,
    /// Mutants to draw.
    #[arg(long, default_value_t = 100)]
    sample: usize,
    /// Seed of the draw.
    #[arg(long, default_value_t = 20261203)]
    seed: u64,
    /// Cases per function and mutant.
    #[arg(long, default_value_t = 1000)]
    cases: usize,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Outcome {
    module: String,
    mutant: Mutant,
    /// `killed`, `survived`, or `unviable` (the crate does not build).
    verdict: &'static str,
    /// A survivor's likely reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<String>,
}

#[derive(Serialize)]
struct Score {
    sites: usize,
    drawn: usize,
    killed: usize,
    survived: usize,
    unviable: usize,
    /// killed / (killed + survived).
    score: f64,
    mutants: Vec<Outcome>,
}

pub fn run(args: &MutantsArgs, config: &PortConfig) -> Result<u8> {
    let manifest = load_manifest(&args.krate)?;

    let scratch = tempfile::tempdir()?;
    let copy = scratch.path().join("crate");
    copy_crate(&args.krate, &copy)?;
    // The copy's manifest names the Zig files absolutely (its own are
    // relative to the crate it was written for).
    let mut moved = load_manifest(&args.krate)?;
    for m in &mut moved.modules {
        m.zig = std::path::absolute(m.zig_path(&args.krate))?;
    }
    std::fs::write(
        copy.join(PORT_MANIFEST),
        serde_json::to_string_pretty(&moved)?,
    )?;

    let mut sites = Vec::new();
    for m in &manifest.modules {
        let source = std::fs::read_to_string(copy.join("src").join(format!("{}.rs", m.module)))?;
        sites.extend(mutants(&source).into_iter().map(|x| (m.module.clone(), x)));
    }
    let drawn = draw(sites.len(), args.sample, args.seed);
    notify(&format!(
        "{} mutation sites; {} drawn (seed {}); verifying the unmutated copy first",
        sites.len(),
        drawn.len(),
        args.seed
    ));

    let options = |module: Option<&str>| VerifyOptions {
        cases: args.cases,
        only: None,
        modules: module.map(|m| BTreeSet::from([m.to_string()])),
        tests: false,
        bench: false,
    };
    // What is verified, per module and Rust function, and what is not.
    let baseline = verify_crate(&copy, config, &options(None))?;
    anyhow::ensure!(
        baseline.divergences == 0,
        "the unmutated port diverges already ({} cases): fix that first",
        baseline.divergences
    );
    // (Rust module, Zig name): a method `Hasher.update` as `update`.
    let verified: BTreeSet<(String, String)> = baseline
        .functions
        .iter()
        .map(|f| (f.module.clone(), last(&f.function).to_string()))
        .collect();
    let skipped: BTreeMap<(String, String), String> = baseline
        .skipped
        .iter()
        .map(|s| ((s.module.clone(), s.function.clone()), s.reason.clone()))
        .collect();

    let progress = crate::progress_bar(drawn.len(), "mutants");
    let mut outcomes = Vec::new();
    for i in drawn {
        let (module, mutant) = &sites[i];
        let path = copy.join("src").join(format!("{module}.rs"));
        let original = std::fs::read_to_string(&path)?;
        std::fs::write(&path, mutant.apply(&original))?;
        let report = verify_crate(&copy, config, &options(Some(module)));
        std::fs::write(&path, &original)?;
        let (verdict, why) = match report {
            Err(_) => ("unviable", None),
            Ok(r) if r.divergences > 0 => ("killed", None),
            Ok(_) => (
                "survived",
                Some(survivor_reason(
                    &manifest, module, mutant, &verified, &skipped,
                )),
            ),
        };
        outcomes.push(Outcome {
            module: module.clone(),
            mutant: mutant.clone(),
            verdict,
            why,
        });
        progress.inc(1);
    }
    progress.finish_and_clear();

    let count = |v: &str| outcomes.iter().filter(|o| o.verdict == v).count();
    let (killed, survived, unviable) = (count("killed"), count("survived"), count("unviable"));
    let score = Score {
        sites: sites.len(),
        drawn: outcomes.len(),
        killed,
        survived,
        unviable,
        score: killed as f64 / (killed + survived).max(1) as f64,
        mutants: outcomes,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&score)?);
    } else {
        println!(
            "mutation score: {killed} killed of {} viable ({:.1}%); {unviable} did not build; {} sites, {} drawn",
            killed + survived,
            score.score * 100.0,
            score.sites,
            score.drawn
        );
        for o in score.mutants.iter().filter(|o| o.verdict == "survived") {
            println!(
                "  survived: {}.rs:{} — {}",
                o.module,
                o.mutant.describe(),
                o.why.as_deref().unwrap_or("")
            );
        }
    }
    Ok(exit::OK)
}

/// Why a mutant's function let it live: not verified (and why), or
/// verified on cases that did not tell.
fn survivor_reason(
    manifest: &PortManifest,
    module: &str,
    mutant: &Mutant,
    verified: &BTreeSet<(String, String)>,
    skipped: &BTreeMap<(String, String), String>,
) -> String {
    let zig = manifest
        .modules
        .iter()
        .find(|m| m.module == module)
        .and_then(|m| {
            let f = m
                .functions
                .iter()
                .find(|f| f.rust_path == mutant.function)?;
            Some((m.display.clone(), f.zig_name.clone()))
        });
    let Some((display, name)) = zig else {
        return "a helper the port added (no Zig function of its own), reached only through others whose cases did not tell".into();
    };
    if verified.contains(&(module.to_string(), name.clone())) {
        return "its function is verified, and no case told the two apart (an equivalent mutant, or inputs that do not reach it)".into();
    }
    match skipped
        .iter()
        .find(|((m, f), _)| *m == display && last(f) == name)
    {
        Some((_, why)) => format!("its function is not verified: {why}"),
        None => "its function is not verified".into(),
    }
}

/// `update` of `Hasher.update`.
fn last(display: &str) -> &str {
    display.rsplit('.').next().unwrap_or(display)
}

/// `n` distinct indices below `len`, drawn with `seed` (a splitmix64
/// stream driving a partial Fisher–Yates shuffle).
fn draw(len: usize, n: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut all: Vec<usize> = (0..len).collect();
    let n = n.min(len);
    for i in 0..n {
        let j = i + (next() % (len - i) as u64) as usize;
        all.swap(i, j);
    }
    all.truncate(n);
    all
}

/// The crate without its build output (the copy builds its own).
fn copy_crate(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "target" {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type()?.is_dir() {
            copy_crate(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::draw;

    #[test]
    fn the_draw_is_seeded_distinct_and_bounded() {
        let a = draw(50, 10, 7);
        assert_eq!(a, draw(50, 10, 7));
        assert_ne!(a, draw(50, 10, 8));
        let mut sorted = a.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 10);
        assert!(a.iter().all(|&i| i < 50));
        assert_eq!(draw(3, 10, 1).len(), 3);
    }
}

//! `translate`: Zig files → a Rust crate, checked by `cargo clippy`, with
//! every function classified as clean, todo or error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Serialize;

use crate::config::TranslateConfig;
use crate::emit::{emit_module, module_name};
use crate::rules::{FnTranslation, translate_module};
use crate::syntax::{ZigParser, parse_source};

/// One Zig file to translate, and the module path it gets in the crate.
#[derive(Debug, Clone)]
pub struct SourceUnit {
    pub path: PathBuf,
    /// Path shown in reports and used for the module name (`std/ascii.zig`).
    pub display: String,
}

#[derive(Debug, Serialize)]
pub struct TranslateReport {
    pub crate_dir: String,
    pub totals: Counts,
    pub files: Vec<FileReport>,
    /// `cargo clippy` warnings in the generated crate.
    pub clippy_warnings: usize,
    /// Compile errors not inside any function (types, constants, imports).
    pub errors_outside_functions: usize,
    /// Whether `cargo clippy` ran (it needs cargo on PATH).
    pub checked: bool,
}

#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub functions: usize,
    pub clean: usize,
    pub todo: usize,
    pub error: usize,
    pub todo_markers: usize,
    pub unsafe_blocks: usize,
}

#[derive(Debug, Serialize)]
pub struct FileReport {
    pub zig: String,
    pub module: String,
    /// The generated Rust parses (the rules produced a valid file).
    pub parses: bool,
    /// The module file was edited by hand since zigport wrote it: it was
    /// kept, not overwritten (`--force` overwrites).
    pub hand_edited: bool,
    pub counts: Counts,
    pub functions: Vec<FnReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct FnReport {
    pub zig_name: String,
    pub rust_path: String,
    pub zig_line: u32,
    pub status: FnStatus,
    /// Reasons of its `TODO(port)` markers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub todos: Vec<String>,
    /// Module functions it calls that are not clean.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocked_by: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
}

/// A function that compiles without markers but calls an unported module
/// function is not clean: it is `todo`, blocked by that callee. Repeats
/// until nothing changes, so blocking flows up the call graph.
fn block_callers_of_unported(reports: &mut [FnReport], translations: &[FnTranslation]) {
    loop {
        let not_clean: std::collections::HashSet<String> = reports
            .iter()
            .filter(|r| r.status != FnStatus::Clean)
            .map(|r| r.rust_path.clone())
            .collect();
        let mut changed = false;
        for (report, t) in reports.iter_mut().zip(translations) {
            if report.status != FnStatus::Clean {
                continue;
            }
            let blocked: Vec<String> = t
                .calls
                .iter()
                .filter(|c| not_clean.contains(*c))
                .cloned()
                .collect();
            if !blocked.is_empty() {
                report.status = FnStatus::Todo;
                report.blocked_by = blocked;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FnStatus {
    Clean,
    Todo,
    Error,
}

#[derive(Debug, thiserror::Error)]
pub enum TranslateError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> TranslateError + '_ {
    move |source| TranslateError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Translates `units` into the crate at `out` (created or refreshed), then
/// checks it. `on_file` is called after each file is translated.
pub fn translate_units(
    units: &[SourceUnit],
    out: &Path,
    crate_name: &str,
    config: &TranslateConfig,
    run_check: bool,
    force: bool,
    on_file: &dyn Fn(&str),
) -> Result<TranslateReport, TranslateError> {
    let src = out.join("src");
    std::fs::create_dir_all(&src).map_err(io_err(&src))?;
    let mut parser = ZigParser::new();
    let mut files = Vec::new();
    let mut texts: BTreeMap<String, (String, Vec<FnTranslation>)> = BTreeMap::new();
    // `lib` and `main` are the crate's own files.
    let mut used_modules: std::collections::HashSet<String> =
        ["lib", "main"].iter().map(|s| s.to_string()).collect();
    for unit in units {
        on_file(&unit.display);
        let mut module = module_name(&unit.display);
        while !used_modules.insert(module.clone()) {
            module.push('_');
        }
        let report = match std::fs::read(&unit.path) {
            Err(e) => failed(unit, &module, format!("cannot read: {e}")),
            Ok(bytes) => {
                let source = String::from_utf8_lossy(&bytes);
                let parsed = parse_source(&mut parser, &source);
                let translation = translate_module(&parsed.file, &source, &unit.display, config);
                match emit_module(&translation, &unit.display, source.lines().count()) {
                    Ok(emitted) => {
                        let counts = Counts {
                            functions: translation.functions.len(),
                            todo_markers: emitted.todos,
                            unsafe_blocks: translation.unsafe_blocks,
                            ..Counts::default()
                        };
                        texts.insert(module.clone(), (emitted.text, translation.functions));
                        FileReport {
                            zig: unit.display.clone(),
                            module: module.clone(),
                            parses: true,
                            hand_edited: false,
                            counts,
                            functions: Vec::new(),
                            failure: None,
                        }
                    }
                    Err(e) => failed(unit, &module, e),
                }
            }
        };
        files.push(report);
    }
    // Nothing a user wrote is lost: a module file whose content is not
    // what zigport last wrote is kept (unless `force`).
    let previous = read_port_manifest(out);
    let mut hand_edited = std::collections::BTreeSet::new();
    for (module, (text, _)) in texts.iter_mut() {
        let path = out.join("src").join(format!("{module}.rs"));
        let Ok(on_disk) = std::fs::read_to_string(&path) else {
            continue;
        };
        let ours = previous
            .get(module)
            .is_some_and(|sha| *sha == sha256(&on_disk));
        if on_disk != *text && !ours && !force {
            hand_edited.insert(module.clone());
            *text = on_disk; // classify what is really there
        }
    }
    for file in &mut files {
        file.hand_edited = hand_edited.contains(&file.module);
    }
    write_crate(out, crate_name, &texts, &hand_edited)?;
    let diagnostics = if run_check { cargo_clippy(out) } else { None };
    let checked = diagnostics.is_some();
    let diagnostics = diagnostics.unwrap_or_default();
    let mut errors_outside_functions = 0;
    let mut by_module: BTreeMap<&str, Vec<&RustcMessage>> = BTreeMap::new();
    for d in diagnostics.iter().filter(|d| d.level == "error") {
        match d
            .file
            .strip_prefix("src/")
            .and_then(|f| f.strip_suffix(".rs"))
        {
            Some(m) => by_module.entry(m).or_default().push(d),
            None => errors_outside_functions += 1,
        }
    }
    for file in &mut files {
        let Some((text, functions)) = texts.get(&file.module) else {
            continue;
        };
        let ranges = fn_line_ranges(text);
        let errors = by_module.remove(file.module.as_str()).unwrap_or_default();
        let mut attributed = vec![false; errors.len()];
        for f in functions {
            let range = ranges.get(&f.rust_path);
            let fn_errors: Vec<String> = errors
                .iter()
                .enumerate()
                .filter(|(_, e)| range.is_some_and(|(a, b)| (*a..=*b).contains(&e.line)))
                .map(|(i, e)| {
                    attributed[i] = true;
                    format!("{}:{}: {}", e.line, e.column, e.message)
                })
                .collect();
            let status = if !fn_errors.is_empty() {
                FnStatus::Error
            } else if !f.todo_reasons.is_empty() || range.is_none() {
                FnStatus::Todo
            } else {
                FnStatus::Clean
            };
            file.functions.push(FnReport {
                zig_name: f.zig_name.clone(),
                rust_path: f.rust_path.clone(),
                zig_line: f.zig_line,
                status,
                todos: f.todo_reasons.clone(),
                blocked_by: Vec::new(),
                errors: fn_errors,
            });
        }
        errors_outside_functions += attributed.iter().filter(|a| !**a).count();
        block_callers_of_unported(&mut file.functions, functions);
        for f in &file.functions {
            match f.status {
                FnStatus::Clean => file.counts.clean += 1,
                FnStatus::Todo => file.counts.todo += 1,
                FnStatus::Error => file.counts.error += 1,
            }
        }
    }
    let hashes: BTreeMap<String, String> = texts
        .iter()
        .map(|(m, (text, _))| {
            // A kept file keeps the hash of what zigport last wrote, so it
            // stays hand-edited until `--force`.
            let sha = match (hand_edited.contains(m), previous.get(m)) {
                (true, Some(sha)) => sha.clone(),
                (true, None) => String::new(),
                (false, _) => sha256(text),
            };
            (m.clone(), sha)
        })
        .collect();
    write_port_manifest(out, units, &files, &hashes)?;
    let mut totals = Counts::default();
    for f in &files {
        totals.functions += f.counts.functions;
        totals.clean += f.counts.clean;
        totals.todo += f.counts.todo;
        totals.error += f.counts.error;
        totals.todo_markers += f.counts.todo_markers;
        totals.unsafe_blocks += f.counts.unsafe_blocks;
    }
    Ok(TranslateReport {
        crate_dir: out.display().to_string(),
        totals,
        files,
        clippy_warnings: diagnostics.iter().filter(|d| d.level == "warning").count(),
        errors_outside_functions,
        checked,
    })
}

/// `zigport-port.json` in the crate: which Zig file each module ports and
/// the status of each function, for `verify` (and, later, the gate).
pub const PORT_MANIFEST: &str = "zigport-port.json";

#[derive(Debug, Serialize, serde::Deserialize)]
pub struct PortManifest {
    pub modules: Vec<PortedModule>,
}

#[derive(Debug, Serialize, serde::Deserialize)]
pub struct PortedModule {
    pub module: String,
    pub zig: PathBuf,
    pub display: String,
    /// SHA-256 of the Rust zigport last wrote for this module.
    #[serde(default)]
    pub rust_sha256: String,
    pub functions: Vec<PortedFunction>,
}

#[derive(Debug, Serialize, serde::Deserialize)]
pub struct PortedFunction {
    pub zig_name: String,
    pub rust_path: String,
    pub status: FnStatus,
}

fn write_port_manifest(
    out: &Path,
    units: &[SourceUnit],
    files: &[FileReport],
    hashes: &BTreeMap<String, String>,
) -> Result<(), TranslateError> {
    let modules = units
        .iter()
        .zip(files)
        .filter(|(_, f)| f.parses)
        .map(|(u, f)| PortedModule {
            module: f.module.clone(),
            zig: std::path::absolute(&u.path).unwrap_or_else(|_| u.path.clone()),
            display: u.display.clone(),
            rust_sha256: hashes.get(&f.module).cloned().unwrap_or_default(),
            functions: f
                .functions
                .iter()
                .map(|r| PortedFunction {
                    zig_name: r.zig_name.clone(),
                    rust_path: r.rust_path.clone(),
                    status: r.status,
                })
                .collect(),
        })
        .collect();
    let text = serde_json::to_string_pretty(&PortManifest { modules }).unwrap_or_default();
    write_if_changed(&out.join(PORT_MANIFEST), &text)
}

/// Module → hash of what zigport last wrote, from the crate's manifest.
fn read_port_manifest(out: &Path) -> BTreeMap<String, String> {
    std::fs::read_to_string(out.join(PORT_MANIFEST))
        .ok()
        .and_then(|t| serde_json::from_str::<PortManifest>(&t).ok())
        .map(|m| {
            m.modules
                .into_iter()
                .map(|p| (p.module, p.rust_sha256))
                .collect()
        })
        .unwrap_or_default()
}

fn sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn failed(unit: &SourceUnit, module: &str, reason: String) -> FileReport {
    FileReport {
        zig: unit.display.clone(),
        module: module.to_string(),
        parses: false,
        hand_edited: false,
        counts: Counts::default(),
        functions: Vec::new(),
        failure: Some(reason),
    }
}

fn write_crate(
    out: &Path,
    crate_name: &str,
    modules: &BTreeMap<String, (String, Vec<FnTranslation>)>,
    keep: &std::collections::BTreeSet<String>,
) -> Result<(), TranslateError> {
    let manifest = format!(
        "[package]\nname = \"{crate_name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         # Generated by zigport. Parity runs need Zig's safety checks: keep\n\
         # overflow checks on in every profile.\n\
         [profile.release]\noverflow-checks = true\n\n[workspace]\n"
    );
    write_if_changed(&out.join("Cargo.toml"), &manifest)?;
    let mut lib = String::from("//! Generated by zigport: one module per Zig file.\n\n");
    for name in modules.keys() {
        lib.push_str(&format!("pub mod {name};\n"));
    }
    write_if_changed(&out.join("src/lib.rs"), &lib)?;
    for (name, (text, _)) in modules.iter().filter(|(name, _)| !keep.contains(*name)) {
        write_if_changed(&out.join("src").join(format!("{name}.rs")), text)?;
    }
    Ok(())
}

/// Leaves unchanged files untouched so cargo's incremental check stays cheap.
fn write_if_changed(path: &Path, text: &str) -> Result<(), TranslateError> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(io_err(path))
}

#[derive(Debug)]
struct RustcMessage {
    level: String,
    file: String,
    line: usize,
    column: usize,
    message: String,
}

/// Runs `cargo clippy --message-format=json` in the crate; `None` if cargo
/// could not be run at all.
fn cargo_clippy(crate_dir: &Path) -> Option<Vec<RustcMessage>> {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "clippy",
            "--quiet",
            "--all-targets",
            "--message-format=json",
        ])
        .current_dir(crate_dir)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let mut out = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if v["reason"] != "compiler-message" {
            continue;
        }
        let msg = &v["message"];
        let level = msg["level"].as_str().unwrap_or("").to_string();
        if level != "error" && level != "warning" {
            continue;
        }
        let Some(span) = msg["spans"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["is_primary"] == true))
        else {
            // Summary lines ("aborting due to ...") have no span.
            continue;
        };
        out.push(RustcMessage {
            level,
            file: span["file_name"].as_str().unwrap_or("").to_string(),
            line: span["line_start"].as_u64().unwrap_or(0) as usize,
            column: span["column_start"].as_u64().unwrap_or(0) as usize,
            message: msg["message"].as_str().unwrap_or("").to_string(),
        });
    }
    Some(out)
}

/// Line ranges (1-based, inclusive) of every function in emitted Rust,
/// keyed like [`FnTranslation::rust_path`]: `f`, `Type::f`, `tests::f`.
pub fn fn_line_ranges(text: &str) -> BTreeMap<String, (usize, usize)> {
    let mut out = BTreeMap::new();
    let Ok(file) = syn::parse_file(text) else {
        return out;
    };
    let range = |span: proc_macro2::Span| (span.start().line, span.end().line);
    for item in &file.items {
        match item {
            syn::Item::Fn(f) => {
                out.insert(unraw(&f.sig.ident), range(syn::spanned::Spanned::span(f)));
            }
            syn::Item::Impl(imp) => {
                let ty = match imp.self_ty.as_ref() {
                    syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
                    _ => None,
                };
                let Some(ty) = ty else { continue };
                for ii in &imp.items {
                    if let syn::ImplItem::Fn(f) = ii {
                        out.insert(
                            format!("{ty}::{}", unraw(&f.sig.ident)),
                            range(syn::spanned::Spanned::span(f)),
                        );
                    }
                }
            }
            syn::Item::Mod(m) => {
                for inner in m.content.iter().flat_map(|(_, items)| items) {
                    if let syn::Item::Fn(f) = inner {
                        out.insert(
                            format!("{}::{}", m.ident, unraw(&f.sig.ident)),
                            range(syn::spanned::Spanned::span(f)),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn unraw(ident: &proc_macro2::Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map(str::to_string).unwrap_or(s)
}

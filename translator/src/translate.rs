//! `translate`: Zig files → a Rust crate, checked by `cargo clippy`, with
//! every function classified as clean, todo or error.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Serialize;

use crate::config::TranslateConfig;
use crate::emit::{emit_module, module_name, with_shim_hook, without_shim_hook};
use crate::index::{DeclaredFn, FnPlace, declared_fns};
use crate::rules::{
    CrateContext, FnTranslation, module_error_names, module_imports, module_interface,
    translate_module_in,
};
use crate::stub::{self, ModuleError, Planned, StubSummary};
use crate::syntax::ir::SourceFile;
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
    /// What was stubbed or commented out so that the crate builds.
    pub stubbing: StubSummary,
    /// rustc errors left after stubbing: the crate does not build. Empty
    /// when it builds (or was not checked).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub build_errors: Vec<BuildError>,
}

/// A rustc error left in the crate, where the crate's files have it.
#[derive(Debug, Clone, Serialize)]
pub struct BuildError {
    /// Relative to the crate directory (`src/m.rs`).
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// In a module edited by hand, which zigport does not stub.
    pub hand_edited: bool,
}

#[derive(Debug, Default, Clone, Copy, Serialize, serde::Deserialize, PartialEq, Eq)]
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
    /// `PERF(port)` notes a call of it runs into: in its body and in the
    /// module functions it calls, transitively (why it may be slower).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub perf_notes: Vec<String>,
}

/// [`FnReport::perf_notes`] of every function of a module: the
/// `// PERF(port): ...` lines inside its line range of `text`, plus those
/// of its module callees (`FnTranslation::calls`), each note once.
fn perf_notes_by_function(
    text: &str,
    ranges: &BTreeMap<String, (usize, usize)>,
    translations: &[FnTranslation],
) -> BTreeMap<String, Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let own = |path: &str| -> Vec<String> {
        let Some(&(start, end)) = ranges.get(path) else {
            return Vec::new();
        };
        lines
            .get(start.saturating_sub(1)..end.min(lines.len()))
            .unwrap_or_default()
            .iter()
            .filter_map(|l| l.trim().strip_prefix("// "))
            .filter(|l| l.starts_with("PERF(port)"))
            .map(str::to_string)
            .collect()
    };
    let calls: BTreeMap<&str, &[String]> = translations
        .iter()
        .map(|t| (t.rust_path.as_str(), t.calls.as_slice()))
        .collect();
    let mut out = BTreeMap::new();
    for t in translations {
        let mut seen = BTreeSet::from([t.rust_path.as_str()]);
        let mut todo = vec![t.rust_path.as_str()];
        let mut notes: Vec<String> = Vec::new();
        while let Some(path) = todo.pop() {
            for note in own(path) {
                if !notes.contains(&note) {
                    notes.push(note);
                }
            }
            for callee in calls.get(path).copied().unwrap_or_default() {
                if seen.insert(callee.as_str()) {
                    todo.push(callee.as_str());
                }
            }
        }
        out.insert(t.rust_path.clone(), notes);
    }
    out
}

/// [`declared_fns`] of `file` with the line each starts on (1-based, as
/// [`FnTranslation::zig_line`] counts).
fn declared_fns_with_lines(file: &SourceFile, source: &str) -> Vec<(DeclaredFn, u32)> {
    declared_fns(file)
        .into_iter()
        .map(|f| {
            let upto = source.get(..f.span.start as usize).unwrap_or("");
            let line = upto.bytes().filter(|&b| b == b'\n').count() as u32 + 1;
            (f, line)
        })
        .collect()
}

/// Why a translated function is not in its module's final text: the
/// stubbing commented out the item holding it (its type, its `impl`), and
/// the stub comment above that item says what did not compile.
fn missing_fn_reason(text: &str, rust_path: &str) -> String {
    let name = rust_path.rsplit("::").next().unwrap_or(rust_path);
    let lines: Vec<&str> = text.lines().collect();
    let definition = lines.iter().position(|l| {
        let l = l.trim_start();
        l.starts_with("//")
            && l.trim_start_matches('/')
                .trim_start()
                .trim_start_matches("pub ")
                .starts_with(&format!("fn {name}("))
    });
    let stub_comment = definition.and_then(|at| {
        lines[..at].iter().rev().find_map(|l| {
            let l = l.trim_start().strip_prefix("// ")?;
            l.strip_prefix(crate::stub::STUB_MARKER)
                .map(|rest| rest.trim_start_matches(':').trim().to_string())
        })
    });
    match stub_comment {
        Some(why) => format!("the item holding it was commented out: does not compile: {why}"),
        None => "not in the module: the item holding it did not survive the stubbing".to_string(),
    }
}

/// The declared functions no translation covers (matched by line and
/// name: every instance of a generic function shares its declaration's),
/// as `todo` outcomes that say why the rules did not reach them.
fn untranslated_fns(declared: &[(DeclaredFn, u32)], translated: &[FnTranslation]) -> Vec<FnReport> {
    let covered: BTreeSet<(&str, u32)> = translated
        .iter()
        .map(|t| (t.zig_name.as_str(), t.zig_line))
        .collect();
    declared
        .iter()
        .filter(|(f, line)| !covered.contains(&(f.name.as_str(), *line)))
        .map(|(f, line)| FnReport {
            zig_name: f.name.clone(),
            rust_path: String::new(),
            zig_line: *line,
            status: FnStatus::Todo,
            todos: vec![
                match f.place {
                    FnPlace::TopLevel | FnPlace::NestedType => {
                        "not translated: no rule emitted this function"
                    }
                    FnPlace::TypeConstructor => {
                        "not translated: a function of a type built by a type constructor the rules did not expand"
                    }
                    FnPlace::LocalType => {
                        "not translated: a function of a type declared inside a function or test body"
                    }
                }
                .to_string(),
            ],
            blocked_by: Vec::new(),
            errors: Vec::new(),
            perf_notes: Vec::new(),
        })
        .collect()
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

/// A unit's IR: its own, or, for one of std's files when translating std
/// itself, the copy the semantic model's std reads (parsed once for both).
enum UnitIr {
    Own(SourceFile),
    Std(&'static SourceFile),
}

impl std::ops::Deref for UnitIr {
    type Target = SourceFile;

    fn deref(&self) -> &SourceFile {
        match self {
            UnitIr::Own(file) => file,
            UnitIr::Std(file) => file,
        }
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
    let mut used_modules: std::collections::HashSet<String> = ["lib", "main", RUNTIME_MODULE]
        .iter()
        .map(|s| s.to_string())
        .collect();
    // Parse everything first: each module's translation knows the crate's
    // module names and the other modules' error names.
    let mut parsed_units = Vec::new();
    let mut context = CrateContext::default();
    // Every `fn` declaration of each module, so functions no rule reached
    // are counted too.
    let mut declared: BTreeMap<String, Vec<(DeclaredFn, u32)>> = BTreeMap::new();
    for unit in units {
        let mut module = module_name(&unit.display);
        while !used_modules.insert(module.clone()) {
            module.push('_');
        }
        let std_home = config
            .std_lib
            .as_ref()
            .and_then(|std| Some((std, std.home_of(&unit.path)?)));
        let parsed = std::fs::read(&unit.path).map(|bytes| {
            let source = String::from_utf8_lossy(&bytes).into_owned();
            let file = parse_source(&mut parser, &source).file;
            let ir = match &std_home {
                Some((std, home)) => UnitIr::Std(std.adopt(home, file)),
                None => UnitIr::Own(file),
            };
            (source, ir)
        });
        if let Ok((_, parsed)) = &parsed
            && let Some(names) = module_error_names(parsed)
        {
            context.module_errors.insert(module.clone(), names);
        }
        if let Some((_, home)) = std_home {
            context.std_homes.insert(unit.display.clone(), home);
        }
        context
            .modules
            .insert(unit.display.replace('\\', "/"), module.clone());
        parsed_units.push((unit, module, parsed));
    }
    // An importer's `Error` holds its imports' errors, transitively (each
    // converts from the enums of the modules it imports).
    let imports: Vec<(String, Vec<String>)> = parsed_units
        .iter()
        .filter_map(|(unit, module, parsed)| {
            let (_, parsed) = parsed.as_ref().ok()?;
            Some((
                module.clone(),
                module_imports(parsed, &unit.display, &context),
            ))
        })
        .collect();
    loop {
        let mut changed = false;
        for (module, imported) in &imports {
            if !context.module_errors.contains_key(module) {
                continue;
            }
            let inherited: Vec<String> = imported
                .iter()
                .filter_map(|m| context.module_errors.get(m))
                .flatten()
                .cloned()
                .collect();
            if let Some(own) = context.module_errors.get_mut(module) {
                for name in inherited {
                    changed |= own.insert(name);
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Interfaces second: they may name imports, which the context resolves.
    for (unit, module, parsed) in &parsed_units {
        if let Ok((source, parsed)) = parsed {
            let interface = module_interface(parsed, source, &unit.display, config, &context);
            context.module_fns.insert(module.clone(), interface);
        }
    }
    for (unit, module, parsed) in parsed_units {
        on_file(&unit.display);
        let report = match parsed {
            Err(e) => failed(unit, &module, format!("cannot read: {e}")),
            Ok((source, parsed)) => {
                let translation =
                    translate_module_in(&parsed, &source, &unit.display, config, &context);
                declared.insert(module.clone(), declared_fns_with_lines(&parsed, &source));
                match emit_module(&translation, &unit.display, source.lines().count()) {
                    Ok(emitted) => {
                        let counts = Counts {
                            functions: translation.functions.len(),
                            todo_markers: emitted.todos,
                            unsafe_blocks: translation.unsafe_blocks,
                            ..Counts::default()
                        };
                        texts.insert(
                            module.clone(),
                            (with_shim_hook(&emitted.text), translation.functions),
                        );
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
        // (The shim hook `verify` adds to a module is not an edit.)
        let ours = previous.get(module).is_some_and(|sha| {
            *sha == sha256(&on_disk) || *sha == sha256(without_shim_hook(&on_disk))
        });
        if on_disk != *text && !ours && !force {
            hand_edited.insert(module.clone());
            *text = on_disk; // classify what is really there
        }
    }
    for file in &mut files {
        file.hand_edited = hand_edited.contains(&file.module);
    }
    write_crate(out, crate_name, &texts, &hand_edited)?;
    // Functions rustc rejects keep their signature and get a `todo!` body
    // (with the error as the marker), so the rest of the crate still
    // compiles and can be verified. They stay classified `error`.
    let mut diagnostics = if run_check { cargo_clippy(out) } else { None };
    // For rule authors: the rules' output before any stubbing, where the
    // error positions of the JSON report point.
    if let Ok(dir) = std::env::var("ZIGPORT_KEEP_UNSTUBBED") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        for (module, (text, _)) in &texts {
            std::fs::write(dir.join(format!("{module}.rs")), text).map_err(io_err(dir))?;
        }
    }
    let checked = diagnostics.is_some();
    let mut fn_errors: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut stubbing = StubSummary::default();
    if let Some(current) = diagnostics.take() {
        let (last, errors) = stub_until_it_builds(
            out,
            crate_name,
            &mut texts,
            &hand_edited,
            current,
            &mut stubbing,
        )?;
        fn_errors = errors;
        diagnostics = Some(last);
    }
    let mut diagnostics = diagnostics.unwrap_or_default();
    let (remaining, errors_outside_functions) = attribute_errors(&diagnostics, &texts);
    for (key, errors) in remaining {
        fn_errors.entry(key).or_insert(errors);
    }
    for file in &mut files {
        let Some((text, functions)) = texts.get(&file.module) else {
            continue;
        };
        let ranges = fn_line_ranges(text);
        let mut perf_notes = perf_notes_by_function(text, &ranges, functions);
        for f in functions {
            let errors = fn_errors
                .get(&(file.module.clone(), f.rust_path.clone()))
                .cloned()
                .unwrap_or_default();
            let status = if !errors.is_empty() {
                FnStatus::Error
            } else if !f.todo_reasons.is_empty() || !ranges.contains_key(&f.rust_path) {
                FnStatus::Todo
            } else {
                FnStatus::Clean
            };
            let mut todos = f.todo_reasons.clone();
            if todos.is_empty() && errors.is_empty() && !ranges.contains_key(&f.rust_path) {
                todos.push(missing_fn_reason(text, &f.rust_path));
            }
            file.functions.push(FnReport {
                zig_name: f.zig_name.clone(),
                rust_path: f.rust_path.clone(),
                zig_line: f.zig_line,
                status,
                todos,
                blocked_by: Vec::new(),
                errors,
                perf_notes: perf_notes.remove(&f.rust_path).unwrap_or_default(),
            });
        }
        block_callers_of_unported(&mut file.functions, functions);
        let untranslated = untranslated_fns(
            declared.get(&file.module).map_or(&[][..], Vec::as_slice),
            functions,
        );
        file.counts.functions += untranslated.len();
        file.functions.extend(untranslated);
        for f in &file.functions {
            match f.status {
                FnStatus::Clean => file.counts.clean += 1,
                FnStatus::Todo => file.counts.todo += 1,
                FnStatus::Error => file.counts.error += 1,
            }
        }
        file.counts.todo_markers += text.matches("TODO(port): does not compile").count() / 2;
    }
    // Idioms the rules leave to rustc and clippy (redundant parentheses,
    // `== None`, a final `return`): their machine-applicable fixes.
    if checked && !has_errors(&diagnostics) && !config.no_polish {
        on_file("polishing with cargo clippy --fix");
        let polished = polish(out, &texts, &hand_edited);
        if !polished.is_empty() {
            let mut before = BTreeMap::new();
            for (module, text) in polished {
                if let Some((t, _)) = texts.get_mut(&module) {
                    before.insert(module, std::mem::replace(t, text));
                }
            }
            write_crate(out, crate_name, &texts, &hand_edited)?;
            let after = cargo_clippy(out).unwrap_or_default();
            if has_errors(&after) {
                // The fixes broke what built: the unpolished crate stays.
                for (module, text) in before {
                    if let Some((t, _)) = texts.get_mut(&module) {
                        *t = text;
                    }
                }
                write_crate(out, crate_name, &texts, &hand_edited)?;
            } else {
                diagnostics = after;
            }
        }
    }
    let build_errors = if checked {
        build_errors(&diagnostics, &hand_edited)
    } else {
        Vec::new()
    };
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
        stubbing,
        build_errors,
    })
}

fn has_errors(diagnostics: &[RustcMessage]) -> bool {
    diagnostics.iter().any(|d| d.level == "error")
}

/// The errors left in the crate, each once (clippy repeats some).
fn build_errors(diagnostics: &[RustcMessage], hand_edited: &BTreeSet<String>) -> Vec<BuildError> {
    let mut seen = std::collections::HashSet::new();
    diagnostics
        .iter()
        .filter(|d| d.level == "error")
        .filter(|d| seen.insert((&d.file, d.line, d.column, &d.message)))
        .map(|d| BuildError {
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            message: d.message.clone(),
            hand_edited: d
                .file
                .strip_prefix("src/")
                .and_then(|f| f.strip_suffix(".rs"))
                .is_some_and(|m| hand_edited.contains(m)),
        })
        .collect()
}

/// The crate's runtime module (`src/zigport_rt/`): `runtime/` here, plus
/// the Zig-exact twins of the `zigport-support` crate, verbatim.
pub const RUNTIME_MODULE: &str = "zigport_rt";
const RUNTIME_FILES: [(&str, &str); 14] = [
    ("mod.rs", include_str!("runtime/mod.rs")),
    ("atomic.rs", include_str!("runtime/atomic.rs")),
    ("map.rs", include_str!("runtime/map.rs")),
    ("bitset.rs", include_str!("runtime/bitset.rs")),
    ("mem.rs", include_str!("runtime/mem.rs")),
    ("fmt.rs", include_str!("runtime/fmt.rs")),
    ("io.rs", include_str!("runtime/io.rs")),
    ("split.rs", include_str!("runtime/split.rs")),
    ("ascii.rs", include_str!("../../support/src/ascii.rs")),
    ("wyhash.rs", include_str!("../../support/src/wyhash.rs")),
    // `std.fmt.parseInt` & co.: the support twin the harness verifies.
    ("parse.rs", include_str!("../../support/src/fmt.rs")),
    ("unicode.rs", include_str!("../../support/src/unicode.rs")),
    ("random.rs", include_str!("../../support/src/random.rs")),
    ("base64.rs", include_str!("../../support/src/base64.rs")),
];

/// A crate of hand-given modules after [`stub_crate`].
#[derive(Debug)]
pub struct StubbedCrate {
    /// Module name → its Rust as written after stubbing.
    pub modules: BTreeMap<String, String>,
    pub stubbing: StubSummary,
    /// What still fails (empty: the crate builds).
    pub build_errors: Vec<BuildError>,
}

/// Writes `modules` (module name → Rust) at `out` as `translate_units`
/// writes a crate (runtime included), checks it with `cargo clippy` and
/// stubs what fails, as `translate_units` does with what the rules emit.
/// `None` when cargo could not be run.
pub fn stub_crate(
    out: &Path,
    crate_name: &str,
    modules: &BTreeMap<String, String>,
) -> Result<Option<StubbedCrate>, TranslateError> {
    let mut texts: BTreeMap<String, (String, Vec<FnTranslation>)> = modules
        .iter()
        .map(|(m, text)| (m.clone(), (text.clone(), Vec::new())))
        .collect();
    let none = BTreeSet::new();
    let src = out.join("src");
    std::fs::create_dir_all(&src).map_err(io_err(&src))?;
    write_crate(out, crate_name, &texts, &none)?;
    let Some(diagnostics) = cargo_clippy(out) else {
        return Ok(None);
    };
    let mut stubbing = StubSummary::default();
    let (last, _) = stub_until_it_builds(
        out,
        crate_name,
        &mut texts,
        &none,
        diagnostics,
        &mut stubbing,
    )?;
    Ok(Some(StubbedCrate {
        modules: texts.into_iter().map(|(m, (text, _))| (m, text)).collect(),
        stubbing,
        build_errors: build_errors(&last, &none),
    }))
}

/// Rounds of "stub what rustc rejects, check again" (stubbing can surface
/// errors that the first ones hid). Every round changes the text, and each
/// change moves an item one step down the ladder of `stub`, so the loop
/// ends when nothing is left to stub; the bound is a backstop.
const MAX_STUB_ROUNDS: usize = 48;

/// Stubs what rustc rejects (see [`crate::stub`]) and checks again until
/// the crate builds or nothing more can be stubbed. Hand-edited modules
/// are never touched. Returns the last diagnostics and the errors each
/// translated function had before it was stubbed.
#[allow(clippy::type_complexity)]
fn stub_until_it_builds(
    out: &Path,
    crate_name: &str,
    texts: &mut BTreeMap<String, (String, Vec<FnTranslation>)>,
    hand_edited: &BTreeSet<String>,
    mut diagnostics: Vec<RustcMessage>,
    summary: &mut StubSummary,
) -> Result<(Vec<RustcMessage>, BTreeMap<(String, String), Vec<String>>), TranslateError> {
    let mut fn_errors: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for _ in 0..MAX_STUB_ROUNDS {
        let mut by_module: BTreeMap<&str, Vec<ModuleError>> = BTreeMap::new();
        for d in diagnostics.iter().filter(|d| d.level == "error") {
            let Some(module) = d
                .file
                .strip_prefix("src/")
                .and_then(|f| f.strip_suffix(".rs"))
            else {
                continue;
            };
            if hand_edited.contains(module) {
                continue;
            }
            by_module.entry(module).or_default().push(ModuleError {
                line: d.line,
                column: d.column,
                message: d.message.clone(),
            });
        }
        let planned: Vec<(&str, Planned)> = by_module
            .into_iter()
            .filter_map(|(module, errors)| {
                let (text, _) = texts.get(module)?;
                Some((module, stub::plan(text, &errors)))
            })
            .collect();
        // The functions' errors as they are when they are stubbed (a
        // module's functions wait while its items go).
        let (attributed, _) = attribute_errors(&diagnostics, texts);
        for ((module, path), errors) in attributed {
            if planned
                .iter()
                .any(|(m, p)| *m == module && p.stubs_functions())
                || hand_edited.contains(&module)
            {
                fn_errors.entry((module, path)).or_insert(errors);
            }
        }
        let mut patched = false;
        for (module, planned) in planned {
            let Some((text, _)) = texts.get_mut(module) else {
                continue;
            };
            if let Some(stubbed) = planned.apply(text, summary) {
                *text = stubbed;
                patched = true;
            }
        }
        if !patched {
            break;
        }
        write_crate(out, crate_name, texts, hand_edited)?;
        summary.rounds += 1;
        match cargo_clippy(out) {
            Some(d) => diagnostics = d,
            None => break,
        }
    }
    Ok((diagnostics, fn_errors))
}

/// rustc errors per `(module, function)`, and how many fall outside every
/// function (types, constants, imports).
fn attribute_errors(
    diagnostics: &[RustcMessage],
    texts: &BTreeMap<String, (String, Vec<FnTranslation>)>,
) -> (BTreeMap<(String, String), Vec<String>>, usize) {
    let mut attributed: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut outside = 0;
    let mut seen = std::collections::HashSet::new();
    for d in diagnostics.iter().filter(|d| d.level == "error") {
        // clippy reports some errors twice (check and lint passes).
        if !seen.insert((d.file.clone(), d.line, d.column, d.message.clone())) {
            continue;
        }
        let module = d
            .file
            .strip_prefix("src/")
            .and_then(|f| f.strip_suffix(".rs"));
        let Some((module, (text, functions))) = module.and_then(|m| texts.get_key_value(m)) else {
            outside += 1;
            continue;
        };
        let ranges = fn_line_ranges(text);
        let owner = functions.iter().find(|f| {
            ranges
                .get(&f.rust_path)
                .is_some_and(|(a, b)| (*a..=*b).contains(&d.line))
        });
        match owner {
            Some(f) => attributed
                .entry((module.clone(), f.rust_path.clone()))
                .or_default()
                .push(format!("{}:{}: {}", d.line, d.column, d.message)),
            None => outside += 1,
        }
    }
    (attributed, outside)
}

/// `text` parsed as a Rust file, for `read` to take what it needs (lines,
/// names) out of it. proc-macro2's `span-locations` (which gives syn's
/// spans their lines) keeps every parsed text in a per-thread map with
/// 32-bit offsets that a long run exhausts (translating the whole std with
/// checks panicked after ~950 s) and never frees; the map is cleared when
/// the outermost reader returns, when no span of it can be used again.
pub fn read_rust_file<T>(text: &str, read: impl FnOnce(&syn::File) -> T) -> Option<T> {
    use std::cell::Cell;
    thread_local!(static READERS: Cell<usize> = const { Cell::new(0) });
    READERS.with(|n| n.set(n.get() + 1));
    let result = syn::parse_file(text).ok().map(|file| read(&file));
    READERS.with(|n| {
        n.set(n.get() - 1);
        if n.get() == 0 {
            proc_macro2::extra::invalidate_current_thread_spans();
        }
    });
    result
}

/// `zigport-port.json` in the crate: which Zig file each module ports and
/// the status of each function, for `verify` (and, later, the gate).
pub const PORT_MANIFEST: &str = "zigport-port.json";

#[derive(Debug, Serialize, serde::Deserialize)]
pub struct PortManifest {
    pub modules: Vec<PortedModule>,
}

/// `path` relative to `base` (both made absolute first), so files that
/// record it name no machine; absolute when they share nothing.
pub fn relative_path(path: &Path, base: &Path) -> PathBuf {
    let (Ok(path), Ok(base)) = (std::path::absolute(path), std::path::absolute(base)) else {
        return path.to_path_buf();
    };
    let common = path
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    if common <= 1 {
        return path;
    }
    let mut out = PathBuf::new();
    for _ in common..base.components().count() {
        out.push("..");
    }
    for c in path.components().skip(common) {
        out.push(c);
    }
    out
}

impl PortedModule {
    /// The Zig file, resolved against the crate directory `krate`.
    pub fn zig_path(&self, krate: &Path) -> PathBuf {
        krate.join(&self.zig)
    }
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
    /// Its declaration's line in the Zig file (0 in manifests written
    /// before it was recorded).
    #[serde(default)]
    pub zig_line: u32,
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
            zig: relative_path(&u.path, out),
            display: u.display.clone(),
            rust_sha256: hashes.get(&f.module).cloned().unwrap_or_default(),
            functions: f
                .functions
                .iter()
                .map(|r| PortedFunction {
                    zig_name: r.zig_name.clone(),
                    rust_path: r.rust_path.clone(),
                    zig_line: r.zig_line,
                    status: r.status,
                })
                .collect(),
        })
        .collect();
    let text = serde_json::to_string_pretty(&PortManifest { modules }).unwrap_or_default();
    write_if_changed(&out.join(PORT_MANIFEST), &text)
}

/// Module → hash of what zigport last wrote, from the crate's manifest.
/// Module → SHA-256 of the Rust zigport last wrote for it.
pub fn read_port_manifest(out: &Path) -> BTreeMap<String, String> {
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
    keep: &BTreeSet<String>,
) -> Result<(), TranslateError> {
    let manifest = format!(
        "[package]\nname = \"{crate_name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         # Generated by zigport. Parity runs need Zig's safety checks: keep\n\
         # overflow checks on in every profile.\n\
         [profile.release]\noverflow-checks = true\n\n\
         # `zigport verify` builds the crate with its shims (see `mod zigport_shims`).\n\
         [features]\nzigport-shims = []\n\n[workspace]\n"
    );
    write_if_changed(&out.join("Cargo.toml"), &manifest)?;
    let mut lib = String::from("//! Generated by zigport: one module per Zig file.\n\n");
    for name in modules.keys() {
        lib.push_str(&format!("pub mod {name};\n"));
    }
    lib.push_str(&format!(
        "\n/// Zig std semantics the port relies on (written by zigport).\nmod {RUNTIME_MODULE};\n"
    ));
    write_if_changed(&out.join("src/lib.rs"), &lib)?;
    // A Zig program's `pub fn main` becomes the crate's binary.
    // A top-level line, so a `main` commented out by the stub rounds (or
    // a nested one) is not taken for the entry point.
    let entry = modules.iter().find_map(|(name, (text, _))| {
        let declares = |sig: &str| text.lines().any(|l| l.starts_with(sig));
        let kind = if declares("pub fn main() -> u8 {") {
            EntryKind::ExitCode
        } else if declares("pub fn main() -> Result<(), Error> {") {
            EntryKind::ErrorUnion
        } else if declares("pub fn main() {") {
            EntryKind::Plain
        } else {
            return None;
        };
        Some((name, kind))
    });
    let main_rs = out.join("src/main.rs");
    match entry {
        Some((module, kind)) => {
            let lib_name = crate_name.replace('-', "_");
            let call = match kind {
                EntryKind::ExitCode => format!(
                    "    let code: u8 = {lib_name}::{module}::main();\n    std::process::exit(code.into());\n"
                ),
                EntryKind::ErrorUnion => format!(
                    "    if let Err(e) = {lib_name}::{module}::main() {{\n        eprintln!(\"error: {{}}\", e.name());\n        std::process::exit(1);\n    }}\n"
                ),
                EntryKind::Plain => format!("    {lib_name}::{module}::main();\n"),
            };
            let text = format!(
                "{MAIN_HEADER} `pub fn main` of the Zig module `{module}` (written by zigport).\n\nfn main() {{\n{call}}}\n"
            );
            if !main_is_users(&main_rs) {
                write_if_changed(&main_rs, &text)?;
            }
        }
        None if !main_is_users(&main_rs) => {
            let _ = std::fs::remove_file(&main_rs);
        }
        None => {}
    }
    let runtime = out.join("src").join(RUNTIME_MODULE);
    std::fs::create_dir_all(&runtime).map_err(io_err(&runtime))?;
    for (name, text) in RUNTIME_FILES {
        write_if_changed(&runtime.join(name), text)?;
    }
    // The single-file runtime of earlier versions would clash with the directory.
    let _ = std::fs::remove_file(out.join("src").join(format!("{RUNTIME_MODULE}.rs")));
    for (name, (text, _)) in modules.iter().filter(|(name, _)| !keep.contains(*name)) {
        write_if_changed(&out.join("src").join(format!("{name}.rs")), text)?;
    }
    Ok(())
}

/// How the `src/main.rs` zigport writes begins.
const MAIN_HEADER: &str = "//! The program's entry point:";

/// A `src/main.rs` zigport did not write: never overwritten or removed.
fn main_is_users(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| !t.starts_with(MAIN_HEADER))
}

/// The shapes of a Zig `pub fn main` the generated binary calls.
enum EntryKind {
    /// `fn main() u8`: the exit code.
    ExitCode,
    /// `fn main() !void`: an error prints its name and exits 1, as Zig.
    ErrorUnion,
    Plain,
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
/// `cargo clippy --fix` (machine-applicable suggestions only) on a
/// scratch copy of the crate: the generated modules that changed, by
/// module name. Hand-edited modules are never rewritten; a failure leaves
/// everything as the rules wrote it.
fn polish(
    out: &Path,
    texts: &BTreeMap<String, (String, Vec<FnTranslation>)>,
    hand_edited: &BTreeSet<String>,
) -> BTreeMap<String, String> {
    let mut polished = BTreeMap::new();
    let Ok(scratch) = tempfile::tempdir() else {
        return polished;
    };
    let copied = walkdir::WalkDir::new(out.join("src"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .chain(
            ["Cargo.toml", "Cargo.lock"]
                .iter()
                .filter_map(|f| walkdir::WalkDir::new(out.join(f)).into_iter().next()?.ok()),
        )
        .all(|e| {
            let Ok(rel) = e.path().strip_prefix(out) else {
                return false;
            };
            let to = scratch.path().join(rel);
            to.parent()
                .is_some_and(|p| std::fs::create_dir_all(p).is_ok())
                && std::fs::copy(e.path(), &to).is_ok()
        });
    if !copied {
        return polished;
    }
    // The crate may hold a model's code: cargo with a cleared environment.
    let fixed = crate::untrusted::cargo(scratch.path())
        .args([
            "clippy",
            "--fix",
            "--allow-no-vcs",
            "--allow-dirty",
            "--quiet",
            "--all-targets",
        ])
        // The crate's own target directory: dependencies stay built.
        .env("CARGO_TARGET_DIR", out.join("target"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !fixed {
        return polished;
    }
    // The fixes leave their own layout (a guard on its own line): rustfmt
    // lays the files out again, keeping the comments.
    let modules: Vec<std::path::PathBuf> = texts
        .keys()
        .filter(|m| !hand_edited.contains(*m))
        .map(|m| scratch.path().join("src").join(format!("{m}.rs")))
        .collect();
    let _ = crate::untrusted::clear_env(&mut Command::new("rustfmt"))
        .args(["--edition", "2024"])
        .args(&modules)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    for (module, (text, _)) in texts {
        if hand_edited.contains(module) {
            continue;
        }
        let path = scratch.path().join("src").join(format!("{module}.rs"));
        if let Ok(new) = std::fs::read_to_string(&path)
            && new != *text
        {
            polished.insert(module.clone(), new);
        }
    }
    polished
}

fn cargo_clippy(crate_dir: &Path) -> Option<Vec<RustcMessage>> {
    // The crate may hold a model's code: cargo with a cleared environment.
    let output = crate::untrusted::cargo(crate_dir)
        .args([
            "clippy",
            "--quiet",
            "--all-targets",
            "--message-format=json",
        ])
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
        let Some(mut span) = msg["spans"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["is_primary"] == true))
        else {
            // Summary lines ("aborting due to ...") have no span.
            continue;
        };
        // An error inside a macro's expansion (`assert_eq!`) belongs to the
        // crate's call site, not to the macro's definition in core.
        while !span["file_name"]
            .as_str()
            .is_some_and(|f| f.starts_with("src/"))
            && span["expansion"]["span"].is_object()
        {
            span = &span["expansion"]["span"];
        }
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
    read_rust_file(text, |file| item_line_ranges(&file.items, "", &mut out));
    out
}

/// [`fn_line_ranges`] of `items`, their paths under `prefix` (`tests::`):
/// functions, methods, and the same inside inline modules.
fn item_line_ranges(items: &[syn::Item], prefix: &str, out: &mut BTreeMap<String, (usize, usize)>) {
    let range = |span: proc_macro2::Span| (span.start().line, span.end().line);
    for item in items {
        match item {
            syn::Item::Fn(f) => {
                out.insert(
                    format!("{prefix}{}", unraw(&f.sig.ident)),
                    range(syn::spanned::Spanned::span(f)),
                );
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
                            format!("{prefix}{ty}::{}", unraw(&f.sig.ident)),
                            range(syn::spanned::Spanned::span(f)),
                        );
                    }
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    item_line_ranges(inner, &format!("{prefix}{}::", m.ident), out);
                }
            }
            _ => {}
        }
    }
}

fn unraw(ident: &proc_macro2::Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translation(path: &str, calls: &[&str]) -> FnTranslation {
        FnTranslation {
            zig_name: path.into(),
            rust_path: path.into(),
            zig_line: 1,
            todo_reasons: Vec::new(),
            calls: calls.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn perf_notes_follow_module_calls_transitively_and_once() {
        let text = "fn outer() {\n    inner();\n}\nfn inner() {\n    // PERF(port): `buf` zero-initialised; Zig left it undefined\n    leaf();\n}\nfn leaf() {\n    // PERF(port): `inline for` became a runtime loop\n    inner();\n}\nfn alone() {}\n";
        let ranges = fn_line_ranges(text);
        let fns = [
            translation("outer", &["inner"]),
            translation("inner", &["leaf"]),
            translation("leaf", &["inner"]),
            translation("alone", &[]),
        ];
        let notes = perf_notes_by_function(text, &ranges, &fns);
        assert_eq!(
            notes["outer"],
            [
                "PERF(port): `buf` zero-initialised; Zig left it undefined",
                "PERF(port): `inline for` became a runtime loop"
            ]
        );
        assert_eq!(
            notes["leaf"].len(),
            2,
            "a cycle back to `inner` counts once"
        );
        assert!(notes["alone"].is_empty());
    }
}

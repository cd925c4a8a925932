//! `plan`: read a whole Zig tree and say what porting it involves.
//!
//! Files are discovered, then parsed, lowered and indexed in parallel (one
//! tree-sitter parser per worker), then imports are resolved and the module
//! graph gives the port order.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::PortConfig;
use crate::diagnostics::{Diagnostic, LineIndex, Severity};
use crate::graph::ModuleGraph;
use crate::index::{FileIndex, index_file};
use crate::syntax::ir::{Span, Unsupported};
use crate::syntax::visit::{self, Visitor};
use crate::syntax::{ZigParser, parse_source};

/// Files larger than this are reported and not parsed.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Directory names never entered: build outputs and VCS metadata.
const SKIPPED_DIRS: [&str; 4] = [".git", ".zig-cache", "zig-cache", "zig-out"];

#[derive(Debug, Clone)]
pub struct PlanOptions {
    pub max_file_bytes: u64,
    pub config: PortConfig,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            config: PortConfig::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("{0}: no such file or directory")]
    NotFound(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: not a .zig file")]
    NotZig(PathBuf),
    #[error("{0}: no .zig files found")]
    NoZigFiles(PathBuf),
}

/// The result of `plan`, serialised as `zigport plan --json`.
#[derive(Debug, Serialize)]
pub struct Plan {
    pub root: String,
    pub files: usize,
    pub lines: usize,
    pub bytes: u64,
    /// Files whose tree has no ERROR or MISSING node.
    pub clean_files: usize,
    /// Number of diagnostics over all files.
    pub diagnostics: usize,
    /// Unsupported IR nodes by kind.
    pub unsupported: BTreeMap<&'static str, usize>,
    /// Modules, dependencies before dependents.
    pub order: Vec<ModuleEntry>,
    /// Import cycles (strongly connected components), as module names.
    pub cycles: Vec<Vec<String>>,
    pub unresolved_imports: Vec<UnresolvedImport>,
    /// Imports that leave the tree by name (`std`, `builtin`...), with counts.
    pub external_imports: BTreeMap<String, usize>,
    /// Paths that could not be walked (symlink loops, permissions).
    pub skipped: Vec<Skipped>,
    /// Per-file results in port order, for callers that want the details.
    #[serde(skip)]
    pub reports: Vec<FileReport>,
}

#[derive(Debug, Serialize)]
pub struct ModuleEntry {
    pub module: String,
    pub lines: usize,
    pub bytes: u64,
    pub fan_in: usize,
    pub fan_out: usize,
    pub clean: bool,
    pub functions: usize,
    pub pub_functions: usize,
    pub types: usize,
    pub tests: usize,
    pub unsupported: usize,
    /// Index into `cycles` when the module is part of one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cycle: Option<usize>,
    /// Modules of the tree this one imports (for staleness: a change
    /// flows to every importer).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub imports: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Serialize)]
pub struct UnresolvedImport {
    pub module: String,
    pub line: u32,
    pub column: u32,
    pub import: String,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// Everything `plan` learned about one file.
#[derive(Debug)]
pub struct FileReport {
    /// Path relative to the plan root, `/`-separated.
    pub module: String,
    pub path: PathBuf,
    pub bytes: u64,
    pub lines: usize,
    pub clean: bool,
    pub diagnostics: Vec<Diagnostic>,
    pub unsupported: Vec<UnsupportedSite>,
    pub index: FileIndex,
    /// Kept for files with diagnostics, to render excerpts.
    pub source: Option<Arc<str>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnsupportedSite {
    pub kind: &'static str,
    pub reason: String,
    pub line: u32,
    pub column: u32,
}

/// Plans `target` (a directory, or a single `.zig` file). `on_file` is
/// called once per file parsed, from worker threads (for progress bars);
/// `on_discovered` once with the number of files found.
pub fn plan(
    target: &Path,
    options: &PlanOptions,
    on_discovered: &dyn Fn(usize),
    on_file: &(dyn Fn() + Sync),
) -> Result<Plan, PlanError> {
    let discovery = discover(target)?;
    on_discovered(discovery.files.len());
    let root = discovery.root.clone();

    let pool = rayon::ThreadPoolBuilder::new()
        // Deeply nested input recurses up to MAX_NESTING frames per worker.
        .stack_size(32 * 1024 * 1024)
        .build()
        .map_err(|e| PlanError::Io {
            path: root.clone(),
            source: std::io::Error::other(e),
        })?;
    let mut reports: Vec<FileReport> = pool.install(|| {
        discovery
            .files
            .par_iter()
            .map_init(ZigParser::new, |parser, path| {
                let report = analyze_file(parser, &root, path, options.max_file_bytes);
                on_file();
                report
            })
            .collect()
    });
    reports.sort_by(|a, b| a.module.cmp(&b.module));
    Ok(assemble(root, reports, discovery.skipped, &options.config))
}

struct Discovery {
    root: PathBuf,
    files: Vec<PathBuf>,
    skipped: Vec<Skipped>,
}

fn discover(target: &Path) -> Result<Discovery, PlanError> {
    let meta = std::fs::metadata(target).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => PlanError::NotFound(target.to_path_buf()),
        _ => PlanError::Io {
            path: target.to_path_buf(),
            source,
        },
    })?;
    let absolute = std::path::absolute(target).map_err(|source| PlanError::Io {
        path: target.to_path_buf(),
        source,
    })?;
    if meta.is_file() {
        if absolute.extension().is_none_or(|e| e != "zig") {
            return Err(PlanError::NotZig(target.to_path_buf()));
        }
        let root = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
        return Ok(Discovery {
            root,
            files: vec![absolute],
            skipped: Vec::new(),
        });
    }
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let walker = walkdir::WalkDir::new(&absolute)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            !(e.file_type().is_dir()
                && e.file_name()
                    .to_str()
                    .is_some_and(|n| SKIPPED_DIRS.contains(&n)))
        });
    for entry in walker {
        match entry {
            Ok(e)
                if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "zig") =>
            {
                files.push(e.into_path())
            }
            Ok(_) => {}
            Err(err) => skipped.push(Skipped {
                path: err
                    .path()
                    .map(|p| relative(&absolute, p))
                    .unwrap_or_default(),
                reason: walk_error_reason(&err),
            }),
        }
    }
    if files.is_empty() {
        return Err(PlanError::NoZigFiles(target.to_path_buf()));
    }
    Ok(Discovery {
        root: absolute,
        files,
        skipped,
    })
}

fn walk_error_reason(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        return format!("symlink loop back to {}", ancestor.display());
    }
    match err.io_error() {
        Some(io) => io.to_string(),
        None => err.to_string(),
    }
}

/// Reads, parses, lowers and indexes one file. Never panics on any input.
fn analyze_file(parser: &mut ZigParser, root: &Path, path: &Path, max_bytes: u64) -> FileReport {
    let module = relative(root, path);
    let mut report = FileReport {
        module,
        path: path.to_path_buf(),
        bytes: 0,
        lines: 0,
        clean: false,
        diagnostics: Vec::new(),
        unsupported: Vec::new(),
        index: FileIndex::default(),
        source: None,
    };
    let at_start = |message: String| {
        let mut d = Diagnostic::new(Severity::Error, Span::new(0, 0), message);
        d.line = 1;
        d.column = 1;
        d
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > max_bytes => {
            report.bytes = meta.len();
            report.diagnostics.push(at_start(format!(
                "file is {} bytes, over the {max_bytes}-byte limit; not parsed",
                meta.len()
            )));
            return report;
        }
        Ok(_) => {}
        Err(e) => {
            report
                .diagnostics
                .push(at_start(format!("cannot read: {e}")));
            return report;
        }
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            report
                .diagnostics
                .push(at_start(format!("cannot read: {e}")));
            return report;
        }
    };
    report.bytes = bytes.len() as u64;
    let (source, utf8_error) = match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    };
    let lines = LineIndex::new(&source);
    report.lines = source.lines().count();

    let parsed = parse_source(parser, &source);
    let mut diagnostics = parsed.syntax_errors;
    if let Some(at) = utf8_error {
        diagnostics.insert(
            0,
            Diagnostic::new(
                Severity::Error,
                Span::new(at, at),
                "file is not valid UTF-8; invalid bytes were replaced before parsing",
            ),
        );
    }
    for d in &mut diagnostics {
        lines.locate(&source, d);
    }
    let mut collector = UnsupportedCollector {
        source: &source,
        lines: &lines,
        sites: Vec::new(),
    };
    visit::walk_file(&mut collector, &parsed.file);
    report.unsupported = collector.sites;
    report.index = index_file(&parsed.file, &source, &lines);
    report.clean = diagnostics.is_empty();
    if !diagnostics.is_empty() {
        report.source = Some(Arc::from(source));
    }
    report.diagnostics = diagnostics;
    report
}

struct UnsupportedCollector<'a> {
    source: &'a str,
    lines: &'a LineIndex,
    sites: Vec<UnsupportedSite>,
}

impl Visitor<'_> for UnsupportedCollector<'_> {
    fn visit_unsupported(&mut self, span: Span, u: &Unsupported) {
        let (line, column) = self.lines.line_col(self.source, span.start as usize);
        self.sites.push(UnsupportedSite {
            kind: u.kind.as_str(),
            reason: u.reason.clone(),
            line,
            column,
        });
    }
}

/// How one `@import` string resolves.
enum Resolution {
    Module(usize),
    External(String),
    Data,
    Unresolved(String),
}

fn resolve(
    spec: &str,
    importer: &Path,
    modules: &HashMap<PathBuf, usize>,
    config: &PortConfig,
) -> Resolution {
    if spec.ends_with(".zig") {
        let dir = importer.parent().unwrap_or(Path::new("/"));
        let path = normalize(&dir.join(spec));
        return match modules.get(&path) {
            Some(&id) => Resolution::Module(id),
            None if path.is_file() => {
                Resolution::Unresolved(format!("{} is outside the planned tree", path.display()))
            }
            None => Resolution::Unresolved(format!("{} does not exist", path.display())),
        };
    }
    if Path::new(spec).extension().is_some() {
        return Resolution::Data; // `.zon`, embedded data
    }
    if let Some(path) = config.module_path(spec) {
        let path = normalize(&std::path::absolute(&path).unwrap_or(path));
        return match modules.get(&path) {
            Some(&id) => Resolution::Module(id),
            None => Resolution::Unresolved(format!(
                "module `{spec}` maps to {}, which is not in the planned tree",
                path.display()
            )),
        };
    }
    match spec {
        "std" | "builtin" | "root" => Resolution::External(spec.to_string()),
        _ => Resolution::Unresolved(format!(
            "unknown module `{spec}`: map it under [modules] in zigport.toml"
        )),
    }
}

fn assemble(
    root: PathBuf,
    reports: Vec<FileReport>,
    skipped: Vec<Skipped>,
    config: &PortConfig,
) -> Plan {
    let ids: HashMap<PathBuf, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (normalize(&r.path), i))
        .collect();
    let mut edges = Vec::new();
    let mut unresolved_imports = Vec::new();
    let mut external_imports: BTreeMap<String, usize> = BTreeMap::new();
    for (i, report) in reports.iter().enumerate() {
        for site in &report.index.imports {
            match resolve(&site.spec, &report.path, &ids, config) {
                Resolution::Module(target) => edges.push((i, target)),
                Resolution::External(name) => *external_imports.entry(name).or_default() += 1,
                Resolution::Data => {}
                Resolution::Unresolved(reason) => unresolved_imports.push(UnresolvedImport {
                    module: report.module.clone(),
                    line: site.line,
                    column: site.column,
                    import: site.spec.clone(),
                    reason,
                }),
            }
        }
    }
    let mut imports_of: Vec<std::collections::BTreeSet<String>> =
        vec![Default::default(); reports.len()];
    for &(from, to) in &edges {
        imports_of[from].insert(reports[to].module.clone());
    }
    let analysis = ModuleGraph::new(reports.len(), edges).analyze();
    let mut cycle_of = vec![None; reports.len()];
    for (c, members) in analysis.cycles.iter().enumerate() {
        for &m in members {
            cycle_of[m] = Some(c);
        }
    }
    let cycles = analysis
        .cycles
        .iter()
        .map(|members| members.iter().map(|&m| reports[m].module.clone()).collect())
        .collect();
    let mut unsupported: BTreeMap<&'static str, usize> = BTreeMap::new();
    for site in reports.iter().flat_map(|r| &r.unsupported) {
        *unsupported.entry(site.kind).or_default() += 1;
    }
    let order = analysis
        .order
        .iter()
        .map(|&m| {
            let r = &reports[m];
            ModuleEntry {
                module: r.module.clone(),
                lines: r.lines,
                bytes: r.bytes,
                fan_in: analysis.fan_in[m],
                fan_out: analysis.fan_out[m],
                clean: r.clean,
                functions: r.index.functions.len(),
                pub_functions: r.index.functions.iter().filter(|f| f.is_pub).count(),
                types: r.index.types.len(),
                tests: r.index.tests.len(),
                unsupported: r.unsupported.len(),
                cycle: cycle_of[m],
                imports: imports_of[m].iter().cloned().collect(),
                diagnostics: r.diagnostics.clone(),
            }
        })
        .collect();
    // Keep the detailed reports in port order too.
    let mut slots: Vec<Option<FileReport>> = reports.into_iter().map(Some).collect();
    let reports: Vec<FileReport> = analysis
        .order
        .iter()
        .filter_map(|&m| slots[m].take())
        .collect();
    Plan {
        root: root.display().to_string(),
        files: reports.len(),
        lines: reports.iter().map(|r| r.lines).sum(),
        bytes: reports.iter().map(|r| r.bytes).sum(),
        clean_files: reports.iter().filter(|r| r.clean).count(),
        diagnostics: reports.iter().map(|r| r.diagnostics.len()).sum(),
        unsupported,
        order,
        cycles,
        unresolved_imports,
        external_imports,
        skipped,
        reports,
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Lexical normalisation (`a/./b/../c` → `a/c`), without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

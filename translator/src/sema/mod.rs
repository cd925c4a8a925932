//! The semantic model of one Zig file: names resolved the way Zig resolves
//! them, every expression typed the way Zig types it (result locations,
//! peer types, captures), comptime integers evaluated. Computed once per
//! file; the rules read it and never the reverse (this module knows
//! nothing of Rust).
//!
//! Layers: `names` (containers and declarations) → `eval` (comptime
//! integers) → `infer` (expression types, std's through `std_lib`, which
//! analyses std files with the same layers; builtins' std types from
//! `builtins`) → [`FileModel`] (the queries the rules and `zigport sema`
//! use).

pub mod builtins;
pub mod eval;
pub mod infer;
pub mod names;
pub mod std_lib;
pub mod ty;

use std::collections::HashMap;

use serde::Serialize;

use crate::diagnostics::LineIndex;
use crate::syntax::ir::{Expr, SourceFile, Span};

pub use infer::{FnModel, Local};
pub use names::{ContainerId, Names};
pub use std_lib::StdLib;
pub use ty::{PtrSize, Type};

/// What the model knows of one file.
pub struct FileModel<'a> {
    pub names: Names<'a>,
    expr_types: HashMap<(u32, u32), Type>,
    result_types: HashMap<(u32, u32), Type>,
    type_values: HashMap<(u32, u32), Type>,
    pub functions: Vec<FnModel>,
}

impl<'a> FileModel<'a> {
    /// Analyses `file` without std's sources (std declarations stay
    /// paths as written).
    pub fn analyze(file: &'a SourceFile) -> FileModel<'a> {
        FileModel::analyze_with(file, None)
    }

    /// Analyses `file`: its containers, then every body; std declarations
    /// it reaches are read from `std` when given.
    pub fn analyze_with(file: &'a SourceFile, std: Option<&StdLib>) -> FileModel<'a> {
        FileModel::analyze_in(file, std, None)
    }

    /// Analyses `file`, one of std's own files (at `home` in `lib/std`):
    /// its relative imports are std files, read from `std`.
    pub fn analyze_std_file(file: &'a SourceFile, std: &StdLib, home: &str) -> FileModel<'a> {
        FileModel::analyze_in(file, Some(std), Some(home))
    }

    fn analyze_in(file: &'a SourceFile, std: Option<&StdLib>, home: Option<&str>) -> FileModel<'a> {
        let names = Names::of_file(file);
        let (expr_types, result_types, type_values, functions) = {
            let mut analyzer = infer::Analyzer::new(&names, std);
            if let Some(home) = home {
                analyzer = analyzer.in_std_file(home, 0);
            }
            analyzer.run();
            (
                analyzer.expr_types,
                analyzer.result_types,
                analyzer.type_values,
                analyzer.fns,
            )
        };
        FileModel {
            names,
            expr_types,
            result_types,
            type_values,
            functions,
        }
    }

    /// The Zig type of `e` (`Unknown` when the model cannot tell).
    pub fn type_of(&self, e: &Expr) -> &Type {
        self.expr_types
            .get(&(e.span.start, e.span.end))
            .unwrap_or(&Type::Unknown)
    }

    /// The result type `e` is written against: the declared type of the
    /// local it initialises, the parameter it is passed to, the field it
    /// fills, the function's return type, a comparison's other side...
    pub fn result_type_of(&self, e: &Expr) -> &Type {
        self.result_types
            .get(&(e.span.start, e.span.end))
            .unwrap_or(&Type::Unknown)
    }

    /// The type a type expression (a parameter's, a field's, a local's
    /// declared type, a return type) denotes, aliases followed.
    pub fn denoted_type(&self, e: &Expr) -> &Type {
        self.type_values
            .get(&(e.span.start, e.span.end))
            .unwrap_or(&Type::Unknown)
    }

    /// `ty` in Zig syntax, containers by their declared path (`Foo.Kind`).
    pub fn type_name(&self, ty: &Type) -> String {
        ty::render(ty, &|id| self.names.display(id))
    }

    /// Every function and test with its parameters, locals and the types
    /// of its expressions, for `zigport sema` (one line each, in source
    /// order; expression text abridged).
    pub fn dump(&self, source: &str) -> Vec<FnDump> {
        let lines = LineIndex::new(source);
        let at = |span: Span| {
            let (l, c) = lines.line_col(source, span.start as usize);
            format!("{l}:{c}")
        };
        let mut exprs: Vec<(&(u32, u32), &Type)> = self.expr_types.iter().collect();
        exprs.sort_by_key(|((s, e), _)| (*s, std::cmp::Reverse(*e)));
        let mut fns: Vec<&FnModel> = self.functions.iter().collect();
        fns.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
        // Each expression belongs to the innermost function holding it:
        // functions in start order, inner ones overwrite their outer's.
        let mut owner_of = vec![usize::MAX; exprs.len()];
        for (i, f) in fns.iter().enumerate() {
            let first = exprs.partition_point(|((s, _), _)| *s < f.span.start);
            for (j, ((s, e), _)) in exprs.iter().enumerate().skip(first) {
                if *s > f.span.end {
                    break;
                }
                if *e <= f.span.end {
                    owner_of[j] = i;
                }
            }
        }
        fns.iter()
            .enumerate()
            .map(|(i, f)| {
                let owner = self.names.display(f.container);
                FnDump {
                    name: if owner == "(file)" {
                        f.name.clone()
                    } else {
                        format!("{owner}.{}", f.name)
                    },
                    at: at(f.span),
                    params: f
                        .params
                        .iter()
                        .map(|(n, t)| format!("{n}: {}", self.type_name(t)))
                        .collect(),
                    ret: self.type_name(&f.ret),
                    locals: f
                        .locals
                        .iter()
                        .map(|l| {
                            let t = match &l.as_type {
                                Some(t) => format!("type = {}", self.type_name(t)),
                                None => self.type_name(&l.ty),
                            };
                            format!("{} {}: {t}", at(l.span), l.name)
                        })
                        .collect(),
                    exprs: exprs
                        .iter()
                        .zip(&owner_of)
                        .filter(|(_, o)| **o == i)
                        .map(|(((s, e), t), _)| {
                            let (s, e) = (*s, *e);
                            let text = source.get(s as usize..e as usize).unwrap_or("");
                            let text: String =
                                text.split_whitespace().collect::<Vec<_>>().join(" ");
                            let text = match text.char_indices().nth(48) {
                                Some((i, _)) => format!("{}…", &text[..i]),
                                None => text,
                            };
                            let result = match self.result_types.get(&(s, e)) {
                                Some(r) if r != *t => format!("  (result {})", self.type_name(r)),
                                _ => String::new(),
                            };
                            format!(
                                "{} `{text}`: {}{result}",
                                at(Span { start: s, end: e }),
                                self.type_name(t)
                            )
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// One function as `zigport sema` prints it.
#[derive(Debug, Serialize)]
pub struct FnDump {
    pub name: String,
    pub at: String,
    pub params: Vec<String>,
    pub ret: String,
    pub locals: Vec<String>,
    pub exprs: Vec<String>,
}

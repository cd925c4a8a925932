//! Per-file index: top-level declarations, `test` blocks and `@import`s.

use serde::Serialize;

use crate::diagnostics::LineIndex;
use crate::syntax::ir::*;
use crate::syntax::visit::{self, Visitor};

#[derive(Debug, Clone, Default, Serialize)]
pub struct FileIndex {
    pub functions: Vec<FnEntry>,
    pub types: Vec<TypeEntry>,
    pub constants: Vec<ConstEntry>,
    pub tests: Vec<TestEntry>,
    pub imports: Vec<ImportSite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FnEntry {
    pub name: String,
    pub is_pub: bool,
    pub line: u32,
    /// The prototype as written, whitespace collapsed:
    /// `pub fn parse(text: []const u8) !Version`.
    pub signature: String,
    pub params: Vec<ParamEntry>,
    pub return_type: String,
    /// `fn F(comptime T: type) type`: a generic type constructor.
    pub returns_type: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParamEntry {
    pub name: Option<String>,
    pub ty: String,
    pub is_comptime: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TypeEntry {
    pub name: String,
    pub is_pub: bool,
    pub line: u32,
    pub kind: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConstEntry {
    pub name: String,
    pub is_pub: bool,
    pub line: u32,
    pub mutable: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TestEntry {
    pub name: Option<String>,
    pub line: u32,
}

/// One `@import("...")` call.
#[derive(Debug, Clone, Serialize)]
pub struct ImportSite {
    pub spec: String,
    #[serde(skip)]
    pub span: Span,
    pub line: u32,
    pub column: u32,
}

pub fn index_file(file: &SourceFile, source: &str, lines: &LineIndex) -> FileIndex {
    let text = |span: Span| source.get(span.range()).unwrap_or("");
    let line = |span: Span| lines.line_col(source, span.start as usize).0;
    let mut index = FileIndex::default();
    for decl in &file.members {
        match &decl.kind {
            DeclKind::Fn(f) => index.functions.push(FnEntry {
                name: f.name.clone(),
                is_pub: decl.is_pub,
                line: line(decl.span),
                signature: collapse_ws(text(Span::new(
                    decl.span.start as usize,
                    f.proto.span.end as usize,
                ))),
                params: f
                    .proto
                    .params
                    .iter()
                    .map(|p| ParamEntry {
                        name: p.name.clone(),
                        ty: match &p.ty {
                            ParamType::Type(t) => collapse_ws(text(t.span)),
                            ParamType::AnyType => "anytype".into(),
                            ParamType::VarArgs => "...".into(),
                        },
                        is_comptime: p.is_comptime,
                    })
                    .collect(),
                return_type: collapse_ws(text(f.proto.return_type.span)),
                returns_type: f.returns_type(),
            }),
            DeclKind::Var(var) => match var.init.as_ref().and_then(type_kind) {
                Some(kind) => index.types.push(TypeEntry {
                    name: var.name.clone(),
                    is_pub: decl.is_pub,
                    line: line(decl.span),
                    kind,
                }),
                None => index.constants.push(ConstEntry {
                    name: var.name.clone(),
                    is_pub: decl.is_pub,
                    line: line(decl.span),
                    mutable: var.mutability == Mutability::Var,
                }),
            },
            DeclKind::Test(t) => index.tests.push(TestEntry {
                name: match &t.name {
                    TestName::Description(s) | TestName::Decl(s) => Some(s.clone()),
                    TestName::Anonymous => None,
                },
                line: line(decl.span),
            }),
            _ => {}
        }
    }
    let mut imports = ImportCollector::default();
    visit::walk_file(&mut imports, file);
    index.imports = imports
        .0
        .into_iter()
        .map(|(spec, span)| {
            let (line, column) = lines.line_col(source, span.start as usize);
            ImportSite {
                spec,
                span,
                line,
                column,
            }
        })
        .collect();
    index
}

fn type_kind(init: &Expr) -> Option<&'static str> {
    match &init.kind {
        ExprKind::Container(c) => Some(match c.kind {
            ContainerKind::Struct => "struct",
            ContainerKind::Enum => "enum",
            ContainerKind::Union => "union",
            ContainerKind::Opaque => "opaque",
        }),
        ExprKind::ErrorSet(_) => Some("error-set"),
        _ => None,
    }
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct ImportCollector(Vec<(String, Span)>);

impl Visitor<'_> for ImportCollector {
    fn visit_expr(&mut self, expr: &Expr) {
        if let ExprKind::Builtin { name, args } = &expr.kind
            && name == "import"
            && let [arg] = &args[..]
            && let ExprKind::Str(bytes) = &arg.kind
        {
            self.0
                .push((String::from_utf8_lossy(bytes).into_owned(), expr.span));
        }
        visit::walk_expr(self, expr);
    }
}

/// One `fn` declaration with a body, wherever it is written: at the top
/// level, in a nested type, in a type a type constructor returns, in a
/// type declared inside a function or test body. The per-function
/// outcomes count every one of them, so a file whose functions no rule
/// reached cannot hide behind a small total. Type constructors (`fn F(..)
/// type`) are not among them: they port as the type they build, whose
/// functions are.
#[derive(Debug, Clone, Serialize)]
pub struct DeclaredFn {
    pub name: String,
    /// Start of the declaration (its doc comments excluded), as the rules'
    /// `FnTranslation::zig_line` counts it.
    #[serde(skip)]
    pub span: Span,
    pub place: FnPlace,
}

/// Where a [`DeclaredFn`] is written, which says why the rules may not
/// have reached it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FnPlace {
    /// A member of the file's struct.
    TopLevel,
    /// A member of a named type declared in the file (at any depth).
    NestedType,
    /// A member of a type a function computes (`fn F(comptime T: type) type`).
    TypeConstructor,
    /// A member of a type declared inside a function or test body.
    LocalType,
}

/// Every [`DeclaredFn`] of `file`, in source order. `extern` prototypes
/// (no body) are not functions to port.
pub fn declared_fns(file: &SourceFile) -> Vec<DeclaredFn> {
    let mut collector = DeclaredFnCollector {
        out: Vec::new(),
        place: FnPlace::TopLevel,
    };
    visit::walk_file(&mut collector, file);
    collector.out.sort_by_key(|f| f.span.start);
    collector.out
}

struct DeclaredFnCollector {
    out: Vec<DeclaredFn>,
    /// What a function declared here would be: changes as the walk enters
    /// containers and bodies.
    place: FnPlace,
}

impl DeclaredFnCollector {
    fn within(&mut self, place: FnPlace, walk: impl FnOnce(&mut Self)) {
        let outer = std::mem::replace(&mut self.place, place);
        walk(self);
        self.place = outer;
    }
}

impl Visitor<'_> for DeclaredFnCollector {
    fn visit_decl(&mut self, decl: &Decl) {
        match &decl.kind {
            DeclKind::Fn(f) => {
                let returns_type = f.returns_type();
                // A type constructor is ported as the type it builds (whose
                // functions are counted), not as a function.
                if f.body.is_some() && !returns_type {
                    self.out.push(DeclaredFn {
                        name: f.name.clone(),
                        span: decl.span,
                        place: self.place,
                    });
                }
                // A container in the return type or the body is computed by
                // this function: a type constructor's, or a local type.
                let inner = if returns_type {
                    FnPlace::TypeConstructor
                } else {
                    FnPlace::LocalType
                };
                self.within(inner, |c| visit::walk_decl(c, decl));
            }
            DeclKind::Test(_) => self.within(FnPlace::LocalType, |c| visit::walk_decl(c, decl)),
            _ => visit::walk_decl(self, decl),
        }
    }

    fn visit_expr(&mut self, expr: &Expr) {
        if let ExprKind::Container(_) = &expr.kind
            && self.place == FnPlace::TopLevel
        {
            return self.within(FnPlace::NestedType, |c| visit::walk_expr(c, expr));
        }
        visit::walk_expr(self, expr);
    }
}

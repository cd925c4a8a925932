//! The rule engine: lowered Zig IR → safe Rust tokens, one module at a time.
//!
//! Rules are organised by construct: `types` (type mapping), `expr`
//! (expressions and control flow), `stmt` (statements and blocks),
//! `builtins` (`@builtins` and the Zig std mapping), `items` (functions,
//! containers, constants, tests). What no rule covers becomes
//! `todo!("TODO(port): reason")` — a compiling placeholder that `emit`
//! also marks with a `// TODO(port):` comment. Nothing is dropped silently.

mod builtins;
mod byte_views;
mod comptime;
mod expr;
mod items;
mod mono;
pub mod names;
mod ownership;
mod packed;
mod sema_types;
mod slice_pointers;
mod stmt;
mod target;
pub mod types;
mod writer;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use proc_macro2::TokenStream;
use quote::quote;

use crate::config::TranslateConfig;
use crate::syntax::ir::*;
use crate::syntax::visit::{self, Visitor};
use mono::{
    MonoArg, MonoCall, MonoCalls, MonoKind, MonoMiss, ValueType, comptime_literal, literal_suffix,
    value_type_expr,
};
use types::Ty;

/// The result of translating one Zig module.
#[derive(Debug, Clone)]
pub struct ModuleTranslation {
    /// Rust items, unformatted (see [`crate::emit`]).
    pub tokens: TokenStream,
    pub functions: Vec<FnTranslation>,
    /// TODO markers outside functions (types, constants).
    pub item_todos: usize,
    pub unsafe_blocks: usize,
}

#[derive(Debug, Clone)]
pub struct FnTranslation {
    pub zig_name: String,
    /// Path inside the module: `parse`, `Version::order`, `tests::parses`.
    pub rust_path: String,
    pub zig_line: u32,
    /// Why each `TODO(port)` marker in the function is there.
    pub todo_reasons: Vec<String>,
    /// Module functions it calls (their `rust_path`s), so a caller of an
    /// unported function is not reported clean.
    pub calls: Vec<String>,
}

/// What a module declares, gathered before any function is translated, so
/// rules can resolve names (a call to a module function, an enum literal).
#[derive(Default)]
struct ModuleScope {
    fns: HashMap<String, FnSig>,
    /// Value types of the module's `StringHashMap`s that hold owned
    /// values (see `ownership`): `[]const u8` there is `Vec<u8>`.
    owned_map_values: Vec<Ty>,
    /// Container fields holding allocations (see `ownership::owned_fields`).
    owned_fields: HashSet<String>,
    /// Module functions called in constant initialisers (`const T = f(..)`).
    const_called: HashSet<String>,
    /// Functions with `comptime T: type` parameters whose every call in the
    /// module passes concrete types: the type arguments of each distinct
    /// call. They are monomorphised (`read_le_u32`, `read_le_u64`), as Zig
    /// does, instead of becoming Rust generics that would need trait bounds.
    instances: HashMap<String, Vec<Vec<MonoArg>>>,
    /// Anonymous container types of struct fields (`pre_dot: enum { .. }`):
    /// the span start of the type expression, the Rust name given to it
    /// (`ExtScanPreDot`), and the declaration, emitted as its own item.
    anon_types: Vec<(u32, String, ContainerDecl)>,
    /// Types declared in a function or test body (`const State = enum {..}`):
    /// the body's span start → (local name, module-level name). They are
    /// emitted beside the module's items (tests' inside `mod tests`).
    local_types: HashMap<u32, Vec<(String, String)>>,
    /// The module-level names of types declared inside tests.
    test_local_types: HashSet<String>,
    /// Private types a pub type's fields or pub methods name: emitted
    /// `pub` (Zig lets any importer use them through those).
    exposed: HashSet<String>,
    /// Types declared inside a container (`Segmenter.Unit`): container →
    /// (short name, module-level name).
    nested: HashMap<String, Vec<(String, String)>>,
    /// `const Standard = Codec(standard_alphabet, true);` where `Codec` has
    /// value parameters: the instance's name → the constructor and the
    /// arguments. Each instance is its own Rust type, its body translated
    /// with the parameters bound (Zig's comptime, done by the rules).
    type_instances: HashMap<String, (String, Vec<Expr>)>,
    /// Generic type constructors whose methods call methods of a value of
    /// a type parameter (`self.sink.write(..)`, Zig's duck typing): each
    /// use `Parser(NullSink)` is its own type (`ParserNullSink`), as Zig
    /// instantiates it, instead of a Rust generic needing a trait.
    /// (constructor, argument text) → instance name.
    mono_types: HashMap<(String, String), String>,
    types: HashMap<String, TypeInfo>,
    /// Module constants holding a `builtin` target query
    /// (`const native_endian = builtin.target.cpu.arch.endian();`).
    target_consts: HashMap<String, target::TargetQuery>,
    /// Many-item pointers that are slices in disguise (see `slice_pointers`).
    slice_pointers: slice_pointers::SlicePointers,
    /// `const Handler = *const fn (*Ctx) anyerror!void;`: type aliases.
    type_aliases: HashMap<String, Ty>,
    /// Module-level value constants: Zig name → Rust name.
    consts: HashMap<String, (String, Ty)>,
    /// Constants with no type whose value is a `comptime_int` (see
    /// [`Translator::is_comptime_int_const`]).
    comptime_ints: HashSet<String>,
    /// Constants naming another module's `LazyLock` static
    /// (`const digit_table = base64.Standard.decode_table;`): a `use` of it.
    lazy_aliases: HashSet<String>,
    /// Module constants computed by a function that cannot be `const fn`:
    /// `LazyLock` statics, read as `(*NAME)`.
    lazy_statics: HashSet<String>,
    /// `const foo = @import("foo.zig")` and `const std = @import("std")`.
    imports: HashMap<String, Import>,
    error_names: BTreeSet<String>,
    /// `const Version = @This();` at file level.
    self_alias: Option<String>,
    /// When the file has top-level fields it is a struct: its name.
    file_struct: Option<String>,
    /// Some signature has an error union: the module needs `Error`.
    uses_error_unions: bool,
    /// Runtime error types `Error` converts from (indices into
    /// `writer::RUNTIME_ERRORS`): `bufPrint`'s, `parseInt`'s.
    runtime_errors: Vec<usize>,
    /// Imported crate modules whose `Error` converts into this one's.
    error_sources: Vec<(String, BTreeSet<String>)>,
}

#[derive(Clone)]
struct FnSig {
    rust_name: String,
    /// The type a file-level function belongs to when the file is a
    /// struct: calls become `Owner::f(..)`.
    owner: Option<String>,
    params: Vec<Ty>,
    /// Indices of `comptime T: type` parameters: Rust generics, passed
    /// with a turbofish at call sites.
    type_params: Vec<usize>,
    /// The parameters that make an instance when every call is concrete
    /// (see `mono::mono_params`).
    mono_params: Vec<(usize, MonoKind)>,
    /// Takes raw pointers, so it is an `unsafe fn`.
    is_unsafe: bool,
    ret: Ty,
    /// With `type_params`: the result naming them (`error{Usage}!T`), the
    /// parameter names, for a call to instantiate (see `instantiated_ret`).
    generic_ret: Option<(Vec<String>, Ty)>,
    /// A method whose body reaches its receiver only as `self.field`: the
    /// fields it names (see `receiver_fields`). `None` when the receiver is
    /// passed on or a method of it is called.
    receiver_fields: Option<HashSet<String>>,
}

#[derive(Clone, Default)]
struct TypeInfo {
    kind: Option<ContainerKind>,
    /// Type parameters of a generic type constructor (`fn Stack(comptime T: type) type`).
    generics: Vec<String>,
    /// Struct fields: name → (type, default value).
    fields: Vec<(String, Ty, Option<Expr>)>,
    /// A `packed struct`: its backing integer (Rust type name), set only
    /// when every field is a `bool` or an unsigned integer (see `packed`).
    packed: Option<String>,
    /// Enum variants and union fields, Zig names.
    variants: Vec<String>,
    /// Methods and associated functions.
    methods: HashMap<String, FnSig>,
    /// Associated constants (`pub const init: P = ...`): Zig name → Rust
    /// name and type.
    consts: HashMap<String, (String, Ty)>,
    /// Constants computed by calling a function that cannot be `const fn`:
    /// module-level `LazyLock` statics (see `lazy_static_name`).
    lazy_consts: HashSet<String>,
    /// Associated constants with no type whose value is a `comptime_int`.
    comptime_ints: HashSet<String>,
    /// Holds borrowed data (`[]const T` / `*const T` fields, or fields of
    /// a type that does): the Rust type takes a lifetime `'a`.
    borrows: bool,
}

#[derive(Clone)]
enum Import {
    Std,
    /// `@import("bun")`: a named module (mapped through the configuration).
    Named(String),
    /// `const mem = std.mem;` → `["mem"]`.
    StdAlias(Vec<String>),
    Module(String),
    Other,
}

/// A loop being translated. A `while` with a continue expression gets a
/// Rust label and a body block: `continue` breaks out of the block (so the
/// continue expression runs), and a plain `break` must then name the loop.
#[derive(Default)]
struct LoopFrame {
    zig_label: Option<String>,
    rust_label: Option<String>,
    continue_block: Option<String>,
    /// `while ... else`: the block around the loop and its `else`, which a
    /// `break` of this loop leaves (skipping the `else`).
    exit_block: Option<String>,
}

/// Per-function state while translating a body.
#[derive(Default)]
struct FnState {
    scopes: Vec<Vec<(String, Ty)>>,
    ret: Option<Ty>,
    todos: Vec<String>,
    calls: Vec<String>,
    /// Enclosing loops, innermost last.
    loops: Vec<LoopFrame>,
    /// Enclosing labeled switches: (Zig label, state variable, its type).
    switch_states: Vec<(String, String, Ty)>,
    labels: usize,
    /// The Zig name of the method receiver (`self`, `p`...), spelled `self`.
    receiver: Option<String>,
    /// No rule can translate the function: it is emitted as a stub.
    stubbed: bool,
    /// The container a method belongs to (resolves `Self` in call records).
    self_type: Option<String>,
    /// `const c = &place;` locals written through (`&mut` views).
    written_pointers: HashSet<String>,
    /// `const c = &self.cursor;` views whose fields are handed to a method
    /// of `self`: each use is the place itself (see `receiver_place_aliases`).
    place_aliases: HashMap<String, Expr>,
    /// `const std_dec = std.base64.standard.Decoder;`: locals naming a std
    /// namespace or constant, resolved like the path (see `std_path`).
    std_aliases: HashMap<String, Vec<String>>,
    /// `const decoded = buffer[0..n];` locals later lent to a `[]u8`
    /// parameter (declaration span starts): `&mut` slices.
    mutable_slice_locals: HashSet<u32>,
    /// Translating the destination of a write (`@memcpy`'s): array field
    /// lengths there are their constants.
    in_written_place: bool,
    /// Optional places checked non-null by the enclosing `if`: `X.?`
    /// inside is the `if let` binding (see `unwrapped_if`).
    unwrapped: Vec<(Expr, String)>,
    /// Constant locals that may be rebuilt at each use (see
    /// `rebuildable_struct_locals`), and those the rules did rebuild:
    /// name → (initialiser, type).
    rebuildable: HashSet<String>,
    rebuilt: HashMap<String, (Expr, Ty)>,
}

pub(crate) struct Translator<'a> {
    source: &'a str,
    config: &'a TranslateConfig,
    crate_context: &'a CrateContext,
    /// The Zig file's display path (keys `config.accepted`).
    zig_path: &'a str,
    file: &'a SourceFile,
    /// The semantic model of `file` (see [`crate::sema`]): what the rules'
    /// own reading leaves unknown is asked there.
    sema: &'a crate::sema::FileModel<'a>,
    scope: ModuleScope,
    state: FnState,
    item_todos: usize,
    unsafe_blocks: usize,
    /// Comments not yet emitted, in source order (index into file.comments).
    next_comment: usize,
    /// Type names local to the containers being translated, innermost
    /// last: `const Self = @This();`, generic parameters.
    container_types: Vec<(String, Ty)>,
    /// Comptime value parameters bound while translating a type instance:
    /// uses of the name translate as the argument.
    bound_values: Vec<(String, Expr)>,
    /// The generic type being translated: its type parameters, its const
    /// parameters (`n` reads as `N`), and the operator traits its code
    /// needs of each type parameter (found while translating its methods,
    /// written into its `impl`'s bounds).
    generic_scope: GenericScope,
    /// Items a container emits beside itself (its lazy statics).
    hoisted: Vec<TokenStream>,
}

/// See [`Translator::generic_scope`].
#[derive(Default)]
struct GenericScope {
    type_params: Vec<String>,
    const_params: Vec<GenericParam>,
    bounds: BTreeSet<(String, &'static str)>,
}

/// What a module's translation knows of the other modules of its crate.
#[derive(Debug, Default)]
pub struct CrateContext {
    /// Zig display path (`src/semver.zig`) → the crate's module name.
    pub modules: BTreeMap<String, String>,
    /// Module name → the error names of its `Error` enum (modules that
    /// have one). An importer's `Error` includes them and converts from
    /// that enum, so `try other.f()` propagates (Zig error names are global).
    pub module_errors: BTreeMap<String, BTreeSet<String>>,
    /// Module name → its top-level functions' signatures (see
    /// [`module_interface`]), so calls into it coerce their arguments, drop
    /// allocators and know their result types.
    pub module_fns: BTreeMap<String, ModuleInterface>,
    /// Zig display path → its path in `lib/std`, for the crate's files
    /// that are std's own (translating std itself).
    pub std_homes: BTreeMap<String, String>,
}

/// The top-level functions of a module as its importers see them: Zig
/// name → parameter and result types, with the module's own type names
/// made unknown (they mean nothing in the importer's scope).
#[derive(Debug, Default, Clone)]
pub struct ModuleInterface {
    fns: HashMap<String, (Vec<Ty>, Ty)>,
    /// Its `pub const` values (`standard_alphabet`): Zig name → type.
    consts: HashMap<String, Ty>,
    /// Constants of its pub types (`Standard.decode_table`).
    type_consts: HashMap<String, ForeignConst>,
}

/// A constant declared inside another module's type, as importers name it.
#[derive(Debug, Clone)]
pub(super) struct ForeignConst {
    ty: Ty,
    /// Path inside that module: `["Standard", "ENCODE_TABLE"]`, or the
    /// single name of its `LazyLock` static.
    path: Vec<String>,
    lazy: bool,
}

/// The semantic model of `file`, with std's sources when the
/// configuration has them (a std file of the crate is analysed as one).
fn file_model<'a>(
    file: &'a SourceFile,
    zig_path: &str,
    config: &TranslateConfig,
    crate_context: &CrateContext,
) -> crate::sema::FileModel<'a> {
    let std = config.std_lib.as_deref();
    match (std, crate_context.std_homes.get(zig_path)) {
        (Some(std), Some(home)) => crate::sema::FileModel::analyze_std_file(file, std, home),
        _ => crate::sema::FileModel::analyze_with(file, std),
    }
}

/// The interface of one module, from its scope pass alone.
pub fn module_interface(
    file: &SourceFile,
    source: &str,
    zig_path: &str,
    config: &TranslateConfig,
    crate_context: &CrateContext,
) -> ModuleInterface {
    let model = file_model(file, zig_path, config, crate_context);
    let mut t = Translator {
        sema: &model,
        source,
        config,
        crate_context,
        zig_path,
        file,
        scope: ModuleScope::default(),
        state: FnState::default(),
        item_todos: 0,
        unsafe_blocks: 0,
        next_comment: 0,
        container_types: Vec::new(),
        bound_values: Vec::new(),
        generic_scope: GenericScope::default(),
        hoisted: Vec::new(),
    };
    t.collect_scope(zig_path);
    let fns = t
        .scope
        .fns
        .iter()
        .filter(|(name, sig)| {
            sig.type_params.is_empty()
                && sig.owner.is_none()
                && !t.scope.instances.contains_key(*name)
        })
        .map(|(name, sig)| {
            let params = sig.params.iter().map(types::foreign).collect();
            (name.clone(), (params, types::foreign(&sig.ret)))
        })
        .collect();
    let public: HashSet<&str> = file
        .members
        .iter()
        .filter(|d| d.is_pub)
        .filter_map(|d| match &d.kind {
            DeclKind::Var(v) => Some(v.name.as_str()),
            _ => None,
        })
        .collect();
    let consts = t
        .scope
        .consts
        .iter()
        .filter(|(name, (_, ty))| public.contains(name.as_str()) && *ty != Ty::Unknown)
        .map(|(name, (_, ty))| (name.clone(), types::foreign(ty)))
        .collect();
    let type_consts = t
        .scope
        .types
        .iter()
        .filter(|(name, _)| public.contains(name.as_str()))
        .flat_map(|(type_name, info)| {
            info.consts.iter().map(move |(zig, (rust, ty))| {
                let lazy = info.lazy_consts.contains(zig);
                let path = if lazy {
                    vec![lazy_static_name(type_name, zig)]
                } else {
                    vec![type_name.clone(), rust.clone()]
                };
                let ty = types::foreign(ty);
                (
                    format!("{type_name}.{zig}"),
                    ForeignConst { ty, path, lazy },
                )
            })
        })
        .collect();
    ModuleInterface {
        fns,
        consts,
        type_consts,
    }
}

/// The crate module an `@import("x.zig")` in `zig_path` names: resolved
/// against the importing file's directory when the crate has that file.
fn resolve_import(zig_path: &str, import: &str, context: &CrateContext) -> String {
    let dir = std::path::Path::new(zig_path)
        .parent()
        .unwrap_or(std::path::Path::new(""));
    let mut parts: Vec<String> = Vec::new();
    for c in dir.join(import).components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    context
        .modules
        .get(&parts.join("/"))
        .cloned()
        .unwrap_or_else(|| crate::emit::module_name(import))
}

/// The crate modules a file imports (`@import("x.zig")` declarations).
pub fn module_imports(file: &SourceFile, zig_path: &str, context: &CrateContext) -> Vec<String> {
    file.members
        .iter()
        .filter_map(|d| match &d.kind {
            DeclKind::Var(VarDecl {
                init:
                    Some(Expr {
                        kind: ExprKind::Builtin { name, args },
                        ..
                    }),
                ..
            }) if name == "import" => match args.first().map(|a| &a.kind) {
                Some(ExprKind::Str(s)) if s.ends_with(b".zig") => Some(resolve_import(
                    zig_path,
                    &String::from_utf8_lossy(s),
                    context,
                )),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// The error names a module's `Error` enum will have, if it has one.
pub fn module_error_names(file: &SourceFile) -> Option<BTreeSet<String>> {
    let mut errors = ErrorNames::default();
    visit::walk_file(&mut errors, file);
    // The runtime's errors the module converts from are its names too.
    for i in writer::runtime_errors_used(file) {
        let (_, names, _) = writer::RUNTIME_ERRORS[i];
        errors.0.extend(names.iter().map(|n| n.to_string()));
    }
    (!errors.0.is_empty() || errors.1).then_some(errors.0)
}

/// Translates one lowered Zig file. `zig_path` names the file's own
/// struct when the file has top-level fields (and no `@This()` alias).
pub fn translate_module(
    file: &SourceFile,
    source: &str,
    zig_path: &str,
    config: &TranslateConfig,
) -> ModuleTranslation {
    translate_module_in(file, source, zig_path, config, &CrateContext::default())
}

/// [`translate_module`] for one module of a crate.
pub fn translate_module_in(
    file: &SourceFile,
    source: &str,
    zig_path: &str,
    config: &TranslateConfig,
    crate_context: &CrateContext,
) -> ModuleTranslation {
    let model = file_model(file, zig_path, config, crate_context);
    let mut t = Translator {
        sema: &model,
        source,
        config,
        crate_context,
        zig_path,
        file,
        scope: ModuleScope::default(),
        state: FnState::default(),
        item_todos: 0,
        unsafe_blocks: 0,
        next_comment: 0,
        container_types: Vec::new(),
        bound_values: Vec::new(),
        generic_scope: GenericScope::default(),
        hoisted: Vec::new(),
    };
    t.collect_scope(zig_path);
    let (tokens, functions) = t.module_items();
    ModuleTranslation {
        tokens,
        functions,
        item_todos: t.item_todos,
        unsafe_blocks: t.unsafe_blocks,
    }
}

impl<'a> Translator<'a> {
    /// A compiling placeholder for something no rule translates.
    fn todo(&mut self, reason: impl AsRef<str>) -> TokenStream {
        self.state.todos.push(reason.as_ref().to_string());
        // `todo!` takes a format string: braces in Zig text are escaped.
        let message = format!("TODO(port): {}", reason.as_ref())
            .replace('{', "{{")
            .replace('}', "}}");
        quote!(todo!(#message))
    }

    /// A TODO outside any function body (types, constants).
    fn item_todo(&mut self, reason: impl AsRef<str>) -> TokenStream {
        self.item_todos += 1;
        comment_marker(&format!("TODO(port): {}", reason.as_ref()))
    }

    fn line_of(&self, span: Span) -> u32 {
        let upto = self.source.get(..span.start as usize).unwrap_or("");
        upto.bytes().filter(|&b| b == b'\n').count() as u32 + 1
    }

    fn zig_text(&self, span: Span) -> &'a str {
        self.source.get(span.range()).unwrap_or("")
    }

    /// The type a name stands for: a module type, a generic parameter in
    /// scope, the type the file itself is, or a std alias with a rule.
    /// What the module knows about a type; `Self` is the container whose
    /// method is being translated.
    fn lookup_type(&self, name: &str) -> Option<&TypeInfo> {
        if self.is_self_alias(name) {
            // Outside the type's methods (a test), the file struct's alias.
            let owner = self
                .state
                .self_type
                .as_deref()
                .or(self.scope.file_struct.as_deref())?;
            return self.scope.types.get(owner);
        }
        self.scope.types.get(name)
    }

    /// `Self`, or a container's `const Self = @This();` alias of any name.
    fn is_self_alias(&self, name: &str) -> bool {
        name == "Self"
            || self
                .container_types
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .is_some_and(|(_, t)| *t == Ty::Named("Self".into()))
    }

    pub(super) fn resolve_type_name(&self, name: &str) -> Option<Ty> {
        if let Some((_, ty)) = self.container_types.iter().rev().find(|(n, _)| n == name) {
            return Some(ty.clone());
        }
        if let Some(Ty::Named(n)) = self.local(name)
            && n == name
        {
            return Some(Ty::Named(name.into()));
        }
        if let Some(alias) = self.scope.type_aliases.get(name) {
            return Some(alias.clone());
        }
        if let Some(info) = self.scope.types.get(name) {
            if !info.generics.is_empty() {
                return Some(Ty::Generic {
                    name: name.into(),
                    args: Vec::new(),
                });
            }
            return Some(Ty::Named(name.into()));
        }
        if self.scope.self_alias.as_deref() == Some(name)
            && let Some(file_struct) = &self.scope.file_struct
        {
            return Some(Ty::Named(file_struct.clone()));
        }
        // `const Endian = std.builtin.Endian;`: a std type with a Rust twin.
        match self.scope.imports.get(name) {
            Some(Import::StdAlias(path)) => {
                types::std_named_type(&path.iter().map(String::as_str).collect::<Vec<_>>())
            }
            _ => None,
        }
    }

    fn zig_type(&self, e: &Expr) -> Ty {
        let ty = types::zig_type_with(e, &|n| self.resolve_type_name(n), &|e| self.std_type(e));
        // Names the rules cannot resolve (an alias of a std type, a type
        // reached through a re-export): the semantic model's.
        if ty.mentions_unknown()
            && let Some(resolved) = self.sema_denoted_ty(e)
        {
            return resolved;
        }
        ty
    }

    /// Types from the Zig std with a Rust twin: `std.ArrayList(T)` (and the
    /// 0.15 names `std.array_list.Managed/Aligned(T)`) is `Vec<T>`.
    fn std_type(&self, e: &Expr) -> Option<Ty> {
        if let ExprKind::Call { callee, args } = &e.kind
            && let ExprKind::Ident(ctor) = &callee.kind
            && let Some(name) = self
                .scope
                .mono_types
                .get(&(ctor.clone(), self.args_text(args)))
        {
            return Some(Ty::Named(name.clone()));
        }
        // `Ring(4)`: an instance of a generic type with const parameters.
        if let ExprKind::Call { callee, args } = &e.kind
            && let ExprKind::Ident(ctor) = &callee.kind
            && self
                .scope
                .types
                .get(ctor)
                .is_some_and(|i| !i.generics.is_empty())
            && let Some((params, _)) = self.type_constructor_decl(ctor)
            && params.iter().any(|(_, is_type)| !is_type)
            && params.len() == args.len()
        {
            let args = params
                .iter()
                .zip(args)
                .map(|((_, is_type), a)| match is_type {
                    true => Some(self.zig_type(a)),
                    false => match &a.kind {
                        ExprKind::Bool(b) => Some(Ty::ConstArg(b.to_string())),
                        _ => self.array_len(a).map(Ty::ConstArg),
                    },
                })
                .collect::<Option<Vec<_>>>()?;
            return Some(Ty::Generic {
                name: ctor.clone(),
                args,
            });
        }
        if let ExprKind::Container(_) = &e.kind
            && let Some((_, name, _)) = self
                .scope
                .anon_types
                .iter()
                .find(|(s, ..)| *s == e.span.start)
        {
            return Some(Ty::Named(name.clone()));
        }
        // `@TypeOf(x)` in a type position: the type of `x`.
        if let ExprKind::Builtin { name, args } = &e.kind
            && name == "TypeOf"
            && let [x] = &args[..]
        {
            return Some(self.infer(x)).filter(|t| *t != Ty::Unknown);
        }
        if let ExprKind::Array { len, elem, .. } = &e.kind {
            let len = self.array_len(len)?;
            return Some(Ty::Array {
                elem: Box::new(self.zig_type(elem)),
                len,
            });
        }
        if let ExprKind::Field { object, member } = &e.kind
            && let ExprKind::Ident(owner) = &object.kind
            && let Some((_, full)) = self
                .scope
                .nested
                .get(owner)
                .and_then(|list| list.iter().find(|(short, _)| short == member))
        {
            return Some(Ty::Named(full.clone()));
        }
        if matches!(e.kind, ExprKind::Field { .. })
            && let Some(path) = self.std_path(e)
        {
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            if let Some(ty) = types::std_named_type(&path) {
                return Some(ty);
            }
        }
        let ExprKind::Call { callee, args } = &e.kind else {
            return None;
        };
        let path = self.std_path(callee)?;
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        match (&path[..], &args[..]) {
            (
                ["ArrayList" | "ArrayListUnmanaged"] | ["array_list", "Managed" | "Aligned"],
                [t, ..],
            ) => Some(Ty::Vec(Box::new(self.zig_type(t)))),
            (["StringHashMap" | "StringHashMapUnmanaged"], [v]) => {
                let value = self.zig_type(v);
                Some(Ty::StrMap(Box::new(
                    match self.scope.owned_map_values.contains(&value) {
                        true => items::owned_slices(value),
                        false => value,
                    },
                )))
            }
            (["StaticBitSet"], [len]) => Some(Ty::BitSet(self.array_len(len)?)),
            (["mem", kind @ ("SplitIterator" | "TokenIterator")], [t, ..]) => Some(Ty::Split {
                tokens: *kind == "TokenIterator",
                elem: Box::new(self.zig_type(t)),
            }),
            _ => None,
        }
    }

    fn push_scope(&mut self) {
        self.state.scopes.push(Vec::new());
    }

    fn pop_scope(&mut self) {
        self.state.scopes.pop();
    }

    fn bind(&mut self, name: &str, ty: Ty) {
        if let Some(scope) = self.state.scopes.last_mut() {
            scope.push((name.to_string(), ty));
        }
    }

    fn local(&self, name: &str) -> Option<&Ty> {
        self.state
            .scopes
            .iter()
            .rev()
            .flat_map(|s| s.iter().rev())
            .find(|(n, _)| n == name)
            .map(|(_, t)| t)
    }

    /// Plain comments between `from` and `to` (byte offsets), as markers.
    fn comments_before(&mut self, to: u32) -> Vec<TokenStream> {
        let mut out = Vec::new();
        while let Some(c) = self.file.comments.get(self.next_comment) {
            if c.span.start >= to {
                break;
            }
            if c.kind == CommentKind::Line {
                out.push(comment_marker(&c.text));
            }
            self.next_comment += 1;
        }
        out
    }

    /// Skips comments inside a span that was translated as a whole.
    fn skip_comments_to(&mut self, offset: u32) {
        while self
            .file
            .comments
            .get(self.next_comment)
            .is_some_and(|c| c.span.start < offset)
        {
            self.next_comment += 1;
        }
    }

    fn collect_scope(&mut self, zig_path: &str) {
        let mut errors = ErrorNames::default();
        visit::walk_file(&mut errors, self.file);
        self.scope.error_names = errors.0;
        self.scope.uses_error_unions = errors.1;
        self.scope.runtime_errors = writer::runtime_errors_used(self.file);
        for &i in &self.scope.runtime_errors {
            let (_, names, _) = writer::RUNTIME_ERRORS[i];
            self.scope
                .error_names
                .extend(names.iter().map(|n| n.to_string()));
        }
        self.scope.self_alias = self.file.members.iter().find_map(|d| match &d.kind {
            DeclKind::Var(v)
                if matches!(&v.init, Some(Expr { kind: ExprKind::Builtin { name, args }, .. }) if name == "This" && args.is_empty()) =>
            {
                Some(v.name.clone())
            }
            _ => None,
        });
        if self
            .file
            .members
            .iter()
            .any(|d| matches!(d.kind, DeclKind::Field(_)))
        {
            let stem = zig_path
                .rsplit('/')
                .next()
                .unwrap_or(zig_path)
                .trim_end_matches(".zig");
            let name = self
                .scope
                .self_alias
                .clone()
                .unwrap_or_else(|| names::camel_case(stem));
            self.scope.file_struct = Some(name.clone());
            // Registered now so field and parameter types can name it.
            self.scope.types.insert(name, TypeInfo::default());
        }
        self.name_anonymous_field_types();
        self.scope.owned_fields = ownership::owned_fields(self.file);
        self.scope.slice_pointers = slice_pointers::slice_pointers(self.file);

        self.scope.owned_map_values = ownership::owned_map_value_types(self.file)
            .iter()
            .map(|v| self.zig_type(v))
            .collect();
        // Imports first: aliases such as `const mem = std.mem;` build on them.
        for decl in &self.file.members {
            if let DeclKind::Var(v) = &decl.kind
                && let Some(Expr {
                    kind: ExprKind::Builtin { name, .. },
                    ..
                }) = &v.init
                && name == "import"
            {
                self.collect_var(v);
            }
        }
        let builtin_names: HashSet<String> = self
            .scope
            .imports
            .iter()
            .filter(|(_, i)| matches!(i, Import::Named(b) if b == "builtin"))
            .map(|(n, _)| n.clone())
            .collect();
        for d in &self.file.members {
            if let DeclKind::Var(v) = &d.kind
                && v.mutability == Mutability::Const
                && let Some(init) = &v.init
                && let Some(q) = target::target_query_of(init, &|root| builtin_names.contains(root))
            {
                self.scope.target_consts.insert(v.name.clone(), q);
            }
        }
        let mut sources: Vec<(String, BTreeSet<String>)> = self
            .scope
            .imports
            .values()
            .filter_map(|i| match i {
                Import::Module(m) => {
                    Some((m.clone(), self.crate_context.module_errors.get(m)?.clone()))
                }
                _ => None,
            })
            .collect();
        sources.sort();
        sources.dedup();
        if self.scope.error_names.is_empty() && !self.scope.uses_error_unions {
            sources.clear(); // no `Error` here: nothing to convert into
        }
        for (_, names) in &sources {
            self.scope.error_names.extend(names.iter().cloned());
        }
        self.scope.error_sources = sources;
        // Every module-level container's name first: a field type or a
        // function-pointer alias may name a type declared further down.
        for decl in &self.file.members {
            if let DeclKind::Var(v) = &decl.kind
                && let Some(Expr {
                    kind: ExprKind::Container(_),
                    ..
                }) = &v.init
            {
                self.scope.types.entry(v.name.clone()).or_default();
            }
        }
        for decl in &self.file.members {
            match &decl.kind {
                DeclKind::Var(v) if matches!(&v.init, Some(Expr { kind: ExprKind::Builtin { name, .. }, .. }) if name == "import") =>
                    {}
                DeclKind::Fn(f) if self.generic_constructor(f).is_some() => {
                    if let Some((params, c)) = self.generic_constructor(f) {
                        let names: Vec<String> =
                            params.iter().map(|p| p.rust_name().to_string()).collect();
                        self.scope.types.insert(
                            f.name.clone(),
                            TypeInfo {
                                generics: names.clone(),
                                ..TypeInfo::default()
                            },
                        );
                        let mut info =
                            self.with_container_types(&f.name, &params, c, |t| t.type_info(c));
                        info.generics = names;
                        self.scope.types.insert(f.name.clone(), info);
                    }
                }
                DeclKind::Fn(f) => {
                    let mut sig = self.fn_sig(f);
                    sig.owner = self.scope.file_struct.clone();
                    self.scope.fns.insert(f.name.clone(), sig);
                }
                DeclKind::Var(v) if let Some((ctor, args)) = self.type_instance_call(v) => {
                    self.scope.types.insert(v.name.clone(), TypeInfo::default());
                    let info = self
                        .with_instance(&v.name, &ctor, &args, |t, c| t.type_info(c))
                        .unwrap_or_default();
                    self.scope.types.insert(v.name.clone(), info);
                    self.scope
                        .type_instances
                        .insert(v.name.clone(), (ctor, args));
                }
                DeclKind::Var(v) => self.collect_var(v),
                _ => {}
            }
        }
        if let Some(name) = self.scope.file_struct.clone() {
            let decl = self.file_struct_decl();
            let info = self.type_info(&decl);
            self.scope.types.insert(name, info);
        }
        self.collect_mono_types();
        self.fill_anonymous_type_infos();
        self.mark_borrowing_types();
        self.scope.exposed = self.exposed_types();
        self.collect_const_calls();
        self.collect_instances();
    }

    fn name_anonymous_field_types(&mut self) {
        let mut found = Vec::new();
        // The file's own fields when the file is a struct (`next: enum {
        // first, comma } = .first,` in `Stringify.zig`): `StringifyNext`.
        if let Some(owner) = self.scope.file_struct.clone() {
            for m in &self.file.members {
                if let DeclKind::Field(f) = &m.kind
                    && let Some(t) = &f.ty
                    && let ExprKind::Container(inner) = &t.kind
                    && inner.kind == ContainerKind::Enum
                {
                    let name = format!("{owner}{}", names::camel_case(&f.name));
                    found.push((t.span.start, name.clone(), (**inner).clone()));
                    self.scope.types.insert(name, TypeInfo::default());
                }
            }
        }
        for decl in &self.file.members {
            let DeclKind::Var(v) = &decl.kind else {
                continue;
            };
            let Some(Expr {
                kind: ExprKind::Container(c),
                ..
            }) = &v.init
            else {
                continue;
            };
            for m in &c.members {
                if let DeclKind::Field(f) = &m.kind
                    && let Some(t) = &f.ty
                    && let ExprKind::Container(inner) = &t.kind
                    && inner.kind == ContainerKind::Enum
                {
                    let name = format!("{}{}", v.name, names::camel_case(&f.name));
                    found.push((t.span.start, name.clone(), (**inner).clone()));
                    self.scope.types.insert(name, TypeInfo::default());
                }
                // `const Segmenter = struct { const Unit = struct {..}; .. }`:
                // a module-level `SegmenterUnit`, named `Unit` inside.
                if let DeclKind::Var(inner_var) = &m.kind
                    && let Some(t) = &inner_var.init
                    && let ExprKind::Container(inner) = &t.kind
                    && inner.kind != ContainerKind::Opaque
                {
                    let name = format!("{}{}", v.name, names::camel_case(&inner_var.name));
                    found.push((t.span.start, name.clone(), (**inner).clone()));
                    self.scope.types.insert(name.clone(), TypeInfo::default());
                    self.scope
                        .nested
                        .entry(v.name.clone())
                        .or_default()
                        .push((inner_var.name.clone(), name));
                }
            }
        }
        // `const Group = struct {..}` inside `fn Program(..) type`, with
        // one instance `const MatchProgram = Program(..)`: `MatchProgramGroup`.
        let instances: Vec<(String, String)> = self
            .file
            .members
            .iter()
            .filter_map(|d| match &d.kind {
                DeclKind::Var(v) => self
                    .type_instance_call(v)
                    .map(|(ctor, _)| (v.name.clone(), ctor)),
                _ => None,
            })
            .collect();
        for (instance, ctor) in &instances {
            if instances.iter().filter(|(_, c)| c == ctor).count() != 1 {
                continue; // one Rust type per nested declaration
            }
            let Some((_, c)) = self.type_constructor_decl(ctor) else {
                continue;
            };
            for m in &c.members {
                if let DeclKind::Var(inner_var) = &m.kind
                    && let Some(t) = &inner_var.init
                    && let ExprKind::Container(inner) = &t.kind
                    && inner.kind != ContainerKind::Opaque
                {
                    let name = format!("{instance}{}", names::camel_case(&inner_var.name));
                    found.push((t.span.start, name.clone(), (**inner).clone()));
                    self.scope.types.insert(name.clone(), TypeInfo::default());
                    self.scope
                        .nested
                        .entry(instance.clone())
                        .or_default()
                        .push((inner_var.name.clone(), name));
                }
            }
        }
        // `const State = enum { .. };` inside a function or test body.
        let mut bodies: Vec<(String, &Block, bool)> = Vec::new();
        for (owner, f) in self.all_fn_decls() {
            if let Some(b) = &f.body {
                bodies.push((format!("{owner}{}", names::camel_case(&f.name)), b, false));
            }
        }
        for d in &self.file.members {
            if let DeclKind::Test(t) = &d.kind {
                let label = match &t.name {
                    TestName::Description(n) | TestName::Decl(n) => n.as_str(),
                    TestName::Anonymous => "anonymous",
                };
                let words: String = label
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(|w| names::camel_case(&w.to_ascii_lowercase()))
                    .collect();
                bodies.push((format!("Test{words}"), &t.body, true));
            }
        }
        for (prefix, body, in_test) in bodies {
            for s in &body.stmts {
                if let StmtKind::Var(v) = &s.kind
                    && let Some(t) = &v.init
                    && let ExprKind::Container(inner) = &t.kind
                    && inner.kind != ContainerKind::Opaque
                {
                    let mut name = format!("{prefix}{}", names::camel_case(&v.name));
                    while self.scope.types.contains_key(&name) {
                        name.push('_');
                    }
                    found.push((t.span.start, name.clone(), (**inner).clone()));
                    self.scope.types.insert(name.clone(), TypeInfo::default());
                    self.scope
                        .local_types
                        .entry(body.span.start)
                        .or_default()
                        .push((v.name.clone(), name.clone()));
                    if in_test {
                        self.scope.test_local_types.insert(name);
                    }
                }
            }
        }
        // `fn findClose(..) ?struct { close: usize, has_comma: bool }`: the
        // anonymous result struct is named after its function.
        let fns: Vec<&FnDecl> = self.all_fn_decls().into_iter().map(|(_, f)| f).collect();
        for f in fns {
            // `var best: ?struct { index: usize, version: Full } = null;`:
            // named after its function and variable (`MaxSatisfyingIndexBest`).
            let mut typed: Vec<(String, &Expr)> = vec![(
                format!("{}Result", names::camel_case(&f.name)),
                &f.proto.return_type,
            )];
            // `sign: enum { pos, neg }`: named after function and parameter
            // (`ParseIntWithSignSign`).
            typed.extend(f.proto.params.iter().filter_map(|p| match &p.ty {
                ParamType::Type(t) => Some((
                    format!(
                        "{}{}",
                        names::camel_case(&f.name),
                        names::camel_case(p.name.as_deref().unwrap_or("arg"))
                    ),
                    t,
                )),
                _ => None,
            }));
            if let Some(body) = &f.body {
                typed.extend(local_var_types(body).into_iter().map(|(var, ty)| {
                    let name = format!("{}{}", names::camel_case(&f.name), names::camel_case(&var));
                    (name, ty)
                }));
            }
            for (mut name, ty) in typed {
                let mut ty = ty;
                while let ExprKind::Optional(inner) | ExprKind::ErrorUnion { payload: inner, .. } =
                    &ty.kind
                {
                    ty = inner;
                }
                if let ExprKind::Container(inner) = &ty.kind
                    && (inner.kind == ContainerKind::Enum
                        || (inner.kind == ContainerKind::Struct && !is_tuple(inner)))
                {
                    while self.scope.types.contains_key(&name) {
                        name.push('_');
                    }
                    found.push((ty.span.start, name.clone(), (**inner).clone()));
                    self.scope.types.insert(name, TypeInfo::default());
                }
            }
        }
        // `bound: struct { op: Op, version: Full }` in a tagged union: the
        // payload struct is named after its union and field (`ComparatorBound`).
        for decl in &self.file.members {
            if let DeclKind::Var(VarDecl {
                name: union_name,
                init:
                    Some(Expr {
                        kind: ExprKind::Container(u),
                        ..
                    }),
                ..
            }) = &decl.kind
                && u.kind == ContainerKind::Union
            {
                for m in &u.members {
                    if let DeclKind::Field(f) = &m.kind
                        && let Some(ty) = &f.ty
                        && let ExprKind::Container(inner) = &ty.kind
                        && inner.kind == ContainerKind::Struct
                        && !is_tuple(inner)
                    {
                        let mut name = format!("{union_name}{}", names::camel_case(&f.name));
                        while self.scope.types.contains_key(&name) {
                            name.push('_');
                        }
                        found.push((ty.span.start, name.clone(), (**inner).clone()));
                        self.scope.types.insert(name, TypeInfo::default());
                    }
                }
            }
        }
        self.scope.anon_types = found;
    }

    /// The anonymous types' fields and methods, once every named type of
    /// the module is known (`bound: struct { op: Op, .. }` names `Op`).
    fn fill_anonymous_type_infos(&mut self) {
        let found = std::mem::take(&mut self.scope.anon_types);
        for (_, name, c) in &found {
            // A nested type sees its siblings (and its container's other
            // nested types) by their short names.
            let owner = self
                .scope
                .nested
                .iter()
                .find(|(_, list)| list.iter().any(|(_, full)| full == name))
                .map(|(owner, _)| owner.clone());
            let before = self.container_types.len();
            if let Some(owner) = owner {
                let bindings = self.nested_bindings(&owner);
                self.container_types.extend(bindings);
            }
            let info = self.type_info(c);
            self.container_types.truncate(before);
            self.scope.types.insert(name.clone(), info);
        }
        self.scope.anon_types = found;
    }

    fn collect_instances(&mut self) {
        let mut calls = Vec::new();
        for decl in &self.file.members {
            let mut found = MonoCalls::default();
            let enclosing = match &decl.kind {
                DeclKind::Fn(f) => {
                    found.params_of(f);
                    self.scope
                        .fns
                        .get(&f.name)
                        .is_some_and(|s| !s.mono_params.is_empty())
                        .then(|| f.name.clone())
                }
                _ => None,
            };
            crate::syntax::visit::walk_decl(&mut found, decl);
            calls.extend(found.calls.into_iter().map(|c| (enclosing.clone(), c)));
        }
        let param_names = |name: &str| -> Vec<String> {
            let Some(sig) = self.scope.fns.get(name) else {
                return Vec::new();
            };
            let f = self.file.members.iter().find_map(|d| match &d.kind {
                DeclKind::Fn(f) if f.name == name => Some(f),
                _ => None,
            });
            sig.mono_params
                .iter()
                .map(|(i, _)| {
                    f.and_then(|f| f.proto.params.get(*i)?.name.clone())
                        .unwrap_or_default()
                })
                .collect()
        };
        let mut generic_only: HashSet<String> = HashSet::new();
        // A fixpoint: an instance of a generic caller instantiates its
        // callees with its own bindings (`parseRange(Sink)` → `parseSet(Sink)`);
        // a callee reached from a caller that stays generic stays generic.
        let instances = loop {
            let mut instances: HashMap<String, Vec<Vec<MonoArg>>> = HashMap::new();
            let mut newly_generic = HashSet::new();
            loop {
                let mut changed = false;
                for (enclosing, call) in &calls {
                    let Some((key, sig)) = self.mono_callee(&call.callee) else {
                        continue;
                    };
                    if sig.mono_params.is_empty() || sig.owner.is_some() {
                        continue;
                    }
                    let envs: Vec<Vec<(String, MonoArg)>> = match enclosing {
                        Some(g) if generic_only.contains(g) => {
                            newly_generic.insert(key.clone());
                            continue;
                        }
                        Some(g) => {
                            let names = param_names(g);
                            instances
                                .get(g)
                                .map(|list| {
                                    list.iter()
                                        .map(|args| {
                                            names
                                                .iter()
                                                .cloned()
                                                .zip(args.iter().cloned())
                                                .collect()
                                        })
                                        .collect()
                                })
                                .unwrap_or_default()
                        }
                        None => vec![Vec::new()],
                    };
                    for env in envs {
                        let args: Result<Vec<MonoArg>, MonoMiss> = sig
                            .mono_params
                            .iter()
                            .map(|&(i, kind)| {
                                let arg = call.args.get(i).ok_or(MonoMiss::Generic)?;
                                self.mono_arg(kind, arg, &env, call)
                            })
                            .collect();
                        let args = match args {
                            Ok(args) => args,
                            // The call site says so (a TODO); the others still instantiate.
                            Err(MonoMiss::NoRustType) => continue,
                            Err(MonoMiss::Generic) => {
                                newly_generic.insert(key.clone());
                                continue;
                            }
                        };
                        // Distinct by Rust name: `u8` spelled two ways is one instance.
                        let rust = self.instance_name(&sig.rust_name, &args);
                        let list = instances.entry(key.clone()).or_default();
                        if !list
                            .iter()
                            .any(|other| self.instance_name(&sig.rust_name, other) == rust)
                        {
                            list.push(args);
                            changed = true;
                        }
                    }
                }
                if !changed {
                    break;
                }
            }
            // A generic function never called with concrete types stays generic.
            for (enclosing, _) in &calls {
                if let Some(g) = enclosing
                    && !instances.contains_key(g)
                {
                    newly_generic.insert(g.clone());
                }
            }
            if newly_generic.is_subset(&generic_only) {
                break instances;
            }
            generic_only.extend(newly_generic);
        };
        self.scope.instances = instances
            .into_iter()
            .filter(|(name, _)| !generic_only.contains(name))
            .collect();
    }

    /// The function a bare call names, for monomorphisation: a module
    /// function (key: its name), or an associated function without a
    /// receiver of the one module type declaring that name (key:
    /// `Owner.name`; Zig lets the type's code call it by its short name).
    fn mono_callee(&self, callee: &str) -> Option<(String, FnSig)> {
        if let Some(sig) = self.scope.fns.get(callee) {
            return Some((callee.to_string(), sig.clone()));
        }
        let mut owners = self
            .scope
            .types
            .iter()
            .filter(|(_, info)| info.methods.contains_key(callee));
        let (owner, info) = owners.next()?;
        if owners.next().is_some() {
            return None;
        }
        let sig = info.methods.get(callee)?;
        // A receiver makes it a method: the rules leave those generic.
        let has_receiver = sig
            .params
            .first()
            .is_some_and(|p| matches!(p, Ty::Named(n) if n == owner) || matches!(p, Ty::Ref { to, .. } if matches!(to.as_ref(), Ty::Named(n) if n == owner || n == "Self")));
        (!has_receiver).then(|| (format!("{owner}.{callee}"), sig.clone()))
    }

    /// The comptime argument a call passes for one monomorphised parameter,
    /// `env` binding the enclosing instance's own parameters.
    fn mono_arg(
        &self,
        kind: MonoKind,
        arg: &Expr,
        env: &[(String, MonoArg)],
        call: &MonoCall,
    ) -> Result<MonoArg, MonoMiss> {
        let bound = |n: &str| env.iter().find(|(p, _)| p == n).map(|(_, a)| a);
        let type_arg = |t: &Expr| -> Result<Ty, MonoMiss> {
            let ty = match &t.kind {
                ExprKind::Ident(n) => match bound(n) {
                    Some(MonoArg::Type(t)) => t.clone(),
                    _ => match call.inline_types.iter().rev().find(|(p, _)| p == n) {
                        Some((_, e)) => self.zig_type(e),
                        None => self.zig_type(t),
                    },
                },
                _ => self.zig_type(t),
            };
            match &ty {
                Ty::Int(_) | Ty::Float(_) if types::rust_type(&ty).is_none() => {
                    Err(MonoMiss::NoRustType)
                }
                Ty::Int(_) | Ty::Float(_) | Ty::Bool => Ok(ty),
                Ty::Named(n)
                    if self
                        .scope
                        .types
                        .get(n)
                        .is_some_and(|i| i.generics.is_empty()) =>
                {
                    Ok(ty)
                }
                _ => Err(MonoMiss::Generic),
            }
        };
        match kind {
            MonoKind::Type => type_arg(arg).map(MonoArg::Type),
            MonoKind::Value => match &arg.kind {
                ExprKind::Ident(n) => match bound(n) {
                    Some(MonoArg::Value(v)) => Ok(MonoArg::Value(v.clone())),
                    _ => Err(MonoMiss::Generic),
                },
                _ if comptime_literal(arg) => Ok(MonoArg::Value(arg.clone())),
                _ => Err(MonoMiss::Generic),
            },
            MonoKind::TypeOf => {
                // `log2(0x1p-100)`: a `comptime_int`/`comptime_float` instance,
                // which has no runtime twin (the call site says so).
                let literal = |e: &Expr| {
                    matches!(
                        e.kind,
                        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Char(_)
                    )
                };
                if literal(arg)
                    || matches!(&arg.kind, ExprKind::Unary { op: UnaryOp::Neg, operand } if literal(operand))
                {
                    return Err(MonoMiss::NoRustType);
                }
                let ty = match value_type_expr(arg, call) {
                    Some(ValueType::Expr(t)) => type_arg(t)?,
                    Some(ValueType::Param(n)) => match bound(n) {
                        Some(MonoArg::TypeOf(t)) => t.clone(),
                        _ => return Err(MonoMiss::Generic),
                    },
                    None => return Err(MonoMiss::Generic),
                };
                // `@TypeOf(x)` is substituted as a type expression: scalars only.
                match ty {
                    Ty::Int(_) | Ty::Float(_) | Ty::Bool => Ok(MonoArg::TypeOf(ty)),
                    _ => Err(MonoMiss::Generic),
                }
            }
        }
    }

    /// The Rust name of one instance of a monomorphised function.
    fn instance_name(&self, rust_name: &str, args: &[MonoArg]) -> String {
        let suffix: Vec<String> = args
            .iter()
            .map(|a| match a {
                MonoArg::Type(Ty::Named(n)) | MonoArg::TypeOf(Ty::Named(n)) => names::snake_case(n),
                MonoArg::Type(t) | MonoArg::TypeOf(t) => types::rust_type(t)
                    .map(|r| r.to_string().replace(' ', ""))
                    .unwrap_or_else(|| "t".into()),
                MonoArg::Value(v) => literal_suffix(v),
            })
            .collect();
        format!("{rust_name}_{}", suffix.join("_"))
    }

    fn collect_const_calls(&mut self) {
        struct Calls(HashSet<String>);
        impl crate::syntax::visit::Visitor<'_> for Calls {
            fn visit_expr(&mut self, e: &Expr) {
                if let ExprKind::Call { callee, .. } = &e.kind
                    && let ExprKind::Ident(n) = &callee.kind
                {
                    self.0.insert(n.clone());
                }
                crate::syntax::visit::walk_expr(self, e);
            }
        }
        let mut calls = Calls(HashSet::new());
        for decl in &self.file.members {
            if let DeclKind::Var(v) = &decl.kind
                && v.mutability == Mutability::Const
                && let Some(init) = &v.init
            {
                crate::syntax::visit::Visitor::visit_expr(&mut calls, init);
            }
        }
        self.scope.const_called = calls.0;
    }

    /// Which plain structs and tagged unions hold borrowed data, directly
    /// or through a field of such a type (a fixpoint over the module).
    fn mark_borrowing_types(&mut self) {
        loop {
            let borrowing: HashSet<String> = self
                .scope
                .types
                .iter()
                .filter(|(_, i)| i.borrows)
                .map(|(n, _)| n.clone())
                .collect();
            let mut changed = false;
            for info in self.scope.types.values_mut() {
                let eligible = info.generics.is_empty()
                    && info.packed.is_none()
                    && matches!(
                        info.kind,
                        Some(ContainerKind::Struct | ContainerKind::Union)
                    );
                if info.borrows || !eligible {
                    continue;
                }
                let borrows = info.fields.iter().any(|(_, t, _)| match t {
                    Ty::Slice { mutable: false, .. }
                    | Ty::Ref { mutable: false, .. }
                    | Ty::Split { .. }
                    | Ty::StrMap(_) => true,
                    Ty::Ref { to, mutable } => {
                        **to == Ty::Writer
                            || matches!(**to, Ty::StrMap(_))
                            // `sink: *Sink`: a `&'a mut` to a value of the module.
                            || (*mutable && matches!(**to, Ty::Named(_)))
                    }
                    Ty::Named(n) => borrowing.contains(n),
                    Ty::Optional(inner) | Ty::Array { elem: inner, .. } | Ty::Vec(inner) => {
                        match inner.as_ref() {
                            Ty::Slice { mutable: false, .. } => true,
                            Ty::Named(n) => borrowing.contains(n),
                            _ => false,
                        }
                    }
                    _ => false,
                });
                if borrows {
                    info.borrows = true;
                    changed = true;
                }
            }
            if !changed {
                return;
            }
        }
    }

    /// Whether the module's type `name` takes a lifetime.
    fn type_borrows(&self, name: &str) -> bool {
        self.scope.types.get(name).is_some_and(|i| i.borrows)
    }

    /// The file's own struct: its top-level fields and functions.
    fn file_struct_decl(&self) -> ContainerDecl {
        ContainerDecl {
            kind: ContainerKind::Struct,
            layout: ContainerLayout::Auto,
            arg: None,
            tagged: false,
            members: self
                .file
                .members
                .iter()
                .filter(|d| matches!(d.kind, DeclKind::Field(_) | DeclKind::Fn(_)))
                .cloned()
                .collect(),
        }
    }

    fn imported_module(&self, import: &str) -> String {
        resolve_import(self.zig_path, import, self.crate_context)
    }

    fn collect_var(&mut self, v: &VarDecl) {
        let Some(init) = &v.init else { return };
        match &init.kind {
            ExprKind::Builtin { name, args } if name == "import" => {
                let import = match args.first().map(|a| &a.kind) {
                    // Inside the std itself, `std` is imported as `std.zig` or `../std.zig`.
                    Some(ExprKind::Str(s))
                        if s == b"std" || s == b"std.zig" || s.ends_with(b"/std.zig") =>
                    {
                        Import::Std
                    }
                    Some(ExprKind::Str(s)) if s.ends_with(b".zig") => {
                        Import::Module(self.imported_module(&String::from_utf8_lossy(s)))
                    }
                    Some(ExprKind::Str(s)) if !s.contains(&b'.') && !s.contains(&b'/') => {
                        Import::Named(String::from_utf8_lossy(s).into_owned())
                    }
                    _ => Import::Other,
                };
                self.scope.imports.insert(v.name.clone(), import);
            }
            ExprKind::Container(c) => {
                // Register the name first: fields may refer to the type itself.
                self.scope.types.insert(v.name.clone(), TypeInfo::default());
                let before = self.container_types.len();
                let bindings = self.nested_bindings(&v.name);
                self.container_types.extend(bindings);
                let info = self.type_info(c);
                self.container_types.truncate(before);
                self.scope.types.insert(v.name.clone(), info);
            }
            ExprKind::ErrorSet(_) => {}
            ExprKind::Pointer(p) if matches!(p.child.kind, ExprKind::FnType(_)) => {
                let ty = self.zig_type(init);
                self.scope.type_aliases.insert(v.name.clone(), ty);
            }
            // `const Section = std.StringHashMap(Value);`
            _ if let Some(ty @ (Ty::StrMap(_) | Ty::Vec(_))) = self.std_type(init) => {
                self.scope.type_aliases.insert(v.name.clone(), ty);
            }
            _ if let Some(path) = self.std_path(init) => {
                self.scope
                    .imports
                    .insert(v.name.clone(), Import::StdAlias(path));
            }
            // `const strings = bun.strings;`: an alias inside a named module.
            _ if let Some(path) = self.named_path(init) => {
                self.scope
                    .imports
                    .insert(v.name.clone(), Import::Named(path));
            }
            _ => {
                let ty = match &v.ty {
                    Some(t) => self.zig_type(t),
                    None => self.const_type(init),
                };
                if v.ty.is_none() && self.is_untyped_int(init, &|_| false) {
                    self.scope.comptime_ints.insert(v.name.clone());
                }
                let rust = names::screaming_case(&v.name);
                if let ExprKind::Field { object, member } = &init.kind
                    && self
                        .foreign_type_const(object, member)
                        .is_some_and(|(_, c)| c.lazy)
                {
                    self.scope.lazy_aliases.insert(v.name.clone());
                }
                // (A static map has its own rule, lazy when it must be.)
                if self.calls_non_const_fn(init) && !matches!(ty, Ty::StaticMap(..)) {
                    self.scope.lazy_statics.insert(v.name.clone());
                }
                self.scope.consts.insert(v.name.clone(), (rust, ty));
            }
        }
    }

    fn type_info(&mut self, c: &ContainerDecl) -> TypeInfo {
        let mut info = TypeInfo {
            kind: Some(c.kind),
            ..TypeInfo::default()
        };
        let aliases = this_aliases(c);
        if c.kind == ContainerKind::Struct && c.layout == ContainerLayout::Packed {
            info.packed = packed::backing(self, c);
        }
        let before = self.container_types.len();
        self.container_types
            .extend(aliases.into_iter().map(|a| (a, Ty::Named("Self".into()))));
        let std_aliases = self.std_type_aliases(c);
        self.container_types.extend(std_aliases);
        for m in &c.members {
            match &m.kind {
                DeclKind::Field(f) => {
                    // A union field without a type has no payload.
                    let untyped = if c.kind == ContainerKind::Union {
                        Ty::Void
                    } else {
                        Ty::Unknown
                    };
                    let ty = self.field_decl_type(f, untyped);
                    info.variants.push(f.name.clone());
                    info.fields.push((f.name.clone(), ty, f.value.clone()));
                }
                DeclKind::Fn(f) => {
                    info.methods.insert(f.name.clone(), self.fn_sig(f));
                }
                DeclKind::Var(v) if v.init.as_ref().is_some_and(|i| self.std_type(i).is_some()) => {
                }
                DeclKind::Var(v) => {
                    let usize_ty = Ty::Int("usize".into());
                    let ty = match (&v.ty, &v.init) {
                        (Some(t), _) => self.zig_type(t),
                        // `2 * (capacity + 1)` over the container's own constants.
                        (None, Some(init))
                            if self.is_comptime_int_with(init, &|n| {
                                info.consts.get(n).is_some_and(|(_, t)| *t == usize_ty)
                            }) =>
                        {
                            usize_ty.clone()
                        }
                        (None, Some(init)) => self.const_type(init),
                        (None, None) => Ty::Unknown,
                    };
                    if v.init.as_ref().is_some_and(|i| self.calls_non_const_fn(i)) {
                        info.lazy_consts.insert(v.name.clone());
                    }
                    if v.ty.is_none()
                        && v.init.as_ref().is_some_and(|i| {
                            self.is_untyped_int(i, &|n| info.comptime_ints.contains(n))
                        })
                    {
                        info.comptime_ints.insert(v.name.clone());
                    }
                    info.consts
                        .insert(v.name.clone(), (names::screaming_case(&v.name), ty));
                }
                _ => {}
            }
        }
        self.container_types.truncate(before);
        info
    }

    /// A container field's type; `untyped` when it has none. A field the
    /// module stores allocations into owns its slices.
    pub(super) fn field_decl_type(&self, f: &ContainerField, untyped: Ty) -> Ty {
        let ty = f.ty.as_ref().map_or(untyped, |t| self.zig_type(t));
        if !self.scope.owned_fields.contains(&f.name) {
            return ty;
        }
        match ty {
            Ty::Vec(elem) => Ty::Vec(Box::new(items::owned_slices(*elem))),
            other => items::owned_slices(other),
        }
    }

    fn fn_sig(&mut self, f: &FnDecl) -> FnSig {
        let type_params: Vec<usize> = f
            .proto
            .params
            .iter()
            .enumerate()
            .filter(|(_, p)| is_type_param(p))
            .map(|(i, _)| i)
            .collect();
        let params: Vec<Ty> = f
            .proto
            .params
            .iter()
            .map(|p| match (&p.ty, &f.body, &p.name) {
                (ParamType::Type(t), ..) => self.lifted_pointer(f, t, self.zig_type(t)),
                // An `anytype` used only as bytes is a byte slice.
                (ParamType::AnyType, Some(body), Some(name)) => {
                    match items::anytype_byte_slice_use(body, name) {
                        Some(mutable) => Ty::Slice {
                            elem: Box::new(Ty::Int("u8".into())),
                            mutable,
                        },
                        None => Ty::Unknown,
                    }
                }
                _ => Ty::Unknown,
            })
            .collect();
        let mut ret =
            self.lifted_pointer(f, &f.proto.return_type, self.zig_type(&f.proto.return_type));
        if params.contains(&Ty::Allocator) || self.returns_allocation(f) {
            ret = items::owned_slices(ret); // as the function item says
        }
        let ret = self.lent_result(f, ret);
        let names: Vec<String> = type_params
            .iter()
            .map(|&i| f.proto.params[i].name.clone().unwrap_or_default())
            .collect();
        let generic_ret = (!names.is_empty()).then(|| {
            let before = self.container_types.len();
            self.container_types
                .extend(names.iter().map(|n| (n.clone(), Ty::Named(n.clone()))));
            let ret = self.zig_type(&f.proto.return_type);
            self.container_types.truncate(before);
            (names, ret)
        });
        let receiver_fields = f
            .proto
            .params
            .first()
            .and_then(|p| p.name.as_deref())
            .zip(f.body.as_ref())
            .and_then(|(receiver, body)| stmt::receiver_fields(body, receiver));
        FnSig {
            mono_params: mono::mono_params(f),
            receiver_fields,
            generic_ret,
            owner: None,
            is_unsafe: params.iter().any(|p| matches!(p, Ty::Raw { .. })),
            type_params,
            rust_name: names::snake_case(&f.name),
            params,
            ret,
        }
    }
}

impl Translator<'_> {
    /// `ty` of a `[*]const T` that `f` takes or returns as a slice (see
    /// `slice_pointers`): `&[T]`.
    pub(super) fn lifted_pointer(&self, f: &FnDecl, ty_expr: &Expr, ty: Ty) -> Ty {
        match ty {
            Ty::Raw { to, .. }
                if self.scope.slice_pointers.fns.contains(&f.name)
                    && slice_pointers::is_const_many_pointer(ty_expr) =>
            {
                Ty::Slice {
                    elem: to,
                    mutable: false,
                }
            }
            other => other,
        }
    }

    /// `const StateSet = std.StaticBitSet(capacity + 1);` inside a
    /// container: names for std types, resolved as the rules translate
    /// (Rust has no inherent associated types).
    /// Members of `c` that name a type (`pub const Key = K;`, `const Count
    /// = u32;`): Rust has no inherent associated types, so uses of the
    /// name read its target. Nested containers and std types are not
    /// these (they have their own items and rules).
    pub(super) fn type_alias_members(&self, c: &ContainerDecl) -> Vec<(String, Ty)> {
        c.members
            .iter()
            .filter_map(|m| match &m.kind {
                DeclKind::Var(v) if v.ty.is_none() => {
                    let init = v.init.as_ref()?;
                    if matches!(init.kind, ExprKind::Container(_)) || self.std_type(init).is_some()
                    {
                        return None;
                    }
                    let ty = self.zig_type(init);
                    (ty != Ty::Unknown && !ty.mentions_unknown()).then(|| (v.name.clone(), ty))
                }
                _ => None,
            })
            .collect()
    }

    pub(super) fn std_type_aliases(&self, c: &ContainerDecl) -> Vec<(String, Ty)> {
        c.members
            .iter()
            .filter_map(|m| match &m.kind {
                DeclKind::Var(v) => Some((v.name.clone(), self.std_type(v.init.as_ref()?)?)),
                _ => None,
            })
            .collect()
    }

    /// An array length as Rust source (see `types::const_length_with`).
    pub(super) fn array_len(&self, len: &Expr) -> Option<String> {
        types::const_length_with(len, &|e| self.array_len_leaf(e, 8))
    }

    /// A name or field in an array length (see `array_len`); a bound
    /// value is spelled with its own bound names, `depth` levels down.
    fn array_len_leaf(&self, e: &Expr, depth: usize) -> Option<String> {
        match &e.kind {
            ExprKind::Ident(n) if self.local(n).is_some() => None,
            ExprKind::Ident(n) if let Some((rust, _)) = self.const_param(n) => {
                Some(rust.to_string())
            }
            ExprKind::Ident(n) if let Some(arg) = self.bound_value(n) => {
                let depth = depth.checked_sub(1)?;
                types::const_length_with(arg, &|inner| match &inner.kind {
                    ExprKind::Ident(m) if self.bound_value(m).is_some() => {
                        self.array_len_leaf(inner, depth)
                    }
                    _ => None,
                })
            }
            // `Owner::CONST`, not `Self::CONST`: an array length is an
            // anonymous constant, where a generic `Self` is not permitted.
            ExprKind::Ident(n) => {
                let (owner, _) = self.declaring_container(|i| i.consts.contains_key(n))?;
                let (rust, _) = self.scope.types.get(&owner)?.consts.get(n)?;
                Some(format!("{owner}::{rust}"))
            }
            ExprKind::Field { object, member }
                if let ExprKind::Ident(module) = &object.kind
                    && self.local(module).is_none()
                    && let Some(Import::Module(m)) = self.scope.imports.get(module)
                    && self.foreign_const(m, member).is_some() =>
            {
                Some(format!("super::{m}::{}", names::screaming_case(member)))
            }
            // `[Hasher.digest_length]u8`: a constant of a module type.
            ExprKind::Field { object, member }
                if let ExprKind::Ident(owner) = &object.kind
                    && self.local(owner).is_none()
                    && let Some(Ty::Named(owner)) = self.resolve_type_name(owner)
                    && owner != "Self"
                    && let Some((rust, _)) = self.scope.types.get(&owner)?.consts.get(member) =>
            {
                Some(format!("{owner}::{rust}"))
            }
            _ => None,
        }
    }

    /// The result of a call to `sig` with `args` (the receiver excluded
    /// for a method): type parameters replaced by the types passed.
    fn instantiated_ret(&self, sig: &FnSig, args: &[Expr], method: bool) -> Ty {
        let Some((names, ret)) = &sig.generic_ret else {
            return sig.ret.clone();
        };
        let offset = usize::from(method);
        let bound: Vec<(String, Ty)> = names
            .iter()
            .zip(&sig.type_params)
            .filter_map(|(n, &i)| {
                Some((n.clone(), self.zig_type(args.get(i.checked_sub(offset)?)?)))
            })
            .collect();
        types::map_named(ret, &|t| match t {
            Ty::Named(n) => bound
                .iter()
                .find(|(b, _)| b == n)
                .map_or(Ty::Unknown, |(_, ty)| ty.clone()),
            other => other.clone(),
        })
    }

    /// `fn lookup(..) ?Value` whose every `return` is a map's `get`: Zig
    /// hands out a shallow copy of a value that stays in the map; with a
    /// value that is not `Copy` Rust lends it instead (`Option<&Value>`).
    fn lent_result(&self, f: &FnDecl, ret: Ty) -> Ty {
        let Ty::Optional(inner) = &ret else {
            return ret;
        };
        if !matches!(inner.as_ref(), Ty::Named(_)) || self.is_copy_type(inner) {
            return ret;
        }
        let Some(body) = &f.body else { return ret };
        let returns = items::returned_values(body);
        let all_gets = returns.iter().any(|r| r.kind != ExprKind::Null)
            && returns.iter().filter(|r| r.kind != ExprKind::Null).all(|r| {
                matches!(&r.kind, ExprKind::Call { callee, args }
                    if args.len() == 1
                        && matches!(&callee.kind, ExprKind::Field { member, .. } if member == "get"))
            });
        match all_gets {
            true => Ty::Optional(Box::new(Ty::Ref {
                to: inner.clone(),
                mutable: false,
            })),
            false => ret,
        }
    }

    /// Whether every `return` of `f` hands back a fresh allocation
    /// (`return std.mem.join(c.gpa, ..)` with an allocator reached through a
    /// field): the caller owns the slice, as when the allocator is a parameter.
    fn returns_allocation(&self, f: &FnDecl) -> bool {
        let Some(body) = &f.body else { return false };
        let returns = items::returned_values(body);
        !returns.is_empty()
            && returns.iter().all(|r| {
                let call = match &r.kind {
                    ExprKind::Try(inner) => inner.as_ref(),
                    _ => r,
                };
                let ExprKind::Call { callee, .. } = &call.kind else {
                    return false;
                };
                self.std_path(callee).is_some_and(|p| {
                    matches!(
                        p.iter().map(String::as_str).collect::<Vec<_>>()[..],
                        ["mem", "join" | "concat" | "dupe"] | ["fmt", "allocPrint"]
                    )
                })
            })
    }
}

impl<'a> Translator<'a> {
    /// See `ModuleScope::exposed`.
    fn exposed_types(&self) -> HashSet<String> {
        let named_in = |ty: &Ty, out: &mut Vec<String>| {
            let found = std::cell::RefCell::new(Vec::new());
            types::map_named(ty, &|t| {
                if let Ty::Named(n) = t {
                    found.borrow_mut().push(n.clone());
                }
                t.clone()
            });
            out.extend(found.into_inner());
        };
        let mut public: Vec<String> = self
            .file
            .members
            .iter()
            .filter(|d| d.is_pub)
            .filter_map(|d| match &d.kind {
                DeclKind::Var(v) => Some(v.name.clone()),
                _ => None,
            })
            .chain(self.scope.anon_types.iter().map(|(_, n, _)| n.clone()))
            .chain(self.scope.file_struct.clone())
            .collect();
        let mut seen: HashSet<String> = public.iter().cloned().collect();
        let mut exposed = HashSet::new();
        while let Some(name) = public.pop() {
            let Some(info) = self.scope.types.get(&name) else {
                continue;
            };
            let mut named = Vec::new();
            for (_, t, _) in &info.fields {
                named_in(t, &mut named);
            }
            for sig in info.methods.values() {
                for t in sig.params.iter().chain([&sig.ret]) {
                    named_in(t, &mut named);
                }
            }
            for n in named {
                if self.scope.types.contains_key(&n) && seen.insert(n.clone()) {
                    exposed.insert(n.clone());
                    public.push(n);
                }
            }
        }
        exposed
    }

    /// `Sink` in `Parser(NullSink)`: the arguments' Zig text, a key.
    fn args_text(&self, args: &[Expr]) -> String {
        args.iter()
            .map(|a| self.zig_text(a.span).trim().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// See `ModuleScope::mono_types`: the duck-typed constructors and
    /// every use of them with concrete type arguments.
    fn collect_mono_types(&mut self) {
        struct Uses(Vec<(String, Vec<Expr>)>);
        impl Visitor<'_> for Uses {
            fn visit_expr(&mut self, e: &Expr) {
                if let ExprKind::Call { callee, args } = &e.kind
                    && let ExprKind::Ident(n) = &callee.kind
                {
                    self.0.push((n.clone(), args.clone()));
                }
                visit::walk_expr(self, e);
            }
        }
        let file: &'a SourceFile = self.file;
        // Duck-typed ones, and those whose value parameters Rust generics
        // cannot hold (`comptime endian: Endian`) unless a constant names
        // their instances (`ModuleScope::type_instances`).
        let ctors: Vec<&'a FnDecl> = file
            .members
            .iter()
            .filter_map(|d| match &d.kind {
                DeclKind::Fn(f)
                    if duck_typed_constructor(f)
                        || (type_constructor(f).is_some()
                            && generic_type_constructor(f).is_none()
                            && !self.has_named_instance(f)) =>
                {
                    Some(f)
                }
                _ => None,
            })
            .collect();
        if ctors.is_empty() {
            return;
        }
        let mut uses = Uses(Vec::new());
        visit::walk_file(&mut uses, file);
        for (ctor, args) in uses.0 {
            if !ctors.iter().any(|f| f.name == ctor) {
                continue;
            }
            let key = (ctor.clone(), self.args_text(&args));
            let Some((params, _)) = self.type_constructor_decl(&ctor) else {
                continue;
            };
            let concrete = params.len() == args.len()
                && params
                    .iter()
                    .zip(&args)
                    .all(|((_, is_type), a)| match is_type {
                        true => self.zig_type(a) != Ty::Unknown,
                        false => comptime_literal(a),
                    });
            if self.scope.mono_types.contains_key(&key) || !concrete {
                continue;
            }
            let mut name = ctor.clone();
            for a in &args {
                name.push_str(&names::camel_case(&self.zig_text(a.span).replace('.', "_")));
            }
            self.scope.types.insert(name.clone(), TypeInfo::default());
            let info = self
                .with_instance(&name, &ctor, &args, |t, c| t.type_info(c))
                .unwrap_or_default();
            self.scope.types.insert(name.clone(), info);
            self.scope
                .type_instances
                .insert(name.clone(), (ctor.clone(), args));
            self.scope.mono_types.insert(key, name);
        }
    }

    /// Every function of the module with the name of its container (``
    /// at top level): top-level, container methods, and the methods of
    /// the types type constructors return.
    pub(super) fn all_fn_decls(&self) -> Vec<(String, &'a FnDecl)> {
        let file: &'a SourceFile = self.file;
        let mut out = Vec::new();
        for decl in &file.members {
            match &decl.kind {
                DeclKind::Fn(f) => {
                    out.push((String::new(), f));
                    if let Some((_, c)) = type_constructor(f) {
                        out.extend(c.members.iter().filter_map(|m| match &m.kind {
                            DeclKind::Fn(g) => Some((f.name.clone(), g)),
                            _ => None,
                        }));
                    }
                }
                DeclKind::Var(VarDecl {
                    name,
                    init:
                        Some(Expr {
                            kind: ExprKind::Container(c),
                            ..
                        }),
                    ..
                }) => out.extend(c.members.iter().filter_map(|m| match &m.kind {
                    DeclKind::Fn(g) => Some((name.clone(), g)),
                    _ => None,
                })),
                _ => {}
            }
        }
        out
    }

    /// The local type names of the body starting at `body_start`.
    fn local_type_bindings(&self, body_start: u32) -> Vec<(String, Ty)> {
        self.scope
            .local_types
            .get(&body_start)
            .map(|l| {
                l.iter()
                    .map(|(short, full)| (short.clone(), Ty::Named(full.clone())))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A generic type constructor whose methods call a method on a field of
/// a type-parameter type (`sink: *Sink` … `self.sink.write(..)`).
fn duck_typed_constructor(f: &FnDecl) -> bool {
    let Some((params, c)) = generic_type_constructor(f) else {
        return false;
    };
    let params: Vec<String> = params
        .iter()
        .filter_map(|p| match p {
            GenericParam::Type(t) => Some(t.clone()),
            GenericParam::Const { .. } => None,
        })
        .collect();
    let mentions_param = |t: &Expr| {
        visit::any_expr(
            t,
            &|e| matches!(&e.kind, ExprKind::Ident(n) if params.contains(n)),
        )
    };
    let duck_fields: Vec<&str> = c
        .members
        .iter()
        .filter_map(|m| match &m.kind {
            DeclKind::Field(field) if field.ty.as_ref().is_some_and(mentions_param) => {
                Some(field.name.as_str())
            }
            _ => None,
        })
        .collect();
    struct FieldCalls<'d>(&'d [&'d str], bool);
    impl Visitor<'_> for FieldCalls<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Call { callee, .. } = &e.kind
                && let ExprKind::Field { object, .. } = &callee.kind
                && let ExprKind::Field { member, .. } = &object.kind
                && self.0.contains(&member.as_str())
            {
                self.1 = true;
            }
            visit::walk_expr(self, e);
        }
    }
    let mut calls = FieldCalls(&duck_fields, false);
    for m in &c.members {
        calls.visit_decl(m);
    }
    !duck_fields.is_empty() && calls.1
}

/// The declared types of a body's local variables, with their names.
fn local_var_types(body: &Block) -> Vec<(String, &Expr)> {
    fn block<'b>(b: &'b Block, out: &mut Vec<(String, &'b Expr)>) {
        for s in &b.stmts {
            if let StmtKind::Var(v) = &s.kind
                && let Some(t) = &v.ty
            {
                out.push((v.name.clone(), t));
            }
        }
    }
    let mut out = Vec::new();
    block(body, &mut out);
    out
}

/// A type constructor's parameter as a Rust generic parameter.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum GenericParam {
    /// `comptime T: type` → `T`.
    Type(String),
    /// `comptime n: usize` → `const N: usize`: integers and `bool`, used
    /// in types only as a whole array length (`[n]T`),
    /// which is what stable Rust lets a const parameter do.
    Const { zig: String, rust: String, ty: Ty },
}

impl GenericParam {
    /// The name a Rust generic argument list gives it.
    pub(super) fn rust_name(&self) -> &str {
        match self {
            GenericParam::Type(n) => n,
            GenericParam::Const { rust, .. } => rust,
        }
    }
}

/// `fn Stack(comptime T: type) type { ... return struct { ... }; }`,
/// `fn Ring(comptime T: type, comptime n: usize) type`: its parameters as
/// Rust generics and the returned container, when every parameter can be
/// one (see [`GenericParam`]).
pub(super) fn generic_type_constructor(f: &FnDecl) -> Option<(Vec<GenericParam>, &ContainerDecl)> {
    let (params, c) = type_constructor(f)?;
    // Constants computed from the parameters: per instance (`with_instance`).
    if !type_constructor_preamble(f).is_empty() {
        return None;
    }
    let generics = params
        .into_iter()
        .zip(&f.proto.params)
        .map(|((name, is_type), p)| match is_type {
            true => Some(GenericParam::Type(name)),
            false => {
                let ParamType::Type(Expr {
                    kind: ExprKind::PrimitiveType(t),
                    ..
                }) = &p.ty
                else {
                    return None;
                };
                // Any width (`u11` is a `u16` const); not `comptime_int`,
                // which has no one Rust type.
                let ty = match t.as_str() {
                    "bool" => Ty::Bool,
                    "comptime_int" => return None,
                    t if types::rust_int(t).is_some() => Ty::Int(t.to_string()),
                    _ => return None,
                };
                whole_array_lengths_only(c, &name).then(|| GenericParam::Const {
                    rust: names::screaming_case(&name),
                    zig: name,
                    ty,
                })
            }
        })
        .collect::<Option<Vec<_>>>()?;
    Some((generics, c))
}

/// Whether every array type in `c` whose length mentions `name` has
/// exactly `name` as its length (`[n]u8`, not `[n + 1]u8`).
fn whole_array_lengths_only(c: &ContainerDecl, name: &str) -> bool {
    struct Lengths<'n>(&'n str, bool);
    impl Visitor<'_> for Lengths<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Array { len, .. } = &e.kind
                && mentions_ident(len, self.0)
                && !matches!(&len.kind, ExprKind::Ident(n) if n == self.0)
            {
                self.1 = false;
            }
            visit::walk_expr(self, e);
        }
    }
    let mut lengths = Lengths(name, true);
    for m in &c.members {
        lengths.visit_decl(m);
    }
    lengths.1
}

/// Whether `e` mentions the identifier `name`.
fn mentions_ident(e: &Expr, name: &str) -> bool {
    visit::any_expr(e, &|x| matches!(&x.kind, ExprKind::Ident(n) if n == name))
}

/// A function returning a container type, with all its parameters
/// `comptime`: each parameter's name and whether it is a type (value
/// parameters, as in `fn Codec(comptime alphabet: [64]u8, comptime pad: bool)`,
/// are bound per instance: see `ModuleScope::type_instances`). Checks
/// before the `return` (`comptime assert(..)`) hold for every instance
/// Zig compiled, so the port has nothing to do for them.
pub(super) fn type_constructor(f: &FnDecl) -> Option<(Vec<(String, bool)>, &ContainerDecl)> {
    if !matches!(&f.proto.return_type.kind, ExprKind::PrimitiveType(t) if t == "type") {
        return None;
    }
    let mut params = Vec::new();
    for p in &f.proto.params {
        if !p.is_comptime {
            return None;
        }
        let is_type = is_type_param(p);
        params.push((p.name.clone()?, is_type));
    }
    let body = f.body.as_ref()?;
    let (last, before) = body.stmts.split_last()?;
    if !before
        .iter()
        .all(|s| is_comptime_check(s) || preamble_const(s).is_some())
    {
        return None;
    }
    let Stmt {
        kind:
            StmtKind::Expr(Expr {
                kind: ExprKind::Return(Some(value)),
                ..
            }),
        ..
    } = last
    else {
        return None;
    };
    match &value.kind {
        ExprKind::Container(c) if c.kind != ContainerKind::Opaque => Some((params, c)),
        _ => None,
    }
}

/// `const lookup_shift = max_code_bits - lookup_bits;` before a type
/// constructor's `return`: a value (or type) computed from the
/// parameters, which the returned container reads by name.
fn preamble_const(s: &Stmt) -> Option<&VarDecl> {
    match &s.kind {
        StmtKind::Var(v) if v.mutability == Mutability::Const && v.init.is_some() => Some(v),
        _ => None,
    }
}

/// The constants a type constructor computes before its `return` (see
/// [`preamble_const`]), in order.
pub(super) fn type_constructor_preamble(f: &FnDecl) -> Vec<&VarDecl> {
    f.body
        .as_ref()
        .map(|b| b.stmts.iter().filter_map(preamble_const).collect())
        .unwrap_or_default()
}

/// `comptime assert(..);`, `comptime { .. }`, `std.debug.assert(..);`
/// in a type constructor: a check of the arguments, made at compile time.
fn is_comptime_check(s: &Stmt) -> bool {
    let StmtKind::Expr(e) = &s.kind else {
        return false;
    };
    let is_assert = |e: &Expr| match &e.kind {
        ExprKind::Call { callee, .. } => match &callee.kind {
            ExprKind::Ident(n) => n == "assert",
            ExprKind::Field { member, .. } => member == "assert",
            _ => false,
        },
        _ => false,
    };
    match &e.kind {
        ExprKind::Comptime(inner) => is_assert(inner) || matches!(inner.kind, ExprKind::Block(_)),
        _ => is_assert(e),
    }
}

impl<'a> Translator<'a> {
    /// `const X = Ctor(args)` where `Ctor` is this module's type constructor
    /// with at least one value parameter.
    fn type_instance_call(&self, v: &VarDecl) -> Option<(String, Vec<Expr>)> {
        let ExprKind::Call { callee, args } = &v.init.as_ref()?.kind else {
            return None;
        };
        let ExprKind::Ident(ctor) = &callee.kind else {
            return None;
        };
        let (params, _) = self.type_constructor_decl(ctor)?;
        (params.iter().any(|(_, is_type)| !is_type) && params.len() == args.len())
            .then(|| (ctor.clone(), args.clone()))
    }

    fn type_constructor_decl(
        &self,
        name: &str,
    ) -> Option<(Vec<(String, bool)>, &'a ContainerDecl)> {
        let file: &'a SourceFile = self.file;
        file.members.iter().find_map(|d| match &d.kind {
            DeclKind::Fn(f) if f.name == name => type_constructor(f),
            _ => None,
        })
    }

    /// Runs `f` on the container of instance `name` = `ctor(args)`, with
    /// the type parameters bound to the argument types and the value
    /// parameters to the argument expressions.
    fn with_instance<T>(
        &mut self,
        name: &str,
        ctor: &str,
        args: &[Expr],
        f: impl FnOnce(&mut Self, &'a ContainerDecl) -> T,
    ) -> Option<T> {
        let (params, c) = self.type_constructor_decl(ctor)?;
        let (types_before, values_before) = (self.container_types.len(), self.bound_values.len());
        for ((param, is_type), arg) in params.iter().zip(args) {
            if *is_type {
                let ty = self.zig_type(arg);
                self.container_types.push((param.clone(), ty));
            } else {
                self.bound_values.push((param.clone(), arg.clone()));
            }
        }
        // `const Wide = std.meta.Int(..)` / `const shift = bits - 1` before
        // the `return`: a type, or a value read where it is named.
        let file: &'a SourceFile = self.file;
        let preamble = file.members.iter().find_map(|d| match &d.kind {
            DeclKind::Fn(f) if f.name == ctor => Some(type_constructor_preamble(f)),
            _ => None,
        });
        for v in preamble.unwrap_or_default() {
            let Some(init) = &v.init else { continue };
            match self.zig_type(init) {
                Ty::Unknown => self.bound_values.push((v.name.clone(), init.clone())),
                ty => self.container_types.push((v.name.clone(), ty)),
            }
        }
        self.container_types
            .push((name.to_string(), Ty::Named("Self".into())));
        let nested = self.nested_bindings(name);
        self.container_types.extend(nested);
        let std_aliases = self.std_type_aliases(c);
        self.container_types.extend(std_aliases);
        let out = f(self, c);
        self.container_types.truncate(types_before);
        self.bound_values.truncate(values_before);
        Some(out)
    }

    /// Whether `e` calls a module function whose body a `const fn` cannot
    /// hold (loops, several statements).
    fn calls_non_const_fn(&self, e: &Expr) -> bool {
        // Calls, and whether a comptime block loops (`blk: { for .. }`).
        struct Calls(Vec<String>, bool, Vec<(String, String)>);
        impl Visitor<'_> for Calls {
            fn visit_expr(&mut self, e: &Expr) {
                match &e.kind {
                    ExprKind::Call { callee, .. } => match &callee.kind {
                        ExprKind::Ident(n) => self.0.push(n.clone()),
                        // `Base64Encoder.init(..)`: a module type's function.
                        ExprKind::Field { object, member } => {
                            if let ExprKind::Ident(t) = &object.kind {
                                self.2.push((t.clone(), member.clone()));
                            }
                        }
                        _ => {}
                    },
                    ExprKind::For(_) | ExprKind::While(_) => self.1 = true,
                    _ => {}
                }
                visit::walk_expr(self, e);
            }
        }
        let mut calls = Calls(Vec::new(), false, Vec::new());
        calls.visit_expr(e);
        let not_const = |members: &[Decl], name: &str| {
            members.iter().any(|d| match &d.kind {
                DeclKind::Fn(f) if f.name == name => {
                    !f.body.as_ref().is_some_and(items::simple_return)
                }
                _ => false,
            })
        };
        calls.1
            || calls
                .0
                .iter()
                .any(|name| not_const(&self.file.members, name))
            || calls.2.iter().any(|(ty, name)| {
                self.file.members.iter().any(|d| match &d.kind {
                    DeclKind::Var(v) if v.name == *ty => match &v.init {
                        Some(Expr {
                            kind: ExprKind::Container(c),
                            ..
                        }) => not_const(&c.members, name),
                        _ => false,
                    },
                    _ => false,
                })
            })
    }

    /// The module functions (as `calls` records: `f`, `Type::f`) that the
    /// initialiser of the module constant `name` calls.
    fn lazy_static_calls(&self, name: &str) -> Vec<String> {
        struct Calls<'t, 'a>(&'t Translator<'a>, Vec<String>);
        impl Visitor<'_> for Calls<'_, '_> {
            fn visit_expr(&mut self, e: &Expr) {
                if let ExprKind::Call { callee, .. } = &e.kind {
                    match &callee.kind {
                        ExprKind::Ident(n) => {
                            if let Some(sig) = self.0.scope.fns.get(n) {
                                self.1.push(match &sig.owner {
                                    Some(o) => format!("{o}::{}", sig.rust_name),
                                    None => sig.rust_name.clone(),
                                });
                            }
                        }
                        ExprKind::Field { object, member } => {
                            if let ExprKind::Ident(t) = &object.kind
                                && let Some(sig) = self
                                    .0
                                    .scope
                                    .types
                                    .get(t)
                                    .and_then(|i| i.methods.get(member))
                            {
                                self.1.push(format!("{t}::{}", sig.rust_name));
                            }
                        }
                        _ => {}
                    }
                }
                visit::walk_expr(self, e);
            }
        }
        let mut calls = Calls(self, Vec::new());
        for d in &self.file.members {
            if let DeclKind::Var(v) = &d.kind
                && v.name == name
                && let Some(init) = &v.init
            {
                calls.visit_expr(init);
            }
        }
        calls.1
    }

    /// The type of `module.name`, a `pub const` of another module.
    fn foreign_const(&self, module: &str, name: &str) -> Option<Ty> {
        self.crate_context
            .module_fns
            .get(module)?
            .consts
            .get(name)
            .cloned()
    }

    /// `module.Type.name`: a constant of another module's pub type.
    fn foreign_type_const(&self, object: &Expr, member: &str) -> Option<(String, ForeignConst)> {
        let ExprKind::Field {
            object: module,
            member: type_name,
        } = &object.kind
        else {
            return None;
        };
        let ExprKind::Ident(module) = &module.kind else {
            return None;
        };
        if self.local(module).is_some() {
            return None;
        }
        let Some(Import::Module(m)) = self.scope.imports.get(module) else {
            return None;
        };
        let c = self
            .crate_context
            .module_fns
            .get(m)?
            .type_consts
            .get(&format!("{type_name}.{member}"))?;
        Some((m.clone(), c.clone()))
    }

    /// The Rust path of a constant of another module's type.
    fn foreign_type_const_path(&self, module: &str, c: &ForeignConst) -> TokenStream {
        let m = names::ident(module);
        let segments = c.path.iter().map(|s| names::ident(s));
        quote!(super::#m::#(#segments)::*)
    }

    /// The signature of `module.name` when the crate has that module.
    fn foreign_fn(&self, module: &str, name: &str) -> Option<(Vec<Ty>, Ty)> {
        self.crate_context
            .module_fns
            .get(module)?
            .fns
            .get(name)
            .cloned()
    }

    /// A condition fixed by a bound comptime parameter (`pad`, `!pad`,
    /// `pad and x`): the instance's bound values evaluated by the comptime
    /// evaluator. Only conditions naming a bound value count.
    fn comptime_bool(&self, e: &Expr) -> Option<bool> {
        let mentions = visit::any_expr(e, &|x| {
            matches!(&x.kind, ExprKind::Ident(n)
                if self.local(n).is_none() && self.bound_value(n).is_some())
        });
        if !mentions {
            return None;
        }
        let mut env = comptime::ComptimeEnv::default();
        for (name, value) in &self.bound_values {
            if self.local(name).is_none() {
                env.bind(name, comptime::Binding::Value(value.clone()));
            }
        }
        match env.eval(e)? {
            comptime::Val::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The argument a comptime value parameter is bound to.
    fn bound_value(&self, name: &str) -> Option<&Expr> {
        self.bound_values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, e)| e)
    }

    /// Runs `f` with a container's local type names in scope: its generic
    /// parameters and its `const Self = @This();` aliases.
    /// `ty` and the containers it is nested in, innermost first: Zig lets
    /// a nested type's code name its owners' declarations (functions,
    /// constants, sibling types) by their short names.
    fn enclosing_types(&self, ty: &str) -> Vec<String> {
        let mut chain = vec![ty.to_string()];
        while let Some(owner) = chain.last().and_then(|inner| {
            self.scope
                .nested
                .iter()
                .find(|(_, list)| list.iter().any(|(_, full)| full == inner))
                .map(|(owner, _)| owner.clone())
        }) {
            if chain.contains(&owner) {
                break;
            }
            chain.push(owner);
        }
        chain
    }

    /// The container, among the one whose method is being translated and
    /// its owners, that declares `name` (picked by `declares`), with the
    /// path to spell it by: `Self` for the innermost, else its name.
    fn declaring_container(
        &self,
        declares: impl Fn(&TypeInfo) -> bool,
    ) -> Option<(String, TokenStream)> {
        let inner = self.state.self_type.as_deref()?;
        self.enclosing_types(inner)
            .into_iter()
            .enumerate()
            .find(|(_, ty)| self.scope.types.get(ty).is_some_and(&declares))
            .map(|(depth, ty)| {
                let path = match depth {
                    0 => quote!(Self),
                    _ => {
                        let t = names::ident(&ty);
                        quote!(#t)
                    }
                };
                (ty, path)
            })
    }

    /// The short names of `owner`'s nested types, bound to their types.
    fn nested_bindings(&self, owner: &str) -> Vec<(String, Ty)> {
        self.scope
            .nested
            .get(owner)
            .map(|list| {
                list.iter()
                    .map(|(short, full)| (short.clone(), Ty::Named(full.clone())))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn with_container_types<T>(
        &mut self,
        name: &str,
        generics: &[GenericParam],
        c: &ContainerDecl,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        let before = self.container_types.len();
        let outer = std::mem::take(&mut self.generic_scope);
        for g in generics {
            match g {
                GenericParam::Type(t) => {
                    self.container_types.push((t.clone(), Ty::Named(t.clone())));
                    self.generic_scope.type_params.push(t.clone());
                }
                GenericParam::Const { .. } => self.generic_scope.const_params.push(g.clone()),
            }
        }
        self.container_types
            .push((name.to_string(), Ty::Named("Self".into())));
        let aliases = self.type_alias_members(c);
        self.container_types.extend(aliases);
        let out = f(self);
        self.container_types.truncate(before);
        self.generic_scope = outer;
        out
    }

    /// [`generic_type_constructor`], unless a constant names an instance
    /// of it with a value argument (`const Standard = Codec(..)`): those
    /// are expanded per instance, as `ModuleScope::type_instances` says.
    fn generic_constructor(&self, f: &'a FnDecl) -> Option<(Vec<GenericParam>, &'a ContainerDecl)> {
        let (params, c) = generic_type_constructor(f)?;
        let named_instance = params
            .iter()
            .any(|p| matches!(p, GenericParam::Const { .. }))
            && self.has_named_instance(f);
        (!named_instance).then_some((params, c))
    }

    /// Whether a module constant is an instance of type constructor `f`
    /// (`const Standard = Codec(..)`).
    fn has_named_instance(&self, f: &FnDecl) -> bool {
        self.file.members.iter().any(|d| {
            matches!(&d.kind, DeclKind::Var(v) if v.init.as_ref().is_some_and(|i| {
                matches!(&i.kind, ExprKind::Call { callee, .. }
                    if matches!(&callee.kind, ExprKind::Ident(n) if *n == f.name))
            }))
        })
    }

    /// Runs `f` with the const parameters of generic instance `ty`
    /// (`Ring<4>`) bound to its arguments: a field default of the type
    /// (`[_]u32{0} ** n`) read where the literal is.
    fn with_const_args<T>(&mut self, ty: &Ty, f: impl FnOnce(&mut Self) -> T) -> T {
        let Ty::Generic { name, args } = ty else {
            return f(self);
        };
        let file: &'a SourceFile = self.file;
        let Some((params, _)) = file.members.iter().find_map(|d| match &d.kind {
            DeclKind::Fn(c) if c.name == *name => generic_type_constructor(c),
            _ => None,
        }) else {
            return f(self);
        };
        let bound: Vec<GenericParam> = params
            .into_iter()
            .zip(args)
            .filter_map(|(p, a)| match (p, a) {
                (GenericParam::Const { zig, ty, .. }, Ty::ConstArg(value)) => {
                    Some(GenericParam::Const {
                        zig,
                        rust: value.clone(),
                        ty,
                    })
                }
                _ => None,
            })
            .collect();
        let before = self.generic_scope.const_params.len();
        self.generic_scope.const_params.extend(bound);
        let out = f(self);
        self.generic_scope.const_params.truncate(before);
        out
    }

    /// The const parameter of the generic type being translated that the
    /// Zig name `name` is.
    pub(super) fn const_param(&self, name: &str) -> Option<(&str, &Ty)> {
        if self.local(name).is_some() {
            return None;
        }
        self.generic_scope
            .const_params
            .iter()
            .rev()
            .find_map(|p| match p {
                GenericParam::Const { zig, rust, ty } if zig == name => Some((rust.as_str(), ty)),
                _ => None,
            })
    }

    /// Notes that the generic type being translated applies `op` (a trait
    /// of `core::ops`) to values of type `ty`, when `ty` is one of its
    /// type parameters.
    pub(super) fn need_bound(&mut self, ty: &Ty, op: &'static str) {
        if let Ty::Named(n) = ty
            && self.generic_scope.type_params.contains(n)
        {
            self.generic_scope.bounds.insert((n.clone(), op));
        }
    }
}

/// The module-level static holding container `owner`'s lazy constant `name`.
pub(super) fn lazy_static_name(owner: &str, name: &str) -> String {
    format!(
        "{}_{}",
        names::screaming_case(owner),
        names::screaming_case(name)
    )
}

/// `comptime T: type`: a type parameter (a generic, or bound per instance).
pub(super) fn is_type_param(p: &Param) -> bool {
    p.is_comptime
        && matches!(&p.ty, ParamType::Type(Expr { kind: ExprKind::PrimitiveType(t), .. }) if t == "type")
}

/// `struct { bool, []const u8 }`: fields named by position only.
pub(super) fn is_tuple(c: &ContainerDecl) -> bool {
    c.kind == ContainerKind::Struct
        && !c.members.is_empty()
        && c.members
            .iter()
            .enumerate()
            .all(|(i, m)| matches!(&m.kind, DeclKind::Field(f) if f.name == i.to_string()))
}

/// Members `const Self = @This();` of a container: names for itself.
pub(super) fn this_aliases(c: &ContainerDecl) -> Vec<String> {
    c.members
        .iter()
        .filter_map(|m| match &m.kind {
            DeclKind::Var(v)
                if matches!(&v.init, Some(Expr { kind: ExprKind::Builtin { name, args }, .. }) if name == "This" && args.is_empty()) =>
            {
                Some(v.name.clone())
            }
            _ => None,
        })
        .collect()
}

/// A statement that `emit` turns into a `// text` line.
pub(crate) fn comment_marker(text: &str) -> TokenStream {
    quote!(__zigport_comment!(#text);)
}

/// Error names used by the module, and whether any error union appears.
#[derive(Default)]
struct ErrorNames(BTreeSet<String>, bool);

impl Visitor<'_> for ErrorNames {
    fn visit_expr(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::ErrorUnion { .. } => self.1 = true,
            ExprKind::ErrorValue(name) => {
                self.0.insert(name.clone());
            }
            ExprKind::ErrorSet(names) => self.0.extend(names.iter().cloned()),
            _ => {}
        }
        visit::walk_expr(self, expr);
    }
}

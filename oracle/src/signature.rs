//! Zig signatures → the oracle's shim ABI: which functions and methods of
//! a module `verify` can call through a shim, and with what types.
//!
//! The shims are compiled inside the module (appended to a copy of it on
//! the Zig side, a child module on the Rust side), so private functions
//! and types are reachable like pub ones.
//!
//! Only what the IR says for certain is mapped; anything else leaves the
//! function unverified with the reason, never guessed.

use crate::abi::AbiType;
use zigport_translator::rules::names::{camel_case, ident, snake_case};
use zigport_translator::syntax::ir::{
    Block, ContainerDecl, ContainerField, ContainerKind, ContainerLayout, Decl, DeclKind, Expr,
    ExprKind, FnDecl, Linkage, Mutability, Param, ParamType, PointerSize, SourceFile, Span, Stmt,
    StmtKind,
};
use zigport_translator::syntax::visit::{self, Visitor};

/// A function of a module: top-level, or a method of a container declared
/// at the top level or one level inside one (`Outer.Inner.f`), pub or not.
pub struct ModuleFn<'f> {
    /// The containers it is declared in, outermost first.
    pub owners: Vec<&'f str>,
    pub decl: &'f FnDecl,
    /// Its declaration (for the line the port manifest records).
    pub span: Span,
}

impl ModuleFn<'_> {
    /// How reports and the shim name it: `parse`, `Point.scale`.
    pub fn display(&self) -> String {
        let mut path = self.owners.join(".");
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(&self.decl.name);
        path
    }

    /// Symbol suffix of its shims, unique in the crate.
    pub fn symbol(&self, module: &str) -> String {
        let mut parts = vec![module.to_string()];
        parts.extend(self.owners.iter().map(|o| o.to_string()));
        parts.push(snake_case(&self.decl.name));
        parts.join("__")
    }

    /// Why the oracle cannot call it whatever its signature, if so.
    pub fn not_verifiable(&self) -> Option<&'static str> {
        let f = self.decl;
        if f.body.is_none() || matches!(f.linkage, Linkage::Extern { .. }) {
            return Some("an `extern` declaration: no Zig body to compare with");
        }
        if f.linkage == Linkage::Export {
            return Some("an `export fn`: called through its own symbol, not a shim");
        }
        if f.proto
            .params
            .iter()
            .any(|p| p.is_comptime || matches!(p.ty, ParamType::AnyType))
        {
            return Some("comptime or `anytype` parameters: checked through its callers");
        }
        let uses = f.body.as_ref().map(body_uses).unwrap_or_default();
        if uses.compile_error {
            return Some("calls `@compileError`: only some instances compile");
        }
        if uses.testing {
            return Some("a test helper (uses `std.testing`): run by the tests");
        }
        if uses.process {
            return Some(
                "reads its process (arguments, standard streams, environment): checked by cli-parity",
            );
        }
        None
    }

    /// Whether the call leaves its receiver undefined (`deinit`, by Zig's
    /// convention, or a body that sets `self.* = undefined`): its final
    /// state is then not compared.
    pub fn invalidates_receiver(&self) -> bool {
        let Some(receiver) = self
            .decl
            .proto
            .params
            .first()
            .and_then(|p| p.name.as_deref())
        else {
            return false;
        };
        self.decl.name == "deinit"
            || self.decl.body.as_ref().is_some_and(|b| {
                let mut uses = body_uses(b);
                uses.undefined_deref.retain(|name| name == receiver);
                !uses.undefined_deref.is_empty()
            })
    }
}

/// Every function of `file` and of its containers (top-level ones and
/// those declared directly inside them), in declaration order.
pub fn module_functions(file: &SourceFile) -> Vec<ModuleFn<'_>> {
    let mut out = Vec::new();
    collect_functions(&file.members, &file.members, &mut Vec::new(), &mut out);
    out
}

/// Containers nested deeper than this have no name in the port.
const MAX_OWNERS: usize = 2;

fn collect_functions<'f>(
    members: &'f [Decl],
    file: &'f [Decl],
    owners: &mut Vec<&'f str>,
    out: &mut Vec<ModuleFn<'f>>,
) {
    for decl in members {
        match &decl.kind {
            DeclKind::Fn(f) if !f.returns_type() => out.push(ModuleFn {
                owners: owners.clone(),
                decl: f,
                span: decl.span,
            }),
            DeclKind::Var(v) if owners.len() < MAX_OWNERS => {
                if let Some(c) = container_init(v.init.as_ref(), file) {
                    owners.push(&v.name);
                    collect_functions(&c.members, file, owners, out);
                    owners.pop();
                }
            }
            _ => {}
        }
    }
}

/// What a body uses that rules out calling it through a shim.
#[derive(Default)]
struct BodyUses {
    /// `@compileError`.
    compile_error: bool,
    /// `std.testing` (or a `testing` alias of it): a test helper, which
    /// only builds in test mode and is ported into the tests module.
    testing: bool,
    /// `std.process` or the standard streams: behaviour that depends on
    /// the process the shim runs in, not on the arguments.
    process: bool,
    /// Names `x` of the statements `x.* = undefined`.
    undefined_deref: Vec<String>,
}

/// Std paths whose results depend on the calling process.
const PROCESS_PATHS: &[&str] = &[
    "std.process.",
    "std.fs.File.stdin",
    "std.fs.File.stdout",
    "std.fs.File.stderr",
    "std.io.getStd",
    "std.os.argv",
    "std.os.environ",
    "std.posix.getenv",
];

impl Visitor<'_> for BodyUses {
    fn visit_stmt(&mut self, stmt: &Stmt) {
        if let StmtKind::Assign { target, value, .. } = &stmt.kind
            && matches!(value.kind, ExprKind::Undefined)
            && let ExprKind::Deref(inner) = &target.kind
            && let ExprKind::Ident(name) = &inner.kind
        {
            self.undefined_deref.push(name.clone());
        }
        visit::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Builtin { name, .. } if name == "compileError" => {
                self.compile_error = true;
            }
            ExprKind::Ident(name) if name == "testing" => self.testing = true,
            ExprKind::Field { .. }
                if dotted(e).is_some_and(|d| {
                    PROCESS_PATHS
                        .iter()
                        .any(|p| d.starts_with(p) || d == p.trim_end_matches('.'))
                }) =>
            {
                self.process = true;
            }
            ExprKind::Field { object, member }
                if member == "testing"
                    && matches!(&object.kind, ExprKind::Ident(s) if s == "std") =>
            {
                self.testing = true;
            }
            _ => {}
        }
        visit::walk_expr(self, e);
    }
}

fn body_uses(body: &Block) -> BodyUses {
    let mut uses = BodyUses::default();
    visit::walk_block(&mut uses, body);
    uses
}

/// The container a declaration's initialiser makes: a literal one, or an
/// instance of a type constructor of the file (`const P = Program(64);`
/// with `fn Program(comptime n: usize) type { return struct { .. }; }`),
/// whose struct the port monomorphises under the instance's name.
fn container_init<'a>(init: Option<&'a Expr>, file: &'a [Decl]) -> Option<&'a ContainerDecl> {
    match &init?.kind {
        ExprKind::Container(c) => Some(c),
        ExprKind::Call { callee, .. } => {
            let ExprKind::Ident(name) = &callee.kind else {
                return None;
            };
            let body = file.iter().find_map(|d| match &d.kind {
                DeclKind::Fn(f) if f.name == *name && f.returns_type() => f.body.as_ref(),
                _ => None,
            })?;
            body.stmts.iter().find_map(|stmt| match &stmt.kind {
                StmtKind::Expr(e) => match &e.kind {
                    ExprKind::Return(Some(value)) => match &value.kind {
                        ExprKind::Container(c) => Some(&**c),
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            })
        }
        _ => None,
    }
}

/// Parameter types and result type.
pub type Signature = (Vec<AbiType>, AbiType);

/// The shim ABI of a function's signature, when it has one.
pub fn abi_signature(f: &ModuleFn, file: &SourceFile, zig_path: &str) -> Option<Signature> {
    abi_signature_or_gap(f, file, zig_path).ok()
}

/// The port's name of the file's own struct, as the rules name it: the
/// file's `const X = @This();` alias, else the file's stem in CamelCase.
fn file_struct_name(file: &SourceFile, zig_path: &str) -> String {
    let alias = file.members.iter().find_map(|d| match &d.kind {
        DeclKind::Var(v) if v.init.as_ref().is_some_and(is_this) => Some(v.name.clone()),
        _ => None,
    });
    alias.unwrap_or_else(|| {
        let stem = zig_path.rsplit('/').next().unwrap_or(zig_path);
        camel_case(stem.trim_end_matches(".zig"))
    })
}

/// The part of a signature the ABI does not carry yet: a parameter's
/// declaration, or the result type.
pub struct AbiGap {
    pub span: Span,
    pub is_result: bool,
}

impl AbiGap {
    /// `parameter `self: *const URL` has no shim ABI yet`, quoting `source`.
    pub fn describe(&self, source: &str) -> String {
        let text = source
            .get(self.span.start as usize..self.span.end as usize)
            .unwrap_or("?");
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let what = if self.is_result {
            "result type"
        } else {
            "parameter"
        };
        format!("{what} `{text}` has no shim ABI yet")
    }
}

/// [`abi_signature`], or the first part of the signature it lacks.
pub fn abi_signature_or_gap(
    f: &ModuleFn,
    file: &SourceFile,
    zig_path: &str,
) -> Result<Signature, AbiGap> {
    let proto = &f.decl.proto;
    let gap = |span, is_result| AbiGap { span, is_result };
    let file_struct = Some(file_struct_name(file, zig_path));
    let scope =
        Scope::new(file, &f.owners, file_struct).ok_or(gap(proto.return_type.span, true))?;
    let mut params = scope.params(&proto.params)?;
    if f.invalidates_receiver()
        && let Some(AbiType::Ref {
            mutable: true,
            inner,
        }) = params.first_mut()
    {
        **inner = AbiType::Unobserved {
            inner: inner.clone(),
        };
    }
    let ret = scope
        .abi(&proto.return_type, Position::Result, 0)
        .ok_or(gap(proto.return_type.span, true))?;
    Ok((params, ret))
}

/// How a method takes the value of its container type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receiver {
    /// `self: T`: a copy.
    Value,
    /// `self: *const T`.
    Shared,
    /// `self: *T`.
    Mutable,
}

/// What a function of a container type is to a call sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Returns the type (`T`, `E!T`) from other arguments: a constructor.
    Constructor { fallible: bool },
    /// Takes the type first: a method.
    Method(Receiver),
}

/// A function's role for its innermost container (or the file's own
/// struct), read from its signature.
pub fn role(f: &ModuleFn, file: &SourceFile, zig_path: &str) -> Option<Role> {
    role_for(f, file, zig_path, &f.owners)
}

/// A function's role for the container at `path` (empty: the file's own
/// struct): a free function of the file can construct a type declared
/// in it, or take one first like a method.
pub fn role_for(f: &ModuleFn, file: &SourceFile, zig_path: &str, path: &[&str]) -> Option<Role> {
    let scope = Scope::new(file, &f.owners, Some(file_struct_name(file, zig_path)))?;
    let path = path.to_vec();
    let proto = &f.decl.proto;
    if let Some(first) = proto.params.first()
        && let ParamType::Type(t) = &first.ty
    {
        let receiver = match &t.kind {
            ExprKind::Pointer(p) if p.size == PointerSize::One && p.sentinel.is_none() => scope
                .names_container(&p.child, &path, 0)
                .then_some(if p.is_const {
                    Receiver::Shared
                } else {
                    Receiver::Mutable
                }),
            _ => scope
                .names_container(t, &path, 0)
                .then_some(Receiver::Value),
        };
        if let Some(r) = receiver {
            return Some(Role::Method(r));
        }
    }
    match &proto.return_type.kind {
        ExprKind::ErrorUnion { payload, .. } if scope.names_container(payload, &path, 0) => {
            Some(Role::Constructor { fallible: true })
        }
        _ if scope.names_container(&proto.return_type, &path, 0) => {
            Some(Role::Constructor { fallible: false })
        }
        _ => None,
    }
}

/// A method's or constructor's signature without its receiver: the
/// parameters after it (all of them for a constructor), and the result
/// (`Void` for a constructor: its value stays inside the shim).
pub fn member_signature(
    f: &ModuleFn,
    file: &SourceFile,
    zig_path: &str,
    role: Role,
) -> Result<Signature, AbiGap> {
    let proto = &f.decl.proto;
    let gap = |span, is_result| AbiGap { span, is_result };
    let scope = Scope::new(file, &f.owners, Some(file_struct_name(file, zig_path)))
        .ok_or(gap(proto.return_type.span, true))?;
    let skip = usize::from(matches!(role, Role::Method(_)));
    let params = scope.params(&proto.params[skip..])?;
    let ret = match role {
        Role::Constructor { .. } => AbiType::Void,
        Role::Method(_) => scope
            .abi(&proto.return_type, Position::Result, 0)
            .ok_or(gap(proto.return_type.span, true))?,
    };
    Ok((params, ret))
}

/// The observable state of a function's innermost container: the type
/// as a result (a record whose every field the ABI carries), if it is one.
pub fn container_state(f: &ModuleFn, file: &SourceFile, zig_path: &str) -> Option<AbiType> {
    let scope = Scope::new(file, &f.owners, Some(file_struct_name(file, zig_path)))?;
    match scope.this() {
        Some(path) => scope.container(path, Position::Result, 0),
        None => scope.file_struct(Position::Result, 0),
    }
}

/// The Zig spelling and the port's name of a function's innermost
/// container (`Outer.Inner` / `OuterInner`; the file's own struct is
/// `@This()` and its alias or CamelCase stem).
pub fn container_names(
    f: &ModuleFn,
    file: &SourceFile,
    zig_path: &str,
) -> Option<(String, String)> {
    match &f.owners[..] {
        [] => Some(("@This()".into(), file_struct_name(file, zig_path))),
        owners => Some((owners.join("."), rust_container_name(owners)?)),
    }
}

/// The port's name of the container at `owners` (`Outer.Inner` is
/// `OuterInner`; a type-constructor instance has its constant's name).
pub fn rust_container_name(owners: &[&str]) -> Option<String> {
    match owners {
        [name] => Some(ident(name).to_string()),
        [outer, inner] => Some(format!("{outer}{}", camel_case(inner))),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    Param,
    Result,
    /// A field of a struct on the wire.
    Field {
        in_param: bool,
    },
}

impl Position {
    /// Types the shim must spell (parameters, and the fields of their
    /// structs) must be reachable from outside the module.
    fn spelled(self) -> bool {
        matches!(self, Position::Param | Position::Field { in_param: true })
    }

    fn field(self) -> Position {
        Position::Field {
            in_param: self.spelled(),
        }
    }
}

/// Longer arrays are not carried (a generated input would be huge).
const MAX_ARRAY_LEN: usize = 4096;

fn parse_usize(text: &str) -> Option<usize> {
    let t = text.replace('_', "");
    match t.get(..2) {
        Some("0x") => usize::from_str_radix(&t[2..], 16).ok(),
        Some("0o") => usize::from_str_radix(&t[2..], 8).ok(),
        Some("0b") => usize::from_str_radix(&t[2..], 2).ok(),
        _ => t.parse().ok(),
    }
}

/// Nested struct fields deeper than this are not carried.
const MAX_DEPTH: usize = 4;

/// The declarations a signature's names resolve in: the file's, then each
/// enclosing container's (innermost wins).
struct Scope<'a> {
    file: &'a SourceFile,
    /// The port's name for the file's own struct (a file with top-level
    /// fields), when known.
    file_struct: Option<String>,
    /// `(container path, members)`, the file first (empty path).
    levels: Vec<(Vec<&'a str>, &'a [Decl])>,
}

impl<'a> Scope<'a> {
    fn new(
        file: &'a SourceFile,
        owners: &[&'a str],
        file_struct: Option<String>,
    ) -> Option<Scope<'a>> {
        let mut levels = vec![(Vec::new(), &file.members[..])];
        for (depth, owner) in owners.iter().enumerate() {
            let members = levels[depth].1;
            let c = members.iter().find_map(|d| match &d.kind {
                DeclKind::Var(v) if v.name == *owner => {
                    container_init(v.init.as_ref(), &file.members)
                }
                _ => None,
            })?;
            levels.push((owners[..=depth].to_vec(), &c.members[..]));
        }
        Some(Scope {
            file,
            file_struct,
            levels,
        })
    }

    /// The ABI of each parameter, or the first that has none.
    fn params(&self, params: &[Param]) -> Result<Vec<AbiType>, AbiGap> {
        params
            .iter()
            .map(|p| {
                match &p.ty {
                    ParamType::Type(t) if !p.is_comptime => self.abi(t, Position::Param, 0),
                    _ => None,
                }
                .ok_or(AbiGap {
                    span: p.span,
                    is_result: false,
                })
            })
            .collect()
    }

    /// The innermost container (`Self`, `@This()`), as a path.
    fn this(&self) -> Option<&[&'a str]> {
        let path = &self.levels.last()?.0;
        (!path.is_empty()).then_some(&path[..])
    }

    fn abi(&self, t: &Expr, pos: Position, depth: usize) -> Option<AbiType> {
        if depth > MAX_DEPTH {
            return None;
        }
        let dotted = dotted(t);
        match &t.kind {
            ExprKind::PrimitiveType(name) if name == "void" => {
                (pos == Position::Result).then_some(AbiType::Void)
            }
            ExprKind::PrimitiveType(name) => primitive(name),
            ExprKind::Optional(inner) => {
                let inner = self.abi(inner, pos, depth)?;
                // On the wire as null or the value; a parameter's optional
                // pointer or buffer has no such reading.
                let plain = matches!(
                    inner,
                    AbiType::Bool
                        | AbiType::Int { .. }
                        | AbiType::Float { .. }
                        | AbiType::Bytes
                        | AbiType::Enum { .. }
                        | AbiType::Record { .. }
                        | AbiType::Union { .. }
                );
                (pos == Position::Result || plain).then(|| AbiType::Optional {
                    inner: Box::new(inner),
                })
            }
            ExprKind::ErrorUnion { payload, .. } if pos == Position::Result => {
                Some(AbiType::ErrorUnion {
                    payload: Box::new(self.abi(payload, pos, depth)?),
                })
            }
            _ if dotted.as_deref() == Some("std.math.Order") && pos == Position::Result => {
                Some(AbiType::EnumName)
            }
            // `std.mem.Allocator`, or the usual `Allocator` alias of it: a
            // parameter, or a field (never on the wire).
            _ if matches!(dotted.as_deref(), Some("std.mem.Allocator" | "Allocator")) => {
                (pos != Position::Result).then_some(AbiType::Allocator)
            }
            // `*std.Io.Writer`: the shims pass a writer into memory.
            ExprKind::Pointer(p)
                if p.size == PointerSize::One
                    && !p.is_const
                    && p.sentinel.is_none()
                    && pos.spelled()
                    && self.std_path(&p.child).as_deref() == Some("std.Io.Writer") =>
            {
                Some(AbiType::Writer)
            }
            // `std.ArrayList(u8)` (the unmanaged list of Zig 0.15): a field,
            // or behind `*` a parameter (below).
            ExprKind::Call { callee, args }
                if pos != Position::Result
                    && matches!(
                        self.std_path(callee).as_deref(),
                        Some("std.ArrayList" | "std.ArrayListUnmanaged")
                    )
                    && matches!(&args[..], [a] if matches!(&a.kind, ExprKind::PrimitiveType(t) if t == "u8")) =>
            {
                Some(AbiType::ByteList)
            }
            // `[]const u8` is an input; `[]u8` an output buffer (its final
            // contents are compared too). Slices of integers likewise.
            ExprKind::Pointer(p) if p.size == PointerSize::Slice && p.sentinel.is_none() => {
                let ExprKind::PrimitiveType(child) = &p.child.kind else {
                    return self.slice_of(&p.child, p.is_const, pos, depth);
                };
                if matches!(primitive(child)?, AbiType::Bool | AbiType::Float { .. }) {
                    return self.slice_of(&p.child, p.is_const, pos, depth);
                }
                let mutable = !p.is_const;
                if mutable && pos != Position::Param && pos != Position::Result {
                    return None;
                }
                let written = mutable && pos == Position::Param;
                match primitive(child)? {
                    AbiType::Int {
                        bits: 8,
                        signed: false,
                    } if child == "u8" => Some(if written {
                        AbiType::MutBytes
                    } else {
                        AbiType::Bytes
                    }),
                    // (Not as a field: the port's struct would borrow a
                    // temporary.)
                    AbiType::Int { signed, bits } if !matches!(pos, Position::Field { .. }) => {
                        Some(AbiType::IntSlice {
                            signed,
                            bits,
                            mutable: written,
                        })
                    }
                    _ => None,
                }
            }
            // `*const T` / `*T` parameters (receivers included).
            ExprKind::Pointer(p)
                if p.size == PointerSize::One && p.sentinel.is_none() && pos == Position::Param =>
            {
                let inner = self.abi(&p.child, Position::Field { in_param: true }, depth)?;
                Some(AbiType::Ref {
                    mutable: !p.is_const,
                    inner: Box::new(inner),
                })
            }
            // An anonymous struct or tuple result (`struct { bool, []const u8 }`),
            // field by field.
            ExprKind::Container(c)
                if pos == Position::Result
                    && c.kind == ContainerKind::Struct
                    && c.layout == ContainerLayout::Auto =>
            {
                let fields = c
                    .members
                    .iter()
                    .filter_map(|d| match &d.kind {
                        DeclKind::Field(f) => Some(f),
                        _ => None,
                    })
                    .map(|f| {
                        Some((
                            f.name.clone(),
                            self.abi(f.ty.as_ref()?, pos.field(), depth + 1)?,
                        ))
                    })
                    .collect::<Option<Vec<_>>>()?;
                (!fields.is_empty()).then_some(AbiType::Struct { fields })
            }
            // `[N]T` of plain values, `N` a literal or a named constant.
            ExprKind::Array {
                len,
                sentinel: None,
                elem,
            } => {
                let len = self.int_constant(len)?;
                let inner = self.abi(elem, pos.field(), depth + 1)?;
                let plain = matches!(
                    inner,
                    AbiType::Bool
                        | AbiType::Int { .. }
                        | AbiType::Float { .. }
                        | AbiType::Enum { .. }
                        | AbiType::Record { .. }
                        | AbiType::Packed { .. }
                        | AbiType::Union { .. }
                );
                (plain && (1..=MAX_ARRAY_LEN).contains(&len)).then(|| AbiType::Array {
                    inner: Box::new(inner),
                    len,
                })
            }
            _ if is_this(t) => match self.this() {
                Some(this) => self.container(this, pos, depth),
                None => self.file_struct(pos, depth),
            },
            ExprKind::Ident(name) if name == "Self" && self.this().is_some() => {
                self.container(self.this()?, pos, depth)
            }
            ExprKind::Ident(name) => self.named(name, pos, depth),
            _ => None,
        }
    }

    /// `[]const T` of non-integer values: as a parameter or a result, or a
    /// field of a result, or of a struct passed directly as a parameter
    /// (the port's struct borrows it from a temporary the shim's `let`
    /// keeps alive; deeper, nothing would).
    fn slice_of(
        &self,
        child: &Expr,
        is_const: bool,
        pos: Position,
        depth: usize,
    ) -> Option<AbiType> {
        let reachable = match pos {
            Position::Param | Position::Result => true,
            Position::Field { in_param: false } => true,
            Position::Field { in_param: true } => depth == 1,
        };
        if !is_const || !reachable {
            return None;
        }
        let inner = self.abi(child, pos.field(), depth + 1)?;
        matches!(
            inner,
            AbiType::Bool
                | AbiType::Float { .. }
                | AbiType::Bytes
                | AbiType::Enum { .. }
                | AbiType::Record { .. }
                | AbiType::Union { .. }
                | AbiType::Packed { .. }
                | AbiType::Array { .. }
        )
        .then(|| AbiType::Slice {
            inner: Box::new(inner),
        })
    }

    /// The innermost declaration of `name` (`const name = init;`): the
    /// path of the container it is declared in, and its initialiser.
    fn declaration(&self, name: &str) -> Option<(&Vec<&'a str>, &'a Expr)> {
        self.levels.iter().rev().find_map(|(path, members)| {
            members.iter().find_map(|d| match &d.kind {
                DeclKind::Var(v) if v.name == name => Some((path, v.init.as_ref()?)),
                _ => None,
            })
        })
    }

    /// The std path a type expression names, through the scope's aliases
    /// (`const Io = std.Io;` makes `Io.Writer` `std.Io.Writer`).
    fn std_path(&self, e: &Expr) -> Option<String> {
        let mut path = dotted(e)?;
        for _ in 0..MAX_DEPTH {
            let (head, rest) = path.split_once('.').unwrap_or((&path, ""));
            if head == "std" {
                return Some(path);
            }
            let (_, init) = self.declaration(head)?;
            let target = match &init.kind {
                ExprKind::Builtin { name, args } if name == "import" => match &args[..] {
                    [a] if matches!(&a.kind, ExprKind::Str(s) if s == b"std") => "std".to_string(),
                    _ => return None,
                },
                _ => dotted(init)?,
            };
            path = if rest.is_empty() {
                target
            } else {
                format!("{target}.{rest}")
            };
        }
        None
    }

    /// Whether the type expression `e` names the container at `path`
    /// (empty: the file's own struct): by name, `Self`, `@This()` or an
    /// alias of one.
    fn names_container(&self, e: &Expr, path: &[&str], depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match &e.kind {
            _ if is_this(e) => self.levels.last().is_some_and(|(p, _)| p == path),
            ExprKind::Field { .. } => {
                dotted(e).is_some_and(|d| !path.is_empty() && d == path.join("."))
            }
            ExprKind::Ident(name) => {
                let Some((level, init)) = self.declaration(name) else {
                    return false;
                };
                if container_init(Some(init), &self.file.members).is_some() {
                    let mut full = level.clone();
                    full.push(name);
                    return full == path;
                }
                match &init.kind {
                    _ if is_this(init) => level == path,
                    ExprKind::Ident(_) | ExprKind::Field { .. } => {
                        self.names_container(init, path, depth + 1)
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// An array length: an integer literal, or a constant of the scope
    /// initialised with one.
    fn int_constant(&self, e: &Expr) -> Option<usize> {
        match &e.kind {
            ExprKind::Int(text) => parse_usize(text),
            ExprKind::Ident(name) => self.levels.iter().rev().find_map(|(_, members)| {
                members.iter().find_map(|d| match &d.kind {
                    DeclKind::Var(v) if v.name == *name && v.mutability == Mutability::Const => {
                        match &v.init.as_ref()?.kind {
                            ExprKind::Int(text) => parse_usize(text),
                            _ => None,
                        }
                    }
                    _ => None,
                })
            }),
            _ => None,
        }
    }

    /// A type named in the scope: an enum (by tag name), a plain struct
    /// whose fields the ABI carries, or an alias of one.
    fn named(&self, name: &str, pos: Position, depth: usize) -> Option<AbiType> {
        let (path, init) = self.declaration(name)?;
        if container_init(Some(init), &self.file.members).is_some() {
            let mut full = path.clone();
            full.push(name);
            return self.container(&full, pos, depth);
        }
        // `const Duration = @This();`: the container it is declared in.
        if is_this(init) {
            return if path.is_empty() {
                self.file_struct(pos, depth)
            } else {
                self.container(path, pos, depth)
            };
        }
        // An alias (`const Order = std.math.Order;`) stands for its type.
        match &init.kind {
            ExprKind::Ident(_) | ExprKind::Field { .. } => self.abi(init, pos, depth + 1),
            _ => None,
        }
    }

    /// The file's own struct (its top-level fields), spelled `@This()` by
    /// the shim appended at the file's top level.
    fn file_struct(&self, pos: Position, depth: usize) -> Option<AbiType> {
        let rust = self.file_struct.clone()?;
        let own = Scope::new(self.file, &[], self.file_struct.clone())?;
        let fields = self
            .file
            .members
            .iter()
            .filter_map(|d| match &d.kind {
                DeclKind::Field(f) => Some(f),
                _ => None,
            })
            .collect::<Vec<_>>();
        if fields.is_empty() {
            return None;
        }
        let fields = own.record_fields(fields.into_iter(), pos, depth)?;
        Some(AbiType::Record {
            zig: "@This()".into(),
            rust,
            fields,
        })
    }

    /// A struct's fields on the wire, their types named in this scope.
    fn record_fields<'f>(
        &self,
        fields: impl Iterator<Item = &'f ContainerField>,
        pos: Position,
        depth: usize,
    ) -> Option<Vec<(String, AbiType)>> {
        fields
            .map(|f| {
                if f.is_comptime {
                    return None;
                }
                let ty = self.abi(f.ty.as_ref()?, pos.field(), depth + 1)?;
                let undefined =
                    matches!(f.value.as_ref().map(|v| &v.kind), Some(ExprKind::Undefined));
                let ty = if undefined {
                    AbiType::Unobserved {
                        inner: Box::new(ty),
                    }
                } else {
                    ty
                };
                Some((f.name.clone(), ty))
            })
            .collect()
    }

    /// The container at `path` (from the file's top), with its Zig
    /// spelling (`Outer.Inner`) and its name in the port (`OuterInner`).
    fn container(&self, path: &[&str], pos: Position, depth: usize) -> Option<AbiType> {
        let (last, outer) = path.split_last()?;
        let members = self.levels.iter().find(|(p, _)| p == outer)?.1;
        let container = members.iter().find_map(|d| match &d.kind {
            DeclKind::Var(v) if v.name == *last => {
                container_init(v.init.as_ref(), &self.file.members)
            }
            _ => None,
        })?;
        let zig = path.join(".");
        let rust = rust_container_name(path)?;
        let fields = container.members.iter().filter_map(|d| match &d.kind {
            DeclKind::Field(f) => Some(f),
            _ => None,
        });
        // Its fields' types are named in its own scope.
        let own = Scope::new(self.file, path, self.file_struct.clone())?;
        match container.kind {
            ContainerKind::Enum
                if pos == Position::Result || !container_has_open_tags(container) =>
            {
                let tags: Vec<String> = fields.map(|f| f.name.clone()).collect();
                (!tags.is_empty()).then_some(AbiType::Enum { zig, rust, tags })
            }
            // `union(enum)` / `union(Tag)`: the port's enum with payloads.
            ContainerKind::Union if container.tagged || container.arg.is_some() => {
                let variants = fields
                    .map(|f| {
                        let payload = match f.ty.as_ref() {
                            None => None,
                            Some(t) if matches!(&t.kind, ExprKind::PrimitiveType(v) if v == "void") => {
                                None
                            }
                            Some(t) => Some(own.abi(t, pos.field(), depth + 1)?),
                        };
                        Some((f.name.clone(), payload))
                    })
                    .collect::<Option<Vec<_>>>()?;
                (!variants.is_empty()).then_some(AbiType::Union {
                    zig,
                    rust,
                    variants,
                })
            }
            // `packed struct(uN)`: the port's newtype over the integer.
            ContainerKind::Struct if container.layout == ContainerLayout::Packed => {
                let backing = container.arg.as_ref()?;
                let ExprKind::PrimitiveType(int) = &backing.kind else {
                    return None;
                };
                match primitive(int)? {
                    AbiType::Int {
                        signed: false,
                        bits,
                    } => Some(AbiType::Packed { zig, rust, bits }),
                    _ => None,
                }
            }
            ContainerKind::Struct if container.layout == ContainerLayout::Auto => {
                let fields = own.record_fields(fields, pos, depth)?;
                (!fields.is_empty()).then_some(AbiType::Record { zig, rust, fields })
            }
            _ => None,
        }
    }
}

/// A non-exhaustive enum (`_` member) has values no tag names.
fn container_has_open_tags(c: &ContainerDecl) -> bool {
    c.members
        .iter()
        .any(|d| matches!(&d.kind, DeclKind::Field(f) if f.name == "_"))
}

/// `@This()`.
fn is_this(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Builtin { name, args } if name == "This" && args.is_empty())
}

/// `a.b.c` for an identifier or a chain of field accesses.
fn dotted(t: &Expr) -> Option<String> {
    match &t.kind {
        ExprKind::Ident(name) => Some(name.clone()),
        ExprKind::Field { object, member } => Some(format!("{}.{member}", dotted(object)?)),
        _ => None,
    }
}

fn primitive(name: &str) -> Option<AbiType> {
    match name {
        "bool" => Some(AbiType::Bool),
        "f16" => Some(AbiType::Float { bits: 16 }),
        "f32" => Some(AbiType::Float { bits: 32 }),
        "f64" => Some(AbiType::Float { bits: 64 }),
        "usize" => Some(AbiType::int(false, 64)),
        "isize" => Some(AbiType::int(true, 64)),
        _ => {
            let (signed, bits) = zigport_translator::rules::types::int_width(name)?;
            Some(AbiType::int(signed, u16::try_from(bits).ok()?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zigport_translator::syntax::{ZigParser, parse_source};

    fn signatures(src: &str) -> Vec<(String, Option<&'static str>, Option<Signature>)> {
        let file = parse_source(&mut ZigParser::new(), src).file;
        let file: &'static SourceFile = Box::leak(Box::new(file));
        module_functions(file)
            .iter()
            .map(|f| {
                (
                    f.display(),
                    f.not_verifiable(),
                    abi_signature(f, file, "test.zig"),
                )
            })
            .collect()
    }

    #[test]
    fn methods_private_and_nested_types_have_an_abi() {
        let sigs = signatures(
            r#"
pub const Kind = enum { small, big };
pub const Point = struct {
    x: i32,
    kind: Kind,
    const Self = @This();
    pub fn scale(self: *Self, k: i32) void { self.x *= k; }
    pub fn sum(xs: []const u21) u64 { _ = xs; return 0; }
    fn private(self: Point) void { _ = self; }
    const Kind = enum { inner };
    const Cell = struct {
        kind: Kind,
        fn get(self: @This()) Kind { return self.kind; }
    };
};
const Hidden = struct { x: u8 };
fn hidden(h: Hidden) u8 { return h.x; }
pub const Open = enum(u8) { a, _ };
pub fn open(o: Open) u8 { return @intFromEnum(o); }
fn generic(comptime T: type, x: T) T { return x; }
extern fn puts(s: [*:0]const u8) c_int;
fn never(x: u8) u8 { if (x > 1) @compileError("no"); return x; }
fn Wrap(comptime T: type) type { return struct { v: T }; }
"#,
        );
        let names: Vec<&str> = sigs.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Point.scale",
                "Point.sum",
                "Point.private",
                "Point.Cell.get",
                "hidden",
                "open",
                "generic",
                "puts",
                "never"
            ]
        );
        let (params, ret) = sigs[0].2.clone().unwrap();
        assert_eq!(ret, AbiType::Void);
        let AbiType::Ref {
            mutable: true,
            inner,
        } = &params[0]
        else {
            panic!("{params:?}")
        };
        let AbiType::Record { zig, fields, .. } = &**inner else {
            panic!("{inner:?}")
        };
        // Spelled as the module spells it: the shim is inside the module.
        assert_eq!(zig, "Point");
        // `Kind` in `Point`'s fields is `Point.Kind`, the innermost.
        assert!(
            matches!(&fields[1].1, AbiType::Enum { tags, zig, .. } if tags == &["inner"] && zig == "Point.Kind")
        );
        assert_eq!(
            sigs[1].2.as_ref().unwrap().0,
            [AbiType::IntSlice {
                signed: false,
                bits: 21,
                mutable: false
            }]
        );
        // A nested type: Zig `Point.Cell`, the port's `PointCell`.
        let (params, ret) = sigs[3].2.clone().unwrap();
        assert!(
            matches!(&params[0], AbiType::Record { zig, rust, .. } if zig == "Point.Cell" && rust == "PointCell")
        );
        assert!(matches!(&ret, AbiType::Enum { rust, .. } if rust == "PointKind"));
        // Private types are reachable now; a non-exhaustive enum has
        // nameless values.
        assert!(sigs[4].2.is_some());
        assert!(sigs[5].2.is_none());
        // Not verifiable whatever the signature, each with its reason.
        assert!(sigs[6].1.unwrap().contains("comptime"));
        assert!(sigs[7].1.unwrap().contains("extern"));
        assert!(sigs[8].1.unwrap().contains("@compileError"));
        assert!(sigs[..6].iter().all(|(_, why, _)| why.is_none()));
    }

    #[test]
    fn a_file_struct_is_its_own_record() {
        let sigs = signatures(
            r#"
secs: i128,
nanos: u32 = 0,
const Duration = @This();
pub fn add(self: Duration, other: @This()) Duration { _ = other; return self; }
"#,
        );
        let (params, ret) = sigs[0].2.clone().unwrap();
        for t in [&params[0], &params[1], &ret] {
            assert!(
                matches!(t, AbiType::Record { zig, rust, fields } if zig == "@This()" && rust == "Duration" && fields.len() == 2),
                "{t:?}"
            );
        }
    }

    #[test]
    fn arrays_packed_structs_and_undefined_fields() {
        let sigs = signatures(
            r#"
const block_len = 0x20;
const Flags = packed struct(u8) { a: bool = false, b: u7 = 0 };
const State = struct {
    lanes: [3]u64,
    flags: Flags,
    buf: [block_len]u8 = undefined,
    fn absorb(self: *State, block: *const [block_len]u8) void { _ = self; _ = block; }
};
fn wide(x: [100000]u8) u8 { return x[0]; }
const Pred = union(enum) { any, byte: u8, class: State };
fn accepts(p: Pred) ?Pred { return p; }
fn words(args: []const []const u8, flags: []const bool) []const Pred { _ = args; _ = flags; return &.{}; }
const Holder = struct { names: []const []const u8 };
fn hold(h: Holder) void { _ = h; }
fn holders(hs: []const Holder) void { _ = hs; }
"#,
        );
        let (params, _) = sigs[0].2.clone().unwrap();
        let AbiType::Ref { inner, .. } = &params[0] else {
            panic!("{params:?}")
        };
        let AbiType::Record { fields, .. } = &**inner else {
            panic!("{inner:?}")
        };
        assert!(matches!(&fields[0].1, AbiType::Array { len: 3, .. }));
        assert!(matches!(&fields[1].1, AbiType::Packed { bits: 8, rust, .. } if rust == "Flags"));
        // Scratch space Zig leaves undefined is an input, never compared.
        assert!(
            matches!(&fields[2].1, AbiType::Unobserved { inner } if matches!(**inner, AbiType::Array { len: 32, .. }))
        );
        assert!(
            matches!(&params[1], AbiType::Ref { mutable: false, inner } if matches!(**inner, AbiType::Array { len: 32, .. }))
        );
        assert!(sigs[1].2.is_none(), "too long to generate");
        let (params, ret) = sigs[2].2.clone().unwrap();
        let AbiType::Union { variants, .. } = &params[0] else {
            panic!("{params:?}")
        };
        let names: Vec<&str> = variants.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["any", "byte", "class"]);
        assert!(variants[0].1.is_none());
        assert!(matches!(&variants[2].1, Some(AbiType::Record { .. })));
        assert!(matches!(ret, AbiType::Optional { .. }));
        let (params, ret) = sigs[3].2.clone().unwrap();
        assert!(matches!(&params[0], AbiType::Slice { inner } if **inner == AbiType::Bytes));
        assert!(matches!(&params[1], AbiType::Slice { inner } if **inner == AbiType::Bool));
        assert!(
            matches!(&ret, AbiType::Slice { inner } if matches!(**inner, AbiType::Union { .. }))
        );
        // A slice in a parameter's struct: the shim's `let` keeps the
        // temporary it borrows alive; one level deeper nothing would.
        let (params, _) = sigs[4].2.clone().unwrap();
        assert!(
            matches!(&params[0], AbiType::Record { fields, .. } if matches!(&fields[0].1, AbiType::Slice { .. })),
            "{params:?}"
        );
        assert!(sigs[5].2.is_none());
    }
}

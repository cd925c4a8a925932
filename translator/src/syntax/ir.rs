//! zigport's own typed IR of a Zig source file.
//!
//! The tree-sitter tree is lowered into these types by [`crate::syntax::lower`].
//! Unlike the concrete tree, every construct here has its own node kind: an
//! assignment is never a declaration, a struct-init field is never an
//! assignment, `!x` in expression position is a boolean not. Anything the
//! lowering does not recognise becomes [`ExprKind::Unsupported`] (or the
//! statement/declaration twin) carrying the span and the reason.

use serde::Serialize;

/// Byte range in the source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        // Files over 4 GiB are rejected before parsing, so offsets fit in u32.
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceFile {
    /// `//!` comments at the top of the file.
    pub container_doc: Vec<String>,
    pub members: Vec<Decl>,
    /// Every comment in the file, in source order, so emitters can re-insert
    /// plain comments that are not attached as docs.
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    pub span: Span,
    pub kind: CommentKind,
    /// Text without the leading `//`, `///` or `//!`.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CommentKind {
    /// `// ...`
    Line,
    /// `/// ...`, documents the next declaration.
    Doc,
    /// `//! ...`, documents the enclosing container.
    ContainerDoc,
}

/// A member of a container (a file is a struct): declaration, field, test...
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decl {
    pub span: Span,
    /// `///` lines directly above the declaration.
    pub doc: Vec<String>,
    pub is_pub: bool,
    pub kind: DeclKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum DeclKind {
    Fn(FnDecl),
    Var(VarDecl),
    Field(ContainerField),
    Test(TestDecl),
    Comptime(Block),
    UsingNamespace(Expr),
    Unsupported(Unsupported),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FnDecl {
    pub name: String,
    pub proto: FnProto,
    /// `None` for `extern fn` prototypes.
    pub body: Option<Block>,
    pub linkage: Linkage,
    pub is_inline: bool,
    pub is_noinline: bool,
}

impl FnDecl {
    /// `fn F(..) type`: a type constructor (its result is a type).
    pub fn returns_type(&self) -> bool {
        matches!(&self.proto.return_type.kind, ExprKind::PrimitiveType(t) if t == "type")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Linkage {
    Internal,
    Export,
    /// `extern` with the optional library name (`extern "c"`).
    Extern {
        library: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FnProto {
    pub span: Span,
    pub params: Vec<Param>,
    pub return_type: Box<Expr>,
    pub callconv: Option<Box<Expr>>,
    pub align: Option<Box<Expr>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Param {
    pub span: Span,
    /// `None` in function types such as `fn (u8) void`.
    pub name: Option<String>,
    pub ty: ParamType,
    pub is_comptime: bool,
    pub is_noalias: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "type", rename_all = "kebab-case")]
pub enum ParamType {
    Type(Expr),
    AnyType,
    /// C varargs `...`.
    VarArgs,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VarDecl {
    pub span: Span,
    pub name: String,
    pub mutability: Mutability,
    pub ty: Option<Expr>,
    pub init: Option<Expr>,
    pub linkage: Linkage,
    pub is_threadlocal: bool,
    pub is_comptime: bool,
    pub align: Option<Expr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mutability {
    Const,
    Var,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContainerField {
    pub name: String,
    pub ty: Option<Expr>,
    /// Default value in a struct, explicit tag value in an enum.
    pub value: Option<Expr>,
    pub align: Option<Expr>,
    pub is_comptime: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestDecl {
    pub name: TestName,
    pub body: Block,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "kebab-case")]
pub enum TestName {
    /// `test "does a thing" {}`
    Description(String),
    /// `test someDecl {}` (a doctest of that declaration)
    Decl(String),
    Anonymous,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub span: Span,
    pub label: Option<String>,
    pub stmts: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum StmtKind {
    Var(VarDecl),
    /// `const a, var b = tuple;` or `a, b = tuple;`
    Destructure {
        targets: Vec<DestructureTarget>,
        value: Expr,
    },
    Assign {
        op: AssignOp,
        target: Expr,
        value: Expr,
    },
    /// `_ = expr;`
    Discard(Expr),
    Expr(Expr),
    Defer(Box<Stmt>),
    Errdefer {
        capture: Option<Capture>,
        body: Box<Stmt>,
    },
    Unsupported(Unsupported),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum DestructureTarget {
    Decl {
        name: String,
        mutability: Mutability,
        ty: Option<Expr>,
    },
    Place(Expr),
    Discard,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssignOp {
    Assign,
    Add,
    AddWrap,
    AddSat,
    Sub,
    SubWrap,
    SubSat,
    Mul,
    MulWrap,
    MulSat,
    Div,
    Rem,
    Shl,
    ShlSat,
    Shr,
    BitAnd,
    BitOr,
    BitXor,
}

/// `|x|`, `|*x|`: one name bound by a payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Capture {
    pub name: String,
    pub by_ref: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum ExprKind {
    Ident(String),
    /// Integer literal as written (`0x1F`, `1_000`).
    Int(String),
    Float(String),
    /// String literal, escapes decoded, as bytes (Zig strings are bytes).
    Str(Vec<u8>),
    Char(u32),
    Bool(bool),
    Null,
    Undefined,
    Unreachable,
    /// `.name` without a type: an enum literal or a decl literal. The two
    /// are the same syntax; only type information tells them apart.
    DotName(String),
    /// `error.Name`
    ErrorValue(String),
    /// `@name(args)`
    Builtin {
        name: String,
        args: Vec<Expr>,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    Field {
        object: Box<Expr>,
        member: String,
    },
    Index {
        object: Box<Expr>,
        index: Box<Expr>,
    },
    Slice {
        object: Box<Expr>,
        start: Box<Expr>,
        end: Option<Box<Expr>>,
        sentinel: Option<Box<Expr>>,
    },
    /// `p.*`
    Deref(Box<Expr>),
    /// `opt.?`
    Unwrap(Box<Expr>),
    AddressOf(Box<Expr>),
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Orelse {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Catch {
        lhs: Box<Expr>,
        capture: Option<Capture>,
        rhs: Box<Expr>,
    },
    Try(Box<Expr>),
    Comptime(Box<Expr>),
    Nosuspend(Box<Expr>),
    If(Box<IfExpr>),
    Switch(Box<SwitchExpr>),
    While(Box<WhileExpr>),
    For(Box<ForExpr>),
    Block(Block),
    Return(Option<Box<Expr>>),
    Break {
        label: Option<String>,
        value: Option<Box<Expr>>,
    },
    Continue {
        label: Option<String>,
        value: Option<Box<Expr>>,
    },
    /// `T{ .a = 1 }` or `.{ .a = 1 }` (type inferred).
    StructInit {
        ty: Option<Box<Expr>>,
        fields: Vec<FieldInit>,
    },
    /// `[_]u8{ 1, 2 }` or `.{ 1, 2 }` (array or tuple, type inferred).
    ListInit {
        ty: Option<Box<Expr>>,
        elems: Vec<Expr>,
    },
    Container(Box<ContainerDecl>),
    ErrorSet(Vec<String>),
    /// `lo..hi` outside a slice or `for` (switch prongs use [`SwitchItem`]).
    Range {
        start: Box<Expr>,
        end: Option<Box<Expr>>,
    },
    // ---- type expressions ----
    /// `u8`, `i32`, `usize`, `bool`, `void`, `type`, `anyerror`, `c_int`, ...
    PrimitiveType(String),
    Optional(Box<Expr>),
    ErrorUnion {
        /// `None` for an inferred error set (`!T`).
        error_set: Option<Box<Expr>>,
        payload: Box<Expr>,
    },
    Pointer(Box<PointerType>),
    Array {
        len: Box<Expr>,
        sentinel: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    FnType(Box<FnProto>),
    Unsupported(Unsupported),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `-%x`
    NegWrap,
    /// `~x`
    BitNot,
    /// `!x`
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BinaryOp {
    Add,
    AddWrap,
    AddSat,
    Sub,
    SubWrap,
    SubSat,
    Mul,
    MulWrap,
    MulSat,
    Div,
    Rem,
    Shl,
    ShlSat,
    Shr,
    BitAnd,
    BitOr,
    BitXor,
    And,
    Or,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `a ++ b` (comptime array concatenation)
    Concat,
    /// `a ** n` (comptime array repetition)
    Repeat,
    /// `E1 || E2` (error set merge)
    ErrorSetMerge,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldInit {
    pub name: String,
    pub value: Expr,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IfExpr {
    pub cond: Expr,
    /// `if (opt) |v|` / `if (err_union) |v|`
    pub capture: Option<Capture>,
    pub then: Expr,
    /// `else |err|`
    pub else_capture: Option<Capture>,
    pub otherwise: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SwitchExpr {
    pub label: Option<String>,
    pub subject: Expr,
    pub prongs: Vec<SwitchProng>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SwitchProng {
    pub span: Span,
    /// Empty for `else`.
    pub items: Vec<SwitchItem>,
    pub is_else: bool,
    pub is_inline: bool,
    /// `|v|` or `|v, tag|`
    pub captures: Vec<Capture>,
    pub body: Expr,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum SwitchItem {
    Value(Expr),
    /// `lo...hi`, inclusive.
    Range {
        lo: Expr,
        hi: Expr,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhileExpr {
    pub label: Option<String>,
    pub is_inline: bool,
    pub cond: Expr,
    pub capture: Option<Capture>,
    /// `: (i += 1)`
    pub continue_expr: Option<Stmt>,
    pub body: Expr,
    pub else_capture: Option<Capture>,
    pub otherwise: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForExpr {
    pub label: Option<String>,
    pub is_inline: bool,
    pub inputs: Vec<ForInput>,
    pub captures: Vec<Capture>,
    pub body: Expr,
    pub otherwise: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum ForInput {
    Expr(Expr),
    /// `0..` or `a..b`
    Range {
        start: Expr,
        end: Option<Expr>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContainerDecl {
    pub kind: ContainerKind,
    pub layout: ContainerLayout,
    /// `struct(u8)`, `enum(u8)`, `union(Tag)`.
    pub arg: Option<Expr>,
    /// `union(enum)`: a tagged union with an inferred tag type.
    pub tagged: bool,
    pub members: Vec<Decl>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContainerKind {
    Struct,
    Enum,
    Union,
    Opaque,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContainerLayout {
    Auto,
    Packed,
    Extern,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointerType {
    pub size: PointerSize,
    pub sentinel: Option<Expr>,
    pub is_const: bool,
    pub is_volatile: bool,
    pub is_allowzero: bool,
    pub align: Option<Expr>,
    pub child: Expr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PointerSize {
    /// `*T`
    One,
    /// `[*]T`
    Many,
    /// `[]T`
    Slice,
    /// `[*c]T`
    C,
}

/// A construct the front end does not lower. Never dropped silently: it
/// keeps its span and is counted by `plan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unsupported {
    pub kind: UnsupportedKind,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnsupportedKind {
    /// The parser produced an ERROR or MISSING node here.
    SyntaxError,
    /// `asm` expressions.
    InlineAsm,
    /// `async`, `await`, `suspend`, `resume`, `anyframe` (removed from Zig).
    Async,
    /// A tree shape the lowering does not recognise.
    UnknownShape,
    /// Nesting deeper than the lowering's recursion limit.
    TooDeep,
}

impl UnsupportedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnsupportedKind::SyntaxError => "syntax-error",
            UnsupportedKind::InlineAsm => "inline-asm",
            UnsupportedKind::Async => "async",
            UnsupportedKind::UnknownShape => "unknown-shape",
            UnsupportedKind::TooDeep => "too-deep",
        }
    }
}

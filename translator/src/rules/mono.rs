//! Monomorphisation by comptime arguments: which parameters of a function
//! make an instance (`comptime T: type`, comptime values, `anytype` whose
//! type the body asks for), and the calls that name instances, with what
//! each call's scope knows (the `inline for` type being unrolled, the
//! declared types of locals and parameters).

use crate::syntax::ir::*;
use crate::syntax::visit::{self, Visitor};

use super::{Ty, names};

/// How a parameter takes part in an instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MonoKind {
    /// `comptime T: type`.
    Type,
    /// `comptime sign: enum { pos, neg }`, `comptime bytes: u32`.
    Value,
    /// `x: anytype` with `@TypeOf(x)` in the function: the type decides.
    TypeOf,
}

/// One comptime argument of an instance.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum MonoArg {
    Type(Ty),
    /// The literal passed (`.pos`, `4`, `true`).
    Value(Expr),
    TypeOf(Ty),
}

/// Why a call names no instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MonoMiss {
    /// It depends on a caller that stays generic, or on a runtime value:
    /// the callee stays one generic Rust function.
    Generic,
    /// A type with no Rust twin (`f16`, `i43`): this call is a TODO, the
    /// other calls still instantiate.
    NoRustType,
}

/// The parameters of `f` that make its instances.
pub(super) fn mono_params(f: &FnDecl) -> Vec<(usize, MonoKind)> {
    // A type constructor (`fn SipHash64(comptime c_rounds: usize, ..) type`)
    // is instantiated as types are (`ModuleScope::type_instances`).
    if matches!(&f.proto.return_type.kind, ExprKind::PrimitiveType(t) if t == "type") {
        return Vec::new();
    }
    f.proto
        .params
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let kind = match (&p.ty, p.is_comptime) {
                (ParamType::Type(_), true) if super::is_type_param(p) => MonoKind::Type,
                (ParamType::Type(_), true) => MonoKind::Value,
                (ParamType::AnyType, false) if asks_type_of(f, p.name.as_deref()?) => {
                    MonoKind::TypeOf
                }
                _ => return None,
            };
            Some((i, kind))
        })
        .collect()
}

/// Whether `@TypeOf(name)` appears in the signature or the body.
fn asks_type_of(f: &FnDecl, name: &str) -> bool {
    struct Finder<'n>(&'n str, bool);
    impl Visitor<'_> for Finder<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Builtin { name, args } = &e.kind
                && name == "TypeOf"
                && args
                    .iter()
                    .any(|a| matches!(&a.kind, ExprKind::Ident(n) if n == self.0))
            {
                self.1 = true;
            }
            visit::walk_expr(self, e);
        }
    }
    let mut finder = Finder(name, false);
    for p in &f.proto.params {
        if let ParamType::Type(t) = &p.ty {
            finder.visit_expr(t);
        }
    }
    finder.visit_expr(&f.proto.return_type);
    if let Some(body) = &f.body {
        visit::walk_block(&mut finder, body);
    }
    finder.1
}

/// A literal a comptime value parameter can be bound to.
pub(super) fn comptime_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::DotName(_) | ExprKind::Int(_) | ExprKind::Char(_) | ExprKind::Bool(_) => true,
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => matches!(operand.kind, ExprKind::Int(_)),
        _ => false,
    }
}

/// The instance-name part of a comptime value (`.pos` → `pos`).
pub(super) fn literal_suffix(e: &Expr) -> String {
    match &e.kind {
        ExprKind::DotName(n) => names::snake_case(n),
        ExprKind::Int(t) => t.replace('_', ""),
        ExprKind::Char(c) => c.to_string(),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Unary { operand, .. } => format!("neg{}", literal_suffix(operand)),
        _ => "v".into(),
    }
}

/// A call to a module function, with what its scope knows.
#[derive(Clone, Debug)]
pub(super) struct MonoCall {
    pub(super) callee: String,
    pub(super) args: Vec<Expr>,
    /// `inline for ([_]type{ f32, f64 }) |T|`: `T` and the element type
    /// of the iteration being walked.
    pub(super) inline_types: Vec<(String, Expr)>,
    /// Locals and parameters with a declared type (Zig forbids shadowing,
    /// so one list per function is exact).
    pub(super) typed_names: Vec<(String, Expr)>,
    /// `anytype` parameters of the enclosing function.
    pub(super) anytype_params: Vec<String>,
}

/// `std.math` functions whose result is a float of their type argument
/// (`math.inf(T)`): the argument's type is that `T`.
pub(super) const FLOAT_CONSTANT_FNS: &[&str] = &[
    "inf",
    "nan",
    "snan",
    "floatMax",
    "floatMin",
    "floatEps",
    "floatTrueMin",
];

/// What a value argument's type is known as.
pub(super) enum ValueType<'e> {
    Expr(&'e Expr),
    /// The enclosing function's `anytype` parameter of this name.
    Param(&'e str),
}

/// The type of a value argument, as far as its spelling tells:
/// `@as(T, ..)`, `math.inf(T)`, a typed local, `-x`.
pub(super) fn value_type_expr<'e>(arg: &'e Expr, call: &'e MonoCall) -> Option<ValueType<'e>> {
    match &arg.kind {
        ExprKind::Builtin { name, args } if name == "as" => args.first().map(ValueType::Expr),
        ExprKind::Call { callee, args }
            if matches!(&callee.kind, ExprKind::Field { member, .. }
                if FLOAT_CONSTANT_FNS.contains(&member.as_str())) =>
        {
            args.first().map(ValueType::Expr)
        }
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => value_type_expr(operand, call),
        ExprKind::Ident(n) => {
            if let Some((_, t)) = call.typed_names.iter().find(|(p, _)| p == n) {
                return Some(ValueType::Expr(t));
            }
            call.anytype_params
                .iter()
                .find(|p| *p == n)
                .map(|p| ValueType::Param(p.as_str()))
        }
        _ => None,
    }
}

/// Collects [`MonoCall`]s over one declaration.
#[derive(Default)]
pub(super) struct MonoCalls {
    pub(super) calls: Vec<MonoCall>,
    inline_types: Vec<(String, Expr)>,
    typed_names: Vec<(String, Expr)>,
    anytype_params: Vec<String>,
}

impl MonoCalls {
    /// The parameters of the function about to be walked.
    pub(super) fn params_of(&mut self, f: &FnDecl) {
        for p in &f.proto.params {
            match (&p.name, &p.ty) {
                (Some(n), ParamType::Type(t)) => self.typed_names.push((n.clone(), t.clone())),
                (Some(n), ParamType::AnyType) => self.anytype_params.push(n.clone()),
                _ => {}
            }
        }
    }
}

impl Visitor<'_> for MonoCalls {
    fn visit_stmt(&mut self, stmt: &Stmt) {
        if let StmtKind::Var(VarDecl {
            name, ty: Some(t), ..
        }) = &stmt.kind
        {
            self.typed_names.push((name.clone(), t.clone()));
        }
        visit::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Call { callee, args } => {
                // `f(..)`, and `Self.f(..)` / `Type.f(..)` (an associated function).
                let name = match &callee.kind {
                    ExprKind::Ident(n) => Some(n),
                    ExprKind::Field { object, member } if matches!(&object.kind, ExprKind::Ident(o) if o.starts_with(|c: char| c.is_ascii_uppercase())) => {
                        Some(member)
                    }
                    _ => None,
                };
                if let Some(n) = name {
                    self.calls.push(MonoCall {
                        callee: n.clone(),
                        args: args.clone(),
                        inline_types: self.inline_types.clone(),
                        typed_names: self.typed_names.clone(),
                        anytype_params: self.anytype_params.clone(),
                    });
                }
            }
            // `inline for ([_]type{ f32, f64 }) |T| body`: the body once per type.
            ExprKind::For(f)
                if f.is_inline
                    && let [ForInput::Expr(list)] = f.inputs.as_slice()
                    && let ExprKind::ListInit { elems, .. } = &list.kind
                    && let [capture] = f.captures.as_slice() =>
            {
                for elem in elems {
                    self.inline_types.push((capture.name.clone(), elem.clone()));
                    self.visit_expr(&f.body);
                    self.inline_types.pop();
                }
                return;
            }
            _ => {}
        }
        visit::walk_expr(self, e);
    }
}

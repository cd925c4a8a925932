//! Comptime specialisation: Zig evaluates a generic function once per
//! instance, with its comptime parameters known. The rules do the same on
//! a copy of the function's IR before translating it: names bound for the
//! instance are substituted, `@typeInfo`/`@bitSizeOf`/`std.meta.Int`/`@Type`
//! are computed, and `if`/`switch` on comptime-known values keep only the
//! branch taken (the others may not even type-check for this instance, as
//! in Zig). What cannot be computed is left as it was, for the rules (or a
//! TODO) to meet.

use crate::syntax::ir::*;
use crate::syntax::visit_mut::{self, VisitorMut};

use super::types;

/// What a name stands for in one instance.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Binding {
    /// A comptime parameter or constant: a type expression, an integer,
    /// a bool, an enum literal, or a function path (`math.add`).
    Value(Expr),
    /// An `anytype` parameter of a known type: `@TypeOf(x)` is this type
    /// expression; `x` itself stays a runtime value.
    TypeOf(Expr),
    /// `const info = @typeInfo(T);` or a `switch` capture of its payload.
    Info(Val),
}

/// A comptime value the rules can compute.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Val {
    Int(i128),
    Bool(bool),
    /// An enum literal (`.pos`, `.signed`).
    Enum(String),
    /// A type, as its type expression.
    Type(Expr),
    /// `@typeInfo(T)`.
    TypeInfo(TypeFacts),
    /// `@typeInfo(T).int` / `.float`: the payload of the tag.
    Payload(TypeFacts),
}

/// The facts `@typeInfo` gives about the types the rules know.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum TypeFacts {
    Int { signed: bool, bits: u32 },
    Float { bits: u32 },
    ComptimeInt,
    ComptimeFloat,
    Bool,
}

impl TypeFacts {
    fn of(ty: &Expr) -> Option<TypeFacts> {
        let ExprKind::PrimitiveType(name) = &ty.kind else {
            return None;
        };
        Some(match name.as_str() {
            "usize" => TypeFacts::Int {
                signed: false,
                bits: usize::BITS,
            },
            "isize" => TypeFacts::Int {
                signed: true,
                bits: usize::BITS,
            },
            "f16" => TypeFacts::Float { bits: 16 },
            "f32" => TypeFacts::Float { bits: 32 },
            "f64" => TypeFacts::Float { bits: 64 },
            "f80" => TypeFacts::Float { bits: 80 },
            "f128" => TypeFacts::Float { bits: 128 },
            "comptime_int" => TypeFacts::ComptimeInt,
            "comptime_float" => TypeFacts::ComptimeFloat,
            "bool" => TypeFacts::Bool,
            n => {
                let (signed, bits) = int_width0(n)?;
                TypeFacts::Int { signed, bits }
            }
        })
    }

    /// The `std.builtin.Type` tag: what a `switch (@typeInfo(T))` prong names.
    fn tag(self) -> &'static str {
        match self {
            TypeFacts::Int { .. } => "int",
            TypeFacts::Float { .. } => "float",
            TypeFacts::ComptimeInt => "comptime_int",
            TypeFacts::ComptimeFloat => "comptime_float",
            TypeFacts::Bool => "bool",
        }
    }

    fn bits(self) -> Option<u32> {
        match self {
            TypeFacts::Int { bits, .. } | TypeFacts::Float { bits } => Some(bits),
            TypeFacts::Bool => Some(1),
            _ => None,
        }
    }
}

/// `u0`/`i0` too: Zig has zero-bit integers, which `@typeInfo` describes.
fn int_width0(name: &str) -> Option<(bool, u32)> {
    match name {
        "u0" => Some((false, 0)),
        "i0" => Some((true, 0)),
        n => types::int_width(n),
    }
}

/// The bindings of one instance, innermost last (Zig forbids shadowing,
/// so a flat list is exact within a function).
#[derive(Clone, Debug, Default)]
pub(super) struct ComptimeEnv {
    bindings: Vec<(String, Binding)>,
}

impl ComptimeEnv {
    pub(super) fn bind(&mut self, name: &str, binding: Binding) {
        self.bindings.push((name.to_string(), binding));
    }

    fn get(&self, name: &str) -> Option<&Binding> {
        self.bindings
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b)
    }

    /// The comptime value of `e`, when every name it reads is bound.
    pub(super) fn eval(&self, e: &Expr) -> Option<Val> {
        match &e.kind {
            ExprKind::Ident(n) => match self.get(n)? {
                Binding::Value(v) if v.kind != e.kind => self.eval(v),
                Binding::Info(v) => Some(v.clone()),
                _ => None,
            },
            ExprKind::PrimitiveType(_) => Some(Val::Type(e.clone())),
            ExprKind::Int(text) => types::zig_int_value(text).map(|v| Val::Int(v as i128)),
            ExprKind::Char(c) => Some(Val::Int(i128::from(*c))),
            ExprKind::Bool(b) => Some(Val::Bool(*b)),
            ExprKind::DotName(n) => Some(Val::Enum(n.clone())),
            ExprKind::Comptime(inner) => self.eval(inner),
            ExprKind::Builtin { name, args } => self.eval_builtin(name, args),
            // `math.floatFractionalBits(T)` and its kin: IEEE format facts.
            ExprKind::Call { callee, args }
                if let ExprKind::Field { member, .. } = &callee.kind
                    && let Some(fact) = float_fact(member) =>
            {
                let TypeFacts::Float { bits } = self.type_of_arg(args.first()?)? else {
                    return None;
                };
                fact(bits).map(|v| Val::Int(i128::from(v)))
            }
            ExprKind::Call { callee, args } if is_meta_int(callee) => {
                let (Some(Val::Enum(sign)), Some(Val::Int(bits))) =
                    (self.eval(args.first()?), self.eval(args.get(1)?))
                else {
                    return None;
                };
                int_type(&sign, bits, e.span)
            }
            ExprKind::Field { object, member } => match (self.eval(object)?, member.as_str()) {
                (Val::TypeInfo(facts), tag) if tag == facts.tag() => Some(Val::Payload(facts)),
                (Val::Payload(facts), "bits") => facts.bits().map(|b| Val::Int(i128::from(b))),
                (Val::Payload(TypeFacts::Int { signed, .. }), "signedness") => {
                    Some(Val::Enum(if signed { "signed" } else { "unsigned" }.into()))
                }
                _ => None,
            },
            ExprKind::Unary { op, operand } => match (op, self.eval(operand)?) {
                (UnaryOp::Not, Val::Bool(b)) => Some(Val::Bool(!b)),
                (UnaryOp::Neg, Val::Int(v)) => Some(Val::Int(-v)),
                _ => None,
            },
            ExprKind::Binary { op, lhs, rhs } => {
                // `false and x`, `true or x`: Zig does not evaluate `x`.
                if let (BinaryOp::And | BinaryOp::Or, Some(Val::Bool(l))) = (op, self.eval(lhs)) {
                    return match (op, l) {
                        (BinaryOp::And, false) => Some(Val::Bool(false)),
                        (BinaryOp::Or, true) => Some(Val::Bool(true)),
                        _ => self.eval(rhs),
                    };
                }
                binary(*op, self.eval(lhs)?, self.eval(rhs)?)
            }
            ExprKind::If(i) if i.capture.is_none() => match self.eval(&i.cond)? {
                Val::Bool(true) => self.eval(&i.then),
                Val::Bool(false) => self.eval(i.otherwise.as_ref()?),
                _ => None,
            },
            _ => None,
        }
    }

    fn eval_builtin(&self, name: &str, args: &[Expr]) -> Option<Val> {
        let facts = |i: usize| self.type_of_arg(args.get(i)?);
        match name {
            "typeInfo" => Some(Val::TypeInfo(facts(0)?)),
            "bitSizeOf" => facts(0)?.bits().map(|b| Val::Int(i128::from(b))),
            // Zig's ABI size of the integer and float types Rust has.
            "sizeOf" => match facts(0)? {
                TypeFacts::Int { bits, .. } | TypeFacts::Float { bits }
                    if matches!(bits, 8 | 16 | 32 | 64 | 128) =>
                {
                    Some(Val::Int(i128::from(bits / 8)))
                }
                _ => None,
            },
            "max" | "min" => {
                let vals: Option<Vec<i128>> = args
                    .iter()
                    .map(|a| match self.eval(a)? {
                        Val::Int(v) => Some(v),
                        _ => None,
                    })
                    .collect();
                let vals = vals?;
                let v = if name == "max" {
                    vals.into_iter().max()
                } else {
                    vals.into_iter().min()
                };
                v.map(Val::Int)
            }
            // `@TypeOf(a, b)`: the peer type; the rules know it when every
            // argument is an `anytype` parameter bound to the same type.
            "TypeOf" if !args.is_empty() => {
                let mut types = args.iter().map(|a| match &a.kind {
                    ExprKind::Ident(n) => match self.get(n)? {
                        Binding::TypeOf(t) => Some(t.clone()),
                        _ => None,
                    },
                    _ => None,
                });
                let first = types.next()??;
                for t in types {
                    if type_name(&t?) != type_name(&first) {
                        return None;
                    }
                }
                Some(Val::Type(first))
            }
            // `@Type(.{ .int = .{ .signedness = s, .bits = b } })`
            "Type" => {
                let ExprKind::StructInit { ty: None, fields } = &args.first()?.kind else {
                    return None;
                };
                let [FieldInit { name, value }] = fields.as_slice() else {
                    return None;
                };
                let ExprKind::StructInit { fields: info, .. } = &value.kind else {
                    return None;
                };
                let field = |n: &str| {
                    info.iter()
                        .find(|f| f.name == n)
                        .and_then(|f| self.eval(&f.value))
                };
                match (name.as_str(), field("signedness"), field("bits")) {
                    ("int", Some(Val::Enum(sign)), Some(Val::Int(bits))) => {
                        int_type(&sign, bits, args[0].span)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The facts of a type argument (`T`, `u8`, `@TypeOf(x)`).
    fn type_of_arg(&self, arg: &Expr) -> Option<TypeFacts> {
        match self.eval(arg)? {
            Val::Type(t) => TypeFacts::of(&t),
            _ => None,
        }
    }

    /// Specialises a copy of `f` for this instance: `drop` are the indices
    /// of the parameters the instance binds (they leave the signature).
    pub(super) fn specialise(&self, f: &FnDecl, drop: &[usize]) -> FnDecl {
        let mut out = f.clone();
        out.proto.params = f
            .proto
            .params
            .iter()
            .enumerate()
            .filter(|(i, _)| !drop.contains(i))
            .map(|(_, p)| p.clone())
            .collect();
        let mut folder = Specialiser { env: self.clone() };
        for p in &mut out.proto.params {
            if let (ParamType::AnyType, Some(name)) = (&p.ty, &p.name)
                && let Some(Binding::TypeOf(t)) = folder.env.get(name)
            {
                p.ty = ParamType::Type(t.clone());
            }
        }
        visit_mut::walk_proto_mut(&mut folder, &mut out.proto);
        if let Some(body) = &mut out.body {
            folder.visit_block_mut(body);
        }
        out
    }
}

/// `std.math.float*Bits(T)` for an IEEE format of `bits` bits (f80 has
/// an explicit integer bit: 63 fraction bits, 64 mantissa bits).
fn float_fact(member: &str) -> Option<fn(u32) -> Option<u32>> {
    Some(match member {
        "floatFractionalBits" => |bits| match bits {
            16 => Some(10),
            32 => Some(23),
            64 => Some(52),
            80 => Some(63),
            128 => Some(112),
            _ => None,
        },
        "floatMantissaBits" => |bits| match bits {
            16 => Some(10),
            32 => Some(23),
            64 => Some(52),
            80 => Some(64),
            128 => Some(112),
            _ => None,
        },
        "floatExponentBits" => |bits| match bits {
            16 => Some(5),
            32 => Some(8),
            64 => Some(11),
            80 | 128 => Some(15),
            _ => None,
        },
        _ => return None,
    })
}

/// `std.meta.Int` / `meta.Int`.
fn is_meta_int(callee: &Expr) -> bool {
    matches!(&callee.kind, ExprKind::Field { object, member } if member == "Int"
        && matches!(&object.kind,
            ExprKind::Ident(m) if m == "meta")
            || matches!(&object.kind, ExprKind::Field { member: m, .. } if m == "meta"))
}

fn int_type(sign: &str, bits: i128, span: Span) -> Option<Val> {
    let prefix = match sign {
        "signed" => 'i',
        "unsigned" => 'u',
        _ => return None,
    };
    (0..=65535)
        .contains(&bits)
        .then(|| Val::Type(primitive(&format!("{prefix}{bits}"), span)))
}

fn primitive(name: &str, span: Span) -> Expr {
    Expr {
        span,
        kind: ExprKind::PrimitiveType(name.to_string()),
    }
}

/// Type equality needs both spelled as names (`u8`, `Accumulate` bound).
fn type_name(t: &Expr) -> Option<&str> {
    match &t.kind {
        ExprKind::PrimitiveType(n) | ExprKind::Ident(n) => Some(n),
        _ => None,
    }
}

fn binary(op: BinaryOp, l: Val, r: Val) -> Option<Val> {
    use BinaryOp::*;
    Some(match (l, r) {
        (Val::Int(a), Val::Int(b)) => match op {
            Add => Val::Int(a.checked_add(b)?),
            Sub => Val::Int(a.checked_sub(b)?),
            SubSat => Val::Int(a.saturating_sub(b)),
            Mul => Val::Int(a.checked_mul(b)?),
            Div if b != 0 => Val::Int(a.div_euclid(b)),
            Shl => Val::Int(a.checked_shl(u32::try_from(b).ok()?)?),
            Shr => Val::Int(a.checked_shr(u32::try_from(b).ok()?)?),
            Eq => Val::Bool(a == b),
            Ne => Val::Bool(a != b),
            Lt => Val::Bool(a < b),
            Le => Val::Bool(a <= b),
            Gt => Val::Bool(a > b),
            Ge => Val::Bool(a >= b),
            _ => return None,
        },
        (Val::Bool(a), Val::Bool(b)) => match op {
            Eq => Val::Bool(a == b),
            Ne => Val::Bool(a != b),
            And => Val::Bool(a && b),
            Or => Val::Bool(a || b),
            _ => return None,
        },
        (Val::Enum(a), Val::Enum(b)) => match op {
            Eq => Val::Bool(a == b),
            Ne => Val::Bool(a != b),
            _ => return None,
        },
        (Val::Type(a), Val::Type(b)) => {
            let same = type_name(&a)? == type_name(&b)?;
            match op {
                Eq => Val::Bool(same),
                Ne => Val::Bool(!same),
                _ => return None,
            }
        }
        // `@typeInfo(T) == .int`: the tag.
        (Val::TypeInfo(facts), Val::Enum(tag)) => match op {
            Eq => Val::Bool(facts.tag() == tag),
            Ne => Val::Bool(facts.tag() != tag),
            _ => return None,
        },
        _ => return None,
    })
}

/// The rewriting pass of [`ComptimeEnv::specialise`].
struct Specialiser {
    env: ComptimeEnv,
}

impl Specialiser {
    /// The prong a comptime-known subject takes, with its capture bound.
    fn taken_prong(&mut self, s: &SwitchExpr) -> Option<Expr> {
        let subject = self.env.eval(&s.subject)?;
        let matches = |item: &SwitchItem| match (item, &subject) {
            (SwitchItem::Value(e), Val::TypeInfo(facts)) => {
                matches!(&e.kind, ExprKind::DotName(n) if n == facts.tag())
            }
            (SwitchItem::Value(e), v) => {
                self.env
                    .eval(e)
                    .and_then(|item| binary(BinaryOp::Eq, item, v.clone()))
                    == Some(Val::Bool(true))
            }
            (SwitchItem::Range { lo, hi }, Val::Int(v)) => {
                matches!((self.env.eval(lo), self.env.eval(hi)),
                    (Some(Val::Int(lo)), Some(Val::Int(hi))) if lo <= *v && *v <= hi)
            }
            _ => false,
        };
        // Every item must be decidable, or the choice is not the rules' to make.
        let decidable = s
            .prongs
            .iter()
            .flat_map(|p| &p.items)
            .all(|item| match item {
                SwitchItem::Value(e) => {
                    matches!(subject, Val::TypeInfo(_)) || self.env.eval(e).is_some()
                }
                SwitchItem::Range { lo, hi } => {
                    self.env.eval(lo).is_some() && self.env.eval(hi).is_some()
                }
            });
        if !decidable {
            return None;
        }
        let prong = s
            .prongs
            .iter()
            .find(|p| !p.is_else && p.items.iter().any(matches))
            .or_else(|| s.prongs.iter().find(|p| p.is_else))?;
        if let Some(capture) = prong.captures.first() {
            let binding = match &subject {
                Val::TypeInfo(facts) => Binding::Info(Val::Payload(*facts)),
                // `else => |T| T` on a type: the type itself.
                Val::Type(t) => Binding::Value(t.clone()),
                _ => Binding::Value(s.subject.clone()),
            };
            self.env.bind(&capture.name, binding);
        }
        Some(prong.body.clone())
    }

    /// A comptime-only expression replaced by what it computes.
    fn folded(&self, e: &Expr) -> Option<Expr> {
        let comptime_only = match &e.kind {
            ExprKind::Builtin { name, .. } => {
                matches!(
                    name.as_str(),
                    "typeInfo" | "bitSizeOf" | "sizeOf" | "TypeOf" | "Type"
                )
            }
            ExprKind::Call { callee, .. } => {
                is_meta_int(callee)
                    || matches!(&callee.kind, ExprKind::Field { member, .. } if float_fact(member).is_some())
            }
            ExprKind::Field { .. } => true,
            // `surrogates == .cannot_encode_surrogate_half`, `T == u8`,
            // `bytes <= 8` with `bytes` bound.
            ExprKind::Binary {
                op:
                    BinaryOp::Eq
                    | BinaryOp::Ne
                    | BinaryOp::Lt
                    | BinaryOp::Le
                    | BinaryOp::Gt
                    | BinaryOp::Ge,
                lhs,
                rhs,
            } => self.env.eval(lhs).is_some() && self.env.eval(rhs).is_some(),
            _ => false,
        };
        if !comptime_only {
            return None;
        }
        let kind = match self.env.eval(e)? {
            Val::Int(v) if v < 0 => ExprKind::Unary {
                op: UnaryOp::Neg,
                operand: Box::new(Expr {
                    span: e.span,
                    kind: ExprKind::Int(v.unsigned_abs().to_string()),
                }),
            },
            Val::Int(v) => ExprKind::Int(v.to_string()),
            Val::Bool(b) => ExprKind::Bool(b),
            Val::Enum(n) => ExprKind::DotName(n),
            Val::Type(t) => t.kind,
            Val::TypeInfo(_) | Val::Payload(_) => return None,
        };
        Some(Expr { span: e.span, kind })
    }
}

impl VisitorMut for Specialiser {
    fn visit_block_mut(&mut self, block: &mut Block) {
        let mut kept = Vec::with_capacity(block.stmts.len());
        for mut stmt in std::mem::take(&mut block.stmts) {
            if let StmtKind::Var(v) = &mut stmt.kind
                && v.mutability == Mutability::Const
                && v.ty.is_none()
                && let Some(init) = &mut v.init
            {
                let chosen = matches!(init.kind, ExprKind::Switch(_) | ExprKind::If(_));
                self.visit_expr_mut(init);
                match self.env.eval(init) {
                    // `const Accumulate = std.meta.Int(..)`, `const info = @typeInfo(T)`.
                    Some(Val::Type(t)) => {
                        self.env.bind(&v.name, Binding::Value(t));
                        continue;
                    }
                    Some(v_info @ (Val::TypeInfo(_) | Val::Payload(_))) => {
                        self.env.bind(&v.name, Binding::Info(v_info));
                        continue;
                    }
                    _ => {}
                }
                // `const add = switch (sign) { .pos => math.add, .neg => math.sub };`
                if chosen && is_path(init) {
                    self.env.bind(&v.name, Binding::Value(init.clone()));
                    continue;
                }
            }
            self.visit_stmt_mut(&mut stmt);
            // `std.debug.assert(bytes <= 8)` decided true for this instance.
            if let StmtKind::Expr(Expr {
                kind: ExprKind::Call { callee, args },
                ..
            }) = &stmt.kind
                && matches!(&callee.kind, ExprKind::Field { member, .. } if member == "assert")
                && matches!(
                    args.as_slice(),
                    [Expr {
                        kind: ExprKind::Bool(true),
                        ..
                    }]
                )
            {
                continue;
            }
            kept.push(stmt);
        }
        block.stmts = kept;
    }

    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match &mut expr.kind {
            ExprKind::If(i) if i.capture.is_none() => {
                self.visit_expr_mut(&mut i.cond);
                if let Some(Val::Bool(taken)) = self.env.eval(&i.cond) {
                    let branch = if taken {
                        Some(i.then.clone())
                    } else {
                        i.otherwise.clone()
                    };
                    *expr = branch.unwrap_or(Expr {
                        span: expr.span,
                        kind: ExprKind::Block(Block {
                            span: expr.span,
                            label: None,
                            stmts: Vec::new(),
                        }),
                    });
                    self.visit_expr_mut(expr);
                    return;
                }
            }
            // `comptime_cond and runtime_cond`: the comptime half decides
            // or drops out.
            ExprKind::Binary {
                op: op @ (BinaryOp::And | BinaryOp::Or),
                lhs,
                rhs,
            } => {
                self.visit_expr_mut(lhs);
                if let Some(Val::Bool(l)) = self.env.eval(lhs) {
                    let decided = match op {
                        BinaryOp::And => !l,
                        _ => l,
                    };
                    if decided {
                        expr.kind = ExprKind::Bool(l);
                    } else {
                        *expr = (**rhs).clone();
                        self.visit_expr_mut(expr);
                    }
                    return;
                }
            }
            ExprKind::Switch(s) => {
                self.visit_expr_mut(&mut s.subject);
                if let Some(body) = self.taken_prong(s) {
                    *expr = body;
                    self.visit_expr_mut(expr);
                    return;
                }
            }
            ExprKind::Ident(n) => {
                if let Some(Binding::Value(v)) = self.env.get(n)
                    && v.kind != expr.kind
                {
                    expr.kind = v.kind.clone();
                }
                return;
            }
            _ => {}
        }
        visit_mut::walk_expr_mut(self, expr);
        if let Some(folded) = self.folded(expr) {
            *expr = folded;
        }
    }
}

/// `math.add`, `add`: a name or a field path, what a function alias holds.
fn is_path(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) => true,
        ExprKind::Field { object, .. } => is_path(object),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{ZigParser, parse_source};

    fn specialise(src: &str, name: &str, bind: &[(&str, Binding)]) -> String {
        let file = parse_source(&mut ZigParser::new(), src).file;
        let f = file
            .members
            .iter()
            .find_map(|d| match &d.kind {
                DeclKind::Fn(f) if f.name == name => Some(f),
                _ => None,
            })
            .expect("function");
        let mut env = ComptimeEnv::default();
        for (n, b) in bind {
            env.bind(n, b.clone());
        }
        let out = env.specialise(f, &[]);
        format!("{:?}", out.body)
    }

    fn ty(name: &str) -> Binding {
        Binding::Value(primitive(name, Span::new(0, 0)))
    }

    #[test]
    fn meta_int_and_type_info_fold_to_a_type() {
        let src = "fn f(comptime T: type) void { const A = std.meta.Int(@typeInfo(T).int.signedness, @max(8, @typeInfo(T).int.bits)); var a: A = 0; _ = &a; }";
        let out = specialise(src, "f", &[("T", ty("i4"))]);
        assert!(out.contains("PrimitiveType(\"i8\")"), "{out}");
        assert!(!out.contains("meta"), "{out}");
    }

    #[test]
    fn switch_on_type_info_keeps_the_taken_prong() {
        let src = "fn f(x: anytype) bool { return switch (@typeInfo(@TypeOf(x))) { .int => x < 0, .float => |fl| @as(@Type(.{ .int = .{ .signedness = .signed, .bits = fl.bits } }), @bitCast(x)) < 0, else => @compileError(\"no\") }; }";
        let out = specialise(
            src,
            "f",
            &[("x", Binding::TypeOf(primitive("f32", Span::new(0, 0))))],
        );
        assert!(out.contains("PrimitiveType(\"i32\")"), "{out}");
        assert!(!out.contains("compileError"), "{out}");
    }

    #[test]
    fn comptime_enum_selects_a_function_alias() {
        let src = "fn f(comptime sign: enum { pos, neg }, a: u8) u8 { const add = switch (sign) { .pos => math.add, .neg => math.sub }; if (sign == .neg) return 0; return add(u8, a, 1); }";
        let out = specialise(
            src,
            "f",
            &[(
                "sign",
                Binding::Value(Expr {
                    span: Span::new(0, 0),
                    kind: ExprKind::DotName("pos".into()),
                }),
            )],
        );
        assert!(out.contains("member: \"add\""), "{out}");
        assert!(!out.contains("\"sub\""), "{out}");
        assert!(!out.contains("Bool(true)"), "{out}");
    }

    #[test]
    fn unbound_names_are_left_alone() {
        let src =
            "fn f(n: u8) u8 { if (n == 0) return 1; return switch (n) { 0 => 1, else => 2 }; }";
        let out = specialise(src, "f", &[]);
        assert!(out.contains("Switch"), "{out}");
        assert!(out.contains("If"), "{out}");
    }
}

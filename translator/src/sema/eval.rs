//! Comptime evaluation of integer expressions: literals (any base, `_`
//! separators, characters), named constants (through `resolve`), unary and
//! binary arithmetic, `@as`, `@sizeOf`/`@bitSizeOf` of integer types.
//! Overflow, division by zero or anything not comptime-known is `None`
//! (never a guess).

use crate::syntax::ir::*;

/// The value of `e`, resolving identifiers through `resolve`.
pub fn int(e: &Expr, resolve: &mut dyn FnMut(&str) -> Option<i128>) -> Option<i128> {
    match &e.kind {
        ExprKind::Int(text) => parse_int(text),
        ExprKind::Char(c) => Some(i128::from(*c)),
        ExprKind::Ident(name) => resolve(name),
        ExprKind::Comptime(inner) => int(inner, resolve),
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => int(operand, resolve)?.checked_neg(),
        ExprKind::Builtin { name, args } => match (name.as_str(), &args[..]) {
            ("as", [_, v]) | ("intCast", [v]) => int(v, resolve),
            ("sizeOf", [t]) => int_bits(t).map(|b| match b {
                0 => 0,
                b => i128::from(b.div_ceil(8).next_power_of_two()),
            }),
            ("bitSizeOf", [t]) => int_bits(t).map(i128::from),
            _ => None,
        },
        ExprKind::Binary { op, lhs, rhs } => {
            let (a, b) = (int(lhs, resolve)?, int(rhs, resolve)?);
            match op {
                BinaryOp::Add | BinaryOp::AddWrap => a.checked_add(b),
                BinaryOp::Sub | BinaryOp::SubWrap => a.checked_sub(b),
                BinaryOp::Mul | BinaryOp::MulWrap => a.checked_mul(b),
                BinaryOp::Div => a.checked_div(b),
                BinaryOp::Rem => a.checked_rem(b),
                BinaryOp::Shl => u32::try_from(b)
                    .ok()
                    .and_then(|b| a.checked_shl(b))
                    .filter(|v| v >> b == a),
                BinaryOp::Shr => u32::try_from(b).ok().and_then(|b| a.checked_shr(b)),
                BinaryOp::BitAnd => Some(a & b),
                BinaryOp::BitOr => Some(a | b),
                BinaryOp::BitXor => Some(a ^ b),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A Zig integer literal: `0x1F`, `0o17`, `0b1010`, `1_000`.
pub fn parse_int(text: &str) -> Option<i128> {
    let t = text.replace('_', "");
    let (digits, radix) = match t.get(..2) {
        Some("0x") => (&t[2..], 16),
        Some("0o") => (&t[2..], 8),
        Some("0b") => (&t[2..], 2),
        _ => (&t[..], 10),
    };
    i128::from_str_radix(digits, radix).ok()
}

fn int_bits(t: &Expr) -> Option<u32> {
    let ExprKind::PrimitiveType(name) = &t.kind else {
        return None;
    };
    match super::infer::primitive(name)? {
        super::ty::Type::Int { bits, .. } => Some(u32::from(bits)),
        super::ty::Type::Usize | super::ty::Type::Isize => Some(64),
        super::ty::Type::Bool => Some(1),
        _ => None,
    }
}

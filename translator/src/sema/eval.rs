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

/// A hex float literal (`0x1.8p3`, `0x1p-1074`) as the `f64` it equals,
/// only when that is exact: every mantissa bit kept, the exponent in range.
/// A literal `f64` cannot hold exactly is `None` (rounding it here and
/// again to the destination type could differ from Zig's single rounding).
pub fn hex_float(text: &str) -> Option<f64> {
    let t = text.replace('_', "");
    let body = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X"))?;
    let (mantissa, exponent) = match body.find(['p', 'P']) {
        Some(i) => (&body[..i], body[i + 1..].parse::<i32>().ok()?),
        None => (body, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int_part}{frac_part}");
    let digits = digits.trim_start_matches('0');
    if digits.len() > 32 {
        return None;
    }
    let value = if digits.is_empty() {
        0
    } else {
        u128::from_str_radix(digits, 16).ok()?
    };
    let exponent = exponent.checked_sub(4 * i32::try_from(frac_part.len()).ok()?)?;
    if value == 0 {
        return Some(0.0);
    }
    // Exact when the significant bits fit f64's 53 and the result is a
    // normal or exactly representable subnormal number.
    let bits = 128 - value.leading_zeros() as i32;
    let trailing = value.trailing_zeros() as i32;
    if bits - trailing > 53 {
        return None;
    }
    let lowest = exponent + trailing; // exponent of the lowest set bit
    let highest = exponent + bits - 1;
    if highest > 1023 || lowest < -1074 {
        return None;
    }
    let scaled = (value >> trailing) as f64; // exact: at most 53 bits
    Some(scale_by_power_of_two(scaled, lowest))
}

/// `x * 2^e` in exact steps (each a power of two in range).
fn scale_by_power_of_two(mut x: f64, mut e: i32) -> f64 {
    while e > 0 {
        let step = e.min(1000);
        x *= f64::from_bits(((1023 + step) as u64) << 52);
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(1000);
        x /= f64::from_bits(((1023 + step) as u64) << 52);
        e += step;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::hex_float;

    #[test]
    fn hex_floats_are_exact_or_refused() {
        assert_eq!(hex_float("0x1p4"), Some(16.0));
        assert_eq!(hex_float("0x1.8p1"), Some(3.0));
        assert_eq!(hex_float("0x1.FFFFFFFFFFFFFp1023"), Some(f64::MAX));
        assert_eq!(hex_float("0x1p-1074"), Some(f64::from_bits(1)));
        assert_eq!(hex_float("0x1p-1022"), Some(f64::MIN_POSITIVE));
        assert_eq!(
            hex_float("0x0.234p-14"),
            Some(0x234 as f64 / 4096.0 / 16384.0)
        );
        assert_eq!(hex_float("0x1.0p-120"), Some(2f64.powi(-120)));
        // more bits than f64 holds, or out of range: refused
        assert_eq!(hex_float("0x1.0000000000000000000000001234p0"), None);
        assert_eq!(hex_float("0x1p-1075"), None);
        assert_eq!(hex_float("0x1p1024"), None);
    }
}

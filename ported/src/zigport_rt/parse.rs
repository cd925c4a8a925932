//! Twins of Zig 0.15.2's `std.fmt.parseInt`, `std.fmt.parseUnsigned` and
//! `std.fmt.charToDigit`.
//!
//! Rust's `str::parse` / `from_str_radix` differ from Zig in several ways,
//! all reproduced here:
//!
//! * `_` is accepted anywhere between digits (runs of `_` included), but not
//!   as the first or last character after the sign and base prefix.
//! * base 0 auto-detects a `0b`/`0o`/`0x` prefix (prefix letter in either
//!   case; only when at least one character follows it), else base 10.
//! * the base is not range-checked: base 1 accepts only `0` digits, and bases
//!   above 36 accept every digit `0-9a-zA-Z` (values up to 35). Once a
//!   non-zero value has been accumulated the base itself must fit in `T`,
//!   otherwise the next digit reports `Overflow` (e.g. `i8` with base 200).
//! * `parseInt` takes a leading `+` or `-` for every type, so `"-0"` parses
//!   as an unsigned type while `"-1"` is `Overflow`; `parseUnsigned` takes
//!   no sign at all (a sign is `InvalidCharacter`) but works on signed types.
//! * digits are processed left to right and the first error wins, so
//!   `"9999x"` for `u8` is `Overflow`, not `InvalidCharacter`.

use std::fmt;

/// Twin of Zig's `std.fmt.ParseIntError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseIntError {
    /// The result cannot fit in the type specified.
    Overflow,
    /// The input was empty or contained an invalid character.
    InvalidCharacter,
}

impl ParseIntError {
    /// The exact Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            ParseIntError::Overflow => "Overflow",
            ParseIntError::InvalidCharacter => "InvalidCharacter",
        }
    }
}

impl fmt::Display for ParseIntError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::error::Error for ParseIntError {}

mod sealed {
    pub trait Sealed {}
}

/// A Rust integer type usable as the `T` of Zig's `parseInt`/`parseUnsigned`.
///
/// Every implementor is at least 8 bits wide, so Zig's internal `Accumulate`
/// type (`@max(8, bits)` bits, same signedness) is always `T` itself.
/// Sealed: implemented for all primitive integer types and nothing else.
pub trait ZigInt: Copy + Eq + fmt::Debug + sealed::Sealed {
    #[doc(hidden)]
    const ZERO: Self;
    /// `math.cast(T, v)`.
    #[doc(hidden)]
    fn cast_u8(v: u8) -> Option<Self>;
    /// `math.cast(T, -@as(i8, digit))` for a digit value `0..=35`.
    #[doc(hidden)]
    fn cast_neg_digit(digit: u8) -> Option<Self>;
    /// `math.mul(T, self, rhs)`.
    #[doc(hidden)]
    fn zig_mul(self, rhs: Self) -> Option<Self>;
    /// `math.add(T, self, rhs)`.
    #[doc(hidden)]
    fn zig_add(self, rhs: Self) -> Option<Self>;
    /// `math.sub(T, self, rhs)`.
    #[doc(hidden)]
    fn zig_sub(self, rhs: Self) -> Option<Self>;
}

macro_rules! impl_zig_int {
    ($($t:ty),* $(,)?) => {$(
        impl sealed::Sealed for $t {}

        impl ZigInt for $t {
            const ZERO: Self = 0;

            fn cast_u8(v: u8) -> Option<Self> {
                <$t>::try_from(v).ok()
            }

            fn cast_neg_digit(digit: u8) -> Option<Self> {
                let digit = i8::try_from(digit).ok()?;
                <$t>::try_from(-digit).ok()
            }

            fn zig_mul(self, rhs: Self) -> Option<Self> {
                self.checked_mul(rhs)
            }

            fn zig_add(self, rhs: Self) -> Option<Self> {
                self.checked_add(rhs)
            }

            fn zig_sub(self, rhs: Self) -> Option<Self> {
                self.checked_sub(rhs)
            }
        }
    )*};
}

impl_zig_int!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sign {
    Pos,
    Neg,
}

/// Twin of `std.fmt.parseInt(T, buf, base)`: an optional leading `+`/`-`,
/// then the same grammar as [`parse_unsigned`].
pub fn parse_int<T: ZigInt>(buf: &[u8], base: u8) -> Result<T, ParseIntError> {
    match buf.split_first() {
        None => Err(ParseIntError::InvalidCharacter),
        Some((b'+', rest)) => parse_int_with_sign(rest, base, Sign::Pos),
        Some((b'-', rest)) => parse_int_with_sign(rest, base, Sign::Neg),
        Some(_) => parse_int_with_sign(buf, base, Sign::Pos),
    }
}

/// Twin of `std.fmt.parseUnsigned(T, buf, base)`: no sign accepted (a `+` or
/// `-` is `InvalidCharacter`); on a signed `T` it parses non-negative values.
pub fn parse_unsigned<T: ZigInt>(buf: &[u8], base: u8) -> Result<T, ParseIntError> {
    parse_int_with_sign(buf, base, Sign::Pos)
}

/// Twin of Zig's private `std.fmt.parseIntWithSign`.
fn parse_int_with_sign<T: ZigInt>(buf: &[u8], base: u8, sign: Sign) -> Result<T, ParseIntError> {
    use ParseIntError::{InvalidCharacter, Overflow};

    if buf.is_empty() {
        return Err(InvalidCharacter);
    }

    let (buf_base, digits) = if base == 0 {
        detect_base(buf)
    } else {
        (base, buf)
    };

    // `digits` is non-empty here: a prefix is only stripped when more follows.
    if digits.first() == Some(&b'_') || digits.last() == Some(&b'_') {
        return Err(InvalidCharacter);
    }

    let mut accumulate = T::ZERO;
    for &c in digits {
        if c == b'_' {
            continue;
        }
        let digit = char_to_digit(c, buf_base)?;
        if accumulate != T::ZERO {
            let base_t = T::cast_u8(buf_base).ok_or(Overflow)?;
            accumulate = accumulate.zig_mul(base_t).ok_or(Overflow)?;
        } else if sign == Sign::Neg {
            // First significant digit of a negative number: negate before
            // storing so that the minimum value (e.g. -128 for i8) fits.
            accumulate = T::cast_neg_digit(digit).ok_or(Overflow)?;
            continue;
        }
        let digit_t = T::cast_u8(digit).ok_or(Overflow)?;
        accumulate = match sign {
            Sign::Pos => accumulate.zig_add(digit_t),
            Sign::Neg => accumulate.zig_sub(digit_t),
        }
        .ok_or(Overflow)?;
    }
    Ok(accumulate)
}

/// Base-0 detection of `parseIntWithSign`: a `0b`/`0o`/`0x` prefix (letter
/// in either case) selects base 2/8/16 and is stripped, but only when at
/// least one character follows it (Zig checks `buf.len > 2`); otherwise the
/// whole buffer is read in base 10.
fn detect_base(buf: &[u8]) -> (u8, &[u8]) {
    match buf {
        [b'0', prefix, rest @ ..] if !rest.is_empty() => match prefix.to_ascii_lowercase() {
            b'b' => (2, rest),
            b'o' => (8, rest),
            b'x' => (16, rest),
            _ => (10, buf),
        },
        _ => (10, buf),
    }
}

/// Twin of `std.fmt.charToDigit(c, base)`: the value of an ASCII digit or
/// letter (either case, `a`/`A` = 10), `InvalidCharacter` if it is not one or
/// its value is `>= base`. Zig's error set here is only `InvalidCharacter`.
pub fn char_to_digit(c: u8, base: u8) -> Result<u8, ParseIntError> {
    let value = match c {
        b'0'..=b'9' => c - b'0',
        b'A'..=b'Z' => c - b'A' + 10,
        b'a'..=b'z' => c - b'a' + 10,
        _ => return Err(ParseIntError::InvalidCharacter),
    };
    if value >= base {
        return Err(ParseIntError::InvalidCharacter);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::ParseIntError::{InvalidCharacter, Overflow};
    use super::*;

    // Expectations from Zig 0.15.2 `test parseInt` (lib/std/fmt.zig). Cases on
    // Zig-only widths (i1, i2, i4, i5, i43) are replaced by i8 analogues.
    #[test]
    fn zig_parse_int() {
        assert_eq!(parse_int::<i32>(b"-10", 10), Ok(-10));
        assert_eq!(parse_int::<i32>(b"+10", 10), Ok(10));
        assert_eq!(parse_int::<u32>(b"+10", 10), Ok(10));
        assert_eq!(parse_int::<u32>(b"-10", 10), Err(Overflow));
        assert_eq!(parse_int::<u32>(b" 10", 10), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"10 ", 10), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"_10_", 10), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"0x_10_", 10), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"0x10_", 10), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"0x_10", 10), Err(InvalidCharacter));
        assert_eq!(parse_int::<u8>(b"255", 10), Ok(255));
        assert_eq!(parse_int::<u8>(b"256", 10), Err(Overflow));

        // +0 and -0 should work for unsigned
        assert_eq!(parse_int::<u8>(b"-0", 10), Ok(0));
        assert_eq!(parse_int::<u8>(b"+0", 10), Ok(0));

        // minInt is parsed correctly
        assert_eq!(parse_int::<i8>(b"-128", 10), Ok(i8::MIN));
        assert_eq!(parse_int::<i64>(b"-9223372036854775808", 10), Ok(i64::MIN));
        assert_eq!(
            parse_int::<i128>(b"-170141183460469231731687303715884105728", 10),
            Ok(i128::MIN)
        );

        // empty string or bare +- is invalid
        for t in [&b""[..], b"+", b"-"] {
            assert_eq!(parse_int::<u32>(t, 10), Err(InvalidCharacter));
            assert_eq!(parse_int::<i32>(t, 10), Err(InvalidCharacter));
        }

        // autodetect the base
        assert_eq!(parse_int::<i32>(b"111", 0), Ok(111));
        assert_eq!(parse_int::<i32>(b"1_1_1", 0), Ok(111));
        assert_eq!(parse_int::<i32>(b"+0b111", 0), Ok(7));
        assert_eq!(parse_int::<i32>(b"+0B111", 0), Ok(7));
        assert_eq!(parse_int::<i32>(b"+0b1_11", 0), Ok(7));
        assert_eq!(parse_int::<i32>(b"+0o111", 0), Ok(73));
        assert_eq!(parse_int::<i32>(b"+0O111", 0), Ok(73));
        assert_eq!(parse_int::<i32>(b"+0o11_1", 0), Ok(73));
        assert_eq!(parse_int::<i32>(b"+0x111", 0), Ok(273));
        assert_eq!(parse_int::<i32>(b"-0b111", 0), Ok(-7));
        assert_eq!(parse_int::<i32>(b"-0b11_1", 0), Ok(-7));
        assert_eq!(parse_int::<i32>(b"-0o111", 0), Ok(-73));
        assert_eq!(parse_int::<i32>(b"-0x111", 0), Ok(-273));
        assert_eq!(parse_int::<i32>(b"-0X111", 0), Ok(-273));
        assert_eq!(parse_int::<i32>(b"-0x1_11", 0), Ok(-273));

        // bare binary/octal/hex prefix is invalid
        assert_eq!(parse_int::<u32>(b"0b", 0), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"0o", 0), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"0x", 0), Err(InvalidCharacter));

        // minimum values whose magnitude is a power of the base
        assert_eq!(parse_int::<i8>(b"-10000000", 2), Ok(-128));
        assert_eq!(parse_int::<i8>(b"-200", 8), Ok(-128));
        assert_eq!(parse_int::<i8>(b"-80", 16), Ok(-128));
        assert_eq!(parse_int::<i8>(b"-81", 16), Err(Overflow));
        assert_eq!(parse_int::<i8>(b"128", 10), Err(Overflow));
    }

    // Expectations from Zig 0.15.2 `test parseUnsigned`, with u1/u2/u7 cases
    // replaced by u8 analogues.
    #[test]
    fn zig_parse_unsigned() {
        assert_eq!(parse_unsigned::<u16>(b"050124", 10), Ok(50124));
        assert_eq!(parse_unsigned::<u16>(b"65535", 10), Ok(65535));
        assert_eq!(parse_unsigned::<u16>(b"65_535", 10), Ok(65535));
        assert_eq!(parse_unsigned::<u16>(b"65536", 10), Err(Overflow));

        assert_eq!(
            parse_unsigned::<u64>(b"0ffffffffffffffff", 16),
            Ok(0xffff_ffff_ffff_ffff)
        );
        assert_eq!(
            parse_unsigned::<u64>(b"0f_fff_fff_fff_fff_fff", 16),
            Ok(0xffff_ffff_ffff_ffff)
        );
        assert_eq!(
            parse_unsigned::<u64>(b"10000000000000000", 16),
            Err(Overflow)
        );

        assert_eq!(parse_unsigned::<u32>(b"DeadBeef", 16), Ok(0xDEAD_BEEF));

        assert_eq!(parse_unsigned::<u8>(b"1", 10), Ok(1));
        assert_eq!(parse_unsigned::<u8>(b"1000", 2), Ok(8));

        assert_eq!(parse_unsigned::<u32>(b"f", 10), Err(InvalidCharacter));
        assert_eq!(parse_unsigned::<u8>(b"109", 8), Err(InvalidCharacter));

        assert_eq!(parse_unsigned::<u32>(b"NUMBER", 36), Ok(1_442_151_747));

        // parseUnsigned does not expect a sign
        assert_eq!(parse_unsigned::<u8>(b"+0", 10), Err(InvalidCharacter));
        assert_eq!(parse_unsigned::<u8>(b"-0", 10), Err(InvalidCharacter));

        // empty string
        assert_eq!(parse_unsigned::<u8>(b"", 10), Err(InvalidCharacter));
    }

    #[test]
    fn parse_unsigned_on_signed_types() {
        assert_eq!(parse_unsigned::<i8>(b"127", 10), Ok(127));
        assert_eq!(parse_unsigned::<i8>(b"128", 10), Err(Overflow));
        assert_eq!(parse_unsigned::<i8>(b"-1", 10), Err(InvalidCharacter));
        assert_eq!(
            parse_unsigned::<i64>(b"0x7fffffffffffffff", 0),
            Ok(i64::MAX)
        );
    }

    #[test]
    fn underscores() {
        assert_eq!(parse_int::<u32>(b"1__2", 10), Ok(12));
        assert_eq!(parse_int::<u32>(b"_", 10), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"-_1", 10), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"0x_1", 0), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"0x1_", 0), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"0_x1", 0), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"0_1", 0), Ok(1));
        // the trailing-underscore check precedes digit accumulation
        assert_eq!(parse_int::<u8>(b"999_", 10), Err(InvalidCharacter));
    }

    #[test]
    fn prefix_only_with_base_zero() {
        assert_eq!(parse_int::<u32>(b"0x10", 16), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"0b1", 16), Ok(0xb1));
        assert_eq!(parse_int::<u32>(b"0x10", 36), Ok(33 * 36 * 36 + 36));
        assert_eq!(parse_int::<u32>(b"0b", 16), Ok(0xb));
        assert_eq!(parse_int::<u32>(b"0x1", 0), Ok(1));
        assert_eq!(parse_int::<u32>(b"0d1", 0), Err(InvalidCharacter));
        assert_eq!(parse_int::<u32>(b"00", 0), Ok(0));
        assert_eq!(parse_int::<u32>(b"0", 0), Ok(0));
    }

    #[test]
    fn first_error_wins() {
        assert_eq!(parse_int::<u8>(b"9999x", 10), Err(Overflow));
        assert_eq!(parse_int::<u8>(b"99x99", 10), Err(InvalidCharacter));
        assert_eq!(parse_int::<u8>(b"-1x", 10), Err(Overflow));
        assert_eq!(parse_int::<u8>(b"-0x", 10), Err(InvalidCharacter));
    }

    #[test]
    fn negative_zero_prefixes_on_unsigned() {
        assert_eq!(parse_int::<u32>(b"-000", 10), Ok(0));
        assert_eq!(parse_int::<u32>(b"-0_0", 10), Ok(0));
        assert_eq!(parse_int::<u32>(b"-01", 10), Err(Overflow));
        assert_eq!(parse_int::<i32>(b"-0005", 10), Ok(-5));
    }

    #[test]
    fn unusual_bases() {
        // base 1: only '0' is a digit
        assert_eq!(parse_int::<u8>(b"000", 1), Ok(0));
        assert_eq!(parse_int::<i8>(b"-0", 1), Ok(0));
        assert_eq!(parse_int::<u8>(b"1", 1), Err(InvalidCharacter));
        // bases above 36: every alphanumeric is a digit
        assert_eq!(parse_int::<u8>(b"z", 255), Ok(35));
        assert_eq!(parse_int::<u8>(b"Z", 37), Ok(35));
        assert_eq!(parse_int::<u32>(b"10", 37), Ok(37));
        assert_eq!(parse_int::<u8>(b"10", 200), Ok(200));
        assert_eq!(parse_int::<u8>(b"01", 200), Ok(1));
        // the base must fit in T once a value has been accumulated
        assert_eq!(parse_int::<i8>(b"1", 200), Ok(1));
        assert_eq!(parse_int::<i8>(b"10", 200), Err(Overflow));
        assert_eq!(parse_int::<i8>(b"-10", 200), Err(Overflow));
        assert_eq!(parse_int::<i8>(b"1!", 200), Err(InvalidCharacter));
        assert_eq!(parse_int::<i8>(b"10", 127), Ok(127));
        assert_eq!(parse_int::<i8>(b"-11", 127), Ok(-128));
        assert_eq!(parse_int::<i8>(b"-12", 127), Err(Overflow));
        assert_eq!(parse_int::<i8>(b"-10", 128), Err(Overflow));
    }

    #[test]
    fn extreme_values() {
        assert_eq!(
            parse_int::<u128>(b"340282366920938463463374607431768211455", 10),
            Ok(u128::MAX)
        );
        assert_eq!(
            parse_int::<u128>(b"340282366920938463463374607431768211456", 10),
            Err(Overflow)
        );
        assert_eq!(
            parse_int::<i128>(b"170141183460469231731687303715884105727", 10),
            Ok(i128::MAX)
        );
        assert_eq!(
            parse_int::<i128>(b"170141183460469231731687303715884105728", 10),
            Err(Overflow)
        );
        assert_eq!(parse_int::<i16>(b"-32769", 10), Err(Overflow));
        assert_eq!(parse_int::<usize>(b"0", 10), Ok(0));
        assert_eq!(parse_int::<isize>(b"-1", 10), Ok(-1));
    }

    #[test]
    fn char_to_digit_matches_zig() {
        assert_eq!(char_to_digit(b'0', 10), Ok(0));
        assert_eq!(char_to_digit(b'a', 16), Ok(10));
        assert_eq!(char_to_digit(b'F', 16), Ok(15));
        assert_eq!(char_to_digit(b'g', 16), Err(InvalidCharacter));
        assert_eq!(char_to_digit(b'0', 0), Err(InvalidCharacter));
        assert_eq!(char_to_digit(b'_', 36), Err(InvalidCharacter));
        assert_eq!(char_to_digit(0xC0, 255), Err(InvalidCharacter));
    }

    #[test]
    fn error_names() {
        assert_eq!(Overflow.name(), "Overflow");
        assert_eq!(InvalidCharacter.name(), "InvalidCharacter");
    }
}

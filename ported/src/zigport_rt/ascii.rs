//! Twins of Zig's `std.ascii`. Most classifiers equal Rust's `u8::is_ascii_*`;
//! the differences are kept here so ports never rely on a near miss:
//! Zig's `isWhitespace` includes vertical tab (0x0B), Rust's
//! `is_ascii_whitespace` does not; Zig's `isPrint` includes space, Rust's
//! `is_ascii_graphic` does not.

/// `std.ascii.isAlphanumeric`.
pub fn is_alphanumeric(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// `std.ascii.isAlphabetic`.
pub fn is_alphabetic(c: u8) -> bool {
    c.is_ascii_alphabetic()
}

/// `std.ascii.isControl`: 0x00..=0x1F and DEL.
pub fn is_control(c: u8) -> bool {
    c <= 0x1F || c == 0x7F
}

/// `std.ascii.isDigit`.
pub fn is_digit(c: u8) -> bool {
    c.is_ascii_digit()
}

/// `std.ascii.isLower`.
pub fn is_lower(c: u8) -> bool {
    c.is_ascii_lowercase()
}

/// `std.ascii.isUpper`.
pub fn is_upper(c: u8) -> bool {
    c.is_ascii_uppercase()
}

/// `std.ascii.isPrint`: ASCII and not a control character (space included).
pub fn is_print(c: u8) -> bool {
    is_ascii(c) && !is_control(c)
}

/// `std.ascii.isWhitespace`: space and `\t`..=`\r` (vertical tab included).
pub fn is_whitespace(c: u8) -> bool {
    matches!(c, b' ' | b'\t'..=b'\r')
}

/// `std.ascii.isHex`.
pub fn is_hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

/// `std.ascii.isAscii`.
pub fn is_ascii(c: u8) -> bool {
    c < 128
}

/// `std.ascii.toUpper`.
pub fn to_upper(c: u8) -> u8 {
    c.to_ascii_uppercase()
}

/// `std.ascii.toLower`.
pub fn to_lower(c: u8) -> u8 {
    c.to_ascii_lowercase()
}

/// `std.ascii.lowerString(output, s)`: `output[0..s.len]`, lowercased
/// (an `output` shorter than `s` is Zig's out-of-bounds panic).
pub fn lower_string<'o>(output: &'o mut [u8], s: &[u8]) -> &'o mut [u8] {
    for (o, c) in output[..s.len()].iter_mut().zip(s) {
        *o = to_lower(*c);
    }
    &mut output[..s.len()]
}

/// `std.ascii.upperString(output, s)`, as [`lower_string`].
pub fn upper_string<'o>(output: &'o mut [u8], s: &[u8]) -> &'o mut [u8] {
    for (o, c) in output[..s.len()].iter_mut().zip(s) {
        *o = to_upper(*c);
    }
    &mut output[..s.len()]
}

/// `std.ascii.eqlIgnoreCase`. Inlined as Zig's is: out of line, the
/// comparison loop of mime's `extension` was 1.38x Zig's time.
#[inline]
pub fn eql_ignore_case(a: &[u8], b: &[u8]) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// `std.ascii.startsWithIgnoreCase`.
pub fn starts_with_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    needle.len() <= haystack.len() && eql_ignore_case(&haystack[..needle.len()], needle)
}

/// `std.ascii.endsWithIgnoreCase`.
pub fn ends_with_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    needle.len() <= haystack.len()
        && eql_ignore_case(&haystack[haystack.len() - needle.len()..], needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differs_from_rust_where_zig_does() {
        assert!(is_whitespace(0x0B) && !0x0Bu8.is_ascii_whitespace());
        assert!(is_print(b' ') && !b' '.is_ascii_graphic());
        assert!(is_control(0x7F) && !is_control(0x80));
        assert_eq!(to_upper(b'a'), b'A');
        assert!(
            starts_with_ignore_case(b"Hello", b"hEL") && ends_with_ignore_case(b"Hello", b"LLO")
        );
    }
}

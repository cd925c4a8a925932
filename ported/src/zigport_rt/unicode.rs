//! Twins of Zig 0.15.2's `std.unicode.utf8ValidateSlice`,
//! `std.unicode.utf8ByteSequenceLength`, `std.unicode.utf8Decode` and
//! `std.unicode.utf8Encode`.

use std::fmt;

/// The Zig errors returned by [`utf8_byte_sequence_length`] and
/// [`utf8_decode`]. Variant names are Zig's error names verbatim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf8Error {
    /// `error.Utf8InvalidStartByte` (only from `utf8ByteSequenceLength`).
    Utf8InvalidStartByte,
    /// `error.Utf8ExpectedContinuation`.
    Utf8ExpectedContinuation,
    /// `error.Utf8OverlongEncoding`.
    Utf8OverlongEncoding,
    /// `error.Utf8EncodesSurrogateHalf` (3-byte sequences only).
    Utf8EncodesSurrogateHalf,
    /// `error.Utf8CodepointTooLarge` (4-byte sequences only).
    Utf8CodepointTooLarge,
}

impl Utf8Error {
    /// The exact Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Utf8Error::Utf8InvalidStartByte => "Utf8InvalidStartByte",
            Utf8Error::Utf8ExpectedContinuation => "Utf8ExpectedContinuation",
            Utf8Error::Utf8OverlongEncoding => "Utf8OverlongEncoding",
            Utf8Error::Utf8EncodesSurrogateHalf => "Utf8EncodesSurrogateHalf",
            Utf8Error::Utf8CodepointTooLarge => "Utf8CodepointTooLarge",
        }
    }
}

impl fmt::Display for Utf8Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::error::Error for Utf8Error {}

/// Twin of `std.unicode.utf8ValidateSlice`: true iff `s` is well-formed UTF-8.
///
/// Zig's implementation (an ASCII SIMD skip followed by Go's first-byte table)
/// accepts exactly the well-formed sequences of Unicode Table 3-7: lead bytes
/// `C2..=F4` only, `E0` needs `A0..=BF`, `ED` needs `80..=9F` (no
/// surrogates), `F0` needs `90..=BF`, `F4` needs `80..=8F` (nothing above
/// U+10FFFF), and truncated sequences are rejected. That is precisely the
/// set Rust's `str::from_utf8` accepts, so it is used directly; the tests
/// cross-check it against a literal port of Zig's table.
pub fn utf8_validate_slice(s: &[u8]) -> bool {
    std::str::from_utf8(s).is_ok()
}

/// Twin of `std.unicode.utf8ByteSequenceLength`: the sequence length (1..=4)
/// announced by a start byte. `80..=BF` and `F8..=FF` are
/// `Utf8InvalidStartByte`; `C0`, `C1` and `F5..=F7` are accepted here.
pub fn utf8_byte_sequence_length(first: u8) -> Result<u8, Utf8Error> {
    match first {
        0b0000_0000..=0b0111_1111 => Ok(1),
        0b1100_0000..=0b1101_1111 => Ok(2),
        0b1110_0000..=0b1110_1111 => Ok(3),
        0b1111_0000..=0b1111_0111 => Ok(4),
        _ => Err(Utf8Error::Utf8InvalidStartByte),
    }
}

/// Twin of `std.unicode.utf8Decode` (deprecated in Zig): decodes exactly one
/// sequence whose length the caller already took from
/// [`utf8_byte_sequence_length`].
///
/// Like Zig in safe builds it traps (panics) when `bytes.len()` is not 1..=4
/// (`unreachable`) or when the first byte does not announce `bytes.len()`
/// bytes for lengths 2..=4 (`assert` in `utf8Decode2/3/4`). A 1-byte input is
/// returned unchecked, so `[0x80]` decodes to 0x80.
pub fn utf8_decode(bytes: &[u8]) -> Result<u32, Utf8Error> {
    match *bytes {
        [b0] => Ok(u32::from(b0)),
        [b0, b1] => utf8_decode2([b0, b1]),
        [b0, b1, b2] => utf8_decode3([b0, b1, b2]),
        [b0, b1, b2, b3] => utf8_decode4([b0, b1, b2, b3]),
        _ => panic!(
            "reached unreachable code: utf8Decode called with {} bytes",
            bytes.len()
        ),
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0b1100_0000 == 0b1000_0000
}

/// Appends the payload of continuation byte `b` to `value`, as Zig does.
fn push_continuation(value: u32, b: u8) -> Result<u32, Utf8Error> {
    if !is_continuation(b) {
        return Err(Utf8Error::Utf8ExpectedContinuation);
    }
    Ok((value << 6) | u32::from(b & 0b0011_1111))
}

/// Twin of `std.unicode.utf8Decode2`.
fn utf8_decode2(bytes: [u8; 2]) -> Result<u32, Utf8Error> {
    assert!(
        bytes[0] & 0b1110_0000 == 0b1100_0000,
        "assertion failure: utf8Decode2 start byte {:#04x}",
        bytes[0]
    );
    let value = push_continuation(u32::from(bytes[0] & 0b0001_1111), bytes[1])?;
    if value < 0x80 {
        return Err(Utf8Error::Utf8OverlongEncoding);
    }
    Ok(value)
}

/// Twin of `std.unicode.utf8Decode3` (via `utf8Decode3AllowSurrogateHalf`).
fn utf8_decode3(bytes: [u8; 3]) -> Result<u32, Utf8Error> {
    assert!(
        bytes[0] & 0b1111_0000 == 0b1110_0000,
        "assertion failure: utf8Decode3 start byte {:#04x}",
        bytes[0]
    );
    let mut value = u32::from(bytes[0] & 0b0000_1111);
    value = push_continuation(value, bytes[1])?;
    value = push_continuation(value, bytes[2])?;
    if value < 0x800 {
        return Err(Utf8Error::Utf8OverlongEncoding);
    }
    if (0xD800..=0xDFFF).contains(&value) {
        return Err(Utf8Error::Utf8EncodesSurrogateHalf);
    }
    Ok(value)
}

/// Twin of `std.unicode.utf8Decode4`.
fn utf8_decode4(bytes: [u8; 4]) -> Result<u32, Utf8Error> {
    assert!(
        bytes[0] & 0b1111_1000 == 0b1111_0000,
        "assertion failure: utf8Decode4 start byte {:#04x}",
        bytes[0]
    );
    let mut value = u32::from(bytes[0] & 0b0000_0111);
    value = push_continuation(value, bytes[1])?;
    value = push_continuation(value, bytes[2])?;
    value = push_continuation(value, bytes[3])?;
    if value < 0x10000 {
        return Err(Utf8Error::Utf8OverlongEncoding);
    }
    if value > 0x10FFFF {
        return Err(Utf8Error::Utf8CodepointTooLarge);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::Utf8Error::*;
    use super::*;

    /// Literal port of Zig 0.15.2's scalar `utf8ValidateSliceImpl` with
    /// `.cannot_encode_surrogate_half` (the SIMD prefix only skips ASCII).
    fn zig_validate_reference(input: &[u8]) -> bool {
        const XX: u8 = 0xF1; // invalid: size 1
        const AS: u8 = 0xF0; // ASCII: size 1
        const S1: u8 = 0x02; // accept 0, size 2
        const S2: u8 = 0x13; // accept 1, size 3
        const S3: u8 = 0x03; // accept 0, size 3
        const S4: u8 = 0x23; // accept 2, size 3
        const S5: u8 = 0x34; // accept 3, size 4
        const S6: u8 = 0x04; // accept 0, size 4
        const S7: u8 = 0x44; // accept 4, size 4
        const FIRST: [u8; 256] = {
            let mut t = [XX; 256];
            let mut i = 0;
            while i < 256 {
                t[i] = match i {
                    0x00..=0x7F => AS,
                    0xC2..=0xDF => S1,
                    0xE0 => S2,
                    0xED => S4,
                    0xE1..=0xEF => S3,
                    0xF0 => S5,
                    0xF1..=0xF3 => S6,
                    0xF4 => S7,
                    _ => XX,
                };
                i += 1;
            }
            t
        };
        let first = &FIRST;

        let n = input.len();
        let mut i = 0;
        while i < n {
            let first_byte = input[i];
            if first_byte < 0x80 {
                i += 1;
                continue;
            }
            let info = first[usize::from(first_byte)];
            if info == XX {
                return false;
            }
            let size = usize::from(info & 7);
            if i + size > n {
                return false;
            }
            let (mut lo, mut hi) = (0x80, 0xBF);
            match info >> 4 {
                0 => {}
                1 => lo = 0xA0,
                2 => hi = 0x9F,
                3 => lo = 0x90,
                4 => hi = 0x8F,
                _ => unreachable!(),
            }
            let c1 = input[i + 1];
            if c1 < lo || hi < c1 {
                return false;
            }
            for &c in &input[i + 2..i + size] {
                if !(0x80..=0xBF).contains(&c) {
                    return false;
                }
            }
            i += size;
        }
        true
    }

    // Zig's `testDecode` helper: length check, then decode.
    #[derive(Debug, PartialEq)]
    enum TestErr {
        Utf8(Utf8Error),
        UnexpectedEof,
    }

    fn test_decode(bytes: &[u8]) -> Result<u32, TestErr> {
        let length = utf8_byte_sequence_length(bytes[0]).map_err(TestErr::Utf8)?;
        if bytes.len() < usize::from(length) {
            return Err(TestErr::UnexpectedEof);
        }
        assert_eq!(bytes.len(), usize::from(length));
        utf8_decode(bytes).map_err(TestErr::Utf8)
    }

    fn test_valid(bytes: &[u8], cp: u32) {
        assert_eq!(test_decode(bytes), Ok(cp), "{bytes:02x?}");
    }

    fn test_error(bytes: &[u8], err: TestErr) {
        assert_eq!(test_decode(bytes), Err(err), "{bytes:02x?}");
    }

    fn e(err: Utf8Error) -> TestErr {
        TestErr::Utf8(err)
    }

    // Zig 0.15.2 `test "validate slice"`.
    #[test]
    fn zig_validate_slice() {
        let valid: [&[u8]; 12] = [
            b"abc",
            b"abc\xdf\xbf",
            b"",
            b"a",
            b"abc",
            "Ж".as_bytes(),
            "ЖЖ".as_bytes(),
            "брэд-ЛГТМ".as_bytes(),
            "☺☻☹".as_bytes(),
            "a\u{fffdb}".as_bytes(),
            b"\xf4\x8f\xbf\xbf",
            b"abc\xdf\xbf",
        ];
        for s in valid {
            assert!(utf8_validate_slice(s), "{s:02x?}");
        }
        let invalid: [&[u8]; 14] = [
            b"abc\xc0",
            b"abc\xc0abc",
            b"aa\xe2",
            b"\x42\xfa",
            b"\x42\xfa\x43",
            b"abc\xc0",
            b"abc\xc0abc",
            b"\xf4\x90\x80\x80",
            b"\xf7\xbf\xbf\xbf",
            b"\xfb\xbf\xbf\xbf\xbf",
            b"\xc0\x80",
            b"\xed\xa0\x80",
            b"\xed\xbf\xbf",
            b"\xed\xa0\x80",
        ];
        for s in invalid {
            assert!(!utf8_validate_slice(s), "{s:02x?}");
        }
        let mut long = vec![b'a'; 550];
        long.push(0xC0);
        for i in 0..long.len() - 3 {
            assert!(!utf8_validate_slice(&long[i..]));
        }
    }

    #[test]
    fn validate_matches_zig_table_exhaustively_up_to_3_bytes() {
        assert!(utf8_validate_slice(&[]) && zig_validate_reference(&[]));
        for a in 0..=255u8 {
            assert_eq!(utf8_validate_slice(&[a]), zig_validate_reference(&[a]));
            for b in 0..=255u8 {
                let s2 = [a, b];
                assert_eq!(utf8_validate_slice(&s2), zig_validate_reference(&s2));
                for c in 0..=255u8 {
                    let s3 = [a, b, c];
                    assert_eq!(utf8_validate_slice(&s3), zig_validate_reference(&s3));
                }
            }
        }
    }

    #[test]
    fn validate_matches_zig_table_on_4_byte_sequences() {
        let probes = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF,
        ];
        for a in 0xE0..=0xFFu8 {
            for b in 0..=255u8 {
                for &c in &probes {
                    for &d in &probes {
                        let s = [a, b, c, d];
                        assert_eq!(
                            utf8_validate_slice(&s),
                            zig_validate_reference(&s),
                            "{s:02x?}"
                        );
                        let t = [b'x', a, b, c, d, b'y'];
                        assert_eq!(
                            utf8_validate_slice(&t),
                            zig_validate_reference(&t),
                            "{t:02x?}"
                        );
                    }
                }
            }
        }
    }

    // Zig 0.15.2 `test "valid utf8"`.
    #[test]
    fn zig_valid_utf8() {
        test_valid(b"\x00", 0x0);
        test_valid(b"\x20", 0x20);
        test_valid(b"\x7f", 0x7f);
        test_valid(b"\xc2\x80", 0x80);
        test_valid(b"\xdf\xbf", 0x7ff);
        test_valid(b"\xe0\xa0\x80", 0x800);
        test_valid(b"\xe1\x80\x80", 0x1000);
        test_valid(b"\xef\xbf\xbf", 0xffff);
        test_valid(b"\xf0\x90\x80\x80", 0x10000);
        test_valid(b"\xf1\x80\x80\x80", 0x40000);
        test_valid(b"\xf3\xbf\xbf\xbf", 0xfffff);
        test_valid(b"\xf4\x8f\xbf\xbf", 0x10ffff);
    }

    // Zig 0.15.2 `test "invalid utf8 continuation bytes"`.
    #[test]
    fn zig_invalid_continuation_bytes() {
        test_error(b"\x80", e(Utf8InvalidStartByte));
        test_error(b"\xbf", e(Utf8InvalidStartByte));
        test_error(b"\xf8", e(Utf8InvalidStartByte));
        test_error(b"\xff", e(Utf8InvalidStartByte));
        test_error(b"\xc2", TestErr::UnexpectedEof);
        test_error(b"\xc2\x00", e(Utf8ExpectedContinuation));
        test_error(b"\xc2\xc0", e(Utf8ExpectedContinuation));
        test_error(b"\xe0", TestErr::UnexpectedEof);
        test_error(b"\xe0\x00", TestErr::UnexpectedEof);
        test_error(b"\xe0\xc0", TestErr::UnexpectedEof);
        test_error(b"\xe0\xa0", TestErr::UnexpectedEof);
        test_error(b"\xe0\xa0\x00", e(Utf8ExpectedContinuation));
        test_error(b"\xe0\xa0\xc0", e(Utf8ExpectedContinuation));
        test_error(b"\xf0", TestErr::UnexpectedEof);
        test_error(b"\xf0\x00", TestErr::UnexpectedEof);
        test_error(b"\xf0\xc0", TestErr::UnexpectedEof);
        test_error(b"\xf0\x90\x00", TestErr::UnexpectedEof);
        test_error(b"\xf0\x90\xc0", TestErr::UnexpectedEof);
        test_error(b"\xf0\x90\x80\x00", e(Utf8ExpectedContinuation));
        test_error(b"\xf0\x90\x80\xc0", e(Utf8ExpectedContinuation));
    }

    // Zig 0.15.2 `test "overlong utf8 codepoint"`.
    #[test]
    fn zig_overlong() {
        test_error(b"\xc0\x80", e(Utf8OverlongEncoding));
        test_error(b"\xc1\xbf", e(Utf8OverlongEncoding));
        test_error(b"\xe0\x80\x80", e(Utf8OverlongEncoding));
        test_error(b"\xe0\x9f\xbf", e(Utf8OverlongEncoding));
        test_error(b"\xf0\x80\x80\x80", e(Utf8OverlongEncoding));
        test_error(b"\xf0\x8f\xbf\xbf", e(Utf8OverlongEncoding));
    }

    // Zig 0.15.2 `test "misc invalid utf8"`.
    #[test]
    fn zig_misc_invalid() {
        test_error(b"\xf4\x90\x80\x80", e(Utf8CodepointTooLarge));
        test_error(b"\xf7\xbf\xbf\xbf", e(Utf8CodepointTooLarge));
        test_valid(b"\xed\x9f\xbf", 0xd7ff);
        test_error(b"\xed\xa0\x80", e(Utf8EncodesSurrogateHalf));
        test_error(b"\xed\xbf\xbf", e(Utf8EncodesSurrogateHalf));
        test_valid(b"\xee\x80\x80", 0xe000);
    }

    #[test]
    fn decode_error_precedence() {
        // continuation is checked byte by byte before overlong/range checks
        assert_eq!(utf8_decode(b"\xe0\x80\x00"), Err(Utf8ExpectedContinuation));
        assert_eq!(
            utf8_decode(b"\xf7\xbf\xbf\x00"),
            Err(Utf8ExpectedContinuation)
        );
        assert_eq!(utf8_decode(b"\xf5\x80\x80\x80"), Err(Utf8CodepointTooLarge));
        // 1-byte input is not validated at all
        assert_eq!(utf8_decode(b"\x80"), Ok(0x80));
        assert_eq!(utf8_decode(b"\xff"), Ok(0xff));
    }

    #[test]
    fn decode_agrees_with_std_on_well_formed_lengths() {
        for a in 0xC0..=0xDFu8 {
            for b in 0..=255u8 {
                let s = [a, b];
                let std_cp = std::str::from_utf8(&s)
                    .ok()
                    .and_then(|t| t.chars().next())
                    .map(u32::from);
                assert_eq!(utf8_decode(&s).ok(), std_cp, "{s:02x?}");
            }
        }
        for a in 0xE0..=0xEFu8 {
            for b in 0..=255u8 {
                for c in 0..=255u8 {
                    let s = [a, b, c];
                    let std_cp = std::str::from_utf8(&s)
                        .ok()
                        .and_then(|t| t.chars().next())
                        .map(u32::from);
                    assert_eq!(utf8_decode(&s).ok(), std_cp, "{s:02x?}");
                }
            }
        }
    }

    #[test]
    fn byte_sequence_length_table() {
        for b in 0..=255u8 {
            let expected = match b {
                0x00..=0x7F => Ok(1),
                0xC0..=0xDF => Ok(2),
                0xE0..=0xEF => Ok(3),
                0xF0..=0xF7 => Ok(4),
                _ => Err(Utf8InvalidStartByte),
            };
            assert_eq!(utf8_byte_sequence_length(b), expected);
        }
    }

    #[test]
    #[should_panic(expected = "unreachable")]
    fn decode_empty_traps() {
        let _ = utf8_decode(&[]);
    }

    #[test]
    #[should_panic(expected = "unreachable")]
    fn decode_five_bytes_traps() {
        let _ = utf8_decode(b"\xf8\x80\x80\x80\x80");
    }

    #[test]
    #[should_panic(expected = "assertion")]
    fn decode_length_mismatch_traps() {
        let _ = utf8_decode(b"\xe0\xa0");
    }

    #[test]
    #[should_panic(expected = "assertion")]
    fn decode_continuation_start_traps() {
        let _ = utf8_decode(b"\x80\x80\x80");
    }

    #[test]
    fn error_names() {
        assert_eq!(Utf8InvalidStartByte.name(), "Utf8InvalidStartByte");
        assert_eq!(Utf8ExpectedContinuation.name(), "Utf8ExpectedContinuation");
        assert_eq!(Utf8OverlongEncoding.name(), "Utf8OverlongEncoding");
        assert_eq!(Utf8EncodesSurrogateHalf.name(), "Utf8EncodesSurrogateHalf");
        assert_eq!(Utf8CodepointTooLarge.name(), "Utf8CodepointTooLarge");
    }
}

/// The Zig errors of [`utf8_encode`]; variant names are Zig's verbatim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf8EncodeError {
    /// `error.Utf8CannotEncodeSurrogateHalf` (U+D800..=U+DFFF).
    Utf8CannotEncodeSurrogateHalf,
    /// `error.CodepointTooLarge` (above U+10FFFF).
    CodepointTooLarge,
}

impl Utf8EncodeError {
    /// The exact Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Utf8EncodeError::Utf8CannotEncodeSurrogateHalf => "Utf8CannotEncodeSurrogateHalf",
            Utf8EncodeError::CodepointTooLarge => "CodepointTooLarge",
        }
    }
}

impl fmt::Display for Utf8EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::error::Error for Utf8EncodeError {}

/// Twin of `std.unicode.utf8CodepointSequenceLength`.
pub fn utf8_codepoint_sequence_length(c: u32) -> Result<u8, Utf8EncodeError> {
    match c {
        0..0x80 => Ok(1),
        0x80..0x800 => Ok(2),
        0x800..0x10000 => Ok(3),
        0x10000..0x110000 => Ok(4),
        _ => Err(Utf8EncodeError::CodepointTooLarge),
    }
}

/// Twin of `std.unicode.utf8Encode(c, out)`: the length written. Zig
/// asserts `out` is long enough (a safety panic in ReleaseSafe); so does
/// this. The length is checked before the surrogate test, as in Zig.
pub fn utf8_encode(c: u32, out: &mut [u8]) -> Result<u8, Utf8EncodeError> {
    let length = utf8_codepoint_sequence_length(c)?;
    assert!(out.len() >= usize::from(length), "reached unreachable code");
    let continuation = |shift: u32| 0b1000_0000 | ((c >> shift) & 0b11_1111) as u8;
    match length {
        1 => out[0] = c as u8,
        2 => {
            out[0] = 0b1100_0000 | (c >> 6) as u8;
            out[1] = continuation(0);
        }
        3 => {
            if (0xD800..=0xDFFF).contains(&c) {
                return Err(Utf8EncodeError::Utf8CannotEncodeSurrogateHalf);
            }
            out[0] = 0b1110_0000 | (c >> 12) as u8;
            out[1] = continuation(6);
            out[2] = continuation(0);
        }
        _ => {
            out[0] = 0b1111_0000 | (c >> 18) as u8;
            out[1] = continuation(12);
            out[2] = continuation(6);
            out[3] = continuation(0);
        }
    }
    Ok(length)
}

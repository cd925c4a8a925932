//! Twin of Zig 0.15.2 `std.base64.standard` (`lib/std/base64.zig`): the
//! RFC 4648 alphabet `A–Z a–z 0–9 + /` with `=` padding.
//!
//! Decoding reproduces Zig's error choice for malformed input exactly,
//! including its quirks: a `=` before the last quartet is an
//! `InvalidCharacter` (Zig's fast path does not know about padding), and a
//! non-`=` character after padding is an `InvalidPadding` unless it is the
//! byte `0xff`.

/// Zig's `standard_alphabet_chars`.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Zig's `standard.pad_char`.
const PAD: u8 = b'=';

/// Zig's `Base64Decoder.invalid_char` marker in `char_to_index`.
const INVALID: u8 = 0xff;

/// Zig's `char_to_index` table for the standard alphabet.
const CHAR_TO_INDEX: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Twin of Zig's `std.base64.Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// `error.InvalidCharacter`
    InvalidCharacter,
    /// `error.InvalidPadding`
    InvalidPadding,
    /// `error.NoSpaceLeft`; Zig's `standard.Decoder` never returns it for a
    /// buffer sized by `calcSizeForSlice`, and neither does [`standard_decode`].
    NoSpaceLeft,
}

impl DecodeError {
    /// The Zig error name, e.g. `"InvalidPadding"`.
    pub fn name(self) -> &'static str {
        match self {
            DecodeError::InvalidCharacter => "InvalidCharacter",
            DecodeError::InvalidPadding => "InvalidPadding",
            DecodeError::NoSpaceLeft => "NoSpaceLeft",
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::error::Error for DecodeError {}

/// Twin of Zig's `standard.Encoder.calcSize(source_len)`.
fn encoded_len(source_len: usize) -> usize {
    source_len.div_ceil(3) * 4
}

/// Twin of Zig's `standard.Encoder.encode(dest, source)` into a buffer of
/// exactly `calcSize(source.len)` bytes.
pub fn standard_encode(source: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(encoded_len(source.len()));
    let sym = |index: u32| ALPHABET[(index & 0x3f) as usize];
    for chunk in source.chunks(3) {
        let b0 = u32::from(chunk[0]);
        let b1 = chunk.get(1).copied().map_or(0, u32::from);
        let b2 = chunk.get(2).copied().map_or(0, u32::from);
        let bits = (b0 << 16) | (b1 << 8) | b2;
        out.push(sym(bits >> 18));
        out.push(sym(bits >> 12));
        out.push(if chunk.len() > 1 { sym(bits >> 6) } else { PAD });
        out.push(if chunk.len() > 2 { sym(bits) } else { PAD });
    }
    out
}

/// Twin of Zig's `standard.Decoder.calcSizeForSlice(source)`.
fn calc_size_for_slice(source: &[u8]) -> Result<usize, DecodeError> {
    let len = source.len();
    if len % 4 != 0 {
        return Err(DecodeError::InvalidPadding);
    }
    let mut result = len / 4 * 3;
    if len >= 1 && source[len - 1] == PAD {
        result -= 1;
    }
    if len >= 2 && source[len - 2] == PAD {
        result -= 1;
    }
    Ok(result)
}

/// Zig's fast path for one quartet (`fast_char_to_index`): any character
/// outside the alphabet, `=` included, is an `InvalidCharacter`.
fn decode_quartet(quartet: &[u8]) -> Result<[u8; 3], DecodeError> {
    let mut bits = 0u32;
    for &c in quartet {
        let d = CHAR_TO_INDEX[usize::from(c)];
        if d == INVALID {
            return Err(DecodeError::InvalidCharacter);
        }
        bits = (bits << 6) | u32::from(d);
    }
    Ok([(bits >> 16) as u8, (bits >> 8) as u8, bits as u8])
}

/// Twin of Zig's `standard.Decoder.calcSizeForSlice(source)` followed by
/// `standard.Decoder.decode(dest, source)` into a buffer of that size.
///
/// Returns the same error Zig returns for every malformed input.
pub fn standard_decode(source: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let dest_len = calc_size_for_slice(source)?;
    // `decode` repeats the length check; it cannot fail after the one above.
    let mut dest = vec![0u8; dest_len];

    // Zig's two fast loops (16 and 4 characters at a time). Both stop before
    // the last quartet; they only differ in how many bytes they store at once.
    let mut src_idx = 0;
    let mut dest_idx = 0;
    while src_idx + 16 < source.len() && dest_idx + 15 < dest_len {
        for q in 0..4 {
            let at = src_idx + 4 * q;
            let bytes = decode_quartet(&source[at..at + 4])?;
            dest[dest_idx + 3 * q..dest_idx + 3 * q + 3].copy_from_slice(&bytes);
        }
        src_idx += 16;
        dest_idx += 12;
    }
    while src_idx + 4 < source.len() && dest_idx + 3 < dest_len {
        let bytes = decode_quartet(&source[src_idx..src_idx + 4])?;
        dest[dest_idx..dest_idx + 3].copy_from_slice(&bytes);
        src_idx += 4;
        dest_idx += 3;
    }

    // Zig's bit-at-a-time tail loop: `acc` is a `u12`, `acc_len` a `u4`.
    let mut acc: u16 = 0;
    let mut acc_len: u32 = 0;
    let mut leftover_idx = None;
    for (i, &c) in source.iter().enumerate().skip(src_idx) {
        let d = CHAR_TO_INDEX[usize::from(c)];
        if d == INVALID {
            if c != PAD {
                return Err(DecodeError::InvalidCharacter);
            }
            leftover_idx = Some(i);
            break;
        }
        acc = ((acc << 6) + u16::from(d)) & 0x0fff;
        acc_len += 6;
        if acc_len >= 8 {
            acc_len -= 8;
            // In bounds for every length `calc_size_for_slice` accepts; Zig
            // would trip a safety check here otherwise.
            let slot = dest.get_mut(dest_idx).ok_or(DecodeError::NoSpaceLeft)?;
            *slot = (acc >> acc_len) as u8;
            dest_idx += 1;
        }
    }
    if acc_len > 4 || acc & ((1u16 << acc_len) - 1) != 0 {
        return Err(DecodeError::InvalidPadding);
    }
    let Some(leftover_idx) = leftover_idx else {
        return Ok(dest);
    };
    let padding_len = acc_len / 2;
    let mut padding_chars = 0;
    for &c in &source[leftover_idx..] {
        if c != PAD {
            // Zig compares the raw character (not its index) with `invalid_char`.
            return Err(if c == INVALID {
                DecodeError::InvalidCharacter
            } else {
                DecodeError::InvalidPadding
            });
        }
        padding_chars += 1;
    }
    if padding_chars != padding_len {
        return Err(DecodeError::InvalidPadding);
    }
    Ok(dest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecodeError::{InvalidCharacter, InvalidPadding};

    /// Zig's `testBase64` round-trip cases for `standard`.
    const CASES: [(&str, &str); 12] = [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
        ("foobarfoobarfoo", "Zm9vYmFyZm9vYmFyZm9v"),
        ("foobarfoobarfoob", "Zm9vYmFyZm9vYmFyZm9vYg=="),
        ("foobarfoobarfooba", "Zm9vYmFyZm9vYmFyZm9vYmE="),
        ("foobarfoobarfoobar", "Zm9vYmFyZm9vYmFyZm9vYmFy"),
        ("comptime", "Y29tcHRpbWU="),
    ];

    #[test]
    fn known_answers() {
        for (decoded, encoded) in CASES {
            assert_eq!(standard_encode(decoded.as_bytes()), encoded.as_bytes());
            assert_eq!(
                standard_decode(encoded.as_bytes()).as_deref(),
                Ok(decoded.as_bytes())
            );
        }
    }

    #[test]
    fn round_trip_all_lengths() {
        let data: Vec<u8> = (0..=255u8).rev().collect();
        for len in 0..=data.len() {
            let encoded = standard_encode(&data[..len]);
            assert_eq!(encoded.len(), encoded_len(len));
            assert_eq!(standard_decode(&encoded).as_deref(), Ok(&data[..len]));
        }
    }

    fn check_errors(cases: &[(&[u8], DecodeError)]) {
        for &(input, expected) in cases {
            assert_eq!(
                standard_decode(input),
                Err(expected),
                "input {:?}",
                String::from_utf8_lossy(input)
            );
        }
    }

    /// Zig's `testError` cases for `standard`.
    #[test]
    fn zig_error_cases() {
        check_errors(&[
            (b"A", InvalidPadding),
            (b"AA", InvalidPadding),
            (b"AAA", InvalidPadding),
            (b"A..A", InvalidCharacter),
            (b"AA=A", InvalidPadding),
            (b"AA/=", InvalidPadding),
            (b"A/==", InvalidPadding),
            (b"A===", InvalidPadding),
            (b"====", InvalidPadding),
            (b"Zm9vYmFyZm9vYmFyA..A", InvalidCharacter),
            (b"Zm9vYmFyZm9vYmFyAA=A", InvalidPadding),
            (b"Zm9vYmFyZm9vYmFyAA/=", InvalidPadding),
            (b"Zm9vYmFyZm9vYmFyA/==", InvalidPadding),
            (b"Zm9vYmFyZm9vYmFyA===", InvalidPadding),
            (b"A..AZm9vYmFyZm9vYmFy", InvalidCharacter),
            (b"Zm9vYmFyZm9vAA=A", InvalidPadding),
            (b"Zm9vYmFyZm9vAA/=", InvalidPadding),
            (b"Zm9vYmFyZm9vA/==", InvalidPadding),
            (b"Zm9vYmFyZm9vA===", InvalidPadding),
        ]);
    }

    /// Further cases derived from reading Zig's `Base64Decoder.decode`.
    #[test]
    fn zig_quirks() {
        check_errors(&[
            // Non-zero leftover bits before the padding.
            (b"Zm9=", InvalidPadding),
            // Length not a multiple of 4 (`calcSizeForSlice`).
            (b"Zm9vYmFy=", InvalidPadding),
            // Invalid character in the tail loop.
            (b"Z!==", InvalidCharacter),
            // `=` inside the fast path is just an invalid character.
            (b"AA==AAAA", InvalidCharacter),
            (b"Zm8=Zm8=", InvalidCharacter),
            // After the first `=`, only the raw byte 0xff is "invalid".
            (b"AA=!", InvalidPadding),
            (b"AA=\xff", InvalidCharacter),
            // Leftover-bit check precedes the scan of the padding.
            (b"A=\xff=", InvalidPadding),
            // Too little / too much padding.
            (b"AA=A", InvalidPadding),
            (b"AAA=====", InvalidCharacter),
        ]);
        assert_eq!(standard_decode(b"").as_deref(), Ok(&b""[..]));
    }

    #[test]
    fn error_names() {
        assert_eq!(InvalidCharacter.name(), "InvalidCharacter");
        assert_eq!(InvalidPadding.name(), "InvalidPadding");
        assert_eq!(DecodeError::NoSpaceLeft.name(), "NoSpaceLeft");
    }
}

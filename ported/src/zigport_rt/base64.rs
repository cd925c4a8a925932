//! Twin of Zig 0.15.2 `std.base64` (`lib/std/base64.zig`): the codecs
//! `standard` (`A–Z a–z 0–9 + /`, `=` padding) and `url_safe_no_pad`
//! (`- _`, no padding), their `Encoder.encode` / `calcSize` and
//! `Decoder.calcSizeForSlice` / `decode` into caller buffers.
//!
//! Decoding reproduces Zig's error choice for malformed input exactly,
//! including its quirks: a `=` before the last quartet is an
//! `InvalidCharacter` (Zig's fast path does not know about padding), and a
//! non-`=` character after padding is an `InvalidPadding` unless it is the
//! byte `0xff`. The fast paths' stores are mirrored too (a 16-byte store
//! for 12 decoded bytes, a 4-byte one for 3), so a failed decode leaves
//! the buffer as Zig leaves it.

/// Zig's `Base64Decoder.invalid_char` marker in `char_to_index`.
const INVALID: u8 = 0xff;

/// One of Zig's `std.base64.Codecs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Codec {
    alphabet: [u8; 64],
    pad: Option<u8>,
    char_to_index: [u8; 256],
}

/// `std.base64.standard`.
pub const STANDARD: Codec = Codec::new(
    *b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
    Some(b'='),
);

/// `std.base64.url_safe_no_pad`.
pub const URL_SAFE_NO_PAD: Codec = Codec::new(
    *b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
    None,
);

impl Codec {
    const fn new(alphabet: [u8; 64], pad: Option<u8>) -> Codec {
        let mut char_to_index = [INVALID; 256];
        let mut i = 0;
        while i < 64 {
            char_to_index[alphabet[i] as usize] = i as u8;
            i += 1;
        }
        Codec {
            alphabet,
            pad,
            char_to_index,
        }
    }

    /// `Encoder.calcSize(source_len)`.
    pub fn calc_size(&self, source_len: usize) -> usize {
        match self.pad {
            Some(_) => source_len.div_ceil(3) * 4,
            None => source_len / 3 * 4 + (source_len % 3 * 4).div_ceil(3),
        }
    }

    /// `Encoder.encode(dest, source)`: `dest[0..calcSize(source.len)]`.
    /// Panics when `dest` is too short, where Zig asserts.
    pub fn encode<'d>(&self, dest: &'d mut [u8], source: &[u8]) -> &'d [u8] {
        let out_len = self.calc_size(source.len());
        assert!(dest.len() >= out_len, "base64 encode: dest too short");
        let sym = |index: u32| self.alphabet[(index & 0x3f) as usize];
        let mut out = 0;
        let mut chunks = source.chunks_exact(3);
        for chunk in &mut chunks {
            let bits = u32::from(chunk[0]) << 16 | u32::from(chunk[1]) << 8 | u32::from(chunk[2]);
            for (k, shift) in [18, 12, 6, 0].into_iter().enumerate() {
                dest[out + k] = sym(bits >> shift);
            }
            out += 4;
        }
        match *chunks.remainder() {
            [a, b] => {
                let bits = u32::from(a) << 16 | u32::from(b) << 8;
                dest[out] = sym(bits >> 18);
                dest[out + 1] = sym(bits >> 12);
                dest[out + 2] = sym(bits >> 6);
                out += 3;
            }
            [a] => {
                let bits = u32::from(a) << 16;
                dest[out] = sym(bits >> 18);
                dest[out + 1] = sym(bits >> 12);
                out += 2;
            }
            _ => {}
        }
        if let Some(pad) = self.pad {
            dest[out..out_len].fill(pad);
        }
        &dest[..out_len]
    }

    /// `Decoder.calcSizeUpperBound(source_len)`.
    pub fn calc_size_upper_bound(&self, source_len: usize) -> Result<usize, DecodeError> {
        let leftover = source_len % 4;
        let mut result = source_len / 4 * 3;
        match self.pad {
            Some(_) if leftover != 0 => return Err(DecodeError::InvalidPadding),
            Some(_) => {}
            None if leftover == 1 => return Err(DecodeError::InvalidPadding),
            None => result += leftover * 3 / 4,
        }
        Ok(result)
    }

    /// `Decoder.calcSizeForSlice(source)`.
    pub fn calc_size_for_slice(&self, source: &[u8]) -> Result<usize, DecodeError> {
        let len = source.len();
        let mut result = self.calc_size_upper_bound(len)?;
        if let Some(pad) = self.pad {
            if len >= 1 && source[len - 1] == pad {
                result -= 1;
            }
            if len >= 2 && source[len - 2] == pad {
                result -= 1;
            }
        }
        Ok(result)
    }

    /// Zig's fast path for one quartet (`fast_char_to_index`): any
    /// character outside the alphabet, padding included, is invalid.
    fn decode_quartet(&self, quartet: &[u8]) -> Result<[u8; 3], DecodeError> {
        let mut bits = 0u32;
        for &c in quartet {
            let d = self.char_to_index[usize::from(c)];
            if d == INVALID {
                return Err(DecodeError::InvalidCharacter);
            }
            bits = (bits << 6) | u32::from(d);
        }
        Ok([(bits >> 16) as u8, (bits >> 8) as u8, bits as u8])
    }

    /// `Decoder.decode(dest, source)`, `dest` sized by `calcSizeForSlice`.
    /// Panics when `dest` is too short, where Zig's safety check traps.
    pub fn decode(&self, dest: &mut [u8], source: &[u8]) -> Result<(), DecodeError> {
        // A length that is not a multiple of 4 (spelled so that both the
        // support crate's MSRV and the ports' clippy accept it).
        if self.pad.is_some() && source.len() & 3 != 0 {
            return Err(DecodeError::InvalidPadding);
        }
        // Zig's two fast loops (16 and 4 characters at a time), with their
        // wide little-endian stores: 12 bytes and 4 zeros, 3 bytes and a zero.
        let mut src_idx = 0;
        let mut dest_idx = 0;
        while src_idx + 16 < source.len() && dest_idx + 15 < dest.len() {
            let mut wide = [0u8; 16];
            for q in 0..4 {
                let at = src_idx + 4 * q;
                wide[3 * q..3 * q + 3].copy_from_slice(&self.decode_quartet(&source[at..at + 4])?);
            }
            dest[dest_idx..dest_idx + 16].copy_from_slice(&wide);
            src_idx += 16;
            dest_idx += 12;
        }
        while src_idx + 4 < source.len() && dest_idx + 3 < dest.len() {
            let [a, b, c] = self.decode_quartet(&source[src_idx..src_idx + 4])?;
            dest[dest_idx..dest_idx + 4].copy_from_slice(&[a, b, c, 0]);
            src_idx += 4;
            dest_idx += 3;
        }
        // Zig's bit-at-a-time tail loop: `acc` is a `u12`, `acc_len` a `u4`.
        let mut acc: u16 = 0;
        let mut acc_len: u32 = 0;
        let mut leftover_idx = None;
        for (i, &c) in source.iter().enumerate().skip(src_idx) {
            let d = self.char_to_index[usize::from(c)];
            if d == INVALID {
                if self.pad != Some(c) {
                    return Err(DecodeError::InvalidCharacter);
                }
                leftover_idx = Some(i);
                break;
            }
            acc = ((acc << 6) + u16::from(d)) & 0x0fff;
            acc_len += 6;
            if acc_len >= 8 {
                acc_len -= 8;
                dest[dest_idx] = (acc >> acc_len) as u8;
                dest_idx += 1;
            }
        }
        if acc_len > 4 || acc & ((1u16 << acc_len) - 1) != 0 {
            return Err(DecodeError::InvalidPadding);
        }
        let (Some(leftover_idx), Some(pad)) = (leftover_idx, self.pad) else {
            return Ok(());
        };
        let padding_len = acc_len / 2;
        let mut padding_chars = 0;
        for &c in &source[leftover_idx..] {
            if c != pad {
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
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    InvalidCharacter,
    InvalidPadding,
    NoSpaceLeft,
}

impl DecodeError {
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

/// `standard.Encoder.encode` into a buffer of exactly `calcSize` bytes.
pub fn standard_encode(source: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; STANDARD.calc_size(source.len())];
    STANDARD.encode(&mut out, source);
    out
}

/// `standard.Decoder.calcSizeForSlice(source)` then `decode` into a
/// buffer of that size: the same error Zig returns for every malformed input.
pub fn standard_decode(source: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let mut dest = vec![0u8; STANDARD.calc_size_for_slice(source)?];
    STANDARD.decode(&mut dest, source)?;
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
            assert_eq!(encoded.len(), STANDARD.calc_size(len));
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

//! Ported from `base64.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    InvalidCharacter,
    InvalidPadding,
    NoSpaceLeft,
}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Error::InvalidCharacter => "InvalidCharacter",
            Error::InvalidPadding => "InvalidPadding",
            Error::NoSpaceLeft => "NoSpaceLeft",
        }
    }
}
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
impl std::error::Error for Error {}
impl From<crate::zigport_rt::base64::DecodeError> for Error {
    #[allow(unused_variables)]
    fn from(e: crate::zigport_rt::base64::DecodeError) -> Self {
        match e {
            crate::zigport_rt::base64::DecodeError::InvalidCharacter => Error::InvalidCharacter,
            crate::zigport_rt::base64::DecodeError::InvalidPadding => Error::InvalidPadding,
            crate::zigport_rt::base64::DecodeError::NoSpaceLeft => Error::NoSpaceLeft,
        }
    }
}
/// Errors from strict decoding.
pub type DecodeError = Error;
/// The RFC 4648 standard alphabet.
pub const STANDARD_ALPHABET: [u8; 64] =
    *b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// The RFC 4648 URL- and filename-safe alphabet.
pub const URL_SAFE_ALPHABET: [u8; 64] =
    *b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const PAD_CHAR: u8 = b'=';
/// Marks a byte that is not in the alphabet in a decode table.
pub const INVALID: u8 = 0xFF;
/// Build the reverse lookup table for `alphabet` at compile time.
fn build_decode_table(alphabet: [u8; 64]) -> [u8; 256] {
    // PERF(port): comptime parameter `alphabet` is a runtime argument
    let mut table = [INVALID; 256];
    for (i, c) in alphabet.iter().copied().enumerate() {
        if table[c as usize] != INVALID {
            unreachable!(
                "{}",
                "Zig compile error: base64 alphabet has a duplicate character"
            )
        }
        if c == PAD_CHAR {
            unreachable!(
                "{}",
                "Zig compile error: base64 alphabet must not contain the pad character"
            )
        }
        table[c as usize] = u8::try_from(i).unwrap();
    }
    table
}
/// Standard alphabet, padded.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Standard {}
impl Standard {
    /// Index -> character.
    pub const ENCODE_TABLE: [u8; 64] = STANDARD_ALPHABET;
    /// Whether this codec pads.
    pub const PADDED: bool = true;
    /// Length of the encoding of `n` bytes (saturates at maxInt(usize)).
    pub fn encoded_len(n: usize) -> usize {
        let groups = n / 3;
        let rem = n % 3;
        let full = groups.saturating_mul(4);
        if rem == 0 {
            return full;
        }
        full.saturating_add(4)
    }
    /// An upper bound on the decoded size of `n` encoded characters.
    pub fn decoded_len_upper_bound(n: usize) -> usize {
        let rem = n % 4;
        ((n / 4) * 3) + rem.saturating_sub(1)
    }
    /// Encode `source` into `dest`, returning the number of bytes written.
    pub fn encode(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
        let needed = Self::encoded_len(source.len());
        if dest.len() < needed {
            return Err(Error::NoSpaceLeft);
        }
        let mut si: usize = 0;
        let mut di: usize = 0;
        while (si + 3) <= source.len() {
            {
                let word = (((source[si] as u32) << 16) | ((source[si + 1] as u32) << 8))
                    | (source[si + 2] as u32);
                dest[di] = Self::ENCODE_TABLE[((word >> 18) & 63) as usize];
                dest[di + 1] = Self::ENCODE_TABLE[((word >> 12) & 63) as usize];
                dest[di + 2] = Self::ENCODE_TABLE[((word >> 6) & 63) as usize];
                dest[di + 3] = Self::ENCODE_TABLE[(word & 63) as usize];
            }
            {
                si += 3;
                di += 4;
            };
        }
        match source.len() - si {
            0 => {}
            1 => {
                let word = (source[si] as u32) << 16;
                dest[di] = Self::ENCODE_TABLE[((word >> 18) & 63) as usize];
                dest[di + 1] = Self::ENCODE_TABLE[((word >> 12) & 63) as usize];
                di += 2;
                {
                    dest[di] = PAD_CHAR;
                    dest[di + 1] = PAD_CHAR;
                    di += 2;
                };
            }
            2 => {
                let word = ((source[si] as u32) << 16) | ((source[si + 1] as u32) << 8);
                dest[di] = Self::ENCODE_TABLE[((word >> 18) & 63) as usize];
                dest[di + 1] = Self::ENCODE_TABLE[((word >> 12) & 63) as usize];
                dest[di + 2] = Self::ENCODE_TABLE[((word >> 6) & 63) as usize];
                di += 3;
                {
                    dest[di] = PAD_CHAR;
                    di += 1;
                };
            }
            _ => unreachable!(),
        };
        assert!(di == needed);
        Ok(di)
    }
    /// Strip and validate padding; returns the unpadded body.
    fn body(source: &[u8]) -> Result<&[u8], Error> {
        let mut src = source;
        {
            if !src.len().is_multiple_of(4) {
                return Err(Error::InvalidPadding);
            }
            let mut pads: usize = 0;
            while ((pads < 2) && (!src.is_empty())) && (src[src.len() - 1] == PAD_CHAR) {
                src = &src[0..src.len() - 1];
                pads += 1;
            }
        };
        if (src.len() % 4) == 1 {
            return Err(Error::InvalidPadding);
        }
        Ok(src)
    }
    /// Exact decoded length of `source`, validating its shape (not its characters).
    pub fn decoded_len(source: &[u8]) -> Result<usize, Error> {
        Ok(Self::decoded_len_upper_bound(Self::body(source)?.len()))
    }
    fn lookup(c: u8) -> Result<u32, Error> {
        let v = (*STANDARD_DECODE_TABLE)[c as usize];
        if v == INVALID {
            return Err(Error::InvalidCharacter);
        }
        Ok(v as u32)
    }
    /// Strictly decode `source` into `dest`, returning the number of bytes written.
    pub fn decode(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
        let src = Self::body(source)?;
        let out_len = Self::decoded_len_upper_bound(src.len());
        if dest.len() < out_len {
            return Err(Error::NoSpaceLeft);
        }
        let mut si: usize = 0;
        let mut di: usize = 0;
        while (si + 4) <= src.len() {
            {
                let word = (((Self::lookup(src[si])? << 18) | (Self::lookup(src[si + 1])? << 12))
                    | (Self::lookup(src[si + 2])? << 6))
                    | Self::lookup(src[si + 3])?;
                dest[di] = (word >> 16) as u8;
                dest[di + 1] = (word >> 8) as u8;
                dest[di + 2] = word as u8;
            }
            {
                si += 4;
                di += 3;
            };
        }
        match src.len() - si {
            0 => {}
            2 => {
                let word = (Self::lookup(src[si])? << 18) | (Self::lookup(src[si + 1])? << 12);
                if (word & 0xFFFF) != 0 {
                    return Err(Error::InvalidPadding);
                }
                dest[di] = (word >> 16) as u8;
                di += 1;
            }
            3 => {
                let word = ((Self::lookup(src[si])? << 18) | (Self::lookup(src[si + 1])? << 12))
                    | (Self::lookup(src[si + 2])? << 6);
                if (word & 0xFF) != 0 {
                    return Err(Error::InvalidPadding);
                }
                dest[di] = (word >> 16) as u8;
                dest[di + 1] = (word >> 8) as u8;
                di += 2;
            }
            _ => unreachable!(),
        };
        assert!(di == out_len);
        Ok(di)
    }
}
pub(crate) static STANDARD_DECODE_TABLE: std::sync::LazyLock<[u8; 256]> =
    std::sync::LazyLock::new(|| build_decode_table(STANDARD_ALPHABET));
/// URL-safe alphabet, unpadded (Node's "base64url").
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct UrlSafe {}
impl UrlSafe {
    /// Index -> character.
    pub const ENCODE_TABLE: [u8; 64] = URL_SAFE_ALPHABET;
    /// Whether this codec pads.
    pub const PADDED: bool = false;
    /// Length of the encoding of `n` bytes (saturates at maxInt(usize)).
    pub fn encoded_len(n: usize) -> usize {
        let groups = n / 3;
        let rem = n % 3;
        let full = groups.saturating_mul(4);
        if rem == 0 {
            return full;
        }
        full.saturating_add(rem + 1)
    }
    /// An upper bound on the decoded size of `n` encoded characters.
    pub fn decoded_len_upper_bound(n: usize) -> usize {
        let rem = n % 4;
        ((n / 4) * 3) + rem.saturating_sub(1)
    }
    /// Encode `source` into `dest`, returning the number of bytes written.
    pub fn encode(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
        let needed = Self::encoded_len(source.len());
        if dest.len() < needed {
            return Err(Error::NoSpaceLeft);
        }
        let mut si: usize = 0;
        let mut di: usize = 0;
        while (si + 3) <= source.len() {
            {
                let word = (((source[si] as u32) << 16) | ((source[si + 1] as u32) << 8))
                    | (source[si + 2] as u32);
                dest[di] = Self::ENCODE_TABLE[((word >> 18) & 63) as usize];
                dest[di + 1] = Self::ENCODE_TABLE[((word >> 12) & 63) as usize];
                dest[di + 2] = Self::ENCODE_TABLE[((word >> 6) & 63) as usize];
                dest[di + 3] = Self::ENCODE_TABLE[(word & 63) as usize];
            }
            {
                si += 3;
                di += 4;
            };
        }
        match source.len() - si {
            0 => {}
            1 => {
                let word = (source[si] as u32) << 16;
                dest[di] = Self::ENCODE_TABLE[((word >> 18) & 63) as usize];
                dest[di + 1] = Self::ENCODE_TABLE[((word >> 12) & 63) as usize];
                di += 2;
                {};
            }
            2 => {
                let word = ((source[si] as u32) << 16) | ((source[si + 1] as u32) << 8);
                dest[di] = Self::ENCODE_TABLE[((word >> 18) & 63) as usize];
                dest[di + 1] = Self::ENCODE_TABLE[((word >> 12) & 63) as usize];
                dest[di + 2] = Self::ENCODE_TABLE[((word >> 6) & 63) as usize];
                di += 3;
                {};
            }
            _ => unreachable!(),
        };
        assert!(di == needed);
        Ok(di)
    }
    /// Strip and validate padding; returns the unpadded body.
    fn body(source: &[u8]) -> Result<&[u8], Error> {
        let src = source;
        {};
        if (src.len() % 4) == 1 {
            return Err(Error::InvalidPadding);
        }
        Ok(src)
    }
    /// Exact decoded length of `source`, validating its shape (not its characters).
    pub fn decoded_len(source: &[u8]) -> Result<usize, Error> {
        Ok(Self::decoded_len_upper_bound(Self::body(source)?.len()))
    }
    fn lookup(c: u8) -> Result<u32, Error> {
        let v = (*URL_SAFE_DECODE_TABLE)[c as usize];
        if v == INVALID {
            return Err(Error::InvalidCharacter);
        }
        Ok(v as u32)
    }
    /// Strictly decode `source` into `dest`, returning the number of bytes written.
    pub fn decode(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
        let src = Self::body(source)?;
        let out_len = Self::decoded_len_upper_bound(src.len());
        if dest.len() < out_len {
            return Err(Error::NoSpaceLeft);
        }
        let mut si: usize = 0;
        let mut di: usize = 0;
        while (si + 4) <= src.len() {
            {
                let word = (((Self::lookup(src[si])? << 18) | (Self::lookup(src[si + 1])? << 12))
                    | (Self::lookup(src[si + 2])? << 6))
                    | Self::lookup(src[si + 3])?;
                dest[di] = (word >> 16) as u8;
                dest[di + 1] = (word >> 8) as u8;
                dest[di + 2] = word as u8;
            }
            {
                si += 4;
                di += 3;
            };
        }
        match src.len() - si {
            0 => {}
            2 => {
                let word = (Self::lookup(src[si])? << 18) | (Self::lookup(src[si + 1])? << 12);
                if (word & 0xFFFF) != 0 {
                    return Err(Error::InvalidPadding);
                }
                dest[di] = (word >> 16) as u8;
                di += 1;
            }
            3 => {
                let word = ((Self::lookup(src[si])? << 18) | (Self::lookup(src[si + 1])? << 12))
                    | (Self::lookup(src[si + 2])? << 6);
                if (word & 0xFF) != 0 {
                    return Err(Error::InvalidPadding);
                }
                dest[di] = (word >> 16) as u8;
                dest[di + 1] = (word >> 8) as u8;
                di += 2;
            }
            _ => unreachable!(),
        };
        assert!(di == out_len);
        Ok(di)
    }
}
pub(crate) static URL_SAFE_DECODE_TABLE: std::sync::LazyLock<[u8; 256]> =
    std::sync::LazyLock::new(|| build_decode_table(URL_SAFE_ALPHABET));
/// Encode with the standard padded alphabet.
pub fn encode(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
    Standard::encode(dest, source)
}
/// Strictly decode standard padded base64.
pub fn decode(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
    Standard::decode(dest, source)
}
/// Encode with the URL-safe alphabet, without padding.
pub fn encode_url_safe(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
    UrlSafe::encode(dest, source)
}
/// Strictly decode unpadded URL-safe base64.
pub fn decode_url_safe(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
    UrlSafe::decode(dest, source)
}
/// Length of the standard (padded) encoding of `n` bytes.
pub fn encoded_len(n: usize) -> usize {
    Standard::encoded_len(n)
}
/// Length of the URL-safe (unpadded) encoding of `n` bytes.
pub fn encoded_len_url_safe(n: usize) -> usize {
    UrlSafe::encoded_len(n)
}
/// Upper bound on the bytes decoded from `n` characters, for either flavour.
pub fn decoded_len_upper_bound(n: usize) -> usize {
    UrlSafe::decoded_len_upper_bound(n)
}
/// Whether `source` is valid strict standard base64.
pub fn is_valid(source: &[u8]) -> bool {
    let src = match Standard::body(source) {
        Ok(v) => v,
        Err(_) => return false,
    };
    for c in src.iter().copied() {
        if (*STANDARD_DECODE_TABLE)[c as usize] == INVALID {
            return false;
        }
    }
    // Leftover bits must be zero.
    match src.len() % 4 {
        2 => ((*STANDARD_DECODE_TABLE)[src[src.len() - 1] as usize] & 0x0F) == 0,
        3 => ((*STANDARD_DECODE_TABLE)[src[src.len() - 1] as usize] & 0x03) == 0,
        _ => true,
    }
}
/// Encode `source` (standard, padded) into newly allocated memory.
pub fn encode_alloc(source: &[u8]) -> Result<Vec<u8>, Error> {
    let mut out = vec![<u8>::default(); encoded_len(source.len())];
    // zigport: `errdefer allocator.free(out);` dropped: ownership frees
    let n = encode(&mut out, source)?;
    assert!(n == out.len());
    Ok(out)
}
/// Strictly decode standard base64 into newly allocated memory.
pub fn decode_alloc(source: &[u8]) -> Result<Vec<u8>, Error> {
    let len = Standard::decoded_len(source)?;
    let mut out = vec![<u8>::default(); len];
    // zigport: `errdefer allocator.free(out);` dropped: ownership frees
    let n = decode(&mut out, source)?;
    assert!(n == out.len());
    Ok(out)
}
/// Lenient decoding as Node's `Buffer.from(str, "base64")` does it: both
/// alphabets are accepted, bytes outside them (whitespace, line breaks) are
/// skipped, decoding stops at the first `=`, and incomplete trailing bits are
/// dropped. Only fails when `dest` is too small.
pub fn decode_forgiving(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
    let mut acc: u32 = 0;
    let mut bits: u8 = 0;
    let mut di: usize = 0;
    for c in source.iter().copied() {
        if c == PAD_CHAR {
            break;
        }
        let mut v = (*STANDARD_DECODE_TABLE)[c as usize];
        if v == INVALID {
            v = (*URL_SAFE_DECODE_TABLE)[c as usize];
        }
        if v == INVALID {
            continue;
        }
        acc = (acc << 6) | (v as u32);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            if di >= dest.len() {
                return Err(Error::NoSpaceLeft);
            }
            dest[di] = (acc >> bits) as u8;
            di += 1;
            acc &= (1_u32 << bits) - 1;
        }
    }
    Ok(di)
}
// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
#[cfg(test)]
fn expect_encode(expected: &[u8], input: &[u8]) -> Result<(), Error> {
    // PERF(port): `buf` zero-initialised; Zig left it undefined
    let mut buf: [u8; 128] = [0; 128];
    let n = encode(&mut buf, input)?;
    assert_eq!(&buf[0..n], expected);
    assert_eq!(encoded_len(input.len()), n);
    // PERF(port): `back` zero-initialised; Zig left it undefined
    let mut back: [u8; 128] = [0; 128];
    let m = decode(&mut back, &buf[0..n])?;
    assert_eq!(&back[0..m], input);
    Ok(())
}
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_rfc_4648_test_vectors() -> Result<(), Box<dyn std::error::Error>> {
        expect_encode(b"", b"")?;
        expect_encode(b"Zg==", b"f")?;
        expect_encode(b"Zm8=", b"fo")?;
        expect_encode(b"Zm9v", b"foo")?;
        expect_encode(b"Zm9vYg==", b"foob")?;
        expect_encode(b"Zm9vYmE=", b"fooba")?;
        expect_encode(b"Zm9vYmFy", b"foobar")?;
        expect_encode(b"SGVsbG8sIFdvcmxkIQ==", b"Hello, World!")?;
        expect_encode(b"Pz8/Pz4+Pg==", b"????>>>")?;
        Ok(())
    }
    #[test]
    fn test_url_safe_flavour() -> Result<(), Box<dyn std::error::Error>> {
        // PERF(port): `buf` zero-initialised; Zig left it undefined
        let mut buf: [u8; 64] = [0; 64];
        let mut n = encode_url_safe(&mut buf, b"????>>>")?;
        assert_eq!(&buf[0..n], b"Pz8_Pz4-Pg");
        n = encode_url_safe(&mut buf, b"f")?;
        assert_eq!(&buf[0..n], b"Zg");
        // PERF(port): `out` zero-initialised; Zig left it undefined
        let mut out: [u8; 64] = [0; 64];
        n = decode_url_safe(&mut out, b"Pz8_Pz4-Pg")?;
        assert_eq!(&out[0..n], b"????>>>");
        assert_eq!(
            decode_url_safe(&mut out, b"Zg=="),
            Err(Error::InvalidCharacter)
        );
        assert_eq!(
            decode_url_safe(&mut out, b"Pz8/"),
            Err(Error::InvalidCharacter)
        );
        assert_eq!(
            decode_url_safe(&mut out, b"Zm9vY"),
            Err(Error::InvalidPadding)
        );
        assert_eq!(encoded_len_url_safe(1), 2_usize);
        assert_eq!(encoded_len_url_safe(6), 8_usize);
        Ok(())
    }
    #[test]
    fn test_strict_decode_errors() {
        // PERF(port): `out` zero-initialised; Zig left it undefined
        let mut out: [u8; 64] = [0; 64];
        assert_eq!(decode(&mut out, b"Zg"), Err(Error::InvalidPadding));
        assert_eq!(decode(&mut out, b"Zg="), Err(Error::InvalidPadding));
        assert_eq!(decode(&mut out, b"Z==="), Err(Error::InvalidCharacter));
        assert_eq!(decode(&mut out, b"Zm9v!A=="), Err(Error::InvalidCharacter));
        assert_eq!(
            decode(&mut out, &b"Zm 9v"[0..4]),
            Err(Error::InvalidCharacter)
        );
        assert_eq!(decode(&mut out, b"Zh=="), Err(Error::InvalidPadding));
        assert_eq!(decode(&mut out, b"Zm9="), Err(Error::InvalidPadding));
        assert_eq!(decode(&mut out, b"===="), Err(Error::InvalidCharacter));
        assert_eq!(decode(&mut out[0..2], b"Zm9v"), Err(Error::NoSpaceLeft));
        assert_eq!(encode(&mut out[0..3], b"foo"), Err(Error::NoSpaceLeft));
        assert!(is_valid(b"Zm9vYmE="));
        assert!(!is_valid(b"Zm9vYmF="));
        assert!(!is_valid(b"Zm9vYmE"));
    }
    #[test]
    fn test_length_helpers() -> Result<(), Box<dyn std::error::Error>> {
        assert_eq!(encoded_len(0), 0_usize);
        assert_eq!(encoded_len(1), 4_usize);
        assert_eq!(encoded_len(4), 8_usize);
        assert_eq!(encoded_len(usize::MAX), usize::MAX);
        assert_eq!(decoded_len_upper_bound(4), 3_usize);
        assert_eq!(decoded_len_upper_bound(6), 4_usize);
        assert_eq!(decoded_len_upper_bound(1), 0_usize);
        assert_eq!(Standard::decoded_len(b"Zm9vYg==")?, 4_usize);
        Ok(())
    }
    #[test]
    fn test_alloc_helpers() -> Result<(), Box<dyn std::error::Error>> {
        let enc = encode_alloc(b"bun install")?;
        // zigport: `defer testing.allocator.free(enc);` dropped: ownership frees
        assert_eq!(enc, b"YnVuIGluc3RhbGw=");
        let dec = decode_alloc(&enc)?;
        // zigport: `defer testing.allocator.free(dec);` dropped: ownership frees
        assert_eq!(dec, b"bun install");
        assert_eq!(decode_alloc(b"YnV*"), Err(Error::InvalidCharacter));
        Ok(())
    }
    #[test]
    fn test_forgiving_decode() -> Result<(), Box<dyn std::error::Error>> {
        // PERF(port): `out` zero-initialised; Zig left it undefined
        let mut out: [u8; 64] = [0; 64];
        let mut n = decode_forgiving(&mut out, b"SGVs bG8s\nIFdv cmxk IQ==")?;
        assert_eq!(&out[0..n], b"Hello, World!");
        n = decode_forgiving(&mut out, b"Pz8_Pz4-Pg")?;
        assert_eq!(&out[0..n], b"????>>>");
        n = decode_forgiving(&mut out, b"Zm9v=YmFy")?;
        assert_eq!(&out[0..n], b"foo");
        n = decode_forgiving(&mut out, b"")?;
        assert_eq!(n, 0_usize);
        assert_eq!(
            decode_forgiving(&mut out[0..1], b"Zm9v"),
            Err(Error::NoSpaceLeft)
        );
        Ok(())
    }
    #[test]
    fn test_agrees_with_std_base64_on_random_data() -> Result<(), Box<dyn std::error::Error>> {
        let mut prng = crate::zigport_rt::random::Xoshiro256::init(64);
        let rand = &mut prng;
        // PERF(port): `src` zero-initialised; Zig left it undefined
        let mut src: [u8; 96] = [0; 96];
        // PERF(port): `mine` zero-initialised; Zig left it undefined
        let mut mine: [u8; 160] = [0; 160];
        // PERF(port): `theirs` zero-initialised; Zig left it undefined
        let mut theirs: [u8; 160] = [0; 160];
        for iter in 0..400 {
            let len = iter % src.len();
            rand.bytes(&mut src[0..len]);
            let a = encode(&mut mine, &src[0..len])?;
            let b = crate::zigport_rt::base64::STANDARD.encode(&mut theirs, &src[0..len]);
            assert_eq!(&mine[0..a], b);
            let c = encode_url_safe(&mut mine, &src[0..len])?;
            let d = crate::zigport_rt::base64::URL_SAFE_NO_PAD.encode(&mut theirs, &src[0..len]);
            assert_eq!(&mine[0..c], d);
        }
        // Random near-base64 strings: both decoders must accept exactly the same ones.
        let chars = b"AQgw+/=Zz9";
        // PERF(port): `text` zero-initialised; Zig left it undefined
        let mut text: [u8; 12] = [0; 12];
        for iter in 0..4000 {
            let len = iter % (text.len() + 1);
            for c in text[0..len].iter_mut() {
                *c = chars[rand.uint_less_than::<usize>(chars.len())];
            }
            let s = &text[0..len];
            let mine_res = decode(&mut mine, s);
            let std_ok = match crate::zigport_rt::base64::STANDARD
                .calc_size_for_slice(s)
                .map_err(Error::from)
            {
                Ok(size) => crate::zigport_rt::base64::STANDARD
                    .decode(&mut theirs[0..size], s)
                    .map_err(Error::from)
                    .is_ok(),
                Err(_) => false,
            };
            match mine_res {
                Ok(n) => {
                    assert!(std_ok);
                    assert_eq!(&mine[0..n], &theirs[0..n]);
                }
                Err(_) => {
                    assert!(!std_ok);
                }
            };
            assert_eq!(
                is_valid(s),
                (mine_res != Err(Error::InvalidCharacter))
                    && (mine_res != Err(Error::InvalidPadding))
            );
        }
        Ok(())
    }
}

// zigport: source base64.zig (415 lines); 34/34 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;

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
/// Errors from strict decoding.
pub type DecodeError = Error;
/// The RFC 4648 standard alphabet.
pub const STANDARD_ALPHABET: [u8; 64] = *b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// The RFC 4648 URL- and filename-safe alphabet.
pub const URL_SAFE_ALPHABET: [u8; 64] = *b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const PAD_CHAR: u8 = b'=';
/// Marks a byte that is not in the alphabet in a decode table.
pub const INVALID: u8 = 0xFF;
/// Build the reverse lookup table for `alphabet` at compile time.
fn build_decode_table(alphabet: [u8; 64]) -> [u8; 256] {
    // PERF(port): comptime parameter `alphabet` is a runtime argument
    let mut table = [INVALID; 256];
    for (i, c) in alphabet.iter().copied().enumerate() {
        if table[c as usize] != INVALID {
            todo!(
                // TODO(port): no rule for @compileError: `@compileError("base64 alphabet has a duplicate cha`
                "TODO(port): no rule for @compileError: `@compileError(\"base64 alphabet has a duplicate cha`"
            )
        }
        if c == PAD_CHAR {
            todo!(
                // TODO(port): no rule for @compileError: `@compileError("base64 alphabet must not contain th`
                "TODO(port): no rule for @compileError: `@compileError(\"base64 alphabet must not contain th`"
            )
        }
        table[c as usize] = i.try_into().unwrap();
    }
    table
}
/// A base64 codec over `alphabet`; when `pad` is set, output is padded with
/// `=` to a multiple of four and decoding requires that padding.
#[allow(dead_code, unused_variables)]
fn codec(_: impl Sized, _: impl Sized) -> ! {
    // TODO(port): fn `Codec`: return type `type` has no rule
    todo!("TODO(port): fn `Codec`: return type `type` has no rule")
}
// TODO(port): constant `Standard` = `Codec(standard_alphabet, true)`: no type rule
// TODO(port): constant `UrlSafe` = `Codec(url_safe_alphabet, false)`: no type rule
// TODO(port): does not compile: 67:8: cannot find value `STANDARD` in this scope
/// Encode with the standard padded alphabet.
pub fn encode(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
    todo!("TODO(port): does not compile: 67:8: cannot find value `STANDARD` in this scope")
}
// TODO(port): does not compile: 71:8: cannot find value `STANDARD` in this scope
/// Strictly decode standard padded base64.
pub fn decode(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
    todo!("TODO(port): does not compile: 71:8: cannot find value `STANDARD` in this scope")
}
// TODO(port): does not compile: 75:8: cannot find value `URL_SAFE` in this scope
/// Encode with the URL-safe alphabet, without padding.
pub fn encode_url_safe(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
    todo!("TODO(port): does not compile: 75:8: cannot find value `URL_SAFE` in this scope")
}
// TODO(port): does not compile: 79:8: cannot find value `URL_SAFE` in this scope
/// Strictly decode unpadded URL-safe base64.
pub fn decode_url_safe(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
    todo!("TODO(port): does not compile: 79:8: cannot find value `URL_SAFE` in this scope")
}
// TODO(port): does not compile: 83:5: cannot find value `STANDARD` in this scope
/// Length of the standard (padded) encoding of `n` bytes.
pub fn encoded_len(n: usize) -> usize {
    todo!("TODO(port): does not compile: 83:5: cannot find value `STANDARD` in this scope")
}
// TODO(port): does not compile: 87:5: cannot find value `URL_SAFE` in this scope
/// Length of the URL-safe (unpadded) encoding of `n` bytes.
pub fn encoded_len_url_safe(n: usize) -> usize {
    todo!("TODO(port): does not compile: 87:5: cannot find value `URL_SAFE` in this scope")
}
// TODO(port): does not compile: 91:5: cannot find value `URL_SAFE` in this scope
/// Upper bound on the bytes decoded from `n` characters, for either flavour.
pub fn decoded_len_upper_bound(n: usize) -> usize {
    todo!("TODO(port): does not compile: 91:5: cannot find value `URL_SAFE` in this scope")
}
// TODO(port): does not compile: 95:21: cannot find value `STANDARD` in this scope
/// Whether `source` is valid strict standard base64.
pub fn is_valid(source: &[u8]) -> bool {
    todo!("TODO(port): does not compile: 95:21: cannot find value `STANDARD` in this scope")
}
/// Encode `source` (standard, padded) into newly allocated memory.
pub fn encode_alloc(source: &[u8]) -> Result<Vec<u8>, Error> {
    let mut out = vec![< u8 > ::default(); encoded_len(source.len())];
    // zigport: `errdefer allocator.free(out);` dropped: ownership frees
    let n = encode(&mut out, source)?;
    assert!(n == out.len());
    Ok(out)
}
// TODO(port): does not compile: 121:15: cannot find value `STANDARD` in this scope
/// Strictly decode standard base64 into newly allocated memory.
pub fn decode_alloc(source: &[u8]) -> Result<Vec<u8>, Error> {
    todo!("TODO(port): does not compile: 121:15: cannot find value `STANDARD` in this scope")
}
// TODO(port): does not compile: 140:21: cannot find value `STANDARD` in this scope
/// Lenient decoding as Node's `Buffer.from(str, "base64")` does it: both
/// alphabets are accepted, bytes outside them (whitespace, line breaks) are
/// skipped, decoding stops at the first `=`, and incomplete trailing bits are
/// dropped. Only fails when `dest` is too small.
pub fn decode_forgiving(dest: &mut [u8], source: &[u8]) -> Result<usize, Error> {
    todo!("TODO(port): does not compile: 140:21: cannot find value `STANDARD` in this scope")
}
// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
fn expect_encode(expected: &[u8], input: &[u8]) -> Result<(), Error> {
    // PERF(port): zero-initialised; Zig left it undefined
    let mut buf: [u8; 128] = [0; 128];
    let n = encode(&mut buf, input)?;
    assert_eq!(& buf[0..n], expected);
    assert_eq!(encoded_len(input.len()), n);
    // PERF(port): zero-initialised; Zig left it undefined
    let mut back: [u8; 128] = [0; 128];
    let m = decode(&mut back, &buf[0..n])?;
    assert_eq!(& back[0..m], input);
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
        // PERF(port): zero-initialised; Zig left it undefined
        let mut buf: [u8; 64] = [0; 64];
        let mut n = encode_url_safe(&mut buf, b"????>>>")?;
        assert_eq!(& buf[0..n], b"Pz8_Pz4-Pg");
        n = encode_url_safe(&mut buf, b"f")?;
        assert_eq!(& buf[0..n], b"Zg");
        // PERF(port): zero-initialised; Zig left it undefined
        let mut out: [u8; 64] = [0; 64];
        n = decode_url_safe(&mut out, b"Pz8_Pz4-Pg")?;
        assert_eq!(& out[0..n], b"????>>>");
        assert_eq!(decode_url_safe(& mut out, b"Zg=="), Err(Error::InvalidCharacter));
        assert_eq!(decode_url_safe(& mut out, b"Pz8/"), Err(Error::InvalidCharacter));
        assert_eq!(decode_url_safe(& mut out, b"Zm9vY"), Err(Error::InvalidPadding));
        assert_eq!(encoded_len_url_safe(1), 2 as usize);
        assert_eq!(encoded_len_url_safe(6), 8 as usize);
        Ok(())
    }
    #[test]
    fn test_strict_decode_errors() {
        // PERF(port): zero-initialised; Zig left it undefined
        let mut out: [u8; 64] = [0; 64];
        assert_eq!(decode(& mut out, b"Zg"), Err(Error::InvalidPadding));
        assert_eq!(decode(& mut out, b"Zg="), Err(Error::InvalidPadding));
        assert_eq!(decode(& mut out, b"Z==="), Err(Error::InvalidCharacter));
        assert_eq!(decode(& mut out, b"Zm9v!A=="), Err(Error::InvalidCharacter));
        assert_eq!(decode(& mut out, & b"Zm 9v"[0..4]), Err(Error::InvalidCharacter));
        assert_eq!(decode(& mut out, b"Zh=="), Err(Error::InvalidPadding));
        assert_eq!(decode(& mut out, b"Zm9="), Err(Error::InvalidPadding));
        assert_eq!(decode(& mut out, b"===="), Err(Error::InvalidCharacter));
        assert_eq!(decode(& mut out[0..2], b"Zm9v"), Err(Error::NoSpaceLeft));
        assert_eq!(encode(& mut out[0..3], b"foo"), Err(Error::NoSpaceLeft));
        assert!(is_valid(b"Zm9vYmE="));
        assert!(! is_valid(b"Zm9vYmF="));
        assert!(! is_valid(b"Zm9vYmE"));
    }
    // TODO(port): does not compile: 239:20: cannot find value `STANDARD` in this scope
    #[test]
    fn test_length_helpers() -> Result<(), Box<dyn std::error::Error>> {
        todo!("TODO(port): does not compile: 239:20: cannot find value `STANDARD` in this scope")
    }
    // TODO(port): does not compile: 247:32: mismatched types
    #[test]
    fn test_alloc_helpers() -> Result<(), Box<dyn std::error::Error>> {
        todo!("TODO(port): does not compile: 247:32: mismatched types")
    }
    #[test]
    fn test_forgiving_decode() -> Result<(), Box<dyn std::error::Error>> {
        // PERF(port): zero-initialised; Zig left it undefined
        let mut out: [u8; 64] = [0; 64];
        let mut n = decode_forgiving(&mut out, b"SGVs bG8s\nIFdv cmxk IQ==")?;
        assert_eq!(& out[0..n], b"Hello, World!");
        n = decode_forgiving(&mut out, b"Pz8_Pz4-Pg")?;
        assert_eq!(& out[0..n], b"????>>>");
        n = decode_forgiving(&mut out, b"Zm9v=YmFy")?;
        assert_eq!(& out[0..n], b"foo");
        n = decode_forgiving(&mut out, b"")?;
        assert_eq!(n, 0 as usize);
        assert_eq!(decode_forgiving(& mut out[0..1], b"Zm9v"), Err(Error::NoSpaceLeft));
        Ok(())
    }
    // TODO(port): does not compile: 312:27: expected value, found crate `std`
    #[test]
    fn test_agrees_with_std_base64_on_random_data() -> Result<
        (),
        Box<dyn std::error::Error>,
    > {
        todo!("TODO(port): does not compile: 312:27: expected value, found crate `std`")
    }
}

// zigport: source base64.zig (415 lines); 18/21 functions without TODO; confidence medium; TODO(port) markers: 9

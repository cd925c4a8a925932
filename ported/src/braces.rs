//! Ported from `braces.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    InvalidCharacter,
    NestingTooDeep,
    NoSpaceLeft,
    OutputTooLarge,
    Overflow,
    PatternTooLong,
    TooManyResults,
}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Error::InvalidCharacter => "InvalidCharacter",
            Error::NestingTooDeep => "NestingTooDeep",
            Error::NoSpaceLeft => "NoSpaceLeft",
            Error::OutputTooLarge => "OutputTooLarge",
            Error::Overflow => "Overflow",
            Error::PatternTooLong => "PatternTooLong",
            Error::TooManyResults => "TooManyResults",
        }
    }
}
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
impl std::error::Error for Error {}
impl From<crate::zigport_rt::fmt::NoSpaceLeft> for Error {
    #[allow(unused_variables)]
    fn from(e: crate::zigport_rt::fmt::NoSpaceLeft) -> Self {
        Error::NoSpaceLeft
    }
}
impl From<crate::zigport_rt::parse::ParseIntError> for Error {
    #[allow(unused_variables)]
    fn from(e: crate::zigport_rt::parse::ParseIntError) -> Self {
        match e {
            crate::zigport_rt::parse::ParseIntError::Overflow => Error::Overflow,
            crate::zigport_rt::parse::ParseIntError::InvalidCharacter => Error::InvalidCharacter,
        }
    }
}
/// Errors from brace expansion.
pub type ExpandError = Error;
/// Errors from counting (no allocation involved).
pub type CountError = Error;
/// Upper bound on the number of expanded words.
pub const MAX_RESULTS: usize = 4096;
/// Upper bound on the joined output, separators included.
pub const MAX_OUTPUT_BYTES: usize = 1 << 20;
/// Upper bound on brace nesting.
pub const MAX_DEPTH: u32 = 32;
/// Longest pattern accepted (matching braces is quadratic in the worst case).
pub const MAX_PATTERN_LEN: usize = 4096;
/// A `{start..end..step}` sequence, numeric or single-character.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Sequence {
    pub start: i64,
    pub end: i64,
    pub step: u64,
    pub kind: SequenceKind,
    /// Zero-padded width for numeric sequences (`{01..10}`), 0 when unpadded.
    pub width: usize,
}
impl Sequence {
    fn len(self) -> usize {
        let span: u128 = ((self.end as i128) - (self.start as i128)).unsigned_abs();
        let n = (span / (self.step as u128)) + 1;
        match <usize>::try_from(n).ok() {
            Some(v) => v,
            None => usize::MAX,
        }
    }
    fn at(self, index: usize) -> i64 {
        let offset = (index as i128) * (self.step as i128);
        let value = if self.end >= self.start {
            (self.start as i128) + offset
        } else {
            (self.start as i128) - offset
        };
        i64::try_from(value).unwrap()
    }
    /// Format element `index` into `buf`, returning the written bytes.
    fn format(self, index: usize, buf: &mut [u8; 32]) -> &[u8] {
        let value = self.at(index);
        if self.kind == SequenceKind::Char {
            buf[0] = u8::try_from(value).unwrap();
            return &buf[0..1];
        }
        // PERF(port): `digits_buf` zero-initialised; Zig left it undefined
        let mut digits_buf: [u8; 24] = [0; 24];
        let digits = crate::zigport_rt::fmt::buf_print(
            &mut digits_buf,
            b"{d}",
            &[&(value.unsigned_abs()) as &dyn crate::zigport_rt::fmt::Arg],
        )
        .map_err(Error::from)
        .unwrap();
        let mut n: usize = 0;
        if value < 0 {
            buf[0] = b'-';
            n = 1;
        }
        let want = self.width.min(buf.len() - 1);
        while (n + digits.len()) < want {
            {
                buf[n] = b'0';
            }
            n += 1;
        }
        (&mut buf[n..])[0..digits.len()].copy_from_slice(digits);
        &buf[0..n + digits.len()]
    }
    fn parse_int(text: &[u8]) -> Option<i64> {
        let digits = if (!text.is_empty()) && (text[0] == b'-') {
            &text[1..]
        } else {
            text
        };
        if (digits.is_empty()) || (digits.len() > 18) {
            return None;
        }
        for c in digits {
            if !c.is_ascii_digit() {
                return None;
            }
        }
        crate::zigport_rt::parse::parse_int::<i64>(text, 10)
            .map_err(Error::from)
            .ok()
    }
    fn has_leading_zero(text: &[u8]) -> bool {
        let digits = if (!text.is_empty()) && (text[0] == b'-') {
            &text[1..]
        } else {
            text
        };
        (digits.len() > 1) && (digits[0] == b'0')
    }
    /// Recognise `a..b` or `a..b..step` brace contents.
    fn parse(content: &[u8]) -> Option<Sequence> {
        // PERF(port): `pieces` default-initialised; Zig left it undefined
        let mut pieces: [&[u8]; 3] = [Default::default(); 3];
        let mut n: usize = 0;
        let it = crate::zigport_rt::split::split(
            content,
            crate::zigport_rt::split::Delimiter::Sequence(b".."),
        );
        for piece in it {
            if n == pieces.len() {
                return None;
            }
            pieces[n] = piece;
            n += 1;
        }
        if n < 2 {
            return None;
        }
        let mut step: u64 = 1;
        if n == 3 {
            let s = Self::parse_int(pieces[2])?;
            step = (s.unsigned_abs()).max(1);
        }
        let a = pieces[0];
        let b = pieces[1];
        if let Some(start) = Self::parse_int(a) {
            let end = Self::parse_int(b)?;
            let padded = Self::has_leading_zero(a) || Self::has_leading_zero(b);
            return Some(Sequence {
                start,
                end,
                step,
                kind: SequenceKind::Numeric,
                width: if padded { a.len().max(b.len()) } else { 0 },
            });
        }
        if (((a.len() == 1) && (b.len() == 1)) && a[0].is_ascii_alphabetic())
            && b[0].is_ascii_alphabetic()
        {
            return Some(Sequence {
                start: a[0] as i64,
                end: b[0] as i64,
                step,
                kind: SequenceKind::Char,
                width: 0,
            });
        }
        None
    }
}
/// One piece of a pattern at a single nesting level.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part<'a> {
    /// Raw text, backslash escapes not yet removed.
    Literal(&'a [u8]),
    /// Contents of `{...}` with at least one top-level comma.
    Alternation(&'a [u8]),
    /// `{a..b}` or `{a..b..s}`.
    Sequence(Sequence),
    /// Contents of a matched `{...}` that is not an expansion.
    Braced(&'a [u8]),
}
impl<'a> Default for Part<'a> {
    fn default() -> Self {
        Part::Literal(Default::default())
    }
}
/// Find the `}` matching the `{` at `open`; null if unmatched.
fn find_close(text: &[u8], open: usize) -> Option<FindCloseResult> {
    let mut depth: usize = 0;
    let mut has_comma = false;
    let mut i = open;
    while i < text.len() {
        {
            match text[i] {
                b'\\' => {
                    i += 1;
                }
                b'{' => {
                    depth += 1;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(FindCloseResult {
                            close: i,
                            has_comma,
                        });
                    }
                }
                b',' if depth == 1 => {
                    has_comma = true;
                }
                _ => {}
            };
        }
        i += 1;
    }
    None
}
/// Yields the parts of one nesting level of a pattern.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct PartIterator<'a> {
    pub text: &'a [u8],
    pub pos: usize,
}
impl<'a> PartIterator<'a> {
    fn next(&mut self) -> Option<Part<'a>> {
        let text = self.text;
        if self.pos >= text.len() {
            return None;
        }
        let start = self.pos;
        let mut i = start;
        while i < text.len() {
            {
                match text[i] {
                    b'\\' => {
                        i += 1;
                    }
                    b'{' => {
                        if let Some(m) = find_close(text, i) {
                            if i > start {
                                self.pos = i;
                                return Some(Part::Literal(&text[start..i]));
                            }
                            self.pos = m.close + 1;
                            let content = &text[i + 1..m.close];
                            if m.has_comma {
                                return Some(Part::Alternation(content));
                            }
                            if let Some(seq) = Sequence::parse(content) {
                                return Some(Part::Sequence(seq));
                            }
                            return Some(Part::Braced(content));
                        }
                    }
                    _ => {}
                };
            }
            i += 1;
        }
        self.pos = text.len();
        Some(Part::Literal(&text[start..]))
    }
}
/// Iterate the top-level comma-separated alternatives of brace contents.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct AlternativeIterator<'a> {
    pub text: &'a [u8],
    pub pos: usize,
    pub done: bool,
}
impl<'a> AlternativeIterator<'a> {
    fn next(&mut self) -> Option<&'a [u8]> {
        if self.done {
            return None;
        }
        let mut depth: usize = 0;
        let mut i = self.pos;
        while i < self.text.len() {
            {
                match self.text[i] {
                    b'\\' => {
                        i += 1;
                    }
                    b'{' => {
                        depth += 1;
                    }
                    b'}' => {
                        depth = depth.saturating_sub(1);
                    }
                    b',' if depth == 0 => {
                        let alt = &self.text[self.pos..i];
                        self.pos = i + 1;
                        return Some(alt);
                    }
                    _ => {}
                };
            }
            i += 1;
        }
        self.done = true;
        Some(&self.text[self.pos..])
    }
}
fn count_level(text: &[u8], depth: u32) -> Result<usize, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::NestingTooDeep);
    }
    let mut total: usize = 1;
    let mut parts: PartIterator = PartIterator { text, pos: 0 };
    while let Some(part) = parts.next() {
        let n: usize = match part {
            Part::Literal(..) => 1,
            Part::Sequence(seq) => seq.len(),
            Part::Braced(content) => count_level(content, depth + 1)?,
            Part::Alternation(content) => 'blk: {
                let mut sum: usize = 0;
                let mut alts: AlternativeIterator = AlternativeIterator {
                    text: content,
                    pos: 0,
                    done: false,
                };
                while let Some(alt) = alts.next() {
                    sum = sum.saturating_add(count_level(alt, depth + 1)?);
                }
                break 'blk sum;
            }
        };
        total = total.saturating_mul(n);
    }
    Ok(total)
}
/// A flat list of byte strings: one buffer plus end offsets.
#[derive(Debug, Clone, Default, PartialEq)]
struct Words {
    pub bytes: Vec<u8>,
    pub ends: Vec<usize>,
}
impl Words {
    #[allow(dead_code)]
    fn deinit(&mut self) {
        // zigport: `self.bytes.deinit(gpa)` has nothing to do in Rust
        // zigport: `self.ends.deinit(gpa)` has nothing to do in Rust
    }
    fn len(&self) -> usize {
        self.ends.len()
    }
    fn get(&self, i: usize) -> &[u8] {
        let begin = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[begin..self.ends[i]]
    }
    fn finish(&mut self) -> Result<(), Error> {
        if self.bytes.len() > MAX_OUTPUT_BYTES {
            return Err(Error::OutputTooLarge);
        }
        self.ends.push(self.bytes.len());
        Ok(())
    }
    fn single(word: &[u8]) -> Result<Words, Error> {
        let mut w: Words = Words {
            bytes: Vec::new(),
            ends: Vec::new(),
        };
        // zigport: `errdefer w.deinit(gpa);` dropped: ownership frees
        w.bytes.extend_from_slice(word);
        w.finish()?;
        Ok(w)
    }
    /// Every word of `self` followed by every word of `suffixes`.
    fn product(&self, suffixes: &Words) -> Result<Words, Error> {
        let mut out: Words = Words {
            bytes: Vec::new(),
            ends: Vec::new(),
        };
        // zigport: `errdefer out.deinit(gpa);` dropped: ownership frees
        for i in 0..self.len() {
            for j in 0..suffixes.len() {
                out.bytes.extend_from_slice(self.get(i));
                out.bytes.extend_from_slice(suffixes.get(j));
                out.finish()?;
            }
        }
        Ok(out)
    }
}
/// Remove backslash escapes from a literal run.
fn unescape(raw: &[u8]) -> Result<Vec<u8>, Error> {
    let mut out: Vec<u8> = Vec::new();
    // zigport: `errdefer out.deinit(gpa);` dropped: ownership frees
    let mut i: usize = 0;
    while i < raw.len() {
        {
            if (raw[i] == b'\\') && ((i + 1) < raw.len()) {
                i += 1;
            }
            out.push(raw[i]);
        }
        i += 1;
    }
    Ok(core::mem::take(&mut out))
}
fn expand_part(part: Part, depth: u32) -> Result<Words, Error> {
    match part {
        Part::Literal(raw) => {
            let text = unescape(raw)?;
            // zigport: `defer gpa.free(text);` dropped: ownership frees
            Words::single(&text)
        }
        Part::Sequence(seq) => {
            let mut out: Words = Words {
                bytes: Vec::new(),
                ends: Vec::new(),
            };
            // zigport: `errdefer out.deinit(gpa);` dropped: ownership frees
            // PERF(port): `buf` zero-initialised; Zig left it undefined
            let mut buf: [u8; 32] = [0; 32];
            for i in 0..seq.len() {
                out.bytes.extend_from_slice(seq.format(i, &mut buf));
                out.finish()?;
            }
            Ok(out)
        }
        Part::Braced(content) => {
            let open = Words::single(b"{")?;
            // zigport: `defer open.deinit(gpa);` dropped: ownership frees
            let inner = expand_level(content, depth + 1)?;
            // zigport: `defer inner.deinit(gpa);` dropped: ownership frees
            let close = Words::single(b"}")?;
            // zigport: `defer close.deinit(gpa);` dropped: ownership frees
            let head = open.product(&inner)?;
            // zigport: `defer head.deinit(gpa);` dropped: ownership frees
            head.product(&close)
        }
        Part::Alternation(content) => {
            let mut out: Words = Words {
                bytes: Vec::new(),
                ends: Vec::new(),
            };
            // zigport: `errdefer out.deinit(gpa);` dropped: ownership frees
            let mut alts: AlternativeIterator = AlternativeIterator {
                text: content,
                pos: 0,
                done: false,
            };
            while let Some(alt) = alts.next() {
                let words = expand_level(alt, depth + 1)?;
                // zigport: `defer words.deinit(gpa);` dropped: ownership frees
                for i in 0..words.len() {
                    out.bytes.extend_from_slice(words.get(i));
                    out.finish()?;
                }
            }
            Ok(out)
        }
    }
}
fn expand_level(text: &[u8], depth: u32) -> Result<Words, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::NestingTooDeep);
    }
    let mut acc = Words::single(b"")?;
    // zigport: `errdefer acc.deinit(gpa);` dropped: ownership frees
    let mut parts: PartIterator = PartIterator { text, pos: 0 };
    while let Some(part) = parts.next() {
        let words = expand_part(part, depth)?;
        // zigport: `defer words.deinit(gpa);` dropped: ownership frees
        let next = acc.product(&words)?;
        acc.deinit();
        acc = next;
    }
    Ok(acc)
}
/// Number of words `pattern` expands to (saturating at `maxInt(usize)`).
pub fn count(pattern: &[u8]) -> Result<usize, Error> {
    if pattern.len() > MAX_PATTERN_LEN {
        return Err(Error::PatternTooLong);
    }
    count_level(pattern, 0)
}
/// Whether `pattern` contains at least one real expansion (alternation or
/// sequence) at any depth. Always false beyond `max_pattern_len`.
pub fn has_braces(pattern: &[u8]) -> bool {
    if pattern.len() > MAX_PATTERN_LEN {
        return false;
    }
    has_braces_at(pattern, 0)
}
fn has_braces_at(text: &[u8], depth: u32) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let mut parts: PartIterator = PartIterator { text, pos: 0 };
    while let Some(part) = parts.next() {
        match part {
            Part::Literal(..) => {}
            Part::Alternation(..) | Part::Sequence(..) => return true,
            Part::Braced(content) => {
                if has_braces_at(content, depth + 1) {
                    return true;
                }
            }
        }
    }
    false
}
/// Expand `pattern`, returning the words joined by `'\n'`. The caller owns
/// the result.
pub fn expand(pattern: &[u8]) -> Result<Vec<u8>, Error> {
    let n = count(pattern)?;
    if n > MAX_RESULTS {
        return Err(Error::TooManyResults);
    }
    let words = expand_level(pattern, 0)?;
    // zigport: `defer words.deinit(allocator);` dropped: ownership frees
    assert!(words.len() == n);
    let mut out: Vec<u8> = Vec::new();
    // zigport: `errdefer out.deinit(allocator);` dropped: ownership frees
    for i in 0..words.len() {
        if i > 0 {
            out.push(b'\n')
        }
        out.extend_from_slice(words.get(i));
        if out.len() > MAX_OUTPUT_BYTES {
            return Err(Error::OutputTooLarge);
        }
    }
    Ok(core::mem::take(&mut out))
}
// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
#[cfg(test)]
fn expect_expansion(pattern: &[u8], expected: &[u8]) -> Result<(), Error> {
    let got = expand(pattern)?;
    // zigport: `defer testing.allocator.free(got);` dropped: ownership frees
    assert_eq!(got, expected);
    assert_eq!(
        count(pattern)?,
        crate::zigport_rt::mem::count(expected, b"\n") + 1
    );
    Ok(())
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SequenceKind {
    Numeric,
    Char,
}
impl SequenceKind {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::Numeric => "numeric",
            Self::Char => "char",
        }
    }
}
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FindCloseResult {
    pub close: usize,
    pub has_comma: bool,
}
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_alternation() -> Result<(), Box<dyn std::error::Error>> {
        expect_expansion(b"a{b,c}d", b"abd\nacd")?;
        expect_expansion(b"{a,b}{1,2}", b"a1\na2\nb1\nb2")?;
        expect_expansion(
            b"src/{index,main}.{ts,js}",
            b"src/index.ts\nsrc/index.js\nsrc/main.ts\nsrc/main.js",
        )?;
        expect_expansion(b"a{,b}", b"a\nab")?;
        expect_expansion(b"plain", b"plain")?;
        expect_expansion(b"", b"")?;
        Ok(())
    }
    #[test]
    fn test_nested_braces() -> Result<(), Box<dyn std::error::Error>> {
        expect_expansion(b"{a,{b,c}}z", b"az\nbz\ncz")?;
        expect_expansion(b"x{a,b{1,2}}y", b"xay\nxb1y\nxb2y")?;
        expect_expansion(b"{x{a,b}}", b"{xa}\n{xb}")?;
        expect_expansion(b"{a,{b}c}", b"a\n{b}c")?;
        Ok(())
    }
    #[test]
    fn test_numeric_sequences() -> Result<(), Box<dyn std::error::Error>> {
        expect_expansion(b"{1..5}", b"1\n2\n3\n4\n5")?;
        expect_expansion(b"{5..1..2}", b"5\n3\n1")?;
        expect_expansion(b"{1..10..4}", b"1\n5\n9")?;
        expect_expansion(b"{-2..1}", b"-2\n-1\n0\n1")?;
        expect_expansion(b"v{01..03}", b"v01\nv02\nv03")?;
        expect_expansion(b"{8..11..-3}", b"8\n11")?;
        expect_expansion(b"{3..3}", b"3")?;
        Ok(())
    }
    #[test]
    fn test_character_sequences() -> Result<(), Box<dyn std::error::Error>> {
        expect_expansion(b"{a..e}", b"a\nb\nc\nd\ne")?;
        expect_expansion(b"{e..a..2}", b"e\nc\na")?;
        expect_expansion(b"file.{x..z}", b"file.x\nfile.y\nfile.z")?;
        expect_expansion(b"{a..3}", b"{a..3}")?;
        expect_expansion(b"{ab..c}", b"{ab..c}")?;
        Ok(())
    }
    #[test]
    fn test_literal_braces_and_escapes() -> Result<(), Box<dyn std::error::Error>> {
        expect_expansion(b"{a,b", b"{a,b")?;
        expect_expansion(b"a}b,c", b"a}b,c")?;
        expect_expansion(b"{}", b"{}")?;
        expect_expansion(b"{abc}", b"{abc}")?;
        expect_expansion(b"\\{a,b}", b"{a,b}")?;
        expect_expansion(b"{a\\,b,c}", b"a,b\nc")?;
        expect_expansion(b"x\\", b"x\\")?;
        assert!(!has_braces(b"\\{a,b\\}"));
        assert!(has_braces(b"pre{x{1..2}}post"));
        assert!(!has_braces(b"{plain}"));
        Ok(())
    }
    #[test]
    fn test_limits() -> Result<(), Box<dyn std::error::Error>> {
        assert_eq!(expand(b"{1..100000}"), Err(Error::TooManyResults));
        assert_eq!(
            expand(b"{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"),
            Err(Error::TooManyResults)
        );
        assert_eq!(
            count(b"{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}")?,
            8192_usize
        );
        assert_eq!(
            count(b"{0..999999999999999999}{0..999999999999999999}")?,
            usize::MAX
        );
        let deep = &[&b"{".repeat(40)[..], &b"a,b"[..], &b"}".repeat(40)[..]].concat()[..];
        assert_eq!(count(deep), Err(Error::NestingTooDeep));
        assert_eq!(expand(deep), Err(Error::NestingTooDeep));
        let long = &b"{a,b}".repeat(1000)[..];
        assert_eq!(count(long), Err(Error::PatternTooLong));
        assert_eq!(expand(long), Err(Error::PatternTooLong));
        assert_eq!(
            expand(
                &[
                    &b"{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"[..],
                    &b"x".repeat(1000)[..]
                ]
                .concat()[..]
            ),
            Err(Error::OutputTooLarge)
        );
        Ok(())
    }
}

// zigport: source braces.zig (487 lines); 30/30 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;

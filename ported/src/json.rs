//! Ported from `json.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    CodepointTooLarge,
    ControlCharacterInString,
    InvalidCharacter,
    InvalidEscape,
    InvalidLiteral,
    InvalidNumber,
    InvalidString,
    InvalidUtf8,
    NoSpaceLeft,
    OutOfMemory,
    Overflow,
    TooDeep,
    TrailingData,
    UnexpectedCharacter,
    UnexpectedEnd,
    UnexpectedToken,
    UnterminatedString,
    Utf8CannotEncodeSurrogateHalf,
}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Error::CodepointTooLarge => "CodepointTooLarge",
            Error::ControlCharacterInString => "ControlCharacterInString",
            Error::InvalidCharacter => "InvalidCharacter",
            Error::InvalidEscape => "InvalidEscape",
            Error::InvalidLiteral => "InvalidLiteral",
            Error::InvalidNumber => "InvalidNumber",
            Error::InvalidString => "InvalidString",
            Error::InvalidUtf8 => "InvalidUtf8",
            Error::NoSpaceLeft => "NoSpaceLeft",
            Error::OutOfMemory => "OutOfMemory",
            Error::Overflow => "Overflow",
            Error::TooDeep => "TooDeep",
            Error::TrailingData => "TrailingData",
            Error::UnexpectedCharacter => "UnexpectedCharacter",
            Error::UnexpectedEnd => "UnexpectedEnd",
            Error::UnexpectedToken => "UnexpectedToken",
            Error::UnterminatedString => "UnterminatedString",
            Error::Utf8CannotEncodeSurrogateHalf => "Utf8CannotEncodeSurrogateHalf",
        }
    }
}
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
impl std::error::Error for Error {}
impl From<crate::zigport_rt::unicode::Utf8EncodeError> for Error {
    #[allow(unused_variables)]
    fn from(e: crate::zigport_rt::unicode::Utf8EncodeError) -> Self {
        match e {
            crate::zigport_rt::unicode::Utf8EncodeError::Utf8CannotEncodeSurrogateHalf => {
                Error::Utf8CannotEncodeSurrogateHalf
            }
            crate::zigport_rt::unicode::Utf8EncodeError::CodepointTooLarge => {
                Error::CodepointTooLarge
            }
        }
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
/// Errors from the tokenizer.
pub type TokenizeError = Error;
/// Errors from structural validation.
pub type ParseError = Error;
/// Errors from `unescape`.
pub type UnescapeError = Error;
/// Maximum nesting of arrays/objects accepted by the validator.
pub const MAX_DEPTH: usize = 512;
const HEX_DIGITS: &[u8] = b"0123456789abcdef";
/// One decoded UTF-8 sequence; invalid input yields U+FFFD of length 1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Decoded {
    pub cp: u32,
    pub len: u8,
    pub valid: bool,
}
impl Decoded {
    const INVALID: Decoded = Decoded {
        cp: 0xFFFD,
        len: 1,
        valid: false,
    };
    fn at(bytes: &[u8]) -> Decoded {
        let b0 = bytes[0];
        if b0 < 0x80 {
            return Decoded {
                cp: b0 as u32,
                len: 1,
                valid: true,
            };
        }
        let (len, min, mut cp): (u8, u32, u32) = match b0 {
            0xC2..=0xDF => (2, 0x80, (b0 & 0x1F) as u32),
            0xE0..=0xEF => (3, 0x800, (b0 & 0x0F) as u32),
            0xF0..=0xF4 => (4, 0x10000, (b0 & 0x07) as u32),
            _ => return Self::INVALID,
        };
        if bytes.len() < (len as usize) {
            return Self::INVALID;
        }
        for b in bytes[1..len as usize].iter().copied() {
            if (b & 0xC0) != 0x80 {
                return Self::INVALID;
            }
            cp = ((cp << 6) & 2097151) | ((b & 0x3F) as u32);
        }
        if ((cp < min) || (cp > 0x10FFFF)) || (0xD800..=0xDFFF).contains(&cp) {
            return Self::INVALID;
        }
        Decoded {
            cp,
            len,
            valid: true,
        }
    }
}
fn append_unicode_escape(out: &mut Vec<u8>, unit: u16) -> Result<(), Error> {
    let buf = [
        b'\\',
        b'u',
        HEX_DIGITS[(unit >> 12) as usize],
        HEX_DIGITS[((unit >> 8) & 0xF) as usize],
        HEX_DIGITS[((unit >> 4) & 0xF) as usize],
        HEX_DIGITS[(unit & 0xF) as usize],
    ];
    out.extend_from_slice(&buf);
    Ok(())
}
/// Quotes `text` as a JSON string literal (with the surrounding quotes).
/// Control characters become `\uXXXX` (or `\n \t \r \b \f`), U+2028/U+2029 are
/// always escaped, invalid UTF-8 becomes U+FFFD, and with `ascii_only` every
/// non-ASCII code point is written as `\uXXXX` (surrogate pairs above U+FFFF).
pub fn escape(text: &[u8], ascii_only: bool) -> Result<Vec<u8>, Error> {
    let mut out: Vec<u8> = Vec::with_capacity(text.len() + 2);
    // zigport: `errdefer out.deinit(allocator);` dropped: ownership frees
    out.push(b'"');
    let mut i: usize = 0;
    while i < text.len() {
        let d = Decoded::at(&text[i..]);
        i += d.len as usize;
        match d.cp {
            34 => out.extend_from_slice(b"\\\""),
            92 => out.extend_from_slice(b"\\\\"),
            10 => out.extend_from_slice(b"\\n"),
            9 => out.extend_from_slice(b"\\t"),
            13 => out.extend_from_slice(b"\\r"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            0x00..=0x07 | 0x0B | 0x0E..=0x1F | 0x2028 | 0x2029 => {
                append_unicode_escape(&mut out, u16::try_from(d.cp).unwrap())?
            }
            0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7F => out.push(u8::try_from(d.cp).unwrap()),
            _ => {
                if ascii_only {
                    if d.cp > 0xFFFF {
                        let v = d.cp - 0x10000;
                        append_unicode_escape(
                            &mut out,
                            u16::try_from(0xD800 + (v >> 10)).unwrap(),
                        )?;
                        append_unicode_escape(
                            &mut out,
                            u16::try_from(0xDC00 + (v & 0x3FF)).unwrap(),
                        )?;
                    } else {
                        append_unicode_escape(&mut out, u16::try_from(d.cp).unwrap())?;
                    };
                } else {
                    if d.valid {
                        out.extend_from_slice(&text[i - (d.len as usize)..i]);
                    } else {
                        out.extend_from_slice(b"\xEF\xBF\xBD");
                    }
                }
            }
        };
    }
    out.push(b'"');
    Ok(core::mem::take(&mut out))
}
/// A lexical JSON token. Strings and numbers are raw slices of the source.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Token<'a> {
    #[default]
    ObjectBegin,
    ObjectEnd,
    ArrayBegin,
    ArrayEnd,
    Colon,
    Comma,
    String(&'a [u8]),
    Number(&'a [u8]),
    LiteralTrue,
    LiteralFalse,
    LiteralNull,
    Eof,
}
impl<'a> Token<'a> {
    /// The source text of a punctuation or literal token.
    fn text(self) -> &'a [u8] {
        match self {
            Token::ObjectBegin => b"{",
            Token::ObjectEnd => b"}",
            Token::ArrayBegin => b"[",
            Token::ArrayEnd => b"]",
            Token::Colon => b":",
            Token::Comma => b",",
            Token::String(s) | Token::Number(s) => s,
            Token::LiteralTrue => b"true",
            Token::LiteralFalse => b"false",
            Token::LiteralNull => b"null",
            Token::Eof => b"",
        }
    }
}
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Tokenizer<'a> {
    pub source: &'a [u8],
    pub pos: usize,
}
impl<'a> Tokenizer<'a> {
    fn next(&mut self) -> Result<Token<'a>, Error> {
        let src = self.source;
        while (self.pos < src.len())
            && b" \t\r\n"
                .iter()
                .position(|&x| x == src[self.pos])
                .is_some()
        {
            self.pos += 1;
        }
        if self.pos >= src.len() {
            return Ok(Token::Eof);
        }
        let start = self.pos;
        let c = src[start];
        self.pos += 1;
        match c {
            b'{' => Ok(Token::ObjectBegin),
            b'}' => Ok(Token::ObjectEnd),
            b'[' => Ok(Token::ArrayBegin),
            b']' => Ok(Token::ArrayEnd),
            b':' => Ok(Token::Colon),
            b',' => Ok(Token::Comma),
            b'"' => Ok(Token::String(self.scan_string(start)?)),
            b'-' | b'0'..=b'9' => Ok(Token::Number(self.scan_number(start)?)),
            b't' => self.keyword(start, b"true", Token::LiteralTrue),
            b'f' => self.keyword(start, b"false", Token::LiteralFalse),
            b'n' => self.keyword(start, b"null", Token::LiteralNull),
            _ => Err(Error::UnexpectedCharacter),
        }
    }
    fn keyword(
        &mut self,
        start: usize,
        word: &'a [u8],
        tok: Token<'a>,
    ) -> Result<Token<'a>, Error> {
        if !self.source[start..].starts_with(word) {
            return Err(Error::InvalidLiteral);
        }
        self.pos = start + word.len();
        Ok(tok)
    }
    fn scan_string(&mut self, start: usize) -> Result<&'a [u8], Error> {
        let src = self.source;
        while self.pos < src.len() {
            let c = src[self.pos];
            match c {
                b'"' => {
                    self.pos += 1;
                    return Ok(&src[start..self.pos]);
                }
                b'\\' => {
                    if (self.pos + 1) >= src.len() {
                        return Err(Error::UnterminatedString);
                    }
                    match src[self.pos + 1] {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {
                            self.pos += 2;
                        }
                        b'u' => {
                            if (self.pos + 6) > src.len() {
                                return Err(Error::InvalidEscape);
                            }
                            for h in src[self.pos + 2..self.pos + 6].iter() {
                                if !h.is_ascii_hexdigit() {
                                    return Err(Error::InvalidEscape);
                                }
                            }
                            self.pos += 6;
                        }
                        _ => return Err(Error::InvalidEscape),
                    };
                }
                0x00..=0x1F => return Err(Error::ControlCharacterInString),
                0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7F => {
                    self.pos += 1;
                }
                _ => {
                    let d = Decoded::at(&src[self.pos..]);
                    if !d.valid {
                        return Err(Error::InvalidUtf8);
                    }
                    self.pos += d.len as usize;
                }
            };
        }
        Err(Error::UnterminatedString)
    }
    fn scan_digits(&mut self) -> usize {
        let begin = self.pos;
        while (self.pos < self.source.len()) && self.source[self.pos].is_ascii_digit() {
            self.pos += 1;
        }
        self.pos - begin
    }
    fn scan_number(&mut self, start: usize) -> Result<&'a [u8], Error> {
        let src = self.source;
        self.pos = start;
        if src[self.pos] == b'-' {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = self.scan_digits();
        if int_len == 0 {
            return Err(Error::InvalidNumber);
        }
        if (int_len > 1) && (src[int_start] == b'0') {
            return Err(Error::InvalidNumber);
        }
        if (self.pos < src.len()) && (src[self.pos] == b'.') {
            self.pos += 1;
            if self.scan_digits() == 0 {
                return Err(Error::InvalidNumber);
            }
        }
        if (self.pos < src.len()) && ((src[self.pos] == b'e') || (src[self.pos] == b'E')) {
            self.pos += 1;
            if (self.pos < src.len()) && ((src[self.pos] == b'+') || (src[self.pos] == b'-')) {
                self.pos += 1;
            }
            if self.scan_digits() == 0 {
                return Err(Error::InvalidNumber);
            }
        }
        Ok(&src[start..self.pos])
    }
}
/// Number of tokens in `source` (lexical check only, no structure).
pub fn count_tokens(source: &[u8]) -> Result<usize, Error> {
    let mut t: Tokenizer = Tokenizer { source, pos: 0 };
    let mut n: usize = 0;
    while !matches!(t.next()?, Token::Eof) {
        n += 1;
    }
    Ok(n)
}
/// Discards everything written to it; used for validation only.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct NullSink {}
impl NullSink {
    fn write(&self, _: &[u8]) -> Result<(), Error> {
        Ok(())
    }
}
/// Collects written bytes into a list.
#[derive(Debug, Clone, Default, PartialEq)]
struct ListSink {
    pub list: Vec<u8>,
}
impl ListSink {
    fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.list.extend_from_slice(bytes);
        Ok(())
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
enum Container {
    Object,
    Array,
}
impl Container {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::Object => "object",
            Self::Array => "array",
        }
    }
}
/// A validating parser that re-emits the tokens of the document into `Sink`.
#[derive(Debug)]
struct ParserListSink<'a> {
    pub tokenizer: Tokenizer<'a>,
    pub sink: &'a mut ListSink,
    pub stack: [Container; MAX_DEPTH],
    pub depth: usize,
    pub max_seen: usize,
}
impl<'a> ParserListSink<'a> {
    fn push(&mut self, c: Container) -> Result<(), Error> {
        if self.depth == MAX_DEPTH {
            return Err(Error::TooDeep);
        }
        self.stack[self.depth] = c;
        self.depth += 1;
        self.max_seen = self.max_seen.max(self.depth);
        Ok(())
    }
    fn advance(&mut self, tok: Token<'a>) -> Result<Token<'a>, Error> {
        self.sink.write(tok.text())?;
        self.tokenizer.next()
    }
    fn run(&mut self) -> Result<(), Error> {
        let mut tok = self.tokenizer.next()?;
        {
            #[allow(unused_mut)]
            let mut zigport_state1 = ParserRunState::Value;
            'state: loop {
                match zigport_state1 {
                    ParserRunState::Value => match tok {
                        Token::ObjectBegin | Token::ArrayBegin => {
                            let kind: Container = if matches!(tok, Token::ObjectBegin) {
                                Container::Object
                            } else {
                                Container::Array
                            };
                            self.push(kind)?;
                            tok = self.advance(tok)?;
                            if ((kind == Container::Object) && (matches!(tok, Token::ObjectEnd)))
                                || ((kind == Container::Array) && (matches!(tok, Token::ArrayEnd)))
                            {
                                self.depth -= 1;
                                tok = self.advance(tok)?;
                                {
                                    zigport_state1 = ParserRunState::AfterValue;
                                    continue 'state;
                                };
                            }
                            {
                                zigport_state1 = if kind == Container::Object {
                                    ParserRunState::Key
                                } else {
                                    ParserRunState::Value
                                };
                                continue 'state;
                            };
                        }
                        Token::String(..)
                        | Token::Number(..)
                        | Token::LiteralTrue
                        | Token::LiteralFalse
                        | Token::LiteralNull => {
                            tok = self.advance(tok)?;
                            {
                                zigport_state1 = ParserRunState::AfterValue;
                                continue 'state;
                            };
                        }
                        Token::Eof => return Err(Error::UnexpectedEnd),
                        _ => return Err(Error::UnexpectedToken),
                    },
                    ParserRunState::Key => {
                        if matches!(tok, Token::Eof) {
                            return Err(Error::UnexpectedEnd);
                        }
                        if !matches!(tok, Token::String(..)) {
                            return Err(Error::UnexpectedToken);
                        }
                        tok = self.advance(tok)?;
                        if matches!(tok, Token::Eof) {
                            return Err(Error::UnexpectedEnd);
                        }
                        if !matches!(tok, Token::Colon) {
                            return Err(Error::UnexpectedToken);
                        }
                        tok = self.advance(tok)?;
                        {
                            zigport_state1 = ParserRunState::Value;
                            continue 'state;
                        };
                    }
                    ParserRunState::AfterValue => {
                        if self.depth == 0 {
                            if !matches!(tok, Token::Eof) {
                                return Err(Error::TrailingData);
                            }
                            return Ok(());
                        }
                        let top = self.stack[self.depth - 1];
                        match tok {
                            Token::Comma => {
                                tok = self.advance(tok)?;
                                {
                                    zigport_state1 = if top == Container::Object {
                                        ParserRunState::Key
                                    } else {
                                        ParserRunState::Value
                                    };
                                    continue 'state;
                                };
                            }
                            Token::ObjectEnd | Token::ArrayEnd => {
                                if (matches!(tok, Token::ObjectEnd)) != (top == Container::Object) {
                                    return Err(Error::UnexpectedToken);
                                }
                                self.depth -= 1;
                                tok = self.advance(tok)?;
                                {
                                    zigport_state1 = ParserRunState::AfterValue;
                                    continue 'state;
                                };
                            }
                            Token::Eof => return Err(Error::UnexpectedEnd),
                            _ => return Err(Error::UnexpectedToken),
                        };
                    }
                }
            }
        };
    }
}
/// A validating parser that re-emits the tokens of the document into `Sink`.
#[derive(Debug)]
struct ParserNullSink<'a> {
    pub tokenizer: Tokenizer<'a>,
    pub sink: &'a mut NullSink,
    pub stack: [Container; MAX_DEPTH],
    pub depth: usize,
    pub max_seen: usize,
}
impl<'a> ParserNullSink<'a> {
    fn push(&mut self, c: Container) -> Result<(), Error> {
        if self.depth == MAX_DEPTH {
            return Err(Error::TooDeep);
        }
        self.stack[self.depth] = c;
        self.depth += 1;
        self.max_seen = self.max_seen.max(self.depth);
        Ok(())
    }
    fn advance(&mut self, tok: Token<'a>) -> Result<Token<'a>, Error> {
        self.sink.write(tok.text())?;
        self.tokenizer.next()
    }
    fn run(&mut self) -> Result<(), Error> {
        let mut tok = self.tokenizer.next()?;
        {
            #[allow(unused_mut)]
            let mut zigport_state1 = ParserRunState::Value;
            'state: loop {
                match zigport_state1 {
                    ParserRunState::Value => match tok {
                        Token::ObjectBegin | Token::ArrayBegin => {
                            let kind: Container = if matches!(tok, Token::ObjectBegin) {
                                Container::Object
                            } else {
                                Container::Array
                            };
                            self.push(kind)?;
                            tok = self.advance(tok)?;
                            if ((kind == Container::Object) && (matches!(tok, Token::ObjectEnd)))
                                || ((kind == Container::Array) && (matches!(tok, Token::ArrayEnd)))
                            {
                                self.depth -= 1;
                                tok = self.advance(tok)?;
                                {
                                    zigport_state1 = ParserRunState::AfterValue;
                                    continue 'state;
                                };
                            }
                            {
                                zigport_state1 = if kind == Container::Object {
                                    ParserRunState::Key
                                } else {
                                    ParserRunState::Value
                                };
                                continue 'state;
                            };
                        }
                        Token::String(..)
                        | Token::Number(..)
                        | Token::LiteralTrue
                        | Token::LiteralFalse
                        | Token::LiteralNull => {
                            tok = self.advance(tok)?;
                            {
                                zigport_state1 = ParserRunState::AfterValue;
                                continue 'state;
                            };
                        }
                        Token::Eof => return Err(Error::UnexpectedEnd),
                        _ => return Err(Error::UnexpectedToken),
                    },
                    ParserRunState::Key => {
                        if matches!(tok, Token::Eof) {
                            return Err(Error::UnexpectedEnd);
                        }
                        if !matches!(tok, Token::String(..)) {
                            return Err(Error::UnexpectedToken);
                        }
                        tok = self.advance(tok)?;
                        if matches!(tok, Token::Eof) {
                            return Err(Error::UnexpectedEnd);
                        }
                        if !matches!(tok, Token::Colon) {
                            return Err(Error::UnexpectedToken);
                        }
                        tok = self.advance(tok)?;
                        {
                            zigport_state1 = ParserRunState::Value;
                            continue 'state;
                        };
                    }
                    ParserRunState::AfterValue => {
                        if self.depth == 0 {
                            if !matches!(tok, Token::Eof) {
                                return Err(Error::TrailingData);
                            }
                            return Ok(());
                        }
                        let top = self.stack[self.depth - 1];
                        match tok {
                            Token::Comma => {
                                tok = self.advance(tok)?;
                                {
                                    zigport_state1 = if top == Container::Object {
                                        ParserRunState::Key
                                    } else {
                                        ParserRunState::Value
                                    };
                                    continue 'state;
                                };
                            }
                            Token::ObjectEnd | Token::ArrayEnd => {
                                if (matches!(tok, Token::ObjectEnd)) != (top == Container::Object) {
                                    return Err(Error::UnexpectedToken);
                                }
                                self.depth -= 1;
                                tok = self.advance(tok)?;
                                {
                                    zigport_state1 = ParserRunState::AfterValue;
                                    continue 'state;
                                };
                            }
                            Token::Eof => return Err(Error::UnexpectedEnd),
                            _ => return Err(Error::UnexpectedToken),
                        };
                    }
                }
            }
        };
    }
}
/// Validates `source` as one complete JSON document, reporting why it is not.
pub fn check(source: &[u8]) -> Result<(), Error> {
    let mut sink: NullSink = NullSink {};
    let mut p: ParserNullSink = ParserNullSink {
        tokenizer: Tokenizer { source, pos: 0 },
        sink: &mut sink,
        stack: [Container::Object; MAX_DEPTH],
        depth: 0,
        max_seen: 0,
    };
    match p.run() {
        Ok(v) => v,
        Err(err) => {
            return Err(match err {
                Error::OutOfMemory => unreachable!(),
                e => e,
            });
        }
    };
    Ok(())
}
/// True when `source` is exactly one valid JSON value (nesting <= `max_depth`).
pub fn is_valid(source: &[u8]) -> bool {
    match check(source) {
        Ok(v) => v,
        Err(_) => return false,
    };
    true
}
/// Deepest array/object nesting of a valid document.
pub fn max_nesting(source: &[u8]) -> Result<usize, Error> {
    let mut sink: NullSink = NullSink {};
    let mut p: ParserNullSink = ParserNullSink {
        tokenizer: Tokenizer { source, pos: 0 },
        sink: &mut sink,
        stack: [Container::Object; MAX_DEPTH],
        depth: 0,
        max_seen: 0,
    };
    match p.run() {
        Ok(v) => v,
        Err(err) => {
            return Err(match err {
                Error::OutOfMemory => unreachable!(),
                e => e,
            });
        }
    };
    Ok(p.max_seen)
}
/// Re-serializes a valid document without insignificant whitespace.
pub fn minify(source: &[u8]) -> Result<Vec<u8>, Error> {
    let mut sink: ListSink = ListSink { list: Vec::new() };
    // zigport: `errdefer sink.list.deinit(allocator);` dropped: ownership frees
    let mut p: ParserListSink = ParserListSink {
        tokenizer: Tokenizer { source, pos: 0 },
        sink: &mut sink,
        stack: [Container::Object; MAX_DEPTH],
        depth: 0,
        max_seen: 0,
    };
    p.run()?;
    Ok(core::mem::take(&mut sink.list))
}
fn write_codepoint(dest: &mut [u8], len: &mut usize, cp: u32) -> Result<(), Error> {
    // PERF(port): `buf` zero-initialised; Zig left it undefined
    let mut buf: [u8; 4] = [0; 4];
    let n = match crate::zigport_rt::unicode::utf8_encode(cp, &mut buf).map_err(Error::from) {
        Ok(v) => v,
        Err(_) => crate::zigport_rt::unicode::utf8_encode(0xFFFD, &mut buf)
            .map_err(Error::from)
            .unwrap(),
    };
    if ((*len) + (n as usize)) > dest.len() {
        return Err(Error::NoSpaceLeft);
    }
    dest[*len..(*len) + (n as usize)].copy_from_slice(&buf[0..n as usize]);
    *len += n as usize;
    Ok(())
}
fn parse_hex4(s: &[u8]) -> Option<u16> {
    if s.len() < 4 {
        return None;
    }
    let mut v: u16 = 0;
    for c in s[0..4].iter().copied() {
        let digit = match crate::zigport_rt::parse::char_to_digit(c, 16).map_err(Error::from) {
            Ok(v) => v,
            Err(_) => return None,
        };
        v = (v << 4) | (digit as u16);
    }
    Some(v)
}
/// Decodes the JSON string literal `quoted` (quotes included) into `dest`
/// as UTF-8 and returns the number of bytes written. Lone surrogates
/// become U+FFFD.
pub fn unescape(dest: &mut [u8], quoted: &[u8]) -> Result<usize, Error> {
    if ((quoted.len() < 2) || (quoted[0] != b'"')) || (quoted[quoted.len() - 1] != b'"') {
        return Err(Error::InvalidString);
    }
    let body = &quoted[1..quoted.len() - 1];
    let mut len: usize = 0;
    let mut i: usize = 0;
    while i < body.len() {
        let c = body[i];
        if (c == b'"') || (c < 0x20) {
            return Err(Error::InvalidString);
        }
        if c != b'\\' {
            if len >= dest.len() {
                return Err(Error::NoSpaceLeft);
            }
            dest[len] = c;
            len += 1;
            i += 1;
            continue;
        }
        if (i + 1) >= body.len() {
            return Err(Error::InvalidEscape);
        }
        let e = body[i + 1];
        i += 2;
        let simple: Option<u8> = match e {
            b'"' | b'\\' | b'/' => Some(e),
            b'b' => Some(0x08),
            b'f' => Some(0x0C),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'u' => None,
            _ => return Err(Error::InvalidEscape),
        };
        if let Some(s) = simple {
            write_codepoint(dest, &mut len, s as u32)?;
            continue;
        }
        let hi = match parse_hex4(&body[i..]) {
            Some(v) => v,
            None => return Err(Error::InvalidEscape),
        };
        i += 4;
        let mut cp: u32 = hi as u32;
        if (((0xD800..0xDC00).contains(&hi) && ((i + 1) < body.len())) && (body[i] == b'\\'))
            && (body[i + 1] == b'u')
            && let Some(lo) = parse_hex4(&body[i + 2..])
            && (0xDC00..0xE000).contains(&lo)
        {
            cp = (0x10000 + ((((hi as u32) - 0xD800) << 10) & 2097151)) + ((lo - 0xDC00) as u32);
            i += 6;
        }
        write_codepoint(dest, &mut len, cp)?;
    }
    Ok(len)
}
#[cfg(test)]
fn expect_escape(expected: &[u8], text: &[u8], ascii_only: bool) -> Result<(), Error> {
    let got = escape(text, ascii_only)?;
    // zigport: `defer testing.allocator.free(got);` dropped: ownership frees
    assert_eq!(got, expected);
    Ok(())
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParserRunState {
    Value,
    Key,
    AfterValue,
}
impl ParserRunState {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::Value => "value",
            Self::Key => "key",
            Self::AfterValue => "after_value",
        }
    }
}
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_escape() -> Result<(), Box<dyn std::error::Error>> {
        expect_escape(b"\"hello\"", b"hello", false)?;
        expect_escape(b"\"a\\\"b\\\\c\\nd\\te\"", b"a\"b\\c\nd\te", false)?;
        expect_escape(b"\"\\u0000\\u001f\\b\\f\\r\"", b"\0\x1F\x08\x0C\r", false)?;
        expect_escape(
            b"\"caf\xC3\xA9 \xF0\x9F\x98\x80\"",
            b"caf\xC3\xA9 \xF0\x9F\x98\x80",
            false,
        )?;
        expect_escape(
            b"\"caf\\u00e9 \\ud83d\\ude00\"",
            b"caf\xC3\xA9 \xF0\x9F\x98\x80",
            true,
        )?;
        expect_escape(b"\"\\u2028\"", b"\xE2\x80\xA8", false)?;
        expect_escape(b"\"\xEF\xBF\xBDx\xEF\xBF\xBD\"", b"\xFFx\xC3", false)?;
        expect_escape(b"\"\\ufffd\\ufffd\\ufffd\"", b"\xED\xA0\x80", true)?;
        expect_escape(b"\"\"", b"", true)?;
        Ok(())
    }
    #[test]
    fn test_tokenizer() -> Result<(), Box<dyn std::error::Error>> {
        assert_eq!(
            count_tokens(b"{\"a\": [1, -2.5e+3, true, null]}")?,
            13_usize
        );
        assert_eq!(count_tokens(b"  \n")?, 0_usize);
        assert_eq!(count_tokens(b"] [ :")?, 3_usize);
        assert_eq!(count_tokens(b"01"), Err(Error::InvalidNumber));
        assert_eq!(count_tokens(b"1."), Err(Error::InvalidNumber));
        assert_eq!(count_tokens(b"-"), Err(Error::InvalidNumber));
        assert_eq!(count_tokens(b"tru"), Err(Error::InvalidLiteral));
        assert_eq!(count_tokens(b"\"abc"), Err(Error::UnterminatedString));
        assert_eq!(count_tokens(b"\"\\x\""), Err(Error::InvalidEscape));
        assert_eq!(
            count_tokens(b"\"a\nb\""),
            Err(Error::ControlCharacterInString)
        );
        assert_eq!(count_tokens(b"\"\xFF\""), Err(Error::InvalidUtf8));
        assert_eq!(count_tokens(b"@"), Err(Error::UnexpectedCharacter));
        Ok(())
    }
    #[test]
    fn test_validation() -> Result<(), Box<dyn std::error::Error>> {
        assert!(is_valid(
            b"{\"name\":\"bun\",\"version\":\"1.1.0\",\"deps\":{}}"
        ));
        assert!(is_valid(b" [1, [2, [3]], {\"k\": [null]}] "));
        assert!(is_valid(b"\"just a string\""));
        assert!(is_valid(b"0"));
        assert!(!is_valid(b""));
        assert!(!is_valid(b"[1,]"));
        assert!(!is_valid(b"{\"a\" 1}"));
        assert!(!is_valid(b"{1:2}"));
        assert!(!is_valid(b"[1} "));
        assert!(!is_valid(b"1 2"));
        assert_eq!(check(b"[1, 2"), Err(Error::UnexpectedEnd));
        assert_eq!(check(b"{} {}"), Err(Error::TrailingData));
        assert_eq!(max_nesting(b"[[{\"a\":[]}], 1]")?, 4_usize);
        assert_eq!(max_nesting(b"true")?, 0_usize);
        let deep = &[
            &b"[".repeat(MAX_DEPTH + 1)[..],
            &b"]".repeat(MAX_DEPTH + 1)[..],
        ]
        .concat()[..];
        assert_eq!(check(deep), Err(Error::TooDeep));
        assert!(is_valid(&deep[1..deep.len() - 1]));
        Ok(())
    }
    #[test]
    fn test_minify() -> Result<(), Box<dyn std::error::Error>> {
        let out =
            minify(b" {\n  \"a\" : [ 1 , 2.5 ],\n  \"b\": { \"c\" : \"x y\" } ,\"d\":null }\n")?;
        // zigport: `defer testing.allocator.free(out);` dropped: ownership frees
        assert_eq!(out, b"{\"a\":[1,2.5],\"b\":{\"c\":\"x y\"},\"d\":null}");
        assert_eq!(minify(b"[1,,2]"), Err(Error::UnexpectedToken));
        Ok(())
    }
    #[test]
    fn test_unescape() -> Result<(), Box<dyn std::error::Error>> {
        // PERF(port): `buf` zero-initialised; Zig left it undefined
        let mut buf: [u8; 32] = [0; 32];
        let mut n = unescape(&mut buf, b"\"a\\nb\\u00e9\\/\"")?;
        assert_eq!(&buf[0..n], b"a\nb\xC3\xA9/");
        n = unescape(&mut buf, b"\"\\ud83d\\ude00\"")?;
        assert_eq!(&buf[0..n], b"\xF0\x9F\x98\x80");
        n = unescape(&mut buf, b"\"\\ud83dx\"")?;
        assert_eq!(&buf[0..n], b"\xEF\xBF\xBDx");
        assert_eq!(unescape(&mut buf, b"abc"), Err(Error::InvalidString));
        assert_eq!(unescape(&mut buf, b"\"a\"b\""), Err(Error::InvalidString));
        assert_eq!(unescape(&mut buf, b"\"\\q\""), Err(Error::InvalidEscape));
        assert_eq!(unescape(&mut buf, b"\"\\u12\""), Err(Error::InvalidEscape));
        assert_eq!(
            unescape(&mut buf[0..2], b"\"abc\""),
            Err(Error::NoSpaceLeft)
        );
        Ok(())
    }
}

// zigport: source json.zig (517 lines); 31/31 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;

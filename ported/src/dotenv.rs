//! Ported from `dotenv.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    ExpansionTooDeep,
    NoSpaceLeft,
    TestExpectedValue,
    ValueTooLong,
}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Error::ExpansionTooDeep => "ExpansionTooDeep",
            Error::NoSpaceLeft => "NoSpaceLeft",
            Error::TestExpectedValue => "TestExpectedValue",
            Error::ValueTooLong => "ValueTooLong",
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
/// Errors from variable expansion.
pub type ExpandError = Error;
/// Maximum nesting of `${A:-${B:-...}}` defaults.
pub const MAX_DEPTH: usize = 16;
/// Maximum length of one expanded value (guards against `B=$A$A`, `C=$B$B`, ...).
pub const MAX_VALUE_LEN: usize = 64 * 1024;
/// How a value was quoted in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quote {
    None,
    Single,
    Double,
    Backtick,
}
impl Quote {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Single => "single",
            Self::Double => "double",
            Self::Backtick => "backtick",
        }
    }
}
impl Quote {
    fn from_byte(c: u8) -> Option<Quote> {
        match c {
            b'\'' => Some(Quote::Single),
            b'"' => Some(Quote::Double),
            b'`' => Some(Quote::Backtick),
            _ => None,
        }
    }
    fn byte(self) -> u8 {
        match self {
            Quote::None => 0,
            Quote::Single => b'\'',
            Quote::Double => b'"',
            Quote::Backtick => b'`',
        }
    }
}
/// One `KEY=value` assignment as written (value without its quotes).
#[derive(Debug, Clone, Copy, PartialEq)]
struct RawEntry<'a> {
    pub key: &'a [u8],
    pub value: &'a [u8],
    pub quote: Quote,
}
fn is_key_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || (c == b'_')
}
fn is_key_char(c: u8) -> bool {
    ((c.is_ascii_alphanumeric() || (c == b'_')) || (c == b'.')) || (c == b'-')
}
fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || (c == b'_')
}
const fn is_blank(c: u8) -> bool {
    (c == b' ') || (c == b'\t')
}
/// True when `name` can be used as a `.env` key: `[A-Za-z_][A-Za-z0-9_.-]*`.
pub fn is_valid_key(name: &[u8]) -> bool {
    if (name.is_empty()) || (!is_key_start(name[0])) {
        return false;
    }
    for c in name[1..].iter().copied() {
        if !is_key_char(c) {
            return false;
        }
    }
    true
}
/// Splits `.env` source into assignments; malformed lines are skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Lexer<'a> {
    pub source: &'a [u8],
    pub pos: usize,
}
impl<'a> Lexer<'a> {
    fn next(&mut self) -> Option<RawEntry<'a>> {
        let src = self.source;
        let mut key: &[u8] = b"";
        let mut value_start: usize = 0;
        let mut quote: Quote = Quote::None;
        {
            #[allow(unused_mut)]
            let mut zigport_state1 = LexerState::LineStart;
            'state: loop {
                match zigport_state1 {
                    LexerState::LineStart => {
                        while (self.pos < src.len())
                            && ((is_blank(src[self.pos]) || (src[self.pos] == b'\n'))
                                || (src[self.pos] == b'\r'))
                        {
                            self.pos += 1;
                        }
                        if self.pos >= src.len() {
                            return None;
                        }
                        if src[self.pos] == b'#' {
                            {
                                zigport_state1 = LexerState::SkipLine;
                                continue 'state;
                            }
                        }
                        let rest = &src[self.pos..];
                        if (rest.starts_with(b"export") && (rest.len() > 6)) && is_blank(rest[6]) {
                            self.pos += 6;
                            while (self.pos < src.len()) && is_blank(src[self.pos]) {
                                self.pos += 1;
                            }
                        }
                        {
                            zigport_state1 = LexerState::Key;
                            continue 'state;
                        };
                    }
                    LexerState::SkipLine => {
                        let nl =
                            match crate::zigport_rt::mem::index_of_scalar_pos(src, self.pos, b'\n')
                            {
                                Some(v) => v,
                                None => src.len(),
                            };
                        self.pos = nl;
                        {
                            zigport_state1 = LexerState::LineStart;
                            continue 'state;
                        };
                    }
                    LexerState::Key => {
                        let start = self.pos;
                        while (self.pos < src.len()) && is_key_char(src[self.pos]) {
                            self.pos += 1;
                        }
                        key = &src[start..self.pos];
                        if !is_valid_key(key) {
                            {
                                zigport_state1 = LexerState::SkipLine;
                                continue 'state;
                            }
                        }
                        {
                            zigport_state1 = LexerState::BeforeEquals;
                            continue 'state;
                        };
                    }
                    LexerState::BeforeEquals => {
                        while (self.pos < src.len()) && is_blank(src[self.pos]) {
                            self.pos += 1;
                        }
                        if (self.pos >= src.len()) || (src[self.pos] != b'=') {
                            {
                                zigport_state1 = LexerState::SkipLine;
                                continue 'state;
                            }
                        }
                        self.pos += 1;
                        {
                            zigport_state1 = LexerState::ValueStart;
                            continue 'state;
                        };
                    }
                    LexerState::ValueStart => {
                        while (self.pos < src.len()) && is_blank(src[self.pos]) {
                            self.pos += 1;
                        }
                        if self.pos < src.len()
                            && let Some(q) = Quote::from_byte(src[self.pos])
                        {
                            quote = q;
                            value_start = self.pos + 1;
                            {
                                zigport_state1 = LexerState::Quoted;
                                continue 'state;
                            };
                        }
                        value_start = self.pos;
                        {
                            zigport_state1 = LexerState::Unquoted;
                            continue 'state;
                        };
                    }
                    LexerState::Quoted => {
                        let close_byte = quote.byte();
                        let mut i = value_start;
                        while (i < src.len()) && (src[i] != close_byte) {
                            {
                                if (quote == Quote::Double) && (src[i] == b'\\') {
                                    i += 1;
                                }
                            }
                            i += 1;
                        }
                        if i >= src.len() {
                            // Unterminated: the quote is part of an unquoted value.
                            quote = Quote::None;
                            value_start -= 1;
                            {
                                zigport_state1 = LexerState::Unquoted;
                                continue 'state;
                            };
                        }
                        self.pos =
                            match crate::zigport_rt::mem::index_of_scalar_pos(src, i + 1, b'\n') {
                                Some(v) => v,
                                None => src.len(),
                            };
                        return Some(RawEntry {
                            key,
                            value: &src[value_start..i],
                            quote,
                        });
                    }
                    LexerState::Unquoted => {
                        let nl = match crate::zigport_rt::mem::index_of_scalar_pos(
                            src,
                            value_start,
                            b'\n',
                        ) {
                            Some(v) => v,
                            None => src.len(),
                        };
                        let mut end = value_start;
                        while end < nl {
                            {
                                if (src[end] == b'#')
                                    && ((end == value_start) || is_blank(src[end - 1]))
                                {
                                    break;
                                }
                            }
                            end += 1;
                        }
                        self.pos = nl;
                        let value =
                            crate::zigport_rt::mem::trim_right(&src[value_start..end], b" \t\r");
                        return Some(RawEntry {
                            key,
                            value,
                            quote: Quote::None,
                        });
                    }
                }
            }
        };
    }
}
/// Expands `$` references against already-defined variables.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Expander<'a> {
    pub vars: &'a crate::zigport_rt::map::HashMap<&'a [u8], Vec<u8>>,
}
impl<'a> Expander<'a> {
    fn append(self, out: &mut Vec<u8>, bytes: &[u8]) -> Result<(), Error> {
        if (out.len() + bytes.len()) > MAX_VALUE_LEN {
            return Err(Error::ValueTooLong);
        }
        out.extend_from_slice(bytes);
        Ok(())
    }
    /// Index of the `}` closing a `${` whose body starts at `start`, honouring nesting.
    fn find_close(text: &[u8], start: usize) -> Option<usize> {
        let mut nesting: usize = 0;
        let mut i = start;
        while i < text.len() {
            {
                match text[i] {
                    b'\\' => {
                        i += 1;
                    }
                    b'$' if ((i + 1) < text.len()) && (text[i + 1] == b'{') => {
                        nesting += 1;
                        i += 1;
                    }
                    b'}' => {
                        if nesting == 0 {
                            return Some(i);
                        }
                        nesting -= 1;
                    }
                    _ => {}
                };
            }
            i += 1;
        }
        None
    }
    fn expand_into(
        self,
        out: &mut Vec<u8>,
        text: &[u8],
        quote: Quote,
        depth: usize,
    ) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return Err(Error::ExpansionTooDeep);
        }
        let mut i: usize = 0;
        while i < text.len() {
            let c = text[i];
            if ((c == b'\\') && ((i + 1) < text.len())) && (quote != Quote::Backtick) {
                let e = text[i + 1];
                let decoded: Option<u8> = match e {
                    b'$' => Some(b'$'),
                    b'n' => {
                        if quote == Quote::Double {
                            Some(b'\n')
                        } else {
                            None
                        }
                    }
                    b'r' => {
                        if quote == Quote::Double {
                            Some(b'\r')
                        } else {
                            None
                        }
                    }
                    b't' => {
                        if quote == Quote::Double {
                            Some(b'\t')
                        } else {
                            None
                        }
                    }
                    b'\\' | b'"' => {
                        if quote == Quote::Double {
                            Some(e)
                        } else {
                            None
                        }
                    }
                    _ => None,
                };
                if let Some(d) = decoded {
                    self.append(out, &[d])?;
                    i += 2;
                    continue;
                }
            }
            if (c != b'$') || ((i + 1) >= text.len()) {
                self.append(out, &[c])?;
                i += 1;
                continue;
            }
            if text[i + 1] == b'{' {
                let close = match Self::find_close(text, i + 2) {
                    Some(v) => v,
                    None => {
                        self.append(out, &text[i..])?;
                        return Ok(());
                    }
                };
                self.expand_braced(out, &text[i + 2..close], quote, depth)?;
                i = close + 1;
            } else {
                if is_key_start(text[i + 1]) {
                    let mut end = i + 1;
                    while (end < text.len()) && is_name_char(text[end]) {
                        end += 1;
                    }
                    self.append(
                        out,
                        self.vars
                            .get(&text[i + 1..end])
                            .map(Vec::as_slice)
                            .unwrap_or(b""),
                    )?;
                    i = end;
                } else {
                    self.append(out, b"$")?;
                    i += 1;
                }
            };
        }
        Ok(())
    }
    /// `body` is the text between `${` and `}`.
    fn expand_braced(
        self,
        out: &mut Vec<u8>,
        body: &[u8],
        quote: Quote,
        depth: usize,
    ) -> Result<(), Error> {
        let mut name_end: usize = 0;
        while ((name_end < body.len()) && is_key_char(body[name_end])) && (body[name_end] != b'-') {
            name_end += 1;
        }
        let name = &body[0..name_end];
        let value = self.vars.get(name).map(Vec::as_slice);
        let rest = &body[name_end..];
        if rest.starts_with(b":-") {
            if let Some(value) = value
                && !value.is_empty()
            {
                return self.append(out, value);
            }
            return self.expand_into(out, &rest[2..], quote, depth + 1);
        }
        if rest.starts_with(b"-") {
            if let Some(v) = value {
                return self.append(out, v);
            }
            return self.expand_into(out, &rest[1..], quote, depth + 1);
        }
        if (!rest.is_empty()) || (name.is_empty()) {
            // Not a form we understand: keep it literally.
            self.append(out, b"${")?;
            self.append(out, body)?;
            return self.append(out, b"}");
        }
        self.append(out, value.unwrap_or(b""))?;
        Ok(())
    }
}
/// All variables of a file, expanded, living in one arena.
#[derive(Debug, Clone, Default, PartialEq)]
struct Env<'a> {
    pub vars: crate::zigport_rt::map::HashMap<&'a [u8], Vec<u8>>,
}
impl<'a> Env<'a> {
    fn parse(source: &'a [u8]) -> Result<Env<'a>, Error> {
        let mut env: Env = Env {
            vars: Default::default(),
        };
        // zigport: `errdefer env.arena.deinit();` dropped: ownership frees
        env.vars = crate::zigport_rt::map::HashMap::default();
        let mut lexer: Lexer = Lexer { source, pos: 0 };
        while let Some(entry) = lexer.next() {
            let mut buf: Vec<u8> = Vec::new();
            if entry.quote == Quote::Single {
                buf.extend_from_slice(entry.value);
            } else {
                (Expander { vars: &env.vars }).expand_into(
                    &mut buf,
                    entry.value,
                    entry.quote,
                    0,
                )?;
            };
            {
                env.vars.insert(entry.key, core::mem::take(&mut buf));
            };
        }
        Ok(env)
    }
    #[allow(dead_code)]
    fn deinit(&mut self) {
        // zigport: `self.arena.deinit()` has nothing to do in Rust
    }
}
/// The expanded value of `key` in `.env` source, owned by `allocator`; null when unset.
pub fn get(source: &[u8], key: &[u8]) -> Result<Option<Vec<u8>>, Error> {
    let env = Env::parse(source)?;
    // zigport: `defer env.deinit();` dropped: ownership frees
    let value = match env.vars.get(key).map(Vec::as_slice) {
        Some(v) => v,
        None => return Ok(None),
    };
    Ok(Some(value.to_vec()))
}
/// Number of well-formed assignments in `source` (duplicates counted).
pub fn count(source: &[u8]) -> usize {
    let mut lexer: Lexer = Lexer { source, pos: 0 };
    let mut n: usize = 0;
    while lexer.next().is_some() {
        n += 1;
    }
    n
}
/// The key of the `index`-th assignment, as a slice of `source`.
pub fn key_at(source: &[u8], index: usize) -> Option<&[u8]> {
    let mut lexer: Lexer = Lexer { source, pos: 0 };
    let mut i: usize = 0;
    while let Some(entry) = lexer.next() {
        {
            if i == index {
                return Some(entry.key);
            }
        }
        i += 1;
    }
    None
}
/// The unexpanded value of the last assignment to `key` (quotes removed).
pub fn raw_value<'a>(source: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let mut lexer: Lexer = Lexer { source, pos: 0 };
    let mut found: Option<&[u8]> = None;
    while let Some(entry) = lexer.next() {
        if entry.key == key {
            found = Some(entry.value);
        }
    }
    found
}
/// How the last assignment to `key` was quoted.
pub fn quote_of(source: &[u8], key: &[u8]) -> Option<Quote> {
    let mut lexer: Lexer = Lexer { source, pos: 0 };
    let mut found: Option<Quote> = None;
    while let Some(entry) = lexer.next() {
        if entry.key == key {
            found = Some(entry.quote);
        }
    }
    found
}
/// Expands `$VAR` references in `text` against the variables of `source`.
pub fn expand(source: &[u8], text: &[u8]) -> Result<Vec<u8>, Error> {
    let env = Env::parse(source)?;
    // zigport: `defer env.deinit();` dropped: ownership frees
    let mut out: Vec<u8> = Vec::new();
    // zigport: `errdefer out.deinit(allocator);` dropped: ownership frees
    let expander: Expander = Expander { vars: &env.vars };
    expander.expand_into(&mut out, text, Quote::None, 0)?;
    Ok(core::mem::take(&mut out))
}
#[cfg(test)]
fn expect_get(expected: Option<&[u8]>, source: &[u8], key: &[u8]) -> Result<(), Error> {
    let got = get(source, key)?;
    // zigport: `defer if (got) |g| testing.allocator.free(g);` dropped: ownership frees
    if let Some(e) = expected {
        assert_eq!(
            match got {
                Some(v) => v,
                None => return Err(Error::TestExpectedValue),
            },
            e
        );
    } else {
        assert!(got.is_none());
    };
    Ok(())
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LexerState {
    LineStart,
    SkipLine,
    Key,
    BeforeEquals,
    ValueStart,
    Quoted,
    Unquoted,
}
impl LexerState {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::LineStart => "line_start",
            Self::SkipLine => "skip_line",
            Self::Key => "key",
            Self::BeforeEquals => "before_equals",
            Self::ValueStart => "value_start",
            Self::Quoted => "quoted",
            Self::Unquoted => "unquoted",
        }
    }
}
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_basic_assignments() -> Result<(), Box<dyn std::error::Error>> {
        let src = b"# comment\nPORT=3000\nexport NODE_ENV = production\nEMPTY=\nURL=http://localhost:3000/#anchor # trailing comment\nnot a line\n1BAD=x\ndb.host-name=pg";
        expect_get(Some(b"3000"), src, b"PORT")?;
        expect_get(Some(b"production"), src, b"NODE_ENV")?;
        expect_get(Some(b""), src, b"EMPTY")?;
        expect_get(Some(b"http://localhost:3000/#anchor"), src, b"URL")?;
        expect_get(Some(b"pg"), src, b"db.host-name")?;
        expect_get(None, src, b"1BAD")?;
        assert_eq!(count(src), 5_usize);
        assert_eq!(key_at(src, 1).unwrap(), b"NODE_ENV");
        assert!(key_at(src, 5).is_none());
        Ok(())
    }
    #[test]
    fn test_quotes_and_escapes() -> Result<(), Box<dyn std::error::Error>> {
        let src =
            b"A='single $X'\nB=\"dq\\n\\t\\\"x\\\"\"\nC=`tick \\n`\nD=\"multi\nline\"\nE=\"open\n";
        expect_get(Some(b"single $X"), src, b"A")?;
        expect_get(Some(b"dq\n\t\"x\""), src, b"B")?;
        expect_get(Some(b"tick \\n"), src, b"C")?;
        expect_get(Some(b"multi\nline"), src, b"D")?;
        expect_get(Some(b"\"open"), src, b"E")?;
        assert_eq!(quote_of(src, b"C").unwrap(), Quote::Backtick);
        assert_eq!(raw_value(src, b"B").unwrap(), b"dq\\n\\t\\\"x\\\"");
        assert_eq!(count(src), 5_usize);
        Ok(())
    }
    #[test]
    fn test_expansion() -> Result<(), Box<dyn std::error::Error>> {
        let src = b"HOST=localhost\nPORT=5432\nURL=postgres://${HOST}:$PORT/db\nESC=\\$HOST\nDEF=${MISSING:-fallback}\nNESTED=${A:-${B:-${HOST}}}\nEMPTYDEF=${EMPTY-x}${EMPTY:-y}\nEMPTY=\nLIT='${HOST}'\nFWD=$LATER\nLATER=1";
        expect_get(Some(b"postgres://localhost:5432/db"), src, b"URL")?;
        expect_get(Some(b"$HOST"), src, b"ESC")?;
        expect_get(Some(b"fallback"), src, b"DEF")?;
        expect_get(Some(b"localhost"), src, b"NESTED")?;
        expect_get(Some(b"xy"), src, b"EMPTYDEF")?;
        expect_get(Some(b"${HOST}"), src, b"LIT")?;
        expect_get(Some(b""), src, b"FWD")?;
        let out = expand(src, b"$HOST:${PORT} costs $5 ${}")?;
        // zigport: `defer testing.allocator.free(out);` dropped: ownership frees
        assert_eq!(out, b"localhost:5432 costs $5 ${}");
        Ok(())
    }
    #[test]
    fn test_override_and_crlf() -> Result<(), Box<dyn std::error::Error>> {
        expect_get(Some(b"2"), b"K=1\r\nK=2\r\n", b"K")?;
        expect_get(Some(b"a b"), b"K=  a b  \r\n", b"K")?;
        expect_get(Some(b""), b"K=#comment only", b"K")?;
        expect_get(Some(b"x#y"), b"K=x#y", b"K")?;
        Ok(())
    }
    #[test]
    fn test_bounds() -> Result<(), Box<dyn std::error::Error>> {
        let deep = b"X=${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-x}}}}}}}}}}}}}}}}}}";
        assert_eq!(get(deep, b"X"), Err(Error::ExpansionTooDeep));
        let mut src: Vec<u8> = Vec::new();
        // zigport: `defer src.deinit(testing.allocator);` dropped: ownership frees
        src.extend_from_slice(b"V0=0123456789abcdef\n");
        for i in 1..20 {
            // PERF(port): `line` zero-initialised; Zig left it undefined
            let mut line: [u8; 64] = [0; 64];
            src.extend_from_slice(
                crate::zigport_rt::fmt::buf_print(
                    &mut line,
                    b"V{d}=$V{d}$V{d}\n",
                    &[
                        &i as &dyn crate::zigport_rt::fmt::Arg,
                        &(i - 1) as &dyn crate::zigport_rt::fmt::Arg,
                        &(i - 1) as &dyn crate::zigport_rt::fmt::Arg,
                    ],
                )
                .map_err(Error::from)?,
            );
        }
        assert_eq!(get(&src, b"V1"), Err(Error::ValueTooLong));
        assert_eq!(count(&src), 20_usize);
        Ok(())
    }
    #[test]
    fn test_is_valid_key() {
        assert!(is_valid_key(b"DATABASE_URL"));
        assert!(is_valid_key(b"_private.key-1"));
        assert!(!is_valid_key(b""));
        assert!(!is_valid_key(b"9LIVES"));
        assert!(!is_valid_key(b"HAS SPACE"));
        assert!(!is_valid_key(b"-dash"));
    }
}

// zigport: source dotenv.zig (453 lines); 27/27 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;

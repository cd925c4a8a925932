//! Ported from `ini.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    CodepointTooLarge,
    EmptyKey,
    EmptySectionName,
    InvalidCharacter,
    InvalidEscape,
    Overflow,
    TestExpectedValue,
    TrailingCharacters,
    UnterminatedSection,
    UnterminatedString,
    Utf8CannotEncodeSurrogateHalf,
}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Error::CodepointTooLarge => "CodepointTooLarge",
            Error::EmptyKey => "EmptyKey",
            Error::EmptySectionName => "EmptySectionName",
            Error::InvalidCharacter => "InvalidCharacter",
            Error::InvalidEscape => "InvalidEscape",
            Error::Overflow => "Overflow",
            Error::TestExpectedValue => "TestExpectedValue",
            Error::TrailingCharacters => "TrailingCharacters",
            Error::UnterminatedSection => "UnterminatedSection",
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
/// Errors produced while parsing ini source.
pub type IniError = Error;
/// The registry used when an `.npmrc` names none.
pub const DEFAULT_REGISTRY: &[u8] = b"https://registry.npmjs.org/";
const WHITESPACE: &[u8] = b" \t\r";
/// How the right-hand side of an entry was written.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum RawValue<'a> {
    #[default]
    /// `key` with no `=`: means "true".
    Flag,
    Bare(&'a [u8]),
    Double(&'a [u8]),
    Single(&'a [u8]),
}
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Entry<'a> {
    pub key: &'a [u8],
    pub is_array: bool,
    pub value: RawValue<'a>,
}
#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Line<'a> {
    #[default]
    Blank,
    Section(&'a [u8]),
    Entry(Entry<'a>),
}
/// Splits source into logical lines and classifies each one.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct LineIterator<'a> {
    pub source: &'a [u8],
    pub pos: usize,
}
impl<'a> LineIterator<'a> {
    fn init(source: &'a [u8]) -> LineIterator<'a> {
        let bom = b"\xEF\xBB\xBF";
        let start: usize = if source.starts_with(bom) {
            bom.len()
        } else {
            0
        };
        LineIterator { source, pos: start }
    }
    fn next(&mut self) -> Result<Option<Line<'a>>, Error> {
        if self.pos >= self.source.len() {
            return Ok(None);
        }
        let rest = &self.source[self.pos..];
        let end = match rest.iter().position(|&x| x == b'\n') {
            Some(v) => v,
            None => rest.len(),
        };
        self.pos += (end + 1).min(rest.len());
        Ok(Some(classify(crate::zigport_rt::mem::trim(
            &rest[0..end],
            WHITESPACE,
        ))?))
    }
}
fn is_comment_start(c: u8) -> bool {
    (c == b';') || (c == b'#')
}
/// Position of the first unescaped `;` or `#`, or `text.len`.
fn comment_start(text: &[u8]) -> usize {
    let mut i: usize = 0;
    while i < text.len() {
        {
            if text[i] == b'\\' {
                i += 1;
            } else {
                if is_comment_start(text[i]) {
                    return i;
                }
            };
        }
        i += 1;
    }
    text.len()
}
fn classify<'a>(line: &'a [u8]) -> Result<Line<'a>, Error> {
    if (line.is_empty()) || is_comment_start(line[0]) {
        return Ok(Line::Blank);
    }
    if line[0] == b'[' {
        let close = match line.iter().position(|&x| x == b']') {
            Some(v) => v,
            None => return Err(Error::UnterminatedSection),
        };
        let after = crate::zigport_rt::mem::trim_left(&line[close + 1..], WHITESPACE);
        if (!after.is_empty()) && (!is_comment_start(after[0])) {
            return Err(Error::TrailingCharacters);
        }
        let name = crate::zigport_rt::mem::trim(&line[1..close], WHITESPACE);
        if name.is_empty() {
            return Err(Error::EmptySectionName);
        }
        return Ok(Line::Section(name));
    }
    let key_text: &[u8];
    let mut value: RawValue = RawValue::Flag;
    if let Some(eq) = line.iter().position(|&x| x == b'=') {
        key_text = &line[0..eq];
        value = classify_value(crate::zigport_rt::mem::trim(&line[eq + 1..], WHITESPACE))?;
    } else {
        key_text = {
            let __zigport_end = comment_start(line);
            &line[0..__zigport_end]
        };
    };
    let mut key = crate::zigport_rt::mem::trim(key_text, WHITESPACE);
    let mut is_array = false;
    if key.ends_with(b"[]") {
        is_array = true;
        key = crate::zigport_rt::mem::trim_right(&key[0..key.len() - 2], WHITESPACE);
    }
    if key.is_empty() {
        return Err(Error::EmptyKey);
    }
    Ok(Line::Entry(Entry {
        key,
        is_array,
        value,
    }))
}
fn classify_value<'a>(text: &'a [u8]) -> Result<RawValue<'a>, Error> {
    if text.is_empty() {
        return Ok(RawValue::Bare(text));
    }
    match text[0] {
        b'"' => {
            let mut i: usize = 1;
            'zigport_while_else1: {
                while i < text.len() {
                    {
                        match text[i] {
                            b'"' => break 'zigport_while_else1,
                            b'\\' => {
                                if (i + 1) >= text.len() {
                                    return Err(Error::UnterminatedString);
                                }
                                match text[i + 1] {
                                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't'
                                    | b'$' => {
                                        i += 1;
                                    }
                                    b'u' => {
                                        if (i + 6) > text.len() {
                                            return Err(Error::InvalidEscape);
                                        }
                                        for h in text[i + 2..i + 6].iter() {
                                            if !h.is_ascii_hexdigit() {
                                                return Err(Error::InvalidEscape);
                                            }
                                        }
                                        i += 5;
                                    }
                                    _ => return Err(Error::InvalidEscape),
                                };
                            }
                            _ => {}
                        };
                    }
                    i += 1;
                }
                return Err(Error::UnterminatedString);
            };
            expect_only_comment(&text[i + 1..])?;
            Ok(RawValue::Double(&text[1..i]))
        }
        b'\'' => {
            let close = match crate::zigport_rt::mem::index_of_scalar_pos(text, 1, b'\'') {
                Some(v) => v,
                None => return Err(Error::UnterminatedString),
            };
            expect_only_comment(&text[close + 1..])?;
            Ok(RawValue::Single(&text[1..close]))
        }
        _ => Ok(RawValue::Bare(crate::zigport_rt::mem::trim_right(
            {
                let __zigport_end = comment_start(text);
                &text[0..__zigport_end]
            },
            WHITESPACE,
        ))),
    }
}
fn expect_only_comment(rest: &[u8]) -> Result<(), Error> {
    let t = crate::zigport_rt::mem::trim_left(rest, WHITESPACE);
    if (!t.is_empty()) && (!is_comment_start(t[0])) {
        return Err(Error::TrailingCharacters);
    }
    Ok(())
}
/// A `.env`-style environment: `KEY=value` lines, `export` prefixes,
/// `#` comment lines and surrounding quotes. Values are slices of the text.
#[derive(Debug, Clone, Default, PartialEq)]
struct Env<'a> {
    pub map: crate::zigport_rt::map::HashMap<&'a [u8], &'a [u8]>,
}
impl<'a> Env<'a> {
    fn parse(text: &'a [u8]) -> Result<Env<'a>, Error> {
        let mut env: Env = Env {
            map: crate::zigport_rt::map::HashMap::default(),
        };
        // zigport: `errdefer env.map.deinit();` dropped: ownership frees
        let lines = crate::zigport_rt::split::split(
            text,
            crate::zigport_rt::split::Delimiter::Scalar(b'\n'),
        );
        for raw in lines {
            let mut line = crate::zigport_rt::mem::trim(raw, WHITESPACE);
            if (line.is_empty()) || (line[0] == b'#') {
                continue;
            }
            if line.starts_with(b"export ") {
                line = crate::zigport_rt::mem::trim_left(&line[7..], WHITESPACE);
            }
            let eq = match line.iter().position(|&x| x == b'=') {
                Some(v) => v,
                None => continue,
            };
            let key = crate::zigport_rt::mem::trim(&line[0..eq], WHITESPACE);
            if key.is_empty() {
                continue;
            }
            let mut value = crate::zigport_rt::mem::trim(&line[eq + 1..], WHITESPACE);
            if ((value.len() >= 2) && ((value[0] == b'"') || (value[0] == b'\'')))
                && (value[value.len() - 1] == value[0])
            {
                value = &value[1..value.len() - 1];
            }
            {
                env.map.insert(key, value);
            };
        }
        Ok(env)
    }
    #[allow(dead_code)]
    fn deinit(&mut self) {
        // zigport: `self.map.deinit()` has nothing to do in Rust
    }
}
/// Handles a `$` at `text[i]`: appends the expansion (or the literal text)
/// and returns the index just past what was consumed.
fn expand_at(out: &mut Vec<u8>, text: &[u8], i: usize, env: &Env) -> Result<usize, Error> {
    assert!(text[i] == b'$');
    if ((i + 1) < text.len())
        && (text[i + 1] == b'{')
        && let Some(close) = crate::zigport_rt::mem::index_of_scalar_pos(text, i + 2, b'}')
    {
        let mut name = &text[i + 2..close];
        let optional = name.ends_with(b"?");
        if optional {
            name = &name[0..name.len() - 1];
        }
        if let Some(value) = env.map.get(name).copied() {
            out.extend_from_slice(value);
        } else {
            if !optional {
                out.extend_from_slice(&text[i..close + 1]);
            }
        };
        return Ok(close + 1);
    }
    out.push(b'$');
    Ok(i + 1)
}
fn append_codepoint(out: &mut Vec<u8>, cp: u32) -> Result<(), Error> {
    // PERF(port): `buf` zero-initialised; Zig left it undefined
    let mut buf: [u8; 4] = [0; 4];
    let n = match crate::zigport_rt::unicode::utf8_encode(cp, &mut buf).map_err(Error::from) {
        Ok(v) => v,
        Err(_) => crate::zigport_rt::unicode::utf8_encode(0xFFFD, &mut buf)
            .map_err(Error::from)
            .unwrap(),
    };
    out.extend_from_slice(&buf[0..n as usize]);
    Ok(())
}
fn hex4(text: &[u8]) -> u16 {
    crate::zigport_rt::parse::parse_int::<u16>(&text[0..4], 16)
        .map_err(Error::from)
        .unwrap()
}
/// Decodes a classified value (escapes + expansion) into `out`.
fn decode_value(out: &mut Vec<u8>, value: RawValue, env: &Env) -> Result<(), Error> {
    match value {
        RawValue::Flag => out.extend_from_slice(b"true"),
        RawValue::Single(s) => out.extend_from_slice(s),
        RawValue::Bare(s) => {
            let mut i: usize = 0;
            while i < s.len() {
                if ((s[i] == b'\\') && ((i + 1) < s.len()))
                    && b";#\\$".iter().position(|&x| x == s[i + 1]).is_some()
                {
                    out.push(s[i + 1]);
                    i += 2;
                } else {
                    if s[i] == b'$' {
                        i = expand_at(out, s, i, env)?;
                    } else {
                        out.push(s[i]);
                        i += 1;
                    }
                };
            }
        }
        RawValue::Double(s) => {
            // Escapes were validated by `classifyValue`.
            let mut i: usize = 0;
            while i < s.len() {
                if s[i] == b'$' {
                    i = expand_at(out, s, i, env)?;
                    continue;
                }
                if s[i] != b'\\' {
                    out.push(s[i]);
                    i += 1;
                    continue;
                }
                let c = s[i + 1];
                i += 2;
                match c {
                    b'b' => out.push(0x08),
                    b'f' => out.push(0x0C),
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'u' => {
                        let hi = hex4(&s[i..]);
                        i += 4;
                        if (((0xD800..0xDC00).contains(&hi) && ((i + 6) <= s.len()))
                            && (s[i] == b'\\'))
                            && (s[i + 1] == b'u')
                        {
                            let lo = hex4(&s[i + 2..]);
                            if (0xDC00..0xE000).contains(&lo) {
                                i += 6;
                                let cp: u32 = (0x10000
                                    + ((((hi as u32) - 0xD800) << 10) & 2097151))
                                    + ((lo - 0xDC00) as u32);
                                append_codepoint(out, cp)?;
                                continue;
                            }
                        }
                        append_codepoint(out, hi as u32)?;
                    }
                    _ => out.push(c),
                };
            }
        }
    };
    Ok(())
}
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Scalar(Vec<u8>),
    Array(Vec<Vec<u8>>),
}
impl Default for Value {
    fn default() -> Self {
        Value::Scalar(Default::default())
    }
}
// zigport: `Section` is `std.StringHashMap(Value)`, spelled out where it is used
/// A fully parsed ini document; every string lives in the arena.
#[derive(Debug, Clone, Default, PartialEq)]
struct Document<'a> {
    pub sections:
        crate::zigport_rt::map::HashMap<&'a [u8], crate::zigport_rt::map::HashMap<&'a [u8], Value>>,
}
impl<'a> Document<'a> {
    fn parse(source: &'a [u8], env_text: &'a [u8]) -> Result<Document<'a>, Error> {
        let mut doc: Document = Document {
            sections: Default::default(),
        };
        // zigport: `errdefer doc.arena.deinit();` dropped: ownership frees
        doc.sections = crate::zigport_rt::map::HashMap::default();
        let env = Env::parse(env_text)?;
        let mut current = doc.section_named(b"")?;
        let mut it = LineIterator::init(source);
        while let Some(line) = it.next()? {
            match line {
                Line::Blank => {}
                Line::Section(name) => {
                    current = doc.section_named(name)?;
                }
                Line::Entry(entry) => {
                    let mut buf: Vec<u8> = Vec::new();
                    decode_value(&mut buf, entry.value, &env)?;
                    let text = core::mem::take(&mut buf);
                    let slot = crate::zigport_rt::map::get_or_put(&mut *current, entry.key);
                    if !entry.is_array {
                        *slot.value_ptr = Value::Scalar(text);
                        continue;
                    }
                    if (!slot.found_existing) || (!matches!(*slot.value_ptr, Value::Array(..))) {
                        *slot.value_ptr = Value::Array(Vec::new());
                    }
                    match &mut *slot.value_ptr {
                        Value::Array(payload) => payload,
                        _ => {
                            panic!("access of union field 'array' while another field is active")
                        }
                    }
                    .push(text);
                }
            }
        }
        Ok(doc)
    }
    fn section_named(
        &mut self,
        name: &'a [u8],
    ) -> Result<&mut crate::zigport_rt::map::HashMap<&'a [u8], Value>, Error> {
        let slot = crate::zigport_rt::map::get_or_put(&mut self.sections, name);
        if !slot.found_existing {
            *slot.value_ptr = crate::zigport_rt::map::HashMap::default();
        }
        Ok(slot.value_ptr)
    }
    fn lookup(&self, section: &[u8], key: &[u8]) -> Option<&Value> {
        let s = self.sections.get(section)?;
        s.get(key)
    }
    #[allow(dead_code)]
    fn deinit(&mut self) {
        // zigport: `self.arena.deinit()` has nothing to do in Rust
    }
}
/// Returns the expanded value of `key` in `section` ("" is the top level),
/// owned by `allocator`. Array values are joined with ",". Null when absent.
pub fn get(source: &[u8], section: &[u8], key: &[u8]) -> Result<Option<Vec<u8>>, Error> {
    get_with_env(source, b"", section, key)
}
/// Like `get`, expanding `${VAR}` from the `.env`-style `env_text`.
pub fn get_with_env(
    source: &[u8],
    env_text: &[u8],
    section: &[u8],
    key: &[u8],
) -> Result<Option<Vec<u8>>, Error> {
    let doc = Document::parse(source, env_text)?;
    // zigport: `defer doc.deinit();` dropped: ownership frees
    let value = match doc.lookup(section, key) {
        Some(v) => v,
        None => return Ok(None),
    };
    match value {
        Value::Scalar(s) => Ok(Some(s.to_vec())),
        Value::Array(list) => Ok(Some(crate::zigport_rt::mem::join(b",", list))),
    }
}
/// Number of key assignments (including flags and array items) in `source`.
pub fn count_entries(source: &[u8]) -> Result<usize, Error> {
    let mut it = LineIterator::init(source);
    let mut n: usize = 0;
    while let Some(line) = it.next()? {
        if matches!(line, Line::Entry(..)) {
            n += 1;
        }
    }
    Ok(n)
}
/// Number of items currently held by the array `key[]` in `section`,
/// honouring later scalar assignments that reset it.
pub fn array_length(source: &[u8], section: &[u8], key: &[u8]) -> Result<usize, Error> {
    let mut it = LineIterator::init(source);
    let mut current: &[u8] = b"";
    let mut n: usize = 0;
    while let Some(line) = it.next()? {
        match line {
            Line::Blank => {}
            Line::Section(name) => {
                current = name;
            }
            Line::Entry(e) => {
                if (current != section) || (e.key != key) {
                    continue;
                }
                n = if e.is_array { n + 1 } else { 0 };
            }
        }
    }
    Ok(n)
}
/// True when `source` parses without error.
pub fn is_valid(source: &[u8]) -> bool {
    let _ = match count_entries(source) {
        Ok(v) => v,
        Err(_) => return false,
    };
    true
}
/// Expands `${VAR}` / `${VAR?}` in `text` using the `.env`-style `env_text`.
pub fn expand_vars(text: &[u8], env_text: &[u8]) -> Result<Vec<u8>, Error> {
    let env = Env::parse(env_text)?;
    // zigport: `defer env.deinit();` dropped: ownership frees
    let mut out: Vec<u8> = Vec::new();
    // zigport: `errdefer out.deinit(allocator);` dropped: ownership frees
    let mut i: usize = 0;
    while i < text.len() {
        if text[i] == b'$' {
            i = expand_at(&mut out, text, i, &env)?;
        } else {
            let next = match crate::zigport_rt::mem::index_of_scalar_pos(text, i, b'$') {
                Some(v) => v,
                None => text.len(),
            };
            out.extend_from_slice(&text[i..next]);
            i = next;
        };
    }
    Ok(core::mem::take(&mut out))
}
/// The registry for `scope` (with or without `@`; "" for unscoped) from an
/// `.npmrc`: `@scope:registry=` then `registry=` then the npm default.
/// The result always ends with "/".
pub fn registry_for(npmrc: &[u8], scope: &[u8]) -> Result<Vec<u8>, Error> {
    let doc = Document::parse(npmrc, b"")?;
    // zigport: `defer doc.deinit();` dropped: ownership frees
    let mut found: Option<&[u8]> = None;
    if !scope.is_empty() {
        let bare = if scope[0] == b'@' { &scope[1..] } else { scope };
        let key = crate::zigport_rt::fmt::alloc_print(
            b"@{s}:registry",
            &[&bare as &dyn crate::zigport_rt::fmt::Arg],
        );
        // zigport: `defer allocator.free(key);` dropped: ownership frees
        if let Some(v) = doc.lookup(b"", &key)
            && (matches!(v, Value::Scalar(..)))
            && (!match &v {
                Value::Scalar(payload) => payload.as_slice(),
                _ => {
                    panic!("access of union field 'scalar' while another field is active")
                }
            }
            .is_empty())
        {
            found = Some(match &v {
                Value::Scalar(payload) => payload.as_slice(),
                _ => {
                    panic!("access of union field 'scalar' while another field is active")
                }
            });
        }
    }
    if found.is_none()
        && let Some(v) = doc.lookup(b"", b"registry")
        && (matches!(v, Value::Scalar(..)))
        && (!match &v {
            Value::Scalar(payload) => payload.as_slice(),
            _ => {
                panic!("access of union field 'scalar' while another field is active")
            }
        }
        .is_empty())
    {
        found = Some(match &v {
            Value::Scalar(payload) => payload.as_slice(),
            _ => {
                panic!("access of union field 'scalar' while another field is active")
            }
        });
    }
    let url = found.unwrap_or(DEFAULT_REGISTRY);
    if url.ends_with(b"/") {
        return Ok(url.to_vec());
    }
    Ok(crate::zigport_rt::mem::concat(&[url, &b"/"[..]]))
}
/// The `_authToken` configured for `registry_url` via the npm "nerf dart"
/// key form `//host/path/:_authToken`, or null.
pub fn auth_token_for(npmrc: &[u8], registry_url: &[u8]) -> Result<Option<Vec<u8>>, Error> {
    let mut rest = registry_url;
    if let Some(i) = crate::zigport_rt::mem::index_of(rest, b"//") {
        rest = &rest[i + 2..];
    }
    let slash: &[u8] = if rest.ends_with(b"/") {
        b"".as_slice()
    } else {
        b"/".as_slice()
    };
    let key = crate::zigport_rt::mem::concat(&[&b"//"[..], rest, slash, &b":_authToken"[..]]);
    // zigport: `defer allocator.free(key);` dropped: ownership frees
    get(npmrc, b"", &key)
}
#[cfg(test)]
fn expect_get(
    expected: Option<&[u8]>,
    source: &[u8],
    section: &[u8],
    key: &[u8],
) -> Result<(), Error> {
    let got = get(source, section, key)?;
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
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_sections_keys_and_comments() -> Result<(), Box<dyn std::error::Error>> {
        let src = b"; top comment\nname = bun\n# another\n[install]\ncache = ~/.bun/cache ; trailing\nfrozen\n[install.scopes]\nfoo = bar";
        expect_get(Some(b"bun"), src, b"", b"name")?;
        expect_get(Some(b"~/.bun/cache"), src, b"install", b"cache")?;
        expect_get(Some(b"true"), src, b"install", b"frozen")?;
        expect_get(Some(b"bar"), src, b"install.scopes", b"foo")?;
        expect_get(None, src, b"install", b"name")?;
        assert_eq!(count_entries(src)?, 4_usize);
        Ok(())
    }
    #[test]
    fn test_quoted_values_and_escapes() -> Result<(), Box<dyn std::error::Error>> {
        expect_get(Some(b"a;b#c"), b"k = \"a;b#c\" ; comment", b"", b"k")?;
        expect_get(
            Some(b"line\nnext\t\xC3\xA9"),
            b"k = \"line\\nnext\\t\\u00e9\"",
            b"",
            b"k",
        )?;
        expect_get(
            Some(b"\xF0\x9F\x98\x80"),
            b"k = \"\\ud83d\\ude00\"",
            b"",
            b"k",
        )?;
        expect_get(Some(b"  raw ${X} "), b"k = '  raw ${X} '", b"", b"k")?;
        expect_get(Some(b"semi;colon"), b"k = semi\\;colon", b"", b"k")?;
        expect_get(Some(b"C:\\path"), b"k = C:\\path", b"", b"k")?;
        expect_get(Some(b""), b"k =", b"", b"k")?;
        Ok(())
    }
    #[test]
    fn test_arrays() -> Result<(), Box<dyn std::error::Error>> {
        let src = b"a[] = 1\na[] = 2\nb = x\nb[] = y\n";
        expect_get(Some(b"1,2"), src, b"", b"a")?;
        expect_get(Some(b"y"), src, b"", b"b")?;
        assert_eq!(array_length(src, b"", b"a")?, 2_usize);
        assert_eq!(array_length(b"a[]=1\na=2", b"", b"a")?, 0_usize);
        Ok(())
    }
    #[test]
    fn test_errors() {
        assert_eq!(count_entries(b"[abc\nk=v"), Err(Error::UnterminatedSection));
        assert_eq!(count_entries(b"[ ]"), Err(Error::EmptySectionName));
        assert_eq!(count_entries(b" = v"), Err(Error::EmptyKey));
        assert_eq!(count_entries(b"[] = v"), Err(Error::TrailingCharacters));
        assert_eq!(count_entries(b"k=1\n ; x\n=2"), Err(Error::EmptyKey));
        assert_eq!(count_entries(b"k = \"abc"), Err(Error::UnterminatedString));
        assert_eq!(count_entries(b"k = \"\\q\""), Err(Error::InvalidEscape));
        assert_eq!(count_entries(b"k = \"\\u12\""), Err(Error::InvalidEscape));
        assert_eq!(
            count_entries(b"k = \"a\" b"),
            Err(Error::TrailingCharacters)
        );
        assert!(!is_valid(b"[x] y"));
        assert!(is_valid(b"\xEF\xBB\xBFk=v\r\n[s] ; c\r\n"));
        assert!(is_valid(b""));
    }
    #[test]
    fn test_variable_expansion() -> Result<(), Box<dyn std::error::Error>> {
        let env = b"TOKEN=abc123\nexport HOME='/home/bun'\n# comment\n";
        let a = expand_vars(b"${HOME}/x:${TOKEN}${MISSING}${OPT?}$", env)?;
        // zigport: `defer testing.allocator.free(a);` dropped: ownership frees
        assert_eq!(a, b"/home/bun/x:abc123${MISSING}$");
        let v = get_with_env(
            b"//r/:_authToken=${TOKEN}\nk=\\${TOKEN}",
            env,
            b"",
            b"//r/:_authToken",
        )?
        .unwrap();
        // zigport: `defer testing.allocator.free(v);` dropped: ownership frees
        assert_eq!(v, b"abc123");
        let w = get_with_env(b"k=\\${TOKEN}", env, b"", b"k")?.unwrap();
        // zigport: `defer testing.allocator.free(w);` dropped: ownership frees
        assert_eq!(w, b"${TOKEN}");
        Ok(())
    }
    #[test]
    fn test_registry_for_and_auth_token_for() -> Result<(), Box<dyn std::error::Error>> {
        let npmrc = b"registry = https://registry.example.com\n@acme:registry=https://npm.acme.dev/\n//npm.acme.dev/:_authToken=secret";
        let r1 = registry_for(npmrc, b"@acme")?;
        // zigport: `defer gpa.free(r1);` dropped: ownership frees
        assert_eq!(r1, b"https://npm.acme.dev/");
        let r2 = registry_for(npmrc, b"other")?;
        // zigport: `defer gpa.free(r2);` dropped: ownership frees
        assert_eq!(r2, b"https://registry.example.com/");
        let r3 = registry_for(b"", b"@acme")?;
        // zigport: `defer gpa.free(r3);` dropped: ownership frees
        assert_eq!(r3, DEFAULT_REGISTRY);
        let t = auth_token_for(npmrc, b"https://npm.acme.dev")?.unwrap();
        // zigport: `defer gpa.free(t);` dropped: ownership frees
        assert_eq!(t, b"secret");
        assert!(auth_token_for(npmrc, b"https://registry.npmjs.org/")?.is_none());
        assert_eq!(registry_for(b"[bad", b""), Err(Error::UnterminatedSection));
        Ok(())
    }
}

// zigport: source ini.zig (542 lines); 32/32 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;

//! Ported from `semver.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    Invalid,
    InvalidRange,
    InvalidVersion,
    NumberTooLarge,
    OutOfMemory,
}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Error::Invalid => "Invalid",
            Error::InvalidRange => "InvalidRange",
            Error::InvalidVersion => "InvalidVersion",
            Error::NumberTooLarge => "NumberTooLarge",
            Error::OutOfMemory => "OutOfMemory",
        }
    }
}
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
impl std::error::Error for Error {}
/// Errors from parsing a version string.
pub type ParseError = Error;
// zigport: error set `RangeError` is this module's `Error`
/// npm rejects numeric components above JavaScript's `Number.MAX_SAFE_INTEGER`.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;
/// The numeric part of a parsed version plus flags for its qualifiers.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
    pub has_prerelease: bool,
    pub has_build: bool,
}
/// A fully parsed version whose qualifiers borrow from the source text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Full<'a> {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
    /// Dot-separated prerelease identifiers, empty when absent.
    pub pre: &'a [u8],
    /// Dot-separated build metadata, empty when absent (ignored by ordering).
    pub build: &'a [u8],
}
impl<'a> Full<'a> {
    fn init(major: u64, minor: u64, patch: u64, pre: &'a [u8]) -> Full<'a> {
        Full {
            major,
            minor,
            patch,
            pre,
            build: b"",
        }
    }
    fn to_version(self) -> Version {
        Version {
            major: self.major,
            minor: self.minor,
            patch: self.patch,
            has_prerelease: !self.pre.is_empty(),
            has_build: !self.build.is_empty(),
        }
    }
    fn same_tuple(self, b: Full<'a>) -> bool {
        ((self.major == b.major) && (self.minor == b.minor)) && (self.patch == b.patch)
    }
    /// Semver 2.0 precedence; build metadata does not participate.
    fn order(self, b: Full<'a>) -> core::cmp::Ordering {
        let main_order = match match Some(self.major.cmp(&b.major)).filter(|o| o.is_ne()) {
            Some(v) => Some(v),
            None => Some(self.minor.cmp(&b.minor)).filter(|o| o.is_ne()),
        } {
            Some(v) => v,
            None => self.patch.cmp(&b.patch),
        };
        if main_order != core::cmp::Ordering::Equal {
            return main_order;
        }
        compare_prerelease(self.pre, b.pre)
    }
}
const fn is_digit(c: u8) -> bool {
    (c >= b'0') && (c <= b'9')
}
fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || (c == b'-')
}
fn all_digits(s: &[u8]) -> bool {
    for c in s.iter().copied() {
        if !is_digit(c) {
            return false;
        }
    }
    !s.is_empty()
}
/// Compare two identifiers: numeric ones numerically and below alphanumerics.
fn compare_identifier(a: &[u8], b: &[u8]) -> core::cmp::Ordering {
    let a_num = all_digits(a);
    let b_num = all_digits(b);
    if a_num && b_num {
        let an = crate::zigport_rt::mem::trim_left(a, b"0");
        let bn = crate::zigport_rt::mem::trim_left(b, b"0");
        if an.len() != bn.len() {
            return an.len().cmp(&bn.len());
        }
        return an[..].cmp(bn);
    }
    if a_num {
        return core::cmp::Ordering::Less;
    }
    if b_num {
        return core::cmp::Ordering::Greater;
    }
    a[..].cmp(b)
}
/// A release sorts after any of its prereleases; otherwise compare field-wise.
fn compare_prerelease(a: &[u8], b: &[u8]) -> core::cmp::Ordering {
    if (a.is_empty()) && (b.is_empty()) {
        return core::cmp::Ordering::Equal;
    }
    if a.is_empty() {
        return core::cmp::Ordering::Greater;
    }
    if b.is_empty() {
        return core::cmp::Ordering::Less;
    }
    let mut it_a =
        crate::zigport_rt::split::split(a, crate::zigport_rt::split::Delimiter::Scalar(b'.'));
    let mut it_b =
        crate::zigport_rt::split::split(b, crate::zigport_rt::split::Delimiter::Scalar(b'.'));
    loop {
        let ida = it_a.next();
        let idb = it_b.next();
        if ida.is_none() && idb.is_none() {
            return core::cmp::Ordering::Equal;
        }
        if ida.is_none() {
            return core::cmp::Ordering::Less;
        }
        if idb.is_none() {
            return core::cmp::Ordering::Greater;
        }
        let o = compare_identifier(ida.unwrap(), idb.unwrap());
        if o != core::cmp::Ordering::Equal {
            return o;
        }
    }
}
/// Validate dot-separated identifiers; `strict_numeric` rejects `01`.
fn valid_identifiers(s: &[u8], strict_numeric: bool) -> bool {
    if s.is_empty() {
        return false;
    }
    let it = crate::zigport_rt::split::split(s, crate::zigport_rt::split::Delimiter::Scalar(b'.'));
    for id in it {
        if id.is_empty() {
            return false;
        }
        for c in id.iter().copied() {
            if !is_ident_char(c) {
                return false;
            }
        }
        if ((strict_numeric && (id.len() > 1)) && (id[0] == b'0')) && all_digits(id) {
            return false;
        }
    }
    true
}
/// A byte cursor over one version or partial-version token.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Cursor<'a> {
    pub text: &'a [u8],
    pub pos: usize,
}
impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        if self.pos < self.text.len() {
            Some(self.text[self.pos])
        } else {
            None
        }
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            return true;
        }
        false
    }
    fn rest(&self) -> &'a [u8] {
        &self.text[self.pos..]
    }
    /// `0 | [1-9][0-9]*`, bounded by `max_safe_integer`; null if no digit.
    fn number(&mut self) -> Result<Option<u64>, Error> {
        let start = self.pos;
        let mut value: u64 = 0;
        while let Some(c) = self.peek() {
            if !is_digit(c) {
                break;
            }
            if (self.pos - start) >= 17 {
                return Err(Error::NumberTooLarge);
            }
            value = (value * 10) + ((c - 48) as u64);
            self.pos += 1;
        }
        let len = self.pos - start;
        if len == 0 {
            return Ok(None);
        }
        if (len > 1) && (self.text[start] == b'0') {
            return Err(Error::Invalid);
        }
        if value > MAX_SAFE_INTEGER {
            return Err(Error::NumberTooLarge);
        }
        Ok(Some(value))
    }
    /// Split off `-pre` and `+build` qualifiers, validating both.
    fn qualifiers(&mut self, pre: &mut &'a [u8], build: &mut &'a [u8]) -> bool {
        let tail = self.rest();
        self.pos = self.text.len();
        if tail.is_empty() {
            return true;
        }
        let plus = match tail.iter().position(|&x| x == b'+') {
            Some(v) => v,
            None => tail.len(),
        };
        if tail[0] == b'-' {
            *pre = &tail[1..plus];
            if !valid_identifiers(pre, true) {
                return false;
            }
        } else {
            if plus != 0 {
                return false;
            }
        };
        if plus < tail.len() {
            *build = &tail[plus + 1..];
            if !valid_identifiers(build, false) {
                return false;
            }
        }
        true
    }
}
fn parse_full<'a>(text: &'a [u8]) -> Result<Full<'a>, Error> {
    let mut s = crate::zigport_rt::mem::trim(text, &[b' ', b'\t', b'\n', b'\r', 0x0B, 0x0C]);
    if (!s.is_empty()) && (s[0] == b'=') {
        s = &s[1..];
    }
    if (!s.is_empty()) && (s[0] == b'v') {
        s = &s[1..];
    }
    let mut cur: Cursor = Cursor { text: s, pos: 0 };
    let mut full: Full = Full {
        major: 0,
        minor: 0,
        patch: 0,
        pre: b"",
        build: b"",
    };
    // PERF(port): `parts` zero-initialised; Zig left it undefined
    let mut parts: [u64; 3] = [0; 3];
    for (i, part) in parts.iter_mut().enumerate() {
        if (i > 0) && (!cur.eat(b'.')) {
            return Err(Error::InvalidVersion);
        }
        let n = match cur.number() {
            Ok(v) => v,
            Err(err) => {
                return Err(match err {
                    Error::Invalid => Error::InvalidVersion,
                    Error::NumberTooLarge => Error::NumberTooLarge,
                    _ => unreachable!(),
                });
            }
        };
        *part = match n {
            Some(v) => v,
            None => return Err(Error::InvalidVersion),
        };
    }
    full.major = parts[0];
    full.minor = parts[1];
    full.patch = parts[2];
    if !cur.qualifiers(&mut full.pre, &mut full.build) {
        return Err(Error::InvalidVersion);
    }
    Ok(full)
}
/// Parse a version such as `v1.2.3-beta.1+build.5` (surrounding whitespace
/// and a leading `=` / `v` are accepted).
pub fn parse(text: &[u8]) -> Result<Version, Error> {
    Ok(parse_full(text)?.to_version())
}
/// Whether `text` parses as a version.
pub fn is_valid(text: &[u8]) -> bool {
    let _ = match parse_full(text) {
        Ok(v) => v,
        Err(_) => return false,
    };
    true
}
/// Semver precedence of `a` relative to `b`.
pub fn order(a: &[u8], b: &[u8]) -> Result<core::cmp::Ordering, Error> {
    let va = parse_full(a)?;
    let vb = parse_full(b)?;
    Ok(va.order(vb))
}
// ---------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    Lt,
    Lte,
    Gt,
    Gte,
    Eq,
}
impl Op {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::Lt => "lt",
            Self::Lte => "lte",
            Self::Gt => "gt",
            Self::Gte => "gte",
            Self::Eq => "eq",
        }
    }
}
impl Op {
    fn accepts(self, o: core::cmp::Ordering) -> bool {
        match self {
            Op::Lt => o == core::cmp::Ordering::Less,
            Op::Lte => o != core::cmp::Ordering::Greater,
            Op::Gt => o == core::cmp::Ordering::Greater,
            Op::Gte => o != core::cmp::Ordering::Less,
            Op::Eq => o == core::cmp::Ordering::Equal,
        }
    }
}
/// One desugared primitive comparator.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Comparator<'a> {
    #[default]
    /// Matches every version (`*`, `x`, empty).
    Any,
    /// Matches nothing (`>*`, `<x`).
    None,
    /// `op version`.
    Bound(ComparatorBound<'a>),
}
impl<'a> Comparator<'a> {
    fn bnd(op: Op, version: Full<'a>) -> Comparator<'a> {
        Comparator::Bound(ComparatorBound { op, version })
    }
    fn matches(self, v: Full<'a>) -> bool {
        match self {
            Comparator::Any => true,
            Comparator::None => false,
            Comparator::Bound(b) => b.op.accepts(v.order(b.version)),
        }
    }
    /// npm's prerelease gate: the comparator names a prerelease on v's tuple.
    fn admits_prerelease_of(self, v: Full<'a>) -> bool {
        match self {
            Comparator::Any | Comparator::None => false,
            Comparator::Bound(b) => (!b.version.pre.is_empty()) && b.version.same_tuple(v),
        }
    }
}
/// The operator in front of a partial version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Prefix {
    None,
    Eq,
    Lt,
    Lte,
    Gt,
    Gte,
    Tilde,
    Caret,
}
impl Prefix {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Eq => "eq",
            Self::Lt => "lt",
            Self::Lte => "lte",
            Self::Gt => "gt",
            Self::Gte => "gte",
            Self::Tilde => "tilde",
            Self::Caret => "caret",
        }
    }
}
impl Prefix {
    const TABLE: [(&[u8], Prefix); 8] = [
        (b"~>".as_slice(), Prefix::Tilde),
        (b">=".as_slice(), Prefix::Gte),
        (b"<=".as_slice(), Prefix::Lte),
        (b"~".as_slice(), Prefix::Tilde),
        (b"^".as_slice(), Prefix::Caret),
        (b">".as_slice(), Prefix::Gt),
        (b"<".as_slice(), Prefix::Lt),
        (b"=".as_slice(), Prefix::Eq),
    ];
    fn split(word: &[u8]) -> (Prefix, &[u8]) {
        for entry in Self::TABLE.iter() {
            if word.starts_with(entry.0) {
                return (entry.1, &word[entry.0.len()..]);
            }
        }
        (Prefix::None, word)
    }
}
/// `1`, `1.2`, `1.x`, `1.2.3-pre`: missing or wildcard parts are null.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Partial<'a> {
    pub major: Option<u64>,
    pub minor: Option<u64>,
    pub patch: Option<u64>,
    pub pre: &'a [u8],
    /// A number followed a wildcard (`1.x.3`): only `~`, `^` and hyphen
    /// ranges tolerate that, as in npm.
    pub number_after_wildcard: bool,
}
impl<'a> Partial<'a> {
    fn parse(text: &'a [u8]) -> Result<Partial<'a>, Error> {
        let mut s = text;
        while (!s.is_empty()) && ((s[0] == b'v') || (s[0] == b'=')) {
            s = &s[1..];
        }
        if s.is_empty() {
            return Err(Error::InvalidRange);
        }
        let mut cur: Cursor = Cursor { text: s, pos: 0 };
        let mut p: Partial = Partial {
            major: None,
            minor: None,
            patch: None,
            pre: b"",
            number_after_wildcard: false,
        };
        let slots = [&mut p.major, &mut p.minor, &mut p.patch];
        let mut wildcard = false;
        for (i, slot) in slots.into_iter().enumerate() {
            if (i > 0) && (!cur.eat(b'.')) {
                break;
            }
            if (cur.eat(b'x') || cur.eat(b'X')) || cur.eat(b'*') {
                wildcard = true;
                continue;
            }
            let n = match cur.number() {
                Ok(v) => v,
                Err(err) => {
                    return Err(match err {
                        Error::Invalid => Error::InvalidRange,
                        Error::NumberTooLarge => Error::NumberTooLarge,
                        _ => unreachable!(),
                    });
                }
            };
            let value = match n {
                Some(v) => v,
                None => return Err(Error::InvalidRange),
            };
            // Anything after a wildcard is itself a wildcard (`1.x.3` == `1.x`).
            if wildcard {
                p.number_after_wildcard = true;
            } else {
                *slot = Some(value);
            };
        }
        let mut build: &[u8] = b"";
        if cur.pos < s.len() {
            if p.patch.is_none() && (!wildcard) {
                return Err(Error::InvalidRange);
            }
            if crate::zigport_rt::mem::count(&s[0..cur.pos], b".") != 2 {
                return Err(Error::InvalidRange);
            }
            if !cur.qualifiers(&mut p.pre, &mut build) {
                return Err(Error::InvalidRange);
            }
            if p.patch.is_none() {
                p.pre = b"";
            }
        }
        Ok(p)
    }
    fn floor(self) -> Full<'a> {
        Full::init(
            self.major.unwrap_or(0),
            self.minor.unwrap_or(0),
            self.patch.unwrap_or(0),
            self.pre,
        )
    }
}
/// Up to two comparators produced by one range token.
#[derive(Debug, Clone, PartialEq)]
struct Desugared<'a> {
    pub items: [Comparator<'a>; 2],
    pub len: usize,
}
impl<'a> Desugared<'a> {
    fn of(list: &[Comparator<'a>]) -> Desugared<'a> {
        let mut d: Desugared = Desugared {
            items: [Default::default(); 2],
            len: 0,
        };
        for c in list.iter().copied() {
            d.items[d.len] = c;
            d.len += 1;
        }
        d
    }
    fn slice(&self) -> &[Comparator<'a>] {
        &self.items[0..self.len]
    }
}
/// The exclusive upper bound `M.m.p-0` used by npm for wildcard ceilings.
fn ceil(major: u64, minor: u64, patch: u64) -> Comparator<'static> {
    Comparator::bnd(Op::Lt, Full::init(major, minor, patch, b"0"))
}
/// `>=floor <ceiling` for the range a wildcard partial covers.
fn xrange<'a>(p: Partial<'a>) -> Desugared<'a> {
    let m = match p.major {
        Some(v) => v,
        None => return Desugared::of(&[Comparator::Any]),
    };
    let low = Comparator::bnd(Op::Gte, p.floor());
    if p.minor.is_none() {
        return Desugared::of(&[low, ceil(m + 1, 0, 0)]);
    }
    Desugared::of(&[low, ceil(m, p.minor.unwrap() + 1, 0)])
}
fn desugar<'a>(prefix: Prefix, p: Partial<'a>) -> Desugared<'a> {
    let any_x = p.patch.is_none();
    match prefix {
        Prefix::None | Prefix::Eq => {
            if any_x {
                return xrange(p);
            }
            Desugared::of(&[Comparator::bnd(Op::Eq, p.floor())])
        }
        Prefix::Tilde => {
            let big_m = match p.major {
                Some(v) => v,
                None => return Desugared::of(&[Comparator::Any]),
            };
            if p.minor.is_none() {
                return xrange(p);
            }
            Desugared::of(&[
                Comparator::bnd(Op::Gte, p.floor()),
                ceil(big_m, p.minor.unwrap() + 1, 0),
            ])
        }
        Prefix::Caret => {
            let big_m = match p.major {
                Some(v) => v,
                None => return Desugared::of(&[Comparator::Any]),
            };
            let m = match p.minor {
                Some(v) => v,
                None => return xrange(p),
            };
            let low = Comparator::bnd(Op::Gte, p.floor());
            if big_m != 0 {
                return Desugared::of(&[low, ceil(big_m + 1, 0, 0)]);
            }
            let patch = match p.patch {
                Some(v) => v,
                None => return Desugared::of(&[low, ceil(0, m + 1, 0)]),
            };
            if m != 0 {
                return Desugared::of(&[low, ceil(0, m + 1, 0)]);
            }
            Desugared::of(&[low, ceil(0, 0, patch + 1)])
        }
        Prefix::Gt | Prefix::Gte | Prefix::Lt | Prefix::Lte => {
            let op: Op = match prefix {
                Prefix::Gt => Op::Gt,
                Prefix::Gte => Op::Gte,
                Prefix::Lt => Op::Lt,
                _ => Op::Lte,
            };
            let big_m = match p.major {
                Some(v) => v,
                None => {
                    let everything = (op == Op::Gte) || (op == Op::Lte);
                    return Desugared::of(&[if everything {
                        Comparator::Any
                    } else {
                        Comparator::None
                    }]);
                }
            };
            if !any_x {
                return Desugared::of(&[Comparator::bnd(op, p.floor())]);
            }
            let m = p.minor;
            match op {
                Op::Gt => Desugared::of(&[Comparator::bnd(
                    Op::Gte,
                    if let Some(mm) = m {
                        Full::init(big_m, mm + 1, 0, b"")
                    } else {
                        Full::init(big_m + 1, 0, 0, b"")
                    },
                )]),
                Op::Gte => Desugared::of(&[Comparator::bnd(Op::Gte, p.floor())]),
                Op::Lte => Desugared::of(&[if let Some(mm) = m {
                    ceil(big_m, mm + 1, 0)
                } else {
                    ceil(big_m + 1, 0, 0)
                }]),
                Op::Lt => Desugared::of(&[ceil(big_m, m.unwrap_or(0), 0)]),
                Op::Eq => unreachable!(),
            }
        }
    }
}
/// `from - to`: inclusive on both ends, wildcards widening outward.
fn desugar_hyphen<'a>(from: Partial<'a>, to: Partial<'a>) -> Desugared<'a> {
    let mut d: Desugared = Desugared {
        items: [Default::default(); 2],
        len: 0,
    };
    if from.major.is_some() {
        d.items[d.len] = Comparator::bnd(Op::Gte, from.floor());
        d.len += 1;
    }
    if let Some(m) = to.major {
        d.items[d.len] = if let Some(minor) = to.minor {
            if to.patch.is_none() {
                ceil(m, minor + 1, 0)
            } else {
                Comparator::bnd(Op::Lte, to.floor())
            }
        } else {
            ceil(m + 1, 0, 0)
        };
        d.len += 1;
    }
    if d.len == 0 {
        return Desugared::of(&[Comparator::Any]);
    }
    d
}
/// Checks a version against comparators as they are parsed, for one
/// `||`-separated set at a time.
#[derive(Debug, Clone, Default, PartialEq)]
struct SetMatch<'a> {
    pub version: Option<Full<'a>>,
    pub all: bool,
    pub pre_allowed: bool,
    pub matched_any_set: bool,
}
impl<'a> SetMatch<'a> {
    // zigport: error set `Error` is this module's `Error`
    fn check(&mut self, comparators: &[Comparator]) {
        let v = match self.version {
            Some(v) => v,
            None => return,
        };
        for c in comparators.iter().copied() {
            if !c.matches(v) {
                self.all = false;
            }
            if c.admits_prerelease_of(v) {
                self.pre_allowed = true;
            }
        }
    }
    fn feed(&mut self, d: Desugared<'a>) -> Result<(), Error> {
        self.check(d.slice());
        Ok(())
    }
    fn end_set(&mut self) -> Result<(), Error> {
        if let Some(v) = self.version
            && self.all
            && ((v.pre.is_empty()) || self.pre_allowed)
        {
            self.matched_any_set = true;
        }
        self.all = true;
        self.pre_allowed = false;
        Ok(())
    }
}
/// A range compiled once into a flat comparator list, for matching many
/// versions.
#[derive(Debug, Clone, Default, PartialEq)]
struct Range<'a> {
    pub comparators: Vec<Comparator<'a>>,
    /// End offset into `comparators` of each set.
    pub set_ends: Vec<usize>,
}
impl<'a> Range<'a> {
    // zigport: error set `Error` is this module's `Error`
    fn parse(text: &'a [u8]) -> Result<Range<'a>, Error> {
        let mut range: Range = Range {
            comparators: Vec::new(),
            set_ends: Vec::new(),
        };
        // zigport: `errdefer range.deinit();` dropped: ownership frees
        parse_range_range(text, &mut range)?;
        Ok(range)
    }
    #[allow(dead_code)]
    fn deinit(&mut self) {
        // zigport: `self.comparators.deinit(self.gpa)` has nothing to do in Rust
        // zigport: `self.set_ends.deinit(self.gpa)` has nothing to do in Rust
    }
    fn feed(&mut self, d: Desugared<'a>) -> Result<(), Error> {
        self.comparators.extend_from_slice(d.slice());
        Ok(())
    }
    fn end_set(&mut self) -> Result<(), Error> {
        self.set_ends.push(self.comparators.len());
        Ok(())
    }
    fn matches(&self, v: Full<'a>) -> bool {
        let mut begin: usize = 0;
        for end in self.set_ends.iter().copied() {
            let mut state: SetMatch = SetMatch {
                version: Some(v),
                all: true,
                pre_allowed: false,
                matched_any_set: false,
            };
            state.check(&self.comparators[begin..end]);
            state.end_set().unwrap();
            if state.matched_any_set {
                return true;
            }
            begin = end;
        }
        false
    }
}
const WHITESPACE: &[u8] = b" \t\r\n";
/// Parse one comparator set, handing each desugared token to `sink`.
fn parse_set_range<'a>(set: &'a [u8], sink: &mut Range<'a>) -> Result<(), Error> {
    let mut words = crate::zigport_rt::split::tokenize(
        set,
        crate::zigport_rt::split::Delimiter::Any(WHITESPACE),
    );
    // Hyphen ranges are exactly three words with a lone `-` in the middle.
    let mut count: usize = 0;
    let mut second_is_dash = false;
    for w in words.by_ref() {
        {
            if count == 1 {
                second_is_dash = w == b"-";
            }
        }
        count += 1;
    }
    words.reset();
    if (count == 3) && second_is_dash {
        let from = Partial::parse(words.next().unwrap())?;
        let _ = words.next();
        let to = Partial::parse(words.next().unwrap())?;
        sink.feed(desugar_hyphen(from, to))?;
        return sink.end_set();
    }
    while let Some(word) = words.next() {
        let (prefix, mut rest) = Prefix::split(word);
        if (rest.is_empty()) && (prefix != Prefix::None) {
            rest = match words.next() {
                Some(v) => v,
                None => return Err(Error::InvalidRange),
            };
        }
        let partial = Partial::parse(rest)?;
        if (partial.number_after_wildcard && (prefix != Prefix::Tilde)) && (prefix != Prefix::Caret)
        {
            return Err(Error::InvalidRange);
        }
        sink.feed(desugar(prefix, partial))?;
    }
    sink.end_set()
}
/// Parse one comparator set, handing each desugared token to `sink`.
fn parse_set_set_match<'a>(set: &'a [u8], sink: &mut SetMatch<'a>) -> Result<(), Error> {
    let mut words = crate::zigport_rt::split::tokenize(
        set,
        crate::zigport_rt::split::Delimiter::Any(WHITESPACE),
    );
    let mut count: usize = 0;
    let mut second_is_dash = false;
    for w in words.by_ref() {
        {
            if count == 1 {
                second_is_dash = w == b"-";
            }
        }
        count += 1;
    }
    words.reset();
    if (count == 3) && second_is_dash {
        let from = Partial::parse(words.next().unwrap())?;
        let _ = words.next();
        let to = Partial::parse(words.next().unwrap())?;
        sink.feed(desugar_hyphen(from, to))?;
        return sink.end_set();
    }
    while let Some(word) = words.next() {
        let (prefix, mut rest) = Prefix::split(word);
        if (rest.is_empty()) && (prefix != Prefix::None) {
            rest = match words.next() {
                Some(v) => v,
                None => return Err(Error::InvalidRange),
            };
        }
        let partial = Partial::parse(rest)?;
        if (partial.number_after_wildcard && (prefix != Prefix::Tilde)) && (prefix != Prefix::Caret)
        {
            return Err(Error::InvalidRange);
        }
        sink.feed(desugar(prefix, partial))?;
    }
    sink.end_set()
}
/// Parse every `||`-separated set of `range` into `sink`.
fn parse_range_range<'a>(range: &'a [u8], sink: &mut Range<'a>) -> Result<(), Error> {
    let sets = crate::zigport_rt::split::split(
        range,
        crate::zigport_rt::split::Delimiter::Sequence(b"||"),
    );
    for set in sets {
        parse_set_range(set, sink)?
    }
    Ok(())
}
/// Parse every `||`-separated set of `range` into `sink`.
fn parse_range_set_match<'a>(range: &'a [u8], sink: &mut SetMatch<'a>) -> Result<(), Error> {
    let sets = crate::zigport_rt::split::split(
        range,
        crate::zigport_rt::split::Delimiter::Sequence(b"||"),
    );
    for set in sets {
        parse_set_set_match(set, sink)?
    }
    Ok(())
}
/// Whether `version` satisfies the npm range `range`. Invalid versions and
/// invalid ranges never satisfy.
pub fn satisfies(version: &[u8], range: &[u8]) -> bool {
    let v = match parse_full(version) {
        Ok(v) => v,
        Err(_) => return false,
    };
    let mut state: SetMatch = SetMatch {
        version: Some(v),
        all: true,
        pre_allowed: false,
        matched_any_set: false,
    };
    match parse_range_set_match(range, &mut state) {
        Ok(v) => v,
        Err(_) => return false,
    };
    state.matched_any_set
}
/// Whether `range` is a syntactically valid npm range.
pub fn valid_range(range: &[u8]) -> bool {
    let mut state: SetMatch = SetMatch {
        version: None,
        all: true,
        pre_allowed: false,
        matched_any_set: false,
    };
    match parse_range_set_match(range, &mut state) {
        Ok(v) => v,
        Err(_) => return false,
    };
    true
}
/// Index of the highest version in the comma/whitespace-separated `versions`
/// list that satisfies `range`, or null (also for an invalid range).
/// Unparsable entries are skipped but still counted.
pub fn max_satisfying_index(versions: &[u8], range: &[u8]) -> Result<Option<usize>, Error> {
    let compiled = match Range::parse(range) {
        Ok(v) => v,
        Err(err) => match err {
            Error::OutOfMemory => return Err(Error::OutOfMemory),
            Error::InvalidRange | Error::NumberTooLarge => return Ok(None),
            _ => unreachable!(),
        },
    };
    // zigport: `defer compiled.deinit();` dropped: ownership frees
    let mut best: Option<MaxSatisfyingIndexBest> = None;
    let it = crate::zigport_rt::split::tokenize(
        versions,
        crate::zigport_rt::split::Delimiter::Any(b", \t\r\n"),
    );
    for (index, text) in it.enumerate() {
        let v = match parse_full(text) {
            Ok(v) => v,
            Err(_) => continue,
        };
        if !compiled.matches(v) {
            continue;
        }
        if best.is_none() || (v.order(best.unwrap().version) == core::cmp::Ordering::Greater) {
            best = Some(MaxSatisfyingIndexBest { index, version: v });
        }
    }
    if let Some(b) = best {
        Ok(Some(b.index))
    } else {
        Ok(None)
    }
}
// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MaxSatisfyingIndexBest<'a> {
    pub index: usize,
    pub version: Full<'a>,
}
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ComparatorBound<'a> {
    pub op: Op,
    pub version: Full<'a>,
}
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_parse_versions() -> Result<(), Box<dyn std::error::Error>> {
        let v = parse(b"1.2.3-beta.1+build.5")?;
        assert_eq!(v.major, 1_u64);
        assert_eq!(v.minor, 2_u64);
        assert_eq!(v.patch, 3_u64);
        assert!(v.has_prerelease);
        assert!(v.has_build);
        assert_eq!(
            parse(b"  v10.0.7 ")?,
            Version {
                major: 10,
                minor: 0,
                patch: 7,
                has_prerelease: false,
                has_build: false
            }
        );
        assert_eq!(
            parse(b"=0.0.0")?,
            Version {
                major: 0,
                minor: 0,
                patch: 0,
                has_prerelease: false,
                has_build: false
            }
        );
        assert_eq!(
            parse(b"1.0.0+20130313144700")?,
            Version {
                major: 1,
                minor: 0,
                patch: 0,
                has_prerelease: false,
                has_build: true
            }
        );
        Ok(())
    }
    #[test]
    fn test_parse_rejects_invalid_versions() -> Result<(), Box<dyn std::error::Error>> {
        let bad = [
            b"".as_slice(),
            b"1".as_slice(),
            b"1.2".as_slice(),
            b"1.2.3.4".as_slice(),
            b"01.2.3".as_slice(),
            b"1.02.3".as_slice(),
            b"1.2.3-".as_slice(),
            b"1.2.3-01".as_slice(),
            b"1.2.3+".as_slice(),
            b"1.2.3-a..b".as_slice(),
            b"a.b.c".as_slice(),
            b"1.2.3beta".as_slice(),
            b"v".as_slice(),
            b"1.2.3-beta_1".as_slice(),
            b"-1.2.3".as_slice(),
        ];
        for text in bad.iter().copied() {
            assert_eq!(parse(text), Err(Error::InvalidVersion))
        }
        assert_eq!(parse(b"9007199254740992.0.0"), Err(Error::NumberTooLarge));
        assert_eq!(
            parse(b"1.99999999999999999999.0"),
            Err(Error::NumberTooLarge)
        );
        let _ = parse(b"9007199254740991.0.0")?;
        assert!(is_valid(b"1.2.3-0a.01a+001"));
        assert!(!is_valid(b"1.2.3-00"));
        Ok(())
    }
    #[test]
    fn test_order_follows_semver_precedence() -> Result<(), Box<dyn std::error::Error>> {
        let chain = [
            b"1.0.0-alpha".as_slice(),
            b"1.0.0-alpha.1".as_slice(),
            b"1.0.0-alpha.beta".as_slice(),
            b"1.0.0-beta".as_slice(),
            b"1.0.0-beta.2".as_slice(),
            b"1.0.0-beta.11".as_slice(),
            b"1.0.0-rc.1".as_slice(),
            b"1.0.0".as_slice(),
            b"1.0.1".as_slice(),
            b"1.1.0".as_slice(),
            b"2.0.0".as_slice(),
            b"10.0.0".as_slice(),
        ];
        {
            assert_eq!(&chain[0..chain.len() - 1].len(), &chain[1..].len());
            for (lo, hi) in chain[0..chain.len() - 1]
                .iter()
                .copied()
                .zip(chain[1..].iter().copied())
            {
                assert_eq!(order(lo, hi)?, core::cmp::Ordering::Less);
                assert_eq!(order(hi, lo)?, core::cmp::Ordering::Greater);
            }
        };
        assert_eq!(order(b"1.2.3+a", b"v1.2.3+b")?, core::cmp::Ordering::Equal);
        assert_eq!(order(b"1.0.0-2", b"1.0.0-10")?, core::cmp::Ordering::Less);
        assert_eq!(order(b"1.2", b"1.2.3"), Err(Error::InvalidVersion));
        Ok(())
    }
    #[test]
    fn test_caret_and_tilde_ranges() {
        assert!(satisfies(b"1.2.3", b"^1.2.3"));
        assert!(satisfies(b"1.9.9", b"^1.2.3"));
        assert!(!satisfies(b"2.0.0", b"^1.2.3"));
        assert!(!satisfies(b"1.2.2", b"^1.2.3"));
        assert!(satisfies(b"0.2.5", b"^0.2.3"));
        assert!(!satisfies(b"0.3.0", b"^0.2.3"));
        assert!(satisfies(b"0.0.3", b"^0.0.3"));
        assert!(!satisfies(b"0.0.4", b"^0.0.3"));
        assert!(satisfies(b"0.0.9", b"^0.0"));
        assert!(!satisfies(b"0.1.0", b"^0.0.x"));
        assert!(satisfies(b"0.9.0", b"^0.x"));
        assert!(satisfies(b"1.2.9", b"~1.2.3"));
        assert!(!satisfies(b"1.3.0", b"~1.2.3"));
        assert!(satisfies(b"1.9.0", b"~1"));
        assert!(satisfies(b"1.2.0", b"~>1.2"));
        assert!(satisfies(b"1.2.4", b"~ 1.2"));
        assert!(satisfies(b"3.0.0", b"^*"));
    }
    #[test]
    fn test_x_ranges_primitives_and_partials() {
        assert!(satisfies(b"1.5.0", b"1.x"));
        assert!(satisfies(b"1.5.0", b"1"));
        assert!(!satisfies(b"2.0.0", b"1.X"));
        assert!(satisfies(b"1.2.7", b"1.2.*"));
        assert!(satisfies(b"42.0.0", b"*"));
        assert!(satisfies(b"42.0.0", b""));
        assert!(satisfies(b"2.0.0", b">1"));
        assert!(!satisfies(b"1.9.0", b">1"));
        assert!(satisfies(b"1.3.0", b">1.2"));
        assert!(!satisfies(b"1.2.9", b">1.2"));
        assert!(satisfies(b"1.2.9", b"<=1.2"));
        assert!(!satisfies(b"1.3.0", b"<=1.2"));
        assert!(!satisfies(b"1.2.0", b"<1.2"));
        assert!(satisfies(b"1.5.0", b">= 1.2.3 < 2.0.0"));
        assert!(!satisfies(b"0.0.0", b">*"));
        assert!(satisfies(b"0.0.0", b">=*"));
        assert!(satisfies(b"1.2.3", b"=1.2.3"));
        assert!(satisfies(b"1.2.3", b"v1.2.3"));
        assert!(!satisfies(b"1.2.4", b"1.2.3"));
    }
    #[test]
    fn test_hyphen_ranges_and_unions() {
        assert!(satisfies(b"1.2.3", b"1.2.3 - 2.3.4"));
        assert!(satisfies(b"2.3.4", b"1.2.3 - 2.3.4"));
        assert!(!satisfies(b"2.3.5", b"1.2.3 - 2.3.4"));
        assert!(satisfies(b"2.3.9", b"1.2 - 2.3"));
        assert!(!satisfies(b"2.4.0", b"1.2 - 2.3"));
        assert!(satisfies(b"2.9.9", b"1.2.3 - 2"));
        assert!(satisfies(b"0.0.1", b"* - 2"));
        assert!(satisfies(b"3.1.0", b"1.x || >=3.0.0 <4.0.0"));
        assert!(satisfies(b"1.4.0", b"1.x || >=3.0.0 <4.0.0"));
        assert!(!satisfies(b"2.4.0", b"1.x || >=3.0.0 <4.0.0"));
        assert!(satisfies(b"2.4.0", b"1.x ||"));
    }
    #[test]
    fn test_prerelease_handling_like_npm() {
        assert!(satisfies(b"1.2.3-beta.2", b">=1.2.3-beta.1"));
        assert!(!satisfies(b"1.2.4-beta.2", b">=1.2.3-beta.1"));
        assert!(satisfies(b"1.2.4", b">=1.2.3-beta.1"));
        assert!(!satisfies(b"1.0.0-beta", b"*"));
        assert!(!satisfies(b"2.0.0-alpha", b"^1.0.0"));
        assert!(satisfies(b"1.2.3-rc.1", b"~1.2.3-beta.2"));
        assert!(!satisfies(b"1.2.3-alpha", b"~1.2.3-beta.2"));
        assert!(satisfies(b"1.2.3-pre", b"1.2.3-pre - 1.2.4"));
        assert!(!satisfies(b"1.0.0-rc.1", b"1.0.0"));
    }
    #[test]
    fn test_invalid_ranges() {
        let bad = [
            b">=".as_slice(),
            b"1.2.3 -".as_slice(),
            b"- 1.2.3".as_slice(),
            b"1.2.3 - 2.0.0 - 3".as_slice(),
            b"01.2".as_slice(),
            b"1.2.3-".as_slice(),
            b"foo".as_slice(),
            b">=1.2.3<2".as_slice(),
            b"1.2-beta".as_slice(),
            b"1 | 2".as_slice(),
            b"^^1".as_slice(),
        ];
        for range in bad.iter().copied() {
            assert!(!valid_range(range));
            assert!(!satisfies(b"1.2.3", range));
        }
        assert!(valid_range(b">=1.2.3 <2.0.0-0 || ~3.1"));
        assert!(valid_range(b"1.2.x-beta"));
        assert!(!valid_range(b"1.x.3"));
        assert!(!valid_range(b">=*.1"));
        assert!(satisfies(b"1.9.0", b"~1.x.3"));
        assert!(satisfies(b"1.0.0", b"1 - x.1"));
        assert!(!satisfies(b"not-a-version", b"*"));
    }
    #[test]
    fn test_max_satisfying_index_picks_the_highest_match() -> Result<(), Box<dyn std::error::Error>>
    {
        assert_eq!(
            max_satisfying_index(b"1.2.3, 1.2.4, 1.3.0, 2.0.0", b"^1.2.3")?,
            Some(2)
        );
        assert_eq!(
            max_satisfying_index(b"1.0.0 1.1.0 bogus 1.0.5", b"~1.0 || 1.1.0")?,
            Some(1)
        );
        assert_eq!(
            max_satisfying_index(
                b"1.0.0-rc.1 2.0.0-beta 1.0.0 1.0.1-alpha",
                b"^1.0.0-rc.1 || ~1.0.1-0"
            )?,
            Some(3)
        );
        assert_eq!(max_satisfying_index(b"0.1.0,0.2.0", b">=1")?, None);
        assert_eq!(max_satisfying_index(b"1.0.0", b"<<")?, None);
        assert_eq!(max_satisfying_index(b"", b"*")?, None);
        Ok(())
    }
}

// zigport: source semver.zig (735 lines); 56/56 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;

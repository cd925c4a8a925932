//! Ported from `glob.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    TooComplex,
}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {
            Error::TooComplex => "TooComplex",
        }
    }
}
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
impl std::error::Error for Error {}
/// Longest pattern (after stripping negation) that `match` accepts; longer
/// patterns never match.
pub const MAX_PATTERN_LEN: usize = 1024;
/// Deepest `{...}` nesting that `match` accepts.
pub const MAX_GROUP_DEPTH: usize = 32;
// zigport: error set `CompileError` is this module's `Error`
/// A character class `[...]`: `body` is the text between the brackets after
/// the optional `!`/`^`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Class<'a> {
    pub body: &'a [u8],
    pub negated: bool,
}
impl<'a> Class<'a> {
    /// Read one (possibly escaped) byte of the class body at `j.*`.
    fn take(body: &[u8], j: &mut usize) -> u8 {
        if (body[*j] == b'\\') && (((*j) + 1) < body.len()) {
            *j += 1;
        }
        let c = body[*j];
        *j += 1;
        c
    }
    fn contains(self, c: u8) -> bool {
        if c == b'/' {
            return false;
        }
        let mut found = false;
        let mut j: usize = 0;
        while j < self.body.len() {
            let lo = Self::take(self.body, &mut j);
            let mut hi = lo;
            if ((j + 1) < self.body.len()) && (self.body[j] == b'-') {
                j += 1;
                hi = Self::take(self.body, &mut j);
            }
            if (c >= lo) && (c <= hi) {
                found = true;
            }
        }
        found != self.negated
    }
}
/// What a consuming instruction accepts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Pred<'a> {
    Byte(u8),
    #[default]
    NotSlash,
    Any,
    Class(Class<'a>),
}
impl<'a> Pred<'a> {
    fn accepts(self, c: u8) -> bool {
        match self {
            Pred::Byte(b) => b == c,
            Pred::NotSlash => c != b'/',
            Pred::Any => true,
            Pred::Class(cls) => cls.contains(c),
        }
    }
}
/// One instruction of the compiled program.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Op<'a> {
    /// Consume one byte matching the predicate, then continue at the next op.
    One(Pred<'a>),
    /// Consume one byte matching the predicate and stay; or skip ahead.
    Many(Pred<'a>),
    /// Continue at both the next op and `target`.
    Split(u32),
    /// Continue at `target`.
    Jump(u32),
}
impl<'a> Default for Op<'a> {
    fn default() -> Self {
        Op::One(Default::default())
    }
}
/// Enough room for the worst case of two instructions per pattern byte.
#[derive(Debug, Clone, PartialEq)]
struct MatchProgram<'a> {
    pub ops: [Op<'a>; (2 * MAX_PATTERN_LEN) + 2],
    pub len: u32,
}
impl<'a> MatchProgram<'a> {
    const NONE: u32 = u32::MAX;
    /// Room for every seed plus two pushes per newly reached state.
    const WORK_CAPACITY: usize = 3 * (((2 * MAX_PATTERN_LEN) + 2) + 1);
    fn emit(&mut self, op: Op<'a>) -> Result<u32, Error> {
        if (self.len as usize) >= ((2 * MAX_PATTERN_LEN) + 2) {
            return Err(Error::TooComplex);
        }
        self.ops[self.len as usize] = op;
        self.len += 1;
        Ok(self.len - 1)
    }
    fn is_start_boundary(p: &[u8], i: usize) -> bool {
        (i == 0) || (matches!(p[i - 1], b'/' | b'{' | b','))
    }
    fn is_end_boundary(p: &[u8], i: usize, in_group: bool) -> bool {
        (i == p.len()) || (in_group && ((p[i] == b',') || (p[i] == b'}')))
    }
    /// Find the `}` matching the `{` at `open`, honouring escapes.
    fn find_close(p: &[u8], open: usize) -> Option<usize> {
        let mut depth: usize = 0;
        let mut i = open;
        while i < p.len() {
            {
                match p[i] {
                    b'\\' => {
                        i += 1;
                    }
                    b'{' => {
                        depth += 1;
                    }
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i);
                        }
                    }
                    _ => {}
                };
            }
            i += 1;
        }
        None
    }
    /// Find the `]` closing a class opened at `open`, before `limit`.
    fn find_class_end(p: &[u8], open: usize, limit: usize) -> Option<FindClassEndResult> {
        let mut j = open + 1;
        let mut negated = false;
        if (j < limit) && ((p[j] == b'!') || (p[j] == b'^')) {
            negated = true;
            j += 1;
        }
        let body_start = j;
        if (j < limit) && (p[j] == b']') {
            j += 1;
        }
        while j < limit {
            {
                match p[j] {
                    b'\\' => {
                        j += 1;
                    }
                    b']' => {
                        return Some(FindClassEndResult {
                            body_start,
                            end: j,
                            negated,
                        });
                    }
                    _ => {}
                };
            }
            j += 1;
        }
        None
    }
    fn compile(&mut self, p: &'a [u8]) -> Result<(), Error> {
        self.len = 0;
        // PERF(port): `groups` default-initialised; Zig left it undefined
        let mut groups: [MatchProgramGroup; MAX_GROUP_DEPTH] =
            [Default::default(); MAX_GROUP_DEPTH];
        let mut depth: usize = 0;
        let mut i: usize = 0;
        while i < p.len() {
            let limit = if depth > 0 {
                groups[depth - 1].close
            } else {
                p.len()
            };
            if (depth > 0) && (i == limit) {
                let g = &mut groups[depth - 1];
                self.ops[g.split_at as usize] = Op::Split(g.split_at + 1);
                let mut link = g.jumps;
                while link != Self::NONE {
                    let prev = match self.ops[link as usize] {
                        Op::Jump(payload) => payload,
                        _ => {
                            panic!("access of union field 'jump' while another field is active")
                        }
                    };
                    self.ops[link as usize] = Op::Jump(self.len);
                    link = prev;
                }
                depth -= 1;
                i += 1;
                continue;
            }
            let c = p[i];
            match c {
                b'\\' => {
                    let lit = if (i + 1) < p.len() { p[i + 1] } else { b'\\' };
                    let _ = self.emit(Op::One(Pred::Byte(lit)))?;
                    i += 2;
                }
                b',' => {
                    if depth > 0 {
                        let g = &mut groups[depth - 1];
                        g.jumps = self.emit(Op::Jump(g.jumps))?;
                        self.ops[g.split_at as usize] = Op::Split(self.len);
                        g.split_at = self.emit(Op::Split(Self::NONE))?;
                        i += 1;
                    } else {
                        let _ = self.emit(Op::One(Pred::Byte(b',')))?;
                        i += 1;
                    }
                }
                b'{' => {
                    if let Some(close) = Self::find_close(p, i) {
                        if depth == MAX_GROUP_DEPTH {
                            return Err(Error::TooComplex);
                        }
                        groups[depth] = MatchProgramGroup {
                            close,
                            split_at: self.emit(Op::Split(Self::NONE))?,
                            jumps: Self::NONE,
                        };
                        depth += 1;
                        i += 1;
                    } else {
                        let _ = self.emit(Op::One(Pred::Byte(b'{')))?;
                        i += 1;
                    }
                }
                b'[' => {
                    if let Some(cls) = Self::find_class_end(p, i, limit) {
                        let _ = self.emit(Op::One(Pred::Class(Class {
                            body: &p[cls.body_start..cls.end],
                            negated: cls.negated,
                        })))?;
                        i = cls.end + 1;
                    } else {
                        let _ = self.emit(Op::One(Pred::Byte(b'[')))?;
                        i += 1;
                    }
                }
                b'?' => {
                    let _ = self.emit(Op::One(Pred::NotSlash))?;
                    i += 1;
                }
                b'*' => {
                    let mut end = i;
                    while (end < limit) && (p[end] == b'*') {
                        end += 1;
                    }
                    let globstar = ((end - i) >= 2) && Self::is_start_boundary(p, i);
                    if (globstar && (end < limit)) && (p[end] == b'/') {
                        let guard = self.emit(Op::Split(Self::NONE))?;
                        let _ = self.emit(Op::Many(Pred::Any))?;
                        let _ = self.emit(Op::One(Pred::Byte(b'/')))?;
                        self.ops[guard as usize] = Op::Split(self.len);
                        i = end + 1;
                    } else {
                        let whole = globstar && Self::is_end_boundary(p, end, depth > 0);
                        let _ =
                            self.emit(Op::Many(if whole { Pred::Any } else { Pred::NotSlash }))?;
                        i = end;
                    };
                }
                b'/' => {
                    let tail = i + 3;
                    if ((tail <= limit) && (&p[i + 1..tail] == b"**"))
                        && Self::is_end_boundary(p, tail, depth > 0)
                    {
                        let guard = self.emit(Op::Split(Self::NONE))?;
                        let _ = self.emit(Op::One(Pred::Byte(b'/')))?;
                        let _ = self.emit(Op::Many(Pred::Any))?;
                        self.ops[guard as usize] = Op::Split(self.len);
                        i = tail;
                    } else {
                        let _ = self.emit(Op::One(Pred::Byte(b'/')))?;
                        i += 1;
                    };
                }
                _ => {
                    let _ = self.emit(Op::One(Pred::Byte(c)))?;
                    i += 1;
                }
            };
        }
        if depth != 0 {
            return Err(Error::TooComplex);
        }
        Ok(())
    }
    /// Add the `seeds` states on top of `work` and everything reachable
    /// from them without consuming input to `set`.
    fn closure(
        &self,
        set: &mut crate::zigport_rt::bitset::StaticBitSet<
            { ((2 * MAX_PATTERN_LEN) + 2) + 1 },
            { usize::div_ceil(((2 * MAX_PATTERN_LEN) + 2) + 1, 64) },
        >,
        work: &mut [u32; MatchProgram::WORK_CAPACITY],
        seeds: usize,
    ) {
        let ops = self.program();
        let mut top = seeds;
        while top > 0 {
            top -= 1;
            let s = work[top];
            if set.is_set(s as usize) {
                continue;
            }
            set.set(s as usize);
            if s == self.len {
                continue;
            }
            match ops[s as usize] {
                Op::One(..) => {}
                Op::Many(..) => {
                    work[top] = s + 1;
                    top += 1;
                }
                Op::Split(target) => {
                    work[top] = target;
                    work[top + 1] = s + 1;
                    top += 2;
                }
                Op::Jump(target) => {
                    work[top] = target;
                    top += 1;
                }
            };
        }
    }
    /// The compiled instructions (borrowed, so indexing never copies the array).
    fn program(&self) -> &[Op<'a>] {
        &self.ops[0..self.len as usize]
    }
    fn run(&self, path: &[u8]) -> bool {
        let ops = self.program();
        // PERF(port): `work` zero-initialised; Zig left it undefined
        let mut work: [u32; MatchProgram::WORK_CAPACITY] = [0; MatchProgram::WORK_CAPACITY];
        let mut current = <crate::zigport_rt::bitset::StaticBitSet<
            { ((2 * MAX_PATTERN_LEN) + 2) + 1 },
            { usize::div_ceil(((2 * MAX_PATTERN_LEN) + 2) + 1, 64) },
        >>::init_empty();
        work[0] = 0;
        self.closure(&mut current, &mut work, 1);
        for c in path.iter().copied() {
            let mut seeds: usize = 0;
            let it = current.iterator();
            for index in it {
                let s: u32 = u32::try_from(index).unwrap();
                if s == self.len {
                    continue;
                }
                let target = match ops[s as usize] {
                    Op::One(pred) => {
                        if pred.accepts(c) {
                            s + 1
                        } else {
                            continue;
                        }
                    }
                    Op::Many(pred) => {
                        if pred.accepts(c) {
                            s
                        } else {
                            continue;
                        }
                    }
                    Op::Split(..) | Op::Jump(..) => continue,
                };
                work[seeds] = target;
                seeds += 1;
            }
            if seeds == 0 {
                return false;
            }
            current = <crate::zigport_rt::bitset::StaticBitSet<
                { ((2 * MAX_PATTERN_LEN) + 2) + 1 },
                { usize::div_ceil(((2 * MAX_PATTERN_LEN) + 2) + 1, 64) },
            >>::init_empty();
            self.closure(&mut current, &mut work, seeds);
        }
        current.is_set(self.len as usize)
    }
}
/// Strip leading `!`s, reporting whether an odd number was present.
fn split_negation(pattern: &[u8]) -> (bool, &[u8]) {
    let mut p = pattern;
    let mut negated = false;
    while (!p.is_empty()) && (p[0] == b'!') {
        negated = !negated;
        p = &p[1..];
    }
    (negated, p)
}
/// Whether `path` matches the glob `pattern`.
pub fn r#match(pattern: &[u8], path: &[u8]) -> bool {
    let (negated, body) = split_negation(pattern);
    if body.len() > MAX_PATTERN_LEN {
        return false;
    }
    let mut program: MatchProgram = MatchProgram {
        ops: [Default::default(); ((2 * MAX_PATTERN_LEN) + 2)],
        len: 0,
    };
    match program.compile(body) {
        Ok(v) => v,
        Err(_) => return false,
    };
    program.run(path) != negated
}
/// Whether `pattern` uses any glob syntax (as opposed to naming one path).
pub fn has_magic(pattern: &[u8]) -> bool {
    if (!pattern.is_empty()) && (pattern[0] == b'!') {
        return true;
    }
    // An unescaped `{` followed anywhere by an unescaped `}` means some pair
    // (the innermost) matches, so one linear pass suffices.
    let mut saw_open_brace = false;
    // Once a class fails to close, every later one fails too (they scan a
    // suffix of the same text), so stop looking.
    let mut classes_possible = true;
    let mut i: usize = 0;
    while i < pattern.len() {
        {
            match pattern[i] {
                b'\\' => {
                    i += 1;
                }
                b'*' | b'?' => return true,
                b'[' if classes_possible => {
                    if MatchProgram::find_class_end(pattern, i, pattern.len()).is_some() {
                        return true;
                    }
                    classes_possible = false;
                }
                b'{' => {
                    saw_open_brace = true;
                }
                b'}' if saw_open_brace => {
                    return true;
                }
                _ => {}
            };
        }
        i += 1;
    }
    false
}
/// The leading directory segments of `pattern` that contain no glob syntax
/// (where a directory walk would start), e.g. `src/lib` for `src/lib/**/*.ts`.
pub fn literal_prefix(pattern: &[u8]) -> &[u8] {
    if (!pattern.is_empty()) && (pattern[0] == b'!') {
        return b"";
    }
    let mut last_slash: Option<usize> = None;
    let mut i: usize = 0;
    'zigport_while_else1: {
        while i < pattern.len() {
            {
                match pattern[i] {
                    b'\\' | b'*' | b'?' | b'[' | b'{' => break 'zigport_while_else1,
                    b'/' => {
                        last_slash = Some(i);
                    }
                    _ => {}
                };
            }
            i += 1;
        }
        return pattern;
    };
    let end = match last_slash {
        Some(v) => v,
        None => return b"",
    };
    &pattern[0..if end == 0 { 1 } else { end }]
}
// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MatchProgramGroup {
    pub close: usize,
    /// The split guarding the current alternative.
    pub split_at: u32,
    /// Head of the linked list of `jump`s to the group end.
    pub jumps: u32,
}
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FindClassEndResult {
    pub body_start: usize,
    pub end: usize,
    pub negated: bool,
}
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_stars_and_question_marks() {
        assert!(r#match(b"*.js", b"index.js"));
        assert!(!r#match(b"*.js", b"src/index.js"));
        assert!(r#match(b"src/*.ts", b"src/main.ts"));
        assert!(r#match(b"*", b""));
        assert!(r#match(b"a*b*c", b"aXXbYYc"));
        assert!(!r#match(b"a*b*c", b"aXXbYY"));
        assert!(r#match(b"?.txt", b"a.txt"));
        assert!(!r#match(b"?.txt", b"ab.txt"));
        assert!(!r#match(b"a?b", b"a/b"));
        assert!(r#match(b"a**b", b"aXYb"));
        assert!(!r#match(b"a**b", b"a/b"));
        assert!(r#match(b"", b""));
        assert!(!r#match(b"", b"x"));
    }
    #[test]
    fn test_globstar() {
        assert!(r#match(b"**/*.js", b"index.js"));
        assert!(r#match(b"**/*.js", b"a/b/c/index.js"));
        assert!(r#match(b"src/**/*.ts", b"src/main.ts"));
        assert!(r#match(b"src/**/*.ts", b"src/a/b/main.ts"));
        assert!(!r#match(b"src/**/*.ts", b"lib/a/main.ts"));
        assert!(r#match(b"**", b"a/b/c"));
        assert!(r#match(b"src/**", b"src/a/b"));
        assert!(r#match(b"src/**", b"src"));
        assert!(!r#match(b"src/**", b"srcx"));
        assert!(r#match(b"a/**/b/**/c", b"a/b/c"));
        assert!(r#match(b"a/**/b/**/c", b"a/x/b/y/z/c"));
        assert!(r#match(
            b"node_modules/**/package.json",
            b"node_modules/@types/node/package.json"
        ));
    }
    #[test]
    fn test_character_classes() {
        assert!(r#match(b"[abc].txt", b"b.txt"));
        assert!(!r#match(b"[abc].txt", b"d.txt"));
        assert!(r#match(b"file[0-9].log", b"file7.log"));
        assert!(r#match(b"[!a]x", b"bx"));
        assert!(!r#match(b"[!a]x", b"ax"));
        assert!(r#match(b"[^a-c]", b"z"));
        assert!(r#match(b"[]]", b"]"));
        assert!(r#match(b"[a\\]]", b"]"));
        assert!(r#match(b"[a-]", b"-"));
        assert!(!r#match(b"[!a]", b"/"));
        assert!(r#match(b"[abc", b"[abc"));
    }
    #[test]
    fn test_brace_alternation() {
        assert!(r#match(b"*.{js,ts}", b"index.ts"));
        assert!(r#match(b"*.{js,ts}", b"index.js"));
        assert!(!r#match(b"*.{js,ts}", b"index.css"));
        assert!(r#match(b"{src,lib}/**/*.{js,jsx}", b"lib/ui/button.jsx"));
        assert!(r#match(b"a{b,c{d,e}}f", b"acef"));
        assert!(!r#match(b"a{b,c{d,e}}f", b"acf"));
        assert!(r#match(b"a{,.min}.js", b"a.js"));
        assert!(r#match(b"a{,.min}.js", b"a.min.js"));
        assert!(r#match(b"{a/b,c}", b"a/b"));
        assert!(r#match(b"{**/x,y}", b"p/q/x"));
        assert!(r#match(b"{a,b", b"{a,b"));
    }
    #[test]
    fn test_negation_and_escapes() {
        assert!(r#match(b"!*.js", b"index.ts"));
        assert!(!r#match(b"!*.js", b"index.js"));
        assert!(r#match(b"!!*.js", b"index.js"));
        assert!(r#match(b"\\*.js", b"*.js"));
        assert!(!r#match(b"\\*.js", b"a.js"));
        assert!(r#match(b"\\!important", b"!important"));
        assert!(r#match(b"a\\{b,c}", b"a{b,c}"));
        assert!(r#match(b"trailing\\", b"trailing\\"));
    }
    #[test]
    fn test_no_exponential_blowup() {
        let pattern = b"a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
        let path = &b"a".repeat(200)[..];
        assert!(!r#match(pattern, path));
        assert!(!r#match(
            &[&b"**/".repeat(30)[..], &b"x"[..]].concat()[..],
            &[&b"a/".repeat(100)[..], &b"y"[..]].concat()[..]
        ));
        assert!(!r#match(
            &[&b"{".repeat(40)[..], &b"a"[..], &b"}".repeat(40)[..]].concat()[..],
            b"a"
        ));
        assert!(r#match(
            &[&b"{".repeat(30)[..], &b"a"[..], &b"}".repeat(30)[..]].concat()[..],
            b"a"
        ));
        assert!(!r#match(
            &b"x".repeat(MAX_PATTERN_LEN + 1)[..],
            &b"x".repeat(MAX_PATTERN_LEN + 1)[..]
        ));
    }
    #[test]
    fn test_has_magic_and_literal_prefix() {
        assert!(has_magic(b"src/**/*.ts"));
        assert!(has_magic(b"file?.txt"));
        assert!(has_magic(b"[ab]"));
        assert!(has_magic(b"{a,b}"));
        assert!(has_magic(b"!foo"));
        assert!(!has_magic(b"src/index.ts"));
        assert!(!has_magic(b"\\*.js"));
        assert!(!has_magic(b"[abc"));
        assert!(!has_magic(b"}{"));
        assert!(has_magic(b"{{a}"));
        assert!(!has_magic(b"[[[a\\]"));
        assert_eq!(literal_prefix(b"src/lib/**/*.ts"), b"src/lib");
        assert_eq!(literal_prefix(b"*.js"), b"");
        assert_eq!(literal_prefix(b"/*.js"), b"/");
        assert_eq!(literal_prefix(b"a/b.txt"), b"a/b.txt");
    }
}

// zigport: source glob.zig (500 lines); 23/23 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;

//! Ported from `path.zig` by zigport (rules).

/// The errors of this module (every Zig error name it uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {}
impl Error {
    /// The Zig error name (`@errorName`).
    pub fn name(self) -> &'static str {
        match self {}
    }
}
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
impl std::error::Error for Error {}
const SEP: u8 = b'/';
/// Whether `p` starts at the file system root.
pub fn is_absolute(p: &[u8]) -> bool {
    (!p.is_empty()) && (p[0] == SEP)
}
/// Accumulates normalized segments, resolving `.` and `..` as it goes.
#[derive(Debug, Clone, Default, PartialEq)]
struct SegmentBuffer {
    pub out: Vec<u8>,
    /// When false (absolute paths) `..` at the top is dropped instead of kept.
    pub allow_above_root: bool,
}
impl SegmentBuffer {
    #[allow(dead_code)]
    fn deinit(&mut self) {
        // zigport: `self.out.deinit(self.allocator)` has nothing to do in Rust
    }
    fn last_segment_start(&self) -> usize {
        let idx = match self.out.iter().rposition(|&x| x == SEP) {
            Some(v) => v,
            None => return 0,
        };
        idx + 1
    }
    fn top_is_parent(&self) -> bool {
        &self.out[self.last_segment_start()..] == b".."
    }
    fn push(&mut self, segment: &[u8]) -> Result<(), Error> {
        if !self.out.is_empty() {
            self.out.push(SEP)
        }
        self.out.extend_from_slice(segment);
        Ok(())
    }
    fn pop(&mut self) {
        let start = self.last_segment_start();
        self.out.truncate(if start == 0 { 0 } else { start - 1 });
    }
    /// Feed every segment of `p`.
    fn feed(&mut self, p: &[u8]) -> Result<(), Error> {
        let it =
            crate::zigport_rt::split::split(p, crate::zigport_rt::split::Delimiter::Scalar(SEP));
        for segment in it {
            if (segment.is_empty()) || (segment == b".") {
                continue;
            }
            if segment == b".." {
                if (!self.out.is_empty()) && (!self.top_is_parent()) {
                    self.pop();
                } else {
                    if self.allow_above_root {
                        self.push(b"..")?;
                    }
                };
                continue;
            }
            self.push(segment)?;
        }
        Ok(())
    }
}
/// Normalize `p`: collapse repeated separators, resolve `.` and `..`, keep a
/// trailing separator. The empty path normalizes to `.`.
pub fn normalize(p: &[u8]) -> Result<Vec<u8>, Error> {
    if p.is_empty() {
        return Ok(b".".to_vec());
    }
    let absolute = p[0] == SEP;
    let trailing = p[p.len() - 1] == SEP;
    let mut segs: SegmentBuffer = SegmentBuffer {
        out: Vec::new(),
        allow_above_root: !absolute,
    };
    // zigport: `defer segs.deinit();` dropped: ownership frees
    segs.feed(p)?;
    let mut result: Vec<u8> = Vec::new();
    // zigport: `errdefer result.deinit(allocator);` dropped: ownership frees
    if segs.out.is_empty() {
        let lone: &[u8] = if absolute {
            b"/"
        } else {
            if trailing {
                b"./".as_slice()
            } else {
                b".".as_slice()
            }
        };
        result.extend_from_slice(lone);
        return Ok(core::mem::take(&mut result));
    }
    if absolute {
        result.push(SEP)
    }
    result.extend_from_slice(&segs.out);
    if trailing {
        result.push(SEP)
    }
    Ok(core::mem::take(&mut result))
}
/// Join two path pieces with `/` and normalize; empty pieces are ignored and
/// joining nothing gives `.`.
pub fn join(a: &[u8], b: &[u8]) -> Result<Vec<u8>, Error> {
    if (a.is_empty()) && (b.is_empty()) {
        return Ok(b".".to_vec());
    }
    if a.is_empty() {
        return normalize(b);
    }
    if b.is_empty() {
        return normalize(a);
    }
    let joined = crate::zigport_rt::mem::concat(&[a, &b"/"[..], b]);
    // zigport: `defer allocator.free(joined);` dropped: ownership frees
    normalize(&joined)
}
/// Resolve `p` against `cwd` into an absolute, normalized path without a
/// trailing separator, like `path.resolve(cwd, p)`. A relative `cwd` is
/// taken relative to `/`.
pub fn resolve(cwd: &[u8], p: &[u8]) -> Result<Vec<u8>, Error> {
    let mut segs: SegmentBuffer = SegmentBuffer {
        out: Vec::new(),
        allow_above_root: false,
    };
    // zigport: `defer segs.deinit();` dropped: ownership frees
    // Right to left until something absolute is found; the root ends it.
    if !is_absolute(p) {
        segs.feed(cwd)?
    }
    segs.feed(p)?;
    let mut out = vec![<u8>::default(); segs.out.len() + 1];
    out[0] = SEP;
    out[1..].copy_from_slice(&segs.out);
    Ok(out)
}
/// The relative path from `from` to `to` (both resolved against `/`), like
/// `path.relative`. Identical locations give the empty string.
pub fn relative(from: &[u8], to: &[u8]) -> Result<Vec<u8>, Error> {
    if from == to {
        return Ok(Vec::new());
    }
    let from_abs = resolve(b"/", from)?;
    // zigport: `defer allocator.free(from_abs);` dropped: ownership frees
    let to_abs = resolve(b"/", to)?;
    // zigport: `defer allocator.free(to_abs);` dropped: ownership frees
    if from_abs == to_abs {
        return Ok(Vec::new());
    }
    // Both are normalized and absolute: compare them segment by segment.
    let mut from_it = crate::zigport_rt::split::tokenize(
        &from_abs,
        crate::zigport_rt::split::Delimiter::Scalar(SEP),
    );
    let mut to_it = crate::zigport_rt::split::tokenize(
        &to_abs,
        crate::zigport_rt::split::Delimiter::Scalar(SEP),
    );
    let mut ups: usize = 0;
    let mut rest_start: Option<usize> = None;
    loop {
        let f = from_it.next();
        let t_index = to_it.index;
        let t = to_it.next();
        if (f.is_some() && t.is_some()) && (f.unwrap() == t.unwrap()) {
            continue;
        }
        if t.is_some() {
            rest_start = Some(t_index);
        }
        if f.is_some() {
            ups = 1;
        }
        break;
    }
    for _ in from_it {
        ups += 1;
    }
    let mut out: Vec<u8> = Vec::new();
    // zigport: `errdefer out.deinit(allocator);` dropped: ownership frees
    for i in 0..ups {
        if i > 0 {
            out.push(SEP)
        }
        out.extend_from_slice(b"..");
    }
    if let Some(start) = rest_start {
        let rest = crate::zigport_rt::mem::trim_left(&to_abs[start..], b"/");
        if !out.is_empty() {
            out.push(SEP)
        }
        out.extend_from_slice(rest);
    }
    Ok(core::mem::take(&mut out))
}
/// Everything before the last path segment, like `path.dirname`.
pub fn dirname(p: &[u8]) -> &[u8] {
    if p.is_empty() {
        return b".";
    }
    let has_root = p[0] == SEP;
    // Skip trailing separators, then the last segment.
    let mut i = p.len() - 1;
    while (i >= 1) && (p[i] == SEP) {
        i -= 1;
    }
    while (i >= 1) && (p[i] != SEP) {
        i -= 1;
    }
    if i == 0 {
        return if has_root {
            b"/".as_slice()
        } else {
            b".".as_slice()
        };
    }
    // `i` is the separator ending the directory part.
    if has_root && (i == 1) {
        return b"//";
    }
    &p[0..i]
}
/// The last path segment, ignoring trailing separators, like `path.basename`.
pub fn basename(p: &[u8]) -> &[u8] {
    let mut end = p.len();
    while (end > 0) && (p[end - 1] == SEP) {
        end -= 1;
    }
    if end == 0 {
        return b"";
    }
    let mut start = end;
    while (start > 0) && (p[start - 1] != SEP) {
        start -= 1;
    }
    &p[start..end]
}
/// `path.basename(p, suffix)`: the last segment with `suffix` removed when it
/// ends with it (and is not exactly it), including Node's corner cases.
pub fn basename_with_suffix<'a>(p: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    if (suffix.is_empty()) || (suffix.len() > p.len()) {
        return basename(p);
    }
    if suffix == p {
        return b"";
    }
    let mut start: usize = 0;
    let mut end: Option<usize> = None;
    let mut first_non_slash_end: Option<usize> = None;
    // Index into `suffix` still to match, counting down; null once matching stopped.
    let mut ext_idx: Option<usize> = Some(suffix.len());
    let mut i = p.len();
    while i > 0 {
        i -= 1;
        let c = p[i];
        if c == SEP {
            if first_non_slash_end.is_some() {
                start = i + 1;
                break;
            }
            continue;
        }
        if first_non_slash_end.is_none() {
            first_non_slash_end = Some(i + 1);
        }
        if let Some(k) = ext_idx {
            if c == suffix[k - 1] {
                ext_idx = Some(k - 1);
                if (k - 1) == 0 {
                    end = Some(i);
                    ext_idx = None;
                }
            } else {
                ext_idx = None;
                end = first_non_slash_end;
            };
        }
    }
    if let Some(e) = end {
        if e == start {
            return &p[start..match first_non_slash_end {
                Some(v) => v,
                None => p.len(),
            }];
        }
        return &p[start..e];
    }
    &p[start..]
}
/// Result of scanning the last segment for its extension.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ExtScan {
    pub start_part: usize,
    pub start_dot: Option<usize>,
    pub end: Option<usize>,
    /// Whether some character precedes the final dot in the segment, and if
    /// so whether it is only dots.
    pub pre_dot: ExtScanPreDot,
}
impl ExtScan {
    /// Scan `p[lower..]` from the right.
    fn of(p: &[u8], lower: usize) -> ExtScan {
        let mut s: ExtScan = ExtScan {
            start_part: 0,
            start_dot: None,
            end: None,
            pre_dot: ExtScanPreDot::None,
        };
        let mut i = p.len();
        while i > lower {
            i -= 1;
            let c = p[i];
            if c == SEP {
                if s.end.is_some() {
                    s.start_part = i + 1;
                    break;
                }
                continue;
            }
            if s.end.is_none() {
                s.end = Some(i + 1);
            }
            if c == b'.' {
                if s.start_dot.is_none() {
                    s.start_dot = Some(i);
                } else {
                    if s.pre_dot != ExtScanPreDot::Dots {
                        s.pre_dot = ExtScanPreDot::Dots;
                    }
                };
            } else {
                if s.start_dot.is_some() {
                    s.pre_dot = ExtScanPreDot::Other;
                }
            };
        }
        s
    }
    /// The extension's start, or null when the segment has none.
    fn dot(self) -> Option<usize> {
        let d = self.start_dot?;
        let end = self.end?;
        if self.pre_dot == ExtScanPreDot::None {
            return None;
        }
        if ((self.pre_dot == ExtScanPreDot::Dots) && (d == (end - 1)))
            && (d == (self.start_part + 1))
        {
            return None;
        }
        Some(d)
    }
}
/// The extension of the last segment from its last `.`, like `path.extname`.
/// Leading dots do not start an extension (`.bashrc` has none).
pub fn extname(p: &[u8]) -> &[u8] {
    let s = ExtScan::of(p, 0);
    let d = match s.dot() {
        Some(v) => v,
        None => return b"",
    };
    &p[d..s.end.unwrap()]
}
/// The pieces `path.parse` returns.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ParsedPath<'a> {
    pub root: &'a [u8],
    pub dir: &'a [u8],
    pub base: &'a [u8],
    pub ext: &'a [u8],
    pub name: &'a [u8],
}
impl<'a> ParsedPath<'a> {
    /// Split `p` the way `path.parse` does.
    pub fn parse(p: &'a [u8]) -> ParsedPath<'a> {
        let mut ret: ParsedPath = ParsedPath {
            root: b"",
            dir: b"",
            base: b"",
            ext: b"",
            name: b"",
        };
        if p.is_empty() {
            return ret;
        }
        let absolute = p[0] == SEP;
        if absolute {
            ret.root = b"/";
        }
        let s = ExtScan::of(p, (u8::from(absolute)) as usize);
        if let Some(end) = s.end {
            let start = if (s.start_part == 0) && absolute {
                1
            } else {
                s.start_part
            };
            ret.base = &p[start..end];
            if let Some(d) = s.dot() {
                ret.name = &p[start..d];
                ret.ext = &p[d..end];
            } else {
                ret.name = ret.base;
            };
        }
        if s.start_part > 0 {
            ret.dir = &p[0..s.start_part - 1];
        } else {
            if absolute {
                ret.dir = b"/";
            }
        };
        ret
    }
    /// Reassemble like `path.format`.
    pub fn format_alloc(self) -> Result<Vec<u8>, Error> {
        let dir = if !self.dir.is_empty() {
            self.dir
        } else {
            self.root
        };
        let base = if !self.base.is_empty() {
            self.base
        } else {
            self.name
        };
        if dir.is_empty() {
            return Ok(base.to_vec());
        }
        if dir == self.root {
            return Ok(crate::zigport_rt::mem::concat(&[dir, base]));
        }
        Ok(crate::zigport_rt::mem::concat(&[dir, &b"/"[..], base]))
    }
}
/// The file name without its extension: `path.parse(p).name`.
pub fn stem(p: &[u8]) -> &[u8] {
    ParsedPath::parse(p).name
}
/// The parent directory as `path.parse(p).dir` reports it.
pub fn parse_dir(p: &[u8]) -> &[u8] {
    ParsedPath::parse(p).dir
}
/// `path.format(path.parse(p))`.
pub fn reformat(p: &[u8]) -> Result<Vec<u8>, Error> {
    ParsedPath::parse(p).format_alloc()
}
// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
#[cfg(test)]
fn expect_owned(expected: &[u8], actual: Result<Vec<u8>, Error>) -> Result<(), Error> {
    let got = actual?;
    // zigport: `defer testing.allocator.free(got);` dropped: ownership frees
    assert_eq!(got, expected);
    Ok(())
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExtScanPreDot {
    None,
    Dots,
    Other,
}
impl ExtScanPreDot {
    /// The Zig tag name (`@tagName`).
    #[allow(dead_code)]
    pub fn zig_tag_name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Dots => "dots",
            Self::Other => "other",
        }
    }
}
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_normalize() -> Result<(), Box<dyn std::error::Error>> {
        expect_owned(b".", normalize(b""))?;
        expect_owned(b"/", normalize(b"/.."))?;
        expect_owned(b"/", normalize(b"///"))?;
        expect_owned(b".", normalize(b"."))?;
        expect_owned(b"./", normalize(b"./"))?;
        expect_owned(b"..", normalize(b".."))?;
        expect_owned(b"../", normalize(b"../"))?;
        expect_owned(
            b"/foo/bar/baz/asdf",
            normalize(b"/foo/bar//baz/asdf/quux/.."),
        )?;
        expect_owned(b"foo/bar/", normalize(b"foo/bar/"))?;
        expect_owned(b"../../bar", normalize(b"./fixtures///b/../../../../bar"))?;
        expect_owned(b"bar", normalize(b"a//b//../..//bar"))?;
        expect_owned(b"/x/y", normalize(b"/a/../../x/./y"))?;
        expect_owned(b"...", normalize(b"a/../..."))?;
        expect_owned(b"../..", normalize(b"../a/../.."))?;
        expect_owned(b"node_modules/.bin/", normalize(b"node_modules/./.bin//"))?;
        Ok(())
    }
    #[test]
    fn test_join() -> Result<(), Box<dyn std::error::Error>> {
        expect_owned(b".", join(b"", b""))?;
        expect_owned(b"/foo/bar/baz/asdf", join(b"/foo", b"bar/baz/asdf/quux/.."))?;
        expect_owned(b"foo", join(b"foo", b""))?;
        expect_owned(b"/foo", join(b"", b"/foo"))?;
        expect_owned(b"/foo/bar", join(b"/foo/", b"/bar"))?;
        expect_owned(b"..", join(b"foo", b"../.."))?;
        expect_owned(b"src/index.ts", join(b"./src", b"index.ts"))?;
        expect_owned(b"./", join(b"a", b"../"))?;
        Ok(())
    }
    #[test]
    fn test_resolve() -> Result<(), Box<dyn std::error::Error>> {
        expect_owned(b"/foo/bar/baz", resolve(b"/foo/bar", b"./baz"))?;
        expect_owned(b"/tmp/file", resolve(b"/foo/bar", b"/tmp/file/"))?;
        expect_owned(
            b"/home/user/project/src",
            resolve(b"/home/user/project", b"src"),
        )?;
        expect_owned(b"/", resolve(b"/", b".."))?;
        expect_owned(b"/", resolve(b"", b""))?;
        expect_owned(b"/work/a", resolve(b"work", b"a"))?;
        expect_owned(b"/foo", resolve(b"/foo/bar/", b".."))?;
        Ok(())
    }
    #[test]
    fn test_relative() -> Result<(), Box<dyn std::error::Error>> {
        expect_owned(
            b"../../impl/bbb",
            relative(b"/data/orandea/test/aaa", b"/data/orandea/impl/bbb"),
        )?;
        expect_owned(b"", relative(b"/a/b", b"/a/b/"))?;
        expect_owned(b"", relative(b"", b""))?;
        expect_owned(b"c", relative(b"/a/b", b"/a/b/c"))?;
        expect_owned(b"..", relative(b"/a/b/c", b"/a/b"))?;
        expect_owned(b"../bc", relative(b"/a/b", b"/a/bc"))?;
        expect_owned(b"a", relative(b"/", b"/a"))?;
        expect_owned(b"..", relative(b"/a", b"/"))?;
        expect_owned(b"../../x/y", relative(b"/foo/bar", b"/x/y"))?;
        expect_owned(
            b"node_modules/bun",
            relative(b"proj", b"proj/node_modules/bun"),
        )?;
        Ok(())
    }
    #[test]
    fn test_dirname() {
        assert_eq!(dirname(b"a"), b".");
        assert_eq!(dirname(b""), b".");
        assert_eq!(dirname(b"/"), b"/");
        assert_eq!(dirname(b"/a"), b"/");
        assert_eq!(dirname(b"/a/b/"), b"/a");
        assert_eq!(dirname(b"/a//b"), b"/a/");
        assert_eq!(dirname(b"//a"), b"//");
        assert_eq!(dirname(b"a/b/c.js"), b"a/b");
        assert_eq!(dirname(b"////"), b"/");
    }
    #[test]
    fn test_basename() {
        assert_eq!(basename(b"/a/b/"), b"b");
        assert_eq!(basename(b"/"), b"");
        assert_eq!(basename(b""), b"");
        assert_eq!(basename(b"src/index.js"), b"index.js");
        assert_eq!(basename_with_suffix(b"src/index.js", b".js"), b"index");
        assert_eq!(basename_with_suffix(b"a.js", b"a.js"), b"");
        assert_eq!(basename_with_suffix(b"aaa/bbb", b"bbb"), b"bbb");
        assert_eq!(basename_with_suffix(b"/b/", b"ab"), b"b/");
        assert_eq!(basename_with_suffix(b"index.js", b".ts"), b"index.js");
        assert_eq!(
            basename_with_suffix(b"/dir/file.tar.gz/", b".tar.gz"),
            b"file"
        );
    }
    #[test]
    fn test_extname_stem_and_parse() -> Result<(), Box<dyn std::error::Error>> {
        assert_eq!(extname(b".bashrc"), b"");
        assert_eq!(extname(b"a."), b".");
        assert_eq!(extname(b"index.js"), b".js");
        assert_eq!(extname(b"index.coffee.md"), b".md");
        assert_eq!(extname(b"index"), b"");
        assert_eq!(extname(b".."), b"");
        assert_eq!(extname(b"..."), b".");
        assert_eq!(extname(b".a.b"), b".b");
        assert_eq!(extname(b"/a/b.ts/"), b".ts");
        assert_eq!(stem(&b"src/index.test.ts"[0..12]), b"index");
        assert_eq!(stem(b"src/index.test.ts"), b"index.test");
        let p = ParsedPath::parse(b"/home/user/dir/file.txt");
        assert_eq!(p.root, b"/");
        assert_eq!(p.dir, b"/home/user/dir");
        assert_eq!(p.base, b"file.txt");
        assert_eq!(p.ext, b".txt");
        assert_eq!(p.name, b"file");
        assert_eq!(parse_dir(b"/x"), b"/");
        assert_eq!(parse_dir(b"x"), b"");
        expect_owned(
            b"/home/user/dir/file.txt",
            reformat(b"/home/user/dir/file.txt"),
        )?;
        expect_owned(b"/x", reformat(b"/x"))?;
        expect_owned(b"a/b", reformat(b"a/b/"))?;
        Ok(())
    }
    #[test]
    fn test_is_absolute() {
        assert!(is_absolute(b"/foo/bar"));
        assert!(is_absolute(b"/"));
        assert!(!is_absolute(b"qux/"));
        assert!(!is_absolute(b"."));
        assert!(!is_absolute(b""));
    }
}

// zigport: source path.zig (461 lines); 31/31 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;

//! POSIX path manipulation with the exact semantics of Node's `path.posix`,
//! which Bun implements natively for `node:path`.
//!
//! Everything here is pure string work: no file system access and no real
//! working directory. `resolve` takes the working directory as an argument,
//! and wherever Node would consult `process.cwd()` (a relative `cwd`, or
//! `relative` between relative paths) the root `/` is used instead.

const std = @import("std");

const sep = '/';

/// Whether `p` starts at the file system root.
pub fn isAbsolute(p: []const u8) bool {
    return p.len > 0 and p[0] == sep;
}

/// Accumulates normalized segments, resolving `.` and `..` as it goes.
const SegmentBuffer = struct {
    out: std.ArrayList(u8) = .empty,
    allocator: std.mem.Allocator,
    /// When false (absolute paths) `..` at the top is dropped instead of kept.
    allow_above_root: bool,

    fn deinit(self: *SegmentBuffer) void {
        self.out.deinit(self.allocator);
    }

    fn lastSegmentStart(self: *const SegmentBuffer) usize {
        const idx = std.mem.lastIndexOfScalar(u8, self.out.items, sep) orelse return 0;
        return idx + 1;
    }

    fn topIsParent(self: *const SegmentBuffer) bool {
        return std.mem.eql(u8, self.out.items[self.lastSegmentStart()..], "..");
    }

    fn push(self: *SegmentBuffer, segment: []const u8) !void {
        if (self.out.items.len > 0) try self.out.append(self.allocator, sep);
        try self.out.appendSlice(self.allocator, segment);
    }

    fn pop(self: *SegmentBuffer) void {
        const start = self.lastSegmentStart();
        self.out.shrinkRetainingCapacity(if (start == 0) 0 else start - 1);
    }

    /// Feed every segment of `p`.
    fn feed(self: *SegmentBuffer, p: []const u8) !void {
        var it = std.mem.splitScalar(u8, p, sep);
        while (it.next()) |segment| {
            if (segment.len == 0 or std.mem.eql(u8, segment, ".")) continue;
            if (std.mem.eql(u8, segment, "..")) {
                if (self.out.items.len > 0 and !self.topIsParent()) {
                    self.pop();
                } else if (self.allow_above_root) {
                    try self.push("..");
                }
                continue;
            }
            try self.push(segment);
        }
    }
};

/// Normalize `p`: collapse repeated separators, resolve `.` and `..`, keep a
/// trailing separator. The empty path normalizes to `.`.
pub fn normalize(allocator: std.mem.Allocator, p: []const u8) ![]u8 {
    if (p.len == 0) return allocator.dupe(u8, ".");
    const absolute = p[0] == sep;
    const trailing = p[p.len - 1] == sep;

    var segs: SegmentBuffer = .{ .allocator = allocator, .allow_above_root = !absolute };
    defer segs.deinit();
    try segs.feed(p);

    var result: std.ArrayList(u8) = .empty;
    errdefer result.deinit(allocator);
    if (segs.out.items.len == 0) {
        const lone: []const u8 = if (absolute) "/" else if (trailing) "./" else ".";
        try result.appendSlice(allocator, lone);
        return result.toOwnedSlice(allocator);
    }
    if (absolute) try result.append(allocator, sep);
    try result.appendSlice(allocator, segs.out.items);
    if (trailing) try result.append(allocator, sep);
    return result.toOwnedSlice(allocator);
}

/// Join two path pieces with `/` and normalize; empty pieces are ignored and
/// joining nothing gives `.`.
pub fn join(allocator: std.mem.Allocator, a: []const u8, b: []const u8) ![]u8 {
    if (a.len == 0 and b.len == 0) return allocator.dupe(u8, ".");
    if (a.len == 0) return normalize(allocator, b);
    if (b.len == 0) return normalize(allocator, a);
    const joined = try std.mem.concat(allocator, u8, &.{ a, "/", b });
    defer allocator.free(joined);
    return normalize(allocator, joined);
}

/// Resolve `p` against `cwd` into an absolute, normalized path without a
/// trailing separator, like `path.resolve(cwd, p)`. A relative `cwd` is
/// taken relative to `/`.
pub fn resolve(allocator: std.mem.Allocator, cwd: []const u8, p: []const u8) ![]u8 {
    var segs: SegmentBuffer = .{ .allocator = allocator, .allow_above_root = false };
    defer segs.deinit();
    // Right to left until something absolute is found; the root ends it.
    if (!isAbsolute(p)) try segs.feed(cwd);
    try segs.feed(p);

    const out = try allocator.alloc(u8, segs.out.items.len + 1);
    out[0] = sep;
    @memcpy(out[1..], segs.out.items);
    return out;
}

/// The relative path from `from` to `to` (both resolved against `/`), like
/// `path.relative`. Identical locations give the empty string.
pub fn relative(allocator: std.mem.Allocator, from: []const u8, to: []const u8) ![]u8 {
    if (std.mem.eql(u8, from, to)) return allocator.alloc(u8, 0);
    const from_abs = try resolve(allocator, "/", from);
    defer allocator.free(from_abs);
    const to_abs = try resolve(allocator, "/", to);
    defer allocator.free(to_abs);
    if (std.mem.eql(u8, from_abs, to_abs)) return allocator.alloc(u8, 0);

    // Both are normalized and absolute: compare them segment by segment.
    var from_it = std.mem.tokenizeScalar(u8, from_abs, sep);
    var to_it = std.mem.tokenizeScalar(u8, to_abs, sep);
    var ups: usize = 0;
    var rest_start: ?usize = null;
    while (true) {
        const f = from_it.next();
        const t_index = to_it.index;
        const t = to_it.next();
        if (f != null and t != null and std.mem.eql(u8, f.?, t.?)) continue;
        if (t != null) rest_start = t_index;
        if (f != null) ups = 1;
        break;
    }
    while (from_it.next()) |_| ups += 1;

    var out: std.ArrayList(u8) = .empty;
    errdefer out.deinit(allocator);
    for (0..ups) |i| {
        if (i > 0) try out.append(allocator, sep);
        try out.appendSlice(allocator, "..");
    }
    if (rest_start) |start| {
        const rest = std.mem.trimLeft(u8, to_abs[start..], "/");
        if (out.items.len > 0) try out.append(allocator, sep);
        try out.appendSlice(allocator, rest);
    }
    return out.toOwnedSlice(allocator);
}

/// Everything before the last path segment, like `path.dirname`.
pub fn dirname(p: []const u8) []const u8 {
    if (p.len == 0) return ".";
    const has_root = p[0] == sep;
    // Skip trailing separators, then the last segment.
    var i = p.len - 1;
    while (i >= 1 and p[i] == sep) i -= 1;
    while (i >= 1 and p[i] != sep) i -= 1;
    if (i == 0) return if (has_root) "/" else ".";
    // `i` is the separator ending the directory part.
    if (has_root and i == 1) return "//";
    return p[0..i];
}

/// The last path segment, ignoring trailing separators, like `path.basename`.
pub fn basename(p: []const u8) []const u8 {
    var end = p.len;
    while (end > 0 and p[end - 1] == sep) end -= 1;
    if (end == 0) return "";
    var start = end;
    while (start > 0 and p[start - 1] != sep) start -= 1;
    return p[start..end];
}

/// `path.basename(p, suffix)`: the last segment with `suffix` removed when it
/// ends with it (and is not exactly it), including Node's corner cases.
pub fn basenameWithSuffix(p: []const u8, suffix: []const u8) []const u8 {
    if (suffix.len == 0 or suffix.len > p.len) return basename(p);
    if (std.mem.eql(u8, suffix, p)) return "";

    var start: usize = 0;
    var end: ?usize = null;
    var first_non_slash_end: ?usize = null;
    // Index into `suffix` still to match, counting down; null once matching stopped.
    var ext_idx: ?usize = suffix.len;
    var i = p.len;
    while (i > 0) {
        i -= 1;
        const c = p[i];
        if (c == sep) {
            if (first_non_slash_end != null) {
                start = i + 1;
                break;
            }
            continue;
        }
        if (first_non_slash_end == null) first_non_slash_end = i + 1;
        if (ext_idx) |k| {
            if (c == suffix[k - 1]) {
                ext_idx = k - 1;
                if (k - 1 == 0) {
                    end = i;
                    ext_idx = null;
                }
            } else {
                ext_idx = null;
                end = first_non_slash_end;
            }
        }
    }
    if (end) |e| {
        if (e == start) return p[start .. first_non_slash_end orelse p.len];
        return p[start..e];
    }
    return p[start..];
}

/// Result of scanning the last segment for its extension.
const ExtScan = struct {
    start_part: usize = 0,
    start_dot: ?usize = null,
    end: ?usize = null,
    /// Whether some character precedes the final dot in the segment, and if
    /// so whether it is only dots.
    pre_dot: enum { none, dots, other } = .none,

    /// Scan `p[lower..]` from the right.
    fn of(p: []const u8, lower: usize) ExtScan {
        var s: ExtScan = .{};
        var i = p.len;
        while (i > lower) {
            i -= 1;
            const c = p[i];
            if (c == sep) {
                if (s.end != null) {
                    s.start_part = i + 1;
                    break;
                }
                continue;
            }
            if (s.end == null) s.end = i + 1;
            if (c == '.') {
                if (s.start_dot == null) {
                    s.start_dot = i;
                } else if (s.pre_dot != .dots) {
                    s.pre_dot = .dots;
                }
            } else if (s.start_dot != null) {
                s.pre_dot = .other;
            }
        }
        return s;
    }

    /// The extension's start, or null when the segment has none.
    fn dot(self: ExtScan) ?usize {
        const d = self.start_dot orelse return null;
        const end = self.end orelse return null;
        if (self.pre_dot == .none) return null;
        if (self.pre_dot == .dots and d == end - 1 and d == self.start_part + 1) return null;
        return d;
    }
};

/// The extension of the last segment from its last `.`, like `path.extname`.
/// Leading dots do not start an extension (`.bashrc` has none).
pub fn extname(p: []const u8) []const u8 {
    const s = ExtScan.of(p, 0);
    const d = s.dot() orelse return "";
    return p[d..s.end.?];
}

/// The pieces `path.parse` returns.
pub const ParsedPath = struct {
    root: []const u8 = "",
    dir: []const u8 = "",
    base: []const u8 = "",
    ext: []const u8 = "",
    name: []const u8 = "",

    /// Split `p` the way `path.parse` does.
    pub fn parse(p: []const u8) ParsedPath {
        var ret: ParsedPath = .{};
        if (p.len == 0) return ret;
        const absolute = p[0] == sep;
        if (absolute) ret.root = "/";
        const s = ExtScan.of(p, @intFromBool(absolute));
        if (s.end) |end| {
            const start = if (s.start_part == 0 and absolute) 1 else s.start_part;
            ret.base = p[start..end];
            if (s.dot()) |d| {
                ret.name = p[start..d];
                ret.ext = p[d..end];
            } else {
                ret.name = ret.base;
            }
        }
        if (s.start_part > 0) {
            ret.dir = p[0 .. s.start_part - 1];
        } else if (absolute) {
            ret.dir = "/";
        }
        return ret;
    }

    /// Reassemble like `path.format`.
    pub fn formatAlloc(self: ParsedPath, allocator: std.mem.Allocator) ![]u8 {
        const dir = if (self.dir.len > 0) self.dir else self.root;
        const base = if (self.base.len > 0) self.base else self.name;
        if (dir.len == 0) return allocator.dupe(u8, base);
        if (std.mem.eql(u8, dir, self.root)) return std.mem.concat(allocator, u8, &.{ dir, base });
        return std.mem.concat(allocator, u8, &.{ dir, "/", base });
    }
};

/// The file name without its extension: `path.parse(p).name`.
pub fn stem(p: []const u8) []const u8 {
    return ParsedPath.parse(p).name;
}

/// The parent directory as `path.parse(p).dir` reports it.
pub fn parseDir(p: []const u8) []const u8 {
    return ParsedPath.parse(p).dir;
}

/// `path.format(path.parse(p))`.
pub fn reformat(allocator: std.mem.Allocator, p: []const u8) ![]u8 {
    return ParsedPath.parse(p).formatAlloc(allocator);
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const testing = std.testing;

fn expectOwned(expected: []const u8, actual: anyerror![]u8) !void {
    const got = try actual;
    defer testing.allocator.free(got);
    try testing.expectEqualStrings(expected, got);
}

test "normalize" {
    const a = testing.allocator;
    try expectOwned(".", normalize(a, ""));
    try expectOwned("/", normalize(a, "/.."));
    try expectOwned("/", normalize(a, "///"));
    try expectOwned(".", normalize(a, "."));
    try expectOwned("./", normalize(a, "./"));
    try expectOwned("..", normalize(a, ".."));
    try expectOwned("../", normalize(a, "../"));
    try expectOwned("/foo/bar/baz/asdf", normalize(a, "/foo/bar//baz/asdf/quux/.."));
    try expectOwned("foo/bar/", normalize(a, "foo/bar/"));
    try expectOwned("../../bar", normalize(a, "./fixtures///b/../../../../bar"));
    try expectOwned("bar", normalize(a, "a//b//../..//bar"));
    try expectOwned("/x/y", normalize(a, "/a/../../x/./y"));
    try expectOwned("...", normalize(a, "a/../..."));
    try expectOwned("../..", normalize(a, "../a/../.."));
    try expectOwned("node_modules/.bin/", normalize(a, "node_modules/./.bin//"));
}

test "join" {
    const a = testing.allocator;
    try expectOwned(".", join(a, "", ""));
    try expectOwned("/foo/bar/baz/asdf", join(a, "/foo", "bar/baz/asdf/quux/.."));
    try expectOwned("foo", join(a, "foo", ""));
    try expectOwned("/foo", join(a, "", "/foo"));
    try expectOwned("/foo/bar", join(a, "/foo/", "/bar"));
    try expectOwned("..", join(a, "foo", "../.."));
    try expectOwned("src/index.ts", join(a, "./src", "index.ts"));
    try expectOwned("./", join(a, "a", "../"));
}

test "resolve" {
    const a = testing.allocator;
    try expectOwned("/foo/bar/baz", resolve(a, "/foo/bar", "./baz"));
    try expectOwned("/tmp/file", resolve(a, "/foo/bar", "/tmp/file/"));
    try expectOwned("/home/user/project/src", resolve(a, "/home/user/project", "src"));
    try expectOwned("/", resolve(a, "/", ".."));
    try expectOwned("/", resolve(a, "", ""));
    try expectOwned("/work/a", resolve(a, "work", "a"));
    try expectOwned("/foo", resolve(a, "/foo/bar/", ".."));
}

test "relative" {
    const a = testing.allocator;
    try expectOwned("../../impl/bbb", relative(a, "/data/orandea/test/aaa", "/data/orandea/impl/bbb"));
    try expectOwned("", relative(a, "/a/b", "/a/b/"));
    try expectOwned("", relative(a, "", ""));
    try expectOwned("c", relative(a, "/a/b", "/a/b/c"));
    try expectOwned("..", relative(a, "/a/b/c", "/a/b"));
    try expectOwned("../bc", relative(a, "/a/b", "/a/bc"));
    try expectOwned("a", relative(a, "/", "/a"));
    try expectOwned("..", relative(a, "/a", "/"));
    try expectOwned("../../x/y", relative(a, "/foo/bar", "/x/y"));
    try expectOwned("node_modules/bun", relative(a, "proj", "proj/node_modules/bun"));
}

test "dirname" {
    try testing.expectEqualStrings(".", dirname("a"));
    try testing.expectEqualStrings(".", dirname(""));
    try testing.expectEqualStrings("/", dirname("/"));
    try testing.expectEqualStrings("/", dirname("/a"));
    try testing.expectEqualStrings("/a", dirname("/a/b/"));
    try testing.expectEqualStrings("/a/", dirname("/a//b"));
    try testing.expectEqualStrings("//", dirname("//a"));
    try testing.expectEqualStrings("a/b", dirname("a/b/c.js"));
    try testing.expectEqualStrings("/", dirname("////"));
}

test "basename" {
    try testing.expectEqualStrings("b", basename("/a/b/"));
    try testing.expectEqualStrings("", basename("/"));
    try testing.expectEqualStrings("", basename(""));
    try testing.expectEqualStrings("index.js", basename("src/index.js"));
    try testing.expectEqualStrings("index", basenameWithSuffix("src/index.js", ".js"));
    try testing.expectEqualStrings("", basenameWithSuffix("a.js", "a.js"));
    try testing.expectEqualStrings("bbb", basenameWithSuffix("aaa/bbb", "bbb"));
    try testing.expectEqualStrings("b/", basenameWithSuffix("/b/", "ab"));
    try testing.expectEqualStrings("index.js", basenameWithSuffix("index.js", ".ts"));
    try testing.expectEqualStrings("file", basenameWithSuffix("/dir/file.tar.gz/", ".tar.gz"));
}

test "extname, stem and parse" {
    try testing.expectEqualStrings("", extname(".bashrc"));
    try testing.expectEqualStrings(".", extname("a."));
    try testing.expectEqualStrings(".js", extname("index.js"));
    try testing.expectEqualStrings(".md", extname("index.coffee.md"));
    try testing.expectEqualStrings("", extname("index"));
    try testing.expectEqualStrings("", extname(".."));
    try testing.expectEqualStrings(".", extname("..."));
    try testing.expectEqualStrings(".b", extname(".a.b"));
    try testing.expectEqualStrings(".ts", extname("/a/b.ts/"));
    try testing.expectEqualStrings("index", stem("src/index.test.ts"[0..12]));
    try testing.expectEqualStrings("index.test", stem("src/index.test.ts"));
    const p = ParsedPath.parse("/home/user/dir/file.txt");
    try testing.expectEqualStrings("/", p.root);
    try testing.expectEqualStrings("/home/user/dir", p.dir);
    try testing.expectEqualStrings("file.txt", p.base);
    try testing.expectEqualStrings(".txt", p.ext);
    try testing.expectEqualStrings("file", p.name);
    try testing.expectEqualStrings("/", parseDir("/x"));
    try testing.expectEqualStrings("", parseDir("x"));
    try expectOwned("/home/user/dir/file.txt", reformat(testing.allocator, "/home/user/dir/file.txt"));
    try expectOwned("/x", reformat(testing.allocator, "/x"));
    try expectOwned("a/b", reformat(testing.allocator, "a/b/"));
}

test "isAbsolute" {
    try testing.expect(isAbsolute("/foo/bar"));
    try testing.expect(isAbsolute("/"));
    try testing.expect(!isAbsolute("qux/"));
    try testing.expect(!isAbsolute("."));
    try testing.expect(!isAbsolute(""));
}

//! Shell brace expansion in the style of Bun's shell (and bash):
//!
//!   `a{b,c}d`       -> `abd acd`
//!   `x{1..3}`       -> `x1 x2 x3`
//!   `{a..e..2}`     -> `a c e`
//!   `{01..10..3}`   -> `01 04 07 10`
//!   `{a,{b,c}}z`    -> `az bz cz`
//!
//! A `{` without a matching `}` is literal, and so is a matched `{...}` that
//! holds neither a top-level comma nor a valid sequence (its contents still
//! expand: `{x{a,b}}` -> `{xa} {xb}`). A backslash escapes the next byte and is
//! removed from the output.
//!
//! Patterns are walked directly, without building a tree: a part iterator
//! yields literal runs and brace groups, counting is a saturating product,
//! and expansion is a bounded cartesian product over a flat string list.

const std = @import("std");
const Allocator = std.mem.Allocator;

/// Errors from brace expansion.
pub const ExpandError = error{
    /// The expansion would produce more than `max_results` words.
    TooManyResults,
    /// The expansion would produce more than `max_output_bytes` bytes.
    OutputTooLarge,
    /// Braces nest deeper than `max_depth`.
    NestingTooDeep,
    /// The pattern is longer than `max_pattern_len`.
    PatternTooLong,
} || Allocator.Error;

/// Errors from counting (no allocation involved).
pub const CountError = error{ NestingTooDeep, PatternTooLong };

/// Upper bound on the number of expanded words.
pub const max_results: usize = 4096;
/// Upper bound on the joined output, separators included.
pub const max_output_bytes: usize = 1 << 20;
/// Upper bound on brace nesting.
pub const max_depth: u32 = 32;
/// Longest pattern accepted (matching braces is quadratic in the worst case).
pub const max_pattern_len: usize = 4096;

/// A `{start..end..step}` sequence, numeric or single-character.
const Sequence = struct {
    start: i64,
    end: i64,
    step: u64,
    kind: Kind,
    /// Zero-padded width for numeric sequences (`{01..10}`), 0 when unpadded.
    width: usize = 0,

    const Kind = enum { numeric, char };

    fn len(self: Sequence) usize {
        const span: u128 = @abs(@as(i128, self.end) - @as(i128, self.start));
        const n = span / self.step + 1;
        return std.math.cast(usize, n) orelse std.math.maxInt(usize);
    }

    fn at(self: Sequence, index: usize) i64 {
        const offset = @as(i128, index) * @as(i128, self.step);
        const value = if (self.end >= self.start) @as(i128, self.start) + offset else @as(i128, self.start) - offset;
        return @intCast(value);
    }

    /// Format element `index` into `buf`, returning the written bytes.
    fn format(self: Sequence, index: usize, buf: *[32]u8) []const u8 {
        const value = self.at(index);
        if (self.kind == .char) {
            buf[0] = @intCast(value);
            return buf[0..1];
        }
        var digits_buf: [24]u8 = undefined;
        const digits = std.fmt.bufPrint(&digits_buf, "{d}", .{@abs(value)}) catch unreachable;
        var n: usize = 0;
        if (value < 0) {
            buf[0] = '-';
            n = 1;
        }
        const want = @min(self.width, buf.len - 1);
        while (n + digits.len < want) : (n += 1) buf[n] = '0';
        @memcpy(buf[n..][0..digits.len], digits);
        return buf[0 .. n + digits.len];
    }

    fn parseInt(text: []const u8) ?i64 {
        const digits = if (text.len > 0 and text[0] == '-') text[1..] else text;
        if (digits.len == 0 or digits.len > 18) return null;
        for (digits) |c| if (!std.ascii.isDigit(c)) return null;
        return std.fmt.parseInt(i64, text, 10) catch null;
    }

    fn hasLeadingZero(text: []const u8) bool {
        const digits = if (text.len > 0 and text[0] == '-') text[1..] else text;
        return digits.len > 1 and digits[0] == '0';
    }

    /// Recognise `a..b` or `a..b..step` brace contents.
    fn parse(content: []const u8) ?Sequence {
        var pieces: [3][]const u8 = undefined;
        var n: usize = 0;
        var it = std.mem.splitSequence(u8, content, "..");
        while (it.next()) |piece| {
            if (n == pieces.len) return null;
            pieces[n] = piece;
            n += 1;
        }
        if (n < 2) return null;
        var step: u64 = 1;
        if (n == 3) {
            const s = parseInt(pieces[2]) orelse return null;
            step = @max(@abs(s), 1);
        }
        const a = pieces[0];
        const b = pieces[1];
        if (parseInt(a)) |start| {
            const end = parseInt(b) orelse return null;
            const padded = hasLeadingZero(a) or hasLeadingZero(b);
            return .{
                .start = start,
                .end = end,
                .step = step,
                .kind = .numeric,
                .width = if (padded) @max(a.len, b.len) else 0,
            };
        }
        if (a.len == 1 and b.len == 1 and std.ascii.isAlphabetic(a[0]) and std.ascii.isAlphabetic(b[0])) {
            return .{ .start = a[0], .end = b[0], .step = step, .kind = .char };
        }
        return null;
    }
};

/// One piece of a pattern at a single nesting level.
const Part = union(enum) {
    /// Raw text, backslash escapes not yet removed.
    literal: []const u8,
    /// Contents of `{...}` with at least one top-level comma.
    alternation: []const u8,
    /// `{a..b}` or `{a..b..s}`.
    sequence: Sequence,
    /// Contents of a matched `{...}` that is not an expansion.
    braced: []const u8,
};

/// Find the `}` matching the `{` at `open`; null if unmatched.
fn findClose(text: []const u8, open: usize) ?struct { close: usize, has_comma: bool } {
    var depth: usize = 0;
    var has_comma = false;
    var i = open;
    while (i < text.len) : (i += 1) {
        switch (text[i]) {
            '\\' => i += 1,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if (depth == 0) return .{ .close = i, .has_comma = has_comma };
            },
            ',' => if (depth == 1) {
                has_comma = true;
            },
            else => {},
        }
    }
    return null;
}

/// Yields the parts of one nesting level of a pattern.
const PartIterator = struct {
    text: []const u8,
    pos: usize = 0,

    fn next(self: *PartIterator) ?Part {
        const text = self.text;
        if (self.pos >= text.len) return null;
        const start = self.pos;
        var i = start;
        while (i < text.len) : (i += 1) {
            switch (text[i]) {
                '\\' => i += 1,
                '{' => if (findClose(text, i)) |m| {
                    if (i > start) {
                        self.pos = i;
                        return .{ .literal = text[start..i] };
                    }
                    self.pos = m.close + 1;
                    const content = text[i + 1 .. m.close];
                    if (m.has_comma) return .{ .alternation = content };
                    if (Sequence.parse(content)) |seq| return .{ .sequence = seq };
                    return .{ .braced = content };
                },
                else => {},
            }
        }
        self.pos = text.len;
        return .{ .literal = text[start..] };
    }
};

/// Iterate the top-level comma-separated alternatives of brace contents.
const AlternativeIterator = struct {
    text: []const u8,
    pos: usize = 0,
    done: bool = false,

    fn next(self: *AlternativeIterator) ?[]const u8 {
        if (self.done) return null;
        var depth: usize = 0;
        var i = self.pos;
        while (i < self.text.len) : (i += 1) {
            switch (self.text[i]) {
                '\\' => i += 1,
                '{' => depth += 1,
                '}' => depth -|= 1,
                ',' => if (depth == 0) {
                    const alt = self.text[self.pos..i];
                    self.pos = i + 1;
                    return alt;
                },
                else => {},
            }
        }
        self.done = true;
        return self.text[self.pos..];
    }
};

fn countLevel(text: []const u8, depth: u32) CountError!usize {
    if (depth > max_depth) return error.NestingTooDeep;
    var total: usize = 1;
    var parts: PartIterator = .{ .text = text };
    while (parts.next()) |part| {
        const n: usize = switch (part) {
            .literal => 1,
            .sequence => |seq| seq.len(),
            .braced => |content| try countLevel(content, depth + 1),
            .alternation => |content| blk: {
                var sum: usize = 0;
                var alts: AlternativeIterator = .{ .text = content };
                while (alts.next()) |alt| sum +|= try countLevel(alt, depth + 1);
                break :blk sum;
            },
        };
        total *|= n;
    }
    return total;
}

/// A flat list of byte strings: one buffer plus end offsets.
const Words = struct {
    bytes: std.ArrayList(u8) = .empty,
    ends: std.ArrayList(usize) = .empty,

    fn deinit(self: *Words, gpa: Allocator) void {
        self.bytes.deinit(gpa);
        self.ends.deinit(gpa);
    }

    fn len(self: *const Words) usize {
        return self.ends.items.len;
    }

    fn get(self: *const Words, i: usize) []const u8 {
        const begin = if (i == 0) 0 else self.ends.items[i - 1];
        return self.bytes.items[begin..self.ends.items[i]];
    }

    fn finish(self: *Words, gpa: Allocator) ExpandError!void {
        if (self.bytes.items.len > max_output_bytes) return error.OutputTooLarge;
        try self.ends.append(gpa, self.bytes.items.len);
    }

    fn single(gpa: Allocator, word: []const u8) ExpandError!Words {
        var w: Words = .{};
        errdefer w.deinit(gpa);
        try w.bytes.appendSlice(gpa, word);
        try w.finish(gpa);
        return w;
    }

    /// Every word of `self` followed by every word of `suffixes`.
    fn product(self: *const Words, gpa: Allocator, suffixes: *const Words) ExpandError!Words {
        var out: Words = .{};
        errdefer out.deinit(gpa);
        for (0..self.len()) |i| {
            for (0..suffixes.len()) |j| {
                try out.bytes.appendSlice(gpa, self.get(i));
                try out.bytes.appendSlice(gpa, suffixes.get(j));
                try out.finish(gpa);
            }
        }
        return out;
    }
};

/// Remove backslash escapes from a literal run.
fn unescape(gpa: Allocator, raw: []const u8) Allocator.Error![]u8 {
    var out: std.ArrayList(u8) = .empty;
    errdefer out.deinit(gpa);
    var i: usize = 0;
    while (i < raw.len) : (i += 1) {
        if (raw[i] == '\\' and i + 1 < raw.len) i += 1;
        try out.append(gpa, raw[i]);
    }
    return out.toOwnedSlice(gpa);
}

fn expandPart(gpa: Allocator, part: Part, depth: u32) ExpandError!Words {
    switch (part) {
        .literal => |raw| {
            const text = try unescape(gpa, raw);
            defer gpa.free(text);
            return Words.single(gpa, text);
        },
        .sequence => |seq| {
            var out: Words = .{};
            errdefer out.deinit(gpa);
            var buf: [32]u8 = undefined;
            for (0..seq.len()) |i| {
                try out.bytes.appendSlice(gpa, seq.format(i, &buf));
                try out.finish(gpa);
            }
            return out;
        },
        .braced => |content| {
            var open = try Words.single(gpa, "{");
            defer open.deinit(gpa);
            var inner = try expandLevel(gpa, content, depth + 1);
            defer inner.deinit(gpa);
            var close = try Words.single(gpa, "}");
            defer close.deinit(gpa);
            var head = try open.product(gpa, &inner);
            defer head.deinit(gpa);
            return head.product(gpa, &close);
        },
        .alternation => |content| {
            var out: Words = .{};
            errdefer out.deinit(gpa);
            var alts: AlternativeIterator = .{ .text = content };
            while (alts.next()) |alt| {
                var words = try expandLevel(gpa, alt, depth + 1);
                defer words.deinit(gpa);
                for (0..words.len()) |i| {
                    try out.bytes.appendSlice(gpa, words.get(i));
                    try out.finish(gpa);
                }
            }
            return out;
        },
    }
}

fn expandLevel(gpa: Allocator, text: []const u8, depth: u32) ExpandError!Words {
    if (depth > max_depth) return error.NestingTooDeep;
    var acc = try Words.single(gpa, "");
    errdefer acc.deinit(gpa);
    var parts: PartIterator = .{ .text = text };
    while (parts.next()) |part| {
        var words = try expandPart(gpa, part, depth);
        defer words.deinit(gpa);
        const next = try acc.product(gpa, &words);
        acc.deinit(gpa);
        acc = next;
    }
    return acc;
}

/// Number of words `pattern` expands to (saturating at `maxInt(usize)`).
pub fn count(pattern: []const u8) CountError!usize {
    if (pattern.len > max_pattern_len) return error.PatternTooLong;
    return countLevel(pattern, 0);
}

/// Whether `pattern` contains at least one real expansion (alternation or
/// sequence) at any depth. Always false beyond `max_pattern_len`.
pub fn hasBraces(pattern: []const u8) bool {
    if (pattern.len > max_pattern_len) return false;
    return hasBracesAt(pattern, 0);
}

fn hasBracesAt(text: []const u8, depth: u32) bool {
    if (depth > max_depth) return false;
    var parts: PartIterator = .{ .text = text };
    while (parts.next()) |part| switch (part) {
        .literal => {},
        .alternation, .sequence => return true,
        .braced => |content| if (hasBracesAt(content, depth + 1)) return true,
    };
    return false;
}

/// Expand `pattern`, returning the words joined by `'\n'`. The caller owns
/// the result.
pub fn expand(allocator: Allocator, pattern: []const u8) ExpandError![]u8 {
    const n = try count(pattern);
    if (n > max_results) return error.TooManyResults;
    var words = try expandLevel(allocator, pattern, 0);
    defer words.deinit(allocator);
    std.debug.assert(words.len() == n);

    var out: std.ArrayList(u8) = .empty;
    errdefer out.deinit(allocator);
    for (0..words.len()) |i| {
        if (i > 0) try out.append(allocator, '\n');
        try out.appendSlice(allocator, words.get(i));
        if (out.items.len > max_output_bytes) return error.OutputTooLarge;
    }
    return out.toOwnedSlice(allocator);
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const testing = std.testing;

fn expectExpansion(pattern: []const u8, expected: []const u8) !void {
    const got = try expand(testing.allocator, pattern);
    defer testing.allocator.free(got);
    try testing.expectEqualStrings(expected, got);
    try testing.expectEqual(std.mem.count(u8, expected, "\n") + 1, try count(pattern));
}

test "alternation" {
    try expectExpansion("a{b,c}d", "abd\nacd");
    try expectExpansion("{a,b}{1,2}", "a1\na2\nb1\nb2");
    try expectExpansion("src/{index,main}.{ts,js}", "src/index.ts\nsrc/index.js\nsrc/main.ts\nsrc/main.js");
    try expectExpansion("a{,b}", "a\nab");
    try expectExpansion("plain", "plain");
    try expectExpansion("", "");
}

test "nested braces" {
    try expectExpansion("{a,{b,c}}z", "az\nbz\ncz");
    try expectExpansion("x{a,b{1,2}}y", "xay\nxb1y\nxb2y");
    try expectExpansion("{x{a,b}}", "{xa}\n{xb}");
    try expectExpansion("{a,{b}c}", "a\n{b}c");
}

test "numeric sequences" {
    try expectExpansion("{1..5}", "1\n2\n3\n4\n5");
    try expectExpansion("{5..1..2}", "5\n3\n1");
    try expectExpansion("{1..10..4}", "1\n5\n9");
    try expectExpansion("{-2..1}", "-2\n-1\n0\n1");
    try expectExpansion("v{01..03}", "v01\nv02\nv03");
    try expectExpansion("{8..11..-3}", "8\n11");
    try expectExpansion("{3..3}", "3");
}

test "character sequences" {
    try expectExpansion("{a..e}", "a\nb\nc\nd\ne");
    try expectExpansion("{e..a..2}", "e\nc\na");
    try expectExpansion("file.{x..z}", "file.x\nfile.y\nfile.z");
    try expectExpansion("{a..3}", "{a..3}");
    try expectExpansion("{ab..c}", "{ab..c}");
}

test "literal braces and escapes" {
    try expectExpansion("{a,b", "{a,b");
    try expectExpansion("a}b,c", "a}b,c");
    try expectExpansion("{}", "{}");
    try expectExpansion("{abc}", "{abc}");
    try expectExpansion("\\{a,b}", "{a,b}");
    try expectExpansion("{a\\,b,c}", "a,b\nc");
    try expectExpansion("x\\", "x\\");
    try expect(!hasBraces("\\{a,b\\}"));
    try expect(hasBraces("pre{x{1..2}}post"));
    try expect(!hasBraces("{plain}"));
}

const expect = testing.expect;

test "limits" {
    try testing.expectError(error.TooManyResults, expand(testing.allocator, "{1..100000}"));
    try testing.expectError(error.TooManyResults, expand(testing.allocator, "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"));
    try testing.expectEqual(@as(usize, 8192), try count("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"));
    try testing.expectEqual(std.math.maxInt(usize), try count("{0..999999999999999999}{0..999999999999999999}"));
    const deep = "{" ** 40 ++ "a,b" ++ "}" ** 40;
    try testing.expectError(error.NestingTooDeep, count(deep));
    try testing.expectError(error.NestingTooDeep, expand(testing.allocator, deep));
    const long = "{a,b}" ** 1000;
    try testing.expectError(error.PatternTooLong, count(long));
    try testing.expectError(error.PatternTooLong, expand(testing.allocator, long));
    try testing.expectError(error.OutputTooLarge, expand(testing.allocator, "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}" ++ "x" ** 1000));
}

//! npm-flavoured semantic versioning: parsing `1.2.3-beta.1+build`, ordering
//! by semver 2.0 precedence, and matching versions against npm ranges
//! (`^1.2.3`, `~1.2`, `1.x || >=2.0.0 <3.0.0-0`, `1.2.3 - 2.3.4`, ...).
//!
//! Ranges are desugared comparator by comparator into a tagged union of
//! primitive bounds and evaluated as they are parsed, so matching needs no
//! allocation. As in npm, a version with a prerelease tag only satisfies a
//! comparator set if some comparator in that set carries a prerelease on the
//! very same `major.minor.patch` tuple.

const std = @import("std");
const Order = std.math.Order;
const Allocator = std.mem.Allocator;

/// Errors from parsing a version string.
pub const ParseError = error{
    /// The text is not a valid semver version.
    InvalidVersion,
    /// A numeric component exceeds `max_safe_integer`.
    NumberTooLarge,
};

/// Errors from parsing a range (internal to range evaluation).
const RangeError = error{ InvalidRange, NumberTooLarge };

/// npm rejects numeric components above JavaScript's `Number.MAX_SAFE_INTEGER`.
pub const max_safe_integer: u64 = (1 << 53) - 1;

/// The numeric part of a parsed version plus flags for its qualifiers.
pub const Version = struct {
    major: u64,
    minor: u64,
    patch: u64,
    has_prerelease: bool = false,
    has_build: bool = false,
};

/// A fully parsed version whose qualifiers borrow from the source text.
const Full = struct {
    major: u64 = 0,
    minor: u64 = 0,
    patch: u64 = 0,
    /// Dot-separated prerelease identifiers, empty when absent.
    pre: []const u8 = "",
    /// Dot-separated build metadata, empty when absent (ignored by ordering).
    build: []const u8 = "",

    fn init(major: u64, minor: u64, patch: u64, pre: []const u8) Full {
        return .{ .major = major, .minor = minor, .patch = patch, .pre = pre };
    }

    fn toVersion(self: Full) Version {
        return .{
            .major = self.major,
            .minor = self.minor,
            .patch = self.patch,
            .has_prerelease = self.pre.len != 0,
            .has_build = self.build.len != 0,
        };
    }

    fn sameTuple(a: Full, b: Full) bool {
        return a.major == b.major and a.minor == b.minor and a.patch == b.patch;
    }

    /// Semver 2.0 precedence; build metadata does not participate.
    fn order(a: Full, b: Full) Order {
        const main_order = std.math.order(a.major, b.major)
            .differ() orelse std.math.order(a.minor, b.minor)
            .differ() orelse std.math.order(a.patch, b.patch);
        if (main_order != .eq) return main_order;
        return comparePrerelease(a.pre, b.pre);
    }
};

fn isDigit(c: u8) bool {
    return c >= '0' and c <= '9';
}

fn isIdentChar(c: u8) bool {
    return std.ascii.isAlphanumeric(c) or c == '-';
}

fn allDigits(s: []const u8) bool {
    for (s) |c| if (!isDigit(c)) return false;
    return s.len != 0;
}

/// Compare two identifiers: numeric ones numerically and below alphanumerics.
fn compareIdentifier(a: []const u8, b: []const u8) Order {
    const a_num = allDigits(a);
    const b_num = allDigits(b);
    if (a_num and b_num) {
        const an = std.mem.trimLeft(u8, a, "0");
        const bn = std.mem.trimLeft(u8, b, "0");
        if (an.len != bn.len) return std.math.order(an.len, bn.len);
        return std.mem.order(u8, an, bn);
    }
    if (a_num) return .lt;
    if (b_num) return .gt;
    return std.mem.order(u8, a, b);
}

/// A release sorts after any of its prereleases; otherwise compare field-wise.
fn comparePrerelease(a: []const u8, b: []const u8) Order {
    if (a.len == 0 and b.len == 0) return .eq;
    if (a.len == 0) return .gt;
    if (b.len == 0) return .lt;
    var it_a = std.mem.splitScalar(u8, a, '.');
    var it_b = std.mem.splitScalar(u8, b, '.');
    while (true) {
        const ida = it_a.next();
        const idb = it_b.next();
        if (ida == null and idb == null) return .eq;
        if (ida == null) return .lt;
        if (idb == null) return .gt;
        const o = compareIdentifier(ida.?, idb.?);
        if (o != .eq) return o;
    }
}

/// Validate dot-separated identifiers; `strict_numeric` rejects `01`.
fn validIdentifiers(s: []const u8, strict_numeric: bool) bool {
    if (s.len == 0) return false;
    var it = std.mem.splitScalar(u8, s, '.');
    while (it.next()) |id| {
        if (id.len == 0) return false;
        for (id) |c| if (!isIdentChar(c)) return false;
        if (strict_numeric and id.len > 1 and id[0] == '0' and allDigits(id)) return false;
    }
    return true;
}

/// A byte cursor over one version or partial-version token.
const Cursor = struct {
    text: []const u8,
    pos: usize = 0,

    fn peek(self: *const Cursor) ?u8 {
        return if (self.pos < self.text.len) self.text[self.pos] else null;
    }

    fn eat(self: *Cursor, c: u8) bool {
        if (self.peek() == c) {
            self.pos += 1;
            return true;
        }
        return false;
    }

    fn rest(self: *const Cursor) []const u8 {
        return self.text[self.pos..];
    }

    /// `0 | [1-9][0-9]*`, bounded by `max_safe_integer`; null if no digit.
    fn number(self: *Cursor) error{ Invalid, NumberTooLarge }!?u64 {
        const start = self.pos;
        var value: u64 = 0;
        while (self.peek()) |c| {
            if (!isDigit(c)) break;
            if (self.pos - start >= 17) return error.NumberTooLarge;
            value = value * 10 + (c - '0');
            self.pos += 1;
        }
        const len = self.pos - start;
        if (len == 0) return null;
        if (len > 1 and self.text[start] == '0') return error.Invalid;
        if (value > max_safe_integer) return error.NumberTooLarge;
        return value;
    }

    /// Split off `-pre` and `+build` qualifiers, validating both.
    fn qualifiers(self: *Cursor, pre: *[]const u8, build: *[]const u8) bool {
        const tail = self.rest();
        self.pos = self.text.len;
        if (tail.len == 0) return true;
        const plus = std.mem.indexOfScalar(u8, tail, '+') orelse tail.len;
        if (tail[0] == '-') {
            pre.* = tail[1..plus];
            if (!validIdentifiers(pre.*, true)) return false;
        } else if (plus != 0) return false;
        if (plus < tail.len) {
            build.* = tail[plus + 1 ..];
            if (!validIdentifiers(build.*, false)) return false;
        }
        return true;
    }
};

fn parseFull(text: []const u8) ParseError!Full {
    var s = std.mem.trim(u8, text, &std.ascii.whitespace);
    if (s.len > 0 and s[0] == '=') s = s[1..];
    if (s.len > 0 and s[0] == 'v') s = s[1..];
    var cur: Cursor = .{ .text = s };
    var full: Full = .{};
    var parts: [3]u64 = undefined;
    for (&parts, 0..) |*part, i| {
        if (i > 0 and !cur.eat('.')) return error.InvalidVersion;
        const n = cur.number() catch |err| return switch (err) {
            error.Invalid => error.InvalidVersion,
            error.NumberTooLarge => error.NumberTooLarge,
        };
        part.* = n orelse return error.InvalidVersion;
    }
    full.major = parts[0];
    full.minor = parts[1];
    full.patch = parts[2];
    if (!cur.qualifiers(&full.pre, &full.build)) return error.InvalidVersion;
    return full;
}

/// Parse a version such as `v1.2.3-beta.1+build.5` (surrounding whitespace
/// and a leading `=` / `v` are accepted).
pub fn parse(text: []const u8) ParseError!Version {
    return (try parseFull(text)).toVersion();
}

/// Whether `text` parses as a version.
pub fn isValid(text: []const u8) bool {
    _ = parseFull(text) catch return false;
    return true;
}

/// Semver precedence of `a` relative to `b`.
pub fn order(a: []const u8, b: []const u8) ParseError!Order {
    const va = try parseFull(a);
    const vb = try parseFull(b);
    return va.order(vb);
}

// ---------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------

const Op = enum {
    lt,
    lte,
    gt,
    gte,
    eq,

    fn accepts(op: Op, o: Order) bool {
        return switch (op) {
            .lt => o == .lt,
            .lte => o != .gt,
            .gt => o == .gt,
            .gte => o != .lt,
            .eq => o == .eq,
        };
    }
};

/// One desugared primitive comparator.
const Comparator = union(enum) {
    /// Matches every version (`*`, `x`, empty).
    any,
    /// Matches nothing (`>*`, `<x`).
    none,
    /// `op version`.
    bound: struct { op: Op, version: Full },

    fn bnd(op: Op, version: Full) Comparator {
        return .{ .bound = .{ .op = op, .version = version } };
    }

    fn matches(self: Comparator, v: Full) bool {
        return switch (self) {
            .any => true,
            .none => false,
            .bound => |b| b.op.accepts(v.order(b.version)),
        };
    }

    /// npm's prerelease gate: the comparator names a prerelease on v's tuple.
    fn admitsPrereleaseOf(self: Comparator, v: Full) bool {
        return switch (self) {
            .any, .none => false,
            .bound => |b| b.version.pre.len != 0 and b.version.sameTuple(v),
        };
    }
};

/// The operator in front of a partial version.
const Prefix = enum {
    none,
    eq,
    lt,
    lte,
    gt,
    gte,
    tilde,
    caret,

    const table = [_]struct { []const u8, Prefix }{
        .{ "~>", .tilde }, .{ ">=", .gte }, .{ "<=", .lte }, .{ "~", .tilde },
        .{ "^", .caret },  .{ ">", .gt },   .{ "<", .lt },   .{ "=", .eq },
    };

    fn split(word: []const u8) struct { Prefix, []const u8 } {
        for (table) |entry| {
            if (std.mem.startsWith(u8, word, entry[0])) return .{ entry[1], word[entry[0].len..] };
        }
        return .{ .none, word };
    }
};

/// `1`, `1.2`, `1.x`, `1.2.3-pre`: missing or wildcard parts are null.
const Partial = struct {
    major: ?u64 = null,
    minor: ?u64 = null,
    patch: ?u64 = null,
    pre: []const u8 = "",
    /// A number followed a wildcard (`1.x.3`): only `~`, `^` and hyphen
    /// ranges tolerate that, as in npm.
    number_after_wildcard: bool = false,

    fn parse(text: []const u8) RangeError!Partial {
        var s = text;
        while (s.len > 0 and (s[0] == 'v' or s[0] == '=')) s = s[1..];
        if (s.len == 0) return error.InvalidRange;
        var cur: Cursor = .{ .text = s };
        var p: Partial = .{};
        const slots = [_]*?u64{ &p.major, &p.minor, &p.patch };
        var wildcard = false;
        for (slots, 0..) |slot, i| {
            if (i > 0 and !cur.eat('.')) break;
            if (cur.eat('x') or cur.eat('X') or cur.eat('*')) {
                wildcard = true;
                continue;
            }
            const n = cur.number() catch |err| return switch (err) {
                error.Invalid => error.InvalidRange,
                error.NumberTooLarge => error.NumberTooLarge,
            };
            const value = n orelse return error.InvalidRange;
            // Anything after a wildcard is itself a wildcard (`1.x.3` == `1.x`).
            if (wildcard) p.number_after_wildcard = true else slot.* = value;
        }
        var build: []const u8 = "";
        if (cur.pos < s.len) {
            if (p.patch == null and !wildcard) return error.InvalidRange;
            if (std.mem.count(u8, s[0..cur.pos], ".") != 2) return error.InvalidRange;
            if (!cur.qualifiers(&p.pre, &build)) return error.InvalidRange;
            if (p.patch == null) p.pre = "";
        }
        return p;
    }

    fn floor(self: Partial) Full {
        return Full.init(self.major orelse 0, self.minor orelse 0, self.patch orelse 0, self.pre);
    }
};

/// Up to two comparators produced by one range token.
const Desugared = struct {
    items: [2]Comparator = undefined,
    len: usize = 0,

    fn of(list: []const Comparator) Desugared {
        var d: Desugared = .{};
        for (list) |c| {
            d.items[d.len] = c;
            d.len += 1;
        }
        return d;
    }

    fn slice(self: *const Desugared) []const Comparator {
        return self.items[0..self.len];
    }
};

/// The exclusive upper bound `M.m.p-0` used by npm for wildcard ceilings.
fn ceil(major: u64, minor: u64, patch: u64) Comparator {
    return Comparator.bnd(.lt, Full.init(major, minor, patch, "0"));
}

/// `>=floor <ceiling` for the range a wildcard partial covers.
fn xrange(p: Partial) Desugared {
    const M = p.major orelse return Desugared.of(&.{Comparator.any});
    const low = Comparator.bnd(.gte, p.floor());
    if (p.minor == null) return Desugared.of(&.{ low, ceil(M + 1, 0, 0) });
    return Desugared.of(&.{ low, ceil(M, p.minor.? + 1, 0) });
}

fn desugar(prefix: Prefix, p: Partial) Desugared {
    const any_x = p.patch == null;
    switch (prefix) {
        .none, .eq => {
            if (any_x) return xrange(p);
            return Desugared.of(&.{Comparator.bnd(.eq, p.floor())});
        },
        .tilde => {
            const M = p.major orelse return Desugared.of(&.{Comparator.any});
            if (p.minor == null) return xrange(p);
            return Desugared.of(&.{ Comparator.bnd(.gte, p.floor()), ceil(M, p.minor.? + 1, 0) });
        },
        .caret => {
            const M = p.major orelse return Desugared.of(&.{Comparator.any});
            const m = p.minor orelse return xrange(p);
            const low = Comparator.bnd(.gte, p.floor());
            if (M != 0) return Desugared.of(&.{ low, ceil(M + 1, 0, 0) });
            const patch = p.patch orelse return Desugared.of(&.{ low, ceil(0, m + 1, 0) });
            if (m != 0) return Desugared.of(&.{ low, ceil(0, m + 1, 0) });
            return Desugared.of(&.{ low, ceil(0, 0, patch + 1) });
        },
        .gt, .gte, .lt, .lte => {
            const op: Op = switch (prefix) {
                .gt => .gt,
                .gte => .gte,
                .lt => .lt,
                else => .lte,
            };
            const M = p.major orelse {
                const everything = (op == .gte or op == .lte);
                return Desugared.of(&.{if (everything) Comparator.any else Comparator.none});
            };
            if (!any_x) return Desugared.of(&.{Comparator.bnd(op, p.floor())});
            const m = p.minor;
            return switch (op) {
                // `>1` is `>=2.0.0`, `>1.2` is `>=1.3.0`.
                .gt => Desugared.of(&.{Comparator.bnd(.gte, if (m) |mm| Full.init(M, mm + 1, 0, "") else Full.init(M + 1, 0, 0, ""))}),
                .gte => Desugared.of(&.{Comparator.bnd(.gte, p.floor())}),
                // `<=1.2` is `<1.3.0-0`, `<=1` is `<2.0.0-0`.
                .lte => Desugared.of(&.{if (m) |mm| ceil(M, mm + 1, 0) else ceil(M + 1, 0, 0)}),
                .lt => Desugared.of(&.{ceil(M, m orelse 0, 0)}),
                .eq => unreachable,
            };
        },
    }
}

/// `from - to`: inclusive on both ends, wildcards widening outward.
fn desugarHyphen(from: Partial, to: Partial) Desugared {
    var d: Desugared = .{};
    if (from.major != null) {
        d.items[d.len] = Comparator.bnd(.gte, from.floor());
        d.len += 1;
    }
    if (to.major) |M| {
        d.items[d.len] = if (to.minor == null)
            ceil(M + 1, 0, 0)
        else if (to.patch == null)
            ceil(M, to.minor.? + 1, 0)
        else
            Comparator.bnd(.lte, to.floor());
        d.len += 1;
    }
    if (d.len == 0) return Desugared.of(&.{Comparator.any});
    return d;
}

/// Checks a version against comparators as they are parsed, for one
/// `||`-separated set at a time.
const SetMatch = struct {
    const Error = error{};

    version: ?Full,
    all: bool = true,
    pre_allowed: bool = false,
    matched_any_set: bool = false,

    fn check(self: *SetMatch, comparators: []const Comparator) void {
        const v = self.version orelse return;
        for (comparators) |c| {
            if (!c.matches(v)) self.all = false;
            if (c.admitsPrereleaseOf(v)) self.pre_allowed = true;
        }
    }

    fn feed(self: *SetMatch, d: Desugared) Error!void {
        self.check(d.slice());
    }

    fn endSet(self: *SetMatch) Error!void {
        if (self.version) |v| {
            if (self.all and (v.pre.len == 0 or self.pre_allowed)) self.matched_any_set = true;
        }
        self.all = true;
        self.pre_allowed = false;
    }
};

/// A range compiled once into a flat comparator list, for matching many
/// versions.
const Range = struct {
    const Error = Allocator.Error;

    comparators: std.ArrayList(Comparator) = .empty,
    /// End offset into `comparators` of each set.
    set_ends: std.ArrayList(usize) = .empty,
    gpa: Allocator,

    fn parse(gpa: Allocator, text: []const u8) (RangeError || Allocator.Error)!Range {
        var range: Range = .{ .gpa = gpa };
        errdefer range.deinit();
        try parseRange(Range, text, &range);
        return range;
    }

    fn deinit(self: *Range) void {
        self.comparators.deinit(self.gpa);
        self.set_ends.deinit(self.gpa);
    }

    fn feed(self: *Range, d: Desugared) Error!void {
        try self.comparators.appendSlice(self.gpa, d.slice());
    }

    fn endSet(self: *Range) Error!void {
        try self.set_ends.append(self.gpa, self.comparators.items.len);
    }

    fn matches(self: *const Range, v: Full) bool {
        var begin: usize = 0;
        for (self.set_ends.items) |end| {
            defer begin = end;
            var state: SetMatch = .{ .version = v };
            state.check(self.comparators.items[begin..end]);
            state.endSet() catch unreachable;
            if (state.matched_any_set) return true;
        }
        return false;
    }
};

const whitespace = " \t\r\n";

/// Parse one comparator set, handing each desugared token to `sink`.
fn parseSet(comptime Sink: type, set: []const u8, sink: *Sink) (RangeError || Sink.Error)!void {
    var words = std.mem.tokenizeAny(u8, set, whitespace);

    // Hyphen ranges are exactly three words with a lone `-` in the middle.
    var count: usize = 0;
    var second_is_dash = false;
    while (words.next()) |w| : (count += 1) {
        if (count == 1) second_is_dash = std.mem.eql(u8, w, "-");
    }
    words.reset();
    if (count == 3 and second_is_dash) {
        const from = try Partial.parse(words.next().?);
        _ = words.next();
        const to = try Partial.parse(words.next().?);
        try sink.feed(desugarHyphen(from, to));
        return sink.endSet();
    }

    while (words.next()) |word| {
        const prefix, var rest = Prefix.split(word);
        if (rest.len == 0 and prefix != .none) rest = words.next() orelse return error.InvalidRange;
        const partial = try Partial.parse(rest);
        if (partial.number_after_wildcard and prefix != .tilde and prefix != .caret) return error.InvalidRange;
        try sink.feed(desugar(prefix, partial));
    }
    return sink.endSet();
}

/// Parse every `||`-separated set of `range` into `sink`.
fn parseRange(comptime Sink: type, range: []const u8, sink: *Sink) (RangeError || Sink.Error)!void {
    var sets = std.mem.splitSequence(u8, range, "||");
    while (sets.next()) |set| try parseSet(Sink, set, sink);
}

/// Whether `version` satisfies the npm range `range`. Invalid versions and
/// invalid ranges never satisfy.
pub fn satisfies(version: []const u8, range: []const u8) bool {
    const v = parseFull(version) catch return false;
    var state: SetMatch = .{ .version = v };
    parseRange(SetMatch, range, &state) catch return false;
    return state.matched_any_set;
}

/// Whether `range` is a syntactically valid npm range.
pub fn validRange(range: []const u8) bool {
    var state: SetMatch = .{ .version = null };
    parseRange(SetMatch, range, &state) catch return false;
    return true;
}

/// Index of the highest version in the comma/whitespace-separated `versions`
/// list that satisfies `range`, or null (also for an invalid range).
/// Unparsable entries are skipped but still counted.
pub fn maxSatisfyingIndex(allocator: Allocator, versions: []const u8, range: []const u8) Allocator.Error!?usize {
    var compiled = Range.parse(allocator, range) catch |err| switch (err) {
        error.OutOfMemory => return error.OutOfMemory,
        error.InvalidRange, error.NumberTooLarge => return null,
    };
    defer compiled.deinit();

    var best: ?struct { index: usize, version: Full } = null;
    var it = std.mem.tokenizeAny(u8, versions, ", \t\r\n");
    var index: usize = 0;
    while (it.next()) |text| : (index += 1) {
        const v = parseFull(text) catch continue;
        if (!compiled.matches(v)) continue;
        if (best == null or v.order(best.?.version) == .gt) best = .{ .index = index, .version = v };
    }
    return if (best) |b| b.index else null;
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const testing = std.testing;

test "parse versions" {
    const v = try parse("1.2.3-beta.1+build.5");
    try testing.expectEqual(@as(u64, 1), v.major);
    try testing.expectEqual(@as(u64, 2), v.minor);
    try testing.expectEqual(@as(u64, 3), v.patch);
    try testing.expect(v.has_prerelease);
    try testing.expect(v.has_build);
    try testing.expectEqual(Version{ .major = 10, .minor = 0, .patch = 7 }, try parse("  v10.0.7 "));
    try testing.expectEqual(Version{ .major = 0, .minor = 0, .patch = 0 }, try parse("=0.0.0"));
    try testing.expectEqual(Version{ .major = 1, .minor = 0, .patch = 0, .has_build = true }, try parse("1.0.0+20130313144700"));
}

test "parse rejects invalid versions" {
    const bad = [_][]const u8{ "", "1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.3-", "1.2.3-01", "1.2.3+", "1.2.3-a..b", "a.b.c", "1.2.3beta", "v", "1.2.3-beta_1", "-1.2.3" };
    for (bad) |text| try testing.expectError(error.InvalidVersion, parse(text));
    try testing.expectError(error.NumberTooLarge, parse("9007199254740992.0.0"));
    try testing.expectError(error.NumberTooLarge, parse("1.99999999999999999999.0"));
    _ = try parse("9007199254740991.0.0");
    try testing.expect(isValid("1.2.3-0a.01a+001"));
    try testing.expect(!isValid("1.2.3-00"));
}

test "order follows semver precedence" {
    const chain = [_][]const u8{
        "1.0.0-alpha",  "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",       "1.0.0",
        "1.0.1",        "1.1.0",         "2.0.0",            "10.0.0",
    };
    for (chain[0 .. chain.len - 1], chain[1..]) |lo, hi| {
        try testing.expectEqual(Order.lt, try order(lo, hi));
        try testing.expectEqual(Order.gt, try order(hi, lo));
    }
    try testing.expectEqual(Order.eq, try order("1.2.3+a", "v1.2.3+b"));
    try testing.expectEqual(Order.lt, try order("1.0.0-2", "1.0.0-10"));
    try testing.expectError(error.InvalidVersion, order("1.2", "1.2.3"));
}

test "caret and tilde ranges" {
    try testing.expect(satisfies("1.2.3", "^1.2.3"));
    try testing.expect(satisfies("1.9.9", "^1.2.3"));
    try testing.expect(!satisfies("2.0.0", "^1.2.3"));
    try testing.expect(!satisfies("1.2.2", "^1.2.3"));
    try testing.expect(satisfies("0.2.5", "^0.2.3"));
    try testing.expect(!satisfies("0.3.0", "^0.2.3"));
    try testing.expect(satisfies("0.0.3", "^0.0.3"));
    try testing.expect(!satisfies("0.0.4", "^0.0.3"));
    try testing.expect(satisfies("0.0.9", "^0.0"));
    try testing.expect(!satisfies("0.1.0", "^0.0.x"));
    try testing.expect(satisfies("0.9.0", "^0.x"));
    try testing.expect(satisfies("1.2.9", "~1.2.3"));
    try testing.expect(!satisfies("1.3.0", "~1.2.3"));
    try testing.expect(satisfies("1.9.0", "~1"));
    try testing.expect(satisfies("1.2.0", "~>1.2"));
    try testing.expect(satisfies("1.2.4", "~ 1.2"));
    try testing.expect(satisfies("3.0.0", "^*"));
}

test "x-ranges, primitives and partials" {
    try testing.expect(satisfies("1.5.0", "1.x"));
    try testing.expect(satisfies("1.5.0", "1"));
    try testing.expect(!satisfies("2.0.0", "1.X"));
    try testing.expect(satisfies("1.2.7", "1.2.*"));
    try testing.expect(satisfies("42.0.0", "*"));
    try testing.expect(satisfies("42.0.0", ""));
    try testing.expect(satisfies("2.0.0", ">1"));
    try testing.expect(!satisfies("1.9.0", ">1"));
    try testing.expect(satisfies("1.3.0", ">1.2"));
    try testing.expect(!satisfies("1.2.9", ">1.2"));
    try testing.expect(satisfies("1.2.9", "<=1.2"));
    try testing.expect(!satisfies("1.3.0", "<=1.2"));
    try testing.expect(!satisfies("1.2.0", "<1.2"));
    try testing.expect(satisfies("1.5.0", ">= 1.2.3 < 2.0.0"));
    try testing.expect(!satisfies("0.0.0", ">*"));
    try testing.expect(satisfies("0.0.0", ">=*"));
    try testing.expect(satisfies("1.2.3", "=1.2.3"));
    try testing.expect(satisfies("1.2.3", "v1.2.3"));
    try testing.expect(!satisfies("1.2.4", "1.2.3"));
}

test "hyphen ranges and unions" {
    try testing.expect(satisfies("1.2.3", "1.2.3 - 2.3.4"));
    try testing.expect(satisfies("2.3.4", "1.2.3 - 2.3.4"));
    try testing.expect(!satisfies("2.3.5", "1.2.3 - 2.3.4"));
    try testing.expect(satisfies("2.3.9", "1.2 - 2.3"));
    try testing.expect(!satisfies("2.4.0", "1.2 - 2.3"));
    try testing.expect(satisfies("2.9.9", "1.2.3 - 2"));
    try testing.expect(satisfies("0.0.1", "* - 2"));
    try testing.expect(satisfies("3.1.0", "1.x || >=3.0.0 <4.0.0"));
    try testing.expect(satisfies("1.4.0", "1.x || >=3.0.0 <4.0.0"));
    try testing.expect(!satisfies("2.4.0", "1.x || >=3.0.0 <4.0.0"));
    try testing.expect(satisfies("2.4.0", "1.x ||"));
}

test "prerelease handling like npm" {
    try testing.expect(satisfies("1.2.3-beta.2", ">=1.2.3-beta.1"));
    try testing.expect(!satisfies("1.2.4-beta.2", ">=1.2.3-beta.1"));
    try testing.expect(satisfies("1.2.4", ">=1.2.3-beta.1"));
    try testing.expect(!satisfies("1.0.0-beta", "*"));
    try testing.expect(!satisfies("2.0.0-alpha", "^1.0.0"));
    try testing.expect(satisfies("1.2.3-rc.1", "~1.2.3-beta.2"));
    try testing.expect(!satisfies("1.2.3-alpha", "~1.2.3-beta.2"));
    try testing.expect(satisfies("1.2.3-pre", "1.2.3-pre - 1.2.4"));
    try testing.expect(!satisfies("1.0.0-rc.1", "1.0.0"));
}

test "invalid ranges" {
    const bad = [_][]const u8{ ">=", "1.2.3 -", "- 1.2.3", "1.2.3 - 2.0.0 - 3", "01.2", "1.2.3-", "foo", ">=1.2.3<2", "1.2-beta", "1 | 2", "^^1" };
    for (bad) |range| {
        try testing.expect(!validRange(range));
        try testing.expect(!satisfies("1.2.3", range));
    }
    try testing.expect(validRange(">=1.2.3 <2.0.0-0 || ~3.1"));
    try testing.expect(validRange("1.2.x-beta"));
    try testing.expect(!validRange("1.x.3"));
    try testing.expect(!validRange(">=*.1"));
    try testing.expect(satisfies("1.9.0", "~1.x.3"));
    try testing.expect(satisfies("1.0.0", "1 - x.1"));
    try testing.expect(!satisfies("not-a-version", "*"));
}

test "maxSatisfyingIndex picks the highest match" {
    const gpa = testing.allocator;
    try testing.expectEqual(@as(?usize, 2), try maxSatisfyingIndex(gpa, "1.2.3, 1.2.4, 1.3.0, 2.0.0", "^1.2.3"));
    try testing.expectEqual(@as(?usize, 1), try maxSatisfyingIndex(gpa, "1.0.0 1.1.0 bogus 1.0.5", "~1.0 || 1.1.0"));
    try testing.expectEqual(@as(?usize, 3), try maxSatisfyingIndex(gpa, "1.0.0-rc.1 2.0.0-beta 1.0.0 1.0.1-alpha", "^1.0.0-rc.1 || ~1.0.1-0"));
    try testing.expectEqual(@as(?usize, null), try maxSatisfyingIndex(gpa, "0.1.0,0.2.0", ">=1"));
    try testing.expectEqual(@as(?usize, null), try maxSatisfyingIndex(gpa, "1.0.0", "<<"));
    try testing.expectEqual(@as(?usize, null), try maxSatisfyingIndex(gpa, "", "*"));
}

//! Glob matching in the spirit of `Bun.Glob#match`:
//!
//!   `*`        any run of bytes except `/`
//!   `?`        one byte except `/`
//!   `**`       as a whole path segment: zero or more segments
//!   `[abc]`    `[a-z]`  `[!a]`  `[^a]`   one byte from (or not from) a class
//!   `{a,b}`    alternation, nestable, alternatives may contain `/`
//!   `!pat`     leading `!` negates (repeatable)
//!   `\x`       matches `x` literally
//!
//! The pattern is compiled into a small Thompson-style program (byte tests,
//! loops, splits and jumps) and simulated over the path with a bitset of live
//! states, so matching is O(pattern * path) with no backtracking and no
//! allocation.

const std = @import("std");

/// Longest pattern (after stripping negation) that `match` accepts; longer
/// patterns never match.
pub const max_pattern_len: usize = 1024;
/// Deepest `{...}` nesting that `match` accepts.
pub const max_group_depth: usize = 32;

const CompileError = error{TooComplex};

/// A character class `[...]`: `body` is the text between the brackets after
/// the optional `!`/`^`.
const Class = struct {
    body: []const u8,
    negated: bool,

    /// Read one (possibly escaped) byte of the class body at `j.*`.
    fn take(body: []const u8, j: *usize) u8 {
        if (body[j.*] == '\\' and j.* + 1 < body.len) j.* += 1;
        const c = body[j.*];
        j.* += 1;
        return c;
    }

    fn contains(self: Class, c: u8) bool {
        if (c == '/') return false;
        var found = false;
        var j: usize = 0;
        while (j < self.body.len) {
            const lo = take(self.body, &j);
            var hi = lo;
            if (j + 1 < self.body.len and self.body[j] == '-') {
                j += 1;
                hi = take(self.body, &j);
            }
            if (c >= lo and c <= hi) found = true;
        }
        return found != self.negated;
    }
};

/// What a consuming instruction accepts.
const Pred = union(enum) {
    byte: u8,
    not_slash,
    any,
    class: Class,

    fn accepts(self: Pred, c: u8) bool {
        return switch (self) {
            .byte => |b| b == c,
            .not_slash => c != '/',
            .any => true,
            .class => |cls| cls.contains(c),
        };
    }
};

/// One instruction of the compiled program.
const Op = union(enum) {
    /// Consume one byte matching the predicate, then continue at the next op.
    one: Pred,
    /// Consume one byte matching the predicate and stay; or skip ahead.
    many: Pred,
    /// Continue at both the next op and `target`.
    split: u32,
    /// Continue at `target`.
    jump: u32,
};

/// A compiled glob able to hold `capacity` instructions.
fn Program(comptime capacity: usize) type {
    return struct {
        const Self = @This();
        const StateSet = std.StaticBitSet(capacity + 1);
        const none: u32 = std.math.maxInt(u32);

        ops: [capacity]Op = undefined,
        len: u32 = 0,

        /// An open `{...}` during compilation.
        const Group = struct {
            close: usize,
            /// The split guarding the current alternative.
            split_at: u32,
            /// Head of the linked list of `jump`s to the group end.
            jumps: u32 = none,
        };

        fn emit(self: *Self, op: Op) CompileError!u32 {
            if (self.len >= capacity) return error.TooComplex;
            self.ops[self.len] = op;
            self.len += 1;
            return self.len - 1;
        }

        fn isStartBoundary(p: []const u8, i: usize) bool {
            return i == 0 or switch (p[i - 1]) {
                '/', '{', ',' => true,
                else => false,
            };
        }

        fn isEndBoundary(p: []const u8, i: usize, in_group: bool) bool {
            return i == p.len or (in_group and (p[i] == ',' or p[i] == '}'));
        }

        /// Find the `}` matching the `{` at `open`, honouring escapes.
        fn findClose(p: []const u8, open: usize) ?usize {
            var depth: usize = 0;
            var i = open;
            while (i < p.len) : (i += 1) {
                switch (p[i]) {
                    '\\' => i += 1,
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if (depth == 0) return i;
                    },
                    else => {},
                }
            }
            return null;
        }

        /// Find the `]` closing a class opened at `open`, before `limit`.
        fn findClassEnd(p: []const u8, open: usize, limit: usize) ?struct { body_start: usize, end: usize, negated: bool } {
            var j = open + 1;
            var negated = false;
            if (j < limit and (p[j] == '!' or p[j] == '^')) {
                negated = true;
                j += 1;
            }
            const body_start = j;
            if (j < limit and p[j] == ']') j += 1;
            while (j < limit) : (j += 1) {
                switch (p[j]) {
                    '\\' => j += 1,
                    ']' => return .{ .body_start = body_start, .end = j, .negated = negated },
                    else => {},
                }
            }
            return null;
        }

        fn compile(self: *Self, p: []const u8) CompileError!void {
            self.len = 0;
            var groups: [max_group_depth]Group = undefined;
            var depth: usize = 0;
            var i: usize = 0;
            while (i < p.len) {
                const limit = if (depth > 0) groups[depth - 1].close else p.len;
                if (depth > 0 and i == limit) {
                    const g = &groups[depth - 1];
                    // The last alternative's guard becomes a no-op.
                    self.ops[g.split_at] = .{ .split = g.split_at + 1 };
                    var link = g.jumps;
                    while (link != none) {
                        const prev = self.ops[link].jump;
                        self.ops[link] = .{ .jump = self.len };
                        link = prev;
                    }
                    depth -= 1;
                    i += 1;
                    continue;
                }
                const c = p[i];
                switch (c) {
                    '\\' => {
                        const lit = if (i + 1 < p.len) p[i + 1] else '\\';
                        _ = try self.emit(.{ .one = .{ .byte = lit } });
                        i += 2;
                    },
                    ',' => if (depth > 0) {
                        const g = &groups[depth - 1];
                        g.jumps = try self.emit(.{ .jump = g.jumps });
                        self.ops[g.split_at] = .{ .split = self.len };
                        g.split_at = try self.emit(.{ .split = none });
                        i += 1;
                    } else {
                        _ = try self.emit(.{ .one = .{ .byte = ',' } });
                        i += 1;
                    },
                    '{' => if (findClose(p, i)) |close| {
                        if (depth == max_group_depth) return error.TooComplex;
                        groups[depth] = .{ .close = close, .split_at = try self.emit(.{ .split = none }) };
                        depth += 1;
                        i += 1;
                    } else {
                        _ = try self.emit(.{ .one = .{ .byte = '{' } });
                        i += 1;
                    },
                    '[' => if (findClassEnd(p, i, limit)) |cls| {
                        _ = try self.emit(.{ .one = .{ .class = .{
                            .body = p[cls.body_start..cls.end],
                            .negated = cls.negated,
                        } } });
                        i = cls.end + 1;
                    } else {
                        _ = try self.emit(.{ .one = .{ .byte = '[' } });
                        i += 1;
                    },
                    '?' => {
                        _ = try self.emit(.{ .one = .not_slash });
                        i += 1;
                    },
                    '*' => {
                        var end = i;
                        while (end < limit and p[end] == '*') end += 1;
                        const globstar = end - i >= 2 and isStartBoundary(p, i);
                        if (globstar and end < limit and p[end] == '/') {
                            // `**/`: zero or more whole segments.
                            const guard = try self.emit(.{ .split = none });
                            _ = try self.emit(.{ .many = .any });
                            _ = try self.emit(.{ .one = .{ .byte = '/' } });
                            self.ops[guard] = .{ .split = self.len };
                            i = end + 1;
                        } else {
                            const whole = globstar and isEndBoundary(p, end, depth > 0);
                            _ = try self.emit(.{ .many = if (whole) .any else .not_slash });
                            i = end;
                        }
                    },
                    '/' => {
                        const tail = i + 3;
                        if (tail <= limit and std.mem.eql(u8, p[i + 1 .. tail], "**") and isEndBoundary(p, tail, depth > 0)) {
                            // Trailing `/**`: the directory itself or anything below it.
                            const guard = try self.emit(.{ .split = none });
                            _ = try self.emit(.{ .one = .{ .byte = '/' } });
                            _ = try self.emit(.{ .many = .any });
                            self.ops[guard] = .{ .split = self.len };
                            i = tail;
                        } else {
                            _ = try self.emit(.{ .one = .{ .byte = '/' } });
                            i += 1;
                        }
                    },
                    else => {
                        _ = try self.emit(.{ .one = .{ .byte = c } });
                        i += 1;
                    },
                }
            }
            if (depth != 0) return error.TooComplex;
        }

        /// Room for every seed plus two pushes per newly reached state.
        const work_capacity = 3 * (capacity + 1);

        /// Add the `seeds` states on top of `work` and everything reachable
        /// from them without consuming input to `set`.
        fn closure(self: *const Self, set: *StateSet, work: *[work_capacity]u32, seeds: usize) void {
            const ops = self.program();
            var top = seeds;
            while (top > 0) {
                top -= 1;
                const s = work[top];
                if (set.isSet(s)) continue;
                set.set(s);
                if (s == self.len) continue;
                switch (ops[s]) {
                    .one => {},
                    .many => {
                        work[top] = s + 1;
                        top += 1;
                    },
                    .split => |target| {
                        work[top] = target;
                        work[top + 1] = s + 1;
                        top += 2;
                    },
                    .jump => |target| {
                        work[top] = target;
                        top += 1;
                    },
                }
            }
        }

        /// The compiled instructions (borrowed, so indexing never copies the array).
        fn program(self: *const Self) []const Op {
            return self.ops[0..self.len];
        }

        fn run(self: *const Self, path: []const u8) bool {
            const ops = self.program();
            var work: [work_capacity]u32 = undefined;
            var current = StateSet.initEmpty();
            work[0] = 0;
            self.closure(&current, &work, 1);
            for (path) |c| {
                // Seed the next generation with every successful transition,
                // then take the closure of all of them in one pass.
                var seeds: usize = 0;
                var it = current.iterator(.{});
                while (it.next()) |index| {
                    const s: u32 = @intCast(index);
                    if (s == self.len) continue;
                    const target = switch (ops[s]) {
                        .one => |pred| if (pred.accepts(c)) s + 1 else continue,
                        .many => |pred| if (pred.accepts(c)) s else continue,
                        .split, .jump => continue,
                    };
                    work[seeds] = target;
                    seeds += 1;
                }
                if (seeds == 0) return false;
                current = StateSet.initEmpty();
                self.closure(&current, &work, seeds);
            }
            return current.isSet(self.len);
        }
    };
}

/// Enough room for the worst case of two instructions per pattern byte.
const MatchProgram = Program(2 * max_pattern_len + 2);

/// Strip leading `!`s, reporting whether an odd number was present.
fn splitNegation(pattern: []const u8) struct { bool, []const u8 } {
    var p = pattern;
    var negated = false;
    while (p.len > 0 and p[0] == '!') {
        negated = !negated;
        p = p[1..];
    }
    return .{ negated, p };
}

/// Whether `path` matches the glob `pattern`.
pub fn match(pattern: []const u8, path: []const u8) bool {
    const negated, const body = splitNegation(pattern);
    if (body.len > max_pattern_len) return false;
    var program: MatchProgram = .{};
    program.compile(body) catch return false;
    return program.run(path) != negated;
}

/// Whether `pattern` uses any glob syntax (as opposed to naming one path).
pub fn hasMagic(pattern: []const u8) bool {
    if (pattern.len > 0 and pattern[0] == '!') return true;
    // An unescaped `{` followed anywhere by an unescaped `}` means some pair
    // (the innermost) matches, so one linear pass suffices.
    var saw_open_brace = false;
    // Once a class fails to close, every later one fails too (they scan a
    // suffix of the same text), so stop looking.
    var classes_possible = true;
    var i: usize = 0;
    while (i < pattern.len) : (i += 1) {
        switch (pattern[i]) {
            '\\' => i += 1,
            '*', '?' => return true,
            '[' => if (classes_possible) {
                if (MatchProgram.findClassEnd(pattern, i, pattern.len) != null) return true;
                classes_possible = false;
            },
            '{' => saw_open_brace = true,
            '}' => if (saw_open_brace) return true,
            else => {},
        }
    }
    return false;
}

/// The leading directory segments of `pattern` that contain no glob syntax
/// (where a directory walk would start), e.g. `src/lib` for `src/lib/**/*.ts`.
pub fn literalPrefix(pattern: []const u8) []const u8 {
    if (pattern.len > 0 and pattern[0] == '!') return "";
    var last_slash: ?usize = null;
    var i: usize = 0;
    while (i < pattern.len) : (i += 1) {
        switch (pattern[i]) {
            '\\', '*', '?', '[', '{' => break,
            '/' => last_slash = i,
            else => {},
        }
    } else return pattern;
    const end = last_slash orelse return "";
    return pattern[0..if (end == 0) 1 else end];
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const testing = std.testing;
const expect = testing.expect;

test "stars and question marks" {
    try expect(match("*.js", "index.js"));
    try expect(!match("*.js", "src/index.js"));
    try expect(match("src/*.ts", "src/main.ts"));
    try expect(match("*", ""));
    try expect(match("a*b*c", "aXXbYYc"));
    try expect(!match("a*b*c", "aXXbYY"));
    try expect(match("?.txt", "a.txt"));
    try expect(!match("?.txt", "ab.txt"));
    try expect(!match("a?b", "a/b"));
    try expect(match("a**b", "aXYb"));
    try expect(!match("a**b", "a/b"));
    try expect(match("", ""));
    try expect(!match("", "x"));
}

test "globstar" {
    try expect(match("**/*.js", "index.js"));
    try expect(match("**/*.js", "a/b/c/index.js"));
    try expect(match("src/**/*.ts", "src/main.ts"));
    try expect(match("src/**/*.ts", "src/a/b/main.ts"));
    try expect(!match("src/**/*.ts", "lib/a/main.ts"));
    try expect(match("**", "a/b/c"));
    try expect(match("src/**", "src/a/b"));
    try expect(match("src/**", "src"));
    try expect(!match("src/**", "srcx"));
    try expect(match("a/**/b/**/c", "a/b/c"));
    try expect(match("a/**/b/**/c", "a/x/b/y/z/c"));
    try expect(match("node_modules/**/package.json", "node_modules/@types/node/package.json"));
}

test "character classes" {
    try expect(match("[abc].txt", "b.txt"));
    try expect(!match("[abc].txt", "d.txt"));
    try expect(match("file[0-9].log", "file7.log"));
    try expect(match("[!a]x", "bx"));
    try expect(!match("[!a]x", "ax"));
    try expect(match("[^a-c]", "z"));
    try expect(match("[]]", "]"));
    try expect(match("[a\\]]", "]"));
    try expect(match("[a-]", "-"));
    try expect(!match("[!a]", "/"));
    try expect(match("[abc", "[abc"));
}

test "brace alternation" {
    try expect(match("*.{js,ts}", "index.ts"));
    try expect(match("*.{js,ts}", "index.js"));
    try expect(!match("*.{js,ts}", "index.css"));
    try expect(match("{src,lib}/**/*.{js,jsx}", "lib/ui/button.jsx"));
    try expect(match("a{b,c{d,e}}f", "acef"));
    try expect(!match("a{b,c{d,e}}f", "acf"));
    try expect(match("a{,.min}.js", "a.js"));
    try expect(match("a{,.min}.js", "a.min.js"));
    try expect(match("{a/b,c}", "a/b"));
    try expect(match("{**/x,y}", "p/q/x"));
    try expect(match("{a,b", "{a,b"));
}

test "negation and escapes" {
    try expect(match("!*.js", "index.ts"));
    try expect(!match("!*.js", "index.js"));
    try expect(match("!!*.js", "index.js"));
    try expect(match("\\*.js", "*.js"));
    try expect(!match("\\*.js", "a.js"));
    try expect(match("\\!important", "!important"));
    try expect(match("a\\{b,c}", "a{b,c}"));
    try expect(match("trailing\\", "trailing\\"));
}

test "no exponential blowup" {
    const pattern = "a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
    const path = "a" ** 200;
    try expect(!match(pattern, path));
    try expect(!match("**/" ** 30 ++ "x", "a/" ** 100 ++ "y"));
    try expect(!match("{" ** 40 ++ "a" ++ "}" ** 40, "a"));
    try expect(match("{" ** 30 ++ "a" ++ "}" ** 30, "a"));
    try expect(!match("x" ** (max_pattern_len + 1), "x" ** (max_pattern_len + 1)));
}

test "hasMagic and literalPrefix" {
    try expect(hasMagic("src/**/*.ts"));
    try expect(hasMagic("file?.txt"));
    try expect(hasMagic("[ab]"));
    try expect(hasMagic("{a,b}"));
    try expect(hasMagic("!foo"));
    try expect(!hasMagic("src/index.ts"));
    try expect(!hasMagic("\\*.js"));
    try expect(!hasMagic("[abc"));
    try expect(!hasMagic("}{"));
    try expect(hasMagic("{{a}"));
    try expect(!hasMagic("[[[a\\]"));
    try testing.expectEqualStrings("src/lib", literalPrefix("src/lib/**/*.ts"));
    try testing.expectEqualStrings("", literalPrefix("*.js"));
    try testing.expectEqualStrings("/", literalPrefix("/*.js"));
    try testing.expectEqualStrings("a/b.txt", literalPrefix("a/b.txt"));
}

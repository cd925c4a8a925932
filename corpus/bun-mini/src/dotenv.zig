//! `.env` file parsing in the spirit of Bun's env loader.
//!
//!   KEY=value            unquoted; ends at a ` #` inline comment, trimmed
//!   export KEY=value     the `export` prefix is ignored
//!   KEY='raw $VALUE'     single quotes: literal, no expansion
//!   KEY="a\nb $X"        double quotes: `\n \r \t \\ \" \$` escapes, expansion
//!   KEY=`tpl ${X}`       backticks: no escapes, expansion
//!
//! Quoted values may span lines. `$VAR`, `${VAR}`, `${VAR:-default}` and
//! `${VAR-default}` refer to keys defined earlier in the same file; `\$` is a
//! literal dollar. Later assignments override earlier ones.

const std = @import("std");
const Allocator = std.mem.Allocator;

/// Errors from variable expansion.
pub const ExpandError = error{ ExpansionTooDeep, ValueTooLong } || Allocator.Error;

/// Maximum nesting of `${A:-${B:-...}}` defaults.
pub const max_depth = 16;
/// Maximum length of one expanded value (guards against `B=$A$A`, `C=$B$B`, ...).
pub const max_value_len = 64 * 1024;

/// How a value was quoted in the source.
pub const Quote = enum {
    none,
    single,
    double,
    backtick,

    fn fromByte(c: u8) ?Quote {
        return switch (c) {
            '\'' => .single,
            '"' => .double,
            '`' => .backtick,
            else => null,
        };
    }

    fn byte(self: Quote) u8 {
        return switch (self) {
            .none => 0,
            .single => '\'',
            .double => '"',
            .backtick => '`',
        };
    }
};

/// One `KEY=value` assignment as written (value without its quotes).
const RawEntry = struct {
    key: []const u8,
    value: []const u8,
    quote: Quote,
};

fn isKeyStart(c: u8) bool {
    return std.ascii.isAlphabetic(c) or c == '_';
}

fn isKeyChar(c: u8) bool {
    return std.ascii.isAlphanumeric(c) or c == '_' or c == '.' or c == '-';
}

fn isNameChar(c: u8) bool {
    return std.ascii.isAlphanumeric(c) or c == '_';
}

fn isBlank(c: u8) bool {
    return c == ' ' or c == '\t';
}

/// True when `name` can be used as a `.env` key: `[A-Za-z_][A-Za-z0-9_.-]*`.
pub fn isValidKey(name: []const u8) bool {
    if (name.len == 0 or !isKeyStart(name[0])) return false;
    for (name[1..]) |c| {
        if (!isKeyChar(c)) return false;
    }
    return true;
}

/// Splits `.env` source into assignments; malformed lines are skipped.
const Lexer = struct {
    source: []const u8,
    pos: usize = 0,

    const State = enum { line_start, skip_line, key, before_equals, value_start, quoted, unquoted };

    fn next(self: *Lexer) ?RawEntry {
        const src = self.source;
        var key: []const u8 = "";
        var value_start: usize = 0;
        var quote: Quote = .none;

        state: switch (State.line_start) {
            .line_start => {
                while (self.pos < src.len and (isBlank(src[self.pos]) or src[self.pos] == '\n' or src[self.pos] == '\r')) self.pos += 1;
                if (self.pos >= src.len) return null;
                if (src[self.pos] == '#') continue :state .skip_line;
                const rest = src[self.pos..];
                if (std.mem.startsWith(u8, rest, "export") and rest.len > 6 and isBlank(rest[6])) {
                    self.pos += 6;
                    while (self.pos < src.len and isBlank(src[self.pos])) self.pos += 1;
                }
                continue :state .key;
            },
            .skip_line => {
                const nl = std.mem.indexOfScalarPos(u8, src, self.pos, '\n') orelse src.len;
                self.pos = nl;
                continue :state .line_start;
            },
            .key => {
                const start = self.pos;
                while (self.pos < src.len and isKeyChar(src[self.pos])) self.pos += 1;
                key = src[start..self.pos];
                if (!isValidKey(key)) continue :state .skip_line;
                continue :state .before_equals;
            },
            .before_equals => {
                while (self.pos < src.len and isBlank(src[self.pos])) self.pos += 1;
                if (self.pos >= src.len or src[self.pos] != '=') continue :state .skip_line;
                self.pos += 1;
                continue :state .value_start;
            },
            .value_start => {
                while (self.pos < src.len and isBlank(src[self.pos])) self.pos += 1;
                if (self.pos < src.len) {
                    if (Quote.fromByte(src[self.pos])) |q| {
                        quote = q;
                        value_start = self.pos + 1;
                        continue :state .quoted;
                    }
                }
                value_start = self.pos;
                continue :state .unquoted;
            },
            .quoted => {
                const close_byte = quote.byte();
                var i = value_start;
                while (i < src.len and src[i] != close_byte) : (i += 1) {
                    if (quote == .double and src[i] == '\\') i += 1;
                }
                if (i >= src.len) {
                    // Unterminated: the quote is part of an unquoted value.
                    quote = .none;
                    value_start -= 1;
                    continue :state .unquoted;
                }
                self.pos = std.mem.indexOfScalarPos(u8, src, i + 1, '\n') orelse src.len;
                return .{ .key = key, .value = src[value_start..i], .quote = quote };
            },
            .unquoted => {
                const nl = std.mem.indexOfScalarPos(u8, src, value_start, '\n') orelse src.len;
                var end = value_start;
                while (end < nl) : (end += 1) {
                    if (src[end] == '#' and (end == value_start or isBlank(src[end - 1]))) break;
                }
                self.pos = nl;
                const value = std.mem.trimRight(u8, src[value_start..end], " \t\r");
                return .{ .key = key, .value = value, .quote = .none };
            },
        }
    }
};

/// Expands `$` references against already-defined variables.
const Expander = struct {
    gpa: Allocator,
    vars: *const std.StringHashMap([]const u8),

    fn append(self: Expander, out: *std.ArrayList(u8), bytes: []const u8) ExpandError!void {
        if (out.items.len + bytes.len > max_value_len) return error.ValueTooLong;
        try out.appendSlice(self.gpa, bytes);
    }

    /// Index of the `}` closing a `${` whose body starts at `start`, honouring nesting.
    fn findClose(text: []const u8, start: usize) ?usize {
        var nesting: usize = 0;
        var i = start;
        while (i < text.len) : (i += 1) {
            switch (text[i]) {
                '\\' => i += 1,
                '$' => if (i + 1 < text.len and text[i + 1] == '{') {
                    nesting += 1;
                    i += 1;
                },
                '}' => {
                    if (nesting == 0) return i;
                    nesting -= 1;
                },
                else => {},
            }
        }
        return null;
    }

    fn expandInto(self: Expander, out: *std.ArrayList(u8), text: []const u8, quote: Quote, depth: usize) ExpandError!void {
        if (depth > max_depth) return error.ExpansionTooDeep;
        var i: usize = 0;
        while (i < text.len) {
            const c = text[i];
            if (c == '\\' and i + 1 < text.len and quote != .backtick) {
                const e = text[i + 1];
                const decoded: ?u8 = switch (e) {
                    '$' => '$',
                    'n' => if (quote == .double) '\n' else null,
                    'r' => if (quote == .double) '\r' else null,
                    't' => if (quote == .double) '\t' else null,
                    '\\', '"' => if (quote == .double) e else null,
                    else => null,
                };
                if (decoded) |d| {
                    try self.append(out, &.{d});
                    i += 2;
                    continue;
                }
            }
            if (c != '$' or i + 1 >= text.len) {
                try self.append(out, &.{c});
                i += 1;
                continue;
            }
            if (text[i + 1] == '{') {
                const close = findClose(text, i + 2) orelse {
                    try self.append(out, text[i..]);
                    return;
                };
                try self.expandBraced(out, text[i + 2 .. close], quote, depth);
                i = close + 1;
            } else if (isKeyStart(text[i + 1])) {
                var end = i + 1;
                while (end < text.len and isNameChar(text[end])) end += 1;
                try self.append(out, self.vars.get(text[i + 1 .. end]) orelse "");
                i = end;
            } else {
                try self.append(out, "$");
                i += 1;
            }
        }
    }

    /// `body` is the text between `${` and `}`.
    fn expandBraced(self: Expander, out: *std.ArrayList(u8), body: []const u8, quote: Quote, depth: usize) ExpandError!void {
        var name_end: usize = 0;
        while (name_end < body.len and isKeyChar(body[name_end]) and body[name_end] != '-') name_end += 1;
        const name = body[0..name_end];
        const value = self.vars.get(name);
        const rest = body[name_end..];
        if (std.mem.startsWith(u8, rest, ":-")) {
            if (value != null and value.?.len > 0) return self.append(out, value.?);
            return self.expandInto(out, rest[2..], quote, depth + 1);
        }
        if (std.mem.startsWith(u8, rest, "-")) {
            if (value) |v| return self.append(out, v);
            return self.expandInto(out, rest[1..], quote, depth + 1);
        }
        if (rest.len != 0 or name.len == 0) {
            // Not a form we understand: keep it literally.
            try self.append(out, "${");
            try self.append(out, body);
            return self.append(out, "}");
        }
        try self.append(out, value orelse "");
    }
};

/// All variables of a file, expanded, living in one arena.
const Env = struct {
    arena: std.heap.ArenaAllocator,
    vars: std.StringHashMap([]const u8),

    fn parse(gpa: Allocator, source: []const u8) ExpandError!Env {
        var env: Env = .{ .arena = std.heap.ArenaAllocator.init(gpa), .vars = undefined };
        errdefer env.arena.deinit();
        const a = env.arena.allocator();
        env.vars = std.StringHashMap([]const u8).init(a);
        const expander: Expander = .{ .gpa = a, .vars = &env.vars };
        var lexer: Lexer = .{ .source = source };
        while (lexer.next()) |entry| {
            var buf: std.ArrayList(u8) = .empty;
            if (entry.quote == .single) {
                try buf.appendSlice(a, entry.value);
            } else {
                try expander.expandInto(&buf, entry.value, entry.quote, 0);
            }
            try env.vars.put(entry.key, try buf.toOwnedSlice(a));
        }
        return env;
    }

    fn deinit(self: *Env) void {
        self.arena.deinit();
    }
};

/// The expanded value of `key` in `.env` source, owned by `allocator`; null when unset.
pub fn get(allocator: Allocator, source: []const u8, key: []const u8) ExpandError!?[]u8 {
    var env = try Env.parse(allocator, source);
    defer env.deinit();
    const value = env.vars.get(key) orelse return null;
    return try allocator.dupe(u8, value);
}

/// Number of well-formed assignments in `source` (duplicates counted).
pub fn count(source: []const u8) usize {
    var lexer: Lexer = .{ .source = source };
    var n: usize = 0;
    while (lexer.next()) |_| n += 1;
    return n;
}

/// The key of the `index`-th assignment, as a slice of `source`.
pub fn keyAt(source: []const u8, index: usize) ?[]const u8 {
    var lexer: Lexer = .{ .source = source };
    var i: usize = 0;
    while (lexer.next()) |entry| : (i += 1) {
        if (i == index) return entry.key;
    }
    return null;
}

/// The unexpanded value of the last assignment to `key` (quotes removed).
pub fn rawValue(source: []const u8, key: []const u8) ?[]const u8 {
    var lexer: Lexer = .{ .source = source };
    var found: ?[]const u8 = null;
    while (lexer.next()) |entry| {
        if (std.mem.eql(u8, entry.key, key)) found = entry.value;
    }
    return found;
}

/// How the last assignment to `key` was quoted.
pub fn quoteOf(source: []const u8, key: []const u8) ?Quote {
    var lexer: Lexer = .{ .source = source };
    var found: ?Quote = null;
    while (lexer.next()) |entry| {
        if (std.mem.eql(u8, entry.key, key)) found = entry.quote;
    }
    return found;
}

/// Expands `$VAR` references in `text` against the variables of `source`.
pub fn expand(allocator: Allocator, source: []const u8, text: []const u8) ExpandError![]u8 {
    var env = try Env.parse(allocator, source);
    defer env.deinit();
    var out: std.ArrayList(u8) = .empty;
    errdefer out.deinit(allocator);
    const expander: Expander = .{ .gpa = allocator, .vars = &env.vars };
    try expander.expandInto(&out, text, .none, 0);
    return out.toOwnedSlice(allocator);
}

const testing = std.testing;

fn expectGet(expected: ?[]const u8, source: []const u8, key: []const u8) !void {
    const got = try get(testing.allocator, source, key);
    defer if (got) |g| testing.allocator.free(g);
    if (expected) |e| {
        try testing.expectEqualStrings(e, got orelse return error.TestExpectedValue);
    } else try testing.expect(got == null);
}

test "basic assignments" {
    const src =
        \\# comment
        \\PORT=3000
        \\export NODE_ENV = production
        \\EMPTY=
        \\URL=http://localhost:3000/#anchor # trailing comment
        \\not a line
        \\1BAD=x
        \\db.host-name=pg
    ;
    try expectGet("3000", src, "PORT");
    try expectGet("production", src, "NODE_ENV");
    try expectGet("", src, "EMPTY");
    try expectGet("http://localhost:3000/#anchor", src, "URL");
    try expectGet("pg", src, "db.host-name");
    try expectGet(null, src, "1BAD");
    try testing.expectEqual(@as(usize, 5), count(src));
    try testing.expectEqualStrings("NODE_ENV", keyAt(src, 1).?);
    try testing.expect(keyAt(src, 5) == null);
}

test "quotes and escapes" {
    const src = "A='single $X'\nB=\"dq\\n\\t\\\"x\\\"\"\nC=`tick \\n`\nD=\"multi\nline\"\nE=\"open\n";
    try expectGet("single $X", src, "A");
    try expectGet("dq\n\t\"x\"", src, "B");
    try expectGet("tick \\n", src, "C");
    try expectGet("multi\nline", src, "D");
    try expectGet("\"open", src, "E");
    try testing.expectEqual(Quote.backtick, quoteOf(src, "C").?);
    try testing.expectEqualStrings("dq\\n\\t\\\"x\\\"", rawValue(src, "B").?);
    try testing.expectEqual(@as(usize, 5), count(src));
}

test "expansion" {
    const src =
        \\HOST=localhost
        \\PORT=5432
        \\URL=postgres://${HOST}:$PORT/db
        \\ESC=\$HOST
        \\DEF=${MISSING:-fallback}
        \\NESTED=${A:-${B:-${HOST}}}
        \\EMPTYDEF=${EMPTY-x}${EMPTY:-y}
        \\EMPTY=
        \\LIT='${HOST}'
        \\FWD=$LATER
        \\LATER=1
    ;
    try expectGet("postgres://localhost:5432/db", src, "URL");
    try expectGet("$HOST", src, "ESC");
    try expectGet("fallback", src, "DEF");
    try expectGet("localhost", src, "NESTED");
    try expectGet("xy", src, "EMPTYDEF");
    try expectGet("${HOST}", src, "LIT");
    try expectGet("", src, "FWD");

    const out = try expand(testing.allocator, src, "$HOST:${PORT} costs $5 ${}");
    defer testing.allocator.free(out);
    try testing.expectEqualStrings("localhost:5432 costs $5 ${}", out);
}

test "override and CRLF" {
    try expectGet("2", "K=1\r\nK=2\r\n", "K");
    try expectGet("a b", "K=  a b  \r\n", "K");
    try expectGet("", "K=#comment only", "K");
    try expectGet("x#y", "K=x#y", "K");
}

test "bounds" {
    const deep = "X=${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-${A:-x}}}}}}}}}}}}}}}}}}";
    try testing.expectError(error.ExpansionTooDeep, get(testing.allocator, deep, "X"));

    var src: std.ArrayList(u8) = .empty;
    defer src.deinit(testing.allocator);
    try src.appendSlice(testing.allocator, "V0=0123456789abcdef\n");
    for (1..20) |i| {
        var line: [64]u8 = undefined;
        try src.appendSlice(testing.allocator, try std.fmt.bufPrint(&line, "V{d}=$V{d}$V{d}\n", .{ i, i - 1, i - 1 }));
    }
    try testing.expectError(error.ValueTooLong, get(testing.allocator, src.items, "V1"));
    try testing.expectEqual(@as(usize, 20), count(src.items));
}

test "isValidKey" {
    try testing.expect(isValidKey("DATABASE_URL"));
    try testing.expect(isValidKey("_private.key-1"));
    try testing.expect(!isValidKey(""));
    try testing.expect(!isValidKey("9LIVES"));
    try testing.expect(!isValidKey("HAS SPACE"));
    try testing.expect(!isValidKey("-dash"));
}

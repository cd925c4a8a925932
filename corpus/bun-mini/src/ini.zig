//! `.ini` / `.npmrc` parsing in the spirit of Bun's package manager.
//!
//! Supported syntax:
//!   - `[section]` headers (duplicates merge), `;` and `#` comment lines
//!   - `key = value`, `key` alone (a flag, value "true"), `key[] = value` arrays
//!   - double-quoted values with JSON escapes, single-quoted literal values
//!   - unquoted values ending at an unescaped `;`/`#`, with `\;` `\#` `\\` `\$`
//!   - `${VAR}` expansion (and `${VAR?}`, empty when unset) from an environment
//!     given as `.env`-style text; unknown `${VAR}` is kept literally.

const std = @import("std");
const Allocator = std.mem.Allocator;

/// Errors produced while parsing ini source.
pub const IniError = error{
    UnterminatedSection,
    EmptySectionName,
    EmptyKey,
    UnterminatedString,
    InvalidEscape,
    TrailingCharacters,
};

/// The registry used when an `.npmrc` names none.
pub const default_registry = "https://registry.npmjs.org/";

const whitespace = " \t\r";

/// How the right-hand side of an entry was written.
const RawValue = union(enum) {
    /// `key` with no `=`: means "true".
    flag,
    bare: []const u8,
    double: []const u8,
    single: []const u8,
};

const Entry = struct {
    key: []const u8,
    is_array: bool,
    value: RawValue,
};

const Line = union(enum) {
    blank,
    section: []const u8,
    entry: Entry,
};

/// Splits source into logical lines and classifies each one.
const LineIterator = struct {
    source: []const u8,
    pos: usize = 0,

    fn init(source: []const u8) LineIterator {
        const bom = "\xEF\xBB\xBF";
        const start: usize = if (std.mem.startsWith(u8, source, bom)) bom.len else 0;
        return .{ .source = source, .pos = start };
    }

    fn next(self: *LineIterator) IniError!?Line {
        if (self.pos >= self.source.len) return null;
        const rest = self.source[self.pos..];
        const end = std.mem.indexOfScalar(u8, rest, '\n') orelse rest.len;
        self.pos += @min(end + 1, rest.len);
        return try classify(std.mem.trim(u8, rest[0..end], whitespace));
    }
};

fn isCommentStart(c: u8) bool {
    return c == ';' or c == '#';
}

/// Position of the first unescaped `;` or `#`, or `text.len`.
fn commentStart(text: []const u8) usize {
    var i: usize = 0;
    while (i < text.len) : (i += 1) {
        if (text[i] == '\\') {
            i += 1;
        } else if (isCommentStart(text[i])) {
            return i;
        }
    }
    return text.len;
}

fn classify(line: []const u8) IniError!Line {
    if (line.len == 0 or isCommentStart(line[0])) return .blank;
    if (line[0] == '[') {
        const close = std.mem.indexOfScalar(u8, line, ']') orelse return error.UnterminatedSection;
        const after = std.mem.trimLeft(u8, line[close + 1 ..], whitespace);
        if (after.len != 0 and !isCommentStart(after[0])) return error.TrailingCharacters;
        const name = std.mem.trim(u8, line[1..close], whitespace);
        if (name.len == 0) return error.EmptySectionName;
        return .{ .section = name };
    }

    var key_text: []const u8 = undefined;
    var value: RawValue = .flag;
    if (std.mem.indexOfScalar(u8, line, '=')) |eq| {
        key_text = line[0..eq];
        value = try classifyValue(std.mem.trim(u8, line[eq + 1 ..], whitespace));
    } else {
        key_text = line[0..commentStart(line)];
    }

    var key = std.mem.trim(u8, key_text, whitespace);
    var is_array = false;
    if (std.mem.endsWith(u8, key, "[]")) {
        is_array = true;
        key = std.mem.trimRight(u8, key[0 .. key.len - 2], whitespace);
    }
    if (key.len == 0) return error.EmptyKey;
    return .{ .entry = .{ .key = key, .is_array = is_array, .value = value } };
}

fn classifyValue(text: []const u8) IniError!RawValue {
    if (text.len == 0) return .{ .bare = text };
    switch (text[0]) {
        '"' => {
            var i: usize = 1;
            while (i < text.len) : (i += 1) {
                switch (text[i]) {
                    '"' => break,
                    '\\' => {
                        if (i + 1 >= text.len) return error.UnterminatedString;
                        switch (text[i + 1]) {
                            '"', '\\', '/', 'b', 'f', 'n', 'r', 't', '$' => i += 1,
                            'u' => {
                                if (i + 6 > text.len) return error.InvalidEscape;
                                for (text[i + 2 .. i + 6]) |h| {
                                    if (!std.ascii.isHex(h)) return error.InvalidEscape;
                                }
                                i += 5;
                            },
                            else => return error.InvalidEscape,
                        }
                    },
                    else => {},
                }
            } else return error.UnterminatedString;
            try expectOnlyComment(text[i + 1 ..]);
            return .{ .double = text[1..i] };
        },
        '\'' => {
            const close = std.mem.indexOfScalarPos(u8, text, 1, '\'') orelse return error.UnterminatedString;
            try expectOnlyComment(text[close + 1 ..]);
            return .{ .single = text[1..close] };
        },
        else => return .{ .bare = std.mem.trimRight(u8, text[0..commentStart(text)], whitespace) },
    }
}

fn expectOnlyComment(rest: []const u8) IniError!void {
    const t = std.mem.trimLeft(u8, rest, whitespace);
    if (t.len != 0 and !isCommentStart(t[0])) return error.TrailingCharacters;
}

/// A `.env`-style environment: `KEY=value` lines, `export` prefixes,
/// `#` comment lines and surrounding quotes. Values are slices of the text.
const Env = struct {
    map: std.StringHashMap([]const u8),

    fn parse(allocator: Allocator, text: []const u8) Allocator.Error!Env {
        var env: Env = .{ .map = std.StringHashMap([]const u8).init(allocator) };
        errdefer env.map.deinit();
        var lines = std.mem.splitScalar(u8, text, '\n');
        while (lines.next()) |raw| {
            var line = std.mem.trim(u8, raw, whitespace);
            if (line.len == 0 or line[0] == '#') continue;
            if (std.mem.startsWith(u8, line, "export ")) line = std.mem.trimLeft(u8, line[7..], whitespace);
            const eq = std.mem.indexOfScalar(u8, line, '=') orelse continue;
            const key = std.mem.trim(u8, line[0..eq], whitespace);
            if (key.len == 0) continue;
            var value = std.mem.trim(u8, line[eq + 1 ..], whitespace);
            if (value.len >= 2 and (value[0] == '"' or value[0] == '\'') and value[value.len - 1] == value[0]) {
                value = value[1 .. value.len - 1];
            }
            try env.map.put(key, value);
        }
        return env;
    }

    fn deinit(self: *Env) void {
        self.map.deinit();
    }
};

/// Handles a `$` at `text[i]`: appends the expansion (or the literal text)
/// and returns the index just past what was consumed.
fn expandAt(out: *std.ArrayList(u8), gpa: Allocator, text: []const u8, i: usize, env: *const Env) Allocator.Error!usize {
    std.debug.assert(text[i] == '$');
    if (i + 1 < text.len and text[i + 1] == '{') {
        if (std.mem.indexOfScalarPos(u8, text, i + 2, '}')) |close| {
            var name = text[i + 2 .. close];
            const optional = std.mem.endsWith(u8, name, "?");
            if (optional) name = name[0 .. name.len - 1];
            if (env.map.get(name)) |value| {
                try out.appendSlice(gpa, value);
            } else if (!optional) {
                try out.appendSlice(gpa, text[i .. close + 1]);
            }
            return close + 1;
        }
    }
    try out.append(gpa, '$');
    return i + 1;
}

fn appendCodepoint(out: *std.ArrayList(u8), gpa: Allocator, cp: u21) Allocator.Error!void {
    var buf: [4]u8 = undefined;
    const n = std.unicode.utf8Encode(cp, &buf) catch std.unicode.utf8Encode(0xFFFD, &buf) catch unreachable;
    try out.appendSlice(gpa, buf[0..n]);
}

fn hex4(text: []const u8) u16 {
    return std.fmt.parseInt(u16, text[0..4], 16) catch unreachable;
}

/// Decodes a classified value (escapes + expansion) into `out`.
fn decodeValue(out: *std.ArrayList(u8), gpa: Allocator, value: RawValue, env: *const Env) Allocator.Error!void {
    switch (value) {
        .flag => try out.appendSlice(gpa, "true"),
        .single => |s| try out.appendSlice(gpa, s),
        .bare => |s| {
            var i: usize = 0;
            while (i < s.len) {
                if (s[i] == '\\' and i + 1 < s.len and std.mem.indexOfScalar(u8, ";#\\$", s[i + 1]) != null) {
                    try out.append(gpa, s[i + 1]);
                    i += 2;
                } else if (s[i] == '$') {
                    i = try expandAt(out, gpa, s, i, env);
                } else {
                    try out.append(gpa, s[i]);
                    i += 1;
                }
            }
        },
        .double => |s| {
            // Escapes were validated by `classifyValue`.
            var i: usize = 0;
            while (i < s.len) {
                if (s[i] == '$') {
                    i = try expandAt(out, gpa, s, i, env);
                    continue;
                }
                if (s[i] != '\\') {
                    try out.append(gpa, s[i]);
                    i += 1;
                    continue;
                }
                const c = s[i + 1];
                i += 2;
                switch (c) {
                    'b' => try out.append(gpa, 0x08),
                    'f' => try out.append(gpa, 0x0C),
                    'n' => try out.append(gpa, '\n'),
                    'r' => try out.append(gpa, '\r'),
                    't' => try out.append(gpa, '\t'),
                    'u' => {
                        const hi = hex4(s[i..]);
                        i += 4;
                        if (hi >= 0xD800 and hi < 0xDC00 and i + 6 <= s.len and s[i] == '\\' and s[i + 1] == 'u') {
                            const lo = hex4(s[i + 2 ..]);
                            if (lo >= 0xDC00 and lo < 0xE000) {
                                i += 6;
                                const cp: u21 = 0x10000 + ((@as(u21, hi) - 0xD800) << 10) + (lo - 0xDC00);
                                try appendCodepoint(out, gpa, cp);
                                continue;
                            }
                        }
                        try appendCodepoint(out, gpa, hi);
                    },
                    else => try out.append(gpa, c),
                }
            }
        },
    }
}

const Value = union(enum) {
    scalar: []const u8,
    array: std.ArrayList([]const u8),
};

const Section = std.StringHashMap(Value);

/// A fully parsed ini document; every string lives in the arena.
const Document = struct {
    arena: std.heap.ArenaAllocator,
    sections: std.StringHashMap(Section),

    fn parse(gpa: Allocator, source: []const u8, env_text: []const u8) (IniError || Allocator.Error)!Document {
        var doc: Document = .{ .arena = std.heap.ArenaAllocator.init(gpa), .sections = undefined };
        errdefer doc.arena.deinit();
        const a = doc.arena.allocator();
        doc.sections = std.StringHashMap(Section).init(a);
        var env = try Env.parse(a, env_text);

        var current = try doc.sectionNamed("");
        var it = LineIterator.init(source);
        while (try it.next()) |line| switch (line) {
            .blank => {},
            .section => |name| current = try doc.sectionNamed(name),
            .entry => |entry| {
                var buf: std.ArrayList(u8) = .empty;
                try decodeValue(&buf, a, entry.value, &env);
                const text = try buf.toOwnedSlice(a);
                const slot = try current.getOrPut(entry.key);
                if (!entry.is_array) {
                    slot.value_ptr.* = .{ .scalar = text };
                    continue;
                }
                if (!slot.found_existing or slot.value_ptr.* != .array) {
                    slot.value_ptr.* = .{ .array = .empty };
                }
                try slot.value_ptr.array.append(a, text);
            },
        };
        return doc;
    }

    fn sectionNamed(self: *Document, name: []const u8) Allocator.Error!*Section {
        const slot = try self.sections.getOrPut(name);
        if (!slot.found_existing) slot.value_ptr.* = Section.init(self.arena.allocator());
        return slot.value_ptr;
    }

    fn lookup(self: *const Document, section: []const u8, key: []const u8) ?Value {
        const s = self.sections.getPtr(section) orelse return null;
        return s.get(key);
    }

    fn deinit(self: *Document) void {
        self.arena.deinit();
    }
};

/// Returns the expanded value of `key` in `section` ("" is the top level),
/// owned by `allocator`. Array values are joined with ",". Null when absent.
pub fn get(allocator: Allocator, source: []const u8, section: []const u8, key: []const u8) (IniError || Allocator.Error)!?[]u8 {
    return getWithEnv(allocator, source, "", section, key);
}

/// Like `get`, expanding `${VAR}` from the `.env`-style `env_text`.
pub fn getWithEnv(allocator: Allocator, source: []const u8, env_text: []const u8, section: []const u8, key: []const u8) (IniError || Allocator.Error)!?[]u8 {
    var doc = try Document.parse(allocator, source, env_text);
    defer doc.deinit();
    const value = doc.lookup(section, key) orelse return null;
    switch (value) {
        .scalar => |s| return try allocator.dupe(u8, s),
        .array => |list| return try std.mem.join(allocator, ",", list.items),
    }
}

/// Number of key assignments (including flags and array items) in `source`.
pub fn countEntries(source: []const u8) IniError!usize {
    var it = LineIterator.init(source);
    var n: usize = 0;
    while (try it.next()) |line| {
        if (line == .entry) n += 1;
    }
    return n;
}

/// Number of items currently held by the array `key[]` in `section`,
/// honouring later scalar assignments that reset it.
pub fn arrayLength(source: []const u8, section: []const u8, key: []const u8) IniError!usize {
    var it = LineIterator.init(source);
    var current: []const u8 = "";
    var n: usize = 0;
    while (try it.next()) |line| switch (line) {
        .blank => {},
        .section => |name| current = name,
        .entry => |e| {
            if (!std.mem.eql(u8, current, section) or !std.mem.eql(u8, e.key, key)) continue;
            n = if (e.is_array) n + 1 else 0;
        },
    };
    return n;
}

/// True when `source` parses without error.
pub fn isValid(source: []const u8) bool {
    _ = countEntries(source) catch return false;
    return true;
}

/// Expands `${VAR}` / `${VAR?}` in `text` using the `.env`-style `env_text`.
pub fn expandVars(allocator: Allocator, text: []const u8, env_text: []const u8) Allocator.Error![]u8 {
    var env = try Env.parse(allocator, env_text);
    defer env.deinit();
    var out: std.ArrayList(u8) = .empty;
    errdefer out.deinit(allocator);
    var i: usize = 0;
    while (i < text.len) {
        if (text[i] == '$') {
            i = try expandAt(&out, allocator, text, i, &env);
        } else {
            const next = std.mem.indexOfScalarPos(u8, text, i, '$') orelse text.len;
            try out.appendSlice(allocator, text[i..next]);
            i = next;
        }
    }
    return out.toOwnedSlice(allocator);
}

/// The registry for `scope` (with or without `@`; "" for unscoped) from an
/// `.npmrc`: `@scope:registry=` then `registry=` then the npm default.
/// The result always ends with "/".
pub fn registryFor(allocator: Allocator, npmrc: []const u8, scope: []const u8) (IniError || Allocator.Error)![]u8 {
    var doc = try Document.parse(allocator, npmrc, "");
    defer doc.deinit();

    var found: ?[]const u8 = null;
    if (scope.len > 0) {
        const bare = if (scope[0] == '@') scope[1..] else scope;
        const key = try std.fmt.allocPrint(allocator, "@{s}:registry", .{bare});
        defer allocator.free(key);
        if (doc.lookup("", key)) |v| if (v == .scalar and v.scalar.len > 0) {
            found = v.scalar;
        };
    }
    if (found == null) {
        if (doc.lookup("", "registry")) |v| if (v == .scalar and v.scalar.len > 0) {
            found = v.scalar;
        };
    }
    const url = found orelse default_registry;
    if (std.mem.endsWith(u8, url, "/")) return allocator.dupe(u8, url);
    return std.mem.concat(allocator, u8, &.{ url, "/" });
}

/// The `_authToken` configured for `registry_url` via the npm "nerf dart"
/// key form `//host/path/:_authToken`, or null.
pub fn authTokenFor(allocator: Allocator, npmrc: []const u8, registry_url: []const u8) (IniError || Allocator.Error)!?[]u8 {
    var rest = registry_url;
    if (std.mem.indexOf(u8, rest, "//")) |i| rest = rest[i + 2 ..];
    const slash: []const u8 = if (std.mem.endsWith(u8, rest, "/")) "" else "/";
    const key = try std.mem.concat(allocator, u8, &.{ "//", rest, slash, ":_authToken" });
    defer allocator.free(key);
    return get(allocator, npmrc, "", key);
}

const testing = std.testing;

fn expectGet(expected: ?[]const u8, source: []const u8, section: []const u8, key: []const u8) !void {
    const got = try get(testing.allocator, source, section, key);
    defer if (got) |g| testing.allocator.free(g);
    if (expected) |e| {
        try testing.expectEqualStrings(e, got orelse return error.TestExpectedValue);
    } else try testing.expect(got == null);
}

test "sections, keys and comments" {
    const src =
        \\; top comment
        \\name = bun
        \\# another
        \\[install]
        \\cache = ~/.bun/cache ; trailing
        \\frozen
        \\[install.scopes]
        \\foo = bar
    ;
    try expectGet("bun", src, "", "name");
    try expectGet("~/.bun/cache", src, "install", "cache");
    try expectGet("true", src, "install", "frozen");
    try expectGet("bar", src, "install.scopes", "foo");
    try expectGet(null, src, "install", "name");
    try testing.expectEqual(@as(usize, 4), try countEntries(src));
}

test "quoted values and escapes" {
    try expectGet("a;b#c", "k = \"a;b#c\" ; comment", "", "k");
    try expectGet("line\nnext\t\u{e9}", "k = \"line\\nnext\\t\\u00e9\"", "", "k");
    try expectGet("\u{1F600}", "k = \"\\ud83d\\ude00\"", "", "k");
    try expectGet("  raw ${X} ", "k = '  raw ${X} '", "", "k");
    try expectGet("semi;colon", "k = semi\\;colon", "", "k");
    try expectGet("C:\\path", "k = C:\\path", "", "k");
    try expectGet("", "k =", "", "k");
}

test "arrays" {
    const src = "a[] = 1\na[] = 2\nb = x\nb[] = y\n";
    try expectGet("1,2", src, "", "a");
    try expectGet("y", src, "", "b");
    try testing.expectEqual(@as(usize, 2), try arrayLength(src, "", "a"));
    try testing.expectEqual(@as(usize, 0), try arrayLength("a[]=1\na=2", "", "a"));
}

test "errors" {
    try testing.expectError(error.UnterminatedSection, countEntries("[abc\nk=v"));
    try testing.expectError(error.EmptySectionName, countEntries("[ ]"));
    try testing.expectError(error.EmptyKey, countEntries(" = v"));
    try testing.expectError(error.TrailingCharacters, countEntries("[] = v"));
    try testing.expectError(error.EmptyKey, countEntries("k=1\n ; x\n=2"));
    try testing.expectError(error.UnterminatedString, countEntries("k = \"abc"));
    try testing.expectError(error.InvalidEscape, countEntries("k = \"\\q\""));
    try testing.expectError(error.InvalidEscape, countEntries("k = \"\\u12\""));
    try testing.expectError(error.TrailingCharacters, countEntries("k = \"a\" b"));
    try testing.expect(!isValid("[x] y"));
    try testing.expect(isValid("\xEF\xBB\xBFk=v\r\n[s] ; c\r\n"));
    try testing.expect(isValid(""));
}

test "variable expansion" {
    const env = "TOKEN=abc123\nexport HOME='/home/bun'\n# comment\n";
    const a = try expandVars(testing.allocator, "${HOME}/x:${TOKEN}${MISSING}${OPT?}$", env);
    defer testing.allocator.free(a);
    try testing.expectEqualStrings("/home/bun/x:abc123${MISSING}$", a);

    const v = (try getWithEnv(testing.allocator, "//r/:_authToken=${TOKEN}\nk=\\${TOKEN}", env, "", "//r/:_authToken")).?;
    defer testing.allocator.free(v);
    try testing.expectEqualStrings("abc123", v);
    const w = (try getWithEnv(testing.allocator, "k=\\${TOKEN}", env, "", "k")).?;
    defer testing.allocator.free(w);
    try testing.expectEqualStrings("${TOKEN}", w);
}

test "registryFor and authTokenFor" {
    const npmrc =
        \\registry = https://registry.example.com
        \\@acme:registry=https://npm.acme.dev/
        \\//npm.acme.dev/:_authToken=secret
    ;
    const gpa = testing.allocator;
    const r1 = try registryFor(gpa, npmrc, "@acme");
    defer gpa.free(r1);
    try testing.expectEqualStrings("https://npm.acme.dev/", r1);
    const r2 = try registryFor(gpa, npmrc, "other");
    defer gpa.free(r2);
    try testing.expectEqualStrings("https://registry.example.com/", r2);
    const r3 = try registryFor(gpa, "", "@acme");
    defer gpa.free(r3);
    try testing.expectEqualStrings(default_registry, r3);
    const t = (try authTokenFor(gpa, npmrc, "https://npm.acme.dev")).?;
    defer gpa.free(t);
    try testing.expectEqualStrings("secret", t);
    try testing.expect((try authTokenFor(gpa, npmrc, "https://registry.npmjs.org/")) == null);
    try testing.expectError(error.UnterminatedSection, registryFor(gpa, "[bad", ""));
}

//! JSON string escaping (as a JS printer quotes strings) and a strict JSON
//! tokenizer/validator/minifier. Every public function is total on arbitrary
//! bytes: nesting is bounded by `max_depth` and no recursion is used.

const std = @import("std");
const Allocator = std.mem.Allocator;

/// Errors from the tokenizer.
pub const TokenizeError = error{
    UnexpectedCharacter,
    UnterminatedString,
    InvalidEscape,
    InvalidNumber,
    InvalidLiteral,
    ControlCharacterInString,
    InvalidUtf8,
};

/// Errors from structural validation.
pub const ParseError = TokenizeError || error{ UnexpectedToken, UnexpectedEnd, TooDeep, TrailingData };

/// Errors from `unescape`.
pub const UnescapeError = error{ InvalidString, InvalidEscape, NoSpaceLeft };

/// Maximum nesting of arrays/objects accepted by the validator.
pub const max_depth = 512;

const hex_digits = "0123456789abcdef";

/// One decoded UTF-8 sequence; invalid input yields U+FFFD of length 1.
const Decoded = struct {
    cp: u21,
    len: u3,
    valid: bool,

    const invalid: Decoded = .{ .cp = 0xFFFD, .len = 1, .valid = false };

    fn at(bytes: []const u8) Decoded {
        const b0 = bytes[0];
        if (b0 < 0x80) return .{ .cp = b0, .len = 1, .valid = true };
        const len: u3, const min: u21, var cp: u21 = switch (b0) {
            0xC2...0xDF => .{ 2, 0x80, b0 & 0x1F },
            0xE0...0xEF => .{ 3, 0x800, b0 & 0x0F },
            0xF0...0xF4 => .{ 4, 0x10000, b0 & 0x07 },
            else => return invalid,
        };
        if (bytes.len < len) return invalid;
        for (bytes[1..len]) |b| {
            if (b & 0xC0 != 0x80) return invalid;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min or cp > 0x10FFFF or (cp >= 0xD800 and cp <= 0xDFFF)) return invalid;
        return .{ .cp = cp, .len = len, .valid = true };
    }
};

fn appendUnicodeEscape(out: *std.ArrayList(u8), gpa: Allocator, unit: u16) Allocator.Error!void {
    const buf = [6]u8{ '\\', 'u', hex_digits[unit >> 12], hex_digits[(unit >> 8) & 0xF], hex_digits[(unit >> 4) & 0xF], hex_digits[unit & 0xF] };
    try out.appendSlice(gpa, &buf);
}

/// Quotes `text` as a JSON string literal (with the surrounding quotes).
/// Control characters become `\uXXXX` (or `\n \t \r \b \f`), U+2028/U+2029 are
/// always escaped, invalid UTF-8 becomes U+FFFD, and with `ascii_only` every
/// non-ASCII code point is written as `\uXXXX` (surrogate pairs above U+FFFF).
pub fn escape(allocator: Allocator, text: []const u8, ascii_only: bool) Allocator.Error![]u8 {
    var out: std.ArrayList(u8) = .empty;
    errdefer out.deinit(allocator);
    try out.ensureTotalCapacity(allocator, text.len + 2);
    out.appendAssumeCapacity('"');
    var i: usize = 0;
    while (i < text.len) {
        const d = Decoded.at(text[i..]);
        i += d.len;
        switch (d.cp) {
            '"' => try out.appendSlice(allocator, "\\\""),
            '\\' => try out.appendSlice(allocator, "\\\\"),
            '\n' => try out.appendSlice(allocator, "\\n"),
            '\t' => try out.appendSlice(allocator, "\\t"),
            '\r' => try out.appendSlice(allocator, "\\r"),
            0x08 => try out.appendSlice(allocator, "\\b"),
            0x0C => try out.appendSlice(allocator, "\\f"),
            0x00...0x07, 0x0B, 0x0E...0x1F, 0x2028, 0x2029 => try appendUnicodeEscape(&out, allocator, @intCast(d.cp)),
            0x20...0x21, 0x23...0x5B, 0x5D...0x7F => try out.append(allocator, @intCast(d.cp)),
            else => if (ascii_only) {
                if (d.cp > 0xFFFF) {
                    const v = d.cp - 0x10000;
                    try appendUnicodeEscape(&out, allocator, @intCast(0xD800 + (v >> 10)));
                    try appendUnicodeEscape(&out, allocator, @intCast(0xDC00 + (v & 0x3FF)));
                } else {
                    try appendUnicodeEscape(&out, allocator, @intCast(d.cp));
                }
            } else if (d.valid) {
                try out.appendSlice(allocator, text[i - d.len .. i]);
            } else {
                try out.appendSlice(allocator, "\u{FFFD}");
            },
        }
    }
    try out.append(allocator, '"');
    return out.toOwnedSlice(allocator);
}

/// A lexical JSON token. Strings and numbers are raw slices of the source.
const Token = union(enum) {
    object_begin,
    object_end,
    array_begin,
    array_end,
    colon,
    comma,
    string: []const u8,
    number: []const u8,
    literal_true,
    literal_false,
    literal_null,
    eof,

    /// The source text of a punctuation or literal token.
    fn text(self: Token) []const u8 {
        return switch (self) {
            .object_begin => "{",
            .object_end => "}",
            .array_begin => "[",
            .array_end => "]",
            .colon => ":",
            .comma => ",",
            .string, .number => |s| s,
            .literal_true => "true",
            .literal_false => "false",
            .literal_null => "null",
            .eof => "",
        };
    }
};

const Tokenizer = struct {
    source: []const u8,
    pos: usize = 0,

    fn next(self: *Tokenizer) TokenizeError!Token {
        const src = self.source;
        while (self.pos < src.len and std.mem.indexOfScalar(u8, " \t\r\n", src[self.pos]) != null) self.pos += 1;
        if (self.pos >= src.len) return .eof;
        const start = self.pos;
        const c = src[start];
        self.pos += 1;
        return switch (c) {
            '{' => .object_begin,
            '}' => .object_end,
            '[' => .array_begin,
            ']' => .array_end,
            ':' => .colon,
            ',' => .comma,
            '"' => .{ .string = try self.scanString(start) },
            '-', '0'...'9' => .{ .number = try self.scanNumber(start) },
            't' => self.keyword(start, "true", .literal_true),
            'f' => self.keyword(start, "false", .literal_false),
            'n' => self.keyword(start, "null", .literal_null),
            else => error.UnexpectedCharacter,
        };
    }

    fn keyword(self: *Tokenizer, start: usize, word: []const u8, tok: Token) TokenizeError!Token {
        if (!std.mem.startsWith(u8, self.source[start..], word)) return error.InvalidLiteral;
        self.pos = start + word.len;
        return tok;
    }

    fn scanString(self: *Tokenizer, start: usize) TokenizeError![]const u8 {
        const src = self.source;
        while (self.pos < src.len) {
            const c = src[self.pos];
            switch (c) {
                '"' => {
                    self.pos += 1;
                    return src[start..self.pos];
                },
                '\\' => {
                    if (self.pos + 1 >= src.len) return error.UnterminatedString;
                    switch (src[self.pos + 1]) {
                        '"', '\\', '/', 'b', 'f', 'n', 'r', 't' => self.pos += 2,
                        'u' => {
                            if (self.pos + 6 > src.len) return error.InvalidEscape;
                            for (src[self.pos + 2 .. self.pos + 6]) |h| {
                                if (!std.ascii.isHex(h)) return error.InvalidEscape;
                            }
                            self.pos += 6;
                        },
                        else => return error.InvalidEscape,
                    }
                },
                0x00...0x1F => return error.ControlCharacterInString,
                0x20...0x21, 0x23...0x5B, 0x5D...0x7F => self.pos += 1,
                else => {
                    const d = Decoded.at(src[self.pos..]);
                    if (!d.valid) return error.InvalidUtf8;
                    self.pos += d.len;
                },
            }
        }
        return error.UnterminatedString;
    }

    fn scanDigits(self: *Tokenizer) usize {
        const begin = self.pos;
        while (self.pos < self.source.len and std.ascii.isDigit(self.source[self.pos])) self.pos += 1;
        return self.pos - begin;
    }

    fn scanNumber(self: *Tokenizer, start: usize) TokenizeError![]const u8 {
        const src = self.source;
        self.pos = start;
        if (src[self.pos] == '-') self.pos += 1;
        const int_start = self.pos;
        const int_len = self.scanDigits();
        if (int_len == 0) return error.InvalidNumber;
        if (int_len > 1 and src[int_start] == '0') return error.InvalidNumber;
        if (self.pos < src.len and src[self.pos] == '.') {
            self.pos += 1;
            if (self.scanDigits() == 0) return error.InvalidNumber;
        }
        if (self.pos < src.len and (src[self.pos] == 'e' or src[self.pos] == 'E')) {
            self.pos += 1;
            if (self.pos < src.len and (src[self.pos] == '+' or src[self.pos] == '-')) self.pos += 1;
            if (self.scanDigits() == 0) return error.InvalidNumber;
        }
        return src[start..self.pos];
    }
};

/// Number of tokens in `source` (lexical check only, no structure).
pub fn countTokens(source: []const u8) TokenizeError!usize {
    var t: Tokenizer = .{ .source = source };
    var n: usize = 0;
    while (try t.next() != .eof) n += 1;
    return n;
}

/// Discards everything written to it; used for validation only.
const NullSink = struct {
    fn write(_: *NullSink, _: []const u8) Allocator.Error!void {}
};

/// Collects written bytes into a list.
const ListSink = struct {
    gpa: Allocator,
    list: std.ArrayList(u8) = .empty,

    fn write(self: *ListSink, bytes: []const u8) Allocator.Error!void {
        try self.list.appendSlice(self.gpa, bytes);
    }
};

const Container = enum(u1) { object, array };

/// A validating parser that re-emits the tokens of the document into `Sink`.
fn Parser(comptime Sink: type) type {
    return struct {
        const Self = @This();

        tokenizer: Tokenizer,
        sink: *Sink,
        stack: [max_depth]Container = undefined,
        depth: usize = 0,
        max_seen: usize = 0,

        fn push(self: *Self, c: Container) ParseError!void {
            if (self.depth == max_depth) return error.TooDeep;
            self.stack[self.depth] = c;
            self.depth += 1;
            self.max_seen = @max(self.max_seen, self.depth);
        }

        fn advance(self: *Self, tok: Token) (ParseError || Allocator.Error)!Token {
            try self.sink.write(tok.text());
            return self.tokenizer.next();
        }

        fn run(self: *Self) (ParseError || Allocator.Error)!void {
            var tok = try self.tokenizer.next();
            const State = enum { value, key, after_value };
            state: switch (State.value) {
                .value => switch (tok) {
                    .object_begin, .array_begin => {
                        const kind: Container = if (tok == .object_begin) .object else .array;
                        try self.push(kind);
                        tok = try self.advance(tok);
                        if ((kind == .object and tok == .object_end) or (kind == .array and tok == .array_end)) {
                            self.depth -= 1;
                            tok = try self.advance(tok);
                            continue :state .after_value;
                        }
                        continue :state if (kind == .object) .key else .value;
                    },
                    .string, .number, .literal_true, .literal_false, .literal_null => {
                        tok = try self.advance(tok);
                        continue :state .after_value;
                    },
                    .eof => return error.UnexpectedEnd,
                    else => return error.UnexpectedToken,
                },
                .key => {
                    if (tok == .eof) return error.UnexpectedEnd;
                    if (tok != .string) return error.UnexpectedToken;
                    tok = try self.advance(tok);
                    if (tok == .eof) return error.UnexpectedEnd;
                    if (tok != .colon) return error.UnexpectedToken;
                    tok = try self.advance(tok);
                    continue :state .value;
                },
                .after_value => {
                    if (self.depth == 0) {
                        if (tok != .eof) return error.TrailingData;
                        return;
                    }
                    const top = self.stack[self.depth - 1];
                    switch (tok) {
                        .comma => {
                            tok = try self.advance(tok);
                            continue :state if (top == .object) .key else .value;
                        },
                        .object_end, .array_end => {
                            if ((tok == .object_end) != (top == .object)) return error.UnexpectedToken;
                            self.depth -= 1;
                            tok = try self.advance(tok);
                            continue :state .after_value;
                        },
                        .eof => return error.UnexpectedEnd,
                        else => return error.UnexpectedToken,
                    }
                },
            }
        }
    };
}

/// Validates `source` as one complete JSON document, reporting why it is not.
pub fn check(source: []const u8) ParseError!void {
    var sink: NullSink = .{};
    var p: Parser(NullSink) = .{ .tokenizer = .{ .source = source }, .sink = &sink };
    p.run() catch |err| return switch (err) {
        error.OutOfMemory => unreachable,
        else => |e| e,
    };
}

/// True when `source` is exactly one valid JSON value (nesting <= `max_depth`).
pub fn isValid(source: []const u8) bool {
    check(source) catch return false;
    return true;
}

/// Deepest array/object nesting of a valid document.
pub fn maxNesting(source: []const u8) ParseError!usize {
    var sink: NullSink = .{};
    var p: Parser(NullSink) = .{ .tokenizer = .{ .source = source }, .sink = &sink };
    p.run() catch |err| return switch (err) {
        error.OutOfMemory => unreachable,
        else => |e| e,
    };
    return p.max_seen;
}

/// Re-serializes a valid document without insignificant whitespace.
pub fn minify(allocator: Allocator, source: []const u8) (ParseError || Allocator.Error)![]u8 {
    var sink: ListSink = .{ .gpa = allocator };
    errdefer sink.list.deinit(allocator);
    var p: Parser(ListSink) = .{ .tokenizer = .{ .source = source }, .sink = &sink };
    try p.run();
    return sink.list.toOwnedSlice(allocator);
}

fn writeCodepoint(dest: []u8, len: *usize, cp: u21) UnescapeError!void {
    var buf: [4]u8 = undefined;
    const n = std.unicode.utf8Encode(cp, &buf) catch std.unicode.utf8Encode(0xFFFD, &buf) catch unreachable;
    if (len.* + n > dest.len) return error.NoSpaceLeft;
    @memcpy(dest[len.* .. len.* + n], buf[0..n]);
    len.* += n;
}

fn parseHex4(s: []const u8) ?u16 {
    if (s.len < 4) return null;
    var v: u16 = 0;
    for (s[0..4]) |c| {
        const digit = std.fmt.charToDigit(c, 16) catch return null;
        v = (v << 4) | digit;
    }
    return v;
}

/// Decodes the JSON string literal `quoted` (quotes included) into `dest`
/// as UTF-8 and returns the number of bytes written. Lone surrogates
/// become U+FFFD.
pub fn unescape(dest: []u8, quoted: []const u8) UnescapeError!usize {
    if (quoted.len < 2 or quoted[0] != '"' or quoted[quoted.len - 1] != '"') return error.InvalidString;
    const body = quoted[1 .. quoted.len - 1];
    var len: usize = 0;
    var i: usize = 0;
    while (i < body.len) {
        const c = body[i];
        if (c == '"' or c < 0x20) return error.InvalidString;
        if (c != '\\') {
            if (len >= dest.len) return error.NoSpaceLeft;
            dest[len] = c;
            len += 1;
            i += 1;
            continue;
        }
        if (i + 1 >= body.len) return error.InvalidEscape;
        const e = body[i + 1];
        i += 2;
        const simple: ?u8 = switch (e) {
            '"', '\\', '/' => e,
            'b' => 0x08,
            'f' => 0x0C,
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => null,
            else => return error.InvalidEscape,
        };
        if (simple) |s| {
            try writeCodepoint(dest, &len, s);
            continue;
        }
        const hi = parseHex4(body[i..]) orelse return error.InvalidEscape;
        i += 4;
        var cp: u21 = hi;
        if (hi >= 0xD800 and hi < 0xDC00 and i + 1 < body.len and body[i] == '\\' and body[i + 1] == 'u') {
            if (parseHex4(body[i + 2 ..])) |lo| if (lo >= 0xDC00 and lo < 0xE000) {
                cp = 0x10000 + ((@as(u21, hi) - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            };
        }
        try writeCodepoint(dest, &len, cp);
    }
    return len;
}

const testing = std.testing;

fn expectEscape(expected: []const u8, text: []const u8, ascii_only: bool) !void {
    const got = try escape(testing.allocator, text, ascii_only);
    defer testing.allocator.free(got);
    try testing.expectEqualStrings(expected, got);
}

test "escape" {
    try expectEscape("\"hello\"", "hello", false);
    try expectEscape("\"a\\\"b\\\\c\\nd\\te\"", "a\"b\\c\nd\te", false);
    try expectEscape("\"\\u0000\\u001f\\b\\f\\r\"", "\x00\x1f\x08\x0c\r", false);
    try expectEscape("\"caf\u{e9} \u{1F600}\"", "caf\u{e9} \u{1F600}", false);
    try expectEscape("\"caf\\u00e9 \\ud83d\\ude00\"", "caf\u{e9} \u{1F600}", true);
    try expectEscape("\"\\u2028\"", "\u{2028}", false);
    try expectEscape("\"\u{FFFD}x\u{FFFD}\"", "\xffx\xc3", false);
    try expectEscape("\"\\ufffd\\ufffd\\ufffd\"", "\xed\xa0\x80", true);
    try expectEscape("\"\"", "", true);
}

test "tokenizer" {
    try testing.expectEqual(@as(usize, 13), try countTokens("{\"a\": [1, -2.5e+3, true, null]}"));
    try testing.expectEqual(@as(usize, 0), try countTokens("  \n"));
    try testing.expectEqual(@as(usize, 3), try countTokens("] [ :"));
    try testing.expectError(error.InvalidNumber, countTokens("01"));
    try testing.expectError(error.InvalidNumber, countTokens("1."));
    try testing.expectError(error.InvalidNumber, countTokens("-"));
    try testing.expectError(error.InvalidLiteral, countTokens("tru"));
    try testing.expectError(error.UnterminatedString, countTokens("\"abc"));
    try testing.expectError(error.InvalidEscape, countTokens("\"\\x\""));
    try testing.expectError(error.ControlCharacterInString, countTokens("\"a\nb\""));
    try testing.expectError(error.InvalidUtf8, countTokens("\"\xff\""));
    try testing.expectError(error.UnexpectedCharacter, countTokens("@"));
}

test "validation" {
    try testing.expect(isValid("{\"name\":\"bun\",\"version\":\"1.1.0\",\"deps\":{}}"));
    try testing.expect(isValid(" [1, [2, [3]], {\"k\": [null]}] "));
    try testing.expect(isValid("\"just a string\""));
    try testing.expect(isValid("0"));
    try testing.expect(!isValid(""));
    try testing.expect(!isValid("[1,]"));
    try testing.expect(!isValid("{\"a\" 1}"));
    try testing.expect(!isValid("{1:2}"));
    try testing.expect(!isValid("[1} "));
    try testing.expect(!isValid("1 2"));
    try testing.expectError(error.UnexpectedEnd, check("[1, 2"));
    try testing.expectError(error.TrailingData, check("{} {}"));
    try testing.expectEqual(@as(usize, 4), try maxNesting("[[{\"a\":[]}], 1]"));
    try testing.expectEqual(@as(usize, 0), try maxNesting("true"));

    const deep = "[" ** (max_depth + 1) ++ "]" ** (max_depth + 1);
    try testing.expectError(error.TooDeep, check(deep));
    try testing.expect(isValid(deep[1 .. deep.len - 1]));
}

test "minify" {
    const out = try minify(testing.allocator, " {\n  \"a\" : [ 1 , 2.5 ],\n  \"b\": { \"c\" : \"x y\" } ,\"d\":null }\n");
    defer testing.allocator.free(out);
    try testing.expectEqualStrings("{\"a\":[1,2.5],\"b\":{\"c\":\"x y\"},\"d\":null}", out);
    try testing.expectError(error.UnexpectedToken, minify(testing.allocator, "[1,,2]"));
}

test "unescape" {
    var buf: [32]u8 = undefined;
    var n = try unescape(&buf, "\"a\\nb\\u00e9\\/\"");
    try testing.expectEqualStrings("a\nb\u{e9}/", buf[0..n]);
    n = try unescape(&buf, "\"\\ud83d\\ude00\"");
    try testing.expectEqualStrings("\u{1F600}", buf[0..n]);
    n = try unescape(&buf, "\"\\ud83dx\"");
    try testing.expectEqualStrings("\u{FFFD}x", buf[0..n]);
    try testing.expectError(error.InvalidString, unescape(&buf, "abc"));
    try testing.expectError(error.InvalidString, unescape(&buf, "\"a\"b\""));
    try testing.expectError(error.InvalidEscape, unescape(&buf, "\"\\q\""));
    try testing.expectError(error.InvalidEscape, unescape(&buf, "\"\\u12\""));
    try testing.expectError(error.NoSpaceLeft, unescape(buf[0..2], "\"abc\""));
}

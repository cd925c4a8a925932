//! Base64 VLQ as used by source maps (Source Map Revision 3), the way Bun's
//! sourcemap code reads and writes the `mappings` string.
//!
//! A value is stored as `(|v| << 1) | sign` and emitted in 5-bit groups, least
//! significant first; each group becomes one base64 digit whose bit 5 (32)
//! says "more digits follow". A mappings string is a list of lines separated
//! by `;`, each a list of segments separated by `,`; a segment holds 1, 4 or 5
//! VLQ fields, each relative to the previous value of that field.

const std = @import("std");
const base64 = @import("base64.zig");

const alphabet = base64.standard_alphabet;
const digit_table = base64.Standard.decode_table;

const continuation_bit: u8 = 32;
const digit_mask: u8 = 31;
/// 32 bits of magnitude plus the sign bit need at most 7 digits.
pub const max_digits = 7;

/// Errors from decoding single values or whole mappings strings.
pub const DecodeError = error{
    /// No digits at all.
    Empty,
    /// A byte that is not a base64 digit.
    InvalidCharacter,
    /// The last digit still had its continuation bit set.
    UnexpectedEnd,
    /// The value does not fit in an i32 (or took more than 7 digits).
    Overflow,
    /// A segment with a field count other than 1, 4 or 5.
    InvalidSegmentLength,
    /// Two commas in a row, or a comma at the start or end of a line.
    EmptySegment,
    /// An accumulated index, line or column went below zero.
    NegativeValue,
};

/// One decoded value and the number of bytes it occupied.
pub const Decoded = struct {
    value: i32,
    consumed: usize,
};

/// Number of digits needed to encode `value`.
pub fn encodedLen(value: i32) usize {
    var vlq = toVlq(value);
    var n: usize = 1;
    while (vlq >= continuation_bit) : (vlq >>= 5) n += 1;
    return n;
}

fn toVlq(value: i32) u64 {
    const magnitude: u64 = @abs(value);
    return (magnitude << 1) | @intFromBool(value < 0);
}

fn fromVlq(vlq: u64) DecodeError!i32 {
    const magnitude = vlq >> 1;
    if (vlq & 1 == 1) {
        if (magnitude > @as(u64, 1) << 31) return error.Overflow;
        return @intCast(-@as(i64, @intCast(magnitude)));
    }
    if (magnitude > std.math.maxInt(i32)) return error.Overflow;
    return @intCast(magnitude);
}

/// Encode one signed value into `dest`, returning the number of bytes written.
pub fn encode(dest: []u8, value: i32) error{NoSpaceLeft}!usize {
    const len = encodedLen(value);
    if (dest.len < len) return error.NoSpaceLeft;
    var vlq = toVlq(value);
    for (dest[0..len], 0..) |*out, i| {
        var digit: u8 = @intCast(vlq & digit_mask);
        vlq >>= 5;
        if (i + 1 < len) digit |= continuation_bit;
        out.* = alphabet[digit];
    }
    return len;
}

/// Decode the VLQ at the start of `text`, reporting how many bytes it used.
pub fn decodeWithLength(text: []const u8) DecodeError!Decoded {
    if (text.len == 0) return error.Empty;
    var acc: u64 = 0;
    var shift: u6 = 0;
    for (text, 0..) |c, i| {
        if (i >= max_digits) return error.Overflow;
        const digit = digit_table[c];
        if (digit == base64.invalid) return error.InvalidCharacter;
        acc |= @as(u64, digit & digit_mask) << shift;
        shift += 5;
        if (digit & continuation_bit == 0) {
            return .{ .value = try fromVlq(acc), .consumed = i + 1 };
        }
    }
    return error.UnexpectedEnd;
}

/// Decode the first VLQ value in `text`; anything after it is ignored.
pub fn decode(text: []const u8) DecodeError!i32 {
    return (try decodeWithLength(text)).value;
}

/// One segment with all fields made absolute.
const Mapping = struct {
    generated_line: usize,
    generated_column: i32,
    /// Number of fields the segment carried: 1, 4 or 5.
    fields: u8,
    source_index: i32 = 0,
    original_line: i32 = 0,
    original_column: i32 = 0,
    name_index: i32 = 0,

    fn hasSource(self: Mapping) bool {
        return self.fields >= 4;
    }
};

/// Running values shared by the decoder and the encoder.
const Cursor = struct {
    generated_line: usize = 0,
    generated_column: i64 = 0,
    source_index: i64 = 0,
    original_line: i64 = 0,
    original_column: i64 = 0,
    name_index: i64 = 0,

    fn advance(field: *i64, delta: i32) DecodeError!i32 {
        const next = field.* + delta;
        if (next < 0) return error.NegativeValue;
        if (next > std.math.maxInt(i32)) return error.Overflow;
        field.* = next;
        return @intCast(next);
    }
};

/// Streams `Mapping`s out of a mappings string.
const MappingIterator = struct {
    text: []const u8,
    pos: usize = 0,
    cursor: Cursor = .{},
    /// Set after a `,`: the next thing must be a segment.
    need_segment: bool = false,

    fn init(text: []const u8) MappingIterator {
        return .{ .text = text };
    }

    /// Number of lines seen so far (valid once iteration has finished).
    fn lineCount(self: *const MappingIterator) usize {
        return self.cursor.generated_line + 1;
    }

    fn next(self: *MappingIterator) DecodeError!?Mapping {
        while (true) {
            if (self.pos >= self.text.len) {
                if (self.need_segment) return error.EmptySegment;
                return null;
            }
            switch (self.text[self.pos]) {
                ';' => {
                    if (self.need_segment) return error.EmptySegment;
                    self.pos += 1;
                    self.cursor.generated_line += 1;
                    self.cursor.generated_column = 0;
                },
                ',' => return error.EmptySegment,
                else => return try self.segment(),
            }
        }
    }

    fn segment(self: *MappingIterator) DecodeError!Mapping {
        var deltas: [5]i32 = undefined;
        var count: usize = 0;
        fields: switch (self.text[self.pos]) {
            ',' => {
                self.pos += 1;
                self.need_segment = true;
            },
            ';' => self.need_segment = false,
            else => {
                if (count == deltas.len) return error.InvalidSegmentLength;
                const d = try decodeWithLength(self.text[self.pos..]);
                deltas[count] = d.value;
                count += 1;
                self.pos += d.consumed;
                if (self.pos >= self.text.len) {
                    self.need_segment = false;
                } else continue :fields self.text[self.pos];
            },
        }
        if (count != 1 and count != 4 and count != 5) return error.InvalidSegmentLength;

        const c = &self.cursor;
        var m: Mapping = .{
            .generated_line = c.generated_line,
            .generated_column = try Cursor.advance(&c.generated_column, deltas[0]),
            .fields = @intCast(count),
        };
        if (count >= 4) {
            m.source_index = try Cursor.advance(&c.source_index, deltas[1]);
            m.original_line = try Cursor.advance(&c.original_line, deltas[2]);
            m.original_column = try Cursor.advance(&c.original_column, deltas[3]);
        }
        if (count == 5) m.name_index = try Cursor.advance(&c.name_index, deltas[4]);
        return m;
    }
};

/// Writes `Mapping`s back into the canonical mappings text.
const MappingWriter = struct {
    out: std.ArrayList(u8) = .empty,
    allocator: std.mem.Allocator,
    cursor: Cursor = .{},
    line_has_segment: bool = false,

    fn deinit(self: *MappingWriter) void {
        self.out.deinit(self.allocator);
    }

    fn field(self: *MappingWriter, prev: *i64, value: i32) !void {
        var buf: [max_digits]u8 = undefined;
        const n = encode(&buf, @intCast(@as(i64, value) - prev.*)) catch unreachable;
        try self.out.appendSlice(self.allocator, buf[0..n]);
        prev.* = value;
    }

    fn advanceToLine(self: *MappingWriter, line: usize) !void {
        while (self.cursor.generated_line < line) {
            try self.out.append(self.allocator, ';');
            self.cursor.generated_line += 1;
            self.cursor.generated_column = 0;
            self.line_has_segment = false;
        }
    }

    fn write(self: *MappingWriter, m: Mapping) !void {
        try self.advanceToLine(m.generated_line);
        if (self.line_has_segment) try self.out.append(self.allocator, ',');
        self.line_has_segment = true;
        const c = &self.cursor;
        try self.field(&c.generated_column, m.generated_column);
        if (m.hasSource()) {
            try self.field(&c.source_index, m.source_index);
            try self.field(&c.original_line, m.original_line);
            try self.field(&c.original_column, m.original_column);
            if (m.fields == 5) try self.field(&c.name_index, m.name_index);
        }
    }
};

/// Whether `mappings` is a well-formed mappings string.
pub fn validateMappings(mappings: []const u8) bool {
    _ = countSegments(mappings) catch return false;
    return true;
}

/// Number of segments in a mappings string.
pub fn countSegments(mappings: []const u8) DecodeError!usize {
    var it = MappingIterator.init(mappings);
    var n: usize = 0;
    while (try it.next()) |_| n += 1;
    return n;
}

/// Number of generated lines a mappings string describes.
pub fn countLines(mappings: []const u8) DecodeError!usize {
    var it = MappingIterator.init(mappings);
    while (try it.next()) |_| {}
    return it.lineCount();
}

/// Decode `mappings` into absolute segments and encode them again. The
/// output is the canonical form: minimal digits, no negative zero. For a
/// canonical input the result is byte-for-byte identical.
pub fn reencodeMappings(allocator: std.mem.Allocator, mappings: []const u8) ![]u8 {
    var list: std.ArrayList(Mapping) = .empty;
    defer list.deinit(allocator);
    var it = MappingIterator.init(mappings);
    while (try it.next()) |m| try list.append(allocator, m);

    var writer: MappingWriter = .{ .allocator = allocator };
    errdefer writer.deinit();
    for (list.items) |m| try writer.write(m);
    try writer.advanceToLine(it.lineCount() - 1);
    return writer.out.toOwnedSlice(allocator);
}

/// Where a generated position came from.
pub const OriginalPosition = struct {
    source_index: i32,
    line: i32,
    column: i32,
    /// -1 when the segment carries no name.
    name_index: i32,
};

/// Look up the original position for a generated (0-based) line and column:
/// the last segment on that line starting at or before `column`. Returns null
/// for malformed mappings or when no segment with a source covers the spot.
pub fn originalPosition(mappings: []const u8, line: u32, column: u32) ?OriginalPosition {
    var it = MappingIterator.init(mappings);
    var best: ?Mapping = null;
    while (it.next() catch return null) |m| {
        if (m.generated_line > line) break;
        if (m.generated_line < line) continue;
        if (m.generated_column > column) continue;
        if (best == null or m.generated_column >= best.?.generated_column) best = m;
    }
    const m = best orelse return null;
    if (!m.hasSource()) return null;
    return .{
        .source_index = m.source_index,
        .line = m.original_line,
        .column = m.original_column,
        .name_index = if (m.fields == 5) m.name_index else -1,
    };
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const testing = std.testing;

fn expectRoundtrip(value: i32, expected: []const u8) !void {
    var buf: [max_digits]u8 = undefined;
    const n = try encode(&buf, value);
    try testing.expectEqualStrings(expected, buf[0..n]);
    try testing.expectEqual(n, encodedLen(value));
    const d = try decodeWithLength(buf[0..n]);
    try testing.expectEqual(value, d.value);
    try testing.expectEqual(n, d.consumed);
}

test "encode and decode known values" {
    try expectRoundtrip(0, "A");
    try expectRoundtrip(1, "C");
    try expectRoundtrip(-1, "D");
    try expectRoundtrip(15, "e");
    try expectRoundtrip(16, "gB");
    try expectRoundtrip(-16, "hB");
    try expectRoundtrip(123, "2H");
    try expectRoundtrip(1000, "w+B");
    try expectRoundtrip(std.math.maxInt(i32), "+/////D");
    try expectRoundtrip(std.math.minInt(i32), "hgggggE");
}

test "decode edge cases" {
    try testing.expectEqual(@as(i32, 0), try decode("AAAA"));
    try testing.expectEqual(@as(i32, 8), try decode("QAAA"));
    try testing.expectEqual(@as(i32, 0), try decode("B")); // negative zero
    try testing.expectEqual(@as(i32, 0), try decode("gA")); // non-minimal
    try testing.expectError(error.Empty, decode(""));
    try testing.expectError(error.InvalidCharacter, decode("!"));
    try testing.expectError(error.InvalidCharacter, decode("="));
    try testing.expectError(error.UnexpectedEnd, decode("g"));
    try testing.expectError(error.UnexpectedEnd, decode("ggg"));
    try testing.expectError(error.Overflow, decode("gggggggA"));
    try testing.expectError(error.Overflow, decode("ggggggE"[0..6] ++ "Q"));
    try testing.expectError(error.Overflow, decode("iggggE"[0..5] ++ "gE"));
    const d = try decodeWithLength("2H,AAAA");
    try testing.expectEqual(@as(i32, 123), d.value);
    try testing.expectEqual(@as(usize, 2), d.consumed);
    var small: [1]u8 = undefined;
    try testing.expectError(error.NoSpaceLeft, encode(&small, 16));
}

test "every value in a range roundtrips" {
    var buf: [max_digits]u8 = undefined;
    var v: i32 = -5000;
    while (v <= 5000) : (v += 7) {
        const n = try encode(&buf, v);
        try testing.expectEqual(v, try decode(buf[0..n]));
    }
}

test "mappings validation and counting" {
    try testing.expect(validateMappings(""));
    try testing.expect(validateMappings("AAAA"));
    try testing.expect(validateMappings("AAAA,CAAC;;AACA"));
    try testing.expect(validateMappings("AAAAA,SAASC"));
    try testing.expect(validateMappings(";;;AAAA;"));
    try testing.expect(validateMappings("A,C"));
    try testing.expect(!validateMappings("AA"));
    try testing.expect(!validateMappings("AAAAAA"));
    try testing.expect(!validateMappings("AAAA,"));
    try testing.expect(!validateMappings(",AAAA"));
    try testing.expect(!validateMappings("AAAA,,AAAA"));
    try testing.expect(!validateMappings("AAAA,;AAAA"));
    try testing.expect(!validateMappings("D"));
    try testing.expect(!validateMappings("AAAg"));
    try testing.expect(!validateMappings("AAA*"));
    try testing.expectEqual(@as(usize, 0), try countSegments(";;"));
    try testing.expectEqual(@as(usize, 3), try countSegments("AAAA,CAAC;;AACA"));
    try testing.expectEqual(@as(usize, 4), try countSegments("AAAA;AACA,EAAE;AAAA"));
    try testing.expectError(error.InvalidSegmentLength, countSegments("AAA"));
    try testing.expectError(error.EmptySegment, countSegments("AAAA,"));
    try testing.expectError(error.NegativeValue, countSegments("AAAA,DAAA"));
    try testing.expectEqual(@as(usize, 3), try countLines("AAAA;;AACA"));
    try testing.expectEqual(@as(usize, 1), try countLines(""));
}

test "reencode is canonical" {
    const canonical = [_][]const u8{
        "",
        ";;",
        "AAAA",
        "AAAA,CAAC;;AACA",
        "AAAAA,SAASC,gBAAgB;AACA",
        ";;AAAA,IAAI,MAAM;AACN,EAAE",
        "A,C;E",
    };
    for (canonical) |m| {
        const out = try reencodeMappings(testing.allocator, m);
        defer testing.allocator.free(out);
        try testing.expectEqualStrings(m, out);
    }
    const fixed = try reencodeMappings(testing.allocator, "gABAA,CAAC;");
    defer testing.allocator.free(fixed);
    try testing.expectEqualStrings("AAAA,CAAC;", fixed);
    try testing.expectError(error.EmptySegment, reencodeMappings(testing.allocator, "AAAA,,"));
}

test "original position lookup" {
    const m = "AAAA,IAAI,MAAMA;AACA,UAAU";
    var p = originalPosition(m, 0, 0).?;
    try testing.expectEqual(@as(i32, 0), p.column);
    try testing.expectEqual(@as(i32, -1), p.name_index);
    p = originalPosition(m, 0, 5).?;
    try testing.expectEqual(@as(i32, 4), p.column);
    p = originalPosition(m, 0, 100).?;
    try testing.expectEqual(@as(i32, 10), p.column);
    try testing.expectEqual(@as(i32, 0), p.name_index);
    p = originalPosition(m, 1, 12).?;
    try testing.expectEqual(@as(i32, 1), p.line);
    try testing.expectEqual(@as(i32, 20), p.column);
    try testing.expect(originalPosition(m, 5, 0) == null);
    try testing.expect(originalPosition("A", 0, 0) == null);
    try testing.expect(originalPosition("AAAA,", 0, 0) == null);
}

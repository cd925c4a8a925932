//! Terminal display width of strings, in the spirit of `Bun.stringWidth`.
//!
//! ANSI escape sequences (CSI, OSC/DCS/APC strings, two-byte escapes) are
//! invisible; East Asian wide/fullwidth characters and emoji take two columns;
//! combining marks, ZWJ, variation selectors and control characters take none;
//! bytes that are not valid UTF-8 take one column each. Emoji joined with
//! U+200D and regional-indicator flag pairs count as a single wide glyph.

const std = @import("std");
const Allocator = std.mem.Allocator;

const esc = 0x1B;
const bel = 0x07;
const zwj = 0x200D;

/// Inclusive code point ranges, sorted and non-overlapping.
const Range = struct { lo: u32, hi: u32 };

fn r(lo: u32, hi: u32) Range {
    return .{ .lo = lo, .hi = hi };
}

/// Characters that occupy no column of their own.
const zero_width_table = [_]Range{
    r(0x00AD, 0x00AD),   r(0x0300, 0x036F),   r(0x0483, 0x0489),   r(0x0591, 0x05BD),
    r(0x05BF, 0x05BF),   r(0x05C1, 0x05C2),   r(0x05C4, 0x05C5),   r(0x05C7, 0x05C7),
    r(0x0610, 0x061A),   r(0x064B, 0x065F),   r(0x0670, 0x0670),   r(0x06D6, 0x06DC),
    r(0x06DF, 0x06E4),   r(0x0900, 0x0902),   r(0x093A, 0x093A),   r(0x093C, 0x093C),
    r(0x0941, 0x0948),   r(0x094D, 0x094D),   r(0x0E31, 0x0E31),   r(0x0E34, 0x0E3A),
    r(0x0E47, 0x0E4E),   r(0x1160, 0x11FF),   r(0x1AB0, 0x1AFF),   r(0x1DC0, 0x1DFF),
    r(0x200B, 0x200F),   r(0x202A, 0x202E),   r(0x2060, 0x2064),   r(0x20D0, 0x20FF),
    r(0xFE00, 0xFE0F),   r(0xFE20, 0xFE2F),   r(0xFEFF, 0xFEFF),   r(0x1F3FB, 0x1F3FF),
    r(0xE0001, 0xE0001), r(0xE0020, 0xE007F), r(0xE0100, 0xE01EF),
};

/// East Asian Wide / Fullwidth characters and emoji with default emoji presentation.
const wide_table = [_]Range{
    r(0x1100, 0x115F),   r(0x231A, 0x231B),   r(0x2329, 0x232A),   r(0x23E9, 0x23EC),
    r(0x23F0, 0x23F0),   r(0x23F3, 0x23F3),   r(0x25FD, 0x25FE),   r(0x2614, 0x2615),
    r(0x2648, 0x2653),   r(0x267F, 0x267F),   r(0x2693, 0x2693),   r(0x26A1, 0x26A1),
    r(0x26AA, 0x26AB),   r(0x26BD, 0x26BE),   r(0x26C4, 0x26C5),   r(0x26CE, 0x26CE),
    r(0x26D4, 0x26D4),   r(0x26EA, 0x26EA),   r(0x26F2, 0x26F3),   r(0x26F5, 0x26F5),
    r(0x26FA, 0x26FA),   r(0x26FD, 0x26FD),   r(0x2705, 0x2705),   r(0x270A, 0x270B),
    r(0x2728, 0x2728),   r(0x274C, 0x274C),   r(0x274E, 0x274E),   r(0x2753, 0x2755),
    r(0x2757, 0x2757),   r(0x2795, 0x2797),   r(0x27B0, 0x27B0),   r(0x27BF, 0x27BF),
    r(0x2B1B, 0x2B1C),   r(0x2B50, 0x2B50),   r(0x2B55, 0x2B55),   r(0x2E80, 0x303E),
    r(0x3041, 0x33FF),   r(0x3400, 0x4DBF),   r(0x4E00, 0x9FFF),   r(0xA000, 0xA4CF),
    r(0xA960, 0xA97F),   r(0xAC00, 0xD7A3),   r(0xF900, 0xFAFF),   r(0xFE10, 0xFE19),
    r(0xFE30, 0xFE6F),   r(0xFF00, 0xFF60),   r(0xFFE0, 0xFFE6),   r(0x16FE0, 0x16FE4),
    r(0x17000, 0x18CFF), r(0x1B000, 0x1B2FF), r(0x1F004, 0x1F004), r(0x1F0CF, 0x1F0CF),
    r(0x1F18E, 0x1F18E), r(0x1F191, 0x1F19A), r(0x1F1E6, 0x1F1FF), r(0x1F200, 0x1F202),
    r(0x1F210, 0x1F23B), r(0x1F240, 0x1F248), r(0x1F250, 0x1F251), r(0x1F260, 0x1F265),
    r(0x1F300, 0x1F64F), r(0x1F680, 0x1F6FF), r(0x1F7E0, 0x1F7EB), r(0x1F90C, 0x1F9FF),
    r(0x1FA70, 0x1FAFF), r(0x20000, 0x2FFFD), r(0x30000, 0x3FFFD),
};

fn inTable(table: []const Range, cp: u32) bool {
    if (cp < table[0].lo or cp > table[table.len - 1].hi) return false;
    var lo: usize = 0;
    var hi: usize = table.len;
    while (lo < hi) {
        const mid = lo + (hi - lo) / 2;
        if (cp < table[mid].lo) {
            hi = mid;
        } else if (cp > table[mid].hi) {
            lo = mid + 1;
        } else return true;
    }
    return false;
}

/// True for East Asian wide/fullwidth code points and wide emoji.
pub fn isWide(cp: u32) bool {
    return cp >= 0x1100 and inTable(&wide_table, cp);
}

/// True for code points that take no column (combining marks, ZW*, selectors).
pub fn isZeroWidth(cp: u32) bool {
    return cp >= 0x00AD and inTable(&zero_width_table, cp);
}

fn isRegionalIndicator(cp: u32) bool {
    return cp >= 0x1F1E6 and cp <= 0x1F1FF;
}

fn isEmoji(cp: u32) bool {
    return (cp >= 0x2600 and cp <= 0x27BF) or (cp >= 0x1F000 and cp <= 0x1FAFF);
}

/// Columns taken by one code point on its own: 0, 1 or 2.
pub fn codepointWidth(cp: u32) u8 {
    if (cp < 0x20 or (cp >= 0x7F and cp <= 0x9F)) return 0;
    if (cp < 0x7F) return 1;
    if (isZeroWidth(cp)) return 0;
    if (isWide(cp)) return 2;
    return 1;
}

/// Length of the escape sequence starting at `text[0]` (which is ESC).
fn escapeLen(text: []const u8) usize {
    std.debug.assert(text[0] == esc);
    if (text.len < 2) return 1;
    switch (text[1]) {
        '[' => {
            var i: usize = 2;
            while (i < text.len and text[i] >= 0x20 and text[i] <= 0x3F) i += 1;
            if (i < text.len and text[i] >= 0x40 and text[i] <= 0x7E) i += 1;
            return i;
        },
        ']', 'P', 'X', '^', '_' => {
            // String sequences end at BEL or ST (ESC \).
            var i: usize = 2;
            while (i < text.len) : (i += 1) {
                if (text[i] == bel) return i + 1;
                if (text[i] == esc and i + 1 < text.len and text[i + 1] == '\\') return i + 2;
            }
            return text.len;
        },
        0x20...0x2F => {
            var i: usize = 2;
            while (i < text.len and text[i] >= 0x20 and text[i] <= 0x2F) i += 1;
            if (i < text.len and text[i] >= 0x30 and text[i] <= 0x7E) i += 1;
            return i;
        },
        0x30...0x4F, 0x51...0x57, 0x59, 0x5A, 0x5C, 0x60...0x7E => return 2,
        else => return 1,
    }
}

const Decoded = struct { cp: u32, len: u3 };

/// Decodes one UTF-8 sequence; null when `bytes` does not start with one.
fn decode(bytes: []const u8) ?Decoded {
    const b0 = bytes[0];
    if (b0 < 0x80) return .{ .cp = b0, .len = 1 };
    const len: u3 = switch (b0) {
        0xC2...0xDF => 2,
        0xE0...0xEF => 3,
        0xF0...0xF4 => 4,
        else => return null,
    };
    if (bytes.len < len) return null;
    const cp = std.unicode.utf8Decode(bytes[0..len]) catch return null;
    return .{ .cp = cp, .len = len };
}

/// Segmentation state carried between code points.
const Flags = packed struct(u8) {
    after_zwj: bool = false,
    prev_emoji: bool = false,
    open_flag: bool = false,
    _pad: u5 = 0,
};

/// Splits text into units (an escape sequence, a code point or an invalid
/// byte) and assigns each its contribution to the display width.
const Segmenter = struct {
    text: []const u8,
    pos: usize = 0,
    flags: Flags = .{},

    const Unit = struct { len: usize, width: u8, is_escape: bool };

    fn next(self: *Segmenter) ?Unit {
        if (self.pos >= self.text.len) return null;
        const rest = self.text[self.pos..];
        if (rest[0] == esc) {
            const n = escapeLen(rest);
            self.pos += n;
            return .{ .len = n, .width = 0, .is_escape = true };
        }
        const d = decode(rest) orelse {
            self.pos += 1;
            self.flags = .{};
            return .{ .len = 1, .width = 1, .is_escape = false };
        };
        self.pos += d.len;
        const cp = d.cp;
        var w = codepointWidth(cp);
        const prev = self.flags;
        if (cp == zwj) {
            self.flags.after_zwj = prev.prev_emoji;
            return .{ .len = d.len, .width = 0, .is_escape = false };
        }
        if (w == 0) return .{ .len = d.len, .width = 0, .is_escape = false };

        self.flags = .{ .prev_emoji = isEmoji(cp) };
        if (prev.after_zwj and isEmoji(cp)) {
            // Part of a ZWJ sequence already counted by its first emoji.
            w = 0;
        } else if (isRegionalIndicator(cp)) {
            if (prev.open_flag) {
                w = 0;
            } else {
                self.flags.open_flag = true;
            }
        }
        return .{ .len = d.len, .width = w, .is_escape = false };
    }
};

/// Copies `src` without its ANSI escape sequences into `dest`; returns the length.
pub fn stripAnsi(dest: []u8, src: []const u8) error{NoSpaceLeft}!usize {
    var len: usize = 0;
    var i: usize = 0;
    while (i < src.len) {
        if (src[i] == esc) {
            i += escapeLen(src[i..]);
            continue;
        }
        const end = std.mem.indexOfScalarPos(u8, src, i, esc) orelse src.len;
        if (len + (end - i) > dest.len) return error.NoSpaceLeft;
        @memcpy(dest[len .. len + (end - i)], src[i..end]);
        len += end - i;
        i = end;
    }
    return len;
}

/// Like `stripAnsi`, returning memory owned by `allocator`.
pub fn stripAnsiAlloc(allocator: Allocator, src: []const u8) Allocator.Error![]u8 {
    const buf = try allocator.alloc(u8, src.len);
    const n = stripAnsi(buf, src) catch unreachable;
    return allocator.realloc(buf, n);
}

/// Display width of `text` in terminal columns.
pub fn width(text: []const u8) usize {
    var seg: Segmenter = .{ .text = text };
    var total: usize = 0;
    while (seg.next()) |unit| total += unit.width;
    return total;
}

/// Fast width for text assumed to be ASCII: escapes are skipped, printable
/// bytes count 1, control bytes 0, and every byte >= 0x80 counts 1.
pub fn widthAscii(text: []const u8) usize {
    var total: usize = 0;
    var i: usize = 0;
    while (i < text.len) {
        const c = text[i];
        if (c == esc) {
            i += escapeLen(text[i..]);
            continue;
        }
        if (c >= 0x20 and c != 0x7F) total += 1;
        i += 1;
    }
    return total;
}

/// The longest prefix of `text` whose width is at most `max`. Code points
/// are never split; zero-width units right after the cut are kept.
pub fn truncateToWidth(text: []const u8, max: usize) []const u8 {
    var seg: Segmenter = .{ .text = text };
    var total: usize = 0;
    var end: usize = 0;
    while (seg.next()) |unit| {
        if (total + unit.width > max) break;
        total += unit.width;
        end = seg.pos;
    }
    return text[0..end];
}

/// `text` cut to fit `max` columns, ending in "…" when something was cut.
pub fn truncateWithEllipsis(allocator: Allocator, text: []const u8, max: usize) Allocator.Error![]u8 {
    if (width(text) <= max) return allocator.dupe(u8, text);
    if (max == 0) return allocator.alloc(u8, 0);
    const prefix = truncateToWidth(text, max - 1);
    return std.mem.concat(allocator, u8, &.{ prefix, "\u{2026}" });
}

const testing = std.testing;

test "codepointWidth" {
    try testing.expectEqual(@as(u8, 1), codepointWidth('a'));
    try testing.expectEqual(@as(u8, 0), codepointWidth(0x07));
    try testing.expectEqual(@as(u8, 0), codepointWidth(0x85));
    try testing.expectEqual(@as(u8, 0), codepointWidth(0x0301));
    try testing.expectEqual(@as(u8, 0), codepointWidth(0x200B));
    try testing.expectEqual(@as(u8, 0), codepointWidth(0xFE0F));
    try testing.expectEqual(@as(u8, 2), codepointWidth(0x4E2D));
    try testing.expectEqual(@as(u8, 2), codepointWidth(0xAC00));
    try testing.expectEqual(@as(u8, 2), codepointWidth(0xFF21));
    try testing.expectEqual(@as(u8, 2), codepointWidth(0x1F600));
    try testing.expectEqual(@as(u8, 1), codepointWidth(0xE9));
    try testing.expectEqual(@as(u8, 1), codepointWidth(0x110000));
    try testing.expect(isWide(0x3000));
    try testing.expect(!isWide(0x303F));
    try testing.expect(!isWide('A'));
    try testing.expect(isZeroWidth(0xE0100));
}

test "width" {
    try testing.expectEqual(@as(usize, 5), width("hello"));
    try testing.expectEqual(@as(usize, 0), width(""));
    try testing.expectEqual(@as(usize, 4), width("\u{4E2D}\u{6587}"));
    try testing.expectEqual(@as(usize, 5), width("\x1b[31mhello\x1b[0m"));
    try testing.expectEqual(@as(usize, 4), width("\x1b]8;;https://bun.sh\x07link\x1b]8;;\x1b\\"));
    try testing.expectEqual(@as(usize, 1), width("e\u{301}"));
    try testing.expectEqual(@as(usize, 2), width("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"));
    try testing.expectEqual(@as(usize, 2), width("\u{1F1FA}\u{1F1F8}"));
    try testing.expectEqual(@as(usize, 4), width("\u{1F1FA}\u{1F1F8}\u{1F1EF}"));
    try testing.expectEqual(@as(usize, 2), width("\u{1F44D}\u{1F3FD}"));
    try testing.expectEqual(@as(usize, 3), width("\xff\xfe\xc3"));
    try testing.expectEqual(@as(usize, 1), width("a\x00\x1b"));
    try testing.expectEqual(@as(usize, 2), width("a\u{200D}b"));
}

test "widthAscii" {
    try testing.expectEqual(@as(usize, 5), widthAscii("\x1b[1;32mhello\x1b[m"));
    try testing.expectEqual(@as(usize, 3), widthAscii("a\tb\nc"));
    try testing.expectEqual(@as(usize, 2), widthAscii("\xc3\xa9"));
}

test "stripAnsi" {
    var buf: [64]u8 = undefined;
    var n = try stripAnsi(&buf, "\x1b[1m\x1b[31mred\x1b[39m bold\x1b[22m");
    try testing.expectEqualStrings("red bold", buf[0..n]);
    n = try stripAnsi(&buf, "a\x1b(Bb\x1b7c\x1b");
    try testing.expectEqualStrings("abc", buf[0..n]);
    n = try stripAnsi(&buf, "\x1b[");
    try testing.expectEqualStrings("", buf[0..n]);
    try testing.expectError(error.NoSpaceLeft, stripAnsi(buf[0..2], "abc"));
    const owned = try stripAnsiAlloc(testing.allocator, "\x1b]0;title\x07text");
    defer testing.allocator.free(owned);
    try testing.expectEqualStrings("text", owned);
}

test "truncate" {
    try testing.expectEqualStrings("hel", truncateToWidth("hello", 3));
    try testing.expectEqualStrings("hello", truncateToWidth("hello", 10));
    try testing.expectEqualStrings("\u{4E2D}", truncateToWidth("\u{4E2D}\u{6587}", 3));
    try testing.expectEqualStrings("e\u{301}", truncateToWidth("e\u{301}x", 1));
    try testing.expectEqualStrings("\x1b[31mab", truncateToWidth("\x1b[31mabc\x1b[0m", 2));
    try testing.expectEqualStrings("", truncateToWidth("\u{1F600}", 1));

    const t = try truncateWithEllipsis(testing.allocator, "hello world", 6);
    defer testing.allocator.free(t);
    try testing.expectEqualStrings("hello\u{2026}", t);
    const u = try truncateWithEllipsis(testing.allocator, "hi", 6);
    defer testing.allocator.free(u);
    try testing.expectEqualStrings("hi", u);
}

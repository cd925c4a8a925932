//! Base64 in the two flavours Bun needs: the standard alphabet with `=`
//! padding (RFC 4648 §4, what `btoa`/`Buffer#toString("base64")` produce) and
//! the URL-safe alphabet without padding (RFC 4648 §5, `"base64url"`).
//!
//! Each flavour is a `Codec(alphabet, pad)` instantiation whose decode table
//! is generated at compile time. Strict decoding rejects characters outside
//! the alphabet, wrong padding and non-zero trailing bits; `decodeForgiving`
//! mirrors Node's lenient `Buffer.from(str, "base64")`.

const std = @import("std");

/// Errors from strict decoding.
pub const DecodeError = error{
    /// A byte that is not part of the alphabet (or a misplaced `=`).
    InvalidCharacter,
    /// Wrong input length, wrong number of `=`, or non-zero leftover bits.
    InvalidPadding,
    /// `dest` is too small for the decoded bytes.
    NoSpaceLeft,
};

/// The RFC 4648 standard alphabet.
pub const standard_alphabet: [64]u8 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".*;
/// The RFC 4648 URL- and filename-safe alphabet.
pub const url_safe_alphabet: [64]u8 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".*;

const pad_char = '=';
/// Marks a byte that is not in the alphabet in a decode table.
pub const invalid: u8 = 0xFF;

/// Build the reverse lookup table for `alphabet` at compile time.
fn buildDecodeTable(comptime alphabet: [64]u8) [256]u8 {
    var table = [_]u8{invalid} ** 256;
    for (alphabet, 0..) |c, i| {
        if (table[c] != invalid) @compileError("base64 alphabet has a duplicate character");
        if (c == pad_char) @compileError("base64 alphabet must not contain the pad character");
        table[c] = @intCast(i);
    }
    return table;
}

/// A base64 codec over `alphabet`; when `pad` is set, output is padded with
/// `=` to a multiple of four and decoding requires that padding.
fn Codec(comptime alphabet: [64]u8, comptime pad: bool) type {
    return struct {
        const Self = @This();

        /// Index -> character.
        pub const encode_table: [64]u8 = alphabet;
        /// Character -> index, or `invalid`.
        pub const decode_table: [256]u8 = buildDecodeTable(alphabet);
        /// Whether this codec pads.
        pub const padded = pad;

        /// Length of the encoding of `n` bytes (saturates at maxInt(usize)).
        pub fn encodedLen(n: usize) usize {
            const groups = n / 3;
            const rem = n % 3;
            const full = groups *| 4;
            if (rem == 0) return full;
            return full +| (if (pad) 4 else rem + 1);
        }

        /// An upper bound on the decoded size of `n` encoded characters.
        pub fn decodedLenUpperBound(n: usize) usize {
            const rem = n % 4;
            return (n / 4) * 3 + (if (rem > 1) rem - 1 else 0);
        }

        /// Encode `source` into `dest`, returning the number of bytes written.
        pub fn encode(dest: []u8, source: []const u8) error{NoSpaceLeft}!usize {
            const needed = Self.encodedLen(source.len);
            if (dest.len < needed) return error.NoSpaceLeft;

            var si: usize = 0;
            var di: usize = 0;
            while (si + 3 <= source.len) : ({
                si += 3;
                di += 4;
            }) {
                const word = (@as(u32, source[si]) << 16) | (@as(u32, source[si + 1]) << 8) | source[si + 2];
                dest[di + 0] = encode_table[(word >> 18) & 63];
                dest[di + 1] = encode_table[(word >> 12) & 63];
                dest[di + 2] = encode_table[(word >> 6) & 63];
                dest[di + 3] = encode_table[word & 63];
            }
            switch (source.len - si) {
                0 => {},
                1 => {
                    const word = @as(u32, source[si]) << 16;
                    dest[di + 0] = encode_table[(word >> 18) & 63];
                    dest[di + 1] = encode_table[(word >> 12) & 63];
                    di += 2;
                    if (pad) {
                        dest[di] = pad_char;
                        dest[di + 1] = pad_char;
                        di += 2;
                    }
                },
                2 => {
                    const word = (@as(u32, source[si]) << 16) | (@as(u32, source[si + 1]) << 8);
                    dest[di + 0] = encode_table[(word >> 18) & 63];
                    dest[di + 1] = encode_table[(word >> 12) & 63];
                    dest[di + 2] = encode_table[(word >> 6) & 63];
                    di += 3;
                    if (pad) {
                        dest[di] = pad_char;
                        di += 1;
                    }
                },
                else => unreachable,
            }
            std.debug.assert(di == needed);
            return di;
        }

        /// Strip and validate padding; returns the unpadded body.
        fn body(source: []const u8) DecodeError![]const u8 {
            var src = source;
            if (pad) {
                if (src.len % 4 != 0) return error.InvalidPadding;
                var pads: usize = 0;
                while (pads < 2 and src.len > 0 and src[src.len - 1] == pad_char) {
                    src = src[0 .. src.len - 1];
                    pads += 1;
                }
            }
            if (src.len % 4 == 1) return error.InvalidPadding;
            return src;
        }

        /// Exact decoded length of `source`, validating its shape (not its characters).
        pub fn decodedLen(source: []const u8) DecodeError!usize {
            return Self.decodedLenUpperBound((try body(source)).len);
        }

        inline fn lookup(c: u8) DecodeError!u32 {
            const v = decode_table[c];
            if (v == invalid) return error.InvalidCharacter;
            return v;
        }

        /// Strictly decode `source` into `dest`, returning the number of bytes written.
        pub fn decode(dest: []u8, source: []const u8) DecodeError!usize {
            const src = try body(source);
            const out_len = Self.decodedLenUpperBound(src.len);
            if (dest.len < out_len) return error.NoSpaceLeft;

            var si: usize = 0;
            var di: usize = 0;
            while (si + 4 <= src.len) : ({
                si += 4;
                di += 3;
            }) {
                const word = (try lookup(src[si]) << 18) | (try lookup(src[si + 1]) << 12) |
                    (try lookup(src[si + 2]) << 6) | try lookup(src[si + 3]);
                dest[di + 0] = @truncate(word >> 16);
                dest[di + 1] = @truncate(word >> 8);
                dest[di + 2] = @truncate(word);
            }
            switch (src.len - si) {
                0 => {},
                2 => {
                    const word = (try lookup(src[si]) << 18) | (try lookup(src[si + 1]) << 12);
                    if (word & 0xFFFF != 0) return error.InvalidPadding;
                    dest[di] = @truncate(word >> 16);
                    di += 1;
                },
                3 => {
                    const word = (try lookup(src[si]) << 18) | (try lookup(src[si + 1]) << 12) |
                        (try lookup(src[si + 2]) << 6);
                    if (word & 0xFF != 0) return error.InvalidPadding;
                    dest[di + 0] = @truncate(word >> 16);
                    dest[di + 1] = @truncate(word >> 8);
                    di += 2;
                },
                else => unreachable,
            }
            std.debug.assert(di == out_len);
            return di;
        }
    };
}

/// Standard alphabet, padded.
pub const Standard = Codec(standard_alphabet, true);
/// URL-safe alphabet, unpadded (Node's "base64url").
pub const UrlSafe = Codec(url_safe_alphabet, false);

/// Encode with the standard padded alphabet.
pub fn encode(dest: []u8, source: []const u8) error{NoSpaceLeft}!usize {
    return Standard.encode(dest, source);
}

/// Strictly decode standard padded base64.
pub fn decode(dest: []u8, source: []const u8) DecodeError!usize {
    return Standard.decode(dest, source);
}

/// Encode with the URL-safe alphabet, without padding.
pub fn encodeUrlSafe(dest: []u8, source: []const u8) error{NoSpaceLeft}!usize {
    return UrlSafe.encode(dest, source);
}

/// Strictly decode unpadded URL-safe base64.
pub fn decodeUrlSafe(dest: []u8, source: []const u8) DecodeError!usize {
    return UrlSafe.decode(dest, source);
}

/// Length of the standard (padded) encoding of `n` bytes.
pub fn encodedLen(n: usize) usize {
    return Standard.encodedLen(n);
}

/// Length of the URL-safe (unpadded) encoding of `n` bytes.
pub fn encodedLenUrlSafe(n: usize) usize {
    return UrlSafe.encodedLen(n);
}

/// Upper bound on the bytes decoded from `n` characters, for either flavour.
pub fn decodedLenUpperBound(n: usize) usize {
    return UrlSafe.decodedLenUpperBound(n);
}

/// Whether `source` is valid strict standard base64.
pub fn isValid(source: []const u8) bool {
    const src = Standard.body(source) catch return false;
    for (src) |c| {
        if (Standard.decode_table[c] == invalid) return false;
    }
    // Leftover bits must be zero.
    return switch (src.len % 4) {
        2 => Standard.decode_table[src[src.len - 1]] & 0x0F == 0,
        3 => Standard.decode_table[src[src.len - 1]] & 0x03 == 0,
        else => true,
    };
}

/// Encode `source` (standard, padded) into newly allocated memory.
pub fn encodeAlloc(allocator: std.mem.Allocator, source: []const u8) ![]u8 {
    const out = try allocator.alloc(u8, encodedLen(source.len));
    errdefer allocator.free(out);
    const n = try encode(out, source);
    std.debug.assert(n == out.len);
    return out;
}

/// Strictly decode standard base64 into newly allocated memory.
pub fn decodeAlloc(allocator: std.mem.Allocator, source: []const u8) ![]u8 {
    const len = try Standard.decodedLen(source);
    const out = try allocator.alloc(u8, len);
    errdefer allocator.free(out);
    const n = try decode(out, source);
    std.debug.assert(n == out.len);
    return out;
}

/// Lenient decoding as Node's `Buffer.from(str, "base64")` does it: both
/// alphabets are accepted, bytes outside them (whitespace, line breaks) are
/// skipped, decoding stops at the first `=`, and incomplete trailing bits are
/// dropped. Only fails when `dest` is too small.
pub fn decodeForgiving(dest: []u8, source: []const u8) error{NoSpaceLeft}!usize {
    var acc: u32 = 0;
    var bits: u5 = 0;
    var di: usize = 0;
    for (source) |c| {
        if (c == pad_char) break;
        var v = Standard.decode_table[c];
        if (v == invalid) v = UrlSafe.decode_table[c];
        if (v == invalid) continue;
        acc = (acc << 6) | v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (di >= dest.len) return error.NoSpaceLeft;
            dest[di] = @truncate(acc >> bits);
            di += 1;
            acc &= (@as(u32, 1) << bits) - 1;
        }
    }
    return di;
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const testing = std.testing;

fn expectEncode(expected: []const u8, input: []const u8) !void {
    var buf: [128]u8 = undefined;
    const n = try encode(&buf, input);
    try testing.expectEqualStrings(expected, buf[0..n]);
    try testing.expectEqual(n, encodedLen(input.len));
    var back: [128]u8 = undefined;
    const m = try decode(&back, buf[0..n]);
    try testing.expectEqualStrings(input, back[0..m]);
}

test "RFC 4648 test vectors" {
    try expectEncode("", "");
    try expectEncode("Zg==", "f");
    try expectEncode("Zm8=", "fo");
    try expectEncode("Zm9v", "foo");
    try expectEncode("Zm9vYg==", "foob");
    try expectEncode("Zm9vYmE=", "fooba");
    try expectEncode("Zm9vYmFy", "foobar");
    try expectEncode("SGVsbG8sIFdvcmxkIQ==", "Hello, World!");
    try expectEncode("Pz8/Pz4+Pg==", "????>>>");
}

test "url-safe flavour" {
    var buf: [64]u8 = undefined;
    var n = try encodeUrlSafe(&buf, "????>>>");
    try testing.expectEqualStrings("Pz8_Pz4-Pg", buf[0..n]);
    n = try encodeUrlSafe(&buf, "f");
    try testing.expectEqualStrings("Zg", buf[0..n]);
    var out: [64]u8 = undefined;
    n = try decodeUrlSafe(&out, "Pz8_Pz4-Pg");
    try testing.expectEqualStrings("????>>>", out[0..n]);
    try testing.expectError(error.InvalidCharacter, decodeUrlSafe(&out, "Zg=="));
    try testing.expectError(error.InvalidCharacter, decodeUrlSafe(&out, "Pz8/"));
    try testing.expectError(error.InvalidPadding, decodeUrlSafe(&out, "Zm9vY"));
    try testing.expectEqual(@as(usize, 2), encodedLenUrlSafe(1));
    try testing.expectEqual(@as(usize, 8), encodedLenUrlSafe(6));
}

test "strict decode errors" {
    var out: [64]u8 = undefined;
    try testing.expectError(error.InvalidPadding, decode(&out, "Zg"));
    try testing.expectError(error.InvalidPadding, decode(&out, "Zg="));
    try testing.expectError(error.InvalidCharacter, decode(&out, "Z==="));
    try testing.expectError(error.InvalidCharacter, decode(&out, "Zm9v!A=="));
    try testing.expectError(error.InvalidCharacter, decode(&out, "Zm 9v"[0..4]));
    try testing.expectError(error.InvalidPadding, decode(&out, "Zh=="));
    try testing.expectError(error.InvalidPadding, decode(&out, "Zm9="));
    try testing.expectError(error.InvalidCharacter, decode(&out, "===="));
    try testing.expectError(error.NoSpaceLeft, decode(out[0..2], "Zm9v"));
    try testing.expectError(error.NoSpaceLeft, encode(out[0..3], "foo"));
    try testing.expect(isValid("Zm9vYmE="));
    try testing.expect(!isValid("Zm9vYmF="));
    try testing.expect(!isValid("Zm9vYmE"));
}

test "length helpers" {
    try testing.expectEqual(@as(usize, 0), encodedLen(0));
    try testing.expectEqual(@as(usize, 4), encodedLen(1));
    try testing.expectEqual(@as(usize, 8), encodedLen(4));
    try testing.expectEqual(std.math.maxInt(usize), encodedLen(std.math.maxInt(usize)));
    try testing.expectEqual(@as(usize, 3), decodedLenUpperBound(4));
    try testing.expectEqual(@as(usize, 4), decodedLenUpperBound(6));
    try testing.expectEqual(@as(usize, 0), decodedLenUpperBound(1));
    try testing.expectEqual(@as(usize, 4), try Standard.decodedLen("Zm9vYg=="));
}

test "alloc helpers" {
    const enc = try encodeAlloc(testing.allocator, "bun install");
    defer testing.allocator.free(enc);
    try testing.expectEqualStrings("YnVuIGluc3RhbGw=", enc);
    const dec = try decodeAlloc(testing.allocator, enc);
    defer testing.allocator.free(dec);
    try testing.expectEqualStrings("bun install", dec);
    try testing.expectError(error.InvalidCharacter, decodeAlloc(testing.allocator, "YnV*"));
}

test "forgiving decode" {
    var out: [64]u8 = undefined;
    var n = try decodeForgiving(&out, "SGVs bG8s\nIFdv cmxk IQ==");
    try testing.expectEqualStrings("Hello, World!", out[0..n]);
    n = try decodeForgiving(&out, "Pz8_Pz4-Pg");
    try testing.expectEqualStrings("????>>>", out[0..n]);
    n = try decodeForgiving(&out, "Zm9v=YmFy");
    try testing.expectEqualStrings("foo", out[0..n]);
    n = try decodeForgiving(&out, "");
    try testing.expectEqual(@as(usize, 0), n);
    try testing.expectError(error.NoSpaceLeft, decodeForgiving(out[0..1], "Zm9v"));
}

test "agrees with std.base64 on random data" {
    var prng = std.Random.DefaultPrng.init(64);
    const rand = prng.random();
    var src: [96]u8 = undefined;
    var mine: [160]u8 = undefined;
    var theirs: [160]u8 = undefined;
    for (0..400) |iter| {
        const len = iter % src.len;
        rand.bytes(src[0..len]);
        const a = try encode(&mine, src[0..len]);
        const b = std.base64.standard.Encoder.encode(&theirs, src[0..len]);
        try testing.expectEqualStrings(b, mine[0..a]);
        const c = try encodeUrlSafe(&mine, src[0..len]);
        const d = std.base64.url_safe_no_pad.Encoder.encode(&theirs, src[0..len]);
        try testing.expectEqualStrings(d, mine[0..c]);
    }
    // Random near-base64 strings: both decoders must accept exactly the same ones.
    const chars = "AQgw+/=Zz9";
    var text: [12]u8 = undefined;
    for (0..4000) |iter| {
        const len = iter % (text.len + 1);
        for (text[0..len]) |*c| c.* = chars[rand.uintLessThan(usize, chars.len)];
        const s = text[0..len];
        const mine_res = decode(&mine, s);
        const std_dec = std.base64.standard.Decoder;
        const std_ok = if (std_dec.calcSizeForSlice(s)) |size|
            (if (std_dec.decode(theirs[0..size], s)) |_| true else |_| false)
        else |_| false;
        if (mine_res) |n| {
            try testing.expect(std_ok);
            try testing.expectEqualSlices(u8, theirs[0..n], mine[0..n]);
        } else |_| {
            try testing.expect(!std_ok);
        }
        try testing.expectEqual(mine_res != error.InvalidCharacter and mine_res != error.InvalidPadding, isValid(s));
    }
}

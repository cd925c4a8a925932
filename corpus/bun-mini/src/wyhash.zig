//! Wyhash (final v4), the 64-bit hash Bun uses for string hashing, hash
//! tables and content hashes. Written from the published algorithm: the
//! one-shot `hash` and the streaming `Hasher` produce identical results, and
//! both agree bit for bit with `std.hash.Wyhash`.
//!
//! Layout of the algorithm:
//!   * the seed is mixed with the first two secrets into three lanes;
//!   * inputs of at most 16 bytes are folded directly into two words;
//!   * longer inputs are consumed in 48-byte blocks (three lanes of 16 bytes),
//!     the last 1..48 bytes are always handled by the tail step, which reads
//!     16-byte pairs and finally the last 16 bytes of the whole input;
//!   * the two words are multiplied together with the length and secrets.

const std = @import("std");

/// The four wyhash v4 secrets.
const secret = [4]u64{
    0xa0761d6478bd642f,
    0xe7037ed1a0b428db,
    0x8ebc6af09c88c6e3,
    0x589965cc75374cc3,
};

/// Size of one full round of input: three lanes of two 64-bit words.
const block_len = 48;
/// Size of the final read window (the last two words of the input).
const window_len = 16;

/// The 128-bit product of two words, split into halves.
const Product = struct {
    lo: u64,
    hi: u64,

    fn of(a: u64, b: u64) Product {
        const wide = @as(u128, a) * @as(u128, b);
        return .{ .lo = @truncate(wide), .hi = @truncate(wide >> 64) };
    }

    fn folded(self: Product) u64 {
        return self.lo ^ self.hi;
    }
};

/// Multiply-and-fold, the core wyhash mixing primitive.
inline fn mix(a: u64, b: u64) u64 {
    return Product.of(a, b).folded();
}

/// Read a little-endian unsigned integer of type `T` at `offset`, widened to u64.
inline fn readLe(comptime T: type, bytes: []const u8, offset: usize) u64 {
    const n = @divExact(@typeInfo(T).int.bits, 8);
    return @as(u64, std.mem.readInt(T, bytes[offset..][0..n], .little));
}

/// The starting lane value derived from the seed.
inline fn seedLane(seed: u64) u64 {
    return seed ^ mix(seed ^ secret[0], secret[1]);
}

/// The two words wyhash folds at the very end, plus the running lane.
const Finish = struct {
    lane: u64,
    a: u64,
    b: u64,

    /// Inputs of 0..16 bytes: sample them into two words.
    fn fromShort(lane: u64, input: []const u8) Finish {
        std.debug.assert(input.len <= window_len);
        var out: Finish = .{ .lane = lane, .a = 0, .b = 0 };
        if (input.len >= 4) {
            const last = input.len - 4;
            const quarter = (input.len >> 3) << 2;
            out.a = (readLe(u32, input, 0) << 32) | readLe(u32, input, quarter);
            out.b = (readLe(u32, input, last) << 32) | readLe(u32, input, last - quarter);
        } else if (input.len > 0) {
            out.a = (@as(u64, input[0]) << 16) |
                (@as(u64, input[input.len >> 1]) << 8) |
                @as(u64, input[input.len - 1]);
        }
        return out;
    }

    /// The last 1..48 bytes of a long input. `window` must end with the last
    /// 16 bytes of the whole input (it may start before `tail`).
    fn fromTail(lane_in: u64, tail: []const u8, window: []const u8) Finish {
        std.debug.assert(tail.len <= block_len);
        std.debug.assert(window.len >= window_len);
        var lane = lane_in;
        var i: usize = 0;
        while (i + window_len < tail.len) : (i += window_len) {
            lane = mix(readLe(u64, tail, i) ^ secret[1], readLe(u64, tail, i + 8) ^ lane);
        }
        const w = window.len - window_len;
        return .{ .lane = lane, .a = readLe(u64, window, w), .b = readLe(u64, window, w + 8) };
    }

    fn digest(self: Finish, total_len: u64) u64 {
        const p = Product.of(self.a ^ secret[1], self.b ^ self.lane);
        return mix(p.lo ^ secret[0] ^ total_len, p.hi ^ secret[1]);
    }
};

/// Three independent lanes absorbing 48-byte blocks.
const Lanes = struct {
    v: [3]u64,

    fn init(lane: u64) Lanes {
        return .{ .v = .{ lane, lane, lane } };
    }

    fn absorb(self: *Lanes, block: *const [block_len]u8) void {
        inline for (0..3) |k| {
            const lo = readLe(u64, block, 16 * k);
            const hi = readLe(u64, block, 16 * k + 8);
            self.v[k] = mix(lo ^ secret[k + 1], hi ^ self.v[k]);
        }
    }

    fn collapse(self: Lanes) u64 {
        return self.v[0] ^ self.v[1] ^ self.v[2];
    }
};

/// Streaming wyhash. Feeding the same bytes in any chunking gives the same
/// digest as the one-shot `hash`.
pub const Hasher = struct {
    seed_lane: u64,
    lanes: Lanes,
    total_len: u64 = 0,
    /// Pending bytes, never processed until more input proves they are not
    /// the final block.
    buf: [block_len]u8 = undefined,
    buf_len: usize = 0,
    /// Last 16 bytes of the most recently absorbed block, needed when the
    /// final tail is shorter than the read window.
    prev_tail: [window_len]u8 = undefined,
    blocks: u64 = 0,

    /// Start a hash with the given seed.
    pub fn init(seed: u64) Hasher {
        const lane = seedLane(seed);
        return .{ .seed_lane = lane, .lanes = Lanes.init(lane) };
    }

    fn absorbBlock(self: *Hasher, block: *const [block_len]u8) void {
        self.lanes.absorb(block);
        @memcpy(&self.prev_tail, block[block_len - window_len ..]);
        self.blocks += 1;
    }

    /// Feed more bytes.
    pub fn update(self: *Hasher, input: []const u8) void {
        self.total_len +%= input.len;
        var rest = input;
        while (rest.len > 0) {
            if (self.buf_len == block_len) {
                // More input follows, so the buffered block is not the last one.
                const full = self.buf;
                self.absorbBlock(&full);
                self.buf_len = 0;
            }
            if (self.buf_len == 0) {
                while (rest.len > block_len) {
                    self.absorbBlock(rest[0..block_len]);
                    rest = rest[block_len..];
                }
            }
            const n = @min(block_len - self.buf_len, rest.len);
            @memcpy(self.buf[self.buf_len..][0..n], rest[0..n]);
            self.buf_len += n;
            rest = rest[n..];
        }
    }

    /// Produce the digest. Does not modify the hasher, so more input may
    /// still be fed afterwards.
    pub fn final(self: *const Hasher) u64 {
        const pending = self.buf[0..self.buf_len];
        if (self.total_len <= window_len) {
            return Finish.fromShort(self.seed_lane, pending).digest(self.total_len);
        }
        const lane = if (self.blocks > 0) self.lanes.collapse() else self.seed_lane;
        if (pending.len >= window_len) {
            return Finish.fromTail(lane, pending, pending).digest(self.total_len);
        }
        // Short tail: borrow bytes from the end of the previous block.
        var scratch: [window_len * 2]u8 = undefined;
        @memcpy(scratch[0..window_len], &self.prev_tail);
        @memcpy(scratch[window_len..][0..pending.len], pending);
        const window = scratch[0 .. window_len + pending.len];
        return Finish.fromTail(lane, pending, window).digest(self.total_len);
    }
};

/// One-shot wyhash of `input` with `seed`.
pub fn hash(seed: u64, input: []const u8) u64 {
    const lane0 = seedLane(seed);
    if (input.len <= window_len) {
        return Finish.fromShort(lane0, input).digest(input.len);
    }
    var lane = lane0;
    var i: usize = 0;
    if (input.len >= block_len) {
        var lanes = Lanes.init(lane0);
        while (i + block_len < input.len) : (i += block_len) {
            lanes.absorb(input[i..][0..block_len]);
        }
        lane = lanes.collapse();
    }
    return Finish.fromTail(lane, input[i..], input).digest(input.len);
}

/// Wyhash with seed 0, as used for string keys.
pub fn hashString(input: []const u8) u64 {
    return hash(0, input);
}

/// Hash the 8 little-endian bytes of `value`.
pub fn hashU64(seed: u64, value: u64) u64 {
    var bytes: [8]u8 = undefined;
    std.mem.writeInt(u64, &bytes, value, .little);
    return hash(seed, &bytes);
}

/// Hash `input` by streaming it through a `Hasher` in pieces of
/// `chunk_len` bytes (0 is treated as 1). Always equals `hash(seed, input)`.
pub fn hashChunked(seed: u64, input: []const u8, chunk_len: usize) u64 {
    const step = @max(chunk_len, 1);
    var h = Hasher.init(seed);
    var i: usize = 0;
    while (i < input.len) {
        const n = @min(step, input.len - i);
        h.update(input[i..][0..n]);
        i += n;
    }
    return h.final();
}

/// Hash the concatenation of `a` and `b` without allocating.
pub fn hashConcat(seed: u64, a: []const u8, b: []const u8) u64 {
    var h = Hasher.init(seed);
    h.update(a);
    h.update(b);
    return h.final();
}

/// Combine two hashes into one (order-dependent), as used for compound keys.
pub fn combine(h1: u64, h2: u64) u64 {
    return mix(h1 ^ secret[0], h2 ^ secret[2]);
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const testing = std.testing;

test "matches std.hash.Wyhash on string literals" {
    const inputs = [_][]const u8{
        "",
        "a",
        "abc",
        "message digest",
        "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        "node_modules/.bin/bun",
        "/usr/local/lib/node_modules/typescript/lib/typescript.js",
        "0123456789abcdef",
        "0123456789abcdef0",
        "0123456789abcdef0123456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdef0123456789abcdef0",
    };
    for (inputs) |s| {
        for ([_]u64{ 0, 1, 2, 42, 0xdeadbeef, std.math.maxInt(u64) }) |seed| {
            try testing.expectEqual(std.hash.Wyhash.hash(seed, s), hash(seed, s));
        }
    }
    try testing.expectEqual(std.hash.Wyhash.hash(0, "bun"), hashString("bun"));
}

test "matches std on every length 0..300 with several seeds" {
    var prng = std.Random.DefaultPrng.init(0x5eed);
    const rand = prng.random();
    var data: [300]u8 = undefined;
    rand.bytes(&data);
    for (0..data.len + 1) |len| {
        const seed = rand.int(u64);
        const s = data[0..len];
        try testing.expectEqual(std.hash.Wyhash.hash(seed, s), hash(seed, s));
        try testing.expectEqual(std.hash.Wyhash.hash(0, s), hashString(s));
    }
}

test "streaming agrees with one-shot for every chunk size" {
    var prng = std.Random.DefaultPrng.init(7);
    const rand = prng.random();
    var data: [200]u8 = undefined;
    rand.bytes(&data);
    for ([_]usize{ 0, 1, 3, 15, 16, 17, 47, 48, 49, 63, 64, 95, 96, 97, 144, 200 }) |len| {
        const s = data[0..len];
        const expected = std.hash.Wyhash.hash(99, s);
        for (0..60) |chunk| {
            try testing.expectEqual(expected, hashChunked(99, s, chunk));
        }
        for (0..len + 1) |split| {
            try testing.expectEqual(expected, hashConcat(99, s[0..split], s[split..]));
        }
    }
}

test "Hasher final is idempotent and can continue" {
    var h = Hasher.init(3);
    h.update("hello ");
    const partial = h.final();
    try testing.expectEqual(partial, h.final());
    try testing.expectEqual(hash(3, "hello "), partial);
    h.update("world, this is a long enough string to cross a block boundary!");
    try testing.expectEqual(
        hash(3, "hello world, this is a long enough string to cross a block boundary!"),
        h.final(),
    );
}

test "hashU64 hashes little-endian bytes" {
    try testing.expectEqual(
        std.hash.Wyhash.hash(5, &[_]u8{ 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01 }),
        hashU64(5, 0x0102030405060708),
    );
    try testing.expect(hashU64(0, 0) != hashU64(0, 1));
    try testing.expect(hashU64(0, 1) != hashU64(1, 1));
}

test "seed and content sensitivity" {
    try testing.expect(hash(0, "a") != hash(1, "a"));
    try testing.expect(hashString("package.json") != hashString("package.jsom"));
    try testing.expect(combine(1, 2) != combine(2, 1));
    try testing.expectEqual(combine(hashString("a"), hashString("b")), combine(hashString("a"), hashString("b")));
}

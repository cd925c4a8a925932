//! Ported from `wyhash.zig` by zigport (rules).

/// The four wyhash v4 secrets.
const SECRET: [u64; 4] = [
    0xa0761d6478bd642f_u64,
    0xe7037ed1a0b428db,
    0x8ebc6af09c88c6e3,
    0x589965cc75374cc3,
];
/// Size of one full round of input: three lanes of two 64-bit words.
const BLOCK_LEN: usize = 48;
/// Size of the final read window (the last two words of the input).
const WINDOW_LEN: usize = 16;
/// The 128-bit product of two words, split into halves.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Product {
    pub lo: u64,
    pub hi: u64,
}
impl Product {
    fn of(a: u64, b: u64) -> Product {
        let wide = (a as u128) * (b as u128);
        Product {
            lo: wide as u64,
            hi: (wide >> 64) as u64,
        }
    }
    fn folded(self) -> u64 {
        self.lo ^ self.hi
    }
}
/// Multiply-and-fold, the core wyhash mixing primitive.
fn mix(a: u64, b: u64) -> u64 {
    Product::of(a, b).folded()
}
/// Read a little-endian unsigned integer of type `T` at `offset`, widened to u64.
fn read_le_u32(bytes: &[u8], offset: usize) -> u64 {
    let n = 32 / 8;
    u32::from_le_bytes(
        (&(&bytes[offset..])[0..n as usize])[..core::mem::size_of::<u32>()]
            .try_into()
            .unwrap(),
    ) as u64
}
/// Read a little-endian unsigned integer of type `T` at `offset`, widened to u64.
fn read_le_u64(bytes: &[u8], offset: usize) -> u64 {
    let n = 64 / 8;
    u64::from_le_bytes(
        (&(&bytes[offset..])[0..n as usize])[..core::mem::size_of::<u64>()]
            .try_into()
            .unwrap(),
    ) as u64
}
/// The starting lane value derived from the seed.
fn seed_lane(seed: u64) -> u64 {
    seed ^ mix(seed ^ SECRET[0], SECRET[1])
}
/// The two words wyhash folds at the very end, plus the running lane.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Finish {
    pub lane: u64,
    pub a: u64,
    pub b: u64,
}
impl Finish {
    /// Inputs of 0..16 bytes: sample them into two words.
    fn from_short(lane: u64, input: &[u8]) -> Finish {
        assert!(input.len() <= WINDOW_LEN);
        let mut out: Finish = Finish { lane, a: 0, b: 0 };
        if input.len() >= 4 {
            let last = input.len() - 4;
            let quarter = (input.len() >> 3) << 2;
            out.a = (read_le_u32(input, 0) << 32) | read_le_u32(input, quarter);
            out.b = (read_le_u32(input, last) << 32) | read_le_u32(input, last - quarter);
        } else {
            if !input.is_empty() {
                out.a = (((input[0] as u64) << 16) | ((input[input.len() >> 1] as u64) << 8))
                    | (input[input.len() - 1] as u64);
            }
        };
        out
    }
    /// The last 1..48 bytes of a long input. `window` must end with the last
    /// 16 bytes of the whole input (it may start before `tail`).
    fn from_tail(lane_in: u64, tail: &[u8], window: &[u8]) -> Finish {
        assert!(tail.len() <= BLOCK_LEN);
        assert!(window.len() >= WINDOW_LEN);
        let mut lane = lane_in;
        let mut i: usize = 0;
        while (i + WINDOW_LEN) < tail.len() {
            {
                lane = mix(
                    read_le_u64(tail, i) ^ SECRET[1],
                    read_le_u64(tail, i + 8) ^ lane,
                );
            }
            i += WINDOW_LEN;
        }
        let w = window.len() - WINDOW_LEN;
        Finish {
            lane,
            a: read_le_u64(window, w),
            b: read_le_u64(window, w + 8),
        }
    }
    fn digest(self, total_len: u64) -> u64 {
        let p = Product::of(self.a ^ SECRET[1], self.b ^ self.lane);
        mix((p.lo ^ SECRET[0]) ^ total_len, p.hi ^ SECRET[1])
    }
}
/// Three independent lanes absorbing 48-byte blocks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lanes {
    pub v: [u64; 3],
}
impl Lanes {
    fn init(lane: u64) -> Lanes {
        Lanes {
            v: [lane, lane, lane],
        }
    }
    fn absorb(&mut self, block: &[u8; BLOCK_LEN]) {
        // PERF(port): `inline for` became a runtime loop
        for k in 0..3 {
            let lo = read_le_u64(block, 16 * k);
            let hi = read_le_u64(block, (16 * k) + 8);
            self.v[k] = mix(lo ^ SECRET[k + 1], hi ^ self.v[k]);
        }
    }
    fn collapse(self) -> u64 {
        (self.v[0] ^ self.v[1]) ^ self.v[2]
    }
}
/// Streaming wyhash. Feeding the same bytes in any chunking gives the same
/// digest as the one-shot `hash`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hasher {
    pub seed_lane: u64,
    pub lanes: Lanes,
    pub total_len: u64,
    /// Pending bytes, never processed until more input proves they are not
    /// the final block.
    pub buf: [u8; BLOCK_LEN],
    pub buf_len: usize,
    /// Last 16 bytes of the most recently absorbed block, needed when the
    /// final tail is shorter than the read window.
    pub prev_tail: [u8; WINDOW_LEN],
    pub blocks: u64,
}
impl Hasher {
    /// Start a hash with the given seed.
    pub fn init(seed: u64) -> Hasher {
        let lane = seed_lane(seed);
        Hasher {
            seed_lane: lane,
            lanes: Lanes::init(lane),
            total_len: 0,
            buf: [0; BLOCK_LEN],
            buf_len: 0,
            prev_tail: [0; WINDOW_LEN],
            blocks: 0,
        }
    }
    fn absorb_block(&mut self, block: &[u8; BLOCK_LEN]) {
        self.lanes.absorb(block);
        self.prev_tail
            .copy_from_slice(&block[BLOCK_LEN - WINDOW_LEN..]);
        self.blocks += 1;
    }
    /// Feed more bytes.
    pub fn update(&mut self, input: &[u8]) {
        self.total_len = self.total_len.wrapping_add(input.len() as u64);
        let mut rest = input;
        while !rest.is_empty() {
            if self.buf_len == BLOCK_LEN {
                // More input follows, so the buffered block is not the last one.
                let full = self.buf;
                self.absorb_block(&full);
                self.buf_len = 0;
            }
            if self.buf_len == 0 {
                while rest.len() > BLOCK_LEN {
                    self.absorb_block(&rest[0..BLOCK_LEN].try_into().unwrap());
                    rest = &rest[BLOCK_LEN..];
                }
            }
            let n = (BLOCK_LEN - self.buf_len).min(rest.len());
            (&mut self.buf[self.buf_len..])[0..n].copy_from_slice(&rest[0..n]);
            self.buf_len += n;
            rest = &rest[n..];
        }
    }
    /// Produce the digest. Does not modify the hasher, so more input may
    /// still be fed afterwards.
    pub fn r#final(&self) -> u64 {
        let pending = &self.buf[0..self.buf_len];
        if self.total_len <= (WINDOW_LEN as u64) {
            return Finish::from_short(self.seed_lane, pending).digest(self.total_len);
        }
        let lane = if self.blocks > 0 {
            self.lanes.collapse()
        } else {
            self.seed_lane
        };
        if pending.len() >= WINDOW_LEN {
            return Finish::from_tail(lane, pending, pending).digest(self.total_len);
        }
        // Short tail: borrow bytes from the end of the previous block.
        // PERF(port): `scratch` zero-initialised; Zig left it undefined
        let mut scratch: [u8; WINDOW_LEN * 2] = [0; (WINDOW_LEN * 2)];
        scratch[0..WINDOW_LEN].copy_from_slice(&self.prev_tail);
        (&mut scratch[WINDOW_LEN..])[0..pending.len()].copy_from_slice(pending);
        let window = &scratch[0..WINDOW_LEN + pending.len()];
        Finish::from_tail(lane, pending, window).digest(self.total_len)
    }
}
/// One-shot wyhash of `input` with `seed`.
pub fn hash(seed: u64, input: &[u8]) -> u64 {
    let lane0 = seed_lane(seed);
    if input.len() <= WINDOW_LEN {
        return Finish::from_short(lane0, input).digest(input.len() as u64);
    }
    let mut lane = lane0;
    let mut i: usize = 0;
    if input.len() >= BLOCK_LEN {
        let mut lanes = Lanes::init(lane0);
        while (i + BLOCK_LEN) < input.len() {
            {
                lanes.absorb(&(&input[i..])[0..BLOCK_LEN].try_into().unwrap());
            }
            i += BLOCK_LEN;
        }
        lane = lanes.collapse();
    }
    Finish::from_tail(lane, &input[i..], input).digest(input.len() as u64)
}
/// Wyhash with seed 0, as used for string keys.
pub fn hash_string(input: &[u8]) -> u64 {
    hash(0, input)
}
/// Hash the 8 little-endian bytes of `value`.
pub fn hash_u64(seed: u64, value: u64) -> u64 {
    // PERF(port): `bytes` zero-initialised; Zig left it undefined
    let mut bytes: [u8; 8] = [0; 8];
    bytes[..core::mem::size_of::<u64>()].copy_from_slice(&value.to_le_bytes());
    hash(seed, &bytes)
}
/// Hash `input` by streaming it through a `Hasher` in pieces of
/// `chunk_len` bytes (0 is treated as 1). Always equals `hash(seed, input)`.
pub fn hash_chunked(seed: u64, input: &[u8], chunk_len: usize) -> u64 {
    let step = chunk_len.max(1);
    let mut h = Hasher::init(seed);
    let mut i: usize = 0;
    while i < input.len() {
        let n = step.min(input.len() - i);
        h.update(&(&input[i..])[0..n]);
        i += n;
    }
    h.r#final()
}
/// Hash the concatenation of `a` and `b` without allocating.
pub fn hash_concat(seed: u64, a: &[u8], b: &[u8]) -> u64 {
    let mut h = Hasher::init(seed);
    h.update(a);
    h.update(b);
    h.r#final()
}
/// Combine two hashes into one (order-dependent), as used for compound keys.
pub fn combine(h1: u64, h2: u64) -> u64 {
    mix(h1 ^ SECRET[0], h2 ^ SECRET[2])
}
// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use super::*;
    #[test]
    fn test_matches_std_hash_wyhash_on_string_literals() {
        let inputs = [
            b"".as_slice(),
            b"a".as_slice(),
            b"abc".as_slice(),
            b"message digest".as_slice(),
            b"abcdefghijklmnopqrstuvwxyz".as_slice(),
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".as_slice(),
            b"12345678901234567890123456789012345678901234567890123456789012345678901234567890"
                .as_slice(),
            b"node_modules/.bin/bun".as_slice(),
            b"/usr/local/lib/node_modules/typescript/lib/typescript.js".as_slice(),
            b"0123456789abcdef".as_slice(),
            b"0123456789abcdef0".as_slice(),
            b"0123456789abcdef0123456789abcdef0123456789abcdef".as_slice(),
            b"0123456789abcdef0123456789abcdef0123456789abcdef0".as_slice(),
        ];
        for s in inputs.iter().copied() {
            for seed in ([0_u64, 1, 2, 42, 0xdeadbeef, u64::MAX]).iter().copied() {
                assert_eq!(hash(seed, s), crate::zigport_rt::wyhash::hash(seed, s));
            }
        }
        assert_eq!(
            hash_string(b"bun"),
            crate::zigport_rt::wyhash::hash(0, b"bun")
        );
    }
    #[test]
    fn test_matches_std_on_every_length_0_300_with_several_seeds() {
        let mut prng = crate::zigport_rt::random::Xoshiro256::init(0x5eed);
        let rand = &mut prng;
        // PERF(port): `data` zero-initialised; Zig left it undefined
        let mut data: [u8; 300] = [0; 300];
        rand.bytes(&mut data);
        for len in 0..data.len() + 1 {
            let seed = rand.int::<u64>();
            let s = &data[0..len];
            assert_eq!(hash(seed, s), crate::zigport_rt::wyhash::hash(seed, s));
            assert_eq!(hash_string(s), crate::zigport_rt::wyhash::hash(0, s));
        }
    }
    #[test]
    fn test_streaming_agrees_with_one_shot_for_every_chunk_size() {
        let mut prng = crate::zigport_rt::random::Xoshiro256::init(7);
        let rand = &mut prng;
        // PERF(port): `data` zero-initialised; Zig left it undefined
        let mut data: [u8; 200] = [0; 200];
        rand.bytes(&mut data);
        for len in ([
            0_usize, 1, 3, 15, 16, 17, 47, 48, 49, 63, 64, 95, 96, 97, 144, 200,
        ])
        .iter()
        .copied()
        {
            let s = &data[0..len];
            let expected = crate::zigport_rt::wyhash::hash(99, s);
            for chunk in 0..60 {
                assert_eq!(hash_chunked(99, s, chunk), expected);
            }
            for split in 0..len + 1 {
                assert_eq!(hash_concat(99, &s[0..split], &s[split..]), expected);
            }
        }
    }
    #[test]
    fn test_hasher_final_is_idempotent_and_can_continue() {
        let mut h = Hasher::init(3);
        h.update(b"hello ");
        let partial = h.r#final();
        assert_eq!(h.r#final(), partial);
        assert_eq!(partial, hash(3, b"hello "));
        h.update(b"world, this is a long enough string to cross a block boundary!");
        assert_eq!(
            h.r#final(),
            hash(
                3,
                b"hello world, this is a long enough string to cross a block boundary!"
            )
        );
    }
    #[test]
    fn test_hash_u64_hashes_little_endian_bytes() {
        assert_eq!(
            hash_u64(5, 0x0102030405060708),
            crate::zigport_rt::wyhash::hash(
                5,
                &([0x08_u8, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01])
            )
        );
        assert!(hash_u64(0, 0) != hash_u64(0, 1));
        assert!(hash_u64(0, 1) != hash_u64(1, 1));
    }
    #[test]
    fn test_seed_and_content_sensitivity() {
        assert!(hash(0, b"a") != hash(1, b"a"));
        assert!(hash_string(b"package.json") != hash_string(b"package.jsom"));
        assert!(combine(1, 2) != combine(2, 1));
        assert_eq!(
            combine(hash_string(b"a"), hash_string(b"b")),
            combine(hash_string(b"a"), hash_string(b"b"))
        );
    }
}

// zigport: source wyhash.zig (339 lines); 28/28 functions without TODO; confidence high; TODO(port) markers: 0

#[cfg(feature = "zigport-shims")]
#[doc(hidden)]
mod zigport_shims;

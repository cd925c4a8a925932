//! Twin of Zig 0.15.2 `std.hash.Wyhash` (`lib/std/hash/wyhash.zig`).
//!
//! Both the one-shot [`hash`] and the streaming [`Wyhash`] hasher reproduce
//! Zig's results bit for bit (little-endian reads, 64-bit `usize` lengths).

/// Zig's `Wyhash.secret`.
const SECRET: [u64; 4] = [
    0xa0761d6478bd642f,
    0xe7037ed1a0b428db,
    0x8ebc6af09c88c6e3,
    0x589965cc75374cc3,
];

/// Zig's `read(4, data[at..])`: little-endian `u32` widened to `u64`.
fn read4(data: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 4];
    bytes.copy_from_slice(&data[at..at + 4]);
    u64::from(u32::from_le_bytes(bytes))
}

/// Zig's `read(8, data[at..])`: little-endian `u64`.
fn read8(data: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&data[at..at + 8]);
    u64::from_le_bytes(bytes)
}

/// Zig's `mum`: full 128-bit product split into (low, high) halves.
fn mum(a: u64, b: u64) -> (u64, u64) {
    let x = u128::from(a).wrapping_mul(u128::from(b));
    (x as u64, (x >> 64) as u64)
}

/// Zig's `mix`.
fn mix(a: u64, b: u64) -> u64 {
    let (lo, hi) = mum(a, b);
    lo ^ hi
}

/// The three lanes as set by Zig's `init`.
fn init_state(seed: u64) -> [u64; 3] {
    let s = seed ^ mix(seed ^ SECRET[0], SECRET[1]);
    [s, s, s]
}

/// Zig's `smallKey`, returning the new `(a, b)`; `input.len() <= 16`.
fn small_key(input: &[u8]) -> (u64, u64) {
    let len = input.len();
    if len >= 4 {
        let end = len - 4;
        let quarter = (len >> 3) << 2;
        let a = (read4(input, 0) << 32) | read4(input, quarter);
        let b = (read4(input, end) << 32) | read4(input, end - quarter);
        (a, b)
    } else if len > 0 {
        let a = (u64::from(input[0]) << 16)
            | (u64::from(input[len >> 1]) << 8)
            | u64::from(input[len - 1]);
        (a, 0)
    } else {
        (0, 0)
    }
}

/// Zig's `round` over one 48-byte block.
fn round(state: &mut [u64; 3], block: &[u8]) {
    for (i, lane) in state.iter_mut().enumerate() {
        let a = read8(block, 8 * (2 * i));
        let b = read8(block, 8 * (2 * i + 1));
        *lane = mix(a ^ SECRET[i + 1], b ^ *lane);
    }
}

/// Zig's `final0`.
fn final0(state: &mut [u64; 3]) {
    state[0] ^= state[1] ^ state[2];
}

/// Zig's `final1`, returning the new `(a, b)`. `input_lb.len() >= 16`; the
/// last 16 bytes of `input_lb` may precede `start_pos`.
fn final1(state0: &mut u64, input_lb: &[u8], start_pos: usize) -> (u64, u64) {
    let input = &input_lb[start_pos..];
    let mut i = 0;
    while i + 16 < input.len() {
        *state0 = mix(read8(input, i) ^ SECRET[1], read8(input, i + 8) ^ *state0);
        i += 16;
    }
    let len = input_lb.len();
    (read8(input_lb, len - 16), read8(input_lb, len - 8))
}

/// Zig's `final2`.
fn final2(a: u64, b: u64, state0: u64, total_len: u64) -> u64 {
    let (a, b) = mum(a ^ SECRET[1], b ^ state0);
    mix(a ^ SECRET[0] ^ total_len, b ^ SECRET[1])
}

/// Twin of Zig's `std.hash.Wyhash.hash(seed, input)`.
pub fn hash(seed: u64, input: &[u8]) -> u64 {
    let mut state = init_state(seed);
    let (a, b) = if input.len() <= 16 {
        small_key(input)
    } else {
        let mut i = 0;
        if input.len() >= 48 {
            while i + 48 < input.len() {
                round(&mut state, &input[i..i + 48]);
                i += 48;
            }
            final0(&mut state);
        }
        final1(&mut state[0], input, i)
    };
    final2(a, b, state[0], input.len() as u64)
}

/// Twin of Zig's streaming `std.hash.Wyhash` (`init` / `update` / `final`).
///
/// Feeding any split of an input through [`Wyhash::update`] yields the same
/// [`Wyhash::finish`] value as [`hash`] on the whole input.
#[derive(Clone, Debug)]
pub struct Wyhash {
    state: [u64; 3],
    total_len: u64,
    buf: [u8; 48],
    buf_len: usize,
}

impl Wyhash {
    /// Twin of Zig's `Wyhash.init(seed)`.
    pub fn new(seed: u64) -> Self {
        Self {
            state: init_state(seed),
            total_len: 0,
            buf: [0; 48],
            buf_len: 0,
        }
    }

    /// Twin of Zig's `Wyhash.update`. As in Zig, the last full 48-byte block
    /// stays buffered, and the 16 bytes preceding a short tail are kept.
    pub fn update(&mut self, input: &[u8]) {
        self.total_len = self.total_len.wrapping_add(input.len() as u64);

        if input.len() <= 48 - self.buf_len {
            self.buf[self.buf_len..self.buf_len + input.len()].copy_from_slice(input);
            self.buf_len += input.len();
            return;
        }

        let mut i = 0;
        if self.buf_len > 0 {
            i = 48 - self.buf_len;
            self.buf[self.buf_len..].copy_from_slice(&input[..i]);
            round(&mut self.state, &self.buf);
            self.buf_len = 0;
        }

        while i + 48 < input.len() {
            round(&mut self.state, &input[i..i + 48]);
            i += 48;
        }

        let remaining = &input[i..];
        if remaining.len() < 16 && i >= 48 {
            let rem = 16 - remaining.len();
            self.buf[48 - rem..].copy_from_slice(&input[i - rem..i]);
        }
        self.buf[..remaining.len()].copy_from_slice(remaining);
        self.buf_len = remaining.len();
    }

    /// Twin of Zig's `Wyhash.final`; idempotent, the hasher is not consumed.
    pub fn finish(&self) -> u64 {
        let mut state = self.state;
        let (a, b) = if self.total_len <= 16 {
            small_key(&self.buf[..self.buf_len])
        } else {
            let mut scratch = [0u8; 16];
            let (input, offset): (&[u8], usize) = if self.buf_len < 16 {
                // Prepend the tail of the previous block, as Zig does.
                let rem = 16 - self.buf_len;
                scratch[..rem].copy_from_slice(&self.buf[48 - rem..]);
                scratch[rem..].copy_from_slice(&self.buf[..self.buf_len]);
                (&scratch, rem)
            } else {
                (&self.buf[..self.buf_len], 0)
            };
            final0(&mut state);
            final1(&mut state[0], input, offset)
        };
        final2(a, b, state[0], self.total_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Zig's `vectors` in `wyhash.zig` (from upstream `test_vector.cpp`).
    const VECTORS: [(u64, u64, &str); 7] = [
        (0, 0x409638ee2bde459, ""),
        (1, 0xa8412d091b5fe0a9, "a"),
        (2, 0x32dd92e4b2915153, "abc"),
        (3, 0x8619124089a3a16b, "message digest"),
        (4, 0x7a43afb61d7f5f40, "abcdefghijklmnopqrstuvwxyz"),
        (
            5,
            0xff42329b90e50d58,
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        ),
        (
            6,
            0xc39cab13b115aad3,
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        ),
    ];

    #[test]
    fn test_vectors() {
        for (seed, expected, input) in VECTORS {
            assert_eq!(hash(seed, input.as_bytes()), expected, "input {input:?}");
        }
    }

    /// Zig's `verify.smhasher(Wyhash.hash) == 0xBD5E840C`.
    #[test]
    fn smhasher_verification_code() {
        let buf: Vec<u8> = (0..=255u8).collect();
        let mut all = Vec::with_capacity(256 * 8);
        for i in 0..256usize {
            all.extend_from_slice(&hash(256 - i as u64, &buf[..i]).to_le_bytes());
        }
        assert_eq!(hash(0, &all) as u32, 0xBD5E840C);
    }

    /// Zig's `verify.iterativeApi(Wyhash)`.
    #[test]
    fn iterative_api() {
        let buf = [0u8; 528];
        let mut len = 0;
        let mut hasher = Wyhash::new(0);
        for i in 1..32 {
            let direct = hash(0, &buf[..len + i]);
            hasher.update(&buf[len..len + i]);
            assert_eq!(hasher.finish(), hasher.finish());
            assert_eq!(hasher.finish(), direct);
            len += i;
        }
    }

    /// Zig's `iterative maintains last sixteen`.
    #[test]
    fn iterative_maintains_last_sixteen() {
        let mut input = vec![b'Z'; 48];
        input.extend_from_slice(b"01234567890abcdefg");
        for i in 0..17 {
            let payload = &input[..input.len() - i];
            let mut wh = Wyhash::new(0);
            wh.update(payload);
            assert_eq!(wh.finish(), hash(0, payload));
        }
    }

    #[test]
    fn streaming_matches_one_shot_for_any_split() {
        let data: Vec<u8> = (0..300u32).map(|i| (i * 31 + 7) as u8).collect();
        for len in [0, 1, 3, 4, 15, 16, 17, 47, 48, 49, 95, 96, 97, 150, 300] {
            let input = &data[..len];
            for chunk in [1, 5, 16, 47, 48, 49, 100] {
                let mut wh = Wyhash::new(42);
                for part in input.chunks(chunk) {
                    wh.update(part);
                }
                assert_eq!(wh.finish(), hash(42, input), "len {len} chunk {chunk}");
            }
        }
    }
}

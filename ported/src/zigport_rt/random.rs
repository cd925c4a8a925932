//! Twin of Zig 0.15.2 `std.Random.DefaultPrng` (`Xoshiro256`, seeded by
//! `SplitMix64`: `lib/std/Random/Xoshiro256.zig`, `SplitMix64.zig`) and the
//! `std.Random` methods ports use on it (`bytes`, `int`). Same seed, same
//! sequence: tests that draw random data draw Zig's data.

/// `std.Random.SplitMix64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SplitMix64 {
    s: u64,
}

impl SplitMix64 {
    pub fn init(seed: u64) -> Self {
        SplitMix64 { s: seed }
    }

    // Zig's name; never exhausted, so not an `Iterator`.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.s = self.s.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.s;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// `std.Random.Xoshiro256` (Xoshiro256++), Zig's `DefaultPrng`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Xoshiro256 {
    s: [u64; 4],
}

impl Xoshiro256 {
    pub fn init(seed: u64) -> Self {
        let mut mixer = SplitMix64::init(seed);
        Xoshiro256 {
            s: [mixer.next(), mixer.next(), mixer.next(), mixer.next()],
        }
    }

    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        let s = &mut self.s;
        let r = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        r
    }

    /// `fill`: eight bytes per `next()`, little-endian; the last one cut.
    pub fn fill(&mut self, buf: &mut [u8]) {
        for chunk in buf.chunks_mut(8) {
            let n = self.next().to_le_bytes();
            chunk.copy_from_slice(&n[..chunk.len()]);
        }
    }

    /// `random().bytes(buf)`.
    pub fn bytes(&mut self, buf: &mut [u8]) {
        self.fill(buf);
    }

    /// `random().int(T)`: `ceil(bits / 8)` fresh bytes, little-endian.
    pub fn int<T: RandomInt>(&mut self) -> T {
        let mut buf = [0u8; 8];
        self.bytes(&mut buf[..T::BYTES]);
        T::from_le(buf)
    }

    /// `random().uintLessThan(T, less_than)`: Lemire's multiply-shift with
    /// Zig's rejection threshold, drawing `int(T)` until unbiased. Panics
    /// on 0, where Zig asserts.
    pub fn uint_less_than<T: RandomUint>(&mut self, less_than: T) -> T {
        let bound = u128::from(less_than.widen());
        assert!(bound > 0, "uintLessThan: less_than must be positive");
        let mask = (1u128 << T::BITS) - 1;
        let mut m = u128::from(self.int::<T>().widen()) * bound;
        let mut l = m & mask;
        if l < bound {
            // `-%less_than` in T.
            let mut t = bound.wrapping_neg() & mask;
            if t >= bound {
                t -= bound;
                if t >= bound {
                    t %= bound;
                }
            }
            while l < t {
                m = u128::from(self.int::<T>().widen()) * bound;
                l = m & mask;
            }
        }
        T::narrow((m >> T::BITS) as u64)
    }

    /// `random().boolean()`: the low bit of one fresh byte.
    pub fn boolean(&mut self) -> bool {
        self.int::<u8>() & 1 != 0
    }
}

/// Integer types `Random.int` produces: built from their little-endian bytes.
pub trait RandomInt: Copy {
    const BYTES: usize;
    fn from_le(bytes: [u8; 8]) -> Self;
}

macro_rules! random_int {
    ($($t:ty),*) => {$(
        impl RandomInt for $t {
            const BYTES: usize = core::mem::size_of::<$t>();
            fn from_le(bytes: [u8; 8]) -> Self {
                let mut own = [0u8; core::mem::size_of::<$t>()];
                own.copy_from_slice(&bytes[..Self::BYTES]);
                <$t>::from_le_bytes(own)
            }
        }
    )*};
}

random_int!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// Unsigned integer types `uintLessThan` draws (at most 64 bits).
pub trait RandomUint: RandomInt {
    const BITS: u32;
    fn widen(self) -> u64;
    fn narrow(v: u64) -> Self;
}

macro_rules! random_uint {
    ($($t:ty),*) => {$(
        impl RandomUint for $t {
            const BITS: u32 = <$t>::BITS;
            fn widen(self) -> u64 {
                self as u64
            }
            fn narrow(v: u64) -> Self {
                v as $t
            }
        }
    )*};
}

random_uint!(u8, u16, u32, u64, usize);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_fill_consumes_a_whole_next() {
        let mut a = Xoshiro256::init(7);
        let mut b = Xoshiro256::init(7);
        let mut three = [0u8; 3];
        a.bytes(&mut three);
        assert_eq!(three, b.next().to_le_bytes()[..3]);
        assert_eq!(a.next(), b.next());
    }
}

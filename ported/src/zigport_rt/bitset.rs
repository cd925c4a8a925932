//! `std.StaticBitSet(N)`: `N` bits in `WORDS` 64-bit words (the rules spell
//! `WORDS` as `(N + 63) / 64`; stable Rust cannot compute it from `N`).
//! Indices past `N` panic, as Zig's safety checks do.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaticBitSet<const N: usize, const WORDS: usize> {
    words: [u64; WORDS],
}

impl<const N: usize, const WORDS: usize> Default for StaticBitSet<N, WORDS> {
    fn default() -> Self {
        Self::init_empty()
    }
}

impl<const N: usize, const WORDS: usize> StaticBitSet<N, WORDS> {
    const WORDS_FIT: () = assert!(WORDS == N.div_ceil(64), "WORDS must be (N + 63) / 64");

    pub const fn init_empty() -> Self {
        let () = Self::WORDS_FIT;
        Self { words: [0; WORDS] }
    }

    pub fn init_full() -> Self {
        let mut s = Self::init_empty();
        for i in 0..N {
            s.set(i);
        }
        s
    }

    pub const fn capacity() -> usize {
        N
    }

    fn locate(index: usize) -> (usize, u64) {
        assert!(index < N, "index out of bounds: the bit set holds {N} bits");
        (index / 64, 1u64 << (index % 64))
    }

    pub fn is_set(&self, index: usize) -> bool {
        let (w, bit) = Self::locate(index);
        self.words[w] & bit != 0
    }

    pub fn set(&mut self, index: usize) {
        let (w, bit) = Self::locate(index);
        self.words[w] |= bit;
    }

    pub fn unset(&mut self, index: usize) {
        let (w, bit) = Self::locate(index);
        self.words[w] &= !bit;
    }

    pub fn set_value(&mut self, index: usize, value: bool) {
        if value {
            self.set(index);
        } else {
            self.unset(index);
        }
    }

    pub fn toggle(&mut self, index: usize) {
        let (w, bit) = Self::locate(index);
        self.words[w] ^= bit;
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn find_first_set(&self) -> Option<usize> {
        self.iterator().next()
    }

    /// `iterator(.{})`: the set bits, ascending.
    pub fn iterator(&self) -> Iter<'_> {
        Iter {
            words: &self.words,
            word: 0,
            current: self.words.first().copied().unwrap_or(0),
        }
    }
}

/// Set bits of a `StaticBitSet`, lowest first.
pub struct Iter<'a> {
    words: &'a [u64],
    word: usize,
    current: u64,
}

impl Iterator for Iter<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.current == 0 {
            self.word += 1;
            self.current = *self.words.get(self.word)?;
        }
        let bit = self.current.trailing_zeros() as usize;
        self.current &= self.current - 1;
        Some(self.word * 64 + bit)
    }
}

#[cfg(test)]
mod tests {
    use super::StaticBitSet;

    #[test]
    fn set_bits_iterate_in_order_across_words() {
        let mut s = StaticBitSet::<130, 3>::init_empty();
        for i in [129, 0, 64, 63, 5] {
            s.set(i);
        }
        assert!(s.is_set(63) && !s.is_set(62));
        assert_eq!(s.iterator().collect::<Vec<_>>(), [0, 5, 63, 64, 129]);
        assert_eq!(s.count(), 5);
        s.unset(0);
        s.toggle(5);
        assert_eq!(s.find_first_set(), Some(63));
        assert_eq!(StaticBitSet::<130, 3>::init_full().count(), 130);
    }

    #[test]
    #[should_panic(expected = "index out of bounds")]
    fn an_index_past_the_length_panics_as_in_zig() {
        StaticBitSet::<10, 1>::init_empty().set(10);
    }
}

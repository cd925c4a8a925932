//! `std.mem` functions whose Zig behaviour Rust's std does not have under
//! the same name; each states the Zig it reproduces.
/// `std.mem.trimLeft(T, s, values)`.
pub fn trim_left<'a, T: PartialEq>(s: &'a [T], values: &[T]) -> &'a [T] {
    let start = s
        .iter()
        .position(|x| !values.contains(x))
        .unwrap_or(s.len());
    &s[start..]
}

/// `std.mem.trimRight(T, s, values)`.
pub fn trim_right<'a, T: PartialEq>(s: &'a [T], values: &[T]) -> &'a [T] {
    let end = s
        .iter()
        .rposition(|x| !values.contains(x))
        .map_or(0, |i| i + 1);
    &s[..end]
}

/// `std.mem.trim(T, s, values)`.
pub fn trim<'a, T: PartialEq>(s: &'a [T], values: &[T]) -> &'a [T] {
    trim_right(trim_left(s, values), values)
}

/// `std.mem.indexOfScalarPos(T, s, start, value)`.
pub fn index_of_scalar_pos<T: PartialEq>(s: &[T], start: usize, value: T) -> Option<usize> {
    if start >= s.len() {
        return None;
    }
    s[start..]
        .iter()
        .position(|x| *x == value)
        .map(|i| i + start)
}

/// `window == needle`, element by element as Zig's `indexOfPosLinear`
/// compares: a slice `==` calls `memcmp` at every position, which made
/// short searches (`splitSequence(u8, "1..9", "..")`) 1.5x slower than Zig.
pub fn same_elements<T: PartialEq>(window: &[T], needle: &[T]) -> bool {
    window.len() == needle.len() && window.iter().zip(needle).all(|(a, b)| a == b)
}

/// `std.mem.indexOfPos(T, haystack, start, needle)`: an empty needle is
/// found at `start`, whatever `start` is.
pub fn index_of_pos<T: PartialEq>(haystack: &[T], start: usize, needle: &[T]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(start);
    }
    let end = haystack.len() - needle.len();
    (start..=end).find(|&i| same_elements(&haystack[i..i + needle.len()], needle))
}

/// `std.mem.indexOfAnyPos(T, slice, start, values)`: the first index at
/// or after `start` holding any of `values`.
pub fn index_of_any_pos<T: PartialEq>(slice: &[T], start: usize, values: &[T]) -> Option<usize> {
    if start >= slice.len() {
        return None;
    }
    (start..slice.len()).find(|&i| values.contains(&slice[i]))
}

/// `std.mem.indexOfAny(T, slice, values)`.
pub fn index_of_any<T: PartialEq>(slice: &[T], values: &[T]) -> Option<usize> {
    index_of_any_pos(slice, 0, values)
}

/// `std.mem.lastIndexOfAny(T, slice, values)`.
pub fn last_index_of_any<T: PartialEq>(slice: &[T], values: &[T]) -> Option<usize> {
    (0..slice.len()).rev().find(|&i| values.contains(&slice[i]))
}

/// `std.mem.indexOf(T, haystack, needle)`.
pub fn index_of<T: PartialEq>(haystack: &[T], needle: &[T]) -> Option<usize> {
    index_of_pos(haystack, 0, needle)
}

/// `std.mem.lastIndexOf(T, haystack, needle)`.
pub fn last_index_of<T: PartialEq>(haystack: &[T], needle: &[T]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| same_elements(&haystack[i..i + needle.len()], needle))
}

/// `std.mem.count(T, haystack, needle)` (non-overlapping; an empty
/// needle is a Zig safety panic).
pub fn count<T: PartialEq>(haystack: &[T], needle: &[T]) -> usize {
    assert!(!needle.is_empty(), "count: empty needle");
    let (mut i, mut found) = (0, 0);
    while let Some(at) = index_of_pos(haystack, i, needle) {
        found += 1;
        i = at + needle.len();
    }
    found
}

/// `std.mem.concat(allocator, T, parts)`.
pub fn concat<T: Clone>(parts: &[&[T]]) -> Vec<T> {
    parts.concat()
}

/// `std.mem.join(allocator, separator, parts)`.
pub fn join<T: Clone, P: core::borrow::Borrow<[T]>>(separator: &[T], parts: &[P]) -> Vec<T> {
    parts.join(separator)
}

/// `view.ptr[start..end]`: Zig re-slices the many-item pointer behind a
/// view, past the view's own length, into the buffer it was cut from.
/// Safe Rust re-slices that buffer (`within`) at the view's offset. Panics
/// where Zig's behaviour is undefined: the view outside `within`, or the
/// range leaving it.
pub fn reslice_within<'a, T>(within: &'a [T], view: &[T], start: usize, end: usize) -> &'a [T] {
    let size = core::mem::size_of::<T>().max(1);
    let offset = (view.as_ptr() as usize)
        .checked_sub(within.as_ptr() as usize)
        .filter(|o| o % size == 0 && o / size <= within.len())
        .expect("zigport: a many-item pointer outside the buffer it was cut from")
        / size;
    &within[offset + start..offset + end]
}

/// `@tagName` of a `std.math.Order` (Rust's `Ordering`).
pub fn order_name(order: core::cmp::Ordering) -> &'static [u8] {
    match order {
        core::cmp::Ordering::Less => b"lt",
        core::cmp::Ordering::Equal => b"eq",
        core::cmp::Ordering::Greater => b"gt",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_as_bytes_is_the_memory_in_native_order() {
        let units: [u16; 2] = [0x0102, 0xA0B0];
        let expected: Vec<u8> = units.iter().flat_map(|u| u.to_ne_bytes()).collect();
        assert_eq!(slice_as_bytes(&units[..]), &expected[..]);
        assert_eq!(slice_as_bytes::<u32>(&[]), b"");
    }

    #[test]
    fn trims_like_zig() {
        assert_eq!(trim(b"  a b \t", b" \t"), b"a b");
        assert_eq!(trim(b"    ", b" "), b"");
        assert_eq!(trim_left(b"xxa", b"x"), b"a");
        assert_eq!(trim_right(b"axx", b"x"), b"a");
        assert_eq!(trim(b"", b" "), b"");
    }

    #[test]
    fn searches_like_zig() {
        assert_eq!(index_of_scalar_pos(b"abcabc", 1, b'a'), Some(3));
        assert_eq!(index_of_scalar_pos(b"abc", 3, b'a'), None);
        assert_eq!(index_of(b"hello", b"ll"), Some(2));
        assert_eq!(index_of(b"hello", b""), Some(0));
        assert_eq!(index_of_pos(b"ab", 5, b""), Some(5));
        assert_eq!(index_of_pos(b"abab", 1, b"ab"), Some(2));
        assert_eq!(index_of_pos(b"abab", 3, b"ab"), None);
        assert_eq!(last_index_of(b"abab", b"ab"), Some(2));
        assert_eq!(count(b"aaaa", b"aa"), 2);
        assert_eq!(join(b", ", &[&b"a"[..], b"b"]), b"a, b");
        // Owned parts too (`std.mem.join` over a list of owned strings).
        assert_eq!(join(b",", &[b"x".to_vec(), b"yz".to_vec()]), b"x,yz");
        assert_eq!(concat(&[&b"a"[..], b"bc"]), b"abc");
        let text = b"text/html; charset=utf-8";
        let (kind, sub) = (&text[0..4], &text[5..9]);
        assert_eq!(
            reslice_within(text, kind, 0, kind.len() + 1 + sub.len()),
            b"text/html"
        );
    }
}

/// Integer types with no padding and no invalid bit patterns: their
/// memory read as bytes is always initialised. Sealed: the runtime lists
/// them, nothing else can claim it.
pub trait PlainBytes: Copy + private::Sealed {}
mod private {
    pub trait Sealed {}
}
macro_rules! plain_bytes {
    ($($t:ty),*) => {$(impl private::Sealed for $t {} impl PlainBytes for $t {})*};
}
plain_bytes!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

/// `std.mem.sliceAsBytes(s)`: the memory of `s` as bytes, in the target's
/// order, borrowed (Zig's is a pointer cast too).
pub fn slice_as_bytes<T: PlainBytes>(s: &[T]) -> &[u8] {
    // SAFETY: `T` is a primitive integer (`PlainBytes` is sealed to those):
    // no padding, every byte initialised, and `u8` has alignment 1. The
    // pointer and `size_of_val(s)` describe exactly the memory of `s`,
    // which the returned slice borrows for the same lifetime.
    unsafe { core::slice::from_raw_parts(s.as_ptr().cast::<u8>(), core::mem::size_of_val(s)) }
}

/// `std.builtin.Endian`: the byte order a `std.mem.readInt`/`writeInt`
/// (or any function taking an endian) is given at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endian {
    Big,
    Little,
}

impl Endian {
    /// `@import("builtin").cpu.arch.endian()`: the target's byte order.
    pub const NATIVE: Endian = if cfg!(target_endian = "little") {
        Endian::Little
    } else {
        Endian::Big
    };
}

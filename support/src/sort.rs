//! Twin of Zig 0.15.2 `std.sort.pdq` / `pdqContext` (`lib/std/sort/pdq.zig`,
//! with `insertionContext` and `heapContext` from `lib/std/sort.zig`), the
//! algorithm behind `std.mem.sortUnstable` and `StaticStringMap`'s table.
//! An unstable sort leaves equal elements in an order only the algorithm
//! decides: the twin makes the same comparisons and swaps, in the same
//! order, so equal elements end where Zig puts them.

/// Zig's sort context: compare and swap by index.
pub trait SortContext {
    fn less_than(&mut self, a: usize, b: usize) -> bool;
    fn swap(&mut self, a: usize, b: usize);
}

/// A slice with a `lessThan` on its elements (`std.sort.pdq(T, items, ctx, lessThan)`).
struct SliceContext<'s, T, F> {
    items: &'s mut [T],
    less_than: F,
}

impl<T, F: FnMut(&T, &T) -> bool> SortContext for SliceContext<'_, T, F> {
    fn less_than(&mut self, a: usize, b: usize) -> bool {
        (self.less_than)(&self.items[a], &self.items[b])
    }
    fn swap(&mut self, a: usize, b: usize) {
        self.items.swap(a, b);
    }
}

/// `std.sort.pdq(T, items, context, lessThan)` (and `std.mem.sortUnstable`).
pub fn pdq<T>(items: &mut [T], less_than: impl FnMut(&T, &T) -> bool) {
    let len = items.len();
    pdq_context(0, len, &mut SliceContext { items, less_than });
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Hint {
    Increasing,
    Decreasing,
    Unknown,
}

#[derive(Clone, Copy, Default)]
struct Range {
    a: usize,
    b: usize,
    limit: usize,
}

/// `std.sort.pdqContext(a, b, context)`.
pub fn pdq_context(a: usize, b: usize, context: &mut impl SortContext) {
    const MAX_INSERTION: usize = 24;
    // `floorPowerOfTwo(b - a) + 1`; Zig's floorPowerOfTwo(0) is 0.
    let max_limit = match b - a {
        0 => 1,
        n => (1usize << (usize::BITS - 1 - n.leading_zeros())) + 1,
    };
    let mut stack = [Range::default(); usize::BITS as usize];
    let mut range = Range {
        a,
        b,
        limit: max_limit,
    };
    let mut top: usize = 0;
    loop {
        let mut was_balanced = true;
        let mut was_partitioned = true;
        loop {
            let len = range.b - range.a;
            if len <= MAX_INSERTION {
                insertion_context(range.a, range.b, context);
                break;
            }
            if range.limit == 0 {
                heap_context(range.a, range.b, context);
                break;
            }
            if !was_balanced {
                break_patterns(range.a, range.b, context);
                range.limit -= 1;
            }
            let (mut pivot, mut hint) = choose_pivot(range.a, range.b, context);
            if hint == Hint::Decreasing {
                reverse_range(range.a, range.b, context);
                pivot = (range.b - 1) - (pivot - range.a);
                hint = Hint::Increasing;
            }
            if was_balanced
                && was_partitioned
                && hint == Hint::Increasing
                && partial_insertion_sort(range.a, range.b, context)
            {
                break;
            }
            if range.a > a && !context.less_than(range.a - 1, pivot) {
                range.a = partition_equal(range.a, range.b, pivot, context);
                continue;
            }
            let (mid, partitioned) = partition(range.a, range.b, pivot, context);
            was_partitioned = partitioned;
            let left_len = mid - range.a;
            let right_len = range.b - mid;
            let balanced_threshold = len / 8;
            if left_len < right_len {
                was_balanced = left_len >= balanced_threshold;
                stack[top] = Range {
                    a: range.a,
                    b: mid,
                    limit: range.limit,
                };
                top += 1;
                range.a = mid + 1;
            } else {
                was_balanced = right_len >= balanced_threshold;
                stack[top] = Range {
                    a: mid + 1,
                    b: range.b,
                    limit: range.limit,
                };
                top += 1;
                range.b = mid;
            }
        }
        match top.checked_sub(1) {
            Some(t) => top = t,
            None => break,
        }
        range = stack[top];
    }
}

/// `std.sort.insertionContext`.
pub fn insertion_context(a: usize, b: usize, context: &mut impl SortContext) {
    let mut i = a + 1;
    while i < b {
        let mut j = i;
        while j > a && context.less_than(j, j - 1) {
            context.swap(j, j - 1);
            j -= 1;
        }
        i += 1;
    }
}

/// `std.sort.heapContext`.
pub fn heap_context(a: usize, b: usize, context: &mut impl SortContext) {
    let mut i = a + (b - a) / 2;
    while i > a {
        i -= 1;
        sift_down(a, i, b, context);
    }
    i = b;
    while i > a {
        i -= 1;
        context.swap(a, i);
        sift_down(a, a, i, context);
    }
}

fn sift_down(a: usize, target: usize, b: usize, context: &mut impl SortContext) {
    let mut cur = target;
    while let Some(child) = (cur - a).checked_mul(2) {
        let mut child = child + a + 1;
        if child >= b {
            break;
        }
        let next_child = child + 1;
        if next_child < b && context.less_than(child, next_child) {
            child = next_child;
        }
        if context.less_than(child, cur) {
            break;
        }
        context.swap(child, cur);
        cur = child;
    }
}

/// Partitions around the pivot (moved to `a`); returns where it lands and
/// whether the range was already partitioned.
fn partition(a: usize, b: usize, pivot: usize, context: &mut impl SortContext) -> (usize, bool) {
    context.swap(a, pivot);
    let mut i = a + 1;
    let mut j = b - 1;
    while i <= j && context.less_than(i, a) {
        i += 1;
    }
    while i <= j && !context.less_than(j, a) {
        j -= 1;
    }
    if i > j {
        context.swap(j, a);
        return (j, true);
    }
    context.swap(i, j);
    i += 1;
    j -= 1;
    loop {
        while i <= j && context.less_than(i, a) {
            i += 1;
        }
        while i <= j && !context.less_than(j, a) {
            j -= 1;
        }
        if i > j {
            break;
        }
        context.swap(i, j);
        i += 1;
        j -= 1;
    }
    context.swap(j, a);
    (j, false)
}

fn partition_equal(a: usize, b: usize, pivot: usize, context: &mut impl SortContext) -> usize {
    context.swap(a, pivot);
    let mut i = a + 1;
    let mut j = b - 1;
    loop {
        while i <= j && !context.less_than(a, i) {
            i += 1;
        }
        while i <= j && context.less_than(a, j) {
            j -= 1;
        }
        if i > j {
            break;
        }
        context.swap(i, j);
        i += 1;
        j -= 1;
    }
    i
}

fn partial_insertion_sort(a: usize, b: usize, context: &mut impl SortContext) -> bool {
    const MAX_STEPS: usize = 5;
    const SHORTEST_SHIFTING: usize = 50;
    let mut i = a + 1;
    for _ in 0..MAX_STEPS {
        while i < b && !context.less_than(i, i - 1) {
            i += 1;
        }
        if i == b {
            return true;
        }
        if b - a < SHORTEST_SHIFTING {
            return false;
        }
        context.swap(i, i - 1);
        if i - a >= 2 {
            let mut j = i - 1;
            while j > a {
                if !context.less_than(j, j - 1) {
                    break;
                }
                context.swap(j, j - 1);
                j -= 1;
            }
        }
        if b - i >= 2 {
            let mut j = i + 1;
            while j < b {
                if !context.less_than(j, j - 1) {
                    break;
                }
                context.swap(j, j - 1);
                j += 1;
            }
        }
    }
    false
}

/// Zig's deterministic xorshift, seeded by the length.
fn break_patterns(a: usize, b: usize, context: &mut impl SortContext) {
    let len = b - a;
    if len < 8 {
        return;
    }
    let mut rand = len as u64;
    let modulus = (len as u64).next_power_of_two();
    let mut i = a + (len / 4) * 2 - 1;
    while i <= a + (len / 4) * 2 + 1 {
        rand ^= rand << 13;
        rand ^= rand >> 7;
        rand ^= rand << 17;
        let mut other = (rand & (modulus - 1)) as usize;
        if other >= len {
            other -= len;
        }
        context.swap(i, a + other);
        i += 1;
    }
}

fn choose_pivot(a: usize, b: usize, context: &mut impl SortContext) -> (usize, Hint) {
    const SHORTEST_NINTHER: usize = 50;
    const MAX_SWAPS: usize = 4 * 3;
    let len = b - a;
    let i = a + len / 4;
    let j = a + len / 4 * 2;
    let k = a + len / 4 * 3;
    let mut swaps: usize = 0;
    if len >= 8 {
        if len >= SHORTEST_NINTHER {
            sort3(i - 1, i, i + 1, &mut swaps, context);
            sort3(j - 1, j, j + 1, &mut swaps, context);
            sort3(k - 1, k, k + 1, &mut swaps, context);
        }
        sort3(i, j, k, &mut swaps, context);
    }
    let hint = match swaps {
        0 => Hint::Increasing,
        MAX_SWAPS => Hint::Decreasing,
        _ => Hint::Unknown,
    };
    (j, hint)
}

fn sort3(a: usize, b: usize, c: usize, swaps: &mut usize, context: &mut impl SortContext) {
    if context.less_than(b, a) {
        *swaps += 1;
        context.swap(b, a);
    }
    if context.less_than(c, b) {
        *swaps += 1;
        context.swap(c, b);
    }
    if context.less_than(b, a) {
        *swaps += 1;
        context.swap(b, a);
    }
}

fn reverse_range(a: usize, b: usize, context: &mut impl SortContext) {
    let mut i = a;
    let mut j = b - 1;
    while i < j {
        context.swap(i, j);
        i += 1;
        j -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::pdq;

    #[test]
    fn sorts_every_length_through_each_phase() {
        // Lengths past 24 (insertion), 50 (ninther) and patterns that
        // unbalance the partitions (the heap fallback).
        for len in [0usize, 1, 2, 23, 24, 25, 49, 50, 51, 200, 1000] {
            for pattern in 0..4u64 {
                let mut v: Vec<u64> = (0..len as u64)
                    .map(|i| match pattern {
                        0 => i,
                        1 => len as u64 - i,
                        2 => (i * 7919) % 13,
                        _ => i % 2 * 1000 + i,
                    })
                    .collect();
                let mut want = v.clone();
                want.sort();
                pdq(&mut v, |a, b| a < b);
                assert_eq!(v, want, "len {len} pattern {pattern}");
            }
        }
    }
}

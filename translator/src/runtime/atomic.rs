//! Zig's atomic builtins (`@atomicLoad`, `@atomicStore`, `@atomicRmw`,
//! `@cmpxchgStrong`, `@cmpxchgWeak`) on a place the port holds as a plain
//! value (a field, a local, a `*T` parameter). The port reaches every such
//! place through `&` or `&mut`, so while the operation runs no other thread
//! can read or write it (safe Rust has no data races): the plain operation
//! *is* the atomic one, and the ordering, which orders what other threads
//! see, has no observer. It is still taken, so the port states what the Zig
//! asked for; a value meant to be shared between threads is a
//! `std.atomic.Value(T)`, ported to Rust's own atomic types.

use core::sync::atomic::Ordering;

/// `@atomicLoad(T, &place, order)`.
pub fn load<T: Copy>(place: &T, order: Ordering) -> T {
    let _ = order;
    *place
}

/// `@atomicStore(T, &place, value, order)`.
pub fn store<T>(place: &mut T, value: T, order: Ordering) {
    let _ = order;
    *place = value;
}

/// `@atomicRmw(T, &place, op, operand, order)`: `op` applied to the old
/// value (Zig's `.Add`/`.Sub` wrap), which is returned.
pub fn rmw<T: Copy>(place: &mut T, op: impl FnOnce(T) -> T, order: Ordering) -> T {
    let _ = order;
    let old = *place;
    *place = op(old);
    old
}

/// `@cmpxchgStrong(T, &place, expected, new, success, failure)`: `None`
/// when `place` held `expected` (and now holds `new`), else what it holds.
/// A weak exchange may fail spuriously in Zig; never failing is one of its
/// behaviours.
pub fn cmpxchg<T: Copy + PartialEq>(
    place: &mut T,
    expected: T,
    new: T,
    success: Ordering,
    failure: Ordering,
) -> Option<T> {
    let _ = (success, failure);
    if *place == expected {
        *place = new;
        None
    } else {
        Some(*place)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_place_operations() {
        let mut x = 5u32;
        assert_eq!(load(&x, Ordering::Acquire), 5);
        store(&mut x, u32::MAX, Ordering::Release);
        assert_eq!(
            rmw(&mut x, |v| v.wrapping_add(2), Ordering::SeqCst),
            u32::MAX
        );
        assert_eq!(x, 1);
        assert_eq!(
            cmpxchg(&mut x, 1, 7, Ordering::SeqCst, Ordering::Relaxed),
            None
        );
        assert_eq!(
            cmpxchg(&mut x, 1, 9, Ordering::SeqCst, Ordering::Relaxed),
            Some(7)
        );
        assert_eq!(x, 7);
    }
}

//! `std.StringHashMap` and `std.StaticStringMap` calls with no one-call
//! Rust equivalent.

use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

/// `std.StringHashMap(V)` as a std `HashMap` hashed like Zig's: an
/// unseeded wyhash of the key bytes. SipHash with a random seed (std's
/// default) made parse-into-a-map functions (ini) 1.3-2.5x slower than
/// Zig; a fixed hash also makes iteration order the same on every run.
pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<ZigHasher>>;

/// The hasher of [`HashMap`]: `std.hash.Wyhash.hash(0, key)` for a byte
/// key, chained for keys that write more than once.
#[derive(Debug, Default, Clone, Copy)]
pub struct ZigHasher(u64);

impl Hasher for ZigHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = super::wyhash::hash(self.0, bytes);
    }

    /// Integers (and the length prefix `[u8]` writes before its bytes) are
    /// folded into the state by a multiply, not a whole wyhash round.
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(29);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Zig's `GetOrPutResult`: the value slot of a key and whether the key
/// was already there. A new slot holds `V::default()` where Zig leaves it
/// undefined (Zig code must store to it before reading it).
pub struct GetOrPut<'m, V> {
    pub value_ptr: &'m mut V,
    pub found_existing: bool,
}

/// `map.getOrPut(key)`: one lookup; an existing key keeps its entry (and
/// its original key), as in Zig.
pub fn get_or_put<K: Eq + Hash, V: Default, S: BuildHasher>(
    map: &mut std::collections::HashMap<K, V, S>,
    key: K,
) -> GetOrPut<'_, V> {
    match map.entry(key) {
        Entry::Occupied(e) => GetOrPut {
            value_ptr: e.into_mut(),
            found_existing: true,
        },
        Entry::Vacant(e) => GetOrPut {
            value_ptr: e.insert(V::default()),
            found_existing: false,
        },
    }
}

/// `StaticStringMap.get` over a table in Zig's order (sorted by key
/// length): only the keys of the probe's length are compared, as Zig's
/// `len_indexes` does; the first match in table order wins.
pub fn static_map_find<'t, V>(
    table: &'t [(&[u8], V)],
    probe: &[u8],
    ignore_case: bool,
) -> Option<&'t V> {
    let start = table.partition_point(|(k, _)| k.len() < probe.len());
    table[start..]
        .iter()
        .take_while(|(k, _)| k.len() == probe.len())
        .find(|(k, _)| match ignore_case {
            true => k.eq_ignore_ascii_case(probe),
            false => *k == probe,
        })
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::{get_or_put, static_map_find};

    #[test]
    fn static_map_find_looks_only_at_keys_of_the_probe_length() {
        let table: [(&[u8], u8); 4] = [(b"js", 1), (b"css", 2), (b"htm", 3), (b"html", 4)];
        assert_eq!(static_map_find(&table, b"htm", false), Some(&3));
        assert_eq!(static_map_find(&table, b"HTML", true), Some(&4));
        assert_eq!(static_map_find(&table, b"HTML", false), None);
        assert_eq!(static_map_find(&table, b"x", false), None);
        assert_eq!(static_map_find(&table, b"xxxxx", false), None);
    }

    use super::HashMap;

    #[test]
    fn the_hash_of_a_byte_key_does_not_depend_on_the_run() {
        use std::hash::BuildHasher;
        let build = std::hash::BuildHasherDefault::<super::ZigHasher>::default();
        assert_eq!(
            build.hash_one(&b"registry"[..]),
            build.hash_one(&b"registry"[..])
        );
        assert_ne!(
            build.hash_one(&b"registry"[..]),
            build.hash_one(&b"registrz"[..])
        );
        assert_ne!(build.hash_one(&b""[..]), build.hash_one(&b"\0"[..]));
    }

    #[test]
    fn get_or_put_reports_existing_keys_and_hands_out_the_slot() {
        let mut map: HashMap<&[u8], u32> = HashMap::default();
        let slot = get_or_put(&mut map, b"a");
        assert!(!slot.found_existing);
        *slot.value_ptr = 7;
        let slot = get_or_put(&mut map, b"a");
        assert!(slot.found_existing);
        assert_eq!(*slot.value_ptr, 7);
        *slot.value_ptr += 1;
        assert_eq!(map.get(&b"a"[..]), Some(&8));
        assert_eq!(map.len(), 1);
    }
}

//! `std.StringHashMap` and `std.StaticStringMap` calls with no one-call
//! Rust equivalent.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

/// Zig's `GetOrPutResult`: the value slot of a key and whether the key
/// was already there. A new slot holds `V::default()` where Zig leaves it
/// undefined (Zig code must store to it before reading it).
pub struct GetOrPut<'m, V> {
    pub value_ptr: &'m mut V,
    pub found_existing: bool,
}

/// `map.getOrPut(key)`: one lookup; an existing key keeps its entry (and
/// its original key), as in Zig.
pub fn get_or_put<K: Eq + Hash, V: Default>(map: &mut HashMap<K, V>, key: K) -> GetOrPut<'_, V> {
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

    use std::collections::HashMap;

    #[test]
    fn get_or_put_reports_existing_keys_and_hands_out_the_slot() {
        let mut map: HashMap<&[u8], u32> = HashMap::new();
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

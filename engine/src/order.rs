//! Ordered collections without the standard library's costliest generic code (issue 15):
//! every `sort_by`/`sort_by_key` instance is 2–4 kB of wasm, once per element type and key,
//! collecting into a `BTreeMap`/`BTreeSet` stable-sorts its input, and `retain`/`remove`
//! bring a map's removal code per key and value type. The app's lists and maps hold a
//! handful of items each.

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sorts `items` as [`slice::sort_by`] does, equal items keeping their order, by binary
/// insertion: O(n log n) comparisons but O(n²) moves, so for short lists only.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut sorted: Vec<T> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        // After every item not greater: an equal one stays behind those before it.
        let at = sorted.partition_point(|x| cmp(x, &item) != Ordering::Greater);
        sorted.insert(at, item);
    }
    *items = sorted;
}

/// Adds `item` to the sorted `items` unless it is there already; `false` when it was.
pub fn insert_sorted<T: Ord>(items: &mut Vec<T>, item: T) -> bool {
    match items.binary_search(&item) {
        Ok(_) => false,
        Err(at) => {
            items.insert(at, item);
            true
        }
    }
}

/// Keeps the entries of `map` for which `keep` is true, as `BTreeMap::retain` does, by
/// inserting them into a new map (the insert code is linked anyway; the removal code is not).
pub fn retain<K: Ord, V>(map: &mut BTreeMap<K, V>, keep: &dyn Fn(&K, &V) -> bool) {
    for (k, v) in std::mem::take(map) {
        if keep(&k, &v) {
            map.insert(k, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by;
    use proptest::prelude::*;

    proptest! {
        // The same order as the standard stable sort, ties included (the tag tells equal
        // keys apart), ascending and descending.
        #[test]
        fn same_order_as_std_stable_sort(keys in proptest::collection::vec(0u8..6, 0..40)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            for desc in [false, true] {
                let cmp = |a: &(u8, usize), b: &(u8, usize)| if desc { b.0.cmp(&a.0) } else { a.0.cmp(&b.0) };
                let mut ours = items.clone();
                sort_by(&mut ours, cmp);
                let mut std = items.clone();
                std.sort_by(cmp);
                prop_assert_eq!(ours, std);
            }
        }
    }

    #[test]
    fn insert_sorted_keeps_each_item_once_in_order() {
        let mut v = Vec::new();
        let added: Vec<bool> = [3, 1, 3, 2, 1].into_iter().map(|i| super::insert_sorted(&mut v, i)).collect();
        assert_eq!(added, [true, true, false, true, false]);
        assert_eq!(v, [1, 2, 3]);
    }

    #[test]
    fn retain_keeps_what_btreemap_retain_keeps() {
        let map: std::collections::BTreeMap<u32, &str> = [(1, "a"), (2, "b"), (3, "c"), (4, "d")].into_iter().collect();
        let (mut ours, mut std) = (map.clone(), map);
        super::retain(&mut ours, &|k, v| k % 2 == 0 || *v == "c");
        std.retain(|k, v| k % 2 == 0 || *v == "c");
        assert_eq!(ours, std);
    }

    #[test]
    fn ties_keep_their_order() {
        let mut v = vec![(2, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e")];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(0, "e"), (1, "b"), (1, "d"), (2, "a"), (2, "c")]);
    }
}

//! A stable sort for short lists without the standard library's sort (issue 15): every
//! `sort_by`/`sort_by_key` instance is 2–4 kB of wasm, once per element type and key; the
//! app's few sorted lists (loaded sets, damaged copies, the catalogue, the storage notice)
//! hold a handful of items each.

use std::cmp::Ordering;

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
    fn ties_keep_their_order() {
        let mut v = vec![(2, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e")];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(0, "e"), (1, "b"), (1, "d"), (2, "a"), (2, "c")]);
    }
}

//! Stable sorting through one shared routine. The standard library's sorts are copied
//! into the WebAssembly for every element type and comparison they are called with
//! (about 1–5 KB of code each); these sort the positions once, in a merge sort that is
//! not generic, and move the items after, so each call site adds only a comparison and a
//! permutation. Input that is already in order costs one pass.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(items.len(), &|a, b| {
        cmp(&items[a], &items[b]) == Ordering::Greater
    });
    if let Some(order) = order {
        permute(items, order);
    }
}

/// Sorts `items` stably by the key `key` gives each.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..n` in a stable order where `after(a, b)` says that `a` goes after
/// `b`; None when they already are in order.
fn order(n: usize, after: &dyn Fn(usize, usize) -> bool) -> Option<Vec<usize>> {
    if (1..n).all(|i| !after(i - 1, i)) {
        return None;
    }
    let mut src: Vec<usize> = (0..n).collect();
    let mut dst = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut dst[start..end] {
                // Equal items keep their order: the left run's goes first.
                let take_left = j == end || (i < mid && !after(src[i], src[j]));
                *slot = if take_left { src[i] } else { src[j] };
                if take_left {
                    i += 1;
                } else {
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    Some(src)
}

/// Puts `items[order[i]]` at position `i`, in place, following each cycle of the
/// permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut j = start;
        while order[j] != start {
            let k = order[j];
            items.swap(j, k);
            order[j] = j;
            j = k;
        }
        order[j] = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_and_keeps_sorted_input() {
        let mut v = vec![
            (3, 'a'),
            (1, 'b'),
            (3, 'c'),
            (2, 'd'),
            (1, 'e'),
            (0, 'f'),
            (2, 'g'),
        ];
        let mut expected = v.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, expected);
        let before = v.clone();
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, before);
    }

    #[test]
    fn agrees_with_the_standard_sort_on_every_length_up_to_40() {
        for n in 0..40u64 {
            let mut v: Vec<u64> = (0..n).map(|i| (i * 7919 + 13) % 11).collect();
            let mut expected = v.clone();
            expected.sort();
            sort(&mut v);
            assert_eq!(v, expected, "n = {n}");
        }
    }
}

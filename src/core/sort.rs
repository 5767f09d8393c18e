//! A small in-place heap sort for the wasm build.
//!
//! Each `sort_unstable` instantiation pulls in std's pattern-defeating
//! quicksort with its sorting networks (`sort13_optimal`, `small_sort_*`,
//! heapsort fallback): about 2.5 KB of wasm per element type. This is about
//! 150 bytes per element type, O(n log n), never allocates, and is unstable
//! like `sort_unstable` (docs/SIZE.md).

/// Sorts `v` so that `less(a, b)` never holds for a later `a` and earlier `b`.
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let n = v.len();
    let mut sift = |v: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// Ascending order by `Ord`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a < b);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_std() {
        let mut seed = 7u32;
        for n in 0..70 {
            let mut v: Vec<u32> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (seed >> 16) % 13
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            sort(&mut v);
            assert_eq!(v, expected);
            sort_by(&mut v, |a, b| a > b);
            expected.reverse();
            assert_eq!(v, expected);
        }
    }
}

//! The two optimisations inside the layered layout: ordering each column to reduce crossings
//! (barycentre sweeps), and placing a column's boxes as close to where their neighbours want
//! them as the order and the boxes' heights allow (isotonic regression).

/// Reorders each column by the mean position of each node's neighbours in the columns already
/// swept, alternating left-to-right and right-to-left sweeps; keeps the order with the fewest
/// crossings between adjacent columns.
pub fn sweep_orders(
    mut columns: Vec<Vec<usize>>,
    edges: &[(usize, usize)],
    count: usize,
    sweeps: usize,
) -> Vec<Vec<usize>> {
    let mut column_of = vec![0usize; count];
    for (c, column) in columns.iter().enumerate() {
        for &node in column {
            column_of[node] = c;
        }
    }
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); count];
    for &(a, b) in edges {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let mut position = vec![0.0f32; count];
    let place = |column: &[usize], position: &mut [f32]| {
        let len = column.len().max(1) as f32;
        for (i, &node) in column.iter().enumerate() {
            position[node] = (i as f32 + 0.5) / len;
        }
    };
    for column in &columns {
        place(column, &mut position);
    }
    let mut best = columns.clone();
    let mut best_crossings = crossings(&columns, edges, &column_of);
    for sweep in 0..sweeps {
        let forward = sweep % 2 == 0;
        let order: Vec<usize> = if forward {
            (1..columns.len()).collect()
        } else {
            (0..columns.len().saturating_sub(1)).rev().collect()
        };
        for c in order {
            let keys: Vec<(usize, f32)> = columns[c]
                .iter()
                .map(|&node| {
                    let (sum, n) = neighbours[node]
                        .iter()
                        .filter(|&&m| {
                            if forward {
                                column_of[m] < c
                            } else {
                                column_of[m] > c
                            }
                        })
                        .fold((0.0f32, 0usize), |(s, k), &m| (s + position[m], k + 1));
                    let key = if n == 0 {
                        position[node]
                    } else {
                        sum / n as f32
                    };
                    (node, key)
                })
                .collect();
            let mut sorted = keys;
            sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
            columns[c] = sorted.into_iter().map(|(node, _)| node).collect();
            place(&columns[c], &mut position);
        }
        let now = crossings(&columns, edges, &column_of);
        if now < best_crossings {
            best_crossings = now;
            best.clone_from(&columns);
        }
    }
    best
}

/// Crossings among edges between adjacent columns.
fn crossings(columns: &[Vec<usize>], edges: &[(usize, usize)], column_of: &[usize]) -> usize {
    let mut index = vec![0usize; column_of.len()];
    for column in columns {
        for (i, &node) in column.iter().enumerate() {
            index[node] = i;
        }
    }
    let mut pairs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); columns.len()];
    for &(a, b) in edges {
        let (ca, cb) = (column_of[a], column_of[b]);
        if ca + 1 == cb {
            pairs[ca].push((index[a], index[b]));
        } else if cb + 1 == ca {
            pairs[cb].push((index[b], index[a]));
        }
    }
    let mut total = 0;
    for mut between in pairs {
        // Sorted by the left end, crossings are the inversions of the right ends, counted with
        // a Fenwick tree over right-end positions.
        between.sort_unstable();
        let size = between.iter().map(|(_, r)| r + 1).max().unwrap_or(0);
        let mut tree = vec![0usize; size + 1];
        for (seen, &(_, right)) in between.iter().enumerate() {
            // Earlier edges whose right end is at or above this one's.
            let mut at_or_below = 0;
            let mut i = right + 1;
            while i > 0 {
                at_or_below += tree[i];
                i &= i - 1;
            }
            total += seen - at_or_below;
            let mut i = right + 1;
            while i <= size {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
    }
    total
}

/// Tops for boxes stacked in this order with `gap` between them, as close (least squares) to
/// the `wanted` tops as the order allows: with `offset_i` the stacked height above box `i`,
/// `top_i - offset_i` must not decrease, which pool-adjacent-violators solves exactly.
pub fn isotonic_tops(wanted: &[f32], heights: &[f32], gap: f32) -> Vec<f32> {
    let mut offsets = Vec::with_capacity(wanted.len());
    let mut offset = 0.0;
    for h in heights {
        offsets.push(offset);
        offset += h + gap;
    }
    // Blocks of (mean, weight) over the shifted targets.
    let mut blocks: Vec<(f32, usize)> = Vec::with_capacity(wanted.len());
    for (w, o) in wanted.iter().zip(&offsets) {
        let mut block = (w - o, 1usize);
        while let Some(&(mean, weight)) = blocks.last() {
            if mean <= block.0 {
                break;
            }
            blocks.pop();
            let total = weight + block.1;
            block = (
                (mean * weight as f32 + block.0 * block.1 as f32) / total as f32,
                total,
            );
        }
        blocks.push(block);
    }
    let mut tops = Vec::with_capacity(wanted.len());
    for (mean, weight) in blocks {
        for _ in 0..weight {
            let i = tops.len();
            tops.push(mean + offsets[i]);
        }
    }
    tops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isotonic_tops_keep_order_and_gaps_and_stay_close() {
        // Free boxes land exactly where wanted.
        assert_eq!(
            isotonic_tops(&[0.0, 200.0], &[50.0, 50.0], 10.0),
            vec![0.0, 200.0]
        );
        // Two boxes wanting the same spot share the difference.
        let tops = isotonic_tops(&[100.0, 100.0], &[50.0, 50.0], 10.0);
        assert_eq!(tops, vec![70.0, 130.0]);
        // The order is kept even when the second wants to be above the first.
        let tops = isotonic_tops(&[100.0, 0.0, 500.0], &[40.0, 40.0, 40.0], 10.0);
        assert!(tops[1] >= tops[0] + 50.0 - 1e-3);
        assert_eq!(tops[2], 500.0);
    }

    #[test]
    fn crossings_match_a_count_of_every_pair() {
        // Two columns of 7 nodes with pseudo-random edges between them.
        let columns = vec![(0..7).collect::<Vec<_>>(), (7..14).collect()];
        let column_of: Vec<usize> = (0..14).map(|n| usize::from(n >= 7)).collect();
        let mut seed = 12345u32;
        let mut next = |m: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            ((seed >> 16) % m) as usize
        };
        let edges: Vec<(usize, usize)> = (0..30).map(|_| (next(7), 7 + next(7))).collect();
        let mut brute = 0;
        for (i, a) in edges.iter().enumerate() {
            for b in &edges[i + 1..] {
                if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                    brute += 1;
                }
            }
        }
        assert_eq!(crossings(&columns, &edges, &column_of), brute);
    }

    #[test]
    fn sweeps_untangle_two_crossed_pairs() {
        // Column 0: [0, 1]; column 1: [2, 3] with 2–1 and 3–0: crossed until reordered.
        let columns = vec![vec![0, 1], vec![2, 3]];
        let edges = [(2, 1), (3, 0)];
        let column_of = [0, 0, 1, 1];
        assert_eq!(crossings(&columns, &edges, &column_of), 1);
        let sorted = sweep_orders(columns, &edges, 4, 4);
        assert_eq!(crossings(&sorted, &edges, &column_of), 0);
    }
}

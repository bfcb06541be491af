//! A layered drawing of a directed graph of boxes: referencing tables to the right of the tables
//! they reference. Cycles are broken by reversing a small set of edges, layers come from the
//! longest path (then pulled towards their children to shorten edges), layers taller than the
//! drawing should be are split into several columns, crossings are reduced with barycentre
//! sweeps, and each column's boxes are placed as near their neighbours' heights as their order
//! and sizes allow.

use petgraph::algo::{greedy_feedback_arc_set, toposort};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::order::{isotonic_tops, sweep_orders};

/// A box to place: its width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    /// Width in world units.
    pub width: f32,
    /// Height in world units.
    pub height: f32,
}

/// Space between columns and between boxes in a column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    /// Horizontal space between columns (more is added for many edges between them).
    pub column_gap: f32,
    /// Vertical space between boxes in a column.
    pub row_gap: f32,
    /// Width divided by height the drawing aims for.
    pub aspect: f32,
}

impl Default for Spacing {
    fn default() -> Self {
        Self {
            column_gap: 100.0,
            row_gap: 40.0,
            aspect: 1.6,
        }
    }
}

/// Layers of the graph with edges `(child, parent)`: parents get lower layers than their
/// children. Edges in cycles are reversed first; self-loops and duplicate edges are ignored.
fn assign_layers(count: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(count, edges.len());
    for _ in 0..count {
        graph.add_node(());
    }
    for &(child, parent) in edges {
        if child != parent && child < count && parent < count {
            graph.update_edge(NodeIndex::new(child), NodeIndex::new(parent), ());
        }
    }
    let reversed: Vec<_> = greedy_feedback_arc_set(&graph)
        .map(|e| (e.id(), e.source(), e.target()))
        .collect();
    for (id, source, target) in reversed {
        graph.remove_edge(id);
        if !graph.contains_edge(target, source) {
            graph.add_edge(target, source, ());
        }
    }
    // Acyclic now; fall back to index order should that ever not hold.
    let order = toposort(&graph, None).unwrap_or_else(|_| graph.node_indices().collect());
    // Longest path from the parents' side: walk the order backwards (parents come last).
    let mut layer = vec![0usize; count];
    for node in order.iter().rev() {
        let deepest_parent = graph
            .neighbors(*node)
            .map(|p| layer[p.index()] + 1)
            .max()
            .unwrap_or(0);
        layer[node.index()] = deepest_parent;
    }
    // A parent sits right before its nearest child, so edges stay short; walk from the
    // children's side so children are final first.
    for node in &order {
        let nearest_child = graph
            .neighbors_directed(*node, petgraph::Direction::Incoming)
            .map(|c| layer[c.index()])
            .min();
        if let Some(child_layer) = nearest_child
            && child_layer > layer[node.index()] + 1
        {
            layer[node.index()] = child_layer - 1;
        }
    }
    layer
}

/// Splits columns taller than `max_height` into several adjacent columns, keeping the order
/// of their nodes; returns the columns.
fn split_tall(
    columns: Vec<Vec<usize>>,
    nodes: &[Node],
    spacing: &Spacing,
    max_height: f32,
) -> Vec<Vec<usize>> {
    let mut out = Vec::with_capacity(columns.len());
    for column in columns {
        let mut current = Vec::new();
        let mut height = 0.0;
        for node in column {
            let h = nodes[node].height + spacing.row_gap;
            if !current.is_empty() && height + h > max_height {
                out.push(std::mem::take(&mut current));
                height = 0.0;
            }
            current.push(node);
            height += h;
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

/// Orders the columns with barycentre sweeps, an edge that spans several columns taking part
/// through a waypoint in each column it passes, so long edges pull their ends into line too;
/// the waypoints are dropped afterwards.
fn order_with_waypoints(
    columns: Vec<Vec<usize>>,
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
    let mut columns = columns;
    let mut chained = Vec::with_capacity(edges.len());
    let mut total = count;
    for &(a, b) in edges {
        let (left, right) = if column_of[a] < column_of[b] {
            (a, b)
        } else {
            (b, a)
        };
        let (from, to) = (column_of[left], column_of[right]);
        let mut previous = left;
        for column in columns.iter_mut().take(to).skip(from + 1) {
            column.push(total);
            chained.push((previous, total));
            previous = total;
            total += 1;
        }
        chained.push((previous, right));
    }
    let ordered = sweep_orders(columns, &chained, total, sweeps);
    ordered
        .into_iter()
        .map(|column| column.into_iter().filter(|n| *n < count).collect())
        .collect()
}

/// Top-left corners for `nodes`, with edges `(child, parent)` between node indices. The
/// drawing starts at (0, 0).
pub fn layered(nodes: &[Node], edges: &[(usize, usize)], spacing: &Spacing) -> Vec<(f32, f32)> {
    let count = nodes.len();
    if count == 0 {
        return Vec::new();
    }
    let edges: Vec<(usize, usize)> = edges
        .iter()
        .copied()
        .filter(|(a, b)| a != b && *a < count && *b < count)
        .collect();
    let layers = assign_layers(count, &edges);
    let depth = layers.iter().max().map_or(1, |d| d + 1);
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); depth];
    for (node, layer) in layers.iter().enumerate() {
        columns[*layer].push(node);
    }
    let area: f32 = nodes
        .iter()
        .map(|n| (n.width + spacing.column_gap) * (n.height + spacing.row_gap))
        .sum();
    let tallest = nodes.iter().map(|n| n.height).fold(0.0, f32::max);
    let max_height = (area / spacing.aspect)
        .sqrt()
        .max(tallest + spacing.row_gap);
    // Order once so related nodes end up in the same column when one is split, then again.
    let columns = order_with_waypoints(columns, &edges, count, 4);
    let columns = split_tall(columns, nodes, spacing, max_height);
    let columns = order_with_waypoints(columns, &edges, count, 8);
    coordinates(nodes, &edges, &columns, spacing)
}

/// Column x from the widest node of each column before it; y from the isotonic placement of
/// each column's nodes at their neighbours' mean height, a few sweeps back and forth.
fn coordinates(
    nodes: &[Node],
    edges: &[(usize, usize)],
    columns: &[Vec<usize>],
    spacing: &Spacing,
) -> Vec<(f32, f32)> {
    let count = nodes.len();
    let mut column_of = vec![0usize; count];
    for (c, column) in columns.iter().enumerate() {
        for &node in column {
            column_of[node] = c;
        }
    }
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut between = vec![0usize; columns.len().max(1)];
    for &(a, b) in edges {
        neighbours[a].push(b);
        neighbours[b].push(a);
        let (ca, cb) = (column_of[a], column_of[b]);
        for lines in &mut between[ca.min(cb)..ca.max(cb)] {
            *lines += 1;
        }
    }
    let mut x = vec![0.0f32; count];
    let mut left = 0.0;
    for (c, column) in columns.iter().enumerate() {
        let width = column.iter().map(|n| nodes[*n].width).fold(0.0, f32::max);
        for &node in column {
            x[node] = left;
        }
        // Room for the lines running between two columns.
        let lines = between.get(c).copied().unwrap_or(0).min(30) as f32;
        left += width + spacing.column_gap + lines * 4.0;
    }
    let mut y = vec![0.0f32; count];
    for column in columns {
        let mut top = 0.0;
        for &node in column {
            y[node] = top;
            top += nodes[node].height + spacing.row_gap;
        }
    }
    let center = |y: &[f32], n: usize| y[n] + nodes[n].height / 2.0;
    for sweep in 0..6 {
        let forward = sweep % 2 == 0;
        let order: Vec<usize> = if forward {
            (0..columns.len()).collect()
        } else {
            (0..columns.len()).rev().collect()
        };
        for c in order {
            let column = &columns[c];
            let wanted: Vec<f32> = column
                .iter()
                .map(|&n| {
                    let near = &neighbours[n];
                    if near.is_empty() {
                        y[n]
                    } else {
                        let mean =
                            near.iter().map(|&m| center(&y, m)).sum::<f32>() / near.len() as f32;
                        mean - nodes[n].height / 2.0
                    }
                })
                .collect();
            let heights: Vec<f32> = column.iter().map(|&n| nodes[n].height).collect();
            let tops = isotonic_tops(&wanted, &heights, spacing.row_gap);
            for (&node, top) in column.iter().zip(tops) {
                y[node] = top;
            }
        }
    }
    let min_y = y.iter().copied().fold(f32::INFINITY, f32::min);
    x.into_iter().zip(y).map(|(x, y)| (x, y - min_y)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(count: usize) -> Vec<Node> {
        (0..count)
            .map(|i| Node {
                width: 160.0 + (i % 3) as f32 * 40.0,
                height: 60.0 + (i % 5) as f32 * 20.0,
            })
            .collect()
    }

    fn overlaps(nodes: &[Node], at: &[(f32, f32)]) -> usize {
        let mut count = 0;
        for i in 0..nodes.len() {
            for j in i + 1..nodes.len() {
                let (a, b) = (at[i], at[j]);
                let apart = a.0 + nodes[i].width <= b.0
                    || b.0 + nodes[j].width <= a.0
                    || a.1 + nodes[i].height <= b.1
                    || b.1 + nodes[j].height <= a.1;
                if !apart {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn parents_sit_left_of_their_children_and_nothing_overlaps() {
        // 0 ← 1 ← 2, 0 ← 3, and 4 referencing 2 and 3.
        let nodes = boxes(5);
        let edges = [(1, 0), (2, 1), (3, 0), (4, 2), (4, 3)];
        let at = layered(&nodes, &edges, &Spacing::default());
        for (child, parent) in edges {
            assert!(at[child].0 > at[parent].0, "{child} right of {parent}");
        }
        assert_eq!(overlaps(&nodes, &at), 0);
    }

    #[test]
    fn cycles_and_self_references_still_give_a_layout() {
        let nodes = boxes(4);
        let edges = [(0, 1), (1, 2), (2, 0), (3, 3), (3, 0)];
        let at = layered(&nodes, &edges, &Spacing::default());
        assert_eq!(at.len(), 4);
        assert_eq!(overlaps(&nodes, &at), 0);
        assert!(at.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
    }

    #[test]
    fn a_star_is_split_into_columns_instead_of_one_tall_column() {
        // One table referenced by 60 others: the 60 would form one very tall column.
        let nodes = boxes(61);
        let edges: Vec<(usize, usize)> = (1..61).map(|c| (c, 0)).collect();
        let at = layered(&nodes, &edges, &Spacing::default());
        assert_eq!(overlaps(&nodes, &at), 0);
        let width = (0..61)
            .map(|i| at[i].0 + nodes[i].width)
            .fold(0.0, f32::max);
        let height = (0..61)
            .map(|i| at[i].1 + nodes[i].height)
            .fold(0.0, f32::max);
        let ratio = width / height;
        assert!((0.6..4.0).contains(&ratio), "{width} x {height}");
    }

    #[test]
    fn long_edges_pull_parents_next_to_their_children() {
        // 3 → 2 → 1 → 0, and 4 is referenced only by 3: it belongs next to 3, not at the far
        // left with the roots.
        let edges = [(1, 0), (2, 1), (3, 2), (3, 4)];
        let layers = assign_layers(5, &edges);
        assert_eq!(layers, vec![0, 1, 2, 3, 2]);
    }
}

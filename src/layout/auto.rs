//! Auto-layout of a document: each group (and the ungrouped tables) is laid out on its own so
//! groups stay together; inside, every connected set of tables gets a layered drawing of its
//! foreign keys, tables without relationships go into a grid, and the pieces are packed into a
//! compact arrangement.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::layered::{Node, Spacing, layered};
use super::pack::{Block, grid, pack};
use crate::model::{Document, GroupId, Position, TableId, TableRef};
use crate::render::{Metrics, table_rect};

/// Space between packed pieces (components, groups).
const BLOCK_GAP: f32 = 120.0;
/// Extra room around a group's tables for its region and label.
const GROUP_MARGIN: f32 = 60.0;
/// Positions land on this grid.
const SNAP: f32 = 20.0;

/// Disjoint sets over `0..count`.
struct Components(Vec<usize>);

impl Components {
    fn new(count: usize) -> Self {
        Self((0..count).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Foreign keys among `tables` as `(referencing, referenced)` pairs.
pub(super) fn edges_among(doc: &Document, tables: &BTreeSet<TableId>) -> Vec<(TableId, TableId)> {
    let mut edges = Vec::new();
    for id in tables {
        let Some(table) = doc.table(*id) else {
            continue;
        };
        for fk in &table.foreign_keys {
            if let TableRef::Resolved(target) = fk.referenced_table
                && target != *id
                && tables.contains(&target)
            {
                edges.push((*id, target));
            }
        }
    }
    edges
}

/// Lays out one set of tables: layered drawings of its connected parts and a grid of the
/// tables without relationships, packed together.
fn lay_out_set(
    doc: &Document,
    tables: &BTreeSet<TableId>,
    sizes: &HashMap<TableId, (f32, f32)>,
    spacing: &Spacing,
) -> Block<TableId> {
    let ids: Vec<TableId> = tables.iter().copied().collect();
    let index: HashMap<TableId, usize> = ids.iter().enumerate().map(|(i, t)| (*t, i)).collect();
    let edges: Vec<(usize, usize)> = edges_among(doc, tables)
        .into_iter()
        .filter_map(|(a, b)| Some((*index.get(&a)?, *index.get(&b)?)))
        .collect();
    let mut components = Components::new(ids.len());
    for &(a, b) in &edges {
        components.join(a, b);
    }
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..ids.len() {
        let root = components.find(i);
        parts.entry(root).or_default().push(i);
    }
    let size = |t: &TableId| sizes.get(t).copied().unwrap_or((160.0, 60.0));
    let mut blocks = Vec::new();
    let mut loners = Vec::new();
    for members in parts.into_values() {
        if let [only] = members.as_slice() {
            let (w, h) = size(&ids[*only]);
            loners.push((ids[*only], w, h));
            continue;
        }
        let local: HashMap<usize, usize> =
            members.iter().enumerate().map(|(l, g)| (*g, l)).collect();
        let nodes: Vec<Node> = members
            .iter()
            .map(|g| {
                let (width, height) = size(&ids[*g]);
                Node { width, height }
            })
            .collect();
        let local_edges: Vec<(usize, usize)> = edges
            .iter()
            .filter_map(|(a, b)| Some((*local.get(a)?, *local.get(b)?)))
            .collect();
        let at = layered(&nodes, &local_edges, spacing);
        let items = members
            .iter()
            .zip(at)
            .map(|(g, (x, y))| (ids[*g], x, y))
            .collect();
        blocks.push(Block::new(items, size));
    }
    if !loners.is_empty() {
        loners.sort_by_key(|(t, _, _)| doc.table(*t).map(|t| t.name.to_string()));
        blocks.push(grid(loners, spacing.row_gap * 1.5, spacing.aspect));
    }
    pack(blocks, BLOCK_GAP, spacing.aspect)
}

/// New positions for `only` (or every table) from the layered layout, starting at the
/// top-left corner of where those tables are now. Tables keep their groups together; the
/// result is for one [`Edit::MoveTables`](crate::model::Edit::MoveTables).
pub fn auto_layout(doc: &Document, only: Option<&BTreeSet<TableId>>) -> Vec<(TableId, Position)> {
    let chosen: BTreeSet<TableId> = match only {
        Some(set) => set
            .iter()
            .copied()
            .filter(|t| doc.tables.contains_key(t))
            .collect(),
        None => doc.tables.keys().copied().collect(),
    };
    if chosen.is_empty() {
        return Vec::new();
    }
    let metrics = Metrics::default();
    let mut sizes = HashMap::with_capacity(chosen.len());
    let mut origin: Option<(f32, f32)> = None;
    for id in &chosen {
        if let Some(table) = doc.table(*id) {
            let rect = table_rect(doc, table, &metrics);
            sizes.insert(*id, (rect.width(), rect.height()));
            origin = Some(origin.map_or((rect.min.x, rect.min.y), |(x, y)| {
                (x.min(rect.min.x), y.min(rect.min.y))
            }));
        }
    }
    let spacing = Spacing::default();
    let mut by_group: BTreeMap<Option<GroupId>, BTreeSet<TableId>> = BTreeMap::new();
    for id in &chosen {
        let group = doc.table(*id).and_then(|t| t.group);
        by_group.entry(group).or_default().insert(*id);
    }
    let grouped = by_group.len() > 1 || by_group.keys().any(Option::is_some);
    let blocks: Vec<Block<TableId>> = by_group
        .into_iter()
        .map(|(group, members)| {
            let block = lay_out_set(doc, &members, &sizes, &spacing);
            if group.is_some() && grouped {
                // Room for the group's label band above its tables.
                let items = block
                    .items
                    .into_iter()
                    .map(|(t, x, y)| (t, x + GROUP_MARGIN, y + GROUP_MARGIN))
                    .collect();
                Block {
                    items,
                    width: block.width + 2.0 * GROUP_MARGIN,
                    height: block.height + 2.0 * GROUP_MARGIN,
                }
            } else {
                block
            }
        })
        .collect();
    let whole = pack(blocks, BLOCK_GAP, spacing.aspect);
    let (ox, oy) = origin.unwrap_or((0.0, 0.0));
    let snap = |v: f32| (v / SNAP).round() * SNAP;
    whole
        .items
        .into_iter()
        .map(|(t, x, y)| (t, Position::new(snap(ox + x), snap(oy + y))))
        .collect()
}

/// Every table in a plain grid in document order, ignoring relationships: the baseline the
/// layered layout is measured against.
pub fn grid_layout(doc: &Document) -> Vec<(TableId, Position)> {
    let metrics = Metrics::default();
    let items = doc
        .tables
        .values()
        .map(|t| {
            let rect = table_rect(doc, t, &metrics);
            (t.id, rect.width(), rect.height())
        })
        .collect();
    let spacing = Spacing::default();
    grid(items, spacing.row_gap * 1.5, spacing.aspect)
        .items
        .into_iter()
        .map(|(t, x, y)| (t, Position::new(x.round(), y.round())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Edit;

    fn overlaps(doc: &Document) -> usize {
        let metrics = Metrics::default();
        let rects: Vec<_> = doc
            .tables
            .values()
            .map(|t| table_rect(doc, t, &metrics))
            .collect();
        let mut count = 0;
        for (i, a) in rects.iter().enumerate() {
            for b in rects.iter().skip(i + 1) {
                if a.intersects(b) {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn the_sample_is_laid_out_without_overlaps_and_parents_left_of_children_per_group() {
        let mut doc = crate::samples::ecommerce().unwrap();
        let moves = auto_layout(&doc, None);
        assert_eq!(moves.len(), doc.tables.len());
        crate::model::apply(&mut doc, Edit::MoveTables(moves)).unwrap();
        assert_eq!(overlaps(&doc), 0);
        let x = |name: &str| {
            doc.table_named(&crate::model::QualifiedName::new(name))
                .unwrap()
                .position
                .x
        };
        // Each group's tables stay together: the groups' areas (with room for their label)
        // do not overlap.
        let metrics = Metrics::default();
        let areas: Vec<crate::render::Rect> = doc
            .groups
            .keys()
            .filter_map(|g| {
                doc.tables
                    .values()
                    .filter(|t| t.group == Some(*g))
                    .map(|t| table_rect(&doc, t, &metrics).expand(40.0))
                    .reduce(|a, b| a.union(&b))
            })
            .collect();
        assert_eq!(areas.len(), 3);
        for (i, a) in areas.iter().enumerate() {
            for b in areas.iter().skip(i + 1) {
                assert!(!a.intersects(b), "{a:?} {b:?}");
            }
        }
        // Within each group, referencing tables sit right of the tables they reference.
        assert!(x("addresses") > x("customers"));
        assert!(x("order_items") > x("orders"));
        assert!(x("products") > x("categories"));
    }

    #[test]
    fn a_generated_schema_has_no_overlaps() {
        let sql = crate::samples::design_schema(120);
        let mut doc =
            crate::sql::import_sql(&sql, "design.sql", Some(crate::model::Dialect::Postgres)).doc;
        let moves = auto_layout(&doc, None);
        crate::model::apply(&mut doc, Edit::MoveTables(moves)).unwrap();
        assert_eq!(overlaps(&doc), 0);
    }

    #[test]
    fn laying_out_a_selection_moves_only_it() {
        let doc = crate::samples::ecommerce().unwrap();
        let some: BTreeSet<TableId> = doc.tables.keys().copied().take(2).collect();
        let moves = auto_layout(&doc, Some(&some));
        assert_eq!(moves.len(), 2);
        assert!(moves.iter().all(|(t, _)| some.contains(t)));
    }
}

//! Dependency order of tables and views, with petgraph.
//!
//! Tables form a graph with an edge from each referenced table to each table that references
//! it. Foreign keys inside a strongly connected component (a cycle) cannot all be declared
//! inline, so they are set aside to be added with `ALTER TABLE` after every table exists;
//! self-references stay inline. The rest is sorted topologically, keeping the document's
//! order wherever the dependencies allow, so the script reads like the design.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::{ConstraintId, Document, QualifiedName, TableId, TableRef, ViewId};

/// Tables in creation order and the foreign keys that must be added afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableOrder {
    /// Tables, each after every table it references (outside cycles).
    pub tables: Vec<TableId>,
    /// Foreign keys (table, constraint) that close a cycle.
    pub deferred: BTreeSet<(TableId, ConstraintId)>,
}

/// Sorts `ids` (tables of `doc`) so that referenced tables come first.
pub fn tables(doc: &Document, ids: &[TableId]) -> TableOrder {
    // Edges carry the foreign key they come from; `None` for a history table, which SQL Server
    // needs before the system-versioned table that names it.
    let mut graph = DiGraph::<TableId, Option<ConstraintId>>::with_capacity(ids.len(), ids.len());
    let nodes: HashMap<TableId, NodeIndex> =
        ids.iter().map(|&id| (id, graph.add_node(id))).collect();
    for &id in ids {
        let Some(table) = doc.table(id) else { continue };
        for fk in &table.foreign_keys {
            if let TableRef::Resolved(target) = fk.referenced_table
                && target != id
                && let (Some(&from), Some(&to)) = (nodes.get(&target), nodes.get(&id))
            {
                graph.add_edge(from, to, Some(fk.id));
            }
        }
        if let Some(history) = table.options.0.get("history_table")
            && let Some(history) = doc
                .tables
                .values()
                .find(|t| t.id != id && t.name.to_string().eq_ignore_ascii_case(history))
            && let (Some(&from), Some(&to)) = (nodes.get(&history.id), nodes.get(&id))
        {
            graph.add_edge(from, to, None);
        }
    }
    let mut deferred = BTreeSet::new();
    let mut component = vec![0usize; graph.node_count()];
    for (n, scc) in tarjan_scc(&graph).iter().enumerate() {
        for node in scc {
            component[node.index()] = n;
        }
    }
    let mut indegree = vec![0usize; graph.node_count()];
    let mut kept = Vec::new();
    for edge in graph.raw_edges() {
        let (from, to) = (edge.source(), edge.target());
        if component[from.index()] == component[to.index()] {
            if let Some(fk) = edge.weight {
                deferred.insert((graph[to], fk));
            }
        } else {
            indegree[to.index()] += 1;
            kept.push((from, to));
        }
    }
    let mut outgoing: Vec<Vec<NodeIndex>> = vec![Vec::new(); graph.node_count()];
    for (from, to) in kept {
        outgoing[from.index()].push(to);
    }
    // Kahn's algorithm, always taking the earliest ready table in document order.
    let mut ready: BinaryHeap<Reverse<usize>> = indegree
        .iter()
        .enumerate()
        .filter(|(_, d)| **d == 0)
        .map(|(i, _)| Reverse(i))
        .collect();
    let mut tables = Vec::with_capacity(ids.len());
    while let Some(Reverse(i)) = ready.pop() {
        tables.push(graph[NodeIndex::new(i)]);
        for next in &outgoing[i] {
            indegree[next.index()] -= 1;
            if indegree[next.index()] == 0 {
                ready.push(Reverse(next.index()));
            }
        }
    }
    TableOrder { tables, deferred }
}

/// Sorts the document's views so each comes after the views it reads from; views in a cycle
/// (which no engine accepts) keep document order at the end.
pub fn views(doc: &Document) -> Vec<ViewId> {
    let ids: Vec<ViewId> = doc.views.keys().copied().collect();
    let by_name: HashMap<&QualifiedName, usize> = doc
        .views
        .values()
        .enumerate()
        .map(|(i, v)| (&v.name, i))
        .collect();
    let mut graph = DiGraph::<ViewId, ()>::with_capacity(ids.len(), ids.len());
    for &id in &ids {
        graph.add_node(id);
    }
    for (i, view) in doc.views.values().enumerate() {
        for dependency in &view.depends_on {
            let unqualified = QualifiedName::new(dependency.name.clone());
            let found = by_name
                .get(dependency)
                .or_else(|| by_name.get(&unqualified));
            if let Some(&j) = found
                && j != i
            {
                graph.add_edge(NodeIndex::new(j), NodeIndex::new(i), ());
            }
        }
    }
    let mut indegree: Vec<usize> = (0..ids.len())
        .map(|i| {
            graph
                .neighbors_directed(NodeIndex::new(i), petgraph::Direction::Incoming)
                .count()
        })
        .collect();
    let mut ready: BinaryHeap<Reverse<usize>> = (0..ids.len())
        .filter(|&i| indegree[i] == 0)
        .map(Reverse)
        .collect();
    let mut order = Vec::with_capacity(ids.len());
    let mut placed = vec![false; ids.len()];
    while let Some(Reverse(i)) = ready.pop() {
        order.push(ids[i]);
        placed[i] = true;
        for next in graph.neighbors(NodeIndex::new(i)) {
            indegree[next.index()] -= 1;
            if indegree[next.index()] == 0 {
                ready.push(Reverse(next.index()));
            }
        }
    }
    order.extend((0..ids.len()).filter(|&i| !placed[i]).map(|i| ids[i]));
    order
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::{ColumnRef, ForeignKey, Table};

    fn doc_with(links: &[(u64, u64)], count: u64) -> Document {
        let mut doc = Document::new();
        for i in 1..=count {
            let mut table = Table::new(QualifiedName::new(format!("t{i}")));
            table.id = TableId(i);
            for (n, &(from, to)) in links.iter().enumerate() {
                if from == i {
                    table.foreign_keys.push(ForeignKey {
                        id: ConstraintId(100 + n as u64),
                        name: None,
                        columns: Vec::new(),
                        referenced_table: TableRef::Resolved(TableId(to)),
                        referenced_columns: Vec::<ColumnRef>::new(),
                        on_delete: Default::default(),
                        on_update: Default::default(),
                        deferrable: Default::default(),
                        source: None,
                    });
                }
            }
            doc.tables.insert(TableId(i), Arc::new(table));
        }
        doc
    }

    #[test]
    fn referenced_tables_come_first_and_order_is_kept_otherwise() {
        let doc = doc_with(&[(1, 3)], 3);
        let ids: Vec<TableId> = doc.tables.keys().copied().collect();
        let order = tables(&doc, &ids);
        assert_eq!(order.tables, vec![TableId(2), TableId(3), TableId(1)]);
        assert!(order.deferred.is_empty());
    }

    #[test]
    fn cycles_defer_their_foreign_keys_and_self_references_stay_inline() {
        let doc = doc_with(&[(1, 2), (2, 1), (3, 3)], 3);
        let ids: Vec<TableId> = doc.tables.keys().copied().collect();
        let order = tables(&doc, &ids);
        assert_eq!(order.tables.len(), 3);
        assert_eq!(
            order.deferred,
            BTreeSet::from([
                (TableId(1), ConstraintId(100)),
                (TableId(2), ConstraintId(101))
            ])
        );
    }
}

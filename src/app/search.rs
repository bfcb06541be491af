//! Finding tables and columns by name: an index of every `table` and `table.column`, built
//! once per document change, and a ranking of matches (exact, then prefix, then substring).

use crate::model::{ColumnId, Document, TableId};

/// One thing that can be found.
#[derive(Debug, Clone)]
struct Entry {
    /// `table` or `table.column`, as shown.
    text: String,
    /// The same, lower-cased, for matching.
    lower: String,
    /// Where the last name (the table's or the column's) starts in `lower`.
    name_at: usize,
    table: TableId,
    column: Option<ColumnId>,
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// `table` or `table.column`.
    pub text: String,
    /// The table found, or the table of the column found.
    pub table: TableId,
    /// The column found, if the hit is a column.
    pub column: Option<ColumnId>,
}

/// Every table and column name of a document, ready to match.
#[derive(Debug, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    built_at: Option<u64>,
}

impl SearchIndex {
    /// Rebuilds the index when the history's change counter moved since the last build.
    pub fn refresh(&mut self, doc: &Document, changes: u64) {
        if self.built_at == Some(changes) {
            return;
        }
        self.entries.clear();
        for table in doc.tables.values() {
            let name = table.name.to_string();
            let lower = name.to_lowercase();
            let table_name_at = lower.len() - table.name.name.to_lowercase().len().min(lower.len());
            self.entries.push(Entry {
                text: name.clone(),
                lower: lower.clone(),
                name_at: table_name_at,
                table: table.id,
                column: None,
            });
            for column in &table.columns {
                let text = format!("{name}.{}", column.name);
                let lower = text.to_lowercase();
                let name_at = lower.len() - column.name.to_lowercase().len().min(lower.len());
                self.entries.push(Entry {
                    text,
                    lower,
                    name_at,
                    table: table.id,
                    column: Some(column.id),
                });
            }
        }
        self.built_at = Some(changes);
    }

    /// How many tables and columns the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` matches of `query` (case-insensitive) and how many matched in all.
    /// Exact names come first, then names starting with the query, then names containing
    /// it; among equals tables before columns, shorter before longer, then document order.
    pub fn find(&self, query: &str, limit: usize) -> (Vec<Hit>, usize) {
        let query = query.trim().to_lowercase();
        if query.is_empty() {
            return (Vec::new(), 0);
        }
        let mut found: Vec<(u8, bool, usize, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let rank = rank(e, &query)?;
                Some((rank, e.column.is_some(), e.lower.len(), i))
            })
            .collect();
        let total = found.len();
        if found.len() > limit && limit > 0 {
            found.select_nth_unstable(limit - 1);
        }
        found.truncate(limit);
        found.sort_unstable();
        let hits = found
            .into_iter()
            .filter_map(|(_, _, _, i)| self.entries.get(i))
            .map(|e| Hit {
                text: e.text.clone(),
                table: e.table,
                column: e.column,
            })
            .collect();
        (hits, total)
    }
}

/// 0: the name or the whole text equals the query; 1: one of them starts with it; 2: the
/// text contains it; `None`: no match.
fn rank(entry: &Entry, query: &str) -> Option<u8> {
    let name = entry.lower.get(entry.name_at..).unwrap_or(&entry.lower);
    if name == query || entry.lower == query {
        Some(0)
    } else if name.starts_with(query) || entry.lower.starts_with(query) {
        Some(1)
    } else if entry.lower.contains(query) {
        Some(2)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dialect;

    fn index(sql: &str) -> (SearchIndex, Document) {
        let doc = crate::sql::import_sql(sql, "t.sql", Some(Dialect::Postgres)).doc;
        let mut index = SearchIndex::default();
        index.refresh(&doc, 1);
        (index, doc)
    }

    fn texts(index: &SearchIndex, query: &str) -> Vec<String> {
        index
            .find(query, 50)
            .0
            .into_iter()
            .map(|h| h.text)
            .collect()
    }

    const SQL: &str = "CREATE TABLE order_item (id int, order_id int);
        CREATE TABLE orders (id int, customer_id int);
        CREATE TABLE customer (id int, name text);
        CREATE TABLE reorder (id int);";

    #[test]
    fn exact_before_prefix_before_substring() {
        let (index, _) = index(SQL);
        assert_eq!(
            texts(&index, "ORDERS"),
            vec!["orders", "orders.id", "orders.customer_id"],
            "the exact table, then its columns by prefix"
        );
        let order = texts(&index, "order");
        assert_eq!(order.first().map(String::as_str), Some("orders"));
        let reorder = order.iter().position(|t| t == "reorder");
        let item = order.iter().position(|t| t == "order_item");
        assert!(item < reorder, "prefix before substring: {order:?}");
    }

    #[test]
    fn columns_match_by_their_own_name() {
        let (index, _) = index(SQL);
        let found = texts(&index, "customer_id");
        assert_eq!(found, vec!["orders.customer_id"]);
        let (hits, _) = index.find("name", 10);
        assert_eq!(hits.len(), 1);
        assert!(hits[0].column.is_some());
        assert_eq!(
            texts(&index, "id").first().map(String::as_str),
            Some("orders.id")
        );
    }

    #[test]
    fn results_are_capped_with_the_total_counted() {
        let (index, _) = index(&crate::samples::generated_schema(300));
        let (hits, total) = index.find("t1", 50);
        assert_eq!(hits.len(), 50);
        assert!(total > 50);
        assert_eq!(hits[0].text, "t1", "the exact match survives the cap");
        assert!(index.find("", 50).0.is_empty());
        assert!(index.find("nothing-like-this", 50).0.is_empty());
    }

    #[test]
    fn the_index_is_rebuilt_only_when_the_document_changed() {
        let (mut index, doc) = index(SQL);
        let before = index.len();
        index.refresh(&Document::new(), 1);
        assert_eq!(index.len(), before, "same change counter: kept");
        index.refresh(&Document::new(), 2);
        assert!(index.is_empty());
        index.refresh(&doc, 3);
        assert_eq!(index.len(), before);
    }
}

//! `fk-missing-index`: a foreign key whose columns do not lead any index.

use crate::model::{
    ColumnId, Constraint, ConstraintId, Dialect, Edit, ForeignKey, Index, IndexKey, IndexPart,
    SortOrder, Table, TableChange, TableRef,
};
use crate::rules::util::is_derived;
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "fk-missing-index",
    category: Category::Relationships,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A foreign key's columns are not the leading columns of any index.",
    help: "Deleting or re-keying a parent row makes the database look for child rows through \
           the foreign-key columns; without an index that is a full scan of the child table \
           per parent row, under a lock, and joins from parent to children are slow too. \
           PostgreSQL, SQL Server and SQLite do not index foreign keys on their own. Add an \
           index whose first columns are the foreign-key columns (a primary key or unique \
           constraint that starts with them works too). MySQL's InnoDB creates such an index \
           itself, so there this is only a note.",
    options: &[],
};

/// The rule.
pub struct FkMissingIndex;

impl Rule for FkMissingIndex {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        // A partition or inheritance child gets its indexes from the parent, where the
        // finding belongs; history and virtual tables are not indexed on their own.
        if table.foreign_keys.is_empty() || is_derived(table) {
            return;
        }
        for fk in &table.foreign_keys {
            if fk.columns.is_empty() || leads_some_index(table, &fk.columns) {
                continue;
            }
            report(ctx, table, fk, out);
        }
    }
}

/// Whether the columns, in any order, are the first columns of the primary key, a unique
/// constraint or an index (full-text and spatial indexes, and partial indexes that leave out
/// more than NULL keys, do not count).
fn leads_some_index(table: &Table, columns: &[ColumnId]) -> bool {
    let leads = |key: &mut dyn Iterator<Item = Option<ColumnId>>| {
        let mut n = 0;
        for c in key.take(columns.len()) {
            match c {
                Some(c) if columns.contains(&c) => n += 1,
                _ => return false,
            }
        }
        n == columns.len()
    };
    if table
        .primary_key
        .as_ref()
        .is_some_and(|pk| leads(&mut pk.columns.iter().map(|c| Some(*c))))
    {
        return true;
    }
    if table
        .uniques
        .iter()
        .any(|u| leads(&mut u.columns.iter().map(|c| Some(*c))))
    {
        return true;
    }
    table.indexes.iter().any(|index| {
        let method = index.method.as_deref().unwrap_or("");
        index
            .predicate
            .as_deref()
            .is_none_or(|p| only_not_null(table, columns, p))
            && !method.eq_ignore_ascii_case("fulltext")
            && !method.eq_ignore_ascii_case("spatial")
            && leads(&mut index.parts.iter().map(|p| match p.key {
                IndexKey::Column(c) => Some(c),
                IndexKey::Expression(_) => None,
            }))
    })
}

/// Whether a partial index's predicate only leaves out rows whose key columns are NULL
/// (`WHERE customer_id IS NOT NULL`), which no lookup by key needs.
fn only_not_null(table: &Table, columns: &[ColumnId], predicate: &str) -> bool {
    let text = predicate
        .replace(['(', ')', '"', '`', '[', ']'], " ")
        .to_lowercase();
    text.split(" and ").all(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        let [name, "is", "not", "null"] = words.as_slice() else {
            return false;
        };
        columns
            .iter()
            .filter_map(|c| table.column(*c))
            .any(|c| c.name.eq_ignore_ascii_case(name))
    })
}

fn report(ctx: &Context, table: &Table, fk: &ForeignKey, out: &mut Findings) {
    let names: Vec<&str> = fk
        .columns
        .iter()
        .filter_map(|c| table.column(*c).map(|c| c.name.as_str()))
        .collect();
    let list = names.join(", ");
    let target = match &fk.referenced_table {
        TableRef::Resolved(id) => ctx
            .table(*id)
            .map_or_else(String::new, |t| ctx.table_label(t)),
        TableRef::Unresolved(name) => name.to_string(),
    };
    let message = format!(
        "{}({list}) references {target} but no index starts with {}: deleting from {target} \
         scans {}",
        ctx.table_label(table),
        if names.len() == 1 { "it" } else { "them" },
        ctx.table_label(table)
    );
    let index = Index {
        id: ConstraintId(0),
        name: None,
        parts: fk
            .columns
            .iter()
            .map(|c| IndexPart {
                key: IndexKey::Column(*c),
                order: SortOrder::Asc,
                length: None,
            })
            .collect(),
        unique: false,
        predicate: None,
        method: None,
        include: Vec::new(),
        source: None,
    };
    let finding = out.report(Subject::Constraint(table.id, fk.id), message);
    if ctx.dialect == Dialect::Mysql {
        finding.with_severity(Severity::Info);
    }
    finding.with_fix(Fix::batch(
        format!("Add an index on {list}"),
        vec![Edit::Table {
            table: table.id,
            change: TableChange::AddConstraint(Constraint::Index(index)),
        }],
    ));
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, Severity};
    use crate::rules::testing::*;

    const RULE: &str = "fk-missing-index";

    const SQL: &str = "CREATE TABLE customer (id bigint PRIMARY KEY);
        CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customer(id));";

    #[test]
    fn fires_on_an_unindexed_foreign_key_and_adds_an_index() {
        let doc = pg(SQL);
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "orders(customer_id) references customer but no index starts with it: deleting \
             from customer scans orders"
        );
        assert_eq!(found[0].severity, Severity::Warning);
        let fixed = fix_silences(&doc, RULE);
        assert_eq!(fixed.tables.values().nth(1).unwrap().indexes.len(), 1);
    }

    #[test]
    fn silent_when_a_key_or_index_leads_with_the_columns_in_any_order() {
        silent(
            &pg(&format!("{SQL} CREATE INDEX ON orders (customer_id, id);")),
            RULE,
        );
        silent(
            &pg("CREATE TABLE a (x int, y int, PRIMARY KEY (x, y));
                 CREATE TABLE b (y int, x int, note text, PRIMARY KEY (y, x, note),
                   FOREIGN KEY (x, y) REFERENCES a (x, y));"),
            RULE,
        );
    }

    #[test]
    fn partial_indexes_count_only_when_they_skip_nulls() {
        fires(
            &pg(&format!(
                "{SQL} CREATE INDEX ON orders (customer_id) WHERE id > 10;"
            )),
            RULE,
        );
        silent(
            &pg(&format!(
                "{SQL} CREATE INDEX ON orders (customer_id) WHERE (customer_id IS NOT NULL);"
            )),
            RULE,
        );
    }

    #[test]
    fn trailing_index_columns_do_not_count_and_mysql_is_info() {
        fires(
            &pg(&format!("{SQL} CREATE INDEX ON orders (id, customer_id);")),
            RULE,
        );
        let mut doc = pg(SQL);
        doc.target = Dialect::Mysql;
        assert_eq!(fires(&doc, RULE)[0].severity, Severity::Info);
    }

    #[test]
    fn partitions_are_left_to_their_parent() {
        let found = fires(
            &pg("CREATE TABLE customer (id bigint PRIMARY KEY);
                 CREATE TABLE orders (id bigint, placed date NOT NULL,
                     customer_id bigint REFERENCES customer(id)) PARTITION BY RANGE (placed);
                 CREATE TABLE orders_2026 PARTITION OF orders
                     FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"),
            RULE,
        );
        assert_eq!(found.len(), 1, "{:?}", found[0].message);
        assert!(found[0].message.starts_with("orders(customer_id)"));
    }
}

//! `index-redundant`: an index or unique key that another key already provides.

use crate::model::{Edit, Table, TableChange};
use crate::rules::indexes::keys::{Key, describe_key, describe_parts, key_at, key_count};
use crate::rules::util::is_derived;
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "index-redundant",
    category: Category::Indexes,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "An index is covered by another index or key.",
    help: "A non-unique b-tree index whose columns lead another index or the primary key (same \
           order, method and predicate) adds nothing for reads: the wider index serves the same \
           searches. A unique key identical to the primary key or to another unique key \
           enforces nothing new. Each extra index slows every write and takes space. Drop the \
           redundant one. A unique key narrower than another is never redundant: it enforces \
           a stronger rule.",
    options: &[],
};

/// The rule.
pub struct IndexRedundant;

impl Rule for IndexRedundant {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        let count = key_count(table);
        // A partition's keys and indexes are copies of its parent's, reported there.
        if count < 2 || is_derived(table) {
            return;
        }
        for i in 0..count {
            let Some(key) = key_at(table, i) else {
                continue;
            };
            if key.kind == crate::rules::indexes::keys::KeyKind::Primary {
                continue;
            }
            let cover = (0..count)
                .filter(|&j| j != i)
                .filter_map(|j| Some((j, key_at(table, j)?)))
                .find(|(j, other)| covers(&key, i, other, *j));
            let Some((_, other)) = cover else {
                continue;
            };
            let same_width = key.parts.len() == other.parts.len();
            let message = format!(
                "{}: {} {} is redundant: {} {} {}",
                ctx.table_label(table),
                describe_key(&key),
                describe_parts(table, key.parts),
                describe_key(&other),
                describe_parts(table, other.parts),
                if same_width {
                    "has the same columns"
                } else {
                    "starts with the same columns"
                }
            );
            out.report(Subject::Constraint(table.id, key.id), message)
                .with_fix(Fix::batch(
                    format!("Drop {}", describe_key(&key)),
                    vec![Edit::Table {
                        table: table.id,
                        change: TableChange::RemoveConstraint(key.id),
                    }],
                ));
        }
    }
}

/// Whether `key` (at position `i`) is made redundant by `other` (at position `j`).
fn covers(key: &Key, i: usize, other: &Key, j: usize) -> bool {
    if key.predicate != other.predicate || !key.same_method(other) {
        return false;
    }
    if !key.include.iter().all(|c| other.carries(*c)) {
        return false;
    }
    let (width, other_width) = (key.parts.len(), other.parts.len());
    if key.unique {
        // Only an identical unique key makes a unique key redundant.
        if !other.unique || width != other_width || !same_parts(key, other, width, true) {
            return false;
        }
    } else {
        let prefix_ok = width < other_width && key.is_btree();
        if !(width == other_width || prefix_ok) || !same_parts(key, other, width, false) {
            return false;
        }
        if other.unique {
            return true;
        }
    }
    // Two equivalent keys: report the later one, unless the earlier carries fewer columns.
    let identical = width == other_width
        && other.include.len() == key.include.len()
        && other.include.iter().all(|c| key.include.contains(c));
    !identical || j < i
}

/// Whether the first `width` parts agree (a prefix length on `key` is covered by the whole
/// column in `other` unless `exact`).
fn same_parts(key: &Key, other: &Key, width: usize, exact: bool) -> bool {
    (0..width).all(|n| match (key.parts.get(n), other.parts.get(n)) {
        (Some(a), Some(b)) => {
            a.key == b.key
                && a.order == b.order
                && (a.length == b.length || (!exact && b.length.is_none()))
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "index-redundant";

    #[test]
    fn a_prefix_of_another_index_is_redundant() {
        let doc = pg("CREATE TABLE o (id int PRIMARY KEY, a int, b int);
                      CREATE INDEX o_a ON o (a);
                      CREATE INDEX o_ab ON o (a, b);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "o: index o_a (a) is redundant: index o_ab (a, b) starts with the same columns"
        );
        let fixed = fix_silences(&doc, RULE);
        assert_eq!(fixed.tables.values().next().unwrap().indexes.len(), 1);
    }

    #[test]
    fn duplicates_and_keys_equal_to_the_primary_key() {
        let doc = pg(
            "CREATE TABLE o (id int PRIMARY KEY, a int, CONSTRAINT o_id UNIQUE (id));
                      CREATE INDEX o_id_idx ON o (id);
                      CREATE INDEX x1 ON o (a); CREATE INDEX x2 ON o (a);",
        );
        let found = fires(&doc, RULE);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(found.len(), 3, "{messages:?}");
        assert!(messages.contains(
            &"o: unique constraint o_id (id) is redundant: the primary key (id) has the same columns"
        ));
        assert!(messages.iter().any(|m| m.starts_with("o: index x2 (a)")));
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert!(table.uniques.is_empty());
        assert_eq!(table.indexes.len(), 1);
    }

    #[test]
    fn never_flags_narrower_uniques_or_other_methods() {
        silent(
            &pg("CREATE TABLE o (id int PRIMARY KEY, a int, b int, g int[],
                   CONSTRAINT o_a UNIQUE (a), CONSTRAINT o_ab UNIQUE (a, b));
                 CREATE INDEX o_b_part ON o (b) WHERE b > 0;
                 CREATE INDEX o_b_ab ON o (b, a);
                 CREATE INDEX o_g ON o USING gin (g);
                 CREATE INDEX o_hash ON o USING hash (a);
                 CREATE INDEX o_desc ON o (a DESC, b);"),
            RULE,
        );
    }

    #[test]
    fn mysql_keys_and_the_clustered_primary_key() {
        let doc = model(
            "CREATE TABLE t (a int NOT NULL, b int NOT NULL, c int,
               PRIMARY KEY (a, b), KEY t_a (a), UNIQUE KEY t_c (c), KEY t_c2 (c),
               FULLTEXT KEY t_ft (c));",
            Dialect::Mysql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 2);
        fix_silences(&doc, RULE);
    }

    #[test]
    fn partitions_are_left_to_their_parent() {
        let found = fires(
            &pg(
                "CREATE TABLE o (id int, placed date, a int, b int, PRIMARY KEY (id, placed))
                     PARTITION BY RANGE (placed);
                 CREATE INDEX o_a ON o (a);
                 CREATE INDEX o_ab ON o (a, b);
                 CREATE TABLE o_2026 PARTITION OF o
                     FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                 CREATE INDEX o_2026_a ON o_2026 (a);
                 CREATE INDEX o_2026_ab ON o_2026 (a, b);",
            ),
            RULE,
        );
        assert_eq!(found.len(), 1, "{:?}", found[0].message);
        assert!(found[0].message.starts_with("o: "));
    }
}

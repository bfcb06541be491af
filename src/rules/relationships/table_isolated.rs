//! `table-isolated`: a table with no relationship to any other, real or implied.
//!
//! Whether a table is linked depends on every other table's foreign keys and column names, so
//! this is a graph rule, rerun when a link or a column name changes anywhere; it makes one pass over tables and
//! columns and compares hashes of canonical names (see `names::canonical`), allocating
//! nothing per column. Reference suffixes come from `implied-fk-missing`'s `suffixes` option.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::model::{Table, TableId, TableRef};
use crate::rules::{Category, Context, Findings, Rule, RuleMeta, Scope, Severity, Subject};

use super::names::{asking, canonical_into, stem, suffixes};

static META: RuleMeta = RuleMeta {
    id: "table-isolated",
    category: Category::Relationships,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Graph,
    summary: "A table has no foreign key to or from any other table, real or implied.",
    help: "A table that nothing references and that references nothing is either a standalone \
           utility table (settings, a log, a queue) or a sign of a missing relationship or of a \
           leftover. Link it with a foreign key, or suppress the finding to confirm it stands \
           alone. Columns named like references (customer_id naming customers, or naming \
           another table's key column) count as links, so a table that only lacks declared \
           keys is left to implied-fk-missing; self-references do not count.",
    options: &[],
};

/// The rule.
pub struct TableIsolated;

/// Which table a name belongs to: one, or several.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Owner {
    One(TableId),
    Many,
}

fn note(map: &mut HashMap<u64, Owner>, hash: u64, table: TableId) {
    map.entry(hash)
        .and_modify(|owner| {
            if *owner != Owner::One(table) {
                *owner = Owner::Many;
            }
        })
        .or_insert(Owner::One(table));
}

/// Whether a name is owned by a table other than `table`.
fn other_owner(map: &HashMap<u64, Owner>, hash: u64, table: TableId) -> bool {
    map.get(&hash)
        .is_some_and(|owner| *owner != Owner::One(table))
}

/// Hashes of the canonical form of names, through one reused buffer.
struct Hashes(String);

impl Hashes {
    fn of(&mut self, name: &str) -> u64 {
        canonical_into(name, &mut self.0);
        let mut hasher = DefaultHasher::new();
        self.0.hash(&mut hasher);
        hasher.finish()
    }
}

/// The names a table is known by: its own and its single key column's stem.
fn identities(table: &Table, suffixes: &[String], hashes: &mut Hashes) -> [Option<u64>; 2] {
    let key = match table.primary_key.as_ref().map(|pk| pk.columns.as_slice()) {
        Some([id]) => table.column(*id),
        _ => None,
    };
    let by_key = key
        .and_then(|k| stem(&k.name, suffixes))
        .map(|s| hashes.of(s));
    [Some(hashes.of(&table.name.name)), by_key]
}

impl Rule for TableIsolated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_schema(&self, ctx: &Context, out: &mut Findings) {
        let suffixes = suffixes(ctx);
        let mut hashes = Hashes(String::new());
        let mut names: HashMap<u64, Owner> = HashMap::new();
        let mut stems: HashMap<u64, Owner> = HashMap::new();
        let mut linked: HashSet<TableId> = HashSet::new();
        for table in ctx.doc.tables.values() {
            for fk in &table.foreign_keys {
                if fk.referenced_table != TableRef::Resolved(table.id) {
                    linked.insert(table.id);
                    if let TableRef::Resolved(target) = fk.referenced_table {
                        linked.insert(target);
                    }
                }
            }
            for hash in identities(table, suffixes, &mut hashes)
                .into_iter()
                .flatten()
            {
                note(&mut names, hash, table.id);
            }
            for (_, stem) in asking(table, suffixes) {
                note(&mut stems, hashes.of(stem), table.id);
            }
        }
        for table in ctx.doc.tables.values() {
            if linked.contains(&table.id)
                || table.columns.is_empty()
                || table.options.0.contains_key("partition_of")
            {
                continue;
            }
            let named_by_other = identities(table, suffixes, &mut hashes)
                .into_iter()
                .flatten()
                .any(|hash| other_owner(&stems, hash, table.id));
            if named_by_other {
                continue;
            }
            let names_other = asking(table, suffixes)
                .any(|(_, stem)| other_owner(&names, hashes.of(stem), table.id));
            if names_other {
                continue;
            }
            out.report(
                Subject::Table(table.id),
                format!(
                    "{} is isolated: no foreign key or reference-like column links it to \
                     another table",
                    ctx.table_label(table)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "table-isolated";

    #[test]
    fn fires_on_a_table_with_no_links() {
        let doc = pg("CREATE TABLE customer (id bigint PRIMARY KEY);
                      CREATE TABLE orders (id bigint PRIMARY KEY,
                        customer_id bigint REFERENCES customer(id));
                      CREATE TABLE setting (name text PRIMARY KEY, value text);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "setting is isolated: no foreign key or reference-like column links it to another \
             table"
        );
    }

    #[test]
    fn implied_links_count_both_ways() {
        silent(
            &pg("CREATE TABLE customers (id bigint PRIMARY KEY);
                 CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);"),
            RULE,
        );
    }

    #[test]
    fn key_column_names_count_as_links() {
        silent(
            &pg(
                "CREATE TABLE cn_notices (not_id serial PRIMARY KEY, not_name text);
                 CREATE TABLE cn_assignments (asn_id serial PRIMARY KEY, not_id int);",
            ),
            RULE,
        );
    }

    #[test]
    fn self_references_do_not_count() {
        let found = fires(
            &pg("CREATE TABLE node (id int PRIMARY KEY, parent_id int REFERENCES node(id));"),
            RULE,
        );
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_new_foreign_key_reruns_the_target() {
        let doc = pg("CREATE TABLE customer (id bigint PRIMARY KEY);
                      CREATE TABLE audit (id bigint PRIMARY KEY, who bigint);");
        let mut validator = crate::rules::Validator::new(None);
        validator.update(&doc);
        assert_eq!(validator.findings().filter(|f| f.rule == RULE).count(), 2);
        let ids: Vec<_> = doc.tables.keys().copied().collect();
        let audit = doc.table(ids[1]).unwrap();
        let customer = doc.table(ids[0]).unwrap();
        let fk = crate::model::ForeignKey {
            id: crate::model::ConstraintId(0),
            name: None,
            columns: vec![audit.columns[1].id],
            referenced_table: crate::model::TableRef::Resolved(customer.id),
            referenced_columns: vec![crate::model::ColumnRef::Resolved(customer.columns[0].id)],
            on_delete: crate::model::ReferentialAction::NoAction,
            on_update: crate::model::ReferentialAction::NoAction,
            deferrable: crate::model::Deferrable::NotDeferrable,
            source: None,
        };
        let mut changed = doc.clone();
        crate::model::apply(
            &mut changed,
            crate::model::Edit::Table {
                table: audit.id,
                change: crate::model::TableChange::AddConstraint(
                    crate::model::Constraint::ForeignKey(fk),
                ),
            },
        )
        .unwrap();
        validator.update(&changed);
        assert_eq!(validator.findings().filter(|f| f.rule == RULE).count(), 0);
    }
}

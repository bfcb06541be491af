//! `implied-fk-missing`: a column named after another table's key that has no foreign key.
//!
//! Keyed by the canonical name a table is known by (`customer` for `customers`, and the stem
//! of its single-column primary key): every table offers its names, and every `<name>_id`
//! column without a foreign key asks for one. Both sides fingerprint what the check reads (the
//! key column and its type family, the referencing column, its type family and whether it is
//! numbered or its own table's key), so a changed key type, a new foreign key or a renamed
//! column reruns exactly the names involved. Table names and schemas are global: renaming a
//! table reruns everything.

use std::hash::{Hash, Hasher};

use crate::model::{
    Column, ColumnRef, Constraint, ConstraintId, Deferrable, Edit, ForeignKey, ReferentialAction,
    Table, TableChange, TableId, TableRef,
};
use crate::rules::util::{TypeFamily, family, spelling};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

use super::names::{DEFAULT_SUFFIXES, asking, canonical, stem, suffixes};

pub(super) static META: RuleMeta = RuleMeta {
    id: "implied-fk-missing",
    category: Category::Relationships,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Keyed,
    summary: "A column is named like a reference to another table but has no foreign key.",
    help: "A column such as orders.customer_id whose name matches the customers table (singular \
           or plural), with a type compatible with its single-column primary key, almost \
           certainly holds that table's keys; so does a column named like another table's key \
           column (emp_no) when no table has that name and only one key has it. Without a \
           foreign key nothing stops orphans, and diagrams and tools cannot see the \
           relationship. Add the foreign key, or suppress the finding for that column if the \
           link is deliberately loose. Not reported: a table's own numbered key, partitions, \
           inheritance children and archive tables (which keep rows after the parent is gone), \
           and keys of tables that extend another one (their key is itself a foreign key).",
    options: &[RuleOption {
        name: "suffixes",
        default: DEFAULT_SUFFIXES,
        help: "comma-separated column name endings that mark a reference (`_id`, `id`, `_no`)",
    }],
};

/// The rule.
pub struct ImpliedFkMissing;

/// The single-column primary key a table offers as a reference target; not when the key is
/// itself a foreign key (the table extends another one, which is the real target).
fn key_column(table: &Table) -> Option<&Column> {
    match table.primary_key.as_ref()?.columns.as_slice() {
        [id] if !table.is_foreign_key_column(*id) => table.column(*id),
        _ => None,
    }
}

/// The stem of a table's key column, when it differs from the table's own name.
fn key_stem(table: &Table, own: &str, suffixes: &[String]) -> Option<String> {
    let key = key_column(table)?;
    stem(&key.name, suffixes)
        .map(canonical)
        .filter(|k| k != own)
}

/// Copies of other tables' rows (partitions, inheritance children, archives) keep
/// references without keys.
fn is_copy(table: &Table) -> bool {
    let name = table.name.name.as_bytes();
    table.options.0.contains_key("partition_of")
        || table.options.0.contains_key("inherits")
        || (name.len() >= 7 && name[name.len() - 7..].eq_ignore_ascii_case(b"archive"))
}

/// What [`compatible`] reads of a column's type, hashed.
fn type_print(ctx: &Context, column: &Column) -> u64 {
    let family_of = family(ctx.doc, &column.data_type);
    let spelled = (family_of == TypeFamily::Other).then(|| spelling(&column.data_type));
    fingerprint((family_of, column.data_type.array_dims, spelled))
}

fn fingerprint(parts: impl Hash) -> u64 {
    let mut hasher = crate::rules::naming::fingerprint::Fast::default();
    parts.hash(&mut hasher);
    hasher.finish()
}

/// The lowest bit of a contribution's fingerprint: set for a column asking for a table, clear
/// for a table offering its name.
const ASKS: u64 = 1;

/// A contribution's fingerprint, marked as an offer or a request.
fn marked(asks: bool, parts: impl Hash) -> u64 {
    (fingerprint((u8::from(asks), parts)) & !ASKS) | u64::from(asks)
}

impl Rule for ImpliedFkMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn keys(&self, ctx: &Context, table: &Table, out: &mut Vec<(String, u64)>) {
        let suffixes = suffixes(ctx);
        // Every table holds its name (a named table hides same-stem keys of other tables).
        let own = canonical(&table.name.name);
        let key = key_column(table);
        let print = marked(false, key.map(|k| (k.id, type_print(ctx, k))));
        if let Some(by_key) = key_stem(table, &own, suffixes) {
            out.push((by_key, print));
        }
        out.push((own, print));
        if is_copy(table) {
            return;
        }
        for (column, stem) in asking(table, suffixes) {
            let own_key = key.is_some_and(|k| k.id == column.id);
            let print = marked(
                true,
                (
                    column.id,
                    &column.name,
                    type_print(ctx, column),
                    column.identity.is_some(),
                    own_key,
                ),
            );
            out.push((canonical(stem), print));
        }
    }

    fn check_key_contributions(
        &self,
        ctx: &Context,
        key: &str,
        contributions: &[(TableId, u64)],
        out: &mut Findings,
    ) {
        // Findings are about columns asking for a table: a key only offered has none.
        if !contributions.iter().any(|(_, print)| print & ASKS != 0) {
            return;
        }
        let mut tables: Vec<TableId> = contributions.iter().map(|(t, _)| *t).collect();
        tables.dedup();
        self.check_key(ctx, key, &tables, out);
    }

    fn check_key(&self, ctx: &Context, key: &str, tables: &[TableId], out: &mut Findings) {
        let suffixes = suffixes(ctx);
        let members: Vec<&Table> = tables.iter().filter_map(|id| ctx.table(*id)).collect();
        let named: Vec<&Table> = members
            .iter()
            .copied()
            .filter(|t| canonical(&t.name.name) == key)
            .collect();
        let by_stem: Vec<&Table> = members
            .iter()
            .copied()
            .filter(|t| {
                let own = canonical(&t.name.name);
                own != key && key_stem(t, &own, suffixes).as_deref() == Some(key)
            })
            .collect();
        if named.is_empty() && by_stem.is_empty() {
            return;
        }
        for table in members.iter().filter(|t| !is_copy(t)) {
            for (column, stem) in asking(table, suffixes) {
                if canonical(stem) != key {
                    continue;
                }
                let Some((target, target_key)) = target(table, column, &named, &by_stem) else {
                    continue;
                };
                if compatible(ctx, column, target_key) {
                    report(ctx, table, column, target, target_key, out);
                }
            }
        }
    }
}

/// The table a column refers to: a table named like it (in the same schema if possible);
/// failing that, the one table whose key column has its name. A column that is its own
/// table's key only refers to a table by name, and never when it is numbered.
fn target<'a>(
    table: &Table,
    column: &Column,
    named: &[&'a Table],
    by_stem: &[&'a Table],
) -> Option<(&'a Table, &'a Column)> {
    let own_key = key_column(table).is_some_and(|k| k.id == column.id);
    if own_key && column.identity.is_some() {
        return None;
    }
    let others: Vec<&Table> = named.iter().copied().filter(|t| t.id != table.id).collect();
    let pick = |list: &[&'a Table]| -> Option<&'a Table> {
        let same: Vec<&Table> = list
            .iter()
            .copied()
            .filter(|t| t.name.schema == table.name.schema)
            .collect();
        match (same.as_slice(), list) {
            ([one], _) | ([], [one]) => Some(one),
            _ => None,
        }
    };
    let chosen = if !others.is_empty() || named.iter().any(|t| t.id == table.id) {
        pick(&others)?
    } else if own_key {
        return None;
    } else {
        let stems: Vec<&Table> = by_stem
            .iter()
            .copied()
            .filter(|t| t.id != table.id)
            .collect();
        pick(&stems)?
    };
    Some((chosen, key_column(chosen)?))
}

/// Whether a column can hold the key's values: same family, and the same spelling for types
/// the model does not know.
fn compatible(ctx: &Context, column: &Column, key: &Column) -> bool {
    let family_of = family(ctx.doc, &column.data_type);
    column.data_type.array_dims == key.data_type.array_dims
        && family_of == family(ctx.doc, &key.data_type)
        && (family_of != TypeFamily::Other
            || spelling(&column.data_type) == spelling(&key.data_type))
}

fn report(
    ctx: &Context,
    table: &Table,
    column: &Column,
    target: &Table,
    key: &Column,
    out: &mut Findings,
) {
    let message = format!(
        "{} looks like a reference to {} but has no foreign key",
        ctx.column_label(table, column),
        ctx.column_label(target, key)
    );
    let fk = ForeignKey {
        id: ConstraintId(0),
        name: None,
        columns: vec![column.id],
        referenced_table: TableRef::Resolved(target.id),
        referenced_columns: vec![ColumnRef::Resolved(key.id)],
        on_delete: ReferentialAction::NoAction,
        on_update: ReferentialAction::NoAction,
        deferrable: Deferrable::NotDeferrable,
        source: None,
    };
    out.report(Subject::Column(table.id, column.id), message)
        .with_fix(Fix::batch(
            format!(
                "Add a foreign key {} → {}",
                column.name,
                ctx.table_label(target)
            ),
            vec![Edit::Table {
                table: table.id,
                change: TableChange::AddConstraint(Constraint::ForeignKey(fk)),
            }],
        ));
}

#[cfg(test)]
#[path = "implied_fk_missing_tests.rs"]
mod tests;

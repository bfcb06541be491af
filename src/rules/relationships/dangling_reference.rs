//! `dangling-reference`: references to tables, columns or types that do not exist.

use crate::model::{
    ColumnId, ColumnRef, Constraint, ConstraintId, Edit, ForeignKey, IndexKey, Table, TableChange,
    TableRef,
};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

use super::check_columns::missing_columns;
use super::dangling_types;
use super::fk_target_not_unique::fk_label;

static META: RuleMeta = RuleMeta {
    id: "dangling-reference",
    category: Category::Relationships,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Table,
    summary: "A foreign key, key, index, check or column type refers to something that does \
              not exist.",
    help: "The model names a table, column, enum or domain that is not in it: a foreign key to a \
           table that was never created or was renamed, a key or index on a removed column, a \
           CHECK that still uses an old column name, a column typed with an enum that was never \
           declared. The DDL fails on a real database. Re-point the reference (the fix points a \
           foreign key at the target's primary key, or binds a type to a same-named enum), \
           declare the missing enum (the fix collects its labels from the column's default and \
           CHECK), or remove the reference.",
    options: &[],
};

/// The rule.
pub struct DanglingReference;

impl Rule for DanglingReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        for fk in &table.foreign_keys {
            foreign_key(ctx, table, fk, out);
        }
        own_columns(ctx, table, out);
        for check in &table.checks {
            let missing = missing_columns(table, &check.expression);
            if missing.is_empty() {
                continue;
            }
            let name = check.name.as_deref().unwrap_or("a check");
            let message = format!(
                "{} ({name}) uses {}, which {} not a column of {}",
                ctx.table_label(table),
                missing.join(", "),
                if missing.len() == 1 { "is" } else { "are" },
                ctx.table_label(table)
            );
            out.report(Subject::Constraint(table.id, check.id), message)
                .with_fix(remove(table, check.id, "Remove the check"));
        }
        for column in &table.columns {
            dangling_types::report(ctx, table, column, out);
        }
    }
}

fn remove(table: &Table, id: ConstraintId, label: &str) -> Fix {
    Fix::batch(
        label,
        vec![Edit::Table {
            table: table.id,
            change: TableChange::RemoveConstraint(id),
        }],
    )
}

/// Unresolved targets and columns, and column counts that differ from the target's.
fn foreign_key(ctx: &Context, table: &Table, fk: &ForeignKey, out: &mut Findings) {
    let label = fk_label(ctx, table, fk);
    let target = match &fk.referenced_table {
        TableRef::Resolved(id) => ctx.table(*id),
        TableRef::Unresolved(_) => None,
    };
    let Some(target) = target else {
        let name = match &fk.referenced_table {
            TableRef::Unresolved(name) => name.to_string(),
            TableRef::Resolved(id) => id.to_string(),
        };
        let message = format!("{label} references table {name}, which does not exist");
        let fix = retarget_by_name(ctx, table, fk)
            .unwrap_or_else(|| remove(table, fk.id, "Remove the foreign key"));
        out.report(Subject::Constraint(table.id, fk.id), message)
            .with_fix(fix);
        return;
    };
    let missing: Vec<String> = fk
        .referenced_columns
        .iter()
        .filter_map(|c| match c {
            ColumnRef::Unresolved(name) => Some(name.clone()),
            ColumnRef::Resolved(id) => target.column(*id).is_none().then(|| id.to_string()),
        })
        .collect();
    let message = if !missing.is_empty() {
        format!(
            "{label} references {}, which {} not a column of {}",
            missing.join(", "),
            if missing.len() == 1 { "is" } else { "are" },
            ctx.table_label(target)
        )
    } else if fk.referenced_columns.is_empty() {
        format!(
            "{label} references {} without columns, and it has no primary key",
            ctx.table_label(target)
        )
    } else if fk.referenced_columns.len() != fk.columns.len() {
        format!(
            "{label} has {} column(s) but references {} column(s) of {}",
            fk.columns.len(),
            fk.referenced_columns.len(),
            ctx.table_label(target)
        )
    } else {
        return;
    };
    let fix = to_primary_key(table, target, fk)
        .unwrap_or_else(|| remove(table, fk.id, "Remove the foreign key"));
    out.report(Subject::Constraint(table.id, fk.id), message)
        .with_fix(fix);
}

/// Points the key at `target`'s primary key when it has as many columns.
fn to_primary_key(table: &Table, target: &Table, fk: &ForeignKey) -> Option<Fix> {
    let pk = target.primary_key.as_ref()?;
    if pk.columns.len() != fk.columns.len() {
        return None;
    }
    let mut changed = fk.clone();
    changed.referenced_table = TableRef::Resolved(target.id);
    changed.referenced_columns = pk.columns.iter().map(|c| ColumnRef::Resolved(*c)).collect();
    Some(Fix::batch(
        format!("Reference the primary key of {}", target.name),
        vec![Edit::Table {
            table: table.id,
            change: TableChange::ReplaceConstraint(Constraint::ForeignKey(changed)),
        }],
    ))
}

/// For an unresolved target name that a table of the model now has: point the key at it, by
/// the referenced column names, or at its primary key when the key named no columns.
fn retarget_by_name(ctx: &Context, table: &Table, fk: &ForeignKey) -> Option<Fix> {
    let TableRef::Unresolved(name) = &fk.referenced_table else {
        return None;
    };
    let candidates = ctx.facts.tables_named(&name.name);
    let target = candidates
        .iter()
        .filter_map(|id| ctx.table(*id))
        .find(|t| name.schema.is_none() || t.name.schema == name.schema)?;
    if fk.referenced_columns.is_empty() {
        return to_primary_key(table, target, fk);
    }
    let columns: Option<Vec<ColumnRef>> = fk
        .referenced_columns
        .iter()
        .map(|c| match c {
            ColumnRef::Unresolved(n) => target
                .columns
                .iter()
                .find(|col| col.name.eq_ignore_ascii_case(n))
                .map(|col| ColumnRef::Resolved(col.id)),
            ColumnRef::Resolved(_) => None,
        })
        .collect();
    let columns = columns.filter(|c| c.len() == fk.columns.len())?;
    let mut changed = fk.clone();
    changed.referenced_table = TableRef::Resolved(target.id);
    changed.referenced_columns = columns;
    Some(Fix::batch(
        format!("Point the foreign key at {}", target.name),
        vec![Edit::Table {
            table: table.id,
            change: TableChange::ReplaceConstraint(Constraint::ForeignKey(changed)),
        }],
    ))
}

/// Keys, foreign keys and indexes that name columns the table does not have. The fix removes
/// the broken constraint, which only works when it is the table's only broken one (every
/// table edit checks the whole table).
fn own_columns(ctx: &Context, table: &Table, out: &mut Findings) {
    let gone = |c: &ColumnId| table.column(*c).is_none();
    let mut broken: Vec<(ConstraintId, &str, Option<&str>, bool)> = Vec::new();
    if let Some(pk) = table
        .primary_key
        .as_ref()
        .filter(|pk| pk.columns.iter().any(gone))
    {
        broken.push((pk.id, "primary key", pk.name.as_deref(), true));
    }
    for fk in table
        .foreign_keys
        .iter()
        .filter(|fk| fk.columns.iter().any(gone))
    {
        broken.push((fk.id, "foreign key", fk.name.as_deref(), false));
    }
    for unique in table.uniques.iter().filter(|u| u.columns.iter().any(gone)) {
        broken.push((
            unique.id,
            "unique constraint",
            unique.name.as_deref(),
            false,
        ));
    }
    for index in &table.indexes {
        let parts_gone = index.parts.iter().any(|p| match &p.key {
            IndexKey::Column(c) => gone(c),
            IndexKey::Expression(_) => false,
        });
        if parts_gone || index.include.iter().any(gone) {
            broken.push((index.id, "index", index.name.as_deref(), false));
        }
    }
    let alone = broken.len() == 1;
    for (id, kind, name, is_pk) in broken {
        let message = format!(
            "{} {kind}{} names a column that does not exist",
            ctx.table_label(table),
            name.map(|n| format!(" {n}")).unwrap_or_default()
        );
        let finding = out.report(Subject::Constraint(table.id, id), message);
        if alone {
            let change = if is_pk {
                TableChange::SetPrimaryKey(None)
            } else {
                TableChange::RemoveConstraint(id)
            };
            finding.with_fix(Fix::batch(
                format!("Remove the {kind}"),
                vec![Edit::Table {
                    table: table.id,
                    change,
                }],
            ));
        }
    }
}

#[cfg(test)]
#[path = "dangling_reference_tests.rs"]
mod tests;

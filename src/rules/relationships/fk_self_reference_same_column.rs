//! `fk-self-reference-same-column`: a foreign key whose every column references itself.

use crate::model::{Column, ColumnRef, Constraint, Edit, ForeignKey, Table, TableChange, TableRef};
use crate::rules::util::NewIds;
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "fk-self-reference-same-column",
    category: Category::Relationships,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Table,
    summary: "A foreign key maps a column to itself.",
    help: "A foreign key from categories.id to categories.id is satisfied by every row, so it \
           checks nothing; it is usually a tree (a parent pointer) drawn to the wrong column. \
           Add a separate column such as parent_id and point the foreign key from it to the key. \
           Composite keys that repeat one column on purpose (tenant_id, parent_id) → (tenant_id, \
           id) are fine and not reported.",
    options: &[],
};

/// The rule.
pub struct FkSelfReferenceSameColumn;

impl Rule for FkSelfReferenceSameColumn {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        for fk in &table.foreign_keys {
            if fk.referenced_table != TableRef::Resolved(table.id)
                || fk.columns.len() != fk.referenced_columns.len()
            {
                continue;
            }
            let to_itself = fk
                .columns
                .iter()
                .zip(&fk.referenced_columns)
                .all(|(own, r)| *r == ColumnRef::Resolved(*own));
            if !to_itself {
                continue;
            }
            let names: Vec<&str> = fk
                .columns
                .iter()
                .filter_map(|c| table.column(*c).map(|c| c.name.as_str()))
                .collect();
            let message = format!(
                "{}({}) references itself: the foreign key is true for every row",
                ctx.table_label(table),
                names.join(", ")
            );
            out.report(Subject::Constraint(table.id, fk.id), message)
                .with_fix(fix(ctx, table, fk));
        }
    }
}

/// A parent column for a single-column key; otherwise the key is removed.
fn fix(ctx: &Context, table: &Table, fk: &ForeignKey) -> Fix {
    let remove = Edit::Table {
        table: table.id,
        change: TableChange::RemoveConstraint(fk.id),
    };
    let single = match fk.columns.as_slice() {
        [id] => table.column(*id),
        _ => None,
    };
    let Some(column) = single else {
        return Fix::batch("Remove the foreign key", vec![remove]);
    };
    let name = if column.name.eq_ignore_ascii_case("id") {
        "parent_id".to_owned()
    } else {
        format!("parent_{}", column.name)
    };
    if table
        .columns
        .iter()
        .any(|c| c.name.eq_ignore_ascii_case(&name))
    {
        return Fix::batch("Remove the foreign key", vec![remove]);
    }
    let mut parent = Column::new(name.clone(), column.data_type.clone());
    parent.collation.clone_from(&column.collation);
    let mut ids = NewIds::new(ctx.doc);
    let new_column = ids.column();
    let mut repointed = fk.clone();
    repointed.columns = vec![new_column];
    let edits = vec![
        Edit::Table {
            table: table.id,
            change: TableChange::AddColumn {
                column: parent,
                index: None,
            },
        },
        Edit::Table {
            table: table.id,
            change: TableChange::ReplaceConstraint(Constraint::ForeignKey(repointed)),
        },
    ];
    Fix::batch(
        format!(
            "Add {name} and point the foreign key from it to {}",
            column.name
        ),
        edits,
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "fk-self-reference-same-column";

    #[test]
    fn fires_on_a_column_referencing_itself_and_adds_a_parent_column() {
        let doc = pg("CREATE TABLE category (id bigint PRIMARY KEY REFERENCES category(id));");
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "category(id) references itself: the foreign key is true for every row"
        );
        let fixed = fix_silences(&doc, RULE);
        let table = fixed.tables.values().next().unwrap();
        assert_eq!(table.columns[1].name, "parent_id");
        assert!(table.columns[1].nullable);
        assert_eq!(table.foreign_keys[0].columns, vec![table.columns[1].id]);
    }

    #[test]
    fn silent_on_parent_pointers_and_partly_repeated_columns() {
        silent(
            &pg("CREATE TABLE category (id bigint PRIMARY KEY,
                   parent_id bigint REFERENCES category(id));"),
            RULE,
        );
        silent(
            &pg("CREATE TABLE node (tenant_id int, id int, parent_id int,
                   PRIMARY KEY (tenant_id, id),
                   FOREIGN KEY (tenant_id, parent_id) REFERENCES node (tenant_id, id));"),
            RULE,
        );
    }
}

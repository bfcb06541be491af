//! `name-collision`: two objects with the same name in one namespace of the target dialect.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use crate::model::{Dialect, Edit, Table, TableId};
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

use super::fingerprint::{self, Fast};
use super::namespaces::{
    Named, Shared, has_local_collisions, local_collisions, other_objects, schema_key, shared_names,
};
use super::rename::{rename_column, rename_constraint, rename_table};

static META: RuleMeta = RuleMeta {
    id: "name-collision",
    category: Category::Naming,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Keyed,
    summary: "Two objects have the same name in one namespace of the target dialect.",
    help: "Each dialect has its own namespaces: PostgreSQL puts indexes and key constraints \
           beside tables, MySQL wants foreign-key names unique per database, SQL Server every \
           constraint name per schema, and columns are unique per table everywhere. Names \
           compare case-insensitively (in PostgreSQL, names that differ only in case work only \
           while quoted). The DDL fails on the second object; rename it, e.g. with a suffix.",
    options: &[],
};

const LOCAL: &str = "local";

/// The rule.
pub struct NameCollision;

impl Rule for NameCollision {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn keys(&self, ctx: &Context, table: &Table, out: &mut Vec<(String, u64)>) {
        let schema = schema_key(table, ctx.dialect);
        let mut keys: BTreeMap<String, Fast> = BTreeMap::new();
        for (space, named) in shared_names(table, ctx.dialect) {
            let key = format!(
                "{}\u{1f}{schema}\u{1f}{}",
                space.tag(),
                named.name.to_lowercase()
            );
            let h = keys.entry(key).or_default();
            named.name.hash(h);
            if let Subject::Constraint(_, id) = named.subject {
                fingerprint::constraint(h, table, id);
            }
        }
        out.extend(keys.into_iter().map(|(k, h)| (k, h.finish())));
        if has_local_collisions(table, ctx.dialect) {
            out.push((
                format!("{LOCAL}\u{1f}{}", table.id.0),
                fingerprint::table(table),
            ));
        }
    }

    fn check_key(&self, ctx: &Context, key: &str, tables: &[TableId], out: &mut Findings) {
        let mut parts = key.split('\u{1f}');
        let (Some(tag), Some(schema), Some(name)) = (parts.next(), parts.next(), parts.next())
        else {
            if key.starts_with(LOCAL) {
                for table in tables.iter().filter_map(|id| ctx.table(*id)) {
                    check_local(ctx, table, out);
                }
            }
            return;
        };
        let Some(space) = Shared::from_tag(tag) else {
            return;
        };
        let mut holders: Vec<(&Table, Named)> = Vec::new();
        for table in tables.iter().filter_map(|id| ctx.table(*id)) {
            for (s, named) in shared_names(table, ctx.dialect) {
                if s == space && named.name.to_lowercase() == name {
                    holders.push((table, named));
                }
            }
        }
        let others = if space == Shared::Relation {
            other_objects(ctx, schema, name)
        } else {
            Vec::new()
        };
        if holders.len() + others.len() < 2 {
            return;
        }
        let (first_desc, first_name, skip) = match (others.first(), holders.first()) {
            (Some((desc, name)), _) => (desc.clone(), name.clone(), 0),
            (None, Some((table, named))) => (describe(ctx, table, named), named.name.to_owned(), 1),
            (None, None) => return,
        };
        let reason = space.reason(ctx.dialect);
        let taken: Vec<&str> = holders.iter().map(|(_, n)| n.name).collect();
        for (index, (table, named)) in holders.iter().enumerate().skip(skip) {
            let message = format!(
                "{} has the same name as {first_desc}: {reason}",
                describe(ctx, table, named)
            );
            report(
                ctx,
                out,
                table,
                named,
                &first_name,
                message,
                &taken,
                index + 1,
            );
        }
    }
}

fn describe(ctx: &Context, table: &Table, named: &Named) -> String {
    match named.subject {
        Subject::Table(_) => format!("table {}", ctx.table_label(table)),
        Subject::Column(..) => format!("column {}.{}", ctx.table_label(table), named.name),
        _ => format!(
            "{} {} of {}",
            named.kind,
            named.name,
            ctx.table_label(table)
        ),
    }
}

fn check_local(ctx: &Context, table: &Table, out: &mut Findings) {
    for group in local_collisions(table, ctx.dialect) {
        let Some(first) = group.first() else {
            continue;
        };
        let first_desc = describe(ctx, table, first);
        let reason = if first.kind == "column" {
            "column names must be unique within a table"
        } else if ctx.dialect == Dialect::Postgres {
            "PostgreSQL needs unique constraint names per table"
        } else {
            "index names must be unique within a table"
        };
        let taken: Vec<&str> = group.iter().map(|n| n.name).collect();
        for (index, named) in group.iter().enumerate().skip(1) {
            let message = format!(
                "{} has the same name as {first_desc}: {reason}",
                describe(ctx, table, named)
            );
            report(
                ctx,
                out,
                table,
                named,
                first.name,
                message,
                &taken,
                index + 1,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    ctx: &Context,
    out: &mut Findings,
    table: &Table,
    named: &Named,
    first: &str,
    message: String,
    taken: &[&str],
    number: usize,
) {
    let case_only = ctx.dialect == Dialect::Postgres && named.name != first;
    let message = if case_only {
        format!(
            "{message} (the names differ only in case, which works only while both stay quoted)"
        )
    } else {
        message
    };
    let finding = out.report(named.subject, message);
    if case_only {
        finding.with_severity(Severity::Warning);
    }
    let free = |candidate: &str| {
        !taken.iter().any(|t| t.eq_ignore_ascii_case(candidate))
            && (named.kind != "table" || ctx.facts.tables_named(candidate).is_empty())
    };
    let Some(name) = (number..number + 100)
        .map(|n| format!("{}_{n}", named.name))
        .find(|c| free(c))
    else {
        return;
    };
    let edits: Vec<Edit> = match named.subject {
        Subject::Table(_) => vec![rename_table(table, &name)],
        Subject::Column(_, column) => rename_column(table, column, &name, ctx.dialect),
        Subject::Constraint(_, id) => rename_constraint(table, id, &name).into_iter().collect(),
        _ => Vec::new(),
    };
    if !edits.is_empty() {
        finding.with_fix(Fix::batch(format!("Rename to {name}"), edits));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, Severity};
    use crate::rules::testing::*;

    const RULE: &str = "name-collision";

    #[test]
    fn postgres_indexes_share_the_table_namespace() {
        let doc = pg("CREATE TABLE orders (id int PRIMARY KEY);
                      CREATE TABLE items (id int PRIMARY KEY, n int);
                      CREATE INDEX orders ON items (n);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .starts_with("index orders of items has the same name as table orders"),
            "{}",
            found[0].message
        );
        let fixed = fix_silences(&doc, RULE);
        let items = fixed
            .tables
            .values()
            .find(|t| t.name.name == "items")
            .unwrap();
        assert_eq!(items.indexes[0].name.as_deref(), Some("orders_2"));
        // In MySQL index names are per table.
        silent(
            &model(
                "CREATE TABLE orders (id int PRIMARY KEY);
                 CREATE TABLE items (id int PRIMARY KEY, n int, INDEX orders (n));",
                Dialect::Mysql,
            ),
            RULE,
        );
    }

    #[test]
    fn mysql_foreign_key_names_are_per_database() {
        let sql = "CREATE TABLE p (id int PRIMARY KEY);
                   CREATE TABLE a (id int PRIMARY KEY, p_id int, CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id));
                   CREATE TABLE b (id int PRIMARY KEY, p_id int, CONSTRAINT FK_P FOREIGN KEY (p_id) REFERENCES p (id));";
        let doc = model(sql, Dialect::Mysql);
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        fix_silences(&doc, RULE);
        // PostgreSQL keeps foreign-key names per table.
        silent(&model(sql, Dialect::Postgres), RULE);
    }

    #[test]
    fn columns_collide_case_insensitively() {
        let doc = model(
            "CREATE TABLE t (id int PRIMARY KEY, Name text, NAME text);",
            Dialect::Mssql,
        );
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "column t.NAME has the same name as column t.Name: column names must be unique within a table"
        );
        fix_silences(&doc, RULE);
        // PostgreSQL: quoted names differing in case are legal, reported as a warning.
        let doc = pg("CREATE TABLE t (id int PRIMARY KEY, \"Name\" text, name text);");
        let found = fires(&doc, RULE);
        assert_eq!(found[0].severity, Severity::Warning);
        silent(&pg("CREATE TABLE t (id int PRIMARY KEY, name text);"), RULE);
    }

    #[test]
    fn incremental_updates_agree_with_full_runs() {
        use crate::model::apply;
        use crate::rules::{Validator, validate};
        let mine = |found: Vec<&crate::rules::Finding>| -> Vec<String> {
            found
                .iter()
                .filter(|f| f.rule == RULE)
                .map(|f| f.message.clone())
                .collect()
        };
        let mut doc = pg("CREATE TABLE orders (id int PRIMARY KEY);
                          CREATE TABLE items (id int PRIMARY KEY, n int);
                          CREATE INDEX items_n ON items (n);");
        let mut validator = Validator::new(None);
        validator.update(&doc);
        assert!(mine(validator.sorted()).is_empty());
        let items = doc
            .tables
            .values()
            .find(|t| t.name.name == "items")
            .unwrap();
        let edit = super::rename_constraint(items, items.indexes[0].id, "orders").unwrap();
        apply(&mut doc, edit).unwrap();
        validator.update(&doc);
        let full: Vec<String> = validate(&doc, None)
            .into_iter()
            .filter(|f| f.rule == RULE)
            .map(|f| f.message)
            .collect();
        assert_eq!(full.len(), 1);
        assert_eq!(mine(validator.sorted()), full);
        let finding = validator
            .sorted()
            .into_iter()
            .find(|f| f.rule == RULE)
            .cloned();
        apply(&mut doc, finding.unwrap().fix.unwrap().edit).unwrap();
        validator.update(&doc);
        assert!(mine(validator.sorted()).is_empty());
    }

    #[test]
    fn tables_collide_with_views_and_types() {
        let doc = pg("CREATE TYPE status AS ENUM ('a');
                      CREATE TABLE status (id int PRIMARY KEY);");
        let found = fires(&doc, RULE);
        assert!(
            found[0]
                .message
                .contains("has the same name as type status")
        );
        let fixed = fix_silences(&doc, RULE);
        assert!(fixed.tables.values().any(|t| t.name.name == "status_1"));
    }
}

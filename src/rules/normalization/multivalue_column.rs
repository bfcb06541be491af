//! `multivalue-column`: a string column that holds a list (`tag_ids`, `tags`, `*_csv`).

use crate::model::{Column, DataType, Dialect, Table, TypeKind};
use crate::rules::naming::inflect::singular_name;
use crate::rules::util::contains_ignore_ascii_case;
use crate::rules::util::{TypeFamily, family, is_lob};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

use super::child_table::{Child, child_table, move_to_child, removable};

static META: RuleMeta = RuleMeta {
    id: "multivalue-column",
    category: Category::Normalization,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "A string column is named like a list of values.",
    help: "A comma-separated list in one column (\"jaywalking\") cannot be indexed, joined, \
           checked against a foreign key or counted without string surgery, and every update \
           rewrites the whole list. Store one value per row in a child table, or a junction \
           table for lists of ids (the fix creates it with the owner's key and removes the \
           column; add the foreign key to the listed table afterwards). On PostgreSQL an array \
           column is an acceptable alternative when the values are never joined.",
    options: &[RuleOption {
        name: "patterns",
        default: "*_ids,*_list,*_csv,tags",
        help: "comma-separated column names or * patterns that name lists",
    }],
};

/// The rule.
pub struct MultivalueColumn;

impl Rule for MultivalueColumn {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if super::is_partition(table) {
            return;
        }
        let patterns = ctx.option_patterns(&META, "patterns");
        for column in &table.columns {
            let listed = column.data_type.array_dims == 0
                && patterns.matches(&column.name)
                && family(ctx.doc, &column.data_type) == TypeFamily::String;
            if !listed {
                continue;
            }
            let finding = out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} keeps a list of values in one string column: one value per row in a \
                     child table can be indexed, joined and checked",
                    ctx.column_label(table, column)
                ),
            );
            if !removable(ctx, table, column) {
                continue;
            }
            let (subject, value_name, value_type) = value(ctx, table, column);
            let child = Child {
                owner: table,
                subject: &subject,
                value_name,
                value_type,
                numbered: false,
            };
            if let Some(new) = child_table(ctx, &child) {
                let label = format!("Move {} into child table {}", column.name, new.name.name);
                finding.with_fix(Fix::batch(label, move_to_child(table, new, &[column.id])));
            }
        }
    }
}

/// The child's subject words, its value column's name and its type.
fn value(ctx: &Context, table: &Table, column: &Column) -> (String, String, DataType) {
    let name = &column.name;
    let lower = name.to_ascii_lowercase();
    let strip = |suffix: &str| {
        lower
            .ends_with(suffix)
            .then(|| name[..name.len() - suffix.len()].to_owned())
            .filter(|stem| !stem.is_empty())
    };
    if let Some(stem) = strip("_ids") {
        // Ids of another table: most schemas give all keys one type, so take the owner's.
        let key_type = table
            .primary_key
            .as_ref()
            .filter(|pk| pk.columns.len() == 1)
            .and_then(|pk| table.column(pk.columns[0]))
            .map(|c| {
                let mut t = c.data_type.clone();
                t.original = t
                    .original
                    .filter(|o| !contains_ignore_ascii_case(o, "serial"));
                t
            })
            .unwrap_or_else(|| column.data_type.clone());
        return (stem.clone(), format!("{stem}_id"), key_type);
    }
    let stem = strip("_list")
        .or_else(|| strip("_csv"))
        .unwrap_or_else(|| name.clone());
    let one = singular_name(&stem);
    let mut value_type = column.data_type.clone();
    if matches!(ctx.dialect, Dialect::Mysql | Dialect::Mssql) && is_lob(ctx.doc, &value_type) {
        // A key column cannot be a large object there.
        value_type = DataType::new(TypeKind::Varchar { length: Some(255) });
    }
    (one.clone(), one, value_type)
}

#[cfg(test)]
mod tests {
    use crate::model::{Dialect, TypeKind};
    use crate::rules::testing::*;

    const RULE: &str = "multivalue-column";

    #[test]
    fn id_lists_become_a_junction_table() {
        let doc = pg("CREATE TABLE posts (id uuid PRIMARY KEY, title text, tag_ids text);");
        let found = fires(&doc, RULE);
        assert!(
            found[0]
                .message
                .starts_with("posts.tag_ids keeps a list of values")
        );
        let fixed = fix_silences(&doc, RULE);
        let child = fixed
            .tables
            .values()
            .find(|t| t.name.name == "post_tags")
            .unwrap();
        let names: Vec<&str> = child.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["post_id", "tag_id"]);
        assert_eq!(child.columns[1].data_type.kind, TypeKind::Uuid);
        let posts = fixed
            .tables
            .values()
            .find(|t| t.name.name == "posts")
            .unwrap();
        assert!(posts.column_named("tag_ids").is_none());
    }

    #[test]
    fn tags_on_mysql_get_a_keyable_type() {
        let doc = model(
            "CREATE TABLE posts (id int PRIMARY KEY, tags text);",
            Dialect::Mysql,
        );
        let fixed = fix_silences(&doc, RULE);
        let child = fixed
            .tables
            .values()
            .find(|t| t.name.name == "post_tags")
            .unwrap();
        assert_eq!(child.columns[1].name, "tag");
        assert_eq!(
            child.columns[1].data_type.kind,
            TypeKind::Varchar { length: Some(255) }
        );
    }

    #[test]
    fn arrays_and_non_string_columns_are_fine() {
        silent(
            &pg(
                "CREATE TABLE posts (id int PRIMARY KEY, tags text[], tag_ids jsonb, ids_count int);",
            ),
            RULE,
        );
    }
}

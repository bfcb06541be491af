//! `eav-table`: an entity-attribute-value table (an entity id, an attribute-name column and a
//! generic value column).

use crate::model::{Column, Table};
use crate::rules::util::{TypeFamily, family, spelling};
use crate::rules::{Category, Context, Findings, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "eav-table",
    category: Category::Normalization,
    severity: Severity::Info,
    enabled: true,
    scope: Scope::Table,
    summary: "The table stores attributes as name/value rows (entity-attribute-value).",
    help: "An entity-attribute-value table (entity_id, attribute, value) trades the schema for \
           rows: values lose their types, NOT NULL, CHECK and foreign keys; reassembling one \
           entity takes one join per attribute. Use real columns, subtype tables for groups of \
           optional attributes, or a jsonb column (with checks) for truly open-ended data. \
           Plain key/value settings tables without an entity column are not reported.",
    options: &[],
};

/// The rule.
pub struct EavTable;

/// Words that name an attribute column (`attribute`, `meta_key`, `property_name`).
const ATTRIBUTE_WORDS: [&str; 5] = ["attr", "attribute", "key", "property", "prop"];

fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A generic value column: `value`, `val`, `*_value`, holding text, JSON or a variant.
fn is_value(ctx: &Context, column: &Column) -> bool {
    let name = column.name.to_ascii_lowercase();
    let named =
        name == "value" || name == "val" || name.ends_with("_value") || name.ends_with("_val");
    named
        && (matches!(
            family(ctx.doc, &column.data_type),
            TypeFamily::String | TypeFamily::Json
        ) || spelling(&column.data_type).contains("variant"))
}

impl Rule for EavTable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if super::is_partition(table) || table.columns.len() > 8 {
            return;
        }
        let Some(value) = table.columns.iter().find(|c| is_value(ctx, c)) else {
            return;
        };
        let plain_value = value.name.eq_ignore_ascii_case("value");
        let Some(attribute) = table.columns.iter().find(|c| {
            c.id != value.id
                && (words(&c.name)
                    .any(|w| ATTRIBUTE_WORDS.iter().any(|a| a.eq_ignore_ascii_case(w)))
                    || (plain_value && c.name.eq_ignore_ascii_case("name")))
        }) else {
            return;
        };
        let is_key = |c: &Column| {
            table.is_primary_key_column(c.id)
                && table
                    .primary_key
                    .as_ref()
                    .is_some_and(|pk| pk.columns.len() == 1)
        };
        let entity = table.columns.iter().find(|c| {
            c.id != value.id
                && c.id != attribute.id
                && !is_key(c)
                && (table.is_foreign_key_column(c.id)
                    || c.name.to_ascii_lowercase().ends_with("_id")
                    || c.name.ends_with("Id"))
        });
        let Some(entity) = entity else {
            return;
        };
        out.report(
            Subject::Table(table.id),
            format!(
                "{} stores attributes as rows ({} names the attribute of {}, {} holds its \
                 value): an entity-attribute-value design",
                ctx.table_label(table),
                attribute.name,
                entity.name,
                value.name
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "eav-table";

    #[test]
    fn entity_attribute_value_tables_are_reported() {
        let doc = pg("CREATE TABLE posts (id int PRIMARY KEY);
                      CREATE TABLE post_meta (meta_id int PRIMARY KEY,
                        post_id int REFERENCES posts (id), meta_key varchar(255), meta_value text);");
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "post_meta stores attributes as rows (meta_key names the attribute of post_id, \
             meta_value holds its value): an entity-attribute-value design"
        );
        fires(
            &pg("CREATE TABLE product_attributes (product_id int, name text, value text);"),
            RULE,
        );
    }

    #[test]
    fn settings_tables_and_typed_values_are_not() {
        silent(
            &pg("CREATE TABLE settings (id int PRIMARY KEY, key text, value text);"),
            RULE,
        );
        silent(
            &pg(
                "CREATE TABLE rates (id int PRIMARY KEY, currency_id int, name text, value numeric);",
            ),
            RULE,
        );
    }
}

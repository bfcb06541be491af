//! `junction-table-missing-unique`: a link table with a surrogate key and nothing that keeps
//! its links unique.

use crate::model::{
    Column, ColumnId, Constraint, ConstraintId, Edit, IndexKey, Table, TableChange,
    UniqueConstraint,
};
use crate::rules::relationships::names::canonical;
use crate::rules::util::{TypeFamily, family};
use crate::rules::{
    Category, Context, Findings, Fix, Rule, RuleMeta, RuleOption, Scope, Severity, Subject,
};

static META: RuleMeta = RuleMeta {
    id: "junction-table-missing-unique",
    category: Category::Keys,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "A junction table has a surrogate key but its foreign keys are not unique together.",
    help: "A table that links rows of other tables (product_tag, user_role) and has its own id \
           column accepts the same link twice, because the id is new on every insert; counts \
           double and deleting \"the\" link leaves a copy behind. Make the foreign-key columns \
           the primary key, or add UNIQUE over them. A table counts as a junction table when \
           its other columns are only bookkeeping (timestamps, flags, a sort order), and, if it \
           has any, when its name contains a referenced table's name (product_tag); anything \
           else is an entity that may legitimately repeat a pair (an invoice line, a comment). \
           The link is made of the NOT NULL foreign-key columns (at least two); nullable ones \
           are optional attributes and stay out of the suggested UNIQUE.",
    options: &[RuleOption {
        name: "maxOtherColumns",
        default: "3",
        help: "how many columns besides the key and the foreign keys (timestamps, flags, a sort \
               order) a junction table may have",
    }],
};

/// The rule.
pub struct JunctionTableMissingUnique;

impl Rule for JunctionTableMissingUnique {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if table.foreign_keys.len() < 2 {
            return;
        }
        let Some(pk) = &table.primary_key else {
            return;
        };
        let [key] = pk.columns.as_slice() else {
            return;
        };
        if table.is_foreign_key_column(*key) {
            return;
        }
        // A link is made of NOT NULL foreign-key columns: a nullable one is an optional
        // attribute, and a unique key over it would not stop duplicates where it is NULL.
        let not_null = |c: ColumnId| table.column(c).is_some_and(|c| !c.nullable);
        let linked = table
            .foreign_keys
            .iter()
            .flat_map(|fk| fk.columns.iter().copied())
            .filter(|c| not_null(*c));
        if linked.clone().nth(1).is_none() {
            return;
        }
        let mut links: Vec<ColumnId> = Vec::new();
        for c in linked {
            if !links.contains(&c) {
                links.push(c);
            }
        }
        if links.len() < 2 {
            return;
        }
        let others: Vec<&Column> = table
            .columns
            .iter()
            .filter(|c| c.id != *key && !table.is_foreign_key_column(c.id))
            .collect();
        if others.len() > ctx.option_number(&META, "maxOtherColumns")
            || !others.iter().all(|c| bookkeeping(ctx, c))
            || (!others.is_empty() && !named_after_a_parent(ctx, table))
        {
            return;
        }
        if unique_over_links(table, &links) {
            return;
        }
        let names: Vec<&str> = links
            .iter()
            .filter_map(|c| table.column(*c).map(|c| c.name.as_str()))
            .collect();
        let list = names.join(", ");
        let what = if names.len() == 2 {
            "pair"
        } else {
            "combination"
        };
        let message = format!(
            "{} links rows by ({list}) but nothing makes that {what} unique: the same link can \
             be stored twice",
            ctx.table_label(table)
        );
        let unique = UniqueConstraint {
            id: ConstraintId(0),
            name: None,
            columns: links,
        };
        out.report(Subject::Table(table.id), message)
            .with_fix(Fix::batch(
                format!("Add UNIQUE ({list})"),
                vec![Edit::Table {
                    table: table.id,
                    change: TableChange::AddConstraint(Constraint::Unique(unique)),
                }],
            ));
    }
}

/// Columns a link may carry besides its keys: timestamps, flags, a sort order.
fn bookkeeping(ctx: &Context, column: &Column) -> bool {
    match family(ctx.doc, &column.data_type) {
        TypeFamily::Timestamp | TypeFamily::Date | TypeFamily::Time | TypeFamily::Boolean => true,
        TypeFamily::Integer => {
            let name = column.name.to_lowercase();
            [
                "sort", "position", "ordinal", "seq", "rank", "priority", "order", "weight",
            ]
            .iter()
            .any(|word| name.contains(word))
        }
        _ => false,
    }
}

/// Whether the table's name contains the name of a table it references (`product_tag`),
/// which tells a link table from an entity that merely has a timestamp (`inventory`).
fn named_after_a_parent(ctx: &Context, table: &Table) -> bool {
    let own = table.name.name.to_lowercase();
    table.foreign_keys.iter().any(|fk| {
        ctx.doc
            .referenced_table(fk)
            .is_some_and(|t| own.contains(&canonical(&t.name.name)))
    })
}

/// Whether a unique constraint or unique index (partial ones count: they show intent) is made
/// of foreign-key columns only, or covers two of them.
fn unique_over_links(table: &Table, links: &[ColumnId]) -> bool {
    let judge = |columns: &mut dyn Iterator<Item = Option<ColumnId>>| {
        let (mut linked, mut other) = (0, 0);
        for c in columns {
            match c {
                Some(c) if links.contains(&c) => linked += 1,
                _ => other += 1,
            }
        }
        linked >= 2 || (linked >= 1 && other == 0)
    };
    table
        .uniques
        .iter()
        .any(|u| judge(&mut u.columns.iter().map(|c| Some(*c))))
        || table.indexes.iter().filter(|i| i.unique).any(|i| {
            judge(&mut i.parts.iter().map(|p| match p.key {
                IndexKey::Column(c) => Some(c),
                IndexKey::Expression(_) => None,
            }))
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "junction-table-missing-unique";

    const BASE: &str = "CREATE TABLE product (id bigint PRIMARY KEY);
                        CREATE TABLE tag (id bigint PRIMARY KEY);";

    #[test]
    fn fires_on_a_junction_with_surrogate_key_and_adds_unique() {
        let doc = pg(&format!(
            "{BASE} CREATE TABLE product_tag (id bigserial PRIMARY KEY,
               product_id bigint NOT NULL REFERENCES product(id),
               tag_id bigint NOT NULL REFERENCES tag(id), created_at timestamptz);"
        ));
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].message,
            "product_tag links rows by (product_id, tag_id) but nothing makes that pair unique: \
             the same link can be stored twice"
        );
        let fixed = fix_silences(&doc, RULE);
        let junction = fixed
            .tables
            .values()
            .find(|t| t.name.name == "product_tag")
            .unwrap();
        assert_eq!(junction.uniques[0].columns.len(), 2);
    }

    #[test]
    fn silent_with_unique_composite_key_or_an_entity_table() {
        silent(
            &pg(&format!(
                "{BASE} CREATE TABLE product_tag (id bigserial PRIMARY KEY,
                   product_id bigint REFERENCES product(id), tag_id bigint REFERENCES tag(id),
                   UNIQUE (tag_id, product_id));"
            )),
            RULE,
        );
        silent(
            &pg(&format!(
                "{BASE} CREATE TABLE product_tag (product_id bigint REFERENCES product(id),
                   tag_id bigint REFERENCES tag(id), PRIMARY KEY (product_id, tag_id));"
            )),
            RULE,
        );
        silent(
            &pg(&format!(
                "{BASE} CREATE TABLE review (id bigserial PRIMARY KEY,
                   product_id bigint REFERENCES product(id), tag_id bigint REFERENCES tag(id),
                   title text, body text, stars int, created_at timestamptz);"
            )),
            RULE,
        );
        silent(
            &pg(
                "CREATE TABLE film (id int PRIMARY KEY); CREATE TABLE store (id int PRIMARY KEY);
                 CREATE TABLE inventory (id serial PRIMARY KEY, film_id int REFERENCES film(id),
                   store_id int REFERENCES store(id), last_update timestamptz);",
            ),
            RULE,
        );
    }

    #[test]
    fn the_link_is_made_of_not_null_foreign_keys_only() {
        let doc = pg(
            "CREATE TABLE report (id bigint PRIMARY KEY); CREATE TABLE usrgrp (id bigint PRIMARY KEY);
             CREATE TABLE users (id bigint PRIMARY KEY);
             CREATE TABLE report_usrgrp (id bigint PRIMARY KEY,
               reportid bigint NOT NULL REFERENCES report(id),
               usrgrpid bigint NOT NULL REFERENCES usrgrp(id),
               access_userid bigint REFERENCES users(id));",
        );
        let found = fires(&doc, RULE);
        assert_eq!(
            found[0].fix.as_ref().unwrap().label,
            "Add UNIQUE (reportid, usrgrpid)"
        );
        fix_silences(&doc, RULE);
        // One NOT NULL foreign key is no link.
        silent(
            &pg(&format!(
                "{BASE} CREATE TABLE product_tag (id bigserial PRIMARY KEY,
                   product_id bigint NOT NULL REFERENCES product(id),
                   tag_id bigint REFERENCES tag(id));"
            )),
            RULE,
        );
    }
}

//! `polymorphic-association`: an `<x>_id` column whose target table is named by `<x>_type`.

use crate::model::Table;
use crate::rules::{Category, Context, Findings, Rule, RuleMeta, Scope, Severity, Subject};

use super::names::{canonical, names_a_table};

static META: RuleMeta = RuleMeta {
    id: "polymorphic-association",
    category: Category::Relationships,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Table,
    summary: "An <x>_id column without foreign key sits beside an <x>_type column naming its \
              table.",
    help: "A pair like commentable_type + commentable_id stores a reference whose target table \
           varies by row. No foreign key can express that, so orphans and wrong types go \
           unnoticed and every join needs a CASE. Use one nullable foreign key per possible \
           parent with a CHECK that exactly one is set (exclusive arcs), or give the parents a \
           common supertable the id can reference. Not reported when <x>_id is the table's own \
           key or unique, when <x> is the name of a table (then <x>_type describes that row) \
           or of the table itself, or when the type is a MIME type (media_type, content_type).",
    options: &[],
};

const TYPE_SUFFIXES: [&str; 4] = ["_type", "_kind", "_table", "_class"];

/// Prefixes whose `_type` is a MIME type rather than a table name.
const MIME: [&str; 4] = ["media", "content", "mime", "file"];

/// The rule.
pub struct PolymorphicAssociation;

impl Rule for PolymorphicAssociation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        for discriminator in &table.columns {
            let name = discriminator.name.as_str();
            let Some(prefix) = TYPE_SUFFIXES.iter().find_map(|suffix| {
                let cut = name.len().checked_sub(suffix.len())?;
                let (head, tail) = name.split_at_checked(cut)?;
                (tail.eq_ignore_ascii_case(suffix) && !head.is_empty()).then_some(head)
            }) else {
                continue;
            };
            if table.is_foreign_key_column(discriminator.id) {
                continue;
            }
            let id = table.columns.iter().find(|c| {
                c.name.len() == prefix.len() + 3
                    && c.name[..prefix.len()].eq_ignore_ascii_case(prefix)
                    && c.name[prefix.len()..].eq_ignore_ascii_case("_id")
            });
            // Not a reference: a key of its own table (`media_id` beside a MIME `media_type`),
            // or a reference to the table `<x>` names (the type describes that row).
            let Some(id) = id.filter(|c| {
                !table.is_foreign_key_column(c.id)
                    && !table.is_primary_key_column(c.id)
                    && !table.is_unique_column(c.id)
            }) else {
                continue;
            };
            let own_kind = canonical(prefix) == canonical(&table.name.name);
            if own_kind || MIME.iter().any(|m| prefix.eq_ignore_ascii_case(m)) {
                continue;
            }
            if names_a_table(ctx, prefix, table.id) {
                continue;
            }
            out.report(
                Subject::Column(table.id, id.id),
                format!(
                    "{} is a polymorphic reference: {} says which table it points to, so no \
                     foreign key protects it",
                    ctx.column_label(table, id),
                    discriminator.name
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = "polymorphic-association";

    #[test]
    fn fires_on_a_type_and_id_pair() {
        let doc = pg(
            "CREATE TABLE comment (id bigint PRIMARY KEY, commentable_type text,
                      commentable_id bigint, body text);",
        );
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "comment.commentable_id is a polymorphic reference: commentable_type says which \
             table it points to, so no foreign key protects it"
        );
    }

    #[test]
    fn silent_when_the_id_has_a_foreign_key_or_the_type_is_a_lookup() {
        silent(
            &pg("CREATE TABLE address (id bigint PRIMARY KEY);
                 CREATE TABLE contact (id bigint PRIMARY KEY, address_type text,
                   address_id bigint REFERENCES address(id));"),
            RULE,
        );
        silent(
            &pg("CREATE TABLE item_type (code text PRIMARY KEY);
                 CREATE TABLE line (item_type text REFERENCES item_type(code), item_id bigint);"),
            RULE,
        );
        silent(
            &pg("CREATE TABLE t (id bigint PRIMARY KEY, record_type text, amount int);"),
            RULE,
        );
        silent(
            &pg(
                "CREATE TABLE media (media_id text PRIMARY KEY, media_type text);
                 CREATE TABLE rooms (id text PRIMARY KEY);
                 CREATE TABLE room_state (id int PRIMARY KEY, room_id text, room_type text);",
            ),
            RULE,
        );
    }
}

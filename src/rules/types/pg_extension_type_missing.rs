//! `pg-extension-type-missing`: a PostgreSQL column uses a type from an extension the model
//! does not create.

use crate::model::{Dialect, Document, Edit, Object, Passthrough, PassthroughId, Table, TypeKind};
use crate::rules::types::edits::base_word;
use crate::rules::{Category, Context, Findings, Fix, Rule, RuleMeta, Scope, Severity, Subject};

static META: RuleMeta = RuleMeta {
    id: "pg-extension-type-missing",
    category: Category::Dialect,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Table,
    summary: "A column's type comes from a PostgreSQL extension that is not created.",
    help: "Types such as geometry (postgis), citext, hstore, ltree and vector (pgvector) exist \
           only after CREATE EXTENSION; without it the CREATE TABLE fails. Add the extension \
           to the model so the exported script creates it before the tables.",
    options: &[],
};

/// Extension types and the extension that provides them.
const EXTENSION_TYPES: &[(&str, &str)] = &[
    ("geometry", "postgis"),
    ("geography", "postgis"),
    ("box2d", "postgis"),
    ("box3d", "postgis"),
    ("raster", "postgis_raster"),
    ("citext", "citext"),
    ("hstore", "hstore"),
    ("ltree", "ltree"),
    ("lquery", "ltree"),
    ("ltxtquery", "ltree"),
    ("vector", "vector"),
    ("halfvec", "vector"),
    ("sparsevec", "vector"),
    ("cube", "cube"),
    ("earth", "earthdistance"),
    ("isbn", "isn"),
    ("isbn13", "isn"),
    ("issn", "isn"),
    ("issn13", "isn"),
    ("ismn", "isn"),
    ("ean13", "isn"),
    ("upc", "isn"),
    ("seg", "seg"),
];

/// The rule.
pub struct PgExtensionTypeMissing;

impl Rule for PgExtensionTypeMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_table(&self, ctx: &Context, table: &Table, out: &mut Findings) {
        if ctx.dialect != Dialect::Postgres {
            return;
        }
        let mut created: Option<Vec<String>> = None;
        for column in &table.columns {
            let TypeKind::Other(text) =
                &crate::rules::util::resolved(ctx.doc, &column.data_type).kind
            else {
                continue;
            };
            let Some(extension) = extension_of(text) else {
                continue;
            };
            let created = created.get_or_insert_with(|| created_extensions(ctx.doc));
            if created.iter().any(|e| e == extension) {
                continue;
            }
            let sql = format!("CREATE EXTENSION IF NOT EXISTS {extension}");
            out.report(
                Subject::Column(table.id, column.id),
                format!(
                    "{} has type {text} from the {extension} extension, which the model does not create",
                    ctx.column_label(table, column)
                ),
            )
            .with_fix(Fix::batch(
                format!("Add CREATE EXTENSION {extension}"),
                vec![Edit::AddObject(Object::Passthrough(Passthrough {
                    id: PassthroughId(0),
                    dialect: Dialect::Postgres,
                    sql,
                    source: None,
                }))],
            ));
        }
    }
}

/// The extension a type name belongs to, if it is a known extension type.
fn extension_of(text: &str) -> Option<&'static str> {
    let head = text.split(['(', ' ', '[']).next().unwrap_or("");
    let base = base_word(head);
    EXTENSION_TYPES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(base))
        .map(|(_, extension)| *extension)
}

/// Names of the extensions created by verbatim `CREATE EXTENSION` statements, lower-case.
fn created_extensions(doc: &Document) -> Vec<String> {
    doc.passthrough
        .values()
        .filter_map(|p| {
            let lower = p.sql.to_ascii_lowercase();
            let mut words = lower.split_whitespace();
            if words.next() != Some("create") || words.next() != Some("extension") {
                return None;
            }
            let mut name = words.next()?;
            if name == "if" {
                words.next();
                words.next();
                name = words.next()?;
            }
            Some(name.trim_matches(['"', ';']).to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::extension_of;
    use crate::model::Dialect;
    use crate::rules::testing::*;

    const RULE: &str = "pg-extension-type-missing";

    #[test]
    fn knows_extension_types() {
        assert_eq!(
            extension_of("public.geometry(Point, 4326)"),
            Some("postgis")
        );
        assert_eq!(extension_of("CITEXT"), Some("citext"));
        assert_eq!(extension_of("vector(1536)"), Some("vector"));
        assert_eq!(extension_of("tsvector"), None);
    }

    #[test]
    fn fires_without_the_extension_and_adds_it() {
        let doc = pg("CREATE TABLE place (id int PRIMARY KEY, email citext, \
                      shape geometry(Polygon, 4326), at geography);");
        let found = fires(&doc, RULE);
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0].message,
            "place.email has type citext from the citext extension, which the model does not create"
        );
        let fixed = fix_silences(&doc, RULE);
        assert_eq!(fixed.passthrough.len(), 2);
    }

    #[test]
    fn silent_with_the_extension_or_for_other_targets() {
        silent(
            &pg(
                "CREATE EXTENSION IF NOT EXISTS \"citext\" WITH SCHEMA public;
                 CREATE EXTENSION postgis;
                 CREATE TABLE t (email citext, g geometry);",
            ),
            RULE,
        );
        silent(&model("CREATE TABLE t (g GEOMETRY);", Dialect::Mysql), RULE);
    }
}

use std::collections::BTreeSet;

use super::*;

fn cx(from: Dialect, to: Dialect, schemas: &BTreeSet<String>) -> ExprContext<'_> {
    ExprContext {
        from,
        to,
        schemas,
        prefix_schemas: matches!(to, Dialect::Mysql | Dialect::Sqlite),
    }
}

fn pg_to(to: Dialect, text: &str) -> Result<String, String> {
    let schemas = BTreeSet::from(["sales".to_owned()]);
    translate(text, &cx(Dialect::Postgres, to, &schemas))
}

#[test]
fn same_dialect_is_verbatim() {
    let schemas = BTreeSet::new();
    let text = "((status)::text = ANY ((ARRAY['a'::character varying])::text[]))";
    assert_eq!(
        translate(text, &cx(Dialect::Postgres, Dialect::Postgres, &schemas)).unwrap(),
        text
    );
}

#[test]
fn pg_dump_in_lists_become_in() {
    let text = "((status)::text = ANY ((ARRAY['new'::character varying, 'done'::character varying])::text[]))";
    assert_eq!(
        pg_to(Dialect::Mysql, text).unwrap(),
        "((status) IN ('new', 'done'))"
    );
    assert_eq!(
        pg_to(Dialect::Sqlite, "kind <> ALL (ARRAY['x'::text])").unwrap(),
        "kind NOT IN ('x')"
    );
}

#[test]
fn casts_are_dropped_and_names_requoted() {
    assert_eq!(
        pg_to(Dialect::Mysql, "(\"Order\" >= (0)::numeric)").unwrap(),
        "(`Order` >= (0))"
    );
    assert_eq!(
        pg_to(Dialect::Mssql, "'2000-01-01'::timestamp without time zone").unwrap(),
        "'2000-01-01'"
    );
    assert_eq!(
        pg_to(Dialect::Mssql, "(price > 0.0::double precision)").unwrap(),
        "(price > 0.0)"
    );
}

#[test]
fn functions_map_or_fail() {
    assert_eq!(pg_to(Dialect::Mysql, "now()").unwrap(), "CURRENT_TIMESTAMP");
    assert_eq!(
        pg_to(Dialect::Mssql, "length(name) > 0").unwrap(),
        "len(name) > 0"
    );
    assert_eq!(
        pg_to(Dialect::Mssql, "gen_random_uuid()").unwrap(),
        "newid()"
    );
    assert!(pg_to(Dialect::Sqlite, "gen_random_uuid()").is_err());
    assert!(pg_to(Dialect::Mysql, "to_tsvector('english', body)").is_err());
    assert!(pg_to(Dialect::Mysql, "name ~ '^[a-z]+$'").is_err());
    assert!(pg_to(Dialect::Mysql, "a || b").is_err());
    assert_eq!(pg_to(Dialect::Mssql, "a || b").unwrap(), "a + b");
}

#[test]
fn booleans_and_literals_follow_the_target() {
    assert_eq!(pg_to(Dialect::Mssql, "true").unwrap(), "1");
    assert_eq!(pg_to(Dialect::Sqlite, "false").unwrap(), "FALSE");
    assert_eq!(pg_to(Dialect::Mysql, "'a\\b'").unwrap(), "'a\\\\b'");
    assert!(pg_to(Dialect::Mysql, "E'a\\nb'").is_err());
}

#[test]
fn schemas_become_prefixes_or_disappear() {
    assert_eq!(
        pg_to(
            Dialect::Mysql,
            "SELECT id FROM sales.orders o JOIN public.customer c ON c.id = o.customer_id"
        )
        .unwrap(),
        "SELECT id FROM sales_orders o JOIN customer c ON c.id = o.customer_id"
    );
}

#[test]
fn other_sources() {
    let schemas = BTreeSet::new();
    let mssql = cx(Dialect::Mssql, Dialect::Postgres, &schemas);
    assert_eq!(
        translate("(getdate())", &mssql).unwrap(),
        "(CURRENT_TIMESTAMP)"
    );
    assert_eq!(translate("[Qty]>(0)", &mssql).unwrap(), "\"Qty\">(0)");
    assert_eq!(translate("(N'x')", &mssql).unwrap(), "('x')");
    let mysql = cx(Dialect::Mysql, Dialect::Postgres, &schemas);
    assert_eq!(translate("_utf8mb4'abc'", &mysql).unwrap(), "'abc'");
    assert_eq!(translate("\"abc\"", &mysql).unwrap(), "'abc'");
}

#[test]
fn now_literals_keep_their_meaning() {
    assert_eq!(
        pg_to(Dialect::Mysql, "('now'::text)::date").unwrap(),
        "(CURRENT_DATE)"
    );
    assert_eq!(pg_to(Dialect::Sqlite, "'now'").unwrap(), "'now'");
}

#[test]
fn qualified_functions_and_keyword_columns() {
    assert!(pg_to(Dialect::Sqlite, "public.array_initials(words)").is_err());
    assert_eq!(
        pg_to(Dialect::Sqlite, "public.lower(name)").unwrap(),
        "lower(name)"
    );
    assert_eq!(
        pg_to(Dialect::Sqlite, "SELECT st.Group FROM t st").unwrap(),
        "SELECT st.\"group\" FROM t st"
    );
}

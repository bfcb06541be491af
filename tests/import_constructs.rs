//! The importer on small files of our own, one construct at a time, so a fresh clone proves
//! it without the corpus.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use schemata::model::*;
use schemata::sql::{Imported, Severity, import_sql};

fn import(sql: &str, dialect: Dialect) -> Imported {
    import_sql(sql, "test.sql", Some(dialect))
}

fn table<'a>(imported: &'a Imported, name: &str) -> &'a Table {
    imported
        .doc
        .table_named(&QualifiedName::parse(name))
        .unwrap_or_else(|| {
            panic!(
                "table {name} missing; diagnostics: {:?}",
                imported.diagnostics
            )
        })
}

fn column<'a>(table: &'a Table, name: &str) -> &'a Column {
    table
        .column_named(name)
        .unwrap_or_else(|| panic!("column {name} missing"))
}

fn names(table: &Table, ids: &[ColumnId]) -> Vec<String> {
    ids.iter()
        .map(|id| table.column(*id).unwrap().name.clone())
        .collect()
}

#[test]
fn create_table_with_every_column_and_table_constraint_form() {
    let imported = import(
        "CREATE TABLE parent (id bigint PRIMARY KEY, code text UNIQUE);
         CREATE TABLE child (
           id integer GENERATED ALWAYS AS IDENTITY,
           parent_id bigint NOT NULL REFERENCES parent (id) ON DELETE CASCADE,
           code text CONSTRAINT code_ok CHECK (code <> ''),
           amount numeric(10,2) DEFAULT 0 NOT NULL,
           total numeric GENERATED ALWAYS AS (amount * 2) STORED,
           name varchar(40) COLLATE \"C\",
           CONSTRAINT child_pk PRIMARY KEY (id),
           CONSTRAINT child_code_key UNIQUE (parent_id, code),
           CONSTRAINT child_parent_code_fk FOREIGN KEY (parent_id, code) REFERENCES parent (id, code) DEFERRABLE INITIALLY DEFERRED,
           CHECK (amount >= 0)
         );",
        Dialect::Postgres,
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    let child = table(&imported, "child");
    let pk = child.primary_key.as_ref().unwrap();
    assert_eq!(
        (pk.name.as_deref(), names(child, &pk.columns)),
        (Some("child_pk"), vec!["id".to_owned()])
    );
    assert_eq!(
        column(child, "id").identity.map(|i| i.kind),
        Some(IdentityKind::Always)
    );
    assert!(!column(child, "parent_id").nullable);
    assert_eq!(column(child, "amount").default.as_deref(), Some("0"));
    assert_eq!(
        column(child, "amount").data_type.kind,
        TypeKind::Decimal {
            precision: Some(10),
            scale: Some(2)
        }
    );
    assert_eq!(
        column(child, "total").generated.as_ref().map(|g| g.stored),
        Some(true)
    );
    assert_eq!(column(child, "name").collation.as_deref(), Some("\"C\""));
    assert_eq!(child.foreign_keys.len(), 2);
    let inline = &child.foreign_keys[0];
    assert_eq!(inline.on_delete, ReferentialAction::Cascade);
    assert_eq!(
        imported.doc.referenced_table(inline).unwrap().name.name,
        "parent"
    );
    let composite = &child.foreign_keys[1];
    assert_eq!(composite.deferrable, Deferrable::InitiallyDeferred);
    assert_eq!(composite.referenced_columns.len(), 2);
    assert!(
        composite
            .referenced_columns
            .iter()
            .all(|c| matches!(c, ColumnRef::Resolved(_)))
    );
    assert_eq!(child.uniques.len(), 1);
    assert_eq!(child.checks.len(), 2);
    assert_eq!(child.checks[0].name.as_deref(), Some("code_ok"));
    let parent = table(&imported, "parent");
    assert_eq!(parent.uniques.len(), 1);
    assert!(
        !column(parent, "id").nullable,
        "primary key columns are NOT NULL"
    );
}

#[test]
fn alter_table_adds_constraints_columns_defaults_and_not_null() {
    let imported = import(
        "CREATE TABLE public.a (id integer NOT NULL, b_id integer, note text);
         CREATE TABLE public.b (id integer NOT NULL);
         ALTER TABLE ONLY public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id);
         ALTER TABLE ONLY public.b ADD CONSTRAINT b_pkey PRIMARY KEY (id);
         ALTER TABLE ONLY public.a ADD CONSTRAINT a_b_fkey FOREIGN KEY (b_id) REFERENCES public.b(id);
         ALTER TABLE public.a ADD COLUMN created timestamp with time zone;
         ALTER TABLE ONLY public.a ALTER COLUMN note SET DEFAULT 'n/a'::text;
         ALTER TABLE public.a ALTER COLUMN created SET NOT NULL;
         ALTER TABLE public.a OWNER TO postgres;",
        Dialect::Postgres,
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    let a = table(&imported, "a");
    assert_eq!(
        a.primary_key.as_ref().unwrap().name.as_deref(),
        Some("a_pkey")
    );
    assert_eq!(a.foreign_keys[0].name.as_deref(), Some("a_b_fkey"));
    assert_eq!(column(a, "note").default.as_deref(), Some("'n/a'::TEXT"));
    let created = column(a, "created");
    assert!(!created.nullable);
    assert_eq!(
        created.data_type.kind,
        TypeKind::Timestamp {
            precision: None,
            with_time_zone: true
        }
    );
}

#[test]
fn serial_identity_and_owned_sequences() {
    let imported = import(
        "CREATE TABLE t (id serial PRIMARY KEY, n bigint);
         CREATE SEQUENCE public.u_id_seq AS integer START WITH 10 INCREMENT BY 5 NO MINVALUE NO MAXVALUE CACHE 1;
         CREATE TABLE u (id integer NOT NULL);
         ALTER SEQUENCE public.u_id_seq OWNED BY public.u.id;
         ALTER TABLE ONLY public.u ALTER COLUMN id SET DEFAULT nextval('public.u_id_seq'::regclass);
         CREATE TABLE v (id integer NOT NULL);
         ALTER TABLE public.v ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME public.v_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1);",
        Dialect::Postgres,
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    assert_eq!(
        column(table(&imported, "t"), "id").identity.map(|i| i.kind),
        Some(IdentityKind::Serial)
    );
    let sequence = imported.doc.sequences.values().next().unwrap();
    assert_eq!((sequence.start, sequence.increment), (Some(10), Some(5)));
    assert_eq!(
        sequence.owned_by,
        Some((QualifiedName::new("u"), "id".to_owned()))
    );
    assert_eq!(
        column(table(&imported, "u"), "id").identity.map(|i| i.kind),
        Some(IdentityKind::Serial)
    );
    assert_eq!(
        column(table(&imported, "v"), "id").identity.map(|i| i.kind),
        Some(IdentityKind::ByDefault)
    );
}

#[test]
fn indexes_partial_expression_method_include_and_concurrently() {
    let imported = import(
        "CREATE TABLE t (id int PRIMARY KEY, email text, active boolean, payload jsonb, extra int);
         CREATE UNIQUE INDEX t_email ON t (lower(email)) WHERE active;
         CREATE INDEX CONCURRENTLY t_payload ON t USING gin (payload);
         CREATE INDEX t_cover ON ONLY public.t USING btree (id DESC) INCLUDE (extra);",
        Dialect::Postgres,
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    let t = table(&imported, "t");
    let email = &t.indexes[0];
    assert!(email.unique);
    assert_eq!(email.predicate.as_deref(), Some("active"));
    assert_eq!(
        email.parts[0].key,
        IndexKey::Expression("lower(email)".into())
    );
    assert_eq!(t.indexes[1].method.as_deref(), Some("gin"));
    let cover = &t.indexes[2];
    assert_eq!(cover.parts[0].order, SortOrder::Desc);
    assert_eq!(names(t, &cover.include), vec!["extra".to_owned()]);
}

#[test]
fn comments_enums_domains_schemas_and_views() {
    let imported = import(
        "CREATE SCHEMA sales;
         CREATE TYPE sales.status AS ENUM ('new', 'paid');
         CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
         CREATE TABLE sales.orders (id int PRIMARY KEY, status sales.status, qty positive_int);
         COMMENT ON TABLE sales.orders IS 'Orders placed';
         COMMENT ON COLUMN sales.orders.qty IS 'How many';
         CREATE VIEW sales.open_orders AS SELECT o.id FROM sales.orders o WHERE o.status = 'new';
         CREATE MATERIALIZED VIEW order_count AS SELECT count(*) FROM sales.orders WITH NO DATA;",
        Dialect::Postgres,
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    assert_eq!(
        imported.doc.namespaces.values().next().unwrap().name,
        "sales"
    );
    let orders = table(&imported, "sales.orders");
    assert_eq!(orders.comment.as_deref(), Some("Orders placed"));
    assert_eq!(column(orders, "qty").comment.as_deref(), Some("How many"));
    assert!(matches!(
        column(orders, "status").data_type.kind,
        TypeKind::Enum(TypeRef::Resolved(_))
    ));
    assert!(matches!(
        column(orders, "qty").data_type.kind,
        TypeKind::Domain(TypeRef::Resolved(_))
    ));
    let domain = imported.doc.domains.values().next().unwrap();
    assert_eq!(domain.checks, vec!["VALUE > 0".to_owned()]);
    let views: Vec<&View> = imported.doc.views.values().collect();
    assert_eq!(views.len(), 2);
    assert_eq!(
        views[0].depends_on,
        vec![QualifiedName::qualified("sales", "orders")]
    );
    assert!(views[1].materialized);
}

#[test]
fn partitions_and_inheritance_take_the_parent_columns_and_keys() {
    let imported = import(
        "CREATE TABLE m (id int NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
         CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
         CREATE TABLE m_2025 (id int NOT NULL, at date NOT NULL);
         ALTER TABLE ONLY m ATTACH PARTITION m_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
         CREATE TABLE base (id int, note text);
         CREATE TABLE derived (extra int) INHERITS (base);",
        Dialect::Postgres,
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    assert_eq!(
        table(&imported, "m")
            .options
            .0
            .get("partition_by")
            .map(String::as_str),
        Some("RANGE(at)")
    );
    for name in ["m_2024", "m_2025"] {
        let partition = table(&imported, name);
        assert_eq!(
            partition.options.0.get("partition_of").map(String::as_str),
            Some("m")
        );
        assert_eq!(
            names(partition, &partition.primary_key.as_ref().unwrap().columns),
            vec!["id", "at"]
        );
    }
    let derived = table(&imported, "derived");
    let columns: Vec<&str> = derived.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(columns, vec!["id", "note", "extra"]);
}

#[test]
fn mysql_keys_engine_charset_comments_enums_and_unsigned() {
    let imported = import(
        "/*!40101 SET NAMES utf8mb4 */;
         DROP TABLE IF EXISTS `post`;
         CREATE TABLE `post` (
           `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
           `title` varchar(200) BINARY NOT NULL COMMENT 'Headline',
           `state` enum('draft','live') NOT NULL DEFAULT 'draft',
           `tags` set('a','b') DEFAULT NULL,
           `body` mediumtext COLLATE utf8mb4_bin,
           PRIMARY KEY (`id`),
           UNIQUE KEY `title_uq` (`title`(100)),
           KEY `state_idx` (`state`),
           FULLTEXT KEY `body_ft` (`body`)
         ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Blog posts';
         LOCK TABLES `post` WRITE;
         /*!40000 ALTER TABLE `post` DISABLE KEYS */;
         INSERT INTO `post` VALUES (1,'x','draft',NULL,'y');
         /*!40000 ALTER TABLE `post` ENABLE KEYS */;
         UNLOCK TABLES;",
        Dialect::Mysql,
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    assert_eq!(imported.stats.data, 1);
    let post = table(&imported, "post");
    let id = column(post, "id");
    assert_eq!(
        id.identity.map(|i| i.kind),
        Some(IdentityKind::AutoIncrement)
    );
    assert_eq!(id.data_type.original.as_deref(), Some("INT(10) UNSIGNED"));
    assert_eq!(column(post, "title").comment.as_deref(), Some("Headline"));
    assert!(
        matches!(&column(post, "state").data_type.kind, TypeKind::Other(t) if t.starts_with("ENUM("))
    );
    assert_eq!(post.uniques.len(), 1);
    assert_eq!(names(post, &post.uniques[0].columns), vec!["title"]);
    assert_eq!(post.indexes.len(), 2);
    assert_eq!(post.indexes[1].method.as_deref(), Some("FULLTEXT"));
    assert_eq!(
        post.options.0.get("engine").map(String::as_str),
        Some("InnoDB")
    );
    assert_eq!(post.comment.as_deref(), Some("Blog posts"));
}

#[test]
fn sqlite_autoincrement_without_rowid_and_strict() {
    let imported = import(
        "PRAGMA foreign_keys=OFF;
         BEGIN TRANSACTION;
         CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
         CREATE TABLE b (k TEXT PRIMARY KEY, a_id INTEGER REFERENCES a) WITHOUT ROWID;
         CREATE TABLE c (x INTEGER) STRICT;
         INSERT INTO a VALUES (1, 'x');
         DELETE FROM sqlite_sequence;
         COMMIT;",
        Dialect::Sqlite,
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
    assert_eq!(
        column(table(&imported, "a"), "id").identity.map(|i| i.kind),
        Some(IdentityKind::AutoIncrement)
    );
    let b = table(&imported, "b");
    assert_eq!(
        b.options.0.get("without_rowid").map(String::as_str),
        Some("true")
    );
    assert_eq!(
        b.foreign_keys[0].referenced_columns.len(),
        1,
        "REFERENCES a means a's primary key"
    );
    assert_eq!(
        table(&imported, "c")
            .options
            .0
            .get("strict")
            .map(String::as_str),
        Some("true")
    );
}

#[test]
fn unknown_statements_become_diagnostics_and_are_kept() {
    let sql = "CREATE TABLE ok (id int);\n\nCREATE TABLE broken (id int,, name text);\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\nCOPY ok (id) FROM stdin;\n1\n2\n\\.\nCREATE TABLE after (id int REFERENCES missing (id));";
    let imported = import(sql, Dialect::Postgres);
    let broken = imported
        .diagnostics
        .iter()
        .find(|d| d.statement.contains("broken"))
        .expect("a diagnostic for the broken table");
    assert_eq!(
        (broken.line, broken.column, broken.severity),
        (3, 1, Severity::Warning)
    );
    assert!(
        broken
            .to_string()
            .starts_with("test.sql:3:1: warning: could not be read"),
        "{broken}"
    );
    let kept: Vec<&str> = imported
        .doc
        .passthrough
        .values()
        .map(|p| p.sql.as_str())
        .collect();
    assert!(kept.iter().any(|s| s.contains("broken")), "{kept:?}");
    assert!(
        kept.iter().any(|s| s.starts_with("CREATE FUNCTION")),
        "{kept:?}"
    );
    assert_eq!(imported.stats.data, 1);
    let after = table(&imported, "after");
    assert_eq!(
        after.foreign_keys[0].referenced_table,
        TableRef::Unresolved(QualifiedName::new("missing"))
    );
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.message.contains("not in the file"))
    );
    table(&imported, "ok");
}

#[test]
fn the_seed_sql_gets_exactly_the_reviewer_s_two_findings() {
    let sql = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/ecommerce.sql"
    ))
    .unwrap();
    let imported = import_sql(&sql, "ecommerce.sql", None);
    assert_eq!(imported.dialect, Dialect::Postgres);
    // Each finding points at the line of its detail, not at the CREATE TABLE.
    let findings: Vec<(Severity, u32, u32, &str)> = imported
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.line, d.column, d.message.as_str()))
        .collect();
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert_eq!(findings[0].0, Severity::Error);
    assert_eq!((findings[0].1, findings[0].2), (24, 5), "{findings:?}");
    assert!(findings[0].3.contains("address_type_enum"), "{findings:?}");
    assert_eq!(findings[1].0, Severity::Note);
    assert_eq!((findings[1].1, findings[1].2), (35, 5), "{findings:?}");
    assert!(
        findings[1].3.contains("partial unique index"),
        "{findings:?}"
    );
    let addresses = table(&imported, "addresses");
    let index = &addresses.indexes[0];
    assert!(index.unique);
    assert_eq!(index.predicate.as_deref(), Some("is_default = true"));
    assert_eq!(imported.doc.tables.len(), 6);
    assert_eq!(imported.doc.foreign_key_count(), 8);
}

#[test]
fn postgres_domains_with_null_constraints() {
    let imported = import(
        "CREATE DOMAIN \"Flag\" boolean NOT NULL;
CREATE DOMAIN \"Name\" varchar(50) NULL;
CREATE DOMAIN code AS text COLLATE \"C\" DEFAULT 'x' CONSTRAINT code_nn NOT NULL CHECK (VALUE <> '');
CREATE DOMAIN note AS text DEFAULT NULL CHECK (VALUE IS NOT NULL OR true);
CREATE TABLE t (id int PRIMARY KEY, name \"Name\", active \"Flag\", c code, n note);",
        Dialect::Postgres,
    );
    assert!(
        imported
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Note),
        "{:?}",
        imported.diagnostics
    );
    assert!(imported.doc.passthrough.is_empty());
    let domain = |name: &str| {
        imported
            .doc
            .domain_named(&QualifiedName::new(name))
            .unwrap_or_else(|| panic!("domain {name} missing"))
    };
    assert!(!domain("Flag").nullable);
    assert_eq!(domain("Flag").base_type.kind, TypeKind::Boolean);
    assert!(domain("Name").nullable);
    assert!(domain("Name").checks.is_empty());
    let code = domain("code");
    assert!(!code.nullable);
    assert_eq!(code.checks, vec!["VALUE <> ''".to_owned()]);
    assert_eq!(code.default.as_deref(), Some("'x'"));
    let note = domain("note");
    assert!(note.nullable);
    assert_eq!(note.checks.len(), 1);
    let t = table(&imported, "t");
    for (name, domain) in [("name", "Name"), ("active", "Flag"), ("c", "code")] {
        let TypeKind::Domain(TypeRef::Resolved(id)) = column(t, name).data_type.kind else {
            panic!("{name} is {:?}", column(t, name).data_type.kind);
        };
        assert_eq!(imported.doc.domains[&id].name.name, domain);
    }
}

#[test]
fn sqlite_primary_keys_accept_null_unless_declared_otherwise() {
    let imported = import(
        "CREATE TABLE a (name TEXT PRIMARY KEY, x int);
CREATE TABLE b (id INTEGER PRIMARY KEY, x int);
CREATE TABLE c (id BIGINT PRIMARY KEY);
CREATE TABLE d (k TEXT NOT NULL PRIMARY KEY);
CREATE TABLE e (k TEXT, j TEXT, PRIMARY KEY (k, j));
CREATE TABLE f (k TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE g (k TEXT PRIMARY KEY) STRICT;
CREATE TABLE h (id INTEGER, PRIMARY KEY (id));",
        Dialect::Sqlite,
    );
    let nullable = |t: &str, c: &str| column(table(&imported, t), c).nullable;
    assert!(nullable("a", "name"));
    assert!(!nullable("b", "id"));
    assert!(nullable("c", "id"));
    assert!(!nullable("d", "k"));
    assert!(nullable("e", "k") && nullable("e", "j"));
    assert!(!nullable("f", "k"));
    assert!(!nullable("g", "k"));
    assert!(!nullable("h", "id"));
    // Other dialects: a primary key column is NOT NULL.
    let postgres = import("CREATE TABLE a (name text PRIMARY KEY);", Dialect::Postgres);
    assert!(!column(table(&postgres, "a"), "name").nullable);
}

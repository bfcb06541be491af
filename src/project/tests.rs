use super::*;
use crate::model::*;

fn sample() -> Document {
    crate::samples::ecommerce().expect("the bundled sample loads")
}

#[test]
fn the_bundled_sample_is_in_canonical_form() {
    let text = to_text(&sample());
    assert_eq!(text, crate::samples::ECOMMERCE_PROJECT);
}

#[test]
fn save_load_save_gives_identical_bytes() {
    let first = to_text(&sample());
    let reloaded = from_text(&first).expect("reload");
    assert_eq!(to_text(&reloaded), first);
}

#[test]
fn each_column_sits_on_one_line() {
    let mut doc = sample();
    let before = to_text(&doc);
    let table = doc
        .table_named(&QualifiedName::new("customers"))
        .expect("customers")
        .clone();
    let mut column = table.column_named("phone").expect("phone").clone();
    column.data_type = DataType::new(TypeKind::Varchar { length: Some(32) });
    apply(
        &mut doc,
        Edit::Table {
            table: table.id,
            change: TableChange::ReplaceColumn(column),
        },
    )
    .expect("edit");
    let after = to_text(&doc);
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("Varchar(32)"));
}

#[test]
fn names_resolve_to_ids_and_unknown_names_stay_unresolved() {
    let text = r#"(
  format_version: 2,
  target: "mysql",
  tables: [
    (name: "orders", position: (0.0, 0.0), columns: [
      (name: "id", type: BigInt, nullable: false),
      (name: "customer_id", type: BigInt),
      (name: "state", type: Enum("order_state")),
    ], primary_key: (columns: ["id"]), foreign_keys: [
      (columns: ["customer_id"], references: ("crm", "customers"), referenced_columns: ["id"]),
    ]),
  ],
)"#;
    let doc = from_text(text).expect("loads");
    assert_eq!(doc.target, Dialect::Mysql);
    let orders = doc
        .table_named(&QualifiedName::new("orders"))
        .expect("orders");
    let fk = &orders.foreign_keys[0];
    assert_eq!(
        fk.referenced_table,
        TableRef::Unresolved(QualifiedName::qualified("crm", "customers"))
    );
    assert_eq!(
        fk.referenced_columns,
        vec![ColumnRef::Unresolved("id".into())]
    );
    let state = orders.column_named("state").expect("state");
    assert_eq!(
        state.data_type.kind,
        TypeKind::Enum(TypeRef::Unresolved(QualifiedName::new("order_state")))
    );
    // Unresolved references survive a round trip unchanged.
    let again = from_text(&to_text(&doc)).expect("reload");
    assert_eq!(to_text(&again), to_text(&doc));
}

#[test]
fn the_sample_holds_the_brief_s_model() {
    let doc = sample();
    let names: Vec<String> = doc.tables.values().map(|t| t.name.to_string()).collect();
    for name in [
        "customers",
        "addresses",
        "categories",
        "products",
        "orders",
        "order_items",
    ] {
        assert!(names.contains(&name.to_owned()), "{name} missing");
    }
    let status = doc
        .enum_named(&QualifiedName::new("order_status"))
        .expect("order_status");
    assert_eq!(status.values.len(), 7);
    let addresses = doc
        .table_named(&QualifiedName::new("addresses"))
        .expect("addresses");
    let index = &addresses.indexes[0];
    assert!(index.unique);
    assert_eq!(index.predicate.as_deref(), Some("is_default"));
    assert_eq!(index.parts.len(), 2);
    let orders = doc
        .table_named(&QualifiedName::new("orders"))
        .expect("orders");
    assert_eq!(orders.foreign_keys.len(), 3);
    assert!(
        orders
            .foreign_keys
            .iter()
            .all(|fk| doc.referenced_table(fk).is_some())
    );
    let categories = doc
        .table_named(&QualifiedName::new("categories"))
        .expect("categories");
    assert_eq!(
        categories.foreign_keys[0].referenced_table,
        TableRef::Resolved(categories.id)
    );
}

#[test]
fn a_newer_format_version_is_refused_with_a_clear_message() {
    let err = from_text("(format_version: 99, target: \"postgres\", tables: [])").unwrap_err();
    assert_eq!(
        err,
        ProjectError::NewerVersion {
            found: 99,
            supported: CURRENT_VERSION
        }
    );
    assert!(err.to_string().contains("update Schemata"));
}

#[test]
fn syntax_errors_give_line_and_column() {
    let text = "(\n  format_version: 2,\n  target: \"postgres\",\n  tables: [\n    (name: \"t\", position: (0.0, 0.0), columns: [(name: \"a\", type: Integer,)]\n  ,\n";
    let err = from_text(text).unwrap_err();
    let ProjectError::Syntax { line, .. } = &err else {
        panic!("expected a syntax error, got {err:?}");
    };
    assert!(*line >= 5, "{err}");
    assert!(err.to_string().starts_with("line "), "{err}");
}

#[test]
fn a_mistyped_field_is_reported_by_name() {
    let text = "(format_version: 2, target: \"postgres\", tables: [(name: \"t\", positon: (0.0, 0.0), columns: [])])";
    let err = from_text(text).unwrap_err().to_string();
    assert!(err.contains("positon"), "{err}");
    assert!(err.contains("line 1"), "{err}");
}

#[test]
fn empty_binary_and_foreign_files_are_not_projects() {
    assert!(matches!(from_text(""), Err(ProjectError::NotAProject(_))));
    assert!(matches!(
        from_text("  \n"),
        Err(ProjectError::NotAProject(_))
    ));
    let binary = "\u{0}\u{1}PNG\u{0}";
    assert!(
        from_text(binary)
            .unwrap_err()
            .to_string()
            .contains("binary")
    );
    assert!(matches!(
        from_text("(name: \"x\")"),
        Err(ProjectError::NotAProject(_))
    ));
    assert!(matches!(
        from_text("CREATE TABLE t (id int);"),
        Err(ProjectError::Syntax { .. })
    ));
}

#[test]
fn a_key_naming_a_missing_column_is_invalid() {
    let text = "(format_version: 2, target: \"postgres\", tables: [(name: \"t\", position: (0.0, 0.0), columns: [(name: \"a\", type: Integer)], primary_key: (columns: [\"b\"]))])";
    let err = from_text(text).unwrap_err().to_string();
    assert!(err.contains("\"b\""), "{err}");
    assert!(err.contains("table t"), "{err}");
}

#[test]
fn a_truncated_file_is_a_syntax_error_not_a_panic() {
    let full = crate::samples::ECOMMERCE_PROJECT;
    for cut in (0..full.len()).step_by(97) {
        let Some(prefix) = full.get(..cut) else {
            continue;
        };
        assert!(from_text(prefix).is_err(), "prefix of {cut} bytes loaded");
    }
}

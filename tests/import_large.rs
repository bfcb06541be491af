//! Big inputs: a 50 MB dump and a 10,000-table schema import completely.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use schemata::model::Dialect;
use schemata::sql::import_sql;

#[test]
fn a_fifty_megabyte_dump_imports() {
    let sql = schemata::samples::generated_dump(200, 50);
    assert!(sql.len() >= 50_000_000, "{} bytes", sql.len());
    let imported = import_sql(&sql, "big.sql", None);
    assert_eq!(imported.dialect, Dialect::Postgres);
    assert_eq!(imported.doc.tables.len(), 200);
    assert_eq!(imported.doc.foreign_key_count(), 199);
    assert_eq!(imported.stats.data, 200);
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        &imported.diagnostics[..imported.diagnostics.len().min(3)]
    );
}

#[test]
fn a_ten_thousand_table_schema_imports() {
    let sql = schemata::samples::generated_schema(10_000);
    let imported = import_sql(&sql, "wide.sql", Some(Dialect::Postgres));
    assert_eq!(imported.doc.tables.len(), 10_000);
    assert_eq!(imported.doc.foreign_key_count(), 10_000);
    assert!(
        imported
            .doc
            .tables
            .values()
            .flat_map(|t| &t.foreign_keys)
            .all(|fk| imported.doc.referenced_table(fk).is_some())
    );
}

//! Input that is broken on purpose: the importer never panics and says what it could not read.
// Test helpers may panic: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use schemata::model::Dialect;
use schemata::sql::import_sql;

const SAMPLE: &str = include_str!("../samples/ecommerce.sql");

#[test]
fn every_truncation_of_a_real_file_imports_without_panic() {
    for cut in (0..SAMPLE.len()).step_by(37) {
        let Some(prefix) = SAMPLE.get(..cut) else {
            continue;
        };
        for dialect in Dialect::ALL {
            let imported = import_sql(prefix, "cut.sql", Some(dialect));
            assert!(imported.doc.tables.len() <= 6);
        }
    }
}

#[test]
fn ten_thousand_nested_parentheses() {
    let deep = format!(
        "CREATE TABLE t (a int CHECK ({}1{}));\nCREATE TABLE ok (id int);",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    for dialect in Dialect::ALL {
        let imported = import_sql(&deep, "deep.sql", Some(dialect));
        assert!(
            imported
                .doc
                .table_named(&schemata::model::QualifiedName::new("ok"))
                .is_some()
        );
        assert!(
            !imported.diagnostics.is_empty(),
            "the deep statement is reported"
        );
    }
}

#[test]
fn an_unterminated_dollar_quote_swallows_the_rest_but_keeps_what_came_before() {
    let sql = "CREATE TABLE before (id int);\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1;\nCREATE TABLE after (id int);";
    let imported = import_sql(sql, "dollar.sql", Some(Dialect::Postgres));
    assert!(
        imported
            .doc
            .table_named(&schemata::model::QualifiedName::new("before"))
            .is_some()
    );
    assert_eq!(
        imported.doc.passthrough.len(),
        1,
        "the unterminated function is kept verbatim"
    );
}

#[test]
fn empty_and_comment_only_files_import_nothing() {
    for text in ["", "   \n\n", "-- nothing here\n/* at all */"] {
        let imported = import_sql(text, "empty.sql", None);
        assert!(imported.doc.tables.is_empty());
        assert!(imported.diagnostics.is_empty());
    }
}

#[test]
fn binary_files_are_refused_by_the_decoder() {
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    png.extend((0..200u8).map(|i| i.wrapping_mul(37)));
    let err = schemata::sql::decode::decode(&png).unwrap_err();
    assert!(err.to_string().contains("binary data"));
}

const SOUP: &[&str] = &[
    "CREATE",
    "TABLE",
    "ALTER",
    "ADD",
    "CONSTRAINT",
    "PRIMARY KEY",
    "FOREIGN KEY",
    "REFERENCES",
    "UNIQUE",
    "INDEX",
    "ON",
    "ONLY",
    "WHERE",
    "CHECK",
    "DEFAULT",
    "NOT NULL",
    "GO\n",
    ";",
    ",",
    "(",
    ")",
    "'",
    "\"",
    "`",
    "[",
    "]",
    "$$",
    "--",
    "/*",
    "*/",
    "/*!40101",
    "\\.\n",
    "\n",
    "COPY t FROM stdin;\n",
    "DELIMITER //\n",
    "int",
    "t",
    "a",
    "AS",
    "VIEW",
    "PARTITION OF",
    "NEXT VALUE FOR",
    "sp_addextendedproperty",
    "WITH (PAD_INDEX = OFF)",
    ":setvar x 1\n",
    "$(x)",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let text = match schemata::sql::decode::decode(&bytes) {
            Ok(decoded) => decoded.text,
            Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
        };
        for dialect in Dialect::ALL {
            let _ = import_sql(&text, "random.sql", Some(dialect));
        }
    }

    #[test]
    fn token_soup_never_panics(picks in proptest::collection::vec(0..SOUP.len(), 0..150)) {
        let text: String = picks.iter().map(|i| SOUP[*i]).collect::<Vec<_>>().join(" ");
        for dialect in Dialect::ALL {
            let _ = import_sql(&text, "soup.sql", Some(dialect));
        }
        let _ = import_sql(&text, "soup.sql", None);
    }
}

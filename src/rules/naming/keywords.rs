//! Which of the words the exporter quotes are really reserved, i.e. cannot be written as a
//! bare table or column name.
//!
//! The exporter errs on the side of quoting; a design rule must not. PostgreSQL accepts its
//! "column name" keywords (`timestamp`, `position`, `boolean`) and unreserved ones (`key`)
//! as names; SQLite accepts every keyword its parser can fall back to an identifier on
//! (`action`, `key`, `no`, the join keywords, `user`). MySQL accepts its non-reserved keywords
//! (`user`, `function`, `offset`, `full`, `end`), and SQL Server words that are not on its
//! reserved list (`limit`, `offset`, `true`, `false`).

use crate::model::Dialect;
use crate::sql::export::is_reserved;

const POSTGRES_NAMES: &[&str] = &[
    "ALTER",
    "BETWEEN",
    "BIGINT",
    "BIT",
    "BOOLEAN",
    "BY",
    "CHAR",
    "CHARACTER",
    "COALESCE",
    "DEC",
    "DECIMAL",
    "DELETE",
    "DROP",
    "EXISTS",
    "EXTRACT",
    "FLOAT",
    "GREATEST",
    "GROUPING",
    "INDEX",
    "INOUT",
    "INSERT",
    "INT",
    "INTEGER",
    "INTERVAL",
    "KEY",
    "LEAST",
    "NATIONAL",
    "NCHAR",
    "NONE",
    "NORMALIZE",
    "NULLIF",
    "NUMERIC",
    "OF",
    "OUT",
    "OVERLAY",
    "POSITION",
    "PRECISION",
    "REAL",
    "ROW",
    "SET",
    "SETOF",
    "SMALLINT",
    "SUBSTRING",
    "TIME",
    "TIMESTAMP",
    "TREAT",
    "TRIM",
    "UPDATE",
    "VALUES",
    "VARCHAR",
    "XMLATTRIBUTES",
    "XMLCONCAT",
    "XMLELEMENT",
    "XMLEXISTS",
    "XMLFOREST",
    "XMLPARSE",
    "XMLPI",
    "XMLROOT",
    "XMLSERIALIZE",
    "XMLTABLE",
];

const SQLITE_NAMES: &[&str] = &[
    "ABORT",
    "ACTION",
    "AFTER",
    "ALWAYS",
    "ANALYZE",
    "ASC",
    "ATTACH",
    "BEFORE",
    "BEGIN",
    "BY",
    "CASCADE",
    "CAST",
    "COLUMN",
    "CONFLICT",
    "CROSS",
    "CURRENT",
    "CURRENT_DATE",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "DATABASE",
    "DEFERRED",
    "DESC",
    "DETACH",
    "DO",
    "EACH",
    "END",
    "EXCLUDE",
    "EXCLUSIVE",
    "EXPLAIN",
    "FAIL",
    "FIRST",
    "FOLLOWING",
    "FOR",
    "FULL",
    "GENERATED",
    "GLOB",
    "GROUPS",
    "IF",
    "IGNORE",
    "IMMEDIATE",
    "INITIALLY",
    "INNER",
    "INSTEAD",
    "KEY",
    "LAST",
    "LEFT",
    "LIKE",
    "MATCH",
    "MATERIALIZED",
    "NATURAL",
    "NO",
    "NULLS",
    "OF",
    "OFFSET",
    "OTHERS",
    "OUTER",
    "PARTITION",
    "PLAN",
    "PRAGMA",
    "PRECEDING",
    "QUERY",
    "RAISE",
    "RANGE",
    "RECURSIVE",
    "REGEXP",
    "REINDEX",
    "RELEASE",
    "RENAME",
    "REPLACE",
    "RESTRICT",
    "RIGHT",
    "ROW",
    "ROWS",
    "SAVEPOINT",
    "TEMP",
    "TEMPORARY",
    "TIES",
    "TRIGGER",
    "UNBOUNDED",
    "USER",
    "VACUUM",
    "VIEW",
    "VIRTUAL",
    "WITH",
    "WITHOUT",
];

/// Keywords MySQL 8 does not reserve, which the exporter quotes anyway.
const MYSQL_NAMES: &[&str] = &["END", "FULL", "FUNCTION", "OFFSET", "USER"];

/// Words other dialects reserve that are not on the T-SQL reserved list.
const MSSQL_NAMES: &[&str] = &["FALSE", "LIMIT", "OFFSET", "TRUE"];

/// Whether `word` cannot be written as a bare name in `dialect`.
pub fn is_reserved_name(word: &str, dialect: Dialect) -> bool {
    // Every reserved word is short and made of letters and underscores.
    if word.len() > 32 || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_') {
        return false;
    }
    if !is_reserved(word, dialect) {
        return false;
    }
    let accepted = match dialect {
        Dialect::Postgres => POSTGRES_NAMES,
        Dialect::Sqlite => SQLITE_NAMES,
        Dialect::Mysql => MYSQL_NAMES,
        Dialect::Mssql => MSSQL_NAMES,
    };
    !accepted.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_keywords_are_not_reserved_names() {
        assert!(is_reserved_name("user", Dialect::Postgres));
        assert!(is_reserved_name("Order", Dialect::Sqlite));
        assert!(!is_reserved_name("timestamp", Dialect::Postgres));
        assert!(!is_reserved_name("key", Dialect::Postgres));
        assert!(is_reserved_name("key", Dialect::Mysql));
        assert!(!is_reserved_name("action", Dialect::Sqlite));
        assert!(!is_reserved_name("customer", Dialect::Mssql));
        for word in ["user", "function", "offset", "full", "end"] {
            assert!(!is_reserved_name(word, Dialect::Mysql), "{word}");
        }
        assert!(is_reserved_name("order", Dialect::Mysql));
        assert!(!is_reserved_name("user", Dialect::Sqlite));
        for word in ["limit", "offset", "true", "false"] {
            assert!(!is_reserved_name(word, Dialect::Mssql), "{word}");
        }
        assert!(is_reserved_name("user", Dialect::Mssql));
    }
}

//! Words each dialect reserves, so that names spelled like them get quoted.
//!
//! The lists follow each engine's documented reserved keywords (PostgreSQL: reserved and
//! "cannot be function or type" words; MySQL 8 / MariaDB 10.11: reserved words; SQLite: all
//! keywords; SQL Server: reserved keywords plus ODBC words). Erring on the side of quoting is
//! harmless, a missing word is a load error, so the lists are generous.

use crate::model::Dialect;

const COMMON: &[&str] = &[
    "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST", "CHECK",
    "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIME",
    "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP",
    "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "FULL",
    "GRANT", "GROUP", "HAVING", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTO", "IS",
    "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "NATURAL", "NOT", "NULL", "OF", "OFFSET", "ON", "OR",
    "ORDER", "OUTER", "PRIMARY", "REFERENCES", "RIGHT", "ROW", "SELECT", "SET", "TABLE", "THEN",
    "TO", "TRUE", "UNION", "UNIQUE", "UPDATE", "USER", "USING", "VALUES", "WHEN", "WHERE",
    "WITH",
];

const POSTGRES: &[&str] = &[
    "ANALYSE", "ANALYZE", "ARRAY", "ASYMMETRIC", "AUTHORIZATION", "BIGINT", "BINARY", "BIT",
    "BOOLEAN", "BOTH", "CHAR", "CHARACTER", "COALESCE", "COLLATION", "CONCURRENTLY",
    "CURRENT_CATALOG", "CURRENT_ROLE", "CURRENT_SCHEMA", "DEC", "DECIMAL", "DEFERRABLE", "DO",
    "EXTRACT", "FLOAT", "FREEZE", "GREATEST", "GROUPING", "ILIKE", "INITIALLY", "INOUT", "INT",
    "INTEGER", "INTERVAL", "ISNULL", "LATERAL", "LEADING", "LEAST", "LOCALTIME",
    "LOCALTIMESTAMP", "NATIONAL", "NCHAR", "NONE", "NORMALIZE", "NOTNULL", "NULLIF", "NUMERIC",
    "ONLY", "OUT", "OVERLAPS", "OVERLAY", "PLACING", "POSITION", "PRECISION", "REAL",
    "RETURNING", "SESSION_USER", "SETOF", "SIMILAR", "SMALLINT", "SOME", "SUBSTRING",
    "SYMMETRIC", "SYSTEM_USER", "TABLESAMPLE", "TIME", "TIMESTAMP", "TRAILING", "TREAT", "TRIM",
    "VARCHAR", "VARIADIC", "VERBOSE", "WINDOW", "XMLATTRIBUTES", "XMLCONCAT", "XMLELEMENT",
    "XMLEXISTS", "XMLFOREST", "XMLPARSE", "XMLPI", "XMLROOT", "XMLSERIALIZE", "XMLTABLE",
];

const MYSQL: &[&str] = &[
    "ACCESSIBLE", "ADD", "ANALYZE", "ASENSITIVE", "BEFORE", "BIGINT", "BINARY", "BLOB", "BOTH",
    "CALL", "CASCADE", "CHANGE", "CHAR", "CHARACTER", "CONDITION", "CONTINUE", "CONVERT",
    "CUBE", "CUME_DIST", "CURRENT_ROLE", "CURSOR", "DATABASE", "DATABASES", "DAY_HOUR",
    "DAY_MICROSECOND", "DAY_MINUTE", "DAY_SECOND", "DEC", "DECIMAL", "DECLARE", "DELAYED",
    "DENSE_RANK", "DESCRIBE", "DETERMINISTIC", "DISTINCTROW", "DIV", "DOUBLE", "DUAL", "EACH",
    "ELSEIF", "EMPTY", "ENCLOSED", "ESCAPED", "EXCEPT", "EXIT", "EXPLAIN", "FIRST_VALUE",
    "FLOAT", "FLOAT4", "FLOAT8", "FORCE", "FULLTEXT", "FUNCTION", "GENERATED", "GET", "GROUPING",
    "GROUPS", "HIGH_PRIORITY", "HOUR_MICROSECOND", "HOUR_MINUTE", "HOUR_SECOND", "IF", "IGNORE",
    "INFILE", "INOUT", "INSENSITIVE", "INT", "INT1", "INT2", "INT3", "INT4", "INT8", "INTEGER",
    "INTERVAL", "IO_AFTER_GTIDS", "IO_BEFORE_GTIDS", "ITERATE", "JSON_TABLE", "KEYS", "KILL",
    "LAG", "LAST_VALUE", "LATERAL", "LEAD", "LEADING", "LEAVE", "LINEAR", "LINES", "LOAD",
    "LOCALTIME", "LOCALTIMESTAMP", "LOCK", "LONG", "LONGBLOB", "LONGTEXT", "LOOP",
    "LOW_PRIORITY", "MASTER_BIND", "MASTER_SSL_VERIFY_SERVER_CERT", "MATCH", "MAXVALUE",
    "MEDIUMBLOB", "MEDIUMINT", "MEDIUMTEXT", "MIDDLEINT", "MINUTE_MICROSECOND", "MINUTE_SECOND",
    "MOD", "MODIFIES", "NO_WRITE_TO_BINLOG", "NTH_VALUE", "NTILE", "NUMERIC", "OPTIMIZE",
    "OPTIMIZER_COSTS", "OPTION", "OPTIONALLY", "OUT", "OUTFILE", "OVER", "PARTITION",
    "PERCENT_RANK", "PRECISION", "PROCEDURE", "PURGE", "RANGE", "RANK", "READ", "READS",
    "READ_WRITE", "REAL", "RECURSIVE", "REGEXP", "RELEASE", "RENAME", "REPEAT", "REPLACE",
    "REQUIRE", "RESIGNAL", "RESTRICT", "RETURN", "RETURNING", "REVOKE", "RLIKE", "ROWS",
    "ROW_NUMBER", "SCHEMA", "SCHEMAS", "SECOND_MICROSECOND", "SENSITIVE", "SEPARATOR", "SHOW",
    "SIGNAL", "SMALLINT", "SPATIAL", "SPECIFIC", "SQL", "SQLEXCEPTION", "SQLSTATE",
    "SQLWARNING", "SQL_BIG_RESULT", "SQL_CALC_FOUND_ROWS", "SQL_SMALL_RESULT", "SSL",
    "STARTING", "STORED", "STRAIGHT_JOIN", "SYSTEM", "TERMINATED", "TINYBLOB", "TINYINT",
    "TINYTEXT", "TRAILING", "TRIGGER", "UNDO", "UNLOCK", "UNSIGNED", "USAGE", "USE",
    "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP", "VARBINARY", "VARCHAR", "VARCHARACTER", "VARYING",
    "VIRTUAL", "WHILE", "WINDOW", "WRITE", "XOR", "YEAR_MONTH", "ZEROFILL",
];

const SQLITE: &[&str] = &[
    "ABORT", "ACTION", "ADD", "AFTER", "ALWAYS", "ANALYZE", "ATTACH", "AUTOINCREMENT", "BEFORE",
    "BEGIN", "CASCADE", "COMMIT", "CONFLICT", "CURRENT", "DATABASE", "DEFERRABLE", "DEFERRED",
    "DETACH", "DO", "EACH", "ESCAPE", "EXCLUDE", "EXCLUSIVE", "EXPLAIN", "FAIL", "FILTER",
    "FIRST", "FOLLOWING", "GENERATED", "GLOB", "GROUPS", "IF", "IGNORE", "IMMEDIATE",
    "INDEXED", "INITIALLY", "INSTEAD", "ISNULL", "LAST", "MATCH", "MATERIALIZED", "NO",
    "NOTHING", "NOTNULL", "NULLS", "OTHERS", "OVER", "PARTITION", "PLAN", "PRAGMA",
    "PRECEDING", "QUERY", "RAISE", "RANGE", "RECURSIVE", "REGEXP", "REINDEX", "RELEASE",
    "RENAME", "REPLACE", "RESTRICT", "RETURNING", "ROLLBACK", "ROWS", "SAVEPOINT", "TEMP",
    "TEMPORARY", "TIES", "TRANSACTION", "TRIGGER", "UNBOUNDED", "VACUUM", "VIEW", "VIRTUAL",
    "WINDOW", "WITHOUT",
];

const MSSQL: &[&str] = &[
    "ADD", "AUTHORIZATION", "BACKUP", "BEGIN", "BREAK", "BROWSE", "BULK", "CASCADE",
    "CHECKPOINT", "CLOSE", "CLUSTERED", "COALESCE", "COMMIT", "COMPUTE", "CONTAINS",
    "CONTAINSTABLE", "CONTINUE", "CONVERT", "CURRENT", "CURSOR", "DATABASE", "DBCC",
    "DEALLOCATE", "DECLARE", "DENY", "DISK", "DISTRIBUTED", "DOUBLE", "DUMP", "ERRLVL",
    "ESCAPE", "EXEC", "EXECUTE", "EXIT", "EXTERNAL", "FILE", "FILLFACTOR", "FREETEXT",
    "FREETEXTTABLE", "FUNCTION", "GOTO", "HOLDLOCK", "IDENTITY", "IDENTITYCOL",
    "IDENTITY_INSERT", "IF", "KILL", "LINENO", "LOAD", "MERGE", "NATIONAL", "NOCHECK",
    "NONCLUSTERED", "NULLIF", "OFF", "OFFSETS", "OPEN", "OPENDATASOURCE", "OPENQUERY",
    "OPENROWSET", "OPENXML", "OPTION", "OVER", "PERCENT", "PIVOT", "PLAN", "PRECISION", "PRINT",
    "PROC", "PROCEDURE", "PUBLIC", "RAISERROR", "READ", "READTEXT", "RECONFIGURE",
    "REPLICATION", "RESTORE", "RESTRICT", "RETURN", "REVERT", "REVOKE", "ROLLBACK", "ROWCOUNT",
    "ROWGUIDCOL", "RULE", "SAVE", "SCHEMA", "SECURITYAUDIT", "SEMANTICKEYPHRASETABLE",
    "SEMANTICSIMILARITYDETAILSTABLE", "SEMANTICSIMILARITYTABLE", "SESSION_USER", "SETUSER",
    "SHUTDOWN", "SOME", "STATISTICS", "SYSTEM_USER", "TABLESAMPLE", "TEXTSIZE", "TOP", "TRAN",
    "TRANSACTION", "TRIGGER", "TRUNCATE", "TRY_CONVERT", "TSEQUAL", "UNPIVOT", "UPDATETEXT",
    "USE", "VARYING", "VIEW", "WAITFOR", "WHILE", "WITHIN", "WRITETEXT",
];

/// Whether `word` is reserved in `dialect` (case-insensitive).
pub fn is_reserved(word: &str, dialect: Dialect) -> bool {
    let upper = word.to_ascii_uppercase();
    let own = match dialect {
        Dialect::Postgres => POSTGRES,
        Dialect::Mysql => MYSQL,
        Dialect::Sqlite => SQLITE,
        Dialect::Mssql => MSSQL,
    };
    COMMON.contains(&upper.as_str()) || own.contains(&upper.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_words_per_dialect() {
        assert!(is_reserved("select", Dialect::Postgres));
        assert!(is_reserved("Order", Dialect::Mysql));
        assert!(is_reserved("interval", Dialect::Mysql));
        assert!(is_reserved("transaction", Dialect::Sqlite));
        assert!(is_reserved("identity", Dialect::Mssql));
        assert!(!is_reserved("customer", Dialect::Postgres));
        assert!(!is_reserved("identity", Dialect::Postgres));
    }
}

//! Guessing the dialect of a SQL file from its content.

use crate::model::Dialect;

/// The guessed dialect and the reason, in words.
pub fn detect(source: &str) -> (Dialect, String) {
    let head: String = source.chars().take(200_000).collect();
    let upper = head.to_ascii_uppercase();
    let has = |needle: &str| upper.contains(needle);
    if has("-- POSTGRESQL DATABASE DUMP") || has("PG_CATALOG.SET_CONFIG") {
        return (Dialect::Postgres, "pg_dump header".into());
    }
    if has("\n\\CONNECT")
        || head.starts_with("\\connect")
        || has("$$ LANGUAGE")
        || has("::REGCLASS")
    {
        return (
            Dialect::Postgres,
            "psql meta-commands or PostgreSQL casts".into(),
        );
    }
    if has("-- MYSQL DUMP")
        || has("-- MARIADB DUMP")
        || has("/*!40101")
        || has("ENGINE=")
        || has("ENGINE =")
    {
        return (
            Dialect::Mysql,
            "mysqldump header, conditional comments or ENGINE=".into(),
        );
    }
    if upper.lines().any(|l| l.trim() == "GO")
        || has("[DBO].")
        || has("NVARCHAR(MAX)")
        || has("IDENTITY(1,1)")
    {
        return (
            Dialect::Mssql,
            "GO batches, [brackets] or IDENTITY(1,1)".into(),
        );
    }
    if has("SQLITE_SEQUENCE") || has("AUTOINCREMENT") || has("WITHOUT ROWID") || has("PRAGMA ") {
        return (
            Dialect::Sqlite,
            "sqlite_sequence, AUTOINCREMENT or PRAGMA".into(),
        );
    }
    if head.contains('`') || has("AUTO_INCREMENT") || has("UNSIGNED") {
        return (
            Dialect::Mysql,
            "backtick identifiers or AUTO_INCREMENT".into(),
        );
    }
    if has("SERIAL") || has("BIGSERIAL") || has("TIMESTAMPTZ") || has("CREATE TYPE") || has("JSONB")
    {
        return (
            Dialect::Postgres,
            "PostgreSQL types (serial, timestamptz, jsonb, CREATE TYPE)".into(),
        );
    }
    (
        Dialect::Postgres,
        "no dialect-specific syntax found; PostgreSQL assumed".into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typical_files_are_recognised() {
        assert_eq!(
            detect("--\n-- PostgreSQL database dump\n--\nSET x = 1;").0,
            Dialect::Postgres
        );
        assert_eq!(
            detect("CREATE TABLE `t` (id int) ENGINE=InnoDB;").0,
            Dialect::Mysql
        );
        assert_eq!(
            detect("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);").0,
            Dialect::Sqlite
        );
        assert_eq!(
            detect("CREATE TABLE [dbo].[t] (id int IDENTITY(1,1))\nGO\n").0,
            Dialect::Mssql
        );
        assert_eq!(detect("CREATE TABLE t (id int);").0, Dialect::Postgres);
    }
}

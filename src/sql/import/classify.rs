//! Decides from a statement's first words what to do with it before parsing.

use crate::model::Dialect;

/// What the importer does with a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// Session noise (SET, USE, transactions, set_config): skipped quietly.
    Skip,
    /// Row data: counted and skipped.
    Data,
    /// DDL the model does not represent (functions, triggers, grants, ...): kept verbatim.
    Passthrough,
    /// Parsed and turned into model objects.
    Parse,
    /// SQL Server `sp_addextendedproperty`: a description for a table or column.
    ExtendedProperty,
}

/// The first `n` words of a statement, upper-cased, ignoring `OR REPLACE` and the like.
pub fn leading_words(text: &str, n: usize) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '(' || c == ';')
        .filter(|w| !w.is_empty())
        .take(n + 4)
        .map(str::to_ascii_uppercase)
        .filter(|w| {
            !matches!(
                w.as_str(),
                "OR" | "REPLACE"
                    | "TEMP"
                    | "TEMPORARY"
                    | "UNLOGGED"
                    | "GLOBAL"
                    | "LOCAL"
                    | "DEFINER"
                    | "ALGORITHM"
                    | "SQL"
                    | "SECURITY"
            )
        })
        .take(n)
        .collect()
}

/// Classifies a statement.
pub fn classify(text: &str, dialect: Dialect) -> Disposition {
    let words = leading_words(text, 3);
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    if dialect == Dialect::Mssql
        && matches!(word(0), "EXEC" | "EXECUTE")
        && text.to_ascii_lowercase().contains("sp_addextendedproperty")
    {
        return Disposition::ExtendedProperty;
    }
    match word(0) {
        "SET" | "RESET" | "USE" | "BEGIN" | "COMMIT" | "ROLLBACK" | "START" | "END" | "LOCK"
        | "UNLOCK" | "PRAGMA" | "ANALYZE" | "VACUUM" | "CHECKPOINT" | "SAVEPOINT" | "RELEASE"
        | "SELECT" | "FLUSH" | "SHOW" | "DECLARE" | "PRINT" | "EXEC" | "EXECUTE" | "CALL"
        | "REINDEX" | "CLUSTER" | "NOTIFY" => Disposition::Skip,
        // The mysql client's `source file` reads rows from another file.
        "SOURCE" if dialect == Dialect::Mysql => Disposition::Skip,
        "INSERT" | "REPLACE" | "COPY" | "UPDATE" | "DELETE" | "TRUNCATE" | "MERGE" | "VALUES"
        | "WITH" => Disposition::Data,
        "GRANT" | "REVOKE" | "DO" | "SECURITY" | "REFRESH" | "IMPORT" | "DELIMITER" => {
            Disposition::Passthrough
        }
        "CREATE" => match word(1) {
            "TABLE" | "INDEX" | "VIEW" | "MATERIALIZED" | "SEQUENCE" | "SCHEMA" | "DOMAIN"
            | "TYPE" | "DATABASE" | "VIRTUAL" | "UNIQUE" | "FULLTEXT" | "SPATIAL" | "CLUSTERED"
            | "NONCLUSTERED" | "BITMAP" => Disposition::Parse,
            _ => Disposition::Passthrough,
        },
        "ALTER" => match word(1) {
            "TABLE" | "SEQUENCE" | "INDEX" => Disposition::Parse,
            _ => Disposition::Passthrough,
        },
        "COMMENT" => match word(2) {
            "TABLE" | "COLUMN" => Disposition::Parse,
            _ => Disposition::Passthrough,
        },
        "DROP" => match word(1) {
            "TABLE" | "VIEW" | "INDEX" | "SEQUENCE" | "TYPE" | "DOMAIN" => Disposition::Parse,
            _ => Disposition::Skip,
        },
        _ if dialect == Dialect::Mysql && text.starts_with('/') => Disposition::Skip,
        _ => Disposition::Passthrough,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_sorted_by_their_first_words() {
        let pg = Dialect::Postgres;
        assert_eq!(classify("SET statement_timeout = 0", pg), Disposition::Skip);
        assert_eq!(
            classify("SELECT pg_catalog.set_config('search_path', '', false)", pg),
            Disposition::Skip
        );
        assert_eq!(
            classify("CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ $$", pg),
            Disposition::Passthrough
        );
        assert_eq!(
            classify("CREATE UNLOGGED TABLE t (a int)", pg),
            Disposition::Parse
        );
        assert_eq!(
            classify("create unique index i on t (a)", pg),
            Disposition::Parse
        );
        assert_eq!(
            classify("COMMENT ON COLUMN t.a IS 'x'", pg),
            Disposition::Parse
        );
        assert_eq!(
            classify("COMMENT ON EXTENSION plpgsql IS 'x'", pg),
            Disposition::Passthrough
        );
        assert_eq!(
            classify("ALTER TABLE ONLY t ADD CONSTRAINT p PRIMARY KEY (a)", pg),
            Disposition::Parse
        );
        assert_eq!(
            classify("ALTER FUNCTION f() OWNER TO me", pg),
            Disposition::Passthrough
        );
        assert_eq!(classify("INSERT INTO t VALUES (1)", pg), Disposition::Data);
        assert_eq!(
            classify("GRANT ALL ON t TO me", pg),
            Disposition::Passthrough
        );
    }
}

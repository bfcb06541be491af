//! Guessing the dialect of a SQL file from its content: each dialect collects points for the
//! signs it leaves (a dump header, its quoting, its types and statements); the highest score
//! wins, and the reason names the strongest signs.

use crate::model::Dialect;

/// One sign of a dialect: a case-insensitive substring, its weight per occurrence and a cap.
struct Sign {
    dialect: Dialect,
    text: &'static str,
    weight: u32,
    cap: u32,
    label: &'static str,
}

const fn sign(
    dialect: Dialect,
    text: &'static str,
    weight: u32,
    cap: u32,
    label: &'static str,
) -> Sign {
    Sign {
        dialect,
        text,
        weight,
        cap,
        label,
    }
}

const SIGNS: &[Sign] = &[
    sign(
        Dialect::Postgres,
        "-- POSTGRESQL DATABASE DUMP",
        200,
        200,
        "pg_dump header",
    ),
    sign(Dialect::Postgres, "PG_CATALOG.", 30, 60, "pg_catalog"),
    sign(
        Dialect::Postgres,
        "\n\\CONNECT",
        50,
        50,
        "psql meta-commands",
    ),
    sign(Dialect::Postgres, "::", 2, 60, ":: casts"),
    sign(Dialect::Postgres, "$$", 5, 20, "dollar quoting"),
    sign(Dialect::Postgres, " OWNER TO ", 10, 30, "OWNER TO"),
    sign(Dialect::Postgres, " SERIAL", 5, 30, "serial"),
    sign(Dialect::Postgres, "TIMESTAMPTZ", 5, 20, "timestamptz"),
    sign(
        Dialect::Postgres,
        "WITH TIME ZONE",
        3,
        20,
        "time zone types",
    ),
    sign(Dialect::Postgres, "JSONB", 5, 20, "jsonb"),
    sign(Dialect::Postgres, "BYTEA", 5, 20, "bytea"),
    sign(
        Dialect::Postgres,
        "CREATE EXTENSION",
        20,
        20,
        "CREATE EXTENSION",
    ),
    sign(Dialect::Postgres, "AS ENUM", 10, 20, "CREATE TYPE AS ENUM"),
    sign(Dialect::Postgres, "USING BTREE (", 3, 20, "USING btree"),
    sign(
        Dialect::Mysql,
        "-- MYSQL DUMP",
        200,
        200,
        "mysqldump header",
    ),
    sign(
        Dialect::Mysql,
        "-- MARIADB DUMP",
        200,
        200,
        "MariaDB dump header",
    ),
    sign(Dialect::Mysql, "/*!", 20, 60, "conditional comments"),
    sign(Dialect::Mysql, " ENUM (", 5, 20, "inline ENUM types"),
    sign(Dialect::Mysql, " ENUM(", 5, 20, "inline ENUM types"),
    sign(Dialect::Mysql, "UNIQUE KEY", 10, 30, "KEY definitions"),
    sign(Dialect::Mysql, "ENGINE=", 15, 45, "ENGINE="),
    sign(Dialect::Mysql, "ENGINE =", 15, 45, "ENGINE ="),
    sign(Dialect::Mysql, "`", 1, 25, "backtick identifiers"),
    sign(Dialect::Mysql, "AUTO_INCREMENT", 10, 30, "AUTO_INCREMENT"),
    sign(Dialect::Mysql, " UNSIGNED", 5, 20, "unsigned"),
    sign(Dialect::Mysql, "DEFAULT CHARSET", 15, 30, "DEFAULT CHARSET"),
    sign(Dialect::Mysql, "LOCK TABLES", 10, 20, "LOCK TABLES"),
    sign(Dialect::Sqlite, "SQLITE", 30, 60, "mentions SQLite"),
    sign(Dialect::Sqlite, "AUTOINCREMENT", 15, 45, "AUTOINCREMENT"),
    sign(Dialect::Sqlite, "WITHOUT ROWID", 20, 40, "WITHOUT ROWID"),
    sign(Dialect::Sqlite, "PRAGMA ", 20, 40, "PRAGMA"),
    sign(
        Dialect::Sqlite,
        "CREATE VIRTUAL TABLE",
        30,
        60,
        "virtual tables",
    ),
    sign(
        Dialect::Sqlite,
        "INTEGER PRIMARY KEY",
        5,
        30,
        "INTEGER PRIMARY KEY",
    ),
    sign(
        Dialect::Sqlite,
        "INTEGER NOT NULL PRIMARY KEY",
        5,
        30,
        "INTEGER PRIMARY KEY",
    ),
    sign(Dialect::Mssql, "\nGO\n", 3, 60, "GO batches"),
    sign(Dialect::Mssql, "\nGO\r\n", 3, 60, "GO batches"),
    sign(Dialect::Mssql, "[DBO].", 10, 40, "[dbo] names"),
    sign(Dialect::Mssql, "SET ANSI_NULLS", 20, 20, "SET ANSI_NULLS"),
    sign(
        Dialect::Mssql,
        "SP_ADDEXTENDEDPROPERTY",
        10,
        30,
        "sp_addextendedproperty",
    ),
    sign(Dialect::Mssql, ":SETVAR", 30, 30, "SQLCMD variables"),
    sign(Dialect::Mssql, "NVARCHAR(MAX)", 10, 20, "nvarchar(max)"),
    sign(Dialect::Mssql, "IDENTITY(1,1)", 10, 30, "IDENTITY(1,1)"),
    sign(Dialect::Mssql, "IDENTITY (1, 1)", 10, 30, "IDENTITY(1,1)"),
    sign(Dialect::Mssql, "ON [PRIMARY]", 10, 30, "ON [PRIMARY]"),
    sign(
        Dialect::Mssql,
        "UNIQUEIDENTIFIER",
        5,
        20,
        "uniqueidentifier",
    ),
    sign(Dialect::Mssql, " CLUSTERED", 5, 20, "CLUSTERED"),
    sign(Dialect::Mssql, "GETDATE()", 5, 20, "GETDATE()"),
    sign(Dialect::Mssql, "NVARCHAR", 2, 20, "nvarchar"),
    sign(Dialect::Mssql, "DATETIME2", 5, 20, "datetime2"),
];

/// Occurrences of `needle` (up to `cap`); a needle that starts or ends with a letter must not
/// be part of a longer word there (`BYTEA` does not match `BYTEARRAY`).
fn count(haystack: &str, needle: &str, cap: usize) -> usize {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let starts_word = needle.chars().next().is_some_and(char::is_alphanumeric);
    let ends_word = needle.chars().last().is_some_and(char::is_alphanumeric);
    let mut n = 0;
    let mut from = 0;
    while n < cap
        && let Some(at) = haystack
            .get(from..)
            .and_then(|rest| rest.find(needle))
            .map(|i| i + from)
    {
        let before = haystack.get(..at).and_then(|h| h.chars().next_back());
        let after = haystack
            .get(at + needle.len()..)
            .and_then(|h| h.chars().next());
        let inside_word = (starts_word && word(before)) || (ends_word && word(after));
        if !inside_word {
            n += 1;
        }
        from = at + needle.len();
    }
    n
}

/// The guessed dialect and the reason, in words.
pub fn detect(source: &str) -> (Dialect, String) {
    let head: String = source
        .chars()
        .take(400_000)
        .collect::<String>()
        .to_ascii_uppercase();
    let mut scores: Vec<(Dialect, u32, Vec<&'static str>)> =
        Dialect::ALL.iter().map(|d| (*d, 0, Vec::new())).collect();
    for sign in SIGNS {
        let most = usize::try_from(sign.cap / sign.weight.max(1)).unwrap_or(usize::MAX);
        let found = u32::try_from(count(&head, sign.text, most)).unwrap_or(u32::MAX);
        if found == 0 {
            continue;
        }
        if let Some(entry) = scores.iter_mut().find(|(d, _, _)| *d == sign.dialect) {
            entry.1 += (found * sign.weight).min(sign.cap);
            if !entry.2.contains(&sign.label) {
                entry.2.push(sign.label);
            }
        }
    }
    // Highest score wins; ties keep the order of Dialect::ALL (PostgreSQL first).
    let best = scores
        .iter()
        .fold(None::<&(Dialect, u32, Vec<&str>)>, |best, s| match best {
            Some(b) if b.1 >= s.1 => Some(b),
            _ => Some(s),
        });
    match best {
        Some((dialect, score, labels)) if *score > 0 => (
            *dialect,
            labels
                .iter()
                .take(3)
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => (
            Dialect::Postgres,
            "no dialect-specific syntax found; PostgreSQL assumed".into(),
        ),
    }
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
        let (_, reason) =
            detect("CREATE TABLE `t` (id int unsigned AUTO_INCREMENT) ENGINE=InnoDB;");
        assert!(
            reason.contains("ENGINE=") && reason.contains("backtick"),
            "{reason}"
        );
    }
}

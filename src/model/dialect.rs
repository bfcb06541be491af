//! SQL dialects the product reads and writes.

use std::fmt;
use std::str::FromStr;

/// A SQL dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Dialect {
    /// PostgreSQL (the default target).
    #[default]
    Postgres,
    /// MySQL and MariaDB.
    Mysql,
    /// SQLite.
    Sqlite,
    /// Microsoft SQL Server (T-SQL).
    Mssql,
}

impl Dialect {
    /// Every dialect, in a fixed order.
    pub const ALL: [Self; 4] = [Self::Postgres, Self::Mysql, Self::Sqlite, Self::Mssql];

    /// The canonical short name (`postgres`, `mysql`, `sqlite`, `mssql`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Postgres => "postgres",
            Self::Mysql => "mysql",
            Self::Sqlite => "sqlite",
            Self::Mssql => "mssql",
        }
    }

    /// The name people read in menus.
    pub fn display_name(self) -> &'static str {
        match self {
            Self::Postgres => "PostgreSQL",
            Self::Mysql => "MySQL / MariaDB",
            Self::Sqlite => "SQLite",
            Self::Mssql => "SQL Server",
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A dialect name that is not known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown dialect \"{0}\": use postgres, mysql, sqlite or mssql")]
pub struct UnknownDialect(pub String);

impl FromStr for Dialect {
    type Err = UnknownDialect;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" | "pg" | "psql" | "pgsql" => Ok(Self::Postgres),
            "mysql" | "mariadb" | "maria" => Ok(Self::Mysql),
            "sqlite" | "sqlite3" => Ok(Self::Sqlite),
            "mssql" | "sqlserver" | "sql-server" | "tsql" | "t-sql" => Ok(Self::Mssql),
            _ => Err(UnknownDialect(text.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_parse_to_their_dialect() {
        assert_eq!("PostgreSQL".parse(), Ok(Dialect::Postgres));
        assert_eq!("pg".parse(), Ok(Dialect::Postgres));
        assert_eq!("mariadb".parse(), Ok(Dialect::Mysql));
        assert_eq!("sqlite3".parse(), Ok(Dialect::Sqlite));
        assert_eq!("sqlserver".parse(), Ok(Dialect::Mssql));
        assert_eq!("tsql".parse(), Ok(Dialect::Mssql));
        for dialect in Dialect::ALL {
            assert_eq!(dialect.name().parse(), Ok(dialect));
        }
    }

    #[test]
    fn unknown_names_are_refused_with_the_choices() {
        let err = "oracle".parse::<Dialect>().unwrap_err();
        assert!(err.to_string().contains("postgres, mysql, sqlite or mssql"));
    }
}
